//! Shares (\[MS-SRVS\] 2.2.4.22–2.2.4.38, 2.2.3.5, 2.2.3.6): enumerated by
//! `NetrShareEnum`, read and written by `NetrShareGetInfo`/`SetInfo`/`Add`.
//!
//! quirk(samba-4.17): levels 503 (enumeration and `GetInfo`) are not
//! served and the answer does not decode under this IDL (Samba's union has
//! no arm 503; see the golden tests); `GetInfo` 1501 answers success with a
//! NULL pointer; `GetInfo` 502 has no security descriptor and an empty
//! (non-NULL) password.

use netapi_ndr::Ndr;

use super::ShareType;

/// `SHARE_INFO_0` (\[MS-SRVS\] 2.2.4.22): the share name.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_0")]
pub struct ShareInfo0 {
    /// `shi0_netname`.
    #[ndr(unique, string)]
    pub netname: Option<String>,
}

/// `SHARE_INFO_1` (\[MS-SRVS\] 2.2.4.23): name, type and remark.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_1")]
pub struct ShareInfo1 {
    /// `shi1_netname`.
    #[ndr(unique, string)]
    pub netname: Option<String>,
    /// `shi1_type`.
    pub r#type: ShareType,
    /// `shi1_remark`.
    #[ndr(unique, string)]
    pub remark: Option<String>,
}

/// `SHARE_INFO_2` (\[MS-SRVS\] 2.2.4.24): a share with path and usage counters.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_2")]
pub struct ShareInfo2 {
    /// `shi2_netname`.
    #[ndr(unique, string)]
    pub netname: Option<String>,
    /// `shi2_type`.
    pub r#type: ShareType,
    /// `shi2_remark`.
    #[ndr(unique, string)]
    pub remark: Option<String>,
    /// `shi2_permissions` (share-level security only; 0 otherwise).
    pub permissions: u32,
    /// `shi2_max_uses`: `0xFFFFFFFF` for unlimited.
    pub max_uses: u32,
    /// `shi2_current_uses`.
    pub current_uses: u32,
    /// `shi2_path`: the local path (Samba: `C:\` + the Unix path with `\`).
    #[ndr(unique, string)]
    pub path: Option<String>,
    /// `shi2_passwd` (share-level security only).
    #[ndr(unique, string)]
    pub passwd: Option<String>,
}

/// `SHARE_INFO_501` (\[MS-SRVS\] 2.2.4.25): level 1 plus the `shi1005` flags.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_501")]
pub struct ShareInfo501 {
    /// `shi501_netname`.
    #[ndr(unique, string)]
    pub netname: Option<String>,
    /// `shi501_type`.
    pub r#type: ShareType,
    /// `shi501_remark`.
    #[ndr(unique, string)]
    pub remark: Option<String>,
    /// `shi501_flags`: [`super::share_flags`].
    pub flags: u32,
}

/// `SHARE_INFO_502_I` (\[MS-SRVS\] 2.2.4.26): level 2 plus a self-relative
/// security descriptor of `reserved` bytes.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_502_I")]
#[doc(alias = "SHARE_INFO_502")]
pub struct ShareInfo502I {
    /// `shi502_netname`.
    #[ndr(unique, string)]
    pub netname: Option<String>,
    /// `shi502_type`.
    pub r#type: ShareType,
    /// `shi502_remark`.
    #[ndr(unique, string)]
    pub remark: Option<String>,
    /// `shi502_permissions`.
    pub permissions: u32,
    /// `shi502_max_uses`.
    pub max_uses: u32,
    /// `shi502_current_uses`.
    pub current_uses: u32,
    /// `shi502_path`.
    #[ndr(unique, string)]
    pub path: Option<String>,
    /// `shi502_passwd`.
    #[ndr(unique, string)]
    pub passwd: Option<String>,
    /// `shi502_reserved`: the length of `security_descriptor` in bytes.
    pub reserved: u32,
    /// `shi502_security_descriptor` (\[MS-DTYP\] 2.4.6, self-relative), kept
    /// as bytes.
    #[ndr(unique, size_is(reserved))]
    pub security_descriptor: Option<Vec<u8>>,
}

