use super::*;
use netapi_ndr::{decode, encode};

#[test]
fn use_info_2_is_use_info_1_then_the_names() {
    // The embedded USE_INFO_1 is its members in place: the same inline bytes and referents.
    let u2 = UseInfo2 {
        local: None,
        remote: Some("\\\\s\\IPC$".into()),
        password: None,
        status: use_status::USE_OK,
        asg_type: UseAsgType::USE_IPC,
        refcount: 1,
        usecount: 2,
        username: Some("u".into()),
        domainname: Some("D".into()),
    };
    let b2 = encode(&u2).unwrap();
    let u1 = UseInfo1 {
        local: None,
        remote: u2.remote.clone(),
        password: None,
        status: 0,
        asg_type: UseAsgType::USE_IPC,
        refcount: 1,
        usecount: 2,
    };
    let b1 = encode(&u1).unwrap();
    assert_eq!(b2[..28], b1[..28], "the USE_INFO_1 members");
    assert_eq!(decode::<UseInfo2>(&b2).unwrap(), u2);
}

#[test]
fn join_enums_are_16_bits_and_the_password_is_524_bytes() {
    assert_eq!(
        encode(&NetSetupNameType::NetSetupDnsMachine).unwrap(),
        [5, 0]
    );
    let p = JoinprEncryptedUserPassword::default();
    assert_eq!(encode(&p).unwrap().len(), 524);
    assert_eq!(format!("{p:?}"), "JoinprEncryptedUserPassword(524 bytes)");
}
