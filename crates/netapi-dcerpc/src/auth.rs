//! Authenticated associations: the handshake legs and per-PDU protection ([MS-RPCE] 3.3.1.5.2,
//! 2.2.2.11-12; \[C706\] chapter 13).
//!
//! The first token rides in the bind, the server's answer in the bind_ack; a mechanism that is
//! done after our next token sends it in rpc_auth_3, one that needs more legs uses
//! alter_context / alter_context_resp. From then on, at PKT_INTEGRITY or PKT_PRIVACY every
//! request and response fragment carries a sec_trailer and a signature made by
//! [`SecurityContext::protect`]: the header and trailer as [`Part::SignOnly`], the stub plus its
//! padding (to a multiple of 16 bytes) as [`Part::Data`]. At CONNECT level nothing is protected.
//!
//! Which parts are signed: with header signing negotiated ([MS-RPCE] 2.2.2.3,
//! `PFC_SUPPORT_HEADER_SIGN`) always header + data + trailer. Without it, Kerberos signs the
//! data only, while NTLM's MAC always covers the whole PDU (as Windows and Samba implement it),
//! so for NTLMSSP and SPNEGO we keep the sign-only parts too.
//! Which `auth_type` the trailers carry follows the context ([MS-RPCE] 2.2.1.1.7): a context
//! whose mechanism is only known after its first token ([`netapi_auth::Mechanism::Negotiate`]
//! with raw framing picks Kerberos or NTLM then, and falls back to NTLM when the KDC cannot be
//! reached) gets its `auth_type` from [`SecurityContext::mechanism`] /
//! [`SecurityContext::framing`] before the bind is encoded, and an explicit `auth_type` that
//! contradicts the context is refused before anything is sent: a Kerberos token never travels
//! under `RPC_C_AUTHN_WINNT`.
//!
//! Left out: the verification trailer ([MS-RPCE] 2.2.2.13) and security context multiplexing.

use crate::codec::pad_len;
use crate::error::Error;
use crate::pdu::Layout;
use crate::pdu::header::Header;
use crate::pdu::trailer::{AuthLevel, AuthType, SecTrailer};
use netapi_auth::{
    AuthOptions, Credentials, Framing, Mechanism, Part, Protection, SecurityContext,
};
use std::fmt;
use std::ops::Range;

/// `auth_context_id` used unless the caller picks another.
pub const DEFAULT_AUTH_CONTEXT_ID: u32 = 1;

/// Alignment of stub + auth padding in protected request/response PDUs ([MS-RPCE] 2.2.2.11).
pub const AUTH_PAD_ALIGN: usize = 16;

/// How the association authenticates.
pub struct AuthConfig {
    /// The security provider announced in the trailer (NTLMSSP, SPNEGO, Kerberos).
    /// [`AuthType::DEFAULT`] (`RPC_C_AUTHN_DEFAULT`) means "the one the context turns out to
    /// run", resolved when the first token is produced; any other value must agree with the
    /// context (when the context says what it runs) or the bind fails before it is sent.
    pub auth_type: AuthType,
    /// `CONNECT`, `PKT_INTEGRITY` or `PKT_PRIVACY`.
    pub level: AuthLevel,
    /// The client context that produces tokens and protects PDUs.
    pub context: Box<dyn SecurityContext>,
    /// `auth_context_id` sent in every trailer.
    pub context_id: u32,
}

impl AuthConfig {
    /// An auth configuration with the default `auth_context_id`.
    pub fn new(auth_type: AuthType, level: AuthLevel, context: Box<dyn SecurityContext>) -> Self {
        AuthConfig {
            auth_type,
            level,
            context,
            context_id: DEFAULT_AUTH_CONTEXT_ID,
        }
    }

    /// An auth configuration whose `auth_type` follows `context`: 16
    /// (`RPC_C_AUTHN_GSS_KERBEROS`) for raw Kerberos, 10 (`RPC_C_AUTHN_WINNT`) for raw NTLM, 9
    /// (`RPC_C_AUTHN_GSS_NEGOTIATE`) for SPNEGO, decided when the context produces its first
    /// token.
    pub fn from_context(level: AuthLevel, context: Box<dyn SecurityContext>) -> Self {
        AuthConfig::new(AuthType::DEFAULT, level, context)
    }

