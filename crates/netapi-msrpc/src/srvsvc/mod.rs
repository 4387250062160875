//! The server service, `srvsvc` (\[MS-SRVS\]): interface
//! `4b324fc8-1670-01d3-1278-5a47bf6ee188` v3.0 on `\PIPE\srvsvc`, `ms_union`,
//! `pointer_default(unique)`.
//!
//! Types follow \[MS-SRVS\] 6 (Appendix A, full IDL) in field order, grouped
//! by family in private submodules and re-exported here: connections
//! (2.2.4.1–2.2.4.5), files (2.2.4.6–2.2.4.10), sessions (2.2.4.11–2.2.4.21),
//! shares (2.2.4.22–2.2.4.38), server information (2.2.4.39–2.2.4.92,
//! 2.2.4.105), transports (2.2.4.93–2.2.4.101); unions are \[MS-SRVS\] 2.2.3.
//! Calls are \[MS-SRVS\] 3.1.4, declared for the opnums the NetApi functions
//! use (see [`OPNUMS`]); start at [`NetrShareEnumRequest`].
//!
//! Field names are the IDL member names without their `shi2_`/`sv101_`/...
//! prefix (`r#type` for `*_type`); parameters keep the spec's spelling
//! (`prefered_maximum_length`). Every union gets a default arm (`Other`)
//! that keeps an unknown level and has no body: the spec's enumeration
//! unions have none, but a client must be able to send and receive a level
//! the server may not know.
//!
//! Left out: the character-device, DFS, alias, path/name canonicalization
//! and `NetrShareDelStart`/`Commit`/`Sticky` methods and their types
//! (`SERVER_ALIAS_INFO_*`, `NET_DFS_*`, `ADT_SECURITY_DESCRIPTOR`), and the
//! `PARM_ERR` value tables (2.2.2.11/2.2.2.12; `ParmErr` stays a `u32`).
//! Samba 4.17's deviations are tagged `quirk(samba-4.17)` where they matter.

mod calls;
mod connection;
mod file;
mod server;
mod session;
mod share;
mod transport;

pub use calls::*;
pub use connection::*;
pub use file::*;
pub use server::*;
pub use session::*;
pub use share::*;
pub use transport::*;

use netapi_ndr::wire_enum;

/// `ERROR_MORE_DATA`: an enumeration's "one page, more follow" ([MS-SRVS] 3.1.4).
const MORE: u32 = netapi_codes::WinError::ERROR_MORE_DATA.0;

/// `SESS_GUEST` (\[MS-SRVS\] 2.2.2.3): the session's user logged on as guest.
pub const SESS_GUEST: u32 = 0x0000_0001;
/// `SESS_NOENCRYPTION` (\[MS-SRVS\] 2.2.2.3): the session did not use password
/// encryption.
pub const SESS_NOENCRYPTION: u32 = 0x0000_0002;

wire_enum! {
    /// Share types (\[MS-SRVS\] 2.2.2.4), as in `shi*_type`, `coni1_type` and
    /// the `NetrShareCheck` answer.
    ///
    /// A base type (low bits) combined with flags (high bits): the `IPC$`
    /// share is `STYPE_IPC | STYPE_SPECIAL` (`0x80000003`), whose `Debug`
    /// is the hex value; use [`ShareType::base`] and
    /// [`ShareType::is_special`] to take it apart.
    pub struct ShareType(u32) {
        /// Disk drive.
        STYPE_DISKTREE = 0x0000_0000,
        /// Print queue.
        STYPE_PRINTQ = 0x0000_0001,
        /// Communication device.
        STYPE_DEVICE = 0x0000_0002,
        /// Interprocess communication (`IPC$`).
        STYPE_IPC = 0x0000_0003,
        /// Flag: a cluster file share.
        STYPE_CLUSTER_FS = 0x0200_0000,
        /// Flag: a cluster scale-out file share.
        STYPE_CLUSTER_SOFS = 0x0400_0000,
        /// Flag: a cluster DFS share.
        STYPE_CLUSTER_DFS = 0x0800_0000,
        /// Flag: a temporary share.
        STYPE_TEMPORARY = 0x4000_0000,
        /// Flag: an administrative share (`IPC$`, `ADMIN$`, `C$`).
        STYPE_SPECIAL = 0x8000_0000,
    }
}

impl ShareType {
    /// Bits that are flags rather than the base type.
    pub const FLAGS: u32 = 0x0200_0000 | 0x0400_0000 | 0x0800_0000 | 0x4000_0000 | 0x8000_0000;

    /// The base type without flags (`STYPE_IPC` for `IPC$`).
    pub const fn base(self) -> Self {
        Self(self.0 & !Self::FLAGS)
    }

    /// Whether `STYPE_SPECIAL` is set.
    pub const fn is_special(self) -> bool {
        self.0 & Self::STYPE_SPECIAL.0 != 0
    }

    /// Whether `STYPE_TEMPORARY` is set.
    pub const fn is_temporary(self) -> bool {
        self.0 & Self::STYPE_TEMPORARY.0 != 0
    }
}

