//! The CLI against the Samba lab's file server (`tools/lab`, see `tools/LAB.md`), cross-checked
//! with Samba's own `rpcclient` as an independent client.
//!
//! Skipped with a printed reason when `NETAPI_LAB_*` is unset, unless `CI=true` (then a missing
//! lab fails). Other test suites may create and delete `nlp_*` shares at the same time, so
//! comparisons of whole share lists are retried.

mod common;

use std::sync::Mutex;

use common::{Run, netapi};
use netapi_testkit::lab::{Lab, Server};

/// Tests in this binary that change or list shares take this lock, so they do not race each
/// other (other suites may still add shares; see `share_list_matches_rpcclient`).
static SHARES: Mutex<()> = Mutex::new(());

fn lock() -> std::sync::MutexGuard<'static, ()> {
    SHARES.lock().unwrap_or_else(|e| e.into_inner())
}

/// `netapi -s <ip> -u DOMAIN\user -p <pw> args...`.
fn as_user(server: &Server, user: &str, args: &[&str]) -> Run {
    let who = format!("{}\\{}", server.domain, user);
    let mut all = vec![
        "-s",
        server.ip.as_str(),
        "-u",
        who.as_str(),
        "-p",
        server.password.as_str(),
    ];
    all.extend_from_slice(args);
    netapi(&all)
}

fn admin(lab: &Lab, args: &[&str]) -> Run {
    as_user(&lab.fs, &lab.fs.admin_user, args)
}

fn ok(run: Run) -> Run {
    assert_eq!(run.code, 0, "netapi failed: {run:#?}");
    run
}

/// The share names `rpcclient -c netshareenumall` prints.
fn rpcclient_shares(lab: &Lab) -> Vec<String> {
    let (success, text) = lab.samba_tool(
        "rpcclient",
        &lab.fs,
        &lab.fs.admin_user,
        &["-c", "netshareenumall"],
    );
    assert!(success, "rpcclient netshareenumall failed: {text}");
    text.lines()
        .filter_map(|l| l.strip_prefix("netname: "))
        .map(str::to_string)
        .collect()
}

fn names(json: &serde_json::Value) -> Vec<String> {
    let list = json
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {json}"));
    list.iter()
        .map(|d| d["netname"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn share_list_matches_rpcclient() {
    let Some(lab) = Lab::get() else { return };
    let _g = lock();
    let mut last = None;
    for _ in 0..5 {
        let before = rpcclient_shares(&lab);
        let ours = names(&ok(admin(&lab, &["share", "list", "--json"])).json());
        let after = rpcclient_shares(&lab);
        if ours == before || ours == after {
            assert!(
                ours.iter().any(|n| n == &lab.fs.share) && ours.iter().any(|n| n == "IPC$"),
                "{ours:?}"
            );
            return;
        }
        last = Some((before, ours, after));
    }
    panic!("share lists differ (rpcclient before, netapi, rpcclient after): {last:?}");
}

#[test]
fn share_list_levels_and_tables() {
    let Some(lab) = Lab::get() else { return };
    let json = ok(admin(
        &lab,
        &[
            "share",
            "list",
            "--level",
            "2",
            "--json",
            "--page-size",
            "256",
        ],
    ))
    .json();
    let ipc = json
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["netname"] == "IPC$")
        .cloned()
        .unwrap();
    assert_eq!(ipc["type"], 0x8000_0003u32, "{ipc}");
    for key in [
        "remark",
        "permissions",
        "max_uses",
        "current_uses",
        "path",
        "passwd",
    ] {
        assert!(ipc.get(key).is_some(), "level 2 lacks {key}: {ipc}");
    }
    let table = ok(admin(&lab, &["share", "list"])).stdout;
    let header = table.lines().next().unwrap_or_default();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["NAME", "TYPE", "REMARK"],
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("IPC$") && l.contains("IPC (special)")),
        "{table}"
    );
}

