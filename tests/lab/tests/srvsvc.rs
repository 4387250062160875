//! The share / server / session / file family against the live Samba lab, cross-checked with
//! Samba's own tools (`rpcclient`, `smbstatus`), never only by reading back through netapi.
//!
//! Tests run one at a time (a shared lock): deleting a session or closing a file on the server
//! must not pull the rug from under another test's connection.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use netapi::info::*;
use netapi::options::{AuthOptions, Credentials, EncryptionPolicy};
use netapi::{Client, Code, Kind, Options, Transport};
use netapi_testkit::lab::{Lab, Server};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

fn client(server: &Server, user: &str) -> Client {
    let creds = Credentials::password(&server.domain, user, &server.password);
    Client::new(&server.ip, Options::new(creds)).unwrap()
}

fn admin(server: &Server) -> Client {
    client(server, &server.admin_user)
}

/// A share name no other run uses.
fn unique(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("nlp_{tag}_{}_{}", std::process::id(), nanos % 100_000)
}

/// Share names as `rpcclient netshareenumall` lists them.
fn rpcclient_shares(lab: &Lab, server: &Server) -> Vec<String> {
    let (ok, out) = lab.samba_tool(
        "rpcclient",
        server,
        &server.admin_user,
        &["-c", "netshareenumall"],
    );
    assert!(ok, "rpcclient failed: {out}");
    let mut names: Vec<String> = out
        .lines()
        .filter_map(|l| l.strip_prefix("netname: "))
        .map(|s| s.trim().to_string())
        .collect();
    names.sort();
    names
}

/// `rpcclient netsharegetinfo NAME 2`: (success, output).
fn rpcclient_share(lab: &Lab, server: &Server, name: &str) -> (bool, String) {
    let (ok, out) = lab.samba_tool(
        "rpcclient",
        server,
        &server.admin_user,
        &["-c", &format!("netsharegetinfo {name} 2")],
    );
    (ok && out.contains("netname:"), out)
}

/// Poll `cond` for up to five seconds (Samba applies some changes asynchronously).
fn eventually(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if cond() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for: {what}");
}

fn share_enum_levels_match_rpcclient(server: &Server, lab: &Lab) {
    let c = admin(server);
    let expected = rpcclient_shares(lab, server);
    assert!(expected.iter().any(|n| n == "IPC$"), "{expected:?}");
    for level in [0, 1, 2, 501, 502] {
        let shares = c.share_enum_level(level).unwrap();
        assert!(shares.iter().all(|s| s.level() == level));
        let mut names: Vec<String> = shares
            .iter()
            .map(|s| s.netname().unwrap().to_string())
            .collect();
        names.sort();
        assert_eq!(names, expected, "level {level}");
    }
    // Typed, and the IPC$ share reads as STYPE_IPC | STYPE_SPECIAL.
    let l1: Vec<ShareInfo1> = c
        .share_enum::<ShareInfo1>(u32::MAX)
        .collect::<Result<_, _>>()
        .unwrap();
    let ipc = l1
        .iter()
        .find(|s| s.netname.as_deref() == Some("IPC$"))
        .unwrap();
    assert_eq!(
        ipc.r#type,
        netapi::con::STYPE_IPC | netapi::con::STYPE_SPECIAL
    );
    // Samba does not serve level 503: the server's own answer, ERROR_INVALID_LEVEL.
    assert_eq!(c.share_enum_level(503).unwrap_err().win32(), 124);
}

#[test]
fn fs_share_enum_at_every_level_samba_serves() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    share_enum_levels_match_rpcclient(&lab.fs, &lab);
}

#[test]
fn dc_share_enum_at_every_level_samba_serves() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    share_enum_levels_match_rpcclient(&lab.dc, &lab);
}

