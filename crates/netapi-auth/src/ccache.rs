//! MIT Kerberos credential caches: the `FILE:` format (versions 3 and 4, as `kinit`, Heimdal,
//! impacket and Samba write them), `DIR:` collections, and where the cache of the current user
//! is (`KRB5CCNAME`, krb5.conf's `default_ccache_name`, MIT's `/tmp/krb5cc_<uid>`).
//!
//! Format, after MIT's "Credential cache file format" (doc/formats/ccache_file_format.rst):
//! big-endian throughout (versions 1 and 2 use host byte order and are refused);
//!
//! ```text
//! file       ::= 0x05 version(1) [header (v4)] default-principal credential*
//! header     ::= length(16) { tag(16) length(16) value }*       tag 1: KDC time offset
//! principal  ::= name-type(32) count(32) realm(data) component(data)*count
//! data       ::= length(32) bytes
//! credential ::= client(principal) server(principal) keyblock
//!                authtime(32) starttime(32) endtime(32) renew-till(32) is-skey(8) flags(32)
//!                addresses: count(32) { type(16) data }*  authdata: count(32) { type(16) data }*
//!                ticket(data) second-ticket(data)
//! keyblock   ::= enctype(16) [enctype(16) again in v3] data
//! ```
//!
//! Entries whose server realm is `X-CACHECONF:` are MIT's configuration records, not tickets,
//! and are skipped. The reader is bounded: the file is at most [`MAX_CCACHE_LEN`] bytes, every
//! length is checked against what is left, counts are capped, and nothing panics on any input
//! (`fuzz/fuzz_targets/krb_files.rs`). Session keys are kept in zeroizing buffers and never
//! printed. `KCM:` and `KEYRING:` caches live in a daemon or the kernel and are not read: they
//! are reported as such, with the hint to `kinit -c FILE:...`.

use std::fmt;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::be::Reader;

/// Largest cache file read (a cache with hundreds of service tickets is far smaller).
pub const MAX_CCACHE_LEN: usize = 4 << 20;
/// Most credentials kept from one cache.
const MAX_CREDENTIALS: usize = 4096;
/// Most components of one principal name.
const MAX_COMPONENTS: usize = 32;
/// Server realm of MIT's configuration entries.
const CONF_REALM: &str = "X-CACHECONF:";

/// Why a cache could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormatError {}

/// A Kerberos principal name (RFC 4120 6.2): name type, realm, components.
#[derive(Clone, PartialEq, Eq)]
pub struct Principal {
    /// `NT-PRINCIPAL` (1), `NT-SRV-INST` (2), `NT-ENTERPRISE` (10), ...
    pub name_type: i32,
    /// The realm (`LAB.EXAMPLE`).
    pub realm: String,
    /// The name components (`["cifs", "dc1.lab.example"]`).
    pub components: Vec<String>,
}

impl Principal {
    /// True for `krbtgt/<realm>@<realm>`, the ticket-granting service of `realm`.
    pub fn is_tgs_of(&self, realm: &str) -> bool {
        matches!(self.components.as_slice(), [k, r] if k == "krbtgt" && r == realm)
            && self.realm == realm
    }

    /// True for `service/host@realm`, comparing the host name without case (SPNs are
    /// case-insensitive in Active Directory) and ignoring a trailing dot.
    pub fn is_service(&self, service: &str, host: &str, realm: &str) -> bool {
        let norm = |h: &str| h.trim_end_matches('.').to_ascii_lowercase();
        matches!(self.components.as_slice(),
            [s, h] if s.eq_ignore_ascii_case(service) && norm(h) == norm(host))
            && self.realm.eq_ignore_ascii_case(realm)
    }
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.components.join("/"), self.realm)
    }
}

impl fmt::Debug for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Principal({self})")
    }
}

