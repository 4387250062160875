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
//! server are two keys. Only deviceless `IPC$` uses exist so far; the workstation family grows
//! this into the full NetUse table ([`use_enum`] and [`use_get_info`] are its NetUseEnum and
//! NetUseGetInfo already). The table, the cached clients and their sessions belong to one
//! process: a `fork` child keeps the parent's uses (credentials) but makes its own sessions.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;

use netapi_auth::Credentials;
use netapi_codes::WinError;
use netapi_transport::smb::SmbSession;

use crate::blocking::{Driver, PerProcess};
use crate::options::Options;
use crate::{Client, Error, Kind, Result};

/// `USE_INFO_*.asg_type`: any type matching the remote resource.
pub const USE_WILDCARD: u32 = u32::MAX;
/// `USE_INFO_*.asg_type`: a disk share.
pub const USE_DISKDEV: u32 = 0;
/// `USE_INFO_*.asg_type`: a print queue.
pub const USE_SPOOLDEV: u32 = 1;
/// `USE_INFO_*.asg_type`: a serial device.
pub const USE_CHARDEV: u32 = 2;
/// `USE_INFO_*.asg_type`: interprocess communication (`IPC$`).
pub const USE_IPC: u32 = 3;
/// NetUseDel `ForceLevelFlags`: fail if files are open on the connection.
pub const USE_NOFORCE: u32 = 0;
/// NetUseDel `ForceLevelFlags`: close open files, then delete.
pub const USE_FORCE: u32 = 1;
/// NetUseDel `ForceLevelFlags`: close everything and delete even if in use.
pub const USE_LOTS_OF_FORCE: u32 = 2;
/// `USE_INFO_*.status`: the connection is valid.
pub const USE_OK: u32 = 0;

/// `USE_INFO_2`: one use, as NetUseGetInfo / NetUseEnum report it (pywin32's keys).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[doc(alias = "USE_INFO_2")]
pub struct UseInfo2 {
    /// `ui2_local`: the local device, `None` for a deviceless use.
    pub local: Option<String>,
    /// `ui2_remote`: `\\server\share` as given to NetUseAdd.
    pub remote: Option<String>,
    /// `ui2_password`: never reported.
    pub password: Option<String>,
    /// `ui2_status`: `USE_OK` (0) while the use exists.
    pub status: u32,
    /// `ui2_asg_type`: `USE_IPC` for the uses made here.
    pub asg_type: u32,
    /// `ui2_refcount`.
    pub refcount: u32,
    /// `ui2_usecount`: how many NetUseAdd calls made or repeated this use.
    pub usecount: u32,
    /// `ui2_username`.
    pub username: Option<String>,
    /// `ui2_domainname`.
    pub domainname: Option<String>,
}

/// One entry of the table.
struct Use {
    local: Option<String>,
    remote: String,
    /// The server key: no backslashes, lowercase.
    host: String,
    credentials: Credentials,
    /// `credentials.fingerprint()`, computed once.
    fingerprint: [u8; 32],
    asg_type: u32,
    usecount: u32,
    /// The session set up by NetUseAdd in this process (`None` in a fork child until NetUseDel,
    /// which logs off whatever session the child made with these credentials).
    session: Option<SmbSession>,
}

