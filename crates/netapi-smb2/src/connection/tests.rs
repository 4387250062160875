//! Scripted-server tests of the sans-IO connection: handshakes per dialect, signing and
//! encryption enforcement, credits, interim responses and garbage input.

use super::*;
use crate::encryption::TRANSFORM_HEADER_LEN;
use crate::header::flags;
use crate::kdf::SessionKeys;
use crate::negotiate::NegotiateContext;
use crate::session_setup::session_flags;
use crate::signing::Signer;
use crate::status::*;
use crate::tree::share_type;

const SID: u64 = 0x0000_4400_0000_0011;
const TREE: u32 = 7;
const KEY: [u8; 16] = [0x42; 16];

/// The server half of a test: sees the client's messages, builds responses.
struct Srv {
    dialect: Dialect,
    signing: SigningAlgorithm,
    cipher: Option<Cipher>,
    preauth: PreauthHash,
    keys: Option<SessionKeys>,
    credits: u16,
}

impl Srv {
    fn new(dialect: Dialect) -> Self {
        Srv {
            dialect,
            signing: if dialect.is_smb3() {
                SigningAlgorithm::AES_CMAC
            } else {
                SigningAlgorithm::HMAC_SHA256
            },
            cipher: None,
            preauth: PreauthHash::new(),
            keys: None,
            credits: 32,
        }
    }

    /// Every message the client queued, unframed.
    fn take(conn: &mut Connection) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        while let Some(f) = conn.poll_transmit() {
            assert_eq!(f[0], 0);
            let len = u32::from_be_bytes([0, f[1], f[2], f[3]]) as usize;
            assert_eq!(len, f.len() - 4, "one whole message per transmit");
            out.push(f[4..].to_vec());
        }
        out
    }

    fn take_one(conn: &mut Connection) -> Vec<u8> {
        let mut v = Self::take(conn);
        assert_eq!(v.len(), 1, "expected one message");
        v.remove(0)
    }

    /// A response to `req` (a plaintext request) with `status` and `body`.
    fn reply(&self, req: &[u8], status: u32, session_id: u64, body: Vec<u8>) -> Vec<u8> {
        let q = Header::parse(req).unwrap();
        let mut h = Header::request(q.command);
        h.status = status;
        h.credits = self.credits;
        h.flags = flags::SERVER_TO_REDIR;
        h.message_id = q.message_id;
        h.route = q.route;
        h.session_id = session_id;
        let mut m = Vec::new();
        h.encode(&mut m);
        m.extend_from_slice(&body);
        m
    }

    fn sign(&self, mut m: Vec<u8>) -> Vec<u8> {
        let k = self.keys.as_ref().unwrap();
        Signer::new(self.signing, &k.signing).sign(&mut m).unwrap();
        m
    }

    fn seal(&self, m: &[u8], nonce: u8) -> Vec<u8> {
        let k = self.keys.as_ref().unwrap();
        let s =
            crate::encryption::Sealer::new(self.cipher.unwrap(), k.decryption.as_ref().unwrap())
                .unwrap();
        let mut n = [0u8; 16];
        n[0] = nonce;
        s.encrypt(&n, SID, m).unwrap()
    }

    fn open(&self, frame: &[u8]) -> Vec<u8> {
        let k = self.keys.as_ref().unwrap();
        let s =
            crate::encryption::Sealer::new(self.cipher.unwrap(), k.encryption.as_ref().unwrap())
                .unwrap();
        s.decrypt(frame).unwrap().1
    }
}

fn deliver(conn: &mut Connection, msg: &[u8]) -> Result<()> {
    conn.handle_input(&frame(msg).unwrap())
}

fn response(conn: &mut Connection) -> Response {
    loop {
        match conn.poll_event() {
            Some(Event::Response(r)) => return r,
            Some(Event::Pending { .. }) => continue,
            None => panic!("no response event"),
        }
    }
}

fn config(min: Dialect, max: Dialect) -> Config {
    let mut c = Config::new([1; 16], [2; 32]);
    c.min_dialect = min;
    c.max_dialect = max;
    c
}

fn negotiate_response(
    srv: &Srv,
    security_mode: u16,
    caps: u32,
    contexts: Vec<NegotiateContext>,
) -> Vec<u8> {
    NegotiateResponse {
        security_mode,
        dialect: srv.dialect,
        server_guid: [9; 16],
        capabilities: caps,
        max_transact_size: 1 << 20,
        max_read_size: 1 << 20,
        max_write_size: 1 << 20,
        system_time: 0,
        server_start_time: 0,
        security_buffer: vec![0x60, 0x00],
        contexts,
    }
    .encode()
}

