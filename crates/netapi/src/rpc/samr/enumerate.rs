//! SAMR's enumerations ([MS-SAMR] 3.1.5.2.5 SamrEnumerateUsersInDomain, 3.1.5.2.4
//! SamrEnumerateAliasesInDomain; SamrEnumerateDomainsInSamServer and
//! SamrEnumerateGroupsInDomain answer alike): one page read and checked the same way for every
//! one of them, and a walk over every page that overlaps the client's work with the server's.
//!
//! The overlap: an answer's EnumerationContext is its first four bytes and its status its last
//! four, so once page N has arrived the request for page N+1 can be sent before page N is
//! decoded. Page N is then decoded and converted once page N+1's first fragment is in, while
//! the rest of it comes (`Session::call_raw_watched`), not while the server builds it. Decoding
//! while the server builds looked free but was not: on a machine running client and server
//! the request's wake-up puts the server on the client's core, and the build waited for the
//! decoding (NetUserEnum level 0 of 10,000 accounts, Samba on loopback: 1.16× the wire floor,
//! 1.05× decoding during the transfer; docs/benchmarks.md, stop 19). The calls stay one after
//! another on the association — page N is wholly read before page N+1 is asked — so any
//! server sees the same sequence as from a client that decodes first.

use std::pin::pin;

use netapi_codes::WinError;
use netapi_dcerpc::Stub;
use netapi_msrpc::samr::{self as w, Samr};
use netapi_msrpc::{Call, Response};
use netapi_ndr::Limits;
use tokio::sync::Notify;

use crate::rpc::decode;
use crate::rpc::paging::Walk;
use crate::rpc::session::{Session, calls_a_handle_invalid};
use crate::rpc::status::{self, Outcome};
use crate::{Error, Kind, Result};

/// One page of an enumeration: its entries as they were read (RID, and name with a null name
/// `None`; kept as decoded, so a 10,000-account walk moves no entry between lists before its
/// caller converts it), the next enumeration context, and whether more follow.
#[derive(Debug)]
pub(crate) struct EnumPage {
    pub entries: Vec<w::SamprRidEnumeration>,
    pub next: u32,
    pub more: bool,
}

impl EnumPage {
    /// The resume handle this page reports (0 once done), as [`Walk::judge`] takes it.
    fn resume(&self) -> u32 {
        if self.more { self.next } else { 0 }
    }
}

/// A SAMR enumeration request: its answer is EnumerationContext, Buffer, CountReturned, status.
pub(crate) trait Enumeration: Call<Interface = Samr> + Sized {
    /// The enumeration context this request starts from.
    fn context(&self) -> u32;
    /// The same request from `context`.
    fn resumed(&self, context: u32) -> Self;
    /// The answer's context, buffer and count.
    fn parts(resp: Self::Response) -> (u32, Option<w::SamprEnumerationBuffer>, u32);
    /// The answer made of the out-parameters [`w::read_enumeration`] read.
    fn assemble(a: w::EnumerationAnswer) -> Self::Response;
}

macro_rules! enumerations {
    ($($req:ident => $resp:ident),* $(,)?) => {$(
        impl Enumeration for w::$req {
            fn context(&self) -> u32 {
                self.enumeration_context
            }
            fn resumed(&self, context: u32) -> Self {
                Self { enumeration_context: context, ..self.clone() }
            }
            fn parts(resp: w::$resp) -> (u32, Option<w::SamprEnumerationBuffer>, u32) {
                (resp.enumeration_context, resp.buffer, resp.count_returned)
            }
            fn assemble(a: w::EnumerationAnswer) -> w::$resp {
                w::$resp {
                    enumeration_context: a.enumeration_context,
                    buffer: a.buffer,
                    count_returned: a.count_returned,
                    status: a.status,
                }
            }
        }
    )*};
}

enumerations! {
    SamrEnumerateUsersInDomainRequest => SamrEnumerateUsersInDomainResponse,
    SamrEnumerateAliasesInDomainRequest => SamrEnumerateAliasesInDomainResponse,
}

/// The page `resp` answered, its status checked and its count matched against its entries.
fn page_of<C: Enumeration>(op: &'static str, resp: C::Response) -> Result<EnumPage> {
    let more = status::check(op, &resp)? == Outcome::More;
    let (next, buffer, count) = C::parts(resp);
    let entries = buffer.and_then(|b| b.buffer).unwrap_or_default();
    if entries.len() != count as usize {
        return Err(Error::local(
            op,
            Kind::Protocol,
            WinError::RPC_X_BAD_STUB_DATA,
            format!(
                "{} counted {count} entries and sent {}",
                C::NAME,
                entries.len()
            ),
        ));
    }
    Ok(EnumPage {
        entries,
        next,
        more,
    })
}

