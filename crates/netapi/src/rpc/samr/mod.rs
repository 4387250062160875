//! The account families over [MS-SAMR] (`\PIPE\samr`; `ncacn_ip_tcp` for
//! SamrValidatePassword): the session helpers every NetUser*, NetGroup* and NetLocalGroup*
//! function starts from, and the superset conversion of the user levels ([`user_all`]).
//!
//! A SAMR function is a sequence on context handles: connect (SamrConnect5), find and open the
//! account domain (SamrEnumerateDomainsInSamServer, SamrLookupDomainInSamServer,
//! SamrOpenDomain) or BUILTIN (S-1-5-32), then open and work on an account. The first part is
//! the same for every call, so each association keeps it in its cache ([`SamrCache`], see
//! `rpc::session`): after the first call on a pipe, NetUserGetInfo costs lookup + open + query
//! + close, as in Windows' netapi32 and Samba's libnetapi.

pub(crate) mod alias;
pub(crate) mod display;
pub(crate) mod domain_info;
pub(crate) mod enumerate;
pub(crate) mod group;
pub(crate) mod password;
pub(crate) mod rids;
pub(crate) mod security;
pub(crate) mod user_all;
pub(crate) mod user_ops;
pub(crate) mod user_write;
pub(crate) mod validate;

use netapi_codes::{NtStatus, WinError};
use netapi_msrpc::dtyp::{RpcSid, RpcUnicodeString};
use netapi_msrpc::samr::{self as w, Samr, SidNameUse, access};
use netapi_ndr::ContextHandle;

use super::session::{HandleInterface, Session};
use super::status;
use super::translate;
use crate::con::{USER_PRIV_ADMIN, USER_PRIV_GUEST, USER_PRIV_USER};
use crate::error::Code;
use crate::info::Sid;
use crate::{Error, Kind, Result};

/// Most names or RIDs one SamrLookupNamesInDomain / SamrLookupIdsInDomain takes
/// ([MS-SAMR] 3.1.5.11.2: `SAM_MAXIMUM_LOOKUP_COUNT`).
pub(crate) const LOOKUP_BATCH: usize = 1000;

/// RIDs of the BUILTIN aliases that decide a user's `priv` ([MS-SAMR] 2.2.1.14).
const ADMINISTRATORS: u32 = 544;
const GUESTS: u32 = 546;

impl HandleInterface for Samr {
    type Close = w::SamrCloseHandleRequest;

    fn close_request(handle: ContextHandle) -> Self::Close {
        w::SamrCloseHandleRequest { sam_handle: handle }
    }
}

/// An open domain of the SAM server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Domain {
    /// Its handle (opened `MAXIMUM_ALLOWED`).
    pub handle: ContextHandle,
    /// Its SID.
    pub sid: Sid,
    /// Its NetBIOS name (`FILESRV`, `LABDOM`, `Builtin`).
    pub name: String,
}

/// What one SAMR association keeps between calls (`rpc::session`: it lives and dies with the
/// association).
#[derive(Debug, Default)]
pub(crate) struct SamrCache {
    server: Option<ContextHandle>,
    account: Option<Domain>,
    builtin: Option<Domain>,
    /// Where a NetUserEnum stands on this association's account-domain handle
    /// (`user_enum.rs`, quirk(samba-4.17)).
    pub cursor: Option<crate::user_enum::Cursor>,
    /// The user NetUserGetInfo read last, kept open ([`Session::reading_user`]).
    user: Option<KeptUser>,
}

/// A user handle kept open between calls: its domain's handle, its RID, and itself.
#[derive(Debug, Clone, Copy)]
struct KeptUser {
    domain: ContextHandle,
    rid: u32,
    handle: ContextHandle,
}

/// The SID of a wire `RPC_SID`.
pub(crate) fn sid_of(s: &RpcSid) -> Option<Sid> {
    Sid::new(s.authority(), &s.sub_authority)
}

/// The wire `RPC_SID` of a SID (a [`Sid`] holds at most 15 sub-authorities and a 48-bit
/// authority, what `RPC_SID` can carry).
pub(crate) fn rpc_sid(s: &Sid) -> RpcSid {
    let mut authority = [0u8; 6];
    authority.copy_from_slice(&s.authority().to_be_bytes()[2..]);
    RpcSid {
        revision: 1,
        sub_authority_count: s.sub_authorities().len() as u8,
        identifier_authority: authority,
        sub_authority: s.sub_authorities().to_vec(),
    }
}

