//! Hostile servers: `netapi::Client` against `netapi_testkit::peer` tampering with its own
//! SMB2 and DCE/RPC messages. Every scenario must end in a clean, specific error — the asserted
//! `Error::kind()` and `win32()` — within the configured timeout, without a panic, a hang or an
//! allocation sized by the attacker; and the next call on a fresh connection (or pipe) of the
//! same client must work again. `docs/hostile-scenarios.md` is the table of these scenarios.
//!
//! Hooks fire once (or on the first connection only), so the recovery call meets a well-behaved
//! peer. The peer's timeouts are short ([`TIMEOUT`]); stalls cost exactly that.

use std::fmt::Debug;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use netapi::info::ShareInfo;
use netapi::options::{EncryptionPolicy, SigningPolicy};
use netapi::{Client, Code, Error, Kind, NtStatus, Options, RpcFault};
use netapi_dcerpc::pdu::{
    BindAck, BindNak, Body, ContextResult, Fault, PacketType, Pdu, PfcFlags, RejectReason,
    Response, ResultCode,
};
use netapi_dcerpc::{NDR64, SyntaxId, Uuid};
use netapi_msrpc::srvsvc as w;
use netapi_testkit::peer::smb2::header::Command;
use netapi_testkit::peer::smb2::negotiate::NegotiateResponse;
use netapi_testkit::peer::smb2::read_write::{ReadRequest, ReadResponse};
use netapi_testkit::peer::smb2::status::{
    STATUS_BUFFER_OVERFLOW, STATUS_OBJECT_NAME_NOT_FOUND, STATUS_PIPE_BROKEN,
};
use netapi_testkit::peer::srvsvc::{SRVSVC, Server, Srvsvc};
use netapi_testkit::peer::{Peer, PeerConfig, Reply, RpcAction, RpcOut, SmbAction, SmbOut};

/// Response, async and connect timeout of every client here.
const TIMEOUT: Duration = Duration::from_millis(1000);
/// Slack for scheduling on a loaded machine.
const MARGIN: Duration = Duration::from_millis(2500);
/// "At once": before any deadline could have fired (the only deadline is [`TIMEOUT`]), so the
/// error did not come from waiting — nor from first allocating what the peer announced.
const IMMEDIATE: Duration = TIMEOUT;

/// The first bytes of a DCE/RPC request PDU (version 5.0, PTYPE request, first+last fragment):
/// marks the IOCTL that carries a call rather than the bind.
const RPC_REQUEST: [u8; 4] = [5, 0, 0, 3];

/// A peer, its srvsvc state, and a client of it.
struct Scenario {
    peer: Peer,
    client: Client,
}

impl Scenario {
    /// A srvsvc peer with 200 extra shares (level-1 answers span several fragments), `tweak`ed.
    fn new(tweak: impl FnOnce(PeerConfig) -> PeerConfig) -> Self {
        Self::with(Srvsvc::new(Server::with_shares(200)), tweak)
    }

    fn with(srv: Srvsvc, tweak: impl FnOnce(PeerConfig) -> PeerConfig) -> Self {
        let peer = Peer::spawn(tweak(PeerConfig::rpc().srvsvc(&srv)));
        let client = client_of(&peer, |_| {});
        Scenario { peer, client }
    }

    /// The same client without SMB2 signing (the peer does not require it), for the scenarios
    /// that move 16 MiB: unoptimized test builds spend seconds on the MACs alone.
    fn unsigned(mut self) -> Self {
        self.client = client_of(&self.peer, |o| {
            o.smb.signing = SigningPolicy::IfServerRequires
        });
        self
    }

    /// Run `op`, expect it to fail as `kind` / `win32` within the timeout (plus margin).
    fn fails<T: Debug>(
        &self,
        kind: Kind,
        win32: u32,
        op: impl FnOnce(&Client) -> netapi::Result<T>,
    ) -> (Error, Duration) {
        let t = Instant::now();
        let r = op(&self.client);
        let took = t.elapsed();
        let e = match r {
            Ok(v) => panic!("expected error {win32} ({kind:?}), got Ok({v:?})"),
            Err(e) => e,
        };
        assert_eq!((e.kind(), e.win32()), (kind, win32), "{e}  /  {e:?}");
        assert!(took < TIMEOUT + MARGIN, "took {took:?}: {e}");
        (e, took)
    }

    /// The next call works (on a fresh connection or pipe, as the pool decides).
    fn recovers(&self) {
        assert_eq!(
            self.client.share_check("C:").expect("the pool recovers"),
            Some(0)
        );
        assert_eq!(
            self.client
                .share_enum_level(1)
                .expect("and enumerates")
                .len(),
            205
        );
    }

    fn connections(&self) -> usize {
        self.peer.stats().connections
    }
}

