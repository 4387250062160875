//! The user family on the wire, against the scripted SAM server (`netapi_testkit::peer::samr`),
//! for what the Samba lab cannot show:
//!
//! * NetUserAdd is atomic for the caller: when the write after SamrCreateUser2InDomain fails
//!   (refused, the DACL write refused, the connection lost in between), the account is gone
//!   when the error is returned, and no handle stays open.
//! * NetUserEnum gives every one of 1,500 accounts exactly once at prefmaxlen 1, 100 and
//!   MAX_PREFERRED_LENGTH, at level 0 and at a detail level read by several associations, for
//!   both ways Samba pages: the file server's fixed pages of 1,024 (with a full last page
//!   answered `STATUS_MORE_ENTRIES`), and the DC's enumeration kept on the domain handle that
//!   started it (another handle answering a later resume handle with an empty final page).
//! * `UF_PASSWD_CANT_CHANGE` travels in the user object's DACL both ways.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use netapi::con::*;
use netapi::info::*;
use netapi::{Client, Kind, Options};
use netapi_msrpc::samr as w;
use netapi_testkit::peer::samr::{Paging, Sam, Samr};
use netapi_testkit::peer::smb2::header::Command;
use netapi_testkit::peer::{Peer, PeerConfig, Reply, SmbAction};

fn options(peer: &Peer) -> Options {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(Duration::from_secs(5));
    o
}

fn client(peer: &Peer) -> Client {
    Client::new("127.0.0.1", options(peer)).unwrap()
}

fn new_user(name: &str, flags: u32) -> UserInfo {
    UserInfo2 {
        name: Some(name.into()),
        password: Some("Pw.123456".into()),
        r#priv: USER_PRIV_USER,
        full_name: Some("New User".into()),
        flags,
        units_per_week: 168,
        acct_expires: TIMEQ_FOREVER,
        ..Default::default()
    }
    .into()
}

/// The accounts of the SAM, by name.
fn accounts(samr: &Samr) -> Vec<String> {
    samr.sam().users.iter().map(|u| u.name.clone()).collect()
}

/// Between calls, only the cached server and domain handles (and the user NetUserGetInfo read
/// last) stay open on each association.
fn only_cached_handles_remain(samr: &Samr) {
    let sam = samr.sam();
    for a in sam.associations() {
        assert!(sam.open_on(a) <= 4, "association {a}: {}", sam.open_on(a));
    }
    assert!(sam.violations.is_empty(), "{:?}", sam.violations);
}

#[test]
fn net_user_add_creates_and_writes_the_level_with_the_password() {
    let samr = Samr::new(Sam::with_users(2));
    let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, |_, _, _| None));
    let c = client(&peer);
    c.user_add(&new_user(
        "ann",
        UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_PASSWD_CANT_CHANGE,
    ))
    .unwrap();
    {
        let sam = samr.sam();
        let ann = sam.users.iter().find(|u| u.name == "ann").unwrap();
        assert_eq!(ann.full_name, "New User");
        assert_eq!(
            ann.acb,
            w::account_control::USER_NORMAL_ACCOUNT,
            "enabled, normal"
        );
        assert_eq!(
            ann.passwords_set, 1,
            "the password went with the fields (level 25)"
        );
        assert!(
            !ann.can_change_password,
            "UF_PASSWD_CANT_CHANGE is the DACL's"
        );
    }
    let got: UserInfo20 = c.user_get_info("ann").unwrap();
    assert_eq!(
        got.flags,
        UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_PASSWD_CANT_CHANGE
    );
    // Clearing it writes the DACL back.
    c.user_set_info(
        "ann",
        &UserInfo1008 {
            flags: UF_SCRIPT | UF_NORMAL_ACCOUNT,
        }
        .into(),
    )
    .unwrap();
    assert!(
        samr.sam()
            .users
            .iter()
            .any(|u| u.name == "ann" && u.can_change_password)
    );
    assert_eq!(
        peer.stats().stubs(2).len(),
        2,
        "SamrSetSecurityObject once per change"
    );
    only_cached_handles_remain(&samr);
}

#[test]
fn net_user_add_deletes_the_account_when_the_write_after_the_create_fails() {
    // SamrSetInformationUser2 refused.
    let samr = Samr::new(Sam::with_users(2));
    let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, |_, opnum, _| {
        (opnum == 58).then(|| {
            Reply::encode(&w::SamrSetInformationUser2Response {
                status: 0xC000_0022,
            })
        })
    }));
    let c = client(&peer);
    let e = c
        .user_add(&new_user("bob", UF_SCRIPT | UF_NORMAL_ACCOUNT))
        .unwrap_err();
    assert_eq!(
        (e.win32(), e.op(), e.kind()),
        (5, "NetUserAdd", Kind::Server),
        "{e}"
    );
    assert!(
        !accounts(&samr).contains(&"bob".to_string()),
        "the account was deleted"
    );
    assert_eq!(peer.stats().stubs(35).len(), 1, "one SamrDeleteUser");
    only_cached_handles_remain(&samr);

    // The DACL write refused (as the Samba DC does: nca_s_op_rng_error).
    let samr = Samr::new(Sam::with_users(2));
    let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, |_, opnum, _| {
        (opnum == 2).then_some(Reply::Fault(0x1C01_0002))
    }));
    let c = client(&peer);
    let e = c
        .user_add(&new_user(
            "cat",
            UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_PASSWD_CANT_CHANGE,
        ))
        .unwrap_err();
    assert_eq!(e.win32(), 1745, "{e}");
    assert!(!accounts(&samr).contains(&"cat".to_string()));
    only_cached_handles_remain(&samr);
}

