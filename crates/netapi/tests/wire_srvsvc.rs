//! The srvsvc family on the wire against `netapi_testkit::peer`, for what the Samba lab cannot
//! show: the calls Samba does not serve (NetrShareCheck, NetrFileGetInfo,
//! NetrServerStatisticsGet, the transport calls behind NetServerComputerNameAdd/Del), session
//! levels 2/10/502 with server-side filters, share level 503, paging as [MS-SRVS] describes it,
//! and how faults and refusals surface as Windows error codes.
//!
//! Every test runs the public blocking API (`netapi::Client`) through the real stack — SMB2
//! with NTLM (sspi's acceptor on the other side), a signed session, a named pipe, DCE/RPC,
//! NDR — and checks both the result and what reached the peer.

use std::time::Duration;

use netapi::info::{FileInfo, SessionInfo, ShareInfo};
use netapi::{Client, Code, Kind, Options, RpcFault, Statistics, WinError};
use netapi_msrpc::srvsvc as w;
use netapi_testkit::peer::srvsvc::{Server, Srvsvc, netbios};
use netapi_testkit::peer::{Peer, PeerConfig, Reply};

/// A peer serving srvsvc for `server`.
fn serve(server: Server) -> (Peer, Srvsvc) {
    let s = Srvsvc::new(server);
    let peer = Peer::spawn(PeerConfig::rpc().srvsvc(&s));
    (peer, s)
}

/// A client of `peer` with its credentials and a short timeout.
fn client(peer: &Peer) -> Client {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(Duration::from_secs(5));
    Client::new("127.0.0.1", o).unwrap()
}

fn decode<T: netapi_ndr::Ndr>(stub: &[u8]) -> T {
    netapi_ndr::decode(stub).unwrap()
}

#[test]
fn share_check_answers_the_type_or_none() {
    let (peer, _) = serve(Server::windows());
    let c = client(&peer);
    assert_eq!(c.share_check("C:").unwrap(), Some(0), "STYPE_DISKTREE");
    assert_eq!(c.share_check("LPT1:").unwrap(), Some(1), "STYPE_PRINTQ");
    assert_eq!(
        c.share_check("D:").unwrap(),
        None,
        "NERR_DeviceNotShared (2311)"
    );
    let sent: Vec<w::NetrShareCheckRequest> =
        peer.stats().stubs(20).iter().map(|s| decode(s)).collect();
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0].device, "C:");
    assert_eq!(sent[0].server_name.as_deref(), Some("\\\\127.0.0.1"));
    assert!(peer.stats().errors.is_empty(), "{:?}", peer.stats().errors);
}

#[test]
fn file_get_info_levels_2_and_3() {
    let (peer, _) = serve(Server::windows());
    let c = client(&peer);
    let FileInfo::L3(f) = c.file_get_info_level(0x1001, 3).unwrap() else {
        panic!("level 3")
    };
    assert_eq!(f.id, 0x1001);
    assert_eq!(f.permissions, 3, "PERM_FILE_READ | PERM_FILE_WRITE");
    assert_eq!(f.num_locks, 1);
    assert_eq!(
        f.path_name.as_deref(),
        Some("C:\\Shares\\public\\report.docx")
    );
    assert_eq!(f.user_name.as_deref(), Some("alice"));
    let FileInfo::L2(f) = c.file_get_info_level(0x1002, 2).unwrap() else {
        panic!("level 2")
    };
    assert_eq!(f.id, 0x1002);
    let e = c.file_get_info_level(0x9999, 3).unwrap_err();
    assert_eq!(
        (e.win32(), e.kind()),
        (2314, Kind::Server),
        "NERR_FileIdNotFound: {e}"
    );
    let sent: w::NetrFileGetInfoRequest = decode(&peer.stats().stubs(10)[0]);
    assert_eq!((sent.file_id, sent.level), (0x1001, 3));
}

