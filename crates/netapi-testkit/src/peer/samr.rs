//! A [MS-SAMR] responder for the peer: a SAM server with one account domain and BUILTIN, for
//! what the Samba lab cannot show — every open context handle accounted for per association,
//! the handle checks a server makes, and answers a test scripts (errors, delays, a handle the
//! server calls invalid mid-sequence).
//!
//! Handles follow [C706] 5.1.6 / [MS-RPCE] 3.3.1.5.1: a handle is valid only on the association
//! that opened it (a handle used on another one, or after its close, answers
//! `STATUS_INVALID_HANDLE` and is recorded as a [`Violation`]), SamrCloseHandle frees it, and
//! an association that ends runs all of its handles down. [`Sam::open_handles`] is what a
//! server would still hold.
//!
//! Served: SamrCloseHandle (1), SamrLookupDomainInSamServer (5),
//! SamrEnumerateDomainsInSamServer (6), SamrOpenDomain (7), SamrOpenUser (34),
//! SamrGetGroupsForUser (39), SamrQueryInformationUser2 (47, `UserAllInformation`),
//! SamrConnect5 (64); the groups and aliases of [`groups`] (10, 14–25, 27–33, 36, 40). Other
//! opnums fault with `nca_s_op_rng_error`; requests that do not decode with
//! `RPC_X_BAD_STUB_DATA`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::dtyp::{RpcSid, RpcUnicodeString};
use netapi_msrpc::samr as w;
use netapi_ndr::{ContextHandle, Guid};

use super::PeerConfig;
use super::rpc::{Assoc, NCA_S_OP_RNG_ERROR, RPC_X_BAD_STUB_DATA, Reply};

pub mod groups;
pub use groups::{Alias, Group};

/// The samr interface (`12345778-1234-abcd-ef00-0123456789ac` v1.0).
pub const SAMR: SyntaxId = <w::Samr as netapi_msrpc::Interface>::SYNTAX;

/// `STATUS_INVALID_HANDLE`.
pub const STATUS_INVALID_HANDLE: u32 = 0xC000_0008;
/// `STATUS_NO_SUCH_DOMAIN`.
pub const STATUS_NO_SUCH_DOMAIN: u32 = 0xC000_00DF;
/// `STATUS_NONE_MAPPED`.
pub const STATUS_NONE_MAPPED: u32 = 0xC000_0073;
/// `STATUS_SOME_NOT_MAPPED`.
pub const STATUS_SOME_NOT_MAPPED: u32 = 0x0000_0107;
/// `STATUS_NO_SUCH_USER`.
pub const STATUS_NO_SUCH_USER: u32 = 0xC000_0064;

/// One user account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Account name.
    pub name: String,
    /// RID.
    pub rid: u32,
    /// Full name.
    pub full_name: String,
    /// `USER_ACCOUNT` bits.
    pub acb: u32,
    /// RIDs of the global groups it belongs to.
    pub groups: Vec<u32>,
}

/// What a handle designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Object {
    /// The SAM server (SamrConnect5).
    Server,
    /// The account domain.
    Account,
    /// BUILTIN.
    Builtin,
    /// A user, by RID.
    User(u32),
    /// A global group of the account domain, by RID.
    Group(u32),
    /// An alias, by RID: of BUILTIN (`true`) or of the account domain.
    Alias(bool, u32),
}

/// A handle used where the server does not know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The association it was sent on.
    pub assoc: Assoc,
    /// The opnum.
    pub opnum: u16,
    /// Why it is invalid.
    pub why: &'static str,
}

/// The SAM database and what the server holds open.
#[derive(Debug)]
pub struct Sam {
    /// The account domain's name.
    pub domain: String,
    /// The account domain's SID sub-authorities after `S-1-5` (`21-…`).
    pub domain_subs: Vec<u32>,
    /// The users.
    pub users: Vec<User>,
    /// BUILTIN alias memberships: (alias RID, member SID as a string).
    pub builtin_members: Vec<(u32, String)>,
    /// The global groups of the account domain.
    pub groups: Vec<Group>,
    /// The aliases of the account domain.
    pub aliases: Vec<Alias>,
    /// The RID the next account created gets.
    pub next_rid: u32,
    handles: HashMap<Guid, (Assoc, Object)>,
    next: u32,
    /// Handles used on an association that did not open them, or after their close.
    pub violations: Vec<Violation>,
    /// Closes of handles the server holds (by SamrCloseHandle).
    pub closed: usize,
    /// Handles run down with their association.
    pub run_down: usize,
}

