//! NetGroup*, NetLocalGroup* and a user's groups on the wire, against the scripted SAM and LSA
//! servers of `netapi_testkit::peer` (what the Samba lab cannot show or count):
//!
//! * member lists are paged exactly once (1,500 members at prefmaxlen 64 and at
//!   MAX_PREFERRED_LENGTH), and a page costs the same round trips whatever the group's size;
//! * names ↔ SIDs go in one LSA lookup per batch, never one per member, on a policy handle
//!   cached per association;
//! * hostile LSA answers (fewer names than asked, a domain index out of range, nothing mapped)
//!   are clean errors or members listed by SID, never a panic or a dropped member;
//! * a membership change the server refuses midway undoes the changes made before it;
//! * every handle is closed, and none is used on another association.

use std::collections::HashSet;
use std::time::Duration;

use netapi::info::*;
use netapi::{Client, Kind, MAX_PREFERRED_LENGTH, Options};
use netapi_msrpc::lsarpc as l;
use netapi_testkit::peer::lsarpc::Lsa;
use netapi_testkit::peer::samr::{Sam, Samr};
use netapi_testkit::peer::{Peer, PeerConfig, Reply};

fn options(peer: &Peer) -> Options {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(Duration::from_secs(5));
    o
}

/// A SAM of `users` users, a group `big` and an alias `bigalias` holding all of them, served
/// with its LSA; `tweak_lsa` may answer LSA calls first.
fn serve(
    users: usize,
    tweak_lsa: impl FnMut(u64, u16, &[u8]) -> Option<Reply> + Send + 'static,
) -> (Samr, Lsa, Peer, Client) {
    let mut sam = Sam::with_users(users);
    let rids: Vec<u32> = (0..users as u32).map(|i| 1000 + i).collect();
    sam.add_group("big", rids.clone());
    let sids = rids.iter().map(|r| sam.account_sid(*r)).collect();
    sam.add_alias("bigalias", sids);
    let samr = Samr::new(sam);
    let lsa = Lsa::new(&samr);
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .samr(&samr, |_, _, _| None)
            .lsarpc(&lsa, tweak_lsa),
    );
    let client = Client::new("127.0.0.1", options(&peer)).unwrap();
    (samr, lsa, peer, client)
}

fn user(i: usize) -> String {
    format!("user{i:04}")
}

/// Calls of `pipe` the peer received.
fn calls(peer: &Peer, pipe: &str) -> usize {
    peer.stats()
        .calls
        .iter()
        .filter(|c| c.pipe.eq_ignore_ascii_case(pipe))
        .count()
}

#[test]
fn fifteen_hundred_members_are_paged_exactly_once() {
    let (samr, _lsa, peer, client) = serve(1500, |_, _, _| None);
    let want: Vec<String> = (0..1500).map(user).collect();
    for pref in [64, 4096, MAX_PREFERRED_LENGTH] {
        // NetGroupGetUsers, page by page as pywin32 walks it.
        let (mut names, mut resume, mut pages) = (Vec::new(), 0, 0);
        loop {
            let p = client.group_get_users_page("big", 1, resume, pref).unwrap();
            assert_eq!(p.total, 1500);
            assert!(!p.items.is_empty() || p.resume == 0);
            for m in p.items {
                let GroupUsersInfo::L1(m) = m else {
                    panic!("level")
                };
                assert_eq!(m.attributes, 7);
                names.push(m.name.unwrap());
            }
            pages += 1;
            if p.resume == 0 {
                break;
            }
            resume = p.resume;
        }
        assert_eq!(names, want, "NetGroupGetUsers at {pref}");
        match pref {
            64 => assert_eq!(pages, 1500, "one 50-byte entry per 64-byte page"),
            MAX_PREFERRED_LENGTH => assert_eq!(pages, 1),
            _ => assert!(pages > 1 && pages < 100, "{pages}"),
        }
        // NetLocalGroupGetMembers at level 2 through the iterator.
        let members: Vec<LocalGroupMembersInfo> = client
            .local_group_get_members_pages("bigalias", 2, pref)
            .collect_all()
            .unwrap();
        let names: Vec<String> = members
            .iter()
            .map(|m| m.domainandname().unwrap().to_string())
            .collect();
        let want2: Vec<String> = want.iter().map(|n| format!("DOMAIN\\{n}")).collect();
        assert_eq!(names, want2, "NetLocalGroupGetMembers at {pref}");
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), 1500);
    }
    assert!(samr.sam().violations.is_empty());
    drop(peer);
}