#[test]
fn statistics_get_returns_stat_server_0() {
    let (peer, s) = serve(Server::windows());
    let c = client(&peer);
    let Statistics::Server(st) = c.statistics_get("LanmanServer", 0, 0).unwrap() else {
        panic!("server statistics")
    };
    let want = s.server().statistics.clone();
    assert_eq!(st.sts0_start, want.start);
    assert_eq!(st.sts0_fopens, want.fopens);
    assert_eq!(st.sts0_jobsqueued, want.jobsqueued);
    assert_eq!(st.sts0_sopens, want.sopens);
    assert_eq!(st.sts0_stimedout, want.stimedout);
    assert_eq!(st.sts0_serrorout, want.serrorout);
    assert_eq!(st.sts0_pwerrors, want.pwerrors);
    assert_eq!(st.sts0_permerrors, want.permerrors);
    assert_eq!(st.sts0_bytessent_low, want.bytessent_low);
    assert_eq!(st.sts0_bytessent_high, want.bytessent_high);
    assert_eq!(st.sts0_bytesrcvd_low, want.bytesrcvd_low);
    assert_eq!(st.sts0_avresponse, want.avresponse);
    let sent: w::NetrServerStatisticsGetRequest = decode(&peer.stats().stubs(24)[0]);
    assert_eq!(sent.service.as_deref(), Some("LanmanServer"));
    assert_eq!((sent.level, sent.options), (0, 0));
}

#[test]
fn computer_name_add_and_del_walk_the_transports() {
    let (peer, s) = serve(Server::windows());
    let base: Vec<_> = s.server().transports.clone();
    let c = client(&peer);

    c.server_computer_name_add(Some("DOM"), "ALIAS").unwrap();
    let st = peer.stats();
    assert_eq!(
        st.opnums(),
        vec![26, 41, 41],
        "TransportEnum, then AddEx per transport"
    );
    let e: w::NetrServerTransportEnumRequest = decode(&st.stubs(26)[0]);
    assert_eq!(e.info_struct.level, 0);
    assert_eq!(e.resume_handle, Some(0));
    for (stub, t) in st.stubs(41).iter().zip(&base) {
        let r: w::NetrServerTransportAddExRequest = decode(stub);
        assert_eq!(r.level, 2);
        let w::TransportInfo::L2(i) = r.buffer else {
            panic!("level 2 buffer")
        };
        assert_eq!(i.transportname.as_deref(), Some(t.name.as_str()));
        assert_eq!(i.transportaddress.as_deref(), Some(&b"ALIAS"[..]));
        assert_eq!(i.transportaddresslength, 5);
        assert_eq!(
            i.networkaddress.as_deref(),
            Some(t.network_address.as_str())
        );
        assert_eq!(i.domain.as_deref(), Some("DOM"));
    }
    assert_eq!(
        s.server().transports.len(),
        4,
        "ALIAS bound to both transports"
    );

    let before = peer.stats().calls.len();
    c.server_computer_name_del("alias").unwrap();
    let st = peer.stats();
    let calls = &st.calls[before..];
    assert_eq!(
        calls.iter().map(|c| c.opnum).collect::<Vec<_>>(),
        vec![26, 53, 53]
    );
    for (call, t) in calls[1..].iter().zip(&base) {
        let r: w::NetrServerTransportDelExRequest = decode(&call.stub);
        assert_eq!(r.level, 0);
        let w::TransportInfo::L0(i) = r.buffer else {
            panic!("level 0 buffer")
        };
        assert_eq!(i.transportname.as_deref(), Some(t.name.as_str()));
        assert_eq!(i.transportaddress.as_deref(), Some(&b"ALIAS"[..]));
    }
    assert_eq!(s.server().transports, base, "back to the server's own name");

    let before = peer.stats().calls.len();
    let e = c.server_computer_name_del("NOSUCH").unwrap_err();
    assert_eq!((e.win32(), e.code()), (2310, Code::Win32(WinError(2310))));
    assert_eq!(e.message(), "This shared resource does not exist.");
    assert_eq!(
        peer.stats().opnums()[before..],
        [26],
        "no DelEx for an unbound name"
    );
    assert_eq!(s.server().transports[0].address, netbios("PEER"));
}

