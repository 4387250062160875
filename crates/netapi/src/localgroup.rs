//! Local groups: NetLocalGroupAdd, NetLocalGroupDel, NetLocalGroupEnum, NetLocalGroupGetInfo,
//! NetLocalGroupSetInfo, NetLocalGroupAddMembers, NetLocalGroupDelMembers,
//! NetLocalGroupGetMembers and NetLocalGroupSetMembers: the aliases of BUILTIN and of the
//! server's account domain over [MS-SAMR], their members' names and SIDs translated over
//! [MS-LSAT] (`rpc::lsarpc`, one lookup per batch, the policy handle cached per association).
//!
//! | NetApi | samr / lsarpc |
//! |---|---|
//! | NetLocalGroupAdd | SamrLookupNamesInDomain (17) in BUILTIN (the name must not be a built-in alias), SamrCreateAliasInDomain (14) in the account domain, SamrSetInformationAlias (29) for the comment; the alias is deleted again (30) when that fails |
//! | NetLocalGroupDel | 17 (BUILTIN, then the account domain), SamrOpenAlias (27), SamrDeleteAlias (30) |
//! | NetLocalGroupEnum | SamrEnumerateAliasesInDomain (15) on BUILTIN then on the account domain; level 1: 27 and SamrQueryInformationAlias (28) per alias |
//! | NetLocalGroupGetInfo / SetInfo | 17, 27, 28 / 29 |
//! | NetLocalGroupGetMembers | 17, 27, 33; levels 1–3: LsarLookupSids2 (57) for the page's members |
//! | NetLocalGroupAddMembers / DelMembers | 17, 27; level 3: LsarLookupNames3 (68); SamrAddMemberToAlias (31) / 32 per member |
//! | NetLocalGroupSetMembers | 17, 27, 33; level 3: 68; then 31 / 32 per change |
//!
//! A name that is not a local group is `NERR_GroupNotFound` (2220); a member name the server
//! cannot resolve is `ERROR_NO_SUCH_MEMBER` (1387), one that resolves to a domain or to nothing
//! valid `ERROR_INVALID_MEMBER` (1388). The member-changing functions resolve every member
//! before the first change and undo their changes when one fails (`rpc::delta`).
//! NetLocalGroupGetMembers works against any server (Samba's own libnetapi answers
//! `WERR_NOT_SUPPORTED` for a remote one), pages the member list on the client
//! (`rpc::list_pages`), and lists a member whose SID no longer resolves by its SID string with
//! the kind the server gives (`SidTypeDeletedAccount` / `SidTypeUnknown`), never dropping it.

use netapi_codes::{NtStatus, WinError};
use netapi_msrpc::lsarpc::Lsarpc;
use netapi_msrpc::samr::{SamprRidEnumeration, Samr, SidNameUse, access};

use crate::client::blocking;
use crate::error::Code;
use crate::info::{
    Level, LocalGroupInfo, LocalGroupInfo0, LocalGroupInfo1, LocalGroupMembersInfo,
    LocalGroupMembersInfo0, LocalGroupMembersInfo1, LocalGroupMembersInfo2, LocalGroupMembersInfo3,
    Sid,
};
use crate::rpc::delta::{self, Change};
use crate::rpc::list_pages::{self, NAME_ESTIMATE, POINTER};
use crate::rpc::lsarpc::Translation;
use crate::rpc::paging::{self, Fetched, MAX_PAGES, MAX_PREFERRED_LENGTH, Pages};
use crate::rpc::samr::alias::comment_info;
use crate::rpc::samr::{Domain, wire_name};
use crate::rpc::session::with_session;
use crate::rpc::status::Outcome;
use crate::rpc::{args, levels, translate};
use crate::{AsyncClient, Client, Error, Kind, Page, Result};

/// The resume handle bit saying the enumeration has reached the account domain (BUILTIN is
/// enumerated first); the other bits are the domain's enumeration context.
const ACCOUNT_PHASE: u32 = 0x8000_0000;

/// Bytes netapi32 counts for a `LOCALGROUP_MEMBERS_INFO_<level>` entry of a member with
/// `sid` (the SID is copied after the structures; names are estimated).
fn member_size(level: u32, sid: &Sid) -> usize {
    let sid = 8 + 4 * sid.sub_authorities().len();
    match level {
        0 => POINTER + sid,
        1 => 3 * POINTER + sid + NAME_ESTIMATE,
        2 => 3 * POINTER + sid + 2 * NAME_ESTIMATE,
        _ => POINTER + 2 * NAME_ESTIMATE,
    }
}

