//! A deterministic stand-in for an NTLM/SPNEGO security context.
//!
//! Tokens: the client sends `NEGOTIATE`, the server answers `CHALLENGE`; a two-leg context then
//! sends `AUTHENTICATE` and is complete (rpc_auth_3), a three-leg one sends `AUTH-LEG` and
//! completes on the server's `FINAL` (alter_context). Signatures are 16 bytes: the sequence
//! number and a 96-bit FNV checksum over every part and a direction key; privacy XORs the data
//! parts with a sequence-dependent key stream. The server side uses the same type with the
//! directions swapped.

use netapi_auth::{
    AuthError, Framing, Mechanism, Part, Protection, SecurityContext, SessionKey, Step,
};
use std::sync::{Arc, Mutex};

/// Which side of the fake context this is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Client,
    Server,
}

/// Observations shared with the test (how parts were passed).
#[derive(Default, Debug)]
pub struct Seen {
    /// Number of SignOnly parts in each protect/unprotect call.
    pub sign_only_parts: Vec<usize>,
    /// Total data bytes in each call.
    pub data_lens: Vec<usize>,
}

pub struct FakeContext {
    pub role: Role,
    pub three_legs: bool,
    complete: bool,
    send_seq: u32,
    recv_seq: u32,
    pub seen: Arc<Mutex<Seen>>,
    /// What `framing()` / `mechanism()` report (the mechanism only once a token was made, as
    /// a real context); `None` reports nothing.
    pub reports: Option<(Framing, Mechanism)>,
    stepped: bool,
}

impl FakeContext {
    pub fn new(role: Role, three_legs: bool) -> FakeContext {
        FakeContext {
            role,
            three_legs,
            complete: role == Role::Server,
            send_seq: 0,
            recv_seq: 0,
            seen: Arc::default(),
            reports: None,
            stepped: false,
        }
    }

    fn key(&self, sending: bool) -> u8 {
        // Client→server traffic uses key 0x11, server→client 0x22.
        match (self.role, sending) {
            (Role::Client, true) | (Role::Server, false) => 0x11,
            _ => 0x22,
        }
    }

    fn record(&self, parts: &[Part<'_>]) {
        let mut seen = self.seen.lock().unwrap();
        seen.sign_only_parts.push(
            parts
                .iter()
                .filter(|p| matches!(p, Part::SignOnly(_)))
                .count(),
        );
        seen.data_lens.push(
            parts
                .iter()
                .map(|p| if let Part::Data(d) = p { d.len() } else { 0 })
                .sum(),
        );
    }
}

fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn checksum(key: u8, seq: u32, parts: &[Part<'_>]) -> [u8; 16] {
    let mut h1 = fnv(0xcbf2_9ce4_8422_2325, &[key]);
    h1 = fnv(h1, &seq.to_le_bytes());
    let mut h2 = h1 ^ 0x9e37_79b9_7f4a_7c15;
    for p in parts {
        let b: &[u8] = match p {
            Part::SignOnly(b) => b,
            Part::Data(b) => b,
        };
        h1 = fnv(h1, b);
        h2 = fnv(h2, &[0xff]);
        h2 = fnv(h2, b);
    }
    let mut out = [0u8; 16];
    out[..4].copy_from_slice(&seq.to_le_bytes());
    out[4..12].copy_from_slice(&h1.to_le_bytes());
    out[12..].copy_from_slice(&h2.to_le_bytes()[..4]);
    out
}

fn xor_data(key: u8, seq: u32, parts: &mut [Part<'_>]) {
    let mut i = 0u32;
    for p in parts.iter_mut() {
        if let Part::Data(d) = p {
            for b in d.iter_mut() {
                *b ^= key
                    .wrapping_add(seq as u8)
                    .wrapping_add(i as u8)
                    .wrapping_mul(31)
                    | 1;
                i += 1;
            }
        }
    }
}

impl SecurityContext for FakeContext {
    fn mechanism(&self) -> Option<Mechanism> {
        self.reports.filter(|_| self.stepped).map(|r| r.1)
    }

    fn framing(&self) -> Option<Framing> {
        self.reports.map(|r| r.0)
    }

    fn step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        self.stepped = true;
        match (input, self.three_legs) {
            (None, _) => Ok(Step {
                token: b"NEGOTIATE".to_vec(),
                complete: false,
            }),
            (Some(b"CHALLENGE"), false) => {
                self.complete = true;
                Ok(Step {
                    token: b"AUTHENTICATE".to_vec(),
                    complete: true,
                })
            }
            (Some(b"CHALLENGE"), true) => Ok(Step {
                token: b"AUTH-LEG".to_vec(),
                complete: false,
            }),
            (Some(b"FINAL"), true) => {
                self.complete = true;
                Ok(Step {
                    token: Vec::new(),
                    complete: true,
                })
            }
            (Some(t), _) => Err(AuthError::InvalidToken(
                String::from_utf8_lossy(t).into_owned(),
            )),
        }
    }

    fn is_complete(&self) -> bool {
        self.complete
    }

    fn session_key(&self) -> Result<SessionKey, AuthError> {
        Ok(SessionKey::new(vec![7; 16]))
    }

    fn signature_len(&self) -> usize {
        16
    }

    fn protect(&mut self, level: Protection, parts: &mut [Part<'_>]) -> Result<Vec<u8>, AuthError> {
        if !self.complete {
            return Err(AuthError::State("protect before completion"));
        }
        self.record(parts);
        let (key, seq) = (self.key(true), self.send_seq);
        self.send_seq += 1;
        let sig = checksum(key, seq, parts);
        if level == Protection::Privacy {
            xor_data(key, seq, parts);
        }
        Ok(sig.to_vec())
    }

    fn unprotect(
        &mut self,
        level: Protection,
        parts: &mut [Part<'_>],
        signature: &[u8],
    ) -> Result<(), AuthError> {
        self.record(parts);
        let (key, seq) = (self.key(false), self.recv_seq);
        self.recv_seq += 1;
        if level == Protection::Privacy {
            xor_data(key, seq, parts);
        }
        if checksum(key, seq, parts)[..] != *signature {
            return Err(AuthError::BadSignature);
        }
        Ok(())
    }
}
