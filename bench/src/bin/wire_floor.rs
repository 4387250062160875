//! `wire-floor`: replays pre-encoded srvsvc requests over an already open pipe and counts the
//! response bytes; the server's own time. See `netapi_bench::floor`.

fn main() {
    if let Err(e) = netapi_bench::floor::run() {
        eprintln!("wire-floor: {e}");
        std::process::exit(1);
    }
}
