//! `SERVER_INFO_*` ([MS-SRVS] 2.2.4.40–2.2.4.47; NetServerGetInfo / NetServerSetInfo / NetServerEnum),
//! with pywin32's keys.

use serde::{Deserialize, Serialize};

use super::levels;

/// `SERVER_INFO_100`: platform and name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_100")]
pub struct ServerInfo100 {
    /// `sv100_platform_id`: PLATFORM_ID_* (e.g. 500 = NT).
    pub platform_id: u32,
    /// `sv100_name`: server name (no leading backslashes).
    pub name: Option<String>,
}

/// `SERVER_INFO_101`: level 100 plus version, type bits and comment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_101")]
pub struct ServerInfo101 {
    /// `sv101_platform_id`: PLATFORM_ID_* (e.g. 500 = NT).
    pub platform_id: u32,
    /// `sv101_name`: server name (no leading backslashes).
    pub name: Option<String>,
    /// `sv101_version_major`: major version; on NT may carry MAJOR_VERSION_MASK bits.
    pub version_major: u32,
    /// `sv101_version_minor`: minor version.
    pub version_minor: u32,
    /// `sv101_type`: SV_TYPE_* bit mask, read as unsigned (SV_TYPE_DOMAIN_ENUM bit reads as 2147483648, win32netcon value is -2147483648).
    pub r#type: u32,
    /// `sv101_comment`: server comment.
    pub comment: Option<String>,
}

/// `SERVER_INFO_102`: level 101 plus user limits, visibility and the user path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_102")]
pub struct ServerInfo102 {
    /// `sv102_platform_id`: PLATFORM_ID_* (e.g. 500 = NT).
    pub platform_id: u32,
    /// `sv102_name`: server name (no leading backslashes).
    pub name: Option<String>,
    /// `sv102_version_major`: major version; on NT may carry MAJOR_VERSION_MASK bits.
    pub version_major: u32,
    /// `sv102_version_minor`: minor version.
    pub version_minor: u32,
    /// `sv102_type`: SV_TYPE_* bit mask, read as unsigned (SV_TYPE_DOMAIN_ENUM bit reads as 2147483648, win32netcon value is -2147483648).
    pub r#type: u32,
    /// `sv102_comment`: server comment.
    pub comment: Option<String>,
    /// `sv102_users`: max users.
    pub users: u32,
    /// `sv102_disc`: auto-disconnect minutes; signed (SV_NODISC = -1 reads back as -1).
    pub disc: i32,
    /// `sv102_hidden`: bool.
    pub hidden: bool,
    /// `sv102_announce`: announce rate, seconds.
    pub announce: u32,
    /// `sv102_anndelta`: announce delta, milliseconds.
    pub anndelta: u32,
    /// `sv102_userpath`: path to user directories.
    pub userpath: Option<String>,
}

/// `SERVER_INFO_402`: LAN Manager 2.x server settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_402")]
pub struct ServerInfo402 {
    /// `sv402_ulist_mtime`.
    pub ulist_mtime: u32,
    /// `sv402_glist_mtime`.
    pub glist_mtime: u32,
    /// `sv402_alist_mtime`.
    pub alist_mtime: u32,
    /// `sv402_security`.
    pub security: u32,
    /// `sv402_numadmin`.
    pub numadmin: u32,
    /// `sv402_lanmask`.
    pub lanmask: u32,
    /// `sv402_guestacct`.
    pub guestacct: Option<String>,
    /// `sv402_chdevs`.
    pub chdevs: u32,
    /// `sv402_chdevq`.
    pub chdevq: u32,
    /// `sv402_chdevjobs`.
    pub chdevjobs: u32,
    /// `sv402_connections`.
    pub connections: u32,
    /// `sv402_shares`.
    pub shares: u32,
    /// `sv402_openfiles`.
    pub openfiles: u32,
    /// `sv402_sessopens`.
    pub sessopens: u32,
    /// `sv402_sessvcs`.
    pub sessvcs: u32,
    /// `sv402_sessreqs`.
    pub sessreqs: u32,
    /// `sv402_opensearch`.
    pub opensearch: u32,
    /// `sv402_activelocks`.
    pub activelocks: u32,
    /// `sv402_numreqbuf`.
    pub numreqbuf: u32,
    /// `sv402_sizreqbuf`.
    pub sizreqbuf: u32,
    /// `sv402_numbigbuf`.
    pub numbigbuf: u32,
    /// `sv402_numfiletasks`.
    pub numfiletasks: u32,
    /// `sv402_alertsched`.
    pub alertsched: u32,
    /// `sv402_erroralert`.
    pub erroralert: u32,
    /// `sv402_logonalert`.
    pub logonalert: u32,
    /// `sv402_accessalert`.
    pub accessalert: u32,
    /// `sv402_diskalert`.
    pub diskalert: u32,
    /// `sv402_netioalert`.
    pub netioalert: u32,
    /// `sv402_maxauditsz`.
    pub maxauditsz: u32,
    /// `sv402_srvheuristics`.
    pub srvheuristics: Option<String>,
}

