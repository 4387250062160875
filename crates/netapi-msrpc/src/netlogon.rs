//! The Netlogon remote protocol, `logon` (\[MS-NRPC\]): interface
//! `12345678-1234-abcd-ef00-01234567cffb` v1.0 on `\PIPE\netlogon`, whose methods mostly
//! return an NTSTATUS.
//!
//! Declared: the two domain-controller locators of the NetApi, NetrGetDCName (3.5.4.3.4) and
//! NetrGetAnyDCName (3.5.4.3.5), which return a `NET_API_STATUS` (a Win32 code; `{ kind: Win32 }`
//! in the table below). Left out: the secure channel, logon and replication methods (no win32net
//! function uses them) and `DsrGetDcName*`.
//! quirk(samba-4.17): only the AD DC has the pipe (a standalone server answers
//! `STATUS_OBJECT_NAME_NOT_FOUND` when it is opened); NetrGetAnyDCName there answers
//! `ERROR_NO_SUCH_DOMAIN` for every domain (it serves trusted domains only, the lab has none).

use netapi_ndr::Ndr;

/// `NetrGetDCName` request (\[MS-NRPC\] 3.5.4.3.4, opnum 11): the PDC of a domain.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrGetDCNameRequest {
    /// `ServerName`: `[in, string] LOGONSRV_HANDLE`, a `[ref]` string (never NULL).
    #[ndr(string)]
    pub server_name: String,
    /// `DomainName`: NULL for the server's primary domain.
    #[ndr(unique, string)]
    pub domain_name: Option<String>,
}

/// `NetrGetDCName` response (\[MS-NRPC\] 3.5.4.3.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrGetDCNameResponse {
    /// `Buffer`: `\\name` of the PDC.
    #[ndr(unique, string)]
    pub buffer: Option<String>,
    /// Return value (a `NET_API_STATUS`).
    pub status: u32,
}

/// `NetrGetAnyDCName` request (\[MS-NRPC\] 3.5.4.3.5, opnum 13): any DC of a trusted domain.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrGetAnyDCNameRequest {
    /// `ServerName`: `[in, string, unique] LOGONSRV_HANDLE`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `DomainName`: NULL for the server's primary domain.
    #[ndr(unique, string)]
    pub domain_name: Option<String>,
}

/// `NetrGetAnyDCName` response (\[MS-NRPC\] 3.5.4.3.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrGetAnyDCNameResponse {
    /// `Buffer`: `\\name` of a DC.
    #[ndr(unique, string)]
    pub buffer: Option<String>,
    /// Return value (a `NET_API_STATUS`).
    pub status: u32,
}

crate::calls! {
    /// The Netlogon remote protocol (\[MS-NRPC\] 1.9, Appendix A).
    interface Netlogon {
        name: "netlogon",
        uuid: "12345678-1234-abcd-ef00-01234567cffb",
        version: (1, 0),
        pipe: "netlogon",
        status: NtStatus,
    }
    11 => NetrGetDCName(NetrGetDCNameRequest) -> NetrGetDCNameResponse { kind: Win32 },
    13 => NetrGetAnyDCName(NetrGetAnyDCNameRequest) -> NetrGetAnyDCNameResponse { kind: Win32 },
}
