//! The SMB 3.1.1 preauth integrity hash ([MS-SMB2] 3.2.5.2, 3.2.5.3.1, 3.2.4.2.2.2):
//! SHA-512 chained over NEGOTIATE and every SESSION_SETUP request and non-final response, so
//! that tampering with any of them changes every derived key.

use sha2::{Digest, Sha512};

/// A running `PreauthIntegrityHashValue`, starting at 64 zero bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct PreauthHash([u8; 64]);

impl Default for PreauthHash {
    fn default() -> Self {
        PreauthHash([0; 64])
    }
}

impl std::fmt::Debug for PreauthHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PreauthHash({:02x}{:02x}{:02x}{:02x}..)",
            self.0[0], self.0[1], self.0[2], self.0[3]
        )
    }
}

impl PreauthHash {
    /// The all-zero starting value.
    pub fn new() -> Self {
        Self::default()
    }

    /// `H = SHA-512(H || message)`; `message` is the whole SMB2 message (header included, no
    /// transport framing, no transform header).
    pub fn update(&mut self, message: &[u8]) {
        let mut d = Sha512::new();
        d.update(self.0);
        d.update(message);
        self.0.copy_from_slice(&d.finalize());
    }

    /// The current value.
    pub fn value(&self) -> &[u8; 64] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_vectors::*;

    #[test]
    fn chain_matches_microsoft_example() {
        let mut p = PreauthHash::new();
        p.update(&h(NEG_REQ));
        assert_eq!(p.value()[..], h(PREAUTH_AFTER_NEG_REQ)[..]);
        p.update(&h(NEG_RESP));
        assert_eq!(p.value()[..], h(PREAUTH_AFTER_NEG_RESP)[..]);
        let mut s = p.clone();
        s.update(&h(SS_REQ1));
        assert_eq!(s.value()[..], h(PREAUTH_AFTER_SS_REQ1)[..]);
        s.update(&h(SS_RESP1));
        assert_eq!(s.value()[..], h(PREAUTH_AFTER_SS_RESP1)[..]);
        s.update(&h(SS_REQ2));
        assert_eq!(s.value()[..], h(PREAUTH_FINAL)[..]);
    }
}
