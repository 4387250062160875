//! One connection and session per (server, port, credentials, options), reused by every pipe
//! opened through the same [`SmbClient`]. Credentials are keyed by
//! [`netapi_auth::Credentials::fingerprint`], never by their secret. A dead connection is
//! replaced on next use; concurrent first uses of a key wait for one connect.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use netapi_auth::Credentials;

use super::auth::{Authenticator, NetapiAuth};
use super::options::{OptionsKey, SmbOptions};
use super::pipe::Pipe;
use super::session::SmbSession;
use crate::{Error, RpcIo};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PoolKey {
    server: String,
    credentials: [u8; 32],
    options: OptionsKey,
}

type Slot = Arc<tokio::sync::Mutex<Option<SmbSession>>>;

/// Opens named pipes on a server: the seam where another SMB implementation can replace ours.
/// The RPC layer and `netapi` depend on this trait and on [`RpcIo`], not on [`SmbClient`].
pub trait PipeConnector: Send + Sync {
    /// The pipe type.
    type Pipe: RpcIo + Send + 'static;
    /// Open `pipe` (`srvsvc`, `samr`, ...) on `server` as `creds`.
    fn connect_pipe(
        &self,
        server: &str,
        creds: &Credentials,
        opts: &SmbOptions,
        pipe: &str,
    ) -> impl std::future::Future<Output = Result<Self::Pipe, Error>> + Send;
}

impl PipeConnector for SmbClient {
    type Pipe = Pipe;
    async fn connect_pipe(
        &self,
        server: &str,
        creds: &Credentials,
        opts: &SmbOptions,
        pipe: &str,
    ) -> Result<Pipe, Error> {
        self.open_pipe(server, creds, opts, pipe).await
    }
}

/// A pool of SMB2 sessions. Cheap to clone (clones share the pool); `Send + Sync`.
#[derive(Clone)]
pub struct SmbClient {
    auth: Arc<dyn Authenticator>,
    slots: Arc<Mutex<HashMap<PoolKey, Slot>>>,
}

impl std::fmt::Debug for SmbClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.slots.lock().map(|s| s.len()).unwrap_or(0);
        write!(f, "SmbClient({n} pooled keys)")
    }
}

impl Default for SmbClient {
    fn default() -> Self {
        Self::new()
    }
}

impl SmbClient {
    /// A pool authenticating through `netapi-auth`.
    pub fn new() -> Self {
        Self::with_authenticator(Arc::new(NetapiAuth))
    }

    /// A pool with another source of security contexts.
    pub fn with_authenticator(auth: Arc<dyn Authenticator>) -> Self {
        SmbClient {
            auth,
            slots: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The process-wide pool.
    pub fn shared() -> &'static SmbClient {
        static SHARED: OnceLock<SmbClient> = OnceLock::new();
        SHARED.get_or_init(SmbClient::new)
    }

    /// The pooled session for this key, connecting if there is none or it died.
    pub async fn session(
        &self,
        server: &str,
        creds: &Credentials,
        opts: &SmbOptions,
    ) -> Result<SmbSession, Error> {
        Ok(self.session_reused(server, creds, opts).await?.0)
    }

    /// The session and whether it came from the pool.
    async fn session_reused(
        &self,
        server: &str,
        creds: &Credentials,
        opts: &SmbOptions,
    ) -> Result<(SmbSession, bool), Error> {
        let key = PoolKey {
            server: server.trim_start_matches('\\').to_ascii_lowercase(),
            credentials: creds.fingerprint(),
            options: OptionsKey::new(opts),
        };
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
            slots.entry(key).or_default().clone()
        };
        let mut guard = slot.lock().await;
        if let Some(s) = guard.as_ref()
            && s.is_alive()
        {
            return Ok((s.clone(), true));
        }
        *guard = None;
        let s = SmbSession::connect_with(server, creds, opts, self.auth.clone()).await?;
        *guard = Some(s.clone());
        Ok((s, false))
    }

    /// Open `pipe` on `server`, reusing the pooled session. A reused connection that turns out
    /// to be dead (the server dropped it while idle) is replaced once.
    pub async fn open_pipe(
        &self,
        server: &str,
        creds: &Credentials,
        opts: &SmbOptions,
        pipe: &str,
    ) -> Result<Pipe, Error> {
        let (session, reused) = self.session_reused(server, creds, opts).await?;
        match session.open_pipe(pipe).await {
            Err(Error::Disconnected | Error::Io { .. }) if reused => {
                let (session, _) = self.session_reused(server, creds, opts).await?;
                session.open_pipe(pipe).await
            }
            r => r,
        }
    }

    /// Take the pooled sessions of `server` as `creds` (under any options) out of the pool and
    /// log each off now (TREE_DISCONNECT, LOGOFF, close), also for pipes still open on them;
    /// the next use of that key connects again. Returns how many sessions were logged off.
    /// This is what NetUseDel with `USE_LOTS_OF_FORCE` does to the server's session.
    pub async fn logoff(&self, server: &str, creds: &Credentials) -> Result<usize, Error> {
        let host = server.trim_start_matches('\\').to_ascii_lowercase();
        let fingerprint = creds.fingerprint();
        let slots: Vec<Slot> = {
            let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
            let keys: Vec<PoolKey> = slots
                .keys()
                .filter(|k| k.server == host && k.credentials == fingerprint)
                .cloned()
                .collect();
            keys.iter().filter_map(|k| slots.remove(k)).collect()
        };
        let mut first_error = None;
        let mut n = 0;
        for slot in slots {
            let Some(session) = slot.lock().await.take() else {
                continue;
            };
            n += 1;
            if !session.is_alive() {
                continue;
            }
            if let Err(e) = session.logoff().await {
                first_error.get_or_insert(e);
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(n),
        }
    }

    /// Whether the pool holds `session` now (a busy slot counts as not holding it).
    pub fn holds(&self, session: &SmbSession) -> bool {
        let slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        slots.values().any(|slot| {
            slot.try_lock()
                .is_ok_and(|s| s.as_ref().is_some_and(|s| s.same_as(session)))
        })
    }

    /// Drop every pooled session (each logs off once its last pipe is gone).
    pub fn clear(&self) {
        self.slots.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}
