//! The sans-IO client association (\[C706\] chapter 12, the connection-oriented association and
//! call rules condensed to one client; [MS-RPCE] 3.3.1.5 for the Windows extensions).
//!
//! Input is bytes ([`Association::handle_input`], any split), output is whole PDUs
//! ([`Association::poll_transmit`]) and [`Event`]s ([`Association::poll_event`]). One call is
//! outstanding at a time (no pipelining, no concurrent multiplexing); several interfaces share
//! the association through presentation context ids. Every error from `handle_input` is fatal:
//! the association is then closed. Left out: cancel (co_cancel is only encodable), orphaning a
//! call, security context multiplexing, the verification trailer.

use crate::auth::{AuthConfig, AuthNext, AuthState};
use crate::error::Error;
use crate::fragment::{
    DEFAULT_MAX_FRAGMENTS, DEFAULT_MAX_RESPONSE_SIZE, Reassembly, RequestSpec, Stub, build_request,
    response_fixed,
};
use crate::pdu::bind::{Bind, BindAck, ContextElement, ResultCode};
use crate::pdu::call::{Fault, Response};
use crate::pdu::header::{Header, PacketType, PfcFlags};
use crate::pdu::trailer::AuthVerifier;
use crate::pdu::{Body, Layout, Pdu, layout, require_ndr_le};
use crate::uuid::{NDR20, SyntaxId, Uuid, bind_time_feature_syntax};
use std::collections::VecDeque;
use std::fmt;

/// Every implementation must accept fragments of this size whatever it offered
/// (\[C706\] `MustRecvFragSize`); a bind_ack may be this large.
pub const MUST_RECV_FRAG_SIZE: u16 = 1432;

/// Association settings.
pub struct AssocConfig {
    /// Largest fragment we offer to send (5840 on pipes and TCP; Windows offers 4280 on pipes).
    pub max_xmit_frag: u16,
    /// Largest fragment we accept; larger incoming fragments (beyond [`MUST_RECV_FRAG_SIZE`])
    /// are an error.
    pub max_recv_frag: u16,
    /// Association group to join (0: a new one).
    pub assoc_group_id: u32,
    /// Offer bind time feature negotiation ([MS-RPCE] 3.3.1.5.3).
    pub negotiate_features: bool,
    /// Bound on a reassembled response stub.
    pub max_response_size: usize,
    /// Bound on the number of fragments of one response.
    pub max_fragments: usize,
    /// Authentication; `None` binds without a security context.
    pub auth: Option<AuthConfig>,
}

impl AssocConfig {
    /// Defaults with `max_xmit_frag` = `max_recv_frag` = `frag_size`.
    pub fn new(frag_size: u16) -> AssocConfig {
        AssocConfig {
            max_xmit_frag: frag_size,
            max_recv_frag: frag_size,
            assoc_group_id: 0,
            negotiate_features: true,
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            max_fragments: DEFAULT_MAX_FRAGMENTS,
            auth: None,
        }
    }

    /// The same configuration with a security context.
    pub fn with_auth(mut self, auth: AuthConfig) -> AssocConfig {
        self.auth = Some(auth);
        self
    }
}

impl Default for AssocConfig {
    fn default() -> Self {
        AssocConfig::new(4280)
    }
}

impl fmt::Debug for AssocConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssocConfig")
            .field("max_xmit_frag", &self.max_xmit_frag)
            .field("max_recv_frag", &self.max_recv_frag)
            .field("assoc_group_id", &self.assoc_group_id)
            .field("negotiate_features", &self.negotiate_features)
            .field("max_response_size", &self.max_response_size)
            .field("max_fragments", &self.max_fragments)
            .field("auth", &self.auth)
            .finish()
    }
}

/// One PDU to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transmit {
    /// The encoded PDU.
    pub data: Vec<u8>,
    /// The peer answers this PDU (bind, alter_context, last request fragment): a pipe driver
    /// sends it with a transceive; everything else is a plain write.
    pub awaits_reply: bool,
}

