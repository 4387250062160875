//! The process's uses: NetUseAdd / NetUseDel, and which credentials reach which server.
//!
//! On Windows, `NetUseAdd(NULL, 2, {remote: "\\server\IPC$", username, password, domainname,
//! asg_type: USE_IPC})` — what `net use \\server\IPC$ /user:DOM\name` runs — authenticates the
//! process's workstation to that server once; every later NetApi call to that server goes over
//! that session with those credentials, until NetUseDel removes the use. This module is that
//! table for netapi, in every OS: [`use_add`] sets up the SMB2 session at once (so a wrong
//! password fails there, with 1326) and keeps it; [`client`] is the [`Client`] a NetApi call to a
//! server uses: the credentials of the server's use, else the process defaults
//! ([`default_credentials`]: `NETAPI_USER`, `NETAPI_PASSWORD` or `NETAPI_NT_HASH`,
//! `NETAPI_DOMAIN`), else `ERROR_ACCESS_DENIED` (5) before anything is sent; [`use_del`] forgets
//! the use and logs the session off (it leaves the server's session list at once).
//!
//! Servers are keyed by name as given, without leading backslashes and case-insensitively
//! (`\\FILESRV`, `filesrv`), as Windows keys its sessions: a name and an address of the same
//! server are two keys. Every use of a server shares its credentials and its SMB2 session.
//!
//! The table is the NetUse table ([MS-WKST] 2.2.5.21–2.2.5.24 for the levels): a use of a disk
//! share (`\\server\share`) is a tree connect of that session, kept until NetUseDel; a local
//! device name (`Z:`, `LPT1:`) is `ERROR_NOT_SUPPORTED` (50), since netapi has no redirector to
//! map it on. [`use_enum_level`] / [`use_get_info_level`] report the status as Windows does
//! (`USE_OK`, `USE_DISCONN` once the session is gone), `refcount` as the handles open through the
//! connection (RPC pipes of calls in progress; netapi opens no files on disk shares) and
//! `usecount` as how many NetUseAdd calls made it. NetUseDel with `USE_NOFORCE` or `USE_FORCE`
//! (the same, as [MS-WKST] 3.2.4.9 says) refuses while handles are open (`ERROR_OPEN_FILES`,
//! 2401); `USE_LOTS_OF_FORCE` closes them. The session is logged off when the server's last use
//! goes. Nothing is kept across processes. The table, the cached clients and their sessions
//! belong to one process: a `fork` child keeps the parent's uses (credentials) but makes its own
//! sessions.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;

use netapi_auth::Credentials;
use netapi_codes::WinError;
use netapi_transport::smb::{SmbSession, Tree};

use crate::blocking::{Driver, PerProcess};
use crate::info::{UseInfo, UseInfo0, UseInfo1, UseInfo2, UseInfo3};
use crate::options::Options;
use crate::rpc::args;
use crate::{Client, Error, Kind, Result};

/// The `asg_type`, `status` and force-level values, from the levels' module.
pub use crate::info::{
    USE_CHARDEV, USE_DISCONN, USE_DISKDEV, USE_FORCE, USE_IPC, USE_LOTS_OF_FORCE, USE_NOFORCE,
    USE_OK, USE_SPOOLDEV, USE_WILDCARD,
};

/// One entry of the table.
struct Use {
    local: Option<String>,
    remote: String,
    /// The server key: no backslashes, lowercase.
    host: String,
    /// The share, as given.
    share: String,
    credentials: Credentials,
    /// `credentials.fingerprint()`, computed once.
    fingerprint: [u8; 32],
    asg_type: u32,
    usecount: u32,
    /// The session set up by NetUseAdd in this process (`None` in a fork child until NetUseDel,
    /// which logs off whatever session the child made with these credentials).
    session: Option<SmbSession>,
    /// A disk or print use's tree connect (`None` for `IPC$`, and in a fork child).
    tree: Option<Tree>,
}

impl Use {
    fn is(&self, host: &str, share: &str) -> bool {
        self.host == host && self.share.eq_ignore_ascii_case(share)
    }

