//! The group functions of pywin32's `win32net`: NetGroup* (global groups), NetLocalGroup*
//! (local groups, members as `pywintypes.SID` / `DOMAIN\name`), NetUserGetGroups and
//! NetUserGetLocalGroups, each as `spec/pywin32/win32net-functions.md` §4.2–4.3 and §4.1 say:
//! archetypes 3A (enumerations), 3B (member lists, prefLen 4096 by default), 3C–3F, 3H (member
//! sequences), and the bespoke NetGroupAddUser / DelUser, NetLocalGroupDelMembers (plain
//! strings, always level 3), NetUserGetGroups (`[(name, attributes)]`, level 1) and
//! NetUserGetLocalGroups (`[name]`, level 0). pywin32 has no NetUserSetGroups.
#![allow(non_snake_case)]

use netapi::Client;
use netapi::info::{GroupInfo, GroupUsersInfo, LocalGroupInfo, LocalGroupMembersInfo};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::args::{Args, required, resume_handle, wstr};
use crate::convert::{self, Family, tables as t};
use crate::functions::{dicts, on};

/// pywin32's default prefLen of the member lists (3B): 4096, not MAX_PREFERRED_LENGTH.
const MEMBERS_PREF_LEN: i32 = 4096;

/// `Args::parse` for a format with a name suffix (`OO:NetUserGetGroups`): CPython's arity
/// message names the function (`NetUserGetGroups() takes exactly 2 arguments (1 given)`).
fn parse_named<'a, 'py>(
    name: &str,
    args: &'a Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
    min: usize,
    max: usize,
) -> PyResult<Args<'a, 'py>> {
    Args::parse(name, args, kwargs, min, max).map_err(|e| {
        let py = args.py();
        let text = e.value(py).to_string();
        match text.strip_prefix("function takes ") {
            Some(rest) => PyTypeError::new_err(format!("{name}() takes {rest}")),
            None => e,
        }
    })
}

/// 3H's `members`: the sequence as `tuple()` makes it, each element a data mapping of the
/// level's table; any conversion failure before anything is sent.
fn members<F: Family>(
    obj: &Bound<'_, PyAny>,
    table: &'static convert::Table,
    level: i32,
) -> PyResult<Vec<F>> {
    let tuple = obj
        .py()
        .get_type::<PyTuple>()
        .call1((obj,))
        .map_err(|_| PyTypeError::new_err("Data must be a sequence of dictionaries"))?;
    tuple
        .cast::<PyTuple>()?
        .iter()
        .map(|m| convert::family_from_mapping(table, level, &m))
        .collect()
}

// ---- the archetypes (win32net-functions.md §3) -----------------------------------------------

/// GetInfo (3C): (server, name, level) -> dict.
fn get_info<'py, F: Family + Send>(
    py: Python<'py>,
    op: &'static str,
    (args, kwargs): (&Bound<'py, PyTuple>, Option<&Bound<'py, PyDict>>),
    levels: convert::Levels,
    call: impl FnOnce(&Client, &str, u32) -> netapi::Result<F> + Send,
) -> PyResult<Bound<'py, PyDict>> {
    let a = Args::parse(op, args, kwargs, 3, 3)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = required(a.get(1).as_ref())?;
    let table = convert::lookup(levels, level)?;
    let info = on(py, op, server, move |c| call(c, &name, level as u32))?;
    convert::to_dict(py, table, &info.to_json())
}

/// SetInfo (3D): (server, name, level, data) -> None.
fn set_info<'py, F: Family + Send>(
    py: Python<'py>,
    op: &'static str,
    (args, kwargs): (&Bound<'py, PyTuple>, Option<&Bound<'py, PyDict>>),
    levels: convert::Levels,
    call: impl FnOnce(&Client, &str, &F) -> netapi::Result<()> + Send,
) -> PyResult<()> {
    let a = Args::parse(op, args, kwargs, 4, 4)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = required(a.get(1).as_ref())?;
    let table = convert::lookup(levels, level)?;
    let info: F = convert::family_from_mapping(table, level, &a.get(3).expect("4 args"))?;
    on(py, op, server, move |c| call(c, &name, &info))
}

