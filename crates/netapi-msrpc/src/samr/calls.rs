//! Server, domain and lookup calls (\[MS-SAMR\] 3.1.5), in opnum order:
//! connect and close, domain lookup, enumeration and policy, name/RID
//! lookups, display information, the handle-less password calls and
//! `SamrValidatePassword`. The group, alias and user calls are in
//! `account_calls.rs`; [`super::OPNUMS`] maps both to opnums.
//!
//! Each request holds the `[in]` parameters and each response the `[out]`
//! ones, in IDL order, then the NTSTATUS as `status`. A top-level `[ref]`
//! pointer is its referent (`name: RpcUnicodeString`); `[unique]` ones are
//! `Option`s; `[in,out]` parameters appear in both.

use netapi_ndr::Ndr;

use super::{
    DomainDisplayInformation, DomainInformationClass, EncryptedLmOwfPassword,
    EncryptedNtOwfPassword, PasswordPolicyValidationType, SAM_MAXIMUM_LOOKUP_COUNT,
    SamValidateInputArg, SamValidateOutputArg, SamprDisplayInfoBuffer, SamprDomainInfoBuffer,
    SamprEncryptedUserPassword, SamprEnumerationBuffer, SamprPsidArray, SamprReturnedUstringArray,
    SamprRevisionInfo, SamprUlongArray, UserDomainPasswordInformation,
};
use crate::dtyp::{ContextHandle, RpcSid, RpcUnicodeString};

/// `SamrCloseHandle` request (\[MS-SAMR\] 3.1.5.13.1, opnum 1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCloseHandleRequest {
    /// `SamHandle`: any SAMR handle.
    pub sam_handle: ContextHandle,
}

