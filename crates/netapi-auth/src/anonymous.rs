//! The anonymous (null session) NTLM exchange ([MS-NLMP] 3.1.5.1.2, 3.2.5.1.2), which sspi's
//! NTLM client cannot produce.
//!
//! NEGOTIATE (2.2.1.1) asks for Unicode, NTLM and extended session security and no signing or
//! sealing; the server's CHALLENGE (2.2.1.2) is checked for its signature and type only; the
//! AUTHENTICATE (2.2.1.3) carries empty user, domain and workstation names, an
//! `LmChallengeResponse` of one zero byte (`Z(1)`), an empty `NtChallengeResponse`, no
//! encrypted session key, and `NTLMSSP_NEGOTIATE_ANONYMOUS`. There is no session key, so no
//! MIC, no mechListMIC, no signing and no sealing: [`SecurityContext::session_key`],
//! `protect` and `unprotect` fail. With `Framing::Spnego` the tokens travel in a NegTokenInit
//! with NTLMSSP as the only mechanism and in NegTokenResps (RFC 4178 4.2); the server's last
//! `accept-completed` is accepted without a mechListMIC, as [MS-SPNG] 3.2.5.1 allows when no
//! key was established. SMB2 marks such a session `SMB2_SESSION_FLAG_IS_NULL` ([MS-SMB2]
//! 2.2.6); a server that refuses null sessions answers `STATUS_ACCESS_DENIED` or
//! `STATUS_LOGON_FAILURE` at SESSION_SETUP or TREE_CONNECT. Nothing here is secret.

use crate::ntlm::{NTLMSSP_SIGNATURE, NegotiateFlags};
use crate::options::{Framing, Mechanism};
use crate::spnego::{self, NegState, OID_NTLMSSP};
use crate::{AuthError, NTLM_SIGNATURE_LEN, Part, Protection, SecurityContext, SessionKey, Step};

/// DER content of OID 1.3.6.1.5.5.2 (SPNEGO).
const OID_SPNEGO: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x02];

/// Flags of our NEGOTIATE: OEM (0x2) as well as Unicode, as Windows sends.
const NEGOTIATE_FLAGS: u32 = NegotiateFlags::UNICODE
    | 0x0000_0002
    | NegotiateFlags::REQUEST_TARGET
    | NegotiateFlags::NTLM
    | NegotiateFlags::ALWAYS_SIGN
    | NegotiateFlags::EXTENDED_SESSIONSECURITY
    | NegotiateFlags::N128
    | NegotiateFlags::N56;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Start,
    Challenged,
    Complete,
    Failed,
}

/// The anonymous NTLM client context.
#[derive(Debug)]
pub(crate) struct AnonymousNtlm {
    framing: Framing,
    phase: Phase,
}

impl AnonymousNtlm {
    pub(crate) fn new(framing: Framing) -> Self {
        AnonymousNtlm {
            framing,
            phase: Phase::Start,
        }
    }

    fn fail<T>(&mut self, e: AuthError) -> Result<T, AuthError> {
        self.phase = Phase::Failed;
        tracing::debug!(error = %e, "anonymous NTLM failed");
        Err(e)
    }
}

/// The NEGOTIATE message (no domain, no workstation, no version).
pub(crate) fn negotiate_message() -> Vec<u8> {
    let mut m = NTLMSSP_SIGNATURE.to_vec();
    m.extend(1u32.to_le_bytes());
    m.extend(NEGOTIATE_FLAGS.to_le_bytes());
    // DomainNameFields and WorkstationFields: empty, offset at the end of the header.
    for _ in 0..2 {
        m.extend(0u16.to_le_bytes());
        m.extend(0u16.to_le_bytes());
        m.extend(32u32.to_le_bytes());
    }
    m
}

