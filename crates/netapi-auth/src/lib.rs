//! Client authentication for netapi: SPNEGO ([MS-SPNG]), NTLMv2 ([MS-NLMP]) and
//! Kerberos, driven through the `sspi` crate.
//!
//! Two consumers use one trait, [`SecurityContext`]:
//! * SMB2 SESSION_SETUP ([MS-SMB2] 3.2.5.3) exchanges SPNEGO tokens with [`SecurityContext::step`]
//!   and derives its signing keys from [`SecurityContext::session_key`];
//! * DCE/RPC ([MS-RPCE] 2.2.2.11) carries raw NTLMSSP, DCE-style Kerberos or SPNEGO tokens in
//!   the auth trailer and protects each PDU with [`SecurityContext::protect`] /
//!   [`SecurityContext::unprotect`]; [`rpc_client_context`] builds a context for one
//!   association's protection level, and [`SecurityContext::mechanism`] /
//!   [`SecurityContext::framing`] tell which `auth_type` its tokens belong to.
//!
//! Secrets (passwords, NT hashes, session keys) live in zeroizing buffers and never appear in
//! `Debug` output or logs.
//!
//! Start at [`client_context`] (SMB2) or [`rpc_client_context`] (DCE/RPC): [`Credentials`] +
//! [`AuthOptions`] + an SPN service class + [`Framing`] give a `Box<dyn SecurityContext>`.
//! Modules: [`credentials`] (identity and secret, user-name forms), [`options`] (mechanism,
//! KDC, SPN host, discovery), `context` (the sspi driver), [`spnego`] (hint and NegTokenResp
//! inspection), [`ntlm`] (NTLM header facts), `anonymous` (the null-session NTLM exchange,
//! which sspi cannot send), [`kerberos`] (realm, SPN, KRB-ERROR codes), [`kdc_client`] (KDC
//! over TCP), [`locate`] (finding the KDC: options, krb5.conf, DNS SRV), [`dns`] (SRV/A
//! lookups against one resolver), [`krb5conf`] (krb5.conf), [`ccache`] and [`keytab`] (MIT's
//! file formats), `cache_kdc` (answering sspi's KDC requests from a credential cache),
//! `rc4` and `krb_rc4` (RC4-HMAC and the AS/TGS exchanges for an RC4 key: an RC4-only keytab
//! or an NT hash, which sspi's AES-only Kerberos cannot use), `protect` (per-message
//! sign/seal), `mic` (Kerberos MIC tokens, RFC 4121, which sspi lacks), `be` (the bounded
//! reader of the Kerberos files). Left out: KCM and keyring caches, Kerberos inside SPNEGO over
//! DCE/RPC, NEGOEX, UDP and KDC proxy transports, cross-realm referrals.
//!
//! Logging uses `tracing`; our events carry no secret. sspi's own spans at `DEBUG`/`TRACE`
//! print message buffers and tokens in hex: see [`logging`] for the filter to apply.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::fmt;
use std::time::Duration;

mod anonymous;
mod be;
mod cache_kdc;
pub mod ccache;
mod context;
pub mod credentials;
pub mod dns;
pub mod kdc_client;
pub mod kerberos;
pub mod keytab;
pub mod krb5conf;
mod krb_rc4;
pub mod locate;
pub mod logging;
mod mic;
pub mod ntlm;
pub mod options;
mod protect;
mod rc4;
pub mod spnego;

pub use credentials::{Credentials, UserName, split_user_name};
pub use kerberos::KrbErrorCode;
pub use mic::KERBEROS_MIC_LEN;
pub use options::{AuthOptions, Discovery, Framing, Mechanism};
pub use protect::{KERBEROS_AES_SIGNATURE_LEN, NTLM_SIGNATURE_LEN};