/// `SamrCloseHandle` response (\[MS-SAMR\] 3.1.5.13.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCloseHandleResponse {
    /// `SamHandle`: zeroed on success.
    pub sam_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrLookupDomainInSamServer` request (\[MS-SAMR\] 3.1.5.11.1, opnum 5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrLookupDomainInSamServerRequest {
    /// `ServerHandle`.
    pub server_handle: ContextHandle,
    /// `Name`: the domain's NetBIOS name, or `Builtin`.
    pub name: RpcUnicodeString,
}

/// `SamrLookupDomainInSamServer` response (\[MS-SAMR\] 3.1.5.11.1).
///
/// quirk(samba-4.17): for an unknown name the file server returns a
/// non-NULL, empty SID (`S-0-0`) with `STATUS_NO_SUCH_DOMAIN`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrLookupDomainInSamServerResponse {
    /// `DomainId`.
    #[ndr(unique)]
    pub domain_id: Option<RpcSid>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrEnumerateDomainsInSamServer` request (\[MS-SAMR\] 3.1.5.2.1, opnum 6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateDomainsInSamServerRequest {
    /// `ServerHandle`.
    pub server_handle: ContextHandle,
    /// `EnumerationContext`: 0 to start.
    pub enumeration_context: u32,
    /// `PreferedMaximumLength`: the page size the client prefers, in bytes (spec spelling).
    pub prefered_maximum_length: u32,
}

/// `SamrEnumerateDomainsInSamServer` response (\[MS-SAMR\] 3.1.5.2.1).
///
/// quirk(samba-4.17): after a complete enumeration the DC returns the
/// entry count as the context (the file server 0); only the status says
/// whether more follows.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateDomainsInSamServerResponse {
    /// `EnumerationContext`.
    pub enumeration_context: u32,
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprEnumerationBuffer>,
    /// `CountReturned`.
    pub count_returned: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrOpenDomain` request (\[MS-SAMR\] 3.1.5.1.5, opnum 7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenDomainRequest {
    /// `ServerHandle`.
    pub server_handle: ContextHandle,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
    /// `DomainId`.
    pub domain_id: RpcSid,
}

/// `SamrOpenDomain` response (\[MS-SAMR\] 3.1.5.1.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenDomainResponse {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryInformationDomain` request (\[MS-SAMR\] 3.1.5.5.2, opnum 8).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DomainInformationClass`.
    pub domain_information_class: DomainInformationClass,
}

/// `SamrQueryInformationDomain` response (\[MS-SAMR\] 3.1.5.5.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationDomainResponse {
    /// `Buffer`: `[out, switch_is(DomainInformationClass)]` under a `[ref]` pointer: the union
    /// carries its own discriminant.
    #[ndr(unique)]
    pub buffer: Option<SamprDomainInfoBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrSetInformationDomain` request (\[MS-SAMR\] 3.1.5.6.1, opnum 9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DomainInformationClass`.
    pub domain_information_class: DomainInformationClass,
    /// `DomainInformation`.
    #[ndr(switch_is(domain_information_class))]
    pub domain_information: SamprDomainInfoBuffer,
}

/// `SamrSetInformationDomain` response (\[MS-SAMR\] 3.1.5.6.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationDomainResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrEnumerateGroupsInDomain` request (\[MS-SAMR\] 3.1.5.2.3, opnum 11).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateGroupsInDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `EnumerationContext`: 0 to start.
    pub enumeration_context: u32,
    /// `PreferedMaximumLength`.
    pub prefered_maximum_length: u32,
}

/// `SamrEnumerateGroupsInDomain` response (\[MS-SAMR\] 3.1.5.2.3).
///
/// `STATUS_MORE_ENTRIES` (0x105) means another page follows from
/// `enumeration_context`. quirk(samba-4.17): after a complete enumeration
/// the file server returns the entry count as the context (the DC 0).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateGroupsInDomainResponse {
    /// `EnumerationContext`.
    pub enumeration_context: u32,
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprEnumerationBuffer>,
    /// `CountReturned`.
    pub count_returned: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrEnumerateUsersInDomain` request (\[MS-SAMR\] 3.1.5.2.5, opnum 13).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateUsersInDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `EnumerationContext`: 0 to start.
    pub enumeration_context: u32,
    /// `UserAccountControl`: only accounts with one of these [`super::account_control`] bits; 0
    /// for all.
    pub user_account_control: u32,
    /// `PreferedMaximumLength`.
    pub prefered_maximum_length: u32,
}

/// `SamrEnumerateUsersInDomain` response (\[MS-SAMR\] 3.1.5.2.5).
///
/// `STATUS_MORE_ENTRIES` (0x105) means another page follows.
/// quirk(samba-4.17): the file server ignores `PreferedMaximumLength`,
/// answers every account at once and returns their count as the context.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateUsersInDomainResponse {
    /// `EnumerationContext`.
    pub enumeration_context: u32,
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprEnumerationBuffer>,
    /// `CountReturned`.
    pub count_returned: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrEnumerateAliasesInDomain` request (\[MS-SAMR\] 3.1.5.2.4, opnum 15).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateAliasesInDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `EnumerationContext`: 0 to start.
    pub enumeration_context: u32,
    /// `PreferedMaximumLength`.
    pub prefered_maximum_length: u32,
}

/// `SamrEnumerateAliasesInDomain` response (\[MS-SAMR\] 3.1.5.2.4).
///
/// quirk(samba-4.17): as for groups, the file server returns the entry
/// count as the context after a complete enumeration.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrEnumerateAliasesInDomainResponse {
    /// `EnumerationContext`.
    pub enumeration_context: u32,
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprEnumerationBuffer>,
    /// `CountReturned`.
    pub count_returned: u32,
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

/// `SamrGetAliasMembership` response (\[MS-SAMR\] 3.1.5.9.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetAliasMembershipResponse {
    /// `Membership`: RIDs of the aliases (in the handle's domain).
    pub membership: SamprUlongArray,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrLookupNamesInDomain` request (\[MS-SAMR\] 3.1.5.11.2, opnum 17).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrLookupNamesInDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `Count`.
    #[ndr(range(0, SAM_MAXIMUM_LOOKUP_COUNT))]
    pub count: u32,
    /// `Names`: `[size_is(1000), length_is(Count)]`: `max_count` is always 1000.
    #[ndr(size_is(1000), length_is(count))]
    pub names: Vec<RpcUnicodeString>,
}

/// `SamrLookupNamesInDomain` response (\[MS-SAMR\] 3.1.5.11.2).
///
/// `STATUS_SOME_NOT_MAPPED` (0x107) and `STATUS_NONE_MAPPED` (0xC0000073)
/// say which names were not found (use `SidTypeUnknown`; quirk(samba-4.17):
/// RID 0 from the DC, 0xFFFFFFFF from the file server).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrLookupNamesInDomainResponse {
    /// `RelativeIds`.
    pub relative_ids: SamprUlongArray,
    /// `Use`: a [`super::SidNameUse`] per name.
    pub r#use: SamprUlongArray,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrLookupIdsInDomain` request (\[MS-SAMR\] 3.1.5.11.3, opnum 18).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrLookupIdsInDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `Count`.
    #[ndr(range(0, SAM_MAXIMUM_LOOKUP_COUNT))]
    pub count: u32,
    /// `RelativeIds`: `[size_is(1000), length_is(Count)]` under a `[ref]` pointer.
    #[ndr(size_is(1000), length_is(count))]
    pub relative_ids: Vec<u32>,
}

