//! The table machinery: `codes!` declares one sorted chunk of a code table,
//! `code_space!` turns a list of chunks into an open newtype (STYLE §2, §5).
//!
//! A code space is split into chunks by value range so that no source file
//! grows past ~1,500 lines. Every chunk is checked at compile time to be
//! strictly increasing, the chunks to be in increasing, non-overlapping order,
//! and all names (primary names and aliases) to be unique. Lookup by value is a
//! binary search over the chunks and then inside one chunk; lookup by name is a
//! binary search over a name index that is sorted during constant evaluation.
//! Nothing allocates.

use core::cmp::Ordering;

/// One row of a code table.
///
/// `name` is the symbol from the Windows header (`ERROR_ACCESS_DENIED`,
/// `NERR_UserNotFound`, `STATUS_LOGON_FAILURE`, ...). `message` is the text
/// documented for the code (see each table's module header for its source),
/// with the trailing line break removed. Alias rows (a second header name for
/// a value that already has a row) carry no message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The numeric code.
    pub value: u32,
    /// The header name.
    pub name: &'static str,
    /// The message text, if the code has one.
    pub message: Option<&'static str>,
}

/// `true` if the values of `chunk` are strictly increasing.
pub(crate) const fn is_strictly_sorted(chunk: &[Entry]) -> bool {
    let mut i = 1;
    while i < chunk.len() {
        if chunk[i - 1].value >= chunk[i].value {
            return false;
        }
        i += 1;
    }
    true
}

/// `true` if every chunk is non-empty and each one starts after the previous
/// one ends.
pub(crate) const fn chunks_ordered(chunks: &[&[Entry]]) -> bool {
    let mut i = 0;
    while i < chunks.len() {
        if chunks[i].is_empty() {
            return false;
        }
        if i > 0 && chunks[i - 1][chunks[i - 1].len() - 1].value >= chunks[i][0].value {
            return false;
        }
        i += 1;
    }
    true
}

