//! The Security Account Manager, `samr` (\[MS-SAMR\]): interface
//! `12345778-1234-abcd-ef00-0123456789ac` v1.0 on `\PIPE\samr`, `ms_union`,
//! `pointer_default(unique)`.
//!
//! **Partial.** So far this module holds the hardest types the user and group
//! families will need, declared ahead of them to prove the NDR design (issue
//! "wire stack"): `SAMPR_USER_ALL_INFORMATION` (2.2.6.6) behind the
//! `SAMPR_USER_INFO_BUFFER` union (2.2.6.29, levels 1 and 21), SID arrays
//! (2.2.3.5–2.2.3.6) and context handles, and the three calls captured as
//! golden vectors from Samba 4.17 (`tests/hard_types/`). The rest of the
//! interface lands with the NetUser / NetGroup / NetLocalGroup families.
//!
//! Field names are the IDL member names in snake case; parameters keep the
//! spec's spelling. Statuses are NTSTATUS values.

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::{ContextHandle, OldLargeInteger, RpcSid, RpcUnicodeString};

wire_enum! {
    /// `USER_INFORMATION_CLASS` (\[MS-SAMR\] 2.2.6.28): an NDR enum, 16 bits.
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

/// `RPC_SHORT_BLOB` (\[MS-SAMR\] 2.2.2.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
pub struct RpcShortBlob {
    /// `Length`.
    pub length: u16,
    /// `MaximumLength`.
    pub maximum_length: u16,
    /// `Buffer`.
    #[ndr(unique, size_is(maximum_length / 2), length_is(length / 2))]
    pub buffer: Option<Vec<u16>>,
}

/// `SAMPR_SR_SECURITY_DESCRIPTOR` (\[MS-SAMR\] 2.2.3.11).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
pub struct SamprSrSecurityDescriptor {
    /// `Length`.
    #[ndr(range(0, 256 * 1024))]
    pub length: u32,
    /// `SecurityDescriptor`.
    #[ndr(unique, size_is(length))]
    pub security_descriptor: Option<Vec<u8>>,
}

/// `SAMPR_LOGON_HOURS` (\[MS-SAMR\] 2.2.6.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
pub struct SamprLogonHours {
    /// `UnitsPerWeek`.
    pub units_per_week: u16,
    /// `LogonHours`.
    #[ndr(unique, size_is(1260), length_is((units_per_week + 7) / 8))]
    pub logon_hours: Option<Vec<u8>>,
}

/// `SAMPR_USER_ALL_INFORMATION` (\[MS-SAMR\] 2.2.6.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
pub struct SamprUserAllInformation {
    /// `LastLogon`.
    pub last_logon: OldLargeInteger,
    /// `LastLogoff`.
    pub last_logoff: OldLargeInteger,
    /// `PasswordLastSet`.
    pub password_last_set: OldLargeInteger,
    /// `AccountExpires`.
    pub account_expires: OldLargeInteger,
    /// `PasswordCanChange`.
    pub password_can_change: OldLargeInteger,
    /// `PasswordMustChange`.
    pub password_must_change: OldLargeInteger,
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
    /// `HomeDirectory`.
    pub home_directory: RpcUnicodeString,
    /// `HomeDirectoryDrive`.
    pub home_directory_drive: RpcUnicodeString,
    /// `ScriptPath`.
    pub script_path: RpcUnicodeString,
    /// `ProfilePath`.
    pub profile_path: RpcUnicodeString,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
    /// `WorkStations`.
    pub work_stations: RpcUnicodeString,
    /// `UserComment`.
    pub user_comment: RpcUnicodeString,
    /// `Parameters`.
    pub parameters: RpcUnicodeString,
    /// `LmOwfPassword`.
    pub lm_owf_password: RpcShortBlob,
    /// `NtOwfPassword`.
    pub nt_owf_password: RpcShortBlob,
    /// `PrivateData`.
    pub private_data: RpcUnicodeString,
    /// `SecurityDescriptor`.
    pub security_descriptor: SamprSrSecurityDescriptor,
    /// `UserId`.
    pub user_id: u32,
    /// `PrimaryGroupId`.
    pub primary_group_id: u32,
    /// `UserAccountControl`.
    pub user_account_control: u32,
    /// `WhichFields`.
    pub which_fields: u32,
    /// `LogonHours`.
    pub logon_hours: SamprLogonHours,
    /// `BadPasswordCount`.
    pub bad_password_count: u16,
    /// `LogonCount`.
    pub logon_count: u16,
    /// `CountryCode`.
    pub country_code: u16,
    /// `CodePage`.
    pub code_page: u16,
    /// `LmPasswordPresent`.
    pub lm_password_present: u8,
    /// `NtPasswordPresent`.
    pub nt_password_present: u8,
    /// `PasswordExpired`.
    pub password_expired: u8,
    /// `PrivateDataSensitive`.
    pub private_data_sensitive: u8,
}

/// `SAMPR_USER_GENERAL_INFORMATION` (\[MS-SAMR\] 2.2.6.7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
pub struct SamprUserGeneralInformation {
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
    /// `PrimaryGroupId`.
    pub primary_group_id: u32,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
    /// `UserComment`.
    pub user_comment: RpcUnicodeString,
}

/// `SAMPR_USER_INFO_BUFFER` (\[MS-SAMR\] 2.2.6.29), a few arms. The IDL has
/// no default arm, so an unlisted level is a decode error. The large arm
/// is boxed (`Box<T>` marshals as `T`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = UserInformationClass)]
pub enum SamprUserInfoBuffer {
    /// `UserGeneralInformation` (level 1).
    #[ndr(case = UserInformationClass::USER_GENERAL_INFORMATION)]
    General(SamprUserGeneralInformation),
    /// `UserAllInformation` (level 21).
    #[ndr(case = UserInformationClass::USER_ALL_INFORMATION)]
    All(Box<SamprUserAllInformation>),
}

/// `SAMPR_SID_INFORMATION` (\[MS-SAMR\] 2.2.3.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct SamprSidInformation {
    /// `SidPointer`.
    #[ndr(unique)]
    pub sid_pointer: Option<RpcSid>,
}

