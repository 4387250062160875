//! One superset, many levels: every `USER_INFO_*` level is a projection of [`UserAll`], and
//! [`UserAll`] maps to `SAMPR_USER_ALL_INFORMATION` ([MS-SAMR] 2.2.6.6) field by field, so a
//! level is declared once (its field list) instead of converted by hand.
//!
//! * Reading: the server's `SAMPR_USER_ALL_INFORMATION` becomes a [`UserAll`]
//!   ([`UserAll::from_sampr`]), which the caller completes with what SAMR keeps elsewhere
//!   (`priv` from the BUILTIN alias memberships, the SID from the domain SID), then each level
//!   takes its fields ([`UserInfo::project`]).
//! * Writing: a level sets its fields of a [`UserAll`] and says which ones
//!   ([`UserInfo::to_all`] → [`Fields`]); [`UserAll::to_sampr`] then fills the wire structure
//!   and computes the `WhichFields` mask from exactly those fields, so a set at level 1008 sends
//!   `USER_ALL_USERACCOUNTCONTROL` and nothing else. Fields SAMR does not store in the user
//!   object (`priv`, `password`, `auth_flags`, `max_storage`, `logon_server`, the SID, the level-24
//!   identity fields) never reach the mask: the NetUser functions handle them on their own.
//!
//! Value conversions: times as seconds since 1970 ([`Time`]; `acct_expires` reads
//! `TIMEQ_FOREVER` for "never"), `password_age` from `PasswordLastSet`, `UF_*` ↔ `USER_ACCOUNT`
//! bits through [`UF_ACB`] (with `UF_SCRIPT` always reported, as netapi32 does), logon hours as
//! 21 bytes with 168 units per week.

use netapi_msrpc::dtyp::{OldLargeInteger, RpcUnicodeString};
use netapi_msrpc::samr::{
    SamprLogonHours, SamprUserAllInformation, account_control as acb, user_all as wf,
};

use crate::con;
use crate::info::{OwfPassword, Password, Sid, UserInfo};
use crate::rpc::values::{FlagMap, Time, now_since_1970};

/// Every field of every `USER_INFO_*` level, in pywin32's vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UserAll {
    pub name: Option<String>,
    pub password: Option<Password>,
    pub owf_password: Option<OwfPassword>,
    pub password_age: u32,
    pub r#priv: u32,
    pub home_dir: Option<String>,
    pub comment: Option<String>,
    pub flags: u32,
    pub script_path: Option<String>,
    pub auth_flags: u32,
    pub full_name: Option<String>,
    pub usr_comment: Option<String>,
    pub parms: Option<String>,
    pub workstations: Option<String>,
    pub last_logon: u32,
    pub last_logoff: u32,
    pub acct_expires: u32,
    pub max_storage: u32,
    pub units_per_week: u32,
    pub logon_hours: Option<Vec<u8>>,
    pub bad_pw_count: u32,
    pub num_logons: u32,
    pub logon_server: Option<String>,
    pub country_code: u32,
    pub code_page: u32,
    pub user_id: u32,
    pub user_sid: Option<Sid>,
    pub primary_group_id: u32,
    pub profile: Option<String>,
    pub home_dir_drive: Option<String>,
    pub password_expired: u32,
    pub internet_identity: bool,
    pub internet_provider_name: Option<String>,
    pub internet_principal_name: Option<String>,
}

/// Which fields of a [`UserAll`] a level carries (one bit per field, [`field`]).
pub(crate) type Fields = u64;

/// The bit of each [`UserAll`] field in [`Fields`].
#[allow(non_upper_case_globals)]
pub(crate) mod field {
    use super::Fields;
    macro_rules! bits {
        ($($name:ident),* $(,)?) => { bits!(@ 0, $($name),*); };
        (@ $n:expr, $name:ident $(, $rest:ident)*) => {
            pub const $name: Fields = 1 << $n;
            bits!(@ $n + 1, $($rest),*);
        };
        (@ $n:expr,) => {};
    }
    bits! {
        name, password, owf_password, password_age, r#priv, home_dir, comment, flags,
        script_path, auth_flags, full_name, usr_comment, parms, workstations, last_logon,
        last_logoff, acct_expires, max_storage, units_per_week, logon_hours, bad_pw_count,
        num_logons, logon_server, country_code, code_page, user_id, user_sid, primary_group_id,
        profile, home_dir_drive, password_expired, internet_identity, internet_provider_name,
        internet_principal_name,
    }
}

