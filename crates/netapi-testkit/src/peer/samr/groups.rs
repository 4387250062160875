//! Groups and aliases of the scripted SAM server ([MS-SAMR] 3.1.5), for the NetGroup* and
//! NetLocalGroup* wire tests: names ↔ RIDs of every account kind (SamrLookupNamesInDomain 17,
//! SamrLookupIdsInDomain 18), global groups (create 10, open 19, query 20, set 21, add 22,
//! delete 23, remove 24, members 25, display pages 40), aliases of BUILTIN and of the account
//! domain (create 14, enumerate 15, membership 16, open 27, query 28, set 29, delete 30, add 31,
//! remove 32, members 33) and a user's primary group (SamrQueryInformationUser 36, class 9).
//!
//! Answers follow the spec's non-DC rules: a group with members cannot be deleted
//! (`STATUS_MEMBER_IN_GROUP`), nor one with a RID below 1000 (`STATUS_SPECIAL_ACCOUNT`); an alias
//! takes any SID. Every handle is checked against its association as in `super`.

use netapi_msrpc::samr::{self as w, SidNameUse};
use netapi_ndr::ContextHandle;

use super::{Object, STATUS_INVALID_HANDLE, STATUS_NONE_MAPPED, STATUS_SOME_NOT_MAPPED};
use super::{Sam, decode, invalid, sid_string, ustr, utext};
use crate::peer::rpc::{Assoc, RPC_X_BAD_STUB_DATA, Reply};

/// `STATUS_MORE_ENTRIES`.
pub const STATUS_MORE_ENTRIES: u32 = 0x0000_0105;
/// `STATUS_NO_SUCH_GROUP`.
pub const STATUS_NO_SUCH_GROUP: u32 = 0xC000_0066;
/// `STATUS_GROUP_EXISTS`.
pub const STATUS_GROUP_EXISTS: u32 = 0xC000_0065;
/// `STATUS_USER_EXISTS`.
pub const STATUS_USER_EXISTS: u32 = 0xC000_0063;
/// `STATUS_MEMBER_IN_GROUP`.
pub const STATUS_MEMBER_IN_GROUP: u32 = 0xC000_0067;
/// `STATUS_MEMBER_NOT_IN_GROUP`.
pub const STATUS_MEMBER_NOT_IN_GROUP: u32 = 0xC000_0068;
/// `STATUS_SPECIAL_ACCOUNT`.
pub const STATUS_SPECIAL_ACCOUNT: u32 = 0xC000_0124;
/// `STATUS_NO_SUCH_ALIAS`.
pub const STATUS_NO_SUCH_ALIAS: u32 = 0xC000_0151;
/// `STATUS_MEMBER_NOT_IN_ALIAS`.
pub const STATUS_MEMBER_NOT_IN_ALIAS: u32 = 0xC000_0152;
/// `STATUS_MEMBER_IN_ALIAS`.
pub const STATUS_MEMBER_IN_ALIAS: u32 = 0xC000_0153;
/// `STATUS_ALIAS_EXISTS`.
pub const STATUS_ALIAS_EXISTS: u32 = 0xC000_0154;
/// `STATUS_INVALID_INFO_CLASS`.
pub const STATUS_INVALID_INFO_CLASS: u32 = 0xC000_0003;

/// The aliases of BUILTIN: (RID, name); their members are [`Sam::builtin_members`].
pub const BUILTIN_ALIASES: &[(u32, &str)] =
    &[(544, "Administrators"), (545, "Users"), (546, "Guests")];

/// A global group of the account domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Name.
    pub name: String,
    /// RID.
    pub rid: u32,
    /// Comment.
    pub comment: String,
    /// `SE_GROUP_*` attributes.
    pub attributes: u32,
    /// Member RIDs, in order.
    pub members: Vec<u32>,
}

impl Group {
    /// Group `name` (`rid`) with `members`, attributes 7 and no comment.
    pub fn new(name: &str, rid: u32, members: Vec<u32>) -> Self {
        Group {
            name: name.into(),
            rid,
            comment: String::new(),
            attributes: 7,
            members,
        }
    }
}

