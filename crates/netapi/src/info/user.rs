//! `USER_INFO_*` (NetUserAdd / NetUserEnum / NetUserGetInfo / NetUserSetInfo; `lmaccess.h`,
//! served through [MS-SAMR]). Levels 0, 1, 2, 3, 4, 10, 11, 20 and 1003–1011 carry pywin32's
//! keys; 21–24 and the other 10xx levels Windows documents are named by the same rule (the C
//! member without its `usriN_` prefix). Passwords are [`Password`] / [`OwfPassword`], which
//! never print and are zeroized when dropped; servers never return them.

use serde::{Deserialize, Serialize};

use super::{OwfPassword, Password, Sid, hex_bytes, levels};

/// `USER_INFO_0`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_0")]
pub struct UserInfo0 {
    /// `usri0_name`: the account name.
    pub name: Option<String>,
}

/// `USER_INFO_1`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1")]
pub struct UserInfo1 {
    /// `usri1_name`: the account name.
    pub name: Option<String>,
    /// `usri1_password`: the password: sent on add/set, never returned (always None when read).
    pub password: Option<Password>,
    /// `usri1_password_age`: seconds since the password was last changed.
    pub password_age: u32,
    /// `usri1_priv`: `USER_PRIV_GUEST` 0, `USER_PRIV_USER` 1, `USER_PRIV_ADMIN` 2.
    pub r#priv: u32,
    /// `usri1_home_dir`.
    pub home_dir: Option<String>,
    /// `usri1_comment`.
    pub comment: Option<String>,
    /// `usri1_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri1_script_path`.
    pub script_path: Option<String>,
}

/// `USER_INFO_2`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_2")]
pub struct UserInfo2 {
    /// `usri2_name`: the account name.
    pub name: Option<String>,
    /// `usri2_password`: the password: sent on add/set, never returned (always None when read).
    pub password: Option<Password>,
    /// `usri2_password_age`: seconds since the password was last changed.
    pub password_age: u32,
    /// `usri2_priv`: `USER_PRIV_GUEST` 0, `USER_PRIV_USER` 1, `USER_PRIV_ADMIN` 2.
    pub r#priv: u32,
    /// `usri2_home_dir`.
    pub home_dir: Option<String>,
    /// `usri2_comment`.
    pub comment: Option<String>,
    /// `usri2_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri2_script_path`.
    pub script_path: Option<String>,
    /// `usri2_auth_flags`: `AF_OP_*` operator privileges (always 0 on NT).
    pub auth_flags: u32,
    /// `usri2_full_name`.
    pub full_name: Option<String>,
    /// `usri2_usr_comment`.
    pub usr_comment: Option<String>,
    /// `usri2_parms`.
    pub parms: Option<String>,
    /// `usri2_workstations`.
    pub workstations: Option<String>,
    /// `usri2_last_logon`: seconds since 1970 (0: never).
    pub last_logon: u32,
    /// `usri2_last_logoff`: seconds since 1970 (0: unknown).
    pub last_logoff: u32,
    /// `usri2_acct_expires`: seconds since 1970; `TIMEQ_FOREVER` (0xFFFFFFFF): never.
    pub acct_expires: u32,
    /// `usri2_max_storage`: `USER_MAXSTORAGE_UNLIMITED` (0xFFFFFFFF) on NT.
    pub max_storage: u32,
    /// `usri2_units_per_week`: units of `logon_hours` (168: hours).
    pub units_per_week: u32,
    /// `usri2_logon_hours`: 21 bytes, one bit per hour of the week from Sunday 0:00 GMT; None: always.
    #[serde(with = "hex_bytes")]
    pub logon_hours: Option<Vec<u8>>,
    /// `usri2_bad_pw_count`.
    pub bad_pw_count: u32,
    /// `usri2_num_logons`.
    pub num_logons: u32,
    /// `usri2_logon_server`: `\\\\*`: any logon server.
    pub logon_server: Option<String>,
    /// `usri2_country_code`.
    pub country_code: u32,
    /// `usri2_code_page`.
    pub code_page: u32,
}

