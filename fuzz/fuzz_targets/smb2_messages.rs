//! `smb2_messages`: the SMB2 message parsers of `netapi_smb2` on one arbitrary message: the
//! header, every response body the client decodes (NEGOTIATE with its contexts, SESSION_SETUP,
//! TREE_CONNECT, CREATE, CLOSE, READ, WRITE, IOCTL, VALIDATE_NEGOTIATE_INFO, ERROR, the 4-byte
//! bodies), the TRANSFORM_HEADER and decryption under each cipher, signature verification under
//! each algorithm, Direct TCP framing in arbitrary splits, and the request parsers the test
//! peers use ([MS-SMB2] 2.1, 2.2).
//!
//! The first input byte picks the parser (and, for framing, the split sizes); the rest is the
//! message, header included. Properties: no panic, bounded memory; where an encoder exists,
//! a parsed value re-encoded behind the same header parses to an equal value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::{alloc, alloc_budget, splits};
use netapi_smb2::create::{
    CreateRequest, CreateResponse, parse_close_request, parse_close_response,
};
use netapi_smb2::encryption::{Sealer, TransformHeader};
use netapi_smb2::error_response::ErrorResponse;
use netapi_smb2::framing::{FrameDecoder, MAX_FRAME_LEN};
use netapi_smb2::header::{HEADER_LEN, Header};
use netapi_smb2::ioctl::{IoctlRequest, IoctlResponse, ValidateNegotiateInfo};
use netapi_smb2::negotiate::{NegotiateRequest, NegotiateResponse};
use netapi_smb2::read_write::{
    ReadRequest, ReadResponse, WriteRequest, parse_write_response, write_response,
};
use netapi_smb2::session_setup::{SessionSetupRequest, SessionSetupResponse, parse_empty_body};
use netapi_smb2::signing::Signer;
use netapi_smb2::tree::{TreeConnectRequest, TreeConnectResponse};
use netapi_smb2::{Cipher, SigningAlgorithm};

/// `parse(msg)`, and when it succeeds `parse(header ++ encode(value)) == value`.
fn round_trip<T: PartialEq + std::fmt::Debug>(
    what: &str,
    msg: &[u8],
    parse: impl Fn(&[u8]) -> netapi_smb2::Result<T>,
    encode: impl Fn(&T) -> Option<Vec<u8>>,
) {
    let Ok(v) = parse(msg) else { return };
    let Some(body) = encode(&v) else { return };
    let mut again = msg[..HEADER_LEN].to_vec();
    again.extend_from_slice(&body);
    match parse(&again) {
        Ok(w) => assert_eq!(v, w, "{what}: parse(encode(v)) != v"),
        Err(e) => panic!("{what}: re-encoded body does not parse: {e}\n{v:?}"),
    }
}

fn run(sel: u8, msg: &[u8]) {
    match sel % 22 {
        0 => {
            if let Ok(h) = Header::parse(msg) {
                let mut out = Vec::new();
                h.encode(&mut out);
                assert_eq!(out.len(), HEADER_LEN);
                assert_eq!(Header::parse(&out).expect("re-encoded header"), h);
            }
        }
        1 => round_trip("NEGOTIATE response", msg, NegotiateResponse::parse, |v| {
            Some(v.encode())
        }),
        2 => round_trip(
            "SESSION_SETUP response",
            msg,
            SessionSetupResponse::parse,
            |v| Some(v.encode()),
        ),
        3 => round_trip(
            "TREE_CONNECT response",
            msg,
            TreeConnectResponse::parse,
            |v| Some(v.encode()),
        ),
        4 => round_trip("CREATE response", msg, CreateResponse::parse, |v| {
            Some(v.encode())
        }),
        5 => {
            let _ = parse_close_response(msg);
        }
        6 => round_trip("READ response", msg, ReadResponse::parse, |v| {
            Some(v.encode())
        }),
        7 => round_trip("WRITE response", msg, parse_write_response, |n| {
            Some(write_response(*n))
        }),
        8 => round_trip("IOCTL response", msg, IoctlResponse::parse, |v| {
            Some(v.encode())
        }),
        9 => {
            if let Ok(v) = ValidateNegotiateInfo::parse(msg) {
                assert_eq!(
                    ValidateNegotiateInfo::parse(&v.encode()).expect("re-encoded"),
                    v
                );
            }
        }
        10 => {
            let v = ErrorResponse::parse_lenient(msg);
            if msg.len() >= HEADER_LEN && v != ErrorResponse::default() {
                let mut again = msg[..HEADER_LEN].to_vec();
                again.extend_from_slice(&v.encode());
                assert_eq!(ErrorResponse::parse_lenient(&again), v);
            }
        }
        11 => {
            let _ = parse_empty_body(msg, "empty body");
        }
        12..=15 => {
            let _ = TransformHeader::parse(msg);
            let (cipher, key_len) = [
                (Cipher::AES_128_CCM, 16),
                (Cipher::AES_128_GCM, 16),
                (Cipher::AES_256_CCM, 32),
                (Cipher::AES_256_GCM, 32),
            ][usize::from(sel % 22 - 12)];
            let sealer = Sealer::new(cipher, &vec![0x42; key_len]).expect("key length");
            if let Ok((th, plain)) = sealer.decrypt(msg) {
                // Only a frame sealed under this key opens; a fuzzer cannot make one.
                assert_eq!(th.original_message_size as usize, plain.len());
            }
        }
        16 => {
            let mut m = msg.to_vec();
            for alg in [
                SigningAlgorithm::HMAC_SHA256,
                SigningAlgorithm::AES_CMAC,
                SigningAlgorithm::AES_GMAC,
            ] {
                let _ = Signer::new(alg, &[0x42; 16]).verify(&mut m);
                assert_eq!(m, msg, "verify changed the message");
            }
        }
        17 => {
            // Direct TCP framing: byte 1 picks the split sizes.
            let Some((&split, stream)) = msg.split_first() else {
                return;
            };
            let mut d = FrameDecoder::new();
            'feed: for chunk in splits(split, stream) {
                d.push(chunk);
                loop {
                    match d.next_frame() {
                        Ok(Some(f)) => assert!(f.len() <= MAX_FRAME_LEN),
                        Ok(None) => break,
                        Err(_) => break 'feed,
                    }
                }
                assert!(d.buffered() <= stream.len());
            }
        }
        18 => round_trip("NEGOTIATE request", msg, NegotiateRequest::parse, |v| {
            Some(v.encode())
        }),
        19 => {
            round_trip(
                "SESSION_SETUP request",
                msg,
                SessionSetupRequest::parse,
                |v| Some(v.encode()),
            );
            round_trip(
                "TREE_CONNECT request",
                msg,
                TreeConnectRequest::parse,
                |v| v.encode().ok(),
            );
        }
        20 => {
            round_trip("CREATE request", msg, CreateRequest::parse, |v| {
                v.encode().ok()
            });
            let _ = parse_close_request(msg);
        }
        _ => {
            round_trip("READ request", msg, ReadRequest::parse, |v| {
                Some(v.encode())
            });
            round_trip("WRITE request", msg, WriteRequest::parse, |v| {
                Some(v.encode())
            });
            round_trip("IOCTL request", msg, IoctlRequest::parse, |v| {
                Some(v.encode())
            });
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, msg)) = data.split_first() else {
        return;
    };
    alloc::bounded(
        "smb2_messages",
        alloc_budget(msg.len(), 8, 64 << 10),
        || run(sel, msg),
    );
});
