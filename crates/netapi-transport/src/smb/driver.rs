//! The tokio driver around one sans-IO [`netapi_smb2::Connection`]: a TCP socket with
//! `TCP_NODELAY`, reads that feed the connection and hand each response to the caller waiting
//! for its request, and a writer task for frames the socket could not take at once. Several
//! requests may be in flight; responses are matched by request id.
//!
//! Latency: a caller writes its frame to the socket itself (non-blocking, under the state lock)
//! whenever nothing is queued for the writer task, and an interim `STATUS_PENDING` only marks
//! its waiter instead of waking the caller. Each round trip then costs one thread wake-up (reader
//! to caller) instead of three; `tools/bench` measured 30-40% less client CPU per call.
//!
//! A caller waiting for its response also reads the socket itself when it becomes readable
//! ([`Driver::wait`]); the reader task reads too, for the times no caller waits (an idle
//! connection's EOF, interim responses, answers to fire-and-forget requests). Whoever runs first
//! reads, under the state lock, so the bytes reach the connection in order. On a current-thread
//! runtime (the blocking client's) this saves a scheduler pass per round trip: the reader task no
//! longer has to run and wake the caller, which tokio follows with a zero-timeout `epoll_wait`
//! before polling it (strace: one syscall less per READ of a long pipe answer).
//!
//! Failure handling: a read error, EOF, protocol violation or response timeout kills the
//! connection; every waiter is woken with an error, later calls fail at once, and the pool
//! replaces the connection on its next use.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, Weak};
use std::time::Duration;

use netapi_smb2::{Connection, Event, RequestId, Response};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::{Notify, mpsc, oneshot};
use tokio::time::Instant;

use crate::Error;

/// Bytes asked of the socket per read.
const READ_CHUNK: usize = 64 * 1024;
/// After we close our side, how long the reader waits for the server to close its side.
const CLOSE_GRACE: Duration = Duration::from_secs(2);

static NEXT_CONNECTION_ID: AtomicU64 = AtomicU64::new(1);

/// Why a connection is dead; turned into an [`Error`] for each waiter.
#[derive(Debug, Clone)]
pub(crate) enum Dead {
    /// EOF, a timeout elsewhere, or closed by us.
    Disconnected,
    /// A socket error.
    Io {
        op: &'static str,
        kind: std::io::ErrorKind,
        message: String,
    },
    /// The SMB2 core refused the peer's input.
    Smb(netapi_smb2::Error),
}

impl Dead {
    pub(crate) fn to_error(&self) -> Error {
        match self {
            Dead::Disconnected => Error::Disconnected,
            Dead::Io { op, kind, message } => Error::Io {
                op,
                source: std::io::Error::new(*kind, message.clone()),
            },
            Dead::Smb(e) => smb_error(e.clone()),
        }
    }
}

/// Map a core error: policy violations keep their own variant.
pub(crate) fn smb_error(e: netapi_smb2::Error) -> Error {
    match e {
        netapi_smb2::Error::Policy(m) => Error::Policy(m),
        e => Error::Smb(e),
    }
}

/// Map an error raised while building a request: the caller's mistakes are usage errors.
fn request_error(e: netapi_smb2::Error) -> Error {
    match e {
        netapi_smb2::Error::Usage(m) => Error::Usage(m.to_owned()),
        e @ netapi_smb2::Error::TooLarge { .. } => Error::Usage(e.to_string()),
        netapi_smb2::Error::Closed => Error::Disconnected,
        e => smb_error(e),
    }
}

/// A caller waiting for a response, and when the server went async on it. The caller looks at
/// that only when its response deadline passes, so an interim response wakes nobody; only when
/// the async deadline is the shorter one does the reader ring `bell` to move it earlier.
/// A request sent whose response is not read yet ([`Driver::send`]).
#[derive(Debug)]
pub(crate) struct InFlight {
    op: &'static str,
    rx: oneshot::Receiver<Result<Response, Error>>,
    went_async: Arc<OnceLock<Instant>>,
    bell: Option<Arc<Notify>>,
    sent: Instant,
}

impl InFlight {
    /// Count the response deadline from now: a READ sent ahead on a pipe waits, legitimately,
    /// for an answer to a request sent later.
    pub(crate) fn restart(&mut self) {
        self.sent = Instant::now();
    }
}

struct Waiter {
    tx: oneshot::Sender<Result<Response, Error>>,
    went_async: Arc<OnceLock<Instant>>,
    bell: Option<Arc<Notify>>,
}