/// What happened on the association.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The bind (and its authentication legs) completed; one entry per interface offered.
    Bound {
        /// The interfaces' presentation contexts with the server's verdict.
        contexts: Vec<PresentationContext>,
    },
    /// An alter_context adding interfaces completed.
    ContextsAltered {
        /// The new presentation contexts with the server's verdict.
        contexts: Vec<PresentationContext>,
    },
    /// A call completed; `stub` is the reassembled, verified and decrypted response stub.
    Response {
        /// The call.
        call_id: u32,
        /// NDR response stub, as the fragments brought it.
        stub: Stub,
    },
    /// The server answered a call with a fault PDU (status raw, e.g. 0x1c010002).
    Fault {
        /// The call.
        call_id: u32,
        /// The fault status.
        status: u32,
    },
    /// The server sent shutdown; the association is closed.
    Shutdown,
}

/// A presentation context: an interface with the transfer syntax the server chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentationContext {
    /// `p_cont_id`, used in every request on this interface.
    pub id: u16,
    /// The interface.
    pub abstract_syntax: SyntaxId,
    /// The transfer syntax accepted (NDR 2.0), nil when rejected.
    pub transfer_syntax: SyntaxId,
    /// The server's result.
    pub result: ResultCode,
    /// The rejection reason, raw.
    pub reason: u16,
}

impl PresentationContext {
    /// True when the server accepted this context.
    pub fn is_accepted(&self) -> bool {
        self.result == ResultCode::ACCEPTANCE
    }
}

/// `BindTimeFeatureNegotiationBitmask` as acknowledged by the server ([MS-RPCE] 2.2.2.14).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct BindTimeFeatures(pub u16);

impl BindTimeFeatures {
    /// `SecurityContextMultiplexingSupported`.
    pub const SECURITY_CONTEXT_MULTIPLEXING: u16 = 0x01;
    /// `KeepConnectionOnOrphanSupported`.
    pub const KEEP_CONNECTION_ON_ORPHAN: u16 = 0x02;
    /// What we offer.
    pub const OFFERED: u8 = 0x03;

    /// The server supports several security contexts on the connection.
    pub fn security_context_multiplexing(self) -> bool {
        self.0 & Self::SECURITY_CONTEXT_MULTIPLEXING != 0
    }
    /// The server keeps the connection after an orphaned PDU.
    pub fn keep_connection_on_orphan(self) -> bool {
        self.0 & Self::KEEP_CONNECTION_ON_ORPHAN != 0
    }
}

/// What the bind negotiated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negotiated {
    /// Largest fragment we send: min(our offer, the server's max_recv_frag).
    pub max_xmit_frag: u16,
    /// Largest fragment we accept (our offer).
    pub max_recv_frag: u16,
    /// The server's own max_xmit_frag.
    pub server_max_xmit_frag: u16,
    /// Association group id.
    pub assoc_group_id: u32,
    /// Header signing agreed ([MS-RPCE] 2.2.2.3).
    pub header_signing: bool,
    /// `None` when not offered; otherwise the acknowledged features (0 when the server
    /// rejected the negotiation context).
    pub features: Option<BindTimeFeatures>,
    /// The bind_ack's secondary address, NUL included.
    pub secondary_address: Vec<u8>,
}

/// Direction of a captured stub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Request stub (`.in`).
    Request,
    /// Response stub (`.out`).
    Response,
}

/// A request or response stub as seen by the stub hook (plain text, before fragmentation /
/// after reassembly).
#[derive(Debug)]
pub struct StubRecord<'a> {
    /// Request or response.
    pub direction: Direction,
    /// The call.
    pub call_id: u32,
    /// Presentation context.
    pub context_id: u16,
    /// The interface of that context.
    pub interface: SyntaxId,
    /// Operation number.
    pub opnum: u16,
    /// NDR stub bytes.
    pub stub: &'a [u8],
}

/// Callback receiving every request and response stub (used for golden vectors).
pub type StubHook = Box<dyn FnMut(&StubRecord<'_>) + Send>;

/// Bind sent, waiting for bind_ack / bind_nak.
#[derive(Debug)]
pub(crate) struct ExpectBindAck {
    call_id: u32,
    offered: Vec<(u16, SyntaxId)>,
    feature_ctx: bool,
}

/// alter_context sent (new interfaces, or an authentication leg of the bind).
#[derive(Debug)]
pub(crate) struct ExpectAlterResp {
    call_id: u32,
    offered: Vec<(u16, SyntaxId)>,
    auth_leg: bool,
}

/// Request sent, reassembling the response.
#[derive(Debug)]
pub(crate) struct ExpectResponse {
    call_id: u32,
    context_id: u16,
    opnum: u16,
    frags: Reassembly,
}

#[derive(Debug)]
enum State {
    Idle,
    ExpectBindAck(ExpectBindAck),
    ExpectAlterResp(ExpectAlterResp),
    Ready,
    ExpectResponse(ExpectResponse),
    Closed,
}

impl State {
    fn name(&self) -> &'static str {
        match self {
            State::Idle => "not bound",
            State::ExpectBindAck(_) => "waiting for bind_ack",
            State::ExpectAlterResp(_) => "waiting for alter_context_resp",
            State::Ready => "idle",
            State::ExpectResponse(_) => "waiting for a response",
            State::Closed => "closed",
        }
    }
}

