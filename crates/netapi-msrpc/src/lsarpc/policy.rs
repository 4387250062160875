//! Policy query types (\[MS-LSAD\] 2.2.4): the information classes of
//! `LsarQueryInformationPolicy(2)`. A NetApi client reads the account
//! domain (5: the SAM domain's name and SID), the primary domain (3) and the
//! DNS domain (12); the other classes are declared so a whole answer
//! decodes.

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::{Guid, LargeInteger, RpcSid, RpcUnicodeString};

/// Largest `MaximumAuditEventCount` this crate accepts (the IDL does not
/// bound it; Windows has 9 audit categories).
pub const MAX_AUDIT_EVENT_TYPES: u32 = 1024;

wire_enum! {
    /// `POLICY_INFORMATION_CLASS` (\[MS-LSAD\] 2.2.4.1): an NDR enum, 16 bits.
    pub struct PolicyInformationClass(u16) {
        /// `PolicyAuditLogInformation`.
        POLICY_AUDIT_LOG_INFORMATION = 1,
        /// `PolicyAuditEventsInformation`.
        POLICY_AUDIT_EVENTS_INFORMATION = 2,
        /// `PolicyPrimaryDomainInformation`.
        POLICY_PRIMARY_DOMAIN_INFORMATION = 3,
        /// `PolicyPdAccountInformation`.
        POLICY_PD_ACCOUNT_INFORMATION = 4,
        /// `PolicyAccountDomainInformation`.
        POLICY_ACCOUNT_DOMAIN_INFORMATION = 5,
        /// `PolicyLsaServerRoleInformation`.
        POLICY_LSA_SERVER_ROLE_INFORMATION = 6,
        /// `PolicyReplicaSourceInformation`.
        POLICY_REPLICA_SOURCE_INFORMATION = 7,
        /// `PolicyModificationInformation`.
        POLICY_MODIFICATION_INFORMATION = 9,
        /// `PolicyAuditFullSetInformation`.
        POLICY_AUDIT_FULL_SET_INFORMATION = 10,
        /// `PolicyAuditFullQueryInformation`.
        POLICY_AUDIT_FULL_QUERY_INFORMATION = 11,
        /// `PolicyDnsDomainInformation`.
        POLICY_DNS_DOMAIN_INFORMATION = 12,
        /// `PolicyDnsDomainInformationInt`.
        POLICY_DNS_DOMAIN_INFORMATION_INT = 13,
        /// `PolicyLocalAccountDomainInformation`.
        POLICY_LOCAL_ACCOUNT_DOMAIN_INFORMATION = 14,
        /// `PolicyMachineAccountInformation`.
        POLICY_MACHINE_ACCOUNT_INFORMATION = 15,
    }
}

/// `POLICY_AUDIT_LOG_INFO` (\[MS-LSAD\] 2.2.4.3), class 1.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "POLICY_AUDIT_LOG_INFO")]
pub struct PolicyAuditLogInfo {
    /// `AuditLogPercentFull`.
    pub audit_log_percent_full: u32,
    /// `MaximumLogSize`.
    pub maximum_log_size: u32,
    /// `AuditRetentionPeriod`.
    pub audit_retention_period: LargeInteger,
    /// `AuditLogFullShutdownInProgress`.
    pub audit_log_full_shutdown_in_progress: u8,
    /// `TimeToShutdown`.
    pub time_to_shutdown: LargeInteger,
    /// `NextAuditRecordId`.
    pub next_audit_record_id: u32,
}

/// `LSAPR_POLICY_AUDIT_EVENTS_INFO` (\[MS-LSAD\] 2.2.4.4), class 2. The
/// array's size comes after its pointer.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_POLICY_AUDIT_EVENTS_INFO")]
pub struct LsaprPolicyAuditEventsInfo {
    /// `AuditingMode`.
    pub auditing_mode: u8,
    /// `EventAuditingOptions`: one `POLICY_AUDIT_EVENT_*` mask per category.
    #[ndr(unique, size_is(maximum_audit_event_count))]
    pub event_auditing_options: Option<Vec<u32>>,
    /// `MaximumAuditEventCount`.
    #[ndr(range(0, MAX_AUDIT_EVENT_TYPES))]
    pub maximum_audit_event_count: u32,
}

/// `LSAPR_POLICY_PRIMARY_DOM_INFO` (\[MS-LSAD\] 2.2.4.5), class 3: the
/// domain the server is a member of (its own name on a standalone server).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_POLICY_PRIMARY_DOM_INFO")]
pub struct LsaprPolicyPrimaryDomInfo {
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `Sid`: null on a server that is not a domain member.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
}