fn contexts_311(
    cipher: Option<Cipher>,
    signing: Option<SigningAlgorithm>,
) -> Vec<NegotiateContext> {
    let mut v = vec![NegotiateContext::PreauthIntegrity {
        hash_algorithms: vec![HashAlgorithm::SHA_512],
        salt: vec![3; 32],
    }];
    if let Some(c) = cipher {
        v.push(NegotiateContext::Encryption { ciphers: vec![c] });
    }
    if let Some(s) = signing {
        v.push(NegotiateContext::Signing {
            algorithms: vec![s],
        });
    }
    v
}

/// NEGOTIATE with the given server answer.
fn negotiate(
    conn: &mut Connection,
    srv: &mut Srv,
    caps: u32,
    contexts: Vec<NegotiateContext>,
) -> Result<()> {
    conn.negotiate().unwrap();
    let req = Srv::take_one(conn);
    let resp = srv.reply(
        &req,
        STATUS_SUCCESS,
        0,
        negotiate_response(srv, 1, caps, contexts),
    );
    if srv.dialect == Dialect::SMB3_1_1 {
        srv.preauth.update(&req);
        srv.preauth.update(&resp);
    }
    deliver(conn, &resp)?;
    assert_eq!(response(conn).command, Command::NEGOTIATE);
    Ok(())
}

/// Two-leg SESSION_SETUP; the final response is signed unless `sign_final` is false.
fn session_setup(
    conn: &mut Connection,
    srv: &mut Srv,
    final_flags: u16,
    sign_final: bool,
) -> Result<SessionInfo> {
    conn.session_setup(0, b"token-1", false).unwrap();
    let req = Srv::take_one(conn);
    let mut pre = srv.preauth.clone();
    pre.update(&req);
    let body = SessionSetupResponse {
        session_flags: 0,
        security_buffer: b"challenge".to_vec(),
    }
    .encode();
    let resp = srv.reply(&req, STATUS_MORE_PROCESSING_REQUIRED, SID, body);
    pre.update(&resp);
    deliver(conn, &resp)?;
    assert_eq!(response(conn).status, STATUS_MORE_PROCESSING_REQUIRED);

    conn.session_setup(SID, b"token-2", false).unwrap();
    let req = Srv::take_one(conn);
    pre.update(&req);
    let preauth = (srv.dialect == Dialect::SMB3_1_1).then(|| *pre.value());
    srv.keys = Some(SessionKeys::derive(
        srv.dialect,
        &KEY,
        preauth.as_ref(),
        srv.cipher,
    ));
    let body = SessionSetupResponse {
        session_flags: final_flags,
        security_buffer: vec![],
    }
    .encode();
    let mut resp = srv.reply(&req, STATUS_SUCCESS, SID, body);
    if sign_final {
        resp = srv.sign(resp);
    }
    deliver(conn, &resp)?;
    assert_eq!(response(conn).status, STATUS_SUCCESS);
    conn.complete_session(SID, &KEY)
}

fn established(dialect: Dialect, cfg: Config) -> (Connection, Srv) {
    let mut conn = Connection::new(cfg);
    let mut srv = Srv::new(dialect);
    let ctx = if dialect == Dialect::SMB3_1_1 {
        contexts_311(None, None)
    } else {
        vec![]
    };
    negotiate(&mut conn, &mut srv, capabilities::LARGE_MTU, ctx).unwrap();
    session_setup(&mut conn, &mut srv, 0, true).unwrap();
    (conn, srv)
}

#[test]
fn every_dialect_negotiates_signs_and_verifies() {
    for d in Dialect::ALL {
        let (mut conn, srv) = established(d, config(d, d));
        assert_eq!(conn.negotiated().unwrap().dialect, d);
        conn.tree_connect(SID, r"\\srv\IPC$").unwrap();
        let req = Srv::take_one(&mut conn);
        let mut check = req.clone();
        let signer = Signer::new(srv.signing, &srv.keys.as_ref().unwrap().signing);
        assert!(
            Header::parse(&req).unwrap().is_signed(),
            "{d:?}: request signed"
        );
        assert!(signer.verify(&mut check), "{d:?}: request signature");
        let body = TreeConnectResponse {
            share_type: share_type::PIPE,
            share_flags: 0,
            capabilities: 0,
            maximal_access: 0,
        }
        .encode();
        let mut resp = srv.reply(&req, STATUS_SUCCESS, SID, body);
        if let Route::Sync { .. } = Header::parse(&resp).unwrap().route {
            resp[36..40].copy_from_slice(&TREE.to_le_bytes());
        }
        deliver(&mut conn, &srv.sign(resp)).unwrap();
        assert!(
            matches!(response(&mut conn).body, Body::TreeConnect(_)),
            "{d:?}"
        );
    }
}

