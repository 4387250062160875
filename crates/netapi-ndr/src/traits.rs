//! The two-phase NDR traits (\[C706\] 14.3.12.3: embedded pointer referents are
//! deferred until after the construct that embeds them).
//!
//! [`Ndr`] is implemented by value types (integers, structures, unions, wire
//! enums). [`Codec`] describes how a *field* is marshalled when IDL attributes
//! change its representation (`unique`, `size_is`, `string`, ...); the derive
//! picks one codec per field, so its generated code is a flat list of calls.

use crate::error::{DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind};
use crate::reader::Reader;
use crate::writer::Writer;

/// A type with an NDR20 representation, marshalled in two phases.
///
/// * **Inline**: the part written where the value sits (scalars, referent
///   ids of embedded pointers). `encode_inline`/`decode_inline` first align to
///   [`Ndr::ALIGN`] themselves.
/// * **Deferred**: the referents of embedded pointers, written after the
///   inline part of the outermost construct, in the same order.
///
/// `decode_inline` returns [`Ndr::Inline`] (for a pointer: its referent id)
/// and `decode_deferred` completes it. Types without pointers use
/// `Inline = Self` and an identity `decode_deferred`.
///
/// A *conformant* type (a structure whose last member is a conformant array,
/// \[C706\] 14.3.7.1) sets [`Ndr::CONFORMANT`]: its `max_count` is written by
/// [`Ndr::encode_conformance`] before the outermost structure, and read back
/// by [`decode_unit`] into the [`Reader`] for the member to take.
pub trait Ndr: Sized {
    /// Alignment of the inline part (largest member alignment).
    const ALIGN: usize;
    /// Smallest possible inline size, used to reject counts that the bytes
    /// left cannot back.
    const MIN_WIRE_SIZE: usize;
    /// Whether the type ends in a conformant array whose `max_count` is
    /// hoisted in front of the outermost structure.
    const CONFORMANT: bool = false;
    /// What the inline phase yields; completed by `decode_deferred`.
    type Inline;

    /// Writes the hoisted `max_count` (only called when `CONFORMANT`).
    fn encode_conformance(&self, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    /// Writes the inline part, aligned to `ALIGN`.
    fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError>;
    /// Writes the deferred referents.
    fn encode_deferred(&self, w: &mut Writer) -> Result<(), EncodeError>;
    /// Reads the inline part, aligned to `ALIGN`.
    fn decode_inline(r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError>;
    /// Reads the deferred referents and builds the value.
    fn decode_deferred(inline: Self::Inline, r: &mut Reader<'_>) -> Result<Self, DecodeError>;

    /// Inline parts of consecutive array elements (override for a fast path).
    fn encode_inline_slice(items: &[Self], w: &mut Writer) -> Result<(), EncodeError> {
        items.iter().try_for_each(|v| v.encode_inline(w))
    }
    /// Deferred parts of consecutive array elements.
    fn encode_deferred_slice(items: &[Self], w: &mut Writer) -> Result<(), EncodeError> {
        items.iter().try_for_each(|v| v.encode_deferred(w))
    }
    /// Inline parts of `n` array elements; `n` was already checked against
    /// the input and limits. Overridden by `u8`/`u16`/... to copy slices.
    fn decode_inline_vec(n: usize, r: &mut Reader<'_>) -> Result<Vec<Self::Inline>, DecodeError> {
        r.charge_elements::<Self::Inline>(n)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(Self::decode_inline(r)?);
        }
        Ok(out)
    }
    /// Deferred parts of array elements. Identity for pointer-free types.
    fn decode_deferred_vec(
        items: Vec<Self::Inline>,
        r: &mut Reader<'_>,
    ) -> Result<Vec<Self>, DecodeError> {
        r.charge_elements::<Self>(items.len())?;
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            out.push(Self::decode_deferred(i, r)?);
        }
        Ok(out)
    }
    /// Inline parts of a fixed array `[Self; N]` (no heap for primitives).
    fn decode_inline_array<const N: usize>(
        r: &mut Reader<'_>,
    ) -> Result<[Self::Inline; N], DecodeError> {
        let v = Self::decode_inline_vec(N, r)?;
        <[Self::Inline; N]>::try_from(v).map_err(|_| r.error(DecodeErrorKind::Overflow))
    }
    /// Deferred parts of a fixed array `[Self; N]`.
    fn decode_deferred_array<const N: usize>(
        items: [Self::Inline; N],
        r: &mut Reader<'_>,
    ) -> Result<[Self; N], DecodeError> {
        let v = Self::decode_deferred_vec(Vec::from(items), r)?;
        <[Self; N]>::try_from(v).map_err(|_| r.error(DecodeErrorKind::Overflow))
    }
}

/// Values of the IDL expressions attached to a field, passed to its codec.
///
/// On encode they come from the value's sibling fields and produce the
/// counts and discriminant written; on decode they are what the wire must
/// agree with (`None`: not checked).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Args {
    /// `size_is(...)`: the array's `max_count`.
    pub size: Option<u64>,
    /// `length_is(...)`: the array's `actual_count`.
    pub length: Option<u64>,
    /// `switch_is(...)`: the union's discriminant.
    pub switch: Option<i128>,
}

