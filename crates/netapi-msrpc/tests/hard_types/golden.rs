//! Golden vectors: real stubs captured from the Samba 4.17 lab by
//! `tools/capture/capture_stubs.py` (responses from Samba, requests as
//! impacket 0.13.1 encoded them). Each must decode fully, re-encode, and
//! fail to decode when cut short anywhere.
//!
//! Re-encoding is compared byte for byte. Windows numbers referent ids from
//! 0x00020000; quirk(samba-4.17): a response continues from the number of
//! pointers in its request (3 pointers in, first id 0x0002000c out), so those
//! are re-encoded from that first id. impacket picks random ids, so for its
//! requests the re-encoded stub must have the same length and decode to the
//! same value.

use netapi_msrpc::lsarpc::*;
use netapi_msrpc::samr::*;
use netapi_msrpc::wkssvc::*;

use super::common::{Reencode, golden};
use Reencode::{Exact, ExactFrom, SameValue};

fn text(s: &netapi_msrpc::dtyp::RpcUnicodeString) -> String {
    s.to_string_lossy().unwrap_or_default()
}

#[test]
fn decodes_samr_open_user_fs() {
    let rq: SamrOpenUserRequest = golden(
        "samr/34-SamrOpenUser-netapiadmin-fs.in.impacket-0.13.1.hex",
        Exact,
    );
    assert_eq!((rq.desired_access, rq.user_id), (0x0200_0000, 1000));
    let rs: SamrOpenUserResponse = golden(
        "samr/34-SamrOpenUser-netapiadmin-fs.out.samba-4.17.hex",
        Exact,
    );
    assert_eq!(rs.status, 0);
    assert!(!rs.user_handle.is_null());
}

#[test]
fn decodes_samr_open_user_dc() {
    let _: SamrOpenUserRequest = golden(
        "samr/34-SamrOpenUser-netapiuser-dc.in.impacket-0.13.1.hex",
        Exact,
    );
    let rs: SamrOpenUserResponse = golden(
        "samr/34-SamrOpenUser-netapiuser-dc.out.samba-4.17.hex",
        Exact,
    );
    assert_eq!(rs.status, 0);
}

#[test]
fn decodes_samr_query_information_user2_l21_fs() {
    let rq: SamrQueryInformationUser2Request = golden(
        "samr/47-SamrQueryInformationUser2-L21-netapiadmin-fs.in.impacket-0.13.1.hex",
        Exact,
    );
    assert_eq!(
        rq.user_information_class,
        UserInformationClass::USER_ALL_INFORMATION
    );
    let rs: SamrQueryInformationUser2Response = golden(
        "samr/47-SamrQueryInformationUser2-L21-netapiadmin-fs.out.samba-4.17.hex",
        Exact,
    );
    assert_eq!(rs.status, 0);
    let Some(SamprUserInfoBuffer::All(all)) = rs.buffer else {
        panic!("not level 21: {:?}", rs.buffer)
    };
    assert_eq!(text(&all.user_name), "netapiadmin");
    assert_eq!(all.user_id, 1000);
    assert_eq!(all.logon_hours.units_per_week, 168);
    assert_eq!(all.logon_hours.logon_hours, Some(vec![0xff; 21]));
    assert_eq!(text(&all.full_name), "NetApi lab administrator");
    assert_eq!(text(&all.home_directory), "\\\\FILESRV\\netapiadmin");
    // quirk(samba-4.17): "never expires" is 0x01e7cd3b3e4ba980 (as in
    // LastLogoff), "must change" never is i64::MAX.
    assert_eq!(all.account_expires.to_i64(), 0x01e7_cd3b_3e4b_a980);
    assert_eq!(all.last_logoff, all.account_expires);
    assert_eq!(all.password_must_change.to_i64(), i64::MAX);
    assert!(all.security_descriptor.security_descriptor.is_none());
}

