//! Wire types of [MS-SRVS] (`netapi_msrpc::srvsvc`) to and from the public info levels
//! (`crate::info`), field by field.
//!
//! Fields the wire has and pywin32's layout lacks (`sv102_licenses`, `sv402_alerts`,
//! `sv502_enablesoftcompat`, ...) are dropped on read and sent as zero/NULL on write, which is
//! what pywin32 does with the C structs. Conversion kinds: `copy` (same type), `str`
//! (`Option<String>`), `bool` (Win32 BOOL as `i32`), `id` (an open-set newtype over `u32`).

use netapi_msrpc::srvsvc as w;

use crate::info as i;

macro_rules! conv_in {
    (copy, $x:expr) => {
        $x
    };
    (str, $x:expr) => {
        $x
    };
    (bool, $x:expr) => {
        $x != 0
    };
    (id, $x:expr) => {
        $x.0
    };
}

macro_rules! conv_out {
    (copy, $x:expr) => {
        $x
    };
    (str, $x:expr) => {
        $x.clone()
    };
    (bool, $x:expr) => {
        i32::from($x)
    };
    (id, $x:expr) => {
        ($x).into()
    };
}

/// `From<wire> for public` and `From<&public> for wire` for structs whose fields share names.
macro_rules! convert {
    ($($wire:ident <=> $public:ident { $($field:ident: $kind:ident),* $(,)? })*) => {$(
        impl From<w::$wire> for i::$public {
            fn from(v: w::$wire) -> Self {
                i::$public { $($field: conv_in!($kind, v.$field)),* }
            }
        }

        #[allow(clippy::needless_update)]
        impl From<&i::$public> for w::$wire {
            fn from(v: &i::$public) -> Self {
                w::$wire { $($field: conv_out!($kind, v.$field),)* ..Default::default() }
            }
        }
    )*};
}

