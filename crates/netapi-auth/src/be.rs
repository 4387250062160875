//! A bounded big-endian reader for the binary files MIT Kerberos writes (credential caches and
//! keytabs, [`crate::ccache`] and [`crate::keytab`]): every read is checked against what is
//! left, so a length field can never make it read past the end or panic.

use crate::ccache::FormatError;

/// A cursor over `buf`.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], FormatError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| FormatError(format!("truncated {what} at offset {}", self.pos)))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    pub(crate) fn u8(&mut self, what: &str) -> Result<u8, FormatError> {
        Ok(self.take(1, what)?[0])
    }

    pub(crate) fn u16(&mut self, what: &str) -> Result<u16, FormatError> {
        let b = self.take(2, what)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub(crate) fn u32(&mut self, what: &str) -> Result<u32, FormatError> {
        let b = self.take(4, what)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Bytes counted by a 32-bit (`wide`) or 16-bit length.
    pub(crate) fn data(&mut self, wide: bool, what: &str) -> Result<&'a [u8], FormatError> {
        let n = if wide {
            self.u32(what)? as usize
        } else {
            usize::from(self.u16(what)?)
        };
        self.take(n, what)
    }

    /// A UTF-8 string counted like [`Reader::data`].
    pub(crate) fn string(&mut self, wide: bool, what: &str) -> Result<String, FormatError> {
        String::from_utf8(self.data(wide, what)?.to_vec())
            .map_err(|_| FormatError(format!("{what} is not UTF-8")))
    }

    /// Bytes not read yet.
    pub(crate) fn left(&self) -> usize {
        self.buf.len() - self.pos
    }
}
