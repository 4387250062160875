//! Server information (\[MS-SRVS\] 2.2.4.39–2.2.4.92, 2.2.4.105, 2.2.3.7):
//! statistics, `SERVER_INFO_*` levels, disks and the time of day.
//!
//! quirk(samba-4.17): `NetrServerGetInfo` serves levels 100, 101 and 102
//! only (others: `ERROR_INVALID_LEVEL` with a NULL arm); `NetrServerSetInfo`
//! succeeds and changes nothing.

use netapi_ndr::Ndr;
use netapi_ndr::codec::{Plain, Varying};

use super::PlatformId;

/// `STAT_SERVER_0` (\[MS-SRVS\] 2.2.4.39): server statistics since `start`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "STAT_SERVER_0")]
pub struct StatServer0 {
    /// `sts0_start`: seconds since 1970-01-01 UTC when collection started.
    pub start: u32,
    /// `sts0_fopens`: opens (named pipes included).
    pub fopens: u32,
    /// `sts0_devopens` (0).
    pub devopens: u32,
    /// `sts0_jobsqueued`.
    pub jobsqueued: u32,
    /// `sts0_sopens`: sessions started.
    pub sopens: u32,
    /// `sts0_stimedout`: sessions disconnected for idleness.
    pub stimedout: u32,
    /// `sts0_serrorout`: sessions ended by an error.
    pub serrorout: u32,
    /// `sts0_pwerrors`: password violations.
    pub pwerrors: u32,
    /// `sts0_permerrors`: access permission errors.
    pub permerrors: u32,
    /// `sts0_syserrors`.
    pub syserrors: u32,
    /// `sts0_bytessent_low`.
    pub bytessent_low: u32,
    /// `sts0_bytessent_high`.
    pub bytessent_high: u32,
    /// `sts0_bytesrcvd_low`.
    pub bytesrcvd_low: u32,
    /// `sts0_bytesrcvd_high`.
    pub bytesrcvd_high: u32,
    /// `sts0_avresponse`: mean response time in milliseconds.
    pub avresponse: u32,
    /// `sts0_reqbufneed`.
    pub reqbufneed: u32,
    /// `sts0_bigbufneed`.
    pub bigbufneed: u32,
}

/// `SERVER_INFO_100` (\[MS-SRVS\] 2.2.4.40): platform and name.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_100")]
pub struct ServerInfo100 {
    /// `sv100_platform_id`.
    pub platform_id: PlatformId,
    /// `sv100_name`.
    #[ndr(unique, string)]
    pub name: Option<String>,
}

/// `SERVER_INFO_101` (\[MS-SRVS\] 2.2.4.41): level 100 plus version, type
/// and comment.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_101")]
pub struct ServerInfo101 {
    /// `sv101_platform_id`.
    pub platform_id: PlatformId,
    /// `sv101_name`.
    #[ndr(unique, string)]
    pub name: Option<String>,
    /// `sv101_version_major` (low 4 bits; the high bits are a server type).
    pub version_major: u32,
    /// `sv101_version_minor`.
    pub version_minor: u32,
    /// `sv101_type`: [`super::sv_type`] bits.
    pub r#type: u32,
    /// `sv101_comment`.
    #[ndr(unique, string)]
    pub comment: Option<String>,
}

/// `SERVER_INFO_102` (\[MS-SRVS\] 2.2.4.42): level 101 plus user limits,
/// announcement settings and the user path.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_102")]
pub struct ServerInfo102 {
    /// `sv102_platform_id`.
    pub platform_id: PlatformId,
    /// `sv102_name`.
    #[ndr(unique, string)]
    pub name: Option<String>,
    /// `sv102_version_major`.
    pub version_major: u32,
    /// `sv102_version_minor`.
    pub version_minor: u32,
    /// `sv102_type`.
    pub r#type: u32,
    /// `sv102_comment`.
    #[ndr(unique, string)]
    pub comment: Option<String>,
    /// `sv102_users`: the user limit.
    pub users: u32,
    /// `sv102_disc`: auto-disconnect minutes (`long`; -1 never).
    pub disc: i32,
    /// `sv102_hidden`: `BOOL` (`int`).
    pub hidden: i32,
    /// `sv102_announce`: seconds between announcements.
    pub announce: u32,
    /// `sv102_anndelta`: announcement jitter in milliseconds.
    pub anndelta: u32,
    /// `sv102_licenses`.
    pub licenses: u32,
    /// `sv102_userpath`.
    #[ndr(unique, string)]
    pub userpath: Option<String>,
}