#[test]
fn smb311_with_gmac_and_gcm_negotiated() {
    let mut conn = Connection::new(config(Dialect::SMB3_1_1, Dialect::SMB3_1_1));
    let mut srv = Srv::new(Dialect::SMB3_1_1);
    srv.signing = SigningAlgorithm::AES_GMAC;
    srv.cipher = Some(Cipher::AES_256_GCM);
    let ctx = contexts_311(srv.cipher, Some(SigningAlgorithm::AES_GMAC));
    negotiate(&mut conn, &mut srv, 0, ctx).unwrap();
    let n = conn.negotiated().unwrap();
    assert_eq!(
        (n.signing_algorithm, n.cipher),
        (SigningAlgorithm::AES_GMAC, Some(Cipher::AES_256_GCM))
    );
    let info = session_setup(&mut conn, &mut srv, 0, true).unwrap();
    assert!(info.signing && !info.encryption);
    conn.echo().unwrap();
    let req = Srv::take_one(&mut conn);
    deliver(&mut conn, &srv.reply(&req, STATUS_SUCCESS, 0, empty_body())).unwrap();
    assert_eq!(response(&mut conn).body, Body::Echo);
}

#[test]
fn tampered_or_unsigned_responses_are_fatal() {
    for tamper in [true, false] {
        let (mut conn, srv) = established(
            Dialect::SMB3_0_2,
            config(Dialect::SMB2_0_2, Dialect::SMB3_1_1),
        );
        conn.tree_connect(SID, r"\\srv\IPC$").unwrap();
        let req = Srv::take_one(&mut conn);
        let body = TreeConnectResponse {
            share_type: 2,
            share_flags: 0,
            capabilities: 0,
            maximal_access: 0,
        }
        .encode();
        let resp = srv.reply(&req, STATUS_SUCCESS, SID, body);
        let bad = if tamper {
            let mut s = srv.sign(resp);
            *s.last_mut().unwrap() ^= 1;
            s
        } else {
            resp
        };
        let err = deliver(&mut conn, &bad).unwrap_err();
        if tamper {
            assert!(
                matches!(
                    err,
                    Error::BadSignature {
                        command: Command::TREE_CONNECT,
                        ..
                    }
                ),
                "{err:?}"
            );
        } else {
            assert!(
                matches!(
                    err,
                    Error::Unsigned {
                        command: Command::TREE_CONNECT,
                        ..
                    }
                ),
                "{err:?}"
            );
        }
        assert!(conn.closed().is_some());
        assert!(conn.echo().is_err(), "a failed connection accepts nothing");
    }
}

#[test]
fn smb311_final_session_setup_must_be_signed_and_correct() {
    let mut conn = Connection::new(config(Dialect::SMB3_1_1, Dialect::SMB3_1_1));
    let mut srv = Srv::new(Dialect::SMB3_1_1);
    negotiate(&mut conn, &mut srv, 0, contexts_311(None, None)).unwrap();
    let err = session_setup(&mut conn, &mut srv, 0, false).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Unsigned {
                command: Command::SESSION_SETUP,
                ..
            }
        ),
        "{err:?}"
    );

    // A preauth hash the client did not see (tampered NEGOTIATE) breaks the signature.
    let mut conn = Connection::new(config(Dialect::SMB3_1_1, Dialect::SMB3_1_1));
    let mut srv = Srv::new(Dialect::SMB3_1_1);
    negotiate(&mut conn, &mut srv, 0, contexts_311(None, None)).unwrap();
    srv.preauth.update(b"something else");
    let err = session_setup(&mut conn, &mut srv, 0, true).unwrap_err();
    assert!(matches!(err, Error::BadSignature { .. }), "{err:?}");
}

#[test]
fn dialect_outside_the_range_is_refused() {
    let mut conn = Connection::new(config(Dialect::SMB3_0, Dialect::SMB3_1_1));
    let mut srv = Srv::new(Dialect::SMB2_1);
    let err = negotiate(&mut conn, &mut srv, 0, vec![]).unwrap_err();
    assert!(matches!(err, Error::Policy(_)), "{err:?}");
    // The SMB1-style wildcard is never acceptable either.
    let mut conn = Connection::new(config(Dialect::SMB2_0_2, Dialect::SMB3_1_1));
    let mut srv = Srv::new(Dialect(0x02FF));
    assert!(matches!(
        negotiate(&mut conn, &mut srv, 0, vec![]),
        Err(Error::Policy(_))
    ));
}

