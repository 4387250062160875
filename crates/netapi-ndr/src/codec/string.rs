//! `[string]` conformant-varying strings (\[C706\] 14.3.4).
//!
//! Wire form: `max_count`, `offset` (0), `actual_count`, then `actual_count`
//! characters including the terminating NUL. On decode the final NUL is
//! stripped if present; a string that lacks it is accepted as-is (so it
//! re-encodes one unit longer). Ill-formed UTF-16 (unpaired surrogates) is
//! replaced by U+FFFD in a `String`: one odd account name must not fail a
//! whole enumeration. Use `Vec<u16>` to keep the exact units.

use super::Plain;
use super::array::{
    ConfVarying, conf_varying_counts, expect_count, read_variance, write_u32_count,
};
use std::borrow::Cow;

use crate::error::{DecodeError, EncodeError, EncodeErrorKind};
use crate::reader::Reader;
use crate::traits::{Args, Codec};
use crate::writer::Writer;

/// `[string]`: `String` and `Vec<u16>` are `wchar_t` strings, `Vec<u8>` is a
/// `char` string (bytes as sent, no code page applied).
#[derive(Debug, Clone, Copy, Default)]
pub struct Str;

/// Writes `max_count` for a string of `units` characters plus NUL.
fn conformance(units: usize, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
    let actual = units
        .checked_add(1)
        .ok_or(EncodeError::new(EncodeErrorKind::CountOverflow(units)))?;
    let size = match a.size {
        None => actual,
        Some(s) => usize::try_from(s).map_err(|_| EncodeError::new(EncodeErrorKind::Overflow))?,
    };
    if size < actual {
        return Err(EncodeError::new(EncodeErrorKind::LengthExceedsSize {
            length: actual as u64,
            size: size as u64,
        }));
    }
    w.count(size)
}

/// Writes `offset` and `actual_count` (characters plus NUL).
fn variance(units: usize, w: &mut Writer) -> Result<(), EncodeError> {
    let actual = units
        .checked_add(1)
        .ok_or(EncodeError::new(EncodeErrorKind::CountOverflow(units)))?;
    w.count(0)?;
    w.count(actual)
}

/// Reads the string header and returns the raw characters (`unit` bytes each).
/// `cost` says what the caller will allocate for them (charged before they are handed out).
#[inline]
fn read_units<'r>(
    a: Args,
    unit: usize,
    r: &'r mut Reader<'_>,
    cost: impl FnOnce(&[u8]) -> usize,
) -> Result<Cow<'r, [u8]>, DecodeError> {
    let max = r.take_conformance()?;
    expect_count(r, a.size, max)?;
    let actual = read_variance(r, a.length, max)?;
    let limit = r.limits().max_string_len;
    let n = r.check_count(actual, unit, "Limits::max_string_len", limit)?;
    let bytes = n
        .checked_mul(unit)
        .ok_or_else(|| r.error(crate::error::DecodeErrorKind::Overflow))?;
    r.take_charged(bytes, cost)
}

/// The UTF-16 units of `bytes` without a final NUL.
fn wide_units(bytes: &[u8]) -> impl Iterator<Item = u16> + Clone + '_ {
    text_units(bytes, true)
}

/// The UTF-16 units of `bytes`, without a final NUL when `strip_nul`.
fn text_units(bytes: &[u8], strip_nul: bool) -> impl Iterator<Item = u16> + Clone + '_ {
    let mut n = bytes.len() / 2;
    if strip_nul && bytes.get(bytes.len().wrapping_sub(2)..) == Some(&[0, 0][..]) {
        n -= 1;
    }
    all_units(bytes).take(n)
}

/// Reads a wide string's header and units (see [`read_units`]) and converts them to text,
/// charging the text's length first.
#[inline]
fn read_text(a: Args, r: &mut Reader<'_>, strip_nul: bool) -> Result<String, DecodeError> {
    let mut text = Utf16Text::default();
    let raw = read_units(a, 2, r, |b| {
        text = Utf16Text::measure_le(text_bytes(b, strip_nul));
        text.utf8_len
    })?;
    Ok(text.into_string_le(text_bytes(&raw, strip_nul)))
}

/// The whole UTF-16LE units of `bytes`, without a final NUL when `strip_nul`.
fn text_bytes(bytes: &[u8], strip_nul: bool) -> &[u8] {
    let mut n = bytes.len() & !1;
    if strip_nul && n >= 2 && bytes[n - 2..n] == [0, 0] {
        n -= 2;
    }
    &bytes[..n]
}

