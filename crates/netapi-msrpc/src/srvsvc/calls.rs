//! Request and response parameter lists (\[MS-SRVS\] 3.1.4), in the
//! specification's section order; [`super::OPNUMS`] maps them to opnums.
//!
//! Each request holds the `[in]` parameters and each response the `[out]`
//! ones, in IDL order, then the `NET_API_STATUS` as `status`. A top-level
//! `[ref]` pointer is its referent (`net_name: String`, `total_entries`);
//! `[unique]` ones are `Option`s. `ServerName` (`SRVSVC_HANDLE`) is ignored
//! by servers but must be well-formed; Windows clients send `\\name`.

use netapi_ndr::Ndr;

use super::{
    ConnectEnumStruct, DiskEnumContainer, FileEnumStruct, FileInfo, ServerInfo,
    ServerXportEnumStruct, SessionEnumStruct, ShareEnumStruct, ShareInfo, ShareType, StatServer0,
    TimeOfDayInfo, TransportInfo,
};

/// `NetrConnectionEnum` request (\[MS-SRVS\] 3.1.4.1, opnum 8).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrConnectionEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Qualifier`: a share name (connections to it) or `\\computer`
    /// (connections from it).
    #[ndr(unique, string)]
    pub qualifier: Option<String>,
    /// `InfoStruct`: the level, with an empty container on the way in.
    pub info_struct: ConnectEnumStruct,
    /// `PreferedMaximumLength` (spec spelling).
    pub prefered_maximum_length: u32,
    /// `ResumeHandle`: 0 to start.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrConnectionEnum` response (\[MS-SRVS\] 3.1.4.1).
///
/// quirk(samba-4.17): after a complete enumeration the resume handle is the
/// entry count, not 0.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrConnectionEnumResponse {
    /// `InfoStruct`.
    pub info_struct: ConnectEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrFileEnum` request (\[MS-SRVS\] 3.1.4.2, opnum 9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrFileEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `BasePath`: only files under this path.
    #[ndr(unique, string)]
    pub base_path: Option<String>,
    /// `UserName`: only files this user opened.
    #[ndr(unique, string)]
    pub user_name: Option<String>,
    /// `InfoStruct`.
    pub info_struct: FileEnumStruct,
    /// `PreferedMaximumLength`.
    pub prefered_maximum_length: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrFileEnum` response (\[MS-SRVS\] 3.1.4.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrFileEnumResponse {
    /// `InfoStruct`.
    pub info_struct: FileEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrFileGetInfo` request (\[MS-SRVS\] 3.1.4.3, opnum 10).
/// quirk(samba-4.17): not implemented (fault `nca_s_op_rng_error`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrFileGetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `FileId`: `fi3_id` from `NetrFileEnum`.
    pub file_id: u32,
    /// `Level`: 2 or 3.
    pub level: u32,
}

/// `NetrFileGetInfo` response (\[MS-SRVS\] 3.1.4.3): `[out, switch_is(Level)]
/// LPFILE_INFO`, a union that carries its own discriminant.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrFileGetInfoResponse {
    /// `InfoStruct`.
    pub info_struct: FileInfo,
    /// Return value.
    pub status: u32,
}

/// `NetrFileClose` request (\[MS-SRVS\] 3.1.4.4, opnum 11).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrFileCloseRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `FileId`.
    pub file_id: u32,
}

/// `NetrFileClose` response (\[MS-SRVS\] 3.1.4.4).
///
/// quirk(samba-4.17): an unknown file id gives `ERROR_FILE_NOT_FOUND` (2),
/// not `NERR_FileIdNotFound` (2314).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrFileCloseResponse {
    /// Return value.
    pub status: u32,
}

/// `NetrSessionEnum` request (\[MS-SRVS\] 3.1.4.5, opnum 12).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrSessionEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `ClientName`: `\\client` to filter on (quirk(samba-4.17): ignored).
    #[ndr(unique, string)]
    pub client_name: Option<String>,
    /// `UserName` to filter on (quirk(samba-4.17): ignored).
    #[ndr(unique, string)]
    pub user_name: Option<String>,
    /// `InfoStruct`.
    pub info_struct: SessionEnumStruct,
    /// `PreferedMaximumLength`.
    pub prefered_maximum_length: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrSessionEnum` response (\[MS-SRVS\] 3.1.4.5).
///
/// quirk(samba-4.17): after a complete enumeration the resume handle is the
/// entry count, not 0.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrSessionEnumResponse {
    /// `InfoStruct`.
    pub info_struct: SessionEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrSessionDel` request (\[MS-SRVS\] 3.1.4.6, opnum 13).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrSessionDelRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `ClientName`: `\\client`.
    #[ndr(unique, string)]
    pub client_name: Option<String>,
    /// `UserName`.
    #[ndr(unique, string)]
    pub user_name: Option<String>,
}

