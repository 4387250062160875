//! A scripted server for association tests (quinn-proto `tests/util.rs` `Pair` style): it reads
//! the client's PDUs, answers binds and alter_contexts, reassembles and verifies requests and
//! builds (optionally protected) response fragments. Its protection code is written separately
//! from the client's, so the two check each other.

use super::fake_auth::{FakeContext, Role};
use crate::pdu::*;
use crate::uuid::{NDR20, SyntaxId, Uuid};
use crate::{AssocConfig, Association, AuthConfig, Event};
use netapi_auth::{Part, Protection, SecurityContext};

pub struct Peer {
    pub max_xmit: u16,
    pub max_recv: u16,
    pub reject: Vec<SyntaxId>,
    /// Bitmask acknowledged for bind time feature negotiation; `None` rejects that context.
    pub features_ack: Option<u16>,
    /// Whether the server grants header signing when asked.
    pub header_sign: bool,
    pub auth: Option<FakeContext>,
    pub auth_type: AuthType,
    pub auth_level: AuthLevel,
    /// What the bind asked for.
    pub client_asked_header_sign: bool,
    pub auth3_token: Option<Vec<u8>>,
    pub offered: Vec<ContextElement>,
}

pub const SAMR: SyntaxId = SyntaxId::new("12345778-1234-abcd-ef00-0123456789ac", 1, 0);
pub const LSARPC: SyntaxId = SyntaxId::new("12345778-1234-abcd-ef00-0123456789ab", 0, 0);
pub const SRVSVC: SyntaxId = SyntaxId::new("4b324fc8-1670-01d3-1278-5a47bf6ee188", 3, 0);

impl Peer {
    pub fn new() -> Peer {
        Peer {
            max_xmit: 4280,
            max_recv: 4280,
            reject: Vec::new(),
            features_ack: Some(0x02),
            header_sign: true,
            auth: None,
            auth_type: AuthType::NTLMSSP,
            auth_level: AuthLevel::NONE,
            client_asked_header_sign: false,
            auth3_token: None,
            offered: Vec::new(),
        }
    }

    pub fn with_auth(level: AuthLevel, three_legs: bool) -> Peer {
        let mut p = Peer::new();
        p.auth = Some(FakeContext::new(Role::Server, three_legs));
        p.auth_level = level;
        if three_legs {
            p.auth_type = AuthType::SPNEGO;
        }
        p
    }

    /// A client configuration matching this peer's auth.
    pub fn client_config(&self, frag: u16) -> (AssocConfig, Option<FakeContext>) {
        let mut cfg = AssocConfig::new(frag);
        let mut probe = None;
        if let Some(a) = &self.auth {
            let ctx = FakeContext::new(Role::Client, a.three_legs);
            let seen = ctx.seen.clone();
            cfg.auth = Some(AuthConfig::new(
                self.auth_type,
                self.auth_level,
                Box::new(ctx),
            ));
            let mut p = FakeContext::new(Role::Client, a.three_legs);
            p.seen = seen;
            probe = Some(p);
        }
        (cfg, probe)
    }

    fn trailer(&self, pad: u8) -> SecTrailer {
        SecTrailer {
            auth_type: self.auth_type,
            auth_level: self.auth_level,
            pad_length: pad,
            reserved: 0,
            context_id: crate::auth::DEFAULT_AUTH_CONTEXT_ID,
        }
    }

    fn results(&self, contexts: &[ContextElement]) -> Vec<ContextResult> {
        contexts
            .iter()
            .map(|c| {
                let ts = c.transfer_syntaxes[0];
                if ts.is_feature_negotiation() {
                    match self.features_ack {
                        Some(bits) => ContextResult {
                            result: ResultCode::NEGOTIATE_ACK,
                            reason: bits,
                            transfer_syntax: SyntaxId {
                                uuid: Uuid::NIL,
                                major: 0,
                                minor: 0,
                            },
                        },
                        None => rejected(ProviderReason::PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED),
                    }
                } else if self.reject.contains(&c.abstract_syntax) {
                    rejected(ProviderReason::ABSTRACT_SYNTAX_NOT_SUPPORTED)
                } else {
                    assert_eq!(ts, NDR20);
                    ContextResult {
                        result: ResultCode::ACCEPTANCE,
                        reason: 0,
                        transfer_syntax: NDR20,
                    }
                }
            })
            .collect()
    }

