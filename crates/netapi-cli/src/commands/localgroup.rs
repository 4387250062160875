//! `localgroup` verbs (aliases of BUILTIN and of the account domain, [MS-SAMR] with names and
//! SIDs through [MS-LSAT]): `list` → NetLocalGroupEnum, `get` → NetLocalGroupGetInfo, `add` →
//! NetLocalGroupAdd, `set` → NetLocalGroupSetInfo, `del` → NetLocalGroupDel, `members` →
//! NetLocalGroupGetMembers, `add-member` / `del-member` → NetLocalGroupAddMembers /
//! NetLocalGroupDelMembers, `set-members` → NetLocalGroupSetMembers. A user's local groups
//! (NetUserGetLocalGroups) are `user localgroups`.
//!
//! Members are given as `DOMAIN\name` or `name` (sent at level 3, resolved by the server) or
//! as SID strings `S-1-5-…` (level 0); one command takes one kind.

use clap::Subcommand;
use netapi::info::{LocalGroupInfo, LocalGroupInfo1, LocalGroupMembersInfo, Sid};
use serde_json::json;

use super::Ctx;
use super::fields;
use super::group::{renames_alone, with_comment};
use crate::CliError;
use crate::args::{levels, parse_field};
use crate::output::Output;
use crate::table::{Column, Dict, dword, plain, text};

/// `localgroup` verbs.
#[derive(Subcommand, Debug)]
pub enum LocalGroupCmd {
    /// List local groups, BUILTIN's then the account domain's (NetLocalGroupEnum)
    List {
        /// Information level: 0 names, 1 names and comments
        #[arg(long, default_value_t = 1, value_parser = levels(LocalGroupInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// Show one local group (NetLocalGroupGetInfo, level 1)
    Get {
        /// Local group name
        name: String,
    },
    /// Create a local group in the account domain (NetLocalGroupAdd)
    Add {
        /// Local group name
        name: String,
        /// Comment
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
    },
    /// Change a local group (NetLocalGroupSetInfo): `--comment` (level 1002) or a new name
    /// given alone as `--field name=NEW` (level 0)
    Set {
        /// Local group name
        name: String,
        /// New comment (`--field comment=TEXT`)
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
        /// A field as pywin32 names it: `comment=TEXT` or `name=NEW`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the fields
        #[arg(long, value_parser = levels(LocalGroupInfo::SET_LEVELS))]
        level: Option<u32>,
    },
    /// Delete a local group (NetLocalGroupDel)
    Del {
        /// Local group name
        name: String,
    },
    /// List the members of a local group (NetLocalGroupGetMembers)
    Members {
        /// Local group name
        name: String,
        /// Information level: 0 SIDs, 1 SIDs, kinds and names, 2 SIDs, kinds and DOMAIN\name,
        /// 3 DOMAIN\name
        #[arg(long, default_value_t = 2, value_parser = levels(LocalGroupMembersInfo::GET_LEVELS))]
        level: u32,
    },
    /// Add members (`DOMAIN\name`, `name` or SID strings) to a local group
    /// (NetLocalGroupAddMembers); all or none are added
    AddMember {
        /// Local group name
        name: String,
        /// Members
        #[arg(required = true)]
        members: Vec<String>,
    },
    /// Remove members from a local group (NetLocalGroupDelMembers); all or none are removed
    DelMember {
        /// Local group name
        name: String,
        /// Members
        #[arg(required = true)]
        members: Vec<String>,
    },
    /// Make these members the whole membership of a local group (NetLocalGroupSetMembers); no
    /// member empties it
    SetMembers {
        /// Local group name
        name: String,
        /// Members
        members: Vec<String>,
    },
}

/// Run one `localgroup` verb.
pub fn run(cmd: &LocalGroupCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        LocalGroupCmd::List { level } => {
            let groups = ctx
                .client()?
                .local_group_enum_pages(*level, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: groups.iter().map(LocalGroupInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        LocalGroupCmd::Get { name } => {
            let g = ctx.client()?.local_group_get_info_level(name, 1)?;
            Ok(Output::Record {
                value: g.to_json(),
                field,
            })
        }
        LocalGroupCmd::Add { name, comment } => {
            let info = LocalGroupInfo1 {
                name: Some(name.clone()),
                comment: comment.clone(),
            };
            ctx.client()?.local_group_add(&info.into())?;
            Ok(Output::Done("NetLocalGroupAdd"))
        }
        LocalGroupCmd::Set {
            name,
            comment,
            fields,
            level,
        } => {
            let changes = with_comment(comment.as_deref(), fields);
            renames_alone("localgroup", &changes)?;
            let read = |l| Ok(ctx.client()?.local_group_get_info_level(name, l)?);
            let info = fields::planned("localgroup", SET_ORDER, *level, &changes, read)?;
            ctx.client()?.local_group_set_info(name, &info)?;
            Ok(Output::Done("NetLocalGroupSetInfo"))
        }
        LocalGroupCmd::Del { name } => {
            ctx.client()?.local_group_del(name)?;
            Ok(Output::Done("NetLocalGroupDel"))
        }
        LocalGroupCmd::Members { name, level } => {
            let members = ctx
                .client()?
                .local_group_get_members_pages(name, *level, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: members.iter().map(LocalGroupMembersInfo::to_json).collect(),
                columns: member_columns(*level),
            })
        }
        LocalGroupCmd::AddMember { name, members } => {
            let (level, entries) = member_entries(members)?;
            ctx.client()?
                .local_group_add_members(name, level, &entries)?;
            Ok(Output::Done("NetLocalGroupAddMembers"))
        }
        LocalGroupCmd::DelMember { name, members } => {
            let (level, entries) = member_entries(members)?;
            ctx.client()?
                .local_group_del_members(name, level, &entries)?;
            Ok(Output::Done("NetLocalGroupDelMembers"))
        }
        LocalGroupCmd::SetMembers { name, members } => {
            let (level, entries) = member_entries(members)?;
            ctx.client()?
                .local_group_set_members(name, level, &entries)?;
            Ok(Output::Done("NetLocalGroupSetMembers"))
        }
    }
}

/// The levels `localgroup set` may send, narrowest first: the comment alone (1002), a new name
/// alone (0).
const SET_ORDER: &[u32] = &[1002, 0];

/// The entries for member arguments: SID strings at level 0, names at level 3.
pub fn member_entries(members: &[String]) -> Result<(u32, Vec<LocalGroupMembersInfo>), CliError> {
    let sids: Vec<Option<Sid>> = members
        .iter()
        .map(|m| {
            m.get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("S-1-"))
                .then(|| m.parse::<Sid>())
                .transpose()
                .map_err(|e| CliError::usage(e.to_string()))
        })
        .collect::<Result<_, _>>()?;
    let all_sids = !sids.is_empty() && sids.iter().all(Option::is_some);
    if !all_sids && sids.iter().any(Option::is_some) {
        return Err(CliError::usage(
            "give members either all as SIDs or all as names (one call sends one level)",
        ));
    }
    let level = if all_sids { 0 } else { 3 };
    let entries = members
        .iter()
        .map(|m| {
            let v = if all_sids {
                json!({ "sid": m })
            } else {
                json!({ "domainandname": m })
            };
            LocalGroupMembersInfo::from_json(level, v)
                .map_err(|e| CliError::usage(format!("member {m:?}: {e}")))
        })
        .collect::<Result<_, _>>()?;
    Ok((level, entries))
}

const NAME: Column = Column::new("NAME", |d| text(d, "name"));
const COMMENT: Column = Column::new("COMMENT", |d| text(d, "comment"));
const SID: Column = Column::new("SID", |d| text(d, "sid"));
const KIND: Column = Column::new("KIND", |d| sid_usage(dword(d, "sidusage")));
const MEMBER: Column = Column::new("MEMBER", |d| text(d, "domainandname"));

/// Table columns for a local group list at `level`.
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![NAME],
        _ => vec![NAME, COMMENT],
    }
}

