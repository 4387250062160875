//! The decoder's input cursor with its limits (\[C706\] 14.2, \[MS-RPCE\] 3.1.1.5.1).
//!
//! Besides position and alignment, the reader carries the state of one
//! decode that the traits thread through: the allocation budget, the pointer
//! depth, the hoisted conformance of a conformant structure, and the table of
//! full-pointer referents seen so far.
//!
//! The input is one contiguous stub ([`Reader::new`]) or the stub as the
//! chunks it arrived in ([`Reader::chunked`], one per DCE/RPC fragment). A
//! chunked reader drops each chunk as soon as the cursor has passed it, so a
//! large response never needs its whole stub and its whole decoded value in
//! memory at once: the stub shrinks while the value grows. NDR is read
//! strictly forwards (deferred referents follow their structure), which is
//! what makes this possible; a read that straddles two chunks is copied.

use std::any::Any;
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

use crate::error::{DecodeError, DecodeErrorKind};
use crate::limits::Limits;

/// A full-pointer referent already decoded (or being decoded).
enum FullEntry {
    /// Being decoded: meeting the id again means a cycle.
    InProgress,
    /// Decoded: aliases clone `value` and are charged `cost` budget bytes.
    Done { value: Box<dyn Any>, cost: usize },
}

/// Where the stub's bytes are.
enum Source<'a> {
    /// One contiguous stub.
    Slice(&'a [u8]),
    /// The chunks not yet consumed; `base` is the stub offset of the first one's first byte.
    Chunks {
        chunks: VecDeque<Vec<u8>>,
        base: usize,
    },
}

/// An NDR20 little-endian reader over one stub.
pub struct Reader<'a> {
    src: Source<'a>,
    len: usize,
    pos: usize,
    limits: Limits,
    budget: usize,
    depth: u32,
    conformance: Option<u32>,
    full: HashMap<u32, FullEntry>,
}

impl core::fmt::Debug for Reader<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Reader")
            .field("pos", &self.pos)
            .field("len", &self.len)
            .field("budget", &self.budget)
            .field("depth", &self.depth)
            .finish_non_exhaustive()
    }
}

impl<'a> Reader<'a> {
    /// A reader at offset 0 of `data` (the first byte of the stub).
    pub fn new(data: &'a [u8], limits: Limits) -> Self {
        Self::with_source(Source::Slice(data), data.len(), limits)
    }

