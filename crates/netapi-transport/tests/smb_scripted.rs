//! The SMB2 client against a scripted in-process peer, for what Samba will not do on demand:
//! stalls, disconnects in the middle of a frame, bad signatures, missing encryption,
//! `STATUS_BUFFER_OVERFLOW` chains, interim responses and credit starvation. The peer is
//! `netapi_testkit::peer` with its fake authentication.

use std::sync::Arc;
use std::time::{Duration, Instant};

use netapi_auth::Credentials;
use netapi_smb2::header::Command;
use netapi_smb2::session_setup::session_flags;
use netapi_testkit::peer::{FakeAuth, Peer, PeerConfig, SmbAction, SmbOut};
use netapi_transport::smb::{
    Cipher, Dialect, EncryptionPolicy, PipeConnector, SigningAlgorithm, SmbClient, SmbOptions,
    SmbSession,
};
use netapi_transport::{Error, RpcIo};

fn creds() -> Credentials {
    Credentials::password("LAB", "tester", "pw")
}

fn opts(peer: &Peer) -> SmbOptions {
    SmbOptions {
        port: peer.addr.port(),
        response_timeout: Duration::from_millis(500),
        ..SmbOptions::default()
    }
}

async fn connect(_peer: &Peer, o: &SmbOptions) -> Result<SmbSession, Error> {
    SmbSession::connect_with("127.0.0.1", &creds(), o, Arc::new(FakeAuth)).await
}

/// The default peer with one hook on its responses.
fn hooked(hook: impl FnMut(&mut SmbOut) + Send + 'static) -> PeerConfig {
    PeerConfig::default().on_smb(hook)
}

#[tokio::test]
async fn every_dialect_against_the_peer() {
    for d in Dialect::ALL {
        let peer = Peer::start(PeerConfig {
            dialect: d,
            ..PeerConfig::default()
        })
        .await;
        let s = connect(&peer, &opts(&peer).with_dialect(d))
            .await
            .unwrap_or_else(|e| panic!("{d:?}: {e}"));
        assert_eq!(s.dialect(), d);
        assert!(s.is_signed());
        let mut p = s.open_pipe("srvsvc").await.unwrap();
        assert_eq!(p.transceive(b"hello pipe").await.unwrap(), b"hello pipe");
        p.close().await.unwrap();
        assert!(peer.stats().window_violations.is_empty());
    }
}

#[tokio::test]
async fn gmac_signing_and_gcm_encryption_negotiated() {
    let peer = Peer::start(PeerConfig {
        cipher: Some(Cipher::AES_256_GCM),
        signing: Some(SigningAlgorithm::AES_GMAC),
        ..PeerConfig::default()
    })
    .await;
    let mut o = opts(&peer);
    o.encryption = EncryptionPolicy::Required;
    let s = connect(&peer, &o).await.unwrap();
    assert!(s.is_encrypted());
    assert_eq!(s.cipher(), Some(Cipher::AES_256_GCM));
    let mut p = s.open_pipe("srvsvc").await.unwrap();
    assert_eq!(p.transceive(b"secret").await.unwrap(), b"secret");
    // TREE_CONNECT, CREATE and IOCTL all went encrypted.
    assert!(peer.stats().encrypted >= 3);
}

#[tokio::test]
async fn stalled_server_times_out_and_wakes_every_waiter() {
    let peer = Peer::start(hooked(|o| {
        if o.command() == Command::IOCTL && o.request_contains(b"stall") {
            o.action = SmbAction::Stall;
        }
    }))
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    let mut a = s.open_pipe("srvsvc").await.unwrap();
    let mut b = s.open_pipe("wkssvc").await.unwrap();
    let t = Instant::now();
    let (ra, rb) = tokio::join!(a.transceive(b"stall please"), async {
        // A second caller that is waiting on the same connection when the first times out.
        tokio::time::sleep(Duration::from_millis(100)).await;
        b.transceive(b"stall too").await
    });
    assert!(
        matches!(ra, Err(Error::Timeout { op: "IOCTL", .. })),
        "{ra:?}"
    );
    assert!(
        rb.is_err(),
        "the other waiter is woken, not left hanging: {rb:?}"
    );
    assert!(t.elapsed() < Duration::from_secs(3));
    assert!(!s.is_alive());
    assert!(matches!(s.echo().await, Err(Error::Disconnected)));
}