impl Sam {
    /// `DOMAIN` (S-1-5-21-1-2-3) with `admin` (500, in BUILTIN\Administrators) and `n` users
    /// `user0000`, `user0001`, … (RIDs from 1000).
    pub fn with_users(n: usize) -> Self {
        let mut users = vec![User {
            name: "admin".into(),
            rid: 500,
            full_name: "The administrator".into(),
            acb: w::account_control::USER_NORMAL_ACCOUNT,
            groups: vec![512, 513],
        }];
        users.extend((0..n).map(|i| User {
            name: format!("user{i:04}"),
            rid: 1000 + i as u32,
            full_name: format!("User number {i}"),
            acb: w::account_control::USER_NORMAL_ACCOUNT,
            groups: vec![513],
        }));
        let groups = vec![
            Group::new("Domain Admins", 512, vec![500]),
            Group::new("Domain Users", 513, users.iter().map(|u| u.rid).collect()),
        ];
        Sam {
            domain: "DOMAIN".into(),
            domain_subs: vec![21, 1, 2, 3],
            next_rid: 1000 + n as u32,
            users,
            builtin_members: vec![(544, "S-1-5-21-1-2-3-500".into())],
            groups,
            aliases: Vec::new(),
            handles: HashMap::new(),
            next: 1,
            violations: Vec::new(),
            closed: 0,
            run_down: 0,
        }
    }

    /// Handles the server holds open now.
    pub fn open_handles(&self) -> usize {
        self.handles.len()
    }

    /// Handles held open for `assoc`.
    pub fn open_on(&self, assoc: Assoc) -> usize {
        self.handles.values().filter(|(a, _)| *a == assoc).count()
    }

    /// Associations holding at least one handle.
    pub fn associations(&self) -> Vec<Assoc> {
        let mut a: Vec<Assoc> = self.handles.values().map(|(a, _)| *a).collect();
        a.sort_unstable();
        a.dedup();
        a
    }

    /// Forget every handle (as a restarted server would): later uses are invalid.
    pub fn forget_handles(&mut self) {
        self.handles.clear();
    }

    fn domain_sid(&self) -> RpcSid {
        RpcSid::new(5, &self.domain_subs).unwrap_or_else(unreachable_sid)
    }

    fn open(&mut self, assoc: Assoc, what: Object) -> ContextHandle {
        self.next += 1;
        let mut uuid = [0u8; 16];
        uuid[..4].copy_from_slice(&self.next.to_le_bytes());
        uuid[4..12].copy_from_slice(&assoc.to_le_bytes());
        uuid[15] = 0x5a;
        let guid = Guid::from_bytes_le(uuid);
        self.handles.insert(guid, (assoc, what));
        ContextHandle {
            attributes: 0,
            uuid: guid,
        }
    }

    /// What `h` designates on `assoc`, or a recorded violation.
    fn resolve(&mut self, assoc: Assoc, opnum: u16, h: &ContextHandle) -> Option<Object> {
        match self.handles.get(&h.uuid) {
            Some((a, what)) if *a == assoc => Some(*what),
            Some(_) => {
                self.violations.push(Violation {
                    assoc,
                    opnum,
                    why: "a handle of another association",
                });
                None
            }
            None => {
                self.violations.push(Violation {
                    assoc,
                    opnum,
                    why: "a handle the server does not hold",
                });
                None
            }
        }
    }

    fn rundown(&mut self, assoc: Assoc) {
        let before = self.handles.len();
        self.handles.retain(|_, (a, _)| *a != assoc);
        self.run_down += before - self.handles.len();
    }
}

/// `S-1-0` (never used: every SID here is well-formed).
fn unreachable_sid() -> RpcSid {
    RpcSid {
        revision: 1,
        sub_authority_count: 0,
        identifier_authority: [0; 6],
        sub_authority: Vec::new(),
    }
}

/// A wire string of `s` (NULL when too long).
pub fn ustr(s: &str) -> RpcUnicodeString {
    RpcUnicodeString::new(s).unwrap_or_else(|_| RpcUnicodeString::null())
}

/// A shared, inspectable [`Sam`] and its responder.
#[derive(Clone)]
pub struct Samr {
    sam: Arc<Mutex<Sam>>,
}

impl Samr {
    /// Serve `sam`.
    pub fn new(sam: Sam) -> Self {
        Samr {
            sam: Arc::new(Mutex::new(sam)),
        }
    }

