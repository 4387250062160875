//! NetApi calls over `ncacn_ip_tcp` against the lab DC with the options a user leaves at their
//! defaults: the endpoint mapper finds samr, and the security context is Kerberos (auth type 16)
//! when a KDC and an SPN host are configured, else NTLM (auth type 10), at PKT_INTEGRITY and
//! PKT_PRIVACY. Cross-checked with `rpcclient queryuser` over the pipe. (Which auth type each
//! trailer carries is checked on the wire in `netapi-transport/tests/rpc_lab_tcp_mechanisms.rs`.)

use netapi::info::UserInfo20;
use netapi::options::{AuthLevel, AuthOptions, Credentials, Mechanism};
use netapi::{Client, Kind, Options, Transport};
use netapi_testkit::lab::Lab;

/// The RID `rpcclient queryuser` reports for `user` on the DC.
fn rpcclient_rid(lab: &Lab, user: &str) -> u32 {
    let (ok, out) = lab.samba_tool(
        "rpcclient",
        &lab.dc,
        &lab.dc.admin_user,
        &["-c", &format!("queryuser {user}")],
    );
    assert!(ok, "rpcclient queryuser failed: {out}");
    let hex = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("user_rid :"))
        .unwrap_or_else(|| panic!("no user_rid in: {out}"))
        .trim()
        .trim_start_matches("0x");
    u32::from_str_radix(hex, 16).unwrap()
}

fn tcp_options(lab: &Lab, auth: AuthOptions, level: AuthLevel) -> Options {
    let mut o = Options::new(Credentials::password(
        &lab.dc.domain,
        &lab.dc.admin_user,
        &lab.dc.password,
    ));
    o.transport = Transport::Tcp;
    o.smb.auth = auth;
    o.rpc_auth_level = level;
    o
}

#[test]
fn samr_over_tcp_with_default_ntlm_and_kerberos_at_both_levels() {
    let Some(lab) = Lab::get() else { return };
    let rid = rpcclient_rid(&lab, &lab.dc.user);
    let kdc = format!("{}:88", lab.dc.ip);
    let configs = [
        ("defaults (Negotiate, no KDC: NTLM)", AuthOptions::default()),
        ("NTLM", AuthOptions::ntlm()),
        (
            "Negotiate with a KDC and SPN host (Kerberos)",
            AuthOptions {
                mechanism: Mechanism::Negotiate,
                kdc: Some(kdc.clone()),
                target_host: Some(lab.dc_fqdn.clone()),
                ..AuthOptions::default()
            },
        ),
        ("Kerberos", AuthOptions::kerberos(&kdc, &lab.dc_fqdn)),
    ];
    for (what, auth) in configs {
        for level in [AuthLevel::PKT_INTEGRITY, AuthLevel::PKT_PRIVACY] {
            let c = Client::new(&lab.dc.ip, tcp_options(&lab, auth.clone(), level)).unwrap();
            let u: UserInfo20 = c
                .user_get_info(&lab.dc.user)
                .unwrap_or_else(|e| panic!("{what} at {level:?}: {e}"));
            assert_eq!(u.user_id, rid, "{what} at {level:?}");
            assert_eq!(u.name.as_deref(), Some(lab.dc.user.as_str()));
            // A second call reuses the association and its cached handles.
            let e = c.user_get_info_level("nlp_nosuch_user", 0).unwrap_err();
            assert_eq!(e.win32(), 2221, "{what} at {level:?}: {e}");
        }
    }
}

#[test]
fn a_wrong_password_over_tcp_is_a_logon_failure() {
    let Some(lab) = Lab::get() else { return };
    let mut o = tcp_options(&lab, AuthOptions::default(), AuthLevel::PKT_PRIVACY);
    o.credentials = Credentials::password(&lab.dc.domain, &lab.dc.admin_user, "wrong.Passw0rd");
    let e = Client::new(&lab.dc.ip, o)
        .unwrap()
        .user_get_info_level(&lab.dc.user, 0)
        .unwrap_err();
    assert!((e.kind(), e.win32()) == (Kind::Auth, 1326), "{e}");
}