    /// A reader over a stub given as consecutive chunks (the fragments it
    /// arrived in); each chunk is freed once the cursor has passed it.
    pub fn chunked(chunks: Vec<Vec<u8>>, limits: Limits) -> Reader<'static> {
        let len = chunks.iter().map(Vec::len).sum();
        let chunks = chunks.into_iter().filter(|c| !c.is_empty()).collect();
        Reader::with_source(Source::Chunks { chunks, base: 0 }, len, limits)
    }

    fn with_source(src: Source<'a>, len: usize, limits: Limits) -> Self {
        Self {
            src,
            len,
            pos: 0,
            limits,
            budget: limits.max_alloc_bytes,
            depth: 0,
            conformance: None,
            full: HashMap::new(),
        }
    }

    /// The limits this decode runs under.
    #[inline]
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Current offset in the stub.
    #[inline]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Bytes not yet consumed.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.len.saturating_sub(self.pos)
    }

    /// Allocation budget left.
    pub fn budget_left(&self) -> usize {
        self.budget
    }

    /// An error of `kind` at the current offset.
    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(kind, self.pos)
    }

    /// Skips padding up to a multiple of `n` (relative to the stub start).
    /// Padding content is not checked: NDR leaves it unspecified.
    #[inline(always)]
    pub fn align(&mut self, n: usize) -> Result<(), DecodeError> {
        if n > 1 {
            let rem = self.pos % n;
            if rem != 0 {
                self.advance(n - rem)?;
            }
        }
        Ok(())
    }

    /// Consumes `n` bytes: borrowed from the stub, or copied when they
    /// straddle two chunks of a chunked reader.
    #[inline]
    pub fn take(&mut self, n: usize) -> Result<Cow<'_, [u8]>, DecodeError> {
        let start = self.advance(n)?;
        Ok(Self::bytes(&mut self.src, start, n))
    }

    /// [`Reader::take`], then charges the budget `cost(bytes)` (what the
    /// caller will allocate for them) before handing them out.
    #[inline]
    pub fn take_charged(
        &mut self,
        n: usize,
        cost: impl FnOnce(&[u8]) -> usize,
    ) -> Result<Cow<'_, [u8]>, DecodeError> {
        let start = self.advance(n)?;
        let bytes = Self::bytes(&mut self.src, start, n);
        let requested = cost(&bytes);
        match self.budget.checked_sub(requested) {
            Some(left) => {
                self.budget = left;
                Ok(bytes)
            }
            None => Err(DecodeError::new(
                DecodeErrorKind::BudgetExceeded {
                    requested,
                    remaining: self.budget,
                },
                start,
            )),
        }
    }

    /// Moves the cursor `n` bytes on when they exist; returns where it was. (Skipped bytes
    /// need not be read: a chunk passed over is freed by the next read.)
    #[inline(always)]
    fn advance(&mut self, n: usize) -> Result<usize, DecodeError> {
        let start = self.pos;
        match start.checked_add(n) {
            Some(end) if end <= self.len => {
                self.pos = end;
                Ok(start)
            }
            _ => Err(self.short(n)),
        }
    }

    /// Why `n` bytes could not be read here (out of line: decoders inline every read).
    #[cold]
    #[inline(never)]
    fn short(&self, n: usize) -> DecodeError {
        match self.pos.checked_add(n) {
            None => self.error(DecodeErrorKind::Overflow),
            Some(_) => self.error(DecodeErrorKind::Truncated {
                needed: n,
                available: self.remaining(),
            }),
        }
    }

    /// The fast path of every read, inlined into the decoders: the `n` bytes at `start` when
    /// they are in the slice or the current chunk (all but the reads that cross a fragment
    /// boundary or begin past the current chunk, which go to [`Self::read`]).
    #[inline]
    fn bytes<'s>(src: &'s mut Source<'a>, start: usize, n: usize) -> Cow<'s, [u8]> {
        let here = match &*src {
            Source::Slice(_) => true,
            Source::Chunks { chunks, base } => {
                start >= *base && chunks.front().is_some_and(|c| start - *base + n <= c.len())
            }
        };
        if !here {
            return Self::read(src, start, n);
        }
        let bytes = match &*src {
            Source::Slice(data) => data.get(start..start + n),
            Source::Chunks { chunks, base } => {
                let offset = start - *base;
                chunks.front().and_then(|c| c.get(offset..offset + n))
            }
        };
        Cow::Borrowed(bytes.unwrap_or_default())
    }

    /// The `n` bytes at stub offset `start` (known to exist), freeing the
    /// chunks before them.
    #[inline(never)]
    fn read<'s>(src: &'s mut Source<'a>, start: usize, n: usize) -> Cow<'s, [u8]> {
        match src {
            Source::Slice(data) => Cow::Borrowed(data.get(start..start + n).unwrap_or_default()),
            Source::Chunks { chunks, base } => {
                while let Some(front) = chunks.front() {
                    if *base + front.len() > start {
                        break;
                    }
                    *base += front.len();
                    chunks.pop_front();
                }
                let offset = start - *base;
                if let Some(front) = chunks.front()
                    && offset + n <= front.len()
                {
                    return Cow::Borrowed(front.get(offset..offset + n).unwrap_or_default());
                }
                let mut out = Vec::with_capacity(n);
                let mut skip = offset;
                for c in chunks.iter() {
                    let part = c.get(skip..).unwrap_or_default();
                    skip = skip.saturating_sub(c.len());
                    let want = n - out.len();
                    out.extend_from_slice(part.get(..want).unwrap_or(part));
                    if out.len() == n {
                        break;
                    }
                }
                Cow::Owned(out)
            }
        }
    }

    /// Consumes `N` bytes into an array. Every fixed-size field is read here, so the common
    /// case (the bytes lie in the slice or the current chunk) builds no `Cow`.
    #[inline(always)]
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let start = self.advance(N)?;
        let here = match &self.src {
            Source::Slice(data) => data.get(start..start + N),
            Source::Chunks { chunks, base } => start
                .checked_sub(*base)
                .and_then(|at| chunks.front()?.get(at..at + N)),
        };
        let mut a = [0u8; N];
        match here {
            Some(b) => a.copy_from_slice(b),
            None => a.copy_from_slice(&Self::read(&mut self.src, start, N)),
        }
        Ok(a)
    }

    /// Reads one byte.
    #[inline(always)]
    pub fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(u8::from_le_bytes(self.array::<1>()?))
    }

    /// Reads a little-endian u16 (the caller aligns).
    #[inline(always)]
    pub fn u16(&mut self) -> Result<u16, DecodeError> {
        Ok(u16::from_le_bytes(self.array::<2>()?))
    }

    /// Reads a little-endian u32 (the caller aligns).
    #[inline(always)]
    pub fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(self.array::<4>()?))
    }

    /// Reads a little-endian u64 (the caller aligns).
    #[inline]
    pub fn u64(&mut self) -> Result<u64, DecodeError> {
        Ok(u64::from_le_bytes(self.array::<8>()?))
    }

    /// Aligns to 4 and reads a count (`max_count`, `offset`, `actual_count`).
    #[inline]
    pub fn count(&mut self) -> Result<u32, DecodeError> {
        self.align(4)?;
        self.u32()
    }

    /// Checks a peer-chosen element count before anything is allocated:
    /// against the named `limit` (`max`), and against the bytes left, since
    /// `count` elements need at least `count × element_min_size` of them.
    #[inline]
    pub fn check_count(
        &self,
        count: u32,
        element_min_size: usize,
        limit: &'static str,
        max: u32,
    ) -> Result<usize, DecodeError> {
        if count > max {
            return Err(self.error(DecodeErrorKind::LimitExceeded {
                limit,
                value: u64::from(count),
                max: u64::from(max),
            }));
        }
        let n = usize::try_from(count).map_err(|_| self.error(DecodeErrorKind::Overflow))?;
        let need = n
            .checked_mul(element_min_size)
            .ok_or_else(|| self.error(DecodeErrorKind::Overflow))?;
        if need > self.remaining() {
            return Err(self.error(DecodeErrorKind::CountExceedsInput {
                count: u64::from(count),
                element_min_size,
                remaining: self.remaining(),
            }));
        }
        Ok(n)
    }

    /// Takes `bytes` from the allocation budget; call before allocating.
    #[inline]
    pub fn charge(&mut self, bytes: usize) -> Result<(), DecodeError> {
        match self.budget.checked_sub(bytes) {
            Some(left) => {
                self.budget = left;
                Ok(())
            }
            None => Err(self.error(DecodeErrorKind::BudgetExceeded {
                requested: bytes,
                remaining: self.budget,
            })),
        }
    }

    /// Charges storage for `n` values of `T`.
    #[inline]
    pub fn charge_elements<T>(&mut self, n: usize) -> Result<(), DecodeError> {
        let bytes = n
            .checked_mul(core::mem::size_of::<T>())
            .ok_or_else(|| self.error(DecodeErrorKind::Overflow))?;
        self.charge(bytes)
    }

    /// Enters one pointer level; pair with [`Reader::leave`].
    #[inline]
    pub fn enter(&mut self) -> Result<(), DecodeError> {
        if self.depth >= self.limits.max_depth {
            return Err(self.error(DecodeErrorKind::DepthExceeded {
                max: self.limits.max_depth,
            }));
        }
        self.depth += 1;
        Ok(())
    }

    /// Leaves one pointer level.
    #[inline]
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Stores the hoisted `max_count` read before a conformant structure.
    pub fn set_conformance(&mut self, max_count: u32) -> Result<(), DecodeError> {
        if self.conformance.replace(max_count).is_some() {
            return Err(self.error(DecodeErrorKind::MissingConformance));
        }
        Ok(())
    }

    /// Takes the hoisted `max_count` (called by the conformant member).
    pub fn take_conformance(&mut self) -> Result<u32, DecodeError> {
        self.conformance
            .take()
            .ok_or_else(|| self.error(DecodeErrorKind::MissingConformance))
    }

    /// Whether a hoisted `max_count` is still waiting for its member.
    pub fn has_conformance(&self) -> bool {
        self.conformance.is_some()
    }

    /// Full pointers: looks up `id`. `Ok(Some)` is a clone of the earlier
    /// referent (its decode cost charged again, so aliasing cannot multiply
    /// memory past the budget); `Ok(None)` means the id is new and is now
    /// marked in progress.
    pub fn full_pointer_lookup<T: Clone + 'static>(
        &mut self,
        id: u32,
    ) -> Result<Option<T>, DecodeError> {
        let (value, cost) = match self.full.get(&id) {
            None => {
                self.charge(core::mem::size_of::<(u32, FullEntry)>())?;
                self.full.insert(id, FullEntry::InProgress);
                return Ok(None);
            }
            Some(FullEntry::InProgress) => {
                return Err(self.error(DecodeErrorKind::FullPointerCycle(id)));
            }
            Some(FullEntry::Done { value, cost }) => match value.downcast_ref::<T>() {
                Some(v) => (v.clone(), *cost),
                None => return Err(self.error(DecodeErrorKind::FullPointerTypeMismatch(id))),
            },
        };
        self.charge(cost)?;
        Ok(Some(value))
    }

    /// Full pointers: records the referent decoded for `id`; `cost` is the
    /// budget its decode used (the copy kept here is charged the same).
    pub fn full_pointer_store<T: Clone + 'static>(
        &mut self,
        id: u32,
        value: &T,
        cost: usize,
    ) -> Result<(), DecodeError> {
        self.charge(cost)?;
        self.full.insert(
            id,
            FullEntry::Done {
                value: Box::new(value.clone()),
                cost,
            },
        );
        Ok(())
    }

    /// Ends the decode: every byte must have been consumed.
    pub fn finish(self) -> Result<(), DecodeError> {
        if self.pos < self.len {
            return Err(self.error(DecodeErrorKind::TrailingBytes {
                count: self.remaining(),
            }));
        }
        Ok(())
    }
}
