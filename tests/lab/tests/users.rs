//! The user and account-policy family against the live Samba lab (both servers), cross-checked
//! with Samba's own tools — `rpcclient queryuser` / `querydominfo` / `enumdomusers`, `pdbedit`
//! on the file server, `samba-tool user show` on the DC, `net rpc`, and a logon with the new
//! password through `smbclient` — never only by reading back through netapi.
//!
//! Accounts are named `nlp_u_<pid>_<n>` and deleted at the end of each test (also when it
//! fails). Tests that change the account policy restore it (a guard writes the values read
//! first). quirk(samba-4.17): two account writes within about a second on the file server can
//! see a stale view, so writes there are spaced (`settle`).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use netapi::con::*;
use netapi::info::*;
use netapi::options::Credentials;
use netapi::{Client, Kind, Options};
use netapi_testkit::lab::{Lab, Server};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

fn client_as(server: &Server, user: &str, password: &str) -> Client {
    let creds = Credentials::password(&server.domain, user, password);
    let mut o = Options::new(creds);
    // NLP_DUMP_STUBS=DIR writes every stub there (for debugging a failure).
    o.dump_stubs = std::env::var_os("NLP_DUMP_STUBS").map(Into::into);
    Client::new(&server.ip, o).unwrap()
}

fn admin(server: &Server) -> Client {
    client_as(server, &server.admin_user, &server.password)
}

/// A user name no other run uses.
fn unique() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_micros()
        % 1000;
    format!("nlp_u_{}_{n}{t}", std::process::id())
}

/// quirk(samba-4.17): space account writes on the file server.
fn settle(server: &Server) {
    if server.role == "fs" {
        std::thread::sleep(Duration::from_millis(1200));
    }
}

/// Deletes the account when dropped (the test may have deleted it already).
struct Account<'a> {
    client: &'a Client,
    name: String,
}

impl Drop for Account<'_> {
    fn drop(&mut self) {
        let _ = self.client.user_del(&self.name);
    }
}

const PASSWORD: &str = "Nlp.Passw0rd-1";

/// Create `name` at level 1 with `flags`.
fn add_user<'a>(c: &'a Client, name: &str, flags: u32) -> Account<'a> {
    let info = UserInfo1 {
        name: Some(name.to_string()),
        password: Some(PASSWORD.into()),
        r#priv: USER_PRIV_USER,
        comment: Some("made by netapi".into()),
        flags,
        ..Default::default()
    };
    c.user_add(&info.into()).unwrap();
    Account {
        client: c,
        name: name.to_string(),
    }
}

/// Create `name` without a password (`UF_PASSWD_NOTREQD`).
fn add_user_without_password<'a>(c: &'a Client, name: &str) -> Account<'a> {
    let info = UserInfo1 {
        name: Some(name.to_string()),
        r#priv: USER_PRIV_USER,
        flags: UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_PASSWD_NOTREQD,
        ..Default::default()
    };
    c.user_add(&info.into()).unwrap();
    Account {
        client: c,
        name: name.to_string(),
    }
}

/// `rpcclient queryuser NAME` as the admin: (success, output).
fn queryuser(lab: &Lab, server: &Server, name: &str) -> (bool, String) {
    let (ok, out) = lab.samba_tool(
        "rpcclient",
        server,
        &server.admin_user,
        &["-c", &format!("queryuser {name}")],
    );
    (ok && out.contains("User Name"), out)
}

/// A `key :\tvalue` line of rpcclient's output.
fn field<'o>(out: &'o str, key: &str) -> Option<&'o str> {
    out.lines()
        .find(|l| l.trim_start().starts_with(key))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim())
}

