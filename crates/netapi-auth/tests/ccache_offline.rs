//! Kerberos from a credential cache without any KDC: a cache holding only a service ticket
//! (as exported from another logon) gives an AP-REQ carrying exactly that ticket, with an
//! authenticator sealed in that ticket's session key; a cache that cannot serve the SPN, an
//! empty one, a missing one and an expired one fail before anything is sent, with the error
//! kinds the Windows codes are mapped from. The KDC configured refuses every connection, so
//! nothing here can have come from a network.

use std::net::TcpListener;

use netapi_auth::ccache::{self, Ccache, Credential, Key, Principal};
use netapi_auth::{AuthError, AuthOptions, Credentials, Framing, Mechanism, rpc_client_context};
use picky_asn1::wrapper::{
    ExplicitContextTag0, ExplicitContextTag1, ExplicitContextTag2, ExplicitContextTag3,
    IntegerAsn1, OctetStringAsn1, Optional,
};
use picky_krb::crypto::CipherSuite;
use picky_krb::data_types::{Authenticator, EncryptedData, PrincipalName, Ticket, TicketInner};
use picky_krb::messages::ApReq;

const REALM: &str = "LAB.EXAMPLE";
const HOST: &str = "dc1.lab.example";

fn principal(parts: &[&str]) -> Principal {
    Principal {
        name_type: if parts.len() == 2 { 2 } else { 1 },
        realm: REALM.into(),
        components: parts.iter().map(|p| p.to_string()).collect(),
    }
}

/// A Ticket for `host/HOST` whose encrypted part is opaque to us (as to any client).
fn ticket() -> Vec<u8> {
    let name = |s: &str| {
        picky_krb::data_types::KerberosStringAsn1::from(
            picky_asn1::restricted_string::IA5String::from_string(s.to_owned()).unwrap(),
        )
    };
    picky_asn1_der::to_vec(&Ticket::from(TicketInner {
        tkt_vno: ExplicitContextTag0::from(IntegerAsn1::from(vec![5])),
        realm: ExplicitContextTag1::from(name(REALM)),
        sname: ExplicitContextTag2::from(PrincipalName {
            name_type: ExplicitContextTag0::from(IntegerAsn1::from(vec![2])),
            name_string: ExplicitContextTag1::from(picky_asn1::wrapper::Asn1SequenceOf::from(
                vec![name("host"), name(HOST)],
            )),
        }),
        enc_part: ExplicitContextTag3::from(EncryptedData {
            etype: ExplicitContextTag0::from(IntegerAsn1::from(vec![18])),
            kvno: Optional::from(Some(ExplicitContextTag1::from(IntegerAsn1::from(vec![2])))),
            cipher: ExplicitContextTag2::from(OctetStringAsn1::from(vec![0x5a; 200])),
        }),
    }))
    .unwrap()
}

fn now() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as u32
}

fn service_ticket(key: &[u8], start: u32, end: u32) -> Credential {
    Credential {
        client: principal(&["alice"]),
        server: principal(&["host", HOST]),
        key: Key::new(18, key.to_vec()),
        auth_time: start,
        start_time: start,
        end_time: end,
        renew_till: 0,
        is_skey: false,
        flags: 0x40a1_0000,
        ticket: ticket(),
        second_ticket: Vec::new(),
    }
}

fn write(name: &str, cache: &Ccache) -> (std::path::PathBuf, String) {
    let path = std::env::temp_dir().join(format!("netapi-offline-{}-{name}", std::process::id()));
    std::fs::write(&path, ccache::write::to_bytes(cache)).unwrap();
    let n = format!("FILE:{}", path.display());
    (path, n)
}

fn refusing_kdc() -> AuthOptions {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    AuthOptions {
        mechanism: Mechanism::Kerberos,
        kdc: Some(format!("127.0.0.1:{port}")),
        target_host: Some(HOST.into()),
        ..AuthOptions::default()
    }
}