/// `UF_*` ↔ SAMR `USER_ACCOUNT` bits ([MS-SAMR] 2.2.1.12 / 2.2.1.13). `UF_SCRIPT` has no
/// SAMR bit (netapi32 reports it set and ignores it on write); `UF_PASSWD_CANT_CHANGE` lives in
/// the user object's DACL, not in `UserAccountControl`.
pub(crate) const UF_ACB: FlagMap = FlagMap(&[
    (con::UF_ACCOUNTDISABLE, acb::USER_ACCOUNT_DISABLED),
    (con::UF_HOMEDIR_REQUIRED, acb::USER_HOME_DIRECTORY_REQUIRED),
    (con::UF_PASSWD_NOTREQD, acb::USER_PASSWORD_NOT_REQUIRED),
    (
        con::UF_TEMP_DUPLICATE_ACCOUNT,
        acb::USER_TEMP_DUPLICATE_ACCOUNT,
    ),
    (con::UF_NORMAL_ACCOUNT, acb::USER_NORMAL_ACCOUNT),
    (con::UF_MNS_LOGON_ACCOUNT, acb::USER_MNS_LOGON_ACCOUNT),
    (
        con::UF_INTERDOMAIN_TRUST_ACCOUNT,
        acb::USER_INTERDOMAIN_TRUST_ACCOUNT,
    ),
    (
        con::UF_WORKSTATION_TRUST_ACCOUNT,
        acb::USER_WORKSTATION_TRUST_ACCOUNT,
    ),
    (con::UF_SERVER_TRUST_ACCOUNT, acb::USER_SERVER_TRUST_ACCOUNT),
    (con::UF_DONT_EXPIRE_PASSWD, acb::USER_DONT_EXPIRE_PASSWORD),
    (con::UF_LOCKOUT, acb::USER_ACCOUNT_AUTO_LOCKED),
    (
        UF_ENCRYPTED_TEXT_PASSWORD_ALLOWED,
        acb::USER_ENCRYPTED_TEXT_PASSWORD_ALLOWED,
    ),
    (UF_SMARTCARD_REQUIRED, acb::USER_SMARTCARD_REQUIRED),
    (UF_TRUSTED_FOR_DELEGATION, acb::USER_TRUSTED_FOR_DELEGATION),
    (UF_NOT_DELEGATED, acb::USER_NOT_DELEGATED),
    (UF_USE_DES_KEY_ONLY, acb::USER_USE_DES_KEY_ONLY),
    (UF_DONT_REQUIRE_PREAUTH, acb::USER_DONT_REQUIRE_PREAUTH),
    (UF_PASSWORD_EXPIRED, acb::USER_PASSWORD_EXPIRED),
    (
        UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION,
        acb::USER_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION,
    ),
    (UF_NO_AUTH_DATA_REQUIRED, acb::USER_NO_AUTH_DATA_REQUIRED),
    (
        UF_PARTIAL_SECRETS_ACCOUNT,
        acb::USER_PARTIAL_SECRETS_ACCOUNT,
    ),
    (UF_USE_AES_KEYS, acb::USER_USE_AES_KEYS),
]);

