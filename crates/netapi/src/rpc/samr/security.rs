//! `UF_PASSWD_CANT_CHANGE` as Windows keeps it: not a `UserAccountControl` bit but the
//! `USER_CHANGE_PASSWORD` right ([MS-SAMR] 2.2.1.7) in the DACL of the user object, granted to
//! World (S-1-1-0) and to the user itself. netapi32 reads the descriptor with
//! SamrQuerySecurityObject and, to change the flag, writes it back with SamrSetSecurityObject
//! (`DACL_SECURITY_INFORMATION`) with that right added to or removed from those ACEs.
//!
//! The descriptor is self-relative ([MS-DTYP] 2.4.6) and comes from the peer: [`Descriptor`]
//! parses it with every offset and size checked, keeps what it does not interpret (owner,
//! group, SACL, other ACE types) as bytes, and writes it back in the same self-relative form.
//!
//! quirk(samba-4.17): the AD DC answers an empty descriptor (no DACL: nothing is denied, so the
//! flag reads clear) and does not implement SamrSetSecurityObject (`nca_s_op_rng_error`), so the
//! flag cannot be changed there through SAMR; the standalone server keeps it as its "password
//! can change" setting and answers with the ACEs above.

use netapi_codes::WinError;

use crate::info::Sid;
use crate::{Error, Kind, Result};

/// `USER_CHANGE_PASSWORD` ([MS-SAMR] 2.2.1.7).
pub(crate) const USER_CHANGE_PASSWORD: u32 = 0x0000_0040;

/// `SE_DACL_PRESENT` ([MS-DTYP] 2.4.6).
const SE_DACL_PRESENT: u16 = 0x0004;
/// `SE_SELF_RELATIVE`.
const SE_SELF_RELATIVE: u16 = 0x8000;
/// `ACCESS_ALLOWED_ACE_TYPE`, `ACCESS_DENIED_ACE_TYPE` ([MS-DTYP] 2.4.4.1).
const ACCESS_ALLOWED: u8 = 0;
const ACCESS_DENIED: u8 = 1;
/// Bytes of the descriptor header, an ACL header, an ACE header.
const SD_HEADER: usize = 20;
const ACL_HEADER: usize = 8;
const ACE_HEADER: usize = 4;

/// World, `S-1-1-0`.
fn world() -> Sid {
    Sid::new(1, &[0]).unwrap_or_else(Sid::builtin)
}

/// One ACE: an allow/deny ACE with its mask and SID, or any other kind as raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ace {
    Access {
        kind: u8,
        flags: u8,
        mask: u32,
        sid: Sid,
    },
    Other(Vec<u8>),
}

/// A self-relative security descriptor, split into the parts a DACL edit touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Descriptor {
    revision: u8,
    sbz1: u8,
    control: u16,
    owner: Option<Vec<u8>>,
    group: Option<Vec<u8>>,
    sacl: Option<Vec<u8>>,
    /// `None`: no DACL (everything allowed).
    dacl: Option<(u8, Vec<Ace>)>,
}

fn bad(why: impl Into<String>) -> Error {
    Error::local(
        "",
        Kind::Protocol,
        WinError::RPC_X_BAD_STUB_DATA,
        format!("security descriptor: {}", why.into()),
    )
}

fn u16_at(b: &[u8], at: usize) -> Result<u16> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or_else(|| bad("truncated"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| bad("truncated"))
}

/// The length of the SID at `b[at..]`.
fn sid_len(b: &[u8], at: usize) -> Result<usize> {
    let count = *b.get(at + 1).ok_or_else(|| bad("truncated SID"))?;
    let len = 8 + 4 * usize::from(count);
    if b.len() < at + len {
        return Err(bad("truncated SID"));
    }
    Ok(len)
}

/// The bytes of the part at `offset` (0: absent) whose length `len` computes.
fn part(
    b: &[u8],
    offset: u32,
    len: impl Fn(&[u8], usize) -> Result<usize>,
) -> Result<Option<Vec<u8>>> {
    if offset == 0 {
        return Ok(None);
    }
    let at = offset as usize;
    if at < SD_HEADER || at >= b.len() {
        return Err(bad("offset out of bounds"));
    }
    let n = len(b, at)?;
    Ok(Some(b[at..at + n].to_vec()))
}

/// The length of the ACL at `b[at..]` (its `AclSize`, checked against the buffer).
fn acl_len(b: &[u8], at: usize) -> Result<usize> {
    let size = usize::from(u16_at(b, at + 2)?);
    if size < ACL_HEADER || b.len() < at + size {
        return Err(bad("ACL size out of bounds"));
    }
    Ok(size)
}