/// An alias of the account domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// Name.
    pub name: String,
    /// RID.
    pub rid: u32,
    /// Comment.
    pub comment: String,
    /// Member SIDs (strings), in order.
    pub members: Vec<String>,
}

impl Sam {
    /// The SID string of account `rid` of the account domain.
    pub fn account_sid(&self, rid: u32) -> String {
        let mut s = String::from("S-1-5");
        for a in &self.domain_subs {
            s.push_str(&format!("-{a}"));
        }
        format!("{s}-{rid}")
    }

    /// A new alias `name` of the account domain with `members` (SID strings); its RID.
    pub fn add_alias(&mut self, name: &str, members: Vec<String>) -> u32 {
        let rid = self.next_rid;
        self.next_rid += 1;
        self.aliases.push(Alias {
            name: name.into(),
            rid,
            comment: String::new(),
            members,
        });
        rid
    }

    /// A new group `name` with member RIDs `members` (kept in the users' group lists too); its
    /// RID.
    pub fn add_group(&mut self, name: &str, members: Vec<u32>) -> u32 {
        let rid = self.next_rid;
        self.next_rid += 1;
        for u in self.users.iter_mut().filter(|u| members.contains(&u.rid)) {
            u.groups.push(rid);
        }
        self.groups.push(Group::new(name, rid, members));
        rid
    }

    /// Account `name` of the account domain (`false`) or BUILTIN (`true`): RID and kind.
    pub fn find(&self, builtin: bool, name: &str) -> Option<(u32, SidNameUse)> {
        let eq = |n: &str| n.eq_ignore_ascii_case(name);
        if builtin {
            return BUILTIN_ALIASES
                .iter()
                .find(|(_, n)| eq(n))
                .map(|(r, _)| (*r, SidNameUse::SID_TYPE_ALIAS));
        }
        let users = self
            .users
            .iter()
            .find(|u| eq(&u.name))
            .map(|u| (u.rid, SidNameUse::SID_TYPE_USER));
        let groups = || {
            self.groups
                .iter()
                .find(|g| eq(&g.name))
                .map(|g| (g.rid, SidNameUse::SID_TYPE_GROUP))
        };
        let aliases = || {
            self.aliases
                .iter()
                .find(|a| eq(&a.name))
                .map(|a| (a.rid, SidNameUse::SID_TYPE_ALIAS))
        };
        users.or_else(groups).or_else(aliases)
    }

    /// Account `rid` of the account domain (`false`) or BUILTIN (`true`): name and kind.
    pub fn name_of(&self, builtin: bool, rid: u32) -> Option<(String, SidNameUse)> {
        if builtin {
            return BUILTIN_ALIASES
                .iter()
                .find(|(r, _)| *r == rid)
                .map(|(_, n)| (n.to_string(), SidNameUse::SID_TYPE_ALIAS));
        }
        let user = self
            .users
            .iter()
            .find(|u| u.rid == rid)
            .map(|u| (u.name.clone(), SidNameUse::SID_TYPE_USER));
        let group = || {
            self.groups
                .iter()
                .find(|g| g.rid == rid)
                .map(|g| (g.name.clone(), SidNameUse::SID_TYPE_GROUP))
        };
        let alias = || {
            self.aliases
                .iter()
                .find(|a| a.rid == rid)
                .map(|a| (a.name.clone(), SidNameUse::SID_TYPE_ALIAS))
        };
        user.or_else(group).or_else(alias)
    }

    fn domain_of(&mut self, assoc: Assoc, opnum: u16, h: &ContextHandle) -> Option<bool> {
        match self.resolve(assoc, opnum, h) {
            Some(Object::Account) => Some(false),
            Some(Object::Builtin) => Some(true),
            _ => None,
        }
    }

    fn group_of(&mut self, assoc: Assoc, opnum: u16, h: &ContextHandle) -> Option<usize> {
        match self.resolve(assoc, opnum, h) {
            Some(Object::Group(rid)) => self.groups.iter().position(|g| g.rid == rid),
            _ => None,
        }
    }

    fn alias_of(&mut self, assoc: Assoc, opnum: u16, h: &ContextHandle) -> Option<(bool, u32)> {
        match self.resolve(assoc, opnum, h) {
            Some(Object::Alias(b, rid)) => Some((b, rid)),
            _ => None,
        }
    }

