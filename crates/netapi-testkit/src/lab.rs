//! The Samba lab as tests see it: addresses, accounts and helpers from `NETAPI_LAB_*` variables
//! (printed by `tools/lab env`; see `tools/LAB.md`).
//!
//! [`Lab::get`] returns `None` (after printing why) when the variables are unset and `CI` is not
//! `true`; with `CI=true` it panics instead, so a lab that did not come up fails the run.

use std::path::PathBuf;
use std::process::Command;

/// One lab server (the standalone file server or the AD DC).
#[derive(Debug, Clone)]
pub struct Server {
    /// Loopback address, e.g. `127.0.0.2`.
    pub ip: String,
    /// NetBIOS name, e.g. `FILESRV`.
    pub name: String,
    /// Domain for NTLM user names (`FILESRV` / `LABDOM`).
    pub domain: String,
    /// An administrator account.
    pub admin_user: String,
    /// An ordinary account (access-denied paths).
    pub user: String,
    /// Password of both accounts.
    pub password: String,
    /// A share that exists.
    pub share: String,
    /// Existing directory for NetShareAdd, in Windows form (`C:\tmp\...`).
    pub scratch_dir_win: String,
    /// The same directory as a local path.
    pub scratch_dir: String,
    /// `fs` or `dc`, as `tools/lab` names the server.
    pub role: &'static str,
}

/// The whole lab.
#[derive(Debug, Clone)]
pub struct Lab {
    /// Standalone file server.
    pub fs: Server,
    /// Active Directory DC.
    pub dc: Server,
    /// DNS name of the DC (`dc1.lab.example`), for Kerberos.
    pub dc_fqdn: String,
    /// Kerberos realm (`LAB.EXAMPLE`).
    pub realm: String,
    /// Client smb.conf for Samba's tools (`rpcclient -s ...`).
    pub client_conf: String,
    /// krb5.conf for the lab realm (`NETAPI_LAB_KRB5_CONFIG`: `kdc = <DC address>`).
    pub krb5_config: PathBuf,
    /// Lab state root.
    pub root: PathBuf,
    /// The `tools/lab` script.
    pub tool: PathBuf,
}

fn var(name: &str) -> Option<String> {
    std::env::var(format!("NETAPI_LAB_{name}"))
        .ok()
        .filter(|v| !v.is_empty())
}

impl Lab {
    /// The lab, or `None` with a printed reason when it is not configured (never in CI).
    pub fn get() -> Option<Lab> {
        match Self::from_env() {
            Some(lab) => Some(lab),
            None if std::env::var("CI").as_deref() == Ok("true") => {
                panic!(
                    "CI=true but the Samba lab is not configured: run `eval \"$(tools/lab env)\"` after `tools/lab up all`"
                )
            }
            None => {
                eprintln!(
                    "skipped: Samba lab not configured (NETAPI_LAB_FS_IP unset; run `tools/lab up all` and `eval \"$(tools/lab env)\"`)"
                );
                None
            }
        }
    }

    fn from_env() -> Option<Lab> {
        let password = var("PASSWORD")?;
        let fs = Server {
            ip: var("FS_IP")?,
            name: var("FS_NAME")?,
            domain: var("FS_NAME")?,
            admin_user: var("FS_ADMIN_USER")?,
            user: var("FS_USER")?,
            password: password.clone(),
            share: var("FS_SHARE")?,
            scratch_dir_win: var("FS_SCRATCH_DIR_WIN")?,
            scratch_dir: var("FS_SCRATCH_DIR")?,
            role: "fs",
        };
        let dc = Server {
            ip: var("DC_IP")?,
            name: var("DC_NAME")?,
            domain: var("DC_DOMAIN")?,
            admin_user: var("DC_ADMIN_USER")?,
            user: var("DC_USER")?,
            password,
            share: var("DC_SHARE")?,
            scratch_dir_win: var("DC_SCRATCH_DIR_WIN")?,
            scratch_dir: var("DC_SCRATCH_DIR")?,
            role: "dc",
        };
        let root = PathBuf::from(var("ROOT")?);
        let tool = std::env::var("NETAPI_LAB_TOOL")
            .map(PathBuf::from)
            .unwrap_or_else(|_| {
                PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/lab"))
            });
        Some(Lab {
            fs,
            dc,
            dc_fqdn: var("DC_FQDN")?,
            realm: var("DC_REALM")?,
            client_conf: var("CLIENT_CONF")?,
            krb5_config: var("KRB5_CONFIG")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("dc/etc/krb5.conf")),
            root,
            tool,
        })
    }

    /// Run `tools/lab <args>` (needs root) and return its stdout; panics with its stderr on failure.
    pub fn tool(&self, args: &[&str]) -> String {
        let out = Command::new(&self.tool)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.tool.display()));
        assert!(
            out.status.success(),
            "tools/lab {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Start a live SMB session holding `hello.txt` open on `server` for `seconds` (as the
    /// ordinary user), and return a guard that ends it when dropped.
    pub fn hold_file(&self, server: &Server, seconds: u32) -> HeldFile {
        let pid = self.tool(&["hold-file", server.role, &seconds.to_string()]);
        HeldFile {
            pid: pid.trim().to_string(),
        }
    }

    /// Run a Samba client tool (`rpcclient`, `smbclient`, `net`) with the lab's client config,
    /// as `user` on `server`; returns (success, stdout + stderr).
    pub fn samba_tool(
        &self,
        tool: &str,
        server: &Server,
        user: &str,
        args: &[&str],
    ) -> (bool, String) {
        let cred = format!("{}\\{}%{}", server.domain, user, server.password);
        let mut cmd = Command::new(tool);
        cmd.arg("-s").arg(&self.client_conf);
        match tool {
            "net" => {
                cmd.args(args).args(["-S", &server.ip, "-U", &cred]);
            }
            "smbclient" => {
                cmd.args(["-U", &cred]).args(args);
            }
            _ => {
                cmd.args(["-U", &cred, &server.ip]).args(args);
            }
        }
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        (out.status.success(), text)
    }
}