pub(crate) struct State {
    pub(crate) conn: Connection,
    waiters: HashMap<RequestId, Waiter>,
    tx: Option<mpsc::UnboundedSender<Vec<u8>>>,
    /// The socket's write half, shared with the writer task, for direct writes.
    wr: Option<Arc<OwnedWriteHalf>>,
    /// Frames handed to the writer task and not completely written yet. While there are any,
    /// new frames queue behind them, so frames always leave in order.
    queued: usize,
    dead: Option<Dead>,
    /// Where socket reads land before the connection takes them.
    rbuf: Vec<u8>,
}

impl State {
    /// Send every frame the connection has ready, in order: straight to the socket when nothing
    /// waits for the writer task and the socket takes it whole, otherwise (the rest) through the
    /// writer task.
    fn flush(&mut self) {
        // Frames ready together (the READs a pipe sends ahead) go out in one write, up to
        // `COALESCE` bytes: one syscall, and one wake-up of the server, instead of one each.
        let mut batch: Option<Vec<u8>> = None;
        while let Some(frame) = self.conn.poll_transmit() {
            match &mut batch {
                Some(b) if b.len() + frame.len() <= COALESCE => b.extend_from_slice(&frame),
                _ => {
                    if let Some(b) = batch.replace(frame) {
                        self.put(b);
                    }
                }
            }
        }
        if let Some(b) = batch {
            self.put(b);
        }
    }

    /// One frame out: straight to the socket when nothing waits for the writer task and the
    /// socket takes it whole, otherwise (the rest) through the writer task.
    fn put(&mut self, mut frame: Vec<u8>) {
        if self.queued == 0
            && let Some(wr) = &self.wr
        {
            match wr.try_write(&frame) {
                Ok(n) if n == frame.len() => return,
                Ok(n) => {
                    frame.drain(..n);
                }
                // WouldBlock, or an error the writer task will meet and report.
                Err(_) => {}
            }
        }
        if let Some(tx) = &self.tx
            && tx.send(frame).is_ok()
        {
            self.queued += 1;
        }
    }

    /// Hand every response to its waiter; responses nobody waits for (fire-and-forget CLOSE,
    /// LOGOFF) are dropped. Interim responses ring the waiter's bell.
    fn dispatch(&mut self) {
        while let Some(ev) = self.conn.poll_event() {
            match ev {
                Event::Response(r) => {
                    if let Some(w) = self.waiters.remove(&r.id) {
                        let _ = w.tx.send(Ok(r));
                    }
                }
                Event::Pending { id } => {
                    if let Some(w) = self.waiters.get(&id) {
                        let _ = w.went_async.set(Instant::now());
                        if let Some(bell) = &w.bell {
                            bell.notify_one();
                        }
                    }
                }
            }
        }
    }

    fn kill(&mut self, why: Dead) {
        if self.dead.is_none() {
            self.dead = Some(why);
        }
        self.conn.close();
        let err = self.dead.clone().unwrap_or(Dead::Disconnected);
        for (_, w) in self.waiters.drain() {
            let _ = w.tx.send(Err(err.to_error()));
        }
        self.tx = None;
        self.wr = None;
    }
}

/// Most bytes of small frames [`State::flush`] joins into one write.
const COALESCE: usize = 16 * 1024;

/// One TCP connection and its sans-IO state, shared by sessions, pipes and the I/O tasks.
pub(crate) struct Driver {
    state: Mutex<State>,
    /// The socket's read half: read by the reader task, and by a caller waiting for its
    /// response ([`Driver::wait`]), whichever runs first when data arrives.
    rd: OwnedReadHalf,
    /// Signalled by the writer once it has flushed and shut down our half of the socket.
    closed: Notify,
    pub(crate) id: u64,
    pub(crate) timeouts: Timeouts,
}

/// Response deadlines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeouts {
    /// From sending a request to its response.
    pub(crate) response: Duration,
    /// From an interim STATUS_PENDING to the final response.
    pub(crate) async_response: Duration,
}

impl Driver {
    /// Connect to `addr` with a deadline and start the I/O tasks.
    pub(crate) async fn connect(
        host: &str,
        port: u16,
        connect_timeout: Duration,
        timeouts: Timeouts,
        conn: Connection,
    ) -> Result<Arc<Driver>, Error> {
        let stream =
            match tokio::time::timeout(connect_timeout, TcpStream::connect((host, port))).await {
                Ok(Ok(s)) => s,
                Ok(Err(source)) => {
                    return Err(Error::Io {
                        op: "connect",
                        source,
                    });
                }
                Err(_) => {
                    return Err(Error::Timeout {
                        op: "connect",
                        after: connect_timeout,
                    });
                }
            };
        stream.set_nodelay(true).map_err(|source| Error::Io {
            op: "connect",
            source,
        })?;
        Ok(Self::start(stream, timeouts, conn))
    }

