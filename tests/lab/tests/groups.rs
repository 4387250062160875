//! Global groups, local groups, a user's groups, names and SIDs against both lab servers,
//! cross-checked with Samba's own tools (`rpcclient` enumdomgroups / enumalsgroups /
//! querygroup / queryusergroups / queryuseraliases / queryaliasmem / lookupsids / lookupnames,
//! `net rpc group members`, `samba-tool group addmembers`), never only by reading back through
//! netapi. Every error code of the issue is provoked; objects are named `nlp_<tag>_<pid>_<n>`
//! and deleted again (local groups emptied first: quirk(samba-4.17), the file server keeps the
//! membership records of an alias deleted with members).
//!
//! The tests of this binary run one at a time (a shared lock), and account writes on the file
//! server are spaced by a second (tools/LAB.md: two writes within about a second can leave it
//! with a stale view).

use std::collections::BTreeSet;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use netapi::info::*;
use netapi::options::Credentials;
use netapi::{Client, Kind, MAX_PREFERRED_LENGTH, Options};
use netapi_testkit::lab::{Lab, Server};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

fn client(server: &Server, user: &str) -> Client {
    let creds = Credentials::password(&server.domain, user, &server.password);
    Client::new(&server.ip, Options::new(creds)).unwrap()
}

fn admin(server: &Server) -> Client {
    client(server, &server.admin_user)
}

/// A name no other run uses.
fn unique(tag: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "nlp_{tag}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// Space account writes on the file server (tools/LAB.md).
fn settle(server: &Server) {
    if server.role == "fs" {
        std::thread::sleep(Duration::from_millis(1100));
    }
}

/// `rpcclient -c <cmd>` as the server's administrator; its output (must succeed).
fn rpc(lab: &Lab, server: &Server, cmd: &str) -> String {
    let (ok, out) = lab.samba_tool("rpcclient", server, &server.admin_user, &["-c", cmd]);
    assert!(ok, "rpcclient {cmd:?} failed: {out}");
    out
}

/// `[name] rid:[0x..]` lines of rpcclient's enumerations.
fn names_and_rids(out: &str) -> Vec<(String, u32)> {
    out.lines()
        .filter_map(|l| {
            let name = l.split_once(":[")?.1.split_once(']')?.0.to_string();
            let rid = l.split_once("rid:[0x")?.1.split_once(']')?.0;
            Some((name, u32::from_str_radix(rid, 16).ok()?))
        })
        .collect()
}

/// The global groups `rpcclient enumdomgroups` lists.
fn rpc_groups(lab: &Lab, server: &Server) -> Vec<(String, u32)> {
    names_and_rids(&rpc(lab, server, "enumdomgroups"))
}

/// The aliases `rpcclient enumalsgroups builtin|domain` lists.
fn rpc_aliases(lab: &Lab, server: &Server, domain: &str) -> Vec<(String, u32)> {
    names_and_rids(&rpc(lab, server, &format!("enumalsgroups {domain}")))
}

/// `net rpc group members NAME`: `DOMAIN\member` lines (SIDs for what does not resolve).
fn net_members(lab: &Lab, server: &Server, group: &str) -> Vec<String> {
    let (ok, out) = lab.samba_tool(
        "net",
        server,
        &server.admin_user,
        &["rpc", "group", "members", group],
    );
    assert!(ok, "net rpc group members {group} failed: {out}");
    out.lines()
        .map(str::to_string)
        .filter(|l| !l.is_empty())
        .collect()
}

/// `rpcclient lookupnames NAME`: the SID.
fn rpc_sid(lab: &Lab, server: &Server, name: &str) -> String {
    let out = rpc(lab, server, &format!("lookupnames \"{name}\""));
    out.split_whitespace()
        .find(|s| s.starts_with("S-1-"))
        .unwrap_or_else(|| panic!("no SID for {name}: {out}"))
        .to_string()
}

/// `rpcclient queryaliasmem builtin|domain RID`: the member SIDs.
fn rpc_alias_members(lab: &Lab, server: &Server, domain: &str, rid: u32) -> BTreeSet<String> {
    rpc(lab, server, &format!("queryaliasmem {domain} 0x{rid:x}"))
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("sid:[")?
                .strip_suffix(']')
                .map(str::to_string)
        })
        .collect()
}

/// `rpcclient lookupsids SID`: (DOMAIN\name, type).
fn rpc_lookup_sid(lab: &Lab, server: &Server, sid: &str) -> (String, u32) {
    let out = rpc(lab, server, &format!("lookupsids {sid}"));
    let line = out
        .lines()
        .find(|l| l.starts_with(sid))
        .unwrap_or_else(|| panic!("lookupsids {sid}: {out}"));
    let rest = line[sid.len()..].trim();
    let (name, kind) = rest.rsplit_once(" (").unwrap();
    (
        name.to_string(),
        kind.trim_end_matches(')').parse().unwrap(),
    )
}

