//! `WKSTA_INFO_*`, `WKSTA_USER_INFO_*`, `WKSTA_TRANSPORT_INFO_0` and `STAT_WORKSTATION_0`
//! ([MS-WKST] 2.2.5.1–2.2.5.11; NetWkstaGetInfo / NetWkstaSetInfo / NetWkstaUserEnum /
//! NetWkstaTransportEnum / NetStatisticsGet for `LanmanWorkstation`), with pywin32's keys.
//!
//! pywin32's `WKSTA_INFO_502` table has no `max_threads` (the C member `wki502_max_threads`
//! after `siz_char_buf`): it is dropped on read and sent as 0 on write, as pywin32 does.
//! `STAT_WORKSTATION_0` keeps the C member names; its counters are as the server sent them
//! (pywin32's copy of `NonPagingReadBytesRequested` into `CacheReadBytesRequested` is a quirk
//! of its Python layer, reproduced there).

use serde::{Deserialize, Serialize};

use super::levels;

/// `WKSTA_INFO_100`: platform, names and version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_INFO_100")]
pub struct WkstaInfo100 {
    /// `wki100_platform_id`: PLATFORM_ID_* (500 = NT).
    pub platform_id: u32,
    /// `wki100_computername`.
    pub computername: Option<String>,
    /// `wki100_langroup`: the domain or workgroup.
    pub langroup: Option<String>,
    /// `wki100_ver_major`.
    pub ver_major: u32,
    /// `wki100_ver_minor`.
    pub ver_minor: u32,
}

/// `WKSTA_INFO_101`: level 100 plus the LANMAN root.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_INFO_101")]
pub struct WkstaInfo101 {
    /// `wki101_platform_id`.
    pub platform_id: u32,
    /// `wki101_computername`.
    pub computername: Option<String>,
    /// `wki101_langroup`.
    pub langroup: Option<String>,
    /// `wki101_ver_major`.
    pub ver_major: u32,
    /// `wki101_ver_minor`.
    pub ver_minor: u32,
    /// `wki101_lanroot`.
    pub lanroot: Option<String>,
}

/// `WKSTA_INFO_102`: level 101 plus the number of logged-on users.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_INFO_102")]
pub struct WkstaInfo102 {
    /// `wki102_platform_id`.
    pub platform_id: u32,
    /// `wki102_computername`.
    pub computername: Option<String>,
    /// `wki102_langroup`.
    pub langroup: Option<String>,
    /// `wki102_ver_major`.
    pub ver_major: u32,
    /// `wki102_ver_minor`.
    pub ver_minor: u32,
    /// `wki102_lanroot`.
    pub lanroot: Option<String>,
    /// `wki102_logged_on_users`.
    pub logged_on_users: u32,
}

/// `WKSTA_INFO_502`: the redirector's settings (without `max_threads`, as pywin32).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_INFO_502")]
pub struct WkstaInfo502 {
    /// `wki502_char_wait`.
    pub char_wait: u32,
    /// `wki502_collection_time`.
    pub collection_time: u32,
    /// `wki502_maximum_collection_count`.
    pub maximum_collection_count: u32,
    /// `wki502_keep_conn`: seconds an idle connection is kept.
    pub keep_conn: u32,
    /// `wki502_max_cmds`.
    pub max_cmds: u32,
    /// `wki502_sess_timeout`: seconds.
    pub sess_timeout: u32,
    /// `wki502_siz_char_buf`.
    pub siz_char_buf: u32,
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
    pub log_election_packets: bool,
    /// `wki502_use_opportunistic_locking`.
    pub use_opportunistic_locking: bool,
    /// `wki502_use_unlock_behind`.
    pub use_unlock_behind: bool,
    /// `wki502_use_close_behind`.
    pub use_close_behind: bool,
    /// `wki502_buf_named_pipes`.
    pub buf_named_pipes: bool,
    /// `wki502_use_lock_read_unlock`.
    pub use_lock_read_unlock: bool,
    /// `wki502_utilize_nt_caching`.
    pub utilize_nt_caching: bool,
    /// `wki502_use_raw_read`.
    pub use_raw_read: bool,
    /// `wki502_use_raw_write`.
    pub use_raw_write: bool,
    /// `wki502_use_write_raw_data`.
    pub use_write_raw_data: bool,
    /// `wki502_use_encryption`.
    pub use_encryption: bool,
    /// `wki502_buf_files_deny_write`.
    pub buf_files_deny_write: bool,
    /// `wki502_buf_read_only_files`.
    pub buf_read_only_files: bool,
    /// `wki502_force_core_create_mode`.
    pub force_core_create_mode: bool,
    /// `wki502_use_512_byte_max_transfer`.
    pub use_512_byte_max_transfer: bool,
}

/// `WKSTA_INFO_1013` ([MS-WKST] 2.2.5.5): `keep_conn` alone, for NetWkstaSetInfo. Not a
/// pywin32 level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_INFO_1013")]
pub struct WkstaInfo1013 {
    /// `wki1013_keep_conn`.
    pub keep_conn: u32,
}

