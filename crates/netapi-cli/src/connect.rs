//! From connection options to a [`netapi::Client`]: user and domain, the secret (option,
//! environment or terminal prompt), authentication, transport and SMB policy.
//!
//! Everything here runs before anything is sent, so a missing server or password is a usage
//! error (exit 2) and never a half-made connection. The secret goes straight into
//! [`Credentials`] (zeroized on drop) and is never logged.

use std::io::IsTerminal;
use std::time::Duration;

use netapi::options::{AuthOptions, Credentials, EncryptionPolicy, Mechanism, SigningPolicy};
use netapi::{Client, Options, Transport};

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

/// `DOMAIN\user` → (`Some(DOMAIN)`, `user`); a bare name has no domain.
pub fn split_user(user: &str) -> (Option<&str>, &str) {
    match user.split_once('\\') {
        Some((domain, name)) => (Some(domain), name),
        None => (None, user),
    }
}

/// The credentials the options describe; prompts for a missing password if `prompt` allows.
pub fn credentials(conn: &Connection, prompt: Prompt) -> Result<Credentials, CliError> {
    let Some(given) = conn.user.as_deref().filter(|u| !u.is_empty()) else {
        return Err(CliError::usage(
            "no user: give --user [DOMAIN\\]USER or set NETAPI_USER",
        ));
    };
    let (prefix, user) = split_user(given);
    if user.is_empty() {
        return Err(CliError::usage(format!(
            "--user {given:?} has no user name after the domain"
        )));
    }
    // The domain written into the user name is the more specific statement; it wins over
    // --domain / NETAPI_DOMAIN.
    let domain = prefix.or(conn.domain.as_deref()).unwrap_or("");
    if let Some(hash) = &conn.nt_hash {
        return Credentials::nt_hash(domain, user, hash)
            .map_err(|e| CliError::usage(format!("--nt-hash: {e}")));
    }
    if let Some(password) = &conn.password {
        return Ok(Credentials::password(domain, user, password));
    }
    match prompt {
        Prompt::Never => Err(CliError::usage(
            "no password: give --password, --nt-hash or NETAPI_PASSWORD (there is no terminal to ask on)",
        )),
        Prompt::Terminal => {
            let shown = if domain.is_empty() {
                user.to_string()
            } else {
                format!("{domain}\\{user}")
            };
            let password =
                rpassword::prompt_password(format!("Password for {shown}: ")).map_err(|e| {
                    CliError::usage(format!("cannot read the password from the terminal: {e}"))
                })?;
            Ok(Credentials::password(domain, user, &password))
        }
    }
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
    smb.auth = AuthOptions {
        mechanism: if conn.kerberos {
            Mechanism::Kerberos
        } else {
            Mechanism::Negotiate
        },
        kdc: conn.kdc.clone(),
        realm: conn.realm.clone(),
        target_host: conn.target_host.clone(),
        ..smb.auth.clone()
    };
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
    let credentials = credentials(conn, prompt)?;
    tracing::info!(
        server,
        user = credentials.user(),
        domain = credentials.domain(),
        secret = if credentials.is_nt_hash() { "nt-hash" } else { "password" },
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

    #[test]
    fn domain_comes_from_the_user_name_first() {
        assert_eq!(split_user("FILESRV\\bob"), (Some("FILESRV"), "bob"));
        assert_eq!(split_user("bob"), (None, "bob"));
        let mut c = conn("LAB\\bob");
        c.domain = Some("OTHER".into());
        c.password = Some("pw".into());
        let cred = credentials(&c, Prompt::Never).unwrap();
        assert_eq!((cred.domain(), cred.user()), ("LAB", "bob"));
        let mut c = conn("bob");
        c.domain = Some("OTHER".into());
        c.password = Some("pw".into());
        assert_eq!(credentials(&c, Prompt::Never).unwrap().domain(), "OTHER");
    }

    #[test]
    fn missing_secrets_are_usage_errors_without_a_terminal() {
        let e = credentials(&conn("bob"), Prompt::Never).unwrap_err();
        assert!(matches!(e, CliError::Usage(ref m) if m.contains("no password")));
        let mut c = conn("bob");
        c.nt_hash = Some("zz".into());
        assert!(matches!(
            credentials(&c, Prompt::Never),
            Err(CliError::Usage(_))
        ));
        c.nt_hash = Some("8846F7EAEE8FB117AD06BDD830B7586C".into());
        assert!(credentials(&c, Prompt::Never).unwrap().is_nt_hash());
        assert!(matches!(
            credentials(&conn("LAB\\"), Prompt::Never),
            Err(CliError::Usage(_))
        ));
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
        let o = options(&c, Credentials::password("", "bob", "pw"));
        assert_eq!(o.smb.auth.mechanism, Mechanism::Kerberos);
        assert_eq!(o.smb.auth.target_host.as_deref(), Some("dc1.lab.example"));
        assert_eq!(o.smb.auth.timeout, Duration::from_secs(5));
        assert_eq!(o.smb.response_timeout, Duration::from_secs(5));
        assert_eq!(o.smb.encryption, EncryptionPolicy::Required);
        assert_eq!(o.transport, Transport::Tcp);
    }
}
