//! Redirected connections of the workstation (\[MS-WKST\] 2.2.4.2 `USE_INFO`, 2.2.5.21–2.2.5.28),
//! for NetrUseAdd / NetrUseGetInfo / NetrUseDel / NetrUseEnum.
//!
//! `USE_INFO_2` embeds `USE_INFO_1` and `USE_INFO_3` embeds `USE_INFO_2` as their first member;
//! an embedded structure is marshalled as its members in place (inline part, then its
//! referents with the outer structure's), so they are declared flat here, in wire order.

use netapi_ndr::{Ndr, wire_enum};

use super::lists::container;

/// `ui*_status` (\[MS-WKST\] 2.2.5.22): the state of a connection.
pub mod use_status {
    /// The connection is valid.
    pub const USE_OK: u32 = 0;
    /// Paused by a local workstation.
    pub const USE_PAUSED: u32 = 1;
    /// Disconnected.
    pub const USE_SESSLOST: u32 = 2;
    /// `USE_DISCONN`: the Windows header's name for `USE_SESSLOST`.
    pub const USE_DISCONN: u32 = 2;
    /// A network error occurred.
    pub const USE_NETERR: u32 = 3;
    /// The connection is being made.
    pub const USE_CONN: u32 = 4;
    /// Reconnecting.
    pub const USE_RECONN: u32 = 5;
}

wire_enum! {
    /// `ui*_asg_type` (\[MS-WKST\] 2.2.5.22): the kind of remote resource.
    pub struct UseAsgType(u32) {
        /// Any type, matched to the resource (`USE_WILDCARD`).
        USE_WILDCARD = 0xFFFF_FFFF,
        /// A disk share.
        USE_DISKDEV = 0,
        /// A print queue.
        USE_SPOOLDEV = 1,
        /// A serial device.
        USE_CHARDEV = 2,
        /// Interprocess communication (`IPC$`).
        USE_IPC = 3,
    }
}

wire_enum! {
    /// NetrUseDel `ForceLevel` (\[MS-WKST\] 3.2.4.9); also NetrWkstaTransportDel's.
    pub struct ForceLevel(u32) {
        /// Fail if the connection has open files or devices.
        USE_NOFORCE = 0,
        /// Close open files, then delete.
        USE_FORCE = 1,
        /// Close everything and delete even with open files.
        USE_LOTS_OF_FORCE = 2,
    }
}

/// `USE_INFO_0` (\[MS-WKST\] 2.2.5.21).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "USE_INFO_0")]
pub struct UseInfo0 {
    /// `ui0_local`: local device (`Z:`), NULL or empty for a deviceless connection.
    #[ndr(unique, string)]
    pub local: Option<String>,
    /// `ui0_remote`: `\\server\share`.
    #[ndr(unique, string)]
    pub remote: Option<String>,
}

/// `USE_INFO_1` (\[MS-WKST\] 2.2.5.22).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "USE_INFO_1")]
pub struct UseInfo1 {
    /// `ui1_local`.
    #[ndr(unique, string)]
    pub local: Option<String>,
    /// `ui1_remote`.
    #[ndr(unique, string)]
    pub remote: Option<String>,
    /// `ui1_password` (write only).
    #[ndr(unique, string)]
    pub password: Option<String>,
    /// `ui1_status` ([`use_status`]).
    pub status: u32,
    /// `ui1_asg_type`.
    pub asg_type: UseAsgType,
    /// `ui1_refcount`.
    pub refcount: u32,
    /// `ui1_usecount`.
    pub usecount: u32,
}

