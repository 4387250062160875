//! The endpoint mapper, `epmapper` (\[C706\] appendix O interface `ept`, as
//! \[MS-RPCE\] 2.2.1.2 redefines it): interface
//! `e1af8308-5d1f-11c9-91a4-08002b14a0fa` v3.0 on TCP port 135 (and
//! `\PIPE\epmapper`), `pointer_default(ptr)`.
//!
//! Declared: `twr_t` (\[MS-RPCE\] 2.2.1.2.2) as [`Twr`], the
//! `ept_lookup_handle_t` context handle as [`EptLookupHandle`], and `ept_map`
//! (opnum 3, \[MS-RPCE\] 2.2.1.2.5) as [`EptMapRequest`] / [`EptMapResponse`].
//! The octets a `twr_t` carries are not NDR but the floor encoding of
//! \[C706\] appendix L (little-endian length-prefixed floors, no alignment);
//! [`Tower`] and [`Floor`] encode and parse them, with accessors for the
//! ncacn_ip_tcp floors of \[MS-RPCE\] 2.1.1.1 (interface, TCP port, IPv4).
//!
//! One construct is outside the derive's vocabulary: `ept_map`'s `[out,
//! size_is(max_towers), length_is(*num_towers)]` array takes its `max_count`
//! from an `[in]` parameter, which a response struct does not hold.
//! [`TowerArray`] keeps that `max_count` as received (see its docs).
//!
//! Left out: `ept_insert`, `ept_delete`, `ept_lookup` (opnum 2; the transport's
//! lab test encodes it by hand), `ept_lookup_handle_free`, `ept_inq_object`,
//! `ept_mgmt_delete` and their types (`ept_entry_t`, `rpc_if_id_t`), the
//! `ept_s_*` codes other than [`EPT_S_NOT_REGISTERED`], and typed floors
//! beyond UUID/ncacn/TCP/IP (others are kept as raw [`Floor`]s; IPv6 and
//! named-pipe towers parse but have no accessors).
//!
//! quirk(samba-4.17): Samba numbers full (`[ptr]`) pointers 1, 2, 3, ... (not
//! 0x00020000 + 4n), a response's continuing from its request's pointer
//! count, and puts address 0.0.0.0 in the IP floor of the towers it returns.

use core::fmt;
use std::net::Ipv4Addr;

use netapi_dcerpc::{NDR20, SyntaxId, Uuid};
use netapi_ndr::codec::{ConfVarying, Full, Plain};
use netapi_ndr::{Args, Codec, ContextHandle, DecodeError, EncodeError, Guid, Ndr, Reader, Writer};

/// Well-known TCP port of the endpoint mapper (\[C706\] appendix H,
/// \[MS-RPCE\] 2.1.1.1).
pub const EPMAPPER_PORT: u16 = 135;

/// `ept_s_not_registered` (\[C706\] appendix E): the endpoint mapper knows no
/// endpoint matching the tower. A DCE status; Windows clients report it as
/// Win32 `EPT_S_NOT_REGISTERED` (1753).
pub const EPT_S_NOT_REGISTERED: u32 = 0x16c9_a0d6;

/// Largest `tower_length` (\[MS-RPCE\] 2.2.1.2.2 `[range(0,2000)]`).
pub const MAX_TOWER_LENGTH: u32 = 2000;

/// Largest `max_towers` (\[MS-RPCE\] 2.2.1.2.5 `[range(0,500)]`).
pub const MAX_MAX_TOWERS: u32 = 500;

/// Most floors [`Tower::decode`] accepts. An ncacn_ip_tcp tower has 5; a
/// 2000-byte tower could claim 400, which no protocol sequence needs.
pub const MAX_FLOORS: usize = 16;

// ---------------------------------------------------------------------------
// Towers (the octets inside a twr_t)

/// Protocol identifiers of tower floors (\[C706\] appendix I, \[MS-RPCE\] 2.1):
/// the first octet of a floor's left-hand side.
pub mod protocol {
    /// UUID floor: an interface or transfer syntax with its major version.
    pub const UUID: u8 = 0x0d;
    /// Connection-oriented RPC (`ncacn`), minor version in the right-hand side.
    pub const NCACN: u8 = 0x0b;
    /// TCP port (big-endian right-hand side).
    pub const TCP: u8 = 0x07;
    /// IPv4 address (right-hand side, network order).
    pub const IP: u8 = 0x09;
}

