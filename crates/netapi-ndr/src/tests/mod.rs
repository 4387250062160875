//! Unit tests: value/bytes tables written from the \[C706\] 14 rules, hostile
//! inputs, and property tests.

mod constructs;
mod hostile;
mod primitives;
mod props;
mod types;

use crate::{Ndr, decode, encode};
use core::fmt::Debug;

/// Parses hex, ignoring whitespace and `|` separators (used to mark fields).
pub(crate) fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    assert!(digits.len().is_multiple_of(2), "odd hex length");
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(core::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

/// `v` encodes to `bytes` and `bytes` decodes to `v`.
pub(crate) fn check<T: Ndr + PartialEq + Debug>(v: &T, bytes: &str) {
    let want = hex(bytes);
    let got = encode(v).expect("encode");
    assert_eq!(to_hex(&got), to_hex(&want), "encoding of {v:?}");
    let back: T = decode(&want).expect("decode");
    assert_eq!(&back, v);
}

pub(crate) fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Every strict prefix of `bytes` fails to decode as `T`.
pub(crate) fn prefixes_fail<T: Ndr + Debug>(bytes: &[u8]) {
    for n in 0..bytes.len() {
        let r = decode::<T>(&bytes[..n]);
        assert!(r.is_err(), "prefix of {n} bytes decoded: {r:?}");
    }
}
