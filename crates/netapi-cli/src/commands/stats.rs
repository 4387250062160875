//! `stats server` → NetStatisticsGet for `LanmanServer` at level 0 (`STAT_SERVER_0`, [MS-SRVS]
//! 3.1.4.25); `stats workstation` → for `LanmanWorkstation` (`STAT_WORKSTATION_0`, [MS-WKST]
//! 3.2.4.11). Samba implements neither (error 1745).

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
        StatsCmd::Workstation => Ok(Output::Record {
            value: match ctx.client()?.statistics_get("LanmanWorkstation", 0, 0)? {
                netapi::Statistics::Workstation(stats) => serde_json::to_value(stats),
                other => serde_json::to_value(other),
            }
            .unwrap_or_default(),
            field: workstation_field,
        }),
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

/// One value of a `STAT_WORKSTATION_0` dict: the start (a FILETIME) as a date, byte counters as
/// sizes.
pub fn workstation_field(key: &str, d: &Dict) -> String {
    let n = num(d, key);
    match key {
        "StatisticsStartTime" => {
            // 100 ns since 1601-01-01 → seconds since 1970-01-01.
            let unix = n / 10_000_000;
            let unix = unix.saturating_sub(11_644_473_600);
            format!("{} ({n})", decode::unix_time(unix))
        }
        k if k.starts_with("Bytes") || k.contains("BytesRequested") => {
            format!("{n} ({})", decode::size(n))
        }
        _ => plain(d.get(key)),
    }
}