/// An enumeration answer decoded: by [`w::read_enumeration`] when it is in the common shape
/// (one loop over the entries, about a third of the derived decoder's time), otherwise — and
/// for every error — by the derived decoder.
fn decode_page<C: Enumeration>(op: &'static str, answer: Stub) -> (Result<C::Response>, bool) {
    let direct = match answer.chunks() {
        [one] => w::read_enumeration(one, &Limits::DEFAULT),
        _ => w::read_enumeration(&answer.to_vec(), &Limits::DEFAULT),
    };
    match direct {
        Some(a) => (Ok(C::assemble(a)), true),
        None => decode::<C>(op, answer),
    }
}

/// An undecoded answer's EnumerationContext and status (its first and last four bytes).
fn peek(answer: &Stub) -> Option<(u32, u32)> {
    let chunks = answer.chunks();
    let first = chunks.iter().find(|c| !c.is_empty())?;
    let last = chunks.iter().rev().find(|c| !c.is_empty())?;
    // A context or status split across fragments is not peeked: the page is then decoded
    // before the next request, as without the overlap.
    let context = u32::from_le_bytes(first.get(..4)?.try_into().ok()?);
    let status = u32::from_le_bytes(last.get(last.len().checked_sub(4)?..)?.try_into().ok()?);
    Some((context, status))
}

impl Session<'_, Samr> {
    /// One page of enumeration `req`.
    pub(crate) async fn enumerate<C: Enumeration>(&mut self, req: &C) -> Result<EnumPage> {
        let answer = self.call_raw(req).await?;
        let (result, in_step) = decode_page::<C>(self.op(), answer);
        let resp = self.settle(result, in_step)?;
        page_of::<C>(self.op(), resp)
    }

    /// Every page of enumeration `first` (from its context on), each handed to `each` as it
    /// is decoded, with the next page's request in flight meanwhile (see the module docs). The
    /// pages are judged as every enumeration's are ([`Walk`]).
    pub(crate) async fn enumerate_all<C: Enumeration>(
        &mut self,
        first: C,
        mut each: impl FnMut(EnumPage) -> Result<()>,
    ) -> Result<()> {
        let op = self.op();
        let more = <C::Response as Response>::MORE_DATA;
        let mut walk = Walk::starting(op, first.context());
        // Decode, check, judge and hand on one page: (the outcome, whether the association is
        // in step, whether the answer called a handle invalid).
        let mut handle = |answer: Stub, walk: &mut Walk| {
            let (result, in_step) = decode_page::<C>(op, answer);
            let stale = calls_a_handle_invalid(&result);
            let handed = result.and_then(|resp| {
                let page = page_of::<C>(op, resp)?;
                walk.judge(page.entries.len(), page.resume())?;
                each(page)
            });
            (handed, in_step, stale)
        };
        let mut req = first;
        let mut answer = self.call_raw(&req).await?;
        loop {
            let next = peek(&answer)
                .filter(|&(context, status)| Some(status) == more && context != req.context())
                .map(|(context, _)| req.resumed(context));
            let (handed, in_step, stale, sent) = match next {
                Some(next) => {
                    // Page N is decoded once page N+1's first fragment is in (see the module
                    // docs), or once that call ended in any other way.
                    let started = Notify::new();
                    let mut decode = pin!(async {
                        started.notified().await;
                        handle(answer, &mut walk)
                    });
                    let mut decoded = None;
                    let sent = {
                        let mut signal = || started.notify_one();
                        let mut call = pin!(self.call_raw_watched(&next, &mut signal));
                        loop {
                            tokio::select! {
                                biased;
                                sent = &mut call => break sent,
                                out = &mut decode, if decoded.is_none() => decoded = Some(out),
                            }
                        }
                    };
                    let (handed, in_step, stale) = match decoded {
                        Some(out) => out,
                        None => {
                            started.notify_one();
                            decode.await
                        }
                    };
                    (handed, in_step, stale, Some((next, sent)))
                }
                // The last page, a failure, or a page that would not progress: decoded alone.
                None => {
                    let (handed, in_step, stale) = handle(answer, &mut walk);
                    (handed, in_step, stale, None)
                }
            };
            self.keep(in_step, stale);
            handed?;
            (req, answer) = match sent {
                Some((next, sent)) => (next, sent?),
                None => {
                    let Some(resume) = walk.next() else {
                        return Ok(());
                    };
                    // Only when the context or status could not be peeked.
                    let req = req.resumed(resume);
                    let answer = self.call_raw(&req).await?;
                    (req, answer)
                }
            };
        }
    }
}