/// `SAMPR_PSID_ARRAY` (\[MS-SAMR\] 2.2.3.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct SamprPsidArray {
    /// `Count`.
    #[ndr(range(0, 1024))]
    pub count: u32,
    /// `Sids`.
    #[ndr(unique, size_is(count))]
    pub sids: Option<Vec<SamprSidInformation>>,
}

/// `SAMPR_ULONG_ARRAY` (\[MS-SAMR\] appendix A IDL).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct SamprUlongArray {
    /// `Count`.
    pub count: u32,
    /// `Element`.
    #[ndr(unique, size_is(count))]
    pub element: Option<Vec<u32>>,
}

/// `SamrOpenUser` request (\[MS-SAMR\] 3.1.5.1.9, opnum 34).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenUserRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DesiredAccess`.
    pub desired_access: u32,
    /// `UserId`.
    pub user_id: u32,
}

/// `SamrOpenUser` response.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenUserResponse {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryInformationUser2` request (\[MS-SAMR\] 3.1.5.5.5, opnum 47).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationUser2Request {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// `UserInformationClass`.
    pub user_information_class: UserInformationClass,
}

/// `SamrQueryInformationUser2` response: `\[out, switch_is(UserInformationClass)]
/// PSAMPR_USER_INFO_BUFFER* Buffer` is a top-level ref to a unique pointer;
/// the \[in\] class is not in the response, so the union describes itself.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationUser2Response {
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprUserInfoBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrGetAliasMembership` request (\[MS-SAMR\] 3.1.5.9.2, opnum 16).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetAliasMembershipRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `SidArray`.
    pub sid_array: SamprPsidArray,
}

/// `SamrGetAliasMembership` response.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetAliasMembershipResponse {
    /// `Membership`.
    pub membership: SamprUlongArray,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

crate::calls! {
    /// The SAM remote protocol (\[MS-SAMR\] 1.9); its methods return an
    /// NTSTATUS.
    interface Samr {
        name: "samr",
        uuid: "12345778-1234-abcd-ef00-0123456789ac",
        version: (1, 0),
        pipe: "samr",
        status: NtStatus,
    }
    16 => SamrGetAliasMembership(SamrGetAliasMembershipRequest) -> SamrGetAliasMembershipResponse,
    34 => SamrOpenUser(SamrOpenUserRequest) -> SamrOpenUserResponse,
    47 => SamrQueryInformationUser2(SamrQueryInformationUser2Request) -> SamrQueryInformationUser2Response,
}
