//! `policy` verbs: `get` → NetUserModalsGet, `set` → NetUserModalsSet ([MS-SAMR] domain
//! information through netapi).
//!
//! `set --field KEY=VALUE` sends the narrowest level carrying the fields (1001
//! `min_passwd_len` alone, ..., 3 for the lockout settings); the library keeps every setting
//! the level does not carry.

use netapi::con;
use netapi::info::UserModalsInfo;

use super::Ctx;
use super::fields::{self, Plan};
use crate::CliError;
use crate::args::PolicyCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Dict, dword, plain};

/// The levels `policy set` may send, narrowest first.
const SET_ORDER: &[u32] = &[1001, 1002, 1003, 1004, 1005, 1006, 1007, 0, 1, 2, 3];

/// Run one `policy` verb.
pub fn run(cmd: &PolicyCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        PolicyCmd::Get { level } => {
            let m = ctx.client()?.user_modals_get_level(*level)?;
            Ok(Output::Record {
                value: m.to_json(),
                field,
            })
        }
        PolicyCmd::Set { fields, level } => {
            let info = match fields::plan::<UserModalsInfo>("policy", SET_ORDER, *level, fields)? {
                Plan::Write(info) => info,
                Plan::ReadModifyWrite(level) => {
                    let current = ctx.client()?.user_modals_get_level(level)?;
                    fields::apply("policy", current, fields)?
                }
            };
            ctx.client()?.user_modals_set(&info)?;
            Ok(Output::Done("NetUserModalsSet"))
        }
    }
}

/// One value of a policy dict for `key: value` lines.
pub fn field(key: &str, d: &Dict) -> String {
    let secs = dword(d, key);
    match key {
        "max_passwd_age"
        | "min_passwd_age"
        | "force_logoff"
        | "lockout_duration"
        | "lockout_observation_window" => {
            if secs == con::TIMEQ_FOREVER {
                "never".to_string()
            } else {
                decode::duration(u64::from(secs))
            }
        }
        "role" => match secs {
            con::UAS_ROLE_STANDALONE => "standalone".into(),
            con::UAS_ROLE_MEMBER => "member".into(),
            con::UAS_ROLE_BACKUP => "backup".into(),
            con::UAS_ROLE_PRIMARY => "primary".into(),
            other => other.to_string(),
        },
        _ => plain(d.get(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_sends_the_narrowest_level() {
        let level = |k: &[(&str, &str)]| {
            let changes: Vec<_> = k
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            match fields::plan::<UserModalsInfo>("policy", SET_ORDER, None, &changes).unwrap() {
                Plan::Write(i) => i.level(),
                Plan::ReadModifyWrite(l) => l,
            }
        };
        assert_eq!(level(&[("min_passwd_len", "8")]), 1001);
        assert_eq!(level(&[("force_logoff", "60")]), 1004);
        assert_eq!(
            level(&[("min_passwd_len", "8"), ("password_hist_len", "3")]),
            0
        );
        assert_eq!(level(&[("lockout_threshold", "5")]), 3);
    }
}
