//! `user` verbs: `list` → NetUserEnum, `get` → NetUserGetInfo, `add` → NetUserAdd, `set` →
//! NetUserSetInfo, `del` → NetUserDel, `password` → NetUserChangePassword, `display` →
//! NetQueryDisplayInformation, `groups` → NetUserGetGroups, `set-groups` → NetUserSetGroups,
//! `localgroups` → NetUserGetLocalGroups ([MS-SAMR] through netapi's SAMR sessions).
//!
//! `add` and `set` take `--field KEY=VALUE` with pywin32's keys (`commands::fields`) and send
//! the narrowest level carrying them, as `net user` does: `set --field comment=x` is level 1007,
//! `--field name=new` is level 0 (a rename), a mix is read from the account at the narrowest
//! of levels 1–4 that has every key, changed and written back. `add` starts from an enabled
//! normal account (`UF_SCRIPT | UF_NORMAL_ACCOUNT`, `USER_PRIV_USER`) and asks for the
//! password when a terminal is attached and none is given.

use netapi::con;
use netapi::info::{DisplayInfo, GroupUsersInfo, UserInfo};
use serde_json::Value;

use super::Ctx;
use super::fields::{self, Change, Plan};
use crate::CliError;
use crate::args::UserCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Column, Dict, dword, num, plain, text};

/// The levels `user set` may send, narrowest first (0 is the rename; 1003 the password).
const SET_ORDER: &[u32] = &[
    0, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1014, 1017, 1020, 1024, 1051, 1052,
    1053, 1, 2, 3, 4,
];

/// The levels `user add` may send, narrowest first.
const ADD_ORDER: &[u32] = &[1, 2, 3, 4];

