//! The users workloads (issue "Users and account policy"), against the bench's users lab (a
//! file server holding 10,000 accounts, made once by `tools/bench` and kept):
//!
//! * `user-enum`: NetUserEnum at a level, all pages; at a detail level every account is read
//!   with up to `--parallel` associations at once (`Options::max_parallel_reads`; 1 = one after
//!   another).
//! * `user-info`: N × NetUserGetInfo of one account over one warm connection.
//! * `samr-fanout`: the experiment behind `max_parallel_reads`: the four calls NetUserEnum
//!   level 20 makes per account ([MS-SAMR] SamrOpenUser, SamrQueryInformationUser2
//!   UserAllInformation, SamrQuerySecurityObject, SamrCloseHandle) for N accounts, spread over
//!   W pipes that either each open their own domain handle (`pipes`, what netapi does) or join
//!   the first pipe's association group and share its domain handle ([MS-RPCE] 3.3.1.5.6,
//!   `group`). Written on `netapi-transport` directly, since the client only does the former.

use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Subcommand, ValueEnum};
use futures_util::future::try_join_all;
use netapi::info::UserInfo;
use netapi::{Client, MAX_PREFERRED_LENGTH};
use netapi_dcerpc::AssocConfig;
use netapi_msrpc::samr::{self as w, Samr, access};
use netapi_msrpc::{Call, Interface, Response};
use netapi_ndr::{ContextHandle, Limits};
use netapi_transport::RpcIo;
use netapi_transport::rpc::RpcClient;
use netapi_transport::smb::{Pipe, SmbSession};
use serde_json::{Value, json};

use crate::Target;
use crate::measure::{Heap, Mark};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The users workloads (subcommands of `netapi-bench`).
#[derive(Subcommand, Debug)]
pub enum UsersWorkload {
    /// NetUserEnum at `level`, all pages; `calls` timed enumerations after one untimed.
    UserEnum {
        /// Information level.
        #[arg(long, default_value_t = 0)]
        level: u32,
        /// prefMaxLen in bytes; 0 means MAX_PREFERRED_LENGTH.
        #[arg(long, default_value_t = 0)]
        pref_len: u32,
        /// Timed enumerations.
        #[arg(long, default_value_t = 3)]
        calls: usize,
        /// `Options::max_parallel_reads` (detail levels): 1 reads one account after another.
        #[arg(long, default_value_t = 8)]
        parallel: usize,
    },
    /// N × NetUserGetInfo(`name`, `level`) over one warm connection.
    UserInfo {
        /// The account read; several (comma-separated) are read in turn, one per call.
        #[arg(long)]
        name: String,
        /// Information level.
        #[arg(long, default_value_t = 3)]
        level: u32,
        /// Timed calls.
        #[arg(long, default_value_t = 1000)]
        calls: usize,
    },
    /// The per-account reads of NetUserEnum level 20 over `workers` pipes (see the module docs).
    SamrFanout {
        /// How the pipes get their domain handle.
        #[arg(long)]
        mode: Fanout,
        /// Pipes reading at once.
        #[arg(long, default_value_t = 8)]
        workers: usize,
        /// Accounts read (the first ones the server enumerates).
        #[arg(long, default_value_t = 10_000)]
        accounts: usize,
    },
}

/// How the fan-out's pipes get their domain handle.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fanout {
    /// Each pipe its own association: SamrConnect5, SamrOpenDomain of its own.
    Pipes,
    /// Every pipe in the first one's association group, sharing its domain handle.
    Group,
    /// As `pipes`, but each pipe on an SMB2 connection of its own (Samba: an `smbd` each).
    Conns,
}

/// Run one users workload.
pub fn run(t: &Target, wl: UsersWorkload, heap: Option<Heap>) -> Res<Value> {
    match wl {
        UsersWorkload::UserEnum {
            level,
            pref_len,
            calls,
            parallel,
        } => user_enum(t, level, pref_len, calls, parallel, heap),
        UsersWorkload::UserInfo { name, level, calls } => user_info(t, &name, level, calls),
        UsersWorkload::SamrFanout {
            mode,
            workers,
            accounts,
        } => {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            rt.block_on(fanout(t, mode, workers.max(1), accounts))
        }
    }
}

fn result(workload: &str, mark: &Mark, extra: Value) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("tool".into(), json!("netapi"));
    m.insert("workload".into(), json!(workload));
    m.extend(mark.fields());
    if let Value::Object(e) = extra {
        m.extend(e);
    }
    Value::Object(m)
}

