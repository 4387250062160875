//! RIDs → names in one domain: SamrLookupIdsInDomain ([MS-SAMR] 3.1.5.11.3), at most
//! [`LOOKUP_BATCH`] RIDs per call, for the member lists of NetGroupGetUsers and the group lists
//! of NetUserGetGroups / NetUserGetLocalGroups: one call per batch, never one per account.

use netapi_codes::{NtStatus, WinError};
use netapi_msrpc::samr::{self as w, Samr, SidNameUse};

use super::{Domain, LOOKUP_BATCH};
use crate::error::Code;
use crate::rpc::session::Session;
use crate::rpc::status;
use crate::{Error, Kind, Result};

/// The name of account `rid` of `domain`: as the server named it, else — never dropped — its
/// SID string (an account the server cannot name).
pub(crate) fn name_or_sid(domain: &Domain, rid: u32, named: Option<Named>) -> String {
    match named {
        Some(n) => n.name,
        None => domain
            .sid
            .with_rid(rid)
            .map_or_else(|| rid.to_string(), |s| s.to_string()),
    }
}

/// One RID as the server named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Named {
    pub name: String,
    pub kind: SidNameUse,
}

impl Session<'_, Samr> {
    /// The names of `rids` in `domain`, in order; `None` for a RID the server did not map.
    pub(crate) async fn lookup_ids(
        &mut self,
        domain: &Domain,
        rids: &[u32],
    ) -> Result<Vec<Option<Named>>> {
        let op = self.op();
        let mut out = Vec::with_capacity(rids.len());
        for batch in rids.chunks(LOOKUP_BATCH) {
            let resp = self
                .call(&w::SamrLookupIdsInDomainRequest {
                    domain_handle: domain.handle,
                    count: batch.len() as u32,
                    relative_ids: batch.to_vec(),
                })
                .await?;
            match status::check(op, &resp) {
                Ok(_) => {}
                // None mapped: every entry is unknown (the arrays may be empty).
                Err(e) if e.code() == Code::Nt(NtStatus::STATUS_NONE_MAPPED) => {
                    out.extend(batch.iter().map(|_| None));
                    continue;
                }
                Err(e) => return Err(e),
            }
            let names = resp.names.element.unwrap_or_default();
            let uses = resp.r#use.elements();
            if names.len() != batch.len() || uses.len() != batch.len() {
                return Err(Error::local(
                    op,
                    Kind::Protocol,
                    WinError::RPC_X_BAD_STUB_DATA,
                    format!(
                        "SamrLookupIdsInDomain answered {} names and {} uses for {} RIDs",
                        names.len(),
                        uses.len(),
                        batch.len()
                    ),
                ));
            }
            for (name, kind) in names.iter().zip(uses) {
                let kind = SidNameUse(*kind as u16);
                out.push(match name.to_string_lossy() {
                    Some(name)
                        if !name.is_empty()
                            && kind != SidNameUse::SID_TYPE_UNKNOWN
                            && kind != SidNameUse::SID_TYPE_INVALID =>
                    {
                        Some(Named { name, kind })
                    }
                    _ => None,
                });
            }
        }
        Ok(out)
    }
}
