//! `decode_srvsvc`: NDR decoding of every srvsvc ([MS-SRVS]) request and response stub that
//! `netapi_msrpc::srvsvc` declares, plus the info unions and enumeration structs on their own.
//!
//! The first input byte picks the type, the rest is the stub. Properties: decoding never panics
//! and holds at most a bounded multiple of the stub in memory; a stub that decodes re-encodes,
//! the re-encoding decodes to an equal value, and encoding that value again gives the same bytes
//! (decode → encode → decode, STYLE §7).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::tables::{SRVSVC, decode_selected};

fuzz_target!(|data: &[u8]| decode_selected("decode_srvsvc", SRVSVC, data));