fn client_of(peer: &Peer, tweak: impl FnOnce(&mut Options)) -> Client {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(TIMEOUT);
    tweak(&mut o);
    Client::new("127.0.0.1", o).unwrap()
}

/// An SMB2 hook that applies `act` to the first response `pick` selects, then never again.
fn smb_once(
    mut pick: impl FnMut(&SmbOut) -> bool + Send + 'static,
    mut act: impl FnMut(&mut SmbOut) + Send + 'static,
) -> impl FnMut(&mut SmbOut) + Send + 'static {
    let mut fired = false;
    move |o| {
        if !fired && pick(o) {
            fired = true;
            act(o);
        }
    }
}

/// An RPC hook that applies `act` to the first PDU `pick` selects, then never again.
fn rpc_once(
    mut pick: impl FnMut(&RpcOut) -> bool + Send + 'static,
    mut act: impl FnMut(&mut RpcOut) + Send + 'static,
) -> impl FnMut(&mut RpcOut) + Send + 'static {
    let mut fired = false;
    move |o| {
        if !fired && pick(o) {
            fired = true;
            act(o);
        }
    }
}

fn is(c: Command) -> impl FnMut(&SmbOut) -> bool + Send + 'static {
    move |o| o.command() == c
}

/// The first RPC response (or fault) PDU on any pipe.
fn response(o: &RpcOut) -> bool {
    o.ptype == PacketType::RESPONSE
}

fn decode_pdu(b: &[u8]) -> Pdu {
    Pdu::decode(b).expect("the peer's own PDU")
}

// ---------------------------------------------------------------------------------------------
// SMB2
// ---------------------------------------------------------------------------------------------

#[test]
fn smb_truncated_message() {
    // The IOCTL response body cut to 20 bytes (and signed as such): it does not parse.
    let s = Scenario::new(|c| c.on_smb(smb_once(is(Command::IOCTL), |o| o.truncate_body(20))));
    let (e, _) = s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("malformed"), "{e}");
    s.recovers();
    assert_eq!(s.connections(), 2, "the broken connection was replaced");
}

#[test]
fn smb_frame_cut_then_close() {
    // Half a frame, then FIN: the announced length never arrives.
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::IOCTL), |o| {
            o.action = SmbAction::HalfThenClose
        }))
    });
    let (_, took) = s.fails(Kind::Transport, 64, |c| c.share_check("C:"));
    assert!(took < IMMEDIATE, "no wait for the timeout: {took:?}");
    s.recovers();
}

#[test]
fn smb_missing_signature() {
    let s = Scenario::new(|c| c.on_smb(smb_once(is(Command::CREATE), SmbOut::unsigned)));
    let (e, _) = s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    assert!(
        e.detail().unwrap().contains("neither signed nor encrypted"),
        "{e}"
    );
    s.recovers();
}

#[test]
fn smb_wrong_signature() {
    let s = Scenario::new(|c| c.on_smb(smb_once(is(Command::IOCTL), SmbOut::corrupt_signature)));
    let (e, _) = s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("bad signature"), "{e}");
    s.recovers();
}

#[test]
fn smb_zeroed_signature_on_the_final_session_setup() {
    // The response that proves the server knows the session key carries a blank signature.
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(
            |o| o.command() == Command::SESSION_SETUP && o.status() == 0,
            |o| o.replace_signature([0; 16]),
        ))
    });
    s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn smb_encryption_required_but_refused() {
    // The client requires encryption; the peer offers no cipher.
    let s = Scenario::new(|c| c);
    let strict = client_of(&s.peer, |o| o.smb.encryption = EncryptionPolicy::Required);
    let t = Instant::now();
    let e = strict.share_check("C:").unwrap_err();
    assert_eq!((e.kind(), e.win32()), (Kind::Transport, 50), "{e}");
    assert!(e.detail().unwrap().contains("encryption"), "{e}");
    assert!(t.elapsed() < IMMEDIATE);
    assert!(
        s.peer
            .stats()
            .commands
            .iter()
            .all(|c| *c == Command::NEGOTIATE),
        "stopped after NEGOTIATE"
    );
    s.recovers();
}

#[test]
fn smb_server_demands_encryption_without_a_cipher() {
    // SMB2_SESSION_FLAG_ENCRYPT_DATA on a 3.1.1 session that negotiated no cipher.
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(
            |o| o.command() == Command::SESSION_SETUP && o.status() == 0,
            |o| o.body[2] = 0x04,
        ))
    });
    s.fails(Kind::Transport, 50, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn smb_guest_logon_for_real_credentials() {
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(
            |o| o.command() == Command::SESSION_SETUP && o.status() == 0,
            |o| o.body[2] = 0x01,
        ))
    });
    let (e, _) = s.fails(Kind::Transport, 50, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("guest"), "{e}");
    s.recovers();
}

