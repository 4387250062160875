//! The workstation, domain and messaging families on the wire against `netapi_testkit::peer`,
//! for what the Samba lab cannot show: every wkssvc call Samba does not serve, at every level,
//! successes included (levels 502, 1013/1018/1046, users and transports, the NetrUse* calls on a
//! named server, statistics, join information, name validation with an encrypted password),
//! the netlogon locators with trusted domains, the messenger, and how faults, refusals and
//! missing pipes surface as Windows error codes.
//!
//! Every test runs the public blocking API through the real stack (SMB2 with NTLM, a signed
//! session, named pipes, DCE/RPC, NDR) and checks the result and what reached the peer.

use std::time::Duration;

use netapi::info::*;
use netapi::{Client, Code, Kind, Options, RpcFault, Statistics, WinError};
use netapi_msrpc::wkssvc as w;
use netapi_testkit::peer::msgsvc::Msgsvc;
use netapi_testkit::peer::netlogon::Domains;
use netapi_testkit::peer::wkssvc::{Wkssvc, Workstation};
use netapi_testkit::peer::{Peer, PeerConfig, Reply};

fn serve() -> (Peer, Wkssvc) {
    let ws = Wkssvc::new(Workstation::windows());
    let peer = Peer::spawn(
        PeerConfig::rpc()
            .wkssvc(&ws)
            .netlogon(Domains::lab())
            .msgsvc(&Msgsvc::new(&["WS01", "ALICE"])),
    );
    (peer, ws)
}

fn client(peer: &Peer) -> Client {
    let mut o = Options::new(peer.credentials());
    o.smb = peer.smb_options(Duration::from_secs(5));
    Client::new("127.0.0.1", o).unwrap()
}

fn decode<T: netapi_ndr::Ndr>(stub: &[u8]) -> T {
    netapi_ndr::decode(stub).unwrap()
}

#[test]
fn wksta_get_info_at_every_level() {
    let (peer, _) = serve();
    let c = client(&peer);
    let WkstaInfo::L100(i) = c.wksta_get_info_level(100).unwrap() else {
        panic!("100")
    };
    assert_eq!(
        (
            i.computername.as_deref(),
            i.langroup.as_deref(),
            i.platform_id
        ),
        (Some("WS01"), Some("LABDOM"), 500)
    );
    let i: WkstaInfo101 = c.wksta_get_info().unwrap();
    assert_eq!((i.ver_major, i.lanroot.as_deref()), (10, Some("")));
    let i: WkstaInfo102 = c.wksta_get_info().unwrap();
    assert_eq!(i.logged_on_users, 2);
    let i: WkstaInfo502 = c.wksta_get_info().unwrap();
    assert_eq!((i.keep_conn, i.sess_timeout, i.char_wait), (600, 60, 3600));
    assert!(i.use_opportunistic_locking && i.use_encryption && !i.use_raw_read);
    let sent: Vec<u32> = peer
        .stats()
        .stubs(0)
        .iter()
        .map(|s| decode::<w::NetrWkstaGetInfoRequest>(s).level)
        .collect();
    assert_eq!(sent, [100, 101, 102, 502]);
    assert_eq!(
        decode::<w::NetrWkstaGetInfoRequest>(&peer.stats().stubs(0)[0])
            .server_name
            .as_deref(),
        Some("\\\\127.0.0.1")
    );
    // A level pywin32 refuses is refused here too, before anything is sent.
    let e = c.wksta_get_info_level(302).unwrap_err();
    assert_eq!((e.win32(), e.kind()), (124, Kind::Usage));
    assert_eq!(peer.stats().stubs(0).len(), 4);
}

#[test]
fn wksta_set_info_502_and_single_field_levels() {
    let (peer, ws) = serve();
    let c = client(&peer);
    let mut i: WkstaInfo502 = c.wksta_get_info().unwrap();
    i.sess_timeout = 90;
    c.wksta_set_info(&i.clone().into()).unwrap();
    assert_eq!(ws.state().settings.sess_timeout, 90);
    // pywin32 has no max_threads: it goes out as 0, as pywin32 sends it.
    assert_eq!(ws.state().settings.max_threads, 0);
    c.wksta_set_info(&WkstaInfo1013 { keep_conn: 1200 }.into())
        .unwrap();
    c.wksta_set_info(&WkstaInfo1018 { sess_timeout: 45 }.into())
        .unwrap();
    c.wksta_set_info(
        &WkstaInfo1046 {
            dormant_file_limit: 4,
        }
        .into(),
    )
    .unwrap();
    let s = ws.state().settings.clone();
    assert_eq!(
        (s.keep_conn, s.sess_timeout, s.dormant_file_limit),
        (1200, 45, 4)
    );
    let sent: Vec<w::NetrWkstaSetInfoRequest> =
        peer.stats().stubs(1).iter().map(|s| decode(s)).collect();
    assert_eq!(
        sent.iter().map(|r| r.level).collect::<Vec<_>>(),
        [502, 1013, 1018, 1046]
    );
    assert!(matches!(sent[1].wksta_info, w::WkstaInfo::L1013(Some(ref x)) if x.keep_conn == 1200));
    // The server's own refusals: a value out of range, a read-only level.
    let e = c
        .wksta_set_info(&WkstaInfo1013 { keep_conn: 0 }.into())
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (87, Kind::Server));
    let e = c
        .wksta_set_info(&WkstaInfo100::default().into())
        .unwrap_err();
    assert_eq!((e.win32(), e.code()), (124, Code::Win32(WinError(124))));
}

