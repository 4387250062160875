//! Server transports (\[MS-SRVS\] 2.2.4.93–2.2.4.101, 2.2.3.8, 2.2.3.9),
//! enumerated by `NetrServerTransportEnum` and bound/unbound by
//! `NetrServerTransportAddEx`/`DelEx`.
//!
//! quirk(samba-4.17): none of these methods is implemented (DCE/RPC fault
//! `nca_s_op_rng_error`); the golden responses are written from the spec.

use netapi_ndr::Ndr;

/// `SERVER_TRANSPORT_INFO_0` (\[MS-SRVS\] 2.2.4.93): a transport's name and
/// address.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_TRANSPORT_INFO_0")]
pub struct ServerTransportInfo0 {
    /// `svti0_numberofvcs`: clients connected over this transport.
    pub numberofvcs: u32,
    /// `svti0_transportname`: the device (`\Device\NetbiosSmb`, ...).
    #[ndr(unique, string)]
    pub transportname: Option<String>,
    /// `svti0_transportaddress`: usually the 16-byte NetBIOS name.
    #[ndr(unique, size_is(transportaddresslength))]
    pub transportaddress: Option<Vec<u8>>,
    /// `svti0_transportaddresslength`.
    pub transportaddresslength: u32,
    /// `svti0_networkaddress`: the adapter's address, as text.
    #[ndr(unique, string)]
    pub networkaddress: Option<String>,
}

/// `SERVER_TRANSPORT_INFO_1` (\[MS-SRVS\] 2.2.4.94): level 0 plus the domain
/// the server announces itself in.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_TRANSPORT_INFO_1")]
pub struct ServerTransportInfo1 {
    /// `svti1_numberofvcs`.
    pub numberofvcs: u32,
    /// `svti1_transportname`.
    #[ndr(unique, string)]
    pub transportname: Option<String>,
    /// `svti1_transportaddress`.
    #[ndr(unique, size_is(transportaddresslength))]
    pub transportaddress: Option<Vec<u8>>,
    /// `svti1_transportaddresslength`.
    pub transportaddresslength: u32,
    /// `svti1_networkaddress`.
    #[ndr(unique, string)]
    pub networkaddress: Option<String>,
    /// `svti1_domain`.
    #[ndr(unique, string)]
    pub domain: Option<String>,
}

/// `SERVER_TRANSPORT_INFO_2` (\[MS-SRVS\] 2.2.4.95): level 1 plus flags.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_TRANSPORT_INFO_2")]
pub struct ServerTransportInfo2 {
    /// `svti2_numberofvcs`.
    pub numberofvcs: u32,
    /// `svti2_transportname`.
    #[ndr(unique, string)]
    pub transportname: Option<String>,
    /// `svti2_transportaddress`.
    #[ndr(unique, size_is(transportaddresslength))]
    pub transportaddress: Option<Vec<u8>>,
    /// `svti2_transportaddresslength`.
    pub transportaddresslength: u32,
    /// `svti2_networkaddress`.
    #[ndr(unique, string)]
    pub networkaddress: Option<String>,
    /// `svti2_domain`.
    #[ndr(unique, string)]
    pub domain: Option<String>,
    /// `svti2_flags` (`SVTI2_*`).
    pub flags: u32,
}

/// `SERVER_TRANSPORT_INFO_3` (\[MS-SRVS\] 2.2.4.96): level 2 plus a
/// credential, `password` being a fixed 256-byte array of which
/// `passwordlength` bytes are meaningful.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SERVER_TRANSPORT_INFO_3")]
pub struct ServerTransportInfo3 {
    /// `svti3_numberofvcs`.
    pub numberofvcs: u32,
    /// `svti3_transportname`.
    #[ndr(unique, string)]
    pub transportname: Option<String>,
    /// `svti3_transportaddress`.
    #[ndr(unique, size_is(transportaddresslength))]
    pub transportaddress: Option<Vec<u8>>,
    /// `svti3_transportaddresslength`.
    pub transportaddresslength: u32,
    /// `svti3_networkaddress`.
    #[ndr(unique, string)]
    pub networkaddress: Option<String>,
    /// `svti3_domain`.
    #[ndr(unique, string)]
    pub domain: Option<String>,
    /// `svti3_flags`.
    pub flags: u32,
    /// `svti3_passwordlength`.
    pub passwordlength: u32,
    /// `svti3_password[256]`.
    pub password: [u8; 256],
}