/// The flags of a CHALLENGE message, after checking that it is one.
pub(crate) fn challenge_flags(challenge: &[u8]) -> Result<u32, AuthError> {
    let bad = |m: &str| AuthError::InvalidToken(format!("NTLM CHALLENGE: {m}"));
    if challenge.len() < 32 {
        return Err(bad("shorter than its fixed part"));
    }
    if &challenge[..8] != NTLMSSP_SIGNATURE {
        return Err(bad("no NTLMSSP signature"));
    }
    if challenge[8..12] != 2u32.to_le_bytes() {
        return Err(bad("not a CHALLENGE (message type 2)"));
    }
    let flags = u32::from_le_bytes([challenge[20], challenge[21], challenge[22], challenge[23]]);
    Ok(flags)
}

/// The anonymous AUTHENTICATE message answering a CHALLENGE with `server_flags`.
pub(crate) fn authenticate_message(server_flags: u32) -> Vec<u8> {
    let charset = if server_flags & NegotiateFlags::UNICODE != 0 {
        NegotiateFlags::UNICODE
    } else {
        0x0000_0002 // OEM
    };
    let flags = charset
        | NegotiateFlags::NTLM
        | NegotiateFlags::ANONYMOUS
        | (server_flags
            & (NegotiateFlags::EXTENDED_SESSIONSECURITY
                | NegotiateFlags::ALWAYS_SIGN
                | NegotiateFlags::REQUEST_TARGET
                | NegotiateFlags::N128
                | NegotiateFlags::N56));
    const HEADER: u32 = 64;
    let field = |m: &mut Vec<u8>, len: u16, offset: u32| {
        m.extend(len.to_le_bytes());
        m.extend(len.to_le_bytes());
        m.extend(offset.to_le_bytes());
    };
    let mut m = NTLMSSP_SIGNATURE.to_vec();
    m.extend(3u32.to_le_bytes());
    field(&mut m, 1, HEADER); // LmChallengeResponse: Z(1)
    field(&mut m, 0, HEADER + 1); // NtChallengeResponse: empty
    field(&mut m, 0, HEADER + 1); // DomainName
    field(&mut m, 0, HEADER + 1); // UserName
    field(&mut m, 0, HEADER + 1); // Workstation
    field(&mut m, 0, HEADER + 1); // EncryptedRandomSessionKey
    m.extend(flags.to_le_bytes());
    m.push(0);
    m
}

/// `[APPLICATION 0] { SPNEGO-OID, [0] NegTokenInit { [0] mechTypes { NTLMSSP }, [2] mechToken } }`.
fn neg_token_init(mech_token: &[u8]) -> Vec<u8> {
    let mechs = tlv(0xa0, &tlv(0x30, &tlv(0x06, OID_NTLMSSP)));
    let mut fields = mechs;
    fields.extend(tlv(0xa2, &tlv(0x04, mech_token)));
    let mut gss = tlv(0x06, OID_SPNEGO);
    gss.extend(tlv(0xa0, &tlv(0x30, &fields)));
    tlv(0x60, &gss)
}

/// `[1] NegTokenResp { [2] responseToken }`.
fn neg_token_resp(token: &[u8]) -> Vec<u8> {
    tlv(0xa1, &tlv(0x30, &tlv(0xa2, &tlv(0x04, token))))
}

