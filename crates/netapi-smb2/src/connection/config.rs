//! What the client offers and insists on: dialect range, signing and encryption policy,
//! algorithms, sizes and credit window ([MS-SMB2] 3.2.3 client initialization).

use crate::negotiate::{Cipher, Dialect, SigningAlgorithm};

/// When requests are signed and responses must be signed ([MS-SMB2] 3.2.4.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SigningPolicy {
    /// Sign only when the server requires it (its NEGOTIATE SecurityMode says so). Responses
    /// that arrive signed are still verified.
    IfServerRequires,
    /// Sign every authenticated session and require every response to be signed (or
    /// encrypted). Anonymous sessions, which have no key, run unsigned.
    #[default]
    Preferred,
    /// As `Preferred`, and a session that cannot be signed (anonymous, guest) is an error.
    Required,
}

/// When messages are encrypted ([MS-SMB2] 3.2.4.1.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EncryptionPolicy {
    /// Encrypt when the server demands it for the session or the share.
    #[default]
    IfServerRequires,
    /// Encrypt every authenticated session when the negotiated dialect and server allow it.
    Preferred,
    /// Encrypt every session; anything else (dialect below 3.0, no common cipher, anonymous or
    /// guest session) is an error. Only 3.x dialects are offered.
    Required,
}

/// Client configuration for one [`crate::Connection`].
#[derive(Debug, Clone)]
pub struct Config {
    /// Lowest dialect offered.
    pub min_dialect: Dialect,
    /// Highest dialect offered.
    pub max_dialect: Dialect,
    /// Signing policy.
    pub signing: SigningPolicy,
    /// Encryption policy.
    pub encryption: EncryptionPolicy,
    /// `ClientGuid` (random per client; the driver supplies it, this crate has no RNG).
    pub client_guid: [u8; 16],
    /// Salt of the preauth integrity context (random per connection).
    pub preauth_salt: [u8; 32],
    /// Server name for the NETNAME context (3.1.1), as the caller addressed it.
    pub server_name: Option<String>,
    /// Ciphers offered in 3.1.1, preferred first.
    pub ciphers: Vec<Cipher>,
    /// Signing algorithms offered in 3.1.1, preferred first.
    pub signing_algorithms: Vec<SigningAlgorithm>,
    /// Upper bound for one READ, WRITE or IOCTL payload (further capped by the server's
    /// maxima and, without multi-credit support, by 64 KiB).
    pub max_io_size: u32,
    /// Credits the client tries to hold (granted plus in flight).
    pub credit_target: u16,
    /// Requests that may be queued or in flight at once.
    pub max_requests: usize,
}

/// Default ceiling for one I/O.
pub const DEFAULT_MAX_IO: u32 = 1024 * 1024;
/// Hard ceiling for one I/O (frames are limited to [`crate::framing::MAX_FRAME_LEN`]).
pub const MAX_IO_LIMIT: u32 = 4 * 1024 * 1024;

impl Config {
    /// Defaults (2.0.2 through 3.1.1, signing preferred, encryption when the server requires it)
    /// with the random values the driver must supply.
    pub fn new(client_guid: [u8; 16], preauth_salt: [u8; 32]) -> Self {
        Config {
            min_dialect: Dialect::SMB2_0_2,
            max_dialect: Dialect::SMB3_1_1,
            signing: SigningPolicy::default(),
            encryption: EncryptionPolicy::default(),
            client_guid,
            preauth_salt,
            server_name: None,
            ciphers: vec![
                Cipher::AES_128_GCM,
                Cipher::AES_128_CCM,
                Cipher::AES_256_GCM,
                Cipher::AES_256_CCM,
            ],
            signing_algorithms: vec![SigningAlgorithm::AES_GMAC, SigningAlgorithm::AES_CMAC],
            max_io_size: DEFAULT_MAX_IO,
            credit_target: 128,
            max_requests: 4096,
        }
    }

    /// The dialects offered: those we speak within `[min_dialect, max_dialect]`, only 3.x when
    /// encryption is required.
    pub fn offered_dialects(&self) -> Vec<Dialect> {
        Dialect::ALL
            .into_iter()
            .filter(|d| *d >= self.min_dialect && *d <= self.max_dialect)
            .filter(|d| self.encryption != EncryptionPolicy::Required || d.is_smb3())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offered_dialects_follow_range_and_policy() {
        let mut c = Config::new([0; 16], [0; 32]);
        assert_eq!(c.offered_dialects(), Dialect::ALL.to_vec());
        c.min_dialect = Dialect::SMB2_1;
        c.max_dialect = Dialect::SMB3_0_2;
        assert_eq!(
            c.offered_dialects(),
            vec![Dialect::SMB2_1, Dialect::SMB3_0, Dialect::SMB3_0_2]
        );
        c.encryption = EncryptionPolicy::Required;
        assert_eq!(
            c.offered_dialects(),
            vec![Dialect::SMB3_0, Dialect::SMB3_0_2]
        );
        c.max_dialect = Dialect::SMB2_1;
        assert!(c.offered_dialects().is_empty());
    }
}
