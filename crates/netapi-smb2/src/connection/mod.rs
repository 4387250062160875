//! The sans-IO SMB2 client connection ([MS-SMB2] 3.2): message ids, credits, outstanding
//! requests, sessions and their keys, signing and encryption. No sockets, no clock.
//!
//! A driver feeds received bytes to [`Connection::handle_input`], writes every buffer from
//! [`Connection::poll_transmit`] to the socket (each is one whole framed message) and collects
//! [`Event`]s from [`Connection::poll_event`]. Requests are made with methods such as
//! [`Connection::tree_connect`]; each returns a [`RequestId`] that the matching
//! [`Event::Response`] carries. Requests wait in a queue while the credit window is exhausted
//! ([MS-SMB2] 3.2.4.1.5), so several may be in flight and none exceeds the window.
//!
//! Any error from `handle_input` is fatal: the connection is closed and the driver should fail
//! every request still waiting. Response timeouts are the driver's business.

mod config;
mod receive;
mod session;

use std::collections::{HashMap, VecDeque};

pub use config::{Config, DEFAULT_MAX_IO, EncryptionPolicy, MAX_IO_LIMIT, SigningPolicy};
pub use session::SessionInfo;
use session::{Session, SetupState};

use crate::create::{CreateRequest, CreateResponse, FileId, close_request};
use crate::error::{Error, Result};
use crate::error_response::ErrorResponse;
use crate::framing::{FrameDecoder, frame};
use crate::header::{Command, Header, Route};
use crate::ioctl::{
    FSCTL_PIPE_TRANSCEIVE, FSCTL_VALIDATE_NEGOTIATE_INFO, IoctlRequest, IoctlResponse,
    validate_negotiate_input,
};
use crate::negotiate::{
    Cipher, Dialect, HashAlgorithm, NegotiateContext, NegotiateRequest, NegotiateResponse,
    SigningAlgorithm, capabilities, security_mode,
};
use crate::preauth::PreauthHash;
use crate::read_write::{ReadRequest, ReadResponse, WriteRequest};
use crate::session_setup::{SessionSetupRequest, SessionSetupResponse, empty_body};
use crate::tree::{TreeConnectRequest, TreeConnectResponse};

/// Identifies one request of a [`Connection`] (not the MessageId, which is assigned when the
/// request leaves the queue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

/// Credits are capped here whatever the server grants.
pub const MAX_CREDITS: u32 = 8192;
/// One credit covers this many payload bytes ([MS-SMB2] 3.1.5.2).
pub const CREDIT_UNIT: u32 = 65_536;

/// Something the driver should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The server went async on a request (interim `STATUS_PENDING`, [MS-SMB2] 3.2.5.1.5);
    /// the final response follows later.
    Pending {
        /// The request.
        id: RequestId,
    },
    /// A final response.
    Response(Response),
}

/// A final response to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The request it answers.
    pub id: RequestId,
    /// Its command.
    pub command: Command,
    /// The NTSTATUS as received.
    pub status: u32,
    /// `SessionId` from the header.
    pub session_id: u64,
    /// `TreeId` from a sync header (the new tree's id for TREE_CONNECT).
    pub tree_id: Option<u32>,
    /// The decoded body.
    pub body: Body,
}

/// A decoded response body. Failures carry [`Body::Error`]; `STATUS_BUFFER_OVERFLOW` on READ
/// and IOCTL and `STATUS_MORE_PROCESSING_REQUIRED` on SESSION_SETUP carry the normal body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// NEGOTIATE.
    Negotiate(Box<NegotiateResponse>),
    /// SESSION_SETUP.
    SessionSetup(SessionSetupResponse),
    /// LOGOFF.
    Logoff,
    /// TREE_CONNECT.
    TreeConnect(TreeConnectResponse),
    /// TREE_DISCONNECT.
    TreeDisconnect,
    /// CREATE.
    Create(CreateResponse),
    /// CLOSE.
    Close,
    /// READ.
    Read(ReadResponse),
    /// WRITE: bytes written.
    Write(u32),
    /// IOCTL.
    Ioctl(IoctlResponse),
    /// ECHO.
    Echo,
    /// The server failed the request; the status is in [`Response::status`].
    Error(ErrorResponse),
}

