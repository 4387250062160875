//! Well-known NetApi values as words for people: share types, `SV_TYPE_*` bits, session and file
//! flags, durations, sizes and times.
//!
//! Only the table and `key: value` output use this; `--json` prints the numbers as the server sent
//! them. Every decoder is total: a value with bits we do not know keeps them visible (as hex), so
//! nothing the server said is hidden.

use netapi::con;

/// `STYPE_TEMPORARY` ([MS-SRVS] 2.2.2.4); not in pywin32's `win32netcon`.
pub const STYPE_TEMPORARY: u32 = 0x4000_0000;
/// `SHI_USES_UNLIMITED`: `max_uses` of a share without a limit.
pub const SHI_USES_UNLIMITED: u32 = u32::MAX;

/// The `STYPE_*` mask selecting the base type.
const STYPE_MASK: u32 = 0xFF;

/// A share's `type`: `Disk`, `IPC`, `Printer`, `Device`, plus ` (special)` / ` (temporary)`.
pub fn share_type(t: u32) -> String {
    let mut out = match t & STYPE_MASK {
        con::STYPE_DISKTREE => "Disk".to_string(),
        con::STYPE_PRINTQ => "Printer".to_string(),
        con::STYPE_DEVICE => "Device".to_string(),
        con::STYPE_IPC => "IPC".to_string(),
        other => format!("type {other}"),
    };
    if t & con::STYPE_SPECIAL != 0 {
        out.push_str(" (special)");
    }
    if t & STYPE_TEMPORARY != 0 {
        out.push_str(" (temporary)");
    }
    // Other flag bits (e.g. STYPE_CLUSTER_FS, 0x02000000) stay visible.
    let rest = t & !(STYPE_MASK | con::STYPE_SPECIAL | STYPE_TEMPORARY);
    if rest != 0 {
        out.push_str(&format!(" (+0x{rest:08x})"));
    }
    out
}

/// `SV_TYPE_*` bits ([MS-SRVS] 2.2.2.7) by their `win32netcon` names without the prefix.
/// `SV_TYPE_XENIX_SERVER` is the same bit as `SV_TYPE_SERVER_UNIX`; the latter name is used.
const SERVER_TYPES: &[(u32, &str)] = &[
    (con::SV_TYPE_WORKSTATION, "WORKSTATION"),
    (con::SV_TYPE_SERVER, "SERVER"),
    (con::SV_TYPE_SQLSERVER, "SQLSERVER"),
    (con::SV_TYPE_DOMAIN_CTRL, "DOMAIN_CTRL"),
    (con::SV_TYPE_DOMAIN_BAKCTRL, "DOMAIN_BAKCTRL"),
    (con::SV_TYPE_TIME_SOURCE, "TIME_SOURCE"),
    (con::SV_TYPE_AFP, "AFP"),
    (con::SV_TYPE_NOVELL, "NOVELL"),
    (con::SV_TYPE_DOMAIN_MEMBER, "DOMAIN_MEMBER"),
    (con::SV_TYPE_PRINTQ_SERVER, "PRINTQ_SERVER"),
    (con::SV_TYPE_DIALIN_SERVER, "DIALIN_SERVER"),
    (con::SV_TYPE_SERVER_UNIX, "SERVER_UNIX"),
    (con::SV_TYPE_NT, "NT"),
    (con::SV_TYPE_WFW, "WFW"),
    (con::SV_TYPE_SERVER_MFPN, "SERVER_MFPN"),
    (con::SV_TYPE_SERVER_NT, "SERVER_NT"),
    (con::SV_TYPE_POTENTIAL_BROWSER, "POTENTIAL_BROWSER"),
    (con::SV_TYPE_BACKUP_BROWSER, "BACKUP_BROWSER"),
    (con::SV_TYPE_MASTER_BROWSER, "MASTER_BROWSER"),
    (con::SV_TYPE_DOMAIN_MASTER, "DOMAIN_MASTER"),
    (con::SV_TYPE_SERVER_OSF, "SERVER_OSF"),
    (con::SV_TYPE_SERVER_VMS, "SERVER_VMS"),
    (con::SV_TYPE_WINDOWS, "WINDOWS"),
    (con::SV_TYPE_DFS, "DFS"),
    (con::SV_TYPE_CLUSTER_NT, "CLUSTER_NT"),
    (0x0200_0000, "TERMINALSERVER"),
    (0x0400_0000, "CLUSTER_VS_NT"),
    (con::SV_TYPE_DCE, "DCE"),
    (con::SV_TYPE_ALTERNATE_XPORT, "ALTERNATE_XPORT"),
    (con::SV_TYPE_LOCAL_LIST_ONLY, "LOCAL_LIST_ONLY"),
    (con::SV_TYPE_DOMAIN_ENUM, "DOMAIN_ENUM"),
];

