//! Request fragmentation at several sizes and the fragment size rules.

use super::peer::*;
use crate::fragment::max_stub_per_fragment;
use crate::pdu::AuthLevel;
use crate::{AssocConfig, Association, Error, Event};

fn stub_100k() -> Vec<u8> {
    (0..100 * 1024u32).map(|i| (i % 251) as u8).collect()
}

fn fragments_at(frag: u16, level: AuthLevel) -> (usize, Vec<u8>) {
    let mut peer = if level == AuthLevel::NONE {
        Peer::new()
    } else {
        Peer::with_auth(level, false)
    };
    peer.max_recv = frag;
    peer.max_xmit = frag;
    let (cfg, _) = peer.client_config(frag);
    let mut client = Association::new(cfg);
    bind(&mut client, &mut peer, &[SAMR]);
    assert_eq!(client.negotiated().unwrap().max_xmit_frag, frag);
    let stub = stub_100k();
    let (call_id, frames) = send_request(&mut client, 0, 64, &stub);
    for f in &frames {
        assert!(
            f.len() <= usize::from(frag),
            "fragment of {} bytes > {frag}",
            f.len()
        );
    }
    // Every fragment but the last is full to within the alignment.
    for f in &frames[..frames.len() - 1] {
        assert!(
            f.len() + 16 + 8 > usize::from(frag) - 16,
            "fragment of {} bytes at {frag}",
            f.len()
        );
    }
    let (cid, ctx, opnum, got) = peer.read_request(&frames);
    assert_eq!((cid, ctx, opnum), (call_id, 0, 64));
    assert_eq!(got, stub);
    // The response comes back in fragments of the same size and reassembles.
    let response = peer.response(call_id, 0, &stub, usize::from(frag));
    for f in &response {
        client.handle_input(f).unwrap();
    }
    let Some(Event::Response { stub: back, .. }) = client.poll_event() else {
        panic!()
    };
    // Kept as the fragments brought it, one chunk each, for a decoder that frees as it reads.
    assert_eq!(back.chunks().len(), response.len());
    assert_eq!(back.len(), stub.len());
    assert!(back == stub);
    (frames.len(), back.into_vec())
}

#[test]
fn a_100k_stub_at_4280_5840_and_small_sizes() {
    for (frag, want) in [(4280u16, 25usize), (5840, 18), (1432, 73), (64, 2560)] {
        let (n, back) = fragments_at(frag, AuthLevel::NONE);
        assert_eq!(back, stub_100k());
        // Unprotected chunks: (frag - 24) rounded down to 8.
        let chunk = (usize::from(frag) - 24) / 8 * 8;
        assert_eq!(n, (100 * 1024usize).div_ceil(chunk), "at {frag}");
        assert_eq!(n, want, "at {frag}");
    }
}

#[test]
fn a_100k_stub_protected_at_4280_and_5840() {
    for level in [AuthLevel::PKT_INTEGRITY, AuthLevel::PKT_PRIVACY] {
        for frag in [4280u16, 5840, 100] {
            let (n, back) = fragments_at(frag, level);
            assert_eq!(back, stub_100k());
            let chunk = (usize::from(frag) - 24 - 8 - 16) / 16 * 16;
            assert_eq!(n, (100 * 1024usize).div_ceil(chunk), "{level:?} at {frag}");
        }
    }
}

#[test]
fn max_xmit_frag_16_is_too_small() {
    assert!(matches!(
        max_stub_per_fragment(16, 24, None),
        Err(Error::FragSizeTooSmall {
            max_xmit_frag: 16,
            needed: 32
        })
    ));
    assert!(matches!(
        max_stub_per_fragment(56, 24, Some(24)),
        Err(Error::FragSizeTooSmall {
            max_xmit_frag: 56,
            needed: 64
        })
    ));
    assert_eq!(max_stub_per_fragment(4280, 24, None).unwrap(), 4256);
    assert_eq!(max_stub_per_fragment(4280, 24, Some(24)).unwrap(), 4224);
    assert_eq!(max_stub_per_fragment(5840, 40, Some(24)).unwrap(), 5776);

    // A server that accepts only 16-byte fragments: the request is refused cleanly and the
    // association stays usable.
    let mut peer = Peer::new();
    peer.max_recv = 16;
    let mut client = Association::new(AssocConfig::new(4280));
    bind(&mut client, &mut peer, &[SAMR]);
    assert_eq!(client.negotiated().unwrap().max_xmit_frag, 16);
    let err = client.request(0, 1, &stub_100k()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::FragSizeTooSmall {
                max_xmit_frag: 16,
                ..
            }
        ),
        "{err}"
    );
    assert!(client.is_ready());
    assert!(client.poll_transmit().is_none());
}

#[test]
fn empty_stub_is_one_fragment() {
    let mut peer = Peer::new();
    let mut client = Association::new(AssocConfig::new(4280));
    bind(&mut client, &mut peer, &[SAMR]);
    let (_, frames) = send_request(&mut client, 0, 1, b"");
    assert_eq!(frames.len(), 1);
    assert_eq!(frames[0].len(), 24);
    assert_eq!(frames[0][3], 0x03);
}

#[test]
fn object_uuid_requests_fit_too() {
    let mut peer = Peer::new();
    let mut client = Association::new(AssocConfig::new(100));
    bind(&mut client, &mut peer, &[SAMR]);
    let obj = crate::Uuid::from_str_const("00112233-4455-6677-8899-aabbccddeeff");
    client
        .request_with_object(0, 1, Some(obj), &[5u8; 300])
        .unwrap();
    let frames = drain(&mut client);
    assert_eq!(frames.len(), 300usize.div_ceil((100 - 40) / 8 * 8));
    for f in &frames {
        assert!(f.data.len() <= 100);
        assert_eq!(f.data[3] & 0x80, 0x80);
        assert_eq!(&f.data[24..40], &obj.to_le_bytes());
    }
}