#[test]
fn round_trips_do_not_grow_with_the_member_count() {
    let count = |users: usize| {
        let (_samr, lsa, peer, client) = serve(users, |_, _, _| None);
        // Warm the per-association caches (connect, domains, policy handle).
        client.group_get_users_level("big", 1).unwrap();
        client.local_group_get_members_level("bigalias", 2).unwrap();
        let (s0, l0) = (calls(&peer, "samr"), calls(&peer, "lsarpc"));
        let users_got = client.group_get_users_level("big", 1).unwrap();
        let (s1, l1) = (calls(&peer, "samr"), calls(&peer, "lsarpc"));
        let members = client.local_group_get_members_level("bigalias", 2).unwrap();
        let (s2, l2) = (calls(&peer, "samr"), calls(&peer, "lsarpc"));
        assert_eq!((users_got.len(), members.len()), (users, users));
        // One LsarLookupSids2 for the whole list (batches of up to 20480 SIDs).
        assert_eq!(*lsa.state().sid_batches.last().unwrap(), users);
        (s1 - s0, l1 - l0, s2 - s1, l2 - l1)
    };
    let small = count(10);
    let large = count(1000);
    assert_eq!(
        small, large,
        "calls per NetGroupGetUsers / NetLocalGroupGetMembers"
    );
    // NetGroupGetUsers: lookup, open, members, close, names. NetLocalGroupGetMembers: lookup in
    // BUILTIN and the account domain, open, members, close, then one LSA lookup.
    assert_eq!(large, (5, 0, 5, 1));
}

#[test]
fn names_and_sids_go_in_one_lookup_per_batch_on_a_cached_policy_handle() {
    let (_samr, lsa, _peer, client) = serve(60, |_, _, _| None);
    client
        .local_group_add(
            &LocalGroupInfo1 {
                name: Some("team".into()),
                comment: Some("c".into()),
            }
            .into(),
        )
        .unwrap();
    let members: Vec<LocalGroupMembersInfo> = (0..50)
        .map(|i| {
            let name = if i % 2 == 0 {
                user(i)
            } else {
                format!("DOMAIN\\{}", user(i))
            };
            LocalGroupMembersInfo3 {
                domainandname: Some(name),
            }
            .into()
        })
        .collect();
    client.local_group_add_members("team", 3, &members).unwrap();
    client
        .local_group_set_members("team", 3, &members[..10])
        .unwrap();
    let got = client.local_group_get_members_level("team", 1).unwrap();
    let names: Vec<String> = got
        .iter()
        .map(|m| match m {
            LocalGroupMembersInfo::L1(m) => {
                assert_eq!(m.sidusage, 1);
                m.name.clone().unwrap()
            }
            _ => panic!("level"),
        })
        .collect();
    assert_eq!(names, (0..10).map(user).collect::<Vec<_>>());
    let st = lsa.state();
    assert_eq!(
        st.name_batches,
        vec![50, 10],
        "one LsarLookupNames3 per call"
    );
    assert_eq!(st.sid_batches, vec![10]);
    // Every LSA call of this client went over one association with one policy handle.
    assert_eq!(st.open_handles(), 1);
    assert_eq!(st.violations, 0);
}

/// NetLocalGroupGetMembers level 2 of `bigalias` (5 members) with the LSA answer spoiled by
/// `spoil`.
fn members_with(
    spoil: impl Fn(&mut l::LsarLookupSids2Response) + Send + 'static,
) -> (Samr, Lsa, netapi::Result<Vec<LocalGroupMembersInfo>>) {
    let holder: std::sync::Arc<std::sync::Mutex<Option<Lsa>>> = Default::default();
    let inner = holder.clone();
    let (samr, lsa, _peer, client) = serve(5, move |assoc, opnum, stub| {
        if opnum != 57 {
            return None;
        }
        let q: l::LsarLookupSids2Request = netapi_ndr::decode(stub).ok()?;
        let lsa = inner.lock().unwrap().clone()?;
        let mut answer = lsa.lookup_sids2(assoc, &q);
        spoil(&mut answer);
        Some(Reply::encode(&answer))
    });
    *holder.lock().unwrap() = Some(lsa.clone());
    let r = client.local_group_get_members_level("bigalias", 2);
    (samr, lsa, r)
}