/// One tower floor (\[C706\] appendix L): left-hand side (protocol identifier
/// and its data) and right-hand side (related or addressing data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Floor {
    /// Protocol identifier followed by protocol data (a UUID and major
    /// version for UUID floors). Never empty in a decoded tower.
    pub lhs: Vec<u8>,
    /// Related data: a minor version, a port (big-endian), an address.
    pub rhs: Vec<u8>,
}

/// A protocol tower (\[C706\] appendix L): the content of a `twr_t`'s
/// `tower_octet_string`, floors outermost (interface) first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tower {
    /// Floors, outermost (interface) first.
    pub floors: Vec<Floor>,
}

/// Tower octets that do not parse as \[C706\] appendix L floors, or a tower
/// too large to encode; the text says which rule was broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TowerError(pub &'static str);

impl fmt::Display for TowerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "protocol tower: {}", self.0)
    }
}

impl std::error::Error for TowerError {}

/// A UUID floor: `0x0d`, the UUID (little-endian), the major version; the
/// minor version on the right (\[C706\] appendix L "UUID floor").
fn uuid_floor(s: &SyntaxId) -> Floor {
    let mut lhs = vec![protocol::UUID];
    lhs.extend_from_slice(&s.uuid.to_le_bytes());
    lhs.extend_from_slice(&s.major.to_le_bytes());
    Floor {
        lhs,
        rhs: s.minor.to_le_bytes().to_vec(),
    }
}

/// Takes `n` bytes from the front of `b`.
fn take<'a>(b: &mut &'a [u8], n: usize) -> Result<&'a [u8], TowerError> {
    if b.len() < n {
        return Err(TowerError("ends inside a floor"));
    }
    let (head, tail) = b.split_at(n);
    *b = tail;
    Ok(head)
}

fn take_u16(b: &mut &[u8]) -> Result<u16, TowerError> {
    let s = take(b, 2)?;
    Ok(u16::from_le_bytes([s[0], s[1]]))
}

fn len_u16(n: usize) -> Result<[u8; 2], TowerError> {
    u16::try_from(n)
        .map(u16::to_le_bytes)
        .map_err(|_| TowerError("a count or side exceeds 65535"))
}

impl Tower {
    /// The ncacn_ip_tcp tower (\[MS-RPCE\] 2.1.1.1) for `interface` over NDR
    /// 2.0 at `ip`:`port`: interface, transfer syntax, ncacn 5.0, TCP, IP.
    /// `ept_map` is asked with port 0 and address 0.0.0.0.
    pub fn ncacn_ip_tcp(interface: &SyntaxId, ip: Ipv4Addr, port: u16) -> Tower {
        Tower {
            floors: vec![
                uuid_floor(interface),
                uuid_floor(&NDR20),
                Floor {
                    lhs: vec![protocol::NCACN],
                    rhs: vec![0, 0],
                },
                Floor {
                    lhs: vec![protocol::TCP],
                    rhs: port.to_be_bytes().to_vec(),
                },
                Floor {
                    lhs: vec![protocol::IP],
                    rhs: ip.octets().to_vec(),
                },
            ],
        }
    }

    /// Tower octets: floor count, then per floor lhs length, lhs, rhs length,
    /// rhs (little-endian `u16` counts, no padding).
    pub fn encode(&self) -> Result<Vec<u8>, TowerError> {
        let mut out = Vec::with_capacity(80);
        out.extend_from_slice(&len_u16(self.floors.len())?);
        for f in &self.floors {
            out.extend_from_slice(&len_u16(f.lhs.len())?);
            out.extend_from_slice(&f.lhs);
            out.extend_from_slice(&len_u16(f.rhs.len())?);
            out.extend_from_slice(&f.rhs);
        }
        Ok(out)
    }

    /// Parses tower octets. At most [`MAX_FLOORS`] floors, each with a
    /// protocol identifier; trailing bytes are an error.
    pub fn decode(bytes: &[u8]) -> Result<Tower, TowerError> {
        let mut b = bytes;
        let n = usize::from(take_u16(&mut b)?);
        if n > MAX_FLOORS {
            return Err(TowerError("more floors than MAX_FLOORS"));
        }
        // Each floor takes at least 4 bytes (its two lengths).
        if n * 4 > b.len() {
            return Err(TowerError("floor count exceeds the octets"));
        }
        let mut floors = Vec::with_capacity(n);
        for _ in 0..n {
            let l = usize::from(take_u16(&mut b)?);
            let lhs = take(&mut b, l)?.to_vec();
            let l = usize::from(take_u16(&mut b)?);
            let rhs = take(&mut b, l)?.to_vec();
            if lhs.is_empty() {
                return Err(TowerError("floor without a protocol identifier"));
            }
            floors.push(Floor { lhs, rhs });
        }
        if !b.is_empty() {
            return Err(TowerError("bytes after the last floor"));
        }
        Ok(Tower { floors })
    }

