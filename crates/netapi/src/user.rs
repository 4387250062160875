//! Users: NetUserGetInfo ([MS-SAMR] through netapi32's sequence), the first function of the
//! user family built on the RPC core's SAMR sessions.
//!
//! What NetUserGetInfo sends, after the association's cached connect and account-domain handles
//! (`rpc::samr`): SamrLookupNamesInDomain (17) for the name, SamrOpenUser (34),
//! SamrQueryInformationUser2 (47, `UserAllInformation`), and for the levels carrying `priv`
//! SamrGetGroupsForUser (39) and SamrGetAliasMembership (16) on BUILTIN; then SamrCloseHandle
//! (1) of the user. Every level is a projection of one superset (`rpc::samr::user_all`).
//! A name that is not a user of the account domain is `NERR_UserNotFound` (2221).

use netapi_msrpc::samr::{Samr, SidNameUse, access};

use crate::client::blocking;
use crate::info::{Level, UserInfo};
use crate::rpc::args;
use crate::rpc::levels;
use crate::rpc::samr::user_all::{self, UserAll, field};
use crate::rpc::session::with_session;
use crate::{AsyncClient, Client, Result};

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
            let user = s.open_user(&domain, rid, access::MAXIMUM_ALLOWED).await?;
            let mut all = UserAll::from_sampr(&s.query_user_all(user).await?, user_all::now());
            all.user_sid = domain.sid.with_rid(rid);
            if wanted & field::r#priv != 0 {
                all.r#priv = s.user_priv(&domain, user, rid).await?;
            }
            Ok(all)
        })
        .await?;
        UserInfo::project(level, &all).ok_or_else(|| levels::wrong_level(OP, level, -1))
    }

    /// NetUserGetInfo as level `T` (e.g. `UserInfo3`).
    pub async fn user_get_info<T: Level<Family = UserInfo>>(&self, username: &str) -> Result<T> {
        let info = self.user_get_info_level(username, T::LEVEL).await?;
        levels::typed("NetUserGetInfo", info)
    }
}

blocking! {
    /// NetUserGetInfo at `level`; see [`AsyncClient::user_get_info_level`].
    fn user_get_info_level(&self, username: &str, level: u32) -> UserInfo = "NetUserGetInfo";
}

impl Client {
    /// NetUserGetInfo as level `T`.
    pub fn user_get_info<T: Level<Family = UserInfo>>(&self, username: &str) -> Result<T> {
        self.run("NetUserGetInfo", self.inner.user_get_info::<T>(username))
    }
}
