//! Live tests of the SMB2 client against the Samba lab (`tools/lab`, see `tools/LAB.md`).
//!
//! They read `NETAPI_LAB_*` (`eval "$(tools/lab env)"`). Without them they print why and pass,
//! unless `CI=true`, where a missing lab is a failure.

use std::time::{Duration, Instant};

use netapi_auth::{AuthOptions, Credentials, Mechanism};
use netapi_transport::smb::{
    Cipher, Dialect, EncryptionPolicy, SigningAlgorithm, SigningPolicy, SmbClient, SmbOptions,
    SmbSession,
};
use netapi_transport::{Error, RpcIo};

/// A bind for srvsvc 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0 over NDR20, call id 1,
/// max fragments 4280 ([C706] 12.6.4.3).
const SRVSVC_BIND: [u8; 72] = [
    0x05, 0x00, 0x0b, 0x03, 0x10, 0x00, 0x00, 0x00, 0x48, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
    0x00, //
    0xb8, 0x10, 0xb8, 0x10, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    0x00, //
    0xc8, 0x4f, 0x32, 0x4b, 0x70, 0x16, 0xd3, 0x01, 0x12, 0x78, 0x5a, 0x47, 0xbf, 0x6e, 0xe1,
    0x88, //
    0x03, 0x00, 0x00, 0x00, 0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11, 0x9f, 0xe8, 0x08,
    0x00, //
    0x2b, 0x10, 0x48, 0x60, 0x02, 0x00, 0x00, 0x00,
];

/// The lab as these tests use it, from the one lab loader (`netapi_testkit::lab`).
struct Lab {
    fs_ip: String,
    fs_user: String,
    dc_ip: String,
    dc_fqdn: String,
    dc_realm: String,
    dc_domain: String,
    dc_admin: String,
    password: String,
    env: netapi_testkit::lab::Lab,
}

fn lab() -> Option<Lab> {
    let env = netapi_testkit::lab::Lab::get()?;
    Some(Lab {
        fs_ip: env.fs.ip.clone(),
        fs_user: env.fs.admin_user.clone(),
        dc_ip: env.dc.ip.clone(),
        dc_fqdn: env.dc_fqdn.clone(),
        dc_realm: env.realm.clone(),
        dc_domain: env.dc.domain.clone(),
        dc_admin: env.dc.admin_user.clone(),
        password: env.fs.password.clone(),
        env,
    })
}

impl Lab {
    fn creds(&self) -> Credentials {
        Credentials::password("", &self.fs_user, &self.password)
    }

    fn opts(&self) -> SmbOptions {
        SmbOptions {
            auth: AuthOptions::ntlm(),
            ..SmbOptions::default()
        }
    }
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Bind srvsvc on a fresh pipe and check the bind_ack.
async fn bind_srvsvc(session: &SmbSession) -> Vec<u8> {
    let mut pipe = session
        .open_pipe(r"\PIPE\srvsvc")
        .await
        .expect("open srvsvc");
    let ack = pipe.transceive(&SRVSVC_BIND).await.expect("bind");
    assert_bind_ack(&ack);
    pipe.close().await.expect("close");
    ack
}

fn assert_bind_ack(ack: &[u8]) {
    assert_pdu(ack, 12);
}

/// `bind` turned into an alter_context (type 14) for the same syntax: repeatable on a bound
/// pipe, answered with alter_context_resp (type 15).
fn alter_context(bind: &[u8; 72]) -> [u8; 72] {
    let mut a = *bind;
    a[2] = 14;
    a
}

fn assert_pdu(pdu: &[u8], ptype: u8) {
    assert!(pdu.len() >= 24, "short answer: {pdu:02x?}");
    assert_eq!((pdu[0], pdu[2]), (5, ptype), "PDU type {ptype}: {pdu:02x?}");
    assert_eq!(
        u16::from_le_bytes([pdu[8], pdu[9]]) as usize,
        pdu.len(),
        "one whole PDU"
    );
}

fn nt_hash_hex(password: &str) -> String {
    use md4::{Digest, Md4};
    let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
    Md4::digest(&utf16)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn every_dialect_negotiates_and_binds_srvsvc() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        for d in Dialect::ALL {
            let opts = lab.opts().with_dialect(d);
            let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &opts)
                .await
                .unwrap_or_else(|e| panic!("{d:?}: {e}"));
            assert_eq!(s.dialect(), d);
            assert!(s.is_signed(), "{d:?}: signed by default");
            let expect = match d {
                Dialect::SMB2_0_2 | Dialect::SMB2_1 => SigningAlgorithm::HMAC_SHA256,
                Dialect::SMB3_1_1 => SigningAlgorithm::AES_GMAC,
                _ => SigningAlgorithm::AES_CMAC,
            };
            assert_eq!(s.signing_algorithm(), Some(expect), "{d:?}");
            {
                let (signing, _) = server_view(&lab, s.session_id());
                let want = match d {
                    Dialect::SMB2_0_2 | Dialect::SMB2_1 => "HMAC-SHA256",
                    Dialect::SMB3_1_1 => "AES-128-GMAC",
                    _ => "AES-128-CMAC",
                };
                assert_eq!(signing, want, "{d:?}: the server signs too");
            }
            bind_srvsvc(&s).await;
            s.logoff().await.unwrap();
        }
    });
}