#[test]
fn share_add_get_set_del_cross_checked_with_rpcclient() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let name = unique("s");
        let add = ShareInfo502 {
            netname: Some(name.clone()),
            r#type: netapi::con::STYPE_DISKTREE,
            remark: Some("made by netapi".into()),
            max_uses: u32::MAX,
            path: Some(server.scratch_dir_win.clone()),
            ..Default::default()
        };
        c.share_add(&add.into()).unwrap();
        let (ok, out) = rpcclient_share(&lab, server, &name);
        assert!(
            ok && out.contains("made by netapi"),
            "rpcclient does not see the new share: {out}"
        );

        let got: ShareInfo502 = c.share_get_info(&name).unwrap();
        assert_eq!(got.netname.as_deref(), Some(name.as_str()));
        assert_eq!(got.remark.as_deref(), Some("made by netapi"));
        assert_eq!(
            got.path.as_deref().map(str::to_ascii_lowercase),
            Some(server.scratch_dir_win.to_ascii_lowercase())
        );
        assert_eq!(got.r#type, netapi::con::STYPE_DISKTREE);

        c.share_set_info(
            &name,
            &ShareInfo1004 {
                remark: Some("changed by netapi".into()),
            }
            .into(),
        )
        .unwrap();
        let got: ShareInfo1004 = c.share_get_info(&name).unwrap();
        assert_eq!(got.remark.as_deref(), Some("changed by netapi"));
        let (_, out) = rpcclient_share(&lab, server, &name);
        assert!(
            out.contains("changed by netapi"),
            "rpcclient does not see the new remark: {out}"
        );

        // A second add of the same name fails as Windows says (Samba: ERROR_FILE_EXISTS).
        let dup = c.share_add(&add_again(&name, server)).unwrap_err();
        assert_eq!(dup.kind(), Kind::Server);

        c.share_del(&name).unwrap();
        let gone = c.share_get_info_level(&name, 1).unwrap_err();
        assert_eq!(gone.win32(), 2310, "{gone}");
        assert_eq!(gone.message(), "This shared resource does not exist.");
        assert_eq!(gone.op(), "NetShareGetInfo");
        assert!(
            !rpcclient_share(&lab, server, &name).0,
            "rpcclient still sees the share"
        );
        assert_eq!(c.share_del(&name).unwrap_err().win32(), 2310);
    }
}

fn add_again(name: &str, server: &Server) -> ShareInfo {
    ShareInfo2 {
        netname: Some(name.into()),
        path: Some(server.scratch_dir_win.clone()),
        ..Default::default()
    }
    .into()
}

#[test]
fn share_get_info_at_every_level_samba_serves() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    let c = admin(&lab.fs);
    for level in [0, 1, 2, 501, 502, 1004, 1005, 1006, 1501] {
        let s = c.share_get_info_level(&lab.fs.share, level).unwrap();
        assert_eq!(s.level(), level);
    }
    let ShareInfo::L2(s) = c.share_get_info_level(&lab.fs.share, 2).unwrap() else {
        panic!()
    };
    let (_, out) = rpcclient_share(&lab, &lab.fs, &lab.fs.share);
    assert!(out.contains(s.remark.as_deref().unwrap()), "{out}");
    // Bad input never reaches the server.
    assert_eq!(
        c.share_get_info_level(&lab.fs.share, 7).unwrap_err().kind(),
        Kind::Usage
    );
    assert_eq!(c.share_get_info_level("", 1).unwrap_err().win32(), 87);
}

#[test]
fn server_info_levels_and_disks() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let (ok, srvinfo) =
            lab.samba_tool("rpcclient", server, &server.admin_user, &["-c", "srvinfo"]);
        assert!(ok, "{srvinfo}");
        let l100: ServerInfo100 = c.server_get_info().unwrap();
        assert_eq!(l100.platform_id, netapi::con::SV_PLATFORM_ID_NT);
        assert_eq!(l100.name.as_deref(), Some(server.name.as_str()));
        let l101: ServerInfo101 = c.server_get_info().unwrap();
        assert!(
            srvinfo.contains(l101.comment.as_deref().unwrap()),
            "{srvinfo}"
        );
        assert!(
            srvinfo.contains(&format!("{}.{}", l101.version_major, l101.version_minor)),
            "{srvinfo}"
        );
        assert!(
            srvinfo.contains(&format!("0x{:x}", l101.r#type)),
            "{srvinfo}"
        );
        let l102: ServerInfo102 = c.server_get_info().unwrap();
        assert_eq!(l102.name, l101.name);
        // Samba serves 100/101/102 only: its own ERROR_INVALID_LEVEL for the others.
        for level in [402, 403, 502, 503] {
            let e = c.server_get_info_level(level).unwrap_err();
            assert_eq!((e.win32(), e.kind()), (124, Kind::Server), "level {level}");
        }
        // A level no SERVER_INFO has: rejected before sending.
        assert_eq!(c.server_get_info_level(7).unwrap_err().kind(), Kind::Usage);
        let disks = c.server_disk_enum().unwrap();
        assert_eq!(disks, vec!["C:".to_string()]);
        // Samba accepts NetServerSetInfo and ignores it.
        c.server_set_info(&ServerInfo::L101(l101)).unwrap();
    }
}

