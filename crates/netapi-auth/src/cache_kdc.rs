//! Kerberos from a credential cache: the tickets `kinit` left behind, handed to sspi's Kerberos
//! client, which only knows how to get a TGT itself.
//!
//! sspi's client starts every context with an AS exchange ([RFC 4120] 3.1) for a TGT, then a
//! TGS exchange (3.3) for the service ticket, then builds the AP-REQ. With a cache we already
//! hold the TGT (and maybe the service ticket), but no password. So the KDC transport
//! ([`crate::kdc_client`]) answers sspi's requests from the cache, as a KDC would:
//!
//! * sspi is given a *keytab identity* with a one-time random key `K` of the TGT session key's
//!   enctype (it never leaves the process);
//! * its first AS-REQ (no pre-authentication) gets `KDC_ERR_PREAUTH_REQUIRED` (RFC 4120
//!   3.1.3 / 5.9.1), the second an AS-REP: the cached TGT, and an `EncASRepPart` (5.4.2)
//!   carrying the TGT's session key, flags and times, encrypted under `K` (key usage 3);
//! * a TGS-REQ for `service/host@REALM` that a valid cached ticket answers gets a TGS-REP with
//!   that ticket and its session key, encrypted in the TGT session key (key usage 8, no
//!   authenticator subkey: sspi sends none); any other TGS-REQ goes to the real KDC with the
//!   real TGT, exactly as sspi built it.
//!
//! When the cache holds a service ticket but no TGT (e.g. one exported from a Windows logon or
//! made by impacket's getST), the AS-REP carries that ticket as a stand-in with a random
//! session key; a TGS-REQ that the cache cannot answer is then refused locally
//! (`SEC_E_NO_CREDENTIALS`) and never reaches a KDC. sspi encrypts authenticators in the
//! enctype of the AS reply, so a cached service ticket is used only when its session key has
//! the TGT's enctype (AES256 or AES128: sspi has no RC4).

use picky_asn1::bit_string::BitString;
use picky_asn1::date::GeneralizedTime;
use picky_asn1::restricted_string::IA5String;
use picky_asn1::wrapper::{
    Asn1SequenceOf, ExplicitContextTag0, ExplicitContextTag1, ExplicitContextTag2,
    ExplicitContextTag3, ExplicitContextTag4, ExplicitContextTag5, ExplicitContextTag6,
    ExplicitContextTag7, ExplicitContextTag8, ExplicitContextTag9, ExplicitContextTag10,
    GeneralizedTimeAsn1, IntegerAsn1, OctetStringAsn1, Optional,
};
use picky_krb::constants::key_usages::{AS_REP_ENC, TGS_REP_ENC_SESSION_KEY};
use picky_krb::crypto::CipherSuite;
use picky_krb::data_types::{
    EncryptedData, EncryptionKey, KerberosFlags, KerberosStringAsn1, KerberosTime, LastReq,
    LastReqInner, PrincipalName, Ticket,
};
use picky_krb::messages::{
    AsRep, AsReq, EncAsRepPart, EncKdcRepPart, EncTgsRepPart, KdcRep, KrbError, KrbErrorInner,
    TgsRep, TgsReq,
};
use zeroize::Zeroizing;

use crate::AuthError;
use crate::ccache::{Ccache, Credential, Key, Principal};

/// `PA-ENC-TIMESTAMP` (RFC 4120 5.2.7.2).
const PA_ENC_TIMESTAMP: u8 = 2;
/// `KDC_ERR_PREAUTH_REQUIRED`.
const PREAUTH_REQUIRED: u32 = 25;

/// A ticket sspi may be handed: the cached one, or the stand-in described in the module docs.
#[derive(Clone)]
struct Handed {
    ticket: Vec<u8>,
    key: Key,
    flags: u32,
    auth_time: u32,
    start_time: u32,
    end_time: u32,
    renew_till: u32,
    server: Principal,
}

impl Handed {
    fn from_credential(c: &Credential) -> Handed {
        Handed {
            ticket: c.ticket.clone(),
            key: c.key.clone(),
            flags: c.flags,
            auth_time: c.auth_time,
            start_time: c.start_time,
            end_time: c.end_time,
            renew_till: c.renew_till,
            server: c.server.clone(),
        }
    }
}

/// What a request to the KDC transport turns into.
pub(crate) enum Answer {
    /// Send these bytes back to sspi (a KDC reply with its 4-byte length prefix).
    Reply(Vec<u8>),
    /// Not ours to answer: send it to the real KDC.
    Forward,
    /// Refused here; nothing is sent.
    Refuse(AuthError),
}

