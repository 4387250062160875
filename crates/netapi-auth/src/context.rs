//! The client context: one sspi package driven through [`SecurityContext`].
//!
//! [`SspiClient`] owns an `sspi::credssp::SspiContext` (NTLM, Kerberos or Negotiate = SPNEGO),
//! the credentials handle, and the [`KdcClient`] that answers sspi's KDC requests. The package
//! is chosen at the first `step`, when the server's SPNEGO hint (if the caller passes one) is
//! known. `Mechanism::Negotiate` falls back from Kerberos to NTLM when the KDC cannot be reached
//! ([MS-SPNG] 3.3.5.3 leaves the choice to the initiator; Windows does the same).
//! Protection of messages lives in [`crate::protect`]; for Kerberos at integrity level the
//! context also keeps the RFC 4121 MIC state ([`KrbMic`]) that sspi lacks.

use std::fmt;

use picky_krb::crypto::CipherSuite;
use sspi::credssp::SspiContext;
use sspi::negotiate::NegotiateConfig;
use sspi::ntlm::NtlmConfig;
use sspi::{
    AuthIdentity, BufferType, ClientRequestFlags, CredentialUse, CredentialsBuffers,
    DataRepresentation, KerberosConfig, KeytabIdentity, SecurityBuffer, SecurityStatus, Sspi,
    SspiImpl, Username,
};
use zeroize::Zeroizing;

use crate::cache_kdc::{self, CacheKdc};
use crate::ccache::{self, CacheName};
use crate::credentials::{Credentials, Secret, hex_lower};
use crate::kdc_client::{KdcClient, KdcFailure};
use crate::kerberos::{self, KerberosTarget, KrbErrorCode};
use crate::krb_rc4::Rc4Logon;
use crate::mic::{KERBEROS_MIC_LEN, MicKeys};
use crate::options::{AuthOptions, Framing, Mechanism};
use crate::spnego::{self, NegState};
use crate::{AuthError, Protection, SecurityContext, SessionKey, Step, logging, protect};
use crate::{keytab, locate};

/// What the context is for: decides the GSS flags a Kerberos AP-REQ asks for and the size of
/// its signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// [`crate::client_context`]: SMB2, or DCE/RPC at any level (Kerberos asks for
    /// confidentiality; signatures sized for privacy).
    Any,
    /// DCE/RPC at CONNECT level.
    RpcConnect,
    /// DCE/RPC at PKT_INTEGRITY: Kerberos asks for integrity only and signs with MIC tokens.
    RpcIntegrity,
    /// DCE/RPC at PKT_PRIVACY.
    RpcPrivacy,
}

impl Use {
    fn rpc(self) -> bool {
        self != Use::Any
    }
}

/// RFC 4121 MIC state of an established DCE-style Kerberos context: the checksum keys and the
/// acceptor's next sequence number. Our own sequence numbers stay in sspi's counter, which its
/// Wrap tokens share.
pub(crate) struct KrbMic {
    pub(crate) keys: MicKeys,
    /// `SND_SEQ` expected in the acceptor's next token.
    pub(crate) recv_seq: u64,
}

/// Which package ended up running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Active {
    Ntlm,
    Kerberos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// No token produced yet.
    Start,
    /// Waiting for the peer's next token.
    Running,
    /// Our side is done.
    Complete,
    /// A handshake step or a signature check failed; the context is unusable.
    Failed,
}

/// An sspi-backed client context.
pub(crate) struct SspiClient {
    /// The caller's credentials, kept until the first step has built the sspi context (and
    /// possibly its NTLM fallback), then dropped (zeroized): sspi holds its own copy.
    creds: Option<Credentials>,
    user: String,
    domain: String,
    framing: Framing,
    requested: Mechanism,
    usage: Use,
    /// Kerberos realm and SPN, when Kerberos is possible with the given inputs.
    kerberos: Option<KerberosTarget>,
    kerberos_error: Option<AuthError>,
    /// The key sspi logs on with instead of a password: a keytab's, or the one-time key the
    /// cache-backed KDC answers under ([`crate::cache_kdc`]). Zeroized by sspi's `Secret`.
    keytab_identity: Option<KeytabIdentity>,
    workstation: String,
    kdc: KdcClient,
    active: Option<Active>,
    sspi: Option<SspiContext>,
    handle: Option<CredentialsBuffers>,
    phase: Phase,
    /// Set once sspi's NTLM handshake is past AUTHENTICATE (session key known).
    keyed: bool,
    pub(crate) protector: protect::Protector,
    /// Kerberos MIC state, once a DCE-style Kerberos context is complete.
    pub(crate) mic: Option<KrbMic>,
}

