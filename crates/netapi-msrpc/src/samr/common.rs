//! Basic and miscellaneous types (\[MS-SAMR\] 2.2.2 and 2.2.7): strings and
//! blobs, encrypted password hashes, RID and SID arrays, enumeration and
//! membership buffers, the revision info of `SamrConnect5`.

use netapi_ndr::Ndr;

use super::MAX_ENTRIES;
use crate::dtyp::{RpcSid, RpcUnicodeString, RpcUnicodeText};

/// `RPC_STRING` (\[MS-SAMR\] 2.2.2.1): an OEM (8-bit) counted string, as the
/// OEM display classes carry account names.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "RPC_STRING")]
pub struct RpcString {
    /// `Length`: bytes in use.
    pub length: u16,
    /// `MaximumLength`: bytes allocated.
    pub maximum_length: u16,
    /// `Buffer`: `length` bytes are transmitted, not NUL-terminated.
    #[ndr(unique, size_is(maximum_length), length_is(length))]
    pub buffer: Option<Vec<u8>>,
}

impl RpcString {
    /// The bytes in use (empty when `Buffer` is null).
    pub fn bytes(&self) -> &[u8] {
        self.buffer.as_deref().unwrap_or_default()
    }
}

/// `RPC_SHORT_BLOB` (\[MS-SAMR\] 2.2.2.4): an OWF password hash in
/// `SAMPR_USER_ALL_INFORMATION` (servers send it empty).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "RPC_SHORT_BLOB")]
pub struct RpcShortBlob {
    /// `Length`.
    pub length: u16,
    /// `MaximumLength`.
    pub maximum_length: u16,
    /// `Buffer`.
    #[ndr(unique, size_is(maximum_length / 2), length_is(length / 2))]
    pub buffer: Option<Vec<u16>>,
}

/// `ENCRYPTED_LM_OWF_PASSWORD` (\[MS-SAMR\] 2.2.7.3): a 16-byte hash
/// encrypted with another (2.2.11.1).
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[doc(alias = "ENCRYPTED_LM_OWF_PASSWORD")]
pub struct EncryptedLmOwfPassword {
    /// `data`.
    pub data: [u8; 16],
}

/// `ENCRYPTED_NT_OWF_PASSWORD` (\[MS-SAMR\] 2.2.7.3): the same layout as
/// [`EncryptedLmOwfPassword`].
#[doc(alias = "ENCRYPTED_NT_OWF_PASSWORD")]
pub type EncryptedNtOwfPassword = EncryptedLmOwfPassword;

/// `SAMPR_ULONG_ARRAY` (\[MS-SAMR\] 2.2.7.4): RIDs or `SID_NAME_USE` values.
/// The IDL does not bound `Count`; we accept up to [`MAX_ENTRIES`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_ULONG_ARRAY")]
pub struct SamprUlongArray {
    /// `Count`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub count: u32,
    /// `Element`.
    #[ndr(unique, size_is(count))]
    pub element: Option<Vec<u32>>,
}

impl SamprUlongArray {
    /// The elements (empty when the pointer is null).
    pub fn elements(&self) -> &[u32] {
        self.element.as_deref().unwrap_or_default()
    }
}

/// `SAMPR_SID_INFORMATION` (\[MS-SAMR\] 2.2.7.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_SID_INFORMATION")]
pub struct SamprSidInformation {
    /// `SidPointer`.
    #[ndr(unique)]
    pub sid_pointer: Option<RpcSid>,
}

/// `SAMPR_PSID_ARRAY` (\[MS-SAMR\] 2.2.7.5): SIDs sent to the server, at
/// most 1024.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_PSID_ARRAY")]
pub struct SamprPsidArray {
    /// `Count`.
    #[ndr(range(0, 1024))]
    pub count: u32,
    /// `Sids`.
    #[ndr(unique, size_is(count))]
    pub sids: Option<Vec<SamprSidInformation>>,
}

/// `SAMPR_PSID_ARRAY_OUT` (\[MS-SAMR\] 2.2.7.7): SIDs returned by the
/// server (the members of an alias); `Count` bounded by [`MAX_ENTRIES`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_PSID_ARRAY_OUT")]
pub struct SamprPsidArrayOut {
    /// `Count`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub count: u32,
    /// `Sids`.
    #[ndr(unique, size_is(count))]
    pub sids: Option<Vec<SamprSidInformation>>,
}

/// `SAMPR_RETURNED_USTRING_ARRAY` (\[MS-SAMR\] 2.2.7.8): names returned by
/// `SamrLookupIdsInDomain`; `Count` bounded by [`MAX_ENTRIES`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_RETURNED_USTRING_ARRAY")]
pub struct SamprReturnedUstringArray {
    /// `Count`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub count: u32,
    /// `Element`.
    #[ndr(unique, size_is(count))]
    pub element: Option<Vec<RpcUnicodeString>>,
}

