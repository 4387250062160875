//! Credentials as users hold them, through the public API against the lab DC's KDC: a ticket
//! cache from MIT `kinit` (over SMB and over TCP, no password, no KDC option: the lab's
//! krb5.conf names it), a cached service ticket used without any KDC, a keytab exported with
//! `samba-tool domain exportkeytab`, the KDC found by DNS SRV at the DC's own DNS server, the
//! UPN user-name form, null sessions, and the clean, fast errors: empty or missing cache,
//! expired ticket, wrong keytab key, a silent KDC, a KDC reporting clock skew.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::time::{Duration, Instant};

use netapi::info::ServerInfo101;
use netapi::options::{AuthOptions, Credentials, Mechanism};
use netapi::{Client, Kind, Options, Transport};
use netapi_testkit::lab::Lab;
use netapi_testkit::scratch::TempPath as TempFile;

/// Kerberos with the KDC found the way a user's machine finds it: the lab's krb5.conf.
fn discovered(lab: &Lab) -> AuthOptions {
    let mut a = AuthOptions::kerberos_discovered(&lab.dc_fqdn);
    a.discovery.krb5_config = Some(vec![lab.krb5_config.clone()]);
    a.timeout = Duration::from_secs(5);
    a
}

fn options(creds: Credentials, auth: AuthOptions, transport: Transport) -> Options {
    let mut o = Options::new(creds);
    o.smb.auth = auth;
    o.transport = transport;
    o.tcp_timeout = Duration::from_secs(10);
    o
}

/// One NetApi call on the DC: NetServerGetInfo 101 over the pipe (srvsvc), NetUserGetInfo 0 of
/// the ordinary user over TCP (Samba registers samr, not srvsvc, with its endpoint mapper).
fn call(lab: &Lab, c: &Client, transport: Transport) -> Result<String, netapi::Error> {
    match transport {
        Transport::Tcp => c
            .user_get_info_level(&lab.dc.user, 0)
            .map(|u| format!("{u:?}")),
        _ => c.server_get_info_level(101).map(|i| format!("{i:?}")),
    }
}

/// The call (and over the pipe NetShareEnum 1) works on the DC.
fn works(lab: &Lab, o: Options, what: &str) {
    let transport = o.transport;
    let c = Client::new(&lab.dc.ip, o).unwrap();
    let shown = call(lab, &c, transport).unwrap_or_else(|e| panic!("{what}: {e}"));
    let expected = match transport {
        Transport::Tcp => &lab.dc.user,
        _ => &lab.dc.name,
    };
    assert!(
        shown.to_lowercase().contains(&expected.to_lowercase()),
        "{what}: {shown}"
    );
    if transport == Transport::NamedPipe {
        let shares = c
            .share_enum_level(1)
            .unwrap_or_else(|e| panic!("{what}: NetShareEnum: {e}"));
        assert!(!shares.is_empty(), "{what}");
    }
}

/// The call fails within `limit` with Win32 (or SSPI) code `code` and kind Auth.
fn fails_with(lab: &Lab, o: Options, code: u32, limit: Duration, what: &str) -> netapi::Error {
    let transport = o.transport;
    let started = Instant::now();
    let c = Client::new(&lab.dc.ip, o).unwrap();
    let e = call(lab, &c, transport).unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.win32(), code, "{what} over {transport:?}: {e}");
    assert_eq!(e.kind(), Kind::Auth, "{what} over {transport:?}: {e}");
    assert!(took < limit, "{what} over {transport:?}: took {took:?}");
    e
}

#[test]
fn ticket_cache_over_smb_and_tcp_without_password_or_kdc_option() {
    let Some(lab) = Lab::get() else { return };
    let cache = TempFile::new("cc");
    lab.kinit(&lab.dc.admin_user, &cache.0, None);
    let creds = Credentials::ticket_cache(Some(&cache.ccache_name()));
    assert_eq!(creds.user(), lab.dc.admin_user);
    assert_eq!(creds.domain(), lab.realm);
    for transport in [Transport::NamedPipe, Transport::Tcp] {
        works(
            &lab,
            options(creds.clone(), discovered(&lab), transport),
            &format!("ticket cache over {transport:?}"),
        );
        netapi::disconnect_all();
    }
    // Mechanism::Negotiate (the default) takes Kerberos for a ticket cache by itself.
    let mut negotiate = discovered(&lab);
    negotiate.mechanism = Mechanism::Negotiate;
    works(
        &lab,
        options(creds, negotiate, Transport::NamedPipe),
        "ticket cache with Negotiate",
    );
    netapi::disconnect_all();
}