/// Add (3E): (server, level, data) -> None.
fn add<'py, F: Family + Send>(
    py: Python<'py>,
    op: &'static str,
    (args, kwargs): (&Bound<'py, PyTuple>, Option<&Bound<'py, PyDict>>),
    levels: convert::Levels,
    call: impl FnOnce(&Client, &F) -> netapi::Result<()> + Send,
) -> PyResult<()> {
    let a = Args::parse(op, args, kwargs, 3, 3)?;
    let level = a.int(1, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let table = convert::lookup(levels, level)?;
    let info: F = convert::family_from_mapping(table, level, &a.get(2).expect("3 args"))?;
    on(py, op, server, move |c| call(c, &info))
}

/// Del (3F): (server, name) -> None.
fn del<'py>(
    py: Python<'py>,
    op: &'static str,
    (args, kwargs): (&Bound<'py, PyTuple>, Option<&Bound<'py, PyDict>>),
    call: impl FnOnce(&Client, &str) -> netapi::Result<()> + Send,
) -> PyResult<()> {
    let a = Args::parse(op, args, kwargs, 2, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = required(a.get(1).as_ref())?;
    on(py, op, server, move |c| call(c, &name))
}

/// SimpleEnum (3A): (server, level, resumeHandle=None, prefLen=MAX_PREFERRED_LENGTH) and
/// NamedEnum (3B): (server, name, level, resumeHandle=None, prefLen=4096) -> (list, total,
/// resume); `named` says which.
fn enumerate<'py, F: Family + Send>(
    py: Python<'py>,
    op: &'static str,
    (args, kwargs): (&Bound<'py, PyTuple>, Option<&Bound<'py, PyDict>>),
    levels: convert::Levels,
    named: bool,
    call: impl FnOnce(&Client, &str, u32, u32, u32) -> netapi::Result<netapi::Page<F>> + Send,
) -> PyResult<Bound<'py, PyTuple>> {
    let at = usize::from(named);
    let a = Args::parse(op, args, kwargs, 2 + at, 4 + at)?;
    let level = a.int(1 + at, 0)?;
    let pref = a.int(3 + at, if named { MEMBERS_PREF_LEN } else { -1 })?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let name = if named {
        required(a.get(1).as_ref())?
    } else {
        String::new()
    };
    let resume = resume_handle(a.get(2 + at).as_ref())?;
    let table = convert::lookup(levels, level)?;
    let page = on(py, op, server, move |c| {
        call(c, &name, level as u32, resume, pref as u32)
    })?;
    (
        dicts(py, table, &page.items)?,
        page.total as i32,
        page.resume,
    )
        .into_pyobject(py)
}

/// GroupSet (3H): (server, group, level, members) -> None.
fn group_set<'py, F: Family + Send>(
    py: Python<'py>,
    op: &'static str,
    (args, kwargs): (&Bound<'py, PyTuple>, Option<&Bound<'py, PyDict>>),
    levels: convert::Levels,
    call: impl FnOnce(&Client, &str, u32, &[F]) -> netapi::Result<()> + Send,
) -> PyResult<()> {
    let a = Args::parse(op, args, kwargs, 4, 4)?;
    let level = a.int(2, 0)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let group = required(a.get(1).as_ref())?;
    let table = convert::lookup(levels, level)?;
    let entries: Vec<F> = members(&a.get(3).expect("4 args"), table, level)?;
    on(py, op, server, move |c| {
        call(c, &group, level as u32, &entries)
    })
}

