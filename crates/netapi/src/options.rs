//! How a [`crate::Client`] reaches its server: credentials, authentication, transport
//! (SMB2 named pipe or TCP with the endpoint mapper), timeouts and security policy.

use std::path::PathBuf;
use std::time::Duration;

pub use netapi_auth::{AuthOptions, Credentials, Mechanism};
pub use netapi_dcerpc::AuthLevel;
pub use netapi_transport::smb::{Dialect, EncryptionPolicy, SigningPolicy, SmbOptions};

/// Which RPC transport carries the calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Transport {
    /// `ncacn_np`: DCE/RPC over an SMB2/3 named pipe on port 445 (what Windows' NetApi uses).
    #[default]
    NamedPipe,
    /// `ncacn_ip_tcp`: DCE/RPC over TCP, port found with the endpoint mapper on 135
    /// ([MS-RPCE] 2.1.1.1), authenticated at [`Options::rpc_auth_level`].
    Tcp,
}

/// Everything a connection needs besides the server name.
#[derive(Debug, Clone)]
pub struct Options {
    /// Who we are. Secrets are zeroized when the last copy is dropped and never printed.
    pub credentials: Credentials,
    /// The transport for RPC calls.
    pub transport: Transport,
    /// SMB2 options: port, dialect range, signing and encryption policy, timeouts, and the
    /// authentication options (mechanism, KDC, SPN host) used for both transports.
    pub smb: SmbOptions,
    /// DCE/RPC authentication level over TCP (`PKT_PRIVACY` by default). Over named pipes
    /// the SMB2 session authenticates and protects the calls, as Windows does.
    pub rpc_auth_level: AuthLevel,
    /// Timeout for TCP connects and RPC responses over TCP.
    pub tcp_timeout: Duration,
    /// When set, every request and response stub is written there as hex
    /// (`<interface>-<opnum>-<seq>.<in|out>.hex`), for golden vectors and bug reports.
    pub dump_stubs: Option<PathBuf>,
    /// Most idle bound pipes (or TCP associations) kept per interface for reuse.
    pub max_idle_per_interface: usize,
    /// Most associations an enumeration that reads every entry (NetUserEnum at a detail
    /// level) uses at once, each with its own handles (docs/benchmarks.md measures why); 1
    /// reads one entry after another. Values below 1 count as 1.
    pub max_parallel_reads: usize,
}

impl Options {
    /// Options for `credentials`, everything else default.
    pub fn new(credentials: Credentials) -> Self {
        Options {
            credentials,
            transport: Transport::NamedPipe,
            smb: SmbOptions::default(),
            rpc_auth_level: AuthLevel::PKT_PRIVACY,
            tcp_timeout: Duration::from_secs(30),
            dump_stubs: None,
            max_idle_per_interface: 16,
            max_parallel_reads: 8,
        }
    }
}
