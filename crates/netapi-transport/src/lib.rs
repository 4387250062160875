//! The I/O half of netapi: everything that owns a socket.
//!
//! * [`smb`]: a tokio SMB2/3 client driving the sans-IO core of `netapi-smb2` ([MS-SMB2]):
//!   connections, sessions, the IPC$ tree and named pipes, shared per (server, credentials).
//! * [`tcp`] and [`epmap`]: `ncacn_ip_tcp` with the endpoint mapper on port 135 ([MS-RPCE] 2.1.1.1,
//!   [C706] appendix L).
//! * [`rpc`]: the DCE/RPC client that drives `netapi-dcerpc`'s association over any [`RpcIo`].
//! * [`blocking`]: a synchronous facade for the CLI and Python.
//!
//! Every wait has a deadline; every peer-chosen size is bounded before allocation.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
pub use error::Error;
