//! A [MS-SRVS] responder for the peer: the server service as Microsoft's specification
//! describes it, for the calls Samba does not serve (or serves differently) — NetrShareCheck
//! (3.1.4.16), NetrFileGetInfo (3.1.4.3), NetrServerStatisticsGet (3.1.4.20),
//! NetrServerTransportEnum / AddEx / DelEx (3.1.4.24, 3.1.4.23, 3.1.4.26), NetrSessionEnum at
//! levels 2, 10 and 502 with working client and user filters (3.1.4.5), NetrShareEnum /
//! NetrShareGetInfo at level 503 (3.1.4.8, 3.1.4.10) — plus NetrFileEnum (3.1.4.2).
//!
//! State is a [`Server`] the test builds and can inspect after the calls. Enumerations page as
//! the spec describes (3.1.4.8, example in 4.1): entries are counted against
//! `PreferedMaximumLength` by the size of the native structure Windows would fill (8-byte
//! pointers, UTF-16 strings with their NUL), at least one entry per page so a small buffer
//! still makes progress; `ERROR_MORE_DATA` with a nonzero resume handle (the index of the next
//! entry) while more remain; `TotalEntries` counts the entries from the resume position on.
//! Other opnums fault with `nca_s_op_rng_error`, requests that do not decode with
//! `RPC_X_BAD_STUB_DATA`.

use std::sync::{Arc, Mutex, MutexGuard};

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::srvsvc as w;

use super::PeerConfig;
use super::rpc::{NCA_S_OP_RNG_ERROR, RPC_X_BAD_STUB_DATA, Reply};

/// The srvsvc interface (`4b324fc8-1670-01d3-1278-5a47bf6ee188` v3.0).
pub const SRVSVC: SyntaxId = <w::Srvsvc as netapi_msrpc::Interface>::SYNTAX;

/// `ERROR_INVALID_PARAMETER`.
pub const ERROR_INVALID_PARAMETER: u32 = 87;
/// `ERROR_INVALID_LEVEL`.
pub const ERROR_INVALID_LEVEL: u32 = 124;
/// `ERROR_MORE_DATA`: another page follows.
pub const ERROR_MORE_DATA: u32 = 234;
/// `ERROR_DUP_NAME`: the emulated name is already bound to that transport.
pub const ERROR_DUP_NAME: u32 = 52;
/// `NERR_UserNotFound`.
pub const NERR_USER_NOT_FOUND: u32 = 2221;
/// `NERR_NetNameNotFound`: no such share (or transport binding).
pub const NERR_NET_NAME_NOT_FOUND: u32 = 2310;
/// `NERR_DeviceNotShared`.
pub const NERR_DEVICE_NOT_SHARED: u32 = 2311;
/// `NERR_ClientNameNotFound`.
pub const NERR_CLIENT_NAME_NOT_FOUND: u32 = 2312;
/// `NERR_FileIdNotFound`.
pub const NERR_FILE_ID_NOT_FOUND: u32 = 2314;

/// One share ([MS-SRVS] 3.1.1.7 ShareList entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// Share name.
    pub netname: String,
    /// `STYPE_*` with flags.
    pub r#type: u32,
    /// Remark.
    pub remark: String,
    /// Permissions (share-level security only).
    pub permissions: u32,
    /// Most concurrent uses (`u32::MAX`: unlimited).
    pub max_uses: u32,
    /// Current uses.
    pub current_uses: u32,
    /// Local path (`C:\...`).
    pub path: String,
    /// `*` for an unscoped share, or the server name it is scoped to (level 503).
    pub servername: String,
    /// Self-relative security descriptor (levels 502, 503).
    pub security_descriptor: Option<Vec<u8>>,
    /// `shi501_flags` / `shi1005_flags`.
    pub flags: u32,
}

impl Share {
    /// A disk share of `path`.
    pub fn disk(netname: &str, path: &str, remark: &str) -> Self {
        Share {
            netname: netname.into(),
            r#type: w::ShareType::STYPE_DISKTREE.0,
            remark: remark.into(),
            permissions: 0,
            max_uses: u32::MAX,
            current_uses: 0,
            path: path.into(),
            servername: "*".into(),
            security_descriptor: None,
            flags: 0,
        }
    }
}

