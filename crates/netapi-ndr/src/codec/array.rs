//! Conformant, varying and conformant-varying arrays (\[C706\] 14.3.3.2–14.3.3.4).
//!
//! `max_count` of a conformant array is the array's conformance: written by
//! `encode_conformance` in front of the outermost structure (or of the
//! referent, or of the parameter) and taken from the [`Reader`] on decode.
//! `offset` must be 0: `first_is` is not used by the NetApi interfaces, so a
//! nonzero offset is rejected instead of being given a meaning.

use core::marker::PhantomData;

use super::Plain;
use crate::error::{DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind};
use crate::reader::Reader;
use crate::traits::{Args, Codec};
use crate::writer::Writer;

/// `[size_is(n)] T a[]` / `[size_is(n)] T* p` referent: `max_count`, then
/// the elements. `n` must equal the Vec's length on encode and the wire
/// `max_count` on decode.
#[derive(Debug, Clone, Copy, Default)]
pub struct Conformant<E = Plain>(PhantomData<E>);

/// `[size_is(n), length_is(m)]`: `max_count` (hoisted), then `offset` (0),
/// `actual_count`, and `actual_count` elements. The Vec holds the
/// transmitted elements; `n` defaults to its length.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConfVarying<E = Plain>(PhantomData<E>);

/// `[length_is(m)] T a[N]`: `offset` (0), `actual_count` (≤ N), elements.
#[derive(Debug, Clone, Copy, Default)]
pub struct Varying<E, const N: usize>(PhantomData<E>);

fn len_u64(len: usize) -> Result<u64, EncodeError> {
    u64::try_from(len).map_err(|_| EncodeError::new(EncodeErrorKind::CountOverflow(len)))
}

/// Checks a wire count against the IDL expression's value, if any.
#[inline]
pub(super) fn expect_count(
    r: &Reader<'_>,
    expected: Option<u64>,
    found: u32,
) -> Result<(), DecodeError> {
    match expected {
        Some(e) if e != u64::from(found) => Err(r.error(DecodeErrorKind::CountMismatch {
            expected: e,
            found: u64::from(found),
        })),
        _ => Ok(()),
    }
}

fn array_limit(r: &Reader<'_>, count: u32) -> Result<(), DecodeError> {
    let max = r.limits().max_array_len;
    if count > max {
        return Err(r.error(DecodeErrorKind::LimitExceeded {
            limit: "Limits::max_array_len",
            value: u64::from(count),
            max: u64::from(max),
        }));
    }
    Ok(())
}

/// Reads `offset` and `actual_count` of a varying part bounded by `max`.
#[inline]
pub(super) fn read_variance(
    r: &mut Reader<'_>,
    expected_len: Option<u64>,
    max: u32,
) -> Result<u32, DecodeError> {
    let offset = r.count()?;
    if offset != 0 {
        return Err(r.error(DecodeErrorKind::NonZeroOffset(offset)));
    }
    let actual = r.count()?;
    if actual > max {
        return Err(r.error(DecodeErrorKind::ActualExceedsMax { actual, max }));
    }
    expect_count(r, expected_len, actual)?;
    Ok(actual)
}

/// Elements of an array whose count was read from the wire.
fn elements<T, E: Codec<T>>(count: u32, r: &mut Reader<'_>) -> Result<Vec<E::Inline>, DecodeError> {
    let max = r.limits().max_array_len;
    let n = r.check_count(count, E::MIN_WIRE_SIZE.max(1), "Limits::max_array_len", max)?;
    r.align(E::ALIGN)?;
    E::decode_inline_vec(n, r)
}

impl<T, E: Codec<T>> Codec<Vec<T>> for Conformant<E> {
    const ALIGN: usize = E::ALIGN;
    const MIN_WIRE_SIZE: usize = 0;
    const CONFORMANT: bool = true;
    type Inline = Vec<E::Inline>;

