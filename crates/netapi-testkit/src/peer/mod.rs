//! A scripted SMB2 + DCE/RPC server for wire tests: a tokio listener on `127.0.0.1:0` that
//! answers as Microsoft's specifications say ([MS-SMB2] 3.3 for the server side of negotiate,
//! session setup, tree connect and named pipes; \[C706\] 12 / [MS-RPCE] 3.3.3 for the RPC
//! server) — and, through hooks, as a hostile server would.
//!
//! * `smb.rs`: the SMB2 connection: NEGOTIATE (2.0.2–3.1.1, contexts, preauth hash),
//!   SESSION_SETUP through `ntlm.rs` (sspi's NTLM acceptor, so sessions are signed with a real
//!   key), TREE_CONNECT `IPC$`, CREATE/CLOSE of pipes, IOCTL `FSCTL_PIPE_TRANSCEIVE` (with
//!   `STATUS_BUFFER_OVERFLOW` past the client's output limit), READ, WRITE, ECHO, LOGOFF;
//!   signing and optional encryption of responses.
//! * `rpc.rs`: bind / alter_context / request reassembly / response fragmentation / faults;
//!   each interface is a [`Handler`] `(opnum, stub) → Reply`.
//! * `hooks.rs`: [`SmbOut`] and [`RpcOut`], where a test tampers with any outgoing message.
//! * [`srvsvc`]: a [MS-SRVS] responder for the calls Samba does not serve; [`wkssvc`],
//!   [`netlogon`] and [`msgsvc`] the same for [MS-WKST], [MS-NRPC] and [MS-MSRP].
//!
//! Start with [`PeerConfig::rpc`], add interfaces and hooks, then [`Peer::spawn`] (blocking
//! tests) or [`Peer::start`] (async tests); connect with [`Peer::credentials`] and
//! [`Peer::smb_options`]. Left out: SMB1, compounding, oplocks, multichannel, Kerberos,
//! DCE/RPC authentication (the SMB2 session protects pipe traffic, as on Windows).
//!
//! ```no_run
//! use netapi_testkit::peer::smb2::header::Command;
//! use netapi_testkit::peer::srvsvc::{Server, Srvsvc, SRVSVC};
//! use netapi_testkit::peer::{PacketType, Peer, PeerConfig, Reply, SmbAction};
//!
//! let srv = Srvsvc::new(Server::with_shares(2000));
//! let inner = srv.clone();
//! let peer = Peer::spawn(
//!     PeerConfig::rpc()
//!         // NetrShareDel answers WERROR 5; every other opnum goes to the responder.
//!         .interface("srvsvc", SRVSVC, move |opnum, stub| match opnum {
//!             18 => Reply::Stub(5u32.to_le_bytes().to_vec()),
//!             _ => inner.answer(opnum, stub),
//!         })
//!         // The first READ is never answered; every response PDU gets a 4 GiB alloc_hint.
//!         .on_smb({
//!             let mut done = false;
//!             move |o| {
//!                 if o.command() == Command::READ && !std::mem::replace(&mut done, true) {
//!                     o.action = SmbAction::Stall;
//!                 }
//!             }
//!         })
//!         .on_rpc(|o| {
//!             if o.ptype == PacketType::RESPONSE {
//!                 o.set_alloc_hint(u32::MAX);
//!             }
//!         }),
//! );
//! let (port, creds) = (peer.port(), peer.credentials());
//! # let _ = (port, creds);
//! ```

mod hooks;
pub mod msgsvc;
pub mod netlogon;
mod ntlm;
mod rpc;
pub mod samr;
mod smb;
pub mod srvsvc;
#[cfg(test)]
mod tests;
pub mod wkssvc;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use netapi_auth::Credentials;
use netapi_dcerpc::SyntaxId;
use netapi_smb2::header::Command;
use netapi_smb2::negotiate::{Cipher, Dialect, SigningAlgorithm};
use netapi_transport::smb::SmbOptions;
use tokio::net::TcpListener;
use tokio::task::AbortHandle;

/// The SMB2 message crate hooks work with (for test crates that do not depend on it).
pub use netapi_smb2 as smb2;

