//! A user's groups: NetUserGetGroups, NetUserSetGroups (global groups of the account domain)
//! and NetUserGetLocalGroups (aliases of BUILTIN and of the account domain), over [MS-SAMR]:
//!
//! | NetApi | samr |
//! |---|---|
//! | NetUserGetGroups | SamrLookupNamesInDomain (17), SamrOpenUser (34), SamrGetGroupsForUser (39), SamrLookupIdsInDomain (18) |
//! | NetUserSetGroups | 17 (user and groups in one call), 34, 39, SamrQueryInformationUser (36, `UserPrimaryGroupInformation`), then per change SamrOpenGroup (19) and SamrAddMemberToGroup (22) / SamrRemoveMemberFromGroup (24) |
//! | NetUserGetLocalGroups | 17 (or LsarLookupNames3 for `DOMAIN\name`), 34 and 39 with `LG_INCLUDE_INDIRECT`, SamrGetAliasMembership (16) and 18 on BUILTIN and on the account domain |
//!
//! pywin32 shapes: NetUserGetGroups gives `[(name, attributes), …]` (level 1),
//! NetUserGetLocalGroups a list of names (level 0). NetUserSetGroups (not in pywin32) never
//! removes the user from its primary group (the SAM server refuses that,
//! `STATUS_MEMBERS_PRIMARY_GROUP`), resolves every group first, and undoes its changes when
//! one fails (`rpc::delta`).

use netapi_codes::{NtStatus, WinError};
use netapi_msrpc::lsarpc::Lsarpc;
use netapi_msrpc::samr::{self as w, Samr, SidNameUse, access};

use crate::client::blocking;
use crate::con::LG_INCLUDE_INDIRECT;
use crate::group::{entry_attributes, entry_name, rids_of};
use crate::info::{GroupUsersInfo, LocalGroupUsersInfo, LocalGroupUsersInfo0};
use crate::rpc::delta::{self, Change};
use crate::rpc::samr::rids::name_or_sid;
use crate::rpc::session::with_session;
use crate::rpc::{args, levels, status, translate};
use crate::{AsyncClient, Error, Result};

/// The user, then groups: what NetUserSetGroups looks up.
const USER_THEN_GROUPS: &[(SidNameUse, NtStatus, &str)] = &[
    (
        SidNameUse::SID_TYPE_USER,
        NtStatus::STATUS_NONE_MAPPED,
        "user",
    ),
    (
        SidNameUse::SID_TYPE_GROUP,
        NtStatus::STATUS_NO_SUCH_GROUP,
        "group",
    ),
];

