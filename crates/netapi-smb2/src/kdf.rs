//! SMB 3.x key derivation: SP800-108 counter mode with HMAC-SHA256 ([MS-SMB2] 3.1.4.2) and the
//! per-dialect labels and contexts ([MS-SMB2] 3.2.5.3.1).
//!
//! 3.0 and 3.0.2 use constant contexts; 3.1.1 uses the session's preauth integrity hash. For
//! the AES-256 ciphers the encryption keys are 32 bytes long and derived from the full session
//! key; signing and application keys stay 16 bytes from the first 16 bytes.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::negotiate::{Cipher, Dialect};

/// `KDF(Ki, Label, Context)` with `r` = 32 and `L` = `out.len() * 8` (at most 256 bits).
/// `label` and `context` are passed with their terminating NUL where the spec has one; the
/// single 0x00 separator of SP800-108 is added here.
pub fn kdf(key: &[u8], label: &[u8], context: &[u8], out: &mut [u8]) {
    debug_assert!(out.len() <= 32);
    let bits = (out.len() as u32) * 8;
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(key) else {
        // HMAC takes keys of any length; this branch cannot run.
        out.fill(0);
        return;
    };
    mac.update(&1u32.to_be_bytes());
    mac.update(label);
    mac.update(&[0]);
    mac.update(context);
    mac.update(&bits.to_be_bytes());
    let full = mac.finalize().into_bytes();
    let n = out.len();
    out.copy_from_slice(&full[..n]);
}

/// The keys of one authenticated session ([MS-SMB2] 3.2.1.3). Zeroized on drop.
#[derive(Clone)]
pub struct SessionKeys {
    /// `Session.SigningKey` (16 bytes; the session key itself for 2.x).
    pub signing: Zeroizing<[u8; 16]>,
    /// `Session.ApplicationKey` (what SAMR/LSA use as the "user session key").
    pub application: Zeroizing<[u8; 16]>,
    /// `Session.EncryptionKey`: client-to-server (3.x only; 16 or 32 bytes).
    pub encryption: Option<Zeroizing<Vec<u8>>>,
    /// `Session.DecryptionKey`: server-to-client (3.x only).
    pub decryption: Option<Zeroizing<Vec<u8>>>,
}

impl std::fmt::Debug for SessionKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKeys(<redacted>)")
    }
}

