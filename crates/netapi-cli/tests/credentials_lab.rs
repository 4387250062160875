//! The CLI with credentials as users hold them, against the lab (tools/LAB.md): `kinit` into a
//! private cache, then `--kerberos` with no password and no `--kdc` (the lab's krb5.conf names
//! the KDC), over the named pipe and over TCP (wkssvc through the endpoint mapper); a keytab from `samba-tool domain exportkeytab`; the KDC found by DNS SRV at the DC's
//! own DNS server; every user-name form; Samba's authentication file; `--password-stdin`; null
//! sessions; and the clean errors (empty cache, expired ticket, wrong keytab key, silent KDC,
//! real clock skew under `faketime`), each within seconds, as pywin32-style JSON.

mod common;

use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::{Run, With, netapi_with};
use netapi_testkit::lab::Lab;
use netapi_testkit::scratch::TempPath as Temp;

fn krb5_config(lab: &Lab) -> String {
    lab.krb5_config.to_string_lossy().into_owned()
}

/// `netapi -s <DC> --target-host <fqdn> <args> --json` with the cache and the lab's krb5.conf.
fn on_dc(lab: &Lab, cache: &str, args: &[&str]) -> Run {
    let conf = krb5_config(lab);
    let mut all = vec!["-s", &lab.dc.ip, "--target-host", &lab.dc_fqdn, "--json"];
    all.extend_from_slice(args);
    netapi_with(
        &all,
        With {
            env: &[("KRB5CCNAME", cache), ("KRB5_CONFIG", &conf)],
            ..With::default()
        },
    )
}

fn ok(run: Run, what: &str) -> serde_json::Value {
    assert_eq!(run.code, 0, "{what}: {run:#?}");
    run.json()
}

/// Exit status 1 with `winerror` (as pywin32 gives it: signed) in the JSON error object.
fn fails(run: Run, winerror: i64, what: &str) -> serde_json::Value {
    assert_eq!(run.code, 1, "{what}: {run:#?}");
    let v = run.error_json();
    assert_eq!(v["winerror"], winerror, "{what}: {v}");
    v
}

#[test]
fn kerberos_from_the_ticket_cache_with_no_password_and_no_kdc() {
    let Some(lab) = Lab::get() else { return };
    let cache = Temp::new("cc");
    lab.kinit(&lab.dc.admin_user, &cache.0, None);
    let info = ok(
        on_dc(&lab, &cache.ccache_name(), &["--kerberos", "server", "get"]),
        "server get",
    );
    assert_eq!(info["name"], lab.dc.name.as_str());
    let shares = ok(
        on_dc(&lab, &cache.ccache_name(), &["-k", "share", "list"]),
        "share list",
    );
    assert!(
        shares
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["netname"] == lab.dc.share.as_str()),
        "{shares}"
    );
    // Over TCP (the endpoint mapper finds wkssvc; host/dc1.lab.example for the SPN).
    let wksta = ok(
        on_dc(
            &lab,
            &cache.ccache_name(),
            &["-k", "--transport", "tcp", "wksta", "get"],
        ),
        "wksta get over TCP",
    );
    assert_eq!(wksta["computername"], lab.dc.name.as_str(), "{wksta}");
    // --user naming the cache's owner is fine; another user is a usage error (exit 2).
    ok(
        on_dc(
            &lab,
            &cache.ccache_name(),
            &["-k", "-u", &lab.dc.admin_user, "server", "get"],
        ),
        "--user matching the cache",
    );
    let run = on_dc(
        &lab,
        &cache.ccache_name(),
        &["-k", "-u", &lab.dc.user, "server", "get"],
    );
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("holds tickets of"), "{}", run.stderr);
}

#[test]
fn a_keytab_logs_on_and_a_wrong_key_is_1326() {
    let Some(lab) = Lab::get() else { return };
    let keytab = Temp::new("keytab");
    let principal = format!("{}@{}", lab.dc.user, lab.realm);
    lab.export_keytab(&principal, &keytab.0);
    let with_keytab = |extra: &[&str]| {
        let mut args = vec!["--keytab", keytab.as_str(), "-u", &principal];
        args.extend_from_slice(extra);
        on_dc(&lab, "FILE:/nonexistent", &args)
    };
    let info = ok(with_keytab(&["server", "get"]), "keytab");
    assert_eq!(info["name"], lab.dc.name.as_str());
    let wksta = ok(
        with_keytab(&["--transport", "tcp", "wksta", "get"]),
        "keytab over TCP",
    );
    assert_eq!(wksta["computername"], lab.dc.name.as_str(), "{wksta}");
    // Flip every key bit pattern: a keytab of the right shape with the wrong keys.
    let mut bytes = std::fs::read(&keytab.0).unwrap();
    let kt = netapi::options::keytab::parse(&bytes).unwrap();
    for e in &kt.entries {
        let key = e.key.bytes();
        let at = bytes.windows(key.len()).position(|w| w == key).unwrap();
        for b in &mut bytes[at..at + key.len()] {
            *b ^= 0xa5;
        }
    }
    let wrong = Temp::new("keytab-wrong");
    std::fs::write(&wrong.0, &bytes).unwrap();
    let started = Instant::now();
    let v = fails(
        on_dc(
            &lab,
            "FILE:/nonexistent",
            &[
                "--keytab",
                wrong.as_str(),
                "-u",
                &principal,
                "server",
                "get",
            ],
        ),
        1326,
        "wrong keytab key",
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        v["detail"].as_str().unwrap().contains("PREAUTH_FAILED"),
        "{v}"
    );
}