/// `SHARE_INFO_503_I` (\[MS-SRVS\] 2.2.4.27): level 502 plus the server name
/// the share is scoped to (`*` for every name).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_503_I")]
#[doc(alias = "SHARE_INFO_503")]
pub struct ShareInfo503I {
    /// `shi503_netname`.
    #[ndr(unique, string)]
    pub netname: Option<String>,
    /// `shi503_type`.
    pub r#type: ShareType,
    /// `shi503_remark`.
    #[ndr(unique, string)]
    pub remark: Option<String>,
    /// `shi503_permissions`.
    pub permissions: u32,
    /// `shi503_max_uses`.
    pub max_uses: u32,
    /// `shi503_current_uses`.
    pub current_uses: u32,
    /// `shi503_path`.
    #[ndr(unique, string)]
    pub path: Option<String>,
    /// `shi503_passwd`.
    #[ndr(unique, string)]
    pub passwd: Option<String>,
    /// `shi503_servername`.
    #[ndr(unique, string)]
    pub servername: Option<String>,
    /// `shi503_reserved`: the length of `security_descriptor` in bytes.
    pub reserved: u32,
    /// `shi503_security_descriptor`.
    #[ndr(unique, size_is(reserved))]
    pub security_descriptor: Option<Vec<u8>>,
}

/// `SHARE_INFO_1004` (\[MS-SRVS\] 2.2.4.28): the remark alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_1004")]
pub struct ShareInfo1004 {
    /// `shi1004_remark`.
    #[ndr(unique, string)]
    pub remark: Option<String>,
}

/// `SHARE_INFO_1005` (\[MS-SRVS\] 2.2.4.29): the flags alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_1005")]
pub struct ShareInfo1005 {
    /// `shi1005_flags`: [`super::share_flags`].
    pub flags: u32,
}

/// `SHARE_INFO_1006` (\[MS-SRVS\] 2.2.4.30): the user limit alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_1006")]
pub struct ShareInfo1006 {
    /// `shi1006_max_uses`.
    pub max_uses: u32,
}

/// `SHARE_INFO_1501_I` (\[MS-SRVS\] 2.2.4.31): the security descriptor alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SHARE_INFO_1501_I")]
#[doc(alias = "SHARE_INFO_1501")]
pub struct ShareInfo1501I {
    /// `shi1501_reserved`: the descriptor's length in bytes.
    pub reserved: u32,
    /// `shi1501_security_descriptor`.
    #[ndr(unique, size_is(reserved))]
    pub security_descriptor: Option<Vec<u8>>,
}

