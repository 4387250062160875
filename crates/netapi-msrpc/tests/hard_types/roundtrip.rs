//! Round trips (proptest) and hostile inputs for the hard types.

use netapi_msrpc::dtyp::{ContextHandle, Guid, OldLargeInteger, RpcSid, RpcUnicodeString};
use netapi_ndr::{DecodeErrorKind, Limits, decode, decode_with, encode};
use proptest::prelude::*;

use netapi_msrpc::lsarpc::*;
use netapi_msrpc::samr::*;
use netapi_msrpc::wkssvc::*;

fn ustring() -> impl Strategy<Value = RpcUnicodeString> {
    prop_oneof![
        Just(RpcUnicodeString::null()),
        (proptest::collection::vec(any::<u16>(), 0..12), 0u16..3).prop_map(|(units, spare)| {
            let mut s = RpcUnicodeString::from_units(units).unwrap();
            s.maximum_length += spare * 2;
            s
        }),
    ]
}

fn sid() -> impl Strategy<Value = RpcSid> {
    (
        0u64..(1 << 48),
        proptest::collection::vec(any::<u32>(), 0..=15),
    )
        .prop_map(|(a, subs)| RpcSid::new(a, &subs).unwrap())
}

fn old() -> impl Strategy<Value = OldLargeInteger> {
    any::<i64>().prop_map(OldLargeInteger::from_i64)
}

fn blob() -> impl Strategy<Value = RpcShortBlob> {
    proptest::option::of(proptest::collection::vec(any::<u16>(), 0..10)).prop_map(|b| match b {
        None => RpcShortBlob::default(),
        Some(units) => {
            let n = (units.len() * 2) as u16;
            RpcShortBlob {
                length: n,
                maximum_length: n,
                buffer: Some(units),
            }
        }
    })
}

fn logon_hours() -> impl Strategy<Value = SamprLogonHours> {
    prop_oneof![
        Just(SamprLogonHours::default()),
        (0u16..=10080).prop_flat_map(|units| {
            let n = usize::from(units.div_ceil(8));
            proptest::collection::vec(any::<u8>(), n..=n).prop_map(move |bits| SamprLogonHours {
                units_per_week: units,
                logon_hours: Some(bits),
            })
        }),
    ]
}

fn security_descriptor() -> impl Strategy<Value = SamprSrSecurityDescriptor> {
    proptest::option::of(proptest::collection::vec(any::<u8>(), 0..40)).prop_map(|sd| {
        SamprSrSecurityDescriptor {
            length: sd.as_ref().map_or(0, |v| v.len() as u32),
            security_descriptor: sd,
        }
    })
}

prop_compose! {
    fn user_all()(
        times in proptest::array::uniform6(old()),
        strings in proptest::collection::vec(ustring(), 11),
        lm in blob(), nt in blob(),
        sd in security_descriptor(),
        ids in any::<[u32; 4]>(),
        hours in logon_hours(),
        counts in any::<[u16; 4]>(),
        flags in any::<[u8; 4]>(),
    ) -> SamprUserAllInformation {
        let [a, b, c, d, e, f] = times;
        let mut s = strings.into_iter();
        let mut next = || s.next().unwrap();
        SamprUserAllInformation {
            last_logon: a, last_logoff: b, password_last_set: c, account_expires: d,
            password_can_change: e, password_must_change: f,
            user_name: next(), full_name: next(), home_directory: next(), home_directory_drive: next(),
            script_path: next(), profile_path: next(), admin_comment: next(), work_stations: next(),
            user_comment: next(), parameters: next(),
            lm_owf_password: lm, nt_owf_password: nt,
            private_data: next(),
            security_descriptor: sd,
            user_id: ids[0], primary_group_id: ids[1], user_account_control: ids[2], which_fields: ids[3],
            logon_hours: hours,
            bad_password_count: counts[0], logon_count: counts[1], country_code: counts[2], code_page: counts[3],
            lm_password_present: flags[0], nt_password_present: flags[1], password_expired: flags[2],
            private_data_sensitive: flags[3],
        }
    }
}

fn handle() -> impl Strategy<Value = ContextHandle> {
    (any::<u32>(), any::<[u8; 16]>()).prop_map(|(attributes, b)| ContextHandle {
        attributes,
        uuid: Guid::from_bytes_le(b),
    })
}

fn translated_names() -> impl Strategy<Value = LsaprTranslatedNames> {
    proptest::option::of(proptest::collection::vec(
        (any::<u16>(), ustring(), any::<i32>()).prop_map(|(u, name, domain_index)| {
            LsaprTranslatedName {
                r#use: SidNameUse(u),
                name,
                domain_index,
            }
        }),
        0..5,
    ))
    .prop_map(|names| LsaprTranslatedNames {
        entries: names.as_ref().map_or(0, |n| n.len() as u32),
        names,
    })
}