fn rid_of(sid: &str) -> u32 {
    sid.rsplit('-').next().unwrap().parse().unwrap()
}

/// Create user `name` with rpcclient (an independent client), then settle.
fn create_user(lab: &Lab, server: &Server, name: &str) {
    rpc(
        lab,
        server,
        &format!("createdomuser {name} {}", server.password),
    );
    settle(server);
}

fn delete_user(lab: &Lab, server: &Server, name: &str) {
    rpc(lab, server, &format!("deletedomuser {name}"));
    settle(server);
}

/// Deletes what a test created with Samba's own `net rpc`, whatever happened to the test.
struct Cleanup<'a> {
    lab: &'a Lab,
    server: &'a Server,
    groups: Vec<String>,
    users: Vec<String>,
}

impl<'a> Cleanup<'a> {
    fn new(lab: &'a Lab, server: &'a Server) -> Self {
        Cleanup {
            lab,
            server,
            groups: Vec::new(),
            users: Vec::new(),
        }
    }
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        for g in self.groups.drain(..) {
            // Empty first (quirk(samba-4.17): stale alias memberships on the file server).
            for m in net_members_quiet(self.lab, self.server, &g) {
                let _ = self.lab.samba_tool(
                    "net",
                    self.server,
                    &self.server.admin_user,
                    &["rpc", "group", "delmem", &g, &m],
                );
            }
            let _ = self.lab.samba_tool(
                "net",
                self.server,
                &self.server.admin_user,
                &["rpc", "group", "delete", &g],
            );
        }
        for u in self.users.drain(..) {
            let _ = self.lab.samba_tool(
                "rpcclient",
                self.server,
                &self.server.admin_user,
                &["-c", &format!("deletedomuser {u}")],
            );
        }
    }
}

fn net_members_quiet(lab: &Lab, server: &Server, group: &str) -> Vec<String> {
    let (ok, out) = lab.samba_tool(
        "net",
        server,
        &server.admin_user,
        &["rpc", "group", "members", group],
    );
    if !ok {
        return Vec::new();
    }
    out.lines()
        .map(str::to_string)
        .filter(|l| !l.is_empty())
        .collect()
}

fn names<T>(items: &[T], name: impl Fn(&T) -> Option<&str>) -> Vec<String> {
    items
        .iter()
        .map(|i| name(i).unwrap_or("").to_string())
        .collect()
}

fn sorted(v: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    v.into_iter().collect()
}

// ---------------------------------------------------------------------------------------------

fn group_list_and_info_match_rpcclient(lab: &Lab, server: &Server) {
    let c = admin(server);
    let want = rpc_groups(lab, server);
    assert!(!want.is_empty());
    for level in [0, 1, 2, 3] {
        let got = c.group_enum_level(level).unwrap();
        assert_eq!(
            sorted(names(&got, GroupInfo::name)),
            sorted(want.iter().map(|g| g.0.clone())),
            "NetGroupEnum level {level} on {}",
            server.role
        );
        for g in &got {
            let (_, rid) = want
                .iter()
                .find(|w| Some(w.0.as_str()) == g.name())
                .unwrap();
            match g {
                GroupInfo::L2(g) => assert_eq!(g.group_id, *rid),
                GroupInfo::L3(g) => {
                    assert_eq!(g.group_sid.as_ref().unwrap().rid(), Some(*rid));
                }
                _ => {}
            }
        }
    }
    // A small page size walks the same groups exactly once.
    let paged: Vec<GroupInfo> = c.group_enum_pages(0, 1).collect_all().unwrap();
    assert_eq!(
        names(&paged, GroupInfo::name),
        names(&c.group_enum_level(0).unwrap(), GroupInfo::name)
    );
    // NetGroupGetInfo against rpcclient querygroup.
    let rid = rpc_groups(lab, server)
        .into_iter()
        .find(|g| g.0 == "LabGroup")
        .unwrap()
        .1;
    let q = rpc(lab, server, &format!("querygroup 0x{rid:x}"));
    let GroupInfo::L3(g) = c.group_get_info_level("LabGroup", 3).unwrap() else {
        panic!("level")
    };
    assert!(
        q.contains(&format!("Description:\t{}", g.comment.as_deref().unwrap())),
        "{q}"
    );
    assert!(
        q.contains(&format!("Group Attribute:{}", g.attributes)),
        "{q}"
    );
    assert_eq!(
        g.group_sid.unwrap().to_string(),
        rpc_sid(lab, server, "LabGroup")
    );
    // Errors: not a group (2220), a user's name (2220), a level Windows does not serve (124).
    for name in ["nlp_no_such_group", server.user.as_str()] {
        let e = c.group_get_info_level(name, 1).unwrap_err();
        assert_eq!((e.op(), e.win32()), ("NetGroupGetInfo", 2220), "{e}");
    }
    let e = c.group_get_info_level("LabGroup", 4).unwrap_err();
    assert_eq!((e.win32(), e.kind()), (124, Kind::Usage));
}

