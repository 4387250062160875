//! MS-RPC interface definitions declared with `#[derive(Ndr)]` (pure: no I/O).
//!
//! One module per interface, named after it (`srvsvc`, `wkssvc`, `samr`,
//! `lsarpc`, `netlogon`), plus [`dtyp`] for the \[MS-DTYP\] types they share.
//! Each module follows its specification's order: constants, types, calls,
//! and ends with a [`calls!`] table that ties every request type to its
//! opnum, response and [`Interface`]. Encoding rules and the attribute
//! reference are in `netapi_ndr::manual`. Start at [`Call`].
//!
//! So far: [`dtyp`], [`epmapper`] (\[C706\] appendix O, \[MS-RPCE\] 2.2.1.2)
//! and [`srvsvc`] (\[MS-SRVS\]) in full; [`samr`] (\[MS-SAMR\]) and
//! [`lsarpc`] (\[MS-LSAT\], \[MS-LSAD\]) for every call the user, group,
//! local group, display and password families use; [`wkssvc`] (\[MS-WKST\]), [`netlogon`]
//! (\[MS-NRPC\]) and [`msgsvc`] (\[MS-MSRP\]) for the workstation, domain and messaging
//! families.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod dtyp;
pub mod epmapper;
pub mod lsarpc;
mod macros;
pub mod msgsvc;
pub mod netlogon;
pub mod samr;
pub mod srvsvc;
pub mod wkssvc;

pub use netapi_dcerpc::SyntaxId;
use netapi_ndr::Ndr;

/// An RPC interface: what to bind to and where (\[C706\] 12.6.3.1 abstract
/// syntax, \[MS-SMB2\] named pipes).
///
/// Implemented by a unit struct per interface (e.g. [`srvsvc::Srvsvc`]),
/// which [`calls!`] declares.
pub trait Interface {
    /// Interface UUID and version, as sent in the bind's presentation context.
    const SYNTAX: SyntaxId;
    /// Named pipe on `IPC$`, without the `\PIPE\` prefix (`"srvsvc"`).
    const PIPE: &'static str;
    /// The IDL interface name (`"srvsvc"`), for logs and errors.
    const NAME: &'static str;
    /// Every declared call as `(opnum, name)`, ascending by opnum.
    const OPNUMS: &'static [(u16, &'static str)];

    /// The name of `opnum`, if this crate declares it (for fault messages).
    fn opnum_name(opnum: u16) -> Option<&'static str> {
        Self::OPNUMS
            .iter()
            .find(|(o, _)| *o == opnum)
            .map(|(_, n)| *n)
    }
}

/// One RPC method, implemented by its *request* type (the `[in]` parameters
/// as a `#[ndr(params)]` struct).
///
/// Keying everything on the request lets a driver offer one generic entry
/// point, `fn call<C: Call>(&mut self, req: &C) -> Result<C::Response, _>`:
/// the opnum, the presentation context (`C::Interface::SYNTAX`), the pipe
/// and the response type all follow from the argument, so a request can
/// never be sent with another call's opnum or decoded as another call's
/// response. (afiffon/smb-rs keys its `RpcCall` the same way.)
///
/// A driver bound to one interface takes only that interface's requests, checked at compile
/// time (netapi's RPC sessions are `Session<I>` with `call<C: Call<Interface = I>>`):
///
/// ```
/// # use netapi_msrpc::{Call, srvsvc};
/// fn on_srvsvc<C: Call<Interface = srvsvc::Srvsvc>>(_: &C) {}
/// on_srvsvc(&srvsvc::NetrShareDelRequest { server_name: None, net_name: "x".into(), reserved: 0 });
/// ```
///
/// ```compile_fail
/// # use netapi_msrpc::{Call, samr, srvsvc};
/// fn on_srvsvc<C: Call<Interface = srvsvc::Srvsvc>>(_: &C) {}
/// // A samr request on a srvsvc association does not compile.
/// on_srvsvc(&samr::SamrOpenUserRequest { domain_handle: Default::default(), desired_access: 0, user_id: 500 });
/// ```
pub trait Call: Ndr {
    /// The operation number (\[C706\] 12.6.4.9 `opnum`).
    const OPNUM: u16;
    /// The method name as the specification spells it (`"NetrShareEnum"`).
    const NAME: &'static str;
    /// The interface the method belongs to.
    type Interface: Interface;
    /// The `[out]` parameters and return value.
    type Response: Response;
}

/// A response stub: the `[out]` parameters followed by the method's return
/// value, which every NetApi method has.
///
/// Beyond [`Call`]'s shape this lets generic code (the netapi layer's error
/// mapping, logging) read the status without knowing each response's
/// fields, and say which code space it is in: impacket's `DCERPC.request`
/// has to guess the status from the last four stub bytes instead.
pub trait Response: Ndr {
    /// Which code space [`Response::status`] is in.
    const STATUS_KIND: StatusKind;
    /// The status with which the method says "this is one page, more follow" (`ERROR_MORE_DATA`
    /// for the enumerations of srvsvc and wkssvc, `STATUS_MORE_ENTRIES` for samr's), when it
    /// has one: a success that still carries data.
    const MORE_DATA: Option<u32> = None;
    /// A status that is a partial success for this method (`STATUS_SOME_NOT_MAPPED` for the
    /// LSA lookups: every `[out]` parameter is valid, some entries are unresolved).
    const PARTIAL: Option<u32> = None;
    /// The return value as received (not translated).
    fn status(&self) -> u32;
}

/// The code space of a method's return value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusKind {
    /// `NET_API_STATUS` / `WERROR`: a Win32 error or NERR code (srvsvc, wkssvc).
    Win32,
    /// `NTSTATUS` (samr, lsarpc, most of netlogon).
    NtStatus,
    /// `error_status_t` (\[C706\] appendix E): a DCE status such as the
    /// endpoint mapper's `ept_s_not_registered` (0x16c9a0d6), neither a Win32
    /// code nor an NTSTATUS; Windows clients report its Win32 counterpart
    /// (`EPT_S_NOT_REGISTERED`, 1753).
    Dce,
}

/// Whether `opnums` is ascending without duplicates (checked at compile
/// time by [`calls!`]).
#[doc(hidden)]
pub const fn opnums_ascending(opnums: &[(u16, &str)]) -> bool {
    let mut i = 1;
    while i < opnums.len() {
        if opnums[i - 1].0 >= opnums[i].0 {
            return false;
        }
        i += 1;
    }
    true
}
