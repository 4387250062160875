//! Hostile inputs: each must give a specific error, never a panic, a hang or
//! a large allocation.

use super::types::*;
use super::{hex, prefixes_fail};
use crate::codec::{Conformant, Full, Str};
use crate::{DecodeErrorKind, Limits, Ndr, decode, decode_with, encode};

#[derive(Ndr, Debug, Clone, PartialEq)]
struct Blob {
    len: u32,
    #[ndr(unique, size_is(len))]
    data: Option<Vec<u8>>,
}

#[derive(Ndr, Debug, Clone, PartialEq)]
struct Aliases {
    count: u32,
    #[ndr(unique, size_is(count), with = Conformant<Full<Str>>)]
    items: Option<Vec<Option<String>>>,
}

#[derive(Ndr, Debug, Clone, PartialEq)]
struct Div {
    d: u32,
    #[ndr(unique, size_is(16 / d))]
    p: Option<Vec<u8>>,
}

#[test]
fn huge_conformant_count_hits_the_named_limit() {
    let b = hex("ffffffff 00000200 ffffffff 0102030405060708");
    let e = decode::<Blob>(&b).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::LimitExceeded {
            limit: "Limits::max_array_len",
            value: 0xffff_ffff,
            max: 4 * 1024 * 1024
        }
    );
    assert_eq!((e.ty, e.field), ("Blob", "data"));
}

#[test]
fn huge_conformant_count_cannot_outrun_the_input() {
    let b = hex("ffffffff 00000200 ffffffff 0102030405060708");
    let e = decode_with::<Blob>(&b, Limits::DEFAULT.with_max_array_len(u32::MAX)).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::CountExceedsInput {
            count: 0xffff_ffff,
            element_min_size: 1,
            remaining: 8
        }
    );
    // Structures count by their minimum wire size (12 bytes for Info1).
    let e = decode::<Info1Container>(&hex("e8030000 00000200 e8030000 00000000")).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::CountExceedsInput {
            count: 1000,
            element_min_size: 12,
            remaining: 4
        }
    );
}

#[test]
fn string_actual_count_above_max_count() {
    let e = decode::<Info1>(&hex(
        "00000200 00000000 00000000 02000000 00000000 05000000 61006200630064006500",
    ))
    .unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::ActualExceedsMax { actual: 5, max: 2 }
    );
    assert_eq!((e.ty, e.field), ("Info1", "name"));
}

#[test]
fn string_longer_than_the_string_limit() {
    let v = Info1 {
        name: Some("x".repeat(10)),
        kind: 0,
        remark: None,
    };
    let b = encode(&v).unwrap();
    let e = decode_with::<Info1>(&b, Limits::DEFAULT.with_max_string_len(4)).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::LimitExceeded {
            limit: "Limits::max_string_len",
            value: 11,
            max: 4
        }
    );
}

#[test]
fn nonzero_offset_is_rejected() {
    let e = decode::<Info1>(&hex(
        "00000200 00000000 00000000 02000000 01000000 01000000 6100",
    ))
    .unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::NonZeroOffset(1));
}

#[test]
fn union_discriminant_without_arm() {
    let e = decode::<Strict>(&hex("07000000 00000000")).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::UnknownDiscriminant(7));
}

fn list(n: u32) -> Node {
    let mut node = Node {
        value: 0,
        next: None,
    };
    for i in 1..n {
        node = Node {
            value: i,
            next: Some(Box::new(node)),
        };
    }
    node
}

#[test]
fn recursion_past_the_depth_limit() {
    let b = encode(&list(100)).unwrap();
    let e = decode::<Node>(&b).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::DepthExceeded { max: 64 });
    assert_eq!(
        decode_with::<Node>(&b, Limits::DEFAULT.with_max_depth(100)).unwrap(),
        list(100)
    );
    let b = encode(&list(3)).unwrap();
    assert!(decode_with::<Node>(&b, Limits::DEFAULT.with_max_depth(1)).is_err());
    assert!(decode_with::<Node>(&b, Limits::DEFAULT.with_max_depth(2)).is_ok());
}

