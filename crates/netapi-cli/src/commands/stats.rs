//! `stats server` → NetStatisticsGet for `LanmanServer` at level 0 (`STAT_SERVER_0`, [MS-SRVS]
//! 3.1.4.25). Samba does not implement it (error 1745).

use netapi::info::StatServer0;

use super::Ctx;
use crate::CliError;
use crate::args::StatsCmd;
use crate::decode;
use crate::output::Output;
use crate::table::{Dict, num, plain};

/// Run one `stats` verb.
pub fn run(cmd: &StatsCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        StatsCmd::Server => {
            match ctx.client()?.statistics_get("LanmanServer", 0, 0)? {
                netapi::Statistics::Server(stats) => Ok(record(&stats)),
                // A kind of statistics this CLI does not know yet: still print its dict.
                other => Ok(Output::Record {
                    value: serde_json::to_value(&other).unwrap_or_default(),
                    field,
                }),
            }
        }
    }
}

/// The `key: value` output of `STAT_SERVER_0`.
pub fn record(stats: &StatServer0) -> Output {
    Output::Record {
        value: serde_json::to_value(stats).unwrap_or_default(),
        field,
    }
}

/// One value of a `STAT_SERVER_0` dict: the start as a date, byte counters as sizes (the low
/// word together with its high word).
pub fn field(key: &str, d: &Dict) -> String {
    let n = num(d, key);
    match key {
        "sts0_start" => format!("{} ({n})", decode::unix_time(n)),
        "sts0_bytessent_low" | "sts0_bytesrcvd_low" => {
            let high = num(d, &key.replace("_low", "_high"));
            let total = (high << 32) | n;
            format!("{n} (with _high: {})", decode::size(total))
        }
        _ => plain(d.get(key)),
    }
}
