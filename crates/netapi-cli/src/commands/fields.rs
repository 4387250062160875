//! `set NAME --field KEY=VALUE …`, the same for every family: fields are named by pywin32's keys,
//! each text is read as the type the key has at the level (number, boolean or string), and the
//! level sent is the narrowest that carries every field given, as `net share` / `net user` do.
//!
//! A level whose keys are all given is written as is (`SHARE_INFO_1004` for a remark alone);
//! otherwise the current value is read at that level, the fields are changed and the level is
//! written back, so fields not mentioned keep their values. Keys and values are checked against
//! the level before anything is sent: a misspelt key costs no round trip.

use netapi::info::Family;
use serde_json::{Map, Value};

use crate::CliError;

/// One `--field KEY=VALUE`.
pub type Change = (String, String);

/// How a `set` reaches its level.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan<F> {
    /// Every key of the level is given: send it without reading.
    Write(F),
    /// Read the level, apply the changes, write it back.
    ReadModifyWrite(u32),
}

/// The plan for `changes`: the first of `candidates` (narrowest first) whose keys include every
/// changed key, or `forced` when the user chose the level.
pub fn plan<F: Family>(
    what: &str,
    candidates: &[u32],
    forced: Option<u32>,
    changes: &[Change],
) -> Result<Plan<F>, CliError> {
    if changes.is_empty() {
        return Err(CliError::usage(format!(
            "{what} set: nothing to change (give --field KEY=VALUE)"
        )));
    }
    let levels: Vec<u32> = match forced {
        Some(l) => vec![l],
        None => candidates.to_vec(),
    };
    for &level in &levels {
        let empty = empty::<F>(what, level)?;
        let Some(keys) = empty.as_object() else {
            continue;
        };
        if !changes.iter().all(|(k, _)| keys.contains_key(k)) {
            continue;
        }
        // Check every value now, against this level's key types.
        let written = apply(
            what,
            F::from_json(level, empty.clone())
                .map_err(|e| CliError::usage(format!("{what} level {level}: {e}")))?,
            changes,
        )?;
        return Ok(if keys.len() == changes.len() {
            Plan::Write(written)
        } else {
            Plan::ReadModifyWrite(level)
        });
    }
    let first_key = &changes[0].0;
    let shown = forced.map_or_else(|| format!("levels {levels:?}"), |l| format!("level {l}"));
    let keys = empty::<F>(what, levels[levels.len() - 1])?
        .as_object()
        .map(|o| o.keys().cloned().collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    Err(CliError::usage(format!(
        "{what} set: no {shown} carries every field given (`{first_key}`…); the widest has: {keys}"
    )))
}

/// The value a `set` sends for `changes`: [`plan`]'s level, written as is or read first with
/// `read(level)` and changed.
pub fn planned<F: Family>(
    what: &str,
    candidates: &[u32],
    forced: Option<u32>,
    changes: &[Change],
    read: impl FnOnce(u32) -> Result<F, CliError>,
) -> Result<F, CliError> {
    match plan::<F>(what, candidates, forced, changes)? {
        Plan::Write(info) => Ok(info),
        Plan::ReadModifyWrite(level) => apply(what, read(level)?, changes),
    }
}

/// An all-zero value of `level`, as JSON.
fn empty<F: Family>(what: &str, level: u32) -> Result<Value, CliError> {
    F::from_json(level, Value::Object(Map::new()))
        .map(|v| v.to_json())
        .map_err(|e| CliError::usage(format!("{what}: {e}")))
}

/// `current` with `changes` applied; each text is read as the type the key has at that level.
pub fn apply<F: Family>(what: &str, current: F, changes: &[Change]) -> Result<F, CliError> {
    let level = current.level();
    let mut value = current.to_json();
    let Some(obj) = value.as_object_mut() else {
        return Err(CliError::usage(format!(
            "{what} level {level} has no fields"
        )));
    };
    for (key, text) in changes {
        let Some(old) = obj.get(key) else {
            let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
            return Err(CliError::usage(format!(
                "{what} level {level} has no `{key}` (its keys: {})",
                keys.join(", ")
            )));
        };
        let new = typed(old, text).ok_or_else(|| {
            CliError::usage(format!("`{key}`: {text:?} is not a valid {}", kind(old)))
        })?;
        obj.insert(key.clone(), new);
    }
    F::from_json(level, value).map_err(|e| CliError::usage(format!("{what} level {level}: {e}")))
}

/// `text` as a JSON value of the same kind as `old`.
fn typed(old: &Value, text: &str) -> Option<Value> {
    match old {
        Value::Bool(_) => match text.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(Value::Bool(true)),
            "false" | "no" | "0" => Some(Value::Bool(false)),
            _ => None,
        },
        Value::Number(_) => {
            let n: i64 = match text.strip_prefix("0x") {
                Some(hex) => i64::from_str_radix(hex, 16).ok()?,
                None => text.parse().ok()?,
            };
            // DWORD fields take 0..=u32::MAX; the signed ones (`disc`) take -1 as well.
            (-(1i64 << 31)..=i64::from(u32::MAX))
                .contains(&n)
                .then(|| Value::from(n))
        }
        _ => Some(Value::String(text.to_string())),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "boolean (true/false)",
        Value::Number(_) => "number",
        _ => "string",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netapi::info::{ServerInfo, ServerInfo101, ServerInfo102, ShareInfo, ShareInfo1004};

    fn ch(k: &str, v: &str) -> Change {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn fields_are_typed_by_the_level() {
        let cur: ServerInfo = ServerInfo102 {
            name: Some("S".into()),
            users: 5,
            ..Default::default()
        }
        .into();
        let changes = [
            ch("comment", "hi"),
            ch("hidden", "yes"),
            ch("disc", "-1"),
            ch("users", "0x10"),
        ];
        let ServerInfo::L102(s) = apply("server", cur.clone(), &changes).unwrap() else {
            panic!("level changed")
        };
        assert_eq!(
            (s.comment.as_deref(), s.hidden, s.disc, s.users),
            (Some("hi"), true, -1, 16)
        );
        assert_eq!(s.name.as_deref(), Some("S"));
        assert!(
            matches!(apply("server", cur.clone(), &[ch("nosuch", "1")]), Err(CliError::Usage(m)) if m.contains("userpath"))
        );
        assert!(apply("server", cur.clone(), &[ch("users", "many")]).is_err());
        assert!(apply("server", cur, &[ch("hidden", "maybe")]).is_err());
        let l101: ServerInfo = ServerInfo101::default().into();
        assert!(apply("server", l101, &[ch("users", "1")]).is_err());
    }

    #[test]
    fn the_narrowest_level_carrying_the_fields_is_chosen() {
        let share_levels = [1004, 1005, 1006, 1501, 502, 503];
        let p = plan::<ShareInfo>("share", &share_levels, None, &[ch("remark", "r")]).unwrap();
        assert_eq!(
            p,
            Plan::Write(
                ShareInfo1004 {
                    remark: Some("r".into())
                }
                .into()
            )
        );
        let p = plan::<ShareInfo>(
            "share",
            &share_levels,
            None,
            &[ch("remark", "r"), ch("path", "C:\\x")],
        )
        .unwrap();
        assert_eq!(p, Plan::ReadModifyWrite(502));
        let p = plan::<ShareInfo>("share", &share_levels, None, &[ch("servername", "*")]).unwrap();
        assert_eq!(p, Plan::ReadModifyWrite(503));
        let e = plan::<ShareInfo>("share", &share_levels, None, &[ch("nosuch", "1")]).unwrap_err();
        assert!(matches!(e, CliError::Usage(m) if m.contains("security_descriptor")));
        // A forced level must carry the fields; a bad value is refused before anything is sent.
        assert!(plan::<ShareInfo>("share", &share_levels, Some(1004), &[ch("path", "x")]).is_err());
        assert!(
            plan::<ShareInfo>("share", &share_levels, None, &[ch("max_uses", "lots")]).is_err()
        );
        assert!(plan::<ShareInfo>("share", &share_levels, None, &[]).is_err());
    }
}