/// A key: its RFC 3961 enctype and the key bytes (zeroized on drop, never printed).
#[derive(Clone)]
pub struct Key {
    /// 17 aes128-cts-hmac-sha1-96, 18 aes256-cts-hmac-sha1-96, 23 rc4-hmac, ...
    pub enctype: i32,
    value: Zeroizing<Vec<u8>>,
}

impl Key {
    /// A key from its parts.
    pub fn new(enctype: i32, value: Vec<u8>) -> Self {
        Key {
            enctype,
            value: Zeroizing::new(value),
        }
    }

    /// The key bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.value
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Key(enctype {}, <{} bytes redacted>)",
            self.enctype,
            self.value.len()
        )
    }
}

/// One cached ticket with its session key.
#[derive(Clone, Debug)]
pub struct Credential {
    /// Whose ticket it is.
    pub client: Principal,
    /// The service it is for (`krbtgt/REALM@REALM` for a TGT).
    pub server: Principal,
    /// The ticket's session key.
    pub key: Key,
    /// Times in seconds since 1970 (the cache stores 32 bits; 0 = absent).
    pub auth_time: u32,
    /// Start of validity (0: the auth time).
    pub start_time: u32,
    /// End of validity.
    pub end_time: u32,
    /// Renewable until (0: not renewable).
    pub renew_till: u32,
    /// A user-to-user ticket (encrypted in a session key).
    pub is_skey: bool,
    /// `TicketFlags` (RFC 4120 5.3) as a 32-bit big-endian bit string: `0x4000_0000` is
    /// forwardable, `0x0040_0000` initial, ...
    pub flags: u32,
    /// The DER `Ticket` ([APPLICATION 1]).
    pub ticket: Vec<u8>,
    /// The second ticket of a user-to-user request (usually empty).
    pub second_ticket: Vec<u8>,
}

impl Credential {
    /// Valid at `now` (seconds since 1970), allowing `skew` seconds: started, and not ended.
    pub fn is_valid_at(&self, now: u64, skew: u64) -> bool {
        let start = if self.start_time != 0 {
            self.start_time
        } else {
            self.auth_time
        };
        u64::from(start) <= now + skew && u64::from(self.end_time) > now
    }
}

/// A parsed cache.
#[derive(Clone, Debug)]
pub struct Ccache {
    /// 3 or 4.
    pub version: u8,
    /// KDC time minus client time (seconds, microseconds), from a version 4 header.
    pub kdc_offset: Option<(i32, i32)>,
    /// The cache's owner: the client of its TGT.
    pub default_principal: Principal,
    /// The tickets, in file order (configuration entries left out).
    pub credentials: Vec<Credential>,
}

impl Ccache {
    /// The TGT of the default principal for its own realm, if the cache holds one.
    pub fn tgt(&self) -> Option<&Credential> {
        let p = &self.default_principal;
        self.credentials
            .iter()
            .rev()
            .find(|c| c.client == *p && c.server.is_tgs_of(&p.realm))
    }

    /// The newest ticket of the default principal for `service/host@realm` valid at `now`.
    pub fn service_ticket(
        &self,
        service: &str,
        host: &str,
        realm: &str,
        now: u64,
    ) -> Option<&Credential> {
        self.credentials.iter().rev().find(|c| {
            c.client == self.default_principal
                && !c.is_skey
                && c.server.is_service(service, host, realm)
                && c.is_valid_at(now, 0)
        })
    }
}

/// A principal: name type, count, realm, components (32-bit lengths).
fn principal(r: &mut Reader<'_>, what: &str) -> Result<Principal, FormatError> {
    let name_type = r.u32(what)? as i32;
    let count = r.u32(what)? as usize;
    if count > MAX_COMPONENTS {
        return Err(FormatError(format!(
            "{what} has {count} components (at most {MAX_COMPONENTS})"
        )));
    }
    let realm = r.string(true, what)?;
    let mut components = Vec::with_capacity(count);
    for _ in 0..count {
        components.push(r.string(true, what)?);
    }
    Ok(Principal {
        name_type,
        realm,
        components,
    })
}

