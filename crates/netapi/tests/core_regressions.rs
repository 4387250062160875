//! Regression tests for the defects a review of the RPC core found (issue "One RPC core for
//! every interface"), each on the wire against `netapi_testkit::peer`:
//!
//! 1. a server answering another info level than the one asked for is a clean protocol error on
//!    every path (before: level-1 rows returned as level 2, an empty typed list, a panic in the
//!    blocking typed iterator);
//! 3. one paging engine: an enumeration whose pages come out empty after the client's own
//!    filtering (Samba ignores NetSessionEnum's filters) succeeds on every path, and every
//!    error names the NetApi function (before: `session_enum_pages` failed where
//!    `session_enum_level` succeeded; `Pages` said "enumeration", the blocking wrappers their
//!    Rust method name).

use std::time::Duration;

use netapi::info::{ServerInfo, ServerInfo101, SessionInfo, ShareInfo2};
use netapi::{AsyncClient, Client, Kind, MAX_PREFERRED_LENGTH, Options};
use netapi_msrpc::srvsvc as w;
use netapi_testkit::peer::srvsvc::{SRVSVC, Server, Srvsvc};
use netapi_testkit::peer::{Peer, PeerConfig, Reply};

fn options(peer: &Peer) -> Options {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(Duration::from_secs(5));
    o
}

fn client(peer: &Peer) -> Client {
    Client::new("127.0.0.1", options(peer)).unwrap()
}

/// Two level-1 shares, whatever level was asked for.
fn level1_shares() -> w::NetrShareEnumResponse {
    let share = |n: &str| w::ShareInfo1 {
        netname: Some(n.into()),
        ..Default::default()
    };
    w::NetrShareEnumResponse {
        info_struct: w::ShareEnumStruct {
            level: 1,
            share_info: w::ShareEnumUnion::L1(Some(w::ShareInfo1Container {
                entries_read: 2,
                buffer: Some(vec![share("a"), share("b")]),
            })),
        },
        total_entries: 2,
        resume_handle: Some(0),
        status: 0,
    }
}

/// A srvsvc peer answering every share and server query at the wrong level.
fn wrong_levels() -> Peer {
    let inner = Srvsvc::new(Server::windows());
    Peer::spawn(
        PeerConfig::rpc().interface("srvsvc", SRVSVC, move |opnum, stub| match opnum {
            15 => Reply::encode(&level1_shares()),
            16 => Reply::encode(&w::NetrShareGetInfoResponse {
                info_struct: w::ShareInfo::L1(Some(w::ShareInfo1::default())),
                status: 0,
            }),
            21 => Reply::encode(&w::NetrServerGetInfoResponse {
                info_struct: w::ServerInfo::L100(Some(w::ServerInfo100::default())),
                status: 0,
            }),
            _ => inner.answer(opnum, stub),
        }),
    )
}

fn assert_wrong_level<T: std::fmt::Debug>(r: netapi::Result<T>, op: &str) {
    let e = r.expect_err("an answer at another level must fail");
    assert_eq!(
        (e.kind(), e.win32(), e.op()),
        (Kind::Protocol, 1783, op),
        "{e}"
    );
    assert!(e.detail().unwrap().contains("level"), "{e}");
}

#[test]
fn another_level_is_a_protocol_error_on_every_path() {
    let peer = wrong_levels();
    let c = client(&peer);
    assert_wrong_level(c.share_enum_level(2), "NetShareEnum");
    assert_wrong_level(
        c.share_enum_page(2, 0, MAX_PREFERRED_LENGTH),
        "NetShareEnum",
    );
    assert_wrong_level(c.share_enum_pages(2, 4096).collect_all(), "NetShareEnum");
    // The README's headline example: the typed blocking iterator yields the error, no panic.
    let items: Vec<_> = c.share_enum::<ShareInfo2>(MAX_PREFERRED_LENGTH).collect();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_wrong_level(items.into_iter().next().unwrap(), "NetShareEnum");
    assert_wrong_level(c.share_get_info_level("a", 2), "NetShareGetInfo");
    assert_wrong_level(c.share_get_info::<ShareInfo2>("a"), "NetShareGetInfo");
    assert_wrong_level(c.server_get_info_level(101), "NetServerGetInfo");
    assert_wrong_level(c.server_get_info::<ServerInfo101>(), "NetServerGetInfo");
    // The level asked for that the server does answer still works.
    assert_eq!(c.share_enum_level(1).unwrap().len(), 2);
}

#[test]
fn another_level_is_a_protocol_error_on_the_async_paths() {
    let peer = wrong_levels();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let c = AsyncClient::new("127.0.0.1", options(&peer)).unwrap();
        // Before: an empty list, as if the server had no shares.
        assert_wrong_level(c.share_enum::<ShareInfo2>().await, "NetShareEnum");
        assert_wrong_level(c.share_enum_level(502).await, "NetShareEnum");
        assert_wrong_level(c.share_get_info::<ShareInfo2>("a").await, "NetShareGetInfo");
        assert_wrong_level(
            c.server_get_info_level(102)
                .await
                .map(|s: ServerInfo| s.level()),
            "NetServerGetInfo",
        );
    });
}