/// `SERVER_INFO_403`: level 402 plus auditing and profile settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_403")]
pub struct ServerInfo403 {
    /// `sv403_ulist_mtime`.
    pub ulist_mtime: u32,
    /// `sv403_glist_mtime`.
    pub glist_mtime: u32,
    /// `sv403_alist_mtime`.
    pub alist_mtime: u32,
    /// `sv403_security`.
    pub security: u32,
    /// `sv403_numadmin`.
    pub numadmin: u32,
    /// `sv403_lanmask`.
    pub lanmask: u32,
    /// `sv403_guestacct`.
    pub guestacct: Option<String>,
    /// `sv403_chdevs`.
    pub chdevs: u32,
    /// `sv403_chdevq`.
    pub chdevq: u32,
    /// `sv403_chdevjobs`.
    pub chdevjobs: u32,
    /// `sv403_connections`.
    pub connections: u32,
    /// `sv403_shares`.
    pub shares: u32,
    /// `sv403_openfiles`.
    pub openfiles: u32,
    /// `sv403_sessopens`.
    pub sessopens: u32,
    /// `sv403_sessvcs`.
    pub sessvcs: u32,
    /// `sv403_sessreqs`.
    pub sessreqs: u32,
    /// `sv403_opensearch`.
    pub opensearch: u32,
    /// `sv403_activelocks`.
    pub activelocks: u32,
    /// `sv403_numreqbuf`.
    pub numreqbuf: u32,
    /// `sv403_sizreqbuf`.
    pub sizreqbuf: u32,
    /// `sv403_numbigbuf`.
    pub numbigbuf: u32,
    /// `sv403_numfiletasks`.
    pub numfiletasks: u32,
    /// `sv403_alertsched`.
    pub alertsched: u32,
    /// `sv403_erroralert`.
    pub erroralert: u32,
    /// `sv403_logonalert`.
    pub logonalert: u32,
    /// `sv403_accessalert`.
    pub accessalert: u32,
    /// `sv403_diskalert`.
    pub diskalert: u32,
    /// `sv403_netioalert`.
    pub netioalert: u32,
    /// `sv403_maxauditsz`.
    pub maxauditsz: u32,
    /// `sv403_srvheuristics`.
    pub srvheuristics: Option<String>,
    /// `sv403_auditedevents`.
    pub auditedevents: u32,
    /// `sv403_autoprofile`.
    pub autoprofile: u32,
    /// `sv403_autopath`.
    pub autopath: Option<String>,
}

/// `SERVER_INFO_502`: server tuning parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_502")]
pub struct ServerInfo502 {
    /// `sv502_sessopens`.
    pub sessopens: u32,
    /// `sv502_sessvcs`.
    pub sessvcs: u32,
    /// `sv502_opensearch`.
    pub opensearch: u32,
    /// `sv502_sizreqbuf`.
    pub sizreqbuf: u32,
    /// `sv502_initworkitems`.
    pub initworkitems: u32,
    /// `sv502_maxworkitems`.
    pub maxworkitems: u32,
    /// `sv502_rawworkitems`.
    pub rawworkitems: u32,
    /// `sv502_irpstacksize`.
    pub irpstacksize: u32,
    /// `sv502_maxrawbuflen`.
    pub maxrawbuflen: u32,
    /// `sv502_sessusers`.
    pub sessusers: u32,
    /// `sv502_sessconns`.
    pub sessconns: u32,
    /// `sv502_maxpagedmemoryusage`.
    pub maxpagedmemoryusage: u32,
    /// `sv502_maxnonpagedmemoryusage`.
    pub maxnonpagedmemoryusage: u32,
    /// `sv502_enableforcedlogoff`.
    pub enableforcedlogoff: bool,
    /// `sv502_timesource`.
    pub timesource: bool,
    /// `sv502_acceptdownlevelapis`.
    pub acceptdownlevelapis: bool,
    /// `sv502_lmannounce`.
    pub lmannounce: bool,
}

