//! Decode limits: what a hostile peer may make us allocate or recurse into.
//!
//! Every peer-chosen count is checked against the bytes left *and* one of
//! these before anything is allocated; see [`crate::Reader`].

/// Bounds for one decode call. The defaults fit the largest answers the
/// NetApi interfaces give in practice (an unpaged `NetShareEnum` of tens of
/// thousands of shares) with a wide margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest element count of one array (`max_count` and `actual_count`).
    /// Default 4 Mi.
    pub max_array_len: u32,
    /// Largest string, in UTF-16 units (or bytes for `char` strings).
    /// Default 64 Ki: `UNICODE_STRING` cannot exceed 32 Ki units, and no
    /// `[string]` parameter of the NetApi interfaces comes close.
    pub max_string_len: u32,
    /// Total bytes one decode may allocate (element storage of every Vec,
    /// String and Box, counted before allocating). Default 64 MiB.
    pub max_alloc_bytes: usize,
    /// Deepest pointer nesting (each pointer dereference is one level).
    /// Default 64.
    pub max_depth: u32,
}

impl Limits {
    /// The defaults described on each field.
    pub const DEFAULT: Self = Self {
        max_array_len: 4 * 1024 * 1024,
        max_string_len: 64 * 1024,
        max_alloc_bytes: 64 * 1024 * 1024,
        max_depth: 64,
    };

    /// Sets [`Limits::max_array_len`].
    #[must_use]
    pub const fn with_max_array_len(mut self, n: u32) -> Self {
        self.max_array_len = n;
        self
    }

    /// Sets [`Limits::max_string_len`].
    #[must_use]
    pub const fn with_max_string_len(mut self, n: u32) -> Self {
        self.max_string_len = n;
        self
    }

    /// Sets [`Limits::max_alloc_bytes`].
    #[must_use]
    pub const fn with_max_alloc_bytes(mut self, n: usize) -> Self {
        self.max_alloc_bytes = n;
        self
    }

    /// Sets [`Limits::max_depth`].
    #[must_use]
    pub const fn with_max_depth(mut self, n: u32) -> Self {
        self.max_depth = n;
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}
