//! NetValidatePasswordPolicy's argument and result, which pywin32 builds by hand
//! (info-levels.json `NET_VALIDATE_*`): the input from a dict (keywords) or a tuple (positional)
//! as `PyArg_ParseTupleAndKeywords` would take it, the output as the persisted-fields dict with
//! only the keys whose `PresentFields` bit is set.

use netapi::info::{
    NetValidateAuthenticationInputArg, NetValidateInput, NetValidateOutputArg,
    NetValidatePasswordChangeInputArg,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use crate::args::{c_int, wstr};

/// The keyword names of each input struct, in pywin32's order.
const AUTH: (&str, &[&str]) = (
    "NET_VALIDATE_AUTHENTICATION_INPUT_ARG",
    &["InputPersistedFields", "PasswordMatched"],
);
const CHANGE: (&str, &[&str]) = (
    "NET_VALIDATE_PASSWORD_CHANGE_INPUT_ARG",
    &[
        "InputPersistedFields",
        "ClearPassword",
        "UserAccountName",
        "HashedPassword",
        "PasswordMatch",
    ],
);

/// The values of `(name, keys)` from `arg` (a tuple: positional; a dict: keywords), each
/// `None` when not given, with CPython's keyword-parser errors.
fn parse<'py>(
    (name, keys): (&str, &[&str]),
    arg: &Bound<'py, PyAny>,
) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let mut out: Vec<Option<Bound<'py, PyAny>>> = vec![None; keys.len()];
    if let Ok(t) = arg.cast::<PyTuple>() {
        if t.len() > keys.len() {
            return Err(PyTypeError::new_err(format!(
                "{name}() takes at most {} arguments ({} given)",
                keys.len(),
                t.len()
            )));
        }
        for (i, v) in t.iter().enumerate() {
            out[i] = Some(v);
        }
    } else if let Ok(d) = arg.cast::<PyDict>() {
        for (k, v) in d.iter() {
            let key: String = k
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err("keywords must be strings"))?
                .to_string();
            let Some(i) = keys.iter().position(|x| *x == key) else {
                return Err(PyTypeError::new_err(format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                )));
            };
            out[i] = Some(v);
        }
    } else {
        return Err(PyTypeError::new_err("Must be tuple or dict"));
    }
    if out[0].as_ref().is_some_and(|v| !v.is_none()) {
        return Err(PyValueError::new_err(
            "InputPersistedFiles not yet implemented for input",
        ));
    }
    Ok(out)
}

/// Format `i` with a default of 0 (bool accepted).
fn flag(v: &Option<Bound<'_, PyAny>>) -> PyResult<bool> {
    Ok(v.as_ref().map_or(Ok(0), c_int)? != 0)
}

/// The input of validation type `ty` (1 authentication, 2 change; pywin32 knows no other).
pub fn input(ty: i32, arg: &Bound<'_, PyAny>) -> PyResult<NetValidateInput> {
    match ty {
        1 => {
            let v = parse(AUTH, arg)?;
            Ok(NetValidateInput::Authentication(
                NetValidateAuthenticationInputArg {
                    password_matched: flag(&v[1])?,
                    ..Default::default()
                },
            ))
        }
        2 => {
            let v = parse(CHANGE, arg)?;
            // Format `z#`: None, str (its UTF-8) or a bytes-like object.
            let hashed = match &v[3] {
                None => None,
                Some(h) if h.is_none() => None,
                Some(h) => Some(match h.cast::<PyString>() {
                    Ok(s) => s.to_string().into_bytes(),
                    Err(_) => h.extract::<Vec<u8>>().map_err(|_| {
                        PyTypeError::new_err(format!(
                            "{}() argument 4 must be str, bytes-like or None",
                            CHANGE.0
                        ))
                    })?,
                }),
            };
            Ok(NetValidateInput::PasswordChange(
                NetValidatePasswordChangeInputArg {
                    clear_password: wstr(v[1].as_ref(), true)?.map(Into::into),
                    user_account_name: wstr(v[2].as_ref(), true)?,
                    hashed_password: hashed,
                    password_match: flag(&v[4])?,
                    ..Default::default()
                },
            ))
        }
        other => Err(PyValueError::new_err(format!(
            "Unknown validation type ({other})"
        ))),
    }
}

/// A `FILETIME` as a UTC `datetime` (pywin32's is a `datetime` subclass with tz UTC).
fn time<'py>(py: Python<'py>, filetime: i64) -> PyResult<Bound<'py, PyAny>> {
    let datetime = py.import("datetime")?;
    let utc = datetime.getattr("timezone")?.getattr("utc")?;
    let epoch = datetime
        .getattr("datetime")?
        .call1((1601, 1, 1, 0, 0, 0, 0, utc))?;
    let micros = filetime / 10;
    let delta = datetime.getattr("timedelta")?.call1((0, 0, micros))?;
    epoch.call_method1("__add__", (delta,))
}

/// `(persisted_fields_dict, validation_status)`.
pub fn output<'py>(py: Python<'py>, out: &NetValidateOutputArg) -> PyResult<Bound<'py, PyTuple>> {
    let f = &out.changed_persisted_fields;
    let d = PyDict::new(py);
    let present = f.present_fields;
    if present & 0x1 != 0 {
        d.set_item("PasswordLastSet", time(py, f.password_last_set)?)?;
    }
    if present & 0x2 != 0 {
        d.set_item("BadPasswordTime", time(py, f.bad_password_time)?)?;
    }
    if present & 0x4 != 0 {
        d.set_item("LockoutTime", time(py, f.lockout_time)?)?;
    }
    if present & 0x8 != 0 {
        d.set_item("BadPasswordCount", f.bad_password_count)?;
    }
    if present & 0x10 != 0 {
        d.set_item("PasswordHistoryLength", f.password_history_length)?;
    }
    if present & 0x20 != 0 {
        match f.password_history.first() {
            Some(h) => d.set_item("PasswordHistory", PyBytes::new(py, h))?,
            None => d.set_item("PasswordHistory", py.None())?,
        }
    }
    (d, out.validation_status as i32).into_pyobject(py)
}
