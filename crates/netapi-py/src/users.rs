//! The user functions of `win32net` (spec/pywin32/win32net-functions.md §4.1, §4.11):
//! NetUserAdd, NetUserChangePassword, NetUserEnum, NetUserGetInfo, NetUserSetInfo,
//! NetUserDel, NetUserModalsGet, NetUserModalsSet and NetValidatePasswordPolicy, one
//! `#[pyfunction]` each with pywin32's argument rules, over the core's blocking client
//! (`functions::on`, the GIL released). Levels Windows documents that pywin32 lacks come from
//! levels-extra.json (README).
#![allow(non_snake_case)]

use netapi::info::{UserInfo, UserInfo1010, UserModalsInfo};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::args::{Args, required, wstr};
use crate::convert::{self, tables as t};
use crate::functions::{dicts, on};

/// A user data mapping at `level`. quirk(pywin32): USER_INFO_1010's `auth_flags` is declared a
/// string (an int is a TypeError, as in pywin32); its value cannot reach the server as pywin32
/// sends it (a pointer's low bits), and Windows ignores `auth_flags` on NT, so 0 is sent.
fn user_info(table: &convert::Table, level: i32, data: &Bound<'_, PyAny>) -> PyResult<UserInfo> {
    if level == 1010 {
        convert::from_mapping(table, data)?;
        return Ok(UserInfo1010::default().into());
    }
    convert::family_from_mapping(table, level, data)
}

// Add (3E): (server, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserAdd")]
pub fn NetUserAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetUserAdd";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_USER_ADD, level)?;
    let info = user_info(table, level, &a.get(2).expect("3 args"))?;
    on(py, OP, server, move |c| c.user_add(&info))
}

// (server, username, oldPassword, newPassword) -> None; server and username may be None (the
// user the connection authenticates as).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserChangePassword")]
pub fn NetUserChangePassword<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetUserChangePassword";
    let a = Args::parse(OP, args, kwargs, 4, 4)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let user = wstr(a.get(1).as_ref(), true)?;
    let old = required(a.get(2).as_ref())?;
    let new = required(a.get(3).as_ref())?;
    on(py, OP, server, move |c| {
        c.user_change_password(user.as_deref(), &old, &new)
    })
}

// Bespoke enumerator (3I): (server, level, filter=FILTER_NORMAL_ACCOUNT, resumeHandle=0,
// prefLen=MAX_PREFERRED_LENGTH) -> (list, total, resume); resume a C int, 0 when complete.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserEnum")]
pub fn NetUserEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetUserEnum";
    let a = Args::parse(OP, args, kwargs, 2, 5)?;
    let level = a.int(1, 0)?;
    let filter = a.int(2, 2)?;
    let resume = a.int(3, 0)?;
    let pref = a.int(4, -1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_USER_ENUM, level)?;
    let page = on(py, OP, server, move |c| {
        c.user_enum_page(level as u32, filter as u32, resume as u32, pref as u32)
    })?;
    let items = dicts(py, table, &page.items)?;
    (items, page.total as i32, page.resume as i32).into_pyobject(py)
}

// GetInfo (3C): (server, username, level) -> dict.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserGetInfo")]
pub fn NetUserGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetUserGetInfo";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let user = required(a.get(1).as_ref())?;
    let table = convert::lookup(t::NET_USER_GET_INFO, level)?;
    let info = on(py, OP, server, move |c| {
        c.user_get_info_level(&user, level as u32)
    })?;
    convert::to_dict(py, table, &info.to_json())
}

// SetInfo (3D): (server, username, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserSetInfo")]
pub fn NetUserSetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetUserSetInfo";
    let a = Args::parse(OP, args, kwargs, 4, 4)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let user = required(a.get(1).as_ref())?;
    let table = convert::lookup(t::NET_USER_SET_INFO, level)?;
    let info = user_info(table, level, &a.get(3).expect("4 args"))?;
    on(py, OP, server, move |c| c.user_set_info(&user, &info))
}

// Del (3F): (server, username) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserDel")]
pub fn NetUserDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetUserDel";
    let a = Args::parse(OP, args, kwargs, 2, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let user = required(a.get(1).as_ref())?;
    on(py, OP, server, move |c| c.user_del(&user))
}

// Modals (3G): (server, level) -> dict.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserModalsGet")]
pub fn NetUserModalsGet<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetUserModalsGet";
    let a = Args::parse(OP, args, kwargs, 2, 2)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_USER_MODALS_GET, level)?;
    let info = on(py, OP, server, move |c| {
        c.user_modals_get_level(level as u32)
    })?;
    convert::to_dict(py, table, &info.to_json())
}

// Modals (3G): (server, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserModalsSet")]
pub fn NetUserModalsSet<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetUserModalsSet";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_USER_MODALS_SET, level)?;
    let info: UserModalsInfo =
        convert::family_from_mapping(table, level, &a.get(2).expect("3 args"))?;
    on(py, OP, server, move |c| c.user_modals_set(&info))
}

// (Server, Qualifier, ValidationType, arg) -> (persisted_fields_dict, status). The Qualifier
// check comes before the server's; only types 1 and 2 (pywin32's); always over
// ncacn_ip_tcp at packet privacy (the core's).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetValidatePasswordPolicy")]
pub fn NetValidatePasswordPolicy<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetValidatePasswordPolicy";
    let a = Args::parse(OP, args, kwargs, 4, 4)?;
    let ty = a.int(2, 0)?;
    if !a.get(1).expect("4 args").is_none() {
        return Err(PyValueError::new_err("The Qualifier arg must be None"));
    }
    let server = wstr(a.get(0).as_ref(), true)?;
    let input = convert::validate::input(ty, &a.get(3).expect("4 args"))?;
    let out = on(py, OP, server, move |c| c.validate_password_policy(&input))?;
    convert::validate::output(py, &out)
}
