//! `share` verbs: `list` → NetShareEnum, `get` → NetShareGetInfo, `add` → NetShareAdd, `set` →
//! NetShareSetInfo, `del` → NetShareDel, `check` → NetShareCheck ([MS-SRVS] 3.1.4.7–3.1.4.14).
//!
//! `set` is the generic `--field KEY=VALUE` set of `commands::fields` (`--remark`, `--max-uses`
//! and `--path` are shorthands): it sends the smallest level that carries what was given, as
//! `net share` does — 1004 for a remark alone, 1006 for max-uses alone — and otherwise reads
//! level 502, changes it and writes it back, so fields the user did not mention (security
//! descriptor included) keep their values.
//! quirk(samba-4.17): level 1006 is refused with error 5 even for an administrator (impacket
//! gets the same), and `max_uses` written at level 502 is accepted but not stored.

use netapi::con::STYPE_DISKTREE;
use netapi::info::{ShareInfo, ShareInfo2, ShareInfo502, ShareInfo503};
use serde_json::json;

use super::Ctx;
use super::fields::{self, Change, Plan};
use crate::CliError;
use crate::args::ShareCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Column, Dict, blob_size, dword, plain, text};

/// Run one `share` verb.
pub fn run(cmd: &ShareCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        ShareCmd::List { level } => {
            let shares = ctx
                .client()?
                .share_enum_pages(*level, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: shares.iter().map(ShareInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        ShareCmd::Get { name, level } => {
            let share = ctx.client()?.share_get_info_level(name, *level)?;
            Ok(Output::Record {
                value: share.to_json(),
                field,
            })
        }
        ShareCmd::Add {
            name,
            path,
            remark,
            max_uses,
            level,
        } => {
            let info = new_share(*level, name, path, remark.as_deref(), *max_uses);
            ctx.client()?.share_add(&info)?;
            Ok(Output::Done("NetShareAdd"))
        }
        ShareCmd::Set {
            name,
            remark,
            max_uses,
            path,
            fields,
            level,
        } => {
            let changes = set_changes(remark.as_deref(), *max_uses, path.as_deref(), fields);
            let info = match fields::plan::<ShareInfo>("share", SET_ORDER, *level, &changes)? {
                Plan::Write(info) => info,
                Plan::ReadModifyWrite(level) => {
                    let current = ctx.client()?.share_get_info_level(name, level)?;
                    fields::apply("share", current, &changes)?
                }
            };
            ctx.client()?.share_set_info(name, &info)?;
            Ok(Output::Done("NetShareSetInfo"))
        }
        ShareCmd::Del { name } => {
            ctx.client()?.share_del(name)?;
            Ok(Output::Done("NetShareDel"))
        }
        ShareCmd::Check { device } => Ok(check_output(device, ctx.client()?.share_check(device)?)),
    }
}

/// The share `add` creates: a disk share at `level` (2, 502 or 503), unlimited uses unless given.
pub fn new_share(
    level: u32,
    name: &str,
    path: &str,
    remark: Option<&str>,
    max_uses: Option<u32>,
) -> ShareInfo {
    let l2 = ShareInfo2 {
        netname: Some(name.to_string()),
        r#type: STYPE_DISKTREE,
        remark: Some(remark.unwrap_or("").to_string()),
        permissions: 0,
        max_uses: max_uses.unwrap_or(decode::SHI_USES_UNLIMITED),
        current_uses: 0,
        path: Some(path.to_string()),
        passwd: None,
    };
    match level {
        502 => ShareInfo502 {
            netname: l2.netname,
            r#type: l2.r#type,
            remark: l2.remark,
            max_uses: l2.max_uses,
            path: l2.path,
            ..ShareInfo502::default()
        }
        .into(),
        503 => ShareInfo503 {
            netname: l2.netname,
            r#type: l2.r#type,
            remark: l2.remark,
            max_uses: l2.max_uses,
            path: l2.path,
            // `*`: the share belongs to the server under every name it answers to.
            servername: Some("*".to_string()),
            ..ShareInfo503::default()
        }
        .into(),
        _ => l2.into(),
    }
}

/// The levels `share set` may send, narrowest first: one setting alone (1004 remark, 1005
/// flags, 1006 max-uses, 1501 security descriptor), then the whole share (502; 503 for its
/// server name).
const SET_ORDER: &[u32] = &[1004, 1005, 1006, 1501, 502, 503];

/// The `--field` changes of `share set`, its own options first.
pub fn set_changes(
    remark: Option<&str>,
    max_uses: Option<u32>,
    path: Option<&str>,
    fields: &[Change],
) -> Vec<Change> {
    let own = [
        remark.map(|r| ("remark", r.to_string())),
        max_uses.map(|m| ("max_uses", m.to_string())),
        path.map(|p| ("path", p.to_string())),
    ];
    own.into_iter()
        .flatten()
        .map(|(k, v)| (k.to_string(), v))
        .chain(fields.iter().cloned())
        .collect()
}

/// NetShareCheck's answer: `{"shared": true, "type": N}` or `{"shared": false}`.
pub fn check_output(device: &str, answer: Option<u32>) -> Output {
    match answer {
        Some(t) => Output::Message {
            json: json!({ "shared": true, "type": t }),
            text: format!("{device} is shared ({})", decode::share_type(t)),
        },
        None => Output::Message {
            json: json!({ "shared": false }),
            text: format!("{device} is not shared"),
        },
    }
}

const NAME: Column = Column::new("NAME", |d| text(d, "netname"));
const TYPE: Column = Column::new("TYPE", |d| decode::share_type(dword(d, "type")));
const USES: Column = Column::new("USES", |d| text(d, "current_uses"));
const MAX: Column = Column::new("MAX", |d| decode::max_uses(dword(d, "max_uses")));
const PATH: Column = Column::new("PATH", |d| text(d, "path"));
const FLAGS: Column = Column::new("FLAGS", |d| decode::share_flags(dword(d, "flags")));
const SERVER: Column = Column::new("SERVER", |d| text(d, "servername"));
const SECURITY: Column = Column::new("SECURITY", |d| blob_size(d, "security_descriptor"));
const REMARK: Column = Column::new("REMARK", |d| text(d, "remark"));

/// Table columns for a share list at `level`.
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![NAME],
        1 => vec![NAME, TYPE, REMARK],
        2 => vec![NAME, TYPE, USES, MAX, PATH, REMARK],
        501 => vec![NAME, TYPE, FLAGS, REMARK],
        502 => vec![NAME, TYPE, USES, MAX, PATH, SECURITY, REMARK],
        _ => vec![NAME, SERVER, TYPE, USES, MAX, PATH, SECURITY, REMARK],
    }
}

