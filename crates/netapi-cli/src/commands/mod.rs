//! One module per NetApi family: each turns its verbs into calls on [`netapi::Client`] and
//! returns an [`Output`]; each also says which table columns and `key: value` decoding its info
//! levels get (used by the output tests without a network).
//!
//! The connection is made lazily by [`Ctx::client`], after a command has checked its own
//! arguments, so a usage error never costs a password prompt or a packet.

pub mod dc;
pub mod fields;
pub mod file;
pub mod group;
pub mod join;
pub mod localgroup;
pub mod msg;
pub mod policy;
pub mod server;
pub mod session;
pub mod share;
pub mod stats;
pub mod user;
pub mod uses;
pub mod validate;
pub mod wksta;

use std::cell::OnceCell;

use netapi::Client;

use crate::CliError;
use crate::args::{Connection, Family};
use crate::connect::{self, Prompt};
use crate::output::Output;

/// What a command needs besides its own arguments.
pub struct Ctx<'a> {
    conn: &'a Connection,
    prompt: Prompt,
    client: OnceCell<Client>,
    /// `--page-size`: NetApi's `prefmaxlen` for list verbs; `None` = everything at once.
    pub page_size: Option<u32>,
}

impl<'a> Ctx<'a> {
    /// A context that connects with `conn` when first asked.
    pub fn new(conn: &'a Connection, prompt: Prompt, page_size: Option<u32>) -> Self {
        Ctx {
            conn,
            prompt,
            client: OnceCell::new(),
            page_size,
        }
    }

    /// `prefmaxlen` for list verbs: `--page-size`, or everything at once.
    pub fn pref(&self) -> u32 {
        self.page_size.unwrap_or(netapi::MAX_PREFERRED_LENGTH)
    }

    /// A secret the command needs (`what` names it): asked for without echo when a terminal is
    /// attached, `None` otherwise.
    pub fn ask_secret(&self, what: &str) -> Result<Option<String>, CliError> {
        match self.prompt {
            Prompt::Never => Ok(None),
            Prompt::Terminal => rpassword::prompt_password(format!("{what}: "))
                .map(Some)
                .map_err(|e| CliError::usage(format!("cannot read {what} from the terminal: {e}"))),
        }
    }

    /// The login's credentials (prompting for a missing password if allowed), without a server.
    pub fn credentials(&self) -> Result<netapi::options::Credentials, CliError> {
        connect::credentials(self.conn, self.prompt)
    }

    /// The client, created (server checked, password obtained) on first use.
    pub fn client(&self) -> Result<&Client, CliError> {
        if let Some(c) = self.client.get() {
            return Ok(c);
        }
        let c = connect::client(self.conn, self.prompt)?;
        Ok(self.client.get_or_init(|| c))
    }
}

/// Run one family command.
pub fn run(family: &Family, ctx: &Ctx) -> Result<Output, CliError> {
    // The command's arguments only: the connection options (and the secret) are not in `family`.
    tracing::info!(command = ?family, "running");
    match family {
        Family::Share(cmd) => share::run(cmd, ctx),
        Family::Server(cmd) => server::run(cmd, ctx),
        Family::Session(cmd) => session::run(cmd, ctx),
        Family::File(cmd) => file::run(cmd, ctx),
        Family::Stats(cmd) => stats::run(cmd, ctx),
        Family::Group(cmd) => group::run(cmd, ctx),
        Family::Localgroup(cmd) => localgroup::run(cmd, ctx),
        Family::User(cmd) => user::run(cmd, ctx),
        Family::Policy(cmd) => policy::run(cmd, ctx),
        Family::ValidatePassword(a) => validate::run(a, ctx),
        Family::Wksta(cmd) => wksta::run(cmd, ctx),
        Family::Join(cmd) => join::run(cmd, ctx),
        Family::Dc(cmd) => dc::run(cmd, ctx),
        Family::Msg(cmd) => msg::run(cmd, ctx),
        Family::Use(cmd) => uses::run(cmd, ctx),
    }
}
