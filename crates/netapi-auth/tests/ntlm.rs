//! NTLM against sspi's own server-side NTLM, in process: handshakes (password, NT hash, wrong
//! password; raw and SPNEGO) and DCE/RPC-style message protection at both levels.

mod common;

use common::{Server, client_keys, hex, hmac_md5, nt_hash};
use netapi_auth::ntlm::{MessageType, NegotiateFlags, message_flags};
use netapi_auth::{
    AuthError, AuthOptions, Credentials, Framing, Mechanism, Part, Protection, SecurityContext,
    client_context,
};

const DOMAIN: &str = "TESTDOM";
const USER: &str = "alice";
const PASSWORD: &str = "Corr3ct-Horse!";

// A DCE/RPC request PDU split the way the RPC client hands it over: 16-byte common header plus
// alloc_hint/context/opnum (header), stub + auth pad (data), sec_trailer (trailer).
const HEADER: [u8; 24] = [
    5, 0, 0, 3, 0x10, 0, 0, 0, 0x5c, 0, 0x10, 0, 1, 0, 0, 0, 0x20, 0, 0, 0, 0, 0, 0x0f, 0,
];
const TRAILER: [u8; 8] = [0x0a, 0x06, 0x0c, 0, 0, 0, 0, 0];

fn stub() -> Vec<u8> {
    (0u8..32).map(|i| i.wrapping_mul(7)).collect()
}

fn ntlm_client(creds: &Credentials, framing: Framing) -> Box<dyn SecurityContext> {
    client_context(creds, &AuthOptions::ntlm(), "host", framing).unwrap()
}

/// Run a raw NTLMSSP handshake; returns the server's verdict on AUTHENTICATE.
fn raw_handshake(
    client: &mut dyn SecurityContext,
    server: &mut Server,
) -> Result<Vec<u8>, sspi::Error> {
    let negotiate = client.step(None).unwrap();
    assert!(!negotiate.complete);
    assert_eq!(
        message_flags(&negotiate.token).unwrap().0,
        MessageType::Negotiate
    );
    let challenge = server.accept(&negotiate.token).unwrap();
    let authenticate = client.step(Some(&challenge)).unwrap();
    assert!(authenticate.complete && client.is_complete());
    let (kind, flags) = message_flags(&authenticate.token).unwrap();
    assert_eq!(kind, MessageType::Authenticate);
    // Session security as the RPC client needs it ([MS-NLMP] 3.4: ESS + key exchange, 128-bit).
    for bit in [
        NegotiateFlags::EXTENDED_SESSIONSECURITY,
        NegotiateFlags::KEY_EXCH,
        NegotiateFlags::N128,
        NegotiateFlags::SIGN,
        NegotiateFlags::SEAL,
    ] {
        assert!(flags.contains(bit), "{flags:?} lacks {bit:#x}");
    }
    server.accept(&authenticate.token)?;
    Ok(authenticate.token)
}

fn established(creds: &Credentials) -> (Box<dyn SecurityContext>, Server) {
    let mut client = ntlm_client(creds, Framing::Raw);
    let mut server = Server::ntlm(DOMAIN, USER, PASSWORD);
    raw_handshake(client.as_mut(), &mut server).expect("server accepts");
    assert!(server.done);
    (client, server)
}