/// The names of the `SV_TYPE_*` bits set in `t`, unknown bits as one hex value.
pub fn server_type_names(t: u32) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut known = 0;
    for &(bit, name) in SERVER_TYPES {
        known |= bit;
        if t & bit != 0 {
            names.push(name.to_string());
        }
    }
    if t & !known != 0 {
        names.push(format!("0x{:08x}", t & !known));
    }
    names
}

/// A server `type` for a table cell: the bit names, space-separated.
pub fn server_type(t: u32) -> String {
    server_type_names(t).join(" ")
}

/// A server `type` for a `key: value` line: hex and names.
pub fn server_type_long(t: u32) -> String {
    format!("0x{t:08x} ({})", server_type_names(t).join(", "))
}

/// A `platform_id`: `500 (NT)`.
pub fn platform(id: u32) -> String {
    let name = match id {
        con::PLATFORM_ID_DOS => "DOS",
        con::PLATFORM_ID_OS2 => "OS/2",
        con::PLATFORM_ID_NT => "NT",
        con::PLATFORM_ID_OSF => "OSF",
        con::PLATFORM_ID_VMS => "VMS",
        _ => return id.to_string(),
    };
    format!("{id} ({name})")
}

/// `version_major.version_minor`; the major number carries `MAJOR_VERSION_MASK` bits only.
pub fn version(major: u32, minor: u32) -> String {
    format!("{}.{minor}", major & con::MAJOR_VERSION_MASK)
}

/// `max_uses`: a number or `unlimited`.
pub fn max_uses(n: u32) -> String {
    if n == SHI_USES_UNLIMITED {
        "unlimited".to_string()
    } else {
        n.to_string()
    }
}

/// `SHI1005_FLAGS_*` ([MS-SRVS] 2.2.4.29): named bits plus the client-side caching mode.
pub fn share_flags(f: u32) -> String {
    const NAMED: &[(u32, &str)] = &[
        (con::SHI1005_FLAGS_DFS, "DFS"),
        (con::SHI1005_FLAGS_DFS_ROOT, "DFS_ROOT"),
        (0x0100, "RESTRICT_EXCLUSIVE_OPENS"),
        (0x0200, "FORCE_SHARED_DELETE"),
        (0x0400, "ALLOW_NAMESPACE_CACHING"),
        (0x0800, "ACCESS_BASED_DIRECTORY_ENUM"),
        (0x1000, "FORCE_LEVELII_OPLOCK"),
        (0x2000, "ENABLE_HASH"),
        (0x4000, "ENABLE_CA"),
        (0x8000, "ENCRYPT_DATA"),
    ];
    // Bits 4-5 are one two-bit field (CSC_MASK), not two flags.
    let cache = match f & 0x30 {
        0x00 => "cache:manual",
        0x10 => "cache:auto",
        0x20 => "cache:vdo",
        _ => "cache:none",
    };
    let mut parts: Vec<String> = vec![cache.to_string()];
    let mut known = 0x30;
    for &(bit, name) in NAMED {
        known |= bit;
        if f & bit != 0 {
            parts.push(name.to_string());
        }
    }
    if f & !known != 0 {
        parts.push(format!("0x{:x}", f & !known));
    }
    parts.join(" ")
}

/// A session's `user_flags` (`SESS_GUEST`, `SESS_NOENCRYPTION`); `-` when none is set.
pub fn session_flags(f: u32) -> String {
    let mut parts = Vec::new();
    if f & con::SESS_GUEST != 0 {
        parts.push("guest".to_string());
    }
    if f & con::SESS_NOENCRYPTION != 0 {
        parts.push("noencryption".to_string());
    }
    let rest = f & !(con::SESS_GUEST | con::SESS_NOENCRYPTION);
    if rest != 0 {
        parts.push(format!("0x{rest:x}"));
    }
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(",")
    }
}

