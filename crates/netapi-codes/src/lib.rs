//! Every status code netapi can meet, with Windows' English message texts and
//! the translations between code spaces.
//!
//! * [`WinError`]: Win32 codes ([MS-ERREF] 2.2, `winerror.h`) and NERR_* codes
//!   (`lmerr.h`), with the texts pywin32 shows as `strerror`
//!   ([`pywin32_strerror`]).
//! * [`NtStatus`]: NTSTATUS values ([MS-ERREF] 2.3, `ntstatus.h`) and
//!   [`NtStatus::to_win32`], the `RtlNtStatusToDosError` mapping.
//! * [`RpcFault`], [`BindNakReason`], [`ContextResult`], [`ProviderReason`]:
//!   DCE/RPC statuses (\[C706\], [MS-RPCE]) and [`RpcFault::to_win32`].
//!
//! Message texts come from Microsoft's published headers (Windows SDK
//! 10.0.22000 `winerror.h`, `ntstatus.h`, `lmerr.h`, `rpcnterr.h`) and
//! learn.microsoft.com ("System Error Codes", "Network Management Error
//! Codes"); each table module names its source. Pure: no I/O, no allocation
//! except in [`pywin32_strerror`], no dependencies.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[macro_use]
mod macros;

mod nerr;
mod ntstatus;
mod ntstatus_map;
mod rpc;
mod win32;

pub use macros::Entry;
pub use ntstatus::{FACILITY_NTWIN32, NtStatus, Severity};
pub use rpc::{BindNakReason, ContextResult, ProviderReason, RpcFault};
pub use win32::{MAX_NERR, NERR_BASE, PYWIN32_NO_MESSAGE, WinError};

/// The `strerror` pywin32 puts in `pywintypes.error` for a Win32 /
/// NET_API_STATUS code: Windows' English `FormatMessageW` text with the
/// trailing line break removed, or `"No error message is available"` for a
/// code this table has no text for.
///
/// ```
/// assert_eq!(netapi_codes::pywin32_strerror(5), "Access is denied.");
/// assert_eq!(netapi_codes::pywin32_strerror(0xDEAD), "No error message is available");
/// ```
pub fn pywin32_strerror(code: u32) -> String {
    WinError(code).pywin32_strerror().to_owned()
}

#[cfg(test)]
mod tests;
