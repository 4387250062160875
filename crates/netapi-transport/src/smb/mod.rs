//! SMB2/3 named pipes over tokio ([MS-SMB2] 2.1 Direct TCP, 3.2 client), driving the sans-IO
//! core of `netapi-smb2`.
//!
//! * [`SmbClient`]: the pool; one connection and session per (server, port, credentials,
//!   options). Start here: `SmbClient::shared().open_pipe(server, &creds, &opts, "srvsvc")`.
//! * [`SmbSession`]: NEGOTIATE, SESSION_SETUP through `netapi-auth` (or any [`Authenticator`]),
//!   TREE_CONNECT to `IPC$`; signing and encryption per [`SmbOptions`].
//! * [`Pipe`]: an open pipe implementing [`crate::RpcIo`].
//! * [`PipeConnector`]: the trait the layers above use to open pipes, so another SMB client
//!   can stand in for this one.
//!
//! Every wait is bounded ([`SmbOptions::connect_timeout`], [`SmbOptions::response_timeout`]);
//! responses are demultiplexed by request, so several calls may share one connection.

mod auth;
mod driver;
mod options;
mod pipe;
mod pool;
mod session;

pub use auth::{Authenticator, NetapiAuth};
pub use netapi_smb2::{Cipher, Dialect, EncryptionPolicy, SigningAlgorithm, SigningPolicy};
pub use options::SmbOptions;
pub use pipe::{MAX_PIPE_MESSAGE, PIPE_FRAG_SIZE, PIPE_READ_AHEAD, Pipe};
pub use pool::{PipeConnector, SmbClient};
pub use session::{SmbSession, Tree};

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<SmbClient>();
        assert_send_sync::<SmbSession>();
        assert_send_sync::<Pipe>();
        assert_send_sync::<SmbOptions>();
    }
}