// `UF_*` bits newer than pywin32's win32netcon (`lmaccess.h`, [MS-SAMR] 2.2.1.13).
/// `UF_ENCRYPTED_TEXT_PASSWORD_ALLOWED`.
pub const UF_ENCRYPTED_TEXT_PASSWORD_ALLOWED: u32 = 0x0000_0080;
/// `UF_SMARTCARD_REQUIRED`.
pub const UF_SMARTCARD_REQUIRED: u32 = 0x0004_0000;
/// `UF_TRUSTED_FOR_DELEGATION`.
pub const UF_TRUSTED_FOR_DELEGATION: u32 = 0x0008_0000;
/// `UF_NOT_DELEGATED`.
pub const UF_NOT_DELEGATED: u32 = 0x0010_0000;
/// `UF_USE_DES_KEY_ONLY`.
pub const UF_USE_DES_KEY_ONLY: u32 = 0x0020_0000;
/// `UF_DONT_REQUIRE_PREAUTH`.
pub const UF_DONT_REQUIRE_PREAUTH: u32 = 0x0040_0000;
/// `UF_PASSWORD_EXPIRED`.
pub const UF_PASSWORD_EXPIRED: u32 = 0x0080_0000;
/// `UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION`.
pub const UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: u32 = 0x0100_0000;
/// `UF_NO_AUTH_DATA_REQUIRED`.
pub const UF_NO_AUTH_DATA_REQUIRED: u32 = 0x0200_0000;
/// `UF_PARTIAL_SECRETS_ACCOUNT`.
pub const UF_PARTIAL_SECRETS_ACCOUNT: u32 = 0x0400_0000;
/// `UF_USE_AES_KEYS`.
pub const UF_USE_AES_KEYS: u32 = 0x0800_0000;

fn ustr(s: &RpcUnicodeString) -> Option<String> {
    s.to_string_lossy()
}

fn wstr(s: &Option<String>) -> RpcUnicodeString {
    match s {
        // Lengths are checked against the 32,767-unit limit before anything is sent.
        Some(s) => RpcUnicodeString::new(s).unwrap_or_else(|_| RpcUnicodeString::null()),
        None => RpcUnicodeString::null(),
    }
}

fn time(t: OldLargeInteger) -> i64 {
    t.to_i64()
}

impl UserAll {
    /// The fields `SAMPR_USER_ALL_INFORMATION` carries. `now` (seconds since 1970) gives
    /// `password_age`.
    pub(crate) fn from_sampr(w: &SamprUserAllInformation, now: u32) -> UserAll {
        let last_set = Time::ZeroIsNever.read(time(w.password_last_set));
        let hours = &w.logon_hours;
        UserAll {
            name: ustr(&w.user_name),
            full_name: ustr(&w.full_name),
            home_dir: ustr(&w.home_directory),
            home_dir_drive: ustr(&w.home_directory_drive),
            script_path: ustr(&w.script_path),
            profile: ustr(&w.profile_path),
            comment: ustr(&w.admin_comment),
            workstations: ustr(&w.work_stations),
            usr_comment: ustr(&w.user_comment),
            parms: ustr(&w.parameters),
            last_logon: Time::ZeroIsNever.read(time(w.last_logon)),
            last_logoff: Time::ZeroIsNever.read(time(w.last_logoff)),
            acct_expires: Time::Forever.read(time(w.account_expires)),
            password_age: now.saturating_sub(last_set),
            user_id: w.user_id,
            primary_group_id: w.primary_group_id,
            flags: con::UF_SCRIPT | UF_ACB.to_ours(w.user_account_control),
            units_per_week: u32::from(hours.units_per_week),
            logon_hours: hours.logon_hours.clone(),
            bad_pw_count: u32::from(w.bad_password_count),
            num_logons: u32::from(w.logon_count),
            country_code: u32::from(w.country_code),
            code_page: u32::from(w.code_page),
            password_expired: u32::from(w.password_expired != 0),
            // What SAMR keeps nowhere: the values netapi32 reports for an NT account.
            max_storage: con::USER_MAXSTORAGE_UNLIMITED,
            logon_server: Some("\\\\*".to_string()),
            ..UserAll::default()
        }
    }

