//! Golden vectors for srvsvc (\[MS-SRVS\]) in `tests/vectors/srvsvc/`.
//!
//! * `*.in.impacket-0.13.1.hex`: request stubs as impacket encoded them
//!   (random referent ids, `0xab` padding bytes), so re-encoding must give the
//!   same length and decode to the same value.
//! * `*.out.samba-4.17.hex`: Samba's response stubs, captured by
//!   `tools/capture/capture_stubs.py ... srvsvc`. quirk(samba-4.17): Samba
//!   numbers a response's referent ids on from the request's non-NULL pointer
//!   count `n` (first id `0x00020000 + 4n`), so they re-encode byte for byte
//!   from that id.
//! * `*.out.spec.hex`: responses of the opnums Samba does not implement,
//!   written by hand from the spec with Windows numbering; byte for byte.
//!
//! Every vector has a test (named after it); each decodes fully, re-encodes,
//! and fails to decode with an error (never a panic) when cut short
//! anywhere. [`every_vector_is_listed`] keeps the table complete. Snapshots
//! of key values follow the table, then proptest round trips of the main
//! types.

use std::fmt::Debug;

use netapi_msrpc::srvsvc::*;
use netapi_ndr::{Ndr, decode, encode};

mod common;
use common::{How, truncations_fail};

/// `MAX_PREFERRED_LENGTH` as a `PreferedMaximumLength` (\[MS-SRVS\] 2.2.2.2).
const MAX_PREFERRED_LENGTH: u32 = u32::MAX;

/// A vector of this interface (`tests/vectors/srvsvc/<file>`).
fn load(file: &str) -> Vec<u8> {
    common::load(&format!("srvsvc/{file}"))
}

/// Decodes `file` as `T` and checks re-encoding and truncation.
fn golden<T: Ndr + PartialEq + Debug>(file: &str, how: How) -> T {
    common::golden(&format!("srvsvc/{file}"), how.into())
}