    /// The first floor whose protocol identifier is `proto`.
    fn floor(&self, proto: u8) -> Option<&Floor> {
        self.floors.iter().find(|f| f.lhs.first() == Some(&proto))
    }

    /// The interface named by the first floor, if it is a UUID floor.
    pub fn interface(&self) -> Option<SyntaxId> {
        let f = self.floors.first()?;
        let [proto, uuid @ .., ma, mb] = f.lhs.as_slice() else {
            return None;
        };
        let [na, nb] = f.rhs.as_slice() else {
            return None;
        };
        if *proto != protocol::UUID {
            return None;
        }
        Some(SyntaxId {
            uuid: Uuid::from_le_bytes(<[u8; 16]>::try_from(uuid).ok()?),
            major: u16::from_le_bytes([*ma, *mb]),
            minor: u16::from_le_bytes([*na, *nb]),
        })
    }

    /// The TCP port floor (big-endian on the wire).
    pub fn tcp_port(&self) -> Option<u16> {
        let f = self.floor(protocol::TCP)?;
        Some(u16::from_be_bytes(f.rhs.as_slice().try_into().ok()?))
    }

    /// The IPv4 address floor.
    pub fn ipv4(&self) -> Option<Ipv4Addr> {
        let f = self.floor(protocol::IP)?;
        Some(Ipv4Addr::from(<[u8; 4]>::try_from(f.rhs.as_slice()).ok()?))
    }
}

// ---------------------------------------------------------------------------
// Types

/// `twr_t` (\[MS-RPCE\] 2.2.1.2.2, \[C706\] appendix L): a conformant
/// structure, so its `max_count` (= `tower_length`) is marshalled in front
/// of it.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[doc(alias = "twr_t")]
pub struct Twr {
    /// `tower_length`, at most 2000 (\[MS-RPCE\] adds the range).
    #[ndr(range(0, MAX_TOWER_LENGTH))]
    pub tower_length: u32,
    /// `tower_octet_string`: the [`Tower`] octets.
    #[ndr(size_is(tower_length))]
    pub tower_octet_string: Vec<u8>,
}

impl Twr {
    /// The `twr_t` carrying `tower`; fails beyond [`MAX_TOWER_LENGTH`] octets.
    pub fn from_tower(tower: &Tower) -> Result<Twr, TowerError> {
        let octets = tower.encode()?;
        let tower_length = u32::try_from(octets.len())
            .ok()
            .filter(|n| *n <= MAX_TOWER_LENGTH)
            .ok_or(TowerError("longer than 2000 octets"))?;
        Ok(Twr {
            tower_length,
            tower_octet_string: octets,
        })
    }

    /// Parses the octets as a [`Tower`].
    pub fn tower(&self) -> Result<Tower, TowerError> {
        Tower::decode(&self.tower_octet_string)
    }
}

/// `ept_lookup_handle_t` (\[C706\] appendix O `[context_handle] void*`): the
/// state of a lookup continued over several `ept_map`/`ept_lookup` calls.
/// Null on the first call, and null again in the answer once nothing is left.
#[derive(Ndr, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[doc(alias = "ept_lookup_handle_t")]
pub struct EptLookupHandle(pub ContextHandle);

/// `ept_map`'s `[out, ptr, size_is(max_towers), length_is(*num_towers)]
/// twr_p_t* ITowers` (\[MS-RPCE\] 2.2.1.2.5): a conformant-varying array of
/// full pointers to towers, marshalled as a top-level array parameter.
///
/// Its `max_count` is the request's `max_towers`, an `[in]` parameter the
/// response does not carry, so `size_is` cannot be evaluated from the
/// response's fields: this type keeps `max_count` as received (checked
/// `actual_count ≤ max_count`, as for any conformant-varying array) and
/// writes it back, so a response re-encodes byte for byte. The elements go
/// through the library's `ConfVarying<Full<Plain>>` codec.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "ITowers")]
pub struct TowerArray {
    /// `max_count`: the `max_towers` the request asked for.
    pub max_count: u32,
    /// The `actual_count` transmitted pointers (NULL ones as `None`).
    pub towers: Vec<Option<Twr>>,
}