    /// The wire structure carrying `fields` of this superset, with `WhichFields` set to exactly
    /// those (fields SAMR does not store are left out; see the module docs).
    pub(crate) fn to_sampr(&self, fields: Fields) -> SamprUserAllInformation {
        let mut w = SamprUserAllInformation::default();
        let mut which = 0;
        let mut put = |f: Fields, bit: u32| {
            let on = fields & f != 0;
            if on {
                which |= bit;
            }
            on
        };
        // A NULL string leaves the field as it is (netapi32 sets the WhichFields bit only for
        // the strings given; an empty string clears one). quirk(samba-4.17): the AD DC answers
        // STATUS_INVALID_PARAMETER to a NULL string whose bit is set.
        macro_rules! strings {
            ($($f:ident => $wire:ident, $bit:ident;)*) => {$(
                if self.$f.is_some() && put(field::$f, wf::$bit) {
                    w.$wire = wstr(&self.$f);
                }
            )*};
        }
        strings! {
            name => user_name, USER_ALL_USERNAME;
            full_name => full_name, USER_ALL_FULLNAME;
            home_dir => home_directory, USER_ALL_HOMEDIRECTORY;
            home_dir_drive => home_directory_drive, USER_ALL_HOMEDIRECTORYDRIVE;
            script_path => script_path, USER_ALL_SCRIPTPATH;
            profile => profile_path, USER_ALL_PROFILEPATH;
            comment => admin_comment, USER_ALL_ADMINCOMMENT;
            workstations => work_stations, USER_ALL_WORKSTATIONS;
            usr_comment => user_comment, USER_ALL_USERCOMMENT;
            parms => parameters, USER_ALL_PARAMETERS;
        }
        if put(field::primary_group_id, wf::USER_ALL_PRIMARYGROUPID) {
            w.primary_group_id = self.primary_group_id;
        }
        if put(field::flags, wf::USER_ALL_USERACCOUNTCONTROL) {
            w.user_account_control = UF_ACB.to_theirs(self.flags);
        }
        if put(field::acct_expires, wf::USER_ALL_ACCOUNTEXPIRES) {
            w.account_expires = OldLargeInteger::from_i64(Time::Forever.write(self.acct_expires));
        }
        if put(field::country_code, wf::USER_ALL_COUNTRYCODE) {
            w.country_code = self.country_code as u16;
        }
        if put(field::code_page, wf::USER_ALL_CODEPAGE) {
            w.code_page = self.code_page as u16;
        }
        if put(field::password_expired, wf::USER_ALL_PASSWORDEXPIRED) {
            w.password_expired = u8::from(self.password_expired != 0);
        }
        // units_per_week travels with logon_hours (both in USER_ALL_LOGONHOURS); NULL hours
        // leave them as they are (a new account allows every hour).
        if let Some(h) = &self.logon_hours
            && put(
                field::logon_hours | field::units_per_week,
                wf::USER_ALL_LOGONHOURS,
            )
        {
            w.logon_hours = SamprLogonHours {
                units_per_week: con::UNITS_PER_WEEK as u16,
                logon_hours: Some(h.clone()),
            };
        }
        w.which_fields = which;
        w
    }
}

/// Reads a level from the superset, and writes the superset from a level.
pub(crate) trait Projection: Sized {
    /// The fields this level carries.
    const FIELDS: Fields;
    /// This level's view of `all`.
    fn read(all: &UserAll) -> Self;
    /// This level's fields written into `all`.
    fn write(&self, all: &mut UserAll);
    /// [`Self::FIELDS`], reached through a value (boxed or not).
    fn fields(&self) -> Fields {
        Self::FIELDS
    }
}

/// Declares each level as the list of superset fields it carries (names are the same on both
/// sides; `password` reads as `None`, servers never return it).
macro_rules! projections {
    ($($level:ident { $($f:ident),* $(,)? })*) => {$(
        impl Projection for crate::info::$level {
            const FIELDS: Fields = 0 $(| field::$f)*;
            #[allow(clippy::needless_update, unused_mut)]
            fn read(all: &UserAll) -> Self {
                let mut v = crate::info::$level { $($f: all.$f.clone(),)* ..Default::default() };
                projections!(@hide_password v $($f)*);
                v
            }
            fn write(&self, all: &mut UserAll) {
                $(all.$f = self.$f.clone();)*
            }
        }
    )*};
    (@hide_password $v:ident) => {};
    (@hide_password $v:ident password $($rest:ident)*) => { $v.password = None; };
    (@hide_password $v:ident $f:ident $($rest:ident)*) => { projections!(@hide_password $v $($rest)*); };
}