#[test]
fn the_kdc_by_srv_lookup_with_a_upn_and_password_stdin() {
    let Some(lab) = Lab::get() else { return };
    let upn = format!("{}@{}", lab.dc.admin_user, lab.realm.to_lowercase());
    let password = format!("{}\n", lab.dc.password);
    // No krb5.conf at all (KRB5_CONFIG=/dev/null): the KDC can only come from DNS.
    let run = |extra: &[&str]| {
        let mut args = vec![
            "-s",
            &lab.dc.ip,
            "--target-host",
            &lab.dc_fqdn,
            "-u",
            &upn,
            "--password-stdin",
            "--kerberos",
            "--json",
        ];
        args.extend_from_slice(extra);
        args.extend(["server", "get"]);
        netapi_with(
            &args,
            With {
                env: &[("KRB5_CONFIG", "/dev/null")],
                stdin: Some(password.as_bytes()),
                ..With::default()
            },
        )
    };
    assert_eq!(
        ok(run(&["--dns-server", &lab.dc.ip]), "SRV")["name"],
        lab.dc.name.as_str()
    );
    // Without --dns-server nothing names a KDC for the lab realm: 1311, not a hang.
    fails(run(&["--timeout", "3"]), 1311, "no KDC anywhere");
}

#[test]
fn an_rc4_keytab_and_an_nt_hash_log_on_with_kerberos() {
    let Some(lab) = Lab::get() else { return };
    let keytab = Temp::new("keytab-all");
    let principal = format!("{}@{}", lab.dc.user, lab.realm);
    lab.export_keytab(&principal, &keytab.0);
    let kt = netapi::options::keytab::load(&keytab.0).unwrap();
    let rc4: Vec<_> = kt
        .entries
        .into_iter()
        .filter(|e| e.key.enctype == netapi::options::keytab::RC4_HMAC)
        .collect();
    let rc4_file = Temp::new("keytab-rc4");
    std::fs::write(&rc4_file.0, netapi::options::keytab::write::to_bytes(&rc4)).unwrap();
    let info = ok(
        on_dc(
            &lab,
            "FILE:/nonexistent",
            &[
                "--keytab",
                rc4_file.as_str(),
                "-u",
                &principal,
                "server",
                "get",
            ],
        ),
        "RC4 keytab",
    );
    assert_eq!(info["name"], lab.dc.name.as_str());
    // The NT hash of the password is that RC4 key.
    let hash = netapi_testkit::lab::nt_hash(&lab.dc.password);
    let user = format!("{}\\{}", lab.dc.domain, lab.dc.user);
    let info = ok(
        on_dc(
            &lab,
            "FILE:/nonexistent",
            &[
                "-u",
                &user,
                "--nt-hash",
                &hash,
                "-k",
                "--realm",
                &lab.realm,
                "server",
                "get",
            ],
        ),
        "NT hash with --kerberos",
    );
    assert_eq!(info["name"], lab.dc.name.as_str());
}

#[test]
fn every_user_name_form_logs_on() {
    let Some(lab) = Lab::get() else { return };
    let password = format!("{}\n", lab.dc.password);
    let admin = &lab.dc.admin_user;
    let forms = [
        (
            lab.dc.ip.as_str(),
            format!("{}\\{admin}", lab.dc.domain),
            None,
        ),
        (
            lab.dc.ip.as_str(),
            format!("{}/{admin}", lab.dc.domain),
            None,
        ),
        (
            lab.dc.ip.as_str(),
            format!("{admin}@{}", lab.realm.to_lowercase()),
            None,
        ),
        (
            lab.dc.ip.as_str(),
            admin.clone(),
            Some(lab.dc.domain.as_str()),
        ),
        (
            lab.fs.ip.as_str(),
            format!("{}/{}", lab.fs.domain, lab.fs.admin_user),
            None,
        ),
        (lab.fs.ip.as_str(), lab.fs.admin_user.clone(), None),
    ];
    for (server, user, domain) in forms {
        let mut args = vec!["-s", server, "-u", &user, "--password-stdin", "--json"];
        if let Some(d) = domain {
            args.extend(["--domain", d]);
        }
        args.extend(["server", "get"]);
        let run = netapi_with(
            &args,
            With {
                stdin: Some(password.as_bytes()),
                ..With::default()
            },
        );
        ok(run, &format!("{user} on {server}"));
    }
}

