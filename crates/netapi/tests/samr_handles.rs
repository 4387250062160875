//! Context handles on the wire: the RPC core's SAMR sessions against a scripted SAM server
//! (`netapi_testkit::peer::samr`) that accounts for every handle per association, as a server
//! does ([C706] 5.1.6).
//!
//! * After a thousand mixed NetUserGetInfo calls — successes, unknown users, server errors,
//!   futures dropped while an answer is pending — no handle is left open beyond the
//!   per-association cache, and none once the idle pipes are closed.
//! * A handle is only ever used on the association that opened it: tasks sharing the cache
//!   while the connection drops never send a handle of a dead association.
//! * A server that calls a cached handle invalid mid-sequence gets a clean error, and the next
//!   call opens fresh handles.
//! * The user handle NetUserGetInfo keeps: a second call on the same account opens and closes
//!   nothing and still reads what changed since; another account's call closes it; an account
//!   deleted and made again under its name is read as the new account.

use std::time::Duration;

use std::sync::{Arc, Mutex};

use netapi::info::{UserInfo, UserInfo1, UserInfo2, UserInfo20, UserInfo1007};
use netapi::{AsyncClient, Kind, Options};
use netapi_testkit::peer::samr::{STATUS_INVALID_HANDLE, Sam, Samr};
use netapi_testkit::peer::smb2::header::Command;
use netapi_testkit::peer::{Peer, PeerConfig, Reply, SmbAction};

fn options(peer: &Peer) -> Options {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(Duration::from_secs(5));
    o
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// The most handles one idle association keeps: the server handle, the account and BUILTIN
/// domain handles, and the user NetUserGetInfo read last.
const CACHED_PER_ASSOCIATION: usize = 4;

/// Every association holds at most its cached handles.
fn only_cached_handles_remain(samr: &Samr) {
    let sam = samr.sam();
    for a in sam.associations() {
        assert!(
            sam.open_on(a) <= CACHED_PER_ASSOCIATION,
            "association {a} holds {} handles",
            sam.open_on(a)
        );
    }
}

/// Closing the idle pipes runs every handle down within a few seconds.
fn no_handle_left_once_idle_pipes_close(client: &AsyncClient, samr: &Samr) {
    client.close_idle();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while samr.sam().open_handles() != 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "handles still open: {}",
            samr.sam().open_handles()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_thousand_mixed_calls_leave_no_handle_open() {
    let samr = Samr::new(Sam::with_users(50));
    // Every 7th query of user0007 gets no answer at all (the caller's future is dropped); any
    // query of user0013 is refused by the server.
    let mut n = 0u32;
    let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, move |_, opnum, stub| {
        if opnum != 47 {
            return None;
        }
        n += 1;
        let _ = stub;
        match n % 50 {
            7 => Some(Reply::Nothing),
            13 => Some(Reply::encode(
                &netapi_msrpc::samr::SamrQueryInformationUser2Response {
                    buffer: None,
                    status: 0xC000_0022, // STATUS_ACCESS_DENIED
                },
            )),
            _ => None,
        }
    }));
    let rt = rt();
    let client = AsyncClient::new("127.0.0.1", options(&peer)).unwrap();
    let (mut ok, mut missing, mut refused, mut dropped) = (0, 0, 0, 0);
    rt.block_on(async {
        let mut tasks = Vec::new();
        for t in 0..4u32 {
            let c = client.clone();
            tasks.push(tokio::spawn(async move {
                let mut seen = (0, 0, 0, 0);
                for i in 0..250u32 {
                    let name = match (t + i) % 10 {
                        9 => "nosuch".to_string(),
                        k => format!("user{:04}", (i * 7 + k) % 50),
                    };
                    let level = [0, 1, 3, 20][(i % 4) as usize];
                    let call = c.user_get_info_level(&name, level);
                    match tokio::time::timeout(Duration::from_millis(300), call).await {
                        Ok(Ok(_)) => seen.0 += 1,
                        Ok(Err(e)) if e.win32() == 2221 => seen.1 += 1,
                        Ok(Err(e)) if e.win32() == 5 => seen.2 += 1,
                        Ok(Err(e)) => panic!("unexpected error: {e}"),
                        Err(_) => seen.3 += 1,
                    }
                }
                seen
            }));
        }
        for t in tasks {
            let s = t.await.unwrap();
            ok += s.0;
            missing += s.1;
            refused += s.2;
            dropped += s.3;
        }
    });
    assert_eq!(ok + missing + refused + dropped, 1000);
    assert!(
        ok > 500 && missing > 50 && refused > 5 && dropped > 5,
        "{ok} {missing} {refused} {dropped}"
    );
    // Between sequences only the per-association cache stays open…
    only_cached_handles_remain(&samr);
    {
        let sam = samr.sam();
        assert!(sam.violations.is_empty(), "{:?}", sam.violations);
        assert!(sam.closed > 500, "user handles are closed: {}", sam.closed);
        assert!(
            sam.run_down > 0,
            "dropped futures take their association down"
        );
    }
    // …and nothing once the idle pipes close.
    no_handle_left_once_idle_pipes_close(&client, &samr);
    drop(rt);
}

