//! How a [`crate::Client`] reaches its server: credentials, authentication, transport
//! (SMB2 named pipe or TCP with the endpoint mapper), timeouts and security policy.
//!
//! Credentials come as users hold them ([`Credentials`]): a password or NT hash, a Kerberos
//! ticket cache (`kinit`'s, [`Credentials::ticket_cache`]), a keytab
//! ([`Credentials::keytab`]), or a null session ([`Credentials::anonymous`]). The KDC is
//! [`AuthOptions::kdc`] (an address or a host name), else the realm's `kdc` in krb5.conf, else
//! DNS SRV `_kerberos._tcp.REALM` ([`Discovery`]). The file formats and the lookup are
//! re-exported for tools that want to inspect them: [`ccache`], [`keytab`], [`krb5conf`],
//! [`locate`]. Authentication failures carry the code Windows reports (see `crate::error`):
//! `SEC_E_NO_CREDENTIALS` for a missing or empty cache, `SEC_E_CONTEXT_EXPIRED` for an expired
//! ticket, 1398 for clock skew, 1326 for a wrong password or key, 1311 for an unreachable
//! KDC.

use std::path::PathBuf;
use std::time::Duration;

pub use netapi_auth::{
    AuthOptions, Credentials, Discovery, Mechanism, UserName, ccache, keytab, krb5conf, locate,
    split_user_name,
};
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

/// Kerberos settings from the environment, for callers without options of their own (the
/// Python module, [`crate::uses`]); the CLI reads the same variables for its options:
/// `NETAPI_KDC` (`HOST[:port]`), `NETAPI_REALM`, `NETAPI_TARGET_HOST` (the SPN host name when a
/// server is given as an address) and `NETAPI_DNS_SERVER` (`IP[:port]`, for the KDC's SRV
/// record and host name). Unset variables leave the default; a malformed `NETAPI_DNS_SERVER` is
/// ignored, a malformed `NETAPI_KDC` fails the first call with `ERROR_INVALID_PARAMETER`.
pub fn auth_from_env() -> AuthOptions {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let mut auth = AuthOptions {
        kdc: env("NETAPI_KDC"),
        realm: env("NETAPI_REALM"),
        target_host: env("NETAPI_TARGET_HOST"),
        ..AuthOptions::default()
    };
    auth.discovery.dns_server = env("NETAPI_DNS_SERVER").and_then(|s| {
        let s = s.trim();
        s.parse::<std::net::SocketAddr>().ok().or_else(|| {
            s.trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .ok()
                .map(|ip| std::net::SocketAddr::new(ip, 53))
        })
    });
    auth
}

impl Options {
    /// Options for `credentials` with the Kerberos settings of the environment
    /// ([`auth_from_env`]) and `NETAPI_TRANSPORT` (`tcp` for [`Transport::Tcp`], anything else
    /// the named pipe), everything else default.
    pub fn from_env(credentials: Credentials) -> Self {
        let mut o = Options::new(credentials);
        o.smb.auth = auth_from_env();
        if std::env::var("NETAPI_TRANSPORT").is_ok_and(|t| t.trim().eq_ignore_ascii_case("tcp")) {
            o.transport = Transport::Tcp;
        }
        o
    }

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
