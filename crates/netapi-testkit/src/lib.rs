//! Test support shared by netapi's test suites (never a dependency of the library crates).
//!
//! * [`lab`]: the Samba lab's environment (`tools/lab env`), with the CI rule that a missing lab
//!   is a failure when `CI=true` and a printed skip otherwise.
//! * [`peer`]: an in-process SMB2 + DCE/RPC server on `127.0.0.1:0` whose interfaces are
//!   scripted per test and whose every message can be tampered with (the hostile scenarios).
//! * [`scratch`]: temporary files removed on drop, and an in-memory log sink.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod lab;
pub mod peer;
pub mod scratch;
