//! `dc` verbs: `name` → NetGetDCName, `any` → NetGetAnyDCName ([MS-NRPC] 3.5.4.3.4–3.5.4.3.5).
//! The domain is `--domain-name` (`--domain` is the login's).

use serde_json::json;

use super::Ctx;
use crate::CliError;
use crate::args::DcCmd;
use crate::output::Output;

/// Run one `dc` verb.
pub fn run(cmd: &DcCmd, ctx: &Ctx) -> Result<Output, CliError> {
    let name = match cmd {
        DcCmd::Name { domain_name } => ctx.client()?.get_dc_name(domain_name.as_deref())?,
        DcCmd::Any { domain_name } => ctx.client()?.get_any_dc_name(domain_name.as_deref())?,
    };
    Ok(Output::Message {
        json: json!({ "dc": name }),
        text: name,
    })
}
