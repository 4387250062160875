//! A scripted SMB2 server for tests: a TCP listener on 127.0.0.1:0 that answers the client's
//! requests with well-formed, properly signed (or encrypted) responses built from
//! `netapi-smb2`'s codecs, and lets each test replace any answer with a fault: a stall, a
//! disconnect in the middle of a frame, a bad or missing signature, an interim response, odd
//! credit grants. It also checks the client: every request must fall inside the credit window
//! granted so far, and it counts CREATE/CLOSE so tests can prove nothing leaks.
//!
//! Authentication is faked on both sides: [`FakeAuth`] produces fixed tokens and the session
//! key [`KEY`], which the peer uses to derive the same signing and encryption keys.

#![allow(dead_code)]

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use netapi_auth::{
    AuthError, AuthOptions, Credentials, Part, Protection, SecurityContext, SessionKey, Step,
};
use netapi_smb2::create::{CreateRequest, CreateResponse, FileId, close_response};
use netapi_smb2::encryption::{Sealer, TRANSFORM_PROTOCOL_ID};
use netapi_smb2::error_response::ErrorResponse;
use netapi_smb2::header::{Command, Header, Route, flags};
use netapi_smb2::ioctl::{
    FSCTL_PIPE_TRANSCEIVE, IoctlRequest, IoctlResponse, ValidateNegotiateInfo,
};
use netapi_smb2::kdf::SessionKeys;
use netapi_smb2::negotiate::{
    Cipher, Dialect, HashAlgorithm, NegotiateContext, NegotiateRequest, NegotiateResponse,
    SigningAlgorithm, capabilities,
};
use netapi_smb2::preauth::PreauthHash;
use netapi_smb2::read_write::{ReadRequest, ReadResponse, WriteRequest, write_response};
use netapi_smb2::session_setup::{SessionSetupResponse, empty_body};
use netapi_smb2::signing::Signer;
use netapi_smb2::status::*;
use netapi_smb2::tree::TreeConnectResponse;
use netapi_transport::smb::Authenticator;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The session key both fake sides agree on.
pub const KEY: [u8; 16] = [0x5a; 16];
/// The SessionId the peer assigns.
pub const SESSION_ID: u64 = 0x0000_1234_0000_0001;
/// The TreeId of IPC$.
pub const TREE_ID: u32 = 1;

/// A security context that sends "NEGOTIATE", then "AUTHENTICATE", and knows [`KEY`].
pub struct FakeContext {
    legs: u32,
}

