//! Common types of the `lsarpc` interface (\[MS-LSAT\] 2.2.2–2.2.11, the
//! same as \[MS-LSAD\] 2.2.2–2.2.3): the object attributes of
//! `LsarOpenPolicy2` with what they point to, and `LSAPR_TRUST_INFORMATION`.

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::{RpcSid, RpcUnicodeString};

/// `STRING` (\[MS-LSAT\] 2.2.2): an 8-bit counted string.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "STRING")]
pub struct LsaString {
    /// `Length`: bytes in use.
    pub length: u16,
    /// `MaximumLength`: bytes allocated.
    pub maximum_length: u16,
    /// `Buffer`: `length` bytes are transmitted.
    #[ndr(unique, size_is(maximum_length), length_is(length))]
    pub buffer: Option<Vec<u8>>,
}

/// `LSAPR_ACL` (\[MS-LSAT\] 2.2.3): an ACL header with its ACEs as opaque
/// bytes (`AclSize` counts the 4-byte header too).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_ACL")]
pub struct LsaprAcl {
    /// `AclRevision`.
    pub acl_revision: u8,
    /// `Sbz1`.
    pub sbz1: u8,
    /// `AclSize`. At least 4: the header counts itself, and below that
    /// `size_is(AclSize - 4)` would be negative (found by `decode_samr_lsa`:
    /// such an ACL decoded but could not be encoded again).
    #[ndr(range(4, u16::MAX))]
    pub acl_size: u16,
    /// `Dummy1`: the ACEs.
    #[ndr(size_is(acl_size - 4))]
    pub dummy1: Vec<u8>,
}

/// `LSAPR_SECURITY_DESCRIPTOR` (\[MS-LSAT\] 2.2.5): a security descriptor
/// in absolute form; `Control` is `SECURITY_DESCRIPTOR_CONTROL` (2.2.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_SECURITY_DESCRIPTOR")]
pub struct LsaprSecurityDescriptor {
    /// `Revision`.
    pub revision: u8,
    /// `Sbz1`.
    pub sbz1: u8,
    /// `Control`.
    pub control: u16,
    /// `Owner`.
    #[ndr(unique)]
    pub owner: Option<RpcSid>,
    /// `Group`.
    #[ndr(unique)]
    pub group: Option<RpcSid>,
    /// `Sacl`.
    #[ndr(unique)]
    pub sacl: Option<LsaprAcl>,
    /// `Dacl`.
    #[ndr(unique)]
    pub dacl: Option<LsaprAcl>,
}

wire_enum! {
    /// `SECURITY_IMPERSONATION_LEVEL` (\[MS-LSAT\] 2.2.6): an NDR enum, 16 bits.
    pub struct SecurityImpersonationLevel(u16) {
        /// `SecurityAnonymous`.
        SECURITY_ANONYMOUS = 0,
        /// `SecurityIdentification`.
        SECURITY_IDENTIFICATION = 1,
        /// `SecurityImpersonation`.
        SECURITY_IMPERSONATION = 2,
        /// `SecurityDelegation`.
        SECURITY_DELEGATION = 3,
    }
}

/// `SECURITY_QUALITY_OF_SERVICE` (\[MS-LSAT\] 2.2.8); ignored by servers.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "SECURITY_QUALITY_OF_SERVICE")]
pub struct SecurityQualityOfService {
    /// `Length`.
    pub length: u32,
    /// `ImpersonationLevel`.
    pub impersonation_level: SecurityImpersonationLevel,
    /// `ContextTrackingMode` (`SECURITY_CONTEXT_TRACKING_MODE`, 2.2.7).
    pub context_tracking_mode: u8,
    /// `EffectiveOnly`.
    pub effective_only: u8,
}

/// `LSAPR_OBJECT_ATTRIBUTES` (\[MS-LSAT\] 2.2.9): the `ObjectAttributes` of
/// `LsarOpenPolicy2`, which servers ignore; clients send it zeroed
/// ([`LsaprObjectAttributes::default`]).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "LSAPR_OBJECT_ATTRIBUTES")]
pub struct LsaprObjectAttributes {
    /// `Length`.
    pub length: u32,
    /// `RootDirectory`: an `unsigned char*`, NULL.
    #[ndr(unique)]
    pub root_directory: Option<u8>,
    /// `ObjectName`.
    #[ndr(unique)]
    pub object_name: Option<LsaString>,
    /// `Attributes`.
    pub attributes: u32,
    /// `SecurityDescriptor`.
    #[ndr(unique)]
    pub security_descriptor: Option<LsaprSecurityDescriptor>,
    /// `SecurityQualityOfService`.
    #[ndr(unique)]
    pub security_quality_of_service: Option<SecurityQualityOfService>,
}

/// `LSAPR_TRUST_INFORMATION` (\[MS-LSAT\] 2.2.11 / \[MS-LSAD\] 2.2.7.1): a
/// domain's name and SID.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "LSAPR_TRUST_INFORMATION")]
pub struct LsaprTrustInformation {
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `Sid`.
    #[ndr(unique)]
    pub sid: Option<RpcSid>,
}
