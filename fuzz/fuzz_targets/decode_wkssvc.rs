//! `decode_wkssvc`: NDR decoding of every request and response stub of the workstation, domain
//! and messaging interfaces (`netapi_msrpc::{wkssvc, netlogon, msgsvc}`), plus their unions and
//! structures on their own (`WKSTA_INFO`, `USE_INFO`, the enumeration structs,
//! `STAT_WORKSTATION_0`, `JOINPR_ENCRYPTED_USER_PASSWORD`).
//!
//! The first input byte picks the type, the rest is the stub. Properties as in `decode_srvsvc`:
//! no panic, bounded memory, decode → encode → decode gives an equal value and stable bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::tables::{WKSSVC, decode_selected};

fuzz_target!(|data: &[u8]| decode_selected("decode_wkssvc", WKSSVC, data));