#[test]
fn lookup_sids_answering_fewer_names_than_asked_is_a_clean_error() {
    let (samr, lsa, r) = members_with(|a| {
        let names = a.translated_names.names.as_mut().unwrap();
        names.truncate(3);
        a.translated_names.entries = 3;
    });
    let e = r.unwrap_err();
    assert_eq!(
        (e.op(), e.win32(), e.kind()),
        ("NetLocalGroupGetMembers", 1783, Kind::Protocol)
    );
    assert!(e.detail().unwrap().contains("3 entries for 5 asked"), "{e}");
    assert!(samr.sam().violations.is_empty());
    assert_eq!(lsa.state().violations, 0);
}

#[test]
fn a_domain_index_out_of_range_is_a_clean_error() {
    let (_samr, _lsa, r) = members_with(|a| {
        a.translated_names.names.as_mut().unwrap()[2].domain_index = 7;
    });
    let e = r.unwrap_err();
    assert_eq!((e.win32(), e.kind()), (1783, Kind::Protocol));
    assert!(e.detail().unwrap().contains("domain index 7"), "{e}");
}

#[test]
fn some_or_none_mapped_lists_every_member_by_its_sid() {
    // STATUS_SOME_NOT_MAPPED: two SIDs are unknown (one of them "deleted").
    let (samr, _lsa, r) = members_with(|a| {
        let names = a.translated_names.names.as_mut().unwrap();
        names[1].r#use = l::SidNameUse::SID_TYPE_UNKNOWN;
        names[1].name = Default::default();
        names[3].r#use = l::SidNameUse::SID_TYPE_DELETED_ACCOUNT;
        names[3].name = Default::default();
        a.status = 0x0000_0107;
    });
    let got = r.unwrap();
    assert_eq!(got.len(), 5);
    let sid1 = samr.sam().account_sid(1001);
    let sid3 = samr.sam().account_sid(1003);
    let LocalGroupMembersInfo::L2(m1) = &got[1] else {
        panic!()
    };
    assert_eq!(
        (m1.sidusage, m1.domainandname.as_deref()),
        (8, Some(sid1.as_str()))
    );
    let LocalGroupMembersInfo::L2(m3) = &got[3] else {
        panic!()
    };
    assert_eq!(
        (m3.sidusage, m3.domainandname.as_deref()),
        (6, Some(sid3.as_str()))
    );
    let LocalGroupMembersInfo::L2(m0) = &got[0] else {
        panic!()
    };
    assert_eq!(m0.domainandname.as_deref(), Some("DOMAIN\\user0000"));
    // STATUS_NONE_MAPPED without any array: all five, by SID, SidTypeUnknown.
    let (samr, _lsa, r) = members_with(|a| {
        a.translated_names = l::LsaprTranslatedNamesEx {
            entries: 0,
            names: None,
        };
        a.referenced_domains = None;
        a.status = 0xC000_0073;
    });
    let got = r.unwrap();
    let sids: Vec<String> = (1000..1005).map(|r| samr.sam().account_sid(r)).collect();
    for (m, sid) in got.iter().zip(&sids) {
        let LocalGroupMembersInfo::L2(m) = m else {
            panic!()
        };
        assert_eq!(
            (m.sidusage, m.domainandname.as_deref()),
            (8, Some(sid.as_str()))
        );
        assert_eq!(
            m.sid.as_ref().map(ToString::to_string).as_deref(),
            Some(sid.as_str())
        );
    }
}

#[test]
fn a_server_without_the_newer_lookups_gets_the_old_ones_once_known() {
    let mut sam = Sam::with_users(4);
    let sids = (1000..1004).map(|r| sam.account_sid(r)).collect();
    sam.add_alias("a", sids);
    let samr = Samr::new(sam);
    let lsa = Lsa::new(&samr).without_new_lookups();
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .samr(&samr, |_, _, _| None)
            .lsarpc(&lsa, |_, _, _| None),
    );
    let client = Client::new("127.0.0.1", options(&peer)).unwrap();
    for _ in 0..3 {
        let got = client.local_group_get_members_level("a", 3).unwrap();
        assert_eq!(got[2].domainandname(), Some("DOMAIN\\user0002"));
    }
    let add: Vec<LocalGroupMembersInfo> = vec![
        LocalGroupMembersInfo3 {
            domainandname: Some("admin".into()),
        }
        .into(),
    ];
    client.local_group_add_members("a", 3, &add).unwrap();
    client.local_group_add_members("a", 3, &add).unwrap_err();
    let opnums: Vec<u16> = peer
        .stats()
        .calls
        .iter()
        .filter(|c| c.pipe.eq_ignore_ascii_case("lsarpc"))
        .map(|c| c.opnum)
        .collect();
    // LsarOpenPolicy2, LsarLookupSids2 (faults), then LsarLookupSids three times; names alike.
    assert_eq!(opnums, vec![44, 57, 15, 15, 15, 68, 14, 14]);
}

