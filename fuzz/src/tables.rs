//! The NDR types of `decode_srvsvc`, `decode_dtyp_hard`, `decode_epmapper`, `decode_samr_lsa` and
//! `decode_wkssvc`, indexed by the first input byte (modulo the table length). The seed generator
//! uses the same tables to give each golden
//! vector its selector byte, so keep the order stable: appending is fine, reordering turns the
//! committed seeds into other types' seeds.

use netapi_msrpc::dtyp::*;
use netapi_msrpc::epmapper::{EptLookupHandle, EptMapRequest, EptMapResponse, Twr};
use netapi_msrpc::srvsvc::*;

use crate::ndr_round_trip;
use netapi_msrpc::{lsarpc::*, samr::*, wkssvc::*};

/// Decodes one stub as a fixed type ([`ndr_round_trip`]); true when it decoded.
pub type Decoder = fn(&[u8]) -> bool;

/// The body of a table-driven decode target: the first input byte picks the type from `table`,
/// the rest is the stub, decoded within the NDR targets' memory budget (96 × stub + 64 KiB:
/// three live copies at most — value, encoding, second value — each a bounded multiple of the
/// stub).
pub fn decode_selected(target: &str, table: &[Decoder], data: &[u8]) {
    let Some((&sel, stub)) = data.split_first() else {
        return;
    };
    let decode = table[usize::from(sel) % table.len()];
    crate::alloc::bounded(
        target,
        crate::alloc_budget(stub.len(), 96, 64 << 10),
        || decode(stub),
    );
}

/// srvsvc: responses in opnum order (index = position in `srvsvc::OPNUMS`), then requests in
/// the same order (index + [`SRVSVC_REQUESTS`]), then unions and containers.
pub const SRVSVC: &[Decoder] = &[
    ndr_round_trip::<NetrConnectionEnumResponse>,
    ndr_round_trip::<NetrFileEnumResponse>,
    ndr_round_trip::<NetrFileGetInfoResponse>,
    ndr_round_trip::<NetrFileCloseResponse>,
    ndr_round_trip::<NetrSessionEnumResponse>,
    ndr_round_trip::<NetrSessionDelResponse>,
    ndr_round_trip::<NetrShareAddResponse>,
    ndr_round_trip::<NetrShareEnumResponse>,
    ndr_round_trip::<NetrShareGetInfoResponse>,
    ndr_round_trip::<NetrShareSetInfoResponse>,
    ndr_round_trip::<NetrShareDelResponse>,
    ndr_round_trip::<NetrShareCheckResponse>,
    ndr_round_trip::<NetrServerGetInfoResponse>,
    ndr_round_trip::<NetrServerSetInfoResponse>,
    ndr_round_trip::<NetrServerDiskEnumResponse>,
    ndr_round_trip::<NetrServerStatisticsGetResponse>,
    ndr_round_trip::<NetrServerTransportEnumResponse>,
    ndr_round_trip::<NetrRemoteTODResponse>,
    ndr_round_trip::<NetrServerTransportAddExResponse>,
    ndr_round_trip::<NetrServerTransportDelExResponse>,
    ndr_round_trip::<NetrConnectionEnumRequest>,
    ndr_round_trip::<NetrFileEnumRequest>,
    ndr_round_trip::<NetrFileGetInfoRequest>,
    ndr_round_trip::<NetrFileCloseRequest>,
    ndr_round_trip::<NetrSessionEnumRequest>,
    ndr_round_trip::<NetrSessionDelRequest>,
    ndr_round_trip::<NetrShareAddRequest>,
    ndr_round_trip::<NetrShareEnumRequest>,
    ndr_round_trip::<NetrShareGetInfoRequest>,
    ndr_round_trip::<NetrShareSetInfoRequest>,
    ndr_round_trip::<NetrShareDelRequest>,
    ndr_round_trip::<NetrShareCheckRequest>,
    ndr_round_trip::<NetrServerGetInfoRequest>,
    ndr_round_trip::<NetrServerSetInfoRequest>,
    ndr_round_trip::<NetrServerDiskEnumRequest>,
    ndr_round_trip::<NetrServerStatisticsGetRequest>,
    ndr_round_trip::<NetrServerTransportEnumRequest>,
    ndr_round_trip::<NetrRemoteTODRequest>,
    ndr_round_trip::<NetrServerTransportAddExRequest>,
    ndr_round_trip::<NetrServerTransportDelExRequest>,
    // The unions and enumeration structs as top-level constructs.
    ndr_round_trip::<ConnectEnumStruct>,
    ndr_round_trip::<FileEnumStruct>,
    ndr_round_trip::<FileInfo>,
    ndr_round_trip::<SessionEnumStruct>,
    ndr_round_trip::<ShareEnumStruct>,
    ndr_round_trip::<ShareInfo>,
    ndr_round_trip::<ServerInfo>,
    ndr_round_trip::<DiskEnumContainer>,
    ndr_round_trip::<ServerXportEnumStruct>,
    ndr_round_trip::<TransportInfo>,
    ndr_round_trip::<StatServer0>,
    ndr_round_trip::<TimeOfDayInfo>,
];

