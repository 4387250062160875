//! Windows data types shared by the interfaces (\[MS-DTYP\] 2.3.3 `FILETIME`,
//! 2.3.4 `GUID`, 2.3.5 `LARGE_INTEGER`, 2.3.10 `RPC_UNICODE_STRING`, 2.4.2
//! `SID`/`RPC_SID`), and `OLD_LARGE_INTEGER` (\[MS-SAMR\] 2.2.2.2), which SAMR
//! and LSA use instead of `LARGE_INTEGER` to keep 4-byte alignment.
//!
//! Left out: security descriptors and ACLs (carried as opaque bytes by the
//! NetApi interfaces), `RPC_STRING` (8-bit, SAMR only).

use core::fmt;
use core::str::FromStr;

use netapi_ndr::Ndr;
pub use netapi_ndr::{ContextHandle, Guid};

/// `FILETIME` (\[MS-DTYP\] 2.3.3): 100 ns intervals since 1601-01-01 UTC, as
/// two 32-bit halves (so aligned to 4, not 8).
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[doc(alias = "FILETIME")]
pub struct FileTime {
    /// `dwLowDateTime`.
    pub low_date_time: u32,
    /// `dwHighDateTime`.
    pub high_date_time: u32,
}

impl FileTime {
    /// From the 64-bit tick count.
    pub const fn from_u64(v: u64) -> Self {
        Self {
            low_date_time: v as u32,
            high_date_time: (v >> 32) as u32,
        }
    }

    /// The 64-bit tick count.
    pub const fn to_u64(self) -> u64 {
        ((self.high_date_time as u64) << 32) | self.low_date_time as u64
    }
}

/// `OLD_LARGE_INTEGER` (\[MS-SAMR\] 2.2.2.2): a signed 64-bit value as two
/// 32-bit halves (aligned to 4). SAMR times (`LastLogon`, ...) use it with
/// the [`FileTime`] epoch; 0 and `i64::MAX` mean "never".
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[doc(alias = "OLD_LARGE_INTEGER")]
pub struct OldLargeInteger {
    /// `LowPart`.
    pub low_part: u32,
    /// `HighPart`.
    pub high_part: i32,
}

impl OldLargeInteger {
    /// From a signed 64-bit value.
    pub const fn from_i64(v: i64) -> Self {
        Self {
            low_part: v as u32,
            high_part: (v >> 32) as i32,
        }
    }

    /// The signed 64-bit value.
    pub const fn to_i64(self) -> i64 {
        ((self.high_part as i64) << 32) | self.low_part as i64
    }
}

/// `LARGE_INTEGER` (\[MS-DTYP\] 2.3.5): an NDR `hyper`, aligned to 8.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[doc(alias = "LARGE_INTEGER")]
pub struct LargeInteger(pub i64);

/// `RPC_UNICODE_STRING` (\[MS-DTYP\] 2.3.10): byte lengths and a pointer to a
/// conformant-varying UTF-16 buffer, *not* NUL-terminated.
///
/// Kept in wire form (lengths and raw units) so a decoded value re-encodes
/// byte for byte; build one with [`RpcUnicodeString::new`] and read it with
/// [`RpcUnicodeString::to_string_lossy`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Hash, Default)]
#[doc(alias = "RPC_UNICODE_STRING")]
pub struct RpcUnicodeString {
    /// `Length`: bytes in use.
    pub length: u16,
    /// `MaximumLength`: bytes allocated.
    pub maximum_length: u16,
    /// `Buffer`: `length / 2` units are transmitted.
    #[ndr(unique, size_is(maximum_length / 2), length_is(length / 2))]
    pub buffer: Option<Vec<u16>>,
}

/// A string longer than `RPC_UNICODE_STRING` can describe (32767 units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StringTooLong;

impl fmt::Display for StringTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("string longer than 32767 UTF-16 units")
    }
}

impl std::error::Error for StringTooLong {}

/// `Length` of `units` UTF-16 units.
fn byte_length(units: usize) -> Result<u16, StringTooLong> {
    units
        .checked_mul(2)
        .and_then(|b| u16::try_from(b).ok())
        .ok_or(StringTooLong)
}

