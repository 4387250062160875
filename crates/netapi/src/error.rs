//! The one public error type: what failed (the NetApi function), the code exactly as received
//! (Win32/NERR, NTSTATUS or DCE/RPC fault status), the Win32 code the NetApi would return for it,
//! and Windows' message text for that code (what pywin32 puts in `strerror`).
//!
//! Failures that never reach a server are mapped to the Win32 code a Windows client reports in
//! the same situation, so scripts can branch on one number whatever went wrong:
//!
//! | situation | Win32 code |
//! |---|---|
//! | server unreachable, connection refused, connect timeout | 53 `ERROR_BAD_NETPATH` |
//! | no answer within the response timeout | 121 `ERROR_SEM_TIMEOUT` |
//! | connection dropped | 64 `ERROR_NETNAME_DELETED` |
//! | SMB2 protocol violation by the peer (bad signature, malformed message) | 59 `ERROR_UNEXP_NET_ERR` |
//! | SMB2 status from the server | `RtlNtStatusToDosError` of it (1326 for a bad password) |
//! | SMB2 status saying the pipe, session or connection is gone (`STATUS_CONNECTION_DISCONNECTED`, `STATUS_PIPE_BROKEN`, ...) | its `RtlNtStatusToDosError` (64, 109, ...), with kind `Transport`: the pipe is dropped and the next call opens another |
//! | named pipe absent (`STATUS_OBJECT_NAME_NOT_FOUND` on CREATE) | 1722 `RPC_S_SERVER_UNAVAILABLE` |
//! | DCE/RPC fault | the fault's Win32 code (`nca_s_op_rng_error` → 1745) |
//! | interface refused in bind | 1717 `RPC_S_UNKNOWN_IF` |
//! | DCE/RPC protocol violation | 1728 `RPC_S_PROTOCOL_ERROR` |
//! | undecodable stub (NDR) | 1783 `RPC_X_BAD_STUB_DATA` |
//! | authentication failed / KDC unreachable | 1326 `ERROR_LOGON_FAILURE` / 1311 `ERROR_NO_LOGON_SERVERS` |
//! | no ticket cache or keytab key / ticket expired / clock skew | `SEC_E_NO_CREDENTIALS` / `SEC_E_CONTEXT_EXPIRED` / 1398 `ERROR_TIME_SKEW` (see `rpc::errors::auth_win32`) |
//! | null session refused by the server | 5 `ERROR_ACCESS_DENIED` (its NTSTATUS, mapped) |
//! | our security policy not met (signing/encryption/dialect) | 50 `ERROR_NOT_SUPPORTED` |
//! | bad input from the caller (nothing sent) | 87, 124, 123 or 2351 as Windows' netapi32 does |

use std::fmt;

use netapi_codes::{NtStatus, RpcFault, WinError};

/// The code as the peer (or the OS) sent it, untranslated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Code {
    /// A Win32 / NERR code (`WERROR` or `NET_API_STATUS`).
    Win32(WinError),
    /// An NTSTATUS (SMB2 header, SAMR/LSA return value).
    Nt(NtStatus),
    /// A DCE/RPC fault status.
    Fault(RpcFault),
    /// No code was received (local or transport failure); see [`Error::win32`].
    None,
}

/// Which layer failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// The server answered with a failure status.
    Server,
    /// The network: unreachable, timed out, disconnected.
    Transport,
    /// The peer violated a protocol (or we could not decode its answer).
    Protocol,
    /// Authentication failed.
    Auth,
    /// The caller's input was rejected before anything was sent.
    Usage,
}

/// A failed NetApi call.
pub struct Error {
    code: Code,
    win32: WinError,
    op: &'static str,
    kind: Kind,
    detail: Option<String>,
    parm_err: Option<u32>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    /// A failure status returned by the server.
    pub fn server(op: &'static str, code: Code, win32: WinError) -> Self {
        Error {
            code,
            win32,
            op,
            kind: Kind::Server,
            detail: None,
            parm_err: None,
            source: None,
        }
    }

    /// The server returned a Win32 / NERR status.
    pub fn win32_status(op: &'static str, status: u32) -> Self {
        Self::server(op, Code::Win32(WinError(status)), WinError(status))
    }

    /// The server returned an NTSTATUS (mapped as Windows' `RtlNtStatusToDosError` does).
    pub fn nt_status(op: &'static str, status: u32) -> Self {
        let nt = NtStatus(status);
        Self::server(op, Code::Nt(nt), nt.to_win32())
    }

