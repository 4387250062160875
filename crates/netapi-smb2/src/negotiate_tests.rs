//! Tests of NEGOTIATE encoding and parsing ([MS-SMB2] 2.2.3, 2.2.4): Microsoft's published
//! negotiate request body, negotiate contexts, and malformed server answers.

use super::*;
use crate::test_vectors::*;

#[test]
fn encodes_windows_negotiate_request_body() {
    let msg = h(NEG_REQ);
    let guid: [u8; 16] = msg[64 + 12..64 + 28].try_into().unwrap();
    let req = NegotiateRequest {
        security_mode: 0,
        capabilities: 0x3F,
        client_guid: guid,
        dialects: Dialect::ALL.to_vec(),
        contexts: vec![
            NegotiateContext::PreauthIntegrity {
                hash_algorithms: vec![HashAlgorithm::SHA_512],
                salt: h("FA49E6578F1F3A9F4CD3E9CC14A67AA884B3D05844E0E5A118225C15887F32FF"),
            },
            NegotiateContext::Encryption {
                ciphers: vec![Cipher::AES_128_GCM, Cipher::AES_128_CCM],
            },
        ],
    };
    assert_eq!(req.encode(), msg[64..]);
    assert_eq!(NegotiateRequest::parse(&msg).unwrap(), req);
}

#[test]
fn decodes_windows_negotiate_response() {
    let msg = h(NEG_RESP);
    let r = NegotiateResponse::parse(&msg).unwrap();
    assert_eq!(r.dialect, Dialect::SMB3_1_1);
    assert_eq!(r.security_mode, security_mode::SIGNING_ENABLED);
    assert_eq!(r.capabilities, 0x2F);
    assert_eq!(
        (r.max_transact_size, r.max_read_size, r.max_write_size),
        (0x80_0000, 0x80_0000, 0x80_0000)
    );
    assert_eq!(r.security_buffer.len(), 0x140);
    assert_eq!(r.preauth_hash(), Some(HashAlgorithm::SHA_512));
    assert_eq!(r.cipher(), Some(Cipher::AES_128_GCM));
    assert_eq!(r.signing_algorithm(), None);
}

#[test]
fn response_round_trips() {
    let msg = h(NEG_RESP);
    let r = NegotiateResponse::parse(&msg).unwrap();
    let mut again = msg[..64].to_vec();
    again.extend_from_slice(&r.encode());
    assert_eq!(NegotiateResponse::parse(&again).unwrap(), r);
}

#[test]
fn truncated_negotiate_response_never_panics() {
    let msg = h(NEG_RESP);
    for n in 0..msg.len() {
        assert!(NegotiateResponse::parse(&msg[..n]).is_err(), "prefix {n}");
    }
}

#[test]
fn garbled_offsets_and_counts_are_rejected() {
    let msg = h(NEG_RESP);
    // Security buffer offset far past the end.
    let mut bad = msg.clone();
    bad[64 + 56..64 + 58].copy_from_slice(&0xFFF0u16.to_le_bytes());
    assert!(NegotiateResponse::parse(&bad).is_err());
    // Context count above the limit.
    let mut bad = msg.clone();
    bad[64 + 6..64 + 8].copy_from_slice(&1000u16.to_le_bytes());
    assert!(matches!(
        NegotiateResponse::parse(&bad),
        Err(Error::TooLarge { .. })
    ));
    // Context offset past the end.
    let mut bad = msg;
    bad[64 + 60..64 + 64].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(NegotiateResponse::parse(&bad).is_err());
}