#[test]
fn group_list_and_info_match_rpcclient_on_both_servers() {
    let Some(lab) = Lab::get() else { return };
    let _g = serial();
    group_list_and_info_match_rpcclient(&lab, &lab.fs);
    group_list_and_info_match_rpcclient(&lab, &lab.dc);
}

fn group_lifecycle(lab: &Lab, server: &Server) {
    let c = admin(server);
    let mut cleanup = Cleanup::new(lab, server);
    let name = unique("g");
    cleanup.groups.push(name.clone());
    c.group_add(
        &GroupInfo1 {
            name: Some(name.clone()),
            comment: Some("made by netapi".into()),
        }
        .into(),
    )
    .unwrap();
    settle(server);
    let rid = rpc_groups(lab, server)
        .into_iter()
        .find(|g| g.0 == name)
        .expect("rpcclient enumdomgroups lists the new group")
        .1;
    assert!(rpc(lab, server, &format!("querygroup 0x{rid:x}")).contains("made by netapi"));
    // NERR_GroupExists; a user's name: NERR_UserExists (2224) on the file server, the DC answers
    // STATUS_GROUP_EXISTS (quirk(samba-4.17)).
    let e = c
        .group_add(
            &GroupInfo0 {
                name: Some(name.clone()),
            }
            .into(),
        )
        .unwrap_err();
    assert_eq!(e.win32(), 2223, "{e}");
    let e = c
        .group_add(
            &GroupInfo0 {
                name: Some(server.user.clone()),
            }
            .into(),
        )
        .unwrap_err();
    let want = if server.role == "fs" { 2224 } else { 2223 };
    assert_eq!(e.win32(), want, "{e}");
    // Set: the comment alone (1002), then level 2 (comment and attributes).
    c.group_set_info(
        &name,
        &GroupInfo1002 {
            comment: Some("changed".into()),
        }
        .into(),
    )
    .unwrap();
    settle(server);
    assert!(rpc(lab, server, &format!("querygroup 0x{rid:x}")).contains("Description:\tchanged"));
    c.group_set_info(
        &name,
        &GroupInfo2 {
            comment: Some("both".into()),
            attributes: 7,
            ..Default::default()
        }
        .into(),
    )
    .unwrap();
    settle(server);
    let GroupInfo::L1(g) = c.group_get_info_level(&name, 1).unwrap() else {
        panic!()
    };
    assert_eq!(g.comment.as_deref(), Some("both"));
    // Members: add, the errors of each step, list against net rpc.
    c.group_add_user(&name, &server.user).unwrap();
    settle(server);
    assert_eq!(
        net_members(lab, server, &name),
        [format!("{}\\{}", server.domain, server.user)]
    );
    let err = |r: netapi::Result<()>| r.unwrap_err().win32();
    assert_eq!(
        err(c.group_add_user(&name, &server.user)),
        2236,
        "NERR_UserInGroup"
    );
    assert_eq!(
        err(c.group_add_user(&name, "nlp_no_such_user")),
        2221,
        "NERR_UserNotFound"
    );
    assert_eq!(
        err(c.group_add_user("nlp_no_such_group", &server.user)),
        2220,
        "NERR_GroupNotFound"
    );
    assert_eq!(
        err(c.group_add_user(&name, "LabGroup")),
        2221,
        "a group is no user"
    );
    assert_eq!(
        err(c.group_del_user(&name, &server.admin_user)),
        2237,
        "NERR_UserNotInGroup"
    );
    for level in [0, 1] {
        let got = c.group_get_users_level(&name, level).unwrap();
        assert_eq!(
            names(&got, GroupUsersInfo::name),
            std::slice::from_ref(&server.user)
        );
        assert_eq!(got[0].attributes(), (level == 1).then_some(7));
    }
    // NetGroupSetUsers: the administrator instead of the user.
    c.group_set_users(
        &name,
        0,
        &[GroupUsersInfo0 {
            name: Some(server.admin_user.clone()),
        }
        .into()],
    )
    .unwrap();
    settle(server);
    assert_eq!(
        net_members(lab, server, &name),
        [format!("{}\\{}", server.domain, server.admin_user)]
    );
    let e = c
        .group_set_users(
            &name,
            0,
            &[GroupUsersInfo0 {
                name: Some("nlp_no_such_user".into()),
            }
            .into()],
        )
        .unwrap_err();
    assert_eq!(e.win32(), 2221);
    assert_eq!(net_members(lab, server, &name).len(), 1, "nothing changed");
    // NERR_SpeGroupOp: built-in groups are never deleted; removing a user from its primary
    // group (the DC answers STATUS_NOT_FOUND, quirk(samba-4.17)).
    let builtin = if server.role == "fs" {
        "Domain Admins"
    } else {
        "Domain Users"
    };
    assert_eq!(err(c.group_del(builtin)), 2234);
    if server.role == "dc" {
        assert_eq!(err(c.group_del_user("Domain Users", &server.user)), 2234);
    }
    // ERROR_ACCESS_DENIED for an ordinary user.
    let plain = client(server, &server.user);
    assert_eq!(
        err(plain.group_add(
            &GroupInfo0 {
                name: Some(unique("g"))
            }
            .into()
        )),
        5
    );
    assert_eq!(err(plain.group_add_user(&name, &server.user)), 5);
    // Rename (level 0), then delete with its member.
    let renamed = unique("g");
    cleanup.groups.push(renamed.clone());
    c.group_set_info(
        &name,
        &GroupInfo0 {
            name: Some(renamed.clone()),
        }
        .into(),
    )
    .unwrap();
    settle(server);
    let listed: Vec<String> = rpc_groups(lab, server).into_iter().map(|g| g.0).collect();
    assert!(
        listed.contains(&renamed) && !listed.contains(&name),
        "{listed:?}"
    );
    c.group_del(&renamed).unwrap();
    settle(server);
    assert!(!rpc_groups(lab, server).iter().any(|g| g.0 == renamed));
    assert_eq!(err(c.group_del(&renamed)), 2220);
}

