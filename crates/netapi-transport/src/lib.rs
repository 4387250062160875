//! The I/O half of netapi: everything that owns a socket.
//!
//! * [`smb`]: a tokio SMB2/3 client driving the sans-IO core of `netapi-smb2` (\[MS-SMB2\]):
//!   connections, sessions, the IPC$ tree and named pipes, shared per (server, credentials).
//! * [`tcp`] and [`epmap`]: `ncacn_ip_tcp` with the endpoint mapper on port 135 (\[MS-RPCE\]
//!   2.1.1.1, \[C706\] appendix L).
//! * [`rpc`]: the DCE/RPC client that drives `netapi-dcerpc`'s association over any [`RpcIo`].
//!
//! Everything here is async; the blocking facade for the CLI and Python is `netapi::Client`, one
//! layer up, which runs these calls on the calling thread.
//!
//! Every wait has a deadline; every peer-chosen size is bounded before allocation.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
pub mod smb;
pub use error::Error;

pub mod epmap;
pub mod rpc;
pub mod tcp;

/// A byte transport that carries DCE/RPC PDUs: an SMB2 named pipe (`ncacn_np`) or a TCP stream
/// (`ncacn_ip_tcp`). The RPC client in [`rpc`] drives its association over this; PDU boundaries
/// are the association's business, so any split of the bytes is fine.
pub trait RpcIo: Send {
    /// Send `data` (one or more whole PDUs) and return the first data the peer sends back.
    /// On a named pipe this is one FSCTL_PIPE_TRANSCEIVE ([MS-SMB2] 2.2.31, [MS-FSCC] 2.3.30)
    /// returning one pipe message, continued by READ while the server says STATUS_BUFFER_OVERFLOW.
    fn transceive(
        &mut self,
        data: &[u8],
    ) -> impl std::future::Future<Output = Result<Vec<u8>, Error>> + Send;
    /// Send `data` without waiting for an answer (non-last request fragments).
    fn send(&mut self, data: &[u8]) -> impl std::future::Future<Output = Result<(), Error>> + Send;
    /// Receive more data from the peer: the next pipe message, or whatever a TCP read returns
    /// (at least one byte). Bounded by the transport's own limits.
    fn recv(&mut self) -> impl std::future::Future<Output = Result<Vec<u8>, Error>> + Send;
    /// The fragment size this transport prefers to offer in a bind (5840 on pipes and TCP).
    fn preferred_frag_size(&self) -> u16;
}