    /// The state (lock held while the guard lives).
    pub fn sam(&self) -> MutexGuard<'_, Sam> {
        self.sam.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The answer to one call on association `assoc`.
    pub fn answer(&self, assoc: Assoc, opnum: u16, stub: &[u8]) -> Reply {
        let mut s = self.sam();
        if let Some(r) = groups::answer(&mut s, assoc, opnum, stub) {
            return r;
        }
        let r = match opnum {
            1 => decode(stub).map(|q| close(&mut s, assoc, q)),
            5 => decode(stub).map(|q| lookup_domain(&mut s, assoc, q)),
            6 => decode(stub).map(|q| enum_domains(&mut s, assoc, q)),
            7 => decode(stub).map(|q| open_domain(&mut s, assoc, q)),
            34 => decode(stub).map(|q| open_user(&mut s, assoc, q)),
            39 => decode(stub).map(|q| groups_for_user(&mut s, assoc, q)),
            47 => decode(stub).map(|q| query_user2(&mut s, assoc, q)),
            64 => decode(stub).map(|q| connect5(&mut s, assoc, q)),
            _ => return Reply::Fault(NCA_S_OP_RNG_ERROR),
        };
        r.unwrap_or(Reply::Fault(RPC_X_BAD_STUB_DATA))
    }

    /// An association ended: run its handles down.
    pub fn rundown(&self, assoc: Assoc) {
        self.sam().rundown(assoc);
    }
}

impl PeerConfig {
    /// Serve `samr` on `\PIPE\samr` with `responder`, `tweak` deciding a call first (`Some`
    /// answers instead of the responder; tests script errors and delays there).
    pub fn samr(
        self,
        responder: &Samr,
        mut tweak: impl FnMut(Assoc, u16, &[u8]) -> Option<Reply> + Send + 'static,
    ) -> Self {
        let (answer, rundown) = (responder.clone(), responder.clone());
        self.interface_per_association(
            "samr",
            SAMR,
            move |assoc, opnum, stub| {
                tweak(assoc, opnum, stub).unwrap_or_else(|| answer.answer(assoc, opnum, stub))
            },
            move |assoc| rundown.rundown(assoc),
        )
    }
}

pub(crate) fn decode<T: netapi_ndr::Ndr>(stub: &[u8]) -> Option<T> {
    netapi_ndr::decode(stub).ok()
}

pub(crate) fn invalid<T: netapi_ndr::Ndr>(v: T) -> Reply {
    Reply::encode(&v)
}

fn close(s: &mut Sam, assoc: Assoc, q: w::SamrCloseHandleRequest) -> Reply {
    let status = match s.resolve(assoc, 1, &q.sam_handle) {
        Some(_) => {
            s.handles.remove(&q.sam_handle.uuid);
            s.closed += 1;
            0
        }
        None => STATUS_INVALID_HANDLE,
    };
    Reply::encode(&w::SamrCloseHandleResponse {
        sam_handle: if status == 0 {
            ContextHandle::NULL
        } else {
            q.sam_handle
        },
        status,
    })
}

fn connect5(s: &mut Sam, assoc: Assoc, _q: w::SamrConnect5Request) -> Reply {
    let h = s.open(assoc, Object::Server);
    Reply::encode(&w::SamrConnect5Response {
        out_version: 1,
        out_revision_info: w::SamprRevisionInfo::V1(w::SamprRevisionInfoV1 {
            revision: 3,
            supported_features: 0,
        }),
        server_handle: h,
        status: 0,
    })
}

fn enum_domains(s: &mut Sam, assoc: Assoc, q: w::SamrEnumerateDomainsInSamServerRequest) -> Reply {
    if s.resolve(assoc, 6, &q.server_handle) != Some(Object::Server) {
        return invalid(w::SamrEnumerateDomainsInSamServerResponse {
            enumeration_context: 0,
            buffer: None,
            count_returned: 0,
            status: STATUS_INVALID_HANDLE,
        });
    }
    let entries = vec![
        w::SamprRidEnumeration {
            relative_id: 0,
            name: ustr(&s.domain),
        },
        w::SamprRidEnumeration {
            relative_id: 0,
            name: ustr("Builtin"),
        },
    ];
    Reply::encode(&w::SamrEnumerateDomainsInSamServerResponse {
        enumeration_context: 0,
        count_returned: 2,
        buffer: Some(w::SamprEnumerationBuffer {
            entries_read: 2,
            buffer: Some(entries),
        }),
        status: 0,
    })
}