#[test]
fn tasks_sharing_the_cache_never_use_a_handle_of_a_dead_association() {
    let samr = Samr::new(Sam::with_users(10));
    // The first connection is dropped instead of its 40th answer to a call that is not a
    // SamrCloseHandle (a lost close is ignored by design, so the drop would go unseen), which
    // is mid-sequence for the task that made it.
    let mut answers = 0;
    let closes = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let closes_seen = closes.clone();
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .samr(&samr, |_, _, _| None)
            .on_smb(move |o| {
                if o.command() == Command::IOCTL && rpc_opnum(&o.request) == Some(SAMR_CLOSE_HANDLE)
                {
                    closes_seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                } else if o.connection == 1 && o.command() == Command::IOCTL {
                    answers += 1;
                    if answers == 40 {
                        o.action = SmbAction::Reset;
                    }
                }
            }),
    );
    let rt = rt();
    let client = AsyncClient::new("127.0.0.1", options(&peer)).unwrap();
    rt.block_on(async {
        let mut tasks = Vec::new();
        for t in 0..2u32 {
            let c = client.clone();
            tasks.push(tokio::spawn(async move {
                let (mut ok, mut lost) = (0, 0);
                for i in 0..40u32 {
                    match c
                        .user_get_info_level(&format!("user{:04}", (t + i) % 10), 1)
                        .await
                    {
                        Ok(UserInfo::L1(u)) => {
                            assert_eq!(
                                u.name.as_deref(),
                                Some(format!("user{:04}", (t + i) % 10).as_str())
                            );
                            ok += 1;
                        }
                        Ok(other) => panic!("level {}", other.level()),
                        Err(e) => {
                            assert_eq!(e.kind(), Kind::Transport, "{e}");
                            lost += 1;
                        }
                    }
                }
                (ok, lost)
            }));
        }
        let mut lost = 0;
        for t in tasks {
            let (ok, l) = t.await.unwrap();
            assert!(ok >= 35, "the calls after the drop reconnect: {ok}");
            lost += l;
        }
        assert!(lost >= 1, "the drop was seen by a call");
    });
    assert!(
        closes.load(std::sync::atomic::Ordering::Relaxed) > 0,
        "the closes were told apart"
    );
    let sam = samr.sam();
    assert!(
        sam.violations.is_empty(),
        "a stale handle was used: {:?}",
        sam.violations
    );
    assert!(peer.stats().connections >= 2, "reconnected");
}

#[test]
fn a_handle_the_server_calls_invalid_is_a_clean_error_then_fresh_handles() {
    let samr = Samr::new(Sam::with_users(3));
    let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, |_, _, _| None));
    let rt = rt();
    let client = AsyncClient::new("127.0.0.1", options(&peer)).unwrap();
    rt.block_on(async {
        let u: UserInfo20 = client.user_get_info("user0001").await.unwrap();
        assert_eq!(u.user_id, 1001);
        // The server forgets every handle (a restarted SAM): the cached domain handle is now
        // unknown to it.
        samr.sam().forget_handles();
        let e = client
            .user_get_info::<UserInfo1>("user0002")
            .await
            .unwrap_err();
        assert_eq!(
            e.code(),
            netapi::Code::Nt(netapi::NtStatus(STATUS_INVALID_HANDLE)),
            "{e}"
        );
        assert_eq!(e.kind(), Kind::Server);
        // The cache was emptied: the next call connects and opens the domain again.
        let u: UserInfo1 = client.user_get_info("user0002").await.unwrap();
        assert_eq!(u.name.as_deref(), Some("user0002"));
    });
    assert!(
        !samr.sam().violations.is_empty(),
        "the forgotten handle was used once"
    );
}

