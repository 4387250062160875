//! A named pipe on `IPC$` as an [`RpcIo`] ([MS-RPCE] 2.1.1.2 `ncacn_np`): transceive is one
//! FSCTL_PIPE_TRANSCEIVE ([MS-FSCC] 2.3.30) continued by READ while the server answers
//! `STATUS_BUFFER_OVERFLOW` ([MS-SMB2] 3.2.5.14.4 / 3.2.5.12), send is WRITE, recv is READ.
//! The open is closed by [`Pipe::close`] or, without waiting, when the pipe is dropped.
//!
//! Read-ahead: a pipe message that ends in a DCE/RPC response fragment without
//! `PFC_LAST_FRAG` ([C706] 12.6.3.1) promises another fragment, and its `alloc_hint` (the stub
//! bytes left, this fragment's included, [C706] 12.6.4.10) says how many at least: the bytes
//! left after this fragment cannot fit in fewer fragments of [`PIPE_FRAG_SIZE`]. That many
//! READs (at most [`PIPE_READ_AHEAD`]) are sent at once, before the message is handed up, and
//! the next [`RpcIo::recv`] waits for the oldest instead of sending one. The server then serves
//! the next fragments back to back while the client reassembles this one (measured: NetUserEnum
//! level 0 of 10,000 accounts, 10 pages of 8 fragments, docs/benchmarks.md). Pipes on RPC are
//! message mode, so one READ takes one fragment and the READs complete in the order sent.
//!
//! A server that promises more than it sends leaves READs waiting after the last fragment.
//! They are not lost: the next request then goes as a WRITE rather than an IOCTL (which would
//! race them for the answer), and they take its answer, in order, their deadlines counted from
//! that request. The only cost of a wrong promise is that one IOCTL.

use std::collections::VecDeque;

use netapi_smb2::FileId;
use netapi_smb2::create::CreateRequest;
use netapi_smb2::status::{STATUS_BUFFER_OVERFLOW, STATUS_SUCCESS};
use netapi_smb2::{Body, Connection, RequestId, Response};

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

/// The most READs a pipe keeps in flight for fragments a response promises (see the module
/// docs). Eight cover a whole page of a SAMR enumeration at 5,840-byte fragments; more did not
/// measure faster, and each costs the server a pending READ.
pub const PIPE_READ_AHEAD: usize = 8;

/// An open named pipe. `Send + Sync`; one caller at a time (methods take `&mut self`).
#[derive(Debug)]
pub struct Pipe {
    session: SmbSession,
    file_id: FileId,
    name: String,
    open: bool,
    /// READs sent for fragments still to come, oldest first (see the module docs).
    ahead: VecDeque<InFlight>,
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
                ahead: VecDeque::new(),
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
            let read = self.next_read()?;
            let r = self.session.inner.driver.wait(read).await?;
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

    /// Builds a READ of the next pipe message.
    fn read_request(
        &self,
    ) -> impl FnMut(&mut Connection) -> Result<RequestId, netapi_smb2::Error> + use<> {
        let (sid, tid, fid) = self.ids();
        let len = self.max_out();
        move |c| c.read(sid, tid, fid, 0, len)
    }

    /// A READ of the next pipe message, sent now.
    fn send_read(&self) -> Result<InFlight, Error> {
        self.session.inner.driver.send("READ", self.read_request())
    }

    /// The oldest READ already sent, or a new one.
    fn next_read(&mut self) -> Result<InFlight, Error> {
        match self.ahead.pop_front() {
            Some(read) => Ok(read),
            None => self.send_read(),
        }
    }

    /// After a whole message: keep a READ in flight for each fragment it promises, up to
    /// [`PIPE_READ_AHEAD`].
    fn read_ahead(&mut self, msg: &[u8]) {
        let want = fragments_to_come(msg, PIPE_FRAG_SIZE).min(PIPE_READ_AHEAD);
        let n = want.saturating_sub(self.ahead.len());
        if n > 0 {
            // Not sending is left to the next recv, which meets the same error.
            let reads = self
                .session
                .inner
                .driver
                .send_batch("READ", n, self.read_request());
            self.ahead.extend(reads);
        }
    }

    /// A request went out: READs still waiting (a server promised more fragments than it
    /// sent) now wait for its answer, and their deadlines count from now.
    fn requested(&mut self) {
        for read in &mut self.ahead {
            read.restart();
        }
    }

    /// The status and data of an IOCTL or READ that answered with (part of) a message; the
    /// data is taken, not copied.
    fn first_chunk(r: Response) -> Result<(u32, Vec<u8>), Error> {
        match (r.status, r.body) {
            (STATUS_SUCCESS | STATUS_BUFFER_OVERFLOW, Body::Ioctl(i)) => Ok((r.status, i.output)),
            (STATUS_SUCCESS | STATUS_BUFFER_OVERFLOW, Body::Read(d)) => Ok((r.status, d.data)),
            (status, _) => Err(Error::Status {
                command: r.command.as_str(),
                status,
            }),
        }
    }
}

/// `frag_length` of a DCE/RPC connection-oriented PDU at the start of `msg` ([C706] 12.6.3.1:
/// version 5.0, little- or big-endian per the data representation's first byte).
fn pdu_len(msg: &[u8]) -> Option<usize> {
    if msg.len() < 10 || msg[0] != 5 || msg[1] != 0 {
        return None;
    }
    header_field::<2>(msg, 8).map(|n| n as usize)
}

