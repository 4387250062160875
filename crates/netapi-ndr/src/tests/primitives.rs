//! Primitives and fixed arrays (\[C706\] 14.2, 14.3.3.1).

use super::check;
use crate::{ContextHandle, Guid, Ndr, decode, encode};

#[test]
fn integers_are_little_endian() {
    check(&0x12u8, "12");
    check(&0x1234u16, "3412");
    check(&0x1234_5678u32, "78563412");
    check(&0x0102_0304_0506_0708u64, "0807060504030201");
    check(&-2i8, "fe");
    check(&-2i16, "feff");
    check(&-2i32, "feffffff");
    check(&-2i64, "feffffffffffffff");
    check(&true, "01");
    check(&false, "00");
}

#[test]
fn any_nonzero_boolean_is_true() {
    assert!(decode::<bool>(&[2]).unwrap());
}

/// A struct is aligned to its largest member; members to their own size.
#[derive(crate::Ndr, Debug, PartialEq)]
struct Mixed {
    a: u8,
    b: u32,
    c: u16,
    d: u64,
}

#[test]
fn members_are_aligned_to_their_size() {
    // a | pad 3 | b | c | pad 2 | d (aligned 8 relative to the stub start)
    check(
        &Mixed {
            a: 1,
            b: 2,
            c: 3,
            d: 4,
        },
        "01 000000 | 02000000 | 0300 | 000000000000 | 0400000000000000",
    );
    assert_eq!(<Mixed as Ndr>::ALIGN, 8);
    assert_eq!(<Mixed as Ndr>::MIN_WIRE_SIZE, 15);
}

#[derive(crate::Ndr, Debug, PartialEq)]
struct Arrays {
    tag: u8,
    bytes: [u8; 3],
    words: [u16; 2],
    pairs: [Pair; 2],
}

#[derive(crate::Ndr, Debug, PartialEq)]
struct Pair(u8, u32);

#[test]
fn fixed_arrays_are_inline_without_counts() {
    check(
        &Arrays {
            tag: 9,
            bytes: [1, 2, 3],
            words: [0x10, 0x20],
            pairs: [Pair(1, 2), Pair(3, 4)],
        },
        "09 010203 | 1000 2000 | 01 000000 02000000 | 03 000000 04000000",
    );
}

#[test]
fn guid_text_and_wire_forms() {
    let g: Guid = "12345778-1234-abcd-ef00-0123456789ac".parse().unwrap();
    assert_eq!(g.to_string(), "12345778-1234-abcd-ef00-0123456789ac");
    assert_eq!(
        "{12345778-1234-ABCD-EF00-0123456789AC}"
            .parse::<Guid>()
            .unwrap(),
        g
    );
    check(&g, "78573412 3412 cdab ef00 0123456789ac");
    for bad in [
        "",
        "12345778-1234-abcd-ef00-0123456789a",
        "12345778-1234-abcd-ef00-0123456789ax",
        "1-2-3-4-5",
    ] {
        assert!(bad.parse::<Guid>().is_err(), "{bad}");
    }
}

#[test]
fn context_handle_is_20_bytes() {
    let h = ContextHandle {
        attributes: 0,
        uuid: Guid::from_bytes_le([7; 16]),
    };
    let b = encode(&h).unwrap();
    assert_eq!(b.len(), 20);
    assert_eq!(decode::<ContextHandle>(&b).unwrap(), h);
    assert!(ContextHandle::NULL.is_null());
}

crate::wire_enum! {
    /// A test value list.
    pub struct Level(u16) {
        /// One.
        ONE = 1,
        /// Two.
        TWO = 2,
    }
}

#[test]
fn wire_enums_keep_unknown_values() {
    assert_eq!(format!("{:?}", Level::TWO), "TWO");
    assert_eq!(format!("{:?}", Level(7)), "Level(0x7)");
    check(&Level(0xbeef), "efbe");
    assert_eq!(Level::ONE.name(), Some("ONE"));
    assert_eq!(u16::from(Level::TWO), 2);
}