/// One session ([MS-SRVS] 3.1.1.9).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    /// `\\client` (with the backslashes, as Windows reports it).
    pub cname: String,
    /// User name.
    pub username: String,
    /// Open files, pipes and devices.
    pub num_opens: u32,
    /// Seconds active.
    pub time: u32,
    /// Seconds idle.
    pub idle_time: u32,
    /// `SESS_*` flags.
    pub user_flags: u32,
    /// Client type.
    pub cltype_name: String,
    /// Transport.
    pub transport: String,
}

/// One open file ([MS-SRVS] 3.1.1.10).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpenFile {
    /// `fi3_id`.
    pub id: u32,
    /// `PERM_FILE_*`.
    pub permissions: u32,
    /// Locks held.
    pub num_locks: u32,
    /// Path.
    pub pathname: String,
    /// Who opened it.
    pub username: String,
}

/// One transport binding ([MS-SRVS] 3.1.1.4 TransportList entry).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transport {
    /// Clients connected over it.
    pub numberofvcs: u32,
    /// Device name (`\Device\NetbiosSmb`).
    pub name: String,
    /// The server name on it, as bytes (NetBIOS names padded with spaces to 16).
    pub address: Vec<u8>,
    /// The adapter address, hex.
    pub network_address: String,
    /// Emulated domain of an emulated name.
    pub domain: Option<String>,
}

/// The server the responder answers for; tests build it and read it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    /// NetBIOS name.
    pub name: String,
    /// Shares, in enumeration order.
    pub shares: Vec<Share>,
    /// Sessions.
    pub sessions: Vec<Session>,
    /// Open files.
    pub files: Vec<OpenFile>,
    /// Transport bindings (emulated names are added here by NetrServerTransportAddEx).
    pub transports: Vec<Transport>,
    /// Statistics answered by NetrServerStatisticsGet.
    pub statistics: w::StatServer0,
}

impl Server {
    /// A small Windows file server `PEER`: administrative shares, a public share, a printer,
    /// a share scoped to another server name, three sessions, two open files, two transports.
    pub fn windows() -> Self {
        let special = w::ShareType::STYPE_SPECIAL.0;
        let mut scoped = Share::disk("web", "C:\\inetpub", "Scoped to WEBHOST");
        scoped.servername = "WEBHOST".into();
        let mut printer = Share::disk("LaserJet", "LPT1:", "Second floor");
        printer.r#type = w::ShareType::STYPE_PRINTQ.0;
        let mut public = Share::disk("public", "C:\\Shares\\public", "Public files");
        public.current_uses = 2;
        public.max_uses = 20;
        public.security_descriptor = Some(vec![1, 0, 4, 0x80, 0, 0, 0, 0, 0, 0, 0, 0]);
        let admin = Share {
            r#type: special,
            ..Share::disk("ADMIN$", "C:\\Windows", "Remote Admin")
        };
        let c = Share {
            r#type: special,
            ..Share::disk("C$", "C:\\", "Default share")
        };
        let ipc = Share {
            r#type: w::ShareType::STYPE_IPC.0 | special,
            ..Share::disk("IPC$", "", "Remote IPC")
        };
        let session = |cname: &str, user: &str, opens: u32, time: u32| Session {
            cname: cname.into(),
            username: user.into(),
            num_opens: opens,
            time,
            idle_time: time / 2,
            user_flags: 0,
            cltype_name: "Windows 10 Enterprise 19045".into(),
            transport: "\\Device\\NetbiosSmb".into(),
        };
        Server {
            name: "PEER".into(),
            shares: vec![admin, c, ipc, public, printer, scoped],
            sessions: vec![
                session("\\\\10.0.0.5", "alice", 2, 600),
                session("\\\\10.0.0.6", "bob", 0, 1200),
                session("\\\\10.0.0.5", "carol", 1, 30),
            ],
            files: vec![
                OpenFile {
                    id: 0x1001,
                    permissions: w::file_permissions::PERM_FILE_READ
                        | w::file_permissions::PERM_FILE_WRITE,
                    num_locks: 1,
                    pathname: "C:\\Shares\\public\\report.docx".into(),
                    username: "alice".into(),
                },
                OpenFile {
                    id: 0x1002,
                    permissions: w::file_permissions::PERM_FILE_READ,
                    num_locks: 0,
                    pathname: "C:\\Shares\\public\\notes.txt".into(),
                    username: "carol".into(),
                },
            ],
            transports: vec![
                Transport {
                    numberofvcs: 2,
                    name: "\\Device\\NetbiosSmb".into(),
                    address: netbios("PEER"),
                    network_address: "000000000000".into(),
                    domain: None,
                },
                Transport {
                    numberofvcs: 1,
                    name: "\\Device\\NetBT_Tcpip_{6A1C2D42-0E0A-4F2B-9A5D-3C1B7E9F0A11}".into(),
                    address: netbios("PEER"),
                    network_address: "00155d012345".into(),
                    domain: None,
                },
            ],
            statistics: w::StatServer0 {
                start: 1_700_000_000,
                fopens: 120,
                devopens: 0,
                jobsqueued: 3,
                sopens: 7,
                stimedout: 1,
                serrorout: 2,
                pwerrors: 4,
                permerrors: 5,
                syserrors: 0,
                bytessent_low: 0x1234_5678,
                bytessent_high: 1,
                bytesrcvd_low: 0x0abc_def0,
                bytesrcvd_high: 0,
                avresponse: 12,
                reqbufneed: 0,
                bigbufneed: 0,
            },
        }
    }

