//! Field codecs: how IDL attributes change a field's representation.
//!
//! The derive maps attributes to these markers (innermost first):
//!
//! | IDL | codec | Rust field |
//! |---|---|---|
//! | (none) | [`Plain`] | `T: Ndr` |
//! | `[switch_is(f)]` | [`Switched`] | union `U` |
//! | `[size_is(n)]` | [`Conformant`] | `Vec<T>` |
//! | `[size_is(n), length_is(m)]` | [`ConfVarying`] | `Vec<T>`; `String` for `wchar_t` units |
//! | `[length_is(m)] T x[N]` | [`Varying`] (via `with`) | `Vec<T>` |
//! | `[string]` | [`Str`] | `String`, `Vec<u16>`, `Vec<u8>` (`char`) |
//! | `[unique]` / `[ptr]` | [`Unique`] / [`Full`] wrapping the above | `Option<_>` |
//! | `[ref]` (embedded) | [`Ref`] wrapping the above | `_` |

mod array;
mod pointer;
mod string;

pub use array::{ConfVarying, Conformant, Varying};
pub use pointer::{Full, Ref, Unique};
pub use string::{Str, Utf16Text, utf16_lossy};

use crate::error::{DecodeError, EncodeError};
use crate::reader::Reader;
use crate::traits::{
    Args, Codec, Ndr, NdrUnion, decode_union_inline, encode_union_inline, union_align,
};
use crate::writer::Writer;

/// A field marshalled as its type's own [`Ndr`] representation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Plain;

impl<T: Ndr> Codec<T> for Plain {
    const ALIGN: usize = T::ALIGN;
    const MIN_WIRE_SIZE: usize = T::MIN_WIRE_SIZE;
    const CONFORMANT: bool = T::CONFORMANT;
    type Inline = T::Inline;

    fn encode_conformance(v: &T, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        v.encode_conformance(w)
    }
    fn encode_inline(v: &T, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        v.encode_inline(w)
    }
    fn encode_deferred(v: &T, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        v.encode_deferred(w)
    }
    fn decode_inline(_a: Args, r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        T::decode_inline(r)
    }
    fn decode_deferred(
        inline: Self::Inline,
        _a: Args,
        r: &mut Reader<'_>,
    ) -> Result<T, DecodeError> {
        T::decode_deferred(inline, r)
    }
    fn encode_inline_slice(items: &[T], w: &mut Writer) -> Result<(), EncodeError> {
        T::encode_inline_slice(items, w)
    }
    fn encode_deferred_slice(items: &[T], w: &mut Writer) -> Result<(), EncodeError> {
        T::encode_deferred_slice(items, w)
    }
    fn decode_inline_vec(n: usize, r: &mut Reader<'_>) -> Result<Vec<Self::Inline>, DecodeError> {
        T::decode_inline_vec(n, r)
    }
    fn decode_deferred_vec(
        items: Vec<Self::Inline>,
        r: &mut Reader<'_>,
    ) -> Result<Vec<T>, DecodeError> {
        T::decode_deferred_vec(items, r)
    }
}

/// A non-encapsulated union whose discriminant is given by `switch_is`
/// (\[C706\] 14.3.8, \[MS-RPCE\] 2.2.4.8): the discriminant is still marshalled
/// in front of the arm, and must equal the `switch_is` value.
#[derive(Debug, Clone, Copy, Default)]
pub struct Switched;

impl<U: NdrUnion> Codec<U> for Switched {
    const ALIGN: usize = union_align::<U>();
    const MIN_WIRE_SIZE: usize = <U::Switch as Ndr>::MIN_WIRE_SIZE;
    type Inline = U::ArmInline;

    fn encode_inline(v: &U, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        encode_union_inline(v, a.switch, w)
    }
    fn encode_deferred(v: &U, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        v.encode_arm_deferred(w)
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        decode_union_inline::<U>(a.switch, r)
    }
    fn decode_deferred(
        inline: Self::Inline,
        _a: Args,
        r: &mut Reader<'_>,
    ) -> Result<U, DecodeError> {
        U::decode_arm_deferred(inline, r)
    }
}
