//! From connection options to a [`netapi::Client`]: user and domain (every form Windows and
//! Samba tools accept), the secret (option, environment, standard input, Samba's authentication
//! file, terminal prompt, a Kerberos ticket cache or keytab, or none for a null session),
//! authentication, KDC discovery, transport and SMB policy.
//!
//! Everything here runs before anything is sent, so a missing server or password is a usage
//! error (exit 2) and never a half-made connection. The secret goes straight into
//! [`Credentials`] (zeroized on drop) and is never logged; so do the lines of an authentication
//! file, which is refused when group or others may read it.

use std::io::{BufRead, IsTerminal, Read};
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::time::Duration;

use netapi::options::{
    AuthOptions, Credentials, EncryptionPolicy, Mechanism, SigningPolicy, split_user_name,
};
use netapi::{Client, Options, Transport};
use zeroize::Zeroizing;

use crate::CliError;
use crate::args::{Connection, TransportArg};

/// Where a missing password may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Ask on the terminal (no echo).
    Terminal,
    /// No terminal: a missing password is a usage error.
    Never,
}

impl Prompt {
    /// [`Prompt::Terminal`] when stdin is a terminal. (Not just "a controlling terminal
    /// exists": a script with redirected stdin must not stop and wait for a password.)
    pub fn detect() -> Self {
        if std::io::stdin().is_terminal() {
            Prompt::Terminal
        } else {
            Prompt::Never
        }
    }
}

/// What Samba's authentication file (`smbclient -A`) says: `username = `, `password = `,
/// `domain = ` lines (`workgroup` is taken as the domain too; other lines are ignored, as
/// Samba does).
#[derive(Default)]
pub struct AuthFile {
    /// `username`.
    pub username: Option<String>,
    /// `password` (zeroized on drop).
    pub password: Option<Zeroizing<String>>,
    /// `domain` (or `workgroup`).
    pub domain: Option<String>,
}

impl std::fmt::Debug for AuthFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthFile")
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("domain", &self.domain)
            .finish()
    }
}

/// Largest authentication file read.
const MAX_AUTH_FILE: u64 = 64 * 1024;

impl AuthFile {
    /// Parse the text of an authentication file. Values are trimmed; a password keeps inner
    /// spaces and `=` signs.
    pub fn parse(text: &str) -> AuthFile {
        let mut f = AuthFile::default();
        for line in text.lines() {
            let line = line.trim_start();
            if line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let value = value.trim();
            match key.trim().to_ascii_lowercase().as_str() {
                "username" => f.username = Some(value.to_owned()),
                "password" => f.password = Some(Zeroizing::new(value.to_owned())),
                "domain" | "workgroup" => f.domain = Some(value.to_owned()),
                _ => {}
            }
        }
        f
    }

    /// Read `path`, refusing a file that group or others may read (it holds a password), and
    /// one larger than 64 KiB.
    pub fn load(path: &Path) -> Result<AuthFile, CliError> {
        let shown = path.display();
        let file = std::fs::File::open(path)
            .map_err(|e| CliError::usage(format!("authentication file {shown}: {e}")))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = file
                .metadata()
                .map_err(|e| CliError::usage(format!("authentication file {shown}: {e}")))?
                .permissions()
                .mode();
            if mode & 0o044 != 0 {
                return Err(CliError::usage(format!(
                    "authentication file {shown} may be read by group or others (mode {:o}); \
                     it holds a password: chmod 600 {shown}",
                    mode & 0o777
                )));
            }
        }
        let mut bytes = Zeroizing::new(Vec::new());
        file.take(MAX_AUTH_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::usage(format!("authentication file {shown}: {e}")))?;
        if bytes.len() as u64 > MAX_AUTH_FILE {
            return Err(CliError::usage(format!(
                "authentication file {shown} is larger than 64 KiB"
            )));
        }
        let text = std::str::from_utf8(&bytes).map_err(|_| {
            CliError::usage(format!("authentication file {shown} is not UTF-8 text"))
        })?;
        Ok(AuthFile::parse(text))
    }
}

/// The credentials the options describe; prompts for a missing password if `prompt` allows.
pub fn credentials(conn: &Connection, prompt: Prompt) -> Result<Credentials, CliError> {
    credentials_from(conn, prompt, &mut std::io::stdin().lock())
}

