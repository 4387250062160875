//! ncacn_ip_tcp against the Samba lab DC with every mechanism at both protection levels, built
//! the way the netapi layer builds them: `AuthConfig::for_rpc(credentials, options, "host",
//! level)`, whose `auth_type` follows the mechanism the context actually runs.
//!
//! Matrix: samr, lsarpc and netlogon (each on the TCP port the endpoint mapper gives) ×
//! {Negotiate with default options, Negotiate with Kerberos configured, NTLM, Kerberos} ×
//! {PKT_INTEGRITY, PKT_PRIVACY}. Every case binds, makes real calls, and checks the auth_type of
//! every sec_trailer that went out on the socket (16 for Kerberos, 10 for NTLM):
//! * samr: SamrConnect5 + SamrCloseHandle, twice on one association (sequence numbers);
//! * netlogon: NetrServerReqChallenge, twice;
//! * lsarpc: quirk(samba-4.17): no lsarpc call succeeds over TCP without schannel.
//!   LsarOpenPolicy2 (and every call needing its handle) and LsarGetUserName are allowed on
//!   ncacn_np / ncalrpc only, LsarLookupSids3 / LsarLookupNames4 with schannel only; all fault
//!   with `DCERPC_FAULT_ACCESS_DENIED` (5). The bind and the protected request still go
//!   through authentication and signature checks, so the exact fault is asserted, and the
//!   same request with its signed header changed after signing gets
//!   `DCERPC_FAULT_SEC_PKG_ERROR` (0x721) instead: Samba's access check comes after it
//!   verified our signature.
//!
//! Plus: Negotiate falls back to NTLM when the configured KDC refuses connections, and a
//! response whose Kerberos MIC was tampered with in transit is refused.
//!
//! Skips with a printed reason when `NETAPI_LAB_*` is unset (never under `CI=true`).

mod rpc_stubs;

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

use netapi_auth::{AuthError, AuthOptions, Credentials, Mechanism};
use netapi_dcerpc::{AuthConfig, AuthLevel, AuthType, SyntaxId};
use netapi_testkit::lab::Lab;
use netapi_transport::rpc::RpcClient;
use netapi_transport::tcp::{TcpIo, TcpOptions};
use netapi_transport::{Error, RpcIo, epmap};
use rpc_stubs::*;

const NETLOGON: SyntaxId = SyntaxId::new("12345678-1234-abcd-ef00-01234567cffb", 1, 0);
const NETR_SERVER_REQ_CHALLENGE: u16 = 4;
const LSAR_GET_USER_NAME: u16 = 45;
const LSAR_LOOKUP_SIDS3: u16 = 76;
const DCERPC_FAULT_ACCESS_DENIED: u32 = 5;
/// `DCERPC_FAULT_SEC_PKG_ERROR`: Samba's answer to a request whose signature does not verify.
const DCERPC_FAULT_SEC_PKG_ERROR: u32 = 0x721;

/// How the options are set, as a netapi user would set them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setup {
    /// `AuthOptions::default()`: Negotiate, no KDC, no target host.
    NegotiateDefault,
    /// Negotiate with a KDC, the realm and the DC's host name.
    NegotiateKerberos,
    /// `Mechanism::Ntlm`.
    Ntlm,
    /// `Mechanism::Kerberos` with KDC, realm and host name.
    Kerberos,
}

const SETUPS: [Setup; 4] = [
    Setup::NegotiateDefault,
    Setup::NegotiateKerberos,
    Setup::Ntlm,
    Setup::Kerberos,
];
const LEVELS: [AuthLevel; 2] = [AuthLevel::PKT_INTEGRITY, AuthLevel::PKT_PRIVACY];

impl Setup {
    fn options(self, lab: &Lab) -> AuthOptions {
        let kerberos = |mechanism| AuthOptions {
            mechanism,
            kdc: Some(format!("{}:88", lab.dc.ip)),
            realm: Some(lab.realm.clone()),
            target_host: Some(lab.dc_fqdn.clone()),
            ..AuthOptions::default()
        };
        match self {
            Setup::NegotiateDefault => AuthOptions::default(),
            Setup::NegotiateKerberos => kerberos(Mechanism::Negotiate),
            Setup::Ntlm => AuthOptions::ntlm(),
            Setup::Kerberos => kerberos(Mechanism::Kerberos),
        }
    }