/// A session list Samba-style (filters ignored) in pages of two: alice, alice | bob.
fn paged_sessions() -> Peer {
    let session = |user: &str| w::SessionInfo10 {
        cname: Some("\\\\10.0.0.9".into()),
        username: Some(user.into()),
        time: 1,
        idle_time: 1,
    };
    Peer::spawn(
        PeerConfig::rpc().interface("srvsvc", SRVSVC, move |opnum, stub| {
            assert_eq!(opnum, 12, "only NetrSessionEnum");
            let req: w::NetrSessionEnumRequest = netapi_ndr::decode(stub).unwrap();
            let (users, resume, status) = match req.resume_handle {
                Some(0) | None => (vec!["alice", "alice"], 2, 234),
                _ => (vec!["bob"], 0, 0),
            };
            Reply::encode(&w::NetrSessionEnumResponse {
                info_struct: w::SessionEnumStruct {
                    level: 10,
                    session_info: w::SessionEnumUnion::L10(Some(w::SessionInfo10Container {
                        entries_read: users.len() as u32,
                        buffer: Some(users.into_iter().map(session).collect()),
                    })),
                },
                total_entries: 3,
                resume_handle: Some(resume),
                status,
            })
        }),
    )
}

fn users(sessions: &[SessionInfo]) -> Vec<String> {
    sessions
        .iter()
        .map(|s| s.user_name().unwrap().to_string())
        .collect()
}

#[test]
fn a_page_emptied_by_client_side_filtering_is_not_the_end() {
    let peer = paged_sessions();
    let c = client(&peer);
    let bob = Some("bob");
    assert_eq!(
        users(&c.session_enum_level(10, None, bob).unwrap()),
        ["bob"]
    );
    // Before: "the server asks for another page but made no progress".
    let paged = c
        .session_enum_pages(10, None, bob, 64)
        .collect_all()
        .unwrap();
    assert_eq!(users(&paged), ["bob"]);
    let one_by_one: Vec<_> = c
        .session_enum_pages(10, None, bob, 64)
        .map(Result::unwrap)
        .collect();
    assert_eq!(users(&one_by_one), ["bob"]);
    let all = c
        .session_enum_pages(10, None, None, 64)
        .collect_all()
        .unwrap();
    assert_eq!(users(&all), ["alice", "alice", "bob"]);
    // NetSessionGetInfo walks the same pages.
    let s = c.session_get_info_level(10, "\\\\10.0.0.9", "bob").unwrap();
    assert_eq!(s.user_name(), Some("bob"));
}

#[test]
fn every_error_names_the_netapi_function() {
    // A server that never lets an enumeration end: the same resume handle again.
    let peer = Peer::spawn(PeerConfig::rpc().interface("srvsvc", SRVSVC, |_, _| {
        let mut page = level1_shares();
        page.resume_handle = Some(7);
        page.status = 234;
        Reply::encode(&page)
    }));
    let c = client(&peer);
    let e = c.share_enum_pages(1, 4096).collect_all().unwrap_err();
    assert_eq!((e.op(), e.win32()), ("NetShareEnum", 1728), "{e}");
    let e = c.share_enum_level(1).unwrap_err();
    assert_eq!((e.op(), e.win32()), ("NetShareEnum", 1728), "{e}");
    let e = netapi::Pages::walk("NetFileEnum", move |r| c.share_enum_page(1, r, 4096))
        .collect_all()
        .unwrap_err();
    assert_eq!(e.op(), "NetFileEnum");
    // The blocking client's own refusal (called inside a runtime) names the function too.
    let c = client(&peer);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let e = rt.block_on(async { c.share_del("x") }).unwrap_err();
    assert_eq!((e.op(), e.kind()), ("NetShareDel", Kind::Usage));
}

#[test]
fn share_names_windows_rejects_are_refused_before_sending() {
    let peer = wrong_levels();
    let c = client(&peer);
    for bad in ["a|b", "x/y", &"s".repeat(81)] {
        let e = c.share_get_info_level(bad, 1).unwrap_err();
        assert_eq!((e.win32(), e.kind()), (123, Kind::Usage), "{bad:?}");
        assert_eq!(c.share_del(bad).unwrap_err().win32(), 123);
    }
    assert!(peer.stats().calls.is_empty(), "nothing was sent");
}

#[test]
fn samba_answers_for_a_missing_share_read_as_windows_ones() {
    // quirk(samba-4.17): 123 for NetrShareGetInfo, 67 for NetrShareDel; Windows says 2310.
    let peer = Peer::spawn(
        PeerConfig::rpc().interface("srvsvc", SRVSVC, |opnum, _| match opnum {
            16 => Reply::encode(&w::NetrShareGetInfoResponse {
                info_struct: w::ShareInfo::L1(None),
                status: 123,
            }),
            18 => Reply::encode(&w::NetrShareDelResponse { status: 67 }),
            _ => Reply::Fault(netapi_testkit::peer::NCA_S_OP_RNG_ERROR),
        }),
    );
    let c = client(&peer);
    let e = c.share_get_info_level("gone", 1).unwrap_err();
    assert_eq!(
        (e.win32(), e.code()),
        (2310, netapi::Code::Win32(netapi::WinError(123)))
    );
    let e = c.share_del("gone").unwrap_err();
    assert_eq!(
        (e.win32(), e.code()),
        (2310, netapi::Code::Win32(netapi::WinError(67)))
    );
}
