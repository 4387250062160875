//! Association state machine against the scripted peer, unauthenticated.

use super::peer::*;
use crate::pdu::*;
use crate::{AssocConfig, Association, BindTimeFeatures, Direction, Error, Event};
use std::sync::{Arc, Mutex};

fn bound(frag: u16) -> (Association, Peer, Vec<crate::PresentationContext>) {
    let mut peer = Peer::new();
    let mut client = Association::new(AssocConfig::new(frag));
    let contexts = bind(&mut client, &mut peer, &[SAMR]);
    (client, peer, contexts)
}

/// Runs one call whose response the peer sends in `frag`-byte fragments, fed in `split`-byte
/// pieces; returns what the peer received and the client's event.
fn call(
    client: &mut Association,
    peer: &mut Peer,
    ctx: u16,
    stub: &[u8],
    resp: &[u8],
    frag: usize,
    split: usize,
) -> (Vec<u8>, Event) {
    let (call_id, frames) = send_request(client, ctx, 7, stub);
    let (cid, pctx, opnum, got) = peer.read_request(&frames);
    assert_eq!((cid, pctx, opnum), (call_id, ctx, 7));
    for f in peer.response(call_id, ctx, resp, frag) {
        feed(client, &f, split).unwrap();
    }
    (got, client.poll_event().expect("an event"))
}

#[test]
fn bind_negotiates_sizes_group_and_features() {
    let mut peer = Peer::new();
    peer.max_recv = 2048;
    let mut client = Association::new(AssocConfig::new(5840));
    let contexts = bind(&mut client, &mut peer, &[SAMR, LSARPC]);
    assert_eq!(contexts.len(), 2);
    assert!(
        contexts
            .iter()
            .all(|c| c.is_accepted() && c.transfer_syntax == crate::NDR20)
    );
    assert_eq!((contexts[0].id, contexts[1].id), (0, 1));
    // The offer: two interfaces and the feature negotiation context for the last one.
    assert_eq!(peer.offered.len(), 3);
    assert_eq!(peer.offered[2].abstract_syntax, LSARPC);
    assert!(peer.offered[2].transfer_syntaxes[0].is_feature_negotiation());
    assert!(
        !peer.client_asked_header_sign,
        "no header signing without auth"
    );
    let n = client.negotiated().unwrap();
    assert_eq!(n.max_xmit_frag, 2048);
    assert_eq!(n.max_recv_frag, 5840);
    assert_eq!(n.assoc_group_id, 0x1234);
    assert_eq!(n.secondary_address, b"49154\0");
    let f = n.features.unwrap();
    assert!(f.keep_connection_on_orphan() && !f.security_context_multiplexing());
    assert!(client.is_ready());
    assert_eq!(client.context_for(&LSARPC), Some(1));
    assert_eq!(client.context_for(&SRVSVC), None);
}

#[test]
fn feature_negotiation_rejected_or_not_offered() {
    let mut peer = Peer::new();
    peer.features_ack = None;
    let mut client = Association::new(AssocConfig::new(4280));
    bind(&mut client, &mut peer, &[SAMR]);
    assert_eq!(
        client.negotiated().unwrap().features,
        Some(BindTimeFeatures(0))
    );

    let mut peer = Peer::new();
    let mut cfg = AssocConfig::new(4280);
    cfg.negotiate_features = false;
    let mut client = Association::new(cfg);
    bind(&mut client, &mut peer, &[SAMR]);
    assert_eq!(peer.offered.len(), 1);
    assert_eq!(client.negotiated().unwrap().features, None);
}

#[test]
fn alter_context_adds_a_second_interface() {
    let (mut client, mut peer, _) = bound(4280);
    let ids = client.alter_context(&[LSARPC, SRVSVC]).unwrap();
    assert_eq!(
        ids,
        vec![2, 3],
        "ids continue after the feature negotiation context"
    );
    let tx = drain(&mut client);
    assert_eq!(tx.len(), 1);
    assert!(tx[0].awaits_reply);
    assert_eq!(tx[0].data[2], 14);
    peer.reject = vec![SRVSVC];
    client
        .handle_input(&peer.answer_alter(&tx[0].data))
        .unwrap();
    let Some(Event::ContextsAltered { contexts }) = client.poll_event() else {
        panic!()
    };
    assert!(contexts[0].is_accepted());
    assert!(!contexts[1].is_accepted());
    assert_eq!(
        contexts[1].reason,
        ProviderReason::ABSTRACT_SYNTAX_NOT_SUPPORTED.0
    );
    assert_eq!(client.context_for(&LSARPC), Some(2));
    // Calls work on both accepted interfaces, not on the rejected one.
    let (_, ev) = call(&mut client, &mut peer, 2, b"lsa", b"ok", 4280, 4280);
    assert!(matches!(ev, Event::Response { .. }));
    let (_, ev) = call(&mut client, &mut peer, 0, b"samr", b"ok", 4280, 4280);
    assert!(matches!(ev, Event::Response { .. }));
    assert!(matches!(client.request(3, 0, b""), Err(Error::Usage(_))));
    assert!(matches!(client.request(9, 0, b""), Err(Error::Usage(_))));
}

