//! Sessions: NetSessionEnum, NetSessionGetInfo, NetSessionDel ([MS-SRVS] 3.1.4.5, 3.1.4.6).
//!
//! NetSessionGetInfo is NetrSessionEnum with the client and user filters, as Windows' netapi32
//! builds it; the first match is the answer, none is `NERR_ClientNameNotFound` (2312).
//!
//! The client and user filters are also applied here, after the server answered:
//! quirk(samba-4.17): Samba ignores both filters and returns every session. Client names compare
//! without leading backslashes (Samba reports `127.0.0.1`, Windows `\\127.0.0.1`), user names
//! without case, and a bare user name also matches `DOMAIN\user` (the Samba DC's form).
//! Samba serves levels 0 and 1 only (2, 10 and 502 → `ERROR_INVALID_LEVEL`).

use netapi_codes::WinError;
use netapi_msrpc::srvsvc as w;

use crate::client::blocking;
use crate::info::SessionInfo;
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH, Pages};
use crate::rpc::{self, args, levels, status};
use crate::{AsyncClient, Client, Error, Page, Result};

impl AsyncClient {
    /// NetSessionEnum: one page of sessions at `level`, optionally only those of `client`
    /// (`\\name` or an address) and/or `user`.
    pub async fn session_enum_page(
        &self,
        level: u32,
        client: Option<&str>,
        user: Option<&str>,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<SessionInfo>> {
        Ok(self
            .session_fetch(level, client, user, resume, pref_max_len)
            .await?
            .page)
    }

    /// One page of NetSessionEnum as the server sent it and as filtered here (see the module
    /// docs): the paging engine judges the first, the caller gets the second.
    async fn session_fetch(
        &self,
        level: u32,
        client: Option<&str>,
        user: Option<&str>,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Fetched<SessionInfo>> {
        const OP: &str = "NetSessionEnum";
        args::level(OP, level, SessionInfo::ENUM_LEVELS)?;
        check_filters(OP, client, user)?;
        let req = w::NetrSessionEnumRequest {
            server_name: Some(self.unc()),
            client_name: client.map(str::to_string),
            user_name: user.map(str::to_string),
            info_struct: w::SessionEnumStruct::request(level),
            prefered_maximum_length: pref_max_len,
            resume_handle: Some(resume),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        let outcome = status::check(OP, &resp)?;
        let items = levels::entries(OP, level, resp.info_struct.session_info)?;
        let page = paging::page(OP, outcome, items, resp.total_entries, resp.resume_handle)?;
        Fetched::from(page).try_map(|all| {
            Ok(all
                .into_iter()
                .filter(|s| matches(s, client, user))
                .collect())
        })
    }

    /// NetSessionEnum: every matching session at `level` (all pages).
    pub async fn session_enum_level(
        &self,
        level: u32,
        client: Option<&str>,
        user: Option<&str>,
    ) -> Result<Vec<SessionInfo>> {
        paging::collect("NetSessionEnum", async |resume| {
            self.session_fetch(level, client, user, resume, MAX_PREFERRED_LENGTH)
                .await
        })
        .await
    }

    /// NetSessionGetInfo: the session of `user` from `client`, at `level`.
    pub async fn session_get_info_level(
        &self,
        level: u32,
        client: &str,
        user: &str,
    ) -> Result<SessionInfo> {
        const OP: &str = "NetSessionGetInfo";
        args::level(OP, level, SessionInfo::GET_LEVELS)?;
        args::name(OP, "client name", client)?;
        args::name(OP, "user name", user)?;
        // Level 0 carries no user name to match on: ask for level 1 (served everywhere, Samba
        // included) and keep the client.
        let ask = if level == 0 { 1 } else { level };
        let found = self
            .session_enum_level(ask, Some(client), Some(user))
            .await
            .map_err(|e| e.with_op(OP))?
            .into_iter()
            .next()
            .ok_or_else(|| Error::win32_status(OP, WinError::NERR_ClientNameNotFound.0))?;
        Ok(match (level, found) {
            (0, s) => SessionInfo::L0(crate::info::SessionInfo0 {
                client_name: s.client_name().map(str::to_string),
            }),
            (_, s) => s,
        })
    }

    /// NetSessionDel: end the sessions of `client` and/or `user` (`None` = any). Samba wants
    /// the client as `\\address` and the user exactly as NetSessionEnum lists it.
    pub async fn session_del(&self, client: Option<&str>, user: Option<&str>) -> Result<()> {
        const OP: &str = "NetSessionDel";
        check_filters(OP, client, user)?;
        let req = w::NetrSessionDelRequest {
            server_name: Some(self.unc()),
            client_name: client.map(str::to_string),
            user_name: user.map(str::to_string),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)
    }
}

fn check_filters(op: &'static str, client: Option<&str>, user: Option<&str>) -> Result<()> {
    args::opt_text(op, "client name", client)?;
    args::opt_text(op, "user name", user)
}

/// Whether session `s` passes the client and user filters (see the module docs).
fn matches(s: &SessionInfo, client: Option<&str>, user: Option<&str>) -> bool {
    let bare = |n: &str| n.trim_start_matches('\\').to_ascii_lowercase();
    if let Some(c) = client.filter(|c| !c.is_empty()) {
        match s.client_name() {
            Some(have) if bare(have) == bare(c) => {}
            _ => return false,
        }
    }
    if let Some(u) = user.filter(|u| !u.is_empty()) {
        // Levels without a user name (0) cannot be filtered by user; keep them.
        if let Some(have) = s.user_name() {
            let have = have.to_lowercase();
            let want = u.to_lowercase();
            let tail = have.rsplit('\\').next().unwrap_or(&have);
            if have != want && tail != want {
                return false;
            }
        }
    }
    true
}

blocking! {
    /// NetSessionEnum: one page; see [`AsyncClient::session_enum_page`].
    fn session_enum_page(&self, level: u32, client: Option<&str>, user: Option<&str>, resume: u32, pref_max_len: u32) -> Page<SessionInfo> = "NetSessionEnum";
    /// NetSessionEnum: every matching session.
    fn session_enum_level(&self, level: u32, client: Option<&str>, user: Option<&str>) -> Vec<SessionInfo> = "NetSessionEnum";
    /// NetSessionGetInfo.
    fn session_get_info_level(&self, level: u32, client: &str, user: &str) -> SessionInfo = "NetSessionGetInfo";
    /// NetSessionDel.
    fn session_del(&self, client: Option<&str>, user: Option<&str>) -> () = "NetSessionDel";
}

impl Client {
    /// NetSessionEnum as an iterator over every matching session at `level`, one page at a time.
    pub fn session_enum_pages(
        &self,
        level: u32,
        client: Option<&str>,
        user: Option<&str>,
        pref_max_len: u32,
    ) -> Pages<SessionInfo> {
        let (this, client, user) = (
            self.clone(),
            client.map(str::to_string),
            user.map(str::to_string),
        );
        Pages::new("NetSessionEnum", move |resume| {
            this.run(
                "NetSessionEnum",
                this.inner.session_fetch(
                    level,
                    client.as_deref(),
                    user.as_deref(),
                    resume,
                    pref_max_len,
                ),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::info::{SessionInfo0, SessionInfo10};

    fn s10(client: &str, user: &str) -> SessionInfo {
        SessionInfo::L10(SessionInfo10 {
            client_name: Some(client.into()),
            user_name: Some(user.into()),
            ..Default::default()
        })
    }

    #[test]
    fn filters_match_as_windows_and_samba_spell_names() {
        let s = s10("127.0.0.1", "LABDOM\\netapiuser");
        assert!(matches(&s, Some("\\\\127.0.0.1"), Some("netapiuser")));
        assert!(matches(&s, Some("127.0.0.1"), Some("labdom\\NETAPIUSER")));
        assert!(matches(&s, None, None));
        assert!(!matches(&s, Some("\\\\127.0.0.9"), None));
        assert!(!matches(&s, None, Some("other")));
        let l0 = SessionInfo::L0(SessionInfo0 {
            client_name: Some("\\\\h".into()),
        });
        assert!(matches(&l0, Some("h"), Some("anyone")));
    }
}
