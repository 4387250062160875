//! The one paging engine: every enumeration (NetShareEnum, NetSessionEnum, NetUserEnum, the
//! CLI's list verbs, the blocking iterator) walks its pages through [`Walk`], so they all end,
//! fail and name the function the same way.
//!
//! A page is what one call answered: its entries, the total, and the resume handle for the next
//! call (0 when the server said it is done, as pywin32 reports it). The walk judges the page the
//! *server* sent, before any filtering the client does on top (Samba ignores NetSessionEnum's
//! filters, so netapi filters, and a page can legitimately come out empty): a page that asks for
//! more must have entries and a new resume handle, and no enumeration takes more than
//! [`MAX_PAGES`] pages. Anything else is a server that does not let the enumeration end, reported
//! as `RPC_S_PROTOCOL_ERROR` (1728) naming the NetApi function.

use std::collections::VecDeque;
use std::future::Future;

use netapi_codes::WinError;

use super::status::Outcome;
use crate::{Error, Kind, Page, Result};

/// `MAX_PREFERRED_LENGTH` (`win32netcon`): as a `prefmaxlen`, "return everything in one page".
pub(crate) use crate::con::MAX_PREFERRED_LENGTH;

/// Most pages one enumeration walks before giving up on a server that never says "done".
pub(crate) const MAX_PAGES: usize = 65_536;

/// A page as the server sent it, and what the caller gets from it.
#[derive(Debug)]
pub(crate) struct Fetched<T> {
    /// Entries the server sent (before the client's own filtering).
    pub served: usize,
    /// The page handed on (entries possibly filtered or converted).
    pub page: Page<T>,
}

impl<T> From<Page<T>> for Fetched<T> {
    /// A page handed on as the server sent it.
    fn from(page: Page<T>) -> Self {
        Fetched {
            served: page.items.len(),
            page,
        }
    }
}

impl<T> Fetched<T> {
    /// The same page with its entries converted by `f` (which may fail).
    pub(crate) fn try_map<U>(self, f: impl FnOnce(Vec<T>) -> Result<Vec<U>>) -> Result<Fetched<U>> {
        Ok(Fetched {
            served: self.served,
            page: Page {
                items: f(self.page.items)?,
                total: self.page.total,
                resume: self.page.resume,
            },
        })
    }
}

/// The state of one enumeration: the resume handle to send next, and how far it got.
#[derive(Debug)]
pub(crate) struct Walk {
    op: &'static str,
    resume: u32,
    pages: usize,
    done: bool,
}

impl Walk {
    pub(crate) fn new(op: &'static str) -> Self {
        Self::starting(op, 0)
    }

    /// A walk whose first call sends `resume`.
    pub(crate) fn starting(op: &'static str, resume: u32) -> Self {
        Walk {
            op,
            resume,
            pages: 0,
            done: false,
        }
    }

    /// The resume handle for the next call; `None` once the enumeration ended (or failed).
    pub(crate) fn next(&self) -> Option<u32> {
        (!self.done).then_some(self.resume)
    }

    /// Judge the page answered to [`Walk::next`]'s handle; an error ends the walk.
    pub(crate) fn judge(&mut self, served: usize, resume: u32) -> Result<()> {
        let asked = self.resume;
        self.pages += 1;
        if resume == 0 {
            self.done = true;
            return Ok(());
        }
        if served == 0 || resume == asked {
            return Err(self.fail("the server asks for another page but made no progress"));
        }
        if self.pages >= MAX_PAGES {
            return Err(self.fail("the enumeration did not end within the page limit"));
        }
        self.resume = resume;
        Ok(())
    }

    /// A failure that ends the walk (the call failed, or the server broke the rules).
    pub(crate) fn end(&mut self) {
        self.done = true;
    }

    fn fail(&mut self, why: &str) -> Error {
        self.done = true;
        Error::local(self.op, Kind::Protocol, WinError::RPC_S_PROTOCOL_ERROR, why)
    }
}