#[test]
fn rejected_interface_at_bind() {
    let mut peer = Peer::new();
    peer.reject = vec![LSARPC];
    let mut client = Association::new(AssocConfig::new(4280));
    let contexts = bind(&mut client, &mut peer, &[SAMR, LSARPC]);
    assert!(contexts[0].is_accepted());
    assert_eq!(contexts[1].result, ResultCode::PROVIDER_REJECTION);
    assert!(matches!(client.request(1, 0, b""), Err(Error::Usage(_))));
}

#[test]
fn bind_nak_is_an_error_and_closes() {
    let mut client = Association::new(AssocConfig::new(4280));
    client.bind(&[SAMR]).unwrap();
    let bind_pdu = client.poll_transmit().unwrap();
    let call_id = u32::from_le_bytes(bind_pdu.data[12..16].try_into().unwrap());
    let nak = Pdu::new(
        call_id,
        PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
        Body::BindNak(BindNak {
            reason: RejectReason::PROTOCOL_VERSION_NOT_SUPPORTED,
            versions: vec![(5, 0)],
            extension: vec![],
        }),
    )
    .encode()
    .unwrap();
    assert!(matches!(
        client.handle_input(&nak),
        Err(Error::BindNak { reason: 4 })
    ));
    assert!(client.is_closed());
    // A response after the failed bind goes nowhere.
    let mut peer = Peer::new();
    let resp = peer.response(call_id, 0, b"late", 4280).remove(0);
    assert!(matches!(client.handle_input(&resp), Err(Error::Closed)));
    assert!(matches!(client.request(0, 0, b""), Err(Error::Closed)));
    assert!(client.poll_event().is_none());
}

#[test]
fn fault_during_bind_and_response_instead_of_bind_ack() {
    let mut client = Association::new(AssocConfig::new(4280));
    client.bind(&[SAMR]).unwrap();
    drain(&mut client);
    let err = client
        .handle_input(&Peer::fault(1, 0x1c01_0003))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Fault {
                call_id: 1,
                status: 0x1c01_0003
            }
        ),
        "{err}"
    );

    let mut client = Association::new(AssocConfig::new(4280));
    client.bind(&[SAMR]).unwrap();
    drain(&mut client);
    let resp = Peer::new().response(1, 0, b"x", 4280).remove(0);
    assert!(matches!(
        client.handle_input(&resp),
        Err(Error::UnexpectedPdu { ptype: 2, .. })
    ));
}

#[test]
fn bind_ack_with_wrong_call_id_or_result_count() {
    let mut peer = Peer::new();
    let mut client = Association::new(AssocConfig::new(4280));
    client.bind(&[SAMR]).unwrap();
    let mut ack = peer.answer_bind(&client.poll_transmit().unwrap().data);
    ack[12] = 9;
    assert!(matches!(
        client.handle_input(&ack),
        Err(Error::WrongCallId {
            expected: 1,
            got: 9
        })
    ));

    let mut client = Association::new(AssocConfig::new(4280));
    client.bind(&[SAMR, LSARPC]).unwrap();
    let bind_frame = client.poll_transmit().unwrap().data;
    let mut pdu = Pdu::decode(&peer.answer_bind(&bind_frame)).unwrap();
    if let Body::BindAck(a) = &mut pdu.body {
        a.results.pop();
    }
    assert!(matches!(
        client.handle_input(&pdu.encode().unwrap()),
        Err(Error::Malformed(_))
    ));
}

#[test]
fn calls_with_fault_mid_enumeration() {
    let (mut client, mut peer, _) = bound(4280);
    let (got, ev) = call(
        &mut client,
        &mut peer,
        0,
        b"page 1",
        b"entries 1..100",
        4280,
        4280,
    );
    assert_eq!(got, b"page 1");
    let Event::Response { stub, .. } = ev else {
        panic!("{ev:?}")
    };
    assert_eq!(stub, b"entries 1..100");

    let (call_id, _) = send_request(&mut client, 0, 13, b"page 2");
    client.handle_input(&Peer::fault(call_id, 5)).unwrap();
    assert_eq!(
        client.poll_event(),
        Some(Event::Fault { call_id, status: 5 })
    );
    assert!(
        client.is_ready(),
        "a fault ends the call, not the association"
    );

    let (_, ev) = call(
        &mut client,
        &mut peer,
        0,
        b"page 2 again",
        b"entries 101..150",
        4280,
        4280,
    );
    assert!(matches!(ev, Event::Response { stub, .. } if stub == b"entries 101..150"));
}

