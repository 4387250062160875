//! An authenticated SMB2 session with its `IPC$` tree: NEGOTIATE, SESSION_SETUP through a
//! security context ([MS-SMB2] 3.2.4.2), TREE_CONNECT, and for 3.0/3.0.2 the signed
//! VALIDATE_NEGOTIATE_INFO check. Dropping the last handle sends TREE_DISCONNECT and LOGOFF and
//! closes the socket.

use std::sync::Arc;

use netapi_auth::{AuthOptions, Credentials, SecurityContext, Step};
use netapi_smb2::session_setup::session_flags;
use netapi_smb2::status::{
    STATUS_FILE_CLOSED, STATUS_INVALID_DEVICE_REQUEST, STATUS_MORE_PROCESSING_REQUIRED,
    STATUS_NOT_SUPPORTED, STATUS_SUCCESS,
};
use netapi_smb2::{
    Body, Cipher, Config, Connection, Dialect, Response, SessionInfo, SigningAlgorithm,
};

use super::auth::{Authenticator, NetapiAuth};
use super::driver::{Driver, Timeouts};
use super::options::SmbOptions;
use super::pipe::Pipe;
use crate::Error;

/// SESSION_SETUP round trips allowed before we give up (NTLM needs 2, Kerberos 1-2).
const MAX_SETUP_LEGS: usize = 8;

pub(crate) struct SessionInner {
    pub(crate) driver: Arc<Driver>,
    pub(crate) session_id: u64,
    pub(crate) tree_id: u32,
    pub(crate) server: String,
    pub(crate) max_pipe_output: u32,
    signing: bool,
    encryption: bool,
}

impl Drop for SessionInner {
    fn drop(&mut self) {
        let (sid, tid) = (self.session_id, self.tree_id);
        self.driver.fire(|c| c.tree_disconnect(sid, tid));
        self.driver.fire(|c| c.logoff(sid));
        self.driver.shutdown();
    }
}

/// A session on `IPC$` of one server, shared by the pipes opened on it. Cheap to clone;
/// `Send + Sync`.
#[derive(Clone)]
pub struct SmbSession {
    pub(crate) inner: Arc<SessionInner>,
}

impl std::fmt::Debug for SmbSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmbSession")
            .field("server", &self.inner.server)
            .field("connection", &self.inner.driver.id)
            .field("session_id", &format_args!("{:#x}", self.inner.session_id))
            .field("dialect", &self.dialect())
            .finish()
    }
}

/// Turn a failure status into `Error::Status`.
pub(crate) fn status_error(r: &Response) -> Error {
    Error::Status {
        command: r.command.as_str(),
        status: r.status,
    }
}

impl SmbSession {
    /// Connect, authenticate with `netapi-auth` and connect to `IPC$` (no pooling; see
    /// [`super::SmbClient`] for that).
    pub async fn connect(
        server: &str,
        creds: &Credentials,
        opts: &SmbOptions,
    ) -> Result<Self, Error> {
        Self::connect_with(server, creds, opts, Arc::new(NetapiAuth)).await
    }

    /// As [`SmbSession::connect`], with another source of security contexts.
    pub async fn connect_with(
        server: &str,
        creds: &Credentials,
        opts: &SmbOptions,
        auth: Arc<dyn Authenticator>,
    ) -> Result<Self, Error> {
        let host = server.trim_start_matches('\\');
        if host.is_empty() {
            return Err(Error::Usage("empty server name".into()));
        }
        let mut cfg = Config::new(random()?, random()?);
        cfg.min_dialect = opts.min_dialect;
        cfg.max_dialect = opts.max_dialect;
        cfg.signing = opts.signing;
        cfg.encryption = opts.encryption;
        cfg.ciphers = opts.ciphers.clone();
        let name = spn_host(host, &opts.auth);
        cfg.server_name = Some(name.clone().unwrap_or_else(|| host.to_owned()));
        let conn = Connection::new(cfg);
        let timeouts = Timeouts {
            response: opts.response_timeout,
            async_response: opts.async_timeout,
        };
        let driver = Driver::connect(host, opts.port, opts.connect_timeout, timeouts, conn).await?;
        match Self::establish(&driver, host, name, creds, opts, auth).await {
            Ok(s) => Ok(s),
            Err(e) => {
                driver.shutdown();
                Err(e)
            }
        }
    }