/// A page from an enumeration answer: its entries, the total, and the resume handle to report
/// (0 when the server said it is done, as pywin32 reports it). "More data" without a resume
/// handle could never be continued: a protocol error.
pub(crate) fn page<T>(
    op: &'static str,
    outcome: Outcome,
    items: Vec<T>,
    total: u32,
    resume: Option<u32>,
) -> Result<Page<T>> {
    let resume = match (outcome, resume) {
        (Outcome::More, Some(r)) if r != 0 => r,
        (Outcome::More, _) => {
            return Err(Error::local(
                op,
                Kind::Protocol,
                WinError::RPC_S_PROTOCOL_ERROR,
                "more data without a resume handle",
            ));
        }
        _ => 0,
    };
    Ok(Page {
        items,
        total,
        resume,
    })
}

/// Every entry of an enumeration, fetching `fetch(resume)` until the last page.
pub(crate) async fn collect<T, F, Fut>(op: &'static str, mut fetch: F) -> Result<Vec<T>>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<Fetched<T>>>,
{
    let mut walk = Walk::new(op);
    let mut out: Vec<T> = Vec::new();
    while let Some(resume) = walk.next() {
        let fetched = fetch(resume).await?;
        walk.judge(fetched.served, fetched.page.resume)?;
        append(&mut out, fetched.page.items);
    }
    Ok(out)
}

/// Move `items` to the end of `out` without doubling slack: a one-page answer (Samba answers
/// every NetShareEnum in one) is handed over without a copy.
fn append<T>(out: &mut Vec<T>, items: Vec<T>) {
    if out.is_empty() {
        *out = items;
    } else {
        out.reserve_exact(items.len());
        out.extend(items);
    }
}

/// Blocking iterator over every entry of an enumeration, one page at a time (the [`Walk`] of
/// the blocking [`Client`](crate::Client)).
///
/// Ends after the last page; a failure is yielded once and ends the iteration; a server that
/// does not let the enumeration end is a failure too (see the module docs).
pub struct Pages<T> {
    fetch: Box<dyn FnMut(u32) -> Result<Fetched<T>> + Send>,
    walk: Walk,
    buf: VecDeque<T>,
}

impl<T> Pages<T> {
    pub(crate) fn new(
        op: &'static str,
        fetch: impl FnMut(u32) -> Result<Fetched<T>> + Send + 'static,
    ) -> Self {
        Pages {
            fetch: Box::new(fetch),
            walk: Walk::new(op),
            buf: VecDeque::new(),
        }
    }

    /// Walk any enumeration page by page: `fetch(resume)` makes one call (a `*_page` method of
    /// [`Client`](crate::Client)) and the walk judges each page as the library's own
    /// enumerations do.
    pub fn walk(
        op: &'static str,
        mut fetch: impl FnMut(u32) -> Result<Page<T>> + Send + 'static,
    ) -> Self {
        Self::new(op, move |resume| fetch(resume).map(Fetched::from))
    }

    /// Every remaining entry in one `Vec`, or the first failure.
    ///
    /// Unlike `collect::<Result<Vec<_>, _>>()` this moves whole pages: a one-page answer is
    /// handed over without a copy, and later pages are appended with one exact reservation
    /// each, so the result never holds doubling slack.
    pub fn collect_all(mut self) -> Result<Vec<T>> {
        let mut out: Vec<T> = self.buf.drain(..).collect();
        while let Some(items) = self.next_page() {
            append(&mut out, items?);
        }
        Ok(out)
    }

    /// Fetches and judges the next page: `None` after the last one.
    fn next_page(&mut self) -> Option<Result<Vec<T>>> {
        let resume = self.walk.next()?;
        let fetched = match (self.fetch)(resume) {
            Ok(f) => f,
            Err(e) => {
                self.walk.end();
                return Some(Err(e));
            }
        };
        // Judge the page before yielding any of it: after an error, nothing follows.
        Some(
            self.walk
                .judge(fetched.served, fetched.page.resume)
                .map(|()| fetched.page.items),
        )
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
                Ok(items) => self.buf = VecDeque::from(items),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let more = self.walk.next().is_none().then_some(self.buf.len());
        (self.buf.len(), more)
    }
}

impl<T> std::fmt::Debug for Pages<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("walk", &self.walk)
            .field("buffered", &self.buf.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages of `sizes` entries numbered from 0 (a `None` size: the call fails).
    fn pages(sizes: &'static [Option<u32>]) -> impl FnMut(u32) -> Result<Fetched<u32>> + Send {
        let mut next = 0usize;
        move |_resume| {
            let Some(n) = sizes[next] else {
                return Err(Error::win32_status("NetShareEnum", 2114));
            };
            let first: u32 = sizes[..next].iter().flatten().sum();
            next += 1;
            let resume = if next == sizes.len() {
                0
            } else {
                7 + next as u32
            };
            Ok(Page {
                items: (first..first + n).collect(),
                total: 99,
                resume,
            }
            .into())
        }
    }

    #[test]
    fn every_caller_walks_the_same_pages() {
        let sizes = &[Some(2), Some(3), Some(1)];
        let all = Pages::new("NetShareEnum", pages(sizes))
            .collect_all()
            .unwrap();
        assert_eq!(all, (0..6).collect::<Vec<_>>());
        let one_by_one: Vec<_> = Pages::new("NetShareEnum", pages(sizes))
            .map(Result::unwrap)
            .collect();
        assert_eq!(one_by_one, all);
        let mut fetch = pages(sizes);
        let async_all = crate::blocking::run(collect("NetShareEnum", |r| {
            let page = fetch(r);
            async move { page }
        }))
        .unwrap();
        assert_eq!(async_all, all);
        // After entries taken one by one, the rest follow.
        let mut it = Pages::new("NetShareEnum", pages(&[Some(2), Some(3)]));
        assert_eq!(it.next().unwrap().unwrap(), 0);
        assert_eq!(it.collect_all().unwrap(), vec![1, 2, 3, 4]);
    }

    #[test]
    fn a_failure_ends_the_walk_once() {
        let e = Pages::new("NetShareEnum", pages(&[Some(2), None, Some(1)]))
            .collect_all()
            .unwrap_err();
        assert_eq!(e.win32(), 2114);
        let items: Vec<_> = Pages::new("NetShareEnum", pages(&[Some(2), None, Some(1)])).collect();
        assert_eq!(items.len(), 3);
        assert!(items[2].is_err());
    }

    #[test]
    fn judging_uses_what_the_server_sent() {
        // An empty page after filtering is fine when the server sent entries.
        let mut w = Walk::new("NetSessionEnum");
        assert!(w.judge(3, 5).is_ok());
        assert_eq!(w.next(), Some(5));
        assert!(w.judge(0, 0).is_ok());
        assert_eq!(w.next(), None);
        // No entries but "more", or the same handle again: no progress, named after the function.
        let mut w = Walk::new("NetSessionEnum");
        let e = w.judge(0, 5).unwrap_err();
        assert_eq!(
            (e.op(), e.win32(), e.kind()),
            ("NetSessionEnum", 1728, Kind::Protocol)
        );
        assert_eq!(w.next(), None);
        let mut w = Walk::new("NetFileEnum");
        w.judge(1, 5).unwrap();
        assert!(w.judge(1, 5).is_err());
        // The page limit.
        let mut w = Walk::new("NetUserEnum");
        let mut last = Ok(());
        for n in 1..=MAX_PAGES as u32 {
            last = w.judge(1, n);
            if last.is_err() {
                break;
            }
        }
        assert!(last.unwrap_err().detail().unwrap().contains("page limit"));
    }
}
