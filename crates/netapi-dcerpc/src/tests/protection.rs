//! Authenticated binds and protected calls with the fake security context.

use super::fake_auth::{FakeContext, Role};
use super::peer::*;
use crate::pdu::*;
use crate::{AssocConfig, Association, AuthConfig, Error, Event};
use netapi_auth::{AuthError, AuthOptions, Credentials, Framing, Mechanism};

fn authed(level: AuthLevel, three_legs: bool) -> (Association, Peer, FakeContext) {
    let mut peer = Peer::with_auth(level, three_legs);
    let (cfg, probe) = peer.client_config(4280);
    let mut client = Association::new(cfg);
    let contexts = bind(&mut client, &mut peer, &[SAMR]);
    assert!(contexts[0].is_accepted());
    (client, peer, probe.unwrap())
}

fn roundtrip(client: &mut Association, peer: &mut Peer, stub: &[u8], resp: &[u8]) -> Vec<Vec<u8>> {
    let (call_id, frames) = send_request(client, 0, 3, stub);
    let (_, _, _, got) = peer.read_request(&frames);
    assert_eq!(got, stub);
    for f in peer.response(call_id, 0, resp, 4280) {
        feed(client, &f, 7).unwrap();
    }
    assert_eq!(
        client.poll_event(),
        Some(Event::Response {
            call_id,
            stub: resp.to_vec().into()
        })
    );
    frames
}

#[test]
fn two_leg_handshake_ends_with_auth3() {
    let (client, peer, _) = authed(AuthLevel::PKT_INTEGRITY, false);
    assert_eq!(peer.auth3_token.as_deref(), Some(&b"AUTHENTICATE"[..]));
    assert!(peer.client_asked_header_sign);
    assert!(client.negotiated().unwrap().header_signing);
}

#[test]
fn three_leg_handshake_uses_alter_context() {
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_PRIVACY, true);
    assert_eq!(peer.auth3_token, None);
    roundtrip(&mut client, &mut peer, b"hello", b"world");
}

#[test]
fn integrity_signs_header_data_and_trailer() {
    let (mut client, mut peer, probe) = authed(AuthLevel::PKT_INTEGRITY, false);
    let frames = roundtrip(&mut client, &mut peer, b"0123456789", b"response!");
    // The stub travels in clear, padded to 16 with the pad length in the trailer.
    let f = &frames[0];
    assert_eq!(&f[24..34], b"0123456789");
    assert_eq!(f.len(), 24 + 16 + 8 + 16);
    assert_eq!(f[24 + 16 + 2], 6, "auth_pad_length");
    let seen = probe.seen.lock().unwrap();
    assert_eq!(
        seen.sign_only_parts,
        vec![2, 2],
        "header + trailer, for request and response"
    );
    assert_eq!(seen.data_lens, vec![16, 16]);
}

#[test]
fn privacy_encrypts_the_stub() {
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_PRIVACY, false);
    let secret = b"a secret stub of some length....";
    let frames = roundtrip(&mut client, &mut peer, secret, b"a secret answer");
    assert!(
        !frames[0].windows(8).any(|w| w == &secret[..8]),
        "stub visible on the wire"
    );
    // Several calls keep the sequence numbers in step.
    for i in 0..5u8 {
        roundtrip(&mut client, &mut peer, &[i; 40], &[i; 9000]);
    }
}

#[test]
fn connect_level_sends_no_trailer_on_requests() {
    let (mut client, mut peer, probe) = authed(AuthLevel::CONNECT, false);
    let frames = roundtrip(&mut client, &mut peer, b"plain", b"plain too");
    assert_eq!(u16::from_le_bytes([frames[0][10], frames[0][11]]), 0);
    assert!(probe.seen.lock().unwrap().sign_only_parts.is_empty());
}

#[test]
fn tampered_response_is_rejected() {
    for level in [AuthLevel::PKT_INTEGRITY, AuthLevel::PKT_PRIVACY] {
        for target in ["stub", "header", "trailer", "signature"] {
            let (mut client, mut peer, _) = authed(level, false);
            let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
            peer.read_request(&frames);
            let mut resp = peer
                .response(call_id, 0, b"some response data", 4280)
                .remove(0);
            let ts = resp.len() - 16 - 8;
            match target {
                "stub" => resp[25] ^= 1,
                "header" => resp[17] ^= 1, // alloc_hint: covered only as a sign-only part
                "trailer" => resp[ts + 3] ^= 1, // auth_reserved
                _ => resp[ts + 12] ^= 1,
            }
            let err = client.handle_input(&resp).unwrap_err();
            assert!(
                matches!(err, Error::Auth(AuthError::BadSignature)),
                "{level:?} {target}: {err}"
            );
            assert!(client.is_closed());
        }
    }
}

