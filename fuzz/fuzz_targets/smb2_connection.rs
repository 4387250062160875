//! `smb2_connection`: a client `netapi_smb2::Connection` driven through NEGOTIATE by arbitrary
//! server bytes in arbitrary splits, and on through SESSION_SETUP, TREE_CONNECT, CREATE,
//! WRITE / READ / FSCTL_PIPE_TRANSCEIVE, VALIDATE_NEGOTIATE_INFO and ECHO whenever the bytes
//! make it that far ([MS-SMB2] 3.2.4, 3.2.5): framing, transform headers, header checks,
//! message id and credit accounting, interim responses, signing policy, body dispatch.
//!
//! Input: byte 0 picks the split sizes, byte 1 the configuration (dialect range, signing and
//! encryption policy, anonymous or keyed session); the rest is what the server sends. The
//! session key is fixed, so a fuzzer can only get past signature checks where the policy lets
//! an unsigned or unkeyed session through.
//!
//! Properties: no panic; an error closes the connection for good; every transmitted buffer is
//! exactly one Direct TCP frame; memory held stays within a bounded multiple of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::smb2_driver::Driver;
use netapi_fuzz::{alloc, alloc_budget, splits};

fn run(split: u8, sel: u8, input: &[u8]) {
    let mut d = Driver::new(sel);
    for chunk in splits(split, input) {
        let result = d.conn.handle_input(chunk);
        if let Err(e) = result {
            assert_eq!(d.conn.closed(), Some(&e), "error without closing");
            assert!(d.conn.handle_input(b"\0").is_err());
            assert!(d.conn.poll_transmit().is_none());
            assert!(d.conn.session_setup(0, b"x", true).is_err());
            return;
        }
        d.drain();
    }
}

fuzz_target!(|data: &[u8]| {
    let [split, sel, input @ ..] = data else {
        return;
    };
    // The connection buffers at most what it received (frames up to MAX_FRAME_LEN are only
    // buffered as their bytes arrive), plus our own requests and crypto state.
    let budget = alloc_budget(input.len(), 16, 512 << 10);
    alloc::bounded("smb2_connection", budget, || run(*split, *sel, input));
});