#[test]
fn offered_dialects_and_contexts_follow_the_config() {
    let mut cfg = config(Dialect::SMB2_1, Dialect::SMB3_1_1);
    cfg.server_name = Some("filesrv".into());
    let mut conn = Connection::new(cfg);
    conn.negotiate().unwrap();
    let req = NegotiateRequest::parse(&Srv::take_one(&mut conn)).unwrap();
    assert_eq!(
        req.dialects,
        vec![
            Dialect::SMB2_1,
            Dialect::SMB3_0,
            Dialect::SMB3_0_2,
            Dialect::SMB3_1_1
        ]
    );
    assert_eq!(
        req.capabilities,
        capabilities::LARGE_MTU | capabilities::ENCRYPTION
    );
    assert_eq!(req.contexts.len(), 4);
    assert!(
        req.contexts
            .contains(&NegotiateContext::NetName("filesrv".into()))
    );

    let mut conn = Connection::new(config(Dialect::SMB2_0_2, Dialect::SMB2_0_2));
    conn.negotiate().unwrap();
    let req = NegotiateRequest::parse(&Srv::take_one(&mut conn)).unwrap();
    assert_eq!(
        (req.dialects, req.capabilities, req.contexts.len()),
        (vec![Dialect::SMB2_0_2], 0, 0)
    );
}

#[test]
fn required_encryption_without_a_cipher_is_refused() {
    let mut cfg = config(Dialect::SMB3_0, Dialect::SMB3_1_1);
    cfg.encryption = EncryptionPolicy::Required;
    let mut conn = Connection::new(cfg.clone());
    let mut srv = Srv::new(Dialect::SMB3_1_1);
    let err = negotiate(&mut conn, &mut srv, 0, contexts_311(None, None)).unwrap_err();
    assert!(
        matches!(err, Error::Policy(ref m) if m.contains("encryption")),
        "{err:?}"
    );
    // 3.0 without the ENCRYPTION capability.
    let mut conn = Connection::new(cfg);
    let mut srv = Srv::new(Dialect::SMB3_0);
    assert!(matches!(
        negotiate(&mut conn, &mut srv, 0, vec![]),
        Err(Error::Policy(_))
    ));
}

#[test]
fn server_demanded_encryption_without_a_cipher_is_refused() {
    let mut conn = Connection::new(config(Dialect::SMB3_1_1, Dialect::SMB3_1_1));
    let mut srv = Srv::new(Dialect::SMB3_1_1);
    negotiate(&mut conn, &mut srv, 0, contexts_311(None, None)).unwrap();
    let err = session_setup(&mut conn, &mut srv, session_flags::ENCRYPT_DATA, true).unwrap_err();
    assert!(matches!(err, Error::Policy(_)), "{err:?}");
}

#[test]
fn encrypted_session_round_trip_and_clear_response_refused() {
    for (dialect, cipher) in [
        (Dialect::SMB3_0, Cipher::AES_128_CCM),
        (Dialect::SMB3_1_1, Cipher::AES_128_GCM),
    ] {
        let mut cfg = config(dialect, dialect);
        cfg.encryption = EncryptionPolicy::Required;
        let mut conn = Connection::new(cfg);
        let mut srv = Srv::new(dialect);
        srv.cipher = Some(cipher);
        let (caps, ctx) = if dialect == Dialect::SMB3_1_1 {
            (0, contexts_311(Some(cipher), None))
        } else {
            (capabilities::ENCRYPTION, vec![])
        };
        negotiate(&mut conn, &mut srv, caps, ctx).unwrap();
        let info = session_setup(&mut conn, &mut srv, 0, true).unwrap();
        assert!(info.encryption);

        conn.tree_connect(SID, r"\\srv\IPC$").unwrap();
        let wire = Srv::take_one(&mut conn);
        assert_eq!(
            wire[..4],
            [0xFD, b'S', b'M', b'B'],
            "{dialect:?}: request encrypted"
        );
        let req = srv.open(&wire);
        assert_eq!(Header::parse(&req).unwrap().command, Command::TREE_CONNECT);
        let body = TreeConnectResponse {
            share_type: 2,
            share_flags: 0,
            capabilities: 0,
            maximal_access: 0,
        }
        .encode();
        let resp = srv.reply(&req, STATUS_SUCCESS, SID, body);
        deliver(&mut conn, &srv.seal(&resp, 1)).unwrap();
        assert!(matches!(response(&mut conn).body, Body::TreeConnect(_)));

        conn.tree_connect(SID, r"\\srv\IPC$").unwrap();
        let req = srv.open(&Srv::take_one(&mut conn));
        let body = TreeConnectResponse {
            share_type: 2,
            share_flags: 0,
            capabilities: 0,
            maximal_access: 0,
        }
        .encode();
        let clear = srv.sign(srv.reply(&req, STATUS_SUCCESS, SID, body));
        assert!(matches!(
            deliver(&mut conn, &clear),
            Err(Error::Unsigned { .. })
        ));
    }
}

