//! Domain query/set types (\[MS-SAMR\] 2.2.3): the information classes of
//! `SamrQueryInformationDomain(2)` and `SamrSetInformationDomain`, which
//! NetUserModalsGet/Set read and write.

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::{LargeInteger, OldLargeInteger, RpcUnicodeString};

wire_enum! {
    /// `DOMAIN_SERVER_ENABLE_STATE` (\[MS-SAMR\] 2.2.3.2): an NDR enum, 16 bits.
    pub struct DomainServerEnableState(u16) {
        /// `DomainServerEnabled`.
        DOMAIN_SERVER_ENABLED = 1,
        /// `DomainServerDisabled`.
        DOMAIN_SERVER_DISABLED = 2,
    }
}

/// `DOMAIN_STATE_INFORMATION` (\[MS-SAMR\] 2.2.3.3), class 9.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "DOMAIN_STATE_INFORMATION")]
pub struct DomainStateInformation {
    /// `DomainServerState`.
    pub domain_server_state: DomainServerEnableState,
}

wire_enum! {
    /// `DOMAIN_SERVER_ROLE` (\[MS-SAMR\] 2.2.3.4): an NDR enum, 16 bits.
    pub struct DomainServerRole(u16) {
        /// `DomainServerRoleBackup`.
        DOMAIN_SERVER_ROLE_BACKUP = 2,
        /// `DomainServerRolePrimary`.
        DOMAIN_SERVER_ROLE_PRIMARY = 3,
    }
}

/// `DOMAIN_PASSWORD_INFORMATION` (\[MS-SAMR\] 2.2.3.5), class 1: the
/// password policy (NetUserModals level 0). Ages are negative 100 ns
/// intervals (`i64::MIN` for "never").
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "DOMAIN_PASSWORD_INFORMATION")]
pub struct DomainPasswordInformation {
    /// `MinPasswordLength`.
    pub min_password_length: u16,
    /// `PasswordHistoryLength`.
    pub password_history_length: u16,
    /// `PasswordProperties`: [`super::password_properties`] bits.
    pub password_properties: u32,
    /// `MaxPasswordAge`.
    pub max_password_age: OldLargeInteger,
    /// `MinPasswordAge`.
    pub min_password_age: OldLargeInteger,
}

/// `DOMAIN_LOGOFF_INFORMATION` (\[MS-SAMR\] 2.2.3.6), class 3.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "DOMAIN_LOGOFF_INFORMATION")]
pub struct DomainLogoffInformation {
    /// `ForceLogoff`: negative 100 ns intervals, `i64::MIN` for "never".
    pub force_logoff: OldLargeInteger,
}

/// `DOMAIN_SERVER_ROLE_INFORMATION` (\[MS-SAMR\] 2.2.3.7), class 7.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "DOMAIN_SERVER_ROLE_INFORMATION")]
pub struct DomainServerRoleInformation {
    /// `DomainServerRole`.
    pub domain_server_role: DomainServerRole,
}

/// `DOMAIN_MODIFIED_INFORMATION` (\[MS-SAMR\] 2.2.3.8), class 8.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "DOMAIN_MODIFIED_INFORMATION")]
pub struct DomainModifiedInformation {
    /// `DomainModifiedCount`.
    pub domain_modified_count: OldLargeInteger,
    /// `CreationTime`.
    pub creation_time: OldLargeInteger,
}

/// `DOMAIN_MODIFIED_INFORMATION2` (\[MS-SAMR\] 2.2.3.9), class 13.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "DOMAIN_MODIFIED_INFORMATION2")]
pub struct DomainModifiedInformation2 {
    /// `DomainModifiedCount`.
    pub domain_modified_count: OldLargeInteger,
    /// `CreationTime`.
    pub creation_time: OldLargeInteger,
    /// `ModifiedCountAtLastPromotion`.
    pub modified_count_at_last_promotion: OldLargeInteger,
}

