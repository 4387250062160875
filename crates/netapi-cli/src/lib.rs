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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    init_logging(cli.out.verbose);
    let ctx = Ctx::new(&cli.conn, Prompt::detect(), cli.out.page_size);
    let result = commands::run(&cli.command, &ctx);
    match result {
        Ok(out) => {
            let text = out.render(cli.out.json);
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e, cli.out.json);
            ExitCode::from(e.exit_code())
        }
    }
}

/// Print a failure to stderr: the Windows-style line, and with `--json` the error object.
fn report(e: &CliError, json: bool) {
    let mut stderr = std::io::stderr().lock();
    let _ = match e {
        CliError::Usage(message) => writeln!(stderr, "netapi: {message}"),
        CliError::Api(err) => writeln!(stderr, "{}", output::error_line(err)).and_then(|_| {
            if json {
                writeln!(stderr, "{}", output::error_json(err))
            } else {
                Ok(())
            }
        }),
    };
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