#[test]
fn share_encryption_flag_encrypts_that_tree_only() {
    let mut conn = Connection::new(config(Dialect::SMB3_0_2, Dialect::SMB3_0_2));
    let mut srv = Srv::new(Dialect::SMB3_0_2);
    srv.cipher = Some(Cipher::AES_128_CCM);
    negotiate(&mut conn, &mut srv, capabilities::ENCRYPTION, vec![]).unwrap();
    session_setup(&mut conn, &mut srv, 0, true).unwrap();
    conn.tree_connect(SID, r"\\srv\secret").unwrap();
    let req = Srv::take_one(&mut conn);
    let body = TreeConnectResponse {
        share_type: 1,
        share_flags: crate::tree::share_flags::ENCRYPT_DATA,
        capabilities: 0,
        maximal_access: 0,
    }
    .encode();
    let mut resp = srv.reply(&req, STATUS_SUCCESS, SID, body);
    resp[36..40].copy_from_slice(&TREE.to_le_bytes());
    deliver(&mut conn, &srv.sign(resp)).unwrap();
    response(&mut conn);
    conn.create(SID, TREE, &CreateRequest::pipe("x")).unwrap();
    assert_eq!(Srv::take_one(&mut conn)[..4], [0xFD, b'S', b'M', b'B']);
    conn.create(SID, 0, &CreateRequest::pipe("x")).unwrap();
    assert_eq!(Srv::take_one(&mut conn)[..4], [0xFE, b'S', b'M', b'B']);
}

#[test]
fn credits_bound_the_requests_in_flight() {
    let (mut conn, mut srv) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    // Drain to exactly one credit: the server grants 1 per response from now on.
    srv.credits = 1;
    let have = conn.credits();
    assert!(have >= 1);
    let ids: Vec<_> = (0..(have + 4)).map(|_| conn.echo().unwrap()).collect();
    let first = Srv::take(&mut conn);
    assert_eq!(first.len() as u32, have, "no request beyond the window");
    assert_eq!(conn.queued(), 4);
    let mut seen = Vec::new();
    let mut outstanding: VecDeque<Vec<u8>> = first.into();
    while let Some(req) = outstanding.pop_front() {
        seen.push(Header::parse(&req).unwrap().message_id);
        deliver(&mut conn, &srv.reply(&req, STATUS_SUCCESS, 0, empty_body())).unwrap();
        let more = Srv::take(&mut conn);
        assert!(
            more.len() <= 1,
            "one credit per response lets one request out"
        );
        outstanding.extend(more);
        assert!(
            outstanding.len() as u32 <= have,
            "never more in flight than granted"
        );
    }
    assert_eq!(seen.len(), ids.len());
    assert!(
        seen.windows(2).all(|w| w[1] == w[0] + 1),
        "MessageIds are consecutive: {seen:?}"
    );
    let mut got = Vec::new();
    while let Some(Event::Response(r)) = conn.poll_event() {
        got.push(r.id);
    }
    assert_eq!(got, ids);
}

#[test]
fn zero_credit_grants_starve_the_queue_without_overrunning() {
    let (mut conn, mut srv) =
        established(Dialect::SMB2_1, config(Dialect::SMB2_1, Dialect::SMB2_1));
    srv.credits = 0;
    let n = conn.credits();
    for _ in 0..n + 3 {
        conn.echo().unwrap();
    }
    let sent = Srv::take(&mut conn);
    assert_eq!(sent.len() as u32, n);
    for req in sent {
        deliver(&mut conn, &srv.reply(&req, STATUS_SUCCESS, 0, empty_body())).unwrap();
    }
    assert!(
        Srv::take(&mut conn).is_empty(),
        "nothing may leave without credits"
    );
    assert_eq!((conn.credits(), conn.queued()), (0, 3));
}