/// The tickets of one cache, ready to answer sspi's KDC requests for one context.
pub(crate) struct CacheKdc {
    client: Principal,
    /// `K`: the key sspi's AS exchange is answered under.
    as_key: Key,
    /// The TGT as sspi sees it.
    tgt: Handed,
    /// Whether `tgt` is a real TGT (so a TGS-REQ may be forwarded).
    real_tgt: bool,
    /// Cached service tickets valid now whose key sspi can use.
    services: Vec<Credential>,
}

impl std::fmt::Debug for CacheKdc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CacheKdc")
            .field("client", &self.client)
            .field("real_tgt", &self.real_tgt)
            .field("services", &self.services.len())
            .finish_non_exhaustive()
    }
}

/// Key length of an enctype sspi can run (AES only).
fn aes_key_len(enctype: i32) -> Option<usize> {
    match enctype {
        18 => Some(32),
        17 => Some(16),
        _ => None,
    }
}

pub(crate) fn random_key(enctype: i32) -> Result<Key, AuthError> {
    let len = aes_key_len(enctype)
        .ok_or_else(|| AuthError::Usage(format!("enctype {enctype} is not AES")))?;
    let mut bytes = Zeroizing::new(vec![0u8; len]);
    getrandom::fill(&mut bytes)
        .map_err(|e| AuthError::Failed(format!("no OS randomness for a key: {e}")))?;
    Ok(Key::new(enctype, bytes.to_vec()))
}

impl CacheKdc {
    /// Prepare `cache` for a context to `service/host`, at `now` (seconds since 1970).
    /// `source` names the cache in messages. Errors: no TGT and no ticket for the service
    /// (`NoCredentials`), or only expired ones (`CredentialsExpired`).
    pub(crate) fn new(
        cache: &Ccache,
        source: &str,
        service: &str,
        host: &str,
        now: u64,
        as_key: Option<Key>,
    ) -> Result<CacheKdc, AuthError> {
        let client = cache.default_principal.clone();
        let realm = client.realm.clone();
        let tgt = cache.tgt();
        let valid_tgt = tgt.filter(|t| t.is_valid_at(now, 300));
        let services: Vec<Credential> = cache
            .credentials
            .iter()
            .filter(|c| {
                c.client == client
                    && !c.is_skey
                    && c.server.is_service(service, host, &realm)
                    && c.is_valid_at(now, 300)
                    && aes_key_len(c.key.enctype).is_some()
            })
            .cloned()
            .collect();
        let (tgt, real_tgt) = match valid_tgt {
            Some(t) if aes_key_len(t.key.enctype).is_some() => (Handed::from_credential(t), true),
            Some(t) => {
                return Err(AuthError::Usage(format!(
                    "the TGT in {source} has a session key of enctype {} (RC4 or older); \
                     Kerberos here needs AES: kinit with an AES-enabled account",
                    t.key.enctype
                )));
            }
            None => match services
                .iter()
                .rev()
                .find(|s| as_key.as_ref().is_none_or(|k| k.enctype == s.key.enctype))
            {
                Some(st) => {
                    let mut stand_in = Handed::from_credential(st);
                    stand_in.key = random_key(st.key.enctype)?;
                    stand_in.server = Principal {
                        name_type: 2,
                        realm: realm.clone(),
                        components: vec!["krbtgt".into(), realm.clone()],
                    };
                    (stand_in, false)
                }
                None => {
                    return Err(match tgt {
                        Some(t) => AuthError::CredentialsExpired(format!(
                            "the TGT of {client} in {source} expired at {} (run kinit)",
                            unix_time(t.end_time)
                        )),
                        None => AuthError::NoCredentials(format!(
                            "{source} holds no TGT for {client} and no ticket for \
                             {service}/{host}@{realm}"
                        )),
                    });
                }
            },
        };
        let services = services
            .into_iter()
            .filter(|s| s.key.enctype == tgt.key.enctype)
            .collect();
        let as_key = match as_key {
            Some(k) if k.enctype == tgt.key.enctype => k,
            Some(k) => {
                return Err(AuthError::Failed(format!(
                    "the ticket's session key has enctype {}, not the expected {}",
                    tgt.key.enctype, k.enctype
                )));
            }
            None => random_key(tgt.key.enctype)?,
        };
        Ok(CacheKdc {
            as_key,
            client,
            tgt,
            real_tgt,
            services,
        })
    }

    /// The client principal (`user@REALM`).
    pub(crate) fn client(&self) -> &Principal {
        &self.client
    }

    /// The key sspi's keytab identity gets: `K`.
    pub(crate) fn as_key(&self) -> &Key {
        &self.as_key
    }

    /// Whether a cached service ticket will answer the TGS exchange (no KDC contact at all).
    pub(crate) fn has_service_ticket(&self) -> bool {
        !self.services.is_empty()
    }