/// Where the srvsvc requests start in [`SRVSVC`].
pub const SRVSVC_REQUESTS: usize = 20;

/// [MS-DTYP] types, then SAMR, LSAT and WKSSVC types and calls (`netapi_msrpc::{samr, lsarpc, wkssvc}`).
pub const DTYP_HARD: &[Decoder] = &[
    // [MS-DTYP]
    ndr_round_trip::<FileTime>,
    ndr_round_trip::<OldLargeInteger>,
    ndr_round_trip::<LargeInteger>,
    ndr_round_trip::<RpcUnicodeString>,
    ndr_round_trip::<RpcSid>,
    ndr_round_trip::<ContextHandle>,
    ndr_round_trip::<Guid>,
    // [MS-SAMR]
    ndr_round_trip::<RpcShortBlob>,
    ndr_round_trip::<SamprSrSecurityDescriptor>,
    ndr_round_trip::<SamprLogonHours>,
    ndr_round_trip::<SamprUserAllInformation>,
    ndr_round_trip::<SamprUserGeneralInformation>,
    ndr_round_trip::<SamprUserInfoBuffer>,
    ndr_round_trip::<SamprPsidArray>,
    ndr_round_trip::<SamprUlongArray>,
    ndr_round_trip::<SamrOpenUserRequest>,
    ndr_round_trip::<SamrOpenUserResponse>,
    ndr_round_trip::<SamrQueryInformationUser2Request>,
    ndr_round_trip::<SamrQueryInformationUser2Response>,
    ndr_round_trip::<SamrGetAliasMembershipRequest>,
    ndr_round_trip::<SamrGetAliasMembershipResponse>,
    // [MS-LSAT]
    ndr_round_trip::<LsaprSidEnumBuffer>,
    ndr_round_trip::<LsaprReferencedDomainList>,
    ndr_round_trip::<LsaprTranslatedNames>,
    ndr_round_trip::<LsaprTranslatedSids>,
    ndr_round_trip::<LsarLookupSidsRequest>,
    ndr_round_trip::<LsarLookupSidsResponse>,
    ndr_round_trip::<LsarLookupNamesRequest>,
    ndr_round_trip::<LsarLookupNamesResponse>,
    // [MS-WKST]
    ndr_round_trip::<WkstaInfo>,
    ndr_round_trip::<WkstaInfo502>,
    ndr_round_trip::<NetrWkstaGetInfoRequest>,
    ndr_round_trip::<NetrWkstaGetInfoResponse>,
    // [MS-DTYP] RPC_UNICODE_STRING read as text (SAMR enumeration names); last, so the
    // selectors of the entries above stay.
    ndr_round_trip::<RpcUnicodeText>,
];

/// epmapper (`netapi_msrpc::epmapper`): the `ept_map` call and its NDR types; the tower
/// octets inside a `twr_t` have their own codec, fuzzed by `decode_epmapper` directly.
pub const EPMAPPER: &[Decoder] = &[
    ndr_round_trip::<EptMapRequest>,
    ndr_round_trip::<EptMapResponse>,
    ndr_round_trip::<Twr>,
    ndr_round_trip::<EptLookupHandle>,
];