fn lookup_domain(s: &mut Sam, assoc: Assoc, q: w::SamrLookupDomainInSamServerRequest) -> Reply {
    let ok = s.resolve(assoc, 5, &q.server_handle) == Some(Object::Server);
    let name = q.name.to_string_lossy().unwrap_or_default();
    let (sid, status) = match (ok, name.eq_ignore_ascii_case(&s.domain)) {
        (false, _) => (None, STATUS_INVALID_HANDLE),
        (true, true) => (Some(s.domain_sid()), 0),
        (true, false) if name.eq_ignore_ascii_case("Builtin") => (RpcSid::new(5, &[32]), 0),
        (true, false) => (None, STATUS_NO_SUCH_DOMAIN),
    };
    Reply::encode(&w::SamrLookupDomainInSamServerResponse {
        domain_id: sid,
        status,
    })
}

fn open_domain(s: &mut Sam, assoc: Assoc, q: w::SamrOpenDomainRequest) -> Reply {
    let ok = s.resolve(assoc, 7, &q.server_handle) == Some(Object::Server);
    let what = if q.domain_id == s.domain_sid() {
        Some(Object::Account)
    } else if q.domain_id.authority() == 5 && q.domain_id.sub_authority == [32] {
        Some(Object::Builtin)
    } else {
        None
    };
    let (handle, status) = match (ok, what) {
        (false, _) => (ContextHandle::NULL, STATUS_INVALID_HANDLE),
        (true, Some(w)) => (s.open(assoc, w), 0),
        (true, None) => (ContextHandle::NULL, STATUS_NO_SUCH_DOMAIN),
    };
    Reply::encode(&w::SamrOpenDomainResponse {
        domain_handle: handle,
        status,
    })
}

fn open_user(s: &mut Sam, assoc: Assoc, q: w::SamrOpenUserRequest) -> Reply {
    let ok = s.resolve(assoc, 34, &q.domain_handle) == Some(Object::Account);
    let exists = s.users.iter().any(|u| u.rid == q.user_id);
    let (handle, status) = match (ok, exists) {
        (false, _) => (ContextHandle::NULL, STATUS_INVALID_HANDLE),
        (true, true) => (s.open(assoc, Object::User(q.user_id)), 0),
        (true, false) => (ContextHandle::NULL, STATUS_NO_SUCH_USER),
    };
    Reply::encode(&w::SamrOpenUserResponse {
        user_handle: handle,
        status,
    })
}

fn user_of(s: &mut Sam, assoc: Assoc, opnum: u16, h: &ContextHandle) -> Option<User> {
    match s.resolve(assoc, opnum, h) {
        Some(Object::User(rid)) => s.users.iter().find(|u| u.rid == rid).cloned(),
        _ => None,
    }
}

fn query_user2(s: &mut Sam, assoc: Assoc, q: w::SamrQueryInformationUser2Request) -> Reply {
    let Some(u) = user_of(s, assoc, 47, &q.user_handle) else {
        return invalid(w::SamrQueryInformationUser2Response {
            buffer: None,
            status: STATUS_INVALID_HANDLE,
        });
    };
    let all = w::SamprUserAllInformation {
        user_name: ustr(&u.name),
        full_name: ustr(&u.full_name),
        user_id: u.rid,
        primary_group_id: 513,
        user_account_control: u.acb,
        logon_hours: w::SamprLogonHours {
            units_per_week: 168,
            logon_hours: Some(vec![0xFF; 21]),
        },
        which_fields: 0x00FF_FFFF,
        ..Default::default()
    };
    Reply::encode(&w::SamrQueryInformationUser2Response {
        buffer: Some(w::SamprUserInfoBuffer::All(Box::new(all))),
        status: 0,
    })
}

fn groups_for_user(s: &mut Sam, assoc: Assoc, q: w::SamrGetGroupsForUserRequest) -> Reply {
    let Some(u) = user_of(s, assoc, 39, &q.user_handle) else {
        return invalid(w::SamrGetGroupsForUserResponse {
            groups: None,
            status: STATUS_INVALID_HANDLE,
        });
    };
    let groups: Vec<w::GroupMembership> = u
        .groups
        .iter()
        .map(|g| w::GroupMembership {
            relative_id: *g,
            attributes: 7,
        })
        .collect();
    Reply::encode(&w::SamrGetGroupsForUserResponse {
        groups: Some(w::SamprGetGroupsBuffer {
            membership_count: groups.len() as u32,
            groups: Some(groups),
        }),
        status: 0,
    })
}

/// The string form of a wire SID (`S-1-5-…`).
pub fn sid_string(s: &RpcSid) -> String {
    let mut out = format!("S-1-{}", s.authority());
    for a in &s.sub_authority {
        out.push_str(&format!("-{a}"));
    }
    out
}
