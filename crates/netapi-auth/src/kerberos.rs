//! Kerberos v5 client setup ([MS-KILE] 3.3, RFC 4120) on top of sspi's Kerberos package.
//!
//! sspi runs AS and TGS exchanges and builds the AP-REQ; this module decides the realm, the
//! client principal and the SPN (`service/target_host`, [MS-KILE] 3.3.5.1), points sspi at the
//! explicit KDC through [`crate::kdc_client`], and names KDC error codes (RFC 4120 7.5.9).
//! Left out: NT-hash (RC4 key) and keytab logons, cross-realm referrals to other KDCs,
//! delegation (KRB-CRED), and PKINIT.

use std::fmt;
use std::net::IpAddr;

use crate::AuthError;
use crate::credentials::{Credentials, Secret};
use crate::options::AuthOptions;

/// A KRB-ERROR `error-code` (RFC 4120 7.5.9, [MS-KILE] 2.2.1). An open set: unknown codes are
/// kept and printed as numbers.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct KrbErrorCode(pub u32);

macro_rules! krb_error_codes {
    ($($name:ident = $value:expr, $text:expr;)*) => {
        #[allow(missing_docs)]
        impl KrbErrorCode {
            $(pub const $name: KrbErrorCode = KrbErrorCode($value);)*

            /// The RFC 4120 name, if the code is one we know.
            pub fn name(self) -> Option<&'static str> {
                match self.0 {
                    $($value => Some(stringify!($name)),)*
                    _ => None,
                }
            }

            /// A short description, if the code is one we know.
            pub fn description(self) -> Option<&'static str> {
                match self.0 {
                    $($value => Some($text),)*
                    _ => None,
                }
            }
        }
    };
}

krb_error_codes! {
    KDC_ERR_NAME_EXP = 1, "client's entry in the database has expired";
    KDC_ERR_SERVICE_EXP = 2, "server's entry in the database has expired";
    KDC_ERR_BAD_PVNO = 3, "requested protocol version not supported";
    KDC_ERR_C_PRINCIPAL_UNKNOWN = 6, "client not found in the Kerberos database";
    KDC_ERR_S_PRINCIPAL_UNKNOWN = 7, "server (SPN) not found in the Kerberos database";
    KDC_ERR_PRINCIPAL_NOT_UNIQUE = 8, "multiple principal entries in the database";
    KDC_ERR_NULL_KEY = 9, "the client or server has a null key";
    KDC_ERR_BADOPTION = 13, "KDC cannot accommodate the requested option";
    KDC_ERR_ETYPE_NOSUPP = 14, "KDC has no support for the encryption type";
    KDC_ERR_CLIENT_REVOKED = 18, "client's credentials have been revoked (account disabled or locked)";
    KDC_ERR_SERVICE_REVOKED = 19, "credentials for the server have been revoked";
    KDC_ERR_TGT_REVOKED = 20, "TGT has been revoked";
    KDC_ERR_CLIENT_NOTYET = 21, "client not yet valid";
    KDC_ERR_KEY_EXPIRED = 23, "password has expired";
    KDC_ERR_PREAUTH_FAILED = 24, "pre-authentication failed (wrong password)";
    KDC_ERR_PREAUTH_REQUIRED = 25, "additional pre-authentication required";
    KDC_ERR_SERVER_NOMATCH = 26, "requested server and ticket don't match";
    KDC_ERR_SVC_UNAVAILABLE = 29, "a service is not available";
    KRB_AP_ERR_BAD_INTEGRITY = 31, "integrity check on decrypted field failed";
    KRB_AP_ERR_TKT_EXPIRED = 32, "ticket expired";
    KRB_AP_ERR_TKT_NYV = 33, "ticket not yet valid";
    KRB_AP_ERR_REPEAT = 34, "request is a replay";
    KRB_AP_ERR_NOT_US = 35, "the ticket isn't for us";
    KRB_AP_ERR_SKEW = 37, "clock skew too great";
    KRB_AP_ERR_MODIFIED = 41, "message stream modified";
    KRB_ERR_RESPONSE_TOO_BIG = 52, "response too big for UDP";
    KRB_ERR_GENERIC = 60, "generic error";
    KDC_ERR_WRONG_REALM = 68, "wrong realm";
}

