//! Where SESSION_SETUP gets its security context: `netapi-auth` by default, replaceable so
//! tests (and embedders with their own SSP) can plug in another.

use netapi_auth::{AuthError, AuthOptions, Credentials, Framing, SecurityContext};

/// Creates the SPNEGO security context for one SESSION_SETUP exchange ([MS-SMB2] 3.2.4.2.3).
pub trait Authenticator: Send + Sync + 'static {
    /// A fresh client context for `creds` against the `cifs` service.
    fn context(
        &self,
        creds: &Credentials,
        opts: &AuthOptions,
    ) -> Result<Box<dyn SecurityContext>, AuthError>;
}

/// The default: [`netapi_auth::client_context`] with SPNEGO framing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NetapiAuth;

impl Authenticator for NetapiAuth {
    fn context(
        &self,
        creds: &Credentials,
        opts: &AuthOptions,
    ) -> Result<Box<dyn SecurityContext>, AuthError> {
        netapi_auth::client_context(creds, opts, "cifs", Framing::Spnego)
    }
}
