//! The wire floor: the least a client can do to get an answer from the server, so its time is
//! the server's own (plus the kernel's loopback), which no client can beat.
//!
//! Setup (not timed) uses netapi's sans-IO cores over a plain blocking socket: NEGOTIATE,
//! SESSION_SETUP (NTLM), TREE_CONNECT `IPC$`, CREATE `srvsvc` (or `samr`), bind, with SMB2
//! signing off (the lab file server does not require it); for `user-enum`, SamrConnect5,
//! SamrLookupDomainInSamServer and SamrOpenDomain of the account domain too. The request stub and DCE/RPC request PDU are encoded
//! once. The timed loop then only patches MessageId, call_id and (for paging) the resume handle
//! into pre-built SMB2 IOCTL (FSCTL_PIPE_TRANSCEIVE) and READ frames, writes them, and reads
//! response frames, looking at nothing but the SMB2 status, the data length and the DCE/RPC
//! fragment header (length, last-fragment flag) to know when a response is complete. Nothing is
//! decoded; response bytes are counted.
//!
//! It offers the same fragment size (5840) and pipe output size (64 KiB) as netapi, so the
//! server does the same work for both, and reads ahead as netapi does: once a fragment's header
//! is in, a READ is in flight for each further fragment its `alloc_hint` promises, up to
//! `--read-ahead` (netapi's [`netapi_transport::smb::PIPE_READ_AHEAD`]; 1 reads one fragment at
//! a time, as rpcclient and impacket do).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use netapi_dcerpc::{AssocConfig, Association, Event as RpcEvent};
use netapi_msrpc::samr::{self as sam, Samr};
use netapi_msrpc::srvsvc::{self as w, Srvsvc};
use netapi_msrpc::{Call, Interface};
use netapi_ndr::ContextHandle;
use netapi_smb2::create::CreateRequest;
use netapi_smb2::{Body, Config, Connection, Event, FileId, RequestId, Response, SigningPolicy};
use serde_json::json;

use crate::measure::Mark;
use crate::{Target, emit};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The command line of `wire-floor`.
#[derive(Parser, Debug)]
#[command(
    name = "wire-floor",
    about = "replay pre-encoded srvsvc requests over an open pipe"
)]
pub struct Cli {
    #[command(flatten)]
    target: Target,
    /// The call to replay.
    #[arg(long)]
    op: FloorOp,
    /// Level for `share-enum`.
    #[arg(long, default_value_t = 502)]
    level: u32,
    /// prefLen for `share-enum`; 0 = MAX_PREFERRED_LENGTH.
    #[arg(long, default_value_t = 0)]
    pref_len: u32,
    /// Timed calls (after one untimed warm-up call).
    #[arg(long, default_value_t = 1000)]
    calls: usize,
    /// DCE/RPC fragment size offered in the bind (netapi's: 5840).
    #[arg(long, default_value_t = netapi_transport::smb::PIPE_FRAG_SIZE)]
    frag: u16,
    /// Most READs in flight for the fragments a response promises (netapi's: 8); 1 = one READ
    /// at a time, as rpcclient and impacket read.
    #[arg(long, default_value_t = netapi_transport::smb::PIPE_READ_AHEAD)]
    read_ahead: usize,
}

/// Calls the floor can replay.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloorOp {
    /// NetrShareEnum level 1, MAX_PREFERRED_LENGTH.
    #[value(name = "share-enum-1")]
    ShareEnum1,
    /// NetrServerGetInfo level 101.
    #[value(name = "server-info-101")]
    ServerInfo101,
    /// NetrShareEnum at `--level`, whole or paged by `--pref-len`.
    ShareEnum,
    /// SamrEnumerateUsersInDomain of every account (NetUserEnum level 0), all pages.
    UserEnum,
}

const SMB2_IOCTL: u16 = 0x000B;
const SMB2_READ: u16 = 0x0008;
const FSCTL_PIPE_TRANSCEIVE: u32 = 0x0011_C017;
const STATUS_SUCCESS: u32 = 0;
const STATUS_PENDING: u32 = 0x0000_0103;
const STATUS_BUFFER_OVERFLOW: u32 = 0x8000_0005;
const FLAGS_ASYNC: u32 = 0x0000_0002;
/// What netapi asks per IOCTL/READ ([`netapi_transport::smb::SmbOptions::max_pipe_output`]).
const MAX_OUT: u32 = 64 * 1024;
/// NBSS length prefix + SMB2 header.
const HDR: usize = 4 + 64;

