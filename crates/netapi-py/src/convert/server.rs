//! Servers: the shapes that are not dicts.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// NetServerDiskEnum: a tuple (not a list) of drive names, each the first two characters of
/// its slot (`'C:'`).
pub fn disk_tuple<'py>(py: Python<'py>, disks: &[String]) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(
        py,
        disks.iter().map(|d| d.chars().take(2).collect::<String>()),
    )
}
