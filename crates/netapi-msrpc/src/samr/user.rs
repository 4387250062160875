//! User query/set types (\[MS-SAMR\] 2.2.6): the information classes of
//! `SamrQueryInformationUser(2)` / `SamrSetInformationUser(2)`, which the
//! NetUserGetInfo / NetUserSetInfo / NetUserAdd levels map to, and the
//! encrypted password buffers of the password-setting classes.
//!
//! Times are [`OldLargeInteger`]s with the `FILETIME` epoch; 0 and
//! `i64::MAX` mean "never". `UserAccountControl` holds
//! [`super::account_control`] bits.

use netapi_ndr::{Ndr, wire_enum};

use super::{
    EncryptedLmOwfPassword, EncryptedNtOwfPassword, RpcShortBlob, SamprSrSecurityDescriptor,
};
use crate::dtyp::{OldLargeInteger, RpcUnicodeString};

/// `USER_PRIMARY_GROUP_INFORMATION` (\[MS-SAMR\] 2.2.6.2), class 9.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "USER_PRIMARY_GROUP_INFORMATION")]
pub struct UserPrimaryGroupInformation {
    /// `PrimaryGroupId`.
    pub primary_group_id: u32,
}

/// `USER_CONTROL_INFORMATION` (\[MS-SAMR\] 2.2.6.3), class 16.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "USER_CONTROL_INFORMATION")]
pub struct UserControlInformation {
    /// `UserAccountControl`.
    pub user_account_control: u32,
}

/// `USER_EXPIRES_INFORMATION` (\[MS-SAMR\] 2.2.6.4), class 17.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[doc(alias = "USER_EXPIRES_INFORMATION")]
pub struct UserExpiresInformation {
    /// `AccountExpires`.
    pub account_expires: OldLargeInteger,
}

/// `SAMPR_LOGON_HOURS` (\[MS-SAMR\] 2.2.6.5): a bitmap of the allowed logon
/// units of a week (168 hours → 21 bytes), allocated as 1260 bytes.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_LOGON_HOURS")]
pub struct SamprLogonHours {
    /// `UnitsPerWeek`.
    pub units_per_week: u16,
    /// `LogonHours`.
    #[ndr(unique, size_is(1260), length_is((units_per_week + 7) / 8))]
    pub logon_hours: Option<Vec<u8>>,
}

/// `SAMPR_USER_ALL_INFORMATION` (\[MS-SAMR\] 2.2.6.6), class 21: every field,
/// with [`which_fields`](Self::which_fields) saying which ones count
/// ([`super::user_all`]).
///
/// quirk(samba-4.17): the file server's "never expires" is
/// 0x01e7cd3b3e4ba980 (in `AccountExpires` and `LastLogoff`), not
/// `i64::MAX`; it sends an empty `Parameters` where the DC sends NULL.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_ALL_INFORMATION")]
pub struct SamprUserAllInformation {
    /// `LastLogon`.
    pub last_logon: OldLargeInteger,
    /// `LastLogoff`.
    pub last_logoff: OldLargeInteger,
    /// `PasswordLastSet`.
    pub password_last_set: OldLargeInteger,
    /// `AccountExpires`.
    pub account_expires: OldLargeInteger,
    /// `PasswordCanChange`.
    pub password_can_change: OldLargeInteger,
    /// `PasswordMustChange`.
    pub password_must_change: OldLargeInteger,
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
    /// `HomeDirectory`.
    pub home_directory: RpcUnicodeString,
    /// `HomeDirectoryDrive`.
    pub home_directory_drive: RpcUnicodeString,
    /// `ScriptPath`.
    pub script_path: RpcUnicodeString,
    /// `ProfilePath`.
    pub profile_path: RpcUnicodeString,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
    /// `WorkStations`.
    pub work_stations: RpcUnicodeString,
    /// `UserComment`.
    pub user_comment: RpcUnicodeString,
    /// `Parameters`.
    pub parameters: RpcUnicodeString,
    /// `LmOwfPassword`.
    pub lm_owf_password: RpcShortBlob,
    /// `NtOwfPassword`.
    pub nt_owf_password: RpcShortBlob,
    /// `PrivateData`.
    pub private_data: RpcUnicodeString,
    /// `SecurityDescriptor`.
    pub security_descriptor: SamprSrSecurityDescriptor,
    /// `UserId`.
    pub user_id: u32,
    /// `PrimaryGroupId`.
    pub primary_group_id: u32,
    /// `UserAccountControl`.
    pub user_account_control: u32,
    /// `WhichFields`.
    pub which_fields: u32,
    /// `LogonHours`.
    pub logon_hours: SamprLogonHours,
    /// `BadPasswordCount`.
    pub bad_password_count: u16,
    /// `LogonCount`.
    pub logon_count: u16,
    /// `CountryCode`.
    pub country_code: u16,
    /// `CodePage`.
    pub code_page: u16,
    /// `LmPasswordPresent`.
    pub lm_password_present: u8,
    /// `NtPasswordPresent`.
    pub nt_password_present: u8,
    /// `PasswordExpired`.
    pub password_expired: u8,
    /// `PrivateDataSensitive`.
    pub private_data_sensitive: u8,
}

