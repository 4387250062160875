//! Hand-encoded NDR 2.0 stubs for the lab tests (little-endian; full/unique pointer referents
//! from 0x00020000). Sources: [MS-SAMR] 3.1.5.1.1 SamrConnect5, 3.1.5.13.1 SamrCloseHandle;
//! [MS-LSAD] 3.1.4.4.1 LsarOpenPolicy2, 3.1.4.9.4 LsarClose; [MS-SRVS] 3.1.4.17
//! NetrServerGetInfo; [MS-WKST] 3.2.4.1 NetrWkstaGetInfo; \[C706\] appendix O ept_lookup.
#![allow(dead_code)]

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::Interface;

pub const SAMR: SyntaxId = netapi_msrpc::samr::Samr::SYNTAX;
pub const LSARPC: SyntaxId = netapi_msrpc::lsarpc::Lsarpc::SYNTAX;
pub const WKSSVC: SyntaxId = netapi_msrpc::wkssvc::Wkssvc::SYNTAX;
pub const SRVSVC: SyntaxId = netapi_msrpc::srvsvc::Srvsvc::SYNTAX;

pub const SAMR_CLOSE_HANDLE: u16 = 1;
pub const SAMR_CONNECT5: u16 = 64;
pub const LSAR_CLOSE: u16 = 0;
pub const LSAR_OPEN_POLICY2: u16 = 44;
pub const NETR_SERVER_GET_INFO: u16 = 21;
/// wkssvc NetrWkstaGetInfo: same request layout as NetrServerGetInfo.
pub const NETR_WKSTA_GET_INFO: u16 = 0;

pub const MAXIMUM_ALLOWED: u32 = 0x0200_0000;
pub const STATUS_ACCESS_DENIED: u32 = 0xc000_0022;
pub const NCA_S_OP_RNG_ERROR: u32 = 0x1c01_0002;

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn align4(out: &mut Vec<u8>) {
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
}

/// `[unique, string] wchar_t*` with referent `referent`: conformant varying UTF-16 string with
/// its terminating NUL.
pub fn unique_wstring(out: &mut Vec<u8>, referent: u32, s: &str) {
    u32le(out, referent);
    let units: Vec<u16> = s.encode_utf16().chain([0]).collect();
    u32le(out, units.len() as u32); // max_count
    u32le(out, 0); // offset
    u32le(out, units.len() as u32); // actual_count
    for u in units {
        out.extend_from_slice(&u.to_le_bytes());
    }
    align4(out);
}

/// SamrConnect5: ServerName, DesiredAccess, InVersion 1, InRevisionInfo V1 {Revision 3,
/// SupportedFeatures 0}.
pub fn samr_connect5(server: &str, access: u32) -> Vec<u8> {
    let mut out = Vec::new();
    unique_wstring(&mut out, 0x0002_0000, server);
    u32le(&mut out, access);
    u32le(&mut out, 1); // InVersion
    u32le(&mut out, 1); // union discriminant
    u32le(&mut out, 3); // Revision
    u32le(&mut out, 0); // SupportedFeatures
    out
}

/// SamrConnect5 response: OutVersion, OutRevisionInfo (tag + V1), ServerHandle, NTSTATUS.
pub fn samr_connect5_reply(stub: &[u8]) -> ([u8; 20], u32) {
    assert_eq!(stub.len(), 40, "SamrConnect5 response size: {stub:02x?}");
    let handle = stub[16..36].try_into().unwrap();
    (handle, u32::from_le_bytes(stub[36..40].try_into().unwrap()))
}

/// LsarOpenPolicy2: SystemName, an empty LSAPR_OBJECT_ATTRIBUTES (Length 24), DesiredAccess.
pub fn lsar_open_policy2(system_name: &str, access: u32) -> Vec<u8> {
    let mut out = Vec::new();
    unique_wstring(&mut out, 0x0002_0000, system_name);
    for v in [24, 0, 0, 0, 0, 0] {
        u32le(&mut out, v); // Length, RootDirectory, ObjectName, Attributes, SD, QoS
    }
    u32le(&mut out, access);
    out
}

/// A 20-byte handle followed by an NTSTATUS (LsarOpenPolicy2, LsarClose, SamrCloseHandle).
pub fn handle_and_status(stub: &[u8]) -> ([u8; 20], u32) {
    assert_eq!(stub.len(), 24, "handle + status: {stub:02x?}");
    (
        stub[..20].try_into().unwrap(),
        u32::from_le_bytes(stub[20..24].try_into().unwrap()),
    )
}

/// ept_lookup (opnum 2): inquiry_type 0 (all), object and Ifid null, vers_option 1, a zero
/// entry handle, max_ents.
pub fn ept_lookup_request(max_ents: u32) -> Vec<u8> {
    let mut out = Vec::new();
    for v in [0, 0, 0, 1] {
        u32le(&mut out, v);
    }
    out.extend_from_slice(&[0; 20]);
    u32le(&mut out, max_ents);
    out
}

/// ept_lookup response: (num_ents, status). Only the counts and the trailing status are read.
pub fn ept_lookup_summary(stub: &[u8]) -> (u32, u32) {
    let num = u32::from_le_bytes(stub[20..24].try_into().unwrap());
    let status = u32::from_le_bytes(stub[stub.len() - 4..].try_into().unwrap());
    (num, status)
}

/// NetrServerGetInfo: ServerName, Level.
pub fn netr_server_get_info(server: &str, level: u32) -> Vec<u8> {
    let mut out = Vec::new();
    unique_wstring(&mut out, 0x0002_0000, server);
    u32le(&mut out, level);
    out
}

/// NetrServerGetInfo level 101 response: (platform_id, name, version major, minor, type,
/// WERROR). Walks SERVER_INFO_101 and its two deferred strings.
pub fn netr_server_get_info_101(stub: &[u8]) -> (u32, String, u32, u32, u32, u32) {
    let rd = |o: usize| u32::from_le_bytes(stub[o..o + 4].try_into().unwrap());
    assert_eq!(rd(0), 101, "union discriminant");
    assert_ne!(rd(4), 0, "InfoStruct pointer");
    let (platform, name_ptr, major, minor, ty, comment_ptr) =
        (rd(8), rd(12), rd(16), rd(20), rd(24), rd(28));
    let mut pos = 32;
    let read_string = |pos: &mut usize| -> String {
        let actual = rd(*pos + 8) as usize;
        let start = *pos + 12;
        let units: Vec<u16> = (0..actual)
            .map(|i| u16::from_le_bytes([stub[start + 2 * i], stub[start + 2 * i + 1]]))
            .collect();
        *pos = (start + 2 * actual + 3) & !3;
        String::from_utf16_lossy(&units)
            .trim_end_matches('\0')
            .to_string()
    };
    let name = if name_ptr != 0 {
        read_string(&mut pos)
    } else {
        String::new()
    };
    if comment_ptr != 0 {
        read_string(&mut pos);
    }
    assert_eq!(pos + 4, stub.len(), "WERROR is the last field");
    (platform, name, major, minor, ty, rd(pos))
}
