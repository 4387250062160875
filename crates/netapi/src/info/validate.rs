//! `NET_VALIDATE_*` (NetValidatePasswordPolicy; `lmaccess.h`, served through [MS-SAMR]
//! SamrValidatePassword, 2.2.9). pywin32 keys these structures by their C member names
//! (`PasswordLastSet`, `ClearPassword`, …), and so does their JSON form here. Times are
//! `FILETIME`s (100 ns since 1601), as the structures carry them; 0 when not present.

use serde::{Deserialize, Serialize};

use super::Password;

/// `NET_VALIDATE_PERSISTED_FIELDS`: what an application keeps about an account between
/// validations (it has no account in the server's SAM; the server only applies the policy).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[doc(alias = "NET_VALIDATE_PERSISTED_FIELDS")]
pub struct NetValidatePersistedFields {
    /// `PresentFields`: `NET_VALIDATE_*` bits saying which fields hold a value.
    pub present_fields: u32,
    /// `PasswordLastSet`.
    pub password_last_set: i64,
    /// `BadPasswordTime`.
    pub bad_password_time: i64,
    /// `LockoutTime`.
    pub lockout_time: i64,
    /// `BadPasswordCount`.
    pub bad_password_count: u32,
    /// `PasswordHistoryLength`.
    pub password_history_length: u32,
    /// `PasswordHistory`: the hashes of earlier passwords (server-defined bytes).
    pub password_history: Vec<Vec<u8>>,
}

/// `NET_VALIDATE_AUTHENTICATION_INPUT_ARG` (validation type 1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[doc(alias = "NET_VALIDATE_AUTHENTICATION_INPUT_ARG")]
pub struct NetValidateAuthenticationInputArg {
    /// `InputPersistedFields`.
    pub input_persisted_fields: NetValidatePersistedFields,
    /// `PasswordMatched`: the password the user gave was right.
    pub password_matched: bool,
}

/// `NET_VALIDATE_PASSWORD_CHANGE_INPUT_ARG` (validation type 2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[doc(alias = "NET_VALIDATE_PASSWORD_CHANGE_INPUT_ARG")]
pub struct NetValidatePasswordChangeInputArg {
    /// `InputPersistedFields`.
    pub input_persisted_fields: NetValidatePersistedFields,
    /// `ClearPassword`: the new password (travels sealed: TCP at packet privacy).
    pub clear_password: Option<Password>,
    /// `UserAccountName`.
    pub user_account_name: Option<String>,
    /// `HashedPassword`: the new password's hash, for the history.
    pub hashed_password: Option<Vec<u8>>,
    /// `PasswordMatch`: the old password the user gave was right.
    pub password_match: bool,
}

/// `NET_VALIDATE_PASSWORD_RESET_INPUT_ARG` (validation type 3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[doc(alias = "NET_VALIDATE_PASSWORD_RESET_INPUT_ARG")]
pub struct NetValidatePasswordResetInputArg {
    /// `InputPersistedFields`.
    pub input_persisted_fields: NetValidatePersistedFields,
    /// `ClearPassword`: the new password.
    pub clear_password: Option<Password>,
    /// `UserAccountName`.
    pub user_account_name: Option<String>,
    /// `HashedPassword`.
    pub hashed_password: Option<Vec<u8>>,
    /// `PasswordMustChangeAtNextLogon`.
    pub password_must_change_at_next_logon: bool,
    /// `ClearLockout`.
    pub clear_lockout: bool,
}

/// The input of NetValidatePasswordPolicy, by validation type.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NetValidateInput {
    /// `NetValidateAuthentication` (1).
    Authentication(NetValidateAuthenticationInputArg),
    /// `NetValidatePasswordChange` (2).
    PasswordChange(NetValidatePasswordChangeInputArg),
    /// `NetValidatePasswordReset` (3).
    PasswordReset(NetValidatePasswordResetInputArg),
}

impl NetValidateInput {
    /// The validation type (`NetValidateAuthentication` 1, `NetValidatePasswordChange` 2,
    /// `NetValidatePasswordReset` 3).
    pub fn validation_type(&self) -> u32 {
        match self {
            NetValidateInput::Authentication(_) => 1,
            NetValidateInput::PasswordChange(_) => 2,
            NetValidateInput::PasswordReset(_) => 3,
        }
    }
}

/// `NET_VALIDATE_OUTPUT_ARG`: the verdict and the fields to persist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[doc(alias = "NET_VALIDATE_OUTPUT_ARG")]
pub struct NetValidateOutputArg {
    /// `ChangedPersistedFields`: the fields that changed (per its `PresentFields`).
    pub changed_persisted_fields: NetValidatePersistedFields,
    /// `ValidationStatus`: a `NET_API_STATUS` (0, `NERR_PasswordTooShort` 2245,
    /// `NERR_PasswordMustChange` 2701, …).
    pub validation_status: u32,
}
