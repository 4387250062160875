//! Our client's workloads, one per subcommand of `netapi-bench`.
//!
//! * `warm`: N calls over one connection (the connection and bind happen in an untimed
//!   warm-up call first).
//! * `fresh`: N × (TCP connect, NEGOTIATE, SESSION_SETUP, TREE_CONNECT, CREATE, bind, one call);
//!   the session pool is emptied after each so the next one really connects.
//! * `enum`: NetShareEnum at a level, whole (`MAX_PREFERRED_LENGTH`) or paged by prefLen.
//! * `concurrent`: T tokio tasks × N mixed calls through one shared `AsyncClient` (one SMB2
//!   connection, one pipe per task).
//! * `many`: one call on each of several servers, one after another or all at once.

use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use netapi::info::ShareInfo;
use netapi::{AsyncClient, Client, MAX_PREFERRED_LENGTH};
use serde_json::{Value, json};

use crate::measure::{Heap, Mark};
use crate::{Target, emit};

/// The command line of `netapi-bench`.
#[derive(Parser, Debug)]
#[command(
    name = "netapi-bench",
    about = "netapi client workloads; one JSON line per run"
)]
pub struct Cli {
    #[command(flatten)]
    target: Target,
    #[command(subcommand)]
    workload: Workload,
}

/// The call a workload repeats.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// NetShareEnum level 1, all at once.
    #[value(name = "share-enum-1")]
    ShareEnum1,
    /// NetServerGetInfo level 101.
    #[value(name = "server-info-101")]
    ServerInfo101,
}

#[derive(Subcommand, Debug)]
enum Workload {
    /// N calls over one warm connection.
    Warm {
        #[arg(long)]
        op: Op,
        #[arg(long, default_value_t = 1000)]
        calls: usize,
        /// Use `AsyncClient` on a current-thread tokio runtime of our own instead of the
        /// blocking `Client` (which runs each call on the caller's thread too: the two should
        /// match).
        #[arg(long)]
        current_thread: bool,
    },
    /// N fresh connections, each with one call.
    Fresh {
        #[arg(long, default_value = "server-info-101")]
        op: Op,
        #[arg(long, default_value_t = 50)]
        calls: usize,
    },
    /// NetShareEnum at `level`, whole or paged; `calls` enumerations after one warm-up.
    Enum {
        #[arg(long, default_value_t = 502)]
        level: u32,
        /// prefLen in bytes; 0 means MAX_PREFERRED_LENGTH (one page).
        #[arg(long, default_value_t = 0)]
        pref_len: u32,
        #[arg(long, default_value_t = 5)]
        calls: usize,
    },
    /// T tasks × N calls, alternating NetShareEnum 1 and NetServerGetInfo 101.
    Concurrent {
        #[arg(long, default_value_t = 16)]
        tasks: usize,
        #[arg(long, default_value_t = 1000)]
        calls: usize,
    },
    /// The member list of one group, N times (`crate::groups`).
    Members {
        #[arg(long)]
        kind: crate::groups::GroupKind,
        /// Group name.
        #[arg(long)]
        name: String,
        #[arg(long, default_value_t = 1)]
        level: u32,
        /// prefLen in bytes; 0 means MAX_PREFERRED_LENGTH.
        #[arg(long, default_value_t = 0)]
        pref_len: u32,
        #[arg(long, default_value_t = 20)]
        calls: usize,
    },
    /// One call (on a fresh connection) to each of `hosts`.
    Many {
        /// Comma-separated server addresses.
        #[arg(long, value_delimiter = ',')]
        hosts: Vec<String>,
        #[arg(long)]
        mode: Mode,
        #[arg(long, default_value = "server-info-101")]
        op: Op,
    },
    /// The users workloads (`users.rs`).
    #[command(flatten)]
    Users(crate::users::UsersWorkload),
}

/// Sequential or concurrent.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One host after another.
    Seq,
    /// All hosts at once.
    Conc,
}

/// Run the workload named on the command line; `heap` when a counting allocator is installed.
pub fn run(heap: Option<Heap>) -> Result<(), Box<dyn std::error::Error>> {
    let cli = Cli::parse();
    let t = &cli.target;
    let out = match cli.workload {
        Workload::Warm {
            op,
            calls,
            current_thread: false,
        } => warm(t, op, calls)?,
        Workload::Warm {
            op,
            calls,
            current_thread: true,
        } => warm_current_thread(t, op, calls)?,
        Workload::Fresh { op, calls } => fresh(t, op, calls)?,
        Workload::Enum {
            level,
            pref_len,
            calls,
        } => enumerate(t, level, pref_len, calls, heap)?,
        Workload::Concurrent { tasks, calls } => concurrent(t, tasks, calls)?,
        Workload::Many { hosts, mode, op } => many(t, &hosts, mode, op)?,
        Workload::Members {
            kind,
            name,
            level,
            pref_len,
            calls,
        } => crate::groups::members(t, kind, &name, level, pref_len, calls)?,
        Workload::Users(u) => crate::users::run(t, u, heap)?,
    };
    emit(out);
    Ok(())
}