/// `SAMPR_USER_GENERAL_INFORMATION` (\[MS-SAMR\] 2.2.6.7), class 1.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_GENERAL_INFORMATION")]
pub struct SamprUserGeneralInformation {
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
    /// `PrimaryGroupId`.
    pub primary_group_id: u32,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
    /// `UserComment`.
    pub user_comment: RpcUnicodeString,
}

/// `SAMPR_USER_PREFERENCES_INFORMATION` (\[MS-SAMR\] 2.2.6.8), class 2.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_PREFERENCES_INFORMATION")]
pub struct SamprUserPreferencesInformation {
    /// `UserComment`.
    pub user_comment: RpcUnicodeString,
    /// `Reserved1`.
    pub reserved1: RpcUnicodeString,
    /// `CountryCode`.
    pub country_code: u16,
    /// `CodePage`.
    pub code_page: u16,
}

/// `SAMPR_USER_PARAMETERS_INFORMATION` (\[MS-SAMR\] 2.2.6.9), class 20.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_PARAMETERS_INFORMATION")]
pub struct SamprUserParametersInformation {
    /// `Parameters`.
    pub parameters: RpcUnicodeString,
}

/// `SAMPR_USER_LOGON_INFORMATION` (\[MS-SAMR\] 2.2.6.10), class 3.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_LOGON_INFORMATION")]
pub struct SamprUserLogonInformation {
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
    /// `UserId`.
    pub user_id: u32,
    /// `PrimaryGroupId`.
    pub primary_group_id: u32,
    /// `HomeDirectory`.
    pub home_directory: RpcUnicodeString,
    /// `HomeDirectoryDrive`.
    pub home_directory_drive: RpcUnicodeString,
    /// `ScriptPath`.
    pub script_path: RpcUnicodeString,
    /// `ProfilePath`.
    pub profile_path: RpcUnicodeString,
    /// `WorkStations`.
    pub work_stations: RpcUnicodeString,
    /// `LastLogon`.
    pub last_logon: OldLargeInteger,
    /// `LastLogoff`.
    pub last_logoff: OldLargeInteger,
    /// `PasswordLastSet`.
    pub password_last_set: OldLargeInteger,
    /// `PasswordCanChange`.
    pub password_can_change: OldLargeInteger,
    /// `PasswordMustChange`.
    pub password_must_change: OldLargeInteger,
    /// `LogonHours`.
    pub logon_hours: SamprLogonHours,
    /// `BadPasswordCount`.
    pub bad_password_count: u16,
    /// `LogonCount`.
    pub logon_count: u16,
    /// `UserAccountControl`.
    pub user_account_control: u32,
}

/// `SAMPR_USER_ACCOUNT_INFORMATION` (\[MS-SAMR\] 2.2.6.11), class 5.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_ACCOUNT_INFORMATION")]
pub struct SamprUserAccountInformation {
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
    /// `UserId`.
    pub user_id: u32,
    /// `PrimaryGroupId`.
    pub primary_group_id: u32,
    /// `HomeDirectory`.
    pub home_directory: RpcUnicodeString,
    /// `HomeDirectoryDrive`.
    pub home_directory_drive: RpcUnicodeString,
    /// `ScriptPath`.
    pub script_path: RpcUnicodeString,
    /// `ProfilePath`.
    pub profile_path: RpcUnicodeString,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
    /// `WorkStations`.
    pub work_stations: RpcUnicodeString,
    /// `LastLogon`.
    pub last_logon: OldLargeInteger,
    /// `LastLogoff`.
    pub last_logoff: OldLargeInteger,
    /// `LogonHours`.
    pub logon_hours: SamprLogonHours,
    /// `BadPasswordCount`.
    pub bad_password_count: u16,
    /// `LogonCount`.
    pub logon_count: u16,
    /// `PasswordLastSet`.
    pub password_last_set: OldLargeInteger,
    /// `AccountExpires`.
    pub account_expires: OldLargeInteger,
    /// `UserAccountControl`.
    pub user_account_control: u32,
}

