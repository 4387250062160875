//! `bench-exec --rusage FILE -- COMMAND...`: run a peer program (rpcclient, net, impacket) and
//! write its wall time, CPU time and peak RSS as one JSON object to FILE; exits with its status.
//!
//! Why not measure from the Python driver: Linux keeps a process's peak RSS across fork and
//! exec, so every child of the driver would report at least the driver's own ~17 MiB. This
//! small launcher forks the child from a small address space, and `RUSAGE_CHILDREN` then covers
//! exactly that one child.

use std::process::Command;
use std::time::Instant;

use nix::sys::resource::{UsageWho, getrusage};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (file, cmd) = match args.as_slice() {
        [flag, file, dashes, cmd @ ..]
            if flag == "--rusage" && dashes == "--" && !cmd.is_empty() =>
        {
            (file, cmd)
        }
        _ => {
            eprintln!("usage: bench-exec --rusage FILE -- COMMAND [ARGS...]");
            std::process::exit(2);
        }
    };
    let t0 = Instant::now();
    let status = match Command::new(&cmd[0]).args(&cmd[1..]).status() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("bench-exec: cannot run {}: {e}", cmd[0]);
            std::process::exit(127);
        }
    };
    let wall = t0.elapsed().as_secs_f64();
    let (user, sys, maxrss) = match getrusage(UsageWho::RUSAGE_CHILDREN) {
        Ok(u) => {
            let s = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 / 1e6;
            (s(u.user_time()), s(u.system_time()), u.max_rss())
        }
        Err(_) => (0.0, 0.0, 0),
    };
    let rc = status.code().unwrap_or(128);
    let json = serde_json::json!({
        "rc": rc, "wall_s": wall, "user_s": user, "sys_s": sys, "cpu_s": user + sys, "maxrss_kb": maxrss,
    });
    if let Err(e) = std::fs::write(file, json.to_string()) {
        eprintln!("bench-exec: cannot write {file}: {e}");
        std::process::exit(125);
    }
    std::process::exit(rc);
}
