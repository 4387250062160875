//! The user-account calls of a SAMR session, beyond lookup and query (`super`): create
//! (SamrCreateUser2InDomain, [MS-SAMR] 3.1.5.4.4), write (SamrSetInformationUser2, 3.1.5.6.4,
//! with the password encrypted under the session key), delete (SamrDeleteUser, 3.1.5.7.3),
//! the user object's security descriptor (SamrQuerySecurityObject / SamrSetSecurityObject,
//! 3.1.5.12) and the enumeration (SamrEnumerateUsersInDomain, 3.1.5.2.5).

use netapi_codes::WinError;
use netapi_msrpc::samr::{self as w, Samr, access, security_information};
use netapi_ndr::ContextHandle;

use super::Domain;
use super::enumerate::EnumPage;
use super::password::SessionKey;
use super::security::Descriptor;
use crate::rpc::session::Session;
use crate::rpc::status;
use crate::{Error, Kind, Result};

/// SamrEnumerateUsersInDomain of the users of `domain` whose `UserAccountControl` has any bit
/// of `acb` (0: all), from enumeration context `resume`.
pub(crate) fn users_request(
    domain: &Domain,
    resume: u32,
    acb: u32,
    pref_max_len: u32,
) -> w::SamrEnumerateUsersInDomainRequest {
    w::SamrEnumerateUsersInDomainRequest {
        domain_handle: domain.handle,
        enumeration_context: resume,
        user_account_control: acb,
        prefered_maximum_length: pref_max_len,
    }
}

impl Session<'_, Samr> {
    /// Create account `name` of `account_type` (a `USER_*_ACCOUNT` bit) in `domain`: its open
    /// handle (closed when the session ends) and RID.
    pub(crate) async fn create_user(
        &mut self,
        domain: &Domain,
        name: &str,
        account_type: u32,
    ) -> Result<(ContextHandle, u32)> {
        let op = self.op();
        let resp = self
            .call(&w::SamrCreateUser2InDomainRequest {
                domain_handle: domain.handle,
                name: super::wire_name(op, "user name", name)?,
                account_type,
                desired_access: access::MAXIMUM_ALLOWED,
            })
            .await?;
        status::ok(op, &resp)?;
        self.track(resp.user_handle);
        Ok((resp.user_handle, resp.relative_id))
    }

    /// SamrSetInformationUser2 of `buffer` on an open user. A refused write drops the
    /// association: quirk(samba-4.17): the AD DC answers some refusals (a NULL string whose
    /// field bit is set) from inside a database transaction it leaves open, so whatever the
    /// association does next — a NetUserAdd's undoing delete included — is rolled back when
    /// it closes.
    pub(crate) async fn set_user(
        &mut self,
        user: ContextHandle,
        buffer: w::SamprUserInfoBuffer,
    ) -> Result<()> {
        let op = self.op();
        let class = w::UserInformationClass(netapi_ndr::NdrUnion::discriminant(&buffer) as u16);
        let resp = self
            .call(&w::SamrSetInformationUser2Request {
                user_handle: user,
                user_information_class: class,
                buffer,
            })
            .await?;
        let done = status::ok(op, &resp);
        if done.is_err() {
            self.discard();
        }
        done
    }

    /// SamrDeleteUser: the account goes, and its handle with it.
    pub(crate) async fn delete_user(&mut self, user: ContextHandle) -> Result<()> {
        let op = self.op();
        let resp = self
            .call(&w::SamrDeleteUserRequest { user_handle: user })
            .await?;
        status::ok(op, &resp)?;
        // A deleted account's handle is closed by the server ([MS-SAMR] 3.1.5.7.3).
        self.untrack(user);
        Ok(())
    }

    /// The DACL part of an open user's security descriptor.
    pub(crate) async fn user_security(&mut self, user: ContextHandle) -> Result<Descriptor> {
        let op = self.op();
        let resp = self
            .call(&w::SamrQuerySecurityObjectRequest {
                object_handle: user,
                security_information: security_information::DACL,
            })
            .await?;
        status::ok(op, &resp)?;
        let bytes = resp
            .security_descriptor
            .and_then(|d| d.security_descriptor)
            .unwrap_or_default();
        if bytes.is_empty() {
            // No descriptor at all: nothing is denied.
            return Ok(Descriptor::empty());
        }
        Descriptor::parse(&bytes).map_err(|e| e.with_op(op))
    }

    /// Replace an open user's DACL with that of `d`.
    pub(crate) async fn set_user_security(
        &mut self,
        user: ContextHandle,
        d: &Descriptor,
    ) -> Result<()> {
        let op = self.op();
        let bytes = d.to_bytes();
        let resp = self
            .call(&w::SamrSetSecurityObjectRequest {
                object_handle: user,
                security_information: security_information::DACL,
                security_descriptor: w::SamprSrSecurityDescriptor {
                    length: bytes.len() as u32,
                    security_descriptor: Some(bytes),
                },
            })
            .await?;
        status::ok(op, &resp)
    }

    /// The key passwords are encrypted with on this association ([MS-SAMR] 3.2.2.3); an
    /// anonymous association has none, and a password cannot be sent on it.
    pub(crate) fn password_key(&self) -> Result<SessionKey> {
        self.session_key().ok_or_else(|| {
            Error::local(
                self.op(),
                Kind::Auth,
                WinError::ERROR_ACCESS_DENIED,
                "this connection has no session key to encrypt a password with \
                 (anonymous or unauthenticated)",
            )
        })
    }

    /// One page of the users of `domain` whose `UserAccountControl` has any bit of `acb`
    /// (0: all), starting at enumeration context `resume`.
    pub(crate) async fn enum_users(
        &mut self,
        domain: &Domain,
        resume: u32,
        acb: u32,
        pref_max_len: u32,
    ) -> Result<EnumPage> {
        self.enumerate(&users_request(domain, resume, acb, pref_max_len))
            .await
    }
}
