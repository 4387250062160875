//! Kerberos with a KDC that does not answer or refuses connections, on loopback only: the
//! error arrives within `AuthOptions::timeout`, and `Mechanism::Negotiate` falls back to NTLM.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use netapi_auth::ntlm::{MessageType, message_flags};
use netapi_auth::{
    AuthError, AuthOptions, Credentials, Framing, Mechanism, Protection, client_context,
    rpc_client_context,
};

fn opts(kdc: String, mechanism: Mechanism, timeout: Duration) -> AuthOptions {
    AuthOptions {
        mechanism,
        kdc: Some(kdc),
        realm: Some("LAB.EXAMPLE".into()),
        target_host: Some("dc1.lab.example".into()),
        workstation: None,
        timeout,
        ..AuthOptions::default()
    }
}

fn creds() -> Credentials {
    Credentials::password("LABDOM", "Administrator", "Lab.Passw0rd1")
}

#[test]
fn silent_kdc_times_out_within_the_configured_timeout() {
    // Accepts connections (kernel backlog) but never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let kdc = silent.local_addr().unwrap().to_string();
    let timeout = Duration::from_millis(700);
    let mut ctx = client_context(
        &creds(),
        &opts(kdc.clone(), Mechanism::Kerberos, timeout),
        "cifs",
        Framing::Spnego,
    )
    .unwrap();
    let started = Instant::now();
    let err = ctx.step(None).unwrap_err();
    let took = started.elapsed();
    match &err {
        AuthError::KdcTimeout { kdc: k, after } => {
            assert_eq!(k, &kdc);
            assert_eq!(*after, timeout);
        }
        other => panic!("expected KdcTimeout, got {other:?}"),
    }
    assert!(
        took >= timeout && took < timeout + Duration::from_millis(800),
        "took {took:?}"
    );
    assert!(err.to_string().contains("did not answer"), "{err}");
}

#[test]
fn refused_kdc_is_a_kdc_error_at_once() {
    // Bind then drop: nothing listens on this port any more.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut ctx = client_context(
        &creds(),
        &opts(
            format!("127.0.0.1:{port}"),
            Mechanism::Kerberos,
            Duration::from_secs(5),
        ),
        "cifs",
        Framing::Raw,
    )
    .unwrap();
    let started = Instant::now();
    let err = ctx.step(None).unwrap_err();
    assert!(matches!(err, AuthError::Kdc(_)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn negotiate_falls_back_to_ntlm_when_the_kdc_is_unreachable() {
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let kdc = silent.local_addr().unwrap().to_string();
    let mut ctx = client_context(
        &creds(),
        &opts(kdc, Mechanism::Negotiate, Duration::from_millis(300)),
        "cifs",
        Framing::Spnego,
    )
    .unwrap();
    let step = ctx.step(None).unwrap();
    assert_eq!(ctx.mechanism(), Some(Mechanism::Ntlm));
    // The NegTokenInit now carries an NTLM NEGOTIATE message.
    let at = step
        .token
        .windows(8)
        .position(|w| w == b"NTLMSSP\0")
        .expect("NTLM token inside");
    assert_eq!(
        message_flags(&step.token[at..]).unwrap().0,
        MessageType::Negotiate
    );
}

#[test]
fn negotiate_without_kdc_or_with_an_ip_target_uses_ntlm() {
    let mut o = opts(
        "127.0.0.1:1".into(),
        Mechanism::Negotiate,
        Duration::from_secs(1),
    );
    o.target_host = Some("127.0.0.3".into()); // an address cannot name an SPN
    let mut ctx = client_context(&creds(), &o, "cifs", Framing::Spnego).unwrap();
    ctx.step(None).unwrap();
    assert_eq!(ctx.mechanism(), Some(Mechanism::Ntlm));
    // An NT hash cannot do Kerberos either.
    let hash = Credentials::nt_hash("LABDOM", "Administrator", &"11".repeat(16)).unwrap();
    let o = opts(
        "127.0.0.1:1".into(),
        Mechanism::Negotiate,
        Duration::from_secs(1),
    );
    let mut ctx = client_context(&hash, &o, "cifs", Framing::Spnego).unwrap();
    ctx.step(None).unwrap();
    assert_eq!(ctx.mechanism(), Some(Mechanism::Ntlm));
}

#[test]
fn an_unresolvable_kdc_name_fails_fast_at_the_first_step() {
    // A host name is looked up through the configured DNS server, here one that never
    // answers: the first step fails within the timeout, as a KDC error (nothing else sent).
    let dns = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let mut o = opts(
        "kdc.lab.example:88".into(),
        Mechanism::Kerberos,
        Duration::from_millis(500),
    );
    o.discovery.dns_server = Some(dns.local_addr().unwrap());
    let mut ctx = client_context(&creds(), &o, "cifs", Framing::Spnego).unwrap();
    let started = Instant::now();
    let err = ctx.step(None).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(err, AuthError::Kdc(_)), "{err:?}");
    assert!(err.to_string().contains("kdc.lab.example"), "{err}");
    // A KDC that is not host[:port] at all is refused before anything happens.
    let bad = opts(
        "udp/10.0.0.1".into(),
        Mechanism::Kerberos,
        Duration::from_secs(1),
    );
    let err = client_context(&creds(), &bad, "cifs", Framing::Spnego)
        .err()
        .unwrap();
    assert!(matches!(err, AuthError::Usage(_)), "{err:?}");
}

#[test]
fn raw_negotiate_falls_back_to_bare_ntlm_when_the_kdc_is_unreachable() {
    // DCE/RPC framing: Kerberos would be auth_type 16, the fallback is auth_type 10, and the
    // first token must be a bare NTLMSSP NEGOTIATE (no SPNEGO around it).
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let kdc = silent.local_addr().unwrap().to_string();
    for level in [None, Some(Protection::Integrity), Some(Protection::Privacy)] {
        let mut ctx = rpc_client_context(
            &creds(),
            &opts(
                kdc.clone(),
                Mechanism::Negotiate,
                Duration::from_millis(300),
            ),
            "host",
            Framing::Raw,
            level,
        )
        .unwrap();
        assert_eq!(
            ctx.mechanism(),
            None,
            "nothing chosen before the first step"
        );
        let step = ctx.step(None).unwrap();
        assert_eq!(ctx.mechanism(), Some(Mechanism::Ntlm));
        assert_eq!(ctx.framing(), Some(Framing::Raw));
        assert_eq!(
            message_flags(&step.token).unwrap().0,
            MessageType::Negotiate
        );
        assert_eq!(ctx.signature_len(), 16);
    }
    // A refused connection falls back the same way.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut ctx = rpc_client_context(
        &creds(),
        &opts(
            format!("127.0.0.1:{port}"),
            Mechanism::Negotiate,
            Duration::from_secs(5),
        ),
        "host",
        Framing::Raw,
        Some(Protection::Privacy),
    )
    .unwrap();
    ctx.step(None).unwrap();
    assert_eq!(ctx.mechanism(), Some(Mechanism::Ntlm));
}

