//! The KDC transport: Kerberos messages over TCP (RFC 4120 7.2.2) to the realm's KDC.
//!
//! sspi suspends its Kerberos state machine at each KDC exchange and hands us a
//! [`sspi::NetworkRequest`]; `KdcClient` answers it over a std `TcpStream` with one deadline
//! per exchange and a bounded reply size. The URL sspi is given names no host
//! ([`SENTINEL_URL`]); the KDC addresses are found on the first request by
//! [`crate::locate`] (options, krb5.conf, DNS SRV) and tried in turn. Requests sspi addresses
//! elsewhere (cross-realm referrals it resolves on its own) are refused. With a credential
//! cache, requests are first offered to [`crate::cache_kdc::CacheKdc`], which answers the AS
//! exchange (and a TGS exchange for a cached service ticket) without any network traffic.
//! UDP, and the KDC proxy (MS-KKDCP over HTTPS), are left out.
//!
//! Besides transport errors the client remembers the last KRB-ERROR the KDC sent (RFC 4120
//! 5.9.1), so the caller can report "pre-authentication failed" instead of sspi's generic text.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sspi::network_client::NetworkClient;
use sspi::{NetworkProtocol, NetworkRequest};

use crate::AuthError;
use crate::cache_kdc::{Answer, CacheKdc};
use crate::ccache::Key;
use crate::kerberos::KrbErrorCode;
use crate::krb_rc4::Rc4Logon;
use crate::options::AuthOptions;

/// Default KDC port (RFC 4120 7.2.3.2).
pub const KDC_PORT: u16 = 88;

/// Largest KDC reply we read. Tickets carrying a PAC for a user in many groups reach tens of
/// kilobytes; Windows' own default `MaxTokenSize` is 48 000 bytes.
pub const MAX_KDC_REPLY: usize = 256 * 1024;

/// The KDC URL handed to sspi: a name in the reserved `.invalid` domain (RFC 6761), never
/// resolved; requests to it go to the located KDC.
pub const SENTINEL_URL: &str = "tcp://kdc.netapi.invalid:88";
const SENTINEL_HOST: &str = "kdc.netapi.invalid";

/// What went wrong on the wire, kept for error reporting.
#[derive(Debug, Clone)]
pub(crate) enum KdcFailure {
    /// No reply within the deadline (connect, send or receive).
    Timeout { kdc: SocketAddr, after: Duration },
    /// Connection refused/reset, malformed framing, oversized reply, or a request we refuse.
    Transport(String),
}

#[derive(Default)]
struct Observed {
    failure: Option<KdcFailure>,
    /// A failure that is not the network's (no KDC found, a request the cache refused).
    error: Option<AuthError>,
    krb_error: Option<(KrbErrorCode, Option<String>)>,
}

/// Where requests go.
enum Route {
    /// NTLM contexts: nothing.
    Nowhere,
    /// Find the KDC of `realm` on the first request.
    Pending(String, Box<AuthOptions>),
    /// These addresses, in order.
    Located(Vec<SocketAddr>),
}

/// Answers given without sspi's requests reaching the network.
enum Local {
    /// From a credential cache.
    Cache(CacheKdc),
    /// From an RC4 keytab logon ([`crate::krb_rc4`]), run at sspi's first request; the cache
    /// it yields answers from then on, with sspi's one-time key `as_key`.
    Rc4 {
        logon: Rc4Logon,
        as_key: Key,
        ready: Mutex<Option<CacheKdc>>,
    },
}

/// Why a request could not be forwarded.
enum ForwardError {
    /// Not routed: no KDC found, or a malformed KDC option.
    Route(AuthError),
    /// The KDC did not answer properly.
    Wire(KdcFailure),
}

