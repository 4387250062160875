//! The `group` and `localgroup` verbs against both lab servers, cross-checked with Samba's own
//! `rpcclient enumdomgroups` and `net rpc group members`: JSON with pywin32's keys, tables for
//! people, actions that change what Samba lists, and Windows' codes as exit status 1 with the
//! error object. Objects are `nlp_cli_<pid>_<n>`, deleted again; writes on the file server are
//! spaced by a second (tools/LAB.md).

mod common;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use common::{Run, netapi};
use netapi_testkit::lab::{Lab, Server};

/// One test at a time: account writes on the file server must not interleave.
static SERIAL: Mutex<()> = Mutex::new(());

fn run(server: &Server, args: &[&str]) -> Run {
    let who = format!("{}\\{}", server.domain, server.admin_user);
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

fn ok(r: Run) -> Run {
    assert_eq!(r.code, 0, "netapi failed: {r:#?}");
    r
}

fn unique() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "nlp_cli_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

fn settle(server: &Server) {
    if server.role == "fs" {
        std::thread::sleep(Duration::from_millis(1100));
    }
}

fn net_members(lab: &Lab, server: &Server, group: &str) -> Vec<String> {
    let (ok, out) = lab.samba_tool(
        "net",
        server,
        &server.admin_user,
        &["rpc", "group", "members", group],
    );
    assert!(ok, "net rpc group members: {out}");
    let mut v: Vec<String> = out
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

fn json_names(r: &Run, key: &str) -> Vec<String> {
    let mut v: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[key].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn group_verbs_against_both_servers() {
    let Some(lab) = Lab::get() else { return };
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    for server in [&lab.fs, &lab.dc] {
        // list = rpcclient enumdomgroups
        let (okr, out) = lab.samba_tool(
            "rpcclient",
            server,
            &server.admin_user,
            &["-c", "enumdomgroups"],
        );
        assert!(okr);
        let mut want: Vec<String> = out
            .lines()
            .filter_map(|l| Some(l.split_once("group:[")?.1.split_once(']')?.0.to_string()))
            .collect();
        want.sort();
        assert_eq!(
            json_names(
                &ok(run(server, &["--json", "group", "list", "--level", "0"])),
                "name"
            ),
            want
        );
        let table = ok(run(server, &["group", "members", "LabGroup"])).stdout;
        assert!(
            table.starts_with("NAME") && table.contains(&server.user),
            "{table}"
        );
        // A lifecycle, each step as Samba sees it.
        let g = unique();
        ok(run(
            server,
            &["group", "add", &g, "--comment", "by the cli"],
        ));
        settle(server);
        let info = ok(run(server, &["--json", "group", "get", &g, "--level", "1"])).json();
        assert_eq!(info["comment"], "by the cli");
        ok(run(server, &["group", "set", &g, "--comment", "changed"]));
        ok(run(server, &["group", "add-member", &g, &server.user]));
        settle(server);
        assert_eq!(
            net_members(&lab, server, &g),
            [format!("{}\\{}", server.domain, server.user)]
        );
        let dup = run(server, &["--json", "group", "add-member", &g, &server.user]);
        assert_eq!(dup.code, 1);
        assert_eq!(dup.error_json()["winerror"], 2236);
        ok(run(
            server,
            &["group", "set-members", &g, &server.admin_user],
        ));
        settle(server);
        assert_eq!(
            net_members(&lab, server, &g),
            [format!("{}\\{}", server.domain, server.admin_user)]
        );
        let mine = ok(run(
            server,
            &["--json", "user", "groups", &server.admin_user],
        ))
        .json();
        assert!(
            mine.as_array()
                .unwrap()
                .iter()
                .any(|x| x["name"] == g.as_str() && x["attributes"] == 7)
        );
        // user set-groups: the user's groups plus g, then back; net rpc sees each step.
        let before = json_names(
            &ok(run(server, &["--json", "user", "groups", &server.user])),
            "name",
        );
        let mut with_g = before.clone();
        with_g.push(g.clone());
        let mut args = vec!["user", "set-groups", server.user.as_str()];
        args.extend(with_g.iter().map(String::as_str));
        ok(run(server, &args));
        settle(server);
        assert!(
            net_members(&lab, server, &g).contains(&format!("{}\\{}", server.domain, server.user))
        );
        let mut args = vec!["user", "set-groups", server.user.as_str()];
        args.extend(before.iter().map(String::as_str));
        ok(run(server, &args));
        settle(server);
        assert!(
            !net_members(&lab, server, &g).contains(&format!("{}\\{}", server.domain, server.user))
        );
        assert_eq!(
            json_names(
                &ok(run(server, &["--json", "user", "groups", &server.user])),
                "name"
            ),
            before
        );
        ok(run(server, &["group", "del", &g]));
        let gone = run(server, &["--json", "group", "get", &g]);
        assert_eq!(
            (gone.code, gone.error_json()["winerror"].as_u64()),
            (1, Some(2220))
        );
    }
}

#[test]
fn localgroup_verbs_against_both_servers() {
    let Some(lab) = Lab::get() else { return };
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    for server in [&lab.fs, &lab.dc] {
        let m3 = ok(run(
            server,
            &[
                "--json",
                "localgroup",
                "members",
                "LabLocal",
                "--level",
                "3",
            ],
        ));
        assert_eq!(
            json_names(&m3, "domainandname"),
            net_members(&lab, server, "LabLocal")
        );
        let m0 = ok(run(
            server,
            &[
                "--json",
                "localgroup",
                "members",
                "Administrators",
                "--level",
                "0",
            ],
        ))
        .json();
        assert!(
            m0.as_array()
                .unwrap()
                .iter()
                .all(|m| m["sid"].as_str().unwrap().starts_with("S-1-5-"))
        );
        let groups = ok(run(server, &["user", "localgroups", &server.user])).stdout;
        assert!(groups.lines().any(|l| l == "LabLocal"), "{groups}");
        let a = unique();
        ok(run(
            server,
            &["localgroup", "add", &a, "--comment", "by the cli"],
        ));
        settle(server);
        let user = format!("{}\\{}", server.domain, server.user);
        ok(run(
            server,
            &["localgroup", "add-member", &a, &user, "LabGroup"],
        ));
        settle(server);
        assert_eq!(
            net_members(&lab, server, &a),
            [format!("{}\\LabGroup", server.domain), user.clone()]
        );
        let missing = run(
            server,
            &["--json", "localgroup", "add-member", &a, "nlp_cli_nobody"],
        );
        assert_eq!(missing.error_json()["winerror"], 1387);
        // By SID: the administrator only.
        let sid = ok(run(
            server,
            &[
                "--json",
                "localgroup",
                "members",
                "Administrators",
                "--level",
                "2",
            ],
        ))
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|m| {
            m["domainandname"]
                .as_str()
                .unwrap()
                .ends_with(&format!("\\{}", server.admin_user))
        })
        .map(|m| m["sid"].as_str().unwrap().to_string())
        .expect("the administrator is in Administrators");
        ok(run(server, &["localgroup", "set-members", &a, &sid]));
        settle(server);
        assert_eq!(
            net_members(&lab, server, &a),
            [format!("{}\\{}", server.domain, server.admin_user)]
        );
        ok(run(server, &["localgroup", "set-members", &a]));
        settle(server);
        assert!(net_members(&lab, server, &a).is_empty());
        ok(run(server, &["localgroup", "del", &a]));
        assert_eq!(
            run(server, &["--json", "localgroup", "get", &a]).error_json()["winerror"],
            2220
        );
    }
}