/// `SERVER_INFO_103` (\[MS-SRVS\] 2.2.4.43): level 102 plus capabilities.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_103")]
pub struct ServerInfo103 {
    /// `sv103_platform_id`.
    pub platform_id: PlatformId,
    /// `sv103_name`.
    #[ndr(unique, string)]
    pub name: Option<String>,
    /// `sv103_version_major`.
    pub version_major: u32,
    /// `sv103_version_minor`.
    pub version_minor: u32,
    /// `sv103_type`.
    pub r#type: u32,
    /// `sv103_comment`.
    #[ndr(unique, string)]
    pub comment: Option<String>,
    /// `sv103_users`.
    pub users: u32,
    /// `sv103_disc`.
    pub disc: i32,
    /// `sv103_hidden`.
    pub hidden: i32,
    /// `sv103_announce`.
    pub announce: u32,
    /// `sv103_anndelta`.
    pub anndelta: u32,
    /// `sv103_licenses`.
    pub licenses: u32,
    /// `sv103_userpath`.
    #[ndr(unique, string)]
    pub userpath: Option<String>,
    /// `sv103_capabilities`.
    pub capabilities: u32,
}

/// `SERVER_INFO_402` (Windows SDK `lmserver.h`; **not** in \[MS-SRVS\]): the
/// LAN Manager 2.x server settings pywin32 exposes as level 402.
///
/// \[MS-SRVS\]'s `SERVER_INFO` has no arm 402; this one exists because Samba's
/// IDL does, so its `ERROR_INVALID_LEVEL` answer (discriminant 402, NULL
/// pointer) decodes.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_402")]
pub struct ServerInfo402 {
    /// `sv402_ulist_mtime`.
    pub ulist_mtime: u32,
    /// `sv402_glist_mtime`.
    pub glist_mtime: u32,
    /// `sv402_alist_mtime`.
    pub alist_mtime: u32,
    /// `sv402_alerts`.
    #[ndr(unique, string)]
    pub alerts: Option<String>,
    /// `sv402_security`.
    pub security: u32,
    /// `sv402_numadmin`.
    pub numadmin: u32,
    /// `sv402_lanmask`.
    pub lanmask: u32,
    /// `sv402_guestacct`.
    #[ndr(unique, string)]
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
    #[ndr(unique, string)]
    pub srvheuristics: Option<String>,
}

/// `SERVER_INFO_403` (Windows SDK `lmserver.h`; **not** in \[MS-SRVS\]):
/// level 402 plus auditing and the auto-profile settings. See
/// [`ServerInfo402`] for why it is declared.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_403")]
pub struct ServerInfo403 {
    /// `sv403_ulist_mtime`.
    pub ulist_mtime: u32,
    /// `sv403_glist_mtime`.
    pub glist_mtime: u32,
    /// `sv403_alist_mtime`.
    pub alist_mtime: u32,
    /// `sv403_alerts`.
    #[ndr(unique, string)]
    pub alerts: Option<String>,
    /// `sv403_security`.
    pub security: u32,
    /// `sv403_numadmin`.
    pub numadmin: u32,
    /// `sv403_lanmask`.
    pub lanmask: u32,
    /// `sv403_guestacct`.
    #[ndr(unique, string)]
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
    #[ndr(unique, string)]
    pub srvheuristics: Option<String>,
    /// `sv403_auditedevents`.
    pub auditedevents: u32,
    /// `sv403_autoprofile`.
    pub autoprofile: u32,
    /// `sv403_autopath`.
    #[ndr(unique, string)]
    pub autopath: Option<String>,
}

