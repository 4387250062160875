//! RpcClient over a scripted in-memory transport: which PDUs go through `send` and which
//! through `transceive`, multi-fragment responses arriving through `recv`, error mapping.

use netapi_dcerpc::pdu::*;
use netapi_dcerpc::{NDR20, SyntaxId, Uuid};
use netapi_transport::rpc::RpcClient;
use netapi_transport::{Error, RpcIo};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

const SAMR: SyntaxId = <netapi_msrpc::samr::Samr as netapi_msrpc::Interface>::SYNTAX;
const LSARPC: SyntaxId = <netapi_msrpc::lsarpc::Lsarpc as netapi_msrpc::Interface>::SYNTAX;

/// What the client handed over: (how, PTYPE, length).
type Log = Arc<Mutex<Vec<(&'static str, u8, usize)>>>;

#[derive(Default)]
struct Script {
    /// Reject binds with this bind_nak reason.
    nak: Option<u16>,
    /// Reject these interfaces.
    reject: Vec<SyntaxId>,
    /// Answer calls with this opnum with a fault.
    fault_opnum: Option<(u16, u32)>,
    /// Response fragment size.
    frag: usize,
    /// Close the connection instead of answering calls with this opnum.
    hang_up_opnum: Option<u16>,
}

/// A server speaking through the RpcIo interface. Requests are answered with the reversed stub.
struct Scripted {
    script: Script,
    pending: VecDeque<Vec<u8>>,
    request: Vec<u8>,
    log: Log,
}

impl Scripted {
    fn new(script: Script) -> (Scripted, Log) {
        let log = Arc::new(Mutex::new(Vec::new()));
        (
            Scripted {
                script,
                pending: VecDeque::new(),
                request: Vec::new(),
                log: log.clone(),
            },
            log,
        )
    }

    fn absorb(&mut self, how: &'static str, data: &[u8]) {
        let pdu = Pdu::decode(data).expect("client PDU");
        self.log.lock().unwrap().push((how, data[2], data.len()));
        let call_id = pdu.header.call_id;
        let last = PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG;
        match pdu.body {
            Body::Bind(b) | Body::AlterContext(b) => {
                let is_bind = data[2] == 11;
                if let (Some(reason), true) = (self.script.nak, is_bind) {
                    let nak = Pdu::new(
                        call_id,
                        last,
                        Body::BindNak(BindNak {
                            reason: RejectReason(reason),
                            versions: vec![(5, 0)],
                            extension: vec![],
                        }),
                    );
                    self.pending.push_back(nak.encode().unwrap());
                    return;
                }
                let results = b
                    .contexts
                    .iter()
                    .map(|c| {
                        let ts = c.transfer_syntaxes[0];
                        if ts.is_feature_negotiation() {
                            ContextResult {
                                result: ResultCode::NEGOTIATE_ACK,
                                reason: 3,
                                transfer_syntax: nil(),
                            }
                        } else if self.script.reject.contains(&c.abstract_syntax) {
                            ContextResult {
                                result: ResultCode::PROVIDER_REJECTION,
                                reason: 1,
                                transfer_syntax: nil(),
                            }
                        } else {
                            ContextResult {
                                result: ResultCode::ACCEPTANCE,
                                reason: 0,
                                transfer_syntax: NDR20,
                            }
                        }
                    })
                    .collect();
                let ack = BindAck {
                    max_xmit_frag: b.max_recv_frag,
                    max_recv_frag: b.max_xmit_frag,
                    assoc_group_id: 7,
                    secondary_address: if is_bind { b"135\0".to_vec() } else { vec![] },
                    results,
                };
                let body = if is_bind {
                    Body::BindAck(ack)
                } else {
                    Body::AlterContextResp(ack)
                };
                self.pending
                    .push_back(Pdu::new(call_id, last, body).encode().unwrap());
            }
            Body::Request(r) => {
                self.request.extend_from_slice(&r.stub);
                if !pdu.header.flags.contains(PfcFlags::LAST_FRAG) {
                    return;
                }
                let stub = std::mem::take(&mut self.request);
                if self.script.hang_up_opnum == Some(r.opnum) {
                    return;
                }
                if let Some((op, status)) = self.script.fault_opnum
                    && op == r.opnum
                {
                    let f = Fault {
                        alloc_hint: 0,
                        context_id: r.context_id,
                        cancel_count: 0,
                        flags: 0,
                        status,
                        stub: vec![],
                    };
                    self.pending
                        .push_back(Pdu::new(call_id, last, Body::Fault(f)).encode().unwrap());
                    return;
                }
                let answer: Vec<u8> = stub.iter().rev().copied().collect();
                let chunks: Vec<&[u8]> = if answer.is_empty() {
                    vec![&[]]
                } else {
                    answer.chunks(self.script.frag).collect()
                };
                let n = chunks.len();
                for (i, c) in chunks.into_iter().enumerate() {
                    let mut flags = PfcFlags::default();
                    if i == 0 {
                        flags |= PfcFlags::FIRST_FRAG;
                    }
                    if i + 1 == n {
                        flags |= PfcFlags::LAST_FRAG;
                    }
                    let resp = Response {
                        alloc_hint: 0,
                        context_id: r.context_id,
                        cancel_count: 0,
                        stub: c.to_vec(),
                    };
                    self.pending.push_back(
                        Pdu::new(call_id, flags, Body::Response(resp))
                            .encode()
                            .unwrap(),
                    );
                }
            }
            other => panic!("unexpected client PDU {other:?}"),
        }
    }
}

fn nil() -> SyntaxId {
    SyntaxId {
        uuid: Uuid::NIL,
        major: 0,
        minor: 0,
    }
}

impl RpcIo for Scripted {
    async fn transceive(&mut self, data: &[u8]) -> Result<Vec<u8>, Error> {
        self.absorb("transceive", data);
        self.pending.pop_front().ok_or(Error::Disconnected)
    }
    async fn send(&mut self, data: &[u8]) -> Result<(), Error> {
        self.absorb("send", data);
        Ok(())
    }
    async fn recv(&mut self) -> Result<Vec<u8>, Error> {
        self.log.lock().unwrap().push(("recv", 0, 0));
        self.pending.pop_front().ok_or(Error::Disconnected)
    }
    fn preferred_frag_size(&self) -> u16 {
        1000
    }
}

#[tokio::test]
async fn bind_call_and_fragmented_request_and_response() {
    let (io, log) = Scripted::new(Script {
        frag: 300,
        ..Default::default()
    });
    let mut client = RpcClient::bind(io, &[SAMR], None).await.unwrap();
    let ctx = client.context(&SAMR).unwrap();
    let n = client.association().negotiated().unwrap().clone();
    assert_eq!((n.max_xmit_frag, n.assoc_group_id), (1000, 7));
    assert!(n.features.unwrap().keep_connection_on_orphan());

    let stub: Vec<u8> = (0..2500u32).map(|i| i as u8).collect();
    let back = client
        .call(ctx, 5, &stub)
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap();
    assert_eq!(back, stub.iter().rev().copied().collect::<Vec<u8>>());
    let log = log.lock().unwrap();
    // bind by transceive; request fragments: 2 sends + 1 transceive (976 bytes each); the
    // response's 9 fragments: the first via transceive, 8 via recv.
    let kinds: Vec<(&str, u8)> = log.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(kinds[0], ("transceive", 11));
    assert_eq!(&kinds[1..4], &[("send", 0), ("send", 0), ("transceive", 0)]);
    assert_eq!(kinds[4..].iter().filter(|k| k.0 == "recv").count(), 8);
    assert!(log.iter().all(|e| e.2 <= 1000));
}

#[tokio::test]
async fn several_interfaces_and_alter_context() {
    let (io, _) = Scripted::new(Script {
        frag: 4000,
        ..Default::default()
    });
    let mut client = RpcClient::bind(io, &[SAMR], None).await.unwrap();
    let ids = client.alter_context(&[LSARPC]).await.unwrap();
    assert_eq!(client.context(&LSARPC), Some(ids[0]));
    assert_eq!(
        client
            .call(ids[0], 0, b"abc")
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap(),
        b"cba"
    );
    assert_eq!(
        client
            .call(client.context(&SAMR).unwrap(), 0, b"xy")
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap(),
        b"yx"
    );
}

#[tokio::test]
async fn errors_are_mapped() {
    let (io, _) = Scripted::new(Script {
        nak: Some(4),
        frag: 100,
        ..Default::default()
    });
    let err = RpcClient::bind(io, &[SAMR], None).await.unwrap_err();
    assert!(
        matches!(err, Error::Rpc(netapi_dcerpc::Error::BindNak { reason: 4 })),
        "{err}"
    );

    let (io, _) = Scripted::new(Script {
        reject: vec![LSARPC],
        frag: 100,
        ..Default::default()
    });
    let err = RpcClient::bind(io, &[SAMR, LSARPC], None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Rpc(netapi_dcerpc::Error::ContextRejected {
                context_id: 1,
                result: 2,
                reason: 1
            })
        ),
        "{err}"
    );

    let (io, _) = Scripted::new(Script {
        fault_opnum: Some((9, 0x1c01_0002)),
        hang_up_opnum: Some(8),
        frag: 100,
        ..Default::default()
    });
    let mut client = RpcClient::bind(io, &[SAMR], None).await.unwrap();
    let err = client
        .call(0, 9, b"x")
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Rpc(netapi_dcerpc::Error::Fault {
                status: 0x1c01_0002,
                ..
            })
        ),
        "{err}"
    );
    // Still usable after a fault.
    assert_eq!(
        client
            .call(0, 1, b"ok")
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap(),
        b"ko"
    );
    // A hang-up breaks the client for good.
    assert!(matches!(
        client
            .call(0, 8, b"x")
            .await
            .map(netapi_dcerpc::Stub::into_vec),
        Err(Error::Disconnected)
    ));
    assert!(matches!(
        client
            .call(0, 1, b"x")
            .await
            .map(netapi_dcerpc::Stub::into_vec),
        Err(Error::Disconnected)
    ));
}

