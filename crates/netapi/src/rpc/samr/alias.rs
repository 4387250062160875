//! Aliases (local groups) on the SAMR session, in BUILTIN and in the account domain: finding
//! one by name as netapi32 does (BUILTIN first, then the account domain), open
//! (SamrOpenAlias, [MS-SAMR] 3.1.5.1.8), create (SamrCreateAliasInDomain, 3.1.5.4.3), query
//! and set (SamrQueryInformationAlias / SamrSetInformationAlias, 3.1.5.5.4 / 3.1.5.6.3),
//! delete (SamrDeleteAlias, 3.1.5.7.2), membership (SamrAddMemberToAlias /
//! SamrRemoveMemberFromAlias / SamrGetMembersInAlias, 3.1.5.8.4–6) and enumeration
//! (SamrEnumerateAliasesInDomain, 3.1.5.2.4).

use netapi_codes::{NtStatus, WinError};
use netapi_msrpc::samr::{self as w, Samr, SidNameUse, access};
use netapi_ndr::ContextHandle;

use super::enumerate::EnumPage;
use super::{Domain, rpc_sid, sid_of, wire_name};
use crate::error::Code;
use crate::info::Sid;
use crate::rpc::levels;
use crate::rpc::session::Session;
use crate::rpc::status;
use crate::rpc::translate;
use crate::{Error, Kind, Result};

/// The `AliasAdminCommentInformation` setting `comment` (NULL: empty).
pub(crate) fn comment_info(
    op: &'static str,
    comment: Option<&str>,
) -> Result<w::SamprAliasInfoBuffer> {
    Ok(w::SamprAliasInfoBuffer::AdminComment(
        w::SamprAliasAdmCommentInformation {
            admin_comment: wire_name(op, "comment", comment.unwrap_or_default())?,
        },
    ))
}