#[test]
fn add_get_set_del_cross_checked_with_rpcclient() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let name = unique();
        let account = add_user(&c, &name, UF_SCRIPT | UF_NORMAL_ACCOUNT);
        let (ok, out) = queryuser(&lab, server, &name);
        assert!(ok, "rpcclient does not see {name}: {out}");
        assert_eq!(field(&out, "Description"), Some("made by netapi"), "{out}");
        assert_eq!(
            field(&out, "acb_info"),
            Some("0x00000010"),
            "enabled normal: {out}"
        );

        let u1: UserInfo1 = c.user_get_info(&name).unwrap();
        assert_eq!(u1.name.as_deref(), Some(name.as_str()));
        assert_eq!(
            u1.flags,
            UF_SCRIPT | UF_NORMAL_ACCOUNT,
            "flags read back unchanged"
        );
        assert_eq!(u1.r#priv, USER_PRIV_USER);
        assert_eq!(u1.password, None);
        assert!(u1.password_age < 60, "{}", u1.password_age);

        settle(server);
        c.user_set_info(
            &name,
            &UserInfo1011 {
                full_name: Some("Full Name".into()),
            }
            .into(),
        )
        .unwrap();
        let (_, out) = queryuser(&lab, server, &name);
        assert_eq!(field(&out, "Full Name"), Some("Full Name"), "{out}");

        settle(server);
        c.user_del(&name).unwrap();
        assert!(
            !queryuser(&lab, server, &name).0,
            "rpcclient still sees {name}"
        );
        let e = c.user_get_info_level(&name, 0).unwrap_err();
        assert_eq!((e.win32(), e.op()), (2221, "NetUserGetInfo"), "{e}");
        assert_eq!(c.user_del(&name).unwrap_err().win32(), 2221);
        drop(account);
    }
}

#[test]
fn get_info_errors_are_windows_codes() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    let c = admin(&lab.fs);
    assert_eq!(
        c.user_get_info_level("", 1).unwrap_err().kind(),
        Kind::Usage
    );
    assert_eq!(c.user_get_info_level("x", 7).unwrap_err().win32(), 124);
}

/// Account names as `rpcclient enumdomusers` lists them.
fn enumdomusers(lab: &Lab, server: &Server) -> Vec<String> {
    let (ok, out) = lab.samba_tool(
        "rpcclient",
        server,
        &server.admin_user,
        &["-c", "enumdomusers"],
    );
    assert!(ok, "rpcclient enumdomusers: {out}");
    let mut names: Vec<String> = out
        .lines()
        .filter_map(|l| l.strip_prefix("user:["))
        .filter_map(|l| l.split_once(']'))
        .map(|(n, _)| n.to_string())
        .collect();
    names.sort();
    names
}

fn names(items: &[UserInfo]) -> Vec<String> {
    let mut v: Vec<String> = items
        .iter()
        .map(|u| match u.to_json().get("name") {
            Some(serde_json::Value::String(s)) => s.clone(),
            other => panic!("no name: {other:?}"),
        })
        .collect();
    v.sort();
    v
}

#[test]
fn enum_at_every_level_matches_enumdomusers() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let expected = enumdomusers(&lab, server);
        assert!(expected.iter().any(|n| n == &server.user), "{expected:?}");
        for level in UserInfo::ENUM_LEVELS {
            let all = c.user_enum_level(*level, FILTER_NORMAL_ACCOUNT).unwrap();
            assert!(all.iter().all(|u| u.level() == *level));
            assert_eq!(names(&all), expected, "{} level {level}", server.role);
        }
        // The typed iterator, and level 3 details against GetInfo.
        let l3: Vec<UserInfo3> = c
            .user_enum::<UserInfo3>(FILTER_NORMAL_ACCOUNT, MAX_PREFERRED_LENGTH)
            .collect::<Result<_, _>>()
            .unwrap();
        let user = l3
            .iter()
            .find(|u| u.name.as_deref() == Some(server.user.as_str()))
            .unwrap();
        let got: UserInfo3 = c.user_get_info(&server.user).unwrap();
        assert_eq!(
            (user.user_id, user.flags, user.r#priv),
            (got.user_id, got.flags, got.r#priv)
        );
        // Filter 0 is every account; the DC's own computer account is a server trust account.
        let every = names(&c.user_enum_level(0, 0).unwrap());
        let servers = names(&c.user_enum_level(20, FILTER_SERVER_TRUST_ACCOUNT).unwrap());
        if server.role == "dc" {
            assert_eq!(servers, vec!["DC1$".to_string()]);
            assert!(every.contains(&"DC1$".to_string()));
        } else {
            assert!(servers.is_empty(), "{servers:?}");
        }
        assert!(expected.iter().all(|n| every.contains(n)));
        assert_eq!(c.user_enum_level(4, 0).unwrap_err().win32(), 124);
        assert_eq!(c.user_enum_level(0, 0x4).unwrap_err().win32(), 87);
    }
}