#[test]
fn large_reads_cost_more_credits() {
    let (mut conn, srv) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    conn.read(SID, TREE, FileId([1; 16]), 0, 200_000).unwrap();
    let req = Srv::take_one(&mut conn);
    let h = Header::parse(&req).unwrap();
    assert_eq!(h.credit_charge, 4);
    conn.echo().unwrap();
    let next = Header::parse(&Srv::take_one(&mut conn)).unwrap();
    assert_eq!(
        next.message_id,
        h.message_id + 4,
        "a 4-credit request consumes 4 MessageIds"
    );
    drop(srv);
    assert!(conn.read(SID, TREE, FileId([1; 16]), 0, 64 << 20).is_err());
}

#[test]
fn interim_pending_then_final_response() {
    let (mut conn, srv) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    let id = conn
        .transceive(SID, TREE, FileId([5; 16]), b"bind", 4280)
        .unwrap();
    let req = Srv::take_one(&mut conn);
    let mut interim = srv.reply(&req, STATUS_PENDING, SID, ErrorResponse::default().encode());
    let mut h = Header::parse(&interim).unwrap();
    h.route = Route::Async { async_id: 99 };
    let mut head = Vec::new();
    h.encode(&mut head);
    interim[..64].copy_from_slice(&head);
    deliver(&mut conn, &interim).unwrap(); // interim responses are not signed
    assert_eq!(conn.poll_event(), Some(Event::Pending { id }));
    let body = IoctlResponse {
        ctl_code: FSCTL_PIPE_TRANSCEIVE,
        file_id: FileId([5; 16]),
        output: b"ack".to_vec(),
    }
    .encode();
    let mut fin = srv.reply(&req, STATUS_BUFFER_OVERFLOW, SID, body);
    fin[..64].copy_from_slice(&head);
    fin[8..12].copy_from_slice(&STATUS_BUFFER_OVERFLOW.to_le_bytes());
    deliver(&mut conn, &srv.sign(fin)).unwrap();
    let r = response(&mut conn);
    assert_eq!((r.id, r.status), (id, STATUS_BUFFER_OVERFLOW));
    assert!(matches!(r.body, Body::Ioctl(ref i) if i.output == b"ack"));
}

#[test]
fn failure_statuses_arrive_as_error_bodies() {
    let (mut conn, srv) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    conn.create(SID, TREE, &CreateRequest::pipe("nosuchpipe"))
        .unwrap();
    let req = Srv::take_one(&mut conn);
    deliver(
        &mut conn,
        &srv.sign(srv.reply(
            &req,
            STATUS_OBJECT_NAME_NOT_FOUND,
            SID,
            ErrorResponse::default().encode(),
        )),
    )
    .unwrap();
    let r = response(&mut conn);
    assert_eq!(
        (r.status, matches!(r.body, Body::Error(_))),
        (STATUS_OBJECT_NAME_NOT_FOUND, true)
    );
    assert!(
        conn.closed().is_none(),
        "a failed request leaves the connection usable"
    );
}

#[test]
fn logon_failure_is_reported_and_the_setup_reset() {
    let mut conn = Connection::new(config(Dialect::SMB3_1_1, Dialect::SMB3_1_1));
    let mut srv = Srv::new(Dialect::SMB3_1_1);
    negotiate(&mut conn, &mut srv, 0, contexts_311(None, None)).unwrap();
    conn.session_setup(0, b"t", false).unwrap();
    let req = Srv::take_one(&mut conn);
    deliver(
        &mut conn,
        &srv.reply(
            &req,
            STATUS_LOGON_FAILURE,
            0,
            ErrorResponse::default().encode(),
        ),
    )
    .unwrap();
    let r = response(&mut conn);
    assert_eq!(
        (r.command, r.status),
        (Command::SESSION_SETUP, STATUS_LOGON_FAILURE)
    );
    assert!(
        conn.session_setup(0, b"t", false).is_ok(),
        "a new attempt may start"
    );
}

#[test]
fn guest_session_under_required_signing_is_refused() {
    let mut cfg = config(Dialect::SMB3_1_1, Dialect::SMB3_1_1);
    cfg.signing = SigningPolicy::Required;
    let mut conn = Connection::new(cfg);
    let mut srv = Srv::new(Dialect::SMB3_1_1);
    negotiate(&mut conn, &mut srv, 0, contexts_311(None, None)).unwrap();
    let err = session_setup(&mut conn, &mut srv, session_flags::IS_GUEST, false).unwrap_err();
    assert!(matches!(err, Error::Policy(_)), "{err:?}");
}

