//! `file` verbs: `list` → NetFileEnum, `get` → NetFileGetInfo, `close` → NetFileClose
//! ([MS-SRVS] 3.1.4.16–3.1.4.18).
//!
//! Samba does not implement NetrFileGetInfo (error 1745); `file list` shows the same fields.

use netapi::info::FileInfo;

use super::Ctx;
use crate::CliError;
use crate::args::FileCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Column, Dict, dword, plain, text};

/// Run one `file` verb.
pub fn run(cmd: &FileCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        FileCmd::List {
            base_path,
            user_name: user,
            level,
        } => {
            let files = ctx
                .client()?
                .file_enum_pages(*level, base_path.as_deref(), user.as_deref(), ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: files.iter().map(FileInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        FileCmd::Get { id, level } => {
            let f = ctx.client()?.file_get_info_level(*id, *level)?;
            Ok(Output::Record {
                value: f.to_json(),
                field,
            })
        }
        FileCmd::Close { id } => {
            ctx.client()?.file_close(*id)?;
            Ok(Output::Done("NetFileClose"))
        }
    }
}

const ID: Column = Column::new("ID", |d| text(d, "id"));
const PERMISSIONS: Column = Column::new("PERMISSIONS", |d| {
    decode::file_permissions(dword(d, "permissions"))
});
const LOCKS: Column = Column::new("LOCKS", |d| text(d, "num_locks"));
const USER: Column = Column::new("USER", |d| text(d, "user_name"));
const PATH: Column = Column::new("PATH", |d| text(d, "path_name"));

/// Table columns for an open-file list at `level`.
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        2 => vec![ID],
        _ => vec![ID, USER, PERMISSIONS, LOCKS, PATH],
    }
}

/// One value of an open-file dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    match key {
        "permissions" => decode::file_permissions(dword(d, key)),
        _ => plain(d.get(key)),
    }
}
