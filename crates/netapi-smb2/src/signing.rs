//! Message signing and verification ([MS-SMB2] 3.1.4.1, 3.1.5.1): HMAC-SHA256 truncated to 16
//! bytes (2.0.2, 2.1), AES-128-CMAC (3.x), AES-128-GMAC (3.1.1 when negotiated through the
//! SIGNING_CAPABILITIES context).
//!
//! The signature covers the whole message with the signature field zeroed. GMAC's 12-byte nonce
//! is the MessageId followed by a role bit (set by the server) and a CANCEL bit.

use aes::Aes128;
use aes_gcm::aead::AeadInOut;
use aes_gcm::{Aes128Gcm, Nonce};
use cmac::Cmac;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::header::{Command, FLAGS_OFFSET, HEADER_LEN, SIGNATURE_OFFSET, flags};
use crate::negotiate::SigningAlgorithm;

/// Signs and verifies messages with one key and algorithm.
#[derive(Clone)]
pub struct Signer {
    algorithm: SigningAlgorithm,
    key: Zeroizing<[u8; 16]>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signer({:?}, <key redacted>)", self.algorithm)
    }
}

impl Signer {
    /// A signer for `algorithm` with `key` (Session.SigningKey).
    pub fn new(algorithm: SigningAlgorithm, key: &[u8; 16]) -> Self {
        Signer {
            algorithm,
            key: Zeroizing::new(*key),
        }
    }

    /// The algorithm in use.
    pub fn algorithm(&self) -> SigningAlgorithm {
        self.algorithm
    }

    /// Set the SIGNED flag and write the signature into `msg` (a whole SMB2 message).
    pub fn sign(&self, msg: &mut [u8]) -> Result<()> {
        if msg.len() < HEADER_LEN {
            return Err(Error::Malformed("message to sign"));
        }
        let f = u32::from_le_bytes(
            msg[FLAGS_OFFSET..FLAGS_OFFSET + 4]
                .try_into()
                .unwrap_or_default(),
        );
        msg[FLAGS_OFFSET..FLAGS_OFFSET + 4].copy_from_slice(&(f | flags::SIGNED).to_le_bytes());
        msg[SIGNATURE_OFFSET..SIGNATURE_OFFSET + 16].fill(0);
        let sig = self.mac(msg)?;
        msg[SIGNATURE_OFFSET..SIGNATURE_OFFSET + 16].copy_from_slice(&sig);
        Ok(())
    }

    /// True when the signature in `msg` is correct. `msg` is restored before returning; it is
    /// mutable only so the signature field can be zeroed in place while computing.
    pub fn verify(&self, msg: &mut [u8]) -> bool {
        if msg.len() < HEADER_LEN {
            return false;
        }
        let mut got = [0u8; 16];
        got.copy_from_slice(&msg[SIGNATURE_OFFSET..SIGNATURE_OFFSET + 16]);
        msg[SIGNATURE_OFFSET..SIGNATURE_OFFSET + 16].fill(0);
        let want = self.mac(msg);
        msg[SIGNATURE_OFFSET..SIGNATURE_OFFSET + 16].copy_from_slice(&got);
        match want {
            // Constant-time comparison: fold the differences.
            Ok(want) => {
                want.iter()
                    .zip(got.iter())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
            }
            Err(_) => false,
        }
    }

    /// The 16-byte MAC of `msg`, whose signature field must already be zero.
    fn mac(&self, msg: &[u8]) -> Result<[u8; 16]> {
        let mut out = [0u8; 16];
        match self.algorithm {
            SigningAlgorithm::HMAC_SHA256 => {
                let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key[..])
                    .map_err(|_| Error::State("HMAC key"))?;
                m.update(msg);
                out.copy_from_slice(&m.finalize().into_bytes()[..16]);
            }
            SigningAlgorithm::AES_CMAC => {
                let mut m = <Cmac<Aes128> as KeyInit>::new_from_slice(&self.key[..])
                    .map_err(|_| Error::State("CMAC key"))?;
                m.update(msg);
                out.copy_from_slice(&m.finalize().into_bytes());
            }
            SigningAlgorithm::AES_GMAC => {
                let gcm = Aes128Gcm::new_from_slice(&self.key[..])
                    .map_err(|_| Error::State("GMAC key"))?;
                let nonce = gmac_nonce(msg);
                let mut empty: [u8; 0] = [];
                let tag = gcm
                    .encrypt_inout_detached(&Nonce::from(nonce), msg, (&mut empty[..]).into())
                    .map_err(|_| Error::TooLarge {
                        what: "message to sign",
                        size: msg.len(),
                        limit: 1 << 30,
                    })?;
                out.copy_from_slice(&tag);
            }
            _ => return Err(Error::State("unknown signing algorithm")),
        }
        Ok(out)
    }
}

