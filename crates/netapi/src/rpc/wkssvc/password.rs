//! The randomness of `JOINPR_ENCRYPTED_USER_PASSWORD` ([MS-WKST] 2.2.5.18): the obfuscator and
//! the filler before the password come from the system RNG; the layout and the cipher are
//! `netapi_msrpc::wkssvc::password`'s.

use netapi_msrpc::wkssvc::{JOINPR_ENCRYPTED_LEN, JoinprEncryptedUserPassword, password};
use zeroize::Zeroizing;

/// `password` encrypted for a call on the session keyed `session_key`.
pub(crate) fn encrypt(
    secret: &str,
    session_key: &[u8; 16],
) -> Result<JoinprEncryptedUserPassword, password::TooLong> {
    let mut random = Zeroizing::new([0u8; JOINPR_ENCRYPTED_LEN]);
    // A failing system RNG leaves zeros: the obfuscator then only stops salting the key.
    let _ = getrandom::fill(&mut random[..]);
    password::encrypt(secret, session_key, &random)
}
