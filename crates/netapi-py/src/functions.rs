//! One `#[pyfunction]` per pywin32 function: arguments in pywin32's order and with its checks
//! (`args.rs`), the call on the core's blocking client with the GIL released, the result in
//! pywin32's shape (`convert/`). Each says which archetype of
//! `spec/pywin32/win32net-functions.md` it follows. No function has a docstring, as in pywin32,
//! except NetShareEnum's.
#![allow(non_snake_case)]

use netapi::Client;
use netapi::info::{FileInfo, ServerInfo, SessionInfo, ShareInfo};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::args::{Args, required, resume_handle, wstr};
use crate::convert::{self, tables as t};
use crate::error::{failed, win32_error};

/// The server a call goes to: the name given, or for `None` / `''` (pywin32's "local
/// computer") `NETAPI_SERVER` if set, else this machine (`localhost`).
pub(crate) fn target(server: Option<&str>) -> String {
    match server {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => std::env::var("NETAPI_SERVER")
            .ok()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "localhost".to_string()),
    }
}

/// Run `call` on the client for `server` (with its use's or the default credentials), the GIL
/// released; a failure is `win32net.error(…, funcname, …)`.
pub(crate) fn on<T, F>(
    py: Python<'_>,
    funcname: &'static str,
    server: Option<String>,
    call: F,
) -> PyResult<T>
where
    T: Send,
    F: FnOnce(&Client) -> netapi::Result<T> + Send,
{
    crate::runtime::release(py, move || {
        let client = netapi::uses::client(funcname, &target(server.as_deref()))?;
        call(&client)
    })
    .map_err(failed(funcname))
}

/// Dicts of `levels`' table for `level` from a family's values.
pub(crate) fn dicts<'py, F: convert::Family>(
    py: Python<'py>,
    table: &convert::Table,
    items: &[F],
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for item in items {
        out.append(convert::to_dict(py, table, &item.to_json())?)?;
    }
    Ok(out)
}

// ---- shares ------------------------------------------------------------------------------

/// Obsolete Function,Level 1 call
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetShareEnum")]
pub fn NetShareEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    const OP: &str = "NetShareEnum";
    if args.len() == 1 {
        // Legacy form (server): level-1 tuples, every page; any failure raises.
        let a = Args::parse(OP, args, kwargs, 1, 1)?;
        let server = wstr(a.get(0).as_ref(), true)?;
        let shares = on(py, OP, server, |c| c.share_enum_level(1))?;
        let out = PyList::empty(py);
        for s in &shares {
            out.append(convert::share::legacy_tuple(py, s)?)?;
        }
        return Ok(out.into_any());
    }
    // SimpleEnum (3A): (server, level, resumeHandle=None, prefLen=MAX_PREFERRED_LENGTH).
    let a = Args::parse(OP, args, kwargs, 2, 4)?;
    let level = a.int(1, 0)?;
    let pref = a.int(3, -1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let resume = resume_handle(a.get(2).as_ref())?;
    let table = convert::lookup(t::NET_SHARE_ENUM, level)?;
    let page = on(py, OP, server, move |c| {
        c.share_enum_page(level as u32, resume, pref as u32)
    })?;
    let items = dicts(py, table, &page.items)?;
    Ok((items, page.total as i32, page.resume)
        .into_pyobject(py)?
        .into_any())
}

// GetInfo (3C): (server, netname, level) -> dict.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetShareGetInfo")]
pub fn NetShareGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetShareGetInfo";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let netname = required(a.get(1).as_ref())?;
    let table = convert::lookup(t::NET_SHARE_GET_INFO, level)?;
    let info = on(py, OP, server, move |c| {
        c.share_get_info_level(&netname, level as u32)
    })?;
    convert::to_dict(py, table, &info.to_json())
}

// SetInfo (3D): (server, netname, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetShareSetInfo")]
pub fn NetShareSetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetShareSetInfo";
    let a = Args::parse(OP, args, kwargs, 4, 4)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let netname = required(a.get(1).as_ref())?;
    let table = convert::lookup(t::NET_SHARE_SET_INFO, level)?;
    let info: ShareInfo = convert::family_from_mapping(table, level, &a.get(3).expect("4 args"))?;
    on(py, OP, server, move |c| c.share_set_info(&netname, &info))
}

// Add (3E): (server, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetShareAdd")]
pub fn NetShareAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetShareAdd";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_SHARE_ADD, level)?;
    let info: ShareInfo = convert::family_from_mapping(table, level, &a.get(2).expect("3 args"))?;
    on(py, OP, server, move |c| c.share_add(&info))
}

// (server, netname, reserved=0) -> None. `reserved` is parsed (C long) and, as Windows'
// server does, ignored.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetShareDel")]
pub fn NetShareDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetShareDel";
    let a = Args::parse(OP, args, kwargs, 2, 3)?;
    let _reserved = a.long(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let netname = required(a.get(1).as_ref())?;
    on(py, OP, server, move |c| c.share_del(&netname))
}