fn call(c: &Client, op: Op) -> Result<usize, netapi::Error> {
    match op {
        Op::ShareEnum1 => c.share_enum_level(1).map(|v| v.len()),
        Op::ServerInfo101 => c.server_get_info_level(101).map(|_| 1),
    }
}

async fn call_async(c: &AsyncClient, op: Op) -> Result<usize, netapi::Error> {
    match op {
        Op::ShareEnum1 => c.share_enum_level(1).await.map(|v| v.len()),
        Op::ServerInfo101 => c.server_get_info_level(101).await.map(|_| 1),
    }
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::ShareEnum1 => "share-enum-1",
        Op::ServerInfo101 => "server-info-101",
    }
}

/// Result object: the common fields, then the workload's own.
fn result(workload: &str, mark: &Mark, extra: Value) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("tool".into(), json!("netapi"));
    m.insert("workload".into(), json!(workload));
    m.extend(mark.fields());
    if let Value::Object(e) = extra {
        m.extend(e);
    }
    Value::Object(m)
}

fn warm(t: &Target, op: Op, calls: usize) -> Result<Value, netapi::Error> {
    let c = Client::new(&t.server, t.options())?;
    let items = call(&c, op)?; // connects and binds; not timed
    let mark = Mark::now();
    for _ in 0..calls {
        call(&c, op)?;
    }
    Ok(result(
        "warm",
        &mark,
        json!({ "op": op_name(op), "calls": calls, "items": items }),
    ))
}

/// The same calls through `AsyncClient` on a current-thread runtime: the caller's thread also
/// drives the socket, so a call needs no thread wake-up at all. Since the blocking `Client` does
/// the same per call, this row checks that its per-call `block_on` costs nothing noticeable.
fn warm_current_thread(t: &Target, op: Op, calls: usize) -> Result<Value, netapi::Error> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let c = AsyncClient::new(&t.server, t.options())?;
    rt.block_on(async {
        let items = call_async(&c, op).await?;
        let mark = Mark::now();
        for _ in 0..calls {
            call_async(&c, op).await?;
        }
        Ok(result("warm", &mark, json!({ "op": op_name(op), "calls": calls, "items": items, "runtime": "current-thread" })))
    })
}

fn fresh(t: &Target, op: Op, calls: usize) -> Result<Value, netapi::Error> {
    let opts = t.options();
    let mark = Mark::now();
    for _ in 0..calls {
        let c = Client::new(&t.server, opts.clone())?;
        call(&c, op)?;
        // Dropping the client closes its pipe; emptying the pool drops the session (TREE_DISCONNECT,
        // LOGOFF and close are sent in the background), so the next iteration connects anew.
        drop(c);
        netapi::disconnect_all();
    }
    Ok(result(
        "fresh",
        &mark,
        json!({ "op": op_name(op), "calls": calls }),
    ))
}

fn enumerate(
    t: &Target,
    level: u32,
    pref_len: u32,
    calls: usize,
    heap: Option<Heap>,
) -> Result<Value, netapi::Error> {
    let c = Client::new(&t.server, t.options())?;
    let pref = if pref_len == 0 {
        MAX_PREFERRED_LENGTH
    } else {
        pref_len
    };
    let once = |c: &Client| -> Result<(usize, usize), netapi::Error> {
        if pref == MAX_PREFERRED_LENGTH {
            Ok((c.share_enum_level(level)?.len(), 1))
        } else {
            // Count pages as the iterator fetches them: the entries' order is preserved.
            let mut n = 0;
            for s in c.share_enum_pages(level, pref) {
                s?;
                n += 1;
            }
            Ok((n, 0))
        }
    };
    let (entries, _) = once(&c)?; // connect, bind, and let the server warm its share list
    // Heap: what holding the whole result costs, and the peak while getting it.
    let mut heap_fields = json!({});
    if let Some(h) = heap {
        let before = (h.current)();
        (h.reset)();
        let v = if pref == MAX_PREFERRED_LENGTH {
            c.share_enum_level(level)?
        } else {
            c.share_enum_pages(level, pref).collect_all()?
        };
        let peak = (h.peak)() - before;
        let held = (h.current)().saturating_sub(before);
        heap_fields = json!({ "heap_result_bytes": held, "heap_peak_bytes": peak, "heap_entries": v.len(),
                              "heap_content_bytes": content_bytes(&v) });
        drop(v);
    }
    let mut pages_fetched = 0usize;
    let mark = Mark::now();
    let mut per_call = Vec::with_capacity(calls);
    for _ in 0..calls {
        let t0 = Instant::now();
        if pref == MAX_PREFERRED_LENGTH {
            let v = c.share_enum_level(level)?;
            pages_fetched += 1;
            std::hint::black_box(&v);
        } else {
            let mut resume = 0;
            loop {
                let page = c.share_enum_page(level, resume, pref)?;
                pages_fetched += 1;
                std::hint::black_box(&page.items);
                if page.is_last() {
                    break;
                }
                resume = page.resume;
            }
        }
        per_call.push(t0.elapsed().as_secs_f64());
    }
    let mut r = result(
        "enum",
        &mark,
        json!({ "level": level, "pref_len": pref_len, "calls": calls, "entries": entries,
                "pages": pages_fetched / calls.max(1), "per_call_s": per_call }),
    );
    if let (Value::Object(m), Value::Object(h)) = (&mut r, heap_fields) {
        m.extend(h);
    }
    Ok(r)
}