impl fmt::Debug for KrbErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "KrbErrorCode({})", self.0),
        }
    }
}

impl fmt::Display for KrbErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.name(), self.description()) {
            (Some(name), Some(text)) => write!(f, "{name} ({}): {text}", self.0),
            _ => write!(f, "Kerberos error {}", self.0),
        }
    }
}

/// The Kerberos inputs derived from credentials and options.
pub(crate) struct KerberosTarget {
    /// `service/host`.
    pub spn: String,
    /// Upper-case realm.
    pub realm: String,
}

/// Check that Kerberos can run with these inputs, and derive the realm and SPN.
pub(crate) fn target(
    creds: &Credentials,
    opts: &AuthOptions,
    service: &str,
) -> Result<KerberosTarget, AuthError> {
    match creds.secret {
        Secret::Password(_) => {}
        Secret::NtHash(_) => {
            return Err(AuthError::Usage(
                "Kerberos needs the password: an NT hash logon (RC4 key) is not supported"
                    .to_owned(),
            ));
        }
        Secret::Anonymous => {
            return Err(AuthError::Usage(
                "Kerberos has no anonymous logon here; use NTLM".to_owned(),
            ));
        }
    }
    let host = spn_host(opts).ok_or_else(|| {
        AuthError::Usage(
            "Kerberos needs AuthOptions::target_host, a host name (not an IP address) for the SPN"
                .to_owned(),
        )
    })?;
    if service.is_empty() || service.contains('/') || service.contains('@') {
        return Err(AuthError::Usage(format!(
            "invalid SPN service class {service:?}"
        )));
    }
    let realm = match &opts.realm {
        Some(r) if !r.trim().is_empty() => r.trim().to_uppercase(),
        _ if !creds.domain().is_empty() => creds.domain().to_uppercase(),
        _ => {
            return Err(AuthError::Usage(
                "Kerberos needs a realm: set AuthOptions::realm or a domain in the credentials"
                    .to_owned(),
            ));
        }
    };
    if opts.kdc.is_none() {
        return Err(AuthError::Usage(
            "Kerberos needs AuthOptions::kdc (the KDC is never looked up)".to_owned(),
        ));
    }
    Ok(KerberosTarget {
        spn: format!("{service}/{host}"),
        realm,
    })
}

/// The SPN host, when it is a name rather than an address.
pub(crate) fn spn_host(opts: &AuthOptions) -> Option<&str> {
    let host = opts.target_host.as_deref()?.trim().trim_end_matches('.');
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() || bare.parse::<IpAddr>().is_ok() || host.contains('/') {
        return None;
    }
    Some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_print_names() {
        assert_eq!(
            format!("{:?}", KrbErrorCode::KDC_ERR_PREAUTH_FAILED),
            "KDC_ERR_PREAUTH_FAILED"
        );
        assert_eq!(format!("{:?}", KrbErrorCode(99)), "KrbErrorCode(99)");
        assert!(KrbErrorCode(24).to_string().contains("wrong password"));
    }

    #[test]
    fn target_derivation() {
        let creds = Credentials::password("labdom", "Administrator", "x");
        let mut opts = AuthOptions::kerberos("127.0.0.3", "dc1.lab.example");
        let t = target(&creds, &opts, "cifs").unwrap();
        assert_eq!(t.spn, "cifs/dc1.lab.example");
        assert_eq!(t.realm, "LABDOM");
        opts.realm = Some("lab.example".into());
        assert_eq!(target(&creds, &opts, "host").unwrap().realm, "LAB.EXAMPLE");
        opts.target_host = Some("127.0.0.3".into());
        assert!(matches!(
            target(&creds, &opts, "cifs"),
            Err(AuthError::Usage(_))
        ));
        let hash = Credentials::nt_hash("d", "u", &"0".repeat(32)).unwrap();
        let opts = AuthOptions::kerberos("127.0.0.3", "dc1.lab.example");
        assert!(matches!(
            target(&hash, &opts, "cifs"),
            Err(AuthError::Usage(_))
        ));
    }
}