#[test]
fn validate_negotiate_detects_a_downgrade() {
    for honest in [true, false] {
        let (mut conn, srv) = established(
            Dialect::SMB3_0_2,
            config(Dialect::SMB2_0_2, Dialect::SMB3_1_1),
        );
        let id = conn
            .validate_negotiate(SID, TREE)
            .unwrap()
            .expect("3.0.2 validates");
        let req = Srv::take_one(&mut conn);
        let ioctl = IoctlRequest::parse(&req).unwrap();
        assert_eq!(ioctl.ctl_code, FSCTL_VALIDATE_NEGOTIATE_INFO);
        assert!(Header::parse(&req).unwrap().is_signed());
        let v = ValidateNegotiateInfoForTest {
            dialect: if honest {
                Dialect::SMB3_0_2
            } else {
                Dialect::SMB3_1_1
            },
        };
        let body = IoctlResponse {
            ctl_code: ioctl.ctl_code,
            file_id: FileId::NONE,
            output: v.encode(),
        }
        .encode();
        let res = deliver(
            &mut conn,
            &srv.sign(srv.reply(&req, STATUS_SUCCESS, SID, body)),
        );
        if honest {
            res.unwrap();
            assert_eq!(response(&mut conn).id, id);
        } else {
            assert!(matches!(res, Err(Error::Policy(_))));
        }
    }
    let (mut conn, _) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    assert_eq!(conn.validate_negotiate(SID, TREE).unwrap(), None);
}

struct ValidateNegotiateInfoForTest {
    dialect: Dialect,
}

impl ValidateNegotiateInfoForTest {
    fn encode(&self) -> Vec<u8> {
        crate::ioctl::ValidateNegotiateInfo {
            capabilities: capabilities::LARGE_MTU,
            guid: [9; 16],
            security_mode: 1,
            dialect: self.dialect,
        }
        .encode()
    }
}

#[test]
fn unexpected_message_ids_and_garbage_are_fatal() {
    let (mut conn, srv) = established(Dialect::SMB2_1, config(Dialect::SMB2_1, Dialect::SMB2_1));
    conn.echo().unwrap();
    let req = Srv::take_one(&mut conn);
    let mut resp = srv.reply(&req, STATUS_SUCCESS, 0, empty_body());
    resp[24] ^= 0x40;
    assert!(matches!(
        deliver(&mut conn, &resp),
        Err(Error::UnexpectedResponse { .. })
    ));

    let inputs: [&[u8]; 5] = [
        &[0, 0, 0, 4, 1, 2, 3, 4],
        &[0, 0, 0, 64, 0xFE, b'S', b'M', b'B'],
        &[0xFF, 0, 0, 0],
        &[0, 0xFF, 0xFF, 0xFF],
        &[0, 0, 0, 8, 0xFC, b'S', b'M', b'B', 0, 0, 0, 0],
    ];
    for input in inputs {
        let (mut conn, _) = established(Dialect::SMB2_1, config(Dialect::SMB2_1, Dialect::SMB2_1));
        conn.echo().unwrap();
        let r = conn.handle_input(input);
        if input.len() == 8 && input[3] == 64 {
            assert!(r.is_ok(), "a partial frame just waits");
        } else {
            assert!(r.is_err(), "{input:?}");
        }
    }
}

#[test]
fn every_truncation_of_a_valid_response_is_rejected_or_waits() {
    let (conn0, srv) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    drop(conn0);
    let body = CreateResponse {
        oplock_level: 0,
        create_action: 1,
        end_of_file: 0,
        file_attributes: 0,
        file_id: FileId([1; 16]),
    }
    .encode();
    for cut in (0..64 + body.len()).step_by(3) {
        let (mut conn, _) = established(
            Dialect::SMB3_1_1,
            config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
        );
        conn.create(SID, TREE, &CreateRequest::pipe("srvsvc"))
            .unwrap();
        let req = Srv::take_one(&mut conn);
        let full = srv.reply(&req, STATUS_SUCCESS, SID, body.clone());
        // Signed as the server would sign it, so the body parser is what must refuse it.
        let short = if cut >= 64 {
            srv.sign(full[..cut].to_vec())
        } else {
            full[..cut].to_vec()
        };
        let err = deliver(&mut conn, &short).unwrap_err();
        assert!(matches!(err, Error::Malformed(_)), "cut {cut}: {err:?}");
    }
}