#[test]
fn the_authentication_file_and_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let Some(lab) = Lab::get() else { return };
    let file = Temp::new("auth");
    std::fs::write(
        &file.0,
        format!(
            "username = {}\npassword = {}\ndomain = {}\n",
            lab.fs.admin_user, lab.fs.password, lab.fs.domain
        ),
    )
    .unwrap();
    std::fs::set_permissions(&file.0, std::fs::Permissions::from_mode(0o600)).unwrap();
    let run = netapi_with(
        &[
            "-s",
            &lab.fs.ip,
            "-A",
            file.as_str(),
            "--json",
            "share",
            "list",
        ],
        With::default(),
    );
    let shares = ok(run, "-A");
    assert!(
        shares
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["netname"] == lab.fs.share.as_str())
    );
    std::fs::set_permissions(&file.0, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = netapi_with(
        &["-s", &lab.fs.ip, "-A", file.as_str(), "share", "list"],
        With::default(),
    );
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(!run.stderr.contains(&lab.fs.password));
}

#[test]
fn null_sessions_work_on_the_dc_and_are_denied_by_the_file_server() {
    let Some(lab) = Lab::get() else { return };
    // The file server's "restrict anonymous = 2" is this checkout's tools/lab configuration:
    // `lab up` rewrites and reloads it (a no-op when it is current).
    lab.tool(&["up", "fs"]);
    let run = netapi_with(
        &["-s", &lab.dc.ip, "--anonymous", "--json", "share", "list"],
        With::default(),
    );
    let shares = ok(run, "anonymous on the DC");
    assert!(!shares.as_array().unwrap().is_empty());
    let run = netapi_with(
        &["-s", &lab.fs.ip, "--anonymous", "--json", "share", "list"],
        With::default(),
    );
    fails(run, 5, "anonymous on the file server");
}

#[test]
fn ticket_errors_are_clean_and_fast() {
    let Some(lab) = Lab::get() else { return };
    // A cache file with a principal and no tickets.
    let empty = Temp::new("cc-empty");
    empty.write_empty_ccache(&lab.realm, &lab.dc.user);
    let started = Instant::now();
    let v = fails(
        on_dc(&lab, &empty.ccache_name(), &["-k", "server", "get"]),
        0x8009_030E_u32 as i32 as i64,
        "empty cache",
    );
    assert!(
        v["strerror"]
            .as_str()
            .unwrap()
            .contains("No credentials are available"),
        "{v}"
    );
    // No cache at all.
    fails(
        on_dc(&lab, "FILE:/nonexistent/cc", &["-k", "server", "get"]),
        0x8009_030E_u32 as i32 as i64,
        "missing cache",
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // `kinit -l` short: the KDC already refuses it, then it is past its end.
    let short = Temp::new("cc-short");
    lab.kinit(&lab.dc.user, &short.0, Some("10s"));
    let started = Instant::now();
    fails(
        on_dc(&lab, &short.ccache_name(), &["-k", "server", "get"]),
        0x8009_0317_u32 as i32 as i64,
        "ticket near its end",
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    std::thread::sleep(Duration::from_secs(11));
    let started = Instant::now();
    let v = fails(
        on_dc(&lab, &short.ccache_name(), &["-k", "server", "get"]),
        0x8009_0317_u32 as i32 as i64,
        "expired ticket",
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(v["detail"].as_str().unwrap().contains("kinit"), "{v}");
    // A KDC that accepts the connection and never answers: 1311 after --timeout.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let kdc = silent.local_addr().unwrap().to_string();
    let good = Temp::new("cc-good");
    lab.kinit(&lab.dc.admin_user, &good.0, None);
    let started = Instant::now();
    fails(
        on_dc(
            &lab,
            &good.ccache_name(),
            &["-k", "--kdc", &kdc, "--timeout", "2", "server", "get"],
        ),
        1311,
        "silent KDC",
    );
    assert!(started.elapsed() < Duration::from_secs(6));
}

#[test]
fn a_real_clock_skew_is_1398() {
    let Some(lab) = Lab::get() else { return };
    if std::process::Command::new("faketime")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but faketime is missing (tools/lab install installs it)"
        );
        eprintln!("a_real_clock_skew_is_1398: skipped (no faketime)");
        return;
    }
    let cache = Temp::new("cc-skew");
    lab.kinit(&lab.dc.admin_user, &cache.0, None);
    let conf = krb5_config(&lab);
    // Our clock two hours ahead of the KDC's (its limit is five minutes).
    let started = Instant::now();
    let run = netapi_with(
        &[
            "-s",
            &lab.dc.ip,
            "--target-host",
            &lab.dc_fqdn,
            "-k",
            "--json",
            "server",
            "get",
        ],
        With {
            env: &[("KRB5CCNAME", &cache.ccache_name()), ("KRB5_CONFIG", &conf)],
            wrapper: &["faketime", "-f", "+2h"],
            ..With::default()
        },
    );
    let v = fails(run, 1398, "clock skew");
    assert!(
        v["detail"].as_str().unwrap().contains("KRB_AP_ERR_SKEW"),
        "{v}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}