impl fmt::Debug for SspiClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SspiClient")
            .field("user", &self.user)
            .field("domain", &self.domain)
            .field("framing", &self.framing)
            .field("requested", &self.requested)
            .field("usage", &self.usage)
            .field("active", &self.active)
            .field("phase", &self.phase)
            .finish_non_exhaustive()
    }
}

impl SspiClient {
    pub(crate) fn new(
        creds: &Credentials,
        opts: &AuthOptions,
        service: &str,
        framing: Framing,
        usage: Use,
    ) -> Result<Self, AuthError> {
        if let Some(kdc) = &opts.kdc {
            // A malformed --kdc is a usage error now, not a KDC failure later.
            if locate::parse_kdc_spec(kdc)?.is_none() {
                return Err(AuthError::Usage(format!(
                    "KDC {kdc:?}: only TCP is supported"
                )));
            }
        }
        // Whether Kerberos could run; the reason if not (an error only for Mechanism::Kerberos).
        let (mut kerberos, mut kerberos_error) = match kerberos::target(creds, opts, service) {
            Ok(t) => (Some(t), None),
            Err(e) => (None, Some(e)),
        };
        if kerberos.is_some()
            && opts.mechanism == Mechanism::Negotiate
            && opts.kdc.is_none()
            && !creds.is_kerberos_only()
        {
            // A password tries Kerberos first only with an explicit KDC; looking one up for
            // every NTLM-capable logon would cost DNS round trips where NTLM works.
            kerberos = None;
            kerberos_error = Some(AuthError::Usage(
                "Negotiate tries Kerberos with a password only when AuthOptions::kdc is set"
                    .to_owned(),
            ));
        }
        if usage.rpc() && framing == Framing::Spnego {
            // Our SPNEGO framing carries SMB2's GSS-wrapped AP-REQ, not the DCE style an RPC
            // acceptor needs for auth_type 9: NTLM only inside SPNEGO over DCE/RPC.
            kerberos = None;
            kerberos_error = Some(AuthError::Usage(
                "Kerberos inside SPNEGO is not supported over DCE/RPC; use Framing::Raw (auth_type 16)"
                    .to_owned(),
            ));
        }
        if creds.is_kerberos_only() {
            if opts.mechanism == Mechanism::Ntlm {
                return Err(AuthError::Usage(format!(
                    "a {} works with Kerberos only, and NTLM was asked for",
                    creds.kind()
                )));
            }
            if let Some(e) = kerberos_error.take() {
                return Err(e);
            }
        }
        if opts.mechanism == Mechanism::Kerberos
            && let Some(e) = kerberos_error.take()
        {
            return Err(e);
        }
        if creds.is_anonymous() {
            return Err(AuthError::Usage(
                "anonymous credentials run through the anonymous NTLM context".to_owned(),
            ));
        }
        // The Kerberos material: a ticket cache or a keytab read now, the KDC found later.
        let mut keytab_identity = None;
        let mut kdc = KdcClient::new(None, opts.timeout);
        if let Some(target) = kerberos.as_mut() {
            match &creds.secret {
                Secret::Ccache(name) => {
                    let (id, cache) = from_cache(name, opts, service, target)?;
                    keytab_identity = Some(id);
                    kdc = KdcClient::locating(&target.realm, opts).with_cache(cache);
                }
                Secret::Keytab(path) => match from_keytab(creds, path, target)? {
                    KeytabKey::Aes(id) => {
                        keytab_identity = Some(id);
                        kdc = KdcClient::locating(&target.realm, opts);
                    }
                    KeytabKey::Rc4(logon) => {
                        let (id, client) = rc4_logon(creds, logon, target, opts)?;
                        keytab_identity = Some(id);
                        kdc = client;
                    }
                },
                Secret::NtHash(hash) => {
                    let logon = Rc4Logon::new(
                        creds.user(),
                        target,
                        ccache::Key::new(keytab::RC4_HMAC, hash.to_vec()),
                    )?;
                    let (id, client) = rc4_logon(creds, logon, target, opts)?;
                    keytab_identity = Some(id);
                    kdc = client;
                }
                _ => kdc = KdcClient::locating(&target.realm, opts),
            }
        }
        Ok(SspiClient {
            creds: Some(creds.clone()),
            user: creds.user().to_owned(),
            domain: creds.domain().to_owned(),
            framing,
            requested: opts.mechanism,
            usage,
            kerberos,
            kerberos_error,
            keytab_identity,
            workstation: opts.workstation.clone().unwrap_or_default(),
            kdc,
            active: None,
            sspi: None,
            handle: None,
            phase: Phase::Start,
            keyed: false,
            protector: protect::Protector::default(),
            mic: None,
        })
    }

