//! Unit tests: the interface table and hand-checked wire forms.

use netapi_ndr::{decode, encode};

use super::*;
use crate::{Call, Interface, Response, StatusKind};

/// `MAX_PREFERRED_LENGTH` as a `PreferedMaximumLength` (\[MS-SRVS\] 2.2.2.2).
const MAX_PREFERRED_LENGTH: u32 = u32::MAX;

fn hex(s: &str) -> Vec<u8> {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    d.chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

#[test]
fn interface_constants() {
    assert_eq!(
        format!("{:?}", Srvsvc::SYNTAX),
        "4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0"
    );
    assert_eq!((Srvsvc::PIPE, Srvsvc::NAME), ("srvsvc", "srvsvc"));
    assert_eq!(OPNUMS.len(), 20);
    assert_eq!(Srvsvc::opnum_name(15), Some("NetrShareEnum"));
    assert_eq!(Srvsvc::opnum_name(19), None);
    assert_eq!(<NetrRemoteTODRequest as Call>::OPNUM, 28);
    assert_eq!(<NetrRemoteTODRequest as Call>::NAME, "NetrRemoteTOD");
    assert_eq!(
        <NetrServerTransportDelExResponse as Response>::STATUS_KIND,
        StatusKind::Win32
    );
    let r = NetrShareDelResponse { status: 0x43 };
    assert_eq!(r.status(), 0x43);
}

#[test]
fn share_type_flags() {
    let ipc = ShareType(0x8000_0003);
    assert_eq!(ipc.base(), ShareType::STYPE_IPC);
    assert!(ipc.is_special() && !ipc.is_temporary());
    assert_eq!(format!("{ipc:?}"), "ShareType(0x80000003)");
    assert_eq!(format!("{:?}", ShareType::STYPE_DISKTREE), "STYPE_DISKTREE");
}

/// `[string] WCHAR Disk[3]`: offset, actual count, units; no max_count.
#[test]
fn disk_info_is_a_varying_array() {
    let c = DiskEnumContainer {
        entries_read: 2,
        buffer: Some(vec![
            DiskInfo::new("C:").unwrap(),
            DiskInfo::new("").unwrap(),
        ]),
    };
    let b = encode(&c).unwrap();
    assert_eq!(
        b,
        hex("02000000 00000200 02000000 00000000 02000000
             00000000 03000000 4300 3a00 0000 0000
             00000000 01000000 0000")
    );
    let d: DiskEnumContainer = decode(&b).unwrap();
    assert_eq!(d, c);
    let names: Vec<String> = d.buffer.unwrap().iter().map(DiskInfo::name).collect();
    assert_eq!(names, ["C:", ""]);
    assert!(DiskInfo::new("C:\\").is_none());
    // More than three units does not fit the fixed array.
    let bad =
        hex("01000000 00000200 01000000 00000000 01000000 00000000 04000000 4300 3a00 5c00 0000");
    assert!(decode::<DiskEnumContainer>(&bad).is_err());
}

#[test]
fn request_helpers_send_empty_containers() {
    let rq = NetrShareEnumRequest {
        server_name: Some("\\\\FILESRV".into()),
        info_struct: ShareEnumStruct::request(1),
        prefered_maximum_length: MAX_PREFERRED_LENGTH,
        resume_handle: Some(0),
    };
    let b = encode(&rq).unwrap();
    // ServerName: referent 0x20000, then the string; level 1, arm 1, the
    // container pointer, EntriesRead 0 and a NULL Buffer; prefmaxlen, the
    // resume handle pointer and value.
    assert_eq!(
        b,
        hex("00000200 0a000000 00000000 0a000000
             5c005c00 460049004c0045005300520056000000
             01000000 01000000 04000200 00000000 00000000
             ffffffff 08000200 00000000")
    );
    assert_eq!(decode::<NetrShareEnumRequest>(&b).unwrap(), rq);
    assert_eq!(
        SessionEnumStruct::request(7).session_info,
        SessionEnumUnion::Other(7)
    );
}

/// An unknown level survives a round trip as the discriminant alone.
#[test]
fn unknown_levels_are_kept() {
    let rs = NetrServerGetInfoResponse {
        info_struct: ServerInfo::Other(9999),
        status: 0x7c,
    };
    let b = encode(&rs).unwrap();
    assert_eq!(b, hex("0f270000 7c000000"));
    assert_eq!(decode::<NetrServerGetInfoResponse>(&b).unwrap(), rs);
}
