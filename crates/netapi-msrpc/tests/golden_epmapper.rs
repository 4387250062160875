//! Golden vectors for the endpoint mapper (\[C706\] appendix O, \[MS-RPCE\]
//! 2.2.1.2.5 `ept_map`) in `tests/vectors/epmapper/`, captured from the lab
//! DC's port 135 by `tools/capture/capture_stubs.py ... epmapper`.
//!
//! * `*.in.impacket-0.13.1.hex`: the request impacket's `epm.hept_map`
//!   sends, with referent ids pinned to 1 (`obj`, a nil UUID) and 2
//!   (`map_tower`) and an `0xab` padding byte. Re-encoding numbers the ids
//!   0x00020000 and 0x00020004 and pads with 0, so it must match byte for
//!   byte everywhere else, and decode to the same value.
//! * `*.out.samba-4.17.hex`: Samba's answers, byte for byte.
//!   quirk(samba-4.17): Samba numbers full pointers 1, 2, 3, ... continuing
//!   from the request's two, so the one tower pointer of the samr answer is
//!   3 (re-encoded from first id 3; a second tower would be 4 in Samba's
//!   numbering and 7 in ours).
//!
//! Each vector decodes fully, re-encodes as above, and fails to decode with
//! an error (never a panic) when cut short anywhere. Snapshots check the
//! decoded values, and that the samr port is the one `epm.hept_map`
//! reported at capture time (recorded in the vector's header). Then
//! proptest round trips.

use std::fmt::Debug;
use std::net::Ipv4Addr;

use netapi_dcerpc::{NDR20, SyntaxId};
use netapi_msrpc::epmapper::*;
use netapi_msrpc::{Call, Interface};
use netapi_ndr::{Guid, Ndr, Writer, decode, encode, encode_into};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/epmapper");

const SAMR: SyntaxId = SyntaxId::new("12345778-1234-abcd-ef00-0123456789ac", 1, 0);
const SRVSVC: SyntaxId = SyntaxId::new("4b324fc8-1670-01d3-1278-5a47bf6ee188", 3, 0);

mod common;
use common::{hex, truncations_fail};

fn load(file: &str) -> Vec<u8> {
    common::load(&format!("epmapper/{file}"))
}

fn header(file: &str, key: &str) -> String {
    common::header(&format!("epmapper/{file}"), key)
}

/// A Samba answer: decodes, re-encodes byte for byte with referent ids from
/// `first_id`, every prefix fails.
fn samba(file: &str, first_id: u32) -> EptMapResponse {
    let b = load(file);
    let v: EptMapResponse = decode(&b).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut w = Writer::new().with_first_referent_id(first_id);
    encode_into(&v, &mut w).unwrap_or_else(|e| panic!("{file}: re-encode: {e}"));
    assert_eq!(hex(&w.into_bytes()), hex(&b), "{file}: re-encoding differs");
    truncations_fail::<EptMapResponse>(file, &b);
    v
}

/// Offsets of what `hept_map`'s request has that ours does not: the two
/// referent ids and the padding byte after the 75-byte tower.
const IMPACKET_OBJ_ID: usize = 0;
const IMPACKET_TOWER_ID: usize = 20;
/// obj id (4), the nil UUID (16), tower id (4), max_count (4), tower_length (4), 75 octets.
const IMPACKET_PAD: usize = 32 + 75;

