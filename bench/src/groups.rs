//! `netapi-bench members`: the member list of one large group — NetGroupGetUsers (a global
//! group, level 0 or 1) or NetLocalGroupGetMembers (a local group, levels 0–3) — N times over
//! one warm connection (the connection, binds and the per-association handle caches of samr and
//! lsarpc are made by an untimed first call), as `net rpc group members` lists them.
//!
//! It also counts the round trips of one warm call: a second client dumps every request stub
//! (`Options::dump_stubs`), and the requests of one call after its own warm-up are counted per
//! interface. Beyond paging that count does not depend on the number of members: the member
//! list is one SamrGetMembersIn* call and the names one lookup per batch (1,000 RIDs for
//! SamrLookupIdsInDomain, 20,480 SIDs for LsarLookupSids2).

use serde_json::{Value, json};

use crate::Target;
use crate::measure::Mark;
use netapi::{Client, MAX_PREFERRED_LENGTH};

/// Which kind of group.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// A global group: NetGroupGetUsers.
    Group,
    /// A local group: NetLocalGroupGetMembers.
    Local,
}

fn list(c: &Client, kind: GroupKind, name: &str, level: u32, pref: u32) -> netapi::Result<usize> {
    Ok(match kind {
        GroupKind::Group => c
            .group_get_users_pages(name, level, pref)
            .collect_all()?
            .len(),
        GroupKind::Local => c
            .local_group_get_members_pages(name, level, pref)
            .collect_all()?
            .len(),
    })
}

/// The requests one warm call sends, per interface (`samr`, `lsarpc`).
fn round_trips(
    t: &Target,
    kind: GroupKind,
    name: &str,
    level: u32,
    pref: u32,
) -> netapi::Result<(usize, usize)> {
    let dir = std::env::temp_dir().join(format!("netapi-bench-stubs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let mut o = t.options();
    o.dump_stubs = Some(dir.clone());
    let c = Client::new(&t.server, o)?;
    list(&c, kind, name, level, pref)?;
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let _ = std::fs::remove_file(e.path());
    }
    list(&c, kind, name, level, pref)?;
    let mut counts = (0, 0);
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let f = e.file_name().to_string_lossy().into_owned();
        if f.ends_with(".in.hex") {
            if f.starts_with("samr") {
                counts.0 += 1;
            } else if f.starts_with("lsarpc") {
                counts.1 += 1;
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(counts)
}

/// `calls` listings of `name` at `level` (prefLen `pref_len`, 0: MAX_PREFERRED_LENGTH).
pub fn members(
    t: &Target,
    kind: GroupKind,
    name: &str,
    level: u32,
    pref_len: u32,
    calls: usize,
) -> netapi::Result<Value> {
    let pref = if pref_len == 0 {
        MAX_PREFERRED_LENGTH
    } else {
        pref_len
    };
    let (samr, lsarpc) = round_trips(t, kind, name, level, pref)?;
    let c = Client::new(&t.server, t.options())?;
    let entries = list(&c, kind, name, level, pref)?;
    let mark = Mark::now();
    for _ in 0..calls {
        list(&c, kind, name, level, pref)?;
    }
    let mut m = serde_json::Map::new();
    m.insert("tool".into(), json!("netapi"));
    m.insert("workload".into(), json!("members"));
    m.extend(mark.fields());
    m.insert("kind".into(), json!(format!("{kind:?}").to_lowercase()));
    m.insert("level".into(), json!(level));
    m.insert("calls".into(), json!(calls));
    m.insert("entries".into(), json!(entries));
    m.insert("round_trips_samr".into(), json!(samr));
    m.insert("round_trips_lsarpc".into(), json!(lsarpc));
    Ok(Value::Object(m))
}
