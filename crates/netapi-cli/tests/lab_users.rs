//! `netapi user`, `policy` and `validate-password` against the Samba lab (`tools/lab`), cross-
//! checked with Samba's own `rpcclient` (queryuser, enumdomusers, getdompwinfo) and a logon with
//! `smbclient`.
//!
//! Skipped with a printed reason when `NETAPI_LAB_*` is unset, unless `CI=true`. Accounts are
//! `nlp_u_<pid>_<n>` and removed at the end of each test, also when it fails.
//! quirk(samba-4.17): account writes on the file server within about a second of another see a
//! stale view, so the steps there are spaced.

mod common;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use common::{Run, netapi};
use netapi_testkit::lab::{Lab, Server};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

const PASSWORD: &str = "Nlp.Cli-Passw0rd1";

fn unique() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "nlp_u_{}_c{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

fn settle() {
    std::thread::sleep(Duration::from_millis(1200));
}

/// `netapi -s <ip> -u DOMAIN\user -p <pw> args...`.
fn as_user(server: &Server, user: &str, password: &str, args: &[&str]) -> Run {
    let who = format!("{}\\{}", server.domain, user);
    let mut all = vec!["-s", server.ip.as_str(), "-u", who.as_str(), "-p", password];
    all.extend_from_slice(args);
    netapi(&all)
}

fn admin(server: &Server, args: &[&str]) -> Run {
    as_user(server, &server.admin_user, &server.password, args)
}

fn ok(run: Run) -> Run {
    assert_eq!(run.code, 0, "netapi failed: {run:#?}");
    run
}

/// Deletes the account when dropped (through rpcclient, independent of the code under test).
struct Gone<'a>(&'a Lab, &'a Server, String);

impl Drop for Gone<'_> {
    fn drop(&mut self) {
        let _ = self.0.samba_tool(
            "rpcclient",
            self.1,
            &self.1.admin_user,
            &["-c", &format!("deletedomuser {}", self.2)],
        );
        settle();
    }
}

fn queryuser(lab: &Lab, server: &Server, name: &str) -> Option<String> {
    let (ok, out) = lab.samba_tool(
        "rpcclient",
        server,
        &server.admin_user,
        &["-c", &format!("queryuser {name}")],
    );
    (ok && out.contains("User Name")).then_some(out)
}

/// `rpcclient` output line `key :\tvalue` → value.
fn field<'a>(out: &'a str, key: &str) -> Option<&'a str> {
    out.lines()
        .find(|l| l.trim_start().starts_with(key))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim())
}

/// `netapi user set NAME --field FIELD` as the administrator, which must succeed.
fn user_set(server: &Server, name: &str, field: &str) {
    ok(admin(server, &["user", "set", name, "--field", field]));
}