/// Total number of rows in `chunks`.
pub(crate) const fn total_len(chunks: &[&[Entry]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < chunks.len() {
        n += chunks[i].len();
        i += 1;
    }
    n
}

/// Byte-wise comparison, the same order as `<str as Ord>`.
const fn cmp_str(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] < b[i] {
            return Ordering::Less;
        }
        if a[i] > b[i] {
            return Ordering::Greater;
        }
        i += 1;
    }
    if a.len() < b.len() {
        Ordering::Less
    } else if a.len() > b.len() {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

const fn name_less(a: (&str, u32), b: (&str, u32)) -> bool {
    matches!(cmp_str(a.0, b.0), Ordering::Less)
}

/// Restores the max-heap property below `root` in `v[..end]`.
const fn sift_down<const N: usize>(v: &mut [(&'static str, u32); N], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && name_less(v[child], v[child + 1]) {
            child += 1;
        }
        if !name_less(v[root], v[child]) {
            return;
        }
        let tmp = v[root];
        v[root] = v[child];
        v[child] = tmp;
        root = child;
    }
}

/// All names of `chunks` and `aliases` with their values, sorted by name
/// (heapsort, so that constant evaluation stays O(n log n)).
pub(crate) const fn name_index<const N: usize>(
    chunks: &[&[Entry]],
    aliases: &[&[Entry]],
) -> [(&'static str, u32); N] {
    let mut v: [(&'static str, u32); N] = [("", 0); N];
    let mut k = 0;
    let mut pass = 0;
    while pass < 2 {
        let list = if pass == 0 { chunks } else { aliases };
        let mut i = 0;
        while i < list.len() {
            let mut j = 0;
            while j < list[i].len() {
                v[k] = (list[i][j].name, list[i][j].value);
                k += 1;
                j += 1;
            }
            i += 1;
        }
        pass += 1;
    }
    assert!(k == N, "name index length mismatch");
    let mut start = N / 2;
    while start > 0 {
        start -= 1;
        sift_down(&mut v, start, N);
    }
    let mut end = N;
    while end > 1 {
        end -= 1;
        let tmp = v[0];
        v[0] = v[end];
        v[end] = tmp;
        sift_down(&mut v, 0, end);
    }
    v
}

/// `true` if no two adjacent names of a sorted index are equal.
pub(crate) const fn names_unique(index: &[(&str, u32)]) -> bool {
    let mut i = 1;
    while i < index.len() {
        if matches!(cmp_str(index[i - 1].0, index[i].0), Ordering::Equal) {
            return false;
        }
        i += 1;
    }
    true
}

/// The row for `value`, by binary search over the chunks, then inside one.
pub(crate) fn find(chunks: &'static [&'static [Entry]], value: u32) -> Option<&'static Entry> {
    let i = chunks.partition_point(|c| c[c.len() - 1].value < value);
    let chunk = chunks.get(i)?;
    chunk
        .binary_search_by_key(&value, |e| e.value)
        .ok()
        .map(|j| &chunk[j])
}

/// The value named `name`, by binary search over a sorted name index.
pub(crate) fn find_name(index: &[(&'static str, u32)], name: &str) -> Option<u32> {
    index
        .binary_search_by(|probe| probe.0.cmp(name))
        .ok()
        .map(|i| index[i].1)
}

/// Declares one chunk of a code table: associated constants on the code type
/// and a sorted `const` slice of [`Entry`] rows (checked at compile time).
///
/// ```text
/// codes! {
///     impl WinError as WIN32_0000 {
///         ERROR_SUCCESS = 0 "The operation completed successfully.";
///         ERROR_INVALID_FUNCTION = 1 "Incorrect function.";
///     }
///     aliases WIN32_0000_ALIASES {
///         NO_ERROR = 0;
///     }
/// }
/// ```
macro_rules! codes {
    (
        impl $ty:ident as $chunk:ident {
            $( $name:ident = $value:literal $($msg:literal)? ; )*
        }
        $(
            aliases $achunk:ident {
                $( $aname:ident = $avalue:literal ; )*
            }
        )?
    ) => {
        #[allow(non_upper_case_globals)]
        impl $ty {
            $(
                #[doc = concat!("`", stringify!($value), "`" $(, "\n\n```text\n", $msg, "\n```")?)]
                pub const $name: $ty = $ty($value);
            )*
            $($(
                #[doc = concat!("`", stringify!($avalue), "`: another header name for this value.")]
                pub const $aname: $ty = $ty($avalue);
            )*)?
        }

        pub(crate) const $chunk: &[$crate::Entry] = &[
            $(
                $crate::Entry {
                    value: $value,
                    name: stringify!($name),
                    message: codes!(@msg $($msg)?),
                },
            )*
        ];
        const _: () = assert!(
            $crate::macros::is_strictly_sorted($chunk),
            concat!(stringify!($chunk), " is not sorted by value or has duplicates"),
        );

        $(
            pub(crate) const $achunk: &[$crate::Entry] = &[
                $(
                    $crate::Entry {
                        value: $avalue,
                        name: stringify!($aname),
                        message: None,
                    },
                )*
            ];
        )?
    };
    (@msg $msg:literal) => { Some($msg) };
    (@msg) => { None };
}

/// Declares an open code type (a `u32` newtype) over a list of chunks made
/// with `codes!`: `name`, `message`, `from_name`, `entries`, `Debug` (name or
/// `0x…`) and, with `display: message`, `Display` (message or `0x…`).
macro_rules! code_space {
    (
        $(#[$meta:meta])*
        pub struct $ty:ident(u32);
        chunks = [$($chunk:path),+ $(,)?];
        aliases = [$($alias:path),* $(,)?];
        display: $display:ident;
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        #[repr(transparent)]
        pub struct $ty(pub u32);

        const _: () = assert!(
            $crate::macros::chunks_ordered(<$ty>::CHUNKS),
            concat!(stringify!($ty), ": chunks overlap or are out of order"),
        );

        impl $ty {
            const CHUNKS: &'static [&'static [$crate::Entry]] = &[$($chunk),+];
            const ALIAS_CHUNKS: &'static [&'static [$crate::Entry]] = &[$($alias),*];
            const NAME_COUNT: usize = $crate::macros::total_len(<$ty>::CHUNKS)
                + $crate::macros::total_len(<$ty>::ALIAS_CHUNKS);

            /// The table row for this value, if the value is known.
            pub fn entry(self) -> Option<&'static $crate::Entry> {
                $crate::macros::find(<$ty>::CHUNKS, self.0)
            }

            /// The header name of this value (the primary one if it has several).
            pub fn name(self) -> Option<&'static str> {
                self.entry().map(|e| e.name)
            }

            /// The message text of this value, if it has one.
            pub fn message(self) -> Option<&'static str> {
                self.entry().and_then(|e| e.message)
            }

            /// The value with this header name (primary names and aliases, exact case).
            pub fn from_name(name: &str) -> Option<Self> {
                const INDEX_CONST: [(&str, u32); <$ty>::NAME_COUNT] =
                    $crate::macros::name_index(<$ty>::CHUNKS, <$ty>::ALIAS_CHUNKS);
                const _: () = assert!(
                    $crate::macros::names_unique(&INDEX_CONST),
                    concat!(stringify!($ty), ": a name is declared twice"),
                );
                static INDEX: [(&str, u32); <$ty>::NAME_COUNT] = INDEX_CONST;
                $crate::macros::find_name(&INDEX, name).map($ty)
            }

            /// Every row of the table, in increasing value order.
            pub fn entries() -> impl Iterator<Item = &'static $crate::Entry> {
                <$ty>::CHUNKS.iter().flat_map(|c| c.iter())
            }

            /// Every alias row (second header names for values of the table).
            pub fn aliases() -> impl Iterator<Item = &'static $crate::Entry> {
                <$ty>::ALIAS_CHUNKS.iter().flat_map(|c| c.iter())
            }
        }

        impl core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(name) => f.write_str(name),
                    None => write!(f, "{:#010x}", self.0),
                }
            }
        }

        impl From<u32> for $ty {
            fn from(value: u32) -> Self {
                $ty(value)
            }
        }

        impl From<$ty> for u32 {
            fn from(code: $ty) -> u32 {
                code.0
            }
        }

        code_space!(@display $display $ty);
    };
    (@display message $ty:ident) => {
        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.message() {
                    Some(text) => f.write_str(text),
                    None => write!(f, "{:#010x}", self.0),
                }
            }
        }
    };
    (@display custom $ty:ident) => {};
}
