//! A [MS-WKST] responder for the peer: the workstation service as Microsoft's specification
//! describes it, for what Samba does not serve — NetrWkstaGetInfo at level 502 (3.2.4.1),
//! NetrWkstaSetInfo (3.2.4.2), NetrWkstaUserEnum with users (3.2.4.3), NetrWkstaTransportEnum /
//! Add / Del (3.2.4.4–3.2.4.6), NetrUseAdd / GetInfo / Del / Enum (3.2.4.7–3.2.4.10),
//! NetrWorkstationStatisticsGet (3.2.4.11), NetrGetJoinInformation (3.2.4.12) and
//! NetrValidateName2 (3.2.4.16).
//!
//! State is a [`Workstation`] the test builds and inspects. Enumerations page as the srvsvc
//! responder does ([`super::srvsvc`]). NetrValidateName2 keeps the encrypted passwords it got
//! ([`Workstation::passwords`]); a test decrypts them with the session's key
//! ([`super::Stats::application_keys`]). Other opnums fault with `nca_s_op_rng_error`.

use std::sync::{Arc, Mutex, MutexGuard};

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::wkssvc as w;

use super::PeerConfig;
use super::rpc::{NCA_S_OP_RNG_ERROR, RPC_X_BAD_STUB_DATA, Reply};
use super::srvsvc::{buffer, decode, opt, page, str_size};

/// The wkssvc interface.
pub const WKSSVC: SyntaxId = <w::Wkssvc as netapi_msrpc::Interface>::SYNTAX;

pub use super::srvsvc::{ERROR_DUP_NAME, ERROR_INVALID_LEVEL, ERROR_INVALID_PARAMETER};
/// `ERROR_NOT_FOUND`.
pub const ERROR_NOT_FOUND: u32 = 1168;
/// `ERROR_INVALID_COMPUTERNAME`.
pub const ERROR_INVALID_COMPUTERNAME: u32 = 1210;
/// `ERROR_NO_SUCH_DOMAIN`.
pub const ERROR_NO_SUCH_DOMAIN: u32 = 1355;
/// `ERROR_ALREADY_ASSIGNED`: the local device is in use.
pub const ERROR_ALREADY_ASSIGNED: u32 = 85;
/// `NERR_UseNotFound`.
pub const NERR_USE_NOT_FOUND: u32 = 2250;
/// `WKSTA_KEEPCONN_PARMNUM`: the index NetrWkstaSetInfo reports for a bad `keep_conn`.
pub const WKSTA_KEEPCONN_PARMNUM: u32 = 13;

/// A user logged on to the workstation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct User {
    /// User name.
    pub username: String,
    /// Logon domain.
    pub logon_domain: String,
    /// Other domains.
    pub oth_domains: String,
    /// Logon server.
    pub logon_server: String,
}

/// The workstation the responder answers for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workstation {
    /// Computer name.
    pub name: String,
    /// Domain or workgroup.
    pub langroup: String,
    /// LANMAN root.
    pub lanroot: String,
    /// Settings of level 502.
    pub settings: w::WkstaInfo502,
    /// Logged-on users.
    pub users: Vec<User>,
    /// Transports.
    pub transports: Vec<w::WkstaTransportInfo0>,
    /// Redirected connections.
    pub uses: Vec<w::UseInfo2>,
    /// Statistics.
    pub statistics: w::StatWorkstation0,
    /// NetrGetJoinInformation's answer.
    pub join: (String, w::NetSetupJoinStatus),
    /// Domains that exist (NetSetupDomain / NetSetupNonExistentDomain).
    pub domains: Vec<String>,
    /// Computer names in use on the network (NetSetupMachine).
    pub machines_in_use: Vec<String>,
    /// Every NetrValidateName2 request received.
    pub validations: Vec<w::NetrValidateName2Request>,
    /// Every encrypted password received (NetrValidateName2).
    pub passwords: Vec<w::JoinprEncryptedUserPassword>,
}