impl Args {
    /// No expressions.
    pub const NONE: Self = Self {
        size: None,
        length: None,
        switch: None,
    };
}

/// How a field of type `V` is marshalled (see the [`crate::codec`] types).
///
/// Same two phases as [`Ndr`], with the field's [`Args`]. Codecs are
/// zero-sized markers; `Codec<V>` may be implemented for several `V`
/// (e.g. [`crate::codec::Str`] for `String`, `Vec<u16>`, `Vec<u8>`).
pub trait Codec<V> {
    /// Alignment of the inline part.
    const ALIGN: usize;
    /// Smallest possible inline size.
    const MIN_WIRE_SIZE: usize;
    /// Whether a `max_count` is hoisted in front of the outermost structure.
    const CONFORMANT: bool = false;
    /// What the inline phase yields.
    type Inline;

    /// Writes the hoisted `max_count` (only called when `CONFORMANT`).
    fn encode_conformance(_v: &V, _a: Args, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    /// Writes the inline part, aligned to `ALIGN`.
    fn encode_inline(v: &V, a: Args, w: &mut Writer) -> Result<(), EncodeError>;
    /// Writes the deferred referents.
    fn encode_deferred(v: &V, a: Args, w: &mut Writer) -> Result<(), EncodeError>;
    /// Reads the inline part, aligned to `ALIGN`.
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError>;
    /// Reads the deferred referents and builds the value.
    fn decode_deferred(inline: Self::Inline, a: Args, r: &mut Reader<'_>)
    -> Result<V, DecodeError>;

    /// Inline parts of array elements (elements have no [`Args`]).
    fn encode_inline_slice(items: &[V], w: &mut Writer) -> Result<(), EncodeError> {
        items
            .iter()
            .try_for_each(|v| Self::encode_inline(v, Args::NONE, w))
    }
    /// Deferred parts of array elements.
    fn encode_deferred_slice(items: &[V], w: &mut Writer) -> Result<(), EncodeError> {
        items
            .iter()
            .try_for_each(|v| Self::encode_deferred(v, Args::NONE, w))
    }
    /// Inline parts of `n` (already checked) array elements.
    fn decode_inline_vec(n: usize, r: &mut Reader<'_>) -> Result<Vec<Self::Inline>, DecodeError> {
        r.charge_elements::<Self::Inline>(n)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(Self::decode_inline(Args::NONE, r)?);
        }
        Ok(out)
    }
    /// Deferred parts of array elements.
    fn decode_deferred_vec(
        items: Vec<Self::Inline>,
        r: &mut Reader<'_>,
    ) -> Result<Vec<V>, DecodeError> {
        r.charge_elements::<V>(items.len())?;
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            out.push(Self::decode_deferred(i, Args::NONE, r)?);
        }
        Ok(out)
    }
}

/// Encodes one self-contained construct: a top-level parameter, a pointer's
/// referent, or a whole stub. Writes the hoisted conformance (if any), then
/// the inline part, then its deferred referents.
pub fn encode_unit<C: Codec<V>, V>(v: &V, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
    if C::CONFORMANT {
        C::encode_conformance(v, a, w)?;
    }
    C::encode_inline(v, a, w)?;
    C::encode_deferred(v, a, w)
}

/// Decodes one self-contained construct (see [`encode_unit`]).
pub fn decode_unit<C: Codec<V>, V>(a: Args, r: &mut Reader<'_>) -> Result<V, DecodeError> {
    if C::CONFORMANT {
        let max = r.count()?;
        r.set_conformance(max)?;
    }
    let inline = C::decode_inline(a, r)?;
    if r.has_conformance() {
        // A conformant type that never consumed its max_count: a declaration bug.
        return Err(r.error(DecodeErrorKind::MissingConformance));
    }
    C::decode_deferred(inline, a, r)
}