    fn auth_answer(&mut self, av: Option<&AuthVerifier>) -> Option<AuthVerifier> {
        self.auth.as_ref()?;
        let av = av.expect("client sent no auth verifier");
        assert_eq!(av.trailer.auth_type, self.auth_type);
        assert_eq!(av.trailer.auth_level, self.auth_level);
        let answer: &[u8] = match &av.value[..] {
            b"NEGOTIATE" => b"CHALLENGE",
            b"AUTH-LEG" => b"FINAL",
            other => panic!("unexpected token {other:?}"),
        };
        Some(AuthVerifier {
            trailer: self.trailer(0),
            value: answer.to_vec(),
        })
    }

    pub fn answer_bind(&mut self, frame: &[u8]) -> Vec<u8> {
        let pdu = Pdu::decode(frame).unwrap();
        let Body::Bind(bind) = &pdu.body else {
            panic!("not a bind: {pdu:?}")
        };
        self.client_asked_header_sign = pdu.header.flags.contains(PfcFlags::SUPPORT_HEADER_SIGN);
        self.offered = bind.contexts.clone();
        let mut flags = PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG;
        if self.client_asked_header_sign && self.header_sign {
            flags |= PfcFlags::SUPPORT_HEADER_SIGN;
        }
        let mut ack = Pdu::new(
            pdu.header.call_id,
            flags,
            Body::BindAck(BindAck {
                max_xmit_frag: self.max_xmit.min(bind.max_recv_frag),
                max_recv_frag: self.max_recv.min(bind.max_xmit_frag),
                assoc_group_id: 0x1234,
                secondary_address: b"49154\0".to_vec(),
                results: self.results(&bind.contexts),
            }),
        );
        ack.auth = self.auth_answer(pdu.auth.as_ref());
        ack.encode().unwrap()
    }

    pub fn answer_alter(&mut self, frame: &[u8]) -> Vec<u8> {
        let pdu = Pdu::decode(frame).unwrap();
        let Body::AlterContext(alter) = &pdu.body else {
            panic!("not an alter_context: {pdu:?}")
        };
        let mut resp = Pdu::new(
            pdu.header.call_id,
            pdu.header.flags,
            Body::AlterContextResp(BindAck {
                max_xmit_frag: self.max_xmit,
                max_recv_frag: self.max_recv,
                assoc_group_id: 0x1234,
                secondary_address: Vec::new(),
                results: self.results(&alter.contexts),
            }),
        );
        if pdu.auth.is_some() {
            resp.auth = self.auth_answer(pdu.auth.as_ref());
        }
        resp.encode().unwrap()
    }

    pub fn take_auth3(&mut self, frame: &[u8]) {
        let pdu = Pdu::decode(frame).unwrap();
        assert_eq!(pdu.body, Body::Auth3);
        self.auth3_token = Some(pdu.auth.unwrap().value);
    }

    fn signs_header(&self) -> bool {
        (self.client_asked_header_sign && self.header_sign) || self.auth_type != AuthType::KERBEROS
    }

    fn protection(&self) -> Option<Protection> {
        match self.auth_level {
            AuthLevel::PKT_INTEGRITY => Some(Protection::Integrity),
            AuthLevel::PKT_PRIVACY => Some(Protection::Privacy),
            _ => None,
        }
    }

