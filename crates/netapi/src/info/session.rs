//! `SESSION_INFO_*` ([MS-SRVS] 2.2.4.15–2.2.4.19; NetSessionEnum / NetSessionGetInfo). Keys are
//! pywin32's, which rename the C members (`sesi1_cname` → `client_name`, `sesi1_time` → `active_time`).

use serde::{Deserialize, Serialize};

use super::levels;

/// `SESSION_INFO_0`: the client of a session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SESSION_INFO_0")]
pub struct SessionInfo0 {
    /// `sesi0_cname`.
    pub client_name: Option<String>,
}

/// `SESSION_INFO_1`: client, user, opens, times and flags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SESSION_INFO_1")]
pub struct SessionInfo1 {
    /// `sesi1_cname`.
    pub client_name: Option<String>,
    /// `sesi1_username`.
    pub user_name: Option<String>,
    /// `sesi1_num_opens`.
    pub num_opens: u32,
    /// `sesi1_time`: seconds.
    pub active_time: u32,
    /// `sesi1_idle_time`: seconds.
    pub idle_time: u32,
    /// `sesi1_user_flags`: SESS_GUEST=1, SESS_NOENCRYPTION=2.
    pub user_flags: u32,
}

/// `SESSION_INFO_2`: level 1 plus the client type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SESSION_INFO_2")]
pub struct SessionInfo2 {
    /// `sesi2_cname`.
    pub client_name: Option<String>,
    /// `sesi2_username`.
    pub user_name: Option<String>,
    /// `sesi2_num_opens`.
    pub num_opens: u32,
    /// `sesi2_time`: seconds.
    pub active_time: u32,
    /// `sesi2_idle_time`: seconds.
    pub idle_time: u32,
    /// `sesi2_user_flags`: SESS_GUEST=1, SESS_NOENCRYPTION=2.
    pub user_flags: u32,
    /// `sesi2_cltype_name`.
    pub client_type: Option<String>,
}

/// `SESSION_INFO_10`: client, user and times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SESSION_INFO_10")]
pub struct SessionInfo10 {
    /// `sesi10_cname`.
    pub client_name: Option<String>,
    /// `sesi10_username`.
    pub user_name: Option<String>,
    /// `sesi10_time`.
    pub active_time: u32,
    /// `sesi10_idle_time`.
    pub idle_time: u32,
}

/// `SESSION_INFO_502`: level 2 plus the transport.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SESSION_INFO_502")]
pub struct SessionInfo502 {
    /// `sesi502_cname`.
    pub client_name: Option<String>,
    /// `sesi502_username`.
    pub user_name: Option<String>,
    /// `sesi502_num_opens`.
    pub num_opens: u32,
    /// `sesi502_time`: seconds.
    pub active_time: u32,
    /// `sesi502_idle_time`: seconds.
    pub idle_time: u32,
    /// `sesi502_user_flags`: SESS_GUEST=1, SESS_NOENCRYPTION=2.
    pub user_flags: u32,
    /// `sesi502_cltype_name`.
    pub client_type: Option<String>,
    /// `sesi502_transport`.
    pub transport: Option<String>,
}
levels! {
    /// A session at any level ([MS-SRVS] `SESSION_ENUM_UNION`, 2.2.3.4).
    SessionInfo {
        0 => L0(SessionInfo0),
        1 => L1(SessionInfo1),
        2 => L2(SessionInfo2),
        10 => L10(SessionInfo10),
        502 => L502(SessionInfo502),
    }
    /// Levels NetSessionEnum accepts ([MS-SRVS] 3.1.4.5).
    ENUM_LEVELS = [0, 1, 2, 10, 502];
    /// Levels NetSessionGetInfo accepts (built on NetrSessionEnum).
    GET_LEVELS = [0, 1, 2, 10, 502];
}

impl SessionInfo {
    /// The client name (`\\host` or an address, as the server reports it).
    pub fn client_name(&self) -> Option<&str> {
        match self {
            SessionInfo::L0(v) => v.client_name.as_deref(),
            SessionInfo::L1(v) => v.client_name.as_deref(),
            SessionInfo::L2(v) => v.client_name.as_deref(),
            SessionInfo::L10(v) => v.client_name.as_deref(),
            SessionInfo::L502(v) => v.client_name.as_deref(),
        }
    }

    /// The user name, for the levels that carry one.
    pub fn user_name(&self) -> Option<&str> {
        match self {
            SessionInfo::L0(_) => None,
            SessionInfo::L1(v) => v.user_name.as_deref(),
            SessionInfo::L2(v) => v.user_name.as_deref(),
            SessionInfo::L10(v) => v.user_name.as_deref(),
            SessionInfo::L502(v) => v.user_name.as_deref(),
        }
    }
}
