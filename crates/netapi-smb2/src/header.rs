//! The 64-byte SMB2 packet header, sync and async forms ([MS-SMB2] 2.2.1.1, 2.2.1.2).
//!
//! Requests are always sync; responses may be async (interim `STATUS_PENDING` and the final
//! response to a request the server went async on). The `Status` field doubles as
//! `ChannelSequence`/`Reserved` in requests; we send zero there (no multichannel, no replay).

use crate::error::{Error, Result};
use crate::wire::{Put, Reader};

/// Length of the SMB2 header.
pub const HEADER_LEN: usize = 64;
/// `ProtocolId` of an SMB2 header: 0xFE 'S' 'M' 'B'.
pub const PROTOCOL_ID: [u8; 4] = [0xFE, b'S', b'M', b'B'];
/// Byte offset of the 16-byte `Signature` field.
pub const SIGNATURE_OFFSET: usize = 48;
/// Byte offset of the `Flags` field.
pub const FLAGS_OFFSET: usize = 16;

macro_rules! open_enum {
    ($(#[$m:meta])* $name:ident($ty:ty) { $($(#[$vm:meta])* $v:ident = $n:expr,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub $ty);
        impl $name {
            $($(#[$vm])* pub const $v: $name = $name($n);)*
            /// The constant's name, if this value has one.
            pub fn name(self) -> Option<&'static str> {
                match self.0 { $($n => Some(stringify!($v)),)* _ => None }
            }
        }
        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self.name() {
                    Some(n) => f.write_str(n),
                    None => write!(f, "{}(0x{:x})", stringify!($name), self.0),
                }
            }
        }
    };
}
pub(crate) use open_enum;

open_enum! {
    /// SMB2 command code ([MS-SMB2] 2.2.1.2 `Command`).
    Command(u16) {
        /// NEGOTIATE.
        NEGOTIATE = 0x0000,
        /// SESSION_SETUP.
        SESSION_SETUP = 0x0001,
        /// LOGOFF.
        LOGOFF = 0x0002,
        /// TREE_CONNECT.
        TREE_CONNECT = 0x0003,
        /// TREE_DISCONNECT.
        TREE_DISCONNECT = 0x0004,
        /// CREATE.
        CREATE = 0x0005,
        /// CLOSE.
        CLOSE = 0x0006,
        /// FLUSH.
        FLUSH = 0x0007,
        /// READ.
        READ = 0x0008,
        /// WRITE.
        WRITE = 0x0009,
        /// LOCK.
        LOCK = 0x000A,
        /// IOCTL.
        IOCTL = 0x000B,
        /// CANCEL.
        CANCEL = 0x000C,
        /// ECHO.
        ECHO = 0x000D,
        /// QUERY_DIRECTORY.
        QUERY_DIRECTORY = 0x000E,
        /// CHANGE_NOTIFY.
        CHANGE_NOTIFY = 0x000F,
        /// QUERY_INFO.
        QUERY_INFO = 0x0010,
        /// SET_INFO.
        SET_INFO = 0x0011,
        /// OPLOCK_BREAK.
        OPLOCK_BREAK = 0x0012,
    }
}

impl Command {
    /// The name used in errors ("SESSION_SETUP"), or "UNKNOWN".
    pub fn as_str(self) -> &'static str {
        self.name().unwrap_or("UNKNOWN")
    }
}

/// Header `Flags` bits ([MS-SMB2] 2.2.1.2).
pub mod flags {
    /// Set on responses.
    pub const SERVER_TO_REDIR: u32 = 0x0000_0001;
    /// The async header form (AsyncId instead of TreeId).
    pub const ASYNC_COMMAND: u32 = 0x0000_0002;
    /// Part of a related compound chain.
    pub const RELATED_OPERATIONS: u32 = 0x0000_0004;
    /// The message is signed.
    pub const SIGNED: u32 = 0x0000_0008;
    /// DFS operation.
    pub const DFS_OPERATIONS: u32 = 0x1000_0000;
    /// Replay of an earlier request.
    pub const REPLAY_OPERATION: u32 = 0x2000_0000;
}

/// The header field that differs between the sync and async forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Sync form: the tree the message addresses (0 when none).
    Sync {
        /// `TreeId`.
        tree_id: u32,
    },
    /// Async form: the id the server gave an asynchronously processed request.
    Async {
        /// `AsyncId`.
        async_id: u64,
    },
}

