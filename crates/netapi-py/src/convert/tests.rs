//! The generated tables against the core's level types and the spec file.

use netapi::info::{FileInfo, ServerInfo, SessionInfo, ShareInfo, StatServer0};
use serde_json::Value;

use super::{Family, Table, tables};

/// The keys of a default value of `level`, in the order the core serializes them.
fn core_keys<F: Family>(level: u32) -> Vec<String> {
    let v = F::from_json(level, Value::Object(Default::default())).expect("a level of the family");
    v.to_json()
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

fn table_keys(t: &Table) -> Vec<String> {
    t.keys.iter().map(|k| k.name.to_string()).collect()
}

/// A function's levels and the keys the core gives a level of its family.
type Checked = (super::Levels, fn(u32) -> Vec<String>);

#[test]
fn every_level_a_function_accepts_has_the_core_keys_in_table_order() {
    let families: &[Checked] = &[
        (tables::NET_SHARE_ENUM, core_keys::<ShareInfo>),
        (tables::NET_SHARE_GET_INFO, core_keys::<ShareInfo>),
        (tables::NET_SHARE_SET_INFO, core_keys::<ShareInfo>),
        (tables::NET_SHARE_ADD, core_keys::<ShareInfo>),
        (tables::NET_SERVER_GET_INFO, core_keys::<ServerInfo>),
        (tables::NET_SERVER_SET_INFO, core_keys::<ServerInfo>),
        (tables::NET_SERVER_ENUM, core_keys::<ServerInfo>),
        (tables::NET_SESSION_ENUM, core_keys::<SessionInfo>),
        (tables::NET_SESSION_GET_INFO, core_keys::<SessionInfo>),
        (tables::NET_FILE_ENUM, core_keys::<FileInfo>),
        (tables::NET_FILE_GET_INFO, core_keys::<FileInfo>),
    ];
    for (levels, keys) in families {
        for (level, table) in levels.iter() {
            assert_eq!(keys(*level as u32), table_keys(table), "{}", table.name);
        }
    }
    let stats = serde_json::to_value(StatServer0::default()).unwrap();
    let keys: Vec<String> = stats.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, table_keys(&tables::STAT_SERVER_0));
}

#[test]
fn tables_match_the_spec_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/pywin32/info-levels.json"
    );
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut seen = 0;
    for table in tables::ALL {
        let Some(entries) = spec.get(table.name).and_then(Value::as_array) else {
            continue; // from levels-extra.json
        };
        let keys: Vec<&str> = entries.iter().map(|e| e["key"].as_str().unwrap()).collect();
        assert_eq!(keys, table_keys(table), "{}", table.name);
        seen += 1;
    }
    assert!(seen > 60, "only {seen} tables compared");
}

#[test]
fn level_lookup_refuses_what_is_not_in_the_table() {
    pyo3::Python::initialize();
    assert!(super::lookup(tables::NET_SHARE_ENUM, 2).is_ok());
    assert!(super::lookup(tables::NET_SHARE_ENUM, 503).is_ok());
    for bad in [3, -1, 1004, 10_000] {
        assert!(super::lookup(tables::NET_SHARE_ENUM, bad).is_err(), "{bad}");
    }
}
