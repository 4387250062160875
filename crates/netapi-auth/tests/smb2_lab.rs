//! SPNEGO framing and `session_key` against a real SMB2 server: Samba on the lab DC
//! (127.0.0.3:445, signing mandatory).
//!
//! A minimal SMB 2.1 exchange for this test only (the product's SMB2 client is netapi-smb2):
//! NEGOTIATE (its security buffer is the server's SPNEGO hint), then SESSION_SETUP rounds
//! carrying our tokens. The server signs its final SESSION_SETUP response with
//! HMAC-SHA256 keyed by the first 16 bytes of the session key ([MS-SMB2] 3.1.4.1, 3.2.5.3.1),
//! so a signature that verifies proves the key we export is the one the server derived.
//! Skips like the other lab tests when `NETAPI_LAB_*` is unset (fails under `CI=true`).

mod common;

use common::lab::lab;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use hmac::{KeyInit, Mac};
use netapi_auth::{AuthOptions, Credentials, Framing, Mechanism, SecurityContext, client_context};

const NEGOTIATE: u16 = 0;
const SESSION_SETUP: u16 = 1;
const STATUS_SUCCESS: u32 = 0;
const STATUS_MORE_PROCESSING_REQUIRED: u32 = 0xc000_0016;
const STATUS_LOGON_FAILURE: u32 = 0xc000_006d;
const FLAGS_SIGNED: u32 = 0x8;

struct Smb {
    s: TcpStream,
    message_id: u64,
    session_id: u64,
}

struct Reply {
    status: u32,
    flags: u32,
    session_id: u64,
    /// The whole SMB2 message (header + body), for signature checks.
    raw: Vec<u8>,
    security_buffer: Vec<u8>,
}

impl Smb {
    fn connect(ip: &str) -> Smb {
        let s = TcpStream::connect((ip, 445)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        Smb {
            s,
            message_id: 0,
            session_id: 0,
        }
    }

    fn send(&mut self, command: u16, body: &[u8]) -> Reply {
        let mut h = vec![0xfe, b'S', b'M', b'B'];
        h.extend(64u16.to_le_bytes());
        h.extend(0u16.to_le_bytes()); // credit charge
        h.extend(0u32.to_le_bytes()); // status
        h.extend(command.to_le_bytes());
        h.extend(1u16.to_le_bytes()); // credits requested
        h.extend(0u32.to_le_bytes()); // flags
        h.extend(0u32.to_le_bytes()); // next command
        h.extend(self.message_id.to_le_bytes());
        h.extend(0u32.to_le_bytes()); // process id
        h.extend(0u32.to_le_bytes()); // tree id
        h.extend(self.session_id.to_le_bytes());
        h.extend([0u8; 16]);
        self.message_id += 1;
        h.extend(body);
        let mut frame = (h.len() as u32).to_be_bytes().to_vec();
        frame.extend(&h);
        self.s.write_all(&frame).unwrap();

        let mut len = [0u8; 4];
        self.s.read_exact(&mut len).unwrap();
        let mut raw = vec![0u8; u32::from_be_bytes(len) as usize];
        self.s.read_exact(&mut raw).unwrap();
        let u16_at = |at: usize| u16::from_le_bytes([raw[at], raw[at + 1]]) as usize;
        let u32_at = |at: usize| u32::from_le_bytes(raw[at..at + 4].try_into().unwrap());
        let status = u32_at(8);
        let flags = u32_at(16);
        let session_id = u64::from_le_bytes(raw[40..48].try_into().unwrap());
        let (off, n) = match command {
            NEGOTIATE => (u16_at(64 + 56), u16_at(64 + 58)),
            _ if status == STATUS_SUCCESS || status == STATUS_MORE_PROCESSING_REQUIRED => {
                (u16_at(64 + 4), u16_at(64 + 6))
            }
            _ => (0, 0),
        };
        let security_buffer = raw[off..off + n].to_vec();
        Reply {
            status,
            flags,
            session_id,
            raw,
            security_buffer,
        }
    }

    /// NEGOTIATE for SMB 2.0.2 / 2.1 with signing enabled; returns the server's SPNEGO hint.
    fn negotiate(&mut self) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend(36u16.to_le_bytes());
        body.extend(2u16.to_le_bytes()); // dialect count
        body.extend(1u16.to_le_bytes()); // signing enabled
        body.extend(0u16.to_le_bytes());
        body.extend(0u32.to_le_bytes()); // capabilities
        body.extend([0x5a; 16]); // client guid
        body.extend(0u64.to_le_bytes());
        body.extend(0x0202u16.to_le_bytes());
        body.extend(0x0210u16.to_le_bytes());
        let reply = self.send(NEGOTIATE, &body);
        assert_eq!(reply.status, STATUS_SUCCESS);
        reply.security_buffer
    }

    fn session_setup(&mut self, token: &[u8]) -> Reply {
        let mut body = Vec::new();
        body.extend(25u16.to_le_bytes());
        body.push(0); // flags
        body.push(1); // signing enabled
        body.extend(0u32.to_le_bytes()); // capabilities
        body.extend(0u32.to_le_bytes()); // channel
        body.extend((64u16 + 24).to_le_bytes());
        body.extend((token.len() as u16).to_le_bytes());
        body.extend(0u64.to_le_bytes());
        body.extend(token);
        let reply = self.send(SESSION_SETUP, &body);
        self.session_id = reply.session_id;
        reply
    }
}

