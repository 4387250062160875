//! RPC sessions: one bound association held for a sequence of calls on context handles
//! (connect → open domain → open user → query → close), as samr and lsarpc need.
//!
//! A context handle is only valid on the association that opened it ([C706] 5.1.6, [MS-RPCE]
//! 3.3.1.5.1), so [`with_session`] checks one association out of the pool for the whole
//! sequence, and every handle the sequence opens is closed when it ends, on every path:
//!
//! * the sequence ended (success or error) with the association in step: each handle it
//!   [tracked](Session::track) is closed with the interface's close call, then the association
//!   goes back to the pool;
//! * the association fell out of step (a transport failure, an answer that did not decode) or
//!   the future was dropped mid-sequence: the association is dropped, and the server runs its
//!   handles down when the pipe or connection closes ([C706] 5.1.6 context rundown), so nothing
//!   is left open and no later call can meet a half-read answer.
//!
//! Handles worth keeping between sequences (the SAMR server handle, the account and BUILTIN
//! domain handles, the user NetUserGetInfo read last, the LSA policy handle) live in the
//! association's cache
//! ([`Session::cache`]), never in a process-wide table: a handle can then only be reached
//! through the association that opened it, so a cache entry of a dead association cannot be
//! used — it is gone with it — and a reconnect rebuilds the cache on first use. An answer saying
//! a handle is invalid (`STATUS_INVALID_HANDLE`, the fault `nca_s_context_mismatch`) empties the
//! cache, so the next sequence opens fresh handles. Concurrent callers check out different
//! associations, each with its own cache; the pool keeps them (and their caches) for reuse.

use std::marker::PhantomData;

use netapi_codes::{NtStatus, RpcFault};
use netapi_msrpc::{Call, Interface, Response};
use netapi_ndr::ContextHandle;

use super::conn::{Bound, Connector, InterfaceId};
use netapi_dcerpc::Stub;

use super::{decode, errors, send_watched};
use crate::{Error, Kind, Result};

/// An interface whose methods open context handles, and how to close one.
pub(crate) trait HandleInterface: Interface + Sized + 'static {
    /// The close call (`SamrCloseHandle`, `LsarClose`).
    type Close: Call<Interface = Self>;
    /// The request closing `handle`.
    fn close_request(handle: ContextHandle) -> Self::Close;
}

/// One association held for a sequence of calls of interface `I`.
pub(crate) struct Session<'c, I: HandleInterface> {
    conn: &'c Connector,
    op: &'static str,
    /// `None` once the association fell out of step and was dropped.
    bound: Option<Bound>,
    /// Handles opened in this sequence and not closed yet, in opening order.
    opened: Vec<ContextHandle>,
    /// A request was sent and its answer not read (the future may be dropped there).
    in_flight: bool,
    _interface: PhantomData<fn() -> I>,
}