impl SecurityContext for FakeContext {
    fn step(&mut self, input: Option<&[u8]>) -> Result<Step, AuthError> {
        self.legs += 1;
        match self.legs {
            1 => Ok(Step {
                token: b"NEGOTIATE".to_vec(),
                complete: false,
            }),
            2 if input == Some(b"CHALLENGE") => Ok(Step {
                token: b"AUTHENTICATE".to_vec(),
                complete: true,
            }),
            _ => Ok(Step {
                token: Vec::new(),
                complete: true,
            }),
        }
    }
    fn is_complete(&self) -> bool {
        self.legs >= 2
    }
    fn session_key(&self) -> Result<SessionKey, AuthError> {
        Ok(SessionKey::new(KEY.to_vec()))
    }
    fn signature_len(&self) -> usize {
        16
    }
    fn protect(&mut self, _: Protection, _: &mut [Part<'_>]) -> Result<Vec<u8>, AuthError> {
        Err(AuthError::State("not used over SMB"))
    }
    fn unprotect(&mut self, _: Protection, _: &mut [Part<'_>], _: &[u8]) -> Result<(), AuthError> {
        Err(AuthError::State("not used over SMB"))
    }
}

/// Hands out [`FakeContext`]s.
pub struct FakeAuth;

impl Authenticator for FakeAuth {
    fn context(
        &self,
        _: &Credentials,
        _: &AuthOptions,
    ) -> Result<Box<dyn SecurityContext>, AuthError> {
        Ok(Box::new(FakeContext { legs: 0 }))
    }
}

/// What the peer does with one request instead of (or on top of) its normal answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The normal answer.
    Normal,
    /// Never answer; keep the connection open.
    Stall,
    /// Send the first half of the normal answer's frame, then close the connection.
    HalfThenClose,
    /// Close the connection without answering.
    Close,
    /// The normal answer with one signature byte flipped.
    BadSignature,
    /// The normal answer, not signed (and not encrypted).
    Unsigned,
    /// An interim STATUS_PENDING first, then the normal answer.
    PendingFirst,
    /// An interim STATUS_PENDING, then the normal answer this many milliseconds later.
    PendingThenLate(u64),
    /// An interim STATUS_PENDING, then nothing.
    PendingThenStall,
    /// Fail the request with this status.
    Fail(u32),
}

/// Computes the pipe's answer to a message.
pub type Reply = Arc<dyn Fn(&[u8]) -> Vec<u8> + Send + Sync>;

/// Decides per request; gets the command and the request's plaintext.
pub type Script = Arc<dyn Fn(Command, &[u8]) -> Action + Send + Sync>;

/// How the peer behaves.
#[derive(Clone)]
pub struct PeerConfig {
    /// The dialect it picks (must be among those offered, else it picks it anyway).
    pub dialect: Dialect,
    /// Cipher for the ENCRYPTION context (3.1.1) or the ENCRYPTION capability (3.0.x).
    pub cipher: Option<Cipher>,
    /// Signing algorithm context answer (3.1.1).
    pub signing: Option<SigningAlgorithm>,
    /// SessionFlags of the final SESSION_SETUP response.
    pub session_flags: u16,
    /// Credits granted per response.
    pub grant: u16,
    /// Pipe messages are split into chunks this long at most (besides the client's own limit).
    pub chunk: usize,
    /// The answer to a transceive or written message (default: echo it back).
    pub reply: Reply,
    /// Per-request faults.
    pub script: Script,
}

impl Default for PeerConfig {
    fn default() -> Self {
        PeerConfig {
            dialect: Dialect::SMB3_1_1,
            cipher: None,
            signing: None,
            session_flags: 0,
            grant: 32,
            chunk: usize::MAX,
            reply: Arc::new(|m: &[u8]| m.to_vec()),
            script: Arc::new(|_, _| Action::Normal),
        }
    }
}

/// What the peer saw, for assertions.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// TCP connections accepted.
    pub connections: usize,
    /// Commands in arrival order.
    pub commands: Vec<Command>,
    /// Successful CREATEs.
    pub creates: usize,
    /// CLOSEs of an open handle.
    pub closes: usize,
    /// Requests outside the granted credit window (must stay empty).
    pub window_violations: Vec<String>,
    /// Requests that came encrypted.
    pub encrypted: usize,
    /// Most requests in flight at once (sent, not yet answered).
    pub max_in_flight: usize,
}

/// A running peer.
pub struct Peer {
    /// Where it listens.
    pub addr: SocketAddr,
    /// What it saw.
    pub stats: Arc<Mutex<Stats>>,
}

impl Peer {
    /// Listen on 127.0.0.1:0 and serve every connection with `cfg`.
    pub async fn start(cfg: PeerConfig) -> Peer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let stats = Arc::new(Mutex::new(Stats::default()));
        let st = stats.clone();
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                st.lock().unwrap().connections += 1;
                tokio::spawn(serve(sock, cfg.clone(), st.clone()));
            }
        });
        Peer { addr, stats }
    }

    /// A snapshot of the statistics.
    pub fn stats(&self) -> Stats {
        self.stats.lock().unwrap().clone()
    }
}

struct Conn {
    cfg: PeerConfig,
    stats: Arc<Mutex<Stats>>,
    dialect: Dialect,
    preauth: PreauthHash,
    session_preauth: PreauthHash,
    signer: Option<Signer>,
    seal_out: Option<Sealer>,
    seal_in: Option<Sealer>,
    nonce: u64,
    /// MessageIds below this are granted.
    window_high: u64,
    used: HashSet<u64>,
    in_flight: usize,
    open: HashSet<[u8; 16]>,
    next_file: u8,
    /// The rest of the pipe message being read.
    pipe_rest: Vec<u8>,
    setup_legs: u32,
}