/// An integer-like wire value usable in `size_is`/`length_is`/`switch_is`
/// expressions, `range` checks and as a union discriminant.
pub trait Scalar: Copy {
    /// The value, widened.
    fn to_i128(self) -> i128;
    /// Narrows back; `None` if it does not fit.
    fn from_i128(v: i128) -> Option<Self>;
}

macro_rules! scalar_ints {
    ($($t:ty),*) => {$(
        impl Scalar for $t {
            fn to_i128(self) -> i128 { i128::from(self) }
            fn from_i128(v: i128) -> Option<Self> { <$t>::try_from(v).ok() }
        }
    )*};
}
scalar_ints!(u8, u16, u32, u64, i8, i16, i32, i64);

/// A union (\[C706\] 14.3.8), implemented by `#[derive(Ndr)]` on enums.
///
/// The discriminant is marshalled first (as [`NdrUnion::Switch`]), then the
/// selected arm. Alignment follows the `ms_union` rule of \[MS-RPCE\] 2.2.4.5,
/// which SAMR, LSA, SRVS and WKST enable: the discriminant is aligned to its
/// own type, the arm to the largest alignment of all arms. Encapsulated
/// unions ([`NdrUnion::ENCAPSULATED`]) are first aligned as a whole.
pub trait NdrUnion: Sized {
    /// `switch_type`: the discriminant's wire type (NDR `enum` is `u16`).
    type Switch: Ndr<Inline = Self::Switch> + Scalar;
    /// Largest alignment of all arms.
    const ARM_ALIGN: usize;
    /// Encapsulated union (`union switch (T d) ...`).
    const ENCAPSULATED: bool = false;
    /// What the arm's inline phase yields.
    type ArmInline;

    /// The discriminant this value is written with when no `switch_is`
    /// gives one: its arm's first `case`, or the stored unknown value.
    fn discriminant(&self) -> i128;
    /// Whether this value's arm is selected by `d`.
    fn accepts(&self, d: i128) -> bool;
    /// Writes the selected arm's inline part, first aligned to
    /// [`NdrUnion::ARM_ALIGN`] unless the arm is empty (an empty arm has
    /// nothing to align, and a stub must not end in padding).
    fn encode_arm_inline(&self, w: &mut Writer) -> Result<(), EncodeError>;
    /// Writes the selected arm's deferred referents.
    fn encode_arm_deferred(&self, w: &mut Writer) -> Result<(), EncodeError>;
    /// Reads the inline part of the arm `d` selects (aligned as on encode).
    fn decode_arm_inline(d: i128, r: &mut Reader<'_>) -> Result<Self::ArmInline, DecodeError>;
    /// Completes the arm.
    fn decode_arm_deferred(
        inline: Self::ArmInline,
        r: &mut Reader<'_>,
    ) -> Result<Self, DecodeError>;
}

/// Alignment of a union's inline part (for the structure that holds it).
pub const fn union_align<U: NdrUnion>() -> usize {
    let s = <U::Switch as Ndr>::ALIGN;
    if s > U::ARM_ALIGN { s } else { U::ARM_ALIGN }
}

/// Writes a union's discriminant and arm inline part; `switch` is the
/// `switch_is` value when the IDL has one.
pub fn encode_union_inline<U: NdrUnion>(
    u: &U,
    switch: Option<i128>,
    w: &mut Writer,
) -> Result<(), EncodeError> {
    let d = switch.unwrap_or_else(|| u.discriminant());
    if !u.accepts(d) {
        return Err(EncodeError::new(EncodeErrorKind::DiscriminantMismatch(d)));
    }
    let s = <U::Switch as Scalar>::from_i128(d)
        .ok_or_else(|| EncodeError::new(EncodeErrorKind::DiscriminantOverflow(d)))?;
    if U::ENCAPSULATED {
        w.align(union_align::<U>());
    }
    s.encode_inline(w)?;
    u.encode_arm_inline(w)
}

/// Reads a union's discriminant and arm inline part, checking the
/// discriminant against `switch` (\[MS-RPCE\] 3.1.1.5.3.2.1.11).
pub fn decode_union_inline<U: NdrUnion>(
    switch: Option<i128>,
    r: &mut Reader<'_>,
) -> Result<U::ArmInline, DecodeError> {
    if U::ENCAPSULATED {
        r.align(union_align::<U>())?;
    }
    let d = <U::Switch as Ndr>::decode_inline(r)?.to_i128();
    if let Some(expected) = switch
        && expected != d
    {
        return Err(r.error(DecodeErrorKind::DiscriminantMismatch { expected, found: d }));
    }
    U::decode_arm_inline(d, r)
}
