//! Golden vectors for the workstation, domain and messaging interfaces: wkssvc (\[MS-WKST\]),
//! netlogon (\[MS-NRPC\] NetrGetDCName / NetrGetAnyDCName) and msgsvc (\[MS-MSRP\]), in
//! `tests/vectors/{wkssvc,netlogon,msgsvc}/`.
//!
//! * `*.in.impacket-0.13.1.hex`: requests as impacket encoded them (random referent ids): they
//!   re-encode to the same length and value. `tools/capture/wkssvc_capture.py` sent them to the
//!   lab, also those Samba faults on.
//! * `*.out.samba-4.17.hex`: Samba's answers (referent ids continue the request's numbering).
//! * `*.spec.hex`: written by hand from the spec by `tools/capture/wkssvc_spec_vectors.py` for
//!   what Samba does not serve (most of wkssvc, all of msgsvc): byte for byte.
//!
//! Every vector has a test; each decodes fully, re-encodes, and every strict prefix fails to
//! decode (never a panic). [`every_vector_is_listed`] keeps the table complete and makes sure
//! every declared opnum has a request and a response vector.

use std::fmt::Debug;

use netapi_msrpc::dtyp::LargeInteger;
use netapi_msrpc::{msgsvc, netlogon, wkssvc};
use netapi_ndr::Ndr;

mod common;
use common::How::{self, Impacket, Samba, Spec};

fn golden<T: Ndr + PartialEq + Debug>(file: &str, how: How) -> T {
    common::golden(file, how.into())
}

macro_rules! vectors {
    ($( $test:ident: $file:literal => $ty:ty, $how:expr; )*) => {
        $(
            #[test]
            fn $test() {
                let _: $ty = golden($file, $how);
            }
        )*
        const LISTED: &[&str] = &[$($file),*];
    };
}

use msgsvc as m;
use netlogon as n;
use wkssvc as w;

