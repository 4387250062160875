//! The security-object calls (\[MS-SAMR\] 3.1.5.12): the security descriptor
//! of a SAM object, read with `SamrQuerySecurityObject` (opnum 3) and written
//! with `SamrSetSecurityObject` (opnum 2). NetUserGetInfo / NetUserSetInfo use
//! them for `UF_PASSWD_CANT_CHANGE`, which lives in a user object's DACL
//! (`USER_CHANGE_PASSWORD` granted to World and to the user), not in its
//! `UserAccountControl`. The descriptor travels as opaque self-relative bytes
//! (\[MS-DTYP\] 2.4.6).
//!
//! quirk(samba-4.17): the AD DC (s4 samr) answers `SamrQuerySecurityObject`
//! with an empty descriptor (no DACL) and faults `SamrSetSecurityObject` with
//! `nca_s_op_rng_error`; the standalone server (s3 samr) maps the user's ACE
//! to its "password can change" setting both ways.

use netapi_ndr::Ndr;

use super::SamprSrSecurityDescriptor;
use crate::dtyp::ContextHandle;

/// `SECURITY_INFORMATION` bits (\[MS-DTYP\] 2.4.7): which parts of a
/// descriptor a query returns or a set replaces.
pub mod security_information {
    /// `OWNER_SECURITY_INFORMATION`.
    pub const OWNER: u32 = 0x0000_0001;
    /// `GROUP_SECURITY_INFORMATION`.
    pub const GROUP: u32 = 0x0000_0002;
    /// `DACL_SECURITY_INFORMATION`.
    pub const DACL: u32 = 0x0000_0004;
    /// `SACL_SECURITY_INFORMATION`.
    pub const SACL: u32 = 0x0000_0008;
}

/// `SamrSetSecurityObject` request (\[MS-SAMR\] 3.1.5.12.1, opnum 2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetSecurityObjectRequest {
    /// `ObjectHandle`: a server, domain, group, alias or user handle.
    pub object_handle: ContextHandle,
    /// `SecurityInformation`: which parts of the descriptor to replace.
    pub security_information: u32,
    /// `SecurityDescriptor` (a `[ref]` pointer).
    pub security_descriptor: SamprSrSecurityDescriptor,
}

/// `SamrSetSecurityObject` response (\[MS-SAMR\] 3.1.5.12.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetSecurityObjectResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQuerySecurityObject` request (\[MS-SAMR\] 3.1.5.12.2, opnum 3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQuerySecurityObjectRequest {
    /// `ObjectHandle`: a server, domain, group, alias or user handle.
    pub object_handle: ContextHandle,
    /// `SecurityInformation`: which parts of the descriptor to return.
    pub security_information: u32,
}

/// `SamrQuerySecurityObject` response (\[MS-SAMR\] 3.1.5.12.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQuerySecurityObjectResponse {
    /// `SecurityDescriptor`.
    #[ndr(unique)]
    pub security_descriptor: Option<SamprSrSecurityDescriptor>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}
