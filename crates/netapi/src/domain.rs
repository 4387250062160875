//! Domain controllers, membership and name validation: NetGetDCName and NetGetAnyDCName
//! ([MS-NRPC] 3.5.4.3.4–3.5.4.3.5, netlogon), NetGetJoinInformation and NetValidateName
//! ([MS-WKST] 3.2.4.12, 3.2.4.16, wkssvc).
//!
//! NetValidateName sends the optional account's password as a `JOINPR_ENCRYPTED_USER_PASSWORD`
//! encrypted with the SMB session's key ([MS-WKST] 2.2.5.18); over `ncacn_ip_tcp` there is no
//! such key, so a password there is refused before anything is sent.
//! quirk(samba-4.17): only the AD DC has `\PIPE\netlogon` (the file server: the service is not
//! started, 2184); NetrGetDCName answers `\\DC1` for `LABDOM` and `NERR_DCNotFound` for the DNS
//! name; NetrGetAnyDCName answers `ERROR_NO_SUCH_DOMAIN` for every domain (it only looks at
//! trusted domains). No Samba role implements NetrGetJoinInformation or NetrValidateName2
//! (`nca_s_op_rng_error`, 1745).

use netapi_codes::WinError;
use netapi_msrpc::{netlogon as n, wkssvc as w};

use crate::client::blocking;
use crate::rpc::wkssvc::password;
use crate::rpc::{self, args, status};
use crate::{AsyncClient, Error, Kind, Result};

/// `NETSETUP_JOIN_STATUS` ([MS-WKST] 2.2.3.1): the status is unknown.
pub const NET_SETUP_UNKNOWN_STATUS: u32 = 0;
/// Not joined.
pub const NET_SETUP_UNJOINED: u32 = 1;
/// A member of a workgroup.
pub const NET_SETUP_WORKGROUP_NAME: u32 = 2;
/// A member of a domain.
pub const NET_SETUP_DOMAIN_NAME: u32 = 3;

/// `NETSETUP_NAME_TYPE` ([MS-WKST] 2.2.3.2): a NetBIOS computer name not in use.
pub const NET_SETUP_MACHINE: u32 = 1;
/// A workgroup name.
pub const NET_SETUP_WORKGROUP: u32 = 2;
/// The NetBIOS name of an existing domain.
pub const NET_SETUP_DOMAIN: u32 = 3;
/// A NetBIOS domain name no domain has.
pub const NET_SETUP_NON_EXISTENT_DOMAIN: u32 = 4;
/// A DNS computer name.
pub const NET_SETUP_DNS_MACHINE: u32 = 5;

/// What NetGetJoinInformation answers: pywin32's `(name, status)`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct JoinInformation {
    /// The domain or workgroup name.
    pub name: String,
    /// `NETSETUP_JOIN_STATUS`: 0 unknown, 1 unjoined, 2 workgroup, 3 domain.
    pub status: u32,
}