#[test]
fn a_cached_service_ticket_is_used_without_asking_a_kdc() {
    let Some(lab) = Lab::get() else { return };
    let cache = TempFile::new("cc-st");
    lab.kinit(&lab.dc.admin_user, &cache.0, None);
    lab.kvno(&format!("cifs/{}", lab.dc_fqdn), &cache.0);
    lab.kvno(&format!("host/{}", lab.dc_fqdn), &cache.0);
    // A KDC that refuses every connection: only the cache can make this work.
    let dead = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut auth = discovered(&lab);
    auth.kdc = Some(dead.to_string());
    let creds = Credentials::ticket_cache(Some(&cache.ccache_name()));
    for transport in [Transport::NamedPipe, Transport::Tcp] {
        works(
            &lab,
            options(creds.clone(), auth.clone(), transport),
            &format!("cached service ticket over {transport:?}"),
        );
        netapi::disconnect_all();
    }
    // The same cache without its TGT (as exported from another logon) still works for the
    // cached services, and says what is missing for the others.
    let stripped = TempFile::new("cc-no-tgt");
    let bytes = std::fs::read(&cache.0).unwrap();
    let mut parsed = netapi::options::ccache::parse(&bytes).unwrap();
    parsed
        .credentials
        .retain(|c| c.server.components.first().map(String::as_str) != Some("krbtgt"));
    assert_eq!(parsed.credentials.len(), 2, "cifs and host tickets");
    std::fs::write(
        &stripped.0,
        netapi::options::ccache::write::to_bytes(&parsed),
    )
    .unwrap();
    let creds = Credentials::ticket_cache(Some(&stripped.ccache_name()));
    works(
        &lab,
        options(creds.clone(), auth.clone(), Transport::NamedPipe),
        "service ticket without a TGT",
    );
    netapi::disconnect_all();
    let mut other_host = auth;
    other_host.target_host = Some(format!("other.{}", lab.dc_fqdn));
    let e = fails_with(
        &lab,
        options(creds, other_host, Transport::NamedPipe),
        0x8009_030E,
        Duration::from_secs(5),
        "no ticket for another host",
    );
    assert!(e.to_string().contains("no TGT"), "{e}");
}