#[test]
fn server_get_101_matches_rpcclient_srvinfo() {
    let Some(lab) = Lab::get() else { return };
    let info = ok(admin(&lab, &["server", "get", "--json", "--level", "101"])).json();
    let (success, text) =
        lab.samba_tool("rpcclient", &lab.fs, &lab.fs.admin_user, &["-c", "srvinfo"]);
    assert!(success, "rpcclient srvinfo failed: {text}");
    // "\tFILESRV        Wk Sv PrQ Unx NT SNT NetApi lab file server", then "key : value" lines.
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let name = info["name"].as_str().unwrap_or_default();
    let comment = info["comment"].as_str().unwrap_or_default();
    assert!(
        !name.is_empty() && first.starts_with(name),
        "name {name:?} vs srvinfo {first:?}"
    );
    assert!(
        first.ends_with(comment),
        "comment {comment:?} vs srvinfo {first:?}"
    );
    let value = |key: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(key))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(value("platform_id"), info["platform_id"].to_string());
    assert_eq!(
        value("os version"),
        format!("{}.{}", info["version_major"], info["version_minor"])
    );
    assert_eq!(
        value("server type"),
        format!("{:#x}", info["type"].as_u64().unwrap_or(0))
    );
    // The people's view decodes the same values.
    let text = ok(admin(&lab, &["server", "get"])).stdout;
    assert!(
        text.contains("platform_id:   500 (NT)")
            && text.contains(&format!("name:          {name}")),
        "{text}"
    );
}

#[test]
fn share_add_get_set_del() {
    let Some(lab) = Lab::get() else { return };
    let _g = lock();
    let name = format!("nlp_cli_{}", std::process::id());
    let dir = lab.fs.scratch_dir_win.as_str();
    // A leftover from an interrupted run would make the add fail; it is ours to remove.
    let _ = admin(&lab, &["share", "del", &name]);

    let run = ok(admin(
        &lab,
        &["share", "add", &name, dir, "--remark", "made by netapi"],
    ));
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        ("", ""),
        "actions print nothing"
    );
    // With --json an action prints its status object (a script can always parse stdout).
    let run = ok(admin(
        &lab,
        &[
            "share",
            "set",
            &name,
            "--field",
            "remark=made by netapi",
            "--json",
        ],
    ));
    assert_eq!(
        run.json(),
        serde_json::json!({"winerror": 0, "funcname": "NetShareSetInfo",
            "strerror": "The operation completed successfully."})
    );
    let got = ok(admin(
        &lab,
        &["--json", "share", "get", &name, "--level", "2"],
    ))
    .json();
    assert_eq!(got["netname"], name.as_str());
    assert_eq!(got["remark"], "made by netapi");
    assert_eq!(got["type"], 0);
    assert!(
        got["path"]
            .as_str()
            .unwrap_or_default()
            .ends_with("scratch"),
        "{got}"
    );

    // A remark alone goes as level 1004.
    ok(admin(
        &lab,
        &["share", "set", &name, "--remark", "changed by netapi"],
    ));
    let got = ok(admin(
        &lab,
        &["--json", "share", "get", &name, "--level", "1"],
    ))
    .json();
    assert_eq!(got["remark"], "changed by netapi");
    // Several fields: read 502, change, write 502.
    ok(admin(
        &lab,
        &["share", "set", &name, "--remark", "via 502", "--path", dir],
    ));
    let text = ok(admin(&lab, &["share", "get", &name])).stdout;
    assert!(text.contains("remark:       via 502"), "{text}");

    ok(admin(&lab, &["share", "del", &name]));
    let run = admin(&lab, &["share", "get", &name]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr
            .starts_with("NetShareGetInfo: error 2310: This shared resource does not exist."),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    // With --json a failure prints its error object on stdout.
    let run = admin(&lab, &["--json", "share", "del", &name]);
    assert_eq!(
        (run.code, run.error_json()["winerror"].as_u64()),
        (1, Some(2310))
    );
}

#[test]
fn sessions_are_denied_to_an_ordinary_user() {
    let Some(lab) = Lab::get() else { return };
    let run = as_user(&lab.fs, &lab.fs.user, &["session", "list"]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr
            .starts_with("NetSessionEnum: error 5: Access is denied."),
        "{}",
        run.stderr
    );
    let run = as_user(&lab.fs, &lab.fs.user, &["--json", "file", "list"]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(run.error_json()["winerror"], 5);
}

#[test]
fn open_files_and_sessions_while_a_file_is_held() {
    let Some(lab) = Lab::get() else { return };
    let _held = lab.hold_file(&lab.fs, 60);
    let files = ok(admin(&lab, &["--json", "file", "list"])).json();
    let hello = files
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["path_name"]
                .as_str()
                .is_some_and(|p| p.ends_with("hello.txt"))
        })
        .unwrap_or_else(|| panic!("hello.txt not among the open files: {files}"));
    assert_eq!(hello["user_name"], lab.fs.user.as_str());
    let table = ok(admin(&lab, &["file", "list"])).stdout;
    assert!(
        table.starts_with("ID") && table.contains("hello.txt"),
        "{table}"
    );

    let sessions = ok(admin(
        &lab,
        &["--json", "session", "list", "--user-name", &lab.fs.user],
    ))
    .json();
    let list = sessions.as_array().unwrap();
    assert!(
        !list.is_empty() && list.iter().all(|s| s["user_name"] == lab.fs.user.as_str()),
        "{sessions}"
    );
    let table = ok(admin(&lab, &["session", "list"])).stdout;
    assert!(
        table.starts_with("CLIENT") && table.contains(&lab.fs.user),
        "{table}"
    );
}