#[tokio::test]
async fn disconnect_mid_response_fails_with_disconnected() {
    let peer = Peer::start(hooked(|o| {
        if o.command() == Command::IOCTL {
            o.action = SmbAction::HalfThenClose;
        }
    }))
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    let mut p = s.open_pipe("srvsvc").await.unwrap();
    let t = Instant::now();
    let r = p.transceive(&[0x55; 2000]).await;
    assert!(matches!(r, Err(Error::Disconnected)), "{r:?}");
    assert!(
        t.elapsed() < Duration::from_millis(400),
        "no wait for the timeout"
    );
}

#[tokio::test]
async fn bad_signature_is_an_error() {
    let peer = Peer::start(hooked(|o| {
        if o.command() == Command::CREATE {
            o.corrupt_signature();
        }
    }))
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    let r = s.open_pipe("srvsvc").await;
    assert!(
        matches!(
            r,
            Err(Error::Smb(netapi_smb2::Error::BadSignature {
                command: Command::CREATE,
                ..
            }))
        ),
        "{r:?}"
    );
    assert!(!s.is_alive());
}

#[tokio::test]
async fn unsigned_response_on_a_signed_session_is_an_error() {
    let peer = Peer::start(hooked(|o| {
        if o.command() == Command::IOCTL {
            o.unsigned();
        }
    }))
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    let mut p = s.open_pipe("srvsvc").await.unwrap();
    let r = p.transceive(b"x").await;
    assert!(
        matches!(r, Err(Error::Smb(netapi_smb2::Error::Unsigned { .. }))),
        "{r:?}"
    );
}

#[tokio::test]
async fn bad_signature_on_final_session_setup_is_an_error() {
    let peer = Peer::start(hooked(|o| {
        // The second SESSION_SETUP carries "AUTHENTICATE".
        if o.command() == Command::SESSION_SETUP && o.request_contains(b"AUTHENTICATE") {
            o.corrupt_signature();
        }
    }))
    .await;
    let r = connect(&peer, &opts(&peer)).await;
    assert!(
        matches!(r, Err(Error::Smb(netapi_smb2::Error::BadSignature { .. }))),
        "{r:?}"
    );
}

#[tokio::test]
async fn encryption_required_but_not_offered() {
    // 3.1.1 without an ENCRYPTION context.
    let peer = Peer::start(PeerConfig::default()).await;
    let mut o = opts(&peer);
    o.encryption = EncryptionPolicy::Required;
    let r = connect(&peer, &o).await;
    assert!(
        matches!(r, Err(Error::Policy(ref m)) if m.contains("encryption")),
        "{r:?}"
    );
    // 3.0.2 without the ENCRYPTION capability.
    let peer = Peer::start(PeerConfig {
        dialect: Dialect::SMB3_0_2,
        ..PeerConfig::default()
    })
    .await;
    let r = connect(&peer, &o).await;
    assert!(matches!(r, Err(Error::Policy(_))), "{r:?}");
    // The server demands encryption (session flag) but no cipher was negotiated.
    let peer = Peer::start(PeerConfig {
        session_flags: session_flags::ENCRYPT_DATA,
        ..PeerConfig::default()
    })
    .await;
    let r = connect(&peer, &opts(&peer)).await;
    assert!(matches!(r, Err(Error::Policy(_))), "{r:?}");
}

#[tokio::test]
async fn server_demanded_encryption_is_honoured() {
    let peer = Peer::start(PeerConfig {
        cipher: Some(Cipher::AES_128_CCM),
        session_flags: session_flags::ENCRYPT_DATA,
        ..PeerConfig::default()
    })
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    assert!(s.is_encrypted());
    let mut p = s.open_pipe("srvsvc").await.unwrap();
    assert_eq!(p.transceive(b"abc").await.unwrap(), b"abc");
}

#[tokio::test]
async fn guest_logon_is_refused_for_real_credentials() {
    let peer = Peer::start(PeerConfig {
        session_flags: session_flags::IS_GUEST,
        ..PeerConfig::default()
    })
    .await;
    let r = connect(&peer, &opts(&peer)).await;
    assert!(matches!(r, Err(Error::Policy(_))), "{r:?}");
}

#[tokio::test]
async fn dialect_below_the_minimum_is_refused() {
    let peer = Peer::start(PeerConfig {
        dialect: Dialect::SMB2_1,
        ..PeerConfig::default()
    })
    .await;
    let mut o = opts(&peer);
    o.min_dialect = Dialect::SMB3_0;
    let r = connect(&peer, &o).await;
    assert!(matches!(r, Err(Error::Policy(_))), "{r:?}");
}