/// Run the floor named on the command line.
pub fn run() -> Res<()> {
    let cli = Cli::parse();
    let samr = cli.op == FloorOp::UserEnum;
    let (pipe, syntax) = if samr {
        (Samr::PIPE, Samr::SYNTAX)
    } else {
        (Srvsvc::PIPE, Srvsvc::SYNTAX)
    };
    let mut s = Session::open(&cli.target, cli.frag, pipe, syntax)?;
    let (opnum, stub, pageable) = if samr {
        let domain = s.open_domain()?;
        let req = sam::SamrEnumerateUsersInDomainRequest {
            domain_handle: domain,
            enumeration_context: 0,
            user_account_control: 0,
            prefered_maximum_length: u32::MAX,
        };
        (req_opnum(&req), netapi_ndr::encode(&req)?, true)
    } else {
        request_stub(&cli)?
    };
    let pdu = s.request_pdu(opnum, &stub)?;
    let max_out = MAX_OUT.min(s.max_out);
    let mut ioctl = ioctl_frame(&s, &pdu, max_out);
    let mut read = read_frame(&s, max_out);
    let pdu_at = HDR + 56;

    // One call = one enumeration (all its pages) or one GetInfo.
    let mut one = |s: &mut Session, bytes: &mut u64, reads: &mut u64, pages: &mut u64| -> Res<()> {
        let mut resume = 0u32;
        loop {
            if samr {
                // EnumerationContext follows the 20-byte domain handle (after the 24-byte
                // request header).
                let at = pdu_at + 24 + 20;
                ioctl[at..at + 4].copy_from_slice(&resume.to_le_bytes());
            } else if pageable {
                let end = ioctl.len();
                ioctl[end - 4..].copy_from_slice(&resume.to_le_bytes());
            }
            let (head, tail) =
                s.transact(&mut ioctl, pdu_at, &mut read, cli.read_ahead, bytes, reads)?;
            *pages += 1;
            let status = u32::from_le_bytes(tail[8..12].try_into().unwrap());
            let next = if samr {
                // [MS-SAMR] 3.1.5.2.5: the stub starts with EnumerationContext and ends
                // with the NTSTATUS; STATUS_MORE_ENTRIES (0x105) while more follow.
                match status {
                    0 => return Ok(()),
                    0x105 => head,
                    other => return Err(format!("the server answered NTSTATUS {other:#x}").into()),
                }
            } else {
                // Response stub ends: ResumeHandle referent, value, WERROR (MS-SRVS 3.1.4.8).
                match status {
                    0 => return Ok(()),
                    234 if pageable => u32::from_le_bytes(tail[4..8].try_into().unwrap()),
                    other => return Err(format!("the server answered WERROR {other}").into()),
                }
            };
            if next == 0 || next == resume {
                return Err("the server's resume handle did not move".into());
            }
            resume = next;
        }
    };
    let (mut bytes, mut reads, mut pages) = (0u64, 0u64, 0u64);
    one(&mut s, &mut bytes, &mut reads, &mut pages)?; // warm the server's caches
    let per_call_bytes = bytes;
    let (mut bytes, mut reads, mut pages) = (0u64, 0u64, 0u64);
    let mark = Mark::now();
    let mut per_call = Vec::with_capacity(cli.calls);
    for _ in 0..cli.calls {
        let t0 = Instant::now();
        one(&mut s, &mut bytes, &mut reads, &mut pages)?;
        per_call.push(t0.elapsed().as_secs_f64());
    }
    let mut m = serde_json::Map::new();
    m.insert("tool".into(), json!("floor"));
    m.insert(
        "workload".into(),
        json!(match cli.op {
            FloorOp::ShareEnum => "enum",
            FloorOp::UserEnum => "user-enum",
            _ => "warm",
        }),
    );
    m.extend(mark.fields());
    let op = match cli.op {
        FloorOp::ShareEnum1 => "share-enum-1",
        FloorOp::ServerInfo101 => "server-info-101",
        FloorOp::ShareEnum => "share-enum",
        FloorOp::UserEnum => "user-enum",
    };
    m.insert("op".into(), json!(op));
    m.insert("level".into(), json!(cli.level));
    m.insert("pref_len".into(), json!(cli.pref_len));
    m.insert("calls".into(), json!(cli.calls));
    m.insert("response_bytes".into(), json!(bytes));
    m.insert("response_bytes_per_call".into(), json!(per_call_bytes));
    m.insert("reads".into(), json!(reads));
    m.insert("frag".into(), json!(cli.frag));
    m.insert("read_ahead".into(), json!(cli.read_ahead));
    m.insert("pages".into(), json!(pages / cli.calls.max(1) as u64));
    if matches!(cli.op, FloorOp::ShareEnum | FloorOp::UserEnum) {
        m.insert("per_call_s".into(), json!(per_call));
    }
    emit(serde_json::Value::Object(m));
    Ok(())
}

