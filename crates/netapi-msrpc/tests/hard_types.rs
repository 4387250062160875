//! The hardest types of the coming interface families, declared in IDL form
//! to prove the NDR design before the families are built ([MS-SAMR] 2.2.6.6
//! `SAMPR_USER_ALL_INFORMATION`, 2.2.6.29 `SAMPR_USER_INFO_BUFFER`; [MS-LSAT]
//! 2.2 SID lookup structures; [MS-WKST] 2.2.4.1 `WKSTA_INFO`, 2.2.5.x
//! `WKSTA_INFO_1xx/502`; [MS-DTYP] `RPC_SID`, `RPC_UNICODE_STRING`).
//!
//! Only the calls captured as golden vectors are declared. Tests live in
//! `hard_types/`: golden vectors (Samba 4.17), round trips and hostile input.

#![allow(dead_code)]

mod common;
#[path = "hard_types/golden.rs"]
mod golden;
#[path = "hard_types/roundtrip.rs"]
mod roundtrip;

use netapi_msrpc::dtyp::{ContextHandle, OldLargeInteger, RpcSid, RpcUnicodeString};
use netapi_ndr::{Ndr, wire_enum};

/// [MS-SAMR] types and calls (`ms_union`, `pointer_default(unique)`).
pub mod samr {
    use super::*;

    wire_enum! {
        /// `USER_INFORMATION_CLASS` ([MS-SAMR] 2.2.6.28): an NDR enum, 16 bits.
        pub struct UserInformationClass(u16) {
            /// `UserGeneralInformation`.
            USER_GENERAL_INFORMATION = 1,
            /// `UserPreferencesInformation`.
            USER_PREFERENCES_INFORMATION = 2,
            /// `UserLogonInformation`.
            USER_LOGON_INFORMATION = 3,
            /// `UserAllInformation`.
            USER_ALL_INFORMATION = 21,
        }
    }

    /// `RPC_SHORT_BLOB` ([MS-SAMR] 2.2.2.4).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
    pub struct RpcShortBlob {
        pub length: u16,
        pub maximum_length: u16,
        #[ndr(unique, size_is(maximum_length / 2), length_is(length / 2))]
        pub buffer: Option<Vec<u16>>,
    }

    /// `SAMPR_SR_SECURITY_DESCRIPTOR` ([MS-SAMR] 2.2.3.11).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
    pub struct SamprSrSecurityDescriptor {
        #[ndr(range(0, 256 * 1024))]
        pub length: u32,
        #[ndr(unique, size_is(length))]
        pub security_descriptor: Option<Vec<u8>>,
    }

    /// `SAMPR_LOGON_HOURS` ([MS-SAMR] 2.2.6.5).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
    pub struct SamprLogonHours {
        pub units_per_week: u16,
        #[ndr(unique, size_is(1260), length_is((units_per_week + 7) / 8))]
        pub logon_hours: Option<Vec<u8>>,
    }

    /// `SAMPR_USER_ALL_INFORMATION` ([MS-SAMR] 2.2.6.6).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
    pub struct SamprUserAllInformation {
        pub last_logon: OldLargeInteger,
        pub last_logoff: OldLargeInteger,
        pub password_last_set: OldLargeInteger,
        pub account_expires: OldLargeInteger,
        pub password_can_change: OldLargeInteger,
        pub password_must_change: OldLargeInteger,
        pub user_name: RpcUnicodeString,
        pub full_name: RpcUnicodeString,
        pub home_directory: RpcUnicodeString,
        pub home_directory_drive: RpcUnicodeString,
        pub script_path: RpcUnicodeString,
        pub profile_path: RpcUnicodeString,
        pub admin_comment: RpcUnicodeString,
        pub work_stations: RpcUnicodeString,
        pub user_comment: RpcUnicodeString,
        pub parameters: RpcUnicodeString,
        pub lm_owf_password: RpcShortBlob,
        pub nt_owf_password: RpcShortBlob,
        pub private_data: RpcUnicodeString,
        pub security_descriptor: SamprSrSecurityDescriptor,
        pub user_id: u32,
        pub primary_group_id: u32,
        pub user_account_control: u32,
        pub which_fields: u32,
        pub logon_hours: SamprLogonHours,
        pub bad_password_count: u16,
        pub logon_count: u16,
        pub country_code: u16,
        pub code_page: u16,
        pub lm_password_present: u8,
        pub nt_password_present: u8,
        pub password_expired: u8,
        pub private_data_sensitive: u8,
    }

