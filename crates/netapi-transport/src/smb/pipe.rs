//! A named pipe on `IPC$` as an [`RpcIo`] ([MS-RPCE] 2.1.1.2 `ncacn_np`): transceive is one
//! FSCTL_PIPE_TRANSCEIVE ([MS-FSCC] 2.3.30) continued by READ while the server answers
//! `STATUS_BUFFER_OVERFLOW` ([MS-SMB2] 3.2.5.14.4 / 3.2.5.12), send is WRITE, recv is READ.
//! The open is closed by [`Pipe::close`] or, without waiting, when the pipe is dropped.

use netapi_smb2::FileId;
use netapi_smb2::create::CreateRequest;
use netapi_smb2::status::{STATUS_BUFFER_OVERFLOW, STATUS_SUCCESS};
use netapi_smb2::{Body, Response};

use super::session::{SmbSession, status_error};
use crate::{Error, RpcIo};

/// Largest pipe message we reassemble (a DCE/RPC fragment is at most 64 KiB; this leaves room
/// for servers that send whole PDUs).
pub const MAX_PIPE_MESSAGE: usize = 16 * 1024 * 1024;

/// The fragment size offered in binds on pipes (what Windows offers over SMB).
pub const PIPE_FRAG_SIZE: u16 = 4280;

/// An open named pipe. `Send + Sync`; one caller at a time (methods take `&mut self`).
#[derive(Debug)]
pub struct Pipe {
    session: SmbSession,
    file_id: FileId,
    name: String,
    open: bool,
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
        self.finish_message(status, first, filled).await
    }

    async fn send(&mut self, data: &[u8]) -> Result<(), Error> {
        self.write_all(data).await
    }

    async fn recv(&mut self) -> Result<Vec<u8>, Error> {
        let (sid, tid, fid) = self.ids();
        let len = self.max_out();
        let r = self
            .session
            .inner
            .driver
            .call("READ", |c| c.read(sid, tid, fid, 0, len))
            .await?;
        let (status, first) = match &r.body {
            Body::Read(d) => Self::first_chunk(&r, &d.data)?,
            _ => return Err(status_error(&r)),
        };
        let filled = first.len() == len as usize;
        self.finish_message(status, first, filled).await
    }

    fn preferred_frag_size(&self) -> u16 {
        PIPE_FRAG_SIZE
    }
}