/// Sessions and open files of a live `tools/lab hold-file` client, then close the file and end
/// the session, each step confirmed by smbstatus.
fn sessions_and_files(lab: &Lab, server: &Server, held_user: &str) {
    let c = admin(server);
    let _held = lab.hold_file(server, 120);

    let sessions = c.session_enum_level(1, None, None).unwrap();
    let mine = sessions
        .iter()
        .filter_map(|s| {
            if let SessionInfo::L1(s) = s {
                Some(s)
            } else {
                None
            }
        })
        .find(|s| s.user_name.as_deref() == Some(held_user))
        .unwrap_or_else(|| panic!("no session of {held_user}: {sessions:?}"));
    assert!(mine.num_opens >= 1);
    let client_name = mine.client_name.clone().unwrap();
    assert!(
        lab.smbstatus(server, &["-b"]).contains(&server.user),
        "smbstatus does not list the session"
    );
    let l0 = c.session_enum_level(0, None, None).unwrap();
    assert!(
        l0.iter()
            .any(|s| s.client_name() == Some(client_name.as_str()))
    );
    let one = c
        .session_get_info_level(1, &format!("\\\\{client_name}"), held_user)
        .unwrap();
    assert_eq!(one.user_name(), Some(held_user));
    let zero = c
        .session_get_info_level(0, &format!("\\\\{client_name}"), held_user)
        .unwrap();
    assert_eq!(zero.client_name(), Some(client_name.as_str()));
    assert_eq!(
        c.session_get_info_level(1, "\\\\10.9.9.9", held_user)
            .unwrap_err()
            .win32(),
        2312
    );

    let files = c.file_enum_level(3, None, None).unwrap();
    let file = files
        .iter()
        .filter_map(|f| {
            if let FileInfo::L3(f) = f {
                Some(f)
            } else {
                None
            }
        })
        .find(|f| {
            f.path_name
                .as_deref()
                .is_some_and(|p| p.ends_with("hello.txt"))
        })
        .unwrap_or_else(|| panic!("hello.txt not open: {files:?}"))
        .clone();
    assert_eq!(file.user_name.as_deref(), Some(held_user));
    assert!(lab.smbstatus(server, &["-L"]).contains("hello.txt"));
    // Samba does not implement NetrFileGetInfo: the fault surfaces as Windows' 1745.
    assert_eq!(c.file_get_info_level(file.id, 3).unwrap_err().win32(), 1745);

    c.file_close(file.id).unwrap();
    eventually("smbstatus no longer lists hello.txt", || {
        !lab.smbstatus(server, &["-L"]).contains("hello.txt")
    });
    assert!(
        c.file_enum_level(3, None, None)
            .unwrap()
            .iter()
            .all(|f| f.id() != file.id)
    );
    assert_eq!(c.file_close(file.id).unwrap_err().win32(), 2314);

    // Samba wants the client as \\address and the user exactly as listed.
    c.session_del(Some(&format!("\\\\{client_name}")), Some(held_user))
        .unwrap();
    eventually("the held session is gone", || {
        c.session_enum_level(1, None, None)
            .unwrap()
            .iter()
            .all(|s| s.user_name() != Some(held_user))
    });
    eventually("smbstatus no longer lists the session", || {
        !lab.smbstatus(server, &["-b"])
            .lines()
            .any(|l| l.contains(&server.user) && l.contains("127.0.0.1"))
    });
}

#[test]
fn fs_sessions_and_open_files() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    sessions_and_files(&lab, &lab.fs, &lab.fs.user);
}

#[test]
fn dc_sessions_and_open_files() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    let held = format!("{}\\{}", lab.dc.domain, lab.dc.user);
    sessions_and_files(&lab, &lab.dc, &held);
}

#[test]
fn ordinary_user_is_denied_where_windows_denies() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = client(server, &server.user);
        // Allowed for everyone.
        assert!(!c.share_enum_level(1).unwrap().is_empty());
        let _: ServerInfo101 = c.server_get_info().unwrap();
        // Denied: ERROR_ACCESS_DENIED, as Windows answers.
        for (what, e) in [
            (
                "session enum",
                c.session_enum_level(1, None, None).unwrap_err(),
            ),
            ("file enum", c.file_enum_level(3, None, None).unwrap_err()),
            (
                "share add",
                c.share_add(
                    &ShareInfo2 {
                        netname: Some(unique("deny")),
                        path: Some(server.scratch_dir_win.clone()),
                        ..Default::default()
                    }
                    .into(),
                )
                .unwrap_err(),
            ),
        ] {
            assert_eq!(e.win32(), 5, "{what}: {e}");
            assert_eq!(e.message(), "Access is denied.");
        }
    }
}

