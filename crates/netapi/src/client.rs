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

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages of `sizes` entries numbered from 0, then `end` (Ok: last page; Err: a failure).
    fn pages(sizes: &'static [u32], fail_after: Option<usize>) -> Pages<u32> {
        let mut next = 0usize;
        Pages::new(move |_resume| {
            if fail_after == Some(next) {
                return Err(Error::win32_status("NetShareEnum", 2114));
            }
            let first: u32 = sizes[..next].iter().sum();
            let items = (first..first + sizes[next]).collect();
            next += 1;
            let resume = if next == sizes.len() {
                0
            } else {
                7 + next as u32
            };
            Ok(Page {
                items,
                total: sizes.iter().sum(),
                resume,
            })
        })
    }

    #[test]
    fn collect_all_moves_whole_pages_in_order() {
        assert_eq!(pages(&[3], None).collect_all().unwrap(), vec![0, 1, 2]);
        let all = pages(&[2, 3, 1], None).collect_all().unwrap();
        assert_eq!(all, (0..6).collect::<Vec<_>>());
        assert_eq!(
            all,
            pages(&[2, 3, 1], None)
                .map(Result::unwrap)
                .collect::<Vec<_>>()
        );
        // After some entries were taken one by one, the rest follow.
        let mut it = pages(&[2, 3], None);
        assert_eq!(it.next().unwrap().unwrap(), 0);
        assert_eq!(it.collect_all().unwrap(), vec![1, 2, 3, 4]);
    }

    #[test]
    fn collect_all_stops_at_the_first_failure() {
        let e = pages(&[2, 3, 1], Some(1)).collect_all().unwrap_err();
        assert_eq!(e.win32(), 2114);
        let items: Vec<_> = pages(&[2, 3, 1], Some(1)).collect();
        assert_eq!(items.len(), 3);
        assert!(items[2].is_err());
    }

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

/// Blocking iterator over every entry of an enumeration, fetching one page at a time.
///
/// Ends after the last page; a failure is yielded once and ends the iteration. A server that
/// keeps asking for more pages without making progress ends it with an error too.
pub struct Pages<T> {
    fetch: Box<dyn FnMut(u32) -> Result<Page<T>> + Send>,
    buf: std::collections::VecDeque<T>,
    resume: u32,
    state: PagesState,
    pages: usize,
}

#[derive(PartialEq, Eq)]
enum PagesState {
    Start,
    More,
    Done,
}

impl<T> Pages<T> {
    pub(crate) fn new(fetch: impl FnMut(u32) -> Result<Page<T>> + Send + 'static) -> Self {
        Pages {
            fetch: Box::new(fetch),
            buf: std::collections::VecDeque::new(),
            resume: 0,
            state: PagesState::Start,
            pages: 0,
        }
    }

    /// Map every entry (e.g. from the family enum to one typed level).
    pub fn map_entries<U>(self, f: impl Fn(T) -> U + Send + 'static) -> Pages<U>
    where
        T: 'static,
    {
        let mut fetch = self.fetch;
        Pages::new(move |resume| {
            fetch(resume).map(|p| Page {
                items: p.items.into_iter().map(&f).collect(),
                total: p.total,
                resume: p.resume,
            })
        })
    }
}

impl<T> Pages<T> {
    /// Every remaining entry in one `Vec`, or the first failure.
    ///
    /// Unlike `collect::<Result<Vec<_>, _>>()` this moves whole pages: a one-page answer (Samba
    /// answers every NetShareEnum in one) is handed over without a copy, and later pages are
    /// appended with one exact reservation each, so the result never holds doubling slack.
    pub fn collect_all(mut self) -> Result<Vec<T>> {
        let mut out: Vec<T> = self.buf.drain(..).collect();
        while let Some(page) = self.next_page() {
            let items = page?;
            if out.is_empty() {
                out = items;
            } else {
                out.reserve_exact(items.len());
                out.extend(items);
            }
        }
        Ok(out)
    }

    /// Ends the enumeration with a protocol error (a server that does not let it end).
    fn fail(&mut self, why: &str) -> Error {
        self.state = PagesState::Done;
        Error::local(
            "enumeration",
            crate::Kind::Protocol,
            WinError::RPC_S_PROTOCOL_ERROR,
            why,
        )
    }

    /// Fetches the next page: `None` after the last one; a failure ends the enumeration.
    fn next_page(&mut self) -> Option<Result<Vec<T>>> {
        if self.state == PagesState::Done {
            return None;
        }
        if self.pages >= crate::rpc::srvsvc::MAX_PAGES {
            return Some(Err(
                self.fail("enumeration did not end within the page limit")
            ));
        }
        self.pages += 1;
        let asked = self.resume;
        let page = match (self.fetch)(asked) {
            Ok(page) => page,
            Err(e) => {
                self.state = PagesState::Done;
                return Some(Err(e));
            }
        };
        // Judge the page before yielding any of it: after an error, nothing follows.
        if page.resume != 0
            && (page.items.is_empty() || (self.state == PagesState::More && page.resume == asked))
        {
            return Some(Err(
                self.fail("the server asks for another page but made no progress")
            ));
        }
        if page.resume == 0 {
            self.state = PagesState::Done;
        } else {
            self.state = PagesState::More;
            self.resume = page.resume;
        }
        Some(Ok(page.items))
    }
}

impl<T> Iterator for Pages<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(item) = self.buf.pop_front() {
                return Some(Ok(item));
            }
            match self.next_page()? {
                Err(e) => return Some(Err(e)),
                // Reuses the page's allocation: no second copy of the entries.
                Ok(items) => self.buf = std::collections::VecDeque::from(items),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let more = if self.state == PagesState::Done {
            Some(self.buf.len())
        } else {
            None
        };
        (self.buf.len(), more)
    }
}

/// Blocking versions of [`AsyncClient`] methods: `fn name(&self, args) -> T;` becomes a
/// [`Client`] method running `AsyncClient::name(args)` on the calling thread.
macro_rules! blocking {
    ($( $(#[$m:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty; )*) => {
        impl crate::Client {
            $(
                $(#[$m])*
                pub fn $name(&self $(, $arg: $ty)*) -> crate::Result<$ret> {
                    self.run(stringify!($name), self.inner.$name($($arg),*))
                }
            )*
        }
    };
}
pub(crate) use blocking;