    fn start(stream: TcpStream, timeouts: Timeouts, conn: Connection) -> Arc<Driver> {
        let (rd, wr) = stream.into_split();
        let wr = Arc::new(wr);
        let (tx, rx) = mpsc::unbounded_channel();
        let driver = Arc::new(Driver {
            state: Mutex::new(State {
                conn,
                waiters: HashMap::new(),
                tx: Some(tx),
                wr: Some(wr.clone()),
                queued: 0,
                dead: None,
                rbuf: vec![0u8; READ_CHUNK],
            }),
            rd,
            closed: Notify::new(),
            id: NEXT_CONNECTION_ID.fetch_add(1, Ordering::Relaxed),
            timeouts,
        });
        tokio::spawn(writer(Arc::downgrade(&driver), wr, rx));
        tokio::spawn(reader(driver.clone()));
        driver
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves the state as consistent as any error would;
        // keep going rather than poisoning every later call.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Read what the socket holds now and hand it to the connection (responses to their
    /// waiters). `false` once the connection is dead (EOF, an error, a protocol violation).
    /// Reading under the state lock keeps the bytes in order whoever reads them.
    fn pump(&self) -> bool {
        let mut st = self.lock();
        let read = {
            let State {
                rbuf, conn, dead, ..
            } = &mut *st;
            match self.rd.try_read(rbuf) {
                // Read (and dropped) even once dead, as long as the reader runs: unread data
                // would make closing the socket a reset that can overtake our last frames.
                Ok(_) if dead.is_some() => return false,
                Ok(0) => Err(Dead::Disconnected),
                Ok(n) => conn.handle_input(&rbuf[..n]).map_err(Dead::Smb),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return true,
                Err(e) => Err(Dead::Io {
                    op: "read",
                    kind: e.kind(),
                    message: e.to_string(),
                }),
            }
        };
        st.dispatch();
        match read {
            Ok(()) => {
                st.flush();
                true
            }
            Err(why) => {
                st.kill(why);
                false
            }
        }
    }

    /// Whether the connection can still carry requests.
    pub(crate) fn is_alive(&self) -> bool {
        self.lock().dead.is_none()
    }

    /// Issue a request built by `make` and wait for its final response (or the timeout).
    pub(crate) async fn call(
        &self,
        op: &'static str,
        make: impl FnOnce(&mut Connection) -> Result<RequestId, netapi_smb2::Error>,
    ) -> Result<Response, Error> {
        let sent = self.send(op, make)?;
        self.wait(sent).await
    }

    /// Issue a request built by `make` now; [`Driver::wait`] for its response later (its
    /// deadline counts from now). A response nobody waits for is dropped when it arrives.
    pub(crate) fn send(
        &self,
        op: &'static str,
        make: impl FnOnce(&mut Connection) -> Result<RequestId, netapi_smb2::Error>,
    ) -> Result<InFlight, Error> {
        let mut st = self.lock();
        if let Some(d) = &st.dead {
            return Err(d.to_error());
        }
        let id = make(&mut st.conn).map_err(request_error)?;
        let sent = self.register(&mut st, op, id);
        st.flush();
        Ok(sent)
    }

    /// [`Driver::send`] of up to `n` requests built by `make`, written together (see
    /// [`State::flush`]); stops at the first that cannot be built.
    pub(crate) fn send_batch(
        &self,
        op: &'static str,
        n: usize,
        mut make: impl FnMut(&mut Connection) -> Result<RequestId, netapi_smb2::Error>,
    ) -> Vec<InFlight> {
        let mut st = self.lock();
        let mut sent = Vec::with_capacity(n);
        if st.dead.is_none() {
            for _ in 0..n {
                match make(&mut st.conn) {
                    Ok(id) => sent.push(self.register(&mut st, op, id)),
                    Err(_) => break,
                }
            }
            st.flush();
        }
        sent
    }

    /// A waiter for request `id`, its deadline counted from now.
    fn register(&self, st: &mut State, op: &'static str, id: RequestId) -> InFlight {
        let (tx, rx) = oneshot::channel();
        let went_async = Arc::new(OnceLock::new());
        let bell = (self.timeouts.async_response < self.timeouts.response)
            .then(|| Arc::new(Notify::new()));
        st.waiters.insert(
            id,
            Waiter {
                tx,
                went_async: went_async.clone(),
                bell: bell.clone(),
            },
        );
        InFlight {
            op,
            rx,
            went_async,
            bell,
            sent: Instant::now(),
        }
    }

    /// The final response to a request [sent](Driver::send) (or the timeout).
    pub(crate) async fn wait(&self, request: InFlight) -> Result<Response, Error> {
        let InFlight {
            op,
            mut rx,
            went_async,
            bell,
            sent,
        } = request;
        let mut after = self.timeouts.response;
        let deadline = tokio::time::sleep_until(sent + after);
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                biased;
                r = &mut rx => {
                    let r = r.unwrap_or(Err(Error::Disconnected));
                    match &r {
                        Ok(resp) => tracing::trace!(command = op, status = format_args!("{:#010x}", resp.status), "SMB2 response"),
                        Err(e) => tracing::debug!(command = op, error = %e, "SMB2 request failed"),
                    }
                    return r;
                }
                // The response may be in the socket already: read it here rather than wait
                // for the reader task to run and wake us (one scheduler round trip less).
                ready = self.rd.readable() => {
                    if ready.is_ok() {
                        self.pump();
                    }
                }
                _ = rung(&bell) => {
                    // Only with an async deadline shorter than the response deadline.
                    after = self.timeouts.async_response;
                    let since = went_async.get().map_or_else(Instant::now, |&t| t.max(sent));
                    deadline.as_mut().reset(since + after);
                }
                _ = &mut deadline => {
                    // The server accepted the request and answers later ([MS-SMB2] 3.2.5.1.5):
                    // a separate, longer deadline counted from its interim response.
                    if let Some(&since) = went_async.get()
                        && after != self.timeouts.async_response
                    {
                        after = self.timeouts.async_response;
                        let until = since.max(sent) + after;
                        if until > Instant::now() {
                            deadline.as_mut().reset(until);
                            continue;
                        }
                    }
                    // The request is lost in a stalled server: nothing on this connection can
                    // be trusted to complete, so it goes, and every other waiter learns now.
                    self.kill(Dead::Disconnected);
                    tracing::debug!(command = op, ?after, "SMB2 response timed out; connection dropped");
                    return Err(Error::Timeout { op, after });
                }
            }
        }
    }

    /// Issue a request without waiting for its response (CLOSE from `Drop`, LOGOFF).
    pub(crate) fn fire(
        &self,
        make: impl FnOnce(&mut Connection) -> Result<RequestId, netapi_smb2::Error>,
    ) {
        let mut st = self.lock();
        if st.dead.is_none() && make(&mut st.conn).is_ok() {
            st.flush();
        }
    }

    /// Read-only access to the sans-IO state.
    pub(crate) fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> T) -> T {
        f(&self.lock().conn)
    }

    /// Close our side after the frames already queued; later calls fail with `Disconnected`.
    pub(crate) fn shutdown(&self) {
        let mut st = self.lock();
        st.flush();
        st.kill(Dead::Disconnected);
    }

    fn kill(&self, why: Dead) {
        self.lock().kill(why);
    }
}