projections! {
    UserInfo0 { name }
    UserInfo1 { name, password, password_age, r#priv, home_dir, comment, flags, script_path }
    UserInfo2 {
        name, password, password_age, r#priv, home_dir, comment, flags, script_path, auth_flags,
        full_name, usr_comment, parms, workstations, last_logon, last_logoff, acct_expires,
        max_storage, units_per_week, logon_hours, bad_pw_count, num_logons, logon_server,
        country_code, code_page,
    }
    UserInfo3 {
        name, password, password_age, r#priv, home_dir, comment, flags, script_path, auth_flags,
        full_name, usr_comment, parms, workstations, last_logon, last_logoff, acct_expires,
        max_storage, units_per_week, logon_hours, bad_pw_count, num_logons, logon_server,
        country_code, code_page, user_id, primary_group_id, profile, home_dir_drive,
        password_expired,
    }
    UserInfo4 {
        name, password, password_age, r#priv, home_dir, comment, flags, script_path, auth_flags,
        full_name, usr_comment, parms, workstations, last_logon, last_logoff, acct_expires,
        max_storage, units_per_week, logon_hours, bad_pw_count, num_logons, logon_server,
        country_code, code_page, user_sid, primary_group_id, profile, home_dir_drive,
        password_expired,
    }
    UserInfo10 { name, comment, usr_comment, full_name }
    UserInfo11 {
        name, comment, usr_comment, full_name, r#priv, auth_flags, password_age, home_dir, parms,
        last_logon, last_logoff, bad_pw_count, num_logons, logon_server, country_code,
        workstations, max_storage, units_per_week, logon_hours, code_page,
    }
    UserInfo20 { name, full_name, comment, flags, user_id }
    UserInfo23 { name, full_name, comment, flags, user_sid }
    UserInfo24 {
        internet_identity, flags, internet_provider_name, internet_principal_name, user_sid,
    }
    UserInfo1003 { password }
    UserInfo1005 { r#priv }
    UserInfo1006 { home_dir }
    UserInfo1007 { comment }
    UserInfo1008 { flags }
    UserInfo1009 { script_path }
    UserInfo1010 { auth_flags }
    UserInfo1011 { full_name }
    UserInfo1012 { usr_comment }
    UserInfo1014 { workstations }
    UserInfo1017 { acct_expires }
    UserInfo1020 { units_per_week, logon_hours }
    UserInfo1024 { country_code }
    UserInfo1051 { primary_group_id }
    UserInfo1052 { profile }
    UserInfo1053 { home_dir_drive }
}

/// Levels 21 and 22 carry the password as its NT OWF, named `password` in the level.
macro_rules! owf_projections {
    ($($level:ident { $($f:ident),* $(,)? })*) => {$(
        impl Projection for crate::info::$level {
            const FIELDS: Fields = field::owf_password $(| field::$f)*;
            #[allow(clippy::needless_update, unused_variables)]
            fn read(all: &UserAll) -> Self {
                crate::info::$level { password: None, $($f: all.$f.clone(),)* ..Default::default() }
            }
            fn write(&self, all: &mut UserAll) {
                all.owf_password = self.password.clone();
                $(all.$f = self.$f.clone();)*
            }
        }
    )*};
}

owf_projections! {
    UserInfo21 {}
    UserInfo22 {
        name, password_age, r#priv, home_dir, comment, flags, script_path, auth_flags, full_name,
        usr_comment, parms, workstations, last_logon, last_logoff, acct_expires, max_storage,
        units_per_week, logon_hours, bad_pw_count, num_logons, logon_server, country_code,
        code_page,
    }
}

impl UserInfo {
    /// Level `level` of `all`; `None` for a level the family lacks.
    pub(crate) fn project(level: u32, all: &UserAll) -> Option<UserInfo> {
        macro_rules! by_level {
            ($($n:literal => $ty:ident),*) => {
                match level {
                    $($n => Some(crate::info::$ty::read(all).into()),)*
                    _ => None,
                }
            };
        }
        by_level!(0 => UserInfo0, 1 => UserInfo1, 2 => UserInfo2, 3 => UserInfo3, 4 => UserInfo4,
            10 => UserInfo10, 11 => UserInfo11, 20 => UserInfo20, 21 => UserInfo21,
            22 => UserInfo22, 23 => UserInfo23, 24 => UserInfo24, 1003 => UserInfo1003,
            1005 => UserInfo1005, 1006 => UserInfo1006, 1007 => UserInfo1007,
            1008 => UserInfo1008, 1009 => UserInfo1009, 1010 => UserInfo1010,
            1011 => UserInfo1011, 1012 => UserInfo1012, 1014 => UserInfo1014,
            1017 => UserInfo1017, 1020 => UserInfo1020, 1024 => UserInfo1024,
            1051 => UserInfo1051, 1052 => UserInfo1052, 1053 => UserInfo1053)
    }

    /// The superset fields level `level` carries (0 for a level the family lacks).
    pub(crate) fn fields_of(level: u32) -> Fields {
        macro_rules! by_level {
            ($($n:literal => $ty:ident),*) => {
                match level {
                    $($n => <crate::info::$ty as Projection>::FIELDS,)*
                    _ => 0,
                }
            };
        }
        by_level!(0 => UserInfo0, 1 => UserInfo1, 2 => UserInfo2, 3 => UserInfo3, 4 => UserInfo4,
            10 => UserInfo10, 11 => UserInfo11, 20 => UserInfo20, 21 => UserInfo21,
            22 => UserInfo22, 23 => UserInfo23, 24 => UserInfo24, 1003 => UserInfo1003,
            1005 => UserInfo1005, 1006 => UserInfo1006, 1007 => UserInfo1007,
            1008 => UserInfo1008, 1009 => UserInfo1009, 1010 => UserInfo1010,
            1011 => UserInfo1011, 1012 => UserInfo1012, 1014 => UserInfo1014,
            1017 => UserInfo1017, 1020 => UserInfo1020, 1024 => UserInfo1024,
            1051 => UserInfo1051, 1052 => UserInfo1052, 1053 => UserInfo1053)
    }

    /// This value as a superset and the fields it carries.
    pub(crate) fn to_all(&self) -> (UserAll, Fields) {
        let mut all = UserAll::default();
        macro_rules! each {
            ($($variant:ident),*) => {
                match self {
                    $(UserInfo::$variant(v) => { v.write(&mut all); (all, v.fields()) })*
                }
            };
        }
        each!(
            L0, L1, L2, L3, L4, L10, L11, L20, L21, L22, L23, L24, L1003, L1005, L1006, L1007,
            L1008, L1009, L1010, L1011, L1012, L1014, L1017, L1020, L1024, L1051, L1052, L1053
        )
    }
}

/// A read of this user "now" (seconds since 1970).
pub(crate) fn now() -> u32 {
    now_since_1970()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::info::{UserInfo0, UserInfo1, UserInfo2, UserInfo3};

    /// A user as Samba's SAMR reports one (times as FILETIME).
    fn sampr() -> SamprUserAllInformation {
        let t = |secs: i64| OldLargeInteger::from_i64(Time::ZeroIsNever.write(secs as u32));
        SamprUserAllInformation {
            user_name: RpcUnicodeString::new("alice").unwrap(),
            full_name: RpcUnicodeString::new("Alice A.").unwrap(),
            home_directory: RpcUnicodeString::new("\\\\fs\\home\\alice").unwrap(),
            script_path: RpcUnicodeString::null(),
            admin_comment: RpcUnicodeString::new("admin says").unwrap(),
            user_comment: RpcUnicodeString::new("user says").unwrap(),
            last_logon: t(1_700_000_000),
            password_last_set: t(1_700_000_000 - 3600),
            account_expires: OldLargeInteger::from_i64(i64::MAX),
            user_id: 1105,
            primary_group_id: 513,
            user_account_control: acb::USER_NORMAL_ACCOUNT | acb::USER_DONT_EXPIRE_PASSWORD,
            logon_hours: SamprLogonHours {
                units_per_week: 168,
                logon_hours: Some(vec![0xFF; 21]),
            },
            logon_count: 7,
            country_code: 49,
            code_page: 850,
            ..SamprUserAllInformation::default()
        }
    }

    #[test]
    fn levels_0_to_3_are_projections_of_the_wire_superset() {
        let mut all = UserAll::from_sampr(&sampr(), 1_700_000_000);
        all.r#priv = con::USER_PRIV_USER;
        let Some(UserInfo::L0(u0)) = UserInfo::project(0, &all) else {
            panic!("level 0")
        };
        assert_eq!(
            u0,
            UserInfo0 {
                name: Some("alice".into())
            }
        );
        let Some(UserInfo::L1(u1)) = UserInfo::project(1, &all) else {
            panic!("level 1")
        };
        assert_eq!(
            *u1,
            UserInfo1 {
                name: Some("alice".into()),
                password: None,
                password_age: 3600,
                r#priv: 1,
                home_dir: Some("\\\\fs\\home\\alice".into()),
                comment: Some("admin says".into()),
                flags: con::UF_SCRIPT | con::UF_NORMAL_ACCOUNT | con::UF_DONT_EXPIRE_PASSWD,
                script_path: None,
            }
        );
        let Some(UserInfo::L2(u2)) = UserInfo::project(2, &all) else {
            panic!("level 2")
        };
        assert_eq!(
            (u2.full_name.as_deref(), u2.usr_comment.as_deref()),
            (Some("Alice A."), Some("user says"))
        );
        assert_eq!((u2.last_logon, u2.last_logoff), (1_700_000_000, 0));
        assert_eq!(u2.acct_expires, con::TIMEQ_FOREVER, "never expires");
        assert_eq!(u2.max_storage, con::USER_MAXSTORAGE_UNLIMITED);
        assert_eq!(
            (u2.units_per_week, u2.logon_hours.as_ref().map(Vec::len)),
            (168, Some(21))
        );
        assert_eq!((u2.num_logons, u2.country_code, u2.code_page), (7, 49, 850));
        assert_eq!(u2.logon_server.as_deref(), Some("\\\\*"));
        let Some(UserInfo::L3(u3)) = UserInfo::project(3, &all) else {
            panic!("level 3")
        };
        assert_eq!(
            (u3.user_id, u3.primary_group_id, u3.password_expired),
            (1105, 513, 0)
        );
        assert_eq!(u3.password, None, "passwords are never returned");
    }

    #[test]
    fn a_set_sends_exactly_the_fields_of_its_level() {
        let u1: UserInfo = UserInfo1 {
            name: Some("bob".into()),
            password: Some("Pw.1234567".into()),
            r#priv: con::USER_PRIV_USER,
            home_dir: Some("H:\\".into()),
            comment: Some("c".into()),
            flags: con::UF_SCRIPT | con::UF_NORMAL_ACCOUNT | con::UF_ACCOUNTDISABLE,
            script_path: Some("logon.bat".into()),
            ..UserInfo1::default()
        }
        .into();
        let (all, fields) = u1.to_all();
        let w = all.to_sampr(fields);
        assert_eq!(
            w.which_fields,
            wf::USER_ALL_USERNAME
                | wf::USER_ALL_HOMEDIRECTORY
                | wf::USER_ALL_ADMINCOMMENT
                | wf::USER_ALL_USERACCOUNTCONTROL
                | wf::USER_ALL_SCRIPTPATH,
            "name, home_dir, comment, flags, script_path; not priv, password or password_age"
        );
        assert_eq!(w.user_name.to_string_lossy().as_deref(), Some("bob"));
        assert_eq!(
            w.user_account_control,
            acb::USER_NORMAL_ACCOUNT | acb::USER_ACCOUNT_DISABLED
        );
        assert_eq!(
            all.password.as_ref().map(Password::expose),
            Some("Pw.1234567")
        );
        // Level 0 (a rename) sends the name alone; 1008 the flags alone.
        let (all, f) = UserInfo::from(UserInfo0 {
            name: Some("carol".into()),
        })
        .to_all();
        assert_eq!(all.to_sampr(f).which_fields, wf::USER_ALL_USERNAME);
        let (all, f) = UserInfo::from(crate::info::UserInfo1008 {
            flags: con::UF_NORMAL_ACCOUNT,
        })
        .to_all();
        assert_eq!(
            all.to_sampr(f).which_fields,
            wf::USER_ALL_USERACCOUNTCONTROL
        );
        // Level 2 and 3 add their own fields, with times and hours converted.
        let u3: UserInfo = UserInfo3 {
            full_name: Some("F".into()),
            parms: Some(String::new()),
            profile: Some("\\\\fs\\p".into()),
            acct_expires: con::TIMEQ_FOREVER,
            logon_hours: Some(vec![0; 21]),
            units_per_week: 168,
            primary_group_id: 513,
            country_code: 1,
            ..UserInfo3::default()
        }
        .into();
        let (all, f) = u3.to_all();
        let w = all.to_sampr(f);
        assert_eq!(w.account_expires.to_i64(), 0, "never");
        assert_eq!(w.logon_hours.logon_hours.as_deref(), Some(&[0u8; 21][..]));
        assert_eq!((w.primary_group_id, w.country_code), (513, 1));
        for bit in [
            wf::USER_ALL_FULLNAME,
            wf::USER_ALL_PARAMETERS,
            wf::USER_ALL_LOGONHOURS,
            wf::USER_ALL_ACCOUNTEXPIRES,
            wf::USER_ALL_PROFILEPATH,
            wf::USER_ALL_PASSWORDEXPIRED,
            wf::USER_ALL_PRIMARYGROUPID,
        ] {
            assert_ne!(w.which_fields & bit, 0, "level 3 sends bit {bit:#x}");
        }
        // Read-only fields (user_id, counters, last logon) never reach the wire mask.
        assert_eq!(
            w.which_fields
                & (wf::USER_ALL_USERID | wf::USER_ALL_LOGONCOUNT | wf::USER_ALL_LASTLOGON),
            0
        );
        let (_, f2) = UserInfo::from(UserInfo2::default()).to_all();
        assert_eq!(f2 & field::user_id, 0);
        // NULL strings and hours leave their fields alone; an empty string clears one.
        let (all, f) = UserInfo::from(UserInfo2 {
            parms: Some(String::new()),
            ..UserInfo2::default()
        })
        .to_all();
        let w = all.to_sampr(f);
        assert_eq!(
            w.which_fields
                & (wf::USER_ALL_FULLNAME | wf::USER_ALL_HOMEDIRECTORY | wf::USER_ALL_LOGONHOURS),
            0
        );
        assert_ne!(
            w.which_fields & wf::USER_ALL_PARAMETERS,
            0,
            "parms is empty, not NULL"
        );
    }

    #[test]
    fn account_flags_round_trip_through_the_acb_bits() {
        let table = [
            con::UF_ACCOUNTDISABLE,
            con::UF_LOCKOUT,
            con::UF_DONT_EXPIRE_PASSWD,
            con::UF_PASSWD_NOTREQD,
            con::UF_HOMEDIR_REQUIRED,
            UF_PASSWORD_EXPIRED,
            UF_TRUSTED_FOR_DELEGATION,
            UF_NOT_DELEGATED,
            UF_SMARTCARD_REQUIRED,
            UF_DONT_REQUIRE_PREAUTH,
            con::UF_NORMAL_ACCOUNT,
            con::UF_WORKSTATION_TRUST_ACCOUNT,
            con::UF_SERVER_TRUST_ACCOUNT,
            con::UF_INTERDOMAIN_TRUST_ACCOUNT,
            con::UF_TEMP_DUPLICATE_ACCOUNT,
        ];
        for uf in table {
            let acb = UF_ACB.to_theirs(uf);
            assert_eq!(acb.count_ones(), 1, "{uf:#x} maps to one ACB bit");
            assert_eq!(UF_ACB.to_ours(acb), uf, "{uf:#x} reads back");
        }
        // UF_SCRIPT is reported set and not sent.
        assert_eq!(UF_ACB.to_theirs(con::UF_SCRIPT), 0);
        let read = UserAll::from_sampr(
            &SamprUserAllInformation {
                user_account_control: acb::USER_NORMAL_ACCOUNT,
                ..Default::default()
            },
            0,
        );
        assert_eq!(read.flags, con::UF_SCRIPT | con::UF_NORMAL_ACCOUNT);
    }
}