/// What went wrong while authenticating or protecting a message.
#[derive(Debug)]
#[non_exhaustive]
pub enum AuthError {
    /// The credentials or options are unusable before anything is sent (e.g. a malformed NT hash).
    Usage(String),
    /// There are no usable credentials: no ticket cache, an empty or unreadable one, no TGT
    /// and no ticket for the service in it, no key for the principal in a keytab
    /// (Windows: `SEC_E_NO_CREDENTIALS`).
    NoCredentials(String),
    /// The credentials have expired: the cached TGT is past its end time, or the KDC said the
    /// ticket expired (Windows: `SEC_E_CONTEXT_EXPIRED`; run `kinit` again).
    CredentialsExpired(String),
    /// The peer's token could not be parsed or does not fit the handshake.
    InvalidToken(String),
    /// The handshake failed (the mechanism rejected the peer, or the peer rejected us).
    Failed(String),
    /// The KDC could not be used: connection refused or reset, malformed or oversized reply, or
    /// a request to another host (Kerberos only).
    Kdc(String),
    /// The KDC did not answer within [`AuthOptions::timeout`].
    KdcTimeout {
        /// The KDC address.
        kdc: String,
        /// The timeout that expired.
        after: Duration,
    },
    /// The KDC answered with a KRB-ERROR (RFC 4120 5.9.1), e.g. `KDC_ERR_PREAUTH_FAILED` for a
    /// wrong password or `KDC_ERR_C_PRINCIPAL_UNKNOWN` for an unknown user.
    KdcRejected {
        /// The error code.
        code: KrbErrorCode,
        /// The KDC's `e-text`, if any.
        text: Option<String>,
    },
    /// A message signature did not verify.
    BadSignature,
    /// Called in the wrong state (e.g. `protect` before the handshake completed).
    State(&'static str),
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthError::Usage(m) => write!(f, "invalid credentials or options: {m}"),
            AuthError::NoCredentials(m) => write!(f, "no usable credentials: {m}"),
            AuthError::CredentialsExpired(m) => write!(f, "credentials expired: {m}"),
            AuthError::InvalidToken(m) => write!(f, "invalid security token from peer: {m}"),
            AuthError::Failed(m) => write!(f, "authentication failed: {m}"),
            AuthError::Kdc(m) => write!(f, "Kerberos KDC error: {m}"),
            AuthError::KdcTimeout { kdc, after } => {
                write!(f, "Kerberos KDC {kdc} did not answer within {after:?}")
            }
            AuthError::KdcRejected {
                code,
                text: Some(t),
            } => write!(f, "Kerberos KDC refused: {code} ({t})"),
            AuthError::KdcRejected { code, text: None } => {
                write!(f, "Kerberos KDC refused: {code}")
            }
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
    /// Length in bytes of the signature (auth_value) that `protect` returns at the level the
    /// context was built for (16 for NTLM; for Kerberos 76 at privacy, 28 at integrity).
    fn signature_len(&self) -> usize;
    /// Length of the signature `protect` returns at `level` (Kerberos: a Wrap token header at
    /// privacy, a MIC token at integrity). Defaults to [`SecurityContext::signature_len`].
    fn signature_len_at(&self, level: Protection) -> usize {
        let _ = level;
        self.signature_len()
    }
    /// Sign (and under `Privacy` encrypt the data parts of) one message; returns the signature.
    fn protect(&mut self, level: Protection, parts: &mut [Part<'_>]) -> Result<Vec<u8>, AuthError>;
    /// Verify (and under `Privacy` decrypt the data parts of) one message against `signature`.
    fn unprotect(
        &mut self,
        level: Protection,
        parts: &mut [Part<'_>],
        signature: &[u8],
    ) -> Result<(), AuthError>;
    /// The mechanism in use once the first token was produced (`None` before, or if unknown).
    fn mechanism(&self) -> Option<Mechanism> {
        None
    }
    /// How the tokens are framed (`None` if unknown). With [`SecurityContext::mechanism`] this
    /// names the DCE/RPC `auth_type`: `Raw` + NTLM = 10, `Raw` + Kerberos = 16, `Spnego` = 9.
    fn framing(&self) -> Option<Framing> {
        None
    }
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

/// A client security context for `service` (SPN class: `"cifs"` for SMB2, `"host"` or `"rpcss"`
/// style classes for RPC) on the host named by [`AuthOptions::target_host`].
///
/// * `Framing::Spnego`: the first [`SecurityContext::step`] takes `None` or the server's
///   SPNEGO hint (the security buffer of the SMB2 NEGOTIATE response); then each server token in
///   turn. With NTLM the server's last token (accept-completed + mechListMIC) must be passed and
///   verifies; [`SecurityContext::session_key`] is available as soon as the AUTHENTICATE message
///   was produced, before that last token (SMB2 needs it to check the final response's signature).
/// * `Framing::Raw`: bare NTLMSSP messages (DCE/RPC `auth_type` 10) or DCE-style
///   AP-REQ/AP-REP (`auth_type` 16). `Mechanism::Negotiate` picks Kerberos when the options
///   allow it (a target host name, and a ticket cache, a keytab, or a password with a KDC) and
///   NTLM otherwise, falling back to NTLM when a password logon cannot reach the KDC for the
///   first token; [`SecurityContext::mechanism`] then says which one runs, and so which
///   `auth_type` the caller must announce.
///
/// [`Credentials::anonymous`] gives the null-session NTLM context ([MS-NLMP] 3.1.5.1.2): it
/// has no session key and cannot protect messages.
///
/// A Kerberos context from this function asks for confidentiality and integrity and sizes its
/// signatures for privacy; for DCE/RPC use [`rpc_client_context`], which fits the GSS flags to
/// the association's protection level.
///
/// Kerberos finds its KDC ([`locate`]) and talks to it during `step` (blocking, bounded by
/// [`AuthOptions::timeout`] per lookup and exchange). A ticket cache or keytab is read when the
/// context is created, so a missing or expired one fails here, before anything is sent.
pub fn client_context(
    creds: &Credentials,
    opts: &AuthOptions,
    service: &str,
    framing: Framing,
) -> Result<Box<dyn SecurityContext>, AuthError> {
    if creds.is_anonymous() {
        return anonymous_context(opts, framing);
    }
    Ok(Box::new(context::SspiClient::new(
        creds,
        opts,
        service,
        framing,
        context::Use::Any,
    )?))
}

/// The null-session context for [`Credentials::anonymous`]: NTLM only.
fn anonymous_context(
    opts: &AuthOptions,
    framing: Framing,
) -> Result<Box<dyn SecurityContext>, AuthError> {
    if opts.mechanism == Mechanism::Kerberos {
        return Err(AuthError::Usage(
            "Kerberos has no anonymous logon; a null session uses NTLM".to_owned(),
        ));
    }
    Ok(Box::new(anonymous::AnonymousNtlm::new(framing)))
}

/// A client context for one DCE/RPC association ([MS-RPCE] 3.3.1.5.2) that protects its PDUs
/// at `level` (`None`: `RPC_C_AUTHN_LEVEL_CONNECT`, nothing protected).
///
/// Like [`client_context`], plus:
/// * Kerberos (`Framing::Raw`, DCE style, `auth_type` 16) asks for confidentiality in the
///   authenticator's GSS flags only at [`Protection::Privacy`], as Windows does: an acceptor
///   sizes its signatures from those flags ([MS-KILE] 3.4.5.4 / 3.4.5.5), and Samba refuses to
///   sign PKT_INTEGRITY responses for a context that asked for confidentiality. At
///   [`Protection::Integrity`] every PDU carries an RFC 4121 MIC token (28 bytes).
/// * Kerberos inside SPNEGO is refused (`Mechanism::Kerberos` with `Framing::Spnego` is a usage
///   error, `Mechanism::Negotiate` runs NTLM inside SPNEGO): this crate's SPNEGO framing is
///   SMB2's GSS-wrapped AP-REQ, not the DCE style an RPC acceptor expects.
pub fn rpc_client_context(
    creds: &Credentials,
    opts: &AuthOptions,
    service: &str,
    framing: Framing,
    level: Option<Protection>,
) -> Result<Box<dyn SecurityContext>, AuthError> {
    if creds.is_anonymous() {
        if level.is_some() {
            return Err(AuthError::Usage(
                "a null session cannot sign or seal: use CONNECT level or no authentication"
                    .to_owned(),
            ));
        }
        return anonymous_context(opts, framing);
    }
    let usage = match level {
        None => context::Use::RpcConnect,
        Some(Protection::Integrity) => context::Use::RpcIntegrity,
        Some(Protection::Privacy) => context::Use::RpcPrivacy,
    };
    Ok(Box::new(context::SspiClient::new(
        creds, opts, service, framing, usage,
    )?))
}