#[test]
fn smb_wrong_password() {
    let s = Scenario::new(|c| c);
    let mut wrong = Options::new(netapi::options::Credentials::password(
        "PEER", "tester", "nope",
    ));
    wrong.smb = s.peer.smb_options(TIMEOUT);
    let e = Client::new("127.0.0.1", wrong)
        .unwrap()
        .share_check("C:")
        .unwrap_err();
    assert_eq!((e.kind(), e.win32()), (Kind::Auth, 1326), "{e}");
    assert_eq!(e.code(), Code::Nt(NtStatus(0xC000_006D)));
    s.recovers();
}

#[test]
fn smb_overflow_chain_long_but_legal() {
    // Every pipe message handed out 97 bytes at a time: dozens of READs per fragment.
    let s = Scenario::new(|c| PeerConfig { chunk: 97, ..c });
    let all = s.client.share_enum_level(1).unwrap();
    assert_eq!(all.len(), 205);
    let reads = s.peer.stats().count(Command::READ);
    assert!(reads > 100, "{reads} READs");
    s.recovers();
}

/// From the first call's IOCTL on, every answer says STATUS_BUFFER_OVERFLOW and carries
/// `chunk` bytes (`None`: as many as the client asked for). The hook ends when the client
/// closes that pipe.
fn endless_overflow(chunk: Option<usize>) -> impl FnMut(&mut SmbOut) + Send + 'static {
    let (mut fired, mut active) = (false, false);
    move |o: &mut SmbOut| match o.command() {
        Command::IOCTL if o.request_contains(&RPC_REQUEST) => {
            active = !fired;
            fired = true;
            if active {
                o.header.status = STATUS_BUFFER_OVERFLOW;
            }
        }
        Command::READ if active => {
            let asked = ReadRequest::parse(&o.request).map_or(0, |r| r.length as usize);
            o.header.status = STATUS_BUFFER_OVERFLOW;
            o.body = ReadResponse {
                data: vec![0x42; chunk.unwrap_or(asked).min(asked)],
                data_remaining: 0,
            }
            .encode();
            o.action = SmbAction::Send;
        }
        Command::CLOSE => active = false,
        _ => {}
    }
}

#[test]
fn smb_overflow_chain_endless() {
    // Full 64 KiB buffers: the client stops at its 16 MiB message limit.
    let s = Scenario::new(|c| c.on_smb(endless_overflow(None))).unsigned();
    let (e, _) = s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("pipe message"), "{e}");
    let reads = s.peer.stats().count(Command::READ);
    assert!(
        reads <= 16 * 1024 * 1024 / (64 * 1024) + 1,
        "bounded: {reads} READs"
    );
    s.recovers();
}

#[test]
fn smb_overflow_chain_endless_in_tiny_chunks() {
    // The same with 16 bytes per READ: each answer is prompt, so no response deadline fires,
    // and the 16 MiB limit alone would take a million round trips. A server that says
    // STATUS_BUFFER_OVERFLOW must have filled the buffer ([MS-SMB2] 3.3.5.12, [MS-FSCC]
    // 2.3.30); the call has to end within the timeout regardless.
    let s = Scenario::new(|c| c.on_smb(endless_overflow(Some(16)))).unsigned();
    let client = s.client.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(client.share_check("C:"));
    });
    // On failure, dropping `s` closes the peer, which ends the client's loop.
    let r = rx
        .recv_timeout(TIMEOUT + MARGIN)
        .expect("no answer within the timeout: the client is still reading 16-byte chunks");
    // Either outcome is specific: the deadline of the whole message (121), or the short
    // chunk refused as a protocol violation (59).
    let e = r.unwrap_err();
    assert!(
        matches!(
            (e.kind(), e.win32()),
            (Kind::Transport, 121) | (Kind::Protocol, 59)
        ),
        "{e}"
    );
    s.recovers();
}

#[test]
fn smb_pipe_message_larger_than_the_limit() {
    // One finite message a byte over the client's limit.
    let srv = Srvsvc::new(Server::with_shares(200));
    let inner = srv.clone();
    let sent = Arc::new(AtomicUsize::new(0));
    let s = Scenario::with(srv, |c| {
        let sent = sent.clone();
        PeerConfig {
            interfaces: Vec::new(),
            ..c
        }
        .interface("srvsvc", SRVSVC, move |op, stub| {
            if op == 20 && sent.fetch_add(1, Ordering::Relaxed) == 0 {
                return Reply::Messages(vec![vec![
                    0xAB;
                    netapi_transport::smb::MAX_PIPE_MESSAGE + 1
                ]]);
            }
            inner.answer(op, stub)
        })
    })
    .unsigned();
    let (e, _) = s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("exceeds the limit"), "{e}");
    s.recovers();
}