/// What converting some UTF-16 units to a `String` takes: its exact UTF-8 length, and whether
/// every unit is ASCII. Measured first so a decoder can charge its budget before allocating.
#[derive(Debug, Clone, Copy, Default)]
pub struct Utf16Text {
    /// Bytes of the `String` (ill-formed units count as U+FFFD's three).
    pub utf8_len: usize,
    /// Every unit below 0x80.
    pub ascii: bool,
}

impl Utf16Text {
    /// Measures `units`.
    pub fn measure(units: impl Iterator<Item = u16> + Clone) -> Self {
        if units.clone().all(|u| u < 0x80) {
            return Self {
                utf8_len: units.count(),
                ascii: true,
            };
        }
        Self {
            utf8_len: lossy_chars(units).map(char::len_utf8).sum(),
            ascii: false,
        }
    }

    /// [`Utf16Text::measure`] of the UTF-16LE units in `bytes` (an odd last byte is ignored).
    /// Whether all are ASCII is one branch-free pass over the bytes, which the compiler
    /// vectorizes (measured: the per-unit loop was a third of decoding 10,000 account names).
    pub fn measure_le(bytes: &[u8]) -> Self {
        let any = bytes
            .chunks_exact(2)
            .fold(0u16, |acc, c| acc | u16::from_le_bytes([c[0], c[1]]));
        if any < 0x80 {
            return Self {
                utf8_len: bytes.len() / 2,
                ascii: true,
            };
        }
        Self::measure(all_units(bytes))
    }

    /// [`Utf16Text::into_string`] of the UTF-16LE units in `bytes` (the ones measured by
    /// [`Utf16Text::measure_le`]): ASCII is each unit's low byte, collected at once.
    pub fn into_string_le(self, bytes: &[u8]) -> String {
        if !self.ascii {
            return self.into_string(all_units(bytes));
        }
        let low: Vec<u8> = bytes.chunks_exact(2).map(|c| c[0]).collect();
        // Measured ASCII, so valid UTF-8; should the bytes differ, they are still not lost.
        String::from_utf8(low)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// `units` (the ones measured) as text, ill-formed UTF-16 replaced by U+FFFD, allocated
    /// once at its exact length. ASCII — most of what servers send — is copied a unit to a
    /// byte, without UTF-16 decoding (measured: most of a 2,005-share NetShareEnum 502's
    /// decoding, and a tenth of a 10,000-name NetUserEnum's client time, went to decoding
    /// char by char into a string grown as it went).
    pub fn into_string(self, units: impl Iterator<Item = u16>) -> String {
        let mut s = String::with_capacity(self.utf8_len);
        if self.ascii {
            // A unit below 0x80 is its own one-byte char: no UTF-16 decoding, and no UTF-8
            // validation of the result afterwards.
            s.extend(units.map(|u| char::from(u as u8)));
        } else {
            s.extend(lossy_chars(units));
        }
        s
    }
}

/// `units` as text, as [`Utf16Text::into_string`] makes it.
pub fn utf16_lossy(units: &[u16]) -> String {
    let units = units.iter().copied();
    Utf16Text::measure(units.clone()).into_string(units)
}

fn lossy_chars(units: impl Iterator<Item = u16>) -> impl Iterator<Item = char> {
    char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
}

impl Codec<String> for Str {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 8;
    const CONFORMANT: bool = true;
    type Inline = String;

    fn encode_conformance(v: &String, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        conformance(v.encode_utf16().count(), a, w)
    }
    fn encode_inline(v: &String, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        variance(v.encode_utf16().count(), w)?;
        for u in v.encode_utf16() {
            w.u16(u);
        }
        w.u16(0);
        Ok(())
    }
    fn encode_deferred(_v: &String, _a: Args, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<String, DecodeError> {
        read_text(a, r, true)
    }
    fn decode_deferred(
        inline: String,
        _a: Args,
        _r: &mut Reader<'_>,
    ) -> Result<String, DecodeError> {
        Ok(inline)
    }
}

/// `[size_is(n), length_is(m)] wchar_t *`, held as text: the wire form of
/// [`ConfVarying`] over `u16` (no terminator is added or stripped), decoded
/// straight from the stub into a `String` (ill-formed UTF-16 → U+FFFD, as for
/// `[string]`). `RPC_UNICODE_STRING`'s buffer read this way costs one
/// allocation per string instead of a `Vec<u16>` and then a `String` (measured:
/// a third of a 10,000-name NetUserEnum's decoding).
impl Codec<String> for ConfVarying<Plain> {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 8;
    const CONFORMANT: bool = true;
    type Inline = String;

