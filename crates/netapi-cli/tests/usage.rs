//! Argument parsing and usage errors, without a network: every case here must be refused before
//! anything is sent. The server given is 192.0.2.1 (TEST-NET-1, RFC 5737), which nothing
//! answers, so a case that did try to connect would show up as a timeout or error 53, not as the
//! expected usage error.

mod common;

use common::netapi;

const NOBODY: &str = "192.0.2.1";

#[test]
fn help_describes_families_environment_and_exit_codes() {
    let run = netapi(&["--help"]);
    assert_eq!(run.code, 0, "{run:#?}");
    for text in [
        "share",
        "server",
        "session",
        "file",
        "stats",
        "NETAPI_PASSWORD",
        "--json",
        "Exit status",
        "--kerberos",
        "--keytab",
        "--anonymous",
        "--password-stdin",
        "--authentication-file",
        "--dns-server",
        "kinit",
        "KRB5CCNAME",
        "SEC_E_NO_CREDENTIALS",
    ] {
        assert!(
            run.stdout.contains(text),
            "--help lacks {text:?}:\n{}",
            run.stdout
        );
    }
    let run = netapi(&["share", "add", "--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("[possible values: 2, 502, 503]"),
        "{}",
        run.stdout
    );
    let run = netapi(&["--version"]);
    assert_eq!(
        (run.code, run.stdout.trim()),
        (0, concat!("netapi ", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn secrets_from_the_environment_are_not_shown_in_help() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_netapi"))
        .arg("--help")
        .env("NETAPI_PASSWORD", "s3cr3t-in-env")
        .env("NETAPI_NT_HASH", "0123456789abcdef0123456789abcdef")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains("s3cr3t") && !text.contains("0123456789abcdef"),
        "{text}"
    );
}

#[test]
fn an_unknown_level_is_a_usage_error() {
    let run = netapi(&[
        "-s", NOBODY, "-u", "x", "-p", "y", "share", "list", "--level", "7",
    ]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr
            .contains("[possible values: 0, 1, 2, 501, 502, 503]"),
        "{}",
        run.stderr
    );
    let run = netapi(&[
        "-s", NOBODY, "-u", "x", "-p", "y", "server", "get", "--level", "1",
    ]);
    assert_eq!(run.code, 2, "{run:#?}");
    let run = netapi(&[
        "-s", NOBODY, "-u", "x", "-p", "y", "file", "list", "--level", "1",
    ]);
    assert_eq!(run.code, 2, "{run:#?}");
}

#[test]
fn a_bad_server_name_is_2351_from_the_library() {
    let run = netapi(&[
        "--server", "bad name", "-u", "x", "-p", "y", "share", "list",
    ]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr
            .starts_with("connect: error 2351: This computer name is invalid."),
        "{}",
        run.stderr
    );
    let run = netapi(&[
        "--server", "a/b", "-u", "x", "-p", "y", "--json", "share", "list",
    ]);
    assert_eq!(run.code, 2);
    let err = run.error_json();
    assert_eq!(err["winerror"], 2351);
    assert_eq!(err["funcname"], "connect");
    assert_eq!(err["strerror"], "This computer name is invalid.");
    // People still read the error on stderr.
    assert!(run.stderr.starts_with("connect: error 2351:"), "{run:#?}");
}

#[test]
fn with_json_every_outcome_is_json_on_stdout() {
    // A command line clap refuses: a usage object, exit 2.
    let run = netapi(&["--json", "share", "list", "--level", "7"]);
    assert_eq!(run.code, 2, "{run:#?}");
    let v = run.json();
    assert_eq!(v["winerror"], 87);
    assert!(v["usage"].as_str().unwrap().contains("'7'"), "{v}");
    assert!(run.stderr.contains("possible values"), "{run:#?}");
    // --json after the verb counts too; a missing password is a usage error.
    let run = netapi(&["share", "list", "-s", NOBODY, "-u", "x", "--json"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.json()["usage"]
            .as_str()
            .unwrap()
            .contains("no password")
    );
    // Help is not an error and stays text.
    let run = netapi(&["--json", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Usage:"));
}

#[test]
fn a_missing_password_without_a_terminal_stops_before_sending() {
    let run = netapi(&["-s", NOBODY, "-u", "FILESRV\\netapiadmin", "share", "list"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("no password"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn missing_server_or_user_are_usage_errors() {
    let run = netapi(&["-u", "x", "-p", "y", "share", "list"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("no server"), "{}", run.stderr);
    let run = netapi(&["-s", NOBODY, "-p", "y", "share", "list"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("no user"), "{}", run.stderr);
}

#[test]
fn contradictions_are_refused_before_connecting() {
    // Checked before the password is asked for: no password given, yet the error is about the
    // command itself.
    let cases: &[&[&str]] = &[
        &["-s", NOBODY, "-u", "x", "share", "set", "s"],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "share",
            "set",
            "s",
            "--level",
            "1004",
            "--max-uses",
            "3",
        ],
        &["-s", NOBODY, "-u", "x", "server", "set"],
        &[
            "-s", NOBODY, "-u", "x", "server", "set", "--field", "nosuch=1",
        ],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "server",
            "set",
            "--level",
            "102",
            "--field",
            "users=many",
        ],
        &["-s", NOBODY, "-u", "x", "session", "del"],
        &["-s", NOBODY, "--anonymous", "-p", "y", "share", "list"],
        &[
            "-s",
            NOBODY,
            "--keytab",
            "/etc/krb5.keytab",
            "share",
            "list",
        ],
        &[
            "-s", NOBODY, "-u", "x", "-p", "y", "--kdc", "a b", "share", "list",
        ],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "-p",
            "y",
            "--kdc",
            "udp/10.0.0.1",
            "share",
            "list",
        ],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "-p",
            "y",
            "--dns-server",
            "dns.example",
            "share",
            "list",
        ],
        &["-s", NOBODY, "-A", "/nonexistent/auth", "share", "list"],
        &["-s", NOBODY, "-u", "x", "--password-stdin", "share", "list"],
        &["-s", NOBODY, "-u", "LAB\\", "-p", "y", "share", "list"],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "-p",
            "y",
            "--password-stdin",
            "share",
            "list",
        ],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "-p",
            "y",
            "--nt-hash",
            "00",
            "share",
            "list",
        ],
        &["-s", NOBODY, "-u", "x", "--nt-hash", "xyz", "share", "list"],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "-p",
            "y",
            "--min-dialect",
            "3.1.1",
            "--max-dialect",
            "2.1",
            "share",
            "list",
        ],
        &[
            "-s",
            NOBODY,
            "-u",
            "x",
            "-p",
            "y",
            "share",
            "add",
            "s",
            "C:\\x",
            "--max-uses",
            "lots",
        ],
        &["-s", NOBODY, "-u", "x", "-p", "y", "share", "frobnicate"],
    ];
    for args in cases {
        let run = netapi(args);
        assert_eq!(run.code, 2, "{args:?}: {run:#?}");
        assert!(
            !run.stderr.contains("no password"),
            "{args:?} should fail on its own: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}: {run:#?}");
    }
}

#[test]
fn an_authentication_file_others_can_read_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::temp_dir().join(format!("netapi-usage-auth-{}", std::process::id()));
    std::fs::write(&path, "username = x\npassword = not-for-others\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o604)).unwrap();
    let run = netapi(&["-s", NOBODY, "-A", path.to_str().unwrap(), "share", "list"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("chmod 600"), "{}", run.stderr);
    assert!(!run.stderr.contains("not-for-others") && !run.stdout.contains("not-for-others"));
    std::fs::remove_file(&path).unwrap();
}
