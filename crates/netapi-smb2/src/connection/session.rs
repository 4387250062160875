//! Session state: the SESSION_SETUP exchange in progress and established sessions with their
//! keys ([MS-SMB2] 3.2.1.3, 3.2.5.3, 3.2.5.3.1).
//!
//! The final SESSION_SETUP response is held until the driver hands over the GSS session key
//! ([`crate::Connection::complete_session`]); only then can its signature be checked, since the
//! signing key derives from that key and, in 3.1.1, from the preauth hash of the exchange.

use std::collections::HashMap;

use zeroize::Zeroizing;

use crate::encryption::{NonceCounter, Sealer};
use crate::preauth::PreauthHash;
use crate::signing::Signer;

/// A SESSION_SETUP exchange in progress (one at a time per connection).
#[derive(Debug)]
pub(crate) struct SetupState {
    /// 0 until the server assigns the id in its first response.
    pub session_id: u64,
    /// 3.1.1: `Session.PreauthIntegrityHashValue`, chained over this exchange.
    pub preauth: Option<PreauthHash>,
    /// A leg is on the wire.
    pub in_flight: bool,
    /// The final STATUS_SUCCESS response, kept until the key is known.
    pub final_response: Option<Vec<u8>>,
    /// `SessionFlags` of the final response.
    pub final_flags: u16,
}

/// An established session.
pub(crate) struct Session {
    pub flags: u16,
    pub signer: Option<Signer>,
    /// Sign requests and require signed responses.
    pub sign: bool,
    /// `Session.EncryptData`.
    pub encrypt: bool,
    pub sealer_out: Option<Sealer>,
    pub sealer_in: Option<Sealer>,
    pub nonces: NonceCounter,
    pub application_key: Option<Zeroizing<[u8; 16]>>,
    /// TreeId -> `TreeConnect.EncryptData`.
    pub trees: HashMap<u32, bool>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("flags", &self.flags)
            .field("sign", &self.sign)
            .field("encrypt", &self.encrypt)
            .field("trees", &self.trees)
            .finish_non_exhaustive()
    }
}

impl Session {
    pub fn unprotected(flags: u16) -> Self {
        Session {
            flags,
            signer: None,
            sign: false,
            encrypt: false,
            sealer_out: None,
            sealer_in: None,
            nonces: NonceCounter::default(),
            application_key: None,
            trees: HashMap::new(),
        }
    }

    /// Whether a request on `tree_id` goes encrypted.
    pub fn encrypts(&self, tree_id: u32) -> bool {
        self.encrypt || self.trees.get(&tree_id).copied().unwrap_or(false)
    }
}

/// What [`crate::Connection::complete_session`] established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionInfo {
    /// The session id.
    pub session_id: u64,
    /// `SessionFlags` of the final response (guest, null, encrypt).
    pub flags: u16,
    /// Requests are signed and responses must be signed.
    pub signing: bool,
    /// Everything on the session is encrypted.
    pub encryption: bool,
}
