//! `SamrValidatePassword` types (\[MS-SAMR\] 2.2.9), behind
//! NetValidatePasswordPolicy. The call is only accepted over `ncacn_ip_tcp`
//! with packet privacy (2.1): the input carries a cleartext password.

use netapi_ndr::{Ndr, wire_enum};

use crate::dtyp::{LargeInteger, RpcUnicodeString};

/// Largest password hash this crate accepts in a
/// `SAM_VALIDATE_PASSWORD_HASH` (the IDL does not bound `Length`; NT hashes
/// are 16 bytes).
pub const MAX_VALIDATE_HASH_LEN: u32 = 512;
/// Largest password history this crate accepts in a
/// `SAM_VALIDATE_PERSISTED_FIELDS` (the IDL does not bound it; Windows
/// keeps at most 1024).
pub const MAX_VALIDATE_HISTORY_LEN: u32 = 1024;

/// `SAM_VALIDATE_PASSWORD_HASH` (\[MS-SAMR\] 2.2.9.1).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAM_VALIDATE_PASSWORD_HASH")]
pub struct SamValidatePasswordHash {
    /// `Length`.
    #[ndr(range(0, MAX_VALIDATE_HASH_LEN))]
    pub length: u32,
    /// `Hash`.
    #[ndr(unique, size_is(length))]
    pub hash: Option<Vec<u8>>,
}

/// `SAM_VALIDATE_PERSISTED_FIELDS` (\[MS-SAMR\] 2.2.9.2): the password state
/// the caller keeps between calls; `PresentFields` holds
/// [`super::validate_fields`] bits. Times are `FILETIME`s as `hyper`s.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAM_VALIDATE_PERSISTED_FIELDS")]
pub struct SamValidatePersistedFields {
    /// `PresentFields`.
    pub present_fields: u32,
    /// `PasswordLastSet`.
    pub password_last_set: LargeInteger,
    /// `BadPasswordTime`.
    pub bad_password_time: LargeInteger,
    /// `LockoutTime`.
    pub lockout_time: LargeInteger,
    /// `BadPasswordCount`.
    pub bad_password_count: u32,
    /// `PasswordHistoryLength`.
    #[ndr(range(0, MAX_VALIDATE_HISTORY_LEN))]
    pub password_history_length: u32,
    /// `PasswordHistory`.
    #[ndr(unique, size_is(password_history_length))]
    pub password_history: Option<Vec<SamValidatePasswordHash>>,
}

wire_enum! {
    /// `SAM_VALIDATE_VALIDATION_STATUS` (\[MS-SAMR\] 2.2.9.3): an NDR enum,
    /// 16 bits.
    pub struct SamValidateValidationStatus(u16) {
        /// `SamValidateSuccess`.
        SAM_VALIDATE_SUCCESS = 0,
        /// `SamValidatePasswordMustChange`.
        SAM_VALIDATE_PASSWORD_MUST_CHANGE = 1,
        /// `SamValidateAccountLockedOut`.
        SAM_VALIDATE_ACCOUNT_LOCKED_OUT = 2,
        /// `SamValidatePasswordExpired`.
        SAM_VALIDATE_PASSWORD_EXPIRED = 3,
        /// `SamValidatePasswordIncorrect`.
        SAM_VALIDATE_PASSWORD_INCORRECT = 4,
        /// `SamValidatePasswordIsInHistory`.
        SAM_VALIDATE_PASSWORD_IS_IN_HISTORY = 5,
        /// `SamValidatePasswordTooShort`.
        SAM_VALIDATE_PASSWORD_TOO_SHORT = 6,
        /// `SamValidatePasswordTooLong`.
        SAM_VALIDATE_PASSWORD_TOO_LONG = 7,
        /// `SamValidatePasswordNotComplexEnough`.
        SAM_VALIDATE_PASSWORD_NOT_COMPLEX_ENOUGH = 8,
        /// `SamValidatePasswordTooRecent`.
        SAM_VALIDATE_PASSWORD_TOO_RECENT = 9,
        /// `SamValidatePasswordFilterError`.
        SAM_VALIDATE_PASSWORD_FILTER_ERROR = 10,
    }
}

/// `SAM_VALIDATE_STANDARD_OUTPUT_ARG` (\[MS-SAMR\] 2.2.9.4): the result of
/// every validation type.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAM_VALIDATE_STANDARD_OUTPUT_ARG")]
pub struct SamValidateStandardOutputArg {
    /// `ChangedPersistedFields`.
    pub changed_persisted_fields: SamValidatePersistedFields,
    /// `ValidationStatus`.
    pub validation_status: SamValidateValidationStatus,
}

/// `SAM_VALIDATE_AUTHENTICATION_INPUT_ARG` (\[MS-SAMR\] 2.2.9.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAM_VALIDATE_AUTHENTICATION_INPUT_ARG")]
pub struct SamValidateAuthenticationInputArg {
    /// `InputPersistedFields`.
    pub input_persisted_fields: SamValidatePersistedFields,
    /// `PasswordMatched`.
    pub password_matched: u8,
}