/// A client association (see the module docs).
pub struct Association {
    max_xmit_frag: u16,
    max_recv_frag: u16,
    assoc_group_id: u32,
    negotiate_features: bool,
    max_response_size: usize,
    max_fragments: usize,
    auth: Option<AuthState>,
    auth_error: Option<Error>,
    state: State,
    contexts: Vec<PresentationContext>,
    next_context_id: u16,
    next_call_id: u32,
    negotiated: Option<Negotiated>,
    transmits: VecDeque<Transmit>,
    events: VecDeque<Event>,
    inbuf: Vec<u8>,
    stub_hook: Option<StubHook>,
    /// An rpc_auth3 went out and no call has been answered since: the server verifies the
    /// last authentication leg only when the first request arrives ([MS-RPCE] 3.3.1.5.2.2),
    /// so a refusal shows as that call's fault.
    auth3_unconfirmed: bool,
}

impl fmt::Debug for Association {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Association")
            .field("state", &self.state.name())
            .field("contexts", &self.contexts)
            .field("negotiated", &self.negotiated)
            .field("next_call_id", &self.next_call_id)
            .finish_non_exhaustive()
    }
}

/// The fault with which a server refuses the first call after an rpc_auth3 it did not accept:
/// quirk(samba-4.17): `nca_s_proto_error`. (A fault 5, access denied, on that call is left as
/// the call's own refusal: Samba answers LsarOpenPolicy2 over TCP that way after a good
/// authentication, and 5 is also what Windows reports for a refused NTLM leg.)
const AUTH3_REFUSALS: [u32; 1] = [0x1C01_000B];

impl Association {
    /// A new, unbound association. An unusable auth level is reported by [`Association::bind`].
    pub fn new(config: AssocConfig) -> Association {
        let (auth, auth_error) = match config.auth.map(AuthState::new) {
            Some(Ok(a)) => (Some(a), None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, None),
        };
        Association {
            max_xmit_frag: config.max_xmit_frag,
            max_recv_frag: config.max_recv_frag,
            assoc_group_id: config.assoc_group_id,
            negotiate_features: config.negotiate_features,
            max_response_size: config.max_response_size,
            max_fragments: config.max_fragments,
            auth,
            auth_error,
            state: State::Idle,
            contexts: Vec::new(),
            next_context_id: 0,
            next_call_id: 1,
            negotiated: None,
            transmits: VecDeque::new(),
            events: VecDeque::new(),
            inbuf: Vec::new(),
            stub_hook: None,
            auth3_unconfirmed: false,
        }
    }

    /// Installs (or removes) the stub capture hook.
    pub fn set_stub_hook(&mut self, hook: Option<StubHook>) {
        self.stub_hook = hook;
    }

    /// Presentation contexts answered so far, in id order.
    pub fn contexts(&self) -> &[PresentationContext] {
        &self.contexts
    }

    /// The accepted presentation context of `interface`, if any.
    pub fn context_for(&self, interface: &SyntaxId) -> Option<u16> {
        self.contexts
            .iter()
            .find(|c| c.is_accepted() && c.abstract_syntax == *interface)
            .map(|c| c.id)
    }

    /// What the bind negotiated (after the bind_ack).
    pub fn negotiated(&self) -> Option<&Negotiated> {
        self.negotiated.as_ref()
    }

    /// The `auth_type` our sec_trailers carry: `None` without a security context,
    /// [`AuthType::DEFAULT`](crate::AuthType::DEFAULT) while an [`AuthConfig::from_context`]
    /// type is not resolved yet (before [`Association::bind`]), then the type sent.
    pub fn auth_type(&self) -> Option<crate::AuthType> {
        self.auth.as_ref().map(AuthState::auth_type)
    }

