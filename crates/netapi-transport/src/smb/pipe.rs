//! A named pipe on `IPC$` as an [`RpcIo`] ([MS-RPCE] 2.1.1.2 `ncacn_np`): transceive is one
//! FSCTL_PIPE_TRANSCEIVE ([MS-FSCC] 2.3.30) continued by READ while the server answers
//! `STATUS_BUFFER_OVERFLOW` ([MS-SMB2] 3.2.5.14.4 / 3.2.5.12), send is WRITE, recv is READ.
//! The open is closed by [`Pipe::close`] or, without waiting, when the pipe is dropped.
//!
//! Read-ahead: a pipe message that ends in a DCE/RPC response fragment without
//! `PFC_LAST_FRAG` ([C706] 12.6.3.1) promises another fragment, so the READ for it is sent at
//! once, before the message is handed up; the next [`RpcIo::recv`] waits for that READ instead
//! of sending one. The server then serves fragment k+1 while the client reassembles fragment k
//! (measured: NetUserEnum level 0 of 10,000 accounts, ~110 READs, docs/benchmarks.md). Nothing
//! else is read ahead: a READ on a pipe with nothing to come would wait, and could take the
//! answer to the next request.

use netapi_smb2::FileId;
use netapi_smb2::create::CreateRequest;
use netapi_smb2::status::{STATUS_BUFFER_OVERFLOW, STATUS_SUCCESS};
use netapi_smb2::{Body, Response};

use super::driver::InFlight;
use super::session::{SmbSession, status_error};
use crate::{Error, RpcIo};

/// Largest pipe message we reassemble (a DCE/RPC fragment is at most 64 KiB; this leaves room
/// for servers that send whole PDUs).
pub const MAX_PIPE_MESSAGE: usize = 16 * 1024 * 1024;

/// The fragment size offered in binds on pipes: the most Samba sends (and what Windows offers
/// over TCP), where Windows offers 4,280 over SMB. A long answer then takes a quarter fewer
/// READs (NetUserEnum level 0 of 10,000 accounts: 76 instead of 104). Samba answers in
/// fragments of the smaller of a bind's two sizes, and every server picks the smaller of this
/// and its own limit ([C706] 12.6.3.1), so a server that wants 4,280 gets 4,280.
pub const PIPE_FRAG_SIZE: u16 = 5840;

/// An open named pipe. `Send + Sync`; one caller at a time (methods take `&mut self`).
#[derive(Debug)]
pub struct Pipe {
    session: SmbSession,
    file_id: FileId,
    name: String,
    open: bool,
    /// The READ sent for the next fragment of a response (see the module docs).
    ahead: Option<InFlight>,
}

