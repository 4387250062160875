//! `SHARE_INFO_*` ([MS-SRVS] 2.2.4.22–2.2.4.33; NetShareEnum / NetShareGetInfo / NetShareAdd /
//! NetShareSetInfo). Levels 0, 1, 2, 501 and 502 carry pywin32's keys; 503, 1004, 1005, 1006 and
//! 1501 (unknown to pywin32) are named by the same rule.

use serde::{Deserialize, Serialize};

use super::{hex_bytes, levels};

/// `SHARE_INFO_0`: the share name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_0")]
pub struct ShareInfo0 {
    /// `shi0_netname`.
    pub netname: Option<String>,
}

/// `SHARE_INFO_1`: name, type and remark.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_1")]
pub struct ShareInfo1 {
    /// `shi1_netname`.
    pub netname: Option<String>,
    /// `shi1_type`: `STYPE_*`, with `STYPE_SPECIAL` (0x80000000) / `STYPE_TEMPORARY` bits.
    pub r#type: u32,
    /// `shi1_remark`.
    pub remark: Option<String>,
}

/// `SHARE_INFO_2`: level 1 plus permissions, use counts, path and password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_2")]
pub struct ShareInfo2 {
    /// `shi2_netname`.
    pub netname: Option<String>,
    /// `shi2_type`.
    pub r#type: u32,
    /// `shi2_remark`.
    pub remark: Option<String>,
    /// `shi2_permissions` (share-level security only).
    pub permissions: u32,
    /// `shi2_max_uses`; `SHI_USES_UNLIMITED` = 0xFFFFFFFF.
    pub max_uses: u32,
    /// `shi2_current_uses`.
    pub current_uses: u32,
    /// `shi2_path`: the local path on the server (`C:\...`).
    pub path: Option<String>,
    /// `shi2_passwd` (share-level security only).
    pub passwd: Option<String>,
}

/// `SHARE_INFO_501`: level 1 plus `SHI1005_FLAGS_*`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_501")]
pub struct ShareInfo501 {
    /// `shi501_netname`.
    pub netname: Option<String>,
    /// `shi501_type`.
    pub r#type: u32,
    /// `shi501_remark`.
    pub remark: Option<String>,
    /// `shi501_flags`: `SHI1005_FLAGS_*` (caching policy, DFS, access-based enumeration, ...).
    pub flags: u32,
}

/// `SHARE_INFO_502`: level 2 plus the share's security descriptor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_502")]
pub struct ShareInfo502 {
    /// `shi502_netname`.
    pub netname: Option<String>,
    /// `shi502_type`.
    pub r#type: u32,
    /// `shi502_remark`.
    pub remark: Option<String>,
    /// `shi502_permissions`.
    pub permissions: u32,
    /// `shi502_max_uses`.
    pub max_uses: u32,
    /// `shi502_current_uses`.
    pub current_uses: u32,
    /// `shi502_path`.
    pub path: Option<String>,
    /// `shi502_passwd`.
    pub passwd: Option<String>,
    /// `shi502_reserved` (on the wire: the length of the security descriptor).
    pub reserved: u32,
    /// `shi502_security_descriptor`: a self-relative `SECURITY_DESCRIPTOR` ([MS-DTYP] 2.4.6).
    #[serde(with = "hex_bytes")]
    pub security_descriptor: Option<Vec<u8>>,
}

/// `SHARE_INFO_503`: level 502 plus the (emulated) server name the share belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_503")]
pub struct ShareInfo503 {
    /// `shi503_netname`.
    pub netname: Option<String>,
    /// `shi503_type`.
    pub r#type: u32,
    /// `shi503_remark`.
    pub remark: Option<String>,
    /// `shi503_permissions`.
    pub permissions: u32,
    /// `shi503_max_uses`.
    pub max_uses: u32,
    /// `shi503_current_uses`.
    pub current_uses: u32,
    /// `shi503_path`.
    pub path: Option<String>,
    /// `shi503_passwd`.
    pub passwd: Option<String>,
    /// `shi503_servername`: `*` or the server name the share is scoped to.
    pub servername: Option<String>,
    /// `shi503_reserved` (on the wire: the length of the security descriptor).
    pub reserved: u32,
    /// `shi503_security_descriptor`: a self-relative `SECURITY_DESCRIPTOR`.
    #[serde(with = "hex_bytes")]
    pub security_descriptor: Option<Vec<u8>>,
}

/// `SHARE_INFO_1004`: the remark alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_1004")]
pub struct ShareInfo1004 {
    /// `shi1004_remark`.
    pub remark: Option<String>,
}

/// `SHARE_INFO_1005`: the `SHI1005_FLAGS_*` alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_1005")]
pub struct ShareInfo1005 {
    /// `shi1005_flags`.
    pub flags: u32,
}

/// `SHARE_INFO_1006`: the maximum number of concurrent uses alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_1006")]
pub struct ShareInfo1006 {
    /// `shi1006_max_uses`.
    pub max_uses: u32,
}

/// `SHARE_INFO_1501`: the security descriptor alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SHARE_INFO_1501")]
pub struct ShareInfo1501 {
    /// `shi1501_reserved` (on the wire: the length of the security descriptor).
    pub reserved: u32,
    /// `shi1501_security_descriptor`.
    #[serde(with = "hex_bytes")]
    pub security_descriptor: Option<Vec<u8>>,
}

levels! {
    /// A share at any level ([MS-SRVS] `SHARE_INFO` union, 2.2.3.6).
    ShareInfo {
        0 => L0(ShareInfo0),
        1 => L1(ShareInfo1),
        2 => L2(ShareInfo2),
        501 => L501(ShareInfo501),
        502 => L502(ShareInfo502),
        503 => L503(ShareInfo503),
        1004 => L1004(ShareInfo1004),
        1005 => L1005(ShareInfo1005),
        1006 => L1006(ShareInfo1006),
        1501 => L1501(ShareInfo1501),
    }
    /// Levels NetShareEnum accepts ([MS-SRVS] 3.1.4.8).
    ENUM_LEVELS = [0, 1, 2, 501, 502, 503];
    /// Levels NetShareGetInfo accepts ([MS-SRVS] 3.1.4.10).
    GET_LEVELS = [0, 1, 2, 501, 502, 503, 1004, 1005, 1006, 1501];
    /// Levels NetShareAdd accepts ([MS-SRVS] 3.1.4.7).
    ADD_LEVELS = [2, 502, 503];
    /// Levels NetShareSetInfo accepts ([MS-SRVS] 3.1.4.11).
    SET_LEVELS = [1, 2, 502, 503, 1004, 1005, 1006, 1501];
}

impl ShareInfo {
    /// The share name, for the levels that carry one.
    pub fn netname(&self) -> Option<&str> {
        match self {
            ShareInfo::L0(v) => v.netname.as_deref(),
            ShareInfo::L1(v) => v.netname.as_deref(),
            ShareInfo::L2(v) => v.netname.as_deref(),
            ShareInfo::L501(v) => v.netname.as_deref(),
            ShareInfo::L502(v) => v.netname.as_deref(),
            ShareInfo::L503(v) => v.netname.as_deref(),
            _ => None,
        }
    }
}
