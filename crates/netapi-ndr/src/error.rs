//! Encode and decode errors (\[C706\] 14 gives no error model; these are ours).
//!
//! A [`DecodeError`] says what went wrong ([`DecodeErrorKind`]), at which
//! offset of the stub, and in which type and field (`&'static str`, set by the
//! innermost derived type that saw the error).

use core::fmt;

/// Why an NDR stub could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input ended early.
    Truncated {
        /// Bytes the next item needed.
        needed: usize,
        /// Bytes that were left.
        available: usize,
    },
    /// Bytes were left over after the top-level value.
    TrailingBytes {
        /// How many.
        count: usize,
    },
    /// A peer-chosen count is above a named limit in [`crate::Limits`].
    LimitExceeded {
        /// The limit's name, e.g. `"Limits::max_array_len"`.
        limit: &'static str,
        /// The value the peer sent.
        value: u64,
        /// The configured maximum.
        max: u64,
    },
    /// A count cannot possibly be backed by the bytes that are left
    /// (count × minimum wire size per element > remaining).
    CountExceedsInput {
        /// The element count the peer sent.
        count: u64,
        /// Minimum wire size of one element.
        element_min_size: usize,
        /// Bytes left in the input.
        remaining: usize,
    },
    /// The allocation budget ([`crate::Limits::max_alloc_bytes`]) is used up.
    BudgetExceeded {
        /// Bytes the next allocation needed.
        requested: usize,
        /// Budget left.
        remaining: usize,
    },
    /// Pointer nesting is deeper than [`crate::Limits::max_depth`].
    DepthExceeded {
        /// The configured maximum.
        max: u32,
    },
    /// A varying array or string claims more elements than its maximum.
    ActualExceedsMax {
        /// `actual_count` on the wire.
        actual: u32,
        /// `max_count` on the wire (or the fixed dimension).
        max: u32,
    },
    /// A varying array starts at a nonzero offset (`first_is`), which no
    /// interface we implement uses; rejected rather than guessed.
    NonZeroOffset(u32),
    /// A count on the wire disagrees with the `size_is`/`length_is`
    /// expression evaluated over sibling fields.
    CountMismatch {
        /// What the IDL expression gives.
        expected: u64,
        /// What the wire says.
        found: u64,
    },
    /// An embedded `[ref]` pointer was null.
    NullRefPointer,
    /// A union discriminant selects no arm and the union has no `default`.
    UnknownDiscriminant(i128),
    /// A non-encapsulated union's discriminant differs from its `switch_is`
    /// field (\[MS-RPCE\] 3.1.1.5.3.2.1.11).
    DiscriminantMismatch {
        /// The `switch_is` value.
        expected: i128,
        /// The discriminant on the wire.
        found: i128,
    },
    /// A `[range(min, max)]` value is outside its range.
    OutOfRange {
        /// The value on the wire.
        value: i128,
        /// Lower bound.
        min: i128,
        /// Upper bound.
        max: i128,
    },
    /// A full pointer's referent contains a pointer back to itself; owned
    /// Rust values cannot represent cycles.
    FullPointerCycle(u32),
    /// A full pointer's referent id was first used for another type.
    FullPointerTypeMismatch(u32),
    /// A conformant array found no hoisted `max_count` (a type declaration
    /// bug: a conformant member that is not last, or inside a union arm).
    MissingConformance,
    /// Checked arithmetic over wire values overflowed.
    Overflow,
    /// A type-specific rule was broken (e.g. a SID with too many
    /// sub-authorities); the text says which.
    Invalid(&'static str),
}

/// An NDR decode failure: kind, stub offset, and innermost type and field ([`DecodeFailure`],
/// which it derefs to: `e.kind`, `e.offset`).
///
/// Boxed, so that every `Result` a decoder returns is a pointer wide: decoding returns one per
/// field read, and with the failure inline each carried ~80 bytes through memory (measured: a
/// tenth of decoding 10,000 SAMR account names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(Box<DecodeFailure>);

/// What a [`DecodeError`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeFailure {
    /// What went wrong.
    pub kind: DecodeErrorKind,
    /// Offset in the stub where it was detected.
    pub offset: usize,
    /// Innermost type being decoded (Rust name), `""` if outside any.
    pub ty: &'static str,
    /// Field of `ty`, `""` if not known.
    pub field: &'static str,
}

impl DecodeError {
    /// An error of `kind` detected at `offset`, not yet attributed to a type.
    #[cold]
    pub fn new(kind: DecodeErrorKind, offset: usize) -> Self {
        Self(Box::new(DecodeFailure {
            kind,
            offset,
            ty: "",
            field: "",
        }))
    }

    /// Attributes the error to `ty.field` unless a nested type already did:
    /// the innermost name is the most useful one.
    #[must_use]
    pub fn within(mut self, ty: &'static str, field: &'static str) -> Self {
        if self.0.ty.is_empty() {
            self.0.ty = ty;
            self.0.field = field;
        }
        self
    }
}

impl std::ops::Deref for DecodeError {
    type Target = DecodeFailure;
    fn deref(&self) -> &DecodeFailure {
        &self.0
    }
}