/// Run one `user` verb.
pub fn run(cmd: &UserCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        UserCmd::List {
            level,
            filter,
            all_types,
        } => {
            let filter = if *all_types {
                0
            } else if filter.is_empty() {
                con::FILTER_NORMAL_ACCOUNT
            } else {
                filter.iter().fold(0, |acc, f| acc | f.value())
            };
            let users = ctx
                .client()?
                .user_enum_pages(*level, filter, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: users.iter().map(UserInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        UserCmd::Get { name, level } => {
            let user = ctx.client()?.user_get_info_level(name, *level)?;
            Ok(Output::Record {
                value: user.to_json(),
                field,
            })
        }
        UserCmd::Add {
            name,
            user_password,
            no_password,
            fields,
            level,
        } => {
            let info = new_user(name, fields, *level)?;
            let password = match (user_password, no_password) {
                (Some(p), _) => Some(p.clone()),
                (None, true) => None,
                (None, false) => ctx.ask_secret(&format!("Password for the new account {name}"))?,
            };
            let info = with_password(info, password)?;
            ctx.client()?.user_add(&info)?;
            Ok(Output::Done("NetUserAdd"))
        }
        UserCmd::Set {
            name,
            fields,
            level,
        } => {
            let info = match fields::plan::<UserInfo>("user", SET_ORDER, *level, fields)? {
                Plan::Write(info) => info,
                Plan::ReadModifyWrite(level) => {
                    let current = if UserInfo::GET_LEVELS.contains(&level) {
                        ctx.client()?.user_get_info_level(name, level)?
                    } else {
                        // NetUserGetInfo has no 10xx levels; level 3 carries all their fields.
                        let wide = ctx.client()?.user_get_info_level(name, 3)?;
                        UserInfo::from_json(level, wide.to_json())
                            .map_err(|e| CliError::usage(format!("user level {level}: {e}")))?
                    };
                    fields::apply("user", current, fields)?
                }
            };
            ctx.client()?.user_set_info(name, &info)?;
            Ok(Output::Done("NetUserSetInfo"))
        }
        UserCmd::Del { name } => {
            ctx.client()?.user_del(name)?;
            Ok(Output::Done("NetUserDel"))
        }
        UserCmd::Password { name, old, new } => {
            let ask = |given: &Option<String>, what: &str| -> Result<String, CliError> {
                match given {
                    Some(p) => Ok(p.clone()),
                    None => ctx.ask_secret(what)?.ok_or_else(|| {
                        CliError::usage(format!(
                            "user password: no {what} (give --old and --new; there is no terminal to ask on)"
                        ))
                    }),
                }
            };
            let old = ask(old, "current password")?;
            let new = ask(new, "new password")?;
            ctx.client()?
                .user_change_password(name.as_deref(), &old, &new)?;
            Ok(Output::Done("NetUserChangePassword"))
        }
        UserCmd::Display { level } => {
            let entries = ctx
                .client()?
                .query_display_information_pages(*level, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: entries.iter().map(DisplayInfo::to_json).collect(),
                columns: display_columns(*level),
            })
        }
        UserCmd::Groups { name } => {
            let groups = ctx.client()?.user_get_groups_level(name, 1)?;
            Ok(Output::List {
                rows: groups.iter().map(GroupUsersInfo::to_json).collect(),
                columns: super::group::member_columns(1),
            })
        }
        UserCmd::SetGroups { name, groups } => {
            ctx.client()?
                .user_set_groups(name, 0, &super::group::entries(groups))?;
            Ok(Output::Done("NetUserSetGroups"))
        }
        UserCmd::Localgroups { name, direct } => {
            let flags = if *direct { 0 } else { con::LG_INCLUDE_INDIRECT };
            let groups = ctx.client()?.user_get_local_groups_level(name, 0, flags)?;
            Ok(Output::Strings(
                groups
                    .iter()
                    .filter_map(|g| g.to_json()["name"].as_str().map(str::to_string))
                    .collect(),
            ))
        }
    }
}

/// The account `user add` creates: `name` at the narrowest of levels 1–4 carrying `fields` (or
/// `forced`), an enabled normal account with `USER_PRIV_USER` unless the fields say otherwise.
pub fn new_user(name: &str, changes: &[Change], forced: Option<u32>) -> Result<UserInfo, CliError> {
    if changes.iter().any(|(k, _)| k == "name" || k == "password") {
        return Err(CliError::usage(
            "user add: the name is the first argument and the password --user-password",
        ));
    }
    let level = match forced {
        Some(l) => l,
        None if changes.is_empty() => 1,
        None => match fields::plan::<UserInfo>("user", ADD_ORDER, None, changes)? {
            Plan::Write(info) => info.level(),
            Plan::ReadModifyWrite(l) => l,
        },
    };
    let base = serde_json::json!({
        "name": name,
        "priv": con::USER_PRIV_USER,
        "flags": con::UF_SCRIPT | con::UF_NORMAL_ACCOUNT,
        "units_per_week": con::UNITS_PER_WEEK,
        "acct_expires": con::TIMEQ_FOREVER,
    });
    let start =
        UserInfo::from_json(level, base).map_err(|e| CliError::usage(format!("user add: {e}")))?;
    fields::apply("user", start, changes)
}

/// `info` with `password` set (levels 1–4 all carry one).
fn with_password(info: UserInfo, password: Option<String>) -> Result<UserInfo, CliError> {
    let mut value = info.to_json();
    if let (Some(p), Some(obj)) = (password, value.as_object_mut()) {
        obj.insert("password".into(), Value::String(p));
    }
    UserInfo::from_json(info.level(), value).map_err(|e| CliError::usage(format!("user add: {e}")))
}

/// `UF_*` bits by their `win32netcon` names without the prefix.
const FLAGS: &[(u32, &str)] = &[
    (con::UF_SCRIPT, "SCRIPT"),
    (con::UF_ACCOUNTDISABLE, "ACCOUNTDISABLE"),
    (con::UF_HOMEDIR_REQUIRED, "HOMEDIR_REQUIRED"),
    (con::UF_LOCKOUT, "LOCKOUT"),
    (con::UF_PASSWD_NOTREQD, "PASSWD_NOTREQD"),
    (con::UF_PASSWD_CANT_CHANGE, "PASSWD_CANT_CHANGE"),
    (0x80, "ENCRYPTED_TEXT_PASSWORD_ALLOWED"),
    (con::UF_TEMP_DUPLICATE_ACCOUNT, "TEMP_DUPLICATE_ACCOUNT"),
    (con::UF_NORMAL_ACCOUNT, "NORMAL_ACCOUNT"),
    (
        con::UF_INTERDOMAIN_TRUST_ACCOUNT,
        "INTERDOMAIN_TRUST_ACCOUNT",
    ),
    (
        con::UF_WORKSTATION_TRUST_ACCOUNT,
        "WORKSTATION_TRUST_ACCOUNT",
    ),
    (con::UF_SERVER_TRUST_ACCOUNT, "SERVER_TRUST_ACCOUNT"),
    (con::UF_DONT_EXPIRE_PASSWD, "DONT_EXPIRE_PASSWD"),
    (con::UF_MNS_LOGON_ACCOUNT, "MNS_LOGON_ACCOUNT"),
    (0x0004_0000, "SMARTCARD_REQUIRED"),
    (0x0008_0000, "TRUSTED_FOR_DELEGATION"),
    (0x0010_0000, "NOT_DELEGATED"),
    (0x0020_0000, "USE_DES_KEY_ONLY"),
    (0x0040_0000, "DONT_REQUIRE_PREAUTH"),
    (0x0080_0000, "PASSWORD_EXPIRED"),
    (0x0100_0000, "TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION"),
    (0x0200_0000, "NO_AUTH_DATA_REQUIRED"),
    (0x0400_0000, "PARTIAL_SECRETS_ACCOUNT"),
    (0x0800_0000, "USE_AES_KEYS"),
];

/// Account flags as names (`NORMAL_ACCOUNT,ACCOUNTDISABLE`), `SCRIPT` left out (always set),
/// unknown bits in hex.
pub fn user_flags(f: u32) -> String {
    let mut parts = Vec::new();
    let mut known = 0;
    for &(bit, name) in FLAGS {
        known |= bit;
        if f & bit != 0 && bit != con::UF_SCRIPT {
            parts.push(name.to_string());
        }
    }
    if f & !known != 0 {
        parts.push(format!("0x{:x}", f & !known));
    }
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(",")
    }
}

