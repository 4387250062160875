//! Logging on with an RC4-only keytab key: the AS exchange (RFC 4120 3.1) and the TGS
//! exchange (3.3) done here, because sspi's Kerberos client speaks AES only.
//!
//! The AS-REQ asks for etype 23 only (RFC 4757), pre-authenticated with PA-ENC-TIMESTAMP under
//! the RC4 key (usage 1) and PA-PAC-REQUEST ([MS-KILE] 2.2.3); the AS-REP's part is decrypted
//! with the key (usage 3, RFC 4757's 8), its nonce checked. The TGS-REQ carries the TGT in a
//! PA-TGS-REQ AP-REQ whose authenticator (usage 7) holds an RSA-MD5 checksum of the request body
//! (RFC 4120 5.5.1, as Windows and sspi send it), and asks for the service ticket in AES256
//! only, so that the service ticket and its session key are ones sspi can use; the TGS-REP's
//! part is decrypted with the TGT session key (usage 8). The result is a credential cache in
//! memory holding that one service ticket, which [`crate::cache_kdc`] then hands to sspi like a
//! cached ticket. Keys are zeroized; nothing here is logged but principals and enctypes.

use md5::{Digest, Md5};
use picky_asn1::bit_string::BitString;
use picky_asn1::wrapper::{
    Asn1SequenceOf, ExplicitContextTag0, ExplicitContextTag1, ExplicitContextTag2,
    ExplicitContextTag3, ExplicitContextTag4, ExplicitContextTag5, ExplicitContextTag7,
    ExplicitContextTag8, OctetStringAsn1, Optional,
};
use picky_krb::constants::key_usages::{AS_REP_ENC, TGS_REP_ENC_SESSION_KEY};
use picky_krb::crypto::CipherSuite;
use picky_krb::data_types::{
    Authenticator, AuthenticatorInner, Checksum, EncryptedData, KerbPaPacRequest, KerberosFlags,
    KerberosTime, PaData, PaEncTsEnc, Ticket,
};
use picky_krb::messages::{
    ApReq, ApReqInner, AsRep, AsReq, EncAsRepPart, EncKdcRepPart, EncTgsRepPart, KdcRep, KdcReq,
    KdcReqBody, TgsRep, TgsReq,
};
use zeroize::Zeroizing;

use crate::AuthError;
use crate::cache_kdc::{encode, int, kstring, now_secs, principal_name, time};
use crate::ccache::{Ccache, Credential, Key, Principal};
use crate::keytab::RC4_HMAC;
use crate::rc4;

/// Key usage of the PA-TGS-REQ authenticator (RFC 4120 7.5.1).
const TGS_AUTHENTICATOR: i32 = 7;
/// KDC option bits (RFC 4120 5.4.1, RFC 6806): forwardable, renewable, canonicalize.
const FORWARDABLE: u32 = 0x4000_0000;
const RENEWABLE: u32 = 0x0080_0000;
const CANONICALIZE: u32 = 0x0001_0000;

/// Sends one request (`4-byte length + DER`) to the realm's KDC and returns its reply likewise.
pub(crate) type Send<'a> = dyn Fn(&[u8]) -> Result<Vec<u8>, AuthError> + 'a;

/// An RC4 logon of `client` for the service ticket of `service/host`.
pub(crate) struct Rc4Logon {
    pub(crate) client: Principal,
    pub(crate) key: Key,
    pub(crate) service: String,
    pub(crate) host: String,
}

impl std::fmt::Debug for Rc4Logon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rc4Logon")
            .field("client", &self.client)
            .field("service", &self.service)
            .field("host", &self.host)
            .finish_non_exhaustive()
    }
}

fn framed(der: Vec<u8>) -> Vec<u8> {
    let mut out = (der.len() as u32).to_be_bytes().to_vec();
    out.extend(der);
    out
}

fn nonce() -> Result<u32, AuthError> {
    let mut b = [0u8; 4];
    getrandom::fill(&mut b).map_err(|e| AuthError::Failed(format!("no OS randomness: {e}")))?;
    // Positive, as MIT and Heimdal send it (a signed Int32 on the wire).
    Ok(u32::from_be_bytes(b) & 0x7fff_ffff)
}

