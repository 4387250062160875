//! No secret reaches a log or a `Debug` string: the whole stack (netapi, transport, SMB2, DCE/RPC,
//! auth, sspi) runs at TRACE level with every target captured while logging on with a password,
//! with an NT hash, with a wrong password and with Kerberos; the capture must show the exchange and
//! must not contain the password, the NT hash (either case), or the password as UTF-16LE hex.

use std::io::Write;
use std::sync::{Arc, Mutex};

use netapi::info::ServerInfo101;
use netapi::options::{AuthOptions, Credentials};
use netapi::{Client, Options};
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

#[test]
fn secrets_never_reach_trace_logs_or_debug_output() {
    let Some(lab) = Lab::get() else { return };
    let capture = Capture::default();
    let sink = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let password = lab.fs.password.clone();
    let nt_hash = {
        use md4::{Digest, Md4};
        let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
        hex(&Md4::digest(&utf16))
    };
    let mut debug_strings = Vec::new();

    // Password, then NT hash, against the file server.
    for creds in [
        Credentials::password(&lab.fs.domain, &lab.fs.admin_user, &password),
        Credentials::nt_hash(&lab.fs.domain, &lab.fs.admin_user, &nt_hash).unwrap(),
    ] {
        let opts = Options::new(creds);
        debug_strings.push(format!("{opts:?}"));
        let client = Client::new(&lab.fs.ip, opts).unwrap();
        let _: ServerInfo101 = client.server_get_info().unwrap();
        assert!(!client.share_enum_level(2).unwrap().is_empty());
        debug_strings.push(format!("{client:?}"));
        netapi::disconnect_all();
    }
    // A wrong password (the secret is a near miss of the real one).
    let wrong = format!("{password}x");
    let e = Client::new(
        &lab.fs.ip,
        Options::new(Credentials::password(
            &lab.fs.domain,
            &lab.fs.admin_user,
            &wrong,
        )),
    )
    .unwrap()
    .share_enum_level(0)
    .unwrap_err();
    debug_strings.push(format!("{e:?} {e}"));
    // Kerberos to the DC.
    let mut opts = Options::new(Credentials::password(
        &lab.dc.domain,
        &lab.dc.admin_user,
        &password,
    ));
    opts.smb.auth = AuthOptions::kerberos(&format!("{}:88", lab.dc.ip), &lab.dc_fqdn);
    let _: ServerInfo101 = Client::new(&lab.dc.ip, opts)
        .unwrap()
        .server_get_info()
        .unwrap();
    netapi::disconnect_all();

    let logs = String::from_utf8_lossy(&capture.0.lock().unwrap()).into_owned();
    // The capture saw the exchange (so this test can fail).
    for expected in [
        "SMB2 session on IPC$ established",
        "NetApi call",
        "DCE/RPC bind answered",
        "SMB2 response",
    ] {
        assert!(
            logs.contains(expected),
            "the trace capture lacks {expected:?}; logging is not wired"
        );
    }
    let utf16_hex = hex(&password
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect::<Vec<u8>>());
    for secret in [
        password.as_str(),
        wrong.as_str(),
        &nt_hash,
        &nt_hash.to_uppercase(),
        &utf16_hex,
    ] {
        assert!(!logs.contains(secret), "a secret appears in the TRACE logs");
        for d in &debug_strings {
            assert!(
                !d.contains(secret),
                "a secret appears in a Debug/Display string: {d}"
            );
        }
    }
}
