//! Group, alias and user calls (\[MS-SAMR\] 3.1.5), grouped by object:
//! create, open, query, set, membership and delete. Conventions as in
//! `calls.rs`.

use netapi_ndr::Ndr;

use super::{
    AliasInformationClass, GroupInformationClass, SamprAliasInfoBuffer, SamprGetGroupsBuffer,
    SamprGetMembersBuffer, SamprGroupInfoBuffer, SamprPsidArrayOut, SamprUserInfoBuffer,
    UserDomainPasswordInformation, UserInformationClass,
};
use crate::dtyp::{ContextHandle, RpcSid, RpcUnicodeString};

/// `SamrCreateGroupInDomain` request (\[MS-SAMR\] 3.1.5.4.2, opnum 10).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCreateGroupInDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
}

/// `SamrCreateGroupInDomain` response (\[MS-SAMR\] 3.1.5.4.2).
///
/// `STATUS_GROUP_EXISTS` (0xC0000065) when the name is taken.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCreateGroupInDomainResponse {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
    /// `RelativeId`.
    pub relative_id: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrOpenGroup` request (\[MS-SAMR\] 3.1.5.1.7, opnum 19).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenGroupRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
    /// `GroupId`.
    pub group_id: u32,
}

/// `SamrOpenGroup` response (\[MS-SAMR\] 3.1.5.1.7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenGroupResponse {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryInformationGroup` request (\[MS-SAMR\] 3.1.5.5.3, opnum 20).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationGroupRequest {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
    /// `GroupInformationClass`.
    pub group_information_class: GroupInformationClass,
}

/// `SamrQueryInformationGroup` response (\[MS-SAMR\] 3.1.5.5.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationGroupResponse {
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprGroupInfoBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrSetInformationGroup` request (\[MS-SAMR\] 3.1.5.6.2, opnum 21).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationGroupRequest {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
    /// `GroupInformationClass`.
    pub group_information_class: GroupInformationClass,
    /// `Buffer`.
    #[ndr(switch_is(group_information_class))]
    pub buffer: SamprGroupInfoBuffer,
}

/// `SamrSetInformationGroup` response (\[MS-SAMR\] 3.1.5.6.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationGroupResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrAddMemberToGroup` request (\[MS-SAMR\] 3.1.5.8.1, opnum 22).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrAddMemberToGroupRequest {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
    /// `MemberId`: the user's RID.
    pub member_id: u32,
    /// `Attributes`: [`super::se_group`] bits.
    pub attributes: u32,
}

/// `SamrAddMemberToGroup` response (\[MS-SAMR\] 3.1.5.8.1).
///
/// `STATUS_MEMBER_IN_GROUP` (0xC0000067) when it already is.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrAddMemberToGroupResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrDeleteGroup` request (\[MS-SAMR\] 3.1.5.7.1, opnum 23).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrDeleteGroupRequest {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
}

/// `SamrDeleteGroup` response (\[MS-SAMR\] 3.1.5.7.1).
///
/// quirk(samba-4.17): the file server leaves the handle non-zero.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrDeleteGroupResponse {
    /// `GroupHandle`: zeroed on success.
    pub group_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrRemoveMemberFromGroup` request (\[MS-SAMR\] 3.1.5.8.2, opnum 24).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrRemoveMemberFromGroupRequest {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
    /// `MemberId`.
    pub member_id: u32,
}

/// `SamrRemoveMemberFromGroup` response (\[MS-SAMR\] 3.1.5.8.2).
///
/// `STATUS_MEMBER_NOT_IN_GROUP` (0xC0000068) when it is not.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrRemoveMemberFromGroupResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrGetMembersInGroup` request (\[MS-SAMR\] 3.1.5.8.3, opnum 25).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetMembersInGroupRequest {
    /// `GroupHandle`.
    pub group_handle: ContextHandle,
}

