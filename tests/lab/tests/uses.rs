//! The process's NetUse table (`netapi::uses`) against the Samba lab's file server, cross-checked
//! with `smbstatus` (Samba's own view of sessions and tree connects): the `IPC$` credential flow
//! used by a following call, a disk share as a tree connect of the same session, the status and
//! counts NetUseEnum / NetUseGetInfo report, and NetUseDel taking the tree, then (with the
//! server's last use) the session off the server.
//!
//! One test, as the ordinary user (whom no other test of this binary logs on as), so the
//! `smbstatus` counts are this test's own.

use netapi::info::{USE_DISKDEV, USE_IPC, USE_OK, UseInfo};
use netapi::options::Credentials;
use netapi::uses;
use netapi_testkit::lab::{Lab, Server};

/// Sessions of `user` and tree connects of `share` that smbstatus lists on `server`.
fn counts(lab: &Lab, server: &Server, user: &str, share: &str) -> (usize, usize) {
    let sessions = lab
        .smbstatus(server, &["-b"])
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .nth(1)
                .is_some_and(|u| u.ends_with(user))
        })
        .count();
    let trees = lab
        .smbstatus(server, &["-S"])
        .lines()
        .filter(|l| l.split_whitespace().next() == Some(share))
        .count();
    (sessions, trees)
}

#[test]
fn net_use_table_against_smbstatus() {
    let Some(lab) = Lab::get() else { return };
    let fs = &lab.fs;
    let user = &fs.user;
    let ipc = format!("\\\\{}\\IPC$", fs.ip);
    let disk = format!("\\\\{}\\{}", fs.ip, fs.share);
    let creds = || Some(Credentials::password(&fs.domain, user, &fs.password));
    let (sessions0, trees0) = counts(&lab, fs, user, &fs.share);

    // A wrong password fails at NetUseAdd, before any other call.
    let e = uses::use_add(
        None,
        &ipc,
        Some(Credentials::password(&fs.domain, user, "wrong")),
        USE_IPC,
    )
    .unwrap_err();
    assert_eq!(e.win32(), 1326, "{e}");
    assert!(uses::use_enum_level(0).unwrap().is_empty());

    // The IPC$ use: its session is on the server, and the next call to the server uses it.
    uses::use_add(None, &ipc, creds(), USE_IPC).unwrap();
    assert_eq!(counts(&lab, fs, user, &fs.share).0, sessions0 + 1);
    let shares = uses::client("NetShareEnum", &fs.ip)
        .unwrap()
        .share_enum_level(1)
        .unwrap();
    assert!(
        shares
            .iter()
            .any(|s| s.netname() == Some(fs.share.as_str()))
    );
    // Still one session: the call went over the use's.
    assert_eq!(counts(&lab, fs, user, &fs.share).0, sessions0 + 1);

    // The disk share: a tree connect of the same session.
    uses::use_add(None, &disk, creds(), netapi::info::USE_WILDCARD).unwrap();
    let (sessions, trees) = counts(&lab, fs, user, &fs.share);
    assert_eq!((sessions, trees), (sessions0 + 1, trees0 + 1));
    uses::use_add(None, &disk, creds(), USE_DISKDEV).unwrap();
    // Other credentials for the same server conflict, as on Windows.
    let e = uses::use_add(
        None,
        &disk,
        Some(Credentials::password(
            &fs.domain,
            &fs.admin_user,
            &fs.password,
        )),
        USE_DISKDEV,
    )
    .unwrap_err();
    assert_eq!(e.win32(), 1219);

    let table = uses::use_enum_level(2).unwrap();
    let [UseInfo::L2(i), UseInfo::L2(d)] = &table[..] else {
        panic!("{table:?}")
    };
    assert_eq!(
        (
            i.remote.as_deref(),
            i.asg_type,
            i.status,
            i.usecount,
            i.refcount
        ),
        (Some(ipc.as_str()), USE_IPC, USE_OK, 1, 0)
    );
    assert_eq!(
        (d.asg_type, d.status, d.usecount, d.refcount),
        (USE_DISKDEV, USE_OK, 2, 0)
    );
    assert_eq!(d.username.as_deref(), Some(user.as_str()));
    assert_eq!(d.domainname.as_deref(), Some(fs.domain.as_str()));
    assert_eq!(d.password, None, "never reported");
    let UseInfo::L0(g) = uses::use_get_info_level(&disk.to_uppercase(), 0).unwrap() else {
        panic!("level 0")
    };
    assert_eq!(g.remote.as_deref(), Some(disk.as_str()));
    assert!(matches!(
        uses::use_get_info_level(&ipc, 3).unwrap(),
        UseInfo::L3(_)
    ));

    // Deleting the disk use disconnects its tree; the server keeps the session for IPC$.
    uses::use_del(&disk, netapi::info::USE_NOFORCE).unwrap();
    assert_eq!(counts(&lab, fs, user, &fs.share), (sessions0 + 1, trees0));
    assert_eq!(uses::use_del(&disk, 0).unwrap_err().win32(), 2250);
    // A handle open through the use's session (another client's pipe, bound on the same
    // pooled session): USE_NOFORCE and USE_FORCE refuse with ERROR_OPEN_FILES (2401) and the
    // use stays; once the client is gone, USE_NOFORCE goes through.
    let other = netapi::Client::new(
        &fs.ip,
        netapi::Options::new(Credentials::password(&fs.domain, user, &fs.password)),
    )
    .unwrap();
    other.server_get_info_level(101).unwrap();
    for force in [netapi::info::USE_NOFORCE, netapi::info::USE_FORCE] {
        let e = uses::use_del(&ipc, force).unwrap_err();
        assert_eq!((e.win32(), e.op()), (2401, "NetUseDel"), "{e}");
    }
    assert_eq!(uses::use_enum_level(0).unwrap().len(), 1, "the use stays");
    assert_eq!(counts(&lab, fs, user, &fs.share).0, sessions0 + 1);
    drop(other);
    // Deleting the server's last use logs the session off: smbstatus no longer lists it.
    uses::use_del(&ipc, netapi::info::USE_NOFORCE).unwrap();
    let mut gone = false;
    for _ in 0..50 {
        if counts(&lab, fs, user, &fs.share).0 == sessions0 {
            gone = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(gone, "smbstatus still lists the session");
    assert!(uses::use_enum_level(1).unwrap().is_empty());
    // Without a use or NETAPI_* defaults, a call has no credentials: refused before sending.
    if std::env::var("NETAPI_USER").is_err() {
        assert_eq!(uses::client("NetShareEnum", &fs.ip).unwrap_err().win32(), 5);
    }
    // A share the server does not have: the server's answer (STATUS_BAD_NETWORK_NAME → 67).
    let e = uses::use_add(
        None,
        &format!("\\\\{}\\nosuch", fs.ip),
        creds(),
        USE_DISKDEV,
    )
    .unwrap_err();
    assert_eq!(e.win32(), 67, "{e}");
    let _ = uses::use_del(&ipc, 2);
}