fn domains() -> impl Strategy<Value = Option<LsaprReferencedDomainList>> {
    proptest::option::of(
        (
            proptest::option::of(proptest::collection::vec(
                (ustring(), proptest::option::of(sid()))
                    .prop_map(|(name, sid)| LsaprTrustInformation { name, sid }),
                0..4,
            )),
            any::<u32>(),
        )
            .prop_map(|(domains, max_entries)| LsaprReferencedDomainList {
                entries: domains.as_ref().map_or(0, |d| d.len() as u32),
                domains,
                max_entries,
            }),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn roundtrip_query_information_user2_l21(all in user_all(), status in any::<u32>()) {
        let v = SamrQueryInformationUser2Response { buffer: Some(SamprUserInfoBuffer::All(Box::new(all))), status };
        let b = encode(&v).unwrap();
        prop_assert_eq!(decode::<SamrQueryInformationUser2Response>(&b).unwrap(), v);
    }

    #[test]
    fn roundtrip_sid_arrays(sids in proptest::collection::vec(proptest::option::of(sid()), 0..8), h in handle()) {
        let infos: Vec<SamprSidInformation> = sids.iter().cloned().map(|sid_pointer| SamprSidInformation { sid_pointer }).collect();
        let v = SamrGetAliasMembershipRequest {
            domain_handle: h,
            sid_array: SamprPsidArray { count: infos.len() as u32, sids: Some(infos) },
        };
        prop_assert_eq!(decode::<SamrGetAliasMembershipRequest>(&encode(&v).unwrap()).unwrap(), v);
        let buf = LsaprSidEnumBuffer {
            entries: sids.len() as u32,
            sid_info: Some(sids.into_iter().map(|sid| LsaprSidInformation { sid }).collect()),
        };
        prop_assert_eq!(decode::<LsaprSidEnumBuffer>(&encode(&buf).unwrap()).unwrap(), buf);
    }

    #[test]
    fn roundtrip_lookup_sids_response(referenced_domains in domains(), translated_names in translated_names(), status in any::<u32>()) {
        let v = LsarLookupSidsResponse { referenced_domains, mapped_count: translated_names.entries, translated_names, status };
        prop_assert_eq!(decode::<LsarLookupSidsResponse>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn roundtrip_wksta_info_502(fields in proptest::collection::vec(any::<u32>(), 35), status in any::<u32>()) {
        let f = |i: usize| fields[i];
        let g = |i: usize| fields[i] as i32;
        let info = WkstaInfo502 {
            char_wait: f(0), collection_time: f(1), maximum_collection_count: f(2), keep_conn: f(3),
            max_cmds: f(4), sess_timeout: f(5), siz_char_buf: f(6), max_threads: f(7), lock_quota: f(8),
            lock_increment: f(9), lock_maximum: f(10), pipe_increment: f(11), pipe_maximum: f(12),
            cache_file_timeout: f(13), dormant_file_limit: f(14), read_ahead_throughput: f(15),
            num_mailslot_buffers: f(16), num_srv_announce_buffers: f(17), max_illegal_datagram_events: f(18),
            illegal_datagram_event_reset_frequency: f(19), log_election_packets: g(20),
            use_opportunistic_locking: g(21), use_unlock_behind: g(22), use_close_behind: g(23),
            buf_named_pipes: g(24), use_lock_read_unlock: g(25), utilize_nt_caching: g(26), use_raw_read: g(27),
            use_raw_write: g(28), use_write_raw_data: g(29), use_encryption: g(30), buf_files_deny_write: g(31),
            buf_read_only_files: g(32), force_core_create_mode: g(33), use_512_byte_max_transfer: g(34),
        };
        let v = NetrWkstaGetInfoResponse { wksta_info: WkstaInfo::L502(Some(info)), status };
        let b = encode(&v).unwrap();
        // disc + refid + 35 DWORDs + status
        prop_assert_eq!(b.len(), 4 + 4 + 35 * 4 + 4);
        prop_assert_eq!(decode::<NetrWkstaGetInfoResponse>(&b).unwrap(), v);
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..512)) {
        let l = Limits::DEFAULT.with_max_alloc_bytes(1 << 16);
        let _ = decode_with::<SamrQueryInformationUser2Response>(&b, l);
        let _ = decode_with::<LsarLookupSidsResponse>(&b, l);
        let _ = decode_with::<LsarLookupNamesRequest>(&b, l);
        let _ = decode_with::<NetrWkstaGetInfoResponse>(&b, l);
        let _ = decode_with::<SamrGetAliasMembershipRequest>(&b, l);
    }
}

#[test]
fn open_user_params_are_handles_and_dwords() {
    let h = ContextHandle {
        attributes: 0,
        uuid: Guid::from_bytes_le([0xab; 16]),
    };
    let rq = SamrOpenUserRequest {
        domain_handle: h,
        desired_access: 0x0200_0000,
        user_id: 500,
    };
    let b = encode(&rq).unwrap();
    assert_eq!(b.len(), 28);
    assert_eq!(&b[20..], &[0, 0, 0, 2, 0xf4, 1, 0, 0]);
    let rs = SamrOpenUserResponse {
        user_handle: h,
        status: 0xc000_0064,
    };
    assert_eq!(
        decode::<SamrOpenUserResponse>(&encode(&rs).unwrap()).unwrap(),
        rs
    );
}

#[test]
fn query_information_class_is_16_bits_in_the_request() {
    let rq = SamrQueryInformationUser2Request {
        user_handle: ContextHandle::NULL,
        user_information_class: UserInformationClass::USER_ALL_INFORMATION,
    };
    let b = encode(&rq).unwrap();
    assert_eq!(b.len(), 22);
    assert_eq!(&b[20..], &[21, 0]);
}

#[test]
fn unknown_user_info_level_is_an_error() {
    // Buffer refid, then discriminant 99: the IDL has no default arm.
    let b = [0, 0, 2, 0, 99, 0, 0, 0, 0, 0, 0, 0];
    let e = decode::<SamrQueryInformationUser2Response>(&b).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::UnknownDiscriminant(99));
}

#[test]
fn unknown_wksta_level_is_kept() {
    let v = NetrWkstaGetInfoResponse {
        wksta_info: WkstaInfo::Other(1010),
        status: 124,
    };
    let b = encode(&v).unwrap();
    assert_eq!(b, [0xf2, 3, 0, 0, 124, 0, 0, 0]);
    assert_eq!(decode::<NetrWkstaGetInfoResponse>(&b).unwrap(), v);
}

#[test]
fn logon_hours_length_must_follow_units_per_week() {
    let lh = SamprLogonHours {
        units_per_week: 168,
        logon_hours: Some(vec![0xff; 21]),
    };
    let mut b = encode(&lh).unwrap();
    // units_per_week | pad | refid | max 1260 | offset 0 | actual 21 | bits
    assert_eq!(
        &b[..20],
        &[
            168, 0, 0, 0, 0, 0, 2, 0, 0xec, 4, 0, 0, 0, 0, 0, 0, 21, 0, 0, 0
        ]
    );
    b[0] = 160; // (160 + 7) / 8 = 20, wire says 21
    let e = decode::<SamprLogonHours>(&b).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::CountMismatch {
            expected: 20,
            found: 21
        }
    );
    assert_eq!((e.ty, e.field), ("SamprLogonHours", "logon_hours"));
    let bad = SamprLogonHours {
        units_per_week: 168,
        logon_hours: Some(vec![0; 20]),
    };
    assert!(encode(&bad).is_err());
}