#[tokio::test]
async fn buffer_overflow_chain_is_reassembled() {
    let big: Vec<u8> = (0..10_000u32).map(|i| i as u8).collect();
    let reply = big.clone();
    let peer = Peer::start(PeerConfig {
        chunk: 1500,
        raw_pipe: Some(Arc::new(move |_| reply.clone())),
        ..PeerConfig::default()
    })
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    let mut p = s.open_pipe("lsarpc").await.unwrap();
    assert_eq!(p.transceive(b"q").await.unwrap(), big);
    let reads = peer.stats().count(Command::READ);
    assert_eq!(reads, 6, "one IOCTL of 1500 bytes, six READs");
    // send + recv: WRITE, then READs while STATUS_BUFFER_OVERFLOW.
    p.send(b"again").await.unwrap();
    assert_eq!(p.recv().await.unwrap(), big);
}

#[tokio::test]
async fn interim_pending_response_then_the_answer() {
    let peer = Peer::start(hooked(|o| {
        if o.command() == Command::IOCTL {
            o.action = SmbAction::PendingThen(Duration::ZERO);
        }
    }))
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    let mut p = s.open_pipe("srvsvc").await.unwrap();
    assert_eq!(p.transceive(b"slow").await.unwrap(), b"slow");
}

#[tokio::test]
async fn credit_starvation_never_overruns_the_window() {
    // One credit per response: everything goes through one at a time.
    let peer = Peer::start(PeerConfig {
        grant: 1,
        ..PeerConfig::default()
    })
    .await;
    let s = connect(&peer, &opts(&peer)).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..16u8 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            let mut p = s.open_pipe("srvsvc").await?;
            let r = p.transceive(&[i; 10]).await?;
            p.close().await?;
            Ok::<_, Error>(r)
        }));
    }
    for (i, t) in tasks.into_iter().enumerate() {
        assert_eq!(t.await.unwrap().unwrap(), vec![i as u8; 10]);
    }
    let st = peer.stats();
    assert!(
        st.window_violations.is_empty(),
        "{:?}",
        st.window_violations
    );
    assert_eq!(st.max_in_flight, 1);

    // Zero credits: the client holds requests back (and times out) rather than overrun.
    let peer = Peer::start(PeerConfig {
        grant: 0,
        ..PeerConfig::default()
    })
    .await;
    let r = connect(&peer, &opts(&peer)).await;
    assert!(matches!(r, Err(Error::Timeout { .. })), "{r:?}");
    let st = peer.stats();
    assert!(
        st.window_violations.is_empty(),
        "{:?}",
        st.window_violations
    );
    assert_eq!(
        st.commands,
        vec![Command::NEGOTIATE],
        "nothing sent without a credit"
    );
}

