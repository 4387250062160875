//! Who we authenticate as: domain, user and one secret (password, NT hash, a Kerberos ticket
//! cache, a keytab, or nothing for a null session).
//!
//! The secret lives in zeroizing buffers; `Debug` prints the user and domain only. The NT hash
//! form is the `NTOWFv1` value of [MS-NLMP] 3.3.1 (MD4 of the UTF-16LE password), which NTLMv2
//! accepts in place of the password; Kerberos needs the password itself (AES keys are salted),
//! or a ticket cache ([`crate::ccache`]) or a keytab ([`crate::keytab`]). Caches and keytabs
//! are named here and read at each logon, so a `kinit` between two connections is picked up;
//! no key is held by a `Credentials` value. [`split_user_name`] reads the user-name forms
//! Windows and Samba tools accept. [`Credentials::fingerprint`] gives connection pools a key
//! that does not reveal the secret.

use std::fmt;
use std::path::{Path, PathBuf};
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
    /// The tickets of a credential cache (`KRB5CCNAME` syntax), read at each logon.
    Ccache(String),
    /// The long-term key of the user in a keytab file, read at each logon.
    Keytab(PathBuf),
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
    /// `samba-tool`, `secretsdump` or `pwdump`. NTLM; with `Mechanism::Kerberos` the hash is the
    /// account's RC4 key (RFC 4757) and logs on to the KDC with it.
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

    /// The Kerberos tickets of a credential cache, as `kinit` leaves them: `name` in
    /// `KRB5CCNAME` syntax (`FILE:/tmp/krb5cc_1000`, a bare path, `DIR:/run/user/1000/krb5cc`),
    /// or `None` for the current user's cache (`KRB5CCNAME`, else krb5.conf's
    /// `default_ccache_name`, else `FILE:/tmp/krb5cc_<uid>`), resolved now.
    ///
    /// The cache is read at each logon: its TGT gets the service ticket (`cifs/host` for SMB,
    /// `host/host` for RPC over TCP), or a matching service ticket in it is used directly. The
    /// user and domain are the cache's principal and realm when the cache can be read now
    /// (empty otherwise; a missing cache is reported when a logon needs it, as
    /// `SEC_E_NO_CREDENTIALS`). Kerberos only.
    pub fn ticket_cache(name: Option<&str>) -> Self {
        let name = match name {
            Some(n) => n.to_owned(),
            None => {
                let conf = crate::krb5conf::Krb5Conf::from_env();
                crate::ccache::default_name(conf.libdefault("default_ccache_name"))
            }
        };
        let (domain, user) = crate::ccache::load(&crate::ccache::CacheName::parse(&name))
            .map(|(_, c)| {
                (
                    c.default_principal.realm.clone(),
                    c.default_principal.components.join("/"),
                )
            })
            .unwrap_or_default();
        Credentials {
            domain,
            user,
            secret: Secret::Ccache(name),
        }
    }

    /// The current user's ticket cache ([`Credentials::ticket_cache`]`(None)`), if it can log
    /// on now: it exists, reads, and holds a TGT or a service ticket that has not expired. What
    /// a process given no other credentials uses: the nearest thing on Linux to Windows' "the
    /// logged-on user".
    pub fn usable_ticket_cache() -> Option<Self> {
        let conf = crate::krb5conf::Krb5Conf::from_env();
        let name = crate::ccache::default_name(conf.libdefault("default_ccache_name"));
        let (_, cache) = crate::ccache::load(&crate::ccache::CacheName::parse(&name)).ok()?;
        let now = crate::cache_kdc::now_secs();
        let usable = cache
            .credentials
            .iter()
            .any(|c| c.client == cache.default_principal && c.is_valid_at(now, 0));
        usable.then(|| Credentials::ticket_cache(Some(&name)))
    }

    /// The long-term key of `domain\user` in the keytab at `path` (`ktutil`, `samba-tool
    /// domain exportkeytab`, `ktpass`). `user` may be a principal (`svc@LAB.EXAMPLE`), whose
    /// realm then wins over `domain`; without either, the keytab's only realm for that name is
    /// used. The keytab is read at each logon; the key with the highest version is used,
    /// AES256 before AES128 before RC4 (an RC4 key runs its own RC4 AS and TGS exchanges,
    /// `krb_rc4`, since sspi's Kerberos is AES only). Kerberos only.
    pub fn keytab(domain: &str, user: &str, path: impl AsRef<Path>) -> Self {
        let (domain, user) = match user.rsplit_once('@') {
            Some((u, realm)) if !u.is_empty() && !realm.is_empty() => (realm, u),
            _ => (domain, user),
        };
        Credentials {
            domain: domain.to_owned(),
            user: user.to_owned(),
            secret: Secret::Keytab(path.as_ref().to_path_buf()),
        }
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

    /// True for credentials that only Kerberos can use (a ticket cache or a keytab).
    pub fn is_kerberos_only(&self) -> bool {
        matches!(self.secret, Secret::Ccache(_) | Secret::Keytab(_))
    }

    /// What kind of secret this is, for logs: `password`, `nt-hash`, `ticket-cache`,
    /// `keytab` or `anonymous`.
    pub fn kind(&self) -> &'static str {
        match self.secret {
            Secret::Anonymous => "anonymous",
            Secret::Password(_) => "password",
            Secret::NtHash(_) => "nt-hash",
            Secret::Ccache(_) => "ticket-cache",
            Secret::Keytab(_) => "keytab",
        }
    }

    /// The credential cache name (`KRB5CCNAME` syntax) of [`Credentials::ticket_cache`].
    pub fn ticket_cache_name(&self) -> Option<&str> {
        match &self.secret {
            Secret::Ccache(n) => Some(n),
            _ => None,
        }
    }

    /// The keytab file of [`Credentials::keytab`].
    pub fn keytab_path(&self) -> Option<&Path> {
        match &self.secret {
            Secret::Keytab(p) => Some(p),
            _ => None,
        }
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
            // Not secrets: where the secret is. A new kinit into the same cache is the same
            // identity for a pool.
            Secret::Ccache(n) => (3, n.as_bytes()),
            Secret::Keytab(p) => (4, p.as_os_str().as_encoded_bytes()),
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
        let secret = match &self.secret {
            Secret::Anonymous => "<none: anonymous>".to_owned(),
            Secret::Password(_) => "<password redacted>".to_owned(),
            Secret::NtHash(_) => "<NT hash redacted>".to_owned(),
            Secret::Ccache(n) => format!("<ticket cache {n}>"),
            Secret::Keytab(p) => format!("<keytab {}>", p.display()),
        };
        f.debug_struct("Credentials")
            .field("domain", &self.domain)
            .field("user", &self.user)
            .field("secret", &format_args!("{secret}"))
            .finish()
    }
}

