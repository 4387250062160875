//! `dcerpc_pdu`: `netapi_dcerpc::pdu::Pdu::decode` on one arbitrary frame, i.e. the common
//! header, every connection-oriented body (request, response, fault, bind, bind_ack, bind_nak,
//! alter_context(_resp), auth3, shutdown, co_cancel, orphaned) and the sec_trailer / auth_value
//! layout ([C706] 12.6, [MS-RPCE] 2.2.2).
//!
//! Properties: no panic, bounded memory; a frame that decodes re-encodes, and the re-encoding
//! decodes to the same PDU up to what encoding normalizes (little-endian data representation,
//! recomputed `frag_length`/`auth_length`, zeroed auth padding).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_dcerpc::pdu::{DataRep, Pdu};
use netapi_fuzz::{alloc, alloc_budget};

fuzz_target!(|data: &[u8]| {
    alloc::bounded("dcerpc_pdu", alloc_budget(data.len(), 8, 16 << 10), || {
        let Ok(pdu) = Pdu::decode(data) else { return };
        let enc = pdu
            .encode()
            .unwrap_or_else(|e| panic!("decoded PDU does not encode: {e}\n{pdu:?}"));
        let again = Pdu::decode(&enc)
            .unwrap_or_else(|e| panic!("re-encoded PDU does not decode: {e}\n{pdu:?}"));
        let mut want = pdu.clone();
        want.header.drep = DataRep::NDR_LE;
        want.header.frag_length = u16::try_from(enc.len()).expect("encode checks the length");
        want.header.auth_length = again.header.auth_length;
        assert_eq!(want, again, "decode(encode(pdu)) differs");
        assert_eq!(
            usize::from(again.header.auth_length),
            again.auth.as_ref().map_or(0, |a| a.value.len())
        );
    });
});