/// `LSAPR_POLICY_ACCOUNT_DOM_INFO` (\[MS-LSAD\] 2.2.4.6), classes 5 and 14:
/// the server's account (SAM) domain.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_POLICY_ACCOUNT_DOM_INFO")]
pub struct LsaprPolicyAccountDomInfo {
    /// `DomainName`.
    pub domain_name: RpcUnicodeString,
    /// `DomainSid`.
    #[ndr(unique)]
    pub domain_sid: Option<RpcSid>,
}

/// `LSAPR_POLICY_PD_ACCOUNT_INFO` (\[MS-LSAD\] 2.2.4.7), class 4 (obsolete).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_POLICY_PD_ACCOUNT_INFO")]
pub struct LsaprPolicyPdAccountInfo {
    /// `Name`.
    pub name: RpcUnicodeString,
}

wire_enum! {
    /// `POLICY_LSA_SERVER_ROLE` (\[MS-LSAD\] 2.2.4.8): an NDR enum, 16 bits.
    pub struct PolicyLsaServerRole(u16) {
        /// `PolicyServerRoleBackup`.
        POLICY_SERVER_ROLE_BACKUP = 2,
        /// `PolicyServerRolePrimary`.
        POLICY_SERVER_ROLE_PRIMARY = 3,
    }
}

/// `POLICY_LSA_SERVER_ROLE_INFO` (\[MS-LSAD\] 2.2.4.9), class 6.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "POLICY_LSA_SERVER_ROLE_INFO")]
pub struct PolicyLsaServerRoleInfo {
    /// `LsaServerRole`.
    pub lsa_server_role: PolicyLsaServerRole,
}

/// `LSAPR_POLICY_REPLICA_SRCE_INFO` (\[MS-LSAD\] 2.2.4.10), class 7.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_POLICY_REPLICA_SRCE_INFO")]
pub struct LsaprPolicyReplicaSrceInfo {
    /// `ReplicaSource`.
    pub replica_source: RpcUnicodeString,
    /// `ReplicaAccountName`.
    pub replica_account_name: RpcUnicodeString,
}

/// `POLICY_MODIFICATION_INFO` (\[MS-LSAD\] 2.2.4.11), class 9.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "POLICY_MODIFICATION_INFO")]
pub struct PolicyModificationInfo {
    /// `ModifiedId`.
    pub modified_id: LargeInteger,
    /// `DatabaseCreationTime`.
    pub database_creation_time: LargeInteger,
}

/// `POLICY_AUDIT_FULL_SET_INFO` (\[MS-LSAD\] 2.2.4.12), class 10.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "POLICY_AUDIT_FULL_SET_INFO")]
pub struct PolicyAuditFullSetInfo {
    /// `ShutDownOnFull`.
    pub shut_down_on_full: u8,
}

/// `POLICY_AUDIT_FULL_QUERY_INFO` (\[MS-LSAD\] 2.2.4.13), class 11.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "POLICY_AUDIT_FULL_QUERY_INFO")]
pub struct PolicyAuditFullQueryInfo {
    /// `ShutDownOnFull`.
    pub shut_down_on_full: u8,
    /// `LogIsFull`.
    pub log_is_full: u8,
}

/// `LSAPR_POLICY_DNS_DOMAIN_INFO` (\[MS-LSAD\] 2.2.4.14), classes 12 and 13.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_POLICY_DNS_DOMAIN_INFO")]
pub struct LsaprPolicyDnsDomainInfo {
    /// `Name`: the NetBIOS name.
    pub name: RpcUnicodeString,
    /// `DnsDomainName`.
    pub dns_domain_name: RpcUnicodeString,
    /// `DnsForestName`.
    pub dns_forest_name: RpcUnicodeString,
    /// `DomainGuid`.
    pub domain_guid: Guid,
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
}

/// `LSAPR_POLICY_MACHINE_ACCT_INFO` (\[MS-LSAD\] 2.2.4.21), class 15.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_POLICY_MACHINE_ACCT_INFO")]
pub struct LsaprPolicyMachineAcctInfo {
    /// `Rid`.
    pub rid: u32,
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
}

