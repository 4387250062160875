//! Property tests: decode(encode(x)) == x, arbitrary bytes never panic, and
//! a throughput sanity check.

use proptest::prelude::*;

use super::types::*;
use crate::{Limits, decode, decode_chunks, decode_with, encode};

fn opt_string() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(".{0,12}")
}

fn info1() -> impl Strategy<Value = Info1> {
    (opt_string(), any::<u32>(), opt_string()).prop_map(|(name, kind, remark)| Info1 {
        name,
        kind,
        remark,
    })
}

fn container() -> impl Strategy<Value = Info1Container> {
    proptest::option::of(proptest::collection::vec(info1(), 0..6)).prop_map(|buffer| {
        Info1Container {
            count: buffer.as_ref().map_or(0, |b| b.len() as u32),
            buffer,
        }
    })
}

fn small() -> impl Strategy<Value = (u16, Small)> {
    prop_oneof![
        any::<u32>().prop_map(|w| (1, Small::Word(w))),
        any::<u8>().prop_map(|b| (2, Small::Byte(b))),
        (3u16..=4).prop_map(|l| (l, Small::Empty)),
        (5u16..).prop_map(|l| (l, Small::Other(l))),
    ]
}

fn sid() -> impl Strategy<Value = Sid> {
    (
        any::<u8>(),
        any::<[u8; 6]>(),
        proptest::collection::vec(any::<u32>(), 0..15),
    )
        .prop_map(|(revision, authority, sub)| Sid {
            revision,
            count: sub.len() as u8,
            authority,
            sub,
        })
}

fn req() -> impl Strategy<Value = Req> {
    (
        ".{0,8}",
        opt_string(),
        small(),
        proptest::option::of(any::<u32>()),
        proptest::collection::vec(any::<u8>(), 0..16),
    )
        .prop_map(|(server, opt, (level, info), resume, data)| Req {
            server,
            opt,
            level: u32::from(level),
            info,
            resume,
            count: data.len() as u32,
            data,
        })
}

fn counted() -> impl Strategy<Value = Counted> {
    (
        proptest::collection::vec(any::<u16>(), 0..8),
        0u16..4,
        any::<bool>(),
    )
        .prop_map(|(buf, extra, null)| {
            let length = (buf.len() * 2) as u16;
            Counted {
                length,
                maximum_length: length + extra * 2,
                buffer: if null { None } else { Some(buf) },
            }
        })
}

proptest! {
    #[test]
    fn roundtrip_container(v in container()) {
        prop_assert_eq!(decode::<Info1Container>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn roundtrip_switched((level, u) in small()) {
        let v = Switched { level, u };
        prop_assert_eq!(decode::<Switched>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn roundtrip_holder(tag in any::<u32>(), sid in sid()) {
        let v = Holder { tag, sid };
        prop_assert_eq!(decode::<Holder>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn roundtrip_req(v in req()) {
        prop_assert_eq!(decode::<Req>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn roundtrip_counted(v in counted()) {
        prop_assert_eq!(decode::<Counted>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn roundtrip_outer(s in opt_string(), p in any::<bool>(), q in proptest::option::of(any::<u32>())) {
        let v = Outer { p: p.then_some(Inner { s }), q };
        prop_assert_eq!(decode::<Outer>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..256)) {
        let l = Limits::DEFAULT.with_max_alloc_bytes(1 << 16);
        let _ = decode_with::<Info1Container>(&b, l);
        let _ = decode_with::<Req>(&b, l);
        let _ = decode_with::<Holder>(&b, l);
        let _ = decode_with::<Switched>(&b, l);
        let _ = decode_with::<FullNode>(&b, l);
        let _ = decode_with::<Aliasing>(&b, l);
        let _ = decode_with::<Counted>(&b, l);
    }

    #[test]
    fn mutated_encodings_never_panic(v in container(), idx in any::<usize>(), byte in any::<u8>()) {
        let mut b = encode(&v).unwrap();
        if !b.is_empty() {
            let i = idx % b.len();
            b[i] = byte;
        }
        let _ = decode::<Info1Container>(&b);
    }
}

type Aliasing = FullMixed;

/// `bytes` cut at `cuts` (positions taken modulo the length, in any order, repeats allowed:
/// empty chunks are part of the test).
fn split(bytes: &[u8], cuts: &[usize]) -> Vec<Vec<u8>> {
    let mut at: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    at.sort_unstable();
    let mut chunks = Vec::new();
    let mut from = 0;
    for a in at.into_iter().chain([bytes.len()]) {
        chunks.push(bytes[from..a].to_vec());
        from = a;
    }
    chunks
}

proptest! {
    /// A stub decodes the same whole or in chunks, wherever the chunks are cut (reads that
    /// straddle chunks, alignment padding across a boundary, strings split mid-character).
    #[test]
    fn chunked_decode_equals_whole(v in container(), r in req(), cuts in proptest::collection::vec(any::<usize>(), 0..12)) {
        let b = encode(&v).unwrap();
        prop_assert_eq!(decode_chunks::<Info1Container>(split(&b, &cuts), Limits::DEFAULT).unwrap(), v);
        let b = encode(&r).unwrap();
        prop_assert_eq!(decode_chunks::<Req>(split(&b, &cuts), Limits::DEFAULT).unwrap(), r);
    }

    /// On arbitrary input the chunked reader fails exactly where and how the contiguous one does.
    #[test]
    fn chunked_decode_fails_as_whole(b in proptest::collection::vec(any::<u8>(), 0..256), cuts in proptest::collection::vec(any::<usize>(), 0..8)) {
        let l = Limits::DEFAULT.with_max_alloc_bytes(1 << 12);
        prop_assert_eq!(
            decode_chunks::<Info1Container>(split(&b, &cuts), l).map_err(|e| e.to_string()),
            decode_with::<Info1Container>(&b, l).map_err(|e| e.to_string())
        );
        prop_assert_eq!(
            decode_chunks::<Req>(split(&b, &cuts), l).map_err(|e| e.to_string()),
            decode_with::<Req>(&b, l).map_err(|e| e.to_string())
        );
        prop_assert_eq!(
            decode_chunks::<Counted>(split(&b, &cuts), l).map_err(|e| e.to_string()),
            decode_with::<Counted>(&b, l).map_err(|e| e.to_string())
        );
    }
}

#[test]
fn ten_thousand_share_infos_decode_whole_and_in_fragment_sized_chunks() {
    let items: Vec<Info502> = (0..10_000)
        .map(|i| Info502 {
            netname: Some(format!("share{i}")),
            kind: 0,
            remark: Some("a remark".into()),
            permissions: 0,
            max_uses: u32::MAX,
            current_uses: 1,
            path: Some(format!("C:\\shares\\share{i}")),
            passwd: None,
            reserved: 0,
            security_descriptor: None,
        })
        .collect();
    let v = Info502Container {
        count: 10_000,
        buffer: Some(items),
    };
    let b = encode(&v).unwrap();
    assert_eq!(decode::<Info502Container>(&b).unwrap(), v);
    // Samba's fragments carry 4256 stub bytes; an odd size puts every boundary mid-field.
    for size in [4256, 4093] {
        let chunks = b.chunks(size).map(<[u8]>::to_vec).collect();
        assert_eq!(
            decode_chunks::<Info502Container>(chunks, Limits::DEFAULT).unwrap(),
            v
        );
    }
}
