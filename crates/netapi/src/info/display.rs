//! `NET_DISPLAY_*` (NetQueryDisplayInformation; `lmaccess.h`, served through [MS-SAMR]
//! SamrQueryDisplayInformation3). Not in pywin32: keys are the C members without their
//! `usriN_` / `grpi3_` prefix, as for every other level. `next_index` is the index to pass to
//! get the entries after this one.

use serde::{Deserialize, Serialize};

use super::levels;

/// `NET_DISPLAY_USER` (level 1): a user account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "NET_DISPLAY_USER")]
pub struct NetDisplayUser {
    /// `usri1_name`.
    pub name: Option<String>,
    /// `usri1_comment`.
    pub comment: Option<String>,
    /// `usri1_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri1_full_name`.
    pub full_name: Option<String>,
    /// `usri1_user_id`: the RID.
    pub user_id: u32,
    /// `usri1_next_index`.
    pub next_index: u32,
}

/// `NET_DISPLAY_MACHINE` (level 2): a computer (workstation or server trust) account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "NET_DISPLAY_MACHINE")]
pub struct NetDisplayMachine {
    /// `usri2_name`: ends with `$`.
    pub name: Option<String>,
    /// `usri2_comment`.
    pub comment: Option<String>,
    /// `usri2_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri2_user_id`: the RID.
    pub user_id: u32,
    /// `usri2_next_index`.
    pub next_index: u32,
}

/// `NET_DISPLAY_GROUP` (level 3): a global group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "NET_DISPLAY_GROUP")]
pub struct NetDisplayGroup {
    /// `grpi3_name`.
    pub name: Option<String>,
    /// `grpi3_comment`.
    pub comment: Option<String>,
    /// `grpi3_group_id`: the RID.
    pub group_id: u32,
    /// `grpi3_attributes`: `SE_GROUP_*`.
    pub attributes: u32,
    /// `grpi3_next_index`.
    pub next_index: u32,
}

levels! {
    /// One entry of NetQueryDisplayInformation at any level.
    DisplayInfo {
        1 => L1(NetDisplayUser),
        2 => L2(NetDisplayMachine),
        3 => L3(NetDisplayGroup),
    }
    /// Levels NetQueryDisplayInformation accepts.
    QUERY_LEVELS = [1, 2, 3];
}

impl DisplayInfo {
    /// The index to pass to get the entries after this one.
    pub fn next_index(&self) -> u32 {
        match self {
            DisplayInfo::L1(u) => u.next_index,
            DisplayInfo::L2(m) => m.next_index,
            DisplayInfo::L3(g) => g.next_index,
        }
    }

    /// The account name.
    pub fn name(&self) -> Option<&str> {
        match self {
            DisplayInfo::L1(u) => u.name.as_deref(),
            DisplayInfo::L2(m) => m.name.as_deref(),
            DisplayInfo::L3(g) => g.name.as_deref(),
        }
    }
}
