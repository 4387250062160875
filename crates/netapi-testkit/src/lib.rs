//! Test support shared by netapi's test suites (never a dependency of the library crates).
//!
//! * [`lab`]: the Samba lab's environment (`tools/lab env`), with the CI rule that a missing lab
//!   is a failure when `CI=true` and a printed skip otherwise.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod lab;
