//! The encoder's output buffer (\[C706\] 14.2: alignment, \[MS-RPCE\] 3.1.1.5.1).
//!
//! Alignment is relative to the start of the stub (the first byte after the
//! request/response PDU header), which is what Windows and Samba do. Referent
//! ids start at 0x00020000 and grow by 4 per non-null pointer, as Windows
//! numbers them, so re-encoding a Windows capture can match byte for byte.

use crate::error::{EncodeError, EncodeErrorKind};

/// First referent id Windows hands out in a stub.
pub const FIRST_REFERENT_ID: u32 = 0x0002_0000;

/// An NDR20 little-endian writer.
#[derive(Debug, Clone)]
pub struct Writer {
    buf: Vec<u8>,
    next_referent: u32,
}

impl Default for Writer {
    fn default() -> Self {
        Self::new()
    }
}

impl Writer {
    /// An empty stub.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// An empty stub with room for `n` bytes.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            buf: Vec::with_capacity(n),
            next_referent: FIRST_REFERENT_ID,
        }
    }

    /// Numbers referent ids from `id` instead of 0x00020000 (still +4 each).
    /// Only needed to reproduce a peer's stub byte for byte: Samba 4.17
    /// continues a response's numbering from the request's pointer count.
    #[must_use]
    pub fn with_first_referent_id(mut self, id: u32) -> Self {
        self.next_referent = id;
        self
    }

    /// Bytes written so far (the current stub offset).
    pub fn position(&self) -> usize {
        self.buf.len()
    }

    /// Pads with zero bytes until the offset is a multiple of `n`
    /// (`n` is 1, 2, 4 or 8; 0 is treated as 1).
    pub fn align(&mut self, n: usize) {
        if n > 1 {
            let rem = self.buf.len() % n;
            if rem != 0 {
                self.buf.resize(self.buf.len() + (n - rem), 0);
            }
        }
    }

    /// Writes one byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    /// Writes a little-endian u16 (the caller aligns).
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a little-endian u32 (the caller aligns).
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a little-endian u64 (the caller aligns).
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes raw bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }

    /// Aligns to 4 and writes a count, failing if `n` does not fit in u32.
    pub fn count(&mut self, n: usize) -> Result<(), EncodeError> {
        let v =
            u32::try_from(n).map_err(|_| EncodeError::new(EncodeErrorKind::CountOverflow(n)))?;
        self.align(4);
        self.u32(v);
        Ok(())
    }

    /// Hands out the next referent id (for a non-null pointer).
    pub fn referent_id(&mut self) -> Result<u32, EncodeError> {
        let id = self.next_referent;
        self.next_referent = id
            .checked_add(4)
            .ok_or_else(|| EncodeError::new(EncodeErrorKind::ReferentIdsExhausted))?;
        Ok(id)
    }

    /// The bytes written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// The finished stub.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}