/// A member at `level` from its SID and (levels 1–3) its translation.
fn member_at(level: u32, sid: &Sid, t: Option<&Translation>) -> Option<LocalGroupMembersInfo> {
    let kind = |t: &Translation| u32::from(t.kind.0);
    Some(match (level, t) {
        (0, _) => LocalGroupMembersInfo0 {
            sid: Some(sid.clone()),
        }
        .into(),
        (1, Some(t)) => LocalGroupMembersInfo1 {
            sid: Some(sid.clone()),
            sidusage: kind(t),
            name: Some(t.isolated_name()),
        }
        .into(),
        (2, Some(t)) => LocalGroupMembersInfo2 {
            sid: Some(sid.clone()),
            sidusage: kind(t),
            domainandname: Some(t.domain_and_name()),
        }
        .into(),
        (3, Some(t)) => LocalGroupMembersInfo3 {
            domainandname: Some(t.domain_and_name()),
        }
        .into(),
        _ => return None,
    })
}

/// What a member-changing call was given: SIDs (level 0) or names (level 3), checked.
enum Given<'a> {
    Sids(Vec<Sid>),
    Names(Vec<&'a str>),
}

fn given<'a>(
    op: &'static str,
    level: u32,
    members: &'a [LocalGroupMembersInfo],
) -> Result<Given<'a>> {
    args::level(op, level, LocalGroupMembersInfo::SET_LEVELS)?;
    let wrong = |m: &LocalGroupMembersInfo| {
        Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("an entry of level {} in a list of level {level}", m.level()),
        )
    };
    if level == 0 {
        let mut sids = Vec::with_capacity(members.len());
        for m in members {
            if m.level() != 0 {
                return Err(wrong(m));
            }
            let sid = m.sid().ok_or_else(|| {
                Error::usage(
                    op,
                    WinError::ERROR_INVALID_PARAMETER,
                    "a member without a SID",
                )
            })?;
            sids.push(sid.clone());
        }
        return Ok(Given::Sids(sids));
    }
    let mut names = Vec::with_capacity(members.len());
    for m in members {
        if m.level() != 3 {
            return Err(wrong(m));
        }
        let name = m.domainandname().unwrap_or_default();
        args::name(op, "member name", name)?;
        wire_name(op, "member name", name)?;
        names.push(name);
    }
    Ok(Given::Names(names))
}

/// The kinds of account a local group can hold (netapi32 refuses the others with
/// `ERROR_INVALID_MEMBER` before asking the SAM server).
fn can_be_member(kind: SidNameUse) -> bool {
    matches!(
        kind,
        SidNameUse::SID_TYPE_USER
            | SidNameUse::SID_TYPE_GROUP
            | SidNameUse::SID_TYPE_ALIAS
            | SidNameUse::SID_TYPE_WELL_KNOWN_GROUP
            | SidNameUse::SID_TYPE_COMPUTER
    )
}

impl AsyncClient {
    /// The SIDs of `given` members: level 0 as given, level 3 resolved over LSA in one lookup
    /// per batch. A name the server cannot resolve is `ERROR_NO_SUCH_MEMBER` (1387), one that
    /// is no account `ERROR_INVALID_MEMBER` (1388); nothing is changed then.
    async fn member_sids(&self, op: &'static str, given: Given<'_>) -> Result<Vec<Sid>> {
        let names = match given {
            Given::Sids(sids) => return Ok(sids),
            Given::Names(names) if names.is_empty() => return Ok(Vec::new()),
            Given::Names(names) => names,
        };
        let resolved =
            with_session::<Lsarpc, _, _>(&self.conn, op, async |l| l.lookup_names(&names).await)
                .await?;
        let mut sids = Vec::with_capacity(names.len());
        for (name, r) in names.iter().zip(resolved) {
            match r {
                Some(r) if can_be_member(r.kind) => sids.push(r.sid),
                Some(r) => {
                    return Err(translate::server_error(
                        op,
                        Code::Nt(NtStatus::STATUS_INVALID_MEMBER),
                    )
                    .with_detail(format!(
                        "{name:?} resolves to {} (SID_NAME_USE {}), which cannot be a member",
                        r.sid, r.kind.0
                    )));
                }
                None => {
                    return Err(translate::server_error(
                        op,
                        Code::Nt(NtStatus::STATUS_NO_SUCH_MEMBER),
                    )
                    .with_detail(format!("the server cannot resolve {name:?}")));
                }
            }
        }
        Ok(sids)
    }

