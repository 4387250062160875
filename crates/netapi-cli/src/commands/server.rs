//! `server` verbs: `get` → NetServerGetInfo, `set` → NetServerSetInfo, `disks` →
//! NetServerDiskEnum, `enum` → NetServerEnum, `name-add` / `name-del` →
//! NetServerComputerNameAdd / NetServerComputerNameDel ([MS-SRVS] 3.1.4.17–3.1.4.24).
//!
//! `set` is the generic `--field KEY=VALUE` set of `commands::fields`: `--comment T` alone sends
//! `SERVER_INFO_1005` (the comment alone), as `net config server /srvcomment` does; other fields
//! read the narrowest level carrying them, change them and write the level back.

use netapi::info::ServerInfo;
use netapi::{Pages, SV_TYPE_ALL};
use serde_json::Value;

use super::Ctx;
use super::fields::{self, Change, Plan};
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
            let mut changes: Vec<Change> = Vec::new();
            if let Some(c) = comment {
                changes.push(("comment".to_string(), c.clone()));
            }
            changes.extend(fields.iter().cloned());
            let info = match fields::plan::<ServerInfo>("server", SET_ORDER, *level, &changes)? {
                Plan::Write(info) => info,
                Plan::ReadModifyWrite(level) => {
                    let current = ctx.client()?.server_get_info_level(level)?;
                    fields::apply("server", current, &changes)?
                }
            };
            ctx.client()?.server_set_info(&info)?;
            Ok(Output::Done("NetServerSetInfo"))
        }
        ServerCmd::Disks => Ok(Output::Strings(ctx.client()?.server_disk_enum()?)),
        ServerCmd::Enum {
            server_type,
            browse_domain: domain,
            level,
        } => {
            let client = ctx.client()?.clone();
            let (level, server_type, domain) =
                (*level, server_type.unwrap_or(SV_TYPE_ALL), domain.clone());
            let pref = ctx.pref();
            let servers = Pages::walk("NetServerEnum", move |resume| {
                client.server_enum_page(level, server_type, domain.as_deref(), resume, pref)
            })
            .collect_all()?;
            Ok(Output::List {
                rows: servers.iter().map(ServerInfo::to_json).collect(),
                columns: columns(level),
            })
        }
        ServerCmd::NameAdd {
            name,
            emulated_domain: domain,
        } => {
            ctx.client()?
                .server_computer_name_add(domain.as_deref(), name)?;
            Ok(Output::Done("NetServerComputerNameAdd"))
        }
        ServerCmd::NameDel { name } => {
            ctx.client()?.server_computer_name_del(name)?;
            Ok(Output::Done("NetServerComputerNameDel"))
        }
    }
}

/// The levels `server set` may send, narrowest first: the comment alone (1005), then the
/// levels that carry more of the server's settings.
const SET_ORDER: &[u32] = &[1005, 101, 102, 402, 403, 502, 503];

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