/// `SERVER_INFO_502` (\[MS-SRVS\] 2.2.4.44): tuning parameters (the
/// `sv599_*` fields of the same names, \[MS-SRVS\] 2.2.4.46).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
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
    /// `sv502_enablesoftcompat` (`int`).
    pub enablesoftcompat: i32,
    /// `sv502_enableforcedlogoff` (`int`).
    pub enableforcedlogoff: i32,
    /// `sv502_timesource` (`int`).
    pub timesource: i32,
    /// `sv502_acceptdownlevelapis` (`int`).
    pub acceptdownlevelapis: i32,
    /// `sv502_lmannounce` (`int`).
    pub lmannounce: i32,
}

/// `SERVER_INFO_503` (\[MS-SRVS\] 2.2.4.45): level 502 plus the domain and
/// more tuning parameters.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
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
    /// `sv503_enablesoftcompat`.
    pub enablesoftcompat: i32,
    /// `sv503_enableforcedlogoff`.
    pub enableforcedlogoff: i32,
    /// `sv503_timesource`.
    pub timesource: i32,
    /// `sv503_acceptdownlevelapis`.
    pub acceptdownlevelapis: i32,
    /// `sv503_lmannounce`.
    pub lmannounce: i32,
    /// `sv503_domain`.
    #[ndr(unique, string)]
    pub domain: Option<String>,
    /// `sv503_maxcopyreadlen`.
    pub maxcopyreadlen: u32,
    /// `sv503_maxcopywritelen`.
    pub maxcopywritelen: u32,
    /// `sv503_minkeepsearch`.
    pub minkeepsearch: u32,
    /// `sv503_maxkeepsearch`.
    pub maxkeepsearch: u32,
    /// `sv503_minkeepcomplsearch`.
    pub minkeepcomplsearch: u32,
    /// `sv503_maxkeepcomplsearch`.
    pub maxkeepcomplsearch: u32,
    /// `sv503_threadcountadd`.
    pub threadcountadd: u32,
    /// `sv503_numblockthreads`.
    pub numblockthreads: u32,
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
    pub enableoplocks: i32,
    /// `sv503_enableoplockforceclose`.
    pub enableoplockforceclose: i32,
    /// `sv503_enablefcbopens`.
    pub enablefcbopens: i32,
    /// `sv503_enableraw`.
    pub enableraw: i32,
    /// `sv503_enablesharednetdrives`.
    pub enablesharednetdrives: i32,
    /// `sv503_minfreeconnections`.
    pub minfreeconnections: u32,
    /// `sv503_maxfreeconnections`.
    pub maxfreeconnections: u32,
}