vectors! {
    // wkssvc 0 NetrWkstaGetInfo (FS levels: tests/hard_types/golden.rs decodes them too).
    w00_l100_fs_in: "wkssvc/0-NetrWkstaGetInfo-L100-fs.in.impacket-0.13.1.hex" => w::NetrWkstaGetInfoRequest, Impacket;
    w00_l100_fs_out: "wkssvc/0-NetrWkstaGetInfo-L100-fs.out.samba-4.17.hex" => w::NetrWkstaGetInfoResponse, Samba(1);
    w00_l101_fs_in: "wkssvc/0-NetrWkstaGetInfo-L101-fs.in.impacket-0.13.1.hex" => w::NetrWkstaGetInfoRequest, Impacket;
    w00_l101_fs_out: "wkssvc/0-NetrWkstaGetInfo-L101-fs.out.samba-4.17.hex" => w::NetrWkstaGetInfoResponse, Samba(1);
    w00_l102_fs_in: "wkssvc/0-NetrWkstaGetInfo-L102-fs.in.impacket-0.13.1.hex" => w::NetrWkstaGetInfoRequest, Impacket;
    w00_l102_fs_out: "wkssvc/0-NetrWkstaGetInfo-L102-fs.out.samba-4.17.hex" => w::NetrWkstaGetInfoResponse, Samba(1);
    w00_l502_fs_in: "wkssvc/0-NetrWkstaGetInfo-L502-fs.in.impacket-0.13.1.hex" => w::NetrWkstaGetInfoRequest, Impacket;
    w00_l502_fs_out: "wkssvc/0-NetrWkstaGetInfo-L502-fs.out.samba-4.17.hex" => w::NetrWkstaGetInfoResponse, Samba(1);
    w00_l100_dc_in: "wkssvc/0-NetrWkstaGetInfo-L100-dc.in.impacket-0.13.1.hex" => w::NetrWkstaGetInfoRequest, Impacket;
    w00_l100_dc_out: "wkssvc/0-NetrWkstaGetInfo-L100-dc.out.samba-4.17.hex" => w::NetrWkstaGetInfoResponse, Samba(1);
    w00_l101_dc_in: "wkssvc/0-NetrWkstaGetInfo-L101-dc.in.impacket-0.13.1.hex" => w::NetrWkstaGetInfoRequest, Impacket;
    w00_l101_dc_out: "wkssvc/0-NetrWkstaGetInfo-L101-dc.out.samba-4.17.hex" => w::NetrWkstaGetInfoResponse, Samba(1);
    w00_l102_dc_in: "wkssvc/0-NetrWkstaGetInfo-L102-dc.in.impacket-0.13.1.hex" => w::NetrWkstaGetInfoRequest, Impacket;
    w00_l102_dc_out: "wkssvc/0-NetrWkstaGetInfo-L102-dc.out.samba-4.17.hex" => w::NetrWkstaGetInfoResponse, Samba(1);
    w00_l502_out_spec: "wkssvc/0-NetrWkstaGetInfo-L502.out.spec.hex" => w::NetrWkstaGetInfoResponse, Spec;
    // 1 NetrWkstaSetInfo
    w01_l1013_in: "wkssvc/1-NetrWkstaSetInfo-L1013-fs.in.impacket-0.13.1.hex" => w::NetrWkstaSetInfoRequest, Impacket;
    w01_l1013_out: "wkssvc/1-NetrWkstaSetInfo-L1013.out.spec.hex" => w::NetrWkstaSetInfoResponse, Spec;
    // 2 NetrWkstaUserEnum
    w02_l0_fs_in: "wkssvc/2-NetrWkstaUserEnum-L0-fs.in.impacket-0.13.1.hex" => w::NetrWkstaUserEnumRequest, Impacket;
    w02_l0_fs_out: "wkssvc/2-NetrWkstaUserEnum-L0-fs.out.samba-4.17.hex" => w::NetrWkstaUserEnumResponse, Samba(3);
    w02_l1_fs_in: "wkssvc/2-NetrWkstaUserEnum-L1-fs.in.impacket-0.13.1.hex" => w::NetrWkstaUserEnumRequest, Impacket;
    w02_l1_fs_out: "wkssvc/2-NetrWkstaUserEnum-L1-fs.out.samba-4.17.hex" => w::NetrWkstaUserEnumResponse, Samba(3);
    w02_l0_dc_in: "wkssvc/2-NetrWkstaUserEnum-L0-dc.in.impacket-0.13.1.hex" => w::NetrWkstaUserEnumRequest, Impacket;
    w02_l1_dc_in: "wkssvc/2-NetrWkstaUserEnum-L1-dc.in.impacket-0.13.1.hex" => w::NetrWkstaUserEnumRequest, Impacket;
    w02_l1_out_spec: "wkssvc/2-NetrWkstaUserEnum-L1.out.spec.hex" => w::NetrWkstaUserEnumResponse, Spec;
    // 5 NetrWkstaTransportEnum
    w05_l0_fs_in: "wkssvc/5-NetrWkstaTransportEnum-L0-fs.in.impacket-0.13.1.hex" => w::NetrWkstaTransportEnumRequest, Impacket;
    w05_l0_dc_in: "wkssvc/5-NetrWkstaTransportEnum-L0-dc.in.impacket-0.13.1.hex" => w::NetrWkstaTransportEnumRequest, Impacket;
    w05_l0_dc_out: "wkssvc/5-NetrWkstaTransportEnum-L0-dc.out.samba-4.17.hex" => w::NetrWkstaTransportEnumResponse, Samba(3);
    w05_l0_out_spec: "wkssvc/5-NetrWkstaTransportEnum-L0.out.spec.hex" => w::NetrWkstaTransportEnumResponse, Spec;
    // 6 NetrWkstaTransportAdd, 7 NetrWkstaTransportDel
    w06_in: "wkssvc/6-NetrWkstaTransportAdd-L0-fs.in.impacket-0.13.1.hex" => w::NetrWkstaTransportAddRequest, Impacket;
    w06_out: "wkssvc/6-NetrWkstaTransportAdd-L0.out.spec.hex" => w::NetrWkstaTransportAddResponse, Spec;
    w07_in: "wkssvc/7-NetrWkstaTransportDel.in.spec.hex" => w::NetrWkstaTransportDelRequest, Spec;
    w07_out: "wkssvc/7-NetrWkstaTransportDel.out.spec.hex" => w::NetrWkstaTransportDelResponse, Spec;
    // 8–11 NetrUse*
    w08_in: "wkssvc/8-NetrUseAdd-L2-fs.in.impacket-0.13.1.hex" => w::NetrUseAddRequest, Impacket;
    w08_out: "wkssvc/8-NetrUseAdd-L2.out.spec.hex" => w::NetrUseAddResponse, Spec;
    w09_in: "wkssvc/9-NetrUseGetInfo-L2-fs.in.impacket-0.13.1.hex" => w::NetrUseGetInfoRequest, Impacket;
    w09_out: "wkssvc/9-NetrUseGetInfo-L2.out.spec.hex" => w::NetrUseGetInfoResponse, Spec;
    w10_in: "wkssvc/10-NetrUseDel-lots-of-force-fs.in.impacket-0.13.1.hex" => w::NetrUseDelRequest, Impacket;
    w10_out: "wkssvc/10-NetrUseDel-not-found.out.spec.hex" => w::NetrUseDelResponse, Spec;
    w11_in: "wkssvc/11-NetrUseEnum-L1.in.spec.hex" => w::NetrUseEnumRequest, Spec;
    w11_out: "wkssvc/11-NetrUseEnum-L1.out.spec.hex" => w::NetrUseEnumResponse, Spec;
    // 13 NetrWorkstationStatisticsGet
    w13_in: "wkssvc/13-NetrWorkstationStatisticsGet-L0-fs.in.impacket-0.13.1.hex" => w::NetrWorkstationStatisticsGetRequest, Impacket;
    w13_out: "wkssvc/13-NetrWorkstationStatisticsGet-L0.out.spec.hex" => w::NetrWorkstationStatisticsGetResponse, Spec;
    // 20 NetrGetJoinInformation, 25 NetrValidateName2
    w20_in: "wkssvc/20-NetrGetJoinInformation-fs.in.impacket-0.13.1.hex" => w::NetrGetJoinInformationRequest, Impacket;
    w20_out: "wkssvc/20-NetrGetJoinInformation.out.spec.hex" => w::NetrGetJoinInformationResponse, Spec;
    w25_machine_in: "wkssvc/25-NetrValidateName2-machine-fs.in.impacket-0.13.1.hex" => w::NetrValidateName2Request, Impacket;
    w25_domain_in: "wkssvc/25-NetrValidateName2-domain.in.spec.hex" => w::NetrValidateName2Request, Spec;
    w25_out: "wkssvc/25-NetrValidateName2.out.spec.hex" => w::NetrValidateName2Response, Spec;
    // netlogon
    n11_in: "netlogon/11-NetrGetDCName-LABDOM-dc.in.impacket-0.13.1.hex" => n::NetrGetDCNameRequest, Impacket;
    n11_out: "netlogon/11-NetrGetDCName-LABDOM-dc.out.samba-4.17.hex" => n::NetrGetDCNameResponse, Samba(1);
    n11_dns_in: "netlogon/11-NetrGetDCName-dns-dc.in.impacket-0.13.1.hex" => n::NetrGetDCNameRequest, Impacket;
    n11_dns_out: "netlogon/11-NetrGetDCName-dns-dc.out.samba-4.17.hex" => n::NetrGetDCNameResponse, Samba(1);
    n13_in: "netlogon/13-NetrGetAnyDCName-LABDOM-dc.in.impacket-0.13.1.hex" => n::NetrGetAnyDCNameRequest, Impacket;
    n13_out: "netlogon/13-NetrGetAnyDCName-LABDOM-dc.out.samba-4.17.hex" => n::NetrGetAnyDCNameResponse, Samba(2);
    // msgsvc
    m00_in: "msgsvc/0-NetrMessageNameAdd.in.spec.hex" => m::NetrMessageNameAddRequest, Spec;
    m00_out: "msgsvc/0-NetrMessageNameAdd.out.spec.hex" => m::NetrMessageNameAddResponse, Spec;
    m01_in: "msgsvc/1-NetrMessageNameEnum-L0.in.spec.hex" => m::NetrMessageNameEnumRequest, Spec;
    m01_out: "msgsvc/1-NetrMessageNameEnum-L0.out.spec.hex" => m::NetrMessageNameEnumResponse, Spec;
    m03_in: "msgsvc/3-NetrMessageNameDel.in.spec.hex" => m::NetrMessageNameDelRequest, Spec;
    m03_out: "msgsvc/3-NetrMessageNameDel.out.spec.hex" => m::NetrMessageNameDelResponse, Spec;
    m03_missing_out: "msgsvc/3-NetrMessageNameDel-not-found.out.spec.hex" => m::NetrMessageNameDelResponse, Spec;
}

