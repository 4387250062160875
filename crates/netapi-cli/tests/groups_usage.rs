//! The `group` and `localgroup` verbs' usage errors, without a network: each case is refused
//! before anything is sent (the server, 192.0.2.1 of TEST-NET-1, answers nothing, so a case
//! that did connect would show as a timeout or error 53).

mod common;

use common::netapi;

const NOBODY: &str = "192.0.2.1";

fn run(args: &[&str]) -> common::Run {
    let mut all = vec!["-s", NOBODY, "-u", "x", "-p", "y", "--json"];
    all.extend_from_slice(args);
    netapi(&all)
}

#[test]
fn levels_come_from_the_library() {
    for (args, listed) in [
        (&["group", "list", "--level", "4"][..], "0, 1, 2, 3"),
        (&["group", "members", "g", "--level", "2"][..], "0, 1"),
        (
            &["localgroup", "members", "g", "--level", "4"][..],
            "0, 1, 2, 3",
        ),
        (&["localgroup", "list", "--level", "2"][..], "0, 1"),
        (
            &["group", "set", "g", "--level", "4", "--comment", "c"][..],
            "1002, 1005",
        ),
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{r:#?}");
        assert!(r.stderr.contains(listed), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn bad_fields_and_members_are_refused_before_sending() {
    // A rename goes alone; an unknown key or a non-number is refused with the level's keys.
    for args in [
        &["group", "set", "g", "--field", "name=n", "--comment", "c"][..],
        &["group", "set", "g", "--field", "nosuch=1"][..],
        &["group", "add", "g", "--field", "attributes=many"][..],
        &["group", "set", "g"][..],
        &[
            "localgroup",
            "set",
            "g",
            "--field",
            "name=n",
            "--comment",
            "c",
        ][..],
        &["localgroup", "add-member", "g", "S-1-5-32-544", "bob"][..],
        &["localgroup", "del-member", "g", "S-1-5-x"][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {r:#?}");
        assert_eq!(r.json()["winerror"], 87, "{args:?}");
    }
    // At least one member to add or remove.
    let r = run(&["localgroup", "add-member", "g"]);
    assert_eq!(r.code, 2, "{r:#?}");
}

#[test]
fn the_library_refuses_empty_names_before_sending() {
    for args in [
        &["group", "get", ""][..],
        &["group", "add-member", "g", ""][..],
        &["localgroup", "members", ""][..],
        &["group", "set-members", "g", ""][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {r:#?}");
        let v = r.json();
        assert_eq!(v["winerror"], 87, "{args:?}: {v}");
        assert!(v["funcname"].as_str().unwrap().starts_with("Net"), "{v}");
    }
}
