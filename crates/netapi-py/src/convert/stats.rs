//! NetStatisticsGet: `STAT_SERVER_0` (and, with the workstation family, `STAT_WORKSTATION_0`)
//! as pywin32's hand-built dicts: 32-bit counters signed, `sts0_start` a raw int.

use netapi::Statistics;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{tables, to_dict};

/// The dict for `stats`, chosen as pywin32 chooses it: by the service name the caller gave,
/// compared case-sensitively (quirk(pywin32): `'lanmanserver'` is accepted by the server and
/// then refused here with `ValueError('Invalid service name')`).
pub fn to_py<'py>(
    py: Python<'py>,
    service: &str,
    stats: &Statistics,
) -> PyResult<Bound<'py, PyDict>> {
    let table = match service {
        "LanmanServer" => &tables::STAT_SERVER_0,
        "LanmanWorkstation" => &tables::STAT_WORKSTATION_0,
        _ => return Err(PyValueError::new_err("Invalid service name")),
    };
    let mut value = serde_json::to_value(stats).unwrap_or_default();
    // quirk(pywin32): STAT_WORKSTATION_0's CacheReadBytesRequested is filled from
    // NonPagingReadBytesRequested (spec §9.11).
    if let Some(obj) = value.as_object_mut()
        && let Some(v) = obj.get("NonPagingReadBytesRequested").cloned()
        && obj.contains_key("CacheReadBytesRequested")
    {
        obj.insert("CacheReadBytesRequested".into(), v);
    }
    to_dict(py, table, &value)
}
