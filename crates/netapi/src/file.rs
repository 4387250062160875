//! Open files: NetFileEnum, NetFileGetInfo, NetFileClose ([MS-SRVS] 3.1.4.16–3.1.4.18), and
//! NetStatisticsGet for the server service ([MS-SRVS] 3.1.4.25).
//!
//! quirk(samba-4.17): NetrFileGetInfo is not implemented (`nca_s_op_rng_error` → 1745); the
//! same information is in the NetFileEnum entry with that id.

use netapi_codes::WinError;
use netapi_msrpc::srvsvc as w;

use crate::client::blocking;
use crate::info::{FileInfo, StatServer0, StatWorkstation0};
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH, Pages};
use crate::rpc::{self, args, levels, status};
use crate::{AsyncClient, Client, Error, Page, Result};

/// What NetStatisticsGet returns, by service.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Statistics {
    /// `LanmanServer`, level 0.
    Server(StatServer0),
    /// `LanmanWorkstation`, level 0 (`crate::wksta`).
    Workstation(StatWorkstation0),
}

impl AsyncClient {
    /// NetFileEnum: one page of open files at `level` (2 or 3), optionally only those under
    /// `base_path` and/or opened by `user`.
    pub async fn file_enum_page(
        &self,
        level: u32,
        base_path: Option<&str>,
        user: Option<&str>,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<FileInfo>> {
        const OP: &str = "NetFileEnum";
        args::level(OP, level, FileInfo::ENUM_LEVELS)?;
        args::opt_text(OP, "base path", base_path)?;
        args::opt_text(OP, "user name", user)?;
        let req = w::NetrFileEnumRequest {
            server_name: Some(self.unc()),
            base_path: base_path.map(str::to_string),
            user_name: user.map(str::to_string),
            info_struct: w::FileEnumStruct::request(level),
            prefered_maximum_length: pref_max_len,
            resume_handle: Some(resume),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        let outcome = status::check(OP, &resp)?;
        let items = levels::entries(OP, level, resp.info_struct.file_info)?;
        paging::page(OP, outcome, items, resp.total_entries, resp.resume_handle)
    }

    /// NetFileEnum: every matching open file (all pages).
    pub async fn file_enum_level(
        &self,
        level: u32,
        base_path: Option<&str>,
        user: Option<&str>,
    ) -> Result<Vec<FileInfo>> {
        paging::collect("NetFileEnum", async |resume| {
            self.file_enum_page(level, base_path, user, resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetFileGetInfo: open file `id` at `level` (2 or 3).
    pub async fn file_get_info_level(&self, id: u32, level: u32) -> Result<FileInfo> {
        const OP: &str = "NetFileGetInfo";
        args::level(OP, level, FileInfo::GET_LEVELS)?;
        let req = w::NetrFileGetInfoRequest {
            server_name: Some(self.unc()),
            file_id: id,
            level,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        levels::answer(OP, level, resp.info_struct)
    }

    /// NetFileClose: force open file `id` closed.
    pub async fn file_close(&self, id: u32) -> Result<()> {
        const OP: &str = "NetFileClose";
        let req = w::NetrFileCloseRequest {
            server_name: Some(self.unc()),
            file_id: id,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetStatisticsGet: statistics of `service` at `level` with `options` (both 0).
    /// `LanmanServer` is served here, `LanmanWorkstation` by the workstation family; any other
    /// service is `ERROR_NOT_SUPPORTED` (50), as Windows answers.
    pub async fn statistics_get(
        &self,
        service: &str,
        level: u32,
        options: u32,
    ) -> Result<Statistics> {
        const OP: &str = "NetStatisticsGet";
        args::name(OP, "service name", service)?;
        if service.eq_ignore_ascii_case("LanmanWorkstation") {
            let stats = self.workstation_statistics(level, options).await?;
            return Ok(Statistics::Workstation(stats));
        }
        if !service.eq_ignore_ascii_case("LanmanServer") {
            return Err(Error::usage(
                OP,
                WinError::ERROR_NOT_SUPPORTED,
                format!("statistics of service {service:?} are not available"),
            ));
        }
        args::level(OP, level, &[0])?;
        let req = w::NetrServerStatisticsGetRequest {
            server_name: Some(self.unc()),
            service: Some(service.to_string()),
            level,
            options,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        let stats = resp
            .info_struct
            .ok_or_else(|| levels::wrong_level(OP, level, -1))?;
        Ok(Statistics::Server(stats.into()))
    }
}

blocking! {
    /// NetFileEnum: one page; see [`AsyncClient::file_enum_page`].
    fn file_enum_page(&self, level: u32, base_path: Option<&str>, user: Option<&str>, resume: u32, pref_max_len: u32) -> Page<FileInfo> = "NetFileEnum";
    /// NetFileEnum: every matching open file.
    fn file_enum_level(&self, level: u32, base_path: Option<&str>, user: Option<&str>) -> Vec<FileInfo> = "NetFileEnum";
    /// NetFileGetInfo.
    fn file_get_info_level(&self, id: u32, level: u32) -> FileInfo = "NetFileGetInfo";
    /// NetFileClose.
    fn file_close(&self, id: u32) -> () = "NetFileClose";
    /// NetStatisticsGet; see [`AsyncClient::statistics_get`].
    fn statistics_get(&self, service: &str, level: u32, options: u32) -> Statistics = "NetStatisticsGet";
}

impl Client {
    /// NetFileEnum as an iterator over every matching open file at `level`, one page at a time.
    pub fn file_enum_pages(
        &self,
        level: u32,
        base_path: Option<&str>,
        user: Option<&str>,
        pref_max_len: u32,
    ) -> Pages<FileInfo> {
        let (this, base, user) = (
            self.clone(),
            base_path.map(str::to_string),
            user.map(str::to_string),
        );
        Pages::new("NetFileEnum", move |resume| {
            this.file_enum_page(
                level,
                base.as_deref(),
                user.as_deref(),
                resume,
                pref_max_len,
            )
            .map(Fetched::from)
        })
    }
}