/// A decoded SMB2 header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// `CreditCharge`: credits this request consumes (0 before multi-credit is negotiated).
    pub credit_charge: u16,
    /// `Status` (responses) / `ChannelSequence` + `Reserved` (requests).
    pub status: u32,
    /// `Command`.
    pub command: Command,
    /// `CreditRequest` (requests) / `CreditResponse` (responses).
    pub credits: u16,
    /// `Flags`; the ASYNC bit is derived from `route` when encoding.
    pub flags: u32,
    /// `NextCommand`: offset of the next compounded message, 0 for the last.
    pub next_command: u32,
    /// `MessageId`.
    pub message_id: u64,
    /// Tree id or async id.
    pub route: Route,
    /// `SessionId`.
    pub session_id: u64,
    /// `Signature`.
    pub signature: [u8; 16],
}

impl Header {
    /// A request header for `command` with everything else zero.
    pub fn request(command: Command) -> Self {
        Header {
            credit_charge: 0,
            status: 0,
            command,
            credits: 0,
            flags: 0,
            next_command: 0,
            message_id: 0,
            route: Route::Sync { tree_id: 0 },
            session_id: 0,
            signature: [0; 16],
        }
    }

    /// True for responses (SERVER_TO_REDIR set).
    pub fn is_response(&self) -> bool {
        self.flags & flags::SERVER_TO_REDIR != 0
    }

    /// True when the SIGNED flag is set.
    pub fn is_signed(&self) -> bool {
        self.flags & flags::SIGNED != 0
    }

    /// The tree id of a sync header, `None` for async.
    pub fn tree_id(&self) -> Option<u32> {
        match self.route {
            Route::Sync { tree_id } => Some(tree_id),
            Route::Async { .. } => None,
        }
    }

    /// Append the 64 encoded bytes to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&PROTOCOL_ID);
        out.put_u16(HEADER_LEN as u16);
        out.put_u16(self.credit_charge);
        out.put_u32(self.status);
        out.put_u16(self.command.0);
        out.put_u16(self.credits);
        let mut f = self.flags & !flags::ASYNC_COMMAND;
        if matches!(self.route, Route::Async { .. }) {
            f |= flags::ASYNC_COMMAND;
        }
        out.put_u32(f);
        out.put_u32(self.next_command);
        out.put_u64(self.message_id);
        match self.route {
            Route::Sync { tree_id } => {
                out.put_u32(0);
                out.put_u32(tree_id);
            }
            Route::Async { async_id } => out.put_u64(async_id),
        }
        out.put_u64(self.session_id);
        out.extend_from_slice(&self.signature);
    }

    /// Decode the header at the start of `msg`.
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg, "SMB2 header");
        if r.array::<4>()? != PROTOCOL_ID {
            return Err(Error::Malformed("SMB2 header ProtocolId"));
        }
        r.structure_size(HEADER_LEN as u16)?;
        let credit_charge = r.u16()?;
        let status = r.u32()?;
        let command = Command(r.u16()?);
        let credits = r.u16()?;
        let flags = r.u32()?;
        let next_command = r.u32()?;
        let message_id = r.u64()?;
        let route = if flags & flags::ASYNC_COMMAND != 0 {
            Route::Async { async_id: r.u64()? }
        } else {
            r.skip(4)?;
            Route::Sync { tree_id: r.u32()? }
        };
        let session_id = r.u64()?;
        let signature = r.array()?;
        Ok(Header {
            credit_charge,
            status,
            command,
            credits,
            flags,
            next_command,
            message_id,
            route,
            session_id,
            signature,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_and_async_round_trip() {
        let mut h = Header::request(Command::IOCTL);
        h.credit_charge = 1;
        h.credits = 31;
        h.message_id = 7;
        h.route = Route::Sync { tree_id: 5 };
        h.session_id = 0x1122_3344_5566_7788;
        let mut b = Vec::new();
        h.encode(&mut b);
        assert_eq!(b.len(), HEADER_LEN);
        assert_eq!(Header::parse(&b).unwrap(), h);

        h.route = Route::Async {
            async_id: 0xdead_beef,
        };
        h.flags = flags::SERVER_TO_REDIR;
        let mut b = Vec::new();
        h.encode(&mut b);
        let p = Header::parse(&b).unwrap();
        assert_eq!(p.route, h.route);
        assert_eq!(p.flags, flags::SERVER_TO_REDIR | flags::ASYNC_COMMAND);
    }

    #[test]
    fn truncated_or_garbled_headers_fail() {
        let mut b = Vec::new();
        Header::request(Command::ECHO).encode(&mut b);
        for n in 0..HEADER_LEN {
            assert!(Header::parse(&b[..n]).is_err(), "prefix {n}");
        }
        let mut bad = b.clone();
        bad[0] = 0xFF;
        assert!(Header::parse(&bad).is_err());
        let mut bad = b;
        bad[4] = 63;
        assert!(Header::parse(&bad).is_err());
    }

    #[test]
    fn command_debug_prints_name_or_hex() {
        assert_eq!(format!("{:?}", Command::SESSION_SETUP), "SESSION_SETUP");
        assert_eq!(format!("{:?}", Command(0x99)), "Command(0x99)");
    }
}