/// The AES-GMAC nonce of [MS-SMB2] 3.1.4.1: MessageId, then bit 0 = sent by the server,
/// bit 1 = CANCEL request.
fn gmac_nonce(msg: &[u8]) -> [u8; 12] {
    let mut n = [0u8; 12];
    n[..8].copy_from_slice(&msg[24..32]);
    let f = u32::from_le_bytes(
        msg[FLAGS_OFFSET..FLAGS_OFFSET + 4]
            .try_into()
            .unwrap_or_default(),
    );
    let command = Command(u16::from_le_bytes([msg[12], msg[13]]));
    let mut role = 0u32;
    if f & flags::SERVER_TO_REDIR != 0 {
        role |= 1;
    }
    if command == Command::CANCEL {
        role |= 2;
    }
    n[8..].copy_from_slice(&role.to_le_bytes());
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::Header;
    use crate::test_vectors::*;

    fn key(hex: &str) -> [u8; 16] {
        h(hex).try_into().unwrap()
    }

    #[test]
    fn verifies_windows_final_session_setup_response() {
        let s = Signer::new(SigningAlgorithm::AES_CMAC, &key(SIGNING_KEY_311));
        let mut m = h(SS_RESP_FINAL);
        assert!(s.verify(&mut m));
        assert_eq!(m, h(SS_RESP_FINAL), "verify restores the message");
        m[70] ^= 1;
        assert!(!s.verify(&mut m));
    }

    #[test]
    fn reproduces_windows_binding_request_signature() {
        // The binding SESSION_SETUP of the second channel is signed with the master key.
        let s = Signer::new(SigningAlgorithm::AES_CMAC, &key(SIGNING_KEY_311));
        let want = h(BIND_SS_REQ1);
        let mut m = want.clone();
        m[48..64].fill(0);
        s.sign(&mut m).unwrap();
        assert_eq!(m, want);
    }

    #[test]
    fn every_algorithm_round_trips_and_detects_tampering() {
        for alg in [
            SigningAlgorithm::HMAC_SHA256,
            SigningAlgorithm::AES_CMAC,
            SigningAlgorithm::AES_GMAC,
        ] {
            let s = Signer::new(alg, &[7; 16]);
            let mut m = Vec::new();
            let mut hd = Header::request(Command::ECHO);
            hd.message_id = 42;
            hd.encode(&mut m);
            m.extend_from_slice(&[4, 0, 0, 0]);
            s.sign(&mut m).unwrap();
            assert!(Header::parse(&m).unwrap().is_signed());
            assert!(s.verify(&mut m), "{alg:?}");
            let mut t = m.clone();
            t[24] ^= 1; // MessageId
            assert!(!s.verify(&mut t), "{alg:?}");
            let other = Signer::new(alg, &[8; 16]);
            assert!(!other.verify(&mut m), "{alg:?}");
        }
    }

    #[test]
    fn gmac_nonce_has_role_and_cancel_bits() {
        let mut m = Vec::new();
        let mut hd = Header::request(Command::CANCEL);
        hd.message_id = 0x0102;
        hd.flags = flags::SERVER_TO_REDIR;
        hd.encode(&mut m);
        let n = gmac_nonce(&m);
        assert_eq!(n, [2, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    }

    #[test]
    fn client_and_server_gmac_signatures_differ() {
        let s = Signer::new(SigningAlgorithm::AES_GMAC, &[1; 16]);
        let mut a = Vec::new();
        Header::request(Command::ECHO).encode(&mut a);
        let mut b = a.clone();
        b[FLAGS_OFFSET] |= 1;
        s.sign(&mut a).unwrap();
        s.sign(&mut b).unwrap();
        assert_ne!(a[48..64], b[48..64]);
    }
}
