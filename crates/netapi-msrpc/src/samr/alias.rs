//! Alias query/set types (\[MS-SAMR\] 2.2.5): the information classes of
//! `SamrQueryInformationAlias` / `SamrSetInformationAlias`
//! (NetLocalGroupGetInfo, NetLocalGroupSetInfo).

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::RpcUnicodeString;

/// `SAMPR_ALIAS_GENERAL_INFORMATION` (\[MS-SAMR\] 2.2.5.2), class 1.
///
/// quirk(samba-4.17): the file server reports `MemberCount` 1 for every
/// alias, whatever its members.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_ALIAS_GENERAL_INFORMATION")]
pub struct SamprAliasGeneralInformation {
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `MemberCount`.
    pub member_count: u32,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
}

/// `SAMPR_ALIAS_NAME_INFORMATION` (\[MS-SAMR\] 2.2.5.3), class 2.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_ALIAS_NAME_INFORMATION")]
pub struct SamprAliasNameInformation {
    /// `Name`.
    pub name: RpcUnicodeString,
}

/// `SAMPR_ALIAS_ADM_COMMENT_INFORMATION` (\[MS-SAMR\] 2.2.5.4), class 3.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_ALIAS_ADM_COMMENT_INFORMATION")]
pub struct SamprAliasAdmCommentInformation {
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
}

wire_enum! {
    /// `ALIAS_INFORMATION_CLASS` (\[MS-SAMR\] 2.2.5.5): an NDR enum, 16 bits.
    pub struct AliasInformationClass(u16) {
        /// `AliasGeneralInformation`.
        ALIAS_GENERAL_INFORMATION = 1,
        /// `AliasNameInformation`.
        ALIAS_NAME_INFORMATION = 2,
        /// `AliasAdminCommentInformation`.
        ALIAS_ADMIN_COMMENT_INFORMATION = 3,
    }
}

/// `SAMPR_ALIAS_INFO_BUFFER` (\[MS-SAMR\] 2.2.5.6), one arm per
/// [`AliasInformationClass`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = AliasInformationClass)]
#[doc(alias = "SAMPR_ALIAS_INFO_BUFFER")]
pub enum SamprAliasInfoBuffer {
    /// `General` (class 1).
    #[ndr(case = AliasInformationClass::ALIAS_GENERAL_INFORMATION)]
    General(SamprAliasGeneralInformation),
    /// `Name` (class 2).
    #[ndr(case = AliasInformationClass::ALIAS_NAME_INFORMATION)]
    Name(SamprAliasNameInformation),
    /// `AdminComment` (class 3).
    #[ndr(case = AliasInformationClass::ALIAS_ADMIN_COMMENT_INFORMATION)]
    AdminComment(SamprAliasAdmCommentInformation),
}

impl SamprAliasInfoBuffer {
    /// The information class of this arm.
    pub fn class(&self) -> AliasInformationClass {
        match self {
            Self::General(_) => AliasInformationClass::ALIAS_GENERAL_INFORMATION,
            Self::Name(_) => AliasInformationClass::ALIAS_NAME_INFORMATION,
            Self::AdminComment(_) => AliasInformationClass::ALIAS_ADMIN_COMMENT_INFORMATION,
        }
    }
}
