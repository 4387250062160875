//! Client authentication for netapi: SPNEGO ([MS-SPNG]), NTLMv2 ([MS-NLMP]) and
//! Kerberos, driven through the `sspi` crate.
//!
//! Two consumers use one trait, [`SecurityContext`]:
//! * SMB2 SESSION_SETUP ([MS-SMB2] 3.2.5.3) exchanges SPNEGO tokens with [`SecurityContext::step`]
//!   and derives its signing keys from [`SecurityContext::session_key`];
//! * DCE/RPC over TCP ([MS-RPCE] 2.2.2.11) carries raw NTLMSSP or SPNEGO tokens in the auth
//!   trailer and protects each PDU with [`SecurityContext::protect`] / [`SecurityContext::unprotect`].
//!
//! Secrets (passwords, NT hashes, session keys) live in zeroizing buffers and never appear in
//! `Debug` output or logs.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::fmt;

/// What went wrong while authenticating or protecting a message.
#[derive(Debug)]
#[non_exhaustive]
pub enum AuthError {
    /// The credentials or options are unusable before anything is sent (e.g. a malformed NT hash).
    Usage(String),
    /// The peer's token could not be parsed or does not fit the handshake.
    InvalidToken(String),
    /// The handshake failed (the mechanism rejected the peer, or the peer rejected us).
    Failed(String),
    /// The KDC could not be reached or answered with an error (Kerberos only).
    Kdc(String),
    /// A message signature did not verify.
    BadSignature,
    /// Called in the wrong state (e.g. `protect` before the handshake completed).
    State(&'static str),
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthError::Usage(m) => write!(f, "invalid credentials or options: {m}"),
            AuthError::InvalidToken(m) => write!(f, "invalid security token from peer: {m}"),
            AuthError::Failed(m) => write!(f, "authentication failed: {m}"),
            AuthError::Kdc(m) => write!(f, "Kerberos KDC error: {m}"),
            AuthError::BadSignature => f.write_str("message signature does not verify"),
            AuthError::State(m) => write!(f, "security context used in the wrong state: {m}"),
        }
    }
}

impl std::error::Error for AuthError {}

/// One step of a handshake: the token to send (possibly empty) and whether the context is
/// established on our side.
#[derive(Debug, Default)]
pub struct Step {
    /// Token for the peer; empty when there is nothing more to send.
    pub token: Vec<u8>,
    /// True once the context is complete (no further input expected).
    pub complete: bool,
}

/// Per-message protection level ([MS-RPCE] 2.2.1.1.8: integrity = `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY`,
/// privacy = `RPC_C_AUTHN_LEVEL_PKT_PRIVACY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// Sign only.
    Integrity,
    /// Sign and encrypt the [`Part::Data`] parts.
    Privacy,
}

/// A piece of a message handed to [`SecurityContext::protect`] / [`SecurityContext::unprotect`],
/// in message order.
#[derive(Debug)]
pub enum Part<'a> {
    /// Covered by the signature but never encrypted (DCE/RPC header, sec_trailer).
    SignOnly(&'a [u8]),
    /// Signed, and encrypted or decrypted in place under [`Protection::Privacy`] (stub + auth pad).
    Data(&'a mut [u8]),
}

/// An established or in-progress client security context.
///
/// `step` may perform blocking network I/O to a KDC (Kerberos only); async callers run it on a
/// blocking thread.
pub trait SecurityContext: Send {
    /// Feed the peer's last token (`None` for the first call) and get the next token to send.
    fn step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError>;
    /// True once the handshake is complete.
    fn is_complete(&self) -> bool;
    /// The session key established by the handshake ([MS-SMB2] 3.2.5.3.1 `Session.SessionKey`,
    /// the first 16 bytes are what SMB2 key derivation uses).
    fn session_key(&self) -> Result<SessionKey, AuthError>;
    /// Length in bytes of the signature (auth_value) that `protect` returns (16 for NTLM).
    fn signature_len(&self) -> usize;
    /// Sign (and under `Privacy` encrypt the data parts of) one message; returns the signature.
    fn protect(&mut self, level: Protection, parts: &mut [Part<'_>]) -> Result<Vec<u8>, AuthError>;
    /// Verify (and under `Privacy` decrypt the data parts of) one message against `signature`.
    fn unprotect(
        &mut self,
        level: Protection,
        parts: &mut [Part<'_>],
        signature: &[u8],
    ) -> Result<(), AuthError>;
}

/// Key material negotiated by a handshake. Zeroized on drop; `Debug` never prints it.
#[derive(Clone)]
pub struct SessionKey(zeroize::Zeroizing<Vec<u8>>);

impl SessionKey {
    /// Wrap key bytes.
    pub fn new(bytes: Vec<u8>) -> Self {
        SessionKey(zeroize::Zeroizing::new(bytes))
    }
    /// The key bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SessionKey(<{} bytes redacted>)", self.0.len())
    }
}
