//! pywin32's argument handling: `METH_VARARGS` functions parsed with `PyArg_ParseTuple`.
//!
//! Every function takes positional arguments only (a keyword is a TypeError), is checked for
//! arity with CPython's messages, converts its integer arguments (`i`, `l`) while parsing — so
//! an integer error comes before any string error — and then converts its string arguments
//! with pywintypes' rules, in the order each function documents
//! (`spec/pywin32/win32net-functions.md` §2, errors.md §4).

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

/// The positional arguments of one call, after the keyword and arity checks.
pub struct Args<'a, 'py> {
    args: &'a Bound<'py, PyTuple>,
}

impl<'a, 'py> Args<'a, 'py> {
    /// `PyArg_ParseTuple`'s checks for a format with `min` required and `max` arguments in all.
    /// `fname` is the function's name for the keyword message; CPython's arity message says
    /// "function" (pywin32's formats carry no name suffix for these functions).
    pub fn parse(
        fname: &str,
        args: &'a Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
        min: usize,
        max: usize,
    ) -> PyResult<Self> {
        Self::parse_as(fname, "function", args, kwargs, min, max)
    }

    /// [`Args::parse`] for a format with a name suffix (`OO:NetMessageNameAdd`): CPython's
    /// arity message names the function (`NetMessageNameAdd() takes exactly 2 arguments`).
    pub fn parse_named(
        fname: &str,
        args: &'a Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
        min: usize,
        max: usize,
    ) -> PyResult<Self> {
        Self::parse_as(fname, &format!("{fname}()"), args, kwargs, min, max)
    }

    fn parse_as(
        fname: &str,
        who: &str,
        args: &'a Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
        min: usize,
        max: usize,
    ) -> PyResult<Self> {
        if kwargs.is_some_and(|k| !k.is_empty()) {
            return Err(PyTypeError::new_err(format!(
                "{fname}() takes no keyword arguments"
            )));
        }
        let n = args.len();
        if n < min || n > max {
            let (how, count) = if min == max {
                ("exactly", min)
            } else if n < min {
                ("at least", min)
            } else {
                ("at most", max)
            };
            let s = if count == 1 { "" } else { "s" };
            return Err(PyTypeError::new_err(format!(
                "{who} takes {how} {count} argument{s} ({n} given)"
            )));
        }
        Ok(Args { args })
    }

    /// Argument `i`, if given.
    pub fn get(&self, i: usize) -> Option<Bound<'py, PyAny>> {
        self.args.get_item(i).ok()
    }

    /// Argument `i` as a C `int` (format `i`), or `default` when not given.
    pub fn int(&self, i: usize, default: i32) -> PyResult<i32> {
        self.get(i).map_or(Ok(default), |o| c_int(&o))
    }

    /// Argument `i` as a C `long` (format `l`; 32 bits on Windows), or `default`.
    pub fn long(&self, i: usize, default: i32) -> PyResult<i32> {
        self.get(i).map_or(Ok(default), |o| c_long(&o))
    }
}

/// Format `i`: an int (or `__index__`) in the signed 32-bit range.
pub fn c_int(obj: &Bound<'_, PyAny>) -> PyResult<i32> {
    // PyLong_AsLong's own errors: "'float' object cannot be interpreted as an integer",
    // "Python int too large to convert to C long".
    let v: i64 = obj.extract()?;
    if v > i64::from(i32::MAX) {
        return Err(PyOverflowError::new_err(
            "signed integer is greater than maximum",
        ));
    }
    if v < i64::from(i32::MIN) {
        return Err(PyOverflowError::new_err(
            "signed integer is less than minimum",
        ));
    }
    Ok(v as i32)
}

/// Format `l` with Windows' 32-bit `long`.
pub fn c_long(obj: &Bound<'_, PyAny>) -> PyResult<i32> {
    let v: i64 = obj.extract()?;
    i32::try_from(v)
        .map_err(|_| PyOverflowError::new_err("Python int too large to convert to C long"))
}

/// The name pywin32 puts in its messages for the type of `obj` (`tp_name`).
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// pywintypes' WCHAR conversion of a string argument: `str` only; `None` is a NULL pointer where
/// the parameter allows it. The API sees the string cut at its first NUL.
pub fn wstr(obj: Option<&Bound<'_, PyAny>>, none_ok: bool) -> PyResult<Option<String>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return if none_ok {
            Ok(None)
        } else {
            Err(PyTypeError::new_err(
                "None is not a valid string in this context",
            ))
        };
    };
    match obj.cast::<PyString>() {
        Ok(s) => {
            let text = s.to_string_lossy();
            Ok(Some(match text.find('\0') {
                Some(nul) => text[..nul].to_string(),
                None => text.into_owned(),
            }))
        }
        Err(_) => Err(PyTypeError::new_err(format!(
            "Objects of type '{}' can not be converted to Unicode.",
            type_name(obj)
        ))),
    }
}

/// A string argument that must be given (not `None`).
pub fn required(obj: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    Ok(wstr(obj, false)?.unwrap_or_default())
}

/// The resume handle of the NetShareEnum / NetGroupEnum archetype: `None` is 0, anything
/// `int()` accepts is converted to a pointer-sized unsigned value (negative ints wrap), and the
/// API's DWORD handle is its low 32 bits.
pub fn resume_handle(obj: Option<&Bound<'_, PyAny>>) -> PyResult<u32> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(0);
    };
    let py = obj.py();
    let int = py
        .get_type::<pyo3::types::PyInt>()
        .call1((obj,))
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "Unable to convert {} to pointer-sized value",
                type_name(obj)
            ))
        })?;
    int.bitand(0xFFFF_FFFFu32)?.extract()
}
