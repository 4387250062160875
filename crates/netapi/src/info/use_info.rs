//! `USE_INFO_*` ([MS-WKST] 2.2.5.21–2.2.5.24; NetUseAdd / NetUseGetInfo / NetUseEnum), with
//! pywin32's keys: the connections of a workstation to shares of other computers.

use serde::{Deserialize, Serialize};

use super::{Password, levels};

/// `ui*_status`: the connection is valid.
pub const USE_OK: u32 = 0;
/// `ui*_status`: paused.
pub const USE_PAUSED: u32 = 1;
/// `ui*_status`: the session is lost (`USE_SESSLOST`).
pub const USE_DISCONN: u32 = 2;
/// `ui*_status`: a network error.
pub const USE_NETERR: u32 = 3;
/// `ui*_status`: connecting.
pub const USE_CONN: u32 = 4;
/// `ui*_status`: reconnecting.
pub const USE_RECONN: u32 = 5;
/// `ui*_asg_type`: match the remote resource.
pub const USE_WILDCARD: u32 = u32::MAX;
/// `ui*_asg_type`: a disk share.
pub const USE_DISKDEV: u32 = 0;
/// `ui*_asg_type`: a print queue.
pub const USE_SPOOLDEV: u32 = 1;
/// `ui*_asg_type`: a serial device.
pub const USE_CHARDEV: u32 = 2;
/// `ui*_asg_type`: interprocess communication (`IPC$`).
pub const USE_IPC: u32 = 3;
/// NetUseDel: refuse while the connection has open files.
pub const USE_NOFORCE: u32 = 0;
/// NetUseDel: close open files, then delete.
pub const USE_FORCE: u32 = 1;
/// NetUseDel: delete even while in use.
pub const USE_LOTS_OF_FORCE: u32 = 2;

/// `USE_INFO_0`: a connection's local device and remote name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USE_INFO_0")]
pub struct UseInfo0 {
    /// `ui0_local`: `Z:`, `LPT1:`, or None / empty for a deviceless connection.
    pub local: Option<String>,
    /// `ui0_remote`: `\\server\share`.
    pub remote: Option<String>,
}

/// `USE_INFO_1`: level 0 plus password, status, type and counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USE_INFO_1")]
pub struct UseInfo1 {
    /// `ui1_local`.
    pub local: Option<String>,
    /// `ui1_remote`.
    pub remote: Option<String>,
    /// `ui1_password`: sent by NetUseAdd, never reported.
    pub password: Option<Password>,
    /// `ui1_status`: `USE_OK`, `USE_DISCONN`, ...
    pub status: u32,
    /// `ui1_asg_type`: `USE_DISKDEV`, `USE_IPC`, ... (`USE_WILDCARD` reads 4294967295).
    pub asg_type: u32,
    /// `ui1_refcount`: how many open files, directories and pipes use it.
    pub refcount: u32,
    /// `ui1_usecount`: how many times it was added.
    pub usecount: u32,
}

/// `USE_INFO_2`: level 1 plus the user and domain it authenticated as.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USE_INFO_2")]
pub struct UseInfo2 {
    /// `ui2_local`.
    pub local: Option<String>,
    /// `ui2_remote`.
    pub remote: Option<String>,
    /// `ui2_password`.
    pub password: Option<Password>,
    /// `ui2_status`.
    pub status: u32,
    /// `ui2_asg_type`.
    pub asg_type: u32,
    /// `ui2_refcount`.
    pub refcount: u32,
    /// `ui2_usecount`.
    pub usecount: u32,
    /// `ui2_username`.
    pub username: Option<String>,
    /// `ui2_domainname`.
    pub domainname: Option<String>,
}

/// `USE_INFO_3`: level 2 plus flags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USE_INFO_3")]
pub struct UseInfo3 {
    /// `ui3_local`.
    pub local: Option<String>,
    /// `ui3_remote`.
    pub remote: Option<String>,
    /// `ui3_password`.
    pub password: Option<Password>,
    /// `ui3_status`.
    pub status: u32,
    /// `ui3_asg_type`.
    pub asg_type: u32,
    /// `ui3_refcount`.
    pub refcount: u32,
    /// `ui3_usecount`.
    pub usecount: u32,
    /// `ui3_username`.
    pub username: Option<String>,
    /// `ui3_domainname`.
    pub domainname: Option<String>,
    /// `ui3_flags`.
    pub flags: u32,
}

levels! {
    /// A connection at any level ([MS-WKST] `USE_INFO` union, 2.2.4.2).
    UseInfo {
        0 => L0(UseInfo0),
        1 => L1(UseInfo1),
        2 => L2(UseInfo2),
        3 => L3(UseInfo3),
    }
    /// Levels NetUseAdd accepts (pywin32's table; Windows documents 1 and 2).
    ADD_LEVELS = [0, 1, 2, 3];
    /// Levels NetUseEnum accepts ([MS-WKST] `USE_ENUM_UNION`: 0, 1, 2).
    ENUM_LEVELS = [0, 1, 2];
    /// Levels NetUseGetInfo accepts.
    GET_LEVELS = [0, 1, 2, 3];
}

impl UseInfo {
    /// `local`, at any level.
    pub fn local(&self) -> Option<&str> {
        match self {
            UseInfo::L0(u) => u.local.as_deref(),
            UseInfo::L1(u) => u.local.as_deref(),
            UseInfo::L2(u) => u.local.as_deref(),
            UseInfo::L3(u) => u.local.as_deref(),
        }
    }

    /// `remote`, at any level.
    pub fn remote(&self) -> Option<&str> {
        match self {
            UseInfo::L0(u) => u.remote.as_deref(),
            UseInfo::L1(u) => u.remote.as_deref(),
            UseInfo::L2(u) => u.remote.as_deref(),
            UseInfo::L3(u) => u.remote.as_deref(),
        }
    }
}
