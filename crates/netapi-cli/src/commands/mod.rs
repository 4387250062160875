//! One module per NetApi family: each turns its verbs into calls on [`netapi::Client`] and
//! returns an [`Output`]; each also says which table columns and `key: value` decoding its info
//! levels get (used by the output tests without a network).
//!
//! The connection is made lazily by [`Ctx::client`], after a command has checked its own
//! arguments, so a usage error never costs a password prompt or a packet.

pub mod file;
pub mod server;
pub mod session;
pub mod share;
pub mod stats;

use std::cell::OnceCell;

use netapi::{Client, Page, WinError};

use crate::CliError;
use crate::args::{Connection, Family};
use crate::connect::{self, Prompt};
use crate::output::Output;

/// What a command needs besides its own arguments.
pub struct Ctx<'a> {
    conn: &'a Connection,
    prompt: Prompt,
    client: OnceCell<Client>,
    /// `--page-size`: NetApi's `prefmaxlen` for list verbs; `None` = everything at once.
    pub page_size: Option<u32>,
}

impl<'a> Ctx<'a> {
    /// A context that connects with `conn` when first asked.
    pub fn new(conn: &'a Connection, prompt: Prompt, page_size: Option<u32>) -> Self {
        Ctx {
            conn,
            prompt,
            client: OnceCell::new(),
            page_size,
        }
    }

    /// The client, created (server checked, password obtained) on first use.
    pub fn client(&self) -> Result<&Client, CliError> {
        if let Some(c) = self.client.get() {
            return Ok(c);
        }
        let c = connect::client(self.conn, self.prompt)?;
        Ok(self.client.get_or_init(|| c))
    }
}

/// Run one family command.
pub fn run(family: &Family, ctx: &Ctx) -> Result<Output, CliError> {
    // The command's arguments only: the connection options (and the secret) are not in `family`.
    tracing::info!(command = ?family, "running");
    match family {
        Family::Share(cmd) => share::run(cmd, ctx),
        Family::Server(cmd) => server::run(cmd, ctx),
        Family::Session(cmd) => session::run(cmd, ctx),
        Family::File(cmd) => file::run(cmd, ctx),
        Family::Stats(cmd) => stats::run(cmd, ctx),
    }
}

/// Most pages one list verb reads: a server that keeps handing out resume handles is cut off.
const MAX_PAGES: usize = 100_000;

/// Every entry of an enumeration, one `fetch(resume, prefmaxlen)` page at a time.
///
/// Pages may be empty while the enumeration goes on (the library drops entries Samba should
/// have filtered out), so progress is judged by the resume handle alone.
pub fn all_pages<T>(
    op: &'static str,
    page_size: Option<u32>,
    mut fetch: impl FnMut(u32, u32) -> netapi::Result<Page<T>>,
) -> netapi::Result<Vec<T>> {
    let pref = page_size.unwrap_or(netapi::MAX_PREFERRED_LENGTH);
    let mut out = Vec::new();
    let mut resume = 0;
    for n in 1..=MAX_PAGES {
        let page = fetch(resume, pref)?;
        tracing::debug!(
            op,
            page = n,
            entries = page.items.len(),
            total = page.total,
            resume = page.resume,
            "page"
        );
        out.extend(page.items);
        if page.resume == 0 {
            return Ok(out);
        }
        if page.resume == resume {
            break;
        }
        resume = page.resume;
    }
    Err(netapi::Error::local(
        op,
        netapi::Kind::Protocol,
        WinError::RPC_S_PROTOCOL_ERROR,
        "the server asks for another page but made no progress",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_followed_until_the_resume_handle_is_zero() {
        let mut calls = Vec::new();
        let all = all_pages("NetShareEnum", Some(100), |resume, pref| {
            calls.push((resume, pref));
            Ok(match resume {
                0 => Page {
                    items: vec![1, 2],
                    total: 4,
                    resume: 7,
                },
                7 => Page {
                    items: vec![],
                    total: 4,
                    resume: 9,
                },
                _ => Page {
                    items: vec![3, 4],
                    total: 4,
                    resume: 0,
                },
            })
        })
        .unwrap();
        assert_eq!(all, [1, 2, 3, 4]);
        assert_eq!(calls, [(0, 100), (7, 100), (9, 100)]);
    }

    #[test]
    fn a_stuck_resume_handle_is_a_protocol_error() {
        let e = all_pages("NetFileEnum", None, |_, pref| {
            assert_eq!(pref, u32::MAX);
            Ok(Page {
                items: vec![1],
                total: 9,
                resume: 5,
            })
        })
        .unwrap_err();
        assert_eq!((e.op(), e.win32()), ("NetFileEnum", 1728));
    }
}
