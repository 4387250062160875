//! Shares: NetShareEnum, NetShareGetInfo, NetShareAdd, NetShareSetInfo, NetShareDel,
//! NetShareCheck ([MS-SRVS] 3.1.4.7–3.1.4.12, 3.1.4.14).
//!
//! Levels are checked before anything is sent (`ERROR_INVALID_LEVEL`, 124): enumeration 0, 1, 2,
//! 501, 502, 503; get 0, 1, 2, 501, 502, 503, 1004, 1005, 1006, 1501; add 2, 502, 503; set 1, 2,
//! 502, 503, 1004, 1005, 1006, 1501. A level the server does not serve comes back as the
//! server's own error (Samba 4.17 answers 124 for 503).

use netapi_codes::WinError;
use netapi_msrpc::srvsvc as w;

use crate::client::{Pages, blocking};
use crate::info::{Level, ShareInfo};
use crate::rpc::srvsvc::{self as rpc, convert};
use crate::{AsyncClient, Client, Error, Kind, Page, Result};

/// `MAX_PREFERRED_LENGTH`: let the server return everything in one page.
pub const MAX_PREFERRED_LENGTH: u32 = u32::MAX;

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
        rpc::check_level(OP, level, ShareInfo::ENUM_LEVELS)?;
        let req = w::NetrShareEnumRequest {
            server_name: Some(self.unc()),
            info_struct: w::ShareEnumStruct::request(level),
            prefered_maximum_length: pref_max_len,
            resume_handle: Some(resume),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        rpc::check(OP, &resp, true)?;
        let items = convert::share_entries(resp.info_struct.share_info);
        rpc::page(
            OP,
            resp.status,
            items,
            resp.total_entries,
            resp.resume_handle,
        )
    }

    /// NetShareEnum: every share at `level` (all pages).
    pub async fn share_enum_level(&self, level: u32) -> Result<Vec<ShareInfo>> {
        rpc::all_pages("NetShareEnum", |resume| {
            self.share_enum_page(level, resume, MAX_PREFERRED_LENGTH)
        })
        .await
    }

    /// NetShareEnum: every share as level `T` (e.g. `ShareInfo502`).
    pub async fn share_enum<T: Level<Family = ShareInfo>>(&self) -> Result<Vec<T>> {
        Ok(self
            .share_enum_level(T::LEVEL)
            .await?
            .into_iter()
            .filter_map(T::from_family)
            .collect())
    }

    /// NetShareGetInfo at `level`.
    pub async fn share_get_info_level(&self, netname: &str, level: u32) -> Result<ShareInfo> {
        const OP: &str = "NetShareGetInfo";
        rpc::check_name(OP, "share name", netname)?;
        rpc::check_level(OP, level, ShareInfo::GET_LEVELS)?;
        let req = w::NetrShareGetInfoRequest {
            server_name: Some(self.unc()),
            net_name: netname.to_string(),
            level,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        share_status(OP, resp.status, netname)?;
        convert::share_from_wire(resp.info_struct)
            .filter(|s| s.level() == level)
            .ok_or_else(|| wrong_level(OP))
    }

    /// NetShareGetInfo as level `T`.
    pub async fn share_get_info<T: Level<Family = ShareInfo>>(&self, netname: &str) -> Result<T> {
        let info = self.share_get_info_level(netname, T::LEVEL).await?;
        T::from_family(info).ok_or_else(|| wrong_level("NetShareGetInfo"))
    }

    /// NetShareAdd: create the share described by `info` (level 2, 502 or 503). The path must
    /// exist on the server.
    pub async fn share_add(&self, info: &ShareInfo) -> Result<()> {
        const OP: &str = "NetShareAdd";
        let level = rpc::check_level(OP, info.level(), ShareInfo::ADD_LEVELS)?;
        match info.netname() {
            Some(name) => rpc::check_name(OP, "share name", name)?,
            None => {
                return Err(Error::usage(
                    OP,
                    WinError::ERROR_INVALID_PARAMETER,
                    "the share has no netname",
                ));
            }
        }
        let req = w::NetrShareAddRequest {
            server_name: Some(self.unc()),
            level,
            info_struct: convert::share_to_wire(info),
            parm_err: Some(0),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        rpc::check(OP, &resp, false)
    }

    /// NetShareSetInfo: change share `netname` with `info` (level 1, 2, 502, 503, 1004, 1005,
    /// 1006 or 1501).
    pub async fn share_set_info(&self, netname: &str, info: &ShareInfo) -> Result<()> {
        const OP: &str = "NetShareSetInfo";
        rpc::check_name(OP, "share name", netname)?;
        let level = rpc::check_level(OP, info.level(), ShareInfo::SET_LEVELS)?;
        let req = w::NetrShareSetInfoRequest {
            server_name: Some(self.unc()),
            net_name: netname.to_string(),
            level,
            share_info: convert::share_to_wire(info),
            parm_err: Some(0),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        share_status(OP, resp.status, netname)
    }

    /// NetShareDel: remove share `netname`.
    pub async fn share_del(&self, netname: &str) -> Result<()> {
        const OP: &str = "NetShareDel";
        rpc::check_name(OP, "share name", netname)?;
        let req = w::NetrShareDelRequest {
            server_name: Some(self.unc()),
            net_name: netname.to_string(),
            reserved: 0,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        share_status(OP, resp.status, netname)
    }

    /// NetShareCheck: whether `device` (e.g. `C:`) is shared; `Some(type)` (an `STYPE_*` value)
    /// when it is, `None` when the server says `NERR_DeviceNotShared` (2311).
    pub async fn share_check(&self, device: &str) -> Result<Option<u32>> {
        const OP: &str = "NetShareCheck";
        rpc::check_name(OP, "device name", device)?;
        let req = w::NetrShareCheckRequest {
            server_name: Some(self.unc()),
            device: device.to_string(),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        match resp.status {
            0 => Ok(Some(resp.r#type.0)),
            2311 => Ok(None),
            status => Err(Error::win32_status(OP, status)),
        }
    }
}

/// The status of a call naming share `netname`, with Samba's answers for a share that does not
/// exist reported as Windows reports them.
///
/// quirk(samba-4.17): NetrShareGetInfo / NetrShareSetInfo answer `ERROR_INVALID_NAME` (123) and
/// NetrShareDel `ERROR_BAD_NET_NAME` (67) for a well-formed name that is not shared, where Windows
/// answers `NERR_NetNameNotFound` (2310). For a well-formed name the error is reported as 2310;
/// [`Error::code`] keeps what the server sent.
fn share_status(op: &'static str, status: u32, netname: &str) -> Result<()> {
    let missing = matches!(status, 123 | 67) && is_valid_share_name(netname);
    match status {
        0 => Ok(()),
        _ if missing => Err(Error::server(
            op,
            crate::Code::Win32(WinError(status)),
            WinError::NERR_NetNameNotFound,
        )
        .with_detail(format!(
            "the server answered {} for share {netname:?}",
            WinError(status).name().unwrap_or("?")
        ))),
        _ => Err(Error::win32_status(op, status)),
    }
}

/// A share name Windows accepts: at most 80 characters (NNLEN), none of `"/\[]:|<>+=;,*?` or
/// control characters.
pub(crate) fn is_valid_share_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 80
        && !name
            .chars()
            .any(|c| c.is_control() || "\"/\\[]:|<>+=;,*?".contains(c))
}

/// The server answered a level other than the one asked for.
pub(crate) fn wrong_level(op: &'static str) -> Error {
    Error::local(
        op,
        Kind::Protocol,
        WinError::RPC_X_BAD_STUB_DATA,
        "the server answered another level",
    )
}

blocking! {
    /// NetShareEnum: one page; see [`AsyncClient::share_enum_page`].
    fn share_enum_page(&self, level: u32, resume: u32, pref_max_len: u32) -> Page<ShareInfo>;
    /// NetShareEnum: every share at `level`; see [`AsyncClient::share_enum_level`].
    fn share_enum_level(&self, level: u32) -> Vec<ShareInfo>;
    /// NetShareGetInfo at `level`.
    fn share_get_info_level(&self, netname: &str, level: u32) -> ShareInfo;
    /// NetShareAdd; see [`AsyncClient::share_add`].
    fn share_add(&self, info: &ShareInfo) -> ();
    /// NetShareSetInfo; see [`AsyncClient::share_set_info`].
    fn share_set_info(&self, netname: &str, info: &ShareInfo) -> ();
    /// NetShareDel.
    fn share_del(&self, netname: &str) -> ();
    /// NetShareCheck; see [`AsyncClient::share_check`].
    fn share_check(&self, device: &str) -> Option<u32>;
}

impl Client {
    /// NetShareEnum as an iterator over every share at level `T`, one page (of about
    /// `pref_max_len` bytes) at a time.
    pub fn share_enum<T: Level<Family = ShareInfo> + Send + 'static>(
        &self,
        pref_max_len: u32,
    ) -> Pages<T> {
        self.share_enum_pages(T::LEVEL, pref_max_len)
            .map_entries(|s| T::from_family(s).expect("a page holds the level asked for"))
    }

    /// NetShareEnum as an iterator over every share at `level`, one page at a time.
    pub fn share_enum_pages(&self, level: u32, pref_max_len: u32) -> Pages<ShareInfo> {
        let client = self.clone();
        Pages::new(move |resume| client.share_enum_page(level, resume, pref_max_len))
    }

    /// NetShareGetInfo as level `T`.
    pub fn share_get_info<T: Level<Family = ShareInfo>>(&self, netname: &str) -> Result<T> {
        self.run("NetShareGetInfo", self.inner.share_get_info::<T>(netname))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samba_missing_share_answers_read_as_windows_ones() {
        let e = share_status("NetShareGetInfo", 123, "gone").unwrap_err();
        assert_eq!(e.win32(), 2310);
        assert_eq!(e.code(), crate::Code::Win32(WinError(123)));
        assert_eq!(
            share_status("NetShareDel", 67, "gone").unwrap_err().win32(),
            2310
        );
        // A name Windows itself rejects keeps the server's answer.
        assert_eq!(
            share_status("NetShareGetInfo", 123, "a|b")
                .unwrap_err()
                .win32(),
            123
        );
        assert_eq!(
            share_status("NetShareGetInfo", 5, "x").unwrap_err().win32(),
            5
        );
        assert!(share_status("NetShareGetInfo", 0, "x").is_ok());
        assert!(is_valid_share_name("hidden$") && !is_valid_share_name(&"x".repeat(81)));
    }
}
