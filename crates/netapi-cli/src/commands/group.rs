//! `group` verbs (global groups of the server's account domain, [MS-SAMR]): `list` →
//! NetGroupEnum, `get` → NetGroupGetInfo, `add` → NetGroupAdd, `set` → NetGroupSetInfo, `del`
//! → NetGroupDel, `members` → NetGroupGetUsers, `add-member` / `del-member` →
//! NetGroupAddUser / NetGroupDelUser, `set-members` → NetGroupSetUsers. A user's side of it
//! (NetUserGetGroups, NetUserSetGroups) is `user groups` / `user set-groups`.
//!
//! `add` and `set` take pywin32's keys (`--field comment=…`, `--field attributes=7`) and send
//! the narrowest level carrying them: `set --comment` is level 1002, `--field attributes=` 1005,
//! `--field name=NEW` (alone) renames with level 0; both together read level 2, change it and
//! write it back.

use clap::Subcommand;
use netapi::info::{GroupInfo, GroupUsersInfo};
use serde_json::{Map, Value};

use super::Ctx;
use super::fields::{self, Change, Plan};
use crate::CliError;
use crate::args::{levels, parse_field};
use crate::output::Output;
use crate::table::{Column, Dict, dword, plain, text};

/// `group` verbs.
#[derive(Subcommand, Debug)]
pub enum GroupCmd {
    /// List global groups (NetGroupEnum)
    List {
        /// Information level: 0 names, 1 comments, 2 RIDs and attributes, 3 SIDs and attributes
        #[arg(long, default_value_t = 1, value_parser = levels(GroupInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// Show one global group (NetGroupGetInfo)
    Get {
        /// Group name
        name: String,
        /// Information level
        #[arg(long, default_value_t = 2, value_parser = levels(GroupInfo::GET_LEVELS))]
        level: u32,
    },
    /// Create a global group (NetGroupAdd)
    Add {
        /// Group name
        name: String,
        /// Comment (`--field comment=TEXT`)
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
        /// A field as pywin32 names it, e.g. `--field attributes=7`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the fields
        #[arg(long, value_parser = levels(GroupInfo::ADD_LEVELS))]
        level: Option<u32>,
    },
    /// Change a global group (NetGroupSetInfo): the smallest level carrying the fields
    /// (1002 comment, 1005 attributes, 0 a new name given alone as `--field name=NEW`);
    /// otherwise reads level 2, changes it and writes it back
    Set {
        /// Group name
        name: String,
        /// New comment (`--field comment=TEXT`)
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
        /// A field as pywin32 names it, e.g. `--field attributes=7`, `--field name=NEW`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the fields
        #[arg(long, value_parser = levels(GroupInfo::SET_LEVELS))]
        level: Option<u32>,
    },
    /// Delete a global group (NetGroupDel); its members are removed first
    Del {
        /// Group name
        name: String,
    },
    /// List the members of a global group (NetGroupGetUsers)
    Members {
        /// Group name
        name: String,
        /// Information level: 0 names, 1 names and attributes
        #[arg(long, default_value_t = 1, value_parser = levels(GroupUsersInfo::GET_LEVELS))]
        level: u32,
    },
    /// Add a user to a global group (NetGroupAddUser)
    AddMember {
        /// Group name
        name: String,
        /// User name
        member: String,
    },
    /// Remove a user from a global group (NetGroupDelUser)
    DelMember {
        /// Group name
        name: String,
        /// User name
        member: String,
    },
    /// Make these users the whole membership of a global group (NetGroupSetUsers); no user
    /// empties it
    SetMembers {
        /// Group name
        name: String,
        /// User names
        users: Vec<String>,
    },
}

/// Run one `group` verb.
pub fn run(cmd: &GroupCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        GroupCmd::List { level } => {
            let groups = ctx
                .client()?
                .group_enum_pages(*level, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: groups.iter().map(GroupInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        GroupCmd::Get { name, level } => {
            let g = ctx.client()?.group_get_info_level(name, *level)?;
            Ok(Output::Record {
                value: g.to_json(),
                field,
            })
        }
        GroupCmd::Add {
            name,
            comment,
            fields,
            level,
        } => {
            let info = new_group(name, comment.as_deref(), fields, *level)?;
            ctx.client()?.group_add(&info)?;
            Ok(Output::Done("NetGroupAdd"))
        }
        GroupCmd::Set {
            name,
            comment,
            fields,
            level,
        } => {
            let changes = with_comment(comment.as_deref(), fields);
            renames_alone("group", &changes)?;
            let read = |l| Ok(ctx.client()?.group_get_info_level(name, l)?);
            let info = fields::planned::<GroupInfo>("group", SET_ORDER, *level, &changes, read)?;
            ctx.client()?.group_set_info(name, &info)?;
            Ok(Output::Done("NetGroupSetInfo"))
        }
        GroupCmd::Del { name } => {
            ctx.client()?.group_del(name)?;
            Ok(Output::Done("NetGroupDel"))
        }
        GroupCmd::Members { name, level } => {
            let members = ctx
                .client()?
                .group_get_users_pages(name, *level, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: members.iter().map(GroupUsersInfo::to_json).collect(),
                columns: member_columns(*level),
            })
        }
        GroupCmd::AddMember { name, member } => {
            ctx.client()?.group_add_user(name, member)?;
            Ok(Output::Done("NetGroupAddUser"))
        }
        GroupCmd::DelMember { name, member } => {
            ctx.client()?.group_del_user(name, member)?;
            Ok(Output::Done("NetGroupDelUser"))
        }
        GroupCmd::SetMembers { name, users } => {
            ctx.client()?.group_set_users(name, 0, &entries(users))?;
            Ok(Output::Done("NetGroupSetUsers"))
        }
    }
}

/// Level-0 entries (`GROUP_USERS_INFO_0`) for `names`.
pub(super) fn entries(names: &[String]) -> Vec<GroupUsersInfo> {
    names
        .iter()
        .filter_map(|n| GroupUsersInfo::new(0, n.clone(), 0))
        .collect()
}

/// The levels `group set` may send, narrowest first: the comment alone (1002), the attributes
/// alone (1005), a new name alone (0), then comment and attributes (2).
const SET_ORDER: &[u32] = &[1002, 1005, 0, 2];

/// The levels `group add` may send, narrowest first.
const ADD_ORDER: &[u32] = &[0, 1, 2];

/// `--comment` first, then the `--field`s.
pub fn with_comment(comment: Option<&str>, fields: &[Change]) -> Vec<Change> {
    comment
        .map(|c| ("comment".to_string(), c.to_string()))
        .into_iter()
        .chain(fields.iter().cloned())
        .collect()
}

/// A rename (`--field name=NEW`) must come alone: the levels that carry a name besides other
/// fields ignore it in a set.
pub fn renames_alone(what: &str, changes: &[Change]) -> Result<(), CliError> {
    if changes.len() > 1 && changes.iter().any(|(k, _)| k == "name") {
        return Err(CliError::usage(format!(
            "{what} set: rename with `--field name=NEW` alone (the other levels ignore the name)"
        )));
    }
    Ok(())
}

/// The group `add` creates: the narrowest of levels 0, 1, 2 carrying the name and fields.
pub fn new_group(
    name: &str,
    comment: Option<&str>,
    fields: &[Change],
    level: Option<u32>,
) -> Result<GroupInfo, CliError> {
    let mut changes = vec![("name".to_string(), name.to_string())];
    changes.extend(with_comment(comment, fields));
    match fields::plan::<GroupInfo>("group", ADD_ORDER, level, &changes)? {
        Plan::Write(info) => Ok(info),
        Plan::ReadModifyWrite(level) => {
            let empty = GroupInfo::from_json(level, Value::Object(Map::new()))
                .map_err(|e| CliError::usage(format!("group level {level}: {e}")))?;
            fields::apply("group", empty, &changes)
        }
    }
}

const NAME: Column = Column::new("NAME", |d| text(d, "name"));
const RID: Column = Column::new("RID", |d| text(d, "group_id"));
const SID: Column = Column::new("SID", |d| text(d, "group_sid"));
const ATTRIBUTES: Column = Column::new("ATTRIBUTES", |d| attributes(dword(d, "attributes")));
const COMMENT: Column = Column::new("COMMENT", |d| text(d, "comment"));

/// Table columns for a group list at `level`.
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![NAME],
        1 => vec![NAME, COMMENT],
        2 => vec![NAME, RID, ATTRIBUTES, COMMENT],
        _ => vec![NAME, SID, ATTRIBUTES, COMMENT],
    }
}

