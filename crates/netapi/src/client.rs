//! The entry points: [`AsyncClient`] (tokio) and [`Client`] (blocking, for scripts, the CLI and
//! Python), both bound to one server.
//!
//! Creating a client does no I/O; the first call connects. Clients of the same server and
//! credentials share one TCP connection and SMB2 session (a process-wide pool), and each client
//! keeps bound pipes for reuse, so creating many clients is cheap. The NetApi functions
//! themselves are methods defined next to their family (`share.rs`, `server.rs`, ...).

use std::future::Future;
use std::sync::Arc;

use netapi_codes::WinError;

use crate::options::Options;
use crate::rpc::conn::Connector;
use crate::{Error, Result};

/// One page of an enumeration: what NetApi's `(buffer, entriesread, totalentries, resume)`
/// return, and what pywin32 returns as `(items, total, resume)`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Page<T> {
    /// The entries of this page.
    pub items: Vec<T>,
    /// The server's count of entries in the whole enumeration (an estimate on some servers).
    pub total: u32,
    /// Resume handle for the next page; 0 when this is the last page (as pywin32 reports it).
    pub resume: u32,
}

impl<T> Page<T> {
    /// True when no page follows.
    pub fn is_last(&self) -> bool {
        self.resume == 0
    }
}

/// An asynchronous NetApi client bound to one server. Cheap to clone; clones share pipes.
#[derive(Clone, Debug)]
pub struct AsyncClient {
    pub(crate) conn: Arc<Connector>,
}

impl AsyncClient {
    /// A client for `server` (`host`, `\\host`, an IPv4 or IPv6 address). No I/O happens here;
    /// a malformed name is rejected with `NERR_InvalidComputer` (2351).
    pub fn new(server: &str, options: Options) -> Result<Self> {
        let host = validate_server(server)?;
        Ok(AsyncClient {
            conn: Arc::new(Connector::new(host, options)),
        })
    }

    /// The server name as connected to (without leading backslashes).
    pub fn server(&self) -> &str {
        self.conn.server()
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        self.conn.options()
    }

    /// `\\server`, as NetApi calls pass the server name on the wire.
    pub(crate) fn unc(&self) -> String {
        format!("\\\\{}", self.conn.server())
    }

    /// Close the idle pipes of this client (the pooled SMB2 session stays for other clients).
    pub fn close_idle(&self) {
        self.conn.clear();
    }
}

/// A blocking NetApi client bound to one server: every method of [`AsyncClient`], run to
/// completion on the calling thread (see `blocking.rs` for how, and why). Use it from ordinary
/// threads, not from inside an async runtime (there, use [`AsyncClient`]).
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: AsyncClient,
}

impl Client {
    /// A client for `server`; see [`AsyncClient::new`].
    pub fn new(server: &str, options: Options) -> Result<Self> {
        Ok(Client {
            inner: AsyncClient::new(server, options)?,
        })
    }

    /// The asynchronous client underneath.
    pub fn as_async(&self) -> &AsyncClient {
        &self.inner
    }

    /// The server name as connected to.
    pub fn server(&self) -> &str {
        self.inner.server()
    }

    /// Close the idle pipes of this client.
    pub fn close_idle(&self) {
        self.inner.close_idle();
    }

    /// Run one call to completion on the calling thread ([`crate::blocking`]).
    pub(crate) fn run<T>(
        &self,
        op: &'static str,
        fut: impl Future<Output = Result<T>>,
    ) -> Result<T> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::usage(
                op,
                WinError::ERROR_INVALID_FUNCTION,
                "the blocking Client was called from inside an async runtime; use AsyncClient",
            ));
        }
        crate::blocking::run(fut)
    }
}

/// Close every pooled SMB2 session of this process (each logs off once no client holds a pipe
/// on it). Clients stay usable: their next call connects again. Use it to release server
/// resources early, e.g. before a long idle period or at interpreter shutdown.
pub fn disconnect_all() {
    crate::blocking::clear_pools();
}

/// Check a server name before anything is sent (what [`Client::new`] does): `host`, `\\host`, an
/// IPv4 address, or an IPv6 address (bare or in brackets). Returns the name without leading
/// backslashes; a malformed one is `NERR_InvalidComputer` (2351).
pub fn parse_server_name(server: &str) -> Result<String> {
    validate_server(server)
}

pub(crate) fn validate_server(server: &str) -> Result<String> {
    let host = server.strip_prefix("\\\\").unwrap_or(server);
    let bad = |why: &str| {
        Err(Error::usage(
            "connect",
            WinError::NERR_InvalidComputer,
            format!("invalid server name {server:?}: {why}"),
        ))
    };
    if host.is_empty() {
        return bad("empty (netapi has no local computer; give a server)");
    }
    if host.len() > 255 {
        return bad("longer than 255 characters");
    }
    if host.parse::<std::net::IpAddr>().is_ok() {
        return Ok(host.to_string());
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        if inner.parse::<std::net::Ipv6Addr>().is_ok() {
            return Ok(inner.to_string());
        }
        return bad("not an IPv6 address in brackets");
    }
    if let Some(c) = host
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '$')))
    {
        return bad(&format!("character {c:?} is not allowed in a host name"));
    }
    if host.starts_with('.') || host.ends_with("..") || host.contains("..") {
        return bad("empty label");
    }
    Ok(host.to_string())
}

/// Blocking versions of [`AsyncClient`] methods: `fn name(&self, args) -> T = "NetXxx";`
/// becomes a [`Client`] method running `AsyncClient::name(args)` on the calling thread; an error
/// of its own (called from inside a runtime) names the NetApi function, as every error does.
macro_rules! blocking {
    ($( $(#[$m:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty = $op:literal; )*) => {
        impl crate::Client {
            $(
                $(#[$m])*
                pub fn $name(&self $(, $arg: $ty)*) -> crate::Result<$ret> {
                    self.run($op, self.inner.$name($($arg),*))
                }
            )*
        }
    };
}
pub(crate) use blocking;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_names_are_checked_before_anything_is_sent() {
        assert_eq!(validate_server("\\\\FILESRV").unwrap(), "FILESRV");
        assert_eq!(validate_server("127.0.0.2").unwrap(), "127.0.0.2");
        assert_eq!(validate_server("[::1]").unwrap(), "::1");
        assert_eq!(
            validate_server("dc1.lab.example").unwrap(),
            "dc1.lab.example"
        );
        for bad in [
            "",
            "\\\\",
            "a b",
            "host/share",
            "\\\\\\\\x",
            "a..b",
            "x\0y",
            &"a".repeat(300),
        ] {
            let e = validate_server(bad).unwrap_err();
            assert_eq!(e.win32(), 2351, "{bad:?}");
        }
    }
}