/// `priv` as a word.
pub fn privilege(p: u32) -> String {
    match p {
        con::USER_PRIV_GUEST => "guest".to_string(),
        con::USER_PRIV_USER => "user".to_string(),
        con::USER_PRIV_ADMIN => "admin".to_string(),
        other => other.to_string(),
    }
}

/// A time field (seconds since 1970): `never` for 0 or `TIMEQ_FOREVER`.
fn when(secs: u32) -> String {
    if secs == 0 || secs == con::TIMEQ_FOREVER {
        "never".to_string()
    } else {
        decode::unix_time(u64::from(secs))
    }
}

const NAME: Column = Column::new("NAME", |d| text(d, "name"));
const FULL_NAME: Column = Column::new("FULL NAME", |d| text(d, "full_name"));
const PRIV: Column = Column::new("PRIV", |d| privilege(dword(d, "priv")));
const FLAGS_COL: Column = Column::new("FLAGS", |d| user_flags(dword(d, "flags")));
const COMMENT: Column = Column::new("COMMENT", |d| text(d, "comment"));
const LAST_LOGON: Column = Column::new("LAST LOGON", |d| when(dword(d, "last_logon")));
const RID: Column = Column::new("RID", |d| text(d, "user_id"));
const SID: Column = Column::new("SID", |d| text(d, "user_sid"));

/// Table columns for a user list at `level`.
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![NAME],
        1 => vec![NAME, PRIV, FLAGS_COL, COMMENT],
        2 | 3 => vec![NAME, FULL_NAME, PRIV, FLAGS_COL, LAST_LOGON, COMMENT],
        10 => vec![NAME, FULL_NAME, COMMENT],
        11 => vec![NAME, FULL_NAME, PRIV, LAST_LOGON],
        20 => vec![NAME, RID, FULL_NAME, FLAGS_COL, COMMENT],
        _ => vec![NAME, SID, FULL_NAME, FLAGS_COL, COMMENT],
    }
}