fn encrypt(key: &Key, usage: i32, plain: &[u8]) -> Result<EncryptedData, AuthError> {
    let cipher = match key.enctype {
        RC4_HMAC => rc4::encrypt(key.bytes(), usage, plain)?,
        e => suite(e)?
            .cipher()
            .encrypt(key.bytes(), usage, plain)
            .map_err(|e| AuthError::Failed(format!("encryption: {e:?}")))?,
    };
    Ok(EncryptedData {
        etype: ExplicitContextTag0::from(int(i64::from(key.enctype))),
        kvno: Optional::from(None),
        cipher: ExplicitContextTag2::from(OctetStringAsn1::from(cipher)),
    })
}

fn decrypt(key: &Key, usage: i32, data: &EncryptedData) -> Result<Zeroizing<Vec<u8>>, AuthError> {
    let etype = data.etype.0.as_signed_bytes_be();
    if etype != int(i64::from(key.enctype)).as_signed_bytes_be() {
        return Err(AuthError::Failed(format!(
            "the KDC encrypted its reply in etype {etype:?}, not in the key's {}",
            key.enctype
        )));
    }
    let cipher = &data.cipher.0.0;
    match key.enctype {
        RC4_HMAC => rc4::decrypt(key.bytes(), usage, cipher),
        e => suite(e)?
            .cipher()
            .decrypt(key.bytes(), usage, cipher)
            .map(Zeroizing::new)
            .map_err(|_| AuthError::Failed("the KDC's reply does not decrypt".into())),
    }
}

fn suite(enctype: i32) -> Result<CipherSuite, AuthError> {
    match enctype {
        18 => Ok(CipherSuite::Aes256CtsHmacSha196),
        17 => Ok(CipherSuite::Aes128CtsHmacSha196),
        e => Err(AuthError::Usage(format!("enctype {e} is not supported"))),
    }
}

/// The decrypted part of a KDC reply (either application tag: MIT's KDC uses 26 for both).
fn enc_part(plain: &[u8]) -> Result<EncKdcRepPart, AuthError> {
    if let Ok(p) = picky_asn1_der::from_bytes::<EncAsRepPart>(plain) {
        return Ok(p.0);
    }
    picky_asn1_der::from_bytes::<EncTgsRepPart>(plain)
        .map(|p| p.0)
        .map_err(|_| {
            AuthError::InvalidToken("the KDC reply's encrypted part does not decode".into())
        })
}

fn secs(t: &KerberosTime) -> u32 {
    time::OffsetDateTime::try_from(t.0.clone())
        .map(|t| t.unix_timestamp().clamp(0, i64::from(u32::MAX)) as u32)
        .unwrap_or(0)
}

fn key_of(part: &EncKdcRepPart) -> Result<Key, AuthError> {
    let k = &part.key.0;
    let enctype = i64::from_be_bytes({
        let b = k.key_type.0.as_signed_bytes_be();
        if b.is_empty() || b.len() > 8 {
            return Err(AuthError::InvalidToken("bad key type".into()));
        }
        let mut buf = if b[0] & 0x80 != 0 { [0xff; 8] } else { [0; 8] };
        buf[8 - b.len()..].copy_from_slice(b);
        buf
    });
    Ok(Key::new(enctype as i32, k.key_value.0.0.clone()))
}

/// The ticket flags of a reply part as a 32-bit big-endian bit string.
fn flags(part: &EncKdcRepPart) -> u32 {
    let mut f = [0u8; 4];
    for (d, s) in f.iter_mut().zip(part.flags.0.payload_view()) {
        *d = *s;
    }
    u32::from_be_bytes(f)
}

fn check_nonce(part: &EncKdcRepPart, sent: u32) -> Result<(), AuthError> {
    if part.nonce.0.as_unsigned_bytes_be() != int(i64::from(sent)).as_unsigned_bytes_be() {
        return Err(AuthError::Failed(
            "the KDC's reply does not answer our request (nonce)".into(),
        ));
    }
    Ok(())
}

/// A KDC reply, or the KRB-ERROR it is.
fn reply<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, AuthError> {
    let der = bytes.get(4..).unwrap_or_default();
    if let Some((code, text)) = crate::kdc_client::parse_krb_error(der) {
        return Err(AuthError::KdcRejected { code, text });
    }
    picky_asn1_der::from_bytes(der)
        .map_err(|_| AuthError::InvalidToken("the KDC's reply does not decode".into()))
}

