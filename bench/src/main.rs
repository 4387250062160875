//! `netapi-bench`: our client's workloads on the system allocator (the timed runs).
//! See the library docs and `docs/benchmarks.md`.

fn main() {
    if let Err(e) = netapi_bench::workloads::run(None) {
        eprintln!("netapi-bench: {e}");
        std::process::exit(1);
    }
}