#[test]
fn smb_credit_starvation() {
    // NEGOTIATE grants no credit: the client cannot send SESSION_SETUP and must not try.
    let s = Scenario::new(|c| c.on_smb(smb_once(is(Command::NEGOTIATE), |o| o.header.credits = 0)));
    let (e, took) = s.fails(Kind::Transport, 121, |c| c.share_check("C:"));
    assert!(took >= TIMEOUT, "{took:?}: {e}");
    let st = s.peer.stats();
    assert!(
        st.window_violations.is_empty(),
        "{:?}",
        st.window_violations
    );
    assert_eq!(
        st.commands,
        [Command::NEGOTIATE],
        "nothing sent without a credit"
    );
    s.recovers();
}

#[test]
fn smb_stall_after_negotiate() {
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::SESSION_SETUP), |o| {
            o.action = SmbAction::Stall
        }))
    });
    let (e, took) = s.fails(Kind::Transport, 121, |c| c.share_check("C:"));
    assert!(
        took >= TIMEOUT && e.detail().unwrap().contains("SESSION_SETUP"),
        "{took:?} {e}"
    );
    s.recovers();
}

#[test]
fn smb_stall_after_session_setup() {
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::TREE_CONNECT), |o| {
            o.action = SmbAction::Stall
        }))
    });
    let (e, _) = s.fails(Kind::Transport, 121, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("TREE_CONNECT"), "{e}");
    s.recovers();
}

#[test]
fn smb_stall_mid_response() {
    // The first fragment arrives with the IOCTL; the READ for the next one is never answered.
    let s =
        Scenario::new(|c| c.on_smb(smb_once(is(Command::READ), |o| o.action = SmbAction::Stall)));
    let (e, _) = s.fails(Kind::Transport, 121, |c| c.share_enum_level(1));
    assert!(e.detail().unwrap().contains("READ"), "{e}");
    s.recovers();
}

#[test]
fn smb_interim_pending_then_nothing() {
    // STATUS_PENDING moves the request to the async deadline, which also passes.
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(
            |o| o.command() == Command::IOCTL && o.request_contains(&RPC_REQUEST),
            |o| o.action = SmbAction::PendingThenStall,
        ))
    });
    let (_, took) = s.fails(Kind::Transport, 121, |c| c.share_check("C:"));
    assert!(took >= TIMEOUT);
    s.recovers();
}

#[test]
fn smb_disconnect_mid_response() {
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::READ), |o| {
            o.action = SmbAction::HalfThenClose
        }))
    });
    let (_, took) = s.fails(Kind::Transport, 64, |c| c.share_enum_level(1));
    assert!(took < IMMEDIATE, "{took:?}");
    s.recovers();
}

#[test]
fn smb_reset_right_after_session_setup() {
    // RST instead of the TREE_CONNECT response.
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::TREE_CONNECT), |o| {
            o.action = SmbAction::Reset
        }))
    });
    let (_, took) = s.fails(Kind::Transport, 64, |c| c.share_check("C:"));
    assert!(took < IMMEDIATE, "{took:?}");
    s.recovers();
}

#[test]
fn smb_response_for_another_message_id() {
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::CREATE), |o| {
            o.header.message_id += 1000
        }))
    });
    let (e, _) = s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("unexpected"), "{e}");
    s.recovers();
}

#[test]
fn smb_create_fails_pipe_absent() {
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::CREATE), |o| {
            o.fail(STATUS_OBJECT_NAME_NOT_FOUND)
        }))
    });
    let (e, _) = s.fails(Kind::Server, 1722, |c| c.share_check("C:"));
    assert_eq!(e.code(), Code::Nt(NtStatus(STATUS_OBJECT_NAME_NOT_FOUND)));
    assert_eq!(e.message(), "The RPC server is unavailable.");
    s.recovers();
    assert_eq!(
        s.connections(),
        1,
        "a refused CREATE does not cost the session"
    );
}

#[test]
fn smb_dialect_not_offered() {
    // DialectRevision 0x0399, which nobody offered.
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::NEGOTIATE), |o| {
            o.body[4..6].copy_from_slice(&0x0399u16.to_le_bytes())
        }))
    });
    let (e, _) = s.fails(Kind::Transport, 50, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("dialect"), "{e}");
    s.recovers();
}

#[test]
fn smb_311_negotiate_without_preauth_context() {
    let s = Scenario::new(|c| {
        c.on_smb(smb_once(is(Command::NEGOTIATE), |o| {
            let mut full = vec![0u8; 64];
            full.extend_from_slice(&o.body);
            let mut n = NegotiateResponse::parse(&full).unwrap();
            n.contexts.retain(|c| {
                !matches!(
                    c,
                    netapi_testkit::peer::smb2::negotiate::NegotiateContext::PreauthIntegrity { .. }
                )
            });
            o.body = n.encode();
        }))
    });
    let (e, _) = s.fails(Kind::Protocol, 59, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("preauth"), "{e}");
    s.recovers();
}