impl std::ops::DerefMut for DecodeError {
    fn deref_mut(&mut self) -> &mut DecodeFailure {
        &mut self.0
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &*self.0;
        write!(f, "NDR decode error at offset {}", e.offset)?;
        if !e.ty.is_empty() {
            write!(f, " in {}", e.ty)?;
            if !e.field.is_empty() {
                write!(f, ".{}", e.field)?;
            }
        }
        write!(f, ": {}", e.kind)
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DecodeErrorKind as K;
        match self {
            K::Truncated { needed, available } => {
                write!(f, "truncated: needed {needed} bytes, {available} left")
            }
            K::TrailingBytes { count } => write!(f, "{count} trailing bytes"),
            K::LimitExceeded { limit, value, max } => {
                write!(f, "{value} exceeds {limit} ({max})")
            }
            K::CountExceedsInput {
                count,
                element_min_size,
                remaining,
            } => write!(
                f,
                "count {count} × {element_min_size} bytes exceeds the {remaining} bytes left"
            ),
            K::BudgetExceeded {
                requested,
                remaining,
            } => write!(
                f,
                "allocation budget exceeded: {requested} bytes requested, {remaining} left"
            ),
            K::DepthExceeded { max } => write!(f, "pointer nesting deeper than {max}"),
            K::ActualExceedsMax { actual, max } => {
                write!(f, "actual_count {actual} exceeds max_count {max}")
            }
            K::NonZeroOffset(o) => write!(f, "unsupported nonzero array offset {o}"),
            K::CountMismatch { expected, found } => {
                write!(
                    f,
                    "count {found} on the wire, IDL expression gives {expected}"
                )
            }
            K::NullRefPointer => write!(f, "null [ref] pointer"),
            K::UnknownDiscriminant(d) => write!(f, "union discriminant {d} selects no arm"),
            K::DiscriminantMismatch { expected, found } => {
                write!(
                    f,
                    "union discriminant {found} differs from switch_is value {expected}"
                )
            }
            K::OutOfRange { value, min, max } => {
                write!(f, "{value} outside range({min}, {max})")
            }
            K::FullPointerCycle(id) => write!(f, "full pointer {id:#x} refers to itself"),
            K::FullPointerTypeMismatch(id) => {
                write!(f, "full pointer {id:#x} reused for another type")
            }
            K::MissingConformance => write!(f, "conformant member without hoisted max_count"),
            K::Overflow => write!(f, "arithmetic overflow"),
            K::Invalid(what) => write!(f, "invalid: {what}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Why a value could not be encoded (the value contradicts its IDL).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeErrorKind {
    /// A length does not fit the 32-bit NDR count.
    CountOverflow(usize),
    /// A Vec's length disagrees with its `size_is`/`length_is` expression.
    CountMismatch {
        /// What the IDL expression gives.
        expected: u64,
        /// The Vec's length.
        actual: u64,
    },
    /// `length_is` is larger than `size_is`.
    LengthExceedsSize {
        /// `length_is`.
        length: u64,
        /// `size_is`.
        size: u64,
    },
    /// The union value's arm does not accept the `switch_is` discriminant.
    DiscriminantMismatch(i128),
    /// A discriminant does not fit the union's `switch_type`.
    DiscriminantOverflow(i128),
    /// A `[range(min, max)]` field is outside its range.
    OutOfRange {
        /// The value.
        value: i128,
        /// Lower bound.
        min: i128,
        /// Upper bound.
        max: i128,
    },
    /// More than 2^30 pointers in one stub.
    ReferentIdsExhausted,
    /// A `size_is`/`length_is`/`switch_is` expression overflowed or went
    /// negative.
    Overflow,
    /// A type-specific rule was broken; the text says which.
    Invalid(&'static str),
}

/// An NDR encode failure: kind and innermost type and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    /// What went wrong.
    pub kind: EncodeErrorKind,
    /// Innermost type being encoded (Rust name), `""` if outside any.
    pub ty: &'static str,
    /// Field of `ty`, `""` if not known.
    pub field: &'static str,
}

impl EncodeError {
    /// An error of `kind`, not yet attributed to a type.
    pub fn new(kind: EncodeErrorKind) -> Self {
        Self {
            kind,
            ty: "",
            field: "",
        }
    }

    /// Attributes the error to `ty.field` unless a nested type already did.
    #[must_use]
    pub fn within(mut self, ty: &'static str, field: &'static str) -> Self {
        if self.ty.is_empty() {
            self.ty = ty;
            self.field = field;
        }
        self
    }
}

impl From<EncodeErrorKind> for EncodeError {
    fn from(kind: EncodeErrorKind) -> Self {
        Self::new(kind)
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NDR encode error")?;
        if !self.ty.is_empty() {
            write!(f, " in {}", self.ty)?;
            if !self.field.is_empty() {
                write!(f, ".{}", self.field)?;
            }
        }
        write!(f, ": ")?;
        use EncodeErrorKind as K;
        match &self.kind {
            K::CountOverflow(n) => write!(f, "length {n} does not fit in 32 bits"),
            K::CountMismatch { expected, actual } => {
                write!(f, "length {actual}, IDL expression gives {expected}")
            }
            K::LengthExceedsSize { length, size } => {
                write!(f, "length_is {length} exceeds size_is {size}")
            }
            K::DiscriminantMismatch(d) => write!(f, "union arm does not accept discriminant {d}"),
            K::DiscriminantOverflow(d) => write!(f, "discriminant {d} does not fit switch_type"),
            K::OutOfRange { value, min, max } => write!(f, "{value} outside range({min}, {max})"),
            K::ReferentIdsExhausted => write!(f, "referent ids exhausted"),
            K::Overflow => write!(f, "arithmetic overflow in an IDL expression"),
            K::Invalid(what) => write!(f, "invalid: {what}"),
        }
    }
}

impl std::error::Error for EncodeError {}
