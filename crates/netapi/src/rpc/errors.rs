//! From transport and codec failures to [`crate::Error`], with the Win32 code a Windows NetApi
//! client reports in the same situation (the table is in `crate::error`'s module docs).

use netapi_codes::{NtStatus, WinError};
use netapi_transport::Error as TransportError;

use crate::error::{Code, Error, Kind};

/// NTSTATUS values with which a server reports that the pipe, session or connection under a
/// call has gone ([MS-ERREF] 2.3.1): a transport failure, like a reset socket, not a refusal.
/// Samba answers a pipe IOCTL with `STATUS_CONNECTION_DISCONNECTED` when the RPC daemon behind
/// the pipe stops while smbd still runs. The pipe is discarded; the next call opens another.
const CONNECTION_GONE: &[NtStatus] = &[
    NtStatus::STATUS_PIPE_DISCONNECTED,
    NtStatus::STATUS_PIPE_CLOSING,
    NtStatus::STATUS_NETWORK_NAME_DELETED,
    NtStatus::STATUS_LOCAL_DISCONNECT,
    NtStatus::STATUS_REMOTE_DISCONNECT,
    NtStatus::STATUS_PIPE_BROKEN,
    NtStatus::STATUS_USER_SESSION_DELETED,
    NtStatus::STATUS_CONNECTION_DISCONNECTED,
    NtStatus::STATUS_CONNECTION_RESET,
    NtStatus::STATUS_CONNECTION_ABORTED,
    NtStatus::STATUS_NETWORK_SESSION_EXPIRED,
];