impl SessionKeys {
    /// Derive the keys for `dialect` from the GSS session key. `preauth` is the session's
    /// preauth integrity hash (3.1.1 only); `cipher` the negotiated cipher, if any, which sets
    /// the encryption key length.
    pub fn derive(
        dialect: Dialect,
        session_key: &[u8],
        preauth: Option<&[u8; 64]>,
        cipher: Option<Cipher>,
    ) -> Self {
        // Session.SessionKey: the first 16 bytes, right-padded with zeros ([MS-SMB2] 3.2.1.3).
        let mut key16 = Zeroizing::new([0u8; 16]);
        let n = session_key.len().min(16);
        key16[..n].copy_from_slice(&session_key[..n]);
        if !dialect.is_smb3() {
            return SessionKeys {
                signing: key16.clone(),
                application: key16,
                encryption: None,
                decryption: None,
            };
        }
        let (sign_label, app_label, c2s_label, s2c_label): (&[u8], &[u8], &[u8], &[u8]);
        let (sign_ctx, app_ctx, c2s_ctx, s2c_ctx): (&[u8], &[u8], &[u8], &[u8]);
        let preauth_ctx: &[u8] = preauth.map(|p| &p[..]).unwrap_or(&[]);
        if dialect == Dialect::SMB3_1_1 {
            (sign_label, app_label) = (b"SMBSigningKey\0", b"SMBAppKey\0");
            (c2s_label, s2c_label) = (b"SMBC2SCipherKey\0", b"SMBS2CCipherKey\0");
            (sign_ctx, app_ctx, c2s_ctx, s2c_ctx) =
                (preauth_ctx, preauth_ctx, preauth_ctx, preauth_ctx);
        } else {
            (sign_label, app_label) = (b"SMB2AESCMAC\0", b"SMB2APP\0");
            (c2s_label, s2c_label) = (b"SMB2AESCCM\0", b"SMB2AESCCM\0");
            (sign_ctx, app_ctx) = (b"SmbSign\0", b"SmbRpc\0");
            (c2s_ctx, s2c_ctx) = (b"ServerIn \0", b"ServerOut\0");
        }
        let mut signing = Zeroizing::new([0u8; 16]);
        kdf(&key16[..], sign_label, sign_ctx, &mut signing[..]);
        let mut application = Zeroizing::new([0u8; 16]);
        kdf(&key16[..], app_label, app_ctx, &mut application[..]);

        let wide = matches!(cipher, Some(Cipher::AES_256_CCM | Cipher::AES_256_GCM));
        let (enc_key, len): (&[u8], usize) = if wide {
            (session_key, 32)
        } else {
            (&key16[..], 16)
        };
        let mut encryption = Zeroizing::new(vec![0u8; len]);
        kdf(enc_key, c2s_label, c2s_ctx, &mut encryption);
        let mut decryption = Zeroizing::new(vec![0u8; len]);
        kdf(enc_key, s2c_label, s2c_ctx, &mut decryption);
        SessionKeys {
            signing,
            application,
            encryption: Some(encryption),
            decryption: Some(decryption),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_vectors::*;

    #[test]
    fn smb30_keys_match_microsoft_example() {
        let k = SessionKeys::derive(Dialect::SMB3_0, &h(SESSION_KEY_30), None, None);
        assert_eq!(k.signing[..], h(SIGNING_KEY_30)[..]);
        assert_eq!(k.application[..], h(APPLICATION_KEY_30)[..]);
        assert_eq!(k.encryption.unwrap()[..], h(ENCRYPTION_KEY_30)[..]);
        assert_eq!(k.decryption.unwrap()[..], h(DECRYPTION_KEY_30)[..]);
    }

    #[test]
    fn smb311_keys_match_microsoft_example() {
        let preauth: [u8; 64] = h(PREAUTH_FINAL).try_into().unwrap();
        let k = SessionKeys::derive(
            Dialect::SMB3_1_1,
            &h(SESSION_KEY_311),
            Some(&preauth),
            Some(Cipher::AES_128_GCM),
        );
        assert_eq!(k.signing[..], h(SIGNING_KEY_311)[..]);
        assert_eq!(k.application[..], h(APPLICATION_KEY_311)[..]);
        assert_eq!(k.encryption.unwrap()[..], h(ENCRYPTION_KEY_311)[..]);
        assert_eq!(k.decryption.unwrap()[..], h(DECRYPTION_KEY_311)[..]);
    }

    #[test]
    fn encryption_example_keys() {
        let k = SessionKeys::derive(Dialect::SMB3_0, &h(ENC30_SESSION_KEY), None, None);
        assert_eq!(k.encryption.unwrap()[..], h(ENC30_ENCRYPTION_KEY)[..]);
        assert_eq!(k.decryption.unwrap()[..], h(ENC30_DECRYPTION_KEY)[..]);
        let preauth: [u8; 64] = h(ENC311_PREAUTH).try_into().unwrap();
        let k = SessionKeys::derive(
            Dialect::SMB3_1_1,
            &h(ENC311_SESSION_KEY),
            Some(&preauth),
            Some(Cipher::AES_128_GCM),
        );
        assert_eq!(k.encryption.unwrap()[..], h(ENC311_ENCRYPTION_KEY)[..]);
        assert_eq!(k.decryption.unwrap()[..], h(ENC311_DECRYPTION_KEY)[..]);
    }

    #[test]
    fn smb2_signing_key_is_padded_session_key() {
        let k = SessionKeys::derive(Dialect::SMB2_1, &[1, 2, 3], None, None);
        assert_eq!(k.signing[..3], [1, 2, 3]);
        assert!(k.signing[3..].iter().all(|b| *b == 0));
        assert!(k.encryption.is_none());
    }

    #[test]
    fn aes256_keys_are_32_bytes_from_the_full_key() {
        let sk: Vec<u8> = (0..32).collect();
        let a = SessionKeys::derive(
            Dialect::SMB3_1_1,
            &sk,
            Some(&[0; 64]),
            Some(Cipher::AES_256_GCM),
        );
        assert_eq!(a.encryption.as_ref().unwrap().len(), 32);
        let b = SessionKeys::derive(
            Dialect::SMB3_1_1,
            &sk[..16],
            Some(&[0; 64]),
            Some(Cipher::AES_256_GCM),
        );
        assert_ne!(a.encryption.unwrap()[..], b.encryption.unwrap()[..]);
        assert_eq!(a.signing[..], b.signing[..]);
    }
}