/// `SERVER_INFO_503`: level 502 plus more tuning parameters and the domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_503")]
pub struct ServerInfo503 {
    /// `sv503_sessopens`.
    pub sessopens: u32,
    /// `sv503_sessvcs`.
    pub sessvcs: u32,
    /// `sv503_opensearch`.
    pub opensearch: u32,
    /// `sv503_sizreqbuf`.
    pub sizreqbuf: u32,
    /// `sv503_initworkitems`.
    pub initworkitems: u32,
    /// `sv503_maxworkitems`.
    pub maxworkitems: u32,
    /// `sv503_rawworkitems`.
    pub rawworkitems: u32,
    /// `sv503_irpstacksize`.
    pub irpstacksize: u32,
    /// `sv503_maxrawbuflen`.
    pub maxrawbuflen: u32,
    /// `sv503_sessusers`.
    pub sessusers: u32,
    /// `sv503_sessconns`.
    pub sessconns: u32,
    /// `sv503_maxpagedmemoryusage`.
    pub maxpagedmemoryusage: u32,
    /// `sv503_maxnonpagedmemoryusage`.
    pub maxnonpagedmemoryusage: u32,
    /// `sv503_enableforcedlogoff`.
    pub enableforcedlogoff: bool,
    /// `sv503_timesource`.
    pub timesource: bool,
    /// `sv503_acceptdownlevelapis`.
    pub acceptdownlevelapis: bool,
    /// `sv503_lmannounce`.
    pub lmannounce: bool,
    /// `sv503_domain`.
    pub domain: Option<String>,
    /// `sv503_maxkeepsearch`.
    pub maxkeepsearch: u32,
    /// `sv503_scavtimeout`.
    pub scavtimeout: u32,
    /// `sv503_minrcvqueue`.
    pub minrcvqueue: u32,
    /// `sv503_minfreeworkitems`.
    pub minfreeworkitems: u32,
    /// `sv503_xactmemsize`.
    pub xactmemsize: u32,
    /// `sv503_threadpriority`.
    pub threadpriority: u32,
    /// `sv503_maxmpxct`.
    pub maxmpxct: u32,
    /// `sv503_oplockbreakwait`.
    pub oplockbreakwait: u32,
    /// `sv503_oplockbreakresponsewait`.
    pub oplockbreakresponsewait: u32,
    /// `sv503_enableoplocks`.
    pub enableoplocks: bool,
    /// `sv503_enablefcbopens`.
    pub enablefcbopens: bool,
    /// `sv503_enableraw`.
    pub enableraw: bool,
    /// `sv503_enablesharednetdrives`.
    pub enablesharednetdrives: bool,
    /// `sv503_minfreeconnections`.
    pub minfreeconnections: u32,
    /// `sv503_maxfreeconnections`.
    pub maxfreeconnections: u32,
}
/// `SERVER_INFO_1005` ([MS-SRVS] 2.2.4.47): the comment alone, for NetServerSetInfo. Not a
/// pywin32 level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[doc(alias = "SERVER_INFO_1005")]
pub struct ServerInfo1005 {
    /// `sv1005_comment`.
    pub comment: Option<String>,
}

levels! {
    /// A server at any level ([MS-SRVS] `SERVER_INFO` union, 2.2.3.7).
    ServerInfo {
        100 => L100(ServerInfo100),
        101 => L101(ServerInfo101),
        102 => L102(ServerInfo102),
        402 => L402(ServerInfo402),
        403 => L403(ServerInfo403),
        502 => L502(ServerInfo502),
        503 => L503(ServerInfo503),
        1005 => L1005(ServerInfo1005),
    }
    /// Levels NetServerGetInfo accepts ([MS-SRVS] 3.1.4.17).
    GET_LEVELS = [100, 101, 102, 402, 403, 502, 503];
    /// Levels NetServerSetInfo accepts here ([MS-SRVS] 3.1.4.18; the other single-setting
    /// levels are not exposed).
    SET_LEVELS = [101, 102, 402, 403, 502, 503, 1005];
    /// Levels NetServerEnum accepts ([MS-RAP] NetServerEnum2: 100 and 101).
    ENUM_LEVELS = [100, 101];
}
