//! Constructed types (\[C706\] 14.3): value/bytes tables worked out by hand
//! from the rules (alignment from the stub start, referent ids 0x00020000
//! + 4 per non-null pointer, max/offset/actual counts).

use super::types::*;
use super::{check, hex};
use crate::{DecodeErrorKind, EncodeErrorKind, decode, encode};

#[test]
fn embedded_string_pointers_defer_after_the_structure() {
    // refid | type | refid, then "IPC$" (5 units with NUL), pad 2, "" (1 unit).
    check(
        &Info1 {
            name: Some("IPC$".into()),
            kind: 3,
            remark: Some(String::new()),
        },
        "00000200 03000000 04000200 | 05000000 00000000 05000000 4900500043002400 0000 | 0000 \
         | 01000000 00000000 01000000 0000",
    );
    // Some("") and None stay distinct.
    check(
        &Info1 {
            name: None,
            kind: 0,
            remark: None,
        },
        "00000000 00000000 00000000",
    );
}

#[test]
fn arrays_of_structs_put_all_inline_parts_before_referents() {
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
                remark: Some("b".into()),
            },
        ]),
    };
    check(
        &v,
        "02000000 00000200 | 02000000 | 04000200 00000000 00000000 | 00000000 01000000 08000200 \
         | 02000000 00000000 02000000 6100 0000 | 02000000 00000000 02000000 6200 0000",
    );
    check(
        &Info1Container {
            count: 0,
            buffer: Some(vec![]),
        },
        "00000000 00000200 00000000",
    );
    check(
        &Info1Container {
            count: 0,
            buffer: None,
        },
        "00000000 00000000",
    );
}

#[test]
fn size_is_must_match_the_vec_on_encode() {
    let v = Info1Container {
        count: 3,
        buffer: Some(vec![]),
    };
    let e = encode(&v).unwrap_err();
    assert_eq!(
        e.kind,
        EncodeErrorKind::CountMismatch {
            expected: 3,
            actual: 0
        }
    );
    assert_eq!((e.ty, e.field), ("Info1Container", "buffer"));
}

#[test]
fn size_is_is_checked_against_the_wire_on_decode() {
    // count says 1, max_count says 0.
    let e = decode::<Info1Container>(&hex("01000000 00000200 00000000")).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::CountMismatch {
            expected: 1,
            found: 0
        }
    );
    assert_eq!((e.ty, e.field), ("Info1Container", "buffer"));
}

#[test]
fn conformant_structure_has_max_count_first() {
    let sid = Sid {
        revision: 1,
        count: 2,
        authority: [0, 0, 0, 0, 0, 5],
        sub: vec![21, 500],
    };
    check(&sid, "02000000 | 01 02 000000000005 | 15000000 f4010000");
    // Embedded last in another structure: hoisted to the outer start.
    check(
        &Holder { tag: 7, sid },
        "02000000 | 07000000 | 01 02 000000000005 | 15000000 f4010000",
    );
}

#[test]
fn inline_string_member_is_hoisted_too() {
    check(
        &InlineName {
            id: 1,
            name: "ab".into(),
        },
        "03000000 | 0100 0000 | 00000000 03000000 6100 6200 0000",
    );
}

#[test]
fn nested_referents_are_written_depth_first() {
    // p, q ids; then p's referent (Inner: its own id, then its string); then q's.
    check(
        &Outer {
            p: Some(Inner {
                s: Some("z".into()),
            }),
            q: Some(9),
        },
        "00000200 04000200 | 08000200 | 02000000 00000000 02000000 7a00 0000 | 09000000",
    );
}

#[test]
fn ms_union_aligns_the_arm_to_the_largest_arm() {
    // u16 discriminant (twice: switch_is field and union), then the arm at 4.
    check(
        &Switched {
            level: 2,
            u: Small::Byte(7),
        },
        "0200 0200 07",
    );
    check(
        &Switched {
            level: 1,
            u: Small::Word(0x1122_3344),
        },
        "0100 0100 44332211",
    );
    check(
        &Switched {
            level: 4,
            u: Small::Empty,
        },
        "0400 0400",
    );
    check(
        &Switched {
            level: 0x99,
            u: Small::Other(0x99),
        },
        "9900 9900",
    );
    // A union on its own: its own discriminant (first case for multi-case arms).
    // An empty arm gets no padding after the discriminant.
    check(&Small::Empty, "0300");
    check(&Small::Byte(1), "0200 0000 01");
    check(&Strict::B(1), "02000000 00000000 0100000000000000");
    check(
        &Strict::A(Some("x".into())),
        "01000000 00000000 00000200 02000000 00000000 02000000 7800 0000",
    );
}

#[test]
fn encapsulated_union_is_aligned_as_a_whole() {
    check(&Capsule::Long(5), "0100 0000 05000000");
    check(&Capsule::Other(9, 7), "0900 0000 07");
}