/// Table columns for NetQueryDisplayInformation at `level`.
pub fn display_columns(level: u32) -> Vec<Column> {
    const GROUP_ID: Column = Column::new("RID", |d| text(d, "group_id"));
    const ATTRIBUTES: Column =
        Column::new("ATTRIBUTES", |d| format!("0x{:x}", dword(d, "attributes")));
    match level {
        1 => vec![NAME, RID, FLAGS_COL, FULL_NAME, COMMENT],
        2 => vec![NAME, RID, FLAGS_COL, COMMENT],
        _ => vec![NAME, GROUP_ID, ATTRIBUTES, COMMENT],
    }
}

/// One value of a user dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    match key {
        "flags" => format!("0x{:x} ({})", dword(d, key), user_flags(dword(d, key))),
        "priv" => privilege(dword(d, key)),
        "last_logon" | "last_logoff" | "acct_expires" => when(dword(d, key)),
        "password_age" => decode::duration(num(d, key)),
        "max_storage" if dword(d, key) == con::USER_MAXSTORAGE_UNLIMITED => "unlimited".into(),
        "password_expired" => plain(Some(&Value::Bool(num(d, key) != 0))),
        _ => plain(d.get(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(k: &str, v: &str) -> Change {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn set_sends_the_narrowest_level_as_net_user_does() {
        let level =
            |changes: &[Change]| match fields::plan::<UserInfo>("user", SET_ORDER, None, changes)
                .unwrap()
            {
                Plan::Write(info) => (info.level(), true),
                Plan::ReadModifyWrite(l) => (l, false),
            };
        assert_eq!(level(&[ch("comment", "x")]), (1007, true));
        assert_eq!(level(&[ch("flags", "0x201")]), (1008, true));
        assert_eq!(level(&[ch("name", "new")]), (0, true), "a rename");
        assert_eq!(level(&[ch("full_name", "F")]), (1011, true));
        assert_eq!(
            level(&[ch("comment", "x"), ch("flags", "0x201")]),
            (1, false)
        );
        assert_eq!(
            level(&[ch("comment", "x"), ch("full_name", "F")]),
            (2, false)
        );
        assert_eq!(level(&[ch("profile", "p"), ch("comment", "x")]), (3, false));
        // Read at level 3 (NetUserGetInfo has no 1020), written at 1020.
        assert_eq!(level(&[ch("logon_hours", "00ff")]), (1020, false));
        assert!(fields::plan::<UserInfo>("user", SET_ORDER, None, &[ch("nosuch", "1")]).is_err());
    }

    #[test]
    fn add_starts_from_an_enabled_normal_account() {
        let UserInfo::L1(u) = new_user("bob", &[], None).unwrap() else {
            panic!()
        };
        assert_eq!(u.name.as_deref(), Some("bob"));
        assert_eq!(
            (u.r#priv, u.flags),
            (con::USER_PRIV_USER, con::UF_SCRIPT | con::UF_NORMAL_ACCOUNT)
        );
        let u = new_user("bob", &[ch("full_name", "Bob B")], None).unwrap();
        assert_eq!(u.level(), 2);
        let UserInfo::L2(u) = u else { panic!() };
        assert_eq!(u.full_name.as_deref(), Some("Bob B"));
        assert_eq!(
            (u.units_per_week, u.acct_expires),
            (168, con::TIMEQ_FOREVER)
        );
        assert_eq!(
            new_user("bob", &[ch("profile", "p")], None)
                .unwrap()
                .level(),
            3
        );
        assert!(new_user("bob", &[ch("password", "x")], None).is_err());
        let with = with_password(new_user("bob", &[], None).unwrap(), Some("Pw".into())).unwrap();
        let UserInfo::L1(u) = with else { panic!() };
        assert_eq!(u.password.as_ref().map(|p| p.expose()), Some("Pw"));
    }

    #[test]
    fn flags_and_values_read_as_words() {
        assert_eq!(
            user_flags(con::UF_SCRIPT | con::UF_NORMAL_ACCOUNT),
            "NORMAL_ACCOUNT"
        );
        assert_eq!(
            user_flags(con::UF_ACCOUNTDISABLE | con::UF_NORMAL_ACCOUNT | 0x4),
            "ACCOUNTDISABLE,NORMAL_ACCOUNT,0x4"
        );
        assert_eq!(privilege(2), "admin");
        assert_eq!(when(con::TIMEQ_FOREVER), "never");
    }
}