    /// The use at `level`, with its status and open handles (`refcount`) now.
    fn info(&self, level: u32, table: &[Use]) -> UseInfo {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let alive = self.session.as_ref().is_some_and(SmbSession::is_alive)
            && self.tree.as_ref().is_none_or(|t| t.session().is_alive());
        let l3 = UseInfo3 {
            local: self.local.clone(),
            remote: Some(self.remote.clone()),
            password: None,
            status: if alive { USE_OK } else { USE_DISCONN },
            asg_type: self.asg_type,
            refcount: if alive { self.open_handles(table) } else { 0 },
            usecount: self.usecount,
            username: text(self.credentials.user()),
            domainname: text(self.credentials.domain()),
            flags: 0,
        };
        match level {
            0 => UseInfo0 {
                local: l3.local,
                remote: l3.remote,
            }
            .into(),
            1 => UseInfo1 {
                local: l3.local,
                remote: l3.remote,
                password: None,
                status: l3.status,
                asg_type: l3.asg_type,
                refcount: l3.refcount,
                usecount: l3.usecount,
            }
            .into(),
            2 => UseInfo2 {
                local: l3.local,
                remote: l3.remote,
                password: None,
                status: l3.status,
                asg_type: l3.asg_type,
                refcount: l3.refcount,
                usecount: l3.usecount,
                username: l3.username,
                domainname: l3.domainname,
            }
            .into(),
            _ => l3.into(),
        }
    }

    /// Handles open through an `IPC$` use's session beyond the table's own and the pool's:
    /// the pipes of calls in progress (idle pipes are closed first, see [`close_idle`]). A disk
    /// use has none: netapi opens no files on it.
    fn open_handles(&self, table: &[Use]) -> u32 {
        let Some(s) = self.session.as_ref().filter(|_| self.tree.is_none()) else {
            return 0;
        };
        let ours = table
            .iter()
            .map(|u| {
                usize::from(u.session.as_ref().is_some_and(|x| x.same_as(s)))
                    + usize::from(u.tree.as_ref().is_some_and(|t| t.session().same_as(s)))
            })
            .sum::<usize>();
        let pooled = usize::from(Driver::Blocking.smb_pool().holds(s));
        u32::try_from(s.holders().saturating_sub(ours + pooled)).unwrap_or(u32::MAX)
    }
}

/// This process's uses and the clients made for calls.
#[derive(Default)]
struct State {
    uses: Mutex<Vec<Use>>,
    /// Clients by (server key, credential fingerprint): each keeps its bound pipes for reuse.
    clients: Mutex<HashMap<(String, [u8; 32]), Client>>,
}

fn state() -> &'static State {
    static STATE: PerProcess<State> = PerProcess::new();
    STATE.get(|parent| {
        let fresh = State::default();
        // A fork child keeps the uses (credentials) but none of the parent's sessions or
        // clients: those talk over the parent's sockets. If a thread of the parent held the
        // table at the moment of the fork, the child starts without uses rather than hang.
        if let Some(Ok(uses)) = parent.map(|p| p.uses.try_lock()) {
            let copied = uses.iter().map(|u| Use {
                local: u.local.clone(),
                remote: u.remote.clone(),
                host: u.host.clone(),
                share: u.share.clone(),
                credentials: u.credentials.clone(),
                fingerprint: u.fingerprint,
                asg_type: u.asg_type,
                usecount: u.usecount,
                session: None,
                tree: None,
            });
            fresh
                .uses
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend(copied);
        }
        fresh
    })
}

fn uses() -> std::sync::MutexGuard<'static, Vec<Use>> {
    state().uses.lock().unwrap_or_else(|p| p.into_inner())
}

fn clients() -> std::sync::MutexGuard<'static, HashMap<(String, [u8; 32]), Client>> {
    state().clients.lock().unwrap_or_else(|p| p.into_inner())
}

/// The server key of `server` (`\\host`, `host` or an address), checked as [`Client::new`] does.
fn host_key(op: &'static str, server: &str) -> Result<String> {
    crate::parse_server_name(server)
        .map(|h| h.to_ascii_lowercase())
        .map_err(|e| e.with_op(op))
}

/// `\\server\share` → (server, share).
fn split_remote(op: &'static str, remote: &str) -> Result<(String, String)> {
    let bad = || {
        Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("{remote:?} is not a \\\\server\\share name"),
        )
    };
    let rest = remote.strip_prefix("\\\\").ok_or_else(bad)?;
    let (server, share) = rest.split_once('\\').ok_or_else(bad)?;
    if share.is_empty() || share.contains('\\') {
        return Err(bad());
    }
    Ok((host_key(op, server)?, share.to_string()))
}

