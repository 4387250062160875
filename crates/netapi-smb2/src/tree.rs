//! TREE_CONNECT and TREE_DISCONNECT ([MS-SMB2] 2.2.9, 2.2.10, 2.2.11, 2.2.12).
//!
//! Named pipes live on the `IPC$` share, so the path is `\\server\IPC$`. The 3.1.1 tree connect
//! extensions (cluster reconnect, redirect, remoted identity) are not used.

use crate::error::{Error, Result};
use crate::wire::{HDR, Put, Reader, from_utf16le, utf16le};

/// Longest share path we send, in UTF-16 code units (well above any `\\server\share`).
pub const MAX_PATH_UNITS: usize = 1024;

/// `ShareType` values ([MS-SMB2] 2.2.10).
pub mod share_type {
    /// Disk share.
    pub const DISK: u8 = 0x01;
    /// Named pipe share (IPC$).
    pub const PIPE: u8 = 0x02;
    /// Printer share.
    pub const PRINT: u8 = 0x03;
}

/// `ShareFlags` bits we act on ([MS-SMB2] 2.2.10).
pub mod share_flags {
    /// The share requires encryption (3.x).
    pub const ENCRYPT_DATA: u32 = 0x0000_8000;
}

/// SMB2 TREE_CONNECT request ([MS-SMB2] 2.2.9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeConnectRequest {
    /// `\\server\share`.
    pub path: String,
}

impl TreeConnectRequest {
    /// Encode the body.
    pub fn encode(&self) -> Result<Vec<u8>> {
        let path = utf16le(&self.path);
        if path.len() / 2 > MAX_PATH_UNITS {
            return Err(Error::Usage("share path too long"));
        }
        let mut b = Vec::with_capacity(8 + path.len());
        b.put_u16(9);
        b.put_u16(0);
        b.put_u16((HDR + 8) as u16);
        b.put_u16(path.len() as u16);
        b.extend_from_slice(&path);
        Ok(b)
    }

    /// Parse a request (test peers).
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "TREE_CONNECT request");
        r.structure_size(9)?;
        r.skip(2)?;
        let off = usize::from(r.u16()?);
        let len = usize::from(r.u16()?);
        let raw = crate::wire::field(msg, off, len, "TREE_CONNECT path")?;
        Ok(TreeConnectRequest {
            path: from_utf16le(raw, "TREE_CONNECT path")?,
        })
    }
}

/// SMB2 TREE_CONNECT response ([MS-SMB2] 2.2.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeConnectResponse {
    /// `ShareType`.
    pub share_type: u8,
    /// `ShareFlags`.
    pub share_flags: u32,
    /// `Capabilities`.
    pub capabilities: u32,
    /// `MaximalAccess`.
    pub maximal_access: u32,
}

impl TreeConnectResponse {
    /// Parse the body of `msg`.
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "TREE_CONNECT response");
        r.structure_size(16)?;
        let share_type = r.u8()?;
        r.skip(1)?;
        Ok(TreeConnectResponse {
            share_type,
            share_flags: r.u32()?,
            capabilities: r.u32()?,
            maximal_access: r.u32()?,
        })
    }

    /// Encode the body (test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(16);
        b.put_u16(16);
        b.put_u8(self.share_type);
        b.put_u8(0);
        b.put_u32(self.share_flags);
        b.put_u32(self.capabilities);
        b.put_u32(self.maximal_access);
        b
    }

    /// True when the share demands encryption.
    pub fn encrypt_data(&self) -> bool {
        self.share_flags & share_flags::ENCRYPT_DATA != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_header(body: &[u8]) -> Vec<u8> {
        let mut m = vec![0u8; HDR];
        m.extend_from_slice(body);
        m
    }

    #[test]
    fn tree_connect_round_trips() {
        let req = TreeConnectRequest {
            path: r"\\127.0.0.2\IPC$".into(),
        };
        let m = with_header(&req.encode().unwrap());
        assert_eq!(TreeConnectRequest::parse(&m).unwrap(), req);
        let resp = TreeConnectResponse {
            share_type: share_type::PIPE,
            share_flags: share_flags::ENCRYPT_DATA,
            capabilities: 0,
            maximal_access: 0x1f01ff,
        };
        let m = with_header(&resp.encode());
        assert_eq!(TreeConnectResponse::parse(&m).unwrap(), resp);
        for n in 0..m.len() {
            assert!(TreeConnectResponse::parse(&m[..n]).is_err());
        }
    }
}
