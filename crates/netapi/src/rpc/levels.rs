//! Level dispatch, the same for every family: an info-level family (`ShareInfo`, one variant per
//! level) against the `switch_is(level)` unions it travels in on the wire, declared once per
//! family with [`wire_levels!`](crate::rpc::levels::wire_levels).
//!
//! The answer to a call made at level N must be at level N: [`answer`] and [`entries`] check
//! the union arm the server chose against the level asked for, so a server that answers another
//! level is a clean protocol error on every path (never rows of another level, an empty list, or
//! a panic). [`typed`] takes one level out of its family for the typed API
//! (`share_get_info::<ShareInfo502>`) with the same guarantee.

use netapi_codes::WinError;
use netapi_ndr::NdrUnion;

use crate::info::{Family, Level};
use crate::{Error, Kind, Result};

/// A family value from (and, for families that are written, to) one wire union.
pub(crate) trait FromWire<U>: Sized {
    /// The family value of a union arm; `None` for an arm the family does not expose.
    fn from_wire(u: U) -> Option<Self>;
}

/// A family value as the wire union written in Add/Set calls.
pub(crate) trait ToWire<U> {
    /// The union arm carrying this value.
    fn to_wire(&self) -> U;
}

/// The entries of an enumeration container union (`SHARE_ENUM_UNION`).
pub(crate) trait FromEntries<U>: Sized {
    /// Every entry of the arm; `None` for an arm the family does not expose. A NULL container
    /// is an empty list.
    fn from_entries(u: U) -> Option<Vec<Self>>;
}