#[test]
fn display_information_lists_users_machines_and_groups() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let users = c.query_display_information_level(1).unwrap();
        let mut got: Vec<String> = users
            .iter()
            .filter_map(|u| u.name().map(String::from))
            .collect();
        got.sort();
        let expected = enumdomusers(&lab, server);
        // Display information lists normal accounts only.
        for n in &got {
            assert!(expected.contains(n), "{n} not in {expected:?}");
        }
        assert!(got.contains(&server.user), "{got:?}");
        let groups = c.query_display_information_level(3).unwrap();
        assert!(
            groups.iter().any(|g| g.name() == Some("LabGroup")),
            "{groups:?}"
        );
        if server.role == "dc" {
            let machines = c.query_display_information_level(2).unwrap();
            assert!(
                machines.iter().any(|m| m.name() == Some("DC1$")),
                "{machines:?}"
            );
        }
        // Page by page from each entry's next_index gives every entry once.
        let mut index = 0;
        let mut paged = Vec::new();
        loop {
            let page = c.query_display_information_page(1, index, 2, 1).unwrap();
            paged.extend(page.items.iter().filter_map(|u| u.name().map(String::from)));
            if page.resume == 0 {
                break;
            }
            index = page.resume;
        }
        paged.sort();
        assert_eq!(paged, got);
        assert_eq!(
            c.query_display_information_level(4).unwrap_err().win32(),
            124
        );
    }
}

/// `pdbedit -P POLICY` on the file server (its account policy as Samba stores it).
fn pdbedit_policy(lab: &Lab, policy: &str) -> u32 {
    let conf = lab.root.join("fs/etc/smb.conf");
    let out = std::process::Command::new("pdbedit")
        .arg("-s")
        .arg(&conf)
        .args(["-P", policy])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.split_once("value is: "))
        .and_then(|(_, v)| v.trim().parse::<i64>().ok())
        .map(|v| v as u32)
        .unwrap_or_else(|| panic!("pdbedit -P {policy:?}: {text}"))
}

/// `samba-tool domain passwordsettings show` on the DC: the value after `key: `.
fn passwordsettings(lab: &Lab, key: &str) -> String {
    let conf = lab.root.join("dc/etc/smb.conf");
    let out = std::process::Command::new("samba-tool")
        .args(["domain", "passwordsettings", "show", "-s"])
        .arg(&conf)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix(": ")))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("samba-tool passwordsettings has no {key:?}: {text}"))
}

#[test]
fn modals_get_matches_samba_tools() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    // The file server's policy as pdbedit stores it.
    let c = admin(&lab.fs);
    let m0: UserModalsInfo0 = c.user_modals_get().unwrap();
    assert_eq!(
        m0.min_passwd_len,
        pdbedit_policy(&lab, "min password length")
    );
    assert_eq!(
        m0.password_hist_len,
        pdbedit_policy(&lab, "password history")
    );
    assert_eq!(
        m0.max_passwd_age,
        pdbedit_policy(&lab, "maximum password age")
    );
    assert_eq!(
        m0.min_passwd_age,
        pdbedit_policy(&lab, "minimum password age")
    );
    let m3: UserModalsInfo3 = c.user_modals_get().unwrap();
    assert_eq!(
        m3.lockout_duration,
        60 * pdbedit_policy(&lab, "lockout duration")
    );
    assert_eq!(
        m3.lockout_observation_window,
        60 * pdbedit_policy(&lab, "reset count minutes")
    );
    assert_eq!(
        m3.lockout_threshold,
        pdbedit_policy(&lab, "bad lockout attempt")
    );
    let m2: UserModalsInfo2 = c.user_modals_get().unwrap();
    assert_eq!(m2.domain_name.as_deref(), Some("FILESRV"));
    let sid = m2.domain_id.unwrap();
    let u: UserInfo4 = c.user_get_info(&lab.fs.user).unwrap();
    assert_eq!(u.user_sid.unwrap().domain(), Some(sid));
    let m1: UserModalsInfo1 = c.user_modals_get().unwrap();
    assert_eq!(m1.role, UAS_ROLE_PRIMARY, "{m1:?}");

    // The DC's as samba-tool shows it.
    let c = admin(&lab.dc);
    let m0: UserModalsInfo0 = c.user_modals_get().unwrap();
    assert_eq!(
        m0.min_passwd_len.to_string(),
        passwordsettings(&lab, "Minimum password length")
    );
    assert_eq!(
        m0.password_hist_len.to_string(),
        passwordsettings(&lab, "Password history length")
    );
    let max_days = passwordsettings(&lab, "Maximum password age (days)");
    if max_days == "0" {
        assert_eq!(m0.max_passwd_age, TIMEQ_FOREVER);
    } else {
        assert_eq!(
            m0.max_passwd_age.to_string(),
            (max_days.parse::<u32>().unwrap() * 86_400).to_string()
        );
    }
    let m3: UserModalsInfo3 = c.user_modals_get().unwrap();
    assert_eq!(
        m3.lockout_duration,
        60 * passwordsettings(&lab, "Account lockout duration (mins)")
            .parse::<u32>()
            .unwrap()
    );
    assert_eq!(
        m3.lockout_threshold.to_string(),
        passwordsettings(&lab, "Account lockout threshold (attempts)")
    );
    let m2: UserModalsInfo2 = c.user_modals_get().unwrap();
    assert_eq!(m2.domain_name.as_deref(), Some("LABDOM"));
    let m1: UserModalsInfo1 = c.user_modals_get().unwrap();
    assert_eq!(m1.role, UAS_ROLE_PRIMARY);
    assert_eq!(c.user_modals_get_level(4).unwrap_err().win32(), 124);
}

