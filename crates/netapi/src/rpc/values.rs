//! Value conversions every family shares between the wire and the info levels: times and flag
//! tables.
//!
//! * **Times.** The wire counts 100-ns intervals since 1601-01-01 UTC (`FILETIME`,
//!   `OLD_LARGE_INTEGER`, [MS-DTYP] 2.3.3); NetApi levels count seconds since 1970-01-01 in a
//!   DWORD, with `TIMEQ_FOREVER` (0xFFFFFFFF) for "never" where a level allows it. [`Time`] says
//!   which wire values mean "never" for a field.
//! * **Flags.** [`FlagMap`] is a declared table of bit pairs between two flag spaces (`UF_*` ↔
//!   SAMR's `USER_ACCOUNT` codes): every mapped bit goes both ways, unmapped bits are dropped.

use crate::con::TIMEQ_FOREVER;

/// 100-ns intervals between 1601-01-01 and 1970-01-01.
const EPOCH_DIFF_100NS: i64 = 116_444_736_000_000_000;
/// 100-ns intervals per second.
const PER_SECOND: i64 = 10_000_000;

/// How one time field reads "never" on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Time {
    /// 0 means "never happened" and reads as 0 (`LastLogon`, `LastLogoff`).
    ZeroIsNever,
    /// 0 and `0x7FFFFFFF_FFFFFFFF` both mean "never" ([MS-SAMR] 2.2.6.6 `AccountExpires`),
    /// read as `TIMEQ_FOREVER`; `TIMEQ_FOREVER` is written as 0. quirk(samba-4.17): the file
    /// server turns `0x7FFFFFFF_FFFFFFFF` into a date in 1975; 0 means "never" to every server.
    Forever,
}

impl Time {
    /// The NetApi DWORD for wire time `t` (100 ns since 1601).
    pub(crate) fn read(self, t: i64) -> u32 {
        match self {
            Time::ZeroIsNever if t == 0 => 0,
            Time::Forever if t == 0 || t == i64::MAX => TIMEQ_FOREVER,
            _ => seconds_since_1970(t),
        }
    }

    /// The wire time for NetApi DWORD `secs`.
    pub(crate) fn write(self, secs: u32) -> i64 {
        match self {
            Time::Forever if secs == TIMEQ_FOREVER => 0,
            Time::ZeroIsNever if secs == 0 => 0,
            _ => i64::from(secs) * PER_SECOND + EPOCH_DIFF_100NS,
        }
    }
}

/// Seconds since 1970 of wire time `t`, clamped into a DWORD (a time before 1970 reads as 0,
/// one past 2106 as the last second a DWORD holds below `TIMEQ_FOREVER`).
pub(crate) fn seconds_since_1970(t: i64) -> u32 {
    let secs = t.saturating_sub(EPOCH_DIFF_100NS).div_euclid(PER_SECOND);
    secs.clamp(0, i64::from(TIMEQ_FOREVER - 1)) as u32
}

/// Now, in seconds since 1970 (for ages such as `password_age`).
pub(crate) fn now_since_1970() -> u32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    u32::try_from(secs).unwrap_or(TIMEQ_FOREVER - 1)
}

/// A table of bit pairs `(ours, theirs)` between two flag spaces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FlagMap(pub &'static [(u32, u32)]);

impl FlagMap {
    /// `theirs` bits for `ours`.
    pub(crate) fn to_theirs(self, ours: u32) -> u32 {
        self.0
            .iter()
            .filter(|(o, _)| ours & o != 0)
            .fold(0, |acc, (_, t)| acc | t)
    }

    /// `ours` bits for `theirs`.
    pub(crate) fn to_ours(self, theirs: u32) -> u32 {
        self.0
            .iter()
            .filter(|(_, t)| theirs & t != 0)
            .fold(0, |acc, (o, _)| acc | o)
    }

    /// Every `ours` bit the table maps.
    pub(crate) fn ours_mask(self) -> u32 {
        self.0.iter().fold(0, |acc, (o, _)| acc | o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_convert_with_their_never_values() {
        // 2024-01-01T00:00:00Z = 1704067200 s since 1970.
        let t = 1_704_067_200i64 * PER_SECOND + EPOCH_DIFF_100NS;
        assert_eq!(Time::ZeroIsNever.read(t), 1_704_067_200);
        assert_eq!(Time::ZeroIsNever.write(1_704_067_200), t);
        assert_eq!(Time::ZeroIsNever.read(0), 0);
        assert_eq!(Time::Forever.read(0), TIMEQ_FOREVER);
        assert_eq!(Time::Forever.read(i64::MAX), TIMEQ_FOREVER);
        assert_eq!(Time::Forever.write(TIMEQ_FOREVER), 0);
        assert_eq!(Time::Forever.read(Time::Forever.write(86_400)), 86_400);
        // Before 1970 and after 2106 clamp into the DWORD.
        assert_eq!(seconds_since_1970(1), 0);
        assert_eq!(seconds_since_1970(i64::MAX - 1), TIMEQ_FOREVER - 1);
    }

    #[test]
    fn flag_tables_map_both_ways_and_drop_unmapped_bits() {
        const M: FlagMap = FlagMap(&[(0x2, 0x1), (0x200, 0x10)]);
        assert_eq!(M.to_theirs(0x202 | 0x4000), 0x11);
        assert_eq!(M.to_ours(0x11 | 0x8000), 0x202);
        assert_eq!(M.ours_mask(), 0x202);
    }
}