/// An impacket `hept_map` request: decodes, re-encodes to the same bytes
/// apart from the referent ids and the pad byte, same value, every prefix
/// fails.
fn impacket(file: &str) -> EptMapRequest {
    let b = load(file);
    let v: EptMapRequest = decode(&b).unwrap_or_else(|e| panic!("{file}: {e}"));
    let re = encode(&v).unwrap_or_else(|e| panic!("{file}: re-encode: {e}"));
    assert_eq!(re.len(), b.len(), "{file}: re-encoded length differs");
    assert_eq!(decode::<EptMapRequest>(&re).unwrap(), v, "{file}");
    let id = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap());
    assert_eq!(
        (
            id(&b, IMPACKET_OBJ_ID),
            id(&b, IMPACKET_TOWER_ID),
            b[IMPACKET_PAD]
        ),
        (1, 2, 0xab),
        "{file}: impacket's pinned ids and pad"
    );
    assert_eq!(
        (
            id(&re, IMPACKET_OBJ_ID),
            id(&re, IMPACKET_TOWER_ID),
            re[IMPACKET_PAD]
        ),
        (0x0002_0000, 0x0002_0004, 0),
        "{file}: our ids and pad"
    );
    let mut masked = b.clone();
    masked[IMPACKET_OBJ_ID..IMPACKET_OBJ_ID + 4].copy_from_slice(&re[..4]);
    masked[IMPACKET_TOWER_ID..IMPACKET_TOWER_ID + 4]
        .copy_from_slice(&re[IMPACKET_TOWER_ID..IMPACKET_TOWER_ID + 4]);
    masked[IMPACKET_PAD] = 0;
    assert_eq!(hex(&re), hex(&masked), "{file}: re-encoding differs");
    truncations_fail::<EptMapRequest>(file, &b);
    v
}

const SAMR_IN: &str = "3-ept_map-samr.in.impacket-0.13.1.hex";
const SAMR_OUT: &str = "3-ept_map-samr.out.samba-4.17.hex";
const SRVSVC_IN: &str = "3-ept_map-srvsvc.in.impacket-0.13.1.hex";
const SRVSVC_OUT: &str = "3-ept_map-srvsvc.out.samba-4.17.hex";

#[test]
fn v03_ept_map_samr_in() {
    impacket(SAMR_IN);
}

#[test]
fn v03_ept_map_samr_out() {
    // Request pointers obj and map_tower were 1 and 2.
    samba(SAMR_OUT, 3);
}

#[test]
fn v03_ept_map_srvsvc_in() {
    impacket(SRVSVC_IN);
}

#[test]
fn v03_ept_map_srvsvc_out() {
    samba(SRVSVC_OUT, 3);
}

/// Every file in the vector directory has a test above, and every opnum a
/// request and a response.
#[test]
fn every_vector_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".hex"))
        .collect();
    on_disk.sort();
    let mut listed = vec![SAMR_IN, SAMR_OUT, SRVSVC_IN, SRVSVC_OUT];
    listed.sort();
    assert_eq!(on_disk, listed);
    for (opnum, name) in OPNUMS {
        for dir in [".in.", ".out."] {
            assert!(
                listed
                    .iter()
                    .any(|f| f.starts_with(&format!("{opnum}-{name}-")) && f.contains(dir)),
                "no {dir} vector for {opnum} {name}"
            );
        }
    }
    assert_eq!(<EptMapRequest as Call>::OPNUM, 3);
    assert_eq!(Epmapper::opnum_name(3), Some("ept_map"));
}

// ---------------------------------------------------------------------------
// Snapshots.

/// The request `hept_map` builds: nil object UUID, the interface's
/// ncacn_ip_tcp tower with port 0 and address 0.0.0.0, null handle, 4 towers.
fn check_request(rq: &EptMapRequest, iface: &SyntaxId) {
    assert_eq!(rq.obj, Some(Guid::NIL));
    assert_eq!(rq.entry_handle, EptLookupHandle::default());
    assert_eq!(rq.max_towers, 4);
    let twr = rq.map_tower.as_ref().unwrap();
    assert_eq!(twr.tower_length, 75);
    let tower = twr.tower().unwrap();
    assert_eq!(tower, Tower::ncacn_ip_tcp(iface, Ipv4Addr::UNSPECIFIED, 0));
    // Our own request for the same lookup differs only in obj (NULL).
    let ours = EptMapRequest::new(&tower, 4).unwrap();
    assert_eq!(
        EptMapRequest {
            obj: Some(Guid::NIL),
            ..ours
        },
        *rq
    );
}

