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
//! Left out: the verification trailer ([MS-RPCE] 2.2.2.13) and security context multiplexing.

use crate::codec::pad_len;
use crate::error::Error;
use crate::pdu::Layout;
use crate::pdu::header::Header;
use crate::pdu::trailer::{AuthLevel, AuthType, SecTrailer};
use netapi_auth::{Part, Protection, SecurityContext};
use std::fmt;
use std::ops::Range;

/// `auth_context_id` used unless the caller picks another.
pub const DEFAULT_AUTH_CONTEXT_ID: u32 = 1;

/// Alignment of stub + auth padding in protected request/response PDUs ([MS-RPCE] 2.2.2.11).
pub const AUTH_PAD_ALIGN: usize = 16;

/// How the association authenticates.
pub struct AuthConfig {
    /// The security provider announced in the trailer (NTLMSSP, SPNEGO, Kerberos).
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

    /// One handshake step: feed the peer's token (`None` first) and decide the next leg.
    pub(crate) fn step(&mut self, input: Option<&[u8]>) -> Result<AuthNext, Error> {
        let step = self.cfg.context.step(input)?;
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

    /// Upper bound of what protection adds to a fragment besides the padding.
    pub(crate) fn overhead(&self) -> usize {
        SecTrailer::LEN + self.cfg.context.signature_len()
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
        let sig_len = self.cfg.context.signature_len();
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
