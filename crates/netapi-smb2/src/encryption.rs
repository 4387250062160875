//! SMB 3.x encryption: the TRANSFORM_HEADER ([MS-SMB2] 2.2.41) and AES-CCM / AES-GCM sealing
//! of whole messages ([MS-SMB2] 3.1.4.3, 3.2.5.1.1.1).
//!
//! The AEAD's associated data is the transform header from `Nonce` to its end (32 bytes); the
//! 16-byte tag goes into `Signature`. CCM uses the first 11 bytes of the nonce field, GCM the
//! first 12; we fill the rest with zeros. Nonces come from a per-session counter
//! ([`NonceCounter`]), never reused under one key.

use aes::{Aes128, Aes256};
use aes_gcm::{Aes128Gcm, Aes256Gcm};
use ccm::Ccm;
use ccm::aead::{AeadInOut, KeyInit, Nonce, Tag};
use ccm::consts::{U11, U16};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::negotiate::Cipher;
use crate::wire::{Put, Reader};

/// Length of the transform header.
pub const TRANSFORM_HEADER_LEN: usize = 52;
/// `ProtocolId` of a transform header: 0xFD 'S' 'M' 'B'.
pub const TRANSFORM_PROTOCOL_ID: [u8; 4] = [0xFD, b'S', b'M', b'B'];
/// `Flags` value meaning "encrypted" (3.1.1; 3.0 calls the field EncryptionAlgorithm, same value).
pub const TRANSFORM_FLAG_ENCRYPTED: u16 = 0x0001;

type Aes128Ccm = Ccm<Aes128, U16, U11>;
type Aes256Ccm = Ccm<Aes256, U16, U11>;

/// A decoded transform header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransformHeader {
    /// The AEAD tag.
    pub signature: [u8; 16],
    /// The nonce field (16 bytes; 11 or 12 used).
    pub nonce: [u8; 16],
    /// Length of the plaintext message.
    pub original_message_size: u32,
    /// `Flags` / `EncryptionAlgorithm`.
    pub flags: u16,
    /// The session whose keys sealed the message.
    pub session_id: u64,
}

impl TransformHeader {
    /// Decode the header at the start of `frame`.
    pub fn parse(frame: &[u8]) -> Result<Self> {
        let mut r = Reader::new(frame, "TRANSFORM_HEADER");
        if r.array::<4>()? != TRANSFORM_PROTOCOL_ID {
            return Err(Error::Malformed("TRANSFORM_HEADER ProtocolId"));
        }
        let signature = r.array()?;
        let nonce = r.array()?;
        let original_message_size = r.u32()?;
        r.skip(2)?;
        let flags = r.u16()?;
        let session_id = r.u64()?;
        Ok(TransformHeader {
            signature,
            nonce,
            original_message_size,
            flags,
            session_id,
        })
    }

    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&TRANSFORM_PROTOCOL_ID);
        out.extend_from_slice(&self.signature);
        out.extend_from_slice(&self.nonce);
        out.put_u32(self.original_message_size);
        out.put_u16(0);
        out.put_u16(self.flags);
        out.put_u64(self.session_id);
    }
}

/// Hands out unique nonces for one key: a 64-bit counter in the first 8 bytes.
#[derive(Debug, Default, Clone)]
pub struct NonceCounter(u64);

impl NonceCounter {
    /// The next nonce field for `cipher` (unused bytes zero). Fails after 2^64 - 1 messages.
    pub fn next(&mut self, cipher: Cipher) -> Result<[u8; 16]> {
        self.0 = self
            .0
            .checked_add(1)
            .ok_or(Error::State("nonce space exhausted"))?;
        let mut n = [0u8; 16];
        n[..8].copy_from_slice(&self.0.to_le_bytes());
        let _ = cipher; // both CCM (11) and GCM (12) use a prefix of this layout
        Ok(n)
    }
}

/// Seals and opens messages with one cipher and key.
#[derive(Clone)]
pub struct Sealer {
    cipher: Cipher,
    key: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sealer({:?}, <key redacted>)", self.cipher)
    }
}

