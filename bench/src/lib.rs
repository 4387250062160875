//! netapi-bench: the client side of the benchmark suite (issue "benchmark suite").
//!
//! Each run of a binary is one measurement: it connects, warms up where the workload says so,
//! times only the workload's own phase and prints one JSON object on stdout (wall time, client
//! CPU from `getrusage`, peak RSS, workload counters). Repetition, medians, peers and tables are
//! the driver's business (`tools/bench`, `bench/peers/run.py`).
//!
//! [`workloads`] holds our client's workloads (blocking `Client` for sequential ones,
//! `AsyncClient` on tokio for concurrent ones); [`measure`] the clocks; [`floor`] the wire
//! floor, a minimal SMB2 client that replays pre-encoded requests.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod floor;
pub mod groups;
pub mod measure;
pub mod users;
pub mod workloads;

use netapi::options::{Credentials, SigningPolicy};

/// Who and where, as every binary takes it (defaults: the lab file server's admin).
#[derive(clap::Args, Debug, Clone)]
pub struct Target {
    /// Server address or name.
    #[arg(long, default_value = "127.0.0.2")]
    pub server: String,
    /// `DOMAIN\user`.
    #[arg(long, default_value = "FILESRV\\netapiadmin")]
    pub user: String,
    /// Password.
    #[arg(long, default_value = "Lab.Passw0rd1")]
    pub password: String,
    /// SMB2 signing: `preferred` (netapi's default: sign every session) or `off` (sign only
    /// when the server requires it, as the wire floor and impacket do against the lab).
    #[arg(long, default_value = "preferred")]
    pub signing: Signing,
}

/// The signing choices offered on the command line.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signing {
    /// netapi's default.
    Preferred,
    /// Only if the server requires it.
    Off,
}

impl Target {
    /// Credentials from `--user` / `--password`.
    pub fn credentials(&self) -> Credentials {
        let (domain, user) = self.user.split_once('\\').unwrap_or(("", &self.user));
        Credentials::password(domain, user, &self.password)
    }

    /// Client options for this target.
    pub fn options(&self) -> netapi::Options {
        let mut o = netapi::Options::new(self.credentials());
        if self.signing == Signing::Off {
            o.smb.signing = SigningPolicy::IfServerRequires;
        }
        o
    }
}

/// Print one result object as a single JSON line.
pub fn emit(v: serde_json::Value) {
    println!("{v}");
}