// (server, deviceName) -> (1, type) or (0, None).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetShareCheck")]
pub fn NetShareCheck<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetShareCheck";
    let a = Args::parse(OP, args, kwargs, 2, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let device = required(a.get(1).as_ref())?;
    let shared = on(py, OP, server, move |c| c.share_check(&device))?;
    convert::share::check_tuple(py, shared)
}

// ---- server ------------------------------------------------------------------------------

// (server, level) -> dict.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetServerGetInfo")]
pub fn NetServerGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetServerGetInfo";
    let a = Args::parse(OP, args, kwargs, 2, 2)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_SERVER_GET_INFO, level)?;
    let info = on(py, OP, server, move |c| {
        c.server_get_info_level(level as u32)
    })?;
    convert::to_dict(py, table, &info.to_json())
}

// (server, level, data) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetServerSetInfo")]
pub fn NetServerSetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetServerSetInfo";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_SERVER_SET_INFO, level)?;
    let info: ServerInfo = convert::family_from_mapping(table, level, &a.get(2).expect("3 args"))?;
    on(py, OP, server, move |c| c.server_set_info(&info))
}

// (server, level=0) -> tuple of 'C:' strings. The level is not checked by pywin32; Windows
// knows only 0 and answers ERROR_INVALID_LEVEL (124) for others, as here (nothing is sent).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetServerDiskEnum")]
pub fn NetServerDiskEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetServerDiskEnum";
    let a = Args::parse(OP, args, kwargs, 1, 2)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    if level != 0 {
        return Err(win32_error(124, OP, netapi_message(124)));
    }
    let disks = on(py, OP, server, |c| c.server_disk_enum())?;
    convert::server::disk_tuple(py, &disks)
}

// Bespoke enumerator (3I): (server, level, type=SV_TYPE_ALL, domain=None, resumeHandle=0,
// prefLen=MAX_PREFERRED_LENGTH) -> (list, total, resume); the resume handle is returned as the
// API wrote it, even on the last page.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetServerEnum")]
pub fn NetServerEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    const OP: &str = "NetServerEnum";
    let a = Args::parse(OP, args, kwargs, 2, 6)?;
    let level = a.int(1, 0)?;
    let server_type = a.int(2, -1)?;
    let resume = a.int(4, 0)?;
    let pref = a.int(5, -1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let domain = wstr(a.get(3).as_ref(), true)?;
    let table = convert::lookup(t::NET_SERVER_ENUM, level)?;
    let page = on(py, OP, server, move |c| {
        c.server_enum_page(
            level as u32,
            server_type as u32,
            domain.as_deref(),
            resume as u32,
            pref as u32,
        )
    })?;
    let items = dicts(py, table, &page.items)?;
    (items, page.total as i32, page.resume as i32).into_pyobject(py)
}

// (ServerName, EmulatedDomainName, EmulatedServerName) -> None; only the domain may be None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetServerComputerNameAdd")]
pub fn NetServerComputerNameAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetServerComputerNameAdd";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let server = required(a.get(0).as_ref())?;
    let domain = wstr(a.get(1).as_ref(), true)?;
    let emulated = required(a.get(2).as_ref())?;
    on(py, OP, Some(server), move |c| {
        c.server_computer_name_add(domain.as_deref(), &emulated)
    })
}

// (ServerName, EmulatedServerName) -> None; neither may be None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetServerComputerNameDel")]
pub fn NetServerComputerNameDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetServerComputerNameDel";
    let a = Args::parse(OP, args, kwargs, 2, 2)?;
    let server = required(a.get(0).as_ref())?;
    let emulated = required(a.get(1).as_ref())?;
    on(py, OP, Some(server), move |c| {
        c.server_computer_name_del(&emulated)
    })
}

// (server, service, level=0, options=0) -> STAT_SERVER_0 / STAT_WORKSTATION_0 dict.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetStatisticsGet")]
pub fn NetStatisticsGet<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetStatisticsGet";
    let a = Args::parse(OP, args, kwargs, 2, 4)?;
    let level = a.int(2, 0)?;
    let options = a.int(3, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let service = required(a.get(1).as_ref())?;
    let asked = service.clone();
    let stats = on(py, OP, server, move |c| {
        c.statistics_get(&asked, level as u32, options as u32)
    })?;
    convert::stats::to_py(py, &service, &stats)
}

// ---- sessions ----------------------------------------------------------------------------

/// The level check of the session and file functions: before any string argument.
fn check_level(
    level: i32,
    levels: convert::Levels,
    funcname: &str,
) -> PyResult<&'static convert::Table> {
    convert::lookup(levels, level)
        .map_err(|_| PyValueError::new_err(format!("Invalid level for {funcname}")))
}

