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
//! SamrEnumerateDomainsInSamServer (6), SamrOpenDomain (7), SamrGetAliasMembership (16),
//! SamrLookupNamesInDomain (17), SamrOpenUser (34), SamrGetGroupsForUser (39),
//! SamrQueryInformationUser2 (47, `UserAllInformation`), SamrConnect5 (64), for the account
//! writes SamrSetSecurityObject (2), SamrQuerySecurityObject (3), SamrEnumerateUsersInDomain
//! (13, paging as either Samba server does: [`Paging`]), SamrDeleteUser (35),
//! SamrCreateUser2InDomain (50) and SamrSetInformationUser2 (58), and the groups and aliases of
//! [`groups`] (10, 14–25, 27–33, 36, 40). Other opnums fault with `nca_s_op_rng_error`;
//! requests that do not decode with `RPC_X_BAD_STUB_DATA`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::dtyp::{RpcSid, RpcUnicodeString, RpcUnicodeText};
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
    /// Admin comment.
    pub comment: String,
    /// Whether its DACL grants World `USER_CHANGE_PASSWORD` (`UF_PASSWD_CANT_CHANGE` clear).
    pub can_change_password: bool,
    /// Passwords set through SamrSetInformationUser2.
    pub passwords_set: u32,
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
    /// How SamrEnumerateUsersInDomain pages.
    pub paging: Paging,
    /// Each association's enumeration (by domain handle), for [`Paging::PerHandle`].
    enumerations: HashMap<Guid, Vec<(u32, String)>>,
}