#[test]
fn unsigned_or_mismatched_trailers_are_rejected() {
    // A response without any trailer on a signed association.
    let (mut client, _, _) = authed(AuthLevel::PKT_INTEGRITY, false);
    let (call_id, _) = send_request(&mut client, 0, 3, b"q");
    let plain = Peer::new()
        .response(call_id, 0, b"unsigned", 4280)
        .remove(0);
    assert!(matches!(
        client.handle_input(&plain),
        Err(Error::AuthTrailer(_))
    ));

    // auth_level downgraded in the trailer.
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_PRIVACY, false);
    let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
    peer.read_request(&frames);
    let mut resp = peer.response(call_id, 0, b"data", 4280).remove(0);
    let ts = resp.len() - 24;
    resp[ts + 1] = AuthLevel::PKT_INTEGRITY.0;
    assert!(matches!(
        client.handle_input(&resp),
        Err(Error::AuthTrailer(_))
    ));

    // auth_pad_length larger than the stub area.
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_INTEGRITY, false);
    let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
    peer.read_request(&frames);
    let mut resp = peer.response(call_id, 0, b"data", 4280).remove(0);
    let ts = resp.len() - 24;
    resp[ts + 2] = 20; // 16 bytes of stub+pad, but 20 claimed
    let err = client.handle_input(&resp).unwrap_err();
    assert!(
        matches!(
            err,
            Error::AuthPadLength {
                pad: 20,
                available: 16
            }
        ),
        "{err}"
    );
}

#[test]
fn unsigned_fault_is_accepted_and_keeps_sequence() {
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_PRIVACY, false);
    let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
    peer.read_request(&frames);
    client
        .handle_input(&Peer::fault(call_id, 0x1c01_0002))
        .unwrap();
    assert_eq!(
        client.poll_event(),
        Some(Event::Fault {
            call_id,
            status: 0x1c01_0002
        })
    );
    roundtrip(&mut client, &mut peer, b"next", b"still in step");
}

#[test]
fn a_refused_auth3_is_an_authentication_failure_on_the_first_call() {
    // Samba answers the first request after an rpc_auth3 it did not accept (a wrong NTLM
    // password) with nca_s_proto_error.
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_INTEGRITY, false);
    let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
    peer.read_request(&frames);
    let e = client
        .handle_input(&Peer::fault(call_id, 0x1c01_000b))
        .unwrap_err();
    assert!(matches!(e, Error::Auth(AuthError::Failed(_))), "{e:?}");
    // Access denied on that call is the call's own refusal (LsarOpenPolicy2 over TCP on Samba).
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_INTEGRITY, false);
    let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
    peer.read_request(&frames);
    client.handle_input(&Peer::fault(call_id, 5)).unwrap();
    assert_eq!(
        client.poll_event(),
        Some(Event::Fault { call_id, status: 5 })
    );
    // After a call was answered, the same fault is the call's own refusal.
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_INTEGRITY, false);
    roundtrip(&mut client, &mut peer, b"first", b"ok");
    let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
    peer.read_request(&frames);
    client.handle_input(&Peer::fault(call_id, 5)).unwrap();
    assert_eq!(
        client.poll_event(),
        Some(Event::Fault { call_id, status: 5 })
    );
    // A handshake that ended without rpc_auth3 (three legs): a first-call fault stays a fault.
    let (mut client, mut peer, _) = authed(AuthLevel::PKT_PRIVACY, true);
    let (call_id, frames) = send_request(&mut client, 0, 3, b"q");
    peer.read_request(&frames);
    client.handle_input(&Peer::fault(call_id, 5)).unwrap();
    assert_eq!(
        client.poll_event(),
        Some(Event::Fault { call_id, status: 5 })
    );
}

