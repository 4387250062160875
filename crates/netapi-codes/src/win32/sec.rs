//! SSPI status codes (`SEC_E_*`, `FACILITY_SECURITY` HRESULTs 0x80090300-0x80090363) that
//! authentication failures are reported with: the `MessageText` of each code in the Windows
//! SDK's `winerror.h` (10.0.22000), which is the text `FormatMessageW` returns for it
//! ([MS-ERREF] 2.1). They share the `WinError` space because Windows' NetApi functions return
//! them unchanged when the security package fails before the server is reached (pywin32 shows
//! them as negative `winerror` values).

use crate::WinError;

codes! {
    impl WinError as WIN32_SEC {
        SEC_E_INSUFFICIENT_MEMORY = 0x8009_0300 "Not enough memory is available to complete this request";
        SEC_E_INVALID_HANDLE = 0x8009_0301 "The handle specified is invalid";
        SEC_E_UNSUPPORTED_FUNCTION = 0x8009_0302 "The function requested is not supported";
        SEC_E_TARGET_UNKNOWN = 0x8009_0303 "The specified target is unknown or unreachable";
        SEC_E_INTERNAL_ERROR = 0x8009_0304 "The Local Security Authority cannot be contacted";
        SEC_E_SECPKG_NOT_FOUND = 0x8009_0305 "The requested security package does not exist";
        SEC_E_INVALID_TOKEN = 0x8009_0308 "The token supplied to the function is invalid";
        SEC_E_LOGON_DENIED = 0x8009_030C "The logon attempt failed";
        SEC_E_UNKNOWN_CREDENTIALS = 0x8009_030D "The credentials supplied to the package were not recognized";
        SEC_E_NO_CREDENTIALS = 0x8009_030E "No credentials are available in the security package";
        SEC_E_MESSAGE_ALTERED = 0x8009_030F "The message or signature supplied for verification has been altered";
        SEC_E_OUT_OF_SEQUENCE = 0x8009_0310 "The message supplied for verification is out of sequence";
        SEC_E_NO_AUTHENTICATING_AUTHORITY = 0x8009_0311 "No authority could be contacted for authentication.";
        SEC_E_CONTEXT_EXPIRED = 0x8009_0317 "The context has expired and can no longer be used.";
        SEC_E_WRONG_PRINCIPAL = 0x8009_0322 "The target principal name is incorrect.";
        SEC_E_TIME_SKEW = 0x8009_0324 "The clocks on the client and server machines are skewed.";
    }
}