#[test]
fn a_keytab_from_samba_tool_logs_on_and_a_wrong_key_is_a_logon_failure() {
    let Some(lab) = Lab::get() else { return };
    let keytab = TempFile::new("keytab");
    let principal = format!("{}@{}", lab.dc.user, lab.realm);
    lab.export_keytab(&principal, &keytab.0);
    let creds = Credentials::keytab("", &principal, &keytab.0);
    for transport in [Transport::NamedPipe, Transport::Tcp] {
        works(
            &lab,
            options(creds.clone(), discovered(&lab), transport),
            &format!("keytab over {transport:?}"),
        );
        netapi::disconnect_all();
    }
    // The same principal with keys that are not the account's: the KDC refuses the
    // pre-authentication, fast.
    let wrong = TempFile::new("keytab-wrong");
    let kt = netapi::options::keytab::load(&keytab.0).unwrap();
    let entries: Vec<_> = kt
        .entries
        .iter()
        .map(|e| netapi::options::keytab::Entry {
            key: netapi::options::ccache::Key::new(
                e.key.enctype,
                e.key.bytes().iter().map(|b| b ^ 0x5a).collect(),
            ),
            ..e.clone()
        })
        .collect();
    std::fs::write(&wrong.0, netapi::options::keytab::write::to_bytes(&entries)).unwrap();
    let e = fails_with(
        &lab,
        options(
            Credentials::keytab("", &principal, &wrong.0),
            discovered(&lab),
            Transport::NamedPipe,
        ),
        1326,
        Duration::from_secs(5),
        "wrong keytab key",
    );
    assert!(e.to_string().contains("PREAUTH_FAILED"), "{e}");
    // Only the RC4 key (an account without AES keys, or an exported NT hash): the AS and TGS
    // exchanges run in RC4, the service ticket comes in AES, over both transports; with a wrong
    // RC4 key the pre-authentication fails.
    let rc4 = TempFile::new("keytab-rc4");
    let only_rc4: Vec<_> = kt
        .entries
        .iter()
        .filter(|e| e.key.enctype == netapi::options::keytab::RC4_HMAC)
        .cloned()
        .collect();
    assert_eq!(only_rc4.len(), 1, "samba-tool exports an RC4 key");
    std::fs::write(&rc4.0, netapi::options::keytab::write::to_bytes(&only_rc4)).unwrap();
    for transport in [Transport::NamedPipe, Transport::Tcp] {
        works(
            &lab,
            options(
                Credentials::keytab("", &principal, &rc4.0),
                discovered(&lab),
                transport,
            ),
            &format!("RC4-only keytab over {transport:?}"),
        );
        netapi::disconnect_all();
    }
    let rc4_wrong = TempFile::new("keytab-rc4-wrong");
    let flipped: Vec<_> = entries
        .iter()
        .filter(|e| e.key.enctype == netapi::options::keytab::RC4_HMAC)
        .cloned()
        .collect();
    std::fs::write(
        &rc4_wrong.0,
        netapi::options::keytab::write::to_bytes(&flipped),
    )
    .unwrap();
    let e = fails_with(
        &lab,
        options(
            Credentials::keytab("", &principal, &rc4_wrong.0),
            discovered(&lab),
            Transport::NamedPipe,
        ),
        1326,
        Duration::from_secs(5),
        "wrong RC4 keytab key",
    );
    assert!(e.to_string().contains("PREAUTH_FAILED"), "{e}");
    // A keytab without the principal: no credentials.
    let e = fails_with(
        &lab,
        options(
            Credentials::keytab("", &format!("nobody@{}", lab.realm), &keytab.0),
            discovered(&lab),
            Transport::NamedPipe,
        ),
        0x8009_030E,
        Duration::from_secs(5),
        "principal not in the keytab",
    );
    assert!(e.to_string().contains(&principal), "names what it has: {e}");
}

#[test]
fn the_kdc_is_found_by_srv_lookup_at_the_dcs_dns_server() {
    let Some(lab) = Lab::get() else { return };
    let mut auth = AuthOptions::kerberos_discovered(&lab.dc_fqdn);
    // No krb5.conf at all: only DNS can name the KDC (dc1.lab.example, port 88).
    auth.discovery.krb5_config = Some(vec![]);
    auth.discovery.dns_server = Some(SocketAddr::new(lab.dc.ip.parse().unwrap(), 53));
    auth.realm = Some(lab.realm.clone());
    let password = Credentials::password(&lab.dc.domain, &lab.dc.admin_user, &lab.dc.password);
    works(
        &lab,
        options(password, auth.clone(), Transport::NamedPipe),
        "password, KDC from SRV",
    );
    netapi::disconnect_all();
    let located = netapi::options::locate::locate(&lab.realm, &auth).unwrap();
    assert_eq!(located.source, netapi::options::locate::Source::DnsSrv);
    assert_eq!(
        located.addrs,
        vec![SocketAddr::new(lab.dc.ip.parse().unwrap(), 88)]
    );
    // A KDC given by host name, resolved at the same DNS server.
    let mut by_name = auth;
    by_name.kdc = Some(lab.dc_fqdn.clone());
    let cache = TempFile::new("cc-srv");
    lab.kinit(&lab.dc.admin_user, &cache.0, None);
    works(
        &lab,
        options(
            Credentials::ticket_cache(Some(&cache.ccache_name())),
            by_name,
            Transport::Tcp,
        ),
        "ticket cache, KDC by host name",
    );
    netapi::disconnect_all();
}

