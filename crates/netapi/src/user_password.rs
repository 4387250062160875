//! Passwords: NetUserChangePassword ([MS-SAMR] 3.1.5.10.3 SamrUnicodeChangePasswordUser2) and
//! NetValidatePasswordPolicy (3.1.5.13.7 SamrValidatePassword).
//!
//! * NetUserChangePassword proves the old password instead of an administrator's right: the new
//!   password travels RC4-encrypted with the old NT OWF, with the old OWF DES-encrypted with the
//!   new one (`rpc::samr::password`); no LM blobs (`LmPresent` 0). A wrong old password is
//!   `ERROR_INVALID_PASSWORD` (86, `STATUS_WRONG_PASSWORD`), one the policy refuses
//!   `NERR_PasswordTooShort` (2245).
//! * NetValidatePasswordPolicy asks the server to apply its policy to an application's own
//!   account data. Windows serves it only over `ncacn_ip_tcp` at packet privacy (the input
//!   carries a clear password), so it always goes there, whatever transport the client uses
//!   for the other calls; a server with no TCP endpoint is `RPC_S_SERVER_UNAVAILABLE` (1722).

use netapi_codes::WinError;
use netapi_msrpc::samr as w;

use crate::client::blocking;
use crate::info::{NetValidateInput, NetValidateOutputArg};
use crate::rpc::samr::{password, validate, wire_name};
use crate::rpc::{self, args, status};
use crate::{AsyncClient, Error, Result};

impl AsyncClient {
    /// NetUserChangePassword: change the password of `username` (`None`: the user this client
    /// authenticates as) from `old` to `new`. The connection needs no rights of its own.
    pub async fn user_change_password(
        &self,
        username: Option<&str>,
        old: &str,
        new: &str,
    ) -> Result<()> {
        const OP: &str = "NetUserChangePassword";
        let user = match username {
            Some(u) => u.to_string(),
            None if self.options().credentials.is_anonymous() => {
                return Err(Error::usage(
                    OP,
                    WinError::ERROR_INVALID_PARAMETER,
                    "no user name, and the connection is anonymous",
                ));
            }
            None => self.options().credentials.user().to_string(),
        };
        args::name(OP, "user name", &user)?;
        let (new_with_old, old_with_new) = password::change_blobs(OP, old, new)?;
        let req = w::SamrUnicodeChangePasswordUser2Request {
            server_name: Some(wire_name(OP, "server name", &self.unc())?),
            user_name: wire_name(OP, "user name", &user)?,
            new_password_encrypted_with_old_nt: Some(new_with_old),
            old_nt_owf_password_encrypted_with_new_nt: Some(old_with_new),
            lm_present: 0,
            new_password_encrypted_with_old_lm: None,
            old_lm_owf_password_encrypted_with_new_nt: None,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetValidatePasswordPolicy: the server's verdict on `input` (authentication, password
    /// change or reset of an account the application keeps itself), and the fields to persist.
    /// The call's own failures are errors; the verdict is `validation_status`.
    pub async fn validate_password_policy(
        &self,
        input: &NetValidateInput,
    ) -> Result<NetValidateOutputArg> {
        const OP: &str = "NetValidatePasswordPolicy";
        let req = validate::request(OP, input)?;
        let resp = rpc::call(self.conn.over_tcp(), OP, &req).await?;
        status::ok(OP, &resp)?;
        validate::output(OP, input.validation_type(), resp.output_arg)
    }
}

blocking! {
    /// NetUserChangePassword; see [`AsyncClient::user_change_password`].
    fn user_change_password(&self, username: Option<&str>, old: &str, new: &str) -> () = "NetUserChangePassword";
    /// NetValidatePasswordPolicy; see [`AsyncClient::validate_password_policy`].
    fn validate_password_policy(&self, input: &NetValidateInput) -> NetValidateOutputArg = "NetValidatePasswordPolicy";
}
