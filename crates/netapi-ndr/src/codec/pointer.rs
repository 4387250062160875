//! Pointers (\[C706\] 14.3.10–14.3.12, \[MS-RPCE\] 2.2.5.3.3).
//!
//! Inline, an embedded pointer is a 4-byte referent id (0 = null); its
//! referent follows in the deferred phase as a self-contained unit. A
//! top-level `[ref]` parameter has no referent id at all: the params derive
//! marshals its pointee directly, so [`Ref`] is only for embedded pointers.

use core::marker::PhantomData;

use super::Plain;
use crate::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::reader::Reader;
use crate::traits::{Args, Codec, decode_unit, encode_unit};
use crate::writer::Writer;

/// `[unique]` pointer to a `C`-marshalled referent: `Option<V>`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unique<C = Plain>(PhantomData<C>);

/// Embedded `[ref]` pointer: never null, so the field is `V`, not `Option<V>`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ref<C = Plain>(PhantomData<C>);

/// `[ptr]` full pointer: `Option<V>`. On decode, a referent id seen before
/// aliases the earlier referent and yields a clone of it (each clone is
/// charged to the allocation budget); a pointer back into its own referent
/// is rejected. On encode every non-null pointer gets a fresh id, which is
/// valid NDR (aliasing is allowed, not required).
#[derive(Debug, Clone, Copy, Default)]
pub struct Full<C = Plain>(PhantomData<C>);

fn encode_id(non_null: bool, w: &mut Writer) -> Result<(), EncodeError> {
    w.align(4);
    let id = if non_null { w.referent_id()? } else { 0 };
    w.u32(id);
    Ok(())
}

#[inline]
fn decode_id(r: &mut Reader<'_>) -> Result<u32, DecodeError> {
    r.align(4)?;
    r.u32()
}

/// Decodes a referent one pointer level down.
#[inline]
fn referent<C: Codec<V>, V>(a: Args, r: &mut Reader<'_>) -> Result<V, DecodeError> {
    r.enter()?;
    let v = decode_unit::<C, V>(a, r);
    r.leave();
    v
}

impl<V, C: Codec<V>> Codec<Option<V>> for Unique<C> {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 4;
    type Inline = u32;

    fn encode_inline(v: &Option<V>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        encode_id(v.is_some(), w)
    }
    fn encode_deferred(v: &Option<V>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        match v {
            Some(x) => encode_unit::<C, V>(x, a, w),
            None => Ok(()),
        }
    }
    fn decode_inline(_a: Args, r: &mut Reader<'_>) -> Result<u32, DecodeError> {
        decode_id(r)
    }
    fn decode_deferred(id: u32, a: Args, r: &mut Reader<'_>) -> Result<Option<V>, DecodeError> {
        if id == 0 {
            Ok(None)
        } else {
            referent::<C, V>(a, r).map(Some)
        }
    }
}

impl<V, C: Codec<V>> Codec<V> for Ref<C> {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 4;
    type Inline = u32;

    fn encode_inline(_v: &V, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        encode_id(true, w)
    }
    fn encode_deferred(v: &V, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        encode_unit::<C, V>(v, a, w)
    }
    fn decode_inline(_a: Args, r: &mut Reader<'_>) -> Result<u32, DecodeError> {
        let id = decode_id(r)?;
        if id == 0 {
            return Err(r.error(DecodeErrorKind::NullRefPointer));
        }
        Ok(id)
    }
    fn decode_deferred(_id: u32, a: Args, r: &mut Reader<'_>) -> Result<V, DecodeError> {
        referent::<C, V>(a, r)
    }
}

impl<V: Clone + 'static, C: Codec<V>> Codec<Option<V>> for Full<C> {
    const ALIGN: usize = 4;
    const MIN_WIRE_SIZE: usize = 4;
    type Inline = u32;

    fn encode_inline(v: &Option<V>, _a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        encode_id(v.is_some(), w)
    }
    fn encode_deferred(v: &Option<V>, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        match v {
            Some(x) => encode_unit::<C, V>(x, a, w),
            None => Ok(()),
        }
    }
    fn decode_inline(_a: Args, r: &mut Reader<'_>) -> Result<u32, DecodeError> {
        decode_id(r)
    }
    fn decode_deferred(id: u32, a: Args, r: &mut Reader<'_>) -> Result<Option<V>, DecodeError> {
        if id == 0 {
            return Ok(None);
        }
        if let Some(v) = r.full_pointer_lookup::<V>(id)? {
            return Ok(Some(v));
        }
        let before = r.budget_left();
        let v = referent::<C, V>(a, r)?;
        let cost = before.saturating_sub(r.budget_left());
        r.full_pointer_store(id, &v, cost)?;
        Ok(Some(v))
    }
}