/// `LSAPR_POLICY_INFORMATION` (\[MS-LSAD\] 2.2.4.2), one arm per
/// [`PolicyInformationClass`]. Arms 1 and 9 hold `LARGE_INTEGER`s, so
/// under `ms_union` every arm starts on an 8-byte boundary.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = PolicyInformationClass)]
#[doc(alias = "LSAPR_POLICY_INFORMATION")]
pub enum LsaprPolicyInformation {
    /// `PolicyAuditLogInfo` (class 1).
    #[ndr(case = PolicyInformationClass::POLICY_AUDIT_LOG_INFORMATION)]
    AuditLog(PolicyAuditLogInfo),
    /// `PolicyAuditEventsInfo` (class 2).
    #[ndr(case = PolicyInformationClass::POLICY_AUDIT_EVENTS_INFORMATION)]
    AuditEvents(LsaprPolicyAuditEventsInfo),
    /// `PolicyPrimaryDomainInfo` (class 3).
    #[ndr(case = PolicyInformationClass::POLICY_PRIMARY_DOMAIN_INFORMATION)]
    PrimaryDomain(LsaprPolicyPrimaryDomInfo),
    /// `PolicyPdAccountInfo` (class 4).
    #[ndr(case = PolicyInformationClass::POLICY_PD_ACCOUNT_INFORMATION)]
    PdAccount(LsaprPolicyPdAccountInfo),
    /// `PolicyAccountDomainInfo` (class 5).
    #[ndr(case = PolicyInformationClass::POLICY_ACCOUNT_DOMAIN_INFORMATION)]
    AccountDomain(LsaprPolicyAccountDomInfo),
    /// `PolicyServerRoleInfo` (class 6).
    #[ndr(case = PolicyInformationClass::POLICY_LSA_SERVER_ROLE_INFORMATION)]
    ServerRole(PolicyLsaServerRoleInfo),
    /// `PolicyReplicaSourceInfo` (class 7).
    #[ndr(case = PolicyInformationClass::POLICY_REPLICA_SOURCE_INFORMATION)]
    ReplicaSource(LsaprPolicyReplicaSrceInfo),
    /// `PolicyModificationInfo` (class 9).
    #[ndr(case = PolicyInformationClass::POLICY_MODIFICATION_INFORMATION)]
    Modification(PolicyModificationInfo),
    /// `PolicyAuditFullSetInfo` (class 10).
    #[ndr(case = PolicyInformationClass::POLICY_AUDIT_FULL_SET_INFORMATION)]
    AuditFullSet(PolicyAuditFullSetInfo),
    /// `PolicyAuditFullQueryInfo` (class 11).
    #[ndr(case = PolicyInformationClass::POLICY_AUDIT_FULL_QUERY_INFORMATION)]
    AuditFullQuery(PolicyAuditFullQueryInfo),
    /// `PolicyDnsDomainInfo` (class 12).
    #[ndr(case = PolicyInformationClass::POLICY_DNS_DOMAIN_INFORMATION)]
    DnsDomain(LsaprPolicyDnsDomainInfo),
    /// `PolicyDnsDomainInfoInt` (class 13).
    #[ndr(case = PolicyInformationClass::POLICY_DNS_DOMAIN_INFORMATION_INT)]
    DnsDomainInt(LsaprPolicyDnsDomainInfo),
    /// `PolicyLocalAccountDomainInfo` (class 14).
    #[ndr(case = PolicyInformationClass::POLICY_LOCAL_ACCOUNT_DOMAIN_INFORMATION)]
    LocalAccountDomain(LsaprPolicyAccountDomInfo),
    /// `PolicyMachineAccountInfo` (class 15).
    #[ndr(case = PolicyInformationClass::POLICY_MACHINE_ACCOUNT_INFORMATION)]
    MachineAccount(LsaprPolicyMachineAcctInfo),
}

impl LsaprPolicyInformation {
    /// The information class of this arm.
    pub fn class(&self) -> PolicyInformationClass {
        match self {
            Self::AuditLog(_) => PolicyInformationClass::POLICY_AUDIT_LOG_INFORMATION,
            Self::AuditEvents(_) => PolicyInformationClass::POLICY_AUDIT_EVENTS_INFORMATION,
            Self::PrimaryDomain(_) => PolicyInformationClass::POLICY_PRIMARY_DOMAIN_INFORMATION,
            Self::PdAccount(_) => PolicyInformationClass::POLICY_PD_ACCOUNT_INFORMATION,
            Self::AccountDomain(_) => PolicyInformationClass::POLICY_ACCOUNT_DOMAIN_INFORMATION,
            Self::ServerRole(_) => PolicyInformationClass::POLICY_LSA_SERVER_ROLE_INFORMATION,
            Self::ReplicaSource(_) => PolicyInformationClass::POLICY_REPLICA_SOURCE_INFORMATION,
            Self::Modification(_) => PolicyInformationClass::POLICY_MODIFICATION_INFORMATION,
            Self::AuditFullSet(_) => PolicyInformationClass::POLICY_AUDIT_FULL_SET_INFORMATION,
            Self::AuditFullQuery(_) => PolicyInformationClass::POLICY_AUDIT_FULL_QUERY_INFORMATION,
            Self::DnsDomain(_) => PolicyInformationClass::POLICY_DNS_DOMAIN_INFORMATION,
            Self::DnsDomainInt(_) => PolicyInformationClass::POLICY_DNS_DOMAIN_INFORMATION_INT,
            Self::LocalAccountDomain(_) => {
                PolicyInformationClass::POLICY_LOCAL_ACCOUNT_DOMAIN_INFORMATION
            }
            Self::MachineAccount(_) => PolicyInformationClass::POLICY_MACHINE_ACCOUNT_INFORMATION,
        }
    }
}
