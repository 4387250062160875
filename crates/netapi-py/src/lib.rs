//! netapi's Python layer: the native part of a drop-in pywin32 `win32net` (the `win32net`
//! package re-exports it; `win32netcon` and `pywintypes` are Python modules beside it).
//!
//! Thin by design: `functions.rs` has one `#[pyfunction]` per Net* name with pywin32's argument
//! rules (`args.rs`), `convert/` turns the core's info levels into pywin32's dicts through
//! generated key tables, `error.rs` is the one place a `netapi::Error` becomes
//! `pywintypes.error`, and `runtime.rs` releases the GIL around calls. Credentials per server
//! (NetUseAdd) live in the core (`netapi::uses`). The behaviour followed is
//! `spec/pywin32/win32net-functions.md`; deliberate differences are in this crate's README.

mod args;
pub mod convert;
mod error;
mod functions;
mod groups;
mod runtime;
mod users;
mod workstation;

use pyo3::prelude::*;

/// The native module `win32net._win32net`.
#[pymodule]
#[pyo3(name = "_win32net")]
fn win32net_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    use functions::*;
    use groups::*;
    use workstation::*;
    // pywin32's registration order (win32net-functions.md §5), for the functions built so far.
    m.add_function(wrap_pyfunction!(NetGetJoinInformation, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupGetUsers, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupSetUsers, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupSetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupAdd, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupAddUser, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupDelUser, m)?)?;
    m.add_function(wrap_pyfunction!(NetGroupEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupAdd, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupAddMembers, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupDelMembers, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupGetMembers, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupSetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetLocalGroupSetMembers, m)?)?;
    m.add_function(wrap_pyfunction!(NetMessageBufferSend, m)?)?;
    m.add_function(wrap_pyfunction!(NetMessageNameAdd, m)?)?;
    m.add_function(wrap_pyfunction!(NetMessageNameDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetMessageNameEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetServerEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetServerGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetServerSetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetShareAdd, m)?)?;
    m.add_function(wrap_pyfunction!(NetShareDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetShareCheck, m)?)?;
    m.add_function(wrap_pyfunction!(NetShareEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetShareGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetShareSetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserAdd, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserChangePassword, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetUserGetGroups, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetUserGetLocalGroups, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserSetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserDel, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserModalsGet, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetUserModalsSet, m)?)?;
    m.add_function(wrap_pyfunction!(NetWkstaUserEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetWkstaGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetWkstaSetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetWkstaTransportEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetWkstaTransportAdd, m)?)?;
    m.add_function(wrap_pyfunction!(NetWkstaTransportDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetServerDiskEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetUseAdd, m)?)?;
    m.add_function(wrap_pyfunction!(NetUseDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetUseEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetUseGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetGetAnyDCName, m)?)?;
    m.add_function(wrap_pyfunction!(NetGetDCName, m)?)?;
    m.add_function(wrap_pyfunction!(NetSessionEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetSessionDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetSessionGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetFileEnum, m)?)?;
    m.add_function(wrap_pyfunction!(NetFileClose, m)?)?;
    m.add_function(wrap_pyfunction!(NetFileGetInfo, m)?)?;
    m.add_function(wrap_pyfunction!(NetStatisticsGet, m)?)?;
    m.add_function(wrap_pyfunction!(NetServerComputerNameAdd, m)?)?;
    m.add_function(wrap_pyfunction!(NetServerComputerNameDel, m)?)?;
    m.add_function(wrap_pyfunction!(NetValidateName, m)?)?;
    m.add_function(wrap_pyfunction!(users::NetValidatePasswordPolicy, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::_at_exit, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::_disconnect_all, m)?)?;
    Ok(())
}
