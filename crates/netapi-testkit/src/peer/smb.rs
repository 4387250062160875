//! The peer's SMB2 connection ([MS-SMB2] 3.3.5): one task per TCP connection reading Direct
//! TCP frames (2.1), decrypting transform-wrapped requests (3.3.5.2.1), answering each request
//! in turn and sending the answer through the hooks, then signing (3.3.4.1.1), encrypting
//! (3.3.4.1.4) and framing it.
//!
//! Pipes (3.3.5.15.6 transceive, 3.3.5.12 READ, 3.3.5.13 WRITE) are message queues: what the
//! pipe's backend (an RPC server or a raw reply) produces is read one message at a time, in
//! chunks no larger than the client asked for, with `STATUS_BUFFER_OVERFLOW` while the message
//! has more. A read with nothing queued goes pending (an interim `STATUS_PENDING`) and
//! completes, in the order the reads came, once a later request on the connection (a WRITE,
//! an IOCTL) has queued a message for it — as a Windows pipe read waits for its writer.
//!
//! It also checks the client: every request must fall inside the credit window granted so far
//! ([MS-SMB2] 3.3.5.2.3), recorded in [`super::Stats::window_violations`].

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

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
use netapi_smb2::session_setup::{SessionSetupRequest, SessionSetupResponse, empty_body};
use netapi_smb2::signing::Signer;
use netapi_smb2::status::*;

/// `STATUS_INVALID_PARAMETER`: a request the peer cannot parse.
const STATUS_INVALID_PARAMETER: u32 = 0xC000_000D;
use netapi_smb2::tree::{TreeConnectRequest, TreeConnectResponse};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::hooks::{SmbAction, SmbOut};
use super::ntlm::{Acceptor, Leg};
use super::rpc::RpcServer;
use super::{RawReply, SESSION_ID, Shared, TREE_ID};

/// Largest frame the peer reads (the client never sends more than a 1 MiB write plus headers).
const MAX_FRAME: usize = 16 * 1024 * 1024;
/// The AsyncId of interim responses.
const ASYNC_ID: u64 = 77;

/// What produces a pipe's messages.
enum Backend {
    Raw(RawReply),
    Rpc(Box<RpcServer>),
}

/// One open pipe: its backend and the messages waiting to be read.
struct Open {
    backend: Backend,
    queue: VecDeque<Vec<u8>>,
    /// The message being read and how much of it was handed out.
    current: Option<(Vec<u8>, usize)>,
}

impl Open {
    fn write(&mut self, data: &[u8]) {
        match &mut self.backend {
            Backend::Raw(f) => self.queue.push_back(f(data)),
            Backend::Rpc(s) => self.queue.extend(s.input(data)),
        }
    }

    /// The next chunk of at most `max` bytes; `None` when nothing is queued.
    fn read(&mut self, max: usize) -> Option<(u32, Vec<u8>)> {
        if self.current.is_none() {
            self.current = self.queue.pop_front().map(|m| (m, 0));
        }
        let (msg, pos) = self.current.as_mut()?;
        let n = (msg.len() - *pos).min(max);
        let out = msg[*pos..*pos + n].to_vec();
        *pos += n;
        let status = if *pos == msg.len() {
            self.current = None;
            STATUS_SUCCESS
        } else {
            STATUS_BUFFER_OVERFLOW
        };
        Some((status, out))
    }
}

/// The normal answer to one request.
struct Answer {
    status: u32,
    body: Vec<u8>,
    /// Nothing to answer yet (a pipe read with nothing queued): goes pending by default.
    hold: bool,
}

impl Answer {
    fn ok(body: Vec<u8>) -> Self {
        Answer {
            status: STATUS_SUCCESS,
            body,
            hold: false,
        }
    }

    fn status(status: u32, body: Vec<u8>) -> Self {
        Answer {
            status,
            body,
            hold: false,
        }
    }

    fn fail(status: u32) -> Self {
        Answer::status(status, ErrorResponse::default().encode())
    }
}