    /// Bad input from the caller; nothing was sent.
    pub fn usage(op: &'static str, win32: WinError, detail: impl Into<String>) -> Self {
        Error {
            code: Code::None,
            win32,
            op,
            kind: Kind::Usage,
            detail: Some(detail.into()),
            parm_err: None,
            source: None,
        }
    }

    /// An error of `kind` with no received code, reported as `win32`.
    pub fn local(op: &'static str, kind: Kind, win32: WinError, detail: impl Into<String>) -> Self {
        Error {
            code: Code::None,
            win32,
            op,
            kind,
            detail: Some(detail.into()),
            parm_err: None,
            source: None,
        }
    }

    /// Attach the underlying error.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// Attach a human-readable detail (shown after the Windows message).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Name the offending field of an Add/SetInfo call by its `*_PARMNUM` (the `parm_err`
    /// out-parameter of the NetApi, e.g. `USER_PRIV_PARMNUM` for a `priv` Windows refuses).
    pub fn with_parm_err(mut self, parm_err: u32) -> Self {
        self.parm_err = Some(parm_err);
        self
    }

    /// Reclassify the failing layer.
    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Rename the operation (when a NetApi function is built from another one).
    pub fn with_op(mut self, op: &'static str) -> Self {
        self.op = op;
        self
    }

    /// The code as received.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The Win32 / NERR code a Windows NetApi call would return (pywin32's `winerror`).
    pub fn win32(&self) -> u32 {
        self.win32.0
    }

    /// The NetApi function that failed (pywin32's `funcname`).
    pub fn op(&self) -> &'static str {
        self.op
    }

    /// Which layer failed.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Extra detail beyond the code (e.g. which protocol rule the peer broke).
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The `*_PARMNUM` of the field Windows names in `parm_err` for this failure, when it
    /// names one (`ERROR_INVALID_PARAMETER` from NetUserAdd / NetUserSetInfo, ...).
    pub fn parm_err(&self) -> Option<u32> {
        self.parm_err
    }

    /// Windows' message text for [`Error::win32`] (pywin32's `strerror`).
    pub fn message(&self) -> String {
        netapi_codes::pywin32_strerror(self.win32.0)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("op", &self.op)
            .field("win32", &self.win32)
            .field("code", &self.code)
            .field("kind", &self.kind)
            .field("detail", &self.detail)
            .field("parm_err", &self.parm_err)
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error {}: {}", self.op, self.win32.0, self.message())?;
        match self.code {
            Code::Nt(nt) if nt.0 != self.win32.0 => write!(f, " ({nt:?})")?,
            Code::Fault(fault) => write!(f, " (DCE/RPC fault {fault:?})")?,
            _ => {}
        }
        if let Some(detail) = &self.detail {
            write!(f, " [{detail}]")?;
        }
        if let Some(p) = self.parm_err {
            write!(f, " (parm_err {p})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_status_keeps_the_code_and_prints_windows_text() {
        let e = Error::win32_status("NetShareGetInfo", 2310);
        assert_eq!(e.win32(), 2310);
        assert_eq!(e.code(), Code::Win32(WinError(2310)));
        assert_eq!(e.message(), "This shared resource does not exist.");
        assert_eq!(
            e.to_string(),
            "NetShareGetInfo: error 2310: This shared resource does not exist."
        );
    }

    #[test]
    fn ntstatus_is_kept_untranslated_and_mapped_for_win32() {
        let e = Error::nt_status("NetUserGetInfo", 0xC000_0022);
        assert_eq!(e.code(), Code::Nt(NtStatus(0xC000_0022)));
        assert_eq!(e.win32(), 5);
        assert!(
            e.to_string()
                .starts_with("NetUserGetInfo: error 5: Access is denied.")
        );
    }

    #[test]
    fn usage_errors_carry_detail() {
        let e = Error::usage(
            "NetShareEnum",
            WinError::ERROR_INVALID_LEVEL,
            "level 7 is not a SHARE_INFO level",
        );
        assert_eq!(e.kind(), Kind::Usage);
        assert_eq!(e.win32(), 124);
        assert!(
            e.to_string()
                .ends_with("[level 7 is not a SHARE_INFO level]"),
            "{e}"
        );
    }
}
