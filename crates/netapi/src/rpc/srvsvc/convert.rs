//! Wire types of [MS-SRVS] (`netapi_msrpc::srvsvc`) to and from the public info levels
//! (`crate::info`), field by field.
//!
//! Fields the wire has and pywin32's layout lacks (`sv102_licenses`, `sv402_alerts`,
//! `sv502_enablesoftcompat`, ...) are dropped on read and sent as zero/NULL on write, which is
//! what pywin32 does with the C structs. The dispatch between the family enums and the wire
//! unions is declared at the end with [`wire_levels!`]; the conversion kinds are those of
//! [`fields!`].

use netapi_msrpc::srvsvc as w;

use crate::info as i;
use crate::rpc::levels::{fields, wire_levels};

fields! {
    w::ShareInfo0 <=> i::ShareInfo0 { netname: str }
    w::ShareInfo1 <=> i::ShareInfo1 { netname: str, r#type: id, remark: str }
    w::ShareInfo2 <=> i::ShareInfo2 {
        netname: str, r#type: id, remark: str, permissions: copy, max_uses: copy,
        current_uses: copy, path: str, passwd: str,
    }
    w::ShareInfo501 <=> i::ShareInfo501 { netname: str, r#type: id, remark: str, flags: copy }
    w::ShareInfo502I <=> i::ShareInfo502 {
        netname: str, r#type: id, remark: str, permissions: copy, max_uses: copy,
        current_uses: copy, path: str, passwd: str, reserved: copy, security_descriptor: str,
    }
    w::ShareInfo503I <=> i::ShareInfo503 {
        netname: str, r#type: id, remark: str, permissions: copy, max_uses: copy,
        current_uses: copy, path: str, passwd: str, servername: str, reserved: copy,
        security_descriptor: str,
    }
    w::ShareInfo1004 <=> i::ShareInfo1004 { remark: str }
    w::ShareInfo1005 <=> i::ShareInfo1005 { flags: copy }
    w::ShareInfo1006 <=> i::ShareInfo1006 { max_uses: copy }
    w::ShareInfo1501I <=> i::ShareInfo1501 { reserved: copy, security_descriptor: str }

    w::ServerInfo100 <=> i::ServerInfo100 { platform_id: id, name: str }
    w::ServerInfo101 <=> i::ServerInfo101 {
        platform_id: id, name: str, version_major: copy, version_minor: copy, r#type: copy,
        comment: str,
    }
    w::ServerInfo102 <=> i::ServerInfo102 {
        platform_id: id, name: str, version_major: copy, version_minor: copy, r#type: copy,
        comment: str, users: copy, disc: copy, hidden: bool, announce: copy, anndelta: copy,
        userpath: str,
    }
    w::ServerInfo402 <=> i::ServerInfo402 {
        ulist_mtime: copy, glist_mtime: copy, alist_mtime: copy, security: copy, numadmin: copy,
        lanmask: copy, guestacct: str, chdevs: copy, chdevq: copy, chdevjobs: copy,
        connections: copy, shares: copy, openfiles: copy, sessopens: copy, sessvcs: copy,
        sessreqs: copy, opensearch: copy, activelocks: copy, numreqbuf: copy, sizreqbuf: copy,
        numbigbuf: copy, numfiletasks: copy, alertsched: copy, erroralert: copy,
        logonalert: copy, accessalert: copy, diskalert: copy, netioalert: copy,
        maxauditsz: copy, srvheuristics: str,
    }
    w::ServerInfo403 <=> i::ServerInfo403 {
        ulist_mtime: copy, glist_mtime: copy, alist_mtime: copy, security: copy, numadmin: copy,
        lanmask: copy, guestacct: str, chdevs: copy, chdevq: copy, chdevjobs: copy,
        connections: copy, shares: copy, openfiles: copy, sessopens: copy, sessvcs: copy,
        sessreqs: copy, opensearch: copy, activelocks: copy, numreqbuf: copy, sizreqbuf: copy,
        numbigbuf: copy, numfiletasks: copy, alertsched: copy, erroralert: copy,
        logonalert: copy, accessalert: copy, diskalert: copy, netioalert: copy,
        maxauditsz: copy, srvheuristics: str, auditedevents: copy, autoprofile: copy,
        autopath: str,
    }
    w::ServerInfo502 <=> i::ServerInfo502 {
        sessopens: copy, sessvcs: copy, opensearch: copy, sizreqbuf: copy, initworkitems: copy,
        maxworkitems: copy, rawworkitems: copy, irpstacksize: copy, maxrawbuflen: copy,
        sessusers: copy, sessconns: copy, maxpagedmemoryusage: copy,
        maxnonpagedmemoryusage: copy, enableforcedlogoff: bool, timesource: bool,
        acceptdownlevelapis: bool, lmannounce: bool,
    }
    w::ServerInfo503 <=> i::ServerInfo503 {
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

    w::ServerInfo1005 <=> i::ServerInfo1005 { comment: str }

    w::FileInfo2 <=> i::FileInfo2 { id: copy }

    // pywin32 renames the C members of SESSION_INFO_* and FILE_INFO_3 (`sesi1_cname` →
    // `client_name`, `sesi1_time` → `active_time`); these are only ever read.
    w::SessionInfo0 => i::SessionInfo0 { client_name <- cname: str }
    w::SessionInfo1 => i::SessionInfo1 {
        client_name <- cname: str, user_name <- username: str, num_opens: copy,
        active_time <- time: copy, idle_time: copy, user_flags: copy,
    }
    w::SessionInfo2 => i::SessionInfo2 {
        client_name <- cname: str, user_name <- username: str, num_opens: copy,
        active_time <- time: copy, idle_time: copy, user_flags: copy,
        client_type <- cltype_name: str,
    }
    w::SessionInfo10 => i::SessionInfo10 {
        client_name <- cname: str, user_name <- username: str, active_time <- time: copy,
        idle_time: copy,
    }
    w::SessionInfo502 => i::SessionInfo502 {
        client_name <- cname: str, user_name <- username: str, num_opens: copy,
        active_time <- time: copy, idle_time: copy, user_flags: copy,
        client_type <- cltype_name: str, transport: str,
    }
    w::FileInfo3 => i::FileInfo3 {
        id: copy, permissions: copy, num_locks: copy, path_name <- pathname: str,
        user_name <- username: str,
    }
    // STAT_SERVER_0 keeps its `sts0_` prefix in pywin32.
    w::StatServer0 => i::StatServer0 {
        sts0_start <- start: copy, sts0_fopens <- fopens: copy, sts0_devopens <- devopens: copy,
        sts0_jobsqueued <- jobsqueued: copy, sts0_sopens <- sopens: copy,
        sts0_stimedout <- stimedout: copy, sts0_serrorout <- serrorout: copy,
        sts0_pwerrors <- pwerrors: copy, sts0_permerrors <- permerrors: copy,
        sts0_syserrors <- syserrors: copy, sts0_bytessent_low <- bytessent_low: copy,
        sts0_bytessent_high <- bytessent_high: copy, sts0_bytesrcvd_low <- bytesrcvd_low: copy,
        sts0_bytesrcvd_high <- bytesrcvd_high: copy, sts0_avresponse <- avresponse: copy,
        sts0_reqbufneed <- reqbufneed: copy, sts0_bigbufneed <- bigbufneed: copy,
    }
}

wire_levels! {
    union i::ShareInfo <=> w::ShareInfo {
        L0, L1, L2, L501, L502, L503, L1004, L1005, L1006, L1501
    }
    entries i::ShareInfo <= w::ShareEnumUnion { L0, L1, L2, L501, L502, L503 }
    union i::ServerInfo <=> w::ServerInfo { L100, L101, L102, L402, L403, L502, L503, L1005 }
    entries i::SessionInfo <= w::SessionEnumUnion { L0, L1, L2, L10, L502 }
    union i::FileInfo <= w::FileInfo { L2, L3 }
    entries i::FileInfo <= w::FileEnumUnion { L2, L3 }
}