/// `USER_INFO_3`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_3")]
pub struct UserInfo3 {
    /// `usri3_name`: the account name.
    pub name: Option<String>,
    /// `usri3_password`: the password: sent on add/set, never returned (always None when read).
    pub password: Option<Password>,
    /// `usri3_password_age`: seconds since the password was last changed.
    pub password_age: u32,
    /// `usri3_priv`: `USER_PRIV_GUEST` 0, `USER_PRIV_USER` 1, `USER_PRIV_ADMIN` 2.
    pub r#priv: u32,
    /// `usri3_home_dir`.
    pub home_dir: Option<String>,
    /// `usri3_comment`.
    pub comment: Option<String>,
    /// `usri3_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri3_script_path`.
    pub script_path: Option<String>,
    /// `usri3_auth_flags`: `AF_OP_*` operator privileges (always 0 on NT).
    pub auth_flags: u32,
    /// `usri3_full_name`.
    pub full_name: Option<String>,
    /// `usri3_usr_comment`.
    pub usr_comment: Option<String>,
    /// `usri3_parms`.
    pub parms: Option<String>,
    /// `usri3_workstations`.
    pub workstations: Option<String>,
    /// `usri3_last_logon`: seconds since 1970 (0: never).
    pub last_logon: u32,
    /// `usri3_last_logoff`: seconds since 1970 (0: unknown).
    pub last_logoff: u32,
    /// `usri3_acct_expires`: seconds since 1970; `TIMEQ_FOREVER` (0xFFFFFFFF): never.
    pub acct_expires: u32,
    /// `usri3_max_storage`: `USER_MAXSTORAGE_UNLIMITED` (0xFFFFFFFF) on NT.
    pub max_storage: u32,
    /// `usri3_units_per_week`: units of `logon_hours` (168: hours).
    pub units_per_week: u32,
    /// `usri3_logon_hours`: 21 bytes, one bit per hour of the week from Sunday 0:00 GMT; None: always.
    #[serde(with = "hex_bytes")]
    pub logon_hours: Option<Vec<u8>>,
    /// `usri3_bad_pw_count`.
    pub bad_pw_count: u32,
    /// `usri3_num_logons`.
    pub num_logons: u32,
    /// `usri3_logon_server`: `\\\\*`: any logon server.
    pub logon_server: Option<String>,
    /// `usri3_country_code`.
    pub country_code: u32,
    /// `usri3_code_page`.
    pub code_page: u32,
    /// `usri3_user_id`: the RID.
    pub user_id: u32,
    /// `usri3_primary_group_id`: RID of the primary global group.
    pub primary_group_id: u32,
    /// `usri3_profile`.
    pub profile: Option<String>,
    /// `usri3_home_dir_drive`.
    pub home_dir_drive: Option<String>,
    /// `usri3_password_expired`: non-zero: the password has expired.
    pub password_expired: u32,
}

/// `USER_INFO_4`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_4")]
pub struct UserInfo4 {
    /// `usri4_name`: the account name.
    pub name: Option<String>,
    /// `usri4_password`: the password: sent on add/set, never returned (always None when read).
    pub password: Option<Password>,
    /// `usri4_password_age`: seconds since the password was last changed.
    pub password_age: u32,
    /// `usri4_priv`: `USER_PRIV_GUEST` 0, `USER_PRIV_USER` 1, `USER_PRIV_ADMIN` 2.
    pub r#priv: u32,
    /// `usri4_home_dir`.
    pub home_dir: Option<String>,
    /// `usri4_comment`.
    pub comment: Option<String>,
    /// `usri4_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri4_script_path`.
    pub script_path: Option<String>,
    /// `usri4_auth_flags`: `AF_OP_*` operator privileges (always 0 on NT).
    pub auth_flags: u32,
    /// `usri4_full_name`.
    pub full_name: Option<String>,
    /// `usri4_usr_comment`.
    pub usr_comment: Option<String>,
    /// `usri4_parms`.
    pub parms: Option<String>,
    /// `usri4_workstations`.
    pub workstations: Option<String>,
    /// `usri4_last_logon`: seconds since 1970 (0: never).
    pub last_logon: u32,
    /// `usri4_last_logoff`: seconds since 1970 (0: unknown).
    pub last_logoff: u32,
    /// `usri4_acct_expires`: seconds since 1970; `TIMEQ_FOREVER` (0xFFFFFFFF): never.
    pub acct_expires: u32,
    /// `usri4_max_storage`: `USER_MAXSTORAGE_UNLIMITED` (0xFFFFFFFF) on NT.
    pub max_storage: u32,
    /// `usri4_units_per_week`: units of `logon_hours` (168: hours).
    pub units_per_week: u32,
    /// `usri4_logon_hours`: 21 bytes, one bit per hour of the week from Sunday 0:00 GMT; None: always.
    #[serde(with = "hex_bytes")]
    pub logon_hours: Option<Vec<u8>>,
    /// `usri4_bad_pw_count`.
    pub bad_pw_count: u32,
    /// `usri4_num_logons`.
    pub num_logons: u32,
    /// `usri4_logon_server`: `\\\\*`: any logon server.
    pub logon_server: Option<String>,
    /// `usri4_country_code`.
    pub country_code: u32,
    /// `usri4_code_page`.
    pub code_page: u32,
    /// `usri4_user_sid`: the account SID.
    pub user_sid: Option<Sid>,
    /// `usri4_primary_group_id`: RID of the primary global group.
    pub primary_group_id: u32,
    /// `usri4_profile`.
    pub profile: Option<String>,
    /// `usri4_home_dir_drive`.
    pub home_dir_drive: Option<String>,
    /// `usri4_password_expired`: non-zero: the password has expired.
    pub password_expired: u32,
}

