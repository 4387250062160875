//! Information levels: the `*_INFO_<n>` structures of the NetApi, as Rust types.
//!
//! Each level is a struct whose fields are named exactly as pywin32's `win32net` dict keys (the
//! C member name without its prefix, `shi2_remark` → `remark`), in C order, so `--json` output and
//! the Python layer use one vocabulary (`spec/pywin32/info-levels.json`; a test checks every
//! struct against it). Levels pywin32 does not know (e.g. `SHARE_INFO_503`, `1004`) follow the
//! same rule. Each family has an enum over its levels (`ShareInfo::L502(..)`) for level-driven
//! callers (CLI, Python), and every level struct implements [`Level`] for typed callers.
//!
//! DWORD fields are `u32` as Windows reports them (so `STYPE_SPECIAL` reads back as
//! `0x8000_0000`); strings are `Option<String>` because every one of them may be NULL on the wire.

pub mod display;
pub mod file;
pub mod group;
pub mod localgroup;
pub mod modals;
pub mod server;
pub mod session;
pub mod share;
pub mod stats;
pub mod types;
pub mod use_info;
pub mod user;
pub mod validate;
pub mod wksta;

pub use display::*;
pub use file::*;
pub use group::*;
pub use localgroup::*;
pub use modals::*;
pub use server::*;
pub use session::*;
pub use share::*;
pub use stats::*;
pub use types::*;
pub use use_info::*;
pub use user::*;
pub use validate::*;
pub use wksta::*;

/// A family of information levels: the enum over its level structs (`ShareInfo`), what
/// level-driven callers (the CLI, Python) handle.
pub trait Family: Sized {
    /// Every level of the family, ascending.
    const LEVELS: &'static [u32];
    /// The level of the value held.
    fn level(&self) -> u32;
    /// The value as a JSON object with pywin32's keys.
    fn to_json(&self) -> serde_json::Value;
    /// A value of `level` from a JSON object with pywin32's keys (missing keys zero/None,
    /// unknown keys ignored).
    fn from_json(level: u32, value: serde_json::Value) -> Result<Self, serde_json::Error>;
}

/// One information level of a family: `ShareInfo502` is level 502 of [`ShareInfo`].
pub trait Level: Sized + Into<Self::Family> {
    /// The level number (the `level` argument of the NetApi call).
    const LEVEL: u32;
    /// The enum over all levels of this family.
    type Family;
    /// Take this level out of the family enum; `None` when the enum holds another level.
    fn from_family(family: Self::Family) -> Option<Self>;
}

