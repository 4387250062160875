//! No Kerberos secret reaches a log or a `Debug` string: the whole stack runs at TRACE level,
//! every target captured (one global subscriber: tokio's worker threads log too), while logging
//! on from a ticket cache (over SMB and TCP, with and without cached service tickets), from a
//! keytab, with a UPN and password, anonymously, and while failing (expired ticket, wrong keytab
//! key, empty cache). The capture must show the exchanges and must not contain the password, any
//! key of the keytab, or the session key of any ticket in the caches (hex in either case, and
//! Rust's `Debug` form of the bytes).

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use netapi::options::{AuthOptions, Credentials, ccache, keytab};
use netapi::{Client, Options, Transport};
use netapi_testkit::lab::Lab;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

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

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("netapi-secrets-{}-{name}", std::process::id()))
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
    let mut run = |creds: Credentials, auth: &AuthOptions, transport: Transport, expect_ok: bool| {
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
    let cache = temp("cc");
    lab.kinit(&lab.dc.admin_user, &cache, None);
    let cc = Credentials::ticket_cache(Some(&format!("FILE:{}", cache.display())));
    run(cc.clone(), &auth, Transport::NamedPipe, true);
    run(cc.clone(), &auth, Transport::Tcp, true);
    lab.kvno(&format!("cifs/{}", lab.dc_fqdn), &cache);
    lab.kvno(&format!("host/{}", lab.dc_fqdn), &cache);
    run(cc.clone(), &auth, Transport::NamedPipe, true);
    run(cc, &auth, Transport::Tcp, true);
    // A keytab, and the same with wrong keys.
    let principal = format!("{}@{}", lab.dc.user, lab.realm);
    let kt_path = temp("keytab");
    lab.export_keytab(&principal, &kt_path);
    run(
        Credentials::keytab("", &principal, &kt_path),
        &auth,
        Transport::NamedPipe,
        true,
    );
    let kt = keytab::load(&kt_path).unwrap();
    let wrong_path = temp("keytab-wrong");
    let wrong: Vec<_> = kt
        .entries
        .iter()
        .map(|e| keytab::Entry {
            key: ccache::Key::new(e.key.enctype, e.key.bytes().iter().map(|b| !b).collect()),
            ..e.clone()
        })
        .collect();
    std::fs::write(&wrong_path, keytab::write::to_bytes(&wrong)).unwrap();
    run(
        Credentials::keytab("", &principal, &wrong_path),
        &auth,
        Transport::NamedPipe,
        false,
    );
    // A UPN with its password over Kerberos, an expired ticket, a null session.
    let upn = format!("{}@{}", lab.dc.admin_user, lab.realm.to_lowercase());
    run(
        Credentials::password("", &upn, &lab.dc.password),
        &auth,
        Transport::Tcp,
        true,
    );
    let short = temp("cc-short");
    lab.kinit(&lab.dc.user, &short, Some("10s"));
    run(
        Credentials::ticket_cache(Some(&format!("FILE:{}", short.display()))),
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
        let c = ccache::parse(&std::fs::read(path).unwrap()).unwrap();
        assert!(!c.credentials.is_empty());
        for cred in &c.credentials {
            secrets.extend(forms(cred.key.bytes()));
        }
    }
    for e in kt.entries.iter().chain(&wrong) {
        secrets.extend(forms(e.key.bytes()));
    }
    for p in [&cache, &short, &kt_path, &wrong_path] {
        let _ = std::fs::remove_file(p);
    }

    let logs = String::from_utf8_lossy(&capture.0.lock().unwrap()).into_owned();
    for expected in [
        "Kerberos from a credential cache",
        "answered from the credential cache",
        "service ticket from the credential cache",
        "Kerberos from a keytab",
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
        assert!(!logs.contains(secret.as_str()), "a secret appears in the TRACE logs");
        for d in &debug_strings {
            assert!(!d.contains(secret.as_str()), "a secret appears in: {d}");
        }
    }
}
