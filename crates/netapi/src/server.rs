//! Servers: NetServerGetInfo, NetServerSetInfo, NetServerDiskEnum, NetServerEnum,
//! NetServerComputerNameAdd / Del ([MS-SRVS] 3.1.4.17–3.1.4.19, 3.1.4.22–3.1.4.24, 3.1.4.30).
//!
//! **NetServerEnum** is not an MS-RPC call: Windows asks the Computer Browser service with MS-RAP
//! `NetServerEnum2` over SMB1 (`\PIPE\LANMAN`). netapi speaks SMB2/3 only and today's servers
//! (Windows since 1709, Samba with `server min protocol = SMB2`) have no SMB1 browser, so it
//! answers what Windows answers when no browse list is reachable:
//! `ERROR_NO_BROWSER_SERVERS_FOUND` (6118), before sending anything. The lab's Samba servers are
//! SMB2-only without NetBIOS, so they could not answer RAP either.
//!
//! **NetServerComputerNameAdd / Del** work as Windows' netapi32 does: list the server's transports
//! (NetrServerTransportEnum, level 0), then bind the emulated name to each of them
//! (NetrServerTransportAddEx, level 2 with the emulated domain) or unbind it
//! (NetrServerTransportDelEx, level 0 on the transports carrying the name). Samba implements
//! neither call; it answers `nca_s_op_rng_error`, surfacing as `RPC_S_PROCNUM_OUT_OF_RANGE` (1745).

use netapi_codes::WinError;
use netapi_msrpc::srvsvc as w;
use netapi_ndr::NdrUnion;

use crate::client::blocking;
use crate::info::{Level, ServerInfo};
use crate::rpc::levels::{self, ToWire};
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH};
use crate::rpc::{self, args, status};
use crate::{AsyncClient, Client, Error, Page, Result};