impl RpcUnicodeString {
    /// A non-null string with `MaximumLength == Length`, as Windows clients
    /// send them.
    pub fn new(s: &str) -> Result<Self, StringTooLong> {
        Self::from_units(s.encode_utf16().collect())
    }

    /// From raw UTF-16 units.
    pub fn from_units(units: Vec<u16>) -> Result<Self, StringTooLong> {
        let bytes = byte_length(units.len())?;
        Ok(Self {
            length: bytes,
            maximum_length: bytes,
            buffer: Some(units),
        })
    }

    /// The null string (`Buffer == NULL`, lengths 0).
    pub const fn null() -> Self {
        Self {
            length: 0,
            maximum_length: 0,
            buffer: None,
        }
    }

    /// Whether `Buffer` is null.
    pub fn is_null(&self) -> bool {
        self.buffer.is_none()
    }

    /// The transmitted units (empty when null).
    pub fn units(&self) -> &[u16] {
        self.buffer.as_deref().unwrap_or_default()
    }

    /// The text; `None` when `Buffer` is null, ill-formed UTF-16 replaced by
    /// U+FFFD.
    pub fn to_string_lossy(&self) -> Option<String> {
        self.buffer.as_deref().map(netapi_ndr::codec::utf16_lossy)
    }
}

/// `RPC_UNICODE_STRING` read as text: the same wire form as [`RpcUnicodeString`], its buffer
/// decoded straight into a `String` (ill-formed UTF-16 replaced by U+FFFD). For answers that
/// carry many names to be shown, not sent back (the entries of a SAMR enumeration): one
/// allocation per name instead of two.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Hash, Default)]
#[doc(alias = "RPC_UNICODE_STRING")]
pub struct RpcUnicodeText {
    /// `Length`: bytes in use.
    pub length: u16,
    /// `MaximumLength`: bytes allocated.
    pub maximum_length: u16,
    /// `Buffer`: `length / 2` units are transmitted.
    #[ndr(unique, size_is(maximum_length / 2), length_is(length / 2))]
    pub buffer: Option<String>,
}

impl RpcUnicodeText {
    /// A non-null string with `MaximumLength == Length`.
    pub fn new(s: &str) -> Result<Self, StringTooLong> {
        let bytes = byte_length(s.encode_utf16().count())?;
        Ok(Self {
            length: bytes,
            maximum_length: bytes,
            buffer: Some(s.to_owned()),
        })
    }

    /// The text; `None` when `Buffer` is null.
    pub fn as_str(&self) -> Option<&str> {
        self.buffer.as_deref()
    }

    /// The same string in wire form (to send it back).
    pub fn to_unicode_string(&self) -> RpcUnicodeString {
        match &self.buffer {
            None => RpcUnicodeString::null(),
            Some(s) => RpcUnicodeString {
                length: self.length,
                maximum_length: self.maximum_length,
                buffer: Some(s.encode_utf16().collect()),
            },
        }
    }
}

/// Largest `SubAuthorityCount` (\[MS-DTYP\] 2.4.2.2).
pub const SID_MAX_SUB_AUTHORITIES: u8 = 15;

/// `RPC_SID` (\[MS-DTYP\] 2.4.2.3): a SID as NDR sees it, a conformant
/// structure whose `max_count` (the sub-authority count) is marshalled
/// before it, hoisted in front of any structure that embeds it.
///
/// Text form `S-1-5-21-...` (\[MS-DTYP\] 2.4.2.1) via `Display`/`FromStr`.
#[derive(Ndr, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[doc(alias = "RPC_SID")]
#[doc(alias = "SID")]
pub struct RpcSid {
    /// `Revision` (1).
    pub revision: u8,
    /// `SubAuthorityCount`, at most 15.
    #[ndr(range(0, 15))]
    pub sub_authority_count: u8,
    /// `IdentifierAuthority` (`RPC_SID_IDENTIFIER_AUTHORITY`, 6 bytes, big-endian).
    pub identifier_authority: [u8; 6],
    /// `SubAuthority`.
    #[ndr(size_is(sub_authority_count))]
    pub sub_authority: Vec<u32>,
}

