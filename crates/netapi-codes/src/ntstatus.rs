//! NTSTATUS values ([MS-ERREF] 2.3): what SMB2, SAMR, LSA and NETLOGON return,
//! and their translation to Win32 codes.
//!
//! The table covers facility 0 (all `STATUS_*` codes), facility 1 (`DBG_*`)
//! and facilities 2-3 (`RPC_NT_*`, `EPT_NT_*`), split by range:
//! `ntstatus/s0000.rs` (severities 0-2), `c0000.rs`, `c0200.rs`, `c0400.rs`
//! (0xC000xxxx errors) and `c0001.rs` (0xC001xxxx-0xC003xxxx). The mapping to
//! Win32 is in `ntstatus_map.rs`; start at [`NtStatus::to_win32`].

mod c0000;
mod c0001;
mod c0200;
mod c0400;
mod s0000;

use crate::{WinError, ntstatus_map};

code_space! {
    /// An NTSTATUS value ([MS-ERREF] 2.3), kept as received.
    ///
    /// An open set: any `u32` is a valid `NtStatus`. `Debug` prints the header
    /// name (`STATUS_LOGON_FAILURE`) or `0x…`; `Display` prints the
    /// description or `0x…`. [`to_win32`](Self::to_win32) gives the Win32 code
    /// a Windows client would report.
    ///
    /// ```
    /// use netapi_codes::{NtStatus, WinError};
    /// let s = NtStatus(0xC000_006D);
    /// assert_eq!(s, NtStatus::STATUS_LOGON_FAILURE);
    /// assert_eq!(format!("{s:?}"), "STATUS_LOGON_FAILURE");
    /// assert_eq!(s.to_win32(), WinError::ERROR_LOGON_FAILURE);
    /// ```
    pub struct NtStatus(u32);
    chunks = [
        s0000::NT_SUCCESS_WARNING,
        c0000::NT_C000_0000,
        c0200::NT_C000_0200,
        c0400::NT_C000_0400,
        c0001::NT_DBG_RPC,
    ];
    aliases = [s0000::NT_SUCCESS_WARNING_ALIASES];
    display: message;
}

/// `FACILITY_NTWIN32`: an NTSTATUS whose low 16 bits are a Win32 code.
pub const FACILITY_NTWIN32: u16 = 7;

/// The severity field of an NTSTATUS (bits 30-31).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// 0: success.
    Success,
    /// 1: informational.
    Informational,
    /// 2: warning.
    Warning,
    /// 3: error.
    Error,
}

impl NtStatus {
    /// The severity field (bits 30-31).
    pub const fn severity(self) -> Severity {
        match self.0 >> 30 {
            0 => Severity::Success,
            1 => Severity::Informational,
            2 => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// `NT_SUCCESS`: severity success or informational.
    pub const fn is_success(self) -> bool {
        (self.0 as i32) >= 0
    }

    /// `NT_ERROR`: severity error.
    pub const fn is_error(self) -> bool {
        self.0 >> 30 == 3
    }

    /// The customer bit (bit 29): set for codes not defined by Microsoft.
    pub const fn is_customer(self) -> bool {
        self.0 & 0x2000_0000 != 0
    }

    /// The facility field (bits 16-27).
    pub const fn facility(self) -> u16 {
        ((self.0 >> 16) & 0x0FFF) as u16
    }

    /// The code field (bits 0-15).
    pub const fn code(self) -> u16 {
        (self.0 & 0xFFFF) as u16
    }

    /// `true` for the "more data / next page" statuses that enumerations
    /// consume (`STATUS_MORE_ENTRIES`, `STATUS_BUFFER_OVERFLOW`).
    pub const fn is_more_entries(self) -> bool {
        self.0 == Self::STATUS_MORE_ENTRIES.0 || self.0 == Self::STATUS_BUFFER_OVERFLOW.0
    }

    /// `NTSTATUS_FROM_WIN32`: a Win32 code packed as `0xC007xxxx`
    /// (`ERROR_SUCCESS` stays 0).
    pub const fn from_win32(code: WinError) -> Self {
        if code.0 == 0 {
            NtStatus(0)
        } else {
            NtStatus(0xC007_0000 | (code.0 & 0xFFFF))
        }
    }

    /// The Win32 code Windows reports for this status, with the semantics of
    /// `RtlNtStatusToDosError`:
    ///
    /// * `STATUS_SUCCESS` gives `ERROR_SUCCESS`;
    /// * a code with the customer bit set is returned unchanged;
    /// * a Win32 code packed in an NTSTATUS (`0xC007xxxx`, facility
    ///   `FACILITY_NTWIN32`) or in a `FACILITY_WIN32` HRESULT (`0x8007xxxx`)
    ///   gives `xxxx`;
    /// * otherwise the mapping table (success and informational codes
    ///   included: `STATUS_PENDING` gives `ERROR_IO_PENDING`,
    ///   `STATUS_MORE_ENTRIES` gives `ERROR_MORE_DATA`, ...);
    /// * a code with no mapping gives `ERROR_MR_MID_NOT_FOUND` (317).
    pub fn to_win32(self) -> WinError {
        if self.0 == 0 {
            return WinError::ERROR_SUCCESS;
        }
        if self.is_customer() {
            return WinError(self.0);
        }
        match self.0 & 0xFFFF_0000 {
            0xC007_0000 | 0x8007_0000 => return WinError(self.0 & 0xFFFF),
            _ => {}
        }
        ntstatus_map::lookup(self).unwrap_or(WinError::ERROR_MR_MID_NOT_FOUND)
    }

    /// Like [`to_win32`](Self::to_win32), but `None` where Windows would fall
    /// back to `ERROR_MR_MID_NOT_FOUND` because the status has no mapping.
    pub fn to_win32_checked(self) -> Option<WinError> {
        if self.0 == 0
            || self.is_customer()
            || matches!(self.0 & 0xFFFF_0000, 0xC007_0000 | 0x8007_0000)
        {
            Some(self.to_win32())
        } else {
            ntstatus_map::lookup(self)
        }
    }
}

impl core::error::Error for NtStatus {}