    fn alias_members(&self, builtin: bool, rid: u32) -> Vec<String> {
        if builtin {
            self.builtin_members
                .iter()
                .filter(|(a, _)| *a == rid)
                .map(|(_, m)| m.clone())
                .collect()
        } else {
            self.aliases
                .iter()
                .find(|a| a.rid == rid)
                .map(|a| a.members.clone())
                .unwrap_or_default()
        }
    }
}

/// The answer to `opnum` when it is one of this module's calls.
pub(super) fn answer(s: &mut Sam, assoc: Assoc, opnum: u16, stub: &[u8]) -> Option<Reply> {
    let r = match opnum {
        10 => decode(stub).map(|q| create_group(s, assoc, q)),
        14 => decode(stub).map(|q| create_alias(s, assoc, q)),
        15 => decode(stub).map(|q| enum_aliases(s, assoc, q)),
        16 => decode(stub).map(|q| alias_membership(s, assoc, q)),
        17 => decode(stub).map(|q| lookup_names(s, assoc, q)),
        18 => decode(stub).map(|q| lookup_ids(s, assoc, q)),
        19 => decode(stub).map(|q| open_group(s, assoc, q)),
        20 => decode(stub).map(|q| query_group(s, assoc, q)),
        21 => decode(stub).map(|q| set_group(s, assoc, q)),
        22 => decode(stub).map(|q| add_member(s, assoc, q)),
        23 => decode(stub).map(|q| delete_group(s, assoc, q)),
        24 => decode(stub).map(|q| remove_member(s, assoc, q)),
        25 => decode(stub).map(|q| group_members(s, assoc, q)),
        27 => decode(stub).map(|q| open_alias(s, assoc, q)),
        28 => decode(stub).map(|q| query_alias(s, assoc, q)),
        29 => decode(stub).map(|q| set_alias(s, assoc, q)),
        30 => decode(stub).map(|q| delete_alias(s, assoc, q)),
        31 => decode(stub).map(|q| add_alias_member(s, assoc, q)),
        32 => decode(stub).map(|q| remove_alias_member(s, assoc, q)),
        33 => decode(stub).map(|q| alias_member_list(s, assoc, q)),
        36 => decode(stub).map(|q| query_user(s, assoc, q)),
        40 => decode(stub).map(|q| display(s, assoc, q)),
        _ => return None,
    };
    Some(r.unwrap_or(Reply::Fault(RPC_X_BAD_STUB_DATA)))
}

fn array(v: Vec<u32>) -> w::SamprUlongArray {
    w::SamprUlongArray {
        count: v.len() as u32,
        element: Some(v),
    }
}

fn lookup_status(found: usize, asked: usize) -> u32 {
    match found {
        0 if asked > 0 => STATUS_NONE_MAPPED,
        n if n < asked => STATUS_SOME_NOT_MAPPED,
        _ => 0,
    }
}

fn lookup_names(s: &mut Sam, assoc: Assoc, q: w::SamrLookupNamesInDomainRequest) -> Reply {
    let Some(builtin) = s.domain_of(assoc, 17, &q.domain_handle) else {
        return invalid(w::SamrLookupNamesInDomainResponse {
            relative_ids: array(vec![]),
            r#use: array(vec![]),
            status: STATUS_INVALID_HANDLE,
        });
    };
    let (mut rids, mut uses) = (Vec::new(), Vec::new());
    for n in &q.names {
        let name = n.to_string_lossy().unwrap_or_default();
        let (rid, kind) = s
            .find(builtin, &name)
            .unwrap_or((0, SidNameUse::SID_TYPE_UNKNOWN));
        rids.push(rid);
        uses.push(u32::from(kind.0));
    }
    let found = rids.iter().filter(|r| **r != 0).count();
    Reply::encode(&w::SamrLookupNamesInDomainResponse {
        status: lookup_status(found, rids.len()),
        relative_ids: array(rids),
        r#use: array(uses),
    })
}

