//! NetValidatePasswordPolicy's structures to and from SamrValidatePassword's ([MS-SAMR]
//! 2.2.9, 3.1.5.13.7), and the verdict as the `NET_API_STATUS` netapi32 reports
//! (`NET_VALIDATE_OUTPUT_ARG.ValidationStatus`).

use netapi_codes::WinError;
use netapi_msrpc::dtyp::{LargeInteger, RpcUnicodeString};
use netapi_msrpc::samr::{self as w, SamValidateValidationStatus as S};

use crate::info::{NetValidateInput, NetValidateOutputArg, NetValidatePersistedFields};
use crate::{Error, Result};

/// The `NET_API_STATUS` of a SAM verdict.
pub(crate) fn status(s: S) -> u32 {
    let w = match s {
        S::SAM_VALIDATE_SUCCESS => return 0,
        S::SAM_VALIDATE_PASSWORD_MUST_CHANGE => WinError::NERR_PasswordMustChange,
        S::SAM_VALIDATE_ACCOUNT_LOCKED_OUT => WinError::NERR_AccountLockedOut,
        S::SAM_VALIDATE_PASSWORD_EXPIRED => WinError::NERR_PasswordExpired,
        S::SAM_VALIDATE_PASSWORD_INCORRECT => WinError::NERR_BadPassword,
        S::SAM_VALIDATE_PASSWORD_IS_IN_HISTORY => WinError::NERR_PasswordHistConflict,
        S::SAM_VALIDATE_PASSWORD_TOO_SHORT => WinError::NERR_PasswordTooShort,
        S::SAM_VALIDATE_PASSWORD_TOO_LONG => WinError::NERR_PasswordTooLong,
        S::SAM_VALIDATE_PASSWORD_NOT_COMPLEX_ENOUGH => WinError::NERR_PasswordNotComplexEnough,
        S::SAM_VALIDATE_PASSWORD_TOO_RECENT => WinError::NERR_PasswordTooRecent,
        S::SAM_VALIDATE_PASSWORD_FILTER_ERROR => WinError::NERR_PasswordFilterError,
        // A verdict this table does not know: the generic "bad password".
        _ => WinError::NERR_BadPassword,
    };
    w.0
}

fn fields_in(p: &NetValidatePersistedFields) -> w::SamValidatePersistedFields {
    let history: Vec<w::SamValidatePasswordHash> = p
        .password_history
        .iter()
        .map(|h| w::SamValidatePasswordHash {
            length: h.len() as u32,
            hash: Some(h.clone()),
        })
        .collect();
    w::SamValidatePersistedFields {
        present_fields: p.present_fields,
        password_last_set: LargeInteger(p.password_last_set),
        bad_password_time: LargeInteger(p.bad_password_time),
        lockout_time: LargeInteger(p.lockout_time),
        bad_password_count: p.bad_password_count,
        password_history_length: history.len() as u32,
        password_history: (!history.is_empty()).then_some(history),
    }
}

fn fields_out(p: w::SamValidatePersistedFields) -> NetValidatePersistedFields {
    let password_history: Vec<Vec<u8>> = p
        .password_history
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.hash.unwrap_or_default())
        .collect();
    NetValidatePersistedFields {
        present_fields: p.present_fields,
        password_last_set: p.password_last_set.0,
        bad_password_time: p.bad_password_time.0,
        lockout_time: p.lockout_time.0,
        bad_password_count: p.bad_password_count,
        password_history_length: password_history.len() as u32,
        password_history,
    }
}

fn ustr(op: &'static str, what: &str, s: Option<&str>) -> Result<RpcUnicodeString> {
    match s {
        None => Ok(RpcUnicodeString::null()),
        Some(s) => super::wire_name(op, what, s),
    }
}

fn hash(op: &'static str, h: &Option<Vec<u8>>) -> Result<w::SamValidatePasswordHash> {
    match h {
        Some(h) if h.len() > w::MAX_VALIDATE_HASH_LEN as usize => Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("HashedPassword holds {} bytes; at most 512", h.len()),
        )),
        Some(h) => Ok(w::SamValidatePasswordHash {
            length: h.len() as u32,
            hash: Some(h.clone()),
        }),
        None => Ok(w::SamValidatePasswordHash::default()),
    }
}

