//! Bounded byte reading and little-endian writing for PDU fields.
//!
//! Every read checks the remaining length and names what it was reading; header fields honour
//! the peer's integer representation (\[C706\] 12.6.3.1 `packed_drep`, chapter 14). We always write
//! little-endian.

use crate::error::Error;
use crate::uuid::{SyntaxId, Uuid};

/// Integer byte order from the data representation label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endian {
    /// Integer representation 1 (little-endian), what every Windows and Samba peer sends.
    Little,
    /// Integer representation 0 (big-endian).
    Big,
}

/// A cursor over one PDU; positions are absolute offsets from the PDU start, so alignment is
/// computed the way \[C706\] 12.6 describes it (relative to the first header byte).
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    endian: Endian,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8], pos: usize, endian: Endian) -> Self {
        Reader { buf, pos, endian }
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    pub(crate) fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], Error> {
        if self.remaining() < n {
            return Err(Error::Truncated(what));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub(crate) fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], Error> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N, what)?);
        Ok(a)
    }

    pub(crate) fn u8(&mut self, what: &'static str) -> Result<u8, Error> {
        Ok(self.take(1, what)?[0])
    }

    pub(crate) fn u16(&mut self, what: &'static str) -> Result<u16, Error> {
        let a = self.array::<2>(what)?;
        Ok(match self.endian {
            Endian::Little => u16::from_le_bytes(a),
            Endian::Big => u16::from_be_bytes(a),
        })
    }

    pub(crate) fn u32(&mut self, what: &'static str) -> Result<u32, Error> {
        let a = self.array::<4>(what)?;
        Ok(match self.endian {
            Endian::Little => u32::from_le_bytes(a),
            Endian::Big => u32::from_be_bytes(a),
        })
    }

    pub(crate) fn uuid(&mut self, what: &'static str) -> Result<Uuid, Error> {
        Ok(Uuid::from_wire(self.array::<16>(what)?, self.endian))
    }

    pub(crate) fn syntax(&mut self, what: &'static str) -> Result<SyntaxId, Error> {
        let uuid = self.uuid(what)?;
        let v = self.u32(what)?;
        Ok(SyntaxId {
            uuid,
            major: v as u16,
            minor: (v >> 16) as u16,
        })
    }

    /// Skips to the next multiple of `n` (counted from the PDU start).
    pub(crate) fn align(&mut self, n: usize, what: &'static str) -> Result<(), Error> {
        let pad = (n - self.pos % n) % n;
        self.take(pad, what).map(|_| ())
    }
}

/// Little-endian writers on a byte vector.
pub(crate) trait Put {
    fn put_u8(&mut self, v: u8);
    fn put_u16(&mut self, v: u16);
    fn put_u32(&mut self, v: u32);
    fn put_uuid(&mut self, u: &Uuid);
    fn put_syntax(&mut self, s: &SyntaxId);
    /// Appends zero bytes until the length is a multiple of `n`.
    fn pad_to(&mut self, n: usize);
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
    fn put_uuid(&mut self, u: &Uuid) {
        self.extend_from_slice(&u.to_wire(Endian::Little));
    }
    fn put_syntax(&mut self, s: &SyntaxId) {
        self.put_uuid(&s.uuid);
        self.put_u32(s.version_u32());
    }
    fn pad_to(&mut self, n: usize) {
        while !self.len().is_multiple_of(n) {
            self.push(0);
        }
    }
}

/// Bytes needed after `len` to reach a multiple of `n`.
pub(crate) fn pad_len(len: usize, n: usize) -> usize {
    (n - len % n) % n
}