convert! {
    ShareInfo0 <=> ShareInfo0 { netname: str }
    ShareInfo1 <=> ShareInfo1 { netname: str, r#type: id, remark: str }
    ShareInfo2 <=> ShareInfo2 {
        netname: str, r#type: id, remark: str, permissions: copy, max_uses: copy,
        current_uses: copy, path: str, passwd: str,
    }
    ShareInfo501 <=> ShareInfo501 { netname: str, r#type: id, remark: str, flags: copy }
    ShareInfo502I <=> ShareInfo502 {
        netname: str, r#type: id, remark: str, permissions: copy, max_uses: copy,
        current_uses: copy, path: str, passwd: str, reserved: copy, security_descriptor: str,
    }
    ShareInfo503I <=> ShareInfo503 {
        netname: str, r#type: id, remark: str, permissions: copy, max_uses: copy,
        current_uses: copy, path: str, passwd: str, servername: str, reserved: copy,
        security_descriptor: str,
    }
    ShareInfo1004 <=> ShareInfo1004 { remark: str }
    ShareInfo1005 <=> ShareInfo1005 { flags: copy }
    ShareInfo1006 <=> ShareInfo1006 { max_uses: copy }
    ShareInfo1501I <=> ShareInfo1501 { reserved: copy, security_descriptor: str }

    ServerInfo100 <=> ServerInfo100 { platform_id: id, name: str }
    ServerInfo101 <=> ServerInfo101 {
        platform_id: id, name: str, version_major: copy, version_minor: copy, r#type: copy,
        comment: str,
    }
    ServerInfo102 <=> ServerInfo102 {
        platform_id: id, name: str, version_major: copy, version_minor: copy, r#type: copy,
        comment: str, users: copy, disc: copy, hidden: bool, announce: copy, anndelta: copy,
        userpath: str,
    }
    ServerInfo402 <=> ServerInfo402 {
        ulist_mtime: copy, glist_mtime: copy, alist_mtime: copy, security: copy, numadmin: copy,
        lanmask: copy, guestacct: str, chdevs: copy, chdevq: copy, chdevjobs: copy,
        connections: copy, shares: copy, openfiles: copy, sessopens: copy, sessvcs: copy,
        sessreqs: copy, opensearch: copy, activelocks: copy, numreqbuf: copy, sizreqbuf: copy,
        numbigbuf: copy, numfiletasks: copy, alertsched: copy, erroralert: copy,
        logonalert: copy, accessalert: copy, diskalert: copy, netioalert: copy,
        maxauditsz: copy, srvheuristics: str,
    }
    ServerInfo403 <=> ServerInfo403 {
        ulist_mtime: copy, glist_mtime: copy, alist_mtime: copy, security: copy, numadmin: copy,
        lanmask: copy, guestacct: str, chdevs: copy, chdevq: copy, chdevjobs: copy,
        connections: copy, shares: copy, openfiles: copy, sessopens: copy, sessvcs: copy,
        sessreqs: copy, opensearch: copy, activelocks: copy, numreqbuf: copy, sizreqbuf: copy,
        numbigbuf: copy, numfiletasks: copy, alertsched: copy, erroralert: copy,
        logonalert: copy, accessalert: copy, diskalert: copy, netioalert: copy,
        maxauditsz: copy, srvheuristics: str, auditedevents: copy, autoprofile: copy,
        autopath: str,
    }
    ServerInfo502 <=> ServerInfo502 {
        sessopens: copy, sessvcs: copy, opensearch: copy, sizreqbuf: copy, initworkitems: copy,
        maxworkitems: copy, rawworkitems: copy, irpstacksize: copy, maxrawbuflen: copy,
        sessusers: copy, sessconns: copy, maxpagedmemoryusage: copy,
        maxnonpagedmemoryusage: copy, enableforcedlogoff: bool, timesource: bool,
        acceptdownlevelapis: bool, lmannounce: bool,
    }
    ServerInfo503 <=> ServerInfo503 {
        sessopens: copy, sessvcs: copy, opensearch: copy, sizreqbuf: copy, initworkitems: copy,
        maxworkitems: copy, rawworkitems: copy, irpstacksize: copy, maxrawbuflen: copy,
        sessusers: copy, sessconns: copy, maxpagedmemoryusage: copy,
        maxnonpagedmemoryusage: copy, enableforcedlogoff: bool, timesource: bool,
        acceptdownlevelapis: bool, lmannounce: bool, domain: str, maxkeepsearch: copy,
        scavtimeout: copy, minrcvqueue: copy, minfreeworkitems: copy, xactmemsize: copy,
        threadpriority: copy, maxmpxct: copy, oplockbreakwait: copy,
        oplockbreakresponsewait: copy, enableoplocks: bool, enablefcbopens: bool,
        enableraw: bool, enablesharednetdrives: bool, minfreeconnections: copy,
        maxfreeconnections: copy,
    }

    ServerInfo1005 <=> ServerInfo1005 { comment: str }

    FileInfo2 <=> FileInfo2 { id: copy }
}

// SESSION_INFO_* and FILE_INFO_3: pywin32 renames the C members (`sesi1_cname` → `client_name`).

impl From<w::SessionInfo0> for i::SessionInfo0 {
    fn from(v: w::SessionInfo0) -> Self {
        i::SessionInfo0 {
            client_name: v.cname,
        }
    }
}

impl From<w::SessionInfo1> for i::SessionInfo1 {
    fn from(v: w::SessionInfo1) -> Self {
        i::SessionInfo1 {
            client_name: v.cname,
            user_name: v.username,
            num_opens: v.num_opens,
            active_time: v.time,
            idle_time: v.idle_time,
            user_flags: v.user_flags,
        }
    }
}

impl From<w::SessionInfo2> for i::SessionInfo2 {
    fn from(v: w::SessionInfo2) -> Self {
        i::SessionInfo2 {
            client_name: v.cname,
            user_name: v.username,
            num_opens: v.num_opens,
            active_time: v.time,
            idle_time: v.idle_time,
            user_flags: v.user_flags,
            client_type: v.cltype_name,
        }
    }
}

impl From<w::SessionInfo10> for i::SessionInfo10 {
    fn from(v: w::SessionInfo10) -> Self {
        i::SessionInfo10 {
            client_name: v.cname,
            user_name: v.username,
            active_time: v.time,
            idle_time: v.idle_time,
        }
    }
}

impl From<w::SessionInfo502> for i::SessionInfo502 {
    fn from(v: w::SessionInfo502) -> Self {
        i::SessionInfo502 {
            client_name: v.cname,
            user_name: v.username,
            num_opens: v.num_opens,
            active_time: v.time,
            idle_time: v.idle_time,
            user_flags: v.user_flags,
            client_type: v.cltype_name,
            transport: v.transport,
        }
    }
}

impl From<w::FileInfo3> for i::FileInfo3 {
    fn from(v: w::FileInfo3) -> Self {
        i::FileInfo3 {
            id: v.id,
            permissions: v.permissions,
            num_locks: v.num_locks,
            path_name: v.pathname,
            user_name: v.username,
        }
    }
}

impl From<w::StatServer0> for i::StatServer0 {
    fn from(v: w::StatServer0) -> Self {
        i::StatServer0 {
            sts0_start: v.start,
            sts0_fopens: v.fopens,
            sts0_devopens: v.devopens,
            sts0_jobsqueued: v.jobsqueued,
            sts0_sopens: v.sopens,
            sts0_stimedout: v.stimedout,
            sts0_serrorout: v.serrorout,
            sts0_pwerrors: v.pwerrors,
            sts0_permerrors: v.permerrors,
            sts0_syserrors: v.syserrors,
            sts0_bytessent_low: v.bytessent_low,
            sts0_bytessent_high: v.bytessent_high,
            sts0_bytesrcvd_low: v.bytesrcvd_low,
            sts0_bytesrcvd_high: v.bytesrcvd_high,
            sts0_avresponse: v.avresponse,
            sts0_reqbufneed: v.reqbufneed,
            sts0_bigbufneed: v.bigbufneed,
        }
    }
}

/// A share of any level as the `SHARE_INFO` union (for NetrShareAdd / NetrShareSetInfo).
pub(crate) fn share_to_wire(info: &i::ShareInfo) -> w::ShareInfo {
    match info {
        i::ShareInfo::L0(v) => w::ShareInfo::L0(Some(v.into())),
        i::ShareInfo::L1(v) => w::ShareInfo::L1(Some(v.into())),
        i::ShareInfo::L2(v) => w::ShareInfo::L2(Some(v.into())),
        i::ShareInfo::L501(v) => w::ShareInfo::L501(Some(v.into())),
        i::ShareInfo::L502(v) => w::ShareInfo::L502(Some(v.into())),
        i::ShareInfo::L503(v) => w::ShareInfo::L503(Some(v.into())),
        i::ShareInfo::L1004(v) => w::ShareInfo::L1004(Some(v.into())),
        i::ShareInfo::L1005(v) => w::ShareInfo::L1005(Some(v.into())),
        i::ShareInfo::L1006(v) => w::ShareInfo::L1006(Some(v.into())),
        i::ShareInfo::L1501(v) => w::ShareInfo::L1501(Some(v.into())),
    }
}

/// The `SHARE_INFO` union answered by NetrShareGetInfo. A NULL arm with success status (Samba
/// answers 1501 that way when a share has no descriptor) reads as the level's zero value.
pub(crate) fn share_from_wire(u: w::ShareInfo) -> Option<i::ShareInfo> {
    Some(match u {
        w::ShareInfo::L0(v) => i::ShareInfo::L0(v.unwrap_or_default().into()),
        w::ShareInfo::L1(v) => i::ShareInfo::L1(v.unwrap_or_default().into()),
        w::ShareInfo::L2(v) => i::ShareInfo::L2(v.unwrap_or_default().into()),
        w::ShareInfo::L501(v) => i::ShareInfo::L501(v.unwrap_or_default().into()),
        w::ShareInfo::L502(v) => i::ShareInfo::L502(v.unwrap_or_default().into()),
        w::ShareInfo::L503(v) => i::ShareInfo::L503(v.unwrap_or_default().into()),
        w::ShareInfo::L1004(v) => i::ShareInfo::L1004(v.unwrap_or_default().into()),
        w::ShareInfo::L1005(v) => i::ShareInfo::L1005(v.unwrap_or_default().into()),
        w::ShareInfo::L1006(v) => i::ShareInfo::L1006(v.unwrap_or_default().into()),
        w::ShareInfo::L1501(v) => i::ShareInfo::L1501(v.unwrap_or_default().into()),
        w::ShareInfo::Other(_) => return None,
    })
}

/// A server of any level as the `SERVER_INFO` union (for NetrServerSetInfo).
pub(crate) fn server_to_wire(info: &i::ServerInfo) -> w::ServerInfo {
    match info {
        i::ServerInfo::L100(v) => w::ServerInfo::L100(Some(v.into())),
        i::ServerInfo::L101(v) => w::ServerInfo::L101(Some(v.into())),
        i::ServerInfo::L102(v) => w::ServerInfo::L102(Some(v.into())),
        i::ServerInfo::L402(v) => w::ServerInfo::L402(Some(v.into())),
        i::ServerInfo::L403(v) => w::ServerInfo::L403(Some(v.into())),
        i::ServerInfo::L502(v) => w::ServerInfo::L502(Some(v.into())),
        i::ServerInfo::L503(v) => w::ServerInfo::L503(Some(v.into())),
        i::ServerInfo::L1005(v) => w::ServerInfo::L1005(Some(v.into())),
    }
}

/// The `SERVER_INFO` union answered by NetrServerGetInfo; `None` for levels we do not expose.
pub(crate) fn server_from_wire(u: w::ServerInfo) -> Option<i::ServerInfo> {
    Some(match u {
        w::ServerInfo::L100(v) => i::ServerInfo::L100(v.unwrap_or_default().into()),
        w::ServerInfo::L101(v) => i::ServerInfo::L101(v.unwrap_or_default().into()),
        w::ServerInfo::L102(v) => i::ServerInfo::L102(v.unwrap_or_default().into()),
        w::ServerInfo::L402(v) => i::ServerInfo::L402(v.unwrap_or_default().into()),
        w::ServerInfo::L403(v) => i::ServerInfo::L403(v.unwrap_or_default().into()),
        w::ServerInfo::L502(v) => i::ServerInfo::L502(v.unwrap_or_default().into()),
        w::ServerInfo::L503(v) => i::ServerInfo::L503(v.unwrap_or_default().into()),
        w::ServerInfo::L1005(v) => i::ServerInfo::L1005(v.unwrap_or_default().into()),
        _ => return None,
    })
}

/// The `FILE_INFO` union answered by NetrFileGetInfo.
pub(crate) fn file_from_wire(u: w::FileInfo) -> Option<i::FileInfo> {
    Some(match u {
        w::FileInfo::L2(v) => i::FileInfo::L2(v.unwrap_or_default().into()),
        w::FileInfo::L3(v) => i::FileInfo::L3(v.unwrap_or_default().into()),
        w::FileInfo::Other(_) => return None,
    })
}

/// Entries of a `SHARE_ENUM_UNION` (a NULL container is an empty page).
pub(crate) fn share_entries(u: w::ShareEnumUnion) -> Option<Vec<i::ShareInfo>> {
    fn all<W, P: Into<i::ShareInfo> + From<W>>(c: Option<Vec<W>>) -> Vec<i::ShareInfo> {
        c.unwrap_or_default()
            .into_iter()
            .map(|v| P::from(v).into())
            .collect()
    }
    Some(match u {
        w::ShareEnumUnion::L0(c) => all::<_, i::ShareInfo0>(c.and_then(|c| c.buffer)),
        w::ShareEnumUnion::L1(c) => all::<_, i::ShareInfo1>(c.and_then(|c| c.buffer)),
        w::ShareEnumUnion::L2(c) => all::<_, i::ShareInfo2>(c.and_then(|c| c.buffer)),
        w::ShareEnumUnion::L501(c) => all::<_, i::ShareInfo501>(c.and_then(|c| c.buffer)),
        w::ShareEnumUnion::L502(c) => all::<_, i::ShareInfo502>(c.and_then(|c| c.buffer)),
        w::ShareEnumUnion::L503(c) => all::<_, i::ShareInfo503>(c.and_then(|c| c.buffer)),
        w::ShareEnumUnion::Other(_) => return None,
    })
}

/// Entries of a `SESSION_ENUM_UNION`.
pub(crate) fn session_entries(u: w::SessionEnumUnion) -> Option<Vec<i::SessionInfo>> {
    fn all<W, P: Into<i::SessionInfo> + From<W>>(c: Option<Vec<W>>) -> Vec<i::SessionInfo> {
        c.unwrap_or_default()
            .into_iter()
            .map(|v| P::from(v).into())
            .collect()
    }
    Some(match u {
        w::SessionEnumUnion::L0(c) => all::<_, i::SessionInfo0>(c.and_then(|c| c.buffer)),
        w::SessionEnumUnion::L1(c) => all::<_, i::SessionInfo1>(c.and_then(|c| c.buffer)),
        w::SessionEnumUnion::L2(c) => all::<_, i::SessionInfo2>(c.and_then(|c| c.buffer)),
        w::SessionEnumUnion::L10(c) => all::<_, i::SessionInfo10>(c.and_then(|c| c.buffer)),
        w::SessionEnumUnion::L502(c) => all::<_, i::SessionInfo502>(c.and_then(|c| c.buffer)),
        w::SessionEnumUnion::Other(_) => return None,
    })
}

/// Entries of a `FILE_ENUM_UNION`.
pub(crate) fn file_entries(u: w::FileEnumUnion) -> Option<Vec<i::FileInfo>> {
    fn all<W, P: Into<i::FileInfo> + From<W>>(c: Option<Vec<W>>) -> Vec<i::FileInfo> {
        c.unwrap_or_default()
            .into_iter()
            .map(|v| P::from(v).into())
            .collect()
    }
    Some(match u {
        w::FileEnumUnion::L2(c) => all::<_, i::FileInfo2>(c.and_then(|c| c.buffer)),
        w::FileEnumUnion::L3(c) => all::<_, i::FileInfo3>(c.and_then(|c| c.buffer)),
        w::FileEnumUnion::Other(_) => return None,
    })
}
