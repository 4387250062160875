//! A permissive, deterministic [`SecurityContext`] for fuzzing the DCE/RPC association.
//!
//! Real NTLM signatures cannot be forged by a fuzzer, so with sspi behind the association every
//! protected response would stop at the signature check. This context lets the fuzzer past it:
//! the first token is `NEGOTIATE`; the server's token completes the handshake in two legs when
//! its first byte is even (our `AUTHENTICATE` then goes in rpc_auth_3) and in three legs when
//! odd (`AUTH-LEG` in an alter_context, completed by any further token). An empty server token
//! is refused. A signature verifies when it is 16 bytes and does not start with 0xFF, so both
//! the accept and the reject paths are reachable; "encryption" leaves the data as it is.

use netapi_auth::{AuthError, Part, Protection, SecurityContext, SessionKey, Step};

/// See the module documentation.
#[derive(Debug, Default)]
pub struct FuzzContext {
    legs: u8,
    three_legs: bool,
    complete: bool,
}

impl FuzzContext {
    /// A context that has produced nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

impl SecurityContext for FuzzContext {
    fn step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        self.legs = self.legs.saturating_add(1);
        match (input, self.legs) {
            (None, 1) => Ok(Step {
                token: b"NEGOTIATE".to_vec(),
                complete: false,
            }),
            (None, _) => Err(AuthError::State("no input after the first leg")),
            (Some([]), _) => Err(AuthError::InvalidToken("empty token".into())),
            (Some(t), 2) => {
                self.three_legs = t[0] & 1 == 1;
                self.complete = !self.three_legs;
                Ok(Step {
                    token: if self.three_legs {
                        b"AUTH-LEG".to_vec()
                    } else {
                        b"AUTHENTICATE".to_vec()
                    },
                    complete: self.complete,
                })
            }
            (Some(_), 3) if self.three_legs => {
                self.complete = true;
                Ok(Step {
                    token: Vec::new(),
                    complete: true,
                })
            }
            (Some(_), _) => Err(AuthError::State("token after completion")),
        }
    }

    fn is_complete(&self) -> bool {
        self.complete
    }

    fn session_key(&self) -> Result<SessionKey, AuthError> {
        Ok(SessionKey::new(vec![0x42; 16]))
    }

    fn signature_len(&self) -> usize {
        16
    }

    fn protect(
        &mut self,
        _level: Protection,
        _parts: &mut [Part<'_>],
    ) -> Result<Vec<u8>, AuthError> {
        Ok(vec![0x5a; 16])
    }

    fn unprotect(
        &mut self,
        _level: Protection,
        _parts: &mut [Part<'_>],
        signature: &[u8],
    ) -> Result<(), AuthError> {
        match signature {
            [first, ..] if signature.len() == 16 && *first != 0xff => Ok(()),
            _ => Err(AuthError::BadSignature),
        }
    }
}
