//! Dicts ↔ information levels, driven by the generated key tables ([`tables`]).
//!
//! The core's level types serialize to JSON objects whose keys are pywin32's dict keys
//! (`ShareInfo::to_json` / `from_json`), so one engine serves every family: [`to_dict`] turns
//! such an object into a dict with every key of the table, in table order, each converted as
//! its table entry says; [`from_mapping`] turns a Python data mapping into the object
//! `from_json` takes, with pywin32's rules (`_meta.write_rules` of info-levels.json):
//! `PyMapping_Check` or TypeError, missing keys zero/NULL (left out: the core's defaults), keys
//! not in the table ignored, any exception while looking a key up swallowed, a value of the
//! wrong type a TypeError naming the key, keys converted in table order (the first bad one
//! wins). Families only add their bespoke shapes (`share.rs`, `server.rs`, ...).
//!
//! Values the core carries as text: security descriptors (and logon hours) as lowercase hex of
//! their bytes, SIDs as `S-1-…` strings; here they become `pywintypes.SECURITY_DESCRIPTOR`,
//! `bytes` and `pywintypes.SID` objects.

pub mod server;
pub mod share;
pub mod sid;
pub mod stats;
#[rustfmt::skip]
pub mod tables;
pub mod uses;
pub mod validate;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyString};
use serde_json::{Map, Value};

/// How one key converts (info-levels.json `_type_legend`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// `str` or `None` (NULL).
    Wstr,
    /// Unsigned 32-bit; written modulo 2**32.
    Dword,
    /// Signed 32-bit.
    Long,
    /// `bool`; written by truthiness.
    Bool,
    /// `bytes` of exactly 21 (logon hours) or `None`.
    Hours,
    /// `pywintypes.SID` or `None`.
    Sid,
    /// `pywintypes.SECURITY_DESCRIPTOR` or `None`.
    SecurityDescriptor,
    /// A DWORD pywin32 builds as a C int (hand-built dicts): reads back signed.
    I32,
    /// A LARGE_INTEGER: signed 64-bit.
    I64,
}

/// One key of a table.
pub struct Key {
    /// The dict key.
    pub name: &'static str,
    /// Its conversion.
    pub conv: Conv,
    /// The key as a Python string, made once (every dict of the level shares it).
    py_name: PyOnceLock<Py<PyString>>,
}

impl Key {
    /// A key of a generated table.
    pub const fn new(name: &'static str, conv: Conv) -> Self {
        Key {
            name,
            conv,
            py_name: PyOnceLock::new(),
        }
    }

    fn py_name<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        self.py_name
            .get_or_init(py, || PyString::intern(py, self.name).unbind())
            .bind(py)
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?}", self.name, self.conv)
    }
}

/// The keys of one level, in pywin32's order.
#[derive(Debug)]
pub struct Table {
    /// The C struct name (`SHARE_INFO_2`).
    pub name: &'static str,
    /// Its keys.
    pub keys: &'static [Key],
}

/// The levels a function accepts, each with its table.
pub type Levels = &'static [(i32, &'static Table)];

/// The table of `level`, or `ValueError('This information level is not supported')`.
pub fn lookup(levels: Levels, level: i32) -> PyResult<&'static Table> {
    levels
        .iter()
        .find(|(l, _)| *l == level)
        .map(|(_, t)| *t)
        .ok_or_else(|| PyValueError::new_err("This information level is not supported"))
}

/// A family of levels of the core (`ShareInfo`, `ServerInfo`, ...).
pub trait Family: Sized {
    /// The level of the value held.
    fn level(&self) -> u32;
    /// The value as a JSON object with pywin32's keys.
    fn to_json(&self) -> Value;
    /// A value of `level` from such an object.
    fn from_json(level: u32, value: Value) -> Result<Self, serde_json::Error>;
}

macro_rules! families {
    ($($t:ty),*) => {$(
        impl Family for $t {
            fn level(&self) -> u32 { <$t>::level(self) }
            fn to_json(&self) -> Value { <$t>::to_json(self) }
            fn from_json(level: u32, value: Value) -> Result<Self, serde_json::Error> {
                <$t>::from_json(level, value)
            }
        }
    )*};
}
families!(
    netapi::info::ShareInfo,
    netapi::info::ServerInfo,
    netapi::info::SessionInfo,
    netapi::info::FileInfo,
    netapi::info::WkstaInfo,
    netapi::info::WkstaUserInfo,
    netapi::info::WkstaTransportInfo,
    netapi::info::UseInfo
);
// The group families (`crate::groups`).
families!(
    netapi::info::GroupInfo,
    netapi::info::GroupUsersInfo,
    netapi::info::LocalGroupInfo,
    netapi::info::LocalGroupMembersInfo
);
// The user and account-policy families (`crate::users`).
families!(netapi::info::UserInfo, netapi::info::UserModalsInfo);

