//! How to authenticate: mechanism, KDC, SPN host, token framing and timeouts.
//!
//! Nothing here is resolved through the host resolver: the KDC is an explicit address and the
//! SPN host name is only a name ([MS-KILE] 3.3.5.1, SPN `service/host`). Where a choice follows a
//! spec rule, the rule is cited at the field.

use std::time::Duration;

/// Which security package to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mechanism {
    /// NTLMv2 ([MS-NLMP]).
    Ntlm,
    /// Kerberos v5 ([MS-KILE], RFC 4120); needs [`AuthOptions::kdc`] and [`AuthOptions::target_host`].
    Kerberos,
    /// SPNEGO's choice ([MS-SPNG]): Kerberos when a KDC and a target host name are configured
    /// (and the server's hint, if any, offers Kerberos), otherwise NTLM. A Kerberos attempt that
    /// cannot reach the KDC falls back to NTLM, as Windows does.
    #[default]
    Negotiate,
}

/// Options for [`crate::client_context`].
#[derive(Debug, Clone)]
pub struct AuthOptions {
    /// The security package.
    pub mechanism: Mechanism,
    /// `host[:port]` of the KDC (port 88 by default). The host must be an IP address literal
    /// (IPv6 in brackets when a port follows): names are never resolved, and the KDC is never
    /// derived from the target.
    pub kdc: Option<String>,
    /// Kerberos realm; defaults to the upper-cased domain of the credentials.
    pub realm: Option<String>,
    /// Host name for the SPN (`dc1.lab.example` gives `cifs/dc1.lab.example`), independent of
    /// the address the caller connects to. An IP address here means no Kerberos.
    pub target_host: Option<String>,
    /// Workstation name sent in NTLM NEGOTIATE ([MS-NLMP] 2.2.1.1) and used as the Kerberos
    /// client address name; `None` sends none.
    pub workstation: Option<String>,
    /// Upper bound for each KDC exchange (connect + request + reply).
    pub timeout: Duration,
}

impl Default for AuthOptions {
    fn default() -> Self {
        AuthOptions {
            mechanism: Mechanism::Negotiate,
            kdc: None,
            realm: None,
            target_host: None,
            workstation: None,
            timeout: Duration::from_secs(10),
        }
    }
}

impl AuthOptions {
    /// NTLM only, all else default.
    pub fn ntlm() -> Self {
        AuthOptions {
            mechanism: Mechanism::Ntlm,
            ..AuthOptions::default()
        }
    }

    /// Kerberos against `kdc` for the SPN host `target_host`, all else default.
    pub fn kerberos(kdc: &str, target_host: &str) -> Self {
        AuthOptions {
            mechanism: Mechanism::Kerberos,
            kdc: Some(kdc.to_owned()),
            target_host: Some(target_host.to_owned()),
            ..AuthOptions::default()
        }
    }
}

/// How tokens are framed on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// SPNEGO ([MS-SPNG], RFC 4178) NegTokenInit / NegTokenResp, as SMB2 SESSION_SETUP carries
    /// (NTLM and Kerberos). Also DCE/RPC `auth_type` 9 with NTLM inside (four legs: bind,
    /// bind_ack, alter_context, alter_context_resp, for the mechListMIC exchange). Kerberos
    /// inside SPNEGO over DCE/RPC is not supported: Windows runs it in DCE style there, and this
    /// framing produces SMB2's GSS-wrapped AP-REQ (Samba completes the handshake but refuses the
    /// protected PDUs); use `Raw` with `auth_type` 16.
    Spnego,
    /// The bare mechanism token: NTLMSSP messages for DCE/RPC `auth_type` 10
    /// (`RPC_C_AUTHN_WINNT`: NEGOTIATE in bind, CHALLENGE in bind_ack, AUTHENTICATE in
    /// rpc_auth3), or Kerberos in DCE style for `auth_type` 16 (`RPC_C_AUTHN_GSS_KERBEROS`,
    /// [MS-KILE] 3.4.5.4 / [MS-RPCE] 3.3.1.5.2.2: AP-REQ in bind, the server's AP-REP in
    /// bind_ack, our AP-REP in rpc_auth3).
    Raw,
}
