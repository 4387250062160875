//! `msg` verbs: `names` → NetMessageNameEnum, `add` → NetMessageNameAdd, `del` →
//! NetMessageNameDel ([MS-MSRP] 3.1.4), `send` → NetMessageBufferSend (error 50: netapi does not
//! speak the UDP delivery, see `netapi::AsyncClient::message_buffer_send`).

use super::Ctx;
use crate::CliError;
use crate::args::MsgCmd;
use crate::output::Output;

/// Run one `msg` verb.
pub fn run(cmd: &MsgCmd, ctx: &Ctx) -> Result<Output, CliError> {
    match cmd {
        MsgCmd::Names => Ok(Output::Strings(ctx.client()?.message_name_enum()?)),
        MsgCmd::Add { name } => {
            ctx.client()?.message_name_add(name)?;
            Ok(Output::Done("NetMessageNameAdd"))
        }
        MsgCmd::Del { name } => {
            ctx.client()?.message_name_del(name)?;
            Ok(Output::Done("NetMessageNameDel"))
        }
        MsgCmd::Send { to, text, from } => {
            // As pywin32 sends it: the UTF-16LE units of the text, without a terminator.
            let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            ctx.client()?
                .message_buffer_send(to, from.as_deref(), &bytes)?;
            Ok(Output::Done("NetMessageBufferSend"))
        }
    }
}