/// Parse a cache file's bytes.
pub fn parse(data: &[u8]) -> Result<Ccache, FormatError> {
    if data.len() > MAX_CCACHE_LEN {
        return Err(FormatError(format!(
            "{} bytes is larger than the {MAX_CCACHE_LEN}-byte limit for a credential cache",
            data.len()
        )));
    }
    let mut r = Reader::new(data);
    let (magic, version) = (r.u8("version")?, r.u8("version")?);
    if magic != 5 {
        return Err(FormatError(
            "not an MIT credential cache (first byte is not 5)".into(),
        ));
    }
    if !matches!(version, 3 | 4) {
        return Err(FormatError(format!(
            "credential cache format version {version} is not supported (3 and 4 are)"
        )));
    }
    let mut kdc_offset = None;
    if version == 4 {
        let len = usize::from(r.u16("header length")?);
        let mut h = Reader::new(r.take(len, "header")?);
        while h.left() > 0 {
            let tag = h.u16("header tag")?;
            let len = usize::from(h.u16("header field")?);
            let field = h.take(len, "header field")?;
            if let (1, [a, b, c, d, e, f, g, hh]) = (tag, field) {
                kdc_offset = Some((
                    i32::from_be_bytes([*a, *b, *c, *d]),
                    i32::from_be_bytes([*e, *f, *g, *hh]),
                ));
            }
        }
    }
    let default_principal = principal(&mut r, "default principal")?;
    let mut credentials = Vec::new();
    while r.left() > 0 {
        if credentials.len() >= MAX_CREDENTIALS {
            return Err(FormatError(format!(
                "more than {MAX_CREDENTIALS} credentials"
            )));
        }
        let client = principal(&mut r, "client principal")?;
        let server = principal(&mut r, "server principal")?;
        let enctype = r.u16("key type")?;
        if version == 3 {
            r.u16("key type")?;
        }
        let key = Key::new(i32::from(enctype as i16), r.data(true, "key")?.to_vec());
        let auth_time = r.u32("auth time")?;
        let start_time = r.u32("start time")?;
        let end_time = r.u32("end time")?;
        let renew_till = r.u32("renew time")?;
        let is_skey = r.u8("is-skey")? != 0;
        let flags = r.u32("ticket flags")?;
        for what in ["address", "authorization data"] {
            let n = r.u32(what)? as usize;
            // Each entry is at least 6 bytes: a count beyond what is left is a lie.
            if n > r.left() / 6 {
                return Err(FormatError(format!("{what} count {n} exceeds the file")));
            }
            for _ in 0..n {
                r.u16(what)?;
                r.data(true, what)?;
            }
        }
        let ticket = r.data(true, "ticket")?.to_vec();
        let second_ticket = r.data(true, "second ticket")?.to_vec();
        if server.realm == CONF_REALM {
            continue;
        }
        credentials.push(Credential {
            client,
            server,
            key,
            auth_time,
            start_time,
            end_time,
            renew_till,
            is_skey,
            flags,
            ticket,
            second_ticket,
        });
    }
    Ok(Ccache {
        version,
        kdc_offset,
        default_principal,
        credentials,
    })
}

/// Where a cache name (`KRB5CCNAME` syntax) points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheName {
    /// `FILE:path` or a bare path.
    File(PathBuf),
    /// `DIR:dir` (the collection's primary cache) or `DIR::dir/tktXXX` (one cache in it).
    Dir {
        /// The collection directory.
        dir: PathBuf,
        /// A named cache file in it, or `None` for the one named by `dir/primary`.
        file: Option<PathBuf>,
    },
    /// A cache type this crate does not read (`KCM:`, `KEYRING:`, `MEMORY:`, `API:`, ...).
    Unsupported(String),
}

