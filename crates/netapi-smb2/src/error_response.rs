//! The SMB2 ERROR response body ([MS-SMB2] 2.2.2) that accompanies a failure status.
//!
//! Parsing is lenient: the status in the header is what matters, and servers differ in what
//! they put here (Samba sends `ByteCount` 0 with one pad byte). Error contexts (3.1.1) are
//! kept raw, bounded by [`MAX_ERROR_DATA`].

use crate::error::Result;
use crate::wire::{HDR, Put, Reader};

/// At most this much error data is kept.
pub const MAX_ERROR_DATA: usize = 4096;

/// An SMB2 ERROR response body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorResponse {
    /// `ErrorContextCount` (3.1.1).
    pub error_context_count: u8,
    /// `ErrorData`, truncated to [`MAX_ERROR_DATA`].
    pub data: Vec<u8>,
}

impl ErrorResponse {
    /// Parse the body of `msg`; a missing or short body gives an empty response.
    pub fn parse_lenient(msg: &[u8]) -> Self {
        Self::parse(msg).unwrap_or_default()
    }

    fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "ERROR response");
        r.structure_size(9)?;
        let error_context_count = r.u8()?;
        r.skip(1)?;
        let count = r.u32()? as usize;
        let take = count.min(r.remaining()).min(MAX_ERROR_DATA);
        Ok(ErrorResponse {
            error_context_count,
            data: r.bytes(take)?.to_vec(),
        })
    }

    /// Encode the body (test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(9 + self.data.len());
        b.put_u16(9);
        b.put_u8(self.error_context_count);
        b.put_u8(0);
        b.put_u32(self.data.len() as u32);
        b.extend_from_slice(&self.data);
        if self.data.is_empty() {
            b.put_u8(0);
        }
        b
    }
}
