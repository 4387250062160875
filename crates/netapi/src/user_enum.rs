//! Listing accounts: NetUserEnum ([MS-SAMR] SamrEnumerateUsersInDomain, 3.1.5.2.5, with the
//! `FILTER_*` values as `USER_ACCOUNT` filters) and NetQueryDisplayInformation
//! (SamrQueryDisplayInformation3, 3.1.5.3.3).
//!
//! NetUserEnum at level 0 is the enumeration alone. The detail levels (1, 2, 3, 10, 11, 20,
//! 23) need each account read (open, query, `priv`, the DACL, close: `user::read_user`), so a
//! page is read by several workers at once, each on its own association with its own cached
//! domain handle (at most [`crate::Options::max_parallel_reads`]; docs/benchmarks.md compares
//! this with one association group sharing the handles). An account deleted between the enumeration and its read is left
//! out, as it would be by an enumeration a moment later.
//!
//! quirk(samba-4.17): the AD DC keeps an enumeration's result on the domain handle that started
//! it (resume 0) and answers any other resume handle on another domain handle with an empty,
//! final page — a silently truncated list. So each association remembers where its
//! enumeration stands ([`Cursor`]); a page is asked on an association whose cursor is at that
//! resume handle when one is idle, and otherwise the enumeration is re-started there first
//! (resume 0, one entry) so the server rebuilds it on that handle.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures_util::future::try_join_all;
use netapi_codes::WinError;
use netapi_msrpc::samr::{self as w, Samr, account_control as acb};

use crate::client::blocking;
use crate::con;
use crate::info::{DisplayInfo, Level, UserInfo};
use crate::rpc::levels;
use crate::rpc::paging::{self, Fetched, MAX_PREFERRED_LENGTH, Pages};
use crate::rpc::samr::user_ops::users_request;
use crate::rpc::samr::{SamrCache, display};
use crate::rpc::session::with_session;
use crate::rpc::status::{self, Outcome};
use crate::rpc::values::FlagMap;
use crate::user::read_user;
use crate::{AsyncClient, Client, Error, Page, Result};

/// Accounts per worker below which fewer workers are used (a new association costs more than
/// a few reads).
const READS_PER_WORKER: usize = 4;

/// The least `PreferredMaximumLength` NetQueryDisplayInformation sends. quirk(samba-4.17): the
/// file server fits `PreferredMaximumLength / entry size` entries in a page and answers a page
/// of none with `STATUS_MORE_ENTRIES` when that is 0, so a smaller value would never progress;
/// Windows returns at least one entry whatever the value.
const MIN_DISPLAY_PREF: u32 = 512;

/// `FILTER_*` (NetUserEnum) ↔ `USER_ACCOUNT` bits (SamrEnumerateUsersInDomain's filter).
const FILTER_ACB: FlagMap = FlagMap(&[
    (
        con::FILTER_TEMP_DUPLICATE_ACCOUNT,
        acb::USER_TEMP_DUPLICATE_ACCOUNT,
    ),
    (con::FILTER_NORMAL_ACCOUNT, acb::USER_NORMAL_ACCOUNT),
    (
        con::FILTER_INTERDOMAIN_TRUST_ACCOUNT,
        acb::USER_INTERDOMAIN_TRUST_ACCOUNT,
    ),
    (
        con::FILTER_WORKSTATION_TRUST_ACCOUNT,
        acb::USER_WORKSTATION_TRUST_ACCOUNT,
    ),
    (
        con::FILTER_SERVER_TRUST_ACCOUNT,
        acb::USER_SERVER_TRUST_ACCOUNT,
    ),
]);

/// Where the enumeration on one association's domain handle stands (quirk(samba-4.17), see
/// the module docs): the filter and the resume handle of its next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub acb: u32,
    pub next: u32,
}

/// A level-0 entry (a null name reads as empty, as it always has).
fn level_0(name: Option<String>) -> UserInfo {
    UserInfo::from(crate::info::UserInfo0 {
        name: Some(name.unwrap_or_default()),
    })
}