// ---- global groups -------------------------------------------------------------------------

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupGetInfo")]
pub fn NetGroupGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    get_info(
        py,
        "NetGroupGetInfo",
        (args, kwargs),
        t::NET_GROUP_GET_INFO,
        |c, n, l| c.group_get_info_level(n, l),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupGetUsers")]
pub fn NetGroupGetUsers<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let table = t::NET_GROUP_GET_USERS;
    enumerate(
        py,
        "NetGroupGetUsers",
        (args, kwargs),
        table,
        true,
        |c, n, l, r, p| c.group_get_users_page(n, l, r, p),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupSetUsers")]
pub fn NetGroupSetUsers<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    let levels = t::NET_GROUP_SET_USERS;
    group_set(
        py,
        "NetGroupSetUsers",
        (args, kwargs),
        levels,
        |c, g, l, m: &[GroupUsersInfo]| c.group_set_users(g, l, m),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupSetInfo")]
pub fn NetGroupSetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    set_info(
        py,
        "NetGroupSetInfo",
        (args, kwargs),
        t::NET_GROUP_SET_INFO,
        |c, n, i: &GroupInfo| c.group_set_info(n, i),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupAdd")]
pub fn NetGroupAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    add(
        py,
        "NetGroupAdd",
        (args, kwargs),
        t::NET_GROUP_ADD,
        |c, i: &GroupInfo| c.group_add(i),
    )
}

/// NetGroupAddUser / NetGroupDelUser: (server, group, username) -> None; the username (third
/// argument) is converted before the group, as pywin32 does.
fn group_member(
    py: Python<'_>,
    op: &'static str,
    args: &Bound<'_, PyTuple>,
    kwargs: Option<&Bound<'_, PyDict>>,
    add: bool,
) -> PyResult<()> {
    let a = Args::parse(op, args, kwargs, 3, 3)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let user = required(a.get(2).as_ref())?;
    let group = required(a.get(1).as_ref())?;
    on(py, op, server, move |c| {
        if add {
            c.group_add_user(&group, &user)
        } else {
            c.group_del_user(&group, &user)
        }
    })
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupAddUser")]
pub fn NetGroupAddUser<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    group_member(py, "NetGroupAddUser", args, kwargs, true)
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupDel")]
pub fn NetGroupDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    del(py, "NetGroupDel", (args, kwargs), |c, n| c.group_del(n))
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupDelUser")]
pub fn NetGroupDelUser<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    group_member(py, "NetGroupDelUser", args, kwargs, false)
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetGroupEnum")]
pub fn NetGroupEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    enumerate(
        py,
        "NetGroupEnum",
        (args, kwargs),
        t::NET_GROUP_ENUM,
        false,
        |c, _, l, r, p| c.group_enum_page(l, r, p),
    )
}

// ---- local groups --------------------------------------------------------------------------

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupAdd")]
pub fn NetLocalGroupAdd<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    let levels = t::NET_LOCAL_GROUP_ADD;
    add(
        py,
        "NetLocalGroupAdd",
        (args, kwargs),
        levels,
        |c, i: &LocalGroupInfo| c.local_group_add(i),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupAddMembers")]
pub fn NetLocalGroupAddMembers<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    let levels = t::NET_LOCAL_GROUP_ADD_MEMBERS;
    group_set(
        py,
        "NetLocalGroupAddMembers",
        (args, kwargs),
        levels,
        |c, g, l, m: &[LocalGroupMembersInfo]| c.local_group_add_members(g, l, m),
    )
}

// (server, group, members) -> None: members are plain `DOMAIN\name` strings, sent at level 3
// (pywin32 has no level argument here).
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupDelMembers")]
pub fn NetLocalGroupDelMembers<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    const OP: &str = "NetLocalGroupDelMembers";
    let a = Args::parse(OP, args, kwargs, 3, 3)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let group = required(a.get(1).as_ref())?;
    let given = a.get(2).expect("3 args");
    let tuple = py
        .get_type::<PyTuple>()
        .call1((&given,))
        .map_err(|_| PyTypeError::new_err("Data must be a sequence of dictionaries"))?;
    let mut entries = Vec::new();
    for m in tuple.cast::<PyTuple>()?.iter() {
        let name = required(Some(&m))?;
        entries.push(
            netapi::info::LocalGroupMembersInfo3 {
                domainandname: Some(name),
            }
            .into(),
        );
    }
    on(py, OP, server, move |c| {
        c.local_group_del_members(&group, 3, &entries)
    })
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupDel")]
pub fn NetLocalGroupDel<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    del(py, "NetLocalGroupDel", (args, kwargs), |c, n| {
        c.local_group_del(n)
    })
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupEnum")]
pub fn NetLocalGroupEnum<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let levels = t::NET_LOCAL_GROUP_ENUM;
    enumerate(
        py,
        "NetLocalGroupEnum",
        (args, kwargs),
        levels,
        false,
        |c, _, l, r, p| c.local_group_enum_page(l, r, p),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupGetInfo")]
pub fn NetLocalGroupGetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let levels = t::NET_LOCAL_GROUP_GET_INFO;
    get_info(
        py,
        "NetLocalGroupGetInfo",
        (args, kwargs),
        levels,
        |c, n, l| c.local_group_get_info_level(n, l),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupGetMembers")]
pub fn NetLocalGroupGetMembers<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let levels = t::NET_LOCAL_GROUP_GET_MEMBERS;
    enumerate(
        py,
        "NetLocalGroupGetMembers",
        (args, kwargs),
        levels,
        true,
        |c, n, l, r, p| c.local_group_get_members_page(n, l, r, p),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupSetInfo")]
pub fn NetLocalGroupSetInfo<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    let levels = t::NET_LOCAL_GROUP_SET_INFO;
    set_info(
        py,
        "NetLocalGroupSetInfo",
        (args, kwargs),
        levels,
        |c, n, i: &LocalGroupInfo| c.local_group_set_info(n, i),
    )
}

#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetLocalGroupSetMembers")]
pub fn NetLocalGroupSetMembers<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<()> {
    let levels = t::NET_LOCAL_GROUP_SET_MEMBERS;
    group_set(
        py,
        "NetLocalGroupSetMembers",
        (args, kwargs),
        levels,
        |c, g, l, m: &[LocalGroupMembersInfo]| c.local_group_set_members(g, l, m),
    )
}

// ---- a user's groups -------------------------------------------------------------------------

/// Updated - New Behavior
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserGetGroups")]
pub fn NetUserGetGroups<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    // `OO:NetUserGetGroups`: level 1, MAX_PREFERRED_LENGTH; [(name, attributes)] with the
    // attributes built as signed 32-bit ints.
    const OP: &str = "NetUserGetGroups";
    let a = parse_named(OP, args, kwargs, 2, 2)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let user = required(a.get(1).as_ref())?;
    let groups = on(py, OP, server, move |c| c.user_get_groups_level(&user, 1))?;
    let out = PyList::empty(py);
    for g in &groups {
        let name = g.name().map(str::to_string);
        let attributes = g.attributes().unwrap_or(0) as i32;
        out.append((name, attributes))?;
    }
    Ok(out)
}

/// Updated - New Behavior
#[pyfunction(signature = (*args, **kwargs), text_signature = None)]
#[pyo3(name = "NetUserGetLocalGroups")]
pub fn NetUserGetLocalGroups<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    // `OO|i:NetUserGetLocalGroups`: level 0, flags LG_INCLUDE_INDIRECT by default; [name].
    const OP: &str = "NetUserGetLocalGroups";
    let a = parse_named(OP, args, kwargs, 2, 3)?;
    let flags = a.int(2, 1)?;
    let server = wstr(a.get(0).as_ref(), true)?;
    let user = required(a.get(1).as_ref())?;
    let groups = on(py, OP, server, move |c| {
        c.user_get_local_groups_level(&user, 0, flags as u32)
    })?;
    let out = PyList::empty(py);
    for g in &groups {
        out.append(g.to_json()["name"].as_str())?;
    }
    Ok(out)
}
