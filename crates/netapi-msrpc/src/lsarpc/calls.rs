//! Request and response parameter lists (\[MS-LSAT\] 3.1.4, \[MS-LSAD\]
//! 3.1.4.4), in opnum order; [`super::OPNUMS`] maps them to opnums.
//!
//! Each request holds the `[in]` parameters and each response the `[out]`
//! ones, in IDL order, then the NTSTATUS as `status`. A top-level `[ref]`
//! pointer is its referent; `[unique]` ones are `Option`s; `[in,out]`
//! parameters appear in both. `STATUS_SOME_NOT_MAPPED` (0x107) is a success
//! with partial results, `STATUS_NONE_MAPPED` (0xC0000073) an error that
//! still carries them.

use netapi_ndr::Ndr;

use super::{
    LsapLookupLevel, LsaprObjectAttributes, LsaprPolicyInformation, LsaprReferencedDomainList,
    LsaprSidEnumBuffer, LsaprTranslatedNames, LsaprTranslatedNamesEx, LsaprTranslatedSids,
    LsaprTranslatedSidsEx, LsaprTranslatedSidsEx2, PolicyInformationClass,
};
use crate::dtyp::{ContextHandle, RpcUnicodeString};

/// `LsarClose` request (\[MS-LSAT\] 3.1.4.3, opnum 0).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarCloseRequest {
    /// `ObjectHandle`.
    pub object_handle: ContextHandle,
}

/// `LsarClose` response (\[MS-LSAT\] 3.1.4.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarCloseResponse {
    /// `ObjectHandle`: zeroed on success.
    pub object_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarQueryInformationPolicy` request (\[MS-LSAD\] 3.1.4.4.4, opnum 7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarQueryInformationPolicyRequest {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `InformationClass`.
    pub information_class: PolicyInformationClass,
}

/// `LsarQueryInformationPolicy` response (\[MS-LSAD\] 3.1.4.4.4).
///
/// quirk(samba-4.17): classes 9–11 give `STATUS_INVALID_PARAMETER`; the
/// file server answers `STATUS_INVALID_INFO_CLASS` for 12–14 with a
/// zeroed, non-NULL arm, and faults (`rpc_x_bad_stub_data`) on class 15,
/// which the DC refuses with `STATUS_INVALID_INFO_CLASS`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarQueryInformationPolicyResponse {
    /// `PolicyInformation`: `[out, switch_is(InformationClass)]` under a `[ref]` pointer: with
    /// its discriminant.
    #[ndr(unique)]
    pub policy_information: Option<LsaprPolicyInformation>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarLookupNames` request (\[MS-LSAT\] 3.1.4.8, opnum 14).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNamesRequest {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `Count`.
    #[ndr(range(0, 1000))]
    pub count: u32,
    /// `Names`.
    #[ndr(size_is(count))]
    pub names: Vec<RpcUnicodeString>,
    /// `TranslatedSids`: empty on the way in.
    pub translated_sids: LsaprTranslatedSids,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
}

/// `LsarLookupNames` response (\[MS-LSAT\] 3.1.4.8).
///
/// `STATUS_SOME_NOT_MAPPED` (0x107) is a success with partial results.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNamesResponse {
    /// `ReferencedDomains`.
    #[ndr(unique)]
    pub referenced_domains: Option<LsaprReferencedDomainList>,
    /// `TranslatedSids`.
    pub translated_sids: LsaprTranslatedSids,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarLookupSids` request (\[MS-LSAT\] 3.1.4.11, opnum 15).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupSidsRequest {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `SidEnumBuffer`.
    pub sid_enum_buffer: LsaprSidEnumBuffer,
    /// `TranslatedNames`: empty on the way in.
    pub translated_names: LsaprTranslatedNames,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
}

/// `LsarLookupSids` response (\[MS-LSAT\] 3.1.4.11).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupSidsResponse {
    /// `ReferencedDomains`.
    #[ndr(unique)]
    pub referenced_domains: Option<LsaprReferencedDomainList>,
    /// `TranslatedNames`.
    pub translated_names: LsaprTranslatedNames,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarOpenPolicy2` request (\[MS-LSAT\] 3.1.4.1, opnum 44).
