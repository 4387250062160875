//! Shares: NetShareEnum, NetShareGetInfo, NetShareAdd, NetShareSetInfo, NetShareDel,
//! NetShareCheck ([MS-SRVS] 3.1.4.7–3.1.4.12, 3.1.4.14).
//!
//! Levels are checked before anything is sent (`ERROR_INVALID_LEVEL`, 124) against
//! [`ShareInfo`]'s level sets, share names against Windows' rules (`ERROR_INVALID_NAME`, 123).
//! A level the server does not serve comes back as the server's own error (Samba 4.17 answers
//! 124 for 503); Samba's answers for a share that does not exist are reported as Windows'
//! `NERR_NetNameNotFound` (2310) through the translation table (`rpc::translate`).

use netapi_codes::WinError;
use netapi_msrpc::srvsvc as w;

use crate::client::blocking;
use crate::info::{Level, ShareInfo};
use crate::rpc::levels::{self, ToWire};
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH, Pages};
use crate::rpc::{self, args, status};
use crate::{AsyncClient, Client, Error, Page, Result};

impl AsyncClient {
    /// NetShareEnum: one page of shares at `level`, starting at `resume` (0 first), asking the
    /// server for about `pref_max_len` bytes ([`MAX_PREFERRED_LENGTH`] for all at once).
    pub async fn share_enum_page(
        &self,
        level: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<ShareInfo>> {
        const OP: &str = "NetShareEnum";
        args::level(OP, level, ShareInfo::ENUM_LEVELS)?;
        let req = w::NetrShareEnumRequest {
            server_name: Some(self.unc()),
            info_struct: w::ShareEnumStruct::request(level),
            prefered_maximum_length: pref_max_len,
            resume_handle: Some(resume),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        let outcome = status::check(OP, &resp)?;
        let items = levels::entries(OP, level, resp.info_struct.share_info)?;
        paging::page(OP, outcome, items, resp.total_entries, resp.resume_handle)
    }

    /// NetShareEnum: every share at `level` (all pages).
    pub async fn share_enum_level(&self, level: u32) -> Result<Vec<ShareInfo>> {
        paging::collect("NetShareEnum", async |resume| {
            self.share_enum_page(level, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetShareEnum: every share as level `T` (e.g. `ShareInfo502`).
    pub async fn share_enum<T: Level<Family = ShareInfo>>(&self) -> Result<Vec<T>> {
        let all = self.share_enum_level(T::LEVEL).await?;
        levels::typed_all("NetShareEnum", all)
    }

    /// NetShareGetInfo at `level`.
    pub async fn share_get_info_level(&self, netname: &str, level: u32) -> Result<ShareInfo> {
        const OP: &str = "NetShareGetInfo";
        args::share_name(OP, netname)?;
        args::level(OP, level, ShareInfo::GET_LEVELS)?;
        let req = w::NetrShareGetInfoRequest {
            server_name: Some(self.unc()),
            net_name: netname.to_string(),
            level,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        levels::answer(OP, level, resp.info_struct)
    }

    /// NetShareGetInfo as level `T`.
    pub async fn share_get_info<T: Level<Family = ShareInfo>>(&self, netname: &str) -> Result<T> {
        let info = self.share_get_info_level(netname, T::LEVEL).await?;
        levels::typed("NetShareGetInfo", info)
    }

    /// NetShareAdd: create the share described by `info` (level 2, 502 or 503). The path must
    /// exist on the server.
    pub async fn share_add(&self, info: &ShareInfo) -> Result<()> {
        const OP: &str = "NetShareAdd";
        let level = args::level(OP, info.level(), ShareInfo::ADD_LEVELS)?;
        let Some(name) = info.netname() else {
            return Err(Error::usage(
                OP,
                WinError::ERROR_INVALID_PARAMETER,
                "the share has no netname",
            ));
        };
        args::name(OP, "share name", name)?;
        let req = w::NetrShareAddRequest {
            server_name: Some(self.unc()),
            level,
            info_struct: info.to_wire(),
            parm_err: Some(0),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetShareSetInfo: change share `netname` with `info` (level 1, 2, 502, 503, 1004, 1005,
    /// 1006 or 1501).
    pub async fn share_set_info(&self, netname: &str, info: &ShareInfo) -> Result<()> {
        const OP: &str = "NetShareSetInfo";
        args::share_name(OP, netname)?;
        let level = args::level(OP, info.level(), ShareInfo::SET_LEVELS)?;
        let req = w::NetrShareSetInfoRequest {
            server_name: Some(self.unc()),
            net_name: netname.to_string(),
            level,
            share_info: info.to_wire(),
            parm_err: Some(0),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetShareDel: remove share `netname`.
    pub async fn share_del(&self, netname: &str) -> Result<()> {
        const OP: &str = "NetShareDel";
        args::share_name(OP, netname)?;
        let req = w::NetrShareDelRequest {
            server_name: Some(self.unc()),
            net_name: netname.to_string(),
            reserved: 0,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetShareCheck: whether `device` (e.g. `C:`) is shared; `Some(type)` (an `STYPE_*` value)
    /// when it is, `None` when the server says `NERR_DeviceNotShared` (2311).
    pub async fn share_check(&self, device: &str) -> Result<Option<u32>> {
        const OP: &str = "NetShareCheck";
        args::name(OP, "device name", device)?;
        let req = w::NetrShareCheckRequest {
            server_name: Some(self.unc()),
            device: device.to_string(),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        match status::ok(OP, &resp) {
            Ok(()) => Ok(Some(resp.r#type.0)),
            Err(e) if e.win32() == WinError::NERR_DeviceNotShared.0 => Ok(None),
            Err(e) => Err(e),
        }
    }
}

blocking! {
    /// NetShareEnum: one page; see [`AsyncClient::share_enum_page`].
    fn share_enum_page(&self, level: u32, resume: u32, pref_max_len: u32) -> Page<ShareInfo> = "NetShareEnum";
    /// NetShareEnum: every share at `level`; see [`AsyncClient::share_enum_level`].
    fn share_enum_level(&self, level: u32) -> Vec<ShareInfo> = "NetShareEnum";
    /// NetShareGetInfo at `level`.
    fn share_get_info_level(&self, netname: &str, level: u32) -> ShareInfo = "NetShareGetInfo";
    /// NetShareAdd; see [`AsyncClient::share_add`].
    fn share_add(&self, info: &ShareInfo) -> () = "NetShareAdd";
    /// NetShareSetInfo; see [`AsyncClient::share_set_info`].
    fn share_set_info(&self, netname: &str, info: &ShareInfo) -> () = "NetShareSetInfo";
    /// NetShareDel.
    fn share_del(&self, netname: &str) -> () = "NetShareDel";
    /// NetShareCheck; see [`AsyncClient::share_check`].
    fn share_check(&self, device: &str) -> Option<u32> = "NetShareCheck";
}

impl Client {
    /// NetShareEnum as an iterator over every share at level `T`, one page (of about
    /// `pref_max_len` bytes) at a time.
    pub fn share_enum<T: Level<Family = ShareInfo> + Send + 'static>(
        &self,
        pref_max_len: u32,
    ) -> Pages<T> {
        let client = self.clone();
        Pages::new("NetShareEnum", move |resume| {
            let page = client.share_enum_page(T::LEVEL, resume, pref_max_len)?;
            Fetched::from(page).try_map(|items| levels::typed_all("NetShareEnum", items))
        })
    }

    /// NetShareEnum as an iterator over every share at `level`, one page at a time.
    pub fn share_enum_pages(&self, level: u32, pref_max_len: u32) -> Pages<ShareInfo> {
        let client = self.clone();
        Pages::new("NetShareEnum", move |resume| {
            client
                .share_enum_page(level, resume, pref_max_len)
                .map(Fetched::from)
        })
    }

    /// NetShareGetInfo as level `T`.
    pub fn share_get_info<T: Level<Family = ShareInfo>>(&self, netname: &str) -> Result<T> {
        self.run("NetShareGetInfo", self.inner.share_get_info::<T>(netname))
    }
}