#[test]
fn snapshot_samr_maps_to_the_port_hept_map_reported() {
    check_request(&impacket(SAMR_IN), &SAMR);

    let rs = samba(SAMR_OUT, 3);
    assert_eq!(rs.entry_handle, EptLookupHandle::default());
    assert_eq!((rs.num_towers, rs.towers.max_count, rs.status), (1, 4, 0));
    let towers: Vec<Tower> = rs.towers().collect::<Result<_, _>>().unwrap();
    let [tower] = towers.as_slice() else {
        panic!("{towers:?}")
    };
    // quirk(samba-4.17): the IP floor says 0.0.0.0, not the DC's address.
    assert_eq!(
        *tower,
        Tower::ncacn_ip_tcp(&SAMR, Ipv4Addr::UNSPECIFIED, 49154)
    );
    assert_eq!(tower.interface(), Some(SAMR));
    assert_eq!(tower.floors[1].lhs[1..17], NDR20.uuid.to_le_bytes());
    // The lab DC's dynamic RPC ports are 49152-49154 (tools/LAB.md).
    let port = tower.tcp_port().unwrap();
    assert_eq!(port, 49154);
    assert_eq!(
        header(
            SAMR_OUT,
            "epm.hept_map on a separate association at capture time:"
        ),
        format!("ncacn_ip_tcp:127.0.0.3[{port}]")
    );
}

#[test]
fn snapshot_srvsvc_is_not_registered_on_tcp() {
    check_request(&impacket(SRVSVC_IN), &SRVSVC);

    let rs = samba(SRVSVC_OUT, 3);
    assert_eq!(
        rs,
        EptMapResponse {
            entry_handle: EptLookupHandle::default(),
            num_towers: 0,
            towers: TowerArray {
                max_count: 4,
                towers: vec![],
            },
            status: EPT_S_NOT_REGISTERED,
        }
    );
    assert_eq!(
        header(
            SRVSVC_OUT,
            "epm.hept_map on a separate association at capture time:"
        ),
        format!("error {EPT_S_NOT_REGISTERED:#010x}")
    );
}

// ---------------------------------------------------------------------------
// Property tests: decode(encode(v)) == v, and no prefix decodes.

mod props {
    use super::*;
    use netapi_ndr::ContextHandle;
    use proptest::collection::vec;
    use proptest::option::of;
    use proptest::prelude::*;

    fn twr() -> impl Strategy<Value = Twr> {
        vec(any::<u8>(), 0..=120).prop_map(|o| Twr {
            tower_length: o.len() as u32,
            tower_octet_string: o,
        })
    }

    fn handle() -> impl Strategy<Value = EptLookupHandle> {
        (any::<u32>(), any::<[u8; 16]>()).prop_map(|(attributes, g)| {
            EptLookupHandle(ContextHandle {
                attributes,
                uuid: Guid::from_bytes_le(g),
            })
        })
    }

    fn round_trip<T: Ndr + PartialEq + Debug>(v: &T) {
        let b = encode(v).unwrap();
        assert_eq!(&decode::<T>(&b).unwrap(), v);
        for n in 0..b.len() {
            assert!(decode::<T>(&b[..n]).is_err());
        }
    }

    proptest! {
        #[test]
        fn request(obj in of(any::<[u8; 16]>()), map_tower in of(twr()), entry_handle in handle(), max_towers in 0u32..=500) {
            round_trip(&EptMapRequest { obj: obj.map(Guid::from_bytes_le), map_tower, entry_handle, max_towers });
        }

        #[test]
        fn response(entry_handle in handle(), towers in vec(of(twr()), 0..6), extra in 0u32..4, status: u32) {
            let num_towers = towers.len() as u32;
            let towers = TowerArray { max_count: num_towers + extra, towers };
            round_trip(&EptMapResponse { entry_handle, num_towers, towers, status });
        }

        #[test]
        fn towers(floors in vec((vec(any::<u8>(), 1..24), vec(any::<u8>(), 0..24)), 0..=MAX_FLOORS)) {
            let t = Tower { floors: floors.into_iter().map(|(lhs, rhs)| Floor { lhs, rhs }).collect() };
            let b = t.encode().unwrap();
            prop_assert_eq!(&Tower::decode(&b).unwrap(), &t);
            let twr = Twr::from_tower(&t).unwrap();
            prop_assert_eq!(twr.tower().unwrap(), t);
            for n in 0..b.len() {
                prop_assert!(Tower::decode(&b[..n]).is_err());
            }
        }
    }
}