#[test]
fn wksta_user_enum_levels_0_and_1_in_pages() {
    let (peer, ws) = serve();
    let c = client(&peer);
    let all = c.wksta_user_enum_level(1).unwrap();
    let names: Vec<_> = all.iter().map(|u| u.username().unwrap()).collect();
    assert_eq!(names, ["alice", "WS01$"]);
    let WkstaUserInfo::L1(a) = &all[0] else {
        panic!("level 1")
    };
    assert_eq!(
        (a.logon_domain.as_deref(), a.logon_server.as_deref()),
        (Some("LABDOM"), Some("DC1"))
    );
    // One entry per page with a 1-byte preferred length, as the server pages.
    ws.state()
        .users
        .extend((0..5).map(|i| netapi_testkit::peer::wkssvc::User {
            username: format!("u{i}"),
            ..Default::default()
        }));
    let first = c.wksta_user_enum_page(0, 0, 1).unwrap();
    assert_eq!((first.items.len(), first.total, first.resume), (1, 7, 1));
    let paged: Vec<_> = c
        .wksta_user_enum_pages(0, 1)
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert_eq!(paged.len(), 7);
    assert!(matches!(paged[6], WkstaUserInfo::L0(ref u) if u.username.as_deref() == Some("u4")));
    assert_eq!(c.wksta_user_enum_page(2, 0, 100).unwrap_err().win32(), 124);
}

#[test]
fn wksta_transports_enum_add_del() {
    let (peer, ws) = serve();
    let c = client(&peer);
    let list = c.wksta_transport_enum_level(0).unwrap();
    let [WkstaTransportInfo::L0(t)] = &list[..] else {
        panic!("{list:?}")
    };
    assert_eq!((t.number_of_vcs, t.wan_ish), (2, false));
    assert_eq!(t.transport_address.as_deref(), Some("525400123456"));
    let new = WkstaTransportInfo0 {
        transport_name: Some("\\Device\\NetbiosSmb".into()),
        transport_address: Some("000000000000".into()),
        ..Default::default()
    };
    c.wksta_transport_add(&new.clone().into()).unwrap();
    assert_eq!(ws.state().transports.len(), 2);
    let e = c.wksta_transport_add(&new.into()).unwrap_err();
    assert_eq!(e.win32(), 52, "ERROR_DUP_NAME: {e}");
    c.wksta_transport_del(Some("\\device\\netbiossmb"), 1)
        .unwrap();
    assert_eq!(ws.state().transports.len(), 1);
    let sent: w::NetrWkstaTransportDelRequest = decode(&peer.stats().stubs(7)[0]);
    assert_eq!(sent.force_level, w::ForceLevel::USE_FORCE);
    assert_eq!(
        c.wksta_transport_del(Some("nope"), 0).unwrap_err().win32(),
        1168
    );
    // Bad input is refused before anything is sent.
    let before = peer.stats().calls.len();
    assert_eq!(c.wksta_transport_del(Some("x"), 3).unwrap_err().win32(), 87);
    let e = c
        .wksta_transport_add(&WkstaTransportInfo0::default().into())
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (87, Kind::Usage));
    assert_eq!(peer.stats().calls.len(), before);
}

#[test]
fn workstation_statistics() {
    let (peer, ws) = serve();
    let c = client(&peer);
    let Statistics::Workstation(s) = c.statistics_get("LanmanWorkstation", 0, 0).unwrap() else {
        panic!("workstation statistics")
    };
    let want = ws.state().statistics.clone();
    assert_eq!(s.StatisticsStartTime, want.StatisticsStartTime.0);
    assert_eq!(s.BytesReceived, 0x1_2345_6789);
    assert_eq!(
        s.CacheReadBytesRequested, 1024,
        "the server's value, not pywin32's quirk"
    );
    assert_eq!((s.Sessions, s.UseCount, s.CurrentCommands), (7, 3, 1));
    let sent: w::NetrWorkstationStatisticsGetRequest = decode(&peer.stats().stubs(13)[0]);
    assert_eq!((sent.level, sent.options), (0, 0));
    assert_eq!(
        c.statistics_get("LanmanWorkstation", 1, 0)
            .unwrap_err()
            .win32(),
        124
    );
    assert_eq!(
        c.statistics_get("LanmanWorkstation", 0, 1)
            .unwrap_err()
            .win32(),
        87
    );
}

