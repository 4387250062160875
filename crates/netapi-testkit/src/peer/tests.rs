//! The peer checked with netapi's own client pieces: the RPC server's bind results,
//! alter_context, request reassembly and response fragmentation; pipe messages handed out in
//! chunks with `STATUS_BUFFER_OVERFLOW`; encrypted sessions.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use netapi_dcerpc::pdu::PacketType;
use netapi_dcerpc::{Error as RpcError, SyntaxId};
use netapi_smb2::header::Command;
use netapi_smb2::negotiate::Cipher;
use netapi_transport::rpc::RpcClient;
use netapi_transport::smb::{EncryptionPolicy, SmbSession};
use netapi_transport::{Error, RpcIo};

use super::*;

const ECHO: SyntaxId = SyntaxId::new("0badc0de-1234-5678-9abc-def012345678", 1, 0);
const OTHER: SyntaxId = SyntaxId::new("0badc0de-1234-5678-9abc-def0123456ff", 2, 1);
const UNKNOWN: SyntaxId = SyntaxId::new("11111111-2222-3333-4444-555555555555", 1, 0);

/// Answers opnum 1 with as many bytes as the request's first word asks for, opnum 2 with the
/// request's length; records every request length.
fn echo(seen: Arc<Mutex<Vec<usize>>>, tag: u8) -> impl FnMut(u16, &[u8]) -> Reply + Send {
    move |opnum, stub| {
        seen.lock().unwrap().push(stub.len());
        match opnum {
            1 => {
                let n = u32::from_le_bytes(stub[..4].try_into().unwrap()) as usize;
                Reply::Stub((0..n).map(|i| (i as u8) ^ tag).collect())
            }
            2 => Reply::Stub((stub.len() as u32).to_le_bytes().to_vec()),
            _ => Reply::Fault(NCA_S_OP_RNG_ERROR),
        }
    }
}

async fn session(peer: &Peer, tweak: impl FnOnce(&mut SmbOptions)) -> SmbSession {
    let mut o = peer.smb_options(Duration::from_secs(5));
    tweak(&mut o);
    SmbSession::connect("127.0.0.1", &peer.credentials(), &o)
        .await
        .unwrap()
}

#[tokio::test]
async fn bind_alter_context_reassembly_and_fragmentation() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let frags = Arc::new(Mutex::new(Vec::new()));
    let f = frags.clone();
    let peer = Peer::start(
        PeerConfig::rpc()
            .interface("echo", ECHO, echo(seen.clone(), 0))
            .interface("echo", OTHER, echo(seen.clone(), 0xff))
            .on_rpc(move |o| {
                if o.ptype == PacketType::RESPONSE {
                    let alloc = u32::from_le_bytes(o.bytes[16..20].try_into().unwrap());
                    f.lock().unwrap().push((o.bytes.len(), alloc, o.bytes[3]));
                }
            }),
    )
    .await;
    let s = session(&peer, |_| {}).await;

    // An interface nobody serves is refused (provider rejection, abstract syntax).
    let r = RpcClient::bind(s.open_pipe("echo").await.unwrap(), &[UNKNOWN], None).await;
    assert!(
        matches!(
            r,
            Err(Error::Rpc(RpcError::ContextRejected {
                result: 2,
                reason: 1,
                ..
            }))
        ),
        "{r:?}"
    );

    let mut c = RpcClient::bind(s.open_pipe("echo").await.unwrap(), &[ECHO], None)
        .await
        .unwrap();
    let neg = c.association().negotiated().unwrap().clone();
    assert_eq!(neg.max_xmit_frag, SERVER_FRAG);
    assert_eq!(neg.secondary_address, b"\\PIPE\\echo\0");
    assert!(
        neg.features.is_some(),
        "bind time feature negotiation answered"
    );
    let ctx = c.context(&ECHO).unwrap();

    // A 20 KB request goes out in several fragments and arrives whole.
    let mut big = 12_345u32.to_le_bytes().to_vec();
    big.resize(20_000, 7);
    let out = c
        .call(ctx, 1, &big)
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap();
    assert_eq!(out.len(), 12_345);
    assert!(out.iter().enumerate().all(|(i, b)| *b == i as u8));
    assert_eq!(seen.lock().unwrap().last(), Some(&20_000));

    // The 12,345-byte answer came in fragments of at most the negotiated size, alloc_hint
    // counting down, first and last flagged.
    let fr = frags.lock().unwrap().clone();
    assert!(fr.len() >= 3, "{fr:?}");
    assert!(
        fr.iter()
            .all(|(len, _, _)| *len <= usize::from(SERVER_FRAG))
    );
    assert_eq!(fr[0].1, 12_345);
    assert!(fr.windows(2).all(|w| w[0].1 > w[1].1));
    assert_eq!(fr[0].2 & 3, 1, "PFC_FIRST_FRAG only");
    assert_eq!(fr.last().unwrap().2 & 3, 2, "PFC_LAST_FRAG only");

    // alter_context adds the second interface; each context reaches its own handler.
    let ids = c.alter_context(&[OTHER]).await.unwrap();
    let out = c
        .call(ids[0], 1, &4u32.to_le_bytes())
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap();
    assert_eq!(out, [0xff, 0xfe, 0xfd, 0xfc]);
    let out = c
        .call(ctx, 2, &[0; 100])
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap();
    assert_eq!(out, 100u32.to_le_bytes());

    // An opnum the handler does not serve is a fault; the association goes on.
    let r = c.call(ctx, 9, &[]).await.map(netapi_dcerpc::Stub::into_vec);
    assert!(
        matches!(r, Err(Error::Rpc(RpcError::Fault { status, .. })) if status == NCA_S_OP_RNG_ERROR),
        "{r:?}"
    );
    assert_eq!(
        c.call(ctx, 2, &[1, 2])
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap(),
        2u32.to_le_bytes()
    );

    let st = peer.stats();
    assert!(st.errors.is_empty(), "{:?}", st.errors);
    assert_eq!(st.binds.len(), 3, "two binds and an alter_context");
    assert_eq!(st.binds[2], ("echo".to_owned(), vec![OTHER]));
}

