//! Workstation information (\[MS-WKST\] 2.2.4.1 `WKSTA_INFO`, 2.2.5.1–2.2.5.7) and statistics
//! (2.2.5.11 `STAT_WORKSTATION_0`), read by NetrWkstaGetInfo / NetrWorkstationStatisticsGet and
//! written by NetrWkstaSetInfo.

use netapi_ndr::Ndr;

use crate::dtyp::LargeInteger;

/// `WKSTA_INFO_100` (\[MS-WKST\] 2.2.5.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_INFO_100")]
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
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_INFO_101")]
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
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_INFO_102")]
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
#[doc(alias = "WKSTA_INFO_502")]
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

/// `WKSTA_INFO_1013` (\[MS-WKST\] 2.2.5.5): `keep_conn` alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_INFO_1013")]
pub struct WkstaInfo1013 {
    /// `wki1013_keep_conn`: seconds an idle connection is kept.
    pub keep_conn: u32,
}

/// `WKSTA_INFO_1018` (\[MS-WKST\] 2.2.5.6): `sess_timeout` alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_INFO_1018")]
pub struct WkstaInfo1018 {
    /// `wki1018_sess_timeout`: seconds the server has to answer.
    pub sess_timeout: u32,
}

/// `WKSTA_INFO_1046` (\[MS-WKST\] 2.2.5.7): `dormant_file_limit` alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_INFO_1046")]
pub struct WkstaInfo1046 {
    /// `wki1046_dormant_file_limit`: files kept open after the application closed them.
    pub dormant_file_limit: u32,
}

/// `WKSTA_INFO` (\[MS-WKST\] 2.2.4.1); unknown levels kept (empty arm).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "WKSTA_INFO")]
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
    /// Level 1013.
    #[ndr(case = 1013)]
    L1013(#[ndr(unique)] Option<WkstaInfo1013>),
    /// Level 1018.
    #[ndr(case = 1018)]
    L1018(#[ndr(unique)] Option<WkstaInfo1018>),
    /// Level 1046.
    #[ndr(case = 1046)]
    L1046(#[ndr(unique)] Option<WkstaInfo1046>),
    /// A level this crate does not declare: no body.
    #[ndr(default)]
    Other(u32),
}

/// `STAT_WORKSTATION_0` (\[MS-WKST\] 2.2.5.11): the redirector's counters, member names as the
/// IDL spells them (pywin32 keeps them too).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "STAT_WORKSTATION_0")]
#[allow(non_snake_case, missing_docs)]
pub struct StatWorkstation0 {
    pub StatisticsStartTime: LargeInteger,
    pub BytesReceived: LargeInteger,
    pub SmbsReceived: LargeInteger,
    pub PagingReadBytesRequested: LargeInteger,
    pub NonPagingReadBytesRequested: LargeInteger,
    pub CacheReadBytesRequested: LargeInteger,
    pub NetworkReadBytesRequested: LargeInteger,
    pub BytesTransmitted: LargeInteger,
    pub SmbsTransmitted: LargeInteger,
    pub PagingWriteBytesRequested: LargeInteger,
    pub NonPagingWriteBytesRequested: LargeInteger,
    pub CacheWriteBytesRequested: LargeInteger,
    pub NetworkWriteBytesRequested: LargeInteger,
    pub InitiallyFailedOperations: u32,
    pub FailedCompletionOperations: u32,
    pub ReadOperations: u32,
    pub RandomReadOperations: u32,
    pub ReadSmbs: u32,
    pub LargeReadSmbs: u32,
    pub SmallReadSmbs: u32,
    pub WriteOperations: u32,
    pub RandomWriteOperations: u32,
    pub WriteSmbs: u32,
    pub LargeWriteSmbs: u32,
    pub SmallWriteSmbs: u32,
    pub RawReadsDenied: u32,
    pub RawWritesDenied: u32,
    pub NetworkErrors: u32,
    pub Sessions: u32,
    pub FailedSessions: u32,
    pub Reconnects: u32,
    pub CoreConnects: u32,
    pub Lanman20Connects: u32,
    pub Lanman21Connects: u32,
    pub LanmanNtConnects: u32,
    pub ServerDisconnects: u32,
    pub HungSessions: u32,
    pub UseCount: u32,
    pub FailedUseCount: u32,
    pub CurrentCommands: u32,
}
