//! The command line (clap derive): connection options, output options, and one subcommand per
//! NetApi family with its verbs.
//!
//! Levels are checked here against the library's own level lists (`ShareInfo::ENUM_LEVELS`, ...),
//! so `--help` shows them and a wrong one is a usage error before anything is sent. Every option
//! goes anywhere on the line (`netapi share list --server H --user U` as well as `netapi --server
//! H --user U share list`), as with net, rpcclient and impacket; so verbs never reuse the name of
//! a connection option: the filters of `session list` are `--client-name` and `--user-name`
//! (pywin32's keys), the domain of `server enum` is `--browse-domain`.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use netapi::info::{DisplayInfo, UserInfo, UserModalsInfo};
use netapi::info::{
    FileInfo, ServerInfo, SessionInfo, ShareInfo, UseInfo, WkstaInfo, WkstaUserInfo,
};
use netapi::options::Dialect;

const ABOUT: &str = "The Windows Network Management API (NetShare*, NetServer*, NetSession*, \
NetFile*, NetUser*, NetUserModals*, NetWksta*, NetGetDCName, NetGetJoinInformation, NetMessage*, \
NetStatisticsGet) against Windows and Samba servers, from any OS";

const AFTER_HELP: &str = "\
Environment: NETAPI_SERVER, NETAPI_USER, NETAPI_PASSWORD, NETAPI_NT_HASH, NETAPI_DOMAIN,
NETAPI_KDC, NETAPI_REALM, NETAPI_TARGET_HOST, NETAPI_DNS_SERVER and NETAPI_TRANSPORT give defaults
for the options of the same name (the Python module reads them too). Without a password the CLI asks for one when a terminal
is attached, and stops with a usage error otherwise.

Credentials: a password (--password-stdin, -A FILE, the prompt, or --password), an NT hash, the
Kerberos ticket cache (--kerberos without a password: `kinit` first; KRB5CCNAME names the cache), a
keytab (--keytab FILE --user USER@REALM; RC4-only keytabs too), or a null session (--anonymous);
--nt-hash with --kerberos logs on to the KDC with the hash as RC4 key. The KDC is --kdc, else
the realm's kdc in krb5.conf (KRB5_CONFIG or /etc/krb5.conf), else DNS SRV _kerberos._tcp.REALM
(asked at --dns-server when given). Failures carry Windows' codes: 1326 wrong password or key,
1311 no KDC answered, 1398 clock skew, 0x8009030E SEC_E_NO_CREDENTIALS no (usable) ticket,
0x80090317 SEC_E_CONTEXT_EXPIRED expired ticket (run kinit), 5 null session refused. (--json
gives winerror as pywin32 does: a signed 32-bit number, e.g. -2146893042.)

Output: tables for people; with --json stdout is always one JSON document: the info-level dicts
with pywin32's key names (a list for list verbs, one dict for get verbs), and for an action or a
failure a {\"winerror\", \"funcname\", \"strerror\"} object (winerror 0 for success; a usage
error adds \"usage\").

Exit status: 0 success; 1 the NetApi call failed (stderr: `<Function>: error <code>: <message>`);
2 bad usage (nothing sent).

Every option goes anywhere on the line, before or after the family and verb.

Examples:
  netapi --server 127.0.0.2 --user 'FILESRV\\netapiadmin' share list
  netapi --server 127.0.0.2 --user netapiadmin --json share get public --level 502
  netapi -s 127.0.0.2 -u netapiadmin share add scratch 'C:\\tmp\\x' --remark 'by netapi'
  netapi session list --server 127.0.0.2 --user netapiadmin --user-name netapiuser";

/// `netapi [connection options] [--json] <family> <verb> [args]`.
#[derive(Parser, Debug)]
#[command(name = "netapi", version, about = ABOUT, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// How to reach and authenticate to the server.
    #[command(flatten)]
    pub conn: Connection,
    /// Output format and diagnostics.
    #[command(flatten)]
    pub out: OutputArgs,
    /// The NetApi family and verb.
    #[command(subcommand)]
    pub command: Family,
}