impl Session<'_, Samr> {
    /// The domain and RID of local group `name`: an alias of BUILTIN, else of the account
    /// domain (netapi32's order); `STATUS_NONE_MAPPED` (`NERR_GroupNotFound` in the
    /// NetLocalGroup functions) when neither has one.
    pub(crate) async fn find_alias(&mut self, name: &str) -> Result<(Domain, u32)> {
        let op = self.op();
        for domain in [self.builtin_domain().await?, self.account_domain().await?] {
            if let Some(Some(a)) = self.lookup_names(&domain, &[name]).await?.first()
                && a.kind == SidNameUse::SID_TYPE_ALIAS
            {
                return Ok((domain, a.rid));
            }
        }
        Err(
            translate::server_error(op, Code::Nt(NtStatus::STATUS_NONE_MAPPED)).with_detail(
                format!("{name:?} is not a local group of BUILTIN or of the account domain"),
            ),
        )
    }

    /// Open alias `rid` of `domain` (closed when the session ends).
    pub(crate) async fn open_alias(
        &mut self,
        domain: &Domain,
        rid: u32,
        access: u32,
    ) -> Result<ContextHandle> {
        let op = self.op();
        let resp = self
            .call(&w::SamrOpenAliasRequest {
                domain_handle: domain.handle,
                desired_access: access,
                alias_id: rid,
            })
            .await?;
        status::ok(op, &resp)?;
        self.track(resp.alias_handle);
        Ok(resp.alias_handle)
    }

    /// Name and comment of an open alias (`AliasGeneralInformation`; its `MemberCount` is not
    /// used: quirk(samba-4.17), the file server reports 1 for every alias).
    pub(crate) async fn alias_general(
        &mut self,
        alias: ContextHandle,
    ) -> Result<(Option<String>, Option<String>)> {
        let op = self.op();
        let resp = self
            .call(&w::SamrQueryInformationAliasRequest {
                alias_handle: alias,
                alias_information_class: w::AliasInformationClass::ALIAS_GENERAL_INFORMATION,
            })
            .await?;
        status::ok(op, &resp)?;
        match resp.buffer {
            Some(w::SamprAliasInfoBuffer::General(g)) => {
                Ok((g.name.to_string_lossy(), g.admin_comment.to_string_lossy()))
            }
            other => Err(levels::wrong_level(
                op,
                1,
                other.map_or(-1, |b| netapi_ndr::NdrUnion::discriminant(&b)),
            )),
        }
    }

    /// The comment of an open alias (`AliasAdminCommentInformation`).
    pub(crate) async fn alias_comment(&mut self, alias: ContextHandle) -> Result<Option<String>> {
        let op = self.op();
        let resp = self
            .call(&w::SamrQueryInformationAliasRequest {
                alias_handle: alias,
                alias_information_class: w::AliasInformationClass::ALIAS_ADMIN_COMMENT_INFORMATION,
            })
            .await?;
        status::ok(op, &resp)?;
        match resp.buffer {
            Some(w::SamprAliasInfoBuffer::AdminComment(c)) => Ok(c.admin_comment.to_string_lossy()),
            other => Err(levels::wrong_level(
                op,
                3,
                other.map_or(-1, |b| netapi_ndr::NdrUnion::discriminant(&b)),
            )),
        }
    }

    /// Set one information class of an open alias.
    pub(crate) async fn set_alias(
        &mut self,
        alias: ContextHandle,
        buffer: w::SamprAliasInfoBuffer,
    ) -> Result<()> {
        let op = self.op();
        let class = w::AliasInformationClass(netapi_ndr::NdrUnion::discriminant(&buffer) as u16);
        let resp = self
            .call(&w::SamrSetInformationAliasRequest {
                alias_handle: alias,
                alias_information_class: class,
                buffer,
            })
            .await?;
        status::ok(op, &resp)
    }

    /// Create alias `name` in `domain`: its handle (closed when the session ends) and RID.
    pub(crate) async fn create_alias(
        &mut self,
        domain: &Domain,
        name: &str,
    ) -> Result<(ContextHandle, u32)> {
        let op = self.op();
        let resp = self
            .call(&w::SamrCreateAliasInDomainRequest {
                domain_handle: domain.handle,
                account_name: wire_name(op, "local group name", name)?,
                desired_access: access::DELETE | access::ALIAS_WRITE_ACCOUNT,
            })
            .await?;
        status::ok(op, &resp)?;
        self.track(resp.alias_handle);
        Ok((resp.alias_handle, resp.relative_id))
    }

    /// Delete an open alias (its handle is gone with it).
    pub(crate) async fn delete_alias(&mut self, alias: ContextHandle) -> Result<()> {
        let op = self.op();
        let resp = self
            .call(&w::SamrDeleteAliasRequest {
                alias_handle: alias,
            })
            .await?;
        status::ok(op, &resp)?;
        self.untrack(alias);
        Ok(())
    }

    /// The member SIDs of an open alias, in the server's order.
    pub(crate) async fn alias_members(&mut self, alias: ContextHandle) -> Result<Vec<Sid>> {
        let op = self.op();
        let resp = self
            .call(&w::SamrGetMembersInAliasRequest {
                alias_handle: alias,
            })
            .await?;
        status::ok(op, &resp)?;
        let sids = resp.members.sids.unwrap_or_default();
        if sids.len() != resp.members.count as usize {
            return Err(bad(
                op,
                format!(
                    "SamrGetMembersInAlias answered {} SIDs for a count of {}",
                    sids.len(),
                    resp.members.count
                ),
            ));
        }
        sids.iter()
            .map(|s| {
                s.sid_pointer.as_ref().and_then(sid_of).ok_or_else(|| {
                    bad(
                        op,
                        "SamrGetMembersInAlias answered a NULL member SID".into(),
                    )
                })
            })
            .collect()
    }

    /// Add `member` to an open alias.
    pub(crate) async fn add_alias_member(
        &mut self,
        alias: ContextHandle,
        member: &Sid,
    ) -> Result<()> {
        let op = self.op();
        let resp = self
            .call(&w::SamrAddMemberToAliasRequest {
                alias_handle: alias,
                member_id: rpc_sid(member),
            })
            .await?;
        status::ok(op, &resp)
    }

    /// Remove `member` from an open alias.
    pub(crate) async fn remove_alias_member(
        &mut self,
        alias: ContextHandle,
        member: &Sid,
    ) -> Result<()> {
        let op = self.op();
        let resp = self
            .call(&w::SamrRemoveMemberFromAliasRequest {
                alias_handle: alias,
                member_id: rpc_sid(member),
            })
            .await?;
        status::ok(op, &resp)
    }

    /// One page of the aliases of `domain` from enumeration context `context`.
    pub(crate) async fn enum_aliases(
        &mut self,
        domain: &Domain,
        context: u32,
        pref_max_len: u32,
    ) -> Result<EnumPage> {
        self.enumerate(&w::SamrEnumerateAliasesInDomainRequest {
            domain_handle: domain.handle,
            enumeration_context: context,
            prefered_maximum_length: pref_max_len,
        })
        .await
    }
}

fn bad(op: &'static str, why: String) -> Error {
    Error::local(op, Kind::Protocol, WinError::RPC_X_BAD_STUB_DATA, why)
}