    /// `SAMPR_USER_GENERAL_INFORMATION` ([MS-SAMR] 2.2.6.7).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
    pub struct SamprUserGeneralInformation {
        pub user_name: RpcUnicodeString,
        pub full_name: RpcUnicodeString,
        pub primary_group_id: u32,
        pub admin_comment: RpcUnicodeString,
        pub user_comment: RpcUnicodeString,
    }

    /// `SAMPR_USER_INFO_BUFFER` ([MS-SAMR] 2.2.6.29), a few arms. The IDL has
    /// no default arm, so an unlisted level is a decode error. The large arm
    /// is boxed (`Box<T>` marshals as `T`).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(switch_type = UserInformationClass)]
    pub enum SamprUserInfoBuffer {
        #[ndr(case = UserInformationClass::USER_GENERAL_INFORMATION)]
        General(SamprUserGeneralInformation),
        #[ndr(case = UserInformationClass::USER_ALL_INFORMATION)]
        All(Box<SamprUserAllInformation>),
    }

    /// `SAMPR_SID_INFORMATION` ([MS-SAMR] 2.2.3.5).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct SamprSidInformation {
        #[ndr(unique)]
        pub sid_pointer: Option<RpcSid>,
    }

    /// `SAMPR_PSID_ARRAY` ([MS-SAMR] 2.2.3.6).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct SamprPsidArray {
        #[ndr(range(0, 1024))]
        pub count: u32,
        #[ndr(unique, size_is(count))]
        pub sids: Option<Vec<SamprSidInformation>>,
    }

    /// `SAMPR_ULONG_ARRAY` ([MS-SAMR] appendix A IDL).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct SamprUlongArray {
        pub count: u32,
        #[ndr(unique, size_is(count))]
        pub element: Option<Vec<u32>>,
    }

    /// `SamrOpenUser` request ([MS-SAMR] 3.1.5.1.9, opnum 34).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct SamrOpenUserRequest {
        pub domain_handle: ContextHandle,
        pub desired_access: u32,
        pub user_id: u32,
    }

    /// `SamrOpenUser` response.
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct SamrOpenUserResponse {
        pub user_handle: ContextHandle,
        pub status: u32,
    }

    /// `SamrQueryInformationUser2` request ([MS-SAMR] 3.1.5.5.5, opnum 47).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct SamrQueryInformationUser2Request {
        pub user_handle: ContextHandle,
        pub user_information_class: UserInformationClass,
    }

    /// `SamrQueryInformationUser2` response: `[out, switch_is(UserInformationClass)]
    /// PSAMPR_USER_INFO_BUFFER* Buffer` is a top-level ref to a unique pointer;
    /// the [in] class is not in the response, so the union describes itself.
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct SamrQueryInformationUser2Response {
        #[ndr(unique)]
        pub buffer: Option<SamprUserInfoBuffer>,
        pub status: u32,
    }

    /// `SamrGetAliasMembership` request ([MS-SAMR] 3.1.5.9.2, opnum 16).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct SamrGetAliasMembershipRequest {
        pub domain_handle: ContextHandle,
        pub sid_array: SamprPsidArray,
    }

    /// `SamrGetAliasMembership` response.
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct SamrGetAliasMembershipResponse {
        pub membership: SamprUlongArray,
        pub status: u32,
    }
}

/// [MS-LSAT] types and calls.
pub mod lsat {
    use super::*;

    wire_enum! {
        /// `SID_NAME_USE` ([MS-LSAT] 2.2.13): an NDR enum, 16 bits.
        pub struct SidNameUse(u16) {
            /// A user.
            SID_TYPE_USER = 1,
            /// A group.
            SID_TYPE_GROUP = 2,
            /// A domain.
            SID_TYPE_DOMAIN = 3,
            /// An alias.
            SID_TYPE_ALIAS = 4,
            /// A well-known group.
            SID_TYPE_WELL_KNOWN_GROUP = 5,
            /// A deleted account.
            SID_TYPE_DELETED_ACCOUNT = 6,
            /// Invalid.
            SID_TYPE_INVALID = 7,
            /// Unknown.
            SID_TYPE_UNKNOWN = 8,
            /// A computer.
            SID_TYPE_COMPUTER = 9,
            /// A label.
            SID_TYPE_LABEL = 10,
        }
    }

