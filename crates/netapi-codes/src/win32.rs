//! Win32 error codes ([MS-ERREF] 2.2) and the NERR_* network management codes
//! that share their number space (`lmerr.h`, 2100-2999).
//!
//! The table is split by range: `win32/t0000.rs` (0-499), `t0500.rs`
//! (500-999), `t1000.rs` (1000-1699), `t1700.rs` (1700-2099, RPC), `nerr.rs`
//! (2100-2999), `t3000.rs` (3000-3999), `t6000.rs` (6000-6199, 8200-8999) and `sec.rs`
//! (the SSPI `SEC_E_*` HRESULTs authentication failures are reported with).
//! Each module header names the source of its texts. Codes outside these
//! ranges are still representable; they just have no name or message here.

mod sec;
mod t0000;
mod t0500;
mod t1000;
mod t1700;
mod t3000;
mod t6000;

use crate::nerr;

code_space! {
    /// A Win32 error code (`DWORD`, `NET_API_STATUS`): [MS-ERREF] 2.2 values and
    /// NERR_* values.
    ///
    /// An open set: any `u32` is a valid `WinError`. `Debug` prints the header
    /// name (`ERROR_ACCESS_DENIED`) or `0x…`; `Display` prints the message
    /// pywin32 would show as `strerror` (`Access is denied.`) or `0x…`.
    ///
    /// ```
    /// use netapi_codes::WinError;
    /// let e = WinError::NERR_UserNotFound;
    /// assert_eq!(e.0, 2221);
    /// assert_eq!(format!("{e:?}"), "NERR_UserNotFound");
    /// assert_eq!(e.to_string(), "The user name could not be found.");
    /// ```
    pub struct WinError(u32);
    chunks = [
        t0000::WIN32_0000,
        t0500::WIN32_0500,
        t1000::WIN32_1000,
        t1700::WIN32_1700,
        nerr::WIN32_NERR,
        t3000::WIN32_3000,
        t6000::WIN32_6000,
        sec::WIN32_SEC,
    ];
    aliases = [t0000::WIN32_0000_ALIASES, nerr::WIN32_NERR_ALIASES];
    display: message;
}

/// First NERR_* code (`NERR_BASE` in `lmerr.h`).
pub const NERR_BASE: u32 = 2100;
/// Last NERR_* code (`MAX_NERR` in `lmerr.h`).
pub const MAX_NERR: u32 = 2999;

/// What pywin32 puts in `strerror` when `FormatMessageW` finds no text.
pub const PYWIN32_NO_MESSAGE: &str = "No error message is available";

impl WinError {
    /// `true` for `ERROR_SUCCESS` (0, also `NERR_Success`).
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// `true` if the code is in the NERR_* range (2100-2999), where
    /// `FormatMessageW` as pywin32 calls it looks in `netmsg.dll` first.
    pub const fn is_nerr(self) -> bool {
        self.0 >= NERR_BASE && self.0 <= MAX_NERR
    }

    /// `true` for the "more data / next page" codes that enumerations consume
    /// (`ERROR_MORE_DATA`, 234).
    pub const fn is_more_data(self) -> bool {
        self.0 == Self::ERROR_MORE_DATA.0
    }

    /// The `strerror` pywin32 builds for this code: the message, or
    /// `"No error message is available"` when there is none.
    pub fn pywin32_strerror(self) -> &'static str {
        self.message().unwrap_or(PYWIN32_NO_MESSAGE)
    }

    /// `HRESULT_FROM_WIN32`: 0 stays 0, codes above 0xFFFF are returned as
    /// they are, anything else becomes `0x8007xxxx`.
    pub const fn to_hresult(self) -> u32 {
        if self.0 == 0 || self.0 > 0xFFFF {
            self.0
        } else {
            0x8007_0000 | self.0
        }
    }

    /// The Win32 code inside a `FACILITY_WIN32` HRESULT (`0x8007xxxx`), if
    /// `hresult` is one. `S_OK` (0) gives `ERROR_SUCCESS`.
    pub const fn from_hresult(hresult: u32) -> Option<Self> {
        if hresult == 0 {
            Some(WinError(0))
        } else if hresult & 0xFFFF_0000 == 0x8007_0000 {
            Some(WinError(hresult & 0xFFFF))
        } else {
            None
        }
    }
}

impl core::error::Error for WinError {}