pub use hooks::{PostEdit, RpcAction, RpcHook, RpcOut, SmbAction, SmbHook, SmbOut};
pub use netapi_dcerpc::pdu::PacketType;
pub use ntlm::{Account, FAKE_KEY, FakeAuth, FakeContext, PeerAuth};
pub use rpc::{
    Assoc, AssocHandler, Handler, Interface, NCA_S_OP_RNG_ERROR, NCA_S_PROTO_ERROR,
    NCA_S_UNKNOWN_IF, RPC_X_BAD_STUB_DATA, Reply, Rundown, SERVER_FRAG,
};

/// The SessionId the peer assigns.
pub const SESSION_ID: u64 = 0x0000_1234_0000_0001;
/// The TreeId of `IPC$`.
pub const TREE_ID: u32 = 1;

/// The account [`PeerConfig::rpc`] accepts: `PEER\tester`.
pub fn default_account() -> Account {
    Account::new("PEER", "tester", "Peer-Passw0rd")
}

/// Computes a raw pipe's answer (one message) to each message written to it.
pub type RawReply = Arc<dyn Fn(&[u8]) -> Vec<u8> + Send + Sync>;

/// How the peer behaves. Every field is public, so `PeerConfig { grant: 0,
/// ..PeerConfig::default() }` works; the builder methods cover the common cases.
pub struct PeerConfig {
    /// The dialect chosen, whatever the client offered (a test of a client that checks).
    pub dialect: Dialect,
    /// Cipher for the 3.1.1 ENCRYPTION context or the 3.0.x ENCRYPTION capability.
    pub cipher: Option<Cipher>,
    /// Signing algorithm context answer (3.1.1).
    pub signing: Option<SigningAlgorithm>,
    /// NEGOTIATE `SecurityMode` (signing enabled, not required).
    pub security_mode: u16,
    /// SessionFlags of the final SESSION_SETUP response.
    pub session_flags: u16,
    /// Credits granted per response.
    pub grant: u16,
    /// Pipe messages are handed out in chunks of at most this many bytes (besides the client's
    /// own output limit).
    pub chunk: usize,
    /// `MaxTransactSize`, `MaxReadSize` and `MaxWriteSize` announced.
    pub max_size: u32,
    /// How SESSION_SETUP authenticates.
    pub auth: PeerAuth,
    /// When set, every pipe name opens and answers each message with this (no RPC).
    pub raw_pipe: Option<RawReply>,
    /// The largest RPC fragment the peer sends and accepts.
    pub rpc_frag: u16,
    /// Interfaces served on their pipes; other pipe names are absent
    /// (`STATUS_OBJECT_NAME_NOT_FOUND`).
    pub interfaces: Vec<Interface>,
    /// Disk shares a TREE_CONNECT may reach besides `IPC$` (matched without case); others are
    /// `STATUS_BAD_NETWORK_NAME`.
    pub disk_shares: Vec<String>,
    /// Hooks on SMB2 responses, run in order.
    pub smb_hooks: Vec<SmbHook>,
    /// Hooks on RPC PDUs, run in order.
    pub rpc_hooks: Vec<RpcHook>,
}

impl Default for PeerConfig {
    /// 3.1.1, fake authentication, every pipe echoing what is written: the transport tests'
    /// peer.
    fn default() -> Self {
        PeerConfig {
            dialect: Dialect::SMB3_1_1,
            cipher: None,
            signing: None,
            security_mode: 1,
            session_flags: 0,
            grant: 32,
            chunk: usize::MAX,
            max_size: 1 << 20,
            auth: PeerAuth::Fake,
            raw_pipe: Some(Arc::new(|m: &[u8]| m.to_vec())),
            rpc_frag: SERVER_FRAG,
            interfaces: Vec::new(),
            disk_shares: Vec::new(),
            smb_hooks: Vec::new(),
            rpc_hooks: Vec::new(),
        }
    }
}

impl PeerConfig {
    /// An RPC server: NTLM for [`default_account`], no pipes until interfaces are added.
    pub fn rpc() -> Self {
        PeerConfig {
            auth: PeerAuth::Ntlm(default_account()),
            raw_pipe: None,
            ..PeerConfig::default()
        }
    }

