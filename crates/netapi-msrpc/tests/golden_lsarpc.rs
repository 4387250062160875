//! Golden vectors for lsarpc (\[MS-LSAT\], \[MS-LSAD\]) in `tests/vectors/lsarpc/`, one
//! `#[test]` per file, as in `golden_samr.rs`: impacket requests, Samba 4.17 answers from the
//! file server (`-fs`, s3 lsarpc) and the DC (`-dc`, s4), captured by
//! `tools/capture/lsarpc_capture.py` (and `capture_stubs.py` for opnums 14 and 15), and two
//! answers written from the spec (`*.out.spec.hex`, laid out by
//! `tools/capture/lsarpc_spec_vectors.py`) for `LsarLookupSids3` / `LsarLookupNames4`, which
//! both servers refuse without a Netlogon secure channel.
//!
//! `LsarQueryInformationPolicy2` has no file-server answer: quirk(samba-4.17), s3 faults with
//! `nca_s_op_rng_error`; its request is kept and the DC's answers stand for the opnum.

mod common;
#[path = "samr_lsarpc/harness.rs"]
mod harness;
#[path = "samr_lsarpc/snap.rs"]
mod snap;

use harness::How::{Exact, Impacket, Samba, Spec};
use harness::vectors;
use netapi_msrpc::lsarpc::*;