struct Conn {
    shared: Arc<Shared>,
    connection: usize,
    preauth: PreauthHash,
    session_preauth: PreauthHash,
    acceptor: Option<Acceptor>,
    signer: Option<Signer>,
    seal_out: Option<Sealer>,
    seal_in: Option<Sealer>,
    nonce: u64,
    /// MessageIds below this are granted.
    window_high: u64,
    used: HashSet<u64>,
    in_flight: usize,
    opens: HashMap<[u8; 16], Open>,
    next_file: u64,
    /// The TreeId of the last disk share connected (`IPC$` is always [`TREE_ID`]).
    last_tree: u32,
    /// Pipe READs gone pending for want of a message, oldest first: their request header and
    /// message, the file and the most bytes asked.
    parked: VecDeque<(Header, Vec<u8>, [u8; 16], usize)>,
}

/// Serve one TCP connection until it closes, a hook closes it, or the peer is dropped.
pub(crate) async fn serve(mut sock: TcpStream, shared: Arc<Shared>, connection: usize) {
    let mut c = Conn {
        shared,
        connection,
        preauth: PreauthHash::new(),
        session_preauth: PreauthHash::new(),
        acceptor: None,
        signer: None,
        seal_out: None,
        seal_in: None,
        nonce: 0,
        window_high: 1,
        used: HashSet::new(),
        in_flight: 0,
        opens: HashMap::new(),
        next_file: 1,
        last_tree: TREE_ID,
        parked: VecDeque::new(),
    };
    loop {
        let mut len = [0u8; 4];
        if sock.read_exact(&mut len).await.is_err() {
            return;
        }
        let n = u32::from_be_bytes([0, len[1], len[2], len[3]]) as usize;
        if len[0] != 0 || n > MAX_FRAME {
            c.error(format!("frame header {len:02x?}"));
            return;
        }
        let mut frame = vec![0u8; n];
        if sock.read_exact(&mut frame).await.is_err() {
            return;
        }
        let encrypted = frame.starts_with(&TRANSFORM_PROTOCOL_ID);
        let msg = if encrypted {
            c.shared.stats().encrypted += 1;
            match c.seal_in.as_ref().map(|s| s.decrypt(&frame)) {
                Some(Ok((_, plain))) => plain,
                _ => {
                    c.error("undecryptable request".into());
                    return;
                }
            }
        } else {
            frame
        };
        let Ok(hdr) = Header::parse(&msg) else {
            c.error("unparseable request header".into());
            return;
        };
        c.check_window(&hdr);
        c.in_flight += 1;
        {
            let mut s = c.shared.stats();
            s.commands.push(hdr.command);
            s.max_in_flight = s.max_in_flight.max(c.in_flight);
        }
        let answer = c.answer(&hdr, &msg);
        if answer.hold
            && hdr.command == Command::READ
            && let Ok(r) = ReadRequest::parse(&msg)
        {
            let max = (r.length as usize).min(c.shared.chunk);
            c.parked
                .push_back((hdr.clone(), msg.clone(), r.file_id.0, max));
        }
        let out = c.outgoing(&hdr, msg, answer, encrypted);
        let keep_going = c.emit(&mut sock, out).await;
        c.in_flight -= 1;
        if !keep_going {
            return;
        }
        // Pending reads take what this request queued, oldest first.
        while let Some((_, _, file, max)) = c.parked.front() {
            let Some(open) = c.opens.get_mut(file) else {
                // Closed under it: it stays unanswered, as before it went pending.
                c.parked.pop_front();
                continue;
            };
            let Some((status, data)) = open.read(*max) else {
                break;
            };
            let Some((req, request, _, _)) = c.parked.pop_front() else {
                break;
            };
            let body = ReadResponse {
                data,
                data_remaining: 0,
            }
            .encode();
            let mut out = c.outgoing(&req, request, Answer::status(status, body), encrypted);
            // The final response of a request that went async ([MS-SMB2] 3.3.4.2).
            out.header.route = Route::Async { async_id: ASYNC_ID };
            out.header.credits = 0;
            if !c.emit(&mut sock, out).await {
                return;
            }
        }
    }
}

