//! Global groups: NetGroupAdd, NetGroupDel, NetGroupEnum, NetGroupGetInfo, NetGroupSetInfo,
//! NetGroupAddUser, NetGroupDelUser, NetGroupGetUsers and NetGroupSetUsers, over [MS-SAMR] in
//! the server's account domain, after the association's cached connect and domain handles
//! (`rpc::samr`):
//!
//! | NetApi | samr |
//! |---|---|
//! | NetGroupAdd | SamrCreateGroupInDomain (10), SamrSetInformationGroup (21) for the attributes and the comment; the group is deleted again (23) when a setting fails |
//! | NetGroupDel | SamrLookupNamesInDomain (17), SamrOpenGroup (19), SamrDeleteGroup (23); a server refusing a group with members: SamrGetMembersInGroup (25) and SamrRemoveMemberFromGroup (24) per member, then 23 again |
//! | NetGroupEnum | SamrQueryDisplayInformation (40, `DomainDisplayGroup`) |
//! | NetGroupGetInfo | 17, 19, SamrQueryInformationGroup (20, `GroupGeneralInformation`) |
//! | NetGroupSetInfo | 17, 19, 21 per setting (attributes before the comment) |
//! | NetGroupAddUser / DelUser | 17 (group and user in one call), 19, SamrAddMemberToGroup (22) / 24 |
//! | NetGroupGetUsers | 17, 19, 25, SamrLookupIdsInDomain (18) for the page's members |
//! | NetGroupSetUsers | 17 (group and members in one call), 19, 25, then 22 / 24 per change |
//!
//! Each opened group is closed (SamrCloseHandle, 1) when the sequence ends. A group name that
//! is not a group of the account domain is `NERR_GroupNotFound` (2220), a member that is not a
//! user `NERR_UserNotFound` (2221), through `rpc::translate`. NetGroupSetUsers applies the
//! difference with the current membership one change at a time and undoes what it did when a
//! change fails (`rpc::delta`). NetGroupGetUsers pages the member list on the client
//! (`rpc::list_pages`): the resume handle is the index of the next member.

use netapi_codes::{NtStatus, WinError};
use netapi_msrpc::samr::{Samr, SidNameUse, access, se_group};

use crate::client::blocking;
use crate::error::Code;
use crate::info::{GroupInfo, GroupUsersInfo, Level};
use crate::rpc::delta::{self, Change};
use crate::rpc::list_pages::{self, NAME_ESTIMATE, POINTER};
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH, Pages};
use crate::rpc::samr::group::{GroupFacts, comment_step, set_steps};
use crate::rpc::samr::rids::name_or_sid;
use crate::rpc::samr::{Account, Domain};
use crate::rpc::session::{Session, with_session};
use crate::rpc::status::Outcome;
use crate::rpc::{args, levels, translate};
use crate::{AsyncClient, Client, Error, Kind, Page, Result};

/// The first RID of an account that is not built in ([MS-SAMR] 3.1.5.7.1: RIDs below it are
/// never deleted).
const FIRST_ACCOUNT_RID: u32 = 1000;

/// The least `PreferredMaximumLength` NetGroupEnum sends (room for any one entry).
const MIN_DISPLAY_BYTES: u32 = 1024;

/// Bytes netapi32 counts per `GROUP_INFO_<level>` entry besides its strings.
fn group_info_size(level: u32) -> usize {
    match level {
        0 => POINTER,
        1 => 2 * POINTER,
        _ => 2 * POINTER + 8,
    }
}

/// The error netapi32 gives for a name that is not a `kind` account: `STATUS_NONE_MAPPED` for
/// the group itself (`NERR_GroupNotFound` here), `STATUS_NO_SUCH_USER` for a member
/// (`NERR_UserNotFound`), `STATUS_NO_SUCH_GROUP` for a group of NetUserSetGroups.
pub(crate) fn not_found(op: &'static str, status: NtStatus, name: &str, what: &str) -> Error {
    translate::server_error(op, Code::Nt(status))
        .with_detail(format!("{name:?} is not a {what} of the account domain"))
}