    fn encode_conformance(v: &Vec<T>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        let len = len_u64(v.len())?;
        if let Some(size) = a.size
            && size != len
        {
            return Err(EncodeError::new(EncodeErrorKind::CountMismatch {
                expected: size,
                actual: len,
            }));
        }
        w.count(v.len())
    }
    fn encode_inline(v: &Vec<T>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        w.align(E::ALIGN);
        E::encode_inline_slice(v, w)
    }
    fn encode_deferred(v: &Vec<T>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        E::encode_deferred_slice(v, w)
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        let max = r.take_conformance()?;
        expect_count(r, a.size, max)?;
        elements::<T, E>(max, r)
    }
    fn decode_deferred(
        inline: Self::Inline,
        _a: Args,
        r: &mut Reader<'_>,
    ) -> Result<Vec<T>, DecodeError> {
        E::decode_deferred_vec(inline, r)
    }
}

/// `size_is` (default: the length) and `length_is` (must equal the length).
pub(super) fn conf_varying_counts(len: usize, a: Args) -> Result<(u64, u64), EncodeError> {
    let len = len_u64(len)?;
    let length = a.length.unwrap_or(len);
    if length != len {
        return Err(EncodeError::new(EncodeErrorKind::CountMismatch {
            expected: length,
            actual: len,
        }));
    }
    let size = a.size.unwrap_or(len);
    if length > size {
        return Err(EncodeError::new(EncodeErrorKind::LengthExceedsSize {
            length,
            size,
        }));
    }
    Ok((size, length))
}

pub(super) fn write_u32_count(n: u64, w: &mut Writer) -> Result<(), EncodeError> {
    let n = usize::try_from(n).map_err(|_| EncodeError::new(EncodeErrorKind::Overflow))?;
    w.count(n)
}

impl<T, E: Codec<T>> Codec<Vec<T>> for ConfVarying<E> {
    const ALIGN: usize = if E::ALIGN > 4 { E::ALIGN } else { 4 };
    const MIN_WIRE_SIZE: usize = 8;
    const CONFORMANT: bool = true;
    type Inline = Vec<E::Inline>;

    fn encode_conformance(v: &Vec<T>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        let (size, _) = conf_varying_counts(v.len(), a)?;
        write_u32_count(size, w)
    }
    fn encode_inline(v: &Vec<T>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        conf_varying_counts(v.len(), a)?;
        w.count(0)?;
        w.count(v.len())?;
        w.align(E::ALIGN);
        E::encode_inline_slice(v, w)
    }
    fn encode_deferred(v: &Vec<T>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        E::encode_deferred_slice(v, w)
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        let max = r.take_conformance()?;
        expect_count(r, a.size, max)?;
        array_limit(r, max)?;
        let actual = read_variance(r, a.length, max)?;
        elements::<T, E>(actual, r)
    }
    fn decode_deferred(
        inline: Self::Inline,
        _a: Args,
        r: &mut Reader<'_>,
    ) -> Result<Vec<T>, DecodeError> {
        E::decode_deferred_vec(inline, r)
    }
}

impl<T, E: Codec<T>, const N: usize> Codec<Vec<T>> for Varying<E, N> {
    const ALIGN: usize = if E::ALIGN > 4 { E::ALIGN } else { 4 };
    const MIN_WIRE_SIZE: usize = 8;
    type Inline = Vec<E::Inline>;

    fn encode_inline(v: &Vec<T>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        let dim = len_u64(N)?;
        let (_, length) = conf_varying_counts(
            v.len(),
            Args {
                size: Some(dim),
                ..a
            },
        )?;
        w.count(0)?;
        write_u32_count(length, w)?;
        w.align(E::ALIGN);
        E::encode_inline_slice(v, w)
    }
    fn encode_deferred(v: &Vec<T>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        E::encode_deferred_slice(v, w)
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        let dim = u32::try_from(N).unwrap_or(u32::MAX);
        let actual = read_variance(r, a.length, dim)?;
        elements::<T, E>(actual, r)
    }
    fn decode_deferred(
        inline: Self::Inline,
        _a: Args,
        r: &mut Reader<'_>,
    ) -> Result<Vec<T>, DecodeError> {
        E::decode_deferred_vec(inline, r)
    }
}