/// `value` (from `Family::to_json`) as a dict of `table`'s keys, in order.
pub fn to_dict<'py>(py: Python<'py>, table: &Table, value: &Value) -> PyResult<Bound<'py, PyDict>> {
    let empty = Map::new();
    let obj = value.as_object().unwrap_or(&empty);
    let dict = PyDict::new(py);
    // The core serializes the fields in table order (a unit test checks it), so walk both
    // together and look a key up by name only where they part.
    let mut entries = obj.iter();
    for key in table.keys {
        let v = match entries.next() {
            Some((name, v)) if name == key.name => v,
            _ => obj.get(key.name).unwrap_or(&Value::Null),
        };
        dict.set_item(key.py_name(py), read(py, key.conv, v)?)?;
    }
    Ok(dict)
}

/// A family value as the dict of its level in `levels` (the level asked for).
pub fn family_to_dict<'py, F: Family>(
    py: Python<'py>,
    levels: Levels,
    info: &F,
) -> PyResult<Bound<'py, PyDict>> {
    let table = lookup(levels, info.level() as i32)?;
    to_dict(py, table, &info.to_json())
}

/// A data mapping at `level` (whose table is `table`) as a family value.
pub fn family_from_mapping<F: Family>(
    table: &Table,
    level: i32,
    obj: &Bound<'_, PyAny>,
) -> PyResult<F> {
    let value = from_mapping(table, obj)?;
    F::from_json(level as u32, value).map_err(|e| {
        PyTypeError::new_err(format!("cannot build {} from the mapping: {e}", table.name))
    })
}

fn read<'py>(py: Python<'py>, conv: Conv, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    let int = |v: &Value| {
        v.as_i64()
            .or_else(|| v.as_u64().map(|u| u as i64))
            .unwrap_or(0)
    };
    Ok(match (conv, v) {
        (c, Value::Null) if is_nullable(c) => py.None().into_bound(py),
        (Conv::Wstr, Value::String(s)) => PyString::new(py, s).into_any(),
        (Conv::Wstr, _) => py.None().into_bound(py),
        (Conv::Dword, v) => (int(v) as u32).into_pyobject(py)?.into_any(),
        (Conv::Long | Conv::I32, v) => (int(v) as u32 as i32).into_pyobject(py)?.into_any(),
        (Conv::I64, v) => int(v).into_pyobject(py)?.into_any(),
        (Conv::Bool, v) => PyBool::new(py, v.as_bool().unwrap_or(int(v) != 0))
            .to_owned()
            .into_any(),
        (Conv::Hours, Value::String(h)) => PyBytes::new(py, &unhex(h)?).into_any(),
        (Conv::SecurityDescriptor, Value::String(h)) => {
            pywintypes(py, "SECURITY_DESCRIPTOR")?.call1((PyBytes::new(py, &unhex(h)?),))?
        }
        (Conv::Sid, Value::String(s)) => {
            let bytes = sid::from_text(s).ok_or_else(|| {
                PyValueError::new_err(format!("the server sent a malformed SID {s:?}"))
            })?;
            pywintypes(py, "SID")?.call1((PyBytes::new(py, &bytes),))?
        }
        _ => py.None().into_bound(py),
    })
}

fn is_nullable(conv: Conv) -> bool {
    matches!(
        conv,
        Conv::Wstr | Conv::Hours | Conv::Sid | Conv::SecurityDescriptor
    )
}

/// `obj` (a data mapping) as the JSON object `from_json` of the table's level takes.
pub fn from_mapping(table: &Table, obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    // PyMapping_Check: a type with `__getitem__` (so list, tuple and str pass and, all
    // their string subscripts failing, give an all-zero struct).
    // SAFETY: `obj` is a valid object and we are attached to the interpreter.
    if unsafe { pyo3::ffi::PyMapping_Check(obj.as_ptr()) } == 0 {
        return Err(PyTypeError::new_err("The object must be a mapping"));
    }
    let mut out = Map::new();
    for key in table.keys {
        // Any exception while looking the key up means "missing".
        let Ok(v) = obj.get_item(key.name) else {
            continue;
        };
        out.insert(key.name.to_string(), write(key, &v)?);
    }
    Ok(Value::Object(out))
}

