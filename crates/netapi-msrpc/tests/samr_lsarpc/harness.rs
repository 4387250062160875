//! The golden-table harness of the SAMR and LSA vectors: decode fully, re-encode as the
//! producer numbers referent ids, fail on every strict prefix ([`super::common::golden`]), then
//! compare the one-line snapshot ([`super::snap::Snap`]).
#![allow(dead_code)] // each test binary uses its own part

use std::collections::BTreeSet;
use std::fmt::Debug;

use netapi_ndr::Ndr;

use super::common::{self, Reencode};
use super::snap::Snap;

/// How a vector must re-encode.
#[derive(Debug, Clone, Copy)]
pub enum How {
    /// An impacket request with pointers: impacket numbers referent ids at random, so the same
    /// length and the same decoded value.
    Impacket,
    /// An impacket request without pointers: byte for byte.
    Exact,
    /// A Samba answer to a request with `n` non-NULL pointers: byte for byte from referent id
    /// 0x00020000 + 4n (quirk(samba-4.17), see `common::Reencode::ExactFrom`).
    Samba(u32),
    /// A response written from the spec: byte for byte, Windows numbering.
    Spec,
}

/// Checks `dir/file` as `T` and compares its snapshot with `expected`.
pub fn check<T: Ndr + PartialEq + Debug + Snap>(dir: &str, file: &str, how: How, expected: &str) {
    let how = match how {
        How::Impacket => Reencode::SameValue,
        How::Exact | How::Spec => Reencode::Exact,
        How::Samba(n) => Reencode::samba(n),
    };
    let rel = format!("{dir}/{file}");
    let v: T = common::golden(&rel, how);
    assert_eq!(v.snap(), expected, "{rel}: snapshot");
}

/// Every `.hex` file of `tests/vectors/<dir>` whose opnum is in `opnums` is in `listed`, once.
pub fn all_listed(dir: &str, opnums: &[u16], listed: &[&str]) {
    let path = format!("{}/tests/vectors/{dir}", env!("CARGO_MANIFEST_DIR"));
    let on_disk: BTreeSet<String> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".hex"))
        .filter(|f| {
            let op: u16 = f.split('-').next().unwrap().parse().unwrap();
            opnums.contains(&op)
        })
        .collect();
    let table: BTreeSet<String> = listed.iter().map(|f| (*f).to_owned()).collect();
    assert_eq!(table.len(), listed.len(), "{dir}: a vector is listed twice");
    let missing: Vec<_> = on_disk.difference(&table).collect();
    let stale: Vec<_> = table.difference(&on_disk).collect();
    assert!(
        missing.is_empty(),
        "{dir}: vectors without a test: {missing:?}"
    );
    assert!(stale.is_empty(), "{dir}: tests without a vector: {stale:?}");
}

/// One `#[test]` per vector: `name: "file" => Type, How, "snapshot";`, and `LISTED`.
macro_rules! vectors {
    ($dir:literal; $($test:ident: $file:literal => $ty:ty, $how:expr, $snap:expr;)*) => {
        $(
            #[test]
            fn $test() {
                $crate::harness::check::<$ty>($dir, $file, $how, $snap);
            }
        )*
        /// The vector files this table covers.
        pub const LISTED: &[&str] = &[$($file),*];
    };
}
pub(crate) use vectors;
