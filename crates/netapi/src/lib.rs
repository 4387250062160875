//! netapi: the Windows Network Management API (what pywin32's `win32net` exposes) from any OS.
//!
//! Calls go over netapi's own protocol stack — SMB2/3 named pipes or TCP carrying DCE/RPC with
//! NDR20 — to Windows or Samba servers. Information levels are types ([`info`]), enumerations
//! come as pages or iterators, and every failure is one [`Error`] carrying the Windows code and
//! message. Start with [`Client`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod con;
mod error;
pub mod info;

pub use error::{Code, Error, Kind};
pub use netapi_codes::{NtStatus, RpcFault, WinError};

/// Result of a NetApi call.
pub type Result<T, E = Error> = std::result::Result<T, E>;
mod blocking;
mod client;
pub mod options;
mod rpc;
pub mod uses;

pub use client::{AsyncClient, Client, Page, disconnect_all, parse_server_name};
pub use options::{Options, Transport};
mod domain;
mod file;
mod group;
mod localgroup;
mod membership;
mod message;
mod modals;
mod server;
mod session;
mod share;
mod user;
mod user_enum;
mod user_password;
mod wksta;

pub use con::{MAX_PREFERRED_LENGTH, SV_TYPE_ALL};
pub use domain::{
    JoinInformation, NET_SETUP_DNS_MACHINE, NET_SETUP_DOMAIN, NET_SETUP_DOMAIN_NAME,
    NET_SETUP_MACHINE, NET_SETUP_NON_EXISTENT_DOMAIN, NET_SETUP_UNJOINED, NET_SETUP_UNKNOWN_STATUS,
    NET_SETUP_WORKGROUP, NET_SETUP_WORKGROUP_NAME,
};
pub use file::Statistics;
pub use rpc::paging::Pages;