    /// [`Server::windows`] followed by `n` more disk shares `share0000`, `share0001`, ...
    pub fn with_shares(n: usize) -> Self {
        let mut s = Server::windows();
        s.shares.extend((0..n).map(|i| {
            Share::disk(
                &format!("share{i:04}"),
                &format!("C:\\Shares\\s{i:04}"),
                &format!("Share number {i}"),
            )
        }));
        s
    }
}

/// A NetBIOS name as a transport address: upper case, padded with spaces to 16 bytes.
pub fn netbios(name: &str) -> Vec<u8> {
    let mut b = name.to_ascii_uppercase().into_bytes();
    b.resize(16.max(b.len()), b' ');
    b
}

/// The srvsvc responder; clones share the [`Server`].
#[derive(Debug, Clone)]
pub struct Srvsvc {
    server: Arc<Mutex<Server>>,
}

impl Srvsvc {
    /// Answer for `server`.
    pub fn new(server: Server) -> Self {
        Srvsvc {
            server: Arc::new(Mutex::new(server)),
        }
    }

    /// Answer for [`Server::windows`].
    pub fn windows() -> Self {
        Self::new(Server::windows())
    }

    /// The server's state (lock it briefly; the responder needs it for every call).
    pub fn server(&self) -> MutexGuard<'_, Server> {
        self.server.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A handler for [`PeerConfig::interface`] answering from the shared state.
    pub fn handler(&self) -> impl FnMut(u16, &[u8]) -> Reply + Send + 'static {
        let me = self.clone();
        move |opnum, stub| me.answer(opnum, stub)
    }

    /// The answer to one call (tests that script a few opnums delegate the rest here).
    pub fn answer(&self, opnum: u16, stub: &[u8]) -> Reply {
        let mut s = self.server();
        let r = match opnum {
            9 => decode(stub).map(|q| file_enum(&s, q)),
            10 => decode(stub).map(|q| file_get_info(&s, q)),
            12 => decode(stub).map(|q| session_enum(&s, q)),
            15 => decode(stub).map(|q| share_enum(&s, q)),
            16 => decode(stub).map(|q| share_get_info(&s, q)),
            20 => decode(stub).map(|q| share_check(&s, q)),
            24 => decode(stub).map(|q| statistics_get(&s, q)),
            26 => decode(stub).map(|q| transport_enum(&s, q)),
            41 => decode(stub).map(|q| transport_add(&mut s, q)),
            53 => decode(stub).map(|q| transport_del(&mut s, q)),
            _ => return Reply::Fault(NCA_S_OP_RNG_ERROR),
        };
        r.unwrap_or(Reply::Fault(RPC_X_BAD_STUB_DATA))
    }
}

impl PeerConfig {
    /// Serve `srvsvc` on `\PIPE\srvsvc` with `responder`.
    pub fn srvsvc(self, responder: &Srvsvc) -> Self {
        self.interface("srvsvc", SRVSVC, responder.handler())
    }
}

pub(crate) fn decode<T: netapi_ndr::Ndr>(stub: &[u8]) -> Option<T> {
    netapi_ndr::decode(stub).ok()
}

/// Bytes a string takes in a native buffer: UTF-16 with its NUL, plus the 8-byte pointer.
pub(crate) fn str_size(s: &str) -> usize {
    8 + 2 * (s.encode_utf16().count() + 1)
}