fn lookup_ids(s: &mut Sam, assoc: Assoc, q: w::SamrLookupIdsInDomainRequest) -> Reply {
    let Some(builtin) = s.domain_of(assoc, 18, &q.domain_handle) else {
        return invalid(w::SamrLookupIdsInDomainResponse {
            names: w::SamprReturnedUstringArray::default(),
            r#use: array(vec![]),
            status: STATUS_INVALID_HANDLE,
        });
    };
    let (mut names, mut uses, mut found) = (Vec::new(), Vec::new(), 0);
    for rid in &q.relative_ids {
        match s.name_of(builtin, *rid) {
            Some((n, k)) => {
                found += 1;
                names.push(ustr(&n));
                uses.push(u32::from(k.0));
            }
            None => {
                names.push(netapi_msrpc::dtyp::RpcUnicodeString::null());
                uses.push(u32::from(SidNameUse::SID_TYPE_UNKNOWN.0));
            }
        }
    }
    Reply::encode(&w::SamrLookupIdsInDomainResponse {
        status: lookup_status(found, names.len()),
        names: w::SamprReturnedUstringArray {
            count: names.len() as u32,
            element: Some(names),
        },
        r#use: array(uses),
    })
}

fn create_group(s: &mut Sam, assoc: Assoc, q: w::SamrCreateGroupInDomainRequest) -> Reply {
    let name = q.name.to_string_lossy().unwrap_or_default();
    let (handle, rid, status) = match (
        s.domain_of(assoc, 10, &q.domain_handle),
        s.find(false, &name),
    ) {
        (Some(false), None) => {
            let rid = s.add_group(&name, vec![]);
            (s.open(assoc, Object::Group(rid)), rid, 0)
        }
        (Some(false), Some((_, SidNameUse::SID_TYPE_USER))) => {
            (ContextHandle::NULL, 0, STATUS_USER_EXISTS)
        }
        (Some(false), Some(_)) => (ContextHandle::NULL, 0, STATUS_GROUP_EXISTS),
        _ => (ContextHandle::NULL, 0, STATUS_INVALID_HANDLE),
    };
    Reply::encode(&w::SamrCreateGroupInDomainResponse {
        group_handle: handle,
        relative_id: rid,
        status,
    })
}

fn create_alias(s: &mut Sam, assoc: Assoc, q: w::SamrCreateAliasInDomainRequest) -> Reply {
    let name = q.account_name.to_string_lossy().unwrap_or_default();
    let (handle, rid, status) = match (
        s.domain_of(assoc, 14, &q.domain_handle),
        s.find(false, &name),
    ) {
        (Some(false), None) => {
            let rid = s.add_alias(&name, vec![]);
            (s.open(assoc, Object::Alias(false, rid)), rid, 0)
        }
        (Some(false), Some(_)) => (ContextHandle::NULL, 0, STATUS_ALIAS_EXISTS),
        _ => (ContextHandle::NULL, 0, STATUS_INVALID_HANDLE),
    };
    Reply::encode(&w::SamrCreateAliasInDomainResponse {
        alias_handle: handle,
        relative_id: rid,
        status,
    })
}

/// Entries per page of an enumeration asked for `pref` bytes (at least one).
fn per_page(pref: u32) -> usize {
    (pref as usize / 32).max(1)
}

fn enum_aliases(s: &mut Sam, assoc: Assoc, q: w::SamrEnumerateAliasesInDomainRequest) -> Reply {
    let Some(builtin) = s.domain_of(assoc, 15, &q.domain_handle) else {
        return invalid(w::SamrEnumerateAliasesInDomainResponse {
            enumeration_context: 0,
            buffer: None,
            count_returned: 0,
            status: STATUS_INVALID_HANDLE,
        });
    };
    let all: Vec<(u32, String)> = if builtin {
        BUILTIN_ALIASES
            .iter()
            .map(|(r, n)| (*r, n.to_string()))
            .collect()
    } else {
        s.aliases.iter().map(|a| (a.rid, a.name.clone())).collect()
    };
    let start = (q.enumeration_context as usize).min(all.len());
    let end = (start + per_page(q.prefered_maximum_length)).min(all.len());
    let entries: Vec<w::SamprRidEnumeration> = all[start..end]
        .iter()
        .map(|(r, n)| w::SamprRidEnumeration {
            relative_id: *r,
            name: utext(n),
        })
        .collect();
    let more = end < all.len();
    Reply::encode(&w::SamrEnumerateAliasesInDomainResponse {
        enumeration_context: if more { end as u32 } else { 0 },
        count_returned: entries.len() as u32,
        buffer: Some(w::SamprEnumerationBuffer {
            entries_read: entries.len() as u32,
            buffer: Some(entries),
        }),
        status: if more { STATUS_MORE_ENTRIES } else { 0 },
    })
}