#[tokio::test]
async fn pipes_are_closed_and_the_session_logged_off() {
    let peer = Peer::start(PeerConfig::default()).await;
    {
        let s = connect(&peer, &opts(&peer)).await.unwrap();
        let a = s.open_pipe("srvsvc").await.unwrap();
        let b = s.open_pipe("samr").await.unwrap();
        let _c = s.open_pipe("lsarpc").await.unwrap();
        a.close().await.unwrap();
        drop(b); // CLOSE without waiting
        s.echo().await.unwrap();
    } // `_c` and the session go: CLOSE, TREE_DISCONNECT, LOGOFF
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let st = peer.stats();
        if st.closes == 3 && st.commands.contains(&Command::LOGOFF) {
            assert_eq!(st.creates, 3);
            assert!(st.commands.contains(&Command::TREE_DISCONNECT));
            break;
        }
        assert!(Instant::now() < deadline, "{st:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn pool_reuses_and_replaces_connections() {
    let peer = Peer::start(hooked(|o| {
        if o.command() == Command::IOCTL && o.request_contains(b"kill") {
            o.action = SmbAction::Close;
        }
    }))
    .await;
    let pool = SmbClient::with_authenticator(Arc::new(FakeAuth));
    let o = opts(&peer);
    let mut a = pool
        .open_pipe("127.0.0.1", &creds(), &o, "srvsvc")
        .await
        .unwrap();
    let b = pool
        .open_pipe("127.0.0.1", &creds(), &o, "srvsvc")
        .await
        .unwrap();
    assert_eq!(a.session().connection_id(), b.session().connection_id());
    assert_eq!(peer.stats().connections, 1);
    assert!(a.transceive(b"kill").await.is_err());
    let mut c = pool
        .open_pipe("127.0.0.1", &creds(), &o, "srvsvc")
        .await
        .unwrap();
    assert_ne!(
        c.session().connection_id(),
        a.session().connection_id(),
        "broken connection evicted"
    );
    assert_eq!(c.transceive(b"ok").await.unwrap(), b"ok");
    assert_eq!(peer.stats().connections, 2);
}

#[tokio::test]
async fn connect_timeout_and_refused_connections() {
    // Nothing listens on this port (bound, then closed).
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let o = SmbOptions {
        port,
        ..SmbOptions::default()
    };
    let r = SmbSession::connect_with("127.0.0.1", &creds(), &o, Arc::new(FakeAuth)).await;
    assert!(matches!(r, Err(Error::Io { op: "connect", .. })), "{r:?}");
}

/// Generic over the connector, as the RPC layer is.
async fn echo_through<C: PipeConnector>(c: &C, port: u16, msg: &[u8]) -> Vec<u8> {
    let o = SmbOptions {
        port,
        ..SmbOptions::default()
    };
    let mut p = c
        .connect_pipe("127.0.0.1", &creds(), &o, "srvsvc")
        .await
        .unwrap();
    p.transceive(msg).await.unwrap()
}

#[tokio::test]
async fn pipes_through_the_connector_trait_on_another_task() {
    let peer = Peer::start(PeerConfig::default()).await;
    let pool = SmbClient::with_authenticator(Arc::new(FakeAuth));
    let port = peer.addr.port();
    // The futures are Send: they can run on any worker.
    let got = tokio::spawn(async move { echo_through(&pool, port, b"via trait").await })
        .await
        .unwrap();
    assert_eq!(got, b"via trait");
}

#[tokio::test]
async fn interim_response_moves_the_request_to_the_async_deadline() {
    let peer = Peer::start(hooked(|o| match (o.command(), o.request.last()) {
        // Answered 800 ms after the interim: past the 500 ms response timeout.
        (Command::IOCTL, Some(b'L')) => {
            o.action = SmbAction::PendingThen(Duration::from_millis(800))
        }
        (Command::IOCTL, Some(b'S')) => o.action = SmbAction::PendingThenStall,
        _ => {}
    }))
    .await;
    let mut o = opts(&peer);
    o.async_timeout = Duration::from_millis(1500);
    let s = connect(&peer, &o).await.unwrap();
    let mut p = s.open_pipe("srvsvc").await.unwrap();
    assert_eq!(p.transceive(b"late L").await.unwrap(), b"late L");
    let t = Instant::now();
    let r = p.transceive(b"stall S").await;
    assert!(
        matches!(r, Err(Error::Timeout { op: "IOCTL", after }) if after == o.async_timeout),
        "{r:?}"
    );
    assert!(t.elapsed() >= Duration::from_millis(1400) && t.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn an_async_deadline_shorter_than_the_response_deadline_still_applies() {
    // The driver only looks at an interim response when the response deadline passes, unless
    // the async deadline is the shorter one: then the interim response must move it earlier.
    let peer = Peer::start(hooked(|o| {
        if o.command() == Command::IOCTL && o.request.last() == Some(&b'S') {
            o.action = SmbAction::PendingThenStall;
        }
    }))
    .await;
    let mut o = opts(&peer);
    o.response_timeout = Duration::from_secs(5);
    o.async_timeout = Duration::from_millis(300);
    let s = connect(&peer, &o).await.unwrap();
    let mut p = s.open_pipe("srvsvc").await.unwrap();
    let t = Instant::now();
    let r = p.transceive(b"stall S").await;
    assert!(
        matches!(r, Err(Error::Timeout { op: "IOCTL", after }) if after == o.async_timeout),
        "{r:?}"
    );
    assert!(t.elapsed() >= Duration::from_millis(250) && t.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn spnego_ntlm_against_the_peers_acceptor_signs_with_the_real_key() {
    // The peer's sspi acceptor: the session key comes from the NTLM exchange, so a signed
    // TREE_CONNECT and pipe transceive prove both sides derived the same keys.
    for d in [Dialect::SMB2_1, Dialect::SMB3_0_2, Dialect::SMB3_1_1] {
        let peer = Peer::start(PeerConfig {
            dialect: d,
            raw_pipe: PeerConfig::default().raw_pipe,
            ..PeerConfig::rpc()
        })
        .await;
        let s = SmbSession::connect("127.0.0.1", &peer.credentials(), &opts(&peer))
            .await
            .unwrap_or_else(|e| panic!("{d:?}: {e}"));
        assert!(s.is_signed());
        let mut p = s.open_pipe("srvsvc").await.unwrap();
        assert_eq!(p.transceive(b"ntlm").await.unwrap(), b"ntlm");
        let wrong = Credentials::password("PEER", "tester", "not the password");
        let r = SmbSession::connect("127.0.0.1", &wrong, &opts(&peer)).await;
        assert!(
            matches!(
                r,
                Err(Error::Status {
                    command: "SESSION_SETUP",
                    status: 0xC000_006D
                })
            ),
            "{r:?}"
        );
    }
}
