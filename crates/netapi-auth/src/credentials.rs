//! Who we authenticate as: domain, user and one secret (password, NT hash or nothing).
//!
//! The secret lives in zeroizing buffers; `Debug` prints the user and domain only. The NT hash
//! form is the `NTOWFv1` value of [MS-NLMP] 3.3.1 (MD4 of the UTF-16LE password), which NTLMv2
//! accepts in place of the password; Kerberos needs the password itself (AES keys are salted).
//! [`Credentials::fingerprint`] gives connection pools a key that does not reveal the secret.

use std::fmt;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::AuthError;

/// The secret half of [`Credentials`].
#[derive(Clone)]
pub(crate) enum Secret {
    /// Null session ([MS-NLMP] 3.2.5.1.2 anonymous): no user, no secret.
    Anonymous,
    /// A clear-text password.
    Password(Zeroizing<String>),
    /// `NTOWFv1(password)`: 16 bytes.
    NtHash(Zeroizing<[u8; 16]>),
}

/// A user's identity and secret, as handed to [`crate::client_context`].
///
/// Cloning copies the secret into another zeroizing buffer; dropping zeroizes it. `Debug` never
/// prints the secret.
#[derive(Clone)]
pub struct Credentials {
    domain: String,
    user: String,
    pub(crate) secret: Secret,
}

impl Credentials {
    /// `domain\user` with a clear-text password. `domain` may be a NetBIOS name (`LABDOM`), a DNS
    /// name (`lab.example`) or empty (the server's own accounts).
    pub fn password(domain: &str, user: &str, password: &str) -> Self {
        Credentials {
            domain: domain.to_owned(),
            user: user.to_owned(),
            secret: Secret::Password(Zeroizing::new(password.to_owned())),
        }
    }

    /// `domain\user` with an NT hash given as 32 hexadecimal digits (either case), as printed by
    /// `samba-tool`, `secretsdump` or `pwdump`. Works for NTLM only.
    pub fn nt_hash(domain: &str, user: &str, hash_hex: &str) -> Result<Self, AuthError> {
        let hex = hash_hex.trim().as_bytes();
        if hex.len() != 32 {
            return Err(AuthError::Usage(format!(
                "an NT hash is 32 hexadecimal digits, got {} characters",
                hex.len()
            )));
        }
        let mut hash = Zeroizing::new([0u8; 16]);
        for (i, pair) in hex.chunks_exact(2).enumerate() {
            let (Some(hi), Some(lo)) = (hex_value(pair[0]), hex_value(pair[1])) else {
                // Do not echo the input: it is (almost) a secret.
                return Err(AuthError::Usage(
                    "an NT hash may contain only hexadecimal digits".to_owned(),
                ));
            };
            hash[i] = (hi << 4) | lo;
        }
        Ok(Credentials {
            domain: domain.to_owned(),
            user: user.to_owned(),
            secret: Secret::NtHash(hash),
        })
    }

    /// The anonymous (null session) identity: empty user and domain, no secret.
    pub fn anonymous() -> Self {
        Credentials {
            domain: String::new(),
            user: String::new(),
            secret: Secret::Anonymous,
        }
    }

    /// The user name (empty for [`Credentials::anonymous`]).
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The domain as given (empty for [`Credentials::anonymous`]).
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// True for [`Credentials::anonymous`].
    pub fn is_anonymous(&self) -> bool {
        matches!(self.secret, Secret::Anonymous)
    }

    /// True when the secret is an NT hash rather than a password.
    pub fn is_nt_hash(&self) -> bool {
        matches!(self.secret, Secret::NtHash(_))
    }