#[test]
fn join_information_and_name_validation() {
    let (peer, ws) = serve();
    let c = client(&peer);
    let j = c.get_join_information().unwrap();
    assert_eq!(
        (j.name.as_str(), j.status),
        ("LABDOM", netapi::NET_SETUP_DOMAIN_NAME)
    );

    c.validate_name("NEWPC", netapi::NET_SETUP_MACHINE, None, None)
        .unwrap();
    assert_eq!(
        c.validate_name("DC1", netapi::NET_SETUP_MACHINE, None, None)
            .unwrap_err()
            .win32(),
        52,
        "ERROR_DUP_NAME: the name is in use"
    );
    assert_eq!(
        c.validate_name("bad*name", netapi::NET_SETUP_MACHINE, None, None)
            .unwrap_err()
            .win32(),
        1210
    );
    c.validate_name(
        "LABDOM",
        netapi::NET_SETUP_DOMAIN,
        Some("LABDOM\\admin"),
        Some("S3cret!pw"),
    )
    .unwrap();
    assert_eq!(
        c.validate_name("NODOM", netapi::NET_SETUP_DOMAIN, None, None)
            .unwrap_err()
            .win32(),
        1355
    );
    c.validate_name("NEWDOM", netapi::NET_SETUP_NON_EXISTENT_DOMAIN, None, None)
        .unwrap();
    c.validate_name(
        "ws01.lab.example",
        netapi::NET_SETUP_DNS_MACHINE,
        None,
        None,
    )
    .unwrap();
    c.validate_name("LAB", netapi::NET_SETUP_WORKGROUP, None, None)
        .unwrap();

    // The password went out encrypted with the session key, and decrypts to what was given.
    let st = ws.state();
    let q = &st.validations[3];
    assert_eq!(q.account_name.as_deref(), Some("LABDOM\\admin"));
    assert_eq!(q.name_type, w::NetSetupNameType::NetSetupDomain);
    let blob = &st.passwords[0];
    let raw = netapi_ndr::encode(blob).unwrap();
    assert!(!raw.windows(18).any(|win| {
        win == "S3cret!pw"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<_>>()
            .as_slice()
    }));
    let keys = peer.stats().application_keys;
    assert_eq!(keys.len(), 1, "one session for every call");
    assert_eq!(
        w::password::decrypt(blob, &keys[0]).as_deref(),
        Some("S3cret!pw")
    );
    assert_eq!(
        st.passwords.len(),
        1,
        "no password sent when none was given"
    );
    drop(st);

    // Bad input never reaches the server.
    let before = peer.stats().calls.len();
    assert_eq!(c.validate_name("X", 0, None, None).unwrap_err().win32(), 87);
    assert_eq!(c.validate_name("X", 6, None, None).unwrap_err().win32(), 87);
    assert_eq!(c.validate_name("", 1, None, None).unwrap_err().win32(), 87);
    let long = "p".repeat(257);
    let e = c
        .validate_name("LABDOM", 3, Some("a"), Some(&long))
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (87, Kind::Usage));
    assert_eq!(peer.stats().calls.len(), before);
}

#[test]
fn dc_names_from_netlogon() {
    let (peer, _) = serve();
    let c = client(&peer);
    assert_eq!(c.get_dc_name(None).unwrap(), "\\\\DC1");
    assert_eq!(c.get_dc_name(Some("labdom")).unwrap(), "\\\\DC1");
    let e = c.get_dc_name(Some("PARTNER")).unwrap_err();
    assert_eq!((e.win32(), e.code()), (2453, Code::Win32(WinError(2453))));
    assert_eq!(
        e.message(),
        "Could not find domain controller for this domain."
    );
    assert_eq!(c.get_any_dc_name(None).unwrap(), "\\\\DC2");
    assert_eq!(c.get_any_dc_name(Some("PARTNER")).unwrap(), "\\\\PDC9");
    assert_eq!(
        c.get_any_dc_name(Some("NOWHERE")).unwrap_err().win32(),
        1355
    );
    let sent: netapi_msrpc::netlogon::NetrGetDCNameRequest = decode(&peer.stats().stubs(11)[0]);
    assert_eq!(
        (sent.server_name.as_str(), sent.domain_name),
        ("\\\\127.0.0.1", None)
    );
    assert!(
        peer.stats()
            .binds
            .iter()
            .any(|(pipe, _)| pipe.eq_ignore_ascii_case("netlogon"))
    );
}