#[test]
fn user_add_get_set_password_del_on_both_servers() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let name = unique();
        let _gone = Gone(&lab, server, name.clone());
        ok(admin(
            server,
            &[
                "user",
                "add",
                &name,
                "--user-password",
                PASSWORD,
                "--field",
                "full_name=Nlp Cli User",
                "--field",
                "comment=made by the cli",
            ],
        ));
        let theirs = queryuser(&lab, server, &name).expect("rpcclient sees the new account");
        assert_eq!(
            field(&theirs, "Full Name"),
            Some("Nlp Cli User"),
            "{theirs}"
        );
        assert_eq!(field(&theirs, "Description"), Some("made by the cli"));
        settle();

        let got = ok(admin(
            server,
            &["user", "get", &name, "--level", "20", "--json"],
        ))
        .json();
        assert_eq!(got["name"], name.as_str(), "{got}");
        assert_eq!(got["full_name"], "Nlp Cli User");
        let rid: u32 = field(&theirs, "user_rid")
            .and_then(|v| u32::from_str_radix(v.trim_start_matches("0x"), 16).ok())
            .expect("rpcclient prints user_rid");
        assert_eq!(got["user_id"], rid, "{got}");
        let flags = got["flags"].as_u64().unwrap() as u32;
        assert_eq!(
            flags & netapi::con::UF_NORMAL_ACCOUNT,
            netapi::con::UF_NORMAL_ACCOUNT
        );
        assert_eq!(
            flags & netapi::con::UF_ACCOUNTDISABLE,
            0,
            "enabled: {flags:#x}"
        );

        // A comment alone goes as level 1007; flags as 1008.
        user_set(server, &name, "comment=changed by the cli");
        let theirs = queryuser(&lab, server, &name).unwrap();
        assert_eq!(field(&theirs, "Description"), Some("changed by the cli"));
        settle();

        if server.role == "fs" {
            // logon_hours alone: level 1020, whose units_per_week is read first (at level 3:
            // NetUserGetInfo has no level 1020). pdbedit shows the file server's bitmap.
            let set_hours = |hours: &str| {
                user_set(server, &name, &format!("logon_hours={hours}"));
                let out = std::process::Command::new("pdbedit")
                    .arg("-s")
                    .arg(lab.root.join("fs/etc/smb.conf"))
                    .args(["-Lv", &name])
                    .output()
                    .unwrap();
                let view = String::from_utf8_lossy(&out.stdout);
                assert_eq!(
                    field(&view, "Logon hours"),
                    Some(hours.to_uppercase().as_str()),
                    "{view}"
                );
                settle();
            };
            set_hours(&format!("{}0f", "00ff".repeat(10)));
            // Every hour again: the bitmap above shuts out half the week, and the password
            // change below logs on as the user (STATUS_INVALID_LOGON_HOURS otherwise, on
            // whichever hour of the week the test happens to run).
            set_hours(&"ff".repeat(21));
        }

        // The user changes the password, proving the old one; the new one logs on.
        let new = "Nlp.Cli-Passw0rd2";
        ok(as_user(
            server,
            &name,
            PASSWORD,
            &["user", "password", "--old", PASSWORD, "--new", new],
        ));
        let cred = format!("{}\\{}%{}", server.domain, name, new);
        let (logged_on, out) = lab.samba_tool(
            "smbclient",
            server,
            &server.admin_user,
            &["-U", &cred, &format!("//{}/IPC$", server.ip), "-c", "exit"],
        );
        assert!(logged_on, "smbclient with the new password: {out}");
        settle();

        // Listed, then deleted; rpcclient no longer finds it, and neither do we.
        let list = ok(admin(server, &["user", "list", "--json"])).json();
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|u| u["name"] == name.as_str()),
            "{list}"
        );
        ok(admin(server, &["user", "del", &name]));
        assert!(queryuser(&lab, server, &name).is_none());
        let e = admin(server, &["--json", "user", "get", &name]);
        assert_ne!(e.code, 0);
        assert_eq!(e.error_json()["winerror"], 2221, "{e:#?}");
        settle();
    }
}

#[test]
fn user_list_matches_rpcclient_enumdomusers() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let (success, text) = lab.samba_tool(
            "rpcclient",
            server,
            &server.admin_user,
            &["-c", "enumdomusers"],
        );
        assert!(success, "{text}");
        // Lines `user:[name] rid:[0x...]`; other suites add and remove nlp_* accounts meanwhile.
        let theirs: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("user:[")?.split_once(']'))
            .map(|(n, _)| n.to_string())
            .filter(|n| !n.starts_with("nlp_"))
            .collect();
        let ours = ok(admin(server, &["user", "list", "--json"])).json();
        let mut ours: Vec<String> = ours
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["name"].as_str().unwrap().to_string())
            .filter(|n| !n.starts_with("nlp_"))
            .collect();
        let mut theirs = theirs;
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "{}", server.role);
        assert!(ours.contains(&server.admin_user), "{ours:?}");
    }
}

