//! Running the `netapi` binary from tests: a clean environment (no `NETAPI_*` defaults from the
//! developer's shell), no terminal on stdin, and the output captured.

#![allow(dead_code)] // each test binary uses a different part

use std::process::{Command, Stdio};

/// What one run of `netapi` did.
#[derive(Debug)]
pub struct Run {
    /// Exit status (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// stdout parsed as JSON (panics with the run when it is not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"))
    }

    /// The `--json` error object, which a failure prints on stdout (its non-zero `winerror`
    /// checked here).
    pub fn error_json(&self) -> serde_json::Value {
        let v = self.json();
        assert_ne!(v["winerror"], 0, "not an error object: {self:#?}");
        v
    }
}

/// Run `netapi args...` without a terminal and without `NETAPI_*` (or Kerberos) defaults.
pub fn netapi(args: &[&str]) -> Run {
    netapi_with(args, With::default())
}

/// How to run `netapi` in [`netapi_with`].
#[derive(Default)]
pub struct With<'a> {
    /// Extra environment (e.g. `KRB5CCNAME`, `KRB5_CONFIG`); the Kerberos variables of the
    /// developer's shell are removed first.
    pub env: &'a [(&'a str, &'a str)],
    /// Bytes on standard input (none: `/dev/null`).
    pub stdin: Option<&'a [u8]>,
    /// A program to run `netapi` under (e.g. `["faketime", "-f", "+2h"]`).
    pub wrapper: &'a [&'a str],
}

/// Run `netapi args...` as [`netapi`] does, with the environment, input and wrapper of `with`.
pub fn netapi_with(args: &[&str], with: With<'_>) -> Run {
    use std::io::Write;
    let bin = env!("CARGO_BIN_EXE_netapi");
    let mut cmd = match with.wrapper.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest).arg(bin);
            c
        }
        None => Command::new(bin),
    };
    cmd.args(args)
        .stdin(if with.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in [
        "NETAPI_SERVER",
        "NETAPI_USER",
        "NETAPI_PASSWORD",
        "NETAPI_NT_HASH",
        "NETAPI_DOMAIN",
        "NETAPI_KDC",
        "NETAPI_REALM",
        "NETAPI_TARGET_HOST",
        "NETAPI_DNS_SERVER",
        "NETAPI_TRANSPORT",
        "KRB5CCNAME",
        "KRB5_CONFIG",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in with.env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("cannot run the netapi binary");
    if let Some(input) = with.stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
