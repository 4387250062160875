//! UUIDs and presentation syntax identifiers (\[C706\] appendix A, 12.6.3.1 `p_syntax_id_t`).
//!
//! A [`Uuid`] is stored in its canonical (string) byte order; on the wire its first three fields
//! follow the PDU's data representation, so they are swapped for little-endian
//! ([`Uuid::to_le_bytes`], [`Uuid::from_le_bytes`]). [`SyntaxId`] pairs an interface or transfer
//! syntax UUID with its version.

use crate::codec::Endian;
use std::fmt;

/// A DCE UUID, kept in canonical byte order (the order of its string form).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Uuid(pub [u8; 16]);

const fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl Uuid {
    /// The nil UUID.
    pub const NIL: Uuid = Uuid([0; 16]);

    /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`; `None` when the text is not of that form.
    pub const fn parse(s: &str) -> Option<Uuid> {
        let b = s.as_bytes();
        if b.len() != 36 {
            return None;
        }
        let mut out = [0u8; 16];
        let (mut i, mut o) = (0, 0);
        while i < 36 {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b[i] != b'-' {
                    return None;
                }
                i += 1;
                continue;
            }
            let (hi, lo) = match (hex_digit(b[i]), hex_digit(b[i + 1])) {
                (Some(h), Some(l)) => (h, l),
                _ => return None,
            };
            out[o] = (hi << 4) | lo;
            o += 1;
            i += 2;
        }
        Some(Uuid(out))
    }

    /// Like [`Uuid::parse`] for literals; panics (at compile time in a `const`) when malformed.
    pub const fn from_str_const(s: &str) -> Uuid {
        match Uuid::parse(s) {
            Some(u) => u,
            None => panic!("malformed UUID literal"),
        }
    }

    /// The UUID as it goes on the wire under the given integer representation.
    pub(crate) fn to_wire(self, endian: Endian) -> [u8; 16] {
        let mut b = self.0;
        if endian == Endian::Little {
            b[0..4].reverse();
            b[4..6].reverse();
            b[6..8].reverse();
        }
        b
    }

    /// The UUID read from wire bytes under the given integer representation.
    pub(crate) fn from_wire(mut b: [u8; 16], endian: Endian) -> Uuid {
        if endian == Endian::Little {
            b[0..4].reverse();
            b[4..6].reverse();
            b[6..8].reverse();
        }
        Uuid(b)
    }

    /// The little-endian (NDR) wire form, as used in towers and stubs.
    pub fn to_le_bytes(self) -> [u8; 16] {
        self.to_wire(Endian::Little)
    }

    /// Reads the little-endian (NDR) wire form.
    pub fn from_le_bytes(b: [u8; 16]) -> Uuid {
        Uuid::from_wire(b, Endian::Little)
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, byte) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// `p_syntax_id_t` (\[C706\] 12.6.3.1): an abstract (interface) or transfer syntax and its version.
/// On the wire the version is one 32-bit value, major in the low 16 bits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SyntaxId {
    /// Interface or transfer syntax UUID.
    pub uuid: Uuid,
    /// Major version.
    pub major: u16,
    /// Minor version.
    pub minor: u16,
}

impl SyntaxId {
    /// A syntax from its UUID text and version (panics on a malformed literal, at compile time in
    /// a `const`).
    pub const fn new(uuid: &str, major: u16, minor: u16) -> SyntaxId {
        SyntaxId {
            uuid: Uuid::from_str_const(uuid),
            major,
            minor,
        }
    }

    /// The 32-bit `if_version` as sent on the wire.
    pub fn version_u32(&self) -> u32 {
        u32::from(self.major) | (u32::from(self.minor) << 16)
    }

    /// True when `uuid` starts with the bind time feature negotiation prefix ([MS-RPCE] 3.3.1.5.3).
    pub fn is_feature_negotiation(&self) -> bool {
        self.uuid.0[..8] == BIND_TIME_FEATURE_PREFIX
    }
}

impl fmt::Debug for SyntaxId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} v{}.{}", self.uuid, self.major, self.minor)
    }
}

/// NDR 2.0 transfer syntax (\[C706\] chapter 14): the only one we marshal with.
pub const NDR20: SyntaxId = SyntaxId::new("8a885d04-1ceb-11c9-9fe8-08002b104860", 2, 0);

/// NDR64 transfer syntax ([MS-RPCE] 2.2.5); recognised, never offered.
pub const NDR64: SyntaxId = SyntaxId::new("71710533-beba-4937-8319-b5dbef9ccc36", 1, 0);

/// First eight bytes (canonical order) of every bind time feature negotiation UUID
/// ([MS-RPCE] 3.3.1.5.3: prefix `6CB71C2C-9812-4540`).
const BIND_TIME_FEATURE_PREFIX: [u8; 8] = [0x6c, 0xb7, 0x1c, 0x2c, 0x98, 0x12, 0x45, 0x40];

/// The transfer syntax offering bind time feature negotiation ([MS-RPCE] 3.3.1.5.3, 2.2.2.14):
/// the prefix followed by the eight-octet `BindTimeFeatureNegotiationBitmask`, version 1.0.
pub fn bind_time_feature_syntax(bitmask: u8) -> SyntaxId {
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&BIND_TIME_FEATURE_PREFIX);
    b[8] = bitmask;
    SyntaxId {
        uuid: Uuid(b),
        major: 1,
        minor: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let u = Uuid::parse("12345778-1234-ABCD-ef00-0123456789ac").unwrap();
        assert_eq!(u.to_string(), "12345778-1234-abcd-ef00-0123456789ac");
        assert_eq!(
            u.to_le_bytes(),
            [
                0x78, 0x57, 0x34, 0x12, 0x34, 0x12, 0xcd, 0xab, 0xef, 0x00, 0x01, 0x23, 0x45, 0x67,
                0x89, 0xac
            ]
        );
        assert_eq!(Uuid::from_le_bytes(u.to_le_bytes()), u);
        assert_eq!(u.to_wire(Endian::Big), u.0);
        for bad in [
            "",
            "12345778-1234-abcd-ef00-0123456789a",
            "12345778x1234-abcd-ef00-0123456789ac",
        ] {
            assert!(Uuid::parse(bad).is_none(), "{bad}");
        }
        assert!(Uuid::parse("g2345778-1234-abcd-ef00-0123456789ac").is_none());
    }

    #[test]
    fn feature_syntax_matches_spec_text() {
        let s = bind_time_feature_syntax(0x03);
        assert_eq!(s.uuid.to_string(), "6cb71c2c-9812-4540-0300-000000000000");
        assert_eq!(s.version_u32(), 1);
        assert!(s.is_feature_negotiation());
        assert!(!NDR20.is_feature_negotiation());
        assert_eq!(NDR20.version_u32(), 2);
        assert_eq!(
            SyntaxId::new("00000000-0000-0000-0000-000000000000", 1, 2).version_u32(),
            0x0002_0001
        );
    }
}
