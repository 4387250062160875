//! Primitive types (\[C706\] 14.2: integers, `boolean`, `hyper`; 14.3.3.1
//! fixed arrays), plus `Box<T>` for recursive declarations.
//!
//! Integers are little-endian and aligned to their size (`hyper` to 8).
//! Arrays of integers take a slice fast path: one bounds check and one copy
//! instead of a call per element. Floating point is left out (unused by the
//! NetApi interfaces).

use crate::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::reader::Reader;
use crate::traits::Ndr;
use crate::writer::Writer;

/// Reads `n` integers of `SIZE` bytes after aligning, as one slice.
fn int_slice<'r, const SIZE: usize>(
    n: usize,
    r: &'r mut Reader<'_>,
) -> Result<std::borrow::Cow<'r, [u8]>, DecodeError> {
    r.align(SIZE)?;
    let bytes = n
        .checked_mul(SIZE)
        .ok_or_else(|| r.error(DecodeErrorKind::Overflow))?;
    r.take(bytes)
}

macro_rules! int_ndr {
    ($($t:ty),*) => {$(
        impl Ndr for $t {
            const ALIGN: usize = core::mem::size_of::<$t>();
            const MIN_WIRE_SIZE: usize = core::mem::size_of::<$t>();
            type Inline = $t;

            fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError> {
                w.align(Self::ALIGN);
                w.bytes(&self.to_le_bytes());
                Ok(())
            }
            fn encode_deferred(&self, _w: &mut Writer) -> Result<(), EncodeError> {
                Ok(())
            }
            #[inline]
            fn decode_inline(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                r.align(Self::ALIGN)?;
                Ok(<$t>::from_le_bytes(r.array()?))
            }
            fn decode_deferred(inline: Self, _r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                Ok(inline)
            }
            fn encode_inline_slice(items: &[Self], w: &mut Writer) -> Result<(), EncodeError> {
                if !items.is_empty() {
                    w.align(Self::ALIGN);
                }
                for v in items {
                    w.bytes(&v.to_le_bytes());
                }
                Ok(())
            }
            fn encode_deferred_slice(_items: &[Self], _w: &mut Writer) -> Result<(), EncodeError> {
                Ok(())
            }
            fn decode_inline_vec(n: usize, r: &mut Reader<'_>) -> Result<Vec<Self>, DecodeError> {
                const SIZE: usize = core::mem::size_of::<$t>();
                if n == 0 {
                    return Ok(Vec::new());
                }
                r.charge_elements::<$t>(n)?;
                let bytes = int_slice::<SIZE>(n, r)?;
                Ok(bytes
                    .chunks_exact(SIZE)
                    .map(|c| <[u8; SIZE]>::try_from(c).map(<$t>::from_le_bytes).unwrap_or_default())
                    .collect())
            }
            fn decode_deferred_vec(items: Vec<Self>, _r: &mut Reader<'_>) -> Result<Vec<Self>, DecodeError> {
                Ok(items)
            }
            fn decode_inline_array<const N: usize>(r: &mut Reader<'_>) -> Result<[Self; N], DecodeError> {
                const SIZE: usize = core::mem::size_of::<$t>();
                let bytes = int_slice::<SIZE>(N, r)?;
                let mut chunks = bytes.chunks_exact(SIZE);
                Ok(core::array::from_fn(|_| {
                    chunks
                        .next()
                        .and_then(|c| <[u8; SIZE]>::try_from(c).ok())
                        .map(<$t>::from_le_bytes)
                        .unwrap_or_default()
                }))
            }
            fn decode_deferred_array<const N: usize>(items: [Self; N], _r: &mut Reader<'_>) -> Result<[Self; N], DecodeError> {
                Ok(items)
            }
        }
    )*};
}
int_ndr!(u16, u32, u64, i8, i16, i32, i64);

// u8 gets its own impl: byte buffers are the hottest arrays
// (`[size_is(n)] unsigned char*`), decoded by one slice copy.
impl Ndr for u8 {
    const ALIGN: usize = 1;
    const MIN_WIRE_SIZE: usize = 1;
    type Inline = u8;

    fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError> {
        w.u8(*self);
        Ok(())
    }
    fn encode_deferred(&self, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.u8()
    }
    fn decode_deferred(inline: Self, _r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(inline)
    }
    fn encode_inline_slice(items: &[Self], w: &mut Writer) -> Result<(), EncodeError> {
        w.bytes(items);
        Ok(())
    }
    fn encode_deferred_slice(_items: &[Self], _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline_vec(n: usize, r: &mut Reader<'_>) -> Result<Vec<Self>, DecodeError> {
        let bytes = r.take_charged(n, <[u8]>::len)?;
        Ok(bytes.into_owned())
    }
    fn decode_deferred_vec(
        items: Vec<Self>,
        _r: &mut Reader<'_>,
    ) -> Result<Vec<Self>, DecodeError> {
        Ok(items)
    }
    fn decode_inline_array<const N: usize>(r: &mut Reader<'_>) -> Result<[Self; N], DecodeError> {
        r.array::<N>()
    }
    fn decode_deferred_array<const N: usize>(
        items: [Self; N],
        _r: &mut Reader<'_>,
    ) -> Result<[Self; N], DecodeError> {
        Ok(items)
    }
}

/// NDR `boolean`: one octet; 0 is false. Any nonzero octet decodes as true
/// (C706 only defines 1, but being strict here would buy nothing).
impl Ndr for bool {
    const ALIGN: usize = 1;
    const MIN_WIRE_SIZE: usize = 1;
    type Inline = bool;

    fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError> {
        w.u8(u8::from(*self));
        Ok(())
    }
    fn encode_deferred(&self, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(r.u8()? != 0)
    }
    fn decode_deferred(inline: Self, _r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(inline)
    }
}

/// Fixed arrays (\[C706\] 14.3.3.1): the elements, no counts.
impl<T: Ndr, const N: usize> Ndr for [T; N] {
    const ALIGN: usize = T::ALIGN;
    const MIN_WIRE_SIZE: usize = T::MIN_WIRE_SIZE.saturating_mul(N);
    type Inline = [T::Inline; N];

    fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError> {
        w.align(T::ALIGN);
        T::encode_inline_slice(self, w)
    }
    fn encode_deferred(&self, w: &mut Writer) -> Result<(), EncodeError> {
        T::encode_deferred_slice(self, w)
    }
    fn decode_inline(r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        r.align(T::ALIGN)?;
        T::decode_inline_array::<N>(r)
    }
    fn decode_deferred(inline: Self::Inline, r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        T::decode_deferred_array::<N>(inline, r)
    }
}

/// `Box<T>` is marshalled as `T`; it exists so recursive types
/// (`#[ndr(unique)] next: Option<Box<Node>>`) can be declared.
impl<T: Ndr> Ndr for Box<T> {
    const ALIGN: usize = T::ALIGN;
    const MIN_WIRE_SIZE: usize = T::MIN_WIRE_SIZE;
    const CONFORMANT: bool = T::CONFORMANT;
    type Inline = T::Inline;

    fn encode_conformance(&self, w: &mut Writer) -> Result<(), EncodeError> {
        (**self).encode_conformance(w)
    }
    fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError> {
        (**self).encode_inline(w)
    }
    fn encode_deferred(&self, w: &mut Writer) -> Result<(), EncodeError> {
        (**self).encode_deferred(w)
    }
    fn decode_inline(r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        T::decode_inline(r)
    }
    fn decode_deferred(inline: Self::Inline, r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let v = T::decode_deferred(inline, r)?;
        r.charge_elements::<T>(1)?;
        Ok(Box::new(v))
    }
}