impl AsyncClient {
    /// NetUserGetGroups: the global groups of user `username` at `level` (0 names, 1 names and
    /// `SE_GROUP_*` attributes), in the server's order. On a standalone server this includes
    /// the implicit primary group (`None`, RID 513).
    pub async fn user_get_groups_level(
        &self,
        username: &str,
        level: u32,
    ) -> Result<Vec<GroupUsersInfo>> {
        const OP: &str = "NetUserGetGroups";
        args::name(OP, "user name", username)?;
        args::level(OP, level, GroupUsersInfo::GET_LEVELS)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, username, SidNameUse::SID_TYPE_USER)
                .await?;
            let user = s.open_user(&domain, rid, access::USER_LIST_GROUPS).await?;
            let groups = s.user_groups(user).await?;
            let rids: Vec<u32> = groups.iter().map(|g| g.0).collect();
            let names = s.lookup_ids(&domain, &rids).await?;
            groups
                .iter()
                .zip(names)
                .map(|((rid, attrs), named)| {
                    let name = name_or_sid(&domain, *rid, named);
                    GroupUsersInfo::new(level, name, *attrs)
                        .ok_or_else(|| levels::wrong_level(OP, level, -1))
                })
                .collect()
        })
        .await
    }

    /// NetUserSetGroups: make `groups` (entries of `level`: 0 names, 1 names and attributes)
    /// the global groups of user `username`: groups missing are joined, groups not listed left
    /// (except the user's primary group, which the SAM server does not let it leave).
    pub async fn user_set_groups(
        &self,
        username: &str,
        level: u32,
        groups: &[GroupUsersInfo],
    ) -> Result<()> {
        const OP: &str = "NetUserSetGroups";
        args::name(OP, "user name", username)?;
        args::level(OP, level, GroupUsersInfo::SET_LEVELS)?;
        let mut names = vec![username];
        for g in groups {
            names.push(entry_name(OP, "group name", g, level)?);
        }
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rids = rids_of(s, &domain, &names, USER_THEN_GROUPS).await?;
            let user_rid = rids[0];
            let wanted = &rids[1..];
            let user = s
                .open_user(
                    &domain,
                    user_rid,
                    access::USER_LIST_GROUPS | access::USER_READ_GENERAL,
                )
                .await?;
            let current: Vec<u32> = s.user_groups(user).await?.iter().map(|g| g.0).collect();
            let primary = primary_group(s, user).await?;
            let changes: Vec<Change<u32>> = delta::diff(&current, wanted)
                .into_iter()
                .filter(|c| *c != Change::Remove(primary))
                .collect();
            delta::apply(
                &changes,
                async |c: &Change<u32>| {
                    let (rid, add) = match c {
                        Change::Add(r) => (*r, true),
                        Change::Remove(r) => (*r, false),
                    };
                    let need = if add {
                        access::GROUP_ADD_MEMBER
                    } else {
                        access::GROUP_REMOVE_MEMBER
                    };
                    let group = s.open_group(&domain, rid, need).await?;
                    let r = if add {
                        s.add_group_member(group, user_rid, entry_attributes(groups, wanted, rid))
                            .await
                    } else {
                        s.remove_group_member(group, user_rid).await
                    };
                    s.close(group).await;
                    r
                },
                |c| {
                    let name = |rid: &u32| {
                        wanted.iter().position(|r| r == rid).map_or_else(
                            || format!("group RID {rid}"),
                            |i| names[i + 1].to_string(),
                        )
                    };
                    match c {
                        Change::Add(r) => format!("joining {}", name(r)),
                        Change::Remove(r) => format!("leaving {}", name(r)),
                    }
                },
            )
            .await
        })
        .await
    }

    /// NetUserGetLocalGroups: the local groups (BUILTIN's, then the account domain's) user
    /// `username` (`name` or `DOMAIN\name`) belongs to, at `level` 0; with
    /// [`LG_INCLUDE_INDIRECT`] in `flags` also those it belongs to through its global groups.
    pub async fn user_get_local_groups_level(
        &self,
        username: &str,
        level: u32,
        flags: u32,
    ) -> Result<Vec<LocalGroupUsersInfo>> {
        const OP: &str = "NetUserGetLocalGroups";
        args::name(OP, "user name", username)?;
        args::level(OP, level, LocalGroupUsersInfo::GET_LEVELS)?;
        if flags & !LG_INCLUDE_INDIRECT != 0 {
            return Err(Error::usage(
                OP,
                WinError::ERROR_INVALID_PARAMETER,
                format!("flags 0x{flags:x}: only LG_INCLUDE_INDIRECT (1) is defined"),
            ));
        }
        // A `DOMAIN\name` is resolved over LSA (it may be another domain's account).
        let foreign = match username.split_once('\\') {
            Some(_) => {
                let found = with_session::<Lsarpc, _, _>(&self.conn, OP, async |l| {
                    l.lookup_names(&[username]).await
                })
                .await?;
                match found.into_iter().next().flatten() {
                    Some(r) if r.kind == SidNameUse::SID_TYPE_USER => Some(r.sid),
                    other => {
                        let why = match other {
                            Some(r) => format!(
                                "{username:?} is {} (SID_NAME_USE {}), not a user",
                                r.sid, r.kind.0
                            ),
                            None => format!("the server cannot resolve {username:?}"),
                        };
                        return Err(translate::server_error(
                            OP,
                            crate::error::Code::Nt(NtStatus::STATUS_NONE_MAPPED),
                        )
                        .with_detail(why));
                    }
                }
            }
            None => None,
        };
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            // The user's RID when it is an account of this domain.
            let (sid, rid) = match foreign {
                Some(sid) => {
                    let rid = (sid.domain().as_ref() == Some(&domain.sid))
                        .then(|| sid.rid())
                        .flatten();
                    (sid, rid)
                }
                None => {
                    let rid = s
                        .lookup(&domain, username, SidNameUse::SID_TYPE_USER)
                        .await?;
                    let sid = domain.sid.with_rid(rid).ok_or_else(|| {
                        Error::local(
                            OP,
                            crate::Kind::Protocol,
                            WinError::RPC_X_BAD_STUB_DATA,
                            "the account domain's SID has no room for a RID",
                        )
                    })?;
                    (sid, Some(rid))
                }
            };
            let mut sids = vec![sid];
            if flags & LG_INCLUDE_INDIRECT != 0
                && let Some(rid) = rid
            {
                let user = s.open_user(&domain, rid, access::USER_LIST_GROUPS).await?;
                for (group, _) in s.user_groups(user).await? {
                    sids.extend(domain.sid.with_rid(group));
                }
            }
            let mut out = Vec::new();
            for d in [s.builtin_domain().await?, domain] {
                let rids = s.alias_membership(&d, &sids).await?;
                let names = s.lookup_ids(&d, &rids).await?;
                for (rid, named) in rids.iter().zip(names) {
                    let name = name_or_sid(&d, *rid, named);
                    out.push(LocalGroupUsersInfo0 { name: Some(name) }.into());
                }
            }
            Ok(out)
        })
        .await
    }
}

/// The primary group of an open user (SamrQueryInformationUser, `UserPrimaryGroupInformation`).
async fn primary_group(
    s: &mut crate::rpc::session::Session<'_, Samr>,
    user: netapi_ndr::ContextHandle,
) -> Result<u32> {
    let op = s.op();
    let resp = s
        .call(&w::SamrQueryInformationUserRequest {
            user_handle: user,
            user_information_class: w::UserInformationClass::USER_PRIMARY_GROUP_INFORMATION,
        })
        .await?;
    status::ok(op, &resp)?;
    match resp.buffer {
        Some(w::SamprUserInfoBuffer::PrimaryGroup(p)) => Ok(p.primary_group_id),
        other => Err(levels::wrong_level(
            op,
            9,
            other.map_or(-1, |b| netapi_ndr::NdrUnion::discriminant(&b)),
        )),
    }
}

blocking! {
    /// NetUserGetGroups; see [`AsyncClient::user_get_groups_level`].
    fn user_get_groups_level(&self, username: &str, level: u32) -> Vec<GroupUsersInfo> = "NetUserGetGroups";
    /// NetUserSetGroups; see [`AsyncClient::user_set_groups`].
    fn user_set_groups(&self, username: &str, level: u32, groups: &[GroupUsersInfo]) -> () = "NetUserSetGroups";
    /// NetUserGetLocalGroups; see [`AsyncClient::user_get_local_groups_level`].
    fn user_get_local_groups_level(&self, username: &str, level: u32, flags: u32) -> Vec<LocalGroupUsersInfo> = "NetUserGetLocalGroups";
}