/// What NEGOTIATE settled ([MS-SMB2] 3.2.5.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negotiated {
    /// The dialect.
    pub dialect: Dialect,
    /// `ServerGuid`.
    pub server_guid: [u8; 16],
    /// Server `SecurityMode`.
    pub security_mode: u16,
    /// Server `Capabilities`.
    pub capabilities: u32,
    /// `MaxTransactSize`.
    pub max_transact_size: u32,
    /// `MaxReadSize`.
    pub max_read_size: u32,
    /// `MaxWriteSize`.
    pub max_write_size: u32,
    /// The cipher, if encryption is possible.
    pub cipher: Option<Cipher>,
    /// The signing algorithm.
    pub signing_algorithm: SigningAlgorithm,
    /// The server's SPNEGO hint.
    pub security_buffer: Vec<u8>,
}

impl Negotiated {
    /// CreditCharge is meaningful ([MS-SMB2] 3.2.5.2 `Connection.SupportsMultiCredit`).
    pub fn multi_credit(&self) -> bool {
        self.dialect != Dialect::SMB2_0_2 && self.capabilities & capabilities::LARGE_MTU != 0
    }

    /// The server requires signing.
    pub fn server_requires_signing(&self) -> bool {
        self.security_mode & security_mode::SIGNING_REQUIRED != 0
    }
}

/// What a request is, beyond its command, for response processing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Plain,
    /// NEGOTIATE; the request bytes feed the preauth hash.
    Negotiate(Vec<u8>),
    /// FSCTL_VALIDATE_NEGOTIATE_INFO; checked here, must come back signed.
    ValidateNegotiate,
}

#[derive(Debug)]
struct Queued {
    id: RequestId,
    command: Command,
    session_id: u64,
    tree_id: u32,
    body: Vec<u8>,
    charge: u16,
    kind: Kind,
}

#[derive(Debug)]
struct Pending {
    id: RequestId,
    command: Command,
    session_id: u64,
    charge: u16,
    encrypted: bool,
    require_signed: bool,
    kind: Kind,
}

#[derive(Debug)]
enum State {
    /// NEGOTIATE not sent yet.
    Start,
    /// NEGOTIATE sent.
    ExpectNegotiate,
    /// Negotiated; 3.1.1 keeps `Connection.PreauthIntegrityHashValue`.
    Ready {
        negotiated: Box<Negotiated>,
        preauth: Option<PreauthHash>,
    },
}

/// The sans-IO client connection. See the module documentation.
#[derive(Debug)]
pub struct Connection {
    config: Config,
    offered: Vec<Dialect>,
    state: State,
    closed: Option<Error>,
    decoder: FrameDecoder,
    transmit: VecDeque<Vec<u8>>,
    events: VecDeque<Event>,
    queue: VecDeque<Queued>,
    pending: HashMap<u64, Pending>,
    next_request: u64,
    next_message_id: u64,
    credits: u32,
    inflight_charge: u32,
    setup: Option<SetupState>,
    sessions: HashMap<u64, Session>,
}

impl Connection {
    /// A connection that has sent nothing yet; call [`Connection::negotiate`] first.
    pub fn new(config: Config) -> Self {
        let offered = config.offered_dialects();
        Connection {
            config,
            offered,
            state: State::Start,
            closed: None,
            decoder: FrameDecoder::new(),
            transmit: VecDeque::new(),
            events: VecDeque::new(),
            queue: VecDeque::new(),
            pending: HashMap::new(),
            next_request: 0,
            next_message_id: 0,
            credits: 1,
            inflight_charge: 0,
            setup: None,
            sessions: HashMap::new(),
        }
    }

    // ---- getters -------------------------------------------------------------------------

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// What NEGOTIATE settled, once it has.
    pub fn negotiated(&self) -> Option<&Negotiated> {
        match &self.state {
            State::Ready { negotiated, .. } => Some(negotiated),
            _ => None,
        }
    }

