//! Connections to shares (\[MS-SRVS\] 2.2.4.1–2.2.4.5, 2.2.3.1), enumerated by
//! `NetrConnectionEnum`.

use netapi_ndr::Ndr;

use super::ShareType;

/// `CONNECTION_INFO_0` (\[MS-SRVS\] 2.2.4.1): a connection's identifier.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "CONNECTION_INFO_0")]
pub struct ConnectionInfo0 {
    /// `coni0_id`.
    pub id: u32,
}

/// `CONNECTION_INFO_1` (\[MS-SRVS\] 2.2.4.2): a connection with its share
/// type, counts, age and user.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "CONNECTION_INFO_1")]
pub struct ConnectionInfo1 {
    /// `coni1_id`.
    pub id: u32,
    /// `coni1_type`: the share type of the connected resource.
    pub r#type: ShareType,
    /// `coni1_num_opens`: files open on this connection.
    pub num_opens: u32,
    /// `coni1_num_users`: users on this connection.
    pub num_users: u32,
    /// `coni1_time`: seconds since the connection was made.
    pub time: u32,
    /// `coni1_username`: the user, or the client's computer name when the
    /// qualifier is a share. quirk(samba-4.17): always `dummy_user`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `coni1_netname`: the share, or the client's computer name when the
    /// qualifier is a computer. quirk(samba-4.17): always `IPC$`.
    #[ndr(unique, string)]
    pub netname: Option<String>,
}

/// `CONNECT_INFO_0_CONTAINER` (\[MS-SRVS\] 2.2.4.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "CONNECT_INFO_0_CONTAINER")]
pub struct ConnectInfo0Container {
    /// `EntriesRead`.
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<ConnectionInfo0>>,
}

/// `CONNECT_INFO_1_CONTAINER` (\[MS-SRVS\] 2.2.4.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "CONNECT_INFO_1_CONTAINER")]
pub struct ConnectInfo1Container {
    /// `EntriesRead`.
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<ConnectionInfo1>>,
}

/// `CONNECT_ENUM_UNION` (\[MS-SRVS\] 2.2.3.1), selected by
/// [`ConnectEnumStruct::level`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "CONNECT_ENUM_UNION")]
pub enum ConnectEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<ConnectInfo0Container>),
    /// `Level1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<ConnectInfo1Container>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `CONNECT_ENUM_STRUCT` (\[MS-SRVS\] 2.2.4.5): the level and its container.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "CONNECT_ENUM_STRUCT")]
pub struct ConnectEnumStruct {
    /// `Level`: 0 or 1.
    pub level: u32,
    /// `ConnectInfo`.
    #[ndr(switch_is(level))]
    pub connect_info: ConnectEnumUnion,
}

impl ConnectEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container
    /// (`EntriesRead` 0, `Buffer` NULL), as Windows and impacket do.
    pub fn request(level: u32) -> Self {
        let connect_info = match level {
            0 => ConnectEnumUnion::L0(Some(ConnectInfo0Container::default())),
            1 => ConnectEnumUnion::L1(Some(ConnectInfo1Container::default())),
            other => ConnectEnumUnion::Other(other),
        };
        Self {
            level,
            connect_info,
        }
    }
}
