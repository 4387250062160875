//! `validate-password` → NetValidatePasswordPolicy ([MS-SAMR] SamrValidatePassword, always
//! over `ncacn_ip_tcp` at packet privacy): the server's verdict on a password for an account
//! the application keeps itself. The verdict is data, not a failure: it is printed (exit 0)
//! as the `NET_API_STATUS` and its message; JSON: `NET_VALIDATE_OUTPUT_ARG` with pywin32's
//! key names plus `strerror`.

use netapi::info::{
    NetValidateAuthenticationInputArg, NetValidateInput, NetValidatePasswordChangeInputArg,
    NetValidatePasswordResetInputArg,
};

use super::Ctx;
use crate::CliError;
use crate::args::{ValidateArgs, ValidateType};
use crate::output::Output;

/// Run `validate-password`.
pub fn run(a: &ValidateArgs, ctx: &Ctx) -> Result<Output, CliError> {
    let input = input(a, || ctx.ask_secret("password to validate"))?;
    let out = ctx.client()?.validate_password_policy(&input)?;
    let status = out.validation_status;
    let message = netapi::WinError(status).pywin32_strerror();
    let mut json = serde_json::to_value(&out).unwrap_or_default();
    if let Some(obj) = json.as_object_mut() {
        obj.insert("strerror".into(), message.into());
    }
    let text = if status == 0 {
        "The password meets the policy.".to_string()
    } else {
        format!("{status}: {message}")
    };
    Ok(Output::Message { json, text })
}

/// The input `a` describes; `ask` gives the password when none was given (change, reset).
pub fn input(
    a: &ValidateArgs,
    ask: impl FnOnce() -> Result<Option<String>, CliError>,
) -> Result<NetValidateInput, CliError> {
    let password = || -> Result<_, CliError> {
        match &a.clear_password {
            Some(p) => Ok(Some(p.as_str().into())),
            None => Ok(ask()?.map(Into::into)),
        }
    };
    Ok(match a.validation_type {
        ValidateType::Auth => NetValidateInput::Authentication(NetValidateAuthenticationInputArg {
            password_matched: a.password_matched,
            ..Default::default()
        }),
        ValidateType::Change => {
            NetValidateInput::PasswordChange(NetValidatePasswordChangeInputArg {
                clear_password: password()?,
                user_account_name: a.account.clone(),
                password_match: a.password_matched,
                ..Default::default()
            })
        }
        ValidateType::Reset => NetValidateInput::PasswordReset(NetValidatePasswordResetInputArg {
            clear_password: password()?,
            user_account_name: a.account.clone(),
            password_must_change_at_next_logon: a.must_change,
            clear_lockout: a.clear_lockout,
            ..Default::default()
        }),
    })
}
