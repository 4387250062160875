//! Finding the KDC of a realm, in MIT's order (`krb5_locate_kdc`; [MS-KILE] 3.1.5.1 for the
//! DNS form Windows uses):
//!
//! 1. [`AuthOptions::kdc`]: an address literal, or a host name;
//! 2. the realm's `kdc = host[:port]` lines in krb5.conf ([`crate::krb5conf`]);
//! 3. DNS SRV `_kerberos._tcp.REALM` (RFC 4120 7.2.3.2, RFC 2782), unless krb5.conf says
//!    `dns_lookup_kdc = false` and no DNS server was configured.
//!
//! Host names (of step 1 and 2, and SRV targets without an address in the answer) are resolved
//! through [`Discovery::dns_server`] when it is set ([`crate::dns`], so the host's resolver is
//! never asked), else through the host's resolver on a helper thread bounded by
//! [`AuthOptions::timeout`]. Only TCP is used, so krb5.conf entries marked `udp/` are skipped.
//! Every step runs at most once per security context, on the thread that runs its first
//! `step` (a blocking thread for async callers), and is logged at DEBUG with what it found.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::time::Duration;

use crate::AuthError;
use crate::dns;
use crate::kdc_client::KDC_PORT;
use crate::krb5conf::Krb5Conf;
use crate::options::{AuthOptions, Discovery};

/// Most KDC addresses kept (each is tried in turn when the one before does not answer).
pub const MAX_KDCS: usize = 4;

/// Where the KDC addresses came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// [`AuthOptions::kdc`].
    Option,
    /// krb5.conf's `kdc` lines.
    Krb5Conf,
    /// DNS SRV `_kerberos._tcp.REALM`.
    DnsSrv,
}

/// The KDCs of a realm, in the order to try them.
#[derive(Debug, Clone)]
pub struct Located {
    /// Addresses (at most [`MAX_KDCS`]).
    pub addrs: Vec<SocketAddr>,
    /// How they were found.
    pub source: Source,
}

/// A `kdc` value split into host and port: `host`, `host:port`, `[v6]`, `[v6]:port`, a bare
/// IPv6 literal, optionally prefixed by `tcp/` (kept) or `udp/` (`None`: not for TCP).
pub fn parse_kdc_spec(spec: &str) -> Result<Option<(String, u16)>, AuthError> {
    let spec = spec.trim();
    let spec = match spec.split_once('/') {
        Some(("udp", _)) => return Ok(None),
        Some(("tcp", rest)) => rest,
        Some(_) => {
            return Err(AuthError::Usage(format!(
                "KDC {spec:?}: expected host[:port], optionally after tcp/"
            )));
        }
        None => spec,
    };
    let bad = || AuthError::Usage(format!("KDC {spec:?} is not host[:port]"));
    if let Ok(ip) = spec.parse::<IpAddr>() {
        return Ok(Some((ip.to_string(), KDC_PORT)));
    }
    let (host, port) = if let Some(rest) = spec.strip_prefix('[') {
        let (host, after) = rest.split_once(']').ok_or_else(bad)?;
        match after.strip_prefix(':') {
            Some(p) => (host, Some(p)),
            None if after.is_empty() => (host, None),
            None => return Err(bad()),
        }
    } else {
        match spec.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (spec, None),
        }
    };
    let port = match port {
        Some(p) => p.parse::<u16>().ok().filter(|&p| p != 0).ok_or_else(bad)?,
        None => KDC_PORT,
    };
    let valid_name = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if host.parse::<IpAddr>().is_err() && !valid_name {
        return Err(bad());
    }
    Ok(Some((host.trim_end_matches('.').to_owned(), port)))
}

/// Resolve `host` to addresses on `port` as the options say.
fn resolve(
    host: &str,
    port: u16,
    d: &Discovery,
    timeout: Duration,
) -> Result<Vec<SocketAddr>, String> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let ips = match d.dns_server {
        Some(server) => dns::addresses(server, host, timeout)
            .map_err(|e| format!("{host}: DNS server {server}: {e}"))?,
        None => host_resolver(host, timeout)?,
    };
    if ips.is_empty() {
        return Err(format!("{host} has no address"));
    }
    Ok(ips
        .into_iter()
        .map(|ip| SocketAddr::new(ip, port))
        .collect())
}

