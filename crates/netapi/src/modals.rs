//! Account policy: NetUserModalsGet and NetUserModalsSet over the account domain's information
//! classes ([MS-SAMR] 3.1.5.5.1 SamrQueryInformationDomain2, 3.1.5.6.1
//! SamrSetInformationDomain; the level ↔ class table is in `rpc::samr::domain_info`).
//!
//! A set reads each class it touches first and writes it back with the level's values, so
//! settings outside the level (the password properties, ...) keep theirs.

use netapi_msrpc::samr::{self as w, Samr};

use crate::client::blocking;
use crate::info::{Level, UserModalsInfo};
use crate::rpc::levels;
use crate::rpc::samr::Domain;
use crate::rpc::samr::domain_info::{Modals, classes};
use crate::rpc::session::{Session, with_session};
use crate::rpc::{args, status};
use crate::{AsyncClient, Client, Result};

impl AsyncClient {
    /// NetUserModalsGet: the account policy at `level` (0 passwords, 1 role, 2 domain, 3
    /// lockout).
    pub async fn user_modals_get_level(&self, level: u32) -> Result<UserModalsInfo> {
        const OP: &str = "NetUserModalsGet";
        args::level(OP, level, UserModalsInfo::GET_LEVELS)?;
        let (modals, sid) = with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            Ok((read(s, &domain, level).await?, domain.sid))
        })
        .await?;
        Ok(modals.level(level, Some(sid)))
    }

    /// NetUserModalsGet as level `T` (e.g. `UserModalsInfo0`).
    pub async fn user_modals_get<T: Level<Family = UserModalsInfo>>(&self) -> Result<T> {
        let info = self.user_modals_get_level(T::LEVEL).await?;
        levels::typed("NetUserModalsGet", info)
    }

    /// NetUserModalsSet: change the account policy with `info` (level 0, 1, 2, 3 or
    /// 1001–1007). Settings the level does not carry keep their values.
    pub async fn user_modals_set(&self, info: &UserModalsInfo) -> Result<()> {
        const OP: &str = "NetUserModalsSet";
        let level = args::level(OP, info.level(), UserModalsInfo::SET_LEVELS)?;
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            let mut modals = read(s, &domain, level).await?;
            for buffer in modals.apply(info) {
                let resp = s
                    .call(&w::SamrSetInformationDomainRequest {
                        domain_handle: domain.handle,
                        domain_information_class: buffer.class(),
                        domain_information: buffer,
                    })
                    .await?;
                status::ok(OP, &resp)?;
            }
            Ok(())
        })
        .await
    }
}

/// The classes `level` shows or touches, read from `domain`.
async fn read(s: &mut Session<'_, Samr>, domain: &Domain, level: u32) -> Result<Modals> {
    let op = s.op();
    let mut modals = Modals::default();
    for class in classes(level) {
        let resp = s
            .call(&w::SamrQueryInformationDomain2Request {
                domain_handle: domain.handle,
                domain_information_class: *class,
            })
            .await?;
        status::ok(op, &resp)?;
        match resp.buffer {
            Some(b) if b.class() == *class => modals.put(b),
            other => {
                return Err(levels::wrong_level(
                    op,
                    u32::from(class.0),
                    other.map_or(-1, |b| i128::from(b.class().0)),
                ));
            }
        }
    }
    Ok(modals)
}

blocking! {
    /// NetUserModalsGet at `level`; see [`AsyncClient::user_modals_get_level`].
    fn user_modals_get_level(&self, level: u32) -> UserModalsInfo = "NetUserModalsGet";
    /// NetUserModalsSet; see [`AsyncClient::user_modals_set`].
    fn user_modals_set(&self, info: &UserModalsInfo) -> () = "NetUserModalsSet";
}

impl Client {
    /// NetUserModalsGet as level `T`.
    pub fn user_modals_get<T: Level<Family = UserModalsInfo>>(&self) -> Result<T> {
        self.run("NetUserModalsGet", self.inner.user_modals_get::<T>())
    }
}