/// The SAMR filter for `filter`; 0 is every account (as Windows documents it).
fn acb_filter(op: &'static str, filter: u32) -> Result<u32> {
    if filter & !FILTER_ACB.ours_mask() != 0 {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("filter {filter:#x} has bits no FILTER_* value uses"),
        ));
    }
    Ok(FILTER_ACB.to_theirs(filter))
}

impl AsyncClient {
    /// NetUserEnum: one page of accounts at `level` (0, 1, 2, 3, 10, 11, 20, 23) that match
    /// `filter` (`FILTER_*` bits; 0: every account), starting at `resume` (0 first), asking
    /// for about `pref_max_len` bytes ([`MAX_PREFERRED_LENGTH`]: everything at once; Samba's
    /// file server always answers pages of 1,024 accounts). `total` is a hint: the accounts of
    /// this page, plus one when more follow.
    pub async fn user_enum_page(
        &self,
        level: u32,
        filter: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Page<UserInfo>> {
        Ok(self
            .user_enum_fetch(level, filter, resume, pref_max_len)
            .await?
            .page)
    }

    async fn user_enum_fetch(
        &self,
        level: u32,
        filter: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Fetched<UserInfo>> {
        const OP: &str = "NetUserEnum";
        crate::rpc::args::level(OP, level, UserInfo::ENUM_LEVELS)?;
        let acb = acb_filter(OP, filter)?;
        let fetched = self.enum_accounts(OP, acb, resume, pref_max_len).await?;
        let Fetched { served, page } = fetched;
        let items = if level == 0 {
            page.items
                .into_iter()
                .map(|e| level_0(e.name.buffer))
                .collect()
        } else {
            let rids: Vec<u32> = page.items.iter().map(|e| e.relative_id).collect();
            self.read_accounts(OP, level, &rids).await?
        };
        Ok(Fetched {
            served,
            page: Page {
                items,
                total: page.total,
                resume: page.resume,
            },
        })
    }

    /// One page of SamrEnumerateUsersInDomain: `(rid, name)` of the accounts matching `acb`
    /// from `resume`, on an association whose enumeration stands there when one is idle (see
    /// the module docs).
    async fn enum_accounts(
        &self,
        op: &'static str,
        acb: u32,
        resume: u32,
        pref_max_len: u32,
    ) -> Result<Fetched<w::SamprRidEnumeration>> {
        let at_resume = move |c: &SamrCache| c.cursor == Some(Cursor { acb, next: resume });
        let page = crate::rpc::session::with_session_preferring::<Samr, SamrCache, _, _, _>(
            &self.conn,
            op,
            at_resume,
            async |s| {
                let domain = s.account_domain().await?;
                let here = s.cache::<SamrCache>().and_then(|c| c.cursor);
                if resume != 0 && here != Some(Cursor { acb, next: resume }) {
                    // Re-start the enumeration on this domain handle (see the module docs).
                    s.enum_users(&domain, 0, acb, 1).await?;
                }
                let page = s.enum_users(&domain, resume, acb, pref_max_len).await?;
                let cursor = page.more.then_some(Cursor {
                    acb,
                    next: page.next,
                });
                if let Some(c) = s.cache::<SamrCache>() {
                    c.cursor = cursor;
                }
                Ok(page)
            },
        )
        .await?;
        let served = page.entries.len();
        let outcome = if page.more {
            Outcome::More
        } else {
            Outcome::Done
        };
        let total = (served + usize::from(page.more)) as u32;
        Ok(Fetched {
            served,
            page: paging::page(op, outcome, page.entries, total, Some(page.next))?,
        })
    }

    /// Accounts `rids` at `level`, read by up to `max_parallel_reads` associations at once,
    /// in the order given (accounts deleted meanwhile left out). Each worker projects what it
    /// reads at once, so only the level's fields are held.
    async fn read_accounts(
        &self,
        op: &'static str,
        level: u32,
        rids: &[u32],
    ) -> Result<Vec<UserInfo>> {
        let wanted = UserInfo::fields_of(level);
        let most = self.conn.options().max_parallel_reads.max(1);
        let workers = (rids.len() / READS_PER_WORKER).clamp(1, most);
        let next = AtomicUsize::new(0);
        let worker = async || {
            with_session::<Samr, _, _>(&self.conn, op, async |s| {
                let domain = s.account_domain().await?;
                let mut out: Vec<(usize, UserInfo)> = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&rid) = rids.get(i) else {
                        return Ok(out);
                    };
                    match read_user(s, &domain, rid, wanted).await {
                        Ok(all) => out.push((
                            i,
                            UserInfo::project(level, &all)
                                .ok_or_else(|| levels::wrong_level(op, level, -1))?,
                        )),
                        Err(e) if e.win32() == WinError::NERR_UserNotFound.0 => {}
                        Err(e) => return Err(e),
                    }
                }
            })
            .await
        };
        let done = try_join_all((0..workers).map(|_| worker())).await?;
        let mut all: Vec<(usize, UserInfo)> = Vec::with_capacity(rids.len());
        for part in done {
            all.extend(part);
        }
        all.sort_unstable_by_key(|(i, _)| *i);
        Ok(all.into_iter().map(|(_, u)| u).collect())
    }