/// The workstation, domain and messaging interfaces (`decode_wkssvc`): for wkssvc, netlogon and
/// msgsvc in turn, the responses in opnum order then the requests in the same order (see
/// [`workstation_index`]), then the unions and structures on their own.
pub const WKSSVC: &[Decoder] = &[
    // wkssvc responses (wkssvc::OPNUMS order)
    ndr_round_trip::<NetrWkstaGetInfoResponse>,
    ndr_round_trip::<NetrWkstaSetInfoResponse>,
    ndr_round_trip::<NetrWkstaUserEnumResponse>,
    ndr_round_trip::<NetrWkstaTransportEnumResponse>,
    ndr_round_trip::<NetrWkstaTransportAddResponse>,
    ndr_round_trip::<NetrWkstaTransportDelResponse>,
    ndr_round_trip::<NetrUseAddResponse>,
    ndr_round_trip::<NetrUseGetInfoResponse>,
    ndr_round_trip::<NetrUseDelResponse>,
    ndr_round_trip::<NetrUseEnumResponse>,
    ndr_round_trip::<NetrWorkstationStatisticsGetResponse>,
    ndr_round_trip::<NetrGetJoinInformationResponse>,
    ndr_round_trip::<NetrValidateName2Response>,
    // wkssvc requests
    ndr_round_trip::<NetrWkstaGetInfoRequest>,
    ndr_round_trip::<NetrWkstaSetInfoRequest>,
    ndr_round_trip::<NetrWkstaUserEnumRequest>,
    ndr_round_trip::<NetrWkstaTransportEnumRequest>,
    ndr_round_trip::<NetrWkstaTransportAddRequest>,
    ndr_round_trip::<NetrWkstaTransportDelRequest>,
    ndr_round_trip::<NetrUseAddRequest>,
    ndr_round_trip::<NetrUseGetInfoRequest>,
    ndr_round_trip::<NetrUseDelRequest>,
    ndr_round_trip::<NetrUseEnumRequest>,
    ndr_round_trip::<NetrWorkstationStatisticsGetRequest>,
    ndr_round_trip::<NetrGetJoinInformationRequest>,
    ndr_round_trip::<NetrValidateName2Request>,
    // netlogon responses, requests
    ndr_round_trip::<netapi_msrpc::netlogon::NetrGetDCNameResponse>,
    ndr_round_trip::<netapi_msrpc::netlogon::NetrGetAnyDCNameResponse>,
    ndr_round_trip::<netapi_msrpc::netlogon::NetrGetDCNameRequest>,
    ndr_round_trip::<netapi_msrpc::netlogon::NetrGetAnyDCNameRequest>,
    // msgsvc responses, requests
    ndr_round_trip::<netapi_msrpc::msgsvc::NetrMessageNameAddResponse>,
    ndr_round_trip::<netapi_msrpc::msgsvc::NetrMessageNameEnumResponse>,
    ndr_round_trip::<netapi_msrpc::msgsvc::NetrMessageNameDelResponse>,
    ndr_round_trip::<netapi_msrpc::msgsvc::NetrMessageNameAddRequest>,
    ndr_round_trip::<netapi_msrpc::msgsvc::NetrMessageNameEnumRequest>,
    ndr_round_trip::<netapi_msrpc::msgsvc::NetrMessageNameDelRequest>,
    // unions and structures
    ndr_round_trip::<WkstaInfo>,
    ndr_round_trip::<UseInfo>,
    ndr_round_trip::<UseInfo3>,
    ndr_round_trip::<WkstaUserEnumStruct>,
    ndr_round_trip::<WkstaTransportEnumStruct>,
    ndr_round_trip::<UseEnumStruct>,
    ndr_round_trip::<StatWorkstation0>,
    ndr_round_trip::<JoinprEncryptedUserPassword>,
    ndr_round_trip::<netapi_msrpc::msgsvc::MsgEnumStruct>,
];

