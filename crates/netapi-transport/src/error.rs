//! The transport error type: I/O, deadlines, SMB status codes, protocol and auth failures.

use std::fmt;
use std::time::Duration;

/// Why a transport operation failed. Codes stay as the peer sent them; `netapi` maps them to
/// Win32 codes.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The socket failed (`op` says what we were doing: "connect", "read", "write").
    Io {
        /// What we were doing.
        op: &'static str,
        /// The OS error.
        source: std::io::Error,
    },
    /// No answer within the configured deadline.
    Timeout {
        /// What we were waiting for.
        op: &'static str,
        /// The deadline that passed.
        after: Duration,
    },
    /// The peer closed the connection (or it was closed after an earlier failure).
    Disconnected,
    /// The SMB2 server answered a request with a failure NTSTATUS.
    Status {
        /// The SMB2 command, e.g. "CREATE".
        command: &'static str,
        /// The NTSTATUS value as received.
        status: u32,
    },
    /// The SMB2 peer violated the protocol (malformed message, bad signature, ...).
    Smb(netapi_smb2::Error),
    /// The DCE/RPC peer violated the protocol, refused the bind, or sent a fault.
    Rpc(netapi_dcerpc::Error),
    /// Authentication failed or a security token was invalid.
    Auth(netapi_auth::AuthError),
    /// A security policy of ours was not met (signing or encryption required but not offered,
    /// dialect below the configured minimum, ...). Nothing is downgraded silently.
    Policy(String),
    /// The caller's input is unusable; nothing was sent.
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { op, source } => write!(f, "{op}: {source}"),
            Error::Timeout { op, after } => write!(f, "{op}: no answer within {after:?}"),
            Error::Disconnected => f.write_str("connection closed by peer"),
            Error::Status { command, status } => {
                write!(f, "SMB2 {command} failed with NTSTATUS 0x{status:08x}")
            }
            Error::Smb(e) => write!(f, "SMB2 protocol error: {e}"),
            Error::Rpc(e) => write!(f, "DCE/RPC: {e}"),
            Error::Auth(e) => write!(f, "{e}"),
            Error::Policy(m) => write!(f, "security policy not met: {m}"),
            Error::Usage(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Smb(e) => Some(e),
            Error::Rpc(e) => Some(e),
            Error::Auth(e) => Some(e),
            _ => None,
        }
    }
}

impl From<netapi_smb2::Error> for Error {
    fn from(e: netapi_smb2::Error) -> Self {
        Error::Smb(e)
    }
}
impl From<netapi_dcerpc::Error> for Error {
    fn from(e: netapi_dcerpc::Error) -> Self {
        Error::Rpc(e)
    }
}
impl From<netapi_auth::AuthError> for Error {
    fn from(e: netapi_auth::AuthError) -> Self {
        Error::Auth(e)
    }
}