#[test]
fn a_cached_service_ticket_becomes_the_ap_req_without_a_kdc() {
    let st_key: Vec<u8> = (1..=32).collect();
    let cache = Ccache {
        version: 4,
        kdc_offset: None,
        default_principal: principal(&["alice"]),
        credentials: vec![service_ticket(&st_key, now() - 60, now() + 3600)],
    };
    let (path, name) = write("st", &cache);
    let creds = Credentials::ticket_cache(Some(&name));
    assert_eq!((creds.user(), creds.domain()), ("alice", REALM));
    let mut ctx = rpc_client_context(&creds, &refusing_kdc(), "host", Framing::Raw, None).unwrap();
    let step = ctx.step(None).unwrap();
    assert!(!step.complete);
    assert_eq!(ctx.mechanism(), Some(Mechanism::Kerberos));
    let ap_req: ApReq = picky_asn1_der::from_bytes(&step.token).unwrap();
    assert_eq!(
        picky_asn1_der::to_vec(&ap_req.0.ticket.0).unwrap(),
        ticket(),
        "the AP-REQ carries the cached ticket"
    );
    // The authenticator is sealed in the cached session key (key usage 11).
    let plain = CipherSuite::Aes256CtsHmacSha196
        .cipher()
        .decrypt(&st_key, 11, &ap_req.0.authenticator.0.cipher.0.0)
        .expect("the authenticator decrypts under the cached session key");
    let auth: Authenticator = picky_asn1_der::from_bytes(&plain).unwrap();
    assert_eq!(auth.0.crealm.0.to_string(), REALM);
    assert_eq!(auth.0.cname.0.name_string.0.0[0].to_string(), "alice");
    // Another SPN: no TGT to ask for it; refused when the context is made.
    let mut other = refusing_kdc();
    other.target_host = Some("other.lab.example".into());
    let e = rpc_client_context(&creds, &other, "host", Framing::Raw, None)
        .err()
        .unwrap();
    assert!(matches!(e, AuthError::NoCredentials(_)), "{e:?}");
    assert!(e.to_string().contains("host/other.lab.example"), "{e}");
    std::fs::remove_file(path).unwrap();
}

/// The error of making a context for the cache `name`.
fn refused(name: &str, opts: &AuthOptions) -> AuthError {
    rpc_client_context(
        &Credentials::ticket_cache(Some(name)),
        opts,
        "host",
        Framing::Raw,
        None,
    )
    .err()
    .expect("the context is refused")
}

#[test]
fn missing_empty_and_expired_caches_fail_before_anything_is_sent() {
    let opts = refusing_kdc();
    let e = refused("FILE:/nonexistent/netapi/cc", &opts);
    assert!(matches!(e, AuthError::NoCredentials(_)), "{e:?}");
    let empty = Ccache {
        version: 4,
        kdc_offset: None,
        default_principal: principal(&["alice"]),
        credentials: Vec::new(),
    };
    let (path, name) = write("empty", &empty);
    let e = refused(&name, &opts);
    assert!(matches!(e, AuthError::NoCredentials(_)), "{e:?}");
    std::fs::remove_file(path).unwrap();
    // A TGT (and service ticket) past their end.
    let mut tgt = service_ticket(&[7; 32], now() - 7200, now() - 3600);
    tgt.server = principal(&["krbtgt", REALM]);
    let expired = Ccache {
        credentials: vec![tgt, service_ticket(&[8; 32], now() - 7200, now() - 3600)],
        ..empty
    };
    let (path, name) = write("expired", &expired);
    let e = refused(&name, &opts);
    assert!(matches!(e, AuthError::CredentialsExpired(_)), "{e:?}");
    assert!(e.to_string().contains("kinit"), "{e}");
    std::fs::remove_file(path).unwrap();
    // Not a cache at all.
    let (path, name) = {
        let p = std::env::temp_dir().join(format!("netapi-offline-{}-junk", std::process::id()));
        std::fs::write(&p, b"\x05\x04garbage").unwrap();
        let n = format!("FILE:{}", p.display());
        (p, n)
    };
    let e = refused(&name, &opts);
    assert!(matches!(e, AuthError::NoCredentials(_)), "{e:?}");
    std::fs::remove_file(path).unwrap();
    // A ticket cache is Kerberos only.
    let e = refused(&name, &AuthOptions::ntlm());
    assert!(matches!(e, AuthError::Usage(_)), "{e:?}");
}