    async fn establish(
        driver: &Arc<Driver>,
        host: &str,
        spn_host: Option<String>,
        creds: &Credentials,
        opts: &SmbOptions,
        auth: Arc<dyn Authenticator>,
    ) -> Result<Self, Error> {
        let r = driver.call("NEGOTIATE", |c| c.negotiate()).await?;
        let hint = match r.body {
            Body::Negotiate(n) => n.security_buffer,
            _ => return Err(status_error(&r)),
        };

        let mut auth_opts = opts.auth.clone();
        if auth_opts.target_host.is_none() {
            auth_opts.target_host = spn_host;
        }
        let info = setup(driver, creds, auth_opts.clone(), auth, hint).await?;
        let session_id = info.session_id;
        if !creds.is_anonymous()
            && info.flags & (session_flags::IS_GUEST | session_flags::IS_NULL) != 0
        {
            return Err(Error::Policy(
                "the server logged us on as guest or anonymous instead of the given user".into(),
            ));
        }
        // The UNC name the server knows itself by, when we have one ([MS-SMB2] 2.2.9).
        let unc_host = auth_opts
            .target_host
            .clone()
            .unwrap_or_else(|| host.to_owned());
        let path = format!(r"\\{unc_host}\IPC$");
        let r = driver
            .call("TREE_CONNECT", |c| c.tree_connect(session_id, &path))
            .await?;
        let tree_id = match (&r.body, r.tree_id) {
            (Body::TreeConnect(_), Some(t)) => t,
            _ => return Err(status_error(&r)),
        };
        let validate = driver.with_conn(|c| c.negotiated().map(|n| n.dialect));
        if matches!(validate, Some(Dialect::SMB3_0 | Dialect::SMB3_0_2)) {
            validate_negotiate(driver, session_id, tree_id).await?;
        }
        tracing::debug!(
            server = host,
            dialect = ?validate,
            signing = info.signing,
            encryption = info.encryption,
            "SMB2 session on IPC$ established"
        );
        Ok(SmbSession {
            inner: Arc::new(SessionInner {
                driver: driver.clone(),
                session_id,
                tree_id,
                server: host.to_owned(),
                max_pipe_output: opts.max_pipe_output,
                signing: info.signing,
                encryption: info.encryption,
            }),
        })
    }

    /// Open the named pipe `name` (`srvsvc`, `samr`, `lsarpc`, ...; a leading `\PIPE\` or `\`
    /// is accepted and removed).
    pub async fn open_pipe(&self, name: &str) -> Result<Pipe, Error> {
        Pipe::open(self.clone(), name).await
    }

    /// TREE_CONNECT to another share of this server (`\\server\share` is built from the name
    /// the session connected to): what a disk use of NetUseAdd holds ([MS-SMB2] 3.2.4.2.4).
    /// The tree is disconnected when the returned [`Tree`] is dropped or
    /// [`Tree::disconnect`]ed.
    pub async fn connect_tree(&self, share: &str) -> Result<Tree, Error> {
        if share.is_empty() || share.contains(['\\', '/']) {
            return Err(Error::Usage(format!("{share:?} is not a share name")));
        }
        let path = format!(r"\\{}\{share}", self.inner.server);
        let sid = self.inner.session_id;
        let r = self
            .inner
            .driver
            .call("TREE_CONNECT", move |c| c.tree_connect(sid, &path))
            .await?;
        match (&r.body, r.tree_id) {
            (Body::TreeConnect(t), Some(tree_id)) => Ok(Tree {
                session: self.clone(),
                tree_id,
                share_type: t.share_type,
                connected: true,
            }),
            _ => Err(status_error(&r)),
        }
    }

    /// ECHO round trip.
    pub async fn echo(&self) -> Result<(), Error> {
        let r = self.inner.driver.call("ECHO", |c| c.echo()).await?;
        match r.body {
            Body::Echo => Ok(()),
            _ => Err(status_error(&r)),
        }
    }

