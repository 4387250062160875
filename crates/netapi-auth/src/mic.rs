//! Kerberos MIC tokens (RFC 4121 4.2.6.1) for DCE/RPC at PKT_INTEGRITY ([MS-KILE] 3.4.5.5,
//! [MS-RPCE] 3.3.1.5.2): sspi 0.23 implements neither `make_signature` nor `verify_signature`
//! for Kerberos, so `GSS_GetMIC` / `GSS_VerifyMIC` are done here.
//!
//! A MIC token is 28 bytes with an AES enctype:
//!
//! ```text
//! 04 04 | flags | FF FF FF FF FF | SND_SEQ (8 bytes, big-endian) | SGN_CKSUM (12 bytes)
//! ```
//!
//! `SGN_CKSUM` is the enctype's keyed checksum (RFC 3962: HMAC-SHA1-96 under
//! `Kc = DK(key, usage || 0x99)`, RFC 3961 5.3) over the message followed by the first 16 bytes
//! of the token. Key usage 25 (`KG-USAGE-INITIATOR-SIGN`) for our tokens, 23
//! (`KG-USAGE-ACCEPTOR-SIGN`) for the server's. Flags (RFC 4121 4.2.2): bit 0 `SentByAcceptor`,
//! bit 1 `Sealed` (never in a MIC), bit 2 `AcceptorSubkey` (the acceptor asserted a subkey in
//! its AP-REP, and that subkey protects the message).
//!
//! The key derivation (n-fold, DK) and the HMAC run here, over buffers that are zeroized: the
//! derived keys never sit in memory that is freed without being wiped. Only the AES enctypes
//! (17, 18) are implemented: they are the only ones sspi's Kerberos negotiates besides DES3,
//! which no Active Directory DC issues.

use aes::cipher::{Array, BlockCipherEncrypt, KeyInit};
use hmac::{Hmac, Mac};
use sha1::Sha1;
use zeroize::Zeroizing;

use crate::AuthError;

/// Length of a MIC token with an AES enctype: 16 bytes of header, 12 of checksum.
pub const KERBEROS_MIC_LEN: usize = 28;

const TOK_ID: [u8; 2] = [0x04, 0x04];
const FILLER: [u8; 5] = [0xff; 5];
const HEADER_LEN: usize = 16;
const CHECKSUM_LEN: usize = 12;

/// RFC 4121 4.2.2 `Flags`.
pub(crate) const FLAG_SENT_BY_ACCEPTOR: u8 = 0x01;
pub(crate) const FLAG_SEALED: u8 = 0x02;
pub(crate) const FLAG_ACCEPTOR_SUBKEY: u8 = 0x04;

/// RFC 4121 2 key usages.
pub(crate) const KG_USAGE_ACCEPTOR_SIGN: u32 = 23;
pub(crate) const KG_USAGE_INITIATOR_SIGN: u32 = 25;

/// An AES Kerberos enctype (RFC 3962).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Enctype {
    /// aes128-cts-hmac-sha1-96 (17).
    Aes128,
    /// aes256-cts-hmac-sha1-96 (18).
    Aes256,
}

impl Enctype {
    /// The enctype for an `etype` number, if it is one we implement.
    pub(crate) fn from_etype(etype: i64) -> Option<Enctype> {
        match etype {
            17 => Some(Enctype::Aes128),
            18 => Some(Enctype::Aes256),
            _ => None,
        }
    }

    pub(crate) fn key_len(self) -> usize {
        match self {
            Enctype::Aes128 => 16,
            Enctype::Aes256 => 32,
        }
    }
}

