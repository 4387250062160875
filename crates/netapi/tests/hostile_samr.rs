//! Hostile SAM servers (scenarios 62–72 of `docs/hostile-scenarios.md`): the scripted SAM
//! server (`netapi_testkit::peer::samr`) answering the user family with what a broken or
//! malicious server could send. Each scenario must end in a clean, specific error within the
//! timeout, with no allocation sized by the peer, no handle used on the wrong association, and
//! the next call of the same client working again.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use netapi::con::*;
use netapi::info::*;
use netapi::{Client, Kind, Options};
use netapi_msrpc::dtyp::RpcUnicodeText;
use netapi_msrpc::samr as w;
use netapi_testkit::peer::samr::{STATUS_INVALID_HANDLE, STATUS_MORE_ENTRIES, Sam, Samr};
use netapi_testkit::peer::smb2::header::Command;
use netapi_testkit::peer::{Peer, PeerConfig, Reply, SmbAction};

/// Response and connect timeout of every client here.
const TIMEOUT: Duration = Duration::from_millis(1000);
/// "At once": before the only deadline could fire.
const IMMEDIATE: Duration = TIMEOUT;

fn client(peer: &Peer) -> Client {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(TIMEOUT);
    Client::new("127.0.0.1", o).unwrap()
}

type Tweak = Box<dyn FnMut(u16, &[u8]) -> Option<Reply> + Send>;

/// A SAM of 20 users whose answers `tweak` may replace; it fires while `budget` lasts.
fn peer_with(samr: &Samr, budget: usize, mut tweak: Tweak) -> Peer {
    let left = Arc::new(AtomicUsize::new(budget));
    Peer::spawn(PeerConfig::rpc().samr(samr, move |_, opnum, stub| {
        if left.load(Ordering::SeqCst) == 0 {
            return None;
        }
        let r = tweak(opnum, stub);
        if r.is_some() {
            left.fetch_sub(1, Ordering::SeqCst);
        }
        r
    }))
}

/// The next call of the client works, and no handle was used where it was not opened.
fn recovers(c: &Client, samr: &Samr) {
    let u: UserInfo20 = c.user_get_info("user0003").unwrap();
    assert_eq!(u.user_id, 1003);
    assert!(c.user_enum_level(0, 0).unwrap().len() >= 20);
    assert!(
        samr.sam().violations.is_empty(),
        "{:?}",
        samr.sam().violations
    );
}

fn enum_answer(entries: Vec<(u32, &str)>, next: u32, count: u32, status: u32) -> Reply {
    let buffer: Vec<w::SamprRidEnumeration> = entries
        .into_iter()
        .map(|(rid, n)| w::SamprRidEnumeration {
            relative_id: rid,
            name: RpcUnicodeText::new(n).unwrap(),
        })
        .collect();
    Reply::encode(&w::SamrEnumerateUsersInDomainResponse {
        enumeration_context: next,
        count_returned: count,
        buffer: Some(w::SamprEnumerationBuffer {
            entries_read: buffer.len() as u32,
            buffer: Some(buffer),
        }),
        status,
    })
}

#[test]
fn s62_more_entries_forever_without_entries() {
    let samr = Samr::new(Sam::with_users(19));
    let mut next = 100;
    let peer = peer_with(
        &samr,
        1000,
        Box::new(move |opnum, _| {
            (opnum == 13).then(|| {
                next += 1;
                enum_answer(Vec::new(), next, 0, STATUS_MORE_ENTRIES)
            })
        }),
    );
    let c = client(&peer);
    let t = Instant::now();
    let e = c.user_enum_level(0, 0).unwrap_err();
    assert_eq!(
        (e.kind(), e.win32(), e.op()),
        (Kind::Protocol, 1728, "NetUserEnum"),
        "{e}"
    );
    assert!(e.detail().unwrap().contains("no progress"), "{e}");
    assert!(t.elapsed() < IMMEDIATE);
    drop(peer);
}