fn user_enum(
    t: &Target,
    level: u32,
    pref_len: u32,
    calls: usize,
    parallel: usize,
    heap: Option<Heap>,
) -> Res<Value> {
    let mut opts = t.options();
    opts.max_parallel_reads = parallel;
    let c = Client::new(&t.server, opts)?;
    let pref = if pref_len == 0 {
        MAX_PREFERRED_LENGTH
    } else {
        pref_len
    };
    // All at once (the whole-list call) at MAX_PREFERRED_LENGTH; page by page otherwise.
    let once = |c: &Client| -> Result<Vec<UserInfo>, netapi::Error> {
        if pref_len == 0 {
            c.user_enum_level(level, 0)
        } else {
            c.user_enum_pages(level, 0, pref).collect_all()
        }
    };
    // Untimed: connect, bind, open the domain, warm the server's caches. A detail level warms
    // up at level 0, so the timed run pays for the extra associations it opens, as a program
    // making this call once would.
    let entries = c.user_enum_pages(0, 0, pref).collect_all()?.len();
    let mut heap_fields = json!({});
    if let Some(h) = heap {
        let before = (h.current)();
        (h.reset)();
        let v = once(&c)?;
        let peak = (h.peak)() - before;
        let held = (h.current)().saturating_sub(before);
        heap_fields =
            json!({ "heap_result_bytes": held, "heap_peak_bytes": peak, "heap_entries": v.len() });
        drop(v);
    }
    let mark = Mark::now();
    let mut per_call = Vec::with_capacity(calls);
    for _ in 0..calls {
        let t0 = std::time::Instant::now();
        let v = once(&c)?;
        if v.len() != entries {
            return Err(format!("{} accounts, then {}", entries, v.len()).into());
        }
        std::hint::black_box(&v);
        per_call.push(t0.elapsed().as_secs_f64());
    }
    let mut r = result(
        "user-enum",
        &mark,
        json!({ "level": level, "pref_len": pref_len, "calls": calls, "entries": entries,
                "parallel": parallel, "per_call_s": per_call }),
    );
    if let (Value::Object(m), Value::Object(h)) = (&mut r, heap_fields) {
        m.extend(h);
    }
    Ok(r)
}

fn user_info(t: &Target, names: &str, level: u32, calls: usize) -> Res<Value> {
    let names: Vec<&str> = names.split(',').collect();
    let c = Client::new(&t.server, t.options())?;
    c.user_get_info_level(names[0], level)?; // connects, binds, opens the domain; not timed
    let mark = Mark::now();
    for name in names.iter().cycle().take(calls) {
        std::hint::black_box(c.user_get_info_level(name, level)?);
    }
    Ok(result(
        "user-info",
        &mark,
        json!({ "level": level, "calls": calls, "accounts": names.len() }),
    ))
}

// ---- the fan-out experiment ------------------------------------------------------------------

struct Samrc {
    rpc: RpcClient<Pipe>,
    context: u16,
}

impl Samrc {
    async fn bind(session: &SmbSession, group: u32) -> Res<Samrc> {
        let pipe = session.open_pipe(Samr::PIPE).await?;
        let mut config = AssocConfig::new(pipe.preferred_frag_size());
        config.assoc_group_id = group;
        let rpc = RpcClient::bind_with(pipe, &[Samr::SYNTAX], config).await?;
        let context = rpc.context(&Samr::SYNTAX).ok_or("samr not bound")?;
        Ok(Samrc { rpc, context })
    }

    fn group(&self) -> u32 {
        self.rpc
            .association()
            .negotiated()
            .map_or(0, |n| n.assoc_group_id)
    }

    async fn call<C: Call>(&mut self, req: &C) -> Res<C::Response> {
        let stub = netapi_ndr::encode(req)?;
        let answer = self.rpc.call(self.context, C::OPNUM, &stub).await?;
        let resp: C::Response = netapi_ndr::decode_chunks(answer.into_chunks(), Limits::DEFAULT)?;
        match resp.status() {
            0 | 0x105 => Ok(resp), // STATUS_SUCCESS, STATUS_MORE_ENTRIES
            s => Err(format!("{} answered {s:#010x}", C::NAME).into()),
        }
    }