#[test]
fn session_levels_2_10_502_with_server_side_filters() {
    let (peer, _) = serve(Server::windows());
    let c = client(&peer);

    let l10 = c
        .session_enum_level(10, Some("\\\\10.0.0.5"), None)
        .unwrap();
    let users: Vec<_> = l10
        .iter()
        .map(|s| s.user_name().unwrap().to_owned())
        .collect();
    assert_eq!(users, ["alice", "carol"]);
    let SessionInfo::L10(s) = &l10[0] else {
        panic!("level 10")
    };
    assert_eq!((s.active_time, s.idle_time), (600, 300));

    let l502 = c.session_enum_level(502, None, Some("BOB")).unwrap();
    let [SessionInfo::L502(b)] = &l502[..] else {
        panic!("one level-502 session: {l502:?}")
    };
    assert_eq!(b.client_name.as_deref(), Some("\\\\10.0.0.6"));
    assert_eq!(b.transport.as_deref(), Some("\\Device\\NetbiosSmb"));
    assert_eq!(
        b.client_type.as_deref(),
        Some("Windows 10 Enterprise 19045")
    );

    let l2 = c
        .session_enum_level(2, Some("\\\\10.0.0.5"), Some("carol"))
        .unwrap();
    let [SessionInfo::L2(cr)] = &l2[..] else {
        panic!("one level-2 session: {l2:?}")
    };
    assert_eq!((cr.user_name.as_deref(), cr.num_opens), (Some("carol"), 1));

    // The filters went to the server (which applied them), not only to our own filtering.
    let sent: Vec<w::NetrSessionEnumRequest> =
        peer.stats().stubs(12).iter().map(|s| decode(s)).collect();
    assert_eq!(sent[0].client_name.as_deref(), Some("\\\\10.0.0.5"));
    assert_eq!(sent[0].user_name, None);
    assert_eq!(sent[1].user_name.as_deref(), Some("BOB"));
    assert_eq!(sent[2].info_struct.level, 2);

    let got = c
        .session_get_info_level(502, "\\\\10.0.0.6", "bob")
        .unwrap();
    assert_eq!(got.user_name(), Some("bob"));
    let e = c
        .session_get_info_level(10, "\\\\10.9.9.9", "bob")
        .unwrap_err();
    assert_eq!(e.win32(), 2312, "NERR_ClientNameNotFound: {e}");
    let e = c.session_enum_level(10, None, Some("mallory")).unwrap_err();
    assert_eq!(e.win32(), 2221, "NERR_UserNotFound: {e}");
}

#[test]
fn share_level_503_lists_every_scope() {
    let (peer, _) = serve(Server::windows());
    let c = client(&peer);
    let all = c.share_enum_level(503).unwrap();
    let scoped: Vec<_> = all
        .iter()
        .map(|s| match s {
            ShareInfo::L503(s) => (s.netname.clone().unwrap(), s.servername.clone().unwrap()),
            other => panic!("level 503: {other:?}"),
        })
        .collect();
    assert!(
        scoped.contains(&("web".into(), "WEBHOST".into())),
        "{scoped:?}"
    );
    assert!(scoped.contains(&("public".into(), "*".into())));
    let l502 = c.share_enum_level(502).unwrap();
    assert!(
        l502.iter().all(|s| s.netname() != Some("web")),
        "level 502 leaves scoped shares out"
    );
    assert_eq!(l502.len() + 1, all.len());

    let ShareInfo::L503(p) = c.share_get_info_level("PUBLIC", 503).unwrap() else {
        panic!("503")
    };
    assert_eq!(p.netname.as_deref(), Some("public"));
    assert_eq!((p.max_uses, p.current_uses), (20, 2));
    assert_eq!(p.reserved, 12, "security descriptor length");
    assert_eq!(p.security_descriptor.as_ref().map(Vec::len), Some(12));
}

#[test]
fn two_thousand_shares_in_pages() {
    let (peer, _) = serve(Server::with_shares(2000));
    let c = client(&peer);
    // Level 1 lists the unscoped shares: the five of the base server and the 2,000.
    let expect: Vec<String> = {
        let mut v: Vec<String> = ["ADMIN$", "C$", "IPC$", "public", "LaserJet"]
            .map(String::from)
            .into();
        v.extend((0..2000).map(|i| format!("share{i:04}")));
        v
    };

    // By hand: share_enum_page with the resume handle the server returned.
    let mut names = Vec::new();
    let (mut resume, mut pages) = (0, 0);
    loop {
        let page = c.share_enum_page(1, resume, 4096).unwrap();
        pages += 1;
        assert_eq!(
            page.total as usize,
            expect.len() - names.len(),
            "total from the resume position"
        );
        assert!(
            !page.items.is_empty() && page.items.len() < 100,
            "{} entries in 4 KiB",
            page.items.len()
        );
        names.extend(page.items.iter().map(|s| s.netname().unwrap().to_owned()));
        if page.is_last() {
            break;
        }
        assert_eq!(
            page.resume as usize,
            names.len(),
            "the peer's handle is the next index"
        );
        resume = page.resume;
    }
    assert_eq!(names, expect);
    assert!(pages > 20, "{pages} pages");
    let sent: Vec<w::NetrShareEnumRequest> =
        peer.stats().stubs(15).iter().map(|s| decode(s)).collect();
    assert_eq!(sent.len(), pages);
    assert!(
        sent.iter()
            .all(|r| r.prefered_maximum_length == 4096 && r.info_struct.level == 1)
    );
    assert_eq!(sent[0].resume_handle, Some(0));

    // The iterator does the same.
    let before = peer.stats().calls.len();
    let it: Vec<String> = c
        .share_enum_pages(1, 4096)
        .map(|s| s.unwrap().netname().unwrap().to_owned())
        .collect();
    assert_eq!(it, expect);
    assert_eq!(peer.stats().calls.len() - before, pages);

    // And MAX_PREFERRED_LENGTH takes one call.
    let before = peer.stats().calls.len();
    assert_eq!(c.share_enum_level(1).unwrap().len(), expect.len());
    assert_eq!(peer.stats().calls.len() - before, 1);
}