/// `SAM_VALIDATE_PASSWORD_CHANGE_INPUT_ARG` (\[MS-SAMR\] 2.2.9.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAM_VALIDATE_PASSWORD_CHANGE_INPUT_ARG")]
pub struct SamValidatePasswordChangeInputArg {
    /// `InputPersistedFields`.
    pub input_persisted_fields: SamValidatePersistedFields,
    /// `ClearPassword`.
    pub clear_password: RpcUnicodeString,
    /// `UserAccountName`.
    pub user_account_name: RpcUnicodeString,
    /// `HashedPassword`.
    pub hashed_password: SamValidatePasswordHash,
    /// `PasswordMatch`.
    pub password_match: u8,
}

/// `SAM_VALIDATE_PASSWORD_RESET_INPUT_ARG` (\[MS-SAMR\] 2.2.9.7).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAM_VALIDATE_PASSWORD_RESET_INPUT_ARG")]
pub struct SamValidatePasswordResetInputArg {
    /// `InputPersistedFields`.
    pub input_persisted_fields: SamValidatePersistedFields,
    /// `ClearPassword`.
    pub clear_password: RpcUnicodeString,
    /// `UserAccountName`.
    pub user_account_name: RpcUnicodeString,
    /// `HashedPassword`.
    pub hashed_password: SamValidatePasswordHash,
    /// `PasswordMustChangeAtNextLogon`.
    pub password_must_change_at_next_logon: u8,
    /// `ClearLockout`.
    pub clear_lockout: u8,
}

wire_enum! {
    /// `PASSWORD_POLICY_VALIDATION_TYPE` (\[MS-SAMR\] 2.2.9.8): an NDR enum,
    /// 16 bits.
    pub struct PasswordPolicyValidationType(u16) {
        /// `SamValidateAuthentication`.
        SAM_VALIDATE_AUTHENTICATION = 1,
        /// `SamValidatePasswordChange`.
        SAM_VALIDATE_PASSWORD_CHANGE = 2,
        /// `SamValidatePasswordReset`.
        SAM_VALIDATE_PASSWORD_RESET = 3,
    }
}

/// `SAM_VALIDATE_INPUT_ARG` (\[MS-SAMR\] 2.2.9.9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = PasswordPolicyValidationType)]
#[doc(alias = "SAM_VALIDATE_INPUT_ARG")]
pub enum SamValidateInputArg {
    /// `ValidateAuthenticationInput`.
    #[ndr(case = PasswordPolicyValidationType::SAM_VALIDATE_AUTHENTICATION)]
    ValidateAuthenticationInput(SamValidateAuthenticationInputArg),
    /// `ValidatePasswordChangeInput`.
    #[ndr(case = PasswordPolicyValidationType::SAM_VALIDATE_PASSWORD_CHANGE)]
    ValidatePasswordChangeInput(SamValidatePasswordChangeInputArg),
    /// `ValidatePasswordResetInput`.
    #[ndr(case = PasswordPolicyValidationType::SAM_VALIDATE_PASSWORD_RESET)]
    ValidatePasswordResetInput(SamValidatePasswordResetInputArg),
}

/// `SAM_VALIDATE_OUTPUT_ARG` (\[MS-SAMR\] 2.2.9.10): the same output for
/// every type.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = PasswordPolicyValidationType)]
#[doc(alias = "SAM_VALIDATE_OUTPUT_ARG")]
pub enum SamValidateOutputArg {
    /// `ValidateAuthenticationOutput`.
    #[ndr(case = PasswordPolicyValidationType::SAM_VALIDATE_AUTHENTICATION)]
    ValidateAuthenticationOutput(SamValidateStandardOutputArg),
    /// `ValidatePasswordChangeOutput`.
    #[ndr(case = PasswordPolicyValidationType::SAM_VALIDATE_PASSWORD_CHANGE)]
    ValidatePasswordChangeOutput(SamValidateStandardOutputArg),
    /// `ValidatePasswordResetOutput`.
    #[ndr(case = PasswordPolicyValidationType::SAM_VALIDATE_PASSWORD_RESET)]
    ValidatePasswordResetOutput(SamValidateStandardOutputArg),
}

impl SamValidateInputArg {
    /// The validation type of this arm.
    pub fn validation_type(&self) -> PasswordPolicyValidationType {
        match self {
            Self::ValidateAuthenticationInput(_) => {
                PasswordPolicyValidationType::SAM_VALIDATE_AUTHENTICATION
            }
            Self::ValidatePasswordChangeInput(_) => {
                PasswordPolicyValidationType::SAM_VALIDATE_PASSWORD_CHANGE
            }
            Self::ValidatePasswordResetInput(_) => {
                PasswordPolicyValidationType::SAM_VALIDATE_PASSWORD_RESET
            }
        }
    }
}

impl SamValidateOutputArg {
    /// The output, whichever the type.
    pub fn standard(&self) -> &SamValidateStandardOutputArg {
        match self {
            Self::ValidateAuthenticationOutput(o)
            | Self::ValidatePasswordChangeOutput(o)
            | Self::ValidatePasswordResetOutput(o) => o,
        }
    }
}