/// `SamrGetMembersInGroup` response (\[MS-SAMR\] 3.1.5.8.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetMembersInGroupResponse {
    /// `Members`.
    #[ndr(unique)]
    pub members: Option<SamprGetMembersBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrCreateAliasInDomain` request (\[MS-SAMR\] 3.1.5.4.3, opnum 14).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCreateAliasInDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `AccountName`.
    pub account_name: RpcUnicodeString,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
}

/// `SamrCreateAliasInDomain` response (\[MS-SAMR\] 3.1.5.4.3).
///
/// `STATUS_ALIAS_EXISTS` (0xC0000154) when the name is taken.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCreateAliasInDomainResponse {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
    /// `RelativeId`.
    pub relative_id: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrOpenAlias` request (\[MS-SAMR\] 3.1.5.1.8, opnum 27).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenAliasRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
    /// `AliasId`.
    pub alias_id: u32,
}

/// `SamrOpenAlias` response (\[MS-SAMR\] 3.1.5.1.8).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenAliasResponse {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryInformationAlias` request (\[MS-SAMR\] 3.1.5.5.4, opnum 28).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationAliasRequest {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
    /// `AliasInformationClass`.
    pub alias_information_class: AliasInformationClass,
}

/// `SamrQueryInformationAlias` response (\[MS-SAMR\] 3.1.5.5.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationAliasResponse {
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprAliasInfoBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrSetInformationAlias` request (\[MS-SAMR\] 3.1.5.6.3, opnum 29).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationAliasRequest {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
    /// `AliasInformationClass`.
    pub alias_information_class: AliasInformationClass,
    /// `Buffer`.
    #[ndr(switch_is(alias_information_class))]
    pub buffer: SamprAliasInfoBuffer,
}

/// `SamrSetInformationAlias` response (\[MS-SAMR\] 3.1.5.6.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationAliasResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrDeleteAlias` request (\[MS-SAMR\] 3.1.5.7.2, opnum 30).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrDeleteAliasRequest {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
}

/// `SamrDeleteAlias` response (\[MS-SAMR\] 3.1.5.7.2).
///
/// quirk(samba-4.17): the file server leaves the handle non-zero.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrDeleteAliasResponse {
    /// `AliasHandle`: zeroed on success.
    pub alias_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrAddMemberToAlias` request (\[MS-SAMR\] 3.1.5.8.4, opnum 31).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrAddMemberToAliasRequest {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
    /// `MemberId`: the member's SID (any domain).
    pub member_id: RpcSid,
}

/// `SamrAddMemberToAlias` response (\[MS-SAMR\] 3.1.5.8.4).
///
/// `STATUS_MEMBER_IN_ALIAS` (0xC0000153) when it already is.
/// quirk(samba-4.17): the DC answers `STATUS_MEMBER_IN_GROUP` (0xC0000067)
/// instead.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrAddMemberToAliasResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrRemoveMemberFromAlias` request (\[MS-SAMR\] 3.1.5.8.5, opnum 32).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrRemoveMemberFromAliasRequest {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
    /// `MemberId`.
    pub member_id: RpcSid,
}

/// `SamrRemoveMemberFromAlias` response (\[MS-SAMR\] 3.1.5.8.5).
///
/// `STATUS_MEMBER_NOT_IN_ALIAS` (0xC0000152) when it is not.
/// quirk(samba-4.17): the DC answers `STATUS_MEMBER_NOT_IN_GROUP`
/// (0xC0000068) instead.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrRemoveMemberFromAliasResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrGetMembersInAlias` request (\[MS-SAMR\] 3.1.5.8.6, opnum 33).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetMembersInAliasRequest {
    /// `AliasHandle`.
    pub alias_handle: ContextHandle,
}

/// `SamrGetMembersInAlias` response (\[MS-SAMR\] 3.1.5.8.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetMembersInAliasResponse {
    /// `Members`.
    pub members: SamprPsidArrayOut,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrOpenUser` request (\[MS-SAMR\] 3.1.5.1.9, opnum 34).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenUserRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
    /// `UserId`.
    pub user_id: u32,
}

/// `SamrOpenUser` response (\[MS-SAMR\] 3.1.5.1.9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrOpenUserResponse {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrDeleteUser` request (\[MS-SAMR\] 3.1.5.7.3, opnum 35).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrDeleteUserRequest {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
}