/// `SERVER_INFO_599` (\[MS-SRVS\] 2.2.4.46): level 503 plus table sizes,
/// alert thresholds and link settings.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_599")]
pub struct ServerInfo599 {
    /// `sv599_sessopens`.
    pub sessopens: u32,
    /// `sv599_sessvcs`.
    pub sessvcs: u32,
    /// `sv599_opensearch`.
    pub opensearch: u32,
    /// `sv599_sizreqbuf`.
    pub sizreqbuf: u32,
    /// `sv599_initworkitems`.
    pub initworkitems: u32,
    /// `sv599_maxworkitems`.
    pub maxworkitems: u32,
    /// `sv599_rawworkitems`.
    pub rawworkitems: u32,
    /// `sv599_irpstacksize`.
    pub irpstacksize: u32,
    /// `sv599_maxrawbuflen`.
    pub maxrawbuflen: u32,
    /// `sv599_sessusers`.
    pub sessusers: u32,
    /// `sv599_sessconns`.
    pub sessconns: u32,
    /// `sv599_maxpagedmemoryusage`.
    pub maxpagedmemoryusage: u32,
    /// `sv599_maxnonpagedmemoryusage`.
    pub maxnonpagedmemoryusage: u32,
    /// `sv599_enablesoftcompat`.
    pub enablesoftcompat: i32,
    /// `sv599_enableforcedlogoff`.
    pub enableforcedlogoff: i32,
    /// `sv599_timesource`.
    pub timesource: i32,
    /// `sv599_acceptdownlevelapis`.
    pub acceptdownlevelapis: i32,
    /// `sv599_lmannounce`.
    pub lmannounce: i32,
    /// `sv599_domain`.
    #[ndr(unique, string)]
    pub domain: Option<String>,
    /// `sv599_maxcopyreadlen`.
    pub maxcopyreadlen: u32,
    /// `sv599_maxcopywritelen`.
    pub maxcopywritelen: u32,
    /// `sv599_minkeepsearch`.
    pub minkeepsearch: u32,
    /// `sv599_maxkeepsearch`.
    pub maxkeepsearch: u32,
    /// `sv599_minkeepcomplsearch`.
    pub minkeepcomplsearch: u32,
    /// `sv599_maxkeepcomplsearch`.
    pub maxkeepcomplsearch: u32,
    /// `sv599_threadcountadd`.
    pub threadcountadd: u32,
    /// `sv599_numblockthreads`.
    pub numblockthreads: u32,
    /// `sv599_scavtimeout`.
    pub scavtimeout: u32,
    /// `sv599_minrcvqueue`.
    pub minrcvqueue: u32,
    /// `sv599_minfreeworkitems`.
    pub minfreeworkitems: u32,
    /// `sv599_xactmemsize`.
    pub xactmemsize: u32,
    /// `sv599_threadpriority`.
    pub threadpriority: u32,
    /// `sv599_maxmpxct`.
    pub maxmpxct: u32,
    /// `sv599_oplockbreakwait`.
    pub oplockbreakwait: u32,
    /// `sv599_oplockbreakresponsewait`.
    pub oplockbreakresponsewait: u32,
    /// `sv599_enableoplocks`.
    pub enableoplocks: i32,
    /// `sv599_enableoplockforceclose`.
    pub enableoplockforceclose: i32,
    /// `sv599_enablefcbopens`.
    pub enablefcbopens: i32,
    /// `sv599_enableraw`.
    pub enableraw: i32,
    /// `sv599_enablesharednetdrives`.
    pub enablesharednetdrives: i32,
    /// `sv599_minfreeconnections`.
    pub minfreeconnections: u32,
    /// `sv599_maxfreeconnections`.
    pub maxfreeconnections: u32,
    /// `sv599_initsesstable`.
    pub initsesstable: u32,
    /// `sv599_initconntable`.
    pub initconntable: u32,
    /// `sv599_initfiletable`.
    pub initfiletable: u32,
    /// `sv599_initsearchtable`.
    pub initsearchtable: u32,
    /// `sv599_alertschedule`.
    pub alertschedule: u32,
    /// `sv599_errorthreshold`.
    pub errorthreshold: u32,
    /// `sv599_networkerrorthreshold`.
    pub networkerrorthreshold: u32,
    /// `sv599_diskspacethreshold`.
    pub diskspacethreshold: u32,
    /// `sv599_reserved`.
    pub reserved: u32,
    /// `sv599_maxlinkdelay`.
    pub maxlinkdelay: u32,
    /// `sv599_minlinkthroughput`.
    pub minlinkthroughput: u32,
    /// `sv599_linkinfovalidtime`.
    pub linkinfovalidtime: u32,
    /// `sv599_scavqosinfoupdatetime`.
    pub scavqosinfoupdatetime: u32,
    /// `sv599_maxworkitemidletime`.
    pub maxworkitemidletime: u32,
}

/// `SERVER_INFO_1005` (\[MS-SRVS\] 2.2.4.47): the comment alone.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SERVER_INFO_1005")]
pub struct ServerInfo1005 {
    /// `sv1005_comment`.
    #[ndr(unique, string)]
    pub comment: Option<String>,
}

/// Declares the single-number `SERVER_INFO_1xxx` levels `NetrServerSetInfo`
/// takes: each sets the `SERVER_INFO_102` or `SERVER_INFO_599` field of the
/// same name.
macro_rules! server_info_one {
    ($( $name:ident $alias:literal $num:literal $section:literal $field:ident: $ty:ty; )*) => {$(
        #[doc = concat!("`", $alias, "` (\\[MS-SRVS\\] ", $section, "): `sv", $num, "_",
                        stringify!($field), "` alone.")]
        #[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
        #[doc(alias = $alias)]
        pub struct $name {
            #[doc = concat!("`sv", $num, "_", stringify!($field), "`.")]
            pub $field: $ty,
        }
    )*};
}