/// Map a transport failure of NetApi function `op`.
pub(crate) fn from_transport(op: &'static str, e: TransportError) -> Error {
    use std::io::ErrorKind as Io;
    let detail = e.to_string();
    match e {
        TransportError::Io { op: what, source } => {
            let win32 = match source.kind() {
                // The RPC runtime over TCP: nothing listens (no endpoint mapper, no endpoint).
                _ if what == super::conn::RPC_CONNECT => WinError::RPC_S_SERVER_UNAVAILABLE,
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
            let win32 = if what == super::conn::RPC_CONNECT {
                WinError::RPC_S_SERVER_UNAVAILABLE
            } else if what == "connect" {
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
            let mut rule = None;
            let win32 = match (command, nt) {
                // The RPC runtime reports an absent endpoint pipe as "server unavailable";
                // netapi32 turns that into "service not started" for some services
                // (`translate`).
                (
                    "CREATE",
                    NtStatus::STATUS_OBJECT_NAME_NOT_FOUND | NtStatus::STATUS_PIPE_NOT_AVAILABLE,
                ) => match super::translate::windows_code(op, Code::Nt(nt)) {
                    (w, Some(why)) => {
                        rule = Some(why);
                        w
                    }
                    (_, None) => WinError::RPC_S_SERVER_UNAVAILABLE,
                },
                _ => nt.to_win32(),
            };
            let kind = if CONNECTION_GONE.contains(&nt) {
                Kind::Transport
            } else if command == "SESSION_SETUP" {
                Kind::Auth
            } else {
                Kind::Server
            };
            let detail = match rule {
                Some(why) => format!("{detail}; {why}"),
                None => detail,
            };
            Error::server(op, Code::Nt(nt), win32)
                .with_detail(detail)
                .with_kind(kind)
        }
        TransportError::Smb(inner) => {
            Error::local(op, Kind::Protocol, WinError::ERROR_UNEXP_NET_ERR, detail)
                .with_source(inner)
        }
        TransportError::Rpc(inner) => from_rpc(op, inner, detail),
        TransportError::Auth(inner) => {
            Error::local(op, Kind::Auth, auth_win32(&inner), detail).with_source(inner)
        }
        TransportError::Policy(_) => {
            Error::local(op, Kind::Transport, WinError::ERROR_NOT_SUPPORTED, detail)
        }
        TransportError::Usage(_) => Error::usage(op, WinError::ERROR_INVALID_PARAMETER, detail),
        // `netapi_transport::Error` is non-exhaustive.
        _ => Error::local(op, Kind::Transport, WinError::ERROR_UNEXP_NET_ERR, detail),
    }
}

/// The Win32 (or SSPI) code Windows reports for a client-side authentication failure:
///
/// | failure | code |
/// |---|---|
/// | KDC not found, refused, silent | 1311 `ERROR_NO_LOGON_SERVERS` |
/// | no ticket cache, empty cache, no key in the keytab | `SEC_E_NO_CREDENTIALS` (0x8009030E) |
/// | cached TGT expired, KDC says `KRB_AP_ERR_TKT_EXPIRED` | `SEC_E_CONTEXT_EXPIRED` (0x80090317) |
/// | `KRB_AP_ERR_SKEW` (clock skew) | 1398 `ERROR_TIME_SKEW` |
/// | `KDC_ERR_KEY_EXPIRED` (password expired) | 1330 `ERROR_PASSWORD_EXPIRED` |
/// | `KDC_ERR_S_PRINCIPAL_UNKNOWN` (no such SPN) | `SEC_E_TARGET_UNKNOWN` (0x80090303) |
/// | wrong password or keytab key, unknown user, any other refusal | 1326 `ERROR_LOGON_FAILURE` |
/// | unusable options or credentials (nothing sent) | 87 `ERROR_INVALID_PARAMETER` |
pub(crate) fn auth_win32(e: &netapi_auth::AuthError) -> WinError {
    use netapi_auth::{AuthError as A, KrbErrorCode as K};
    match e {
        A::Kdc(_) | A::KdcTimeout { .. } => WinError::ERROR_NO_LOGON_SERVERS,
        A::Usage(_) => WinError::ERROR_INVALID_PARAMETER,
        A::NoCredentials(_) => WinError::SEC_E_NO_CREDENTIALS,
        A::CredentialsExpired(_) => WinError::SEC_E_CONTEXT_EXPIRED,
        A::KdcRejected { code, .. } => match *code {
            K::KRB_AP_ERR_SKEW => WinError::ERROR_TIME_SKEW,
            K::KRB_AP_ERR_TKT_EXPIRED => WinError::SEC_E_CONTEXT_EXPIRED,
            K::KDC_ERR_KEY_EXPIRED => WinError::ERROR_PASSWORD_EXPIRED,
            K::KDC_ERR_S_PRINCIPAL_UNKNOWN => WinError::SEC_E_TARGET_UNKNOWN,
            _ => WinError::ERROR_LOGON_FAILURE,
        },
        _ => WinError::ERROR_LOGON_FAILURE,
    }
}

fn from_rpc(op: &'static str, e: netapi_dcerpc::Error, detail: String) -> Error {
    use netapi_dcerpc::Error as R;
    match e {
        R::Fault { status, .. } => {
            let e = super::translate::fault(op, status);
            let with_rule = e.detail().map(str::to_string);
            e.with_detail(with_rule.map_or(detail.clone(), |d| format!("{detail}; {d}")))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn status(command: &'static str, status: u32) -> Error {
        from_transport("NetShareEnum", TransportError::Status { command, status })
    }

    #[test]
    fn a_vanished_pipe_or_connection_is_a_transport_failure() {
        // What Samba answers when its RPC daemon stops under an open pipe.
        let e = status("IOCTL", 0xC000_020C);
        assert_eq!(e.kind(), Kind::Transport);
        assert_eq!(e.win32(), WinError::ERROR_NETNAME_DELETED.0);
        assert_eq!(e.code(), Code::Nt(NtStatus(0xC000_020C)));
        assert_eq!(status("READ", 0xC000_014B).kind(), Kind::Transport);
        assert_eq!(status("WRITE", 0xC000_00B0).kind(), Kind::Transport);
    }

    #[test]
    fn authentication_failures_have_their_own_codes() {
        use netapi_auth::{AuthError as A, KrbErrorCode as K};
        let code = |e: A| from_transport("NetShareEnum", TransportError::Auth(e)).win32();
        let rejected = |code| A::KdcRejected { code, text: None };
        assert_eq!(code(A::NoCredentials("x".into())), 0x8009_030E);
        assert_eq!(code(A::CredentialsExpired("x".into())), 0x8009_0317);
        assert_eq!(code(rejected(K::KRB_AP_ERR_SKEW)), 1398);
        assert_eq!(code(rejected(K::KDC_ERR_PREAUTH_FAILED)), 1326);
        assert_eq!(code(rejected(K::KDC_ERR_C_PRINCIPAL_UNKNOWN)), 1326);
        assert_eq!(code(A::Kdc("refused".into())), 1311);
        let timeout = A::KdcTimeout {
            kdc: "127.0.0.1:88".into(),
            after: std::time::Duration::from_secs(1),
        };
        assert_eq!(code(timeout), 1311);
        let e = from_transport(
            "NetShareEnum",
            TransportError::Auth(A::NoCredentials("no cache".into())),
        );
        assert_eq!(e.kind(), Kind::Auth);
        assert!(
            e.to_string().contains("No credentials are available"),
            "{e}"
        );
    }

    #[test]
    fn refusals_stay_server_errors_and_logon_failures_auth() {
        let e = status("TREE_CONNECT", 0xC000_0022);
        assert_eq!(
            (e.kind(), e.win32()),
            (Kind::Server, WinError::ERROR_ACCESS_DENIED.0)
        );
        let e = status("SESSION_SETUP", 0xC000_006D);
        assert_eq!(
            (e.kind(), e.win32()),
            (Kind::Auth, WinError::ERROR_LOGON_FAILURE.0)
        );
        let e = status("CREATE", NtStatus::STATUS_OBJECT_NAME_NOT_FOUND.0);
        assert_eq!(e.win32(), WinError::RPC_S_SERVER_UNAVAILABLE.0);
        // A service netapi32 names: "not started" (the translation table's rows).
        let e = from_transport(
            "NetGetDCName",
            TransportError::Status {
                command: "CREATE",
                status: NtStatus::STATUS_OBJECT_NAME_NOT_FOUND.0,
            },
        );
        assert_eq!(e.win32(), WinError::NERR_ServiceNotInstalled.0);
        assert!(e.detail().unwrap().contains("netlogon"), "{e}");
    }
}