impl Use {
    fn info(&self) -> UseInfo2 {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        UseInfo2 {
            local: self.local.clone(),
            remote: Some(self.remote.clone()),
            password: None,
            status: USE_OK,
            asg_type: self.asg_type,
            refcount: 0,
            usecount: self.usecount,
            username: text(self.credentials.user()),
            domainname: text(self.credentials.domain()),
        }
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
                credentials: u.credentials.clone(),
                fingerprint: u.fingerprint,
                asg_type: u.asg_type,
                usecount: u.usecount,
                session: None,
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

/// NetUseAdd: make a deviceless use of `remote` (`\\server\IPC$`) as `credentials` (`None`:
/// [`default_credentials`]), setting up and keeping the SMB2 session now. Repeating a use with
/// the same credentials counts it again; other credentials for a server that has a use are
/// `ERROR_SESSION_CREDENTIAL_CONFLICT` (1219), as on Windows. A local device name or another
/// share is `ERROR_NOT_SUPPORTED` (50) for now; an `asg_type` other than `USE_IPC` or
/// `USE_WILDCARD` is `ERROR_BAD_DEV_TYPE` (66).
pub fn use_add(
    local: Option<&str>,
    remote: &str,
    credentials: Option<Credentials>,
    asg_type: u32,
) -> Result<()> {
    const OP: &str = "NetUseAdd";
    let (host, share) = split_remote(OP, remote)?;
    if local.is_some_and(|l| !l.is_empty()) {
        return Err(Error::usage(
            OP,
            WinError::ERROR_NOT_SUPPORTED,
            "only deviceless uses (local None) are supported",
        ));
    }
    if !share.eq_ignore_ascii_case("IPC$") {
        return Err(Error::usage(
            OP,
            WinError::ERROR_NOT_SUPPORTED,
            "only \\\\server\\IPC$ uses are supported so far",
        ));
    }
    if asg_type != USE_IPC && asg_type != USE_WILDCARD {
        return Err(Error::usage(
            OP,
            WinError::ERROR_BAD_DEV_TYPE,
            "an IPC$ use has asg_type USE_IPC (or USE_WILDCARD)",
        ));
    }
    let creds = credentials.or_else(default_credentials).ok_or_else(|| {
        Error::local(
            OP,
            Kind::Auth,
            WinError::ERROR_ACCESS_DENIED,
            "no user name given and no NETAPI_USER / NETAPI_PASSWORD set",
        )
    })?;
    let fingerprint = creds.fingerprint();
    // An existing use: count it again, or refuse other credentials.
    let repeat = |uses: &mut Vec<Use>| -> Option<Result<()>> {
        let u = uses.iter_mut().find(|u| u.host == host)?;
        if u.fingerprint == fingerprint {
            u.usecount += 1;
            Some(Ok(()))
        } else {
            Some(Err(Error::usage(
                OP,
                WinError::ERROR_SESSION_CREDENTIAL_CONFLICT,
                format!("\\\\{host} already has a use with other credentials"),
            )))
        }
    };
    if let Some(r) = repeat(&mut uses()) {
        return r;
    }
    let options = Options::new(creds.clone());
    let session = run(OP, async {
        Driver::Blocking
            .smb_pool()
            .session(&host, &creds, &options.smb)
            .await
            .map_err(|e| crate::rpc::errors::from_transport(OP, e))
    })?;
    let raced = {
        let mut table = uses();
        match repeat(&mut table) {
            Some(r) => Some(r),
            None => {
                table.push(Use {
                    local: None,
                    remote: remote.to_string(),
                    host: host.clone(),
                    credentials: creds.clone(),
                    fingerprint,
                    asg_type: USE_IPC,
                    usecount: 1,
                    session: Some(session),
                });
                None
            }
        }
    };
    match raced {
        // Another thread made the use while we connected: ours is not needed (or conflicts).
        Some(r) => {
            if r.is_err() {
                let _ = run(OP, async {
                    Driver::Blocking
                        .smb_pool()
                        .logoff(&host, &creds)
                        .await
                        .map_err(|e| crate::rpc::errors::from_transport(OP, e))
                });
            }
            r
        }
        None => {
            // Calls made before the use, with other credentials, must not keep using them.
            forget_clients(&host);
            Ok(())
        }
    }
}

/// NetUseDel: remove the use named `use_name` (its `\\server\share`, or its local device) and
/// log its session off now, also for calls in progress on it. Every force level
/// (`USE_NOFORCE`, `USE_FORCE`, `USE_LOTS_OF_FORCE`) does that for an IPC$ use; another value is
/// `ERROR_INVALID_PARAMETER` (87), an unknown use `NERR_UseNotFound` (2250).
pub fn use_del(use_name: &str, force: u32) -> Result<()> {
    const OP: &str = "NetUseDel";
    if force > USE_LOTS_OF_FORCE {
        return Err(Error::usage(
            OP,
            WinError::ERROR_INVALID_PARAMETER,
            format!("force level {force} is not USE_NOFORCE, USE_FORCE or USE_LOTS_OF_FORCE"),
        ));
    }
    let removed = {
        let mut table = uses();
        let by_remote = split_remote(OP, use_name).ok();
        let i = table.iter().position(|u| match &by_remote {
            Some((host, share)) => {
                u.host == *host
                    && u.remote
                        .rsplit('\\')
                        .next()
                        .is_some_and(|s| s.eq_ignore_ascii_case(share))
            }
            None => u
                .local
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case(use_name)),
        });
        i.map(|i| table.remove(i))
    };
    let Some(removed) = removed else {
        return Err(Error::win32_status(OP, WinError::NERR_UseNotFound.0)
            .with_detail(format!("no use named {use_name:?}")));
    };
    forget_clients(&removed.host);
    // The server forgets the session whatever it answers: a failure here is not the caller's.
    let _ = run(OP, async {
        let pool = Driver::Blocking.smb_pool();
        let _ = pool.logoff(&removed.host, &removed.credentials).await;
        if let Some(s) = removed.session.filter(SmbSession::is_alive) {
            let _ = s.logoff().await;
        }
        Ok(())
    });
    Ok(())
}

/// NetUseEnum: every use of this process, in the order they were made.
pub fn use_enum() -> Vec<UseInfo2> {
    uses().iter().map(Use::info).collect()
}

/// NetUseGetInfo: the use named `use_name` (`\\server\share` or its local device).
pub fn use_get_info(use_name: &str) -> Result<UseInfo2> {
    const OP: &str = "NetUseGetInfo";
    let by_remote = split_remote(OP, use_name).ok();
    uses()
        .iter()
        .find(|u| match &by_remote {
            Some((host, _)) => u.host == *host,
            None => u
                .local
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case(use_name)),
        })
        .map(Use::info)
        .ok_or_else(|| Error::win32_status(OP, WinError::NERR_UseNotFound.0))
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
        let e = use_add(None, "\\\\h\\data", creds(), USE_WILDCARD).unwrap_err();
        assert_eq!((e.win32(), e.op()), (50, "NetUseAdd"));
        let e = use_add(Some("Z:"), "\\\\h\\IPC$", creds(), USE_IPC).unwrap_err();
        assert_eq!(e.win32(), 50);
        let e = use_add(None, "\\\\h\\IPC$", creds(), USE_DISKDEV).unwrap_err();
        assert_eq!(e.win32(), 66);
        let e = use_del("\\\\nowhere\\IPC$", USE_LOTS_OF_FORCE).unwrap_err();
        assert_eq!((e.win32(), e.op()), (2250, "NetUseDel"));
        assert_eq!(use_del("\\\\h\\IPC$", 3).unwrap_err().win32(), 87);
        assert!(use_get_info("\\\\nowhere\\IPC$").is_err());
    }
}