#[test]
fn s63_more_entries_forever_with_the_same_resume_handle() {
    let samr = Samr::new(Sam::with_users(19));
    let peer = peer_with(
        &samr,
        1000,
        Box::new(|opnum, _| {
            (opnum == 13).then(|| enum_answer(vec![(1000, "user0000")], 7, 1, STATUS_MORE_ENTRIES))
        }),
    );
    let c = client(&peer);
    let t = Instant::now();
    let e = c.user_enum_level(0, 0).unwrap_err();
    assert_eq!((e.kind(), e.win32()), (Kind::Protocol, 1728), "{e}");
    assert!(t.elapsed() < IMMEDIATE);
    // The iterator ends with the error after the first page.
    let mut it = c.user_enum_pages(0, 0, MAX_PREFERRED_LENGTH);
    assert!(it.next().unwrap().is_ok());
    assert!(it.next().unwrap().is_err());
    assert!(it.next().is_none());
}

#[test]
fn s64_a_huge_rid_array_is_refused_before_allocating() {
    let samr = Samr::new(Sam::with_users(19));
    // SamrLookupNamesInDomain claims 2^28 RIDs and sends one.
    let peer = peer_with(
        &samr,
        1,
        Box::new(|opnum, _| {
            (opnum == 17).then(|| {
                let mut stub = Vec::new();
                stub.extend_from_slice(&0x1000_0000u32.to_le_bytes()); // RelativeIds.Count
                stub.extend_from_slice(&0x0002_0000u32.to_le_bytes()); // Element pointer
                stub.extend_from_slice(&1u32.to_le_bytes()); // Use.Count
                stub.extend_from_slice(&0x0002_0004u32.to_le_bytes());
                stub.extend_from_slice(&0x1000_0000u32.to_le_bytes()); // conformance
                stub.extend_from_slice(&1003u32.to_le_bytes());
                stub.extend_from_slice(&1u32.to_le_bytes());
                stub.extend_from_slice(&1u32.to_le_bytes());
                stub.extend_from_slice(&0u32.to_le_bytes()); // status
                Reply::Stub(stub)
            })
        }),
    );
    let c = client(&peer);
    let t = Instant::now();
    let e = c.user_get_info_level("user0003", 0).unwrap_err();
    assert_eq!((e.kind(), e.win32()), (Kind::Protocol, 1783), "{e}");
    assert!(t.elapsed() < IMMEDIATE);
    recovers(&c, &samr);
}

#[test]
fn s65_an_enumeration_page_whose_count_lies() {
    let samr = Samr::new(Sam::with_users(19));
    let peer = peer_with(
        &samr,
        1,
        Box::new(|opnum, _| (opnum == 13).then(|| enum_answer(vec![(1000, "user0000")], 0, 5, 0))),
    );
    let c = client(&peer);
    let e = c.user_enum_level(0, 0).unwrap_err();
    assert_eq!((e.kind(), e.win32()), (Kind::Protocol, 1783), "{e}");
    assert!(e.detail().unwrap().contains("counted 5"), "{e}");
    recovers(&c, &samr);
}

#[test]
fn s66_a_handle_the_server_calls_invalid_mid_enumeration() {
    let samr = Samr::new(Sam::with_users(60));
    // After the enumeration's page, the server forgets every handle: the detail reads meet
    // STATUS_INVALID_HANDLE on the cached domain handle.
    let s2 = samr.clone();
    let mut once = true;
    let peer = peer_with(
        &samr,
        1,
        Box::new(move |opnum, _| {
            if opnum == 34 && std::mem::take(&mut once) {
                s2.sam().forget_handles();
            }
            None
        }),
    );
    let c = client(&peer);
    let e = c.user_enum_level(20, 0).unwrap_err();
    assert_eq!(
        (e.kind(), e.code()),
        (
            Kind::Server,
            netapi::Code::Nt(netapi::NtStatus(STATUS_INVALID_HANDLE))
        ),
        "{e}"
    );
    // The caches were emptied: the next calls open fresh handles.
    let all = c.user_enum_level(20, 0).unwrap();
    assert_eq!(all.len(), 61);
    let u: UserInfo20 = c.user_get_info("user0003").unwrap();
    assert_eq!(u.user_id, 1003);
}

