//! The workstation: NetWkstaGetInfo, NetWkstaSetInfo, NetWkstaUserEnum, NetWkstaTransportEnum,
//! NetWkstaTransportAdd, NetWkstaTransportDel ([MS-WKST] 3.2.4.1–3.2.4.6), and the
//! `LanmanWorkstation` statistics of NetStatisticsGet (3.2.4.11).
//!
//! Levels are checked before anything is sent (`ERROR_INVALID_LEVEL`, 124) against the level
//! sets of [`WkstaInfo`], [`WkstaUserInfo`] and [`WkstaTransportInfo`]; a level the server does
//! not serve comes back as the server's own answer.
//! quirk(samba-4.17): Samba serves NetrWkstaGetInfo (FS 100–102, DC 100–101; 102 needs an
//! administrator, 502 is `ERROR_INVALID_LEVEL` on the FS and access denied on the DC) and, on
//! the file server, NetrWkstaUserEnum (no entries: nobody logs on to it interactively); the rest
//! faults with `nca_s_op_rng_error` (1745), NetrWkstaTransportEnum on the DC answers
//! `ERROR_NOT_SUPPORTED` (50).

use netapi_codes::WinError;
use netapi_msrpc::wkssvc as w;

use crate::client::blocking;
use crate::info::{Level, StatWorkstation0, WkstaInfo, WkstaTransportInfo, WkstaUserInfo};
use crate::rpc::levels::{self, ToWire};
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH, Pages};
use crate::rpc::{self, args, status};
use crate::{AsyncClient, Client, Error, Page, Result};