/// `SAMPR_DOMAIN_GENERAL_INFORMATION` (\[MS-SAMR\] 2.2.3.10), class 2: names,
/// role and object counts (NetUserModals levels 1 and 2).
///
/// quirk(samba-4.17): the file server puts its workgroup (`LAB`) in
/// `DomainName`, not its SAM domain (`FILESRV`, as class 5 says); the DC
/// sends `DomainServerState` 0.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_GENERAL_INFORMATION")]
pub struct SamprDomainGeneralInformation {
    /// `ForceLogoff`.
    pub force_logoff: OldLargeInteger,
    /// `OemInformation`.
    pub oem_information: RpcUnicodeString,
    /// `DomainName`.
    pub domain_name: RpcUnicodeString,
    /// `ReplicaSourceNodeName`.
    pub replica_source_node_name: RpcUnicodeString,
    /// `DomainModifiedCount`.
    pub domain_modified_count: OldLargeInteger,
    /// `DomainServerState`: a [`DomainServerEnableState`] as 32 bits.
    pub domain_server_state: u32,
    /// `DomainServerRole`: a [`DomainServerRole`] as 32 bits.
    pub domain_server_role: u32,
    /// `UasCompatibilityRequired`.
    pub uas_compatibility_required: u8,
    /// `UserCount`.
    pub user_count: u32,
    /// `GroupCount`.
    pub group_count: u32,
    /// `AliasCount`.
    pub alias_count: u32,
}

/// `SAMPR_DOMAIN_GENERAL_INFORMATION2` (\[MS-SAMR\] 2.2.3.11), class 11:
/// class 2 plus the lockout policy. The lockout times are `LARGE_INTEGER`s
/// (8-byte aligned), unlike the rest of SAMR.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_GENERAL_INFORMATION2")]
pub struct SamprDomainGeneralInformation2 {
    /// `I1`.
    pub i1: SamprDomainGeneralInformation,
    /// `LockoutDuration`.
    pub lockout_duration: LargeInteger,
    /// `LockoutObservationWindow`.
    pub lockout_observation_window: LargeInteger,
    /// `LockoutThreshold`.
    pub lockout_threshold: u16,
}

/// `SAMPR_DOMAIN_OEM_INFORMATION` (\[MS-SAMR\] 2.2.3.12), class 4.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_OEM_INFORMATION")]
pub struct SamprDomainOemInformation {
    /// `OemInformation`.
    pub oem_information: RpcUnicodeString,
}

/// `SAMPR_DOMAIN_NAME_INFORMATION` (\[MS-SAMR\] 2.2.3.13), class 5.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_NAME_INFORMATION")]
pub struct SamprDomainNameInformation {
    /// `DomainName`.
    pub domain_name: RpcUnicodeString,
}

/// `SAMPR_DOMAIN_REPLICATION_INFORMATION` (\[MS-SAMR\] 2.2.3.14), class 6.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_REPLICATION_INFORMATION")]
pub struct SamprDomainReplicationInformation {
    /// `ReplicaSourceNodeName`.
    pub replica_source_node_name: RpcUnicodeString,
}

/// `SAMPR_DOMAIN_LOCKOUT_INFORMATION` (\[MS-SAMR\] 2.2.3.15), class 12: the
/// lockout policy (NetUserModals level 3).
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_LOCKOUT_INFORMATION")]
pub struct SamprDomainLockoutInformation {
    /// `LockoutDuration`: negative 100 ns intervals.
    pub lockout_duration: LargeInteger,
    /// `LockoutObservationWindow`: negative 100 ns intervals.
    pub lockout_observation_window: LargeInteger,
    /// `LockoutThreshold`: bad passwords before a lockout, 0 for never.
    pub lockout_threshold: u16,
}

wire_enum! {
    /// `DOMAIN_INFORMATION_CLASS` (\[MS-SAMR\] 2.2.3.16): an NDR enum, 16 bits.
    pub struct DomainInformationClass(u16) {
        /// `DomainPasswordInformation`.
        DOMAIN_PASSWORD_INFORMATION = 1,
        /// `DomainGeneralInformation`.
        DOMAIN_GENERAL_INFORMATION = 2,
        /// `DomainLogoffInformation`.
        DOMAIN_LOGOFF_INFORMATION = 3,
        /// `DomainOemInformation`.
        DOMAIN_OEM_INFORMATION = 4,
        /// `DomainNameInformation`.
        DOMAIN_NAME_INFORMATION = 5,
        /// `DomainReplicationInformation`.
        DOMAIN_REPLICATION_INFORMATION = 6,
        /// `DomainServerRoleInformation`.
        DOMAIN_SERVER_ROLE_INFORMATION = 7,
        /// `DomainModifiedInformation`.
        DOMAIN_MODIFIED_INFORMATION = 8,
        /// `DomainStateInformation`.
        DOMAIN_STATE_INFORMATION = 9,
        /// `DomainGeneralInformation2`.
        DOMAIN_GENERAL_INFORMATION2 = 11,
        /// `DomainLockoutInformation`.
        DOMAIN_LOCKOUT_INFORMATION = 12,
        /// `DomainModifiedInformation2`.
        DOMAIN_MODIFIED_INFORMATION2 = 13,
    }
}

