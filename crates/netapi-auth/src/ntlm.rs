//! NTLMSSP message facts we read ourselves ([MS-NLMP] 2.2.1, 2.2.2.5).
//!
//! sspi writes and reads the NEGOTIATE / CHALLENGE / AUTHENTICATE messages; this module only
//! reads the header of a message (type and `NegotiateFlags`) for diagnostics and tests, so
//! that what was negotiated (extended session security, key exchange, 128-bit, sign, seal) can
//! be logged and checked. The anonymous AUTHENTICATE (3.1.5.1.2), which sspi cannot send, is
//! written by the crate's `anonymous` module.

/// `NTLMSSP\0`, the signature of every NTLM message.
pub const NTLMSSP_SIGNATURE: &[u8; 8] = b"NTLMSSP\0";

/// `NegotiateFlags` bits of [MS-NLMP] 2.2.2.5 that matter for session security.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NegotiateFlags(pub u32);

#[allow(missing_docs)]
impl NegotiateFlags {
    pub const UNICODE: u32 = 0x0000_0001;
    pub const REQUEST_TARGET: u32 = 0x0000_0004;
    pub const SIGN: u32 = 0x0000_0010;
    pub const SEAL: u32 = 0x0000_0020;
    pub const NTLM: u32 = 0x0000_0200;
    pub const ANONYMOUS: u32 = 0x0000_0800;
    pub const ALWAYS_SIGN: u32 = 0x0000_8000;
    pub const EXTENDED_SESSIONSECURITY: u32 = 0x0008_0000;
    pub const TARGET_INFO: u32 = 0x0080_0000;
    pub const VERSION: u32 = 0x0200_0000;
    pub const N128: u32 = 0x2000_0000;
    pub const KEY_EXCH: u32 = 0x4000_0000;
    pub const N56: u32 = 0x8000_0000;

    /// True if every bit of `bits` is set.
    pub fn contains(self, bits: u32) -> bool {
        self.0 & bits == bits
    }
}

impl std::fmt::Debug for NegotiateFlags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NAMES: &[(u32, &str)] = &[
            (NegotiateFlags::UNICODE, "UNICODE"),
            (NegotiateFlags::REQUEST_TARGET, "REQUEST_TARGET"),
            (NegotiateFlags::SIGN, "SIGN"),
            (NegotiateFlags::SEAL, "SEAL"),
            (NegotiateFlags::NTLM, "NTLM"),
            (NegotiateFlags::ANONYMOUS, "ANONYMOUS"),
            (NegotiateFlags::ALWAYS_SIGN, "ALWAYS_SIGN"),
            (
                NegotiateFlags::EXTENDED_SESSIONSECURITY,
                "EXTENDED_SESSIONSECURITY",
            ),
            (NegotiateFlags::TARGET_INFO, "TARGET_INFO"),
            (NegotiateFlags::VERSION, "VERSION"),
            (NegotiateFlags::N128, "128"),
            (NegotiateFlags::KEY_EXCH, "KEY_EXCH"),
            (NegotiateFlags::N56, "56"),
        ];
        write!(f, "NegotiateFlags({:#010x}", self.0)?;
        for (bit, name) in NAMES {
            if self.0 & bit != 0 {
                write!(f, " {name}")?;
            }
        }
        f.write_str(")")
    }
}

/// `MessageType` of [MS-NLMP] 2.2.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageType {
    /// NEGOTIATE_MESSAGE (1).
    Negotiate,
    /// CHALLENGE_MESSAGE (2).
    Challenge,
    /// AUTHENTICATE_MESSAGE (3).
    Authenticate,
}

/// Read an NTLM message header: its type and `NegotiateFlags` (offset 12 in NEGOTIATE, 20 in
/// CHALLENGE, 60 in AUTHENTICATE). `None` if `msg` is not an NTLM message.
pub fn message_flags(msg: &[u8]) -> Option<(MessageType, NegotiateFlags)> {
    if msg.get(..8)? != NTLMSSP_SIGNATURE {
        return None;
    }
    let u32_at = |at: usize| {
        msg.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let (kind, at) = match u32_at(8)? {
        1 => (MessageType::Negotiate, 12),
        2 => (MessageType::Challenge, 20),
        3 => (MessageType::Authenticate, 60),
        _ => return None,
    };
    Some((kind, NegotiateFlags(u32_at(at)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headers_and_rejects_others() {
        let mut negotiate = NTLMSSP_SIGNATURE.to_vec();
        negotiate.extend(1u32.to_le_bytes());
        negotiate.extend(0xe208_8297u32.to_le_bytes());
        let (kind, flags) = message_flags(&negotiate).unwrap();
        assert_eq!(kind, MessageType::Negotiate);
        assert!(
            flags.contains(NegotiateFlags::KEY_EXCH | NegotiateFlags::EXTENDED_SESSIONSECURITY)
        );
        assert!(format!("{flags:?}").contains("KEY_EXCH"));
        assert!(message_flags(&negotiate[..15]).is_none());
        assert!(message_flags(b"NTLMSSP\0\x09\0\0\0aaaa").is_none());
        assert!(message_flags(b"not ntlm at all").is_none());
    }
}
