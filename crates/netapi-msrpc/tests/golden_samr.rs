//! Golden vectors for samr (\[MS-SAMR\]) in `tests/vectors/samr/`, one `#[test]` per file.
//!
//! * `*.in.impacket-0.13.1.hex`: request stubs as impacket encoded them; with pointers they
//!   re-encode to the same length and value (random referent ids), without byte for byte.
//! * `*.out.samba-4.17.hex`: Samba's response stubs from the file server (`-fs`, s3 samr) and
//!   the AD DC (`-dc`, s4 samr), captured by `tools/capture/samr_capture.py` (and, for the
//!   first three opnums, `capture_stubs.py`); they re-encode byte for byte from the referent
//!   id Samba continues from (`Samba(n)`).
//!
//! Each decoded stub is also compared with a one-line snapshot (`samr_lsarpc/snap.rs`) of the
//! values a reader can check against the vector's header. The tables are split by topic:
//! server and domain (`golden_samr/server.rs`), enumeration, lookup and display
//! (`lookup.rs`), users (`users.rs`), groups and aliases (`groups.rs`).
//! [`every_vector_is_listed`] keeps them complete.
//!
//! Samba 4.17's deviations seen in these answers are tagged `quirk(samba-4.17)` in the
//! declarations and summed up in [`quirks`].

mod common;
#[path = "samr_lsarpc/harness.rs"]
mod harness;
#[path = "samr_lsarpc/snap.rs"]
mod snap;

use harness::How::{Exact, Impacket, Samba};

#[path = "golden_samr/groups.rs"]
mod groups;
#[path = "golden_samr/lookup.rs"]
mod lookup;
#[path = "golden_samr/server.rs"]
mod server;
#[path = "golden_samr/users.rs"]
mod users;

/// Every vector of `tests/vectors/samr` is in exactly one table, and every declared opnum has
/// vectors (both lab servers answer all of them; SamrValidatePassword only the DC, over TCP).
#[test]
fn every_vector_is_listed() {
    let listed: Vec<&str> = [
        server::LISTED,
        lookup::LISTED,
        users::LISTED,
        groups::LISTED,
    ]
    .concat();
    let opnums: Vec<u16> = netapi_msrpc::samr::OPNUMS.iter().map(|(o, _)| *o).collect();
    harness::all_listed("samr", &opnums, &listed);
    for (opnum, name) in netapi_msrpc::samr::OPNUMS {
        for srv in ["-fs.", "-dc."] {
            if *opnum == 67 && srv == "-fs." {
                continue; // the file server has no TCP endpoint
            }
            if *opnum == 2 && srv == "-dc." {
                continue; // quirk(samba-4.17): the DC faults SamrSetSecurityObject
            }
            let prefix = format!("{opnum}-{name}-");
            assert!(
                listed
                    .iter()
                    .any(|f| f.starts_with(&prefix) && f.contains(srv) && f.contains(".out.")),
                "no {srv} response vector for opnum {opnum} {name}"
            );
        }
    }
}

/// The Samba 4.17 behaviours these vectors pin down, in one place (each is also asserted by
/// its vector's snapshot).
mod quirks {
    use netapi_msrpc::samr::*;
    use netapi_ndr::decode;

    use super::common::load;

    fn out<T: netapi_ndr::Ndr>(file: &str) -> T {
        decode(&load(&format!("samr/{file}"))).unwrap()
    }

    /// s3 answers an unmapped name with RID 0xFFFFFFFF, s4 with 0 (the spec leaves it open).
    #[test]
    fn unmapped_rid() {
        let fs: SamrLookupNamesInDomainResponse =
            out("17-SamrLookupNamesInDomain-missing-fs.out.samba-4.17.hex");
        let dc: SamrLookupNamesInDomainResponse =
            out("17-SamrLookupNamesInDomain-missing-dc.out.samba-4.17.hex");
        assert_eq!(
            (fs.relative_ids.elements(), dc.relative_ids.elements()),
            (&[u32::MAX][..], &[0][..])
        );
        assert_eq!(
            fs.r#use.elements(),
            [u32::from(SidNameUse::SID_TYPE_UNKNOWN.0)]
        );
    }

