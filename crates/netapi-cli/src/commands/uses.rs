//! `use` verbs: `add` → NetUseAdd, `del` → NetUseDel, `list` → NetUseEnum, `get` →
//! NetUseGetInfo, on this process's table (`netapi::uses`). A `netapi` command is one process,
//! so the table starts empty and ends with it: `use add` sets the connection up (checking the
//! credentials and the share, and showing the use at level 2); nothing is kept on disk.

use netapi::info::UseInfo;
use netapi::uses;

use super::Ctx;
use crate::CliError;
use crate::args::UseCmd;
use crate::output::Output;
use crate::table::{Column, Dict, dword, plain, text};

/// Run one `use` verb.
pub fn run(cmd: &UseCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        UseCmd::Add {
            remote,
            local,
            use_type,
        } => {
            let creds = ctx.credentials()?;
            uses::use_add(local.as_deref(), remote, Some(creds), use_type.value())?;
            let info = uses::use_get_info_level(remote, 2)?;
            Ok(Output::Record {
                value: info.to_json(),
                field,
            })
        }
        UseCmd::Del { name, force } => {
            uses::use_del(name, *force)?;
            Ok(Output::Done("NetUseDel"))
        }
        UseCmd::List { level } => {
            let list = uses::use_enum_level(*level)?;
            Ok(Output::List {
                rows: list.iter().map(UseInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        UseCmd::Get { name, level } => Ok(Output::Record {
            value: uses::use_get_info_level(name, *level)?.to_json(),
            field,
        }),
    }
}

/// `USE_INFO_*.status` as words.
fn status(s: u32) -> String {
    match s {
        0 => "OK".into(),
        1 => "paused".into(),
        2 => "disconnected".into(),
        3 => "network error".into(),
        4 => "connecting".into(),
        5 => "reconnecting".into(),
        other => other.to_string(),
    }
}

/// `USE_INFO_*.asg_type` as words.
fn asg(t: u32) -> String {
    match t {
        0 => "disk".into(),
        1 => "print".into(),
        2 => "serial".into(),
        3 => "IPC".into(),
        u32::MAX => "any".into(),
        other => other.to_string(),
    }
}

const LOCAL: Column = Column::new("LOCAL", |d| text(d, "local"));
const REMOTE: Column = Column::new("REMOTE", |d| text(d, "remote"));
const STATUS: Column = Column::new("STATUS", |d| status(dword(d, "status")));
const TYPE: Column = Column::new("TYPE", |d| asg(dword(d, "asg_type")));
const REFS: Column = Column::new("OPEN", |d| text(d, "refcount"));
const USES: Column = Column::new("USES", |d| text(d, "usecount"));
const USER: Column = Column::new("USER", |d| {
    let (dom, user) = (text(d, "domainname"), text(d, "username"));
    if dom.is_empty() {
        user
    } else {
        format!("{dom}\\{user}")
    }
});

/// Table columns for a use list at `level`.
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![LOCAL, REMOTE],
        1 => vec![LOCAL, REMOTE, STATUS, TYPE, REFS, USES],
        _ => vec![LOCAL, REMOTE, STATUS, TYPE, REFS, USES, USER],
    }
}

/// One value of a use dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    match key {
        "status" => status(dword(d, key)),
        "asg_type" => asg(dword(d, key)),
        _ => plain(d.get(key)),
    }
}