#[test]
fn application_key_is_exposed_for_rpc() {
    let (conn, srv) = established(Dialect::SMB3_0, config(Dialect::SMB3_0, Dialect::SMB3_0));
    assert_eq!(
        conn.application_key(SID).unwrap(),
        *srv.keys.unwrap().application
    );
    assert_eq!(conn.application_key(1), None);
    let (conn, _) = established(Dialect::SMB2_1, config(Dialect::SMB2_1, Dialect::SMB2_1));
    assert_eq!(conn.application_key(SID).unwrap(), KEY);
}

#[test]
fn logoff_forgets_the_session() {
    let (mut conn, srv) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    conn.logoff(SID).unwrap();
    let req = Srv::take_one(&mut conn);
    deliver(
        &mut conn,
        &srv.sign(srv.reply(&req, STATUS_SUCCESS, SID, empty_body())),
    )
    .unwrap();
    assert_eq!(response(&mut conn).body, Body::Logoff);
    assert!(matches!(
        conn.tree_connect(SID, r"\\s\IPC$"),
        Err(Error::State(_))
    ));
    let _ = TRANSFORM_HEADER_LEN;
}

/// A small deterministic generator for the fuzz-style tests below.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_and_bit_flipped_input_never_panics() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    // Valid responses of several kinds, to mutate.
    let (_, srv) = established(
        Dialect::SMB3_1_1,
        config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
    );
    let mut samples = Vec::new();
    for kind in 0..4 {
        let (mut conn, _) = established(
            Dialect::SMB3_1_1,
            config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
        );
        match kind {
            0 => drop(
                conn.create(SID, TREE, &CreateRequest::pipe("srvsvc"))
                    .unwrap(),
            ),
            1 => drop(
                conn.transceive(SID, TREE, FileId([1; 16]), b"x", 4280)
                    .unwrap(),
            ),
            2 => drop(conn.read(SID, TREE, FileId([1; 16]), 0, 4280).unwrap()),
            _ => drop(conn.tree_connect(SID, r"\\s\IPC$").unwrap()),
        }
        let req = Srv::take_one(&mut conn);
        let body = match kind {
            0 => CreateResponse {
                oplock_level: 0,
                create_action: 1,
                end_of_file: 0,
                file_attributes: 0,
                file_id: FileId([1; 16]),
            }
            .encode(),
            1 => IoctlResponse {
                ctl_code: FSCTL_PIPE_TRANSCEIVE,
                file_id: FileId([1; 16]),
                output: vec![5; 40],
            }
            .encode(),
            2 => ReadResponse {
                data: vec![6; 30],
                data_remaining: 0,
            }
            .encode(),
            _ => TreeConnectResponse {
                share_type: 2,
                share_flags: 0,
                capabilities: 0,
                maximal_access: 0,
            }
            .encode(),
        };
        samples.push((kind, srv.sign(srv.reply(&req, STATUS_SUCCESS, SID, body))));
    }
    for round in 0..400 {
        let (mut conn, _) = established(
            Dialect::SMB3_1_1,
            config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
        );
        let (kind, sample) = &samples[round % samples.len()];
        match kind {
            0 => drop(
                conn.create(SID, TREE, &CreateRequest::pipe("srvsvc"))
                    .unwrap(),
            ),
            1 => drop(
                conn.transceive(SID, TREE, FileId([1; 16]), b"x", 4280)
                    .unwrap(),
            ),
            2 => drop(conn.read(SID, TREE, FileId([1; 16]), 0, 4280).unwrap()),
            _ => drop(conn.tree_connect(SID, r"\\s\IPC$").unwrap()),
        }
        let mut m = sample.clone();
        let flips = 1 + (rng.next() % 4) as usize;
        for _ in 0..flips {
            let i = (rng.next() as usize) % m.len();
            m[i] ^= 1 << (rng.next() % 8);
        }
        if round % 5 == 0 {
            let cut = (rng.next() as usize) % m.len();
            m.truncate(cut);
        }
        // Whatever happens, no panic; a flipped signed message must not be accepted as is.
        let r = deliver(&mut conn, &m);
        if m.len() == sample.len() && m != *sample {
            assert!(
                r.is_err(),
                "round {round}: a modified signed response was accepted"
            );
        }
        // Raw garbage with a plausible frame header.
        let (mut conn, _) = established(
            Dialect::SMB3_1_1,
            config(Dialect::SMB3_1_1, Dialect::SMB3_1_1),
        );
        let n = (rng.next() % 200) as usize;
        let mut junk: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        if n >= 4 && round % 2 == 0 {
            junk[..4].copy_from_slice(&[0xFE, b'S', b'M', b'B']);
        }
        let _ = conn.handle_input(&frame(&junk).unwrap());
    }
}
