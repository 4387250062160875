//! The workstation service, `wkssvc` (\[MS-WKST\]): interface
//! `6bffd098-a112-3610-9833-46c3f87e345a` v1.0 on `\PIPE\wkssvc`,
//! `ms_union`, `pointer_default(unique)`.
//!
//! **Partial.** So far: the `WKSTA_INFO` union (2.2.4.1) with levels 100,
//! 101, 102 and 502 (2.2.5.1–2.2.5.4) and `NetrWkstaGetInfo` (3.2.4.1),
//! declared ahead of the workstation family to prove the NDR design and
//! checked against golden vectors captured from Samba 4.17
//! (`tests/hard_types/`). The other calls land with NetWksta*, NetUse* and
//! NetGetJoinInformation.
//!
//! Field names are the IDL member names without their `wki<level>_`
//! prefix. Statuses are Win32 error codes.

use netapi_ndr::Ndr;

/// `WKSTA_INFO_100` (\[MS-WKST\] 2.2.5.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct WkstaInfo100 {
    /// `wki100_platform_id`.
    pub platform_id: u32,
    /// `wki100_computername`.
    #[ndr(unique, string)]
    pub computername: Option<String>,
    /// `wki100_langroup`.
    #[ndr(unique, string)]
    pub langroup: Option<String>,
    /// `wki100_ver_major`.
    pub ver_major: u32,
    /// `wki100_ver_minor`.
    pub ver_minor: u32,
}

/// `WKSTA_INFO_101` (\[MS-WKST\] 2.2.5.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct WkstaInfo101 {
    /// `wki101_platform_id`.
    pub platform_id: u32,
    /// `wki101_computername`.
    #[ndr(unique, string)]
    pub computername: Option<String>,
    /// `wki101_langroup`.
    #[ndr(unique, string)]
    pub langroup: Option<String>,
    /// `wki101_ver_major`.
    pub ver_major: u32,
    /// `wki101_ver_minor`.
    pub ver_minor: u32,
    /// `wki101_lanroot`.
    #[ndr(unique, string)]
    pub lanroot: Option<String>,
}

/// `WKSTA_INFO_102` (\[MS-WKST\] 2.2.5.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct WkstaInfo102 {
    /// `wki102_platform_id`.
    pub platform_id: u32,
    /// `wki102_computername`.
    #[ndr(unique, string)]
    pub computername: Option<String>,
    /// `wki102_langroup`.
    #[ndr(unique, string)]
    pub langroup: Option<String>,
    /// `wki102_ver_major`.
    pub ver_major: u32,
    /// `wki102_ver_minor`.
    pub ver_minor: u32,
    /// `wki102_lanroot`.
    #[ndr(unique, string)]
    pub lanroot: Option<String>,
    /// `wki102_logged_on_users`.
    pub logged_on_users: u32,
}