impl Conn {
    fn error(&self, what: String) {
        self.shared
            .stats()
            .errors
            .push(format!("connection {}: {what}", self.connection));
    }

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
            self.shared.stats().window_violations.push(b);
        }
    }

    /// The response as it would go out, offered to the hooks.
    fn outgoing(&mut self, req: &Header, request: Vec<u8>, a: Answer, encrypted: bool) -> SmbOut {
        let mut h = Header::request(req.command);
        h.status = a.status;
        h.credits = self.shared.grant;
        h.flags = flags::SERVER_TO_REDIR;
        h.message_id = req.message_id;
        h.route = Route::Sync {
            tree_id: if req.command == Command::TREE_CONNECT && a.status == STATUS_SUCCESS {
                let ipc = TreeConnectRequest::parse(&request)
                    .is_ok_and(|t| t.path.to_ascii_uppercase().ends_with("\\IPC$"));
                if ipc {
                    TREE_ID
                } else {
                    self.last_tree += 1;
                    self.last_tree
                }
            } else {
                req.tree_id().unwrap_or(0)
            },
        };
        h.session_id = match req.command {
            Command::NEGOTIATE => 0,
            Command::SESSION_SETUP => SESSION_ID,
            _ => req.session_id,
        };
        let final_setup = req.command == Command::SESSION_SETUP && a.status == STATUS_SUCCESS;
        // [MS-SMB2] 3.3.4.1.1: sign what the client signed; 3.3.5.5.3: the final SESSION_SETUP
        // response is signed with the new session's key.
        let sign =
            self.signer.is_some() && (final_setup || (req.is_signed() && req.session_id != 0));
        let mut out = SmbOut {
            connection: self.connection,
            request,
            request_header: req.clone(),
            header: h,
            body: a.body,
            sign,
            encrypt: encrypted && self.seal_out.is_some(),
            post: None,
            action: if a.hold {
                SmbAction::PendingThenStall
            } else {
                SmbAction::Send
            },
        };
        let mut hooks = self
            .shared
            .smb_hooks
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for hook in hooks.iter_mut() {
            hook(&mut out);
        }
        out
    }

    /// Send `out` as its action says; false when the connection is to end.
    async fn emit(&mut self, sock: &mut TcpStream, out: SmbOut) -> bool {
        let SmbOut {
            request_header: req,
            mut header,
            body,
            sign,
            encrypt,
            post,
            action,
            ..
        } = out;
        match action {
            SmbAction::Stall => return true,
            SmbAction::Close => return false,
            SmbAction::Reset => {
                let _ = sock.set_zero_linger();
                return false;
            }
            SmbAction::Delay(d) => tokio::time::sleep(d).await,
            SmbAction::PendingThen(_) | SmbAction::PendingThenStall => {
                let mut interim = header.clone();
                interim.status = STATUS_PENDING;
                interim.route = Route::Async { async_id: ASYNC_ID };
                self.window_high += u64::from(interim.credits);
                let mut m = Vec::new();
                interim.encode(&mut m);
                m.extend_from_slice(&ErrorResponse::default().encode());
                if sock.write_all(&framed(&m)).await.is_err() {
                    return false;
                }
                // The final response of an async request carries no new credits.
                header.credits = 0;
                header.route = Route::Async { async_id: ASYNC_ID };
            }
            SmbAction::Send | SmbAction::HalfThenClose | SmbAction::SendThenClose => {}
        }
        match action {
            SmbAction::PendingThenStall => return true,
            SmbAction::PendingThen(d) => tokio::time::sleep(d).await,
            _ => {}
        }
        self.window_high += u64::from(header.credits);
        let mut msg = Vec::with_capacity(64 + body.len());
        header.encode(&mut msg);
        msg.extend_from_slice(&body);
        // The preauth hashes cover responses exactly as sent ([MS-SMB2] 3.3.5.4, 3.3.5.5).
        if self.shared.dialect == Dialect::SMB3_1_1 {
            match req.command {
                Command::NEGOTIATE => self.preauth.update(&msg),
                Command::SESSION_SETUP if header.status == STATUS_MORE_PROCESSING_REQUIRED => {
                    self.session_preauth.update(&msg)
                }
                _ => {}
            }
        }
        if sign && let Some(s) = &self.signer {
            let _ = s.sign(&mut msg);
        }
        if let Some(edit) = post {
            edit(&mut msg);
        }
        let out = match (&self.seal_out, encrypt) {
            (Some(seal), true) => {
                self.nonce += 1;
                let mut n = [0u8; 16];
                n[..8].copy_from_slice(&self.nonce.to_le_bytes());
                match seal.encrypt(&n, SESSION_ID, &msg) {
                    Ok(m) => m,
                    Err(_) => return false,
                }
            }
            _ => msg,
        };
        let wire = framed(&out);
        if action == SmbAction::HalfThenClose {
            let _ = sock.write_all(&wire[..wire.len() / 2]).await;
            let _ = sock.flush().await;
            return false;
        }
        let sent = sock.write_all(&wire).await.is_ok();
        sent && action != SmbAction::SendThenClose
    }

    /// The normal answer to a request.
    fn answer(&mut self, h: &Header, msg: &[u8]) -> Answer {
        match h.command {
            Command::NEGOTIATE => self.negotiate(msg),
            Command::SESSION_SETUP => self.session_setup(msg),
            Command::TREE_CONNECT => match TreeConnectRequest::parse(msg) {
                Ok(t) if t.path.to_ascii_uppercase().ends_with("\\IPC$") => Answer::ok(
                    TreeConnectResponse {
                        share_type: netapi_smb2::tree::share_type::PIPE,
                        share_flags: 0,
                        capabilities: 0,
                        maximal_access: 0x001f_01ff,
                    }
                    .encode(),
                ),
                Ok(t)
                    if t.path.rsplit_once('\\').is_some_and(|(_, share)| {
                        self.shared
                            .disk_shares
                            .iter()
                            .any(|d| d.eq_ignore_ascii_case(share))
                    }) =>
                {
                    Answer::ok(
                        TreeConnectResponse {
                            share_type: netapi_smb2::tree::share_type::DISK,
                            share_flags: 0,
                            capabilities: 0,
                            maximal_access: 0x001f_01ff,
                        }
                        .encode(),
                    )
                }
                Ok(_) => Answer::fail(STATUS_BAD_NETWORK_NAME),
                Err(_) => self.malformed("TREE_CONNECT"),
            },
            Command::CREATE => self.create(msg),
            Command::CLOSE => match netapi_smb2::create::parse_close_request(msg) {
                Ok(id) if self.opens.remove(&id.0).is_some() => {
                    self.shared.stats().closes += 1;
                    Answer::ok(close_response())
                }
                Ok(_) => Answer::fail(STATUS_FILE_CLOSED),
                Err(_) => self.malformed("CLOSE"),
            },
            Command::IOCTL => self.ioctl(msg),
            Command::WRITE => match WriteRequest::parse(msg) {
                Ok(w) => match self.opens.get_mut(&w.file_id.0) {
                    Some(open) => {
                        open.write(&w.data);
                        Answer::ok(write_response(w.data.len() as u32))
                    }
                    None => Answer::fail(STATUS_FILE_CLOSED),
                },
                Err(_) => self.malformed("WRITE"),
            },
            Command::READ => match ReadRequest::parse(msg) {
                Ok(r) => {
                    let max = (r.length as usize).min(self.shared.chunk);
                    match self.opens.get_mut(&r.file_id.0) {
                        Some(open) => match open.read(max) {
                            Some((status, data)) => Answer::status(
                                status,
                                ReadResponse {
                                    data,
                                    data_remaining: 0,
                                }
                                .encode(),
                            ),
                            None => Answer {
                                hold: true,
                                ..Answer::ok(
                                    ReadResponse {
                                        data: Vec::new(),
                                        data_remaining: 0,
                                    }
                                    .encode(),
                                )
                            },
                        },
                        None => Answer::fail(STATUS_FILE_CLOSED),
                    }
                }
                Err(_) => self.malformed("READ"),
            },
            Command::ECHO | Command::LOGOFF | Command::TREE_DISCONNECT => Answer::ok(empty_body()),
            _ => Answer::fail(STATUS_NOT_SUPPORTED),
        }
    }

    fn malformed(&self, what: &str) -> Answer {
        self.error(format!("malformed {what} request"));
        Answer::fail(STATUS_INVALID_PARAMETER)
    }

    fn create(&mut self, msg: &[u8]) -> Answer {
        let Ok(req) = CreateRequest::parse(msg) else {
            return self.malformed("CREATE");
        };
        let name = req.name.trim_start_matches('\\');
        let backend = if let Some(raw) = &self.shared.raw_pipe {
            Backend::Raw(raw.clone())
        } else if self
            .shared
            .interfaces
            .iter()
            .any(|i| i.pipe.eq_ignore_ascii_case(name))
        {
            Backend::Rpc(Box::new(RpcServer::new(name, self.shared.clone())))
        } else {
            return Answer::fail(STATUS_OBJECT_NAME_NOT_FOUND);
        };
        let mut id = [0u8; 16];
        id[..8].copy_from_slice(&self.next_file.to_le_bytes());
        id[8..].copy_from_slice(&(self.connection as u64).to_le_bytes());
        self.next_file += 1;
        self.opens.insert(
            id,
            Open {
                backend,
                queue: VecDeque::new(),
                current: None,
            },
        );
        self.shared.stats().creates += 1;
        Answer::ok(
            CreateResponse {
                oplock_level: 0,
                create_action: 1,
                end_of_file: 0,
                file_attributes: 0x80,
                file_id: FileId(id),
            }
            .encode(),
        )
    }

    fn ioctl(&mut self, msg: &[u8]) -> Answer {
        let Ok(req) = IoctlRequest::parse(msg) else {
            return self.malformed("IOCTL");
        };
        if req.ctl_code != FSCTL_PIPE_TRANSCEIVE {
            // FSCTL_VALIDATE_NEGOTIATE_INFO ([MS-SMB2] 3.3.5.15.12): what we negotiated.
            let v = ValidateNegotiateInfo {
                capabilities: self.capabilities(),
                guid: SERVER_GUID,
                security_mode: self.shared.security_mode,
                dialect: self.shared.dialect,
            };
            return Answer::ok(
                IoctlResponse {
                    ctl_code: req.ctl_code,
                    file_id: req.file_id,
                    output: v.encode(),
                }
                .encode(),
            );
        }
        let max = (req.max_output as usize).min(self.shared.chunk);
        let Some(open) = self.opens.get_mut(&req.file_id.0) else {
            return Answer::fail(STATUS_FILE_CLOSED);
        };
        open.write(&req.input);
        let reply = |output: Vec<u8>| {
            IoctlResponse {
                ctl_code: req.ctl_code,
                file_id: req.file_id,
                output,
            }
            .encode()
        };
        match open.read(max) {
            Some((status, data)) => Answer::status(status, reply(data)),
            None => Answer {
                hold: true,
                ..Answer::ok(reply(Vec::new()))
            },
        }
    }

    fn capabilities(&self) -> u32 {
        let d = self.shared.dialect;
        let enc = if d.is_smb3() && d != Dialect::SMB3_1_1 && self.shared.cipher.is_some() {
            capabilities::ENCRYPTION
        } else {
            0
        };
        capabilities::LARGE_MTU | enc
    }

    fn negotiate(&mut self, msg: &[u8]) -> Answer {
        if NegotiateRequest::parse(msg).is_err() {
            return self.malformed("NEGOTIATE");
        }
        let d = self.shared.dialect;
        let mut contexts = Vec::new();
        if d == Dialect::SMB3_1_1 {
            // [MS-SMB2] 3.3.5.4: the hash starts over with this request.
            self.preauth = PreauthHash::new();
            self.preauth.update(msg);
            contexts.push(NegotiateContext::PreauthIntegrity {
                hash_algorithms: vec![HashAlgorithm::SHA_512],
                salt: vec![0x5e; 32],
            });
            if let Some(c) = self.shared.cipher {
                contexts.push(NegotiateContext::Encryption { ciphers: vec![c] });
            }
            if let Some(s) = self.shared.signing {
                contexts.push(NegotiateContext::Signing {
                    algorithms: vec![s],
                });
            }
        }
        Answer::ok(
            NegotiateResponse {
                security_mode: self.shared.security_mode,
                dialect: d,
                server_guid: SERVER_GUID,
                capabilities: self.capabilities(),
                max_transact_size: self.shared.max_size,
                max_read_size: self.shared.max_size,
                max_write_size: self.shared.max_size,
                system_time: 0,
                server_start_time: 0,
                security_buffer: Vec::new(),
                contexts,
            }
            .encode(),
        )
    }

    fn session_setup(&mut self, msg: &[u8]) -> Answer {
        let Ok(req) = SessionSetupRequest::parse(msg) else {
            return self.malformed("SESSION_SETUP");
        };
        if self.acceptor.is_none() {
            // A new exchange: its preauth hash starts from the connection's.
            self.acceptor = Some(Acceptor::new(&self.shared.auth));
            self.session_preauth = self.preauth.clone();
        }
        self.session_preauth.update(msg);
        let leg = match self.acceptor.as_mut() {
            Some(a) => a.step(&req.security_buffer),
            None => Leg::Refused,
        };
        match leg {
            Leg::More(token) => Answer::status(
                STATUS_MORE_PROCESSING_REQUIRED,
                SessionSetupResponse {
                    session_flags: 0,
                    security_buffer: token,
                }
                .encode(),
            ),
            Leg::Refused => {
                self.acceptor = None;
                Answer::fail(STATUS_LOGON_FAILURE)
            }
            Leg::Done { token, key } => {
                self.acceptor = None;
                self.establish(&key);
                Answer::ok(
                    SessionSetupResponse {
                        session_flags: self.shared.session_flags,
                        security_buffer: token,
                    }
                    .encode(),
                )
            }
        }
    }

    /// Derive the session's keys ([MS-SMB2] 3.3.5.5.3) from the GSS session key.
    fn establish(&mut self, key: &[u8]) {
        let d = self.shared.dialect;
        let preauth = (d == Dialect::SMB3_1_1).then(|| *self.session_preauth.value());
        let cipher = self.cipher_for_keys();
        let keys = SessionKeys::derive(d, key, preauth.as_ref(), cipher);
        self.shared.stats().application_keys.push(*keys.application);
        let alg = match (d, self.shared.signing) {
            (Dialect::SMB3_1_1, Some(a)) => a,
            (d, _) if d.is_smb3() => SigningAlgorithm::AES_CMAC,
            _ => SigningAlgorithm::HMAC_SHA256,
        };
        // Guest and anonymous sessions are not signed ([MS-SMB2] 3.3.5.5.3).
        if self.shared.session_flags & 0x3 != 0 {
            return;
        }
        self.signer = Some(Signer::new(alg, &keys.signing));
        if let (Some(c), Some(e), Some(dk)) = (cipher, &keys.encryption, &keys.decryption) {
            self.seal_in = Sealer::new(c, e).ok();
            self.seal_out = Sealer::new(c, dk).ok();
        }
    }

    fn cipher_for_keys(&self) -> Option<Cipher> {
        match self.shared.dialect {
            Dialect::SMB3_1_1 => self.shared.cipher,
            d if d.is_smb3() && self.shared.cipher.is_some() => Some(Cipher::AES_128_CCM),
            _ => None,
        }
    }
}

/// The peer's ServerGuid.
const SERVER_GUID: [u8; 16] = *b"netapi-peer-guid";

fn framed(msg: &[u8]) -> Vec<u8> {
    let mut f = (msg.len() as u32).to_be_bytes().to_vec();
    f[0] = 0;
    f.extend_from_slice(msg);
    f
}