/// The `N`-byte integer at `at` of PDU `pdu`, in the byte order of its data representation
/// (little-endian when `drep[0]`'s 0x10 bit is set).
fn header_field<const N: usize>(pdu: &[u8], at: usize) -> Option<u32> {
    let b: [u8; N] = pdu.get(at..at + N)?.try_into().ok()?;
    let little = pdu.get(4)? & 0x10 != 0;
    Some(b.iter().enumerate().fold(0u32, |v, (i, &x)| {
        let shift = if little { i } else { N - 1 - i };
        v | u32::from(x) << (8 * shift)
    }))
}

/// Whether PDU `p` is a response fragment without `PFC_LAST_FRAG` (another fragment of the
/// same response follows).
fn promises_another(p: &[u8]) -> bool {
    const RESPONSE: u8 = 2;
    const PFC_LAST_FRAG: u8 = 0x02;
    p[2] == RESPONSE && p[3] & PFC_LAST_FRAG == 0
}

/// The last PDU of `msg` when `msg` is whole PDUs of at least 16 bytes each.
fn last_pdu(msg: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    let mut last = None;
    while at < msg.len() {
        let n = msg.get(at..).and_then(pdu_len).filter(|&n| n >= 16)?;
        last = msg.get(at..at + n);
        at += n;
    }
    last
}

/// How many more fragments the response `msg` ends in promises, at least: none unless `msg`
/// is whole PDUs the last of which [`promises_another`]; otherwise one, or more when its
/// `alloc_hint` (the stub bytes left including this fragment's, [C706] 12.6.4.10) cannot fit
/// in fewer fragments of at most `max_frag` bytes.
fn fragments_to_come(msg: &[u8], max_frag: u16) -> usize {
    const HEADER: usize = 24;
    let Some(last) = last_pdu(msg).filter(|p| promises_another(p)) else {
        return 0;
    };
    let Some(hint) = header_field::<4>(last, 16) else {
        return 1;
    };
    let left = (hint as usize).saturating_sub(last.len().saturating_sub(HEADER));
    let per = usize::from(max_frag).saturating_sub(HEADER).max(1);
    left.div_ceil(per).max(1)
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
        if !self.ahead.is_empty() {
            // A READ already waits for the next message (see `requested`): the request goes
            // as a plain WRITE and that READ takes the answer, in order.
            self.send(data).await?;
            return self.recv().await;
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
        let (status, first) = Self::first_chunk(r)?;
        let filled = first.len() == out as usize;
        let msg = self.finish_message(status, first, filled).await?;
        self.read_ahead(&msg);
        Ok(msg)
    }

    async fn send(&mut self, data: &[u8]) -> Result<(), Error> {
        self.write_all(data).await?;
        self.requested();
        Ok(())
    }

    async fn recv(&mut self) -> Result<Vec<u8>, Error> {
        let len = self.max_out();
        let read = self.next_read()?;
        let r = self.session.inner.driver.wait(read).await?;
        let (status, first) = Self::first_chunk(r)?;
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
    use super::{PIPE_FRAG_SIZE, fragments_to_come};

    /// Whether `msg` makes the pipe read ahead at all.
    fn more_fragments(msg: &[u8]) -> bool {
        fragments_to_come(msg, PIPE_FRAG_SIZE) > 0
    }

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

    /// A little-endian response fragment of `len` bytes with `alloc_hint` `hint`.
    fn response(flags: u8, len: u16, hint: u32) -> Vec<u8> {
        let mut p = pdu(2, flags, len);
        p[16..20].copy_from_slice(&hint.to_le_bytes());
        p
    }

    #[test]
    fn alloc_hint_promises_at_least_the_fragments_the_rest_needs() {
        const FIRST: u8 = 1;
        const LAST: u8 = 2;
        // 5,840-byte fragments carry 5,816 stub bytes.
        let first = |hint| fragments_to_come(&response(FIRST, 5840, hint), 5840);
        assert_eq!(first(5816 + 1), 1);
        assert_eq!(first(5816 * 2), 1);
        assert_eq!(first(5816 * 2 + 1), 2);
        assert_eq!(first(5816 * 8), 7);
        // No hint (0), or one smaller than this fragment: the flag alone promises one.
        assert_eq!(first(0), 1);
        assert_eq!(first(10), 1);
        // A last fragment, or no response at all, promises none whatever its hint.
        assert_eq!(fragments_to_come(&response(LAST, 5840, 1 << 30), 5840), 0);
        assert_eq!(fragments_to_come(&pdu(3, FIRST, 32), 5840), 0);
        // Smaller fragments than offered only mean more fragments than promised.
        assert_eq!(fragments_to_come(&response(FIRST, 4280, 4256 * 3), 5840), 2);
        // Big-endian data representation.
        let mut be = response(FIRST, 5840, 0);
        be[4] = 0;
        be[8..10].copy_from_slice(&5840u16.to_be_bytes());
        be[16..20].copy_from_slice(&(5816u32 * 3).to_be_bytes());
        assert_eq!(fragments_to_come(&be, 5840), 2);
    }
}