#[test]
fn group_lifecycle_and_errors_cross_checked_on_both_servers() {
    let Some(lab) = Lab::get() else { return };
    let _g = serial();
    group_lifecycle(&lab, &lab.fs);
    group_lifecycle(&lab, &lab.dc);
}

fn local_groups_and_members_match_rpcclient(lab: &Lab, server: &Server) {
    let c = admin(server);
    let builtin = rpc_aliases(lab, server, "builtin");
    let domain = rpc_aliases(lab, server, "domain");
    for level in [0, 1] {
        let got = c.local_group_enum_level(level).unwrap();
        let got = names(&got, LocalGroupInfo::name);
        // BUILTIN's first, then the account domain's.
        let (b, d) = got.split_at(builtin.len());
        assert_eq!(
            sorted(b.to_vec()),
            sorted(builtin.iter().map(|a| a.0.clone()))
        );
        assert_eq!(
            sorted(d.to_vec()),
            sorted(domain.iter().map(|a| a.0.clone()))
        );
    }
    let paged: Vec<LocalGroupInfo> = c.local_group_enum_pages(0, 1).collect_all().unwrap();
    assert_eq!(paged.len(), builtin.len() + domain.len());
    let LocalGroupInfo::L1(a) = c.local_group_get_info_level("LabLocal", 1).unwrap() else {
        panic!()
    };
    assert_eq!(a.name.as_deref(), Some("LabLocal"));
    assert!(a.comment.unwrap().starts_with("Lab "));
    // Members of BUILTIN\Administrators at every level against queryaliasmem + lookupsids.
    let want = rpc_alias_members(lab, server, "builtin", 544);
    assert!(!want.is_empty());
    let m0 = c
        .local_group_get_members_level("Administrators", 0)
        .unwrap();
    assert_eq!(
        sorted(m0.iter().map(|m| m.sid().unwrap().to_string())),
        want
    );
    for m in c
        .local_group_get_members_level("Administrators", 2)
        .unwrap()
    {
        let LocalGroupMembersInfo::L2(m) = m else {
            panic!()
        };
        let sid = m.sid.unwrap().to_string();
        let (name, kind) = rpc_lookup_sid(lab, server, &sid);
        assert_eq!(
            (m.domainandname.unwrap(), m.sidusage),
            (name, kind),
            "{sid}"
        );
    }
    for m in c
        .local_group_get_members_level("Administrators", 1)
        .unwrap()
    {
        let LocalGroupMembersInfo::L1(m) = m else {
            panic!()
        };
        let (name, _) = rpc_lookup_sid(lab, server, &m.sid.unwrap().to_string());
        assert_eq!(Some(name.rsplit('\\').next().unwrap()), m.name.as_deref());
    }
    // An account-domain alias against net rpc group members, at level 3.
    let m3 = c.local_group_get_members_level("LabLocal", 3).unwrap();
    assert_eq!(
        names(&m3, LocalGroupMembersInfo::domainandname),
        net_members(lab, server, "LabLocal")
    );
    let e = c
        .local_group_get_members_level("nlp_no_such_alias", 2)
        .unwrap_err();
    assert_eq!(e.win32(), 2220);
    let e = c.local_group_get_members_level("LabGroup", 2).unwrap_err();
    assert_eq!(e.win32(), 2220, "a global group is no local group");
}