/// The credentials a process uses when it made no use for a server: `NETAPI_USER`
/// (`[DOMAIN\]user`), `NETAPI_PASSWORD` or `NETAPI_NT_HASH`, and `NETAPI_DOMAIN` when the user
/// name has no domain (as the `netapi` CLI reads them). `None` when no user or no secret is set.
pub fn default_credentials() -> Option<Credentials> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let given = env("NETAPI_USER")?;
    let (prefix, user) = match given.split_once('\\') {
        Some((d, u)) => (Some(d.to_string()), u.to_string()),
        None => (None, given),
    };
    let domain = prefix.or_else(|| env("NETAPI_DOMAIN")).unwrap_or_default();
    if let Some(hash) = env("NETAPI_NT_HASH") {
        return Credentials::nt_hash(&domain, &user, &hash).ok();
    }
    let password = std::env::var("NETAPI_PASSWORD").ok()?;
    Some(Credentials::password(&domain, &user, &password))
}

/// The credentials calls to `server` use: those of its use, else [`default_credentials`].
pub fn credentials(server: &str) -> Option<Credentials> {
    let host = host_key("NetUseGetInfo", server).ok()?;
    let from_use = uses()
        .iter()
        .find(|u| u.host == host)
        .map(|u| u.credentials.clone());
    from_use.or_else(default_credentials)
}

/// The client for NetApi function `op` on `server`, with the credentials of [`credentials`].
/// Clients are kept per server and credentials, so their bound pipes are reused. No
/// credentials at all is `ERROR_ACCESS_DENIED` (5), before anything is sent.
pub fn client(op: &'static str, server: &str) -> Result<Client> {
    let host = host_key(op, server)?;
    let used = uses()
        .iter()
        .find(|u| u.host == host)
        .map(|u| u.fingerprint);
    // The credentials themselves are only needed to make a client (the first call).
    let (fingerprint, defaults) = match used {
        Some(fingerprint) => (fingerprint, None),
        None => {
            let creds = default_credentials().ok_or_else(|| {
                Error::local(
                    op,
                    Kind::Auth,
                    WinError::ERROR_ACCESS_DENIED,
                    format!(
                        "no credentials for {server:?}: make a use of \\\\{host}\\IPC$ \
                         (NetUseAdd) or set NETAPI_USER and NETAPI_PASSWORD"
                    ),
                )
            })?;
            (creds.fingerprint(), Some(creds))
        }
    };
    let key = (host, fingerprint);
    if let Some(c) = clients().get(&key) {
        return Ok(c.clone());
    }
    let creds = match defaults {
        Some(creds) => creds,
        None => match uses().iter().find(|u| u.host == key.0) {
            Some(u) => u.credentials.clone(),
            // The use went away meanwhile (NetUseDel on another thread).
            None => return client(op, server),
        },
    };
    let client = Client::new(server, Options::new(creds)).map_err(|e| e.with_op(op))?;
    Ok(clients().entry(key).or_insert(client).clone())
}

/// Run `fut` on the blocking runtime (see [`Client`] for why not inside another runtime).
fn run<T>(op: &'static str, fut: impl Future<Output = Result<T>>) -> Result<T> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_FUNCTION,
            "netapi::uses was called from inside an async runtime",
        ));
    }
    crate::blocking::run(fut)
}

/// Drop the cached clients of server `host` (their idle pipes close).
fn forget_clients(host: &str) {
    let gone: Vec<Client> = {
        let mut map = clients();
        let keys: Vec<_> = map.keys().filter(|k| k.0 == host).cloned().collect();
        keys.iter().filter_map(|k| map.remove(k)).collect()
    };
    drop(gone);
}

/// Close the idle pipes of the cached clients of server `host` (so that what stays open are
/// the pipes of calls in progress).
fn close_idle(host: &str) {
    let open: Vec<Client> = clients()
        .iter()
        .filter(|(k, _)| k.0 == host)
        .map(|(_, c)| c.clone())
        .collect();
    for c in open {
        c.close_idle();
    }
}

