//! A minimal DNS client for finding a KDC: SRV (RFC 2782), A and AAAA queries (RFC 1035,
//! RFC 3596) sent to one resolver address over UDP, retried over TCP when the answer is
//! truncated (RFC 7766).
//!
//! Used for `_kerberos._tcp.REALM` ([MS-KILE] 3.1.5.1 / RFC 4120 7.2.3.2) and for the host
//! names of KDCs when a resolver address is configured
//! ([`crate::options::Discovery::dns_server`]): the host's own resolver is then never asked,
//! which is how the tests query the lab DC's DNS at 127.0.0.3. Without a configured address
//! the first `nameserver` of `/etc/resolv.conf` answers SRV queries.
//!
//! The response reader is bounded and never panics (`fuzz/fuzz_targets/krb_files.rs`): every
//! offset is checked, compression pointers may only point backwards and at most
//! [`MAX_POINTERS`] are followed per name, names are at most 255 bytes.

use std::fmt;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

/// Record type A.
pub const TYPE_A: u16 = 1;
/// Record type AAAA.
pub const TYPE_AAAA: u16 = 28;
/// Record type SRV.
pub const TYPE_SRV: u16 = 33;
/// Compression pointers followed per name.
pub const MAX_POINTERS: usize = 32;
const MAX_NAME: usize = 255;

/// Why a lookup failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsError {
    /// No answer within the timeout.
    Timeout,
    /// A socket error.
    Io(String),
    /// The answer could not be read.
    Malformed(String),
    /// The server answered with this RCODE (3 = NXDOMAIN, 2 = SERVFAIL, ...).
    Rcode(u8),
    /// The name to look up is not a valid DNS name.
    BadName(String),
}

impl fmt::Display for DnsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DnsError::Timeout => f.write_str("no answer"),
            DnsError::Io(e) => write!(f, "{e}"),
            DnsError::Malformed(e) => write!(f, "malformed answer: {e}"),
            DnsError::Rcode(3) => f.write_str("no such name (NXDOMAIN)"),
            DnsError::Rcode(r) => write!(f, "server failure (RCODE {r})"),
            DnsError::BadName(n) => write!(f, "not a DNS name: {n:?}"),
        }
    }
}

/// An SRV record's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Srv {
    /// Lower is tried first.
    pub priority: u16,
    /// Relative weight among equal priorities.
    pub weight: u16,
    /// The service port.
    pub port: u16,
    /// The host offering it (no trailing dot).
    pub target: String,
}

/// A resource record's data, for the types we ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RData {
    /// IPv4 address.
    A(Ipv4Addr),
    /// IPv6 address.
    Aaaa(Ipv6Addr),
    /// Service location.
    Srv(Srv),
    /// Anything else (CNAME, SOA, ...): type only.
    Other(u16),
}

/// A resource record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Owner name (no trailing dot).
    pub name: String,
    /// The data.
    pub data: RData,
}

/// The records of a response.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// Answer section.
    pub answers: Vec<Record>,
    /// Additional section (SRV servers often add the targets' addresses).
    pub additional: Vec<Record>,
    /// The TC bit: the UDP answer was cut short.
    pub truncated: bool,
}

/// Encode a standard query for `name`/`qtype` (class IN, recursion desired).
pub fn encode_query(id: u16, name: &str, qtype: u16) -> Result<Vec<u8>, DnsError> {
    let mut q = Vec::with_capacity(18 + name.len());
    q.extend(id.to_be_bytes());
    q.extend([0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    let name = name.trim_end_matches('.');
    if name.is_empty() || name.len() > 253 {
        return Err(DnsError::BadName(name.to_owned()));
    }
    for label in name.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err(DnsError::BadName(name.to_owned()));
        }
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.push(0);
    q.extend(qtype.to_be_bytes());
    q.extend(1u16.to_be_bytes());
    Ok(q)
}

struct Msg<'a> {
    buf: &'a [u8],
}

