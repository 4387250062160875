//! `netapi-bench-heap`: the same workloads with a counting global allocator, for the heap peak
//! of an enumeration against the size of its result. Its timings are not reported (counting
//! every allocation and `realloc` as copy-and-free slow the client down).

use netapi_bench::measure::Heap;
use peak_alloc::PeakAlloc;

#[global_allocator]
static COUNTING: PeakAlloc = PeakAlloc;

fn main() {
    let heap = Heap {
        current: || COUNTING.current_usage(),
        peak: || COUNTING.peak_usage(),
        reset: || COUNTING.reset_peak_usage(),
    };
    if let Err(e) = netapi_bench::workloads::run(Some(heap)) {
        eprintln!("netapi-bench-heap: {e}");
        std::process::exit(1);
    }
}
