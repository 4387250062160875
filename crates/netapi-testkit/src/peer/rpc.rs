//! The server side of connection-oriented DCE/RPC on one open pipe (\[C706\] 12.6, [MS-RPCE]
//! 3.3.3): bind → bind_ack with one result per presentation context (accepted, provider
//! rejection, or the bind time feature `negotiate_ack` of [MS-RPCE] 3.3.1.5.3),
//! alter_context → alter_context_resp, request fragments reassembled by call, responses split
//! at the negotiated fragment size with `alloc_hint` counting down, fault PDUs.
//!
//! Each interface is scripted by a [`Handler`] `(opnum, request stub) → Reply`. Every PDU the
//! server produces passes through the peer's RPC hooks ([`super::RpcOut`]) before it becomes a
//! pipe message. Left out: authentication (over SMB2 pipes the session protects the calls, as
//! on Windows), several calls in flight, cancel, NDR64.

use std::sync::{Arc, Mutex};

use netapi_dcerpc::pdu::{
    Bind, BindAck, BindNak, Body, ContextResult, Fault, PacketType, Pdu, PfcFlags, ProviderReason,
    RejectReason, Response, ResultCode,
};
use netapi_dcerpc::{NDR20, SyntaxId, Uuid};

use super::hooks::{RpcAction, RpcOut};
use super::{RpcCall, Shared};

/// `nca_s_op_rng_error`: the opnum is not served (\[C706\] appendix E, [MS-RPCE] 2.2.2.11).
pub const NCA_S_OP_RNG_ERROR: u32 = 0x1C01_0002;
/// `nca_s_unknown_if`: the presentation context is not bound.
pub const NCA_S_UNKNOWN_IF: u32 = 0x1C01_0003;
/// `nca_s_proto_error`: the peer broke the protocol.
pub const NCA_S_PROTO_ERROR: u32 = 0x1C01_000B;
/// `RPC_X_BAD_STUB_DATA` as a fault status: the request stub did not decode.
pub const RPC_X_BAD_STUB_DATA: u32 = 0x0000_06F7;

/// Our fragment size when the client offers more (what Windows uses on pipes).
pub const SERVER_FRAG: u16 = 4280;

/// A scripted interface's answer to one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The response stub (NDR), fragmented at the negotiated size.
    Stub(Vec<u8>),
    /// A fault PDU with this status.
    Fault(u32),
    /// These pipe messages as they are, instead of a response (crafted PDUs).
    Messages(Vec<Vec<u8>>),
    /// No answer: the client's read of the reply waits.
    Nothing,
}

impl Reply {
    /// The NDR encoding of `v` as the response stub.
    pub fn encode<T: netapi_ndr::Ndr>(v: &T) -> Reply {
        match netapi_ndr::encode(v) {
            Ok(stub) => Reply::Stub(stub),
            // A test built a value that cannot be encoded; the client sees a fault.
            Err(_) => Reply::Fault(RPC_X_BAD_STUB_DATA),
        }
    }
}

/// Scripts one interface: gets the opnum and the reassembled request stub.
pub type Handler = Box<dyn FnMut(u16, &[u8]) -> Reply + Send>;

/// Scripts one interface that keeps state per association (context handles, [C706] 5.1.6):
/// gets the association's id (unique in the process), the opnum and the request stub.
pub type AssocHandler = Box<dyn FnMut(Assoc, u16, &[u8]) -> Reply + Send>;

/// Told when an association ends (its pipe closed or its connection dropped): where a real
/// server runs the association's context handles down.
pub type Rundown = Box<dyn FnMut(Assoc) + Send>;

/// The identity of one association (one open pipe), unique in the process.
pub type Assoc = u64;

/// An interface served on a pipe.
#[derive(Clone)]
pub struct Interface {
    /// Pipe name under `\PIPE\` (matched without case).
    pub pipe: String,
    /// Abstract syntax (UUID and version) accepted in binds.
    pub syntax: SyntaxId,
    pub(crate) handler: Arc<Mutex<AssocHandler>>,
    pub(crate) rundown: Option<Arc<Mutex<Rundown>>>,
}

impl Interface {
    /// `syntax` on `pipe`, answered by `handler`.
    pub fn new(pipe: &str, syntax: SyntaxId, mut handler: Handler) -> Self {
        Self::per_association(
            pipe,
            syntax,
            Box::new(move |_, opnum, stub| handler(opnum, stub)),
            None,
        )
    }

