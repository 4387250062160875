//! What a command produced, and how it is printed: a table or JSON array for list verbs, `key:
//! value` lines or one JSON dict for get verbs, nothing for actions (with `--json`, a status
//! object). Errors go to stderr as `<Function>: error <code>: <message>`; with `--json` stdout
//! gets the pywin32-style error object too, so a script can always parse stdout.

use serde_json::{Value, json};

use crate::table::{self, Column, Dict};

/// The result of one command, before it is rendered.
#[derive(Debug)]
pub enum Output {
    /// A successful action of this NetApi function: nothing is printed for people, a status
    /// object with `--json`.
    Done(&'static str),
    /// A list verb: the info-level dicts and the columns people see.
    List {
        /// The dicts, as `to_json` made them.
        rows: Vec<Value>,
        /// Columns for the table.
        columns: Vec<Column>,
    },
    /// A get verb: one dict, shown as `key: value` lines formatted by `field`.
    Record {
        /// The dict.
        value: Value,
        /// How one key's value reads for people.
        field: fn(&str, &Dict) -> String,
    },
    /// Plain strings (disk names), one per line; a JSON array of strings.
    Strings(Vec<String>),
    /// An answer that is not an info level (NetShareCheck): JSON object and a sentence.
    Message {
        /// The object `--json` prints.
        json: Value,
        /// The line people see.
        text: String,
    },
}

impl Output {
    /// The text for stdout (empty for [`Output::Nothing`]).
    pub fn render(&self, json: bool) -> String {
        match (self, json) {
            (Output::Done(_), false) => String::new(),
            (Output::Done(op), true) => pretty(&status_json(op)),
            (Output::List { rows, .. }, true) => pretty(&Value::Array(rows.clone())),
            (Output::List { rows, columns }, false) => {
                let dicts: Vec<Dict> = rows.iter().map(as_dict).collect();
                table::render_table(columns, &dicts)
            }
            (Output::Record { value, .. }, true) => pretty(value),
            (Output::Record { value, field }, false) => {
                table::render_record(&as_dict(value), *field)
            }
            (Output::Strings(items), true) => pretty(&json!(items)),
            (Output::Strings(items), false) if items.is_empty() => "No entries.\n".to_string(),
            (Output::Strings(items), false) => items.iter().map(|s| format!("{s}\n")).collect(),
            (Output::Message { json, .. }, true) => pretty(json),
            (Output::Message { text, .. }, false) => format!("{text}\n"),
        }
    }
}

fn as_dict(v: &Value) -> Dict {
    v.as_object().cloned().unwrap_or_default()
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The error line: `NetShareGetInfo: error 2310: This shared resource does not exist.`, then
/// what the server sent when it differs (NTSTATUS, RPC fault) and the library's detail.
pub fn error_line(e: &netapi::Error) -> String {
    e.to_string()
}

/// A successful action as a status object of the same shape as [`error_json`] (`winerror` 0).
pub fn status_json(op: &str) -> Value {
    json!({ "winerror": 0, "funcname": op, "strerror": netapi::WinError(0).pywin32_strerror() })
}

/// A usage error (nothing was sent) as a JSON object: `ERROR_INVALID_PARAMETER` and the reason.
pub fn usage_json(message: &str) -> Value {
    json!({
        "winerror": netapi::WinError::ERROR_INVALID_PARAMETER.0,
        "funcname": Value::Null,
        "strerror": netapi::WinError::ERROR_INVALID_PARAMETER.pywin32_strerror(),
        "usage": message,
    })
}

/// The error as pywin32's `pywintypes.error` carries it (`winerror`, `funcname`, `strerror`),
/// plus `detail` when the library has one.
pub fn error_json(e: &netapi::Error) -> Value {
    // pywin32 builds `winerror` with "i": HRESULT-style codes (SEC_E_*) come out negative.
    let mut v =
        json!({ "winerror": e.win32() as i32, "funcname": e.op(), "strerror": e.message() });
    if let (Some(detail), Some(obj)) = (e.detail(), v.as_object_mut()) {
        obj.insert("detail".into(), Value::String(detail.to_string()));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_windows_prints_them() {
        let e = netapi::Error::win32_status("NetShareGetInfo", 2310);
        assert_eq!(
            error_line(&e),
            "NetShareGetInfo: error 2310: This shared resource does not exist."
        );
        assert_eq!(
            error_json(&e),
            json!({"winerror": 2310, "funcname": "NetShareGetInfo", "strerror": "This shared resource does not exist."})
        );
        let e = netapi::Error::usage(
            "NetShareEnum",
            netapi::WinError::ERROR_INVALID_LEVEL,
            "level 7",
        );
        assert_eq!(error_json(&e)["detail"], "level 7");
    }

    #[test]
    fn actions_print_nothing_and_strings_one_per_line() {
        assert_eq!(Output::Done("NetShareDel").render(false), "");
        let done: Value = serde_json::from_str(&Output::Done("NetShareDel").render(true)).unwrap();
        assert_eq!(
            done,
            json!({"winerror": 0, "funcname": "NetShareDel", "strerror": "The operation completed successfully."})
        );
        assert_eq!(
            Output::Strings(vec!["C:".into(), "D:".into()]).render(false),
            "C:\nD:\n"
        );
        assert_eq!(
            Output::Strings(vec!["C:".into()]).render(true),
            "[\n  \"C:\"\n]\n"
        );
    }
}