    /// Why the connection is closed, if it is.
    pub fn closed(&self) -> Option<&Error> {
        self.closed.as_ref()
    }

    /// Credits available now.
    pub fn credits(&self) -> u32 {
        self.credits
    }

    /// Requests waiting for credits.
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    /// Requests on the wire without a final response.
    pub fn in_flight(&self) -> usize {
        self.pending.len()
    }

    /// Largest READ length.
    pub fn max_read(&self) -> u32 {
        self.io_cap(|n| n.max_read_size)
    }

    /// Largest WRITE length.
    pub fn max_write(&self) -> u32 {
        self.io_cap(|n| n.max_write_size)
    }

    /// Largest IOCTL input or output.
    pub fn max_transact(&self) -> u32 {
        self.io_cap(|n| n.max_transact_size)
    }

    fn io_cap(&self, f: impl Fn(&Negotiated) -> u32) -> u32 {
        let Some(n) = self.negotiated() else { return 0 };
        let mut cap = f(n).min(self.config.max_io_size.min(MAX_IO_LIMIT));
        if !n.multi_credit() {
            cap = cap.min(CREDIT_UNIT);
        }
        cap
    }

    /// `Session.ApplicationKey` ([MS-SMB2] 3.2.5.3.1): the session key RPC protocols such as
    /// SAMR use. `None` for unknown or unauthenticated sessions.
    pub fn application_key(&self, session_id: u64) -> Option<[u8; 16]> {
        self.sessions
            .get(&session_id)?
            .application_key
            .as_deref()
            .copied()
    }

    // ---- driver interface ----------------------------------------------------------------

    /// The next framed message to write to the socket, whole.
    pub fn poll_transmit(&mut self) -> Option<Vec<u8>> {
        self.transmit.pop_front()
    }

    /// The next event.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// Close: queued requests are dropped and no new ones accepted. Requests in flight get no
    /// response events any more.
    pub fn close(&mut self) {
        if self.closed.is_none() {
            self.closed = Some(Error::Closed);
        }
        self.queue.clear();
        self.pending.clear();
        self.transmit.clear();
    }

    fn fail(&mut self, e: Error) -> Error {
        self.close();
        self.closed = Some(e.clone());
        e
    }

    /// Bytes received from the socket, in any split. An error closes the connection.
    pub fn handle_input(&mut self, data: &[u8]) -> Result<()> {
        if let Some(e) = &self.closed {
            return Err(e.clone());
        }
        self.decoder.push(data);
        loop {
            let frame = match self.decoder.next_frame() {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => return Err(self.fail(e)),
            };
            if let Err(e) = self.handle_frame(frame) {
                return Err(self.fail(e));
            }
        }
        self.pump().map_err(|e| self.fail(e))
    }

    // ---- requests ------------------------------------------------------------------------

    /// Send NEGOTIATE ([MS-SMB2] 3.2.4.2.2.2) with the configured dialects and, when 3.1.1 is
    /// offered, the preauth, encryption, signing and netname contexts.
    pub fn negotiate(&mut self) -> Result<RequestId> {
        if !matches!(self.state, State::Start) {
            return Err(Error::State("NEGOTIATE was already sent"));
        }
        if self.offered.is_empty() {
            return Err(Error::Usage(
                "no dialect in the configured range (and encryption policy)",
            ));
        }
        let mut contexts = Vec::new();
        if self.offered.contains(&Dialect::SMB3_1_1) {
            contexts.push(NegotiateContext::PreauthIntegrity {
                hash_algorithms: vec![HashAlgorithm::SHA_512],
                salt: self.config.preauth_salt.to_vec(),
            });
            if !self.config.ciphers.is_empty() {
                contexts.push(NegotiateContext::Encryption {
                    ciphers: self.config.ciphers.clone(),
                });
            }
            if let Some(name) = &self.config.server_name {
                contexts.push(NegotiateContext::NetName(name.clone()));
            }
            if !self.config.signing_algorithms.is_empty() {
                contexts.push(NegotiateContext::Signing {
                    algorithms: self.config.signing_algorithms.clone(),
                });
            }
        }
        let req = NegotiateRequest {
            security_mode: self.client_security_mode(),
            capabilities: self.client_capabilities(),
            client_guid: self.config.client_guid,
            dialects: self.offered.clone(),
            contexts,
        };
        self.state = State::ExpectNegotiate;
        self.enqueue(
            Command::NEGOTIATE,
            0,
            0,
            req.encode(),
            1,
            Kind::Negotiate(Vec::new()),
        )
    }