/// The wire string of a name (checked for length before anything is sent).
pub(crate) fn wire_name(op: &'static str, what: &str, s: &str) -> Result<RpcUnicodeString> {
    RpcUnicodeString::new(s).map_err(|_| {
        Error::usage(
            op,
            netapi_codes::WinError::ERROR_INVALID_PARAMETER,
            format!("{what} is too long"),
        )
    })
}

impl Session<'_, Samr> {
    /// The SAM server handle of this association (SamrConnect5, cached).
    pub(crate) async fn server(&mut self) -> Result<ContextHandle> {
        if let Some(h) = self.cache::<SamrCache>().and_then(|c| c.server) {
            return Ok(h);
        }
        let op = self.op();
        let resp = self
            .call(&w::SamrConnect5Request::maximum_allowed())
            .await?;
        status::ok(op, &resp)?;
        if let Some(c) = self.cache::<SamrCache>() {
            c.server = Some(resp.server_handle);
        }
        Ok(resp.server_handle)
    }

    /// The account domain (the server's own accounts: `FILESRV` on a standalone or member
    /// server, the domain on a DC), opened and cached.
    pub(crate) async fn account_domain(&mut self) -> Result<Domain> {
        if let Some(d) = self.cache::<SamrCache>().and_then(|c| c.account.clone()) {
            return Ok(d);
        }
        let op = self.op();
        let server = self.server().await?;
        let resp = self
            .call(&w::SamrEnumerateDomainsInSamServerRequest {
                server_handle: server,
                enumeration_context: 0,
                prefered_maximum_length: u32::MAX,
            })
            .await?;
        status::ok(op, &resp)?;
        let name = resp
            .buffer
            .as_ref()
            .and_then(|b| b.account_domain())
            .and_then(|n| n.as_str().map(str::to_owned))
            .ok_or_else(|| {
                Error::local(
                    op,
                    Kind::Protocol,
                    netapi_codes::WinError::ERROR_NO_SUCH_DOMAIN,
                    "the SAM server lists no account domain",
                )
            })?;
        let resp = self
            .call(&w::SamrLookupDomainInSamServerRequest {
                server_handle: server,
                name: wire_name(op, "domain name", &name)?,
            })
            .await?;
        status::ok(op, &resp)?;
        let sid = resp.domain_id.as_ref().and_then(sid_of).ok_or_else(|| {
            Error::local(
                op,
                Kind::Protocol,
                netapi_codes::WinError::RPC_X_BAD_STUB_DATA,
                "SamrLookupDomainInSamServer answered no SID",
            )
        })?;
        let domain = self.open_domain(server, sid, name).await?;
        if let Some(c) = self.cache::<SamrCache>() {
            c.account = Some(domain.clone());
        }
        Ok(domain)
    }

    /// The BUILTIN domain (S-1-5-32: Administrators, Users, Guests, …), opened and cached.
    pub(crate) async fn builtin_domain(&mut self) -> Result<Domain> {
        if let Some(d) = self.cache::<SamrCache>().and_then(|c| c.builtin.clone()) {
            return Ok(d);
        }
        let server = self.server().await?;
        let domain = self
            .open_domain(server, Sid::builtin(), "Builtin".to_string())
            .await?;
        if let Some(c) = self.cache::<SamrCache>() {
            c.builtin = Some(domain.clone());
        }
        Ok(domain)
    }

    async fn open_domain(
        &mut self,
        server: ContextHandle,
        sid: Sid,
        name: String,
    ) -> Result<Domain> {
        let op = self.op();
        let resp = self
            .call(&w::SamrOpenDomainRequest {
                server_handle: server,
                desired_access: access::MAXIMUM_ALLOWED,
                domain_id: rpc_sid(&sid),
            })
            .await?;
        status::ok(op, &resp)?;
        Ok(Domain {
            handle: resp.domain_handle,
            sid,
            name,
        })
    }
}

/// One account a name resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Account {
    pub rid: u32,
    pub kind: SidNameUse,
}

