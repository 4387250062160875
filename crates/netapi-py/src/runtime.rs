//! Calls run with the GIL released (`Python::detach`), so threads overlap during network I/O.
//!
//! Interpreter exit: CPython ends a daemon thread that asks for the GIL back during
//! finalization by unwinding it with `pthread_exit`, which must not run through Rust frames. A
//! call that returns once the interpreter has started exiting (`atexit` ran our hook) therefore
//! parks its thread instead of re-attaching: the process is ending anyway, and CPython itself
//! does the same for such threads from 3.14 on.

use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::prelude::*;

static EXITING: AtomicBool = AtomicBool::new(false);

/// Run `f` with the GIL released.
pub fn release<T, F>(py: Python<'_>, f: F) -> T
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    py.detach(move || {
        let r = f();
        if EXITING.load(Ordering::Acquire) {
            loop {
                std::thread::park();
            }
        }
        r
    })
}

/// Registered with `atexit` by `win32net/__init__.py`: from now on, calls that finish park
/// their thread instead of taking the GIL back.
#[pyfunction]
pub fn _at_exit() {
    EXITING.store(true, Ordering::Release);
}

/// `win32net._disconnect_all()` (a netapi extension; pywin32 has no such function): log off
/// every SMB2 session this process keeps for reuse, as a script may want before a long idle
/// period or when it must not leave a session behind on the server. Later calls connect again.
/// NetUse entries keep their credentials and reconnect on their next call.
#[pyfunction]
pub fn _disconnect_all(py: Python<'_>) {
    release(py, netapi::disconnect_all);
}