fn alias_membership(s: &mut Sam, assoc: Assoc, q: w::SamrGetAliasMembershipRequest) -> Reply {
    let Some(builtin) = s.domain_of(assoc, 16, &q.domain_handle) else {
        return invalid(w::SamrGetAliasMembershipResponse {
            membership: array(vec![]),
            status: STATUS_INVALID_HANDLE,
        });
    };
    let sids: Vec<String> = q
        .sid_array
        .sids
        .unwrap_or_default()
        .iter()
        .filter_map(|i| i.sid_pointer.as_ref())
        .map(sid_string)
        .collect();
    let mut rids: Vec<u32> = if builtin {
        s.builtin_members
            .iter()
            .filter(|(_, m)| sids.contains(m))
            .map(|(a, _)| *a)
            .collect()
    } else {
        s.aliases
            .iter()
            .filter(|a| a.members.iter().any(|m| sids.contains(m)))
            .map(|a| a.rid)
            .collect()
    };
    rids.dedup();
    Reply::encode(&w::SamrGetAliasMembershipResponse {
        membership: array(rids),
        status: 0,
    })
}

fn open_group(s: &mut Sam, assoc: Assoc, q: w::SamrOpenGroupRequest) -> Reply {
    let ok = s.domain_of(assoc, 19, &q.domain_handle) == Some(false);
    let exists = s.groups.iter().any(|g| g.rid == q.group_id);
    let (handle, status) = match (ok, exists) {
        (false, _) => (ContextHandle::NULL, STATUS_INVALID_HANDLE),
        (true, true) => (s.open(assoc, Object::Group(q.group_id)), 0),
        (true, false) => (ContextHandle::NULL, STATUS_NO_SUCH_GROUP),
    };
    Reply::encode(&w::SamrOpenGroupResponse {
        group_handle: handle,
        status,
    })
}

fn query_group(s: &mut Sam, assoc: Assoc, q: w::SamrQueryInformationGroupRequest) -> Reply {
    let Some(i) = s.group_of(assoc, 20, &q.group_handle) else {
        return invalid(w::SamrQueryInformationGroupResponse {
            buffer: None,
            status: STATUS_INVALID_HANDLE,
        });
    };
    let g = &s.groups[i];
    let buffer = match q.group_information_class {
        w::GroupInformationClass::GROUP_GENERAL_INFORMATION => {
            w::SamprGroupInfoBuffer::General(w::SamprGroupGeneralInformation {
                name: ustr(&g.name),
                attributes: g.attributes,
                member_count: g.members.len() as u32,
                admin_comment: ustr(&g.comment),
            })
        }
        _ => {
            return Reply::encode(&w::SamrQueryInformationGroupResponse {
                buffer: None,
                status: STATUS_INVALID_INFO_CLASS,
            });
        }
    };
    Reply::encode(&w::SamrQueryInformationGroupResponse {
        buffer: Some(buffer),
        status: 0,
    })
}

fn set_group(s: &mut Sam, assoc: Assoc, q: w::SamrSetInformationGroupRequest) -> Reply {
    let status = match s.group_of(assoc, 21, &q.group_handle) {
        None => STATUS_INVALID_HANDLE,
        Some(i) => {
            let g = &mut s.groups[i];
            match q.buffer {
                w::SamprGroupInfoBuffer::Name(n) => {
                    g.name = n.name.to_string_lossy().unwrap_or_default()
                }
                w::SamprGroupInfoBuffer::AdminComment(c) => {
                    g.comment = c.admin_comment.to_string_lossy().unwrap_or_default()
                }
                w::SamprGroupInfoBuffer::Attribute(a) => g.attributes = a.attributes,
                _ => {
                    return Reply::encode(&w::SamrSetInformationGroupResponse {
                        status: STATUS_INVALID_INFO_CLASS,
                    });
                }
            }
            0
        }
    };
    Reply::encode(&w::SamrSetInformationGroupResponse { status })
}

