//! `GUID` (\[MS-DTYP\] 2.3.4.1, the NDR form of the \[C706\] `uuid_t`) and RPC
//! context handles (the 20-byte `ndr_context_handle` of \[C706\] Appendix N).
//!
//! Both are fixed structures aligned to 4. A GUID's text form is
//! `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (\[MS-DTYP\] 2.3.4.3); parsing
//! accepts it with or without braces.

use core::fmt;
use core::str::FromStr;

use crate::error::{DecodeError, EncodeError};
use crate::reader::Reader;
use crate::traits::Ndr;
use crate::writer::Writer;

/// `GUID` (\[MS-DTYP\] 2.3.4.1): Data1..Data4 as NDR little-endian integers.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[doc(alias = "GUID")]
#[doc(alias = "UUID")]
pub struct Guid {
    /// `Data1`.
    pub data1: u32,
    /// `Data2`.
    pub data2: u16,
    /// `Data3`.
    pub data3: u16,
    /// `Data4`.
    pub data4: [u8; 8],
}

impl Guid {
    /// The nil GUID.
    pub const NIL: Self = Self {
        data1: 0,
        data2: 0,
        data3: 0,
        data4: [0; 8],
    };

    /// Whether all bytes are zero.
    pub fn is_nil(&self) -> bool {
        *self == Self::NIL
    }

    /// The 16 bytes in wire (little-endian `GUID`) order.
    pub fn to_bytes_le(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        let (d1, rest) = b.split_at_mut(4);
        d1.copy_from_slice(&self.data1.to_le_bytes());
        let (d2, rest) = rest.split_at_mut(2);
        d2.copy_from_slice(&self.data2.to_le_bytes());
        let (d3, d4) = rest.split_at_mut(2);
        d3.copy_from_slice(&self.data3.to_le_bytes());
        d4.copy_from_slice(&self.data4);
        b
    }

    /// From 16 bytes in wire order.
    pub fn from_bytes_le(b: [u8; 16]) -> Self {
        let [
            a0,
            a1,
            a2,
            a3,
            b0,
            b1,
            c0,
            c1,
            d0,
            d1,
            d2,
            d3,
            d4,
            d5,
            d6,
            d7,
        ] = b;
        Self {
            data1: u32::from_le_bytes([a0, a1, a2, a3]),
            data2: u16::from_le_bytes([b0, b1]),
            data3: u16::from_le_bytes([c0, c1]),
            data4: [d0, d1, d2, d3, d4, d5, d6, d7],
        }
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [d0, d1, d2, d3, d4, d5, d6, d7] = self.data4;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{d0:02x}{d1:02x}-{d2:02x}{d3:02x}{d4:02x}{d5:02x}{d6:02x}{d7:02x}",
            self.data1, self.data2, self.data3
        )
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

/// A GUID string that does not have the `8-4-4-4-12` hex form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseGuidError;

impl fmt::Display for ParseGuidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid GUID string")
    }
}

impl std::error::Error for ParseGuidError {}

impl FromStr for Guid {
    type Err = ParseGuidError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s
            .strip_prefix('{')
            .and_then(|x| x.strip_suffix('}'))
            .unwrap_or(s);
        let parts: Vec<&str> = s.split('-').collect();
        let [p1, p2, p3, p4, p5] = parts.as_slice() else {
            return Err(ParseGuidError);
        };
        let lens = [p1.len(), p2.len(), p3.len(), p4.len(), p5.len()];
        if lens != [8, 4, 4, 4, 12] || !s.bytes().all(|c| c == b'-' || c.is_ascii_hexdigit()) {
            return Err(ParseGuidError);
        }
        let hex = |x: &str| u64::from_str_radix(x, 16).map_err(|_| ParseGuidError);
        let tail = (hex(p4)? << 48) | hex(p5)?;
        Ok(Self {
            data1: u32::try_from(hex(p1)?).map_err(|_| ParseGuidError)?,
            data2: u16::try_from(hex(p2)?).map_err(|_| ParseGuidError)?,
            data3: u16::try_from(hex(p3)?).map_err(|_| ParseGuidError)?,
            data4: tail.to_be_bytes(),
        })
    }
}

impl Ndr for Guid {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 16;
    type Inline = Self;

    fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError> {
        w.align(4);
        w.bytes(&self.to_bytes_le());
        Ok(())
    }
    fn encode_deferred(&self, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.align(4)?;
        Ok(Self::from_bytes_le(r.array()?))
    }
    fn decode_deferred(inline: Self, _r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(inline)
    }
}

/// RPC context handle (`ndr_context_handle`, \[C706\] Appendix N; e.g.
/// `SAMPR_HANDLE`, `LSAPR_HANDLE`): 4 bytes of attributes, then a GUID.
/// A handle with nil GUID and zero attributes is the null handle.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[doc(alias = "ndr_context_handle")]
pub struct ContextHandle {
    /// `context_handle_attributes` (0 in practice).
    pub attributes: u32,
    /// `context_handle_uuid`.
    pub uuid: Guid,
}

impl ContextHandle {
    /// The null handle (as sent after a successful close).
    pub const NULL: Self = Self {
        attributes: 0,
        uuid: Guid::NIL,
    };

    /// Whether this is the null handle.
    pub fn is_null(&self) -> bool {
        *self == Self::NULL
    }
}

impl fmt::Debug for ContextHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContextHandle({:#x}, {})", self.attributes, self.uuid)
    }
}

impl Ndr for ContextHandle {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 20;
    type Inline = Self;

    fn encode_inline(&self, w: &mut Writer) -> Result<(), EncodeError> {
        w.align(4);
        w.u32(self.attributes);
        self.uuid.encode_inline(w)
    }
    fn encode_deferred(&self, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.align(4)?;
        let attributes = r.u32()?;
        Ok(Self {
            attributes,
            uuid: Guid::decode_inline(r)?,
        })
    }
    fn decode_deferred(inline: Self, _r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(inline)
    }
}