    /// `syntax` on `pipe`, answered by `handler` knowing the association, with `rundown` told
    /// when an association that bound this interface ends.
    pub fn per_association(
        pipe: &str,
        syntax: SyntaxId,
        handler: AssocHandler,
        rundown: Option<Rundown>,
    ) -> Self {
        Interface {
            pipe: pipe.to_owned(),
            syntax,
            handler: Arc::new(Mutex::new(handler)),
            rundown: rundown.map(|r| Arc::new(Mutex::new(r))),
        }
    }
}

impl std::fmt::Debug for Interface {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interface")
            .field("pipe", &self.pipe)
            .field("syntax", &self.syntax)
            .finish_non_exhaustive()
    }
}

/// A call whose request fragments are still arriving.
struct Partial {
    call_id: u32,
    context_id: u16,
    opnum: u16,
    stub: Vec<u8>,
}

/// The next association id.
static NEXT_ASSOC: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The RPC server behind one open pipe.
pub(crate) struct RpcServer {
    assoc: Assoc,
    pipe: String,
    shared: Arc<Shared>,
    inbuf: Vec<u8>,
    bound: bool,
    /// Accepted presentation contexts: (p_cont_id, index into the interfaces).
    contexts: Vec<(u16, usize)>,
    /// Largest fragment we send (min of ours and the client's max_recv_frag).
    xmit_frag: u16,
    partial: Option<Partial>,
    calls: usize,
}

impl RpcServer {
    pub(crate) fn new(pipe: &str, shared: Arc<Shared>) -> Self {
        RpcServer {
            assoc: NEXT_ASSOC.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            pipe: pipe.to_owned(),
            shared,
            inbuf: Vec::new(),
            bound: false,
            contexts: Vec::new(),
            xmit_frag: SERVER_FRAG,
            partial: None,
            calls: 0,
        }
    }

    fn error(&self, what: String) {
        let mut s = self.shared.stats.lock().unwrap_or_else(|p| p.into_inner());
        s.errors.push(format!("{}: {what}", self.pipe));
    }

    /// Bytes written to the pipe; returns the pipe messages to answer with, in order.
    pub(crate) fn input(&mut self, data: &[u8]) -> Vec<Vec<u8>> {
        self.inbuf.extend_from_slice(data);
        let mut out = Vec::new();
        while self.inbuf.len() >= 16 {
            let len = usize::from(u16::from_le_bytes([self.inbuf[8], self.inbuf[9]]));
            if len < 16 {
                self.error(format!("frag_length {len} below the header size"));
                let call_id = u32_at(&self.inbuf, 12);
                self.inbuf.clear();
                self.fault(call_id, 0, None, NCA_S_PROTO_ERROR, &mut out);
                break;
            }
            if self.inbuf.len() < len {
                break;
            }
            let frame: Vec<u8> = self.inbuf.drain(..len).collect();
            self.process(&frame, &mut out);
        }
        out
    }

    fn process(&mut self, frame: &[u8], out: &mut Vec<Vec<u8>>) {
        let pdu = match Pdu::decode(frame) {
            Ok(p) => p,
            Err(e) => {
                self.error(format!("undecodable PDU: {e}"));
                self.fault(u32_at(frame, 12), 0, None, NCA_S_PROTO_ERROR, out);
                return;
            }
        };
        let call_id = pdu.header.call_id;
        match pdu.body {
            Body::Bind(_) if self.bound => {
                // [C706] 12.6.4.3: a second bind on an association is refused.
                self.error("second bind on one association".into());
                let nak = BindNak {
                    reason: RejectReason::REASON_NOT_SPECIFIED,
                    versions: vec![(5, 0)],
                    extension: Vec::new(),
                };
                self.emit(
                    call_id,
                    None,
                    vec![pdu_bytes(call_id, Body::BindNak(nak))],
                    out,
                );
            }
            Body::Bind(b) => {
                let ack = self.bind_ack(&b, true);
                self.bound = true;
                self.emit(
                    call_id,
                    None,
                    vec![pdu_bytes(call_id, Body::BindAck(ack))],
                    out,
                );
            }
            Body::AlterContext(b) if self.bound => {
                let ack = self.bind_ack(&b, false);
                let body = Body::AlterContextResp(ack);
                self.emit(call_id, None, vec![pdu_bytes(call_id, body)], out);
            }
            Body::Request(r) if self.bound => {
                let flags = pdu.header.flags;
                if flags.contains(PfcFlags::FIRST_FRAG) {
                    self.partial = Some(Partial {
                        call_id,
                        context_id: r.context_id,
                        opnum: r.opnum,
                        stub: r.stub,
                    });
                } else {
                    match self.partial.as_mut() {
                        Some(p) if p.call_id == call_id => p.stub.extend_from_slice(&r.stub),
                        _ => {
                            self.error(format!("request fragment of unknown call {call_id}"));
                            return;
                        }
                    }
                }
                if flags.contains(PfcFlags::LAST_FRAG)
                    && let Some(p) = self.partial.take()
                {
                    self.call(p, out);
                }
            }
            Body::Auth3 | Body::Orphaned | Body::CoCancel => {}
            other => {
                self.error(format!("unexpected {:?} PDU", other.ptype()));
                self.fault(call_id, 0, None, NCA_S_PROTO_ERROR, out);
            }
        }
    }

