//! The workstation, use, domain and messenger functions of `win32net` (spec §4.6, 4.7, 4.10,
//! 4.11): one `#[pyfunction]` per pywin32 function, in the conventions of `functions.rs`. The
//! NetUse functions work on the process's table (`netapi::uses`); a server other than the local
//! one is `ERROR_NOT_SUPPORTED` (50), as for NetUseAdd.
#![allow(non_snake_case)]

use netapi::info::{UseInfo, WkstaInfo, WkstaTransportInfo};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::args::{Args, required, wstr};
use crate::convert::{self, tables as t};
use crate::error::{failed, win32_error};
use crate::functions::{dicts, local_only, netapi_message, on};

// ---- workstation -------------------------------------------------------------------------

// (server, level) -> dict.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetWkstaGetInfo")]
pub fn NetWkstaGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetWkstaGetInfo";
    let a = Args::parse(OP, args, kwargs, 2, 2)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_WKSTA_GET_INFO, level)?;
    let info = on(py, OP, server, move |c| {
        c.wksta_get_info_level(level as u32)
    })?;
    convert::to_dict(py, table, &info.to_json())
}

// (server, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetWkstaSetInfo")]
pub fn NetWkstaSetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetWkstaSetInfo";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_WKSTA_SET_INFO, level)?;
    let info: WkstaInfo = convert::family_from_mapping(table, level, &a.get(2).expect("3 args"))?;
    on(py, OP, server, move |c| c.wksta_set_info(&info))
}

// Bespoke enumerator (3I): (server, level, resumeHandle=0, prefLen=-1) -> (list, total, resume).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetWkstaUserEnum")]
pub fn NetWkstaUserEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetWkstaUserEnum";
    let a = Args::parse(OP, args, kwargs, 2, 4)?;
    let level = a.int(1, 0)?;
    let resume = a.int(2, 0)?;
    let pref = a.int(3, -1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_WKSTA_USER_ENUM, level)?;
    let page = on(py, OP, server, move |c| {
        c.wksta_user_enum_page(level as u32, resume as u32, pref as u32)
    })?;
    let items = dicts(py, table, &page.items)?;
    (items, page.total as i32, page.resume as i32).into_pyobject(py)
}

// Bespoke enumerator (3I): (server, level, resumeHandle=0, prefLen=-1) -> (list, total, resume).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetWkstaTransportEnum")]
pub fn NetWkstaTransportEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetWkstaTransportEnum";
    let a = Args::parse(OP, args, kwargs, 2, 4)?;
    let level = a.int(1, 0)?;
    let resume = a.int(2, 0)?;
    let pref = a.int(3, -1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_WKSTA_TRANSPORT_ENUM, level)?;
    let page = on(py, OP, server, move |c| {
        c.wksta_transport_enum_page(level as u32, resume as u32, pref as u32)
    })?;
    let items = dicts(py, table, &page.items)?;
    (items, page.total as i32, page.resume as i32).into_pyobject(py)
}

// (server, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetWkstaTransportAdd")]
pub fn NetWkstaTransportAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetWkstaTransportAdd";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_WKSTA_TRANSPORT_ADD, level)?;
    let info: WkstaTransportInfo =
        convert::family_from_mapping(table, level, &a.get(2).expect("3 args"))?;
    on(py, OP, server, move |c| c.wksta_transport_add(&info))
}

// (server, transportName, ucond=0) -> None; the transport name may be None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetWkstaTransportDel")]
pub fn NetWkstaTransportDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetWkstaTransportDel";
    let a = Args::parse(OP, args, kwargs, 2, 3)?;
    let ucond = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = wstr(a.get(1).as_ref(), true)?;
    on(py, OP, server, move |c| {
        c.wksta_transport_del(name.as_deref(), ucond as u32)
    })
}

// ---- uses --------------------------------------------------------------------------------

// Bespoke enumerator (3I): (server, level, resumeHandle=0, prefLen=-1) -> (list, total, 0): the
// process's uses, in one page.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUseEnum")]
pub fn NetUseEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetUseEnum";
    let a = Args::parse(OP, args, kwargs, 2, 4)?;
    let level = a.int(1, 0)?;
    let _resume = a.int(2, 0)?;
    let _pref = a.int(3, -1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_USE_ENUM, level)?;
    local_only(OP, server.as_deref())?;
    let list = crate::runtime::release(py, move || netapi::uses::use_enum_level(level as u32))
        .map_err(failed(OP))?;
    let items: Bound<'py, PyList> = dicts::<UseInfo>(py, table, &list)?;
    (items, list.len() as i32, 0i32).into_pyobject(py)
}