#[allow(clippy::too_many_arguments)]
fn req_body(
    options: u32,
    cname: Option<&Principal>,
    realm: &str,
    sname: &Principal,
    nonce: u32,
    etypes: &[i32],
    till: u64,
) -> Result<KdcReqBody, AuthError> {
    Ok(KdcReqBody {
        kdc_options: ExplicitContextTag0::from(KerberosFlags::from(BitString::with_bytes(
            options.to_be_bytes().to_vec(),
        ))),
        cname: Optional::from(
            cname
                .map(principal_name)
                .transpose()?
                .map(ExplicitContextTag1::from),
        ),
        realm: ExplicitContextTag2::from(kstring(realm)?),
        sname: Optional::from(Some(ExplicitContextTag3::from(principal_name(sname)?))),
        from: Optional::from(None),
        till: ExplicitContextTag5::from(time(till)?),
        rtime: Optional::from(None),
        nonce: ExplicitContextTag7::from(int(i64::from(nonce))),
        etype: ExplicitContextTag8::from(Asn1SequenceOf::from(
            etypes
                .iter()
                .map(|&e| int(i64::from(e)))
                .collect::<Vec<_>>(),
        )),
        addresses: Optional::from(None),
        enc_authorization_data: Optional::from(None),
        additional_tickets: Optional::from(None),
    })
}

fn pa(kind: i64, value: Vec<u8>) -> PaData {
    PaData {
        padata_type: ExplicitContextTag1::from(int(kind)),
        padata_data: ExplicitContextTag2::from(OctetStringAsn1::from(value)),
    }
}

impl Rc4Logon {
    /// A logon of `user@target.realm` with the RC4 `key`, for `target`'s SPN.
    pub(crate) fn new(
        user: &str,
        target: &crate::kerberos::KerberosTarget,
        key: Key,
    ) -> Result<Self, AuthError> {
        if user.is_empty() || user.contains(['/', '\\', '@']) || target.realm.is_empty() {
            return Err(AuthError::Usage(format!(
                "an RC4 Kerberos logon needs a user name and a realm, got {user:?} in {:?}",
                target.realm
            )));
        }
        let (service, host) = target
            .spn
            .split_once('/')
            .ok_or(AuthError::State("SPN without a host"))?;
        Ok(Rc4Logon {
            client: Principal {
                name_type: 1,
                realm: target.realm.clone(),
                components: vec![user.to_owned()],
            },
            key,
            service: service.to_owned(),
            host: host.to_owned(),
        })
    }