impl Workstation {
    /// A Windows 10 workstation `WS01` in domain `LABDOM`: two users, one transport, a
    /// drive and an IPC$ use, a few statistics.
    pub fn windows() -> Self {
        let user = |name: &str, server: &str| User {
            username: name.into(),
            logon_domain: "LABDOM".into(),
            oth_domains: String::new(),
            logon_server: server.into(),
        };
        Workstation {
            name: "WS01".into(),
            langroup: "LABDOM".into(),
            lanroot: String::new(),
            settings: w::WkstaInfo502 {
                char_wait: 3600,
                collection_time: 250,
                maximum_collection_count: 16,
                keep_conn: 600,
                max_cmds: 50,
                sess_timeout: 60,
                siz_char_buf: 512,
                max_threads: 17,
                dormant_file_limit: 1,
                use_opportunistic_locking: 1,
                use_encryption: 1,
                ..Default::default()
            },
            users: vec![user("alice", "DC1"), user("WS01$", "")],
            transports: vec![w::WkstaTransportInfo0 {
                quality_of_service: 0,
                number_of_vcs: 2,
                transport_name: opt("\\Device\\NetBT_Tcpip_{2C9725F4-151A-11D3-AEEC-C3B211BD350B}"),
                transport_address: opt("525400123456"),
                wan_ish: 0,
            }],
            uses: vec![w::UseInfo2 {
                local: opt("Z:"),
                remote: opt("\\\\FILESRV\\public"),
                password: None,
                status: w::use_status::USE_OK,
                asg_type: w::UseAsgType::USE_DISKDEV,
                refcount: 1,
                usecount: 1,
                username: opt("alice"),
                domainname: opt("LABDOM"),
            }],
            statistics: w::StatWorkstation0 {
                StatisticsStartTime: netapi_msrpc::dtyp::LargeInteger(133_800_000_000_000_000),
                BytesReceived: netapi_msrpc::dtyp::LargeInteger(0x1_2345_6789),
                SmbsReceived: netapi_msrpc::dtyp::LargeInteger(4200),
                NonPagingReadBytesRequested: netapi_msrpc::dtyp::LargeInteger(65536),
                CacheReadBytesRequested: netapi_msrpc::dtyp::LargeInteger(1024),
                Sessions: 7,
                UseCount: 3,
                CurrentCommands: 1,
                ..Default::default()
            },
            join: ("LABDOM".into(), w::NetSetupJoinStatus::NetSetupDomainName),
            domains: vec!["LABDOM".into()],
            machines_in_use: vec!["WS01".into(), "DC1".into()],
            validations: Vec::new(),
            passwords: Vec::new(),
        }
    }
}

/// The wkssvc responder; clones share the [`Workstation`].
#[derive(Debug, Clone)]
pub struct Wkssvc {
    state: Arc<Mutex<Workstation>>,
}

impl Wkssvc {
    /// Answer for `ws`.
    pub fn new(ws: Workstation) -> Self {
        Wkssvc {
            state: Arc::new(Mutex::new(ws)),
        }
    }

    /// The workstation's state.
    pub fn state(&self) -> MutexGuard<'_, Workstation> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The answer to one call.
    pub fn answer(&self, opnum: u16, stub: &[u8]) -> Reply {
        let mut s = self.state();
        let r = match opnum {
            0 => decode(stub).map(|q| get_info(&s, q)),
            1 => decode(stub).map(|q| set_info(&mut s, q)),
            2 => decode(stub).map(|q| user_enum(&s, q)),
            5 => decode(stub).map(|q| transport_enum(&s, q)),
            6 => decode(stub).map(|q| transport_add(&mut s, q)),
            7 => decode(stub).map(|q| transport_del(&mut s, q)),
            8 => decode(stub).map(|q| use_add(&mut s, q)),
            9 => decode(stub).map(|q| use_get_info(&s, q)),
            10 => decode(stub).map(|q| use_del(&mut s, q)),
            11 => decode(stub).map(|q| use_enum(&s, q)),
            13 => decode(stub).map(|q| statistics(&s, q)),
            20 => decode::<w::NetrGetJoinInformationRequest>(stub).map(|_| {
                Reply::encode(&w::NetrGetJoinInformationResponse {
                    name_buffer: Some(s.join.0.clone()),
                    buffer_type: s.join.1,
                    status: 0,
                })
            }),
            25 => decode(stub).map(|q| validate_name(&mut s, q)),
            _ => return Reply::Fault(NCA_S_OP_RNG_ERROR),
        };
        r.unwrap_or(Reply::Fault(RPC_X_BAD_STUB_DATA))
    }
}