macro_rules! share_container {
    ($(#[$m:meta])* $name:ident, $alias:literal, $item:ty) => {
        $(#[$m])*
        #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
        #[doc(alias = $alias)]
        pub struct $name {
            /// `EntriesRead`.
            pub entries_read: u32,
            /// `Buffer`.
            #[ndr(unique, size_is(entries_read))]
            pub buffer: Option<Vec<$item>>,
        }
    };
}

share_container!(
    /// `SHARE_INFO_0_CONTAINER` (\[MS-SRVS\] 2.2.4.32).
    ShareInfo0Container, "SHARE_INFO_0_CONTAINER", ShareInfo0
);
share_container!(
    /// `SHARE_INFO_1_CONTAINER` (\[MS-SRVS\] 2.2.4.33).
    ShareInfo1Container, "SHARE_INFO_1_CONTAINER", ShareInfo1
);
share_container!(
    /// `SHARE_INFO_2_CONTAINER` (\[MS-SRVS\] 2.2.4.34).
    ShareInfo2Container, "SHARE_INFO_2_CONTAINER", ShareInfo2
);
share_container!(
    /// `SHARE_INFO_501_CONTAINER` (\[MS-SRVS\] 2.2.4.35).
    ShareInfo501Container, "SHARE_INFO_501_CONTAINER", ShareInfo501
);
share_container!(
    /// `SHARE_INFO_502_CONTAINER` (\[MS-SRVS\] 2.2.4.36).
    ShareInfo502Container, "SHARE_INFO_502_CONTAINER", ShareInfo502I
);
share_container!(
    /// `SHARE_INFO_503_CONTAINER` (\[MS-SRVS\] 2.2.4.37).
    ShareInfo503Container, "SHARE_INFO_503_CONTAINER", ShareInfo503I
);

/// `SHARE_ENUM_UNION` (\[MS-SRVS\] 2.2.3.5), selected by
/// [`ShareEnumStruct::level`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "SHARE_ENUM_UNION")]
pub enum ShareEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<ShareInfo0Container>),
    /// `Level1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<ShareInfo1Container>),
    /// `Level2`.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<ShareInfo2Container>),
    /// `Level501`.
    #[ndr(case = 501)]
    L501(#[ndr(unique)] Option<ShareInfo501Container>),
    /// `Level502`.
    #[ndr(case = 502)]
    L502(#[ndr(unique)] Option<ShareInfo502Container>),
    /// `Level503`.
    #[ndr(case = 503)]
    L503(#[ndr(unique)] Option<ShareInfo503Container>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `SHARE_ENUM_STRUCT` (\[MS-SRVS\] 2.2.4.38): the level and its container.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SHARE_ENUM_STRUCT")]
pub struct ShareEnumStruct {
    /// `Level`: 0, 1, 2, 501, 502 or 503.
    pub level: u32,
    /// `ShareInfo`.
    #[ndr(switch_is(level))]
    pub share_info: ShareEnumUnion,
}

impl ShareEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container
    /// (`EntriesRead` 0, `Buffer` NULL), as Windows and impacket do.
    pub fn request(level: u32) -> Self {
        let share_info = match level {
            0 => ShareEnumUnion::L0(Some(ShareInfo0Container::default())),
            1 => ShareEnumUnion::L1(Some(ShareInfo1Container::default())),
            2 => ShareEnumUnion::L2(Some(ShareInfo2Container::default())),
            501 => ShareEnumUnion::L501(Some(ShareInfo501Container::default())),
            502 => ShareEnumUnion::L502(Some(ShareInfo502Container::default())),
            503 => ShareEnumUnion::L503(Some(ShareInfo503Container::default())),
            other => ShareEnumUnion::Other(other),
        };
        Self { level, share_info }
    }
}

/// `SHARE_INFO` (\[MS-SRVS\] 2.2.3.6): one share at the level
/// `NetrShareGetInfo`/`SetInfo`/`Add` name. The IDL's own `[default]` arm
/// is empty, like [`ShareInfo::Other`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "SHARE_INFO")]
pub enum ShareInfo {
    /// `ShareInfo0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<ShareInfo0>),
    /// `ShareInfo1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<ShareInfo1>),
    /// `ShareInfo2`.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<ShareInfo2>),
    /// `ShareInfo502`.
    #[ndr(case = 502)]
    L502(#[ndr(unique)] Option<ShareInfo502I>),
    /// `ShareInfo1004`.
    #[ndr(case = 1004)]
    L1004(#[ndr(unique)] Option<ShareInfo1004>),
    /// `ShareInfo1006`.
    #[ndr(case = 1006)]
    L1006(#[ndr(unique)] Option<ShareInfo1006>),
    /// `ShareInfo1501`.
    #[ndr(case = 1501)]
    L1501(#[ndr(unique)] Option<ShareInfo1501I>),
    /// `ShareInfo1005`.
    #[ndr(case = 1005)]
    L1005(#[ndr(unique)] Option<ShareInfo1005>),
    /// `ShareInfo501`.
    #[ndr(case = 501)]
    L501(#[ndr(unique)] Option<ShareInfo501>),
    /// `ShareInfo503`.
    #[ndr(case = 503)]
    L503(#[ndr(unique)] Option<ShareInfo503I>),
    /// `[default]`: any other level, no body.
    #[ndr(default)]
    Other(u32),
}