impl Msg<'_> {
    fn u16(&self, at: usize) -> Result<u16, DnsError> {
        match self.buf.get(at..at + 2) {
            Some(b) => Ok(u16::from_be_bytes([b[0], b[1]])),
            None => Err(DnsError::Malformed(format!("truncated at {at}"))),
        }
    }

    /// Read the name at `at`; returns it and the offset after it (in the original position).
    fn name(&self, mut at: usize) -> Result<(String, usize), DnsError> {
        let bad = |m: &str| DnsError::Malformed(m.to_owned());
        let mut out = String::new();
        let mut end = None;
        let mut jumps = 0;
        loop {
            let len = *self.buf.get(at).ok_or_else(|| bad("name past the end"))?;
            match len {
                0 => {
                    return Ok((out, end.unwrap_or(at + 1)));
                }
                l if l & 0xc0 == 0xc0 => {
                    let lo = *self
                        .buf
                        .get(at + 1)
                        .ok_or_else(|| bad("pointer past the end"))?;
                    let target = usize::from(l & 0x3f) << 8 | usize::from(lo);
                    if target >= at {
                        return Err(bad("compression pointer does not point backwards"));
                    }
                    jumps += 1;
                    if jumps > MAX_POINTERS {
                        return Err(bad("too many compression pointers"));
                    }
                    end.get_or_insert(at + 2);
                    at = target;
                }
                l if l & 0xc0 != 0 => return Err(bad("reserved label type")),
                l => {
                    let l = usize::from(l);
                    let label = self
                        .buf
                        .get(at + 1..at + 1 + l)
                        .ok_or_else(|| bad("label past the end"))?;
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&String::from_utf8_lossy(label));
                    if out.len() > MAX_NAME {
                        return Err(bad("name longer than 255 bytes"));
                    }
                    at += 1 + l;
                }
            }
        }
    }

    fn record(&self, at: usize) -> Result<(Record, usize), DnsError> {
        let (name, at) = self.name(at)?;
        let rtype = self.u16(at)?;
        let rdlen = usize::from(self.u16(at + 8)?);
        let start = at + 10;
        let rdata = self
            .buf
            .get(start..start + rdlen)
            .ok_or_else(|| DnsError::Malformed("record data past the end".into()))?;
        let data = match (rtype, rdata) {
            (TYPE_A, [a, b, c, d]) => RData::A(Ipv4Addr::new(*a, *b, *c, *d)),
            (TYPE_AAAA, b) if b.len() == 16 => {
                let mut o = [0u8; 16];
                o.copy_from_slice(b);
                RData::Aaaa(Ipv6Addr::from(o))
            }
            (TYPE_SRV, b) if b.len() >= 7 => {
                let (target, _) = self.name(start + 6)?;
                RData::Srv(Srv {
                    priority: u16::from_be_bytes([b[0], b[1]]),
                    weight: u16::from_be_bytes([b[2], b[3]]),
                    port: u16::from_be_bytes([b[4], b[5]]),
                    target,
                })
            }
            (TYPE_A | TYPE_AAAA | TYPE_SRV, _) => {
                return Err(DnsError::Malformed(format!(
                    "record of type {rtype} with {rdlen} data bytes"
                )));
            }
            (other, _) => RData::Other(other),
        };
        Ok((Record { name, data }, start + rdlen))
    }
}

/// Read a response to query `id`. The question must be the one we asked (`name`, `qtype`).
pub fn parse_response(buf: &[u8], id: u16, name: &str, qtype: u16) -> Result<Response, DnsError> {
    let m = Msg { buf };
    if buf.len() < 12 {
        return Err(DnsError::Malformed("shorter than a header".into()));
    }
    if m.u16(0)? != id {
        return Err(DnsError::Malformed("answer to another query".into()));
    }
    let flags = m.u16(2)?;
    if flags & 0x8000 == 0 {
        return Err(DnsError::Malformed("not a response".into()));
    }
    let truncated = flags & 0x0200 != 0;
    let rcode = (flags & 0x000f) as u8;
    if rcode != 0 {
        return Err(DnsError::Rcode(rcode));
    }
    let (qd, an, ns, ar) = (m.u16(4)?, m.u16(6)?, m.u16(8)?, m.u16(10)?);
    let mut at = 12;
    if qd != 1 {
        return Err(DnsError::Malformed(format!("{qd} questions")));
    }
    let (qname, next) = m.name(at)?;
    if !qname.eq_ignore_ascii_case(name.trim_end_matches('.')) || m.u16(next)? != qtype {
        return Err(DnsError::Malformed("answer to another question".into()));
    }
    at = next + 4;
    let mut resp = Response {
        truncated,
        ..Response::default()
    };
    // Every record is at least 11 bytes: counts beyond that are lies, not allocations.
    let max = buf.len() / 11;
    for (section, count) in [(0, an), (1, ns), (2, ar)] {
        for _ in 0..usize::from(count).min(max) {
            if truncated && at >= buf.len() {
                break;
            }
            let (rec, next) = m.record(at)?;
            at = next;
            match section {
                0 => resp.answers.push(rec),
                2 => resp.additional.push(rec),
                _ => {}
            }
        }
    }
    Ok(resp)
}

