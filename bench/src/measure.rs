//! Clocks of one measured phase: wall time (monotonic) and the process's CPU time and peak RSS
//! from `getrusage(RUSAGE_SELF)` (every thread, so the tokio workers count too).
//!
//! Heap figures come from an optional counting allocator that only the `netapi-bench-heap`
//! binary installs (counting every allocation costs a little CPU and turns `realloc` into
//! copy-and-free, so the timed binaries run on the system allocator).

use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use serde_json::{Map, Value, json};

/// A point in time for both clocks.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    wall: Instant,
    user: Duration,
    sys: Duration,
}

fn rusage() -> (Duration, Duration, i64) {
    // getrusage(RUSAGE_SELF) cannot fail with a valid `who`; zeros would only understate CPU.
    match getrusage(UsageWho::RUSAGE_SELF) {
        Ok(u) => {
            let tv = |t: nix::sys::time::TimeVal| {
                Duration::from_secs(t.tv_sec() as u64) + Duration::from_micros(t.tv_usec() as u64)
            };
            (tv(u.user_time()), tv(u.system_time()), u.max_rss())
        }
        Err(_) => (Duration::ZERO, Duration::ZERO, 0),
    }
}

impl Mark {
    /// Now.
    pub fn now() -> Mark {
        let (user, sys, _) = rusage();
        Mark {
            wall: Instant::now(),
            user,
            sys,
        }
    }

    /// Wall seconds since this mark.
    pub fn wall_s(&self) -> f64 {
        self.wall.elapsed().as_secs_f64()
    }

    /// `wall_s`, `user_s`, `sys_s`, `cpu_s` since this mark, and the process's peak RSS so far.
    pub fn fields(&self) -> Map<String, Value> {
        let wall = self.wall.elapsed().as_secs_f64();
        let (user, sys, maxrss) = rusage();
        let user = (user - self.user).as_secs_f64();
        let sys = (sys - self.sys).as_secs_f64();
        let mut m = Map::new();
        m.insert("wall_s".into(), json!(wall));
        m.insert("user_s".into(), json!(user));
        m.insert("sys_s".into(), json!(sys));
        m.insert("cpu_s".into(), json!(user + sys));
        m.insert("maxrss_kb".into(), json!(peak_rss_kb().unwrap_or(maxrss)));
        m
    }
}

/// This process's peak RSS in kB (`VmHWM`). Unlike `ru_maxrss` it starts afresh at exec, so a
/// child of a big driver process does not inherit the driver's peak.
pub fn peak_rss_kb() -> Option<i64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Reads of a counting global allocator: (bytes allocated now, peak since the last reset), and a
/// reset of the peak to the current value.
#[derive(Clone, Copy)]
pub struct Heap {
    /// Bytes allocated now.
    pub current: fn() -> usize,
    /// Peak bytes since the last reset.
    pub peak: fn() -> usize,
    /// Set the peak to the current value.
    pub reset: fn(),
}

impl std::fmt::Debug for Heap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Heap({} bytes now)", (self.current)())
    }
}
