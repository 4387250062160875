//! The RC4-HMAC Kerberos encryption type (etype 23, RFC 4757), which picky-krb and sspi lack:
//! used only to log on with a keytab whose sole key for the principal is RC4 (the key of an
//! account without AES keys, or an exported NT hash).
//!
//! RFC 4757 section 4 (the non-export form, `T` the 32-bit little-endian key usage after the
//! section 3 mapping: AS-REP part 3 → 8, TGS-REP part with a subkey 9 → 8):
//!
//! ```text
//! K1 = HMAC-MD5(K, T)         edata = confounder(8) || plaintext
//! checksum = HMAC-MD5(K1, edata)   K3 = HMAC-MD5(K1, checksum)
//! output = checksum || RC4(K3, edata)
//! ```
//!
//! Decryption recomputes the checksum and compares it in constant time. Intermediate keys and
//! the RC4 state are zeroized.

use hmac::{Hmac, KeyInit, Mac};
use md5::Md5;
use zeroize::Zeroizing;

use crate::AuthError;

/// The RFC 4757 section 3 key usage a Kerberos usage number becomes.
fn ms_usage(usage: i32) -> u32 {
    match usage {
        3 => 8,
        9 => 8,
        23 => 13,
        other => other as u32,
    }
}

fn hmac_md5(key: &[u8], parts: &[&[u8]]) -> Zeroizing<[u8; 16]> {
    let mut mac =
        <Hmac<Md5> as KeyInit>::new_from_slice(key).expect("HMAC accepts keys of any length");
    for p in parts {
        mac.update(p);
    }
    let mut out = Zeroizing::new([0u8; 16]);
    out.copy_from_slice(&mac.finalize().into_bytes());
    out
}

/// RC4 (the keystream XORed in place).
fn rc4(key: &[u8], data: &mut [u8]) {
    let mut s = Zeroizing::new([0u8; 256]);
    for (i, v) in s.iter_mut().enumerate() {
        *v = i as u8;
    }
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    for b in data {
        i = i.wrapping_add(1);
        j = j.wrapping_add(s[usize::from(i)]);
        s.swap(usize::from(i), usize::from(j));
        let k = s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))];
        *b ^= k;
    }
}

/// Encrypt `plain` under the 16-byte RC4-HMAC key `key` for Kerberos key usage `usage`.
pub(crate) fn encrypt(key: &[u8], usage: i32, plain: &[u8]) -> Result<Vec<u8>, AuthError> {
    let mut confounder = [0u8; 8];
    getrandom::fill(&mut confounder)
        .map_err(|e| AuthError::Failed(format!("no OS randomness: {e}")))?;
    Ok(encrypt_with(key, usage, &confounder, plain))
}

fn encrypt_with(key: &[u8], usage: i32, confounder: &[u8; 8], plain: &[u8]) -> Vec<u8> {
    let k1 = hmac_md5(key, &[&ms_usage(usage).to_le_bytes()]);
    let checksum = hmac_md5(&k1[..], &[confounder, plain]);
    let k3 = hmac_md5(&k1[..], &[&checksum[..]]);
    let mut out = Vec::with_capacity(16 + 8 + plain.len());
    out.extend_from_slice(&checksum[..]);
    out.extend_from_slice(confounder);
    out.extend_from_slice(plain);
    rc4(&k3[..], &mut out[16..]);
    out
}

/// Decrypt `data` (checksum || RC4 ciphertext) and check its checksum; returns the plaintext
/// without the confounder.
pub(crate) fn decrypt(
    key: &[u8],
    usage: i32,
    data: &[u8],
) -> Result<Zeroizing<Vec<u8>>, AuthError> {
    if data.len() < 24 {
        return Err(AuthError::InvalidToken(
            "RC4-HMAC ciphertext shorter than its checksum and confounder".into(),
        ));
    }
    let (checksum, cipher) = data.split_at(16);
    let k1 = hmac_md5(key, &[&ms_usage(usage).to_le_bytes()]);
    let k3 = hmac_md5(&k1[..], &[checksum]);
    let mut edata = Zeroizing::new(cipher.to_vec());
    rc4(&k3[..], &mut edata);
    let expected = hmac_md5(&k1[..], &[&edata[..]]);
    let differs = expected
        .iter()
        .zip(checksum)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    if differs != 0 {
        return Err(AuthError::Failed(
            "RC4-HMAC integrity check failed (wrong key)".into(),
        ));
    }
    Ok(Zeroizing::new(edata[8..].to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_known_answers() {
        // The classic test vectors (Wikipedia, "RC4"): Key/Plaintext, Wiki/pedia, Secret/...
        let mut d = b"Plaintext".to_vec();
        rc4(b"Key", &mut d);
        assert_eq!(d, [0xbb, 0xf3, 0x16, 0xe8, 0xd9, 0x40, 0xaf, 0x0a, 0xd3]);
        let mut d = b"pedia".to_vec();
        rc4(b"Wiki", &mut d);
        assert_eq!(d, [0x10, 0x21, 0xbf, 0x04, 0x20]);
        let mut d = b"Attack at dawn".to_vec();
        rc4(b"Secret", &mut d);
        assert_eq!(
            d,
            [
                0x45, 0xa0, 0x1f, 0x64, 0x5f, 0xc3, 0x5b, 0x38, 0x35, 0x52, 0x54, 0x4b, 0x9b, 0xf5
            ]
        );
    }

    #[test]
    fn hmac_md5_known_answer() {
        // RFC 2202, test case 2.
        let mac = hmac_md5(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
        assert_eq!(
            mac[..],
            [
                0x75, 0x0c, 0x78, 0x3e, 0x6a, 0xb0, 0xb5, 0x03, 0xea, 0xa8, 0x6e, 0x31, 0x0a, 0x5d,
                0xb7, 0x38
            ]
        );
    }

    #[test]
    fn round_trip_and_integrity() {
        let key = [0x42u8; 16];
        let plain = b"EncASRepPart goes here";
        let c = encrypt(&key, 3, plain).unwrap();
        assert_eq!(c.len(), 16 + 8 + plain.len());
        assert_eq!(&decrypt(&key, 3, &c).unwrap()[..], plain);
        // AS-REP (3) and TGS-REP-with-subkey (9) share usage 8; others do not.
        assert_eq!(&decrypt(&key, 9, &c).unwrap()[..], plain);
        assert!(decrypt(&key, 7, &c).is_err());
        assert!(decrypt(&[0x43; 16], 3, &c).is_err());
        let mut flipped = c.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(decrypt(&key, 3, &flipped).is_err());
        assert!(decrypt(&key, 3, &c[..20]).is_err());
        // The confounder makes two encryptions differ.
        assert_ne!(c, encrypt(&key, 3, plain).unwrap());
        assert_eq!(
            encrypt_with(&key, 1, &[0; 8], b"x"),
            encrypt_with(&key, 1, &[0; 8], b"x")
        );
    }
}
