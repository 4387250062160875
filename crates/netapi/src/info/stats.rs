//! Statistics returned by NetStatisticsGet: `STAT_SERVER_0` ([MS-SRVS] 2.2.4.39) with pywin32's
//! keys (which keep the `sts0_` prefix).

use serde::{Deserialize, Serialize};

/// `STAT_SERVER_0`: server statistics (NetStatisticsGet for `LanmanServer`, level 0).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "STAT_SERVER_0")]
pub struct StatServer0 {
    /// `sts0_start`: seconds since 1970-01-01 when statistics started.
    pub sts0_start: u32,
    /// `sts0_fopens`.
    pub sts0_fopens: u32,
    /// `sts0_devopens`.
    pub sts0_devopens: u32,
    /// `sts0_jobsqueued`.
    pub sts0_jobsqueued: u32,
    /// `sts0_sopens`.
    pub sts0_sopens: u32,
    /// `sts0_stimedout`.
    pub sts0_stimedout: u32,
    /// `sts0_serrorout`.
    pub sts0_serrorout: u32,
    /// `sts0_pwerrors`.
    pub sts0_pwerrors: u32,
    /// `sts0_permerrors`.
    pub sts0_permerrors: u32,
    /// `sts0_syserrors`.
    pub sts0_syserrors: u32,
    /// `sts0_bytessent_low`.
    pub sts0_bytessent_low: u32,
    /// `sts0_bytessent_high`.
    pub sts0_bytessent_high: u32,
    /// `sts0_bytesrcvd_low`.
    pub sts0_bytesrcvd_low: u32,
    /// `sts0_bytesrcvd_high`.
    pub sts0_bytesrcvd_high: u32,
    /// `sts0_avresponse`.
    pub sts0_avresponse: u32,
    /// `sts0_reqbufneed`.
    pub sts0_reqbufneed: u32,
    /// `sts0_bigbufneed`.
    pub sts0_bigbufneed: u32,
}