/// `WKSTA_INFO_1018` ([MS-WKST] 2.2.5.6): `sess_timeout` alone. Not a pywin32 level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_INFO_1018")]
pub struct WkstaInfo1018 {
    /// `wki1018_sess_timeout`.
    pub sess_timeout: u32,
}

/// `WKSTA_INFO_1046` ([MS-WKST] 2.2.5.7): `dormant_file_limit` alone. Not a pywin32 level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_INFO_1046")]
pub struct WkstaInfo1046 {
    /// `wki1046_dormant_file_limit`.
    pub dormant_file_limit: u32,
}

levels! {
    /// A workstation at any level ([MS-WKST] `WKSTA_INFO` union, 2.2.4.1).
    WkstaInfo {
        100 => L100(WkstaInfo100),
        101 => L101(WkstaInfo101),
        102 => L102(WkstaInfo102),
        502 => L502(WkstaInfo502),
        1013 => L1013(WkstaInfo1013),
        1018 => L1018(WkstaInfo1018),
        1046 => L1046(WkstaInfo1046),
    }
    /// Levels NetWkstaGetInfo accepts ([MS-WKST] 3.2.4.1).
    GET_LEVELS = [100, 101, 102, 502];
    /// Levels NetWkstaSetInfo accepts: pywin32's four and the single-field levels the wire
    /// union carries ([MS-WKST] 3.2.4.2). The other 10xx levels Windows lists (1010–1062) have
    /// no arm in `WKSTA_INFO` and cannot be sent.
    SET_LEVELS = [100, 101, 102, 502, 1013, 1018, 1046];
}

/// `WKSTA_USER_INFO_0`: a user logged on to the workstation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_USER_INFO_0")]
pub struct WkstaUserInfo0 {
    /// `wkui0_username`.
    pub username: Option<String>,
}

/// `WKSTA_USER_INFO_1`: the user, the domain that logged it on and the logon server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_USER_INFO_1")]
pub struct WkstaUserInfo1 {
    /// `wkui1_username`.
    pub username: Option<String>,
    /// `wkui1_logon_domain`.
    pub logon_domain: Option<String>,
    /// `wkui1_oth_domains`: other browsed domains, space separated.
    pub oth_domains: Option<String>,
    /// `wkui1_logon_server`.
    pub logon_server: Option<String>,
}

levels! {
    /// A logged-on user at any level ([MS-WKST] `WKSTA_USER_ENUM_UNION`, 2.2.5.14).
    WkstaUserInfo {
        0 => L0(WkstaUserInfo0),
        1 => L1(WkstaUserInfo1),
    }
    /// Levels NetWkstaUserEnum accepts.
    ENUM_LEVELS = [0, 1];
}

impl WkstaUserInfo {
    /// The user name, at any level.
    pub fn username(&self) -> Option<&str> {
        match self {
            WkstaUserInfo::L0(u) => u.username.as_deref(),
            WkstaUserInfo::L1(u) => u.username.as_deref(),
        }
    }
}

/// `WKSTA_TRANSPORT_INFO_0`: a transport the redirector uses (also what NetWkstaTransportAdd
/// binds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "WKSTA_TRANSPORT_INFO_0")]
pub struct WkstaTransportInfo0 {
    /// `wkti0_quality_of_service`: search order, higher first.
    pub quality_of_service: u32,
    /// `wkti0_number_of_vcs`: connections on it.
    pub number_of_vcs: u32,
    /// `wkti0_transport_name`: the device, e.g. `\Device\NetBT_Tcpip_{GUID}`.
    pub transport_name: Option<String>,
    /// `wkti0_transport_address`: the adapter address, 12 hex digits.
    pub transport_address: Option<String>,
    /// `wkti0_wan_ish`: a WAN link (ignored by NetWkstaTransportAdd).
    pub wan_ish: bool,
}

levels! {
    /// A workstation transport ([MS-WKST] `WKSTA_TRANSPORT_ENUM_UNION`, 2.2.5.16).
    WkstaTransportInfo {
        0 => L0(WkstaTransportInfo0),
    }
    /// Levels NetWkstaTransportEnum accepts.
    ENUM_LEVELS = [0];
    /// Levels NetWkstaTransportAdd accepts.
    ADD_LEVELS = [0];
}

/// `STAT_WORKSTATION_0`: the redirector's statistics (NetStatisticsGet for
/// `LanmanWorkstation`, level 0); C member names, as pywin32 keeps them. The 64-bit counters
/// are `LARGE_INTEGER`s; `StatisticsStartTime` is a FILETIME (100 ns since 1601).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "STAT_WORKSTATION_0")]
#[allow(non_snake_case, missing_docs)]
pub struct StatWorkstation0 {
    pub StatisticsStartTime: i64,
    pub BytesReceived: i64,
    pub SmbsReceived: i64,
    pub PagingReadBytesRequested: i64,
    pub NonPagingReadBytesRequested: i64,
    pub CacheReadBytesRequested: i64,
    pub NetworkReadBytesRequested: i64,
    pub BytesTransmitted: i64,
    pub SmbsTransmitted: i64,
    pub PagingWriteBytesRequested: i64,
    pub NonPagingWriteBytesRequested: i64,
    pub CacheWriteBytesRequested: i64,
    pub NetworkWriteBytesRequested: i64,
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
