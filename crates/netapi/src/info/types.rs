//! Value types the info levels share: [`Sid`] ([MS-DTYP] 2.4.2), and the password types
//! [`Password`] and [`OwfPassword`], which never print and are zeroized when dropped.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroizing;

/// A security identifier ([MS-DTYP] 2.4.2): revision 1, a 48-bit identifier authority and up
/// to 15 sub-authorities. Printed and parsed in the string form `S-1-5-21-…` (2.4.2.1), which is
/// also its JSON form; pywin32 shows it as a `PySID`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sid {
    authority: u64,
    sub_authorities: Vec<u32>,
}

/// Most sub-authorities a SID has ([MS-DTYP] 2.4.2.2 `SID_MAX_SUB_AUTHORITIES`).
pub const SID_MAX_SUB_AUTHORITIES: usize = 15;

impl Sid {
    /// A SID from its authority and sub-authorities (at most 15).
    pub fn new(authority: u64, sub_authorities: &[u32]) -> Option<Sid> {
        (authority < 1 << 48 && sub_authorities.len() <= SID_MAX_SUB_AUTHORITIES).then(|| Sid {
            authority,
            sub_authorities: sub_authorities.to_vec(),
        })
    }

    /// The identifier authority (5 for `SECURITY_NT_AUTHORITY`), below 2^48.
    pub fn authority(&self) -> u64 {
        self.authority
    }

    /// The sub-authorities (at most 15), the last one being the RID of an account SID.
    pub fn sub_authorities(&self) -> &[u32] {
        &self.sub_authorities
    }

    /// `S-1-5-32`, the BUILTIN domain.
    pub fn builtin() -> Sid {
        Sid {
            authority: 5,
            sub_authorities: vec![32],
        }
    }

    /// This SID with `rid` appended (a domain SID → an account SID).
    pub fn with_rid(&self, rid: u32) -> Option<Sid> {
        let mut subs = self.sub_authorities.clone();
        subs.push(rid);
        Sid::new(self.authority, &subs)
    }

    /// The last sub-authority (the RID of an account SID).
    pub fn rid(&self) -> Option<u32> {
        self.sub_authorities.last().copied()
    }

    /// The SID without its last sub-authority (an account SID → its domain SID).
    pub fn domain(&self) -> Option<Sid> {
        let (_, rest) = self.sub_authorities.split_last()?;
        Sid::new(self.authority, rest)
    }

    /// The binary form ([MS-DTYP] 2.4.2.2): revision, count, authority (big-endian), subs (LE).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(8 + 4 * self.sub_authorities.len());
        b.push(1);
        b.push(self.sub_authorities.len() as u8);
        b.extend_from_slice(&self.authority.to_be_bytes()[2..]);
        for s in &self.sub_authorities {
            b.extend_from_slice(&s.to_le_bytes());
        }
        b
    }

    /// A SID from its binary form; `None` unless it is exactly one well-formed SID.
    pub fn from_bytes(b: &[u8]) -> Option<Sid> {
        let (&rev, rest) = b.split_first()?;
        let (&count, rest) = rest.split_first()?;
        let count = usize::from(count);
        if rev != 1 || count > SID_MAX_SUB_AUTHORITIES || rest.len() != 6 + 4 * count {
            return None;
        }
        let mut auth = [0u8; 8];
        auth[2..].copy_from_slice(&rest[..6]);
        let subs = rest[6..]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Some(Sid {
            authority: u64::from_be_bytes(auth),
            sub_authorities: subs,
        })
    }
}

impl fmt::Display for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // [MS-DTYP] 2.4.2.1: the authority in decimal below 2^32, else in hex.
        if self.authority < 1 << 32 {
            write!(f, "S-1-{}", self.authority)?;
        } else {
            write!(f, "S-1-0x{:012X}", self.authority)?;
        }
        for s in &self.sub_authorities {
            write!(f, "-{s}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sid({self})")
    }
}

/// A string that is not a SID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSid(pub String);

impl fmt::Display for BadSid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a SID (S-1-<authority>-<sub>…)", self.0)
    }
}

impl std::error::Error for BadSid {}

impl FromStr for Sid {
    type Err = BadSid;

