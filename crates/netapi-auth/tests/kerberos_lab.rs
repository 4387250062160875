//! Kerberos against the Samba lab KDC (tools/lab; DC 127.0.0.3, realm LAB.EXAMPLE).
//!
//! Reads `NETAPI_LAB_*` (`eval "$(tools/lab env)"`). Without them the tests print why and
//! pass, unless `CI=true`, where a missing lab is a failure.

mod common;

use common::lab::{Lab, lab};

use std::time::{Duration, Instant};

use netapi_auth::{
    AuthError, AuthOptions, Credentials, Framing, KrbErrorCode, Mechanism, SecurityContext,
    client_context,
};

impl Lab {
    fn opts(&self) -> AuthOptions {
        AuthOptions {
            mechanism: Mechanism::Kerberos,
            kdc: Some(self.kdc()),
            realm: Some(self.realm.clone()),
            target_host: Some(self.fqdn.clone()),
            workstation: Some("NETAPI-TEST".into()),
            timeout: Duration::from_secs(10),
            ..AuthOptions::default()
        }
    }
    fn creds(&self, password: &str) -> Credentials {
        Credentials::password(&self.domain, &self.user, password)
    }
}

/// Find `needle` in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

const KRB5_OID: &[u8] = &[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02,
];

#[test]
fn spnego_kerberos_first_token_carries_an_ap_req_for_cifs() {
    let Some(lab) = lab("spnego_kerberos_first_token_carries_an_ap_req_for_cifs") else {
        return;
    };
    let mut ctx = client_context(
        &lab.creds(&lab.password),
        &lab.opts(),
        "cifs",
        Framing::Spnego,
    )
    .unwrap();
    let started = Instant::now();
    let step = ctx.step(None).unwrap();
    eprintln!(
        "AS + TGS + AP-REQ in {:?}, token {} bytes",
        started.elapsed(),
        step.token.len()
    );
    assert!(!step.complete, "mutual authentication waits for the AP-REP");
    assert_eq!(ctx.mechanism(), Some(Mechanism::Kerberos));
    let t = &step.token;
    assert_eq!(t[0], 0x60, "GSS InitialContextToken");
    let info = t
        .windows(2)
        .position(|w| w == [0xa0, 0x82] || w == [0xa0, 0x81]);
    assert!(info.is_some());
    // mechToken: GSS krb5 framing (RFC 4121 4.1: OID, TOK_ID 01 00) around an AP-REQ
    // ([APPLICATION 14]).
    let mut inner = KRB5_OID.to_vec();
    inner.extend([0x01, 0x00, 0x6e]);
    assert!(
        contains(t, &inner),
        "no krb5 AP-REQ inside the NegTokenInit"
    );
    // The ticket names the SPN: sname cifs/dc1.lab.example, realm LAB.EXAMPLE (GeneralString 0x1b).
    assert!(contains(t, b"cifs") && contains(t, lab.fqdn.as_bytes()));
    assert!(contains(t, lab.realm.as_bytes()));
    // Not complete yet: no session key, no protection.
    assert!(matches!(ctx.session_key(), Err(AuthError::State(_))));
}

#[test]
fn raw_kerberos_first_token_is_a_bare_ap_req() {
    let Some(lab) = lab("raw_kerberos_first_token_is_a_bare_ap_req") else {
        return;
    };
    let mut ctx =
        client_context(&lab.creds(&lab.password), &lab.opts(), "host", Framing::Raw).unwrap();
    let step = ctx.step(None).unwrap();
    // DCE style ([MS-KILE] 3.4.5.4): no GSS header, the AP-REQ itself.
    assert_eq!(step.token[0], 0x6e, "AP-REQ [APPLICATION 14]");
    assert!(contains(&step.token, b"host"));
}

#[test]
fn wrong_password_is_preauth_failed() {
    let Some(lab) = lab("wrong_password_is_preauth_failed") else {
        return;
    };
    let mut ctx = client_context(
        &lab.creds("Not.The.Passw0rd"),
        &lab.opts(),
        "cifs",
        Framing::Spnego,
    )
    .unwrap();
    match ctx.step(None) {
        Err(AuthError::KdcRejected { code, .. }) => {
            assert_eq!(code, KrbErrorCode::KDC_ERR_PREAUTH_FAILED)
        }
        other => panic!("expected KDC_ERR_PREAUTH_FAILED, got {other:?}"),
    }
    assert!(
        matches!(ctx.step(None), Err(AuthError::State(_))),
        "a failed context stays failed"
    );
}

#[test]
fn unknown_user_and_unknown_spn_are_named() {
    let Some(lab) = lab("unknown_user_and_unknown_spn_are_named") else {
        return;
    };
    let nobody = Credentials::password(&lab.domain, "no-such-user-netapi", &lab.password);
    let mut ctx = client_context(&nobody, &lab.opts(), "cifs", Framing::Spnego).unwrap();
    match ctx.step(None) {
        Err(AuthError::KdcRejected { code, .. }) => {
            assert_eq!(code, KrbErrorCode::KDC_ERR_C_PRINCIPAL_UNKNOWN)
        }
        other => panic!("expected KDC_ERR_C_PRINCIPAL_UNKNOWN, got {other:?}"),
    }
    let mut opts = lab.opts();
    opts.target_host = Some("no-such-host.lab.example".into());
    let mut ctx =
        client_context(&lab.creds(&lab.password), &opts, "cifs", Framing::Spnego).unwrap();
    match ctx.step(None) {
        Err(AuthError::KdcRejected { code, .. }) => {
            assert_eq!(code, KrbErrorCode::KDC_ERR_S_PRINCIPAL_UNKNOWN)
        }
        other => panic!("expected KDC_ERR_S_PRINCIPAL_UNKNOWN, got {other:?}"),
    }
}

#[test]
fn negotiate_prefers_kerberos_when_configured() {
    let Some(lab) = lab("negotiate_prefers_kerberos_when_configured") else {
        return;
    };
    let opts = AuthOptions {
        mechanism: Mechanism::Negotiate,
        ..lab.opts()
    };
    let mut ctx =
        client_context(&lab.creds(&lab.password), &opts, "cifs", Framing::Spnego).unwrap();
    let step = ctx.step(None).unwrap();
    assert_eq!(ctx.mechanism(), Some(Mechanism::Kerberos));
    assert!(contains(&step.token, KRB5_OID));
}

fn _assert_object_safe(_: &dyn SecurityContext) {}