    /// The AS exchange, then the TGS exchange; a cache holding the service ticket.
    pub(crate) fn run(&self, send: &Send<'_>) -> Result<Ccache, AuthError> {
        let realm = self.client.realm.clone();
        let now = now_secs();
        let till = now + 10 * 3600;
        // AS exchange, RC4 only.
        let tgs = Principal {
            name_type: 2,
            realm: realm.clone(),
            components: vec!["krbtgt".into(), realm.clone()],
        };
        let as_nonce = nonce()?;
        let ts = encode(&PaEncTsEnc {
            patimestamp: ExplicitContextTag0::from(time(now)?),
            pausec: Optional::from(Some(ExplicitContextTag1::from(int(0)))),
        })?;
        let pa_ts = encode(&encrypt(&self.key, 1, &ts)?)?;
        let pa_pac = encode(&KerbPaPacRequest {
            include_pac: ExplicitContextTag0::from(true),
        })?;
        let as_req = AsReq::from(KdcReq {
            pvno: ExplicitContextTag1::from(int(5)),
            msg_type: ExplicitContextTag2::from(int(10)),
            padata: Optional::from(Some(ExplicitContextTag3::from(Asn1SequenceOf::from(vec![
                pa(2, pa_ts),
                pa(128, pa_pac),
            ])))),
            req_body: ExplicitContextTag4::from(req_body(
                FORWARDABLE,
                Some(&self.client),
                &realm,
                &tgs,
                as_nonce,
                &[RC4_HMAC],
                till,
            )?),
        });
        let as_rep: AsRep = reply(&send(&framed(encode(&as_req)?))?)?;
        let as_rep = as_rep.0;
        let part = enc_part(&decrypt(&self.key, AS_REP_ENC, &as_rep.enc_part.0)?)?;
        check_nonce(&part, as_nonce)?;
        let tgt_key = key_of(&part)?;
        let tgt_flags = flags(&part);
        let tgt = as_rep.ticket.0;
        drop(part);
        tracing::debug!(target: "netapi_auth::kdc", client = %self.client, session_enctype = tgt_key.enctype, "RC4 AS exchange done");

        // TGS exchange for service/host, AES256 only.
        let service = Principal {
            name_type: 2,
            realm: realm.clone(),
            components: vec![self.service.clone(), self.host.clone()],
        };
        let tgs_nonce = nonce()?;
        // Ask for what the TGT allows (a KDC refuses "renewable" from a TGT that is not).
        let options = CANONICALIZE | (tgt_flags & (FORWARDABLE | RENEWABLE));
        let body = req_body(options, None, &realm, &service, tgs_nonce, &[18], till)?;
        let body_der = encode(&body)?;
        let ctime = now_secs();
        let authenticator = Authenticator::from(AuthenticatorInner {
            authenticator_vno: ExplicitContextTag0::from(int(5)),
            crealm: ExplicitContextTag1::from(kstring(&realm)?),
            cname: ExplicitContextTag2::from(principal_name(&self.client)?),
            cksum: Optional::from(Some(ExplicitContextTag3::from(Checksum {
                // RSA-MD5 (7) of the KDC-REQ-BODY.
                cksumtype: ExplicitContextTag0::from(int(7)),
                checksum: ExplicitContextTag1::from(OctetStringAsn1::from(
                    Md5::digest(&body_der).to_vec(),
                )),
            }))),
            cusec: ExplicitContextTag4::from(int(0)),
            ctime: ExplicitContextTag5::from(time(ctime)?),
            subkey: Optional::from(None),
            seq_number: Optional::from(None),
            authorization_data: Optional::from(None),
        });
        let auth_der = Zeroizing::new(encode(&authenticator)?);
        let ap_req = ApReq::from(ApReqInner {
            pvno: ExplicitContextTag0::from(int(5)),
            msg_type: ExplicitContextTag1::from(int(14)),
            ap_options: ExplicitContextTag2::from(KerberosFlags::from(BitString::with_bytes(
                vec![0, 0, 0, 0],
            ))),
            ticket: ExplicitContextTag3::from(tgt),
            authenticator: ExplicitContextTag4::from(encrypt(
                &tgt_key,
                TGS_AUTHENTICATOR,
                &auth_der,
            )?),
        });
        let tgs_req = TgsReq::from(KdcReq {
            pvno: ExplicitContextTag1::from(int(5)),
            msg_type: ExplicitContextTag2::from(int(12)),
            padata: Optional::from(Some(ExplicitContextTag3::from(Asn1SequenceOf::from(vec![
                pa(1, encode(&ap_req)?),
            ])))),
            req_body: ExplicitContextTag4::from(body),
        });
        let tgs_rep: TgsRep = reply(&send(&framed(encode(&tgs_req)?))?)?;
        let tgs_rep: KdcRep = tgs_rep.0;
        let part = enc_part(&decrypt(
            &tgt_key,
            TGS_REP_ENC_SESSION_KEY,
            &tgs_rep.enc_part.0,
        )?)?;
        check_nonce(&part, tgs_nonce)?;
        let credential = Credential {
            client: self.client.clone(),
            server: service,
            key: key_of(&part)?,
            auth_time: secs(&part.auth_time.0),
            start_time: part.start_time.0.as_ref().map_or(0, |t| secs(&t.0)),
            end_time: secs(&part.end_time.0),
            renew_till: part.renew_till.0.as_ref().map_or(0, |t| secs(&t.0)),
            is_skey: false,
            flags: flags(&part),
            ticket: encode::<Ticket>(&tgs_rep.ticket.0)?,
            second_ticket: Vec::new(),
        };
        drop(part);
        tracing::debug!(target: "netapi_auth::kdc", server = %credential.server, enctype = credential.key.enctype, "service ticket from the RC4 logon");
        Ok(Ccache {
            version: 4,
            kdc_offset: None,
            default_principal: self.client.clone(),
            credentials: vec![credential],
        })
    }
}