#[test]
fn s67_the_connection_lost_between_two_calls_of_a_sequence() {
    let samr = Samr::new(Sam::with_users(19));
    // NetUserSetInfo: the connection is reset instead of the answer to SamrOpenUser, after the
    // lookup of the same sequence was answered.
    let armed = Arc::new(AtomicUsize::new(0));
    let (arm, fire) = (armed.clone(), armed.clone());
    let mut once = true;
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .samr(&samr, move |_, opnum, _| {
                if opnum == 34 && std::mem::take(&mut once) {
                    arm.store(1, Ordering::SeqCst);
                }
                None
            })
            .on_smb(move |o| {
                if o.command() == Command::IOCTL && fire.swap(0, Ordering::SeqCst) == 1 {
                    o.action = SmbAction::Reset;
                }
            }),
    );
    let c = client(&peer);
    let t = Instant::now();
    let e = c
        .user_set_info(
            "user0004",
            &UserInfo1007 {
                comment: Some("x".into()),
            }
            .into(),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.win32(), e.op()),
        (Kind::Transport, 64, "NetUserSetInfo"),
        "{e}"
    );
    assert!(t.elapsed() < IMMEDIATE);
    assert!(
        samr.sam().users.iter().all(|u| u.comment.is_empty()),
        "nothing was written"
    );
    c.user_set_info(
        "user0004",
        &UserInfo1007 {
            comment: Some("x".into()),
        }
        .into(),
    )
    .unwrap();
    assert!(samr.sam().users.iter().any(|u| u.comment == "x"));
    recovers(&c, &samr);
}