#[test]
fn local_groups_and_members_match_rpcclient_on_both_servers() {
    let Some(lab) = Lab::get() else { return };
    let _g = serial();
    local_groups_and_members_match_rpcclient(&lab, &lab.fs);
    local_groups_and_members_match_rpcclient(&lab, &lab.dc);
}

fn m3(name: &str) -> LocalGroupMembersInfo {
    LocalGroupMembersInfo3 {
        domainandname: Some(name.to_string()),
    }
    .into()
}

fn local_group_lifecycle(lab: &Lab, server: &Server) {
    let c = admin(server);
    let mut cleanup = Cleanup::new(lab, server);
    let name = unique("a");
    cleanup.groups.push(name.clone());
    c.local_group_add(
        &LocalGroupInfo1 {
            name: Some(name.clone()),
            comment: Some("made by netapi".into()),
        }
        .into(),
    )
    .unwrap();
    settle(server);
    assert!(
        rpc_aliases(lab, server, "domain")
            .iter()
            .any(|a| a.0 == name)
    );
    let err = |r: netapi::Result<()>| r.unwrap_err().win32();
    // ERROR_ALIAS_EXISTS for the same name and for a BUILTIN name; a user's or a group's name:
    // NERR_UserExists / NERR_GroupExists on the file server (the DC answers ALIAS_EXISTS).
    let add = |n: &str| {
        c.local_group_add(
            &LocalGroupInfo0 {
                name: Some(n.to_string()),
            }
            .into(),
        )
    };
    assert_eq!(err(add(&name)), 1379);
    assert_eq!(err(add("Administrators")), 1379);
    let (user_exists, group_exists) = if server.role == "fs" {
        (2224, 2223)
    } else {
        (1379, 1379)
    };
    assert_eq!(err(add(&server.user)), user_exists);
    assert_eq!(err(add("LabGroup")), group_exists);
    // Members by name (a user and a global group), against net rpc.
    let user = format!("{}\\{}", server.domain, server.user);
    c.local_group_add_members(&name, 3, &[m3(&user), m3("LabGroup")])
        .unwrap();
    settle(server);
    assert_eq!(
        sorted(net_members(lab, server, &name)),
        sorted([user.clone(), format!("{}\\LabGroup", server.domain)])
    );
    // ERROR_MEMBER_IN_ALIAS (the DC answers MEMBER_IN_GROUP, translated), and nothing of the
    // call stays: the administrator listed before the duplicate is not added.
    let admin_name = format!("{}\\{}", server.domain, server.admin_user);
    assert_eq!(
        err(c.local_group_add_members(&name, 3, &[m3(&admin_name), m3(&user)])),
        1378
    );
    settle(server);
    assert_eq!(net_members(lab, server, &name).len(), 2);
    assert_eq!(
        err(c.local_group_add_members(&name, 3, &[m3("nlp_no_such_user")])),
        1387
    );
    assert_eq!(
        err(c.local_group_add_members(&name, 3, &[m3(&server.domain)])),
        1388
    );
    assert_eq!(
        err(c.local_group_add_members("nlp_no_such_alias", 3, &[m3(&user)])),
        2220
    );
    assert_eq!(
        err(c.local_group_del_members(&name, 3, &[m3(&admin_name)])),
        1377
    );
    let plain = client(server, &server.user);
    assert_eq!(
        err(plain.local_group_add_members(&name, 3, &[m3(&admin_name)])),
        5
    );
    // Set: the comment, a rename.
    c.local_group_set_info(
        &name,
        &LocalGroupInfo1002 {
            comment: Some("changed".into()),
        }
        .into(),
    )
    .unwrap();
    settle(server);
    let LocalGroupInfo::L1(a) = c.local_group_get_info_level(&name, 1).unwrap() else {
        panic!()
    };
    assert_eq!(a.comment.as_deref(), Some("changed"));
    // Set members by SID (level 0): only the administrator.
    let admin_sid = rpc_sid(lab, server, &server.admin_user);
    c.local_group_set_members(
        &name,
        0,
        &[LocalGroupMembersInfo0 {
            sid: Some(admin_sid.parse().unwrap()),
        }
        .into()],
    )
    .unwrap();
    settle(server);
    assert_eq!(
        net_members(lab, server, &name),
        std::slice::from_ref(&admin_name)
    );
    // Delete members by plain name (what pywin32's NetLocalGroupDelMembers sends).
    c.local_group_del_members(&name, 3, &[m3(&server.admin_user)])
        .unwrap();
    settle(server);
    assert!(net_members(lab, server, &name).is_empty());
    let renamed = unique("a");
    cleanup.groups.push(renamed.clone());
    c.local_group_set_info(
        &name,
        &LocalGroupInfo0 {
            name: Some(renamed.clone()),
        }
        .into(),
    )
    .unwrap();
    settle(server);
    c.local_group_del(&renamed).unwrap();
    settle(server);
    let listed = rpc_aliases(lab, server, "domain");
    assert!(
        !listed.iter().any(|a| a.0 == renamed || a.0 == name),
        "{listed:?}"
    );
    assert_eq!(err(c.local_group_del(&renamed)), 2220);
}