fn write(key: &Key, v: &Bound<'_, PyAny>) -> PyResult<Value> {
    let py = v.py();
    let bad = |what: &str| {
        PyTypeError::new_err(format!(
            "The mapping attribute '{}' must be {what}",
            key.name
        ))
    };
    Ok(match key.conv {
        Conv::Wstr => match crate::args::wstr(Some(v), true)? {
            Some(s) => Value::String(s),
            None => Value::Null,
        },
        Conv::Dword | Conv::I32 => {
            Value::from(dword(v).map_err(|_| bad("an unsigned 32 bit int"))?)
        }
        Conv::Long => {
            let n: i64 = v.extract().map_err(|_| bad("an integer"))?;
            Value::from(i32::try_from(n).map_err(|_| bad("an integer"))?)
        }
        Conv::I64 => Value::from(v.extract::<i64>().map_err(|_| bad("an integer"))?),
        Conv::Bool => Value::Bool(v.is_truthy().map_err(|_| bad("boolean"))?),
        Conv::Hours => {
            if v.is_none() {
                Value::Null
            } else {
                match v.cast_exact::<PyBytes>() {
                    Ok(b) if b.as_bytes().len() == 21 => Value::String(hex(b.as_bytes())),
                    _ => return Err(bad("a string of exactly length 21")),
                }
            }
        }
        // quirk(pywin32): None for a SID key crashes the original (a NULL SID is dereferenced);
        // here it is a NULL SID.
        Conv::Sid if v.is_none() => Value::Null,
        Conv::Sid => {
            if !v.is_instance(pywintypes(py, "SIDType")?)? {
                return Err(PyTypeError::new_err("The object is not a PySID object"));
            }
            let bytes = object_bytes(v)?;
            Value::String(sid::to_text(&bytes).ok_or_else(|| {
                PyValueError::new_err(format!("the SID of '{}' is malformed", key.name))
            })?)
        }
        Conv::SecurityDescriptor if v.is_none() => Value::Null,
        Conv::SecurityDescriptor => {
            if !v.is_instance(pywintypes(py, "SECURITY_DESCRIPTORType")?)? {
                return Err(PyTypeError::new_err(
                    "The object is not a PySECURITY_DESCRIPTOR object",
                ));
            }
            Value::String(hex(&object_bytes(v)?))
        }
    })
}

/// A DWORD on write: any int (or `__index__`), modulo 2**32.
fn dword(v: &Bound<'_, PyAny>) -> PyResult<u32> {
    match v.extract::<i64>() {
        Ok(n) => Ok(n as u32),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(v.py()) => {
            let index = v.py().import("operator")?.call_method1("index", (v,))?;
            index.bitand(0xFFFF_FFFFu32)?.extract()
        }
        Err(e) => Err(e),
    }
}

/// The bytes of a SID / security descriptor object (`bytes(obj)`: the buffer of pywin32's,
/// `__bytes__` of ours).
fn object_bytes(v: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let b = v.py().get_type::<PyBytes>().call1((v,))?;
    Ok(b.cast::<PyBytes>()?.as_bytes().to_vec())
}

/// An attribute of the `pywintypes` module (`SID`, `SIDType`, ...), cached.
pub fn pywintypes<'py>(py: Python<'py>, name: &'static str) -> PyResult<&'py Bound<'py, PyAny>> {
    static CACHE: [PyOnceLock<Py<PyAny>>; 4] = [const { PyOnceLock::new() }; 4];
    let i = match name {
        "SID" => 0,
        "SIDType" => 1,
        "SECURITY_DESCRIPTOR" => 2,
        "SECURITY_DESCRIPTORType" => 3,
        _ => unreachable!("pywintypes.{name} is not cached"),
    };
    CACHE[i].import(py, "pywintypes", name)
}

/// Lowercase hex, as the core carries blobs.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn unhex(text: &str) -> PyResult<Vec<u8>> {
    let bad = || PyValueError::new_err("the core sent a malformed hex blob");
    if !text.len().is_multiple_of(2) {
        return Err(bad());
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|p| u8::from_str_radix(p, 16).ok())
                .ok_or_else(bad)
        })
        .collect()
}

#[cfg(test)]
mod tests;