impl Session<'_, Samr> {
    /// The accounts `names` resolve to in `domain` (SamrLookupNamesInDomain, 1000 names per
    /// call); `None` for a name the server did not map.
    pub(crate) async fn lookup_names(
        &mut self,
        domain: &Domain,
        names: &[&str],
    ) -> Result<Vec<Option<Account>>> {
        let op = self.op();
        let mut out = Vec::with_capacity(names.len());
        for batch in names.chunks(LOOKUP_BATCH) {
            let wire = batch
                .iter()
                .map(|n| wire_name(op, "account name", n))
                .collect::<Result<Vec<_>>>()?;
            let resp = self
                .call(&w::SamrLookupNamesInDomainRequest {
                    domain_handle: domain.handle,
                    count: wire.len() as u32,
                    names: wire,
                })
                .await?;
            let found = match status::check(op, &resp) {
                Ok(_) => true,
                // None mapped: every entry is unknown (the arrays may be empty).
                Err(e) if e.code() == Code::Nt(NtStatus::STATUS_NONE_MAPPED) => false,
                Err(e) => return Err(e),
            };
            let rids = resp.relative_ids.elements();
            let uses = resp.r#use.elements();
            if found && (rids.len() != batch.len() || uses.len() != batch.len()) {
                return Err(Error::local(
                    op,
                    Kind::Protocol,
                    WinError::RPC_X_BAD_STUB_DATA,
                    format!(
                        "SamrLookupNamesInDomain answered {} RIDs and {} uses for {} names",
                        rids.len(),
                        uses.len(),
                        batch.len()
                    ),
                ));
            }
            for i in 0..batch.len() {
                let kind = uses.get(i).map(|u| SidNameUse(*u as u16));
                out.push(match (found, rids.get(i), kind) {
                    (true, Some(&rid), Some(kind))
                        if kind != SidNameUse::SID_TYPE_UNKNOWN
                            && kind != SidNameUse::SID_TYPE_INVALID =>
                    {
                        Some(Account { rid, kind })
                    }
                    _ => None,
                });
            }
        }
        Ok(out)
    }

    /// The account `name` resolves to in `domain`, which must be of `kind`; otherwise the
    /// error netapi32 gives for a name that is not such an account (`STATUS_NONE_MAPPED`,
    /// translated per function by `rpc::translate`: `NERR_UserNotFound` in NetUser*, …).
    pub(crate) async fn lookup(
        &mut self,
        domain: &Domain,
        name: &str,
        kind: SidNameUse,
    ) -> Result<u32> {
        let op = self.op();
        match self.lookup_names(domain, &[name]).await?.first() {
            Some(Some(a)) if a.kind == kind => Ok(a.rid),
            _ => Err(
                translate::server_error(op, Code::Nt(NtStatus::STATUS_NONE_MAPPED)).with_detail(
                    format!("{name:?} is not a {} in {}", kind_name(kind), domain.name),
                ),
            ),
        }
    }

    /// Open user `rid` of `domain` (closed when the session ends).
    pub(crate) async fn open_user(
        &mut self,
        domain: &Domain,
        rid: u32,
        access: u32,
    ) -> Result<ContextHandle> {
        let op = self.op();
        let resp = self
            .call(&w::SamrOpenUserRequest {
                domain_handle: domain.handle,
                desired_access: access,
                user_id: rid,
            })
            .await?;
        status::ok(op, &resp)?;
        self.track(resp.user_handle);
        Ok(resp.user_handle)
    }

    /// A handle on user `rid` of `domain` to read it through (`MAXIMUM_ALLOWED`), kept open
    /// on the association for the next call reading the same account: a warm NetUserGetInfo
    /// of one account then makes neither SamrOpenUser nor SamrCloseHandle (two of its seven
    /// calls). One handle is kept; opening another closes it, and it goes with the rest of the
    /// cache (an association lost, a handle the server calls invalid).
    ///
    /// A kept handle is never another account's: the caller's lookup gave `rid` in this
    /// call, and a domain does not give a deleted account's RID to a new one (RIDs come from
    /// a counter that only grows: AD's RID pools, `rIDNextRID`; Samba's next-RID record).
    /// Everything is read anew through it, so nothing it returns is cached.
    pub(crate) async fn reading_user(
        &mut self,
        domain: &Domain,
        rid: u32,
    ) -> Result<ContextHandle> {
        let kept = self.cache::<SamrCache>().and_then(|c| c.user);
        if let Some(k) = kept
            && k.domain == domain.handle
            && k.rid == rid
        {
            return Ok(k.handle);
        }
        let handle = self.open_user(domain, rid, access::MAXIMUM_ALLOWED).await?;
        if let Some(old) = self.cache::<SamrCache>().and_then(|c| c.user.take()) {
            self.close(old.handle).await;
        }
        // Without a cache (the association was lost meanwhile) the handle stays tracked,
        // closed or run down with the session.
        if let Some(c) = self.cache::<SamrCache>() {
            c.user = Some(KeptUser {
                domain: domain.handle,
                rid,
                handle,
            });
            self.untrack(handle);
        }
        Ok(handle)
    }

    /// Every field of an open user (SamrQueryInformationUser2, `UserAllInformation`).
    pub(crate) async fn query_user_all(
        &mut self,
        user: ContextHandle,
    ) -> Result<w::SamprUserAllInformation> {
        let op = self.op();
        let resp = self
            .call(&w::SamrQueryInformationUser2Request {
                user_handle: user,
                user_information_class: w::UserInformationClass::USER_ALL_INFORMATION,
            })
            .await?;
        status::ok(op, &resp)?;
        match resp.buffer {
            Some(w::SamprUserInfoBuffer::All(all)) => Ok(*all),
            other => Err(super::levels::wrong_level(
                op,
                21,
                other.map_or(-1, |b| netapi_ndr::NdrUnion::discriminant(&b)),
            )),
        }
    }

    /// The global groups of an open user (SamrGetGroupsForUser): (RID, `SE_GROUP_*`).
    pub(crate) async fn user_groups(&mut self, user: ContextHandle) -> Result<Vec<(u32, u32)>> {
        let op = self.op();
        let resp = self
            .call(&w::SamrGetGroupsForUserRequest { user_handle: user })
            .await?;
        status::ok(op, &resp)?;
        Ok(resp
            .groups
            .and_then(|g| g.groups)
            .unwrap_or_default()
            .into_iter()
            .map(|g| (g.relative_id, g.attributes))
            .collect())
    }

    /// The RIDs of the aliases of `domain` that any of `sids` belongs to (SamrGetAliasMembership).
    pub(crate) async fn alias_membership(
        &mut self,
        domain: &Domain,
        sids: &[Sid],
    ) -> Result<Vec<u32>> {
        let op = self.op();
        let resp = self
            .call(&w::SamrGetAliasMembershipRequest {
                domain_handle: domain.handle,
                sid_array: w::SamprPsidArray {
                    count: sids.len() as u32,
                    sids: Some(
                        sids.iter()
                            .map(|s| w::SamprSidInformation {
                                sid_pointer: Some(rpc_sid(s)),
                            })
                            .collect(),
                    ),
                },
            })
            .await?;
        status::ok(op, &resp)?;
        Ok(resp.membership.elements().to_vec())
    }

    /// `usriN_priv` of an open user, as netapi32 derives it: `USER_PRIV_ADMIN` when the user or
    /// one of its global groups is in BUILTIN\Administrators, else `USER_PRIV_GUEST` when in
    /// BUILTIN\Guests, else `USER_PRIV_USER`.
    pub(crate) async fn user_priv(
        &mut self,
        domain: &Domain,
        user: ContextHandle,
        rid: u32,
    ) -> Result<u32> {
        let mut sids: Vec<Sid> = domain.sid.with_rid(rid).into_iter().collect();
        for (group, _) in self.user_groups(user).await? {
            sids.extend(domain.sid.with_rid(group));
        }
        let builtin = self.builtin_domain().await?;
        let aliases = self.alias_membership(&builtin, &sids).await?;
        Ok(if aliases.contains(&ADMINISTRATORS) {
            USER_PRIV_ADMIN
        } else if aliases.contains(&GUESTS) {
            USER_PRIV_GUEST
        } else {
            USER_PRIV_USER
        })
    }
}

/// A kind of account, as an error message says it.
fn kind_name(kind: SidNameUse) -> &'static str {
    match kind {
        SidNameUse::SID_TYPE_USER => "user",
        SidNameUse::SID_TYPE_GROUP => "group",
        SidNameUse::SID_TYPE_ALIAS => "local group",
        _ => "account",
    }
}