/// [`credentials`] with `stdin` as the source of `--password-stdin`.
pub fn credentials_from(
    conn: &Connection,
    prompt: Prompt,
    stdin: &mut dyn BufRead,
) -> Result<Credentials, CliError> {
    if conn.anonymous {
        return Ok(Credentials::anonymous());
    }
    let file = match &conn.authentication_file {
        Some(p) => AuthFile::load(p)?,
        None => AuthFile::default(),
    };
    let given_user = conn
        .user
        .as_deref()
        .or(file.username.as_deref())
        .filter(|u| !u.trim().is_empty());
    let name = given_user
        .map(|u| split_user_name(u).map_err(|e| CliError::usage(format!("--user: {e}"))))
        .transpose()?;
    // The domain written into the user name is the more specific statement; it wins over
    // --domain / NETAPI_DOMAIN / the file's domain. A UPN carries its own (none for NTLM).
    let domain = match &name {
        Some(n) if n.upn => String::new(),
        Some(n) => n
            .domain
            .clone()
            .or_else(|| conn.domain.clone())
            .or_else(|| file.domain.clone())
            .unwrap_or_default(),
        None => conn
            .domain
            .clone()
            .or_else(|| file.domain.clone())
            .unwrap_or_default(),
    };
    if let Some(path) = &conn.keytab {
        let Some(n) = &name else {
            return Err(CliError::usage(
                "--keytab needs --user with the principal, e.g. --user svc@REALM",
            ));
        };
        return Ok(Credentials::keytab(&domain, &n.user, path));
    }
    let password_given = conn.password.is_some()
        || conn.password_stdin
        || conn.nt_hash.is_some()
        || file.password.is_some();
    if conn.kerberos && !password_given {
        let creds = Credentials::ticket_cache(None);
        if let (Some(n), false) = (&name, creds.user().is_empty()) {
            let wanted = n.user.split('@').next().unwrap_or_default();
            if !wanted.eq_ignore_ascii_case(creds.user()) {
                return Err(CliError::usage(format!(
                    "the ticket cache {} holds tickets of {}@{}, not of {}; kinit as that user, \
                     point KRB5CCNAME at its cache, or leave --user out",
                    creds.ticket_cache_name().unwrap_or_default(),
                    creds.user(),
                    creds.domain(),
                    n.user
                )));
            }
        }
        return Ok(creds);
    }
    let Some(name) = name else {
        return Err(CliError::usage(
            "no user: give --user [DOMAIN\\]USER (or USER@DNS.DOMAIN), -A FILE or NETAPI_USER; \
             --kerberos uses the ticket cache, --anonymous a null session",
        ));
    };
    let user = name.user.as_str();
    if let Some(hash) = &conn.nt_hash {
        return Credentials::nt_hash(&domain, user, hash)
            .map_err(|e| CliError::usage(format!("--nt-hash: {e}")));
    }
    if let Some(password) = &conn.password {
        return Ok(Credentials::password(&domain, user, password));
    }
    if conn.password_stdin {
        let mut line = Zeroizing::new(String::new());
        stdin
            .read_line(&mut line)
            .map_err(|e| CliError::usage(format!("--password-stdin: {e}")))?;
        let password = line.trim_end_matches(['\n', '\r']);
        if password.is_empty() {
            return Err(CliError::usage(
                "--password-stdin: standard input is empty (the password goes on its first line)",
            ));
        }
        return Ok(Credentials::password(&domain, user, password));
    }
    if let Some(password) = &file.password {
        return Ok(Credentials::password(&domain, user, password));
    }
    match prompt {
        Prompt::Never => Err(CliError::usage(
            "no password: give --password-stdin, -A FILE, --nt-hash, --password or NETAPI_PASSWORD \
             (there is no terminal to ask on), or --kerberos for the ticket cache",
        )),
        Prompt::Terminal => {
            let shown = if domain.is_empty() {
                user.to_string()
            } else {
                format!("{domain}\\{user}")
            };
            let password = Zeroizing::new(
                rpassword::prompt_password(format!("Password for {shown}: ")).map_err(|e| {
                    CliError::usage(format!("cannot read the password from the terminal: {e}"))
                })?,
            );
            Ok(Credentials::password(&domain, user, &password))
        }
    }
}

/// `IP[:port]` of a DNS server (port 53 by default).
pub fn parse_dns_server(s: &str) -> Result<SocketAddr, CliError> {
    let s = s.trim();
    if let Ok(a) = s.parse::<SocketAddr>() {
        return Ok(a);
    }
    let bare = s.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<IpAddr>()
        .map(|ip| SocketAddr::new(ip, 53))
        .map_err(|_| CliError::usage(format!("--dns-server {s:?} is not IP[:port]")))
}