#[test]
fn a_kept_user_handle_is_reused_for_its_account_only_and_reads_anew() {
    const OPEN_USER: u16 = 34;
    const LOOKUP_NAMES: u16 = 17;
    let samr = Samr::new(Sam::with_users(3));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, move |_, opnum, _| {
        log.lock().unwrap().push(opnum);
        None
    }));
    // The opnums `f` sent.
    let calls = |f: &mut dyn FnMut()| {
        seen.lock().unwrap().clear();
        f();
        std::mem::take(&mut *seen.lock().unwrap())
    };
    let rt = rt();
    let client = AsyncClient::new("127.0.0.1", options(&peer)).unwrap();
    let get = |name: &str| {
        rt.block_on(client.user_get_info::<UserInfo20>(name))
            .unwrap()
    };
    let first = get("user0001");
    let again = calls(&mut || assert_eq!(get("user0001").user_id, first.user_id));
    assert!(again.contains(&LOOKUP_NAMES), "{again:?}");
    assert!(
        !again.contains(&OPEN_USER) && !again.contains(&SAMR_CLOSE_HANDLE),
        "the kept handle is used: {again:?}"
    );
    // A change made through another handle is read through the kept one.
    let comment = UserInfo1007 {
        comment: Some("changed".into()),
    };
    rt.block_on(client.user_set_info("user0001", &comment.into()))
        .unwrap();
    let u: UserInfo1 = rt.block_on(client.user_get_info("user0001")).unwrap();
    assert_eq!(u.comment.as_deref(), Some("changed"));
    // Another account: its handle is opened and the kept one closed.
    let mut old_rid = 0;
    let other = calls(&mut || old_rid = get("user0002").user_id);
    assert!(
        other.contains(&OPEN_USER) && other.contains(&SAMR_CLOSE_HANDLE),
        "{other:?}"
    );
    // Deleted and made again under the same name: the new account, through a new handle.
    rt.block_on(client.user_del("user0002")).unwrap();
    let again = UserInfo2 {
        name: Some("user0002".into()),
        password: Some("Pw.123456".into()),
        r#priv: netapi::con::USER_PRIV_USER,
        flags: netapi::con::UF_NORMAL_ACCOUNT | netapi::con::UF_SCRIPT,
        units_per_week: 168,
        acct_expires: netapi::con::TIMEQ_FOREVER,
        ..Default::default()
    };
    rt.block_on(client.user_add(&again.into())).unwrap();
    let new_rid = samr
        .sam()
        .users
        .iter()
        .find(|u| u.name == "user0002")
        .unwrap()
        .rid;
    assert_ne!(
        new_rid, old_rid,
        "the scripted SAM gave the new account a new RID"
    );
    let renewed = calls(&mut || assert_eq!(get("user0002").user_id, new_rid));
    assert!(renewed.contains(&OPEN_USER), "{renewed:?}");
    only_cached_handles_remain(&samr);
    assert!(
        samr.sam().violations.is_empty(),
        "{:?}",
        samr.sam().violations
    );
    no_handle_left_once_idle_pipes_close(&client, &samr);
}

/// SamrCloseHandle's opnum ([MS-SAMR] 3.1.5.13.1).
const SAMR_CLOSE_HANDLE: u16 = 1;

/// The opnum of the DCE/RPC request an SMB2 IOCTL (FSCTL_PIPE_TRANSCEIVE) request carries:
/// the input buffer starts at InputOffset (from the SMB2 header, [MS-SMB2] 2.2.31) and holds a
/// request PDU whose opnum is at byte 22 ([C706] 12.6.4.9).
fn rpc_opnum(request: &[u8]) -> Option<u16> {
    let at = |i: usize, n: usize| request.get(i..i + n);
    let input = u32::from_le_bytes(at(64 + 24, 4)?.try_into().ok()?) as usize;
    Some(u16::from_le_bytes(at(input + 22, 2)?.try_into().ok()?))
}