/// The RIDs of `names` in `domain` (one SamrLookupNamesInDomain per 1000 names), each of kind
/// `kind`; the first that is not gives `status` (see [`not_found`]).
pub(crate) async fn rids_of(
    s: &mut Session<'_, Samr>,
    domain: &Domain,
    names: &[&str],
    kinds: &[(SidNameUse, NtStatus, &str)],
) -> Result<Vec<u32>> {
    let op = s.op();
    let found = s.lookup_names(domain, names).await?;
    let mut rids = Vec::with_capacity(names.len());
    for (i, (name, account)) in names.iter().zip(found).enumerate() {
        // The first name has its own kind when `kinds` has two entries (NetGroupAddUser:
        // the group, then users).
        let (kind, status, what) = kinds[i.min(kinds.len() - 1)];
        match account {
            Some(Account { rid, kind: k }) if k == kind => rids.push(rid),
            _ => return Err(not_found(op, status, name, what)),
        }
    }
    Ok(rids)
}

/// The group, then users: what NetGroupAddUser / DelUser / SetUsers look up.
const GROUP_THEN_USERS: &[(SidNameUse, NtStatus, &str)] = &[
    (
        SidNameUse::SID_TYPE_GROUP,
        NtStatus::STATUS_NONE_MAPPED,
        "group",
    ),
    (
        SidNameUse::SID_TYPE_USER,
        NtStatus::STATUS_NO_SUCH_USER,
        "user",
    ),
];

/// The name of a group-membership entry of a list of `level`, checked (`what`: "member name",
/// "group name").
pub(crate) fn entry_name<'a>(
    op: &'static str,
    what: &str,
    e: &'a GroupUsersInfo,
    level: u32,
) -> Result<&'a str> {
    if e.level() != level {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("an entry of level {} in a list of level {level}", e.level()),
        ));
    }
    let name = e.name().unwrap_or_default();
    args::name(op, what, name)?;
    Ok(name)
}

/// The `SE_GROUP_*` attributes to add `rid` with: its entry's (level 1; `rids[i]` is the RID of
/// `entries[i]`), else `SE_GROUP_DEFAULT`.
pub(crate) fn entry_attributes(entries: &[GroupUsersInfo], rids: &[u32], rid: u32) -> u32 {
    rids.iter()
        .position(|r| *r == rid)
        .and_then(|i| entries[i].attributes())
        .unwrap_or(se_group::SE_GROUP_DEFAULT)
}