/// `smbclient //server/IPC$ -U user%password -c exit`: whether the logon works.
fn logon(lab: &Lab, server: &Server, user: &str, password: &str) -> bool {
    let out = std::process::Command::new("smbclient")
        .arg("-s")
        .arg(&lab.client_conf)
        .arg(format!("//{}/IPC$", server.ip))
        .arg("-U")
        .arg(format!("{}\\{user}%{password}", server.domain))
        .args(["-c", "exit"])
        .output()
        .unwrap();
    out.status.success()
}

#[test]
fn change_password_as_the_user_then_log_on_with_the_new_one() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let name = unique();
        let _account = add_user(&c, &name, UF_SCRIPT | UF_NORMAL_ACCOUNT);
        settle(server);
        assert!(
            logon(&lab, server, &name, PASSWORD),
            "{}: the new account cannot log on",
            server.role
        );
        let me = client_as(server, &name, PASSWORD);
        // A wrong old password: ERROR_INVALID_PASSWORD.
        let e = me
            .user_change_password(Some(&name), "Wrong.Passw0rd-9", "Nlp.Passw0rd-2")
            .unwrap_err();
        assert_eq!((e.win32(), e.op()), (86, "NetUserChangePassword"), "{e}");
        settle(server);
        // A password the policy refuses: NERR_PasswordTooShort.
        let e = me.user_change_password(None, PASSWORD, "a").unwrap_err();
        assert_eq!(e.win32(), 2245, "{e}");
        settle(server);
        me.user_change_password(None, PASSWORD, "Nlp.Passw0rd-2")
            .unwrap();
        settle(server);
        assert!(
            logon(&lab, server, &name, "Nlp.Passw0rd-2"),
            "{}: no logon with the new password",
            server.role
        );
        if server.role == "fs" {
            // (The DC keeps the previous password valid over NTLM for an hour.)
            assert!(
                !logon(&lab, server, &name, PASSWORD),
                "the old password still works"
            );
        }
        // A user that does not exist.
        let e = admin(server)
            .user_change_password(Some("nlp_no_such_user"), PASSWORD, "Nlp.Passw0rd-3")
            .unwrap_err();
        assert!([86, 2221].contains(&e.win32()), "{e}");
    }
}