fn parse_acl(acl: &[u8]) -> Result<(u8, Vec<Ace>)> {
    let count = usize::from(u16_at(acl, 4)?);
    let mut aces = Vec::with_capacity(count.min(acl.len() / ACE_HEADER));
    let mut at = ACL_HEADER;
    for _ in 0..count {
        let kind = *acl.get(at).ok_or_else(|| bad("truncated ACE"))?;
        let flags = *acl.get(at + 1).ok_or_else(|| bad("truncated ACE"))?;
        let size = usize::from(u16_at(acl, at + 2)?);
        if size < ACE_HEADER || acl.len() < at + size {
            return Err(bad("ACE size out of bounds"));
        }
        let ace = &acl[at..at + size];
        aces.push(match kind {
            ACCESS_ALLOWED | ACCESS_DENIED if size >= ACE_HEADER + 4 + 8 => {
                let mask = u32_at(ace, ACE_HEADER)?;
                let sid_at = ACE_HEADER + 4;
                let n = sid_len(ace, sid_at)?;
                let sid = Sid::from_bytes(&ace[sid_at..sid_at + n])
                    .ok_or_else(|| bad("malformed SID in an ACE"))?;
                Ace::Access {
                    kind,
                    flags,
                    mask,
                    sid,
                }
            }
            _ => Ace::Other(ace.to_vec()),
        });
        at += size;
    }
    Ok((acl[0], aces))
}

impl Descriptor {
    /// A descriptor with nothing in it (no DACL: nothing is denied).
    pub(crate) fn empty() -> Descriptor {
        Descriptor {
            revision: 1,
            sbz1: 0,
            control: SE_SELF_RELATIVE,
            owner: None,
            group: None,
            sacl: None,
            dacl: None,
        }
    }

    /// Parse a self-relative descriptor sent by a server.
    pub(crate) fn parse(b: &[u8]) -> Result<Descriptor> {
        if b.len() < SD_HEADER {
            return Err(bad("shorter than its header"));
        }
        let control = u16_at(b, 2)?;
        let owner = part(b, u32_at(b, 4)?, sid_len)?;
        let group = part(b, u32_at(b, 8)?, sid_len)?;
        let sacl = part(b, u32_at(b, 12)?, acl_len)?;
        let dacl = match part(b, u32_at(b, 16)?, acl_len)? {
            Some(acl) if control & SE_DACL_PRESENT != 0 => Some(parse_acl(&acl)?),
            _ => None,
        };
        Ok(Descriptor {
            revision: b[0],
            sbz1: b[1],
            control,
            owner,
            group,
            sacl,
            dacl,
        })
    }

    /// The self-relative bytes: header, SACL, DACL, owner, group (Windows' order).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; SD_HEADER];
        out[0] = self.revision;
        out[1] = self.sbz1;
        let mut control = self.control | SE_SELF_RELATIVE;
        let put = |out: &mut Vec<u8>, field: usize, bytes: Option<&[u8]>| {
            if let Some(bytes) = bytes {
                let at = out.len() as u32;
                out[field..field + 4].copy_from_slice(&at.to_le_bytes());
                out.extend_from_slice(bytes);
            }
        };
        put(&mut out, 12, self.sacl.as_deref());
        let dacl = self.dacl.as_ref().map(|(rev, aces)| acl_bytes(*rev, aces));
        if dacl.is_some() {
            control |= SE_DACL_PRESENT;
        }
        put(&mut out, 16, dacl.as_deref());
        put(&mut out, 4, self.owner.as_deref());
        put(&mut out, 8, self.group.as_deref());
        out[2..4].copy_from_slice(&control.to_le_bytes());
        out
    }

    /// Whether the DACL lets `user` change its password: no DACL, or `USER_CHANGE_PASSWORD`
    /// allowed to World or the user and denied to neither.
    pub(crate) fn can_change_password(&self, user: &Sid) -> bool {
        let Some((_, aces)) = &self.dacl else {
            return true;
        };
        let world = world();
        let mut allowed = false;
        for ace in aces {
            if let Ace::Access {
                kind, mask, sid, ..
            } = ace
                && (sid == &world || sid == user)
                && mask & USER_CHANGE_PASSWORD != 0
            {
                match *kind {
                    ACCESS_DENIED => return false,
                    _ => allowed = true,
                }
            }
        }
        allowed
    }

    /// Grant or withdraw `USER_CHANGE_PASSWORD` on the allow ACEs of World and `user` (adding a
    /// World ACE to grant it when there is none, removing the right from deny ACEs to grant
    /// it). A descriptor without a DACL allows everything already.
    pub(crate) fn set_change_password(&mut self, user: &Sid, allow: bool) {
        let Some((_, aces)) = &mut self.dacl else {
            if allow {
                return;
            }
            // Withdrawing needs a DACL: what Samba's file server answers always has one.
            self.dacl = Some((2, Vec::new()));
            return self.set_change_password(user, allow);
        };
        let world = world();
        let mut world_allow = false;
        for ace in aces.iter_mut() {
            if let Ace::Access {
                kind, mask, sid, ..
            } = ace
                && (*sid == world || sid == user)
            {
                match (*kind, allow) {
                    (ACCESS_ALLOWED, true) => {
                        *mask |= USER_CHANGE_PASSWORD;
                        world_allow |= *sid == world;
                    }
                    (ACCESS_ALLOWED, false) | (ACCESS_DENIED, true) => {
                        *mask &= !USER_CHANGE_PASSWORD
                    }
                    _ => {}
                }
            }
        }
        if allow && !world_allow {
            aces.push(Ace::Access {
                kind: ACCESS_ALLOWED,
                flags: 0,
                mask: USER_CHANGE_PASSWORD,
                sid: world,
            });
        }
    }
}