/// The host's resolver (getaddrinfo), on a helper thread so that a stuck resolver costs at most
/// `timeout`.
fn host_resolver(host: &str, timeout: Duration) -> Result<Vec<IpAddr>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let name = host.to_owned();
    std::thread::Builder::new()
        .name("netapi-kdc-resolve".into())
        .spawn(move || {
            let r = (name.as_str(), 0u16)
                .to_socket_addrs()
                .map(|a| a.map(|s| s.ip()).collect::<Vec<_>>());
            let _ = tx.send(r);
        })
        .map_err(|e| format!("{host}: cannot start a resolver thread: {e}"))?;
    match rx.recv_timeout(timeout) {
        Ok(Ok(ips)) => Ok(ips),
        Ok(Err(e)) => Err(format!("{host}: {e}")),
        Err(_) => Err(format!(
            "{host}: the host resolver did not answer within {timeout:?}"
        )),
    }
}

/// Find the KDCs of `realm`.
pub fn locate(realm: &str, opts: &AuthOptions) -> Result<Located, AuthError> {
    let d = &opts.discovery;
    let t = opts.timeout;
    let cap = |mut v: Vec<SocketAddr>| {
        v.dedup();
        v.truncate(MAX_KDCS);
        v
    };
    if let Some(spec) = &opts.kdc {
        let (host, port) = parse_kdc_spec(spec)?
            .ok_or_else(|| AuthError::Usage(format!("KDC {spec:?}: only TCP is supported")))?;
        let addrs = resolve(&host, port, d, t).map_err(|e| AuthError::Kdc(format!("KDC {e}")))?;
        tracing::debug!(target: "netapi_auth::kdc", %realm, ?addrs, "KDC from the options");
        return Ok(Located {
            addrs: cap(addrs),
            source: Source::Option,
        });
    }
    let conf = match &d.krb5_config {
        Some(files) => Krb5Conf::load(files),
        None => Krb5Conf::from_env(),
    };
    let mut problems = Vec::new();
    let mut addrs = Vec::new();
    for spec in conf.realm_values(realm, "kdc") {
        match parse_kdc_spec(spec) {
            Ok(Some((host, port))) => match resolve(&host, port, d, t) {
                Ok(a) => addrs.extend(a),
                Err(e) => problems.push(format!("krb5.conf kdc {e}")),
            },
            Ok(None) => {}
            Err(e) => problems.push(format!("krb5.conf: {e}")),
        }
    }
    if !addrs.is_empty() {
        tracing::debug!(target: "netapi_auth::kdc", %realm, ?addrs, files = ?conf.files, "KDC from krb5.conf");
        return Ok(Located {
            addrs: cap(addrs),
            source: Source::Krb5Conf,
        });
    }
    if conf.files.is_empty() {
        problems.push("no krb5.conf was read".to_owned());
    } else if problems.is_empty() {
        problems.push(format!(
            "krb5.conf ({}) names no kdc for {realm}",
            conf.files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let ask_dns = d.dns_server.is_some()
        || d.dns_srv
            .unwrap_or_else(|| conf.libdefault_bool("dns_lookup_kdc").unwrap_or(true));
    if ask_dns {
        match srv(realm, d, t) {
            Ok(a) if !a.is_empty() => {
                tracing::debug!(target: "netapi_auth::kdc", %realm, addrs = ?a, "KDC from DNS SRV");
                return Ok(Located {
                    addrs: cap(a),
                    source: Source::DnsSrv,
                });
            }
            Ok(_) => problems.push(format!("DNS SRV _kerberos._tcp.{realm}: no usable record")),
            Err(e) => problems.push(format!("DNS SRV _kerberos._tcp.{realm}: {e}")),
        }
    } else {
        problems.push("DNS lookups are off (dns_lookup_kdc = false)".to_owned());
    }
    Err(AuthError::Kdc(format!(
        "no KDC found for realm {realm}: {}; give one with --kdc (AuthOptions::kdc)",
        problems.join("; ")
    )))
}

fn srv(realm: &str, d: &Discovery, t: Duration) -> Result<Vec<SocketAddr>, String> {
    let server = d
        .dns_server
        .or_else(dns::system_resolver)
        .ok_or("no DNS server (none configured, none in /etc/resolv.conf)")?;
    let name = format!("_kerberos._tcp.{realm}");
    let resp = dns::srv(server, &name, t).map_err(|e| format!("{server}: {e}"))?;
    let mut out = Vec::new();
    for rec in &resp.answers {
        let dns::RData::Srv(s) = &rec.data else {
            continue;
        };
        // RFC 2782: a target of "." means the service is not offered.
        if s.target.is_empty() || s.target == "." {
            continue;
        }
        let glued: Vec<SocketAddr> = resp
            .additional
            .iter()
            .filter(|r| r.name.eq_ignore_ascii_case(&s.target))
            .filter_map(|r| match r.data {
                dns::RData::A(a) => Some(SocketAddr::new(IpAddr::V4(a), s.port)),
                dns::RData::Aaaa(a) => Some(SocketAddr::new(IpAddr::V6(a), s.port)),
                _ => None,
            })
            .collect();
        if !glued.is_empty() {
            out.extend(glued);
        } else {
            match dns::addresses(server, &s.target, t) {
                Ok(ips) => out.extend(ips.into_iter().map(|ip| SocketAddr::new(ip, s.port))),
                Err(e) => {
                    tracing::debug!(target: "netapi_auth::kdc", target = %s.target, error = %e, "SRV target has no address")
                }
            }
        }
        if out.len() >= MAX_KDCS {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kdc_specs() {
        let p = |s| parse_kdc_spec(s).unwrap();
        assert_eq!(p("127.0.0.3"), Some(("127.0.0.3".into(), 88)));
        assert_eq!(p("127.0.0.3:1088"), Some(("127.0.0.3".into(), 1088)));
        assert_eq!(p("dc1.lab.example"), Some(("dc1.lab.example".into(), 88)));
        assert_eq!(
            p("tcp/dc1.lab.example.:750"),
            Some(("dc1.lab.example".into(), 750))
        );
        assert_eq!(p("udp/dc1.lab.example"), None);
        assert_eq!(p("::1"), Some(("::1".into(), 88)));
        assert_eq!(p("[::1]:89"), Some(("::1".into(), 89)));
        assert_eq!(p("[::1]"), Some(("::1".into(), 88)));
        for bad in ["", "host:0", "host:x", "[::1", "a b", "http/x", "x:88:88"] {
            assert!(parse_kdc_spec(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn options_then_krb5_conf_then_nothing() {
        let dir = std::env::temp_dir().join(format!("netapi-locate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let conf = dir.join("krb5.conf");
        std::fs::write(
            &conf,
            "[libdefaults]\n dns_lookup_kdc = false\n[realms]\n R.EXAMPLE = {\n  kdc = udp/10.9.9.9\n  kdc = 10.0.0.7:1088\n  kdc = 10.0.0.8\n }\n",
        )
        .unwrap();
        let mut opts = AuthOptions::default();
        opts.discovery.krb5_config = Some(vec![conf.clone()]);
        let l = locate("R.EXAMPLE", &opts).unwrap();
        assert_eq!(l.source, Source::Krb5Conf);
        assert_eq!(
            l.addrs,
            vec![
                "10.0.0.7:1088".parse().unwrap(),
                "10.0.0.8:88".parse().unwrap()
            ]
        );
        opts.kdc = Some("[::1]:99".into());
        let l = locate("R.EXAMPLE", &opts).unwrap();
        assert_eq!(
            (l.source, l.addrs),
            (Source::Option, vec!["[::1]:99".parse().unwrap()])
        );
        // Another realm: krb5.conf has nothing, DNS is off there.
        opts.kdc = None;
        let e = locate("OTHER.EXAMPLE", &opts).unwrap_err();
        let text = e.to_string();
        assert!(matches!(e, AuthError::Kdc(_)), "{e:?}");
        assert!(
            text.contains("names no kdc") && text.contains("dns_lookup_kdc"),
            "{text}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_silent_dns_server_fails_within_the_timeout() {
        let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let mut opts = AuthOptions {
            timeout: Duration::from_millis(300),
            ..AuthOptions::default()
        };
        opts.discovery.krb5_config = Some(vec![]);
        opts.discovery.dns_server = Some(silent.local_addr().unwrap());
        let started = std::time::Instant::now();
        let e = locate("R.EXAMPLE", &opts).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(e.to_string().contains("no answer"), "{e}");
        opts.kdc = Some("kdc.r.example".into());
        let e = locate("R.EXAMPLE", &opts).unwrap_err();
        assert!(matches!(e, AuthError::Kdc(_)), "{e:?}");
    }
}
