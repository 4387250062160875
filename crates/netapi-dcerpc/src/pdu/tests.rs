//! PDU codec tests: byte layouts written out from \[C706\] 12.6 and [MS-RPCE] 2.2.2, round trips,
//! truncation at every length, foreign data representations.

use super::*;
use crate::uuid::{NDR20, SyntaxId, Uuid, bind_time_feature_syntax};

const SAMR: SyntaxId = SyntaxId::new("12345778-1234-abcd-ef00-0123456789ac", 1, 0);

/// NDR 2.0 transfer syntax as it appears on the wire (little-endian UUID fields, version 2).
const NDR20_WIRE: [u8; 20] = [
    0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11, 0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60,
    0x02, 0x00, 0x00, 0x00,
];
/// samr v1.0 abstract syntax on the wire.
const SAMR_WIRE: [u8; 20] = [
    0x78, 0x57, 0x34, 0x12, 0x34, 0x12, 0xcd, 0xab, 0xef, 0x00, 0x01, 0x23, 0x45, 0x67, 0x89, 0xac,
    0x01, 0x00, 0x00, 0x00,
];

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// Decoding `bytes` gives `pdu` (lengths aside), and re-encoding gives `bytes` back.
fn assert_decodes_to(bytes: &[u8], pdu: &Pdu) {
    let got = Pdu::decode(bytes).unwrap();
    assert_eq!(got.body, pdu.body);
    assert_eq!(got.auth, pdu.auth);
    assert_eq!(
        (got.header.ptype, got.header.flags, got.header.call_id),
        (pdu.header.ptype, pdu.header.flags, pdu.header.call_id)
    );
    assert_eq!(usize::from(got.header.frag_length), bytes.len());
    assert_eq!(got.encode().unwrap(), bytes);
}

fn samr_bind() -> Pdu {
    Pdu::new(
        1,
        PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
        Body::Bind(Bind {
            max_xmit_frag: 4280,
            max_recv_frag: 4280,
            assoc_group_id: 0,
            contexts: vec![ContextElement {
                context_id: 0,
                abstract_syntax: SAMR,
                transfer_syntaxes: vec![NDR20],
            }],
        }),
    )
}

#[test]
fn encodes_bind_as_c706_layout() {
    let want = cat(&[
        &[5, 0, 11, 0x03, 0x10, 0, 0, 0], // version 5.0, bind, first|last, LE/ASCII/IEEE
        &[72, 0, 0, 0, 1, 0, 0, 0],       // frag_length 72, auth_length 0, call_id 1
        &[0xb8, 0x10, 0xb8, 0x10, 0, 0, 0, 0], // max_xmit/recv 4280, assoc_group 0
        &[1, 0, 0, 0],                    // n_context_elem 1 + reserved
        &[0, 0, 1, 0],                    // p_cont_id 0, n_transfer_syn 1, reserved
        &SAMR_WIRE,
        &NDR20_WIRE,
    ]);
    let got = samr_bind().encode().unwrap();
    assert_eq!(got, want);
    assert_decodes_to(&got, &samr_bind());
}

#[test]
fn encodes_bind_with_auth_verifier_and_feature_context() {
    let mut pdu = samr_bind();
    pdu.header.flags |= PfcFlags::SUPPORT_HEADER_SIGN;
    if let Body::Bind(b) = &mut pdu.body {
        b.contexts.push(ContextElement {
            context_id: 1,
            abstract_syntax: SAMR,
            transfer_syntaxes: vec![bind_time_feature_syntax(3)],
        });
    }
    pdu.auth = Some(AuthVerifier {
        trailer: SecTrailer {
            auth_type: AuthType::NTLMSSP,
            auth_level: AuthLevel::PKT_PRIVACY,
            pad_length: 0,
            reserved: 0,
            context_id: 1,
        },
        value: b"NTLMSSP\0".to_vec(),
    });
    let got = pdu.encode().unwrap();
    let btfn = cat(&[
        &[
            0x2c, 0x1c, 0xb7, 0x6c, 0x12, 0x98, 0x40, 0x45, 3, 0, 0, 0, 0, 0, 0, 0,
        ],
        &[1, 0, 0, 0],
    ]);
    let want = cat(&[
        &[5, 0, 11, 0x07, 0x10, 0, 0, 0],
        &[132, 0, 8, 0, 1, 0, 0, 0], // 16 + 12 + 2*44 + 8 + 8 = 132, auth_length 8
        &[0xb8, 0x10, 0xb8, 0x10, 0, 0, 0, 0],
        &[2, 0, 0, 0],
        &[0, 0, 1, 0],
        &SAMR_WIRE,
        &NDR20_WIRE,
        &[1, 0, 1, 0],
        &SAMR_WIRE,
        &btfn,
        &[10, 6, 0, 0, 1, 0, 0, 0], // sec_trailer: NTLMSSP, privacy, no pad, context 1
        b"NTLMSSP\0",
    ]);
    assert_eq!(got, want);
    assert_decodes_to(&got, &pdu);
}