/// Waits for `bell`, or forever without one.
async fn rung(bell: &Option<Arc<Notify>>) {
    match bell {
        Some(b) => b.notified().await,
        None => std::future::pending().await,
    }
}

/// Writes the frames callers could not write themselves, in order.
async fn writer(
    driver: Weak<Driver>,
    wr: Arc<OwnedWriteHalf>,
    mut rx: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(frame) = rx.recv().await {
        if let Err(e) = write_frame(&wr, &frame).await {
            if let Some(d) = driver.upgrade() {
                d.kill(Dead::Io {
                    op: "write",
                    kind: e.kind(),
                    message: e.to_string(),
                });
            }
            break;
        }
        if let Some(d) = driver.upgrade() {
            let mut st = d.lock();
            st.queued = st.queued.saturating_sub(1);
        }
    }
    // The state dropped its handle when the connection died; dropping the last one shuts our
    // half of the socket down (the frames queued before have been written).
    drop(wr);
    if let Some(d) = driver.upgrade() {
        d.closed.notify_one();
    }
}

/// Write one whole frame as the socket accepts it.
async fn write_frame(wr: &OwnedWriteHalf, mut frame: &[u8]) -> std::io::Result<()> {
    while !frame.is_empty() {
        wr.writable().await?;
        match wr.try_write(frame) {
            Ok(n) => frame = &frame[n..],
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads the socket while no caller is waiting in [`Driver::wait`] (interim responses, an
/// idle connection's EOF, answers to fire-and-forget requests).
async fn reader(driver: Arc<Driver>) {
    loop {
        tokio::select! {
            ready = driver.rd.readable() => {
                if let Err(e) = ready {
                    driver.kill(Dead::Io {
                        op: "read",
                        kind: e.kind(),
                        message: e.to_string(),
                    });
                    return;
                }
                if !driver.pump() {
                    return;
                }
            }
            _ = driver.closed.notified() => {
                // Our side is closed; give the server a moment to close its side, then go.
                let _ = tokio::time::timeout(CLOSE_GRACE, drain(&driver.rd)).await;
                driver.kill(Dead::Disconnected);
                return;
            }
        }
    }
}

async fn drain(rd: &OwnedReadHalf) {
    let mut sink = [0u8; 4096];
    while rd.readable().await.is_ok() {
        match rd.try_read(&mut sink) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => break,
        }
    }
}
