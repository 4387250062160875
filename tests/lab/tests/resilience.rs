//! Robustness against the live lab: a server restart in the middle of enumerations, and many
//! concurrent calls over shared connections without crosstalk or leaked pipes.
//!
//! This binary restarts the lab's file server, so its tests run one at a time and the server is
//! always brought back up, even when a test fails.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use netapi::info::*;
use netapi::options::Credentials;
use netapi::{AsyncClient, Client, Kind, Options};
use netapi_testkit::lab::{Lab, Server};

static SERIAL: Mutex<()> = Mutex::new(());

fn options(server: &Server) -> Options {
    let mut opts = Options::new(Credentials::password(
        &server.domain,
        &server.admin_user,
        &server.password,
    ));
    opts.smb.response_timeout = Duration::from_secs(10);
    opts.smb.connect_timeout = Duration::from_secs(5);
    opts
}

/// Brings the file server back up when dropped.
struct Restore<'a>(&'a Lab);

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        self.0.tool(&["up", "fs"]);
    }
}

#[test]
fn restart_during_enumeration_gives_a_clean_error_then_reconnects() {
    let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let Some(lab) = Lab::get() else { return };
    let client = Client::new(&lab.fs.ip, options(&lab.fs)).unwrap();
    let baseline = client.share_enum_level(502).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let worker = {
        let client = client.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut ok = 0usize;
            let mut errors = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let start = Instant::now();
                match client.share_enum_level(502) {
                    Ok(_) => ok += 1,
                    Err(e) => errors.push((e, start.elapsed())),
                }
            }
            (ok, errors)
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    {
        let _restore = Restore(&lab);
        lab.tool(&["down", "fs"]);
        std::thread::sleep(Duration::from_millis(500));
    }
    stop.store(true, Ordering::Relaxed);
    let (ok, errors) = worker.join().expect("no panic in the enumerating thread");
    assert!(ok > 0, "no enumeration succeeded before the restart");
    assert!(!errors.is_empty(), "stopping the server produced no error");
    for (e, took) in &errors {
        // A clean transport-level failure, each within the configured timeouts.
        assert_eq!(e.kind(), Kind::Transport, "{e}");
        assert!([53, 64, 121].contains(&e.win32()), "{e}");
        assert!(*took < Duration::from_secs(11), "{e} took {took:?}");
    }
    // The server is back: the next call reconnects and answers as before.
    let start = Instant::now();
    let after = loop {
        match client.share_enum_level(502) {
            Ok(v) => break v,
            Err(e) if start.elapsed() < Duration::from_secs(20) => {
                assert_eq!(e.kind(), Kind::Transport, "{e}");
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("no reconnect after the restart: {e}"),
        }
    };
    assert_eq!(after, baseline);
}

/// One of the mixed calls and its expected answer.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    Shares(Vec<ShareInfo>),
    Server(ServerInfo),
    Share(ShareInfo),
    Disks(Vec<String>),
}

async fn call(c: &AsyncClient, kind: usize, share: &str) -> netapi::Result<Answer> {
    Ok(match kind % 4 {
        0 => Answer::Shares(c.share_enum_level(1).await?),
        1 => Answer::Server(c.server_get_info_level(101).await?),
        2 => Answer::Share(c.share_get_info_level(share, 2).await?),
        _ => Answer::Disks(c.server_disk_enum().await?),
    })
}

/// rpcd_classic's open fds once two readings 300 ms apart agree (at most 10 s).
fn steady_fds(lab: &Lab) -> usize {
    let start = Instant::now();
    let mut last = lab.rpc_worker_fds(&lab.fs);
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = lab.rpc_worker_fds(&lab.fs);
        if now == last || start.elapsed() > Duration::from_secs(10) {
            return now;
        }
        last = now;
    }
}

#[test]
fn sixteen_tasks_of_a_thousand_mixed_calls_share_connections_without_crosstalk_or_leaks() {
    let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let Some(lab) = Lab::get() else { return };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // The baseline: every call kind served once (rpcd_classic opens some files the first time it
    // serves a call and keeps them: not ours), our connections closed again (the restart test
    // of this binary may have left some), and the count steady.
    rt.block_on(async {
        let warm_up = AsyncClient::new(&lab.fs.ip, options(&lab.fs)).unwrap();
        for kind in 0..4 {
            call(&warm_up, kind, &lab.fs.share).await.unwrap();
        }
        warm_up.close_idle();
    });
    netapi::disconnect_all();
    let fds_before = steady_fds(&lab);

    let fds_during = rt.block_on(async {
        let client = AsyncClient::new(&lab.fs.ip, options(&lab.fs)).unwrap();
        let mut expected = Vec::new();
        for kind in 0..4 {
            expected.push(call(&client, kind, &lab.fs.share).await.unwrap());
        }
        let expected = Arc::new(expected);
        let mut tasks = Vec::new();
        for t in 0..16usize {
            let client = client.clone();
            let expected = expected.clone();
            let share = lab.fs.share.clone();
            tasks.push(tokio::spawn(async move {
                for i in 0..1000usize {
                    let kind = (t + i) % 4;
                    let got = call(&client, kind, &share).await.unwrap();
                    assert_eq!(
                        got, expected[kind],
                        "task {t} call {i}: answer of another call"
                    );
                }
            }));
        }
        for task in tasks {
            task.await.expect("no task panicked");
        }
        // Our idle pipes are open on the server now (the measure sees them)...
        let during = lab.rpc_worker_fds(&lab.fs);
        // ...and closing them must bring the server back to where it was.
        client.close_idle();
        during
    });
    assert!(
        fds_during > fds_before,
        "the pipes we held were not visible ({fds_during} vs {fds_before})"
    );
    drop(rt);
    netapi::disconnect_all();
    // Every pipe we opened is closed on the server again.
    let start = Instant::now();
    loop {
        let now = lab.rpc_worker_fds(&lab.fs);
        if now <= fds_before {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "rpcd_classic holds {now} fds, {fds_before} before: leaked pipes"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // And our sessions are logged off: smbstatus lists no session of the admin any more.
    let start = Instant::now();
    while lab.smbstatus(&lab.fs, &["-b"]).contains(&lab.fs.admin_user) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the session was not logged off"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}