/// Connection options (anywhere on the line).
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Connection")]
pub struct Connection {
    /// Server to manage: a host name, `\\NAME`, an IPv4 or IPv6 address
    #[arg(
        long,
        global = true,
        short = 's',
        env = "NETAPI_SERVER",
        hide_env_values = true,
        value_name = "HOST"
    )]
    pub server: Option<String>,
    /// User to authenticate as: `USER`, `DOMAIN\USER`, `DOMAIN/USER` or `USER@DNS.DOMAIN` (UPN);
    /// with --keytab the principal `USER@REALM`
    #[arg(
        long,
        global = true,
        short = 'u',
        env = "NETAPI_USER",
        hide_env_values = true,
        value_name = "USER"
    )]
    pub user: Option<String>,
    /// Password (prompted for when missing and a terminal is attached; prefer --password-stdin,
    /// -A or the prompt: an option is visible in the process list)
    #[arg(
        long,
        global = true,
        short = 'p',
        env = "NETAPI_PASSWORD",
        hide_env_values = true,
        value_name = "P"
    )]
    pub password: Option<String>,
    /// Read the password from the first line of standard input
    #[arg(long, global = true, conflicts_with_all = ["password", "nt_hash", "anonymous"])]
    pub password_stdin: bool,
    /// Samba authentication file with `username =`, `password =` and `domain =` lines; refused
    /// when group or others may read it (options given as well win over its lines)
    #[arg(
        long,
        global = true,
        short = 'A',
        value_name = "FILE",
        conflicts_with = "anonymous"
    )]
    pub authentication_file: Option<PathBuf>,
    /// NT hash (32 hex digits) instead of a password: NTLM, or with --kerberos the RC4 key
    #[arg(
        long,
        global = true,
        env = "NETAPI_NT_HASH",
        hide_env_values = true,
        value_name = "H",
        conflicts_with = "password"
    )]
    pub nt_hash: Option<String>,
    /// Domain of the user (default: the server's own accounts)
    #[arg(
        long,
        global = true,
        env = "NETAPI_DOMAIN",
        hide_env_values = true,
        value_name = "DOMAIN"
    )]
    pub domain: Option<String>,
    /// Authenticate with Kerberos only; without a password, with the tickets of the credential
    /// cache (KRB5CCNAME, else /tmp/krb5cc_UID). The SPN host is --target-host or the server name
    #[arg(long, global = true, short = 'k')]
    pub kerberos: bool,
    /// Log on with the key of --user (a principal, `USER@REALM`) from this keytab (Kerberos)
    #[arg(long, global = true, value_name = "FILE", conflicts_with_all = ["password", "nt_hash", "password_stdin", "anonymous"])]
    pub keytab: Option<PathBuf>,
    /// Null session: no user, no password (NTLM anonymous); servers allow few calls this way
    #[arg(long, global = true, conflicts_with_all = ["password", "nt_hash", "kerberos", "keytab"])]
    pub anonymous: bool,
    /// KDC (`HOST[:port]`, an address or a host name); default: krb5.conf's `kdc` for the realm,
    /// else DNS SRV `_kerberos._tcp.REALM`. With a password, Kerberos is tried before NTLM
    #[arg(long, global = true, env = "NETAPI_KDC", value_name = "HOST")]
    pub kdc: Option<String>,
    /// DNS server (`IP[:port]`) for the KDC's SRV record and host name, instead of the system's
    #[arg(long, global = true, env = "NETAPI_DNS_SERVER", value_name = "ADDR")]
    pub dns_server: Option<String>,
    /// Host name for the Kerberos SPN (`cifs/NAME`, `host/NAME`), when --server is an address
    #[arg(long, global = true, env = "NETAPI_TARGET_HOST", value_name = "NAME")]
    pub target_host: Option<String>,
    /// Kerberos realm (default: the ticket cache's, a UPN's suffix, or the domain, upper-cased)
    #[arg(long, global = true, env = "NETAPI_REALM", value_name = "REALM")]
    pub realm: Option<String>,
    /// RPC transport: `pipe` (SMB2/3 named pipe, port 445) or `tcp` (endpoint mapper, port 135)
    #[arg(long, global = true, env = "NETAPI_TRANSPORT", value_enum, default_value_t = TransportArg::Pipe, value_name = "T")]
    pub transport: TransportArg,
    /// Lowest SMB dialect offered
    #[arg(long, global = true, value_parser = dialect_parser(), value_name = "D")]
    pub min_dialect: Option<Dialect>,
    /// Highest SMB dialect offered
    #[arg(long, global = true, value_parser = dialect_parser(), value_name = "D")]
    pub max_dialect: Option<Dialect>,
    /// Require SMB signing (fail if the session cannot be signed)
    #[arg(long, global = true)]
    pub require_signing: bool,
    /// Require SMB3 encryption (offers 3.x dialects only)
    #[arg(long, global = true)]
    pub encrypt: bool,
    /// Timeout for connecting, authenticating and each response
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: Option<u64>,
    /// Write every RPC request/response stub as hex into DIR (golden vectors, bug reports)
    #[arg(long, global = true, value_name = "DIR")]
    pub dump_stubs: Option<PathBuf>,
}

