//! Little-endian readers and writers with bounds checks ([MS-SMB2] 1.3: all fields are
//! little-endian).
//!
//! [`Reader`] never panics: every read checks the remaining length and fails with
//! [`Error::Malformed`] naming the structure being parsed. [`field`] checks a peer-supplied
//! offset/length pair against the message before slicing.

use crate::error::{Error, Result};

/// A cursor over a byte slice; reads fail instead of panicking.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// Read `buf`; errors name `what`.
    pub fn new(buf: &'a [u8], what: &'static str) -> Self {
        Reader { buf, pos: 0, what }
    }

    /// Bytes left.
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Current position from the start of the slice.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Take `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.remaining() {
            return Err(Error::Malformed(self.what));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// Skip `n` bytes.
    pub fn skip(&mut self, n: usize) -> Result<()> {
        self.bytes(n).map(|_| ())
    }

    /// Take a fixed-size array.
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.bytes(N)?);
        Ok(a)
    }

    /// One byte.
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    /// A little-endian u16.
    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// A little-endian u32.
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// A little-endian u64.
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// Fail unless the next u16 (a StructureSize field) equals `expected`.
    pub fn structure_size(&mut self, expected: u16) -> Result<()> {
        if self.u16()? != expected {
            return Err(Error::Malformed(self.what));
        }
        Ok(())
    }
}

/// The `len` bytes at `offset` of `msg`, where both come from the peer. An empty field may
/// carry any offset (servers send 0 or a past-the-end value).
pub fn field<'a>(msg: &'a [u8], offset: usize, len: usize, what: &'static str) -> Result<&'a [u8]> {
    if len == 0 {
        return Ok(&[]);
    }
    let end = offset.checked_add(len).ok_or(Error::Malformed(what))?;
    msg.get(offset..end).ok_or(Error::Malformed(what))
}

/// Little-endian appends to a `Vec<u8>`.
pub trait Put {
    /// Append a u8.
    fn put_u8(&mut self, v: u8);
    /// Append a little-endian u16.
    fn put_u16(&mut self, v: u16);
    /// Append a little-endian u32.
    fn put_u32(&mut self, v: u32);
    /// Append a little-endian u64.
    fn put_u64(&mut self, v: u64);
    /// Append zero bytes until the length is a multiple of `align`.
    fn pad_to(&mut self, align: usize);
}

impl Put for Vec<u8> {
    fn put_u8(&mut self, v: u8) {
        self.push(v);
    }
    fn put_u16(&mut self, v: u16) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn put_u32(&mut self, v: u32) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn put_u64(&mut self, v: u64) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn pad_to(&mut self, align: usize) {
        while !self.len().is_multiple_of(align) {
            self.push(0);
        }
    }
}

/// UTF-16LE encoding of `s` (names and paths on the wire, [MS-SMB2] 2.2.9, 2.2.13).
pub fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Decode UTF-16LE; unpaired surrogates become U+FFFD.
pub fn from_utf16le(b: &[u8], what: &'static str) -> Result<String> {
    if !b.len().is_multiple_of(2) {
        return Err(Error::Malformed(what));
    }
    let units: Vec<u16> = b
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    Ok(String::from_utf16_lossy(&units))
}

/// Offsets in bodies count from the start of the SMB2 header, which is this long.
pub(crate) const HDR: usize = crate::header::HEADER_LEN;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_fails_instead_of_panicking() {
        let mut r = Reader::new(&[1, 2, 3], "test");
        assert_eq!(r.u16().unwrap(), 0x0201);
        assert_eq!(r.u16(), Err(Error::Malformed("test")));
        assert_eq!(r.u8().unwrap(), 3);
        assert!(r.u64().is_err());
    }

    #[test]
    fn field_checks_offset_and_length() {
        let m = [0u8; 10];
        assert_eq!(field(&m, 8, 2, "f").unwrap().len(), 2);
        assert!(field(&m, 9, 2, "f").is_err());
        assert!(field(&m, usize::MAX, 2, "f").is_err());
        assert!(field(&m, 1000, 0, "f").unwrap().is_empty());
    }
}
