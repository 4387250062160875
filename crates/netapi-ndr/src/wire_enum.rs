//! Open-set wire values: `wire_enum!` (a newtype with named constants).
//!
//! IDL enums and `#define` value lists are open sets on the wire: a newer
//! server may send a value we do not list, and it must survive a decode and
//! re-encode unchanged. So they are newtypes, not Rust enums; `Debug` prints
//! the constant's name, or the type name and hex value when none matches.

/// Declares an open-set wire value: a `Copy` newtype over an integer, with
/// named constants, `Debug` (name or hex), `From` both ways, [`crate::Ndr`]
/// and [`crate::Scalar`].
///
/// ```
/// netapi_ndr::wire_enum! {
///     /// `shi*_type` (\[MS-SRVS\] 2.2.2.4).
///     pub struct ShareType(u32) {
///         /// Disk drive.
///         STYPE_DISKTREE = 0,
///         /// Interprocess communication.
///         STYPE_IPC = 3,
///     }
/// }
/// assert_eq!(format!("{:?}", ShareType::STYPE_IPC), "STYPE_IPC");
/// assert_eq!(format!("{:?}", ShareType(0x8000_0003)), "ShareType(0x80000003)");
/// assert_eq!(netapi_ndr::encode(&ShareType::STYPE_IPC).unwrap(), [3, 0, 0, 0]);
/// ```
///
/// Use `u16` for an NDR `enum` (16 bits on the wire) and `u32` for a
/// `v1_enum` or a `DWORD` value list.
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($repr:ty) {
            $( $(#[$vmeta:meta])* $var:ident = $val:expr ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        #[repr(transparent)]
        $vis struct $name(pub $repr);

        impl $name {
            $( $(#[$vmeta])* pub const $var: Self = Self($val); )*

            /// The constant's name, if the value has one.
            pub const fn name(self) -> ::core::option::Option<&'static str> {
                $( if self.0 == $val { return ::core::option::Option::Some(stringify!($var)); } )*
                ::core::option::Option::None
            }
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.name() {
                    ::core::option::Option::Some(n) => f.write_str(n),
                    ::core::option::Option::None => write!(f, concat!(stringify!($name), "({:#x})"), self.0),
                }
            }
        }

        impl ::core::convert::From<$repr> for $name {
            fn from(v: $repr) -> Self { Self(v) }
        }

        impl ::core::convert::From<$name> for $repr {
            fn from(v: $name) -> $repr { v.0 }
        }

        impl $crate::Scalar for $name {
            fn to_i128(self) -> i128 { <$repr as $crate::Scalar>::to_i128(self.0) }
            fn from_i128(v: i128) -> ::core::option::Option<Self> {
                <$repr as $crate::Scalar>::from_i128(v).map(Self)
            }
        }

        impl $crate::Ndr for $name {
            const ALIGN: usize = <$repr as $crate::Ndr>::ALIGN;
            const MIN_WIRE_SIZE: usize = <$repr as $crate::Ndr>::MIN_WIRE_SIZE;
            type Inline = Self;

            fn encode_inline(&self, w: &mut $crate::Writer) -> ::core::result::Result<(), $crate::EncodeError> {
                $crate::Ndr::encode_inline(&self.0, w)
            }
            fn encode_deferred(&self, _w: &mut $crate::Writer) -> ::core::result::Result<(), $crate::EncodeError> {
                ::core::result::Result::Ok(())
            }
            fn decode_inline(r: &mut $crate::Reader<'_>) -> ::core::result::Result<Self, $crate::DecodeError> {
                <$repr as $crate::Ndr>::decode_inline(r).map(Self)
            }
            fn decode_deferred(inline: Self, _r: &mut $crate::Reader<'_>) -> ::core::result::Result<Self, $crate::DecodeError> {
                ::core::result::Result::Ok(inline)
            }
        }
    };
}