#[test]
fn raw_ntlm_with_password_authenticates_and_shares_the_session_key() {
    let (client, server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    assert_eq!(client.mechanism(), Some(Mechanism::Ntlm));
    assert_eq!(client.signature_len(), 16);
    let key = client.session_key().unwrap();
    assert_eq!(key.as_bytes().len(), 16);
    assert_eq!(key.as_bytes(), &server.session_key()[..]);
}

#[test]
fn raw_ntlm_with_nt_hash_authenticates() {
    let hash = Credentials::nt_hash(DOMAIN, USER, &hex(&nt_hash(PASSWORD))).unwrap();
    let (client, server) = established(&hash);
    assert_eq!(
        client.session_key().unwrap().as_bytes(),
        &server.session_key()[..]
    );
}

#[test]
fn nt_hash_is_md4_of_utf16le_password_and_equivalent_to_it() {
    // [MS-NLMP] 3.3.1 NTOWFv1 for a published value: "Password" -> a4f49c40...
    assert_eq!(
        hex(&nt_hash("Password")),
        "a4f49c406510bdcab6824ee7c30fd852"
    );
    // The hash logs on wherever the password does, against a server that only knows the password.
    let mut server = Server::ntlm(DOMAIN, USER, PASSWORD);
    let upper = hex(&nt_hash(PASSWORD)).to_uppercase();
    let mut client = ntlm_client(
        &Credentials::nt_hash(DOMAIN, USER, &upper).unwrap(),
        Framing::Raw,
    );
    raw_handshake(client.as_mut(), &mut server).expect("hash accepted for the password");
    // And a hash of another password fails exactly like that password.
    let mut server = Server::ntlm(DOMAIN, USER, PASSWORD);
    let other = Credentials::nt_hash(DOMAIN, USER, &hex(&nt_hash("Wrong-Horse!"))).unwrap();
    let mut client = ntlm_client(&other, Framing::Raw);
    assert!(raw_handshake(client.as_mut(), &mut server).is_err());
}

#[test]
fn raw_ntlm_with_wrong_password_is_refused() {
    let mut server = Server::ntlm(DOMAIN, USER, PASSWORD);
    let mut client = ntlm_client(
        &Credentials::password(DOMAIN, USER, "Wrong-Horse!"),
        Framing::Raw,
    );
    let verdict = raw_handshake(client.as_mut(), &mut server).unwrap_err();
    assert!(
        matches!(
            verdict.error_type,
            sspi::ErrorKind::LogonDenied | sspi::ErrorKind::MessageAltered
        ),
        "{verdict}"
    );
}

#[test]
fn spnego_ntlm_round_trip_with_mech_list_mic() {
    let creds = Credentials::password(DOMAIN, USER, PASSWORD);
    let mut client = ntlm_client(&creds, Framing::Spnego);
    let mut server = Server::spnego(DOMAIN, USER, PASSWORD);

    let init = client.step(None).unwrap();
    assert_eq!(
        init.token[0], 0x60,
        "GSS InitialContextToken (NegTokenInit)"
    );
    let resp = server.accept(&init.token).unwrap();
    let auth = client.step(Some(&resp)).unwrap();
    assert!(
        !auth.complete,
        "NTLM with a MIC waits for the server's mechListMIC"
    );
    assert_eq!(auth.token[0], 0xa1, "NegTokenResp");
    // The session key exists now: SMB2 needs it to check the signed final response.
    let early_key = client.session_key().unwrap();
    let last = server.accept(&auth.token).unwrap();
    assert!(server.done);
    let info = netapi_auth::spnego::inspect_resp(&last).unwrap();
    assert!(
        info.has_mech_list_mic,
        "server answers with its mechListMIC"
    );
    let done = client.step(Some(&last)).unwrap();
    assert!(done.complete && done.token.is_empty() && client.is_complete());
    assert_eq!(
        client.session_key().unwrap().as_bytes(),
        early_key.as_bytes()
    );
    assert_eq!(early_key.as_bytes(), &server.session_key()[..]);
}

#[test]
fn spnego_accepts_the_smb2_negotiate_hint() {
    // What Windows and Samba put in the SMB2 NEGOTIATE response.
    // (mechTypes NEGOEX + NTLMSSP, hintName "not_defined_in_RFC4178@please_ignore").
    let hint = hex_decode(concat!(
        "605406062b0601050502a04a3048a01a3018060a2b06010401823702021e060a2b06010401823702020a",
        "a32a3028a0261b246e6f745f646566696e65645f696e5f5246433431373840706c656173655f69676e6f7265"
    ));
    let creds = Credentials::password(DOMAIN, USER, PASSWORD);
    let mut client =
        client_context(&creds, &AuthOptions::default(), "cifs", Framing::Spnego).unwrap();
    let mut server = Server::spnego(DOMAIN, USER, PASSWORD);
    let init = client.step(Some(&hint)).unwrap();
    assert_eq!(
        client.mechanism(),
        Some(Mechanism::Ntlm),
        "no KDC configured: NTLM"
    );
    let resp = server.accept(&init.token).unwrap();
    let auth = client.step(Some(&resp)).unwrap();
    let last = server.accept(&auth.token).unwrap();
    assert!(client.step(Some(&last)).unwrap().complete);
}

#[test]
fn spnego_tampered_server_mic_fails() {
    let creds = Credentials::password(DOMAIN, USER, PASSWORD);
    let mut client = ntlm_client(&creds, Framing::Spnego);
    let mut server = Server::spnego(DOMAIN, USER, PASSWORD);
    let init = client.step(None).unwrap();
    let resp = server.accept(&init.token).unwrap();
    let auth = client.step(Some(&resp)).unwrap();
    let mut last = server.accept(&auth.token).unwrap();
    let n = last.len();
    last[n - 5] ^= 0x01; // inside the mechListMIC checksum
    let err = client.step(Some(&last)).unwrap_err();
    assert!(
        matches!(err, AuthError::Failed(_) | AuthError::InvalidToken(_)),
        "{err}"
    );
    assert!(!client.is_complete());
}

#[test]
fn spnego_wrong_password_server_refuses_and_reject_token_is_failed() {
    let creds = Credentials::password(DOMAIN, USER, "Wrong-Horse!");
    let mut client = ntlm_client(&creds, Framing::Spnego);
    let mut server = Server::spnego(DOMAIN, USER, PASSWORD);
    let init = client.step(None).unwrap();
    let resp = server.accept(&init.token).unwrap();
    let auth = client.step(Some(&resp)).unwrap();
    assert!(
        server.accept(&auth.token).is_err(),
        "the acceptor refuses the wrong password"
    );
    // An SMB2 server answers STATUS_LOGON_FAILURE, possibly with a NegTokenResp{reject}.
    let reject = [0xa1, 0x07, 0x30, 0x05, 0xa0, 0x03, 0x0a, 0x01, 0x02];
    let err = client.step(Some(&reject)).unwrap_err();
    assert!(matches!(err, AuthError::Failed(_)), "{err}");
    assert!(matches!(
        client.step(Some(&reject)),
        Err(AuthError::State(_))
    ));
}

#[test]
fn protect_before_completion_is_a_state_error() {
    let mut client = ntlm_client(&Credentials::password(DOMAIN, USER, PASSWORD), Framing::Raw);
    let mut data = stub();
    let mut parts = [Part::SignOnly(&HEADER), Part::Data(&mut data)];
    assert!(matches!(
        client.protect(Protection::Integrity, &mut parts),
        Err(AuthError::State(_))
    ));
    assert!(matches!(client.session_key(), Err(AuthError::State(_))));
}

#[test]
fn integrity_round_trip_both_directions() {
    let (mut client, mut server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    for round in 0..3 {
        // client -> server
        let mut data = stub();
        let sig = client
            .protect(
                Protection::Integrity,
                &mut [
                    Part::SignOnly(&HEADER),
                    Part::Data(&mut data),
                    Part::SignOnly(&TRAILER),
                ],
            )
            .unwrap();
        assert_eq!(data, stub(), "integrity leaves the data in the clear");
        assert_eq!(sig.len(), 16);
        assert_eq!(&sig[12..], &(round as u32).to_le_bytes(), "sequence number");
        server
            .unwrap(&HEADER, &mut data, &TRAILER, &sig, false)
            .expect("server verifies");
        // server -> client
        let mut reply = stub();
        let sig = server.wrap(&HEADER, &mut reply, &TRAILER, false);
        client
            .unprotect(
                Protection::Integrity,
                &mut [
                    Part::SignOnly(&HEADER),
                    Part::Data(&mut reply),
                    Part::SignOnly(&TRAILER),
                ],
                &sig,
            )
            .unwrap();
        assert_eq!(reply, stub());
    }
}

#[test]
fn privacy_round_trip_both_directions() {
    let (mut client, mut server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    for _ in 0..3 {
        let mut data = stub();
        let sig = client
            .protect(
                Protection::Privacy,
                &mut [
                    Part::SignOnly(&HEADER),
                    Part::Data(&mut data),
                    Part::SignOnly(&TRAILER),
                ],
            )
            .unwrap();
        assert_ne!(data, stub(), "privacy seals the data in place");
        server
            .unwrap(&HEADER, &mut data, &TRAILER, &sig, true)
            .expect("server unseals");
        assert_eq!(data, stub());

        let mut reply = stub();
        let sig = server.wrap(&HEADER, &mut reply, &TRAILER, true);
        assert_ne!(reply, stub());
        client
            .unprotect(
                Protection::Privacy,
                &mut [
                    Part::SignOnly(&HEADER),
                    Part::Data(&mut reply),
                    Part::SignOnly(&TRAILER),
                ],
                &sig,
            )
            .unwrap();
        assert_eq!(reply, stub());
    }
}

#[test]
fn privacy_with_split_data_parts_matches_one_part() {
    // Stub and auth padding as two contiguous Data parts seal like one.
    let (mut client, mut server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    let (mut a, mut b) = (stub()[..20].to_vec(), stub()[20..].to_vec());
    let sig = client
        .protect(
            Protection::Privacy,
            &mut [
                Part::SignOnly(&HEADER),
                Part::Data(&mut a),
                Part::Data(&mut b),
                Part::SignOnly(&TRAILER),
            ],
        )
        .unwrap();
    let mut joined = [a, b].concat();
    server
        .unwrap(&HEADER, &mut joined, &TRAILER, &sig, true)
        .unwrap();
    assert_eq!(joined, stub());
    // Non-contiguous Data parts cannot be sealed by sspi: a usage error, not a wrong result.
    let (mut x, mut y) = (vec![1u8; 4], vec![2u8; 4]);
    let err = client
        .protect(
            Protection::Privacy,
            &mut [
                Part::Data(&mut x),
                Part::SignOnly(&HEADER),
                Part::Data(&mut y),
            ],
        )
        .unwrap_err();
    assert!(matches!(err, AuthError::Usage(_)));
}

#[test]
fn first_signature_matches_the_spec_computation() {
    // [MS-NLMP] 3.4.4.2 with ESS and KEY_EXCH, keys from 3.4.5.2/3.4.5.3: sealed stub =
    // RC4(handle, stub); checksum = RC4(handle, HMAC_MD5(SignKey, seq || header || stub || trailer)[..8]).
    let (mut client, _server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    let key = client.session_key().unwrap();
    let (sign_key, seal_key) = client_keys(key.as_bytes());

    let mut data = stub();
    let sig = client
        .protect(
            Protection::Privacy,
            &mut [
                Part::SignOnly(&HEADER),
                Part::Data(&mut data),
                Part::SignOnly(&TRAILER),
            ],
        )
        .unwrap();

    let mut rc4 = common::Rc4::new(&seal_key);
    let mut expect_data = stub();
    rc4.apply(&mut expect_data);
    let mac = hmac_md5(
        &sign_key,
        &[&0u32.to_le_bytes(), &HEADER, &stub(), &TRAILER],
    );
    let mut checksum = mac[..8].to_vec();
    rc4.apply(&mut checksum);
    let mut expect_sig = 1u32.to_le_bytes().to_vec();
    expect_sig.extend(&checksum);
    expect_sig.extend(0u32.to_le_bytes());
    assert_eq!(data, expect_data);
    assert_eq!(sig, expect_sig);

    // The next message (integrity) continues the same RC4 stream and sequence.
    let mut data = stub();
    let sig = client
        .protect(
            Protection::Integrity,
            &mut [
                Part::SignOnly(&HEADER),
                Part::Data(&mut data),
                Part::SignOnly(&TRAILER),
            ],
        )
        .unwrap();
    let mac = hmac_md5(
        &sign_key,
        &[&1u32.to_le_bytes(), &HEADER, &stub(), &TRAILER],
    );
    let mut checksum = mac[..8].to_vec();
    rc4.apply(&mut checksum);
    assert_eq!(&sig[4..12], &checksum[..]);
    assert_eq!(&sig[12..], &1u32.to_le_bytes());
}

#[test]
fn header_bytes_are_covered_by_the_mac() {
    let (mut client, mut server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    let mut data = stub();
    let sig = client
        .protect(
            Protection::Integrity,
            &mut [
                Part::SignOnly(&HEADER),
                Part::Data(&mut data),
                Part::SignOnly(&TRAILER),
            ],
        )
        .unwrap();
    let mut header = HEADER;
    header[2] ^= 0x01; // PDU type byte
    assert!(
        server
            .unwrap(&header, &mut data, &TRAILER, &sig, false)
            .is_err()
    );

    // And on receive: a server message whose header was altered in transit is refused.
    let (mut client, mut server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    let mut reply = stub();
    let sig = server.wrap(&HEADER, &mut reply, &TRAILER, true);
    let mut trailer = TRAILER;
    trailer[7] ^= 0x80; // auth_context_id
    let err = client
        .unprotect(
            Protection::Privacy,
            &mut [
                Part::SignOnly(&HEADER),
                Part::Data(&mut reply),
                Part::SignOnly(&trailer),
            ],
            &sig,
        )
        .unwrap_err();
    assert!(matches!(err, AuthError::BadSignature));
    let _ = client
        .protect(Protection::Integrity, &mut [])
        .expect_err("a context that saw a bad signature is retired");
}

#[test]
fn any_flipped_byte_is_a_bad_signature() {
    for seal in [false, true] {
        let level = if seal {
            Protection::Privacy
        } else {
            Protection::Integrity
        };
        let total = HEADER.len() + stub().len() + TRAILER.len() + 16;
        // Every third position across header, data, trailer and signature; each in a fresh
        // context pair (a failed check retires the context).
        for pos in (0..total).step_by(3) {
            let (mut client, mut server) =
                established(&Credentials::password(DOMAIN, USER, PASSWORD));
            let mut data = stub();
            let mut sig = server.wrap(&HEADER, &mut data, &TRAILER, seal);
            let (mut header, mut trailer) = (HEADER, TRAILER);
            let (h, d, t) = (header.len(), data.len(), trailer.len());
            match pos {
                p if p < h => header[p] ^= 0x40,
                p if p < h + d => data[p - h] ^= 0x40,
                p if p < h + d + t => trailer[p - h - d] ^= 0x40,
                p => sig[p - h - d - t] ^= 0x40,
            }
            let err = client
                .unprotect(
                    level,
                    &mut [
                        Part::SignOnly(&header),
                        Part::Data(&mut data),
                        Part::SignOnly(&trailer),
                    ],
                    &sig,
                )
                .unwrap_err();
            assert!(
                matches!(err, AuthError::BadSignature),
                "seal={seal} pos={pos}: {err}"
            );
        }
    }
}

#[test]
fn wrong_signature_length_is_invalid_token() {
    let (mut client, mut server) = established(&Credentials::password(DOMAIN, USER, PASSWORD));
    let mut data = stub();
    let sig = server.wrap(&HEADER, &mut data, &TRAILER, false);
    let err = client
        .unprotect(
            Protection::Integrity,
            &mut [
                Part::SignOnly(&HEADER),
                Part::Data(&mut data),
                Part::SignOnly(&TRAILER),
            ],
            &sig[..15],
        )
        .unwrap_err();
    assert!(matches!(err, AuthError::InvalidToken(_)));
}

#[test]
fn usage_errors() {
    let creds = Credentials::password(DOMAIN, USER, PASSWORD);
    // Raw framing with Negotiate and nothing for Kerberos: bare NTLMSSP (auth_type 10).
    let mut c = client_context(&creds, &AuthOptions::default(), "host", Framing::Raw).unwrap();
    let first = c.step(None).unwrap().token;
    assert_eq!(c.mechanism(), Some(Mechanism::Ntlm));
    assert_eq!(c.framing(), Some(Framing::Raw));
    assert_eq!(
        netapi_auth::ntlm::message_flags(&first).unwrap().0,
        netapi_auth::ntlm::MessageType::Negotiate
    );
    // Kerberos without a host name for the SPN, with an NT hash.
    let mut opts = AuthOptions {
        mechanism: Mechanism::Kerberos,
        ..AuthOptions::default()
    };
    assert!(matches!(
        client_context(&creds, &opts, "cifs", Framing::Spnego),
        Err(AuthError::Usage(_))
    ));
    opts.kdc = Some("kdc.lab.example".into());
    opts.target_host = Some("dc1.lab.example".into());
    // An NT hash is the RC4 key: Kerberos when asked for (the context is made; the KDC is
    // asked at the first step), NTLM under Negotiate.
    let hash = Credentials::nt_hash("LAB", "alice", &"11".repeat(16)).unwrap();
    assert!(client_context(&hash, &opts, "cifs", Framing::Spnego).is_ok());
    let mut rc4_upn = opts.clone();
    rc4_upn.realm = None;
    let upn_hash = Credentials::nt_hash("", "alice@lab.example", &"11".repeat(16)).unwrap();
    assert!(matches!(
        client_context(&upn_hash, &rc4_upn, "cifs", Framing::Spnego),
        Err(AuthError::Usage(_))
    ));
    // Anonymous runs the null-session exchange over NTLM, never Kerberos.
    let mut anon = client_context(
        &Credentials::anonymous(),
        &AuthOptions::ntlm(),
        "cifs",
        Framing::Spnego,
    )
    .unwrap();
    assert!(!anon.step(None).unwrap().token.is_empty());
    assert_eq!(anon.mechanism(), Some(Mechanism::Ntlm));
    let err = client_context(&Credentials::anonymous(), &opts, "cifs", Framing::Spnego)
        .err()
        .unwrap();
    assert!(err.to_string().contains("anonymous"), "{err}");
    // Raw: the first step takes no input.
    let mut c = ntlm_client(&creds, Framing::Raw);
    assert!(matches!(c.step(Some(b"x")), Err(AuthError::State(_))));
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}