/// A local device name NetUseAdd was given: a drive (`Z:`) or a printer / serial port
/// (`LPT1:`, `COM1:`) has no redirector here (`ERROR_NOT_SUPPORTED`, 50); anything else is not
/// a device name (`ERROR_BAD_DEVICE`, 1200).
fn check_local(op: &'static str, local: &str) -> Result<()> {
    let upper = local.to_ascii_uppercase();
    let port = |prefix: &str| {
        upper
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(':'))
            .and_then(|n| n.parse::<u8>().ok())
            .is_some_and(|n| (1..=9).contains(&n))
    };
    let drive =
        upper.len() == 2 && upper.ends_with(':') && upper.as_bytes()[0].is_ascii_uppercase();
    if drive || port("LPT") || port("COM") {
        Err(Error::usage(
            op,
            WinError::ERROR_NOT_SUPPORTED,
            format!(
                "netapi has no redirector to map {local} on: make a deviceless use (local None)"
            ),
        ))
    } else {
        Err(Error::usage(
            op,
            WinError::ERROR_BAD_DEVICE,
            format!("{local:?} is not a local device name"),
        ))
    }
}

/// The `asg_type` of an SMB2 share type (`TREE_CONNECT` response `ShareType`).
fn asg_of_share_type(t: u8) -> u32 {
    match t {
        1 => USE_DISKDEV,
        3 => USE_SPOOLDEV,
        _ => USE_IPC,
    }
}

/// NetUseAdd: make a deviceless use of `remote` (`\\server\IPC$` or a disk or print share
/// `\\server\share`) as `credentials` (`None`: those of the server's existing use, else
/// [`default_credentials`]). The SMB2 session is
/// set up now (a wrong password fails here, with 1326) and kept; a share other than `IPC$` is
/// connected now (`NERR_BadNetName`-like server answers come back as they are). Repeating a use
/// with the same credentials counts it again; other credentials for a server that has a use are
/// `ERROR_SESSION_CREDENTIAL_CONFLICT` (1219), as on Windows. A local device name is refused
/// ([`check_local`]); an `asg_type` that does not match the share (`USE_IPC` for `IPC$`,
/// `USE_DISKDEV` for a disk, `USE_SPOOLDEV` for a printer, or `USE_WILDCARD`) is
/// `ERROR_BAD_DEV_TYPE` (66).
pub fn use_add(
    local: Option<&str>,
    remote: &str,
    credentials: Option<Credentials>,
    asg_type: u32,
) -> Result<()> {
    const OP: &str = "NetUseAdd";
    let (host, share) = split_remote(OP, remote)?;
    if let Some(l) = local.filter(|l| !l.is_empty()) {
        args::text(OP, "local device name", l)?;
        check_local(OP, l)?;
    }
    let ipc = share.eq_ignore_ascii_case("IPC$");
    let bad_type = match asg_type {
        USE_WILDCARD => false,
        USE_IPC => !ipc,
        USE_DISKDEV | USE_SPOOLDEV => ipc,
        _ => true,
    };
    if bad_type {
        return Err(Error::usage(
            OP,
            WinError::ERROR_BAD_DEV_TYPE,
            format!("asg_type {asg_type} does not fit {remote}"),
        ));
    }
    // No credentials given: those of the server's existing use (its session is shared), else
    // the process defaults.
    let of_server = || {
        uses()
            .iter()
            .find(|u| u.host == host)
            .map(|u| u.credentials.clone())
    };
    let creds = credentials
        .or_else(of_server)
        .or_else(default_credentials)
        .ok_or_else(|| {
            Error::local(
                OP,
                Kind::Auth,
                WinError::ERROR_ACCESS_DENIED,
                "no user name given and no NETAPI_USER / NETAPI_PASSWORD set",
            )
        })?;
    let fingerprint = creds.fingerprint();
    // An existing use of the server: count this one again, or refuse other credentials.
    let repeat = |uses: &mut Vec<Use>| -> Option<Result<()>> {
        let conflict = uses
            .iter()
            .any(|u| u.host == host && u.fingerprint != fingerprint);
        if conflict {
            return Some(Err(Error::usage(
                OP,
                WinError::ERROR_SESSION_CREDENTIAL_CONFLICT,
                format!("\\\\{host} already has a use with other credentials"),
            )));
        }
        let u = uses.iter_mut().find(|u| u.is(&host, &share))?;
        u.usecount += 1;
        Some(Ok(()))
    };
    if let Some(r) = repeat(&mut uses()) {
        return r;
    }
    let options = Options::new(creds.clone());
    let (session, tree) = run(OP, async {
        let session = Driver::Blocking
            .smb_pool()
            .session(&host, &creds, &options.smb)
            .await
            .map_err(|e| crate::rpc::errors::from_transport(OP, e))?;
        let tree = if ipc {
            None
        } else {
            Some(
                session
                    .connect_tree(&share)
                    .await
                    .map_err(|e| crate::rpc::errors::from_transport(OP, e))?,
            )
        };
        Ok((session, tree))
    })?;
    let actual = tree
        .as_ref()
        .map_or(USE_IPC, |t| asg_of_share_type(t.share_type()));
    if asg_type != USE_WILDCARD && asg_type != actual {
        return Err(Error::usage(
            OP,
            WinError::ERROR_BAD_DEV_TYPE,
            format!("{remote} is not of asg_type {asg_type} (the server says {actual})"),
        ));
    }
    let first_of_server = {
        let mut table = uses();
        match repeat(&mut table) {
            // Another thread made the use while we connected: ours is not needed.
            Some(r) => return r,
            None => {
                let first = table.iter().all(|u| u.host != host);
                table.push(Use {
                    local: None,
                    remote: remote.to_string(),
                    host: host.clone(),
                    share: share.clone(),
                    credentials: creds,
                    fingerprint,
                    asg_type: actual,
                    usecount: 1,
                    session: Some(session),
                    tree,
                });
                first
            }
        }
    };
    if first_of_server {
        // Calls made before the use, with other credentials, must not keep using them.
        forget_clients(&host);
    }
    Ok(())
}