/// Table columns for a member list (or a user's groups) at `level`.
pub fn member_columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![NAME],
        _ => vec![NAME, ATTRIBUTES],
    }
}

/// `SE_GROUP_*` bits by name (`mandatory,enabled-by-default,enabled`), hex for others.
pub fn attributes(a: u32) -> String {
    const NAMES: &[(u32, &str)] = &[
        (0x1, "mandatory"),
        (0x2, "enabled-by-default"),
        (0x4, "enabled"),
    ];
    let mut out: Vec<String> = NAMES
        .iter()
        .filter(|(bit, _)| a & bit != 0)
        .map(|(_, n)| n.to_string())
        .collect();
    let rest = a & !0x7;
    if rest != 0 {
        out.push(format!("0x{rest:x}"));
    }
    if out.is_empty() {
        "-".to_string()
    } else {
        out.join(",")
    }
}

/// One value of a group dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    match key {
        "attributes" => format!("0x{:x} ({})", dword(d, key), attributes(dword(d, key))),
        _ => plain(d.get(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netapi::info::{GroupInfo0, GroupInfo1, GroupInfo1002, GroupInfo1005};

    fn ch(k: &str, v: &str) -> Change {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn add_sends_the_narrowest_level() {
        assert_eq!(
            new_group("g", None, &[], None).unwrap(),
            GroupInfo0 {
                name: Some("g".into())
            }
            .into()
        );
        assert_eq!(
            new_group("g", Some("c"), &[], None).unwrap(),
            GroupInfo1 {
                name: Some("g".into()),
                comment: Some("c".into())
            }
            .into()
        );
        let GroupInfo::L2(g) = new_group("g", None, &[ch("attributes", "7")], None).unwrap() else {
            panic!("not level 2")
        };
        assert_eq!(
            (g.name.as_deref(), g.attributes, g.comment),
            (Some("g"), 7, None)
        );
        assert!(new_group("g", None, &[ch("attributes", "x")], None).is_err());
        assert!(new_group("g", None, &[ch("nosuch", "1")], None).is_err());
    }

    #[test]
    fn set_sends_the_narrowest_level_and_renames_alone() {
        let plan =
            |changes: &[Change]| fields::plan::<GroupInfo>("group", SET_ORDER, None, changes);
        assert_eq!(
            plan(&[ch("comment", "c")]).unwrap(),
            Plan::Write(
                GroupInfo1002 {
                    comment: Some("c".into())
                }
                .into()
            )
        );
        assert_eq!(
            plan(&[ch("attributes", "3")]).unwrap(),
            Plan::Write(GroupInfo1005 { attributes: 3 }.into())
        );
        assert_eq!(
            plan(&[ch("name", "new")]).unwrap(),
            Plan::Write(
                GroupInfo0 {
                    name: Some("new".into())
                }
                .into()
            )
        );
        assert_eq!(
            plan(&[ch("comment", "c"), ch("attributes", "3")]).unwrap(),
            Plan::ReadModifyWrite(2)
        );
        assert!(renames_alone("group", &[ch("name", "n"), ch("comment", "c")]).is_err());
        assert!(renames_alone("group", &[ch("name", "n")]).is_ok());
    }

    #[test]
    fn attributes_read_as_names() {
        assert_eq!(attributes(7), "mandatory,enabled-by-default,enabled");
        assert_eq!(attributes(0), "-");
        assert_eq!(attributes(0x20000004), "enabled,0x20000000");
    }
}