#[test]
fn smb_pipe_broken_mid_response() {
    let s =
        Scenario::new(|c| c.on_smb(smb_once(is(Command::READ), |o| o.fail(STATUS_PIPE_BROKEN))));
    let (e, _) = s.fails(Kind::Transport, 109, |c| c.share_enum_level(1));
    assert_eq!(e.code(), Code::Nt(NtStatus(STATUS_PIPE_BROKEN)));
    s.recovers();
}

// ---------------------------------------------------------------------------------------------
// DCE/RPC
// ---------------------------------------------------------------------------------------------

fn is_bind_ack(o: &RpcOut) -> bool {
    o.ptype == PacketType::BIND_ACK
}

/// Rewrite the first bind_ack's body.
fn edit_bind_ack(
    mut f: impl FnMut(&mut BindAck) + Send + 'static,
) -> impl FnMut(&mut RpcOut) + Send + 'static {
    rpc_once(is_bind_ack, move |o| {
        let mut pdu = decode_pdu(&o.bytes);
        if let Body::BindAck(a) = &mut pdu.body {
            f(a);
        }
        o.replace(&pdu);
    })
}

#[test]
fn rpc_bind_nak() {
    let s = Scenario::new(|c| {
        c.on_rpc(rpc_once(is_bind_ack, |o| {
            let nak = BindNak {
                reason: RejectReason::LOCAL_LIMIT_EXCEEDED,
                versions: vec![(5, 0)],
                extension: vec![],
            };
            o.replace(&Pdu::new(
                o.call_id,
                PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
                Body::BindNak(nak),
            ));
        }))
    });
    let (e, _) = s.fails(Kind::Server, 1717, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("bind_nak reason 2"), "{e}");
    s.recovers();
}

#[test]
fn rpc_context_rejected() {
    let s = Scenario::new(|c| {
        c.on_rpc(edit_bind_ack(|a| {
            a.results[0] = ContextResult {
                result: ResultCode::PROVIDER_REJECTION,
                reason: 1,
                transfer_syntax: SyntaxId {
                    uuid: Uuid::NIL,
                    major: 0,
                    minor: 0,
                },
            };
        }))
    });
    let (e, _) = s.fails(Kind::Server, 1717, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("rejected"), "{e}");
    s.recovers();
}

#[test]
fn rpc_bind_ack_accepts_a_transfer_syntax_not_offered() {
    let s = Scenario::new(|c| c.on_rpc(edit_bind_ack(|a| a.results[0].transfer_syntax = NDR64)));
    s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn rpc_bind_ack_result_count_wrong() {
    let s = Scenario::new(|c| c.on_rpc(edit_bind_ack(|a| a.results.truncate(1))));
    s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn rpc_bind_ack_wrong_call_id() {
    let s = Scenario::new(|c| c.on_rpc(rpc_once(is_bind_ack, |o| o.set_call_id(o.call_id + 7))));
    let (e, _) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("call_id"), "{e}");
    s.recovers();
}

#[test]
fn rpc_response_wrong_call_id() {
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.set_call_id(o.call_id + 1))));
    let (e, _) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("call_id"), "{e}");
    s.recovers();
}

#[test]
fn rpc_truncated_pdu_small_stub() {
    // A one-fragment answer cut inside its stub, frag_length consistent: the stub is short.
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.truncate(o.bytes.len() - 6))));
    s.fails(Kind::Protocol, 1783, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn rpc_truncated_pdu_inside_a_string() {
    // The last fragment of an enumeration cut in the middle of its strings: whatever the last
    // four bytes happen to be, they are not a status the server returned.
    let s = Scenario::new(|c| {
        c.on_rpc(rpc_once(
            |o| o.ptype == PacketType::RESPONSE && o.last && o.fragment > 0,
            |o| o.truncate(o.bytes.len() - 60),
        ))
    });
    s.fails(Kind::Protocol, 1783, |c| c.share_enum_level(1));
    s.recovers();
}

#[test]
fn rpc_frag_length_below_the_minimum() {
    // 20 bytes cannot hold a response header (24).
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.set_frag_length(20))));
    let (e, took) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("below the minimum"), "{e}");
    assert!(took < IMMEDIATE, "{took:?}");
    s.recovers();
}

