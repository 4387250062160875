//! The `netapi` command-line tool: the Windows Network Management API from a shell.
//!
//! `netapi [connection options] <family> <verb> [args]` maps each verb to one NetApi function of
//! [`netapi::Client`] (the mapping is in each `commands/<family>.rs` header): shares
//! (NetShare*), the server (NetServer*), sessions (NetSession*), open files (NetFile*) and
//! NetStatisticsGet. Start at [`main`]; [`args`] is the command line, [`connect`] makes the
//! client, [`output`] and [`table`] print what came back, [`decode`] names well-known values.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod args;
pub mod commands;
pub mod connect;
pub mod decode;
pub mod output;
pub mod table;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::Cli;
use crate::commands::Ctx;
use crate::connect::Prompt;

/// Exit status of a failed NetApi call.
pub const EXIT_NETAPI: u8 = 1;
/// Exit status of bad usage (nothing was sent).
pub const EXIT_USAGE: u8 = 2;

/// Why a command did not succeed.
#[derive(Debug)]
pub enum CliError {
    /// The command line cannot work (missing password, contradicting options); nothing sent.
    Usage(String),
    /// The NetApi call failed, or the library rejected the input before sending.
    Api(netapi::Error),
}

impl CliError {
    /// A usage error with `message`.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError::Usage(message.into())
    }

    /// The exit status: 2 for usage (the library's own input checks included), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => EXIT_USAGE,
            CliError::Api(e) if e.kind() == netapi::Kind::Usage => EXIT_USAGE,
            CliError::Api(_) => EXIT_NETAPI,
        }
    }
}

impl From<netapi::Error> for CliError {
    fn from(e: netapi::Error) -> Self {
        CliError::Api(e)
    }
}

/// Parse the process arguments, run the command, print, and return the exit status.
pub fn main() -> ExitCode {
    // Known before parsing, so that a command line clap refuses still answers in JSON.
    let json = wants_json(std::env::args_os().skip(1));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if json && e.use_stderr() => {
            let message = e.kind().to_string();
            let detail = e.to_string();
            let first = detail.lines().next().unwrap_or(&message);
            let first = first.strip_prefix("error: ").unwrap_or(first);
            print(&format!("{}\n", output::usage_json(first)));
            let _ = write!(std::io::stderr(), "{e}");
            return ExitCode::from(EXIT_USAGE);
        }
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    init_logging(cli.out.verbose);
    let ctx = Ctx::new(&cli.conn, Prompt::detect(), cli.out.page_size);
    match commands::run(&cli.command, &ctx) {
        Ok(out) => {
            print(&out.render(cli.out.json));
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e, cli.out.json);
            ExitCode::from(e.exit_code())
        }
    }
}

/// Whether `--json` is among the arguments (before a `--` that ends the options).
fn wants_json(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    args.take_while(|a| a != "--").any(|a| a == "--json")
}

/// Write `text` to stdout; a closed pipe (`| head`) is not an error worth a message.
fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
}

/// Report a failure: the Windows-style line on stderr, and with `--json` the error object on
/// stdout.
fn report(e: &CliError, json: bool) {
    let line = match e {
        CliError::Usage(message) => format!("netapi: {message}"),
        CliError::Api(err) => output::error_line(err),
    };
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    if json {
        let obj = match e {
            CliError::Usage(message) => output::usage_json(message),
            CliError::Api(err) => output::error_json(err),
        };
        print(&format!("{obj}\n"));
    }
}

/// `-v`: netapi's steps (info), `-vv`: protocol detail (debug), `-vvv`: everything (trace); all
/// to stderr. The authentication layer never logs secrets and keeps sspi's own output muted.
fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => return,
        1 => tracing::Level::INFO,
        2 => tracing::Level::DEBUG,
        _ => tracing::Level::TRACE,
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_target(verbose > 1)
        .without_time()
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_seen_anywhere_before_the_end_of_options() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert!(wants_json(args(&["share", "list", "--json"]).into_iter()));
        assert!(!wants_json(
            args(&["share", "get", "--", "--json"]).into_iter()
        ));
        assert!(!wants_json(args(&["share", "list"]).into_iter()));
    }
}