fn bind_ack_bytes_le() -> Vec<u8> {
    cat(&[
        &[5, 0, 12, 0x03, 0x10, 0, 0, 0],
        &[92, 0, 0, 0, 1, 0, 0, 0],
        &[0xb8, 0x10, 0xd0, 0x16, 0x45, 0x23, 0x01, 0x00], // xmit 4280, recv 5840, group 0x12345
        &[13, 0],
        b"\\PIPE\\srvsvc\0", // 13 bytes: offset 39
        &[0],                // pad to 40
        &[2, 0, 0, 0],
        &[0, 0, 0, 0], // acceptance
        &NDR20_WIRE,
        &[3, 0, 3, 0], // negotiate_ack, bitmask 3
        &[0; 20],
    ])
}

fn expected_bind_ack() -> BindAck {
    BindAck {
        max_xmit_frag: 4280,
        max_recv_frag: 5840,
        assoc_group_id: 0x12345,
        secondary_address: b"\\PIPE\\srvsvc\0".to_vec(),
        results: vec![
            ContextResult {
                result: ResultCode::ACCEPTANCE,
                reason: 0,
                transfer_syntax: NDR20,
            },
            ContextResult {
                result: ResultCode::NEGOTIATE_ACK,
                reason: 3,
                transfer_syntax: SyntaxId {
                    uuid: Uuid::NIL,
                    major: 0,
                    minor: 0,
                },
            },
        ],
    }
}

#[test]
fn decodes_bind_ack_little_endian() {
    let bytes = bind_ack_bytes_le();
    assert_eq!(bytes.len(), 92);
    let pdu = Pdu::decode(&bytes).unwrap();
    assert_eq!(pdu.header.call_id, 1);
    assert_eq!(pdu.body, Body::BindAck(expected_bind_ack()));
    assert_eq!(pdu.encode().unwrap(), bytes);
}

#[test]
fn decodes_bind_ack_big_endian_header_fields() {
    let mut ndr_be = NDR20_WIRE;
    ndr_be[..4].reverse();
    ndr_be[4..6].reverse();
    ndr_be[6..8].reverse();
    ndr_be[16..20].reverse();
    let bytes = cat(&[
        &[5, 0, 12, 0x03, 0x00, 0, 0, 0], // integer representation 0: big-endian
        &[0, 92, 0, 0, 0, 0, 0, 1],
        &[0x10, 0xb8, 0x16, 0xd0, 0x00, 0x01, 0x23, 0x45],
        &[0, 13],
        b"\\PIPE\\srvsvc\0",
        &[0],
        &[2, 0, 0, 0],
        &[0, 0, 0, 0],
        &ndr_be,
        &[0, 3, 0, 3],
        &[0; 20],
    ]);
    let pdu = Pdu::decode(&bytes).unwrap();
    assert_eq!(pdu.header.frag_length, 92);
    assert_eq!(pdu.header.call_id, 1);
    assert_eq!(pdu.body, Body::BindAck(expected_bind_ack()));
}

#[test]
fn decodes_bind_nak_with_reason_and_versions() {
    let bytes = cat(&[
        &[5, 0, 13, 0x03, 0x10, 0, 0, 0],
        &[21, 0, 0, 0, 7, 0, 0, 0],
        &[4, 0, 1, 5, 0],
    ]);
    let pdu = Pdu::decode(&bytes).unwrap();
    let Body::BindNak(nak) = &pdu.body else {
        panic!("{pdu:?}")
    };
    assert_eq!(nak.reason, RejectReason::PROTOCOL_VERSION_NOT_SUPPORTED);
    assert_eq!(nak.versions, vec![(5, 0)]);
    assert!(nak.extension.is_empty());
    assert_eq!(pdu.encode().unwrap(), bytes);
    assert_eq!(format!("{:?}", RejectReason(42)), "RejectReason(0x2a)");
    assert_eq!(
        format!("{:?}", RejectReason(8)),
        "AUTHENTICATION_TYPE_NOT_RECOGNIZED"
    );
}