#[test]
fn an_nt_hash_logs_on_with_kerberos_as_the_rc4_key() {
    let Some(lab) = Lab::get() else { return };
    let hash = netapi_testkit::lab::nt_hash(&lab.dc.password);
    let mut auth = discovered(&lab);
    auth.realm = Some(lab.realm.clone());
    let creds = Credentials::nt_hash(&lab.dc.domain, &lab.dc.admin_user, &hash).unwrap();
    for transport in [Transport::NamedPipe, Transport::Tcp] {
        works(
            &lab,
            options(creds.clone(), auth.clone(), transport),
            &format!("NT hash with Kerberos over {transport:?}"),
        );
        netapi::disconnect_all();
    }
    let wrong = Credentials::nt_hash(&lab.dc.domain, &lab.dc.admin_user, &"0".repeat(32)).unwrap();
    fails_with(
        &lab,
        options(wrong, auth, Transport::NamedPipe),
        1326,
        Duration::from_secs(5),
        "wrong NT hash with Kerberos",
    );
}

#[test]
fn upn_user_names_log_on_with_ntlm_and_kerberos() {
    let Some(lab) = Lab::get() else { return };
    let upn = format!("{}@{}", lab.dc.admin_user, lab.realm.to_lowercase());
    let creds = Credentials::password("", &upn, &lab.dc.password);
    works(
        &lab,
        options(creds.clone(), AuthOptions::ntlm(), Transport::NamedPipe),
        "UPN with NTLM",
    );
    netapi::disconnect_all();
    let mut auth = discovered(&lab);
    auth.realm = None;
    works(
        &lab,
        options(creds, auth, Transport::Tcp),
        "UPN with Kerberos (realm from the suffix)",
    );
    netapi::disconnect_all();
}

#[test]
fn empty_and_missing_caches_are_no_credentials_at_once() {
    let Some(lab) = Lab::get() else { return };
    let missing = TempFile::new("cc-missing");
    let e = fails_with(
        &lab,
        options(
            Credentials::ticket_cache(Some(&missing.ccache_name())),
            discovered(&lab),
            Transport::NamedPipe,
        ),
        0x8009_030E,
        Duration::from_secs(3),
        "missing cache",
    );
    assert!(
        e.to_string().contains("No credentials are available"),
        "{e}"
    );
    // A cache with a principal and no tickets (what `kinit` leaves when it fails half-way).
    let empty = TempFile::new("cc-empty");
    empty.write_empty_ccache(&lab.realm, &lab.dc.admin_user);
    for transport in [Transport::NamedPipe, Transport::Tcp] {
        let e = fails_with(
            &lab,
            options(
                Credentials::ticket_cache(Some(&empty.ccache_name())),
                discovered(&lab),
                transport,
            ),
            0x8009_030E,
            Duration::from_secs(3),
            "empty cache",
        );
        assert!(e.to_string().contains("no TGT"), "{e}");
    }
}

#[test]
fn an_expired_ticket_is_context_expired_at_once() {
    let Some(lab) = Lab::get() else { return };
    let cache = TempFile::new("cc-short");
    lab.kinit(&lab.dc.user, &cache.0, Some("10s"));
    let creds = Credentials::ticket_cache(Some(&cache.ccache_name()));
    // Samba's KDC already refuses a TGT this close to its end (KRB_AP_ERR_TKT_EXPIRED), as it
    // does for MIT's kvno.
    let e = fails_with(
        &lab,
        options(creds.clone(), discovered(&lab), Transport::NamedPipe),
        0x8009_0317,
        Duration::from_secs(5),
        "TGT about to expire",
    );
    assert!(e.to_string().contains("KRB_AP_ERR_TKT_EXPIRED"), "{e}");
    std::thread::sleep(Duration::from_secs(11));
    // Past its end time: refused before any KDC is asked (this one would refuse the connection).
    let dead = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut auth = discovered(&lab);
    auth.kdc = Some(dead.to_string());
    for transport in [Transport::NamedPipe, Transport::Tcp] {
        let e = fails_with(
            &lab,
            options(creds.clone(), auth.clone(), transport),
            0x8009_0317,
            Duration::from_secs(3),
            "expired ticket",
        );
        assert!(e.to_string().contains("expired at"), "{e}");
        assert!(e.to_string().contains("kinit"), "says what to do: {e}");
    }
}