/// `SamrLookupIdsInDomain` response (\[MS-SAMR\] 3.1.5.11.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrLookupIdsInDomainResponse {
    /// `Names`.
    pub names: SamprReturnedUstringArray,
    /// `Use`.
    pub r#use: SamprUlongArray,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryDisplayInformation` request (\[MS-SAMR\] 3.1.5.3.3, opnum 40).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryDisplayInformationRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DisplayInformationClass`.
    pub display_information_class: DomainDisplayInformation,
    /// `Index`: the first entry (the `Index` of the previous page's last entry + 1).
    pub index: u32,
    /// `EntryCount`.
    pub entry_count: u32,
    /// `PreferredMaximumLength`.
    pub preferred_maximum_length: u32,
}

/// `SamrQueryDisplayInformation` response (\[MS-SAMR\] 3.1.5.3.3).
///
/// `TotalAvailable` and `TotalReturned` are byte counts. quirk(samba-4.17):
/// the DC reports entry counts, the file server 64 and 3200 whatever it
/// returns; page by the entries' `Index`, not by these.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryDisplayInformationResponse {
    /// `TotalAvailable`.
    pub total_available: u32,
    /// `TotalReturned`.
    pub total_returned: u32,
    /// `Buffer`: `[out, switch_is(DisplayInformationClass)]` under a `[ref]` pointer: with its
    /// discriminant.
    pub buffer: SamprDisplayInfoBuffer,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryInformationDomain2` request (\[MS-SAMR\] 3.1.5.5.1, opnum 46).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationDomain2Request {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DomainInformationClass`.
    pub domain_information_class: DomainInformationClass,
}

/// `SamrQueryInformationDomain2` response (\[MS-SAMR\] 3.1.5.5.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationDomain2Response {
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprDomainInfoBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryDisplayInformation3` request (\[MS-SAMR\] 3.1.5.3.1, opnum 51).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryDisplayInformation3Request {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DisplayInformationClass`.
    pub display_information_class: DomainDisplayInformation,
    /// `Index`.
    pub index: u32,
    /// `EntryCount`.
    pub entry_count: u32,
    /// `PreferredMaximumLength`.
    pub preferred_maximum_length: u32,
}

/// `SamrQueryDisplayInformation3` response (\[MS-SAMR\] 3.1.5.3.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryDisplayInformation3Response {
    /// `TotalAvailable`.
    pub total_available: u32,
    /// `TotalReturned`.
    pub total_returned: u32,
    /// `Buffer`.
    pub buffer: SamprDisplayInfoBuffer,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrUnicodeChangePasswordUser2` request (\[MS-SAMR\] 3.1.5.10.3, opnum 55).
///
/// No handle: the binding handle is implicit. NetUserChangePassword sends it.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrUnicodeChangePasswordUser2Request {
    /// `ServerName`: ignored by servers.
    #[ndr(unique)]
    pub server_name: Option<RpcUnicodeString>,
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `NewPasswordEncryptedWithOldNt`.
    #[ndr(unique)]
    pub new_password_encrypted_with_old_nt: Option<SamprEncryptedUserPassword>,
    /// `OldNtOwfPasswordEncryptedWithNewNt`.
    #[ndr(unique)]
    pub old_nt_owf_password_encrypted_with_new_nt: Option<EncryptedNtOwfPassword>,
    /// `LmPresent`.
    pub lm_present: u8,
    /// `NewPasswordEncryptedWithOldLm`.
    #[ndr(unique)]
    pub new_password_encrypted_with_old_lm: Option<SamprEncryptedUserPassword>,
    /// `OldLmOwfPasswordEncryptedWithNewNt`.
    #[ndr(unique)]
    pub old_lm_owf_password_encrypted_with_new_nt: Option<EncryptedLmOwfPassword>,
}

/// `SamrUnicodeChangePasswordUser2` response (\[MS-SAMR\] 3.1.5.10.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrUnicodeChangePasswordUser2Response {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrGetDomainPasswordInformation` request (\[MS-SAMR\] 3.1.5.13.4, opnum 56).
///
/// No handle: the binding handle is implicit.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetDomainPasswordInformationRequest {
    /// `Unused`.
    #[ndr(unique)]
    pub unused: Option<RpcUnicodeString>,
}

