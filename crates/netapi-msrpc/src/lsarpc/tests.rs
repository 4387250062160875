//! Unit tests: the interface table and hand-checked wire forms.

use netapi_ndr::{decode, encode};

use super::*;
use crate::dtyp::{ContextHandle, RpcUnicodeString};
use crate::{Call, Interface};

fn hex(s: &str) -> Vec<u8> {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    d.chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

#[test]
fn interface_constants() {
    assert_eq!(
        format!("{:?}", Lsarpc::SYNTAX),
        "12345778-1234-abcd-ef00-0123456789ab v0.0"
    );
    assert_eq!(OPNUMS.len(), 12);
    assert_eq!(Lsarpc::opnum_name(77), Some("LsarLookupNames4"));
    assert_eq!(<LsarOpenPolicy2Request as Call>::OPNUM, 44);
    assert_eq!(
        access::POLICY_LOOKUP_NAMES | access::POLICY_VIEW_LOCAL_INFORMATION,
        0x801
    );
}

/// Zeroed object attributes, as clients send them: a length and five NULL pointers.
#[test]
fn open_policy2_request() {
    let rq = LsarOpenPolicy2Request {
        system_name: Some("\\\\x".into()),
        object_attributes: LsaprObjectAttributes::default(),
        desired_access: access::MAXIMUM_ALLOWED,
    };
    let b = encode(&rq).unwrap();
    assert_eq!(
        b,
        hex("00000200 04000000 00000000 04000000 5c005c00 78000000
             00000000 00000000 00000000 00000000 00000000 00000000
             00000002")
    );
    assert_eq!(decode::<LsarOpenPolicy2Request>(&b).unwrap(), rq);
}

/// `DomainName` is a unique pointer to a unique pointer: `Some(None)` is a referent id and
/// then a NULL inner pointer.
#[test]
fn get_user_name_nested_pointer() {
    let mut rq = LsarGetUserNameRequest {
        system_name: None,
        user_name: None,
        domain_name: Some(None),
    };
    assert_eq!(
        encode(&rq).unwrap(),
        hex("00000000 00000000 00000200 00000000")
    );
    rq.domain_name = None;
    assert_eq!(encode(&rq).unwrap(), hex("00000000 00000000 00000000"));
    let rs = LsarGetUserNameResponse {
        user_name: Some(RpcUnicodeString::new("u").unwrap()),
        domain_name: Some(Some(RpcUnicodeString::new("D").unwrap())),
        status: 0,
    };
    let b = encode(&rs).unwrap();
    assert_eq!(
        b,
        hex(
            "00000200 0200 0200 04000200 01000000 00000000 01000000 7500 0000
             08000200 0c000200 0200 0200 10000200 01000000 00000000 01000000 4400 0000
             00000000"
        )
    );
    assert_eq!(decode::<LsarGetUserNameResponse>(&b).unwrap(), rs);
}

/// The ACL's byte count includes its 4-byte header; a smaller one cannot be encoded.
#[test]
fn acl_size_counts_the_header() {
    let acl = LsaprAcl {
        acl_revision: 2,
        sbz1: 0,
        acl_size: 6,
        dummy1: vec![1, 2],
    };
    let b = encode(&acl).unwrap();
    assert_eq!(b, hex("02000000 02 00 0600 0102"));
    assert_eq!(decode::<LsaprAcl>(&b).unwrap(), acl);
    let bad = LsaprAcl {
        acl_size: 2,
        dummy1: vec![],
        ..acl
    };
    assert!(encode(&bad).is_err());
    // Nor decoded: a size below the header is refused before the array is read.
    assert!(decode::<LsaprAcl>(&hex("00000000 02 00 0000")).is_err());
}

#[test]
fn close_round_trips() {
    let rs = LsarCloseResponse {
        object_handle: ContextHandle::default(),
        status: 0,
    };
    assert_eq!(
        decode::<LsarCloseResponse>(&encode(&rs).unwrap()).unwrap(),
        rs
    );
}
