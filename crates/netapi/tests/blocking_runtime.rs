//! The blocking `Client` runs each call on the caller's own thread (crates/netapi/src/blocking.rs).
//! These tests hold it to what the old worker-thread runtime gave for free: connections are
//! still watched between calls, many threads can call at once over one connection, and blocking
//! and async clients of the same server work side by side.

use std::time::{Duration, Instant};

use netapi::{AsyncClient, Client, Options};
use netapi_testkit::peer::smb2::header::Command;
use netapi_testkit::peer::srvsvc::{Server, Srvsvc};
use netapi_testkit::peer::{Peer, PeerConfig, SmbAction};

const TIMEOUT: Duration = Duration::from_millis(2000);

fn options(peer: &Peer) -> Options {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(TIMEOUT);
    o
}

/// A srvsvc peer with a few extra shares, its hooks set by `tweak`.
fn peer(tweak: impl FnOnce(PeerConfig) -> PeerConfig) -> (Peer, Srvsvc) {
    let srv = Srvsvc::new(Server::with_shares(3));
    let peer = Peer::spawn(tweak(PeerConfig::rpc().srvsvc(&srv)));
    (peer, srv)
}

/// A server that closes the connection once it has answered the first call: the client must
/// notice while idle (the idle driver runs the connection's reader) and connect again for the
/// next call, rather than send it into the closed connection and fail.
#[test]
fn a_connection_the_server_closed_while_idle_is_replaced_before_the_next_call() {
    let (peer, _srv) = peer(|cfg| {
        let mut fired = false;
        cfg.on_smb(move |o| {
            // The READ or IOCTL answering the first NetShareEnum (after the bind).
            let answers_call = matches!(o.command(), Command::IOCTL | Command::READ)
                && o.request_contains(&[5, 0, 0, 3]);
            if answers_call && !std::mem::replace(&mut fired, true) {
                o.action = SmbAction::SendThenClose;
            }
        })
    });
    let client = Client::new("127.0.0.1", options(&peer)).unwrap();
    let first = client.share_enum_level(1).expect("first call");
    // Idle for a while: far more than the idle driver's grace period, far less than any timeout.
    std::thread::sleep(Duration::from_millis(300));
    let t = Instant::now();
    let second = client
        .share_enum_level(1)
        .expect("the second call must reconnect, not fail on the closed connection");
    assert_eq!(first, second);
    assert!(t.elapsed() < TIMEOUT, "reconnecting took {:?}", t.elapsed());
    assert_eq!(peer.stats().connections, 2, "one connection per call");
}

/// Sixteen threads calling through clones of one client share one connection (one SMB2
/// session), and every thread gets its own answers.
#[test]
fn sixteen_threads_call_at_once_over_one_connection() {
    let (peer, _srv) = peer(|cfg| cfg);
    let client = Client::new("127.0.0.1", options(&peer)).unwrap();
    let shares = client.share_enum_level(1).unwrap();
    let name = shares[0].netname().expect("a share name").to_string();
    let one = client.share_get_info_level(&name, 2).unwrap();
    std::thread::scope(|s| {
        for t in 0..16 {
            let (client, shares, one, name) = (client.clone(), &shares, &one, &name);
            s.spawn(move || {
                for i in 0..40 {
                    if (t + i) % 2 == 0 {
                        assert_eq!(&client.share_enum_level(1).unwrap(), shares);
                    } else {
                        assert_eq!(&client.share_get_info_level(name, 2).unwrap(), one);
                    }
                }
            });
        }
    });
    let stats = peer.stats();
    assert_eq!(stats.connections, 1);
    assert_eq!(
        stats.count(Command::SESSION_SETUP),
        1 + 1,
        "one NTLM exchange (two legs)"
    );
    // A call checks a pipe out for its duration: more than one pipe means calls overlapped.
    assert!(stats.creates > 1, "the threads' calls never overlapped");
    assert!(
        stats.window_violations.is_empty(),
        "{:?}",
        stats.window_violations
    );
}

/// A blocking client and an async one (on the caller's own runtime, later dropped) of the same
/// server and credentials: each keeps working, and dropping the caller's runtime does not break
/// the blocking client.
#[test]
fn blocking_and_async_clients_of_one_server_work_side_by_side() {
    let (peer, _srv) = peer(|cfg| cfg);
    let blocking = Client::new("127.0.0.1", options(&peer)).unwrap();
    let expected = blocking.share_enum_level(1).unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let from_async = rt.block_on(async {
        let c = AsyncClient::new("127.0.0.1", options(&peer)).unwrap();
        let mut got = Vec::new();
        for _ in 0..5 {
            got.push(c.share_enum_level(1).await.unwrap());
            // The blocking client, called meanwhile from another thread, is unaffected.
            let b = blocking.clone();
            let r = std::thread::spawn(move || b.share_enum_level(1).unwrap())
                .join()
                .unwrap();
            got.push(r);
        }
        got
    });
    assert!(from_async.iter().all(|g| *g == expected));
    drop(rt);
    assert_eq!(blocking.share_enum_level(1).unwrap(), expected);
    // The blocking runtime's connection and the async runtime's are separate.
    assert_eq!(peer.stats().connections, 2);
}

/// The blocking client refuses to run inside an async runtime (it would block a worker).
#[test]
fn the_blocking_client_refuses_to_run_inside_a_runtime() {
    let (peer, _srv) = peer(|cfg| cfg);
    let client = Client::new("127.0.0.1", options(&peer)).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let e = rt
        .block_on(async { client.share_enum_level(1) })
        .unwrap_err();
    assert_eq!(e.win32(), 1, "{e}");
    assert_eq!(peer.stats().connections, 0, "nothing was sent");
}