server_info_one! {
    ServerInfo1107 "SERVER_INFO_1107" 1107 "2.2.4.48" users: u32;
    ServerInfo1010 "SERVER_INFO_1010" 1010 "2.2.4.49" disc: i32;
    ServerInfo1016 "SERVER_INFO_1016" 1016 "2.2.4.50" hidden: i32;
    ServerInfo1017 "SERVER_INFO_1017" 1017 "2.2.4.51" announce: u32;
    ServerInfo1018 "SERVER_INFO_1018" 1018 "2.2.4.52" anndelta: u32;
    ServerInfo1501 "SERVER_INFO_1501" 1501 "2.2.4.53" sessopens: u32;
    ServerInfo1502 "SERVER_INFO_1502" 1502 "2.2.4.54" sessvcs: u32;
    ServerInfo1503 "SERVER_INFO_1503" 1503 "2.2.4.55" opensearch: u32;
    ServerInfo1506 "SERVER_INFO_1506" 1506 "2.2.4.56" maxworkitems: u32;
    ServerInfo1510 "SERVER_INFO_1510" 1510 "2.2.4.57" sessusers: u32;
    ServerInfo1511 "SERVER_INFO_1511" 1511 "2.2.4.58" sessconns: u32;
    ServerInfo1512 "SERVER_INFO_1512" 1512 "2.2.4.59" maxnonpagedmemoryusage: u32;
    ServerInfo1513 "SERVER_INFO_1513" 1513 "2.2.4.60" maxpagedmemoryusage: u32;
    ServerInfo1514 "SERVER_INFO_1514" 1514 "2.2.4.61" enablesoftcompat: i32;
    ServerInfo1515 "SERVER_INFO_1515" 1515 "2.2.4.62" enableforcedlogoff: i32;
    ServerInfo1516 "SERVER_INFO_1516" 1516 "2.2.4.63" timesource: i32;
    ServerInfo1518 "SERVER_INFO_1518" 1518 "2.2.4.64" lmannounce: i32;
    ServerInfo1523 "SERVER_INFO_1523" 1523 "2.2.4.65" maxkeepsearch: u32;
    ServerInfo1528 "SERVER_INFO_1528" 1528 "2.2.4.66" scavtimeout: u32;
    ServerInfo1529 "SERVER_INFO_1529" 1529 "2.2.4.67" minrcvqueue: u32;
    ServerInfo1530 "SERVER_INFO_1530" 1530 "2.2.4.68" minfreeworkitems: u32;
    ServerInfo1533 "SERVER_INFO_1533" 1533 "2.2.4.69" maxmpxct: u32;
    ServerInfo1534 "SERVER_INFO_1534" 1534 "2.2.4.70" oplockbreakwait: u32;
    ServerInfo1535 "SERVER_INFO_1535" 1535 "2.2.4.71" oplockbreakresponsewait: u32;
    ServerInfo1536 "SERVER_INFO_1536" 1536 "2.2.4.72" enableoplocks: i32;
    ServerInfo1538 "SERVER_INFO_1538" 1538 "2.2.4.73" enablefcbopens: i32;
    ServerInfo1539 "SERVER_INFO_1539" 1539 "2.2.4.74" enableraw: i32;
    ServerInfo1540 "SERVER_INFO_1540" 1540 "2.2.4.75" enablesharednetdrives: i32;
    ServerInfo1541 "SERVER_INFO_1541" 1541 "2.2.4.76" minfreeconnections: i32;
    ServerInfo1542 "SERVER_INFO_1542" 1542 "2.2.4.77" maxfreeconnections: i32;
    ServerInfo1543 "SERVER_INFO_1543" 1543 "2.2.4.78" initsesstable: u32;
    ServerInfo1544 "SERVER_INFO_1544" 1544 "2.2.4.79" initconntable: u32;
    ServerInfo1545 "SERVER_INFO_1545" 1545 "2.2.4.80" initfiletable: u32;
    ServerInfo1546 "SERVER_INFO_1546" 1546 "2.2.4.81" initsearchtable: u32;
    ServerInfo1547 "SERVER_INFO_1547" 1547 "2.2.4.82" alertschedule: u32;
    ServerInfo1548 "SERVER_INFO_1548" 1548 "2.2.4.83" errorthreshold: u32;
    ServerInfo1549 "SERVER_INFO_1549" 1549 "2.2.4.84" networkerrorthreshold: u32;
    ServerInfo1550 "SERVER_INFO_1550" 1550 "2.2.4.85" diskspacethreshold: u32;
    ServerInfo1552 "SERVER_INFO_1552" 1552 "2.2.4.86" maxlinkdelay: u32;
    ServerInfo1553 "SERVER_INFO_1553" 1553 "2.2.4.87" minlinkthroughput: u32;
    ServerInfo1554 "SERVER_INFO_1554" 1554 "2.2.4.88" linkinfovalidtime: u32;
    ServerInfo1555 "SERVER_INFO_1555" 1555 "2.2.4.89" scavqosinfoupdatetime: u32;
    ServerInfo1556 "SERVER_INFO_1556" 1556 "2.2.4.90" maxworkitemidletime: u32;
}