    fn expected(self) -> AuthType {
        match self {
            Setup::NegotiateDefault | Setup::Ntlm => AuthType::NTLMSSP,
            Setup::NegotiateKerberos | Setup::Kerberos => AuthType::KERBEROS,
        }
    }
}

/// What went out on the socket, and a switch to corrupt the next reply.
#[derive(Default)]
struct Wire {
    /// (ptype, auth_type of the sec_trailer) of every PDU sent that carries one.
    trailers: Vec<(u8, u8)>,
    /// Flip this byte of the next data received.
    tamper_next_reply_at: Option<usize>,
    /// Flip this byte of the next request sent (after it was signed).
    tamper_next_request_at: Option<usize>,
}

/// `TcpIo` that records the auth_type of every PDU it sends.
struct Recording {
    inner: TcpIo,
    wire: Arc<Mutex<Wire>>,
}

impl Recording {
    fn record(&self, mut data: &[u8]) {
        // Whole PDUs, possibly several in one write.
        let mut wire = self.wire.lock().unwrap();
        while data.len() >= 16 {
            let frag_len = usize::from(u16::from_le_bytes([data[8], data[9]]));
            let auth_len = usize::from(u16::from_le_bytes([data[10], data[11]]));
            if frag_len < 16 || frag_len > data.len() {
                break;
            }
            if auth_len > 0 {
                let trailer = frag_len - auth_len - 8;
                wire.trailers.push((data[2], data[trailer]));
            }
            data = &data[frag_len..];
        }
    }

    fn tamper(&self, mut data: Vec<u8>) -> Vec<u8> {
        if let Some(at) = self.wire.lock().unwrap().tamper_next_reply_at.take() {
            data[at] ^= 0x01;
        }
        data
    }
}

impl RpcIo for Recording {
    async fn transceive(&mut self, data: &[u8]) -> Result<Vec<u8>, Error> {
        self.record(data);
        let mut data = data.to_vec();
        if data[2] == 0
            && let Some(at) = self.wire.lock().unwrap().tamper_next_request_at.take()
        {
            data[at] ^= 0x01;
        }
        let reply = self.inner.transceive(&data).await?;
        Ok(self.tamper(reply))
    }

    async fn send(&mut self, data: &[u8]) -> Result<(), Error> {
        self.record(data);
        self.inner.send(data).await
    }

    async fn recv(&mut self) -> Result<Vec<u8>, Error> {
        let reply = self.inner.recv().await?;
        Ok(self.tamper(reply))
    }

    fn preferred_frag_size(&self) -> u16 {
        self.inner.preferred_frag_size()
    }
}

fn admin(lab: &Lab) -> Credentials {
    Credentials::password(&lab.dc.domain, &lab.dc.admin_user, &lab.dc.password)
}

/// Bind `iface` over TCP with the auth config the netapi layer would build.
async fn bind(
    lab: &Lab,
    iface: SyntaxId,
    opts: &AuthOptions,
    level: AuthLevel,
) -> Result<(RpcClient<Recording>, Arc<Mutex<Wire>>), Error> {
    let ip: IpAddr = lab.dc.ip.parse().unwrap();
    let tcp = TcpOptions::default();
    let port = epmap::resolve_tcp_port(ip, &iface, tcp.clone()).await?;
    let inner = TcpIo::connect(SocketAddr::new(ip, port), tcp).await?;
    let wire = Arc::new(Mutex::new(Wire::default()));
    let io = Recording {
        inner,
        wire: wire.clone(),
    };
    let auth = AuthConfig::for_rpc(&admin(lab), opts, "host", level).map_err(|e| match e {
        netapi_dcerpc::Error::Auth(a) => Error::Auth(a),
        other => Error::Rpc(other),
    })?;
    let client = RpcClient::bind(io, &[iface], Some(auth)).await?;
    Ok((client, wire))
}

/// Every trailer sent so far carried `want` (bind, rpc_auth_3, requests), and there was one.
fn assert_sent(wire: &Mutex<Wire>, want: AuthType, what: &str) {
    let wire = wire.lock().unwrap();
    assert!(
        wire.trailers.iter().any(|&(ptype, _)| ptype == 11),
        "{what}: no bind with a trailer"
    );
    assert!(
        wire.trailers.iter().any(|&(ptype, _)| ptype == 0),
        "{what}: no protected request"
    );
    for &(ptype, auth_type) in &wire.trailers {
        assert_eq!(
            auth_type, want.0,
            "{what}: PDU type {ptype} went out with auth_type {auth_type}"
        );
    }
}