///
/// quirk(samba-4.17): served on `\PIPE\lsarpc` only (not over TCP).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarOpenPolicy2Request {
    /// `SystemName`: ignored by servers.
    #[ndr(unique, string)]
    pub system_name: Option<String>,
    /// `ObjectAttributes`: zeroed.
    pub object_attributes: LsaprObjectAttributes,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
}

/// `LsarOpenPolicy2` response (\[MS-LSAT\] 3.1.4.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarOpenPolicy2Response {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarGetUserName` request (\[MS-LSAT\] 3.1.4.4, opnum 45).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarGetUserNameRequest {
    /// `SystemName`.
    #[ndr(unique, string)]
    pub system_name: Option<String>,
    /// `UserName`: `[in,out]` reference to a unique pointer; NULL on the way in.
    #[ndr(unique)]
    pub user_name: Option<RpcUnicodeString>,
    /// `DomainName`: `[in,out,unique]` pointer to a unique pointer: `Some(None)` asks for the
    /// domain name, `None` does not.
    #[ndr(unique, with = ::netapi_ndr::codec::Unique)]
    pub domain_name: Option<Option<RpcUnicodeString>>,
}

/// `LsarGetUserName` response (\[MS-LSAT\] 3.1.4.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarGetUserNameResponse {
    /// `UserName`.
    #[ndr(unique)]
    pub user_name: Option<RpcUnicodeString>,
    /// `DomainName`.
    #[ndr(unique, with = ::netapi_ndr::codec::Unique)]
    pub domain_name: Option<Option<RpcUnicodeString>>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarQueryInformationPolicy2` request (\[MS-LSAD\] 3.1.4.4.3, opnum 46).
///
/// quirk(samba-4.17): not implemented by the file server (fault
/// `nca_s_op_rng_error`); the DC answers it.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarQueryInformationPolicy2Request {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `InformationClass`.
    pub information_class: PolicyInformationClass,
}

/// `LsarQueryInformationPolicy2` response (\[MS-LSAD\] 3.1.4.4.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarQueryInformationPolicy2Response {
    /// `PolicyInformation`.
    #[ndr(unique)]
    pub policy_information: Option<LsaprPolicyInformation>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarLookupSids2` request (\[MS-LSAT\] 3.1.4.10, opnum 57).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupSids2Request {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `SidEnumBuffer`.
    pub sid_enum_buffer: LsaprSidEnumBuffer,
    /// `TranslatedNames`: empty on the way in.
    pub translated_names: LsaprTranslatedNamesEx,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// `LookupOptions`: 0 or [`super::LSA_LOOKUP_ISOLATED_AS_LOCAL`].
    pub lookup_options: u32,
    /// `ClientRevision`: 1 or 2 ([`super::LSA_CLIENT_REVISION_2`]).
    pub client_revision: u32,
}

/// `LsarLookupSids2` response (\[MS-LSAT\] 3.1.4.10).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupSids2Response {
    /// `ReferencedDomains`.
    #[ndr(unique)]
    pub referenced_domains: Option<LsaprReferencedDomainList>,
    /// `TranslatedNames`.
    pub translated_names: LsaprTranslatedNamesEx,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarLookupNames2` request (\[MS-LSAT\] 3.1.4.7, opnum 58).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNames2Request {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `Count`.
    #[ndr(range(0, 1000))]
    pub count: u32,
    /// `Names`.
    #[ndr(size_is(count))]
    pub names: Vec<RpcUnicodeString>,
    /// `TranslatedSids`: empty on the way in.
    pub translated_sids: LsaprTranslatedSidsEx,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// `LookupOptions`: 0 or [`super::LSA_LOOKUP_ISOLATED_AS_LOCAL`].
    pub lookup_options: u32,
    /// `ClientRevision`: 1 or 2 ([`super::LSA_CLIENT_REVISION_2`]).
    pub client_revision: u32,
}

/// `LsarLookupNames2` response (\[MS-LSAT\] 3.1.4.7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNames2Response {
    /// `ReferencedDomains`.
    #[ndr(unique)]
    pub referenced_domains: Option<LsaprReferencedDomainList>,
    /// `TranslatedSids`.
    pub translated_sids: LsaprTranslatedSidsEx,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarLookupNames3` request (\[MS-LSAT\] 3.1.4.6, opnum 68).