    /// TREE_DISCONNECT, LOGOFF and close the connection now, for every holder of this session
    /// (pipes opened on it fail afterwards).
    pub async fn logoff(self) -> Result<(), Error> {
        let (sid, tid) = (self.inner.session_id, self.inner.tree_id);
        let d = &self.inner.driver;
        let r = d
            .call("TREE_DISCONNECT", |c| c.tree_disconnect(sid, tid))
            .await?;
        if !matches!(r.body, Body::TreeDisconnect) {
            return Err(status_error(&r));
        }
        let r = d.call("LOGOFF", |c| c.logoff(sid)).await?;
        d.shutdown();
        match r.body {
            Body::Logoff => Ok(()),
            _ => Err(status_error(&r)),
        }
    }

    /// The negotiated dialect.
    pub fn dialect(&self) -> Dialect {
        self.inner
            .driver
            .with_conn(|c| c.negotiated().map_or(Dialect(0), |n| n.dialect))
    }

    /// The cipher, when the session or a share encrypts.
    pub fn cipher(&self) -> Option<Cipher> {
        self.inner
            .driver
            .with_conn(|c| c.negotiated().and_then(|n| n.cipher))
    }

    /// The signing algorithm of the connection.
    pub fn signing_algorithm(&self) -> Option<SigningAlgorithm> {
        self.inner
            .driver
            .with_conn(|c| c.negotiated().map(|n| n.signing_algorithm))
    }

    /// Requests are signed and responses must be signed.
    pub fn is_signed(&self) -> bool {
        self.inner.signing
    }

    /// Everything on the session is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.inner.encryption
    }

    /// `Session.ApplicationKey`: the "user session key" SAMR and LSA derive from.
    pub fn application_key(&self) -> Option<[u8; 16]> {
        let sid = self.inner.session_id;
        self.inner.driver.with_conn(|c| c.application_key(sid))
    }

    /// The SMB2 SessionId.
    pub fn session_id(&self) -> u64 {
        self.inner.session_id
    }

    /// A process-unique number for the TCP connection (equal for pooled sessions that share it).
    pub fn connection_id(&self) -> u64 {
        self.inner.driver.id
    }

    /// The server as given when connecting.
    pub fn server(&self) -> &str {
        &self.inner.server
    }

    /// How many handles hold this session: its clones (pools, uses), its open pipes and trees.
    /// What a NetUse table counts open files from.
    pub fn holders(&self) -> usize {
        Arc::strong_count(&self.inner)
    }

    /// Whether `other` is this very session (not merely one to the same server).
    pub fn same_as(&self, other: &SmbSession) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// Whether the connection still works (a dead one is replaced by the pool).
    pub fn is_alive(&self) -> bool {
        self.inner.driver.is_alive()
    }
}

/// The host name for the SPN when none is configured: the server, if it is a name and not an
/// address literal.
fn spn_host(host: &str, auth: &AuthOptions) -> Option<String> {
    if let Some(h) = &auth.target_host {
        return Some(h.clone());
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.parse::<std::net::IpAddr>().is_ok() {
        None
    } else {
        Some(host.to_owned())
    }
}

fn random<const N: usize>() -> Result<[u8; N], Error> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| Error::Io {
        op: "random",
        source: std::io::Error::other(e.to_string()),
    })?;
    Ok(b)
}

/// Run a context step on a blocking thread (Kerberos may talk to the KDC).
async fn step(
    mut ctx: Box<dyn SecurityContext>,
    input: Option<Vec<u8>>,
) -> Result<(Box<dyn SecurityContext>, Step), Error> {
    let (ctx, r) = tokio::task::spawn_blocking(move || {
        let r = ctx.step(input.as_deref());
        (ctx, r)
    })
    .await
    .map_err(|e| Error::Usage(format!("authentication task failed: {e}")))?;
    Ok((ctx, r?))
}

