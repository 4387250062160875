//! SESSION_SETUP and LOGOFF ([MS-SMB2] 2.2.5, 2.2.6, 2.2.7, 2.2.8).
//!
//! The security buffer carries SPNEGO tokens ([MS-SPNG]); producing them is `netapi-auth`'s job.
//! Session binding (multichannel) is not used: `Flags` stays 0 and `PreviousSessionId` 0.

use crate::error::Result;
use crate::wire::{HDR, Put, Reader, field};

/// `SessionFlags` bits of the response ([MS-SMB2] 2.2.6).
pub mod session_flags {
    /// The server logged us on as guest.
    pub const IS_GUEST: u16 = 0x0001;
    /// Anonymous (null) session.
    pub const IS_NULL: u16 = 0x0002;
    /// Everything on this session must be encrypted (3.x).
    pub const ENCRYPT_DATA: u16 = 0x0004;
}

/// SMB2 SESSION_SETUP request ([MS-SMB2] 2.2.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSetupRequest {
    /// `SecurityMode` (signing enabled / required).
    pub security_mode: u8,
    /// `Capabilities` (only DFS is defined).
    pub capabilities: u32,
    /// The GSS token.
    pub security_buffer: Vec<u8>,
}

impl SessionSetupRequest {
    /// Encode the body.
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(24 + self.security_buffer.len());
        b.put_u16(25);
        b.put_u8(0); // Flags: no binding
        b.put_u8(self.security_mode);
        b.put_u32(self.capabilities);
        b.put_u32(0); // Channel
        b.put_u16((HDR + 24) as u16);
        b.put_u16(self.security_buffer.len() as u16);
        b.put_u64(0); // PreviousSessionId
        b.extend_from_slice(&self.security_buffer);
        b
    }

    /// Parse a request (test peers).
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "SESSION_SETUP request");
        r.structure_size(25)?;
        r.skip(1)?;
        let security_mode = r.u8()?;
        let capabilities = r.u32()?;
        r.skip(4)?;
        let off = usize::from(r.u16()?);
        let len = usize::from(r.u16()?);
        let security_buffer = field(msg, off, len, "SESSION_SETUP security buffer")?.to_vec();
        Ok(SessionSetupRequest {
            security_mode,
            capabilities,
            security_buffer,
        })
    }
}

/// SMB2 SESSION_SETUP response ([MS-SMB2] 2.2.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSetupResponse {
    /// `SessionFlags`.
    pub session_flags: u16,
    /// The server's GSS token.
    pub security_buffer: Vec<u8>,
}

impl SessionSetupResponse {
    /// Parse the body of `msg`.
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "SESSION_SETUP response");
        r.structure_size(9)?;
        let session_flags = r.u16()?;
        let off = usize::from(r.u16()?);
        let len = usize::from(r.u16()?);
        let security_buffer = field(msg, off, len, "SESSION_SETUP security buffer")?.to_vec();
        Ok(SessionSetupResponse {
            session_flags,
            security_buffer,
        })
    }

    /// Encode the body (test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(8 + self.security_buffer.len());
        b.put_u16(9);
        b.put_u16(self.session_flags);
        b.put_u16((HDR + 8) as u16);
        b.put_u16(self.security_buffer.len() as u16);
        b.extend_from_slice(&self.security_buffer);
        if self.security_buffer.is_empty() {
            b.put_u8(0);
        }
        b
    }
}

/// The 4-byte body shared by LOGOFF, TREE_DISCONNECT and ECHO requests and responses
/// ([MS-SMB2] 2.2.7, 2.2.8, 2.2.11, 2.2.12, 2.2.28, 2.2.29).
pub fn empty_body() -> Vec<u8> {
    vec![4, 0, 0, 0]
}

/// Check a 4-byte body.
pub fn parse_empty_body(msg: &[u8], what: &'static str) -> Result<()> {
    let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), what);
    r.structure_size(4)?;
    r.skip(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_vectors::*;

    #[test]
    fn decodes_windows_session_setup_messages() {
        let req = SessionSetupRequest::parse(&h(SS_REQ1)).unwrap();
        assert_eq!(req.security_mode, 1);
        assert_eq!(req.capabilities, 1);
        assert_eq!(req.security_buffer.len(), 0x4A);
        assert_eq!(req.encode(), h(SS_REQ1)[64..]);

        let resp = SessionSetupResponse::parse(&h(SS_RESP1)).unwrap();
        assert_eq!(resp.session_flags, 0);
        assert_eq!(resp.security_buffer.len(), 0xB3);
        let fin = SessionSetupResponse::parse(&h(SS_RESP_FINAL)).unwrap();
        assert_eq!(fin.security_buffer.len(), 0x1D);
    }

    #[test]
    fn truncated_session_setup_response_fails() {
        let msg = h(SS_RESP1);
        for n in 0..msg.len() {
            assert!(
                SessionSetupResponse::parse(&msg[..n]).is_err(),
                "prefix {n}"
            );
        }
    }
}