/// `CSC_MASK` and the `shi1005_flags` values (\[MS-SRVS\] 2.2.2.5 and 2.2.4.29):
/// client-side caching policy and share options.
pub mod share_flags {
    /// `SHI1005_FLAGS_DFS`: the share is in a DFS tree.
    pub const SHI1005_FLAGS_DFS: u32 = 0x0000_0001;
    /// `SHI1005_FLAGS_DFS_ROOT`: the share is a DFS root.
    pub const SHI1005_FLAGS_DFS_ROOT: u32 = 0x0000_0002;
    /// `CSC_MASK`: the two bits that hold the caching policy.
    pub const CSC_MASK: u32 = 0x0000_0030;
    /// `CSC_CACHE_MANUAL_REINT`: clients cache files the user pins.
    pub const CSC_CACHE_MANUAL_REINT: u32 = 0x0000_0000;
    /// `CSC_CACHE_AUTO_REINT`: clients cache files automatically.
    pub const CSC_CACHE_AUTO_REINT: u32 = 0x0000_0010;
    /// `CSC_CACHE_VDO`: automatic caching, including programs.
    pub const CSC_CACHE_VDO: u32 = 0x0000_0020;
    /// `CSC_CACHE_NONE`: no offline caching.
    pub const CSC_CACHE_NONE: u32 = 0x0000_0030;
    /// `SHI1005_FLAGS_RESTRICT_EXCLUSIVE_OPENS`.
    pub const SHI1005_FLAGS_RESTRICT_EXCLUSIVE_OPENS: u32 = 0x0000_0100;
    /// `SHI1005_FLAGS_FORCE_SHARED_DELETE`.
    pub const SHI1005_FLAGS_FORCE_SHARED_DELETE: u32 = 0x0000_0200;
    /// `SHI1005_FLAGS_ALLOW_NAMESPACE_CACHING`.
    pub const SHI1005_FLAGS_ALLOW_NAMESPACE_CACHING: u32 = 0x0000_0400;
    /// `SHI1005_FLAGS_ACCESS_BASED_DIRECTORY_ENUM`.
    pub const SHI1005_FLAGS_ACCESS_BASED_DIRECTORY_ENUM: u32 = 0x0000_0800;
    /// `SHI1005_FLAGS_FORCE_LEVELII_OPLOCK`.
    pub const SHI1005_FLAGS_FORCE_LEVELII_OPLOCK: u32 = 0x0000_1000;
    /// `SHI1005_FLAGS_ENABLE_HASH`.
    pub const SHI1005_FLAGS_ENABLE_HASH: u32 = 0x0000_2000;
    /// `SHI1005_FLAGS_ENABLE_CA`: continuously available.
    pub const SHI1005_FLAGS_ENABLE_CA: u32 = 0x0000_4000;
    /// `SHI1005_FLAGS_ENCRYPT_DATA`.
    pub const SHI1005_FLAGS_ENCRYPT_DATA: u32 = 0x0000_8000;
}

wire_enum! {
    /// Platform IDs (\[MS-SRVS\] 2.2.2.6), as in `sv*_platform_id`.
    pub struct PlatformId(u32) {
        /// MS-DOS.
        PLATFORM_ID_DOS = 300,
        /// OS/2.
        PLATFORM_ID_OS2 = 400,
        /// Windows NT and later (Samba answers this too).
        PLATFORM_ID_NT = 500,
        /// OSF.
        PLATFORM_ID_OSF = 600,
        /// VMS.
        PLATFORM_ID_VMS = 700,
    }
}