    fn bind_ack(&mut self, b: &Bind, is_bind: bool) -> BindAck {
        let mut results = Vec::with_capacity(b.contexts.len());
        let mut offered = Vec::new();
        for c in &b.contexts {
            offered.push(c.abstract_syntax);
            let feature = c
                .transfer_syntaxes
                .iter()
                .find(|t| t.is_feature_negotiation());
            let iface = self.shared.interfaces.iter().position(|i| {
                i.pipe.eq_ignore_ascii_case(&self.pipe) && i.syntax == c.abstract_syntax
            });
            let result = match (feature, iface) {
                // [MS-RPCE] 3.3.1.5.3: acknowledge KeepConnectionOnOrphan, nothing else.
                (Some(f), _) => ContextResult {
                    result: ResultCode::NEGOTIATE_ACK,
                    reason: u16::from(f.uuid.0[8] & 0x02),
                    transfer_syntax: nil(),
                },
                (None, Some(i)) if c.transfer_syntaxes.contains(&NDR20) => {
                    self.contexts.retain(|(id, _)| *id != c.context_id);
                    self.contexts.push((c.context_id, i));
                    ContextResult {
                        result: ResultCode::ACCEPTANCE,
                        reason: 0,
                        transfer_syntax: NDR20,
                    }
                }
                (None, Some(_)) => ContextResult {
                    result: ResultCode::PROVIDER_REJECTION,
                    reason: ProviderReason::PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED.0,
                    transfer_syntax: nil(),
                },
                (None, None) => ContextResult {
                    result: ResultCode::PROVIDER_REJECTION,
                    reason: ProviderReason::ABSTRACT_SYNTAX_NOT_SUPPORTED.0,
                    transfer_syntax: nil(),
                },
            };
            results.push(result);
        }
        {
            let mut s = self.shared.stats.lock().unwrap_or_else(|p| p.into_inner());
            s.binds.push((self.pipe.clone(), offered));
        }
        if is_bind {
            self.xmit_frag = b.max_recv_frag.clamp(1432, self.shared.rpc_frag);
        }
        BindAck {
            max_xmit_frag: self.xmit_frag,
            max_recv_frag: self.shared.rpc_frag,
            assoc_group_id: if b.assoc_group_id != 0 {
                b.assoc_group_id
            } else {
                0x0001_53f0
            },
            // [C706] 12.6.4.4: the port (here the pipe) the association is on.
            secondary_address: if is_bind {
                format!("\\PIPE\\{}\0", self.pipe).into_bytes()
            } else {
                Vec::new()
            },
            results,
        }
    }

    fn call(&mut self, p: Partial, out: &mut Vec<Vec<u8>>) {
        self.calls += 1;
        {
            let mut s = self.shared.stats.lock().unwrap_or_else(|p| p.into_inner());
            s.calls.push(RpcCall {
                pipe: self.pipe.clone(),
                opnum: p.opnum,
                stub: p.stub.clone(),
            });
        }
        let Some(&(_, i)) = self.contexts.iter().find(|(id, _)| *id == p.context_id) else {
            self.fault(
                p.call_id,
                p.context_id,
                Some(p.opnum),
                NCA_S_UNKNOWN_IF,
                out,
            );
            return;
        };
        let handler = self.shared.interfaces[i].handler.clone();
        let reply = {
            let mut h = handler.lock().unwrap_or_else(|e| e.into_inner());
            (*h)(self.assoc, p.opnum, &p.stub)
        };
        match reply {
            Reply::Stub(stub) => {
                let frags = self.fragments(p.call_id, p.context_id, &stub);
                self.emit(p.call_id, Some(p.opnum), frags, out);
            }
            Reply::Fault(status) => self.fault(p.call_id, p.context_id, Some(p.opnum), status, out),
            Reply::Messages(m) => out.extend(m),
            Reply::Nothing => {}
        }
    }

