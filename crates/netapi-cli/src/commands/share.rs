//! `share` verbs: `list` → NetShareEnum, `get` → NetShareGetInfo, `add` → NetShareAdd, `set` →
//! NetShareSetInfo, `del` → NetShareDel, `check` → NetShareCheck ([MS-SRVS] 3.1.4.7–3.1.4.14).
//!
//! `set` sends the smallest level that carries what was given, as `net share` does: 1004 for a
//! remark alone, 1006 for max-uses alone; anything else reads level 502, changes it and writes it
//! back, so fields the user did not mention (security descriptor included) keep their values.
//! quirk(samba-4.17): level 1006 is refused with error 5 even for an administrator (impacket
//! gets the same), and `max_uses` written at level 502 is accepted but not stored.

use netapi::con::STYPE_DISKTREE;
use netapi::info::{
    ShareInfo, ShareInfo2, ShareInfo502, ShareInfo503, ShareInfo1004, ShareInfo1006,
};
use serde_json::{Value, json};

use super::{Ctx, all_pages};
use crate::CliError;
use crate::args::ShareCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Column, Dict, blob_size, dword, plain, text};

/// Run one `share` verb.
pub fn run(cmd: &ShareCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        ShareCmd::List { level } => {
            let client = ctx.client()?;
            let shares = all_pages("NetShareEnum", ctx.page_size, |resume, pref| {
                client.share_enum_page(*level, resume, pref)
            })?;
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
            Ok(Output::Nothing)
        }
        ShareCmd::Set {
            name,
            remark,
            max_uses,
            path,
            level,
        } => {
            let change = Change {
                remark: remark.as_deref(),
                max_uses: *max_uses,
                path: path.as_deref(),
            };
            let level = set_level(&change, *level)?;
            let client = ctx.client()?;
            let info = match level {
                1004 => ShareInfo1004 {
                    remark: change.remark.map(str::to_string),
                }
                .into(),
                1006 => ShareInfo1006 {
                    max_uses: change.max_uses.unwrap_or(decode::SHI_USES_UNLIMITED),
                }
                .into(),
                _ => change.apply(client.share_get_info_level(name, level)?)?,
            };
            client.share_set_info(name, &info)?;
            Ok(Output::Nothing)
        }
        ShareCmd::Del { name } => {
            ctx.client()?.share_del(name)?;
            Ok(Output::Nothing)
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

/// What `share set` was asked to change.
#[derive(Debug, Default, Clone, Copy)]
pub struct Change<'a> {
    /// `--remark`.
    pub remark: Option<&'a str>,
    /// `--max-uses`.
    pub max_uses: Option<u32>,
    /// `--path`.
    pub path: Option<&'a str>,
}

impl Change<'_> {
    /// Write the changes into `current` (read at the level that will be written).
    fn apply(&self, current: ShareInfo) -> Result<ShareInfo, CliError> {
        let level = current.level();
        let mut value = current.to_json();
        let Some(obj) = value.as_object_mut() else {
            return Err(CliError::usage(format!(
                "level {level} has no fields to change"
            )));
        };
        let mut put = |key: &str, v: Value| -> Result<(), CliError> {
            if !obj.contains_key(key) {
                return Err(CliError::usage(format!(
                    "share level {level} has no `{key}`"
                )));
            }
            obj.insert(key.to_string(), v);
            Ok(())
        };
        if let Some(r) = self.remark {
            put("remark", json!(r))?;
        }
        if let Some(m) = self.max_uses {
            put("max_uses", json!(m))?;
        }
        if let Some(p) = self.path {
            put("path", json!(p))?;
        }
        ShareInfo::from_json(level, value)
            .map_err(|e| CliError::usage(format!("share level {level}: {e}")))
    }
}

/// The level `share set` writes: the one given (if it can carry the changes), else the smallest
/// that carries them.
pub fn set_level(change: &Change, explicit: Option<u32>) -> Result<u32, CliError> {
    let (r, m, p) = (
        change.remark.is_some(),
        change.max_uses.is_some(),
        change.path.is_some(),
    );
    if !(r || m || p) {
        return Err(CliError::usage(
            "share set: nothing to change (give --remark, --max-uses or --path)",
        ));
    }
    let level = explicit.unwrap_or(match (r, m, p) {
        (true, false, false) => 1004,
        (false, true, false) => 1006,
        _ => 502,
    });
    let fits = match level {
        1 | 1004 => !m && !p,
        1006 => !r && !p,
        _ => true,
    };
    if fits {
        Ok(level)
    } else {
        Err(CliError::usage(format!(
            "share set: level {level} cannot carry all the given changes"
        )))
    }
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
        let remark = Change {
            remark: Some("x"),
            ..Change::default()
        };
        let uses = Change {
            max_uses: Some(3),
            ..Change::default()
        };
        let both = Change {
            remark: Some("x"),
            max_uses: Some(3),
            ..Change::default()
        };
        let path = Change {
            path: Some("C:\\x"),
            ..Change::default()
        };
        assert_eq!(set_level(&remark, None).unwrap(), 1004);
        assert_eq!(set_level(&uses, None).unwrap(), 1006);
        assert_eq!(set_level(&both, None).unwrap(), 502);
        assert_eq!(set_level(&path, None).unwrap(), 502);
        assert_eq!(set_level(&remark, Some(2)).unwrap(), 2);
        assert_eq!(set_level(&remark, Some(1)).unwrap(), 1);
        assert!(set_level(&both, Some(1004)).is_err());
        assert!(set_level(&path, Some(1)).is_err());
        assert!(set_level(&Change::default(), None).is_err());
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
        let change = Change {
            remark: Some("new"),
            path: Some("C:\\b"),
            ..Change::default()
        };
        let ShareInfo::L502(s) = change.apply(current).unwrap() else {
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