/// A TCP listener that accepts one KDC request at a time and answers each with `reply(req)`.
fn fake_kdc(reply: fn(&[u8]) -> Option<Vec<u8>>) -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(mut s) = s else { return };
            s.set_read_timeout(Some(Duration::from_secs(5))).ok();
            let mut len = [0u8; 4];
            if s.read_exact(&mut len).is_err() {
                continue;
            }
            let mut req = vec![0u8; u32::from_be_bytes(len) as usize];
            if s.read_exact(&mut req).is_err() {
                continue;
            }
            if let Some(r) = reply(&req) {
                let _ = s.write_all(&(r.len() as u32).to_be_bytes());
                let _ = s.write_all(&r);
            } else {
                // Say nothing and keep the connection open.
                std::thread::sleep(Duration::from_secs(30));
            }
        }
    });
    addr
}

/// A KRB-ERROR with `code` (RFC 4120 5.9.1), as a KDC sends it.
fn krb_error(code: u8) -> Vec<u8> {
    fn tlv(tag: u8, c: &[u8]) -> Vec<u8> {
        let mut v = vec![tag, c.len() as u8];
        v.extend_from_slice(c);
        v
    }
    let int = |v: u8| tlv(0x02, &[v]);
    let time = tlv(0x18, b"20240101000000Z");
    let realm = tlv(0x1b, b"LAB.EXAMPLE");
    let sname = tlv(
        0x30,
        &[
            tlv(0xa0, &int(2)),
            tlv(
                0xa1,
                &tlv(0x30, &[tlv(0x1b, b"krbtgt"), realm.clone()].concat()),
            ),
        ]
        .concat(),
    );
    let body = [
        tlv(0xa0, &int(5)),
        tlv(0xa1, &int(30)),
        tlv(0xa4, &time),
        tlv(0xa5, &int(0)),
        tlv(0xa6, &int(code)),
        tlv(0xa9, &realm),
        tlv(0xaa, &sname),
    ]
    .concat();
    tlv(0x7e, &tlv(0x30, &body))
}

#[test]
fn a_silent_kdc_and_a_skewed_clock_give_their_codes_within_seconds() {
    let Some(lab) = Lab::get() else { return };
    let cache = TempFile::new("cc-fake-kdc");
    lab.kinit(&lab.dc.admin_user, &cache.0, None);
    let creds = Credentials::ticket_cache(Some(&cache.ccache_name()));
    // The TGT is real; the TGS exchange goes to a KDC that never answers.
    let silent = fake_kdc(|_| None);
    let mut auth = discovered(&lab);
    auth.kdc = Some(silent.to_string());
    auth.timeout = Duration::from_secs(2);
    let e = fails_with(
        &lab,
        options(creds.clone(), auth.clone(), Transport::NamedPipe),
        1311,
        Duration::from_secs(5),
        "silent KDC",
    );
    assert!(e.to_string().contains("did not answer"), "{e}");
    // A KDC whose clock is far from ours answers KRB_AP_ERR_SKEW (37).
    let skewed = fake_kdc(|_| Some(krb_error(37)));
    auth.kdc = Some(skewed.to_string());
    let e = fails_with(
        &lab,
        options(creds, auth, Transport::Tcp),
        1398,
        Duration::from_secs(5),
        "clock skew",
    );
    assert!(e.to_string().contains("KRB_AP_ERR_SKEW"), "{e}");
}

#[test]
fn null_sessions_where_allowed_and_access_denied_where_not() {
    let Some(lab) = Lab::get() else { return };
    // The file server's "restrict anonymous = 2" is this checkout's tools/lab configuration:
    // `lab up` rewrites and reloads it (a no-op when it is current).
    lab.tool(&["up", "fs"]);
    let anon = Options::new(Credentials::anonymous());
    // The DC answers null sessions (Samba's default, as Windows DCs do for these calls).
    let dc = Client::new(&lab.dc.ip, anon.clone()).unwrap();
    let shares = dc.share_enum_level(1).unwrap();
    assert!(
        shares
            .iter()
            .any(|s| s.netname() == Some(lab.dc.share.as_str())),
        "{shares:?}"
    );
    let info: ServerInfo101 = dc.server_get_info().unwrap();
    assert!(
        info.name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(&lab.dc.name)),
        "{info:?}"
    );
    netapi::disconnect_all();
    // The file server refuses them (restrict anonymous = 2, see tools/LAB.md).
    let started = Instant::now();
    let e = Client::new(&lab.fs.ip, anon)
        .unwrap()
        .share_enum_level(1)
        .unwrap_err();
    assert_eq!(e.win32(), 5, "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
    netapi::disconnect_all();
}