/// How SamrEnumerateUsersInDomain pages, as the two Samba servers do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// The file server (s3): pages of this many accounts whatever `PreferedMaximumLength`
    /// says, `STATUS_MORE_ENTRIES` when a page is full (even when nothing follows), the resume
    /// handle the index of the next account.
    Fixed(u32),
    /// The DC (s4): `1 + PreferedMaximumLength / 54` accounts a page; the list is made at
    /// resume 0 and kept on that domain handle: another handle answers a later resume handle
    /// with an empty, final page.
    PerHandle,
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
            comment: String::new(),
            can_change_password: true,
            passwords_set: 0,
        }];
        users.extend((0..n).map(|i| User {
            name: format!("user{i:04}"),
            rid: 1000 + i as u32,
            full_name: format!("User number {i}"),
            acb: w::account_control::USER_NORMAL_ACCOUNT,
            groups: vec![513],
            comment: String::new(),
            can_change_password: true,
            passwords_set: 0,
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
            paging: Paging::PerHandle,
            enumerations: HashMap::new(),
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
        let handles = &self.handles;
        self.enumerations.retain(|h, _| handles.contains_key(h));
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

/// `s` as an enumeration entry's name (the null string if too long).
pub fn utext(s: &str) -> RpcUnicodeText {
    RpcUnicodeText::new(s).unwrap_or_default()
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
            2 => decode(stub).map(|q| set_security(&mut s, assoc, q)),
            3 => decode(stub).map(|q| query_security(&mut s, assoc, q)),
            13 => decode(stub).map(|q| enum_users(&mut s, assoc, q)),
            35 => decode(stub).map(|q| delete_user(&mut s, assoc, q)),
            50 => decode(stub).map(|q| create_user(&mut s, assoc, q)),
            58 => decode(stub).map(|q| set_user2(&mut s, assoc, q)),
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
            name: utext(&s.domain),
        },
        w::SamprRidEnumeration {
            relative_id: 0,
            name: utext("Builtin"),
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
        admin_comment: ustr(&u.comment),
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

// --- account writes ------------------------------------------------------------------------

/// `STATUS_USER_EXISTS`.
pub const STATUS_USER_EXISTS: u32 = 0xC000_0063;
/// `STATUS_MORE_ENTRIES`.
pub const STATUS_MORE_ENTRIES: u32 = 0x0000_0105;

fn create_user(s: &mut Sam, assoc: Assoc, q: w::SamrCreateUser2InDomainRequest) -> Reply {
    let refuse = |status| {
        Reply::encode(&w::SamrCreateUser2InDomainResponse {
            user_handle: ContextHandle::NULL,
            granted_access: 0,
            relative_id: 0,
            status,
        })
    };
    if s.resolve(assoc, 50, &q.domain_handle) != Some(Object::Account) {
        return refuse(STATUS_INVALID_HANDLE);
    }
    let name = q.name.to_string_lossy().unwrap_or_default();
    if s.users.iter().any(|u| u.name.eq_ignore_ascii_case(&name)) {
        return refuse(STATUS_USER_EXISTS);
    }
    // From the counter, as a SAM does: a deleted account's RID is not given again.
    let rid = s.next_rid;
    s.next_rid += 1;
    s.users.push(User {
        name,
        rid,
        full_name: String::new(),
        acb: q.account_type | w::account_control::USER_ACCOUNT_DISABLED,
        groups: vec![513],
        comment: String::new(),
        can_change_password: true,
        passwords_set: 0,
    });
    let h = s.open(assoc, Object::User(rid));
    Reply::encode(&w::SamrCreateUser2InDomainResponse {
        user_handle: h,
        granted_access: 0x000F_07FF,
        relative_id: rid,
        status: 0,
    })
}

fn set_user2(s: &mut Sam, assoc: Assoc, q: w::SamrSetInformationUser2Request) -> Reply {
    let status = |status| Reply::encode(&w::SamrSetInformationUser2Response { status });
    let Some(Object::User(rid)) = s.resolve(assoc, 58, &q.user_handle) else {
        return status(STATUS_INVALID_HANDLE);
    };
    let Some(u) = s.users.iter_mut().find(|u| u.rid == rid) else {
        return status(STATUS_NO_SUCH_USER);
    };
    use w::user_all as f;
    let (all, password) = match &q.buffer {
        w::SamprUserInfoBuffer::All(a) => (Some(a.as_ref()), false),
        w::SamprUserInfoBuffer::Internal4New(i) => (Some(&i.i1), true),
        w::SamprUserInfoBuffer::Internal5New(_) => (None, true),
        _ => return status(0xC000_0003), // STATUS_INVALID_INFO_CLASS
    };
    if let Some(a) = all {
        let which = a.which_fields;
        if which & f::USER_ALL_USERNAME != 0 {
            u.name = a.user_name.to_string_lossy().unwrap_or_default();
        }
        if which & f::USER_ALL_FULLNAME != 0 {
            u.full_name = a.full_name.to_string_lossy().unwrap_or_default();
        }
        if which & f::USER_ALL_ADMINCOMMENT != 0 {
            u.comment = a.admin_comment.to_string_lossy().unwrap_or_default();
        }
        if which & f::USER_ALL_USERACCOUNTCONTROL != 0 {
            u.acb = a.user_account_control;
        }
    }
    if password {
        u.passwords_set += 1;
    }
    status(0)
}

fn delete_user(s: &mut Sam, assoc: Assoc, q: w::SamrDeleteUserRequest) -> Reply {
    let answer = |handle, status| {
        Reply::encode(&w::SamrDeleteUserResponse {
            user_handle: handle,
            status,
        })
    };
    let Some(Object::User(rid)) = s.resolve(assoc, 35, &q.user_handle) else {
        return answer(q.user_handle, STATUS_INVALID_HANDLE);
    };
    s.users.retain(|u| u.rid != rid);
    s.handles.remove(&q.user_handle.uuid);
    answer(ContextHandle::NULL, 0)
}

/// The self-relative descriptor of a user: World (read, and change-password when allowed),
/// BUILTIN\Administrators (everything), the user (change-password when allowed).
fn user_sd(user_sid: &RpcSid, can_change: bool) -> Vec<u8> {
    let pw = if can_change { 0x40 } else { 0 };
    let sid_bytes = |s: &RpcSid| {
        let mut b = vec![1, s.sub_authority.len() as u8];
        b.extend_from_slice(&s.identifier_authority);
        for a in &s.sub_authority {
            b.extend_from_slice(&a.to_le_bytes());
        }
        b
    };
    let world = RpcSid::new(1, &[0]).unwrap_or_else(unreachable_sid);
    let admins = RpcSid::new(5, &[32, 544]).unwrap_or_else(unreachable_sid);
    let mut aces = Vec::new();
    for (mask, sid) in [
        (0x0002_031b | pw, &world),
        (0x000f_07ff, &admins),
        (0x0002_0004 | pw, user_sid),
    ] {
        let sb = sid_bytes(sid);
        aces.extend_from_slice(&[0, 0]);
        aces.extend_from_slice(&((8 + sb.len()) as u16).to_le_bytes());
        aces.extend_from_slice(&(mask as u32).to_le_bytes());
        aces.extend_from_slice(&sb);
    }
    let mut sd = vec![
        1, 0, 0x04, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0,
    ];
    sd.extend_from_slice(&[2, 0]);
    sd.extend_from_slice(&((8 + aces.len()) as u16).to_le_bytes());
    sd.extend_from_slice(&3u16.to_le_bytes());
    sd.extend_from_slice(&[0, 0]);
    sd.extend_from_slice(&aces);
    sd
}

fn query_security(s: &mut Sam, assoc: Assoc, q: w::SamrQuerySecurityObjectRequest) -> Reply {
    let Some(Object::User(rid)) = s.resolve(assoc, 3, &q.object_handle) else {
        return Reply::encode(&w::SamrQuerySecurityObjectResponse {
            security_descriptor: None,
            status: STATUS_INVALID_HANDLE,
        });
    };
    let can = s
        .users
        .iter()
        .find(|u| u.rid == rid)
        .is_none_or(|u| u.can_change_password);
    let mut subs = s.domain_subs.clone();
    subs.push(rid);
    let sid = RpcSid::new(5, &subs).unwrap_or_else(unreachable_sid);
    let sd = user_sd(&sid, can);
    Reply::encode(&w::SamrQuerySecurityObjectResponse {
        security_descriptor: Some(w::SamprSrSecurityDescriptor {
            length: sd.len() as u32,
            security_descriptor: Some(sd),
        }),
        status: 0,
    })
}

/// Whether a DACL lets World change the password (the first ACE for S-1-1-0 decides).
fn world_may_change(sd: &[u8]) -> Option<bool> {
    let dacl = u32::from_le_bytes(sd.get(16..20)?.try_into().ok()?) as usize;
    let count = u16::from_le_bytes(sd.get(dacl + 4..dacl + 6)?.try_into().ok()?);
    let mut at = dacl + 8;
    for _ in 0..count {
        let size = u16::from_le_bytes(sd.get(at + 2..at + 4)?.try_into().ok()?) as usize;
        let mask = u32::from_le_bytes(sd.get(at + 4..at + 8)?.try_into().ok()?);
        if sd.get(at + 8..at + 20)? == [1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0] {
            return Some(sd[at] == 0 && mask & 0x40 != 0);
        }
        at += size.max(4);
    }
    Some(false)
}

fn set_security(s: &mut Sam, assoc: Assoc, q: w::SamrSetSecurityObjectRequest) -> Reply {
    let status = |status| Reply::encode(&w::SamrSetSecurityObjectResponse { status });
    let Some(Object::User(rid)) = s.resolve(assoc, 2, &q.object_handle) else {
        return status(STATUS_INVALID_HANDLE);
    };
    let sd = q
        .security_descriptor
        .security_descriptor
        .unwrap_or_default();
    let Some(can) = world_may_change(&sd) else {
        return status(0xC000_0079); // STATUS_INVALID_SECURITY_DESCR
    };
    if let Some(u) = s.users.iter_mut().find(|u| u.rid == rid) {
        u.can_change_password = can;
    }
    status(0)
}

fn enum_users(s: &mut Sam, assoc: Assoc, q: w::SamrEnumerateUsersInDomainRequest) -> Reply {
    let answer = |entries: Vec<(u32, String)>, next: u32, status: u32| {
        let buffer: Vec<w::SamprRidEnumeration> = entries
            .iter()
            .map(|(rid, name)| w::SamprRidEnumeration {
                relative_id: *rid,
                name: utext(name),
            })
            .collect();
        Reply::encode(&w::SamrEnumerateUsersInDomainResponse {
            enumeration_context: next,
            count_returned: buffer.len() as u32,
            buffer: Some(w::SamprEnumerationBuffer {
                entries_read: buffer.len() as u32,
                buffer: Some(buffer),
            }),
            status,
        })
    };
    if s.resolve(assoc, 13, &q.domain_handle) != Some(Object::Account) {
        return answer(Vec::new(), 0, STATUS_INVALID_HANDLE);
    }
    let acb = q.user_account_control;
    let mut all: Vec<(u32, String)> = s
        .users
        .iter()
        .filter(|u| acb == 0 || u.acb & acb != 0)
        .map(|u| (u.rid, u.name.clone()))
        .collect();
    all.sort();
    let start = q.enumeration_context as usize;
    match s.paging {
        Paging::Fixed(page) => {
            let page = page.max(1) as usize;
            let rest = all.get(start..).unwrap_or_default();
            if rest.is_empty() {
                return answer(Vec::new(), q.enumeration_context, 0);
            }
            let part: Vec<_> = rest.iter().take(page).cloned().collect();
            let next = (start + part.len()) as u32;
            let status = if part.len() == page {
                STATUS_MORE_ENTRIES
            } else {
                0
            };
            answer(part, next, status)
        }
        Paging::PerHandle => {
            let key = q.domain_handle.uuid;
            if start == 0 {
                s.enumerations.insert(key, all);
            }
            let Some(list) = s.enumerations.get(&key) else {
                return answer(Vec::new(), 0, 0);
            };
            if start >= list.len() {
                s.enumerations.remove(&key);
                return answer(Vec::new(), 0, 0);
            }
            let n = (1 + q.prefered_maximum_length as usize / 54).min(list.len() - start);
            let part = list[start..start + n].to_vec();
            let next = start + n;
            if next >= list.len() {
                s.enumerations.remove(&key);
                answer(part, 0, 0)
            } else {
                answer(part, next as u32, STATUS_MORE_ENTRIES)
            }
        }
    }
}