    wire_enum! {
        /// `LSAP_LOOKUP_LEVEL` ([MS-LSAT] 2.2.16): an NDR enum, 16 bits.
        pub struct LsapLookupLevel(u16) {
            /// `LsapLookupWksta`.
            LSAP_LOOKUP_WKSTA = 1,
        }
    }

    /// `LSAPR_SID_INFORMATION` ([MS-LSAT] 2.2.17).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaprSidInformation {
        #[ndr(unique)]
        pub sid: Option<RpcSid>,
    }

    /// `LSAPR_SID_ENUM_BUFFER` ([MS-LSAT] 2.2.18).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaprSidEnumBuffer {
        #[ndr(range(0, 20480))]
        pub entries: u32,
        #[ndr(unique, size_is(entries))]
        pub sid_info: Option<Vec<LsaprSidInformation>>,
    }

    /// `LSAPR_TRUST_INFORMATION` ([MS-LSAT] 2.2.11 / [MS-LSAD] 2.2.7.1).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaprTrustInformation {
        pub name: RpcUnicodeString,
        #[ndr(unique)]
        pub sid: Option<RpcSid>,
    }

    /// `LSAPR_REFERENCED_DOMAIN_LIST` ([MS-LSAT] 2.2.12).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaprReferencedDomainList {
        pub entries: u32,
        #[ndr(unique, size_is(entries))]
        pub domains: Option<Vec<LsaprTrustInformation>>,
        pub max_entries: u32,
    }

    /// `LSAPR_TRANSLATED_NAME` ([MS-LSAT] 2.2.19).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaprTranslatedName {
        pub r#use: SidNameUse,
        pub name: RpcUnicodeString,
        pub domain_index: i32,
    }

    /// `LSAPR_TRANSLATED_NAMES` ([MS-LSAT] 2.2.20).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaprTranslatedNames {
        #[ndr(range(0, 20480))]
        pub entries: u32,
        #[ndr(unique, size_is(entries))]
        pub names: Option<Vec<LsaprTranslatedName>>,
    }

    /// `LSA_TRANSLATED_SID` ([MS-LSAT] 2.2.14).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaTranslatedSid {
        pub r#use: SidNameUse,
        pub relative_id: u32,
        pub domain_index: i32,
    }

    /// `LSAPR_TRANSLATED_SIDS` ([MS-LSAT] 2.2.15).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct LsaprTranslatedSids {
        #[ndr(range(0, 1000))]
        pub entries: u32,
        #[ndr(unique, size_is(entries))]
        pub sids: Option<Vec<LsaTranslatedSid>>,
    }

    /// `LsarLookupSids` request ([MS-LSAT] 3.1.4.11, opnum 15).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct LsarLookupSidsRequest {
        pub policy_handle: ContextHandle,
        pub sid_enum_buffer: LsaprSidEnumBuffer,
        pub translated_names: LsaprTranslatedNames,
        pub lookup_level: LsapLookupLevel,
        pub mapped_count: u32,
    }

    /// `LsarLookupSids` response.
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct LsarLookupSidsResponse {
        #[ndr(unique)]
        pub referenced_domains: Option<LsaprReferencedDomainList>,
        pub translated_names: LsaprTranslatedNames,
        pub mapped_count: u32,
        pub status: u32,
    }

    /// `LsarLookupNames` request ([MS-LSAT] 3.1.4.8, opnum 14).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct LsarLookupNamesRequest {
        pub policy_handle: ContextHandle,
        #[ndr(range(0, 1000))]
        pub count: u32,
        #[ndr(size_is(count))]
        pub names: Vec<RpcUnicodeString>,
        pub translated_sids: LsaprTranslatedSids,
        pub lookup_level: LsapLookupLevel,
        pub mapped_count: u32,
    }

    /// `LsarLookupNames` response.
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct LsarLookupNamesResponse {
        #[ndr(unique)]
        pub referenced_domains: Option<LsaprReferencedDomainList>,
        pub translated_sids: LsaprTranslatedSids,
        pub mapped_count: u32,
        pub status: u32,
    }
}

