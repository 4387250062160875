//! Snapshots of the people-facing output for fixed inputs: the table and `key: value` layouts,
//! and the decoding of well-known values. No network; the inputs are what the lab's Samba file
//! server answers (see `tools/LAB.md`), plus a few values Samba never sends.

use netapi::info::{
    FileInfo, FileInfo3, ServerInfo, ServerInfo101, SessionInfo, SessionInfo1, ShareInfo,
    ShareInfo1, ShareInfo2, StatServer0,
};
use netapi_cli::commands::{file, server, session, share, stats};
use netapi_cli::output::Output;

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

fn lab_shares() -> Vec<ShareInfo> {
    let l2 = |name: &str, t: u32, uses: u32, max: u32, path: &str, remark: &str| -> ShareInfo {
        ShareInfo2 {
            netname: s(name),
            r#type: t,
            remark: s(remark),
            max_uses: max,
            current_uses: uses,
            path: s(path),
            passwd: s(""),
            ..ShareInfo2::default()
        }
        .into()
    };
    vec![
        l2(
            "public",
            0,
            0,
            u32::MAX,
            "C:\\tmp\\netapi-lab\\fs\\shares\\public",
            "Public lab share",
        ),
        l2(
            "hidden$",
            0,
            2,
            10,
            "C:\\tmp\\netapi-lab\\fs\\shares\\hidden",
            "Hidden share",
        ),
        l2(
            "IPC$",
            0x8000_0003,
            1,
            u32::MAX,
            "C:\\tmp",
            "IPC Service (NetApi lab file server)",
        ),
        l2("LPT1", 0x4000_0001, 0, 1, "", ""),
    ]
}

fn list(rows: Vec<serde_json::Value>, columns: Vec<netapi_cli::table::Column>) -> String {
    Output::List { rows, columns }.render(false)
}

#[test]
fn share_list_level_2() {
    let rows = lab_shares().iter().map(ShareInfo::to_json).collect();
    assert_eq!(
        list(rows, share::columns(2)),
        "\
NAME     TYPE                 USES  MAX        PATH                                REMARK
public   Disk                 0     unlimited  C:\\tmp\\netapi-lab\\fs\\shares\\public  Public lab share
hidden$  Disk                 2     10         C:\\tmp\\netapi-lab\\fs\\shares\\hidden  Hidden share
IPC$     IPC (special)        1     unlimited  C:\\tmp                              IPC Service (NetApi lab file server)
LPT1     Printer (temporary)  0     1
"
    );
}

#[test]
fn share_list_level_1_and_json() {
    let shares: Vec<ShareInfo> = vec![
        ShareInfo1 {
            netname: s("public"),
            r#type: 0,
            remark: s("Public lab share"),
        }
        .into(),
        ShareInfo1 {
            netname: s("IPC$"),
            r#type: 0x8000_0003,
            remark: None,
        }
        .into(),
    ];
    let rows: Vec<_> = shares.iter().map(ShareInfo::to_json).collect();
    assert_eq!(
        list(rows.clone(), share::columns(1)),
        "NAME    TYPE           REMARK\npublic  Disk           Public lab share\nIPC$    IPC (special)  -\n"
    );
    // --json: exactly the dicts, pywin32's keys, numbers as the server sent them.
    let json: serde_json::Value = serde_json::from_str(
        &Output::List {
            rows,
            columns: share::columns(1),
        }
        .render(true),
    )
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"netname": "public", "type": 0, "remark": "Public lab share"},
            {"netname": "IPC$", "type": 2147483651u32, "remark": null}
        ])
    );
}

#[test]
fn share_get_level_2() {
    let out = Output::Record {
        value: lab_shares()[2].to_json(),
        field: share::field,
    };
    assert_eq!(
        out.render(false),
        "\
netname:      IPC$
type:         IPC (special)
remark:       IPC Service (NetApi lab file server)
permissions:  0
max_uses:     unlimited
current_uses: 1
path:         C:\\tmp
passwd:
"
    );
}

#[test]
fn server_get_level_101() {
    let info: ServerInfo = ServerInfo101 {
        platform_id: 500,
        name: s("FILESRV"),
        version_major: 6,
        version_minor: 1,
        r#type: 0x0080_9a03,
        comment: s("NetApi lab file server"),
    }
    .into();
    let out = Output::Record {
        value: info.to_json(),
        field: server::field,
    };
    assert_eq!(
        out.render(false),
        "\
platform_id:   500 (NT)
name:          FILESRV
version_major: 6
version_minor: 1
type:          0x00809a03 (WORKSTATION, SERVER, PRINTQ_SERVER, SERVER_UNIX, NT, SERVER_NT, DFS)
comment:       NetApi lab file server
"
    );
    assert_eq!(
        list(vec![info.to_json()], server::columns(101)),
        "\
NAME     PLATFORM  VERSION  TYPE                                                           COMMENT
FILESRV  500 (NT)  6.1      WORKSTATION SERVER PRINTQ_SERVER SERVER_UNIX NT SERVER_NT DFS  NetApi lab file server
"
    );
}

#[test]
fn session_list_level_1() {
    let sessions: Vec<SessionInfo> = vec![
        SessionInfo1 {
            client_name: s("127.0.0.1"),
            user_name: s("netapiadmin"),
            active_time: u32::MAX,
            ..Default::default()
        }
        .into(),
        SessionInfo1 {
            client_name: s("\\\\10.0.0.7"),
            user_name: s("LABDOM\\netapiuser"),
            num_opens: 3,
            active_time: 93_784,
            idle_time: 65,
            user_flags: 1,
        }
        .into(),
    ];
    assert_eq!(
        list(
            sessions.iter().map(SessionInfo::to_json).collect(),
            session::columns(1)
        ),
        "\
CLIENT      USER               OPENS  TIME         IDLE     FLAGS
127.0.0.1   netapiadmin        0      0:00:00      0:00:00  -
\\\\10.0.0.7  LABDOM\\netapiuser  3      1d 02:03:04  0:01:05  guest
"
    );
    assert_eq!(list(vec![], session::columns(1)), "No entries.\n");
}

#[test]
fn file_list_level_3() {
    let files: Vec<FileInfo> = vec![
        FileInfo3 {
            id: 1_373_962_243,
            permissions: 3,
            num_locks: 0,
            path_name: s("C:\\tmp\\netapi-lab\\fs\\shares\\data\\hello.txt"),
            user_name: s("netapiuser"),
        }
        .into(),
    ];
    assert_eq!(
        list(
            files.iter().map(FileInfo::to_json).collect(),
            file::columns(3)
        ),
        "\
ID          USER        PERMISSIONS  LOCKS  PATH
1373962243  netapiuser  read,write   0      C:\\tmp\\netapi-lab\\fs\\shares\\data\\hello.txt
"
    );
}

#[test]
fn server_statistics() {
    let st = StatServer0 {
        sts0_start: 1_700_000_000,
        sts0_fopens: 12,
        sts0_bytessent_low: 512,
        sts0_bytessent_high: 1,
        sts0_bytesrcvd_low: 1536,
        ..StatServer0::default()
    };
    let text = stats::record(&st).render(false);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "sts0_start:          2023-11-14 22:13:20 UTC (1700000000)"
    );
    assert_eq!(lines[1], "sts0_fopens:         12");
    assert!(
        lines.contains(&"sts0_bytessent_low:  512 (with _high: 4.0 GiB)"),
        "{text}"
    );
    assert!(
        lines.contains(&"sts0_bytesrcvd_low:  1536 (with _high: 1.5 KiB)"),
        "{text}"
    );
    assert_eq!(lines.len(), 17);
}