impl AsyncClient {
    /// NetServerGetInfo at `level` (100, 101, 102, 402, 403, 502, 503).
    pub async fn server_get_info_level(&self, level: u32) -> Result<ServerInfo> {
        const OP: &str = "NetServerGetInfo";
        args::level(OP, level, ServerInfo::GET_LEVELS)?;
        let req = w::NetrServerGetInfoRequest {
            server_name: Some(self.unc()),
            level,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        levels::answer(OP, level, resp.info_struct)
    }

    /// NetServerGetInfo as level `T` (e.g. `ServerInfo101`).
    pub async fn server_get_info<T: Level<Family = ServerInfo>>(&self) -> Result<T> {
        let info = self.server_get_info_level(T::LEVEL).await?;
        levels::typed("NetServerGetInfo", info)
    }

    /// NetServerSetInfo with `info` at its level (101, 102, 402, 403, 502, 503, or 1005 for the
    /// comment alone). Samba accepts it and changes nothing.
    pub async fn server_set_info(&self, info: &ServerInfo) -> Result<()> {
        const OP: &str = "NetServerSetInfo";
        args::level(OP, info.level(), ServerInfo::SET_LEVELS)?;
        let req = w::NetrServerSetInfoRequest {
            server_name: Some(self.unc()),
            level: info.level(),
            server_info: info.to_wire(),
            parm_err: Some(0),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetServerDiskEnum: the server's disk drives (`"C:"`, ...), every page.
    pub async fn server_disk_enum(&self) -> Result<Vec<String>> {
        const OP: &str = "NetServerDiskEnum";
        paging::collect(OP, async |resume| {
            let req = w::NetrServerDiskEnumRequest {
                server_name: Some(self.unc()),
                level: 0,
                disk_info_struct: w::DiskEnumContainer::default(),
                prefered_maximum_length: MAX_PREFERRED_LENGTH,
                resume_handle: Some(resume),
            };
            let resp = rpc::call(&self.conn, OP, &req).await?;
            let outcome = status::check(OP, &resp)?;
            // The list ends with an empty entry (the terminating NUL slot); drop empty names.
            let disks = (resp.disk_info_struct.buffer.unwrap_or_default().iter())
                .map(w::DiskInfo::name)
                .filter(|name| !name.is_empty())
                .collect();
            paging::page(OP, outcome, disks, resp.total_entries, resp.resume_handle)
                .map(Fetched::from)
        })
        .await
    }

    /// NetServerEnum: not available over SMB2/3 (see the module docs); always
    /// `ERROR_NO_BROWSER_SERVERS_FOUND` (6118), nothing is sent.
    pub async fn server_enum_page(
        &self,
        level: u32,
        server_type: u32,
        domain: Option<&str>,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<ServerInfo>> {
        const OP: &str = "NetServerEnum";
        let _ = (server_type, domain, resume, pref_max_len);
        args::level(OP, level, ServerInfo::ENUM_LEVELS)?;
        // No server produced this: the browse list is not reachable over SMB2/3, so it is a
        // transport-level failure with no received code (`Code::None`), as Windows reports an
        // unreachable browser.
        Err(Error::local(
            OP,
            crate::Kind::Transport,
            WinError::ERROR_NO_BROWSER_SERVERS_FOUND,
            "NetServerEnum needs the Computer Browser over SMB1 (MS-RAP NetServerEnum2); netapi speaks SMB2/3 only",
        ))
    }

    /// NetServerComputerNameAdd: make the server answer to `emulated_server` (in
    /// `emulated_domain`, or its own domain) on every transport it listens on.
    pub async fn server_computer_name_add(
        &self,
        emulated_domain: Option<&str>,
        emulated_server: &str,
    ) -> Result<()> {
        const OP: &str = "NetServerComputerNameAdd";
        args::name(OP, "emulated server name", emulated_server)?;
        args::opt_text(OP, "emulated domain name", emulated_domain)?;
        let transports = self.transports(OP).await?;
        if transports.is_empty() {
            return Err(Error::win32_status(OP, WinError::NERR_NetNameNotFound.0));
        }
        for t in transports {
            let address = emulated_server.as_bytes().to_vec();
            let req = w::NetrServerTransportAddExRequest {
                server_name: Some(self.unc()),
                level: 2,
                buffer: w::TransportInfo::L2(w::ServerTransportInfo2 {
                    numberofvcs: 0,
                    transportname: t.transportname,
                    transportaddresslength: address.len() as u32,
                    transportaddress: Some(address),
                    networkaddress: t.networkaddress,
                    domain: emulated_domain.map(str::to_string),
                    flags: 0,
                }),
            };
            let resp = rpc::call(&self.conn, OP, &req).await?;
            status::ok(OP, &resp)?;
        }
        Ok(())
    }

    /// NetServerComputerNameDel: stop answering to `emulated_server` on every transport.
    pub async fn server_computer_name_del(&self, emulated_server: &str) -> Result<()> {
        const OP: &str = "NetServerComputerNameDel";
        args::name(OP, "emulated server name", emulated_server)?;
        let wanted = emulated_server.trim().to_ascii_uppercase();
        let mut found = false;
        for t in self.transports(OP).await? {
            let address = t.transportaddress.clone().unwrap_or_default();
            let name = String::from_utf8_lossy(&address)
                .trim()
                .to_ascii_uppercase();
            if name != wanted {
                continue;
            }
            found = true;
            let req = w::NetrServerTransportDelExRequest {
                server_name: Some(self.unc()),
                level: 0,
                buffer: w::TransportInfo::L0(t),
            };
            let resp = rpc::call(&self.conn, OP, &req).await?;
            status::ok(OP, &resp)?;
        }
        if found {
            Ok(())
        } else {
            Err(Error::win32_status(OP, WinError::NERR_NetNameNotFound.0))
        }
    }

    /// NetrServerTransportEnum at level 0, every page.
    async fn transports(&self, op: &'static str) -> Result<Vec<w::ServerTransportInfo0>> {
        paging::collect(op, async |resume| {
            let req = w::NetrServerTransportEnumRequest {
                server_name: Some(self.unc()),
                info_struct: w::ServerXportEnumStruct::request(0),
                prefered_maximum_length: MAX_PREFERRED_LENGTH,
                resume_handle: Some(resume),
            };
            let resp = rpc::call(&self.conn, op, &req).await?;
            let outcome = status::check(op, &resp)?;
            let items = match resp.info_struct.xport_info {
                w::ServerXportEnumUnion::L0(c) => c.and_then(|c| c.buffer).unwrap_or_default(),
                other => return Err(levels::wrong_level(op, 0, other.discriminant())),
            };
            paging::page(op, outcome, items, resp.total_entries, resp.resume_handle)
                .map(Fetched::from)
        })
        .await
    }
}

blocking! {
    /// NetServerGetInfo at `level`.
    fn server_get_info_level(&self, level: u32) -> ServerInfo = "NetServerGetInfo";
    /// NetServerSetInfo.
    fn server_set_info(&self, info: &ServerInfo) -> () = "NetServerSetInfo";
    /// NetServerDiskEnum.
    fn server_disk_enum(&self) -> Vec<String> = "NetServerDiskEnum";
    /// NetServerEnum (always 6118; see the module docs).
    fn server_enum_page(&self, level: u32, server_type: u32, domain: Option<&str>, resume: u32, pref_max_len: u32) -> Page<ServerInfo> = "NetServerEnum";
    /// NetServerComputerNameAdd.
    fn server_computer_name_add(&self, emulated_domain: Option<&str>, emulated_server: &str) -> () = "NetServerComputerNameAdd";
    /// NetServerComputerNameDel.
    fn server_computer_name_del(&self, emulated_server: &str) -> () = "NetServerComputerNameDel";
}

impl Client {
    /// NetServerGetInfo as level `T`.
    pub fn server_get_info<T: Level<Family = ServerInfo>>(&self) -> Result<T> {
        self.run("NetServerGetInfo", self.inner.server_get_info::<T>())
    }
}