vectors! { "lsarpc";
    v00_close_policy_dc_in: "0-LsarClose-policy-dc.in.impacket-0.13.1.hex" => LsarCloseRequest, Exact,
        "handle";
    v00_close_policy_dc_out: "0-LsarClose-policy-dc.out.samba-4.17.hex" => LsarCloseResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v00_close_policy_fs_in: "0-LsarClose-policy-fs.in.impacket-0.13.1.hex" => LsarCloseRequest, Exact,
        "handle";
    v00_close_policy_fs_out: "0-LsarClose-policy-fs.out.samba-4.17.hex" => LsarCloseResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v07_query_information_policy_l1_dc_in: "7-LsarQueryInformationPolicy-L1-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_LOG_INFORMATION";
    v07_query_information_policy_l1_dc_out: "7-LsarQueryInformationPolicy-L1-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "audit log 0% max 0 retention 0 shutdown 0 time 0 next 0; STATUS_SUCCESS";
    v07_query_information_policy_l1_fs_in: "7-LsarQueryInformationPolicy-L1-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_LOG_INFORMATION";
    v07_query_information_policy_l1_fs_out: "7-LsarQueryInformationPolicy-L1-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "audit log 0% max 0 retention 0 shutdown 0 time 0 next 0; STATUS_SUCCESS";
    v07_query_information_policy_l10_dc_in: "7-LsarQueryInformationPolicy-L10-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_FULL_SET_INFORMATION";
    v07_query_information_policy_l10_dc_out: "7-LsarQueryInformationPolicy-L10-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "NULL; STATUS_INVALID_PARAMETER";
    v07_query_information_policy_l10_fs_in: "7-LsarQueryInformationPolicy-L10-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_FULL_SET_INFORMATION";
    v07_query_information_policy_l10_fs_out: "7-LsarQueryInformationPolicy-L10-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "NULL; STATUS_INVALID_PARAMETER";
    v07_query_information_policy_l11_dc_in: "7-LsarQueryInformationPolicy-L11-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_FULL_QUERY_INFORMATION";
    v07_query_information_policy_l11_dc_out: "7-LsarQueryInformationPolicy-L11-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "NULL; STATUS_INVALID_PARAMETER";
    v07_query_information_policy_l11_fs_in: "7-LsarQueryInformationPolicy-L11-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_FULL_QUERY_INFORMATION";
    v07_query_information_policy_l11_fs_out: "7-LsarQueryInformationPolicy-L11-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "NULL; STATUS_INVALID_PARAMETER";
    v07_query_information_policy_l12_dc_in: "7-LsarQueryInformationPolicy-L12-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_DNS_DOMAIN_INFORMATION";
    v07_query_information_policy_l12_dc_out: "7-LsarQueryInformationPolicy-L12-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "dns 'LABDOM' 'lab.example' forest 'lab.example' guid ef11dda6-9a6d-4b03-a40a-81baab6062ad S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v07_query_information_policy_l12_fs_in: "7-LsarQueryInformationPolicy-L12-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_DNS_DOMAIN_INFORMATION";
    v07_query_information_policy_l12_fs_out: "7-LsarQueryInformationPolicy-L12-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "dns NULL NULL forest NULL guid 00000000-0000-0000-0000-000000000000 NULL; STATUS_INVALID_INFO_CLASS";
    v07_query_information_policy_l13_dc_in: "7-LsarQueryInformationPolicy-L13-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_DNS_DOMAIN_INFORMATION_INT";
    v07_query_information_policy_l13_dc_out: "7-LsarQueryInformationPolicy-L13-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "dns 'LABDOM' 'lab.example' forest 'lab.example' guid ef11dda6-9a6d-4b03-a40a-81baab6062ad S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v07_query_information_policy_l13_fs_in: "7-LsarQueryInformationPolicy-L13-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_DNS_DOMAIN_INFORMATION_INT";
    v07_query_information_policy_l13_fs_out: "7-LsarQueryInformationPolicy-L13-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "dns NULL NULL forest NULL guid 00000000-0000-0000-0000-000000000000 NULL; STATUS_INVALID_INFO_CLASS";
    v07_query_information_policy_l14_dc_in: "7-LsarQueryInformationPolicy-L14-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_LOCAL_ACCOUNT_DOMAIN_INFORMATION";
    v07_query_information_policy_l14_dc_out: "7-LsarQueryInformationPolicy-L14-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "local account 'LABDOM' S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v07_query_information_policy_l14_fs_in: "7-LsarQueryInformationPolicy-L14-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_LOCAL_ACCOUNT_DOMAIN_INFORMATION";
    v07_query_information_policy_l14_fs_out: "7-LsarQueryInformationPolicy-L14-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "local account NULL NULL; STATUS_INVALID_INFO_CLASS";
    v07_query_information_policy_l15_dc_in: "7-LsarQueryInformationPolicy-L15-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_MACHINE_ACCOUNT_INFORMATION";
    v07_query_information_policy_l15_dc_out: "7-LsarQueryInformationPolicy-L15-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "NULL; STATUS_INVALID_INFO_CLASS";
    v07_query_information_policy_l2_dc_in: "7-LsarQueryInformationPolicy-L2-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_EVENTS_INFORMATION";
    v07_query_information_policy_l2_dc_out: "7-LsarQueryInformationPolicy-L2-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "audit events mode 0 NULL of 0; STATUS_SUCCESS";
    v07_query_information_policy_l2_fs_in: "7-LsarQueryInformationPolicy-L2-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_AUDIT_EVENTS_INFORMATION";
    v07_query_information_policy_l2_fs_out: "7-LsarQueryInformationPolicy-L2-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "audit events mode 1 [3, 3, 3, 3, 3, 3, 3] of 7; STATUS_SUCCESS";
    v07_query_information_policy_l3_dc_in: "7-LsarQueryInformationPolicy-L3-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_PRIMARY_DOMAIN_INFORMATION";
    v07_query_information_policy_l3_dc_out: "7-LsarQueryInformationPolicy-L3-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "primary 'LABDOM' S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v07_query_information_policy_l3_fs_in: "7-LsarQueryInformationPolicy-L3-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_PRIMARY_DOMAIN_INFORMATION";
    v07_query_information_policy_l3_fs_out: "7-LsarQueryInformationPolicy-L3-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "primary 'LAB' NULL; STATUS_SUCCESS";
    v07_query_information_policy_l4_dc_in: "7-LsarQueryInformationPolicy-L4-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_PD_ACCOUNT_INFORMATION";
    v07_query_information_policy_l4_dc_out: "7-LsarQueryInformationPolicy-L4-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "pd account NULL; STATUS_SUCCESS";
    v07_query_information_policy_l4_fs_in: "7-LsarQueryInformationPolicy-L4-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_PD_ACCOUNT_INFORMATION";
    v07_query_information_policy_l4_fs_out: "7-LsarQueryInformationPolicy-L4-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "pd account NULL; STATUS_SUCCESS";
    v07_query_information_policy_l5_dc_in: "7-LsarQueryInformationPolicy-L5-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_ACCOUNT_DOMAIN_INFORMATION";
    v07_query_information_policy_l5_dc_out: "7-LsarQueryInformationPolicy-L5-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "account 'LABDOM' S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v07_query_information_policy_l5_fs_in: "7-LsarQueryInformationPolicy-L5-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_ACCOUNT_DOMAIN_INFORMATION";
    v07_query_information_policy_l5_fs_out: "7-LsarQueryInformationPolicy-L5-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "account 'FILESRV' S-1-5-21-3933530076-1612056594-1342190675; STATUS_SUCCESS";
    v07_query_information_policy_l6_dc_in: "7-LsarQueryInformationPolicy-L6-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_LSA_SERVER_ROLE_INFORMATION";
    v07_query_information_policy_l6_dc_out: "7-LsarQueryInformationPolicy-L6-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "role POLICY_SERVER_ROLE_PRIMARY; STATUS_SUCCESS";
    v07_query_information_policy_l6_fs_in: "7-LsarQueryInformationPolicy-L6-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_LSA_SERVER_ROLE_INFORMATION";
    v07_query_information_policy_l6_fs_out: "7-LsarQueryInformationPolicy-L6-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "role POLICY_SERVER_ROLE_PRIMARY; STATUS_SUCCESS";
    v07_query_information_policy_l7_dc_in: "7-LsarQueryInformationPolicy-L7-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_REPLICA_SOURCE_INFORMATION";
    v07_query_information_policy_l7_dc_out: "7-LsarQueryInformationPolicy-L7-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "replica NULL account NULL; STATUS_SUCCESS";
    v07_query_information_policy_l7_fs_in: "7-LsarQueryInformationPolicy-L7-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_REPLICA_SOURCE_INFORMATION";
    v07_query_information_policy_l7_fs_out: "7-LsarQueryInformationPolicy-L7-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "replica NULL account NULL; STATUS_SUCCESS";
    v07_query_information_policy_l9_dc_in: "7-LsarQueryInformationPolicy-L9-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_MODIFICATION_INFORMATION";
    v07_query_information_policy_l9_dc_out: "7-LsarQueryInformationPolicy-L9-dc.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "NULL; STATUS_INVALID_PARAMETER";
    v07_query_information_policy_l9_fs_in: "7-LsarQueryInformationPolicy-L9-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicyRequest, Exact,
        "handle POLICY_MODIFICATION_INFORMATION";
    v07_query_information_policy_l9_fs_out: "7-LsarQueryInformationPolicy-L9-fs.out.samba-4.17.hex" => LsarQueryInformationPolicyResponse, Samba(0),
        "NULL; STATUS_INVALID_PARAMETER";
    v14_lookup_names_2names_dc_in: "14-LsarLookupNames-2names-dc.in.impacket-0.13.1.hex" => LsarLookupNamesRequest, Impacket,
        "handle 2 ['netapiuser', 'Domain Admins'] LSAP_LOOKUP_WKSTA mapped 0";
    v14_lookup_names_2names_dc_out: "14-LsarLookupNames-2names-dc.out.samba-4.17.hex" => LsarLookupNamesResponse, Samba(2),
        "domains 1/32 ['LABDOM' S-1-5-21-3638571539-644893661-1866550725] [SID_TYPE_USER 1104 @0, SID_TYPE_GROUP 512 @0] mapped 2; STATUS_SUCCESS";
    v14_lookup_names_3names_fs_in: "14-LsarLookupNames-3names-fs.in.impacket-0.13.1.hex" => LsarLookupNamesRequest, Impacket,
        "handle 3 ['netapiadmin', 'LabGroup', 'nosuchname'] LSAP_LOOKUP_WKSTA mapped 0";
    v14_lookup_names_3names_fs_out: "14-LsarLookupNames-3names-fs.out.samba-4.17.hex" => LsarLookupNamesResponse, Samba(3),
        "domains 1/32 ['FILESRV' S-1-5-21-934711357-2542880538-3431530894] [SID_TYPE_USER 1000 @0, SID_TYPE_GROUP 1002 @0, SID_TYPE_UNKNOWN 0 @-1] mapped 2; STATUS_SOME_NOT_MAPPED";
    v15_lookup_sids_4sids_dc_in: "15-LsarLookupSids-4sids-dc.in.impacket-0.13.1.hex" => LsarLookupSidsRequest, Impacket,
        "handle [S-1-5-32-544, S-1-5-32-545, S-1-1-0, S-1-5-21-1-2-3-4] LSAP_LOOKUP_WKSTA mapped 0";
    v15_lookup_sids_4sids_dc_out: "15-LsarLookupSids-4sids-dc.out.samba-4.17.hex" => LsarLookupSidsResponse, Samba(5),
        "domains 2/64 ['BUILTIN' S-1-5-32, '' S-1-1] [SID_TYPE_ALIAS 'Administrators' @0, SID_TYPE_ALIAS 'Users' @0, SID_TYPE_WELL_KNOWN_GROUP 'Everyone' @1, SID_TYPE_UNKNOWN 'S-1-5-21-1-2-3-4' @-1] mapped 3; STATUS_SOME_NOT_MAPPED";
    v15_lookup_sids_4sids_fs_in: "15-LsarLookupSids-4sids-fs.in.impacket-0.13.1.hex" => LsarLookupSidsRequest, Impacket,
        "handle [S-1-5-32-544, S-1-5-32-545, S-1-1-0, S-1-5-21-1-2-3-4] LSAP_LOOKUP_WKSTA mapped 0";
    v15_lookup_sids_4sids_fs_out: "15-LsarLookupSids-4sids-fs.out.samba-4.17.hex" => LsarLookupSidsResponse, Samba(5),
        "domains 3/32 ['BUILTIN' S-1-5-32, '' S-1-1, '' S-1-5-21-1-2-3] [SID_TYPE_ALIAS 'Administrators' @0, SID_TYPE_ALIAS 'Users' @0, SID_TYPE_WELL_KNOWN_GROUP 'Everyone' @1, SID_TYPE_UNKNOWN 'S-1-5-21-1-2-3-4' @-1] mapped 3; STATUS_SOME_NOT_MAPPED";
    v44_open_policy2_lookup_view_dc_in: "44-LsarOpenPolicy2-lookup-view-dc.in.impacket-0.13.1.hex" => LsarOpenPolicy2Request, Impacket,
        "'\\\\127.0.0.3' attrs zeroed access 0x801";
    v44_open_policy2_lookup_view_dc_out: "44-LsarOpenPolicy2-lookup-view-dc.out.samba-4.17.hex" => LsarOpenPolicy2Response, Samba(0),
        "handle; STATUS_SUCCESS";
    v44_open_policy2_lookup_view_fs_in: "44-LsarOpenPolicy2-lookup-view-fs.in.impacket-0.13.1.hex" => LsarOpenPolicy2Request, Impacket,
        "'\\\\127.0.0.2' attrs zeroed access 0x801";
    v44_open_policy2_lookup_view_fs_out: "44-LsarOpenPolicy2-lookup-view-fs.out.samba-4.17.hex" => LsarOpenPolicy2Response, Samba(0),
        "handle; STATUS_SUCCESS";
    v44_open_policy2_max_dc_in: "44-LsarOpenPolicy2-max-dc.in.impacket-0.13.1.hex" => LsarOpenPolicy2Request, Impacket,
        "'\\\\127.0.0.3' attrs zeroed access 0x2000000";
    v44_open_policy2_max_dc_out: "44-LsarOpenPolicy2-max-dc.out.samba-4.17.hex" => LsarOpenPolicy2Response, Samba(0),
        "handle; STATUS_SUCCESS";
    v44_open_policy2_max_fs_in: "44-LsarOpenPolicy2-max-fs.in.impacket-0.13.1.hex" => LsarOpenPolicy2Request, Impacket,
        "'\\\\127.0.0.2' attrs zeroed access 0x2000000";
    v44_open_policy2_max_fs_out: "44-LsarOpenPolicy2-max-fs.out.samba-4.17.hex" => LsarOpenPolicy2Response, Samba(0),
        "handle; STATUS_SUCCESS";
    v45_get_user_name_no_domain_dc_in: "45-LsarGetUserName-no-domain-dc.in.impacket-0.13.1.hex" => LsarGetUserNameRequest, Exact,
        "NULL user NULL domain NULL";
    v45_get_user_name_no_domain_dc_out: "45-LsarGetUserName-no-domain-dc.out.samba-4.17.hex" => LsarGetUserNameResponse, Samba(0),
        "user 'Administrator' domain NULL; STATUS_SUCCESS";
    v45_get_user_name_no_domain_fs_in: "45-LsarGetUserName-no-domain-fs.in.impacket-0.13.1.hex" => LsarGetUserNameRequest, Exact,
        "NULL user NULL domain NULL";
    v45_get_user_name_no_domain_fs_out: "45-LsarGetUserName-no-domain-fs.out.samba-4.17.hex" => LsarGetUserNameResponse, Samba(0),
        "user 'netapiadmin' domain NULL; STATUS_SUCCESS";
    v45_get_user_name_with_domain_dc_in: "45-LsarGetUserName-with-domain-dc.in.impacket-0.13.1.hex" => LsarGetUserNameRequest, Impacket,
        "NULL user NULL domain ->NULL";
    v45_get_user_name_with_domain_dc_out: "45-LsarGetUserName-with-domain-dc.out.samba-4.17.hex" => LsarGetUserNameResponse, Samba(1),
        "user 'Administrator' domain 'LABDOM'; STATUS_SUCCESS";
    v45_get_user_name_with_domain_fs_in: "45-LsarGetUserName-with-domain-fs.in.impacket-0.13.1.hex" => LsarGetUserNameRequest, Impacket,
        "NULL user NULL domain ->NULL";
    v45_get_user_name_with_domain_fs_out: "45-LsarGetUserName-with-domain-fs.out.samba-4.17.hex" => LsarGetUserNameResponse, Samba(1),
        "user 'netapiadmin' domain 'FILESRV'; STATUS_SUCCESS";
    v46_query_information_policy2_l12_dc_in: "46-LsarQueryInformationPolicy2-L12-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicy2Request, Exact,
        "handle POLICY_DNS_DOMAIN_INFORMATION";
    v46_query_information_policy2_l12_dc_out: "46-LsarQueryInformationPolicy2-L12-dc.out.samba-4.17.hex" => LsarQueryInformationPolicy2Response, Samba(0),
        "dns 'LABDOM' 'lab.example' forest 'lab.example' guid ef11dda6-9a6d-4b03-a40a-81baab6062ad S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v46_query_information_policy2_l3_dc_in: "46-LsarQueryInformationPolicy2-L3-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicy2Request, Exact,
        "handle POLICY_PRIMARY_DOMAIN_INFORMATION";
    v46_query_information_policy2_l3_dc_out: "46-LsarQueryInformationPolicy2-L3-dc.out.samba-4.17.hex" => LsarQueryInformationPolicy2Response, Samba(0),
        "primary 'LABDOM' S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v46_query_information_policy2_l3_fs_in: "46-LsarQueryInformationPolicy2-L3-fs.in.impacket-0.13.1.hex" => LsarQueryInformationPolicy2Request, Exact,
        "handle POLICY_PRIMARY_DOMAIN_INFORMATION";
    v46_query_information_policy2_l5_dc_in: "46-LsarQueryInformationPolicy2-L5-dc.in.impacket-0.13.1.hex" => LsarQueryInformationPolicy2Request, Exact,
        "handle POLICY_ACCOUNT_DOMAIN_INFORMATION";
    v46_query_information_policy2_l5_dc_out: "46-LsarQueryInformationPolicy2-L5-dc.out.samba-4.17.hex" => LsarQueryInformationPolicy2Response, Samba(0),
        "account 'LABDOM' S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v57_lookup_sids2_3sids_dc_in: "57-LsarLookupSids2-3sids-dc.in.impacket-0.13.1.hex" => LsarLookupSids2Request, Impacket,
        "handle [S-1-5-32-544, S-1-1-0, S-1-5-21-1-2-3-4] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v57_lookup_sids2_3sids_dc_out: "57-LsarLookupSids2-3sids-dc.out.samba-4.17.hex" => LsarLookupSids2Response, Samba(4),
        "domains 2/64 ['BUILTIN' S-1-5-32, '' S-1-1] [SID_TYPE_ALIAS 'Administrators' @0 f0, SID_TYPE_WELL_KNOWN_GROUP 'Everyone' @1 f0, SID_TYPE_UNKNOWN 'S-1-5-21-1-2-3-4' @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v57_lookup_sids2_3sids_fs_in: "57-LsarLookupSids2-3sids-fs.in.impacket-0.13.1.hex" => LsarLookupSids2Request, Impacket,
        "handle [S-1-5-32-544, S-1-1-0, S-1-5-21-1-2-3-4] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v57_lookup_sids2_3sids_fs_out: "57-LsarLookupSids2-3sids-fs.out.samba-4.17.hex" => LsarLookupSids2Response, Samba(4),
        "domains 3/32 ['BUILTIN' S-1-5-32, '' S-1-1, '' S-1-5-21-1-2-3] [SID_TYPE_ALIAS 'Administrators' @0 f0, SID_TYPE_WELL_KNOWN_GROUP 'Everyone' @1 f0, SID_TYPE_UNKNOWN 'S-1-5-21-1-2-3-4' @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v58_lookup_names2_3names_dc_in: "58-LsarLookupNames2-3names-dc.in.impacket-0.13.1.hex" => LsarLookupNames2Request, Impacket,
        "handle 3 ['netapiuser', 'Domain Admins', 'nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v58_lookup_names2_3names_dc_out: "58-LsarLookupNames2-3names-dc.out.samba-4.17.hex" => LsarLookupNames2Response, Samba(3),
        "domains 1/32 ['LABDOM' S-1-5-21-2749836509-1682262617-148795997] [SID_TYPE_USER 1104 @0 f0, SID_TYPE_GROUP 512 @0 f0, SID_TYPE_UNKNOWN 0 @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v58_lookup_names2_3names_fs_in: "58-LsarLookupNames2-3names-fs.in.impacket-0.13.1.hex" => LsarLookupNames2Request, Impacket,
        "handle 3 ['netapiadmin', 'LabGroup', 'nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v58_lookup_names2_3names_fs_out: "58-LsarLookupNames2-3names-fs.out.samba-4.17.hex" => LsarLookupNames2Response, Samba(3),
        "domains 1/32 ['FILESRV' S-1-5-21-3933530076-1612056594-1342190675] [SID_TYPE_USER 1000 @0 f0, SID_TYPE_GROUP 1002 @0 f0, SID_TYPE_UNKNOWN 0 @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v68_lookup_names3_3names_dc_in: "68-LsarLookupNames3-3names-dc.in.impacket-0.13.1.hex" => LsarLookupNames3Request, Impacket,
        "handle 3 ['netapiuser', 'Domain Admins', 'nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v68_lookup_names3_3names_dc_out: "68-LsarLookupNames3-3names-dc.out.samba-4.17.hex" => LsarLookupNames3Response, Samba(3),
        "domains 1/32 ['LABDOM' S-1-5-21-2749836509-1682262617-148795997] [SID_TYPE_USER S-1-5-21-2749836509-1682262617-148795997-1104 @0 f0, SID_TYPE_GROUP S-1-5-21-2749836509-1682262617-148795997-512 @0 f0, SID_TYPE_UNKNOWN NULL @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v68_lookup_names3_3names_fs_in: "68-LsarLookupNames3-3names-fs.in.impacket-0.13.1.hex" => LsarLookupNames3Request, Impacket,
        "handle 3 ['netapiadmin', 'LabGroup', 'nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v68_lookup_names3_3names_fs_out: "68-LsarLookupNames3-3names-fs.out.samba-4.17.hex" => LsarLookupNames3Response, Samba(3),
        "domains 1/32 ['FILESRV' S-1-5-21-3933530076-1612056594-1342190675] [SID_TYPE_USER S-1-5-21-3933530076-1612056594-1342190675-1000 @0 f0, SID_TYPE_GROUP S-1-5-21-3933530076-1612056594-1342190675-1002 @0 f0, SID_TYPE_UNKNOWN S-0-0 @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v68_lookup_names3_missing_dc_in: "68-LsarLookupNames3-missing-dc.in.impacket-0.13.1.hex" => LsarLookupNames3Request, Impacket,
        "handle 1 ['nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v68_lookup_names3_missing_dc_out: "68-LsarLookupNames3-missing-dc.out.samba-4.17.hex" => LsarLookupNames3Response, Samba(1),
        "domains 0/0 NULL [SID_TYPE_UNKNOWN NULL @-1 f0] mapped 0; STATUS_NONE_MAPPED";
    v68_lookup_names3_missing_fs_in: "68-LsarLookupNames3-missing-fs.in.impacket-0.13.1.hex" => LsarLookupNames3Request, Impacket,
        "handle 1 ['nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v68_lookup_names3_missing_fs_out: "68-LsarLookupNames3-missing-fs.out.samba-4.17.hex" => LsarLookupNames3Response, Samba(1),
        "domains 0/0 NULL [SID_TYPE_UNKNOWN S-0-0 @-1 f0] mapped 0; STATUS_NONE_MAPPED";
    v76_lookup_sids3_3sids_dc_in: "76-LsarLookupSids3-3sids-dc.in.impacket-0.13.1.hex" => LsarLookupSids3Request, Impacket,
        "[S-1-5-32-544, S-1-1-0, S-1-5-21-1-2-3-4] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v76_lookup_sids3_3sids_dc_out: "76-LsarLookupSids3-3sids-dc.out.spec.hex" => LsarLookupSids3Response, Spec,
        "domains 2/32 ['BUILTIN' S-1-5-32, NULL S-1-1] [SID_TYPE_ALIAS 'Administrators' @0 f0, SID_TYPE_WELL_KNOWN_GROUP 'Everyone' @1 f0, SID_TYPE_UNKNOWN 'S-1-5-21-1-2-3-4' @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v76_lookup_sids3_3sids_fs_in: "76-LsarLookupSids3-3sids-fs.in.impacket-0.13.1.hex" => LsarLookupSids3Request, Impacket,
        "[S-1-5-32-544, S-1-1-0, S-1-5-21-1-2-3-4] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v77_lookup_names4_3names_dc_in: "77-LsarLookupNames4-3names-dc.in.impacket-0.13.1.hex" => LsarLookupNames4Request, Impacket,
        "3 ['netapiuser', 'Domain Admins', 'nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
    v77_lookup_names4_3names_dc_out: "77-LsarLookupNames4-3names-dc.out.spec.hex" => LsarLookupNames4Response, Spec,
        "domains 1/32 ['LABDOM' S-1-5-21-2749836509-1682262617-148795997] [SID_TYPE_USER S-1-5-21-2749836509-1682262617-148795997-1104 @0 f0, SID_TYPE_GROUP S-1-5-21-2749836509-1682262617-148795997-512 @0 f0, SID_TYPE_UNKNOWN NULL @-1 f0] mapped 2; STATUS_SOME_NOT_MAPPED";
    v77_lookup_names4_3names_fs_in: "77-LsarLookupNames4-3names-fs.in.impacket-0.13.1.hex" => LsarLookupNames4Request, Impacket,
        "3 ['netapiadmin', 'LabGroup', 'nosuchname'] LSAP_LOOKUP_WKSTA mapped 0 options 0x0 rev 2";
}