    fn client_security_mode(&self) -> u16 {
        match self.config.signing {
            SigningPolicy::Required => {
                security_mode::SIGNING_ENABLED | security_mode::SIGNING_REQUIRED
            }
            _ => security_mode::SIGNING_ENABLED,
        }
    }

    fn client_capabilities(&self) -> u32 {
        // A 2.0.2-only client sends 0 ([MS-SMB2] 3.2.4.2.2.2).
        if self.offered.iter().all(|d| *d == Dialect::SMB2_0_2) {
            return 0;
        }
        let mut caps = capabilities::LARGE_MTU;
        if self.offered.iter().any(|d| d.is_smb3()) {
            caps |= capabilities::ENCRYPTION;
        }
        caps
    }

    /// Send one SESSION_SETUP leg carrying `token` ([MS-SMB2] 3.2.4.2.3). `session_id` is 0 for
    /// the first leg and the id from the previous response afterwards. `anonymous` suppresses
    /// the signing request (a null session has no key).
    pub fn session_setup(
        &mut self,
        session_id: u64,
        token: &[u8],
        anonymous: bool,
    ) -> Result<RequestId> {
        self.ready()?;
        if token.len() > usize::from(u16::MAX) {
            return Err(Error::TooLarge {
                what: "security token",
                size: token.len(),
                limit: usize::from(u16::MAX),
            });
        }
        let preauth = match &self.state {
            State::Ready { preauth, .. } => preauth.clone(),
            _ => None,
        };
        match &mut self.setup {
            Some(s) if s.in_flight => return Err(Error::State("a SESSION_SETUP leg is in flight")),
            Some(s) if s.session_id != session_id => {
                return Err(Error::State("another session setup is in progress"));
            }
            Some(s) => s.in_flight = true,
            None if session_id != 0 => return Err(Error::State("unknown session setup")),
            None => {
                self.setup = Some(SetupState {
                    session_id: 0,
                    preauth,
                    in_flight: true,
                    final_response: None,
                    final_flags: 0,
                });
            }
        }
        let mut mode = security_mode::SIGNING_ENABLED as u8;
        if !anonymous && self.config.signing != SigningPolicy::IfServerRequires {
            // The server then sets Session.SigningRequired and signs every response
            // ([MS-SMB2] 3.3.5.5.3), which is what lets us insist on signed responses.
            mode |= security_mode::SIGNING_REQUIRED as u8;
        }
        let req = SessionSetupRequest {
            security_mode: mode,
            capabilities: 0,
            security_buffer: token.to_vec(),
        };
        self.enqueue(
            Command::SESSION_SETUP,
            session_id,
            0,
            req.encode(),
            1,
            Kind::Plain,
        )
    }