    /// The package in use, once chosen.
    pub(crate) fn mechanism(&self) -> Option<Mechanism> {
        self.active.map(|a| match a {
            Active::Ntlm => Mechanism::Ntlm,
            Active::Kerberos => Mechanism::Kerberos,
        })
    }

    /// Pick the package for the first token.
    fn choose(&self, hint: Option<&spnego::ServerHint>) -> Result<Active, AuthError> {
        Ok(match self.requested {
            Mechanism::Ntlm => Active::Ntlm,
            Mechanism::Kerberos => Active::Kerberos,
            Mechanism::Negotiate => {
                let server_offers_krb = hint.is_none_or(|h| h.kerberos);
                if self.kerberos.is_some() && server_offers_krb {
                    Active::Kerberos
                } else {
                    if let Some(e) = &self.kerberos_error {
                        tracing::debug!(reason = %e, "Negotiate: using NTLM");
                    } else if !server_offers_krb {
                        tracing::debug!(
                            "Negotiate: the server does not offer Kerberos, using NTLM"
                        );
                    }
                    Active::Ntlm
                }
            }
        })
    }

    /// Build the sspi package and acquire its credentials handle.
    fn build(&mut self, active: Active) -> Result<(), AuthError> {
        let workstation = self.workstation.clone();
        let creds = self
            .creds
            .as_ref()
            .ok_or(AuthError::State("credentials already consumed"))?;
        let auth_data = match active {
            Active::Ntlm => sspi::Credentials::AuthIdentity(ntlm_identity(creds)?),
            Active::Kerberos => match &self.keytab_identity {
                Some(id) => sspi::Credentials::Keytab(id.clone()),
                None => {
                    let target = self
                        .kerberos
                        .as_ref()
                        .ok_or(AuthError::State("no Kerberos target"))?;
                    sspi::Credentials::AuthIdentity(kerberos_identity(creds, &target.realm)?)
                }
            },
        };
        let kerberos_config = || KerberosConfig {
            kdc_resolution: sspi::KdcResolution::KdcUrl(self.kdc.url()),
            client_computer_name: workstation.clone(),
        };
        let ntlm_config = NtlmConfig {
            client_computer_name: (!workstation.is_empty()).then(|| workstation.clone()),
        };
        let mut ctx = match (active, self.framing) {
            (Active::Ntlm, Framing::Raw) => SspiContext::Ntlm(sspi::Ntlm::with_config(ntlm_config)),
            (Active::Kerberos, Framing::Raw) => SspiContext::Kerberos(
                sspi::Kerberos::new_client_from_config(kerberos_config()).map_err(internal)?,
            ),
            // Each SPNEGO context offers exactly one mechanism: the package list keeps sspi from
            // looking for a KDC on its own (environment, krb5.conf, DNS) and from mixing
            // mechanisms; our own fallback rebuilds the context instead.
            (Active::Ntlm, Framing::Spnego) => SspiContext::Negotiate(
                sspi::Negotiate::new_client(NegotiateConfig::new(
                    Box::new(ntlm_config),
                    Some("ntlm".to_owned()),
                    workstation.clone(),
                ))
                .map_err(internal)?,
            ),
            (Active::Kerberos, Framing::Spnego) => SspiContext::Negotiate(
                sspi::Negotiate::new_client(NegotiateConfig::new(
                    Box::new(kerberos_config()),
                    Some("kerberos".to_owned()),
                    workstation.clone(),
                ))
                .map_err(internal)?,
            ),
        };
        let acquired = logging::quiet_sspi(|| {
            ctx.acquire_credentials_handle()
                .with_credential_use(CredentialUse::Outbound)
                .with_auth_data(&auth_data)
                .execute(&mut ctx)
        })
        .map_err(|e| AuthError::Usage(format!("credentials refused by sspi: {}", e.description)))?;
        self.handle = acquired.credentials_handle;
        self.sspi = Some(ctx);
        self.active = Some(active);
        self.keyed = false;
        tracing::debug!(mechanism = ?active, framing = ?self.framing, "security context created");
        Ok(())
    }

