//! Global groups on the SAMR session: open (SamrOpenGroup, [MS-SAMR] 3.1.5.1.7), create
//! (SamrCreateGroupInDomain, 3.1.5.4.2), query and set (SamrQueryInformationGroup /
//! SamrSetInformationGroup, 3.1.5.5.3 / 3.1.5.6.2), delete (SamrDeleteGroup, 3.1.5.7.1),
//! membership (SamrAddMemberToGroup / SamrRemoveMemberFromGroup / SamrGetMembersInGroup,
//! 3.1.5.8.1–3), the display pages NetGroupEnum reads (SamrQueryDisplayInformation,
//! 3.1.5.3.3), and the conversions between `GROUP_INFO_*` and the wire.

use netapi_ndr::ContextHandle;

use netapi_msrpc::samr::{self as w, Samr, access};

use super::{Domain, wire_name};
use crate::info::{GroupInfo, GroupInfo0, GroupInfo1, GroupInfo2, GroupInfo3};
use crate::rpc::levels;
use crate::rpc::session::Session;
use crate::rpc::status::{self, Outcome};
use crate::{Error, Kind, Result};

/// What a group is, as NetGroupGetInfo and NetGroupEnum read it (both from
/// `SAMPR_GROUP_GENERAL_INFORMATION` and from `SAMPR_DOMAIN_DISPLAY_GROUP`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupFacts {
    pub rid: u32,
    pub name: Option<String>,
    pub comment: Option<String>,
    pub attributes: u32,
}

impl GroupFacts {
    /// The group at `level` (0, 1, 2 or 3) of `domain`.
    pub(crate) fn at_level(self, domain: &Domain, level: u32) -> Option<GroupInfo> {
        Some(match level {
            0 => GroupInfo0 { name: self.name }.into(),
            1 => GroupInfo1 {
                name: self.name,
                comment: self.comment,
            }
            .into(),
            2 => GroupInfo2 {
                name: self.name,
                comment: self.comment,
                group_id: self.rid,
                attributes: self.attributes,
            }
            .into(),
            3 => GroupInfo3 {
                name: self.name,
                comment: self.comment,
                group_sid: domain.sid.with_rid(self.rid),
                attributes: self.attributes,
            }
            .into(),
            _ => return None,
        })
    }
}

/// The changes NetGroupSetInfo makes for `info`, in the order they are sent: the attributes
/// first (the step a server is likelier to refuse, so a refusal leaves nothing changed), then
/// the comment; level 0 renames.
pub(crate) fn set_steps(
    op: &'static str,
    info: &GroupInfo,
) -> Result<Vec<w::SamprGroupInfoBuffer>> {
    let mut steps = Vec::new();
    if let GroupInfo::L0(v) = info {
        let name = v.name.as_deref().unwrap_or_default();
        crate::rpc::args::name(op, "new group name", name)?;
        steps.push(w::SamprGroupInfoBuffer::Name(
            w::SamprGroupNameInformation {
                name: wire_name(op, "new group name", name)?,
            },
        ));
        return Ok(steps);
    }
    if let Some(attributes) = info.attributes() {
        steps.push(w::SamprGroupInfoBuffer::Attribute(
            w::GroupAttributeInformation { attributes },
        ));
    }
    if !matches!(info, GroupInfo::L1005(_)) {
        steps.push(comment_step(op, info.comment())?);
    }
    Ok(steps)
}

/// The `GroupAdminCommentInformation` setting `comment` (NULL: empty).
pub(crate) fn comment_step(
    op: &'static str,
    comment: Option<&str>,
) -> Result<w::SamprGroupInfoBuffer> {
    Ok(w::SamprGroupInfoBuffer::AdminComment(
        w::SamprGroupAdmCommentInformation {
            admin_comment: wire_name(op, "comment", comment.unwrap_or_default())?,
        },
    ))
}