impl PeerConfig {
    /// Serve `wkssvc` on `\PIPE\wkssvc` with `responder`.
    pub fn wkssvc(self, responder: &Wkssvc) -> Self {
        let r = responder.clone();
        self.interface("wkssvc", WKSSVC, move |opnum, stub| r.answer(opnum, stub))
    }
}

fn get_info(s: &Workstation, q: w::NetrWkstaGetInfoRequest) -> Reply {
    let (ver_major, ver_minor, platform_id) = (10, 0, 500);
    let (computername, langroup) = (opt(&s.name), opt(&s.langroup));
    let info = match q.level {
        100 => w::WkstaInfo::L100(Some(w::WkstaInfo100 {
            platform_id,
            computername,
            langroup,
            ver_major,
            ver_minor,
        })),
        101 => w::WkstaInfo::L101(Some(w::WkstaInfo101 {
            platform_id,
            computername,
            langroup,
            ver_major,
            ver_minor,
            lanroot: opt(&s.lanroot),
        })),
        102 => w::WkstaInfo::L102(Some(w::WkstaInfo102 {
            platform_id,
            computername,
            langroup,
            ver_major,
            ver_minor,
            lanroot: opt(&s.lanroot),
            logged_on_users: s.users.len() as u32,
        })),
        502 => w::WkstaInfo::L502(Some(s.settings.clone())),
        other => {
            return Reply::encode(&w::NetrWkstaGetInfoResponse {
                wksta_info: w::WkstaInfo::Other(other),
                status: ERROR_INVALID_LEVEL,
            });
        }
    };
    Reply::encode(&w::NetrWkstaGetInfoResponse {
        wksta_info: info,
        status: 0,
    })
}

/// NetrWkstaSetInfo (3.2.4.2): levels 502, 1013, 1018, 1046; `keep_conn` must be 1–65535.
fn set_info(s: &mut Workstation, q: w::NetrWkstaSetInfoRequest) -> Reply {
    let answer = |status, parm| {
        Reply::encode(&w::NetrWkstaSetInfoResponse {
            error_parameter: q.error_parameter.map(|_| parm),
            status,
        })
    };
    let keep_conn = match &q.wksta_info {
        w::WkstaInfo::L502(Some(i)) => Some(i.keep_conn),
        w::WkstaInfo::L1013(Some(i)) => Some(i.keep_conn),
        _ => None,
    };
    if keep_conn.is_some_and(|k| k == 0 || k > 65535) {
        return answer(ERROR_INVALID_PARAMETER, WKSTA_KEEPCONN_PARMNUM);
    }
    match q.wksta_info {
        w::WkstaInfo::L502(Some(i)) => s.settings = i,
        w::WkstaInfo::L1013(Some(i)) => s.settings.keep_conn = i.keep_conn,
        w::WkstaInfo::L1018(Some(i)) => s.settings.sess_timeout = i.sess_timeout,
        w::WkstaInfo::L1046(Some(i)) => s.settings.dormant_file_limit = i.dormant_file_limit,
        _ => return answer(ERROR_INVALID_LEVEL, 0),
    }
    answer(0, 0)
}

