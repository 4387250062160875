//! The RPC core: NetApi functions built from MS-RPC calls ([MS-SRVS], [MS-SAMR], ...) sent over
//! netapi's own transport, the same way for every interface.
//!
//! * [`call`] sends one request on a pooled association of the request's own interface
//!   (`C::Interface`) and decodes its response; [`session`] holds one association for a
//!   sequence of calls on context handles, with the per-association handle cache.
//! * [`status`] reads a method's return value in its code space, with its "more data" and
//!   partial-success codes; [`translate`] is the one table from received codes to Windows'.
//! * [`paging`] is the one paging engine; [`args`] checks arguments before anything is sent;
//!   [`levels`] is the level dispatch between info-level families and wire unions.
//! * [`conn`] opens, binds and pools associations; [`errors`] maps transport and codec failures.
//!
//! One module per interface family then says what each NetApi function sends ([`srvsvc`],
//! [`wkssvc`] with netlogon and msgsvc).

pub(crate) mod args;
pub(crate) mod conn;
pub(crate) mod delta;
pub(crate) mod errors;
pub(crate) mod levels;
pub(crate) mod list_pages;
pub(crate) mod lsarpc;
pub(crate) mod paging;
pub(crate) mod samr;
pub(crate) mod session;
pub(crate) mod srvsvc;
pub(crate) mod status;
pub(crate) mod translate;
pub(crate) mod values;
pub(crate) mod wkssvc;

use netapi_dcerpc::Stub;
use netapi_msrpc::Call;
use netapi_ndr::Limits;

use crate::{Error, Result};
use conn::{Bound, Connector, InterfaceId};

/// Send `req` (NetApi function `op`) on a pooled association of its interface and decode the
/// response; its status is the caller's to read ([`status::check`]).
///
/// The interface comes from the request type (`C::Interface`): a request can only travel on
/// its own interface's association (for sessions, `Session<I>::call` takes only
/// `C: Call<Interface = I>`; see `netapi_msrpc::Call` for the compile-time check).
pub(crate) async fn call<C: Call>(
    conn: &Connector,
    op: &'static str,
    req: &C,
) -> Result<C::Response> {
    call_keyed::<C, &C>(conn, op, |_| Ok(req)).await
}

/// [`call`] for a request carrying a secret encrypted with the user session key (the
/// `JOINPR_ENCRYPTED_USER_PASSWORD` of [MS-WKST] 2.2.5.18): `build` gets the key of the SMB
/// session the association runs on, `None` over `ncacn_ip_tcp`; an error from `build` sends
/// nothing.
pub(crate) async fn call_keyed<C: Call, R: std::borrow::Borrow<C>>(
    conn: &Connector,
    op: &'static str,
    build: impl FnOnce(Option<[u8; 16]>) -> Result<R>,
) -> Result<C::Response> {
    let mut bound = conn
        .checkout(InterfaceId::of::<C::Interface>())
        .await
        .map_err(|e| errors::from_transport(op, e))?;
    let key = match bound.client.io() {
        conn::AnyIo::Pipe(p) => p.session().application_key(),
        conn::AnyIo::Tcp(_) => None,
    };
    let req = match build(key) {
        Ok(req) => req,
        Err(e) => {
            conn.checkin(bound);
            return Err(e);
        }
    };
    let (result, in_step) = exchange(&mut bound, op, req.borrow()).await;
    if in_step {
        conn.checkin(bound);
    }
    result
}

