//! The Local Security Authority, `lsarpc`: interface
//! `12345778-1234-abcd-ef00-0123456789ab` v0.0 on `\PIPE\lsarpc`,
//! `ms_union`, `pointer_default(unique)`, shared by \[MS-LSAT\] (name/SID
//! translation) and \[MS-LSAD\] (policy).
//!
//! Declared: the common types of \[MS-LSAT\] 2.2 (object attributes,
//! referenced domains, translated names and SIDs in all three generations),
//! the policy information classes of \[MS-LSAD\] 2.2.4, and the calls a
//! NetApi client makes (see [`OPNUMS`]): open and close a policy, query the
//! account/primary/DNS domain, `LsarGetUserName`, and the
//! `LsarLookupNames*` / `LsarLookupSids*` families (local group members by
//! name and SID). Start at [`LsarOpenPolicy2Request`].
//!
//! Field names are the IDL member names in snake case (`r#use` for `Use`).
//! Statuses are NTSTATUS values. Left out: the account, secret, trusted
//! domain and privilege objects of \[MS-LSAD\], `LsarOpenPolicy`, and the set
//! methods.

mod calls;
mod common;
mod lookup;
mod policy;

pub use calls::*;
pub use common::*;
pub use lookup::*;
pub use policy::*;

/// `LSA_LOOKUP_ISOLATED_AS_LOCAL` (\[MS-LSAT\] 3.1.4.7): for the
/// `LookupOptions` of the `LsarLookupNames2`+ calls, resolve an isolated
/// name on the server only.
pub const LSA_LOOKUP_ISOLATED_AS_LOCAL: u32 = 0x8000_0000;
/// `LSA_LOOKUP_DISALLOW_CONNECTED_ACCOUNT_INTERNET_SID` (\[MS-LSAT\]
/// 3.1.4.10): for the `LookupOptions` of `LsarLookupSids2`/`3`.
pub const LSA_LOOKUP_DISALLOW_CONNECTED_ACCOUNT_INTERNET_SID: u32 = 0x8000_0000;
/// `LSA_CLIENT_REVISION_1` (\[MS-LSAT\] 3.1.4.7): a `ClientRevision` from
/// clients older than Windows 2003.
pub const LSA_CLIENT_REVISION_1: u32 = 1;
/// `LSA_CLIENT_REVISION_2`: a `ClientRevision` from current clients.
pub const LSA_CLIENT_REVISION_2: u32 = 2;

/// Access masks of the policy object (\[MS-LSAD\] 2.2.1.1.2) for
/// `LsarOpenPolicy2`, and the common ones it accepts (2.2.1.1.1).
pub mod access {
    /// `POLICY_VIEW_LOCAL_INFORMATION`: read the policy (classes 3, 5, 12, …).
    pub const POLICY_VIEW_LOCAL_INFORMATION: u32 = 0x0000_0001;
    /// `POLICY_VIEW_AUDIT_INFORMATION`.
    pub const POLICY_VIEW_AUDIT_INFORMATION: u32 = 0x0000_0002;
    /// `POLICY_GET_PRIVATE_INFORMATION`.
    pub const POLICY_GET_PRIVATE_INFORMATION: u32 = 0x0000_0004;
    /// `POLICY_TRUST_ADMIN`.
    pub const POLICY_TRUST_ADMIN: u32 = 0x0000_0008;
    /// `POLICY_CREATE_ACCOUNT`.
    pub const POLICY_CREATE_ACCOUNT: u32 = 0x0000_0010;
    /// `POLICY_CREATE_SECRET`.
    pub const POLICY_CREATE_SECRET: u32 = 0x0000_0020;
    /// `POLICY_CREATE_PRIVILEGE`.
    pub const POLICY_CREATE_PRIVILEGE: u32 = 0x0000_0040;
    /// `POLICY_SET_DEFAULT_QUOTA_LIMITS`.
    pub const POLICY_SET_DEFAULT_QUOTA_LIMITS: u32 = 0x0000_0080;
    /// `POLICY_SET_AUDIT_REQUIREMENTS`.
    pub const POLICY_SET_AUDIT_REQUIREMENTS: u32 = 0x0000_0100;
    /// `POLICY_AUDIT_LOG_ADMIN`.
    pub const POLICY_AUDIT_LOG_ADMIN: u32 = 0x0000_0200;
    /// `POLICY_SERVER_ADMIN`.
    pub const POLICY_SERVER_ADMIN: u32 = 0x0000_0400;
    /// `POLICY_LOOKUP_NAMES`: translate names and SIDs.
    pub const POLICY_LOOKUP_NAMES: u32 = 0x0000_0800;
    /// `POLICY_NOTIFICATION`.
    pub const POLICY_NOTIFICATION: u32 = 0x0000_1000;
    /// `MAXIMUM_ALLOWED` (\[MS-LSAD\] 2.2.1.1.1).
    pub const MAXIMUM_ALLOWED: u32 = 0x0200_0000;
}

/// `STATUS_SOME_NOT_MAPPED`: a lookup resolved some of the names or SIDs ([MS-LSAT] 3.1.4).
const SOME_NOT_MAPPED: u32 = netapi_codes::NtStatus::STATUS_SOME_NOT_MAPPED.0;

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
    0 => LsarClose(LsarCloseRequest) -> LsarCloseResponse,
    7 => LsarQueryInformationPolicy(LsarQueryInformationPolicyRequest) -> LsarQueryInformationPolicyResponse,
    14 => LsarLookupNames(LsarLookupNamesRequest) -> LsarLookupNamesResponse { partial: SOME_NOT_MAPPED },
    15 => LsarLookupSids(LsarLookupSidsRequest) -> LsarLookupSidsResponse { partial: SOME_NOT_MAPPED },
    44 => LsarOpenPolicy2(LsarOpenPolicy2Request) -> LsarOpenPolicy2Response,
    45 => LsarGetUserName(LsarGetUserNameRequest) -> LsarGetUserNameResponse,
    46 => LsarQueryInformationPolicy2(LsarQueryInformationPolicy2Request) -> LsarQueryInformationPolicy2Response,
    57 => LsarLookupSids2(LsarLookupSids2Request) -> LsarLookupSids2Response { partial: SOME_NOT_MAPPED },
    58 => LsarLookupNames2(LsarLookupNames2Request) -> LsarLookupNames2Response { partial: SOME_NOT_MAPPED },
    68 => LsarLookupNames3(LsarLookupNames3Request) -> LsarLookupNames3Response { partial: SOME_NOT_MAPPED },
    76 => LsarLookupSids3(LsarLookupSids3Request) -> LsarLookupSids3Response { partial: SOME_NOT_MAPPED },
    77 => LsarLookupNames4(LsarLookupNames4Request) -> LsarLookupNames4Response { partial: SOME_NOT_MAPPED },
}

#[cfg(test)]
mod tests;