/// A user name in one of the forms Windows and Samba tools accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserName {
    /// The domain written into the name (`DOMAIN\\user`, `DOMAIN/user`), if any.
    pub domain: Option<String>,
    /// The account (`user`), or the whole UPN (`user@dns.domain`).
    pub user: String,
    /// The name is a user principal name (`user@dns.domain`): NTLM sends it whole with an
    /// empty domain ([MS-NLMP] 2.2.1.3: the domain is empty for a UPN), Kerberos takes the
    /// realm from its suffix.
    pub upn: bool,
}

/// Read `DOMAIN\\user`, `DOMAIN/user` (Samba's form), `user@dns.domain` (UPN) or `user`.
/// Errors name what is missing; the name itself is not a secret and is echoed.
pub fn split_user_name(name: &str) -> Result<UserName, AuthError> {
    let name = name.trim();
    let (domain, user) = match name.split_once(['\\', '/']) {
        Some((d, u)) => (Some(d), u),
        None => (None, name),
    };
    if user.is_empty() {
        return Err(AuthError::Usage(format!(
            "user name {name:?} has no account after the domain"
        )));
    }
    if domain == Some("") {
        return Err(AuthError::Usage(format!(
            "user name {name:?} has an empty domain"
        )));
    }
    if user.contains(['\\', '/']) {
        return Err(AuthError::Usage(format!(
            "user name {name:?} has more than one domain separator"
        )));
    }
    let upn = domain.is_none() && user.contains('@');
    if upn {
        match user.rsplit_once('@') {
            Some((account, suffix)) if !account.is_empty() && !suffix.is_empty() => {}
            _ => {
                return Err(AuthError::Usage(format!(
                    "user name {name:?} is not user@dns.domain"
                )));
            }
        }
    }
    Ok(UserName {
        domain: domain.map(str::to_owned),
        user: user.to_owned(),
        upn,
    })
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
    fn user_name_forms() {
        let n = |s| split_user_name(s).unwrap();
        assert_eq!(
            n("LABDOM\\alice"),
            UserName {
                domain: Some("LABDOM".into()),
                user: "alice".into(),
                upn: false
            }
        );
        assert_eq!(n("LABDOM/alice"), n("LABDOM\\alice"));
        assert_eq!(
            n("alice@lab.example"),
            UserName {
                domain: None,
                user: "alice@lab.example".into(),
                upn: true
            }
        );
        assert_eq!(n(" alice ").user, "alice");
        for bad in [
            "LAB\\",
            "\\alice",
            "a\\b\\c",
            "a/b\\c",
            "@lab.example",
            "alice@",
            "",
        ] {
            assert!(split_user_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn kerberos_only_credentials_name_their_source_without_secrets() {
        let c = Credentials::ticket_cache(Some("FILE:/nonexistent/cc"));
        assert!(c.is_kerberos_only() && c.user().is_empty());
        assert_eq!(c.ticket_cache_name(), Some("FILE:/nonexistent/cc"));
        assert_eq!(c.kind(), "ticket-cache");
        let k = Credentials::keytab("LABDOM", "svc@LAB.EXAMPLE", "/etc/svc.keytab");
        assert_eq!((k.domain(), k.user()), ("LAB.EXAMPLE", "svc"));
        assert!(format!("{k:?}").contains("/etc/svc.keytab"));
        assert_ne!(c.fingerprint(), k.fingerprint());
        assert_ne!(
            c.fingerprint(),
            Credentials::ticket_cache(Some("FILE:/nonexistent/other")).fingerprint()
        );
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