/// Library options for `credentials` and the connection options.
pub fn options(conn: &Connection, credentials: Credentials) -> Options {
    let mut opts = Options::new(credentials);
    opts.transport = match conn.transport {
        TransportArg::Pipe => Transport::NamedPipe,
        TransportArg::Tcp => Transport::Tcp,
    };
    let smb = &mut opts.smb;
    if let Some(d) = conn.min_dialect {
        smb.min_dialect = d;
    }
    if let Some(d) = conn.max_dialect {
        smb.max_dialect = d;
    }
    if conn.require_signing {
        smb.signing = SigningPolicy::Required;
    }
    if conn.encrypt {
        smb.encryption = EncryptionPolicy::Required;
    }
    if let Some(secs) = conn.timeout {
        let t = Duration::from_secs(secs);
        smb.connect_timeout = t;
        smb.response_timeout = t;
        // A server that said STATUS_PENDING is working; give it at least as long as before.
        smb.async_timeout = smb.async_timeout.max(t);
        smb.auth.timeout = t;
        opts.tcp_timeout = t;
    }
    let mut auth = AuthOptions {
        mechanism: if conn.kerberos || conn.keytab.is_some() {
            Mechanism::Kerberos
        } else {
            Mechanism::Negotiate
        },
        kdc: conn.kdc.clone(),
        realm: conn.realm.clone(),
        target_host: conn.target_host.clone(),
        ..smb.auth.clone()
    };
    // Checked in `client` before anything is sent.
    auth.discovery.dns_server = conn
        .dns_server
        .as_deref()
        .and_then(|s| parse_dns_server(s).ok());
    smb.auth = auth;
    opts.dump_stubs = conn.dump_stubs.clone();
    opts
}