/// `NetrSessionDel` response (\[MS-SRVS\] 3.1.4.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrSessionDelResponse {
    /// Return value.
    pub status: u32,
}

/// `NetrShareAdd` request (\[MS-SRVS\] 3.1.4.7, opnum 14).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareAddRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 2, 502 or 503.
    pub level: u32,
    /// `InfoStruct`: the share at `level`.
    #[ndr(switch_is(level))]
    pub info_struct: ShareInfo,
    /// `ParmErr`: where the server reports the offending field.
    #[ndr(unique)]
    pub parm_err: Option<u32>,
}

/// `NetrShareAdd` response (\[MS-SRVS\] 3.1.4.7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareAddResponse {
    /// `ParmErr` (present when the request's was).
    #[ndr(unique)]
    pub parm_err: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrShareEnum` request (\[MS-SRVS\] 3.1.4.8, opnum 15).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `InfoStruct`: [`ShareEnumStruct::request`].
    pub info_struct: ShareEnumStruct,
    /// `PreferedMaximumLength`. quirk(samba-4.17): ignored, every share
    /// from the resume handle on is returned.
    pub prefered_maximum_length: u32,
    /// `ResumeHandle`. quirk(samba-4.17): an index into the share list.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrShareEnum` response (\[MS-SRVS\] 3.1.4.8).
///
/// quirk(samba-4.17): `total_entries` counts the shares from the resume
/// handle on, and the returned resume handle is 0 when the list is
/// complete (the request's value, if it was past the end).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareEnumResponse {
    /// `InfoStruct`.
    pub info_struct: ShareEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrShareGetInfo` request (\[MS-SRVS\] 3.1.4.10, opnum 16).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareGetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `NetName`: the share.
    #[ndr(string)]
    pub net_name: String,
    /// `Level`.
    pub level: u32,
}

/// `NetrShareGetInfo` response (\[MS-SRVS\] 3.1.4.10).
///
/// quirk(samba-4.17): an unknown share gives `ERROR_INVALID_NAME` (123),
/// not `NERR_NetNameNotFound` (2310), with arm `level` and a NULL pointer.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareGetInfoResponse {
    /// `InfoStruct`.
    pub info_struct: ShareInfo,
    /// Return value.
    pub status: u32,
}

/// `NetrShareSetInfo` request (\[MS-SRVS\] 3.1.4.11, opnum 17).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareSetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `NetName`.
    #[ndr(string)]
    pub net_name: String,
    /// `Level`.
    pub level: u32,
    /// `ShareInfo`: the new values at `level`.
    #[ndr(switch_is(level))]
    pub share_info: ShareInfo,
    /// `ParmErr`.
    #[ndr(unique)]
    pub parm_err: Option<u32>,
}

/// `NetrShareSetInfo` response (\[MS-SRVS\] 3.1.4.11).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareSetInfoResponse {
    /// `ParmErr`.
    #[ndr(unique)]
    pub parm_err: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrShareDel` request (\[MS-SRVS\] 3.1.4.12, opnum 18).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareDelRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `NetName`.
    #[ndr(string)]
    pub net_name: String,
    /// `Reserved`: 0.
    pub reserved: u32,
}

/// `NetrShareDel` response (\[MS-SRVS\] 3.1.4.12).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareDelResponse {
    /// Return value.
    pub status: u32,
}

/// `NetrShareCheck` request (\[MS-SRVS\] 3.1.4.16, opnum 20).
/// quirk(samba-4.17): not implemented (fault `nca_s_op_rng_error`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareCheckRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Device`: the device name to look up (`C:`, `LPT1:`).
    #[ndr(string)]
    pub device: String,
}

/// `NetrShareCheck` response (\[MS-SRVS\] 3.1.4.16).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrShareCheckResponse {
    /// `Type`: how the device is shared (never `STYPE_SPECIAL`).
    pub r#type: ShareType,
    /// Return value (`NERR_DeviceNotShared` when it is not).
    pub status: u32,
}

/// `NetrServerGetInfo` request (\[MS-SRVS\] 3.1.4.17, opnum 21).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerGetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 100, 101, 102, 103, 502, 503 (Samba: 100–102).
    pub level: u32,
}