#[test]
fn decodes_samr_query_information_user2_l21_dc() {
    let _: SamrQueryInformationUser2Request = golden(
        "samr/47-SamrQueryInformationUser2-L21-netapiuser-dc.in.impacket-0.13.1.hex",
        Exact,
    );
    let rs: SamrQueryInformationUser2Response = golden(
        "samr/47-SamrQueryInformationUser2-L21-netapiuser-dc.out.samba-4.17.hex",
        Exact,
    );
    let Some(SamprUserInfoBuffer::All(all)) = rs.buffer else {
        panic!("not level 21: {:?}", rs.buffer)
    };
    assert_eq!(text(&all.user_name), "netapiuser");
    assert_eq!(all.user_id, 1104);
    assert_eq!(all.primary_group_id, 513);
    assert_eq!(all.logon_hours.logon_hours.as_ref().map(Vec::len), Some(21));
}

#[test]
fn decodes_samr_get_alias_membership_fs() {
    let rq: SamrGetAliasMembershipRequest = golden(
        "samr/16-SamrGetAliasMembership-netapiadmin-fs.in.impacket-0.13.1.hex",
        SameValue,
    );
    let sids: Vec<String> = rq
        .sid_array
        .sids
        .unwrap()
        .iter()
        .map(|s| s.sid_pointer.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(
        sids,
        [
            "S-1-5-21-934711357-2542880538-3431530894-1000",
            "S-1-5-32-545"
        ]
    );
    let rs: SamrGetAliasMembershipResponse = golden(
        "samr/16-SamrGetAliasMembership-netapiadmin-fs.out.samba-4.17.hex",
        ExactFrom(0x2000c),
    );
    // An empty but non-null array: max_count 0 and no elements.
    assert_eq!(
        rs.membership,
        SamprUlongArray {
            count: 0,
            element: Some(vec![])
        }
    );
}

#[test]
fn decodes_samr_get_alias_membership_dc() {
    let rq: SamrGetAliasMembershipRequest = golden(
        "samr/16-SamrGetAliasMembership-netapiuser-dc.in.impacket-0.13.1.hex",
        SameValue,
    );
    assert_eq!(rq.sid_array.count, 2);
    let rs: SamrGetAliasMembershipResponse = golden(
        "samr/16-SamrGetAliasMembership-netapiuser-dc.out.samba-4.17.hex",
        ExactFrom(0x2000c),
    );
    assert_eq!(
        rs.membership,
        SamprUlongArray {
            count: 1,
            element: Some(vec![1106])
        }
    );
}

#[test]
fn decodes_lsar_lookup_names_fs() {
    let rq: LsarLookupNamesRequest = golden(
        "lsarpc/14-LsarLookupNames-3names-fs.in.impacket-0.13.1.hex",
        SameValue,
    );
    let names: Vec<String> = rq.names.iter().map(text).collect();
    assert_eq!(names, ["netapiadmin", "LabGroup", "nosuchname"]);
    let rs: LsarLookupNamesResponse = golden(
        "lsarpc/14-LsarLookupNames-3names-fs.out.samba-4.17.hex",
        ExactFrom(0x2000c),
    );
    assert_eq!(rs.status, 0x0000_0107); // STATUS_SOME_NOT_MAPPED
    let domains = rs.referenced_domains.unwrap().domains.unwrap();
    assert_eq!(text(&domains[0].name), "FILESRV");
    assert_eq!(
        domains[0].sid.as_ref().unwrap().to_string(),
        "S-1-5-21-934711357-2542880538-3431530894"
    );
    let sids = rs.translated_sids.sids.unwrap();
    let got: Vec<(SidNameUse, u32, i32)> = sids
        .iter()
        .map(|s| (s.r#use, s.relative_id, s.domain_index))
        .collect();
    assert_eq!(
        got,
        [
            (SidNameUse::SID_TYPE_USER, 1000, 0),
            (SidNameUse::SID_TYPE_GROUP, 1002, 0),
            (SidNameUse::SID_TYPE_UNKNOWN, 0, -1)
        ]
    );
}

#[test]
fn decodes_lsar_lookup_names_dc() {
    let _: LsarLookupNamesRequest = golden(
        "lsarpc/14-LsarLookupNames-2names-dc.in.impacket-0.13.1.hex",
        SameValue,
    );
    let rs: LsarLookupNamesResponse = golden(
        "lsarpc/14-LsarLookupNames-2names-dc.out.samba-4.17.hex",
        ExactFrom(0x20008),
    );
    assert_eq!((rs.status, rs.mapped_count), (0, 2));
    let domains = rs.referenced_domains.unwrap();
    assert_eq!((domains.entries, domains.max_entries), (1, 32));
    assert_eq!(text(&domains.domains.unwrap()[0].name), "LABDOM");
}

#[test]
fn decodes_lsar_lookup_sids_fs() {
    let rq: LsarLookupSidsRequest = golden(
        "lsarpc/15-LsarLookupSids-4sids-fs.in.impacket-0.13.1.hex",
        SameValue,
    );
    assert_eq!(
        rq.translated_names,
        LsaprTranslatedNames {
            entries: 0,
            names: None
        }
    );
    let rs: LsarLookupSidsResponse = golden(
        "lsarpc/15-LsarLookupSids-4sids-fs.out.samba-4.17.hex",
        ExactFrom(0x20014),
    );
    assert_eq!((rs.status, rs.mapped_count), (0x0000_0107, 3));
    let names: Vec<(SidNameUse, String, i32)> = rs
        .translated_names
        .names
        .unwrap()
        .iter()
        .map(|n| (n.r#use, text(&n.name), n.domain_index))
        .collect();
    assert_eq!(
        names,
        [
            (SidNameUse::SID_TYPE_ALIAS, "Administrators".into(), 0),
            (SidNameUse::SID_TYPE_ALIAS, "Users".into(), 0),
            (SidNameUse::SID_TYPE_WELL_KNOWN_GROUP, "Everyone".into(), 1),
            (SidNameUse::SID_TYPE_UNKNOWN, "S-1-5-21-1-2-3-4".into(), -1),
        ]
    );
    let domains = rs.referenced_domains.unwrap().domains.unwrap();
    // quirk(samba-4.17): an unnamed domain is an empty, non-null buffer with MaximumLength 2.
    assert_eq!(
        (
            domains[1].name.length,
            domains[1].name.maximum_length,
            domains[1].name.is_null()
        ),
        (0, 2, false)
    );
}

#[test]
fn decodes_lsar_lookup_sids_dc() {
    let _: LsarLookupSidsRequest = golden(
        "lsarpc/15-LsarLookupSids-4sids-dc.in.impacket-0.13.1.hex",
        SameValue,
    );
    let rs: LsarLookupSidsResponse = golden(
        "lsarpc/15-LsarLookupSids-4sids-dc.out.samba-4.17.hex",
        ExactFrom(0x20014),
    );
    assert_eq!(rs.referenced_domains.unwrap().entries, 2);
    assert_eq!(rs.translated_names.entries, 4);
}

#[test]
fn decodes_netr_wksta_get_info() {
    for level in [100, 101, 102, 502] {
        let rq: NetrWkstaGetInfoRequest = golden(
            &format!("wkssvc/0-NetrWkstaGetInfo-L{level}-fs.in.impacket-0.13.1.hex"),
            SameValue,
        );
        assert_eq!(rq.level, level);
        let rs: NetrWkstaGetInfoResponse = golden(
            &format!("wkssvc/0-NetrWkstaGetInfo-L{level}-fs.out.samba-4.17.hex"),
            ExactFrom(0x20004),
        );
        match rs.wksta_info {
            WkstaInfo::L100(Some(i)) => assert_eq!(i.computername.as_deref(), Some("FILESRV")),
            WkstaInfo::L101(Some(i)) => assert_eq!(i.lanroot.as_deref(), Some("")),
            WkstaInfo::L102(Some(i)) => {
                assert_eq!((i.langroup.as_deref(), i.ver_major), (Some("LAB"), 6))
            }
            // Samba does not implement level 502: ERROR_INVALID_LEVEL, null arm.
            WkstaInfo::L502(None) => assert_eq!(rs.status, 124),
            other => panic!("level {level}: {other:?}"),
        }
        if level != 502 {
            assert_eq!(rs.status, 0);
        }
    }
}