#[test]
fn faults_and_refusals_surface_as_windows_codes() {
    let s = Srvsvc::windows();
    let inner = s.clone();
    let peer = Peer::spawn(PeerConfig::rpc().interface(
        "srvsvc",
        netapi_testkit::peer::srvsvc::SRVSVC,
        move |op, stub| {
            // NetrShareDel of "locked": WERROR 5.
            if op == 18 && decode::<w::NetrShareDelRequest>(stub).net_name == "locked" {
                return Reply::encode(&w::NetrShareDelResponse { status: 5 });
            }
            inner.answer(op, stub)
        },
    ));
    let c = client(&peer);

    // NetrServerGetInfo is not served: nca_s_op_rng_error.
    let e = c.server_get_info_level(101).unwrap_err();
    assert_eq!(e.win32(), 1745, "{e}");
    assert_eq!(e.code(), Code::Fault(RpcFault(0x1C01_0002)));
    assert_eq!(e.kind(), Kind::Server);
    assert_eq!(e.op(), "NetServerGetInfo");
    assert_eq!(e.message(), "The procedure number is out of range.");

    let e = c.share_del("locked").unwrap_err();
    assert_eq!(
        (e.win32(), e.code(), e.kind()),
        (5, Code::Win32(WinError(5)), Kind::Server)
    );
    assert_eq!(e.message(), "Access is denied.");

    let e = c.share_get_info_level("nosuch", 1).unwrap_err();
    assert_eq!((e.win32(), e.code()), (2310, Code::Win32(WinError(2310))));
    assert_eq!(
        e.to_string(),
        "NetShareGetInfo: error 2310: This shared resource does not exist."
    );

    // A fault does not cost the association: the next call works on the same pipe.
    assert_eq!(c.share_check("C:").unwrap(), Some(0));
    assert_eq!(peer.stats().binds.len(), 1, "one bind for all calls");
}

/// NetServerEnum is MS-RAP over SMB1 (see `netapi::server`), which netapi does not speak: no
/// server is asked, so what this checks is that nothing is sent and that the answer is labelled
/// as the local, transport-level failure it is (no received code), never as a server's error.
#[test]
fn net_server_enum_sends_nothing() {
    let (peer, _) = serve(Server::windows());
    let c = client(&peer);
    let e = c
        .server_enum_page(100, netapi::SV_TYPE_ALL, None, 0, u32::MAX)
        .unwrap_err();
    assert_eq!(e.win32(), 6118, "ERROR_NO_BROWSER_SERVERS_FOUND: {e}");
    assert_eq!(e.op(), "NetServerEnum");
    assert_eq!((e.kind(), e.code()), (Kind::Transport, Code::None));
    let st = peer.stats();
    assert_eq!(st.connections, 0, "no connection at all");
    assert!(st.calls.is_empty());
}

#[test]
fn the_peer_sees_a_well_behaved_client() {
    // One of everything, then the peer's own checks: credit window, parse errors.
    let (peer, _) = serve(Server::with_shares(300));
    let c = client(&peer);
    c.share_check("C:").unwrap();
    c.share_enum_pages(2, 2048).for_each(|s| {
        s.unwrap();
    });
    c.session_enum_level(1, None, None).unwrap();
    c.file_enum_level(3, None, None).unwrap();
    let st = peer.stats();
    assert!(
        st.window_violations.is_empty(),
        "{:?}",
        st.window_violations
    );
    assert!(st.errors.is_empty(), "{:?}", st.errors);
    assert_eq!(st.connections, 1);
    assert!(
        st.binds
            .iter()
            .all(|(pipe, ifs)| pipe == "srvsvc" && ifs[0] == netapi_testkit::peer::srvsvc::SRVSVC)
    );
}
