//! How passwords travel in SAMR ([MS-SAMR] 2.2.6.21–2.2.6.22, 2.2.11.1, 3.2.2.1–3.2.2.3):
//! never in clear, always as an RC4-encrypted `SAMPR_USER_PASSWORD` or a DES-encrypted OWF.
//!
//! * Setting a password (NetUserAdd, NetUserSetInfo 1003 and the levels carrying one):
//!   `SAMPR_ENCRYPTED_USER_PASSWORD_NEW`, RC4 keyed with MD5(salt ‖ session key) (3.2.2.2),
//!   where the session key is the SMB2 session's application key over `ncacn_np` and the RPC
//!   security context's over `ncacn_ip_tcp` (3.2.2.3), both as 16 bytes.
//! * Changing one's own password (NetUserChangePassword, SamrUnicodeChangePasswordUser2): the
//!   new password RC4-encrypted with the old NT OWF, and the old NT OWF DES-encrypted with the
//!   new one (2.2.11.1.1, "encrypting a 16-byte block with a 14-byte key").
//!
//! Every intermediate secret is zeroized when dropped; nothing here is printed or logged.

use des::Des;
use des::cipher::{BlockCipherEncrypt, KeyInit};
use md4::{Digest, Md4};
use md5::Md5;
use netapi_codes::WinError;
use netapi_msrpc::samr::{
    ENCRYPTED_USER_PASSWORD_LEN, EncryptedNtOwfPassword, SamprEncryptedUserPassword,
    SamprEncryptedUserPasswordNew,
};
use zeroize::{Zeroize, Zeroizing};

use crate::{Error, Kind, Result};

/// Most UTF-16 units a SAMR password holds (`SAMPR_USER_PASSWORD.Buffer`, 2.2.6.20).
pub(crate) const MAX_PASSWORD_UNITS: usize = 256;

/// A 16-byte session key ([MS-SAMR] 3.2.2.3).
pub(crate) type SessionKey = Zeroizing<[u8; 16]>;

/// The first 16 bytes of a session key (zero-padded when shorter, as Samba and Windows
/// use a 16-byte key whatever the mechanism produced).
pub(crate) fn session_key16(bytes: &[u8]) -> SessionKey {
    let mut k = Zeroizing::new([0u8; 16]);
    let n = bytes.len().min(16);
    k[..n].copy_from_slice(&bytes[..n]);
    k
}

/// RC4 ([SCHNEIER] 17.1): SAMR's password cipher. Its state is zeroized when dropped.
struct Rc4 {
    s: [u8; 256],
    i: u8,
    j: u8,
}

impl Rc4 {
    fn new(key: &[u8]) -> Rc4 {
        let mut s = [0u8; 256];
        for (n, b) in s.iter_mut().enumerate() {
            *b = n as u8;
        }
        let mut j = 0u8;
        for i in 0..256 {
            j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
            s.swap(i, usize::from(j));
        }
        Rc4 { s, i: 0, j: 0 }
    }

    fn apply(&mut self, data: &mut [u8]) {
        for b in data {
            self.i = self.i.wrapping_add(1);
            self.j = self.j.wrapping_add(self.s[usize::from(self.i)]);
            self.s.swap(usize::from(self.i), usize::from(self.j));
            let k = self.s[usize::from(
                self.s[usize::from(self.i)].wrapping_add(self.s[usize::from(self.j)]),
            )];
            *b ^= k;
        }
    }
}

impl Drop for Rc4 {
    fn drop(&mut self) {
        self.s.zeroize();
        self.i.zeroize();
        self.j.zeroize();
    }
}

fn random(buf: &mut [u8], op: &'static str) -> Result<()> {
    getrandom::fill(buf).map_err(|e| {
        Error::local(
            op,
            Kind::Protocol,
            WinError::ERROR_INTERNAL_ERROR,
            format!("no random bytes for the password buffer: {e}"),
        )
    })
}

/// `password` as UTF-16 units, checked: at most [`MAX_PASSWORD_UNITS`], no NUL.
fn units(op: &'static str, password: &str) -> Result<Zeroizing<Vec<u16>>> {
    let u = Zeroizing::new(password.encode_utf16().collect::<Vec<u16>>());
    if u.len() > MAX_PASSWORD_UNITS || u.contains(&0) {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!(
                "a password holds at most {MAX_PASSWORD_UNITS} UTF-16 units and no NUL character"
            ),
        )
        .with_parm_err(crate::con::USER_PASSWORD_PARMNUM));
    }
    Ok(u)
}

/// `SAMPR_USER_PASSWORD` ([MS-SAMR] 2.2.6.20) in clear: random bytes, the password's UTF-16LE
/// at the end of the 512-byte buffer, then its length in bytes.
fn user_password(op: &'static str, password: &str) -> Result<Zeroizing<[u8; 516]>> {
    let u = units(op, password)?;
    let mut buf = Zeroizing::new([0u8; ENCRYPTED_USER_PASSWORD_LEN]);
    random(&mut buf[..512], op)?;
    let start = 512 - 2 * u.len();
    for (n, unit) in u.iter().enumerate() {
        buf[start + 2 * n..start + 2 * n + 2].copy_from_slice(&unit.to_le_bytes());
    }
    buf[512..].copy_from_slice(&((2 * u.len()) as u32).to_le_bytes());
    Ok(buf)
}