/// `SAMPR_USER_A_NAME_INFORMATION` (\[MS-SAMR\] 2.2.6.12), class 7.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_A_NAME_INFORMATION")]
pub struct SamprUserANameInformation {
    /// `UserName`.
    pub user_name: RpcUnicodeString,
}

/// `SAMPR_USER_F_NAME_INFORMATION` (\[MS-SAMR\] 2.2.6.13), class 8.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_F_NAME_INFORMATION")]
pub struct SamprUserFNameInformation {
    /// `FullName`.
    pub full_name: RpcUnicodeString,
}

/// `SAMPR_USER_NAME_INFORMATION` (\[MS-SAMR\] 2.2.6.14), class 6.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_NAME_INFORMATION")]
pub struct SamprUserNameInformation {
    /// `UserName`.
    pub user_name: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
}

/// `SAMPR_USER_HOME_INFORMATION` (\[MS-SAMR\] 2.2.6.15), class 10.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_HOME_INFORMATION")]
pub struct SamprUserHomeInformation {
    /// `HomeDirectory`.
    pub home_directory: RpcUnicodeString,
    /// `HomeDirectoryDrive`.
    pub home_directory_drive: RpcUnicodeString,
}

/// `SAMPR_USER_SCRIPT_INFORMATION` (\[MS-SAMR\] 2.2.6.16), class 11.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_SCRIPT_INFORMATION")]
pub struct SamprUserScriptInformation {
    /// `ScriptPath`.
    pub script_path: RpcUnicodeString,
}

/// `SAMPR_USER_PROFILE_INFORMATION` (\[MS-SAMR\] 2.2.6.17), class 12.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_PROFILE_INFORMATION")]
pub struct SamprUserProfileInformation {
    /// `ProfilePath`.
    pub profile_path: RpcUnicodeString,
}

/// `SAMPR_USER_ADMIN_COMMENT_INFORMATION` (\[MS-SAMR\] 2.2.6.18), class 13.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_ADMIN_COMMENT_INFORMATION")]
pub struct SamprUserAdminCommentInformation {
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
}

/// `SAMPR_USER_WORKSTATIONS_INFORMATION` (\[MS-SAMR\] 2.2.6.19), class 14.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_WORKSTATIONS_INFORMATION")]
pub struct SamprUserWorkstationsInformation {
    /// `WorkStations`.
    pub work_stations: RpcUnicodeString,
}

/// `SAMPR_USER_LOGON_HOURS_INFORMATION` (\[MS-SAMR\] 2.2.6.20), class 4.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_LOGON_HOURS_INFORMATION")]
pub struct SamprUserLogonHoursInformation {
    /// `LogonHours`.
    pub logon_hours: SamprLogonHours,
}

/// Bytes of a `SAMPR_ENCRYPTED_USER_PASSWORD` buffer: 256 UTF-16 units and
/// a 4-byte length (\[MS-SAMR\] 2.2.6.21).
pub const ENCRYPTED_USER_PASSWORD_LEN: usize = 256 * 2 + 4;
/// Bytes of a `SAMPR_ENCRYPTED_USER_PASSWORD_NEW` buffer: the above and a
/// 16-byte salt (\[MS-SAMR\] 2.2.6.22).
pub const ENCRYPTED_USER_PASSWORD_NEW_LEN: usize = ENCRYPTED_USER_PASSWORD_LEN + 16;

