//! Kerberos v5 client setup ([MS-KILE] 3.3, RFC 4120) on top of sspi's Kerberos package.
//!
//! sspi runs AS and TGS exchanges and builds the AP-REQ; this module decides the realm, the
//! client principal and the SPN (`service/target_host`, [MS-KILE] 3.3.5.1), and names KDC
//! error codes (RFC 4120 7.5.9). The KDC is found by [`crate::locate`] and reached through
//! [`crate::kdc_client`]; a credential cache answers sspi's AS exchange itself
//! (`crate::cache_kdc`), a keytab's AES key replaces the password, and an RC4 key (an RC4-only
//! keytab, or an NT hash) runs our own RC4 exchanges (`crate::krb_rc4`). Left out: cross-realm
//! referrals to other KDCs, delegation (KRB-CRED), and PKINIT.

use std::fmt;
use std::net::IpAddr;

use zeroize::Zeroizing;

use crate::AuthError;
use crate::credentials::{Credentials, Secret};
use crate::mic::Enctype;
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
        Secret::Password(_) | Secret::Ccache(_) | Secret::Keytab(_) => {}
        // The NT hash is the account's RC4 key (RFC 4757): Kerberos with it when asked for
        // explicitly; Negotiate keeps to NTLM.
        Secret::NtHash(_) if opts.mechanism == crate::options::Mechanism::Kerberos => {}
        Secret::NtHash(_) => {
            return Err(AuthError::Usage(
                "an NT hash logs on with NTLM unless Kerberos is asked for (Mechanism::Kerberos)"
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
    // The realm: --realm, else the domain (upper-cased), else a UPN's suffix. A ticket cache
    // brings its own (the realm of its principal), set when the cache is read.
    let upn_suffix = creds
        .user()
        .rsplit_once('@')
        .map(|(_, s)| s)
        .filter(|s| !s.is_empty());
    let realm = match &opts.realm {
        Some(r) if !r.trim().is_empty() => r.trim().to_uppercase(),
        _ if !creds.domain().is_empty() => creds.domain().to_uppercase(),
        _ if upn_suffix.is_some() => upn_suffix.unwrap_or_default().to_uppercase(),
        _ if matches!(creds.secret, Secret::Ccache(_) | Secret::Keytab(_)) => String::new(),
        _ => {
            return Err(AuthError::Usage(
                "Kerberos needs a realm: set AuthOptions::realm, a domain in the credentials, or a user@REALM name"
                    .to_owned(),
            ));
        }
    };
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

/// What the acceptor's AP-REP ([RFC 4120] 5.5.2) asserts for the per-message tokens.
pub(crate) struct AcceptorParams {
    /// The acceptor's initial sequence number: `SND_SEQ` of its first token.
    pub seq: u32,
    /// The acceptor subkey, when the AP-REP carries one (it then protects every token).
    pub subkey: Option<(Enctype, Zeroizing<Vec<u8>>)>,
}

/// Decrypt an AP-REP (bare, as DCE style sends it, [MS-KILE] 3.4.5.1) with the ticket session
/// key and read its `seq-number` and `subkey` (RFC 4120 5.5.2, key usage 12).
///
/// sspi reads the same fields but keeps them to itself (its `remote_seq_number` is not public);
/// we need them for `GSS_VerifyMIC`, which sspi does not implement.
pub(crate) fn acceptor_params(
    ap_rep: &[u8],
    ticket_key: &[u8],
) -> Result<AcceptorParams, AuthError> {
    use picky_krb::constants::key_usages::AP_REP_ENC;
    use picky_krb::crypto::CipherSuite;
    use picky_krb::data_types::EncApRepPart;
    use picky_krb::messages::ApRep;

    let bad = |what: &str| AuthError::InvalidToken(format!("AP-REP: {what}"));
    let ap_rep: ApRep = picky_asn1_der::from_bytes(ap_rep).map_err(|_| bad("not DER"))?;
    let enc = &ap_rep.0.enc_part.0;
    let etype = der_int(&enc.etype.0.0).ok_or_else(|| bad("etype out of range"))?;
    let cipher = usize::try_from(etype)
        .ok()
        .and_then(|e| CipherSuite::try_from(e).ok())
        .ok_or_else(|| bad("unsupported enctype"))?
        .cipher();
    let plain = Zeroizing::new(
        cipher
            .decrypt(ticket_key, AP_REP_ENC, &enc.cipher.0.0)
            .map_err(|_| {
                AuthError::Failed("AP-REP does not decrypt under the ticket session key".into())
            })?,
    );
    let part: EncApRepPart =
        picky_asn1_der::from_bytes(&plain).map_err(|_| bad("EncAPRepPart not DER"))?;
    let seq = part
        .0
        .seq_number
        .0
        .as_ref()
        .ok_or_else(|| bad("no seq-number"))?;
    let seq = seq_number(&seq.0.0).ok_or_else(|| bad("seq-number out of range"))?;
    let subkey = match part.0.subkey.0.as_ref() {
        None => None,
        Some(k) => {
            let etype =
                der_int(&k.0.key_type.0.0).ok_or_else(|| bad("subkey type out of range"))?;
            let enctype = Enctype::from_etype(etype).ok_or_else(|| {
                AuthError::Failed(format!(
                    "acceptor subkey has enctype {etype}; Kerberos integrity is implemented for AES (17, 18) only"
                ))
            })?;
            let value = Zeroizing::new(k.0.key_value.0.0.clone());
            if value.len() != enctype.key_len() {
                return Err(bad("subkey length does not match its enctype"));
            }
            Some((enctype, value))
        }
    };
    // `part` still holds a copy of the subkey in picky's types, which do not zeroize.
    drop(part);
    Ok(AcceptorParams { seq, subkey })
}

/// A DER INTEGER's content octets as a signed value (at most 8 octets).
fn der_int(bytes: &[u8]) -> Option<i64> {
    if bytes.is_empty() || bytes.len() > 8 {
        return None;
    }
    let mut buf = if bytes[0] & 0x80 != 0 {
        [0xff; 8]
    } else {
        [0; 8]
    };
    buf[8 - bytes.len()..].copy_from_slice(bytes);
    Some(i64::from_be_bytes(buf))
}

/// A 32-bit sequence number from DER INTEGER content octets: minimal, unsigned with a leading
/// zero octet (RFC 4120 `UInt32`), or a short negative number (Windows' signed `Int32`), as
/// sspi reads it.
pub(crate) fn seq_number(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [0x00, rest @ ..] if rest.len() == 4 => rest.try_into().ok().map(u32::from_be_bytes),
        [first, ..] if bytes.len() <= 4 => {
            let mut buf = if first & 0x80 != 0 { [0xff; 4] } else { [0; 4] };
            buf[4 - bytes.len()..].copy_from_slice(bytes);
            Some(u32::from_be_bytes(buf))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seq_numbers_in_every_der_form() {
        assert_eq!(seq_number(&[0x01]), Some(1));
        assert_eq!(seq_number(&[0x1a, 0xad, 0x10]), Some(0x001a_ad10));
        assert_eq!(seq_number(&[0x00, 0xf0, 0, 0, 1]), Some(0xf000_0001));
        assert_eq!(seq_number(&[0xf0, 0, 0, 1]), Some(0xf000_0001));
        assert_eq!(seq_number(&[0xff]), Some(u32::MAX));
        assert_eq!(seq_number(&[]), None);
        assert_eq!(seq_number(&[1, 0, 0, 0, 0]), None);
        assert_eq!(der_int(&[0x12]), Some(18));
        assert_eq!(der_int(&[0xff, 0x7f]), Some(-129));
    }

    #[test]
    fn acceptor_params_round_trip() {
        use picky_asn1::date::GeneralizedTime;
        use picky_asn1::wrapper::{
            ExplicitContextTag0, ExplicitContextTag1, ExplicitContextTag2, ExplicitContextTag3,
            IntegerAsn1, OctetStringAsn1, Optional,
        };
        use picky_krb::constants::key_usages::AP_REP_ENC;
        use picky_krb::crypto::CipherSuite;
        use picky_krb::data_types::{
            EncApRepPart, EncApRepPartInner, EncryptedData, EncryptionKey, KerberosTime,
        };
        use picky_krb::messages::{ApRep, ApRepInner};

        let ticket_key = [0x33u8; 32];
        let subkey: Vec<u8> = (100..132).collect();
        let part = EncApRepPart::from(EncApRepPartInner {
            ctime: ExplicitContextTag0::from(KerberosTime::from(
                GeneralizedTime::new(2024, 1, 2, 3, 4, 5).unwrap(),
            )),
            cusec: ExplicitContextTag1::from(IntegerAsn1::from(vec![0x01])),
            subkey: Optional::from(Some(ExplicitContextTag2::from(EncryptionKey {
                key_type: ExplicitContextTag0::from(IntegerAsn1::from(vec![18])),
                key_value: ExplicitContextTag1::from(OctetStringAsn1::from(subkey.clone())),
            }))),
            seq_number: Optional::from(Some(ExplicitContextTag3::from(IntegerAsn1::from(vec![
                0x00, 0x9a, 0xbc, 0xde, 0xf0,
            ])))),
        });
        let plain = picky_asn1_der::to_vec(&part).unwrap();
        let cipher = CipherSuite::Aes256CtsHmacSha196
            .cipher()
            .encrypt(&ticket_key, AP_REP_ENC, &plain)
            .unwrap();
        let ap_rep = ApRep::from(ApRepInner {
            pvno: ExplicitContextTag0::from(IntegerAsn1::from(vec![5])),
            msg_type: ExplicitContextTag1::from(IntegerAsn1::from(vec![15])),
            enc_part: ExplicitContextTag2::from(EncryptedData {
                etype: ExplicitContextTag0::from(IntegerAsn1::from(vec![18])),
                kvno: Optional::from(None),
                cipher: ExplicitContextTag2::from(OctetStringAsn1::from(cipher)),
            }),
        });
        let der = picky_asn1_der::to_vec(&ap_rep).unwrap();
        let p = acceptor_params(&der, &ticket_key).unwrap();
        assert_eq!(p.seq, 0x9abc_def0);
        let (enctype, key) = p.subkey.unwrap();
        assert_eq!(enctype, Enctype::Aes256);
        assert_eq!(&key[..], &subkey[..]);
        // The wrong ticket key: no parameters.
        assert!(matches!(
            acceptor_params(&der, &[0x34u8; 32]),
            Err(AuthError::Failed(_))
        ));
        assert!(matches!(
            acceptor_params(b"garbage", &ticket_key),
            Err(AuthError::InvalidToken(_))
        ));
    }

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
        let upn = Credentials::password("", "alice@lab.example", "x");
        let discovered = AuthOptions::kerberos_discovered("dc1.lab.example");
        assert_eq!(
            target(&upn, &discovered, "host").unwrap().realm,
            "LAB.EXAMPLE"
        );
        assert!(matches!(
            target(
                &Credentials::password("", "alice", "x"),
                &discovered,
                "host"
            ),
            Err(AuthError::Usage(_))
        ));
        opts.target_host = Some("127.0.0.3".into());
        assert!(matches!(
            target(&creds, &opts, "cifs"),
            Err(AuthError::Usage(_))
        ));
        let hash = Credentials::nt_hash("d", "u", &"0".repeat(32)).unwrap();
        let opts = AuthOptions::kerberos("127.0.0.3", "dc1.lab.example");
        assert_eq!(target(&hash, &opts, "cifs").unwrap().realm, "D");
        let negotiate = AuthOptions {
            mechanism: crate::options::Mechanism::Negotiate,
            ..opts
        };
        assert!(matches!(
            target(&hash, &negotiate, "cifs"),
            Err(AuthError::Usage(_))
        ));
    }
}
