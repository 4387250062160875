//! The `netapi` binary; everything lives in the `netapi_cli` library (`src/lib.rs`) so the
//! formatting is testable without a process or a network.

fn main() -> std::process::ExitCode {
    netapi_cli::main()
}