/// `USER_INFO_10`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_10")]
pub struct UserInfo10 {
    /// `usri10_name`: the account name.
    pub name: Option<String>,
    /// `usri10_comment`.
    pub comment: Option<String>,
    /// `usri10_usr_comment`.
    pub usr_comment: Option<String>,
    /// `usri10_full_name`.
    pub full_name: Option<String>,
}

/// `USER_INFO_11`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_11")]
pub struct UserInfo11 {
    /// `usri11_name`: the account name.
    pub name: Option<String>,
    /// `usri11_comment`.
    pub comment: Option<String>,
    /// `usri11_usr_comment`.
    pub usr_comment: Option<String>,
    /// `usri11_full_name`.
    pub full_name: Option<String>,
    /// `usri11_priv`: `USER_PRIV_GUEST` 0, `USER_PRIV_USER` 1, `USER_PRIV_ADMIN` 2.
    pub r#priv: u32,
    /// `usri11_auth_flags`: `AF_OP_*` operator privileges (always 0 on NT).
    pub auth_flags: u32,
    /// `usri11_password_age`: seconds since the password was last changed.
    pub password_age: u32,
    /// `usri11_home_dir`.
    pub home_dir: Option<String>,
    /// `usri11_parms`.
    pub parms: Option<String>,
    /// `usri11_last_logon`: seconds since 1970 (0: never).
    pub last_logon: u32,
    /// `usri11_last_logoff`: seconds since 1970 (0: unknown).
    pub last_logoff: u32,
    /// `usri11_bad_pw_count`.
    pub bad_pw_count: u32,
    /// `usri11_num_logons`.
    pub num_logons: u32,
    /// `usri11_logon_server`: `\\\\*`: any logon server.
    pub logon_server: Option<String>,
    /// `usri11_country_code`.
    pub country_code: u32,
    /// `usri11_workstations`.
    pub workstations: Option<String>,
    /// `usri11_max_storage`: `USER_MAXSTORAGE_UNLIMITED` (0xFFFFFFFF) on NT.
    pub max_storage: u32,
    /// `usri11_units_per_week`: units of `logon_hours` (168: hours).
    pub units_per_week: u32,
    /// `usri11_logon_hours`: 21 bytes, one bit per hour of the week from Sunday 0:00 GMT; None: always.
    #[serde(with = "hex_bytes")]
    pub logon_hours: Option<Vec<u8>>,
    /// `usri11_code_page`.
    pub code_page: u32,
}

/// `USER_INFO_20`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_20")]
pub struct UserInfo20 {
    /// `usri20_name`: the account name.
    pub name: Option<String>,
    /// `usri20_full_name`.
    pub full_name: Option<String>,
    /// `usri20_comment`.
    pub comment: Option<String>,
    /// `usri20_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri20_user_id`: the RID.
    pub user_id: u32,
}

/// `USER_INFO_21` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_21")]
pub struct UserInfo21 {
    /// `usri21_password`: the NT one-way function of the password (16 bytes).
    pub password: Option<OwfPassword>,
}