/// The SESSION_SETUP exchange ([MS-SMB2] 3.2.4.2.3, 3.2.5.3).
async fn setup(
    driver: &Arc<Driver>,
    creds: &Credentials,
    opts: AuthOptions,
    auth: Arc<dyn Authenticator>,
    hint: Vec<u8>,
) -> Result<SessionInfo, Error> {
    let creds2 = creds.clone();
    let ctx = tokio::task::spawn_blocking(move || auth.context(&creds2, &opts))
        .await
        .map_err(|e| Error::Usage(format!("authentication task failed: {e}")))??;
    let anonymous = creds.is_anonymous();
    // An empty hint means "no hint": the context starts on its own.
    let first = (!hint.is_empty()).then_some(hint);
    let (mut ctx, mut out) = step(ctx, first).await?;
    let mut session_id = 0u64;
    for _ in 0..MAX_SETUP_LEGS {
        let token = std::mem::take(&mut out.token);
        let sid = session_id;
        let r = driver
            .call("SESSION_SETUP", move |c| {
                c.session_setup(sid, &token, anonymous)
            })
            .await?;
        let server_token = match &r.body {
            Body::SessionSetup(s) => s.security_buffer.clone(),
            _ => return Err(status_error(&r)),
        };
        session_id = r.session_id;
        match r.status {
            STATUS_MORE_PROCESSING_REQUIRED => {
                (ctx, out) = step(ctx, Some(server_token)).await?;
            }
            STATUS_SUCCESS => {
                if !server_token.is_empty() || !ctx.is_complete() {
                    // The final SPNEGO token (mechListMIC, AP-REP) must verify too.
                    (ctx, _) = step(ctx, Some(server_token)).await?;
                }
                let key = match ctx.session_key() {
                    Ok(k) => k.as_bytes().to_vec(),
                    Err(_) if anonymous => Vec::new(),
                    Err(e) => return Err(e.into()),
                };
                let flags = match &r.body {
                    Body::SessionSetup(s) => s.session_flags,
                    _ => 0,
                };
                let key = if anonymous || flags & session_flags::IS_NULL != 0 {
                    Vec::new()
                } else {
                    key
                };
                let sid = session_id;
                let info = {
                    let mut st = driver.lock();
                    st.conn.complete_session(sid, &key)
                };
                return info.map_err(super::driver::smb_error);
            }
            _ => return Err(status_error(&r)),
        }
    }
    Err(Error::Auth(netapi_auth::AuthError::Failed(
        "too many SESSION_SETUP round trips".into(),
    )))
}

/// FSCTL_VALIDATE_NEGOTIATE_INFO for 3.0/3.0.2 ([MS-SMB2] 3.2.5.14.12); the core checks the
/// answer. Servers that predate it answer with a signed error, which is accepted.
async fn validate_negotiate(
    driver: &Arc<Driver>,
    session_id: u64,
    tree_id: u32,
) -> Result<(), Error> {
    let mut issued = false;
    let r = driver
        .call("IOCTL", |c| {
            let id = c.validate_negotiate(session_id, tree_id)?;
            issued = id.is_some();
            // Nothing to validate (no signing key): ask for an ECHO instead so the call has a
            // response to wait for.
            match id {
                Some(id) => Ok(id),
                None => c.echo(),
            }
        })
        .await?;
    if !issued {
        return Ok(());
    }
    match r.status {
        STATUS_SUCCESS
        | STATUS_NOT_SUPPORTED
        | STATUS_INVALID_DEVICE_REQUEST
        | STATUS_FILE_CLOSED => Ok(()),
        _ => Err(status_error(&r)),
    }
}

/// A tree connect to a share other than the session's `IPC$` ([`SmbSession::connect_tree`]).
/// Holds its session; dropping it sends TREE_DISCONNECT.
#[derive(Debug)]
pub struct Tree {
    session: SmbSession,
    tree_id: u32,
    share_type: u8,
    connected: bool,
}

impl Tree {
    /// The SMB2 `ShareType` the server answered (1 disk, 2 pipe, 3 print).
    pub fn share_type(&self) -> u8 {
        self.share_type
    }

    /// The TreeId.
    pub fn tree_id(&self) -> u32 {
        self.tree_id
    }

    /// The session it belongs to.
    pub fn session(&self) -> &SmbSession {
        &self.session
    }

    /// TREE_DISCONNECT now and wait for the answer.
    pub async fn disconnect(mut self) -> Result<(), Error> {
        self.connected = false;
        let (sid, tid) = (self.session.inner.session_id, self.tree_id);
        let r = self
            .session
            .inner
            .driver
            .call("TREE_DISCONNECT", move |c| c.tree_disconnect(sid, tid))
            .await?;
        match r.body {
            Body::TreeDisconnect => Ok(()),
            _ => Err(status_error(&r)),
        }
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        if self.connected {
            let (sid, tid) = (self.session.inner.session_id, self.tree_id);
            self.session
                .inner
                .driver
                .fire(move |c| c.tree_disconnect(sid, tid));
        }
    }
}
