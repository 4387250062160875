//! `server` verbs: `get` → NetServerGetInfo, `set` → NetServerSetInfo, `disks` →
//! NetServerDiskEnum, `enum` → NetServerEnum, `name-add` / `name-del` →
//! NetServerComputerNameAdd / NetServerComputerNameDel ([MS-SRVS] 3.1.4.17–3.1.4.24).
//!
//! `set --comment T` alone sends `SERVER_INFO_1005` (the comment alone), as `net config server
//! /srvcomment` does; with `--level` or `--field` it reads the level, changes the given fields and
//! writes the level back. `--field` names are pywin32's keys; they are checked against the level
//! before anything is sent.

use netapi::SV_TYPE_ALL;
use netapi::info::ServerInfo;
use serde_json::Value;

use super::{Ctx, all_pages};
use crate::CliError;
use crate::args::ServerCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Column, Dict, dword, plain, text};

/// Run one `server` verb.
pub fn run(cmd: &ServerCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        ServerCmd::Get { level } => {
            let info = ctx.client()?.server_get_info_level(*level)?;
            Ok(Output::Record {
                value: info.to_json(),
                field,
            })
        }
        ServerCmd::Set {
            comment,
            level,
            fields,
        } => {
            if let (Some(c), None, true) = (comment, level, fields.is_empty()) {
                let info = ServerInfo::L1005(netapi::info::ServerInfo1005 {
                    comment: Some(c.clone()),
                });
                ctx.client()?.server_set_info(&info)?;
                return Ok(Output::Nothing);
            }
            let level = level.unwrap_or(101);
            let mut changes: Vec<(String, String)> = Vec::new();
            if let Some(c) = comment {
                changes.push(("comment".to_string(), c.clone()));
            }
            changes.extend(fields.iter().cloned());
            if changes.is_empty() {
                return Err(CliError::usage(
                    "server set: nothing to change (give --comment or --field KEY=VALUE)",
                ));
            }
            // Check keys and values against an empty value of the level first: nothing is sent
            // for a misspelt key.
            let empty = ServerInfo::from_json(level, Value::Object(Dict::new()))
                .map_err(|e| CliError::usage(format!("server set: {e}")))?;
            apply(empty, &changes)?;
            let client = ctx.client()?;
            let info = apply(client.server_get_info_level(level)?, &changes)?;
            client.server_set_info(&info)?;
            Ok(Output::Nothing)
        }
        ServerCmd::Disks => Ok(Output::Strings(ctx.client()?.server_disk_enum()?)),
        ServerCmd::Enum {
            server_type,
            domain,
            level,
        } => {
            let client = ctx.client()?;
            let servers = all_pages("NetServerEnum", ctx.page_size, |resume, pref| {
                client.server_enum_page(
                    *level,
                    server_type.unwrap_or(SV_TYPE_ALL),
                    domain.as_deref(),
                    resume,
                    pref,
                )
            })?;
            Ok(Output::List {
                rows: servers.iter().map(ServerInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        ServerCmd::NameAdd { name, domain } => {
            ctx.client()?
                .server_computer_name_add(domain.as_deref(), name)?;
            Ok(Output::Nothing)
        }
        ServerCmd::NameDel { name } => {
            ctx.client()?.server_computer_name_del(name)?;
            Ok(Output::Nothing)
        }
    }
}

/// `current` with `changes` (pywin32 key, text) applied; each text is read as the type the key
/// has at that level (number, boolean or string).
pub fn apply(current: ServerInfo, changes: &[(String, String)]) -> Result<ServerInfo, CliError> {
    let level = current.level();
    let mut value = current.to_json();
    let Some(obj) = value.as_object_mut() else {
        return Err(CliError::usage(format!(
            "server level {level} has no fields"
        )));
    };
    for (key, text) in changes {
        let Some(old) = obj.get(key) else {
            let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
            return Err(CliError::usage(format!(
                "server level {level} has no `{key}` (its keys: {})",
                keys.join(", ")
            )));
        };
        let new = typed(old, text).ok_or_else(|| {
            CliError::usage(format!("`{key}`: {text:?} is not a valid {}", kind(old)))
        })?;
        obj.insert(key.clone(), new);
    }
    ServerInfo::from_json(level, value)
        .map_err(|e| CliError::usage(format!("server level {level}: {e}")))
}

/// `text` as a JSON value of the same kind as `old`.
fn typed(old: &Value, text: &str) -> Option<Value> {
    match old {
        Value::Bool(_) => match text.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(Value::Bool(true)),
            "false" | "no" | "0" => Some(Value::Bool(false)),
            _ => None,
        },
        Value::Number(_) => {
            let n: i64 = match text.strip_prefix("0x") {
                Some(hex) => i64::from_str_radix(hex, 16).ok()?,
                None => text.parse().ok()?,
            };
            // DWORD fields take 0..=u32::MAX; the signed ones (`disc`) take -1 as well.
            (-(1i64 << 31)..=i64::from(u32::MAX))
                .contains(&n)
                .then(|| Value::from(n))
        }
        _ => Some(Value::String(text.to_string())),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "boolean (true/false)",
        Value::Number(_) => "number",
        _ => "string",
    }
}

const NAME: Column = Column::new("NAME", |d| text(d, "name"));
const PLATFORM: Column = Column::new("PLATFORM", |d| decode::platform(dword(d, "platform_id")));
const VERSION: Column = Column::new("VERSION", |d| {
    decode::version(dword(d, "version_major"), dword(d, "version_minor"))
});
const TYPE: Column = Column::new("TYPE", |d| decode::server_type(dword(d, "type")));
const COMMENT: Column = Column::new("COMMENT", |d| text(d, "comment"));

/// Table columns for a server list at `level` (NetServerEnum serves 100 and 101).
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        100 => vec![NAME, PLATFORM],
        _ => vec![NAME, PLATFORM, VERSION, TYPE, COMMENT],
    }
}

/// One value of a server dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    let n = || d.get(key).and_then(Value::as_i64).unwrap_or(0);
    match key {
        "platform_id" => decode::platform(dword(d, key)),
        "type" => decode::server_type_long(dword(d, key)),
        // SV_NODISC (-1): never disconnect idle sessions.
        "disc" if n() == -1 => "never".to_string(),
        "disc" => format!("{} min", n()),
        "announce" => format!("{} s", n()),
        "anndelta" => format!("{} ms", n()),
        _ => plain(d.get(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netapi::info::{ServerInfo101, ServerInfo102};

    fn ch(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn fields_are_typed_by_the_level() {
        let cur: ServerInfo = ServerInfo102 {
            name: Some("S".into()),
            users: 5,
            ..Default::default()
        }
        .into();
        let ServerInfo::L102(s) = apply(
            cur.clone(),
            &[
                ch("comment", "hi"),
                ch("hidden", "yes"),
                ch("disc", "-1"),
                ch("users", "0x10"),
            ],
        )
        .unwrap() else {
            panic!("level changed")
        };
        assert_eq!(
            (s.comment.as_deref(), s.hidden, s.disc, s.users),
            (Some("hi"), true, -1, 16)
        );
        assert_eq!(s.name.as_deref(), Some("S"));
        assert!(
            matches!(apply(cur.clone(), &[ch("nosuch", "1")]), Err(CliError::Usage(m)) if m.contains("userpath"))
        );
        assert!(apply(cur.clone(), &[ch("users", "many")]).is_err());
        assert!(apply(cur, &[ch("hidden", "maybe")]).is_err());
        let l101: ServerInfo = ServerInfo101::default().into();
        assert!(apply(l101, &[ch("users", "1")]).is_err());
    }
}