#[test]
fn a_wrong_password_is_logon_failure_1326() {
    let Some(lab) = Lab::get() else { return };
    let who = format!("{}\\{}", lab.fs.domain, lab.fs.admin_user);
    let wrong = format!("wrong-{}", std::process::id());
    let run = netapi(&["-s", &lab.fs.ip, "-u", &who, "-p", &wrong, "share", "list"]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr
            .contains("error 1326: The user name or password is incorrect."),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains(&wrong),
        "the password leaked into the error: {}",
        run.stderr
    );
    // -v logs the steps, never the secret.
    let run = netapi(&[
        "-s", &lab.fs.ip, "-u", &who, "-p", &wrong, "-vvv", "server", "get",
    ]);
    assert!(
        run.stderr.contains("connecting") && !run.stderr.contains(&wrong),
        "{}",
        run.stderr
    );
}

#[test]
fn json_errors_parse_as_pywin32_errors() {
    let Some(lab) = Lab::get() else { return };
    let missing = format!("nlp_cli_missing_{}", std::process::id());
    let run = admin(&lab, &["--json", "share", "get", &missing]);
    assert_eq!(run.code, 1, "{run:#?}");
    let err = run.error_json();
    assert_eq!(err["winerror"], 2310);
    assert_eq!(err["funcname"], "NetShareGetInfo");
    assert_eq!(err["strerror"], "This shared resource does not exist.");
    // The first stderr line is still the one people read.
    assert!(
        run.stderr.starts_with("NetShareGetInfo: error 2310:"),
        "{}",
        run.stderr
    );
}

#[test]
fn environment_defaults_reach_the_connection() {
    let Some(lab) = Lab::get() else { return };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_netapi"))
        .args(["--json", "share", "list", "--level", "0"])
        .env("NETAPI_SERVER", &lab.fs.ip)
        .env("NETAPI_USER", &lab.fs.admin_user)
        .env("NETAPI_DOMAIN", &lab.fs.domain)
        .env("NETAPI_PASSWORD", &lab.fs.password)
        .env_remove("NETAPI_NT_HASH")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(names(&json).iter().any(|n| n == "IPC$"), "{json}");
}

#[test]
fn kerberos_with_the_spn_host_apart_from_the_address() {
    let Some(lab) = Lab::get() else { return };
    // Connect to the DC's address; the ticket is for cifs/<its DNS name>.
    let run = ok(as_user(
        &lab.dc,
        &lab.dc.admin_user,
        &[
            "--kerberos",
            "--kdc",
            &lab.dc.ip,
            "--target-host",
            &lab.dc_fqdn,
            "-v",
            "--json",
            "share",
            "list",
            "--level",
            "0",
        ],
    ));
    assert!(
        names(&run.json()).iter().any(|n| n == &lab.dc.share),
        "{run:#?}"
    );
    assert!(run.stderr.contains("kerberos=true"), "{}", run.stderr);
}

#[test]
fn stubs_are_dumped_on_request() {
    let Some(lab) = Lab::get() else { return };
    let dir = std::env::temp_dir().join(format!("netapi-cli-stubs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir_arg = dir.to_string_lossy().into_owned();
    let who = format!("{}\\{}", lab.fs.domain, lab.fs.admin_user);
    ok(netapi(&[
        "-s",
        &lab.fs.ip,
        "-u",
        &who,
        "-p",
        &lab.fs.password,
        "--dump-stubs",
        &dir_arg,
        "server",
        "get",
    ]));
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        files.iter().any(|f| f.ends_with(".in.hex"))
            && files.iter().any(|f| f.ends_with(".out.hex")),
        "{files:?}"
    );
}