/// Every vector of `tests/vectors/lsarpc` is listed, and every declared opnum has a response
/// vector from the DC (captured, or from the spec where no server answers).
#[test]
fn every_vector_is_listed() {
    let opnums: Vec<u16> = OPNUMS.iter().map(|(o, _)| *o).collect();
    harness::all_listed("lsarpc", &opnums, LISTED);
    for (opnum, name) in OPNUMS {
        let prefix = format!("{opnum}-{name}-");
        assert!(
            LISTED
                .iter()
                .any(|f| f.starts_with(&prefix) && f.contains("-dc.out.")),
            "no response vector for opnum {opnum} {name}"
        );
    }
}

/// quirk(samba-4.17): the file server answers the DNS and local-account classes with
/// STATUS_INVALID_INFO_CLASS but a non-NULL, zeroed arm; the DC fills them.
#[test]
fn file_server_policy_classes() {
    use netapi_ndr::decode;
    for level in [12, 13, 14] {
        let rel = format!("lsarpc/7-LsarQueryInformationPolicy-L{level}-fs.out.samba-4.17.hex");
        let r: LsarQueryInformationPolicyResponse = decode(&common::load(&rel)).unwrap();
        assert_eq!(r.status, 0xC000_0003, "{rel}");
        assert!(r.policy_information.is_some(), "{rel}");
    }
}
