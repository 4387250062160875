//! `join` verbs: `info` → NetGetJoinInformation, `validate-name` → NetValidateName ([MS-WKST]
//! 3.2.4.12, 3.2.4.16). The account's password of `validate-name` is `--account-password`
//! (`--password` is the login's), sent encrypted with the SMB session key.

use serde_json::json;

use super::Ctx;
use crate::CliError;
use crate::args::JoinCmd;
use crate::output::Output;

/// Run one `join` verb.
pub fn run(cmd: &JoinCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        JoinCmd::Info => {
            let j = ctx.client()?.get_join_information()?;
            Ok(join_output(&j))
        }
        JoinCmd::ValidateName {
            name,
            name_type,
            account,
            account_password,
        } => {
            ctx.client()?.validate_name(
                name,
                name_type.value(),
                account.as_deref(),
                account_password.as_deref(),
            )?;
            Ok(Output::Message {
                json: json!({ "winerror": 0, "funcname": "NetValidateName", "valid": true }),
                text: format!("{name} is valid"),
            })
        }
    }
}

/// NetGetJoinInformation's answer: `{"name": ..., "status": N}` and a sentence.
pub fn join_output(j: &netapi::JoinInformation) -> Output {
    let what = match j.status {
        netapi::NET_SETUP_UNJOINED => "not joined",
        netapi::NET_SETUP_WORKGROUP_NAME => "a member of workgroup",
        netapi::NET_SETUP_DOMAIN_NAME => "a member of domain",
        _ => "of unknown membership",
    };
    Output::Message {
        json: json!({ "name": j.name, "status": j.status }),
        text: format!("{what} {}", j.name).trim().to_string(),
    }
}
