//! Live tests against the Samba lab DC over ncacn_ip_tcp (see tools/LAB.md): endpoint mapper
//! lookups cross-checked with impacket, unauthenticated binds and calls with hand-encoded NDR
//! stubs. They skip with a printed reason when `NETAPI_LAB_*` is unset (never under `CI=true`).

mod rpc_stubs;

use netapi_dcerpc::{AssocConfig, SyntaxId};
use netapi_testkit::lab::Lab;
use netapi_transport::Error;
use netapi_transport::epmap::{self, EPMAPPER};
use netapi_transport::rpc::RpcClient;
use netapi_transport::tcp::{TcpIo, TcpOptions};
use rpc_stubs::*;
use std::net::{IpAddr, SocketAddr};
use std::process::Command;

fn dc_ip(lab: &Lab) -> IpAddr {
    lab.dc
        .ip
        .parse()
        .expect("NETAPI_LAB_DC_IP is an IP address")
}

/// impacket's answer to `hept_map(ip, uuid, protocol='ncacn_ip_tcp')`: the port, or `None` when
/// impacket is not installed (outside CI).
fn impacket_port(ip: &str, iface: &SyntaxId) -> Option<u16> {
    let venv = std::env::var("NETAPI_LAB_VENV").unwrap_or_else(|_| "/tmp/netapi-lab-venv".into());
    let python = format!("{venv}/bin/python");
    if !std::path::Path::new(&python).exists() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "CI=true but impacket is missing at {python}"
        );
        eprintln!("cross-check skipped: impacket not installed at {python}");
        return None;
    }
    let script = format!(
        "from impacket.dcerpc.v5 import epm\nfrom impacket.uuid import uuidtup_to_bin\n\
         print(epm.hept_map('{ip}', uuidtup_to_bin(('{}', '{}.{}')), protocol='ncacn_ip_tcp'))",
        iface.uuid, iface.major, iface.minor
    );
    let out = Command::new(&python)
        .args(["-c", &script])
        .output()
        .expect("run impacket");
    assert!(
        out.status.success(),
        "impacket failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    // ncacn_ip_tcp:127.0.0.3[49154]
    let port = text
        .trim()
        .rsplit_once('[')
        .and_then(|(_, p)| p.strip_suffix(']'))?;
    Some(port.parse().expect("a port number"))
}

#[tokio::test(flavor = "multi_thread")]
async fn epmap_finds_samr_and_lsarpc_like_impacket() {
    let Some(lab) = Lab::get() else { return };
    let ip = dc_ip(&lab);
    for iface in [SAMR, LSARPC] {
        let port = epmap::resolve_tcp_port(ip, &iface, TcpOptions::default())
            .await
            .unwrap();
        assert!((49152..=65535).contains(&port), "{iface:?} → {port}");
        if let Some(theirs) = impacket_port(&lab.dc.ip, &iface) {
            assert_eq!(port, theirs, "impacket and we disagree on {iface:?}");
        }
        eprintln!("{iface:?} → {}:{port}", lab.dc.ip);
    }
    // An interface nobody registered.
    let nobody = SyntaxId::new("01234567-89ab-cdef-0123-456789abcdef", 1, 0);
    let err = epmap::resolve_tcp_port(ip, &nobody, TcpOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Rpc(netapi_dcerpc::Error::CallFailed {
                op: "ept_map",
                status: epmap::EPT_S_NOT_REGISTERED
            })
        ),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn epmap_lookup_response_spans_several_fragments() {
    let Some(lab) = Lab::get() else { return };
    let io = TcpIo::connect(SocketAddr::new(dc_ip(&lab), 135), TcpOptions::default())
        .await
        .unwrap();
    // Offer small fragments so the server has to split its answer.
    let cfg = AssocConfig::new(1432);
    let mut client = RpcClient::bind_with(io, &[EPMAPPER], cfg).await.unwrap();
    assert_eq!(
        client.association().negotiated().unwrap().max_recv_frag,
        1432
    );
    let stub = client
        .call(0, 2, &ept_lookup_request(500))
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap();
    eprintln!("negotiated: {:?}", client.association().negotiated());
    let (entries, status) = ept_lookup_summary(&stub);
    assert_eq!(status, 0, "ept_lookup status");
    assert!(entries >= 5, "only {entries} endpoints");
    assert!(
        stub.len() > 2 * 2048,
        "response of {} bytes fits in two fragments",
        stub.len()
    );
    // The same association then maps an interface.
    assert!(epmap::ept_map(&mut client, &SAMR).await.unwrap() >= 49152);
}

#[tokio::test(flavor = "multi_thread")]
async fn unauthenticated_bind_and_calls_over_tcp() {
    let Some(lab) = Lab::get() else { return };
    let ip = dc_ip(&lab);
    let port = epmap::resolve_tcp_port(ip, &LSARPC, TcpOptions::default())
        .await
        .unwrap();
    let io = TcpIo::connect(SocketAddr::new(ip, port), TcpOptions::default())
        .await
        .unwrap();
    let mut client = RpcClient::bind(io, &[LSARPC], None).await.unwrap();
    let n = client.association().negotiated().unwrap().clone();
    eprintln!("negotiated: {n:?}");
    assert!(n.features.is_some());
    let ctx = client.context(&LSARPC).unwrap();
    let open = lsar_open_policy2(&format!("\\\\{}", lab.dc.ip), MAXIMUM_ALLOWED);
    // Anonymous: Samba refuses LsarOpenPolicy2 with an access-denied fault.
    let anonymous = |r: Result<Vec<u8>, Error>| match r {
        Ok(resp) => handle_and_status(&resp).1,
        Err(Error::Rpc(netapi_dcerpc::Error::Fault { status, .. })) => status,
        Err(e) => panic!("LsarOpenPolicy2: {e}"),
    };
    let first = anonymous(
        client
            .call(ctx, LSAR_OPEN_POLICY2, &open)
            .await
            .map(netapi_dcerpc::Stub::into_vec),
    );
    eprintln!("anonymous LsarOpenPolicy2: 0x{first:08x}");
    assert!([5, STATUS_ACCESS_DENIED].contains(&first), "0x{first:08x}");
    // An opnum the interface does not have: a fault, and the association lives on.
    let err = client
        .call(ctx, 250, &[])
        .await
        .map(netapi_dcerpc::Stub::into_vec)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Rpc(netapi_dcerpc::Error::Fault {
                status: NCA_S_OP_RNG_ERROR,
                ..
            })
        ),
        "{err}"
    );
    assert_eq!(
        anonymous(
            client
                .call(ctx, LSAR_OPEN_POLICY2, &open)
                .await
                .map(netapi_dcerpc::Stub::into_vec)
        ),
        first
    );
}