fn req_opnum<C: Call>(_: &C) -> u16 {
    C::OPNUM
}

/// (opnum, NDR stub, whether the resume handle is the stub's last 4 bytes).
fn request_stub(cli: &Cli) -> Res<(u16, Vec<u8>, bool)> {
    // The same server name netapi sends.
    let unc = Some(format!("\\\\{}", cli.target.server));
    Ok(match cli.op {
        FloorOp::ServerInfo101 => {
            let req = w::NetrServerGetInfoRequest {
                server_name: unc,
                level: 101,
            };
            (
                w::NetrServerGetInfoRequest::OPNUM,
                netapi_ndr::encode(&req)?,
                false,
            )
        }
        FloorOp::UserEnum => return Err("user-enum needs the samr pipe".into()),
        FloorOp::ShareEnum1 | FloorOp::ShareEnum => {
            let level = if cli.op == FloorOp::ShareEnum1 {
                1
            } else {
                cli.level
            };
            let pref = if cli.op == FloorOp::ShareEnum && cli.pref_len != 0 {
                cli.pref_len
            } else {
                u32::MAX
            };
            let req = w::NetrShareEnumRequest {
                server_name: unc,
                info_struct: w::ShareEnumStruct::request(level),
                prefered_maximum_length: pref,
                resume_handle: Some(0),
            };
            (
                w::NetrShareEnumRequest::OPNUM,
                netapi_ndr::encode(&req)?,
                true,
            )
        }
    })
}

/// An SMB2 session with one pipe open and bound, on a blocking socket.
struct Session {
    sock: TcpStream,
    conn: Connection,
    session_id: u64,
    tree_id: u32,
    file_id: FileId,
    assoc: Association,
    context: u16,
    next_message_id: u64,
    call_id: u32,
    max_out: u32,
    buf: Vec<u8>,
    /// Bytes of the last frame read, with its NBSS prefix.
    frame_len: usize,
    /// The fragment size offered in the bind.
    frag: usize,
}