#[test]
fn message_names_add_enum_del() {
    let (peer, _) = serve();
    let c = client(&peer);
    assert_eq!(c.message_name_enum().unwrap(), ["WS01", "ALICE"]);
    c.message_name_add("bob").unwrap();
    assert_eq!(c.message_name_add("BOB").unwrap_err().win32(), 2276);
    assert_eq!(c.message_name_enum().unwrap(), ["WS01", "ALICE", "BOB"]);
    let page = c.message_name_enum_page(0, 1).unwrap();
    assert_eq!(
        (page.items, page.total, page.resume),
        (vec!["WS01".to_string()], 3, 1)
    );
    c.message_name_del("alice").unwrap();
    let e = c.message_name_del("alice").unwrap_err();
    assert_eq!(e.win32(), 2273);
    assert_eq!(
        e.message(),
        "The message alias could not be found on the network."
    );
    // NetMessageBufferSend: checked, then refused as Windows since Vista does; nothing sent.
    let before = peer.stats().calls.len();
    let e = c.message_buffer_send("BOB", None, b"hello").unwrap_err();
    assert_eq!((e.win32(), e.op()), (50, "NetMessageBufferSend"));
    assert_eq!(
        c.message_buffer_send("", None, b"x").unwrap_err().win32(),
        87
    );
    assert_eq!(peer.stats().calls.len(), before);
}

#[test]
fn missing_pipes_read_as_the_service_not_started() {
    // A server with wkssvc only: no netlogon (a standalone server), no messenger.
    let ws = Wkssvc::new(Workstation::windows());
    let peer = Peer::spawn(PeerConfig::rpc().wkssvc(&ws));
    let c = client(&peer);
    for e in [
        c.get_dc_name(None).unwrap_err(),
        c.get_any_dc_name(None).unwrap_err(),
        c.message_name_add("X").unwrap_err(),
        c.message_name_enum().unwrap_err(),
    ] {
        assert_eq!(e.win32(), 2184, "NERR_ServiceNotInstalled: {e}");
        assert_eq!(e.code(), Code::Nt(netapi::NtStatus(0xC000_0034)));
    }
    let e = c.message_name_del("X").unwrap_err();
    assert_eq!(e.message(), "The service has not been started.");
    // The workstation's own pipe missing: NERR_WkstaNotStarted.
    let peer = Peer::spawn(PeerConfig::rpc().netlogon(Domains::lab()));
    let c = client(&peer);
    assert_eq!(c.wksta_get_info_level(100).unwrap_err().win32(), 2138);
    assert_eq!(c.get_join_information().unwrap_err().win32(), 2138);
}

#[test]
fn faults_and_garbage_are_clean_errors() {
    // A server that implements none of it (what Samba does for most opnums).
    let peer = Peer::spawn(PeerConfig::rpc().interface(
        "wkssvc",
        netapi_testkit::peer::wkssvc::WKSSVC,
        |opnum, _| match opnum {
            // NetrWkstaGetInfo at level 100 answered with another level's arm.
            0 => Reply::encode(&w::NetrWkstaGetInfoResponse {
                wksta_info: w::WkstaInfo::L101(Some(w::WkstaInfo101::default())),
                status: 0,
            }),
            // Join information: a status no NETSETUP_JOIN_STATUS has.
            20 => Reply::encode(&w::NetrGetJoinInformationResponse {
                name_buffer: Some("X".into()),
                buffer_type: w::NetSetupJoinStatus(9),
                status: 0,
            }),
            // Users: a truncated answer.
            2 => Reply::Stub(vec![0, 0, 0, 0, 1]),
            _ => Reply::Fault(0x1C01_0002),
        },
    ));
    let c = client(&peer);
    let e = c.wksta_get_info_level(100).unwrap_err();
    assert_eq!((e.win32(), e.kind()), (1783, Kind::Protocol));
    assert_eq!(c.get_join_information().unwrap_err().win32(), 1783);
    assert_eq!(c.wksta_user_enum_level(0).unwrap_err().win32(), 1783);
    let e = c.validate_name("X", 1, None, None).unwrap_err();
    assert_eq!(
        (e.win32(), e.code()),
        (1745, Code::Fault(RpcFault(0x1C01_0002)))
    );
    assert_eq!(e.op(), "NetValidateName");
    assert_eq!(c.wksta_transport_enum_level(0).unwrap_err().win32(), 1745);
    assert_eq!(
        c.statistics_get("LanmanWorkstation", 0, 0)
            .unwrap_err()
            .win32(),
        1745
    );
    assert!(peer.stats().errors.is_empty(), "{:?}", peer.stats().errors);
}