impl Sealer {
    /// A sealer for `cipher` with `key` (16 or 32 bytes to match the cipher).
    pub fn new(cipher: Cipher, key: &[u8]) -> Result<Self> {
        match cipher.key_len() {
            Some(n) if n == key.len() => Ok(Sealer {
                cipher,
                key: Zeroizing::new(key.to_vec()),
            }),
            Some(_) => Err(Error::State(
                "encryption key length does not match the cipher",
            )),
            None => Err(Error::Policy(format!("cipher {cipher:?} is not supported"))),
        }
    }

    /// The cipher in use.
    pub fn cipher(&self) -> Cipher {
        self.cipher
    }

    /// Transform header + ciphertext of `msg` for `session_id`, using `nonce`.
    pub fn encrypt(&self, nonce: &[u8; 16], session_id: u64, msg: &[u8]) -> Result<Vec<u8>> {
        let size = u32::try_from(msg.len()).map_err(|_| Error::TooLarge {
            what: "message to encrypt",
            size: msg.len(),
            limit: u32::MAX as usize,
        })?;
        let th = TransformHeader {
            signature: [0; 16],
            nonce: *nonce,
            original_message_size: size,
            flags: TRANSFORM_FLAG_ENCRYPTED,
            session_id,
        };
        let mut out = Vec::with_capacity(TRANSFORM_HEADER_LEN + msg.len());
        th.encode(&mut out);
        out.extend_from_slice(msg);
        let (head, body) = out.split_at_mut(TRANSFORM_HEADER_LEN);
        let tag = self.seal(&head[20..], nonce, body)?;
        head[4..20].copy_from_slice(&tag);
        Ok(out)
    }

    /// The plaintext message inside `frame` (transform header + ciphertext), after checking the
    /// tag, the flags and the size.
    pub fn decrypt(&self, frame: &[u8]) -> Result<(TransformHeader, Vec<u8>)> {
        let th = TransformHeader::parse(frame)?;
        if th.flags != TRANSFORM_FLAG_ENCRYPTED {
            return Err(Error::Decrypt("transform header flags"));
        }
        let body = &frame[TRANSFORM_HEADER_LEN..];
        if th.original_message_size as usize != body.len() {
            return Err(Error::Decrypt(
                "OriginalMessageSize does not match the frame",
            ));
        }
        let mut plain = body.to_vec();
        self.open(
            &frame[20..TRANSFORM_HEADER_LEN],
            &th.nonce,
            &mut plain,
            &th.signature,
        )?;
        Ok((th, plain))
    }

    fn seal(&self, aad: &[u8], nonce: &[u8; 16], buf: &mut [u8]) -> Result<[u8; 16]> {
        match self.cipher {
            Cipher::AES_128_CCM => seal_with::<Aes128Ccm>(&self.key, &nonce[..11], aad, buf),
            Cipher::AES_256_CCM => seal_with::<Aes256Ccm>(&self.key, &nonce[..11], aad, buf),
            Cipher::AES_128_GCM => seal_with::<Aes128Gcm>(&self.key, &nonce[..12], aad, buf),
            Cipher::AES_256_GCM => seal_with::<Aes256Gcm>(&self.key, &nonce[..12], aad, buf),
            c => Err(Error::Policy(format!("cipher {c:?} is not supported"))),
        }
    }

    fn open(&self, aad: &[u8], nonce: &[u8; 16], buf: &mut [u8], tag: &[u8; 16]) -> Result<()> {
        match self.cipher {
            Cipher::AES_128_CCM => open_with::<Aes128Ccm>(&self.key, &nonce[..11], aad, buf, tag),
            Cipher::AES_256_CCM => open_with::<Aes256Ccm>(&self.key, &nonce[..11], aad, buf, tag),
            Cipher::AES_128_GCM => open_with::<Aes128Gcm>(&self.key, &nonce[..12], aad, buf, tag),
            Cipher::AES_256_GCM => open_with::<Aes256Gcm>(&self.key, &nonce[..12], aad, buf, tag),
            c => Err(Error::Policy(format!("cipher {c:?} is not supported"))),
        }
    }
}

fn seal_with<A: AeadInOut + KeyInit>(
    key: &[u8],
    nonce: &[u8],
    aad: &[u8],
    buf: &mut [u8],
) -> Result<[u8; 16]> {
    let aead = A::new_from_slice(key).map_err(|_| Error::State("encryption key length"))?;
    let nonce = Nonce::<A>::try_from(nonce).map_err(|_| Error::State("nonce length"))?;
    let tag = aead
        .encrypt_inout_detached(&nonce, aad, buf.into())
        .map_err(|_| Error::State("the cipher refused the message"))?;
    let mut out = [0u8; 16];
    if tag.len() != 16 {
        return Err(Error::State("tag length"));
    }
    out.copy_from_slice(&tag);
    Ok(out)
}