#[test]
fn rpc_frag_length_too_short() {
    // frag_length 8 bytes short of the PDU: the stub loses its last 8 bytes, 8 stray bytes follow.
    let s = Scenario::new(|c| {
        c.on_rpc(rpc_once(response, |o| {
            o.set_frag_length(o.frag_length() - 8)
        }))
    });
    s.fails(Kind::Protocol, 1783, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn rpc_frag_length_too_long_beyond_max_recv_frag() {
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.set_frag_length(0xFFF0))));
    let (e, took) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("max_recv_frag"), "{e}");
    assert!(took < IMMEDIATE, "{took:?}");
    s.recovers();
}

#[test]
fn rpc_frag_length_promises_more_than_sent() {
    // Within max_recv_frag but 100 bytes longer than the message: the client reads on, the
    // pipe has nothing, the read pends and the deadline ends it.
    let s = Scenario::new(|c| {
        c.on_rpc(rpc_once(response, |o| {
            o.set_frag_length(o.frag_length() + 100)
        }))
    });
    let (_, took) = s.fails(Kind::Transport, 121, |c| c.share_check("C:"));
    assert!(took >= TIMEOUT);
    s.recovers();
}

#[test]
fn rpc_big_endian_data_representation() {
    // A response whose header is consistently big-endian: our NDR is little-endian only.
    let s = Scenario::new(|c| {
        c.on_rpc(rpc_once(response, |o| {
            let b = &mut o.bytes;
            b[4] = 0x00; // integer representation: big-endian
            let (frag, call) = (
                u16::from_le_bytes([b[8], b[9]]),
                u32::from_le_bytes([b[12], b[13], b[14], b[15]]),
            );
            b[8..10].copy_from_slice(&frag.to_be_bytes());
            b[12..16].copy_from_slice(&call.to_be_bytes());
            let hint = u32::from_le_bytes([b[16], b[17], b[18], b[19]]);
            b[16..20].copy_from_slice(&hint.to_be_bytes());
        }))
    });
    let (e, _) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("data representation"), "{e}");
    s.recovers();
}

#[test]
fn rpc_alloc_hint_4_gib() {
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.set_alloc_hint(u32::MAX))));
    let (e, took) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("alloc_hint"), "{e}");
    assert!(took < IMMEDIATE, "refused before allocating: {took:?}");
    s.recovers();
}

#[test]
fn rpc_more_fragments_than_the_limit() {
    // The answer as 16,385 fragments of 8 stub bytes each, a thousand PDUs per pipe message.
    let limit = netapi_dcerpc::fragment::DEFAULT_MAX_FRAGMENTS;
    let s = Scenario::new(move |c| {
        c.on_rpc(rpc_once(response, move |o| {
            let n = limit + 1;
            let pdus: Vec<u8> = (0..n)
                .flat_map(|i| {
                    let mut flags = PfcFlags::default();
                    if i == 0 {
                        flags |= PfcFlags::FIRST_FRAG;
                    }
                    if i + 1 == n {
                        flags |= PfcFlags::LAST_FRAG;
                    }
                    let body = Body::Response(Response {
                        alloc_hint: ((n - i) * 8) as u32,
                        context_id: 0,
                        cancel_count: 0,
                        stub: vec![0; 8],
                    });
                    Pdu::new(o.call_id, flags, body).encode().unwrap()
                })
                .collect();
            o.extra = pdus.chunks(32 * 1000).map(<[u8]>::to_vec).collect();
            o.action = RpcAction::Drop;
        }))
    });
    let (e, _) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("fragments"), "{e}");
    s.recovers();
}

#[test]
fn rpc_response_on_another_presentation_context() {
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.set_context_id(9))));
    s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn rpc_first_fragment_without_first_frag() {
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.set_flags(0x02))));
    let (e, _) = s.fails(Kind::Protocol, 1728, |c| c.share_check("C:"));
    assert!(e.detail().unwrap().contains("PFC_FIRST_FRAG"), "{e}");
    s.recovers();
}

#[test]
fn rpc_sixteen_byte_fragments() {
    // Legal but hostile: the answer re-cut into fragments of 16 stub bytes, each its own pipe
    // message (about 1,200 for 205 shares). It must simply work.
    let s = Scenario::new(|c| {
        c.on_rpc(|o: &mut RpcOut| {
            if o.ptype != PacketType::RESPONSE || o.call_no > 2 {
                return;
            }
            let Body::Response(r) = decode_pdu(&o.bytes).body else {
                return;
            };
            let n = r.stub.len().div_ceil(16).max(1);
            for (i, piece) in r.stub.chunks(16).enumerate() {
                let mut flags = PfcFlags::default();
                if o.fragment == 0 && i == 0 {
                    flags |= PfcFlags::FIRST_FRAG;
                }
                if o.last && i + 1 == n {
                    flags |= PfcFlags::LAST_FRAG;
                }
                let body = Body::Response(Response {
                    alloc_hint: r.alloc_hint.saturating_sub((i * 16) as u32),
                    context_id: r.context_id,
                    cancel_count: 0,
                    stub: piece.to_vec(),
                });
                o.extra
                    .push(Pdu::new(o.call_id, flags, body).encode().unwrap());
            }
            o.action = RpcAction::Drop;
        })
    });
    assert_eq!(s.client.share_check("C:").unwrap(), Some(0));
    assert_eq!(s.client.share_enum_level(1).unwrap().len(), 205);
    let reads = s.peer.stats().count(Command::READ);
    assert!(reads > 1000, "{reads} READs");
    s.recovers();
}