/// NetUseDel: remove the use named `use_name` (its `\\server\share`, or its local device).
/// `USE_NOFORCE` and `USE_FORCE` refuse while handles are open through it (`ERROR_OPEN_FILES`,
/// 2401); `USE_LOTS_OF_FORCE` closes them. A disk use's tree is disconnected; the session is
/// logged off when the server's last use goes (it leaves the server's session list at once),
/// also for calls in progress on it. Another force level is `ERROR_INVALID_PARAMETER` (87), an
/// unknown use `NERR_UseNotFound` (2250).
pub fn use_del(use_name: &str, force: u32) -> Result<()> {
    const OP: &str = "NetUseDel";
    crate::wksta::force_level(OP, force)?;
    let by_remote = split_remote(OP, use_name).ok();
    let matches = |u: &Use| match &by_remote {
        Some((host, share)) => u.is(host, share),
        None => u
            .local
            .as_deref()
            .is_some_and(|l| l.eq_ignore_ascii_case(use_name)),
    };
    let host = uses().iter().find(|u| matches(u)).map(|u| u.host.clone());
    let Some(host) = host else {
        return Err(Error::win32_status(OP, WinError::NERR_UseNotFound.0)
            .with_detail(format!("no use named {use_name:?}")));
    };
    if force != USE_LOTS_OF_FORCE {
        close_idle(&host);
    }
    let (removed, last) = {
        let mut table = uses();
        let Some(i) = table.iter().position(matches) else {
            return Err(Error::win32_status(OP, WinError::NERR_UseNotFound.0));
        };
        let open = table[i].open_handles(&table);
        if force != USE_LOTS_OF_FORCE && open > 0 {
            return Err(Error::usage(
                OP,
                WinError::ERROR_OPEN_FILES,
                format!("{open} handle(s) open through {use_name}: use USE_LOTS_OF_FORCE"),
            ));
        }
        let removed = table.remove(i);
        let last = table.iter().all(|u| u.host != removed.host);
        (removed, last)
    };
    // The server forgets the session whatever it answers: a failure here is not the caller's.
    let _ = run(OP, async {
        if let Some(tree) = removed.tree {
            let _ = tree.disconnect().await;
        }
        if last {
            forget_clients(&removed.host);
            let pool = Driver::Blocking.smb_pool();
            let _ = pool.logoff(&removed.host, &removed.credentials).await;
            if let Some(s) = removed.session.filter(SmbSession::is_alive) {
                let _ = s.logoff().await;
            }
        }
        Ok(())
    });
    Ok(())
}