fn add_member(s: &mut Sam, assoc: Assoc, q: w::SamrAddMemberToGroupRequest) -> Reply {
    let status = match s.group_of(assoc, 22, &q.group_handle) {
        None => STATUS_INVALID_HANDLE,
        Some(_) if !s.users.iter().any(|u| u.rid == q.member_id) => super::STATUS_NO_SUCH_USER,
        Some(i) if s.groups[i].members.contains(&q.member_id) => STATUS_MEMBER_IN_GROUP,
        Some(i) => {
            let rid = s.groups[i].rid;
            s.groups[i].members.push(q.member_id);
            if let Some(u) = s.users.iter_mut().find(|u| u.rid == q.member_id) {
                u.groups.push(rid);
            }
            0
        }
    };
    Reply::encode(&w::SamrAddMemberToGroupResponse { status })
}

fn remove_member(s: &mut Sam, assoc: Assoc, q: w::SamrRemoveMemberFromGroupRequest) -> Reply {
    let status = match s.group_of(assoc, 24, &q.group_handle) {
        None => STATUS_INVALID_HANDLE,
        Some(i) if !s.groups[i].members.contains(&q.member_id) => STATUS_MEMBER_NOT_IN_GROUP,
        Some(i) => {
            let rid = s.groups[i].rid;
            s.groups[i].members.retain(|m| *m != q.member_id);
            if let Some(u) = s.users.iter_mut().find(|u| u.rid == q.member_id) {
                u.groups.retain(|g| *g != rid);
            }
            0
        }
    };
    Reply::encode(&w::SamrRemoveMemberFromGroupResponse { status })
}

fn delete_group(s: &mut Sam, assoc: Assoc, q: w::SamrDeleteGroupRequest) -> Reply {
    let status = match s.group_of(assoc, 23, &q.group_handle) {
        None => STATUS_INVALID_HANDLE,
        Some(i) if s.groups[i].rid < 1000 => STATUS_SPECIAL_ACCOUNT,
        Some(i) if !s.groups[i].members.is_empty() => STATUS_MEMBER_IN_GROUP,
        Some(i) => {
            s.groups.remove(i);
            s.handles.remove(&q.group_handle.uuid);
            0
        }
    };
    Reply::encode(&w::SamrDeleteGroupResponse {
        group_handle: if status == 0 {
            ContextHandle::NULL
        } else {
            q.group_handle
        },
        status,
    })
}

fn group_members(s: &mut Sam, assoc: Assoc, q: w::SamrGetMembersInGroupRequest) -> Reply {
    let Some(i) = s.group_of(assoc, 25, &q.group_handle) else {
        return invalid(w::SamrGetMembersInGroupResponse {
            members: None,
            status: STATUS_INVALID_HANDLE,
        });
    };
    let members = s.groups[i].members.clone();
    Reply::encode(&w::SamrGetMembersInGroupResponse {
        members: Some(w::SamprGetMembersBuffer {
            member_count: members.len() as u32,
            attributes: Some(vec![7; members.len()]),
            members: Some(members),
        }),
        status: 0,
    })
}

fn open_alias(s: &mut Sam, assoc: Assoc, q: w::SamrOpenAliasRequest) -> Reply {
    let (handle, status) = match s.domain_of(assoc, 27, &q.domain_handle) {
        None => (ContextHandle::NULL, STATUS_INVALID_HANDLE),
        Some(builtin) => match s.name_of(builtin, q.alias_id) {
            Some((_, SidNameUse::SID_TYPE_ALIAS)) => {
                (s.open(assoc, Object::Alias(builtin, q.alias_id)), 0)
            }
            _ => (ContextHandle::NULL, STATUS_NO_SUCH_ALIAS),
        },
    };
    Reply::encode(&w::SamrOpenAliasResponse {
        alias_handle: handle,
        status,
    })
}