async fn call(
    client: &mut RpcClient<Recording>,
    iface: &SyntaxId,
    opnum: u16,
    stub: &[u8],
) -> Result<Vec<u8>, Error> {
    let ctx = client.context(iface).unwrap();
    client
        .call(ctx, opnum, stub)
        .await
        .map(netapi_dcerpc::Stub::into_vec)
}

async fn samr_connect_and_close(client: &mut RpcClient<Recording>, server: &str) {
    let resp = call(
        client,
        &SAMR,
        SAMR_CONNECT5,
        &samr_connect5(server, MAXIMUM_ALLOWED),
    )
    .await
    .unwrap();
    let (handle, status) = samr_connect5_reply(&resp);
    assert_eq!(status, 0, "SamrConnect5 status 0x{status:08x}");
    assert_ne!(handle, [0; 20]);
    let resp = call(client, &SAMR, SAMR_CLOSE_HANDLE, &handle)
        .await
        .unwrap();
    let (closed, status) = handle_and_status(&resp);
    assert_eq!(status, 0, "SamrCloseHandle status 0x{status:08x}");
    assert_eq!(closed, [0; 20]);
}

/// `[string] wchar_t*` behind a reference pointer: the conformant varying string alone.
fn ref_wstring(out: &mut Vec<u8>, s: &str) {
    let units: Vec<u16> = s.encode_utf16().chain([0]).collect();
    for v in [units.len() as u32, 0, units.len() as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for u in units {
        out.extend_from_slice(&u.to_le_bytes());
    }
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
}

/// NetrServerReqChallenge ([MS-NRPC] 3.5.4.4.1): PrimaryName, ComputerName, ClientChallenge.
fn netr_server_req_challenge(server: &str, computer: &str, challenge: [u8; 8]) -> Vec<u8> {
    let mut out = Vec::new();
    unique_wstring(&mut out, 0x0002_0000, server);
    ref_wstring(&mut out, computer);
    out.extend_from_slice(&challenge);
    out
}

async fn netlogon_req_challenge(client: &mut RpcClient<Recording>, server: &str) {
    let resp = call(
        client,
        &NETLOGON,
        NETR_SERVER_REQ_CHALLENGE,
        &netr_server_req_challenge(server, "NETAPI-TEST", *b"12345678"),
    )
    .await
    .unwrap();
    assert_eq!(resp.len(), 12, "ServerChallenge + NTSTATUS: {resp:02x?}");
    let status = u32::from_le_bytes(resp[8..12].try_into().unwrap());
    assert_eq!(status, 0, "NetrServerReqChallenge status 0x{status:08x}");
    assert_ne!(&resp[..8], &[0; 8], "a server challenge");
}

/// LsarLookupSids3: one SID (S-1-5-32-544), empty TranslatedNames, level 1, count 0,
/// LookupOptions 0, ClientRevision 2.
fn lsar_lookup_sids3() -> Vec<u8> {
    let mut out = Vec::new();
    let u32le = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    // SidEnumBuffer: Entries 1, SidInfo pointer, [conformant array 1] { Sid pointer }.
    u32le(&mut out, 1);
    u32le(&mut out, 0x0002_0000);
    u32le(&mut out, 1);
    u32le(&mut out, 0x0002_0004);
    // The SID: SubAuthorityCount conformance, then Revision, count, authority, sub-authorities.
    u32le(&mut out, 2);
    out.extend_from_slice(&[1, 2, 0, 0, 0, 0, 0, 5]);
    u32le(&mut out, 32);
    u32le(&mut out, 544);
    // TranslatedNames: Entries 0, Names NULL.
    u32le(&mut out, 0);
    u32le(&mut out, 0);
    u32le(&mut out, 1); // LookupLevel: LsapLookupWksta
    u32le(&mut out, 0); // MappedCount
    u32le(&mut out, 0); // LookupOptions
    u32le(&mut out, 2); // ClientRevision
    out
}

fn fault_status(err: &Error) -> Option<u32> {
    match err {
        Error::Rpc(netapi_dcerpc::Error::Fault { status, .. }) => Some(*status),
        _ => None,
    }
}

macro_rules! lab_or_skip {
    () => {
        match Lab::get() {
            Some(lab) => lab,
            None => return,
        }
    };
}

#[tokio::test(flavor = "multi_thread")]
async fn samr_with_every_mechanism_and_level() {
    let lab = lab_or_skip!();
    let server = format!("\\\\{}", lab.dc.ip);
    for setup in SETUPS {
        for level in LEVELS {
            let what = format!("samr {setup:?} {level:?}");
            let (mut client, wire) = bind(&lab, SAMR, &setup.options(&lab), level)
                .await
                .unwrap_or_else(|e| panic!("{what}: bind: {e}"));
            assert_eq!(
                client.association().auth_type(),
                Some(setup.expected()),
                "{what}"
            );
            samr_connect_and_close(&mut client, &server).await;
            samr_connect_and_close(&mut client, "x").await;
            assert_sent(&wire, setup.expected(), &what);
            eprintln!("{what}: ok, auth_type {}", setup.expected().0);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn netlogon_with_every_mechanism_and_level() {
    let lab = lab_or_skip!();
    let server = format!("\\\\{}", lab.dc.name);
    for setup in SETUPS {
        for level in LEVELS {
            let what = format!("netlogon {setup:?} {level:?}");
            let (mut client, wire) = bind(&lab, NETLOGON, &setup.options(&lab), level)
                .await
                .unwrap_or_else(|e| panic!("{what}: bind: {e}"));
            assert_eq!(
                client.association().auth_type(),
                Some(setup.expected()),
                "{what}"
            );
            netlogon_req_challenge(&mut client, &server).await;
            netlogon_req_challenge(&mut client, &server).await;
            assert_sent(&wire, setup.expected(), &what);
            eprintln!("{what}: ok, auth_type {}", setup.expected().0);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn lsarpc_with_every_mechanism_and_level_is_refused_by_samba() {
    let lab = lab_or_skip!();
    let system = format!("\\\\{}", lab.dc.ip);
    for setup in SETUPS {
        for level in LEVELS {
            let what = format!("lsarpc {setup:?} {level:?}");
            let (mut client, wire) = bind(&lab, LSARPC, &setup.options(&lab), level)
                .await
                .unwrap_or_else(|e| panic!("{what}: bind: {e}"));
            assert_eq!(
                client.association().auth_type(),
                Some(setup.expected()),
                "{what}"
            );
            let requests: [(&str, u16, Vec<u8>); 3] = [
                (
                    "LsarOpenPolicy2",
                    LSAR_OPEN_POLICY2,
                    lsar_open_policy2(&system, MAXIMUM_ALLOWED),
                ),
                // UserName NULL (unique pointer), DomainName NULL.
                ("LsarGetUserName", LSAR_GET_USER_NAME, vec![0; 12]),
                ("LsarLookupSids3", LSAR_LOOKUP_SIDS3, lsar_lookup_sids3()),
            ];
            for (name, opnum, stub) in requests {
                let err = call(&mut client, &LSARPC, opnum, &stub).await.unwrap_err();
                assert_eq!(
                    fault_status(&err),
                    Some(DCERPC_FAULT_ACCESS_DENIED),
                    "{what}: {name}: {err}"
                );
            }
            assert_sent(&wire, setup.expected(), &what);
            // Control: alloc_hint (signed header) changed after signing.
            wire.lock().unwrap().tamper_next_request_at = Some(16);
            let err = call(
                &mut client,
                &LSARPC,
                LSAR_OPEN_POLICY2,
                &lsar_open_policy2(&system, MAXIMUM_ALLOWED),
            )
            .await
            .unwrap_err();
            assert_eq!(
                fault_status(&err),
                Some(DCERPC_FAULT_SEC_PKG_ERROR),
                "{what}: a tampered request fails the signature check first: {err}"
            );
            eprintln!(
                "{what}: bound, calls refused with fault 5 as Samba does over TCP; tampered: {err}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn negotiate_falls_back_to_ntlm_when_the_kdc_refuses_connections() {
    let lab = lab_or_skip!();
    // Port 1 on the DC's address: connection refused, at once.
    let opts = AuthOptions {
        kdc: Some(format!("{}:1", lab.dc.ip)),
        realm: Some(lab.realm.clone()),
        target_host: Some(lab.dc_fqdn.clone()),
        ..AuthOptions::default()
    };
    for level in LEVELS {
        let (mut client, wire) = bind(&lab, SAMR, &opts, level).await.unwrap();
        assert_eq!(client.association().auth_type(), Some(AuthType::NTLMSSP));
        samr_connect_and_close(&mut client, "x").await;
        assert_sent(&wire, AuthType::NTLMSSP, "fallback");
    }
    // An explicit Kerberos request does not fall back.
    let opts = AuthOptions {
        mechanism: Mechanism::Kerberos,
        ..opts
    };
    let err = bind(&lab, SAMR, &opts, AuthLevel::PKT_PRIVACY)
        .await
        .err()
        .unwrap();
    assert!(matches!(err, Error::Auth(AuthError::Kdc(_))), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn kerberos_without_a_target_host_is_a_usage_error() {
    let lab = lab_or_skip!();
    let opts = AuthOptions {
        mechanism: Mechanism::Kerberos,
        kdc: Some(format!("{}:88", lab.dc.ip)),
        realm: Some(lab.realm.clone()),
        ..AuthOptions::default()
    };
    for target in [None, Some(lab.dc.ip.clone())] {
        let opts = AuthOptions {
            target_host: target,
            ..opts.clone()
        };
        let err =
            AuthConfig::for_rpc(&admin(&lab), &opts, "host", AuthLevel::PKT_PRIVACY).unwrap_err();
        assert!(
            matches!(err, netapi_dcerpc::Error::Auth(AuthError::Usage(_))),
            "{err}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn tampered_kerberos_responses_are_refused() {
    let lab = lab_or_skip!();
    for level in LEVELS {
        let (mut client, wire) = bind(&lab, SAMR, &Setup::Kerberos.options(&lab), level)
            .await
            .unwrap();
        samr_connect_and_close(&mut client, "x").await;
        // Flip a byte of the next response's stub (after the 24-byte response header).
        wire.lock().unwrap().tamper_next_reply_at = Some(26);
        let err = call(
            &mut client,
            &SAMR,
            SAMR_CONNECT5,
            &samr_connect5("x", MAXIMUM_ALLOWED),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(err, Error::Auth(AuthError::BadSignature)),
            "{level:?}: {err}"
        );
        // The association is not usable afterwards.
        assert!(
            call(&mut client, &SAMR, SAMR_CLOSE_HANDLE, &[0; 20])
                .await
                .is_err()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn kerberos_fragmented_requests_and_responses_stay_in_sequence() {
    // Every fragment carries its own MIC or Wrap token, with its own sequence number: a
    // 20 KB request (several fragments), a response of several fragments (the endpoint mapper
    // listing everything, with small fragments offered), an unsigned fault in between.
    let lab = lab_or_skip!();
    let ip: IpAddr = lab.dc.ip.parse().unwrap();
    for level in LEVELS {
        let (mut client, wire) = bind(&lab, SAMR, &Setup::Kerberos.options(&lab), level)
            .await
            .unwrap();
        let long = format!("\\\\{}{}", lab.dc.ip, "x".repeat(10_000));
        samr_connect_and_close(&mut client, &long).await;
        let err = call(&mut client, &SAMR, 300, &[]).await.unwrap_err();
        assert_eq!(fault_status(&err), Some(NCA_S_OP_RNG_ERROR), "{err}");
        samr_connect_and_close(&mut client, "x").await;
        let requests = wire
            .lock()
            .unwrap()
            .trailers
            .iter()
            .filter(|t| t.0 == 0)
            .count();
        assert!(
            requests >= 8,
            "{level:?}: only {requests} request fragments"
        );

        let inner = TcpIo::connect(
            SocketAddr::new(ip, epmap::EPMAPPER_PORT),
            TcpOptions::default(),
        )
        .await
        .unwrap();
        let wire = Arc::new(Mutex::new(Wire::default()));
        let io = Recording {
            inner,
            wire: wire.clone(),
        };
        let mut config = netapi_dcerpc::AssocConfig::new(1432);
        config.auth = Some(
            AuthConfig::for_rpc(&admin(&lab), &Setup::Kerberos.options(&lab), "host", level)
                .unwrap(),
        );
        let mut client = RpcClient::bind_with(io, &[epmap::EPMAPPER], config)
            .await
            .unwrap();
        let stub = client
            .call(0, 2, &ept_lookup_request(500))
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap();
        let (entries, status) = ept_lookup_summary(&stub);
        assert_eq!(status, 0, "ept_lookup status");
        assert!(
            stub.len() > 2 * 2048,
            "{level:?}: response of {} bytes ({entries} entries) fits in two fragments",
            stub.len()
        );
        assert!(epmap::ept_map(&mut client, &SAMR).await.unwrap() >= 49152);
        assert_sent(&wire, AuthType::KERBEROS, "epmapper");
    }
}