/// `USER_INFO_22` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_22")]
pub struct UserInfo22 {
    /// `usri22_name`: the account name.
    pub name: Option<String>,
    /// `usri22_password`: the NT one-way function of the password (16 bytes); never returned.
    pub password: Option<OwfPassword>,
    /// `usri22_password_age`: seconds since the password was last changed.
    pub password_age: u32,
    /// `usri22_priv`: `USER_PRIV_GUEST` 0, `USER_PRIV_USER` 1, `USER_PRIV_ADMIN` 2.
    pub r#priv: u32,
    /// `usri22_home_dir`.
    pub home_dir: Option<String>,
    /// `usri22_comment`.
    pub comment: Option<String>,
    /// `usri22_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri22_script_path`.
    pub script_path: Option<String>,
    /// `usri22_auth_flags`: `AF_OP_*` operator privileges (always 0 on NT).
    pub auth_flags: u32,
    /// `usri22_full_name`.
    pub full_name: Option<String>,
    /// `usri22_usr_comment`.
    pub usr_comment: Option<String>,
    /// `usri22_parms`.
    pub parms: Option<String>,
    /// `usri22_workstations`.
    pub workstations: Option<String>,
    /// `usri22_last_logon`: seconds since 1970 (0: never).
    pub last_logon: u32,
    /// `usri22_last_logoff`: seconds since 1970 (0: unknown).
    pub last_logoff: u32,
    /// `usri22_acct_expires`: seconds since 1970; `TIMEQ_FOREVER` (0xFFFFFFFF): never.
    pub acct_expires: u32,
    /// `usri22_max_storage`: `USER_MAXSTORAGE_UNLIMITED` (0xFFFFFFFF) on NT.
    pub max_storage: u32,
    /// `usri22_units_per_week`: units of `logon_hours` (168: hours).
    pub units_per_week: u32,
    /// `usri22_logon_hours`: 21 bytes, one bit per hour of the week from Sunday 0:00 GMT; None: always.
    #[serde(with = "hex_bytes")]
    pub logon_hours: Option<Vec<u8>>,
    /// `usri22_bad_pw_count`.
    pub bad_pw_count: u32,
    /// `usri22_num_logons`.
    pub num_logons: u32,
    /// `usri22_logon_server`: `\\\\*`: any logon server.
    pub logon_server: Option<String>,
    /// `usri22_country_code`.
    pub country_code: u32,
    /// `usri22_code_page`.
    pub code_page: u32,
}

/// `USER_INFO_23` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_23")]
pub struct UserInfo23 {
    /// `usri23_name`: the account name.
    pub name: Option<String>,
    /// `usri23_full_name`.
    pub full_name: Option<String>,
    /// `usri23_comment`.
    pub comment: Option<String>,
    /// `usri23_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri23_user_sid`: the account SID.
    pub user_sid: Option<Sid>,
}

/// `USER_INFO_24` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_24")]
pub struct UserInfo24 {
    /// `usri24_internet_identity`.
    pub internet_identity: bool,
    /// `usri24_flags`: `UF_*` account flags.
    pub flags: u32,
    /// `usri24_internet_provider_name`.
    pub internet_provider_name: Option<String>,
    /// `usri24_internet_principal_name`.
    pub internet_principal_name: Option<String>,
    /// `usri24_user_sid`: the account SID.
    pub user_sid: Option<Sid>,
}

/// `USER_INFO_1003`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1003")]
pub struct UserInfo1003 {
    /// `usri1003_password`: the new password.
    pub password: Option<Password>,
}

/// `USER_INFO_1005`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1005")]
pub struct UserInfo1005 {
    /// `usri1005_priv`: `USER_PRIV_GUEST` 0, `USER_PRIV_USER` 1, `USER_PRIV_ADMIN` 2.
    pub r#priv: u32,
}

/// `USER_INFO_1006`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1006")]
pub struct UserInfo1006 {
    /// `usri1006_home_dir`.
    pub home_dir: Option<String>,
}

/// `USER_INFO_1007`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1007")]
pub struct UserInfo1007 {
    /// `usri1007_comment`.
    pub comment: Option<String>,
}

/// `USER_INFO_1008`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1008")]
pub struct UserInfo1008 {
    /// `usri1008_flags`: `UF_*` account flags.
    pub flags: u32,
}

/// `USER_INFO_1009`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1009")]
pub struct UserInfo1009 {
    /// `usri1009_script_path`.
    pub script_path: Option<String>,
}