/// `NetrServerGetInfo` response (\[MS-SRVS\] 3.1.4.17).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerGetInfoResponse {
    /// `InfoStruct`.
    pub info_struct: ServerInfo,
    /// Return value.
    pub status: u32,
}

/// `NetrServerSetInfo` request (\[MS-SRVS\] 3.1.4.18, opnum 22).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerSetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`.
    pub level: u32,
    /// `ServerInfo`: the new values at `level`.
    #[ndr(switch_is(level))]
    pub server_info: ServerInfo,
    /// `ParmErr`.
    #[ndr(unique)]
    pub parm_err: Option<u32>,
}

/// `NetrServerSetInfo` response (\[MS-SRVS\] 3.1.4.18).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerSetInfoResponse {
    /// `ParmErr`.
    #[ndr(unique)]
    pub parm_err: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrServerDiskEnum` request (\[MS-SRVS\] 3.1.4.19, opnum 23).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerDiskEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 0.
    pub level: u32,
    /// `DiskInfoStruct`: empty on the way in.
    pub disk_info_struct: DiskEnumContainer,
    /// `PreferedMaximumLength`.
    pub prefered_maximum_length: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrServerDiskEnum` response (\[MS-SRVS\] 3.1.4.19).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerDiskEnumResponse {
    /// `DiskInfoStruct` (ends with an empty entry, see [`DiskEnumContainer`]).
    pub disk_info_struct: DiskEnumContainer,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrServerStatisticsGet` request (\[MS-SRVS\] 3.1.4.20, opnum 24).
/// quirk(samba-4.17): not implemented (fault `nca_s_op_rng_error`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerStatisticsGetRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Service`: `LanmanServer` (any value is accepted by Windows).
    #[ndr(unique, string)]
    pub service: Option<String>,
    /// `Level`: 0.
    pub level: u32,
    /// `Options`: 0.
    pub options: u32,
}

/// `NetrServerStatisticsGet` response (\[MS-SRVS\] 3.1.4.20): `[out]
/// LPSTAT_SERVER_0*`, a unique pointer to the statistics.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerStatisticsGetResponse {
    /// `InfoStruct`.
    #[ndr(unique)]
    pub info_struct: Option<StatServer0>,
    /// Return value.
    pub status: u32,
}

/// `NetrRemoteTOD` request (\[MS-SRVS\] 3.1.4.21, opnum 28).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
#[doc(alias = "NetrRemoteTOD")]
pub struct NetrRemoteTODRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
}

/// `NetrRemoteTOD` response (\[MS-SRVS\] 3.1.4.21): `[out]
/// LPTIME_OF_DAY_INFO*`, a unique pointer to the time.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrRemoteTODResponse {
    /// `BufferPtr`.
    #[ndr(unique)]
    pub buffer_ptr: Option<TimeOfDayInfo>,
    /// Return value.
    pub status: u32,
}

/// `NetrServerTransportAddEx` request (\[MS-SRVS\] 3.1.4.23, opnum 41).
/// quirk(samba-4.17): not implemented (fault `nca_s_op_rng_error`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerTransportAddExRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 0–3.
    pub level: u32,
    /// `Buffer`: the transport at `level` (inline, not a pointer).
    #[ndr(switch_is(level))]
    pub buffer: TransportInfo,
}

/// `NetrServerTransportAddEx` response (\[MS-SRVS\] 3.1.4.23).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerTransportAddExResponse {
    /// Return value.
    pub status: u32,
}

/// `NetrServerTransportEnum` request (\[MS-SRVS\] 3.1.4.24, opnum 26).
/// quirk(samba-4.17): not implemented (fault `nca_s_op_rng_error`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerTransportEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `InfoStruct`.
    pub info_struct: ServerXportEnumStruct,
    /// `PreferedMaximumLength`.
    pub prefered_maximum_length: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrServerTransportEnum` response (\[MS-SRVS\] 3.1.4.24).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerTransportEnumResponse {
    /// `InfoStruct`.
    pub info_struct: ServerXportEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrServerTransportDelEx` request (\[MS-SRVS\] 3.1.4.26, opnum 53).
/// quirk(samba-4.17): not implemented (fault `nca_s_op_rng_error`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerTransportDelExRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`: 0–3.
    pub level: u32,
    /// `Buffer`: the transport to unbind.
    #[ndr(switch_is(level))]
    pub buffer: TransportInfo,
}

/// `NetrServerTransportDelEx` response (\[MS-SRVS\] 3.1.4.26).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrServerTransportDelExResponse {
    /// Return value.
    pub status: u32,
}