/// `SAMPR_ENCRYPTED_USER_PASSWORD` (\[MS-SAMR\] 2.2.6.21): a
/// `SAMPR_USER_PASSWORD` (the password right-aligned in 512 bytes, then its
/// byte length) encrypted with RC4 (3.2.2.1); the key is the session key
/// for the set classes and the old NT hash for `SamrUnicodeChangePasswordUser2`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_ENCRYPTED_USER_PASSWORD")]
pub struct SamprEncryptedUserPassword {
    /// `Buffer`.
    pub buffer: [u8; ENCRYPTED_USER_PASSWORD_LEN],
}

/// `SAMPR_ENCRYPTED_USER_PASSWORD_NEW` (\[MS-SAMR\] 2.2.6.22): as
/// [`SamprEncryptedUserPassword`], then the clear 16-byte salt that, with
/// the session key, makes the RC4 key (3.2.2.2).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_ENCRYPTED_USER_PASSWORD_NEW")]
pub struct SamprEncryptedUserPasswordNew {
    /// `Buffer`.
    pub buffer: [u8; ENCRYPTED_USER_PASSWORD_NEW_LEN],
}

/// `SAMPR_USER_INTERNAL1_INFORMATION` (\[MS-SAMR\] 2.2.6.23), class 18.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_USER_INTERNAL1_INFORMATION")]
pub struct SamprUserInternal1Information {
    /// `EncryptedNtOwfPassword`.
    pub encrypted_nt_owf_password: EncryptedNtOwfPassword,
    /// `EncryptedLmOwfPassword`.
    pub encrypted_lm_owf_password: EncryptedLmOwfPassword,
    /// `NtPasswordPresent`.
    pub nt_password_present: u8,
    /// `LmPasswordPresent`.
    pub lm_password_present: u8,
    /// `PasswordExpired`.
    pub password_expired: u8,
}

/// `SAMPR_USER_INTERNAL4_INFORMATION` (\[MS-SAMR\] 2.2.6.24), class 23:
/// every field and a password (NetUserAdd/SetInfo with a password).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_USER_INTERNAL4_INFORMATION")]
pub struct SamprUserInternal4Information {
    /// `I1`.
    pub i1: SamprUserAllInformation,
    /// `UserPassword`.
    pub user_password: SamprEncryptedUserPassword,
}

/// `SAMPR_USER_INTERNAL4_INFORMATION_NEW` (\[MS-SAMR\] 2.2.6.25), class 25.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_USER_INTERNAL4_INFORMATION_NEW")]
pub struct SamprUserInternal4InformationNew {
    /// `I1`.
    pub i1: SamprUserAllInformation,
    /// `UserPassword`.
    pub user_password: SamprEncryptedUserPasswordNew,
}

/// `SAMPR_USER_INTERNAL5_INFORMATION` (\[MS-SAMR\] 2.2.6.26), class 24: a
/// password alone (NetUserSetInfo level 1003).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_USER_INTERNAL5_INFORMATION")]
pub struct SamprUserInternal5Information {
    /// `UserPassword`.
    pub user_password: SamprEncryptedUserPassword,
    /// `PasswordExpired`.
    pub password_expired: u8,
}

/// `SAMPR_USER_INTERNAL5_INFORMATION_NEW` (\[MS-SAMR\] 2.2.6.27), class 26.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "SAMPR_USER_INTERNAL5_INFORMATION_NEW")]
pub struct SamprUserInternal5InformationNew {
    /// `UserPassword`.
    pub user_password: SamprEncryptedUserPasswordNew,
    /// `PasswordExpired`.
    pub password_expired: u8,
}