impl Default for ServerTransportInfo3 {
    fn default() -> Self {
        Self {
            numberofvcs: 0,
            transportname: None,
            transportaddress: None,
            transportaddresslength: 0,
            networkaddress: None,
            domain: None,
            flags: 0,
            passwordlength: 0,
            password: [0; 256],
        }
    }
}

macro_rules! xport_container {
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

xport_container!(
    /// `SERVER_XPORT_INFO_0_CONTAINER` (\[MS-SRVS\] 2.2.4.97).
    ServerXportInfo0Container, "SERVER_XPORT_INFO_0_CONTAINER", ServerTransportInfo0
);
xport_container!(
    /// `SERVER_XPORT_INFO_1_CONTAINER` (\[MS-SRVS\] 2.2.4.98).
    ServerXportInfo1Container, "SERVER_XPORT_INFO_1_CONTAINER", ServerTransportInfo1
);
xport_container!(
    /// `SERVER_XPORT_INFO_2_CONTAINER` (\[MS-SRVS\] 2.2.4.99).
    ServerXportInfo2Container, "SERVER_XPORT_INFO_2_CONTAINER", ServerTransportInfo2
);
xport_container!(
    /// `SERVER_XPORT_INFO_3_CONTAINER` (\[MS-SRVS\] 2.2.4.100).
    ServerXportInfo3Container, "SERVER_XPORT_INFO_3_CONTAINER", ServerTransportInfo3
);

/// `SERVER_XPORT_ENUM_UNION` (\[MS-SRVS\] 2.2.3.8), selected by
/// [`ServerXportEnumStruct::level`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "SERVER_XPORT_ENUM_UNION")]
pub enum ServerXportEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<ServerXportInfo0Container>),
    /// `Level1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<ServerXportInfo1Container>),
    /// `Level2`.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<ServerXportInfo2Container>),
    /// `Level3`.
    #[ndr(case = 3)]
    L3(#[ndr(unique)] Option<ServerXportInfo3Container>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `SERVER_XPORT_ENUM_STRUCT` (\[MS-SRVS\] 2.2.4.101): the level and its
/// container.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SERVER_XPORT_ENUM_STRUCT")]
pub struct ServerXportEnumStruct {
    /// `Level`: 0–3.
    pub level: u32,
    /// `XportInfo`.
    #[ndr(switch_is(level))]
    pub xport_info: ServerXportEnumUnion,
}

impl ServerXportEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container.
    pub fn request(level: u32) -> Self {
        let xport_info = match level {
            0 => ServerXportEnumUnion::L0(Some(ServerXportInfo0Container::default())),
            1 => ServerXportEnumUnion::L1(Some(ServerXportInfo1Container::default())),
            2 => ServerXportEnumUnion::L2(Some(ServerXportInfo2Container::default())),
            3 => ServerXportEnumUnion::L3(Some(ServerXportInfo3Container::default())),
            other => ServerXportEnumUnion::Other(other),
        };
        Self { level, xport_info }
    }
}

/// `TRANSPORT_INFO` (\[MS-SRVS\] 2.2.3.9): one transport for
/// `NetrServerTransportAddEx`/`DelEx`. Unlike the other unions its arms are
/// the structures themselves, not pointers.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "TRANSPORT_INFO")]
pub enum TransportInfo {
    /// `Transport0`.
    #[ndr(case = 0)]
    L0(ServerTransportInfo0),
    /// `Transport1`.
    #[ndr(case = 1)]
    L1(ServerTransportInfo1),
    /// `Transport2`.
    #[ndr(case = 2)]
    L2(ServerTransportInfo2),
    /// `Transport3`.
    #[ndr(case = 3)]
    L3(Box<ServerTransportInfo3>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}
