//! The KDC transport: Kerberos messages over TCP (RFC 4120 7.2.2) to one configured address.
//!
//! sspi suspends its Kerberos state machine at each KDC exchange and hands us a
//! [`sspi::NetworkRequest`]; `KdcClient` answers it over a std `TcpStream` with one deadline
//! per exchange and a bounded reply size. Host names are never resolved and only the configured
//! KDC is contacted (cross-realm referrals to another KDC are refused). UDP, and the KDC proxy
//! (MS-KKDCP over HTTPS), are left out: the URL we give sspi is always `tcp://`.
//!
//! Besides transport errors the client remembers the last KRB-ERROR the KDC sent (RFC 4120
//! 5.9.1), so the caller can report "pre-authentication failed" instead of sspi's generic text.

use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sspi::network_client::NetworkClient;
use sspi::{NetworkProtocol, NetworkRequest};

use crate::AuthError;
use crate::kerberos::KrbErrorCode;

/// Default KDC port (RFC 4120 7.2.3.2).
pub const KDC_PORT: u16 = 88;

/// Largest KDC reply we read. Tickets carrying a PAC for a user in many groups reach tens of
/// kilobytes; Windows' own default `MaxTokenSize` is 48 000 bytes.
pub const MAX_KDC_REPLY: usize = 256 * 1024;

/// Parse `host[:port]` where host is an IPv4 literal, or an IPv6 literal (bracketed when a port
/// follows). Anything that would need name resolution is refused.
pub(crate) fn parse_kdc_addr(kdc: &str) -> Result<SocketAddr, AuthError> {
    let kdc = kdc.trim();
    if let Ok(addr) = kdc.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let bare = kdc
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(kdc);
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, KDC_PORT));
    }
    Err(AuthError::Usage(format!(
        "KDC {kdc:?} is not an IP address literal with an optional port; host names are not resolved"
    )))
}

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
    krb_error: Option<(KrbErrorCode, Option<String>)>,
}

/// sspi's [`NetworkClient`] over std sockets, bound to one KDC address.
pub(crate) struct KdcClient {
    kdc: Option<SocketAddr>,
    timeout: Duration,
    observed: Mutex<Observed>,
    /// The application's dispatcher: sspi runs with tracing muted (see [`crate::logging`]),
    /// our own events from inside its callbacks go here.
    dispatch: Mutex<Option<tracing::Dispatch>>,
}

impl KdcClient {
    /// A client that talks to `kdc` only; `None` refuses every request (NTLM contexts).
    pub(crate) fn new(kdc: Option<SocketAddr>, timeout: Duration) -> Self {
        KdcClient {
            kdc,
            timeout,
            observed: Mutex::new(Observed::default()),
            dispatch: Mutex::new(None),
        }
    }

    /// Where our events go while sspi drives this client.
    pub(crate) fn set_dispatch(&self, dispatch: tracing::Dispatch) {
        *self.dispatch.lock().unwrap_or_else(|e| e.into_inner()) = Some(dispatch);
    }

    /// Emit our own event through the application's dispatcher.
    fn log(&self, f: impl FnOnce()) {
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
        let addr = self.kdc?;
        url::Url::parse(&format!("tcp://{addr}")).ok()
    }

    /// Take the transport failure of the last request, if any.
    pub(crate) fn take_failure(&self) -> Option<KdcFailure> {
        self.lock().failure.take()
    }

