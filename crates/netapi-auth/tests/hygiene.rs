//! Secret hygiene: with every `tracing` event and span (ours and sspi's) captured at TRACE,
//! neither the password, nor the NT hash, nor the session key appear in any log line or in any
//! `Debug` / `Display` string we produce.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{Server, hex, nt_hash};
use netapi_auth::{AuthOptions, Credentials, Framing, Part, Protection, client_context};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;

const PASSWORD: &str = "Hyg1ene-Pa55word!";
const HASH_PASSWORD: &str = "Other-Hyg1ene-Pa55!";
/// A PDU body sealed under PKT_PRIVACY.
const STUB: &[u8] = b"confidential stub data";

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

impl<'a> MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

/// Every textual form in which a secret could leak: as text, UTF-16LE hex (sspi prints buffers
/// as upper-case hex), hex of the bytes in both cases, and Rust's `Debug` of a byte array.
fn forms(label: &str, bytes: &[u8], text: Option<&str>) -> Vec<(String, String)> {
    let mut out = vec![
        (format!("{label} hex"), hex(bytes)),
        (format!("{label} HEX"), hex(bytes).to_uppercase()),
        (format!("{label} Debug"), format!("{bytes:?}")),
        // A prefix of the decimal Debug form catches slices printed with other lengths.
        (
            format!("{label} Debug prefix"),
            format!("{:?}", &bytes[..6])
                .trim_end_matches(']')
                .to_owned(),
        ),
    ];
    if let Some(t) = text {
        let utf16: Vec<u8> = t.encode_utf16().flat_map(u16::to_le_bytes).collect();
        out.push((format!("{label} text"), t.to_owned()));
        out.push((format!("{label} utf16 HEX"), hex(&utf16).to_uppercase()));
        out.push((format!("{label} utf16 hex"), hex(&utf16)));
    }
    out
}

fn run_ntlm(
    creds: &Credentials,
    framing: Framing,
    server: &mut Server,
    debug: &mut Vec<String>,
) -> Vec<u8> {
    let mut client = client_context(creds, &AuthOptions::ntlm(), "host", framing).unwrap();
    let mut token = client.step(None).unwrap().token;
    loop {
        let reply = server.accept(&token).unwrap();
        if client.is_complete() {
            break;
        }
        let step = client.step(Some(&reply)).unwrap();
        token = step.token;
        if step.complete && token.is_empty() {
            break;
        }
    }
    let key = client.session_key().unwrap();
    debug.push(format!("{key:?} {creds:?} {creds:#?}"));
    // Exercise both protection levels and a failure path.
    if framing == Framing::Raw {
        let mut data = STUB.to_vec();
        let sig = client
            .protect(
                Protection::Privacy,
                &mut [Part::SignOnly(b"hdr"), Part::Data(&mut data)],
            )
            .unwrap();
        debug.push(format!("{sig:?}"));
        let mut data = STUB.to_vec();
        let err = client
            .unprotect(
                Protection::Integrity,
                &mut [Part::Data(&mut data)],
                &[0u8; 16],
            )
            .unwrap_err();
        debug.push(format!("{err:?} {err}"));
    }
    key.as_bytes().to_vec()
}

/// Everything one scenario produced: the captured log, our Debug/Display strings, the keys.
struct Run {
    log: String,
    debug: String,
    session_keys: Vec<Vec<u8>>,
}