#[test]
fn kerberos_without_header_signing_signs_data_only() {
    let mut peer = Peer::with_auth(AuthLevel::PKT_INTEGRITY, false);
    peer.auth_type = AuthType::KERBEROS;
    peer.header_sign = false;
    let (cfg, probe) = peer.client_config(4280);
    let mut client = Association::new(cfg);
    bind(&mut client, &mut peer, &[SAMR]);
    assert!(!client.negotiated().unwrap().header_signing);
    roundtrip(&mut client, &mut peer, b"krb", b"krb answer");
    assert_eq!(
        probe.unwrap().seen.lock().unwrap().sign_only_parts,
        vec![0, 0]
    );

    // With header signing granted, header and trailer are signed.
    let mut peer = Peer::with_auth(AuthLevel::PKT_INTEGRITY, false);
    peer.auth_type = AuthType::KERBEROS;
    let (cfg, probe) = peer.client_config(4280);
    let mut client = Association::new(cfg);
    bind(&mut client, &mut peer, &[SAMR]);
    assert!(client.negotiated().unwrap().header_signing);
    roundtrip(&mut client, &mut peer, b"krb", b"krb answer");
    assert_eq!(
        probe.unwrap().seen.lock().unwrap().sign_only_parts,
        vec![2, 2]
    );
}

#[test]
fn bad_auth_configuration_and_tokens() {
    let ctx = FakeContext::new(Role::Client, false);
    let cfg = AssocConfig::new(4280).with_auth(AuthConfig::new(
        AuthType::NTLMSSP,
        AuthLevel::NONE,
        Box::new(ctx),
    ));
    let mut client = Association::new(cfg);
    assert!(matches!(client.bind(&[SAMR]), Err(Error::Usage(_))));

    // bind_ack without the server's token.
    let mut peer = Peer::with_auth(AuthLevel::PKT_INTEGRITY, false);
    let (cfg, _) = peer.client_config(4280);
    let mut client = Association::new(cfg);
    client.bind(&[SAMR]).unwrap();
    let mut ack = Pdu::decode(&peer.answer_bind(&client.poll_transmit().unwrap().data)).unwrap();
    ack.auth = None;
    assert!(matches!(
        client.handle_input(&ack.encode().unwrap()),
        Err(Error::AuthTrailer(_))
    ));

    // A token the context refuses.
    let mut client = Association::new(peer.client_config(4280).0);
    client.bind(&[SAMR]).unwrap();
    let mut ack = Pdu::decode(&peer.answer_bind(&client.poll_transmit().unwrap().data)).unwrap();
    ack.auth.as_mut().unwrap().value = b"GARBAGE".to_vec();
    let err = client.handle_input(&ack.encode().unwrap()).unwrap_err();
    assert!(
        matches!(err, Error::Auth(AuthError::InvalidToken(_))),
        "{err}"
    );

    // A server answering with another auth_type.
    let mut client = Association::new(peer.client_config(4280).0);
    client.bind(&[SAMR]).unwrap();
    let mut ack = Pdu::decode(&peer.answer_bind(&client.poll_transmit().unwrap().data)).unwrap();
    ack.auth.as_mut().unwrap().trailer.auth_type = AuthType::KERBEROS;
    assert!(matches!(
        client.handle_input(&ack.encode().unwrap()),
        Err(Error::AuthTrailer(_))
    ));
}

/// Bind with `config` and decode the bind PDU it queues.
fn first_pdu(config: AuthConfig) -> Result<(Association, Pdu), Error> {
    let configured = config.auth_type;
    let mut client = Association::new(AssocConfig::new(4280).with_auth(config));
    assert_eq!(client.auth_type(), Some(configured), "before the bind");
    client.bind(&[SAMR])?;
    let tx = client.poll_transmit().expect("a bind");
    Ok((client, Pdu::decode(&tx.data).unwrap()))
}

fn reporting(framing: Framing, mechanism: Mechanism) -> FakeContext {
    let mut ctx = FakeContext::new(Role::Client, framing == Framing::Spnego);
    ctx.reports = Some((framing, mechanism));
    ctx
}

#[test]
fn auth_type_follows_the_context() {
    for (framing, mechanism, want) in [
        (Framing::Raw, Mechanism::Kerberos, AuthType::KERBEROS),
        (Framing::Raw, Mechanism::Ntlm, AuthType::NTLMSSP),
        (Framing::Spnego, Mechanism::Ntlm, AuthType::SPNEGO),
        (Framing::Spnego, Mechanism::Kerberos, AuthType::SPNEGO),
    ] {
        let ctx = reporting(framing, mechanism);
        let config = AuthConfig::from_context(AuthLevel::PKT_INTEGRITY, Box::new(ctx));
        let (client, pdu) = first_pdu(config).unwrap();
        let av = pdu.auth.expect("bind carries the first token");
        assert_eq!(av.trailer.auth_type, want, "{framing:?} {mechanism:?}");
        assert_eq!(av.value, b"NEGOTIATE");
        assert_eq!(client.auth_type(), Some(want));
        // The explicit type that agrees is accepted too.
        let config = AuthConfig::new(
            want,
            AuthLevel::PKT_PRIVACY,
            Box::new(reporting(framing, mechanism)),
        );
        assert_eq!(
            first_pdu(config).unwrap().1.auth.unwrap().trailer.auth_type,
            want
        );
    }
}