    fn request_flags(&self) -> ClientRequestFlags {
        let base = ClientRequestFlags::INTEGRITY | ClientRequestFlags::CONFIDENTIALITY;
        match (self.active, self.framing) {
            (Some(Active::Kerberos), Framing::Raw) => {
                // DCE style: AP-REQ, AP-REP, AP-REP ([MS-KILE] 3.4.5.1 / [MS-RPCE] 3.3.1.5.2.2).
                // At PKT_INTEGRITY no confidentiality, as Windows asks: the acceptor sizes its
                // signatures from these GSS flags (a Wrap token header with GSS_C_CONF_FLAG, a
                // MIC without), and Samba fails every signed response if they disagree.
                let base = if self.usage == Use::RpcIntegrity {
                    ClientRequestFlags::INTEGRITY
                } else {
                    base
                };
                base | ClientRequestFlags::MUTUAL_AUTH
                    | ClientRequestFlags::USE_DCE_STYLE
                    | ClientRequestFlags::SEQUENCE_DETECT
                    | ClientRequestFlags::REPLAY_DETECT
            }
            (Some(Active::Kerberos), Framing::Spnego) => {
                base | ClientRequestFlags::MUTUAL_AUTH
                    | ClientRequestFlags::SEQUENCE_DETECT
                    | ClientRequestFlags::REPLAY_DETECT
            }
            _ => base,
        }
    }

    /// One call of sspi's InitializeSecurityContext.
    fn init(&mut self, input: Option<&[u8]>) -> Result<(SecurityStatus, Vec<u8>), sspi::Error> {
        let flags = self.request_flags();
        let spn = self.kerberos.as_ref().map(|k| k.spn.clone());
        let SspiClient {
            sspi, handle, kdc, ..
        } = self;
        let ctx = sspi
            .as_mut()
            .ok_or_else(|| sspi::Error::new(sspi::ErrorKind::OutOfSequence, "no sspi context"))?;
        let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
        // sspi's Kerberos wants an input buffer list even for the first call (it looks there
        // for channel bindings and a U2U TGT); an empty token means "no input".
        let first = input.unwrap_or_default().to_vec();
        let mut input_buffers = vec![SecurityBuffer::new(first, BufferType::Token)];
        let mut builder = ctx
            .initialize_security_context()
            .with_credentials_handle(handle)
            .with_context_requirements(flags)
            .with_target_data_representation(DataRepresentation::Native)
            .with_output(&mut output);
        if let Some(spn) = spn.as_deref() {
            builder = builder.with_target_name(spn);
        }
        let mut builder = builder.with_input(&mut input_buffers);
        kdc.set_dispatch(logging::current_dispatch());
        let result = logging::quiet_sspi(|| {
            SspiImpl::initialize_security_context_impl(ctx, &mut builder)?.resolve_with_client(kdc)
        })?;
        let status = match result.status {
            SecurityStatus::CompleteNeeded | SecurityStatus::CompleteAndContinue => {
                logging::quiet_sspi(|| ctx.complete_auth_token(&mut output))?;
                if result.status == SecurityStatus::CompleteNeeded {
                    SecurityStatus::Ok
                } else {
                    SecurityStatus::ContinueNeeded
                }
            }
            other => other,
        };
        let token = output.pop().map(|b| b.buffer).unwrap_or_default();
        Ok((status, token))
    }