    /// SamrConnect5, SamrLookupDomainInSamServer and SamrOpenDomain of the account domain.
    async fn open_domain(&mut self, server: &str) -> Res<ContextHandle> {
        let c = self
            .call(&w::SamrConnect5Request::maximum_allowed())
            .await?;
        let domains = self
            .call(&w::SamrEnumerateDomainsInSamServerRequest {
                server_handle: c.server_handle,
                enumeration_context: 0,
                prefered_maximum_length: u32::MAX,
            })
            .await?;
        let name = domains
            .buffer
            .as_ref()
            .and_then(|b| b.account_domain())
            .map(|n| n.to_unicode_string())
            .ok_or_else(|| format!("{server} lists no account domain"))?;
        let sid = self
            .call(&w::SamrLookupDomainInSamServerRequest {
                server_handle: c.server_handle,
                name,
            })
            .await?
            .domain_id
            .ok_or("no domain SID")?;
        let d = self
            .call(&w::SamrOpenDomainRequest {
                server_handle: c.server_handle,
                desired_access: access::MAXIMUM_ALLOWED,
                domain_id: sid,
            })
            .await?;
        Ok(d.domain_handle)
    }

    /// The RIDs of every account, by SamrEnumerateUsersInDomain.
    async fn rids(&mut self, domain: ContextHandle) -> Res<Vec<u32>> {
        let mut rids = Vec::new();
        let mut resume = 0;
        loop {
            let r = self
                .call(&w::SamrEnumerateUsersInDomainRequest {
                    domain_handle: domain,
                    enumeration_context: resume,
                    user_account_control: 0,
                    prefered_maximum_length: u32::MAX,
                })
                .await?;
            rids.extend(
                r.buffer
                    .as_ref()
                    .map(|b| b.entries())
                    .unwrap_or_default()
                    .iter()
                    .map(|e| e.relative_id),
            );
            if r.status == 0 || r.enumeration_context == resume {
                return Ok(rids);
            }
            resume = r.enumeration_context;
        }
    }

    /// What NetUserEnum level 20 asks per account.
    async fn read(&mut self, domain: ContextHandle, rid: u32) -> Res<usize> {
        let u = self
            .call(&w::SamrOpenUserRequest {
                domain_handle: domain,
                desired_access: access::MAXIMUM_ALLOWED,
                user_id: rid,
            })
            .await?;
        let all = self
            .call(&w::SamrQueryInformationUser2Request {
                user_handle: u.user_handle,
                user_information_class: w::UserInformationClass::USER_ALL_INFORMATION,
            })
            .await?;
        let sd = self
            .call(&w::SamrQuerySecurityObjectRequest {
                object_handle: u.user_handle,
                security_information: w::security_information::DACL,
            })
            .await?;
        self.call(&w::SamrCloseHandleRequest {
            sam_handle: u.user_handle,
        })
        .await?;
        std::hint::black_box((&all, &sd));
        Ok(1)
    }
}

async fn fanout(t: &Target, mode: Fanout, workers: usize, accounts: usize) -> Res<Value> {
    let opts = t.options();
    let session = SmbSession::connect(&t.server, &opts.credentials, &opts.smb).await?;
    let mut first = Samrc::bind(&session, 0).await?;
    let domain = first.open_domain(&t.server).await?;
    let mut rids = first.rids(domain).await?;
    rids.truncate(accounts);
    let group = first.group();
    let mut pipes = vec![(first, domain)];
    let mut sessions = Vec::new();
    for _ in 1..workers {
        let (mut c, d) = match mode {
            Fanout::Pipes => {
                let mut c = Samrc::bind(&session, 0).await?;
                let d = c.open_domain(&t.server).await?;
                (c, d)
            }
            Fanout::Conns => {
                let own = SmbSession::connect(&t.server, &opts.credentials, &opts.smb).await?;
                let mut c = Samrc::bind(&own, 0).await?;
                sessions.push(own);
                let d = c.open_domain(&t.server).await?;
                (c, d)
            }
            Fanout::Group => (Samrc::bind(&session, group).await?, domain),
        };
        // One untimed read: the pipe (and, in a group, the shared handle) works.
        c.read(d, rids[0]).await?;
        pipes.push((c, d));
    }
    if mode == Fanout::Group && pipes.iter().any(|(c, _)| c.group() != group) {
        return Err("the server put a pipe into another association group".into());
    }
    let next = AtomicUsize::new(0);
    let mark = Mark::now();
    let done: Vec<usize> = try_join_all(pipes.iter_mut().map(|(c, d)| {
        let (next, rids, d) = (&next, &rids, *d);
        async move {
            let mut n = 0;
            while let Some(&rid) = rids.get(next.fetch_add(1, Ordering::Relaxed)) {
                n += c.read(d, rid).await?;
            }
            Ok::<_, Box<dyn std::error::Error>>(n)
        }
    }))
    .await?;
    let read: usize = done.iter().sum();
    Ok(result(
        "samr-fanout",
        &mark,
        json!({ "mode": format!("{mode:?}").to_lowercase(), "workers": workers, "accounts": read,
                "per_worker": done, "assoc_group": group }),
    ))
}