/// `SamrGetDomainPasswordInformation` response (\[MS-SAMR\] 3.1.5.13.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetDomainPasswordInformationResponse {
    /// `PasswordInformation`.
    pub password_information: UserDomainPasswordInformation,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrConnect4` request (\[MS-SAMR\] 3.1.5.1.2, opnum 62).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrConnect4Request {
    /// `ServerName`: `\\name`; ignored by servers.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `ClientRevision`.
    pub client_revision: u32,
    /// `DesiredAccess`.
    pub desired_access: u32,
}

/// `SamrConnect4` response (\[MS-SAMR\] 3.1.5.1.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrConnect4Response {
    /// `ServerHandle`.
    pub server_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrConnect5` request (\[MS-SAMR\] 3.1.5.1.1, opnum 64).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrConnect5Request {
    /// `ServerName`: `\\name`; ignored by servers.
    #[ndr(unique, string)]
    pub server_name: Option<String>,
    /// `DesiredAccess`.
    pub desired_access: u32,
    /// `InVersion`: 1.
    pub in_version: u32,
    /// `InRevisionInfo`.
    #[ndr(switch_is(in_version))]
    pub in_revision_info: SamprRevisionInfo,
}

impl SamrConnect5Request {
    /// What a client asks for: no server name (servers ignore it), `MAXIMUM_ALLOWED`, and
    /// revision 3 with no optional features (\[MS-SAMR\] 3.1.5.1.1, 2.2.7.15).
    pub fn maximum_allowed() -> Self {
        SamrConnect5Request {
            server_name: None,
            desired_access: super::access::MAXIMUM_ALLOWED,
            in_version: 1,
            in_revision_info: SamprRevisionInfo::V1(super::SamprRevisionInfoV1 {
                revision: 3,
                supported_features: 0,
            }),
        }
    }
}

/// `SamrConnect5` response (\[MS-SAMR\] 3.1.5.1.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrConnect5Response {
    /// `OutVersion`.
    pub out_version: u32,
    /// `OutRevisionInfo`.
    #[ndr(switch_is(out_version))]
    pub out_revision_info: SamprRevisionInfo,
    /// `ServerHandle`.
    pub server_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrRidToSid` request (\[MS-SAMR\] 3.1.5.13.5, opnum 65).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrRidToSidRequest {
    /// `ObjectHandle`: a domain, group, alias or user handle.
    pub object_handle: ContextHandle,
    /// `Rid`.
    pub rid: u32,
}

/// `SamrRidToSid` response (\[MS-SAMR\] 3.1.5.13.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrRidToSidResponse {
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrValidatePassword` request (\[MS-SAMR\] 3.1.5.13.7, opnum 67).
///
/// Only over `ncacn_ip_tcp` with packet privacy (\[MS-SAMR\] 2.1); no handle.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrValidatePasswordRequest {
    /// `ValidationType`.
    pub validation_type: PasswordPolicyValidationType,
    /// `InputArg`.
    #[ndr(switch_is(validation_type))]
    pub input_arg: SamValidateInputArg,
}

/// `SamrValidatePassword` response (\[MS-SAMR\] 3.1.5.13.7).
///
/// quirk(samba-4.17): the DC answers `STATUS_NOT_SUPPORTED` for
/// `SamValidateAuthentication`; only the file server's missing TCP endpoint
/// keeps it from being asked there.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrValidatePasswordResponse {
    /// `OutputArg`.
    #[ndr(unique)]
    pub output_arg: Option<SamValidateOutputArg>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}
