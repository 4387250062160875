//! Requests and responses of the wkssvc methods (\[MS-WKST\] 3.2.4), by opnum. `ServerName` is
//! a `[string, unique]` `WKSSVC_IDENTIFY_HANDLE` / `WKSSVC_IMPERSONATE_HANDLE`; every method
//! returns a Win32 code (`status`).

use netapi_ndr::Ndr;

use super::info::{StatWorkstation0, WkstaInfo};
use super::join::{JoinprEncryptedUserPassword, NetSetupJoinStatus, NetSetupNameType};
use super::lists::{WkstaTransportEnumStruct, WkstaTransportInfo0, WkstaUserEnumStruct};
use super::uses::{ForceLevel, UseEnumStruct, UseInfo};

/// `NetrWkstaGetInfo` request (\[MS-WKST\] 3.2.4.1, opnum 0).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaGetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 100, 101, 102 or 502.
    pub level: u32,
}

/// `NetrWkstaGetInfo` response: `[out, switch_is(Level)] LPWKSTA_INFO` (top-level ref: the
/// union itself), then the status.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaGetInfoResponse {
    /// `WkstaInfo`.
    pub wksta_info: WkstaInfo,
    /// Return value.
    pub status: u32,
}

/// `NetrWkstaSetInfo` request (\[MS-WKST\] 3.2.4.2, opnum 1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaSetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 100, 101, 102, 502, 1013, 1018 or 1046.
    pub level: u32,
    /// `WkstaInfo`: the new values at `level`.
    #[ndr(switch_is(level))]
    pub wksta_info: WkstaInfo,
    /// `ErrorParameter`: in, the index of a bad member out.
    #[ndr(unique)]
    pub error_parameter: Option<u32>,
}

/// `NetrWkstaSetInfo` response (\[MS-WKST\] 3.2.4.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaSetInfoResponse {
    /// `ErrorParameter`.
    #[ndr(unique)]
    pub error_parameter: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrWkstaUserEnum` request (\[MS-WKST\] 3.2.4.3, opnum 2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaUserEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `UserInfo`: the level with an empty container.
    pub user_info: WkstaUserEnumStruct,
    /// `PreferredMaximumLength`.
    pub preferred_maximum_length: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrWkstaUserEnum` response (\[MS-WKST\] 3.2.4.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaUserEnumResponse {
    /// `UserInfo`.
    pub user_info: WkstaUserEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value (`ERROR_MORE_DATA`: more follow).
    pub status: u32,
}

/// `NetrWkstaTransportEnum` request (\[MS-WKST\] 3.2.4.4, opnum 5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaTransportEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `TransportInfo`: level 0 with an empty container.
    pub transport_info: WkstaTransportEnumStruct,
    /// `PreferredMaximumLength`.
    pub preferred_maximum_length: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrWkstaTransportEnum` response (\[MS-WKST\] 3.2.4.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaTransportEnumResponse {
    /// `TransportInfo`.
    pub transport_info: WkstaTransportEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrWkstaTransportAdd` request (\[MS-WKST\] 3.2.4.5, opnum 6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaTransportAddRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 0.
    pub level: u32,
    /// `TransportInfo` (a `[ref]` pointer: the structure itself).
    pub transport_info: WkstaTransportInfo0,
    /// `ErrorParameter`.
    #[ndr(unique)]
    pub error_parameter: Option<u32>,
}

/// `NetrWkstaTransportAdd` response (\[MS-WKST\] 3.2.4.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaTransportAddResponse {
    /// `ErrorParameter`.
    #[ndr(unique)]
    pub error_parameter: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrWkstaTransportDel` request (\[MS-WKST\] 3.2.4.6, opnum 7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaTransportDelRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `TransportName`.
    #[ndr(unique, string)]
    pub transport_name: Option<String>,
    /// `ForceLevel`.
    pub force_level: ForceLevel,
}

/// `NetrWkstaTransportDel` response (\[MS-WKST\] 3.2.4.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaTransportDelResponse {
    /// Return value.
    pub status: u32,
}

/// `NetrUseAdd` request (\[MS-WKST\] 3.2.4.7, opnum 8).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseAddRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 0–3.
    pub level: u32,
    /// `InfoStruct`.
    #[ndr(switch_is(level))]
    pub info_struct: UseInfo,
    /// `ErrorParameter`.
    #[ndr(unique)]
    pub error_parameter: Option<u32>,
}

/// `NetrUseAdd` response (\[MS-WKST\] 3.2.4.7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseAddResponse {
    /// `ErrorParameter`.
    #[ndr(unique)]
    pub error_parameter: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrUseGetInfo` request (\[MS-WKST\] 3.2.4.8, opnum 9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseGetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `UseName`: the local device or `\\server\share`.
    #[ndr(string)]
    pub use_name: String,
    /// `Level`: 0–3.
    pub level: u32,
}

/// `NetrUseGetInfo` response (\[MS-WKST\] 3.2.4.8).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseGetInfoResponse {
    /// `InfoStruct`.
    pub info_struct: UseInfo,
    /// Return value.
    pub status: u32,
}

