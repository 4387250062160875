//! The hook layer: every SMB2 response and every DCE/RPC PDU the peer is about to send passes
//! through the test's hooks first, which may change any field, the bytes, or what happens to
//! the message (drop it, delay it, cut the connection). The hostile scenarios are built from
//! these two types.
//!
//! * [`SmbOut`]: one SMB2 response ([MS-SMB2] 2.2.1 header + body) *before* it is signed, so
//!   a changed field is still signed correctly; [`SmbOut::post`] edits the finished bytes
//!   after signing (a wrong signature, a cut message), and [`SmbAction`] says how it leaves.
//! * [`RpcOut`]: one encoded connection-oriented PDU (\[C706\] 12.6) about to become a pipe
//!   message, with setters for the common header and response fields by offset.
//!
//! Hooks are `FnMut` and shared by every connection of a peer; a hook that should fire once
//! keeps its own counter.

use std::time::Duration;

use netapi_dcerpc::pdu::{PacketType, Pdu};
use netapi_smb2::error_response::ErrorResponse;
use netapi_smb2::header::{Command, Header, SIGNATURE_OFFSET};

/// What happens to an SMB2 response after the hooks ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SmbAction {
    /// Send it.
    #[default]
    Send,
    /// Never answer this request; keep the connection open and serve the next ones.
    Stall,
    /// Close the connection (FIN) without answering.
    Close,
    /// Reset the connection (RST: `SO_LINGER` 0) without answering.
    Reset,
    /// Send the first half of the framed response, then close.
    HalfThenClose,
    /// Send the whole response, then close the connection (FIN): a server that drops a
    /// connection once the client is idle.
    SendThenClose,
    /// Wait this long, then send it.
    Delay(Duration),
    /// An interim `STATUS_PENDING` ([MS-SMB2] 3.3.4.2) first, then the response after this
    /// long (zero: at once).
    PendingThen(Duration),
    /// An interim `STATUS_PENDING`, then nothing.
    PendingThenStall,
}

/// Edits the finished (signed) message bytes.
pub type PostEdit = Box<dyn FnOnce(&mut Vec<u8>) + Send>;

/// One SMB2 response on its way out.
pub struct SmbOut {
    /// Which accepted TCP connection (1 for the first).
    pub connection: usize,
    /// The request being answered, as received (decrypted, header included).
    pub request: Vec<u8>,
    /// The request's header.
    pub request_header: Header,
    /// The response header; `credits`, `status`, `message_id`, `flags`, ... may be changed.
    pub header: Header,
    /// The response body.
    pub body: Vec<u8>,
    /// Sign it (default: when the request was signed, and the final SESSION_SETUP response).
    pub sign: bool,
    /// Encrypt it (default: when the request came encrypted).
    pub encrypt: bool,
    /// Applied to the whole message after signing, before encryption and framing.
    pub post: Option<PostEdit>,
    /// How it leaves.
    pub action: SmbAction,
}

impl std::fmt::Debug for SmbOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmbOut")
            .field("connection", &self.connection)
            .field("header", &self.header)
            .field("body_len", &self.body.len())
            .field("sign", &self.sign)
            .field("encrypt", &self.encrypt)
            .field("action", &self.action)
            .finish_non_exhaustive()
    }
}

impl SmbOut {
    /// The command answered.
    pub fn command(&self) -> Command {
        self.request_header.command
    }

    /// The response status as it stands.
    pub fn status(&self) -> u32 {
        self.header.status
    }

    /// True when the request's bytes contain `needle` (a marker a test put in its payload).
    pub fn request_contains(&self, needle: &[u8]) -> bool {
        !needle.is_empty() && self.request.windows(needle.len()).any(|w| w == needle)
    }

    /// Fail the request with `status` and an ERROR response body ([MS-SMB2] 2.2.2).
    pub fn fail(&mut self, status: u32) {
        self.header.status = status;
        self.body = ErrorResponse::default().encode();
    }

    /// Send it in the clear: neither signed nor encrypted.
    pub fn unsigned(&mut self) {
        self.sign = false;
        self.encrypt = false;
    }

    /// Sign it, then flip one bit of the signature.
    pub fn corrupt_signature(&mut self) {
        self.sign = true;
        self.encrypt = false;
        self.post = Some(Box::new(|m| {
            if let Some(b) = m.get_mut(SIGNATURE_OFFSET + 2) {
                *b ^= 0x01;
            }
        }));
    }

