//! A counting global allocator: live bytes and the peak since the last [`reset_peak`].
//!
//! Targets call [`reset_peak`] before feeding an input and [`peak_since_reset`] after, then
//! assert the peak against a budget proportional to the input. libFuzzer's own
//! `-malloc_limit_mb` only catches single huge allocations; this catches many moderate ones
//! that add up (a peer-chosen count turned into a loop of small allocations).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// [`System`] with byte counting.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static BASE: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's layout; counting has no effect on
// the memory returned.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Starts a measurement: the peak is reset to what is live now.
pub fn reset_peak() {
    let live = LIVE.load(Relaxed);
    BASE.store(live, Relaxed);
    PEAK.store(live, Relaxed);
}

/// Largest number of bytes allocated on top of what was live at [`reset_peak`].
pub fn peak_since_reset() -> usize {
    PEAK.load(Relaxed).saturating_sub(BASE.load(Relaxed))
}

/// Runs `f`, then panics if it ever held more than `budget` bytes beyond what was live before.
pub fn bounded<R>(what: &str, budget: usize, f: impl FnOnce() -> R) -> R {
    reset_peak();
    let r = f();
    let peak = peak_since_reset();
    assert!(
        peak <= budget,
        "{what}: held {peak} bytes at once, budget {budget}"
    );
    r
}
