//! The workstation, domain and messaging verbs of the CLI against the Samba lab (`tools/lab`),
//! cross-checked with `rpcclient` where Samba serves the call; skipped with a reason when
//! `NETAPI_LAB_*` is unset, unless `CI=true`.

mod common;

use common::{Run, netapi};
use netapi_testkit::lab::{Lab, Server};

fn admin(server: &Server, args: &[&str]) -> Run {
    let who = format!("{}\\{}", server.domain, server.admin_user);
    let mut all = vec![
        "-s",
        server.ip.as_str(),
        "-u",
        who.as_str(),
        "-p",
        server.password.as_str(),
        "--json",
    ];
    all.extend_from_slice(args);
    netapi(&all)
}

#[test]
fn dc_name_matches_rpcclient() {
    let Some(lab) = Lab::get() else { return };
    let (ok, theirs) = lab.samba_tool(
        "rpcclient",
        &lab.dc,
        &lab.dc.admin_user,
        &["-c", &format!("getdcname {}", lab.dc.domain)],
    );
    assert!(ok, "{theirs}");
    let run = admin(&lab.dc, &["dc", "name", "--domain-name", &lab.dc.domain]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json()["dc"], theirs.trim());
    // The file server has no Netlogon service: exit 1 and the pywin32-style error object.
    let run = admin(&lab.fs, &["dc", "name"]);
    assert_eq!(run.code, 1);
    let e = run.error_json();
    assert_eq!(
        (e["winerror"].as_u64(), e["funcname"].as_str()),
        (Some(2184), Some("NetGetDCName"))
    );
}

#[test]
fn wksta_get_and_users_on_the_file_server() {
    let Some(lab) = Lab::get() else { return };
    let run = admin(&lab.fs, &["wksta", "get", "--level", "100"]);
    assert_eq!(run.code, 0, "{run:#?}");
    let v = run.json();
    assert_eq!(v["computername"], lab.fs.name.as_str());
    assert_eq!(v["platform_id"], 500);
    let run = admin(&lab.fs, &["wksta", "users", "--level", "0"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(run.json().is_array());
    // People get `key: value` lines.
    let who = format!("{}\\{}", lab.fs.domain, lab.fs.admin_user);
    let run = netapi(&[
        "-s",
        &lab.fs.ip,
        "-u",
        &who,
        "-p",
        &lab.fs.password,
        "wksta",
        "get",
    ]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(run.stdout.contains("computername"), "{}", run.stdout);
}

#[test]
fn what_samba_does_not_serve_exits_1_with_its_code() {
    let Some(lab) = Lab::get() else { return };
    for (args, code, func) in [
        (&["msg", "names"][..], 2184, "NetMessageNameEnum"),
        (&["stats", "workstation"][..], 1745, "NetStatisticsGet"),
        (&["join", "info"][..], 1745, "NetGetJoinInformation"),
        (
            &["join", "validate-name", "NLPNAME", "--type", "machine"][..],
            1745,
            "NetValidateName",
        ),
        (
            &["wksta", "set", "--field", "keep_conn=600"][..],
            1745,
            "NetWkstaSetInfo",
        ),
        (
            &["msg", "send", "NLPNAME", "hello"][..],
            50,
            "NetMessageBufferSend",
        ),
    ] {
        let run = admin(&lab.fs, args);
        assert_eq!(run.code, 1, "{args:?}: {run:#?}");
        let e = run.error_json();
        assert_eq!(
            (e["winerror"].as_u64(), e["funcname"].as_str()),
            (Some(code), Some(func)),
            "{args:?}"
        );
    }
    // A misspelt field is a usage error before anything is sent.
    let run = admin(&lab.fs, &["wksta", "set", "--field", "keep_con=600"]);
    assert_eq!(run.code, 2, "{run:#?}");
}

#[test]
fn use_add_connects_and_shows_the_use_then_ends_with_the_process() {
    let Some(lab) = Lab::get() else { return };
    let remote = format!("\\\\{}\\{}", lab.fs.ip, lab.fs.share);
    let run = admin(&lab.fs, &["use", "add", &remote]);
    assert_eq!(run.code, 0, "{run:#?}");
    let v = run.json();
    assert_eq!(v["remote"], remote.as_str());
    assert_eq!(
        (v["asg_type"].as_u64(), v["status"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(v["usecount"], 1);
    assert_eq!(v["password"], serde_json::Value::Null);
    // A new process starts with an empty table.
    let run = admin(&lab.fs, &["use", "list"]);
    assert_eq!((run.code, run.json()), (0, serde_json::json!([])));
    let run = admin(&lab.fs, &["use", "get", &remote]);
    assert_eq!(run.error_json()["winerror"], 2250);
    // A drive letter: no redirector here.
    let run = admin(&lab.fs, &["use", "add", &remote, "--local", "Z:"]);
    assert_eq!(run.error_json()["winerror"], 50);
    // A wrong password fails at the use, with the logon failure.
    let who = format!("{}\\{}", lab.fs.domain, lab.fs.user);
    let run = netapi(&[
        "-s", &lab.fs.ip, "-u", &who, "-p", "wrong", "--json", "use", "add", &remote,
    ]);
    assert_eq!(
        (run.code, run.error_json()["winerror"].as_u64()),
        (1, Some(1326))
    );
}