    /// After the final (`STATUS_SUCCESS`) SESSION_SETUP response: derive the session's keys
    /// from the GSS `session_key` (empty for anonymous), verify the held response's signature
    /// and apply the signing and encryption policy ([MS-SMB2] 3.2.5.3.1).
    pub fn complete_session(&mut self, session_id: u64, session_key: &[u8]) -> Result<SessionInfo> {
        let negotiated = self
            .negotiated()
            .cloned()
            .ok_or(Error::State("not negotiated"))?;
        let ready = matches!(&self.setup, Some(s) if s.session_id == session_id && s.final_response.is_some());
        if !ready {
            return Err(Error::State("no finished SESSION_SETUP for this session"));
        }
        let setup = self.setup.take().ok_or(Error::State("no session setup"))?;
        let result = receive::establish(&self.config, &negotiated, setup, session_key);
        match result {
            Ok((session, info)) => {
                self.sessions.insert(session_id, session);
                Ok(info)
            }
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Abandon a session setup that failed on the authentication side (the server's last
    /// token was rejected locally).
    pub fn abort_session_setup(&mut self) {
        self.setup = None;
    }

    /// LOGOFF ([MS-SMB2] 3.2.4.22); the session is forgotten when the response arrives.
    pub fn logoff(&mut self, session_id: u64) -> Result<RequestId> {
        self.session(session_id)?;
        self.enqueue(Command::LOGOFF, session_id, 0, empty_body(), 1, Kind::Plain)
    }

    /// TREE_CONNECT to `path` (`\\server\IPC$`) ([MS-SMB2] 3.2.4.2.4).
    pub fn tree_connect(&mut self, session_id: u64, path: &str) -> Result<RequestId> {
        self.session(session_id)?;
        let body = TreeConnectRequest {
            path: path.to_owned(),
        }
        .encode()?;
        self.enqueue(Command::TREE_CONNECT, session_id, 0, body, 1, Kind::Plain)
    }

    /// TREE_DISCONNECT ([MS-SMB2] 3.2.4.3).
    pub fn tree_disconnect(&mut self, session_id: u64, tree_id: u32) -> Result<RequestId> {
        self.session(session_id)?;
        self.enqueue(
            Command::TREE_DISCONNECT,
            session_id,
            tree_id,
            empty_body(),
            1,
            Kind::Plain,
        )
    }

    /// CREATE ([MS-SMB2] 3.2.4.3); [`CreateRequest::pipe`] opens a named pipe.
    pub fn create(
        &mut self,
        session_id: u64,
        tree_id: u32,
        req: &CreateRequest,
    ) -> Result<RequestId> {
        self.session(session_id)?;
        let body = req.encode()?;
        self.enqueue(Command::CREATE, session_id, tree_id, body, 1, Kind::Plain)
    }

    /// CLOSE ([MS-SMB2] 3.2.4.5).
    pub fn close_file(
        &mut self,
        session_id: u64,
        tree_id: u32,
        file_id: FileId,
    ) -> Result<RequestId> {
        self.session(session_id)?;
        self.enqueue(
            Command::CLOSE,
            session_id,
            tree_id,
            close_request(file_id),
            1,
            Kind::Plain,
        )
    }

    /// READ up to `length` bytes ([MS-SMB2] 3.2.4.6).
    pub fn read(
        &mut self,
        session_id: u64,
        tree_id: u32,
        file_id: FileId,
        offset: u64,
        length: u32,
    ) -> Result<RequestId> {
        self.session(session_id)?;
        check_size("READ length", length as usize, self.max_read())?;
        let charge = self.charge_for(length as usize);
        let body = ReadRequest {
            file_id,
            length,
            offset,
            minimum_count: 0,
        }
        .encode();
        self.enqueue(
            Command::READ,
            session_id,
            tree_id,
            body,
            charge,
            Kind::Plain,
        )
    }

    /// WRITE `data` ([MS-SMB2] 3.2.4.7); on a pipe, one message.
    pub fn write(
        &mut self,
        session_id: u64,
        tree_id: u32,
        file_id: FileId,
        offset: u64,
        data: &[u8],
    ) -> Result<RequestId> {
        self.session(session_id)?;
        check_size("WRITE length", data.len(), self.max_write())?;
        let charge = self.charge_for(data.len());
        let body = WriteRequest {
            file_id,
            offset,
            data: data.to_vec(),
        }
        .encode();
        self.enqueue(
            Command::WRITE,
            session_id,
            tree_id,
            body,
            charge,
            Kind::Plain,
        )
    }

    /// IOCTL ([MS-SMB2] 3.2.4.20).
    pub fn ioctl(
        &mut self,
        session_id: u64,
        tree_id: u32,
        req: &IoctlRequest,
    ) -> Result<RequestId> {
        self.session(session_id)?;
        check_size("IOCTL input", req.input.len(), self.max_transact())?;
        check_size("IOCTL output", req.max_output as usize, self.max_transact())?;
        let charge = self.charge_for(req.input.len().max(req.max_output as usize));
        self.enqueue(
            Command::IOCTL,
            session_id,
            tree_id,
            req.encode(),
            charge,
            Kind::Plain,
        )
    }

    /// FSCTL_PIPE_TRANSCEIVE: write `input` to the pipe and read one message of at most
    /// `max_output` bytes ([MS-SMB2] 3.2.4.20.1, [MS-FSCC] 2.3.30).
    pub fn transceive(
        &mut self,
        session_id: u64,
        tree_id: u32,
        file_id: FileId,
        input: &[u8],
        max_output: u32,
    ) -> Result<RequestId> {
        let req = IoctlRequest {
            ctl_code: FSCTL_PIPE_TRANSCEIVE,
            file_id,
            input: input.to_vec(),
            max_output,
        };
        self.ioctl(session_id, tree_id, &req)
    }

    /// FSCTL_VALIDATE_NEGOTIATE_INFO for 3.0 and 3.0.2 ([MS-SMB2] 3.2.5.14.12 client side,
    /// 3.2.4.20.2): the signed response must repeat what NEGOTIATE said, otherwise
    /// `handle_input` fails with [`Error::Policy`]. Other dialects need no validation (3.1.1 has
    /// the preauth hash) and get `Ok(None)`.
    pub fn validate_negotiate(
        &mut self,
        session_id: u64,
        tree_id: u32,
    ) -> Result<Option<RequestId>> {
        let dialect = self.ready()?.dialect;
        if !matches!(dialect, Dialect::SMB3_0 | Dialect::SMB3_0_2) {
            return Ok(None);
        }
        let s = self.session(session_id)?;
        if s.signer.is_none() {
            // Anonymous or guest: there is no key to sign with, so nothing to validate with.
            return Ok(None);
        }
        let input = validate_negotiate_input(
            self.client_capabilities(),
            &self.config.client_guid,
            self.client_security_mode(),
            &self.offered,
        );
        let req = IoctlRequest {
            ctl_code: FSCTL_VALIDATE_NEGOTIATE_INFO,
            file_id: FileId::NONE,
            input,
            max_output: 24,
        };
        self.enqueue(
            Command::IOCTL,
            session_id,
            tree_id,
            req.encode(),
            1,
            Kind::ValidateNegotiate,
        )
        .map(Some)
    }

    /// ECHO ([MS-SMB2] 3.2.4.15), outside any session.
    pub fn echo(&mut self) -> Result<RequestId> {
        self.ready()?;
        self.enqueue(Command::ECHO, 0, 0, empty_body(), 1, Kind::Plain)
    }

    // ---- internals -----------------------------------------------------------------------

    fn ready(&self) -> Result<&Negotiated> {
        if let Some(e) = &self.closed {
            return Err(e.clone());
        }
        self.negotiated()
            .ok_or(Error::State("NEGOTIATE has not completed"))
    }

    fn session(&self, session_id: u64) -> Result<&Session> {
        self.ready()?;
        self.sessions
            .get(&session_id)
            .ok_or(Error::State("no such established session"))
    }

    /// Credits a payload of `len` bytes costs ([MS-SMB2] 3.1.5.2).
    fn charge_for(&self, len: usize) -> u16 {
        let units = len.div_ceil(CREDIT_UNIT as usize).max(1);
        u16::try_from(units).unwrap_or(u16::MAX)
    }

    fn enqueue(
        &mut self,
        command: Command,
        session_id: u64,
        tree_id: u32,
        body: Vec<u8>,
        charge: u16,
        kind: Kind,
    ) -> Result<RequestId> {
        if let Some(e) = &self.closed {
            return Err(e.clone());
        }
        if self.queue.len() + self.pending.len() >= self.config.max_requests {
            return Err(Error::Usage("too many SMB2 requests queued or in flight"));
        }
        let id = RequestId(self.next_request);
        self.next_request += 1;
        self.queue.push_back(Queued {
            id,
            command,
            session_id,
            tree_id,
            body,
            charge,
            kind,
        });
        self.pump().map_err(|e| self.fail(e))?;
        Ok(id)
    }

    /// Send queued requests while the credit window allows ([MS-SMB2] 3.2.4.1.5).
    fn pump(&mut self) -> Result<()> {
        while let Some(front) = self.queue.front() {
            if u32::from(front.charge) > self.credits {
                break;
            }
            let Some(q) = self.queue.pop_front() else {
                break;
            };
            self.send(q)?;
        }
        Ok(())
    }

    fn send(&mut self, q: Queued) -> Result<()> {
        let charge = q.charge.max(1);
        let message_id = self.next_message_id;
        self.next_message_id += u64::from(charge);
        self.credits -= u32::from(charge);
        self.inflight_charge += u32::from(charge);

        let multi_credit = self.negotiated().is_some_and(Negotiated::multi_credit);
        let mut hdr = Header::request(q.command);
        hdr.credit_charge = if multi_credit { charge } else { 0 };
        hdr.credits = self.credit_request(charge);
        hdr.message_id = message_id;
        hdr.route = Route::Sync { tree_id: q.tree_id };
        hdr.session_id = q.session_id;
        let mut msg = Vec::with_capacity(64 + q.body.len());
        hdr.encode(&mut msg);
        msg.extend_from_slice(&q.body);

        let mut kind = q.kind;
        if let Kind::Negotiate(bytes) = &mut kind {
            *bytes = msg.clone();
        }
        if q.command == Command::SESSION_SETUP
            && let Some(p) = self.setup.as_mut().and_then(|s| s.preauth.as_mut())
        {
            p.update(&msg);
        }

        let dialect = self.negotiated().map(|n| n.dialect);
        let (mut encrypted, mut signed, mut require_signed) = (false, false, false);
        if q.command != Command::SESSION_SETUP
            && let Some(s) = self.sessions.get(&q.session_id)
        {
            encrypted = s.encrypts(q.tree_id);
            let has_key = s.signer.is_some();
            // 3.1.1 signs TREE_CONNECT whenever it can ([MS-SMB2] 3.2.4.1.1), and
            // VALIDATE_NEGOTIATE_INFO is always signed.
            let must = s.sign
                || kind == Kind::ValidateNegotiate
                || (dialect == Some(Dialect::SMB3_1_1) && q.command == Command::TREE_CONNECT);
            signed = !encrypted && has_key && must;
            require_signed = !encrypted && has_key && (s.sign || kind == Kind::ValidateNegotiate);
        }
        let wire = if encrypted {
            let s = self
                .sessions
                .get_mut(&q.session_id)
                .ok_or(Error::State("session vanished"))?;
            let sealer = s
                .sealer_out
                .as_ref()
                .ok_or(Error::State("no encryption key"))?;
            let nonce = s.nonces.next(sealer.cipher())?;
            sealer.encrypt(&nonce, q.session_id, &msg)?
        } else {
            if signed {
                let s = self
                    .sessions
                    .get(&q.session_id)
                    .and_then(|s| s.signer.as_ref());
                s.ok_or(Error::State("no signing key"))?.sign(&mut msg)?;
            }
            msg
        };
        self.transmit.push_back(frame(&wire)?);
        self.pending.insert(
            message_id,
            Pending {
                id: q.id,
                command: q.command,
                session_id: q.session_id,
                charge,
                encrypted,
                require_signed,
                kind,
            },
        );
        Ok(())
    }

    /// CreditRequest: replace what this request consumes and grow towards the target window.
    fn credit_request(&self, charge: u16) -> u16 {
        let have = self.credits + self.inflight_charge;
        let want = u32::from(self.config.credit_target)
            .saturating_sub(have)
            .min(64);
        u16::try_from(u32::from(charge) + want).unwrap_or(u16::MAX)
    }
}

fn check_size(what: &'static str, size: usize, limit: u32) -> Result<()> {
    if size > limit as usize {
        return Err(Error::TooLarge {
            what,
            size,
            limit: limit as usize,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