    fn encode_conformance(v: &String, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        let (size, _) = conf_varying_counts(v.encode_utf16().count(), a)?;
        write_u32_count(size, w)
    }
    fn encode_inline(v: &String, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        let units = v.encode_utf16().count();
        conf_varying_counts(units, a)?;
        w.count(0)?;
        w.count(units)?;
        for u in v.encode_utf16() {
            w.u16(u);
        }
        Ok(())
    }
    fn encode_deferred(_v: &String, _a: Args, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    #[inline]
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<String, DecodeError> {
        read_text(a, r, false)
    }
    fn decode_deferred(
        inline: String,
        _a: Args,
        _r: &mut Reader<'_>,
    ) -> Result<String, DecodeError> {
        Ok(inline)
    }
}

/// Every UTF-16 unit of `bytes` (little-endian pairs).
fn all_units(bytes: &[u8]) -> impl Iterator<Item = u16> + Clone + '_ {
    bytes
        .chunks_exact(2)
        .map(|c| <[u8; 2]>::try_from(c).map(u16::from_le_bytes).unwrap_or(0))
}

impl Codec<Vec<u16>> for Str {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 8;
    const CONFORMANT: bool = true;
    type Inline = Vec<u16>;

    fn encode_conformance(v: &Vec<u16>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        conformance(v.len(), a, w)
    }
    fn encode_inline(v: &Vec<u16>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        variance(v.len(), w)?;
        for u in v {
            w.u16(*u);
        }
        w.u16(0);
        Ok(())
    }
    fn encode_deferred(_v: &Vec<u16>, _a: Args, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Vec<u16>, DecodeError> {
        let bytes = read_units(a, 2, r, <[u8]>::len)?;
        Ok(wide_units(&bytes).collect())
    }
    fn decode_deferred(
        inline: Vec<u16>,
        _a: Args,
        _r: &mut Reader<'_>,
    ) -> Result<Vec<u16>, DecodeError> {
        Ok(inline)
    }
}

impl Codec<Vec<u8>> for Str {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 8;
    const CONFORMANT: bool = true;
    type Inline = Vec<u8>;

    fn encode_conformance(v: &Vec<u8>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        conformance(v.len(), a, w)
    }
    fn encode_inline(v: &Vec<u8>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        variance(v.len(), w)?;
        w.bytes(v);
        w.u8(0);
        Ok(())
    }
    fn encode_deferred(_v: &Vec<u8>, _a: Args, _w: &mut Writer) -> Result<(), EncodeError> {
        Ok(())
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Vec<u8>, DecodeError> {
        let bytes = read_units(a, 1, r, <[u8]>::len)?;
        let body = match bytes.split_last() {
            Some((0, rest)) => rest,
            _ => &bytes[..],
        };
        Ok(body.to_vec())
    }
    fn decode_deferred(
        inline: Vec<u8>,
        _a: Args,
        _r: &mut Reader<'_>,
    ) -> Result<Vec<u8>, DecodeError> {
        Ok(inline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The fast conversion agrees with the standard library's on any units: ASCII,
        /// other BMP text, surrogate pairs and lone surrogates (U+FFFD).
        #[test]
        fn utf16_lossy_is_std_from_utf16_lossy(
            units in proptest::collection::vec(
                proptest::prop_oneof![0u16..0x80, 0x80u16..0xd800, 0xd800u16..0xe000, proptest::num::u16::ANY],
                0..40,
            )
        ) {
            let ours = utf16_lossy(&units);
            proptest::prop_assert_eq!(&ours, &String::from_utf16_lossy(&units));
            proptest::prop_assert_eq!(ours.capacity(), ours.len());
        }
    }

    /// The decoder's measure of raw wire bytes is the conversion's length (its budget charge).
    #[test]
    fn measured_length_is_the_strings() {
        for text in [
            "",
            "plain",
            "caf\u{e9}",
            "\u{1f600} and more",
            "\u{7f}\u{80}\u{100}",
        ] {
            let units: Vec<u16> = text.encode_utf16().collect();
            let m = Utf16Text::measure(units.iter().copied());
            assert_eq!(m.utf8_len, text.len(), "{text:?}");
            assert_eq!(m.ascii, text.is_ascii(), "{text:?}");
            assert_eq!(m.into_string(units.iter().copied()), text);
        }
    }
}
