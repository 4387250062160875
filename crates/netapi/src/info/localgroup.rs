//! `LOCALGROUP_INFO_*`, `LOCALGROUP_MEMBERS_INFO_*` and `LOCALGROUP_USERS_INFO_0`
//! (`lmaccess.h`): the local groups (aliases of the account domain and of BUILTIN) of
//! NetLocalGroupAdd / Enum / GetInfo / SetInfo, the members of NetLocalGroupGetMembers /
//! AddMembers / DelMembers / SetMembers, and the entries of NetUserGetLocalGroups; served
//! through [MS-SAMR] 2.2.5 (alias information) and 3.1.5.8 (membership), with names and SIDs
//! translated by [MS-LSAT].
//!
//! A member is a SID (levels 0, 1, 2) or a `DOMAIN\name` (levels 2, 3); `sidusage` is the
//! `SID_NAME_USE` of the member (`SidTypeUser` 1, `SidTypeGroup` 2, `SidTypeAlias` 4,
//! `SidTypeWellKnownGroup` 5, `SidTypeDeletedAccount` 6, `SidTypeUnknown` 8). A SID the server
//! cannot translate is listed with its string form as the name, never dropped.

use serde::{Deserialize, Serialize};

use super::{Sid, levels};

/// `LOCALGROUP_INFO_0`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_INFO_0")]
pub struct LocalGroupInfo0 {
    /// `lgrpi0_name`: the local group name.
    pub name: Option<String>,
}

/// `LOCALGROUP_INFO_1`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_INFO_1")]
pub struct LocalGroupInfo1 {
    /// `lgrpi1_name`: the local group name (ignored by NetLocalGroupSetInfo).
    pub name: Option<String>,
    /// `lgrpi1_comment`.
    pub comment: Option<String>,
}

/// `LOCALGROUP_INFO_1002`: the comment alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_INFO_1002")]
pub struct LocalGroupInfo1002 {
    /// `lgrpi1002_comment`.
    pub comment: Option<String>,
}

levels! {
    /// A local group at any level.
    LocalGroupInfo {
        0 => L0(LocalGroupInfo0),
        1 => L1(LocalGroupInfo1),
        1002 => L1002(LocalGroupInfo1002),
    }
    /// Levels NetLocalGroupEnum accepts.
    ENUM_LEVELS = [0, 1];
    /// Levels NetLocalGroupGetInfo accepts.
    GET_LEVELS = [1];
    /// Levels NetLocalGroupAdd accepts.
    ADD_LEVELS = [0, 1];
    /// Levels NetLocalGroupSetInfo accepts.
    SET_LEVELS = [0, 1, 1002];
}

impl LocalGroupInfo {
    /// The local group name, for the levels that carry one.
    pub fn name(&self) -> Option<&str> {
        match self {
            LocalGroupInfo::L0(v) => v.name.as_deref(),
            LocalGroupInfo::L1(v) => v.name.as_deref(),
            LocalGroupInfo::L1002(_) => None,
        }
    }

    /// The comment, for the levels that carry one.
    pub fn comment(&self) -> Option<&str> {
        match self {
            LocalGroupInfo::L1(v) => v.comment.as_deref(),
            LocalGroupInfo::L1002(v) => v.comment.as_deref(),
            LocalGroupInfo::L0(_) => None,
        }
    }
}

/// `LOCALGROUP_MEMBERS_INFO_0`: the member's SID.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_MEMBERS_INFO_0")]
pub struct LocalGroupMembersInfo0 {
    /// `lgrmi0_sid`.
    pub sid: Option<Sid>,
}

/// `LOCALGROUP_MEMBERS_INFO_1`: SID, kind and the name without its domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_MEMBERS_INFO_1")]
pub struct LocalGroupMembersInfo1 {
    /// `lgrmi1_sid`.
    pub sid: Option<Sid>,
    /// `lgrmi1_sidusage`: the `SID_NAME_USE`.
    pub sidusage: u32,
    /// `lgrmi1_name`: the account name without its domain (the SID string when it does not
    /// resolve).
    pub name: Option<String>,
}

/// `LOCALGROUP_MEMBERS_INFO_2`: SID, kind and `DOMAIN\name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_MEMBERS_INFO_2")]
pub struct LocalGroupMembersInfo2 {
    /// `lgrmi2_sid`.
    pub sid: Option<Sid>,
    /// `lgrmi2_sidusage`: the `SID_NAME_USE`.
    pub sidusage: u32,
    /// `lgrmi2_domainandname`: `DOMAIN\name` (the SID string when it does not resolve).
    pub domainandname: Option<String>,
}

/// `LOCALGROUP_MEMBERS_INFO_3`: `DOMAIN\name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_MEMBERS_INFO_3")]
pub struct LocalGroupMembersInfo3 {
    /// `lgrmi3_domainandname`: `DOMAIN\name` (NetLocalGroupAddMembers also takes a name
    /// alone).
    pub domainandname: Option<String>,
}

levels! {
    /// A local group member at any level.
    LocalGroupMembersInfo {
        0 => L0(LocalGroupMembersInfo0),
        1 => L1(LocalGroupMembersInfo1),
        2 => L2(LocalGroupMembersInfo2),
        3 => L3(LocalGroupMembersInfo3),
    }
    /// Levels NetLocalGroupGetMembers accepts.
    GET_LEVELS = [0, 1, 2, 3];
    /// Levels NetLocalGroupAddMembers / DelMembers / SetMembers accept.
    SET_LEVELS = [0, 3];
}

impl LocalGroupMembersInfo {
    /// The member's SID, for the levels that carry one.
    pub fn sid(&self) -> Option<&Sid> {
        match self {
            LocalGroupMembersInfo::L0(v) => v.sid.as_ref(),
            LocalGroupMembersInfo::L1(v) => v.sid.as_ref(),
            LocalGroupMembersInfo::L2(v) => v.sid.as_ref(),
            LocalGroupMembersInfo::L3(_) => None,
        }
    }

    /// The member's `DOMAIN\name`, for the levels that carry one.
    pub fn domainandname(&self) -> Option<&str> {
        match self {
            LocalGroupMembersInfo::L2(v) => v.domainandname.as_deref(),
            LocalGroupMembersInfo::L3(v) => v.domainandname.as_deref(),
            _ => None,
        }
    }
}

/// `LOCALGROUP_USERS_INFO_0`: a local group a user belongs to (NetUserGetLocalGroups).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "LOCALGROUP_USERS_INFO_0")]
pub struct LocalGroupUsersInfo0 {
    /// `lgrui0_name`: the local group name.
    pub name: Option<String>,
}

levels! {
    /// A local group of a user at any level.
    LocalGroupUsersInfo {
        0 => L0(LocalGroupUsersInfo0),
    }
    /// Levels NetUserGetLocalGroups accepts.
    GET_LEVELS = [0];
}