/// `USE_INFO_2` (\[MS-WKST\] 2.2.5.23): `USE_INFO_1` then the credentials' names.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "USE_INFO_2")]
pub struct UseInfo2 {
    /// `ui2_useinfo.ui1_local`.
    #[ndr(unique, string)]
    pub local: Option<String>,
    /// `ui2_useinfo.ui1_remote`.
    #[ndr(unique, string)]
    pub remote: Option<String>,
    /// `ui2_useinfo.ui1_password`.
    #[ndr(unique, string)]
    pub password: Option<String>,
    /// `ui2_useinfo.ui1_status`.
    pub status: u32,
    /// `ui2_useinfo.ui1_asg_type`.
    pub asg_type: UseAsgType,
    /// `ui2_useinfo.ui1_refcount`.
    pub refcount: u32,
    /// `ui2_useinfo.ui1_usecount`.
    pub usecount: u32,
    /// `ui2_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `ui2_domainname`.
    #[ndr(unique, string)]
    pub domainname: Option<String>,
}

/// `USE_INFO_3` (\[MS-WKST\] 2.2.5.24): `USE_INFO_2` then flags.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "USE_INFO_3")]
pub struct UseInfo3 {
    /// `ui3_ui2.ui2_useinfo.ui1_local`.
    #[ndr(unique, string)]
    pub local: Option<String>,
    /// `ui3_ui2.ui2_useinfo.ui1_remote`.
    #[ndr(unique, string)]
    pub remote: Option<String>,
    /// `ui3_ui2.ui2_useinfo.ui1_password`.
    #[ndr(unique, string)]
    pub password: Option<String>,
    /// `ui3_ui2.ui2_useinfo.ui1_status`.
    pub status: u32,
    /// `ui3_ui2.ui2_useinfo.ui1_asg_type`.
    pub asg_type: UseAsgType,
    /// `ui3_ui2.ui2_useinfo.ui1_refcount`.
    pub refcount: u32,
    /// `ui3_ui2.ui2_useinfo.ui1_usecount`.
    pub usecount: u32,
    /// `ui3_ui2.ui2_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `ui3_ui2.ui2_domainname`.
    #[ndr(unique, string)]
    pub domainname: Option<String>,
    /// `ui3_flags`: `CREATE_*` flags of the connection.
    pub flags: u32,
}

/// `USE_INFO` (\[MS-WKST\] 2.2.4.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "USE_INFO")]
pub enum UseInfo {
    /// Level 0.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<UseInfo0>),
    /// Level 1.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<UseInfo1>),
    /// Level 2.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<UseInfo2>),
    /// Level 3.
    #[ndr(case = 3)]
    L3(#[ndr(unique)] Option<UseInfo3>),
    /// A level this crate does not declare: no body.
    #[ndr(default)]
    Other(u32),
}

container!(
    /// `USE_INFO_0_CONTAINER` (\[MS-WKST\] 2.2.5.25).
    UseInfo0Container, "USE_INFO_0_CONTAINER", UseInfo0
);
container!(
    /// `USE_INFO_1_CONTAINER` (\[MS-WKST\] 2.2.5.26).
    UseInfo1Container, "USE_INFO_1_CONTAINER", UseInfo1
);
container!(
    /// `USE_INFO_2_CONTAINER` (\[MS-WKST\] 2.2.5.27).
    UseInfo2Container, "USE_INFO_2_CONTAINER", UseInfo2
);

/// `USE_ENUM_UNION` (\[MS-WKST\] 2.2.5.28).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "USE_ENUM_UNION")]
pub enum UseEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<UseInfo0Container>),
    /// `Level1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<UseInfo1Container>),
    /// `Level2`.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<UseInfo2Container>),
    /// Any other level: the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `USE_ENUM_STRUCT` (\[MS-WKST\] 2.2.5.28).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "USE_ENUM_STRUCT")]
pub struct UseEnumStruct {
    /// `Level`: 0, 1 or 2.
    pub level: u32,
    /// `UseInfo`.
    #[ndr(switch_is(level))]
    pub use_info: UseEnumUnion,
}

impl UseEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container.
    pub fn request(level: u32) -> Self {
        let use_info = match level {
            0 => UseEnumUnion::L0(Some(UseInfo0Container::default())),
            1 => UseEnumUnion::L1(Some(UseInfo1Container::default())),
            2 => UseEnumUnion::L2(Some(UseInfo2Container::default())),
            other => UseEnumUnion::Other(other),
        };
        Self { level, use_info }
    }
}