#[test]
fn security_descriptor_length_is_ranged() {
    let b = [0x01, 0x00, 0x04, 0x00, 0, 0, 0, 0]; // 256 KiB + 1, null pointer
    let e = decode::<SamprSrSecurityDescriptor>(&b).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::OutOfRange {
            value: 256 * 1024 + 1,
            min: 0,
            max: 256 * 1024
        }
    );
}

#[test]
fn sid_array_count_is_ranged() {
    let v = SamprPsidArray {
        count: 1025,
        sids: None,
    };
    assert!(encode(&v).is_err());
    let b = [0x01, 0x04, 0, 0, 0, 0, 0, 0];
    assert!(matches!(
        decode::<SamprPsidArray>(&b).unwrap_err().kind,
        DecodeErrorKind::OutOfRange { .. }
    ));
}

#[test]
fn translated_names_with_huge_count_fail_fast() {
    // Entries in range, max_count 20480 but only a few bytes follow.
    let mut b = Vec::new();
    for v in [20480u32, 0x20000, 20480] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.extend_from_slice(&[0; 12]);
    let e = decode::<LsaprTranslatedNames>(&b).unwrap_err();
    assert!(
        matches!(
            e.kind,
            DecodeErrorKind::CountExceedsInput {
                count: 20480,
                element_min_size: 14,
                ..
            }
        ),
        "{e}"
    );
}
