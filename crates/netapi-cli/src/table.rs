//! Text layout for people: aligned tables for list verbs and `key: value` blocks for get verbs.
//!
//! Both work on the JSON dicts `--json` prints (pywin32's keys), so the two outputs cannot drift
//! apart: a column is a header plus a function from the dict to the cell text. Which columns a
//! family shows at which level is decided in `commands/<family>.rs`.

use serde_json::{Map, Value};

/// One info-level dict, as `ShareInfo::to_json` and friends produce it.
pub type Dict = Map<String, Value>;

/// One table column: a header and how to turn a row's dict into the cell text.
#[derive(Clone, Copy)]
pub struct Column {
    /// Upper-case header.
    pub header: &'static str,
    /// The cell text for one row.
    pub cell: fn(&Dict) -> String,
}

impl Column {
    /// A column named `header` computed by `cell`.
    pub const fn new(header: &'static str, cell: fn(&Dict) -> String) -> Self {
        Column { header, cell }
    }
}

impl std::fmt::Debug for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.header)
    }
}

/// Columns separated by two spaces, each as wide as its widest cell; the last column is not
/// padded (no trailing blanks). No rows gives `No entries.` so an empty list is not mistaken for
/// a failure.
pub fn render_table(columns: &[Column], rows: &[Dict]) -> String {
    if rows.is_empty() {
        return "No entries.\n".to_string();
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| columns.iter().map(|c| one_line((c.cell)(row))).collect())
        .collect();
    let mut widths: Vec<usize> = columns.iter().map(|c| c.header.chars().count()).collect();
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
    for line in std::iter::once(&header).chain(&cells) {
        let mut text = String::new();
        for (i, (cell, w)) in line.iter().zip(&widths).enumerate() {
            if i + 1 == line.len() {
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.extend(std::iter::repeat_n(' ', w - cell.chars().count() + 2));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// `key: value` lines for one dict, values aligned; `field` formats each value (it may decode
/// well-known keys and fall back to [`plain`]).
pub fn render_record(dict: &Dict, field: fn(&str, &Dict) -> String) -> String {
    let width = dict.keys().map(|k| k.chars().count()).max().unwrap_or(0) + 1;
    let mut out = String::new();
    for key in dict.keys() {
        let label = format!("{key}:");
        let value = one_line(field(key, dict));
        out.push_str(format!("{label:<width$} {value}").trim_end());
        out.push('\n');
    }
    out
}

/// A JSON value as plain text: strings as they are, `null` as `-`, booleans as `yes`/`no`.
pub fn plain(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "-".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
        Some(other) => other.to_string(),
    }
}

/// The text of `key` (`-` when absent or null).
pub fn text(dict: &Dict, key: &str) -> String {
    plain(dict.get(key))
}

/// The number in `key` as u64 (0 when absent); DWORDs and signed fields both fit.
pub fn num(dict: &Dict, key: &str) -> u64 {
    dict.get(key).and_then(Value::as_u64).unwrap_or(0)
}

/// The DWORD in `key` (0 when absent).
pub fn dword(dict: &Dict, key: &str) -> u32 {
    u32::try_from(num(dict, key)).unwrap_or(u32::MAX)
}

/// A hex blob (security descriptor) by its size: `20 bytes`, or `-` when absent.
pub fn blob_size(dict: &Dict, key: &str) -> String {
    match dict.get(key).and_then(Value::as_str) {
        Some(hex) => format!("{} bytes", hex.len() / 2),
        None => "-".to_string(),
    }
}

/// Control characters in server-supplied text would break the layout (or the terminal).
fn one_line(s: String) -> String {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dict(v: Value) -> Dict {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn columns_align_and_the_last_one_is_not_padded() {
        let cols = [
            Column::new("NAME", |d| text(d, "n")),
            Column::new("REMARK", |d| text(d, "r")),
        ];
        let rows = [
            dict(json!({"n": "public", "r": "x"})),
            dict(json!({"n": "a", "r": null})),
        ];
        assert_eq!(
            render_table(&cols, &rows),
            "NAME    REMARK\npublic  x\na       -\n"
        );
        assert_eq!(render_table(&cols, &[]), "No entries.\n");
    }

    #[test]
    fn records_align_values_and_strip_control_characters() {
        let d = dict(json!({"name": "FILESRV", "comment": "a\nb", "hidden": false}));
        assert_eq!(
            render_record(&d, |k, d| text(d, k)),
            "name:    FILESRV\ncomment: a b\nhidden:  no\n"
        );
    }
}