#[test]
fn union_discriminant_checks() {
    let e = encode(&Switched {
        level: 1,
        u: Small::Byte(7),
    })
    .unwrap_err();
    assert_eq!(e.kind, EncodeErrorKind::DiscriminantMismatch(1));
    // A default arm must not claim a value that has an explicit arm.
    assert!(encode(&Small::Other(2)).is_err());
    let e = decode::<Switched>(&hex("0100 0200 07")).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::DiscriminantMismatch {
            expected: 1,
            found: 2
        }
    );
    assert_eq!((e.ty, e.field), ("Switched", "u"));
    let e = decode::<Strict>(&hex("03000000")).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::UnknownDiscriminant(3));
}

#[test]
fn unique_ref_and_pointer_to_pointer() {
    check(
        &Node {
            value: 1,
            next: Some(Box::new(Node {
                value: 2,
                next: None,
            })),
        },
        "01000000 00000200 02000000 00000000",
    );
    check(&RefEmbedded { v: 5 }, "00000200 05000000");
    let e = decode::<RefEmbedded>(&hex("00000000 05000000")).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::NullRefPointer);
    check(&PtrPtr { pp: Some(Some(5)) }, "00000200 04000200 05000000");
    check(&PtrPtr { pp: Some(None) }, "00000200 00000000");
    check(&PtrPtr { pp: None }, "00000000");
}

#[test]
fn full_pointers_alias_on_decode() {
    let v: FullPair = decode(&hex("00000200 00000200 2a000000")).unwrap();
    assert_eq!(
        v,
        FullPair {
            a: Some(42),
            b: Some(42)
        }
    );
    // We encode without aliasing (valid NDR): fresh ids, two referents.
    assert_eq!(
        encode(&v).unwrap(),
        hex("00000200 04000200 2a000000 2a000000")
    );
    check(
        &FullNode {
            value: 1,
            next: Some(Box::new(FullNode {
                value: 2,
                next: None,
            })),
        },
        "01000000 00000200 02000000 00000000",
    );
}

#[test]
fn full_pointer_cycles_and_type_confusion_are_errors() {
    // Node 1 points to id 0x20000, whose referent points to 0x20000 again.
    let e = decode::<FullNode>(&hex("01000000 00000200 02000000 00000200")).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::FullPointerCycle(0x20000));
    // The same id first used for a string, then for a u32.
    let e = decode::<FullMixed>(&hex(
        "00000200 00000200 02000000 00000000 02000000 7800 0000",
    ))
    .unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::FullPointerTypeMismatch(0x20000));
}

#[test]
fn size_is_and_length_is_arithmetic() {
    let v = Counted {
        length: 4,
        maximum_length: 8,
        buffer: Some(vec![0x41, 0x42]),
    };
    check(
        &v,
        "0400 0800 00000200 | 04000000 00000000 02000000 | 4100 4200",
    );
    let bad = Counted {
        length: 4,
        maximum_length: 8,
        buffer: Some(vec![1, 2, 3]),
    };
    assert_eq!(
        encode(&bad).unwrap_err().kind,
        EncodeErrorKind::CountMismatch {
            expected: 2,
            actual: 3
        }
    );
    let e =
        decode::<Counted>(&hex("0400 0800 00000200 04000000 00000000 01000000 4100")).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::CountMismatch {
            expected: 2,
            found: 1
        }
    );
    let too_long = Counted {
        length: 20,
        maximum_length: 8,
        buffer: Some(vec![0; 10]),
    };
    assert_eq!(
        encode(&too_long).unwrap_err().kind,
        EncodeErrorKind::LengthExceedsSize {
            length: 10,
            size: 4
        }
    );
}

#[test]
fn varying_array_has_offset_and_actual_count_only() {
    check(
        &Varying5 {
            n: 2,
            v: vec![1, 2],
        },
        "02000000 | 00000000 02000000 | 0100 0200",
    );
    assert!(
        encode(&Varying5 {
            n: 6,
            v: vec![0; 6]
        })
        .is_err()
    );
    let e = decode::<Varying5>(&hex("06000000 00000000 06000000 000000000000000000000000"))
        .unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::ActualExceedsMax { actual: 6, max: 5 }
    );
}

#[test]
fn size_is_may_name_a_later_field() {
    check(
        &LaterLen {
            data: Some(vec![1, 2, 3]),
            len: 3,
        },
        "00000200 03000000 | 03000000 010203",
    );
    let e = decode::<LaterLen>(&hex("00000200 02000000 03000000 010203")).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::CountMismatch {
            expected: 2,
            found: 3
        }
    );
}

#[test]
fn range_is_checked_both_ways() {
    check(&Ranged { n: 10 }, "0a000000");
    assert!(matches!(
        encode(&Ranged { n: 11 }).unwrap_err().kind,
        EncodeErrorKind::OutOfRange { .. }
    ));
    let e = decode::<Ranged>(&hex("0b000000")).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::OutOfRange {
            value: 11,
            min: 0,
            max: 10
        }
    );
    assert_eq!((e.ty, e.field), ("Ranged", "n"));
}

