//! A [MS-MSRP] responder for the peer: the messenger's recipient names on `\PIPE\msgsvc`
//! (NetrMessageNameAdd 3.1.4.1, NetrMessageNameEnum 3.1.4.2, NetrMessageNameDel 3.1.4.4).
//! Enumerations page as the srvsvc responder does. Other opnums fault with
//! `nca_s_op_rng_error`.

use std::sync::{Arc, Mutex, MutexGuard};

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::msgsvc as m;

use super::PeerConfig;
use super::rpc::{NCA_S_OP_RNG_ERROR, RPC_X_BAD_STUB_DATA, Reply};
use super::srvsvc::{buffer, decode, opt, page, str_size};

/// The msgsvc interface.
pub const MSGSVC: SyntaxId = <m::Msgsvc as netapi_msrpc::Interface>::SYNTAX;

pub use super::srvsvc::ERROR_INVALID_LEVEL;
/// `ERROR_INVALID_NAME`.
pub const ERROR_INVALID_NAME: u32 = 123;
/// `NERR_NameNotFound`: no such recipient name.
pub const NERR_NAME_NOT_FOUND: u32 = 2273;
/// `NERR_AlreadyExists`: the name is already a recipient name.
pub const NERR_ALREADY_EXISTS: u32 = 2276;

/// The messenger's recipient names; clones share them.
#[derive(Debug, Clone, Default)]
pub struct Msgsvc {
    names: Arc<Mutex<Vec<String>>>,
}

impl Msgsvc {
    /// A messenger with these names (the computer's own first).
    pub fn new(names: &[&str]) -> Self {
        Msgsvc {
            names: Arc::new(Mutex::new(names.iter().map(|n| n.to_string()).collect())),
        }
    }

    /// The names now.
    pub fn names(&self) -> MutexGuard<'_, Vec<String>> {
        self.names.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The answer to one call.
    pub fn answer(&self, opnum: u16, stub: &[u8]) -> Reply {
        let mut names = self.names();
        let known =
            |names: &[String], n: &str| names.iter().position(|x| x.eq_ignore_ascii_case(n));
        let r = match opnum {
            0 => decode::<m::NetrMessageNameAddRequest>(stub).map(|q| {
                let status = if q.msg_name.is_empty() || q.msg_name.chars().count() > 15 {
                    ERROR_INVALID_NAME
                } else if known(&names, &q.msg_name).is_some() {
                    NERR_ALREADY_EXISTS
                } else {
                    names.push(q.msg_name.to_ascii_uppercase());
                    0
                };
                Reply::encode(&m::NetrMessageNameAddResponse { status })
            }),
            1 => decode::<m::NetrMessageNameEnumRequest>(stub).map(|q| enumerate(&names, q)),
            3 => decode::<m::NetrMessageNameDelRequest>(stub).map(|q| {
                let status = match known(&names, &q.msg_name) {
                    Some(i) => {
                        names.remove(i);
                        0
                    }
                    None => NERR_NAME_NOT_FOUND,
                };
                Reply::encode(&m::NetrMessageNameDelResponse { status })
            }),
            _ => return Reply::Fault(NCA_S_OP_RNG_ERROR),
        };
        r.unwrap_or(Reply::Fault(RPC_X_BAD_STUB_DATA))
    }
}

fn enumerate(names: &[String], q: m::NetrMessageNameEnumRequest) -> Reply {
    let level = q.info_struct.level;
    if level > 1 {
        return Reply::encode(&m::NetrMessageNameEnumResponse {
            info_struct: q.info_struct,
            total_entries: 0,
            resume_handle: q.resume_handle,
            status: ERROR_INVALID_LEVEL,
        });
    }
    let sizes: Vec<usize> = names.iter().map(|n| str_size(n) + 16).collect();
    let (range, total, resume, status) = page(&sizes, q.resume_handle, q.pref_max_len);
    let list = &names[range];
    let n = list.len() as u32;
    let msg_info = if level == 0 {
        m::MsgEnumUnion::L0(Some(m::MsgInfo0Container {
            entries_read: n,
            buffer: buffer(list.iter().map(|x| m::MsgInfo0 { name: opt(x) }).collect()),
        }))
    } else {
        m::MsgEnumUnion::L1(Some(m::MsgInfo1Container {
            entries_read: n,
            buffer: buffer(
                list.iter()
                    .map(|x| m::MsgInfo1 {
                        name: opt(x),
                        forward_flag: 0,
                        forward: None,
                    })
                    .collect(),
            ),
        }))
    };
    Reply::encode(&m::NetrMessageNameEnumResponse {
        info_struct: m::MsgEnumStruct { level, msg_info },
        total_entries: total,
        resume_handle: resume,
        status,
    })
}

impl PeerConfig {
    /// Serve `msgsvc` on `\PIPE\msgsvc` with `responder`.
    pub fn msgsvc(self, responder: &Msgsvc) -> Self {
        let r = responder.clone();
        self.interface("msgsvc", MSGSVC, move |opnum, stub| r.answer(opnum, stub))
    }
}