/// quirk(samba-4.17): a level-503 share answer. Samba's `SHARE_INFO` and
/// `SHARE_ENUM_UNION` have no arm 503, so after the discriminant comes
/// nothing; \[MS-SRVS\] makes arm 503 a pointer, so the stub does not decode
/// (the next word is read as that pointer). The status is still the last
/// four bytes, which is what a client can fall back on.
fn samba_503<T: Ndr + Debug>(file: &str) {
    let b = load(file);
    let e = decode::<T>(&b).expect_err("Samba's level-503 answer decoded");
    assert!(!e.to_string().is_empty());
    assert_eq!(b[b.len() - 4..], 0x7c_u32.to_le_bytes(), "{file}");
    truncations_fail::<T>(file, &b);
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

use common::How::{Impacket, Samba, Spec};

const IMPACKET_SAMBA_503: &[&str] = &[
    "15-NetrShareEnum-L503-invalid-level.out.samba-4.17.hex",
    "16-NetrShareGetInfo-L503-invalid-level.out.samba-4.17.hex",
];

vectors! {
    // 8 NetrConnectionEnum: ServerName, Qualifier, container, ResumeHandle.
    v08_connection_enum_l0_in: "8-NetrConnectionEnum-L0.in.impacket-0.13.1.hex" => NetrConnectionEnumRequest, Impacket;
    v08_connection_enum_l0_out: "8-NetrConnectionEnum-L0.out.samba-4.17.hex" => NetrConnectionEnumResponse, Samba(4);
    v08_connection_enum_l1_in: "8-NetrConnectionEnum-L1.in.impacket-0.13.1.hex" => NetrConnectionEnumRequest, Impacket;
    v08_connection_enum_l1_out: "8-NetrConnectionEnum-L1.out.samba-4.17.hex" => NetrConnectionEnumResponse, Samba(4);
    // 9 NetrFileEnum: ServerName, container, ResumeHandle.
    v09_file_enum_l2_in: "9-NetrFileEnum-L2.in.impacket-0.13.1.hex" => NetrFileEnumRequest, Impacket;
    v09_file_enum_l2_out: "9-NetrFileEnum-L2.out.samba-4.17.hex" => NetrFileEnumResponse, Samba(3);
    v09_file_enum_l3_in: "9-NetrFileEnum-L3.in.impacket-0.13.1.hex" => NetrFileEnumRequest, Impacket;
    v09_file_enum_l3_out: "9-NetrFileEnum-L3.out.samba-4.17.hex" => NetrFileEnumResponse, Samba(3);
    v10_file_get_info_l3_in: "10-NetrFileGetInfo-L3.in.impacket-0.13.1.hex" => NetrFileGetInfoRequest, Impacket;
    v10_file_get_info_l3_out_spec: "10-NetrFileGetInfo-L3.out.spec.hex" => NetrFileGetInfoResponse, Spec;
    v11_file_close_in: "11-NetrFileClose-L0.in.impacket-0.13.1.hex" => NetrFileCloseRequest, Impacket;
    v11_file_close_out: "11-NetrFileClose-L0.out.samba-4.17.hex" => NetrFileCloseResponse, Samba(1);
    v11_file_close_again_in: "11-NetrFileClose-L0-again.in.impacket-0.13.1.hex" => NetrFileCloseRequest, Impacket;
    v11_file_close_again_out: "11-NetrFileClose-L0-again.out.samba-4.17.hex" => NetrFileCloseResponse, Samba(1);
    // 12 NetrSessionEnum: ServerName, container, ResumeHandle.
    v12_session_enum_l0_in: "12-NetrSessionEnum-L0.in.impacket-0.13.1.hex" => NetrSessionEnumRequest, Impacket;
    v12_session_enum_l0_out: "12-NetrSessionEnum-L0.out.samba-4.17.hex" => NetrSessionEnumResponse, Samba(3);
    v12_session_enum_l1_in: "12-NetrSessionEnum-L1.in.impacket-0.13.1.hex" => NetrSessionEnumRequest, Impacket;
    v12_session_enum_l1_out: "12-NetrSessionEnum-L1.out.samba-4.17.hex" => NetrSessionEnumResponse, Samba(3);
    v12_session_enum_l2_in: "12-NetrSessionEnum-L2-invalid-level.in.impacket-0.13.1.hex" => NetrSessionEnumRequest, Impacket;
    v12_session_enum_l2_out: "12-NetrSessionEnum-L2-invalid-level.out.samba-4.17.hex" => NetrSessionEnumResponse, Samba(3);
    v12_session_enum_l10_in: "12-NetrSessionEnum-L10-invalid-level.in.impacket-0.13.1.hex" => NetrSessionEnumRequest, Impacket;
    v12_session_enum_l10_out: "12-NetrSessionEnum-L10-invalid-level.out.samba-4.17.hex" => NetrSessionEnumResponse, Samba(3);
    v12_session_enum_l502_in: "12-NetrSessionEnum-L502-invalid-level.in.impacket-0.13.1.hex" => NetrSessionEnumRequest, Impacket;
    v12_session_enum_l502_out: "12-NetrSessionEnum-L502-invalid-level.out.samba-4.17.hex" => NetrSessionEnumResponse, Samba(3);
    v13_session_del_in: "13-NetrSessionDel-L0.in.impacket-0.13.1.hex" => NetrSessionDelRequest, Impacket;
    v13_session_del_out: "13-NetrSessionDel-L0.out.samba-4.17.hex" => NetrSessionDelResponse, Samba(3);
    // 14 NetrShareAdd: ServerName, the arm's pointer, its strings, ParmErr.
    v14_share_add_l2_in: "14-NetrShareAdd-L2-nlp_vec_a.in.impacket-0.13.1.hex" => NetrShareAddRequest, Impacket;
    v14_share_add_l2_out: "14-NetrShareAdd-L2-nlp_vec_a.out.samba-4.17.hex" => NetrShareAddResponse, Samba(5);
    v14_share_add_l2_exists_in: "14-NetrShareAdd-L2-nlp_vec_a-exists.in.impacket-0.13.1.hex" => NetrShareAddRequest, Impacket;
    v14_share_add_l2_exists_out: "14-NetrShareAdd-L2-nlp_vec_a-exists.out.samba-4.17.hex" => NetrShareAddResponse, Samba(6);
    v14_share_add_l502_in: "14-NetrShareAdd-L502-nlp_vec_b.in.impacket-0.13.1.hex" => NetrShareAddRequest, Impacket;
    v14_share_add_l502_out: "14-NetrShareAdd-L502-nlp_vec_b.out.samba-4.17.hex" => NetrShareAddResponse, Samba(6);
    // 15 NetrShareEnum: ServerName, container, ResumeHandle.
    v15_share_enum_l0_in: "15-NetrShareEnum-L0.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l0_out: "15-NetrShareEnum-L0.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(3);
    v15_share_enum_l0_no_resume_in: "15-NetrShareEnum-L0-no-resume-handle.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l0_no_resume_out: "15-NetrShareEnum-L0-no-resume-handle.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(2);
    v15_share_enum_l1_in: "15-NetrShareEnum-L1.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l1_out: "15-NetrShareEnum-L1.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(3);
    v15_share_enum_l1_prefmaxlen_in: "15-NetrShareEnum-L1-prefmaxlen1.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l1_prefmaxlen_out: "15-NetrShareEnum-L1-prefmaxlen1.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(3);
    v15_share_enum_l1_resume2_in: "15-NetrShareEnum-L1-resume2.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l1_resume2_out: "15-NetrShareEnum-L1-resume2.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(3);
    v15_share_enum_l2_in: "15-NetrShareEnum-L2.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l2_out: "15-NetrShareEnum-L2.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(3);
    v15_share_enum_l501_in: "15-NetrShareEnum-L501.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l501_out: "15-NetrShareEnum-L501.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(3);
    v15_share_enum_l502_in: "15-NetrShareEnum-L502.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    v15_share_enum_l502_out: "15-NetrShareEnum-L502.out.samba-4.17.hex" => NetrShareEnumResponse, Samba(3);
    v15_share_enum_l503_in: "15-NetrShareEnum-L503-invalid-level.in.impacket-0.13.1.hex" => NetrShareEnumRequest, Impacket;
    // 16 NetrShareGetInfo: ServerName only (NetName is a [ref]).
    v16_share_get_info_l0_in: "16-NetrShareGetInfo-L0.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l0_out: "16-NetrShareGetInfo-L0.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l1_in: "16-NetrShareGetInfo-L1.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l1_out: "16-NetrShareGetInfo-L1.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l1_missing_in: "16-NetrShareGetInfo-L1-no-such-share.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l1_missing_out: "16-NetrShareGetInfo-L1-no-such-share.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l2_in: "16-NetrShareGetInfo-L2.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l2_out: "16-NetrShareGetInfo-L2.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l501_in: "16-NetrShareGetInfo-L501.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l501_out: "16-NetrShareGetInfo-L501.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l502_in: "16-NetrShareGetInfo-L502.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l502_out: "16-NetrShareGetInfo-L502.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l502_after_set_in: "16-NetrShareGetInfo-L502-nlp_vec_b-after-set.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l502_after_set_out: "16-NetrShareGetInfo-L502-nlp_vec_b-after-set.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l503_in: "16-NetrShareGetInfo-L503-invalid-level.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l1004_in: "16-NetrShareGetInfo-L1004.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l1004_out: "16-NetrShareGetInfo-L1004.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l1005_in: "16-NetrShareGetInfo-L1005.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l1005_out: "16-NetrShareGetInfo-L1005.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l1006_in: "16-NetrShareGetInfo-L1006.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l1006_out: "16-NetrShareGetInfo-L1006.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    v16_share_get_info_l1501_in: "16-NetrShareGetInfo-L1501.in.impacket-0.13.1.hex" => NetrShareGetInfoRequest, Impacket;
    v16_share_get_info_l1501_out: "16-NetrShareGetInfo-L1501.out.samba-4.17.hex" => NetrShareGetInfoResponse, Samba(1);
    // 17 NetrShareSetInfo: ServerName, the arm's pointer, its strings, ParmErr.
    v17_share_set_info_l1004_in: "17-NetrShareSetInfo-L1004-nlp_vec_a.in.impacket-0.13.1.hex" => NetrShareSetInfoRequest, Impacket;
    v17_share_set_info_l1004_out: "17-NetrShareSetInfo-L1004-nlp_vec_a.out.samba-4.17.hex" => NetrShareSetInfoResponse, Samba(4);
    v17_share_set_info_l502_in: "17-NetrShareSetInfo-L502-nlp_vec_b.in.impacket-0.13.1.hex" => NetrShareSetInfoRequest, Impacket;
    v17_share_set_info_l502_out: "17-NetrShareSetInfo-L502-nlp_vec_b.out.samba-4.17.hex" => NetrShareSetInfoResponse, Samba(6);
    v18_share_del_a_in: "18-NetrShareDel-L0-nlp_vec_a.in.impacket-0.13.1.hex" => NetrShareDelRequest, Impacket;
    v18_share_del_a_out: "18-NetrShareDel-L0-nlp_vec_a.out.samba-4.17.hex" => NetrShareDelResponse, Samba(1);
    v18_share_del_b_in: "18-NetrShareDel-L0-nlp_vec_b.in.impacket-0.13.1.hex" => NetrShareDelRequest, Impacket;
    v18_share_del_b_out: "18-NetrShareDel-L0-nlp_vec_b.out.samba-4.17.hex" => NetrShareDelResponse, Samba(1);
    v18_share_del_again_in: "18-NetrShareDel-L0-nlp_vec_a-again.in.impacket-0.13.1.hex" => NetrShareDelRequest, Impacket;
    v18_share_del_again_out: "18-NetrShareDel-L0-nlp_vec_a-again.out.samba-4.17.hex" => NetrShareDelResponse, Samba(1);
    v20_share_check_in: "20-NetrShareCheck-L0-C.in.impacket-0.13.1.hex" => NetrShareCheckRequest, Impacket;
    v20_share_check_out_spec: "20-NetrShareCheck-L0-C.out.spec.hex" => NetrShareCheckResponse, Spec;
    v20_share_check_not_shared_out_spec: "20-NetrShareCheck-L0-C-not-shared.out.spec.hex" => NetrShareCheckResponse, Spec;
    // 21 NetrServerGetInfo: ServerName only.
    v21_server_get_info_l100_in: "21-NetrServerGetInfo-L100.in.impacket-0.13.1.hex" => NetrServerGetInfoRequest, Impacket;
    v21_server_get_info_l100_out: "21-NetrServerGetInfo-L100.out.samba-4.17.hex" => NetrServerGetInfoResponse, Samba(1);
    v21_server_get_info_l101_in: "21-NetrServerGetInfo-L101.in.impacket-0.13.1.hex" => NetrServerGetInfoRequest, Impacket;
    v21_server_get_info_l101_out: "21-NetrServerGetInfo-L101.out.samba-4.17.hex" => NetrServerGetInfoResponse, Samba(1);
    v21_server_get_info_l102_in: "21-NetrServerGetInfo-L102.in.impacket-0.13.1.hex" => NetrServerGetInfoRequest, Impacket;
    v21_server_get_info_l102_out: "21-NetrServerGetInfo-L102.out.samba-4.17.hex" => NetrServerGetInfoResponse, Samba(1);
    v21_server_get_info_l402_in: "21-NetrServerGetInfo-L402-invalid-level.in.impacket-0.13.1.hex" => NetrServerGetInfoRequest, Impacket;
    v21_server_get_info_l402_out: "21-NetrServerGetInfo-L402-invalid-level.out.samba-4.17.hex" => NetrServerGetInfoResponse, Samba(1);
    v21_server_get_info_l403_in: "21-NetrServerGetInfo-L403-invalid-level.in.impacket-0.13.1.hex" => NetrServerGetInfoRequest, Impacket;
    v21_server_get_info_l403_out: "21-NetrServerGetInfo-L403-invalid-level.out.samba-4.17.hex" => NetrServerGetInfoResponse, Samba(1);
    v21_server_get_info_l502_in: "21-NetrServerGetInfo-L502-invalid-level.in.impacket-0.13.1.hex" => NetrServerGetInfoRequest, Impacket;
    v21_server_get_info_l502_out: "21-NetrServerGetInfo-L502-invalid-level.out.samba-4.17.hex" => NetrServerGetInfoResponse, Samba(1);
    v21_server_get_info_l503_in: "21-NetrServerGetInfo-L503-invalid-level.in.impacket-0.13.1.hex" => NetrServerGetInfoRequest, Impacket;
    v21_server_get_info_l503_out: "21-NetrServerGetInfo-L503-invalid-level.out.samba-4.17.hex" => NetrServerGetInfoResponse, Samba(1);
    // 22 NetrServerSetInfo: ServerName, the arm's pointer, the comment, ParmErr.
    v22_server_set_info_l1005_in: "22-NetrServerSetInfo-L1005.in.impacket-0.13.1.hex" => NetrServerSetInfoRequest, Impacket;
    v22_server_set_info_l1005_out: "22-NetrServerSetInfo-L1005.out.samba-4.17.hex" => NetrServerSetInfoResponse, Samba(4);
    // 23 NetrServerDiskEnum: ResumeHandle only (ServerName and Buffer NULL).
    v23_server_disk_enum_in: "23-NetrServerDiskEnum-L0.in.impacket-0.13.1.hex" => NetrServerDiskEnumRequest, Impacket;
    v23_server_disk_enum_out: "23-NetrServerDiskEnum-L0.out.samba-4.17.hex" => NetrServerDiskEnumResponse, Samba(1);
    v24_server_statistics_get_in: "24-NetrServerStatisticsGet-L0.in.impacket-0.13.1.hex" => NetrServerStatisticsGetRequest, Impacket;
    v24_server_statistics_get_out_spec: "24-NetrServerStatisticsGet-L0.out.spec.hex" => NetrServerStatisticsGetResponse, Spec;
    v26_server_transport_enum_l0_in: "26-NetrServerTransportEnum-L0.in.impacket-0.13.1.hex" => NetrServerTransportEnumRequest, Impacket;
    v26_server_transport_enum_l0_out_spec: "26-NetrServerTransportEnum-L0.out.spec.hex" => NetrServerTransportEnumResponse, Spec;
    v26_server_transport_enum_l1_in: "26-NetrServerTransportEnum-L1.in.impacket-0.13.1.hex" => NetrServerTransportEnumRequest, Impacket;
    v26_server_transport_enum_l1_out_spec: "26-NetrServerTransportEnum-L1.out.spec.hex" => NetrServerTransportEnumResponse, Spec;
    // 28 NetrRemoteTOD: no pointers in (ServerName NULL).
    v28_remote_tod_in: "28-NetrRemoteTOD-L0.in.impacket-0.13.1.hex" => NetrRemoteTODRequest, Impacket;
    v28_remote_tod_out: "28-NetrRemoteTOD-L0.out.samba-4.17.hex" => NetrRemoteTODResponse, Samba(0);
    v41_server_transport_add_ex_in: "41-NetrServerTransportAddEx-L0.in.impacket-0.13.1.hex" => NetrServerTransportAddExRequest, Impacket;
    v41_server_transport_add_ex_out_spec: "41-NetrServerTransportAddEx-L0.out.spec.hex" => NetrServerTransportAddExResponse, Spec;
    v53_server_transport_del_ex_in: "53-NetrServerTransportDelEx-L0.in.impacket-0.13.1.hex" => NetrServerTransportDelExRequest, Impacket;
    v53_server_transport_del_ex_out_spec: "53-NetrServerTransportDelEx-L0.out.spec.hex" => NetrServerTransportDelExResponse, Spec;
}

#[test]
fn v15_share_enum_l503_out_does_not_decode() {
    samba_503::<NetrShareEnumResponse>(IMPACKET_SAMBA_503[0]);
}

#[test]
fn v16_share_get_info_l503_out_does_not_decode() {
    samba_503::<NetrShareGetInfoResponse>(IMPACKET_SAMBA_503[1]);
}

/// Every file in the vector directory has a test above.
#[test]
fn every_vector_is_listed() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/srvsvc"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".hex"))
            .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LISTED
        .iter()
        .chain(IMPACKET_SAMBA_503)
        .map(|s| s.to_string())
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    // Every opnum of the interface has at least one request and one response.
    for (opnum, name) in OPNUMS {
        let prefix = format!("{opnum}-{name}-");
        for dir in [".in.", ".out."] {
            assert!(
                listed
                    .iter()
                    .any(|f| f.starts_with(&prefix) && f.contains(dir)),
                "no {dir} vector for {prefix}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Snapshots of key values.

fn samba<T: Ndr + PartialEq + Debug>(file: &str, n: u32) -> T {
    golden(file, Samba(n))
}

/// The shares `rpcclient ... -c netshareenumall` listed when the vectors were
/// captured: name, remark, path.
const SHARES: [(&str, &str, &str); 5] = [
    (
        "public",
        "Public lab share",
        "C:\\tmp\\netapi-lab\\fs\\shares\\public",
    ),
    (
        "data",
        "Data share (hold-file keeps hello.txt open here)",
        "C:\\tmp\\netapi-lab\\fs\\shares\\data",
    ),
    (
        "restricted",
        "Only netapiadmin may connect",
        "C:\\tmp\\netapi-lab\\fs\\shares\\restricted",
    ),
    (
        "hidden$",
        "Hidden share",
        "C:\\tmp\\netapi-lab\\fs\\shares\\hidden",
    ),
    ("IPC$", "IPC Service (NetApi lab file server)", "C:\\tmp"),
];

fn s(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("<NULL>")
}

#[test]
fn snapshot_share_enum_l1_matches_rpcclient() {
    let rq: NetrShareEnumRequest = golden("15-NetrShareEnum-L1.in.impacket-0.13.1.hex", Impacket);
    assert_eq!(s(&rq.server_name), "\\\\127.0.0.2");
    assert_eq!(rq.info_struct, ShareEnumStruct::request(1));
    assert_eq!(
        (rq.prefered_maximum_length, rq.resume_handle),
        (MAX_PREFERRED_LENGTH, Some(0))
    );

    let rs: NetrShareEnumResponse = samba("15-NetrShareEnum-L1.out.samba-4.17.hex", 3);
    assert_eq!(
        (rs.total_entries, rs.resume_handle, rs.status),
        (5, Some(0), 0)
    );
    let ShareEnumUnion::L1(Some(c)) = &rs.info_struct.share_info else {
        panic!("{:?}", rs.info_struct)
    };
    assert_eq!(c.entries_read, 5);
    let got: Vec<(&str, ShareType, &str)> = c
        .buffer
        .as_ref()
        .unwrap()
        .iter()
        .map(|e| (s(&e.netname), e.r#type, s(&e.remark)))
        .collect();
    let want: Vec<(&str, ShareType, &str)> = SHARES
        .iter()
        .map(|(n, r, _)| {
            let t = if *n == "IPC$" {
                ShareType(ShareType::STYPE_IPC.0 | ShareType::STYPE_SPECIAL.0)
            } else {
                ShareType::STYPE_DISKTREE
            };
            (*n, t, *r)
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn snapshot_share_enum_other_levels() {
    let names = |u: &ShareEnumUnion| -> Vec<String> {
        match u {
            ShareEnumUnion::L0(Some(c)) => c
                .buffer
                .iter()
                .flatten()
                .map(|e| s(&e.netname).into())
                .collect(),
            ShareEnumUnion::L2(Some(c)) => c
                .buffer
                .iter()
                .flatten()
                .map(|e| s(&e.netname).into())
                .collect(),
            ShareEnumUnion::L501(Some(c)) => c
                .buffer
                .iter()
                .flatten()
                .map(|e| s(&e.netname).into())
                .collect(),
            ShareEnumUnion::L502(Some(c)) => c
                .buffer
                .iter()
                .flatten()
                .map(|e| s(&e.netname).into())
                .collect(),
            other => panic!("{other:?}"),
        }
    };
    let all: Vec<String> = SHARES.iter().map(|x| x.0.to_string()).collect();
    for (file, n) in [
        ("15-NetrShareEnum-L0.out.samba-4.17.hex", 3),
        ("15-NetrShareEnum-L0-no-resume-handle.out.samba-4.17.hex", 2),
        ("15-NetrShareEnum-L2.out.samba-4.17.hex", 3),
        ("15-NetrShareEnum-L501.out.samba-4.17.hex", 3),
        ("15-NetrShareEnum-L502.out.samba-4.17.hex", 3),
    ] {
        let rs: NetrShareEnumResponse = samba(file, n);
        assert_eq!(names(&rs.info_struct.share_info), all, "{file}");
        assert_eq!((rs.total_entries, rs.status), (5, 0), "{file}");
    }
    let rs: NetrShareEnumResponse =
        samba("15-NetrShareEnum-L0-no-resume-handle.out.samba-4.17.hex", 2);
    assert_eq!(rs.resume_handle, None);

    let rs: NetrShareEnumResponse = samba("15-NetrShareEnum-L2.out.samba-4.17.hex", 3);
    let ShareEnumUnion::L2(Some(c)) = rs.info_struct.share_info else {
        panic!()
    };
    let paths: Vec<&str> = c
        .buffer
        .as_ref()
        .unwrap()
        .iter()
        .map(|e| s(&e.path))
        .collect();
    assert_eq!(paths, SHARES.map(|x| x.2));
    for e in c.buffer.as_ref().unwrap() {
        // quirk(samba-4.17): the password is an empty string, not NULL.
        assert_eq!((e.permissions, e.max_uses, s(&e.passwd)), (0, u32::MAX, ""));
    }

    let rs: NetrShareEnumResponse = samba("15-NetrShareEnum-L502.out.samba-4.17.hex", 3);
    let ShareEnumUnion::L502(Some(c)) = rs.info_struct.share_info else {
        panic!()
    };
    for e in c.buffer.as_ref().unwrap() {
        assert_eq!(
            e.reserved as usize,
            e.security_descriptor.as_ref().map_or(0, Vec::len)
        );
    }

    let rs: NetrShareEnumResponse = samba("15-NetrShareEnum-L501.out.samba-4.17.hex", 3);
    let ShareEnumUnion::L501(Some(c)) = rs.info_struct.share_info else {
        panic!()
    };
    assert!(c.buffer.unwrap().iter().all(|e| e.flags == 0));
}

/// quirk(samba-4.17): `PreferedMaximumLength` is ignored (one byte still
/// returns every share) and the resume handle is an index into the list;
/// `TotalEntries` counts what is left from it.
#[test]
fn snapshot_share_enum_paging() {
    let rq: NetrShareEnumRequest = golden(
        "15-NetrShareEnum-L1-prefmaxlen1.in.impacket-0.13.1.hex",
        Impacket,
    );
    assert_eq!(rq.prefered_maximum_length, 1);
    let rs: NetrShareEnumResponse = samba("15-NetrShareEnum-L1-prefmaxlen1.out.samba-4.17.hex", 3);
    assert_eq!(
        (rs.total_entries, rs.resume_handle, rs.status),
        (5, Some(0), 0)
    );

    let rq: NetrShareEnumRequest = golden(
        "15-NetrShareEnum-L1-resume2.in.impacket-0.13.1.hex",
        Impacket,
    );
    assert_eq!(rq.resume_handle, Some(2));
    let rs: NetrShareEnumResponse = samba("15-NetrShareEnum-L1-resume2.out.samba-4.17.hex", 3);
    assert_eq!(
        (rs.total_entries, rs.resume_handle, rs.status),
        (3, Some(0), 0)
    );
    let ShareEnumUnion::L1(Some(c)) = rs.info_struct.share_info else {
        panic!()
    };
    let names: Vec<&str> = c
        .buffer
        .as_ref()
        .unwrap()
        .iter()
        .map(|e| s(&e.netname))
        .collect();
    assert_eq!(names, ["restricted", "hidden$", "IPC$"]);
}

#[test]
fn snapshot_share_get_info() {
    let rq: NetrShareGetInfoRequest =
        golden("16-NetrShareGetInfo-L502.in.impacket-0.13.1.hex", Impacket);
    assert_eq!((rq.net_name.as_str(), rq.level), ("public", 502));

    let get = |file: &str| samba::<NetrShareGetInfoResponse>(file, 1);
    let r = get("16-NetrShareGetInfo-L0.out.samba-4.17.hex");
    assert_eq!(
        r.info_struct,
        ShareInfo::L0(Some(ShareInfo0 {
            netname: Some("public".into())
        }))
    );
    let r = get("16-NetrShareGetInfo-L1.out.samba-4.17.hex");
    assert_eq!(
        r.info_struct,
        ShareInfo::L1(Some(ShareInfo1 {
            netname: Some("public".into()),
            r#type: ShareType::STYPE_DISKTREE,
            remark: Some(SHARES[0].1.into()),
        }))
    );
    let r = get("16-NetrShareGetInfo-L502.out.samba-4.17.hex");
    let ShareInfo::L502(Some(i)) = r.info_struct else {
        panic!()
    };
    assert_eq!((s(&i.path), s(&i.passwd)), (SHARES[0].2, ""));
    // quirk(samba-4.17): no security descriptor at level 502.
    assert_eq!((i.reserved, i.security_descriptor), (0, None));
    let r = get("16-NetrShareGetInfo-L1004.out.samba-4.17.hex");
    assert_eq!(
        r.info_struct,
        ShareInfo::L1004(Some(ShareInfo1004 {
            remark: Some(SHARES[0].1.into())
        }))
    );
    let r = get("16-NetrShareGetInfo-L1005.out.samba-4.17.hex");
    assert_eq!(
        r.info_struct,
        ShareInfo::L1005(Some(ShareInfo1005 { flags: 0 }))
    );
    let r = get("16-NetrShareGetInfo-L1006.out.samba-4.17.hex");
    assert_eq!(
        r.info_struct,
        ShareInfo::L1006(Some(ShareInfo1006 { max_uses: u32::MAX }))
    );
    // quirk(samba-4.17): level 1501 "succeeds" with a NULL descriptor.
    let r = get("16-NetrShareGetInfo-L1501.out.samba-4.17.hex");
    assert_eq!((r.info_struct, r.status), (ShareInfo::L1501(None), 0));
    // quirk(samba-4.17): an unknown share is ERROR_INVALID_NAME (123).
    let r = get("16-NetrShareGetInfo-L1-no-such-share.out.samba-4.17.hex");
    assert_eq!((r.info_struct, r.status), (ShareInfo::L1(None), 123));

    // quirk(samba-4.17): NetrShareSetInfo at level 502 changed the remark
    // but not max_uses (10 was sent; the share stays unlimited).
    let r = get("16-NetrShareGetInfo-L502-nlp_vec_b-after-set.out.samba-4.17.hex");
    let ShareInfo::L502(Some(i)) = r.info_struct else {
        panic!()
    };
    assert_eq!(
        (s(&i.netname), s(&i.remark), i.max_uses),
        ("nlp_vec_b", "changed at level 502", u32::MAX)
    );
}

#[test]
fn snapshot_share_add_set_del() {
    let rq: NetrShareAddRequest = golden(
        "14-NetrShareAdd-L502-nlp_vec_b.in.impacket-0.13.1.hex",
        Impacket,
    );
    let ShareInfo::L502(Some(i)) = &rq.info_struct else {
        panic!()
    };
    assert_eq!(
        (rq.level, s(&i.netname), rq.parm_err),
        (502, "nlp_vec_b", Some(0))
    );
    assert_eq!(s(&i.path), "C:\\tmp\\netapi-lab\\fs\\shares\\scratch");
    let rs: NetrShareAddResponse = samba("14-NetrShareAdd-L502-nlp_vec_b.out.samba-4.17.hex", 6);
    assert_eq!((rs.parm_err, rs.status), (Some(0), 0));
    let rs: NetrShareAddResponse = samba("14-NetrShareAdd-L2-nlp_vec_a.out.samba-4.17.hex", 5);
    assert_eq!((rs.parm_err, rs.status), (None, 0));
    let rs: NetrShareAddResponse =
        samba("14-NetrShareAdd-L2-nlp_vec_a-exists.out.samba-4.17.hex", 6);
    assert_eq!((rs.parm_err, rs.status), (Some(0), 0x50)); // ERROR_FILE_EXISTS

    let rq: NetrShareSetInfoRequest = golden(
        "17-NetrShareSetInfo-L1004-nlp_vec_a.in.impacket-0.13.1.hex",
        Impacket,
    );
    assert_eq!(
        rq.share_info,
        ShareInfo::L1004(Some(ShareInfo1004 {
            remark: Some("changed remark".into())
        }))
    );
    let rs: NetrShareSetInfoResponse =
        samba("17-NetrShareSetInfo-L1004-nlp_vec_a.out.samba-4.17.hex", 4);
    assert_eq!((rs.parm_err, rs.status), (Some(0), 0));

    let rs: NetrShareDelResponse = samba("18-NetrShareDel-L0-nlp_vec_a.out.samba-4.17.hex", 1);
    assert_eq!(rs.status, 0);
    let rs: NetrShareDelResponse =
        samba("18-NetrShareDel-L0-nlp_vec_a-again.out.samba-4.17.hex", 1);
    assert_eq!(rs.status, 0x43); // ERROR_BAD_NET_NAME
}

#[test]
fn snapshot_server_get_info() {
    let get = |file: &str| samba::<NetrServerGetInfoResponse>(file, 1);
    let r = get("21-NetrServerGetInfo-L100.out.samba-4.17.hex");
    assert_eq!(
        (r.info_struct, r.status),
        (
            ServerInfo::L100(Some(ServerInfo100 {
                platform_id: PlatformId::PLATFORM_ID_NT,
                name: Some("FILESRV".into()),
            })),
            0
        )
    );
    let r = get("21-NetrServerGetInfo-L101.out.samba-4.17.hex");
    let ServerInfo::L101(Some(i)) = r.info_struct else {
        panic!()
    };
    assert_eq!(
        (s(&i.name), s(&i.comment)),
        ("FILESRV", "NetApi lab file server")
    );
    for bit in [sv_type::SV_TYPE_SERVER, sv_type::SV_TYPE_XENIX_SERVER] {
        assert_ne!(i.r#type & bit, 0, "{:#x}", i.r#type);
    }
    let r = get("21-NetrServerGetInfo-L102.out.samba-4.17.hex");
    let ServerInfo::L102(Some(i)) = r.info_struct else {
        panic!()
    };
    assert_eq!(
        (s(&i.name), i.platform_id),
        ("FILESRV", PlatformId::PLATFORM_ID_NT)
    );
    // Samba's ERROR_INVALID_LEVEL answers keep the arm, with a NULL pointer.
    for (file, level) in [
        (
            "21-NetrServerGetInfo-L402-invalid-level.out.samba-4.17.hex",
            ServerInfo::L402(None),
        ),
        (
            "21-NetrServerGetInfo-L403-invalid-level.out.samba-4.17.hex",
            ServerInfo::L403(None),
        ),
        (
            "21-NetrServerGetInfo-L502-invalid-level.out.samba-4.17.hex",
            ServerInfo::L502(None),
        ),
        (
            "21-NetrServerGetInfo-L503-invalid-level.out.samba-4.17.hex",
            ServerInfo::L503(None),
        ),
    ] {
        let r = get(file);
        assert_eq!((r.info_struct, r.status), (level, 0x7c), "{file}");
    }

    let rq: NetrServerSetInfoRequest = golden(
        "22-NetrServerSetInfo-L1005.in.impacket-0.13.1.hex",
        Impacket,
    );
    assert_eq!(
        (rq.level, rq.server_info, rq.parm_err),
        (
            1005,
            ServerInfo::L1005(Some(ServerInfo1005 {
                comment: Some("netapi vector comment".into())
            })),
            Some(0)
        )
    );
}

/// quirk(samba-4.17), like Windows: the disk list ends with an empty entry
/// that `EntriesRead` counts and `TotalEntries` does not; the resume handle
/// comes back as the count.
#[test]
fn snapshot_server_disk_enum() {
    let rq: NetrServerDiskEnumRequest =
        golden("23-NetrServerDiskEnum-L0.in.impacket-0.13.1.hex", Impacket);
    assert_eq!((rq.server_name.as_deref(), rq.level), (None, 0));
    assert_eq!(rq.disk_info_struct, DiskEnumContainer::default());
    let rs: NetrServerDiskEnumResponse = samba("23-NetrServerDiskEnum-L0.out.samba-4.17.hex", 1);
    let disks: Vec<String> = rs
        .disk_info_struct
        .buffer
        .as_ref()
        .unwrap()
        .iter()
        .map(DiskInfo::name)
        .collect();
    assert_eq!(disks, ["C:", ""]);
    assert_eq!(rs.disk_info_struct.buffer.unwrap()[0].disk, [0x43, 0x3a, 0]);
    assert_eq!(
        (
            rs.disk_info_struct.entries_read,
            rs.total_entries,
            rs.resume_handle,
            rs.status
        ),
        (2, 1, Some(1), 0)
    );
}

#[test]
fn snapshot_remote_tod_is_consistent() {
    let rs: NetrRemoteTODResponse = samba("28-NetrRemoteTOD-L0.out.samba-4.17.hex", 0);
    let t = rs.buffer_ptr.unwrap();
    let secs_of_day = t.elapsedt % 86_400;
    assert_eq!(
        (t.hours, t.mins, t.secs),
        (secs_of_day / 3600, secs_of_day / 60 % 60, secs_of_day % 60)
    );
    assert!(
        (2024..2100).contains(&t.year) && (1..=12).contains(&t.month) && (1..=31).contains(&t.day)
    );
    assert_eq!((t.timezone, t.tinterval, rs.status), (0, 10_000, 0));
    // 1970-01-01 was a Thursday.
    assert_eq!(t.weekday, (t.elapsedt / 86_400 + 4) % 7);
}

#[test]
fn snapshot_sessions_files_connections() {
    let rs: NetrSessionEnumResponse = samba("12-NetrSessionEnum-L1.out.samba-4.17.hex", 3);
    let SessionEnumUnion::L1(Some(c)) = &rs.info_struct.session_info else {
        panic!()
    };
    let held = c
        .buffer
        .iter()
        .flatten()
        .find(|e| s(&e.username) == "netapiuser")
        .expect("the hold-file session");
    // quirk(samba-4.17): no leading \\ on the client name; times are 0.
    assert_eq!(
        (s(&held.cname), held.num_opens, held.time, held.idle_time),
        ("127.0.0.1", 1, 0, 0)
    );
    assert_eq!(rs.total_entries, c.entries_read);
    // quirk(samba-4.17): the resume handle comes back as the count.
    assert_eq!(rs.resume_handle, Some(c.entries_read));
    for file in [
        "12-NetrSessionEnum-L2-invalid-level.out.samba-4.17.hex",
        "12-NetrSessionEnum-L10-invalid-level.out.samba-4.17.hex",
        "12-NetrSessionEnum-L502-invalid-level.out.samba-4.17.hex",
    ] {
        let rs: NetrSessionEnumResponse = samba(file, 3);
        assert_eq!((rs.total_entries, rs.status), (0, 0x7c), "{file}");
    }
    let rq: NetrSessionDelRequest = golden("13-NetrSessionDel-L0.in.impacket-0.13.1.hex", Impacket);
    assert_eq!(
        (s(&rq.client_name), s(&rq.user_name)),
        ("\\\\127.0.0.1", "netapiuser")
    );

    let rs: NetrFileEnumResponse = samba("9-NetrFileEnum-L3.out.samba-4.17.hex", 3);
    let FileEnumUnion::L3(Some(c)) = &rs.info_struct.file_info else {
        panic!()
    };
    let f = &c.buffer.as_ref().unwrap()[0];
    assert_eq!(
        (s(&f.pathname), s(&f.username)),
        (
            "C:\\tmp\\netapi-lab\\fs\\shares\\data\\hello.txt",
            "netapiuser"
        )
    );
    // quirk(samba-4.17): level 2 is not served.
    let rs: NetrFileEnumResponse = samba("9-NetrFileEnum-L2.out.samba-4.17.hex", 3);
    assert_eq!(rs.status, 0x7c);

    // The id closed and asked about is the one NetrFileEnum reported.
    let close: NetrFileCloseRequest =
        golden("11-NetrFileClose-L0.in.impacket-0.13.1.hex", Impacket);
    let get: NetrFileGetInfoRequest =
        golden("10-NetrFileGetInfo-L3.in.impacket-0.13.1.hex", Impacket);
    assert_eq!((close.file_id, get.file_id, get.level), (f.id, f.id, 3));
    let r: NetrFileCloseResponse = samba("11-NetrFileClose-L0.out.samba-4.17.hex", 1);
    assert_eq!(r.status, 0);
    // quirk(samba-4.17): ERROR_FILE_NOT_FOUND, not NERR_FileIdNotFound.
    let r: NetrFileCloseResponse = samba("11-NetrFileClose-L0-again.out.samba-4.17.hex", 1);
    assert_eq!(r.status, 2);
    let r: NetrFileGetInfoResponse = golden("10-NetrFileGetInfo-L3.out.spec.hex", Spec);
    let FileInfo::L3(Some(i)) = r.info_struct else {
        panic!()
    };
    assert_eq!((i.id, s(&i.pathname)), (f.id, s(&f.pathname)));

    // quirk(samba-4.17): connections are a stub (one, to IPC$, by
    // "dummy_user"), whatever the qualifier.
    let rq: NetrConnectionEnumRequest =
        golden("8-NetrConnectionEnum-L1.in.impacket-0.13.1.hex", Impacket);
    assert_eq!(s(&rq.qualifier), "data");
    let rs: NetrConnectionEnumResponse = samba("8-NetrConnectionEnum-L1.out.samba-4.17.hex", 4);
    let ConnectEnumUnion::L1(Some(c)) = rs.info_struct.connect_info else {
        panic!()
    };
    let e = &c.buffer.as_ref().unwrap()[0];
    assert_eq!(
        (s(&e.username), s(&e.netname), e.r#type),
        ("dummy_user", "IPC$", ShareType::STYPE_IPC)
    );
}

#[test]
fn snapshot_spec_vectors() {
    let r: NetrShareCheckResponse = golden("20-NetrShareCheck-L0-C.out.spec.hex", Spec);
    assert_eq!((r.r#type, r.status), (ShareType::STYPE_DISKTREE, 0));
    let rq: NetrShareCheckRequest =
        golden("20-NetrShareCheck-L0-C.in.impacket-0.13.1.hex", Impacket);
    assert_eq!(rq.device, "C:");

    let rq: NetrServerStatisticsGetRequest = golden(
        "24-NetrServerStatisticsGet-L0.in.impacket-0.13.1.hex",
        Impacket,
    );
    assert_eq!(
        (s(&rq.service), rq.level, rq.options),
        ("LanmanServer", 0, 0)
    );
    let r: NetrServerStatisticsGetResponse =
        golden("24-NetrServerStatisticsGet-L0.out.spec.hex", Spec);
    let st = r.info_struct.unwrap();
    assert_eq!(
        (st.start, st.bytessent_high, st.bigbufneed),
        (1_764_000_000, 1, 8)
    );

    let r: NetrServerTransportEnumResponse =
        golden("26-NetrServerTransportEnum-L0.out.spec.hex", Spec);
    let ServerXportEnumUnion::L0(Some(c)) = r.info_struct.xport_info else {
        panic!()
    };
    let t = c.buffer.unwrap();
    assert_eq!(t.len(), 2);
    assert_eq!(s(&t[0].transportname), "\\Device\\NetbiosSmb");
    assert_eq!(
        t[1].transportaddress.as_deref(),
        Some(&b"FILESRV         "[..])
    );
    assert_eq!(s(&t[1].networkaddress), "525400123456");

    let rq: NetrServerTransportAddExRequest = golden(
        "41-NetrServerTransportAddEx-L0.in.impacket-0.13.1.hex",
        Impacket,
    );
    let TransportInfo::L0(t) = rq.buffer else {
        panic!()
    };
    assert_eq!((t.transportaddresslength, t.networkaddress), (16, None));
    assert_eq!(
        t.transportaddress.as_deref(),
        Some(&b"NLPVEC          "[..])
    );
}

// ---------------------------------------------------------------------------
// Property tests: decode(encode(v)) == v for the main types.

mod props {
    use super::*;
    use proptest::collection::vec;
    use proptest::option::of;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = Option<String>> {
        of("[a-zA-Z0-9 $\\\\._\u{e9}\u{4e2d}-]{0,12}")
    }

    fn share_type() -> impl Strategy<Value = ShareType> {
        prop_oneof![
            Just(ShareType::STYPE_DISKTREE),
            Just(ShareType(0x8000_0003)),
            any::<u32>().prop_map(ShareType)
        ]
    }

    fn share2() -> impl Strategy<Value = ShareInfo2> {
        (
            text(),
            share_type(),
            text(),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            text(),
            text(),
        )
            .prop_map(
                |(netname, r#type, remark, permissions, max_uses, current_uses, path, passwd)| {
                    ShareInfo2 {
                        netname,
                        r#type,
                        remark,
                        permissions,
                        max_uses,
                        current_uses,
                        path,
                        passwd,
                    }
                },
            )
    }

    fn sd() -> impl Strategy<Value = (u32, Option<Vec<u8>>)> {
        of(vec(any::<u8>(), 0..40)).prop_map(|b| (b.as_ref().map_or(0, |b| b.len() as u32), b))
    }

    fn share502() -> impl Strategy<Value = ShareInfo502I> {
        (share2(), sd()).prop_map(|(b, (reserved, security_descriptor))| ShareInfo502I {
            netname: b.netname,
            r#type: b.r#type,
            remark: b.remark,
            permissions: b.permissions,
            max_uses: b.max_uses,
            current_uses: b.current_uses,
            path: b.path,
            passwd: b.passwd,
            reserved,
            security_descriptor,
        })
    }

    fn counted<T: Debug + Clone>(
        s: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = (u32, Option<Vec<T>>)> {
        of(vec(s, 0..5)).prop_map(|b| (b.as_ref().map_or(0, |b| b.len() as u32), b))
    }

    fn share_enum() -> impl Strategy<Value = ShareEnumStruct> {
        prop_oneof![
            of(counted(share2())).prop_map(|c| ShareEnumStruct {
                level: 2,
                share_info: ShareEnumUnion::L2(c.map(|(entries_read, buffer)| {
                    ShareInfo2Container {
                        entries_read,
                        buffer,
                    }
                })),
            }),
            of(counted(share502())).prop_map(|c| ShareEnumStruct {
                level: 502,
                share_info: ShareEnumUnion::L502(c.map(|(entries_read, buffer)| {
                    ShareInfo502Container {
                        entries_read,
                        buffer,
                    }
                })),
            }),
            (3u32..500).prop_map(|l| ShareEnumStruct {
                level: l,
                share_info: ShareEnumUnion::Other(l)
            }),
        ]
    }

    fn server102() -> impl Strategy<Value = ServerInfo102> {
        (
            any::<u32>(),
            text(),
            any::<[u32; 3]>(),
            text(),
            any::<(u32, i32, i32, u32, u32, u32)>(),
            text(),
        )
            .prop_map(
                |(
                    p,
                    name,
                    [version_major, version_minor, r#type],
                    comment,
                    (users, disc, hidden, announce, anndelta, licenses),
                    userpath,
                )| {
                    ServerInfo102 {
                        platform_id: PlatformId(p),
                        name,
                        version_major,
                        version_minor,
                        r#type,
                        comment,
                        users,
                        disc,
                        hidden,
                        announce,
                        anndelta,
                        licenses,
                        userpath,
                    }
                },
            )
    }

    fn session1() -> impl Strategy<Value = SessionInfo1> {
        (text(), text(), any::<[u32; 4]>()).prop_map(
            |(cname, username, [num_opens, time, idle_time, user_flags])| SessionInfo1 {
                cname,
                username,
                num_opens,
                time,
                idle_time,
                user_flags,
            },
        )
    }

    fn file3() -> impl Strategy<Value = FileInfo3> {
        (any::<[u32; 3]>(), text(), text()).prop_map(
            |([id, permissions, num_locks], pathname, username)| FileInfo3 {
                id,
                permissions,
                num_locks,
                pathname,
                username,
            },
        )
    }

    fn disk() -> impl Strategy<Value = DiskInfo> {
        vec(any::<u16>(), 0..=3).prop_map(|disk| DiskInfo { disk })
    }

    fn transport3() -> impl Strategy<Value = ServerTransportInfo3> {
        (
            any::<u32>(),
            text(),
            of(vec(any::<u8>(), 0..20)),
            text(),
            text(),
            any::<u32>(),
            vec(any::<u8>(), 256),
        )
            .prop_map(
                |(numberofvcs, transportname, addr, networkaddress, domain, flags, pw)| {
                    let mut password = [0u8; 256];
                    password.copy_from_slice(&pw);
                    ServerTransportInfo3 {
                        numberofvcs,
                        transportname,
                        transportaddresslength: addr.as_ref().map_or(0, |a| a.len() as u32),
                        transportaddress: addr,
                        networkaddress,
                        domain,
                        flags,
                        passwordlength: 7,
                        password,
                    }
                },
            )
    }

    fn round_trip<T: Ndr + PartialEq + Debug>(v: &T) {
        let b = encode(v).unwrap();
        assert_eq!(&decode::<T>(&b).unwrap(), v);
        for n in 0..b.len() {
            assert!(decode::<T>(&b[..n]).is_err());
        }
    }

    proptest! {
        #[test]
        fn share_enum_response(info_struct in share_enum(), total_entries: u32, resume_handle in of(any::<u32>()), status: u32) {
            round_trip(&NetrShareEnumResponse { info_struct, total_entries, resume_handle, status });
        }

        #[test]
        fn share_get_info_response(i in share502(), status: u32) {
            round_trip(&NetrShareGetInfoResponse { info_struct: ShareInfo::L502(Some(i)), status });
        }

        #[test]
        fn share_set_info_request(i in share2(), name in "[a-z]{1,8}", parm_err in of(any::<u32>())) {
            round_trip(&NetrShareSetInfoRequest {
                server_name: Some("\\\\srv".into()),
                net_name: name,
                level: 2,
                share_info: ShareInfo::L2(Some(i)),
                parm_err,
            });
        }

        #[test]
        fn server_get_info_response(i in of(server102()), status: u32) {
            round_trip(&NetrServerGetInfoResponse { info_struct: ServerInfo::L102(i), status });
        }

        #[test]
        fn session_enum_response(c in of(counted(session1())), total_entries: u32) {
            let c = c.map(|(entries_read, buffer)| SessionInfo1Container { entries_read, buffer });
            round_trip(&NetrSessionEnumResponse {
                info_struct: SessionEnumStruct { level: 1, session_info: SessionEnumUnion::L1(c) },
                total_entries,
                resume_handle: Some(total_entries),
                status: 0,
            });
        }

        #[test]
        fn file_enum_and_get_info(c in counted(file3()), f in of(file3())) {
            round_trip(&FileEnumStruct {
                level: 3,
                file_info: FileEnumUnion::L3(Some(FileInfo3Container { entries_read: c.0, buffer: c.1 })),
            });
            round_trip(&NetrFileGetInfoResponse { info_struct: FileInfo::L3(f), status: 0 });
        }

        #[test]
        fn disk_enum_response(d in counted(disk()), total_entries: u32) {
            round_trip(&NetrServerDiskEnumResponse {
                disk_info_struct: DiskEnumContainer { entries_read: d.0, buffer: d.1 },
                total_entries,
                resume_handle: None,
                status: 0,
            });
        }

        #[test]
        fn remote_tod_response(t in any::<[u32; 12]>()) {
            let [elapsedt, msecs, hours, mins, secs, hunds, tz, tinterval, day, month, year, weekday] = t;
            round_trip(&NetrRemoteTODResponse {
                buffer_ptr: Some(TimeOfDayInfo {
                    elapsedt, msecs, hours, mins, secs, hunds, timezone: tz as i32, tinterval, day, month, year, weekday,
                }),
                status: 0,
            });
        }

        #[test]
        fn transport_add_ex_request(t in transport3()) {
            round_trip(&NetrServerTransportAddExRequest {
                server_name: None,
                level: 3,
                buffer: TransportInfo::L3(Box::new(t)),
            });
        }

        #[test]
        fn connection_enum_response(c in counted((any::<[u32; 5]>(), text(), text()))) {
            let buffer = c.1.map(|v| {
                v.into_iter()
                    .map(|([id, t, num_opens, num_users, time], username, netname)| ConnectionInfo1 {
                        id, r#type: ShareType(t), num_opens, num_users, time, username, netname,
                    })
                    .collect()
            });
            round_trip(&NetrConnectionEnumResponse {
                info_struct: ConnectEnumStruct {
                    level: 1,
                    connect_info: ConnectEnumUnion::L1(Some(ConnectInfo1Container { entries_read: c.0, buffer })),
                },
                total_entries: c.0,
                resume_handle: Some(0),
                status: 0,
            });
        }
    }
}
