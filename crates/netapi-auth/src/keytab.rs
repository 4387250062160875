//! MIT keytab files (format version 0x502, as `ktutil`, `samba-tool domain exportkeytab`,
//! `msktutil` and Windows' `ktpass` write them): long-term keys of principals.
//!
//! Format, after MIT's "Keytab file format" (doc/formats/keytab_file_format.rst), big-endian:
//!
//! ```text
//! keytab ::= 0x05 0x02 entry*
//! entry  ::= size(32, signed; negative: a hole of |size| bytes to skip)
//!            count(16) realm(data16) component(data16)*count name-type(32)
//!            timestamp(32) vno8(8) enctype(16) key(data16) [vno(32), if 4 bytes remain]
//! data16 ::= length(16) bytes
//! ```
//!
//! Version 0x501 (host byte order, realm counted among the components) is refused. The reader
//! is bounded ([`MAX_KEYTAB_LEN`], every length checked against its entry) and never panics
//! (`fuzz/fuzz_targets/krb_files.rs`); keys are zeroized and never printed.
//! [`Keytab::best_key`] picks the key a client logs on with: the highest key version, and in it
//! AES256, then AES128, then RC4 ([MS-KILE] 3.1.5.2 lists the enctypes Windows supports).

use std::path::Path;

use crate::be::Reader;
use crate::ccache::{FormatError, Key, Principal, read_bounded};

/// Largest keytab file read.
pub const MAX_KEYTAB_LEN: usize = 1 << 20;
const MAX_COMPONENTS: usize = 32;

/// aes256-cts-hmac-sha1-96 (RFC 3962).
pub const AES256: i32 = 18;
/// aes128-cts-hmac-sha1-96 (RFC 3962).
pub const AES128: i32 = 17;
/// rc4-hmac (RFC 4757).
pub const RC4_HMAC: i32 = 23;

/// One keytab entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Whose key it is.
    pub principal: Principal,
    /// When it was written (seconds since 1970).
    pub timestamp: u32,
    /// Key version number (the 32-bit field when present, else the 8-bit one).
    pub kvno: u32,
    /// The key.
    pub key: Key,
}

/// A parsed keytab.
#[derive(Clone, Debug, Default)]
pub struct Keytab {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

/// Parse a keytab file's bytes.
pub fn parse(data: &[u8]) -> Result<Keytab, FormatError> {
    if data.len() > MAX_KEYTAB_LEN {
        return Err(FormatError(format!(
            "{} bytes is larger than the {MAX_KEYTAB_LEN}-byte limit for a keytab",
            data.len()
        )));
    }
    match data {
        [5, 2, ..] => {}
        [5, 1, ..] => {
            return Err(FormatError(
                "keytab format version 0x501 (host byte order) is not supported".into(),
            ));
        }
        _ => return Err(FormatError("not an MIT keytab (no 0x0502 header)".into())),
    }
    let mut r = Reader::new(data);
    r.take(2, "version")?;
    let mut entries = Vec::new();
    // A file may end with a partial length (MIT pads with zeros when it truncates).
    while r.left() >= 4 {
        let size = r.u32("entry size")? as i32;
        if size == 0 {
            break;
        }
        let n = size.unsigned_abs() as usize;
        let body = r.take(n, "entry")?;
        if size < 0 {
            continue; // a deleted entry
        }
        entries.push(entry(body)?);
    }
    Ok(Keytab { entries })
}

fn entry(body: &[u8]) -> Result<Entry, FormatError> {
    let mut e = Reader::new(body);
    let count = usize::from(e.u16("component count")?);
    if count > MAX_COMPONENTS {
        return Err(FormatError(format!(
            "a principal with {count} components (at most {MAX_COMPONENTS})"
        )));
    }
    let realm = e.string(false, "realm")?;
    let mut components = Vec::with_capacity(count);
    for _ in 0..count {
        components.push(e.string(false, "name component")?);
    }
    let name_type = e.u32("name type")? as i32;
    let timestamp = e.u32("timestamp")?;
    let vno8 = e.take(1, "key version")?[0];
    let enctype = i32::from(e.u16("enctype")? as i16);
    let key = Key::new(enctype, e.data(false, "key")?.to_vec());
    let kvno = match e.left() {
        n if n >= 4 => match e.u32("key version")? {
            0 => u32::from(vno8),
            v => v,
        },
        _ => u32::from(vno8),
    };
    Ok(Entry {
        principal: Principal {
            name_type,
            realm,
            components,
        },
        timestamp,
        kvno,
        key,
    })
}

/// Read and parse the keytab at `path`.
pub fn load(path: &Path) -> Result<Keytab, FormatError> {
    let bytes = zeroize::Zeroizing::new(
        read_bounded(path, MAX_KEYTAB_LEN)
            .map_err(|e| FormatError(format!("{}: {e}", path.display())))?,
    );
    parse(&bytes).map_err(|e| FormatError(format!("{}: {e}", path.display())))
}

impl Keytab {
    /// The principals the keytab has keys for, each once, in file order.
    pub fn principals(&self) -> Vec<&Principal> {
        let mut out: Vec<&Principal> = Vec::new();
        for e in &self.entries {
            if !out.iter().any(|p| same_principal(p, &e.principal)) {
                out.push(&e.principal);
            }
        }
        out
    }