impl Session {
    fn open(t: &Target, frag: u16, pipe: &str, syntax: netapi_dcerpc::SyntaxId) -> Res<Session> {
        let sock = TcpStream::connect((t.server.as_str(), 445))?;
        sock.set_nodelay(true)?;
        let mut salt = [0u8; 32];
        let mut guid = [0u8; 16];
        getrandom::fill(&mut salt)
            .and_then(|_| getrandom::fill(&mut guid))
            .map_err(|e| e.to_string())?;
        let mut cfg = Config::new(guid, salt);
        cfg.signing = SigningPolicy::IfServerRequires;
        let mut s = Session {
            sock,
            conn: Connection::new(cfg),
            session_id: 0,
            tree_id: 0,
            file_id: FileId::NONE,
            assoc: Association::new(AssocConfig::new(frag)),
            context: 0,
            next_message_id: 0,
            call_id: 0,
            max_out: MAX_OUT,
            buf: vec![0u8; 1 << 17],
            frame_len: 0,
            frag: usize::from(frag),
        };
        let id = s.conn.negotiate()?;
        let r = s.wait(id)?;
        let hint = match r.body {
            Body::Negotiate(n) => n.security_buffer,
            _ => return Err(format!("NEGOTIATE failed: {:#x}", r.status).into()),
        };
        let opts = netapi_auth::AuthOptions::default();
        let mut ctx = netapi_auth::client_context(
            &t.credentials(),
            &opts,
            "cifs",
            netapi_auth::Framing::Spnego,
        )?;
        let mut out = ctx.step((!hint.is_empty()).then_some(&hint[..]))?;
        let mut sid = 0u64;
        loop {
            let id = s.conn.session_setup(sid, &out.token, false)?;
            let r = s.wait(id)?;
            sid = r.session_id;
            let token = match &r.body {
                Body::SessionSetup(b) => b.security_buffer.clone(),
                _ => return Err(format!("SESSION_SETUP failed: {:#x}", r.status).into()),
            };
            if r.status == 0 {
                if !token.is_empty() || !ctx.is_complete() {
                    ctx.step(Some(&token))?;
                }
                let key = ctx.session_key()?;
                let info = s.conn.complete_session(sid, key.as_bytes())?;
                if info.signing || info.encryption {
                    return Err(
                        "the server requires signing or encryption; the floor sends plain frames"
                            .into(),
                    );
                }
                break;
            }
            out = ctx.step(Some(&token))?;
        }
        s.session_id = sid;
        let id = s
            .conn
            .tree_connect(sid, &format!("\\\\{}\\IPC$", t.server))?;
        let r = s.wait(id)?;
        s.tree_id = r.tree_id.ok_or("TREE_CONNECT failed")?;
        let id = s.conn.create(sid, s.tree_id, &CreateRequest::pipe(pipe))?;
        let r = s.wait(id)?;
        s.file_id = match r.body {
            Body::Create(c) => c.file_id,
            _ => return Err(format!("CREATE {pipe} failed: {:#x}", r.status).into()),
        };
        s.max_out = s.conn.max_transact().min(s.conn.max_read());
        // Bind through the sans-IO association; the bind ack fits one pipe message.
        let ctxs = s.assoc.bind(&[syntax])?;
        s.context = ctxs[0];
        let pdu = s.assoc.poll_transmit().ok_or("no bind PDU")?.data;
        let reply = s.transceive_setup(&pdu)?;
        s.assoc.handle_input(&reply)?;
        match s.assoc.poll_event() {
            Some(RpcEvent::Bound { contexts }) if contexts.iter().all(|c| c.is_accepted()) => {}
            other => return Err(format!("bind failed: {other:?}").into()),
        }
        Ok(s)
    }

    /// Send what the connection queued and wait for the response to `id`.
    fn wait(&mut self, id: RequestId) -> Res<Response> {
        loop {
            while let Some(frame) = self.conn.poll_transmit() {
                // Remember the MessageId of the last frame sent: the timed loop continues after it.
                let mid = u64::from_le_bytes(frame[28..36].try_into().unwrap());
                let charge = u16::from_le_bytes(frame[10..12].try_into().unwrap()).max(1);
                self.next_message_id = mid + u64::from(charge);
                self.sock.write_all(&frame)?;
            }
            while let Some(ev) = self.conn.poll_event() {
                if let Event::Response(r) = ev
                    && r.id == id
                {
                    return Ok(r);
                }
            }
            let n = self.sock.read(&mut self.buf)?;
            if n == 0 {
                return Err("the server closed the connection".into());
            }
            self.conn.handle_input(&self.buf[..n])?;
        }
    }

    fn transceive_setup(&mut self, pdu: &[u8]) -> Res<Vec<u8>> {
        let id = self.conn.transceive(
            self.session_id,
            self.tree_id,
            self.file_id,
            pdu,
            self.max_out,
        )?;
        let r = self.wait(id)?;
        match r.body {
            Body::Ioctl(i) => Ok(i.output),
            _ => Err(format!("bind transceive failed: {:#x}", r.status).into()),
        }
    }

    /// One setup call (untimed): its response stub, decoded, which must say success.
    fn setup_call<C: Call>(&mut self, req: &C) -> Res<C::Response> {
        use netapi_msrpc::Response as _;
        self.assoc
            .request(self.context, C::OPNUM, &netapi_ndr::encode(req)?)?;
        let pdu = self.assoc.poll_transmit().ok_or("no request PDU")?.data;
        let reply = self.transceive_setup(&pdu)?;
        self.assoc.handle_input(&reply)?;
        match self.assoc.poll_event() {
            Some(RpcEvent::Response { stub, .. }) => {
                let r: C::Response = netapi_ndr::decode(&stub.into_vec())?;
                match r.status() {
                    0 => Ok(r),
                    s => Err(format!("{} answered {s:#x}", C::NAME).into()),
                }
            }
            other => Err(format!("{}: {other:?}", C::NAME).into()),
        }
    }