    /// Answer one request (`4-byte length + DER`, as sspi hands it to the transport).
    pub(crate) fn answer(&self, request: &[u8]) -> Answer {
        let Some(der) = request.get(4..) else {
            return Answer::Forward;
        };
        let result = match der.first() {
            Some(0x6a) => self.answer_as(der).map(Some),
            Some(0x6c) => self.answer_tgs(der),
            _ => Ok(None),
        };
        match result {
            Ok(Some(reply)) => {
                let mut framed = (reply.len() as u32).to_be_bytes().to_vec();
                framed.extend(reply);
                Answer::Reply(framed)
            }
            Ok(None) if self.real_tgt => Answer::Forward,
            Ok(None) => Answer::Refuse(AuthError::NoCredentials(format!(
                "no TGT for {} in the credential cache, and no cached ticket for this service",
                self.client
            ))),
            Err(e) => Answer::Refuse(e),
        }
    }

    fn answer_as(&self, der: &[u8]) -> Result<Vec<u8>, AuthError> {
        let req: AsReq = picky_asn1_der::from_bytes(der)
            .map_err(|e| AuthError::Failed(format!("sspi's AS-REQ does not decode: {e}")))?;
        let req = req.0;
        let preauth = req.padata.0.as_ref().is_some_and(|p| {
            p.0.0
                .iter()
                .any(|d| d.padata_type.0.0.as_slice() == [PA_ENC_TIMESTAMP])
        });
        let realm = &self.client.realm;
        if !preauth {
            return encode(&KrbError::from(KrbErrorInner {
                pvno: ExplicitContextTag0::from(int(5)),
                msg_type: ExplicitContextTag1::from(int(30)),
                ctime: Optional::from(None),
                cusec: Optional::from(None),
                stime: ExplicitContextTag4::from(time(now_secs())?),
                susec: ExplicitContextTag5::from(int(0)),
                error_code: ExplicitContextTag6::from(PREAUTH_REQUIRED),
                crealm: Optional::from(None),
                cname: Optional::from(None),
                realm: ExplicitContextTag9::from(kstring(realm)?),
                sname: ExplicitContextTag10::from(principal_name(&self.tgt.server)?),
                e_text: Optional::from(None),
                e_data: Optional::from(None),
            }));
        }
        let part = self.enc_part(&self.tgt, req.req_body.0.nonce.0.clone())?;
        let plain = Zeroizing::new(encode(&EncAsRepPart::from(part))?);
        let enc_part = encrypt(&self.as_key, AS_REP_ENC, &plain)?;
        encode(&AsRep::from(KdcRep {
            pvno: ExplicitContextTag0::from(int(5)),
            msg_type: ExplicitContextTag1::from(int(11)),
            padata: Optional::from(None),
            crealm: ExplicitContextTag3::from(kstring(realm)?),
            cname: ExplicitContextTag4::from(principal_name(&self.client)?),
            ticket: ExplicitContextTag5::from(ticket(&self.tgt.ticket)?),
            enc_part: ExplicitContextTag6::from(enc_part),
        }))
    }

    fn answer_tgs(&self, der: &[u8]) -> Result<Option<Vec<u8>>, AuthError> {
        let req: TgsReq = picky_asn1_der::from_bytes(der)
            .map_err(|e| AuthError::Failed(format!("sspi's TGS-REQ does not decode: {e}")))?;
        let body = req.0.req_body.0;
        let Some(sname) = body.sname.0.as_ref() else {
            return Ok(None);
        };
        let names: Vec<String> = sname
            .0
            .name_string
            .0
            .0
            .iter()
            .map(|s| s.to_string())
            .collect();
        let [service, host] = names.as_slice() else {
            return Ok(None);
        };
        let realm = body.realm.0.to_string();
        let Some(st) = self
            .services
            .iter()
            .rev()
            .find(|c| c.server.is_service(service, host, &realm))
        else {
            tracing::debug!(target: "netapi_auth::kdc", %service, %host, "no cached service ticket; asking the KDC");
            return Ok(None);
        };
        tracing::debug!(target: "netapi_auth::kdc", server = %st.server, "service ticket from the credential cache");
        let part = self.enc_part(&Handed::from_credential(st), body.nonce.0.clone())?;
        let plain = Zeroizing::new(encode(&EncTgsRepPart::from(part))?);
        let enc_part = encrypt(&self.tgt.key, TGS_REP_ENC_SESSION_KEY, &plain)?;
        encode(&TgsRep::from(KdcRep {
            pvno: ExplicitContextTag0::from(int(5)),
            msg_type: ExplicitContextTag1::from(int(13)),
            padata: Optional::from(None),
            crealm: ExplicitContextTag3::from(kstring(&self.client.realm)?),
            cname: ExplicitContextTag4::from(principal_name(&self.client)?),
            ticket: ExplicitContextTag5::from(ticket(&st.ticket)?),
            enc_part: ExplicitContextTag6::from(enc_part),
        }))
        .map(Some)
    }