/// A client for the server the options name.
pub fn client(conn: &Connection, prompt: Prompt) -> Result<Client, CliError> {
    let Some(server) = conn.server.as_deref() else {
        return Err(CliError::usage(
            "no server: give --server HOST or set NETAPI_SERVER",
        ));
    };
    if let (Some(min), Some(max)) = (conn.min_dialect, conn.max_dialect)
        && min.0 > max.0
    {
        return Err(CliError::usage(format!(
            "--min-dialect {} is above --max-dialect {}",
            min.as_str(),
            max.as_str()
        )));
    }
    // The server name is checked (2351) before the password is asked for.
    netapi::parse_server_name(server)?;
    if let Some(d) = &conn.dns_server {
        parse_dns_server(d)?;
    }
    if let Some(k) = &conn.kdc {
        match netapi::options::locate::parse_kdc_spec(k) {
            Ok(Some(_)) => {}
            Ok(None) => return Err(CliError::usage("--kdc: only TCP is supported")),
            Err(e) => return Err(CliError::usage(format!("--kdc: {e}"))),
        }
    }
    let credentials = credentials(conn, prompt)?;
    tracing::info!(
        server,
        user = credentials.user(),
        domain = credentials.domain(),
        secret = credentials.kind(),
        ticket_cache = credentials.ticket_cache_name(),
        transport = ?conn.transport,
        kerberos = conn.kerberos,
        kdc = conn.kdc.as_deref(),
        target_host = conn.target_host.as_deref(),
        "connecting"
    );
    Ok(Client::new(server, options(conn, credentials))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn(user: &str) -> Connection {
        Connection {
            server: Some("h".into()),
            user: Some(user.into()),
            ..Connection::default()
        }
    }

    fn creds(c: &Connection) -> Result<Credentials, CliError> {
        credentials_from(c, Prompt::Never, &mut std::io::empty())
    }

    #[test]
    fn domain_comes_from_the_user_name_first() {
        let mut c = conn("LAB\\bob");
        c.domain = Some("OTHER".into());
        c.password = Some("pw".into());
        let cred = creds(&c).unwrap();
        assert_eq!((cred.domain(), cred.user()), ("LAB", "bob"));
        c.user = Some("LAB/bob".into());
        let cred = creds(&c).unwrap();
        assert_eq!((cred.domain(), cred.user()), ("LAB", "bob"));
        // A UPN is sent whole with no domain (NTLM), whatever --domain says.
        c.user = Some("bob@lab.example".into());
        let cred = creds(&c).unwrap();
        assert_eq!((cred.domain(), cred.user()), ("", "bob@lab.example"));
        let mut c = conn("bob");
        c.domain = Some("OTHER".into());
        c.password = Some("pw".into());
        assert_eq!(creds(&c).unwrap().domain(), "OTHER");
    }

    #[test]
    fn missing_secrets_are_usage_errors_without_a_terminal() {
        let e = creds(&conn("bob")).unwrap_err();
        assert!(matches!(e, CliError::Usage(ref m) if m.contains("no password")));
        let mut c = conn("bob");
        c.nt_hash = Some("zz".into());
        assert!(matches!(creds(&c), Err(CliError::Usage(_))));
        c.nt_hash = Some("8846F7EAEE8FB117AD06BDD830B7586C".into());
        assert!(creds(&c).unwrap().is_nt_hash());
        assert!(matches!(creds(&conn("LAB\\")), Err(CliError::Usage(_))));
        assert!(matches!(creds(&conn("a\\b\\c")), Err(CliError::Usage(_))));
    }

    #[test]
    fn password_from_stdin_takes_the_first_line_only() {
        let mut c = conn("bob");
        c.password_stdin = true;
        let mut input = &b"s3cret pass\r\nsecond line\n"[..];
        let cred = credentials_from(&c, Prompt::Never, &mut input).unwrap();
        assert_eq!(cred.kind(), "password");
        let mut same = conn("bob");
        same.password = Some("s3cret pass".into());
        assert_eq!(cred.fingerprint(), creds(&same).unwrap().fingerprint());
        let e = credentials_from(&c, Prompt::Never, &mut &b""[..]).unwrap_err();
        assert!(matches!(e, CliError::Usage(ref m) if m.contains("standard input is empty")));
    }

    #[test]
    fn kerberos_without_a_password_is_the_ticket_cache_and_keytabs_need_a_principal() {
        let mut c = Connection {
            server: Some("h".into()),
            kerberos: true,
            ..Connection::default()
        };
        let cred = creds(&c).unwrap();
        assert_eq!(cred.kind(), "ticket-cache");
        c.password = Some("pw".into());
        c.user = Some("bob".into());
        assert_eq!(creds(&c).unwrap().kind(), "password");
        let mut k = Connection {
            server: Some("h".into()),
            keytab: Some("/etc/krb5.keytab".into()),
            ..Connection::default()
        };
        assert!(matches!(creds(&k), Err(CliError::Usage(ref m)) if m.contains("principal")));
        k.user = Some("svc@LAB.EXAMPLE".into());
        let cred = creds(&k).unwrap();
        assert_eq!(
            (cred.kind(), cred.domain(), cred.user()),
            ("keytab", "LAB.EXAMPLE", "svc")
        );
        let a = Connection {
            anonymous: true,
            user: Some("ignored".into()),
            ..Connection::default()
        };
        assert!(creds(&a).unwrap().is_anonymous());
    }

    #[test]
    fn authentication_files_parse_and_must_be_private() {
        let f = AuthFile::parse(
            "# comment\nusername = LAB\\bob\npassword =  p = w  \ndomain=IGNORED\nother = x\n",
        );
        assert_eq!(f.username.as_deref(), Some("LAB\\bob"));
        assert_eq!(f.password.as_deref().map(String::as_str), Some("p = w"));
        assert!(!format!("{f:?}").contains("p = w"));
        let dir = std::env::temp_dir().join(format!("netapi-authfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("auth");
        std::fs::write(&path, "username = bob\npassword = pw\ndomain = LAB\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let e = AuthFile::load(&path).unwrap_err();
            assert!(
                matches!(e, CliError::Usage(ref m) if m.contains("chmod 600")),
                "{e:?}"
            );
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let c = Connection {
            server: Some("h".into()),
            authentication_file: Some(path.clone()),
            ..Connection::default()
        };
        let cred = creds(&c).unwrap();
        assert_eq!(
            (cred.domain(), cred.user(), cred.kind()),
            ("LAB", "bob", "password")
        );
        // An option given as well wins over the file.
        let c = Connection {
            user: Some("alice".into()),
            ..c
        };
        assert_eq!(creds(&c).unwrap().user(), "alice");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn options_follow_the_flags() {
        let mut c = conn("bob");
        c.kerberos = true;
        c.kdc = Some("127.0.0.3".into());
        c.target_host = Some("dc1.lab.example".into());
        c.timeout = Some(5);
        c.encrypt = true;
        c.transport = TransportArg::Tcp;
        c.dns_server = Some("127.0.0.3".into());
        let o = options(&c, Credentials::password("", "bob", "pw"));
        assert_eq!(o.smb.auth.mechanism, Mechanism::Kerberos);
        assert_eq!(
            o.smb.auth.discovery.dns_server,
            Some("127.0.0.3:53".parse().unwrap())
        );
        assert!(parse_dns_server("[::1]:5353").is_ok());
        assert!(parse_dns_server("dns.example").is_err());
        assert_eq!(o.smb.auth.target_host.as_deref(), Some("dc1.lab.example"));
        assert_eq!(o.smb.auth.timeout, Duration::from_secs(5));
        assert_eq!(o.smb.response_timeout, Duration::from_secs(5));
        assert_eq!(o.smb.encryption, EncryptionPolicy::Required);
        assert_eq!(o.transport, Transport::Tcp);
    }
}
