//! How the blocking [`Client`](crate::Client) runs its calls: on the caller's own thread.
//!
//! A blocking call is a future (the [`AsyncClient`](crate::AsyncClient) method) run to
//! completion. With a runtime whose worker threads own the sockets, every round trip costs two
//! thread wake-ups: the kernel wakes a worker for the response, and the worker wakes the parked
//! caller. Measured on the 2-core development machine, that hand-off was most of what netapi
//! added above the wire floor (docs/benchmarks.md, "Fixes made from these measurements").
//!
//! So the blocking client has a runtime of its own, a *current-thread* runtime shared by every
//! thread of the process, and the calling thread drives it: it writes the request, waits in
//! `epoll` itself, reads the answer and runs the connection's reader task, with no other thread
//! involved. When several threads call at once, tokio lets one of them drive the I/O of all
//! (the others are woken when their answer is in), so calls from many threads still share
//! connections and run concurrently.
//!
//! A current-thread runtime only runs while some thread is inside `block_on`. Between calls the
//! connections still need a driver: to notice a server that closed an idle connection (so the
//! next call reconnects instead of failing), to send the CLOSE and LOGOFF of pipes and sessions
//! that were dropped, and to let timers fire. An *idle driver* thread does that: once no call has
//! been running for [`IDLE_GRACE`], it enters `block_on` itself and stays there until the next
//! call starts, which tells it to step aside (the caller then takes the runtime over). Back-to-
//! back calls never wake it; the first call after a pause pays one hand-over.
//!
//! Connections made on this runtime must not be used from another one (their sockets are
//! registered with this runtime's reactor, which only runs as described above), and the reverse.
//! So a thread inside [`run`] uses its own session pool ([`Driver::smb_pool`]), and
//! [`Connector`](crate::rpc::conn::Connector) keeps idle associations apart by [`Driver`].
//!
//! **fork.** A child made by `fork` (Python's `os.fork`, `multiprocessing`) has copies of the
//! parent's runtime, pooled sessions and sockets, but none of the parent's threads: the runtime
//! may be locked by a thread that no longer exists, and a pooled session's socket is the very
//! connection the parent still uses. So the runtime and the blocking session pool belong to one
//! process ([`PerProcess`]): the first call in a child (seen by its changed process id) starts a
//! fresh runtime, idle driver and pool, and leaves the parent's copies alone, never locking,
//! dropping or writing to them (their memory is leaked in the child).

use std::cell::Cell;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use netapi_transport::smb::SmbClient;
use tokio::runtime::Runtime;
use tokio::sync::Notify;

/// How long no blocking call must have been running before the idle driver takes over.
pub(crate) const IDLE_GRACE: Duration = Duration::from_millis(5);

/// Which runtime drives the sockets of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Driver {
    /// netapi's blocking runtime (a thread inside [`run`]).
    Blocking,
    /// The caller's own tokio runtime ([`AsyncClient`](crate::AsyncClient) awaited directly).
    Async,
}

thread_local! {
    static IN_RUN: Cell<bool> = const { Cell::new(false) };
}

impl Driver {
    /// The driver of the calling thread.
    pub(crate) fn current() -> Driver {
        // `try_with`: a call made while the thread's locals are being destroyed is not inside
        // `run` either.
        if IN_RUN.try_with(Cell::get).unwrap_or(false) {
            Driver::Blocking
        } else {
            Driver::Async
        }
    }
}

impl Driver {
    /// The SMB2 session pool for connections driven by this driver (for the blocking driver,
    /// this process's own: see the module docs on `fork`).
    pub(crate) fn smb_pool(self) -> &'static SmbClient {
        match self {
            Driver::Blocking => &shared().pool,
            Driver::Async => SmbClient::shared(),
        }
    }
}

/// Drop every pooled SMB2 session of both pools (the blocking one only if this process has
/// started it: clearing starts nothing).
pub(crate) fn clear_pools() {
    Driver::Async.smb_pool().clear();
    if let Some(sh) = SHARED.peek() {
        sh.pool.clear();
    }
}

/// The shared runtime and the bookkeeping between callers and the idle driver.
struct Shared {
    rt: Runtime,
    /// Sessions made by calls on this runtime (their sockets are registered with it).
    pool: SmbClient,
    /// Calls inside `run` right now.
    active: AtomicUsize,
    /// Calls that have finished so far (the idle driver's "nothing happened" test).
    finished: AtomicU64,
    /// The idle driver is inside `block_on` (or about to enter it).
    idle_driving: AtomicBool,
    /// Tells the idle driver to leave `block_on`.
    step_aside: Notify,
}

static SHARED: PerProcess<Arc<Shared>> = PerProcess::new();

fn shared() -> &'static Arc<Shared> {
    // A child starts from scratch: nothing of the parent's runtime is usable there.
    SHARED.get(|_parent| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .thread_name("netapi-blocking")
            .build()
            .expect("cannot start netapi's tokio runtime");
        let shared = Arc::new(Shared {
            rt,
            pool: SmbClient::new(),
            active: AtomicUsize::new(0),
            finished: AtomicU64::new(0),
            idle_driving: AtomicBool::new(false),
            step_aside: Notify::new(),
        });
        let for_thread = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("netapi-idle".into())
            .spawn(move || idle_driver(&for_thread));
        if let Err(e) = spawned {
            // Calls still work; idle connections are then only looked at by the next call.
            tracing::warn!(error = %e, "netapi: cannot start the idle driver thread");
        }
        shared
    })
}

