//! The messenger: NetMessageNameAdd, NetMessageNameEnum, NetMessageNameDel ([MS-MSRP] 3.1.4,
//! `\PIPE\msgsvc`) and NetMessageBufferSend.
//!
//! **NetMessageBufferSend** is not sent: [MS-MSRP] delivers a message with NetrSendMessage
//! (3.2.4.1) over connectionless RPC on UDP (`ncadg_ip_udp`), which netapi does not speak, and
//! Windows since Vista answers `ERROR_NOT_SUPPORTED` (50) itself, since it has no messenger. So
//! does netapi, after checking the arguments.
//! quirk(samba-4.17): no Samba role has the messenger pipe, reported as Windows does for a
//! service that is not started (`NERR_ServiceNotInstalled`, 2184; `rpc::translate`).

use netapi_codes::WinError;
use netapi_msrpc::msgsvc as m;

use crate::client::blocking;
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH};
use crate::rpc::{self, args, levels, status};
use crate::{AsyncClient, Error, Kind, Page, Result};

impl AsyncClient {
    /// NetMessageNameAdd: make the server's messenger accept messages for `name`.
    pub async fn message_name_add(&self, name: &str) -> Result<()> {
        const OP: &str = "NetMessageNameAdd";
        args::name(OP, "message name", name)?;
        let req = m::NetrMessageNameAddRequest {
            server_name: Some(self.unc()),
            msg_name: name.to_string(),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetMessageNameDel: remove the message name `name`.
    pub async fn message_name_del(&self, name: &str) -> Result<()> {
        const OP: &str = "NetMessageNameDel";
        args::name(OP, "message name", name)?;
        let req = m::NetrMessageNameDelRequest {
            server_name: Some(self.unc()),
            msg_name: name.to_string(),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }

    /// NetMessageNameEnum: one page of the message names (level 0, the names alone).
    pub async fn message_name_enum_page(
        &self,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<String>> {
        const OP: &str = "NetMessageNameEnum";
        let req = m::NetrMessageNameEnumRequest {
            server_name: Some(self.unc()),
            info_struct: m::MsgEnumStruct::request(0),
            pref_max_len,
            resume_handle: Some(resume),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        let outcome = status::check(OP, &resp)?;
        let names = match resp.info_struct.msg_info {
            m::MsgEnumUnion::L0(c) => c.and_then(|c| c.buffer).unwrap_or_default(),
            other => {
                use netapi_ndr::NdrUnion;
                return Err(levels::wrong_level(OP, 0, other.discriminant()));
            }
        };
        let names = names
            .into_iter()
            .map(|i| i.name.unwrap_or_default())
            .collect();
        paging::page(OP, outcome, names, resp.total_entries, resp.resume_handle)
    }

    /// NetMessageNameEnum: every message name (all pages, as pywin32 loops).
    pub async fn message_name_enum(&self) -> Result<Vec<String>> {
        paging::collect("NetMessageNameEnum", async |resume| {
            self.message_name_enum_page(resume, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }

    /// NetMessageBufferSend: `ERROR_NOT_SUPPORTED` (50) once the arguments check out (see the
    /// module docs); nothing is sent.
    pub async fn message_buffer_send(
        &self,
        to: &str,
        from: Option<&str>,
        message: &[u8],
    ) -> Result<()> {
        const OP: &str = "NetMessageBufferSend";
        args::name(OP, "message name", to)?;
        args::opt_text(OP, "sender name", from)?;
        if message.len() > 0xFFFF_FFFF {
            return Err(Error::usage(
                OP,
                WinError::ERROR_INVALID_PARAMETER,
                "the message is longer than a DWORD can count",
            ));
        }
        Err(Error::local(
            OP,
            Kind::Transport,
            WinError::ERROR_NOT_SUPPORTED,
            "messages travel as [MS-MSRP] NetrSendMessage over connectionless RPC on UDP, which \
             netapi does not speak (Windows since Vista has no messenger either)",
        ))
    }
}

blocking! {
    /// NetMessageNameAdd.
    fn message_name_add(&self, name: &str) -> () = "NetMessageNameAdd";
    /// NetMessageNameDel.
    fn message_name_del(&self, name: &str) -> () = "NetMessageNameDel";
    /// NetMessageNameEnum: one page.
    fn message_name_enum_page(&self, resume: u32, pref_max_len: u32) -> Page<String> = "NetMessageNameEnum";
    /// NetMessageNameEnum: every name.
    fn message_name_enum(&self) -> Vec<String> = "NetMessageNameEnum";
    /// NetMessageBufferSend (always 50; see the module docs).
    fn message_buffer_send(&self, to: &str, from: Option<&str>, message: &[u8]) -> () = "NetMessageBufferSend";
}