    /// A key for connection pools: SHA-256 over a per-process random salt, the kind of secret,
    /// and the case-folded domain and user plus the secret itself.
    ///
    /// Equal credentials give equal fingerprints within one process; the salt keeps the value
    /// useless outside it (no offline guessing of the password from a logged fingerprint).
    pub fn fingerprint(&self) -> [u8; 32] {
        const TAG: &[u8] = b"netapi-auth credentials fingerprint v1\0";
        let (kind, secret): (u8, &[u8]) = match &self.secret {
            Secret::Anonymous => (0, &[]),
            Secret::Password(p) => (1, p.as_bytes()),
            Secret::NtHash(h) => (2, &h[..]),
        };
        let domain = self.domain.to_lowercase();
        let user = self.user.to_lowercase();
        // Exact capacity: a growing buffer would leave unzeroed copies of the secret behind.
        let len = TAG.len() + 32 + 1 + 3 * 8 + domain.len() + user.len() + secret.len();
        let mut input = Zeroizing::new(Vec::with_capacity(len));
        input.extend_from_slice(TAG);
        input.extend_from_slice(process_salt());
        input.push(kind);
        for field in [domain.as_bytes(), user.as_bytes(), secret] {
            input.extend_from_slice(&(field.len() as u64).to_le_bytes());
            input.extend_from_slice(field);
        }
        Sha256::digest(input.as_slice()).into()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secret = match self.secret {
            Secret::Anonymous => "<none: anonymous>",
            Secret::Password(_) => "<password redacted>",
            Secret::NtHash(_) => "<NT hash redacted>",
        };
        f.debug_struct("Credentials")
            .field("domain", &self.domain)
            .field("user", &self.user)
            .field("secret", &format_args!("{secret}"))
            .finish()
    }
}

/// 32 random bytes drawn once per process.
fn process_salt() -> &'static [u8; 32] {
    static SALT: OnceLock<[u8; 32]> = OnceLock::new();
    SALT.get_or_init(|| {
        let mut salt = [0u8; 32];
        // Without an OS random source the fingerprint would still be a sound pool key, only
        // unsalted; that is better than refusing to build credentials.
        if getrandom::fill(&mut salt).is_err() {
            tracing::warn!("no OS randomness: credentials fingerprints are unsalted");
        }
        salt
    })
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Lower-case hexadecimal, for handing an NT hash to sspi (its `$NTLM$:` password form).
pub(crate) fn hex_lower(bytes: &[u8]) -> Zeroizing<String> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nt_hash_parses_both_cases_and_rejects_garbage() {
        let a = Credentials::nt_hash("D", "u", "8846F7EAEE8FB117AD06BDD830B7586C").unwrap();
        let b = Credentials::nt_hash("D", "u", "8846f7eaee8fb117ad06bdd830b7586c").unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert!(matches!(
            Credentials::nt_hash("D", "u", "8846f7"),
            Err(AuthError::Usage(_))
        ));
        let bad = Credentials::nt_hash("D", "u", "zz46f7eaee8fb117ad06bdd830b7586c").unwrap_err();
        assert!(!bad.to_string().contains("zz46"));
    }

    #[test]
    fn fingerprint_separates_kinds_and_users_but_not_case() {
        let p = Credentials::password("LAB", "alice", "pw");
        assert_eq!(
            p.fingerprint(),
            Credentials::password("lab", "ALICE", "pw").fingerprint()
        );
        assert_ne!(
            p.fingerprint(),
            Credentials::password("LAB", "alice", "pW").fingerprint()
        );
        assert_ne!(
            p.fingerprint(),
            Credentials::password("LAB", "bob", "pw").fingerprint()
        );
        assert_ne!(
            p.fingerprint(),
            Credentials::password("LABX", "alice", "pw").fingerprint()
        );
        // Field boundaries are length-prefixed: "a"+"bc" differs from "ab"+"c".
        assert_ne!(
            Credentials::password("a", "bc", "x").fingerprint(),
            Credentials::password("ab", "c", "x").fingerprint()
        );
        assert_ne!(Credentials::anonymous().fingerprint(), p.fingerprint());
    }

    #[test]
    fn debug_shows_no_secret() {
        let p = Credentials::password("LAB", "alice", "S3cret-Value");
        let d = format!("{p:?}");
        assert!(d.contains("alice") && !d.contains("S3cret"));
        let h = Credentials::nt_hash("LAB", "alice", "8846f7eaee8fb117ad06bdd830b7586c").unwrap();
        let d = format!("{h:?} {h:#?}");
        assert!(!d.to_lowercase().contains("8846f7"), "{d}");
    }
}
