//! NetQueryDisplayInformation's entries from `SAMPR_DISPLAY_INFO_BUFFER` ([MS-SAMR] 2.2.8):
//! level 1 is `DomainDisplayUser`, 2 `DomainDisplayMachine`, 3 `DomainDisplayGroup`, each
//! entry's `Index` becoming `next_index` (the index the next call starts from) and its
//! `AccountControl` the `UF_*` flags (`UF_SCRIPT` always set, as for NetUserGetInfo).

use netapi_msrpc::samr as w;

use super::user_all::UF_ACB;
use crate::Result;
use crate::con;
use crate::info::{DisplayInfo, NetDisplayGroup, NetDisplayMachine, NetDisplayUser};
use crate::rpc::levels::wrong_level;

fn flags(account_control: u32) -> u32 {
    con::UF_SCRIPT | UF_ACB.to_ours(account_control)
}

/// The entries of an answer to a call made at `level`.
pub(crate) fn entries(
    op: &'static str,
    level: u32,
    b: w::SamprDisplayInfoBuffer,
) -> Result<Vec<DisplayInfo>> {
    let got = netapi_ndr::NdrUnion::discriminant(&b);
    if got != i128::from(level) {
        return Err(wrong_level(op, level, got));
    }
    Ok(match b {
        w::SamprDisplayInfoBuffer::UserInformation(u) => u
            .buffer
            .unwrap_or_default()
            .into_iter()
            .map(|e| {
                DisplayInfo::L1(NetDisplayUser {
                    name: e.account_name.to_string_lossy(),
                    comment: e.admin_comment.to_string_lossy(),
                    flags: flags(e.account_control),
                    full_name: e.full_name.to_string_lossy(),
                    user_id: e.rid,
                    next_index: e.index,
                })
            })
            .collect(),
        w::SamprDisplayInfoBuffer::MachineInformation(m) => m
            .buffer
            .unwrap_or_default()
            .into_iter()
            .map(|e| {
                DisplayInfo::L2(NetDisplayMachine {
                    name: e.account_name.to_string_lossy(),
                    comment: e.admin_comment.to_string_lossy(),
                    flags: flags(e.account_control),
                    user_id: e.rid,
                    next_index: e.index,
                })
            })
            .collect(),
        w::SamprDisplayInfoBuffer::GroupInformation(g) => g
            .buffer
            .unwrap_or_default()
            .into_iter()
            .map(|e| {
                DisplayInfo::L3(NetDisplayGroup {
                    name: e.account_name.to_string_lossy(),
                    comment: e.admin_comment.to_string_lossy(),
                    group_id: e.rid,
                    attributes: e.attributes,
                    next_index: e.index,
                })
            })
            .collect(),
        _ => return Err(wrong_level(op, level, got)),
    })
}