    /// Serve `syntax` on `pipe` with `handler`.
    pub fn interface(
        mut self,
        pipe: &str,
        syntax: SyntaxId,
        handler: impl FnMut(u16, &[u8]) -> Reply + Send + 'static,
    ) -> Self {
        self.interfaces
            .push(Interface::new(pipe, syntax, Box::new(handler)));
        self
    }

    /// Serve `syntax` on `pipe` with a handler that keeps state per association, and a rundown
    /// called when an association ends (see [`Interface::per_association`]).
    pub fn interface_per_association(
        mut self,
        pipe: &str,
        syntax: SyntaxId,
        handler: impl FnMut(Assoc, u16, &[u8]) -> Reply + Send + 'static,
        rundown: impl FnMut(Assoc) + Send + 'static,
    ) -> Self {
        self.interfaces.push(Interface::per_association(
            pipe,
            syntax,
            Box::new(handler),
            Some(Box::new(rundown)),
        ));
        self
    }

    /// Let TREE_CONNECT reach the disk share `name`.
    pub fn disk_share(mut self, name: &str) -> Self {
        self.disk_shares.push(name.to_string());
        self
    }

    /// Add a hook on SMB2 responses.
    pub fn on_smb(mut self, hook: impl FnMut(&mut SmbOut) + Send + 'static) -> Self {
        self.smb_hooks.push(Box::new(hook));
        self
    }

    /// Add a hook on RPC PDUs.
    pub fn on_rpc(mut self, hook: impl FnMut(&mut RpcOut) + Send + 'static) -> Self {
        self.rpc_hooks.push(Box::new(hook));
        self
    }
}

/// One RPC call as the peer received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpcCall {
    /// The pipe.
    pub pipe: String,
    /// The operation.
    pub opnum: u16,
    /// The reassembled request stub.
    pub stub: Vec<u8>,
}

/// What the peer saw, for assertions.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// TCP connections accepted.
    pub connections: usize,
    /// SMB2 commands in arrival order.
    pub commands: Vec<Command>,
    /// Successful CREATEs.
    pub creates: usize,
    /// CLOSEs of an open handle.
    pub closes: usize,
    /// Requests outside the granted credit window (must stay empty).
    pub window_violations: Vec<String>,
    /// Requests that came encrypted.
    pub encrypted: usize,
    /// Most requests in flight at once (received, not yet answered).
    pub max_in_flight: usize,
    /// Binds and alter_contexts: pipe and the abstract syntaxes offered.
    pub binds: Vec<(String, Vec<SyntaxId>)>,
    /// RPC calls in arrival order.
    pub calls: Vec<RpcCall>,
    /// Client messages the peer could not make sense of (must stay empty for a good client).
    pub errors: Vec<String>,
    /// `Session.ApplicationKey` of each session set up, in order: what a secret encrypted with
    /// the user session key (wkssvc's join passwords) decrypts with.
    pub application_keys: Vec<[u8; 16]>,
}

impl Stats {
    /// How many `command` requests arrived.
    pub fn count(&self, command: Command) -> usize {
        self.commands.iter().filter(|c| **c == command).count()
    }
}

impl Stats {
    /// The opnums called, in order.
    pub fn opnums(&self) -> Vec<u16> {
        self.calls.iter().map(|c| c.opnum).collect()
    }

    /// The request stubs of calls to `opnum`.
    pub fn stubs(&self, opnum: u16) -> Vec<Vec<u8>> {
        self.calls
            .iter()
            .filter(|c| c.opnum == opnum)
            .map(|c| c.stub.clone())
            .collect()
    }
}

