//! `decode_samr_lsa`: NDR decoding of every SAMR ([MS-SAMR]) and LSA ([MS-LSAT], [MS-LSAD])
//! request and response stub that `netapi_msrpc::{samr, lsarpc}` declare, plus their
//! information unions and server-chosen buffers on their own.
//!
//! The first input byte picks the type, the rest is the stub. Properties: decoding never panics
//! and holds at most a bounded multiple of the stub in memory; a stub that decodes re-encodes,
//! the re-encoding decodes to an equal value, and encoding that value again gives the same bytes
//! (decode → encode → decode, STYLE §7).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::tables::{SAMR_LSA, decode_selected};

fuzz_target!(|data: &[u8]| decode_selected("decode_samr_lsa", SAMR_LSA, data));