/// The library codec that marshals [`TowerArray::towers`], as `Codec` of
/// that field's type.
type TowerPointers = ConfVarying<Full<Plain>>;
type Towers = Vec<Option<Twr>>;

/// Codec of [`TowerArray`]: [`TowerPointers`] with `size_is` taken from the
/// value (encode) or from the wire (decode). `length_is` still comes from
/// the response's `num_towers`.
struct KeptMaxCount;

impl KeptMaxCount {
    fn args(v: &TowerArray, a: Args) -> Args {
        Args {
            size: Some(u64::from(v.max_count)),
            ..a
        }
    }
}

impl Codec<TowerArray> for KeptMaxCount {
    const ALIGN: usize = <TowerPointers as Codec<Towers>>::ALIGN;
    const MIN_WIRE_SIZE: usize = <TowerPointers as Codec<Towers>>::MIN_WIRE_SIZE;
    const CONFORMANT: bool = true;
    type Inline = (u32, <TowerPointers as Codec<Towers>>::Inline);

    fn encode_conformance(v: &TowerArray, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        <TowerPointers as Codec<Towers>>::encode_conformance(&v.towers, Self::args(v, a), w)
    }
    fn encode_inline(v: &TowerArray, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        <TowerPointers as Codec<Towers>>::encode_inline(&v.towers, Self::args(v, a), w)
    }
    fn encode_deferred(v: &TowerArray, a: Args, w: &mut Writer) -> Result<(), EncodeError> {
        <TowerPointers as Codec<Towers>>::encode_deferred(&v.towers, Self::args(v, a), w)
    }
    fn decode_inline(a: Args, r: &mut Reader<'_>) -> Result<Self::Inline, DecodeError> {
        // Look at the hoisted max_count and hand it back to the array codec,
        // which checks it against the limits and actual_count against it.
        let max = r.take_conformance()?;
        r.set_conformance(max)?;
        let inline = <TowerPointers as Codec<Towers>>::decode_inline(a, r)?;
        Ok((max, inline))
    }
    fn decode_deferred(
        (max_count, inline): Self::Inline,
        a: Args,
        r: &mut Reader<'_>,
    ) -> Result<TowerArray, DecodeError> {
        Ok(TowerArray {
            max_count,
            towers: <TowerPointers as Codec<Towers>>::decode_deferred(inline, a, r)?,
        })
    }
}

// ---------------------------------------------------------------------------
// Calls

/// `ept_map` request (\[MS-RPCE\] 2.2.1.2.5, \[C706\] appendix O; opnum 3):
/// find the endpoints matching `map_tower`.
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct EptMapRequest {
    /// `obj`: an object UUID, or NULL for none (interfaces registered
    /// without one match any).
    #[ndr(ptr)]
    pub obj: Option<Guid>,
    /// `map_tower`: the tower to match, with the endpoint floors zeroed
    /// (port 0, address 0.0.0.0 for ncacn_ip_tcp).
    #[ndr(ptr)]
    pub map_tower: Option<Twr>,
    /// `entry_handle`: null on the first call.
    pub entry_handle: EptLookupHandle,
    /// `max_towers`: how many towers the answer may hold (0..=500).
    #[ndr(range(0, MAX_MAX_TOWERS))]
    pub max_towers: u32,
}

/// `ept_map` response (\[MS-RPCE\] 2.2.1.2.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(params)]
pub struct EptMapResponse {
    /// `entry_handle`: continue the lookup with it, or null when done.
    pub entry_handle: EptLookupHandle,
    /// `num_towers`: how many entries `towers` transmits.
    pub num_towers: u32,
    /// `ITowers`: `max_count` = the request's `max_towers`, `actual_count` =
    /// `num_towers`.
    #[ndr(with = KeptMaxCount, length_is(num_towers))]
    pub towers: TowerArray,
    /// `status` (`error_status`): 0, or a DCE status such as
    /// [`EPT_S_NOT_REGISTERED`].
    pub status: u32,
}

impl EptMapRequest {
    /// A first `ept_map` call for `tower`, without object UUID.
    pub fn new(tower: &Tower, max_towers: u32) -> Result<Self, TowerError> {
        Ok(Self {
            obj: None,
            map_tower: Some(Twr::from_tower(tower)?),
            entry_handle: EptLookupHandle::default(),
            max_towers,
        })
    }
}

impl EptMapResponse {
    /// The returned towers, parsed (NULL pointers skipped).
    pub fn towers(&self) -> impl Iterator<Item = Result<Tower, TowerError>> + '_ {
        self.towers.towers.iter().flatten().map(Twr::tower)
    }
}

