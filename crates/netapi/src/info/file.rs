//! `FILE_INFO_*` ([MS-SRVS] 2.2.4.6–2.2.4.7; NetFileEnum / NetFileGetInfo). Keys are pywin32's
//! (`fi3_pathname` → `path_name`).

use serde::{Deserialize, Serialize};

use super::levels;

/// `FILE_INFO_2`: the id of an open file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "FILE_INFO_2")]
pub struct FileInfo2 {
    /// `fi2_id`.
    pub id: u32,
}

/// `FILE_INFO_3`: id, permissions, locks, path and user of an open file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "FILE_INFO_3")]
pub struct FileInfo3 {
    /// `fi3_id`.
    pub id: u32,
    /// `fi3_permissions`: PERM_FILE_READ=1, PERM_FILE_WRITE=2, PERM_FILE_CREATE=4.
    pub permissions: u32,
    /// `fi3_num_locks`.
    pub num_locks: u32,
    /// `fi3_pathname`.
    pub path_name: Option<String>,
    /// `fi3_username`.
    pub user_name: Option<String>,
}
levels! {
    /// An open file at any level ([MS-SRVS] `FILE_ENUM_UNION`, 2.2.3.3).
    FileInfo {
        2 => L2(FileInfo2),
        3 => L3(FileInfo3),
    }
    /// Levels NetFileEnum accepts ([MS-SRVS] 3.1.4.16).
    ENUM_LEVELS = [2, 3];
    /// Levels NetFileGetInfo accepts ([MS-SRVS] 3.1.4.17).
    GET_LEVELS = [2, 3];
}

impl FileInfo {
    /// The file id (what NetFileClose takes).
    pub fn id(&self) -> u32 {
        match self {
            FileInfo::L2(v) => v.id,
            FileInfo::L3(v) => v.id,
        }
    }
}
