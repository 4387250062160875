//! What a method's return value means, read the same way for every interface: the code space
//! is the method's ([`Response::STATUS_KIND`]: `WERROR`/`NET_API_STATUS` for srvsvc and wkssvc,
//! NTSTATUS for samr and lsarpc, netlogon mixing both per method), and so are its "more data"
//! and partial-success codes ([`Response::MORE_DATA`], [`Response::PARTIAL`]), as `calls!`
//! declares them in `netapi-msrpc`. Failures go through the translation table
//! ([`super::translate`]).

use netapi_codes::{NtStatus, RpcFault, WinError};
use netapi_msrpc::{Response, StatusKind};

use super::translate;
use crate::error::Code;
use crate::{Error, Result};

/// A successful answer, as its status classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Success, and nothing more to fetch.
    Done,
    /// One page of an enumeration; more follow (`ERROR_MORE_DATA`, `STATUS_MORE_ENTRIES`).
    More,
    /// A partial success the method declares (`STATUS_SOME_NOT_MAPPED`): every `[out]`
    /// parameter is valid, some entries did not resolve.
    Partial,
}

/// The status `status` of a `R` answer, untranslated, in its code space.
pub(crate) fn code_of<R: Response>(status: u32) -> Code {
    match R::STATUS_KIND {
        StatusKind::Win32 => Code::Win32(WinError(status)),
        StatusKind::NtStatus => Code::Nt(NtStatus(status)),
        StatusKind::Dce => Code::Fault(RpcFault(status)),
    }
}

/// Classify the answer `resp` to NetApi function `op`: a success, a page, a declared partial
/// success, or the translated failure.
pub(crate) fn check<R: Response>(op: &'static str, resp: &R) -> Result<Outcome> {
    match resp.status() {
        0 => Ok(Outcome::Done),
        s if R::MORE_DATA == Some(s) => Ok(Outcome::More),
        s if R::PARTIAL == Some(s) => Ok(Outcome::Partial),
        s => Err(translate::server_error(op, code_of::<R>(s))),
    }
}

/// [`check`] for a method whose only success is `Done` (every Get/Set/Add/Del).
pub(crate) fn ok<R: Response>(op: &'static str, resp: &R) -> Result<()> {
    match check(op, resp)? {
        Outcome::Done => Ok(()),
        // A "more data" or partial status where the caller wants it all: the failure pywin32
        // raises for such calls (error 234 for NetServerDiskEnum, NetUserGetGroups, ...).
        _ => Err(translate::server_error(op, code_of::<R>(resp.status()))),
    }
}

/// Whether an undecodable answer of status `status` is a refusal in `R`'s code space: a named
/// failure code (the server refused and left the `[out]` parameters in a shape the IDL does
/// not allow; the return value is always the last four bytes). A success, "more entries" or
/// partial success promises valid `[out]` parameters, so such an answer that does not decode is
/// bad data, not a refusal.
pub(crate) fn refusal<R: Response>(op: &'static str, status: u32) -> Option<Error> {
    let code = code_of::<R>(status);
    let named = match code {
        Code::Win32(w) => w.name().is_some(),
        Code::Nt(nt) => nt.name().is_some(),
        Code::Fault(f) => f.name().is_some(),
        Code::None => false,
    };
    let success = status == 0 || Some(status) == R::MORE_DATA || Some(status) == R::PARTIAL;
    (!success && named).then(|| translate::server_error(op, code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use netapi_msrpc::srvsvc as w;

    fn share_enum(status: u32) -> w::NetrShareEnumResponse {
        w::NetrShareEnumResponse {
            info_struct: w::ShareEnumStruct::request(1),
            total_entries: 0,
            resume_handle: None,
            status,
        }
    }

    #[test]
    fn the_declared_codes_classify_the_answer() {
        assert_eq!(
            check("NetShareEnum", &share_enum(0)).unwrap(),
            Outcome::Done
        );
        assert_eq!(
            check("NetShareEnum", &share_enum(234)).unwrap(),
            Outcome::More
        );
        let e = check("NetShareEnum", &share_enum(5)).unwrap_err();
        assert_eq!((e.win32(), e.code()), (5, Code::Win32(WinError(5))));
        // A page where everything was wanted is the failure pywin32 shows (234).
        let e = ok("NetShareEnum", &share_enum(234)).unwrap_err();
        assert_eq!(e.win32(), 234);
        // NetrShareGetInfo declares no "more data": 234 there is a failure.
        let get = w::NetrShareGetInfoResponse {
            info_struct: w::ShareInfo::Other(0),
            status: 234,
        };
        assert_eq!(check("NetShareGetInfo", &get).unwrap_err().win32(), 234);
    }

    #[test]
    fn refusals_must_be_named_codes_of_the_method() {
        assert_eq!(
            refusal::<w::NetrShareEnumResponse>("NetShareEnum", 124)
                .unwrap()
                .win32(),
            124
        );
        assert!(refusal::<w::NetrShareEnumResponse>("NetShareEnum", 0).is_none());
        assert!(refusal::<w::NetrShareEnumResponse>("NetShareEnum", 0xDEAD_BEEF).is_none());
        // "More data" promises entries: an answer of it that does not decode is bad data.
        assert!(refusal::<w::NetrShareEnumResponse>("NetShareEnum", 234).is_none());
    }
}
