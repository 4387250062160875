//! `dcerpc_assoc`: a client `netapi_dcerpc::Association` fed arbitrary server bytes through
//! `handle_input` in arbitrary splits: bind_ack / bind_nak / alter_context_resp handling, the
//! authentication legs (with a permissive fake security context, `src/fake_auth.rs`), response
//! and fault handling, fragment reassembly and its limits ([C706] 12, [MS-RPCE] 3.3.1.5).
//!
//! Input: byte 0 picks the split sizes, byte 1 the configuration (auth level and type, feature
//! negotiation, fragment size, small reassembly limits, an extra alter_context; see
//! `src/dcerpc_driver.rs`); the rest is what the server sends. The driver binds to srvsvc and
//! makes another call whenever the association is idle, so later bytes reach the response path.
//!
//! Properties: no panic; every error closes the association for good; everything the client
//! transmits is one well-formed PDU no longer than the negotiated fragment size; memory held
//! stays within a bounded multiple of the input (no buffering beyond what was received).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::dcerpc_driver::AssocDriver;
use netapi_fuzz::{alloc, alloc_budget, splits};

fn run(split: u8, sel: u8, input: &[u8]) {
    let mut d = AssocDriver::new(sel);
    d.drain();
    for chunk in splits(split, input) {
        if d.feed(chunk).is_err() {
            return;
        }
        d.drain();
    }
}

fuzz_target!(|data: &[u8]| {
    let [split, sel, input @ ..] = data else {
        return;
    };
    // The association keeps what it received and reassembles stubs from it; our requests add
    // a few hundred bytes per call. On the first fragment of a response it reserves the list
    // of fragment chunks on the strength of the peer's alloc_hint (one entry per KiB, at most
    // 16 Ki entries of 24 bytes, one call outstanding at a time): a fixed allowance, not a
    // multiple of the input.
    let budget = alloc_budget(input.len(), 16, (1 << 20) + (512 << 10));
    alloc::bounded("dcerpc_assoc", budget, || run(*split, *sel, input));
});
