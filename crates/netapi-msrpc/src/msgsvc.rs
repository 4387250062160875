//! The Messenger service remote protocol (\[MS-MSRP\]): the recipient-name interface
//! `17fdd703-1827-4e34-79d4-24a55c53bb37` v1.0 on `\PIPE\msgsvc` (3.1.4), whose methods return
//! a Win32 code.
//!
//! Declared: NetrMessageNameAdd (3.1.4.1, opnum 0), NetrMessageNameEnum (3.1.4.2, opnum 1),
//! NetrMessageNameDel (3.1.4.4, opnum 3) and the `MSG_INFO_*` types (2.2.5). Left out:
//! NetrMessageNameGetInfo (no win32net function) and the message delivery interface
//! (`5a7b91f8-...`, NetrSendMessage over `ncadg_ip_udp`, 3.2.4.1), which needs connectionless
//! RPC. quirk(samba-4.17): no Samba role has the pipe (`STATUS_OBJECT_NAME_NOT_FOUND`).

use netapi_ndr::Ndr;

/// `ERROR_MORE_DATA`: one page, more follow.
const MORE: u32 = netapi_codes::WinError::ERROR_MORE_DATA.0;

/// `MSG_INFO_0` (\[MS-MSRP\] 2.2.5.1): a recipient name.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "MSG_INFO_0")]
pub struct MsgInfo0 {
    /// `msgi0_name`.
    #[ndr(unique, string)]
    pub name: Option<String>,
}

/// `MSG_INFO_1` (\[MS-MSRP\] 2.2.5.2): a recipient name and its (unsupported) forwarding.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "MSG_INFO_1")]
pub struct MsgInfo1 {
    /// `msgi1_name`.
    #[ndr(unique, string)]
    pub name: Option<String>,
    /// `msgi1_forward_flag`: 0.
    pub forward_flag: u32,
    /// `msgi1_forward`: NULL.
    #[ndr(unique, string)]
    pub forward: Option<String>,
}

/// `MSG_INFO_0_CONTAINER` (\[MS-MSRP\] 2.2.5.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "MSG_INFO_0_CONTAINER")]
pub struct MsgInfo0Container {
    /// `EntriesRead`.
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<MsgInfo0>>,
}

/// `MSG_INFO_1_CONTAINER` (\[MS-MSRP\] 2.2.5.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "MSG_INFO_1_CONTAINER")]
pub struct MsgInfo1Container {
    /// `EntriesRead`.
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<MsgInfo1>>,
}

/// `MSG_ENUM_UNION` (\[MS-MSRP\] 2.2.5.5), selected by [`MsgEnumStruct::level`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "MSG_ENUM_UNION")]
pub enum MsgEnumUnion {
    /// `Level0`.
    #[ndr(case = 0)]
    L0(#[ndr(unique)] Option<MsgInfo0Container>),
    /// `Level1`.
    #[ndr(case = 1)]
    L1(#[ndr(unique)] Option<MsgInfo1Container>),
    /// Any other level: the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `MSG_ENUM_STRUCT` (\[MS-MSRP\] 2.2.5.5): the level and its container.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "MSG_ENUM_STRUCT")]
pub struct MsgEnumStruct {
    /// `Level`: 0 or 1.
    pub level: u32,
    /// `MsgInfo`.
    #[ndr(switch_is(level))]
    pub msg_info: MsgEnumUnion,
}

impl MsgEnumStruct {
    /// The `[in]` form a client sends: `level` with an empty container.
    pub fn request(level: u32) -> Self {
        let msg_info = match level {
            0 => MsgEnumUnion::L0(Some(MsgInfo0Container::default())),
            1 => MsgEnumUnion::L1(Some(MsgInfo1Container::default())),
            other => MsgEnumUnion::Other(other),
        };
        Self { level, msg_info }
    }
}

/// `NetrMessageNameAdd` request (\[MS-MSRP\] 3.1.4.1, opnum 0).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrMessageNameAddRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `MsgName`: the recipient name to add.
    #[ndr(string)]
    pub msg_name: String,
}

/// `NetrMessageNameAdd` response.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrMessageNameAddResponse {
    /// Return value.
    pub status: u32,
}

/// `NetrMessageNameEnum` request (\[MS-MSRP\] 3.1.4.2, opnum 1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrMessageNameEnumRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `InfoStruct`: the level with an empty container.
    pub info_struct: MsgEnumStruct,
    /// `PrefMaxLen`.
    pub pref_max_len: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
}

/// `NetrMessageNameEnum` response.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrMessageNameEnumResponse {
    /// `InfoStruct`.
    pub info_struct: MsgEnumStruct,
    /// `TotalEntries`.
    pub total_entries: u32,
    /// `ResumeHandle`.
    #[ndr(unique)]
    pub resume_handle: Option<u32>,
    /// Return value.
    pub status: u32,
}

/// `NetrMessageNameDel` request (\[MS-MSRP\] 3.1.4.4, opnum 3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrMessageNameDelRequest {
    /// `ServerName`.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `MsgName`: the recipient name to remove.
    #[ndr(string)]
    pub msg_name: String,
}

/// `NetrMessageNameDel` response.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct NetrMessageNameDelResponse {
    /// Return value.
    pub status: u32,
}

crate::calls! {
    /// The Messenger service's recipient-name interface (\[MS-MSRP\] 2.1.1, 3.1.4).
    interface Msgsvc {
        name: "msgsvc",
        uuid: "17fdd703-1827-4e34-79d4-24a55c53bb37",
        version: (1, 0),
        pipe: "msgsvc",
        status: Win32,
    }
    0 => NetrMessageNameAdd(NetrMessageNameAddRequest) -> NetrMessageNameAddResponse,
    1 => NetrMessageNameEnum(NetrMessageNameEnumRequest) -> NetrMessageNameEnumResponse { more: MORE },
    3 => NetrMessageNameDel(NetrMessageNameDelRequest) -> NetrMessageNameDelResponse,
}