/// Output options (anywhere on the line).
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Print the info-level dicts as JSON (pywin32's key names)
    #[arg(long, global = true)]
    pub json: bool,
    /// Log to stderr: -v steps, -vv protocol detail, -vvv everything; secrets are never logged
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Preferred page size in bytes for list verbs (NetApi's prefmaxlen; default: everything at once)
    #[arg(long, global = true, value_name = "BYTES", value_parser = clap::value_parser!(u32).range(1..))]
    pub page_size: Option<u32>,
}

/// `--transport`. The variants carry `//` comments, not docs: clap would turn doc comments into
/// a per-value help list and switch `--help` to its long layout.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[allow(missing_docs)]
pub enum TransportArg {
    // DCE/RPC over an SMB2/3 named pipe (ncacn_np), as Windows does.
    #[default]
    Pipe,
    // DCE/RPC over TCP (ncacn_ip_tcp) via the endpoint mapper.
    Tcp,
}

/// The NetApi families.
#[derive(Subcommand, Debug)]
pub enum Family {
    /// Shares (NetShareEnum, NetShareGetInfo, NetShareAdd, NetShareSetInfo, NetShareDel, NetShareCheck)
    #[command(subcommand)]
    Share(ShareCmd),
    /// The server (NetServerGetInfo, NetServerSetInfo, NetServerDiskEnum, NetServerEnum, NetServerComputerNameAdd/Del)
    #[command(subcommand)]
    Server(ServerCmd),
    /// Sessions (NetSessionEnum, NetSessionGetInfo, NetSessionDel)
    #[command(subcommand)]
    Session(SessionCmd),
    /// Open files (NetFileEnum, NetFileGetInfo, NetFileClose)
    #[command(subcommand)]
    File(FileCmd),
    /// Statistics (NetStatisticsGet)
    #[command(subcommand)]
    Stats(StatsCmd),
    // --- users and account policy ---------------------------------------------------------
    /// Users (NetUserEnum, NetUserGetInfo, NetUserAdd, NetUserSetInfo, NetUserDel, NetUserChangePassword, NetQueryDisplayInformation)
    #[command(subcommand)]
    User(UserCmd),
    /// Account policy (NetUserModalsGet, NetUserModalsSet)
    #[command(subcommand)]
    Policy(PolicyCmd),
    /// Check a password against the server's policy (NetValidatePasswordPolicy; always over TCP)
    ValidatePassword(ValidateArgs),
    /// The workstation service (NetWkstaGetInfo, NetWkstaSetInfo, NetWkstaUserEnum, NetWkstaTransportEnum/Add/Del)
    #[command(subcommand)]
    Wksta(WkstaCmd),
    /// Domain membership and name validation (NetGetJoinInformation, NetValidateName)
    #[command(subcommand)]
    Join(JoinCmd),
    /// Domain controllers (NetGetDCName, NetGetAnyDCName)
    #[command(subcommand)]
    Dc(DcCmd),
    /// The messenger (NetMessageNameEnum, NetMessageNameAdd, NetMessageNameDel, NetMessageBufferSend)
    #[command(subcommand)]
    Msg(MsgCmd),
    /// This process's connections (NetUseAdd, NetUseDel, NetUseEnum, NetUseGetInfo); nothing is
    /// kept after the command ends
    #[command(subcommand)]
    Use(UseCmd),
    // --- groups (commands/group.rs, commands/localgroup.rs) ---
    /// Global groups (NetGroup*; a user's groups: NetUserGetGroups, NetUserSetGroups)
    #[command(subcommand)]
    Group(crate::commands::group::GroupCmd),
    /// Local groups (NetLocalGroup*; a user's local groups: NetUserGetLocalGroups)
    #[command(subcommand)]
    Localgroup(crate::commands::localgroup::LocalGroupCmd),
}

/// `share` verbs.
#[derive(Subcommand, Debug)]
pub enum ShareCmd {
    /// List shares (NetShareEnum)
    List {
        /// Information level: 0 names, 1 type and remark, 2 paths and uses (admin), 501 flags, 502/503 security
        #[arg(long, default_value_t = 1, value_parser = levels(ShareInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// Show one share (NetShareGetInfo)
    Get {
        /// Share name
        name: String,
        /// Information level
        #[arg(long, default_value_t = 2, value_parser = levels(ShareInfo::GET_LEVELS))]
        level: u32,
    },
    /// Create a disk share (NetShareAdd); the directory must exist on the server
    Add {
        /// Share name
        name: String,
        /// Directory on the server, e.g. `C:\data`
        path: String,
        /// Remark (comment)
        #[arg(long, value_name = "TEXT")]
        remark: Option<String>,
        /// Most concurrent users (a number or `unlimited`)
        #[arg(long, value_name = "N", value_parser = parse_max_uses)]
        max_uses: Option<u32>,
        /// Information level sent
        #[arg(long, default_value_t = 2, value_parser = levels(ShareInfo::ADD_LEVELS))]
        level: u32,
    },
    /// Change a share (NetShareSetInfo): sends the smallest level carrying what was given
    /// (1004 for a remark alone, 1006 for max-uses alone); otherwise reads the level, changes the
    /// given fields and writes it back, so the fields not mentioned keep their values
    Set {
        /// Share name
        name: String,
        /// New remark (`--field remark=TEXT`)
        #[arg(long, value_name = "TEXT")]
        remark: Option<String>,
        /// New most concurrent users, a number or `unlimited` (`--field max_uses=N`)
        #[arg(long, value_name = "N", value_parser = parse_max_uses)]
        max_uses: Option<u32>,
        /// New directory (`--field path=P`)
        #[arg(long, value_name = "P")]
        path: Option<String>,
        /// A field as pywin32 names it, e.g. `--field flags=0x30`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the changes
        #[arg(long, value_parser = levels(ShareInfo::SET_LEVELS))]
        level: Option<u32>,
    },
    /// Delete a share (NetShareDel)
    Del {
        /// Share name
        name: String,
    },
    /// Whether a device is shared (NetShareCheck)
    Check {
        /// Device, e.g. `C:`
        device: String,
    },
}

/// `server` verbs.
#[derive(Subcommand, Debug)]
pub enum ServerCmd {
    /// Show the server (NetServerGetInfo)
    Get {
        /// Information level (Samba serves 100, 101 and 102)
        #[arg(long, default_value_t = 101, value_parser = levels(ServerInfo::GET_LEVELS))]
        level: u32,
    },
    /// Change the server (NetServerSetInfo): read the level, change the given fields, write it
    /// back (Samba accepts this and changes nothing)
    Set {
        /// New comment (alone: level 1005; with --level/--field: part of that level)
        #[arg(long, value_name = "T")]
        comment: Option<String>,
        /// Information level to read and write
        #[arg(long, value_parser = levels(ServerInfo::GET_LEVELS))]
        level: Option<u32>,
        /// A field of that level as pywin32 names it, e.g. `--field users=20 --field hidden=true`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field)]
        fields: Vec<(String, String)>,
    },
    /// List the server's disk drives (NetServerDiskEnum)
    Disks,
    /// List servers from the browse list (NetServerEnum; needs SMB1, so always error 6118)
    Enum {
        /// SV_TYPE_* mask (decimal or 0x hex; default all types)
        #[arg(long = "type", value_name = "MASK", value_parser = parse_mask)]
        server_type: Option<u32>,
        /// Domain to list (default: the server's)
        #[arg(long, value_name = "D")]
        browse_domain: Option<String>,
        /// Information level
        #[arg(long, default_value_t = 101, value_parser = levels(ServerInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// Make the server answer to another name (NetServerComputerNameAdd)
    NameAdd {
        /// The emulated server name
        name: String,
        /// The domain of the emulated name
        #[arg(long, value_name = "D")]
        emulated_domain: Option<String>,
    },
    /// Stop answering to an emulated name (NetServerComputerNameDel)
    NameDel {
        /// The emulated server name
        name: String,
    },
}

/// `session` verbs.
#[derive(Subcommand, Debug)]
pub enum SessionCmd {
    /// List sessions (NetSessionEnum; admin)
    List {
        /// Only sessions from this client (`\\host` or an address)
        #[arg(long, value_name = "C")]
        client_name: Option<String>,
        /// Only sessions of this user
        #[arg(long, value_name = "U")]
        user_name: Option<String>,
        /// Information level (Samba serves 0 and 1)
        #[arg(long, default_value_t = 1, value_parser = levels(SessionInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// Show the session of a user from a client (NetSessionGetInfo)
    Get {
        /// Client (`\\host` or an address)
        client: String,
        /// User name
        user: String,
        /// Information level
        #[arg(long, default_value_t = 1, value_parser = levels(SessionInfo::GET_LEVELS))]
        level: u32,
    },
    /// End sessions (NetSessionDel); give --client-name, --user-name or both
    #[command(group = clap::ArgGroup::new("who").required(true).multiple(true).args(["client_name", "user_name"]))]
    Del {
        /// Client of the sessions (`\\address` on Samba)
        #[arg(long, value_name = "C")]
        client_name: Option<String>,
        /// User of the sessions (as `session list` shows it)
        #[arg(long, value_name = "U")]
        user_name: Option<String>,
    },
}

/// `file` verbs.
#[derive(Subcommand, Debug)]
pub enum FileCmd {
    /// List open files (NetFileEnum; admin)
    List {
        /// Only files under this path
        #[arg(long, value_name = "P")]
        base_path: Option<String>,
        /// Only files opened by this user
        #[arg(long, value_name = "U")]
        user_name: Option<String>,
        /// Information level: 2 ids, 3 ids, paths, users and locks
        #[arg(long, default_value_t = 3, value_parser = levels(FileInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// Show one open file (NetFileGetInfo)
    Get {
        /// File id (from `file list`)
        id: u32,
        /// Information level
        #[arg(long, default_value_t = 3, value_parser = levels(FileInfo::GET_LEVELS))]
        level: u32,
    },
    /// Force an open file closed (NetFileClose)
    Close {
        /// File id (from `file list`)
        id: u32,
    },
}

/// `stats` verbs.
#[derive(Subcommand, Debug)]
pub enum StatsCmd {
    /// Statistics of the server service (NetStatisticsGet, LanmanServer, level 0)
    Server,
    /// Statistics of the workstation service (NetStatisticsGet, LanmanWorkstation, level 0)
    Workstation,
}

/// `wksta` verbs.
#[derive(Subcommand, Debug)]
pub enum WkstaCmd {
    /// Show the workstation (NetWkstaGetInfo)
    Get {
        /// Information level: 100 names, 101 the LANMAN root, 102 logged-on users (admin), 502 settings
        #[arg(long, default_value_t = 101, value_parser = levels(WkstaInfo::GET_LEVELS))]
        level: u32,
    },
    /// Change the workstation's settings (NetWkstaSetInfo): one setting alone goes as its own
    /// level (1013 keep_conn, 1018 sess_timeout, 1046 dormant_file_limit); others read level
    /// 502, change it and write it back
    Set {
        /// A field as pywin32 names it, e.g. `--field keep_conn=600`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field, required = true)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the changes
        #[arg(long, value_parser = levels(WkstaInfo::SET_LEVELS))]
        level: Option<u32>,
    },
    /// List the users logged on to the server (NetWkstaUserEnum; admin)
    Users {
        /// Information level: 0 names, 1 with logon domain and server
        #[arg(long, default_value_t = 1, value_parser = levels(WkstaUserInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// List the transports of the server's redirector (NetWkstaTransportEnum)
    Transports,
    /// Bind the redirector to a transport (NetWkstaTransportAdd)
    TransportAdd {
        /// The transport's device name, e.g. `\Device\NetbiosSmb`
        name: String,
        /// Its address (12 hex digits)
        #[arg(long, value_name = "HEX")]
        address: Option<String>,
        /// Search order (higher first)
        #[arg(long, value_name = "N", default_value_t = 0)]
        quality_of_service: u32,
    },
    /// Unbind the redirector from a transport (NetWkstaTransportDel)
    TransportDel {
        /// The transport's device name
        name: String,
        /// 0 USE_NOFORCE, 1 USE_FORCE, 2 USE_LOTS_OF_FORCE
        #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=2))]
        force: u32,
    },
}

/// `join` verbs.
#[derive(Subcommand, Debug)]
pub enum JoinCmd {
    /// The domain or workgroup of the server (NetGetJoinInformation)
    Info,
    /// Whether a name is valid for a use, checked by the server (NetValidateName)
    ValidateName {
        /// The name to check
        name: String,
        /// What the name is to be
        #[arg(long = "type", value_enum)]
        name_type: NameTypeArg,
        /// An account to check a domain with (`DOMAIN\user`)
        #[arg(long, value_name = "A")]
        account: Option<String>,
        /// The account's password (sent encrypted with the session key; not the login's --password)
        #[arg(long, value_name = "P", requires = "account")]
        account_password: Option<String>,
    },
}

/// `--type` of `join validate-name`: `NETSETUP_NAME_TYPE` ([MS-WKST] 2.2.3.2). The variants
/// carry `//` comments, not docs (see [`TransportArg`]).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum NameTypeArg {
    // NetSetupMachine: a NetBIOS computer name not in use.
    Machine,
    // NetSetupWorkgroup.
    Workgroup,
    // NetSetupDomain: an existing domain.
    Domain,
    // NetSetupNonExistentDomain: a domain name no domain has.
    NonexistentDomain,
    // NetSetupDnsMachine: a DNS computer name.
    DnsMachine,
}

impl NameTypeArg {
    /// The `NETSETUP_NAME_TYPE` value.
    pub fn value(self) -> u32 {
        match self {
            NameTypeArg::Machine => netapi::NET_SETUP_MACHINE,
            NameTypeArg::Workgroup => netapi::NET_SETUP_WORKGROUP,
            NameTypeArg::Domain => netapi::NET_SETUP_DOMAIN,
            NameTypeArg::NonexistentDomain => netapi::NET_SETUP_NON_EXISTENT_DOMAIN,
            NameTypeArg::DnsMachine => netapi::NET_SETUP_DNS_MACHINE,
        }
    }
}

/// `use` verbs. The table belongs to one `netapi` process: `add` sets the connection up (so it
/// checks the credentials and the share) and shows it; it ends with the process.
#[derive(Subcommand, Debug)]
pub enum UseCmd {
    /// Connect to `\\server\share` as the login (NetUseAdd) and show the connection
    Add {
        /// `\\server\IPC$` or `\\server\share`
        remote: String,
        /// A local device (`Z:`): refused, netapi has no redirector
        #[arg(long, value_name = "DEV")]
        local: Option<String>,
        /// What the share must be
        #[arg(long = "type", value_enum, default_value_t = UseTypeArg::Wildcard)]
        use_type: UseTypeArg,
    },
    /// End a connection (NetUseDel)
    Del {
        /// `\\server\share` or the local device
        name: String,
        /// 0 USE_NOFORCE, 1 USE_FORCE, 2 USE_LOTS_OF_FORCE
        #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=2))]
        force: u32,
    },
    /// List this process's connections (NetUseEnum)
    List {
        /// Information level
        #[arg(long, default_value_t = 2, value_parser = levels(UseInfo::ENUM_LEVELS))]
        level: u32,
    },
    /// Show one connection (NetUseGetInfo)
    Get {
        /// `\\server\share` or the local device
        name: String,
        /// Information level
        #[arg(long, default_value_t = 2, value_parser = levels(UseInfo::GET_LEVELS))]
        level: u32,
    },
}

/// `--type` of `use add` (`ui*_asg_type`). The variants carry `//` comments, not docs.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum UseTypeArg {
    // USE_WILDCARD: whatever the share is.
    Wildcard,
    // USE_DISKDEV.
    Disk,
    // USE_SPOOLDEV.
    Print,
    // USE_IPC.
    Ipc,
}

impl UseTypeArg {
    /// The `asg_type` value.
    pub fn value(self) -> u32 {
        match self {
            UseTypeArg::Wildcard => netapi::info::USE_WILDCARD,
            UseTypeArg::Disk => netapi::info::USE_DISKDEV,
            UseTypeArg::Print => netapi::info::USE_SPOOLDEV,
            UseTypeArg::Ipc => netapi::info::USE_IPC,
        }
    }
}

/// `dc` verbs. The domain is `--domain-name` (`--domain` is the login's).
#[derive(Subcommand, Debug)]
pub enum DcCmd {
    /// The primary domain controller of a domain (NetGetDCName)
    Name {
        /// The domain (default: the server's)
        #[arg(long, value_name = "D")]
        domain_name: Option<String>,
    },
    /// Any domain controller of a trusted domain (NetGetAnyDCName)
    Any {
        /// The domain (default: the server's)
        #[arg(long, value_name = "D")]
        domain_name: Option<String>,
    },
}

/// `msg` verbs.
#[derive(Subcommand, Debug)]
pub enum MsgCmd {
    /// List the message names of the server's messenger (NetMessageNameEnum)
    Names,
    /// Add a message name (NetMessageNameAdd)
    Add {
        /// The name
        name: String,
    },
    /// Remove a message name (NetMessageNameDel)
    Del {
        /// The name
        name: String,
    },
    /// Send a message (NetMessageBufferSend; always error 50: no messenger over SMB2)
    Send {
        /// The message name to send to
        to: String,
        /// The text
        text: String,
        /// Who it is from (default: this computer)
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
    },
}

// --- users and account policy -------------------------------------------------------------

/// `user list --filter`: the account types NetUserEnum lists (`FILTER_*`).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum FilterArg {
    // FILTER_NORMAL_ACCOUNT
    Normal,
    // FILTER_TEMP_DUPLICATE_ACCOUNT
    TempDuplicate,
    // FILTER_INTERDOMAIN_TRUST_ACCOUNT
    InterdomainTrust,
    // FILTER_WORKSTATION_TRUST_ACCOUNT
    WorkstationTrust,
    // FILTER_SERVER_TRUST_ACCOUNT
    ServerTrust,
}

impl FilterArg {
    /// The `FILTER_*` value.
    pub fn value(self) -> u32 {
        use netapi::con::*;
        match self {
            FilterArg::Normal => FILTER_NORMAL_ACCOUNT,
            FilterArg::TempDuplicate => FILTER_TEMP_DUPLICATE_ACCOUNT,
            FilterArg::InterdomainTrust => FILTER_INTERDOMAIN_TRUST_ACCOUNT,
            FilterArg::WorkstationTrust => FILTER_WORKSTATION_TRUST_ACCOUNT,
            FilterArg::ServerTrust => FILTER_SERVER_TRUST_ACCOUNT,
        }
    }
}

/// `user` verbs.
#[derive(Subcommand, Debug)]
pub enum UserCmd {
    /// List accounts (NetUserEnum)
    List {
        /// Information level: 0 names, 1 basics, 2/3 everything, 10/11 for people, 20 flags and RIDs, 23 SIDs
        #[arg(long, default_value_t = 0, value_parser = levels(UserInfo::ENUM_LEVELS))]
        level: u32,
        /// Account types to list (repeat for several; default normal accounts)
        #[arg(long, value_enum, value_name = "TYPE")]
        filter: Vec<FilterArg>,
        /// List every account type (filter 0)
        #[arg(long, conflicts_with = "filter")]
        all_types: bool,
    },
    /// Show one account (NetUserGetInfo)
    Get {
        /// Account name
        name: String,
        /// Information level
        #[arg(long, default_value_t = 3, value_parser = levels(UserInfo::GET_LEVELS))]
        level: u32,
    },
    /// Create an account (NetUserAdd): an enabled normal account unless --field flags=... says
    /// otherwise; sends the smallest level (1-4) carrying the fields given
    Add {
        /// Account name
        name: String,
        /// The new account's password (asked for when a terminal is attached and none is given)
        #[arg(long, value_name = "P", conflicts_with = "no_password")]
        user_password: Option<String>,
        /// Create the account without a password (UF_PASSWD_NOTREQD is then needed)
        #[arg(long)]
        no_password: bool,
        /// A field as pywin32 names it, e.g. `--field full_name="Ann Smith" --field flags=0x10201`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the fields
        #[arg(long, value_parser = levels(UserInfo::ADD_LEVELS))]
        level: Option<u32>,
    },
    /// Change an account (NetUserSetInfo): sends the smallest level carrying the fields, as
    /// `net user` does (1007 for a comment, 1008 for flags, 0 for `name`: a rename); otherwise
    /// reads the level, changes the given fields and writes it back
    Set {
        /// Account name
        name: String,
        /// A field as pywin32 names it, e.g. `--field comment=x --field flags=0x10201`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field, required = true)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the fields
        #[arg(long, value_parser = levels(UserInfo::SET_LEVELS))]
        level: Option<u32>,
    },
    /// Delete an account (NetUserDel)
    Del {
        /// Account name
        name: String,
    },
    /// Change a password, proving the old one (NetUserChangePassword); asks for what is not given
    Password {
        /// Account name (default: the user connecting)
        name: Option<String>,
        /// The current password
        #[arg(long, value_name = "P")]
        old: Option<String>,
        /// The new password
        #[arg(long, value_name = "P")]
        new: Option<String>,
    },
    /// List accounts with names, comments and flags, fast (NetQueryDisplayInformation)
    Display {
        /// 1 users, 2 computers, 3 global groups
        #[arg(long, default_value_t = 1, value_parser = levels(DisplayInfo::QUERY_LEVELS))]
        level: u32,
    },
    /// List the global groups of an account, with attributes (NetUserGetGroups, level 1)
    Groups {
        /// Account name
        name: String,
    },
    /// Make these global groups the whole of an account's (NetUserSetGroups); the primary group
    /// is kept
    SetGroups {
        /// Account name
        name: String,
        /// Group names
        groups: Vec<String>,
    },
    /// List the local groups of an account (NetUserGetLocalGroups), through its global groups
    /// too unless --direct
    Localgroups {
        /// Account name (`name` or `DOMAIN\name`)
        name: String,
        /// Direct memberships only (no LG_INCLUDE_INDIRECT)
        #[arg(long)]
        direct: bool,
    },
}

/// `policy` verbs.
#[derive(Subcommand, Debug)]
pub enum PolicyCmd {
    /// Show the account policy (NetUserModalsGet)
    Get {
        /// 0 passwords, 1 role, 2 domain, 3 lockout
        #[arg(long, default_value_t = 0, value_parser = levels(UserModalsInfo::GET_LEVELS))]
        level: u32,
    },
    /// Change the account policy (NetUserModalsSet): the smallest level carrying the fields
    /// (1001 min_passwd_len, ..., 3 lockout); settings not given keep their values
    Set {
        /// A field as pywin32 names it, e.g. `--field min_passwd_len=8 --field lockout_threshold=5`
        #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_field, required = true)]
        fields: Vec<(String, String)>,
        /// Level to send instead of the smallest that carries the fields
        #[arg(long, value_parser = levels(UserModalsInfo::SET_LEVELS))]
        level: Option<u32>,
    },
}

/// `validate-password --type`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ValidateType {
    // NetValidateAuthentication (1)
    Auth,
    // NetValidatePasswordChange (2)
    Change,
    // NetValidatePasswordReset (3)
    Reset,
}

/// `validate-password` arguments.
#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// What is validated: a logon, a change by the user, or a reset by an administrator
    #[arg(long = "type", value_enum, default_value_t = ValidateType::Reset, value_name = "T")]
    pub validation_type: ValidateType,
    /// The password to check (change/reset; asked for when a terminal is attached)
    #[arg(long, value_name = "P")]
    pub clear_password: Option<String>,
    /// The account the password is for
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// The password the user gave matched (auth: PasswordMatched; change: PasswordMatch)
    #[arg(long)]
    pub password_matched: bool,
    /// Reset: the user must change the password at the next logon
    #[arg(long)]
    pub must_change: bool,
    /// Reset: clear a lockout
    #[arg(long)]
    pub clear_lockout: bool,
}

/// A `--level` parser accepting exactly `allowed` (shown in `--help` and in the error).
pub(crate) fn levels(allowed: &'static [u32]) -> impl TypedValueParser<Value = u32> {
    PossibleValuesParser::new(allowed.iter().map(|l| PossibleValue::new(l.to_string())))
        // Only listed values get here, and all of them are numbers.
        .map(|s| s.parse::<u32>().unwrap_or_default())
}

/// `--min-dialect` / `--max-dialect`: `2.0.2`, `2.1`, `3.0`, `3.0.2`, `3.1.1`.
fn dialect_parser() -> impl TypedValueParser<Value = Dialect> {
    PossibleValuesParser::new(Dialect::ALL.iter().map(|d| PossibleValue::new(d.as_str()))).map(
        |s| {
            Dialect::ALL
                .into_iter()
                .find(|d| d.as_str() == s)
                .unwrap_or(Dialect::SMB3_1_1)
        },
    )
}

/// `--max-uses`: a number or `unlimited` (`SHI_USES_UNLIMITED`).
fn parse_max_uses(s: &str) -> Result<u32, String> {
    if s.eq_ignore_ascii_case("unlimited") || s == "-1" {
        return Ok(crate::decode::SHI_USES_UNLIMITED);
    }
    s.parse::<u32>()
        .map_err(|_| "expected a number or `unlimited`".to_string())
}

/// `--type`: decimal or `0x` hex.
fn parse_mask(s: &str) -> Result<u32, String> {
    let parsed = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => s.parse::<u32>(),
    };
    parsed.map_err(|_| "expected a 32-bit number (decimal or 0x hex)".to_string())
}