/// sspi's [`NetworkClient`] over std sockets, for one realm's KDC.
pub(crate) struct KdcClient {
    route: Mutex<Route>,
    /// Answers from a credential cache or an RC4 logon, asked before the network.
    local: Option<Local>,
    timeout: Duration,
    observed: Mutex<Observed>,
    /// The application's dispatcher: sspi runs with tracing muted (see [`crate::logging`]),
    /// our own events from inside its callbacks go here.
    dispatch: Mutex<Option<tracing::Dispatch>>,
}

impl KdcClient {
    /// A client that talks to `kdc` only; `None` refuses every request (NTLM contexts).
    pub(crate) fn new(kdc: Option<SocketAddr>, timeout: Duration) -> Self {
        let route = match kdc {
            Some(a) => Route::Located(vec![a]),
            None => Route::Nowhere,
        };
        KdcClient {
            route: Mutex::new(route),
            local: None,
            timeout,
            observed: Mutex::new(Observed::default()),
            dispatch: Mutex::new(None),
        }
    }

    /// A client for `realm`'s KDC, found through `opts` ([`crate::locate`]) on first use.
    pub(crate) fn locating(realm: &str, opts: &AuthOptions) -> Self {
        let mut c = KdcClient::new(None, opts.timeout);
        c.route = Mutex::new(Route::Pending(realm.to_owned(), Box::new(opts.clone())));
        c
    }

    /// Answer from `cache` before asking the network.
    pub(crate) fn with_cache(mut self, cache: CacheKdc) -> Self {
        self.local = Some(Local::Cache(cache));
        self
    }

    /// Answer from the service ticket an RC4 `logon` gets at the first request, under sspi's
    /// one-time key `as_key`.
    pub(crate) fn with_rc4(mut self, logon: Rc4Logon, as_key: Key) -> Self {
        self.local = Some(Local::Rc4 {
            logon,
            as_key,
            ready: Mutex::new(None),
        });
        self
    }

    /// The local answer to `data`, if a cache or an RC4 logon gives one.
    fn local_answer(&self, data: &[u8]) -> Option<Answer> {
        match self.local.as_ref()? {
            Local::Cache(c) => Some(self.log(|| c.answer(data))),
            Local::Rc4 {
                logon,
                as_key,
                ready,
            } => {
                let mut ready = ready.lock().unwrap_or_else(|e| e.into_inner());
                if ready.is_none() {
                    let send = |req: &[u8]| {
                        self.forward(req).map_err(|e| match e {
                            ForwardError::Route(a) => a,
                            ForwardError::Wire(KdcFailure::Timeout { kdc, after }) => {
                                AuthError::KdcTimeout {
                                    kdc: kdc.to_string(),
                                    after,
                                }
                            }
                            ForwardError::Wire(KdcFailure::Transport(m)) => AuthError::Kdc(m),
                        })
                    };
                    let made = self.log(|| {
                        let cache = logon.run(&send)?;
                        CacheKdc::new(
                            &cache,
                            "the RC4 keytab logon",
                            &logon.service,
                            &logon.host,
                            crate::cache_kdc::now_secs(),
                            Some(as_key.clone()),
                        )
                    });
                    match made {
                        Ok(c) => *ready = Some(c),
                        Err(e) => return Some(Answer::Refuse(e)),
                    }
                }
                let cache = ready.as_ref()?;
                Some(self.log(|| cache.answer(data)))
            }
        }
    }

    /// Where our events go while sspi drives this client.
    pub(crate) fn set_dispatch(&self, dispatch: tracing::Dispatch) {
        *self.dispatch.lock().unwrap_or_else(|e| e.into_inner()) = Some(dispatch);
    }

    /// Run `f` (our own code, which may log) with the application's dispatcher.
    fn log<R>(&self, f: impl FnOnce() -> R) -> R {
        let dispatch = self
            .dispatch
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match dispatch {
            Some(d) => tracing::dispatcher::with_default(&d, f),
            None => f(),
        }
    }

    /// The URL handed to sspi's Kerberos configuration.
    pub(crate) fn url(&self) -> Option<url::Url> {
        url::Url::parse(SENTINEL_URL).ok()
    }