#[tokio::test]
async fn stub_hook_captures_both_directions() {
    let (io, _) = Scripted::new(Script {
        frag: 100,
        ..Default::default()
    });
    let mut client = RpcClient::bind(io, &[SAMR], None).await.unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    client.set_stub_hook(Some(Box::new(move |r: &netapi_dcerpc::StubRecord<'_>| {
        s.lock()
            .unwrap()
            .push((r.direction, r.opnum, r.interface, r.stub.to_vec()));
    })));
    client
        .call(0, 64, b"request")
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen[0],
        (
            netapi_dcerpc::Direction::Request,
            64,
            SAMR,
            b"request".to_vec()
        )
    );
    assert_eq!(
        seen[1],
        (
            netapi_dcerpc::Direction::Response,
            64,
            SAMR,
            b"tseuqer".to_vec()
        )
    );
}

#[tokio::test]
async fn call_watched_signals_once_after_the_first_fragment_of_a_longer_answer() {
    let (io, log) = Scripted::new(Script {
        frag: 300,
        ..Default::default()
    });
    let mut client = RpcClient::bind(io, &[SAMR], None).await.unwrap();
    let ctx = client.context(&SAMR).unwrap();
    // Where in the client's I/O the signal came: the log's length then.
    let at = Arc::new(Mutex::new(Vec::new()));
    let stub: Vec<u8> = (0..2500u32).map(|i| i as u8).collect();
    let (seen, log_now) = (at.clone(), log.clone());
    let mut signal = move || seen.lock().unwrap().push(log_now.lock().unwrap().len());
    let back = client
        .call_watched(ctx, 5, &stub, &mut signal)
        .await
        .unwrap();
    assert_eq!(back.len(), stub.len());
    let at = at.lock().unwrap().clone();
    let log = log.lock().unwrap().clone();
    assert_eq!(at.len(), 1, "signalled once: {at:?}");
    // After the request's last fragment went out (the transceive carrying the first answer
    // fragment) and before any further fragment was asked for.
    let first_recv = log.iter().position(|e| e.0 == "recv").unwrap();
    assert_eq!(log[at[0] - 1].0, "transceive");
    assert_eq!(at[0], first_recv);

    // An answer in one fragment: nothing is left to wait for, so no signal.
    let calls = Arc::new(Mutex::new(0));
    let counted = calls.clone();
    let short = client
        .call_watched(ctx, 5, &[1, 2, 3, 4], &mut move || {
            *counted.lock().unwrap() += 1
        })
        .await
        .unwrap();
    assert_eq!(short.len(), 4);
    assert_eq!(*calls.lock().unwrap(), 0);
}
