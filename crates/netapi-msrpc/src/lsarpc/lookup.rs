//! Name/SID translation types (\[MS-LSAT\] 2.2.12–2.2.26): the referenced
//! domain list and the translated names and SIDs of the `LsarLookupNames*`
//! and `LsarLookupSids*` families. Counts are bounded by the IDL's `range`
//! (1000 names, 20480 SIDs) or, for the domain list, by
//! [`MAX_REFERENCED_DOMAINS`].

use netapi_ndr::{Ndr, wire_enum};

use super::LsaprTrustInformation;
use crate::dtyp::{RpcSid, RpcUnicodeString};

/// Largest `Entries` this crate accepts in an `LSAPR_REFERENCED_DOMAIN_LIST`
/// (the IDL does not bound it): at most one domain per SID looked up, and a
/// lookup carries at most 20480 SIDs.
pub const MAX_REFERENCED_DOMAINS: u32 = 20480;

/// `LSAPR_REFERENCED_DOMAIN_LIST` (\[MS-LSAT\] 2.2.12): the domains the
/// translated entries point into by `DomainIndex`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_REFERENCED_DOMAIN_LIST")]
pub struct LsaprReferencedDomainList {
    /// `Entries`.
    #[ndr(range(0, MAX_REFERENCED_DOMAINS))]
    pub entries: u32,
    /// `Domains`.
    #[ndr(unique, size_is(entries))]
    pub domains: Option<Vec<LsaprTrustInformation>>,
    /// `MaxEntries`: ignored (quirk(samba-4.17): 32, or 64 from the DC's
    /// `LsarLookupSids*`).
    pub max_entries: u32,
}

impl LsaprReferencedDomainList {
    /// The domains (empty when the pointer is null).
    pub fn domains(&self) -> &[LsaprTrustInformation] {
        self.domains.as_deref().unwrap_or_default()
    }
}

wire_enum! {
    /// `SID_NAME_USE` (\[MS-LSAT\] 2.2.13, \[MS-SAMR\] 2.2.2.3): an NDR enum,
    /// 16 bits.
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

/// `LSA_TRANSLATED_SID` (\[MS-LSAT\] 2.2.14).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSA_TRANSLATED_SID")]
pub struct LsaTranslatedSid {
    /// `Use`.
    pub r#use: SidNameUse,
    /// `RelativeId`.
    pub relative_id: u32,
    /// `DomainIndex`: into the referenced domain list, -1 for none.
    pub domain_index: i32,
}

/// `LSAPR_TRANSLATED_SIDS` (\[MS-LSAT\] 2.2.15).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_SIDS")]
pub struct LsaprTranslatedSids {
    /// `Entries`.
    #[ndr(range(0, 1000))]
    pub entries: u32,
    /// `Sids`.
    #[ndr(unique, size_is(entries))]
    pub sids: Option<Vec<LsaTranslatedSid>>,
}

wire_enum! {
    /// `LSAP_LOOKUP_LEVEL` (\[MS-LSAT\] 2.2.16): an NDR enum, 16 bits.
    pub struct LsapLookupLevel(u16) {
        /// `LsapLookupWksta`: everything the server can resolve.
        LSAP_LOOKUP_WKSTA = 1,
        /// `LsapLookupPDC`.
        LSAP_LOOKUP_PDC = 2,
        /// `LsapLookupTDL`.
        LSAP_LOOKUP_TDL = 3,
        /// `LsapLookupGC`.
        LSAP_LOOKUP_GC = 4,
        /// `LsapLookupXForestReferral`.
        LSAP_LOOKUP_XFOREST_REFERRAL = 5,
        /// `LsapLookupXForestResolve`.
        LSAP_LOOKUP_XFOREST_RESOLVE = 6,
        /// `LsapLookupRODCReferralToFullDC`.
        LSAP_LOOKUP_RODC_REFERRAL_TO_FULL_DC = 7,
    }
}

/// `LSAPR_SID_INFORMATION` (\[MS-LSAT\] 2.2.17).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_SID_INFORMATION")]
pub struct LsaprSidInformation {
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
}

/// `LSAPR_SID_ENUM_BUFFER` (\[MS-LSAT\] 2.2.18): the SIDs to translate.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_SID_ENUM_BUFFER")]
pub struct LsaprSidEnumBuffer {
    /// `Entries`.
    #[ndr(range(0, 20480))]
    pub entries: u32,
    /// `SidInfo`.
    #[ndr(unique, size_is(entries))]
    pub sid_info: Option<Vec<LsaprSidInformation>>,
}

/// `LSAPR_TRANSLATED_NAME` (\[MS-LSAT\] 2.2.19).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_NAME")]
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
#[doc(alias = "LSAPR_TRANSLATED_NAMES")]
pub struct LsaprTranslatedNames {
    /// `Entries`.
    #[ndr(range(0, 20480))]
    pub entries: u32,
    /// `Names`.
    #[ndr(unique, size_is(entries))]
    pub names: Option<Vec<LsaprTranslatedName>>,
}

/// `LSAPR_TRANSLATED_NAME_EX` (\[MS-LSAT\] 2.2.21).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_NAME_EX")]
pub struct LsaprTranslatedNameEx {
    /// `Use`.
    pub r#use: SidNameUse,
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `DomainIndex`.
    pub domain_index: i32,
    /// `Flags`.
    pub flags: u32,
}

/// `LSAPR_TRANSLATED_NAMES_EX` (\[MS-LSAT\] 2.2.22).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_NAMES_EX")]
pub struct LsaprTranslatedNamesEx {
    /// `Entries`.
    #[ndr(range(0, 20480))]
    pub entries: u32,
    /// `Names`.
    #[ndr(unique, size_is(entries))]
    pub names: Option<Vec<LsaprTranslatedNameEx>>,
}

/// `LSAPR_TRANSLATED_SID_EX` (\[MS-LSAT\] 2.2.23).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_SID_EX")]
pub struct LsaprTranslatedSidEx {
    /// `Use`.
    pub r#use: SidNameUse,
    /// `RelativeId`.
    pub relative_id: u32,
    /// `DomainIndex`.
    pub domain_index: i32,
    /// `Flags`.
    pub flags: u32,
}

/// `LSAPR_TRANSLATED_SIDS_EX` (\[MS-LSAT\] 2.2.24).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_SIDS_EX")]
pub struct LsaprTranslatedSidsEx {
    /// `Entries`.
    #[ndr(range(0, 1000))]
    pub entries: u32,
    /// `Sids`.
    #[ndr(unique, size_is(entries))]
    pub sids: Option<Vec<LsaprTranslatedSidEx>>,
}

/// `LSAPR_TRANSLATED_SID_EX2` (\[MS-LSAT\] 2.2.25): a whole SID per name.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_SID_EX2")]
pub struct LsaprTranslatedSidEx2 {
    /// `Use`.
    pub r#use: SidNameUse,
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
    /// `DomainIndex`.
    pub domain_index: i32,
    /// `Flags`.
    pub flags: u32,
}

/// `LSAPR_TRANSLATED_SIDS_EX2` (\[MS-LSAT\] 2.2.26).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRANSLATED_SIDS_EX2")]
pub struct LsaprTranslatedSidsEx2 {
    /// `Entries`.
    #[ndr(range(0, 1000))]
    pub entries: u32,
    /// `Sids`.
    #[ndr(unique, size_is(entries))]
    pub sids: Option<Vec<LsaprTranslatedSidEx2>>,
}