#[test]
fn local_group_lifecycle_and_errors_cross_checked_on_both_servers() {
    let Some(lab) = Lab::get() else { return };
    let _g = serial();
    local_group_lifecycle(&lab, &lab.fs);
    local_group_lifecycle(&lab, &lab.dc);
}

fn user_groups(lab: &Lab, server: &Server) {
    let c = admin(server);
    let user_sid = rpc_sid(lab, server, &server.user);
    let user_rid = rid_of(&user_sid);
    // NetUserGetGroups against queryusergroups (RIDs named by lookupsids).
    let want: BTreeSet<String> = rpc(lab, server, &format!("queryusergroups 0x{user_rid:x}"))
        .lines()
        .filter_map(|l| {
            l.split_once("rid:[0x")?
                .1
                .split_once(']')
                .map(|r| r.0.to_string())
        })
        .map(|r| {
            let sid = format!(
                "{}-{}",
                user_sid.rsplit_once('-').unwrap().0,
                u32::from_str_radix(&r, 16).unwrap()
            );
            rpc_lookup_sid(lab, server, &sid)
                .0
                .rsplit('\\')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let got = c.user_get_groups_level(&server.user, 1).unwrap();
    assert_eq!(sorted(names(&got, GroupUsersInfo::name)), want);
    assert!(got.iter().all(|g| g.attributes() == Some(7)));
    // NetUserGetLocalGroups, direct: queryuseraliases of the user's SID in both domains.
    let aliases_of = |sids: &[String]| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for domain in ["builtin", "domain"] {
            let list = rpc(
                lab,
                server,
                &format!("queryuseraliases {domain} {}", sids.join(" ")),
            );
            let all = rpc_aliases(lab, server, domain);
            for l in list.lines() {
                let Some(r) = l.split_once("rid:[0x").and_then(|x| x.1.split_once(']')) else {
                    continue;
                };
                let rid = u32::from_str_radix(r.0, 16).unwrap();
                out.insert(all.iter().find(|a| a.1 == rid).unwrap().0.clone());
            }
        }
        out
    };
    let direct = c.user_get_local_groups_level(&server.user, 0, 0).unwrap();
    let direct = sorted(
        direct
            .iter()
            .map(|g| g.to_json()["name"].as_str().unwrap().to_string()),
    );
    assert_eq!(direct, aliases_of(std::slice::from_ref(&user_sid)));
    // With LG_INCLUDE_INDIRECT: the user's SID and its groups' SIDs.
    let mut sids = vec![user_sid.clone()];
    for g in &got {
        sids.push(rpc_sid(lab, server, g.name().unwrap()));
    }
    let indirect = c.user_get_local_groups_level(&server.user, 0, 1).unwrap();
    let indirect = sorted(
        indirect
            .iter()
            .map(|g| g.to_json()["name"].as_str().unwrap().to_string()),
    );
    assert_eq!(indirect, aliases_of(&sids));
    assert!(indirect.is_superset(&direct) && indirect.contains("LabLocal"));
    let qualified = c
        .user_get_local_groups_level(&format!("{}\\{}", server.domain, server.user), 0, 1)
        .unwrap();
    assert_eq!(qualified.len(), indirect.len());
    let e = c.user_get_groups_level("nlp_no_such_user", 0).unwrap_err();
    assert_eq!(e.win32(), 2221);
    let e = c
        .user_get_local_groups_level("nlp_no_such_user", 0, 1)
        .unwrap_err();
    assert_eq!(e.win32(), 2221);
    // NetUserSetGroups on a fresh user: join two groups, then keep one; the primary group stays.
    let mut cleanup = Cleanup::new(lab, server);
    let who = unique("u");
    let (g1, g2) = (unique("g"), unique("g"));
    cleanup.users.push(who.clone());
    cleanup.groups.extend([g1.clone(), g2.clone()]);
    create_user(lab, server, &who);
    for g in [&g1, &g2] {
        c.group_add(
            &GroupInfo0 {
                name: Some(g.clone()),
            }
            .into(),
        )
        .unwrap();
        settle(server);
    }
    let entry = |n: &str| -> GroupUsersInfo {
        GroupUsersInfo0 {
            name: Some(n.to_string()),
        }
        .into()
    };
    c.user_set_groups(&who, 0, &[entry(&g1), entry(&g2)])
        .unwrap();
    settle(server);
    assert_eq!(
        net_members(lab, server, &g1),
        [format!("{}\\{who}", server.domain)]
    );
    assert_eq!(
        net_members(lab, server, &g2),
        [format!("{}\\{who}", server.domain)]
    );
    c.user_set_groups(&who, 0, &[entry(&g2)]).unwrap();
    settle(server);
    assert!(net_members(lab, server, &g1).is_empty());
    let now = c.user_get_groups_level(&who, 0).unwrap();
    assert_eq!(now.len(), 2, "the primary group and {g2}: {now:?}");
    let e = c
        .user_set_groups(&who, 0, &[entry("nlp_no_such_group")])
        .unwrap_err();
    assert_eq!(e.win32(), 2220);
    assert_eq!(net_members(lab, server, &g2).len(), 1, "nothing changed");
}

#[test]
fn user_groups_match_queryusergroups_and_queryuseraliases_on_both_servers() {
    let Some(lab) = Lab::get() else { return };
    let _g = serial();
    user_groups(&lab, &lab.fs);
    user_groups(&lab, &lab.dc);
}

#[test]
fn a_member_that_no_longer_resolves_is_listed_by_its_sid() {
    let Some(lab) = Lab::get() else { return };
    let _g = serial();
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let mut cleanup = Cleanup::new(&lab, server);
        let alias = unique("a");
        cleanup.groups.push(alias.clone());
        c.local_group_add(
            &LocalGroupInfo0 {
                name: Some(alias.clone()),
            }
            .into(),
        )
        .unwrap();
        settle(server);
        let gone = if server.role == "fs" {
            // A user added, then deleted with rpcclient: the file server keeps its SID.
            let who = unique("u");
            create_user(&lab, server, &who);
            let sid = rpc_sid(&lab, server, &who);
            c.local_group_add_members(&alias, 3, &[m3(&who)]).unwrap();
            settle(server);
            delete_user(&lab, server, &who);
            sid
        } else {
            // AD drops a deleted user's links; a foreign SID nobody can resolve stays
            // (samba-tool makes its ForeignSecurityPrincipal; SAMR cannot).
            let sid = format!("S-1-5-21-7-8-9-{}", std::process::id());
            let out = Command::new("samba-tool")
                .args([
                    "group",
                    "addmembers",
                    &alias,
                    &sid,
                    "-H",
                    &format!("ldap://{}", server.ip),
                ])
                .args([
                    "-U",
                    &format!(
                        "{}\\{}%{}",
                        server.domain, server.admin_user, server.password
                    ),
                ])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            sid
        };
        c.local_group_add_members(&alias, 3, &[m3(&server.user)])
            .unwrap();
        settle(server);
        let (name, kind) = rpc_lookup_sid(&lab, server, &gone);
        assert_eq!(kind, 8, "rpcclient: {name}");
        for level in [0, 1, 2, 3] {
            let members = c.local_group_get_members_level(&alias, level).unwrap();
            assert_eq!(members.len(), 2, "never dropped: {members:?}");
            let m = members
                .iter()
                .find(|m| {
                    m.sid().map(ToString::to_string) == Some(gone.clone())
                        || m.domainandname() == Some(gone.as_str())
                })
                .unwrap_or_else(|| panic!("{gone} missing at level {level}: {members:?}"));
            match m {
                LocalGroupMembersInfo::L1(m) => {
                    assert_eq!((m.sidusage, m.name.as_deref()), (8, Some(gone.as_str())))
                }
                LocalGroupMembersInfo::L2(m) => assert_eq!(
                    (m.sidusage, m.domainandname.as_deref()),
                    (8, Some(gone.as_str()))
                ),
                LocalGroupMembersInfo::L3(m) => {
                    assert_eq!(m.domainandname.as_deref(), Some(gone.as_str()))
                }
                _ => {}
            }
        }
        // It can be removed by SID like any member.
        c.local_group_del_members(
            &alias,
            0,
            &[LocalGroupMembersInfo0 {
                sid: Some(gone.parse().unwrap()),
            }
            .into()],
        )
        .unwrap();
        settle(server);
        assert_eq!(c.local_group_get_members_level(&alias, 0).unwrap().len(), 1);
        c.local_group_set_members(&alias, 3, &[]).unwrap();
        settle(server);
    }
}

