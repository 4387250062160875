//! Golden vectors of the group and alias set classes NetGroupSetInfo / NetLocalGroupSetInfo
//! send besides the comment (`tests/vectors/samr/21-*-L2-name`, `21-*-L3-attributes`,
//! `29-*-L2-name`), captured from both lab servers by `tools/capture/groups_capture.py`: each
//! decodes fully, re-encodes (impacket's requests to the same value, Samba's status-only
//! answers byte for byte), and fails to decode when cut short anywhere. The other SAMR/LSA
//! opnums the group functions use have their vectors from `samr_capture.py` /
//! `lsarpc_capture.py`.

use netapi_msrpc::samr::*;

mod common;
use common::{Reencode, golden};

fn set_group(file: &str) -> SamrSetInformationGroupRequest {
    golden(&format!("samr/{file}"), Reencode::SameValue)
}

#[test]
fn group_rename_and_attributes_from_both_servers() {
    for srv in ["fs", "dc"] {
        let q = set_group(&format!(
            "21-SamrSetInformationGroup-L2-name-{srv}.in.impacket-0.13.1.hex"
        ));
        assert_eq!(
            q.group_information_class,
            GroupInformationClass::GROUP_NAME_INFORMATION
        );
        let SamprGroupInfoBuffer::Name(n) = q.buffer else {
            panic!("{srv}: arm")
        };
        assert!(n.name.to_string_lossy().unwrap().starts_with("nlp_vec_h"));
        let q = set_group(&format!(
            "21-SamrSetInformationGroup-L3-attributes-{srv}.in.impacket-0.13.1.hex"
        ));
        assert_eq!(
            q.buffer,
            SamprGroupInfoBuffer::Attribute(GroupAttributeInformation { attributes: 7 })
        );
        for detail in ["L2-name", "L3-attributes"] {
            let r: SamrSetInformationGroupResponse = golden(
                &format!("samr/21-SamrSetInformationGroup-{detail}-{srv}.out.samba-4.17.hex"),
                Reencode::Exact,
            );
            assert_eq!(r.status, 0, "{srv} {detail}");
        }
    }
}

#[test]
fn alias_rename_from_both_servers() {
    for srv in ["fs", "dc"] {
        let q: SamrSetInformationAliasRequest = golden(
            &format!("samr/29-SamrSetInformationAlias-L2-name-{srv}.in.impacket-0.13.1.hex"),
            Reencode::SameValue,
        );
        let SamprAliasInfoBuffer::Name(n) = q.buffer else {
            panic!("{srv}: arm")
        };
        assert!(n.name.to_string_lossy().unwrap().starts_with("nlp_vec_b"));
        let r: SamrSetInformationAliasResponse = golden(
            &format!("samr/29-SamrSetInformationAlias-L2-name-{srv}.out.samba-4.17.hex"),
            Reencode::Exact,
        );
        assert_eq!(r.status, 0);
    }
}
