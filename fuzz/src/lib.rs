//! Shared pieces of the netapi fuzz targets (`fuzz_targets/*.rs`; see `docs/fuzzing.md`).
//!
//! * [`alloc`]: a counting global allocator, so a target can assert that one input never makes
//!   the code under test hold more than a bounded multiple of its own size ("no ballooning").
//! * [`splits`]: cut an input into chunks whose sizes a selector byte picks, to feed sans-IO
//!   state machines "in any split".
//! * [`ndr_round_trip`]: decode, and when that succeeds re-encode and decode again (STYLE §7).
//! * [`fake_auth`]: a permissive, deterministic `SecurityContext` for the DCE/RPC association.
//! * [`dcerpc_driver`]: the client side of `dcerpc_assoc`, shared with the seed generator.
//! * [`smb2_driver`]: the client side of `smb2_connection`, shared with the seed generator.
//! * [`tables`]: the NDR types the decode targets pick from by their first input byte.
//!
//! Nothing here runs in the workspace: the crate is excluded from it (as rustls and hickory do).

pub mod alloc;
pub mod dcerpc_driver;
pub mod fake_auth;
pub mod smb2_driver;
pub mod tables;

use std::fmt::Debug;

use netapi_ndr::Ndr;

/// Up to `n` tokens of `input`, each prefixed by its 16-bit little-endian length (a length
/// beyond the input takes what is left): how the authentication targets receive server tokens.
pub fn tokens(mut rest: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    while out.len() < n {
        let [a, b, tail @ ..] = rest else { break };
        let len = usize::from(u16::from_le_bytes([*a, *b])).min(tail.len());
        let (tok, tail) = tail.split_at(len);
        out.push(tok);
        rest = tail;
    }
    out
}

/// Splits `data` into consecutive chunks; `selector` picks the chunk sizes. Every byte of
/// `data` is in exactly one chunk and no chunk is empty. Lazy, so it allocates nothing (the
/// targets' memory budgets measure the code under test, not the harness).
///
/// Selectors 0..=7 use one fixed size (the whole input, 1, 2, 3, 7, 16, 61, 1024 bytes); the
/// others derive a pseudo-random size sequence (1..=64) from the selector.
pub fn splits(selector: u8, data: &[u8]) -> impl Iterator<Item = &[u8]> {
    const FIXED: [usize; 8] = [usize::MAX, 1, 2, 3, 7, 16, 61, 1024];
    let mut rest = data;
    let mut state = u32::from(selector) | 0x9e37_0000;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let n = if selector < 8 {
            FIXED[usize::from(selector)]
        } else {
            // xorshift32: deterministic per selector.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 64) as usize + 1
        };
        let (head, tail) = rest.split_at(n.min(rest.len()));
        rest = tail;
        Some(head)
    })
}

/// Decodes `bytes` as `T`; when that succeeds, encodes the value (which must work), decodes the
/// encoding (which must work and give an equal value) and checks that encoding is stable
/// (encoding the second value gives the same bytes). Returns whether `bytes` decoded.
///
/// The input is also decoded as 61-byte chunks (`netapi_ndr::decode_chunks`, as responses are
/// decoded from their fragments), which must give the same value or the same error.
pub fn ndr_round_trip<T: Ndr + PartialEq + Debug>(bytes: &[u8]) -> bool {
    let whole = netapi_ndr::decode::<T>(bytes);
    let chunks = bytes.chunks(61).map(<[u8]>::to_vec).collect();
    let pieces = netapi_ndr::decode_chunks::<T>(chunks, netapi_ndr::Limits::DEFAULT);
    match (&whole, &pieces) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{}: chunked decode differs", name::<T>()),
        (Err(a), Err(b)) => assert_eq!(
            a.to_string(),
            b.to_string(),
            "{}: chunked error differs",
            name::<T>()
        ),
        _ => panic!("{}: whole {whole:?} but chunked {pieces:?}", name::<T>()),
    }
    drop(pieces);
    let Ok(v) = whole else {
        return false;
    };
    let enc = netapi_ndr::encode(&v)
        .unwrap_or_else(|e| panic!("{}: decoded value does not encode: {e}\n{v:?}", name::<T>()));
    let v2 = netapi_ndr::decode::<T>(&enc)
        .unwrap_or_else(|e| panic!("{}: re-encoding does not decode: {e}\n{v:?}", name::<T>()));
    assert_eq!(v, v2, "{}: decode(encode(v)) != v", name::<T>());
    let enc2 = netapi_ndr::encode(&v2).expect("second encode");
    assert_eq!(enc, enc2, "{}: encoding is not stable", name::<T>());
    true
}

fn name<T>() -> &'static str {
    std::any::type_name::<T>()
}

/// Upper bound on the bytes a target may hold at once while handling an input of `len` bytes:
/// a generous multiple of the input plus a fixed allowance for fixed-size state (crypto
/// contexts, sspi's NTLM state, queues of small events).
pub fn alloc_budget(len: usize, per_byte: usize, fixed: usize) -> usize {
    len.saturating_mul(per_byte).saturating_add(fixed)
}