/// `SAMPR_DOMAIN_INFO_BUFFER` (\[MS-SAMR\] 2.2.3.17), one arm per
/// [`DomainInformationClass`]. The lockout arms hold `LARGE_INTEGER`s, so
/// under `ms_union` every arm starts on an 8-byte boundary after the 16-bit
/// discriminant (Samba pads class 1 that way too).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = DomainInformationClass)]
#[doc(alias = "SAMPR_DOMAIN_INFO_BUFFER")]
pub enum SamprDomainInfoBuffer {
    /// `Password` (class 1).
    #[ndr(case = DomainInformationClass::DOMAIN_PASSWORD_INFORMATION)]
    Password(DomainPasswordInformation),
    /// `General` (class 2).
    #[ndr(case = DomainInformationClass::DOMAIN_GENERAL_INFORMATION)]
    General(SamprDomainGeneralInformation),
    /// `Logoff` (class 3).
    #[ndr(case = DomainInformationClass::DOMAIN_LOGOFF_INFORMATION)]
    Logoff(DomainLogoffInformation),
    /// `Oem` (class 4).
    #[ndr(case = DomainInformationClass::DOMAIN_OEM_INFORMATION)]
    Oem(SamprDomainOemInformation),
    /// `Name` (class 5).
    #[ndr(case = DomainInformationClass::DOMAIN_NAME_INFORMATION)]
    Name(SamprDomainNameInformation),
    /// `Replication` (class 6).
    #[ndr(case = DomainInformationClass::DOMAIN_REPLICATION_INFORMATION)]
    Replication(SamprDomainReplicationInformation),
    /// `Role` (class 7).
    #[ndr(case = DomainInformationClass::DOMAIN_SERVER_ROLE_INFORMATION)]
    Role(DomainServerRoleInformation),
    /// `Modified` (class 8).
    #[ndr(case = DomainInformationClass::DOMAIN_MODIFIED_INFORMATION)]
    Modified(DomainModifiedInformation),
    /// `State` (class 9).
    #[ndr(case = DomainInformationClass::DOMAIN_STATE_INFORMATION)]
    State(DomainStateInformation),
    /// `General2` (class 11).
    #[ndr(case = DomainInformationClass::DOMAIN_GENERAL_INFORMATION2)]
    General2(Box<SamprDomainGeneralInformation2>),
    /// `Lockout` (class 12).
    #[ndr(case = DomainInformationClass::DOMAIN_LOCKOUT_INFORMATION)]
    Lockout(SamprDomainLockoutInformation),
    /// `Modified2` (class 13).
    #[ndr(case = DomainInformationClass::DOMAIN_MODIFIED_INFORMATION2)]
    Modified2(DomainModifiedInformation2),
}

impl SamprDomainInfoBuffer {
    /// The information class of this arm.
    pub fn class(&self) -> DomainInformationClass {
        match self {
            Self::Password(_) => DomainInformationClass::DOMAIN_PASSWORD_INFORMATION,
            Self::General(_) => DomainInformationClass::DOMAIN_GENERAL_INFORMATION,
            Self::Logoff(_) => DomainInformationClass::DOMAIN_LOGOFF_INFORMATION,
            Self::Oem(_) => DomainInformationClass::DOMAIN_OEM_INFORMATION,
            Self::Name(_) => DomainInformationClass::DOMAIN_NAME_INFORMATION,
            Self::Replication(_) => DomainInformationClass::DOMAIN_REPLICATION_INFORMATION,
            Self::Role(_) => DomainInformationClass::DOMAIN_SERVER_ROLE_INFORMATION,
            Self::Modified(_) => DomainInformationClass::DOMAIN_MODIFIED_INFORMATION,
            Self::State(_) => DomainInformationClass::DOMAIN_STATE_INFORMATION,
            Self::General2(_) => DomainInformationClass::DOMAIN_GENERAL_INFORMATION2,
            Self::Lockout(_) => DomainInformationClass::DOMAIN_LOCKOUT_INFORMATION,
            Self::Modified2(_) => DomainInformationClass::DOMAIN_MODIFIED_INFORMATION2,
        }
    }
}