#[test]
fn fault_after_some_response_fragments_ends_the_call() {
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let frags = peer.response(call_id, 0, &[9u8; 10_000], 4280);
    client.handle_input(&frags[0]).unwrap();
    assert_eq!(client.outstanding_call(), Some((call_id, 1)));
    client
        .handle_input(&Peer::fault(call_id, 0x1c01_0002))
        .unwrap();
    assert_eq!(
        client.poll_event(),
        Some(Event::Fault {
            call_id,
            status: 0x1c01_0002
        })
    );
    assert!(client.is_ready());
}

#[test]
fn association_level_fault_is_fatal() {
    let (mut client, _peer, _) = bound(4280);
    send_request(&mut client, 0, 1, b"q");
    let err = client
        .handle_input(&Peer::fault(0, 0x1c01_000b))
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Fault {
            call_id: 0,
            status: 0x1c01_000b
        }
    ));
    assert!(client.is_closed());
}

#[test]
fn response_with_wrong_call_id() {
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let resp = peer.response(call_id + 1, 0, b"x", 4280).remove(0);
    let err = client.handle_input(&resp).unwrap_err();
    assert!(
        matches!(err, Error::WrongCallId { expected, got } if expected == call_id && got == call_id + 1)
    );
    assert!(client.is_closed());
    let (mut client, _, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    assert!(matches!(
        client.handle_input(&Peer::fault(call_id + 5, 5)),
        Err(Error::WrongCallId { .. })
    ));
}

#[test]
fn response_on_wrong_context_or_without_first_frag() {
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let resp = peer.response(call_id, 1, b"x", 4280).remove(0);
    assert!(matches!(
        client.handle_input(&resp),
        Err(Error::WrongContext {
            expected: 0,
            got: 1
        })
    ));

    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let frags = peer.response(call_id, 0, &[1u8; 9000], 4280);
    let err = client.handle_input(&frags[1]).unwrap_err();
    assert!(matches!(err, Error::MissingFirstFrag { call_id: c } if c == call_id));

    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let frags = peer.response(call_id, 0, &[1u8; 9000], 4280);
    client.handle_input(&frags[0]).unwrap();
    assert!(matches!(
        client.handle_input(&frags[0]),
        Err(Error::Malformed(_))
    ));
}

#[test]
fn bad_frag_lengths_and_truncated_pdus() {
    // frag_length below the header size.
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let mut resp = peer.response(call_id, 0, b"abcd", 4280).remove(0);
    resp[8] = 10;
    assert!(matches!(
        client.handle_input(&resp),
        Err(Error::FragTooShort {
            frag_length: 10,
            min: 16
        })
    ));

    // frag_length above max_recv_frag: refused from the header alone, before buffering.
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let mut resp = peer.response(call_id, 0, b"abcd", 4280).remove(0);
    resp[8..10].copy_from_slice(&5000u16.to_le_bytes());
    let err = client.handle_input(&resp[..16]).unwrap_err();
    assert!(matches!(
        err,
        Error::FragTooLong {
            frag_length: 5000,
            max: 4280
        }
    ));

    // A response PDU cut before its fixed part, with frag_length saying so.
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let mut resp = peer.response(call_id, 0, b"abcd", 4280).remove(0);
    resp.truncate(20);
    resp[8] = 20;
    assert!(matches!(
        client.handle_input(&resp),
        Err(Error::FragTooShort {
            frag_length: 20,
            min: 24
        })
    ));

    // A bind_ack cut inside the result list.
    let mut client = Association::new(AssocConfig::new(4280));
    client.bind(&[SAMR]).unwrap();
    let mut ack = Peer::new().answer_bind(&client.poll_transmit().unwrap().data);
    let cut = ack.len() - 10;
    ack.truncate(cut);
    ack[8..10].copy_from_slice(&(cut as u16).to_le_bytes());
    assert!(matches!(
        client.handle_input(&ack),
        Err(Error::Truncated(_))
    ));

    // An incomplete PDU just waits for more bytes.
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let resp = peer.response(call_id, 0, b"abcd", 4280).remove(0);
    client.handle_input(&resp[..resp.len() - 1]).unwrap();
    assert!(client.poll_event().is_none());
    client.handle_input(&resp[resp.len() - 1..]).unwrap();
    assert!(matches!(client.poll_event(), Some(Event::Response { .. })));
}

#[test]
fn huge_alloc_hint_and_size_limits() {
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let mut resp = peer.response(call_id, 0, b"abcd", 4280).remove(0);
    resp[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
    let err = client.handle_input(&resp).unwrap_err();
    assert!(
        matches!(
            err,
            Error::AllocHintTooLarge {
                alloc_hint: u32::MAX,
                ..
            }
        ),
        "{err}"
    );

    let mut peer = Peer::new();
    let mut cfg = AssocConfig::new(4280);
    cfg.max_response_size = 10_000;
    let mut client = Association::new(cfg);
    bind(&mut client, &mut peer, &[SAMR]);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let mut frags = peer.response(call_id, 0, &[0u8; 20_000], 4280);
    for f in &mut frags {
        f[16..20].copy_from_slice(&0u32.to_le_bytes()); // alloc_hint 0: "unknown"
    }
    let err = frags
        .iter()
        .try_for_each(|f| client.handle_input(f))
        .unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { max: 10_000 }),
        "{err}"
    );

    let mut peer = Peer::new();
    let mut cfg = AssocConfig::new(4280);
    cfg.max_fragments = 3;
    let mut client = Association::new(cfg);
    bind(&mut client, &mut peer, &[SAMR]);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let frags = peer.response(call_id, 0, &[0u8; 1000], 100);
    let err = frags
        .iter()
        .try_for_each(|f| client.handle_input(f))
        .unwrap_err();
    assert!(matches!(err, Error::TooManyFragments { max: 3 }));
}