crate::calls! {
    /// The endpoint mapper interface (\[C706\] appendix O `ept`, \[MS-RPCE\]
    /// 2.2.1.2); its methods return a DCE `error_status` in an `[out]`
    /// parameter.
    interface Epmapper {
        name: "epmapper",
        uuid: "e1af8308-5d1f-11c9-91a4-08002b14a0fa",
        version: (3, 0),
        pipe: "epmapper",
        status: Dce,
    }
    3 => ept_map(EptMapRequest) -> EptMapResponse,
}

#[cfg(test)]
mod tests {
    use netapi_ndr::{decode, encode};

    use super::*;
    use crate::{Call, Interface, Response, StatusKind};

    const SAMR: SyntaxId = crate::samr::Samr::SYNTAX;

    /// The samr ncacn_ip_tcp tower, laid out from \[C706\] appendix L.
    fn samr_tower_bytes(port: [u8; 2], ip: [u8; 4]) -> Vec<u8> {
        [
            &[5u8, 0][..],
            &[19, 0, 0x0d],
            &[
                0x78, 0x57, 0x34, 0x12, 0x34, 0x12, 0xcd, 0xab, 0xef, 0, 0x01, 0x23, 0x45, 0x67,
                0x89, 0xac,
            ],
            &[1, 0, 2, 0, 0, 0],
            &[19, 0, 0x0d],
            &[
                0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11, 0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10,
                0x48, 0x60,
            ],
            &[2, 0, 2, 0, 0, 0],
            &[1, 0, 0x0b, 2, 0, 0, 0],
            &[1, 0, 0x07, 2, 0],
            &port,
            &[1, 0, 0x09, 4, 0],
            &ip,
        ]
        .concat()
    }

    #[test]
    fn interface_constants() {
        assert_eq!(
            format!("{:?}", Epmapper::SYNTAX),
            "e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0"
        );
        assert_eq!((Epmapper::PIPE, Epmapper::NAME), ("epmapper", "epmapper"));
        assert_eq!(OPNUMS, &[(3, "ept_map")]);
        assert_eq!(<EptMapRequest as Call>::OPNUM, 3);
        assert_eq!(<EptMapResponse as Response>::STATUS_KIND, StatusKind::Dce);
    }

    #[test]
    fn tower_layout_from_appendix_l() {
        let t = Tower::ncacn_ip_tcp(&SAMR, Ipv4Addr::new(127, 0, 0, 3), 49154);
        let bytes = t.encode().unwrap();
        assert_eq!(bytes, samr_tower_bytes([0xc0, 0x02], [127, 0, 0, 3]));
        assert_eq!(bytes.len(), 75);
        let back = Tower::decode(&bytes).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.interface(), Some(SAMR));
        assert_eq!(back.tcp_port(), Some(49154));
        assert_eq!(back.ipv4(), Some(Ipv4Addr::new(127, 0, 0, 3)));
        for cut in 0..bytes.len() {
            assert!(Tower::decode(&bytes[..cut]).is_err(), "prefix {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Tower::decode(&extra).is_err());
    }

    #[test]
    fn hostile_towers() {
        // 17 floors claimed.
        assert_eq!(
            Tower::decode(&[17, 0]),
            Err(TowerError("more floors than MAX_FLOORS"))
        );
        // A floor whose left-hand side is empty.
        assert!(Tower::decode(&[1, 0, 0, 0, 0, 0]).is_err());
        // Floors that are not UUID floors have no interface.
        let t = Tower::decode(&[1, 0, 1, 0, 0x07, 2, 0, 0, 135]).unwrap();
        assert_eq!(
            (t.interface(), t.tcp_port(), t.ipv4()),
            (None, Some(135), None)
        );
        // A side longer than a u16 cannot be encoded.
        let big = Tower {
            floors: vec![Floor {
                lhs: vec![0; 70_000],
                rhs: vec![],
            }],
        };
        assert!(big.encode().is_err());
        assert!(Twr::from_tower(&big).is_err());
        let long = Tower {
            floors: vec![Floor {
                lhs: vec![1; 2000],
                rhs: vec![],
            }],
        };
        assert_eq!(
            Twr::from_tower(&long),
            Err(TowerError("longer than 2000 octets"))
        );
    }

    #[test]
    fn request_stub_layout() {
        let t = Tower::ncacn_ip_tcp(&SAMR, Ipv4Addr::UNSPECIFIED, 0);
        let rq = EptMapRequest::new(&t, 4).unwrap();
        let stub = encode(&rq).unwrap();
        let want = [
            &[0u8, 0, 0, 0][..],               // obj: NULL
            &[0, 0, 2, 0],                     // map_tower referent
            &[75, 0, 0, 0, 75, 0, 0, 0],       // max_count, tower_length
            &samr_tower_bytes([0, 0], [0; 4]), // tower_octet_string
            &[0],                              // align
            &[0; 20],                          // entry_handle
            &[4, 0, 0, 0],                     // max_towers
        ]
        .concat();
        assert_eq!(stub, want);
        assert_eq!(decode::<EptMapRequest>(&stub).unwrap(), rq);
        // [range(0,500)] on max_towers, both ways.
        let too_many = EptMapRequest::new(&t, 501).unwrap();
        assert!(encode(&too_many).is_err());
        let mut b = stub.clone();
        let n = b.len();
        b[n - 4..].copy_from_slice(&501u32.to_le_bytes());
        assert!(decode::<EptMapRequest>(&b).is_err());
    }

    fn response(towers: &[Vec<u8>], max_count: u32, status: u32) -> Vec<u8> {
        let mut out = vec![0u8; 20];
        let n = towers.len() as u32;
        for v in [n, max_count, 0, n] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for i in 0..n {
            out.extend_from_slice(&(0x0002_0000 + 4 * i).to_le_bytes());
        }
        for t in towers {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t);
            while !out.len().is_multiple_of(4) {
                out.push(0);
            }
        }
        out.extend_from_slice(&status.to_le_bytes());
        out
    }