    /// The session key of the association's security context once the bind completed it
    /// ([MS-RPCE] 3.3.1.5.2): what [MS-SAMR] 3.2.2.3 encrypts passwords with over
    /// `ncacn_ip_tcp`. `None` without a context or before it is complete.
    pub fn session_key(&self) -> Option<netapi_auth::SessionKey> {
        let auth = self.auth.as_ref()?;
        if !auth.cfg.context.is_complete() {
            return None;
        }
        auth.cfg.context.session_key().ok()
    }

    /// True when bound and no call or alter_context is outstanding.
    pub fn is_ready(&self) -> bool {
        matches!(self.state, State::Ready)
    }

    /// True once the association failed or was shut down.
    pub fn is_closed(&self) -> bool {
        matches!(self.state, State::Closed)
    }

    /// The call_id of the outstanding call and the response fragments received so far.
    pub fn outstanding_call(&self) -> Option<(u32, usize)> {
        match &self.state {
            State::ExpectResponse(s) => Some((s.call_id, s.frags.frags())),
            _ => None,
        }
    }

    /// Next PDU to send.
    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.transmits.pop_front()
    }

    /// Next event.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    fn take_call_id(&mut self) -> u32 {
        let id = self.next_call_id;
        self.next_call_id = self.next_call_id.wrapping_add(1).max(1);
        id
    }

    fn offer(&mut self, syntaxes: &[SyntaxId]) -> Result<Vec<(u16, SyntaxId)>, Error> {
        if syntaxes.is_empty() {
            return Err(Error::Usage("no interface to bind"));
        }
        if syntaxes.len() + usize::from(self.next_context_id) > 254 {
            return Err(Error::Usage(
                "too many presentation contexts on one association",
            ));
        }
        let offered: Vec<(u16, SyntaxId)> = syntaxes
            .iter()
            .enumerate()
            .map(|(i, s)| (self.next_context_id + i as u16, *s))
            .collect();
        self.next_context_id += syntaxes.len() as u16;
        Ok(offered)
    }

    fn bind_flags(&self) -> PfcFlags {
        let mut flags = PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG;
        if self.auth.is_some() {
            flags |= PfcFlags::SUPPORT_HEADER_SIGN;
        }
        flags
    }

    fn bind_body(&self, offered: &[(u16, SyntaxId)], feature_ctx: Option<u16>) -> Bind {
        let mut contexts: Vec<ContextElement> = offered
            .iter()
            .map(|&(id, syntax)| ContextElement {
                context_id: id,
                abstract_syntax: syntax,
                transfer_syntaxes: vec![NDR20],
            })
            .collect();
        if let (Some(id), Some(&(_, last))) = (feature_ctx, offered.last()) {
            contexts.push(ContextElement {
                context_id: id,
                abstract_syntax: last,
                transfer_syntaxes: vec![bind_time_feature_syntax(BindTimeFeatures::OFFERED)],
            });
        }
        Bind {
            max_xmit_frag: self.max_xmit_frag,
            max_recv_frag: self.max_recv_frag,
            assoc_group_id: self.assoc_group_id,
            contexts,
        }
    }

    fn verifier(&self, token: Vec<u8>) -> Option<AuthVerifier> {
        // Bind-type bodies are multiples of 4 bytes long, so the trailer needs no padding.
        self.auth.as_ref().map(|a| AuthVerifier {
            trailer: a.trailer(0),
            value: token,
        })
    }

    fn push_pdu(&mut self, pdu: Pdu, awaits_reply: bool) -> Result<(), Error> {
        let data = pdu.encode()?;
        self.transmits.push_back(Transmit { data, awaits_reply });
        Ok(())
    }

    /// Queues a bind offering `interfaces` (NDR 2.0 each) plus, when configured, bind time
    /// feature negotiation; with auth, the first token goes along. Returns the context ids in
    /// the order of `interfaces`.
    pub fn bind(&mut self, interfaces: &[SyntaxId]) -> Result<Vec<u16>, Error> {
        if !matches!(self.state, State::Idle) {
            return Err(Error::Usage(
                "bind: the association is already bound or binding",
            ));
        }
        if let Some(e) = self.auth_error.take() {
            self.state = State::Closed;
            return Err(e);
        }
        let offered = self.offer(interfaces)?;
        let feature_ctx = if self.negotiate_features {
            let id = self.next_context_id;
            self.next_context_id += 1;
            Some(id)
        } else {
            None
        };
        let call_id = self.take_call_id();
        let mut pdu = Pdu::new(
            call_id,
            self.bind_flags(),
            Body::Bind(self.bind_body(&offered, feature_ctx)),
        );
        if let Some(auth) = self.auth.as_mut() {
            let token = match auth.step(None) {
                Ok(AuthNext::AlterContext(t)) | Ok(AuthNext::Auth3(t)) => t,
                Ok(AuthNext::Done) => {
                    self.state = State::Closed;
                    return Err(Error::AuthTrailer(
                        "the security context gave no first token",
                    ));
                }
                Err(e) => {
                    self.state = State::Closed;
                    return Err(e);
                }
            };
            pdu.auth = self.verifier(token);
        }
        self.push_pdu(pdu, true)?;
        let ids = offered.iter().map(|o| o.0).collect();
        self.state = State::ExpectBindAck(ExpectBindAck {
            call_id,
            offered,
            feature_ctx: feature_ctx.is_some(),
        });
        Ok(ids)
    }

    /// Queues an alter_context adding `interfaces` to a bound association; returns their
    /// context ids. No auth verifier is sent: the bind's security context covers them.
    pub fn alter_context(&mut self, interfaces: &[SyntaxId]) -> Result<Vec<u16>, Error> {
        if !matches!(self.state, State::Ready) {
            return Err(Error::Usage(
                "alter_context: the association is not bound and idle",
            ));
        }
        let offered = self.offer(interfaces)?;
        let call_id = self.take_call_id();
        let pdu = Pdu::new(
            call_id,
            self.bind_flags(),
            Body::AlterContext(self.bind_body(&offered, None)),
        );
        self.push_pdu(pdu, true)?;
        let ids = offered.iter().map(|o| o.0).collect();
        self.state = State::ExpectAlterResp(ExpectAlterResp {
            call_id,
            offered,
            auth_leg: false,
        });
        Ok(ids)
    }

    /// Queues a call on presentation context `context_id`: fragments sized for the negotiated
    /// `max_xmit_frag`, protected at PKT_INTEGRITY/PKT_PRIVACY. Returns the call_id.
    pub fn request(&mut self, context_id: u16, opnum: u16, stub: &[u8]) -> Result<u32, Error> {
        self.request_with_object(context_id, opnum, None, stub)
    }

    /// [`Association::request`] with an object UUID (`PFC_OBJECT_UUID`).
    pub fn request_with_object(
        &mut self,
        context_id: u16,
        opnum: u16,
        object: Option<Uuid>,
        stub: &[u8],
    ) -> Result<u32, Error> {
        match self.state {
            State::Ready => {}
            State::Closed => return Err(Error::Closed),
            State::ExpectResponse(_) => return Err(Error::Usage("a call is already outstanding")),
            _ => return Err(Error::Usage("request: the association is not bound")),
        }
        let interface = self
            .contexts
            .iter()
            .find(|c| c.id == context_id && c.is_accepted())
            .map(|c| c.abstract_syntax)
            .ok_or(Error::Usage(
                "request: unknown or rejected presentation context",
            ))?;
        let max_xmit_frag = self
            .negotiated
            .as_ref()
            .map_or(self.max_xmit_frag, |n| n.max_xmit_frag);
        let call_id = self.next_call_id;
        let spec = RequestSpec {
            call_id,
            context_id,
            opnum,
            object,
            stub,
            max_xmit_frag,
        };
        let auth = self.auth.as_mut().filter(|a| a.protection().is_some());
        let frames = match build_request(&spec, auth) {
            Ok(f) => f,
            // A failed protect leaves the context's sequence state unknown.
            Err(e @ Error::Auth(_)) => {
                self.fail();
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        self.take_call_id();
        if let Some(hook) = self.stub_hook.as_mut() {
            hook(&StubRecord {
                direction: Direction::Request,
                call_id,
                context_id,
                interface,
                opnum,
                stub,
            });
        }
        let last = frames.len() - 1;
        for (i, data) in frames.into_iter().enumerate() {
            self.transmits.push_back(Transmit {
                data,
                awaits_reply: i == last,
            });
        }
        self.state = State::ExpectResponse(ExpectResponse {
            call_id,
            context_id,
            opnum,
            frags: Reassembly::new(context_id, self.max_response_size, self.max_fragments),
        });
        Ok(call_id)
    }

    /// Largest fragment accepted: our `max_recv_frag`, but never below [`MUST_RECV_FRAG_SIZE`]
    /// nor below what the server announced as its own `max_xmit_frag`.
    // quirk(samba-4.17): Samba raises an offered max_recv_frag below 2048 to 2048 (it says so
    // in the bind_ack's max_xmit_frag) and sends 2040-byte fragments.
    fn recv_limit(&self) -> u16 {
        let announced = self
            .negotiated
            .as_ref()
            .map_or(0, |n| n.server_max_xmit_frag);
        self.max_recv_frag.max(MUST_RECV_FRAG_SIZE).max(announced)
    }

    fn fail(&mut self) {
        self.state = State::Closed;
        self.inbuf = Vec::new();
        self.transmits.clear();
    }

    /// Feeds bytes received from the peer (any split). Complete PDUs are processed at once;
    /// an error closes the association.
    pub fn handle_input(&mut self, data: &[u8]) -> Result<(), Error> {
        if matches!(self.state, State::Closed) {
            return Err(Error::Closed);
        }
        self.inbuf.extend_from_slice(data);
        let mut off = 0;
        let result = loop {
            let avail = &self.inbuf[off..];
            if avail.len() < Header::LEN {
                break Ok(());
            }
            let header = match Header::decode(avail) {
                Ok(h) => h,
                Err(e) => break Err(e),
            };
            if usize::from(header.frag_length) < Header::LEN {
                break Err(Error::FragTooShort {
                    frag_length: header.frag_length,
                    min: Header::LEN,
                });
            }
            let max = self.recv_limit();
            if header.frag_length > max {
                break Err(Error::FragTooLong {
                    frag_length: header.frag_length,
                    max,
                });
            }
            let len = usize::from(header.frag_length);
            if avail.len() < len {
                break Ok(());
            }
            let frame = avail[..len].to_vec();
            off += len;
            if let Err(e) = self.process(frame) {
                break Err(e);
            }
            if matches!(self.state, State::Closed) {
                // Shut down by the peer: ignore whatever follows.
                off = self.inbuf.len();
                break Ok(());
            }
        };
        match result {
            Ok(()) => {
                self.inbuf.drain(..off);
                Ok(())
            }
            Err(e) => {
                self.fail();
                Err(e)
            }
        }
    }

    fn process(&mut self, frame: Vec<u8>) -> Result<(), Error> {
        let lay = layout(&frame)?;
        if lay.header.ptype == PacketType::SHUTDOWN {
            self.events.push_back(Event::Shutdown);
            self.state = State::Closed;
            return Ok(());
        }
        match std::mem::replace(&mut self.state, State::Closed) {
            State::ExpectBindAck(s) => self.on_bind_reply(s, &frame),
            State::ExpectAlterResp(s) => self.on_alter_reply(s, &frame),
            State::ExpectResponse(s) => self.on_call_reply(s, frame, &lay),
            other => Err(Error::UnexpectedPdu {
                ptype: lay.header.ptype.0,
                state: other.name(),
            }),
        }
    }

    fn on_bind_reply(&mut self, s: ExpectBindAck, frame: &[u8]) -> Result<(), Error> {
        let pdu = Pdu::decode(frame)?;
        let h = pdu.header;
        let ack = match pdu.body {
            Body::BindAck(ack) => ack,
            Body::BindNak(nak) => {
                return Err(Error::BindNak {
                    reason: nak.reason.0,
                });
            }
            Body::Fault(f) => {
                return Err(Error::Fault {
                    call_id: h.call_id,
                    status: f.status,
                });
            }
            _ => {
                return Err(Error::UnexpectedPdu {
                    ptype: h.ptype.0,
                    state: "waiting for bind_ack",
                });
            }
        };
        if h.call_id != s.call_id {
            return Err(Error::WrongCallId {
                expected: s.call_id,
                got: h.call_id,
            });
        }
        let want = s.offered.len() + usize::from(s.feature_ctx);
        if ack.results.len() != want {
            return Err(Error::Malformed(
                "bind_ack result count differs from the contexts offered",
            ));
        }
        let features = if s.feature_ctx {
            let r = &ack.results[s.offered.len()];
            Some(BindTimeFeatures(if r.result == ResultCode::NEGOTIATE_ACK {
                r.reason
            } else {
                0
            }))
        } else {
            None
        };
        self.record_results(&s.offered, &ack)?;
        let header_signing = self.auth.is_some() && h.flags.contains(PfcFlags::SUPPORT_HEADER_SIGN);
        self.negotiated = Some(Negotiated {
            max_xmit_frag: self.max_xmit_frag.min(ack.max_recv_frag),
            max_recv_frag: self.max_recv_frag,
            server_max_xmit_frag: ack.max_xmit_frag,
            assoc_group_id: ack.assoc_group_id,
            header_signing,
            features,
            secondary_address: ack.secondary_address.clone(),
        });
        let first = s.offered[0];
        let Some(auth) = self.auth.as_mut() else {
            return self.bound();
        };
        auth.header_signing = header_signing;
        let next = match &pdu.auth {
            Some(av) => {
                auth.check_trailer(&av.trailer)?;
                auth.step(Some(&av.value))?
            }
            None if auth.cfg.context.is_complete() => AuthNext::Done,
            None => return Err(Error::AuthTrailer("bind_ack carries no auth token")),
        };
        self.auth_next(next, s.call_id, first)
    }

    fn record_results(
        &mut self,
        offered: &[(u16, SyntaxId)],
        ack: &BindAck,
    ) -> Result<Vec<PresentationContext>, Error> {
        let mut added = Vec::with_capacity(offered.len());
        for (&(id, syntax), r) in offered.iter().zip(&ack.results) {
            if r.result == ResultCode::ACCEPTANCE && r.transfer_syntax != NDR20 {
                return Err(Error::Malformed(
                    "server accepted a transfer syntax we did not offer",
                ));
            }
            let pc = PresentationContext {
                id,
                abstract_syntax: syntax,
                transfer_syntax: r.transfer_syntax,
                result: r.result,
                reason: r.reason,
            };
            self.contexts.push(pc.clone());
            added.push(pc);
        }
        Ok(added)
    }

    fn bound(&mut self) -> Result<(), Error> {
        self.state = State::Ready;
        self.events.push_back(Event::Bound {
            contexts: self.contexts.clone(),
        });
        Ok(())
    }

    fn auth_next(
        &mut self,
        next: AuthNext,
        bind_call_id: u32,
        first: (u16, SyntaxId),
    ) -> Result<(), Error> {
        match next {
            AuthNext::Done => self.bound(),
            AuthNext::Auth3(token) => {
                let mut pdu = Pdu::new(bind_call_id, self.bind_flags(), Body::Auth3);
                pdu.auth = self.verifier(token);
                self.push_pdu(pdu, false)?;
                self.auth3_unconfirmed = true;
                self.bound()
            }
            AuthNext::AlterContext(token) => {
                let call_id = self.take_call_id();
                let offered = vec![first];
                let mut pdu = Pdu::new(
                    call_id,
                    self.bind_flags(),
                    Body::AlterContext(self.bind_body(&offered, None)),
                );
                pdu.auth = self.verifier(token);
                self.push_pdu(pdu, true)?;
                self.state = State::ExpectAlterResp(ExpectAlterResp {
                    call_id,
                    offered,
                    auth_leg: true,
                });
                Ok(())
            }
        }
    }

    fn on_alter_reply(&mut self, s: ExpectAlterResp, frame: &[u8]) -> Result<(), Error> {
        let pdu = Pdu::decode(frame)?;
        let h = pdu.header;
        let ack = match pdu.body {
            Body::AlterContextResp(ack) => ack,
            Body::Fault(f) => {
                return Err(Error::Fault {
                    call_id: h.call_id,
                    status: f.status,
                });
            }
            _ => {
                return Err(Error::UnexpectedPdu {
                    ptype: h.ptype.0,
                    state: "waiting for alter_context_resp",
                });
            }
        };
        if h.call_id != s.call_id {
            return Err(Error::WrongCallId {
                expected: s.call_id,
                got: h.call_id,
            });
        }
        if ack.results.len() != s.offered.len() {
            return Err(Error::Malformed(
                "alter_context_resp result count differs from the contexts offered",
            ));
        }
        if s.auth_leg {
            let auth = self
                .auth
                .as_mut()
                .ok_or(Error::AuthTrailer("unexpected auth leg"))?;
            let next = match &pdu.auth {
                Some(av) => {
                    auth.check_trailer(&av.trailer)?;
                    auth.step(Some(&av.value))?
                }
                None if auth.cfg.context.is_complete() => AuthNext::Done,
                None => {
                    return Err(Error::AuthTrailer(
                        "alter_context_resp carries no auth token",
                    ));
                }
            };
            return self.auth_next(next, s.call_id, s.offered[0]);
        }
        let added = self.record_results(&s.offered, &ack)?;
        self.state = State::Ready;
        self.events
            .push_back(Event::ContextsAltered { contexts: added });
        Ok(())
    }

    fn on_call_reply(
        &mut self,
        mut s: ExpectResponse,
        mut frame: Vec<u8>,
        lay: &Layout,
    ) -> Result<(), Error> {
        let h = lay.header;
        match h.ptype {
            PacketType::RESPONSE => {
                require_ndr_le(&h)?;
                if h.call_id != s.call_id {
                    return Err(Error::WrongCallId {
                        expected: s.call_id,
                        got: h.call_id,
                    });
                }
                let data_start = Header::LEN + Response::FIXED_LEN;
                let (alloc_hint, context_id) = response_fixed(&frame)?;
                let range = match self.auth.as_mut() {
                    Some(a) => a.open(&mut frame, data_start, lay)?,
                    // A trailer without a security context is tolerated, but its padding must
                    // not reach back into the fixed part (as `AuthState::open` checks).
                    None => match lay.trailer {
                        Some((start, t)) if lay.body_end < data_start => {
                            return Err(Error::AuthPadLength {
                                pad: t.pad_length,
                                available: start.saturating_sub(data_start),
                            });
                        }
                        _ => data_start..lay.body_end,
                    },
                };
                let last =
                    s.frags
                        .push(s.call_id, h.flags, alloc_hint, context_id, &frame[range])?;
                if !last {
                    self.state = State::ExpectResponse(s);
                    return Ok(());
                }
                let stub = s.frags.into_stub();
                if self.stub_hook.is_some() {
                    let bytes = stub.to_vec();
                    self.capture(
                        Direction::Response,
                        s.call_id,
                        s.context_id,
                        s.opnum,
                        &bytes,
                    );
                }
                self.state = State::Ready;
                self.auth3_unconfirmed = false;
                self.events.push_back(Event::Response {
                    call_id: s.call_id,
                    stub,
                });
                Ok(())
            }
            PacketType::FAULT => {
                if h.call_id != s.call_id {
                    if h.call_id == 0 {
                        // An association-level fault (e.g. a protocol error): it ends everything.
                        let fault = decode_fault(&frame, lay)?;
                        return Err(Error::Fault {
                            call_id: 0,
                            status: fault.status,
                        });
                    }
                    return Err(Error::WrongCallId {
                        expected: s.call_id,
                        got: h.call_id,
                    });
                }
                if let (Some(a), Some(_)) = (self.auth.as_mut(), lay.trailer) {
                    // quirk: Samba and Windows send faults unsigned; one that is signed is checked.
                    let data_start = (Header::LEN + Fault::FIXED_LEN).min(lay.body_end);
                    a.open(&mut frame, data_start, lay)?;
                }
                let fault = decode_fault(&frame, lay)?;
                self.state = State::Ready;
                if std::mem::take(&mut self.auth3_unconfirmed)
                    && AUTH3_REFUSALS.contains(&fault.status)
                {
                    // The server did not accept our last authentication leg (e.g. a wrong
                    // password): an authentication failure, not a refusal of this call.
                    return Err(Error::Auth(netapi_auth::AuthError::Failed(format!(
                        "the server refused the authentication (fault 0x{:08x} on the first call after rpc_auth3)",
                        fault.status
                    ))));
                }
                self.events.push_back(Event::Fault {
                    call_id: s.call_id,
                    status: fault.status,
                });
                Ok(())
            }
            other => Err(Error::UnexpectedPdu {
                ptype: other.0,
                state: "waiting for a response",
            }),
        }
    }

    fn capture(
        &mut self,
        direction: Direction,
        call_id: u32,
        context_id: u16,
        opnum: u16,
        stub: &[u8],
    ) {
        let Some(hook) = self.stub_hook.as_mut() else {
            return;
        };
        let interface = self
            .contexts
            .iter()
            .find(|c| c.id == context_id)
            .map_or(NDR20, |c| c.abstract_syntax);
        hook(&StubRecord {
            direction,
            call_id,
            context_id,
            interface,
            opnum,
            stub,
        });
    }
}

fn decode_fault(frame: &[u8], lay: &Layout) -> Result<Fault, Error> {
    let mut r = crate::codec::Reader::new(&frame[..lay.body_end], Header::LEN, lay.header.endian());
    Fault::decode(&mut r, lay.body_end)
}