/// The value of the answer `u` to a call made at level `asked`.
pub(crate) fn answer<F, U>(op: &'static str, asked: u32, u: U) -> Result<F>
where
    F: FromWire<U> + Family,
    U: NdrUnion,
{
    let got = u.discriminant();
    if got != i128::from(asked) {
        return Err(wrong_level(op, asked, got));
    }
    F::from_wire(u)
        .filter(|v| v.level() == asked)
        .ok_or_else(|| wrong_level(op, asked, got))
}

/// The entries of the enumeration answer `u` to a call made at level `asked`.
pub(crate) fn entries<F, U>(op: &'static str, asked: u32, u: U) -> Result<Vec<F>>
where
    F: FromEntries<U>,
    U: NdrUnion,
{
    let got = u.discriminant();
    if got != i128::from(asked) {
        return Err(wrong_level(op, asked, got));
    }
    F::from_entries(u).ok_or_else(|| wrong_level(op, asked, got))
}

/// Level `T` out of a family value already checked to be at `T::LEVEL`.
pub(crate) fn typed<T: Level>(op: &'static str, v: T::Family) -> Result<T>
where
    T::Family: Family,
{
    let got = v.level();
    T::from_family(v).ok_or_else(|| wrong_level(op, T::LEVEL, i128::from(got)))
}

/// Every entry of a page as level `T`.
pub(crate) fn typed_all<T: Level>(op: &'static str, items: Vec<T::Family>) -> Result<Vec<T>>
where
    T::Family: Family,
{
    items.into_iter().map(|v| typed(op, v)).collect()
}

/// The server answered a level other than the one asked for.
pub(crate) fn wrong_level(op: &'static str, asked: u32, got: i128) -> Error {
    Error::local(
        op,
        Kind::Protocol,
        WinError::RPC_X_BAD_STUB_DATA,
        format!("asked for level {asked}, the server answered level {got}"),
    )
}

/// Declares the level dispatch of one family: `union` lines tie the family's variants to the
/// arms of a wire union of the same names (`<=>` both ways, `<=` read only), `entries` lines to
/// the arms of an enumeration container union (whose arms hold `Option<Container>` with a
/// `buffer`). Each arm converts with the `From` impls of [`fields!`](crate::rpc::levels::fields).
/// Types are written `module::Name`.
///
/// ```text
/// wire_levels! {
///     union i::ShareInfo <=> w::ShareInfo { L0, L1, L2, L502 }
///     entries i::ShareInfo <= w::ShareEnumUnion { L0, L1, L2, L502 }
/// }
/// ```
macro_rules! wire_levels {
    () => {};
    (union $fm:ident::$family:ident <=> $um:ident::$union:ident { $($arm:ident),+ $(,)? } $($rest:tt)*) => {
        $crate::rpc::levels::wire_levels!(union $fm::$family <= $um::$union { $($arm),+ });
        impl $crate::rpc::levels::ToWire<$um::$union> for $fm::$family {
            fn to_wire(&self) -> $um::$union {
                match self {
                    $($fm::$family::$arm(v) => $um::$union::$arm(Some(v.into())),)+
                }
            }
        }
        $crate::rpc::levels::wire_levels!($($rest)*);
    };
    (union $fm:ident::$family:ident <= $um:ident::$union:ident { $($arm:ident),+ $(,)? } $($rest:tt)*) => {
        impl $crate::rpc::levels::FromWire<$um::$union> for $fm::$family {
            // A NULL arm with success status (Samba answers 1501 that way when a share has no
            // descriptor) reads as the level's zero value.
            #[allow(unreachable_patterns)]
            fn from_wire(u: $um::$union) -> Option<Self> {
                Some(match u {
                    $($um::$union::$arm(v) => $fm::$family::$arm(v.unwrap_or_default().into()),)+
                    _ => return None,
                })
            }
        }
        $crate::rpc::levels::wire_levels!($($rest)*);
    };
    (entries $fm:ident::$family:ident <= $um:ident::$union:ident { $($arm:ident),+ $(,)? } $($rest:tt)*) => {
        impl $crate::rpc::levels::FromEntries<$um::$union> for $fm::$family {
            #[allow(unreachable_patterns)]
            fn from_entries(u: $um::$union) -> Option<Vec<Self>> {
                Some(match u {
                    $($um::$union::$arm(c) => c
                        .and_then(|c| c.buffer)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|v| $fm::$family::$arm(v.into()))
                        .collect(),)+
                    _ => return None,
                })
            }
        }
        $crate::rpc::levels::wire_levels!($($rest)*);
    };
}
pub(crate) use wire_levels;

/// Field-by-field conversions between a wire struct and a public level struct: `From<wire>` for
/// the level (reading) and `From<&level>` for the wire struct (writing; wire fields the level
/// lacks are sent as zero/NULL, as pywin32 does with the C structs). Types are written
/// `module::Name`.
///
/// Each field is `name: kind` (same name on both sides) or `name <- wire_name: kind` (pywin32
/// renames the C member: `client_name <- cname`). Kinds: `copy` (same type), `str`
/// (`Option<String>`), `bool` (Win32 BOOL as `i32`), `id` (an open-set newtype over `u32`),
/// `hyper` (`LARGE_INTEGER` as `i64`), `secret` (a clear-text `Option<Password>` sent as a
/// string).
/// `=>` instead of `<=>` declares the reading direction only.
macro_rules! fields {
    () => {};
    ($wm:ident::$wire:ident <=> $pm:ident::$public:ident { $($body:tt)* } $($rest:tt)*) => {
        $crate::rpc::levels::fields!(@norm both $wm::$wire, $pm::$public, [] $($body)* ,);
        $crate::rpc::levels::fields!($($rest)*);
    };
    ($wm:ident::$wire:ident => $pm:ident::$public:ident { $($body:tt)* } $($rest:tt)*) => {
        $crate::rpc::levels::fields!(@norm read $wm::$wire, $pm::$public, [] $($body)* ,);
        $crate::rpc::levels::fields!($($rest)*);
    };
    // Normalize every field to `(public wire kind)`.
    (@norm $dir:ident $wm:ident::$wire:ident, $pm:ident::$public:ident, [$($acc:tt)*]
        $f:ident <- $w:ident : $k:ident, $($tail:tt)*) => {
        $crate::rpc::levels::fields!(@norm $dir $wm::$wire, $pm::$public, [$($acc)* ($f $w $k)] $($tail)*);
    };
    (@norm $dir:ident $wm:ident::$wire:ident, $pm:ident::$public:ident, [$($acc:tt)*]
        $f:ident : $k:ident, $($tail:tt)*) => {
        $crate::rpc::levels::fields!(@norm $dir $wm::$wire, $pm::$public, [$($acc)* ($f $f $k)] $($tail)*);
    };
    (@norm $dir:ident $wm:ident::$wire:ident, $pm:ident::$public:ident, [$($acc:tt)*] $(,)*) => {
        $crate::rpc::levels::fields!(@emit $dir $wm::$wire, $pm::$public, $($acc)*);
    };
    (@emit read $wm:ident::$wire:ident, $pm:ident::$public:ident, $(($f:ident $w:ident $k:ident))*) => {
        impl From<$wm::$wire> for $pm::$public {
            fn from(v: $wm::$wire) -> Self {
                Self { $($f: $crate::rpc::levels::fields!(@in $k, v.$w),)* }
            }
        }
    };
    (@emit both $wm:ident::$wire:ident, $pm:ident::$public:ident, $(($f:ident $w:ident $k:ident))*) => {
        $crate::rpc::levels::fields!(@emit read $wm::$wire, $pm::$public, $(($f $w $k))*);
        #[allow(clippy::needless_update)]
        impl From<&$pm::$public> for $wm::$wire {
            fn from(v: &$pm::$public) -> Self {
                Self {
                    $($w: $crate::rpc::levels::fields!(@out $k, v.$f),)*
                    ..Default::default()
                }
            }
        }
    };
    (@in copy, $x:expr) => { $x };
    (@in str, $x:expr) => { $x };
    (@in bool, $x:expr) => { $x != 0 };
    (@in id, $x:expr) => { $x.0 };
    (@in hyper, $x:expr) => { $x.0 };
    (@in secret, $x:expr) => { $x.map($crate::info::Password::from) };
    (@out copy, $x:expr) => { $x };
    (@out str, $x:expr) => { $x.clone() };
    (@out bool, $x:expr) => { i32::from($x) };
    (@out id, $x:expr) => { ($x).into() };
    (@out hyper, $x:expr) => { netapi_msrpc::dtyp::LargeInteger($x) };
    (@out secret, $x:expr) => { $x.as_ref().map(|p| p.expose().to_string()) };
}
pub(crate) use fields;
