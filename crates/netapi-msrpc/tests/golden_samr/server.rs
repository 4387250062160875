//! Server and domain calls: connect, close, domain lookup and open, domain information (all
//! classes, both query calls), the unchanged set, RID-to-SID, the handle-less password policy and
//! `SamrValidatePassword` (DC only, over TCP with privacy).

use netapi_msrpc::samr::*;

use super::harness::vectors;
use super::{Exact, Impacket, Samba};

vectors! { "samr";
    v01_close_handle_builtin_dc_in: "1-SamrCloseHandle-builtin-dc.in.impacket-0.13.1.hex" => SamrCloseHandleRequest, Exact,
        "handle";
    v01_close_handle_builtin_dc_out: "1-SamrCloseHandle-builtin-dc.out.samba-4.17.hex" => SamrCloseHandleResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v01_close_handle_builtin_fs_in: "1-SamrCloseHandle-builtin-fs.in.impacket-0.13.1.hex" => SamrCloseHandleRequest, Exact,
        "handle";
    v01_close_handle_builtin_fs_out: "1-SamrCloseHandle-builtin-fs.out.samba-4.17.hex" => SamrCloseHandleResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v01_close_handle_server_dc_in: "1-SamrCloseHandle-server-dc.in.impacket-0.13.1.hex" => SamrCloseHandleRequest, Exact,
        "handle";
    v01_close_handle_server_dc_out: "1-SamrCloseHandle-server-dc.out.samba-4.17.hex" => SamrCloseHandleResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v01_close_handle_server_fs_in: "1-SamrCloseHandle-server-fs.in.impacket-0.13.1.hex" => SamrCloseHandleRequest, Exact,
        "handle";
    v01_close_handle_server_fs_out: "1-SamrCloseHandle-server-fs.out.samba-4.17.hex" => SamrCloseHandleResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v05_lookup_domain_in_sam_server_account_dc_in: "5-SamrLookupDomainInSamServer-account-dc.in.impacket-0.13.1.hex" => SamrLookupDomainInSamServerRequest, Impacket,
        "handle 'LABDOM'";
    v05_lookup_domain_in_sam_server_account_dc_out: "5-SamrLookupDomainInSamServer-account-dc.out.samba-4.17.hex" => SamrLookupDomainInSamServerResponse, Samba(1),
        "S-1-5-21-2749836509-1682262617-148795997; STATUS_SUCCESS";
    v05_lookup_domain_in_sam_server_account_fs_in: "5-SamrLookupDomainInSamServer-account-fs.in.impacket-0.13.1.hex" => SamrLookupDomainInSamServerRequest, Impacket,
        "handle 'FILESRV'";
    v05_lookup_domain_in_sam_server_account_fs_out: "5-SamrLookupDomainInSamServer-account-fs.out.samba-4.17.hex" => SamrLookupDomainInSamServerResponse, Samba(1),
        "S-1-5-21-3933530076-1612056594-1342190675; STATUS_SUCCESS";
    v05_lookup_domain_in_sam_server_builtin_dc_in: "5-SamrLookupDomainInSamServer-builtin-dc.in.impacket-0.13.1.hex" => SamrLookupDomainInSamServerRequest, Impacket,
        "handle 'Builtin'";
    v05_lookup_domain_in_sam_server_builtin_dc_out: "5-SamrLookupDomainInSamServer-builtin-dc.out.samba-4.17.hex" => SamrLookupDomainInSamServerResponse, Samba(1),
        "S-1-5-32; STATUS_SUCCESS";
    v05_lookup_domain_in_sam_server_builtin_fs_in: "5-SamrLookupDomainInSamServer-builtin-fs.in.impacket-0.13.1.hex" => SamrLookupDomainInSamServerRequest, Impacket,
        "handle 'Builtin'";
    v05_lookup_domain_in_sam_server_builtin_fs_out: "5-SamrLookupDomainInSamServer-builtin-fs.out.samba-4.17.hex" => SamrLookupDomainInSamServerResponse, Samba(1),
        "S-1-5-32; STATUS_SUCCESS";
    v05_lookup_domain_in_sam_server_missing_dc_in: "5-SamrLookupDomainInSamServer-missing-dc.in.impacket-0.13.1.hex" => SamrLookupDomainInSamServerRequest, Impacket,
        "handle 'NoSuchDomain'";
    v05_lookup_domain_in_sam_server_missing_dc_out: "5-SamrLookupDomainInSamServer-missing-dc.out.samba-4.17.hex" => SamrLookupDomainInSamServerResponse, Samba(0),
        "NULL; STATUS_NO_SUCH_DOMAIN";
    v05_lookup_domain_in_sam_server_missing_fs_in: "5-SamrLookupDomainInSamServer-missing-fs.in.impacket-0.13.1.hex" => SamrLookupDomainInSamServerRequest, Impacket,
        "handle 'NoSuchDomain'";
    v05_lookup_domain_in_sam_server_missing_fs_out: "5-SamrLookupDomainInSamServer-missing-fs.out.samba-4.17.hex" => SamrLookupDomainInSamServerResponse, Samba(1),
        "S-0-0; STATUS_NO_SUCH_DOMAIN";
    v06_enumerate_domains_in_sam_server_all_dc_in: "6-SamrEnumerateDomainsInSamServer-all-dc.in.impacket-0.13.1.hex" => SamrEnumerateDomainsInSamServerRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v06_enumerate_domains_in_sam_server_all_dc_out: "6-SamrEnumerateDomainsInSamServer-all-dc.out.samba-4.17.hex" => SamrEnumerateDomainsInSamServerResponse, Samba(0),
        "ctx 2 2 ['LABDOM':0, 'BUILTIN':1] count 2; STATUS_SUCCESS";
    v06_enumerate_domains_in_sam_server_all_fs_in: "6-SamrEnumerateDomainsInSamServer-all-fs.in.impacket-0.13.1.hex" => SamrEnumerateDomainsInSamServerRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v06_enumerate_domains_in_sam_server_all_fs_out: "6-SamrEnumerateDomainsInSamServer-all-fs.out.samba-4.17.hex" => SamrEnumerateDomainsInSamServerResponse, Samba(0),
        "ctx 0 2 ['FILESRV':0, 'Builtin':1] count 2; STATUS_SUCCESS";
    v07_open_domain_account_dc_in: "7-SamrOpenDomain-account-dc.in.impacket-0.13.1.hex" => SamrOpenDomainRequest, Exact,
        "handle access 0x2000000 S-1-5-21-2749836509-1682262617-148795997";
    v07_open_domain_account_dc_out: "7-SamrOpenDomain-account-dc.out.samba-4.17.hex" => SamrOpenDomainResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v07_open_domain_account_fs_in: "7-SamrOpenDomain-account-fs.in.impacket-0.13.1.hex" => SamrOpenDomainRequest, Exact,
        "handle access 0x2000000 S-1-5-21-3933530076-1612056594-1342190675";
    v07_open_domain_account_fs_out: "7-SamrOpenDomain-account-fs.out.samba-4.17.hex" => SamrOpenDomainResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v07_open_domain_builtin_dc_in: "7-SamrOpenDomain-builtin-dc.in.impacket-0.13.1.hex" => SamrOpenDomainRequest, Exact,
        "handle access 0x2000000 S-1-5-32";
    v07_open_domain_builtin_dc_out: "7-SamrOpenDomain-builtin-dc.out.samba-4.17.hex" => SamrOpenDomainResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v07_open_domain_builtin_fs_in: "7-SamrOpenDomain-builtin-fs.in.impacket-0.13.1.hex" => SamrOpenDomainRequest, Exact,
        "handle access 0x2000000 S-1-5-32";
    v07_open_domain_builtin_fs_out: "7-SamrOpenDomain-builtin-fs.out.samba-4.17.hex" => SamrOpenDomainResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v08_query_information_domain_l1_dc_in: "8-SamrQueryInformationDomain-L1-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_PASSWORD_INFORMATION";
    v08_query_information_domain_l1_dc_out: "8-SamrQueryInformationDomain-L1-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "password min 7 history 24 props 0x1 max_age -9223372036854775808 min_age 0; STATUS_SUCCESS";
    v08_query_information_domain_l1_fs_in: "8-SamrQueryInformationDomain-L1-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_PASSWORD_INFORMATION";
    v08_query_information_domain_l1_fs_out: "8-SamrQueryInformationDomain-L1-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "password min 5 history 0 props 0x0 max_age -42949672950000001 min_age 0; STATUS_SUCCESS";
    v08_query_information_domain_l10_dc_in: "8-SamrQueryInformationDomain-L10-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DomainInformationClass(0xa)";
    v08_query_information_domain_l10_dc_out: "8-SamrQueryInformationDomain-L10-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "NULL; STATUS_INVALID_INFO_CLASS";
    v08_query_information_domain_l10_fs_in: "8-SamrQueryInformationDomain-L10-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DomainInformationClass(0xa)";
    v08_query_information_domain_l10_fs_out: "8-SamrQueryInformationDomain-L10-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "NULL; STATUS_INVALID_INFO_CLASS";
    v08_query_information_domain_l11_dc_in: "8-SamrQueryInformationDomain-L11-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_GENERAL_INFORMATION2";
    v08_query_information_domain_l11_dc_out: "8-SamrQueryInformationDomain-L11-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "general 'LABDOM' oem 'Provisioned by SAMBA 4.17.12-Debian' replica '' state 0 role 3 uas 0 users 6 groups 13 aliases 6 logoff -9223372036854775808; lockout -18000000000 window -18000000000 threshold 0; STATUS_SUCCESS";
    v08_query_information_domain_l11_fs_in: "8-SamrQueryInformationDomain-L11-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_GENERAL_INFORMATION2";
    v08_query_information_domain_l11_fs_out: "8-SamrQueryInformationDomain-L11-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "general 'LAB' oem 'NetApi lab file server' replica 'FILESRV' state 1 role 3 uas 1 users 2 groups 2 aliases 1 logoff -42949672950000001; lockout -18000000001 window -18000000001 threshold 0; STATUS_SUCCESS";
    v08_query_information_domain_l12_dc_in: "8-SamrQueryInformationDomain-L12-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_LOCKOUT_INFORMATION";
    v08_query_information_domain_l12_dc_out: "8-SamrQueryInformationDomain-L12-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "lockout -18000000000 window -18000000000 threshold 0; STATUS_SUCCESS";
    v08_query_information_domain_l12_fs_in: "8-SamrQueryInformationDomain-L12-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_LOCKOUT_INFORMATION";
    v08_query_information_domain_l12_fs_out: "8-SamrQueryInformationDomain-L12-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "lockout -18000000001 window -18000000001 threshold 0; STATUS_SUCCESS";
    v08_query_information_domain_l13_dc_in: "8-SamrQueryInformationDomain-L13-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_MODIFIED_INFORMATION2";
    v08_query_information_domain_l13_dc_out: "8-SamrQueryInformationDomain-L13-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "modified2 count 1 created 0 at_promotion 0; STATUS_SUCCESS";
    v08_query_information_domain_l13_fs_in: "8-SamrQueryInformationDomain-L13-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_MODIFIED_INFORMATION2";
    v08_query_information_domain_l13_fs_out: "8-SamrQueryInformationDomain-L13-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "modified2 count 1796609013 created 0 at_promotion 0; STATUS_SUCCESS";
    v08_query_information_domain_l2_dc_in: "8-SamrQueryInformationDomain-L2-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_GENERAL_INFORMATION";
    v08_query_information_domain_l2_dc_out: "8-SamrQueryInformationDomain-L2-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "general 'LABDOM' oem 'Provisioned by SAMBA 4.17.12-Debian' replica '' state 0 role 3 uas 0 users 6 groups 13 aliases 6 logoff -9223372036854775808; STATUS_SUCCESS";
    v08_query_information_domain_l2_fs_in: "8-SamrQueryInformationDomain-L2-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_GENERAL_INFORMATION";
    v08_query_information_domain_l2_fs_out: "8-SamrQueryInformationDomain-L2-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "general 'LAB' oem 'NetApi lab file server' replica 'FILESRV' state 1 role 3 uas 1 users 2 groups 2 aliases 1 logoff -42949672950000001; STATUS_SUCCESS";
    v08_query_information_domain_l3_dc_in: "8-SamrQueryInformationDomain-L3-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_LOGOFF_INFORMATION";
    v08_query_information_domain_l3_dc_out: "8-SamrQueryInformationDomain-L3-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "logoff -9223372036854775808; STATUS_SUCCESS";
    v08_query_information_domain_l3_fs_in: "8-SamrQueryInformationDomain-L3-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_LOGOFF_INFORMATION";
    v08_query_information_domain_l3_fs_out: "8-SamrQueryInformationDomain-L3-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "logoff -42949672950000001; STATUS_SUCCESS";
    v08_query_information_domain_l4_dc_in: "8-SamrQueryInformationDomain-L4-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_OEM_INFORMATION";
    v08_query_information_domain_l4_dc_out: "8-SamrQueryInformationDomain-L4-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "oem 'Provisioned by SAMBA 4.17.12-Debian'; STATUS_SUCCESS";
    v08_query_information_domain_l4_fs_in: "8-SamrQueryInformationDomain-L4-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_OEM_INFORMATION";
    v08_query_information_domain_l4_fs_out: "8-SamrQueryInformationDomain-L4-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "oem 'NetApi lab file server'; STATUS_SUCCESS";
    v08_query_information_domain_l5_dc_in: "8-SamrQueryInformationDomain-L5-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_NAME_INFORMATION";
    v08_query_information_domain_l5_dc_out: "8-SamrQueryInformationDomain-L5-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "name 'LABDOM'; STATUS_SUCCESS";
    v08_query_information_domain_l5_fs_in: "8-SamrQueryInformationDomain-L5-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_NAME_INFORMATION";
    v08_query_information_domain_l5_fs_out: "8-SamrQueryInformationDomain-L5-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "name 'FILESRV'; STATUS_SUCCESS";
    v08_query_information_domain_l6_dc_in: "8-SamrQueryInformationDomain-L6-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_REPLICATION_INFORMATION";
    v08_query_information_domain_l6_dc_out: "8-SamrQueryInformationDomain-L6-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "replica ''; STATUS_SUCCESS";
    v08_query_information_domain_l6_fs_in: "8-SamrQueryInformationDomain-L6-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_REPLICATION_INFORMATION";
    v08_query_information_domain_l6_fs_out: "8-SamrQueryInformationDomain-L6-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "replica 'FILESRV'; STATUS_SUCCESS";
    v08_query_information_domain_l7_dc_in: "8-SamrQueryInformationDomain-L7-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_SERVER_ROLE_INFORMATION";
    v08_query_information_domain_l7_dc_out: "8-SamrQueryInformationDomain-L7-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "role DOMAIN_SERVER_ROLE_PRIMARY; STATUS_SUCCESS";
    v08_query_information_domain_l7_fs_in: "8-SamrQueryInformationDomain-L7-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_SERVER_ROLE_INFORMATION";
    v08_query_information_domain_l7_fs_out: "8-SamrQueryInformationDomain-L7-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "role DOMAIN_SERVER_ROLE_PRIMARY; STATUS_SUCCESS";
    v08_query_information_domain_l8_dc_in: "8-SamrQueryInformationDomain-L8-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_MODIFIED_INFORMATION";
    v08_query_information_domain_l8_dc_out: "8-SamrQueryInformationDomain-L8-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "modified count 1 created 0; STATUS_SUCCESS";
    v08_query_information_domain_l8_fs_in: "8-SamrQueryInformationDomain-L8-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_MODIFIED_INFORMATION";
    v08_query_information_domain_l8_fs_out: "8-SamrQueryInformationDomain-L8-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "modified count 1796609013 created 0; STATUS_SUCCESS";
    v08_query_information_domain_l9_dc_in: "8-SamrQueryInformationDomain-L9-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_STATE_INFORMATION";
    v08_query_information_domain_l9_dc_out: "8-SamrQueryInformationDomain-L9-dc.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "state DOMAIN_SERVER_ENABLED; STATUS_SUCCESS";
    v08_query_information_domain_l9_fs_in: "8-SamrQueryInformationDomain-L9-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomainRequest, Exact,
        "handle DOMAIN_STATE_INFORMATION";
    v08_query_information_domain_l9_fs_out: "8-SamrQueryInformationDomain-L9-fs.out.samba-4.17.hex" => SamrQueryInformationDomainResponse, Samba(0),
        "state DOMAIN_SERVER_ENABLED; STATUS_SUCCESS";
    v09_set_information_domain_l1_unchanged_dc_in: "9-SamrSetInformationDomain-L1-unchanged-dc.in.impacket-0.13.1.hex" => SamrSetInformationDomainRequest, Exact,
        "handle DOMAIN_PASSWORD_INFORMATION password min 7 history 24 props 0x1 max_age -9223372036854775808 min_age 0";
    v09_set_information_domain_l1_unchanged_dc_out: "9-SamrSetInformationDomain-L1-unchanged-dc.out.samba-4.17.hex" => SamrSetInformationDomainResponse, Samba(0),
        "STATUS_SUCCESS";
    v09_set_information_domain_l1_unchanged_fs_in: "9-SamrSetInformationDomain-L1-unchanged-fs.in.impacket-0.13.1.hex" => SamrSetInformationDomainRequest, Exact,
        "handle DOMAIN_PASSWORD_INFORMATION password min 5 history 0 props 0x0 max_age -42949672950000001 min_age 0";
    v09_set_information_domain_l1_unchanged_fs_out: "9-SamrSetInformationDomain-L1-unchanged-fs.out.samba-4.17.hex" => SamrSetInformationDomainResponse, Samba(0),
        "STATUS_SUCCESS";
    v09_set_information_domain_l12_unchanged_dc_in: "9-SamrSetInformationDomain-L12-unchanged-dc.in.impacket-0.13.1.hex" => SamrSetInformationDomainRequest, Exact,
        "handle DOMAIN_LOCKOUT_INFORMATION lockout -18000000000 window -18000000000 threshold 0";
    v09_set_information_domain_l12_unchanged_dc_out: "9-SamrSetInformationDomain-L12-unchanged-dc.out.samba-4.17.hex" => SamrSetInformationDomainResponse, Samba(0),
        "STATUS_SUCCESS";
    v09_set_information_domain_l12_unchanged_fs_in: "9-SamrSetInformationDomain-L12-unchanged-fs.in.impacket-0.13.1.hex" => SamrSetInformationDomainRequest, Exact,
        "handle DOMAIN_LOCKOUT_INFORMATION lockout -18000000001 window -18000000001 threshold 0";
    v09_set_information_domain_l12_unchanged_fs_out: "9-SamrSetInformationDomain-L12-unchanged-fs.out.samba-4.17.hex" => SamrSetInformationDomainResponse, Samba(0),
        "STATUS_SUCCESS";
    v09_set_information_domain_l3_unchanged_dc_in: "9-SamrSetInformationDomain-L3-unchanged-dc.in.impacket-0.13.1.hex" => SamrSetInformationDomainRequest, Exact,
        "handle DOMAIN_LOGOFF_INFORMATION logoff -9223372036854775808";
    v09_set_information_domain_l3_unchanged_dc_out: "9-SamrSetInformationDomain-L3-unchanged-dc.out.samba-4.17.hex" => SamrSetInformationDomainResponse, Samba(0),
        "STATUS_SUCCESS";
    v09_set_information_domain_l3_unchanged_fs_in: "9-SamrSetInformationDomain-L3-unchanged-fs.in.impacket-0.13.1.hex" => SamrSetInformationDomainRequest, Exact,
        "handle DOMAIN_LOGOFF_INFORMATION logoff -42949672950000001";
    v09_set_information_domain_l3_unchanged_fs_out: "9-SamrSetInformationDomain-L3-unchanged-fs.out.samba-4.17.hex" => SamrSetInformationDomainResponse, Samba(0),
        "STATUS_SUCCESS";
    v46_query_information_domain2_l1_dc_in: "46-SamrQueryInformationDomain2-L1-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomain2Request, Exact,
        "handle DOMAIN_PASSWORD_INFORMATION";
    v46_query_information_domain2_l1_dc_out: "46-SamrQueryInformationDomain2-L1-dc.out.samba-4.17.hex" => SamrQueryInformationDomain2Response, Samba(0),
        "password min 7 history 24 props 0x1 max_age -9223372036854775808 min_age 0; STATUS_SUCCESS";
    v46_query_information_domain2_l1_fs_in: "46-SamrQueryInformationDomain2-L1-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomain2Request, Exact,
        "handle DOMAIN_PASSWORD_INFORMATION";
    v46_query_information_domain2_l1_fs_out: "46-SamrQueryInformationDomain2-L1-fs.out.samba-4.17.hex" => SamrQueryInformationDomain2Response, Samba(0),
        "password min 5 history 0 props 0x0 max_age -42949672950000001 min_age 0; STATUS_SUCCESS";
    v46_query_information_domain2_l12_dc_in: "46-SamrQueryInformationDomain2-L12-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomain2Request, Exact,
        "handle DOMAIN_LOCKOUT_INFORMATION";
    v46_query_information_domain2_l12_dc_out: "46-SamrQueryInformationDomain2-L12-dc.out.samba-4.17.hex" => SamrQueryInformationDomain2Response, Samba(0),
        "lockout -18000000000 window -18000000000 threshold 0; STATUS_SUCCESS";
    v46_query_information_domain2_l12_fs_in: "46-SamrQueryInformationDomain2-L12-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomain2Request, Exact,
        "handle DOMAIN_LOCKOUT_INFORMATION";
    v46_query_information_domain2_l12_fs_out: "46-SamrQueryInformationDomain2-L12-fs.out.samba-4.17.hex" => SamrQueryInformationDomain2Response, Samba(0),
        "lockout -18000000001 window -18000000001 threshold 0; STATUS_SUCCESS";
    v46_query_information_domain2_l2_dc_in: "46-SamrQueryInformationDomain2-L2-dc.in.impacket-0.13.1.hex" => SamrQueryInformationDomain2Request, Exact,
        "handle DOMAIN_GENERAL_INFORMATION";
    v46_query_information_domain2_l2_dc_out: "46-SamrQueryInformationDomain2-L2-dc.out.samba-4.17.hex" => SamrQueryInformationDomain2Response, Samba(0),
        "general 'LABDOM' oem 'Provisioned by SAMBA 4.17.12-Debian' replica '' state 0 role 3 uas 0 users 6 groups 13 aliases 6 logoff -9223372036854775808; STATUS_SUCCESS";
    v46_query_information_domain2_l2_fs_in: "46-SamrQueryInformationDomain2-L2-fs.in.impacket-0.13.1.hex" => SamrQueryInformationDomain2Request, Exact,
        "handle DOMAIN_GENERAL_INFORMATION";
    v46_query_information_domain2_l2_fs_out: "46-SamrQueryInformationDomain2-L2-fs.out.samba-4.17.hex" => SamrQueryInformationDomain2Response, Samba(0),
        "general 'LAB' oem 'NetApi lab file server' replica 'FILESRV' state 1 role 3 uas 1 users 2 groups 2 aliases 1 logoff -42949672950000001; STATUS_SUCCESS";
    v56_get_domain_password_information_null_dc_in: "56-SamrGetDomainPasswordInformation-null-dc.in.impacket-0.13.1.hex" => SamrGetDomainPasswordInformationRequest, Exact,
        "NULL";
    v56_get_domain_password_information_null_dc_out: "56-SamrGetDomainPasswordInformation-null-dc.out.samba-4.17.hex" => SamrGetDomainPasswordInformationResponse, Samba(0),
        "min 7 props 0x1; STATUS_SUCCESS";
    v56_get_domain_password_information_null_fs_in: "56-SamrGetDomainPasswordInformation-null-fs.in.impacket-0.13.1.hex" => SamrGetDomainPasswordInformationRequest, Exact,
        "NULL";
    v56_get_domain_password_information_null_fs_out: "56-SamrGetDomainPasswordInformation-null-fs.out.samba-4.17.hex" => SamrGetDomainPasswordInformationResponse, Samba(0),
        "min 5 props 0x0; STATUS_SUCCESS";
    v62_connect4_rev2_dc_in: "62-SamrConnect4-rev2-dc.in.impacket-0.13.1.hex" => SamrConnect4Request, Impacket,
        "'\\\\127.0.0.3' rev 2 access 0x2000000";
    v62_connect4_rev2_dc_out: "62-SamrConnect4-rev2-dc.out.samba-4.17.hex" => SamrConnect4Response, Samba(0),
        "handle; STATUS_SUCCESS";
    v62_connect4_rev2_fs_in: "62-SamrConnect4-rev2-fs.in.impacket-0.13.1.hex" => SamrConnect4Request, Impacket,
        "'\\\\127.0.0.2' rev 2 access 0x2000000";
    v62_connect4_rev2_fs_out: "62-SamrConnect4-rev2-fs.out.samba-4.17.hex" => SamrConnect4Response, Samba(0),
        "handle; STATUS_SUCCESS";
    v64_connect5_rev3_dc_in: "64-SamrConnect5-rev3-dc.in.impacket-0.13.1.hex" => SamrConnect5Request, Impacket,
        "'\\\\127.0.0.3' access 0x2000000 in 1 v1 rev 3 features 0x0";
    v64_connect5_rev3_dc_out: "64-SamrConnect5-rev3-dc.out.samba-4.17.hex" => SamrConnect5Response, Samba(0),
        "out 1 v1 rev 3 features 0x0 handle; STATUS_SUCCESS";
    v64_connect5_rev3_fs_in: "64-SamrConnect5-rev3-fs.in.impacket-0.13.1.hex" => SamrConnect5Request, Impacket,
        "'\\\\127.0.0.2' access 0x2000000 in 1 v1 rev 3 features 0x0";
    v64_connect5_rev3_fs_out: "64-SamrConnect5-rev3-fs.out.samba-4.17.hex" => SamrConnect5Response, Samba(0),
        "out 1 v1 rev 3 features 0x0 handle; STATUS_SUCCESS";
    v65_rid_to_sid_rid500_dc_in: "65-SamrRidToSid-rid500-dc.in.impacket-0.13.1.hex" => SamrRidToSidRequest, Exact,
        "handle rid 500";
    v65_rid_to_sid_rid500_dc_out: "65-SamrRidToSid-rid500-dc.out.samba-4.17.hex" => SamrRidToSidResponse, Samba(0),
        "S-1-5-21-2749836509-1682262617-148795997-500; STATUS_SUCCESS";
    v65_rid_to_sid_rid500_fs_in: "65-SamrRidToSid-rid500-fs.in.impacket-0.13.1.hex" => SamrRidToSidRequest, Exact,
        "handle rid 500";
    v65_rid_to_sid_rid500_fs_out: "65-SamrRidToSid-rid500-fs.out.samba-4.17.hex" => SamrRidToSidResponse, Samba(0),
        "S-1-5-21-3933530076-1612056594-1342190675-500; STATUS_SUCCESS";
    v67_validate_password_auth_matched_dc_in: "67-SamrValidatePassword-auth-matched-dc.in.impacket-0.13.1.hex" => SamrValidatePasswordRequest, Impacket,
        "SAM_VALIDATE_AUTHENTICATION authentication (present 0x0 pw_set 0 bad_time 0 lockout 0 bad 0 history 0) matched 1";
    v67_validate_password_auth_matched_dc_out: "67-SamrValidatePassword-auth-matched-dc.out.samba-4.17.hex" => SamrValidatePasswordResponse, Samba(0),
        "SAM_VALIDATE_SUCCESS (present 0x0 pw_set 0 bad_time 0 lockout 0 bad 0 history 0); STATUS_NOT_SUPPORTED";
    v67_validate_password_reset_ok_dc_in: "67-SamrValidatePassword-reset-ok-dc.in.impacket-0.13.1.hex" => SamrValidatePasswordRequest, Impacket,
        "SAM_VALIDATE_PASSWORD_RESET reset (present 0x0 pw_set 0 bad_time 0 lockout 0 bad 0 history 0) password 'Nlp.Validate-d130ffc4' account 'nlp_vec_validate' must_change 0 clear_lockout 0";
    v67_validate_password_reset_ok_dc_out: "67-SamrValidatePassword-reset-ok-dc.out.samba-4.17.hex" => SamrValidatePasswordResponse, Samba(2),
        "SAM_VALIDATE_SUCCESS (present 0x0 pw_set 0 bad_time 0 lockout 0 bad 0 history 0); STATUS_SUCCESS";
    v67_validate_password_reset_short_dc_in: "67-SamrValidatePassword-reset-short-dc.in.impacket-0.13.1.hex" => SamrValidatePasswordRequest, Impacket,
        "SAM_VALIDATE_PASSWORD_RESET reset (present 0x0 pw_set 0 bad_time 0 lockout 0 bad 0 history 0) password 'short' account 'nlp_vec_validate' must_change 0 clear_lockout 0";
    v67_validate_password_reset_short_dc_out: "67-SamrValidatePassword-reset-short-dc.out.samba-4.17.hex" => SamrValidatePasswordResponse, Samba(2),
        "SAM_VALIDATE_PASSWORD_TOO_SHORT (present 0x0 pw_set 0 bad_time 0 lockout 0 bad 0 history 0); STATUS_SUCCESS";
}