#[test]
fn encodes_request_with_and_without_object() {
    let req = Pdu::new(
        7,
        PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
        Body::Request(Request {
            alloc_hint: 4,
            context_id: 2,
            opnum: 64,
            object: None,
            stub: vec![0xde, 0xad, 0xbe, 0xef],
        }),
    );
    let want = cat(&[
        &[5, 0, 0, 0x03, 0x10, 0, 0, 0],
        &[28, 0, 0, 0, 7, 0, 0, 0],
        &[4, 0, 0, 0, 2, 0, 64, 0],
        &[0xde, 0xad, 0xbe, 0xef],
    ]);
    assert_eq!(req.encode().unwrap(), want);
    assert_decodes_to(&want, &req);

    let obj = Uuid::from_str_const("00112233-4455-6677-8899-aabbccddeeff");
    let mut with = req.clone();
    if let Body::Request(r) = &mut with.body {
        r.object = Some(obj);
    }
    let bytes = with.encode().unwrap();
    assert_eq!(bytes[3], 0x83, "PFC_OBJECT_UUID set");
    assert_eq!(&bytes[24..40], &obj.to_le_bytes());
    let back = Pdu::decode(&bytes).unwrap();
    let Body::Request(r) = back.body else {
        panic!()
    };
    assert_eq!(r.object, Some(obj));
    assert_eq!(r.stub, vec![0xde, 0xad, 0xbe, 0xef]);
}

#[test]
fn decodes_response_and_fault() {
    let resp = cat(&[
        &[5, 0, 2, 0x03, 0x10, 0, 0, 0],
        &[28, 0, 0, 0, 9, 0, 0, 0],
        &[4, 0, 0, 0, 1, 0, 0, 0],
        &[1, 2, 3, 4],
    ]);
    let pdu = Pdu::decode(&resp).unwrap();
    assert_eq!(
        pdu.body,
        Body::Response(Response {
            alloc_hint: 4,
            context_id: 1,
            cancel_count: 0,
            stub: vec![1, 2, 3, 4]
        })
    );
    assert_eq!(pdu.encode().unwrap(), resp);

    let fault = cat(&[
        &[5, 0, 3, 0x23, 0x10, 0, 0, 0], // first|last|did_not_execute
        &[32, 0, 0, 0, 9, 0, 0, 0],
        &[0, 0, 0, 0, 1, 0, 0, 0],
        &[0x02, 0x00, 0x01, 0x1c], // nca_s_op_rng_error
        &[0, 0, 0, 0],
    ]);
    let pdu = Pdu::decode(&fault).unwrap();
    let Body::Fault(f) = &pdu.body else { panic!() };
    assert_eq!(f.status, 0x1c01_0002);
    assert!(pdu.header.flags.contains(PfcFlags::DID_NOT_EXECUTE));
    assert_eq!(pdu.encode().unwrap(), fault);
}

#[test]
fn encodes_auth3_shutdown_cancel_orphaned() {
    let mut auth3 = Pdu::new(1, PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG, Body::Auth3);
    auth3.auth = Some(AuthVerifier {
        trailer: SecTrailer {
            auth_type: AuthType::NTLMSSP,
            auth_level: AuthLevel::PKT_INTEGRITY,
            pad_length: 0,
            reserved: 0,
            context_id: 1,
        },
        value: vec![0xaa; 4],
    });
    let want = cat(&[
        &[5, 0, 16, 0x03, 0x10, 0, 0, 0],
        &[32, 0, 4, 0, 1, 0, 0, 0],
        &[0, 0, 0, 0], // pad
        &[10, 5, 0, 0, 1, 0, 0, 0],
        &[0xaa; 4],
    ]);
    assert_eq!(auth3.encode().unwrap(), want);
    assert_decodes_to(&want, &auth3);

    for (body, ptype) in [
        (Body::Shutdown, 17u8),
        (Body::CoCancel, 18),
        (Body::Orphaned, 19),
    ] {
        let pdu = Pdu::new(5, PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG, body);
        let bytes = pdu.encode().unwrap();
        assert_eq!(
            bytes,
            cat(&[
                &[5, 0, ptype, 0x03, 0x10, 0, 0, 0],
                &[16, 0, 0, 0, 5, 0, 0, 0]
            ])
        );
        assert_decodes_to(&bytes, &pdu);
    }
}

