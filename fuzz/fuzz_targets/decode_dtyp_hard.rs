//! `decode_dtyp_hard`: NDR decoding of the [MS-DTYP] types (`netapi_msrpc::dtyp`) and of the
//! hardest SAMR / LSA / WKSSVC types and calls (`SAMPR_USER_ALL_INFORMATION`,
//! `SAMPR_USER_INFO_BUFFER`, SID lookups, `WKSTA_INFO`; `netapi_msrpc::{samr, lsarpc,
//! wkssvc}`).
//!
//! The first input byte picks the type, the rest is the stub. Properties: no panic, bounded
//! memory, and decode → encode → decode gives an equal value with stable bytes (STYLE §7).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::tables::DTYP_HARD as TYPES;
use netapi_fuzz::{alloc, alloc_budget};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, stub)) = data.split_first() else {
        return;
    };
    let decode = TYPES[usize::from(sel) % TYPES.len()];
    alloc::bounded(
        "decode_dtyp_hard",
        alloc_budget(stub.len(), 96, 64 << 10),
        || decode(stub),
    );
});