#[test]
fn rpc_trailing_garbage_after_the_stub() {
    // Eight bytes after a complete answer; the last four are not the status the server sent.
    let s = Scenario::new(|c| c.on_rpc(rpc_once(response, |o| o.append(&[0xEE; 8]))));
    s.fails(Kind::Protocol, 1783, |c| c.share_check("C:"));
    s.recovers();
}

#[test]
fn rpc_association_level_fault() {
    // A fault with call_id 0 (nca_s_proto_error) instead of the response.
    let s = Scenario::new(|c| {
        c.on_rpc(rpc_once(response, |o| {
            let f = Fault {
                alloc_hint: 0,
                context_id: 0,
                cancel_count: 0,
                flags: 0,
                status: 0x1C01_000B,
                stub: vec![],
            };
            o.replace(&Pdu::new(
                0,
                PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
                Body::Fault(f),
            ));
        }))
    });
    let (e, _) = s.fails(Kind::Server, 1728, |c| c.share_check("C:"));
    assert_eq!(e.code(), Code::Fault(RpcFault(0x1C01_000B)));
    s.recovers();
}

#[test]
fn rpc_shutdown_instead_of_a_response() {
    let s = Scenario::new(|c| {
        c.on_rpc(rpc_once(response, |o| {
            o.replace(&Pdu::new(
                o.call_id,
                PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
                Body::Shutdown,
            ))
        }))
    });
    s.fails(Kind::Transport, 64, |c| c.share_check("C:"));
    s.recovers();
}

// ---------------------------------------------------------------------------------------------
// NDR and enumeration
// ---------------------------------------------------------------------------------------------

/// srvsvc whose NetrShareEnum (opnum 15) is answered by `enum15` when it returns `Some`, by
/// the responder otherwise.
fn share_enum_scripted(
    mut enum15: impl FnMut(&w::NetrShareEnumRequest) -> Option<Reply> + Send + 'static,
) -> Scenario {
    let srv = Srvsvc::new(Server::with_shares(200));
    let inner = srv.clone();
    Scenario::with(srv, move |c| {
        PeerConfig {
            interfaces: Vec::new(),
            ..c
        }
        .interface("srvsvc", SRVSVC, move |op, stub| {
            if op == 15
                && let Ok(req) = netapi_ndr::decode::<w::NetrShareEnumRequest>(stub)
                && let Some(r) = enum15(&req)
            {
                return r;
            }
            inner.answer(op, stub)
        })
    })
}