#[test]
fn raw_kerberos_does_not_fall_back() {
    // An explicit Kerberos request fails instead of silently becoming NTLM.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let kdc = silent.local_addr().unwrap().to_string();
    let mut ctx = rpc_client_context(
        &creds(),
        &opts(kdc, Mechanism::Kerberos, Duration::from_millis(300)),
        "host",
        Framing::Raw,
        Some(Protection::Integrity),
    )
    .unwrap();
    assert!(matches!(ctx.step(None), Err(AuthError::KdcTimeout { .. })));
}

#[test]
fn rpc_kerberos_usage_errors_come_before_anything_is_sent() {
    // No target host, or an address as the target: Kerberos cannot name the SPN.
    for target in [None, Some("127.0.0.3"), Some("[::1]")] {
        let mut o = opts(
            "127.0.0.1:1".into(),
            Mechanism::Kerberos,
            Duration::from_secs(1),
        );
        o.target_host = target.map(str::to_owned);
        let err = rpc_client_context(&creds(), &o, "host", Framing::Raw, None)
            .err()
            .unwrap();
        assert!(matches!(err, AuthError::Usage(_)), "{target:?}: {err:?}");
        assert!(err.to_string().contains("target_host"), "{err}");
    }
    // Kerberos inside SPNEGO over DCE/RPC is refused; Negotiate there runs NTLM.
    let o = opts(
        "127.0.0.1:1".into(),
        Mechanism::Kerberos,
        Duration::from_secs(1),
    );
    let err = rpc_client_context(&creds(), &o, "host", Framing::Spnego, None)
        .err()
        .unwrap();
    assert!(matches!(err, AuthError::Usage(_)), "{err:?}");
    let o = opts(
        "127.0.0.1:1".into(),
        Mechanism::Negotiate,
        Duration::from_secs(1),
    );
    let mut ctx = rpc_client_context(
        &creds(),
        &o,
        "host",
        Framing::Spnego,
        Some(Protection::Privacy),
    )
    .unwrap();
    ctx.step(None).unwrap();
    assert_eq!(ctx.mechanism(), Some(Mechanism::Ntlm));
    assert_eq!(ctx.framing(), Some(Framing::Spnego));
}
