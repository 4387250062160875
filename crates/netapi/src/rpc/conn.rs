//! Bound RPC associations to one server, pooled per interface.
//!
//! A [`Connector`] opens what a call needs — an SMB2 named pipe (`ncacn_np`, through a
//! process-wide session pool of `netapi-transport`, so every client of the same server and
//! credentials shares one TCP connection and SMB2 session; one pool for the blocking runtime and
//! one for the callers' own, see [`Driver`]) or an `ncacn_ip_tcp` association found
//! with the endpoint mapper — binds the interface, and keeps the bound association for reuse. A
//! call checks one association out, so calls from several tasks run in parallel on separate
//! pipes; an association that failed other than by a fault is dropped, so the next call opens a
//! fresh one (after a server restart, the session pool reconnects too).

use std::any::Any;
use std::collections::HashMap;
use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use netapi_dcerpc::{AuthConfig, Direction, StubHook, StubRecord, SyntaxId};
use netapi_msrpc::Interface;
use netapi_transport::rpc::RpcClient;
use netapi_transport::smb::Pipe;
use netapi_transport::tcp::{TcpIo, TcpOptions};
use netapi_transport::{Error as TransportError, RpcIo};

use crate::blocking::Driver;
use crate::options::{Options, Transport};

/// The identity of an RPC interface as the connector needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct InterfaceId {
    /// Abstract syntax (UUID and version).
    pub syntax: SyntaxId,
    /// Pipe name under `\PIPE\` (e.g. `srvsvc`).
    pub pipe: &'static str,
    /// Short name for stub dumps and errors (e.g. `srvsvc`).
    pub name: &'static str,
}

impl InterfaceId {
    /// The identity of interface `I` (as `netapi-msrpc`'s `calls!` declares it).
    pub(crate) const fn of<I: Interface>() -> Self {
        InterfaceId {
            syntax: I::SYNTAX,
            pipe: I::PIPE,
            name: I::NAME,
        }
    }
}

/// The byte transport of one association.
#[derive(Debug)]
pub(crate) enum AnyIo {
    Pipe(Pipe),
    Tcp(TcpIo),
}

impl RpcIo for AnyIo {
    async fn transceive(&mut self, data: &[u8]) -> Result<Vec<u8>, TransportError> {
        match self {
            AnyIo::Pipe(p) => p.transceive(data).await,
            AnyIo::Tcp(t) => t.transceive(data).await,
        }
    }

    async fn send(&mut self, data: &[u8]) -> Result<(), TransportError> {
        match self {
            AnyIo::Pipe(p) => p.send(data).await,
            AnyIo::Tcp(t) => t.send(data).await,
        }
    }

    async fn recv(&mut self) -> Result<Vec<u8>, TransportError> {
        match self {
            AnyIo::Pipe(p) => p.recv().await,
            AnyIo::Tcp(t) => t.recv().await,
        }
    }

    fn preferred_frag_size(&self) -> u16 {
        match self {
            AnyIo::Pipe(p) => p.preferred_frag_size(),
            AnyIo::Tcp(t) => t.preferred_frag_size(),
        }
    }
}

/// A bound association checked out for one call or one [`Session`](super::session::Session).
pub(crate) struct Bound {
    pub client: RpcClient<AnyIo>,
    pub context: u16,
    pub interface: InterfaceId,
    driver: Driver,
    /// What this association keeps between calls: the long-lived context handles of its
    /// interface (`super::session`). Handles are only valid on the association that opened
    /// them, so they live and die with it: a dropped association takes its cache along.
    pub cache: Option<Box<dyn Any + Send>>,
}

impl Bound {
    /// The 16-byte session key [MS-SAMR] 3.2.2.3 encrypts passwords with: the SMB2 session's
    /// application key over a pipe ([MS-SMB2] 3.2.5.3.1 `Session.ApplicationKey`), the RPC
    /// security context's over TCP. `None` for an anonymous or unauthenticated association.
    pub fn session_key(&self) -> Option<super::samr::password::SessionKey> {
        match self.client.io() {
            AnyIo::Pipe(p) => p
                .session()
                .application_key()
                .map(|k| super::samr::password::session_key16(&k)),
            AnyIo::Tcp(_) => self
                .client
                .association()
                .session_key()
                .map(|k| super::samr::password::session_key16(k.as_bytes())),
        }
    }

    /// Whether the transport under this idle association is still connected.
    fn looks_alive(&self) -> bool {
        match self.client.io() {
            AnyIo::Pipe(p) => p.session().is_alive(),
            AnyIo::Tcp(_) => true,
        }
    }
}