/// `NetrUseDel` request (\[MS-WKST\] 3.2.4.9, opnum 10).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseDelRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `UseName`.
    #[ndr(string)]
    pub use_name: String,
    /// `ForceLevel`.
    pub force_level: ForceLevel,
}

/// `NetrUseDel` response (\[MS-WKST\] 3.2.4.9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseDelResponse {
    /// Return value.
    pub status: u32,
}

/// `NetrUseEnum` request (\[MS-WKST\] 3.2.4.10, opnum 11).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `InfoStruct`: the level with an empty container.
    pub info_struct: UseEnumStruct,
    /// `PreferredMaximumLength`.
    pub preferred_maximum_length: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrUseEnum` response (\[MS-WKST\] 3.2.4.10).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrUseEnumResponse {
    /// `InfoStruct`.
    pub info_struct: UseEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrWorkstationStatisticsGet` request (\[MS-WKST\] 3.2.4.11, opnum 13).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWorkstationStatisticsGetRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `ServiceName` (ignored by the server).
    #[ndr(unique, string)]
    pub service_name: Option<String>,
    /// `Level`: 0.
    pub level: u32,
    /// `Options`: 0.
    pub options: u32,
}

/// `NetrWorkstationStatisticsGet` response: `[out] LPSTAT_WORKSTATION_0*`, a unique pointer
/// to the statistics.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWorkstationStatisticsGetResponse {
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<StatWorkstation0>,
    /// Return value.
    pub status: u32,
}

/// `NetrGetJoinInformation` request (\[MS-WKST\] 3.2.4.12, opnum 20).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrGetJoinInformationRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `NameBuffer`: `[in, out, string] wchar_t**`; clients send NULL.
    #[ndr(unique, string)]
    pub name_buffer: Option<String>,
}

/// `NetrGetJoinInformation` response (\[MS-WKST\] 3.2.4.12).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrGetJoinInformationResponse {
    /// `NameBuffer`: the domain or workgroup name.
    #[ndr(unique, string)]
    pub name_buffer: Option<String>,
    /// `BufferType`.
    pub buffer_type: NetSetupJoinStatus,
    /// Return value.
    pub status: u32,
}

/// `NetrValidateName2` request (\[MS-WKST\] 3.2.4.16, opnum 25).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrValidateName2Request {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `NameToValidate`.
    #[ndr(string)]
    pub name_to_validate: String,
    /// `AccountName`: the account to check a domain name with.
    #[ndr(unique, string)]
    pub account_name: Option<String>,
    /// `Password`: its password, encrypted with the SMB session key.
    #[ndr(unique)]
    pub password: Option<JoinprEncryptedUserPassword>,
    /// `NameType`.
    pub name_type: NetSetupNameType,
}

/// `NetrValidateName2` response (\[MS-WKST\] 3.2.4.16).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrValidateName2Response {
    /// Return value.
    pub status: u32,
}
