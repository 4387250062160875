//! An enumeration answer read straight from its stub: the out-parameters of
//! SamrEnumerateUsersInDomain, SamrEnumerateAliasesInDomain (\[MS-SAMR\] 3.1.5.2.5, 3.1.5.2.4)
//! and their kin — `EnumerationContext`, `Buffer` (a `SAMPR_ENUMERATION_BUFFER`, 2.2.7.10),
//! `CountReturned`, the status — in their NDR20 little-endian form.
//!
//! Why a second reader: a 10,000-account NetUserEnum is 10,000 of these entries, and the
//! derived decoder's per-field calls cost about 85 ns an entry, while the server builds the
//! next page on the same machine's other core (measured: the client's decoding slowed Samba's
//! page by as much again; docs/benchmarks.md). This reader walks the one common shape in a
//! single loop.
//!
//! It never disagrees with the derived decoder: it answers only for the shape it knows —
//! unique pointers, every count consistent, the offset 0, nothing left over, well inside the
//! [`Limits`] — and says `None` for anything else, which the caller then hands to the derived
//! decoder (whose error, if any, is the one reported). A property test holds the two readers
//! to the same result.

use netapi_ndr::Limits;
use netapi_ndr::codec::Utf16Text;

use super::{MAX_ENTRIES, SamprEnumerationBuffer, SamprRidEnumeration};
use crate::dtyp::RpcUnicodeText;

/// The four out-parameters of an enumeration answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumerationAnswer {
    /// `EnumerationContext`.
    pub enumeration_context: u32,
    /// `Buffer`.
    pub buffer: Option<SamprEnumerationBuffer>,
    /// `CountReturned`.
    pub count_returned: u32,
    /// The return value (an NTSTATUS).
    pub status: u32,
}

/// Bytes of one entry's fixed part: `RelativeId`, `Length`, `MaximumLength`, the pointer.
const ENTRY: usize = 12;

/// `stub` read as an enumeration answer, or `None` when it is not in the common shape (see
/// the module docs; the derived decoder then reads it).
pub fn read_enumeration(stub: &[u8], limits: &Limits) -> Option<EnumerationAnswer> {
    let mut r = Cursor { b: stub, at: 0 };
    let enumeration_context = r.u32()?;
    let buffer = match r.u32()? {
        0 => None,
        _ => Some(read_buffer(&mut r, limits)?),
    };
    let count_returned = r.u32()?;
    let status = r.u32()?;
    (r.at == stub.len()).then_some(EnumerationAnswer {
        enumeration_context,
        buffer,
        count_returned,
        status,
    })
}

fn read_buffer(r: &mut Cursor<'_>, limits: &Limits) -> Option<SamprEnumerationBuffer> {
    let entries_read = r.u32()?;
    if entries_read > MAX_ENTRIES {
        return None;
    }
    let buffer = match r.u32()? {
        0 => None,
        _ => {
            // The conformant array's max_count is `size_is(EntriesRead)`.
            if r.u32()? != entries_read || entries_read > limits.max_array_len {
                return None;
            }
            let n = entries_read as usize;
            // Leave anything near the allocation budget to the derived decoder's accounting.
            let mut charged = n.checked_mul(size_of::<SamprRidEnumeration>())?;
            if charged > limits.max_alloc_bytes / 4 {
                return None;
            }
            // The fixed parts, then the names in the same order (deferred, [C706] 14.3.12.3).
            let fixed = r.take(n.checked_mul(ENTRY)?)?;
            let mut out = Vec::with_capacity(n);
            for e in fixed.chunks_exact(ENTRY) {
                let length = u16::from_le_bytes([e[4], e[5]]);
                let maximum_length = u16::from_le_bytes([e[6], e[7]]);
                let buffer = if e[8..12] != [0; 4] {
                    let text = read_text(r, length, maximum_length, limits)?;
                    charged = charged.checked_add(text.len())?;
                    Some(text)
                } else {
                    None
                };
                out.push(SamprRidEnumeration {
                    relative_id: u32::from_le_bytes([e[0], e[1], e[2], e[3]]),
                    name: RpcUnicodeText {
                        length,
                        maximum_length,
                        buffer,
                    },
                });
            }
            if charged > limits.max_alloc_bytes / 4 {
                return None;
            }
            Some(out)
        }
    };
    Some(SamprEnumerationBuffer {
        entries_read,
        buffer,
    })
}

/// One `[size_is(MaximumLength / 2), length_is(Length / 2)]` wide buffer, as text.
fn read_text(
    r: &mut Cursor<'_>,
    length: u16,
    maximum_length: u16,
    limits: &Limits,
) -> Option<String> {
    r.align4()?;
    let max = r.u32()?;
    let offset = r.u32()?;
    let actual = r.u32()?;
    if max != u32::from(maximum_length / 2)
        || offset != 0
        || actual != u32::from(length / 2)
        || actual > max
        || actual > limits.max_string_len
    {
        return None;
    }
    let units = r.take(actual as usize * 2)?;
    let text = Utf16Text::measure_le(units);
    Some(text.into_string_le(units))
}

/// A position in the stub; every read is bounds-checked and `None` past the end.
struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    #[inline]
    fn u32(&mut self) -> Option<u32> {
        self.align4()?;
        let s = self.take(4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    #[inline]
    fn align4(&mut self) -> Option<()> {
        let pad = self.at.wrapping_neg() & 3;
        self.take(pad).map(|_| ())
    }
}