/// [MS-SMB2] 3.1.5.1 for dialects 2.0.2 / 2.1: HMAC-SHA256 over the message with a zeroed
/// signature field, truncated to 16 bytes.
fn smb2_signature_ok(session_key: &[u8], raw: &[u8]) -> bool {
    let mut zeroed = raw.to_vec();
    zeroed[48..64].fill(0);
    let mut mac =
        <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(&session_key[..16]).unwrap();
    mac.update(&zeroed);
    mac.finalize().into_bytes()[..16] == raw[48..64]
}

/// Run SESSION_SETUP until the server says SUCCESS (or refuses); returns the last reply.
fn authenticate(smb: &mut Smb, ctx: &mut dyn SecurityContext, hint: &[u8]) -> Reply {
    let mut token = ctx.step(Some(hint)).unwrap().token;
    loop {
        let reply = smb.session_setup(&token);
        match reply.status {
            STATUS_MORE_PROCESSING_REQUIRED => {
                token = ctx.step(Some(&reply.security_buffer)).unwrap().token
            }
            STATUS_SUCCESS => {
                if !reply.security_buffer.is_empty() {
                    let last = ctx.step(Some(&reply.security_buffer)).unwrap();
                    assert!(last.token.is_empty());
                }
                assert!(ctx.is_complete());
                return reply;
            }
            _ => return reply,
        }
    }
}

#[test]
fn ntlm_spnego_session_setup_and_signing_key() {
    let Some(lab) = lab("ntlm_spnego_session_setup_and_signing_key") else {
        return;
    };
    let mut smb = Smb::connect(&lab.ip);
    let hint = smb.negotiate();
    let creds = Credentials::password(&lab.domain, &lab.user, &lab.password);
    let mut ctx = client_context(&creds, &AuthOptions::ntlm(), "cifs", Framing::Spnego).unwrap();
    let reply = authenticate(&mut smb, ctx.as_mut(), &hint);
    assert_eq!(
        reply.status, STATUS_SUCCESS,
        "session setup refused: {:#x}",
        reply.status
    );
    let info = netapi_auth::spnego::inspect_resp(&reply.security_buffer).unwrap();
    assert!(
        info.has_mech_list_mic,
        "Samba's final token carries its mechListMIC (verified by step)"
    );
    assert!(
        reply.flags & FLAGS_SIGNED != 0,
        "final SESSION_SETUP response is signed"
    );
    let key = ctx.session_key().unwrap();
    assert!(
        smb2_signature_ok(key.as_bytes(), &reply.raw),
        "signature does not verify with our session key"
    );
}

#[test]
fn ntlm_spnego_with_nt_hash_and_wrong_password() {
    let Some(lab) = lab("ntlm_spnego_with_nt_hash_and_wrong_password") else {
        return;
    };
    let utf16: Vec<u8> = lab
        .password
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let hash: [u8; 16] = {
        use md4::Digest;
        md4::Md4::digest(&utf16).into()
    };
    let hash_hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    let creds = Credentials::nt_hash(&lab.domain, &lab.user, &hash_hex).unwrap();
    let mut smb = Smb::connect(&lab.ip);
    let hint = smb.negotiate();
    let mut ctx = client_context(&creds, &AuthOptions::ntlm(), "cifs", Framing::Spnego).unwrap();
    let reply = authenticate(&mut smb, ctx.as_mut(), &hint);
    assert_eq!(reply.status, STATUS_SUCCESS);
    assert!(smb2_signature_ok(
        ctx.session_key().unwrap().as_bytes(),
        &reply.raw
    ));

    let wrong = Credentials::password(&lab.domain, &lab.user, "Not.The.Passw0rd");
    let mut smb = Smb::connect(&lab.ip);
    let hint = smb.negotiate();
    let mut ctx = client_context(&wrong, &AuthOptions::ntlm(), "cifs", Framing::Spnego).unwrap();
    let reply = authenticate(&mut smb, ctx.as_mut(), &hint);
    assert_eq!(reply.status, STATUS_LOGON_FAILURE);
    assert!(!ctx.is_complete());
}

#[test]
fn kerberos_spnego_session_setup_and_signing_key() {
    let Some(lab) = lab("kerberos_spnego_session_setup_and_signing_key") else {
        return;
    };
    let mut smb = Smb::connect(&lab.ip);
    let hint = smb.negotiate();
    let hinted = netapi_auth::spnego::parse_hint(&hint).unwrap();
    assert!(hinted.kerberos && hinted.ntlm, "{hinted:?}");
    let creds = Credentials::password(&lab.domain, &lab.user, &lab.password);
    let opts = AuthOptions {
        mechanism: Mechanism::Negotiate,
        kdc: Some(lab.kdc()),
        realm: Some(lab.realm.clone()),
        target_host: Some(lab.fqdn.clone()),
        ..AuthOptions::default()
    };
    let mut ctx = client_context(&creds, &opts, "cifs", Framing::Spnego).unwrap();
    let reply = authenticate(&mut smb, ctx.as_mut(), &hint);
    assert_eq!(
        reply.status, STATUS_SUCCESS,
        "session setup refused: {:#x}",
        reply.status
    );
    assert_eq!(ctx.mechanism(), Some(Mechanism::Kerberos));
    let key = ctx.session_key().unwrap();
    assert!(key.as_bytes().len() >= 16);
    assert!(
        reply.flags & FLAGS_SIGNED != 0,
        "final SESSION_SETUP response is signed"
    );
    assert!(
        smb2_signature_ok(key.as_bytes(), &reply.raw),
        "signature does not verify with our session key"
    );
}