/// Opens, binds and pools associations to one server.
pub(crate) struct Connector {
    server: String,
    options: Options,
    /// The same server over `ncacn_ip_tcp` (for the calls Windows only makes there:
    /// NetValidatePasswordPolicy), made on first use when `options` name pipes.
    tcp: std::sync::OnceLock<Box<Connector>>,
    /// Idle associations by interface and by the runtime that drives their sockets.
    idle: Mutex<HashMap<(InterfaceId, Driver), Vec<Bound>>>,
    dump_seq: Arc<AtomicU64>,
}

impl std::fmt::Debug for Connector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connector")
            .field("server", &self.server)
            .finish_non_exhaustive()
    }
}

impl Connector {
    pub fn new(server: String, options: Options) -> Self {
        Connector {
            server,
            options,
            tcp: std::sync::OnceLock::new(),
            idle: Mutex::new(HashMap::new()),
            dump_seq: Arc::new(AtomicU64::new(0)),
        }
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// This connector, or its sibling for the same server over `ncacn_ip_tcp` (same
    /// credentials, authentication and `rpc_auth_level`).
    pub fn over_tcp(&self) -> &Connector {
        if self.options.transport == Transport::Tcp {
            return self;
        }
        self.tcp.get_or_init(|| {
            let mut options = self.options.clone();
            options.transport = Transport::Tcp;
            Box::new(Connector::new(self.server.clone(), options))
        })
    }

    /// An idle association for `interface`, or a freshly opened and bound one.
    pub async fn checkout(&self, interface: InterfaceId) -> Result<Bound, TransportError> {
        let driver = Driver::current();
        loop {
            let idle = {
                let mut map = self.idle.lock().unwrap_or_else(|p| p.into_inner());
                map.get_mut(&(interface, driver)).and_then(Vec::pop)
            };
            match idle {
                Some(b) if b.looks_alive() => return Ok(b),
                Some(_) => continue, // dead: drop it and look again
                None => return self.open(interface, driver).await,
            }
        }
    }

    /// [`Connector::checkout`], taking an idle association that `prefer`s first when there is
    /// one (an association whose cached handles hold some server-side state).
    pub async fn checkout_preferring(
        &self,
        interface: InterfaceId,
        prefer: impl Fn(&Bound) -> bool,
    ) -> Result<Bound, TransportError> {
        let driver = Driver::current();
        let preferred = {
            let mut map = self.idle.lock().unwrap_or_else(|p| p.into_inner());
            map.get_mut(&(interface, driver)).and_then(|list| {
                let at = list.iter().rposition(|b| prefer(b) && b.looks_alive())?;
                Some(list.remove(at))
            })
        };
        match preferred {
            Some(b) => Ok(b),
            None => self.checkout(interface).await,
        }
    }

    /// Return an association that is still usable after its call.
    pub fn checkin(&self, bound: Bound) {
        let mut map = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        let list = map.entry((bound.interface, bound.driver)).or_default();
        if list.len() < self.options.max_idle_per_interface {
            list.push(bound);
        }
    }

    /// Drop every idle association (their pipes close; the SMB2 session stays pooled).
    pub fn clear(&self) {
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    /// Open and bind `interface` on a connection driven by `driver`.
    async fn open(&self, interface: InterfaceId, driver: Driver) -> Result<Bound, TransportError> {
        let mut client = match self.options.transport {
            Transport::NamedPipe => {
                let pipe = driver
                    .smb_pool()
                    .open_pipe(
                        &self.server,
                        &self.options.credentials,
                        &self.options.smb,
                        interface.pipe,
                    )
                    .await?;
                RpcClient::bind(AnyIo::Pipe(pipe), &[interface.syntax], None).await?
            }
            Transport::Tcp => {
                let ip: IpAddr = resolve(&self.server, self.options.smb.port).await?;
                let opts = TcpOptions {
                    connect_timeout: self.options.smb.connect_timeout,
                    io_timeout: self.options.tcp_timeout,
                    ..TcpOptions::default()
                };
                let port =
                    netapi_transport::epmap::resolve_tcp_port(ip, &interface.syntax, opts.clone())
                        .await
                        .map_err(rpc_connect)?;
                let io = TcpIo::connect(std::net::SocketAddr::new(ip, port), opts)
                    .await
                    .map_err(rpc_connect)?;
                let auth = self.tcp_auth()?;
                RpcClient::bind(AnyIo::Tcp(io), &[interface.syntax], auth).await?
            }
        };
        if let Some(dir) = &self.options.dump_stubs {
            client.set_stub_hook(Some(stub_dumper(
                dir.clone(),
                interface.name,
                self.dump_seq.clone(),
            )));
        }
        let context = client
            .context(&interface.syntax)
            .ok_or(TransportError::Rpc(netapi_dcerpc::Error::Usage(
                "interface not bound",
            )))?;
        Ok(Bound {
            client,
            context,
            interface,
            driver,
            cache: None,
        })
    }

    /// The DCE/RPC security context for `ncacn_ip_tcp` ([MS-RPCE] 3.3.1.5.2), raw framing:
    /// Kerberos (`auth_type` 16) when the options can run it — a KDC, and an SPN host that is
    /// a name: `target_host`, else the server name when it is not an address — otherwise NTLM
    /// (`auth_type` 10). The `auth_type` sent follows the mechanism that produced the first
    /// token, so a Kerberos context can never travel under the NTLMSSP type. At
    /// `rpc_auth_level` (`PKT_PRIVACY` by default; `PKT_INTEGRITY` works with both mechanisms).
    fn tcp_auth(&self) -> Result<Option<AuthConfig>, TransportError> {
        let level = self.options.rpc_auth_level;
        if level == netapi_dcerpc::AuthLevel::NONE || self.options.credentials.is_anonymous() {
            return Ok(None);
        }
        let mut auth = self.options.smb.auth.clone();
        if auth.target_host.is_none() && self.server.parse::<IpAddr>().is_err() {
            auth.target_host = Some(self.server.clone());
        }
        AuthConfig::for_rpc(&self.options.credentials, &auth, "host", level)
            .map(Some)
            .map_err(|e| match e {
                netapi_dcerpc::Error::Auth(a) => TransportError::Auth(a),
                other => TransportError::Rpc(other),
            })
    }
}

/// A failed TCP connect of the RPC runtime (to the endpoint mapper or the endpoint) is what
/// Windows reports as `RPC_S_SERVER_UNAVAILABLE` (`errors::from_transport`).
fn rpc_connect(e: TransportError) -> TransportError {
    match e {
        TransportError::Io {
            op: "connect",
            source,
        } => TransportError::Io {
            op: RPC_CONNECT,
            source,
        },
        TransportError::Timeout {
            op: "connect",
            after,
        } => TransportError::Timeout {
            op: RPC_CONNECT,
            after,
        },
        other => other,
    }
}

/// The `op` of a failed `ncacn_ip_tcp` connect.
pub(crate) const RPC_CONNECT: &str = "ncacn_ip_tcp connect";

/// Resolve a server name for TCP (the SMB2 pool resolves on its own).
async fn resolve(server: &str, port: u16) -> Result<IpAddr, TransportError> {
    let host = server.trim_start_matches('\\');
    if let Ok(ip) = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
    {
        return Ok(ip);
    }
    let mut addrs = tokio::net::lookup_host((host, port))
        .await
        .map_err(|source| TransportError::Io {
            op: "resolve",
            source,
        })?;
    addrs
        .next()
        .map(|a| a.ip())
        .ok_or_else(|| TransportError::Io {
            op: "resolve",
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no address for host"),
        })
}

/// A stub hook writing `<dir>/<iface>-<opnum>-<seq>.<in|out>.hex`.
fn stub_dumper(dir: PathBuf, iface: &'static str, seq: Arc<AtomicU64>) -> StubHook {
    // One call at a time per association: a response belongs to the last request.
    let mut current = 0;
    Box::new(move |rec: &StubRecord<'_>| {
        if rec.direction == Direction::Request {
            current = seq.fetch_add(1, Ordering::Relaxed);
        }
        let n = current;
        let dir_name = match rec.direction {
            Direction::Request => "in",
            _ => "out",
        };
        let path = dir.join(format!("{iface}-{}-{n:04}.{dir_name}.hex", rec.opnum));
        let mut text = String::with_capacity(rec.stub.len() * 3 + 64);
        text.push_str(&format!(
            "# {iface} opnum {} {} stub, {} bytes, call_id {}\n",
            rec.opnum,
            dir_name,
            rec.stub.len(),
            rec.call_id
        ));
        for chunk in rec.stub.chunks(16) {
            for (i, b) in chunk.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(&format!("{b:02x}"));
            }
            text.push('\n');
        }
        // A dump failure must not break the call; report it once on stderr.
        if let Err(e) = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::File::create(&path))
            .and_then(|mut f| f.write_all(text.as_bytes()))
        {
            eprintln!("netapi: cannot write stub dump {}: {e}", path.display());
        }
    })
}