/// The SamrValidatePassword request for `input` (checked: nothing is sent for bad input).
pub(crate) fn request(
    op: &'static str,
    input: &NetValidateInput,
) -> Result<w::SamrValidatePasswordRequest> {
    use w::PasswordPolicyValidationType as T;
    let persisted = match input {
        NetValidateInput::Authentication(a) => &a.input_persisted_fields,
        NetValidateInput::PasswordChange(c) => &c.input_persisted_fields,
        NetValidateInput::PasswordReset(r) => &r.input_persisted_fields,
    };
    let history = &persisted.password_history;
    if history.len() > w::MAX_VALIDATE_HISTORY_LEN as usize
        || history
            .iter()
            .any(|h| h.len() > w::MAX_VALIDATE_HASH_LEN as usize)
    {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            "PasswordHistory holds more than 1,024 hashes or a hash over 512 bytes",
        ));
    }
    let (validation_type, input_arg) = match input {
        NetValidateInput::Authentication(a) => (
            T::SAM_VALIDATE_AUTHENTICATION,
            w::SamValidateInputArg::ValidateAuthenticationInput(
                w::SamValidateAuthenticationInputArg {
                    input_persisted_fields: fields_in(&a.input_persisted_fields),
                    password_matched: u8::from(a.password_matched),
                },
            ),
        ),
        NetValidateInput::PasswordChange(c) => (
            T::SAM_VALIDATE_PASSWORD_CHANGE,
            w::SamValidateInputArg::ValidatePasswordChangeInput(
                w::SamValidatePasswordChangeInputArg {
                    input_persisted_fields: fields_in(&c.input_persisted_fields),
                    clear_password: ustr(
                        op,
                        "ClearPassword",
                        c.clear_password.as_ref().map(|p| p.expose()),
                    )?,
                    user_account_name: ustr(op, "UserAccountName", c.user_account_name.as_deref())?,
                    hashed_password: hash(op, &c.hashed_password)?,
                    password_match: u8::from(c.password_match),
                },
            ),
        ),
        NetValidateInput::PasswordReset(r) => (
            T::SAM_VALIDATE_PASSWORD_RESET,
            w::SamValidateInputArg::ValidatePasswordResetInput(
                w::SamValidatePasswordResetInputArg {
                    input_persisted_fields: fields_in(&r.input_persisted_fields),
                    clear_password: ustr(
                        op,
                        "ClearPassword",
                        r.clear_password.as_ref().map(|p| p.expose()),
                    )?,
                    user_account_name: ustr(op, "UserAccountName", r.user_account_name.as_deref())?,
                    hashed_password: hash(op, &r.hashed_password)?,
                    password_must_change_at_next_logon: u8::from(
                        r.password_must_change_at_next_logon,
                    ),
                    clear_lockout: u8::from(r.clear_lockout),
                },
            ),
        ),
    };
    Ok(w::SamrValidatePasswordRequest {
        validation_type,
        input_arg,
    })
}

/// The output of an answer to a `asked`-type request.
pub(crate) fn output(
    op: &'static str,
    asked: u32,
    out: Option<w::SamValidateOutputArg>,
) -> Result<NetValidateOutputArg> {
    let Some(out) = out else {
        return Err(crate::rpc::levels::wrong_level(op, asked, -1));
    };
    let got = netapi_ndr::NdrUnion::discriminant(&out);
    if got != i128::from(asked) {
        return Err(crate::rpc::levels::wrong_level(op, asked, got));
    }
    let std = out.standard().clone();
    Ok(NetValidateOutputArg {
        validation_status: status(std.validation_status),
        changed_persisted_fields: fields_out(std.changed_persisted_fields),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_net_api_statuses() {
        assert_eq!(status(S::SAM_VALIDATE_SUCCESS), 0);
        assert_eq!(status(S::SAM_VALIDATE_PASSWORD_TOO_SHORT), 2245);
        assert_eq!(status(S::SAM_VALIDATE_PASSWORD_MUST_CHANGE), 2701);
        assert_eq!(status(S::SAM_VALIDATE_ACCOUNT_LOCKED_OUT), 2702);
        assert_eq!(status(S::SAM_VALIDATE_PASSWORD_NOT_COMPLEX_ENOUGH), 2704);
        assert_eq!(status(S::SAM_VALIDATE_PASSWORD_FILTER_ERROR), 2705);
        assert_eq!(status(S::SAM_VALIDATE_PASSWORD_IS_IN_HISTORY), 2244);
    }

    #[test]
    fn oversized_input_is_refused_before_sending() {
        let input =
            NetValidateInput::PasswordChange(crate::info::NetValidatePasswordChangeInputArg {
                hashed_password: Some(vec![0; 513]),
                ..Default::default()
            });
        assert_eq!(
            request("NetValidatePasswordPolicy", &input)
                .unwrap_err()
                .win32(),
            87
        );
        let input =
            NetValidateInput::Authentication(crate::info::NetValidateAuthenticationInputArg {
                input_persisted_fields: NetValidatePersistedFields {
                    password_history: vec![vec![1]; 1025],
                    ..Default::default()
                },
                ..Default::default()
            });
        assert!(request("NetValidatePasswordPolicy", &input).is_err());
    }
}
