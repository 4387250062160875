//! MS-RPC interface definitions declared with `#[derive(Ndr)]` (pure: no I/O).
//!
//! One module per interface, named after it (`srvsvc`, `wkssvc`, `samr`,
//! `lsarpc`, `netlogon`), plus [`dtyp`] for the \[MS-DTYP\] types they share.
//! Each module follows its specification's order: constants, types, calls.
//! Encoding rules and the attribute reference are in `netapi_ndr::manual`.
//! So far only [`dtyp`] exists; the interface families come next.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod dtyp;