wire_enum! {
    /// `USER_INFORMATION_CLASS` (\[MS-SAMR\] 2.2.6.28): an NDR enum, 16 bits.
    pub struct UserInformationClass(u16) {
        /// `UserGeneralInformation`.
        USER_GENERAL_INFORMATION = 1,
        /// `UserPreferencesInformation`.
        USER_PREFERENCES_INFORMATION = 2,
        /// `UserLogonInformation`.
        USER_LOGON_INFORMATION = 3,
        /// `UserLogonHoursInformation`.
        USER_LOGON_HOURS_INFORMATION = 4,
        /// `UserAccountInformation`.
        USER_ACCOUNT_INFORMATION = 5,
        /// `UserNameInformation`.
        USER_NAME_INFORMATION = 6,
        /// `UserAccountNameInformation`.
        USER_ACCOUNT_NAME_INFORMATION = 7,
        /// `UserFullNameInformation`.
        USER_FULL_NAME_INFORMATION = 8,
        /// `UserPrimaryGroupInformation`.
        USER_PRIMARY_GROUP_INFORMATION = 9,
        /// `UserHomeInformation`.
        USER_HOME_INFORMATION = 10,
        /// `UserScriptInformation`.
        USER_SCRIPT_INFORMATION = 11,
        /// `UserProfileInformation`.
        USER_PROFILE_INFORMATION = 12,
        /// `UserAdminCommentInformation`.
        USER_ADMIN_COMMENT_INFORMATION = 13,
        /// `UserWorkStationsInformation`.
        USER_WORK_STATIONS_INFORMATION = 14,
        /// `UserControlInformation`.
        USER_CONTROL_INFORMATION = 16,
        /// `UserExpiresInformation`.
        USER_EXPIRES_INFORMATION = 17,
        /// `UserInternal1Information`.
        USER_INTERNAL1_INFORMATION = 18,
        /// `UserParametersInformation`.
        USER_PARAMETERS_INFORMATION = 20,
        /// `UserAllInformation`.
        USER_ALL_INFORMATION = 21,
        /// `UserInternal4Information`.
        USER_INTERNAL4_INFORMATION = 23,
        /// `UserInternal5Information`.
        USER_INTERNAL5_INFORMATION = 24,
        /// `UserInternal4InformationNew`.
        USER_INTERNAL4_INFORMATION_NEW = 25,
        /// `UserInternal5InformationNew`.
        USER_INTERNAL5_INFORMATION_NEW = 26,
    }
}

/// `SAMPR_USER_INFO_BUFFER` (\[MS-SAMR\] 2.2.6.29), one arm per
/// [`UserInformationClass`] (levels 31 and 32, AES passwords, are left out).
/// The large arms are boxed (`Box<T>` marshals as `T`).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = UserInformationClass)]
#[doc(alias = "SAMPR_USER_INFO_BUFFER")]
pub enum SamprUserInfoBuffer {
    /// `General` (class 1).
    #[ndr(case = UserInformationClass::USER_GENERAL_INFORMATION)]
    General(SamprUserGeneralInformation),
    /// `Preferences` (class 2).
    #[ndr(case = UserInformationClass::USER_PREFERENCES_INFORMATION)]
    Preferences(SamprUserPreferencesInformation),
    /// `Logon` (class 3).
    #[ndr(case = UserInformationClass::USER_LOGON_INFORMATION)]
    Logon(Box<SamprUserLogonInformation>),
    /// `LogonHours` (class 4).
    #[ndr(case = UserInformationClass::USER_LOGON_HOURS_INFORMATION)]
    LogonHours(SamprUserLogonHoursInformation),
    /// `Account` (class 5).
    #[ndr(case = UserInformationClass::USER_ACCOUNT_INFORMATION)]
    Account(Box<SamprUserAccountInformation>),
    /// `Name` (class 6).
    #[ndr(case = UserInformationClass::USER_NAME_INFORMATION)]
    Name(SamprUserNameInformation),
    /// `AccountName` (class 7).
    #[ndr(case = UserInformationClass::USER_ACCOUNT_NAME_INFORMATION)]
    AccountName(SamprUserANameInformation),
    /// `FullName` (class 8).
    #[ndr(case = UserInformationClass::USER_FULL_NAME_INFORMATION)]
    FullName(SamprUserFNameInformation),
    /// `PrimaryGroup` (class 9).
    #[ndr(case = UserInformationClass::USER_PRIMARY_GROUP_INFORMATION)]
    PrimaryGroup(UserPrimaryGroupInformation),
    /// `Home` (class 10).
    #[ndr(case = UserInformationClass::USER_HOME_INFORMATION)]
    Home(SamprUserHomeInformation),
    /// `Script` (class 11).
    #[ndr(case = UserInformationClass::USER_SCRIPT_INFORMATION)]
    Script(SamprUserScriptInformation),
    /// `Profile` (class 12).
    #[ndr(case = UserInformationClass::USER_PROFILE_INFORMATION)]
    Profile(SamprUserProfileInformation),
    /// `AdminComment` (class 13).
    #[ndr(case = UserInformationClass::USER_ADMIN_COMMENT_INFORMATION)]
    AdminComment(SamprUserAdminCommentInformation),
    /// `WorkStations` (class 14).
    #[ndr(case = UserInformationClass::USER_WORK_STATIONS_INFORMATION)]
    WorkStations(SamprUserWorkstationsInformation),
    /// `Control` (class 16).
    #[ndr(case = UserInformationClass::USER_CONTROL_INFORMATION)]
    Control(UserControlInformation),
    /// `Expires` (class 17).
    #[ndr(case = UserInformationClass::USER_EXPIRES_INFORMATION)]
    Expires(UserExpiresInformation),
    /// `Internal1` (class 18).
    #[ndr(case = UserInformationClass::USER_INTERNAL1_INFORMATION)]
    Internal1(SamprUserInternal1Information),
    /// `Parameters` (class 20).
    #[ndr(case = UserInformationClass::USER_PARAMETERS_INFORMATION)]
    Parameters(SamprUserParametersInformation),
    /// `All` (class 21).
    #[ndr(case = UserInformationClass::USER_ALL_INFORMATION)]
    All(Box<SamprUserAllInformation>),
    /// `Internal4` (class 23).
    #[ndr(case = UserInformationClass::USER_INTERNAL4_INFORMATION)]
    Internal4(Box<SamprUserInternal4Information>),
    /// `Internal5` (class 24).
    #[ndr(case = UserInformationClass::USER_INTERNAL5_INFORMATION)]
    Internal5(Box<SamprUserInternal5Information>),
    /// `Internal4New` (class 25).
    #[ndr(case = UserInformationClass::USER_INTERNAL4_INFORMATION_NEW)]
    Internal4New(Box<SamprUserInternal4InformationNew>),
    /// `Internal5New` (class 26).
    #[ndr(case = UserInformationClass::USER_INTERNAL5_INFORMATION_NEW)]
    Internal5New(Box<SamprUserInternal5InformationNew>),
}