    /// SamrConnect5, SamrEnumerateDomainsInSamServer, SamrLookupDomainInSamServer and
    /// SamrOpenDomain: the account domain's handle.
    fn open_domain(&mut self) -> Res<ContextHandle> {
        let server = self
            .setup_call(&sam::SamrConnect5Request::maximum_allowed())?
            .server_handle;
        let domains = self.setup_call(&sam::SamrEnumerateDomainsInSamServerRequest {
            server_handle: server,
            enumeration_context: 0,
            prefered_maximum_length: u32::MAX,
        })?;
        let name = domains
            .buffer
            .as_ref()
            .and_then(|b| b.account_domain())
            .map(|n| n.to_unicode_string())
            .ok_or("no account domain")?;
        let sid = self
            .setup_call(&sam::SamrLookupDomainInSamServerRequest {
                server_handle: server,
                name,
            })?
            .domain_id
            .ok_or("no domain SID")?;
        Ok(self
            .setup_call(&sam::SamrOpenDomainRequest {
                server_handle: server,
                desired_access: sam::access::MAXIMUM_ALLOWED,
                domain_id: sid,
            })?
            .domain_handle)
    }

    /// The request PDU for one call (a single fragment: the stubs are small).
    fn request_pdu(&mut self, opnum: u16, stub: &[u8]) -> Res<Vec<u8>> {
        let call_id = self.assoc.request(self.context, opnum, stub)?;
        self.call_id = call_id;
        let t = self.assoc.poll_transmit().ok_or("no request PDU")?;
        if self.assoc.poll_transmit().is_some() || !t.awaits_reply {
            return Err("the request does not fit one fragment".into());
        }
        Ok(t.data)
    }

    /// Send `ioctl` (patched), then READ until the last fragment is in. Returns the response
    /// stub's first 4 and last 12 bytes.
    fn transact(
        &mut self,
        ioctl: &mut [u8],
        pdu_at: usize,
        read: &mut [u8],
        depth: usize,
        bytes: &mut u64,
        reads: &mut u64,
    ) -> Res<(u32, [u8; 12])> {
        self.call_id = self.call_id.wrapping_add(1);
        ioctl[pdu_at + 12..pdu_at + 16].copy_from_slice(&self.call_id.to_le_bytes());
        self.send(ioctl)?;
        let mut track = Tracker {
            frag: self.frag,
            ..Tracker::default()
        };
        let (status, off, len) = self.recv(SMB2_IOCTL)?;
        *bytes += self.frame_len as u64;
        if status != STATUS_SUCCESS && status != STATUS_BUFFER_OVERFLOW {
            return Err(format!("IOCTL answered {status:#x}").into());
        }
        track.feed(&self.buf[off..off + len])?;
        // READs sent and not answered yet; each takes one fragment (message-mode pipe).
        let mut in_flight = 0;
        while !track.done {
            // The READs sent ahead go out in one write, as netapi sends them.
            let mut batch = Vec::new();
            while in_flight < track.to_come.min(depth.max(1)) {
                self.stamp(read);
                batch.extend_from_slice(read);
                *reads += 1;
                in_flight += 1;
            }
            if !batch.is_empty() {
                self.sock.write_all(&batch)?;
            }
            if in_flight == 0 {
                return Err("a fragment is cut short but no more are promised".into());
            }
            let (status, off, len) = self.recv(SMB2_READ)?;
            in_flight -= 1;
            *bytes += self.frame_len as u64;
            if status != STATUS_SUCCESS && status != STATUS_BUFFER_OVERFLOW {
                return Err(format!("READ answered {status:#x}").into());
            }
            track.feed(&self.buf[off..off + len])?;
        }
        Ok((u32::from_le_bytes(track.first), track.tail))
    }

    fn send(&mut self, frame: &mut [u8]) -> Res<()> {
        self.stamp(frame);
        self.sock.write_all(frame)?;
        Ok(())
    }

