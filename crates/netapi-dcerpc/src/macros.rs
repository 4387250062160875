//! `wire_values!`: open sets of wire values as newtypes with named constants (STYLE §2).
//!
//! A value the peer sends that has no name is kept as is; `Debug` prints the constant's name
//! or the type name with the hex value.

/// Declares `pub struct Name(pub T)` with associated constants, `name()` and a `Debug` that
/// prints the constant's name when there is one.
macro_rules! wire_values {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($ty:ty) {
            $( $(#[$cmeta:meta])* $konst:ident = $val:expr; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis struct $name(pub $ty);

        impl $name {
            $( $(#[$cmeta])* pub const $konst: $name = $name($val); )*

            /// The constant's name, when the value has one.
            pub fn name(self) -> Option<&'static str> {
                $( if self.0 == $val { return Some(stringify!($konst)); } )*
                None
            }
        }

        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(n) => f.write_str(n),
                    None => write!(f, "{}(0x{:x})", stringify!($name), self.0),
                }
            }
        }
    };
}
