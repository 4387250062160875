//! Open files (\[MS-SRVS\] 2.2.4.6–2.2.4.10, 2.2.3.2, 2.2.3.3), enumerated by
//! `NetrFileEnum` and read by `NetrFileGetInfo`.

use netapi_ndr::Ndr;

/// `FILE_INFO_2` (\[MS-SRVS\] 2.2.4.6): an open file's identifier.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "FILE_INFO_2")]
pub struct FileInfo2 {
    /// `fi2_id`.
    pub id: u32,
}

/// `FILE_INFO_3` (\[MS-SRVS\] 2.2.4.7): an open file with its access, locks,
/// path and user.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "FILE_INFO_3")]
pub struct FileInfo3 {
    /// `fi3_id`: the identifier `NetrFileClose`/`NetrFileGetInfo` take.
    pub id: u32,
    /// `fi3_permissions`: `PERM_FILE_*` bits ([`super::file_permissions`]).
    pub permissions: u32,
    /// `fi3_num_locks`.
    pub num_locks: u32,
    /// `fi3_pathname` (Samba: the Windows-style path, `C:\...`).
    #[ndr(unique, string)]
    pub pathname: Option<String>,
    /// `fi3_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
}

/// `FILE_INFO_2_CONTAINER` (\[MS-SRVS\] 2.2.4.8).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "FILE_INFO_2_CONTAINER")]
pub struct FileInfo2Container {
    /// `EntriesRead`.
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<FileInfo2>>,
}

/// `FILE_INFO_3_CONTAINER` (\[MS-SRVS\] 2.2.4.9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "FILE_INFO_3_CONTAINER")]
pub struct FileInfo3Container {
    /// `EntriesRead`.
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<FileInfo3>>,
}

/// `FILE_ENUM_UNION` (\[MS-SRVS\] 2.2.3.2), selected by
/// [`FileEnumStruct::level`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "FILE_ENUM_UNION")]
pub enum FileEnumUnion {
    /// `Level2`. quirk(samba-4.17): answered with `ERROR_INVALID_LEVEL`.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<FileInfo2Container>),
    /// `Level3`.
    #[ndr(case = 3)]
    L3(#[ndr(unique)] Option<FileInfo3Container>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `FILE_ENUM_STRUCT` (\[MS-SRVS\] 2.2.4.10): the level and its container.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "FILE_ENUM_STRUCT")]
pub struct FileEnumStruct {
    /// `Level`: 2 or 3.
    pub level: u32,
    /// `FileInfo`.
    #[ndr(switch_is(level))]
    pub file_info: FileEnumUnion,
}

impl FileEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container.
    pub fn request(level: u32) -> Self {
        let file_info = match level {
            2 => FileEnumUnion::L2(Some(FileInfo2Container::default())),
            3 => FileEnumUnion::L3(Some(FileInfo3Container::default())),
            other => FileEnumUnion::Other(other),
        };
        Self { level, file_info }
    }
}

/// `FILE_INFO` (\[MS-SRVS\] 2.2.3.3): one file at the level
/// `NetrFileGetInfo` asked for.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "FILE_INFO")]
pub enum FileInfo {
    /// `FileInfo2`.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<FileInfo2>),
    /// `FileInfo3`.
    #[ndr(case = 3)]
    L3(#[ndr(unique)] Option<FileInfo3>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}