/// The bytes an enumeration result needs at least: its vector of entries plus the exact length
/// of every string and security descriptor (no allocator slack, no spare capacity).
fn content_bytes(v: &[ShareInfo]) -> usize {
    let s = |o: &Option<String>| o.as_ref().map_or(0, String::len);
    let b = |o: &Option<Vec<u8>>| o.as_ref().map_or(0, Vec::len);
    let strings: usize = v
        .iter()
        .map(|i| match i {
            ShareInfo::L1(x) => s(&x.netname) + s(&x.remark),
            ShareInfo::L2(x) => s(&x.netname) + s(&x.remark) + s(&x.path) + s(&x.passwd),
            ShareInfo::L502(x) => {
                s(&x.netname) + s(&x.remark) + s(&x.path) + s(&x.passwd) + b(&x.security_descriptor)
            }
            _ => 0,
        })
        .sum();
    std::mem::size_of_val(v) + strings
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

fn concurrent(t: &Target, tasks: usize, calls: usize) -> Result<Value, netapi::Error> {
    let rt = runtime();
    let c = AsyncClient::new(&t.server, t.options())?;
    rt.block_on(async {
        // Warm-up: every task opens and binds its pipe, so the timed phase only calls.
        let warm: Vec<_> = (0..tasks)
            .map(|_| {
                let c = c.clone();
                tokio::spawn(async move { call_async(&c, Op::ServerInfo101).await })
            })
            .collect();
        for h in warm {
            h.await.expect("task")?;
        }
        let start = Arc::new(tokio::sync::Barrier::new(tasks + 1));
        let handles: Vec<_> = (0..tasks)
            .map(|i| {
                let c = c.clone();
                let start = start.clone();
                tokio::spawn(async move {
                    start.wait().await;
                    for k in 0..calls {
                        let op = if (i + k) % 2 == 0 {
                            Op::ShareEnum1
                        } else {
                            Op::ServerInfo101
                        };
                        call_async(&c, op).await?;
                    }
                    Ok::<_, netapi::Error>(())
                })
            })
            .collect();
        let mark = Mark::now();
        start.wait().await;
        for h in handles {
            h.await.expect("task")?;
        }
        Ok(result(
            "concurrent",
            &mark,
            json!({ "tasks": tasks, "calls": tasks * calls }),
        ))
    })
}

fn many(t: &Target, hosts: &[String], mode: Mode, op: Op) -> Result<Value, netapi::Error> {
    let opts = t.options();
    let mark = Mark::now();
    let start = Instant::now();
    // When each host was done, in seconds from the start: shows stragglers.
    let mut done = Vec::with_capacity(hosts.len());
    let failures = match mode {
        Mode::Seq => {
            let mut failed = 0;
            for h in hosts {
                let c = Client::new(h, opts.clone())?;
                if let Err(e) = call(&c, op) {
                    if failed == 0 {
                        eprintln!("netapi-bench: {h}: {e}");
                    }
                    failed += 1;
                }
                done.push(start.elapsed().as_secs_f64());
            }
            failed
        }
        Mode::Conc => {
            let rt = runtime();
            rt.block_on(async {
                let handles: Vec<_> = hosts
                    .iter()
                    .map(|h| {
                        let c = AsyncClient::new(h, opts.clone());
                        tokio::spawn(async move {
                            let r = call_async(&c?, op).await;
                            r.map(|_| start.elapsed().as_secs_f64())
                        })
                    })
                    .collect();
                let mut failed = 0;
                for h in handles {
                    match h.await {
                        Ok(Ok(t)) => done.push(t),
                        other => {
                            if failed == 0 {
                                eprintln!("netapi-bench: {other:?}");
                            }
                            failed += 1
                        }
                    }
                }
                failed
            })
        }
    };
    done.sort_by(f64::total_cmp);
    let at = |q: f64| {
        done.get(((done.len() as f64 - 1.0) * q).round() as usize)
            .copied()
    };
    let mode = match mode {
        Mode::Seq => "seq",
        Mode::Conc => "conc",
    };
    let wall = mark.wall_s();
    Ok(result(
        "many",
        &mark,
        json!({ "mode": mode, "op": op_name(op), "hosts": hosts.len(), "failed": failures,
                "hosts_per_s": hosts.len() as f64 / wall,
                "done_s": { "first": at(0.0), "median": at(0.5), "p90": at(0.9), "last": at(1.0) } }),
    ))
}
