//! The Local Security Authority, `lsarpc`: the name/SID translation methods
//! of \[MS-LSAT\] on interface `12345778-1234-abcd-ef00-0123456789ab` v0.0,
//! `\PIPE\lsarpc` (shared with \[MS-LSAD\]), `ms_union`,
//! `pointer_default(unique)`.
//!
//! **Partial.** So far: the SID lookup structures (\[MS-LSAT\] 2.2.11–2.2.20,
//! `LSAPR_TRANSLATED_NAMES` among them) and `LsarLookupNames` /
//! `LsarLookupSids`, declared ahead of the families that need them (local
//! group members by name, `NetUserGetInfo` SIDs) and proven against golden
//! vectors captured from Samba 4.17 (`tests/hard_types/`). `LsarOpenPolicy2`
//! and the \[MS-LSAD\] policy calls land with those families.
//!
//! Field names are the IDL member names in snake case (`r#use` for `Use`).
//! Statuses are NTSTATUS values; `STATUS_SOME_NOT_MAPPED` is a success
//! with partial results.

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::{ContextHandle, RpcSid, RpcUnicodeString};

wire_enum! {
    /// `SID_NAME_USE` (\[MS-LSAT\] 2.2.13): an NDR enum, 16 bits.
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
    /// `LSAP_LOOKUP_LEVEL` (\[MS-LSAT\] 2.2.16): an NDR enum, 16 bits.
    pub struct LsapLookupLevel(u16) {
        /// `LsapLookupWksta`.
        LSAP_LOOKUP_WKSTA = 1,
    }
}

/// `LSAPR_SID_INFORMATION` (\[MS-LSAT\] 2.2.17).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaprSidInformation {
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
}

/// `LSAPR_SID_ENUM_BUFFER` (\[MS-LSAT\] 2.2.18).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaprSidEnumBuffer {
    /// `Entries`.
    #[ndr(range(0, 20480))]
    pub entries: u32,
    /// `SidInfo`.
    #[ndr(unique, size_is(entries))]
    pub sid_info: Option<Vec<LsaprSidInformation>>,
}

/// `LSAPR_TRUST_INFORMATION` (\[MS-LSAT\] 2.2.11 / \[MS-LSAD\] 2.2.7.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaprTrustInformation {
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
}

/// `LSAPR_REFERENCED_DOMAIN_LIST` (\[MS-LSAT\] 2.2.12).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaprReferencedDomainList {
    /// `Entries`.
    pub entries: u32,
    /// `Domains`.
    #[ndr(unique, size_is(entries))]
    pub domains: Option<Vec<LsaprTrustInformation>>,
    /// `MaxEntries`.
    pub max_entries: u32,
}

/// `LSAPR_TRANSLATED_NAME` (\[MS-LSAT\] 2.2.19).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaprTranslatedName {
    /// `Use`.
    pub r#use: SidNameUse,
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `DomainIndex`.
    pub domain_index: i32,
}

/// `LSAPR_TRANSLATED_NAMES` (\[MS-LSAT\] 2.2.20).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaprTranslatedNames {
    /// `Entries`.
    #[ndr(range(0, 20480))]
    pub entries: u32,
    /// `Names`.
    #[ndr(unique, size_is(entries))]
    pub names: Option<Vec<LsaprTranslatedName>>,
}

/// `LSA_TRANSLATED_SID` (\[MS-LSAT\] 2.2.14).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaTranslatedSid {
    /// `Use`.
    pub r#use: SidNameUse,
    /// `RelativeId`.
    pub relative_id: u32,
    /// `DomainIndex`.
    pub domain_index: i32,
}

/// `LSAPR_TRANSLATED_SIDS` (\[MS-LSAT\] 2.2.15).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
pub struct LsaprTranslatedSids {
    /// `Entries`.
    #[ndr(range(0, 1000))]
    pub entries: u32,
    /// `Sids`.
    #[ndr(unique, size_is(entries))]
    pub sids: Option<Vec<LsaTranslatedSid>>,
}

/// `LsarLookupSids` request (\[MS-LSAT\] 3.1.4.11, opnum 15).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct LsarLookupSidsRequest {
    /// `PolicyHandle`.
    pub policy_handle: ContextHandle,
    /// `SidEnumBuffer`.
    pub sid_enum_buffer: LsaprSidEnumBuffer,
    /// `TranslatedNames`.
    pub translated_names: LsaprTranslatedNames,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
}

/// `LsarLookupSids` response.
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
    /// `TranslatedSids`.
    pub translated_sids: LsaprTranslatedSids,
    /// `LookupLevel`.
    pub lookup_level: LsapLookupLevel,
    /// `MappedCount`.
    pub mapped_count: u32,
}

/// `LsarLookupNames` response.
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

crate::calls! {
    /// The LSA remote protocol (\[MS-LSAT\] 1.9, \[MS-LSAD\] 1.9); its
    /// methods return an NTSTATUS.
    interface Lsarpc {
        name: "lsarpc",
        uuid: "12345778-1234-abcd-ef00-0123456789ab",
        version: (0, 0),
        pipe: "lsarpc",
        status: NtStatus,
    }
    14 => LsarLookupNames(LsarLookupNamesRequest) -> LsarLookupNamesResponse,
    15 => LsarLookupSids(LsarLookupSidsRequest) -> LsarLookupSidsResponse,
}
