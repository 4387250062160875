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

mod convert;
