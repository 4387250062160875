//! How to authenticate: mechanism, KDC, SPN host, token framing and timeouts.
//!
//! The SPN host name is only a name ([MS-KILE] 3.3.5.1, SPN `service/host`), never resolved.
//! The KDC is found as MIT's library finds it ([`crate::locate`]): [`AuthOptions::kdc`], else
//! the realm's `kdc` lines in krb5.conf, else DNS SRV `_kerberos._tcp.REALM`
//! ([MS-KILE] 3.1.5.1); [`Discovery`] says which krb5.conf and which DNS server. Where a choice
//! follows a spec rule, the rule is cited at the field.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Which security package to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mechanism {
    /// NTLMv2 ([MS-NLMP]).
    Ntlm,
    /// Kerberos v5 ([MS-KILE], RFC 4120); needs [`AuthOptions::target_host`] (a host name) and
    /// a KDC ([`AuthOptions::kdc`] or one [`Discovery`] finds).
    Kerberos,
    /// SPNEGO's choice ([MS-SPNG]): Kerberos when the credentials are Kerberos-only (a ticket
    /// cache or a keytab), or when a KDC is configured in [`AuthOptions::kdc`] and there is a
    /// target host name (and the server's hint, if any, offers Kerberos); otherwise NTLM. A
    /// password logon whose KDC cannot be reached falls back to NTLM, as Windows does.
    #[default]
    Negotiate,
}

/// Options for [`crate::client_context`].
#[derive(Debug, Clone)]
pub struct AuthOptions {
    /// The security package.
    pub mechanism: Mechanism,
    /// `host[:port]` of the KDC (port 88 by default): an IP address literal (IPv6 in brackets
    /// when a port follows) or a host name, resolved through [`Discovery::dns_server`] when set,
    /// else the host's resolver. `None`: found through [`AuthOptions::discovery`]. The KDC is
    /// never derived from the target.
    pub kdc: Option<String>,
    /// Kerberos realm; defaults to the upper-cased domain of the credentials.
    pub realm: Option<String>,
    /// Host name for the SPN (`dc1.lab.example` gives `cifs/dc1.lab.example`), independent of
    /// the address the caller connects to. An IP address here means no Kerberos.
    pub target_host: Option<String>,
    /// Workstation name sent in NTLM NEGOTIATE ([MS-NLMP] 2.2.1.1) and used as the Kerberos
    /// client address name; `None` sends none.
    pub workstation: Option<String>,
    /// Upper bound for each KDC exchange (connect + request + reply) and each DNS lookup.
    pub timeout: Duration,
    /// Where a KDC is looked for when [`AuthOptions::kdc`] is `None`.
    pub discovery: Discovery,
}

/// How to find a KDC without [`AuthOptions::kdc`] (MIT's order: krb5.conf, then DNS).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// The krb5.conf files to read; `None`: `KRB5_CONFIG` (colon-separated) or
    /// `/etc/krb5.conf`; `Some(vec![])`: none.
    pub krb5_config: Option<Vec<PathBuf>>,
    /// The DNS server asked for `_kerberos._tcp.REALM` SRV records and for the addresses of
    /// KDC host names (port 53 if given as an address without one). `None`: the first
    /// `nameserver` of `/etc/resolv.conf` for SRV records, the host's resolver for names.
    pub dns_server: Option<SocketAddr>,
    /// Whether to ask DNS at all. `None`: krb5.conf's `dns_lookup_kdc` (default yes), except
    /// that a configured [`Discovery::dns_server`] is always asked.
    pub dns_srv: Option<bool>,
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
            discovery: Discovery::default(),
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

    /// Kerberos against `kdc` (an address or a host name) for the SPN host `target_host`, all
    /// else default.
    pub fn kerberos(kdc: &str, target_host: &str) -> Self {
        AuthOptions {
            mechanism: Mechanism::Kerberos,
            kdc: Some(kdc.to_owned()),
            target_host: Some(target_host.to_owned()),
            ..AuthOptions::default()
        }
    }

    /// Kerberos for the SPN host `target_host`, with the KDC found through
    /// [`AuthOptions::discovery`] (krb5.conf, DNS SRV).
    pub fn kerberos_discovered(target_host: &str) -> Self {
        AuthOptions {
            mechanism: Mechanism::Kerberos,
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
