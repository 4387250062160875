//! Enumerations (groups, users with a one-entry page, aliases of both domains), alias
//! membership, name and RID lookups (mapped, partly and not at all) and display information (all
//! five classes, and `SamrQueryDisplayInformation3`).

use netapi_msrpc::samr::*;

use super::harness::vectors;
use super::{Exact, Impacket, Samba};

vectors! { "samr";
    v11_enumerate_groups_in_domain_all_dc_in: "11-SamrEnumerateGroupsInDomain-all-dc.in.impacket-0.13.1.hex" => SamrEnumerateGroupsInDomainRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v11_enumerate_groups_in_domain_all_dc_out: "11-SamrEnumerateGroupsInDomain-all-dc.out.samba-4.17.hex" => SamrEnumerateGroupsInDomainResponse, Samba(0),
        "ctx 0 13 ['Enterprise Read-only Domain Controllers':498, 'Domain Admins':512, 'Domain Users':513, 'Domain Guests':514, 'Domain Computers':515, 'Domain Controllers':516, 'Schema Admins':518, 'Enterprise Admins':519, 'Group Policy Creator Owners':520, 'Read-only Domain Controllers':521, 'Protected Users':525, 'DnsUpdateProxy':1102, 'LabGroup':1105] count 13; STATUS_SUCCESS";
    v11_enumerate_groups_in_domain_all_fs_in: "11-SamrEnumerateGroupsInDomain-all-fs.in.impacket-0.13.1.hex" => SamrEnumerateGroupsInDomainRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v11_enumerate_groups_in_domain_all_fs_out: "11-SamrEnumerateGroupsInDomain-all-fs.out.samba-4.17.hex" => SamrEnumerateGroupsInDomainResponse, Samba(0),
        "ctx 2 2 ['LabGroup':1002, 'Domain Admins':512] count 2; STATUS_SUCCESS";
    v13_enumerate_users_in_domain_all_dc_in: "13-SamrEnumerateUsersInDomain-all-dc.in.impacket-0.13.1.hex" => SamrEnumerateUsersInDomainRequest, Exact,
        "handle from 0 uac 0x0 pref 0xffffffff";
    v13_enumerate_users_in_domain_all_dc_out: "13-SamrEnumerateUsersInDomain-all-dc.out.samba-4.17.hex" => SamrEnumerateUsersInDomainResponse, Samba(0),
        "ctx 0 6 ['Administrator':500, 'Guest':501, 'krbtgt':502, 'DC1$':1000, 'netapiadmin':1103, 'netapiuser':1104] count 6; STATUS_SUCCESS";
    v13_enumerate_users_in_domain_all_fs_in: "13-SamrEnumerateUsersInDomain-all-fs.in.impacket-0.13.1.hex" => SamrEnumerateUsersInDomainRequest, Exact,
        "handle from 0 uac 0x0 pref 0xffffffff";
    v13_enumerate_users_in_domain_all_fs_out: "13-SamrEnumerateUsersInDomain-all-fs.out.samba-4.17.hex" => SamrEnumerateUsersInDomainResponse, Samba(0),
        "ctx 2 2 ['netapiadmin':1000, 'netapiuser':1001] count 2; STATUS_SUCCESS";
    v13_enumerate_users_in_domain_normal_pref1_dc_in: "13-SamrEnumerateUsersInDomain-normal-pref1-dc.in.impacket-0.13.1.hex" => SamrEnumerateUsersInDomainRequest, Exact,
        "handle from 0 uac 0x10 pref 0x1";
    v13_enumerate_users_in_domain_normal_pref1_dc_out: "13-SamrEnumerateUsersInDomain-normal-pref1-dc.out.samba-4.17.hex" => SamrEnumerateUsersInDomainResponse, Samba(0),
        "ctx 1 1 ['Administrator':500] count 1; STATUS_MORE_ENTRIES";
    v13_enumerate_users_in_domain_normal_pref1_fs_in: "13-SamrEnumerateUsersInDomain-normal-pref1-fs.in.impacket-0.13.1.hex" => SamrEnumerateUsersInDomainRequest, Exact,
        "handle from 0 uac 0x10 pref 0x1";
    v13_enumerate_users_in_domain_normal_pref1_fs_out: "13-SamrEnumerateUsersInDomain-normal-pref1-fs.out.samba-4.17.hex" => SamrEnumerateUsersInDomainResponse, Samba(0),
        "ctx 2 2 ['netapiadmin':1000, 'netapiuser':1001] count 2; STATUS_SUCCESS";
    v15_enumerate_aliases_in_domain_account_dc_in: "15-SamrEnumerateAliasesInDomain-account-dc.in.impacket-0.13.1.hex" => SamrEnumerateAliasesInDomainRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v15_enumerate_aliases_in_domain_account_dc_out: "15-SamrEnumerateAliasesInDomain-account-dc.out.samba-4.17.hex" => SamrEnumerateAliasesInDomainResponse, Samba(0),
        "ctx 0 6 ['Cert Publishers':517, 'RAS and IAS Servers':553, 'Allowed RODC Password Replication Group':571, 'Denied RODC Password Replication Group':572, 'DnsAdmins':1101, 'LabLocal':1106] count 6; STATUS_SUCCESS";
    v15_enumerate_aliases_in_domain_account_fs_in: "15-SamrEnumerateAliasesInDomain-account-fs.in.impacket-0.13.1.hex" => SamrEnumerateAliasesInDomainRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v15_enumerate_aliases_in_domain_account_fs_out: "15-SamrEnumerateAliasesInDomain-account-fs.out.samba-4.17.hex" => SamrEnumerateAliasesInDomainResponse, Samba(0),
        "ctx 1 1 ['LabLocal':1003] count 1; STATUS_SUCCESS";
    v15_enumerate_aliases_in_domain_builtin_dc_in: "15-SamrEnumerateAliasesInDomain-builtin-dc.in.impacket-0.13.1.hex" => SamrEnumerateAliasesInDomainRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v15_enumerate_aliases_in_domain_builtin_dc_out: "15-SamrEnumerateAliasesInDomain-builtin-dc.out.samba-4.17.hex" => SamrEnumerateAliasesInDomainResponse, Samba(0),
        "ctx 0 21 ['Administrators':544, 'Users':545, 'Guests':546, 'Account Operators':548, 'Server Operators':549, 'Print Operators':550, 'Backup Operators':551, 'Replicator':552, 'Pre-Windows 2000 Compatible Access':554, 'Remote Desktop Users':555, 'Network Configuration Operators':556, 'Incoming Forest Trust Builders':557, 'Performance Monitor Users':558, 'Performance Log Users':559, 'Windows Authorization Access Group':560, 'Terminal Server License Servers':561, 'Distributed COM Users':562, 'IIS_IUSRS':568, 'Cryptographic Operators':569, 'Event Log Readers':573, 'Certificate Service DCOM Access':574] count 21; STATUS_SUCCESS";
    v15_enumerate_aliases_in_domain_builtin_fs_in: "15-SamrEnumerateAliasesInDomain-builtin-fs.in.impacket-0.13.1.hex" => SamrEnumerateAliasesInDomainRequest, Exact,
        "handle from 0 pref 0xffffffff";
    v15_enumerate_aliases_in_domain_builtin_fs_out: "15-SamrEnumerateAliasesInDomain-builtin-fs.out.samba-4.17.hex" => SamrEnumerateAliasesInDomainResponse, Samba(0),
        "ctx 3 3 ['Guests':546, 'Administrators':544, 'Users':545] count 3; STATUS_SUCCESS";
    v16_get_alias_membership_netapiadmin_fs_in: "16-SamrGetAliasMembership-netapiadmin-fs.in.impacket-0.13.1.hex" => SamrGetAliasMembershipRequest, Impacket,
        "handle 2 [S-1-5-21-934711357-2542880538-3431530894-1000, S-1-5-32-545]";
    v16_get_alias_membership_netapiadmin_fs_out: "16-SamrGetAliasMembership-netapiadmin-fs.out.samba-4.17.hex" => SamrGetAliasMembershipResponse, Samba(3),
        "0[]; STATUS_SUCCESS";
    v16_get_alias_membership_netapiuser_dc_in: "16-SamrGetAliasMembership-netapiuser-dc.in.impacket-0.13.1.hex" => SamrGetAliasMembershipRequest, Impacket,
        "handle 2 [S-1-5-21-3638571539-644893661-1866550725-1104, S-1-5-32-545]";
    v16_get_alias_membership_netapiuser_dc_out: "16-SamrGetAliasMembership-netapiuser-dc.out.samba-4.17.hex" => SamrGetAliasMembershipResponse, Samba(3),
        "1[1106]; STATUS_SUCCESS";
    v16_get_alias_membership_new_user_dc_in: "16-SamrGetAliasMembership-new-user-dc.in.impacket-0.13.1.hex" => SamrGetAliasMembershipRequest, Impacket,
        "handle 1 [S-1-5-21-2749836509-1682262617-148795997-1129]";
    v16_get_alias_membership_new_user_dc_out: "16-SamrGetAliasMembership-new-user-dc.out.samba-4.17.hex" => SamrGetAliasMembershipResponse, Samba(2),
        "1[1131]; STATUS_SUCCESS";
    v16_get_alias_membership_new_user_fs_in: "16-SamrGetAliasMembership-new-user-fs.in.impacket-0.13.1.hex" => SamrGetAliasMembershipRequest, Impacket,
        "handle 1 [S-1-5-21-3933530076-1612056594-1342190675-1026]";
    v16_get_alias_membership_new_user_fs_out: "16-SamrGetAliasMembership-new-user-fs.out.samba-4.17.hex" => SamrGetAliasMembershipResponse, Samba(2),
        "1[1028]; STATUS_SUCCESS";
    v17_lookup_names_in_domain_1missing_dc_in: "17-SamrLookupNamesInDomain-1missing-dc.in.impacket-0.13.1.hex" => SamrLookupNamesInDomainRequest, Impacket,
        "handle 2 ['LabGroup', 'nosuchname']";
    v17_lookup_names_in_domain_1missing_dc_out: "17-SamrLookupNamesInDomain-1missing-dc.out.samba-4.17.hex" => SamrLookupNamesInDomainResponse, Samba(2),
        "rids 2[1105, 0] use 2[2, 8]; STATUS_SOME_NOT_MAPPED";
    v17_lookup_names_in_domain_1missing_fs_in: "17-SamrLookupNamesInDomain-1missing-fs.in.impacket-0.13.1.hex" => SamrLookupNamesInDomainRequest, Impacket,
        "handle 2 ['LabGroup', 'nosuchname']";
    v17_lookup_names_in_domain_1missing_fs_out: "17-SamrLookupNamesInDomain-1missing-fs.out.samba-4.17.hex" => SamrLookupNamesInDomainResponse, Samba(2),
        "rids 2[1002, 4294967295] use 2[2, 8]; STATUS_SOME_NOT_MAPPED";
    v17_lookup_names_in_domain_2names_dc_in: "17-SamrLookupNamesInDomain-2names-dc.in.impacket-0.13.1.hex" => SamrLookupNamesInDomainRequest, Impacket,
        "handle 2 ['Administrator', 'LabGroup']";
    v17_lookup_names_in_domain_2names_dc_out: "17-SamrLookupNamesInDomain-2names-dc.out.samba-4.17.hex" => SamrLookupNamesInDomainResponse, Samba(2),
        "rids 2[500, 1105] use 2[1, 2]; STATUS_SUCCESS";
    v17_lookup_names_in_domain_2names_fs_in: "17-SamrLookupNamesInDomain-2names-fs.in.impacket-0.13.1.hex" => SamrLookupNamesInDomainRequest, Impacket,
        "handle 2 ['netapiadmin', 'LabGroup']";
    v17_lookup_names_in_domain_2names_fs_out: "17-SamrLookupNamesInDomain-2names-fs.out.samba-4.17.hex" => SamrLookupNamesInDomainResponse, Samba(2),
        "rids 2[1000, 1002] use 2[1, 2]; STATUS_SUCCESS";
    v17_lookup_names_in_domain_missing_dc_in: "17-SamrLookupNamesInDomain-missing-dc.in.impacket-0.13.1.hex" => SamrLookupNamesInDomainRequest, Impacket,
        "handle 1 ['nosuchname']";
    v17_lookup_names_in_domain_missing_dc_out: "17-SamrLookupNamesInDomain-missing-dc.out.samba-4.17.hex" => SamrLookupNamesInDomainResponse, Samba(1),
        "rids 1[0] use 1[8]; STATUS_NONE_MAPPED";
    v17_lookup_names_in_domain_missing_fs_in: "17-SamrLookupNamesInDomain-missing-fs.in.impacket-0.13.1.hex" => SamrLookupNamesInDomainRequest, Impacket,
        "handle 1 ['nosuchname']";
    v17_lookup_names_in_domain_missing_fs_out: "17-SamrLookupNamesInDomain-missing-fs.out.samba-4.17.hex" => SamrLookupNamesInDomainResponse, Samba(1),
        "rids 1[4294967295] use 1[8]; STATUS_NONE_MAPPED";
    v18_lookup_ids_in_domain_3rids_dc_in: "18-SamrLookupIdsInDomain-3rids-dc.in.impacket-0.13.1.hex" => SamrLookupIdsInDomainRequest, Exact,
        "handle 3 [500, 1105, 999999]";
    v18_lookup_ids_in_domain_3rids_dc_out: "18-SamrLookupIdsInDomain-3rids-dc.out.samba-4.17.hex" => SamrLookupIdsInDomainResponse, Samba(0),
        "names 3['Administrator', 'LabGroup', NULL] use 3[1, 2, 8]; STATUS_SOME_NOT_MAPPED";
    v18_lookup_ids_in_domain_3rids_fs_in: "18-SamrLookupIdsInDomain-3rids-fs.in.impacket-0.13.1.hex" => SamrLookupIdsInDomainRequest, Exact,
        "handle 3 [1000, 1002, 999999]";
    v18_lookup_ids_in_domain_3rids_fs_out: "18-SamrLookupIdsInDomain-3rids-fs.out.samba-4.17.hex" => SamrLookupIdsInDomainResponse, Samba(0),
        "names 3['netapiadmin', 'LabGroup', NULL] use 3[1, 2, 8]; STATUS_SOME_NOT_MAPPED";
    v18_lookup_ids_in_domain_missing_dc_in: "18-SamrLookupIdsInDomain-missing-dc.in.impacket-0.13.1.hex" => SamrLookupIdsInDomainRequest, Exact,
        "handle 1 [999998]";
    v18_lookup_ids_in_domain_missing_dc_out: "18-SamrLookupIdsInDomain-missing-dc.out.samba-4.17.hex" => SamrLookupIdsInDomainResponse, Samba(0),
        "names 1[NULL] use 1[8]; STATUS_NONE_MAPPED";
    v18_lookup_ids_in_domain_missing_fs_in: "18-SamrLookupIdsInDomain-missing-fs.in.impacket-0.13.1.hex" => SamrLookupIdsInDomainRequest, Exact,
        "handle 1 [999998]";
    v18_lookup_ids_in_domain_missing_fs_out: "18-SamrLookupIdsInDomain-missing-fs.out.samba-4.17.hex" => SamrLookupIdsInDomainResponse, Samba(0),
        "names 1[NULL] use 1[8]; STATUS_NONE_MAPPED";
    v40_query_display_information_l1_dc_in: "40-SamrQueryDisplayInformation-L1-dc.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_USER from 0 count 100 pref 0xffff";
    v40_query_display_information_l1_dc_out: "40-SamrQueryDisplayInformation-L1-dc.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 5/5 users 5 [#1 'netapiadmin':1103 uac 0x0 full '' comment 'NetApi lab administrator (Domain Admins)', #2 'krbtgt':502 uac 0x0 full '' comment 'Key Distribution Center Service Account', #3 'netapiuser':1104 uac 0x0 full '' comment 'NetApi lab ordinary user', #4 'Guest':501 uac 0x0 full '' comment 'Built-in account for guest access to the computer/domain', #5 'Administrator':500 uac 0x0 full '' comment 'Built-in account for administering the computer/domain']; STATUS_SUCCESS";
    v40_query_display_information_l1_fs_in: "40-SamrQueryDisplayInformation-L1-fs.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_USER from 0 count 100 pref 0xffff";
    v40_query_display_information_l1_fs_out: "40-SamrQueryDisplayInformation-L1-fs.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 3200/64 users 2 [#1 'netapiadmin':1000 uac 0x10 full 'NetApi lab administrator' comment '', #2 'netapiuser':1001 uac 0x10 full 'NetApi lab user' comment '']; STATUS_SUCCESS";
    v40_query_display_information_l2_dc_in: "40-SamrQueryDisplayInformation-L2-dc.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_MACHINE from 0 count 100 pref 0xffff";
    v40_query_display_information_l2_dc_out: "40-SamrQueryDisplayInformation-L2-dc.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 1/1 machines 1 [#1 'DC1$':1000 uac 0x10]; STATUS_SUCCESS";
    v40_query_display_information_l2_fs_in: "40-SamrQueryDisplayInformation-L2-fs.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_MACHINE from 0 count 100 pref 0xffff";
    v40_query_display_information_l2_fs_out: "40-SamrQueryDisplayInformation-L2-fs.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 0/0 machines 0 NULL; STATUS_SUCCESS";
    v40_query_display_information_l3_dc_in: "40-SamrQueryDisplayInformation-L3-dc.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_GROUP from 0 count 100 pref 0xffff";
    v40_query_display_information_l3_dc_out: "40-SamrQueryDisplayInformation-L3-dc.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 13/13 groups 13 [#1 'DnsUpdateProxy':1102 attrs 0x7 comment 'DNS clients who are permitted to perform dynamic updates on behalf of some other clients (such as DHCP servers).', #2 'Protected Users':525 attrs 0x7 comment 'Members of this group are afforded additional protections against authentication security threats', #3 'Domain Admins':512 attrs 0x7 comment 'Designated administrators of the domain', #4 'LabGroup':1105 attrs 0x7 comment 'Lab global group', #5 'Domain Computers':515 attrs 0x7 comment 'All workstations and servers joined to the domain', #6 'Domain Guests':514 attrs 0x7 comment 'All domain guests', #7 'Schema Admins':518 attrs 0x7 comment 'Designated administrators of the schema', #8 'Domain Users':513 attrs 0x7 comment 'All domain users', #9 'Domain Controllers':516 attrs 0x7 comment 'All domain controllers in the domain', #10 'Enterprise Read-only Domain Controllers':498 attrs 0x7 comment 'Members of this group are Read-Only Domain Controllers in the enterprise', #11 'Enterprise Admins':519 attrs 0x7 comment 'Designated administrators of the enterprise', #12 'Group Policy Creator Owners':520 attrs 0x7 comment 'Members in this group can modify group policy for the domain', #13 'Read-only Domain Controllers':521 attrs 0x7 comment 'Members of this group are Read-Only Domain Controllers in the domain']; STATUS_SUCCESS";
    v40_query_display_information_l3_fs_in: "40-SamrQueryDisplayInformation-L3-fs.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_GROUP from 0 count 100 pref 0xffff";
    v40_query_display_information_l3_fs_out: "40-SamrQueryDisplayInformation-L3-fs.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 3200/64 groups 2 [#1 'LabGroup':1002 attrs 0x0 comment 'Lab global group', #2 'Domain Admins':512 attrs 0x0 comment 'Lab administrators']; STATUS_SUCCESS";
    v40_query_display_information_l4_dc_in: "40-SamrQueryDisplayInformation-L4-dc.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_OEM_USER from 0 count 100 pref 0xffff";
    v40_query_display_information_l4_dc_out: "40-SamrQueryDisplayInformation-L4-dc.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 5/5 oem users 5 [#1 'netapiadmin', #2 'krbtgt', #3 'netapiuser', #4 'Guest', #5 'Administrator']; STATUS_SUCCESS";
    v40_query_display_information_l4_fs_in: "40-SamrQueryDisplayInformation-L4-fs.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_OEM_USER from 0 count 100 pref 0xffff";
    v40_query_display_information_l4_fs_out: "40-SamrQueryDisplayInformation-L4-fs.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 3200/64 oem users 2 [#1 'netapiadmin', #2 'netapiuser']; STATUS_SUCCESS";
    v40_query_display_information_l5_dc_in: "40-SamrQueryDisplayInformation-L5-dc.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_OEM_GROUP from 0 count 100 pref 0xffff";
    v40_query_display_information_l5_dc_out: "40-SamrQueryDisplayInformation-L5-dc.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 13/13 oem groups 13 [#1 'DnsUpdateProxy', #2 'Protected Users', #3 'Domain Admins', #4 'LabGroup', #5 'Domain Computers', #6 'Domain Guests', #7 'Schema Admins', #8 'Domain Users', #9 'Domain Controllers', #10 'Enterprise Read-only Domain Controllers', #11 'Enterprise Admins', #12 'Group Policy Creator Owners', #13 'Read-only Domain Controllers']; STATUS_SUCCESS";
    v40_query_display_information_l5_fs_in: "40-SamrQueryDisplayInformation-L5-fs.in.impacket-0.13.1.hex" => SamrQueryDisplayInformationRequest, Impacket,
        "handle DOMAIN_DISPLAY_OEM_GROUP from 0 count 100 pref 0xffff";
    v40_query_display_information_l5_fs_out: "40-SamrQueryDisplayInformation-L5-fs.out.samba-4.17.hex" => SamrQueryDisplayInformationResponse, Samba(0),
        "bytes 3200/64 oem groups 2 [#1 'LabGroup', #2 'Domain Admins']; STATUS_SUCCESS";
    v51_query_display_information3_l1_dc_in: "51-SamrQueryDisplayInformation3-L1-dc.in.impacket-0.13.1.hex" => SamrQueryDisplayInformation3Request, Impacket,
        "handle DOMAIN_DISPLAY_USER from 0 count 100 pref 0xffff";
    v51_query_display_information3_l1_dc_out: "51-SamrQueryDisplayInformation3-L1-dc.out.samba-4.17.hex" => SamrQueryDisplayInformation3Response, Samba(0),
        "bytes 5/5 users 5 [#1 'netapiadmin':1103 uac 0x0 full '' comment 'NetApi lab administrator (Domain Admins)', #2 'krbtgt':502 uac 0x0 full '' comment 'Key Distribution Center Service Account', #3 'netapiuser':1104 uac 0x0 full '' comment 'NetApi lab ordinary user', #4 'Guest':501 uac 0x0 full '' comment 'Built-in account for guest access to the computer/domain', #5 'Administrator':500 uac 0x0 full '' comment 'Built-in account for administering the computer/domain']; STATUS_SUCCESS";
    v51_query_display_information3_l1_fs_in: "51-SamrQueryDisplayInformation3-L1-fs.in.impacket-0.13.1.hex" => SamrQueryDisplayInformation3Request, Impacket,
        "handle DOMAIN_DISPLAY_USER from 0 count 100 pref 0xffff";
    v51_query_display_information3_l1_fs_out: "51-SamrQueryDisplayInformation3-L1-fs.out.samba-4.17.hex" => SamrQueryDisplayInformation3Response, Samba(0),
        "bytes 3200/64 users 2 [#1 'netapiadmin':1000 uac 0x10 full 'NetApi lab administrator' comment '', #2 'netapiuser':1001 uac 0x10 full 'NetApi lab user' comment '']; STATUS_SUCCESS";
    v51_query_display_information3_l3_dc_in: "51-SamrQueryDisplayInformation3-L3-dc.in.impacket-0.13.1.hex" => SamrQueryDisplayInformation3Request, Impacket,
        "handle DOMAIN_DISPLAY_GROUP from 0 count 100 pref 0xffff";
    v51_query_display_information3_l3_dc_out: "51-SamrQueryDisplayInformation3-L3-dc.out.samba-4.17.hex" => SamrQueryDisplayInformation3Response, Samba(0),
        "bytes 13/13 groups 13 [#1 'DnsUpdateProxy':1102 attrs 0x7 comment 'DNS clients who are permitted to perform dynamic updates on behalf of some other clients (such as DHCP servers).', #2 'Protected Users':525 attrs 0x7 comment 'Members of this group are afforded additional protections against authentication security threats', #3 'Domain Admins':512 attrs 0x7 comment 'Designated administrators of the domain', #4 'LabGroup':1105 attrs 0x7 comment 'Lab global group', #5 'Domain Computers':515 attrs 0x7 comment 'All workstations and servers joined to the domain', #6 'Domain Guests':514 attrs 0x7 comment 'All domain guests', #7 'Schema Admins':518 attrs 0x7 comment 'Designated administrators of the schema', #8 'Domain Users':513 attrs 0x7 comment 'All domain users', #9 'Domain Controllers':516 attrs 0x7 comment 'All domain controllers in the domain', #10 'Enterprise Read-only Domain Controllers':498 attrs 0x7 comment 'Members of this group are Read-Only Domain Controllers in the enterprise', #11 'Enterprise Admins':519 attrs 0x7 comment 'Designated administrators of the enterprise', #12 'Group Policy Creator Owners':520 attrs 0x7 comment 'Members in this group can modify group policy for the domain', #13 'Read-only Domain Controllers':521 attrs 0x7 comment 'Members of this group are Read-Only Domain Controllers in the domain']; STATUS_SUCCESS";
    v51_query_display_information3_l3_fs_in: "51-SamrQueryDisplayInformation3-L3-fs.in.impacket-0.13.1.hex" => SamrQueryDisplayInformation3Request, Impacket,
        "handle DOMAIN_DISPLAY_GROUP from 0 count 100 pref 0xffff";
    v51_query_display_information3_l3_fs_out: "51-SamrQueryDisplayInformation3-L3-fs.out.samba-4.17.hex" => SamrQueryDisplayInformation3Response, Samba(0),
        "bytes 3200/64 groups 2 [#1 'LabGroup':1002 attrs 0x0 comment 'Lab global group', #2 'Domain Admins':512 attrs 0x0 comment 'Lab administrators']; STATUS_SUCCESS";
}