impl AsyncClient {
    /// NetGroupAdd: create the global group described by `info` (level 0, 1, 2 or 3; `group_id`
    /// and `group_sid` are ignored). A comment or attributes the server refuses leave no group
    /// behind.
    pub async fn group_add(&self, info: &GroupInfo) -> Result<()> {
        const OP: &str = "NetGroupAdd";
        let level = args::level(OP, info.level(), GroupInfo::ADD_LEVELS)?;
        let name = info.name().unwrap_or_default();
        args::name(OP, "group name", name)?;
        args::opt_text(OP, "comment", info.comment())?;
        let mut steps = Vec::new();
        if let Some(attributes) = info.attributes() {
            steps.push(netapi_msrpc::samr::SamprGroupInfoBuffer::Attribute(
                netapi_msrpc::samr::GroupAttributeInformation { attributes },
            ));
        }
        if level != 0 && info.comment().is_some_and(|c| !c.is_empty()) {
            steps.push(comment_step(OP, info.comment())?);
        }
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let (group, _) = s.create_group(&domain, name).await?;
            for step in steps {
                if let Err(e) = s.set_group(group, step).await {
                    // As netapi32 does: no half-made group is left.
                    let undo = match s.delete_group(group).await {
                        Ok(()) => "the group was deleted again".to_string(),
                        Err(d) => format!("deleting it again failed too ({d})"),
                    };
                    return Err(e.with_detail(format!("setting the new group failed; {undo}")));
                }
            }
            Ok(())
        })
        .await
    }

    /// NetGroupDel: delete global group `groupname`. A server that refuses to delete a group
    /// with members (`STATUS_MEMBER_IN_GROUP`: any server that is not a DC, [MS-SAMR]
    /// 3.1.5.7.1) gets its members removed first, then the deletion again; if that still fails
    /// they are put back. A built-in group (RID below 1000: Domain Admins, Domain Users, …) is
    /// `NERR_SpeGroupOp` (2234) without asking the server.
    pub async fn group_del(&self, groupname: &str) -> Result<()> {
        const OP: &str = "NetGroupDel";
        args::name(OP, "group name", groupname)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, groupname, SidNameUse::SID_TYPE_GROUP)
                .await?;
            if rid < FIRST_ACCOUNT_RID {
                // [MS-SAMR] 3.1.5.7.1: a server refuses this, but quirk(samba-4.17): the file
                // server deletes Domain Admins (512). Nothing is sent.
                return Err(translate::server_error(
                    OP,
                    Code::Nt(NtStatus::STATUS_SPECIAL_ACCOUNT),
                )
                .with_kind(Kind::Usage)
                .with_detail(format!("{groupname:?} is a built-in group (RID {rid})")));
            }
            let group = s.open_group(&domain, rid, access::MAXIMUM_ALLOWED).await?;
            match s.delete_group(group).await {
                Err(e) if e.code() == Code::Nt(NtStatus::STATUS_MEMBER_IN_GROUP) => {}
                other => return other,
            }
            let members = s.group_members(group).await?;
            let removals: Vec<Change<(u32, u32)>> =
                members.iter().map(|m| Change::Remove(*m)).collect();
            delta::apply(
                &removals,
                async |c: &Change<(u32, u32)>| match c {
                    Change::Remove((rid, _)) => s.remove_group_member(group, *rid).await,
                    Change::Add((rid, attrs)) => s.add_group_member(group, *rid, *attrs).await,
                },
                |c| format!("{c:?}"),
            )
            .await?;
            if let Err(e) = s.delete_group(group).await {
                let mut left = Vec::new();
                for (rid, attrs) in &members {
                    if s.add_group_member(group, *rid, *attrs).await.is_err() {
                        left.push(rid.to_string());
                    }
                }
                let after = if left.is_empty() {
                    "its members were put back".to_string()
                } else {
                    format!("members (RIDs) not put back: {}", left.join(", "))
                };
                return Err(e.with_detail(format!(
                    "deleting the group after emptying it failed; {after}"
                )));
            }
            Ok(())
        })
        .await
    }

    /// NetGroupEnum: one page of the global groups at `level` (0, 1, 2 or 3) from `resume` (0
    /// first), of about `pref_max_len` bytes ([`MAX_PREFERRED_LENGTH`]: all of them). `total`
    /// counts the groups returned so far, plus one while more follow.
    pub async fn group_enum_page(
        &self,
        level: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<GroupInfo>> {
        const OP: &str = "NetGroupEnum";
        args::level(OP, level, GroupInfo::ENUM_LEVELS)?;
        let all = pref_max_len == MAX_PREFERRED_LENGTH;
        let per_entry = group_info_size(level) + NAME_ESTIMATE * 2;
        let count = if all {
            u32::MAX
        } else {
            (pref_max_len as usize / per_entry).max(1) as u32
        };
        // quirk(samba-4.17): the file server answers STATUS_MORE_ENTRIES with no entry when
        // one does not fit in PreferredMaximumLength; `count` bounds the page instead.
        let wire_pref = pref_max_len.max(MIN_DISPLAY_BYTES);
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let mut index = resume;
            let mut items = Vec::new();
            let mut walk = paging::Walk::new(OP);
            loop {
                let (facts, outcome) = s.display_groups(&domain, index, count, wire_pref).await?;
                let served = facts.len();
                let next = index.saturating_add(served as u32);
                for f in facts {
                    items.push(
                        f.at_level(&domain, level)
                            .ok_or_else(|| levels::wrong_level(OP, level, -1))?,
                    );
                }
                let more = outcome == Outcome::More;
                walk.judge(served, if more { next } else { 0 })?;
                if !more || !all {
                    let total = next.saturating_add(u32::from(more));
                    return paging::page(OP, outcome, items, total, more.then_some(next));
                }
                index = next;
            }
        })
        .await
    }

    /// NetGroupEnum: every global group at `level` (all pages).
    pub async fn group_enum_level(&self, level: u32) -> Result<Vec<GroupInfo>> {
        paging::collect("NetGroupEnum", async |resume| {
            self.group_enum_page(level, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetGroupEnum: every global group as level `T` (e.g. `GroupInfo2`).
    pub async fn group_enum<T: Level<Family = GroupInfo>>(&self) -> Result<Vec<T>> {
        let all = self.group_enum_level(T::LEVEL).await?;
        levels::typed_all("NetGroupEnum", all)
    }

    /// NetGroupGetInfo: global group `groupname` at `level` (0, 1, 2 or 3).
    pub async fn group_get_info_level(&self, groupname: &str, level: u32) -> Result<GroupInfo> {
        const OP: &str = "NetGroupGetInfo";
        args::name(OP, "group name", groupname)?;
        args::level(OP, level, GroupInfo::GET_LEVELS)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, groupname, SidNameUse::SID_TYPE_GROUP)
                .await?;
            let group = s
                .open_group(&domain, rid, access::GROUP_READ_INFORMATION)
                .await?;
            let g = s.group_general(group).await?;
            GroupFacts {
                rid,
                name: g.name.to_string_lossy(),
                comment: g.admin_comment.to_string_lossy(),
                attributes: g.attributes,
            }
            .at_level(&domain, level)
            .ok_or_else(|| levels::wrong_level(OP, level, -1))
        })
        .await
    }

    /// NetGroupGetInfo as level `T`.
    pub async fn group_get_info<T: Level<Family = GroupInfo>>(&self, groupname: &str) -> Result<T> {
        let info = self.group_get_info_level(groupname, T::LEVEL).await?;
        levels::typed("NetGroupGetInfo", info)
    }

    /// NetGroupSetInfo: change global group `groupname` with `info`: level 0 renames it, 1 and
    /// 1002 set the comment, 1005 the attributes, 2 and 3 both (the name, `group_id` and
    /// `group_sid` of levels 1–3 are ignored). When the second setting fails, the first is
    /// undone.
    pub async fn group_set_info(&self, groupname: &str, info: &GroupInfo) -> Result<()> {
        const OP: &str = "NetGroupSetInfo";
        args::name(OP, "group name", groupname)?;
        args::level(OP, info.level(), GroupInfo::SET_LEVELS)?;
        args::opt_text(OP, "comment", info.comment())?;
        let steps = set_steps(OP, info)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, groupname, SidNameUse::SID_TYPE_GROUP)
                .await?;
            let group = s.open_group(&domain, rid, access::MAXIMUM_ALLOWED).await?;
            // The value to restore when a later setting fails.
            let before = if steps.len() > 1 {
                Some(s.group_general(group).await?.attributes)
            } else {
                None
            };
            for (i, step) in steps.into_iter().enumerate() {
                let Err(e) = s.set_group(group, step).await else {
                    continue;
                };
                let undo = match (i, before) {
                    (0, _) | (_, None) => "nothing was changed".to_string(),
                    (_, Some(attributes)) => {
                        let restore = netapi_msrpc::samr::SamprGroupInfoBuffer::Attribute(
                            netapi_msrpc::samr::GroupAttributeInformation { attributes },
                        );
                        match s.set_group(group, restore).await {
                            Ok(()) => "the attributes were set back".to_string(),
                            Err(r) => format!("setting the attributes back failed ({r})"),
                        }
                    }
                };
                return Err(e.with_detail(format!("setting the comment failed; {undo}")));
            }
            Ok(())
        })
        .await
    }

    /// NetGroupAddUser: add user `username` to global group `groupname`.
    pub async fn group_add_user(&self, groupname: &str, username: &str) -> Result<()> {
        self.group_member("NetGroupAddUser", groupname, username, true)
            .await
    }

    /// NetGroupDelUser: remove user `username` from global group `groupname`.
    pub async fn group_del_user(&self, groupname: &str, username: &str) -> Result<()> {
        self.group_member("NetGroupDelUser", groupname, username, false)
            .await
    }

    async fn group_member(
        &self,
        op: &'static str,
        groupname: &str,
        username: &str,
        add: bool,
    ) -> Result<()> {
        args::name(op, "group name", groupname)?;
        args::name(op, "user name", username)?;
        with_session::<Samr, _, _>(&self.conn, op, async |s| {
            let domain = s.account_domain().await?;
            let rids = rids_of(s, &domain, &[groupname, username], GROUP_THEN_USERS).await?;
            let (group_rid, user_rid) = (rids[0], rids[1]);
            if add {
                let group = s
                    .open_group(&domain, group_rid, access::GROUP_ADD_MEMBER)
                    .await?;
                s.add_group_member(group, user_rid, se_group::SE_GROUP_DEFAULT)
                    .await
            } else {
                let group = s
                    .open_group(&domain, group_rid, access::GROUP_REMOVE_MEMBER)
                    .await?;
                s.remove_group_member(group, user_rid).await
            }
        })
        .await
    }

    /// NetGroupGetUsers: one page of the members of global group `groupname` at `level` (0
    /// names, 1 names and attributes) from `resume` (0 first), of about `pref_max_len` bytes
    /// (pywin32's default is 4096). `total` is the number of members.
    pub async fn group_get_users_page(
        &self,
        groupname: &str,
        level: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<GroupUsersInfo>> {
        const OP: &str = "NetGroupGetUsers";
        args::name(OP, "group name", groupname)?;
        args::level(OP, level, GroupUsersInfo::GET_LEVELS)?;
        let fixed = if level == 0 { POINTER } else { 2 * POINTER };
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, groupname, SidNameUse::SID_TYPE_GROUP)
                .await?;
            let group = s
                .open_group(&domain, rid, access::GROUP_LIST_MEMBERS)
                .await?;
            let all = s.group_members(group).await?;
            s.close(group).await;
            let page =
                list_pages::slice(all.len(), resume, pref_max_len, |_| fixed + NAME_ESTIMATE);
            let members = &all[page.range.clone()];
            let rids: Vec<u32> = members.iter().map(|(r, _)| *r).collect();
            let names = s.lookup_ids(&domain, &rids).await?;
            let items = members
                .iter()
                .zip(names)
                .map(|((rid, attrs), named)| {
                    let name = name_or_sid(&domain, *rid, named);
                    GroupUsersInfo::new(level, name, *attrs)
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
        })
        .await
    }

    /// NetGroupGetUsers: every member of global group `groupname` at `level` (all pages).
    pub async fn group_get_users_level(
        &self,
        groupname: &str,
        level: u32,
    ) -> Result<Vec<GroupUsersInfo>> {
        paging::collect("NetGroupGetUsers", async |resume| {
            self.group_get_users_page(groupname, level, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetGroupSetUsers: make `members` (entries of `level`: 0 names, 1 names and attributes)
    /// the whole membership of global group `groupname`: users missing are added, users not
    /// listed removed. Every name is resolved first (an unknown one changes nothing); a change
    /// the server refuses undoes the changes made before it.
    pub async fn group_set_users(
        &self,
        groupname: &str,
        level: u32,
        members: &[GroupUsersInfo],
    ) -> Result<()> {
        const OP: &str = "NetGroupSetUsers";
        args::name(OP, "group name", groupname)?;
        args::level(OP, level, GroupUsersInfo::SET_LEVELS)?;
        let mut names = vec![groupname];
        for m in members {
            names.push(entry_name(OP, "member name", m, level)?);
        }
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rids = rids_of(s, &domain, &names, GROUP_THEN_USERS).await?;
            let group = s
                .open_group(&domain, rids[0], access::MAXIMUM_ALLOWED)
                .await?;
            let current: Vec<u32> = s.group_members(group).await?.iter().map(|m| m.0).collect();
            let wanted = &rids[1..];
            let changes = delta::diff(&current, wanted);
            delta::apply(
                &changes,
                async |c: &Change<u32>| match c {
                    Change::Add(rid) => {
                        let attrs = entry_attributes(members, wanted, *rid);
                        s.add_group_member(group, *rid, attrs).await
                    }
                    Change::Remove(rid) => s.remove_group_member(group, *rid).await,
                },
                |c| describe(c, &names[1..], wanted),
            )
            .await
        })
        .await
    }
}

/// A change of NetGroupSetUsers, named for the error: `adding user0001` or `removing RID 1012`.
fn describe(c: &Change<u32>, names: &[&str], rids: &[u32]) -> String {
    let name = |rid: &u32| {
        rids.iter()
            .position(|r| r == rid)
            .map_or_else(|| format!("RID {rid}"), |i| names[i].to_string())
    };
    match c {
        Change::Add(r) => format!("adding {}", name(r)),
        Change::Remove(r) => format!("removing {}", name(r)),
    }
}

blocking! {
    /// NetGroupAdd; see [`AsyncClient::group_add`].
    fn group_add(&self, info: &GroupInfo) -> () = "NetGroupAdd";
    /// NetGroupDel; see [`AsyncClient::group_del`].
    fn group_del(&self, groupname: &str) -> () = "NetGroupDel";
    /// NetGroupEnum: one page; see [`AsyncClient::group_enum_page`].
    fn group_enum_page(&self, level: u32, resume: u32, pref_max_len: u32) -> Page<GroupInfo> = "NetGroupEnum";
    /// NetGroupEnum: every group at `level`.
    fn group_enum_level(&self, level: u32) -> Vec<GroupInfo> = "NetGroupEnum";
    /// NetGroupGetInfo at `level`.
    fn group_get_info_level(&self, groupname: &str, level: u32) -> GroupInfo = "NetGroupGetInfo";
    /// NetGroupSetInfo; see [`AsyncClient::group_set_info`].
    fn group_set_info(&self, groupname: &str, info: &GroupInfo) -> () = "NetGroupSetInfo";
    /// NetGroupAddUser.
    fn group_add_user(&self, groupname: &str, username: &str) -> () = "NetGroupAddUser";
    /// NetGroupDelUser.
    fn group_del_user(&self, groupname: &str, username: &str) -> () = "NetGroupDelUser";
    /// NetGroupGetUsers: one page; see [`AsyncClient::group_get_users_page`].
    fn group_get_users_page(&self, groupname: &str, level: u32, resume: u32, pref_max_len: u32) -> Page<GroupUsersInfo> = "NetGroupGetUsers";
    /// NetGroupGetUsers: every member at `level`.
    fn group_get_users_level(&self, groupname: &str, level: u32) -> Vec<GroupUsersInfo> = "NetGroupGetUsers";
    /// NetGroupSetUsers; see [`AsyncClient::group_set_users`].
    fn group_set_users(&self, groupname: &str, level: u32, members: &[GroupUsersInfo]) -> () = "NetGroupSetUsers";
}

impl Client {
    /// NetGroupEnum as an iterator over every group at `level`, one page (of about
    /// `pref_max_len` bytes) at a time.
    pub fn group_enum_pages(&self, level: u32, pref_max_len: u32) -> Pages<GroupInfo> {
        let c = self.clone();
        Pages::walk("NetGroupEnum", move |r| {
            c.group_enum_page(level, r, pref_max_len)
        })
    }

    /// NetGroupGetUsers as an iterator over every member at `level`, one page at a time.
    pub fn group_get_users_pages(
        &self,
        groupname: &str,
        level: u32,
        pref_max_len: u32,
    ) -> Pages<GroupUsersInfo> {
        let (c, g) = (self.clone(), groupname.to_string());
        Pages::walk("NetGroupGetUsers", move |r| {
            c.group_get_users_page(&g, level, r, pref_max_len)
        })
    }

    /// NetGroupGetInfo as level `T`.
    pub fn group_get_info<T: Level<Family = GroupInfo>>(&self, groupname: &str) -> Result<T> {
        self.run("NetGroupGetInfo", self.inner.group_get_info::<T>(groupname))
    }
}