#[test]
fn trailing_bytes_are_rejected() {
    let e = decode::<u32>(&hex("01000000 00")).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::TrailingBytes { count: 1 });
    assert_eq!(e.offset, 4);
}

#[test]
fn allocation_budget_is_enforced() {
    let items: Vec<Info1> = (0..200)
        .map(|i| Info1 {
            name: Some(format!("share{i}")),
            kind: 0,
            remark: None,
        })
        .collect();
    let b = encode(&Info1Container {
        count: 200,
        buffer: Some(items),
    })
    .unwrap();
    let e =
        decode_with::<Info1Container>(&b, Limits::DEFAULT.with_max_alloc_bytes(4096)).unwrap_err();
    assert!(
        matches!(e.kind, DecodeErrorKind::BudgetExceeded { .. }),
        "{e}"
    );
    assert!(decode::<Info1Container>(&b).is_ok());
}

#[test]
fn full_pointer_aliases_are_charged_per_clone() {
    // 2000 full pointers all aliasing one 1000-character string: decoding
    // would clone it 2000 times (~6 MB); a 1 MiB budget stops it.
    let n = 2000u32;
    let mut b = Vec::new();
    b.extend_from_slice(&n.to_le_bytes());
    b.extend_from_slice(&0x20000u32.to_le_bytes());
    b.extend_from_slice(&n.to_le_bytes());
    for _ in 0..n {
        b.extend_from_slice(&0x20004u32.to_le_bytes());
    }
    for v in [1001u32, 0, 1001] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.extend(std::iter::repeat_n([0x61u8, 0], 1000).flatten());
    b.extend_from_slice(&[0, 0]);
    let e = decode_with::<Aliases>(&b, Limits::DEFAULT.with_max_alloc_bytes(1 << 20)).unwrap_err();
    assert!(
        matches!(e.kind, DecodeErrorKind::BudgetExceeded { .. }),
        "{e}"
    );
    let v = decode::<Aliases>(&b).unwrap();
    let items = v.items.unwrap();
    assert_eq!(items.len(), 2000);
    assert!(
        items
            .iter()
            .all(|s| s.as_deref().map(str::len) == Some(1000))
    );
}

#[test]
fn expressions_cannot_overflow_or_divide_by_zero() {
    // d = 0: 16 / d is not computable; the null pointer still decodes.
    assert_eq!(
        decode::<Div>(&hex("00000000 00000000")).unwrap(),
        Div { d: 0, p: None }
    );
    // Non-null: the count is simply not checked against the expression.
    assert_eq!(
        decode::<Div>(&hex("00000000 00000200 01000000 07")).unwrap(),
        Div {
            d: 0,
            p: Some(vec![7])
        }
    );
    // Encoding our own inconsistent value is an error.
    assert!(
        encode(&Div {
            d: 0,
            p: Some(vec![7])
        })
        .is_err()
    );
    // (65535 + 7) / 8 style arithmetic on u16 fields does not wrap.
    let v = Counted {
        length: 0xffff,
        maximum_length: 0xffff,
        buffer: None,
    };
    assert_eq!(decode::<Counted>(&encode(&v).unwrap()).unwrap(), v);
}

#[test]
fn every_strict_prefix_fails() {
    let v = Info1Container {
        count: 2,
        buffer: Some(vec![
            Info1 {
                name: Some("a".into()),
                kind: 0,
                remark: None,
            },
            Info1 {
                name: None,
                kind: 1,
                remark: Some("bc".into()),
            },
        ]),
    };
    prefixes_fail::<Info1Container>(&encode(&v).unwrap());
    let req = Req {
        server: "S".into(),
        opt: Some("o".into()),
        level: 1,
        info: Small::Word(3),
        resume: Some(0),
        count: 2,
        data: vec![1, 2],
    };
    prefixes_fail::<Req>(&encode(&req).unwrap());
    prefixes_fail::<Holder>(
        &encode(&Holder {
            tag: 1,
            sid: Sid {
                revision: 1,
                count: 1,
                authority: [0; 6],
                sub: vec![5],
            },
        })
        .unwrap(),
    );
    prefixes_fail::<Strict>(&encode(&Strict::A(Some("x".into()))).unwrap());
}