#[test]
fn big_endian_response_is_rejected_but_big_endian_bind_ack_is_read() {
    let (mut client, mut peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let mut resp = peer.response(call_id, 0, b"abcd", 4280).remove(0);
    resp[4] = 0x00;
    resp[8..10].reverse();
    resp[12..16].reverse();
    assert!(matches!(
        client.handle_input(&resp),
        Err(Error::UnsupportedDataRep([0, 0, 0, 0]))
    ));

    // bind_ack in big-endian: every integer field (and UUID field) byte-swapped.
    let mut client = Association::new(AssocConfig::new(4280));
    client.bind(&[SAMR]).unwrap();
    let le = Peer::new().answer_bind(&client.poll_transmit().unwrap().data);
    let mut be = le.clone();
    be[4] = 0;
    for (off, len) in [(8, 2), (10, 2), (12, 4), (16, 2), (18, 2), (20, 4), (24, 2)] {
        be[off..off + len].reverse();
    }
    // "49154\0" ends at 32 (already aligned), n_results at 32: two results of 24 bytes from 36.
    for r in 0..2 {
        let base = 36 + r * 24;
        for (off, len) in [(0, 2), (2, 2), (4, 4), (8, 2), (10, 2), (20, 4)] {
            be[base + off..base + off + len].reverse();
        }
    }
    client.handle_input(&be).unwrap();
    let Some(Event::Bound { contexts }) = client.poll_event() else {
        panic!()
    };
    assert!(contexts[0].is_accepted());
    assert_eq!(client.negotiated().unwrap().assoc_group_id, 0x1234);
}

#[test]
fn one_byte_pieces_and_everything_at_once() {
    let (mut client, mut peer, _) = bound(4280);
    let body: Vec<u8> = (0..50_000u32).map(|i| (i * 7) as u8).collect();
    let (_, ev) = call(&mut client, &mut peer, 0, b"x", &body, 4280, 1);
    assert!(matches!(ev, Event::Response { stub, .. } if stub == body));

    // All fragments (and a following shutdown) in one buffer.
    let (call_id, _) = send_request(&mut client, 0, 1, b"y");
    let mut all: Vec<u8> = peer.response(call_id, 0, &body, 1000).concat();
    all.extend(
        Pdu::new(
            0,
            PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
            Body::Shutdown,
        )
        .encode()
        .unwrap(),
    );
    client.handle_input(&all).unwrap();
    assert!(matches!(client.poll_event(), Some(Event::Response { stub, .. }) if stub == body));
    assert_eq!(client.poll_event(), Some(Event::Shutdown));
    assert!(client.is_closed());
}

#[test]
fn usage_errors_leave_the_association_usable() {
    let mut client = Association::new(AssocConfig::new(4280));
    assert!(matches!(client.request(0, 0, b""), Err(Error::Usage(_))));
    assert!(matches!(
        client.alter_context(&[SAMR]),
        Err(Error::Usage(_))
    ));
    assert!(matches!(client.bind(&[]), Err(Error::Usage(_))));
    let mut peer = Peer::new();
    bind(&mut client, &mut peer, &[SAMR]);
    assert!(matches!(client.bind(&[SAMR]), Err(Error::Usage(_))));
    send_request(&mut client, 0, 0, b"");
    assert!(matches!(client.request(0, 0, b""), Err(Error::Usage(_))));
    assert!(matches!(
        client.alter_context(&[LSARPC]),
        Err(Error::Usage(_))
    ));
}

#[test]
fn unexpected_pdu_when_idle() {
    let (mut client, mut peer, _) = bound(4280);
    let resp = peer.response(5, 0, b"x", 4280).remove(0);
    assert!(matches!(
        client.handle_input(&resp),
        Err(Error::UnexpectedPdu {
            ptype: 2,
            state: "idle"
        })
    ));
}

#[test]
fn stub_hook_sees_requests_and_responses() {
    let (mut client, mut peer, _) = bound(4280);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    client.set_stub_hook(Some(Box::new(move |r: &crate::StubRecord<'_>| {
        s.lock().unwrap().push((
            r.direction,
            r.call_id,
            r.context_id,
            r.interface,
            r.opnum,
            r.stub.to_vec(),
        ));
    })));
    let (_, ev) = call(&mut client, &mut peer, 0, b"in", b"out", 4280, 4280);
    let Event::Response { call_id, .. } = ev else {
        panic!()
    };
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[0],
        (Direction::Request, call_id, 0, SAMR, 7, b"in".to_vec())
    );
    assert_eq!(
        seen[1],
        (Direction::Response, call_id, 0, SAMR, 7, b"out".to_vec())
    );
}