/// NetUseEnum: every use of this process at `level` (0, 1 or 2), in the order they were made.
pub fn use_enum_level(level: u32) -> Result<Vec<UseInfo>> {
    args::level("NetUseEnum", level, UseInfo::ENUM_LEVELS)?;
    let hosts: Vec<String> = uses().iter().map(|u| u.host.clone()).collect();
    for h in hosts {
        close_idle(&h);
    }
    let table = uses();
    Ok(table.iter().map(|u| u.info(level, &table)).collect())
}

/// NetUseEnum at level 2.
pub fn use_enum() -> Vec<UseInfo2> {
    use_enum_level(2)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|u| match u {
            UseInfo::L2(u) => Some(u),
            _ => None,
        })
        .collect()
}

/// NetUseGetInfo: the use named `use_name` (`\\server\share` or its local device) at `level`
/// (0–3).
pub fn use_get_info_level(use_name: &str, level: u32) -> Result<UseInfo> {
    const OP: &str = "NetUseGetInfo";
    args::level(OP, level, UseInfo::GET_LEVELS)?;
    let by_remote = split_remote(OP, use_name).ok();
    if let Some((host, _)) = &by_remote {
        close_idle(host);
    }
    let table = uses();
    table
        .iter()
        .find(|u| match &by_remote {
            Some((host, share)) => u.is(host, share),
            None => u
                .local
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case(use_name)),
        })
        .map(|u| u.info(level, &table))
        .ok_or_else(|| Error::win32_status(OP, WinError::NERR_UseNotFound.0))
}

/// NetUseGetInfo at level 2.
pub fn use_get_info(use_name: &str) -> Result<UseInfo2> {
    match use_get_info_level(use_name, 2)? {
        UseInfo::L2(u) => Ok(u),
        other => Err(crate::rpc::levels::wrong_level(
            "NetUseGetInfo",
            2,
            i128::from(other.level()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_names_split_into_server_key_and_share() {
        assert_eq!(
            split_remote("NetUseAdd", "\\\\FILESRV\\IPC$").unwrap(),
            ("filesrv".to_string(), "IPC$".to_string())
        );
        assert_eq!(
            split_remote("NetUseAdd", "\\\\127.0.0.2\\ipc$").unwrap().0,
            "127.0.0.2"
        );
        for bad in [
            "FILESRV\\IPC$",
            "\\\\FILESRV",
            "\\\\FILESRV\\",
            "\\\\a b\\IPC$",
        ] {
            assert!(split_remote("NetUseAdd", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn uses_are_checked_before_anything_is_sent() {
        let creds = || Some(Credentials::password("D", "u", "p"));
        let e = use_add(Some("Z:"), "\\\\h\\data", creds(), USE_WILDCARD).unwrap_err();
        assert_eq!((e.win32(), e.op()), (50, "NetUseAdd"));
        let e = use_add(Some("lpt1:"), "\\\\h\\IPC$", creds(), USE_IPC).unwrap_err();
        assert_eq!(e.win32(), 50);
        let e = use_add(Some("nodevice"), "\\\\h\\IPC$", creds(), USE_IPC).unwrap_err();
        assert_eq!(e.win32(), 1200);
        let e = use_add(None, "\\\\h\\IPC$", creds(), USE_DISKDEV).unwrap_err();
        assert_eq!(e.win32(), 66);
        let e = use_add(None, "\\\\h\\data", creds(), USE_IPC).unwrap_err();
        assert_eq!(e.win32(), 66);
        assert_eq!(use_enum_level(3).unwrap_err().win32(), 124);
        assert_eq!(
            use_get_info_level("\\\\h\\IPC$", 4).unwrap_err().win32(),
            124
        );
        let e = use_del("\\\\nowhere\\IPC$", USE_LOTS_OF_FORCE).unwrap_err();
        assert_eq!((e.win32(), e.op()), (2250, "NetUseDel"));
        assert_eq!(use_del("\\\\h\\IPC$", 3).unwrap_err().win32(), 87);
        assert!(use_get_info("\\\\nowhere\\IPC$").is_err());
    }
}