/// A response fragment without PFC_LAST_FRAG makes the pipe send the READ for the next one at
/// once; the last fragment makes it send none (a READ with nothing to come would wait, and
/// could take the next call's answer). Two calls of 3 and 1 fragments: 2 READs, then none.
#[tokio::test]
async fn only_a_fragment_that_promises_another_is_read_ahead() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let peer = Peer::start(PeerConfig::rpc().interface("echo", ECHO, echo(seen, 0))).await;
    let s = session(&peer, |_| {}).await;
    let mut c = RpcClient::bind(s.open_pipe("echo").await.unwrap(), &[ECHO], None)
        .await
        .unwrap();
    let ctx = c.context(&ECHO).unwrap();
    // 10,000 bytes in fragments of at most 4,280: three, the first in the IOCTL's answer; then
    // 100 bytes in the IOCTL's answer alone.
    for (len, reads) in [(10_000u32, 2), (100, 2)] {
        let out = c
            .call(ctx, 1, &len.to_le_bytes())
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap();
        assert_eq!(out.len(), len as usize);
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        assert_eq!(
            peer.stats().count(Command::READ),
            reads,
            "after {len} bytes"
        );
    }
    assert!(peer.stats().errors.is_empty(), "{:?}", peer.stats().errors);
}

#[tokio::test]
async fn a_small_output_buffer_gets_the_answer_in_chunks() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let peer = Peer::start(PeerConfig::rpc().interface("echo", ECHO, echo(seen, 0))).await;
    let s = session(&peer, |o| o.max_pipe_output = 1000).await;
    let mut c = RpcClient::bind(s.open_pipe("echo").await.unwrap(), &[ECHO], None)
        .await
        .unwrap();
    let ctx = c.context(&ECHO).unwrap();
    let out = c
        .call(ctx, 1, &10_000u32.to_le_bytes())
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap();
    assert_eq!(out.len(), 10_000);
    // Each ~4 KiB fragment: one IOCTL or READ of 1000 bytes (STATUS_BUFFER_OVERFLOW), then
    // READs for the rest.
    let reads = peer.stats().count(Command::READ);
    assert!(reads >= 10, "{reads} READs");
}