#[test]
fn a_refused_change_undoes_the_changes_before_it() {
    let mut sam = Sam::with_users(10);
    let start: Vec<String> = (1000..1003).map(|r| sam.account_sid(r)).collect();
    sam.add_alias("team", start.clone());
    sam.add_group("gteam", vec![1000, 1001]);
    let samr = Samr::new(sam);
    let lsa = Lsa::new(&samr);
    // The third SamrAddMemberToAlias / SamrAddMemberToGroup is refused (access denied).
    let (mut alias_adds, mut group_adds) = (0, 0);
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .samr(&samr, move |_, opnum, _| {
                let n = match opnum {
                    31 => &mut alias_adds,
                    22 => &mut group_adds,
                    _ => return None,
                };
                *n += 1;
                (*n == 3).then(|| Reply::Stub(0xC000_0022u32.to_le_bytes().to_vec()))
            })
            .lsarpc(&lsa, |_, _, _| None),
    );
    let client = Client::new("127.0.0.1", options(&peer)).unwrap();
    let wanted: Vec<LocalGroupMembersInfo> = (5..10)
        .map(|i| {
            LocalGroupMembersInfo3 {
                domainandname: Some(user(i)),
            }
            .into()
        })
        .collect();
    let e = client
        .local_group_set_members("team", 3, &wanted)
        .unwrap_err();
    assert_eq!(e.win32(), 5, "{e}");
    let d = e.detail().unwrap();
    assert!(d.contains("(change 3 of 8) failed"), "{d}");
    assert!(d.contains("2 change(s) made before were undone"), "{d}");
    let now: Vec<String> = samr.sam().aliases[0].members.clone();
    assert_eq!(now, start, "the membership is as it was");
    // NetGroupSetUsers alike.
    let users: Vec<GroupUsersInfo> = (5..9)
        .map(|i| {
            GroupUsersInfo0 {
                name: Some(user(i)),
            }
            .into()
        })
        .collect();
    let e = client.group_set_users("gteam", 0, &users).unwrap_err();
    assert_eq!(e.win32(), 5);
    assert!(
        e.detail()
            .unwrap()
            .contains("adding user0007 (change 3 of 6) failed"),
        "{e}"
    );
    let g = samr
        .sam()
        .groups
        .iter()
        .find(|g| g.name == "gteam")
        .unwrap()
        .members
        .clone();
    assert_eq!(g, vec![1000, 1001]);
    // A member already there: nothing of the call is left (the first add is removed again).
    let add: Vec<LocalGroupMembersInfo> = [user(8), user(0)]
        .into_iter()
        .map(|n| {
            LocalGroupMembersInfo3 {
                domainandname: Some(n),
            }
            .into()
        })
        .collect();
    let e = client.local_group_add_members("team", 3, &add).unwrap_err();
    assert_eq!(e.win32(), 1378, "{e}");
    assert_eq!(samr.sam().aliases[0].members, start);
    // An unknown member: nothing is sent to the SAM server at all.
    let before = calls(&peer, "samr");
    let bad: Vec<LocalGroupMembersInfo> = vec![
        LocalGroupMembersInfo3 {
            domainandname: Some(user(4)),
        }
        .into(),
        LocalGroupMembersInfo3 {
            domainandname: Some("nobody".into()),
        }
        .into(),
    ];
    let e = client.local_group_add_members("team", 3, &bad).unwrap_err();
    assert_eq!(e.win32(), 1387);
    let after: Vec<u16> = peer.stats().calls[..]
        .iter()
        .filter(|c| c.pipe.eq_ignore_ascii_case("samr"))
        .map(|c| c.opnum)
        .skip(before)
        .collect();
    assert!(!after.contains(&31), "nothing added: {after:?}");
}