#[test]
fn fifteen_hundred_members_are_paged_exactly_once() {
    let Some(lab) = Lab::get() else { return };
    let _g = serial();
    // The file server: a local group of 1,500 SIDs nobody resolves (added in one
    // NetLocalGroupAddMembers call), listed by SID at every page size.
    {
        let server = &lab.fs;
        let c = admin(server);
        let mut cleanup = Cleanup::new(&lab, server);
        let alias = unique("big");
        cleanup.groups.push(alias.clone());
        c.local_group_add(
            &LocalGroupInfo0 {
                name: Some(alias.clone()),
            }
            .into(),
        )
        .unwrap();
        settle(server);
        let base = std::process::id();
        let sids: Vec<String> = (0..1500)
            .map(|i| format!("S-1-5-21-7-8-{base}-{i}"))
            .collect();
        let entries: Vec<LocalGroupMembersInfo> = sids
            .iter()
            .map(|s| {
                LocalGroupMembersInfo0 {
                    sid: Some(s.parse().unwrap()),
                }
                .into()
            })
            .collect();
        c.local_group_add_members(&alias, 0, &entries).unwrap();
        settle(server);
        let rid = rpc_aliases(&lab, server, "domain")
            .into_iter()
            .find(|a| a.0 == alias)
            .unwrap()
            .1;
        let want = rpc_alias_members(&lab, server, "domain", rid);
        assert_eq!(
            want,
            sorted(sids.clone()),
            "rpcclient queryaliasmem sees the 1,500"
        );
        for (level, pref) in [(0, 64), (2, 4096), (2, MAX_PREFERRED_LENGTH)] {
            let got: Vec<LocalGroupMembersInfo> = c
                .local_group_get_members_pages(&alias, level, pref)
                .collect_all()
                .unwrap();
            let listed: Vec<String> = got.iter().map(|m| m.sid().unwrap().to_string()).collect();
            assert_eq!(listed.len(), 1500, "level {level} at {pref}");
            assert_eq!(
                sorted(listed),
                want,
                "each exactly once, level {level} at {pref}"
            );
        }
        let first = c.local_group_get_members_page(&alias, 0, 0, 64).unwrap();
        assert_eq!((first.items.len(), first.total, first.resume), (1, 1500, 1));
        c.local_group_set_members(&alias, 0, &[]).unwrap();
        settle(server);
    }
    // The DC: 1,500 users (made in one transaction on its sam.ldb by tools/lab_bulk_users.py),
    // members of a global group and of a local group.
    {
        let server = &lab.dc;
        let c = admin(server);
        let mut cleanup = Cleanup::new(&lab, server);
        let (group, alias) = (unique("bigg"), unique("biga"));
        cleanup.groups.extend([group.clone(), alias.clone()]);
        c.group_add(
            &GroupInfo0 {
                name: Some(group.clone()),
            }
            .into(),
        )
        .unwrap();
        c.local_group_add(
            &LocalGroupInfo0 {
                name: Some(alias.clone()),
            }
            .into(),
        )
        .unwrap();
        let prefix = format!("nlpbu{}x", std::process::id());
        let _users = BulkUsers::add(&prefix, 1500, &[&group, &alias]);
        let want: Vec<String> = net_members(&lab, server, &group);
        assert_eq!(want.len(), 1500, "net rpc group members sees the 1,500");
        for pref in [64, 4096, MAX_PREFERRED_LENGTH] {
            let got: Vec<GroupUsersInfo> = c
                .group_get_users_pages(&group, 1, pref)
                .collect_all()
                .unwrap();
            let listed: Vec<String> = got
                .iter()
                .map(|m| format!("{}\\{}", server.domain, m.name().unwrap()))
                .collect();
            assert_eq!(listed.len(), 1500, "NetGroupGetUsers at {pref}");
            assert_eq!(
                sorted(listed),
                sorted(want.clone()),
                "NetGroupGetUsers at {pref}"
            );
            let got: Vec<LocalGroupMembersInfo> = c
                .local_group_get_members_pages(&alias, 2, pref)
                .collect_all()
                .unwrap();
            let listed: Vec<String> = got
                .iter()
                .map(|m| m.domainandname().unwrap().to_string())
                .collect();
            assert_eq!(listed.len(), 1500, "NetLocalGroupGetMembers at {pref}");
            assert_eq!(
                sorted(listed),
                sorted(want.clone()),
                "NetLocalGroupGetMembers at {pref}"
            );
        }
    }
}

/// Users made by `tools/lab_bulk_users.py` on the DC, deleted (with their memberships) when
/// dropped.
struct BulkUsers(String);

impl BulkUsers {
    fn add(prefix: &str, count: usize, groups: &[&str]) -> BulkUsers {
        let out = Command::new("/usr/bin/python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tools/lab_bulk_users.py"
            ))
            .args(["add", prefix, &count.to_string()])
            .args(groups)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "lab_bulk_users.py: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        BulkUsers(prefix.to_string())
    }
}

impl Drop for BulkUsers {
    fn drop(&mut self) {
        let _ = Command::new("/usr/bin/python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tools/lab_bulk_users.py"
            ))
            .args(["del", &self.0])
            .status();
    }
}