#[test]
fn auth_padding_is_stripped_from_the_stub() {
    // 5 stub bytes + 11 pad bytes = 16, then trailer and a 16-byte signature.
    let bytes = cat(&[
        &[5, 0, 2, 0x03, 0x10, 0, 0, 0],
        &[64, 0, 16, 0, 3, 0, 0, 0],
        &[5, 0, 0, 0, 0, 0, 0, 0],
        &[1, 2, 3, 4, 5],
        &[0; 11],
        &[10, 5, 11, 0, 1, 0, 0, 0],
        &[0x55; 16],
    ]);
    let pdu = Pdu::decode(&bytes).unwrap();
    let Body::Response(r) = &pdu.body else {
        panic!()
    };
    assert_eq!(r.stub, vec![1, 2, 3, 4, 5]);
    assert_eq!(pdu.auth.as_ref().unwrap().trailer.pad_length, 11);
    assert_eq!(pdu.encode().unwrap(), bytes);
    // A pad length reaching into the header is rejected.
    let mut bad = bytes.clone();
    bad[42] = 60;
    assert!(matches!(
        Pdu::decode(&bad),
        Err(Error::AuthPadLength { pad: 60, .. })
    ));
    // A pad that eats the response fixed part leaves no room for it.
    let mut bad = bytes.clone();
    bad[42] = 24;
    assert!(matches!(Pdu::decode(&bad), Err(Error::Truncated(_))));
}

#[test]
fn every_truncation_of_every_pdu_is_an_error() {
    let mut samples = vec![samr_bind().encode().unwrap(), bind_ack_bytes_le()];
    samples.push(cat(&[
        &[5, 0, 13, 0x03, 0x10, 0, 0, 0],
        &[21, 0, 0, 0, 7, 0, 0, 0],
        &[4, 0, 1, 5, 0],
    ]));
    for s in &samples {
        for cut in 0..s.len() {
            // The raw prefix, and the prefix with frag_length claiming it is complete.
            assert!(Pdu::decode(&s[..cut]).is_err(), "prefix {cut} of {s:02x?}");
            if cut >= 16 {
                let mut p = s[..cut].to_vec();
                p[8..10].copy_from_slice(&(cut as u16).to_le_bytes());
                let r = Pdu::decode(&p);
                if s[2] != 13 {
                    assert!(r.is_err(), "relabelled prefix {cut}: {r:?}");
                }
            }
        }
    }
}

#[test]
fn rejects_trailing_bytes_versions_and_lengths() {
    let mut b = samr_bind().encode().unwrap();
    b.push(0);
    assert!(matches!(Pdu::decode(&b), Err(Error::Malformed(_))));
    b[8] = 73; // frag_length covers the extra byte: trailing bytes inside the bind body
    assert!(matches!(Pdu::decode(&b), Err(Error::Malformed(_))));

    let mut v = samr_bind().encode().unwrap();
    v[0] = 4;
    assert!(matches!(
        Pdu::decode(&v),
        Err(Error::UnsupportedVersion { major: 4, minor: 0 })
    ));
    v[0] = 5;
    v[1] = 2;
    assert!(matches!(
        Pdu::decode(&v),
        Err(Error::UnsupportedVersion { .. })
    ));

    let short = cat(&[
        &[5, 0, 2, 0x03, 0x10, 0, 0, 0],
        &[20, 0, 0, 0, 1, 0, 0, 0],
        &[0; 4],
    ]);
    assert!(matches!(
        Pdu::decode(&short),
        Err(Error::FragTooShort {
            frag_length: 20,
            min: 24
        })
    ));
    let tiny = cat(&[&[5, 0, 2, 0x03, 0x10, 0, 0, 0], &[8, 0, 0, 0, 1, 0, 0, 0]]);
    assert!(matches!(Pdu::decode(&tiny[..8]), Err(Error::Truncated(_))));
    assert!(matches!(
        Pdu::decode(&tiny),
        Err(Error::Malformed(_) | Error::FragTooShort { .. })
    ));

    let mut big_auth = cat(&[
        &[5, 0, 2, 0x03, 0x10, 0, 0, 0],
        &[32, 0, 0xff, 0, 1, 0, 0, 0],
        &[0; 16],
    ]);
    assert!(matches!(Pdu::decode(&big_auth), Err(Error::Malformed(_))));
    big_auth[2] = 1; // connectionless ping
    big_auth[10] = 0;
    assert!(matches!(
        Pdu::decode(&big_auth),
        Err(Error::UnexpectedPdu { ptype: 1, .. })
    ));
}

