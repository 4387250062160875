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

/// Run `netapi args...` without a terminal and without `NETAPI_*` defaults.
pub fn netapi(args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_netapi"));
    cmd.args(args).stdin(Stdio::null());
    for var in [
        "NETAPI_SERVER",
        "NETAPI_USER",
        "NETAPI_PASSWORD",
        "NETAPI_NT_HASH",
        "NETAPI_DOMAIN",
    ] {
        cmd.env_remove(var);
    }
    let out = cmd.output().expect("cannot run the netapi binary");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
