//! Unit tests: the interface table, constants and hand-checked wire forms.

use netapi_ndr::{DecodeErrorKind, decode, encode};

use super::*;
use crate::dtyp::{ContextHandle, OldLargeInteger, RpcUnicodeString};
use crate::{Call, Interface, Response, StatusKind};

fn hex(s: &str) -> Vec<u8> {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    d.chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

#[test]
fn interface_constants() {
    assert_eq!(
        format!("{:?}", Samr::SYNTAX),
        "12345778-1234-abcd-ef00-0123456789ac v1.0"
    );
    assert_eq!((Samr::PIPE, Samr::NAME), ("samr", "samr"));
    assert_eq!(OPNUMS.len(), 48);
    assert_eq!(Samr::opnum_name(3), Some("SamrQuerySecurityObject"));
    assert_eq!(Samr::opnum_name(64), Some("SamrConnect5"));
    assert_eq!(Samr::opnum_name(12), None);
    assert_eq!(<SamrValidatePasswordRequest as Call>::OPNUM, 67);
    assert_eq!(
        <SamrCreateUser2InDomainRequest as Call>::NAME,
        "SamrCreateUser2InDomain"
    );
    assert_eq!(
        <SamrCloseHandleResponse as Response>::STATUS_KIND,
        StatusKind::NtStatus
    );
    let r = SamrDeleteUserResponse {
        user_handle: ContextHandle::default(),
        status: 0xC000_0064,
    };
    assert_eq!(r.status(), 0xC000_0064);
}

#[test]
fn constants() {
    assert_eq!(builtin_domain_sid().to_string(), "S-1-5-32");
    assert_eq!(
        builtin_domain_sid()
            .with_rid(rid::DOMAIN_ALIAS_RID_ADMINS)
            .unwrap()
            .to_string(),
        "S-1-5-32-544"
    );
    // The generic mappings are unions of the specific rights (2.2.1.3–2.2.1.7).
    assert_eq!(access::DOMAIN_ALL_ACCESS & 0x7ff, 0x7ff);
    assert_eq!(access::USER_ALL_ACCESS, 0x000F_0000 | 0x7ff);
    assert_eq!(
        se_group::SE_GROUP_DEFAULT,
        se_group::SE_GROUP_MANDATORY
            | se_group::SE_GROUP_ENABLED_BY_DEFAULT
            | se_group::SE_GROUP_ENABLED
    );
    // Every USER_ALL_* bit is one field, and none is in the undefined mask.
    let bits = [
        user_all::USER_ALL_USERNAME,
        user_all::USER_ALL_FULLNAME,
        user_all::USER_ALL_USERID,
        user_all::USER_ALL_PRIMARYGROUPID,
        user_all::USER_ALL_ADMINCOMMENT,
        user_all::USER_ALL_USERCOMMENT,
        user_all::USER_ALL_HOMEDIRECTORY,
        user_all::USER_ALL_HOMEDIRECTORYDRIVE,
        user_all::USER_ALL_SCRIPTPATH,
        user_all::USER_ALL_PROFILEPATH,
        user_all::USER_ALL_WORKSTATIONS,
        user_all::USER_ALL_LASTLOGON,
        user_all::USER_ALL_LASTLOGOFF,
        user_all::USER_ALL_LOGONHOURS,
        user_all::USER_ALL_BADPASSWORDCOUNT,
        user_all::USER_ALL_LOGONCOUNT,
        user_all::USER_ALL_PASSWORDCANCHANGE,
        user_all::USER_ALL_PASSWORDMUSTCHANGE,
        user_all::USER_ALL_PASSWORDLASTSET,
        user_all::USER_ALL_ACCOUNTEXPIRES,
        user_all::USER_ALL_USERACCOUNTCONTROL,
        user_all::USER_ALL_PARAMETERS,
        user_all::USER_ALL_COUNTRYCODE,
        user_all::USER_ALL_CODEPAGE,
        user_all::USER_ALL_NTPASSWORDPRESENT,
        user_all::USER_ALL_LMPASSWORDPRESENT,
        user_all::USER_ALL_PRIVATEDATA,
        user_all::USER_ALL_PASSWORDEXPIRED,
        user_all::USER_ALL_SECURITYDESCRIPTOR,
    ];
    assert_eq!(bits.iter().fold(0, |a, b| a | b), 0x1FFF_FFFF);
    assert!(
        bits.iter()
            .all(|b| b.is_power_of_two() && b & user_all::USER_ALL_UNDEFINED_MASK == 0)
    );
    assert_eq!(
        format!("{:?}", UserInformationClass(25)),
        "USER_INTERNAL4_INFORMATION_NEW"
    );
    assert_eq!(
        format!("{:?}", DomainInformationClass(10)),
        "DomainInformationClass(0xa)"
    );
}

/// `Names` is `[size_is(1000), length_is(Count)]`: `max_count` 1000 whatever the count.
#[test]
fn lookup_names_is_conformant_varying() {
    let rq = SamrLookupNamesInDomainRequest {
        domain_handle: ContextHandle::default(),
        count: 1,
        names: vec![RpcUnicodeString::new("ab").unwrap()],
    };
    let b = encode(&rq).unwrap();
    assert_eq!(
        b,
        hex("00000000 00000000000000000000000000000000
             01000000 e8030000 00000000 01000000
             0400 0400 00000200
             02000000 00000000 02000000 6100 6200")
    );
    assert_eq!(decode::<SamrLookupNamesInDomainRequest>(&b).unwrap(), rq);
    // A count over the IDL's range fails before anything is read.
    let mut bad = b.clone();
    bad[20..24].copy_from_slice(&1001u32.to_le_bytes());
    let e = decode::<SamrLookupNamesInDomainRequest>(&bad).unwrap_err();
    assert!(
        matches!(e.kind, DecodeErrorKind::OutOfRange { value: 1001, .. }),
        "{e}"
    );
}

/// `ms_union`: a domain information arm starts on an 8-byte boundary after the 16-bit class
/// (the lockout arms hold hypers), as Samba pads class 1.
#[test]
fn domain_info_arms_are_aligned_to_8() {
    let rs = SamrQueryInformationDomainResponse {
        buffer: Some(SamprDomainInfoBuffer::Password(DomainPasswordInformation {
            min_password_length: 7,
            password_history_length: 24,
            password_properties: password_properties::DOMAIN_PASSWORD_COMPLEX,
            max_password_age: OldLargeInteger::from_i64(i64::MIN),
            min_password_age: OldLargeInteger::from_i64(0),
        })),
        status: 0,
    };
    let b = encode(&rs).unwrap();
    assert_eq!(
        b,
        hex("00000200 0100 0000 0700 1800 01000000 00000000 00000080 00000000 00000000 00000000")
    );
    assert_eq!(
        decode::<SamrQueryInformationDomainResponse>(&b).unwrap(),
        rs
    );
    assert_eq!(
        rs.buffer.unwrap().class(),
        DomainInformationClass::DOMAIN_PASSWORD_INFORMATION
    );
}

/// The password buffers are fixed arrays: no counts on the wire.
#[test]
fn encrypted_passwords_are_fixed_arrays() {
    let rq = SamrSetInformationUser2Request {
        user_handle: ContextHandle::default(),
        user_information_class: UserInformationClass::USER_INTERNAL5_INFORMATION_NEW,
        buffer: SamprUserInfoBuffer::Internal5New(Box::new(SamprUserInternal5InformationNew {
            user_password: SamprEncryptedUserPasswordNew {
                buffer: [0xab; ENCRYPTED_USER_PASSWORD_NEW_LEN],
            },
            password_expired: 1,
        })),
    };
    let b = encode(&rq).unwrap();
    // handle, class, class again (the union's discriminant), 532 bytes, the flag.
    assert_eq!(b.len(), 20 + 2 + 2 + 532 + 1);
    assert_eq!(b[20..24], [26, 0, 26, 0]);
    assert_eq!(decode::<SamrSetInformationUser2Request>(&b).unwrap(), rq);
    // A class that does not match the arm is refused on encode.
    let mut wrong = rq.clone();
    wrong.user_information_class = UserInformationClass::USER_INTERNAL5_INFORMATION;
    assert!(encode(&wrong).is_err());
}

/// An information class the crate does not list cannot be decoded (the IDL has no default arm).
#[test]
fn unknown_class_is_an_error() {
    // buffer pointer, class 22 (not in USER_INFORMATION_CLASS), then a status.
    let b = hex("00000200 1600 0000 00000000");
    assert!(decode::<SamrQueryInformationUserResponse>(&b).is_err());
}

/// Server-chosen counts the IDL leaves open are capped by MAX_ENTRIES before allocating.
#[test]
fn server_counts_are_bounded() {
    let b = hex("00000200 ffffffff 04000200 ffffffff");
    let e = decode::<SamprUlongArray>(&b[4..]).unwrap_err();
    assert!(
        matches!(e.kind, DecodeErrorKind::OutOfRange { max, .. } if max == i128::from(MAX_ENTRIES)),
        "{e}"
    );
    let e = decode::<SamprEnumerationBuffer>(&hex("01001000 04000200 01001000")).unwrap_err();
    assert!(matches!(e.kind, DecodeErrorKind::OutOfRange { .. }), "{e}");
}