#[test]
fn validate_password_policy_over_tcp_on_the_dc() {
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    // A client on named pipes: the call still goes over ncacn_ip_tcp at packet privacy.
    let c = admin(&lab.dc);
    let reset = |pw: &str| {
        NetValidateInput::PasswordReset(NetValidatePasswordResetInputArg {
            clear_password: Some(pw.into()),
            user_account_name: Some("nlp_app_user".into()),
            ..Default::default()
        })
    };
    let out = c.validate_password_policy(&reset("a")).unwrap();
    assert_eq!(out.validation_status, 2245, "{out:?}");
    let out = c
        .validate_password_policy(&reset("Nlp.Valid-Passw0rd-7"))
        .unwrap();
    assert_eq!(out.validation_status, 0, "{out:?}");
    // quirk(samba-4.17): Samba answers no changed fields (Windows sets PasswordLastSet on a
    // successful reset).
    assert_eq!(
        out.changed_persisted_fields,
        NetValidatePersistedFields::default()
    );
    let change = NetValidateInput::PasswordChange(NetValidatePasswordChangeInputArg {
        clear_password: Some("Nlp.Valid-Passw0rd-8".into()),
        user_account_name: Some("nlp_app_user".into()),
        password_match: true,
        ..Default::default()
    });
    let out = c.validate_password_policy(&change).unwrap();
    assert!([0, 2701].contains(&out.validation_status), "{out:?}");
    let auth = NetValidateInput::Authentication(NetValidateAuthenticationInputArg {
        password_matched: true,
        ..Default::default()
    });
    // quirk(samba-4.17): Samba does not implement the authentication type (Windows answers
    // NERR_PasswordMustChange without a PasswordLastSet, as pywin32's demo shows).
    let e = c.validate_password_policy(&auth).unwrap_err();
    assert_eq!((e.win32(), e.kind()), (50, Kind::Server), "{e}");
    // The file server has no TCP endpoint: the Windows error for an unreachable RPC server.
    let e = admin(&lab.fs)
        .validate_password_policy(&reset("a"))
        .unwrap_err();
    assert_eq!(
        (e.win32(), e.op()),
        (1722, "NetValidatePasswordPolicy"),
        "{e}"
    );
}

#[test]
fn over_tcp_with_ntlm_and_kerberos_at_both_levels() {
    use netapi::Transport;
    use netapi::options::{AuthLevel, AuthOptions};
    let _g = serial();
    let Some(lab) = Lab::get() else { return };
    let kdc = format!("{}:88", lab.dc.ip);
    for (what, auth) in [
        ("defaults", AuthOptions::default()),
        ("NTLM", AuthOptions::ntlm()),
        ("Kerberos", AuthOptions::kerberos(&kdc, &lab.dc_fqdn)),
    ] {
        for level in [AuthLevel::PKT_INTEGRITY, AuthLevel::PKT_PRIVACY] {
            let mut o = Options::new(Credentials::password(
                &lab.dc.domain,
                &lab.dc.admin_user,
                &lab.dc.password,
            ));
            o.transport = Transport::Tcp;
            o.smb.auth = auth.clone();
            o.rpc_auth_level = level;
            let c = Client::new(&lab.dc.ip, o).unwrap();
            let listed = names(&c.user_enum_level(20, FILTER_NORMAL_ACCOUNT).unwrap());
            assert_eq!(listed, enumdomusers(&lab, &lab.dc), "{what} at {level:?}");
            // quirk(samba-4.17): the DC has no SAMR session key over TCP, so it cannot decrypt a
            // password there (STATUS_WRONG_PASSWORD); NetUserAdd then deletes the account.
            let name = unique();
            let info = UserInfo1 {
                name: Some(name.clone()),
                password: Some(PASSWORD.into()),
                r#priv: USER_PRIV_USER,
                flags: UF_SCRIPT | UF_NORMAL_ACCOUNT,
                ..Default::default()
            };
            let e = c.user_add(&info.into()).unwrap_err();
            assert_eq!(e.win32(), 86, "{what} at {level:?}: {e}");
            assert!(e.detail().unwrap_or("").contains("session key"), "{e}");
            assert!(!queryuser(&lab, &lab.dc, &name).0, "{name} left behind");
            // Without a password, the account and its fields travel over TCP like over a pipe.
            let name = unique();
            let _account = add_user_without_password(&c, &name);
            c.user_set_info(
                &name,
                &UserInfo1007 {
                    comment: Some("over tcp".into()),
                }
                .into(),
            )
            .unwrap();
            let (_, out) = queryuser(&lab, &lab.dc, &name);
            assert_eq!(
                field(&out, "Description"),
                Some("over tcp"),
                "{what} at {level:?}: {out}"
            );
        }
    }
}
