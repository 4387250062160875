//! The one place a [`netapi::Error`] becomes a Python exception: `pywintypes.error(winerror,
//! funcname, strerror)`, the class win32net exposes as `win32net.error`.
//!
//! `winerror` is the Win32/NERR code Windows' NetApi would return ([`netapi::Error::win32`]),
//! `strerror` Windows' message text for it ([`netapi::Error::message`], trimmed as pywin32
//! trims FormatMessage's), and `funcname` pywin32's fixed name for the function, given by the
//! caller because pywin32 has its own (NetFileGetInfo reports `'NetFileEnum'`) and a failure
//! before the call proper (a bad server name, no credentials) still belongs to the function.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// A failure of the pywin32 function named `.0` (its `funcname`).
pub struct NetError(pub &'static str, pub netapi::Error);

impl From<NetError> for PyErr {
    fn from(NetError(funcname, e): NetError) -> PyErr {
        win32_error(e.win32(), funcname, e.message())
    }
}

/// `|e| NetError(funcname, e)`, for `map_err`.
pub fn failed(funcname: &'static str) -> impl Fn(netapi::Error) -> PyErr {
    move |e| NetError(funcname, e).into()
}

/// `pywintypes.error(winerror, funcname, strerror)`.
pub fn win32_error(winerror: u32, funcname: &str, strerror: String) -> PyErr {
    Python::attach(|py| match error_class(py) {
        Ok(class) => PyErr::from_type(class.clone(), (winerror, funcname.to_string(), strerror)),
        Err(e) => e,
    })
}

/// The `pywintypes.error` class (pywin32's own where it is installed, see pywintypes.py).
pub fn error_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    ERROR.import(py, "pywintypes", "error")
}