    /// The security context for one association, from credentials and options: what an
    /// ncacn_ip_tcp (or ncacn_np) client announces by default.
    ///
    /// Raw framing ([MS-RPCE] 3.3.1.5.2): with `opts.mechanism` =
    /// [`Mechanism::Negotiate`] Kerberos (`auth_type` 16, DCE style) when `opts` has a KDC and
    /// a `target_host` that is a host name (the SPN is `service/target_host`) and the
    /// credentials carry a password, else NTLM (`auth_type` 10); a Kerberos attempt whose KDC
    /// cannot be reached falls back to NTLM. [`Mechanism::Ntlm`] and [`Mechanism::Kerberos`]
    /// are taken as asked; Kerberos without a usable target host or KDC is an
    /// [`Error::Auth`] usage error here, before anything is sent. The context asks for what
    /// `level` needs (Kerberos: confidentiality only at `PKT_PRIVACY`), so PKT_INTEGRITY and
    /// PKT_PRIVACY both work with every mechanism. `service` is the SPN class (`"host"`).
    ///
    /// `level` must be `CONNECT`, `PKT` / `CALL` / `PKT_INTEGRITY` (all integrity) or
    /// `PKT_PRIVACY`.
    pub fn for_rpc(
        creds: &Credentials,
        opts: &AuthOptions,
        service: &str,
        level: AuthLevel,
    ) -> Result<AuthConfig, Error> {
        let protection = match level {
            AuthLevel::CONNECT => None,
            AuthLevel::PKT | AuthLevel::CALL | AuthLevel::PKT_INTEGRITY => {
                Some(Protection::Integrity)
            }
            AuthLevel::PKT_PRIVACY => Some(Protection::Privacy),
            _ => {
                return Err(Error::Usage(
                    "auth level must be CONNECT, PKT_INTEGRITY or PKT_PRIVACY with a security context",
                ));
            }
        };
        let context =
            netapi_auth::rpc_client_context(creds, opts, service, Framing::Raw, protection)?;
        Ok(AuthConfig::from_context(level, context))
    }
}

/// The `auth_type` a context's tokens belong to, when the context says what it runs.
pub fn auth_type_of(context: &dyn SecurityContext) -> Option<AuthType> {
    match (context.framing()?, context.mechanism()) {
        (Framing::Spnego, _) => Some(AuthType::SPNEGO),
        (Framing::Raw, Some(Mechanism::Kerberos)) => Some(AuthType::KERBEROS),
        (Framing::Raw, Some(Mechanism::Ntlm)) => Some(AuthType::NTLMSSP),
        (Framing::Raw, _) => None,
    }
}

impl fmt::Debug for AuthConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthConfig")
            .field("auth_type", &self.auth_type)
            .field("level", &self.level)
            .field("context_id", &self.context_id)
            .finish_non_exhaustive()
    }
}

/// What the handshake needs next after a step.
pub(crate) enum AuthNext {
    /// Nothing more to send.
    Done,
    /// Send this token in rpc_auth_3 (no answer follows).
    Auth3(Vec<u8>),
    /// Send this token in an alter_context and wait for alter_context_resp.
    AlterContext(Vec<u8>),
}

/// The security side of an association.
pub(crate) struct AuthState {
    pub cfg: AuthConfig,
    /// Both sides agreed on header signing.
    pub header_signing: bool,
    /// `cfg.auth_type` has been checked against (or taken from) the context.
    resolved: bool,
}

impl AuthState {
    pub(crate) fn new(cfg: AuthConfig) -> Result<AuthState, Error> {
        match cfg.level {
            AuthLevel::CONNECT | AuthLevel::PKT_INTEGRITY | AuthLevel::PKT_PRIVACY => {}
            _ => {
                return Err(Error::Usage(
                    "auth level must be CONNECT, PKT_INTEGRITY or PKT_PRIVACY with a security context",
                ));
            }
        }
        Ok(AuthState {
            cfg,
            header_signing: false,
            resolved: false,
        })
    }

    /// Protection applied to request/response PDUs, if any.
    pub(crate) fn protection(&self) -> Option<Protection> {
        match self.cfg.level {
            AuthLevel::PKT_PRIVACY => Some(Protection::Privacy),
            AuthLevel::PKT_INTEGRITY | AuthLevel::PKT | AuthLevel::CALL => {
                Some(Protection::Integrity)
            }
            _ => None,
        }
    }

    /// Whether header and sec_trailer are handed to the context as sign-only parts.
    fn signs_header(&self) -> bool {
        self.header_signing || self.cfg.auth_type != AuthType::KERBEROS
    }

    pub(crate) fn trailer(&self, pad_length: u8) -> SecTrailer {
        SecTrailer {
            auth_type: self.cfg.auth_type,
            auth_level: self.cfg.level,
            pad_length,
            reserved: 0,
            context_id: self.cfg.context_id,
        }
    }

    /// After the first token: take `auth_type` from the context, or check that the configured
    /// one names the mechanism the context actually runs.
    fn resolve_auth_type(&mut self) -> Result<(), Error> {
        let actual = auth_type_of(self.cfg.context.as_ref());
        match (self.cfg.auth_type, actual) {
            (AuthType::DEFAULT, Some(t)) => self.cfg.auth_type = t,
            (AuthType::DEFAULT, None) => {
                return Err(Error::Usage(
                    "auth_type DEFAULT needs a security context that reports its mechanism and framing",
                ));
            }
            (configured, Some(t)) if configured != t => {
                return Err(Error::Usage(
                    "the configured auth_type does not name the mechanism the security context runs",
                ));
            }
            _ => {}
        }
        self.resolved = true;
        Ok(())
    }

    /// The `auth_type` in our trailers (`DEFAULT` until the first token resolved it).
    pub(crate) fn auth_type(&self) -> AuthType {
        self.cfg.auth_type
    }