#[test]
fn stub_in_foreign_representation_is_rejected() {
    let be = cat(&[
        &[5, 0, 2, 0x03, 0x00, 0, 0, 0],
        &[0, 28, 0, 0, 0, 0, 0, 1],
        &[0; 12],
    ]);
    assert!(matches!(
        Pdu::decode(&be),
        Err(Error::UnsupportedDataRep([0, 0, 0, 0]))
    ));
    let ebcdic = cat(&[
        &[5, 0, 2, 0x03, 0x11, 0, 0, 0],
        &[28, 0, 0, 0, 1, 0, 0, 0],
        &[0; 12],
    ]);
    assert!(matches!(
        Pdu::decode(&ebcdic),
        Err(Error::UnsupportedDataRep(_))
    ));
    let vax = cat(&[
        &[5, 0, 0, 0x03, 0x10, 1, 0, 0],
        &[28, 0, 0, 0, 1, 0, 0, 0],
        &[0; 12],
    ]);
    assert!(matches!(
        Pdu::decode(&vax),
        Err(Error::UnsupportedDataRep(_))
    ));
    let unknown = cat(&[
        &[5, 0, 2, 0x03, 0x20, 0, 0, 0],
        &[28, 0, 0, 0, 1, 0, 0, 0],
        &[0; 12],
    ]);
    assert!(matches!(
        Pdu::decode(&unknown),
        Err(Error::UnsupportedDataRep(_))
    ));
    // A big-endian fault is fine: only header-like fields.
    let fault = cat(&[
        &[5, 0, 3, 0x03, 0x00, 0, 0, 0],
        &[0, 32, 0, 0, 0, 0, 0, 9],
        &[0; 8],
        &[0, 0, 0, 5],
        &[0; 4],
    ]);
    let Body::Fault(f) = Pdu::decode(&fault).unwrap().body else {
        panic!()
    };
    assert_eq!(f.status, 5);
}

#[test]
fn flags_and_types_print_their_names() {
    assert_eq!(format!("{:?}", PacketType::BIND_ACK), "BIND_ACK");
    assert_eq!(format!("{:?}", PacketType(99)), "PacketType(0x63)");
    assert_eq!(
        format!("{:?}", PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG),
        "FIRST_FRAG|LAST_FRAG"
    );
    assert_eq!(format!("{:?}", PfcFlags(0)), "(none)");
    assert_eq!(format!("{:?}", AuthType::NTLMSSP), "NTLMSSP");
    assert_eq!(format!("{:?}", DataRep::NDR_LE), "DataRep(10 00 00 00)");
}

#[test]
fn context_without_transfer_syntaxes_is_refused() {
    // Found by the `dcerpc_pdu` fuzz target: an alter_context whose second context lists no
    // transfer syntax decoded, but the encoder refuses it (decode → encode round trip).
    let crash = cat(&[
        &[5, 0, 14, 3, 0x10, 0, 0, 0, 0x74, 0, 0, 0, 2, 0, 0, 0],
        &[0xb8, 0x10, 0xb8, 0x10, 0, 0, 0, 0, 2, 0, 0, 0, 5, 0, 2, 0],
        &[
            0x10, 0, 0, 0, 0x70, 0x16, 0xd3, 0x01, 0x12, 0x78, 0x5a, 0x47, 0xbf, 0x6e, 0xe1, 0x88,
        ],
        &[
            3, 0, 0, 0, 0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11, 0x9f, 0xe8, 0x08, 0x00,
        ],
        &[
            0x2b, 0x10, 0x48, 0x60, 2, 0x3e, 0, 0, 0, 0, 0, 0, 0, 0x4f, 0x32, 0x4b,
        ],
        &[
            0x70, 0x16, 0xd3, 0x01, 0x12, 0x78, 0x5a, 0x47, 0xbf, 0x6e, 0xe1, 0x88, 3, 0, 0, 0,
        ],
        &[
            0x2c, 0x1c, 0xb7, 0x6c, 0x12, 0x98, 0x40, 0x01, 0, 0, 1, 0, 0, 0x22, 0x22, 0,
        ],
        &[1, 0, 0, 0],
    ]);
    assert!(matches!(Pdu::decode(&crash), Err(Error::Malformed(_))));
}