    #[test]
    fn response_round_trip_keeps_max_count() {
        let t = samr_tower_bytes([0xc0, 0x02], [127, 0, 0, 3]);
        let stub = response(&[t.clone(), t.clone()], 8, 0);
        let r: EptMapResponse = decode(&stub).unwrap();
        assert_eq!((r.num_towers, r.towers.max_count, r.status), (2, 8, 0));
        let towers: Vec<Tower> = r.towers().collect::<Result<_, _>>().unwrap();
        assert_eq!(towers[1].tcp_port(), Some(49154));
        assert_eq!(encode(&r).unwrap(), stub);
        for cut in 0..stub.len() {
            assert!(
                decode::<EptMapResponse>(&stub[..cut]).is_err(),
                "prefix {cut}"
            );
        }

        let none: EptMapResponse = decode(&response(&[], 4, EPT_S_NOT_REGISTERED)).unwrap();
        assert!(none.towers.towers.is_empty());
        assert_eq!(
            (none.towers.max_count, none.status),
            (4, EPT_S_NOT_REGISTERED)
        );
    }

    #[test]
    fn response_counts_are_checked() {
        let t = samr_tower_bytes([0xc0, 0x02], [127, 0, 0, 3]);
        let stub = response(&[t.clone(), t], 8, 0);
        // num_towers disagrees with actual_count (length_is).
        let mut b = stub.clone();
        b[20..24].copy_from_slice(&1u32.to_le_bytes());
        assert!(decode::<EptMapResponse>(&b).is_err());
        // actual_count above max_count.
        let mut b = stub.clone();
        b[24..28].copy_from_slice(&1u32.to_le_bytes());
        assert!(decode::<EptMapResponse>(&b).is_err());
        // A huge claimed array.
        let mut b = stub.clone();
        for at in [20, 24, 32] {
            b[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
        }
        assert!(decode::<EptMapResponse>(&b).is_err());
        // tower_length beyond [range(0,2000)], and disagreeing with max_count.
        let mut b = stub.clone();
        b[44..48].copy_from_slice(&100_000u32.to_le_bytes());
        b[48..52].copy_from_slice(&100_000u32.to_le_bytes());
        assert!(decode::<EptMapResponse>(&b).is_err());
        let mut b = stub;
        b[48..52].copy_from_slice(&74u32.to_le_bytes());
        assert!(decode::<EptMapResponse>(&b).is_err());
        // Encoding refuses num_towers that does not match the towers.
        let r = EptMapResponse {
            entry_handle: EptLookupHandle::default(),
            num_towers: 3,
            towers: TowerArray {
                max_count: 4,
                towers: vec![None],
            },
            status: 0,
        };
        assert!(encode(&r).is_err());
        // Nor more towers than max_count.
        let r = EptMapResponse {
            num_towers: 1,
            towers: TowerArray {
                max_count: 0,
                towers: vec![None],
            },
            ..r
        };
        assert!(encode(&r).is_err());
    }
}