    /// Response fragments of at most `xmit_frag` bytes; non-last stub chunks are multiples of
    /// 8 (\[C706\] 12.6.3.7 leaves the split to the sender; Windows keeps 8-byte alignment).
    fn fragments(&self, call_id: u32, context_id: u16, stub: &[u8]) -> Vec<Vec<u8>> {
        let chunk = ((usize::from(self.xmit_frag).saturating_sub(24)) / 8 * 8).max(8);
        let count = stub.len().div_ceil(chunk).max(1);
        (0..count)
            .map(|i| {
                let start = i * chunk;
                let end = (start + chunk).min(stub.len());
                let mut flags = PfcFlags::default();
                if i == 0 {
                    flags |= PfcFlags::FIRST_FRAG;
                }
                if i + 1 == count {
                    flags |= PfcFlags::LAST_FRAG;
                }
                let body = Body::Response(Response {
                    alloc_hint: u32::try_from(stub.len() - start).unwrap_or(u32::MAX),
                    context_id,
                    cancel_count: 0,
                    stub: stub[start..end].to_vec(),
                });
                Pdu::new(call_id, flags, body).encode().unwrap_or_default()
            })
            .collect()
    }

    fn fault(
        &self,
        call_id: u32,
        context_id: u16,
        opnum: Option<u16>,
        status: u32,
        out: &mut Vec<Vec<u8>>,
    ) {
        let mut flags = PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG;
        if matches!(status, NCA_S_OP_RNG_ERROR | NCA_S_UNKNOWN_IF) {
            // The call never reached the manager routine ([C706] 12.6.3.1).
            flags |= PfcFlags::DID_NOT_EXECUTE;
        }
        let body = Body::Fault(Fault {
            alloc_hint: 0,
            context_id,
            cancel_count: 0,
            flags: 0,
            status,
            stub: Vec::new(),
        });
        let bytes = Pdu::new(call_id, flags, body).encode().unwrap_or_default();
        self.emit(call_id, opnum, vec![bytes], out);
    }

    /// Run the PDUs of one reply through the hooks and queue what survives.
    fn emit(&self, call_id: u32, opnum: Option<u16>, pdus: Vec<Vec<u8>>, out: &mut Vec<Vec<u8>>) {
        let n = pdus.len();
        let mut hooks = self
            .shared
            .rpc_hooks
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for (i, bytes) in pdus.into_iter().enumerate() {
            let mut o = RpcOut {
                pipe: self.pipe.clone(),
                ptype: PacketType(bytes.get(2).copied().unwrap_or(0)),
                call_id,
                opnum,
                fragment: i,
                last: i + 1 == n,
                call_no: self.calls,
                bytes,
                extra: Vec::new(),
                action: RpcAction::Send,
            };
            for h in hooks.iter_mut() {
                h(&mut o);
            }
            if o.action == RpcAction::Send {
                out.push(o.bytes);
            }
            out.extend(o.extra);
        }
    }
}

fn pdu_bytes(call_id: u32, body: Body) -> Vec<u8> {
    Pdu::new(call_id, PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG, body)
        .encode()
        .unwrap_or_default()
}

fn nil() -> SyntaxId {
    SyntaxId {
        uuid: Uuid::NIL,
        major: 0,
        minor: 0,
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl Drop for RpcServer {
    /// The pipe closed or its connection dropped: every interface bound here runs the
    /// association down.
    fn drop(&mut self) {
        let mut told: Vec<usize> = Vec::new();
        for &(_, i) in &self.contexts {
            if told.contains(&i) {
                continue;
            }
            told.push(i);
            if let Some(r) = &self.shared.interfaces[i].rundown {
                let mut r = r.lock().unwrap_or_else(|e| e.into_inner());
                (*r)(self.assoc);
            }
        }
    }
}