    /// NetLocalGroupAdd: create the local group described by `info` (level 0 or 1) in the
    /// server's account domain. A comment the server refuses leaves no group behind.
    pub async fn local_group_add(&self, info: &LocalGroupInfo) -> Result<()> {
        const OP: &str = "NetLocalGroupAdd";
        args::level(OP, info.level(), LocalGroupInfo::ADD_LEVELS)?;
        let name = info.name().unwrap_or_default();
        args::name(OP, "local group name", name)?;
        args::opt_text(OP, "comment", info.comment())?;
        let comment = match info.comment() {
            Some(c) if !c.is_empty() => Some(comment_info(OP, Some(c))?),
            _ => None,
        };
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            // A built-in alias of that name makes the name taken, as netapi32 checks.
            let builtin = s.builtin_domain().await?;
            if let Some(Some(a)) = s.lookup_names(&builtin, &[name]).await?.first() {
                return Err(
                    translate::server_error(OP, Code::Nt(NtStatus::STATUS_ALIAS_EXISTS))
                        .with_detail(format!("BUILTIN has {name:?} (SID_NAME_USE {})", a.kind.0)),
                );
            }
            let domain = s.account_domain().await?;
            let (alias, _) = s.create_alias(&domain, name).await?;
            if let Some(comment) = comment
                && let Err(e) = s.set_alias(alias, comment).await
            {
                let undo = match s.delete_alias(alias).await {
                    Ok(()) => "the local group was deleted again".to_string(),
                    Err(d) => format!("deleting it again failed too ({d})"),
                };
                return Err(e.with_detail(format!("setting the comment failed; {undo}")));
            }
            Ok(())
        })
        .await
    }

    /// NetLocalGroupDel: delete local group `groupname` (members and all, as Windows does).
    /// quirk(samba-4.17): the file server keeps the membership records of an alias deleted
    /// with members (a later alias can inherit them); empty it first with
    /// [`AsyncClient::local_group_set_members`] there.
    pub async fn local_group_del(&self, groupname: &str) -> Result<()> {
        const OP: &str = "NetLocalGroupDel";
        args::name(OP, "local group name", groupname)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let (domain, rid) = s.find_alias(groupname).await?;
            let alias = s.open_alias(&domain, rid, access::DELETE).await?;
            s.delete_alias(alias).await
        })
        .await
    }

    /// NetLocalGroupEnum: one page of the local groups at `level` (0 names, 1 names and
    /// comments) from `resume` (0 first): BUILTIN's, then the account domain's, as Windows
    /// lists them. `total` counts the groups returned so far, plus one while more follow.
    pub async fn local_group_enum_page(
        &self,
        level: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<LocalGroupInfo>> {
        const OP: &str = "NetLocalGroupEnum";
        args::level(OP, level, LocalGroupInfo::ENUM_LEVELS)?;
        let all = pref_max_len == MAX_PREFERRED_LENGTH;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let mut resume = resume;
            let mut items = Vec::new();
            for _ in 0..MAX_PAGES {
                let account = resume & ACCOUNT_PHASE != 0;
                let context = resume & !ACCOUNT_PHASE;
                let domain: Domain = if account {
                    s.account_domain().await?
                } else {
                    s.builtin_domain().await?
                };
                let page = s.enum_aliases(&domain, context, pref_max_len).await?;
                let (entries, next) = (page.entries, page.next);
                let served = entries.len();
                for SamprRidEnumeration {
                    relative_id: rid,
                    name,
                } in entries
                {
                    let name = name.buffer;
                    items.push(match level {
                        0 => LocalGroupInfo0 { name }.into(),
                        _ => {
                            let alias = s
                                .open_alias(&domain, rid, access::ALIAS_READ_INFORMATION)
                                .await?;
                            let comment = s.alias_comment(alias).await?;
                            s.close(alias).await;
                            LocalGroupInfo1 { name, comment }.into()
                        }
                    });
                }
                resume = match (page.more, account) {
                    (true, _) => {
                        if served == 0 || next == context || next & ACCOUNT_PHASE != 0 {
                            return Err(Error::local(
                                OP,
                                Kind::Protocol,
                                WinError::RPC_S_PROTOCOL_ERROR,
                                format!(
                                    "SamrEnumerateAliasesInDomain asks for another page from \
                                     context {next} after {served} entries from {context}"
                                ),
                            ));
                        }
                        next | (resume & ACCOUNT_PHASE)
                    }
                    (_, false) => ACCOUNT_PHASE,
                    (_, true) => 0,
                };
                // A page ends with what it has unless everything was asked for; it never ends
                // empty while more follow.
                if resume == 0 || (!all && !items.is_empty()) {
                    let more = resume != 0;
                    let total = u32::try_from(items.len()).unwrap_or(u32::MAX) + u32::from(more);
                    let outcome = if more { Outcome::More } else { Outcome::Done };
                    return paging::page(OP, outcome, items, total, more.then_some(resume));
                }
            }
            Err(Error::local(
                OP,
                Kind::Protocol,
                WinError::RPC_S_PROTOCOL_ERROR,
                "the enumeration did not end within the page limit",
            ))
        })
        .await
    }

    /// NetLocalGroupEnum: every local group at `level` (all pages).
    pub async fn local_group_enum_level(&self, level: u32) -> Result<Vec<LocalGroupInfo>> {
        paging::collect("NetLocalGroupEnum", async |resume| {
            self.local_group_enum_page(level, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetLocalGroupGetInfo: local group `groupname` at `level` (1: name and comment).
    pub async fn local_group_get_info_level(
        &self,
        groupname: &str,
        level: u32,
    ) -> Result<LocalGroupInfo> {
        const OP: &str = "NetLocalGroupGetInfo";
        args::name(OP, "local group name", groupname)?;
        args::level(OP, level, LocalGroupInfo::GET_LEVELS)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let (domain, rid) = s.find_alias(groupname).await?;
            let alias = s
                .open_alias(&domain, rid, access::ALIAS_READ_INFORMATION)
                .await?;
            let (name, comment) = s.alias_general(alias).await?;
            Ok(LocalGroupInfo1 { name, comment }.into())
        })
        .await
    }

    /// NetLocalGroupGetInfo as level `T`.
    pub async fn local_group_get_info<T: Level<Family = LocalGroupInfo>>(
        &self,
        groupname: &str,
    ) -> Result<T> {
        let info = self.local_group_get_info_level(groupname, T::LEVEL).await?;
        levels::typed("NetLocalGroupGetInfo", info)
    }

    /// NetLocalGroupSetInfo: change local group `groupname` with `info`: level 0 renames it, 1
    /// and 1002 set the comment (the name of level 1 is ignored).
    pub async fn local_group_set_info(&self, groupname: &str, info: &LocalGroupInfo) -> Result<()> {
        const OP: &str = "NetLocalGroupSetInfo";
        args::name(OP, "local group name", groupname)?;
        args::level(OP, info.level(), LocalGroupInfo::SET_LEVELS)?;
        args::opt_text(OP, "comment", info.comment())?;
        let change = match info {
            LocalGroupInfo::L0(v) => {
                let name = v.name.as_deref().unwrap_or_default();
                args::name(OP, "new local group name", name)?;
                netapi_msrpc::samr::SamprAliasInfoBuffer::Name(
                    netapi_msrpc::samr::SamprAliasNameInformation {
                        name: wire_name(OP, "new local group name", name)?,
                    },
                )
            }
            _ => comment_info(OP, info.comment())?,
        };
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let (domain, rid) = s.find_alias(groupname).await?;
            let alias = s
                .open_alias(&domain, rid, access::ALIAS_WRITE_ACCOUNT)
                .await?;
            s.set_alias(alias, change).await
        })
        .await
    }

    /// NetLocalGroupAddMembers: add `members` (level 0 SIDs, level 3 `DOMAIN\name` or names)
    /// to local group `groupname`. Every member is resolved first; when the server refuses one
    /// (already a member: `ERROR_MEMBER_IN_ALIAS`, 1378), the ones added before are removed
    /// again.
    pub async fn local_group_add_members(
        &self,
        groupname: &str,
        level: u32,
        members: &[LocalGroupMembersInfo],
    ) -> Result<()> {
        self.local_group_change("NetLocalGroupAddMembers", groupname, level, members, true)
            .await
    }

    /// NetLocalGroupDelMembers: remove `members` (level 0 SIDs, level 3 names) from local
    /// group `groupname`; when the server refuses one (`ERROR_MEMBER_NOT_IN_ALIAS`, 1377), the
    /// ones removed before are added back.
    pub async fn local_group_del_members(
        &self,
        groupname: &str,
        level: u32,
        members: &[LocalGroupMembersInfo],
    ) -> Result<()> {
        self.local_group_change("NetLocalGroupDelMembers", groupname, level, members, false)
            .await
    }

    async fn local_group_change(
        &self,
        op: &'static str,
        groupname: &str,
        level: u32,
        members: &[LocalGroupMembersInfo],
        add: bool,
    ) -> Result<()> {
        args::name(op, "local group name", groupname)?;
        let given = given(op, level, members)?;
        with_session::<Samr, _, _>(&self.conn, op, async |s| {
            // The group first: an unknown group is NERR_GroupNotFound whatever the members.
            let (domain, rid) = s.find_alias(groupname).await?;
            let sids = self.member_sids(op, given).await?;
            let alias = s.open_alias(&domain, rid, access::MAXIMUM_ALLOWED).await?;
            let changes: Vec<Change<Sid>> = sids
                .into_iter()
                .map(|m| {
                    if add {
                        Change::Add(m)
                    } else {
                        Change::Remove(m)
                    }
                })
                .collect();
            apply(s, alias, &changes).await
        })
        .await
    }

    /// NetLocalGroupGetMembers: one page of the members of local group `groupname` at `level`
    /// (0 SIDs; 1 SIDs, kinds and names; 2 SIDs, kinds and `DOMAIN\name`; 3 `DOMAIN\name`)
    /// from `resume` (0 first), of about `pref_max_len` bytes (pywin32's default is 4096).
    /// `total` is the number of members. The page's SIDs are translated in one LSA lookup.
    pub async fn local_group_get_members_page(
        &self,
        groupname: &str,
        level: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<LocalGroupMembersInfo>> {
        const OP: &str = "NetLocalGroupGetMembers";
        args::name(OP, "local group name", groupname)?;
        args::level(OP, level, LocalGroupMembersInfo::GET_LEVELS)?;
        let all = with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let (domain, rid) = s.find_alias(groupname).await?;
            let alias = s
                .open_alias(&domain, rid, access::ALIAS_LIST_MEMBERS)
                .await?;
            s.alias_members(alias).await
        })
        .await?;
        let page = list_pages::slice(all.len(), resume, pref_max_len, |i| {
            member_size(level, &all[i])
        });
        let sids = &all[page.range.clone()];
        let translations = if level == 0 || sids.is_empty() {
            Vec::new()
        } else {
            with_session::<Lsarpc, _, _>(&self.conn, OP, async |l| l.lookup_sids(sids).await)
                .await?
        };
        let items = sids
            .iter()
            .enumerate()
            .map(|(i, sid)| {
                member_at(level, sid, translations.get(i))
                    .ok_or_else(|| levels::wrong_level(OP, level, -1))
            })
            .collect::<Result<Vec<_>>>()?;
        let outcome = if page.more() {
            Outcome::More
        } else {
            Outcome::Done
        };
        let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
        paging::page(
            OP,
            outcome,
            items,
            total,
            page.more().then_some(page.resume),
        )
    }

    /// NetLocalGroupGetMembers: every member of local group `groupname` at `level`.
    pub async fn local_group_get_members_level(
        &self,
        groupname: &str,
        level: u32,
    ) -> Result<Vec<LocalGroupMembersInfo>> {
        paging::collect("NetLocalGroupGetMembers", async |resume| {
            self.local_group_get_members_page(groupname, level, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetLocalGroupSetMembers: make `members` (level 0 SIDs, level 3 names) the whole
    /// membership of local group `groupname`. Every member is resolved first; a change the
    /// server refuses undoes the changes made before it.
    pub async fn local_group_set_members(
        &self,
        groupname: &str,
        level: u32,
        members: &[LocalGroupMembersInfo],
    ) -> Result<()> {
        const OP: &str = "NetLocalGroupSetMembers";
        args::name(OP, "local group name", groupname)?;
        let given = given(OP, level, members)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let (domain, rid) = s.find_alias(groupname).await?;
            let wanted = self.member_sids(OP, given).await?;
            let alias = s.open_alias(&domain, rid, access::MAXIMUM_ALLOWED).await?;
            let current = s.alias_members(alias).await?;
            let changes = delta::diff(&current, &wanted);
            apply(s, alias, &changes).await
        })
        .await
    }
}

/// Make `changes` to an open alias, undoing them when one fails (`rpc::delta`).
async fn apply(
    s: &mut crate::rpc::session::Session<'_, Samr>,
    alias: netapi_ndr::ContextHandle,
    changes: &[Change<Sid>],
) -> Result<()> {
    delta::apply(
        changes,
        async |c: &Change<Sid>| match c {
            Change::Add(m) => s.add_alias_member(alias, m).await,
            Change::Remove(m) => s.remove_alias_member(alias, m).await,
        },
        describe,
    )
    .await
}

/// A change of a local group's membership, named for the error.
fn describe(c: &Change<Sid>) -> String {
    match c {
        Change::Add(m) => format!("adding {m}"),
        Change::Remove(m) => format!("removing {m}"),
    }
}

blocking! {
    /// NetLocalGroupAdd; see [`AsyncClient::local_group_add`].
    fn local_group_add(&self, info: &LocalGroupInfo) -> () = "NetLocalGroupAdd";
    /// NetLocalGroupDel; see [`AsyncClient::local_group_del`].
    fn local_group_del(&self, groupname: &str) -> () = "NetLocalGroupDel";
    /// NetLocalGroupEnum: one page; see [`AsyncClient::local_group_enum_page`].
    fn local_group_enum_page(&self, level: u32, resume: u32, pref_max_len: u32) -> Page<LocalGroupInfo> = "NetLocalGroupEnum";
    /// NetLocalGroupEnum: every local group at `level`.
    fn local_group_enum_level(&self, level: u32) -> Vec<LocalGroupInfo> = "NetLocalGroupEnum";
    /// NetLocalGroupGetInfo at `level`.
    fn local_group_get_info_level(&self, groupname: &str, level: u32) -> LocalGroupInfo = "NetLocalGroupGetInfo";
    /// NetLocalGroupSetInfo; see [`AsyncClient::local_group_set_info`].
    fn local_group_set_info(&self, groupname: &str, info: &LocalGroupInfo) -> () = "NetLocalGroupSetInfo";
    /// NetLocalGroupAddMembers; see [`AsyncClient::local_group_add_members`].
    fn local_group_add_members(&self, groupname: &str, level: u32, members: &[LocalGroupMembersInfo]) -> () = "NetLocalGroupAddMembers";
    /// NetLocalGroupDelMembers; see [`AsyncClient::local_group_del_members`].
    fn local_group_del_members(&self, groupname: &str, level: u32, members: &[LocalGroupMembersInfo]) -> () = "NetLocalGroupDelMembers";
    /// NetLocalGroupGetMembers: one page; see [`AsyncClient::local_group_get_members_page`].
    fn local_group_get_members_page(&self, groupname: &str, level: u32, resume: u32, pref_max_len: u32) -> Page<LocalGroupMembersInfo> = "NetLocalGroupGetMembers";
    /// NetLocalGroupGetMembers: every member at `level`.
    fn local_group_get_members_level(&self, groupname: &str, level: u32) -> Vec<LocalGroupMembersInfo> = "NetLocalGroupGetMembers";
    /// NetLocalGroupSetMembers; see [`AsyncClient::local_group_set_members`].
    fn local_group_set_members(&self, groupname: &str, level: u32, members: &[LocalGroupMembersInfo]) -> () = "NetLocalGroupSetMembers";
}

impl Client {
    /// NetLocalGroupEnum as an iterator over every local group at `level`, one page at a time.
    pub fn local_group_enum_pages(&self, level: u32, pref_max_len: u32) -> Pages<LocalGroupInfo> {
        let c = self.clone();
        Pages::walk("NetLocalGroupEnum", move |r| {
            c.local_group_enum_page(level, r, pref_max_len)
        })
    }

    /// NetLocalGroupGetMembers as an iterator over every member at `level`, one page at a time.
    pub fn local_group_get_members_pages(
        &self,
        groupname: &str,
        level: u32,
        pref_max_len: u32,
    ) -> Pages<LocalGroupMembersInfo> {
        let (c, g) = (self.clone(), groupname.to_string());
        Pages::walk("NetLocalGroupGetMembers", move |r| {
            c.local_group_get_members_page(&g, level, r, pref_max_len)
        })
    }

    /// NetLocalGroupGetInfo as level `T`.
    pub fn local_group_get_info<T: Level<Family = LocalGroupInfo>>(
        &self,
        groupname: &str,
    ) -> Result<T> {
        self.run(
            "NetLocalGroupGetInfo",
            self.inner.local_group_get_info::<T>(groupname),
        )
    }
}
