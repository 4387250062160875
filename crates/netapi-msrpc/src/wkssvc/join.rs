//! Domain membership and name validation (\[MS-WKST\] 2.2.3.1, 2.2.3.2, 2.2.5.17, 2.2.5.18), for
//! NetrGetJoinInformation and NetrValidateName2. The enumerations keep the spec's (and
//! win32netcon's) camel-case names.
#![allow(non_upper_case_globals)]

use netapi_ndr::{Ndr, wire_enum};

/// `JOIN_OBFUSCATOR_LENGTH` (\[MS-WKST\] 2.2.1.2).
pub const JOIN_OBFUSCATOR_LENGTH: usize = 8;
/// `JOIN_MAX_PASSWORD_LENGTH` (\[MS-WKST\] 2.2.1.1), in UTF-16 units.
pub const JOIN_MAX_PASSWORD_LENGTH: usize = 256;
/// Bytes of a `JOINPR_ENCRYPTED_USER_PASSWORD` buffer: obfuscator, password buffer, length.
pub const JOINPR_ENCRYPTED_LEN: usize = JOIN_OBFUSCATOR_LENGTH + JOIN_MAX_PASSWORD_LENGTH * 2 + 4;

wire_enum! {
    /// `NETSETUP_JOIN_STATUS` (\[MS-WKST\] 2.2.3.1): an NDR `enum` (16 bits on the wire).
    pub struct NetSetupJoinStatus(u16) {
        /// The status is unknown.
        NetSetupUnknownStatus = 0,
        /// Not joined to a domain or a workgroup.
        NetSetupUnjoined = 1,
        /// A member of a workgroup.
        NetSetupWorkgroupName = 2,
        /// A member of a domain.
        NetSetupDomainName = 3,
    }
}

wire_enum! {
    /// `NETSETUP_NAME_TYPE` (\[MS-WKST\] 2.2.3.2): what NetrValidateName2 checks a name as; an
    /// NDR `enum` (16 bits on the wire).
    pub struct NetSetupNameType(u16) {
        /// Reserved.
        NetSetupUnknown = 0,
        /// A NetBIOS computer name not in use.
        NetSetupMachine = 1,
        /// A workgroup name.
        NetSetupWorkgroup = 2,
        /// A NetBIOS domain name of an existing domain.
        NetSetupDomain = 3,
        /// A NetBIOS domain name no domain has yet.
        NetSetupNonExistentDomain = 4,
        /// A DNS computer name.
        NetSetupDnsMachine = 5,
    }
}

/// `JOINPR_ENCRYPTED_USER_PASSWORD` (\[MS-WKST\] 2.2.5.18): a `JOINPR_USER_PASSWORD` (2.2.5.17:
/// 8-byte obfuscator, 512-byte UTF-16 buffer with the password at its end, byte length) whose
/// last 516 bytes are RC4-encrypted with `MD5(session key, obfuscator)`. A fixed array of bytes
/// (alignment 1).
#[derive(Ndr, Clone, PartialEq, Eq)]
#[doc(alias = "JOINPR_ENCRYPTED_USER_PASSWORD")]
pub struct JoinprEncryptedUserPassword {
    /// `Buffer`.
    pub buffer: [u8; JOINPR_ENCRYPTED_LEN],
}

impl Default for JoinprEncryptedUserPassword {
    fn default() -> Self {
        Self {
            buffer: [0; JOINPR_ENCRYPTED_LEN],
        }
    }
}

impl std::fmt::Debug for JoinprEncryptedUserPassword {
    /// An encrypted secret: only its size is shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "JoinprEncryptedUserPassword({} bytes)",
            self.buffer.len()
        )
    }
}