/// NTLM raw and SPNEGO, with a password and with an NT hash, plus a failing handshake, all
/// under a TRACE subscriber that records span fields (`FmtSpan::FULL`).
fn scenario() -> Run {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(capture.clone())
        .finish();

    let hash_hex = hex(&nt_hash(HASH_PASSWORD));
    let mut debug = Vec::new();
    let mut session_keys = Vec::new();
    tracing::subscriber::with_default(subscriber, || {
        tracing::info!("capture starts");
        let password = Credentials::password("HYG", "alice", PASSWORD);
        let hash = Credentials::nt_hash("HYG", "bob", &hash_hex).unwrap();
        for framing in [Framing::Raw, Framing::Spnego] {
            let mut server = match framing {
                Framing::Raw => Server::ntlm("HYG", "alice", PASSWORD),
                Framing::Spnego => Server::spnego("HYG", "alice", PASSWORD),
            };
            session_keys.push(run_ntlm(&password, framing, &mut server, &mut debug));
            let mut server = match framing {
                Framing::Raw => Server::ntlm("HYG", "bob", HASH_PASSWORD),
                Framing::Spnego => Server::spnego("HYG", "bob", HASH_PASSWORD),
            };
            session_keys.push(run_ntlm(&hash, framing, &mut server, &mut debug));
        }
        // A failing handshake's error text.
        let mut server = Server::ntlm("HYG", "alice", "something else");
        let mut c = client_context(&password, &AuthOptions::ntlm(), "host", Framing::Raw).unwrap();
        let n = c.step(None).unwrap();
        let ch = server.accept(&n.token).unwrap();
        let a = c.step(Some(&ch)).unwrap();
        debug.push(format!("{:?}", server.accept(&a.token).err()));
    });
    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("capture starts"),
        "the subscriber captured nothing"
    );
    Run {
        log,
        debug: debug.join("\n"),
        session_keys,
    }
}

fn leaks(run: &Run) -> Vec<String> {
    let mut secrets = forms("password", PASSWORD.as_bytes(), Some(PASSWORD));
    secrets.extend(forms(
        "hash password",
        HASH_PASSWORD.as_bytes(),
        Some(HASH_PASSWORD),
    ));
    secrets.extend(forms("NT hash", &nt_hash(HASH_PASSWORD), None));
    secrets.extend(forms("NT hash of password", &nt_hash(PASSWORD), None));
    for (i, key) in run.session_keys.iter().enumerate() {
        secrets.extend(forms(&format!("session key {i}"), key, None));
    }
    let mut found = Vec::new();
    for (what, needle) in &secrets {
        if let Some(at) = run.log.find(needle.as_str()) {
            let line_start = run.log[..at].rfind('\n').map_or(0, |i| i + 1);
            let line: String = run.log[line_start..]
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(300)
                .collect();
            found.push(format!("{what} in log: {line}"));
        }
        if run.debug.contains(needle.as_str()) {
            found.push(format!("{what} in Debug/Display output"));
        }
    }
    found
}

// One test, two phases in order: the sspi switch is process-wide.
#[test]
fn no_secret_reaches_logs_or_debug_output() {
    // Phase 1: sspi's own output let through, as a debugging user would. sspi 0.23.1 must not
    // print the password, the hash or the session key even at TRACE.
    netapi_auth::logging::set_sspi_logging(true);
    let verbose = scenario();
    netapi_auth::logging::set_sspi_logging(false);
    assert!(
        verbose.log.contains("sspi::ntlm"),
        "sspi's spans were not captured"
    );
    eprintln!("phase 1: {} bytes of TRACE output", verbose.log.len());
    if let Ok(path) = std::env::var("NETAPI_AUTH_HYGIENE_DUMP") {
        std::fs::write(path, &verbose.log).unwrap();
    }
    let found = leaks(&verbose);
    assert!(
        found.is_empty(),
        "secrets leaked with sspi logging on:\n{}",
        found.join("\n")
    );
    // What sspi does print at DEBUG: message buffers, i.e. the plaintext "stub data" of a
    // sealed PDU. This is why its output is muted by default.
    assert!(
        verbose.log.contains(&hex(STUB).to_uppercase()),
        "sspi no longer dumps buffers? revisit logging.rs"
    );

    // Phase 2: the default. sspi emits nothing; our events still arrive.
    let quiet = scenario();
    let found = leaks(&quiet);
    assert!(found.is_empty(), "secrets leaked:\n{}", found.join("\n"));
    // The test's acceptor is sspi too and logs as it likes; the client side must be silent.
    for client_span in ["initialize_security_context", "encrypt_message"] {
        assert!(
            !quiet.log.contains(client_span),
            "sspi client output was not muted: {client_span}"
        );
    }
    assert!(
        !quiet.log.contains(&hex(STUB).to_uppercase()),
        "plaintext reached the log"
    );
    assert!(
        quiet.log.contains("netapi_auth"),
        "our own events are missing"
    );
}