impl AsyncClient {
    /// NetWkstaGetInfo at `level` (100, 101, 102, 502).
    pub async fn wksta_get_info_level(&self, level: u32) -> Result<WkstaInfo> {
        const OP: &str = "NetWkstaGetInfo";
        args::level(OP, level, WkstaInfo::GET_LEVELS)?;
        let req = w::NetrWkstaGetInfoRequest {
            server_name: Some(self.unc()),
            level,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        levels::answer(OP, level, resp.wksta_info)
    }

    /// NetWkstaGetInfo as level `T` (e.g. `WkstaInfo101`).
    pub async fn wksta_get_info<T: Level<Family = WkstaInfo>>(&self) -> Result<T> {
        let info = self.wksta_get_info_level(T::LEVEL).await?;
        levels::typed("NetWkstaGetInfo", info)
    }

    /// NetWkstaSetInfo with `info` at its level (100, 101, 102, 502, or 1013 / 1018 / 1046 for
    /// one setting). The names in levels 100–102 cannot be changed this way (the server ignores
    /// or refuses them, as Windows documents).
    pub async fn wksta_set_info(&self, info: &WkstaInfo) -> Result<()> {
        const OP: &str = "NetWkstaSetInfo";
        let level = args::level(OP, info.level(), WkstaInfo::SET_LEVELS)?;
        let req = w::NetrWkstaSetInfoRequest {
            server_name: Some(self.unc()),
            level,
            wksta_info: info.to_wire(),
            error_parameter: Some(0),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetWkstaUserEnum: one page of the users logged on to the server at `level` (0 or 1).
    pub async fn wksta_user_enum_page(
        &self,
        level: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<WkstaUserInfo>> {
        const OP: &str = "NetWkstaUserEnum";
        args::level(OP, level, WkstaUserInfo::ENUM_LEVELS)?;
        let req = w::NetrWkstaUserEnumRequest {
            server_name: Some(self.unc()),
            user_info: w::WkstaUserEnumStruct::request(level),
            preferred_maximum_length: pref_max_len,
            resume_handle: Some(resume),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        let outcome = status::check(OP, &resp)?;
        let items = levels::entries(OP, level, resp.user_info.wksta_user_info)?;
        paging::page(OP, outcome, items, resp.total_entries, resp.resume_handle)
    }

    /// NetWkstaUserEnum: every logged-on user at `level` (all pages).
    pub async fn wksta_user_enum_level(&self, level: u32) -> Result<Vec<WkstaUserInfo>> {
        paging::collect("NetWkstaUserEnum", async |resume| {
            self.wksta_user_enum_page(level, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetWkstaTransportEnum: one page of the transports the server's redirector uses (level 0).
    pub async fn wksta_transport_enum_page(
        &self,
        level: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<WkstaTransportInfo>> {
        const OP: &str = "NetWkstaTransportEnum";
        args::level(OP, level, WkstaTransportInfo::ENUM_LEVELS)?;
        let req = w::NetrWkstaTransportEnumRequest {
            server_name: Some(self.unc()),
            transport_info: w::WkstaTransportEnumStruct::request(level),
            preferred_maximum_length: pref_max_len,
            resume_handle: Some(resume),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        let outcome = status::check(OP, &resp)?;
        let items = levels::entries(OP, level, resp.transport_info.wksta_transport_info)?;
        paging::page(OP, outcome, items, resp.total_entries, resp.resume_handle)
    }

    /// NetWkstaTransportEnum: every transport (all pages).
    pub async fn wksta_transport_enum_level(&self, level: u32) -> Result<Vec<WkstaTransportInfo>> {
        paging::collect("NetWkstaTransportEnum", async |resume| {
            self.wksta_transport_enum_page(level, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetWkstaTransportAdd: bind the redirector to the transport `info` names (level 0).
    pub async fn wksta_transport_add(&self, info: &WkstaTransportInfo) -> Result<()> {
        const OP: &str = "NetWkstaTransportAdd";
        let level = args::level(OP, info.level(), WkstaTransportInfo::ADD_LEVELS)?;
        let WkstaTransportInfo::L0(t) = info;
        match t.transport_name.as_deref() {
            Some(name) => args::name(OP, "transport name", name)?,
            None => {
                return Err(Error::usage(
                    OP,
                    WinError::ERROR_INVALID_PARAMETER,
                    "the transport has no transport_name",
                ));
            }
        }
        args::opt_text(OP, "transport address", t.transport_address.as_deref())?;
        let req = w::NetrWkstaTransportAddRequest {
            server_name: Some(self.unc()),
            level,
            transport_info: t.into(),
            error_parameter: Some(0),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetWkstaTransportDel: unbind transport `name` (None: NULL, as pywin32 allows) with
    /// `force` (`USE_NOFORCE` 0, `USE_FORCE` 1, `USE_LOTS_OF_FORCE` 2).
    pub async fn wksta_transport_del(&self, name: Option<&str>, force: u32) -> Result<()> {
        const OP: &str = "NetWkstaTransportDel";
        args::opt_text(OP, "transport name", name)?;
        force_level(OP, force)?;
        let req = w::NetrWkstaTransportDelRequest {
            server_name: Some(self.unc()),
            transport_name: name.map(str::to_string),
            force_level: w::ForceLevel(force),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetStatisticsGet for `LanmanWorkstation`: the redirector's statistics (level 0, options 0).
    pub(crate) async fn workstation_statistics(
        &self,
        level: u32,
        options: u32,
    ) -> Result<StatWorkstation0> {
        const OP: &str = "NetStatisticsGet";
        args::level(OP, level, &[0])?;
        let req = w::NetrWorkstationStatisticsGetRequest {
            server_name: Some(self.unc()),
            service_name: Some("LanmanWorkstation".to_string()),
            level,
            options,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        let stats = resp
            .buffer
            .ok_or_else(|| levels::wrong_level(OP, level, -1))?;
        Ok(stats.into())
    }
}

/// A NetUseDel / NetWkstaTransportDel force level: 0, 1 or 2, else `ERROR_INVALID_PARAMETER`.
pub(crate) fn force_level(op: &'static str, force: u32) -> Result<()> {
    if force <= 2 {
        Ok(())
    } else {
        Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!(
                "force level {force} is not USE_NOFORCE (0), USE_FORCE (1) or USE_LOTS_OF_FORCE (2)"
            ),
        ))
    }
}

blocking! {
    /// NetWkstaGetInfo at `level`.
    fn wksta_get_info_level(&self, level: u32) -> WkstaInfo = "NetWkstaGetInfo";
    /// NetWkstaSetInfo.
    fn wksta_set_info(&self, info: &WkstaInfo) -> () = "NetWkstaSetInfo";
    /// NetWkstaUserEnum: one page; see [`AsyncClient::wksta_user_enum_page`].
    fn wksta_user_enum_page(&self, level: u32, resume: u32, pref_max_len: u32) -> Page<WkstaUserInfo> = "NetWkstaUserEnum";
    /// NetWkstaUserEnum: every logged-on user.
    fn wksta_user_enum_level(&self, level: u32) -> Vec<WkstaUserInfo> = "NetWkstaUserEnum";
    /// NetWkstaTransportEnum: one page.
    fn wksta_transport_enum_page(&self, level: u32, resume: u32, pref_max_len: u32) -> Page<WkstaTransportInfo> = "NetWkstaTransportEnum";
    /// NetWkstaTransportEnum: every transport.
    fn wksta_transport_enum_level(&self, level: u32) -> Vec<WkstaTransportInfo> = "NetWkstaTransportEnum";
    /// NetWkstaTransportAdd.
    fn wksta_transport_add(&self, info: &WkstaTransportInfo) -> () = "NetWkstaTransportAdd";
    /// NetWkstaTransportDel.
    fn wksta_transport_del(&self, name: Option<&str>, force: u32) -> () = "NetWkstaTransportDel";
}

impl Client {
    /// NetWkstaGetInfo as level `T`.
    pub fn wksta_get_info<T: Level<Family = WkstaInfo>>(&self) -> Result<T> {
        self.run("NetWkstaGetInfo", self.inner.wksta_get_info::<T>())
    }

    /// NetWkstaUserEnum as an iterator over every logged-on user at `level`, page by page.
    pub fn wksta_user_enum_pages(&self, level: u32, pref_max_len: u32) -> Pages<WkstaUserInfo> {
        let this = self.clone();
        Pages::new("NetWkstaUserEnum", move |resume| {
            this.wksta_user_enum_page(level, resume, pref_max_len)
                .map(Fetched::from)
        })
    }
}