/// RFC 3961 5.1 n-fold: `input` folded (with 13-bit rotations and ones' complement addition)
/// to `out_len` bytes.
pub(crate) fn n_fold(input: &[u8], out_len: usize) -> Vec<u8> {
    let in_len = input.len();
    assert!(in_len > 0 && out_len > 0, "n-fold of nothing");
    let gcd = {
        let (mut a, mut b) = (out_len, in_len);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let lcm = out_len / gcd * in_len;
    let in_bits = in_len * 8;
    let mut out = vec![0u8; out_len];
    let mut carry: u32 = 0;
    // Walk the lcm-byte concatenation of rotated copies from its last byte, adding each byte
    // into its place in the output with the carry of the previous one.
    for i in (0..lcm).rev() {
        // The most significant bit, within the unrotated input, of the bits that land in byte
        // i: copy number i / in_len is rotated right by 13 bits per copy.
        let msbit = ((in_bits - 1) + (in_bits + 13) * (i / in_len) + ((in_len - i % in_len) << 3))
            % in_bits;
        let hi = u32::from(input[((in_len - 1) - (msbit >> 3)) % in_len]);
        let lo = u32::from(input[(in_len - (msbit >> 3)) % in_len]);
        carry += (((hi << 8) | lo) >> ((msbit & 7) + 1)) & 0xff;
        carry += u32::from(out[i % out_len]);
        out[i % out_len] = (carry & 0xff) as u8;
        carry >>= 8;
    }
    // End-around carry.
    while carry != 0 {
        for byte in out.iter_mut().rev() {
            carry += u32::from(*byte);
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
    }
    out
}

/// AES in one block (the CBC-CTS of RFC 3962 on a single block with a zero IV is plain AES).
fn aes_block(key: &[u8], block: &mut [u8; 16]) -> Result<(), AuthError> {
    let bad_key = || AuthError::Failed("Kerberos key has the wrong length for its enctype".into());
    let mut b = Array::from(*block);
    match key.len() {
        16 => aes::Aes128::new_from_slice(key)
            .map_err(|_| bad_key())?
            .encrypt_block(&mut b),
        32 => aes::Aes256::new_from_slice(key)
            .map_err(|_| bad_key())?
            .encrypt_block(&mut b),
        _ => return Err(bad_key()),
    }
    block.copy_from_slice(&b);
    zeroize::Zeroize::zeroize(&mut b.0);
    Ok(())
}

/// RFC 3961 5.1 `DK(key, constant)` for AES (random-to-key is the identity, RFC 3962 6).
pub(crate) fn derive_key(
    key: &[u8],
    constant: &[u8],
    enctype: Enctype,
) -> Result<Zeroizing<Vec<u8>>, AuthError> {
    if key.len() != enctype.key_len() {
        return Err(AuthError::Failed(format!(
            "Kerberos key is {} bytes, its enctype needs {}",
            key.len(),
            enctype.key_len()
        )));
    }
    let folded = n_fold(constant, 16);
    let mut block = Zeroizing::new([0u8; 16]);
    block.copy_from_slice(&folded);
    let mut out = Zeroizing::new(Vec::with_capacity(enctype.key_len() + 16));
    while out.len() < enctype.key_len() {
        aes_block(key, &mut block)?;
        out.extend_from_slice(&block[..]);
    }
    out.truncate(enctype.key_len());
    Ok(out)
}

/// `Kc` for a key usage: `DK(key, usage || 0x99)`.
fn checksum_key(key: &[u8], usage: u32, enctype: Enctype) -> Result<Zeroizing<Vec<u8>>, AuthError> {
    let mut constant = [0u8; 5];
    constant[..4].copy_from_slice(&usage.to_be_bytes());
    constant[4] = 0x99;
    derive_key(key, &constant, enctype)
}

/// RFC 3962 keyed checksum with an already derived `Kc`: HMAC-SHA1 truncated to 96 bits.
fn hmac_sha1_96(kc: &[u8], parts: &[&[u8]]) -> Zeroizing<[u8; CHECKSUM_LEN]> {
    let mut mac =
        <Hmac<Sha1> as hmac::KeyInit>::new_from_slice(kc).expect("HMAC accepts keys of any length");
    for p in parts {
        mac.update(p);
    }
    let full = mac.finalize().into_bytes();
    let mut out = Zeroizing::new([0u8; CHECKSUM_LEN]);
    out.copy_from_slice(&full[..CHECKSUM_LEN]);
    out
}

/// The keyed checksum of RFC 3962 (`hmac-sha1-96-aes128/256`) for `usage`: what MIT's
/// `krb5_c_make_checksum` computes. Used by the tests against published vectors.
#[cfg(test)]
fn keyed_checksum(
    key: &[u8],
    usage: u32,
    enctype: Enctype,
    data: &[u8],
) -> Result<[u8; CHECKSUM_LEN], AuthError> {
    let kc = checksum_key(key, usage, enctype)?;
    Ok(*hmac_sha1_96(&kc, &[data]))
}

/// Constant-time equality for checksums.
fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The MIC keys of an established context. `Debug` shows no key.
pub(crate) struct MicKeys {
    enctype: Enctype,
    /// The acceptor asserted a subkey (AP-REP `subkey`), and it is the key in use.
    acceptor_subkey: bool,
    /// `Kc` for usage 25: our tokens.
    initiator_kc: Zeroizing<Vec<u8>>,
    /// `Kc` for usage 23: the acceptor's tokens.
    acceptor_kc: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for MicKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MicKeys")
            .field("enctype", &self.enctype)
            .field("acceptor_subkey", &self.acceptor_subkey)
            .finish_non_exhaustive()
    }
}

impl MicKeys {
    /// Derive both directions' checksum keys from the context key (the acceptor subkey when
    /// `acceptor_subkey`, else the initiator subkey or the ticket session key).
    pub(crate) fn new(
        key: &[u8],
        enctype: Enctype,
        acceptor_subkey: bool,
    ) -> Result<Self, AuthError> {
        Ok(MicKeys {
            enctype,
            acceptor_subkey,
            initiator_kc: checksum_key(key, KG_USAGE_INITIATOR_SIGN, enctype)?,
            acceptor_kc: checksum_key(key, KG_USAGE_ACCEPTOR_SIGN, enctype)?,
        })
    }

    fn flags(&self, from_acceptor: bool) -> u8 {
        let mut flags = 0;
        if from_acceptor {
            flags |= FLAG_SENT_BY_ACCEPTOR;
        }
        if self.acceptor_subkey {
            flags |= FLAG_ACCEPTOR_SUBKEY;
        }
        flags
    }

    fn header(flags: u8, seq: u64) -> [u8; HEADER_LEN] {
        let mut h = [0u8; HEADER_LEN];
        h[..2].copy_from_slice(&TOK_ID);
        h[2] = flags;
        h[3..8].copy_from_slice(&FILLER);
        h[8..].copy_from_slice(&seq.to_be_bytes());
        h
    }

    fn token(&self, from_acceptor: bool, seq: u64, message: &[&[u8]]) -> [u8; KERBEROS_MIC_LEN] {
        let header = Self::header(self.flags(from_acceptor), seq);
        let kc = if from_acceptor {
            &self.acceptor_kc
        } else {
            &self.initiator_kc
        };
        let mut parts: Vec<&[u8]> = message.to_vec();
        parts.push(&header);
        let checksum = hmac_sha1_96(kc, &parts);
        let mut token = [0u8; KERBEROS_MIC_LEN];
        token[..HEADER_LEN].copy_from_slice(&header);
        token[HEADER_LEN..].copy_from_slice(&checksum[..]);
        token
    }

    /// `GSS_GetMIC` as the initiator: the token over the concatenation of `message`.
    pub(crate) fn get_mic(&self, seq: u64, message: &[&[u8]]) -> [u8; KERBEROS_MIC_LEN] {
        self.token(false, seq, message)
    }

    /// The acceptor's token for `message` (tests and fakes).
    #[cfg(test)]
    pub(crate) fn acceptor_mic(&self, seq: u64, message: &[&[u8]]) -> [u8; KERBEROS_MIC_LEN] {
        self.token(true, seq, message)
    }

    /// `GSS_VerifyMIC` of an acceptor's token over the concatenation of `message`; returns its
    /// sequence number (the caller checks it against the expected one).
    pub(crate) fn verify_acceptor_mic(
        &self,
        token: &[u8],
        message: &[&[u8]],
    ) -> Result<u64, AuthError> {
        if token.len() != KERBEROS_MIC_LEN {
            return Err(AuthError::InvalidToken(format!(
                "Kerberos MIC token is {} bytes, expected {KERBEROS_MIC_LEN}",
                token.len()
            )));
        }
        if token[..2] != TOK_ID || token[3..8] != FILLER {
            return Err(AuthError::BadSignature);
        }
        let flags = token[2];
        // A MIC never has Sealed; it must come from the acceptor; and it must name the key in
        // use (RFC 4121 4.2.2: with an acceptor subkey asserted, the acceptor uses it).
        if flags & FLAG_SEALED != 0
            || flags & FLAG_SENT_BY_ACCEPTOR == 0
            || (flags & FLAG_ACCEPTOR_SUBKEY != 0) != self.acceptor_subkey
            || flags & !(FLAG_SENT_BY_ACCEPTOR | FLAG_SEALED | FLAG_ACCEPTOR_SUBKEY) != 0
        {
            return Err(AuthError::BadSignature);
        }
        let mut seq = [0u8; 8];
        seq.copy_from_slice(&token[8..HEADER_LEN]);
        let seq = u64::from_be_bytes(seq);
        let mut parts: Vec<&[u8]> = message.to_vec();
        parts.push(&token[..HEADER_LEN]);
        let expected = hmac_sha1_96(&self.acceptor_kc, &parts);
        if !ct_eq(&expected[..], &token[HEADER_LEN..]) {
            return Err(AuthError::BadSignature);
        }
        Ok(seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn n_fold_matches_rfc3961_appendix_a1() {
        let cases: &[(&str, usize, &str)] = &[
            ("012345", 64, "be072631276b1955"),
            ("password", 56, "78a07b6caf85fa"),
            ("Rough Consensus, and Running Code", 64, "bb6ed30870b7f0e0"),
            (
                "password",
                168,
                "59e4a8ca7c0385c3c37b3f6d2000247cb6e6bd5b3e",
            ),
            (
                "MASSACHVSETTS INSTITVTE OF TECHNOLOGY",
                192,
                "db3b0d8f0b061e603282b308a50841229ad798fab9540c1b",
            ),
            ("Q", 168, "518a54a215a8452a518a54a215a8452a518a54a215"),
            ("ba", 168, "fb25d531ae8974499f52fd92ea9857c4ba24cf297e"),
            ("kerberos", 64, "6b65726265726f73"),
            ("kerberos", 128, "6b65726265726f737b9b5b2b93132b93"),
            (
                "kerberos",
                168,
                "8372c236344e5f1550cd0747e15d62ca7a5a3bcea4",
            ),
            (
                "kerberos",
                256,
                "6b65726265726f737b9b5b2b93132b935c9bdcdad95c9899c4cae4dee6d6cae4",
            ),
        ];
        for (input, bits, want) in cases {
            assert_eq!(
                n_fold(input.as_bytes(), bits / 8),
                unhex(want),
                "{bits}-fold({input:?})"
            );
        }
    }

    /// MIT krb5 `src/lib/crypto/crypto_tests/t_cksums.c`: hmac-sha1-96-aes128 and -aes256
    /// with key usages 3 and 4.
    #[test]
    fn keyed_checksum_matches_mit_vectors() {
        let key = unhex("9062430C8CDA3388922E6D6A509F5B7A");
        let sum = keyed_checksum(
            &key,
            3,
            Enctype::Aes128,
            b"eight nine ten eleven twelve thirteen",
        )
        .unwrap();
        assert_eq!(sum.to_vec(), unhex("01A4B088D45628F6946614E3"));

        let key = unhex("B1AE4CD8462AFF1677053CC9279AAC30B796FB81CE21474DD3DDBCFEA4EC76D7");
        let sum = keyed_checksum(&key, 4, Enctype::Aes256, b"fourteen").unwrap();
        assert_eq!(sum.to_vec(), unhex("E08739E3279E2903EC8E3836"));
    }

    /// The checksum agrees with picky-krb's (the crate sspi itself uses for Wrap tokens and the
    /// SPNEGO mechListMIC), for both enctypes and both sign usages.
    #[test]
    fn checksum_agrees_with_picky_krb() {
        use picky_krb::crypto::aes::{AesSize, checksum_sha_aes};
        let msg = b"a DCE/RPC header, stub and sec_trailer".as_slice();
        for (enctype, size, key) in [
            (Enctype::Aes128, AesSize::Aes128, vec![0x5a; 16]),
            (
                Enctype::Aes256,
                AesSize::Aes256,
                (0..32).collect::<Vec<u8>>(),
            ),
        ] {
            for usage in [KG_USAGE_ACCEPTOR_SIGN, KG_USAGE_INITIATOR_SIGN] {
                let ours = keyed_checksum(&key, usage, enctype, msg).unwrap();
                let theirs = checksum_sha_aes(&key, usage as i32, msg, &size).unwrap();
                assert_eq!(ours.to_vec(), theirs, "{enctype:?} usage {usage}");
            }
        }
    }

    #[test]
    fn token_layout_follows_rfc4121() {
        let keys = MicKeys::new(&[7u8; 32], Enctype::Aes256, true).unwrap();
        let tok = keys.get_mic(0x0102_0304, &[b"header", b"stub", b"trailer"]);
        assert_eq!(&tok[..2], &[0x04, 0x04]);
        assert_eq!(tok[2], FLAG_ACCEPTOR_SUBKEY, "initiator, acceptor subkey");
        assert_eq!(&tok[3..8], &[0xff; 5]);
        assert_eq!(&tok[8..16], &[0, 0, 0, 0, 1, 2, 3, 4]);
        // The checksum covers the message then the 16-byte header, under Kc(usage 25).
        let mut input = b"headerstubtrailer".to_vec();
        input.extend_from_slice(&tok[..16]);
        let want = keyed_checksum(&[7u8; 32], 25, Enctype::Aes256, &input).unwrap();
        assert_eq!(&tok[16..], &want);
        // Splitting the message differently does not change the token.
        assert_eq!(tok, keys.get_mic(0x0102_0304, &[b"headerstubtrailer"]));
        // Without an acceptor subkey the flag is clear.
        let keys = MicKeys::new(&[7u8; 32], Enctype::Aes256, false).unwrap();
        assert_eq!(keys.get_mic(1, &[b"x"])[2], 0);
    }

    #[test]
    fn acceptor_tokens_verify_and_tampering_is_rejected() {
        for enctype in [Enctype::Aes128, Enctype::Aes256] {
            let key: Vec<u8> = (0..enctype.key_len() as u8).collect();
            let keys = MicKeys::new(&key, enctype, true).unwrap();
            let msg: [&[u8]; 3] = [b"hdr", b"stub data", b"trl"];
            let tok = keys.acceptor_mic(42, &msg);
            assert_eq!(tok[2], FLAG_SENT_BY_ACCEPTOR | FLAG_ACCEPTOR_SUBKEY);
            assert_eq!(keys.verify_acceptor_mic(&tok, &msg).unwrap(), 42);

            // Message, checksum, sequence number, flags, token id: each change is refused.
            let other: [&[u8]; 3] = [b"hdr", b"stub datA", b"trl"];
            assert!(matches!(
                keys.verify_acceptor_mic(&tok, &other),
                Err(AuthError::BadSignature)
            ));
            for at in [0, 2, 5, 15, 16, 27] {
                let mut bad = tok;
                bad[at] ^= 0x01;
                assert!(
                    matches!(
                        keys.verify_acceptor_mic(&bad, &msg),
                        Err(AuthError::BadSignature)
                    ),
                    "byte {at} flipped"
                );
            }
            // Our own (initiator) token is not accepted as the acceptor's (reflection).
            let mine = keys.get_mic(42, &msg);
            assert!(keys.verify_acceptor_mic(&mine, &msg).is_err());
            // A truncated token is malformed.
            assert!(matches!(
                keys.verify_acceptor_mic(&tok[..27], &msg),
                Err(AuthError::InvalidToken(_))
            ));
        }
    }

    #[test]
    fn wrong_key_length_is_refused() {
        assert!(MicKeys::new(&[0u8; 16], Enctype::Aes256, true).is_err());
        assert!(MicKeys::new(&[0u8; 32], Enctype::Aes128, true).is_err());
        assert_eq!(Enctype::from_etype(18), Some(Enctype::Aes256));
        assert_eq!(Enctype::from_etype(23), None);
    }

    #[test]
    fn debug_shows_no_key() {
        let keys = MicKeys::new(&[0xab; 16], Enctype::Aes128, false).unwrap();
        let d = format!("{keys:?}");
        assert!(
            !d.contains("171") && !d.to_lowercase().contains("ab"),
            "{d}"
        );
    }
}
