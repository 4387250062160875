//! Group query/set types (\[MS-SAMR\] 2.2.4): the information classes of
//! `SamrQueryInformationGroup` / `SamrSetInformationGroup` (NetGroupGetInfo,
//! NetGroupSetInfo).

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::RpcUnicodeString;

/// `GROUP_ATTRIBUTE_INFORMATION` (\[MS-SAMR\] 2.2.4.2), class 3.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "GROUP_ATTRIBUTE_INFORMATION")]
pub struct GroupAttributeInformation {
    /// `Attributes`: [`super::se_group`] bits.
    pub attributes: u32,
}

/// `SAMPR_GROUP_GENERAL_INFORMATION` (\[MS-SAMR\] 2.2.4.3), classes 1 and 5.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_GROUP_GENERAL_INFORMATION")]
pub struct SamprGroupGeneralInformation {
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `Attributes`: [`super::se_group`] bits.
    pub attributes: u32,
    /// `MemberCount`.
    pub member_count: u32,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
}

/// `SAMPR_GROUP_NAME_INFORMATION` (\[MS-SAMR\] 2.2.4.4), class 2.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_GROUP_NAME_INFORMATION")]
pub struct SamprGroupNameInformation {
    /// `Name`.
    pub name: RpcUnicodeString,
}

/// `SAMPR_GROUP_ADM_COMMENT_INFORMATION` (\[MS-SAMR\] 2.2.4.5), class 4.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_GROUP_ADM_COMMENT_INFORMATION")]
pub struct SamprGroupAdmCommentInformation {
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
}

wire_enum! {
    /// `GROUP_INFORMATION_CLASS` (\[MS-SAMR\] 2.2.4.6): an NDR enum, 16 bits.
    pub struct GroupInformationClass(u16) {
        /// `GroupGeneralInformation`.
        GROUP_GENERAL_INFORMATION = 1,
        /// `GroupNameInformation`.
        GROUP_NAME_INFORMATION = 2,
        /// `GroupAttributeInformation`.
        GROUP_ATTRIBUTE_INFORMATION = 3,
        /// `GroupAdminCommentInformation`.
        GROUP_ADMIN_COMMENT_INFORMATION = 4,
        /// `GroupReplicationInformation`.
        GROUP_REPLICATION_INFORMATION = 5,
    }
}

/// `SAMPR_GROUP_INFO_BUFFER` (\[MS-SAMR\] 2.2.4.7), one arm per
/// [`GroupInformationClass`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = GroupInformationClass)]
#[doc(alias = "SAMPR_GROUP_INFO_BUFFER")]
pub enum SamprGroupInfoBuffer {
    /// `General` (class 1).
    #[ndr(case = GroupInformationClass::GROUP_GENERAL_INFORMATION)]
    General(SamprGroupGeneralInformation),
    /// `Name` (class 2).
    #[ndr(case = GroupInformationClass::GROUP_NAME_INFORMATION)]
    Name(SamprGroupNameInformation),
    /// `Attribute` (class 3).
    #[ndr(case = GroupInformationClass::GROUP_ATTRIBUTE_INFORMATION)]
    Attribute(GroupAttributeInformation),
    /// `AdminComment` (class 4).
    #[ndr(case = GroupInformationClass::GROUP_ADMIN_COMMENT_INFORMATION)]
    AdminComment(SamprGroupAdmCommentInformation),
    /// `DoNotUse` (class 5): the general information again (the spec's
    /// replication class).
    #[ndr(case = GroupInformationClass::GROUP_REPLICATION_INFORMATION)]
    DoNotUse(SamprGroupGeneralInformation),
}

impl SamprGroupInfoBuffer {
    /// The information class of this arm.
    pub fn class(&self) -> GroupInformationClass {
        match self {
            Self::General(_) => GroupInformationClass::GROUP_GENERAL_INFORMATION,
            Self::Name(_) => GroupInformationClass::GROUP_NAME_INFORMATION,
            Self::Attribute(_) => GroupInformationClass::GROUP_ATTRIBUTE_INFORMATION,
            Self::AdminComment(_) => GroupInformationClass::GROUP_ADMIN_COMMENT_INFORMATION,
            Self::DoNotUse(_) => GroupInformationClass::GROUP_REPLICATION_INFORMATION,
        }
    }
}
