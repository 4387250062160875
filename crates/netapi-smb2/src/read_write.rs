//! READ and WRITE ([MS-SMB2] 2.2.19, 2.2.20, 2.2.21, 2.2.22).
//!
//! On a message-mode named pipe each WRITE is one message and each READ returns (part of) the
//! next one; `STATUS_BUFFER_OVERFLOW` on a READ means the message continues. RDMA channels are
//! not used.

use crate::create::FileId;
use crate::error::Result;
use crate::wire::{HDR, Put, Reader, field};

/// SMB2 READ request ([MS-SMB2] 2.2.19).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadRequest {
    /// The open.
    pub file_id: FileId,
    /// Bytes wanted.
    pub length: u32,
    /// File offset (0 on pipes).
    pub offset: u64,
    /// `MinimumCount`.
    pub minimum_count: u32,
}

impl ReadRequest {
    /// Encode the body.
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(49);
        b.put_u16(49);
        b.put_u8(0x50); // Padding: data right after the 16-byte response body
        b.put_u8(0); // Flags
        b.put_u32(self.length);
        b.put_u64(self.offset);
        b.extend_from_slice(&self.file_id.0);
        b.put_u32(self.minimum_count);
        b.put_u32(0); // Channel
        b.put_u32(0); // RemainingBytes
        b.put_u16(0); // ReadChannelInfoOffset
        b.put_u16(0); // ReadChannelInfoLength
        b.put_u8(0); // Buffer: one byte
        b
    }

    /// Parse a request (test peers).
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "READ request");
        r.structure_size(49)?;
        r.skip(2)?;
        let length = r.u32()?;
        let offset = r.u64()?;
        let file_id = FileId(r.array()?);
        let minimum_count = r.u32()?;
        Ok(ReadRequest {
            file_id,
            length,
            offset,
            minimum_count,
        })
    }
}

/// SMB2 READ response ([MS-SMB2] 2.2.20).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadResponse {
    /// The data.
    pub data: Vec<u8>,
    /// `DataRemaining`.
    pub data_remaining: u32,
}

impl ReadResponse {
    /// Parse the body of `msg`.
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "READ response");
        r.structure_size(17)?;
        let off = usize::from(r.u8()?);
        r.skip(1)?;
        let len = r.u32()? as usize;
        let data_remaining = r.u32()?;
        r.skip(4)?;
        let data = field(msg, off, len, "READ data")?.to_vec();
        Ok(ReadResponse {
            data,
            data_remaining,
        })
    }

    /// Encode the body (test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(16 + self.data.len().max(1));
        b.put_u16(17);
        b.put_u8((HDR + 16) as u8);
        b.put_u8(0);
        b.put_u32(self.data.len() as u32);
        b.put_u32(self.data_remaining);
        b.put_u32(0);
        b.extend_from_slice(&self.data);
        if self.data.is_empty() {
            b.put_u8(0);
        }
        b
    }
}

/// SMB2 WRITE request ([MS-SMB2] 2.2.21).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteRequest {
    /// The open.
    pub file_id: FileId,
    /// File offset (0 on pipes).
    pub offset: u64,
    /// The data.
    pub data: Vec<u8>,
}

impl WriteRequest {
    /// Encode the body.
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(48 + self.data.len());
        b.put_u16(49);
        b.put_u16((HDR + 48) as u16);
        b.put_u32(self.data.len() as u32);
        b.put_u64(self.offset);
        b.extend_from_slice(&self.file_id.0);
        b.put_u32(0); // Channel
        b.put_u32(0); // RemainingBytes
        b.put_u16(0); // WriteChannelInfoOffset
        b.put_u16(0); // WriteChannelInfoLength
        b.put_u32(0); // Flags
        b.extend_from_slice(&self.data);
        b
    }

    /// Parse a request (test peers).
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "WRITE request");
        r.structure_size(49)?;
        let off = usize::from(r.u16()?);
        let len = r.u32()? as usize;
        let offset = r.u64()?;
        let file_id = FileId(r.array()?);
        let data = field(msg, off, len, "WRITE data")?.to_vec();
        Ok(WriteRequest {
            file_id,
            offset,
            data,
        })
    }
}

/// SMB2 WRITE response ([MS-SMB2] 2.2.22): how many bytes were written.
pub fn parse_write_response(msg: &[u8]) -> Result<u32> {
    let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "WRITE response");
    r.structure_size(17)?;
    r.skip(2)?;
    let count = r.u32()?;
    r.skip(4 + 2 + 2)?;
    Ok(count)
}

/// A WRITE response body (test peers).
pub fn write_response(count: u32) -> Vec<u8> {
    let mut b = Vec::with_capacity(17);
    b.put_u16(17);
    b.put_u16(0);
    b.put_u32(count);
    b.put_u32(0);
    b.put_u16(0);
    b.put_u16(0);
    b.put_u8(0);
    b
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
    fn read_write_round_trip() {
        let id = FileId([3; 16]);
        let rr = ReadRequest {
            file_id: id,
            length: 4280,
            offset: 0,
            minimum_count: 0,
        };
        assert_eq!(ReadRequest::parse(&with_header(&rr.encode())).unwrap(), rr);
        let resp = ReadResponse {
            data: b"hello".to_vec(),
            data_remaining: 0,
        };
        let m = with_header(&resp.encode());
        assert_eq!(ReadResponse::parse(&m).unwrap(), resp);
        let w = WriteRequest {
            file_id: id,
            offset: 0,
            data: vec![1, 2, 3],
        };
        assert_eq!(WriteRequest::parse(&with_header(&w.encode())).unwrap(), w);
        assert_eq!(
            parse_write_response(&with_header(&write_response(3))).unwrap(),
            3
        );
    }

    #[test]
    fn read_response_with_lying_length_fails() {
        let resp = ReadResponse {
            data: b"hello".to_vec(),
            data_remaining: 0,
        };
        let mut m = with_header(&resp.encode());
        m[HDR + 4..HDR + 8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(ReadResponse::parse(&m).is_err());
        let m = with_header(&resp.encode());
        for n in 0..m.len() {
            assert!(ReadResponse::parse(&m[..n]).is_err(), "prefix {n}");
        }
    }
}
