//! The client side of the `dcerpc_assoc` target, shared with the seed generator
//! (`examples/gen_seeds.rs`), which scripts a server against it.
//!
//! [`AssocDriver`] binds to srvsvc, and whenever the association is idle makes the next move
//! (one extra alter_context if configured, then calls), so bytes that get past one step reach
//! the next.

use netapi_dcerpc::pdu::Pdu;
use netapi_dcerpc::{AssocConfig, Association, AuthConfig, AuthLevel, AuthType, Error, SyntaxId};

use crate::fake_auth::FuzzContext;

/// The interface bound first.
pub const SRVSVC: SyntaxId = SyntaxId::new("4b324fc8-1670-01d3-1278-5a47bf6ee188", 3, 0);
/// The interface added by the extra alter_context.
pub const WKSSVC: SyntaxId = SyntaxId::new("6bffd098-a112-3610-9833-46c3f87e345a", 1, 0);
/// Calls made at most per input.
const MAX_CALLS: u32 = 16;

/// The configuration selected by `sel`: bits 0-1 the auth level (none, CONNECT,
/// PKT_INTEGRITY, PKT_PRIVACY), bit 2 SPNEGO instead of NTLMSSP, bit 3 bind time feature
/// negotiation, bits 4-5 the fragment size, bit 6 small reassembly limits, bit 7 an extra
/// alter_context once bound.
pub fn config(sel: u8) -> AssocConfig {
    let frag = [1432, 2048, 4280, 5840][usize::from(sel >> 4) & 3];
    let mut cfg = AssocConfig::new(frag);
    cfg.negotiate_features = sel & 0x08 != 0;
    if sel & 0x40 != 0 {
        cfg.max_response_size = 8192;
        cfg.max_fragments = 8;
    }
    let level = match sel & 3 {
        0 => return cfg,
        1 => AuthLevel::CONNECT,
        2 => AuthLevel::PKT_INTEGRITY,
        _ => AuthLevel::PKT_PRIVACY,
    };
    let auth_type = if sel & 0x04 != 0 {
        AuthType::SPNEGO
    } else {
        AuthType::NTLMSSP
    };
    cfg.with_auth(AuthConfig::new(
        auth_type,
        level,
        Box::new(FuzzContext::new()),
    ))
}

/// See the module documentation.
pub struct AssocDriver {
    /// The association under test.
    pub assoc: Association,
    calls: u32,
    altered: bool,
}

impl AssocDriver {
    /// An association configured by `sel` (see [`config`]) with its bind queued.
    pub fn new(sel: u8) -> Self {
        let mut assoc = Association::new(config(sel));
        assoc.bind(&[SRVSVC]).expect("bind is queued");
        AssocDriver {
            assoc,
            calls: 0,
            altered: sel & 0x80 == 0,
        }
    }

    /// Feeds server bytes. On error, checks that the association closed for good.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let r = self.assoc.handle_input(chunk);
        if let Err(e) = &r {
            assert!(self.assoc.is_closed(), "error without closing: {e}");
            assert!(matches!(self.assoc.handle_input(b"x"), Err(Error::Closed)));
            assert!(self.assoc.poll_transmit().is_none());
        }
        r
    }

    /// Takes every event and every PDU to send (checking each), makes the next move when the
    /// association is idle, and returns the PDUs sent.
    pub fn drain(&mut self) -> Vec<Vec<u8>> {
        let mut sent = Vec::new();
        self.take(&mut sent);
        if self.assoc.is_ready() {
            if !self.altered {
                self.altered = true;
                self.assoc
                    .alter_context(&[WKSSVC])
                    .expect("alter_context is queued");
            } else if self.calls < MAX_CALLS {
                if let Some(ctx) = self.assoc.contexts().iter().find(|c| c.is_accepted()) {
                    self.calls += 1;
                    let n = self.calls as usize;
                    let stub = vec![n as u8; 24 + 100 * (n % 3)];
                    match self.assoc.request(ctx.id, 15, &stub) {
                        Ok(_) => {}
                        // A server may announce a max_recv_frag too small for any request:
                        // refused, and the association stays usable (netapi-dcerpc's
                        // `max_xmit_frag_16_is_too_small`).
                        Err(Error::FragSizeTooSmall { .. }) => assert!(self.assoc.is_ready()),
                        Err(e) => panic!("request refused: {e}"),
                    }
                }
            }
            self.take(&mut sent);
        }
        sent
    }

    fn take(&mut self, sent: &mut Vec<Vec<u8>>) {
        while let Some(t) = self.assoc.poll_transmit() {
            let pdu = Pdu::decode(&t.data)
                .unwrap_or_else(|e| panic!("we transmitted a malformed PDU: {e}: {:02x?}", t.data));
            if let Some(n) = self.assoc.negotiated() {
                // Binds go out before anything is negotiated; later PDUs fit the agreement.
                assert!(
                    t.data.len() <= usize::from(n.max_xmit_frag.max(1432)),
                    "transmitted {} bytes, negotiated {}: {pdu:?}",
                    t.data.len(),
                    n.max_xmit_frag
                );
            }
            sent.push(t.data);
        }
        while self.assoc.poll_event().is_some() {}
    }
}