fn query_alias(s: &mut Sam, assoc: Assoc, q: w::SamrQueryInformationAliasRequest) -> Reply {
    let Some((builtin, rid)) = s.alias_of(assoc, 28, &q.alias_handle) else {
        return invalid(w::SamrQueryInformationAliasResponse {
            buffer: None,
            status: STATUS_INVALID_HANDLE,
        });
    };
    let name = s.name_of(builtin, rid).map(|n| n.0).unwrap_or_default();
    let comment = s
        .aliases
        .iter()
        .find(|a| !builtin && a.rid == rid)
        .map_or_else(|| format!("{name} (built in)"), |a| a.comment.clone());
    let count = s.alias_members(builtin, rid).len() as u32;
    let buffer = match q.alias_information_class {
        w::AliasInformationClass::ALIAS_GENERAL_INFORMATION => {
            w::SamprAliasInfoBuffer::General(w::SamprAliasGeneralInformation {
                name: ustr(&name),
                member_count: count,
                admin_comment: ustr(&comment),
            })
        }
        w::AliasInformationClass::ALIAS_ADMIN_COMMENT_INFORMATION => {
            w::SamprAliasInfoBuffer::AdminComment(w::SamprAliasAdmCommentInformation {
                admin_comment: ustr(&comment),
            })
        }
        _ => w::SamprAliasInfoBuffer::Name(w::SamprAliasNameInformation { name: ustr(&name) }),
    };
    Reply::encode(&w::SamrQueryInformationAliasResponse {
        buffer: Some(buffer),
        status: 0,
    })
}

fn set_alias(s: &mut Sam, assoc: Assoc, q: w::SamrSetInformationAliasRequest) -> Reply {
    let status = match s.alias_of(assoc, 29, &q.alias_handle) {
        None => STATUS_INVALID_HANDLE,
        Some((true, _)) => STATUS_SPECIAL_ACCOUNT,
        Some((false, rid)) => {
            let Some(a) = s.aliases.iter_mut().find(|a| a.rid == rid) else {
                return Reply::encode(&w::SamrSetInformationAliasResponse {
                    status: STATUS_NO_SUCH_ALIAS,
                });
            };
            match q.buffer {
                w::SamprAliasInfoBuffer::Name(n) => {
                    a.name = n.name.to_string_lossy().unwrap_or_default()
                }
                w::SamprAliasInfoBuffer::AdminComment(c) => {
                    a.comment = c.admin_comment.to_string_lossy().unwrap_or_default()
                }
                w::SamprAliasInfoBuffer::General(_) => {
                    return Reply::encode(&w::SamrSetInformationAliasResponse {
                        status: STATUS_INVALID_INFO_CLASS,
                    });
                }
            }
            0
        }
    };
    Reply::encode(&w::SamrSetInformationAliasResponse { status })
}

fn delete_alias(s: &mut Sam, assoc: Assoc, q: w::SamrDeleteAliasRequest) -> Reply {
    let status = match s.alias_of(assoc, 30, &q.alias_handle) {
        None => STATUS_INVALID_HANDLE,
        Some((true, _)) => STATUS_SPECIAL_ACCOUNT,
        Some((false, rid)) => {
            s.aliases.retain(|a| a.rid != rid);
            s.handles.remove(&q.alias_handle.uuid);
            0
        }
    };
    Reply::encode(&w::SamrDeleteAliasResponse {
        alias_handle: if status == 0 {
            ContextHandle::NULL
        } else {
            q.alias_handle
        },
        status,
    })
}

fn change_alias(s: &mut Sam, builtin: bool, rid: u32, member: String, add: bool) -> u32 {
    let present = s.alias_members(builtin, rid).contains(&member);
    match (add, present) {
        (true, true) => return STATUS_MEMBER_IN_ALIAS,
        (false, false) => return STATUS_MEMBER_NOT_IN_ALIAS,
        _ => {}
    }
    if builtin {
        if add {
            s.builtin_members.push((rid, member));
        } else {
            s.builtin_members
                .retain(|(a, m)| !(*a == rid && *m == member));
        }
    } else if let Some(a) = s.aliases.iter_mut().find(|a| a.rid == rid) {
        if add {
            a.members.push(member);
        } else {
            a.members.retain(|m| *m != member);
        }
    }
    0
}