impl SamprUserInfoBuffer {
    /// The information class of this arm.
    pub fn class(&self) -> UserInformationClass {
        match self {
            Self::General(_) => UserInformationClass::USER_GENERAL_INFORMATION,
            Self::Preferences(_) => UserInformationClass::USER_PREFERENCES_INFORMATION,
            Self::Logon(_) => UserInformationClass::USER_LOGON_INFORMATION,
            Self::LogonHours(_) => UserInformationClass::USER_LOGON_HOURS_INFORMATION,
            Self::Account(_) => UserInformationClass::USER_ACCOUNT_INFORMATION,
            Self::Name(_) => UserInformationClass::USER_NAME_INFORMATION,
            Self::AccountName(_) => UserInformationClass::USER_ACCOUNT_NAME_INFORMATION,
            Self::FullName(_) => UserInformationClass::USER_FULL_NAME_INFORMATION,
            Self::PrimaryGroup(_) => UserInformationClass::USER_PRIMARY_GROUP_INFORMATION,
            Self::Home(_) => UserInformationClass::USER_HOME_INFORMATION,
            Self::Script(_) => UserInformationClass::USER_SCRIPT_INFORMATION,
            Self::Profile(_) => UserInformationClass::USER_PROFILE_INFORMATION,
            Self::AdminComment(_) => UserInformationClass::USER_ADMIN_COMMENT_INFORMATION,
            Self::WorkStations(_) => UserInformationClass::USER_WORK_STATIONS_INFORMATION,
            Self::Control(_) => UserInformationClass::USER_CONTROL_INFORMATION,
            Self::Expires(_) => UserInformationClass::USER_EXPIRES_INFORMATION,
            Self::Internal1(_) => UserInformationClass::USER_INTERNAL1_INFORMATION,
            Self::Parameters(_) => UserInformationClass::USER_PARAMETERS_INFORMATION,
            Self::All(_) => UserInformationClass::USER_ALL_INFORMATION,
            Self::Internal4(_) => UserInformationClass::USER_INTERNAL4_INFORMATION,
            Self::Internal5(_) => UserInformationClass::USER_INTERNAL5_INFORMATION,
            Self::Internal4New(_) => UserInformationClass::USER_INTERNAL4_INFORMATION_NEW,
            Self::Internal5New(_) => UserInformationClass::USER_INTERNAL5_INFORMATION_NEW,
        }
    }
}
