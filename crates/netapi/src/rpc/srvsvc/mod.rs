//! The share / server / session / file / statistics family over [MS-SRVS] (`\PIPE\srvsvc`).
//!
//! What each NetApi function sends, as Windows' netapi32 does:
//!
//! | NetApi | srvsvc call |
//! |---|---|
//! | NetShareEnum / GetInfo / Add / SetInfo / Del / Check | NetrShareEnum 15 / GetInfo 16 / Add 14 / SetInfo 17 / Del 18 / Check 20 |
//! | NetServerGetInfo / SetInfo / DiskEnum | NetrServerGetInfo 21 / SetInfo 22 / DiskEnum 23 |
//! | NetServerComputerNameAdd / Del | NetrServerTransportEnum 26, then NetrServerTransportAddEx 41 / DelEx 53 per transport |
//! | NetSessionEnum / GetInfo / Del | NetrSessionEnum 12 (GetInfo: with client and user filters) / NetrSessionDel 13 |
//! | NetFileEnum / GetInfo / Close | NetrFileEnum 9 / NetrFileGetInfo 10 / NetrFileClose 11 |
//! | NetStatisticsGet (`LanmanServer`) | NetrServerStatisticsGet 24 |
//! | NetRemoteTOD | NetrRemoteTOD 28 |
//!
//! NetServerEnum is not an MS-RPC call at all (MS-RAP NetServerEnum2 over SMB1 to the Computer
//! Browser); see `crate::server`.

pub(crate) mod convert;

use netapi_codes::WinError;
use netapi_msrpc::srvsvc as w;
use netapi_msrpc::{Call, Interface, Response};

use super::conn::{Connector, InterfaceId};
use crate::{Error, Kind, Page, Result};

/// `\PIPE\srvsvc`, [MS-SRVS] interface 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0.
pub(crate) const SRVSVC: InterfaceId = InterfaceId {
    syntax: <w::Srvsvc as Interface>::SYNTAX,
    pipe: <w::Srvsvc as Interface>::PIPE,
    name: <w::Srvsvc as Interface>::NAME,
};

/// Most pages one enumeration walks before giving up on a server that never says "done".
pub(crate) const MAX_PAGES: usize = 65_536;

/// Send one srvsvc call and decode its response (status not yet checked).
pub(crate) async fn call<C: Call>(
    conn: &Connector,
    op: &'static str,
    req: &C,
) -> Result<C::Response> {
    super::call::<C, C::Response>(conn, SRVSVC, C::OPNUM, op, req).await
}

/// Fail unless the response's WERROR is success (or, with `more_ok`, ERROR_MORE_DATA).
pub(crate) fn check<R: Response>(op: &'static str, resp: &R, more_ok: bool) -> Result<()> {
    match resp.status() {
        0 => Ok(()),
        234 if more_ok => Ok(()),
        status => Err(Error::win32_status(op, status)),
    }
}

/// A page from an enumeration response: entries, total, and the resume handle to report
/// (0 when the server said it is done, as pywin32 reports it).
pub(crate) fn page<T>(
    op: &'static str,
    status: u32,
    items: Option<Vec<T>>,
    total: u32,
    resume: Option<u32>,
) -> Result<Page<T>> {
    let items = items.ok_or_else(|| {
        Error::local(
            op,
            Kind::Protocol,
            WinError::RPC_X_BAD_STUB_DATA,
            "the server answered another level",
        )
    })?;
    let resume = if status == 0 { 0 } else { resume.unwrap_or(0) };
    if status == 234 && resume == 0 {
        return Err(Error::local(
            op,
            Kind::Protocol,
            WinError::RPC_S_PROTOCOL_ERROR,
            "ERROR_MORE_DATA without a resume handle",
        ));
    }
    Ok(Page {
        items,
        total,
        resume,
    })
}

/// Walk every page of an enumeration: `fetch(resume)` returns one page. Stops with an error when
/// a server keeps saying "more" without making progress, or past [`MAX_PAGES`].
pub(crate) async fn all_pages<T, F, Fut>(op: &'static str, mut fetch: F) -> Result<Vec<T>>
where
    F: FnMut(u32) -> Fut,
    Fut: std::future::Future<Output = Result<Page<T>>>,
{
    let mut out = Vec::new();
    let mut resume = 0;
    for _ in 0..MAX_PAGES {
        let page = fetch(resume).await?;
        let empty = page.items.is_empty();
        out.extend(page.items);
        if page.resume == 0 {
            return Ok(out);
        }
        if empty || page.resume == resume {
            return Err(Error::local(
                op,
                Kind::Protocol,
                WinError::RPC_S_PROTOCOL_ERROR,
                "the server asks for another page but made no progress",
            ));
        }
        resume = page.resume;
    }
    Err(Error::local(
        op,
        Kind::Protocol,
        WinError::RPC_S_PROTOCOL_ERROR,
        format!("enumeration did not end within {MAX_PAGES} pages"),
    ))
}

/// `Some(level)` when `level` is one of `levels`, else a usage error (nothing is sent).
pub(crate) fn check_level(op: &'static str, level: u32, levels: &[u32]) -> Result<u32> {
    if levels.contains(&level) {
        Ok(level)
    } else {
        Err(Error::usage(
            op,
            WinError::ERROR_INVALID_LEVEL,
            format!("level {level} is not one of {levels:?}"),
        ))
    }
}

/// A required string argument must be non-empty and free of NULs (the wire form is
/// NUL-terminated, so an embedded NUL would silently cut it).
pub(crate) fn check_name(op: &'static str, what: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("{what} is empty"),
        ));
    }
    check_text(op, what, value)
}

/// An optional string argument must be free of NULs and of a sane length.
pub(crate) fn check_text(op: &'static str, what: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("{what} contains a NUL character"),
        ));
    }
    if value.encode_utf16().count() > 32_767 {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("{what} is too long"),
        ));
    }
    Ok(())
}
