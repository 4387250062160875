//! `wksta` verbs: `get` → NetWkstaGetInfo, `set` → NetWkstaSetInfo, `users` →
//! NetWkstaUserEnum, `transports` → NetWkstaTransportEnum, `transport-add` / `transport-del` →
//! NetWkstaTransportAdd / NetWkstaTransportDel ([MS-WKST] 3.2.4.1–3.2.4.6).
//!
//! `set` is the generic `--field KEY=VALUE` set of `commands::fields`: a setting alone goes as
//! its single-field level (1013, 1018, 1046); anything else reads level 502, changes it and
//! writes it back.

use netapi::info::{WkstaInfo, WkstaTransportInfo, WkstaTransportInfo0, WkstaUserInfo};

use super::Ctx;
use super::fields::{self, Plan};
use crate::CliError;
use crate::args::WkstaCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Column, Dict, dword, plain, text};

/// Run one `wksta` verb.
pub fn run(cmd: &WkstaCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        WkstaCmd::Get { level } => {
            let info = ctx.client()?.wksta_get_info_level(*level)?;
            Ok(Output::Record {
                value: info.to_json(),
                field,
            })
        }
        WkstaCmd::Set { fields, level } => {
            let info = match fields::plan::<WkstaInfo>("wksta", SET_ORDER, *level, fields)? {
                Plan::Write(info) => info,
                Plan::ReadModifyWrite(level) => {
                    let current = ctx.client()?.wksta_get_info_level(level)?;
                    fields::apply("wksta", current, fields)?
                }
            };
            ctx.client()?.wksta_set_info(&info)?;
            Ok(Output::Done("NetWkstaSetInfo"))
        }
        WkstaCmd::Users { level } => {
            let users = ctx
                .client()?
                .wksta_user_enum_pages(*level, ctx.pref())
                .collect_all()?;
            Ok(Output::List {
                rows: users.iter().map(WkstaUserInfo::to_json).collect(),
                columns: user_columns(*level),
            })
        }
        WkstaCmd::Transports => {
            let list = ctx.client()?.wksta_transport_enum_level(0)?;
            Ok(Output::List {
                rows: list.iter().map(WkstaTransportInfo::to_json).collect(),
                columns: vec![TRANSPORT, ADDRESS, VCS, QOS, WAN],
            })
        }
        WkstaCmd::TransportAdd {
            name,
            address,
            quality_of_service,
        } => {
            let t = WkstaTransportInfo0 {
                quality_of_service: *quality_of_service,
                number_of_vcs: 0,
                transport_name: Some(name.clone()),
                transport_address: address.clone(),
                wan_ish: false,
            };
            ctx.client()?.wksta_transport_add(&t.into())?;
            Ok(Output::Done("NetWkstaTransportAdd"))
        }
        WkstaCmd::TransportDel { name, force } => {
            ctx.client()?.wksta_transport_del(Some(name), *force)?;
            Ok(Output::Done("NetWkstaTransportDel"))
        }
    }
}

/// The levels `wksta set` may send, narrowest first.
const SET_ORDER: &[u32] = &[1013, 1018, 1046, 502];

const USER: Column = Column::new("USER", |d| text(d, "username"));
const DOMAIN: Column = Column::new("LOGON-DOMAIN", |d| text(d, "logon_domain"));
const SERVER: Column = Column::new("LOGON-SERVER", |d| text(d, "logon_server"));
const OTHER: Column = Column::new("OTHER-DOMAINS", |d| text(d, "oth_domains"));
const TRANSPORT: Column = Column::new("TRANSPORT", |d| text(d, "transport_name"));
const ADDRESS: Column = Column::new("ADDRESS", |d| text(d, "transport_address"));
const VCS: Column = Column::new("VCS", |d| text(d, "number_of_vcs"));
const QOS: Column = Column::new("QOS", |d| text(d, "quality_of_service"));
const WAN: Column = Column::new("WAN", |d| plain(d.get("wan_ish")));

/// Table columns for a user list at `level`.
pub fn user_columns(level: u32) -> Vec<Column> {
    match level {
        0 => vec![USER],
        _ => vec![USER, DOMAIN, SERVER, OTHER],
    }
}

/// One value of a workstation dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    match key {
        "platform_id" => decode::platform(dword(d, key)),
        "keep_conn" | "sess_timeout" | "char_wait" | "cache_file_timeout" => {
            format!("{} s", dword(d, key))
        }
        _ => plain(d.get(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netapi::info::WkstaInfo502;

    #[test]
    fn set_sends_the_single_field_level_or_502() {
        let level = |changes: &[(&str, &str)], forced| {
            let changes: Vec<_> = changes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            match fields::plan::<WkstaInfo>("wksta", SET_ORDER, forced, &changes) {
                Ok(Plan::Write(info)) => Ok(info.level()),
                Ok(Plan::ReadModifyWrite(level)) => Ok(level),
                Err(e) => Err(e),
            }
        };
        assert_eq!(level(&[("keep_conn", "600")], None).unwrap(), 1013);
        assert_eq!(level(&[("sess_timeout", "45")], None).unwrap(), 1018);
        assert_eq!(level(&[("dormant_file_limit", "2")], None).unwrap(), 1046);
        assert_eq!(
            level(&[("keep_conn", "1"), ("sess_timeout", "2")], None).unwrap(),
            502
        );
        assert_eq!(level(&[("use_encryption", "true")], None).unwrap(), 502);
        assert!(level(&[("computername", "x")], None).is_err());
        assert!(level(&[("keep_conn", "abc")], None).is_err());
        let current: WkstaInfo = WkstaInfo502 {
            keep_conn: 600,
            sess_timeout: 60,
            ..Default::default()
        }
        .into();
        let changed =
            fields::apply("wksta", current, &[("sess_timeout".into(), "90".into())]).unwrap();
        let WkstaInfo::L502(i) = changed else {
            panic!("502")
        };
        assert_eq!((i.keep_conn, i.sess_timeout), (600, 90));
    }
}
