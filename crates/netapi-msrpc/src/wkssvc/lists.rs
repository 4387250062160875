//! The users logged on to a workstation and its transports (\[MS-WKST\] 2.2.5.8–2.2.5.10,
//! 2.2.5.12–2.2.5.16), listed by NetrWkstaUserEnum / NetrWkstaTransportEnum; a transport is
//! bound by NetrWkstaTransportAdd.

use netapi_ndr::Ndr;

/// `WKSTA_TRANSPORT_INFO_0` (\[MS-WKST\] 2.2.5.8): one transport the redirector uses.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_TRANSPORT_INFO_0")]
pub struct WkstaTransportInfo0 {
    /// `wkti0_quality_of_service`: search order, higher first.
    pub quality_of_service: u32,
    /// `wkti0_number_of_vcs`: connections on the transport.
    pub number_of_vcs: u32,
    /// `wkti0_transport_name`: the device (`\Device\NetBT_Tcpip_{...}`).
    #[ndr(unique, string)]
    pub transport_name: Option<String>,
    /// `wkti0_transport_address`: the adapter address as 12 hex digits.
    #[ndr(unique, string)]
    pub transport_address: Option<String>,
    /// `wkti0_wan_ish`: BOOL (a `long`), the transport is a WAN link.
    pub wan_ish: i32,
}

/// `WKSTA_USER_INFO_0` (\[MS-WKST\] 2.2.5.9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_USER_INFO_0")]
pub struct WkstaUserInfo0 {
    /// `wkui0_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
}

/// `WKSTA_USER_INFO_1` (\[MS-WKST\] 2.2.5.10).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "WKSTA_USER_INFO_1")]
pub struct WkstaUserInfo1 {
    /// `wkui1_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `wkui1_logon_domain`.
    #[ndr(unique, string)]
    pub logon_domain: Option<String>,
    /// `wkui1_oth_domains`: other domains browsed, space separated.
    #[ndr(unique, string)]
    pub oth_domains: Option<String>,
    /// `wkui1_logon_server`.
    #[ndr(unique, string)]
    pub logon_server: Option<String>,
}

macro_rules! container {
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
pub(crate) use container;

container!(
    /// `WKSTA_USER_INFO_0_CONTAINER` (\[MS-WKST\] 2.2.5.12).
    WkstaUserInfo0Container, "WKSTA_USER_INFO_0_CONTAINER", WkstaUserInfo0
);
container!(
    /// `WKSTA_USER_INFO_1_CONTAINER` (\[MS-WKST\] 2.2.5.13).
    WkstaUserInfo1Container, "WKSTA_USER_INFO_1_CONTAINER", WkstaUserInfo1
);
container!(
    /// `WKSTA_TRANSPORT_INFO_0_CONTAINER` (\[MS-WKST\] 2.2.5.15).
    WkstaTransportInfo0Container, "WKSTA_TRANSPORT_INFO_0_CONTAINER", WkstaTransportInfo0
);

/// `WKSTA_USER_ENUM_UNION` (\[MS-WKST\] 2.2.5.14), selected by [`WkstaUserEnumStruct::level`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "WKSTA_USER_ENUM_UNION")]
pub enum WkstaUserEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<WkstaUserInfo0Container>),
    /// `Level1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<WkstaUserInfo1Container>),
    /// Any other level: the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `WKSTA_USER_ENUM_STRUCT` (\[MS-WKST\] 2.2.5.14): the level and its container.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "WKSTA_USER_ENUM_STRUCT")]
pub struct WkstaUserEnumStruct {
    /// `Level`: 0 or 1.
    pub level: u32,
    /// `WkstaUserInfo`.
    #[ndr(switch_is(level))]
    pub wksta_user_info: WkstaUserEnumUnion,
}

impl WkstaUserEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container.
    pub fn request(level: u32) -> Self {
        let wksta_user_info = match level {
            0 => WkstaUserEnumUnion::L0(Some(WkstaUserInfo0Container::default())),
            1 => WkstaUserEnumUnion::L1(Some(WkstaUserInfo1Container::default())),
            other => WkstaUserEnumUnion::Other(other),
        };
        Self {
            level,
            wksta_user_info,
        }
    }
}

/// `WKSTA_TRANSPORT_ENUM_UNION` (\[MS-WKST\] 2.2.5.16).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "WKSTA_TRANSPORT_ENUM_UNION")]
pub enum WkstaTransportEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<WkstaTransportInfo0Container>),
    /// Any other level: the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `WKSTA_TRANSPORT_ENUM_STRUCT` (\[MS-WKST\] 2.2.5.16).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "WKSTA_TRANSPORT_ENUM_STRUCT")]
pub struct WkstaTransportEnumStruct {
    /// `Level`: 0.
    pub level: u32,
    /// `WkstaTransportInfo`.
    #[ndr(switch_is(level))]
    pub wksta_transport_info: WkstaTransportEnumUnion,
}

impl WkstaTransportEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container.
    pub fn request(level: u32) -> Self {
        let wksta_transport_info = match level {
            0 => WkstaTransportEnumUnion::L0(Some(WkstaTransportInfo0Container::default())),
            other => WkstaTransportEnumUnion::Other(other),
        };
        Self {
            level,
            wksta_transport_info,
        }
    }
}
