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

pub(crate) mod user_all;

use netapi_msrpc::dtyp::{RpcSid, RpcUnicodeString};
use netapi_msrpc::samr::{self as w, Samr, access};
use netapi_ndr::ContextHandle;

use super::session::{HandleInterface, Session};
use super::status;
use crate::info::Sid;
use crate::{Error, Kind, Result};

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
            .call(&w::SamrConnect5Request {
                server_name: None,
                desired_access: access::MAXIMUM_ALLOWED,
                in_version: 1,
                in_revision_info: w::SamprRevisionInfo::V1(w::SamprRevisionInfoV1 {
                    revision: 3,
                    supported_features: 0,
                }),
            })
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
        // The server lists its account domain and Builtin ([MS-SAMR] 3.1.5.2.1).
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
            .map(|b| b.entries())
            .unwrap_or_default()
            .iter()
            .filter_map(|e| e.name.to_string_lossy())
            .find(|n| !n.eq_ignore_ascii_case("Builtin"))
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
