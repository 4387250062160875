//! The async DCE/RPC client: drives a `netapi_dcerpc::Association` over any [`RpcIo`].
//!
//! [`RpcClient::bind`] binds one or more interfaces (with an optional security context),
//! [`RpcClient::call`] sends a request stub and returns the response stub: non-last fragments
//! go out with [`RpcIo::send`], the last one with [`RpcIo::transceive`], further response
//! fragments arrive through [`RpcIo::recv`]. Security context steps (which may block on a KDC)
//! run on tokio's blocking pool while binding. A transport error or protocol violation breaks
//! the client; a fault only fails its call. Left out: several calls in flight, cancel.

use crate::{Error, RpcIo};
use netapi_dcerpc::{
    AssocConfig, Association, AuthConfig, Event, PresentationContext, StubHook, SyntaxId,
};

/// Maps an association error: security failures become [`Error::Auth`], the rest [`Error::Rpc`].
fn rpc_err(e: netapi_dcerpc::Error) -> Error {
    match e {
        netapi_dcerpc::Error::Auth(a) => Error::Auth(a),
        other => Error::Rpc(other),
    }
}

/// A bound DCE/RPC association over a byte transport.
pub struct RpcClient<I: RpcIo> {
    io: I,
    assoc: Association,
    /// Security context steps are run on the blocking pool (auth configured, bind in progress).
    blocking_steps: bool,
    broken: bool,
}

impl<I: RpcIo> std::fmt::Debug for RpcClient<I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RpcClient")
            .field("assoc", &self.assoc)
            .field("broken", &self.broken)
            .finish_non_exhaustive()
    }
}

impl<I: RpcIo> RpcClient<I> {
    /// Binds `interfaces` over `io` with the transport's preferred fragment size, optionally
    /// authenticated. Fails if the server rejects any of the interfaces.
    pub async fn bind(
        io: I,
        interfaces: &[SyntaxId],
        auth: Option<AuthConfig>,
    ) -> Result<Self, Error> {
        let mut config = AssocConfig::new(io.preferred_frag_size());
        config.auth = auth;
        Self::bind_with(io, interfaces, config).await
    }

    /// [`RpcClient::bind`] with a complete association configuration.
    pub async fn bind_with(
        io: I,
        interfaces: &[SyntaxId],
        config: AssocConfig,
    ) -> Result<Self, Error> {
        let blocking_steps = config.auth.is_some();
        let mut client = RpcClient {
            io,
            assoc: Association::new(config),
            blocking_steps,
            broken: false,
        };
        let ifaces = interfaces.to_vec();
        client
            .with_assoc(move |a| a.bind(&ifaces).map(|_| ()))
            .await?;
        let event = client.wait_event().await?;
        client.blocking_steps = false;
        // Only the kind of event: stubs may carry protected data and are never logged.
        let answer = match &event {
            Event::Bound { .. } => "bind_ack",
            Event::Fault { .. } => "fault",
            Event::Shutdown => "shutdown",
            _ => "unexpected PDU",
        };
        tracing::debug!(interfaces = ?interfaces, answer, "DCE/RPC bind answered");
        match event {
            Event::Bound { contexts } => check_accepted(&contexts)?,
            other => return Err(client.unexpected(other)),
        }
        Ok(client)
    }

    /// Adds interfaces with alter_context; returns their presentation context ids.
    pub async fn alter_context(&mut self, interfaces: &[SyntaxId]) -> Result<Vec<u16>, Error> {
        self.usable()?;
        let ids = self.assoc.alter_context(interfaces).map_err(rpc_err)?;
        match self.wait_event().await? {
            Event::ContextsAltered { contexts } => check_accepted(&contexts)?,
            other => return Err(self.unexpected(other)),
        }
        Ok(ids)
    }

    /// The accepted presentation context of `interface`.
    pub fn context(&self, interface: &SyntaxId) -> Option<u16> {
        self.assoc.context_for(interface)
    }

    /// Every presentation context with the server's verdict.
    pub fn contexts(&self) -> &[PresentationContext] {
        self.assoc.contexts()
    }

    /// The underlying association (negotiated sizes, features, header signing).
    pub fn association(&self) -> &Association {
        &self.assoc
    }

    /// Installs (or removes) a hook that sees every request and response stub.
    pub fn set_stub_hook(&mut self, hook: Option<StubHook>) {
        self.assoc.set_stub_hook(hook);
    }

    /// The transport.
    pub fn io(&self) -> &I {
        &self.io
    }

    /// Gives the transport back.
    pub fn into_io(self) -> I {
        self.io
    }

    /// Calls `opnum` on presentation context `context` with an NDR request stub and returns the
    /// response stub, in the fragments it arrived in (`Stub::into_vec` joins them;
    /// `netapi_ndr::decode_chunks` decodes them freeing each as it goes). A fault gives
    /// `Error::Rpc(netapi_dcerpc::Error::Fault { .. })` and leaves the client usable.
    pub async fn call(
        &mut self,
        context: u16,
        opnum: u16,
        stub: &[u8],
    ) -> Result<netapi_dcerpc::Stub, Error> {
        self.call_watched(context, opnum, stub, &mut || {}).await
    }