#[test]
fn ntlm_with_nt_hash() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let creds = Credentials::nt_hash("", &lab.fs_user, &nt_hash_hex(&lab.password)).unwrap();
        let s = SmbSession::connect(&lab.fs_ip, &creds, &lab.opts())
            .await
            .expect("NT hash logon");
        assert_eq!(s.dialect(), Dialect::SMB3_1_1);
        bind_srvsvc(&s).await;
    });
}

#[test]
fn wrong_password_is_logon_failure() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let creds = Credentials::password("", &lab.fs_user, "not-the-password");
        let err = SmbSession::connect(&lab.fs_ip, &creds, &lab.opts())
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Status {
                    command: "SESSION_SETUP",
                    status: 0xC000_006D
                }
            ),
            "{err:?}"
        );
    });
}

#[test]
fn required_signing_and_encryption_per_3x_dialect() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        for d in [Dialect::SMB3_0, Dialect::SMB3_0_2, Dialect::SMB3_1_1] {
            let mut opts = lab.opts().with_dialect(d);
            opts.signing = SigningPolicy::Required;
            opts.encryption = EncryptionPolicy::Required;
            let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &opts)
                .await
                .unwrap_or_else(|e| panic!("{d:?}: {e}"));
            assert!(s.is_encrypted(), "{d:?}");
            assert!(s.cipher().is_some());
            {
                let (_, encryption) = server_view(&lab, s.session_id());
                assert_ne!(
                    encryption, "-",
                    "{d:?}: the server sees an encrypted session"
                );
            }
            bind_srvsvc(&s).await;
        }
        // 2.1 cannot encrypt: refused, not silently downgraded.
        let mut opts = lab.opts().with_dialect(Dialect::SMB2_1);
        opts.encryption = EncryptionPolicy::Required;
        let err = SmbSession::connect(&lab.fs_ip, &lab.creds(), &opts)
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::Usage(_) | Error::Policy(_) | Error::Smb(_)),
            "{err:?}"
        );
    });
}

#[test]
fn large_response_is_continued_by_read() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let normal = {
            let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &lab.opts())
                .await
                .unwrap();
            bind_srvsvc(&s).await
        };
        let mut opts = lab.opts();
        opts.max_pipe_output = 16; // the bind_ack comes back in 16-byte pieces
        let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &opts)
            .await
            .unwrap();
        let mut pipe = s.open_pipe("srvsvc").await.unwrap();
        let ack = pipe.transceive(&SRVSVC_BIND).await.unwrap();
        assert_bind_ack(&ack);
        assert!(ack.len() > 16 * 3, "needed several READs");
        assert_eq!(ack.len(), normal.len());
        // Same PDU except the association group id the server assigns.
        assert_eq!(ack[..20], normal[..20]);
        pipe.close().await.unwrap();
    });
}

#[test]
fn concurrent_requests_share_one_connection() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &lab.opts())
            .await
            .unwrap();
        let mut tasks = Vec::new();
        for i in 0..8 {
            let s = s.clone();
            tasks.push(tokio::spawn(async move {
                let name = if i % 2 == 0 { "srvsvc" } else { "wkssvc" };
                let mut p = s.open_pipe(name).await.unwrap();
                let mut bind = SRVSVC_BIND;
                if name == "wkssvc" {
                    // wkssvc 6bffd098-a112-3610-9833-46c3f87e345a v1.0
                    bind[32..48].copy_from_slice(&[
                        0x98, 0xd0, 0xff, 0x6b, 0x12, 0xa1, 0x10, 0x36, 0x98, 0x33, 0x46, 0xc3,
                        0xf8, 0x7e, 0x34, 0x5a,
                    ]);
                    bind[48..52].copy_from_slice(&[1, 0, 0, 0]);
                }
                assert_bind_ack(&p.transceive(&bind).await.unwrap());
                for _ in 0..10 {
                    assert_pdu(&p.transceive(&alter_context(&bind)).await.unwrap(), 15);
                }
                p.close().await.unwrap();
                s.connection_id()
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), s.connection_id());
        }
    });
}