#[test]
fn policy_get_matches_rpcclient_getdompwinfo() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let ours = ok(admin(server, &["policy", "get", "--level", "0", "--json"])).json();
        let (success, text) = lab.samba_tool(
            "rpcclient",
            server,
            &server.admin_user,
            &["-c", "getdompwinfo"],
        );
        assert!(success, "{text}");
        // `min_password_length: 7` (rpcclient prints the domain's password information).
        let min: u64 = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("min_password_length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no min_password_length in {text}"));
        assert_eq!(ours["min_passwd_len"], min, "{ours}");
        for key in [
            "max_passwd_age",
            "min_passwd_age",
            "force_logoff",
            "password_hist_len",
        ] {
            assert!(ours[key].is_u64(), "{key} in {ours}");
        }
        let lockout = ok(admin(server, &["policy", "get", "--level", "3", "--json"])).json();
        assert!(lockout["lockout_threshold"].is_u64(), "{lockout}");
    }
}

/// Writes the minimum password length back when dropped.
struct RestoreMinLength<'a>(&'a Server, u64);

impl Drop for RestoreMinLength<'_> {
    fn drop(&mut self) {
        let r = admin(
            self.0,
            &[
                "policy",
                "set",
                "--field",
                &format!("min_passwd_len={}", self.1),
            ],
        );
        assert_eq!(r.code, 0, "restoring the policy failed: {r:#?}");
    }
}

#[test]
fn policy_set_changes_the_minimum_length_and_restores_it() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let before = ok(admin(server, &["policy", "get", "--json"])).json()["min_passwd_len"]
            .as_u64()
            .unwrap();
        let want = if before == 9 { 10 } else { 9 };
        let _restore = RestoreMinLength(server, before);
        ok(admin(
            server,
            &[
                "policy",
                "set",
                "--field",
                &format!("min_passwd_len={want}"),
            ],
        ));
        let (_, text) = lab.samba_tool(
            "rpcclient",
            server,
            &server.admin_user,
            &["-c", "getdompwinfo"],
        );
        assert!(
            text.contains(&format!("min_password_length: {want}")),
            "{}: {text}",
            server.role
        );
    }
}

#[test]
fn validate_password_on_the_dc() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    let dc = &lab.dc;
    let short = ok(admin(
        dc,
        &[
            "--json",
            "validate-password",
            "--clear-password",
            "a",
            "--account",
            "nlp_app_user",
        ],
    ))
    .json();
    assert_eq!(short["ValidationStatus"], 2245, "{short}");
    assert_eq!(
        short["strerror"],
        "The password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements."
    );
    let good = ok(admin(
        dc,
        &[
            "validate-password",
            "--clear-password",
            "Nlp.Valid-Passw0rd-7",
            "--account",
            "nlp_app_user",
        ],
    ));
    assert_eq!(good.stdout.trim(), "The password meets the policy.");
    // The file server has no TCP endpoint.
    let e = admin(
        &lab.fs,
        &["--json", "validate-password", "--clear-password", "a"],
    );
    assert_eq!(e.error_json()["winerror"], 1722, "{e:#?}");
}

#[test]
fn bad_names_fail_before_anything_is_sent() {
    // No lab needed: nothing listens on port 445 of 127.0.0.1 here, so an answer other than a
    // connection failure proves the check ran first.
    let closed = ["-s", "127.0.0.1", "-u", "X\\y", "-p", "z", "--json"];
    let run = |more: &[&str]| {
        let mut all = closed.to_vec();
        all.extend_from_slice(more);
        netapi(&all)
    };
    let e = run(&["user", "add", "bad/name", "--user-password", "x"]);
    assert_eq!(e.error_json()["winerror"], 2202, "{e:#?}");
    let e = run(&[
        "user",
        "add",
        "averyveryverylongname_x",
        "--user-password",
        "x",
    ]);
    assert_eq!(e.error_json()["winerror"], 2202, "{e:#?}");
    let e = run(&["user", "set", "someone", "--field", "name=bad*name"]);
    assert_eq!(e.error_json()["winerror"], 2202, "{e:#?}");
    // The same run against the closed port is a connection failure: the checks above did not
    // merely fail to connect.
    let e = run(&["user", "set", "someone", "--field", "name=goodname"]);
    assert_eq!(e.error_json()["winerror"], 53, "{e:#?}");
}