    /// The key a client logs on with as `principal`: among its entries of the highest key
    /// version, AES256, else AES128, else RC4. Realm and name are compared as Kerberos does
    /// (exactly), except that the realm's case is ignored.
    pub fn best_key(&self, principal: &Principal) -> Option<&Entry> {
        let mine = || {
            self.entries
                .iter()
                .filter(|e| same_principal(&e.principal, principal))
        };
        let kvno = mine()
            .filter(|e| rank(e.key.enctype).is_some())
            .map(|e| e.kvno)
            .max()?;
        mine()
            .filter(|e| e.kvno == kvno)
            .filter_map(|e| rank(e.key.enctype).map(|r| (r, e)))
            .min_by_key(|(r, _)| *r)
            .map(|(_, e)| e)
    }
}

/// Preference of an enctype for logging on (lower is better); `None` for ones we cannot use.
fn rank(enctype: i32) -> Option<u8> {
    match enctype {
        AES256 => Some(0),
        AES128 => Some(1),
        RC4_HMAC => Some(2),
        _ => None,
    }
}

fn same_principal(a: &Principal, b: &Principal) -> bool {
    a.components == b.components && a.realm.eq_ignore_ascii_case(&b.realm)
}

/// Writing keytabs, for tests and fuzz seeds: the inverse of [`parse`].
pub mod write {
    use super::Entry;

    fn data(out: &mut Vec<u8>, d: &[u8]) {
        out.extend((d.len() as u16).to_be_bytes());
        out.extend_from_slice(d);
    }

    /// Encode `entries` as a version 0x502 keytab (with the 32-bit key version).
    pub fn to_bytes(entries: &[Entry]) -> Vec<u8> {
        let mut out = vec![5, 2];
        for e in entries {
            let mut body = Vec::new();
            body.extend((e.principal.components.len() as u16).to_be_bytes());
            data(&mut body, e.principal.realm.as_bytes());
            for c in &e.principal.components {
                data(&mut body, c.as_bytes());
            }
            body.extend(e.principal.name_type.to_be_bytes());
            body.extend(e.timestamp.to_be_bytes());
            body.push(e.kvno as u8);
            body.extend((e.key.enctype as u16).to_be_bytes());
            data(&mut body, e.key.bytes());
            body.extend(e.kvno.to_be_bytes());
            out.extend((body.len() as u32).to_be_bytes());
            out.extend(body);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, kvno: u32, enctype: i32) -> Entry {
        Entry {
            principal: Principal {
                name_type: 1,
                realm: "LAB.EXAMPLE".into(),
                components: vec![name.into()],
            },
            timestamp: 1,
            kvno,
            key: Key::new(enctype, vec![enctype as u8; 16]),
        }
    }

    #[test]
    fn picks_the_newest_strongest_key() {
        let bytes = write::to_bytes(&[
            entry("svc", 2, RC4_HMAC),
            entry("svc", 3, RC4_HMAC),
            entry("svc", 3, AES128),
            entry("svc", 2, AES256),
            entry("other", 9, AES256),
            entry("svc", 4, 3), // des-cbc-md5: unusable, so kvno 4 does not count
        ]);
        let kt = parse(&bytes).unwrap();
        assert_eq!(kt.entries.len(), 6);
        assert_eq!(kt.principals().len(), 2);
        let want = Principal {
            name_type: 1,
            realm: "lab.example".into(),
            components: vec!["svc".into()],
        };
        let best = kt.best_key(&want).unwrap();
        assert_eq!((best.kvno, best.key.enctype), (3, AES128));
        let only_rc4 = parse(&write::to_bytes(&[entry("svc", 5, RC4_HMAC)])).unwrap();
        assert_eq!(only_rc4.best_key(&want).unwrap().key.enctype, RC4_HMAC);
        let none = Principal {
            components: vec!["nobody".into()],
            ..want
        };
        assert!(kt.best_key(&none).is_none());
        assert!(
            !format!("{kt:?}").contains("17, 17"),
            "keys are not printed"
        );
    }

    #[test]
    fn holes_and_8_bit_versions() {
        let mut bytes = vec![5, 2];
        bytes.extend((-6i32).to_be_bytes());
        bytes.extend([0; 6]);
        let one = write::to_bytes(&[entry("svc", 7, AES256)]);
        // Drop the trailing 32-bit kvno: the 8-bit one is used.
        let body = &one[2..one.len() - 4];
        let len = u32::from_be_bytes(body[..4].try_into().unwrap()) - 4;
        bytes.extend(len.to_be_bytes());
        bytes.extend(&body[4..]);
        let kt = parse(&bytes).unwrap();
        assert_eq!(kt.entries.len(), 1);
        assert_eq!(kt.entries[0].kvno, 7);
    }

    #[test]
    fn damaged_keytabs_are_errors_not_panics() {
        let bytes = write::to_bytes(&[entry("svc", 2, AES256), entry("x", 1, AES128)]);
        for n in 0..bytes.len() {
            let _ = parse(&bytes[..n]);
        }
        assert!(parse(&[5, 1]).unwrap_err().0.contains("0x501"));
        assert!(parse(b"hello").is_err());
        let mut big = vec![5, 2];
        big.extend(0x7fff_ffffu32.to_be_bytes());
        assert!(parse(&big).is_err());
    }
}
