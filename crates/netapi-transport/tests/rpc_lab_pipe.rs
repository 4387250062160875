//! The RPC client over SMB2 named pipes (`ncacn_np`) against the Samba lab: srvsvc
//! NetrServerGetInfo level 101 on the file server, and lsarpc with DCE/RPC-level NTLM at
//! PKT_PRIVACY inside the SMB session on the DC. Skips with a printed reason when
//! `NETAPI_LAB_*` is unset (never under `CI=true`).

mod rpc_stubs;

use netapi_auth::{AuthOptions, Credentials, Framing};
use netapi_dcerpc::{AuthConfig, AuthLevel, AuthType};
use netapi_testkit::lab::{Lab, Server};
use netapi_transport::RpcIo;
use netapi_transport::rpc::RpcClient;
use netapi_transport::smb::{SmbOptions, SmbSession};
use rpc_stubs::*;

async fn session(server: &Server, user: &str) -> SmbSession {
    let creds = Credentials::password("", user, &server.password);
    let opts = SmbOptions {
        auth: AuthOptions::ntlm(),
        ..SmbOptions::default()
    };
    SmbSession::connect(&server.ip, &creds, &opts)
        .await
        .expect("SMB session")
}

#[tokio::test(flavor = "multi_thread")]
async fn srvsvc_server_get_info_101_over_a_pipe() {
    let Some(lab) = Lab::get() else { return };
    for user in [&lab.fs.admin_user, &lab.fs.user] {
        let s = session(&lab.fs, user).await;
        let pipe = s.open_pipe("srvsvc").await.expect("open \\PIPE\\srvsvc");
        assert_eq!(pipe.preferred_frag_size(), 5840);
        let mut client = RpcClient::bind(pipe, &[SRVSVC], None).await.unwrap();
        let n = client.association().negotiated().unwrap().clone();
        // Samba takes the 5,840-byte fragments offered, both ways.
        assert_eq!((n.max_xmit_frag, n.server_max_xmit_frag), (5840, 5840));
        assert!(
            n.secondary_address.ends_with(b"srvsvc\0"),
            "{:?}",
            n.secondary_address
        );
        let ctx = client.context(&SRVSVC).unwrap();
        let resp = client
            .call(
                ctx,
                NETR_SERVER_GET_INFO,
                &netr_server_get_info(&format!("\\\\{}", lab.fs.ip), 101),
            )
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap();
        let (platform, name, major, _minor, ty, werror) = netr_server_get_info_101(&resp);
        eprintln!("{user}: platform {platform}, name {name}, version {major}, type 0x{ty:x}");
        assert_eq!(werror, 0);
        assert_eq!(platform, 500, "PLATFORM_ID_NT");
        assert!(name.eq_ignore_ascii_case(&lab.fs.name), "{name}");
        assert_ne!(ty & 0x2, 0, "SV_TYPE_SERVER");
        // An unknown level: a WERROR in the stub, no fault.
        let resp = client
            .call(ctx, NETR_SERVER_GET_INFO, &netr_server_get_info("x", 999))
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap();
        let werror = u32::from_le_bytes(resp[resp.len() - 4..].try_into().unwrap());
        assert_eq!(werror, 124, "ERROR_INVALID_LEVEL");
        client.into_io().close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn lsarpc_sealed_inside_an_smb_session() {
    let Some(lab) = Lab::get() else { return };
    let s = session(&lab.dc, &lab.dc.admin_user).await;
    for level in [AuthLevel::PKT_INTEGRITY, AuthLevel::PKT_PRIVACY] {
        let pipe = s.open_pipe("lsarpc").await.expect("open \\PIPE\\lsarpc");
        let creds = Credentials::password(&lab.dc.domain, &lab.dc.admin_user, &lab.dc.password);
        let ctx = netapi_auth::client_context(&creds, &AuthOptions::ntlm(), "host", Framing::Raw)
            .unwrap();
        let auth = AuthConfig::new(AuthType::NTLMSSP, level, ctx);
        let mut client = RpcClient::bind(pipe, &[LSARPC], Some(auth)).await.unwrap();
        let c = client.context(&LSARPC).unwrap();
        let resp = client
            .call(
                c,
                LSAR_OPEN_POLICY2,
                &lsar_open_policy2(&format!("\\\\{}", lab.dc.ip), MAXIMUM_ALLOWED),
            )
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap();
        let (handle, status) = handle_and_status(&resp);
        assert_eq!(status, 0, "LsarOpenPolicy2 at {level:?}: 0x{status:08x}");
        let resp = client
            .call(c, LSAR_CLOSE, &handle)
            .await
            .map(netapi_dcerpc::Stub::into_vec)
            .unwrap();
        assert_eq!(handle_and_status(&resp), ([0; 20], 0));
        client.into_io().close().await.unwrap();
    }
}
