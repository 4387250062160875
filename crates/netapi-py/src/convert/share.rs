//! Shares: the shapes that are not dicts.

use netapi::info::ShareInfo;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Legacy `NetShareEnum(server)`: `(netname, type, remark)` from a level-1 share, with `type`
/// built as a signed 32-bit int (quirk(pywin32): `ADMIN$` reads negative here and unsigned in
/// the dict form).
pub fn legacy_tuple<'py>(py: Python<'py>, share: &ShareInfo) -> PyResult<Bound<'py, PyTuple>> {
    let (name, ty, remark) = match share {
        ShareInfo::L1(s) => (s.netname.as_deref(), s.r#type, s.remark.as_deref()),
        other => (other.netname(), 0, None),
    };
    (name, ty as i32, remark).into_pyobject(py)
}

/// NetShareCheck: `(1, type)` (type signed) when shared, `(0, None)` for NERR_DeviceNotShared.
pub fn check_tuple<'py>(py: Python<'py>, shared: Option<u32>) -> PyResult<Bound<'py, PyTuple>> {
    let second = match shared {
        Some(ty) => (ty as i32).into_pyobject(py)?.into_any(),
        None => py.None().into_bound(py),
    };
    let first = i32::from(shared.is_some()).into_pyobject(py)?.into_any();
    PyTuple::new(py, [first, second])
}