#[test]
fn pool_reuses_one_connection_per_key() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let pool = SmbClient::new();
        let a = pool
            .open_pipe(&lab.fs_ip, &lab.creds(), &lab.opts(), "srvsvc")
            .await
            .unwrap();
        let b = pool
            .open_pipe(&lab.fs_ip, &lab.creds(), &lab.opts(), "srvsvc")
            .await
            .unwrap();
        assert_eq!(a.session().connection_id(), b.session().connection_id());
        let other = Credentials::password("", "netapiuser", &lab.password);
        let c = pool
            .open_pipe(&lab.fs_ip, &other, &lab.opts(), "srvsvc")
            .await
            .unwrap();
        assert_ne!(a.session().connection_id(), c.session().connection_id());
        let mut opts = lab.opts();
        opts.max_dialect = Dialect::SMB3_0_2;
        let d = pool
            .open_pipe(&lab.fs_ip, &lab.creds(), &opts, "srvsvc")
            .await
            .unwrap();
        assert_ne!(a.session().connection_id(), d.session().connection_id());
    });
}

#[test]
fn broken_pooled_connection_is_replaced() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let pool = SmbClient::new();
        let a = pool
            .session(&lab.fs_ip, &lab.creds(), &lab.opts())
            .await
            .unwrap();
        let first = a.connection_id();
        a.clone().logoff().await.unwrap(); // closes the connection under the pool
        assert!(!a.is_alive());
        let mut p = pool
            .open_pipe(&lab.fs_ip, &lab.creds(), &lab.opts(), "srvsvc")
            .await
            .unwrap();
        assert_ne!(p.session().connection_id(), first);
        assert_bind_ack(&p.transceive(&SRVSVC_BIND).await.unwrap());
    });
}

#[test]
fn kerberos_to_the_dc_by_name_while_connecting_to_the_address() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let creds = Credentials::password(&lab.dc_domain, &lab.dc_admin, &lab.password);
        let opts = SmbOptions {
            auth: AuthOptions {
                mechanism: Mechanism::Kerberos,
                kdc: Some(lab.dc_ip.clone()),
                realm: Some(lab.dc_realm.clone()),
                target_host: Some(lab.dc_fqdn.clone()),
                ..AuthOptions::default()
            },
            ..SmbOptions::default()
        };
        let s = SmbSession::connect(&lab.dc_ip, &creds, &opts)
            .await
            .expect("Kerberos session");
        assert!(s.is_signed());
        bind_srvsvc(&s).await;
    });
}

/// `smbstatus --json` of the file server (through `tools/lab smbstatus`, with the lab's config
/// and accounts). A lab whose smbstatus cannot run fails the test: the server-side checks must
/// never vanish silently.
fn smbstatus_json(lab: &Lab) -> String {
    let json = lab.env.smbstatus(&lab.env.fs, &["--json"]);
    assert!(
        json.contains("\"sessions\""),
        "smbstatus --json changed its output (no \"sessions\"): {json}"
    );
    json
}

