//! Request fragmentation and response reassembly (\[C706\] 12.6: `frag_length`, `alloc_hint`,
//! `PFC_FIRST_FRAG`/`PFC_LAST_FRAG`, `max_xmit_frag`/`max_recv_frag`; [MS-RPCE] 2.2.2.11 for the
//! auth padding).
//!
//! A request goes out in fragments of at most the negotiated `max_xmit_frag` bytes, each
//! carrying header, fixed part, a stub chunk and, when protected, padding + sec_trailer +
//! signature. Every non-last chunk is a multiple of 16 bytes (8 unprotected), so only the last
//! fragment needs auth padding. Reassembly bounds the total size and the fragment count with
//! named limits before it allocates.

use crate::auth::{AUTH_PAD_ALIGN, AuthState};
use crate::codec::Endian;
use crate::error::Error;
use crate::pdu::call::Request;
use crate::pdu::header::{Header, PacketType, PfcFlags};
use crate::uuid::Uuid;

/// Default bound on a reassembled response stub (16 MiB).
pub const DEFAULT_MAX_RESPONSE_SIZE: usize = 16 * 1024 * 1024;

/// Stub bytes a response fragment carries at the least in practice (the smallest
/// `max_recv_frag` a server may pick, 1432 bytes in \[C706\] 12.6.3.6, less headers): sizes the
/// chunk list from the `alloc_hint`, which itself is bounded by the response limit.
const MIN_FRAGMENT_STUB: usize = 1024;

/// Default bound on the number of fragments of one response.
pub const DEFAULT_MAX_FRAGMENTS: usize = 16 * 1024;

/// A reassembled response stub, kept as the chunks it arrived in (one per fragment).
///
/// Kept in pieces so that a decoder can free each piece once it has read it
/// (`netapi_ndr::decode_chunks`): a large enumeration then never holds its whole stub beside its
/// whole decoded result. [`Stub::to_vec`] gives the contiguous bytes.
#[derive(Debug, Clone, Default)]
pub struct Stub {
    chunks: Vec<Vec<u8>>,
    len: usize,
}

impl Stub {
    /// Total length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the stub has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The chunks, in order.
    pub fn chunks(&self) -> &[Vec<u8>] {
        &self.chunks
    }

    /// The chunks, in order, by value (for a decoder that frees them as it goes).
    pub fn into_chunks(self) -> Vec<Vec<u8>> {
        self.chunks
    }

    /// The stub as one contiguous buffer.
    pub fn to_vec(&self) -> Vec<u8> {
        self.chunks.concat()
    }

    /// The stub as one contiguous buffer, without a copy when it arrived in one fragment.
    pub fn into_vec(mut self) -> Vec<u8> {
        if self.chunks.len() == 1 {
            self.chunks.pop().unwrap_or_default()
        } else {
            self.chunks.concat()
        }
    }

    fn push(&mut self, chunk: &[u8]) {
        if !chunk.is_empty() {
            self.len += chunk.len();
            self.chunks.push(chunk.to_vec());
        }
    }

    fn eq_bytes(&self, other: &[u8]) -> bool {
        self.len == other.len() && {
            let mut rest = other;
            self.chunks.iter().all(|c| {
                let (head, tail) = rest.split_at(c.len().min(rest.len()));
                rest = tail;
                head == c.as_slice()
            })
        }
    }
}

impl From<Vec<u8>> for Stub {
    fn from(bytes: Vec<u8>) -> Self {
        let mut s = Stub::default();
        if !bytes.is_empty() {
            s.len = bytes.len();
            s.chunks.push(bytes);
        }
        s
    }
}

/// Equal content, however it is chunked.
impl PartialEq for Stub {
    fn eq(&self, other: &Stub) -> bool {
        self.len == other.len && self.to_vec() == other.to_vec()
    }
}

impl Eq for Stub {}

impl<const N: usize> PartialEq<&[u8; N]> for Stub {
    fn eq(&self, other: &&[u8; N]) -> bool {
        self.eq_bytes(&other[..])
    }
}

impl PartialEq<Vec<u8>> for Stub {
    fn eq(&self, other: &Vec<u8>) -> bool {
        self.eq_bytes(other)
    }
}

/// The largest stub chunk one request fragment can carry, or [`Error::FragSizeTooSmall`].
///
/// `header_len` is the request header (24, or 40 with an object UUID); `auth_overhead` is
/// sec_trailer + signature length when fragments are protected.
pub fn max_stub_per_fragment(
    max_xmit_frag: u16,
    header_len: usize,
    auth_overhead: Option<usize>,
) -> Result<usize, Error> {
    let (fixed, align) = match auth_overhead {
        Some(o) => (header_len + o, AUTH_PAD_ALIGN),
        None => (header_len, 8),
    };
    let chunk = usize::from(max_xmit_frag).saturating_sub(fixed) / align * align;
    if chunk == 0 {
        return Err(Error::FragSizeTooSmall {
            max_xmit_frag,
            needed: fixed + align,
        });
    }
    Ok(chunk)
}

