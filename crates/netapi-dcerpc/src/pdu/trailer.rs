//! The auth verifier: `sec_trailer` + `auth_value` (\[C706\] 12.6.3.1 `auth_verifier_co_t`,
//! [MS-RPCE] 2.2.2.11 and 2.2.1.1.7-8 for the type and level values).
//!
//! The trailer sits at `frag_length - auth_length - 8`, preceded by `auth_pad_length` padding
//! bytes; the token or signature (`auth_value`) follows it up to the end of the PDU.

use crate::codec::{Put, Reader};
use crate::error::Error;

wire_values! {
    /// `auth_type`: the security provider ([MS-RPCE] 2.2.1.1.7).
    pub struct AuthType(u8) {
        /// No authentication.
        NONE = 0;
        /// SPNEGO (`RPC_C_AUTHN_GSS_NEGOTIATE`).
        SPNEGO = 9;
        /// Raw NTLMSSP (`RPC_C_AUTHN_WINNT`).
        NTLMSSP = 10;
        /// Schannel (`RPC_C_AUTHN_GSS_SCHANNEL`).
        SCHANNEL = 14;
        /// Kerberos (`RPC_C_AUTHN_GSS_KERBEROS`).
        KERBEROS = 16;
        /// Netlogon secure channel (`RPC_C_AUTHN_NETLOGON`).
        NETLOGON = 0x44;
        /// `RPC_C_AUTHN_DEFAULT`.
        DEFAULT = 0xff;
    }
}

wire_values! {
    /// `auth_level` ([MS-RPCE] 2.2.1.1.8). A client association uses `NONE`, `CONNECT`,
    /// `PKT_INTEGRITY` or `PKT_PRIVACY`.
    pub struct AuthLevel(u8) {
        /// `RPC_C_AUTHN_LEVEL_DEFAULT`.
        DEFAULT = 0;
        /// No authentication.
        NONE = 1;
        /// Authenticate at bind time only.
        CONNECT = 2;
        /// `RPC_C_AUTHN_LEVEL_CALL` (treated as integrity by Windows).
        CALL = 3;
        /// `RPC_C_AUTHN_LEVEL_PKT` (treated as integrity by Windows).
        PKT = 4;
        /// Every request/response PDU signed.
        PKT_INTEGRITY = 5;
        /// Every request/response PDU signed and its stub encrypted.
        PKT_PRIVACY = 6;
    }
}

/// `sec_trailer` ([MS-RPCE] 2.2.2.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecTrailer {
    /// Security provider.
    pub auth_type: AuthType,
    /// Protection level.
    pub auth_level: AuthLevel,
    /// Padding bytes between the stub (or body) and this trailer.
    pub pad_length: u8,
    /// `auth_reserved`, 0.
    pub reserved: u8,
    /// Identifies the security context on the association.
    pub context_id: u32,
}

impl SecTrailer {
    /// Encoded size.
    pub const LEN: usize = 8;

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<SecTrailer, Error> {
        Ok(SecTrailer {
            auth_type: AuthType(r.u8("sec_trailer")?),
            auth_level: AuthLevel(r.u8("sec_trailer")?),
            pad_length: r.u8("sec_trailer")?,
            reserved: r.u8("sec_trailer")?,
            context_id: r.u32("sec_trailer")?,
        })
    }

    pub(crate) fn encode_into(&self, out: &mut Vec<u8>) {
        out.put_u8(self.auth_type.0);
        out.put_u8(self.auth_level.0);
        out.put_u8(self.pad_length);
        out.put_u8(self.reserved);
        out.put_u32(self.context_id);
    }
}

/// A sec_trailer with its `auth_value` (a handshake token or a signature).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthVerifier {
    /// The trailer.
    pub trailer: SecTrailer,
    /// `auth_value`: `auth_length` bytes.
    pub value: Vec<u8>,
}