/// The NT hash of `password` (`NTOWFv1`, [MS-NLMP] 3.3.1: MD4 of its UTF-16LE form), as 32
/// lower-case hexadecimal digits.
pub fn nt_hash(password: &str) -> String {
    use md4::{Digest, Md4};
    let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
    Md4::digest(&utf16)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Lab {
    /// `kinit user` with the lab's krb5.conf into the credential cache `cache` (a file path;
    /// `lifetime` as kinit's `-l`, e.g. `"3s"`). Panics with kinit's output on failure.
    pub fn kinit(&self, user: &str, cache: &std::path::Path, lifetime: Option<&str>) {
        use std::io::Write;
        let mut cmd = Command::new("kinit");
        cmd.env("KRB5_CONFIG", &self.krb5_config)
            .env("KRB5CCNAME", format!("FILE:{}", cache.display()));
        if let Some(l) = lifetime {
            cmd.args(["-l", l]);
        }
        let mut child = cmd
            .arg(format!("{user}@{}", self.realm))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run kinit (krb5-user): {e}"));
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{}\n", self.dc.password).as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "kinit {user} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `kvno spn` with the lab's krb5.conf: puts a service ticket for `spn` into `cache`.
    pub fn kvno(&self, spn: &str, cache: &std::path::Path) {
        let out = Command::new("kvno")
            .env("KRB5_CONFIG", &self.krb5_config)
            .env("KRB5CCNAME", format!("FILE:{}", cache.display()))
            .arg(spn)
            .output()
            .unwrap_or_else(|e| panic!("cannot run kvno (krb5-user): {e}"));
        assert!(
            out.status.success(),
            "kvno {spn} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The DC's keys of `principal` (`user@REALM`) as a keytab at `path` (`tools/lab
    /// export-keytab`, which runs `samba-tool domain exportkeytab`; needs root).
    pub fn export_keytab(&self, principal: &str, path: &std::path::Path) {
        self.tool(&["export-keytab", principal, &path.to_string_lossy()]);
    }
}

impl Lab {
    /// Samba's own view of `server` (`smbstatus` with the lab's config): `-b` sessions, `-L`
    /// locked/open files, `-S` shares.
    pub fn smbstatus(&self, server: &Server, args: &[&str]) -> String {
        let mut all = vec!["smbstatus", server.role];
        all.extend_from_slice(args);
        self.tool(&all)
    }
}

impl Lab {
    /// Open file descriptors of `server`'s `rpcd_classic` workers (the processes behind
    /// `\\PIPE\\srvsvc`): each named pipe a client holds open is one socket there, so a pipe
    /// leak shows up as a count that does not return to its baseline.
    pub fn rpc_worker_fds(&self, server: &Server) -> usize {
        let conf = self.root.join(server.role).join("etc/smb.conf");
        let conf = conf.to_string_lossy().into_owned();
        let mut total = 0;
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
                continue;
            };
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains("rpcd_classic") && cmdline.contains(&conf) {
                total += std::fs::read_dir(entry.path().join("fd"))
                    .map(|d| d.count())
                    .unwrap_or(0);
            }
        }
        total
    }
}

/// A `tools/lab hold-file` helper; the session and open file end when this is dropped.
#[derive(Debug)]
pub struct HeldFile {
    /// PID of the smbclient holding the file.
    pub pid: String,
}

impl Drop for HeldFile {
    fn drop(&mut self) {
        if let Ok(pid) = self.pid.parse::<i32>() {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
    }
}