/// `SERVER_INFO` (\[MS-SRVS\] 2.2.3.7): one server information level, for
/// `NetrServerGetInfo` (100–599) and `NetrServerSetInfo` (also the
/// single-setting levels 1005–1556). Arms 402 and 403 are not in the spec
/// (see [`ServerInfo402`]).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = u32)]
#[doc(alias = "SERVER_INFO")]
pub enum ServerInfo {
    /// `ServerInfo100`.
    #[ndr(case = 100)]
    L100(#[ndr(unique)] Option<ServerInfo100>),
    /// `ServerInfo101`.
    #[ndr(case = 101)]
    L101(#[ndr(unique)] Option<ServerInfo101>),
    /// `ServerInfo102`.
    #[ndr(case = 102)]
    L102(#[ndr(unique)] Option<ServerInfo102>),
    /// `ServerInfo103`.
    #[ndr(case = 103)]
    L103(#[ndr(unique)] Option<ServerInfo103>),
    /// Level 402 (`lmserver.h`, not \[MS-SRVS\]).
    #[ndr(case = 402)]
    L402(#[ndr(unique)] Option<ServerInfo402>),
    /// Level 403 (`lmserver.h`, not \[MS-SRVS\]).
    #[ndr(case = 403)]
    L403(#[ndr(unique)] Option<ServerInfo403>),
    /// `ServerInfo502`.
    #[ndr(case = 502)]
    L502(#[ndr(unique)] Option<ServerInfo502>),
    /// `ServerInfo503`.
    #[ndr(case = 503)]
    L503(#[ndr(unique)] Option<ServerInfo503>),
    /// `ServerInfo599`.
    #[ndr(case = 599)]
    L599(#[ndr(unique)] Option<ServerInfo599>),
    /// `ServerInfo1005`.
    #[ndr(case = 1005)]
    L1005(#[ndr(unique)] Option<ServerInfo1005>),
    /// `ServerInfo1107`.
    #[ndr(case = 1107)]
    L1107(#[ndr(unique)] Option<ServerInfo1107>),
    /// `ServerInfo1010`.
    #[ndr(case = 1010)]
    L1010(#[ndr(unique)] Option<ServerInfo1010>),
    /// `ServerInfo1016`.
    #[ndr(case = 1016)]
    L1016(#[ndr(unique)] Option<ServerInfo1016>),
    /// `ServerInfo1017`.
    #[ndr(case = 1017)]
    L1017(#[ndr(unique)] Option<ServerInfo1017>),
    /// `ServerInfo1018`.
    #[ndr(case = 1018)]
    L1018(#[ndr(unique)] Option<ServerInfo1018>),
    /// `ServerInfo1501`.
    #[ndr(case = 1501)]
    L1501(#[ndr(unique)] Option<ServerInfo1501>),
    /// `ServerInfo1502`.
    #[ndr(case = 1502)]
    L1502(#[ndr(unique)] Option<ServerInfo1502>),
    /// `ServerInfo1503`.
    #[ndr(case = 1503)]
    L1503(#[ndr(unique)] Option<ServerInfo1503>),
    /// `ServerInfo1506`.
    #[ndr(case = 1506)]
    L1506(#[ndr(unique)] Option<ServerInfo1506>),
    /// `ServerInfo1510`.
    #[ndr(case = 1510)]
    L1510(#[ndr(unique)] Option<ServerInfo1510>),
    /// `ServerInfo1511`.
    #[ndr(case = 1511)]
    L1511(#[ndr(unique)] Option<ServerInfo1511>),
    /// `ServerInfo1512`.
    #[ndr(case = 1512)]
    L1512(#[ndr(unique)] Option<ServerInfo1512>),
    /// `ServerInfo1513`.
    #[ndr(case = 1513)]
    L1513(#[ndr(unique)] Option<ServerInfo1513>),
    /// `ServerInfo1514`.
    #[ndr(case = 1514)]
    L1514(#[ndr(unique)] Option<ServerInfo1514>),
    /// `ServerInfo1515`.
    #[ndr(case = 1515)]
    L1515(#[ndr(unique)] Option<ServerInfo1515>),
    /// `ServerInfo1516`.
    #[ndr(case = 1516)]
    L1516(#[ndr(unique)] Option<ServerInfo1516>),
    /// `ServerInfo1518`.
    #[ndr(case = 1518)]
    L1518(#[ndr(unique)] Option<ServerInfo1518>),
    /// `ServerInfo1523`.
    #[ndr(case = 1523)]
    L1523(#[ndr(unique)] Option<ServerInfo1523>),
    /// `ServerInfo1528`.
    #[ndr(case = 1528)]
    L1528(#[ndr(unique)] Option<ServerInfo1528>),
    /// `ServerInfo1529`.
    #[ndr(case = 1529)]
    L1529(#[ndr(unique)] Option<ServerInfo1529>),
    /// `ServerInfo1530`.
    #[ndr(case = 1530)]
    L1530(#[ndr(unique)] Option<ServerInfo1530>),
    /// `ServerInfo1533`.
    #[ndr(case = 1533)]
    L1533(#[ndr(unique)] Option<ServerInfo1533>),
    /// `ServerInfo1534`.
    #[ndr(case = 1534)]
    L1534(#[ndr(unique)] Option<ServerInfo1534>),
    /// `ServerInfo1535`.
    #[ndr(case = 1535)]
    L1535(#[ndr(unique)] Option<ServerInfo1535>),
    /// `ServerInfo1536`.
    #[ndr(case = 1536)]
    L1536(#[ndr(unique)] Option<ServerInfo1536>),
    /// `ServerInfo1538`.
    #[ndr(case = 1538)]
    L1538(#[ndr(unique)] Option<ServerInfo1538>),
    /// `ServerInfo1539`.
    #[ndr(case = 1539)]
    L1539(#[ndr(unique)] Option<ServerInfo1539>),
    /// `ServerInfo1540`.
    #[ndr(case = 1540)]
    L1540(#[ndr(unique)] Option<ServerInfo1540>),
    /// `ServerInfo1541`.
    #[ndr(case = 1541)]
    L1541(#[ndr(unique)] Option<ServerInfo1541>),
    /// `ServerInfo1542`.
    #[ndr(case = 1542)]
    L1542(#[ndr(unique)] Option<ServerInfo1542>),
    /// `ServerInfo1543`.
    #[ndr(case = 1543)]
    L1543(#[ndr(unique)] Option<ServerInfo1543>),
    /// `ServerInfo1544`.
    #[ndr(case = 1544)]
    L1544(#[ndr(unique)] Option<ServerInfo1544>),
    /// `ServerInfo1545`.
    #[ndr(case = 1545)]
    L1545(#[ndr(unique)] Option<ServerInfo1545>),
    /// `ServerInfo1546`.
    #[ndr(case = 1546)]
    L1546(#[ndr(unique)] Option<ServerInfo1546>),
    /// `ServerInfo1547`.
    #[ndr(case = 1547)]
    L1547(#[ndr(unique)] Option<ServerInfo1547>),
    /// `ServerInfo1548`.
    #[ndr(case = 1548)]
    L1548(#[ndr(unique)] Option<ServerInfo1548>),
    /// `ServerInfo1549`.
    #[ndr(case = 1549)]
    L1549(#[ndr(unique)] Option<ServerInfo1549>),
    /// `ServerInfo1550`.
    #[ndr(case = 1550)]
    L1550(#[ndr(unique)] Option<ServerInfo1550>),
    /// `ServerInfo1552`.
    #[ndr(case = 1552)]
    L1552(#[ndr(unique)] Option<ServerInfo1552>),
    /// `ServerInfo1553`.
    #[ndr(case = 1553)]
    L1553(#[ndr(unique)] Option<ServerInfo1553>),
    /// `ServerInfo1554`.
    #[ndr(case = 1554)]
    L1554(#[ndr(unique)] Option<ServerInfo1554>),
    /// `ServerInfo1555`.
    #[ndr(case = 1555)]
    L1555(#[ndr(unique)] Option<ServerInfo1555>),
    /// `ServerInfo1556`.
    #[ndr(case = 1556)]
    L1556(#[ndr(unique)] Option<ServerInfo1556>),
    /// Any other level (not in the IDL): the discriminant, no body.
    #[ndr(default)]
    Other(u32),
}

/// `DISK_INFO` (\[MS-SRVS\] 2.2.4.91): one drive, `[string] WCHAR Disk[3]`.
///
/// A `[string]` fixed array is a *varying* array: `offset` (0) and
/// `actual_count` (characters including the NUL, at most 3), then that
/// many UTF-16 units, with no `max_count` (the bound is the fixed 3). So
/// `"C:"` is `00000000 03000000 4300 3a00 0000` and the elements of a
/// [`DiskEnumContainer`] have different sizes (each aligned to 4).
/// [`DiskInfo::disk`] keeps the units exactly as sent, NUL included, so a
/// decoded entry re-encodes byte for byte; [`DiskInfo::name`] gives text.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "DISK_INFO")]
pub struct DiskInfo {
    /// `Disk`: the transmitted units, terminating NUL included.
    #[ndr(with = Varying<Plain, 3>)]
    pub disk: Vec<u16>,
}

impl DiskInfo {
    /// A drive as Windows sends it: `name` (`"C:"`, at most 2 units) and a NUL.
    /// `None` when `name` does not fit.
    pub fn new(name: &str) -> Option<Self> {
        let mut disk: Vec<u16> = name.encode_utf16().collect();
        if disk.len() > 2 {
            return None;
        }
        disk.push(0);
        Some(Self { disk })
    }

    /// The drive name up to the first NUL (`""` for the terminating entry).
    pub fn name(&self) -> String {
        let end = self
            .disk
            .iter()
            .position(|u| *u == 0)
            .unwrap_or(self.disk.len());
        netapi_ndr::codec::utf16_lossy(&self.disk[..end])
    }
}

/// `DISK_ENUM_CONTAINER` (\[MS-SRVS\] 2.2.4.92): the drives
/// `NetrServerDiskEnum` returns, a conformant-varying array.
///
/// quirk(samba-4.17), as Windows: the list ends with an empty entry (`""`)
/// that `EntriesRead` counts and `TotalEntries` does not.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "DISK_ENUM_CONTAINER")]
pub struct DiskEnumContainer {
    /// `EntriesRead`.
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read), length_is(entries_read))]
    pub buffer: Option<Vec<DiskInfo>>,
}

/// `TIME_OF_DAY_INFO` (\[MS-SRVS\] 2.2.4.105): the server's clock.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "TIME_OF_DAY_INFO")]
pub struct TimeOfDayInfo {
    /// `tod_elapsedt`: seconds since 1970-01-01 00:00 UTC.
    pub elapsedt: u32,
    /// `tod_msecs`: a millisecond counter (not the time's milliseconds).
    pub msecs: u32,
    /// `tod_hours` (UTC).
    pub hours: u32,
    /// `tod_mins`.
    pub mins: u32,
    /// `tod_secs`.
    pub secs: u32,
    /// `tod_hunds`: hundredths of a second.
    pub hunds: u32,
    /// `tod_timezone`: minutes west of UTC (`long`; -1 unknown).
    pub timezone: i32,
    /// `tod_tinterval`: clock tick in 0.0001 s.
    pub tinterval: u32,
    /// `tod_day`: 1–31.
    pub day: u32,
    /// `tod_month`: 1–12.
    pub month: u32,
    /// `tod_year`.
    pub year: u32,
    /// `tod_weekday`: 0 (Sunday)–6.
    pub weekday: u32,
}