/// The file server's view of our session from `smbstatus --json`: its (signing, encryption)
/// ciphers, "-" for none. Output without them is a failure, not a skipped check.
fn server_view(lab: &Lab, session_id: u64) -> (String, String) {
    let json = smbstatus_json(lab);
    let at = json
        .find(&format!("\"session_id\": \"{session_id}\""))
        .unwrap_or_else(|| panic!("session {session_id} not listed by smbstatus: {json}"));
    let rest = &json[at..];
    let cipher = |key: &str| {
        let k = format!("\"{key}\": {{\"cipher\": \"");
        let from = rest
            .find(&k)
            .unwrap_or_else(|| panic!("smbstatus lists no {key} cipher for the session: {rest}"))
            + k.len();
        rest[from..]
            .split('"')
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    (cipher("signing"), cipher("encryption"))
}

/// Sessions and tree connects of ours are gone once the last handle is dropped. Samba 4.17's
/// smbstatus does not list pipe opens (`open_files` holds only share-mode entries), so the
/// CREATE/CLOSE balance, including the CLOSE sent when a pipe is dropped, is counted by the
/// scripted peer in `smb_scripted.rs`; here the explicit CLOSE must succeed and nothing of
/// the session may remain.
#[test]
fn no_session_or_tree_connect_leaks() {
    let Some(lab) = lab() else { return };
    smbstatus_json(&lab);
    rt().block_on(async {
        let pool = SmbClient::new();
        let session = pool
            .session(&lab.fs_ip, &lab.creds(), &lab.opts())
            .await
            .unwrap();
        let marker = format!("\"session_id\": \"{}\"", session.session_id());
        let mut kept = session.open_pipe("srvsvc").await.unwrap();
        assert_bind_ack(&kept.transceive(&SRVSVC_BIND).await.unwrap());
        {
            // Dropped without close(): the CLOSE goes out without waiting.
            let mut dropped = session.open_pipe("wkssvc").await.unwrap();
            let _ = dropped.transceive(&SRVSVC_BIND).await;
        }
        session.echo().await.unwrap();
        let during = smbstatus_json(&lab);
        assert!(
            during.contains(&marker),
            "our session is visible while open: {during}"
        );
        kept.close().await.unwrap();
        drop(session);
        pool.clear(); // the last handle: TREE_DISCONNECT, LOGOFF, close
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let now = smbstatus_json(&lab);
            if !now.contains(&marker) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "session still listed after logoff:\n{now}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
}

#[test]
fn transceive_round_trip_time() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let mut encrypted = lab.opts();
        encrypted.encryption = EncryptionPolicy::Required;
        for (what, opts) in [
            ("3.1.1 signed", lab.opts()),
            ("3.1.1 encrypted", encrypted),
            ("2.1 signed", lab.opts().with_dialect(Dialect::SMB2_1)),
        ] {
            let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &opts)
                .await
                .unwrap();
            let mut p = s.open_pipe("srvsvc").await.unwrap();
            assert_bind_ack(&p.transceive(&SRVSVC_BIND).await.unwrap());
            let alter = alter_context(&SRVSVC_BIND);
            let mut times = Vec::new();
            for _ in 0..300 {
                let t = Instant::now();
                assert_pdu(&p.transceive(&alter).await.unwrap(), 15);
                times.push(t.elapsed());
            }
            times.sort();
            let median = times[times.len() / 2];
            eprintln!(
                "pipe transceive, alter_context round trip, {what} ({:?}, {:?}, {:?}): \
                 median {median:?}, p90 {:?}, max {:?}",
                s.dialect(),
                s.signing_algorithm(),
                s.cipher().filter(|_| s.is_encrypted()),
                times[times.len() * 9 / 10],
                times[times.len() - 1]
            );
            assert!(
                median < Duration::from_millis(40),
                "no Nagle-style stalls: median {median:?}"
            );
        }
    });
}

#[test]
fn every_cipher_against_samba() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        for c in [
            Cipher::AES_128_CCM,
            Cipher::AES_128_GCM,
            Cipher::AES_256_CCM,
            Cipher::AES_256_GCM,
        ] {
            let mut opts = lab.opts();
            opts.encryption = EncryptionPolicy::Required;
            opts.ciphers = vec![c];
            let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &opts)
                .await
                .unwrap_or_else(|e| panic!("{c:?}: {e}"));
            assert_eq!(s.cipher(), Some(c));
            bind_srvsvc(&s).await;
        }
    });
}

#[test]
fn signing_only_when_the_server_requires_it() {
    let Some(lab) = lab() else { return };
    rt().block_on(async {
        let mut opts = lab.opts();
        opts.signing = SigningPolicy::IfServerRequires;
        // The file server does not require signing: none is used (nor demanded).
        let s = SmbSession::connect(&lab.fs_ip, &lab.creds(), &opts)
            .await
            .unwrap();
        assert!(!s.is_signed());
        bind_srvsvc(&s).await;
        // A Samba AD DC requires signing: it is used whatever we prefer.
        let creds = Credentials::password(&lab.dc_domain, &lab.dc_admin, &lab.password);
        let s = SmbSession::connect(&lab.dc_ip, &creds, &opts)
            .await
            .unwrap();
        assert!(s.is_signed());
        bind_srvsvc(&s).await;
    });
}