    /// Reassembles a request from its fragments (verifying and decrypting each).
    pub fn read_request(&mut self, frames: &[Vec<u8>]) -> (u32, u16, u16, Vec<u8>) {
        let mut stub = Vec::new();
        let mut first = None;
        for (i, f) in frames.iter().enumerate() {
            let mut f = f.clone();
            let frag = u16::from_le_bytes([f[8], f[9]]) as usize;
            assert_eq!(frag, f.len());
            let auth_len = u16::from_le_bytes([f[10], f[11]]) as usize;
            assert_eq!(f[2], 0, "request");
            assert_eq!(f[3] & 1 != 0, i == 0, "FIRST_FRAG only on the first");
            assert_eq!(
                f[3] & 2 != 0,
                i + 1 == frames.len(),
                "LAST_FRAG only on the last"
            );
            let call_id = u32::from_le_bytes(f[12..16].try_into().unwrap());
            let ctx = u16::from_le_bytes([f[20], f[21]]);
            let opnum = u16::from_le_bytes([f[22], f[23]]);
            let alloc_hint = u32::from_le_bytes(f[16..20].try_into().unwrap()) as usize;
            let end = if let Some(level) = self.protection() {
                assert_eq!(auth_len, 16);
                let ts = frag - auth_len - 8;
                assert_eq!(f[ts], self.auth_type.0);
                let pad = f[ts + 2] as usize;
                assert_eq!((ts - 24) % 16, 0, "stub + pad is a multiple of 16");
                let sig = f[ts + 8..].to_vec();
                let signs_header = self.signs_header();
                let (head, rest) = f.split_at_mut(24);
                let (data, rest) = rest.split_at_mut(ts - 24);
                let tr = &rest[..8];
                let mut parts = if signs_header {
                    vec![Part::SignOnly(head), Part::Data(data), Part::SignOnly(tr)]
                } else {
                    vec![Part::Data(data)]
                };
                self.auth
                    .as_mut()
                    .unwrap()
                    .unprotect(level, &mut parts, &sig)
                    .unwrap();
                ts - pad
            } else {
                assert_eq!(auth_len, 0);
                frag
            };
            assert_eq!(
                alloc_hint,
                frames_remaining(frames, i, self.protection().is_some())
            );
            stub.extend_from_slice(&f[24..end]);
            first.get_or_insert((call_id, ctx, opnum));
        }
        let (call_id, ctx, opnum) = first.unwrap();
        (call_id, ctx, opnum, stub)
    }

    /// Response fragments carrying `stub`, each at most `frag` bytes.
    pub fn response(&mut self, call_id: u32, ctx: u16, stub: &[u8], frag: usize) -> Vec<Vec<u8>> {
        let prot = self.protection();
        let overhead = 24 + if prot.is_some() { 24 } else { 0 };
        let chunk = if prot.is_some() {
            (frag - overhead) / 16 * 16
        } else {
            frag - overhead
        };
        let n = stub.len().div_ceil(chunk).max(1);
        (0..n)
            .map(|i| {
                let (s, e) = (i * chunk, ((i + 1) * chunk).min(stub.len()));
                let mut flags = 0u8;
                if i == 0 {
                    flags |= 1;
                }
                if i + 1 == n {
                    flags |= 2;
                }
                let mut f = vec![5, 0, 2, flags, 0x10, 0, 0, 0, 0, 0, 0, 0];
                f.extend_from_slice(&call_id.to_le_bytes());
                f.extend_from_slice(&((stub.len() - s) as u32).to_le_bytes());
                f.extend_from_slice(&ctx.to_le_bytes());
                f.extend_from_slice(&[0, 0]);
                f.extend_from_slice(&stub[s..e]);
                if let Some(level) = prot {
                    let pad = (16 - (e - s) % 16) % 16;
                    f.resize(f.len() + pad, 0);
                    let ts = f.len();
                    let t = self.trailer(pad as u8);
                    f.extend_from_slice(&[t.auth_type.0, t.auth_level.0, t.pad_length, 0]);
                    f.extend_from_slice(&t.context_id.to_le_bytes());
                    let total = (f.len() + 16) as u16;
                    f[8..10].copy_from_slice(&total.to_le_bytes());
                    f[10..12].copy_from_slice(&16u16.to_le_bytes());
                    let signs_header = self.signs_header();
                    let (head, rest) = f.split_at_mut(24);
                    let (data, tr) = rest.split_at_mut(ts - 24);
                    let mut parts = if signs_header {
                        vec![Part::SignOnly(head), Part::Data(data), Part::SignOnly(tr)]
                    } else {
                        vec![Part::Data(data)]
                    };
                    let sig = self
                        .auth
                        .as_mut()
                        .unwrap()
                        .protect(level, &mut parts)
                        .unwrap();
                    f.extend_from_slice(&sig);
                } else {
                    let total = f.len() as u16;
                    f[8..10].copy_from_slice(&total.to_le_bytes());
                }
                assert!(f.len() <= frag);
                f
            })
            .collect()
    }

