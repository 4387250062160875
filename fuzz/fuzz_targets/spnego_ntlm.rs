//! `spnego_ntlm`: peer tokens into `netapi_auth`: the SPNEGO readers (`spnego::parse_hint` for
//! the SMB2 NEGOTIATE hint, `spnego::inspect_resp` for NegTokenResp), the NTLM header reader
//! (`ntlm::message_flags`), and a password-credential client context
//! (`client_context(...).step(Some(token))`) over raw NTLMSSP and over SPNEGO, which runs the
//! server's CHALLENGE (and SPNEGO wrapping) through sspi's parser ([MS-SPNG], [MS-NLMP] 2.2.1.2).
//! When a handshake completes, `unprotect` gets an arbitrary signature and message.
//!
//! Input: byte 0 picks the mode (raw NTLM, SPNEGO without hint, SPNEGO after an arbitrary
//! hint); the rest is up to three server tokens, each prefixed by its 16-bit little-endian
//! length. Properties: no panic, errors instead; bounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_auth::{
    AuthOptions, Credentials, Framing, Part, Protection, client_context, ntlm, spnego,
};
use netapi_fuzz::{alloc, alloc_budget, tokens};

fn handshake(mode: u8, input: &[u8]) {
    let creds = Credentials::password("LAB", "alice", "Passw0rd!");
    let (opts, framing) = match mode % 3 {
        0 => (AuthOptions::ntlm(), Framing::Raw),
        _ => (AuthOptions::default(), Framing::Spnego),
    };
    let mut ctx = client_context(&creds, &opts, "cifs", framing).expect("context");
    let toks = tokens(input, 3);
    let mut toks = toks.into_iter();
    let first = if mode % 3 == 2 { toks.next() } else { None };
    if ctx.step(first).is_err() {
        return;
    }
    for tok in toks {
        match ctx.step(Some(tok)) {
            Ok(_) => {}
            Err(_) => {
                assert!(ctx.step(Some(tok)).is_err(), "a failed context went on");
                return;
            }
        }
        if ctx.is_complete() {
            let _ = ctx.session_key();
            let mut data = tok.to_vec();
            let sig = tok.get(..16).unwrap_or(tok).to_vec();
            let mut parts = [Part::SignOnly(b"header"), Part::Data(&mut data)];
            let _ = ctx.unprotect(Protection::Privacy, &mut parts, &sig);
            let _ = ctx.unprotect(Protection::Integrity, &mut parts, &sig);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, input)) = data.split_first() else {
        return;
    };
    alloc::bounded(
        "spnego_ntlm",
        alloc_budget(input.len(), 32, 1 << 20),
        || {
            let _ = spnego::parse_hint(input);
            let _ = spnego::inspect_resp(input);
            let _ = ntlm::message_flags(input);
            handshake(mode, input);
        },
    );
});