    /// The `EncKDCRepPart` (RFC 4120 5.4.2) for ticket `t`.
    fn enc_part(&self, t: &Handed, nonce: IntegerAsn1) -> Result<EncKdcRepPart, AuthError> {
        let opt_time = |v: u32| -> Result<_, AuthError> {
            Ok(if v == 0 {
                None
            } else {
                Some(time(u64::from(v))?)
            })
        };
        Ok(EncKdcRepPart {
            key: ExplicitContextTag0::from(EncryptionKey {
                key_type: ExplicitContextTag0::from(int(i64::from(t.key.enctype))),
                key_value: ExplicitContextTag1::from(OctetStringAsn1::from(t.key.bytes().to_vec())),
            }),
            last_req: ExplicitContextTag1::from(LastReq::from(vec![LastReqInner {
                lr_type: ExplicitContextTag0::from(int(0)),
                lr_value: ExplicitContextTag1::from(time(u64::from(t.auth_time))?),
            }])),
            nonce: ExplicitContextTag2::from(nonce),
            key_expiration: Optional::from(None),
            flags: ExplicitContextTag4::from(KerberosFlags::from(BitString::with_bytes(
                t.flags.to_be_bytes().to_vec(),
            ))),
            auth_time: ExplicitContextTag5::from(time(u64::from(t.auth_time))?),
            start_time: Optional::from(opt_time(t.start_time)?.map(ExplicitContextTag6::from)),
            end_time: ExplicitContextTag7::from(time(u64::from(t.end_time))?),
            renew_till: Optional::from(opt_time(t.renew_till)?.map(ExplicitContextTag8::from)),
            srealm: ExplicitContextTag9::from(kstring(&t.server.realm)?),
            sname: ExplicitContextTag10::from(principal_name(&t.server)?),
            caddr: Optional::from(None),
            encrypted_pa_data: Optional::from(None),
        })
    }
}

pub(crate) fn encode<T: serde::Serialize>(v: &T) -> Result<Vec<u8>, AuthError> {
    picky_asn1_der::to_vec(v).map_err(|e| AuthError::Failed(format!("DER encoding: {e}")))
}

fn encrypt(key: &Key, usage: i32, plain: &[u8]) -> Result<EncryptedData, AuthError> {
    let suite = usize::try_from(key.enctype)
        .ok()
        .and_then(|e| CipherSuite::try_from(e).ok())
        .ok_or_else(|| AuthError::Usage(format!("enctype {} is not supported", key.enctype)))?;
    let cipher = suite
        .cipher()
        .encrypt(key.bytes(), usage, plain)
        .map_err(|e| AuthError::Failed(format!("encryption: {e:?}")))?;
    Ok(EncryptedData {
        etype: ExplicitContextTag0::from(int(i64::from(key.enctype))),
        kvno: Optional::from(None),
        cipher: ExplicitContextTag2::from(OctetStringAsn1::from(cipher)),
    })
}

/// A minimal DER INTEGER.
pub(crate) fn int(v: i64) -> IntegerAsn1 {
    IntegerAsn1::from_bytes_be_signed(v.to_be_bytes().to_vec())
}

pub(crate) fn kstring(s: &str) -> Result<KerberosStringAsn1, AuthError> {
    IA5String::from_string(s.to_owned())
        .map(KerberosStringAsn1::from)
        .map_err(|_| AuthError::Usage(format!("{s:?} is not an ASCII Kerberos name")))
}

pub(crate) fn principal_name(p: &Principal) -> Result<PrincipalName, AuthError> {
    Ok(PrincipalName {
        name_type: ExplicitContextTag0::from(int(i64::from(p.name_type))),
        name_string: ExplicitContextTag1::from(Asn1SequenceOf::from(
            p.components
                .iter()
                .map(|c| kstring(c))
                .collect::<Result<Vec<_>, _>>()?,
        )),
    })
}

fn ticket(der: &[u8]) -> Result<Ticket, AuthError> {
    picky_asn1_der::from_bytes(der)
        .map_err(|e| AuthError::NoCredentials(format!("a cached ticket does not decode: {e}")))
}

pub(crate) fn time(secs: u64) -> Result<KerberosTime, AuthError> {
    let t = time::OffsetDateTime::from_unix_timestamp(secs as i64)
        .map_err(|_| AuthError::Failed(format!("time {secs} out of range")))?;
    Ok(GeneralizedTimeAsn1::from(GeneralizedTime::from(t)))
}

/// Seconds since 1970, now.
pub(crate) fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `2026-12-07 02:21:19 UTC` for a message.
pub(crate) fn unix_time(secs: u32) -> String {
    match time::OffsetDateTime::from_unix_timestamp(i64::from(secs)) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => secs.to_string(),
    }
}
