//! Per-connection options and the pool key derived from them.

use std::time::Duration;

use netapi_auth::{AuthOptions, Mechanism};
use netapi_smb2::{Cipher, Config, Dialect, EncryptionPolicy, SigningPolicy};

/// How to reach and protect an SMB2 server. Two connections share a pooled session only when
/// their server, port, credentials and every option here are equal.
#[derive(Debug, Clone)]
pub struct SmbOptions {
    /// TCP port (445).
    pub port: u16,
    /// Upper bound for the TCP connect (10 s).
    pub connect_timeout: Duration,
    /// Upper bound for every response once a request is sent (30 s). A server that stalls
    /// past it gives [`crate::Error::Timeout`] and the connection is dropped.
    pub response_timeout: Duration,
    /// Upper bound for the final response once the server has sent an interim
    /// `STATUS_PENDING` for a request, i.e. is working on it asynchronously (120 s).
    pub async_timeout: Duration,
    /// Lowest dialect offered (2.0.2).
    pub min_dialect: Dialect,
    /// Highest dialect offered (3.1.1).
    pub max_dialect: Dialect,
    /// Signing policy (sign every authenticated session).
    pub signing: SigningPolicy,
    /// Encryption policy (encrypt when the server requires it).
    pub encryption: EncryptionPolicy,
    /// Ciphers offered in 3.1.1, preferred first (AES-128-GCM, AES-128-CCM, AES-256-GCM,
    /// AES-256-CCM). 3.0 and 3.0.2 always use AES-128-CCM.
    pub ciphers: Vec<Cipher>,
    /// Authentication: mechanism, KDC, realm, SPN host (separate from the address connected
    /// to), workstation. When `target_host` is unset and the server was given by name, that
    /// name is used for the SPN.
    pub auth: AuthOptions,
    /// Largest pipe message chunk asked for per FSCTL_PIPE_TRANSCEIVE or READ (64 KiB; capped
    /// by the server's limits). Longer messages continue with READ.
    pub max_pipe_output: u32,
}

impl Default for SmbOptions {
    fn default() -> Self {
        SmbOptions {
            port: 445,
            connect_timeout: Duration::from_secs(10),
            response_timeout: Duration::from_secs(30),
            async_timeout: Duration::from_secs(120),
            min_dialect: Dialect::SMB2_0_2,
            max_dialect: Dialect::SMB3_1_1,
            signing: SigningPolicy::default(),
            encryption: EncryptionPolicy::default(),
            ciphers: Config::new([0; 16], [0; 32]).ciphers,
            auth: AuthOptions::default(),
            max_pipe_output: 64 * 1024,
        }
    }
}

impl SmbOptions {
    /// Offer exactly one dialect.
    pub fn with_dialect(mut self, d: Dialect) -> Self {
        self.min_dialect = d;
        self.max_dialect = d;
        self
    }
}

/// The option values that distinguish pooled sessions (everything in [`SmbOptions`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct OptionsKey {
    port: u16,
    connect_timeout: Duration,
    response_timeout: Duration,
    async_timeout: Duration,
    dialects: (u16, u16),
    signing: SigningPolicy,
    encryption: EncryptionPolicy,
    ciphers: Vec<u16>,
    mechanism: u8,
    kdc: Option<String>,
    realm: Option<String>,
    target_host: Option<String>,
    workstation: Option<String>,
    auth_timeout: Duration,
    max_pipe_output: u32,
}

impl OptionsKey {
    pub(crate) fn new(o: &SmbOptions) -> Self {
        OptionsKey {
            port: o.port,
            connect_timeout: o.connect_timeout,
            response_timeout: o.response_timeout,
            async_timeout: o.async_timeout,
            dialects: (o.min_dialect.0, o.max_dialect.0),
            signing: o.signing,
            encryption: o.encryption,
            ciphers: o.ciphers.iter().map(|c| c.0).collect(),
            mechanism: match o.auth.mechanism {
                Mechanism::Ntlm => 1,
                Mechanism::Kerberos => 2,
                Mechanism::Negotiate => 3,
            },
            kdc: o.auth.kdc.clone(),
            realm: o.auth.realm.clone(),
            target_host: o.auth.target_host.as_ref().map(|h| h.to_ascii_lowercase()),
            workstation: o.auth.workstation.clone(),
            auth_timeout: o.auth.timeout,
            max_pipe_output: o.max_pipe_output,
        }
    }
}