#[test]
fn calls_samba_does_not_implement_surface_as_windows_errors() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    let c = admin(&lab.fs);
    // nca_s_op_rng_error → RPC_S_PROCNUM_OUT_OF_RANGE, with the fault kept as received.
    for (what, e) in [
        ("NetShareCheck", c.share_check("C:").unwrap_err()),
        (
            "NetStatisticsGet",
            c.statistics_get("LanmanServer", 0, 0).unwrap_err(),
        ),
        (
            "NetServerComputerNameAdd",
            c.server_computer_name_add(None, "NLPALIAS").unwrap_err(),
        ),
        (
            "NetServerComputerNameDel",
            c.server_computer_name_del("NLPALIAS").unwrap_err(),
        ),
    ] {
        assert_eq!(e.win32(), 1745, "{what}: {e}");
        assert_eq!(e.op(), what);
        assert_eq!(e.code(), Code::Fault(netapi::RpcFault(0x1c01_0002)));
        assert_eq!(e.message(), "The procedure number is out of range.");
    }
    // Levels Samba's NetrSessionEnum lacks: its own ERROR_INVALID_LEVEL.
    for level in [2, 10, 502] {
        assert_eq!(
            c.session_enum_level(level, None, None).unwrap_err().win32(),
            124
        );
    }
    // The pipe still works after the faults.
    assert!(!c.share_enum_level(0).unwrap().is_empty());
}

#[test]
fn wrong_password_and_unreachable_server() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    let creds = Credentials::password(&lab.fs.domain, &lab.fs.admin_user, "not-the-password");
    let e = Client::new(&lab.fs.ip, Options::new(creds))
        .unwrap()
        .share_enum_level(0)
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (1326, Kind::Auth), "{e}");
    // Nothing listens on 127.0.0.9:445.
    let mut opts = Options::new(Credentials::password("X", "x", "x"));
    opts.smb.connect_timeout = Duration::from_secs(2);
    let e = Client::new("127.0.0.9", opts)
        .unwrap()
        .share_enum_level(0)
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (53, Kind::Transport), "{e}");
}

#[test]
fn nt_hash_kerberos_encryption_and_tcp_transports() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    // NT hash instead of a password (MD4 of the UTF-16LE password, as `pdbedit -w` shows).
    let hash = nt_hash_hex(&lab.fs.password);
    let creds = Credentials::nt_hash(&lab.fs.domain, &lab.fs.admin_user, &hash).unwrap();
    let c = Client::new(&lab.fs.ip, Options::new(creds)).unwrap();
    assert!(!c.share_enum_level(1).unwrap().is_empty());

    // Encryption required (SMB 3.x only): still works.
    let mut opts = Options::new(Credentials::password(
        &lab.fs.domain,
        &lab.fs.admin_user,
        &lab.fs.password,
    ));
    opts.smb.encryption = EncryptionPolicy::Required;
    let _: ServerInfo101 = Client::new(&lab.fs.ip, opts)
        .unwrap()
        .server_get_info()
        .unwrap();

    // Kerberos to the DC: the KDC and the SPN host are given; the host resolver is never used.
    let mut opts = Options::new(Credentials::password(
        &lab.dc.domain,
        &lab.dc.admin_user,
        &lab.dc.password,
    ));
    opts.smb.auth = AuthOptions::kerberos(&format!("{}:88", lab.dc.ip), &lab.dc_fqdn);
    let l101: ServerInfo101 = Client::new(&lab.dc.ip, opts)
        .unwrap()
        .server_get_info()
        .unwrap();
    assert_eq!(l101.name.as_deref(), Some(lab.dc.name.as_str()));

    // ncacn_ip_tcp: Samba registers srvsvc on named pipes only, so the endpoint mapper says
    // so, as Windows reports it (EPT_S_NOT_REGISTERED).
    let mut opts = Options::new(Credentials::password(
        &lab.dc.domain,
        &lab.dc.admin_user,
        &lab.dc.password,
    ));
    opts.transport = Transport::Tcp;
    opts.smb.auth = AuthOptions::ntlm();
    let e = Client::new(&lab.dc.ip, opts)
        .unwrap()
        .share_enum_level(0)
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (1753, Kind::Server), "{e}");
    // The file server has no endpoint mapper at all: the RPC server is unavailable over TCP,
    // as Windows' RPC runtime reports it (RPC_S_SERVER_UNAVAILABLE).
    let mut opts = Options::new(Credentials::password(
        &lab.fs.domain,
        &lab.fs.admin_user,
        &lab.fs.password,
    ));
    opts.transport = Transport::Tcp;
    let e = Client::new(&lab.fs.ip, opts)
        .unwrap()
        .share_enum_level(0)
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (1722, Kind::Transport), "{e}");
}

/// MD4(UTF-16LE(password)) as hex, computed here independently of netapi-auth.
fn nt_hash_hex(password: &str) -> String {
    use md4::{Digest, Md4};
    let bytes: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
    Md4::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