    /// Take the transport failure of the last request, if any.
    pub(crate) fn take_failure(&self) -> Option<KdcFailure> {
        self.lock().failure.take()
    }

    /// Take the non-network failure of the last request, if any.
    pub(crate) fn take_error(&self) -> Option<AuthError> {
        self.lock().error.take()
    }

    /// The KRB-ERROR of the last reply, if the last reply was one.
    pub(crate) fn last_krb_error(&self) -> Option<(KrbErrorCode, Option<String>)> {
        self.lock().krb_error.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Observed> {
        // A panic while holding this lock leaves only diagnostics behind; keep going.
        self.observed.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Refuse requests sspi addressed elsewhere than [`SENTINEL_URL`].
    fn check_url(request: &NetworkRequest) -> Result<(), AuthError> {
        let host = request.url.host_str().unwrap_or_default();
        if host != SENTINEL_HOST {
            return Err(AuthError::Kdc(format!(
                "refusing to contact {}: only the realm's own KDC is used (cross-realm referrals are not followed)",
                request.url
            )));
        }
        Ok(())
    }

    /// The realm's KDC addresses, found on first use.
    fn targets(&self) -> Result<Vec<SocketAddr>, AuthError> {
        let mut route = self.route.lock().unwrap_or_else(|e| e.into_inner());
        if let Route::Pending(realm, opts) = &*route {
            let located = crate::locate::locate(realm, opts)?;
            *route = Route::Located(located.addrs);
        }
        match &*route {
            Route::Located(a) if !a.is_empty() => Ok(a.clone()),
            _ => Err(AuthError::Kdc(
                "no KDC is configured (AuthOptions::kdc)".to_owned(),
            )),
        }
    }

    fn exchange_tcp(&self, addr: SocketAddr, data: &[u8]) -> Result<Vec<u8>, KdcFailure> {
        let deadline = Instant::now() + self.timeout;
        let timeout = |kdc| KdcFailure::Timeout {
            kdc,
            after: self.timeout,
        };
        let io_err = |what: &str, e: io::Error| {
            if matches!(
                e.kind(),
                io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
            ) {
                timeout(addr)
            } else {
                KdcFailure::Transport(format!("KDC {addr}: {what}: {e}"))
            }
        };
        let remaining = || {
            deadline
                .checked_duration_since(Instant::now())
                .filter(|d| !d.is_zero())
        };

        let mut stream =
            TcpStream::connect_timeout(&addr, self.timeout).map_err(|e| io_err("connect", e))?;
        stream.set_nodelay(true).ok();
        stream
            .set_write_timeout(Some(remaining().ok_or(timeout(addr))?))
            .map_err(|e| io_err("socket", e))?;
        stream.write_all(data).map_err(|e| io_err("send", e))?;

        let mut read_exact = |buf: &mut [u8]| -> Result<(), KdcFailure> {
            let mut done = 0;
            while done < buf.len() {
                let left = remaining().ok_or(timeout(addr))?;
                stream
                    .set_read_timeout(Some(left))
                    .map_err(|e| io_err("socket", e))?;
                match stream.read(&mut buf[done..]) {
                    Ok(0) => {
                        return Err(KdcFailure::Transport(format!(
                            "KDC {addr} closed the connection mid-reply"
                        )));
                    }
                    Ok(n) => done += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(io_err("receive", e)),
                }
            }
            Ok(())
        };

        let mut len = [0u8; 4];
        read_exact(&mut len)?;
        let n = u32::from_be_bytes(len);
        // RFC 4120 7.2.2: the high bit is reserved (a future extension); we do not speak it.
        if n & 0x8000_0000 != 0 {
            return Err(KdcFailure::Transport(format!(
                "KDC {addr}: reply length has the reserved bit set"
            )));
        }
        let n = n as usize;
        if n > MAX_KDC_REPLY {
            return Err(KdcFailure::Transport(format!(
                "KDC {addr}: reply of {n} bytes exceeds the {MAX_KDC_REPLY}-byte limit"
            )));
        }
        // sspi expects the reply with its 4-byte length prefix, as sent.
        let mut reply = vec![0u8; 4 + n];
        reply[..4].copy_from_slice(&len);
        read_exact(&mut reply[4..])?;
        Ok(reply)
    }

    fn note_reply(&self, reply: &[u8]) {
        let krb_error = reply.get(4..).and_then(parse_krb_error);
        if let Some((code, _)) = &krb_error {
            self.log(|| tracing::debug!(target: "netapi_auth::kdc", ?code, "KDC answered with KRB-ERROR"));
        }
        self.lock().krb_error = krb_error;
    }
}

impl KdcClient {
    /// Send `data` (`4-byte length + DER`) to the realm's KDCs in turn; the first reply.
    fn forward(&self, data: &[u8]) -> Result<Vec<u8>, ForwardError> {
        let addrs = self.log(|| self.targets()).map_err(ForwardError::Route)?;
        let mut last = None;
        for addr in addrs {
            self.log(|| tracing::debug!(target: "netapi_auth::kdc", kdc = %addr, bytes = data.len(), "KDC request"));
            match self.exchange_tcp(addr, data) {
                Ok(reply) => {
                    self.log(|| tracing::debug!(target: "netapi_auth::kdc", kdc = %addr, bytes = reply.len(), "KDC reply"));
                    self.note_reply(&reply);
                    return Ok(reply);
                }
                Err(f) => {
                    self.log(|| tracing::debug!(target: "netapi_auth::kdc", kdc = %addr, failure = ?f, "KDC did not answer; trying the next one, if any"));
                    last = Some(f);
                }
            }
        }
        Err(ForwardError::Wire(last.unwrap_or_else(|| {
            KdcFailure::Transport("no KDC address".to_owned())
        })))
    }
}

impl NetworkClient for KdcClient {
    fn send(&self, request: &NetworkRequest) -> sspi::Result<Vec<u8>> {
        let fail = |failure: KdcFailure| {
            let text = match &failure {
                KdcFailure::Timeout { kdc, after } => {
                    format!("KDC {kdc} did not answer within {after:?}")
                }
                KdcFailure::Transport(m) => m.clone(),
            };
            self.log(|| tracing::debug!(target: "netapi_auth::kdc", error = %text, "KDC exchange failed"));
            self.lock().failure = Some(failure);
            // NoAuthenticatingAuthority is what sspi's Negotiate treats as "fall back to NTLM".
            sspi::Error::new(sspi::ErrorKind::NoAuthenticatingAuthority, text)
        };
        let refuse = |e: AuthError| {
            let text = e.to_string();
            self.log(|| tracing::debug!(target: "netapi_auth::kdc", error = %text, "KDC request refused"));
            let kind = match e {
                AuthError::Kdc(_) | AuthError::KdcTimeout { .. } => {
                    sspi::ErrorKind::NoAuthenticatingAuthority
                }
                _ => sspi::ErrorKind::NoCredentials,
            };
            self.lock().error = Some(e);
            sspi::Error::new(kind, text)
        };
        {
            let mut observed = self.lock();
            observed.failure = None;
            observed.error = None;
            observed.krb_error = None;
        }
        match self.local_answer(&request.data) {
            Some(Answer::Reply(reply)) => {
                self.log(|| tracing::debug!(target: "netapi_auth::kdc", bytes = reply.len(), "KDC request answered from the credential cache"));
                return Ok(reply);
            }
            Some(Answer::Refuse(e)) => return Err(refuse(e)),
            Some(Answer::Forward) | None => {}
        }
        if request.protocol != NetworkProtocol::Tcp {
            return Err(fail(KdcFailure::Transport(format!(
                "KDC transport {:?} is not supported (TCP only)",
                request.protocol
            ))));
        }
        Self::check_url(request).map_err(refuse)?;
        match self.forward(&request.data) {
            Ok(reply) => Ok(reply),
            Err(ForwardError::Route(e)) => Err(refuse(e)),
            Err(ForwardError::Wire(f)) => Err(fail(f)),
        }
    }
}

/// `KRB-ERROR` ([APPLICATION 30], RFC 4120 5.9.1): the error code and e-text, if `msg` is one.
pub(crate) fn parse_krb_error(msg: &[u8]) -> Option<(KrbErrorCode, Option<String>)> {
    if msg.first() != Some(&0x7e) {
        return None;
    }
    let err: picky_krb::messages::KrbError = picky_asn1_der::from_bytes(msg).ok()?;
    let inner = err.0;
    let code = KrbErrorCode(inner.error_code.0);
    let text = inner.e_text.0.map(|t| t.0.to_string());
    Some((code, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    fn request(url: &str) -> NetworkRequest {
        NetworkRequest {
            protocol: NetworkProtocol::Tcp,
            url: url::Url::parse(url).unwrap(),
            data: vec![0, 0, 0, 1, 0x6a],
        }
    }

    #[test]
    fn refuses_urls_other_than_the_realm_kdc() {
        let client = KdcClient::new(
            Some("127.0.0.3:88".parse().unwrap()),
            Duration::from_secs(1),
        );
        for url in ["tcp://kdc.example:88", "tcp://127.0.0.3:88"] {
            let e = client.send(&request(url)).unwrap_err();
            assert!(e.description.contains("only the realm's own KDC"), "{e}");
            assert!(matches!(client.take_error(), Some(AuthError::Kdc(_))));
        }
    }

    #[test]
    fn tries_the_next_kdc_when_one_refuses() {
        let dead = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let server = TcpListener::bind("127.0.0.1:0").unwrap();
        let live = server.local_addr().unwrap();
        let t = std::thread::spawn(move || {
            let (mut s, _) = server.accept().unwrap();
            let mut req = [0u8; 5];
            s.read_exact(&mut req).unwrap();
            s.write_all(&[0, 0, 0, 2, 0x7e, 0x00]).unwrap();
        });
        let client = KdcClient::new(None, Duration::from_secs(2));
        *client.route.lock().unwrap() = Route::Located(vec![dead, live]);
        let reply = client.send(&request(SENTINEL_URL)).unwrap();
        assert_eq!(reply, [0, 0, 0, 2, 0x7e, 0x00]);
        t.join().unwrap();
    }

    #[test]
    fn silent_kdc_times_out_on_time() {
        // A listener that never accepts: the kernel completes the handshake, nobody answers.
        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = silent.local_addr().unwrap();
        let client = KdcClient::new(Some(addr), Duration::from_millis(300));
        let started = Instant::now();
        let e = client.send(&request(SENTINEL_URL)).unwrap_err();
        let took = started.elapsed();
        assert_eq!(e.error_type, sspi::ErrorKind::NoAuthenticatingAuthority);
        assert!(matches!(
            client.take_failure(),
            Some(KdcFailure::Timeout { .. })
        ));
        assert!(took < Duration::from_millis(1500), "took {took:?}");
    }

    #[test]
    fn oversized_and_reserved_lengths_are_refused() {
        for len in [0x8000_0001u32, (MAX_KDC_REPLY + 1) as u32] {
            let server = TcpListener::bind("127.0.0.1:0").unwrap();
            let addr = server.local_addr().unwrap();
            let t = std::thread::spawn(move || {
                let (mut s, _) = server.accept().unwrap();
                s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                let mut req = [0u8; 5];
                s.read_exact(&mut req).unwrap();
                s.write_all(&len.to_be_bytes()).unwrap();
            });
            let client = KdcClient::new(Some(addr), Duration::from_secs(2));
            let e = client.send(&request(SENTINEL_URL)).unwrap_err();
            assert!(
                e.description.contains("reserved") || e.description.contains("limit"),
                "{e}"
            );
            assert!(matches!(
                client.take_failure(),
                Some(KdcFailure::Transport(_))
            ));
            t.join().unwrap();
        }
    }
}