/// Declares the family enum of a set of level structs, with `level()`, `From` conversions,
/// [`Family`] and [`Level`] impls, and the level sets of its operations, each checked at compile
/// time to be levels of the family:
///
/// ```text
/// levels! {
///     /// A share at any level.
///     ShareInfo { 0 => L0(ShareInfo0), 1 => L1(ShareInfo1 as Box) }
///     /// Levels NetShareEnum accepts.
///     ENUM_LEVELS = [0, 1];
/// }
/// ```
///
/// `as Box` holds that level boxed: a family whose levels differ much in size (a user at level
/// 4 is 400 bytes, at level 0 a name) keeps its enum, and so every `Vec` of it, at the size of
/// the small levels. The level struct goes in and out by value all the same (`From`, [`Level`]).
macro_rules! levels {
    ($(#[$meta:meta])* $family:ident { $($level:literal => $variant:ident($ty:ident $(as $wrap:ident)?)),+ $(,)? }
     $($(#[$opmeta:meta])* $opname:ident = [$($oplevel:literal),* $(,)?];)*) => {
        impl $family {
            $(
                $(#[$opmeta])*
                pub const $opname: &'static [u32] = &[$($oplevel),*];
            )*
        }
        $(
            const _: () = assert!(
                $crate::info::is_subset($family::$opname, $family::LEVELS),
                concat!(stringify!($family), "::", stringify!($opname), " names a level the family lacks")
            );
        )*

        impl $crate::info::Family for $family {
            const LEVELS: &'static [u32] = $family::LEVELS;
            fn level(&self) -> u32 {
                $family::level(self)
            }
            fn to_json(&self) -> serde_json::Value {
                $family::to_json(self)
            }
            fn from_json(level: u32, value: serde_json::Value) -> Result<Self, serde_json::Error> {
                $family::from_json(level, value)
            }
        }

        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum $family {
            $(
                #[doc = concat!("Level ", stringify!($level), ".")]
                $variant($crate::info::variant_ty!($ty $(, $wrap)?)),
            )+
        }

        impl $family {
            /// Every level of this family, ascending.
            pub const LEVELS: &'static [u32] = &[$($level),+];

            /// The level number of the value held.
            pub fn level(&self) -> u32 {
                match self {
                    $($family::$variant(_) => $level,)+
                }
            }

            /// Serialize the value held as a JSON object with pywin32's keys.
            pub fn to_json(&self) -> serde_json::Value {
                match self {
                    $($family::$variant(v) => serde_json::to_value(v).unwrap_or_default(),)+
                }
            }

            /// Build a value of `level` from a JSON object with pywin32's keys; missing keys are
            /// zero/None as in pywin32's `data` mappings, unknown keys are ignored.
            pub fn from_json(level: u32, value: serde_json::Value) -> Result<Self, serde_json::Error> {
                match level {
                    $($level => Ok($family::$variant(serde_json::from_value(value)?)),)+
                    _ => Err(<serde_json::Error as serde::de::Error>::custom(format!(
                        "level {level} is not a level of {}", stringify!($family)
                    ))),
                }
            }
        }

        $(
            impl From<$ty> for $family {
                fn from(v: $ty) -> Self {
                    $family::$variant(v.into())
                }
            }

            $crate::info::variant_ty!(@from $family, $variant, $ty $(, $wrap)?);

            impl $crate::info::Level for $ty {
                const LEVEL: u32 = $level;
                type Family = $family;
                fn from_family(family: $family) -> Option<Self> {
                    match family {
                        $family::$variant(v) => Some($crate::info::variant_ty!(@take v $(, $wrap)?)),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
            }
        )+
    };
}
pub(crate) use levels;

/// The type a [`levels!`] variant holds (`T`, or `Box<T>` for `T as Box`), (`@take`) the level
/// struct out of it, and (`@from`) the family from a boxed level as well.
macro_rules! variant_ty {
    ($ty:ident) => { $ty };
    ($ty:ident, Box) => { Box<$ty> };
    (@take $v:ident) => { $v };
    (@take $v:ident, Box) => { *$v };
    (@from $family:ident, $variant:ident, $ty:ident) => {};
    (@from $family:ident, $variant:ident, $ty:ident, Box) => {
        impl From<Box<$ty>> for $family {
            fn from(v: Box<$ty>) -> Self {
                $family::$variant(v)
            }
        }
    };
}
pub(crate) use variant_ty;

/// Whether every element of `a` is in `b` (the compile-time check of [`levels!`]).
#[doc(hidden)]
pub const fn is_subset(a: &[u32], b: &[u32]) -> bool {
    let mut i = 0;
    while i < a.len() {
        let mut j = 0;
        while j < b.len() && b[j] != a[i] {
            j += 1;
        }
        if j == b.len() {
            return false;
        }
        i += 1;
    }
    true
}

/// Serialize an optional byte blob (security descriptor) as a lowercase hex string.
pub(crate) mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(b) => {
                let mut out = String::with_capacity(b.len() * 2);
                for byte in b {
                    out.push_str(&format!("{byte:02x}"));
                }
                s.serialize_str(&out)
            }
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        if text.len() % 2 != 0 {
            return Err(serde::de::Error::custom("hex string of odd length"));
        }
        (0..text.len())
            .step_by(2)
            .map(|i| {
                text.get(i..i + 2)
                    .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                    .ok_or_else(|| serde::de::Error::custom("invalid hex digit"))
            })
            .collect::<Result<Vec<u8>, _>>()
            .map(Some)
    }
}