    /// The KRB-ERROR of the last reply, if the last reply was one.
    pub(crate) fn last_krb_error(&self) -> Option<(KrbErrorCode, Option<String>)> {
        self.lock().krb_error.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Observed> {
        // A panic while holding this lock leaves only diagnostics behind; keep going.
        self.observed.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn target(&self, request: &NetworkRequest) -> Result<SocketAddr, String> {
        let Some(kdc) = self.kdc else {
            return Err("no KDC is configured (AuthOptions::kdc)".to_owned());
        };
        let host = match request.url.host() {
            Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
            Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
            // `tcp://` is not a "special" URL scheme, so the url crate keeps IPv4 hosts opaque.
            Some(url::Host::Domain(name)) => match name.parse::<IpAddr>() {
                Ok(ip) => ip,
                Err(_) => {
                    return Err(format!(
                        "refusing to resolve KDC host name {name:?}; only {kdc} is used"
                    ));
                }
            },
            None => return Err("KDC request without a host".to_owned()),
        };
        let addr = SocketAddr::new(host, request.url.port().unwrap_or(KDC_PORT));
        if addr != kdc {
            return Err(format!(
                "refusing to contact {addr}: only the configured KDC {kdc} is used"
            ));
        }
        Ok(addr)
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
        {
            let mut observed = self.lock();
            observed.failure = None;
            observed.krb_error = None;
        }
        if request.protocol != NetworkProtocol::Tcp {
            return Err(fail(KdcFailure::Transport(format!(
                "KDC transport {:?} is not supported (TCP only)",
                request.protocol
            ))));
        }
        let addr = self
            .target(request)
            .map_err(|m| fail(KdcFailure::Transport(m)))?;
        self.log(|| tracing::debug!(target: "netapi_auth::kdc", kdc = %addr, bytes = request.data.len(), "KDC request"));
        let reply = self.exchange_tcp(addr, &request.data).map_err(fail)?;
        self.log(|| tracing::debug!(target: "netapi_auth::kdc", kdc = %addr, bytes = reply.len(), "KDC reply"));
        self.note_reply(&reply);
        Ok(reply)
    }
}

/// `KRB-ERROR` ([APPLICATION 30], RFC 4120 5.9.1): the error code and e-text, if `msg` is one.
fn parse_krb_error(msg: &[u8]) -> Option<(KrbErrorCode, Option<String>)> {
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

    #[test]
    fn kdc_addresses_are_literals_only() {
        assert_eq!(
            parse_kdc_addr("127.0.0.3").unwrap(),
            "127.0.0.3:88".parse().unwrap()
        );
        assert_eq!(
            parse_kdc_addr("127.0.0.3:1088").unwrap(),
            "127.0.0.3:1088".parse().unwrap()
        );
        assert_eq!(
            parse_kdc_addr("[::1]:88").unwrap(),
            "[::1]:88".parse().unwrap()
        );
        assert_eq!(parse_kdc_addr("::1").unwrap(), "[::1]:88".parse().unwrap());
        assert!(matches!(
            parse_kdc_addr("dc1.lab.example"),
            Err(AuthError::Usage(_))
        ));
        assert!(matches!(
            parse_kdc_addr("localhost:88"),
            Err(AuthError::Usage(_))
        ));
    }

    fn request(url: &str) -> NetworkRequest {
        NetworkRequest {
            protocol: NetworkProtocol::Tcp,
            url: url::Url::parse(url).unwrap(),
            data: vec![0, 0, 0, 1, 0x6a],
        }
    }

    #[test]
    fn refuses_names_and_other_addresses() {
        let client = KdcClient::new(
            Some("127.0.0.3:88".parse().unwrap()),
            Duration::from_secs(1),
        );
        let e = client.send(&request("tcp://kdc.example:88")).unwrap_err();
        assert!(e.description.contains("refusing to resolve"), "{e}");
        let e = client.send(&request("tcp://127.0.0.4:88")).unwrap_err();
        assert!(e.description.contains("only the configured KDC"), "{e}");
        assert!(matches!(
            client.take_failure(),
            Some(KdcFailure::Transport(_))
        ));
    }

    #[test]
    fn silent_kdc_times_out_on_time() {
        // A listener that never accepts: the kernel completes the handshake, nobody answers.
        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = silent.local_addr().unwrap();
        let client = KdcClient::new(Some(addr), Duration::from_millis(300));
        let started = Instant::now();
        let e = client.send(&request(&format!("tcp://{addr}"))).unwrap_err();
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
            let e = client.send(&request(&format!("tcp://{addr}"))).unwrap_err();
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