/// A DER TLV with a definite length.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes = (n as u32).to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (4 - skip) as u8);
        out.extend(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

impl SecurityContext for AnonymousNtlm {
    fn step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        match self.phase {
            Phase::Start => {
                if let (Framing::Spnego, Some(hint)) = (self.framing, input)
                    && !hint.is_empty()
                {
                    let hint = spnego::parse_hint(hint)?;
                    if !hint.ntlm {
                        return self.fail(AuthError::Failed(
                            "the server does not offer NTLM, which a null session needs".into(),
                        ));
                    }
                } else if self.framing == Framing::Raw && input.is_some() {
                    return Err(AuthError::State(
                        "Raw framing: the first step takes no input token",
                    ));
                }
                let negotiate = negotiate_message();
                self.phase = Phase::Challenged;
                tracing::debug!(framing = ?self.framing, "anonymous NTLM: NEGOTIATE");
                Ok(Step {
                    token: match self.framing {
                        Framing::Spnego => neg_token_init(&negotiate),
                        Framing::Raw => negotiate,
                    },
                    complete: false,
                })
            }
            Phase::Challenged => {
                let Some(input) = input else {
                    return Err(AuthError::State(
                        "the handshake expects the server's CHALLENGE",
                    ));
                };
                let challenge = match self.framing {
                    Framing::Raw => input.to_vec(),
                    Framing::Spnego => {
                        let info = match spnego::inspect_resp(input) {
                            Ok(i) => i,
                            Err(e) => return self.fail(e),
                        };
                        if info.neg_state == Some(NegState::Reject) {
                            return self.fail(AuthError::Failed(
                                "the server rejected the null session (SPNEGO reject)".into(),
                            ));
                        }
                        match spnego::response_token(input) {
                            Ok(Some(t)) => t,
                            Ok(None) => {
                                return self.fail(AuthError::InvalidToken(
                                    "SPNEGO NegTokenResp without the NTLM CHALLENGE".into(),
                                ));
                            }
                            Err(e) => return self.fail(e),
                        }
                    }
                };
                let flags = match challenge_flags(&challenge) {
                    Ok(f) => f,
                    Err(e) => return self.fail(e),
                };
                let auth = authenticate_message(flags);
                self.phase = Phase::Complete;
                tracing::debug!(server_flags = ?NegotiateFlags(flags), "anonymous NTLM: AUTHENTICATE");
                Ok(Step {
                    token: match self.framing {
                        Framing::Spnego => neg_token_resp(&auth),
                        Framing::Raw => auth,
                    },
                    complete: true,
                })
            }
            Phase::Complete => {
                // The server's final NegTokenResp: accept-completed, nothing else to check
                // (no key, so no mechListMIC).
                if let (Framing::Spnego, Some(t)) = (self.framing, input) {
                    let info = spnego::inspect_resp(t)?;
                    if info.neg_state == Some(NegState::Reject) {
                        return self.fail(AuthError::Failed(
                            "the server rejected the null session (SPNEGO reject)".into(),
                        ));
                    }
                    return Ok(Step {
                        token: Vec::new(),
                        complete: true,
                    });
                }
                Err(AuthError::State("the handshake is already complete"))
            }
            Phase::Failed => Err(AuthError::State("the handshake failed earlier")),
        }
    }

    fn is_complete(&self) -> bool {
        self.phase == Phase::Complete
    }

    fn session_key(&self) -> Result<SessionKey, AuthError> {
        Err(AuthError::State("a null session has no session key"))
    }

    fn signature_len(&self) -> usize {
        NTLM_SIGNATURE_LEN
    }

    fn protect(&mut self, _: Protection, _: &mut [Part<'_>]) -> Result<Vec<u8>, AuthError> {
        Err(AuthError::State(
            "a null session cannot sign or seal (use RPC_C_AUTHN_LEVEL_NONE or CONNECT)",
        ))
    }

    fn unprotect(&mut self, _: Protection, _: &mut [Part<'_>], _: &[u8]) -> Result<(), AuthError> {
        Err(AuthError::State(
            "a null session cannot sign or seal (use RPC_C_AUTHN_LEVEL_NONE or CONNECT)",
        ))
    }

    fn mechanism(&self) -> Option<Mechanism> {
        Some(Mechanism::Ntlm)
    }

    fn framing(&self) -> Option<Framing> {
        Some(self.framing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ntlm::{MessageType, message_flags};

    /// A CHALLENGE as Samba sends it: Unicode, NTLM, extended session security, target info.
    fn challenge() -> Vec<u8> {
        let mut c = NTLMSSP_SIGNATURE.to_vec();
        c.extend(2u32.to_le_bytes());
        c.extend([0, 0, 0, 0, 56, 0, 0, 0]); // TargetNameFields
        let flags = NegotiateFlags::UNICODE
            | NegotiateFlags::NTLM
            | NegotiateFlags::EXTENDED_SESSIONSECURITY
            | NegotiateFlags::TARGET_INFO
            | NegotiateFlags::N128
            | NegotiateFlags::KEY_EXCH
            | NegotiateFlags::SIGN;
        c.extend(flags.to_le_bytes());
        c.extend([0x11; 8]); // ServerChallenge
        c.extend([0; 8]); // Reserved
        c.extend([0, 0, 0, 0, 56, 0, 0, 0]); // TargetInfoFields
        c
    }

    #[test]
    fn raw_exchange_sends_the_anonymous_authenticate() {
        let mut ctx = AnonymousNtlm::new(Framing::Raw);
        let neg = ctx.step(None).unwrap();
        assert_eq!(
            message_flags(&neg.token).map(|(t, _)| t),
            Some(MessageType::Negotiate)
        );
        let auth = ctx.step(Some(&challenge())).unwrap();
        assert!(auth.complete && ctx.is_complete());
        let (kind, flags) = message_flags(&auth.token).unwrap();
        assert_eq!(kind, MessageType::Authenticate);
        assert!(flags.contains(NegotiateFlags::ANONYMOUS | NegotiateFlags::UNICODE));
        // Neither key exchange nor signing: there is no key.
        assert!(!flags.contains(NegotiateFlags::KEY_EXCH) && !flags.contains(NegotiateFlags::SIGN));
        let t = &auth.token;
        let field = |at: usize| {
            (
                u16::from_le_bytes([t[at], t[at + 1]]),
                u32::from_le_bytes([t[at + 4], t[at + 5], t[at + 6], t[at + 7]]) as usize,
            )
        };
        let (lm_len, lm_off) = field(12);
        assert_eq!((lm_len, t[lm_off]), (1, 0), "LmChallengeResponse is Z(1)");
        for at in [20, 28, 36, 44, 52] {
            assert_eq!(field(at).0, 0, "field at {at} is empty");
        }
        assert!(ctx.session_key().is_err());
        assert!(ctx.protect(Protection::Integrity, &mut []).is_err());
    }

    #[test]
    fn spnego_exchange_wraps_and_unwraps() {
        let mut ctx = AnonymousNtlm::new(Framing::Spnego);
        let init = ctx.step(None).unwrap();
        assert_eq!(init.token[0], 0x60);
        let server = tlv(
            0xa1,
            &tlv(0x30, &{
                let mut f = tlv(0xa0, &tlv(0x0a, &[1]));
                f.extend(tlv(0xa1, &tlv(0x06, OID_NTLMSSP)));
                f.extend(tlv(0xa2, &tlv(0x04, &challenge())));
                f
            }),
        );
        let resp = ctx.step(Some(&server)).unwrap();
        assert_eq!(resp.token[0], 0xa1);
        assert!(resp.complete);
        let done = tlv(0xa1, &tlv(0x30, &tlv(0xa0, &tlv(0x0a, &[0]))));
        assert!(ctx.step(Some(&done)).unwrap().complete);
        // A reject instead: a failure.
        let mut ctx = AnonymousNtlm::new(Framing::Spnego);
        ctx.step(None).unwrap();
        let reject = tlv(0xa1, &tlv(0x30, &tlv(0xa0, &tlv(0x0a, &[2]))));
        assert!(matches!(ctx.step(Some(&reject)), Err(AuthError::Failed(_))));
    }

    #[test]
    fn garbage_challenges_are_refused() {
        for bad in [&b""[..], b"NTLMSSP\0", &[0u8; 40]] {
            let mut ctx = AnonymousNtlm::new(Framing::Raw);
            ctx.step(None).unwrap();
            assert!(ctx.step(Some(bad)).is_err());
        }
        let mut c = challenge();
        c[8] = 3;
        assert!(challenge_flags(&c).is_err());
    }
}