/// An open file's `permissions` (`PERM_FILE_READ/WRITE/CREATE`) as `read,write,create`.
pub fn file_permissions(p: u32) -> String {
    let mut parts = Vec::new();
    for (bit, name) in [
        (con::PERM_FILE_READ, "read"),
        (con::PERM_FILE_WRITE, "write"),
        (con::PERM_FILE_CREATE, "create"),
    ] {
        if p & bit != 0 {
            parts.push(name.to_string());
        }
    }
    let rest = p & !(con::PERM_FILE_READ | con::PERM_FILE_WRITE | con::PERM_FILE_CREATE);
    if rest != 0 {
        parts.push(format!("0x{rest:x}"));
    }
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(",")
    }
}

/// Seconds as `H:MM:SS`, with a day count in front past 24 hours (`2d 03:04:05`).
pub fn duration(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    if d > 0 {
        format!("{d}d {h:02}:{m:02}:{s:02}")
    } else {
        format!("{h}:{m:02}:{s:02}")
    }
}

/// A session's `active_time` / `idle_time` as [`duration`].
///
/// quirk(samba-4.17): a session less than a second old can read `0xFFFFFFFF` (the server's
/// `now - start` rounds below zero and wraps), so values past `i32::MAX` read as negative and
/// show as zero. (The raw number stays in `--json` and in `get` output.)
pub fn session_time(secs: u64) -> String {
    duration(if secs > i32::MAX as u64 { 0 } else { secs })
}

/// Bytes in binary units: `512 B`, `1.5 KiB`, `3.2 GiB`.
pub fn size(bytes: u64) -> String {
    const UNITS: &[&str] = &["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Seconds since 1970-01-01 as `YYYY-MM-DD HH:MM:SS UTC` (no time-zone database needed).
pub fn unix_time(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_types_read_as_words() {
        assert_eq!(share_type(0), "Disk");
        assert_eq!(share_type(0x8000_0003), "IPC (special)");
        assert_eq!(share_type(0x8000_0000), "Disk (special)");
        assert_eq!(share_type(0x4000_0001), "Printer (temporary)");
        assert_eq!(share_type(2), "Device");
        assert_eq!(share_type(0x0200_0000), "Disk (+0x02000000)");
    }

    #[test]
    fn server_type_bits_by_name() {
        // Samba's file server: Wk Sv PrQ Unx NT SNT + DFS.
        assert_eq!(
            server_type(0x0080_9a03),
            "WORKSTATION SERVER PRINTQ_SERVER SERVER_UNIX NT SERVER_NT DFS"
        );
        assert_eq!(
            server_type_long(0x8000_0001),
            "0x80000001 (WORKSTATION, DOMAIN_ENUM)"
        );
        assert_eq!(server_type(0x0800_0000), "0x08000000");
    }

    #[test]
    fn numbers_and_times_read_as_words() {
        assert_eq!(platform(500), "500 (NT)");
        assert_eq!(platform(42), "42");
        assert_eq!(version(0x10006, 1), "6.1");
        assert_eq!(max_uses(u32::MAX), "unlimited");
        assert_eq!(max_uses(10), "10");
        assert_eq!(session_flags(0), "-");
        assert_eq!(session_flags(3), "guest,noencryption");
        assert_eq!(file_permissions(3), "read,write");
        assert_eq!(file_permissions(0x21), "read,0x20");
        assert_eq!(duration(0), "0:00:00");
        assert_eq!(duration(3723), "1:02:03");
        assert_eq!(duration(2 * 86_400 + 3 * 3600 + 4 * 60 + 5), "2d 03:04:05");
        assert_eq!(session_time(0xFFFF_FFFF), "0:00:00");
        assert_eq!(session_time(61), "0:01:01");
        assert_eq!(size(512), "512 B");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(3 * 1024 * 1024 * 1024), "3.0 GiB");
        assert_eq!(unix_time(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(unix_time(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(unix_time(1_700_000_000), "2023-11-14 22:13:20 UTC");
        assert_eq!(share_flags(0), "cache:manual");
        assert_eq!(
            share_flags(0x30 | 0x800),
            "cache:none ACCESS_BASED_DIRECTORY_ENUM"
        );
    }
}