    /// Replace the finished signature with `sig` (the SIGNED flag stays as signing left it).
    pub fn replace_signature(&mut self, sig: [u8; 16]) {
        self.post = Some(Box::new(move |m| {
            if let Some(s) = m.get_mut(SIGNATURE_OFFSET..SIGNATURE_OFFSET + 16) {
                s.copy_from_slice(&sig);
            }
        }));
    }

    /// Keep only the first `n` bytes of the body (the message is then signed as it is).
    pub fn truncate_body(&mut self, n: usize) {
        self.body.truncate(n);
    }
}

/// A hook on SMB2 responses.
pub type SmbHook = Box<dyn FnMut(&mut SmbOut) + Send>;

/// What happens to a PDU after the hooks ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RpcAction {
    /// Send it as one pipe message.
    #[default]
    Send,
    /// Do not send it.
    Drop,
}

/// One DCE/RPC PDU on its way out, as encoded bytes.
#[derive(Debug, Clone)]
pub struct RpcOut {
    /// The pipe (`srvsvc`).
    pub pipe: String,
    /// `PTYPE` as generated (bind_ack, response, fault, ...).
    pub ptype: PacketType,
    /// The call it answers.
    pub call_id: u32,
    /// The operation, for responses and faults.
    pub opnum: Option<u16>,
    /// Index of this fragment in its reply (0 for the first).
    pub fragment: usize,
    /// True for the reply's last fragment.
    pub last: bool,
    /// How many times this pipe has answered a request so far, this one included (1 for the
    /// first call after the bind).
    pub call_no: usize,
    /// The encoded PDU.
    pub bytes: Vec<u8>,
    /// Messages sent right after this one.
    pub extra: Vec<Vec<u8>>,
    /// Send or drop.
    pub action: RpcAction,
}

impl RpcOut {
    fn put_u16(&mut self, at: usize, v: u16) {
        if let Some(b) = self.bytes.get_mut(at..at + 2) {
            b.copy_from_slice(&v.to_le_bytes());
        }
    }

    fn put_u32(&mut self, at: usize, v: u32) {
        if let Some(b) = self.bytes.get_mut(at..at + 4) {
            b.copy_from_slice(&v.to_le_bytes());
        }
    }

    /// The PDU's `frag_length` as encoded.
    pub fn frag_length(&self) -> u16 {
        self.bytes
            .get(8..10)
            .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
    }

    /// Overwrite `frag_length` (the bytes stay as they are).
    pub fn set_frag_length(&mut self, n: u16) {
        self.put_u16(8, n);
    }

    /// Overwrite `call_id`.
    pub fn set_call_id(&mut self, id: u32) {
        self.put_u32(12, id);
    }

    /// Overwrite `pfc_flags`.
    pub fn set_flags(&mut self, flags: u8) {
        if let Some(b) = self.bytes.get_mut(3) {
            *b = flags;
        }
    }

    /// Overwrite the data representation label (`[0x00, 0, 0, 0]` is big-endian ASCII IEEE).
    pub fn set_drep(&mut self, drep: [u8; 4]) {
        if let Some(b) = self.bytes.get_mut(4..8) {
            b.copy_from_slice(&drep);
        }
    }

    /// Overwrite a response's or fault's `alloc_hint`.
    pub fn set_alloc_hint(&mut self, hint: u32) {
        self.put_u32(16, hint);
    }

    /// Overwrite a response's or fault's `p_cont_id`.
    pub fn set_context_id(&mut self, id: u16) {
        self.put_u16(20, id);
    }

    /// Keep the first `n` bytes and make `frag_length` say so.
    pub fn truncate(&mut self, n: usize) {
        self.bytes.truncate(n);
        self.set_frag_length(self.bytes.len().min(usize::from(u16::MAX)) as u16);
    }

    /// Append `data` to the stub and grow `frag_length` with it.
    pub fn append(&mut self, data: &[u8]) {
        self.bytes.extend_from_slice(data);
        self.set_frag_length(self.bytes.len().min(usize::from(u16::MAX)) as u16);
    }

    /// Send `pdu` instead (encoded as-is; its call_id is the caller's choice).
    pub fn replace(&mut self, pdu: &Pdu) {
        if let Ok(b) = pdu.encode() {
            self.bytes = b;
        }
    }
}

/// A hook on outgoing PDUs.
pub type RpcHook = Box<dyn FnMut(&mut RpcOut) + Send>;