/// One page of `sizes.len()` entries from `resume` within `pref` bytes: (range, total from
/// the resume position, resume handle to return, status).
pub(crate) fn page(
    sizes: &[usize],
    resume: Option<u32>,
    pref: u32,
) -> (std::ops::Range<usize>, u32, Option<u32>, u32) {
    let start = resume.unwrap_or(0) as usize;
    if start >= sizes.len() {
        return (0..0, 0, resume.map(|_| 0), 0);
    }
    let mut end = start;
    let mut used = 0usize;
    for size in &sizes[start..] {
        if end > start && used + size > pref as usize {
            break;
        }
        used += size;
        end += 1;
    }
    let total = (sizes.len() - start) as u32;
    if end == sizes.len() {
        (start..end, total, resume.map(|_| 0), 0)
    } else {
        (
            start..end,
            total,
            resume.map(|_| end as u32),
            ERROR_MORE_DATA,
        )
    }
}

/// `Some(items)` unless empty: Windows sends a NULL buffer for an empty enumeration.
pub(crate) fn buffer<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}

pub(crate) fn opt(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn share_size(level: u32, s: &Share) -> usize {
    let sd = s.security_descriptor.as_ref().map_or(0, Vec::len);
    match level {
        0 => str_size(&s.netname),
        1 => str_size(&s.netname) + 8 + str_size(&s.remark),
        501 => str_size(&s.netname) + 8 + str_size(&s.remark),
        2 => str_size(&s.netname) + str_size(&s.remark) + str_size(&s.path) + 8 + 16 + 8,
        502 => str_size(&s.netname) + str_size(&s.remark) + str_size(&s.path) + 8 + 24 + 16 + sd,
        _ => {
            str_size(&s.netname)
                + str_size(&s.remark)
                + str_size(&s.path)
                + str_size(&s.servername)
                + 8
                + 24
                + 16
                + sd
        }
    }
}

fn share_type(s: &Share) -> w::ShareType {
    w::ShareType(s.r#type)
}

fn sd_len(s: &Share) -> u32 {
    s.security_descriptor.as_ref().map_or(0, |d| d.len() as u32)
}

fn info0(s: &Share) -> w::ShareInfo0 {
    w::ShareInfo0 {
        netname: opt(&s.netname),
    }
}
fn info1(s: &Share) -> w::ShareInfo1 {
    w::ShareInfo1 {
        netname: opt(&s.netname),
        r#type: share_type(s),
        remark: opt(&s.remark),
    }
}
fn info2(s: &Share) -> w::ShareInfo2 {
    w::ShareInfo2 {
        netname: opt(&s.netname),
        r#type: share_type(s),
        remark: opt(&s.remark),
        permissions: s.permissions,
        max_uses: s.max_uses,
        current_uses: s.current_uses,
        path: opt(&s.path),
        passwd: None,
    }
}
fn info501(s: &Share) -> w::ShareInfo501 {
    w::ShareInfo501 {
        netname: opt(&s.netname),
        r#type: share_type(s),
        remark: opt(&s.remark),
        flags: s.flags,
    }
}
fn info502(s: &Share) -> w::ShareInfo502I {
    w::ShareInfo502I {
        netname: opt(&s.netname),
        r#type: share_type(s),
        remark: opt(&s.remark),
        permissions: s.permissions,
        max_uses: s.max_uses,
        current_uses: s.current_uses,
        path: opt(&s.path),
        passwd: None,
        reserved: sd_len(s),
        security_descriptor: s.security_descriptor.clone(),
    }
}
fn info503(s: &Share) -> w::ShareInfo503I {
    w::ShareInfo503I {
        netname: opt(&s.netname),
        r#type: share_type(s),
        remark: opt(&s.remark),
        permissions: s.permissions,
        max_uses: s.max_uses,
        current_uses: s.current_uses,
        path: opt(&s.path),
        passwd: None,
        servername: opt(&s.servername),
        reserved: sd_len(s),
        security_descriptor: s.security_descriptor.clone(),
    }
}

/// NetrShareEnum (3.1.4.8). Level 503 lists every scope; the others only unscoped shares
/// (`*`), as the NetShareEnum documentation says of level 502.
fn share_enum(s: &Server, q: w::NetrShareEnumRequest) -> Reply {
    let level = q.info_struct.level;
    if ![0, 1, 2, 501, 502, 503].contains(&level) {
        return Reply::encode(&w::NetrShareEnumResponse {
            info_struct: q.info_struct,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status: ERROR_INVALID_LEVEL,
        });
    }
    let shares: Vec<&Share> = s
        .shares
        .iter()
        .filter(|sh| level == 503 || sh.servername == "*")
        .collect();
    let sizes: Vec<usize> = shares.iter().map(|sh| share_size(level, sh)).collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.prefered_maximum_length);
    let list = &shares[range];
    let n = list.len() as u32;
    use w::ShareEnumUnion as U;
    let share_info = match level {
        0 => U::L0(Some(w::ShareInfo0Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|s| info0(s)).collect()),
        })),
        1 => U::L1(Some(w::ShareInfo1Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|s| info1(s)).collect()),
        })),
        2 => U::L2(Some(w::ShareInfo2Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|s| info2(s)).collect()),
        })),
        501 => U::L501(Some(w::ShareInfo501Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|s| info501(s)).collect()),
        })),
        502 => U::L502(Some(w::ShareInfo502Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|s| info502(s)).collect()),
        })),
        _ => U::L503(Some(w::ShareInfo503Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|s| info503(s)).collect()),
        })),
    };
    Reply::encode(&w::NetrShareEnumResponse {
        info_struct: w::ShareEnumStruct { level, share_info },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

/// NetrShareGetInfo (3.1.4.10): `NERR_NetNameNotFound` for a share that does not exist.
fn share_get_info(s: &Server, q: w::NetrShareGetInfoRequest) -> Reply {
    let found = s
        .shares
        .iter()
        .find(|sh| sh.netname.eq_ignore_ascii_case(&q.net_name));
    use w::ShareInfo as I;
    let (info, status) = match (q.level, found) {
        (0, f) => (I::L0(f.map(info0)), 0),
        (1, f) => (I::L1(f.map(info1)), 0),
        (2, f) => (I::L2(f.map(info2)), 0),
        (501, f) => (I::L501(f.map(info501)), 0),
        (502, f) => (I::L502(f.map(info502)), 0),
        (503, f) => (I::L503(f.map(info503)), 0),
        (1004, f) => (
            I::L1004(f.map(|s| w::ShareInfo1004 {
                remark: opt(&s.remark),
            })),
            0,
        ),
        (1005, f) => (I::L1005(f.map(|s| w::ShareInfo1005 { flags: s.flags })), 0),
        (1006, f) => (
            I::L1006(f.map(|s| w::ShareInfo1006 {
                max_uses: s.max_uses,
            })),
            0,
        ),
        (1501, f) => (
            I::L1501(f.map(|s| w::ShareInfo1501I {
                reserved: sd_len(s),
                security_descriptor: s.security_descriptor.clone(),
            })),
            0,
        ),
        (other, _) => (I::Other(other), ERROR_INVALID_LEVEL),
    };
    let status = match (status, found) {
        (0, None) => NERR_NET_NAME_NOT_FOUND,
        (st, _) => st,
    };
    Reply::encode(&w::NetrShareGetInfoResponse {
        info_struct: info,
        status,
    })
}

/// NetrShareCheck (3.1.4.16): the type of a share whose path is on `Device`, without
/// `STYPE_SPECIAL`; `NERR_DeviceNotShared` when none is.
fn share_check(s: &Server, q: w::NetrShareCheckRequest) -> Reply {
    let dev = q.device.to_ascii_uppercase();
    let found = (!dev.is_empty())
        .then(|| {
            s.shares
                .iter()
                .find(|sh| sh.path.to_ascii_uppercase().starts_with(&dev))
        })
        .flatten();
    Reply::encode(&w::NetrShareCheckResponse {
        r#type: found.map_or(w::ShareType(0), |sh| share_type(sh).base()),
        status: if found.is_some() {
            0
        } else {
            NERR_DEVICE_NOT_SHARED
        },
    })
}

fn bare(name: &str) -> String {
    name.trim_start_matches('\\').to_ascii_lowercase()
}

/// NetrSessionEnum (3.1.4.5): sessions of `ClientName` and/or `UserName`;
/// `NERR_ClientNameNotFound` / `NERR_UserNotFound` when the filter matches none.
fn session_enum(s: &Server, q: w::NetrSessionEnumRequest) -> Reply {
    let level = q.info_struct.level;
    let fail = |status: u32, info_struct: w::SessionEnumStruct| {
        Reply::encode(&w::NetrSessionEnumResponse {
            info_struct,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status,
        })
    };
    if ![0, 1, 2, 10, 502].contains(&level) {
        return fail(ERROR_INVALID_LEVEL, q.info_struct.clone());
    }
    let client = q.client_name.as_deref().filter(|c| !c.is_empty());
    let user = q.user_name.as_deref().filter(|u| !u.is_empty());
    let list: Vec<&Session> = s
        .sessions
        .iter()
        .filter(|x| client.is_none_or(|c| bare(&x.cname) == bare(c)))
        .filter(|x| user.is_none_or(|u| x.username.eq_ignore_ascii_case(u)))
        .collect();
    if list.is_empty() && client.is_some() {
        return fail(NERR_CLIENT_NAME_NOT_FOUND, q.info_struct.clone());
    }
    if list.is_empty() && user.is_some() {
        return fail(NERR_USER_NOT_FOUND, q.info_struct.clone());
    }
    let sizes: Vec<usize> = list
        .iter()
        .map(|x| {
            str_size(&x.cname)
                + str_size(&x.username)
                + str_size(&x.cltype_name)
                + str_size(&x.transport)
                + 16
        })
        .collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.prefered_maximum_length);
    let list = &list[range];
    let n = list.len() as u32;
    use w::SessionEnumUnion as U;
    let session_info = match level {
        0 => U::L0(Some(w::SessionInfo0Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|x| w::SessionInfo0 {
                        cname: opt(&x.cname),
                    })
                    .collect(),
            ),
        })),
        1 => U::L1(Some(w::SessionInfo1Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|x| w::SessionInfo1 {
                        cname: opt(&x.cname),
                        username: opt(&x.username),
                        num_opens: x.num_opens,
                        time: x.time,
                        idle_time: x.idle_time,
                        user_flags: x.user_flags,
                    })
                    .collect(),
            ),
        })),
        2 => U::L2(Some(w::SessionInfo2Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|x| w::SessionInfo2 {
                        cname: opt(&x.cname),
                        username: opt(&x.username),
                        num_opens: x.num_opens,
                        time: x.time,
                        idle_time: x.idle_time,
                        user_flags: x.user_flags,
                        cltype_name: opt(&x.cltype_name),
                    })
                    .collect(),
            ),
        })),
        10 => U::L10(Some(w::SessionInfo10Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|x| w::SessionInfo10 {
                        cname: opt(&x.cname),
                        username: opt(&x.username),
                        time: x.time,
                        idle_time: x.idle_time,
                    })
                    .collect(),
            ),
        })),
        _ => U::L502(Some(w::SessionInfo502Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|x| w::SessionInfo502 {
                        cname: opt(&x.cname),
                        username: opt(&x.username),
                        num_opens: x.num_opens,
                        time: x.time,
                        idle_time: x.idle_time,
                        user_flags: x.user_flags,
                        cltype_name: opt(&x.cltype_name),
                        transport: opt(&x.transport),
                    })
                    .collect(),
            ),
        })),
    };
    Reply::encode(&w::NetrSessionEnumResponse {
        info_struct: w::SessionEnumStruct {
            level,
            session_info,
        },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

fn file3(f: &OpenFile) -> w::FileInfo3 {
    w::FileInfo3 {
        id: f.id,
        permissions: f.permissions,
        num_locks: f.num_locks,
        pathname: opt(&f.pathname),
        username: opt(&f.username),
    }
}

/// NetrFileEnum (3.1.4.2): files under `BasePath` opened by `UserName`.
fn file_enum(s: &Server, q: w::NetrFileEnumRequest) -> Reply {
    let level = q.info_struct.level;
    if level != 2 && level != 3 {
        return Reply::encode(&w::NetrFileEnumResponse {
            info_struct: q.info_struct,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status: ERROR_INVALID_LEVEL,
        });
    }
    let base = q.base_path.as_deref().map(str::to_ascii_lowercase);
    let list: Vec<&OpenFile> = s
        .files
        .iter()
        .filter(|f| {
            base.as_deref()
                .is_none_or(|b| f.pathname.to_ascii_lowercase().starts_with(b))
        })
        .filter(|f| {
            q.user_name
                .as_deref()
                .is_none_or(|u| f.username.eq_ignore_ascii_case(u))
        })
        .collect();
    let sizes: Vec<usize> = list
        .iter()
        .map(|f| 16 + str_size(&f.pathname) + str_size(&f.username))
        .collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.prefered_maximum_length);
    let list = &list[range];
    let n = list.len() as u32;
    let file_info = if level == 2 {
        w::FileEnumUnion::L2(Some(w::FileInfo2Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|f| w::FileInfo2 { id: f.id }).collect()),
        }))
    } else {
        w::FileEnumUnion::L3(Some(w::FileInfo3Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|f| file3(f)).collect()),
        }))
    };
    Reply::encode(&w::NetrFileEnumResponse {
        info_struct: w::FileEnumStruct { level, file_info },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

/// NetrFileGetInfo (3.1.4.3): `NERR_FileIdNotFound` for an id that is not open.
fn file_get_info(s: &Server, q: w::NetrFileGetInfoRequest) -> Reply {
    let f = s.files.iter().find(|f| f.id == q.file_id);
    let (info, status) = match (q.level, f) {
        (2, Some(f)) => (w::FileInfo::L2(Some(w::FileInfo2 { id: f.id })), 0),
        (3, Some(f)) => (w::FileInfo::L3(Some(file3(f))), 0),
        (2, None) => (w::FileInfo::L2(None), NERR_FILE_ID_NOT_FOUND),
        (3, None) => (w::FileInfo::L3(None), NERR_FILE_ID_NOT_FOUND),
        (other, _) => (w::FileInfo::Other(other), ERROR_INVALID_LEVEL),
    };
    Reply::encode(&w::NetrFileGetInfoResponse {
        info_struct: info,
        status,
    })
}

/// NetrServerStatisticsGet (3.1.4.20): level 0 and options 0 only.
fn statistics_get(s: &Server, q: w::NetrServerStatisticsGetRequest) -> Reply {
    let (info, status) = match (q.level, q.options) {
        (0, 0) => (Some(s.statistics.clone()), 0),
        (0, _) => (None, ERROR_INVALID_PARAMETER),
        _ => (None, ERROR_INVALID_LEVEL),
    };
    Reply::encode(&w::NetrServerStatisticsGetResponse {
        info_struct: info,
        status,
    })
}

/// NetrServerTransportEnum (3.1.4.24), levels 0–3.
fn transport_enum(s: &Server, q: w::NetrServerTransportEnumRequest) -> Reply {
    let level = q.info_struct.level;
    if level > 3 {
        return Reply::encode(&w::NetrServerTransportEnumResponse {
            info_struct: q.info_struct,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status: ERROR_INVALID_LEVEL,
        });
    }
    let sizes: Vec<usize> = s
        .transports
        .iter()
        .map(|t| 16 + str_size(&t.name) + 8 + t.address.len() + str_size(&t.network_address))
        .collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.prefered_maximum_length);
    let list = &s.transports[range];
    let n = list.len() as u32;
    let t0 = |t: &Transport| w::ServerTransportInfo0 {
        numberofvcs: t.numberofvcs,
        transportname: opt(&t.name),
        transportaddress: Some(t.address.clone()),
        transportaddresslength: t.address.len() as u32,
        networkaddress: opt(&t.network_address),
    };
    let t1 = |t: &Transport| w::ServerTransportInfo1 {
        numberofvcs: t.numberofvcs,
        transportname: opt(&t.name),
        transportaddress: Some(t.address.clone()),
        transportaddresslength: t.address.len() as u32,
        networkaddress: opt(&t.network_address),
        domain: t.domain.clone(),
    };
    let t2 = |t: &Transport| w::ServerTransportInfo2 {
        numberofvcs: t.numberofvcs,
        transportname: opt(&t.name),
        transportaddress: Some(t.address.clone()),
        transportaddresslength: t.address.len() as u32,
        networkaddress: opt(&t.network_address),
        domain: t.domain.clone(),
        flags: 0,
    };
    use w::ServerXportEnumUnion as U;
    let xport_info = match level {
        0 => U::L0(Some(w::ServerXportInfo0Container {
            entries_read: n,
            buffer: buffer(list.iter().map(t0).collect()),
        })),
        1 => U::L1(Some(w::ServerXportInfo1Container {
            entries_read: n,
            buffer: buffer(list.iter().map(t1).collect()),
        })),
        2 => U::L2(Some(w::ServerXportInfo2Container {
            entries_read: n,
            buffer: buffer(list.iter().map(t2).collect()),
        })),
        _ => U::L3(Some(w::ServerXportInfo3Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|t| {
                        let i = t2(t);
                        w::ServerTransportInfo3 {
                            numberofvcs: i.numberofvcs,
                            transportname: i.transportname,
                            transportaddress: i.transportaddress,
                            transportaddresslength: i.transportaddresslength,
                            networkaddress: i.networkaddress,
                            domain: i.domain,
                            ..Default::default()
                        }
                    })
                    .collect(),
            ),
        })),
    };
    Reply::encode(&w::NetrServerTransportEnumResponse {
        info_struct: w::ServerXportEnumStruct { level, xport_info },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

/// (transport name, address, domain) of a TRANSPORT_INFO at any level.
fn transport_fields(t: &w::TransportInfo) -> Option<(String, Vec<u8>, Option<String>)> {
    let (name, addr, domain) = match t {
        w::TransportInfo::L0(i) => (&i.transportname, &i.transportaddress, None),
        w::TransportInfo::L1(i) => (&i.transportname, &i.transportaddress, i.domain.clone()),
        w::TransportInfo::L2(i) => (&i.transportname, &i.transportaddress, i.domain.clone()),
        w::TransportInfo::L3(i) => (&i.transportname, &i.transportaddress, i.domain.clone()),
        w::TransportInfo::Other(_) => return None,
    };
    Some((name.clone()?, addr.clone()?, domain))
}

fn same_address(a: &[u8], b: &[u8]) -> bool {
    let norm = |x: &[u8]| String::from_utf8_lossy(x).trim().to_ascii_uppercase();
    norm(a) == norm(b)
}

/// NetrServerTransportAddEx (3.1.4.23): bind another server name to a transport.
fn transport_add(s: &mut Server, q: w::NetrServerTransportAddExRequest) -> Reply {
    let status = match transport_fields(&q.buffer) {
        None => ERROR_INVALID_LEVEL,
        Some((name, address, _)) if name.is_empty() || address.is_empty() => {
            ERROR_INVALID_PARAMETER
        }
        Some((name, address, _))
            if s.transports.iter().any(|t| {
                t.name.eq_ignore_ascii_case(&name) && same_address(&t.address, &address)
            }) =>
        {
            ERROR_DUP_NAME
        }
        Some((name, address, domain)) => {
            let network_address = s
                .transports
                .iter()
                .find(|t| t.name.eq_ignore_ascii_case(&name))
                .map_or_else(|| "000000000000".into(), |t| t.network_address.clone());
            s.transports.push(Transport {
                numberofvcs: 0,
                name,
                address,
                network_address,
                domain,
            });
            0
        }
    };
    Reply::encode(&w::NetrServerTransportAddExResponse { status })
}

/// NetrServerTransportDelEx (3.1.4.26): unbind a name from a transport;
/// `NERR_NetNameNotFound` when that binding does not exist.
fn transport_del(s: &mut Server, q: w::NetrServerTransportDelExRequest) -> Reply {
    let status = match transport_fields(&q.buffer) {
        None => ERROR_INVALID_LEVEL,
        Some((name, address, _)) => {
            let before = s.transports.len();
            s.transports.retain(|t| {
                !(t.name.eq_ignore_ascii_case(&name) && same_address(&t.address, &address))
            });
            if s.transports.len() < before {
                0
            } else {
                NERR_NET_NAME_NOT_FOUND
            }
        }
    };
    Reply::encode(&w::NetrServerTransportDelExResponse { status })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_fill_the_preferred_length_and_always_progress() {
        let sizes = [10, 10, 10, 10, 10];
        assert_eq!(
            page(&sizes, Some(0), 25),
            (0..2, 5, Some(2), ERROR_MORE_DATA)
        );
        assert_eq!(
            page(&sizes, Some(2), 1),
            (2..3, 3, Some(3), ERROR_MORE_DATA)
        );
        assert_eq!(page(&sizes, Some(3), u32::MAX), (3..5, 2, Some(0), 0));
        assert_eq!(page(&sizes, None, u32::MAX), (0..5, 5, None, 0));
        assert_eq!(page(&sizes, Some(9), 100), (0..0, 0, Some(0), 0));
    }

    #[test]
    fn share_check_reports_the_base_type_of_a_shared_device() {
        let r = Srvsvc::windows().answer(
            20,
            &netapi_ndr::encode(&w::NetrShareCheckRequest {
                server_name: None,
                device: "c:".into(),
            })
            .unwrap(),
        );
        let Reply::Stub(stub) = r else {
            panic!("{r:?}")
        };
        let resp: w::NetrShareCheckResponse = netapi_ndr::decode(&stub).unwrap();
        assert_eq!(
            (resp.r#type, resp.status),
            (w::ShareType::STYPE_DISKTREE, 0)
        );
    }
}
