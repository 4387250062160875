//! The golden-vector harness shared by this crate's test binaries (STYLE §7): load a hex vector,
//! decode it fully, re-encode it as its producer numbers referent ids, and check that every
//! strict prefix fails to decode.
//!
//! Vector files (`tests/vectors/<interface>/*.hex`) are hex digits with `#` comments: a header
//! saying how and when the stub was captured, and for hand-written vectors a note per field.
#![allow(dead_code)] // each test binary uses its own part

use std::fmt::Debug;

use netapi_ndr::{FIRST_REFERENT_ID, Ndr, Writer, decode, encode, encode_into};

/// `tests/vectors/<rel>` as text.
pub fn read(rel: &str) -> String {
    let path = format!("{}/tests/vectors/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The stub bytes of a vector: hex digits outside `#` comments (a `#` comments out the rest of
/// its line).
pub fn load(rel: &str) -> Vec<u8> {
    let digits: Vec<u8> = read(rel)
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(|l| l.bytes().filter(|b| !b.is_ascii_whitespace()))
        .collect();
    assert!(
        digits.iter().all(u8::is_ascii_hexdigit),
        "{rel}: stray characters"
    );
    assert!(
        digits.len().is_multiple_of(2),
        "{rel}: odd number of hex digits"
    );
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

/// The text after `key` on the header line (`# key ...`) of a vector.
pub fn header(rel: &str, key: &str) -> String {
    read(rel)
        .lines()
        .find_map(|l| l.strip_prefix("# ")?.strip_prefix(key))
        .unwrap_or_else(|| panic!("{rel}: no header line {key:?}"))
        .trim()
        .to_owned()
}

/// Lowercase hex, for readable byte comparisons.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// How a vector must re-encode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reencode {
    /// Byte for byte, referent ids from 0x00020000 (Windows' numbering; our spec vectors).
    Exact,
    /// Byte for byte, referent ids from the given id.
    /// quirk(samba-4.17): a response continues the numbering of its request's pointers.
    ExactFrom(u32),
    /// Same length and same decoded value (impacket numbers referent ids at random).
    SameValue,
}

/// Who produced a vector, which says how it must re-encode: an impacket request (random referent
/// ids), a Samba answer to a request with `n` non-NULL pointers, or a hand-written spec vector.
#[derive(Debug, Clone, Copy)]
pub enum How {
    /// `*.in.impacket-*.hex`.
    Impacket,
    /// `*.out.samba-*.hex`, answering a request with this many non-NULL pointers.
    Samba(u32),
    /// `*.spec.hex`.
    Spec,
}

impl From<How> for Reencode {
    fn from(how: How) -> Self {
        match how {
            How::Impacket => Reencode::SameValue,
            How::Samba(n) => Reencode::samba(n),
            How::Spec => Reencode::Exact,
        }
    }
}

impl Reencode {
    /// A Samba answer to a request with `n` non-NULL pointers.
    pub fn samba(n: u32) -> Self {
        Reencode::ExactFrom(FIRST_REFERENT_ID + 4 * n)
    }
}

/// Decode `rel` as `T`, check re-encoding as `how` says and that every strict prefix fails.
pub fn golden<T: Ndr + PartialEq + Debug>(rel: &str, how: Reencode) -> T {
    let b = load(rel);
    let v: T = decode(&b).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let first = match how {
        Reencode::ExactFrom(id) => id,
        _ => FIRST_REFERENT_ID,
    };
    let mut w = Writer::new().with_first_referent_id(first);
    encode_into(&v, &mut w).unwrap_or_else(|e| panic!("{rel}: re-encode: {e}"));
    let re = w.into_bytes();
    match how {
        Reencode::Exact | Reencode::ExactFrom(_) => {
            assert_eq!(hex(&re), hex(&b), "{rel}: re-encoding differs")
        }
        Reencode::SameValue => {
            assert_eq!(re.len(), b.len(), "{rel}: re-encoded length differs");
            assert_eq!(
                decode::<T>(&re).unwrap(),
                v,
                "{rel}: re-encoded value differs"
            );
            assert_eq!(re, encode(&v).unwrap());
        }
    }
    truncations_fail::<T>(rel, &b);
    v
}

/// Every strict prefix of `b` must be an `Err` (a panic fails the test too).
pub fn truncations_fail<T: Ndr + Debug>(rel: &str, b: &[u8]) {
    for n in 0..b.len() {
        if let Ok(p) = decode::<T>(&b[..n]) {
            panic!("{rel}: prefix of {n} bytes decoded: {p:?}");
        }
    }
}
