//! Sessions (\[MS-SRVS\] 2.2.4.11–2.2.4.21, 2.2.3.4), enumerated by
//! `NetrSessionEnum` and ended by `NetrSessionDel`.
//!
//! quirk(samba-4.17): only levels 0 and 1 are served (2, 10 and 502 give
//! `ERROR_INVALID_LEVEL`), `cname` has no leading `\\`, and the time fields
//! are 0.

use netapi_ndr::Ndr;

/// `SESSION_INFO_0` (\[MS-SRVS\] 2.2.4.11): the client of a session.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SESSION_INFO_0")]
pub struct SessionInfo0 {
    /// `sesi0_cname`: the client's host name or address.
    #[ndr(unique, string)]
    pub cname: Option<String>,
}

/// `SESSION_INFO_1` (\[MS-SRVS\] 2.2.4.12): client, user, opens and times.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SESSION_INFO_1")]
pub struct SessionInfo1 {
    /// `sesi1_cname`.
    #[ndr(unique, string)]
    pub cname: Option<String>,
    /// `sesi1_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `sesi1_num_opens`: files, devices and pipes open.
    pub num_opens: u32,
    /// `sesi1_time`: seconds the session has been active.
    pub time: u32,
    /// `sesi1_idle_time`: seconds the session has been idle.
    pub idle_time: u32,
    /// `sesi1_user_flags`: [`super::SESS_GUEST`], [`super::SESS_NOENCRYPTION`].
    pub user_flags: u32,
}

/// `SESSION_INFO_2` (\[MS-SRVS\] 2.2.4.13): level 1 plus the client type.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SESSION_INFO_2")]
pub struct SessionInfo2 {
    /// `sesi2_cname`.
    #[ndr(unique, string)]
    pub cname: Option<String>,
    /// `sesi2_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `sesi2_num_opens`.
    pub num_opens: u32,
    /// `sesi2_time`.
    pub time: u32,
    /// `sesi2_idle_time`.
    pub idle_time: u32,
    /// `sesi2_user_flags`.
    pub user_flags: u32,
    /// `sesi2_cltype_name`: the client's type (`"DOS LM 2.0"`, ...).
    #[ndr(unique, string)]
    pub cltype_name: Option<String>,
}

/// `SESSION_INFO_10` (\[MS-SRVS\] 2.2.4.14): client, user and times.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SESSION_INFO_10")]
pub struct SessionInfo10 {
    /// `sesi10_cname`.
    #[ndr(unique, string)]
    pub cname: Option<String>,
    /// `sesi10_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `sesi10_time`.
    pub time: u32,
    /// `sesi10_idle_time`.
    pub idle_time: u32,
}

/// `SESSION_INFO_502` (\[MS-SRVS\] 2.2.4.15): level 2 plus the transport.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SESSION_INFO_502")]
pub struct SessionInfo502 {
    /// `sesi502_cname`.
    #[ndr(unique, string)]
    pub cname: Option<String>,
    /// `sesi502_username`.
    #[ndr(unique, string)]
    pub username: Option<String>,
    /// `sesi502_num_opens`.
    pub num_opens: u32,
    /// `sesi502_time`.
    pub time: u32,
    /// `sesi502_idle_time`.
    pub idle_time: u32,
    /// `sesi502_user_flags`.
    pub user_flags: u32,
    /// `sesi502_cltype_name`.
    #[ndr(unique, string)]
    pub cltype_name: Option<String>,
    /// `sesi502_transport`: the transport the client uses.
    #[ndr(unique, string)]
    pub transport: Option<String>,
}

macro_rules! session_container {
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

session_container!(
    /// `SESSION_INFO_0_CONTAINER` (\[MS-SRVS\] 2.2.4.16).
    SessionInfo0Container, "SESSION_INFO_0_CONTAINER", SessionInfo0
);
session_container!(
    /// `SESSION_INFO_1_CONTAINER` (\[MS-SRVS\] 2.2.4.17).
    SessionInfo1Container, "SESSION_INFO_1_CONTAINER", SessionInfo1
);
session_container!(
    /// `SESSION_INFO_2_CONTAINER` (\[MS-SRVS\] 2.2.4.18).
    SessionInfo2Container, "SESSION_INFO_2_CONTAINER", SessionInfo2
);
session_container!(
    /// `SESSION_INFO_10_CONTAINER` (\[MS-SRVS\] 2.2.4.19).
    SessionInfo10Container, "SESSION_INFO_10_CONTAINER", SessionInfo10
);
session_container!(
    /// `SESSION_INFO_502_CONTAINER` (\[MS-SRVS\] 2.2.4.20).
    SessionInfo502Container, "SESSION_INFO_502_CONTAINER", SessionInfo502
);

/// `SESSION_ENUM_UNION` (\[MS-SRVS\] 2.2.3.4), selected by
/// [`SessionEnumStruct::level`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "SESSION_ENUM_UNION")]
pub enum SessionEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<SessionInfo0Container>),
    /// `Level1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<SessionInfo1Container>),
    /// `Level2`.
    #[ndr(case = 2)]
    L2(#[ndr(unique)] Option<SessionInfo2Container>),
    /// `Level10`.
    #[ndr(case = 10)]
    L10(#[ndr(unique)] Option<SessionInfo10Container>),
    /// `Level502`.
    #[ndr(case = 502)]
    L502(#[ndr(unique)] Option<SessionInfo502Container>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `SESSION_ENUM_STRUCT` (\[MS-SRVS\] 2.2.4.21): the level and its container.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SESSION_ENUM_STRUCT")]
pub struct SessionEnumStruct {
    /// `Level`: 0, 1, 2, 10 or 502.
    pub level: u32,
    /// `SessionInfo`.
    #[ndr(switch_is(level))]
    pub session_info: SessionEnumUnion,
}

impl SessionEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container.
    pub fn request(level: u32) -> Self {
        let session_info = match level {
            0 => SessionEnumUnion::L0(Some(SessionInfo0Container::default())),
            1 => SessionEnumUnion::L1(Some(SessionInfo1Container::default())),
            2 => SessionEnumUnion::L2(Some(SessionInfo2Container::default())),
            10 => SessionEnumUnion::L10(Some(SessionInfo10Container::default())),
            502 => SessionEnumUnion::L502(Some(SessionInfo502Container::default())),
            other => SessionEnumUnion::Other(other),
        };
        Self {
            level,
            session_info,
        }
    }
}