    fn first_step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        let result = self.first_step_inner(input);
        if self.phase != Phase::Start {
            // Built (and fallen back, if it came to that): our copy of the secret goes now.
            self.creds = None;
        }
        result
    }

    fn first_step_inner(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        let hint = match (self.framing, input) {
            (Framing::Raw, Some(_)) => {
                return Err(AuthError::State(
                    "Raw framing: the first step takes no input token",
                ));
            }
            (Framing::Spnego, Some(t)) if !t.is_empty() => {
                let hint = spnego::parse_hint(t)?;
                tracing::debug!(
                    kerberos = hint.kerberos,
                    ntlm = hint.ntlm,
                    "server SPNEGO hint"
                );
                Some(hint)
            }
            _ => None,
        };
        let active = self.choose(hint.as_ref())?;
        self.build(active)?;
        match self.init(None) {
            Ok(r) => self.finish_step(r),
            Err(e)
                if self.requested == Mechanism::Negotiate
                    && active == Active::Kerberos
                    && self.creds.as_ref().is_some_and(|c| !c.is_kerberos_only()) =>
            {
                let err = self.map_handshake_error(e);
                if !matches!(err, AuthError::KdcTimeout { .. } | AuthError::Kdc(_)) {
                    return self.fail(err);
                }
                tracing::warn!(error = %err, "Kerberos unavailable, falling back to NTLM");
                self.build(Active::Ntlm)?;
                let r = self.init(None).map_err(|e| self.map_handshake_error(e));
                match r {
                    Ok(r) => self.finish_step(r),
                    Err(e) => self.fail(e),
                }
            }
            Err(e) => {
                let err = self.map_handshake_error(e);
                self.fail(err)
            }
        }
    }

    fn finish_step(
        &mut self,
        (status, token): (SecurityStatus, Vec<u8>),
    ) -> Result<Step, AuthError> {
        let complete = match status {
            SecurityStatus::Ok => true,
            SecurityStatus::ContinueNeeded => false,
            other => {
                return self.fail(AuthError::Failed(format!(
                    "unexpected sspi status {other:?}"
                )));
            }
        };
        if complete || self.active == Some(Active::Ntlm) && self.session_key_bytes().is_some() {
            self.keyed = true;
        }
        self.phase = if complete {
            Phase::Complete
        } else {
            Phase::Running
        };
        if complete {
            self.protector = protect::Protector::for_context(
                self.active == Some(Active::Kerberos),
                self.sspi.as_mut(),
            );
            tracing::debug!(mechanism = ?self.active, "security context established");
        }
        tracing::trace!(bytes = token.len(), complete, "handshake step");
        Ok(Step { token, complete })
    }

    fn fail<T>(&mut self, err: AuthError) -> Result<T, AuthError> {
        self.phase = Phase::Failed;
        tracing::debug!(error = %err, "handshake failed");
        Err(err)
    }

    /// Translate an sspi error of a handshake step, using what the KDC client saw.
    fn map_handshake_error(&self, e: sspi::Error) -> AuthError {
        if let Some(error) = self.kdc.take_error() {
            return error;
        }
        if let Some(failure) = self.kdc.take_failure() {
            return match failure {
                KdcFailure::Timeout { kdc, after } => AuthError::KdcTimeout {
                    kdc: kdc.to_string(),
                    after,
                },
                KdcFailure::Transport(m) => AuthError::Kdc(m),
            };
        }
        if let Some((code, text)) = self.kdc.last_krb_error() {
            if code == KrbErrorCode::KRB_AP_ERR_TKT_EXPIRED {
                return AuthError::CredentialsExpired(format!(
                    "the KDC says the ticket expired ({}); run kinit",
                    text.as_deref().unwrap_or("KRB_AP_ERR_TKT_EXPIRED")
                ));
            }
            return AuthError::KdcRejected { code, text };
        }
        use sspi::ErrorKind as K;
        let text = e.description.clone();
        match e.error_type {
            K::InvalidToken | K::IncompleteMessage | K::IllegalMessage => {
                AuthError::InvalidToken(text)
            }
            K::MessageAltered => AuthError::Failed(format!(
                "integrity check of the peer's token failed: {text}"
            )),
            K::InvalidParameter
            | K::NoCredentials
            | K::IncompleteCredentials
            | K::WrongCredentialHandle => AuthError::Usage(text),
            K::NoAuthenticatingAuthority => AuthError::Kdc(text),
            _ => AuthError::Failed(format!("{:?}: {text}", e.error_type)),
        }
    }

    fn session_key_bytes(&self) -> Option<Zeroizing<Vec<u8>>> {
        let ctx = self.sspi.as_ref()?;
        let keys = logging::quiet_sspi(|| ctx.query_context_session_key()).ok()?;
        Some(Zeroizing::new(keys.session_key.as_ref().clone()))
    }

    pub(crate) fn sspi_mut(&mut self) -> Result<&mut SspiContext, AuthError> {
        if self.phase != Phase::Complete {
            return Err(AuthError::State(if self.phase == Phase::Failed {
                "the security context failed earlier and cannot protect messages"
            } else {
                "the handshake is not complete"
            }));
        }
        self.sspi
            .as_mut()
            .ok_or(AuthError::State("no security context"))
    }

    pub(crate) fn poison(&mut self) {
        self.phase = Phase::Failed;
    }

    /// What the context was built for.
    pub(crate) fn usage(&self) -> Use {
        self.usage
    }

    /// After the AP-REP of a DCE-style Kerberos handshake: read the acceptor's sequence number
    /// and subkey from it, check that sspi settled on the same key, derive the MIC keys.
    fn set_up_mic(&mut self, ap_rep: &[u8], ticket_key: &[u8]) -> Result<(), AuthError> {
        let params = logging::quiet_sspi(|| kerberos::acceptor_params(ap_rep, ticket_key))?;
        let current = self
            .session_key_bytes()
            .ok_or(AuthError::State("the Kerberos context exported no key"))?;
        let Some((enctype, subkey)) = params.subkey else {
            // sspi refuses an AP-REP without a subkey before we get here.
            return Err(AuthError::InvalidToken(
                "DCE-style AP-REP carries no acceptor subkey".to_owned(),
            ));
        };
        if subkey[..] != current[..] {
            return Err(AuthError::Failed(
                "sspi's context key is not the acceptor subkey of the AP-REP".to_owned(),
            ));
        }
        self.mic = Some(KrbMic {
            keys: MicKeys::new(&current, enctype, true)?,
            recv_seq: u64::from(params.seq),
        });
        tracing::debug!(?enctype, "Kerberos MIC keys derived");
        Ok(())
    }

    /// The next sequence number for a token we send, from sspi's counter (shared with its Wrap
    /// tokens; the AP-REQ authenticator announced the first one).
    pub(crate) fn next_send_seq(&mut self) -> Result<u64, AuthError> {
        match self.sspi_mut()? {
            SspiContext::Kerberos(k) => Ok(u64::from(k.next_seq_number())),
            _ => Err(AuthError::State("not a Kerberos context")),
        }
    }
}