/// The index in [`WKSSVC`] of the request or response of `opnum` of interface `iface`
/// (`wkssvc`, `netlogon`, `msgsvc`).
pub fn workstation_index(iface: &str, opnum: u16, request: bool) -> Option<usize> {
    let mut base = 0;
    for (name, opnums) in [
        ("wkssvc", netapi_msrpc::wkssvc::OPNUMS),
        ("netlogon", netapi_msrpc::netlogon::OPNUMS),
        ("msgsvc", netapi_msrpc::msgsvc::OPNUMS),
    ] {
        if name == iface {
            let pos = opnums.iter().position(|(o, _)| *o == opnum)?;
            return Some(base + pos + if request { opnums.len() } else { 0 });
        }
        base += 2 * opnums.len();
    }
    None
}

/// SAMR and LSA (`netapi_msrpc::{samr, lsarpc}`), `decode_samr_lsa`: SAMR responses in opnum
/// order (index = position in `samr::OPNUMS`), then SAMR requests (+ [`SAMR_REQUESTS`]), LSA
/// responses (+ [`LSA_RESPONSES`]), LSA requests (+ [`LSA_REQUESTS`]), then the unions and
/// buffers on their own.
pub const SAMR_LSA: &[Decoder] = &[
    ndr_round_trip::<SamrCloseHandleResponse>,
    ndr_round_trip::<SamrSetSecurityObjectResponse>,
    ndr_round_trip::<SamrQuerySecurityObjectResponse>,
    ndr_round_trip::<SamrLookupDomainInSamServerResponse>,
    ndr_round_trip::<SamrEnumerateDomainsInSamServerResponse>,
    ndr_round_trip::<SamrOpenDomainResponse>,
    ndr_round_trip::<SamrQueryInformationDomainResponse>,
    ndr_round_trip::<SamrSetInformationDomainResponse>,
    ndr_round_trip::<SamrCreateGroupInDomainResponse>,
    ndr_round_trip::<SamrEnumerateGroupsInDomainResponse>,
    ndr_round_trip::<SamrEnumerateUsersInDomainResponse>,
    ndr_round_trip::<SamrCreateAliasInDomainResponse>,
    ndr_round_trip::<SamrEnumerateAliasesInDomainResponse>,
    ndr_round_trip::<SamrGetAliasMembershipResponse>,
    ndr_round_trip::<SamrLookupNamesInDomainResponse>,
    ndr_round_trip::<SamrLookupIdsInDomainResponse>,
    ndr_round_trip::<SamrOpenGroupResponse>,
    ndr_round_trip::<SamrQueryInformationGroupResponse>,
    ndr_round_trip::<SamrSetInformationGroupResponse>,
    ndr_round_trip::<SamrAddMemberToGroupResponse>,
    ndr_round_trip::<SamrDeleteGroupResponse>,
    ndr_round_trip::<SamrRemoveMemberFromGroupResponse>,
    ndr_round_trip::<SamrGetMembersInGroupResponse>,
    ndr_round_trip::<SamrOpenAliasResponse>,
    ndr_round_trip::<SamrQueryInformationAliasResponse>,
    ndr_round_trip::<SamrSetInformationAliasResponse>,
    ndr_round_trip::<SamrDeleteAliasResponse>,
    ndr_round_trip::<SamrAddMemberToAliasResponse>,
    ndr_round_trip::<SamrRemoveMemberFromAliasResponse>,
    ndr_round_trip::<SamrGetMembersInAliasResponse>,
    ndr_round_trip::<SamrOpenUserResponse>,
    ndr_round_trip::<SamrDeleteUserResponse>,
    ndr_round_trip::<SamrQueryInformationUserResponse>,
    ndr_round_trip::<SamrSetInformationUserResponse>,
    ndr_round_trip::<SamrGetGroupsForUserResponse>,
    ndr_round_trip::<SamrQueryDisplayInformationResponse>,
    ndr_round_trip::<SamrGetUserDomainPasswordInformationResponse>,
    ndr_round_trip::<SamrQueryInformationDomain2Response>,
    ndr_round_trip::<SamrQueryInformationUser2Response>,
    ndr_round_trip::<SamrCreateUser2InDomainResponse>,
    ndr_round_trip::<SamrQueryDisplayInformation3Response>,
    ndr_round_trip::<SamrUnicodeChangePasswordUser2Response>,
    ndr_round_trip::<SamrGetDomainPasswordInformationResponse>,
    ndr_round_trip::<SamrSetInformationUser2Response>,
    ndr_round_trip::<SamrConnect4Response>,
    ndr_round_trip::<SamrConnect5Response>,
    ndr_round_trip::<SamrRidToSidResponse>,
    ndr_round_trip::<SamrValidatePasswordResponse>,
    ndr_round_trip::<SamrCloseHandleRequest>,
    ndr_round_trip::<SamrSetSecurityObjectRequest>,
    ndr_round_trip::<SamrQuerySecurityObjectRequest>,
    ndr_round_trip::<SamrLookupDomainInSamServerRequest>,
    ndr_round_trip::<SamrEnumerateDomainsInSamServerRequest>,
    ndr_round_trip::<SamrOpenDomainRequest>,
    ndr_round_trip::<SamrQueryInformationDomainRequest>,
    ndr_round_trip::<SamrSetInformationDomainRequest>,
    ndr_round_trip::<SamrCreateGroupInDomainRequest>,
    ndr_round_trip::<SamrEnumerateGroupsInDomainRequest>,
    ndr_round_trip::<SamrEnumerateUsersInDomainRequest>,
    ndr_round_trip::<SamrCreateAliasInDomainRequest>,
    ndr_round_trip::<SamrEnumerateAliasesInDomainRequest>,
    ndr_round_trip::<SamrGetAliasMembershipRequest>,
    ndr_round_trip::<SamrLookupNamesInDomainRequest>,
    ndr_round_trip::<SamrLookupIdsInDomainRequest>,
    ndr_round_trip::<SamrOpenGroupRequest>,
    ndr_round_trip::<SamrQueryInformationGroupRequest>,
    ndr_round_trip::<SamrSetInformationGroupRequest>,
    ndr_round_trip::<SamrAddMemberToGroupRequest>,
    ndr_round_trip::<SamrDeleteGroupRequest>,
    ndr_round_trip::<SamrRemoveMemberFromGroupRequest>,
    ndr_round_trip::<SamrGetMembersInGroupRequest>,
    ndr_round_trip::<SamrOpenAliasRequest>,
    ndr_round_trip::<SamrQueryInformationAliasRequest>,
    ndr_round_trip::<SamrSetInformationAliasRequest>,
    ndr_round_trip::<SamrDeleteAliasRequest>,
    ndr_round_trip::<SamrAddMemberToAliasRequest>,
    ndr_round_trip::<SamrRemoveMemberFromAliasRequest>,
    ndr_round_trip::<SamrGetMembersInAliasRequest>,
    ndr_round_trip::<SamrOpenUserRequest>,
    ndr_round_trip::<SamrDeleteUserRequest>,
    ndr_round_trip::<SamrQueryInformationUserRequest>,
    ndr_round_trip::<SamrSetInformationUserRequest>,
    ndr_round_trip::<SamrGetGroupsForUserRequest>,
    ndr_round_trip::<SamrQueryDisplayInformationRequest>,
    ndr_round_trip::<SamrGetUserDomainPasswordInformationRequest>,
    ndr_round_trip::<SamrQueryInformationDomain2Request>,
    ndr_round_trip::<SamrQueryInformationUser2Request>,
    ndr_round_trip::<SamrCreateUser2InDomainRequest>,
    ndr_round_trip::<SamrQueryDisplayInformation3Request>,
    ndr_round_trip::<SamrUnicodeChangePasswordUser2Request>,
    ndr_round_trip::<SamrGetDomainPasswordInformationRequest>,
    ndr_round_trip::<SamrSetInformationUser2Request>,
    ndr_round_trip::<SamrConnect4Request>,
    ndr_round_trip::<SamrConnect5Request>,
    ndr_round_trip::<SamrRidToSidRequest>,
    ndr_round_trip::<SamrValidatePasswordRequest>,
    ndr_round_trip::<LsarCloseResponse>,
    ndr_round_trip::<LsarQueryInformationPolicyResponse>,
    ndr_round_trip::<LsarLookupNamesResponse>,
    ndr_round_trip::<LsarLookupSidsResponse>,
    ndr_round_trip::<LsarOpenPolicy2Response>,
    ndr_round_trip::<LsarGetUserNameResponse>,
    ndr_round_trip::<LsarQueryInformationPolicy2Response>,
    ndr_round_trip::<LsarLookupSids2Response>,
    ndr_round_trip::<LsarLookupNames2Response>,
    ndr_round_trip::<LsarLookupNames3Response>,
    ndr_round_trip::<LsarLookupSids3Response>,
    ndr_round_trip::<LsarLookupNames4Response>,
    ndr_round_trip::<LsarCloseRequest>,
    ndr_round_trip::<LsarQueryInformationPolicyRequest>,
    ndr_round_trip::<LsarLookupNamesRequest>,
    ndr_round_trip::<LsarLookupSidsRequest>,
    ndr_round_trip::<LsarOpenPolicy2Request>,
    ndr_round_trip::<LsarGetUserNameRequest>,
    ndr_round_trip::<LsarQueryInformationPolicy2Request>,
    ndr_round_trip::<LsarLookupSids2Request>,
    ndr_round_trip::<LsarLookupNames2Request>,
    ndr_round_trip::<LsarLookupNames3Request>,
    ndr_round_trip::<LsarLookupSids3Request>,
    ndr_round_trip::<LsarLookupNames4Request>,
    // The information unions and server-chosen buffers as top-level constructs.
    ndr_round_trip::<SamprDomainInfoBuffer>,
    ndr_round_trip::<SamprGroupInfoBuffer>,
    ndr_round_trip::<SamprAliasInfoBuffer>,
    ndr_round_trip::<SamprUserInfoBuffer>,
    ndr_round_trip::<SamprDisplayInfoBuffer>,
    ndr_round_trip::<SamValidateInputArg>,
    ndr_round_trip::<SamValidateOutputArg>,
    ndr_round_trip::<SamprEnumerationBuffer>,
    ndr_round_trip::<SamprUlongArray>,
    ndr_round_trip::<SamprReturnedUstringArray>,
    ndr_round_trip::<SamprPsidArrayOut>,
    ndr_round_trip::<SamprGetMembersBuffer>,
    ndr_round_trip::<SamprGetGroupsBuffer>,
    ndr_round_trip::<LsaprPolicyInformation>,
    ndr_round_trip::<LsaprObjectAttributes>,
    ndr_round_trip::<LsaprReferencedDomainList>,
    ndr_round_trip::<LsaprTranslatedNamesEx>,
    ndr_round_trip::<LsaprTranslatedSidsEx>,
    ndr_round_trip::<LsaprTranslatedSidsEx2>,
    samr_page_agrees,
];

/// `read_enumeration` never disagrees with the derived decoder: it answers only what the
/// derived decoder decodes, and then the same.
fn samr_page_agrees(stub: &[u8]) -> bool {
    let Some(direct) = read_enumeration(stub, &netapi_ndr::Limits::DEFAULT) else {
        return false;
    };
    let derived = netapi_ndr::decode::<SamrEnumerateUsersInDomainResponse>(stub)
        .unwrap_or_else(|e| panic!("read_enumeration answered what the decoder refuses: {e}"));
    assert_eq!(direct.enumeration_context, derived.enumeration_context);
    assert_eq!(direct.buffer, derived.buffer);
    assert_eq!(direct.count_returned, derived.count_returned);
    assert_eq!(direct.status, derived.status);
    true
}

/// Where the SAMR requests start in [`SAMR_LSA`].
pub const SAMR_REQUESTS: usize = 48;
/// Where the LSA responses start in [`SAMR_LSA`].
pub const LSA_RESPONSES: usize = 96;
/// Where the LSA requests start in [`SAMR_LSA`].
pub const LSA_REQUESTS: usize = 108;