#[tokio::test]
async fn encrypted_session_carries_rpc() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let peer = Peer::start(PeerConfig {
        cipher: Some(Cipher::AES_128_GCM),
        ..PeerConfig::rpc().interface("echo", ECHO, echo(seen, 0))
    })
    .await;
    let s = session(&peer, |o| o.encryption = EncryptionPolicy::Required).await;
    assert!(s.is_encrypted());
    let p = s.open_pipe("echo").await.unwrap();
    assert_eq!(
        p.preferred_frag_size(),
        netapi_transport::smb::PIPE_FRAG_SIZE
    );
    let mut c = RpcClient::bind(p, &[ECHO], None).await.unwrap();
    let ctx = c.context(&ECHO).unwrap();
    assert_eq!(
        c.call(ctx, 2, &[0; 33])
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap(),
        33u32.to_le_bytes()
    );
    assert!(peer.stats().encrypted >= 3, "TREE_CONNECT, CREATE, IOCTLs");
}

#[tokio::test]
async fn absent_pipes_and_shares() {
    let peer = Peer::start(PeerConfig::rpc()).await;
    let s = session(&peer, |_| {}).await;
    let r = s.open_pipe("srvsvc").await;
    assert!(
        matches!(
            r,
            Err(Error::Status {
                command: "CREATE",
                status: 0xC000_0034
            })
        ),
        "{r:?}"
    );
}

#[tokio::test]
async fn disk_shares_get_their_own_trees() {
    let peer = Peer::start(PeerConfig::rpc().disk_share("public")).await;
    let s = session(&peer, |_| {}).await;
    let t = s.connect_tree("PUBLIC").await.unwrap();
    assert_eq!(t.share_type(), netapi_smb2::tree::share_type::DISK);
    assert_ne!(t.tree_id(), crate::peer::TREE_ID, "not IPC$'s tree");
    let again = s.connect_tree("public").await.unwrap();
    assert_ne!(again.tree_id(), t.tree_id());
    assert!(s.connect_tree("nosuch").await.is_err());
    t.disconnect().await.unwrap();
    drop(again);
    // The session still works after its disk trees are gone.
    s.echo().await.unwrap();
    let st = peer.stats();
    assert_eq!(
        st.count(Command::TREE_CONNECT),
        4,
        "IPC$, two disk trees, one refused"
    );
    assert!(st.count(Command::TREE_DISCONNECT) >= 1);
}

/// A server that promises more fragments than it sends (an overstated `alloc_hint`) leaves
/// READs waiting after the last fragment. They are not lost: the next call goes as a WRITE and
/// those READs take its answer, in order; every call gets its own answer.
#[tokio::test]
async fn reads_sent_for_fragments_never_sent_take_the_next_answers() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let peer = Peer::start(
        PeerConfig::rpc()
            .interface("echo", ECHO, echo(seen, 0))
            .on_rpc(|o| {
                // The first fragment of a long answer claims 100,000 stub bytes (about 17
                // fragments of 5,840; 3 come).
                if o.ptype == PacketType::RESPONSE && o.fragment == 0 && !o.last {
                    o.set_alloc_hint(100_000);
                }
            }),
    )
    .await;
    let s = session(&peer, |_| {}).await;
    let mut c = RpcClient::bind(s.open_pipe("echo").await.unwrap(), &[ECHO], None)
        .await
        .unwrap();
    let ctx = c.context(&ECHO).unwrap();
    let writes_before = peer.stats().count(Command::WRITE);
    for (i, len) in [10_000u32, 100, 7, 10_000, 64].into_iter().enumerate() {
        let out = c
            .call(ctx, 1, &len.to_le_bytes())
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap_or_else(|e| panic!("call {i} ({len} bytes): {e}"));
        assert_eq!(out.len(), len as usize, "call {i}");
    }
    let st = peer.stats();
    assert!(st.errors.is_empty(), "{:?}", st.errors);
    // After the first long answer, READs were left waiting, so the calls went as WRITEs.
    assert!(
        st.count(Command::WRITE) > writes_before,
        "no call went as a WRITE"
    );
    assert!(
        st.window_violations.is_empty(),
        "{:?}",
        st.window_violations
    );
}