/// Table columns for a member list at `level`.
pub fn member_columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![SID],
        1 => vec![NAME, KIND, SID],
        2 => vec![MEMBER, KIND, SID],
        _ => vec![MEMBER],
    }
}

/// A `SID_NAME_USE` by name.
pub fn sid_usage(u: u32) -> String {
    match u {
        1 => "user",
        2 => "group",
        3 => "domain",
        4 => "alias",
        5 => "well-known group",
        6 => "deleted account",
        7 => "invalid",
        8 => "unknown",
        9 => "computer",
        10 => "label",
        _ => return u.to_string(),
    }
    .to_string()
}

/// One value of a local group dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    plain(d.get(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::fields::{Change, Plan};

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn members_are_sids_or_names_never_both() {
        let (level, e) = member_entries(&s(&["S-1-5-32-545", "s-1-1-0"])).unwrap();
        assert_eq!((level, e.len()), (0, 2));
        assert_eq!(e[0].sid().unwrap().to_string(), "S-1-5-32-545");
        let (level, e) = member_entries(&s(&["FILESRV\\bob", "alice"])).unwrap();
        assert_eq!((level, e[1].domainandname()), (3, Some("alice")));
        assert!(member_entries(&s(&["S-1-5-32-545", "bob"])).is_err());
        assert!(member_entries(&s(&["S-1-5-x"])).is_err());
        // No member: an empty membership (set-members), sent at level 3.
        assert_eq!(member_entries(&[]).unwrap().0, 3);
    }

    #[test]
    fn set_sends_the_comment_or_a_rename() {
        let plan = |c: &[Change]| fields::plan::<LocalGroupInfo>("localgroup", SET_ORDER, None, c);
        let c = [("comment".to_string(), "x".to_string())];
        assert!(matches!(
            plan(&c).unwrap(),
            Plan::Write(LocalGroupInfo::L1002(_))
        ));
        let n = [("name".to_string(), "x".to_string())];
        assert!(matches!(
            plan(&n).unwrap(),
            Plan::Write(LocalGroupInfo::L0(_))
        ));
    }

    #[test]
    fn kinds_read_as_names() {
        assert_eq!(sid_usage(1), "user");
        assert_eq!(sid_usage(8), "unknown");
        assert_eq!(sid_usage(42), "42");
    }
}