/// `USER_INFO_1010`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1010")]
pub struct UserInfo1010 {
    /// `usri1010_auth_flags`: `AF_OP_*` operator privileges (always 0 on NT).
    pub auth_flags: u32,
}

/// `USER_INFO_1011`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1011")]
pub struct UserInfo1011 {
    /// `usri1011_full_name`.
    pub full_name: Option<String>,
}

/// `USER_INFO_1012` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1012")]
pub struct UserInfo1012 {
    /// `usri1012_usr_comment`.
    pub usr_comment: Option<String>,
}

/// `USER_INFO_1014` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1014")]
pub struct UserInfo1014 {
    /// `usri1014_workstations`.
    pub workstations: Option<String>,
}

/// `USER_INFO_1017` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1017")]
pub struct UserInfo1017 {
    /// `usri1017_acct_expires`: seconds since 1970; `TIMEQ_FOREVER` (0xFFFFFFFF): never.
    pub acct_expires: u32,
}

/// `USER_INFO_1020` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1020")]
pub struct UserInfo1020 {
    /// `usri1020_units_per_week`: units of `logon_hours` (168: hours).
    pub units_per_week: u32,
    /// `usri1020_logon_hours`: 21 bytes, one bit per hour of the week from Sunday 0:00 GMT; None: always.
    #[serde(with = "hex_bytes")]
    pub logon_hours: Option<Vec<u8>>,
}

/// `USER_INFO_1024` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1024")]
pub struct UserInfo1024 {
    /// `usri1024_country_code`.
    pub country_code: u32,
}

/// `USER_INFO_1051` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1051")]
pub struct UserInfo1051 {
    /// `usri1051_primary_group_id`: RID of the primary global group.
    pub primary_group_id: u32,
}

/// `USER_INFO_1052` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1052")]
pub struct UserInfo1052 {
    /// `usri1052_profile`.
    pub profile: Option<String>,
}

/// `USER_INFO_1053` (not in pywin32; keys named by its rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_INFO_1053")]
pub struct UserInfo1053 {
    /// `usri1053_home_dir_drive`.
    pub home_dir_drive: Option<String>,
}

levels! {
    /// A user account at any level ([MS-SAMR] via netapi32; `lmaccess.h`). The levels of more
    /// than a few fields are boxed, so a list of 10,000 names (level 0) is 320 KB, not 4 MB.
    UserInfo {
        0 => L0(UserInfo0),
        1 => L1(UserInfo1 as Box),
        2 => L2(UserInfo2 as Box),
        3 => L3(UserInfo3 as Box),
        4 => L4(UserInfo4 as Box),
        10 => L10(UserInfo10 as Box),
        11 => L11(UserInfo11 as Box),
        20 => L20(UserInfo20 as Box),
        21 => L21(UserInfo21),
        22 => L22(UserInfo22 as Box),
        23 => L23(UserInfo23 as Box),
        24 => L24(UserInfo24 as Box),
        1003 => L1003(UserInfo1003),
        1005 => L1005(UserInfo1005),
        1006 => L1006(UserInfo1006),
        1007 => L1007(UserInfo1007),
        1008 => L1008(UserInfo1008),
        1009 => L1009(UserInfo1009),
        1010 => L1010(UserInfo1010),
        1011 => L1011(UserInfo1011),
        1012 => L1012(UserInfo1012),
        1014 => L1014(UserInfo1014),
        1017 => L1017(UserInfo1017),
        1020 => L1020(UserInfo1020),
        1024 => L1024(UserInfo1024),
        1051 => L1051(UserInfo1051),
        1052 => L1052(UserInfo1052),
        1053 => L1053(UserInfo1053),
    }
    /// Levels NetUserEnum accepts.
    ENUM_LEVELS = [0, 1, 2, 3, 10, 11, 20, 23];
    /// Levels NetUserGetInfo accepts.
    GET_LEVELS = [0, 1, 2, 3, 4, 10, 11, 20, 23, 24];
    /// Levels NetUserAdd accepts.
    ADD_LEVELS = [1, 2, 3, 4];
    /// Levels NetUserSetInfo accepts.
    SET_LEVELS = [
        0, 1, 2, 3, 4, 21, 22, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1014, 1017,
        1020, 1024, 1051, 1052, 1053,
    ];
}
