//! NDR20 transfer syntax, little-endian (\[C706\] chapter 14 "Transfer Syntax
//! NDR"; \[MS-RPCE\] 2.2.5 and 3.1.1.5.1 for the Windows extensions).
//!
//! Start at [`Ndr`] (two-phase marshalling), [`encode`]/[`decode`] and the
//! `#[derive(Ndr)]` attributes documented in [`manual`]. Decoding is bounded
//! by [`Limits`]. Left out: NDR64, big-endian and non-ASCII/IEEE data
//! representations, pipes, `first_is`/`last_is` with nonzero offsets,
//! multidimensional arrays, floating point.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The derive emits `::netapi_ndr::...` paths; this lets them resolve inside
// this crate's own tests too.
extern crate self as netapi_ndr;

pub mod codec;
mod error;
mod handle;
mod limits;
pub mod manual;
mod primitives;
mod reader;
mod traits;
mod wire_enum;
mod writer;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use error::{DecodeError, DecodeErrorKind, DecodeFailure, EncodeError, EncodeErrorKind};
pub use handle::{ContextHandle, Guid, ParseGuidError};
pub use limits::Limits;
pub use reader::Reader;
pub use traits::{
    Args, Codec, Ndr, NdrUnion, Scalar, decode_union_inline, decode_unit, encode_union_inline,
    encode_unit, union_align,
};
pub use writer::{FIRST_REFERENT_ID, Writer};

/// `#[derive(Ndr)]`: see [`manual`] for the attributes.
pub use netapi_ndr_derive::Ndr;

/// Encodes `v` as a whole stub (a top-level construct: hoisted conformance,
/// inline part, deferred referents), referent ids from 0x00020000.
pub fn encode<T: Ndr>(v: &T) -> Result<Vec<u8>, EncodeError> {
    let mut w = Writer::new();
    encode_into(v, &mut w)?;
    Ok(w.into_bytes())
}

/// Encodes `v` as a top-level construct at the writer's current position.
pub fn encode_into<T: Ndr>(v: &T, w: &mut Writer) -> Result<(), EncodeError> {
    encode_unit::<codec::Plain, T>(v, Args::NONE, w)
}

/// Decodes a whole stub as `T` under the default [`Limits`]; bytes left
/// over are an error ([`DecodeErrorKind::TrailingBytes`]).
pub fn decode<T: Ndr>(bytes: &[u8]) -> Result<T, DecodeError> {
    decode_with(bytes, Limits::DEFAULT)
}

/// [`decode`] under explicit limits.
pub fn decode_with<T: Ndr>(bytes: &[u8], limits: Limits) -> Result<T, DecodeError> {
    let mut r = Reader::new(bytes, limits);
    let v = decode_unit::<codec::Plain, T>(Args::NONE, &mut r)?;
    r.finish()?;
    Ok(v)
}

/// [`decode_with`] of a stub given as the chunks it arrived in (one per
/// DCE/RPC fragment), freeing each chunk once it is decoded: a large answer
/// then never holds its whole stub beside its whole decoded value.
pub fn decode_chunks<T: Ndr>(chunks: Vec<Vec<u8>>, limits: Limits) -> Result<T, DecodeError> {
    let mut r = Reader::chunked(chunks, limits);
    let v = decode_unit::<codec::Plain, T>(Args::NONE, &mut r)?;
    r.finish()?;
    Ok(v)
}

#[cfg(test)]
mod tests;