///
/// Local group members by name (NetLocalGroupAddMembers level 3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNames3Request {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `Count`.
    #[ndr(range(0, 1000))]
    pub count: u32,
    /// `Names`.
    #[ndr(size_is(count))]
    pub names: Vec<RpcUnicodeString>,
    /// `TranslatedSids`: empty on the way in.
    pub translated_sids: LsaprTranslatedSidsEx2,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// `LookupOptions`: 0 or [`super::LSA_LOOKUP_ISOLATED_AS_LOCAL`].
    pub lookup_options: u32,
    /// `ClientRevision`: 1 or 2 ([`super::LSA_CLIENT_REVISION_2`]).
    pub client_revision: u32,
}

/// `LsarLookupNames3` response (\[MS-LSAT\] 3.1.4.6).
///
/// quirk(samba-4.17): the file server gives an unmapped name an empty,
/// non-NULL SID (`S-0-0`) where the DC sends NULL.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNames3Response {
    /// `ReferencedDomains`.
    #[ndr(unique)]
    pub referenced_domains: Option<LsaprReferencedDomainList>,
    /// `TranslatedSids`.
    pub translated_sids: LsaprTranslatedSidsEx2,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarLookupSids3` request (\[MS-LSAT\] 3.1.4.9, opnum 76).
///
/// No policy handle: only over a Netlogon secure channel.
/// quirk(samba-4.17): both lab servers refuse it to an NTLM client with
/// the fault `rpc_s_access_denied`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupSids3Request {
    /// `SidEnumBuffer`.
    pub sid_enum_buffer: LsaprSidEnumBuffer,
    /// `TranslatedNames`.
    pub translated_names: LsaprTranslatedNamesEx,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// `LookupOptions`: 0 or [`super::LSA_LOOKUP_ISOLATED_AS_LOCAL`].
    pub lookup_options: u32,
    /// `ClientRevision`: 1 or 2 ([`super::LSA_CLIENT_REVISION_2`]).
    pub client_revision: u32,
}

/// `LsarLookupSids3` response (\[MS-LSAT\] 3.1.4.9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupSids3Response {
    /// `ReferencedDomains`.
    #[ndr(unique)]
    pub referenced_domains: Option<LsaprReferencedDomainList>,
    /// `TranslatedNames`.
    pub translated_names: LsaprTranslatedNamesEx,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `LsarLookupNames4` request (\[MS-LSAT\] 3.1.4.5, opnum 77).
///
/// No policy handle: only over a Netlogon secure channel.
/// quirk(samba-4.17): refused as `LsarLookupSids3` is.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNames4Request {
    /// `Count`.
    #[ndr(range(0, 1000))]
    pub count: u32,
    /// `Names`.
    #[ndr(size_is(count))]
    pub names: Vec<RpcUnicodeString>,
    /// `TranslatedSids`.
    pub translated_sids: LsaprTranslatedSidsEx2,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// `LookupOptions`: 0 or [`super::LSA_LOOKUP_ISOLATED_AS_LOCAL`].
    pub lookup_options: u32,
    /// `ClientRevision`: 1 or 2 ([`super::LSA_CLIENT_REVISION_2`]).
    pub client_revision: u32,
}

/// `LsarLookupNames4` response (\[MS-LSAT\] 3.1.4.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupNames4Response {
    /// `ReferencedDomains`.
    #[ndr(unique)]
    pub referenced_domains: Option<LsaprReferencedDomainList>,
    /// `TranslatedSids`.
    pub translated_sids: LsaprTranslatedSidsEx2,
    /// `MappedCount`.
    pub mapped_count: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}