/// Run `body` on one association of `I` (checked out for the whole sequence), then close the
/// handles it opened; see the module docs for every path.
pub(crate) async fn with_session<I, T, F>(conn: &Connector, op: &'static str, body: F) -> Result<T>
where
    I: HandleInterface,
    F: AsyncFnOnce(&mut Session<'_, I>) -> Result<T>,
{
    let bound = conn
        .checkout(InterfaceId::of::<I>())
        .await
        .map_err(|e| errors::from_transport(op, e))?;
    run(conn, op, bound, body).await
}

async fn run<I, T, F>(conn: &Connector, op: &'static str, bound: Bound, body: F) -> Result<T>
where
    I: HandleInterface,
    F: AsyncFnOnce(&mut Session<'_, I>) -> Result<T>,
{
    let mut session = Session {
        conn,
        op,
        bound: Some(bound),
        opened: Vec::new(),
        in_flight: false,
        _interface: PhantomData,
    };
    let result = body(&mut session).await;
    session.finish().await;
    result
}

/// [`with_session`] on an idle association whose cache (of type `C`) `prefer`s, when there is
/// one (e.g. one whose handle holds the enumeration being continued).
pub(crate) async fn with_session_preferring<I, C, T, P, F>(
    conn: &Connector,
    op: &'static str,
    prefer: P,
    body: F,
) -> Result<T>
where
    I: HandleInterface,
    C: 'static,
    P: Fn(&C) -> bool,
    F: AsyncFnOnce(&mut Session<'_, I>) -> Result<T>,
{
    let bound = conn
        .checkout_preferring(InterfaceId::of::<I>(), |b| {
            b.cache
                .as_ref()
                .and_then(|c| c.downcast_ref::<C>())
                .is_some_and(&prefer)
        })
        .await
        .map_err(|e| errors::from_transport(op, e))?;
    run(conn, op, bound, body).await
}

impl<I: HandleInterface> Session<'_, I> {
    /// Send `req` on this session's association and decode the answer (its status is the
    /// caller's to read). Fails without sending once the association was lost.
    pub(crate) async fn call<C: Call<Interface = I>>(&mut self, req: &C) -> Result<C::Response> {
        let answer = self.call_raw(req).await?;
        let (result, in_step) = decode::<C>(self.op, answer);
        self.settle(result, in_step)
    }

    /// Send `req` and read its answer without decoding it: decode it with
    /// [`rpc::decode`](super::decode) — which needs no session, so it can run while this
    /// session's next request is in flight — and hand the outcome to [`Session::settle`].
    pub(crate) async fn call_raw<C: Call<Interface = I>>(&mut self, req: &C) -> Result<Stub> {
        self.call_raw_watched(req, &mut || {}).await
    }

    /// [`Session::call_raw`], calling `started` once the answer's first fragment is in and
    /// more are to come ([`send_watched`]).
    pub(crate) async fn call_raw_watched<C: Call<Interface = I>>(
        &mut self,
        req: &C,
        started: &mut (dyn FnMut() + Send),
    ) -> Result<Stub> {
        let op = self.op;
        let Some(bound) = self.bound.as_mut() else {
            return Err(lost(op));
        };
        self.in_flight = true;
        let (result, in_step) = send_watched(bound, op, req, started).await;
        self.in_flight = false;
        if let Err(e) = &result {
            self.keep(in_step, faults_handle(e));
        }
        result
    }

    /// What a decoded answer means for the association (see [`Session::keep`]).
    pub(crate) fn settle<R: Response>(&mut self, result: Result<R>, in_step: bool) -> Result<R> {
        self.keep(in_step, calls_a_handle_invalid(&result));
        result
    }

    /// After an answer: out of step (`in_step` false), the association is dropped and the
    /// server runs its handles down; an answer calling a handle invalid (`stale`) empties the
    /// handle cache.
    pub(crate) fn keep(&mut self, in_step: bool, stale: bool) {
        if !in_step {
            self.bound = None;
            self.opened.clear();
        } else if stale && let Some(bound) = self.bound.as_mut() {
            tracing::debug!(
                op = self.op,
                "the server called a handle invalid: emptying the handle cache"
            );
            bound.cache = None;
        }
    }

    /// Close `handle` at the end of the sequence (unless [closed](Session::close) before).
    pub(crate) fn track(&mut self, handle: ContextHandle) {
        if !handle.is_null() {
            self.opened.push(handle);
        }
    }

    /// Drop this session's association now (its handles are run down by the server) and go
    /// on without one: later calls fail with the "association lost" error. For a server that
    /// may have left state behind on the association (a transaction it did not end).
    pub(crate) fn discard(&mut self) {
        self.bound = None;
        self.opened.clear();
    }

    /// Forget a tracked handle the server closed itself (a deleted user's, group's or alias's:
    /// SamrDeleteUser/Group/Alias answer it zeroed): nothing is left to close.
    pub(crate) fn untrack(&mut self, handle: ContextHandle) {
        self.opened.retain(|h| *h != handle);
    }

    /// Close a tracked handle now.
    pub(crate) async fn close(&mut self, handle: ContextHandle) {
        self.opened.retain(|h| *h != handle);
        self.close_untracked(handle).await;
    }

    async fn close_untracked(&mut self, handle: ContextHandle) {
        // A failed close leaves nothing to do: the handle is gone or the association with it.
        let _ = self.call(&I::close_request(handle)).await;
    }

    /// This association's cache of long-lived handles (created empty on first use); `None`
    /// once the association was lost.
    pub(crate) fn cache<T: Default + Send + 'static>(&mut self) -> Option<&mut T> {
        let bound = self.bound.as_mut()?;
        if !bound.cache.as_ref().is_some_and(|c| c.is::<T>()) {
            bound.cache = Some(Box::new(T::default()));
        }
        bound.cache.as_mut()?.downcast_mut::<T>()
    }

    /// The session key of this session's association ([`Bound::session_key`]).
    pub(crate) fn session_key(&self) -> Option<super::samr::password::SessionKey> {
        self.bound.as_ref()?.session_key()
    }

    /// The transport of this session's association.
    pub(crate) fn transport(&self) -> crate::Transport {
        self.conn.options().transport
    }

    /// The NetApi function this session serves.
    pub(crate) fn op(&self) -> &'static str {
        self.op
    }

    /// Close what the sequence opened (last opened first), then return the association to the
    /// pool.
    async fn finish(&mut self) {
        while let Some(handle) = self.opened.pop() {
            self.close_untracked(handle).await;
        }
        if let Some(bound) = self.bound.take() {
            self.conn.checkin(bound);
        }
    }
}

impl<I: HandleInterface> Drop for Session<'_, I> {
    /// Reached with the association still here only when the sequence's future was dropped
    /// before [`Session::finish`] ran: the association is reusable only if nothing is open on
    /// it and no answer is pending; otherwise it is dropped and the server runs its handles
    /// down.
    fn drop(&mut self) {
        if let Some(bound) = self.bound.take()
            && self.opened.is_empty()
            && !self.in_flight
        {
            self.conn.checkin(bound);
        }
    }
}

/// The fault a server answers a call on a handle it does not know with.
fn faults_handle(e: &Error) -> bool {
    e.code() == crate::Code::Fault(RpcFault::nca_s_fault_context_mismatch)
}

/// Whether a decoded answer says a handle is invalid (`STATUS_INVALID_HANDLE`, or the fault
/// `nca_s_context_mismatch`): what [`Session::keep`] calls stale.
pub(crate) fn calls_a_handle_invalid<R: Response>(result: &Result<R>) -> bool {
    match result {
        Ok(resp) => resp.status() == NtStatus::STATUS_INVALID_HANDLE.0,
        Err(e) => faults_handle(e),
    }
}

fn lost(op: &'static str) -> Error {
    Error::local(
        op,
        Kind::Transport,
        netapi_codes::WinError::ERROR_NETNAME_DELETED,
        "the association of this sequence of calls was lost",
    )
}
