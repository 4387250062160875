//! The peer's side of SESSION_SETUP ([MS-SMB2] 3.3.5.5): SPNEGO with NTLM through sspi's
//! *acceptor* ([MS-SPNG], [MS-NLMP] 3.2), so a session is keyed exactly as a Windows server keys
//! it and signing/encryption use a real session key; or a fake mechanism with fixed tokens and
//! the fixed key [`FAKE_KEY`], for tests that plug [`FakeAuth`] into the SMB client directly.
//!
//! Kerberos is left out: the peer only accepts NTLM (inside SPNEGO, as Windows clients and
//! netapi send it to SMB2).

use netapi_auth::{
    AuthError, AuthOptions, Credentials, Part, Protection, SecurityContext, SessionKey, Step,
};
use netapi_transport::smb::Authenticator;
use sspi::credssp::SspiContext;
use sspi::negotiate::NegotiateConfig;
use sspi::ntlm::NtlmConfig;
use sspi::{
    AuthIdentity, BufferType, CredentialUse, DataRepresentation, Negotiate, SecurityBuffer,
    SecurityStatus, ServerRequestFlags, Sspi, SspiImpl, Username,
};

/// The session key both sides of the fake mechanism agree on.
pub const FAKE_KEY: [u8; 16] = [0x5a; 16];

/// An account the peer knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// NTLM domain (the peer's NetBIOS name for a standalone server).
    pub domain: String,
    /// User name.
    pub user: String,
    /// Password.
    pub password: String,
}

impl Account {
    /// `domain\user` with `password`.
    pub fn new(domain: &str, user: &str, password: &str) -> Self {
        Account {
            domain: domain.into(),
            user: user.into(),
            password: password.into(),
        }
    }

    /// The client-side credentials of this account.
    pub fn credentials(&self) -> Credentials {
        Credentials::password(&self.domain, &self.user, &self.password)
    }
}

/// How the peer authenticates SESSION_SETUP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerAuth {
    /// SPNEGO/NTLM through sspi, accepting this account only (a wrong password gets
    /// `STATUS_LOGON_FAILURE`).
    Ntlm(Account),
    /// The fake mechanism of [`FakeAuth`]: "NEGOTIATE" → "CHALLENGE", "AUTHENTICATE" → done,
    /// session key [`FAKE_KEY`].
    Fake,
}

/// One SESSION_SETUP leg's outcome.
pub(crate) enum Leg {
    /// Answer with `STATUS_MORE_PROCESSING_REQUIRED` and this token.
    More(Vec<u8>),
    /// Authenticated: the final token (may be empty) and the session key.
    Done { token: Vec<u8>, key: Vec<u8> },
    /// Refused: `STATUS_LOGON_FAILURE`.
    Refused,
}

/// The server side of one authentication exchange.
pub(crate) enum Acceptor {
    Spnego(Box<SpnegoAcceptor>),
    Fake { legs: u32 },
}

impl Acceptor {
    pub(crate) fn new(auth: &PeerAuth) -> Acceptor {
        match auth {
            PeerAuth::Ntlm(a) => match SpnegoAcceptor::new(a) {
                Some(s) => Acceptor::Spnego(Box::new(s)),
                // An acceptor sspi cannot build refuses every logon; the test sees 1326.
                None => Acceptor::Fake { legs: u32::MAX },
            },
            PeerAuth::Fake => Acceptor::Fake { legs: 0 },
        }
    }

    pub(crate) fn step(&mut self, token: &[u8]) -> Leg {
        match self {
            Acceptor::Spnego(s) => s.step(token),
            Acceptor::Fake { legs } => {
                *legs = legs.saturating_add(1);
                match (*legs, token) {
                    (1, b"NEGOTIATE") => Leg::More(b"CHALLENGE".to_vec()),
                    (2, b"AUTHENTICATE") => Leg::Done {
                        token: Vec::new(),
                        key: FAKE_KEY.to_vec(),
                    },
                    _ => Leg::Refused,
                }
            }
        }
    }
}

/// sspi's SPNEGO server restricted to NTLM, knowing one identity.
pub(crate) struct SpnegoAcceptor {
    ctx: SspiContext,
    handle: Option<sspi::CredentialsBuffers>,
}