#[test]
fn net_user_add_undoes_on_a_new_connection_when_the_first_is_lost_after_the_create() {
    let samr = Samr::new(Sam::with_users(2));
    // The connection is reset instead of answering SamrSetInformationUser2.
    let armed = Arc::new(AtomicBool::new(false));
    let (arm, fire) = (armed.clone(), armed.clone());
    let mut once = true;
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .samr(&samr, move |_, opnum, _| {
                if opnum == 58 && std::mem::take(&mut once) {
                    arm.store(true, Ordering::SeqCst);
                }
                None
            })
            .on_smb(move |o| {
                if o.command() == Command::IOCTL && fire.swap(false, Ordering::SeqCst) {
                    o.action = SmbAction::Reset;
                }
            }),
    );
    let c = client(&peer);
    let e = c
        .user_add(&new_user("dan", UF_SCRIPT | UF_NORMAL_ACCOUNT))
        .unwrap_err();
    assert_eq!(e.kind(), Kind::Transport, "{e}");
    assert!(
        !accounts(&samr).contains(&"dan".to_string()),
        "deleted on a new connection"
    );
    assert!(peer.stats().connections >= 2);
    assert!(samr.sam().violations.is_empty());
    // The client works on.
    c.user_add(&new_user("dan", UF_SCRIPT | UF_NORMAL_ACCOUNT))
        .unwrap();
}

/// Every name of NetUserEnum at `level` walked page by page at `pref`.
fn walk(c: &Client, level: u32, pref: u32) -> Vec<String> {
    let mut resume = 0;
    let mut out = Vec::new();
    loop {
        let page = c.user_enum_page(level, 0, resume, pref).unwrap();
        for u in &page.items {
            out.push(u.to_json()["name"].as_str().unwrap().to_string());
        }
        if page.resume == 0 {
            return out;
        }
        resume = page.resume;
    }
}

#[test]
fn every_account_exactly_once_for_1500_accounts_both_ways_samba_pages() {
    for paging in [Paging::Fixed(1024), Paging::PerHandle] {
        let mut sam = Sam::with_users(1499);
        sam.paging = paging;
        let samr = Samr::new(sam);
        let expected: HashSet<String> = accounts(&samr).into_iter().collect();
        assert_eq!(expected.len(), 1500);
        let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, |_, _, _| None));
        let c = client(&peer);
        for (level, pref) in [
            (0, 1),
            (0, 100),
            (0, MAX_PREFERRED_LENGTH),
            (20, 1000),
            (20, MAX_PREFERRED_LENGTH),
        ] {
            let got = walk(&c, level, pref);
            let set: HashSet<String> = got.iter().cloned().collect();
            assert_eq!(
                got.len(),
                set.len(),
                "{paging:?} level {level} pref {pref}: twice"
            );
            assert_eq!(set, expected, "{paging:?} level {level} pref {pref}");
        }
        let all: Vec<UserInfo20> = c
            .user_enum::<UserInfo20>(0, 3000)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(all.len(), 1500, "{paging:?}");
        only_cached_handles_remain(&samr);
        if paging == Paging::PerHandle {
            // The detail levels read with several associations, so later pages met handles
            // that had not started the enumeration: it was re-started there.
            assert!(samr.sam().associations().len() > 1);
        }
    }
}

#[test]
fn max_parallel_reads_bounds_the_associations_of_a_detail_enumeration() {
    for (parallel, most) in [(1, 1), (3, 3), (8, 8)] {
        let samr = Samr::new(Sam::with_users(199));
        let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, |_, _, _| None));
        let mut o = options(&peer);
        o.max_parallel_reads = parallel;
        let c = Client::new("127.0.0.1", o).unwrap();
        let all = c.user_enum_level(20, 0).unwrap();
        let names: Vec<String> = all
            .iter()
            .map(|u| u.to_json()["name"].as_str().unwrap().to_string())
            .collect();
        // In the server's order, each once, whatever the number of readers.
        assert_eq!(names, accounts(&samr), "max_parallel_reads {parallel}");
        let used = samr.sam().associations().len();
        assert!(
            used <= most && (parallel == 1 || used > 1),
            "max_parallel_reads {parallel}: {used} associations"
        );
        only_cached_handles_remain(&samr);
    }
}