    /// One handshake step: feed the peer's token (`None` first) and decide the next leg.
    pub(crate) fn step(&mut self, input: Option<&[u8]>) -> Result<AuthNext, Error> {
        let step = self.cfg.context.step(input)?;
        if !self.resolved {
            self.resolve_auth_type()?;
        }
        let complete = step.complete || self.cfg.context.is_complete();
        match (step.token.is_empty(), complete) {
            (false, true) => Ok(AuthNext::Auth3(step.token)),
            (false, false) => Ok(AuthNext::AlterContext(step.token)),
            (true, true) => Ok(AuthNext::Done),
            (true, false) => Err(Error::AuthTrailer(
                "the security context needs another leg but gave no token",
            )),
        }
    }

    /// Checks that a received trailer belongs to our security context.
    pub(crate) fn check_trailer(&self, t: &SecTrailer) -> Result<(), Error> {
        if t.auth_type != self.cfg.auth_type {
            return Err(Error::AuthTrailer(
                "auth_type differs from the negotiated one",
            ));
        }
        if t.auth_level != self.cfg.level {
            return Err(Error::AuthTrailer(
                "auth_level differs from the negotiated one",
            ));
        }
        if t.context_id != self.cfg.context_id {
            return Err(Error::AuthTrailer("auth_context_id differs from ours"));
        }
        Ok(())
    }

    /// Length of the signature of a protected PDU at this association's level.
    fn signature_len(&self) -> usize {
        match self.protection() {
            Some(level) => self.cfg.context.signature_len_at(level),
            None => self.cfg.context.signature_len(),
        }
    }

    /// Upper bound of what protection adds to a fragment besides the padding.
    pub(crate) fn overhead(&self) -> usize {
        SecTrailer::LEN + self.signature_len()
    }

    /// Pads the stub (from `data_start` to the end of `frame`) to [`AUTH_PAD_ALIGN`], appends the
    /// sec_trailer and the signature, and fixes both lengths in the header.
    pub(crate) fn seal(&mut self, frame: &mut Vec<u8>, data_start: usize) -> Result<(), Error> {
        let level = self
            .protection()
            .ok_or(Error::Usage("no per-PDU protection at this level"))?;
        let pad = pad_len(frame.len() - data_start, AUTH_PAD_ALIGN);
        frame.resize(frame.len() + pad, 0);
        let trailer_start = frame.len();
        self.trailer(pad as u8).encode_into(frame);
        let sig_len = self.signature_len();
        let frag_length = u16::try_from(frame.len() + sig_len)
            .map_err(|_| Error::Usage("protected fragment longer than 65535 bytes"))?;
        let auth_length = u16::try_from(sig_len)
            .map_err(|_| Error::AuthTrailer("signature longer than 65535 bytes"))?;
        Header::patch_lengths(frame, frag_length, auth_length);
        let signs_header = self.signs_header();
        let sig = {
            let (head, rest) = frame.split_at_mut(data_start);
            let (data, trailer) = rest.split_at_mut(trailer_start - data_start);
            let mut parts = if signs_header {
                vec![
                    Part::SignOnly(head),
                    Part::Data(data),
                    Part::SignOnly(trailer),
                ]
            } else {
                vec![Part::Data(data)]
            };
            self.cfg.context.protect(level, &mut parts)?
        };
        if sig.len() != sig_len {
            return Err(Error::AuthTrailer(
                "signature length differs from signature_len()",
            ));
        }
        frame.extend_from_slice(&sig);
        Ok(())
    }

    /// Verifies (and under privacy decrypts in place) one received fragment whose stub starts at
    /// `data_start`; returns the range of the plain stub, padding removed.
    pub(crate) fn open(
        &mut self,
        frame: &mut [u8],
        data_start: usize,
        lay: &Layout,
    ) -> Result<Range<usize>, Error> {
        let level = self.protection();
        let Some((trailer_start, trailer)) = lay.trailer else {
            if level.is_some() {
                return Err(Error::AuthTrailer(
                    "unprotected PDU on a signed or sealed association",
                ));
            }
            return Ok(data_start..frame.len());
        };
        if trailer_start < data_start || lay.body_end < data_start {
            return Err(Error::AuthPadLength {
                pad: trailer.pad_length,
                available: trailer_start.saturating_sub(data_start),
            });
        }
        let Some(level) = level else {
            // CONNECT: a trailer may come along; there is nothing to verify.
            return Ok(data_start..lay.body_end);
        };
        self.check_trailer(&trailer)?;
        let sig_start = trailer_start + SecTrailer::LEN;
        let signature = frame[sig_start..].to_vec();
        let signs_header = self.signs_header();
        let (head, rest) = frame.split_at_mut(data_start);
        let (data, rest) = rest.split_at_mut(trailer_start - data_start);
        let trailer_bytes = &rest[..SecTrailer::LEN];
        let mut parts = if signs_header {
            vec![
                Part::SignOnly(head),
                Part::Data(data),
                Part::SignOnly(trailer_bytes),
            ]
        } else {
            vec![Part::Data(data)]
        };
        self.cfg.context.unprotect(level, &mut parts, &signature)?;
        Ok(data_start..lay.body_end)
    }
}
