//! Every public info-level struct against pywin32's layout (`spec/pywin32/info-levels.json`): the
//! same keys, in the same order, with values of the same kind (string-or-None vs int vs bool).

use netapi::info::*;
use serde_json::Value;

fn spec() -> serde_json::Map<String, Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/pywin32/info-levels.json"
    );
    let text = std::fs::read_to_string(path).expect("spec/pywin32/info-levels.json");
    serde_json::from_str(&text).expect("valid JSON")
}

/// Keys and kinds of a default-valued instance: strings are None → null, DWORDs 0, BOOLs false.
fn layout<T: Default + serde::Serialize>() -> Vec<(String, &'static str)> {
    let Value::Object(map) = serde_json::to_value(T::default()).unwrap() else {
        panic!("not an object")
    };
    map.into_iter()
        .map(|(k, v)| {
            let kind = match v {
                Value::Null => "nullable",
                Value::Number(_) => "int",
                Value::Bool(_) => "bool",
                _ => "other",
            };
            (k, kind)
        })
        .collect()
}

fn expected(spec: &serde_json::Map<String, Value>, name: &str) -> Vec<(String, &'static str)> {
    spec[name]
        .as_array()
        .unwrap_or_else(|| panic!("{name} missing from the spec"))
        .iter()
        .map(|e| {
            let key = e["key"].as_str().unwrap().to_string();
            let ty = e["type"].as_str().unwrap();
            let kind = match ty {
                "int" => "int",
                "bool" => "bool",
                _ if e["nullable"].as_bool().unwrap_or(true) => "nullable",
                other => panic!("{name}.{key}: unexpected type {other}"),
            };
            (key, kind)
        })
        .collect()
}

macro_rules! check {
    ($spec:expr, $($name:literal => $ty:ty),+ $(,)?) => {{
        let mut checked = 0;
        $(
            assert_eq!(layout::<$ty>(), expected(&$spec, $name), "{} differs from pywin32", $name);
            checked += 1;
        )+
        checked
    }};
}

#[test]
fn srvsvc_family_matches_pywin32_key_tables() {
    let spec = spec();
    let n = check!(spec,
        "SHARE_INFO_0" => ShareInfo0, "SHARE_INFO_1" => ShareInfo1, "SHARE_INFO_2" => ShareInfo2,
        "SHARE_INFO_501" => ShareInfo501, "SHARE_INFO_502" => ShareInfo502,
        "SERVER_INFO_100" => ServerInfo100, "SERVER_INFO_101" => ServerInfo101,
        "SERVER_INFO_102" => ServerInfo102, "SERVER_INFO_402" => ServerInfo402,
        "SERVER_INFO_403" => ServerInfo403, "SERVER_INFO_502" => ServerInfo502,
        "SERVER_INFO_503" => ServerInfo503,
        "SESSION_INFO_0" => SessionInfo0, "SESSION_INFO_1" => SessionInfo1,
        "SESSION_INFO_2" => SessionInfo2, "SESSION_INFO_10" => SessionInfo10,
        "SESSION_INFO_502" => SessionInfo502,
        "FILE_INFO_2" => FileInfo2, "FILE_INFO_3" => FileInfo3,
        "STAT_SERVER_0" => StatServer0,
    );
    assert_eq!(n, 20);
}

#[test]
fn levels_not_in_pywin32_follow_the_same_naming_rule() {
    // SHARE_INFO_503 = SHARE_INFO_502 with `servername` before `reserved` ([MS-SRVS] 2.2.4.27).
    let mut l503: Vec<String> = layout::<ShareInfo503>()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let l502: Vec<String> = layout::<ShareInfo502>()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(l503.remove(8), "servername");
    assert_eq!(l503, l502);
    assert_eq!(
        layout::<ShareInfo1004>(),
        vec![("remark".to_string(), "nullable")]
    );
    assert_eq!(
        layout::<ShareInfo1005>(),
        vec![("flags".to_string(), "int")]
    );
    assert_eq!(
        layout::<ShareInfo1006>(),
        vec![("max_uses".to_string(), "int")]
    );
}

#[test]
fn family_enums_know_their_levels_and_read_pywin32_style_dicts() {
    let v = ShareInfo::from_json(
        502,
        serde_json::json!({"netname": "x", "max_uses": 4294967295u32, "bogus": 1}),
    )
    .unwrap();
    assert_eq!(v.level(), 502);
    let ShareInfo::L502(s) = &v else { panic!() };
    // Missing keys are zero/None, unknown keys ignored (pywin32 write rules).
    assert_eq!(s.netname.as_deref(), Some("x"));
    assert_eq!(s.max_uses, u32::MAX);
    assert_eq!(s.path, None);
    assert_eq!(v.to_json()["netname"], "x");
    assert!(ShareInfo::from_json(7, serde_json::json!({})).is_err());
    assert_eq!(<ShareInfo502 as Level>::LEVEL, 502);
    assert_eq!(
        ShareInfo502::from_family(v.clone()).map(|s| s.netname),
        Some(Some("x".into()))
    );
    assert!(ShareInfo1::from_family(v).is_none());
}

#[test]
fn security_descriptors_serialize_as_hex() {
    let s = ShareInfo1501 {
        reserved: 3,
        security_descriptor: Some(vec![1, 0xab, 0]),
    };
    let j = serde_json::to_value(&s).unwrap();
    assert_eq!(j["security_descriptor"], "01ab00");
    let back: ShareInfo1501 = serde_json::from_value(j).unwrap();
    assert_eq!(back, s);
}

#[test]
fn workstation_and_use_families_match_pywin32_key_tables() {
    let spec = spec();
    let n = check!(spec,
        "WKSTA_INFO_100" => WkstaInfo100, "WKSTA_INFO_101" => WkstaInfo101,
        "WKSTA_INFO_102" => WkstaInfo102, "WKSTA_INFO_502" => WkstaInfo502,
        "WKSTA_USER_INFO_0" => WkstaUserInfo0, "WKSTA_USER_INFO_1" => WkstaUserInfo1,
        "WKSTA_TRANSPORT_INFO_0" => WkstaTransportInfo0,
        "USE_INFO_0" => UseInfo0, "USE_INFO_1" => UseInfo1, "USE_INFO_2" => UseInfo2,
        "USE_INFO_3" => UseInfo3,
        "STAT_WORKSTATION_0" => StatWorkstation0,
    );
    assert_eq!(n, 12);
    // The single-field levels of NetWkstaSetInfo follow the same naming rule.
    assert_eq!(
        layout::<WkstaInfo1013>(),
        vec![("keep_conn".to_string(), "int")]
    );
    assert_eq!(
        layout::<WkstaInfo1018>(),
        vec![("sess_timeout".to_string(), "int")]
    );
    assert_eq!(
        layout::<WkstaInfo1046>(),
        vec![("dormant_file_limit".to_string(), "int")]
    );
}