async fn serve(mut sock: TcpStream, cfg: PeerConfig, stats: Arc<Mutex<Stats>>) {
    let mut c = Conn {
        dialect: cfg.dialect,
        cfg,
        stats,
        preauth: PreauthHash::new(),
        session_preauth: PreauthHash::new(),
        signer: None,
        seal_out: None,
        seal_in: None,
        nonce: 0,
        window_high: 1,
        used: HashSet::new(),
        in_flight: 0,
        open: HashSet::new(),
        next_file: 1,
        pipe_rest: Vec::new(),
        setup_legs: 0,
    };
    loop {
        let mut len = [0u8; 4];
        if sock.read_exact(&mut len).await.is_err() {
            return;
        }
        let n = u32::from_be_bytes([0, len[1], len[2], len[3]]) as usize;
        let mut frame = vec![0u8; n];
        if sock.read_exact(&mut frame).await.is_err() {
            return;
        }
        let encrypted = frame.starts_with(&TRANSFORM_PROTOCOL_ID);
        let msg = if encrypted {
            c.stats.lock().unwrap().encrypted += 1;
            match c.seal_in.as_ref().map(|s| s.decrypt(&frame)) {
                Some(Ok((_, plain))) => plain,
                _ => return,
            }
        } else {
            frame
        };
        let Ok(hdr) = Header::parse(&msg) else { return };
        c.check_window(&hdr);
        c.in_flight += 1;
        {
            let mut s = c.stats.lock().unwrap();
            s.commands.push(hdr.command);
            s.max_in_flight = s.max_in_flight.max(c.in_flight);
        }
        let action = (c.cfg.script)(hdr.command, &msg);
        let (status, body) = match &action {
            Action::Fail(st) => (*st, ErrorResponse::default().encode()),
            _ => c.answer(&hdr, &msg),
        };
        match action {
            Action::Stall => continue,
            Action::Close => return,
            _ => {}
        }
        let goes_async = matches!(
            action,
            Action::PendingFirst | Action::PendingThenLate(_) | Action::PendingThenStall
        );
        if goes_async {
            let interim = ErrorResponse::default().encode();
            let interim = c.response(&hdr, STATUS_PENDING, interim, Some(77));
            let _ = sock.write_all(&framed(&interim)).await;
        }
        match action {
            Action::PendingThenStall => continue,
            Action::PendingThenLate(ms) => {
                tokio::time::sleep(std::time::Duration::from_millis(ms)).await
            }
            _ => {}
        }
        let route = goes_async.then_some(77);
        let mut resp = c.response(&hdr, status, body, route);
        let final_setup = hdr.command == Command::SESSION_SETUP && status == STATUS_SUCCESS;
        let sign = c.signer.is_some()
            && hdr.session_id != 0
            && (hdr.command != Command::SESSION_SETUP || final_setup)
            && action != Action::Unsigned;
        let seal = encrypted && c.seal_out.is_some() && action != Action::Unsigned;
        let out = if seal {
            c.nonce += 1;
            let mut n = [0u8; 16];
            n[..8].copy_from_slice(&c.nonce.to_le_bytes());
            c.seal_out
                .as_ref()
                .unwrap()
                .encrypt(&n, SESSION_ID, &resp)
                .unwrap()
        } else {
            if sign {
                c.signer.as_ref().unwrap().sign(&mut resp).unwrap();
                if action == Action::BadSignature {
                    resp[50] ^= 0x01;
                }
            }
            resp
        };
        c.in_flight -= 1;
        let wire = framed(&out);
        if action == Action::HalfThenClose {
            let _ = sock.write_all(&wire[..wire.len() / 2]).await;
            let _ = sock.flush().await;
            return;
        }
        if sock.write_all(&wire).await.is_err() {
            return;
        }
    }
}

fn framed(msg: &[u8]) -> Vec<u8> {
    let mut f = (msg.len() as u32).to_be_bytes().to_vec();
    f[0] = 0;
    f.extend_from_slice(msg);
    f
}

impl Conn {
    fn check_window(&mut self, h: &Header) {
        let charge = u64::from(h.credit_charge.max(1));
        let mut bad = None;
        if h.message_id + charge > self.window_high {
            bad = Some(format!(
                "{:?} MessageId {} charge {} beyond window {}",
                h.command, h.message_id, charge, self.window_high
            ));
        }
        for m in h.message_id..h.message_id + charge {
            if !self.used.insert(m) {
                bad = Some(format!("MessageId {m} reused"));
            }
        }
        if let Some(b) = bad {
            self.stats.lock().unwrap().window_violations.push(b);
        }
    }