/// One request/response on `bound`. The second value says whether the association is still
/// in step (safe to reuse): after an answer that decoded, or after a call-level fault. Anything
/// else (transport failure, protocol error, an answer that did not decode, an association-level
/// fault with call_id 0) means it must be dropped, so the next call opens a fresh one.
///
/// An answer that does not decode is reported as the server's status when it has the shape of
/// a refusal ([`status::refusal`]): short (at most [`REFUSAL_MAX_LEN`] bytes), not merely
/// followed by extra bytes, and ending in a named code of the method's code space. A server that
/// refuses a call may leave the `[out]` parameters in a shape the IDL does not allow, while the
/// return value is always the last four bytes. Anything else is `RPC_X_BAD_STUB_DATA` (1783).
/// quirk(samba-4.17): NetrShareEnum / NetrShareGetInfo at level 503 answer `ERROR_INVALID_LEVEL`
/// with a union arm Samba's IDL lacks.
pub(crate) async fn exchange<C: Call>(
    bound: &mut Bound,
    op: &'static str,
    req: &C,
) -> (Result<C::Response>, bool) {
    match send(bound, op, req).await {
        (Ok(answer), _) => decode::<C>(op, answer),
        (Err(e), in_step) => (Err(e), in_step),
    }
}

/// The transport half of [`exchange`]: `req` sent on `bound` and its answer read, undecoded.
/// The second value says whether the association is still in step (see [`exchange`]).
pub(crate) async fn send<C: Call>(
    bound: &mut Bound,
    op: &'static str,
    req: &C,
) -> (Result<Stub>, bool) {
    send_watched(bound, op, req, &mut || {}).await
}

/// [`send`], calling `started` once the answer's first fragment is in and more are to come
/// (`netapi_transport::RpcClient::call_watched`).
pub(crate) async fn send_watched<C: Call>(
    bound: &mut Bound,
    op: &'static str,
    req: &C,
    started: &mut (dyn FnMut() + Send),
) -> (Result<Stub>, bool) {
    let stub = match netapi_ndr::encode(req) {
        Ok(stub) => stub,
        Err(e) => return (Err(errors::from_encode(op, e)), true),
    };
    tracing::debug!(
        op,
        interface = bound.interface.name,
        opnum = C::OPNUM,
        "NetApi call"
    );
    match bound
        .client
        .call_watched(bound.context, C::OPNUM, &stub, started)
        .await
    {
        Ok(answer) => (Ok(answer), true),
        Err(e) => {
            let call_fault = matches!(
                e,
                netapi_transport::Error::Rpc(netapi_dcerpc::Error::Fault { call_id, .. }) if call_id != 0
            );
            (Err(errors::from_transport(op, e)), call_fault)
        }
    }
}

/// The decoding half of [`exchange`]: `answer` as `C`'s response (a refusal read as the
/// server's status, see [`exchange`]); `false` when it did not decode (the association is out
/// of step). Needs no association, so it can run while the next request is in flight.
pub(crate) fn decode<C: Call>(op: &'static str, answer: Stub) -> (Result<C::Response>, bool) {
    // Only a short answer can be read as a refusal; keep a copy of that one, and decode a long
    // one freeing its fragments as they are read.
    let short = (answer.len() <= REFUSAL_MAX_LEN).then(|| answer.to_vec());
    match netapi_ndr::decode_chunks::<C::Response>(answer.into_chunks(), Limits::DEFAULT) {
        Ok(resp) => (Ok(resp), true),
        Err(e) => {
            let refused = short.and_then(|b| refusal::<C>(op, &b, &e));
            let err = match refused {
                Some(err) => err.with_detail(format!("the rest of the answer did not decode: {e}")),
                None => errors::from_decode(op, e),
            };
            (Err(err), false)
        }
    }
}

/// Longest undecodable answer still read as a refusal (a refused call carries no data).
const REFUSAL_MAX_LEN: usize = 64;

/// The server's status of an answer that did not decode, when the answer looks like a refusal.
fn refusal<C: Call>(op: &'static str, stub: &[u8], e: &netapi_ndr::DecodeError) -> Option<Error> {
    if stub.len() > REFUSAL_MAX_LEN
        || matches!(e.kind, netapi_ndr::DecodeErrorKind::TrailingBytes { .. })
    {
        return None;
    }
    let tail: [u8; 4] = stub.get(stub.len().checked_sub(4)?..)?.try_into().ok()?;
    status::refusal::<C::Response>(op, u32::from_le_bytes(tail))
}
