//! `read_enumeration` (the direct reader of SAMR enumeration answers) against the derived
//! decoder: on Samba's captured answers, on generated answers (names of any UTF-16, lone
//! surrogates and odd lengths included, null names and null buffers), and on damaged ones,
//! it either gives exactly what the derived decoder gives or declines (`None`) — never a
//! different answer, never an answer where the derived decoder fails.

mod common;

use netapi_msrpc::dtyp::RpcUnicodeString;
use netapi_msrpc::samr::*;
use netapi_ndr::{Limits, Ndr, decode, encode};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;

fn derived(stub: &[u8]) -> Option<EnumerationAnswer> {
    decode::<SamrEnumerateUsersInDomainResponse>(stub)
        .ok()
        .map(|r| EnumerationAnswer {
            enumeration_context: r.enumeration_context,
            buffer: r.buffer,
            count_returned: r.count_returned,
            status: r.status,
        })
}

/// The direct reader agrees with the derived decoder, or declines.
fn agrees(stub: &[u8]) -> Result<(), TestCaseError> {
    if let Some(direct) = read_enumeration(stub, &Limits::DEFAULT) {
        prop_assert_eq!(Some(direct), derived(stub));
    }
    Ok(())
}

#[test]
fn samba_answers_read_as_the_derived_decoder_reads_them() {
    for name in [
        "13-SamrEnumerateUsersInDomain-all-dc",
        "13-SamrEnumerateUsersInDomain-all-fs",
        "13-SamrEnumerateUsersInDomain-normal-pref1-dc",
        "13-SamrEnumerateUsersInDomain-normal-pref1-fs",
        "15-SamrEnumerateAliasesInDomain-account-dc",
        "15-SamrEnumerateAliasesInDomain-account-fs",
        "15-SamrEnumerateAliasesInDomain-builtin-dc",
        "15-SamrEnumerateAliasesInDomain-builtin-fs",
    ] {
        let b = common::load(&format!("samr/{name}.out.samba-4.17.hex"));
        let direct = read_enumeration(&b, &Limits::DEFAULT);
        assert!(direct.is_some(), "{name}: declined");
        assert_eq!(direct, derived(&b), "{name}");
        // Every strict prefix is declined (the derived decoder fails on each).
        for n in 0..b.len() {
            assert_eq!(
                read_enumeration(&b[..n], &Limits::DEFAULT),
                None,
                "{name}: {n} bytes"
            );
        }
    }
}

/// The wire form of `SAMPR_RID_ENUMERATION` with the name's units kept as sent.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
struct RawEntry {
    relative_id: u32,
    name: RpcUnicodeString,
}

#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
struct RawBuffer {
    #[ndr(range(0, MAX_ENTRIES))]
    entries_read: u32,
    #[ndr(unique, size_is(entries_read))]
    buffer: Option<Vec<RawEntry>>,
}

#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
struct RawAnswer {
    enumeration_context: u32,
    #[ndr(unique)]
    buffer: Option<RawBuffer>,
    count_returned: u32,
    status: u32,
}

fn name() -> impl Strategy<Value = RpcUnicodeString> {
    prop_oneof![
        Just(RpcUnicodeString::null()),
        // Mostly ASCII, sometimes any unit (lone surrogates included), spare room at times.
        (
            prop_oneof![vec(0x20u16..0x7f, 0..16), vec(any::<u16>(), 0..8),],
            0u16..3
        )
            .prop_map(|(units, spare)| {
                let mut s = RpcUnicodeString::from_units(units).unwrap();
                s.maximum_length += spare * 2;
                s
            }),
    ]
}

fn answer() -> impl Strategy<Value = RawAnswer> {
    (
        any::<u32>(),
        of(of(vec((any::<u32>(), name()), 0..40))),
        any::<u32>(),
        any::<u32>(),
    )
        .prop_map(|(ctx, buffer, count, status)| RawAnswer {
            enumeration_context: ctx,
            buffer: buffer.map(|b| RawBuffer {
                entries_read: b.as_ref().map_or(0, |v| v.len() as u32),
                buffer: b.map(|v| {
                    v.into_iter()
                        .map(|(relative_id, name)| RawEntry { relative_id, name })
                        .collect()
                }),
            }),
            count_returned: count,
            status,
        })
}

proptest! {
    #[test]
    fn generated_answers_read_as_the_derived_decoder_reads_them(a in answer()) {
        let b = encode(&a).unwrap();
        let direct = read_enumeration(&b, &Limits::DEFAULT);
        prop_assert!(direct.is_some(), "declined a well-formed answer");
        prop_assert_eq!(direct, derived(&b));
    }

    #[test]
    fn damaged_answers_are_read_alike_or_declined(
        a in answer(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut b = encode(&a).unwrap();
        if !b.is_empty() {
            let i = at.index(b.len());
            b[i] = byte;
        }
        agrees(&b)?;
        let n = cut.index(b.len() + 1);
        agrees(&b[..n])?;
        let mut longer = b.clone();
        longer.extend_from_slice(&[0, 0, 0, 0]);
        agrees(&longer)?;
    }
}

#[test]
fn entries_beyond_the_limits_are_left_to_the_derived_decoder() {
    // EntriesRead above MAX_ENTRIES, and a string longer than Limits::max_string_len.
    let a = RawAnswer {
        enumeration_context: 0,
        buffer: Some(RawBuffer {
            entries_read: 1,
            buffer: Some(vec![RawEntry {
                relative_id: 1000,
                name: RpcUnicodeString::from_units(vec![0x41; 300]).unwrap(),
            }]),
        }),
        count_returned: 1,
        status: 0,
    };
    let b = encode(&a).unwrap();
    assert!(read_enumeration(&b, &Limits::DEFAULT).is_some());
    let tight = Limits::DEFAULT.with_max_string_len(100);
    assert_eq!(read_enumeration(&b, &tight), None);
    let mut over = b.clone();
    // EntriesRead follows the context and the buffer's pointer.
    over[8..12].copy_from_slice(&(MAX_ENTRIES + 1).to_le_bytes());
    assert_eq!(read_enumeration(&over, &Limits::DEFAULT), None);
}