impl SecurityContext for SspiClient {
    fn step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        match self.phase {
            Phase::Start => self.first_step(input),
            Phase::Failed => Err(AuthError::State("the handshake failed earlier")),
            Phase::Complete => {
                // An SMB2 server may still send an accept-completed NegTokenResp after we are
                // done (e.g. Kerberos without mechListMIC); accept it if it carries nothing.
                if let (Framing::Spnego, Some(t)) = (self.framing, input) {
                    let info = spnego::inspect_resp(t)?;
                    if info.neg_state == Some(NegState::AcceptCompleted)
                        && !info.has_response_token
                        && !info.has_mech_list_mic
                    {
                        return Ok(Step {
                            token: Vec::new(),
                            complete: true,
                        });
                    }
                }
                Err(AuthError::State("the handshake is already complete"))
            }
            Phase::Running => {
                let Some(input) = input else {
                    return Err(AuthError::State("the handshake expects the peer's token"));
                };
                if self.framing == Framing::Spnego {
                    let info = match spnego::inspect_resp(input) {
                        Ok(info) => info,
                        Err(e) => return self.fail(e),
                    };
                    if info.neg_state == Some(NegState::Reject) {
                        return self.fail(AuthError::Failed(
                            "the server rejected the authentication (SPNEGO reject)".to_owned(),
                        ));
                    }
                }
                // DCE-style Kerberos: the AP-REP is encrypted in the ticket session key, which is
                // sspi's context key until this step replaces it with the acceptor subkey.
                let ticket_key = (self.active == Some(Active::Kerberos)
                    && self.framing == Framing::Raw)
                    .then(|| self.session_key_bytes())
                    .flatten();
                match self.init(Some(input)) {
                    Ok(r) => {
                        let step = self.finish_step(r)?;
                        if let (true, Some(key)) = (step.complete, ticket_key)
                            && let Err(e) = self.set_up_mic(input, &key)
                        {
                            return self.fail(e);
                        }
                        Ok(step)
                    }
                    Err(e) => {
                        let err = self.map_handshake_error(e);
                        self.fail(err)
                    }
                }
            }
        }
    }

    fn is_complete(&self) -> bool {
        self.phase == Phase::Complete
    }

    fn session_key(&self) -> Result<SessionKey, AuthError> {
        if !self.keyed && self.phase != Phase::Complete {
            return Err(AuthError::State(
                "no session key before the handshake produced one",
            ));
        }
        let key = self
            .session_key_bytes()
            .ok_or(AuthError::State("the mechanism exported no session key"))?;
        Ok(SessionKey::new(key.to_vec()))
    }

    fn signature_len(&self) -> usize {
        let level = if self.usage == Use::RpcIntegrity {
            Protection::Integrity
        } else {
            Protection::Privacy
        };
        self.signature_len_at(level)
    }

    fn signature_len_at(&self, level: Protection) -> usize {
        // Before the first step: the mechanism the first step will try.
        let active = self.active.or(match self.requested {
            Mechanism::Ntlm => Some(Active::Ntlm),
            Mechanism::Kerberos => Some(Active::Kerberos),
            Mechanism::Negotiate if self.kerberos.is_some() => Some(Active::Kerberos),
            Mechanism::Negotiate => Some(Active::Ntlm),
        });
        match (active, level) {
            (Some(Active::Kerberos), Protection::Integrity) => KERBEROS_MIC_LEN,
            (kerberos, _) => self
                .protector
                .signature_len(kerberos == Some(Active::Kerberos)),
        }
    }

    fn protect(
        &mut self,
        level: crate::Protection,
        parts: &mut [crate::Part<'_>],
    ) -> Result<Vec<u8>, AuthError> {
        protect::protect(self, level, parts)
    }

    fn unprotect(
        &mut self,
        level: crate::Protection,
        parts: &mut [crate::Part<'_>],
        signature: &[u8],
    ) -> Result<(), AuthError> {
        protect::unprotect(self, level, parts, signature)
    }

    fn mechanism(&self) -> Option<Mechanism> {
        SspiClient::mechanism(self)
    }

    fn framing(&self) -> Option<Framing> {
        Some(self.framing)
    }
}

/// sspi's identity for NTLM: `domain\user` (or a UPN with an empty domain) and either the
/// password or sspi's `$NTLM$:<hex>` form of the NT hash.
fn ntlm_identity(creds: &Credentials) -> Result<AuthIdentity, AuthError> {
    let username = sspi_username(creds.user(), creds.domain())?;
    let password = match &creds.secret {
        Secret::Password(p) => sspi::Secret::new(String::clone(p)),
        Secret::NtHash(h) => {
            // Exact capacity: a growing String would leave unzeroed copies behind.
            let hex = hex_lower(&h[..]);
            let mut password = String::with_capacity(sspi::NTLM_HASH_PREFIX.len() + hex.len());
            password.push_str(sspi::NTLM_HASH_PREFIX);
            password.push_str(&hex);
            sspi::Secret::new(password)
        }
        Secret::Anonymous => {
            return Err(AuthError::Usage(
                "anonymous NTLM runs through the anonymous context".to_owned(),
            ));
        }
        Secret::Ccache(_) | Secret::Keytab(_) => {
            return Err(AuthError::Usage(
                "a ticket cache or a keytab works with Kerberos only".to_owned(),
            ));
        }
    };
    Ok(AuthIdentity { username, password })
}

/// sspi's identity for Kerberos: the realm stands in the domain position, which sspi uses as
/// the client realm (after any `[domain_realm]` mapping in `KRB5_CONFIG`).
fn kerberos_identity(creds: &Credentials, realm: &str) -> Result<AuthIdentity, AuthError> {
    let Secret::Password(p) = &creds.secret else {
        return Err(AuthError::Usage("Kerberos needs a password".to_owned()));
    };
    // A UPN (user@dns.domain) goes as an enterprise name (NT-ENTERPRISE, [MS-KILE] 3.1.5.1.1);
    // sspi takes its realm from the suffix.
    let username = match creds.user().rsplit_once('@') {
        Some((account, suffix)) if creds.domain().is_empty() => Username::new_upn(account, suffix),
        _ => Username::new_down_level_logon_name(creds.user(), realm),
    }
    .map_err(|e| AuthError::Usage(format!("user name not usable for Kerberos: {e}")))?;
    Ok(AuthIdentity {
        username,
        password: sspi::Secret::new(String::clone(p)),
    })
}

/// sspi's identity for a credential cache, and the cache-backed KDC that answers its AS
/// exchange: see [`crate::cache_kdc`]. Fixes the target's realm to the cache's.
fn from_cache(
    name: &str,
    opts: &AuthOptions,
    service: &str,
    target: &mut KerberosTarget,
) -> Result<(KeytabIdentity, CacheKdc), AuthError> {
    let (path, cache) = ccache::load(&CacheName::parse(name))
        .map_err(|e| AuthError::NoCredentials(format!("credential cache {name}: {e}")))?;
    let host = kerberos::spn_host(opts)
        .ok_or(AuthError::State("no SPN host"))?
        .to_owned();
    let source = format!("credential cache {}", path.display());
    let cache_kdc = CacheKdc::new(&cache, &source, service, &host, cache_kdc::now_secs(), None)?;
    let client = cache_kdc.client();
    if !target.realm.is_empty() && !target.realm.eq_ignore_ascii_case(&client.realm) {
        tracing::debug!(configured = %target.realm, cache = %client.realm, "using the credential cache's realm");
    }
    target.realm = client.realm.clone();
    tracing::debug!(%client, cache = %path.display(), cached_service_ticket = cache_kdc.has_service_ticket(), "Kerberos from a credential cache");
    let key = cache_kdc.as_key();
    let identity = KeytabIdentity {
        principal: keytab_username(&client.components.join("_"), &client.realm)?,
        key: sspi::Secret::new(key.bytes().to_vec()),
        key_enctype: cipher_suite(key.enctype)?,
    };
    Ok((identity, cache_kdc))
}

/// What a keytab's key for the user becomes.
enum KeytabKey {
    /// An AES key: sspi logs on with it.
    Aes(KeytabIdentity),
    /// Only an RC4 key: our own exchanges get the service ticket ([`crate::krb_rc4`]).
    Rc4(Rc4Logon),
}

/// The keytab's key of `creds`' user, for sspi or for the RC4 logon.
fn from_keytab(
    creds: &Credentials,
    path: &std::path::Path,
    target: &mut KerberosTarget,
) -> Result<KeytabKey, AuthError> {
    let keytab = keytab::load(path).map_err(|e| AuthError::NoCredentials(format!("keytab {e}")))?;
    let user = creds.user();
    if user.is_empty() || user.contains(['/', '\\', '@']) {
        return Err(AuthError::Usage(format!(
            "keytab logon needs a user principal (user@REALM), got {user:?}"
        )));
    }
    let mut want = ccache::Principal {
        name_type: 1,
        realm: target.realm.clone(),
        components: vec![user.to_owned()],
    };
    if want.realm.is_empty() {
        // No realm given: the keytab's only realm for this name.
        let realms: Vec<&str> = keytab
            .principals()
            .into_iter()
            .filter(|p| p.components == want.components)
            .map(|p| p.realm.as_str())
            .collect();
        if let [realm] = realms.as_slice() {
            want.realm = realm.to_string();
            target.realm = want.realm.clone();
        }
    }
    let entry = keytab.best_key(&want).ok_or_else(|| {
        let have: Vec<String> = keytab.principals().iter().map(|p| p.to_string()).collect();
        AuthError::NoCredentials(format!(
            "keytab {} has no usable key for {want} (it has: {})",
            path.display(),
            if have.is_empty() {
                "nothing".to_owned()
            } else {
                have.join(", ")
            }
        ))
    })?;
    tracing::debug!(principal = %want, kvno = entry.kvno, enctype = entry.key.enctype, "Kerberos from a keytab");
    if entry.key.enctype == keytab::RC4_HMAC {
        return Ok(KeytabKey::Rc4(Rc4Logon::new(
            user,
            target,
            entry.key.clone(),
        )?));
    }
    Ok(KeytabKey::Aes(KeytabIdentity {
        principal: keytab_username(user, &target.realm)?,
        key: sspi::Secret::new(entry.key.bytes().to_vec()),
        key_enctype: cipher_suite(entry.key.enctype)?,
    }))
}

/// sspi's identity (a one-time AES key) and the KDC transport that answers its requests from
/// the RC4 `logon` ([`crate::krb_rc4`]).
fn rc4_logon(
    creds: &Credentials,
    logon: Rc4Logon,
    target: &KerberosTarget,
    opts: &AuthOptions,
) -> Result<(KeytabIdentity, KdcClient), AuthError> {
    let as_key = cache_kdc::random_key(keytab::AES256)?;
    let identity = KeytabIdentity {
        principal: keytab_username(creds.user(), &target.realm)?,
        key: sspi::Secret::new(as_key.bytes().to_vec()),
        key_enctype: CipherSuite::Aes256CtsHmacSha196,
    };
    Ok((
        identity,
        KdcClient::locating(&target.realm, opts).with_rc4(logon, as_key),
    ))
}

fn keytab_username(user: &str, realm: &str) -> Result<Username, AuthError> {
    Username::new_down_level_logon_name(user, realm)
        .map_err(|e| AuthError::Usage(format!("principal {user}@{realm} not usable: {e}")))
}

fn cipher_suite(enctype: i32) -> Result<CipherSuite, AuthError> {
    match enctype {
        18 => Ok(CipherSuite::Aes256CtsHmacSha196),
        17 => Ok(CipherSuite::Aes128CtsHmacSha196),
        other => Err(AuthError::Usage(format!(
            "enctype {other} is not supported (AES256 and AES128 are)"
        ))),
    }
}

fn sspi_username(user: &str, domain: &str) -> Result<Username, AuthError> {
    if user.is_empty() {
        return Err(AuthError::Usage("empty user name".to_owned()));
    }
    Username::new(user, (!domain.is_empty()).then_some(domain))
        .map_err(|e| AuthError::Usage(format!("user name {user:?} / domain {domain:?}: {e}")))
}

fn internal(e: sspi::Error) -> AuthError {
    AuthError::Failed(format!("sspi: {e}"))
}