    /// NetUserEnum: every account at `level` matching `filter` (all pages).
    ///
    /// The pages are walked on one association, each page's request sent before the page
    /// before it is decoded ([`crate::rpc::samr::enumerate`]). At a detail level the whole
    /// list is enumerated first (level 0's pages are cheap) and then every account read in
    /// one pass by the parallel readers, so none of them waits at a page boundary for the
    /// next enumeration page.
    pub async fn user_enum_level(&self, level: u32, filter: u32) -> Result<Vec<UserInfo>> {
        const OP: &str = "NetUserEnum";
        crate::rpc::args::level(OP, level, UserInfo::ENUM_LEVELS)?;
        let acb = acb_filter(OP, filter)?;
        // Level 0 converts each page as it is decoded (overlapping the next page's request);
        // a detail level keeps the RIDs to read.
        let (mut names, mut rids): (Vec<UserInfo>, Vec<u32>) = (Vec::new(), Vec::new());
        with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            if let Some(c) = s.cache::<SamrCache>() {
                c.cursor = None;
            }
            let first = users_request(&domain, 0, acb, MAX_PREFERRED_LENGTH);
            s.enumerate_all(first, |page| {
                if level == 0 {
                    names.extend(page.entries.into_iter().map(|e| level_0(e.name.buffer)));
                } else {
                    rids.extend(page.entries.into_iter().map(|e| e.relative_id));
                }
                Ok(())
            })
            .await
        })
        .await?;
        if level == 0 {
            return Ok(names);
        }
        self.read_accounts(OP, level, &rids).await
    }

    /// NetUserEnum: every account matching `filter` as level `T` (e.g. `UserInfo20`).
    pub async fn user_enum<T: Level<Family = UserInfo>>(&self, filter: u32) -> Result<Vec<T>> {
        let all = self.user_enum_level(T::LEVEL, filter).await?;
        levels::typed_all("NetUserEnum", all)
    }

    /// NetQueryDisplayInformation: one page of accounts at `level` (1 users, 2 computers, 3
    /// global groups) from `index` (0 first; then the last entry's `next_index`), at most
    /// `entries_requested` of them in about `pref_max_len` bytes. The fast way to list many
    /// accounts with names, comments and flags (one call per page, no per-account read).
    pub async fn query_display_information_page(
        &self,
        level: u32,
        index: u32,
        entries_requested: u32,
        pref_max_len: u32,
    ) -> Result<Page<DisplayInfo>> {
        const OP: &str = "NetQueryDisplayInformation";
        crate::rpc::args::level(OP, level, DisplayInfo::QUERY_LEVELS)?;
        let resp = with_session::<Samr, _, _>(&self.conn, OP, async |s| {
            let domain = s.account_domain().await?;
            s.call(&w::SamrQueryDisplayInformation3Request {
                domain_handle: domain.handle,
                display_information_class: w::DomainDisplayInformation(level as u16),
                index,
                entry_count: entries_requested,
                preferred_maximum_length: pref_max_len.max(MIN_DISPLAY_PREF),
            })
            .await
        })
        .await?;
        let outcome = status::check(OP, &resp)?;
        let items = display::entries(OP, level, resp.buffer)?;
        let resume = items.last().map(DisplayInfo::next_index);
        let total = (items.len() + usize::from(outcome == Outcome::More)) as u32;
        paging::page(OP, outcome, items, total, resume)
    }

    /// NetQueryDisplayInformation: every entry at `level` (all pages).
    pub async fn query_display_information_level(&self, level: u32) -> Result<Vec<DisplayInfo>> {
        paging::collect("NetQueryDisplayInformation", async |index| {
            self.query_display_information_page(level, index, u32::MAX, MAX_PREFERRED_LENGTH)
                .await
                .map(Fetched::from)
        })
        .await
    }
}