#[test]
fn enumerations_walk_their_pages_exactly_once() {
    let mut sam = Sam::with_users(3);
    for i in 0..40 {
        sam.add_group(&format!("g{i:02}"), vec![]);
        sam.add_alias(&format!("a{i:02}"), vec![]);
    }
    let samr = Samr::new(sam);
    let lsa = Lsa::new(&samr);
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .samr(&samr, |_, _, _| None)
            .lsarpc(&lsa, |_, _, _| None),
    );
    let client = Client::new("127.0.0.1", options(&peer)).unwrap();
    let mut want_groups = vec!["Domain Admins".to_string(), "Domain Users".to_string()];
    want_groups.extend((0..40).map(|i| format!("g{i:02}")));
    let mut want_aliases = vec![
        "Administrators".to_string(),
        "Users".to_string(),
        "Guests".to_string(),
    ];
    want_aliases.extend((0..40).map(|i| format!("a{i:02}")));
    for pref in [1, 64, 200, MAX_PREFERRED_LENGTH] {
        let groups: Vec<String> = client
            .group_enum_pages(3, pref)
            .map(|g| match g.unwrap() {
                GroupInfo::L3(g) => {
                    assert!(
                        g.group_sid
                            .unwrap()
                            .to_string()
                            .starts_with("S-1-5-21-1-2-3-")
                    );
                    g.name.unwrap()
                }
                _ => panic!("level"),
            })
            .collect();
        assert_eq!(groups, want_groups, "NetGroupEnum at {pref}");
        let aliases: Vec<String> = client
            .local_group_enum_pages(1, pref)
            .map(|a| match a.unwrap() {
                LocalGroupInfo::L1(a) => a.name.unwrap(),
                _ => panic!("level"),
            })
            .collect();
        assert_eq!(aliases, want_aliases, "NetLocalGroupEnum at {pref}");
    }
    // At MAX_PREFERRED_LENGTH one call answers everything, however the server pages.
    let p = client
        .local_group_enum_page(0, 0, MAX_PREFERRED_LENGTH)
        .unwrap();
    assert_eq!((p.items.len(), p.resume), (43, 0));
    let p = client.group_enum_page(0, 0, MAX_PREFERRED_LENGTH).unwrap();
    assert_eq!((p.items.len(), p.resume), (42, 0));
}

#[test]
fn every_handle_is_closed_and_stays_on_its_association() {
    let (samr, lsa, _peer, client) = serve(20, |_, _, _| None);
    for i in 0..5 {
        let name = format!("g{i}");
        client
            .group_add(
                &GroupInfo2 {
                    name: Some(name.clone()),
                    comment: Some("c".into()),
                    attributes: 7,
                    group_id: 0,
                }
                .into(),
            )
            .unwrap();
        client.group_add_user(&name, &user(i)).unwrap();
        assert_eq!(
            client.group_add_user(&name, &user(i)).unwrap_err().win32(),
            2236
        );
        assert_eq!(
            client.group_add_user(&name, "nobody").unwrap_err().win32(),
            2221
        );
        assert_eq!(
            client
                .group_add_user("nogroup", &user(i))
                .unwrap_err()
                .win32(),
            2220
        );
        client
            .user_set_groups(
                &user(i),
                0,
                &[GroupUsersInfo0 {
                    name: Some("big".into()),
                }
                .into()],
            )
            .unwrap();
        let mine: Vec<String> = client
            .user_get_groups_level(&user(i), 0)
            .unwrap()
            .iter()
            .map(|g| g.name().unwrap().to_string())
            .collect();
        assert_eq!(mine, ["Domain Users", "big"], "the primary group stays");
        client.group_del(&name).unwrap();
        client
            .local_group_add(
                &LocalGroupInfo0 {
                    name: Some(name.clone()),
                }
                .into(),
            )
            .unwrap();
        let sid = samr.sam().account_sid(1000 + i as u32);
        client
            .local_group_add_members(
                &name,
                0,
                &[LocalGroupMembersInfo0 {
                    sid: Some(sid.parse().unwrap()),
                }
                .into()],
            )
            .unwrap();
        let locals: Vec<String> = client
            .user_get_local_groups_level(&user(i), 0, 1)
            .unwrap()
            .iter()
            .map(|g| g.to_json()["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(locals, ["bigalias", name.as_str()]);
        client.local_group_del(&name).unwrap();
        assert_eq!(
            client
                .local_group_get_info_level(&name, 1)
                .unwrap_err()
                .win32(),
            2220
        );
    }
    assert!(samr.sam().aliases.iter().all(|a| a.name == "bigalias"));
    let sam = samr.sam();
    assert!(sam.violations.is_empty(), "{:?}", sam.violations);
    for a in sam.associations() {
        assert!(sam.open_on(a) <= 3, "only the cached handles stay open");
    }
    drop(sam);
    assert_eq!(lsa.state().violations, 0);
    client.close_idle();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while samr.sam().open_handles() + lsa.state().open_handles() != 0 {
        assert!(std::time::Instant::now() < deadline, "handles left open");
        std::thread::sleep(Duration::from_millis(20));
    }
}