/// What every connection of a peer shares.
pub(crate) struct Shared {
    pub(crate) dialect: Dialect,
    pub(crate) cipher: Option<Cipher>,
    pub(crate) signing: Option<SigningAlgorithm>,
    pub(crate) security_mode: u16,
    pub(crate) session_flags: u16,
    pub(crate) grant: u16,
    pub(crate) chunk: usize,
    pub(crate) max_size: u32,
    pub(crate) auth: PeerAuth,
    pub(crate) raw_pipe: Option<RawReply>,
    pub(crate) rpc_frag: u16,
    pub(crate) interfaces: Vec<Interface>,
    pub(crate) disk_shares: Vec<String>,
    pub(crate) smb_hooks: Mutex<Vec<SmbHook>>,
    pub(crate) rpc_hooks: Mutex<Vec<RpcHook>>,
    pub(crate) stats: Mutex<Stats>,
}

impl Shared {
    fn new(c: PeerConfig) -> Self {
        Shared {
            dialect: c.dialect,
            cipher: c.cipher,
            signing: c.signing,
            security_mode: c.security_mode,
            session_flags: c.session_flags,
            grant: c.grant,
            chunk: c.chunk.max(1),
            max_size: c.max_size,
            auth: c.auth,
            raw_pipe: c.raw_pipe,
            rpc_frag: c.rpc_frag.max(1432),
            interfaces: c.interfaces,
            disk_shares: c.disk_shares,
            smb_hooks: Mutex::new(c.smb_hooks),
            rpc_hooks: Mutex::new(c.rpc_hooks),
            stats: Mutex::new(Stats::default()),
        }
    }

    pub(crate) fn stats(&self) -> std::sync::MutexGuard<'_, Stats> {
        // A panicking hook must not take every later assertion down with it.
        self.stats.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A running peer; dropping it closes the listener and every connection.
pub struct Peer {
    /// Where it listens.
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    tasks: Arc<Mutex<Vec<AbortHandle>>>,
}

impl std::fmt::Debug for Peer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Peer").field("addr", &self.addr).finish()
    }
}

/// The runtime [`Peer::spawn`] runs peers on (blocking tests have none of their own).
fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("netapi-peer")
            .enable_all()
            .build()
            .expect("cannot start the peer runtime")
    })
}

impl Peer {
    /// Listen on `127.0.0.1:0` and serve every connection with `cfg`, on the current tokio
    /// runtime.
    pub async fn start(cfg: PeerConfig) -> Peer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let shared = Arc::new(Shared::new(cfg));
        let tasks: Arc<Mutex<Vec<AbortHandle>>> = Arc::default();
        let (sh, ts) = (shared.clone(), tasks.clone());
        let accept = tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let n = {
                    let mut s = sh.stats();
                    s.connections += 1;
                    s.connections
                };
                let _ = sock.set_nodelay(true);
                let task = tokio::spawn(smb::serve(sock, sh.clone(), n));
                ts.lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(task.abort_handle());
            }
        });
        tasks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(accept.abort_handle());
        Peer {
            addr,
            shared,
            tasks,
        }
    }

    /// [`Peer::start`] on the peer's own runtime, for tests without one (the blocking
    /// `netapi::Client` must not run inside a runtime). Do not call from async code.
    pub fn spawn(cfg: PeerConfig) -> Peer {
        runtime().block_on(Peer::start(cfg))
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// A snapshot of what it saw.
    pub fn stats(&self) -> Stats {
        self.shared.stats().clone()
    }

    /// The account it accepts (the fake mechanism accepts anyone).
    pub fn account(&self) -> Option<Account> {
        match &self.shared.auth {
            PeerAuth::Ntlm(a) => Some(a.clone()),
            PeerAuth::Fake => None,
        }
    }

    /// Credentials it accepts.
    pub fn credentials(&self) -> Credentials {
        self.account().map_or_else(
            || Credentials::password("PEER", "anyone", "x"),
            |a| a.credentials(),
        )
    }

    /// SMB options for this peer: its port, and a response timeout of `timeout` (also for
    /// requests the peer answered with `STATUS_PENDING`).
    pub fn smb_options(&self, timeout: Duration) -> SmbOptions {
        SmbOptions {
            port: self.port(),
            connect_timeout: timeout,
            response_timeout: timeout,
            async_timeout: timeout,
            ..SmbOptions::default()
        }
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        for t in self
            .tasks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain(..)
        {
            t.abort();
        }
    }
}
