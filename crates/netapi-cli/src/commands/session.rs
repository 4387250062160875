//! `session` verbs: `list` → NetSessionEnum, `get` → NetSessionGetInfo, `del` → NetSessionDel
//! ([MS-SRVS] 3.1.4.5, 3.1.4.6).
//!
//! The default level is 1 (client, user, opens, times, flags): the richest one Samba serves.

use netapi::info::SessionInfo;

use super::Ctx;
use crate::CliError;
use crate::args::SessionCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Column, Dict, dword, num, plain, text};

/// Run one `session` verb.
pub fn run(cmd: &SessionCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        SessionCmd::List {
            client_name: client,
            user_name: user,
            level,
        } => {
            let sessions = ctx
                .client()?
                .session_enum_pages(*level, client.as_deref(), user.as_deref(), ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: sessions.iter().map(SessionInfo::to_json).collect(),
                columns: columns(*level),
            })
        }
        SessionCmd::Get {
            client,
            user,
            level,
        } => {
            let s = ctx.client()?.session_get_info_level(*level, client, user)?;
            Ok(Output::Record {
                value: s.to_json(),
                field,
            })
        }
        SessionCmd::Del {
            client_name: client,
            user_name: user,
        } => {
            ctx.client()?
                .session_del(client.as_deref(), user.as_deref())?;
            Ok(Output::Done("NetSessionDel"))
        }
    }
}

const CLIENT: Column = Column::new("CLIENT", |d| text(d, "client_name"));
const USER: Column = Column::new("USER", |d| text(d, "user_name"));
const OPENS: Column = Column::new("OPENS", |d| text(d, "num_opens"));
const TIME: Column = Column::new("TIME", |d| decode::session_time(num(d, "active_time")));
const IDLE: Column = Column::new("IDLE", |d| decode::session_time(num(d, "idle_time")));
const FLAGS: Column = Column::new("FLAGS", |d| decode::session_flags(dword(d, "user_flags")));
const CLIENT_TYPE: Column = Column::new("CLIENT-TYPE", |d| text(d, "client_type"));
const TRANSPORT: Column = Column::new("TRANSPORT", |d| text(d, "transport"));

/// Table columns for a session list at `level`.
pub fn columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![CLIENT],
        1 => vec![CLIENT, USER, OPENS, TIME, IDLE, FLAGS],
        2 => vec![CLIENT, USER, OPENS, TIME, IDLE, FLAGS, CLIENT_TYPE],
        10 => vec![CLIENT, USER, TIME, IDLE],
        _ => vec![
            CLIENT,
            USER,
            OPENS,
            TIME,
            IDLE,
            FLAGS,
            CLIENT_TYPE,
            TRANSPORT,
        ],
    }
}

/// One value of a session dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    match key {
        "active_time" | "idle_time" => {
            format!("{} ({} s)", decode::session_time(num(d, key)), num(d, key))
        }
        "user_flags" => decode::session_flags(dword(d, key)),
        _ => plain(d.get(key)),
    }
}
