//! The few NTSTATUS values the SMB2 core acts on ([MS-ERREF] 2.3.1). Values stay `u32` as
//! received; names and messages for all codes live in `netapi-codes`.

/// The operation completed.
pub const STATUS_SUCCESS: u32 = 0x0000_0000;
/// Interim response: the server finishes the request asynchronously ([MS-SMB2] 3.3.4.2).
pub const STATUS_PENDING: u32 = 0x0000_0103;
/// Warning: more data is available than fitted; continue with READ ([MS-SMB2] 3.3.5.15.8, 3.3.5.12).
pub const STATUS_BUFFER_OVERFLOW: u32 = 0x8000_0005;
/// SESSION_SETUP needs another round trip ([MS-SMB2] 3.3.5.5.3).
pub const STATUS_MORE_PROCESSING_REQUIRED: u32 = 0xC000_0016;
/// Access denied.
pub const STATUS_ACCESS_DENIED: u32 = 0xC000_0022;
/// Unknown user name or bad password.
pub const STATUS_LOGON_FAILURE: u32 = 0xC000_006D;
/// The named object (e.g. a pipe) does not exist.
pub const STATUS_OBJECT_NAME_NOT_FOUND: u32 = 0xC000_0034;
/// The request is not supported.
pub const STATUS_NOT_SUPPORTED: u32 = 0xC000_00BB;
/// The share does not exist.
pub const STATUS_BAD_NETWORK_NAME: u32 = 0xC000_00CC;
/// The session is gone (expired or logged off).
pub const STATUS_USER_SESSION_DELETED: u32 = 0xC000_0203;
/// The device does not accept the FSCTL.
pub const STATUS_INVALID_DEVICE_REQUEST: u32 = 0xC000_0010;
/// The handle was closed.
pub const STATUS_FILE_CLOSED: u32 = 0xC000_0128;
/// The pipe has been ended by the server.
pub const STATUS_PIPE_BROKEN: u32 = 0xC000_014B;

/// True for error-severity codes (top two bits set).
pub fn is_error(status: u32) -> bool {
    status >> 30 == 3
}