/// `SAMPR_RID_ENUMERATION` (\[MS-SAMR\] 2.2.7.9): one account (or domain)
/// of an enumeration.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_RID_ENUMERATION")]
pub struct SamprRidEnumeration {
    /// `RelativeId` (0 for the domains of `SamrEnumerateDomainsInSamServer`).
    pub relative_id: u32,
    /// `Name`, read as text.
    pub name: RpcUnicodeText,
}

/// `SAMPR_ENUMERATION_BUFFER` (\[MS-SAMR\] 2.2.7.10): one page of an
/// enumeration; `EntriesRead` bounded by [`MAX_ENTRIES`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_ENUMERATION_BUFFER")]
pub struct SamprEnumerationBuffer {
    /// `EntriesRead`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<SamprRidEnumeration>>,
}

impl SamprEnumerationBuffer {
    /// The entries (empty when the pointer is null).
    pub fn entries(&self) -> &[SamprRidEnumeration] {
        self.buffer.as_deref().unwrap_or_default()
    }

    /// In SamrEnumerateDomainsInSamServer's answer, the account domain: the first name that
    /// is not `Builtin` (a server lists its account domain and Builtin, \[MS-SAMR\] 3.1.5.2.1);
    /// a null name is skipped.
    pub fn account_domain(&self) -> Option<&RpcUnicodeText> {
        self.entries().iter().map(|e| &e.name).find(|n| {
            n.as_str()
                .is_some_and(|s| !s.eq_ignore_ascii_case("Builtin"))
        })
    }
}

/// `SAMPR_SR_SECURITY_DESCRIPTOR` (\[MS-SAMR\] 2.2.7.11): a self-relative
/// security descriptor as opaque bytes.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_SR_SECURITY_DESCRIPTOR")]
pub struct SamprSrSecurityDescriptor {
    /// `Length`.
    #[ndr(range(0, 256 * 1024))]
    pub length: u32,
    /// `SecurityDescriptor`.
    #[ndr(unique, size_is(length))]
    pub security_descriptor: Option<Vec<u8>>,
}

/// `GROUP_MEMBERSHIP` (\[MS-SAMR\] 2.2.7.12): a group a user is in.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "GROUP_MEMBERSHIP")]
pub struct GroupMembership {
    /// `RelativeId` of the group.
    pub relative_id: u32,
    /// `Attributes`: [`super::se_group`] bits.
    pub attributes: u32,
}

/// `SAMPR_GET_GROUPS_BUFFER` (\[MS-SAMR\] 2.2.7.13): the answer of
/// `SamrGetGroupsForUser`; `MembershipCount` bounded by [`MAX_ENTRIES`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_GET_GROUPS_BUFFER")]
pub struct SamprGetGroupsBuffer {
    /// `MembershipCount`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub membership_count: u32,
    /// `Groups`.
    #[ndr(unique, size_is(membership_count))]
    pub groups: Option<Vec<GroupMembership>>,
}

/// `SAMPR_GET_MEMBERS_BUFFER` (\[MS-SAMR\] 2.2.7.14): the answer of
/// `SamrGetMembersInGroup`, two parallel arrays; `MemberCount` bounded by
/// [`MAX_ENTRIES`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_GET_MEMBERS_BUFFER")]
pub struct SamprGetMembersBuffer {
    /// `MemberCount`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub member_count: u32,
    /// `Members`: RIDs.
    #[ndr(unique, size_is(member_count))]
    pub members: Option<Vec<u32>>,
    /// `Attributes`: [`super::se_group`] bits, one per member.
    #[ndr(unique, size_is(member_count))]
    pub attributes: Option<Vec<u32>>,
}

/// `SAMPR_REVISION_INFO_V1` (\[MS-SAMR\] 2.2.7.15).
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_REVISION_INFO_V1")]
pub struct SamprRevisionInfoV1 {
    /// `Revision`: 3 from clients and Windows servers.
    pub revision: u32,
    /// `SupportedFeatures`: 0 from clients.
    pub supported_features: u32,
}

/// `SAMPR_REVISION_INFO` (\[MS-SAMR\] 2.2.7.16), selected by
/// `InVersion`/`OutVersion`.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "SAMPR_REVISION_INFO")]
pub enum SamprRevisionInfo {
    /// `V1` (version 1).
    #[ndr(case = 1)]
    V1(SamprRevisionInfoV1),
}

/// `USER_DOMAIN_PASSWORD_INFORMATION` (\[MS-SAMR\] 2.2.7.17): the password
/// policy a client may check before a change.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "USER_DOMAIN_PASSWORD_INFORMATION")]
pub struct UserDomainPasswordInformation {
    /// `MinPasswordLength`.
    pub min_password_length: u16,
    /// `PasswordProperties`: [`super::password_properties`] bits.
    pub password_properties: u32,
}