#[test]
fn server_raising_a_small_max_recv_frag_is_tolerated() {
    // quirk(samba-4.17): offered 1432, the server announces 2048 and sends 2040-byte fragments.
    let mut peer = Peer::new();
    peer.max_xmit = 2048;
    let mut client = Association::new(AssocConfig::new(1432));
    client.bind(&[SAMR]).unwrap();
    let mut ack = Pdu::decode(&peer.answer_bind(&client.poll_transmit().unwrap().data)).unwrap();
    if let Body::BindAck(a) = &mut ack.body {
        a.max_xmit_frag = 2048;
    }
    client.handle_input(&ack.encode().unwrap()).unwrap();
    assert!(matches!(client.poll_event(), Some(Event::Bound { .. })));
    assert_eq!(client.negotiated().unwrap().server_max_xmit_frag, 2048);
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let body = vec![3u8; 10_000];
    for f in peer.response(call_id, 0, &body, 2040) {
        client.handle_input(&f).unwrap();
    }
    assert!(matches!(client.poll_event(), Some(Event::Response { stub, .. }) if stub == body));
    // Beyond what the server announced is still refused.
    let (call_id, _) = send_request(&mut client, 0, 1, b"q");
    let big = peer.response(call_id, 0, &body, 4000).remove(0);
    assert!(matches!(
        client.handle_input(&big),
        Err(Error::FragTooLong { max: 2048, .. })
    ));
}

#[test]
fn auth_padding_into_the_response_header_without_auth_is_an_error() {
    // Found by the `dcerpc_assoc` fuzz target (unauthenticated association): a response with a
    // sec_trailer whose auth_pad_length (19) reaches back into the 24-byte fixed part panicked
    // slicing the stub. The PDU as the fuzzer sent it, call_id set to this test's call.
    let (mut client, _peer, _) = bound(4280);
    let (call_id, _) = send_request(&mut client, 0, 7, b"q");
    let mut crash = vec![
        0x05, 0x00, 0x02, 0x03, 0x10, 0x00, 0x00, 0x00, 0x54, 0x00, 0x23, 0x00, 0x03, 0x00, 0x00,
        0x00, 0x3c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05,
        0x06, 0x07, 0x08, 0x09, 0x05, 0x00, 0x03, 0x03, 0x10, 0x00, 0x00, 0x00, 0x12, 0x13, 0x14,
        0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x28, 0x29, 0x2a, 0x2b,
        0x2c, 0x2d, 0x2e, 0x00, 0x00, 0x3c, 0x00, 0x00, 0x00, 0x00, 0x2e, 0x2f, 0x30, 0x31, 0x32,
        0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b,
    ];
    crash[12..16].copy_from_slice(&call_id.to_le_bytes());
    assert!(matches!(
        client.handle_input(&crash),
        Err(Error::AuthPadLength { pad: 19, .. })
    ));
    assert!(client.is_closed());
}