blocking! {
    /// NetUserEnum: one page; see [`AsyncClient::user_enum_page`].
    fn user_enum_page(&self, level: u32, filter: u32, resume: u32, pref_max_len: u32) -> Page<UserInfo> = "NetUserEnum";
    /// NetUserEnum: every account at `level`; see [`AsyncClient::user_enum_level`].
    fn user_enum_level(&self, level: u32, filter: u32) -> Vec<UserInfo> = "NetUserEnum";
    /// NetQueryDisplayInformation: one page; see [`AsyncClient::query_display_information_page`].
    fn query_display_information_page(&self, level: u32, index: u32, entries_requested: u32, pref_max_len: u32) -> Page<DisplayInfo> = "NetQueryDisplayInformation";
    /// NetQueryDisplayInformation: every entry; see [`AsyncClient::query_display_information_level`].
    fn query_display_information_level(&self, level: u32) -> Vec<DisplayInfo> = "NetQueryDisplayInformation";
}

impl Client {
    /// NetUserEnum as an iterator over every account matching `filter` at `level`, one page
    /// (of about `pref_max_len` bytes) at a time.
    pub fn user_enum_pages(&self, level: u32, filter: u32, pref_max_len: u32) -> Pages<UserInfo> {
        let client = self.clone();
        Pages::new("NetUserEnum", move |resume| {
            client.run(
                "NetUserEnum",
                client
                    .inner
                    .user_enum_fetch(level, filter, resume, pref_max_len),
            )
        })
    }

    /// NetUserEnum as an iterator over every account matching `filter` as level `T`.
    pub fn user_enum<T: Level<Family = UserInfo> + Send + 'static>(
        &self,
        filter: u32,
        pref_max_len: u32,
    ) -> Pages<T> {
        let client = self.clone();
        Pages::new("NetUserEnum", move |resume| {
            let fetched = client.run(
                "NetUserEnum",
                client
                    .inner
                    .user_enum_fetch(T::LEVEL, filter, resume, pref_max_len),
            )?;
            fetched.try_map(|items| levels::typed_all("NetUserEnum", items))
        })
    }

    /// NetQueryDisplayInformation as an iterator over every entry at `level`, one page at a
    /// time.
    pub fn query_display_information_pages(
        &self,
        level: u32,
        pref_max_len: u32,
    ) -> Pages<DisplayInfo> {
        let client = self.clone();
        Pages::new("NetQueryDisplayInformation", move |index| {
            client
                .query_display_information_page(level, index, u32::MAX, pref_max_len)
                .map(Fetched::from)
        })
    }
}