/// Run `fut` to completion on the calling thread. The caller must not be inside a tokio runtime
/// (checked by [`Client`](crate::Client) before it gets here).
pub(crate) fn run<T>(fut: impl Future<Output = T>) -> T {
    let sh = shared();
    sh.active.fetch_add(1, Ordering::SeqCst);
    if sh.idle_driving.load(Ordering::SeqCst) {
        sh.step_aside.notify_one();
    }
    let _guard = Active::enter(sh);
    sh.rt.block_on(fut)
}

/// Marks the thread as inside [`run`] and counts the call as finished when dropped (also when
/// the future panics).
struct Active<'a>(&'a Shared);

impl<'a> Active<'a> {
    fn enter(sh: &'a Shared) -> Self {
        let _ = IN_RUN.try_with(|c| c.set(true));
        Active(sh)
    }
}

impl Drop for Active<'_> {
    fn drop(&mut self) {
        let _ = IN_RUN.try_with(|c| c.set(false));
        self.0.finished.fetch_add(1, Ordering::SeqCst);
        self.0.active.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The idle driver's loop: drive the runtime whenever no call has run for a grace period.
fn idle_driver(sh: &Shared) {
    // Tasks this thread runs belong to the blocking runtime.
    let _ = IN_RUN.try_with(|c| c.set(true));
    loop {
        let seen = sh.finished.load(Ordering::SeqCst);
        std::thread::park_timeout(IDLE_GRACE);
        if sh.active.load(Ordering::SeqCst) != 0 || sh.finished.load(Ordering::SeqCst) != seen {
            continue;
        }
        sh.idle_driving.store(true, Ordering::SeqCst);
        // A caller that started after the check above either sees `idle_driving` and leaves a
        // permit in `step_aside`, or is seen here.
        if sh.active.load(Ordering::SeqCst) == 0 {
            sh.rt.block_on(sh.step_aside.notified());
        }
        sh.idle_driving.store(false, Ordering::SeqCst);
    }
}

/// Processes a [`PerProcess`] value can follow down a chain of `fork`s (each child that uses it
/// takes the next slot; siblings reuse the same one, as each has its own copy of memory).
const FORK_DEPTH: usize = 64;

/// A value that belongs to one process. [`PerProcess::get`] returns this process's value; in a
/// child made by `fork` it makes a new one (from the parent's, if `init` wants to copy anything)
/// and never drops, locks or otherwise touches the parent's copy again, which the child leaks.
///
/// No lock is taken on the fast path (one `getpid` and two atomic loads), so a lock held by one
/// of the parent's threads at the moment of the fork cannot hang the child.
pub(crate) struct PerProcess<T: 'static> {
    current: AtomicUsize,
    slots: [OnceLock<Owned<T>>; FORK_DEPTH],
}

struct Owned<T> {
    pid: u32,
    value: T,
}

impl<T: 'static> PerProcess<T> {
    pub(crate) const fn new() -> Self {
        PerProcess {
            current: AtomicUsize::new(0),
            slots: [const { OnceLock::new() }; FORK_DEPTH],
        }
    }

    /// This process's value if it has one already (nothing is made).
    pub(crate) fn peek(&'static self) -> Option<&'static T> {
        let pid = std::process::id();
        let i = self.current.load(Ordering::Acquire);
        self.slots[i..]
            .iter()
            .map_while(OnceLock::get)
            .find(|o| o.pid == pid)
            .map(|o| &o.value)
    }

    /// This process's value, made by `init` on first use in this process; `init` is given the
    /// parent's value when this process is a `fork` child of one that had it.
    pub(crate) fn get(&'static self, init: impl FnOnce(Option<&T>) -> T) -> &'static T {
        let pid = std::process::id();
        let mut init = Some(init);
        let start = self.current.load(Ordering::Acquire);
        let mut i = start;
        let mut parent: Option<&'static T> = None;
        loop {
            let owned = self.slots[i].get_or_init(|| Owned {
                pid,
                value: (init.take().expect("init runs once"))(parent),
            });
            if owned.pid == pid {
                if i != start {
                    let _ = self.current.fetch_max(i, Ordering::AcqRel);
                }
                return &owned.value;
            }
            // A slot filled by an ancestor process (we are a fork child): the next one is
            // ours. (One of our ancestor's threads may have filled the next one too, just before
            // the fork; then the loop moves on again.)
            parent = Some(&owned.value);
            i += 1;
            assert!(
                i < FORK_DEPTH,
                "netapi: more than {FORK_DEPTH} generations of forked processes"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_per_process_value_is_made_once_and_peek_makes_none() {
        static V: PerProcess<u32> = PerProcess::new();
        assert!(V.peek().is_none());
        assert_eq!(
            *V.get(|parent| {
                assert!(parent.is_none(), "no parent process had one");
                7
            }),
            7
        );
        assert_eq!(*V.get(|_| unreachable!("made already")), 7);
        assert_eq!(V.peek(), Some(&7));
    }
}