    /// s3 returns a non-NULL, empty SID (`S-0-0`) with STATUS_NO_SUCH_DOMAIN.
    #[test]
    fn missing_domain_sid() {
        let fs: SamrLookupDomainInSamServerResponse =
            out("5-SamrLookupDomainInSamServer-missing-fs.out.samba-4.17.hex");
        assert_eq!(fs.domain_id.map(|s| s.sub_authority_count), Some(0));
        let dc: SamrLookupDomainInSamServerResponse =
            out("5-SamrLookupDomainInSamServer-missing-dc.out.samba-4.17.hex");
        assert_eq!(dc.domain_id, None);
    }

    /// s3 leaves the handle of a deleted group or alias in place (the user's is zeroed).
    #[test]
    fn delete_keeps_handle() {
        let g: SamrDeleteGroupResponse = out("23-SamrDeleteGroup-new-fs.out.samba-4.17.hex");
        let a: SamrDeleteAliasResponse = out("30-SamrDeleteAlias-new-fs.out.samba-4.17.hex");
        let u: SamrDeleteUserResponse = out("35-SamrDeleteUser-new-fs.out.samba-4.17.hex");
        assert!(!g.group_handle.is_null() && !a.alias_handle.is_null() && u.user_handle.is_null());
    }

    /// s4 answers alias membership errors with the group codes.
    #[test]
    fn alias_membership_statuses() {
        let dc: SamrAddMemberToAliasResponse =
            out("31-SamrAddMemberToAlias-again-dc.out.samba-4.17.hex");
        let fs: SamrAddMemberToAliasResponse =
            out("31-SamrAddMemberToAlias-again-fs.out.samba-4.17.hex");
        assert_eq!((dc.status, fs.status), (0xC000_0067, 0xC000_0153));
    }

    /// `TotalAvailable`/`TotalReturned` are byte counts in the spec; s4 reports entry counts, s3
    /// 64 and 3200 for every class here; s4 also reports account control 0 in display entries.
    #[test]
    fn display_totals() {
        let fs: SamrQueryDisplayInformationResponse =
            out("40-SamrQueryDisplayInformation-L1-fs.out.samba-4.17.hex");
        let dc: SamrQueryDisplayInformationResponse =
            out("40-SamrQueryDisplayInformation-L1-dc.out.samba-4.17.hex");
        assert_eq!((fs.total_available, fs.total_returned), (64, 3200));
        assert_eq!((dc.total_available, dc.total_returned), (5, 5));
        let SamprDisplayInfoBuffer::UserInformation(users) = dc.buffer else {
            panic!()
        };
        assert!(users.buffer.unwrap().iter().all(|u| u.account_control == 0));
    }

    /// Password-setting classes cannot be read: s3 says STATUS_INVALID_INFO_CLASS, s4
    /// STATUS_NOT_SUPPORTED.
    #[test]
    fn write_only_classes() {
        let fs: SamrQueryInformationUserResponse =
            out("36-SamrQueryInformationUser-L23-fs.out.samba-4.17.hex");
        let dc: SamrQueryInformationUserResponse =
            out("36-SamrQueryInformationUser-L23-dc.out.samba-4.17.hex");
        assert_eq!(
            (fs.status, dc.status, fs.buffer, dc.buffer),
            (0xC000_0003, 0xC000_00BB, None, None)
        );
    }

    /// s4 refuses SamValidateAuthentication with STATUS_NOT_SUPPORTED yet fills the output.
    #[test]
    fn validate_authentication() {
        let dc: SamrValidatePasswordResponse =
            out("67-SamrValidatePassword-auth-matched-dc.out.samba-4.17.hex");
        assert_eq!(dc.status, 0xC000_00BB);
        assert!(dc.output_arg.is_some());
    }
}