fn add_alias_member(s: &mut Sam, assoc: Assoc, q: w::SamrAddMemberToAliasRequest) -> Reply {
    let status = match s.alias_of(assoc, 31, &q.alias_handle) {
        None => STATUS_INVALID_HANDLE,
        Some((b, rid)) => change_alias(s, b, rid, sid_string(&q.member_id), true),
    };
    Reply::encode(&w::SamrAddMemberToAliasResponse { status })
}

fn remove_alias_member(s: &mut Sam, assoc: Assoc, q: w::SamrRemoveMemberFromAliasRequest) -> Reply {
    let status = match s.alias_of(assoc, 32, &q.alias_handle) {
        None => STATUS_INVALID_HANDLE,
        Some((b, rid)) => change_alias(s, b, rid, sid_string(&q.member_id), false),
    };
    Reply::encode(&w::SamrRemoveMemberFromAliasResponse { status })
}

fn alias_member_list(s: &mut Sam, assoc: Assoc, q: w::SamrGetMembersInAliasRequest) -> Reply {
    let Some((builtin, rid)) = s.alias_of(assoc, 33, &q.alias_handle) else {
        return invalid(w::SamrGetMembersInAliasResponse {
            members: w::SamprPsidArrayOut {
                count: 0,
                sids: None,
            },
            status: STATUS_INVALID_HANDLE,
        });
    };
    let sids: Vec<w::SamprSidInformation> = s
        .alias_members(builtin, rid)
        .iter()
        .map(|m| w::SamprSidInformation {
            sid_pointer: m.parse().ok(),
        })
        .collect();
    Reply::encode(&w::SamrGetMembersInAliasResponse {
        members: w::SamprPsidArrayOut {
            count: sids.len() as u32,
            sids: Some(sids),
        },
        status: 0,
    })
}

fn query_user(s: &mut Sam, assoc: Assoc, q: w::SamrQueryInformationUserRequest) -> Reply {
    let ok = matches!(s.resolve(assoc, 36, &q.user_handle), Some(Object::User(_)));
    let (buffer, status) = match (ok, q.user_information_class) {
        (false, _) => (None, STATUS_INVALID_HANDLE),
        (true, w::UserInformationClass::USER_PRIMARY_GROUP_INFORMATION) => (
            Some(w::SamprUserInfoBuffer::PrimaryGroup(
                w::UserPrimaryGroupInformation {
                    primary_group_id: 513,
                },
            )),
            0,
        ),
        (true, _) => (None, STATUS_INVALID_INFO_CLASS),
    };
    Reply::encode(&w::SamrQueryInformationUserResponse { buffer, status })
}

fn display(s: &mut Sam, assoc: Assoc, q: w::SamrQueryDisplayInformationRequest) -> Reply {
    let empty =
        w::SamprDisplayInfoBuffer::GroupInformation(w::SamprDomainDisplayGroupBuffer::default());
    if s.domain_of(assoc, 40, &q.domain_handle) != Some(false)
        || q.display_information_class != w::DomainDisplayInformation::DOMAIN_DISPLAY_GROUP
    {
        return invalid(w::SamrQueryDisplayInformationResponse {
            total_available: 0,
            total_returned: 0,
            buffer: empty,
            status: STATUS_INVALID_HANDLE,
        });
    }
    let start = (q.index as usize).min(s.groups.len());
    let n = per_page(q.preferred_maximum_length).min(q.entry_count.max(1) as usize);
    let end = (start + n).min(s.groups.len());
    let entries: Vec<w::SamprDomainDisplayGroup> = s.groups[start..end]
        .iter()
        .enumerate()
        .map(|(i, g)| w::SamprDomainDisplayGroup {
            index: (start + i + 1) as u32,
            rid: g.rid,
            attributes: g.attributes,
            account_name: ustr(&g.name),
            admin_comment: ustr(&g.comment),
        })
        .collect();
    let more = end < s.groups.len();
    Reply::encode(&w::SamrQueryDisplayInformationResponse {
        total_available: 0,
        total_returned: 0,
        buffer: w::SamprDisplayInfoBuffer::GroupInformation(w::SamprDomainDisplayGroupBuffer {
            entries_read: entries.len() as u32,
            buffer: Some(entries),
        }),
        status: if more { STATUS_MORE_ENTRIES } else { 0 },
    })
}