    /// Gives `frame` the next MessageId.
    fn stamp(&mut self, frame: &mut [u8]) {
        frame[28..36].copy_from_slice(&self.next_message_id.to_le_bytes());
        self.next_message_id += 1;
    }

    /// Read one final response frame into `buf`: (status, data offset, data length).
    fn recv(&mut self, command: u16) -> Res<(u32, usize, usize)> {
        loop {
            let mut nb = [0u8; 4];
            self.sock.read_exact(&mut nb)?;
            let len = u32::from_be_bytes(nb) as usize & 0x00FF_FFFF;
            if self.buf.len() < len {
                self.buf.resize(len, 0);
            }
            self.sock.read_exact(&mut self.buf[..len])?;
            self.frame_len = len + 4;
            let h = &self.buf[..len];
            let status = u32::from_le_bytes(h[8..12].try_into()?);
            let flags = u32::from_le_bytes(h[16..20].try_into()?);
            if status == STATUS_PENDING && flags & FLAGS_ASYNC != 0 {
                continue; // interim response; the final one follows
            }
            if u16::from_le_bytes(h[12..14].try_into()?) != command {
                return Err("response to another command".into());
            }
            let body = &h[64..];
            let (off, n) = match command {
                // IOCTL response: OutputOffset at 32, OutputCount at 36 (from the header start).
                SMB2_IOCTL if body.len() >= 48 => (
                    u32::from_le_bytes(body[32..36].try_into()?) as usize,
                    u32::from_le_bytes(body[36..40].try_into()?) as usize,
                ),
                // READ response: DataOffset (u8) at 2, DataLength at 4.
                SMB2_READ if body.len() >= 16 => (
                    body[2] as usize,
                    u32::from_le_bytes(body[4..8].try_into()?) as usize,
                ),
                _ => return Err(format!("error response {status:#x}").into()),
            };
            if off + n > len {
                return Err("data beyond the frame".into());
            }
            return Ok((status, off, n));
        }
    }
}

/// Follows DCE/RPC fragment boundaries across pipe messages until the last fragment ends.
#[derive(Default)]
struct Tracker {
    /// Bytes left of the current fragment (0: a header comes next).
    left: usize,
    head: Vec<u8>,
    last: bool,
    done: bool,
    tail: [u8; 12],
    /// The response stub's first 4 bytes (after the 24-byte response header).
    first: [u8; 4],
    fed: usize,
    /// Fragments still to come after the current one, at least: from the `alloc_hint` (stub
    /// bytes left, this fragment's included) of the last header read.
    to_come: usize,
    /// The fragment size offered in the bind (no fragment is longer).
    frag: usize,
}

impl Tracker {
    fn feed(&mut self, mut data: &[u8]) -> Res<()> {
        for (i, b) in data
            .iter()
            .enumerate()
            .take(28usize.saturating_sub(self.fed))
        {
            if self.fed + i >= 24 {
                self.first[self.fed + i - 24] = *b;
            }
        }
        self.fed += data.len();
        // The response stub's last bytes end the last fragment (no auth trailer on pipes).
        if data.len() >= 12 {
            self.tail.copy_from_slice(&data[data.len() - 12..]);
        } else {
            let keep = 12 - data.len();
            self.tail.copy_within(12 - keep.., 0);
            self.tail[keep..].copy_from_slice(data);
        }
        while !data.is_empty() {
            if self.done {
                return Err("bytes after the last fragment".into());
            }
            if self.left == 0 {
                let need = 24 - self.head.len();
                let take = need.min(data.len());
                self.head.extend_from_slice(&data[..take]);
                data = &data[take..];
                if self.head.len() < 24 {
                    break;
                }
                let (ptype, flags) = (self.head[2], self.head[3]);
                if ptype != 2 {
                    return Err(
                        format!("DCE/RPC PDU type {ptype} (fault?) instead of a response").into(),
                    );
                }
                let frag = usize::from(u16::from_le_bytes([self.head[8], self.head[9]]));
                self.last = flags & 0x02 != 0;
                self.left = frag.checked_sub(24).ok_or("short fragment")?;
                let hint = u32::from_le_bytes(self.head[16..20].try_into()?) as usize;
                let after = hint.saturating_sub(self.left);
                self.to_come = if self.last {
                    0
                } else {
                    after.div_ceil(self.frag.saturating_sub(24).max(1)).max(1)
                };
                self.head.clear();
            } else {
                let take = self.left.min(data.len());
                self.left -= take;
                data = &data[take..];
            }
            if self.left == 0 && self.head.is_empty() && self.last {
                self.done = true;
            }
        }
        Ok(())
    }
}

