//! No Kerberos secret reaches a log or a `Debug` string: the whole stack runs at TRACE level,
//! every target captured (one global subscriber: tokio's worker threads log too), while logging
//! on from a ticket cache (over SMB and TCP, with and without cached service tickets), from a
//! keytab, with a UPN and password, anonymously, and while failing (expired ticket, wrong keytab
//! key, empty cache). The capture must show the exchanges and must not contain the password, any
//! key of the keytab, or the session key of any ticket in the caches (hex in either case, and
//! Rust's `Debug` form of the bytes).

use netapi::options::{AuthOptions, Credentials, ccache, keytab};
use netapi::{Client, Options, Transport};
use netapi_testkit::lab::Lab;
use netapi_testkit::scratch::{Capture, TempPath};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The forms in which `key` could show up in a log line.
fn forms(key: &[u8]) -> Vec<String> {
    let h = hex(key);
    let debug = format!("{:?}", &key[..8.min(key.len())]);
    vec![
        h.clone(),
        h.to_uppercase(),
        debug.trim_end_matches(']').to_owned(),
    ]
}

#[test]
fn kerberos_secrets_never_reach_trace_logs() {
    let Some(lab) = Lab::get() else { return };
    let capture = Capture::default();
    let sink = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let mut auth = AuthOptions::kerberos_discovered(&lab.dc_fqdn);
    auth.discovery.krb5_config = Some(vec![lab.krb5_config.clone()]);
    let mut debug_strings = Vec::new();
    let mut run =
        |creds: Credentials, auth: &AuthOptions, transport: Transport, expect_ok: bool| {
            let mut o = Options::new(creds);
            o.smb.auth = auth.clone();
            o.transport = transport;
            debug_strings.push(format!("{o:?}"));
            let c = Client::new(&lab.dc.ip, o).unwrap();
            let r = match transport {
                Transport::Tcp => c.user_get_info_level(&lab.dc.user, 0).map(|_| ()),
                _ => c.server_get_info_level(101).map(|_| ()),
            };
            match (r, expect_ok) {
                (Ok(()), true) => {}
                (Err(e), false) => debug_strings.push(format!("{e:?} {e}")),
                (r, _) => panic!("{transport:?}: unexpected {r:?}"),
            }
            debug_strings.push(format!("{c:?}"));
            netapi::disconnect_all();
        };

    // A ticket cache: TGT only, then with cached service tickets.
    let cache = TempPath::new("cc");
    lab.kinit(&lab.dc.admin_user, cache.path(), None);
    let cc = Credentials::ticket_cache(Some(&cache.ccache_name()));
    run(cc.clone(), &auth, Transport::NamedPipe, true);
    run(cc.clone(), &auth, Transport::Tcp, true);
    lab.kvno(&format!("cifs/{}", lab.dc_fqdn), cache.path());
    lab.kvno(&format!("host/{}", lab.dc_fqdn), cache.path());
    run(cc.clone(), &auth, Transport::NamedPipe, true);
    run(cc, &auth, Transport::Tcp, true);
    // A keytab, and the same with wrong keys.
    let principal = format!("{}@{}", lab.dc.user, lab.realm);
    let kt_path = TempPath::new("keytab");
    lab.export_keytab(&principal, kt_path.path());
    run(
        Credentials::keytab("", &principal, kt_path.path()),
        &auth,
        Transport::NamedPipe,
        true,
    );
    let kt = keytab::load(kt_path.path()).unwrap();
    let wrong_path = TempPath::new("keytab-wrong");
    let wrong: Vec<_> = kt
        .entries
        .iter()
        .map(|e| keytab::Entry {
            key: ccache::Key::new(e.key.enctype, e.key.bytes().iter().map(|b| !b).collect()),
            ..e.clone()
        })
        .collect();
    std::fs::write(wrong_path.path(), keytab::write::to_bytes(&wrong)).unwrap();
    run(
        Credentials::keytab("", &principal, wrong_path.path()),
        &auth,
        Transport::NamedPipe,
        false,
    );
    // The RC4 key alone (our own RC4 exchanges), then the NT hash as that key.
    let rc4_path = TempPath::new("keytab-rc4");
    let rc4: Vec<_> = kt
        .entries
        .iter()
        .filter(|e| e.key.enctype == keytab::RC4_HMAC)
        .cloned()
        .collect();
    std::fs::write(rc4_path.path(), keytab::write::to_bytes(&rc4)).unwrap();
    run(
        Credentials::keytab("", &principal, rc4_path.path()),
        &auth,
        Transport::Tcp,
        true,
    );
    let nt_hash = hex(rc4[0].key.bytes());
    let mut with_realm = auth.clone();
    with_realm.realm = Some(lab.realm.clone());
    run(
        Credentials::nt_hash(&lab.dc.domain, &lab.dc.user, &nt_hash).unwrap(),
        &with_realm,
        Transport::NamedPipe,
        true,
    );
    // A UPN with its password over Kerberos, an expired ticket, a null session.
    let upn = format!("{}@{}", lab.dc.admin_user, lab.realm.to_lowercase());
    run(
        Credentials::password("", &upn, &lab.dc.password),
        &auth,
        Transport::Tcp,
        true,
    );
    let short = TempPath::new("cc-short");
    lab.kinit(&lab.dc.user, short.path(), Some("10s"));
    run(
        Credentials::ticket_cache(Some(&short.ccache_name())),
        &auth,
        Transport::NamedPipe,
        false,
    );
    run(
        Credentials::anonymous(),
        &AuthOptions::default(),
        Transport::NamedPipe,
        true,
    );

    // Every secret that existed during the run.
    let mut secrets = vec![lab.dc.password.clone()];
    for path in [&cache, &short] {
        let c = ccache::parse(&std::fs::read(path.path()).unwrap()).unwrap();
        assert!(!c.credentials.is_empty());
        for cred in &c.credentials {
            secrets.extend(forms(cred.key.bytes()));
        }
    }
    for e in kt.entries.iter().chain(&wrong) {
        secrets.extend(forms(e.key.bytes()));
    }
    let logs = capture.text();
    for expected in [
        "Kerberos from a credential cache",
        "answered from the credential cache",
        "service ticket from the credential cache",
        "Kerberos from a keytab",
        "RC4 AS exchange done",
        "service ticket from the RC4 logon",
        "anonymous NTLM: AUTHENTICATE",
        "SMB2 session on IPC$ established",
        "KDC reply",
    ] {
        assert!(
            logs.contains(expected),
            "the trace capture lacks {expected:?}; logging is not wired"
        );
    }
    for secret in &secrets {
        assert!(
            !logs.contains(secret.as_str()),
            "a secret appears in the TRACE logs"
        );
        for d in &debug_strings {
            assert!(!d.contains(secret.as_str()), "a secret appears in: {d}");
        }
    }
}