/// `SamrDeleteUser` response (\[MS-SAMR\] 3.1.5.7.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrDeleteUserResponse {
    /// `UserHandle`: zeroed on success.
    pub user_handle: ContextHandle,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryInformationUser` request (\[MS-SAMR\] 3.1.5.5.6, opnum 36).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationUserRequest {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// `UserInformationClass`.
    pub user_information_class: UserInformationClass,
}

/// `SamrQueryInformationUser` response (\[MS-SAMR\] 3.1.5.5.6).
///
/// The password-setting classes (18, 23–26) cannot be read:
/// `STATUS_INVALID_INFO_CLASS`. quirk(samba-4.17): the DC answers
/// `STATUS_NOT_SUPPORTED` (0xC00000BB) instead.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationUserResponse {
    /// `Buffer`.
    #[ndr(unique)]
    pub buffer: Option<SamprUserInfoBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrSetInformationUser` request (\[MS-SAMR\] 3.1.5.6.5, opnum 37).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationUserRequest {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// `UserInformationClass`.
    pub user_information_class: UserInformationClass,
    /// `Buffer`.
    #[ndr(switch_is(user_information_class))]
    pub buffer: SamprUserInfoBuffer,
}

/// `SamrSetInformationUser` response (\[MS-SAMR\] 3.1.5.6.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationUserResponse {
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrGetGroupsForUser` request (\[MS-SAMR\] 3.1.5.9.1, opnum 39).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetGroupsForUserRequest {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
}

/// `SamrGetGroupsForUser` response (\[MS-SAMR\] 3.1.5.9.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetGroupsForUserResponse {
    /// `Groups`.
    #[ndr(unique)]
    pub groups: Option<SamprGetGroupsBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrGetUserDomainPasswordInformation` request (\[MS-SAMR\] 3.1.5.13.3, opnum 44).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetUserDomainPasswordInformationRequest {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
}

/// `SamrGetUserDomainPasswordInformation` response (\[MS-SAMR\] 3.1.5.13.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrGetUserDomainPasswordInformationResponse {
    /// `PasswordInformation`.
    pub password_information: UserDomainPasswordInformation,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrQueryInformationUser2` request (\[MS-SAMR\] 3.1.5.5.5, opnum 47).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationUser2Request {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// `UserInformationClass`.
    pub user_information_class: UserInformationClass,
}

/// `SamrQueryInformationUser2` response (\[MS-SAMR\] 3.1.5.5.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrQueryInformationUser2Response {
    /// `Buffer`: `[out, switch_is(UserInformationClass)]` under a `[ref]` pointer: the union
    /// carries its own discriminant.
    #[ndr(unique)]
    pub buffer: Option<SamprUserInfoBuffer>,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrCreateUser2InDomain` request (\[MS-SAMR\] 3.1.5.4.4, opnum 50).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCreateUser2InDomainRequest {
    /// `DomainHandle`.
    pub domain_handle: ContextHandle,
    /// `Name`.
    pub name: RpcUnicodeString,
    /// `AccountType`: `USER_NORMAL_ACCOUNT` or a trust account type ([`super::account_control`]).
    pub account_type: u32,
    /// `DesiredAccess`: [`super::access`] bits.
    pub desired_access: u32,
}

/// `SamrCreateUser2InDomain` response (\[MS-SAMR\] 3.1.5.4.4).
///
/// `STATUS_USER_EXISTS` (0xC0000063) when the name is taken. The new
/// account is disabled until its control bits are set.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrCreateUser2InDomainResponse {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// `GrantedAccess`.
    pub granted_access: u32,
    /// `RelativeId`.
    pub relative_id: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// `SamrSetInformationUser2` request (\[MS-SAMR\] 3.1.5.6.4, opnum 58).
///
/// The password classes need the SMB session key, so they only go over
/// `ncacn_np` (\[MS-SAMR\] 2.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationUser2Request {
    /// `UserHandle`.
    pub user_handle: ContextHandle,
    /// `UserInformationClass`.
    pub user_information_class: UserInformationClass,
    /// `Buffer`.
    #[ndr(switch_is(user_information_class))]
    pub buffer: SamprUserInfoBuffer,
}

/// `SamrSetInformationUser2` response (\[MS-SAMR\] 3.1.5.6.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct SamrSetInformationUser2Response {
    /// The return value (an NTSTATUS).
    pub status: u32,
}
