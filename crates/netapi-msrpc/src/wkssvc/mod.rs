//! The workstation service, `wkssvc` (\[MS-WKST\]): interface
//! `6bffd098-a112-3610-9833-46c3f87e345a` v1.0 on `\PIPE\wkssvc`, `ms_union`,
//! `pointer_default(unique)`. Its methods return a Win32 error code.
//!
//! Types follow \[MS-WKST\] 2.2 in field order, grouped by topic and re-exported here:
//! workstation information and statistics (2.2.4.1, 2.2.5.1–2.2.5.7, 2.2.5.11), the user and
//! transport enumerations (2.2.5.8–2.2.5.16), the redirected connections (2.2.4.2,
//! 2.2.5.21–2.2.5.28) and the join / name validation types (2.2.3.1, 2.2.3.2, 2.2.5.17,
//! 2.2.5.18). Calls are \[MS-WKST\] 3.2.4, declared for the opnums the NetApi functions use (see
//! [`OPNUMS`]); start at [`NetrWkstaGetInfoRequest`].
//!
//! Field names are the IDL member names without their `wki<level>_` / `ui<level>_` prefix.
//! `USE_INFO_2` and `USE_INFO_3` embed the lower level as their first member; on the wire that
//! is the same as the lower level's members written out in place, which is how they are
//! declared here. Every union gets a default arm (`Other`) keeping an unknown level.
//!
//! Left out: the domain join methods (NetrJoinDomain2, NetrUnjoinDomain2,
//! NetrRenameMachineInDomain2, NetrGetJoinableOUs2, the alternate computer name methods) and
//! the AES password container (2.2.5.19), which no win32net function sends.
//! quirk(samba-4.17): Samba serves only NetrWkstaGetInfo (FS: levels 100–102, DC: 100–101) and,
//! on the file server, NetrWkstaUserEnum; every other opnum faults with `nca_s_op_rng_error`,
//! except NetrWkstaTransportEnum on the DC (`ERROR_NOT_SUPPORTED`).

mod calls;
mod info;
mod join;
mod lists;
pub mod password;
mod uses;

pub use calls::*;
pub use info::*;
pub use join::*;
pub use lists::*;
pub use uses::*;

/// `ERROR_MORE_DATA`: an enumeration's "one page, more follow" (\[MS-WKST\] 3.2.4.3).
const MORE: u32 = netapi_codes::WinError::ERROR_MORE_DATA.0;

crate::calls! {
    /// The workstation service remote protocol (\[MS-WKST\] 1.9).
    interface Wkssvc {
        name: "wkssvc",
        uuid: "6bffd098-a112-3610-9833-46c3f87e345a",
        version: (1, 0),
        pipe: "wkssvc",
        status: Win32,
    }
    0 => NetrWkstaGetInfo(NetrWkstaGetInfoRequest) -> NetrWkstaGetInfoResponse,
    1 => NetrWkstaSetInfo(NetrWkstaSetInfoRequest) -> NetrWkstaSetInfoResponse,
    2 => NetrWkstaUserEnum(NetrWkstaUserEnumRequest) -> NetrWkstaUserEnumResponse { more: MORE },
    5 => NetrWkstaTransportEnum(NetrWkstaTransportEnumRequest) -> NetrWkstaTransportEnumResponse { more: MORE },
    6 => NetrWkstaTransportAdd(NetrWkstaTransportAddRequest) -> NetrWkstaTransportAddResponse,
    7 => NetrWkstaTransportDel(NetrWkstaTransportDelRequest) -> NetrWkstaTransportDelResponse,
    8 => NetrUseAdd(NetrUseAddRequest) -> NetrUseAddResponse,
    9 => NetrUseGetInfo(NetrUseGetInfoRequest) -> NetrUseGetInfoResponse,
    10 => NetrUseDel(NetrUseDelRequest) -> NetrUseDelResponse,
    11 => NetrUseEnum(NetrUseEnumRequest) -> NetrUseEnumResponse { more: MORE },
    13 => NetrWorkstationStatisticsGet(NetrWorkstationStatisticsGetRequest) -> NetrWorkstationStatisticsGetResponse,
    20 => NetrGetJoinInformation(NetrGetJoinInformationRequest) -> NetrGetJoinInformationResponse,
    25 => NetrValidateName2(NetrValidateName2Request) -> NetrValidateName2Response,
}

#[cfg(test)]
mod tests;