#[test]
fn auth_type_resolved_from_the_context_protects_calls() {
    // The peer expects NTLMSSP; the client only knows its context runs raw NTLM.
    let mut peer = Peer::with_auth(AuthLevel::PKT_PRIVACY, false);
    let ctx = reporting(Framing::Raw, Mechanism::Ntlm);
    let config = AssocConfig::new(4280).with_auth(AuthConfig::from_context(
        AuthLevel::PKT_PRIVACY,
        Box::new(ctx),
    ));
    let mut client = Association::new(config);
    bind(&mut client, &mut peer, &[SAMR]);
    assert_eq!(client.auth_type(), Some(AuthType::NTLMSSP));
    roundtrip(&mut client, &mut peer, b"after resolution", b"in step");
}

#[test]
fn a_kerberos_context_never_goes_out_as_ntlmssp() {
    for (configured, framing, mechanism) in [
        (AuthType::NTLMSSP, Framing::Raw, Mechanism::Kerberos),
        (AuthType::KERBEROS, Framing::Raw, Mechanism::Ntlm),
        (AuthType::SPNEGO, Framing::Raw, Mechanism::Ntlm),
        (AuthType::NTLMSSP, Framing::Spnego, Mechanism::Ntlm),
    ] {
        let config = AuthConfig::new(
            configured,
            AuthLevel::PKT_INTEGRITY,
            Box::new(reporting(framing, mechanism)),
        );
        let mut client = Association::new(AssocConfig::new(4280).with_auth(config));
        let err = client.bind(&[SAMR]).unwrap_err();
        assert!(matches!(err, Error::Usage(_)), "{configured:?}: {err}");
        assert_eq!(client.poll_transmit(), None, "nothing is sent");
        assert!(client.is_closed());
    }
    // DEFAULT with a context that does not say what it runs.
    let config = AuthConfig::from_context(
        AuthLevel::PKT_INTEGRITY,
        Box::new(FakeContext::new(Role::Client, false)),
    );
    assert!(matches!(first_pdu(config), Err(Error::Usage(_))));
}

#[test]
fn for_rpc_builds_a_real_context_and_announces_its_mechanism() {
    let creds = Credentials::password("LABDOM", "Administrator", "x");
    // Default options (Negotiate, no KDC): bare NTLMSSP under auth_type 10.
    for level in [
        AuthLevel::CONNECT,
        AuthLevel::PKT_INTEGRITY,
        AuthLevel::PKT_PRIVACY,
    ] {
        let config = AuthConfig::for_rpc(&creds, &AuthOptions::default(), "host", level).unwrap();
        assert_eq!(config.auth_type, AuthType::DEFAULT);
        let (client, pdu) = first_pdu(config).unwrap();
        let av = pdu.auth.unwrap();
        assert_eq!(av.trailer.auth_type, AuthType::NTLMSSP);
        assert_eq!(av.trailer.auth_level, level);
        assert_eq!(&av.value[..8], b"NTLMSSP\0");
        assert_eq!(client.auth_type(), Some(AuthType::NTLMSSP));
    }
    // Negotiate with a KDC but an address as the target: no SPN, so NTLM.
    let opts = AuthOptions {
        kdc: Some("127.0.0.1:1".into()),
        target_host: Some("127.0.0.3".into()),
        ..AuthOptions::default()
    };
    let config = AuthConfig::for_rpc(&creds, &opts, "host", AuthLevel::PKT_PRIVACY).unwrap();
    assert_eq!(
        first_pdu(config).unwrap().1.auth.unwrap().trailer.auth_type,
        AuthType::NTLMSSP
    );
    // Kerberos without a host name to build the SPN from: refused before anything is sent.
    let opts = AuthOptions {
        mechanism: Mechanism::Kerberos,
        kdc: Some("127.0.0.1:1".into()),
        ..AuthOptions::default()
    };
    let err = AuthConfig::for_rpc(&creds, &opts, "host", AuthLevel::PKT_INTEGRITY).unwrap_err();
    assert!(matches!(err, Error::Auth(AuthError::Usage(_))), "{err}");
    // Levels without per-PDU meaning for a context.
    let err =
        AuthConfig::for_rpc(&creds, &AuthOptions::ntlm(), "host", AuthLevel::NONE).unwrap_err();
    assert!(matches!(err, Error::Usage(_)), "{err}");
}