    fn from_str(s: &str) -> Result<Sid, BadSid> {
        let bad = || BadSid(s.to_string());
        let rest = s
            .strip_prefix("S-1-")
            .or_else(|| s.strip_prefix("s-1-"))
            .ok_or_else(bad)?;
        let mut parts = rest.split('-');
        let auth = parts.next().ok_or_else(bad)?;
        let authority = match auth.strip_prefix("0x").or_else(|| auth.strip_prefix("0X")) {
            Some(hex) => u64::from_str_radix(hex, 16).map_err(|_| bad())?,
            None => auth.parse::<u64>().map_err(|_| bad())?,
        };
        let subs = parts
            .map(|p| p.parse::<u32>().map_err(|_| bad()))
            .collect::<Result<Vec<_>, _>>()?;
        Sid::new(authority, &subs).ok_or_else(bad)
    }
}

impl Serialize for Sid {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Sid {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Sid, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A clear-text password (`usri1_password`, `usri1003_password`, …): sent, never returned, never
/// printed (`Debug` shows `Password(***)`), zeroized when dropped. JSON: a string.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Password(Zeroizing<String>);

impl Password {
    /// The password text (to send it).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Password {
    fn from(s: &str) -> Self {
        Password(Zeroizing::new(s.to_string()))
    }
}

impl From<String> for Password {
    fn from(s: String) -> Self {
        Password(Zeroizing::new(s))
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Serialize for Password {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Password {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Password, D::Error> {
        String::deserialize(d).map(Password::from)
    }
}

/// The NT one-way function of a password (`usri21_password`, `usri22_password`: 16 bytes,
/// `ENCRYPTED_PWLEN`): never printed, zeroized when dropped. JSON: 32 hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct OwfPassword(Zeroizing<[u8; 16]>);

impl OwfPassword {
    /// The 16 bytes.
    pub fn new(bytes: [u8; 16]) -> Self {
        OwfPassword(Zeroizing::new(bytes))
    }

    /// The 16 bytes (to send them).
    pub fn expose(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Debug for OwfPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OwfPassword(***)")
    }
}

impl Serialize for OwfPassword {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let hex: String = self.0.iter().map(|b| format!("{b:02x}")).collect();
        s.serialize_str(&hex)
    }
}

impl<'de> Deserialize<'de> for OwfPassword {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OwfPassword, D::Error> {
        let text = Zeroizing::new(String::deserialize(d)?);
        let mut out = [0u8; 16];
        if text.len() != 32 {
            return Err(serde::de::Error::custom("an OWF password is 32 hex digits"));
        }
        for (i, o) in out.iter_mut().enumerate() {
            *o = text
                .get(2 * i..2 * i + 2)
                .and_then(|p| u8::from_str_radix(p, 16).ok())
                .ok_or_else(|| serde::de::Error::custom("invalid hex digit"))?;
        }
        Ok(OwfPassword::new(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sids_print_parse_and_encode_as_ms_dtyp_says() {
        let s: Sid = "S-1-5-21-1004336348-1177238915-682003330-512"
            .parse()
            .unwrap();
        assert_eq!(
            s.to_string(),
            "S-1-5-21-1004336348-1177238915-682003330-512"
        );
        assert_eq!(s.rid(), Some(512));
        assert_eq!(
            s.domain().unwrap().to_string(),
            "S-1-5-21-1004336348-1177238915-682003330"
        );
        assert_eq!(Sid::from_bytes(&s.to_bytes()), Some(s.clone()));
        assert_eq!(
            Sid::builtin().with_rid(544).unwrap().to_string(),
            "S-1-5-32-544"
        );
        let big = Sid::new(0x1234_5678_9ABC, &[1]).unwrap();
        assert_eq!(big.to_string(), "S-1-0x123456789ABC-1");
        assert_eq!(big.to_string().parse::<Sid>().unwrap(), big);
        assert_eq!(
            serde_json::to_value(&s).unwrap(),
            serde_json::json!(s.to_string())
        );
        for bad in [
            "",
            "S-1",
            "S-2-5",
            "S-1-5-x",
            "X-1-5",
            &format!("S-1-5{}", "-1".repeat(16)),
        ] {
            assert!(bad.parse::<Sid>().is_err(), "{bad:?}");
        }
        assert!(
            Sid::from_bytes(&[1, 1, 0, 0, 0, 0, 0, 5]).is_none(),
            "short"
        );
    }

    #[test]
    fn passwords_never_print() {
        let p = Password::from("Secret.1");
        assert_eq!(format!("{p:?}"), "Password(***)");
        assert_eq!(p.expose(), "Secret.1");
        assert_eq!(serde_json::to_value(&p).unwrap(), "Secret.1");
        let o = OwfPassword::new([0xab; 16]);
        assert_eq!(format!("{o:?}"), "OwfPassword(***)");
        let j = serde_json::to_value(&o).unwrap();
        assert_eq!(serde_json::from_value::<OwfPassword>(j).unwrap(), o);
    }
}
