//! `decode_dtyp_hard`: NDR decoding of the [MS-DTYP] types (`netapi_msrpc::dtyp`) and of the
//! hardest SAMR / LSA / WKSSVC types and calls (`SAMPR_USER_ALL_INFORMATION`,
//! `SAMPR_USER_INFO_BUFFER`, SID lookups, `WKSTA_INFO`; `netapi_msrpc::{samr, lsarpc,
//! wkssvc}`).
//!
//! The first input byte picks the type, the rest is the stub. Properties: no panic, bounded
//! memory, and decode → encode → decode gives an equal value with stable bytes (STYLE §7).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::tables::{DTYP_HARD, decode_selected};

fuzz_target!(|data: &[u8]| decode_selected("decode_dtyp_hard", DTYP_HARD, data));