fn acl_bytes(revision: u8, aces: &[Ace]) -> Vec<u8> {
    let mut body = Vec::new();
    for ace in aces {
        match ace {
            Ace::Access {
                kind,
                flags,
                mask,
                sid,
            } => {
                let sid = sid.to_bytes();
                let size = (ACE_HEADER + 4 + sid.len()) as u16;
                body.extend_from_slice(&[*kind, *flags]);
                body.extend_from_slice(&size.to_le_bytes());
                body.extend_from_slice(&mask.to_le_bytes());
                body.extend_from_slice(&sid);
            }
            Ace::Other(raw) => body.extend_from_slice(raw),
        }
    }
    let mut out = Vec::with_capacity(ACL_HEADER + body.len());
    out.extend_from_slice(&[revision, 0]);
    out.extend_from_slice(&((ACL_HEADER + body.len()) as u16).to_le_bytes());
    out.extend_from_slice(&(aces.len() as u16).to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(s: &str) -> Sid {
        s.parse().unwrap()
    }

    /// What Samba's file server answers for a user whose password can change: World, the
    /// Administrators and Account Operators, and the user.
    fn samba_fs(user: &Sid, change: bool) -> Vec<u8> {
        let pw = if change { USER_CHANGE_PASSWORD } else { 0 };
        let aces = vec![
            Ace::Access {
                kind: 0,
                flags: 0,
                mask: 0x0002_031b | pw,
                sid: world(),
            },
            Ace::Access {
                kind: 0,
                flags: 0,
                mask: 0x000f_07ff,
                sid: sid("S-1-5-32-544"),
            },
            Ace::Access {
                kind: 0,
                flags: 0,
                mask: 0x000f_07ff,
                sid: sid("S-1-5-32-548"),
            },
            Ace::Access {
                kind: 0,
                flags: 0,
                mask: 0x0002_0004 | pw,
                sid: user.clone(),
            },
        ];
        Descriptor {
            revision: 1,
            sbz1: 0,
            control: SE_SELF_RELATIVE | SE_DACL_PRESENT,
            owner: None,
            group: None,
            sacl: None,
            dacl: Some((2, aces)),
        }
        .to_bytes()
    }

    #[test]
    fn the_flag_reads_from_world_and_the_user() {
        let user = sid("S-1-5-21-1-2-3-1001");
        let d = Descriptor::parse(&samba_fs(&user, true)).unwrap();
        assert!(d.can_change_password(&user));
        let d = Descriptor::parse(&samba_fs(&user, false)).unwrap();
        assert!(!d.can_change_password(&user));
        // The DC's empty descriptor: no DACL, nothing denied.
        let empty = Descriptor::parse(&Descriptor::empty().to_bytes()).unwrap();
        assert_eq!(empty, Descriptor::empty());
        assert!(empty.can_change_password(&user));
        assert_eq!(empty.to_bytes().len(), SD_HEADER);
    }

    #[test]
    fn toggling_edits_the_right_aces_and_round_trips() {
        let user = sid("S-1-5-21-1-2-3-1001");
        let bytes = samba_fs(&user, true);
        let mut d = Descriptor::parse(&bytes).unwrap();
        assert_eq!(d.to_bytes(), bytes, "parse/write is the identity");
        d.set_change_password(&user, false);
        assert_eq!(d.to_bytes(), samba_fs(&user, false));
        d.set_change_password(&user, true);
        assert_eq!(d.to_bytes(), bytes);
        // Granting where nobody had the right adds a World ACE.
        let mut d = Descriptor {
            dacl: Some((2, Vec::new())),
            ..Descriptor::parse(&bytes).unwrap()
        };
        assert!(!d.can_change_password(&user));
        d.set_change_password(&user, true);
        assert!(
            Descriptor::parse(&d.to_bytes())
                .unwrap()
                .can_change_password(&user)
        );
    }

    #[test]
    fn hostile_descriptors_are_clean_errors() {
        let user = sid("S-1-5-21-1-2-3-1001");
        let good = samba_fs(&user, true);
        for n in 0..good.len() {
            // Every truncation either fails cleanly or parses (a DACL offset past the end fails).
            let _ = Descriptor::parse(&good[..n]);
        }
        let mut huge_acl = good.clone();
        let dacl = u32::from_le_bytes(huge_acl[16..20].try_into().unwrap()) as usize;
        huge_acl[dacl + 2..dacl + 4].copy_from_slice(&0xFFFFu16.to_le_bytes());
        assert!(Descriptor::parse(&huge_acl).is_err());
        let mut many = good.clone();
        many[dacl + 4..dacl + 6].copy_from_slice(&0xFFFFu16.to_le_bytes());
        assert!(Descriptor::parse(&many).is_err());
        let mut offset = good;
        offset[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Descriptor::parse(&offset).is_err());
    }
}