impl CacheName {
    /// Classify `name` (`FILE:/tmp/x`, `/tmp/x`, `DIR:/run/user/1000/krb5cc`, `KCM:`...).
    pub fn parse(name: &str) -> CacheName {
        let name = name.trim();
        if let Some(rest) = name.strip_prefix("FILE:") {
            return CacheName::File(PathBuf::from(rest));
        }
        if let Some(rest) = name.strip_prefix("DIR:") {
            return match rest.strip_prefix(':') {
                Some(file) => {
                    let file = PathBuf::from(file);
                    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
                    CacheName::Dir {
                        dir,
                        file: Some(file),
                    }
                }
                None => CacheName::Dir {
                    dir: PathBuf::from(rest),
                    file: None,
                },
            };
        }
        // A type prefix is letters before a colon; a path never starts that way on Unix.
        match name.split_once(':') {
            Some((kind, _))
                if !kind.is_empty() && kind.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                CacheName::Unsupported(kind.to_owned())
            }
            _ => CacheName::File(PathBuf::from(name)),
        }
    }

    /// The file holding the cache: for `DIR:` the one `primary` names (default `tkt`).
    pub fn file(&self) -> Result<PathBuf, FormatError> {
        match self {
            CacheName::File(p) => Ok(p.clone()),
            CacheName::Dir {
                file: Some(file), ..
            } => Ok(file.clone()),
            CacheName::Dir { dir, file: None } => {
                let primary = dir.join("primary");
                let name = match read_bounded(&primary, 4096) {
                    Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => "tkt".to_owned(),
                    Err(e) => {
                        return Err(FormatError(format!("{}: {e}", primary.display())));
                    }
                };
                // MIT accepts only names of the form tkt* inside the directory.
                if name.is_empty() || name.contains('/') || !name.starts_with("tkt") {
                    return Err(FormatError(format!(
                        "{} names {name:?}, not a cache file of the collection",
                        primary.display()
                    )));
                }
                Ok(dir.join(name))
            }
            CacheName::Unsupported(kind) => Err(FormatError(format!(
                "{kind}: credential caches are not supported; use a FILE: or DIR: cache \
                 (kinit -c FILE:/path, then KRB5CCNAME=FILE:/path)"
            ))),
        }
    }
}

/// The current user's cache name: `KRB5CCNAME`, else `default_ccache_name` from krb5.conf
/// (`%{uid}`, `%{euid}` and `%{TEMP}` expanded), else MIT's built-in `FILE:/tmp/krb5cc_%{uid}`.
pub fn default_name(conf_default: Option<&str>) -> String {
    if let Ok(name) = std::env::var("KRB5CCNAME")
        && !name.trim().is_empty()
    {
        return name;
    }
    expand(conf_default.unwrap_or("FILE:/tmp/krb5cc_%{uid}"))
}

/// Expand the krb5.conf path tokens MIT documents for `default_ccache_name`.
fn expand(template: &str) -> String {
    let uid = current_uid().map(|u| u.to_string()).unwrap_or_default();
    let temp = std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp".to_owned());
    template
        .replace("%{uid}", &uid)
        .replace("%{euid}", &uid)
        .replace("%{TEMP}", &temp)
        .replace("%{null}", "")
}

/// The real user id (owner of `/proc/self` on Linux).
#[cfg(unix)]
pub(crate) fn current_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").ok().map(|m| m.uid())
}

#[cfg(not(unix))]
pub(crate) fn current_uid() -> Option<u32> {
    None
}

/// Read at most `limit` bytes of `path` (a larger file is an error, not a truncation).
pub(crate) fn read_bounded(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut buf = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut buf)?;
    if buf.len() > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {limit} bytes"),
        ));
    }
    Ok(buf)
}

/// Read and parse the cache `name` points at; returns the file it read.
pub fn load(name: &CacheName) -> Result<(PathBuf, Ccache), FormatError> {
    let path = name.file()?;
    let bytes = Zeroizing::new(
        read_bounded(&path, MAX_CCACHE_LEN)
            .map_err(|e| FormatError(format!("{}: {e}", path.display())))?,
    );
    let cache = parse(&bytes).map_err(|e| FormatError(format!("{}: {e}", path.display())))?;
    Ok((path, cache))
}