impl Session<'_, Samr> {
    /// Open group `rid` of `domain` (closed when the session ends).
    pub(crate) async fn open_group(
        &mut self,
        domain: &Domain,
        rid: u32,
        access: u32,
    ) -> Result<ContextHandle> {
        let op = self.op();
        let resp = self
            .call(&w::SamrOpenGroupRequest {
                domain_handle: domain.handle,
                desired_access: access,
                group_id: rid,
            })
            .await?;
        status::ok(op, &resp)?;
        self.track(resp.group_handle);
        Ok(resp.group_handle)
    }

    /// Name, attributes, member count and comment of an open group (`GroupGeneralInformation`).
    pub(crate) async fn group_general(
        &mut self,
        group: ContextHandle,
    ) -> Result<w::SamprGroupGeneralInformation> {
        let op = self.op();
        let resp = self
            .call(&w::SamrQueryInformationGroupRequest {
                group_handle: group,
                group_information_class: w::GroupInformationClass::GROUP_GENERAL_INFORMATION,
            })
            .await?;
        status::ok(op, &resp)?;
        match resp.buffer {
            Some(w::SamprGroupInfoBuffer::General(g)) => Ok(g),
            other => Err(levels::wrong_level(
                op,
                1,
                other.map_or(-1, |b| netapi_ndr::NdrUnion::discriminant(&b)),
            )),
        }
    }

    /// Set one information class of an open group.
    pub(crate) async fn set_group(
        &mut self,
        group: ContextHandle,
        buffer: w::SamprGroupInfoBuffer,
    ) -> Result<()> {
        let op = self.op();
        let class = w::GroupInformationClass(netapi_ndr::NdrUnion::discriminant(&buffer) as u16);
        let resp = self
            .call(&w::SamrSetInformationGroupRequest {
                group_handle: group,
                group_information_class: class,
                buffer,
            })
            .await?;
        status::ok(op, &resp)
    }

    /// Create group `name` in `domain`: its handle (closed when the session ends) and RID.
    pub(crate) async fn create_group(
        &mut self,
        domain: &Domain,
        name: &str,
    ) -> Result<(ContextHandle, u32)> {
        let op = self.op();
        let resp = self
            .call(&w::SamrCreateGroupInDomainRequest {
                domain_handle: domain.handle,
                name: wire_name(op, "group name", name)?,
                desired_access: access::DELETE | access::GROUP_WRITE_ACCOUNT,
            })
            .await?;
        status::ok(op, &resp)?;
        self.track(resp.group_handle);
        Ok((resp.group_handle, resp.relative_id))
    }

    /// Delete an open group (its handle is gone with it).
    pub(crate) async fn delete_group(&mut self, group: ContextHandle) -> Result<()> {
        let op = self.op();
        let resp = self
            .call(&w::SamrDeleteGroupRequest {
                group_handle: group,
            })
            .await?;
        status::ok(op, &resp)?;
        self.untrack(group);
        Ok(())
    }

    /// The members of an open group: (RID, `SE_GROUP_*` attributes), in the server's order.
    pub(crate) async fn group_members(&mut self, group: ContextHandle) -> Result<Vec<(u32, u32)>> {
        let op = self.op();
        let resp = self
            .call(&w::SamrGetMembersInGroupRequest {
                group_handle: group,
            })
            .await?;
        status::ok(op, &resp)?;
        let Some(buffer) = resp.members else {
            return Ok(Vec::new());
        };
        let rids = buffer.members.unwrap_or_default();
        let attributes = buffer.attributes.unwrap_or_default();
        if rids.len() != buffer.member_count as usize
            || (!attributes.is_empty() && attributes.len() != rids.len())
        {
            return Err(Error::local(
                op,
                Kind::Protocol,
                netapi_codes::WinError::RPC_X_BAD_STUB_DATA,
                format!(
                    "SamrGetMembersInGroup answered {} RIDs and {} attributes for a count of {}",
                    rids.len(),
                    attributes.len(),
                    buffer.member_count
                ),
            ));
        }
        Ok(rids
            .into_iter()
            .enumerate()
            .map(|(i, rid)| {
                let attrs = attributes
                    .get(i)
                    .copied()
                    .unwrap_or(w::se_group::SE_GROUP_DEFAULT);
                (rid, attrs)
            })
            .collect())
    }

    /// Add user `rid` to an open group with `attributes`.
    pub(crate) async fn add_group_member(
        &mut self,
        group: ContextHandle,
        rid: u32,
        attributes: u32,
    ) -> Result<()> {
        let op = self.op();
        let resp = self
            .call(&w::SamrAddMemberToGroupRequest {
                group_handle: group,
                member_id: rid,
                attributes,
            })
            .await?;
        status::ok(op, &resp)
    }

    /// Remove user `rid` from an open group.
    pub(crate) async fn remove_group_member(
        &mut self,
        group: ContextHandle,
        rid: u32,
    ) -> Result<()> {
        let op = self.op();
        let resp = self
            .call(&w::SamrRemoveMemberFromGroupRequest {
                group_handle: group,
                member_id: rid,
            })
            .await?;
        status::ok(op, &resp)
    }

    /// One page of the groups of `domain` from entry `index` (SamrQueryDisplayInformation,
    /// `DomainDisplayGroup`): at most `count` entries of about `pref_max_len` bytes.
    pub(crate) async fn display_groups(
        &mut self,
        domain: &Domain,
        index: u32,
        count: u32,
        pref_max_len: u32,
    ) -> Result<(Vec<GroupFacts>, Outcome)> {
        let op = self.op();
        let resp = self
            .call(&w::SamrQueryDisplayInformationRequest {
                domain_handle: domain.handle,
                display_information_class: w::DomainDisplayInformation::DOMAIN_DISPLAY_GROUP,
                index,
                entry_count: count,
                preferred_maximum_length: pref_max_len,
            })
            .await?;
        let outcome = status::check(op, &resp)?;
        match resp.buffer {
            w::SamprDisplayInfoBuffer::GroupInformation(b) => Ok((
                b.buffer
                    .unwrap_or_default()
                    .into_iter()
                    .map(|g| GroupFacts {
                        rid: g.rid,
                        name: g.account_name.to_string_lossy(),
                        comment: g.admin_comment.to_string_lossy(),
                        attributes: g.attributes,
                    })
                    .collect(),
                outcome,
            )),
            other => Err(levels::wrong_level(
                op,
                3,
                netapi_ndr::NdrUnion::discriminant(&other),
            )),
        }
    }
}