/// SMB2 header ([MS-SMB2] 2.2.1.2, sync, unsigned) behind the NBSS length prefix.
fn header(s: &Session, command: u16, body_len: usize) -> Vec<u8> {
    let mut f = Vec::with_capacity(HDR + body_len);
    f.extend_from_slice(&((64 + body_len) as u32).to_be_bytes());
    f.extend_from_slice(b"\xFESMB");
    f.extend_from_slice(&64u16.to_le_bytes()); // StructureSize
    f.extend_from_slice(&1u16.to_le_bytes()); // CreditCharge: ≤ 64 KiB
    f.extend_from_slice(&0u32.to_le_bytes()); // Status / ChannelSequence
    f.extend_from_slice(&command.to_le_bytes());
    // CreditRequest: enough for the READs sent ahead (the balance only grows to what is used).
    f.extend_from_slice(&16u16.to_le_bytes());
    f.extend_from_slice(&0u32.to_le_bytes()); // Flags
    f.extend_from_slice(&0u32.to_le_bytes()); // NextCommand
    f.extend_from_slice(&0u64.to_le_bytes()); // MessageId: patched per send
    f.extend_from_slice(&0u32.to_le_bytes()); // Reserved (ProcessId)
    f.extend_from_slice(&s.tree_id.to_le_bytes());
    f.extend_from_slice(&s.session_id.to_le_bytes());
    f.extend_from_slice(&[0u8; 16]); // Signature
    f
}

/// IOCTL FSCTL_PIPE_TRANSCEIVE request ([MS-SMB2] 2.2.31) carrying `pdu`.
fn ioctl_frame(s: &Session, pdu: &[u8], max_out: u32) -> Vec<u8> {
    let mut f = header(s, SMB2_IOCTL, 56 + pdu.len());
    f.extend_from_slice(&57u16.to_le_bytes());
    f.extend_from_slice(&0u16.to_le_bytes());
    f.extend_from_slice(&FSCTL_PIPE_TRANSCEIVE.to_le_bytes());
    f.extend_from_slice(&s.file_id.0);
    f.extend_from_slice(&(64u32 + 56).to_le_bytes()); // InputOffset
    f.extend_from_slice(&(pdu.len() as u32).to_le_bytes()); // InputCount
    f.extend_from_slice(&0u32.to_le_bytes()); // MaxInputResponse
    f.extend_from_slice(&0u32.to_le_bytes()); // OutputOffset
    f.extend_from_slice(&0u32.to_le_bytes()); // OutputCount
    f.extend_from_slice(&max_out.to_le_bytes()); // MaxOutputResponse
    f.extend_from_slice(&1u32.to_le_bytes()); // Flags: SMB2_0_IOCTL_IS_FSCTL
    f.extend_from_slice(&0u32.to_le_bytes()); // Reserved2
    f.extend_from_slice(pdu);
    f
}

/// READ request ([MS-SMB2] 2.2.19) for the next pipe message.
fn read_frame(s: &Session, max_out: u32) -> Vec<u8> {
    let mut f = header(s, SMB2_READ, 49);
    f.extend_from_slice(&49u16.to_le_bytes());
    f.push(0x50); // Padding: data right after the response header
    f.push(0); // Flags
    f.extend_from_slice(&max_out.to_le_bytes()); // Length
    f.extend_from_slice(&0u64.to_le_bytes()); // Offset
    f.extend_from_slice(&s.file_id.0);
    f.extend_from_slice(&0u32.to_le_bytes()); // MinimumCount
    f.extend_from_slice(&0u32.to_le_bytes()); // Channel
    f.extend_from_slice(&0u32.to_le_bytes()); // RemainingBytes
    f.extend_from_slice(&0u16.to_le_bytes()); // ReadChannelInfoOffset
    f.extend_from_slice(&0u16.to_le_bytes()); // ReadChannelInfoLength
    f.push(0); // Buffer
    f
}