    pub fn fault(call_id: u32, status: u32) -> Vec<u8> {
        Pdu::new(
            call_id,
            PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
            Body::Fault(Fault {
                alloc_hint: 0,
                context_id: 0,
                cancel_count: 0,
                flags: 0,
                status,
                stub: vec![],
            }),
        )
        .encode()
        .unwrap()
    }
}

fn frames_remaining(frames: &[Vec<u8>], from: usize, protected: bool) -> usize {
    frames[from..]
        .iter()
        .map(|f| {
            let auth_len = u16::from_le_bytes([f[10], f[11]]) as usize;
            if protected {
                let ts = f.len() - auth_len - 8;
                ts - f[ts + 2] as usize - 24
            } else {
                f.len() - 24
            }
        })
        .sum()
}

fn rejected(reason: ProviderReason) -> ContextResult {
    ContextResult {
        result: ResultCode::PROVIDER_REJECTION,
        reason: reason.0,
        transfer_syntax: SyntaxId {
            uuid: Uuid::NIL,
            major: 0,
            minor: 0,
        },
    }
}

/// Drains the client's transmits.
pub fn drain(client: &mut Association) -> Vec<crate::Transmit> {
    std::iter::from_fn(|| client.poll_transmit()).collect()
}

/// Runs a complete bind between `client` and `peer`; returns the Bound event's contexts.
pub fn bind(
    client: &mut Association,
    peer: &mut Peer,
    interfaces: &[SyntaxId],
) -> Vec<crate::PresentationContext> {
    client.bind(interfaces).unwrap();
    loop {
        let tx = drain(client);
        assert!(
            !tx.is_empty(),
            "client has nothing to send and no Bound event"
        );
        for t in tx {
            match t.data[2] {
                11 => client.handle_input(&peer.answer_bind(&t.data)).unwrap(),
                14 => client.handle_input(&peer.answer_alter(&t.data)).unwrap(),
                16 => {
                    assert!(!t.awaits_reply);
                    peer.take_auth3(&t.data);
                }
                other => panic!("unexpected PDU type {other} during bind"),
            }
        }
        if let Some(ev) = client.poll_event() {
            let Event::Bound { contexts } = ev else {
                panic!("{ev:?}")
            };
            // A two-leg mechanism's rpc_auth_3 is queued with the Bound event.
            for t in drain(client) {
                assert_eq!(t.data[2], 16);
                assert!(!t.awaits_reply);
                peer.take_auth3(&t.data);
            }
            return contexts;
        }
    }
}

/// Sends a request and returns the request fragments as the peer saw them.
pub fn send_request(
    client: &mut Association,
    ctx: u16,
    opnum: u16,
    stub: &[u8],
) -> (u32, Vec<Vec<u8>>) {
    let call_id = client.request(ctx, opnum, stub).unwrap();
    let tx = drain(client);
    for (i, t) in tx.iter().enumerate() {
        assert_eq!(t.awaits_reply, i + 1 == tx.len());
    }
    (call_id, tx.into_iter().map(|t| t.data).collect())
}

/// Feeds `bytes` to the client in pieces of `split` bytes.
pub fn feed(client: &mut Association, bytes: &[u8], split: usize) -> Result<(), crate::Error> {
    for piece in bytes.chunks(split.max(1)) {
        client.handle_input(piece)?;
    }
    Ok(())
}