impl AsyncClient {
    /// NetGetDCName: the primary domain controller of `domain` (None: the server's domain), as
    /// `\\NAME`.
    pub async fn get_dc_name(&self, domain: Option<&str>) -> Result<String> {
        const OP: &str = "NetGetDCName";
        args::opt_text(OP, "domain name", domain)?;
        let req = n::NetrGetDCNameRequest {
            server_name: self.unc(),
            domain_name: domain.map(str::to_string),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        dc_name(OP, resp.buffer)
    }

    /// NetGetAnyDCName: any domain controller of `domain` (None: the server's domain), as
    /// `\\NAME`.
    pub async fn get_any_dc_name(&self, domain: Option<&str>) -> Result<String> {
        const OP: &str = "NetGetAnyDCName";
        args::opt_text(OP, "domain name", domain)?;
        let req = n::NetrGetAnyDCNameRequest {
            server_name: Some(self.unc()),
            domain_name: domain.map(str::to_string),
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        dc_name(OP, resp.buffer)
    }

    /// NetGetJoinInformation: the domain or workgroup the server belongs to.
    pub async fn get_join_information(&self) -> Result<JoinInformation> {
        const OP: &str = "NetGetJoinInformation";
        let req = w::NetrGetJoinInformationRequest {
            server_name: Some(self.unc()),
            name_buffer: None,
        };
        let resp = rpc::call(&self.conn, OP, &req).await?;
        status::ok(OP, &resp)?;
        let status = u32::from(resp.buffer_type.0);
        if status > NET_SETUP_DOMAIN_NAME {
            return Err(Error::local(
                OP,
                Kind::Protocol,
                WinError::RPC_X_BAD_STUB_DATA,
                format!("the server answered join status {status}, not a NETSETUP_JOIN_STATUS"),
            ));
        }
        Ok(JoinInformation {
            name: resp.name_buffer.unwrap_or_default(),
            status,
        })
    }

    /// NetValidateName: whether `name` is valid as `name_type` (`NET_SETUP_MACHINE` 1 …
    /// `NET_SETUP_DNS_MACHINE` 5), checked by the server, optionally as `account` with
    /// `password` (for domain names). `Ok(())` when valid; the server's reason otherwise.
    pub async fn validate_name(
        &self,
        name: &str,
        name_type: u32,
        account: Option<&str>,
        password: Option<&str>,
    ) -> Result<()> {
        const OP: &str = "NetValidateName";
        args::name(OP, "name", name)?;
        args::opt_text(OP, "account", account)?;
        if !(NET_SETUP_MACHINE..=NET_SETUP_DNS_MACHINE).contains(&name_type) {
            return Err(Error::usage(
                OP,
                WinError::ERROR_INVALID_PARAMETER,
                format!("name type {name_type} is not a NETSETUP_NAME_TYPE (1 to 5)"),
            ));
        }
        if password.is_some_and(|p| p.contains('\0')) {
            return Err(Error::usage(
                OP,
                WinError::ERROR_INVALID_PARAMETER,
                "the password contains a NUL character",
            ));
        }
        let server = self.unc();
        let resp = rpc::call_keyed::<w::NetrValidateName2Request, _>(&self.conn, OP, |key| {
            let password = match (password, key) {
                (None, _) => None,
                (Some(p), Some(key)) => Some(password::encrypt(p, &key).map_err(|e| {
                    Error::usage(OP, WinError::ERROR_INVALID_PARAMETER, e.to_string())
                })?),
                (Some(_), None) => {
                    return Err(Error::usage(
                        OP,
                        WinError::ERROR_NOT_SUPPORTED,
                        "a password needs the SMB session key to be encrypted with \
                         ([MS-WKST] 2.2.5.18): use the named-pipe transport",
                    ));
                }
            };
            Ok(w::NetrValidateName2Request {
                server_name: Some(server),
                name_to_validate: name.to_string(),
                account_name: account.map(str::to_string),
                password,
                name_type: w::NetSetupNameType(name_type as u16),
            })
        })
        .await?;
        status::ok(OP, &resp)
    }
}

/// The DC name a successful answer carries (never NULL on success).
fn dc_name(op: &'static str, buffer: Option<String>) -> Result<String> {
    buffer.ok_or_else(|| {
        Error::local(
            op,
            Kind::Protocol,
            WinError::RPC_X_BAD_STUB_DATA,
            "the server answered success without a name",
        )
    })
}

blocking! {
    /// NetGetDCName.
    fn get_dc_name(&self, domain: Option<&str>) -> String = "NetGetDCName";
    /// NetGetAnyDCName.
    fn get_any_dc_name(&self, domain: Option<&str>) -> String = "NetGetAnyDCName";
    /// NetGetJoinInformation.
    fn get_join_information(&self) -> JoinInformation = "NetGetJoinInformation";
    /// NetValidateName.
    fn validate_name(&self, name: &str, name_type: u32, account: Option<&str>, password: Option<&str>) -> () = "NetValidateName";
}