/// What one request call needs to be split into fragments.
pub(crate) struct RequestSpec<'a> {
    pub call_id: u32,
    pub context_id: u16,
    pub opnum: u16,
    pub object: Option<Uuid>,
    pub stub: &'a [u8],
    pub max_xmit_frag: u16,
}

/// Builds every fragment of a request, protecting each when `auth` is given.
pub(crate) fn build_request(
    spec: &RequestSpec<'_>,
    mut auth: Option<&mut AuthState>,
) -> Result<Vec<Vec<u8>>, Error> {
    let header_len = Header::LEN + Request::FIXED_LEN + if spec.object.is_some() { 16 } else { 0 };
    let overhead = auth.as_ref().map(|a| a.overhead());
    let chunk = max_stub_per_fragment(spec.max_xmit_frag, header_len, overhead)?;
    let stub = spec.stub;
    let count = stub.len().div_ceil(chunk).max(1);
    let mut frames = Vec::with_capacity(count);
    for i in 0..count {
        let start = i * chunk;
        let end = (start + chunk).min(stub.len());
        let mut flags = PfcFlags::default();
        if i == 0 {
            flags |= PfcFlags::FIRST_FRAG;
        }
        if i + 1 == count {
            flags |= PfcFlags::LAST_FRAG;
        }
        if spec.object.is_some() {
            flags |= PfcFlags::OBJECT_UUID;
        }
        let mut f = Vec::with_capacity(header_len + (end - start) + 2 * AUTH_PAD_ALIGN + 64);
        Header::new(PacketType::REQUEST, flags, spec.call_id).encode_into(&mut f);
        Request {
            alloc_hint: u32::try_from(stub.len() - start).unwrap_or(u32::MAX),
            context_id: spec.context_id,
            opnum: spec.opnum,
            object: spec.object,
            stub: Vec::new(),
        }
        .encode_fixed(&mut f);
        f.extend_from_slice(&stub[start..end]);
        match auth.as_deref_mut() {
            Some(a) => a.seal(&mut f, header_len)?,
            None => {
                let len = u16::try_from(f.len())
                    .map_err(|_| Error::Usage("request fragment longer than 65535 bytes"))?;
                Header::patch_lengths(&mut f, len, 0);
            }
        }
        debug_assert!(f.len() <= usize::from(spec.max_xmit_frag));
        frames.push(f);
    }
    Ok(frames)
}

/// Reassembly of one call's response fragments (the `frags` of `ExpectResponse`).
#[derive(Debug)]
pub(crate) struct Reassembly {
    context_id: u16,
    stub: Stub,
    frags: usize,
    max_size: usize,
    max_frags: usize,
}

impl Reassembly {
    pub(crate) fn new(context_id: u16, max_size: usize, max_frags: usize) -> Self {
        Reassembly {
            context_id,
            stub: Stub::default(),
            frags: 0,
            max_size,
            max_frags,
        }
    }

    /// Fragments received so far.
    pub(crate) fn frags(&self) -> usize {
        self.frags
    }

    /// Adds one fragment's plain stub; returns true when it was the last one.
    pub(crate) fn push(
        &mut self,
        call_id: u32,
        flags: PfcFlags,
        alloc_hint: u32,
        context_id: u16,
        stub: &[u8],
    ) -> Result<bool, Error> {
        let first = flags.contains(PfcFlags::FIRST_FRAG);
        if self.frags == 0 && !first {
            return Err(Error::MissingFirstFrag { call_id });
        }
        if self.frags > 0 && first {
            return Err(Error::Malformed(
                "PFC_FIRST_FRAG on a continuation fragment",
            ));
        }
        if context_id != self.context_id {
            return Err(Error::WrongContext {
                expected: self.context_id,
                got: context_id,
            });
        }
        self.frags += 1;
        if self.frags > self.max_frags {
            return Err(Error::TooManyFragments {
                max: self.max_frags,
            });
        }
        let hint = alloc_hint as usize;
        if hint > self.max_size {
            return Err(Error::AllocHintTooLarge {
                alloc_hint,
                max: self.max_size,
            });
        }
        if self.frags == 1 {
            self.stub
                .chunks
                .reserve(hint.div_ceil(MIN_FRAGMENT_STUB).min(self.max_frags));
        }
        if self.stub.len() + stub.len() > self.max_size {
            return Err(Error::ResponseTooLarge { max: self.max_size });
        }
        self.stub.push(stub);
        Ok(flags.contains(PfcFlags::LAST_FRAG))
    }

    pub(crate) fn into_stub(self) -> Stub {
        self.stub
    }
}

/// Reads the response fixed part (alloc_hint, p_cont_id) of a little-endian fragment.
pub(crate) fn response_fixed(frame: &[u8]) -> Result<(u32, u16), Error> {
    let mut r = crate::codec::Reader::new(frame, Header::LEN, Endian::Little);
    Ok((r.u32("response")?, r.u16("response")?))
}
