//! `decode_epmapper`: the endpoint mapper as a client meets it ([C706] appendix L and O,
//! [MS-RPCE] 2.2.1.2): NDR decoding of `ept_map` requests and responses, `twr_t` and the
//! lookup handle (`netapi_msrpc::epmapper`), and the tower floor codec (`Tower::decode`) with
//! its ncacn_ip_tcp accessors, on the towers of a decoded response and on raw octets.
//!
//! The first input byte picks the type (`src/tables.rs` `EPMAPPER`, then one more selector for
//! raw tower octets). Properties: no panic, bounded memory; NDR decode → encode → decode gives
//! an equal value with stable bytes (STYLE §7); a tower that parses re-encodes to the same
//! octets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_fuzz::tables::EPMAPPER as TYPES;
use netapi_fuzz::{alloc, alloc_budget};
use netapi_msrpc::epmapper::{EptMapResponse, Tower};

/// Parses `octets` as a tower; when that works, the accessors must not panic and encoding
/// must give the octets back (the floor encoding has no padding or alternatives).
fn tower(octets: &[u8]) {
    let Ok(t) = Tower::decode(octets) else { return };
    let _ = (t.interface(), t.tcp_port(), t.ipv4());
    assert_eq!(t.encode().expect("a parsed tower encodes"), octets);
}

fn run(sel: usize, stub: &[u8]) {
    if sel < TYPES.len() {
        TYPES[sel](stub);
        if sel == 1 {
            // What the transport does with an answer: parse every returned tower.
            if let Ok(r) = netapi_ndr::decode::<EptMapResponse>(stub) {
                for t in r.towers.towers.iter().flatten() {
                    tower(&t.tower_octet_string);
                }
                r.towers().for_each(drop);
            }
        }
    } else {
        tower(stub);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, stub)) = data.split_first() else {
        return;
    };
    let sel = usize::from(sel) % (TYPES.len() + 1);
    alloc::bounded(
        "decode_epmapper",
        alloc_budget(stub.len(), 96, 64 << 10),
        || run(sel, stub),
    );
});
