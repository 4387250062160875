//! Users: NetUserGetInfo, NetUserSetInfo, NetUserAdd and NetUserDel ([MS-SAMR] through
//! netapi32's sequences), on the RPC core's SAMR sessions. NetUserEnum and
//! NetQueryDisplayInformation are in `user_enum.rs`, the password functions in
//! `user_password.rs`.
//!
//! After the association's cached connect and account-domain handles (`rpc::samr`):
//!
//! * NetUserGetInfo: SamrLookupNamesInDomain (17), SamrOpenUser (34),
//!   SamrQueryInformationUser2 (47, `UserAllInformation`); for the levels carrying `priv`
//!   SamrGetGroupsForUser (39) and SamrGetAliasMembership (16) on BUILTIN; for those carrying
//!   `flags` SamrQuerySecurityObject (3) (`UF_PASSWD_CANT_CHANGE` is in the DACL). The user's
//!   handle is kept open on the association for the next NetUserGetInfo of the same account
//!   (`Session::reading_user`), which then skips SamrOpenUser; opening another closes it
//!   (SamrCloseHandle, 1).
//! * NetUserSetInfo: lookup and open, the `priv` check, SamrSetInformationUser2 (58) with the
//!   level's fields (`rpc::samr::user_write`), SamrSetSecurityObject (2) when
//!   `UF_PASSWD_CANT_CHANGE` changes.
//! * NetUserAdd: SamrCreateUser2InDomain (50), then the same writes; when one fails the account
//!   is deleted (SamrDeleteUser, 35) before the error is returned, so a failed NetUserAdd leaves
//!   nothing behind.
//! * NetUserDel: lookup, open, SamrDeleteUser (35).
//!
//! A name that is not a user of the account domain is `NERR_UserNotFound` (2221).

use netapi_codes::{NtStatus, WinError};
use netapi_msrpc::samr::{Samr, SidNameUse, access};
use netapi_ndr::ContextHandle;

use crate::client::blocking;
use crate::con;
use crate::info::{Level, UserInfo};
use crate::rpc::args;
use crate::rpc::levels;
use crate::rpc::samr::Domain;
use crate::rpc::samr::user_all::{self, Fields, UserAll, field};
use crate::rpc::samr::user_write::{self, Purpose, Write};
use crate::rpc::session::{Session, with_session};
use crate::{AsyncClient, Client, Code, Error, Result};

impl AsyncClient {
    /// NetUserGetInfo: account `username` of the server's account domain at `level` (0, 1, 2,
    /// 3, 4, 10, 11, 20, 23, 24). The password is never returned.
    pub async fn user_get_info_level(&self, username: &str, level: u32) -> Result<UserInfo> {
        const OP: &str = "NetUserGetInfo";
        args::name(OP, "user name", username)?;
        args::level(OP, level, UserInfo::GET_LEVELS)?;
        let wanted = UserInfo::fields_of(level);
        let all = with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, username, SidNameUse::SID_TYPE_USER)
                .await?;
            let user = s.reading_user(&domain, rid).await?;
            read_open_user(s, &domain, user, rid, wanted).await
        })
        .await?;
        UserInfo::project(level, &all).ok_or_else(|| levels::wrong_level(OP, level, -1))
    }

    /// NetUserGetInfo as level `T` (e.g. `UserInfo3`).
    pub async fn user_get_info<T: Level<Family = UserInfo>>(&self, username: &str) -> Result<T> {
        let info = self.user_get_info_level(username, T::LEVEL).await?;
        levels::typed("NetUserGetInfo", info)
    }

    /// NetUserSetInfo: change account `username` with `info` (level 0 renames; 1, 2, 3, 4, 21,
    /// 22, 1003, 1005–1012, 1014, 1017, 1020, 1024, 1051–1053). `priv` cannot be changed this
    /// way (as with netapi32: `ERROR_INVALID_PARAMETER`, `parm_err` `USER_PRIV_PARMNUM`, unless
    /// it is the current value); `auth_flags` and the read-only fields are ignored.
    pub async fn user_set_info(&self, username: &str, info: &UserInfo) -> Result<()> {
        const OP: &str = "NetUserSetInfo";
        args::name(OP, "user name", username)?;
        args::level(OP, info.level(), UserInfo::SET_LEVELS)?;
        let mut plan = user_write::plan(OP, info, Purpose::Set)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, username, SidNameUse::SID_TYPE_USER)
                .await?;
            let user = s.open_user(&domain, rid, access::MAXIMUM_ALLOWED).await?;
            if let Some(wanted) = plan.r#priv {
                let current = s.user_priv(&domain, user, rid).await?;
                if wanted != current {
                    return Err(priv_refused(OP, wanted, current));
                }
            }
            if plan.password_expired.is_some() {
                let current = s.query_user_all(user).await?.password_expired != 0;
                plan.resolve_expired(current);
            }
            write_user(s, &domain, user, rid, &plan).await
        })
        .await
    }

    /// NetUserAdd: create the account `info` describes (level 1, 2, 3 or 4; `priv` must be
    /// `USER_PRIV_USER`). Atomic for the caller: when a step after creating the account fails,
    /// the account is deleted before the error is returned.
    pub async fn user_add(&self, info: &UserInfo) -> Result<()> {
        const OP: &str = "NetUserAdd";
        args::level(OP, info.level(), UserInfo::ADD_LEVELS)?;
        let mut plan = user_write::plan(OP, info, Purpose::Add)?;
        let name = plan.name.clone().unwrap_or_default();
        plan.resolve_expired(false);
        let written = with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let (user, rid) = s.create_user(&domain, &name, plan.account_type).await?;
            Ok(write_user(s, &domain, user, rid, &plan).await)
        })
        .await?;
        let Err(e) = written else {
            return Ok(());
        };
        // Undo on a fresh association (the one of the failed write may be gone, or unusable:
        // `Session::set_user`).
        match self.delete_by_name(OP, &name).await {
            Ok(()) => Err(e),
            Err(undo) => Err(e.with_detail(format!(
                "the account {name:?} was created and could not be deleted again: {undo}"
            ))),
        }
    }

    /// NetUserDel: delete account `username`.
    pub async fn user_del(&self, username: &str) -> Result<()> {
        const OP: &str = "NetUserDel";
        args::name(OP, "user name", username)?;
        self.delete_by_name(OP, username).await
    }

    async fn delete_by_name(&self, op: &'static str, username: &str) -> Result<()> {
        with_session::<Samr, _, _>(&self.conn, op, async |s| {
            let domain = s.account_domain().await?;
            let rid = s
                .lookup(&domain, username, SidNameUse::SID_TYPE_USER)
                .await?;
            let user = s.open_user(&domain, rid, access::MAXIMUM_ALLOWED).await?;
            s.delete_user(user).await
        })
        .await
    }
}