impl RpcSid {
    /// A revision-1 SID; `None` if more than 15 sub-authorities.
    pub fn new(authority: u64, sub_authority: &[u32]) -> Option<Self> {
        if authority >= 1 << 48 {
            return None;
        }
        let count = u8::try_from(sub_authority.len())
            .ok()
            .filter(|c| *c <= SID_MAX_SUB_AUTHORITIES)?;
        let a = authority.to_be_bytes();
        let [_, _, a0, a1, a2, a3, a4, a5] = a;
        Some(Self {
            revision: 1,
            sub_authority_count: count,
            identifier_authority: [a0, a1, a2, a3, a4, a5],
            sub_authority: sub_authority.to_vec(),
        })
    }

    /// The identifier authority as a number.
    pub fn authority(&self) -> u64 {
        let [a0, a1, a2, a3, a4, a5] = self.identifier_authority;
        u64::from_be_bytes([0, 0, a0, a1, a2, a3, a4, a5])
    }

    /// The last sub-authority (the RID of an account SID).
    pub fn rid(&self) -> Option<u32> {
        self.sub_authority.last().copied()
    }

    /// This SID with `rid` appended (domain SID + RID = account SID).
    pub fn with_rid(&self, rid: u32) -> Option<Self> {
        let mut subs = self.sub_authority.clone();
        subs.push(rid);
        let mut s = Self::new(self.authority(), &subs)?;
        s.revision = self.revision;
        Some(s)
    }
}

impl fmt::Display for RpcSid {
    /// `S-R-I-S-S...`: the authority in decimal below 2^32, else in hex
    /// (\[MS-DTYP\] 2.4.2.1).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.authority();
        if a < 1 << 32 {
            write!(f, "S-{}-{a}", self.revision)?;
        } else {
            write!(f, "S-{}-0x{a:012X}", self.revision)?;
        }
        for s in &self.sub_authority {
            write!(f, "-{s}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for RpcSid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if usize::from(self.sub_authority_count) == self.sub_authority.len() {
            write!(f, "RpcSid({self})")
        } else {
            f.debug_struct("RpcSid")
                .field("revision", &self.revision)
                .field("sub_authority_count", &self.sub_authority_count)
                .field("identifier_authority", &self.identifier_authority)
                .field("sub_authority", &self.sub_authority)
                .finish()
        }
    }
}

/// A SID string that is not `S-1-<authority>(-<sub>){0,15}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseSidError;

impl fmt::Display for ParseSidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid SID string")
    }
}

impl std::error::Error for ParseSidError {}

impl FromStr for RpcSid {
    type Err = ParseSidError;