// (server, useName, level=0) -> dict; the use name may be None (nothing matches it).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUseGetInfo")]
pub fn NetUseGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetUseGetInfo";
    let a = Args::parse(OP, args, kwargs, 2, 3)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = wstr(a.get(1).as_ref(), true)?;
    let table = convert::lookup(t::NET_USE_GET_INFO, level)?;
    local_only(OP, server.as_deref())?;
    let Some(name) = name else {
        return Err(win32_error(87, OP, netapi_message(87)));
    };
    let info = crate::runtime::release(py, move || {
        netapi::uses::use_get_info_level(&name, level as u32)
    })
    .map_err(failed(OP))?;
    convert::to_dict(py, table, &info.to_json())
}

// ---- domain ------------------------------------------------------------------------------

// (server=None, domain=None) -> '\\NAME'.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGetDCName")]
pub fn NetGetDCName<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<String> {
    const OP: &str = "NetGetDCName";
    let a = Args::parse(OP, args, kwargs, 0, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let domain = wstr(a.get(1).as_ref(), true)?;
    on(py, OP, server, move |c| c.get_dc_name(domain.as_deref()))
}

// (server=None, domain=None) -> '\\NAME'.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGetAnyDCName")]
pub fn NetGetAnyDCName<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<String> {
    const OP: &str = "NetGetAnyDCName";
    let a = Args::parse(OP, args, kwargs, 0, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let domain = wstr(a.get(1).as_ref(), true)?;
    on(py, OP, server, move |c| {
        c.get_any_dc_name(domain.as_deref())
    })
}

// (server=None) -> (name, NETSETUP_JOIN_STATUS).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGetJoinInformation")]
pub fn NetGetJoinInformation<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(String, i32)> {
    const OP: &str = "NetGetJoinInformation";
    let a = Args::parse_named(OP, args, kwargs, 0, 1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let j = on(py, OP, server, |c| c.get_join_information())?;
    Ok((j.name, j.status as i32))
}

// (Server, Name, NameType, Account=None, Password=None) -> None when valid.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetValidateName")]
pub fn NetValidateName<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetValidateName";
    let a = Args::parse(OP, args, kwargs, 3, 5)?;
    let name_type = a.long(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = required(a.get(1).as_ref())?;
    let account = wstr(a.get(3).as_ref(), true)?;
    let password = wstr(a.get(4).as_ref(), true)?;
    on(py, OP, server, move |c| {
        c.validate_name(
            &name,
            name_type as u32,
            account.as_deref(),
            password.as_deref(),
        )
    })
}

// ---- messenger ---------------------------------------------------------------------------

// (server, msgname, fromName, message) -> None; the message travels as its UTF-16 units.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetMessageBufferSend")]
pub fn NetMessageBufferSend<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetMessageBufferSend";
    let a = Args::parse_named(OP, args, kwargs, 4, 4)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let to = required(a.get(1).as_ref())?;
    let from = wstr(a.get(2).as_ref(), true)?;
    let text = required(a.get(3).as_ref())?;
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    on(py, OP, server, move |c| {
        c.message_buffer_send(&to, from.as_deref(), &bytes)
    })
}

// (server, msgname) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetMessageNameAdd")]
pub fn NetMessageNameAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetMessageNameAdd";
    let a = Args::parse_named(OP, args, kwargs, 2, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = required(a.get(1).as_ref())?;
    on(py, OP, server, move |c| c.message_name_add(&name))
}

// (server, msgname) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetMessageNameDel")]
pub fn NetMessageNameDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetMessageNameDel";
    let a = Args::parse_named(OP, args, kwargs, 2, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = required(a.get(1).as_ref())?;
    on(py, OP, server, move |c| c.message_name_del(&name))
}

// (server=None) -> [alias, ...]: every page (level 0).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetMessageNameEnum")]
pub fn NetMessageNameEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Vec<String>> {
    const OP: &str = "NetMessageNameEnum";
    let a = Args::parse_named(OP, args, kwargs, 0, 1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    on(py, OP, server, |c| c.message_name_enum())
}