fn user_enum(s: &Workstation, q: w::NetrWkstaUserEnumRequest) -> Reply {
    let level = q.user_info.level;
    if level > 1 {
        return Reply::encode(&w::NetrWkstaUserEnumResponse {
            user_info: q.user_info,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status: ERROR_INVALID_LEVEL,
        });
    }
    let sizes: Vec<usize> = s
        .users
        .iter()
        .map(|u| {
            str_size(&u.username)
                + str_size(&u.logon_domain)
                + str_size(&u.oth_domains)
                + str_size(&u.logon_server)
        })
        .collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.preferred_maximum_length);
    let list = &s.users[range];
    let n = list.len() as u32;
    let info = if level == 0 {
        w::WkstaUserEnumUnion::L0(Some(w::WkstaUserInfo0Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|u| w::WkstaUserInfo0 {
                        username: opt(&u.username),
                    })
                    .collect(),
            ),
        }))
    } else {
        w::WkstaUserEnumUnion::L1(Some(w::WkstaUserInfo1Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|u| w::WkstaUserInfo1 {
                        username: opt(&u.username),
                        logon_domain: opt(&u.logon_domain),
                        oth_domains: opt(&u.oth_domains),
                        logon_server: opt(&u.logon_server),
                    })
                    .collect(),
            ),
        }))
    };
    Reply::encode(&w::NetrWkstaUserEnumResponse {
        user_info: w::WkstaUserEnumStruct {
            level,
            wksta_user_info: info,
        },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

fn transport_enum(s: &Workstation, q: w::NetrWkstaTransportEnumRequest) -> Reply {
    let level = q.transport_info.level;
    if level != 0 {
        return Reply::encode(&w::NetrWkstaTransportEnumResponse {
            transport_info: q.transport_info,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status: ERROR_INVALID_LEVEL,
        });
    }
    let sizes: Vec<usize> = s
        .transports
        .iter()
        .map(|t| {
            12 + str_size(t.transport_name.as_deref().unwrap_or(""))
                + str_size(t.transport_address.as_deref().unwrap_or(""))
        })
        .collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.preferred_maximum_length);
    let list = s.transports[range].to_vec();
    Reply::encode(&w::NetrWkstaTransportEnumResponse {
        transport_info: w::WkstaTransportEnumStruct {
            level,
            wksta_transport_info: w::WkstaTransportEnumUnion::L0(Some(
                w::WkstaTransportInfo0Container {
                    entries_read: list.len() as u32,
                    buffer: buffer(list),
                },
            )),
        },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

/// NetrWkstaTransportAdd (3.2.4.5): `ERROR_DUP_NAME` for a transport already bound.
fn transport_add(s: &mut Workstation, q: w::NetrWkstaTransportAddRequest) -> Reply {
    let status = if q.level != 0 {
        ERROR_INVALID_LEVEL
    } else if q.transport_info.transport_name.is_none() {
        ERROR_INVALID_PARAMETER
    } else if s
        .transports
        .iter()
        .any(|t| same(&t.transport_name, &q.transport_info.transport_name))
    {
        ERROR_DUP_NAME
    } else {
        s.transports.push(q.transport_info);
        0
    };
    Reply::encode(&w::NetrWkstaTransportAddResponse {
        error_parameter: q.error_parameter.map(|_| 0),
        status,
    })
}

/// NetrWkstaTransportDel (3.2.4.6): `ERROR_NOT_FOUND` for a transport that is not bound.
fn transport_del(s: &mut Workstation, q: w::NetrWkstaTransportDelRequest) -> Reply {
    let status = if q.transport_name.is_none() || q.force_level.0 > 2 {
        ERROR_INVALID_PARAMETER
    } else {
        let before = s.transports.len();
        s.transports
            .retain(|t| !same(&t.transport_name, &q.transport_name));
        if s.transports.len() < before {
            0
        } else {
            ERROR_NOT_FOUND
        }
    };
    Reply::encode(&w::NetrWkstaTransportDelResponse { status })
}

fn use_name_matches(u: &w::UseInfo2, name: &str) -> bool {
    let local = u.local.as_deref().filter(|l| !l.is_empty());
    match local {
        Some(l) => l.eq_ignore_ascii_case(name),
        None => u
            .remote
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case(name)),
    }
}

/// NetrUseAdd (3.2.4.7): levels 1–3 (0 is not allowed for adding); a local device in use is
/// `ERROR_ALREADY_ASSIGNED`.
fn use_add(s: &mut Workstation, q: w::NetrUseAddRequest) -> Reply {
    let new = match q.info_struct {
        w::UseInfo::L1(Some(u)) => w::UseInfo2 {
            local: u.local,
            remote: u.remote,
            asg_type: u.asg_type,
            ..Default::default()
        },
        w::UseInfo::L2(Some(u)) => u,
        w::UseInfo::L3(Some(u)) => w::UseInfo2 {
            local: u.local,
            remote: u.remote,
            asg_type: u.asg_type,
            username: u.username,
            domainname: u.domainname,
            ..Default::default()
        },
        _ => {
            return Reply::encode(&w::NetrUseAddResponse {
                error_parameter: q.error_parameter,
                status: ERROR_INVALID_LEVEL,
            });
        }
    };
    let local = new.local.clone().filter(|l| !l.is_empty());
    let status = if local
        .as_deref()
        .is_some_and(|l| s.uses.iter().any(|u| use_name_matches(u, l)))
    {
        ERROR_ALREADY_ASSIGNED
    } else {
        s.uses.push(w::UseInfo2 {
            password: None,
            status: w::use_status::USE_OK,
            refcount: 0,
            usecount: 1,
            ..new
        });
        0
    };
    Reply::encode(&w::NetrUseAddResponse {
        error_parameter: q.error_parameter.map(|_| 0),
        status,
    })
}

fn use_at(level: u32, u: &w::UseInfo2) -> w::UseInfo {
    match level {
        0 => w::UseInfo::L0(Some(w::UseInfo0 {
            local: u.local.clone(),
            remote: u.remote.clone(),
        })),
        1 => w::UseInfo::L1(Some(w::UseInfo1 {
            local: u.local.clone(),
            remote: u.remote.clone(),
            password: None,
            status: u.status,
            asg_type: u.asg_type,
            refcount: u.refcount,
            usecount: u.usecount,
        })),
        2 => w::UseInfo::L2(Some(u.clone())),
        3 => w::UseInfo::L3(Some(w::UseInfo3 {
            local: u.local.clone(),
            remote: u.remote.clone(),
            password: None,
            status: u.status,
            asg_type: u.asg_type,
            refcount: u.refcount,
            usecount: u.usecount,
            username: u.username.clone(),
            domainname: u.domainname.clone(),
            flags: 0,
        })),
        other => w::UseInfo::Other(other),
    }
}

fn use_get_info(s: &Workstation, q: w::NetrUseGetInfoRequest) -> Reply {
    let found = s.uses.iter().find(|u| use_name_matches(u, &q.use_name));
    let (info, status) = match (q.level, found) {
        (0..=3, Some(u)) => (use_at(q.level, u), 0),
        (0..=3, None) => (use_at(q.level, &w::UseInfo2::default()), NERR_USE_NOT_FOUND),
        (other, _) => (w::UseInfo::Other(other), ERROR_INVALID_LEVEL),
    };
    let info = match (status, info) {
        (NERR_USE_NOT_FOUND, w::UseInfo::L0(_)) => w::UseInfo::L0(None),
        (NERR_USE_NOT_FOUND, w::UseInfo::L1(_)) => w::UseInfo::L1(None),
        (NERR_USE_NOT_FOUND, w::UseInfo::L2(_)) => w::UseInfo::L2(None),
        (NERR_USE_NOT_FOUND, w::UseInfo::L3(_)) => w::UseInfo::L3(None),
        (_, info) => info,
    };
    Reply::encode(&w::NetrUseGetInfoResponse {
        info_struct: info,
        status,
    })
}

fn use_del(s: &mut Workstation, q: w::NetrUseDelRequest) -> Reply {
    let before = s.uses.len();
    s.uses.retain(|u| !use_name_matches(u, &q.use_name));
    let status = if s.uses.len() < before {
        0
    } else {
        NERR_USE_NOT_FOUND
    };
    Reply::encode(&w::NetrUseDelResponse { status })
}

fn use_enum(s: &Workstation, q: w::NetrUseEnumRequest) -> Reply {
    let level = q.info_struct.level;
    if level > 2 {
        return Reply::encode(&w::NetrUseEnumResponse {
            info_struct: q.info_struct,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status: ERROR_INVALID_LEVEL,
        });
    }
    let sizes: Vec<usize> = s
        .uses
        .iter()
        .map(|u| {
            40 + str_size(u.local.as_deref().unwrap_or(""))
                + str_size(u.remote.as_deref().unwrap_or(""))
        })
        .collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.preferred_maximum_length);
    let list: Vec<w::UseInfo> = s.uses[range].iter().map(|u| use_at(level, u)).collect();
    let n = list.len() as u32;
    let use_info = match level {
        0 => w::UseEnumUnion::L0(Some(w::UseInfo0Container {
            entries_read: n,
            buffer: buffer(
                list.into_iter()
                    .filter_map(|u| match u {
                        w::UseInfo::L0(u) => u,
                        _ => None,
                    })
                    .collect(),
            ),
        })),
        1 => w::UseEnumUnion::L1(Some(w::UseInfo1Container {
            entries_read: n,
            buffer: buffer(
                list.into_iter()
                    .filter_map(|u| match u {
                        w::UseInfo::L1(u) => u,
                        _ => None,
                    })
                    .collect(),
            ),
        })),
        _ => w::UseEnumUnion::L2(Some(w::UseInfo2Container {
            entries_read: n,
            buffer: buffer(
                list.into_iter()
                    .filter_map(|u| match u {
                        w::UseInfo::L2(u) => u,
                        _ => None,
                    })
                    .collect(),
            ),
        })),
    };
    Reply::encode(&w::NetrUseEnumResponse {
        info_struct: w::UseEnumStruct { level, use_info },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

fn statistics(s: &Workstation, q: w::NetrWorkstationStatisticsGetRequest) -> Reply {
    let (buffer, status) = match (q.level, q.options) {
        (0, 0) => (Some(s.statistics.clone()), 0),
        (0, _) => (None, ERROR_INVALID_PARAMETER),
        _ => (None, ERROR_INVALID_LEVEL),
    };
    Reply::encode(&w::NetrWorkstationStatisticsGetResponse { buffer, status })
}

/// Whether `name` is a valid NetBIOS name: 1–15 characters, none of `\/:*?"<>|` or a control.
fn netbios_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 15
        && !name
            .chars()
            .any(|c| c.is_control() || "\\/:*?\"<>|".contains(c))
}

/// NetrValidateName2 (3.2.4.16), by name type.
fn validate_name(s: &mut Workstation, q: w::NetrValidateName2Request) -> Reply {
    let name = q.name_to_validate.clone();
    let known = |list: &[String]| list.iter().any(|d| d.eq_ignore_ascii_case(&name));
    let status = match q.name_type {
        w::NetSetupNameType::NetSetupMachine if !netbios_name(&name) => ERROR_INVALID_COMPUTERNAME,
        w::NetSetupNameType::NetSetupMachine if known(&s.machines_in_use) => ERROR_DUP_NAME,
        w::NetSetupNameType::NetSetupWorkgroup if !netbios_name(&name) => ERROR_INVALID_PARAMETER,
        w::NetSetupNameType::NetSetupDomain if !known(&s.domains) => ERROR_NO_SUCH_DOMAIN,
        w::NetSetupNameType::NetSetupNonExistentDomain if known(&s.domains) => ERROR_DUP_NAME,
        w::NetSetupNameType::NetSetupDnsMachine
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') =>
        {
            ERROR_INVALID_COMPUTERNAME
        }
        w::NetSetupNameType(0) | w::NetSetupNameType(6..) => ERROR_INVALID_PARAMETER,
        _ => 0,
    };
    if let Some(p) = &q.password {
        s.passwords.push(p.clone());
    }
    s.validations.push(q);
    Reply::encode(&w::NetrValidateName2Response { status })
}