/// `--field KEY=VALUE`.
pub(crate) fn parse_field(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err("expected KEY=VALUE".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn levels_come_from_the_library() {
        let cli =
            Cli::try_parse_from(["netapi", "-s", "h", "share", "list", "--level", "502"]).unwrap();
        assert!(matches!(
            cli.command,
            Family::Share(ShareCmd::List { level: 502 })
        ));
        let err = Cli::try_parse_from(["netapi", "-s", "h", "share", "list", "--level", "7"])
            .unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::InvalidValue);
        assert!(err.to_string().contains("503"), "{err}");
    }

    #[test]
    fn every_option_goes_anywhere() {
        let cli =
            Cli::try_parse_from(["netapi", "-u", "a", "share", "list", "--json", "-vv"]).unwrap();
        assert!(cli.out.json && cli.out.verbose == 2);
        assert_eq!(cli.conn.user.as_deref(), Some("a"));
        // Connection options after the family and the verb, as net/rpcclient users type them.
        let cli = Cli::try_parse_from([
            "netapi", "share", "list", "--server", "h", "--user", "u", "-p", "pw", "--domain", "D",
        ])
        .unwrap();
        assert_eq!(
            (cli.conn.server.as_deref(), cli.conn.user.as_deref()),
            (Some("h"), Some("u"))
        );
        assert_eq!(
            (cli.conn.password.as_deref(), cli.conn.domain.as_deref()),
            (Some("pw"), Some("D"))
        );
        // The session filters are their own options, not the login.
        let cli = Cli::try_parse_from([
            "netapi",
            "session",
            "list",
            "--user",
            "admin",
            "--user-name",
            "bob",
        ])
        .unwrap();
        assert_eq!(cli.conn.user.as_deref(), Some("admin"));
        assert!(
            matches!(cli.command, Family::Session(SessionCmd::List { user_name: Some(ref u), .. }) if u == "bob")
        );
        let cli = Cli::try_parse_from([
            "netapi",
            "server",
            "enum",
            "--domain",
            "LOGIN",
            "--browse-domain",
            "OTHER",
        ])
        .unwrap();
        assert_eq!(cli.conn.domain.as_deref(), Some("LOGIN"));
        assert!(
            matches!(cli.command, Family::Server(ServerCmd::Enum { browse_domain: Some(ref d), .. }) if d == "OTHER")
        );
    }

    #[test]
    fn small_parsers() {
        assert_eq!(parse_max_uses("unlimited"), Ok(u32::MAX));
        assert_eq!(parse_max_uses("7"), Ok(7));
        assert!(parse_max_uses("x").is_err());
        assert_eq!(parse_mask("0x8000"), Ok(0x8000));
        assert_eq!(parse_mask("3"), Ok(3));
        assert_eq!(parse_field("users=20"), Ok(("users".into(), "20".into())));
        assert!(parse_field("=1").is_err());
        let cli =
            Cli::try_parse_from(["netapi", "--max-dialect", "2.1", "stats", "server"]).unwrap();
        assert_eq!(cli.conn.max_dialect, Some(Dialect::SMB2_1));
    }
}