/// Every field of user `rid` that `wanted` needs ([`read_open_user`]), through a handle
/// opened for it and closed before returning.
pub(crate) async fn read_user(
    s: &mut Session<'_, Samr>,
    domain: &Domain,
    rid: u32,
    wanted: Fields,
) -> Result<UserAll> {
    let user = s.open_user(domain, rid, access::MAXIMUM_ALLOWED).await?;
    let all = read_open_user(s, domain, user, rid, wanted).await;
    s.close(user).await;
    all
}

/// Every field of open user `rid` that `wanted` needs: the SAMR fields, the SID, `priv` (from
/// the BUILTIN memberships) and `UF_PASSWD_CANT_CHANGE` (from the DACL).
async fn read_open_user(
    s: &mut Session<'_, Samr>,
    domain: &Domain,
    user: ContextHandle,
    rid: u32,
    wanted: Fields,
) -> Result<UserAll> {
    let mut all = UserAll::from_sampr(&s.query_user_all(user).await?, user_all::now());
    all.user_sid = domain.sid.with_rid(rid);
    if wanted & field::r#priv != 0 {
        all.r#priv = s.user_priv(domain, user, rid).await?;
    }
    if wanted & field::flags != 0 && !can_change_password(s, domain, user, rid).await? {
        all.flags |= con::UF_PASSWD_CANT_CHANGE;
    }
    Ok(all)
}

async fn can_change_password(
    s: &mut Session<'_, Samr>,
    domain: &Domain,
    user: ContextHandle,
    rid: u32,
) -> Result<bool> {
    let sid = domain
        .sid
        .with_rid(rid)
        .unwrap_or_else(|| domain.sid.clone());
    Ok(s.user_security(user).await?.can_change_password(&sid))
}

/// The writes of `plan` on an open user: its SAMR fields (and password), then the DACL when
/// `UF_PASSWD_CANT_CHANGE` changes.
async fn write_user(
    s: &mut Session<'_, Samr>,
    domain: &Domain,
    user: ContextHandle,
    rid: u32,
    plan: &Write,
) -> Result<()> {
    let op = s.op();
    let key = if plan.needs_key() {
        Some(s.password_key()?)
    } else {
        None
    };
    if let Some(buffer) = plan.buffer(op, key.as_ref())? {
        let tcp = s.transport() == crate::Transport::Tcp;
        s.set_user(user, buffer).await.map_err(|e| {
            if tcp && key.is_some() && e.code() == Code::Nt(NtStatus::STATUS_WRONG_PASSWORD) {
                // quirk(samba-4.17): no SAMR session key over ncacn_ip_tcp.
                e.with_detail(
                    "the server has no session key for SAMR on this ncacn_ip_tcp association \
                     (Samba 4.17 decrypts passwords only over named pipes)",
                )
            } else {
                e
            }
        })?;
    }
    if let Some(cant) = plan.cant_change {
        let sid = domain
            .sid
            .with_rid(rid)
            .unwrap_or_else(|| domain.sid.clone());
        let mut sd = s.user_security(user).await?;
        if sd.can_change_password(&sid) == cant {
            sd.set_change_password(&sid, !cant);
            s.set_user_security(user, &sd).await?;
        }
    }
    Ok(())
}

/// netapi32's answer to a `priv` NetUserSetInfo cannot apply.
fn priv_refused(op: &'static str, wanted: u32, current: u32) -> Error {
    Error::usage(
        op,
        WinError::ERROR_INVALID_PARAMETER,
        format!(
            "priv {wanted} differs from the account's {current}: privilege follows membership \
             of the Administrators and Guests local groups (NetLocalGroupAddMembers)"
        ),
    )
    .with_parm_err(con::USER_PRIV_PARMNUM)
}

blocking! {
    /// NetUserGetInfo at `level`; see [`AsyncClient::user_get_info_level`].
    fn user_get_info_level(&self, username: &str, level: u32) -> UserInfo = "NetUserGetInfo";
    /// NetUserSetInfo; see [`AsyncClient::user_set_info`].
    fn user_set_info(&self, username: &str, info: &UserInfo) -> () = "NetUserSetInfo";
    /// NetUserAdd; see [`AsyncClient::user_add`].
    fn user_add(&self, info: &UserInfo) -> () = "NetUserAdd";
    /// NetUserDel.
    fn user_del(&self, username: &str) -> () = "NetUserDel";
}

impl Client {
    /// NetUserGetInfo as level `T`.
    pub fn user_get_info<T: Level<Family = UserInfo>>(&self, username: &str) -> Result<T> {
        self.run("NetUserGetInfo", self.inner.user_get_info::<T>(username))
    }
}