fn open_with<A: AeadInOut + KeyInit>(
    key: &[u8],
    nonce: &[u8],
    aad: &[u8],
    buf: &mut [u8],
    tag: &[u8; 16],
) -> Result<()> {
    let aead = A::new_from_slice(key).map_err(|_| Error::State("decryption key length"))?;
    let nonce = Nonce::<A>::try_from(nonce).map_err(|_| Error::State("nonce length"))?;
    let tag = Tag::<A>::try_from(&tag[..]).map_err(|_| Error::State("tag length"))?;
    aead.decrypt_inout_detached(&nonce, aad, buf.into(), &tag)
        .map_err(|_| Error::Decrypt("authentication tag does not verify"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_vectors::*;

    #[test]
    fn smb30_ccm_matches_microsoft_example() {
        let s = Sealer::new(Cipher::AES_128_CCM, &h(ENC30_ENCRYPTION_KEY)).unwrap();
        let nonce: [u8; 16] = h(ENC30_NONCE).try_into().unwrap();
        let out = s
            .encrypt(&nonce, ENC30_SESSION_ID, &h(ENC30_PLAIN))
            .unwrap();
        assert_eq!(out, h(ENC30_TRANSFORMED));
        // The server side of the same exchange.
        let d = Sealer::new(Cipher::AES_128_CCM, &h(ENC30_DECRYPTION_KEY)).unwrap();
        let (th, plain) = d.decrypt(&h(ENC30_RESP_TRANSFORMED)).unwrap();
        assert_eq!(th.session_id, ENC30_SESSION_ID);
        assert_eq!(plain, h(ENC30_RESP_PLAIN));
    }

    #[test]
    fn smb311_gcm_matches_microsoft_example() {
        let s = Sealer::new(Cipher::AES_128_GCM, &h(ENC311_ENCRYPTION_KEY)).unwrap();
        let nonce: [u8; 16] = h(ENC311_NONCE).try_into().unwrap();
        let out = s
            .encrypt(&nonce, ENC311_SESSION_ID, &h(ENC311_PLAIN))
            .unwrap();
        assert_eq!(out, h(ENC311_TRANSFORMED));
        let d = Sealer::new(Cipher::AES_128_GCM, &h(ENC311_DECRYPTION_KEY)).unwrap();
        let (_, plain) = d.decrypt(&h(ENC311_RESP_TRANSFORMED)).unwrap();
        assert_eq!(plain, h(ENC311_RESP_PLAIN));
    }

    #[test]
    fn every_cipher_round_trips_and_rejects_tampering() {
        for (c, n) in [
            (Cipher::AES_128_CCM, 16),
            (Cipher::AES_128_GCM, 16),
            (Cipher::AES_256_CCM, 32),
            (Cipher::AES_256_GCM, 32),
        ] {
            let s = Sealer::new(c, &vec![5u8; n]).unwrap();
            let mut ctr = NonceCounter::default();
            let nonce = ctr.next(c).unwrap();
            let frame = s.encrypt(&nonce, 9, b"hello, pipe").unwrap();
            let (th, plain) = s.decrypt(&frame).unwrap();
            assert_eq!((th.session_id, plain.as_slice()), (9, &b"hello, pipe"[..]));
            for i in [4, 20, 40, 44, 60] {
                let mut t = frame.clone();
                t[i] ^= 0x80;
                assert!(s.decrypt(&t).is_err(), "{c:?} byte {i}");
            }
            assert!(s.decrypt(&frame[..frame.len() - 1]).is_err());
            assert_ne!(ctr.next(c).unwrap(), nonce);
        }
    }

    #[test]
    fn truncated_transform_header_fails() {
        let f = h(ENC30_TRANSFORMED);
        for n in 0..TRANSFORM_HEADER_LEN {
            assert!(TransformHeader::parse(&f[..n]).is_err());
        }
        assert!(Sealer::new(Cipher::AES_128_CCM, &[0; 32]).is_err());
        assert!(Sealer::new(Cipher(9), &[0; 16]).is_err());
    }
}