#[test]
fn s68_a_security_descriptor_with_offsets_out_of_bounds() {
    let samr = Samr::new(Sam::with_users(19));
    let peer = peer_with(
        &samr,
        1,
        Box::new(|opnum, _| {
            (opnum == 3).then(|| {
                let mut sd = vec![1, 0, 0x04, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
                sd.extend_from_slice(&0xFFFF_FFF0u32.to_le_bytes()); // DACL offset
                Reply::encode(&w::SamrQuerySecurityObjectResponse {
                    security_descriptor: Some(w::SamprSrSecurityDescriptor {
                        length: sd.len() as u32,
                        security_descriptor: Some(sd),
                    }),
                    status: 0,
                })
            })
        }),
    );
    let c = client(&peer);
    let e = c.user_get_info_level("user0003", 1).unwrap_err();
    assert_eq!(
        (e.kind(), e.win32(), e.op()),
        (Kind::Protocol, 1783, "NetUserGetInfo"),
        "{e}"
    );
    assert!(e.detail().unwrap().contains("security descriptor"), "{e}");
    recovers(&c, &samr);
}

#[test]
fn s69_a_display_page_of_another_level() {
    let samr = Samr::new(Sam::with_users(19));
    let peer = peer_with(
        &samr,
        1,
        Box::new(|opnum, _| {
            (opnum == 51).then(|| {
                Reply::encode(&w::SamrQueryDisplayInformation3Response {
                    total_available: 0,
                    total_returned: 0,
                    buffer: w::SamprDisplayInfoBuffer::GroupInformation(
                        w::SamprDomainDisplayGroupBuffer {
                            entries_read: 0,
                            buffer: None,
                        },
                    ),
                    status: 0,
                })
            })
        }),
    );
    let c = client(&peer);
    let e = c.query_display_information_level(1).unwrap_err();
    assert_eq!((e.kind(), e.win32()), (Kind::Protocol, 1783), "{e}");
    assert!(e.detail().unwrap().contains("level 3"), "{e}");
    recovers(&c, &samr);
}

#[test]
fn s70_an_answer_that_never_comes_mid_add_leaves_no_account() {
    let samr = Samr::new(Sam::with_users(19));
    let peer = peer_with(
        &samr,
        1,
        Box::new(|opnum, _| (opnum == 58).then_some(Reply::Nothing)),
    );
    let c = client(&peer);
    let info: UserInfo = UserInfo1 {
        name: Some("eve".into()),
        password: Some("Pw.12345".into()),
        r#priv: USER_PRIV_USER,
        flags: UF_SCRIPT | UF_NORMAL_ACCOUNT,
        ..Default::default()
    }
    .into();
    let t = Instant::now();
    let e = c.user_add(&info).unwrap_err();
    assert_eq!((e.kind(), e.win32()), (Kind::Transport, 121), "{e}");
    assert!(t.elapsed() < TIMEOUT * 3);
    assert!(
        samr.sam().users.iter().all(|u| u.name != "eve"),
        "undone on a fresh association"
    );
    recovers(&c, &samr);
}

#[test]
fn s71_a_page_that_does_not_decode_while_the_next_is_in_flight() {
    let samr = Samr::new(Sam::with_users(19));
    // Page 1 is fine; page 2 says "more, from context 20" in its first and last four bytes —
    // so the client asks for page 3 before decoding it — but its buffer does not decode.
    let mut calls = 0;
    let peer = peer_with(
        &samr,
        3,
        Box::new(move |opnum, _| {
            (opnum == 13).then(|| {
                calls += 1;
                match calls {
                    1 => enum_answer(vec![(1000, "user0000")], 10, 1, STATUS_MORE_ENTRIES),
                    2 => {
                        let mut stub = Vec::new();
                        stub.extend_from_slice(&20u32.to_le_bytes()); // EnumerationContext
                        stub.extend_from_slice(&0x0002_0000u32.to_le_bytes()); // Buffer
                        stub.extend_from_slice(&0x7fff_ffffu32.to_le_bytes()); // EntriesRead
                        stub.extend_from_slice(&STATUS_MORE_ENTRIES.to_le_bytes());
                        Reply::Stub(stub)
                    }
                    _ => enum_answer(vec![(1001, "user0001")], 0, 1, 0),
                }
            })
        }),
    );
    let c = client(&peer);
    let t = Instant::now();
    let e = c.user_enum_level(0, 0).unwrap_err();
    assert_eq!(
        (e.kind(), e.win32(), e.op()),
        (Kind::Protocol, 1783, "NetUserEnum"),
        "{e}"
    );
    assert!(t.elapsed() < IMMEDIATE);
    // Page 3 was asked (and its answer read) before page 2 failed; the association that
    // carried them is dropped, and the next calls work.
    recovers(&c, &samr);
}

#[test]
fn s72_every_page_once_with_the_next_request_in_flight() {
    // The scripted SAM pages as either Samba server does (7 accounts a page; or by
    // PreferedMaximumLength, kept on the domain handle): the client asks page N+1 before
    // decoding page N, and every account comes once, in order, each page asked from the
    // context the page before gave.
    use netapi_testkit::peer::samr::Paging;
    for paging in [Paging::Fixed(7), Paging::PerHandle] {
        let mut sam = Sam::with_users(40);
        sam.paging = paging;
        let samr = Samr::new(sam);
        let peer = Peer::spawn(PeerConfig::rpc().samr(&samr, |_, _, _| None));
        let c = client(&peer);
        let names: Vec<String> = c
            .user_enum_level(0, 0)
            .unwrap()
            .iter()
            .map(|u| match u {
                UserInfo::L0(u) => u.name.clone().unwrap(),
                other => panic!("level 0 answered {other:?}"),
            })
            .collect();
        let mut want: Vec<String> = samr.sam().users.iter().map(|u| u.name.clone()).collect();
        want.sort();
        assert_eq!(names, want, "{paging:?}");
        assert!(
            samr.sam().violations.is_empty(),
            "{:?}",
            samr.sam().violations
        );
    }
}