    /// Parses `S-1-5-21-1-2-3-500` (case-insensitive `S`, hex authority as
    /// `0x...`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('-');
        if !parts.next().is_some_and(|p| p.eq_ignore_ascii_case("s")) {
            return Err(ParseSidError);
        }
        let dec = |p: &str| -> Result<u64, ParseSidError> {
            if p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()) {
                return Err(ParseSidError);
            }
            p.parse().map_err(|_| ParseSidError)
        };
        let revision =
            u8::try_from(dec(parts.next().ok_or(ParseSidError)?)?).map_err(|_| ParseSidError)?;
        let auth = parts.next().ok_or(ParseSidError)?;
        let authority = match auth.strip_prefix("0x").or_else(|| auth.strip_prefix("0X")) {
            Some(h) if !h.is_empty() && h.bytes().all(|c| c.is_ascii_hexdigit()) => {
                u64::from_str_radix(h, 16).map_err(|_| ParseSidError)?
            }
            Some(_) => return Err(ParseSidError),
            None => dec(auth)?,
        };
        let subs = parts
            .map(|p| dec(p).and_then(|v| u32::try_from(v).map_err(|_| ParseSidError)))
            .collect::<Result<Vec<u32>, _>>()?;
        let mut sid = Self::new(authority, &subs).ok_or(ParseSidError)?;
        sid.revision = revision;
        Ok(sid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netapi_ndr::{DecodeErrorKind, decode, encode};

    fn hex(s: &str) -> Vec<u8> {
        let d: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
        d.chunks(2)
            .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
            .collect()
    }

    #[test]
    fn sid_text_round_trips() {
        for s in [
            "S-1-5-21-1004336348-1177238915-682003330-512",
            "S-1-1-0",
            "S-1-5",
            "S-1-0x123456789ABC-7",
        ] {
            let sid: RpcSid = s.parse().unwrap();
            assert_eq!(sid.to_string(), s);
        }
        let sid: RpcSid = "s-1-5-32-544".parse().unwrap();
        assert_eq!(sid.authority(), 5);
        assert_eq!(sid.rid(), Some(544));
        assert_eq!(sid.to_string(), "S-1-5-32-544");
        assert_eq!(format!("{sid:?}"), "RpcSid(S-1-5-32-544)");
        assert_eq!(RpcSid::new(5, &[32]).unwrap().with_rid(544).unwrap(), sid);
    }

    #[test]
    fn bad_sid_strings() {
        for s in [
            "",
            "S",
            "S-1",
            "X-1-5",
            "S-1-5-",
            "S-1-5-x",
            "S-1-5-4294967296",
            "S-1-0x",
            "S-1-281474976710656",
            "S-1--5",
        ] {
            assert!(s.parse::<RpcSid>().is_err(), "{s}");
        }
        let sixteen = format!("S-1-5{}", "-1".repeat(16));
        assert!(sixteen.parse::<RpcSid>().is_err());
    }

    #[test]
    fn sid_wire_form_has_conformance_first() {
        let sid: RpcSid = "S-1-5-32-544".parse().unwrap();
        let b = encode(&sid).unwrap();
        assert_eq!(b, hex("02000000 01 02 000000000005 20000000 20020000"));
        assert_eq!(decode::<RpcSid>(&b).unwrap(), sid);
    }

    #[test]
    fn sid_with_too_many_sub_authorities_is_rejected() {
        let mut b = hex("10000000 01 10 000000000005");
        b.extend(std::iter::repeat_n(0u8, 64));
        let e = decode::<RpcSid>(&b).unwrap_err();
        assert_eq!(
            e.kind,
            DecodeErrorKind::OutOfRange {
                value: 16,
                min: 0,
                max: 15
            }
        );
        assert_eq!((e.ty, e.field), ("RpcSid", "sub_authority_count"));
    }

    #[test]
    fn unicode_string_is_not_nul_terminated() {
        let s = RpcUnicodeString::new("ab").unwrap();
        assert_eq!(s.length, 4);
        let b = encode(&s).unwrap();
        assert_eq!(
            b,
            hex("0400 0400 00000200 02000000 00000000 02000000 6100 6200")
        );
        assert_eq!(
            decode::<RpcUnicodeString>(&b)
                .unwrap()
                .to_string_lossy()
                .as_deref(),
            Some("ab")
        );
        assert_eq!(
            encode(&RpcUnicodeString::null()).unwrap(),
            hex("0000 0000 00000000")
        );
        assert!(RpcUnicodeString::new(&"x".repeat(40_000)).is_err());
    }

    #[test]
    fn times_and_integers() {
        let t = FileTime::from_u64(0x01d9_0000_1234_5678);
        assert_eq!(t.to_u64(), 0x01d9_0000_1234_5678);
        assert_eq!(encode(&t).unwrap(), hex("78563412 0000d901"));
        let o = OldLargeInteger::from_i64(i64::MAX);
        assert_eq!(o.to_i64(), i64::MAX);
        assert_eq!(OldLargeInteger::from_i64(-2).to_i64(), -2);
        #[derive(Ndr, Debug, PartialEq)]
        struct Hyper(u8, LargeInteger);
        assert_eq!(
            encode(&Hyper(1, LargeInteger(-1))).unwrap(),
            hex("01 00000000000000 ffffffffffffffff")
        );
    }
}
