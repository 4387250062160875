//! `GROUP_INFO_*` and `GROUP_USERS_INFO_*` (`lmaccess.h`): the global groups of NetGroupAdd /
//! NetGroupEnum / NetGroupGetInfo / NetGroupSetInfo, and the member (or group) entries of
//! NetGroupGetUsers / NetGroupSetUsers / NetUserGetGroups / NetUserSetGroups, served through
//! [MS-SAMR] 2.2.4 (group information) and 3.1.5.8 (membership).
//!
//! Levels 0, 1, 2, 1002 and 1005 carry pywin32's keys; level 3 (unknown to pywin32) is named by
//! the same rule (`grpi3_group_sid` → `group_sid`).

use serde::{Deserialize, Serialize};

use super::{Sid, levels};

/// `GROUP_INFO_0`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_INFO_0")]
pub struct GroupInfo0 {
    /// `grpi0_name`: the group name.
    pub name: Option<String>,
}

/// `GROUP_INFO_1`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_INFO_1")]
pub struct GroupInfo1 {
    /// `grpi1_name`: the group name (ignored by NetGroupSetInfo).
    pub name: Option<String>,
    /// `grpi1_comment`.
    pub comment: Option<String>,
}

/// `GROUP_INFO_2`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_INFO_2")]
pub struct GroupInfo2 {
    /// `grpi2_name`: the group name (ignored by NetGroupSetInfo).
    pub name: Option<String>,
    /// `grpi2_comment`.
    pub comment: Option<String>,
    /// `grpi2_group_id`: the group's RID (ignored by NetGroupAdd and NetGroupSetInfo).
    pub group_id: u32,
    /// `grpi2_attributes`: `SE_GROUP_*` bits.
    pub attributes: u32,
}

/// `GROUP_INFO_3`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_INFO_3")]
pub struct GroupInfo3 {
    /// `grpi3_name`: the group name (ignored by NetGroupSetInfo).
    pub name: Option<String>,
    /// `grpi3_comment`.
    pub comment: Option<String>,
    /// `grpi3_group_sid`: the group's SID (ignored by NetGroupAdd and NetGroupSetInfo).
    pub group_sid: Option<Sid>,
    /// `grpi3_attributes`: `SE_GROUP_*` bits.
    pub attributes: u32,
}

/// `GROUP_INFO_1002`: the comment alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_INFO_1002")]
pub struct GroupInfo1002 {
    /// `grpi1002_comment`.
    pub comment: Option<String>,
}

/// `GROUP_INFO_1005`: the attributes alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_INFO_1005")]
pub struct GroupInfo1005 {
    /// `grpi1005_attributes`: `SE_GROUP_*` bits.
    pub attributes: u32,
}

levels! {
    /// A global group at any level.
    GroupInfo {
        0 => L0(GroupInfo0),
        1 => L1(GroupInfo1),
        2 => L2(GroupInfo2),
        3 => L3(GroupInfo3),
        1002 => L1002(GroupInfo1002),
        1005 => L1005(GroupInfo1005),
    }
    /// Levels NetGroupEnum accepts.
    ENUM_LEVELS = [0, 1, 2, 3];
    /// Levels NetGroupGetInfo accepts.
    GET_LEVELS = [0, 1, 2, 3];
    /// Levels NetGroupAdd accepts.
    ADD_LEVELS = [0, 1, 2, 3];
    /// Levels NetGroupSetInfo accepts.
    SET_LEVELS = [0, 1, 2, 3, 1002, 1005];
}

impl GroupInfo {
    /// The group name, for the levels that carry one.
    pub fn name(&self) -> Option<&str> {
        match self {
            GroupInfo::L0(v) => v.name.as_deref(),
            GroupInfo::L1(v) => v.name.as_deref(),
            GroupInfo::L2(v) => v.name.as_deref(),
            GroupInfo::L3(v) => v.name.as_deref(),
            _ => None,
        }
    }

    /// The comment, for the levels that carry one (`None` also for a NULL comment).
    pub fn comment(&self) -> Option<&str> {
        match self {
            GroupInfo::L1(v) => v.comment.as_deref(),
            GroupInfo::L2(v) => v.comment.as_deref(),
            GroupInfo::L3(v) => v.comment.as_deref(),
            GroupInfo::L1002(v) => v.comment.as_deref(),
            _ => None,
        }
    }

    /// The `SE_GROUP_*` attributes, for the levels that carry them.
    pub fn attributes(&self) -> Option<u32> {
        match self {
            GroupInfo::L2(v) => Some(v.attributes),
            GroupInfo::L3(v) => Some(v.attributes),
            GroupInfo::L1005(v) => Some(v.attributes),
            _ => None,
        }
    }
}

/// `GROUP_USERS_INFO_0`: a member of a group (NetGroupGetUsers / SetUsers) or a group of a
/// user (NetUserGetGroups / SetGroups).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_USERS_INFO_0")]
pub struct GroupUsersInfo0 {
    /// `grui0_name`: the user (or group) name.
    pub name: Option<String>,
}

/// `GROUP_USERS_INFO_1`: level 0 plus the membership's attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "GROUP_USERS_INFO_1")]
pub struct GroupUsersInfo1 {
    /// `grui1_name`: the user (or group) name.
    pub name: Option<String>,
    /// `grui1_attributes`: `SE_GROUP_*` bits of the membership.
    pub attributes: u32,
}

levels! {
    /// A group membership entry at any level.
    GroupUsersInfo {
        0 => L0(GroupUsersInfo0),
        1 => L1(GroupUsersInfo1),
    }
    /// Levels NetGroupGetUsers / NetUserGetGroups accept.
    GET_LEVELS = [0, 1];
    /// Levels NetGroupSetUsers / NetUserSetGroups accept.
    SET_LEVELS = [0, 1];
}

impl GroupUsersInfo {
    /// The user (or group) name.
    pub fn name(&self) -> Option<&str> {
        match self {
            GroupUsersInfo::L0(v) => v.name.as_deref(),
            GroupUsersInfo::L1(v) => v.name.as_deref(),
        }
    }

    /// The membership attributes (level 1), `None` at level 0.
    pub fn attributes(&self) -> Option<u32> {
        match self {
            GroupUsersInfo::L0(_) => None,
            GroupUsersInfo::L1(v) => Some(v.attributes),
        }
    }

    /// An entry of `level` (0 or 1) for `name` with `attributes`.
    pub fn new(level: u32, name: String, attributes: u32) -> Option<GroupUsersInfo> {
        match level {
            0 => Some(GroupUsersInfo0 { name: Some(name) }.into()),
            1 => Some(
                GroupUsersInfo1 {
                    name: Some(name),
                    attributes,
                }
                .into(),
            ),
            _ => None,
        }
    }
}