// (level, server=None, client=None, username=None) -> list of dicts (every page).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetSessionEnum")]
pub fn NetSessionEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    const OP: &str = "NetSessionEnum";
    let a = Args::parse(OP, args, kwargs, 1, 4)?;
    let level = a.int(0, 0)?;
    let table = check_level(level, t::NET_SESSION_ENUM, OP)?;
    let server = wstr(a.get(1).as_ref(), true)?;
    let client = wstr(a.get(2).as_ref(), true)?;
    let user = wstr(a.get(3).as_ref(), true)?;
    let sessions: Vec<SessionInfo> = on(py, OP, server, move |c| {
        c.session_enum_level(level as u32, client.as_deref(), user.as_deref())
    })?;
    dicts(py, table, &sessions)
}

// (server=None, client=None, username=None) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetSessionDel")]
pub fn NetSessionDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetSessionDel";
    let a = Args::parse(OP, args, kwargs, 0, 3)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let client = wstr(a.get(1).as_ref(), true)?;
    let user = wstr(a.get(2).as_ref(), true)?;
    on(py, OP, server, move |c| {
        c.session_del(client.as_deref(), user.as_deref())
    })
}

// (level, server, client, username) -> dict; client and username required.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetSessionGetInfo")]
pub fn NetSessionGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetSessionGetInfo";
    let a = Args::parse(OP, args, kwargs, 4, 4)?;
    let level = a.int(0, 0)?;
    let table = check_level(level, t::NET_SESSION_GET_INFO, OP)?;
    let server = wstr(a.get(1).as_ref(), true)?;
    let client = required(a.get(2).as_ref())?;
    let user = required(a.get(3).as_ref())?;
    let info = on(py, OP, server, move |c| {
        c.session_get_info_level(level as u32, &client, &user)
    })?;
    convert::to_dict(py, table, &info.to_json())
}

// ---- files -------------------------------------------------------------------------------

// (level, servername=None, basepath=None, username=None) -> list of dicts (every page).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetFileEnum")]
pub fn NetFileEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    const OP: &str = "NetFileEnum";
    let a = Args::parse(OP, args, kwargs, 1, 4)?;
    let level = a.int(0, 0)?;
    let table = check_level(level, t::NET_FILE_ENUM, OP)?;
    let server = wstr(a.get(1).as_ref(), true)?;
    let base = wstr(a.get(2).as_ref(), true)?;
    let user = wstr(a.get(3).as_ref(), true)?;
    let files: Vec<FileInfo> = on(py, OP, server, move |c| {
        c.file_enum_level(level as u32, base.as_deref(), user.as_deref())
    })?;
    dicts(py, table, &files)
}

// (servername, fileid) -> None.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetFileClose")]
pub fn NetFileClose<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetFileClose";
    let a = Args::parse(OP, args, kwargs, 2, 2)?;
    let id = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    on(py, OP, server, move |c| c.file_close(id as u32))
}

// (level, servername, fileid) -> dict. quirk(pywin32): its errors carry funcname
// 'NetFileEnum', reproduced.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetFileGetInfo")]
pub fn NetFileGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "NetFileGetInfo";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(0, 0)?;
    let id = a.int(2, 0)?;
    let table = check_level(level, t::NET_FILE_GET_INFO, OP)?;
    let server = wstr(a.get(1).as_ref(), true)?;
    let info = on(py, "NetFileEnum", server, move |c| {
        c.file_get_info_level(id as u32, level as u32)
    })?;
    convert::to_dict(py, table, &info.to_json())
}

// ---- uses --------------------------------------------------------------------------------

/// NetUseAdd / NetUseDel run on this machine; another `server` would be a remote workstation.
pub(crate) fn local_only(funcname: &'static str, server: Option<&str>) -> PyResult<()> {
    match server {
        Some(s) if !s.is_empty() => Err(win32_error(50, funcname, netapi_message(50))),
        _ => Ok(()),
    }
}

// (server, level, data) -> None: authenticates `data['remote']` (\\server\IPC$) for the process.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUseAdd")]
pub fn NetUseAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetUseAdd";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(t::NET_USE_ADD, level)?;
    let data = convert::from_mapping(table, &a.get(2).expect("3 args"))?;
    local_only(OP, server.as_deref())?;
    if level == 0 {
        // USE_INFO_0 is not a level NetUseAdd takes.
        return Err(win32_error(124, OP, netapi_message(124)));
    }
    let r = convert::uses::request(&data);
    crate::runtime::release(py, move || {
        netapi::uses::use_add(r.local.as_deref(), &r.remote, r.credentials, r.asg_type)
    })
    .map_err(failed(OP))
}

// (server, useName, forceCond=0) -> None: forgets the use and logs its session off.
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUseDel")]
pub fn NetUseDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetUseDel";
    let a = Args::parse(OP, args, kwargs, 2, 3)?;
    let force = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = required(a.get(1).as_ref())?;
    local_only(OP, server.as_deref())?;
    crate::runtime::release(py, move || netapi::uses::use_del(&name, force as u32))
        .map_err(failed(OP))
}

/// Windows' message for `code`, as `strerror`.
pub(crate) fn netapi_message(code: u32) -> String {
    netapi::Error::win32_status("", code).message()
}