impl SpnegoAcceptor {
    fn new(a: &Account) -> Option<Self> {
        let id = AuthIdentity {
            username: Username::new(&a.user, Some(&a.domain)).ok()?,
            password: a.password.clone().into(),
        };
        let config = NegotiateConfig::new(
            Box::new(NtlmConfig {
                client_computer_name: Some("PEER".into()),
            }),
            Some("ntlm".into()),
            "PEER".into(),
        );
        let mut ctx = SspiContext::Negotiate(Negotiate::new_server(config, vec![id.clone()]).ok()?);
        let creds = sspi::Credentials::AuthIdentity(id);
        let acquired = ctx
            .acquire_credentials_handle()
            .with_credential_use(CredentialUse::Inbound)
            .with_auth_data(&creds)
            .execute(&mut ctx)
            .ok()?;
        Some(SpnegoAcceptor {
            ctx,
            handle: acquired.credentials_handle,
        })
    }

    fn step(&mut self, token: &[u8]) -> Leg {
        let mut input = vec![SecurityBuffer::new(token.to_vec(), BufferType::Token)];
        let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
        let builder = self
            .ctx
            .accept_security_context()
            .with_credentials_handle(&mut self.handle)
            .with_context_requirements(ServerRequestFlags::empty())
            .with_target_data_representation(DataRepresentation::Native)
            .with_input(&mut input)
            .with_output(&mut output);
        let result = match SspiImpl::accept_security_context_impl(&mut self.ctx, builder)
            .and_then(|mut r| r.resolve_to_result())
        {
            Ok(r) => r,
            Err(_) => return Leg::Refused,
        };
        let done = match result.status {
            SecurityStatus::CompleteNeeded | SecurityStatus::CompleteAndContinue => {
                if self.ctx.complete_auth_token(&mut []).is_err() {
                    return Leg::Refused;
                }
                result.status == SecurityStatus::CompleteNeeded
            }
            SecurityStatus::Ok => true,
            SecurityStatus::ContinueNeeded => false,
            _ => return Leg::Refused,
        };
        let token = output.pop().map(|b| b.buffer).unwrap_or_default();
        if !done {
            return Leg::More(token);
        }
        match self.ctx.query_context_session_key() {
            Ok(k) => Leg::Done {
                token,
                key: k.session_key.as_ref().clone(),
            },
            Err(_) => Leg::Refused,
        }
    }
}

/// A client security context that sends "NEGOTIATE", then "AUTHENTICATE", and knows
/// [`FAKE_KEY`]: the client half of [`PeerAuth::Fake`].
#[derive(Debug, Default)]
pub struct FakeContext {
    legs: u32,
}

impl SecurityContext for FakeContext {
    fn step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        self.legs += 1;
        let (token, complete) = match (self.legs, input) {
            (1, _) => (b"NEGOTIATE".to_vec(), false),
            (2, Some(b"CHALLENGE")) => (b"AUTHENTICATE".to_vec(), true),
            _ => (Vec::new(), true),
        };
        Ok(Step { token, complete })
    }
    fn is_complete(&self) -> bool {
        self.legs >= 2
    }
    fn session_key(&self) -> Result<SessionKey, AuthError> {
        Ok(SessionKey::new(FAKE_KEY.to_vec()))
    }
    fn signature_len(&self) -> usize {
        16
    }
    fn protect(&mut self, _: Protection, _: &mut [Part<'_>]) -> Result<Vec<u8>, AuthError> {
        Err(AuthError::State("not used over SMB"))
    }
    fn unprotect(&mut self, _: Protection, _: &mut [Part<'_>], _: &[u8]) -> Result<(), AuthError> {
        Err(AuthError::State("not used over SMB"))
    }
}

/// Hands out [`FakeContext`]s (`SmbSession::connect_with(.., Arc::new(FakeAuth))`).
#[derive(Debug, Default, Clone, Copy)]
pub struct FakeAuth;

impl Authenticator for FakeAuth {
    fn context(
        &self,
        _: &Credentials,
        _: &AuthOptions,
    ) -> Result<Box<dyn SecurityContext>, AuthError> {
        Ok(Box::new(FakeContext::default()))
    }
}