/// Little-endian u32s as stub bytes.
fn words(v: &[u32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

#[test]
fn ndr_huge_conformant_count() {
    // entries_read and max_count of 0x7fffffff with nothing behind them.
    let mut once = true;
    let s = share_enum_scripted(move |_| {
        // level, switch, container ptr, entries_read, buffer ptr, max_count, then 12 zero bytes.
        std::mem::take(&mut once).then(|| {
            Reply::Stub(words(&[
                1,
                1,
                0x20000,
                0x7fff_ffff,
                0x20004,
                0x7fff_ffff,
                0,
                0,
                0,
            ]))
        })
    });
    let (e, took) = s.fails(Kind::Protocol, 1783, |c| c.share_enum_level(1));
    assert!(took < IMMEDIATE, "refused before allocating: {took:?} {e}");
    s.recovers();
}

#[test]
fn ndr_referent_ids_that_repeat() {
    // Every unique pointer of the answer carries the same referent id. Unique pointers never
    // alias ([C706] 14.3.12.2), so the ids carry no meaning beyond non-null: the answer decodes
    // to the same shares.
    let srv = Srvsvc::new(Server::with_shares(200));
    let normal = srv.clone();
    let mut once = true;
    let s = share_enum_scripted(move |req| {
        if !std::mem::take(&mut once) {
            return None;
        }
        let Reply::Stub(mut stub) = normal.answer(15, &netapi_ndr::encode(req).unwrap()) else {
            panic!()
        };
        for word in stub.chunks_exact_mut(4) {
            let v = u32::from_le_bytes(word.try_into().unwrap());
            if (0x20000..0x20000 + 4 * 4096).contains(&v) && v % 4 == 0 {
                word.copy_from_slice(&0x20000u32.to_le_bytes());
            }
        }
        Some(Reply::Stub(stub))
    });
    let got = s.client.share_enum_level(1).unwrap();
    let names: Vec<_> = got
        .iter()
        .map(|s| s.netname().unwrap().to_owned())
        .collect();
    assert_eq!(names.len(), 205);
    assert_eq!(names[5], "share0000");
    let ShareInfo::L1(last) = &got[204] else {
        panic!()
    };
    assert_eq!(last.remark.as_deref(), Some("Share number 199"));
    s.recovers();
}

#[test]
fn enum_fault_in_the_middle_of_a_multi_page_enumeration() {
    let mut calls = 0;
    let s = share_enum_scripted(move |req| {
        calls += 1;
        match (calls, req.resume_handle) {
            (2, Some(r)) if r != 0 => Some(Reply::Fault(5)),
            _ => None,
        }
    });
    let t = Instant::now();
    let mut items = 0;
    let mut err = None;
    for r in s.client.share_enum_pages(1, 1024) {
        match r {
            Ok(_) => items += 1,
            Err(e) => err = Some(e),
        }
    }
    let e = err.expect("the fault ends the enumeration");
    assert_eq!(
        (e.kind(), e.win32(), e.code()),
        (Kind::Server, 5, Code::Fault(RpcFault(5))),
        "{e}"
    );
    assert!(
        items > 0 && items < 205,
        "the first page came through: {items}"
    );
    assert!(t.elapsed() < TIMEOUT + MARGIN);
    s.recovers();
}

#[test]
fn enum_resume_handle_that_never_changes() {
    // Always one share, ERROR_MORE_DATA, resume handle 7.
    let mut n = 0;
    let page = |resume: u32| w::NetrShareEnumResponse {
        info_struct: w::ShareEnumStruct {
            level: 1,
            share_info: w::ShareEnumUnion::L1(Some(w::ShareInfo1Container {
                entries_read: 1,
                buffer: Some(vec![w::ShareInfo1 {
                    netname: Some("again".into()),
                    ..Default::default()
                }]),
            })),
        },
        total_entries: 1000,
        resume_handle: Some(resume),
        status: 234,
    };
    let s = share_enum_scripted(move |_| {
        n += 1;
        (n <= 4).then(|| Reply::encode(&page(7)))
    });
    let (e, _) = s.fails(Kind::Protocol, 1728, |c| c.share_enum_level(1));
    assert!(e.detail().unwrap().contains("no progress"), "{e}");
    // The iterator gives the shares it got, then the same error.
    let it: Vec<_> = s.client.share_enum_pages(1, 1024).collect();
    assert!(
        matches!(it.last(), Some(Err(e)) if e.win32() == 1728),
        "{it:?}"
    );
    assert!(it.len() <= 3, "stopped at once: {} items", it.len());
    s.recovers();
}

#[test]
fn enum_ever_changing_handles_with_empty_pages() {
    let mut n = 0u32;
    let s = share_enum_scripted(move |_| {
        n += 1;
        if n > 2 {
            return None;
        }
        Some(Reply::encode(&w::NetrShareEnumResponse {
            info_struct: w::ShareEnumStruct {
                level: 1,
                share_info: w::ShareEnumUnion::L1(Some(w::ShareInfo1Container {
                    entries_read: 0,
                    buffer: None,
                })),
            },
            total_entries: 1000,
            resume_handle: Some(100 + n),
            status: 234,
        }))
    });
    let (e, took) = s.fails(Kind::Protocol, 1728, |c| c.share_enum_level(1));
    assert!(e.detail().unwrap().contains("no progress"), "{e}");
    assert!(took < IMMEDIATE);
    let it: Vec<_> = s.client.share_enum_pages(1, 1024).collect();
    assert!(matches!(&it[..], [Err(e)] if e.win32() == 1728), "{it:?}");
    s.recovers();
}

#[test]
fn ndr_full_pointer_loops_do_not_apply_to_srvsvc() {
    // [MS-SRVS] declares no full ([ptr]) pointers: every pointer of the srvsvc types is unique
    // or ref, so a referent loop cannot be expressed in any answer decoded here (the NDR
    // crate's own tests cover full-pointer aliasing and self-reference). If one appears, this
    // fails and a loop scenario belongs here.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../netapi-msrpc/src/srvsvc");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text
            .lines()
            .filter(|l| l.trim_start().starts_with("#[ndr("))
        {
            let attrs = line.trim_start().trim_start_matches("#[ndr(");
            assert!(
                !attrs.split([',', ')', ' ']).any(|a| a == "ptr"),
                "{}: full pointer in `{line}`",
                path.display()
            );
        }
    }
}
