//! `netapi-smb2`: an SMB 2.0.2–3.1.1 client for named pipes, as a pure sans-IO core
//! ([MS-SMB2], [MS-FSCC] 2.3.30 for FSCTL_PIPE_TRANSCEIVE).
//!
//! Start at [`Connection`]: it takes received bytes, hands out whole framed messages to send
//! and reports [`Event`]s; the tokio driver lives in `netapi-transport`. Messages are in
//! [`header`], [`negotiate`], [`session_setup`], [`tree`], [`create`], [`read_write`], [`ioctl`];
//! cryptography in [`signing`], [`encryption`], [`kdf`] and [`preauth`]. Left out: SMB1,
//! compression, multichannel and session binding, oplocks and leases, durable handles, QUERY/
//! SET_INFO, directory operations, DFS. No sockets, clocks, threads or randomness: the driver
//! supplies the client GUID and preauth salt.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod connection;
pub mod create;
pub mod encryption;
mod error;
pub mod error_response;
pub mod framing;
pub mod header;
pub mod ioctl;
pub mod kdf;
pub mod negotiate;
pub mod preauth;
pub mod read_write;
pub mod session_setup;
pub mod signing;
pub mod status;
pub mod tree;
pub mod wire;

#[cfg(test)]
mod test_vectors;

pub use connection::{
    Body, Config, Connection, EncryptionPolicy, Event, Negotiated, RequestId, Response,
    SessionInfo, SigningPolicy,
};
pub use create::FileId;
pub use error::{Error, Result};
pub use header::Command;
pub use negotiate::{Cipher, Dialect, SigningAlgorithm};