/// The NT one-way function of `password`: MD4 of its UTF-16LE form ([MS-NLMP] 3.3.1).
pub(crate) fn nt_owf(password: &str) -> Zeroizing<[u8; 16]> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(password.len() * 2));
    for u in password.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let mut out = Zeroizing::new([0u8; 16]);
    out.copy_from_slice(&Md4::digest(bytes.as_slice()));
    out
}

/// `SAMPR_ENCRYPTED_USER_PASSWORD_NEW` ([MS-SAMR] 2.2.6.22, 3.2.2.2) for `password` under
/// `session_key`: RC4 keyed with MD5(salt ‖ session key), then the clear salt.
pub(crate) fn encrypt_new(
    op: &'static str,
    password: &str,
    session_key: &[u8; 16],
) -> Result<SamprEncryptedUserPasswordNew> {
    let mut salt = [0u8; 16];
    random(&mut salt, op)?;
    encrypt_new_with_salt(op, password, session_key, salt)
}

fn encrypt_new_with_salt(
    op: &'static str,
    password: &str,
    session_key: &[u8; 16],
    salt: [u8; 16],
) -> Result<SamprEncryptedUserPasswordNew> {
    let mut clear = user_password(op, password)?;
    let mut key = Zeroizing::new([0u8; 16]);
    let mut md5 = Md5::new();
    md5.update(salt);
    md5.update(session_key);
    key.copy_from_slice(&md5.finalize());
    Rc4::new(key.as_slice()).apply(clear.as_mut_slice());
    let mut buffer = [0u8; ENCRYPTED_USER_PASSWORD_LEN + 16];
    buffer[..ENCRYPTED_USER_PASSWORD_LEN].copy_from_slice(clear.as_slice());
    buffer[ENCRYPTED_USER_PASSWORD_LEN..].copy_from_slice(&salt);
    Ok(SamprEncryptedUserPasswordNew { buffer })
}

/// What SamrUnicodeChangePasswordUser2 carries for a change from `old` to `new` ([MS-SAMR]
/// 3.1.5.10.3): `NewPasswordEncryptedWithOldNt` and `OldNtOwfPasswordEncryptedWithNewNt`.
pub(crate) fn change_blobs(
    op: &'static str,
    old: &str,
    new: &str,
) -> Result<(SamprEncryptedUserPassword, EncryptedNtOwfPassword)> {
    let old_nt = nt_owf(old);
    let new_nt = nt_owf(new);
    let mut clear = user_password(op, new)?;
    Rc4::new(old_nt.as_slice()).apply(clear.as_mut_slice());
    let mut buffer = [0u8; ENCRYPTED_USER_PASSWORD_LEN];
    buffer.copy_from_slice(clear.as_slice());
    let owf = EncryptedNtOwfPassword {
        data: des_16_with_14(&old_nt, &new_nt),
    };
    Ok((SamprEncryptedUserPassword { buffer }, owf))
}

/// An NT OWF as `UserAllInformation` carries it (levels 21/22 of NetUserSetInfo): encrypted
/// with the session key ([MS-SAMR] 3.2.2.1 with 2.2.11.1.1).
pub(crate) fn encrypt_owf(owf: &[u8; 16], session_key: &[u8; 16]) -> [u8; 16] {
    des_16_with_14(owf, session_key)
}

/// A 16-byte block encrypted with the first 14 bytes of `key` ([MS-SAMR] 2.2.11.1.1): each
/// 8-byte half with DES-ECB under one 7-byte half of the key, widened to a DES key
/// (2.2.11.1.2).
fn des_16_with_14(block: &[u8; 16], key: &[u8; 16]) -> [u8; 16] {
    let mut out = [0u8; 16];
    for half in 0..2 {
        let k = Zeroizing::new(des_key(&key[7 * half..7 * half + 7]));
        let cipher = Des::new(&des::cipher::Key::<Des>::from(*k));
        let mut b = des::cipher::Block::<Des>::default();
        b.copy_from_slice(&block[8 * half..8 * half + 8]);
        cipher.encrypt_block(&mut b);
        out[8 * half..8 * half + 8].copy_from_slice(&b);
        b.zeroize();
    }
    out
}

/// A 7-byte key spread over 8 bytes, 7 bits each, the low (parity) bit clear
/// ([MS-SAMR] 2.2.11.1.2).
fn des_key(k: &[u8]) -> [u8; 8] {
    let mut out = [0u8; 8];
    out[0] = k[0] >> 1;
    out[1] = ((k[0] & 0x01) << 6) | (k[1] >> 2);
    out[2] = ((k[1] & 0x03) << 5) | (k[2] >> 3);
    out[3] = ((k[2] & 0x07) << 4) | (k[3] >> 4);
    out[4] = ((k[3] & 0x0F) << 3) | (k[4] >> 5);
    out[5] = ((k[4] & 0x1F) << 2) | (k[5] >> 6);
    out[6] = ((k[5] & 0x3F) << 1) | (k[6] >> 7);
    out[7] = k[6] & 0x7F;
    for b in &mut out {
        *b <<= 1;
    }
    out
}

#[cfg(test)]
mod tests;
