//! Global groups and aliases: create (and again), open (and a missing RID), every information
//! class, set the comment, add, list and remove a member (each twice, for the error), delete.

use netapi_msrpc::samr::*;

use super::harness::vectors;
use super::{Exact, Impacket, Samba};

vectors! { "samr";
    v10_create_group_in_domain_exists_dc_in: "10-SamrCreateGroupInDomain-exists-dc.in.impacket-0.13.1.hex" => SamrCreateGroupInDomainRequest, Impacket,
        "handle 'nlp_vec_ge5d3fb' access 0xf001f";
    v10_create_group_in_domain_exists_dc_out: "10-SamrCreateGroupInDomain-exists-dc.out.samba-4.17.hex" => SamrCreateGroupInDomainResponse, Samba(0),
        "null-handle rid 0; STATUS_GROUP_EXISTS";
    v10_create_group_in_domain_exists_fs_in: "10-SamrCreateGroupInDomain-exists-fs.in.impacket-0.13.1.hex" => SamrCreateGroupInDomainRequest, Impacket,
        "handle 'nlp_vec_g3e7fdb' access 0xf001f";
    v10_create_group_in_domain_exists_fs_out: "10-SamrCreateGroupInDomain-exists-fs.out.samba-4.17.hex" => SamrCreateGroupInDomainResponse, Samba(0),
        "null-handle rid 0; STATUS_GROUP_EXISTS";
    v10_create_group_in_domain_new_dc_in: "10-SamrCreateGroupInDomain-new-dc.in.impacket-0.13.1.hex" => SamrCreateGroupInDomainRequest, Impacket,
        "handle 'nlp_vec_ge5d3fb' access 0xf001f";
    v10_create_group_in_domain_new_dc_out: "10-SamrCreateGroupInDomain-new-dc.out.samba-4.17.hex" => SamrCreateGroupInDomainResponse, Samba(0),
        "handle rid 1130; STATUS_SUCCESS";
    v10_create_group_in_domain_new_fs_in: "10-SamrCreateGroupInDomain-new-fs.in.impacket-0.13.1.hex" => SamrCreateGroupInDomainRequest, Impacket,
        "handle 'nlp_vec_g3e7fdb' access 0xf001f";
    v10_create_group_in_domain_new_fs_out: "10-SamrCreateGroupInDomain-new-fs.out.samba-4.17.hex" => SamrCreateGroupInDomainResponse, Samba(0),
        "handle rid 1027; STATUS_SUCCESS";
    v14_create_alias_in_domain_exists_dc_in: "14-SamrCreateAliasInDomain-exists-dc.in.impacket-0.13.1.hex" => SamrCreateAliasInDomainRequest, Impacket,
        "handle 'nlp_vec_ae5d3fb' access 0xf001f";
    v14_create_alias_in_domain_exists_dc_out: "14-SamrCreateAliasInDomain-exists-dc.out.samba-4.17.hex" => SamrCreateAliasInDomainResponse, Samba(0),
        "null-handle rid 0; STATUS_ALIAS_EXISTS";
    v14_create_alias_in_domain_exists_fs_in: "14-SamrCreateAliasInDomain-exists-fs.in.impacket-0.13.1.hex" => SamrCreateAliasInDomainRequest, Impacket,
        "handle 'nlp_vec_a3e7fdb' access 0xf001f";
    v14_create_alias_in_domain_exists_fs_out: "14-SamrCreateAliasInDomain-exists-fs.out.samba-4.17.hex" => SamrCreateAliasInDomainResponse, Samba(0),
        "null-handle rid 0; STATUS_ALIAS_EXISTS";
    v14_create_alias_in_domain_new_dc_in: "14-SamrCreateAliasInDomain-new-dc.in.impacket-0.13.1.hex" => SamrCreateAliasInDomainRequest, Impacket,
        "handle 'nlp_vec_ae5d3fb' access 0xf001f";
    v14_create_alias_in_domain_new_dc_out: "14-SamrCreateAliasInDomain-new-dc.out.samba-4.17.hex" => SamrCreateAliasInDomainResponse, Samba(0),
        "handle rid 1131; STATUS_SUCCESS";
    v14_create_alias_in_domain_new_fs_in: "14-SamrCreateAliasInDomain-new-fs.in.impacket-0.13.1.hex" => SamrCreateAliasInDomainRequest, Impacket,
        "handle 'nlp_vec_a3e7fdb' access 0xf001f";
    v14_create_alias_in_domain_new_fs_out: "14-SamrCreateAliasInDomain-new-fs.out.samba-4.17.hex" => SamrCreateAliasInDomainResponse, Samba(0),
        "handle rid 1028; STATUS_SUCCESS";
    v19_open_group_missing_dc_in: "19-SamrOpenGroup-missing-dc.in.impacket-0.13.1.hex" => SamrOpenGroupRequest, Exact,
        "handle access 0x2000000 rid 999996";
    v19_open_group_missing_dc_out: "19-SamrOpenGroup-missing-dc.out.samba-4.17.hex" => SamrOpenGroupResponse, Samba(0),
        "null-handle; STATUS_NO_SUCH_GROUP";
    v19_open_group_missing_fs_in: "19-SamrOpenGroup-missing-fs.in.impacket-0.13.1.hex" => SamrOpenGroupRequest, Exact,
        "handle access 0x2000000 rid 999996";
    v19_open_group_missing_fs_out: "19-SamrOpenGroup-missing-fs.out.samba-4.17.hex" => SamrOpenGroupResponse, Samba(0),
        "null-handle; STATUS_NO_SUCH_GROUP";
    v19_open_group_new_dc_in: "19-SamrOpenGroup-new-dc.in.impacket-0.13.1.hex" => SamrOpenGroupRequest, Exact,
        "handle access 0x2000000 rid 1130";
    v19_open_group_new_dc_out: "19-SamrOpenGroup-new-dc.out.samba-4.17.hex" => SamrOpenGroupResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v19_open_group_new_fs_in: "19-SamrOpenGroup-new-fs.in.impacket-0.13.1.hex" => SamrOpenGroupRequest, Exact,
        "handle access 0x2000000 rid 1027";
    v19_open_group_new_fs_out: "19-SamrOpenGroup-new-fs.out.samba-4.17.hex" => SamrOpenGroupResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v20_query_information_group_l1_dc_in: "20-SamrQueryInformationGroup-L1-dc.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_GENERAL_INFORMATION";
    v20_query_information_group_l1_dc_out: "20-SamrQueryInformationGroup-L1-dc.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "general 'nlp_vec_ge5d3fb' attrs 0x7 members 0 comment 'group made by samr_capture.py'; STATUS_SUCCESS";
    v20_query_information_group_l1_fs_in: "20-SamrQueryInformationGroup-L1-fs.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_GENERAL_INFORMATION";
    v20_query_information_group_l1_fs_out: "20-SamrQueryInformationGroup-L1-fs.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "general 'nlp_vec_g3e7fdb' attrs 0x7 members 1 comment 'group made by samr_capture.py'; STATUS_SUCCESS";
    v20_query_information_group_l2_dc_in: "20-SamrQueryInformationGroup-L2-dc.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_NAME_INFORMATION";
    v20_query_information_group_l2_dc_out: "20-SamrQueryInformationGroup-L2-dc.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "name 'nlp_vec_ge5d3fb'; STATUS_SUCCESS";
    v20_query_information_group_l2_fs_in: "20-SamrQueryInformationGroup-L2-fs.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_NAME_INFORMATION";
    v20_query_information_group_l2_fs_out: "20-SamrQueryInformationGroup-L2-fs.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "name 'nlp_vec_g3e7fdb'; STATUS_SUCCESS";
    v20_query_information_group_l3_dc_in: "20-SamrQueryInformationGroup-L3-dc.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_ATTRIBUTE_INFORMATION";
    v20_query_information_group_l3_dc_out: "20-SamrQueryInformationGroup-L3-dc.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "attributes 0x7; STATUS_SUCCESS";
    v20_query_information_group_l3_fs_in: "20-SamrQueryInformationGroup-L3-fs.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_ATTRIBUTE_INFORMATION";
    v20_query_information_group_l3_fs_out: "20-SamrQueryInformationGroup-L3-fs.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "attributes 0x7; STATUS_SUCCESS";
    v20_query_information_group_l4_dc_in: "20-SamrQueryInformationGroup-L4-dc.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_ADMIN_COMMENT_INFORMATION";
    v20_query_information_group_l4_dc_out: "20-SamrQueryInformationGroup-L4-dc.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "comment 'group made by samr_capture.py'; STATUS_SUCCESS";
    v20_query_information_group_l4_fs_in: "20-SamrQueryInformationGroup-L4-fs.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_ADMIN_COMMENT_INFORMATION";
    v20_query_information_group_l4_fs_out: "20-SamrQueryInformationGroup-L4-fs.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "comment 'group made by samr_capture.py'; STATUS_SUCCESS";
    v20_query_information_group_l5_dc_in: "20-SamrQueryInformationGroup-L5-dc.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_REPLICATION_INFORMATION";
    v20_query_information_group_l5_dc_out: "20-SamrQueryInformationGroup-L5-dc.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "replication 'nlp_vec_ge5d3fb' attrs 0x7 members 0 comment 'group made by samr_capture.py'; STATUS_SUCCESS";
    v20_query_information_group_l5_fs_in: "20-SamrQueryInformationGroup-L5-fs.in.impacket-0.13.1.hex" => SamrQueryInformationGroupRequest, Exact,
        "handle GROUP_REPLICATION_INFORMATION";
    v20_query_information_group_l5_fs_out: "20-SamrQueryInformationGroup-L5-fs.out.samba-4.17.hex" => SamrQueryInformationGroupResponse, Samba(0),
        "replication 'nlp_vec_g3e7fdb' attrs 0x7 members 0 comment 'group made by samr_capture.py'; STATUS_SUCCESS";
    v21_set_information_group_l4_comment_dc_in: "21-SamrSetInformationGroup-L4-comment-dc.in.impacket-0.13.1.hex" => SamrSetInformationGroupRequest, Impacket,
        "handle GROUP_ADMIN_COMMENT_INFORMATION comment 'group made by samr_capture.py'";
    v21_set_information_group_l4_comment_dc_out: "21-SamrSetInformationGroup-L4-comment-dc.out.samba-4.17.hex" => SamrSetInformationGroupResponse, Samba(0),
        "STATUS_SUCCESS";
    v21_set_information_group_l4_comment_fs_in: "21-SamrSetInformationGroup-L4-comment-fs.in.impacket-0.13.1.hex" => SamrSetInformationGroupRequest, Impacket,
        "handle GROUP_ADMIN_COMMENT_INFORMATION comment 'group made by samr_capture.py'";
    v21_set_information_group_l4_comment_fs_out: "21-SamrSetInformationGroup-L4-comment-fs.out.samba-4.17.hex" => SamrSetInformationGroupResponse, Samba(0),
        "STATUS_SUCCESS";
    v22_add_member_to_group_again_dc_in: "22-SamrAddMemberToGroup-again-dc.in.impacket-0.13.1.hex" => SamrAddMemberToGroupRequest, Exact,
        "handle rid 1129 attrs 0x7";
    v22_add_member_to_group_again_dc_out: "22-SamrAddMemberToGroup-again-dc.out.samba-4.17.hex" => SamrAddMemberToGroupResponse, Samba(0),
        "STATUS_MEMBER_IN_GROUP";
    v22_add_member_to_group_again_fs_in: "22-SamrAddMemberToGroup-again-fs.in.impacket-0.13.1.hex" => SamrAddMemberToGroupRequest, Exact,
        "handle rid 1026 attrs 0x7";
    v22_add_member_to_group_again_fs_out: "22-SamrAddMemberToGroup-again-fs.out.samba-4.17.hex" => SamrAddMemberToGroupResponse, Samba(0),
        "STATUS_MEMBER_IN_GROUP";
    v22_add_member_to_group_new_user_dc_in: "22-SamrAddMemberToGroup-new-user-dc.in.impacket-0.13.1.hex" => SamrAddMemberToGroupRequest, Exact,
        "handle rid 1129 attrs 0x7";
    v22_add_member_to_group_new_user_dc_out: "22-SamrAddMemberToGroup-new-user-dc.out.samba-4.17.hex" => SamrAddMemberToGroupResponse, Samba(0),
        "STATUS_SUCCESS";
    v22_add_member_to_group_new_user_fs_in: "22-SamrAddMemberToGroup-new-user-fs.in.impacket-0.13.1.hex" => SamrAddMemberToGroupRequest, Exact,
        "handle rid 1026 attrs 0x7";
    v22_add_member_to_group_new_user_fs_out: "22-SamrAddMemberToGroup-new-user-fs.out.samba-4.17.hex" => SamrAddMemberToGroupResponse, Samba(0),
        "STATUS_SUCCESS";
    v23_delete_group_new_dc_in: "23-SamrDeleteGroup-new-dc.in.impacket-0.13.1.hex" => SamrDeleteGroupRequest, Exact,
        "handle";
    v23_delete_group_new_dc_out: "23-SamrDeleteGroup-new-dc.out.samba-4.17.hex" => SamrDeleteGroupResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v23_delete_group_new_fs_in: "23-SamrDeleteGroup-new-fs.in.impacket-0.13.1.hex" => SamrDeleteGroupRequest, Exact,
        "handle";
    v23_delete_group_new_fs_out: "23-SamrDeleteGroup-new-fs.out.samba-4.17.hex" => SamrDeleteGroupResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v24_remove_member_from_group_again_dc_in: "24-SamrRemoveMemberFromGroup-again-dc.in.impacket-0.13.1.hex" => SamrRemoveMemberFromGroupRequest, Exact,
        "handle rid 1129";
    v24_remove_member_from_group_again_dc_out: "24-SamrRemoveMemberFromGroup-again-dc.out.samba-4.17.hex" => SamrRemoveMemberFromGroupResponse, Samba(0),
        "STATUS_MEMBER_NOT_IN_GROUP";
    v24_remove_member_from_group_again_fs_in: "24-SamrRemoveMemberFromGroup-again-fs.in.impacket-0.13.1.hex" => SamrRemoveMemberFromGroupRequest, Exact,
        "handle rid 1026";
    v24_remove_member_from_group_again_fs_out: "24-SamrRemoveMemberFromGroup-again-fs.out.samba-4.17.hex" => SamrRemoveMemberFromGroupResponse, Samba(0),
        "STATUS_MEMBER_NOT_IN_GROUP";
    v24_remove_member_from_group_new_user_dc_in: "24-SamrRemoveMemberFromGroup-new-user-dc.in.impacket-0.13.1.hex" => SamrRemoveMemberFromGroupRequest, Exact,
        "handle rid 1129";
    v24_remove_member_from_group_new_user_dc_out: "24-SamrRemoveMemberFromGroup-new-user-dc.out.samba-4.17.hex" => SamrRemoveMemberFromGroupResponse, Samba(0),
        "STATUS_SUCCESS";
    v24_remove_member_from_group_new_user_fs_in: "24-SamrRemoveMemberFromGroup-new-user-fs.in.impacket-0.13.1.hex" => SamrRemoveMemberFromGroupRequest, Exact,
        "handle rid 1026";
    v24_remove_member_from_group_new_user_fs_out: "24-SamrRemoveMemberFromGroup-new-user-fs.out.samba-4.17.hex" => SamrRemoveMemberFromGroupResponse, Samba(0),
        "STATUS_SUCCESS";
    v25_get_members_in_group_one_dc_in: "25-SamrGetMembersInGroup-one-dc.in.impacket-0.13.1.hex" => SamrGetMembersInGroupRequest, Exact,
        "handle";
    v25_get_members_in_group_one_dc_out: "25-SamrGetMembersInGroup-one-dc.out.samba-4.17.hex" => SamrGetMembersInGroupResponse, Samba(0),
        "1 [1129] attrs [0x7]; STATUS_SUCCESS";
    v25_get_members_in_group_one_fs_in: "25-SamrGetMembersInGroup-one-fs.in.impacket-0.13.1.hex" => SamrGetMembersInGroupRequest, Exact,
        "handle";
    v25_get_members_in_group_one_fs_out: "25-SamrGetMembersInGroup-one-fs.out.samba-4.17.hex" => SamrGetMembersInGroupResponse, Samba(0),
        "1 [1026] attrs [0x7]; STATUS_SUCCESS";
    v27_open_alias_missing_dc_in: "27-SamrOpenAlias-missing-dc.in.impacket-0.13.1.hex" => SamrOpenAliasRequest, Exact,
        "handle access 0x2000000 rid 999995";
    v27_open_alias_missing_dc_out: "27-SamrOpenAlias-missing-dc.out.samba-4.17.hex" => SamrOpenAliasResponse, Samba(0),
        "null-handle; STATUS_NO_SUCH_ALIAS";
    v27_open_alias_missing_fs_in: "27-SamrOpenAlias-missing-fs.in.impacket-0.13.1.hex" => SamrOpenAliasRequest, Exact,
        "handle access 0x2000000 rid 999995";
    v27_open_alias_missing_fs_out: "27-SamrOpenAlias-missing-fs.out.samba-4.17.hex" => SamrOpenAliasResponse, Samba(0),
        "null-handle; STATUS_NO_SUCH_ALIAS";
    v27_open_alias_new_dc_in: "27-SamrOpenAlias-new-dc.in.impacket-0.13.1.hex" => SamrOpenAliasRequest, Exact,
        "handle access 0x2000000 rid 1131";
    v27_open_alias_new_dc_out: "27-SamrOpenAlias-new-dc.out.samba-4.17.hex" => SamrOpenAliasResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v27_open_alias_new_fs_in: "27-SamrOpenAlias-new-fs.in.impacket-0.13.1.hex" => SamrOpenAliasRequest, Exact,
        "handle access 0x2000000 rid 1028";
    v27_open_alias_new_fs_out: "27-SamrOpenAlias-new-fs.out.samba-4.17.hex" => SamrOpenAliasResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v28_query_information_alias_l1_dc_in: "28-SamrQueryInformationAlias-L1-dc.in.impacket-0.13.1.hex" => SamrQueryInformationAliasRequest, Exact,
        "handle ALIAS_GENERAL_INFORMATION";
    v28_query_information_alias_l1_dc_out: "28-SamrQueryInformationAlias-L1-dc.out.samba-4.17.hex" => SamrQueryInformationAliasResponse, Samba(0),
        "general 'nlp_vec_ae5d3fb' members 0 comment 'alias made by samr_capture.py'; STATUS_SUCCESS";
    v28_query_information_alias_l1_fs_in: "28-SamrQueryInformationAlias-L1-fs.in.impacket-0.13.1.hex" => SamrQueryInformationAliasRequest, Exact,
        "handle ALIAS_GENERAL_INFORMATION";
    v28_query_information_alias_l1_fs_out: "28-SamrQueryInformationAlias-L1-fs.out.samba-4.17.hex" => SamrQueryInformationAliasResponse, Samba(0),
        "general 'nlp_vec_a3e7fdb' members 1 comment 'alias made by samr_capture.py'; STATUS_SUCCESS";
    v28_query_information_alias_l2_dc_in: "28-SamrQueryInformationAlias-L2-dc.in.impacket-0.13.1.hex" => SamrQueryInformationAliasRequest, Exact,
        "handle ALIAS_NAME_INFORMATION";
    v28_query_information_alias_l2_dc_out: "28-SamrQueryInformationAlias-L2-dc.out.samba-4.17.hex" => SamrQueryInformationAliasResponse, Samba(0),
        "name 'nlp_vec_ae5d3fb'; STATUS_SUCCESS";
    v28_query_information_alias_l2_fs_in: "28-SamrQueryInformationAlias-L2-fs.in.impacket-0.13.1.hex" => SamrQueryInformationAliasRequest, Exact,
        "handle ALIAS_NAME_INFORMATION";
    v28_query_information_alias_l2_fs_out: "28-SamrQueryInformationAlias-L2-fs.out.samba-4.17.hex" => SamrQueryInformationAliasResponse, Samba(0),
        "name 'nlp_vec_a3e7fdb'; STATUS_SUCCESS";
    v28_query_information_alias_l3_dc_in: "28-SamrQueryInformationAlias-L3-dc.in.impacket-0.13.1.hex" => SamrQueryInformationAliasRequest, Exact,
        "handle ALIAS_ADMIN_COMMENT_INFORMATION";
    v28_query_information_alias_l3_dc_out: "28-SamrQueryInformationAlias-L3-dc.out.samba-4.17.hex" => SamrQueryInformationAliasResponse, Samba(0),
        "comment 'alias made by samr_capture.py'; STATUS_SUCCESS";
    v28_query_information_alias_l3_fs_in: "28-SamrQueryInformationAlias-L3-fs.in.impacket-0.13.1.hex" => SamrQueryInformationAliasRequest, Exact,
        "handle ALIAS_ADMIN_COMMENT_INFORMATION";
    v28_query_information_alias_l3_fs_out: "28-SamrQueryInformationAlias-L3-fs.out.samba-4.17.hex" => SamrQueryInformationAliasResponse, Samba(0),
        "comment 'alias made by samr_capture.py'; STATUS_SUCCESS";
    v29_set_information_alias_l3_comment_dc_in: "29-SamrSetInformationAlias-L3-comment-dc.in.impacket-0.13.1.hex" => SamrSetInformationAliasRequest, Impacket,
        "handle ALIAS_ADMIN_COMMENT_INFORMATION comment 'alias made by samr_capture.py'";
    v29_set_information_alias_l3_comment_dc_out: "29-SamrSetInformationAlias-L3-comment-dc.out.samba-4.17.hex" => SamrSetInformationAliasResponse, Samba(0),
        "STATUS_SUCCESS";
    v29_set_information_alias_l3_comment_fs_in: "29-SamrSetInformationAlias-L3-comment-fs.in.impacket-0.13.1.hex" => SamrSetInformationAliasRequest, Impacket,
        "handle ALIAS_ADMIN_COMMENT_INFORMATION comment 'alias made by samr_capture.py'";
    v29_set_information_alias_l3_comment_fs_out: "29-SamrSetInformationAlias-L3-comment-fs.out.samba-4.17.hex" => SamrSetInformationAliasResponse, Samba(0),
        "STATUS_SUCCESS";
    v30_delete_alias_new_dc_in: "30-SamrDeleteAlias-new-dc.in.impacket-0.13.1.hex" => SamrDeleteAliasRequest, Exact,
        "handle";
    v30_delete_alias_new_dc_out: "30-SamrDeleteAlias-new-dc.out.samba-4.17.hex" => SamrDeleteAliasResponse, Samba(0),
        "null-handle; STATUS_SUCCESS";
    v30_delete_alias_new_fs_in: "30-SamrDeleteAlias-new-fs.in.impacket-0.13.1.hex" => SamrDeleteAliasRequest, Exact,
        "handle";
    v30_delete_alias_new_fs_out: "30-SamrDeleteAlias-new-fs.out.samba-4.17.hex" => SamrDeleteAliasResponse, Samba(0),
        "handle; STATUS_SUCCESS";
    v31_add_member_to_alias_again_dc_in: "31-SamrAddMemberToAlias-again-dc.in.impacket-0.13.1.hex" => SamrAddMemberToAliasRequest, Exact,
        "handle S-1-5-21-2749836509-1682262617-148795997-1129";
    v31_add_member_to_alias_again_dc_out: "31-SamrAddMemberToAlias-again-dc.out.samba-4.17.hex" => SamrAddMemberToAliasResponse, Samba(0),
        "STATUS_MEMBER_IN_GROUP";
    v31_add_member_to_alias_again_fs_in: "31-SamrAddMemberToAlias-again-fs.in.impacket-0.13.1.hex" => SamrAddMemberToAliasRequest, Exact,
        "handle S-1-5-21-3933530076-1612056594-1342190675-1026";
    v31_add_member_to_alias_again_fs_out: "31-SamrAddMemberToAlias-again-fs.out.samba-4.17.hex" => SamrAddMemberToAliasResponse, Samba(0),
        "STATUS_MEMBER_IN_ALIAS";
    v31_add_member_to_alias_new_user_dc_in: "31-SamrAddMemberToAlias-new-user-dc.in.impacket-0.13.1.hex" => SamrAddMemberToAliasRequest, Exact,
        "handle S-1-5-21-2749836509-1682262617-148795997-1129";
    v31_add_member_to_alias_new_user_dc_out: "31-SamrAddMemberToAlias-new-user-dc.out.samba-4.17.hex" => SamrAddMemberToAliasResponse, Samba(0),
        "STATUS_SUCCESS";
    v31_add_member_to_alias_new_user_fs_in: "31-SamrAddMemberToAlias-new-user-fs.in.impacket-0.13.1.hex" => SamrAddMemberToAliasRequest, Exact,
        "handle S-1-5-21-3933530076-1612056594-1342190675-1026";
    v31_add_member_to_alias_new_user_fs_out: "31-SamrAddMemberToAlias-new-user-fs.out.samba-4.17.hex" => SamrAddMemberToAliasResponse, Samba(0),
        "STATUS_SUCCESS";
    v32_remove_member_from_alias_again_dc_in: "32-SamrRemoveMemberFromAlias-again-dc.in.impacket-0.13.1.hex" => SamrRemoveMemberFromAliasRequest, Exact,
        "handle S-1-5-21-2749836509-1682262617-148795997-1129";
    v32_remove_member_from_alias_again_dc_out: "32-SamrRemoveMemberFromAlias-again-dc.out.samba-4.17.hex" => SamrRemoveMemberFromAliasResponse, Samba(0),
        "STATUS_MEMBER_NOT_IN_GROUP";
    v32_remove_member_from_alias_again_fs_in: "32-SamrRemoveMemberFromAlias-again-fs.in.impacket-0.13.1.hex" => SamrRemoveMemberFromAliasRequest, Exact,
        "handle S-1-5-21-3933530076-1612056594-1342190675-1026";
    v32_remove_member_from_alias_again_fs_out: "32-SamrRemoveMemberFromAlias-again-fs.out.samba-4.17.hex" => SamrRemoveMemberFromAliasResponse, Samba(0),
        "STATUS_MEMBER_NOT_IN_ALIAS";
    v32_remove_member_from_alias_new_user_dc_in: "32-SamrRemoveMemberFromAlias-new-user-dc.in.impacket-0.13.1.hex" => SamrRemoveMemberFromAliasRequest, Exact,
        "handle S-1-5-21-2749836509-1682262617-148795997-1129";
    v32_remove_member_from_alias_new_user_dc_out: "32-SamrRemoveMemberFromAlias-new-user-dc.out.samba-4.17.hex" => SamrRemoveMemberFromAliasResponse, Samba(0),
        "STATUS_SUCCESS";
    v32_remove_member_from_alias_new_user_fs_in: "32-SamrRemoveMemberFromAlias-new-user-fs.in.impacket-0.13.1.hex" => SamrRemoveMemberFromAliasRequest, Exact,
        "handle S-1-5-21-3933530076-1612056594-1342190675-1026";
    v32_remove_member_from_alias_new_user_fs_out: "32-SamrRemoveMemberFromAlias-new-user-fs.out.samba-4.17.hex" => SamrRemoveMemberFromAliasResponse, Samba(0),
        "STATUS_SUCCESS";
    v33_get_members_in_alias_one_dc_in: "33-SamrGetMembersInAlias-one-dc.in.impacket-0.13.1.hex" => SamrGetMembersInAliasRequest, Exact,
        "handle";
    v33_get_members_in_alias_one_dc_out: "33-SamrGetMembersInAlias-one-dc.out.samba-4.17.hex" => SamrGetMembersInAliasResponse, Samba(0),
        "1 [S-1-5-21-2749836509-1682262617-148795997-1129]; STATUS_SUCCESS";
    v33_get_members_in_alias_one_fs_in: "33-SamrGetMembersInAlias-one-fs.in.impacket-0.13.1.hex" => SamrGetMembersInAliasRequest, Exact,
        "handle";
    v33_get_members_in_alias_one_fs_out: "33-SamrGetMembersInAlias-one-fs.out.samba-4.17.hex" => SamrGetMembersInAliasResponse, Samba(0),
        "1 [S-1-5-21-3933530076-1612056594-1342190675-1026]; STATUS_SUCCESS";
}