/// One value of a share dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    match key {
        "type" => decode::share_type(dword(d, key)),
        "max_uses" => decode::max_uses(dword(d, key)),
        "flags" => format!(
            "0x{:x} ({})",
            dword(d, key),
            decode::share_flags(dword(d, key))
        ),
        "security_descriptor" => blob_size(d, key),
        _ => plain(d.get(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_sends_the_smallest_level_that_carries_the_change() {
        let level = |remark, uses, path, forced| {
            let changes = set_changes(remark, uses, path, &[]);
            match fields::plan::<ShareInfo>("share", SET_ORDER, forced, &changes) {
                Ok(Plan::Write(info)) => Ok(info.level()),
                Ok(Plan::ReadModifyWrite(level)) => Ok(level),
                Err(e) => Err(e),
            }
        };
        assert_eq!(level(Some("x"), None, None, None).unwrap(), 1004);
        assert_eq!(level(None, Some(3), None, None).unwrap(), 1006);
        assert_eq!(level(Some("x"), Some(3), None, None).unwrap(), 502);
        assert_eq!(level(None, None, Some("C:\\x"), None).unwrap(), 502);
        assert_eq!(level(Some("x"), None, None, Some(2)).unwrap(), 2);
        assert!(level(Some("x"), Some(3), None, Some(1004)).is_err());
        assert!(level(None, None, Some("C:\\x"), Some(1)).is_err());
        assert!(level(None, None, None, None).is_err());
    }

    #[test]
    fn read_modify_write_keeps_other_fields() {
        let current: ShareInfo = ShareInfo502 {
            netname: Some("s".into()),
            remark: Some("old".into()),
            max_uses: 5,
            path: Some("C:\\a".into()),
            reserved: 2,
            security_descriptor: Some(vec![1, 0]),
            ..ShareInfo502::default()
        }
        .into();
        let changes = set_changes(Some("new"), None, Some("C:\\b"), &[]);
        let ShareInfo::L502(s) = fields::apply("share", current, &changes).unwrap() else {
            panic!("level changed")
        };
        assert_eq!(
            (s.remark.as_deref(), s.path.as_deref(), s.max_uses),
            (Some("new"), Some("C:\\b"), 5)
        );
        assert_eq!(s.security_descriptor, Some(vec![1, 0]));
    }

    #[test]
    fn add_builds_a_disk_share_with_unlimited_uses() {
        let ShareInfo::L2(s) = new_share(2, "x", "C:\\x", None, None) else {
            panic!("not level 2")
        };
        assert_eq!(
            (s.r#type, s.max_uses, s.remark.as_deref()),
            (0, u32::MAX, Some(""))
        );
        assert_eq!(
            new_share(502, "x", "C:\\x", Some("r"), Some(3)).level(),
            502
        );
        let ShareInfo::L503(s) = new_share(503, "x", "C:\\x", None, None) else {
            panic!("not level 503")
        };
        assert_eq!(s.servername.as_deref(), Some("*"));
    }

    #[test]
    fn check_answers_as_json_objects() {
        let Output::Message { json, text } = check_output("C:", Some(0)) else {
            panic!()
        };
        assert_eq!(
            (json, text.as_str()),
            (json!({"shared": true, "type": 0}), "C: is shared (Disk)")
        );
        let Output::Message { json, .. } = check_output("Z:", None) else {
            panic!()
        };
        assert_eq!(json, json!({"shared": false}));
    }
}
