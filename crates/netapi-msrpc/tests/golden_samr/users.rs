//! Users: the security object (the DACL that holds UF_PASSWD_CANT_CHANGE: read, withdrawn,
//! granted again; quirk(samba-4.17): the DC answers an empty descriptor and faults the set), create (and again: STATUS_USER_EXISTS), open (and a missing RID), every readable
//! information class (and a password class, which cannot be read), the set classes a NetApi
//! client uses (21 and the four password classes 23–26, with this capture's session key),
//! groups, password policy, password change (right and wrong old password) and delete.

use netapi_msrpc::samr::*;

use super::harness::vectors;
use super::{Exact, Impacket, Samba};

vectors! { "samr";
    v02_set_security_object_cant_change_fs_in: "2-SamrSetSecurityObject-cant-change-fs.in.impacket-0.13.1.hex" => SamrSetSecurityObjectRequest, Impacket,
        "handle info 0x4 sd 132 bytes control 0x8004";
    v02_set_security_object_cant_change_fs_out: "2-SamrSetSecurityObject-cant-change-fs.out.samba-4.17.hex" => SamrSetSecurityObjectResponse, Samba(1),
        "STATUS_SUCCESS";
    v02_set_security_object_can_change_fs_in: "2-SamrSetSecurityObject-can-change-fs.in.impacket-0.13.1.hex" => SamrSetSecurityObjectRequest, Impacket,
        "handle info 0x4 sd 132 bytes control 0x8004";
    v02_set_security_object_can_change_fs_out: "2-SamrSetSecurityObject-can-change-fs.out.samba-4.17.hex" => SamrSetSecurityObjectResponse, Samba(1),
        "STATUS_SUCCESS";
    v02_set_security_object_unchanged_dc_in: "2-SamrSetSecurityObject-unchanged-dc.in.impacket-0.13.1.hex" => SamrSetSecurityObjectRequest, Impacket,
        "handle info 0x4 sd 20 bytes control 0x8000";
    v03_query_security_object_new_user_fs_in: "3-SamrQuerySecurityObject-new-user-fs.in.impacket-0.13.1.hex" => SamrQuerySecurityObjectRequest, Exact,
        "handle info 0x4";
    v03_query_security_object_new_user_fs_out: "3-SamrQuerySecurityObject-new-user-fs.out.samba-4.17.hex" => SamrQuerySecurityObjectResponse, Samba(0),
        "sd 132 bytes control 0x8004; STATUS_SUCCESS";
    v03_query_security_object_cant_change_fs_in: "3-SamrQuerySecurityObject-cant-change-fs.in.impacket-0.13.1.hex" => SamrQuerySecurityObjectRequest, Exact,
        "handle info 0x4";
    v03_query_security_object_cant_change_fs_out: "3-SamrQuerySecurityObject-cant-change-fs.out.samba-4.17.hex" => SamrQuerySecurityObjectResponse, Samba(0),
        "sd 132 bytes control 0x8004; STATUS_SUCCESS";
    v03_query_security_object_new_user_dc_in: "3-SamrQuerySecurityObject-new-user-dc.in.impacket-0.13.1.hex" => SamrQuerySecurityObjectRequest, Exact,
        "handle info 0x4";
    v03_query_security_object_new_user_dc_out: "3-SamrQuerySecurityObject-new-user-dc.out.samba-4.17.hex" => SamrQuerySecurityObjectResponse, Samba(0),
        "sd 20 bytes control 0x8000; STATUS_SUCCESS";
    v34_open_user_missing_dc_in: "34-SamrOpenUser-missing-dc.in.impacket-0.13.1.hex" => SamrOpenUserRequest, Exact,
        "handle access 0x2000000 rid 999997";
    v34_open_user_missing_dc_out: "34-SamrOpenUser-missing-dc.out.samba-4.17.hex" => SamrOpenUserResponse, Samba(0),
        "null-handle; STATUS_NO_SUCH_USER";
    v34_open_user_missing_fs_in: "34-SamrOpenUser-missing-fs.in.impacket-0.13.1.hex" => SamrOpenUserRequest, Exact,
        "handle access 0x2000000 rid 999997";
    v34_open_user_missing_fs_out: "34-SamrOpenUser-missing-fs.out.samba-4.17.hex" => SamrOpenUserResponse, Samba(0),
        "null-handle; STATUS_NO_SUCH_USER";
    v34_open_user_netapiadmin_fs_in: "34-SamrOpenUser-netapiadmin-fs.in.impacket-0.13.1.hex" => SamrOpenUserRequest, Exact,
        "handle access 0x2000000 rid 1000";
    v34_open_user_netapiadmin_fs_out: "34-SamrOpenUser-netapiadmin-fs.out.samba-4.17.hex" => SamrOpenUserResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v34_open_user_netapiuser_dc_in: "34-SamrOpenUser-netapiuser-dc.in.impacket-0.13.1.hex" => SamrOpenUserRequest, Exact,
        "handle access 0x2000000 rid 1104";
    v34_open_user_netapiuser_dc_out: "34-SamrOpenUser-netapiuser-dc.out.samba-4.17.hex" => SamrOpenUserResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v35_delete_user_new_dc_in: "35-SamrDeleteUser-new-dc.in.impacket-0.13.1.hex" => SamrDeleteUserRequest, Exact,
        "handle";
    v35_delete_user_new_dc_out: "35-SamrDeleteUser-new-dc.out.samba-4.17.hex" => SamrDeleteUserResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v35_delete_user_new_fs_in: "35-SamrDeleteUser-new-fs.in.impacket-0.13.1.hex" => SamrDeleteUserRequest, Exact,
        "handle";
    v35_delete_user_new_fs_out: "35-SamrDeleteUser-new-fs.out.samba-4.17.hex" => SamrDeleteUserResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v36_query_information_user_l1_dc_in: "36-SamrQueryInformationUser-L1-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_GENERAL_INFORMATION";
    v36_query_information_user_l1_dc_out: "36-SamrQueryInformationUser-L1-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "general 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)' group 513 comment 'changed by samr_capture.py' usercomment ''; STATUS_SUCCESS";
    v36_query_information_user_l1_fs_in: "36-SamrQueryInformationUser-L1-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_GENERAL_INFORMATION";
    v36_query_information_user_l1_fs_out: "36-SamrQueryInformationUser-L1-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "general 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)' group 513 comment 'changed by samr_capture.py' usercomment ''; STATUS_SUCCESS";
    v36_query_information_user_l10_dc_in: "36-SamrQueryInformationUser-L10-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_HOME_INFORMATION";
    v36_query_information_user_l10_dc_out: "36-SamrQueryInformationUser-L10-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "home '' drive ''; STATUS_SUCCESS";
    v36_query_information_user_l10_fs_in: "36-SamrQueryInformationUser-L10-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_HOME_INFORMATION";
    v36_query_information_user_l10_fs_out: "36-SamrQueryInformationUser-L10-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "home '\\\\FILESRV\\nlp_vec_u3e7fdb' drive ''; STATUS_SUCCESS";
    v36_query_information_user_l11_dc_in: "36-SamrQueryInformationUser-L11-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_SCRIPT_INFORMATION";
    v36_query_information_user_l11_dc_out: "36-SamrQueryInformationUser-L11-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "script ''; STATUS_SUCCESS";
    v36_query_information_user_l11_fs_in: "36-SamrQueryInformationUser-L11-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_SCRIPT_INFORMATION";
    v36_query_information_user_l11_fs_out: "36-SamrQueryInformationUser-L11-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "script ''; STATUS_SUCCESS";
    v36_query_information_user_l12_dc_in: "36-SamrQueryInformationUser-L12-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PROFILE_INFORMATION";
    v36_query_information_user_l12_dc_out: "36-SamrQueryInformationUser-L12-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "profile ''; STATUS_SUCCESS";
    v36_query_information_user_l12_fs_in: "36-SamrQueryInformationUser-L12-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PROFILE_INFORMATION";
    v36_query_information_user_l12_fs_out: "36-SamrQueryInformationUser-L12-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "profile '\\\\FILESRV\\nlp_vec_u3e7fdb\\profile'; STATUS_SUCCESS";
    v36_query_information_user_l13_dc_in: "36-SamrQueryInformationUser-L13-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ADMIN_COMMENT_INFORMATION";
    v36_query_information_user_l13_dc_out: "36-SamrQueryInformationUser-L13-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "comment 'changed by samr_capture.py'; STATUS_SUCCESS";
    v36_query_information_user_l13_fs_in: "36-SamrQueryInformationUser-L13-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ADMIN_COMMENT_INFORMATION";
    v36_query_information_user_l13_fs_out: "36-SamrQueryInformationUser-L13-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "comment 'changed by samr_capture.py'; STATUS_SUCCESS";
    v36_query_information_user_l14_dc_in: "36-SamrQueryInformationUser-L14-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_WORK_STATIONS_INFORMATION";
    v36_query_information_user_l14_dc_out: "36-SamrQueryInformationUser-L14-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "workstations ''; STATUS_SUCCESS";
    v36_query_information_user_l14_fs_in: "36-SamrQueryInformationUser-L14-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_WORK_STATIONS_INFORMATION";
    v36_query_information_user_l14_fs_out: "36-SamrQueryInformationUser-L14-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "workstations ''; STATUS_SUCCESS";
    v36_query_information_user_l16_dc_in: "36-SamrQueryInformationUser-L16-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_CONTROL_INFORMATION";
    v36_query_information_user_l16_dc_out: "36-SamrQueryInformationUser-L16-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "control 0x210; STATUS_SUCCESS";
    v36_query_information_user_l16_fs_in: "36-SamrQueryInformationUser-L16-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_CONTROL_INFORMATION";
    v36_query_information_user_l16_fs_out: "36-SamrQueryInformationUser-L16-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "control 0x210; STATUS_SUCCESS";
    v36_query_information_user_l17_dc_in: "36-SamrQueryInformationUser-L17-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_EXPIRES_INFORMATION";
    v36_query_information_user_l17_dc_out: "36-SamrQueryInformationUser-L17-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "expires never; STATUS_SUCCESS";
    v36_query_information_user_l17_fs_in: "36-SamrQueryInformationUser-L17-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_EXPIRES_INFORMATION";
    v36_query_information_user_l17_fs_out: "36-SamrQueryInformationUser-L17-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "expires 137303967990000000; STATUS_SUCCESS";
    v36_query_information_user_l18_dc_in: "36-SamrQueryInformationUser-L18-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_INTERNAL1_INFORMATION";
    v36_query_information_user_l18_dc_out: "36-SamrQueryInformationUser-L18-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "NULL; STATUS_NOT_SUPPORTED";
    v36_query_information_user_l18_fs_in: "36-SamrQueryInformationUser-L18-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_INTERNAL1_INFORMATION";
    v36_query_information_user_l18_fs_out: "36-SamrQueryInformationUser-L18-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "NULL; STATUS_INVALID_INFO_CLASS";
    v36_query_information_user_l2_dc_in: "36-SamrQueryInformationUser-L2-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PREFERENCES_INFORMATION";
    v36_query_information_user_l2_dc_out: "36-SamrQueryInformationUser-L2-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "preferences usercomment '' reserved NULL cc 0 cp 0; STATUS_SUCCESS";
    v36_query_information_user_l2_fs_in: "36-SamrQueryInformationUser-L2-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PREFERENCES_INFORMATION";
    v36_query_information_user_l2_fs_out: "36-SamrQueryInformationUser-L2-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "preferences usercomment '' reserved NULL cc 0 cp 0; STATUS_SUCCESS";
    v36_query_information_user_l20_dc_in: "36-SamrQueryInformationUser-L20-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PARAMETERS_INFORMATION";
    v36_query_information_user_l20_dc_out: "36-SamrQueryInformationUser-L20-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "parameters NULL; STATUS_SUCCESS";
    v36_query_information_user_l20_fs_in: "36-SamrQueryInformationUser-L20-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PARAMETERS_INFORMATION";
    v36_query_information_user_l20_fs_out: "36-SamrQueryInformationUser-L20-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "parameters ''; STATUS_SUCCESS";
    v36_query_information_user_l21_dc_in: "36-SamrQueryInformationUser-L21-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ALL_INFORMATION";
    v36_query_information_user_l21_dc_out: "36-SamrQueryInformationUser-L21-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "all 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)' rid 1129 group 513 uac 0x210 which 0x8ffffff home '' drive '' script '' profile '' comment 'changed by samr_capture.py' usercomment '' ws '' params NULL last_logon 0 pw_set 134410826571898530 expires never can_change 134410826571898530 must_change never hours 168/all bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0; STATUS_SUCCESS";
    v36_query_information_user_l21_fs_in: "36-SamrQueryInformationUser-L21-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ALL_INFORMATION";
    v36_query_information_user_l21_fs_out: "36-SamrQueryInformationUser-L21-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "all 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)' rid 1026 group 513 uac 0x210 which 0xffffff home '\\\\FILESRV\\nlp_vec_u3e7fdb' drive '' script '' profile '\\\\FILESRV\\nlp_vec_u3e7fdb\\profile' comment 'changed by samr_capture.py' usercomment '' ws '' params '' last_logon 0 pw_set 134410826250000000 expires 137303967990000000 can_change 134410826250000000 must_change -21474836470000001 hours 168/all bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0; STATUS_SUCCESS";
    v36_query_information_user_l23_dc_in: "36-SamrQueryInformationUser-L23-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_INTERNAL4_INFORMATION";
    v36_query_information_user_l23_dc_out: "36-SamrQueryInformationUser-L23-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "NULL; STATUS_NOT_SUPPORTED";
    v36_query_information_user_l23_fs_in: "36-SamrQueryInformationUser-L23-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_INTERNAL4_INFORMATION";
    v36_query_information_user_l23_fs_out: "36-SamrQueryInformationUser-L23-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "NULL; STATUS_INVALID_INFO_CLASS";
    v36_query_information_user_l3_dc_in: "36-SamrQueryInformationUser-L3-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_LOGON_INFORMATION";
    v36_query_information_user_l3_dc_out: "36-SamrQueryInformationUser-L3-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "logon 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)' rid 1129 group 513 home '' drive '' script '' profile '' ws '' last_logon 0 pw_set 134410826571898530 can_change 134410826571898530 must_change never hours 168/all bad 0 logons 0 uac 0x210; STATUS_SUCCESS";
    v36_query_information_user_l3_fs_in: "36-SamrQueryInformationUser-L3-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_LOGON_INFORMATION";
    v36_query_information_user_l3_fs_out: "36-SamrQueryInformationUser-L3-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "logon 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)' rid 1026 group 513 home '\\\\FILESRV\\nlp_vec_u3e7fdb' drive '' script '' profile '\\\\FILESRV\\nlp_vec_u3e7fdb\\profile' ws '' last_logon 0 pw_set 134410826250000000 can_change 134410826250000000 must_change 137919572470000000 hours 168/all bad 0 logons 0 uac 0x210; STATUS_SUCCESS";
    v36_query_information_user_l4_dc_in: "36-SamrQueryInformationUser-L4-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_LOGON_HOURS_INFORMATION";
    v36_query_information_user_l4_dc_out: "36-SamrQueryInformationUser-L4-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "hours 168/all; STATUS_SUCCESS";
    v36_query_information_user_l4_fs_in: "36-SamrQueryInformationUser-L4-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_LOGON_HOURS_INFORMATION";
    v36_query_information_user_l4_fs_out: "36-SamrQueryInformationUser-L4-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "hours 168/all; STATUS_SUCCESS";
    v36_query_information_user_l5_dc_in: "36-SamrQueryInformationUser-L5-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ACCOUNT_INFORMATION";
    v36_query_information_user_l5_dc_out: "36-SamrQueryInformationUser-L5-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "account 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)' rid 1129 group 513 home '' drive '' script '' profile '' comment 'changed by samr_capture.py' ws '' last_logon 0 hours 168/all bad 0 logons 0 pw_set 134410826571898530 expires never uac 0x210; STATUS_SUCCESS";
    v36_query_information_user_l5_fs_in: "36-SamrQueryInformationUser-L5-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ACCOUNT_INFORMATION";
    v36_query_information_user_l5_fs_out: "36-SamrQueryInformationUser-L5-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "account 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)' rid 1026 group 513 home '\\\\FILESRV\\nlp_vec_u3e7fdb' drive '' script '' profile '\\\\FILESRV\\nlp_vec_u3e7fdb\\profile' comment 'changed by samr_capture.py' ws '' last_logon 0 hours 168/all bad 0 logons 0 pw_set 134410826250000000 expires 137303967990000000 uac 0x210; STATUS_SUCCESS";
    v36_query_information_user_l6_dc_in: "36-SamrQueryInformationUser-L6-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_NAME_INFORMATION";
    v36_query_information_user_l6_dc_out: "36-SamrQueryInformationUser-L6-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "name 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)'; STATUS_SUCCESS";
    v36_query_information_user_l6_fs_in: "36-SamrQueryInformationUser-L6-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_NAME_INFORMATION";
    v36_query_information_user_l6_fs_out: "36-SamrQueryInformationUser-L6-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "name 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)'; STATUS_SUCCESS";
    v36_query_information_user_l7_dc_in: "36-SamrQueryInformationUser-L7-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ACCOUNT_NAME_INFORMATION";
    v36_query_information_user_l7_dc_out: "36-SamrQueryInformationUser-L7-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "account_name 'nlp_vec_ue5d3fb'; STATUS_SUCCESS";
    v36_query_information_user_l7_fs_in: "36-SamrQueryInformationUser-L7-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_ACCOUNT_NAME_INFORMATION";
    v36_query_information_user_l7_fs_out: "36-SamrQueryInformationUser-L7-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "account_name 'nlp_vec_u3e7fdb'; STATUS_SUCCESS";
    v36_query_information_user_l8_dc_in: "36-SamrQueryInformationUser-L8-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_FULL_NAME_INFORMATION";
    v36_query_information_user_l8_dc_out: "36-SamrQueryInformationUser-L8-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "full_name 'NetApi vector user (renamed)'; STATUS_SUCCESS";
    v36_query_information_user_l8_fs_in: "36-SamrQueryInformationUser-L8-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_FULL_NAME_INFORMATION";
    v36_query_information_user_l8_fs_out: "36-SamrQueryInformationUser-L8-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "full_name 'NetApi vector user (renamed)'; STATUS_SUCCESS";
    v36_query_information_user_l9_dc_in: "36-SamrQueryInformationUser-L9-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PRIMARY_GROUP_INFORMATION";
    v36_query_information_user_l9_dc_out: "36-SamrQueryInformationUser-L9-dc.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "primary_group 513; STATUS_SUCCESS";
    v36_query_information_user_l9_fs_in: "36-SamrQueryInformationUser-L9-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUserRequest, Exact,
        "handle USER_PRIMARY_GROUP_INFORMATION";
    v36_query_information_user_l9_fs_out: "36-SamrQueryInformationUser-L9-fs.out.samba-4.17.hex" => SamrQueryInformationUserResponse, Samba(0),
        "primary_group 513; STATUS_SUCCESS";
    v37_set_information_user_l13_comment_dc_in: "37-SamrSetInformationUser-L13-comment-dc.in.impacket-0.13.1.hex" => SamrSetInformationUserRequest, Impacket,
        "handle USER_ADMIN_COMMENT_INFORMATION comment 'changed by samr_capture.py'";
    v37_set_information_user_l13_comment_dc_out: "37-SamrSetInformationUser-L13-comment-dc.out.samba-4.17.hex" => SamrSetInformationUserResponse, Samba(0),
        "STATUS_SUCCESS";
    v37_set_information_user_l13_comment_fs_in: "37-SamrSetInformationUser-L13-comment-fs.in.impacket-0.13.1.hex" => SamrSetInformationUserRequest, Impacket,
        "handle USER_ADMIN_COMMENT_INFORMATION comment 'changed by samr_capture.py'";
    v37_set_information_user_l13_comment_fs_out: "37-SamrSetInformationUser-L13-comment-fs.out.samba-4.17.hex" => SamrSetInformationUserResponse, Samba(0),
        "STATUS_SUCCESS";
    v37_set_information_user_l8_fullname_dc_in: "37-SamrSetInformationUser-L8-fullname-dc.in.impacket-0.13.1.hex" => SamrSetInformationUserRequest, Impacket,
        "handle USER_FULL_NAME_INFORMATION full_name 'NetApi vector user (renamed)'";
    v37_set_information_user_l8_fullname_dc_out: "37-SamrSetInformationUser-L8-fullname-dc.out.samba-4.17.hex" => SamrSetInformationUserResponse, Samba(0),
        "STATUS_SUCCESS";
    v37_set_information_user_l8_fullname_fs_in: "37-SamrSetInformationUser-L8-fullname-fs.in.impacket-0.13.1.hex" => SamrSetInformationUserRequest, Impacket,
        "handle USER_FULL_NAME_INFORMATION full_name 'NetApi vector user (renamed)'";
    v37_set_information_user_l8_fullname_fs_out: "37-SamrSetInformationUser-L8-fullname-fs.out.samba-4.17.hex" => SamrSetInformationUserResponse, Samba(0),
        "STATUS_SUCCESS";
    v39_get_groups_for_user_new_user_dc_in: "39-SamrGetGroupsForUser-new-user-dc.in.impacket-0.13.1.hex" => SamrGetGroupsForUserRequest, Exact,
        "handle";
    v39_get_groups_for_user_new_user_dc_out: "39-SamrGetGroupsForUser-new-user-dc.out.samba-4.17.hex" => SamrGetGroupsForUserResponse, Samba(0),
        "1 [513:0x7]; STATUS_SUCCESS";
    v39_get_groups_for_user_new_user_fs_in: "39-SamrGetGroupsForUser-new-user-fs.in.impacket-0.13.1.hex" => SamrGetGroupsForUserRequest, Exact,
        "handle";
    v39_get_groups_for_user_new_user_fs_out: "39-SamrGetGroupsForUser-new-user-fs.out.samba-4.17.hex" => SamrGetGroupsForUserResponse, Samba(0),
        "1 [513:0x7]; STATUS_SUCCESS";
    v39_get_groups_for_user_new_user_in_group_dc_in: "39-SamrGetGroupsForUser-new-user-in-group-dc.in.impacket-0.13.1.hex" => SamrGetGroupsForUserRequest, Exact,
        "handle";
    v39_get_groups_for_user_new_user_in_group_dc_out: "39-SamrGetGroupsForUser-new-user-in-group-dc.out.samba-4.17.hex" => SamrGetGroupsForUserResponse, Samba(0),
        "2 [513:0x7, 1130:0x7]; STATUS_SUCCESS";
    v39_get_groups_for_user_new_user_in_group_fs_in: "39-SamrGetGroupsForUser-new-user-in-group-fs.in.impacket-0.13.1.hex" => SamrGetGroupsForUserRequest, Exact,
        "handle";
    v39_get_groups_for_user_new_user_in_group_fs_out: "39-SamrGetGroupsForUser-new-user-in-group-fs.out.samba-4.17.hex" => SamrGetGroupsForUserResponse, Samba(0),
        "2 [513:0x7, 1027:0x7]; STATUS_SUCCESS";
    v44_get_user_domain_password_information_new_user_dc_in: "44-SamrGetUserDomainPasswordInformation-new-user-dc.in.impacket-0.13.1.hex" => SamrGetUserDomainPasswordInformationRequest, Exact,
        "handle";
    v44_get_user_domain_password_information_new_user_dc_out: "44-SamrGetUserDomainPasswordInformation-new-user-dc.out.samba-4.17.hex" => SamrGetUserDomainPasswordInformationResponse, Samba(0),
        "min 7 props 0x0; STATUS_SUCCESS";
    v44_get_user_domain_password_information_new_user_fs_in: "44-SamrGetUserDomainPasswordInformation-new-user-fs.in.impacket-0.13.1.hex" => SamrGetUserDomainPasswordInformationRequest, Exact,
        "handle";
    v44_get_user_domain_password_information_new_user_fs_out: "44-SamrGetUserDomainPasswordInformation-new-user-fs.out.samba-4.17.hex" => SamrGetUserDomainPasswordInformationResponse, Samba(0),
        "min 5 props 0x0; STATUS_SUCCESS";
    v47_query_information_user2_l1_new_user_dc_in: "47-SamrQueryInformationUser2-L1-new-user-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_GENERAL_INFORMATION";
    v47_query_information_user2_l1_new_user_dc_out: "47-SamrQueryInformationUser2-L1-new-user-dc.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "general 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)' group 513 comment 'changed by samr_capture.py' usercomment ''; STATUS_SUCCESS";
    v47_query_information_user2_l1_new_user_fs_in: "47-SamrQueryInformationUser2-L1-new-user-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_GENERAL_INFORMATION";
    v47_query_information_user2_l1_new_user_fs_out: "47-SamrQueryInformationUser2-L1-new-user-fs.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "general 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)' group 513 comment 'changed by samr_capture.py' usercomment ''; STATUS_SUCCESS";
    v47_query_information_user2_l12_new_user_dc_in: "47-SamrQueryInformationUser2-L12-new-user-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_PROFILE_INFORMATION";
    v47_query_information_user2_l12_new_user_dc_out: "47-SamrQueryInformationUser2-L12-new-user-dc.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "profile ''; STATUS_SUCCESS";
    v47_query_information_user2_l12_new_user_fs_in: "47-SamrQueryInformationUser2-L12-new-user-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_PROFILE_INFORMATION";
    v47_query_information_user2_l12_new_user_fs_out: "47-SamrQueryInformationUser2-L12-new-user-fs.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "profile '\\\\FILESRV\\nlp_vec_u3e7fdb\\profile'; STATUS_SUCCESS";
    v47_query_information_user2_l21_netapiadmin_fs_in: "47-SamrQueryInformationUser2-L21-netapiadmin-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_ALL_INFORMATION";
    v47_query_information_user2_l21_netapiadmin_fs_out: "47-SamrQueryInformationUser2-L21-netapiadmin-fs.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "all 'netapiadmin' full 'NetApi lab administrator' rid 1000 group 513 uac 0x10 which 0xffffff home '\\\\FILESRV\\netapiadmin' drive '' script '' profile '\\\\FILESRV\\netapiadmin\\profile' comment '' usercomment '' ws '' params '' last_logon 0 pw_set 134400280200000000 expires 137303967990000000 can_change 134400280200000000 must_change never hours 168/all bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0; STATUS_SUCCESS";
    v47_query_information_user2_l21_netapiuser_dc_in: "47-SamrQueryInformationUser2-L21-netapiuser-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_ALL_INFORMATION";
    v47_query_information_user2_l21_netapiuser_dc_out: "47-SamrQueryInformationUser2-L21-netapiuser-dc.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "all 'netapiuser' full '' rid 1104 group 513 uac 0x10 which 0x8ffffff home '' drive '' script '' profile '' comment 'NetApi lab ordinary user' usercomment '' ws '' params NULL last_logon 0 pw_set 134400280288239760 expires never can_change 134400280288239760 must_change never hours 168/all bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0; STATUS_SUCCESS";
    v47_query_information_user2_l3_new_user_dc_in: "47-SamrQueryInformationUser2-L3-new-user-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_LOGON_INFORMATION";
    v47_query_information_user2_l3_new_user_dc_out: "47-SamrQueryInformationUser2-L3-new-user-dc.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "logon 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)' rid 1129 group 513 home '' drive '' script '' profile '' ws '' last_logon 0 pw_set 134410826571898530 can_change 134410826571898530 must_change never hours 168/all bad 0 logons 0 uac 0x210; STATUS_SUCCESS";
    v47_query_information_user2_l3_new_user_fs_in: "47-SamrQueryInformationUser2-L3-new-user-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_LOGON_INFORMATION";
    v47_query_information_user2_l3_new_user_fs_out: "47-SamrQueryInformationUser2-L3-new-user-fs.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "logon 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)' rid 1026 group 513 home '\\\\FILESRV\\nlp_vec_u3e7fdb' drive '' script '' profile '\\\\FILESRV\\nlp_vec_u3e7fdb\\profile' ws '' last_logon 0 pw_set 134410826250000000 can_change 134410826250000000 must_change 137919572470000000 hours 168/all bad 0 logons 0 uac 0x210; STATUS_SUCCESS";
    v47_query_information_user2_l5_new_user_dc_in: "47-SamrQueryInformationUser2-L5-new-user-dc.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_ACCOUNT_INFORMATION";
    v47_query_information_user2_l5_new_user_dc_out: "47-SamrQueryInformationUser2-L5-new-user-dc.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "account 'nlp_vec_ue5d3fb' full 'NetApi vector user (renamed)' rid 1129 group 513 home '' drive '' script '' profile '' comment 'changed by samr_capture.py' ws '' last_logon 0 hours 168/all bad 0 logons 0 pw_set 134410826571898530 expires never uac 0x210; STATUS_SUCCESS";
    v47_query_information_user2_l5_new_user_fs_in: "47-SamrQueryInformationUser2-L5-new-user-fs.in.impacket-0.13.1.hex" => SamrQueryInformationUser2Request, Exact,
        "handle USER_ACCOUNT_INFORMATION";
    v47_query_information_user2_l5_new_user_fs_out: "47-SamrQueryInformationUser2-L5-new-user-fs.out.samba-4.17.hex" => SamrQueryInformationUser2Response, Samba(0),
        "account 'nlp_vec_u3e7fdb' full 'NetApi vector user (renamed)' rid 1026 group 513 home '\\\\FILESRV\\nlp_vec_u3e7fdb' drive '' script '' profile '\\\\FILESRV\\nlp_vec_u3e7fdb\\profile' comment 'changed by samr_capture.py' ws '' last_logon 0 hours 168/all bad 0 logons 0 pw_set 134410826250000000 expires 137303967990000000 uac 0x210; STATUS_SUCCESS";
    v50_create_user2_in_domain_exists_dc_in: "50-SamrCreateUser2InDomain-exists-dc.in.impacket-0.13.1.hex" => SamrCreateUser2InDomainRequest, Impacket,
        "handle 'nlp_vec_ue5d3fb' type 0x10 access 0xf07ff";
    v50_create_user2_in_domain_exists_dc_out: "50-SamrCreateUser2InDomain-exists-dc.out.samba-4.17.hex" => SamrCreateUser2InDomainResponse, Samba(0),
        "null-handle granted 0x0 rid 0; STATUS_USER_EXISTS";
    v50_create_user2_in_domain_exists_fs_in: "50-SamrCreateUser2InDomain-exists-fs.in.impacket-0.13.1.hex" => SamrCreateUser2InDomainRequest, Impacket,
        "handle 'nlp_vec_u3e7fdb' type 0x10 access 0xf07ff";
    v50_create_user2_in_domain_exists_fs_out: "50-SamrCreateUser2InDomain-exists-fs.out.samba-4.17.hex" => SamrCreateUser2InDomainResponse, Samba(0),
        "null-handle granted 0x0 rid 0; STATUS_USER_EXISTS";
    v50_create_user2_in_domain_new_dc_in: "50-SamrCreateUser2InDomain-new-dc.in.impacket-0.13.1.hex" => SamrCreateUser2InDomainRequest, Impacket,
        "handle 'nlp_vec_ue5d3fb' type 0x10 access 0xf07ff";
    v50_create_user2_in_domain_new_dc_out: "50-SamrCreateUser2InDomain-new-dc.out.samba-4.17.hex" => SamrCreateUser2InDomainResponse, Samba(0),
        "handle granted 0xf07ff rid 1129; STATUS_SUCCESS";
    v50_create_user2_in_domain_new_fs_in: "50-SamrCreateUser2InDomain-new-fs.in.impacket-0.13.1.hex" => SamrCreateUser2InDomainRequest, Impacket,
        "handle 'nlp_vec_u3e7fdb' type 0x10 access 0xf07ff";
    v50_create_user2_in_domain_new_fs_out: "50-SamrCreateUser2InDomain-new-fs.out.samba-4.17.hex" => SamrCreateUser2InDomainResponse, Samba(0),
        "handle granted 0xf07ff rid 1026; STATUS_SUCCESS";
    v55_unicode_change_password_user2_ok_dc_in: "55-SamrUnicodeChangePasswordUser2-ok-dc.in.impacket-0.13.1.hex" => SamrUnicodeChangePasswordUser2Request, Impacket,
        "server NULL user 'nlp_vec_ue5d3fb' new_with_old_nt 516 bytes old_nt_with_new_nt true lm_present 0 new_with_old_lm false old_lm_with_new_nt false";
    v55_unicode_change_password_user2_ok_dc_out: "55-SamrUnicodeChangePasswordUser2-ok-dc.out.samba-4.17.hex" => SamrUnicodeChangePasswordUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v55_unicode_change_password_user2_ok_fs_in: "55-SamrUnicodeChangePasswordUser2-ok-fs.in.impacket-0.13.1.hex" => SamrUnicodeChangePasswordUser2Request, Impacket,
        "server NULL user 'nlp_vec_u3e7fdb' new_with_old_nt 516 bytes old_nt_with_new_nt true lm_present 0 new_with_old_lm false old_lm_with_new_nt false";
    v55_unicode_change_password_user2_ok_fs_out: "55-SamrUnicodeChangePasswordUser2-ok-fs.out.samba-4.17.hex" => SamrUnicodeChangePasswordUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v55_unicode_change_password_user2_wrong_old_dc_in: "55-SamrUnicodeChangePasswordUser2-wrong-old-dc.in.impacket-0.13.1.hex" => SamrUnicodeChangePasswordUser2Request, Impacket,
        "server NULL user 'nlp_vec_ue5d3fb' new_with_old_nt 516 bytes old_nt_with_new_nt true lm_present 0 new_with_old_lm false old_lm_with_new_nt false";
    v55_unicode_change_password_user2_wrong_old_dc_out: "55-SamrUnicodeChangePasswordUser2-wrong-old-dc.out.samba-4.17.hex" => SamrUnicodeChangePasswordUser2Response, Samba(0),
        "STATUS_WRONG_PASSWORD";
    v55_unicode_change_password_user2_wrong_old_fs_in: "55-SamrUnicodeChangePasswordUser2-wrong-old-fs.in.impacket-0.13.1.hex" => SamrUnicodeChangePasswordUser2Request, Impacket,
        "server NULL user 'nlp_vec_u3e7fdb' new_with_old_nt 516 bytes old_nt_with_new_nt true lm_present 0 new_with_old_lm false old_lm_with_new_nt false";
    v55_unicode_change_password_user2_wrong_old_fs_out: "55-SamrUnicodeChangePasswordUser2-wrong-old-fs.out.samba-4.17.hex" => SamrUnicodeChangePasswordUser2Response, Samba(0),
        "STATUS_WRONG_PASSWORD";
    v58_set_information_user2_l21_enable_dc_in: "58-SamrSetInformationUser2-L21-enable-dc.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Impacket,
        "handle USER_ALL_INFORMATION all NULL full 'NetApi vector user' rid 0 group 0 uac 0x210 which 0x100012 home NULL drive NULL script NULL profile NULL comment 'created by samr_capture.py' usercomment NULL ws NULL params NULL last_logon 0 pw_set 0 expires 0 can_change 0 must_change 0 hours 0/NULL bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0";
    v58_set_information_user2_l21_enable_dc_out: "58-SamrSetInformationUser2-L21-enable-dc.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l21_enable_fs_in: "58-SamrSetInformationUser2-L21-enable-fs.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Impacket,
        "handle USER_ALL_INFORMATION all NULL full 'NetApi vector user' rid 0 group 0 uac 0x210 which 0x100012 home NULL drive NULL script NULL profile NULL comment 'created by samr_capture.py' usercomment NULL ws NULL params NULL last_logon 0 pw_set 0 expires 0 can_change 0 must_change 0 hours 0/NULL bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0";
    v58_set_information_user2_l21_enable_fs_out: "58-SamrSetInformationUser2-L21-enable-fs.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l23_password_dc_in: "58-SamrSetInformationUser2-L23-password-dc.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL4_INFORMATION internal4 (all NULL full NULL rid 0 group 0 uac 0x0 which 0x1000000 home NULL drive NULL script NULL profile NULL comment NULL usercomment NULL ws NULL params NULL last_logon 0 pw_set 0 expires 0 can_change 0 must_change 0 hours 0/NULL bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0) password 516 bytes";
    v58_set_information_user2_l23_password_dc_out: "58-SamrSetInformationUser2-L23-password-dc.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l23_password_fs_in: "58-SamrSetInformationUser2-L23-password-fs.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL4_INFORMATION internal4 (all NULL full NULL rid 0 group 0 uac 0x0 which 0x1000000 home NULL drive NULL script NULL profile NULL comment NULL usercomment NULL ws NULL params NULL last_logon 0 pw_set 0 expires 0 can_change 0 must_change 0 hours 0/NULL bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0) password 516 bytes";
    v58_set_information_user2_l23_password_fs_out: "58-SamrSetInformationUser2-L23-password-fs.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l24_password_dc_in: "58-SamrSetInformationUser2-L24-password-dc.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL5_INFORMATION internal5 password 516 bytes expired 0";
    v58_set_information_user2_l24_password_dc_out: "58-SamrSetInformationUser2-L24-password-dc.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l24_password_fs_in: "58-SamrSetInformationUser2-L24-password-fs.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL5_INFORMATION internal5 password 516 bytes expired 0";
    v58_set_information_user2_l24_password_fs_out: "58-SamrSetInformationUser2-L24-password-fs.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l25_password_dc_in: "58-SamrSetInformationUser2-L25-password-dc.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL4_INFORMATION_NEW internal4new (all NULL full NULL rid 0 group 0 uac 0x0 which 0x9000000 home NULL drive NULL script NULL profile NULL comment NULL usercomment NULL ws NULL params NULL last_logon 0 pw_set 0 expires 0 can_change 0 must_change 0 hours 0/NULL bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0) password 532 bytes";
    v58_set_information_user2_l25_password_dc_out: "58-SamrSetInformationUser2-L25-password-dc.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l25_password_fs_in: "58-SamrSetInformationUser2-L25-password-fs.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL4_INFORMATION_NEW internal4new (all NULL full NULL rid 0 group 0 uac 0x0 which 0x9000000 home NULL drive NULL script NULL profile NULL comment NULL usercomment NULL ws NULL params NULL last_logon 0 pw_set 0 expires 0 can_change 0 must_change 0 hours 0/NULL bad 0 logons 0 cc 0 cp 0 nt 0 lm 0 expired 0) password 532 bytes";
    v58_set_information_user2_l25_password_fs_out: "58-SamrSetInformationUser2-L25-password-fs.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l26_password_dc_in: "58-SamrSetInformationUser2-L26-password-dc.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL5_INFORMATION_NEW internal5new password 532 bytes expired 0";
    v58_set_information_user2_l26_password_dc_out: "58-SamrSetInformationUser2-L26-password-dc.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
    v58_set_information_user2_l26_password_fs_in: "58-SamrSetInformationUser2-L26-password-fs.in.impacket-0.13.1.hex" => SamrSetInformationUser2Request, Exact,
        "handle USER_INTERNAL5_INFORMATION_NEW internal5new password 532 bytes expired 0";
    v58_set_information_user2_l26_password_fs_out: "58-SamrSetInformationUser2-L26-password-fs.out.samba-4.17.hex" => SamrSetInformationUser2Response, Samba(0),
        "STATUS_SUCCESS";
}