/// Software type flags (\[MS-SRVS\] 2.2.2.7), the bits of `sv*_type`.
pub mod sv_type {
    /// A workstation.
    pub const SV_TYPE_WORKSTATION: u32 = 0x0000_0001;
    /// A server.
    pub const SV_TYPE_SERVER: u32 = 0x0000_0002;
    /// Runs SQL Server.
    pub const SV_TYPE_SQLSERVER: u32 = 0x0000_0004;
    /// A primary domain controller.
    pub const SV_TYPE_DOMAIN_CTRL: u32 = 0x0000_0008;
    /// A backup domain controller.
    pub const SV_TYPE_DOMAIN_BAKCTRL: u32 = 0x0000_0010;
    /// Runs the time source service.
    pub const SV_TYPE_TIME_SOURCE: u32 = 0x0000_0020;
    /// Runs an Apple File Protocol server.
    pub const SV_TYPE_AFP: u32 = 0x0000_0040;
    /// A Novell server.
    pub const SV_TYPE_NOVELL: u32 = 0x0000_0080;
    /// A LAN Manager 2.x domain member.
    pub const SV_TYPE_DOMAIN_MEMBER: u32 = 0x0000_0100;
    /// Shares a print queue.
    pub const SV_TYPE_PRINTQ_SERVER: u32 = 0x0000_0200;
    /// Runs a dial-in service.
    pub const SV_TYPE_DIALIN_SERVER: u32 = 0x0000_0400;
    /// A Xenix or Unix server (Samba sets it).
    pub const SV_TYPE_XENIX_SERVER: u32 = 0x0000_0800;
    /// Windows NT or later.
    pub const SV_TYPE_NT: u32 = 0x0000_1000;
    /// Windows for Workgroups.
    pub const SV_TYPE_WFW: u32 = 0x0000_2000;
    /// Microsoft File and Print for NetWare.
    pub const SV_TYPE_SERVER_MFPN: u32 = 0x0000_4000;
    /// A Windows NT server that is not a domain controller.
    pub const SV_TYPE_SERVER_NT: u32 = 0x0000_8000;
    /// Can run the browser service.
    pub const SV_TYPE_POTENTIAL_BROWSER: u32 = 0x0001_0000;
    /// A backup browser.
    pub const SV_TYPE_BACKUP_BROWSER: u32 = 0x0002_0000;
    /// The master browser.
    pub const SV_TYPE_MASTER_BROWSER: u32 = 0x0004_0000;
    /// The domain master browser.
    pub const SV_TYPE_DOMAIN_MASTER: u32 = 0x0008_0000;
    /// Windows Me, 98 or 95.
    pub const SV_TYPE_WINDOWS: u32 = 0x0040_0000;
    /// The root of a DFS tree.
    pub const SV_TYPE_DFS: u32 = 0x0080_0000;
    /// A cluster.
    pub const SV_TYPE_CLUSTER_NT: u32 = 0x0100_0000;
    /// A terminal server.
    pub const SV_TYPE_TERMINALSERVER: u32 = 0x0200_0000;
    /// A cluster virtual server.
    pub const SV_TYPE_CLUSTER_VS_NT: u32 = 0x0400_0000;
    /// IBM DSS.
    pub const SV_TYPE_DCE: u32 = 0x1000_0000;
    /// Returned by an alternate transport.
    pub const SV_TYPE_ALTERNATE_XPORT: u32 = 0x2000_0000;
    /// Maintained by the browser locally.
    pub const SV_TYPE_LOCAL_LIST_ONLY: u32 = 0x4000_0000;
    /// A primary domain.
    pub const SV_TYPE_DOMAIN_ENUM: u32 = 0x8000_0000;
}

/// `PERM_FILE_*` (\[MS-SRVS\] 2.2.4.7 `fi3_permissions`).
pub mod file_permissions {
    /// Opened for reading.
    pub const PERM_FILE_READ: u32 = 0x0000_0001;
    /// Opened for writing.
    pub const PERM_FILE_WRITE: u32 = 0x0000_0002;
    /// Opened for creation.
    pub const PERM_FILE_CREATE: u32 = 0x0000_0004;
}

crate::calls! {
    /// The server service interface (\[MS-SRVS\] 1.9, Appendix A).
    interface Srvsvc {
        name: "srvsvc",
        uuid: "4b324fc8-1670-01d3-1278-5a47bf6ee188",
        version: (3, 0),
        pipe: "srvsvc",
        status: Win32,
    }
    8 => NetrConnectionEnum(NetrConnectionEnumRequest) -> NetrConnectionEnumResponse { more: MORE },
    9 => NetrFileEnum(NetrFileEnumRequest) -> NetrFileEnumResponse { more: MORE },
    10 => NetrFileGetInfo(NetrFileGetInfoRequest) -> NetrFileGetInfoResponse,
    11 => NetrFileClose(NetrFileCloseRequest) -> NetrFileCloseResponse,
    12 => NetrSessionEnum(NetrSessionEnumRequest) -> NetrSessionEnumResponse { more: MORE },
    13 => NetrSessionDel(NetrSessionDelRequest) -> NetrSessionDelResponse,
    14 => NetrShareAdd(NetrShareAddRequest) -> NetrShareAddResponse,
    15 => NetrShareEnum(NetrShareEnumRequest) -> NetrShareEnumResponse { more: MORE },
    16 => NetrShareGetInfo(NetrShareGetInfoRequest) -> NetrShareGetInfoResponse,
    17 => NetrShareSetInfo(NetrShareSetInfoRequest) -> NetrShareSetInfoResponse,
    18 => NetrShareDel(NetrShareDelRequest) -> NetrShareDelResponse,
    20 => NetrShareCheck(NetrShareCheckRequest) -> NetrShareCheckResponse,
    21 => NetrServerGetInfo(NetrServerGetInfoRequest) -> NetrServerGetInfoResponse,
    22 => NetrServerSetInfo(NetrServerSetInfoRequest) -> NetrServerSetInfoResponse,
    23 => NetrServerDiskEnum(NetrServerDiskEnumRequest) -> NetrServerDiskEnumResponse { more: MORE },
    24 => NetrServerStatisticsGet(NetrServerStatisticsGetRequest) -> NetrServerStatisticsGetResponse,
    26 => NetrServerTransportEnum(NetrServerTransportEnumRequest) -> NetrServerTransportEnumResponse { more: MORE },
    28 => NetrRemoteTOD(NetrRemoteTODRequest) -> NetrRemoteTODResponse,
    41 => NetrServerTransportAddEx(NetrServerTransportAddExRequest) -> NetrServerTransportAddExResponse,
    53 => NetrServerTransportDelEx(NetrServerTransportDelExRequest) -> NetrServerTransportDelExResponse,
}

#[cfg(test)]
mod tests;