/// Ask `server` about `name`/`qtype`, within `timeout`.
pub fn query(
    server: SocketAddr,
    name: &str,
    qtype: u16,
    timeout: Duration,
) -> Result<Response, DnsError> {
    let mut idb = [0u8; 2];
    getrandom::fill(&mut idb).map_err(|e| DnsError::Io(e.to_string()))?;
    let id = u16::from_be_bytes(idb);
    let q = encode_query(id, name, qtype)?;
    let deadline = Instant::now() + timeout;
    let left = || {
        deadline
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
            .ok_or(DnsError::Timeout)
    };
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => DnsError::Timeout,
        _ => DnsError::Io(format!("{server}: {e}")),
    };
    let bind: SocketAddr = if server.is_ipv4() {
        (Ipv4Addr::UNSPECIFIED, 0).into()
    } else {
        (Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let sock = UdpSocket::bind(bind).map_err(io)?;
    sock.connect(server).map_err(io)?;
    sock.send(&q).map_err(io)?;
    let mut buf = vec![0u8; 4096];
    let resp = loop {
        sock.set_read_timeout(Some(left()?)).map_err(io)?;
        let n = sock.recv(&mut buf).map_err(io)?;
        match parse_response(&buf[..n], id, name, qtype) {
            // A stray datagram for another query: keep waiting for ours.
            Err(DnsError::Malformed(m)) if m.starts_with("answer to another") => continue,
            r => break r?,
        }
    };
    if !resp.truncated {
        return Ok(resp);
    }
    // Truncated: the same question over TCP.
    let mut tcp = TcpStream::connect_timeout(&server, left()?).map_err(io)?;
    tcp.set_write_timeout(Some(left()?)).map_err(io)?;
    let mut framed = (q.len() as u16).to_be_bytes().to_vec();
    framed.extend(&q);
    tcp.write_all(&framed).map_err(io)?;
    tcp.set_read_timeout(Some(left()?)).map_err(io)?;
    let mut len = [0u8; 2];
    tcp.read_exact(&mut len).map_err(io)?;
    let mut msg = vec![0u8; usize::from(u16::from_be_bytes(len))];
    tcp.set_read_timeout(Some(left()?)).map_err(io)?;
    tcp.read_exact(&mut msg).map_err(io)?;
    parse_response(&msg, id, name, qtype)
}

/// The SRV records of `name`, best first (priority ascending, then weight descending).
pub fn srv(server: SocketAddr, name: &str, timeout: Duration) -> Result<Response, DnsError> {
    let mut resp = query(server, name, TYPE_SRV, timeout)?;
    resp.answers.sort_by_key(|r| match &r.data {
        RData::Srv(s) => (s.priority, u16::MAX - s.weight),
        _ => (u16::MAX, u16::MAX),
    });
    Ok(resp)
}

/// The IPv4 and IPv6 addresses of `host` (A first, then AAAA), from `server`.
pub fn addresses(
    server: SocketAddr,
    host: &str,
    timeout: Duration,
) -> Result<Vec<IpAddr>, DnsError> {
    let started = Instant::now();
    let mut out = Vec::new();
    let mut last_err = None;
    for qtype in [TYPE_A, TYPE_AAAA] {
        let left = timeout.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        match query(server, host, qtype, left) {
            Ok(r) => out.extend(r.answers.iter().filter_map(|rec| match rec.data {
                RData::A(a) => Some(IpAddr::V4(a)),
                RData::Aaaa(a) => Some(IpAddr::V6(a)),
                _ => None,
            })),
            Err(e) => last_err = Some(e),
        }
        if !out.is_empty() {
            break;
        }
    }
    match (out.is_empty(), last_err) {
        (true, Some(e)) => Err(e),
        _ => Ok(out),
    }
}

/// The first `nameserver` of `/etc/resolv.conf`, port 53.
pub fn system_resolver() -> Option<SocketAddr> {
    let text =
        crate::ccache::read_bounded(std::path::Path::new("/etc/resolv.conf"), 1 << 16).ok()?;
    String::from_utf8_lossy(&text).lines().find_map(|l| {
        let mut words = l.split_whitespace();
        (words.next()? == "nameserver")
            .then(|| words.next()?.split('%').next()?.parse::<IpAddr>().ok())
            .flatten()
            .map(|ip| SocketAddr::new(ip, 53))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer the lab DC (Samba's internal DNS) gives for `_kerberos._tcp.LAB.EXAMPLE`:
    /// one SRV record (0 100 88 dc1.lab.example) and an SOA in the authority section.
    const SAMBA_SRV: &str = "f96685000001000100010000095f6b65726265726f73045f746370034c4142074558414d504c450000210001c00c0021000100000384001700000064005803646331036c6162076578616d706c6500c0420006000100000e100023c03e0a686f73746d6173746572c0420000000100000384000002580001518000000e10";

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn reads_a_samba_srv_answer() {
        let msg = unhex(SAMBA_SRV);
        let r = parse_response(&msg, 0xf966, "_kerberos._tcp.LAB.EXAMPLE", TYPE_SRV).unwrap();
        assert_eq!(
            r.answers,
            vec![Record {
                name: "_kerberos._tcp.LAB.EXAMPLE".into(),
                data: RData::Srv(Srv {
                    priority: 0,
                    weight: 100,
                    port: 88,
                    target: "dc1.lab.example".into()
                })
            }]
        );
        assert!(!r.truncated);
        // Another id or another question is not our answer.
        assert!(parse_response(&msg, 1, "_kerberos._tcp.LAB.EXAMPLE", TYPE_SRV).is_err());
        assert!(parse_response(&msg, 0xf966, "_kerberos._udp.LAB.EXAMPLE", TYPE_SRV).is_err());
        for n in 0..msg.len() {
            assert!(
                parse_response(&msg[..n], 0xf966, "_kerberos._tcp.LAB.EXAMPLE", TYPE_SRV).is_err()
            );
        }
    }

    #[test]
    fn pointer_loops_and_forward_pointers_are_refused() {
        let mut q = encode_query(7, "a.b", TYPE_A).unwrap();
        q[2] |= 0x80; // a response
        q[7] = 1; // one answer
        // An answer whose name points at itself.
        let at = q.len();
        q.extend([0xc0 | (at >> 8) as u8, at as u8]);
        q.extend([0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]);
        let e = parse_response(&q, 7, "a.b", TYPE_A).unwrap_err();
        assert!(matches!(e, DnsError::Malformed(_)), "{e:?}");
        assert!(encode_query(1, "", TYPE_A).is_err());
        assert!(encode_query(1, &"x".repeat(64), TYPE_A).is_err());
    }

    #[test]
    fn nxdomain_is_an_rcode() {
        let mut q = encode_query(9, "nothing.example", TYPE_SRV).unwrap();
        q[2] |= 0x80;
        q[3] |= 3;
        assert_eq!(
            parse_response(&q, 9, "nothing.example", TYPE_SRV),
            Err(DnsError::Rcode(3))
        );
    }

    #[test]
    fn silent_resolver_times_out() {
        let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
        let started = Instant::now();
        let e = query(
            silent.local_addr().unwrap(),
            "x.example",
            TYPE_A,
            Duration::from_millis(300),
        )
        .unwrap_err();
        assert_eq!(e, DnsError::Timeout);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