/// Writing caches, for tests and fuzz seeds: the inverse of [`parse`] (version 4).
pub mod write {
    use super::{Ccache, Credential, Principal};

    fn data(out: &mut Vec<u8>, d: &[u8]) {
        out.extend((d.len() as u32).to_be_bytes());
        out.extend_from_slice(d);
    }

    fn principal(out: &mut Vec<u8>, p: &Principal) {
        out.extend(p.name_type.to_be_bytes());
        out.extend((p.components.len() as u32).to_be_bytes());
        data(out, p.realm.as_bytes());
        for c in &p.components {
            data(out, c.as_bytes());
        }
    }

    fn credential(out: &mut Vec<u8>, c: &Credential) {
        principal(out, &c.client);
        principal(out, &c.server);
        out.extend((c.key.enctype as u16).to_be_bytes());
        data(out, c.key.bytes());
        for t in [c.auth_time, c.start_time, c.end_time, c.renew_till] {
            out.extend(t.to_be_bytes());
        }
        out.push(u8::from(c.is_skey));
        out.extend(c.flags.to_be_bytes());
        out.extend([0u8; 8]); // no addresses, no authorization data
        data(out, &c.ticket);
        data(out, &c.second_ticket);
    }

    /// Encode `cache` in format version 4 (with its KDC offset header, if any).
    pub fn to_bytes(cache: &Ccache) -> Vec<u8> {
        let mut out = vec![5, 4];
        match cache.kdc_offset {
            Some((s, us)) => {
                out.extend(12u16.to_be_bytes());
                out.extend(1u16.to_be_bytes());
                out.extend(8u16.to_be_bytes());
                out.extend(s.to_be_bytes());
                out.extend(us.to_be_bytes());
            }
            None => out.extend(0u16.to_be_bytes()),
        }
        principal(&mut out, &cache.default_principal);
        for c in &cache.credentials {
            credential(&mut out, c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(realm: &str, parts: &[&str]) -> Principal {
        Principal {
            name_type: 1,
            realm: realm.into(),
            components: parts.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn cred(server: Principal, start: u32, end: u32) -> Credential {
        Credential {
            client: p("LAB.EXAMPLE", &["alice"]),
            server,
            key: Key::new(18, vec![7; 32]),
            auth_time: start,
            start_time: start,
            end_time: end,
            renew_till: 0,
            is_skey: false,
            flags: 0x40e1_0000,
            ticket: vec![0x61, 0x03, 1, 2, 3],
            second_ticket: Vec::new(),
        }
    }

    fn sample() -> Ccache {
        let conf = Credential {
            server: p("X-CACHECONF:", &["krb5_ccache_conf_data", "fast_avail"]),
            ..cred(p("LAB.EXAMPLE", &["krbtgt", "LAB.EXAMPLE"]), 0, 0)
        };
        Ccache {
            version: 4,
            kdc_offset: Some((-3, 5)),
            default_principal: p("LAB.EXAMPLE", &["alice"]),
            credentials: vec![
                cred(p("LAB.EXAMPLE", &["krbtgt", "LAB.EXAMPLE"]), 100, 200),
                conf,
                cred(p("LAB.EXAMPLE", &["cifs", "DC1.lab.example"]), 100, 150),
            ],
        }
    }

    #[test]
    fn round_trip_skips_config_entries_and_finds_tickets() {
        let bytes = write::to_bytes(&sample());
        let c = parse(&bytes).unwrap();
        assert_eq!(c.version, 4);
        assert_eq!(c.kdc_offset, Some((-3, 5)));
        assert_eq!(c.default_principal.to_string(), "alice@LAB.EXAMPLE");
        assert_eq!(c.credentials.len(), 2, "the X-CACHECONF: entry is skipped");
        let tgt = c.tgt().unwrap();
        assert_eq!(tgt.server.to_string(), "krbtgt/LAB.EXAMPLE@LAB.EXAMPLE");
        assert_eq!(tgt.key.bytes(), &[7; 32]);
        assert_eq!(tgt.flags, 0x40e1_0000);
        assert!(
            c.service_ticket("cifs", "dc1.lab.example.", "lab.example", 120)
                .is_some()
        );
        assert!(
            c.service_ticket("cifs", "dc1.lab.example", "LAB.EXAMPLE", 150)
                .is_none()
        );
        assert!(
            c.service_ticket("host", "dc1.lab.example", "LAB.EXAMPLE", 120)
                .is_none()
        );
        assert!(!format!("{tgt:?}").contains("7, 7"), "keys are not printed");
    }

    #[test]
    fn version_3_repeats_the_enctype() {
        let mut bytes = write::to_bytes(&Ccache {
            credentials: vec![cred(p("R", &["krbtgt", "R"]), 1, 2)],
            default_principal: p("R", &["alice"]),
            ..sample()
        });
        // v4 → v3: drop the header (2 + 12 bytes), double the key type.
        bytes[1] = 3;
        bytes.drain(2..16);
        let key_at = bytes.windows(2).rposition(|w| w == [0, 18]).unwrap();
        bytes.splice(key_at..key_at, [0, 18]);
        let c = parse(&bytes).unwrap();
        assert_eq!(c.version, 3);
        assert_eq!(c.credentials[0].key.enctype, 18);
        assert_eq!(c.credentials[0].key.bytes().len(), 32);
    }

    #[test]
    fn damaged_caches_are_errors_not_panics() {
        let bytes = write::to_bytes(&sample());
        for n in 0..bytes.len() {
            // Every prefix either parses (ends on a credential boundary) or fails cleanly.
            let _ = parse(&bytes[..n]);
        }
        assert!(parse(&[]).is_err());
        assert!(parse(&[5, 2, 0, 0]).unwrap_err().0.contains("version 2"));
        assert!(parse(&[4, 4]).is_err());
        let mut huge_count = write::to_bytes(&sample());
        // default principal component count → 0xffffffff
        huge_count[20..24].copy_from_slice(&[0xff; 4]);
        assert!(parse(&huge_count).is_err());
    }

    #[test]
    fn cache_names() {
        assert_eq!(
            CacheName::parse("FILE:/tmp/krb5cc_0"),
            CacheName::File("/tmp/krb5cc_0".into())
        );
        assert_eq!(CacheName::parse("/tmp/x"), CacheName::File("/tmp/x".into()));
        assert_eq!(
            CacheName::parse("DIR:/run/cc"),
            CacheName::Dir {
                dir: "/run/cc".into(),
                file: None
            }
        );
        assert_eq!(
            CacheName::parse("DIR::/run/cc/tktAB"),
            CacheName::Dir {
                dir: "/run/cc".into(),
                file: Some("/run/cc/tktAB".into())
            }
        );
        assert_eq!(
            CacheName::parse("KCM:1000"),
            CacheName::Unsupported("KCM".into())
        );
        let e = CacheName::parse("KEYRING:persistent:0").file().unwrap_err();
        assert!(e.0.contains("FILE:"), "{e}");
    }

    #[test]
    fn dir_collections_follow_primary() {
        let dir = std::env::temp_dir().join(format!("netapi-ccdir-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let name = CacheName::parse(&format!("DIR:{}", dir.display()));
        assert_eq!(name.file().unwrap(), dir.join("tkt"));
        std::fs::write(dir.join("primary"), "tktXYZ\n").unwrap();
        assert_eq!(name.file().unwrap(), dir.join("tktXYZ"));
        std::fs::write(dir.join("primary"), "../etc/passwd\n").unwrap();
        assert!(name.file().is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn default_name_expands_tokens() {
        let uid = current_uid().unwrap();
        assert_eq!(
            expand("FILE:/tmp/krb5cc_%{uid}"),
            format!("FILE:/tmp/krb5cc_{uid}")
        );
    }
}