    fn response(
        &mut self,
        req: &Header,
        status: u32,
        body: Vec<u8>,
        async_id: Option<u64>,
    ) -> Vec<u8> {
        let mut h = Header::request(req.command);
        h.status = status;
        h.credits = self.cfg.grant;
        self.window_high += u64::from(self.cfg.grant);
        h.flags = flags::SERVER_TO_REDIR;
        h.message_id = req.message_id;
        h.route = match async_id {
            Some(a) => Route::Async { async_id: a },
            None => Route::Sync {
                tree_id: if req.command == Command::TREE_CONNECT {
                    TREE_ID
                } else {
                    req.tree_id().unwrap_or(0)
                },
            },
        };
        h.session_id = if req.command == Command::SESSION_SETUP || req.session_id != 0 {
            SESSION_ID
        } else {
            0
        };
        if req.command == Command::NEGOTIATE {
            h.session_id = 0;
        }
        let mut m = Vec::new();
        h.encode(&mut m);
        m.extend_from_slice(&body);
        m
    }

    /// The normal answer: (status, body).
    fn answer(&mut self, h: &Header, msg: &[u8]) -> (u32, Vec<u8>) {
        match h.command {
            Command::NEGOTIATE => self.negotiate(h, msg),
            Command::SESSION_SETUP => self.session_setup(h, msg),
            Command::TREE_CONNECT => (
                STATUS_SUCCESS,
                TreeConnectResponse {
                    share_type: 2,
                    share_flags: 0,
                    capabilities: 0,
                    maximal_access: 0x1f01ff,
                }
                .encode(),
            ),
            Command::CREATE => {
                let _ = CreateRequest::parse(msg).unwrap();
                let mut id = [0u8; 16];
                id[0] = self.next_file;
                self.next_file += 1;
                self.open.insert(id);
                self.stats.lock().unwrap().creates += 1;
                let r = CreateResponse {
                    oplock_level: 0,
                    create_action: 1,
                    end_of_file: 0,
                    file_attributes: 0x80,
                    file_id: FileId(id),
                };
                (STATUS_SUCCESS, r.encode())
            }
            Command::CLOSE => {
                let id = netapi_smb2::create::parse_close_request(msg).unwrap();
                if self.open.remove(&id.0) {
                    self.stats.lock().unwrap().closes += 1;
                    (STATUS_SUCCESS, close_response())
                } else {
                    (STATUS_FILE_CLOSED, ErrorResponse::default().encode())
                }
            }
            Command::IOCTL => {
                let req = IoctlRequest::parse(msg).unwrap();
                if req.ctl_code != FSCTL_PIPE_TRANSCEIVE {
                    let v = ValidateNegotiateInfo {
                        capabilities: capabilities::LARGE_MTU | self.encryption_cap(),
                        guid: [7; 16],
                        security_mode: 1,
                        dialect: self.dialect,
                    };
                    return (
                        STATUS_SUCCESS,
                        IoctlResponse {
                            ctl_code: req.ctl_code,
                            file_id: req.file_id,
                            output: v.encode(),
                        }
                        .encode(),
                    );
                }
                self.pipe_rest = (self.cfg.reply)(&req.input);
                let (status, out) = self.next_chunk(req.max_output as usize);
                (
                    status,
                    IoctlResponse {
                        ctl_code: req.ctl_code,
                        file_id: req.file_id,
                        output: out,
                    }
                    .encode(),
                )
            }
            Command::WRITE => {
                let w = WriteRequest::parse(msg).unwrap();
                self.pipe_rest = (self.cfg.reply)(&w.data);
                (STATUS_SUCCESS, write_response(w.data.len() as u32))
            }
            Command::READ => {
                let r = ReadRequest::parse(msg).unwrap();
                let (status, data) = self.next_chunk(r.length as usize);
                (
                    status,
                    ReadResponse {
                        data,
                        data_remaining: 0,
                    }
                    .encode(),
                )
            }
            Command::ECHO | Command::LOGOFF | Command::TREE_DISCONNECT => {
                (STATUS_SUCCESS, empty_body())
            }
            _ => (STATUS_NOT_SUPPORTED, ErrorResponse::default().encode()),
        }
    }

    /// Windows semantics: a chunk of the pending message, STATUS_BUFFER_OVERFLOW while more is left.
    fn next_chunk(&mut self, max: usize) -> (u32, Vec<u8>) {
        let n = self.pipe_rest.len().min(max).min(self.cfg.chunk);
        let out: Vec<u8> = self.pipe_rest.drain(..n).collect();
        let status = if self.pipe_rest.is_empty() {
            STATUS_SUCCESS
        } else {
            STATUS_BUFFER_OVERFLOW
        };
        (status, out)
    }

    fn encryption_cap(&self) -> u32 {
        if self.dialect.is_smb3() && self.dialect != Dialect::SMB3_1_1 && self.cfg.cipher.is_some()
        {
            capabilities::ENCRYPTION
        } else {
            0
        }
    }