    /// [`RpcClient::call`], calling `started` once the answer's first fragment is in and the
    /// client is about to wait for the rest (not at all for an answer in one fragment). A
    /// caller overlapping work with the call does it then: the server has built its answer and
    /// is only sending it (see `netapi::rpc::samr::enumerate`).
    pub async fn call_watched(
        &mut self,
        context: u16,
        opnum: u16,
        stub: &[u8],
        started: &mut (dyn FnMut() + Send),
    ) -> Result<netapi_dcerpc::Stub, Error> {
        self.usable()?;
        let call_id = self.assoc.request(context, opnum, stub).map_err(rpc_err)?;
        tracing::trace!(
            context,
            opnum,
            call_id,
            request_bytes = stub.len(),
            "DCE/RPC request"
        );
        match self.wait_event_watched(Some(started)).await? {
            Event::Response { call_id: c, stub } if c == call_id => Ok(stub),
            Event::Fault { call_id: c, status } if c == call_id => {
                Err(Error::Rpc(netapi_dcerpc::Error::Fault { call_id, status }))
            }
            other => Err(self.unexpected(other)),
        }
    }

    fn usable(&self) -> Result<(), Error> {
        if self.broken || self.assoc.is_closed() {
            Err(Error::Disconnected)
        } else {
            Ok(())
        }
    }

    fn unexpected(&mut self, event: Event) -> Error {
        self.broken = true;
        match event {
            Event::Shutdown => Error::Disconnected,
            _ => Error::Rpc(netapi_dcerpc::Error::Malformed(
                "event does not match the operation",
            )),
        }
    }

    /// Runs `f` on the association, on the blocking pool while security steps may block.
    async fn with_assoc<F>(&mut self, f: F) -> Result<(), Error>
    where
        F: FnOnce(&mut Association) -> Result<(), netapi_dcerpc::Error> + Send + 'static,
    {
        let result = if self.blocking_steps {
            let mut assoc =
                std::mem::replace(&mut self.assoc, Association::new(AssocConfig::default()));
            let joined = tokio::task::spawn_blocking(move || {
                let r = f(&mut assoc);
                (assoc, r)
            })
            .await;
            match joined {
                Ok((assoc, r)) => {
                    self.assoc = assoc;
                    r
                }
                Err(e) => {
                    self.broken = true;
                    match e.try_into_panic() {
                        Ok(p) => std::panic::resume_unwind(p),
                        Err(_) => return Err(Error::Disconnected),
                    }
                }
            }
        } else {
            f(&mut self.assoc)
        };
        result.map_err(|e| {
            self.broken = true;
            rpc_err(e)
        })
    }

    async fn feed(&mut self, data: Vec<u8>) -> Result<(), Error> {
        self.with_assoc(move |a| a.handle_input(&data)).await
    }

    /// Sends everything queued; replies to transceived PDUs are fed back in.
    async fn flush(&mut self) -> Result<(), Error> {
        while let Some(t) = self.assoc.poll_transmit() {
            let r = if t.awaits_reply {
                match self.io.transceive(&t.data).await {
                    Ok(reply) => self.feed(reply).await,
                    Err(e) => Err(e),
                }
            } else {
                self.io.send(&t.data).await
            };
            if let Err(e) = r {
                self.broken = true;
                return Err(e);
            }
        }
        Ok(())
    }

    /// Sends, receives and feeds until the association reports an event (then sends whatever
    /// that queued, e.g. rpc_auth_3).
    async fn wait_event(&mut self) -> Result<Event, Error> {
        self.wait_event_watched(None).await
    }

    /// [`RpcClient::wait_event`], calling `started` (once) before waiting for a response
    /// fragment other than the first.
    async fn wait_event_watched(
        &mut self,
        mut started: Option<&mut (dyn FnMut() + Send)>,
    ) -> Result<Event, Error> {
        loop {
            self.flush().await?;
            if let Some(event) = self.assoc.poll_event() {
                self.flush().await?;
                return Ok(event);
            }
            if self
                .assoc
                .outstanding_call()
                .is_some_and(|(_, frags)| frags > 0)
                && let Some(started) = started.take()
            {
                started();
            }
            let data = match self.io.recv().await {
                Ok(d) => d,
                Err(e) => {
                    self.broken = true;
                    return Err(e);
                }
            };
            self.feed(data).await?;
        }
    }
}

fn check_accepted(contexts: &[PresentationContext]) -> Result<(), Error> {
    match contexts.iter().find(|c| !c.is_accepted()) {
        Some(c) => Err(Error::Rpc(netapi_dcerpc::Error::ContextRejected {
            context_id: c.id,
            result: c.result.0,
            reason: c.reason,
        })),
        None => Ok(()),
    }
}
