//! The error type of the sans-IO SMB2 core.
//!
//! Every variant is fatal for the [`crate::Connection`] that returned it: after a bad signature,
//! a malformed message or a policy violation nothing the peer says can be trusted, so the driver
//! closes the socket and fails every request still waiting. Status codes the server returns for
//! individual requests are not errors here; they arrive as [`crate::Body::Error`].

use std::fmt;

use crate::header::Command;

/// What went wrong in the SMB2 core. Clone-able so a driver can hand the same cause to every
/// waiter of a connection that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A message from the peer does not parse; the text names the structure or field.
    Malformed(&'static str),
    /// A size chosen by the peer (or the caller) exceeds one of our limits.
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// The size we were given.
        size: usize,
        /// Our limit.
        limit: usize,
    },
    /// A response signature did not verify ([MS-SMB2] 3.1.5.1).
    BadSignature {
        /// The response's MessageId.
        message_id: u64,
        /// The response's command.
        command: Command,
    },
    /// A response that had to be signed (or encrypted) arrived in the clear ([MS-SMB2] 3.2.5.1.3).
    Unsigned {
        /// The response's MessageId.
        message_id: u64,
        /// The response's command.
        command: Command,
    },
    /// An encrypted message failed to decrypt or authenticate ([MS-SMB2] 3.2.5.1.1.1).
    Decrypt(&'static str),
    /// A response carries a MessageId we have no request for, or the wrong command for it.
    UnexpectedResponse {
        /// The MessageId in the response.
        message_id: u64,
        /// The command in the response.
        command: Command,
    },
    /// The server's choices violate our security policy: a dialect outside the configured range,
    /// encryption or signing required but impossible, a guest session, a failed negotiate
    /// validation. Nothing is downgraded silently.
    Policy(String),
    /// The call does not fit the connection's state (no session, negotiate not finished, ...).
    State(&'static str),
    /// The caller's input is unusable (too long a name, too many requests queued, ...).
    Usage(&'static str),
    /// The connection was closed earlier; no new requests are accepted.
    Closed,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Malformed(what) => write!(f, "malformed {what}"),
            Error::TooLarge { what, size, limit } => {
                write!(f, "{what} of {size} bytes exceeds the limit of {limit}")
            }
            Error::BadSignature {
                message_id,
                command,
            } => {
                write!(
                    f,
                    "bad signature on {command:?} response (MessageId {message_id})"
                )
            }
            Error::Unsigned {
                message_id,
                command,
            } => write!(
                f,
                "{command:?} response (MessageId {message_id}) is neither signed nor encrypted \
                 although the session requires it"
            ),
            Error::Decrypt(what) => write!(f, "decryption failed: {what}"),
            Error::UnexpectedResponse {
                message_id,
                command,
            } => {
                write!(
                    f,
                    "unexpected {command:?} response with MessageId {message_id}"
                )
            }
            Error::Policy(m) => write!(f, "security policy not met: {m}"),
            Error::State(m) => write!(f, "wrong connection state: {m}"),
            Error::Usage(m) => write!(f, "{m}"),
            Error::Closed => f.write_str("the SMB2 connection is closed"),
        }
    }
}

impl std::error::Error for Error {}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