impl Pipe {
    pub(crate) async fn open(session: SmbSession, name: &str) -> Result<Pipe, Error> {
        let bare = name
            .strip_prefix(r"\PIPE\")
            .or_else(|| name.strip_prefix(r"\pipe\"))
            .unwrap_or(name)
            .trim_start_matches('\\');
        if bare.is_empty() {
            return Err(Error::Usage("empty pipe name".into()));
        }
        let (sid, tid) = (session.inner.session_id, session.inner.tree_id);
        let req = CreateRequest::pipe(bare);
        let r = session
            .inner
            .driver
            .call("CREATE", |c| c.create(sid, tid, &req))
            .await?;
        match r.body {
            Body::Create(c) => Ok(Pipe {
                session,
                file_id: c.file_id,
                name: bare.to_owned(),
                open: true,
                ahead: None,
            }),
            _ => Err(status_error(&r)),
        }
    }

    /// The pipe name as opened (`srvsvc`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The session the pipe lives on.
    pub fn session(&self) -> &SmbSession {
        &self.session
    }

    /// CLOSE the open and wait for the server to confirm.
    pub async fn close(mut self) -> Result<(), Error> {
        self.open = false;
        let (sid, tid, fid) = self.ids();
        let r = self
            .session
            .inner
            .driver
            .call("CLOSE", |c| c.close_file(sid, tid, fid))
            .await?;
        match r.body {
            Body::Close => Ok(()),
            _ => Err(status_error(&r)),
        }
    }

    fn ids(&self) -> (u64, u32, FileId) {
        (
            self.session.inner.session_id,
            self.session.inner.tree_id,
            self.file_id,
        )
    }

    fn max_out(&self) -> u32 {
        let cap = self
            .session
            .inner
            .driver
            .with_conn(|c| c.max_transact().min(c.max_read()));
        self.session.inner.max_pipe_output.clamp(1, cap.max(1))
    }

    /// Collect one pipe message: `first` and then READs while the server says more follows.
    ///
    /// quirk(samba-4.17): only the IOCTL reports `STATUS_BUFFER_OVERFLOW`; READs that continue
    /// the message return `STATUS_SUCCESS` with `DataRemaining` 0. A message that starts with a
    /// DCE/RPC header (as every message on an RPC pipe does) is therefore also read until its
    /// `frag_length` is complete ([C706] 12.6.3).
    /// `filled` says the first chunk used the whole buffer we offered.
    async fn finish_message(
        &mut self,
        mut status: u32,
        mut msg: Vec<u8>,
        filled: bool,
    ) -> Result<Vec<u8>, Error> {
        let truncated = status == STATUS_BUFFER_OVERFLOW || filled;
        // The whole message gets one response deadline: a server that trickles an endless
        // STATUS_BUFFER_OVERFLOW chain in tiny chunks stays under the byte limit for a very
        // long time, so bytes alone do not bound the wait.
        let after = self.session.inner.driver.timeouts.response;
        let deadline = tokio::time::Instant::now() + after;
        loop {
            let short_pdu = truncated && pdu_len(&msg).is_some_and(|n| msg.len() < n);
            if status != STATUS_BUFFER_OVERFLOW && !short_pdu {
                return Ok(msg);
            }
            if tokio::time::Instant::now() >= deadline {
                return Err(Error::Timeout {
                    op: "pipe message",
                    after,
                });
            }
            let (sid, tid, fid) = self.ids();
            let len = self.max_out();
            let r = self
                .session
                .inner
                .driver
                .call("READ", |c| c.read(sid, tid, fid, 0, len))
                .await?;
            let Body::Read(data) = &r.body else {
                return Err(status_error(&r));
            };
            if msg.len() + data.data.len() > MAX_PIPE_MESSAGE {
                return Err(Error::Smb(netapi_smb2::Error::TooLarge {
                    what: "pipe message",
                    size: msg.len() + data.data.len(),
                    limit: MAX_PIPE_MESSAGE,
                }));
            }
            if data.data.is_empty() {
                return Err(Error::Smb(netapi_smb2::Error::Malformed(
                    "empty READ inside a pipe message",
                )));
            }
            msg.extend_from_slice(&data.data);
            status = r.status;
        }
    }

    async fn write_all(&mut self, mut data: &[u8]) -> Result<(), Error> {
        let max = self
            .session
            .inner
            .driver
            .with_conn(|c| c.max_write())
            .max(1) as usize;
        while !data.is_empty() {
            let (chunk, rest) = data.split_at(data.len().min(max));
            let (sid, tid, fid) = self.ids();
            let r = self
                .session
                .inner
                .driver
                .call("WRITE", |c| c.write(sid, tid, fid, 0, chunk))
                .await?;
            match r.body {
                Body::Write(n) if n as usize == chunk.len() => {}
                Body::Write(_) => {
                    return Err(Error::Smb(netapi_smb2::Error::Malformed(
                        "short WRITE on a pipe",
                    )));
                }
                _ => return Err(status_error(&r)),
            }
            data = rest;
        }
        Ok(())
    }

    /// A READ of the next pipe message, sent now.
    fn send_read(&self) -> Result<InFlight, Error> {
        let (sid, tid, fid) = self.ids();
        let len = self.max_out();
        self.session
            .inner
            .driver
            .send("READ", |c| c.read(sid, tid, fid, 0, len))
    }

    /// After a whole message: read ahead when it promises another fragment.
    fn read_ahead(&mut self, msg: &[u8]) {
        if more_fragments(msg) {
            // Failing to send leaves it to the next recv, which meets the same error.
            self.ahead = self.send_read().ok();
        }
    }

    /// A request must not go out while a response is still being read.
    fn idle(&self) -> Result<(), Error> {
        match self.ahead {
            Some(_) => Err(Error::Usage(
                "a request on a pipe whose last response is not wholly read".into(),
            )),
            None => Ok(()),
        }
    }

    fn first_chunk(r: &Response, data: &[u8]) -> Result<(u32, Vec<u8>), Error> {
        match r.status {
            STATUS_SUCCESS | STATUS_BUFFER_OVERFLOW => Ok((r.status, data.to_vec())),
            _ => Err(status_error(r)),
        }
    }
}

/// `frag_length` of a DCE/RPC connection-oriented PDU at the start of `msg` ([C706] 12.6.3.1:
/// version 5.0, little- or big-endian per the data representation's first byte).
fn pdu_len(msg: &[u8]) -> Option<usize> {
    if msg.len() < 10 || msg[0] != 5 || msg[1] != 0 {
        return None;
    }
    let b = [msg[8], msg[9]];
    let n = if msg[4] & 0x10 != 0 {
        u16::from_le_bytes(b)
    } else {
        u16::from_be_bytes(b)
    };
    Some(usize::from(n))
}

/// Whether `msg` is whole DCE/RPC PDUs the last of which is a response fragment without
/// `PFC_LAST_FRAG` (another fragment of the same response follows).
fn more_fragments(msg: &[u8]) -> bool {
    const RESPONSE: u8 = 2;
    const PFC_LAST_FRAG: u8 = 0x02;
    let mut at = 0;
    let mut last = None;
    while at < msg.len() {
        let Some(n) = msg.get(at..).and_then(pdu_len).filter(|&n| n >= 16) else {
            return false;
        };
        last = msg.get(at + 2..at + 4);
        at += n;
    }
    at == msg.len() && last.is_some_and(|h| h[0] == RESPONSE && h[1] & PFC_LAST_FRAG == 0)
}

impl Drop for Pipe {
    fn drop(&mut self) {
        if self.open {
            let (sid, tid, fid) = self.ids();
            self.session
                .inner
                .driver
                .fire(|c| c.close_file(sid, tid, fid));
        }
    }
}

impl RpcIo for Pipe {
    async fn transceive(&mut self, data: &[u8]) -> Result<Vec<u8>, Error> {
        if data.is_empty() {
            return Err(Error::Usage("nothing to send".into()));
        }
        self.idle()?;
        let max_in = self
            .session
            .inner
            .driver
            .with_conn(|c| c.max_transact())
            .max(1) as usize;
        // Bytes beyond what one IOCTL may carry go first as plain writes; the PDU stream does
        // not care where it is split.
        let split = data.len().saturating_sub(max_in);
        if split > 0 {
            self.write_all(&data[..split]).await?;
        }
        let tail = &data[split..];
        let (sid, tid, fid) = self.ids();
        let out = self.max_out();
        let r = self
            .session
            .inner
            .driver
            .call("IOCTL", |c| c.transceive(sid, tid, fid, tail, out))
            .await?;
        let (status, first) = match &r.body {
            Body::Ioctl(i) => Self::first_chunk(&r, &i.output)?,
            _ => return Err(status_error(&r)),
        };
        let filled = first.len() == out as usize;
        let msg = self.finish_message(status, first, filled).await?;
        self.read_ahead(&msg);
        Ok(msg)
    }

    async fn send(&mut self, data: &[u8]) -> Result<(), Error> {
        self.idle()?;
        self.write_all(data).await
    }

    async fn recv(&mut self) -> Result<Vec<u8>, Error> {
        let len = self.max_out();
        let read = match self.ahead.take() {
            Some(read) => read,
            None => self.send_read()?,
        };
        let r = self.session.inner.driver.wait(read).await?;
        let (status, first) = match &r.body {
            Body::Read(d) => Self::first_chunk(&r, &d.data)?,
            _ => return Err(status_error(&r)),
        };
        let filled = first.len() == len as usize;
        let msg = self.finish_message(status, first, filled).await?;
        self.read_ahead(&msg);
        Ok(msg)
    }

    fn preferred_frag_size(&self) -> u16 {
        PIPE_FRAG_SIZE
    }
}

#[cfg(test)]
mod tests {
    use super::more_fragments;

    /// A little-endian connection-oriented PDU header of type `ptype` and flags `flags`,
    /// `len` bytes long in all.
    fn pdu(ptype: u8, flags: u8, len: u16) -> Vec<u8> {
        let mut p = vec![5, 0, ptype, flags, 0x10, 0, 0, 0];
        p.extend(len.to_le_bytes());
        p.resize(usize::from(len), 0xaa);
        p
    }

    #[test]
    fn only_a_whole_response_fragment_without_last_frag_promises_another() {
        const FIRST: u8 = 1;
        const LAST: u8 = 2;
        assert!(more_fragments(&pdu(2, FIRST, 100)));
        assert!(more_fragments(&pdu(2, 0, 24)));
        assert!(!more_fragments(&pdu(2, FIRST | LAST, 100)));
        assert!(!more_fragments(&pdu(2, LAST, 100)));
        // Not a response: a fault, a bind_ack.
        assert!(!more_fragments(&pdu(3, FIRST, 32)));
        assert!(!more_fragments(&pdu(12, FIRST, 60)));
        // Several PDUs in one message: the last one decides.
        assert!(more_fragments(&[pdu(2, FIRST, 40), pdu(2, 0, 40)].concat()));
        assert!(!more_fragments(
            &[pdu(2, FIRST, 40), pdu(2, LAST, 40)].concat()
        ));
        // Anything not made of whole PDUs is never read ahead.
        let mut cut = pdu(2, FIRST, 100);
        cut.truncate(60);
        assert!(!more_fragments(&cut));
        assert!(!more_fragments(
            &[pdu(2, FIRST, 40), vec![5, 0, 2]].concat()
        ));
        assert!(!more_fragments(&pdu(2, FIRST, 12)));
        assert!(!more_fragments(&[]));
        assert!(!more_fragments(b"not a pdu at all"));
    }
}