    fn negotiate(&mut self, _h: &Header, msg: &[u8]) -> (u32, Vec<u8>) {
        let req = NegotiateRequest::parse(msg).unwrap();
        let mut contexts = Vec::new();
        if self.dialect == Dialect::SMB3_1_1 {
            contexts.push(NegotiateContext::PreauthIntegrity {
                hash_algorithms: vec![HashAlgorithm::SHA_512],
                salt: vec![1; 32],
            });
            if let Some(c) = self.cfg.cipher {
                contexts.push(NegotiateContext::Encryption { ciphers: vec![c] });
            }
            if let Some(s) = self.cfg.signing {
                contexts.push(NegotiateContext::Signing {
                    algorithms: vec![s],
                });
            }
        }
        let _ = req;
        let body = NegotiateResponse {
            security_mode: 1,
            dialect: self.dialect,
            server_guid: [7; 16],
            capabilities: capabilities::LARGE_MTU | self.encryption_cap(),
            max_transact_size: 1 << 20,
            max_read_size: 1 << 20,
            max_write_size: 1 << 20,
            system_time: 0,
            server_start_time: 0,
            security_buffer: Vec::new(),
            contexts,
        }
        .encode();
        if self.dialect == Dialect::SMB3_1_1 {
            self.preauth.update(msg);
            // The response is hashed as sent: build it the same way `response` will.
            let h = Header::parse(msg).unwrap();
            let grant = self.cfg.grant;
            let mut hd = Header::request(Command::NEGOTIATE);
            hd.credits = grant;
            hd.flags = flags::SERVER_TO_REDIR;
            hd.message_id = h.message_id;
            let mut m = Vec::new();
            hd.encode(&mut m);
            m.extend_from_slice(&body);
            self.preauth.update(&m);
        }
        (STATUS_SUCCESS, body)
    }

    fn session_setup(&mut self, h: &Header, msg: &[u8]) -> (u32, Vec<u8>) {
        self.setup_legs += 1;
        if self.setup_legs == 1 {
            self.session_preauth = self.preauth.clone();
        }
        self.session_preauth.update(msg);
        if self.setup_legs == 1 {
            let body = SessionSetupResponse {
                session_flags: 0,
                security_buffer: b"CHALLENGE".to_vec(),
            }
            .encode();
            // Hash the interim response as it will be sent.
            let mut hd = Header::request(Command::SESSION_SETUP);
            hd.status = STATUS_MORE_PROCESSING_REQUIRED;
            hd.credits = self.cfg.grant;
            hd.flags = flags::SERVER_TO_REDIR;
            hd.message_id = h.message_id;
            hd.session_id = SESSION_ID;
            let mut m = Vec::new();
            hd.encode(&mut m);
            m.extend_from_slice(&body);
            self.session_preauth.update(&m);
            return (STATUS_MORE_PROCESSING_REQUIRED, body);
        }
        let preauth = (self.dialect == Dialect::SMB3_1_1).then(|| *self.session_preauth.value());
        let keys =
            SessionKeys::derive(self.dialect, &KEY, preauth.as_ref(), self.cipher_for_keys());
        let alg = match (self.dialect, self.cfg.signing) {
            (Dialect::SMB3_1_1, Some(a)) => a,
            (d, _) if d.is_smb3() => SigningAlgorithm::AES_CMAC,
            _ => SigningAlgorithm::HMAC_SHA256,
        };
        if self.cfg.session_flags & 0x3 == 0 {
            self.signer = Some(Signer::new(alg, &keys.signing));
            if let (Some(c), Some(e), Some(d)) =
                (self.cipher_for_keys(), &keys.encryption, &keys.decryption)
            {
                self.seal_in = Some(Sealer::new(c, e).unwrap());
                self.seal_out = Some(Sealer::new(c, d).unwrap());
            }
        }
        (
            STATUS_SUCCESS,
            SessionSetupResponse {
                session_flags: self.cfg.session_flags,
                security_buffer: Vec::new(),
            }
            .encode(),
        )
    }

    fn cipher_for_keys(&self) -> Option<Cipher> {
        match self.dialect {
            Dialect::SMB3_1_1 => self.cfg.cipher,
            d if d.is_smb3() && self.cfg.cipher.is_some() => Some(Cipher::AES_128_CCM),
            _ => None,
        }
    }
}
