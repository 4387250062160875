//! From transport and codec failures to [`crate::Error`], with the Win32 code a Windows NetApi
//! client reports in the same situation (the table is in `crate::error`'s module docs).

use netapi_codes::{NtStatus, RpcFault, WinError};
use netapi_transport::Error as TransportError;

use crate::error::{Code, Error, Kind};

/// NTSTATUS values that get a NetApi-specific Win32 code instead of the generic mapping.
const STATUS_OBJECT_NAME_NOT_FOUND: u32 = 0xC000_0034;
const STATUS_PIPE_NOT_AVAILABLE: u32 = 0xC000_00AC;

/// Map a transport failure of NetApi function `op`.
pub(crate) fn from_transport(op: &'static str, e: TransportError) -> Error {
    use std::io::ErrorKind as Io;
    let detail = e.to_string();
    match e {
        TransportError::Io { op: what, source } => {
            let win32 = match source.kind() {
                Io::ConnectionReset
                | Io::ConnectionAborted
                | Io::BrokenPipe
                | Io::UnexpectedEof
                    if what != "connect" && what != "resolve" =>
                {
                    WinError::ERROR_NETNAME_DELETED
                }
                _ => WinError::ERROR_BAD_NETPATH,
            };
            Error::local(op, Kind::Transport, win32, detail).with_source(source)
        }
        TransportError::Timeout { op: what, .. } => {
            let win32 = if what == "connect" {
                WinError::ERROR_BAD_NETPATH
            } else {
                WinError::ERROR_SEM_TIMEOUT
            };
            Error::local(op, Kind::Transport, win32, detail)
        }
        TransportError::Disconnected => {
            Error::local(op, Kind::Transport, WinError::ERROR_NETNAME_DELETED, detail)
        }
        TransportError::Status { command, status } => {
            let nt = NtStatus(status);
            let win32 = match (command, status) {
                // The RPC runtime reports an absent endpoint pipe as "server unavailable".
                ("CREATE", STATUS_OBJECT_NAME_NOT_FOUND | STATUS_PIPE_NOT_AVAILABLE) => {
                    WinError::RPC_S_SERVER_UNAVAILABLE
                }
                _ => nt.to_win32(),
            };
            let kind = if command == "SESSION_SETUP" {
                Kind::Auth
            } else {
                Kind::Server
            };
            let mut err = Error::server(op, Code::Nt(nt), win32).with_detail(detail);
            if kind == Kind::Auth {
                err = err.with_kind(Kind::Auth);
            }
            err
        }
        TransportError::Smb(inner) => {
            Error::local(op, Kind::Protocol, WinError::ERROR_UNEXP_NET_ERR, detail)
                .with_source(inner)
        }
        TransportError::Rpc(inner) => from_rpc(op, inner, detail),
        TransportError::Auth(inner) => {
            let win32 = match &inner {
                netapi_auth::AuthError::Kdc(_) => WinError::ERROR_NO_LOGON_SERVERS,
                netapi_auth::AuthError::Usage(_) => WinError::ERROR_INVALID_PARAMETER,
                _ => WinError::ERROR_LOGON_FAILURE,
            };
            Error::local(op, Kind::Auth, win32, detail).with_source(inner)
        }
        TransportError::Policy(_) => {
            Error::local(op, Kind::Transport, WinError::ERROR_NOT_SUPPORTED, detail)
        }
        TransportError::Usage(_) => Error::usage(op, WinError::ERROR_INVALID_PARAMETER, detail),
        // `netapi_transport::Error` is non-exhaustive.
        _ => Error::local(op, Kind::Transport, WinError::ERROR_UNEXP_NET_ERR, detail),
    }
}

fn from_rpc(op: &'static str, e: netapi_dcerpc::Error, detail: String) -> Error {
    use netapi_dcerpc::Error as R;
    match e {
        R::Fault { status, .. } => {
            let fault = RpcFault(status);
            Error::server(op, Code::Fault(fault), fault.to_win32()).with_detail(detail)
        }
        R::BindNak { .. } | R::ContextRejected { .. } => {
            Error::local(op, Kind::Server, WinError::RPC_S_UNKNOWN_IF, detail)
        }
        R::Auth(inner) => {
            Error::local(op, Kind::Auth, WinError::ERROR_ACCESS_DENIED, detail).with_source(inner)
        }
        // The endpoint mapper has no endpoint for the interface ([C706] ept_s_not_registered).
        R::CallFailed { op: "ept_map", .. } => {
            Error::local(op, Kind::Server, WinError::EPT_S_NOT_REGISTERED, detail)
        }
        R::Closed => Error::local(op, Kind::Transport, WinError::ERROR_NETNAME_DELETED, detail),
        R::Usage(_) => Error::usage(op, WinError::ERROR_INVALID_PARAMETER, detail),
        other => Error::local(op, Kind::Protocol, WinError::RPC_S_PROTOCOL_ERROR, detail)
            .with_source(other),
    }
}

/// The server's answer could not be decoded as the IDL says.
pub(crate) fn from_decode(op: &'static str, e: netapi_ndr::DecodeError) -> Error {
    Error::local(
        op,
        Kind::Protocol,
        WinError::RPC_X_BAD_STUB_DATA,
        e.to_string(),
    )
    .with_source(e)
}

/// A request could not be encoded (a value out of range for its wire type).
pub(crate) fn from_encode(op: &'static str, e: netapi_ndr::EncodeError) -> Error {
    Error::usage(op, WinError::ERROR_INVALID_PARAMETER, e.to_string())
}
