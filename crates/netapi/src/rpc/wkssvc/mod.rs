//! The workstation, domain and messaging families over [MS-WKST] (`\PIPE\wkssvc`), [MS-NRPC]
//! (`\PIPE\netlogon`) and [MS-MSRP] (`\PIPE\msgsvc`).
//!
//! What each NetApi function sends, as Windows' netapi32 does:
//!
//! | NetApi | call |
//! |---|---|
//! | NetWkstaGetInfo / SetInfo | wkssvc NetrWkstaGetInfo 0 / NetrWkstaSetInfo 1 |
//! | NetWkstaUserEnum / TransportEnum / TransportAdd / TransportDel | NetrWkstaUserEnum 2 / NetrWkstaTransportEnum 5 / Add 6 / Del 7 |
//! | NetUseAdd / GetInfo / Del / Enum on a named server | NetrUseAdd 8 / NetrUseGetInfo 9 / NetrUseDel 10 / NetrUseEnum 11 |
//! | NetStatisticsGet (`LanmanWorkstation`) | NetrWorkstationStatisticsGet 13 |
//! | NetGetJoinInformation / NetValidateName | NetrGetJoinInformation 20 / NetrValidateName2 25 |
//! | NetGetDCName / NetGetAnyDCName | netlogon NetrGetDCName 11 / NetrGetAnyDCName 13 |
//! | NetMessageNameAdd / Enum / Del | msgsvc NetrMessageNameAdd 0 / NetrMessageNameEnum 1 / NetrMessageNameDel 3 |
//!
//! A server without the service's pipe answers the pipe's CREATE with
//! `STATUS_OBJECT_NAME_NOT_FOUND`; netapi32 reports that as the service not being started
//! (`rpc::translate`).

mod convert;
pub(crate) mod password;
