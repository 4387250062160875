//! `JOINPR_ENCRYPTED_USER_PASSWORD` (\[MS-WKST\] 2.2.5.18): how a password travels in
//! NetrValidateName2 (and the join methods).
//!
//! The clear `JOINPR_USER_PASSWORD` (2.2.5.17) is an 8-byte random obfuscator, a 512-byte buffer
//! holding the UTF-16LE password at its end (random bytes before it) and the password's byte
//! length; everything after the obfuscator (516 bytes) is RC4-encrypted with the key
//! `MD5(user session key ‖ obfuscator)` (2.2.5.18.3), the user session key being the SMB
//! session's 16-byte key. The obfuscator travels in the clear. The caller supplies the random
//! bytes (this crate has no RNG); nothing here logs, and the clear buffer is zeroized.

use md5::{Digest, Md5};
use zeroize::Zeroizing;

use super::join::{
    JOIN_MAX_PASSWORD_LENGTH, JOIN_OBFUSCATOR_LENGTH, JOINPR_ENCRYPTED_LEN,
    JoinprEncryptedUserPassword,
};

/// The password does not fit (more than [`JOIN_MAX_PASSWORD_LENGTH`] UTF-16 units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the password is longer than {JOIN_MAX_PASSWORD_LENGTH} UTF-16 units"
        )
    }
}

impl std::error::Error for TooLong {}

/// Encrypt `password` for a call on a session whose key is `session_key`, with the random
/// bytes `random` (obfuscator, then filler).
pub fn encrypt(
    password: &str,
    session_key: &[u8; 16],
    random: &[u8; JOINPR_ENCRYPTED_LEN],
) -> Result<JoinprEncryptedUserPassword, TooLong> {
    let units: Zeroizing<Vec<u8>> =
        Zeroizing::new(password.encode_utf16().flat_map(u16::to_le_bytes).collect());
    let capacity = JOIN_MAX_PASSWORD_LENGTH * 2;
    if units.len() > capacity {
        return Err(TooLong);
    }
    let mut clear = Zeroizing::new(*random);
    let end = JOIN_OBFUSCATOR_LENGTH + capacity;
    clear[end - units.len()..end].copy_from_slice(&units);
    clear[end..].copy_from_slice(&(units.len() as u32).to_le_bytes());
    let mut md5 = Md5::new();
    md5.update(session_key);
    md5.update(&clear[..JOIN_OBFUSCATOR_LENGTH]);
    let key = Zeroizing::new(md5.finalize());
    rc4(&key, &mut clear[JOIN_OBFUSCATOR_LENGTH..]);
    Ok(JoinprEncryptedUserPassword { buffer: *clear })
}

/// RC4 (\[SCHNEIER\] 17.1) over `data` in place: the stream cipher \[MS-WKST\] prescribes.
fn rc4(key: &[u8], data: &mut [u8]) {
    let mut s: Zeroizing<[u8; 256]> = Zeroizing::new([0; 256]);
    for (i, b) in s.iter_mut().enumerate() {
        *b = i as u8;
    }
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    for byte in data {
        i = i.wrapping_add(1);
        j = j.wrapping_add(s[usize::from(i)]);
        s.swap(usize::from(i), usize::from(j));
        let k = s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))];
        *byte ^= k;
    }
}

/// The server side of [`encrypt`] (2.2.5.18.3–2.2.5.18.4), for the scripted peer and
/// tests: the clear password, or `None` when the length does not fit.
pub fn decrypt(buffer: &JoinprEncryptedUserPassword, session_key: &[u8; 16]) -> Option<String> {
    let mut clear = Zeroizing::new(buffer.buffer);
    let mut md5 = Md5::new();
    md5.update(session_key);
    md5.update(&clear[..JOIN_OBFUSCATOR_LENGTH]);
    let key = Zeroizing::new(md5.finalize());
    rc4(&key, &mut clear[JOIN_OBFUSCATOR_LENGTH..]);
    let end = JOIN_OBFUSCATOR_LENGTH + JOIN_MAX_PASSWORD_LENGTH * 2;
    let len = u32::from_le_bytes(clear[end..].try_into().ok()?) as usize;
    if len > JOIN_MAX_PASSWORD_LENGTH * 2 || !len.is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = clear[end - len..end]
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_matches_rfc_6229() {
        // RFC 6229, key 0x0102030405 (40 bits), keystream bytes 0..16.
        let mut data = [0u8; 16];
        rc4(&[1, 2, 3, 4, 5], &mut data);
        assert_eq!(
            data,
            [
                0xb2, 0x39, 0x63, 0x05, 0xf0, 0x3d, 0xc0, 0x27, 0xcc, 0xc3, 0x52, 0x4a, 0x0a, 0x11,
                0x18, 0xa8
            ]
        );
    }

    #[test]
    fn the_layout_is_the_spec_s_and_round_trips() {
        let key = [7u8; 16];
        let random = [0xAAu8; JOINPR_ENCRYPTED_LEN];
        let e = encrypt("Pw1", &key, &random).unwrap();
        // The obfuscator is in the clear, the rest is not.
        assert_eq!(e.buffer[..8], [0xAA; 8]);
        assert_ne!(e.buffer[8..], random[8..]);
        assert_eq!(decrypt(&e, &key).as_deref(), Some("Pw1"));
        assert_ne!(decrypt(&e, &[8u8; 16]).as_deref(), Some("Pw1"));
        // Decrypting by hand: the password ends the 512-byte buffer, its length follows.
        let mut clear = e.buffer;
        let mut md5 = Md5::new();
        md5.update(key);
        md5.update(&clear[..8]);
        rc4(&md5.finalize(), &mut clear[8..]);
        assert_eq!(
            &clear[520 - 6..520],
            "Pw1"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>()
                .as_slice()
        );
        assert_eq!(clear[520..], [6, 0, 0, 0]);
        assert_eq!(clear[8..514], [0xAA; 506]);
        assert_eq!(encrypt(&"x".repeat(257), &key, &random), Err(TooLong));
        assert!(encrypt(&"x".repeat(256), &key, &random).is_ok());
    }
}