/// `WKSTA_INFO_502` (\[MS-WKST\] 2.2.5.4): 20 DWORDs, then 15 BOOLs as `long`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
pub struct WkstaInfo502 {
    /// `wki502_char_wait`.
    pub char_wait: u32,
    /// `wki502_collection_time`.
    pub collection_time: u32,
    /// `wki502_maximum_collection_count`.
    pub maximum_collection_count: u32,
    /// `wki502_keep_conn`.
    pub keep_conn: u32,
    /// `wki502_max_cmds`.
    pub max_cmds: u32,
    /// `wki502_sess_timeout`.
    pub sess_timeout: u32,
    /// `wki502_siz_char_buf`.
    pub siz_char_buf: u32,
    /// `wki502_max_threads`.
    pub max_threads: u32,
    /// `wki502_lock_quota`.
    pub lock_quota: u32,
    /// `wki502_lock_increment`.
    pub lock_increment: u32,
    /// `wki502_lock_maximum`.
    pub lock_maximum: u32,
    /// `wki502_pipe_increment`.
    pub pipe_increment: u32,
    /// `wki502_pipe_maximum`.
    pub pipe_maximum: u32,
    /// `wki502_cache_file_timeout`.
    pub cache_file_timeout: u32,
    /// `wki502_dormant_file_limit`.
    pub dormant_file_limit: u32,
    /// `wki502_read_ahead_throughput`.
    pub read_ahead_throughput: u32,
    /// `wki502_num_mailslot_buffers`.
    pub num_mailslot_buffers: u32,
    /// `wki502_num_srv_announce_buffers`.
    pub num_srv_announce_buffers: u32,
    /// `wki502_max_illegal_datagram_events`.
    pub max_illegal_datagram_events: u32,
    /// `wki502_illegal_datagram_event_reset_frequency`.
    pub illegal_datagram_event_reset_frequency: u32,
    /// `wki502_log_election_packets`.
    pub log_election_packets: i32,
    /// `wki502_use_opportunistic_locking`.
    pub use_opportunistic_locking: i32,
    /// `wki502_use_unlock_behind`.
    pub use_unlock_behind: i32,
    /// `wki502_use_close_behind`.
    pub use_close_behind: i32,
    /// `wki502_buf_named_pipes`.
    pub buf_named_pipes: i32,
    /// `wki502_use_lock_read_unlock`.
    pub use_lock_read_unlock: i32,
    /// `wki502_utilize_nt_caching`.
    pub utilize_nt_caching: i32,
    /// `wki502_use_raw_read`.
    pub use_raw_read: i32,
    /// `wki502_use_raw_write`.
    pub use_raw_write: i32,
    /// `wki502_use_write_raw_data`.
    pub use_write_raw_data: i32,
    /// `wki502_use_encryption`.
    pub use_encryption: i32,
    /// `wki502_buf_files_deny_write`.
    pub buf_files_deny_write: i32,
    /// `wki502_buf_read_only_files`.
    pub buf_read_only_files: i32,
    /// `wki502_force_core_create_mode`.
    pub force_core_create_mode: i32,
    /// `wki502_use_512_byte_max_transfer`.
    pub use_512_byte_max_transfer: i32,
}

/// `WKSTA_INFO` (\[MS-WKST\] 2.2.4.1); unknown levels kept (empty arm).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
pub enum WkstaInfo {
    /// Level 100.
    #[ndr(case = 100)]
    L100(#[ndr(unique)] Option<WkstaInfo100>),
    /// Level 101.
    #[ndr(case = 101)]
    L101(#[ndr(unique)] Option<WkstaInfo101>),
    /// Level 102.
    #[ndr(case = 102)]
    L102(#[ndr(unique)] Option<WkstaInfo102>),
    /// Level 502.
    #[ndr(case = 502)]
    L502(#[ndr(unique)] Option<WkstaInfo502>),
    /// A level this crate does not declare: no body.
    #[ndr(default)]
    Other(u32),
}

/// `NetrWkstaGetInfo` request (\[MS-WKST\] 3.2.4.1, opnum 0).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaGetInfoRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `Level`.
    pub level: u32,
}

/// `NetrWkstaGetInfo` response: `\[out, switch_is(Level)] LPWKSTA_INFO`
/// (top-level ref: the union itself), then the WERROR.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrWkstaGetInfoResponse {
    /// `WkstaInfo`.
    pub wksta_info: WkstaInfo,
    /// The return value (a Win32 error code).
    pub status: u32,
}

crate::calls! {
    /// The workstation service remote protocol (\[MS-WKST\] 1.9); its methods
    /// return a Win32 error code.
    interface Wkssvc {
        name: "wkssvc",
        uuid: "6bffd098-a112-3610-9833-46c3f87e345a",
        version: (1, 0),
        pipe: "wkssvc",
        status: Win32,
    }
    0 => NetrWkstaGetInfo(NetrWkstaGetInfoRequest) -> NetrWkstaGetInfoResponse,
}