#[test]
fn every_vector_is_listed() {
    for (dir, opnums) in [
        ("wkssvc", w::OPNUMS),
        ("netlogon", n::OPNUMS),
        ("msgsvc", m::OPNUMS),
    ] {
        let mut on_disk: Vec<String> = std::fs::read_dir(format!(
            "{}/tests/vectors/{dir}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .map(|e| format!("{dir}/{}", e.unwrap().file_name().into_string().unwrap()))
        .filter(|n| n.ends_with(".hex"))
        .collect();
        on_disk.sort();
        let mut listed: Vec<String> = LISTED
            .iter()
            .filter(|f| f.starts_with(&format!("{dir}/")))
            .map(|s| s.to_string())
            .collect();
        listed.sort();
        assert_eq!(on_disk, listed, "{dir}");
        for (opnum, name) in opnums {
            let prefix = format!("{dir}/{opnum}-{name}");
            for way in [".in.", ".out."] {
                assert!(
                    listed
                        .iter()
                        .any(|f| f.starts_with(&prefix) && f.contains(way)),
                    "no {way} vector for {prefix}"
                );
            }
        }
    }
}

// Snapshots of what the vectors say, read as a user of the API would check them.

#[test]
fn samba_dc_answers_levels_100_and_101_and_refuses_102() {
    let r: w::NetrWkstaGetInfoResponse = golden(
        "wkssvc/0-NetrWkstaGetInfo-L101-dc.out.samba-4.17.hex",
        Samba(1),
    );
    let w::WkstaInfo::L101(Some(i)) = r.wksta_info else {
        panic!("{:?}", r.wksta_info)
    };
    assert_eq!(
        (
            i.computername.as_deref(),
            i.langroup.as_deref(),
            i.platform_id
        ),
        (Some("DC1"), Some("LABDOM"), 500)
    );
    let r: w::NetrWkstaGetInfoResponse = golden(
        "wkssvc/0-NetrWkstaGetInfo-L102-dc.out.samba-4.17.hex",
        Samba(1),
    );
    assert_eq!((r.wksta_info, r.status), (w::WkstaInfo::L102(None), 5));
}

#[test]
fn level_502_and_the_lists_decode_field_by_field() {
    let r: w::NetrWkstaGetInfoResponse =
        golden("wkssvc/0-NetrWkstaGetInfo-L502.out.spec.hex", Spec);
    let w::WkstaInfo::L502(Some(i)) = r.wksta_info else {
        panic!("502")
    };
    assert_eq!((i.char_wait, i.keep_conn, i.sess_timeout), (3600, 600, 60));
    assert_eq!(
        (
            i.read_ahead_throughput,
            i.illegal_datagram_event_reset_frequency
        ),
        (u32::MAX, 3600)
    );
    assert_eq!(
        (
            i.log_election_packets,
            i.use_opportunistic_locking,
            i.use_512_byte_max_transfer
        ),
        (0, 1, 0)
    );

    let r: w::NetrWkstaUserEnumResponse =
        golden("wkssvc/2-NetrWkstaUserEnum-L1.out.spec.hex", Spec);
    let w::WkstaUserEnumUnion::L1(Some(c)) = r.user_info.wksta_user_info else {
        panic!("level 1")
    };
    let users = c.buffer.unwrap();
    assert_eq!(users[0].username.as_deref(), Some("alice"));
    assert_eq!(users[0].logon_server.as_deref(), Some("DC1"));
    assert_eq!(users[1].username.as_deref(), Some("WS01$"));
    assert_eq!(
        (r.total_entries, r.resume_handle, r.status),
        (2, Some(0), 0)
    );

    let r: w::NetrWkstaUserEnumResponse = golden(
        "wkssvc/2-NetrWkstaUserEnum-L0-fs.out.samba-4.17.hex",
        Samba(3),
    );
    // quirk(samba-4.17): an empty list is a non-NULL buffer of no entries.
    let w::WkstaUserEnumUnion::L0(Some(c)) = r.user_info.wksta_user_info else {
        panic!("level 0")
    };
    assert_eq!((c.entries_read, c.buffer), (0, Some(vec![])));

    let r: w::NetrWkstaTransportEnumResponse =
        golden("wkssvc/5-NetrWkstaTransportEnum-L0.out.spec.hex", Spec);
    let w::WkstaTransportEnumUnion::L0(Some(c)) = r.transport_info.wksta_transport_info else {
        panic!("level 0")
    };
    let t = &c.buffer.unwrap()[0];
    assert_eq!((t.number_of_vcs, t.wan_ish), (2, 0));
    assert_eq!(t.transport_address.as_deref(), Some("525400123456"));
    let r: w::NetrWkstaTransportEnumResponse = golden(
        "wkssvc/5-NetrWkstaTransportEnum-L0-dc.out.samba-4.17.hex",
        Samba(3),
    );
    assert_eq!(
        r.status, 50,
        "quirk(samba-4.17): ERROR_NOT_SUPPORTED on the DC"
    );

    let r: w::NetrUseEnumResponse = golden("wkssvc/11-NetrUseEnum-L1.out.spec.hex", Spec);
    let w::UseEnumUnion::L1(Some(c)) = r.info_struct.use_info else {
        panic!("level 1")
    };
    let uses = c.buffer.unwrap();
    assert_eq!(uses[0].local.as_deref(), Some("Z:"));
    assert_eq!(uses[1].asg_type, w::UseAsgType::USE_IPC);
    assert_eq!(uses[1].status, w::use_status::USE_DISCONN);

    let r: w::NetrUseGetInfoResponse = golden("wkssvc/9-NetrUseGetInfo-L2.out.spec.hex", Spec);
    let w::UseInfo::L2(Some(u)) = r.info_struct else {
        panic!("level 2")
    };
    assert_eq!(
        (u.username.as_deref(), u.domainname.as_deref()),
        (Some("netapiadmin"), Some("FILESRV"))
    );
    assert_eq!(u.password, None);
}

#[test]
fn statistics_join_and_validation_decode() {
    let r: w::NetrWorkstationStatisticsGetResponse = golden(
        "wkssvc/13-NetrWorkstationStatisticsGet-L0.out.spec.hex",
        Spec,
    );
    let s = r.buffer.unwrap();
    assert_eq!(s.StatisticsStartTime, LargeInteger(133_800_000_000_000_000));
    assert_eq!(s.BytesReceived, LargeInteger(0x1_2345_6789));
    assert_eq!((s.InitiallyFailedOperations, s.CurrentCommands), (1, 27));

    let r: w::NetrGetJoinInformationResponse =
        golden("wkssvc/20-NetrGetJoinInformation.out.spec.hex", Spec);
    assert_eq!(r.name_buffer.as_deref(), Some("LABDOM"));
    assert_eq!(r.buffer_type, w::NetSetupJoinStatus::NetSetupDomainName);

    let q: w::NetrValidateName2Request =
        golden("wkssvc/25-NetrValidateName2-domain.in.spec.hex", Spec);
    assert_eq!(q.name_type, w::NetSetupNameType::NetSetupDomain);
    assert_eq!(q.password.unwrap().buffer[..8], [0, 1, 2, 3, 4, 5, 6, 7]);
    let q: w::NetrValidateName2Request = golden(
        "wkssvc/25-NetrValidateName2-machine-fs.in.impacket-0.13.1.hex",
        Impacket,
    );
    assert_eq!((q.name_to_validate.as_str(), q.password), ("NLPNAME", None));
}

#[test]
fn netlogon_answers_the_pdc_name_or_the_win32_refusal() {
    let r: n::NetrGetDCNameResponse = golden(
        "netlogon/11-NetrGetDCName-LABDOM-dc.out.samba-4.17.hex",
        Samba(1),
    );
    assert_eq!((r.buffer.as_deref(), r.status), (Some("\\\\DC1"), 0));
    let r: n::NetrGetDCNameResponse = golden(
        "netlogon/11-NetrGetDCName-dns-dc.out.samba-4.17.hex",
        Samba(1),
    );
    assert_eq!((r.buffer, r.status), (None, 2453), "NERR_DCNotFound");
    let r: n::NetrGetAnyDCNameResponse = golden(
        "netlogon/13-NetrGetAnyDCName-LABDOM-dc.out.samba-4.17.hex",
        Samba(2),
    );
    assert_eq!(r.status, 1355, "ERROR_NO_SUCH_DOMAIN");
    use netapi_msrpc::{Response, StatusKind};
    assert_eq!(n::NetrGetDCNameResponse::STATUS_KIND, StatusKind::Win32);
    assert_eq!(<n::Netlogon as netapi_msrpc::Interface>::NAME, "netlogon");
}

#[test]
fn message_names_enumerate() {
    let r: m::NetrMessageNameEnumResponse =
        golden("msgsvc/1-NetrMessageNameEnum-L0.out.spec.hex", Spec);
    let m::MsgEnumUnion::L0(Some(c)) = r.info_struct.msg_info else {
        panic!("level 0")
    };
    let names: Vec<_> = c
        .buffer
        .unwrap()
        .into_iter()
        .map(|i| i.name.unwrap())
        .collect();
    assert_eq!(names, ["WS01", "ALICE"]);
}
