//! `USER_MODALS_INFO_*` (NetUserModalsGet / NetUserModalsSet; `lmaccess.h`, served through
//! [MS-SAMR] domain information). Levels 0–3 carry pywin32's keys; the single-setting levels
//! 1001–1007 are named by the same rule (the C member without its `usrmodN_` prefix). Times are
//! seconds; `TIMEQ_FOREVER` (0xFFFFFFFF) means "never" / "no limit".

use serde::{Deserialize, Serialize};

use super::{Sid, levels};

/// `USER_MODALS_INFO_0`: the password policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_MODALS_INFO_0")]
pub struct UserModalsInfo0 {
    /// `usrmod0_min_passwd_len`.
    pub min_passwd_len: u32,
    /// `usrmod0_max_passwd_age`: seconds; `TIMEQ_FOREVER`: never expires.
    pub max_passwd_age: u32,
    /// `usrmod0_min_passwd_age`: seconds.
    pub min_passwd_age: u32,
    /// `usrmod0_force_logoff`: seconds after the logon hours end; `TIMEQ_FOREVER`: never.
    pub force_logoff: u32,
    /// `usrmod0_password_hist_len`.
    pub password_hist_len: u32,
}

/// `USER_MODALS_INFO_1`: the server's role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_MODALS_INFO_1")]
pub struct UserModalsInfo1 {
    /// `usrmod1_role`: `UAS_ROLE_STANDALONE` 0, `_MEMBER` 1, `_BACKUP` 2, `_PRIMARY` 3.
    pub role: u32,
    /// `usrmod1_primary`: the primary domain controller's name.
    pub primary: Option<String>,
}

/// `USER_MODALS_INFO_2`: the account domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_MODALS_INFO_2")]
pub struct UserModalsInfo2 {
    /// `usrmod2_domain_name`.
    pub domain_name: Option<String>,
    /// `usrmod2_domain_id`: the domain SID.
    pub domain_id: Option<Sid>,
}

/// `USER_MODALS_INFO_3`: the lockout policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "USER_MODALS_INFO_3")]
pub struct UserModalsInfo3 {
    /// `usrmod3_lockout_duration`: seconds.
    pub lockout_duration: u32,
    /// `usrmod3_lockout_observation_window`: seconds.
    pub lockout_observation_window: u32,
    /// `usrmod3_lockout_threshold`: bad passwords before lockout; 0: never.
    pub lockout_threshold: u32,
}

macro_rules! single {
    ($($(#[$m:meta])* $name:ident $alias:literal { $(#[$fm:meta])* $field:ident: $ty:ty })*) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default)]
        #[doc(alias = $alias)]
        pub struct $name {
            $(#[$fm])*
            pub $field: $ty,
        }
    )*};
}

single! {
    /// `USER_MODALS_INFO_1001` (not in pywin32): the minimum password length.
    UserModalsInfo1001 "USER_MODALS_INFO_1001" {
        /// `usrmod1001_min_passwd_len`.
        min_passwd_len: u32
    }
    /// `USER_MODALS_INFO_1002` (not in pywin32): the maximum password age.
    UserModalsInfo1002 "USER_MODALS_INFO_1002" {
        /// `usrmod1002_max_passwd_age`: seconds; `TIMEQ_FOREVER`: never expires.
        max_passwd_age: u32
    }
    /// `USER_MODALS_INFO_1003` (not in pywin32): the minimum password age.
    UserModalsInfo1003 "USER_MODALS_INFO_1003" {
        /// `usrmod1003_min_passwd_age`: seconds.
        min_passwd_age: u32
    }
    /// `USER_MODALS_INFO_1004` (not in pywin32): the forced logoff delay.
    UserModalsInfo1004 "USER_MODALS_INFO_1004" {
        /// `usrmod1004_force_logoff`: seconds; `TIMEQ_FOREVER`: never.
        force_logoff: u32
    }
    /// `USER_MODALS_INFO_1005` (not in pywin32): the password history length.
    UserModalsInfo1005 "USER_MODALS_INFO_1005" {
        /// `usrmod1005_password_hist_len`.
        password_hist_len: u32
    }
    /// `USER_MODALS_INFO_1006` (not in pywin32): the server's role.
    UserModalsInfo1006 "USER_MODALS_INFO_1006" {
        /// `usrmod1006_role`.
        role: u32
    }
    /// `USER_MODALS_INFO_1007` (not in pywin32): the primary domain controller.
    UserModalsInfo1007 "USER_MODALS_INFO_1007" {
        /// `usrmod1007_primary`.
        primary: Option<String>
    }
}

levels! {
    /// Account policy at any level.
    UserModalsInfo {
        0 => L0(UserModalsInfo0),
        1 => L1(UserModalsInfo1),
        2 => L2(UserModalsInfo2),
        3 => L3(UserModalsInfo3),
        1001 => L1001(UserModalsInfo1001),
        1002 => L1002(UserModalsInfo1002),
        1003 => L1003(UserModalsInfo1003),
        1004 => L1004(UserModalsInfo1004),
        1005 => L1005(UserModalsInfo1005),
        1006 => L1006(UserModalsInfo1006),
        1007 => L1007(UserModalsInfo1007),
    }
    /// Levels NetUserModalsGet accepts.
    GET_LEVELS = [0, 1, 2, 3];
    /// Levels NetUserModalsSet accepts.
    SET_LEVELS = [0, 1, 2, 3, 1001, 1002, 1003, 1004, 1005, 1006, 1007];
}