/// [MS-WKST] types and calls.
pub mod wkssvc {
    use super::*;

    /// `WKSTA_INFO_100` ([MS-WKST] 2.2.5.1).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct WkstaInfo100 {
        pub platform_id: u32,
        #[ndr(unique, string)]
        pub computername: Option<String>,
        #[ndr(unique, string)]
        pub langroup: Option<String>,
        pub ver_major: u32,
        pub ver_minor: u32,
    }

    /// `WKSTA_INFO_101` ([MS-WKST] 2.2.5.2).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct WkstaInfo101 {
        pub platform_id: u32,
        #[ndr(unique, string)]
        pub computername: Option<String>,
        #[ndr(unique, string)]
        pub langroup: Option<String>,
        pub ver_major: u32,
        pub ver_minor: u32,
        #[ndr(unique, string)]
        pub lanroot: Option<String>,
    }

    /// `WKSTA_INFO_102` ([MS-WKST] 2.2.5.3).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    pub struct WkstaInfo102 {
        pub platform_id: u32,
        #[ndr(unique, string)]
        pub computername: Option<String>,
        #[ndr(unique, string)]
        pub langroup: Option<String>,
        pub ver_major: u32,
        pub ver_minor: u32,
        #[ndr(unique, string)]
        pub lanroot: Option<String>,
        pub logged_on_users: u32,
    }

    /// `WKSTA_INFO_502` ([MS-WKST] 2.2.5.4): 20 DWORDs, then 15 BOOLs as `long`.
    #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
    pub struct WkstaInfo502 {
        pub char_wait: u32,
        pub collection_time: u32,
        pub maximum_collection_count: u32,
        pub keep_conn: u32,
        pub max_cmds: u32,
        pub sess_timeout: u32,
        pub siz_char_buf: u32,
        pub max_threads: u32,
        pub lock_quota: u32,
        pub lock_increment: u32,
        pub lock_maximum: u32,
        pub pipe_increment: u32,
        pub pipe_maximum: u32,
        pub cache_file_timeout: u32,
        pub dormant_file_limit: u32,
        pub read_ahead_throughput: u32,
        pub num_mailslot_buffers: u32,
        pub num_srv_announce_buffers: u32,
        pub max_illegal_datagram_events: u32,
        pub illegal_datagram_event_reset_frequency: u32,
        pub log_election_packets: i32,
        pub use_opportunistic_locking: i32,
        pub use_unlock_behind: i32,
        pub use_close_behind: i32,
        pub buf_named_pipes: i32,
        pub use_lock_read_unlock: i32,
        pub utilize_nt_caching: i32,
        pub use_raw_read: i32,
        pub use_raw_write: i32,
        pub use_write_raw_data: i32,
        pub use_encryption: i32,
        pub buf_files_deny_write: i32,
        pub buf_read_only_files: i32,
        pub force_core_create_mode: i32,
        pub use_512_byte_max_transfer: i32,
    }

    /// `WKSTA_INFO` ([MS-WKST] 2.2.4.1); unknown levels kept (empty arm).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(switch_type = u32)]
    pub enum WkstaInfo {
        #[ndr(case = 100)]
        L100(#[ndr(unique)] Option<WkstaInfo100>),
        #[ndr(case = 101)]
        L101(#[ndr(unique)] Option<WkstaInfo101>),
        #[ndr(case = 102)]
        L102(#[ndr(unique)] Option<WkstaInfo102>),
        #[ndr(case = 502)]
        L502(#[ndr(unique)] Option<WkstaInfo502>),
        #[ndr(default)]
        Other(u32),
    }

    /// `NetrWkstaGetInfo` request ([MS-WKST] 3.2.4.1, opnum 0).
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct NetrWkstaGetInfoRequest {
        #[ndr(unique, string)]
        pub server_name: Option<String>,
        pub level: u32,
    }

    /// `NetrWkstaGetInfo` response: `[out, switch_is(Level)] LPWKSTA_INFO`
    /// (top-level ref: the union itself), then the WERROR.
    #[derive(Ndr, Debug, Clone, PartialEq, Eq)]
    #[ndr(params)]
    pub struct NetrWkstaGetInfoResponse {
        pub wksta_info: WkstaInfo,
        pub status: u32,
    }
}