#[test]
fn parameter_lists_align_each_parameter_and_drop_ref_ids() {
    let req = Req {
        server: "S".into(),
        opt: None,
        level: 2,
        info: Small::Byte(1),
        resume: Some(0),
        count: 2,
        data: vec![0xaa, 0xbb],
    };
    // [string] server (ref: no id) | [unique] opt | level | union | [unique]
    // resume (first referent id) + its referent | count | conformant data.
    check(
        &req,
        "02000000 00000000 02000000 5300 0000 | 00000000 | 02000000 | 0200 0000 01 000000 \
         | 00000200 00000000 | 02000000 | 02000000 aabb",
    );
    let resp = Resp {
        sid: Sid {
            revision: 1,
            count: 1,
            authority: [0, 0, 0, 0, 0, 5],
            sub: vec![18],
        },
        resume: None,
        status: 5,
    };
    check(
        &resp,
        "01000000 01 01 000000000005 12000000 | 00000000 | 05000000",
    );
}

#[test]
fn strings_of_other_widths() {
    use crate::codec::{Str, Unique};
    use crate::{Args, Limits, Reader, Writer, decode_unit, encode_unit};
    let mut w = Writer::new();
    encode_unit::<Unique<Str>, Option<Vec<u8>>>(&Some(b"hi".to_vec()), Args::NONE, &mut w).unwrap();
    encode_unit::<Str, Vec<u16>>(&vec![0xd800], Args::NONE, &mut w).unwrap();
    let b = w.into_bytes();
    assert_eq!(
        b,
        hex(
            "00000200 03000000 00000000 03000000 686900 | 00 | 02000000 00000000 02000000 00d8 0000"
        )
    );
    let mut r = Reader::new(&b, Limits::DEFAULT);
    assert_eq!(
        decode_unit::<Unique<Str>, Option<Vec<u8>>>(Args::NONE, &mut r).unwrap(),
        Some(b"hi".to_vec())
    );
    assert_eq!(
        decode_unit::<Str, Vec<u16>>(Args::NONE, &mut r).unwrap(),
        vec![0xd800]
    );
    r.finish().unwrap();
}

#[test]
fn unpaired_surrogates_become_replacement_characters() {
    let v: Info1 = decode(&hex(
        "00000200 00000000 00000000 02000000 00000000 02000000 00d8 0000",
    ))
    .unwrap();
    assert_eq!(v.name.as_deref(), Some("\u{fffd}"));
}

#[test]
fn decoded_strings_hold_exactly_their_utf8_length() {
    // "ab" then U+00E9 (2 UTF-8 bytes) and a surrogate pair (4 bytes): no spare capacity, so a
    // large enumeration's result holds what it needs and not 3 bytes per UTF-16 unit.
    let v: Info1 = decode(&hex(
        "00000200 00000000 00000000 06000000 00000000 06000000 6100 6200 e900 3dd8 00de 0000",
    ))
    .unwrap();
    let name = v.name.unwrap();
    assert_eq!(name, "ab\u{e9}\u{1f600}");
    assert_eq!(name.capacity(), name.len());
}

#[test]
fn ascii_and_non_ascii_strings_decode_alike_with_exact_capacity() {
    // ASCII takes a fast path (one byte per unit); U+0080 and U+0100 are the first units
    // outside it by their low and their high byte.
    for text in [
        "",
        "a",
        "IPC$",
        "del\u{7f}",
        "nul\u{0}in",
        "\u{80}",
        "\u{100}",
        "x\u{141}y",
        "\u{1f600}",
    ] {
        let v: Info1 = decode(
            &encode(&Info1 {
                name: Some(text.to_string()),
                kind: 0,
                remark: None,
            })
            .unwrap(),
        )
        .unwrap();
        let name = v.name.unwrap();
        assert_eq!(name, text);
        assert_eq!(name.capacity(), name.len(), "{text:?}");
    }
}

#[test]
fn a_string_without_terminator_is_accepted() {
    let v: Info1 = decode(&hex(
        "00000200 00000000 00000000 01000000 00000000 01000000 6100",
    ))
    .unwrap();
    assert_eq!(v.name.as_deref(), Some("a"));
}

#[test]
fn decode_errors_name_the_innermost_type_and_field() {
    // Info1Container -> Info1.remark string truncated.
    let mut b = encode(&Info1Container {
        count: 1,
        buffer: Some(vec![Info1 {
            name: None,
            kind: 0,
            remark: Some("abc".into()),
        }]),
    })
    .unwrap();
    b.truncate(b.len() - 3);
    let e = decode::<Info1Container>(&b).unwrap_err();
    assert_eq!((e.ty, e.field), ("Info1", "remark"));
    assert!(
        matches!(e.kind, DecodeErrorKind::CountExceedsInput { count: 4, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("Info1.remark"), "{e}");
}
