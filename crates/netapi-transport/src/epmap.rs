//! Endpoint mapper client: `ept_map` on TCP port 135 (\[C706\] endpoint mapper interface, appendix L
//! protocol towers; [MS-RPCE] 2.2.1.2 and 3.1.3.5.3 for the ncacn_ip_tcp floors).
//!
//! We send a tower naming the interface, NDR 2.0, connection-oriented RPC, TCP and IP, and read
//! the port from the towers that come back. The stubs are small, so they are encoded and parsed
//! here by hand, every count checked against the bytes left and [`MAX_TOWERS`] /
//! [`MAX_TOWER_LEN`] before anything is allocated:
//!
//! * request: `object` (null full pointer), `map_tower` (full pointer, referent 0x00020000, to
//!   `twr_t`: conformance, length, octets), `entry_handle` (20 zero bytes), `max_towers`;
//! * response: `entry_handle`, `num_towers`, a conformant varying array of tower pointers
//!   followed by the towers they point to, `status`.
//!
//! Left out: `ept_lookup`, IPv6 and other protocol floors (kept raw), entry handles for
//! continued lookups.

use crate::rpc::RpcClient;
use crate::tcp::{TcpIo, TcpOptions};
use crate::{Error, RpcIo};
use netapi_dcerpc::{NDR20, SyntaxId, Uuid};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The endpoint mapper interface `e1af8308-5d1f-11c9-91a4-08002b14a0fa` v3.0.
pub const EPMAPPER: SyntaxId = SyntaxId::new("e1af8308-5d1f-11c9-91a4-08002b14a0fa", 3, 0);

/// Well-known TCP port of the endpoint mapper.
pub const EPMAPPER_PORT: u16 = 135;

/// `ept_map` operation number.
pub const EPT_MAP_OPNUM: u16 = 3;

/// Most towers we ask for and accept in one answer.
pub const MAX_TOWERS: u32 = 8;

/// Longest tower we accept (an ncacn_ip_tcp tower is 75 bytes).
pub const MAX_TOWER_LEN: usize = 1024;

/// Most floors we accept in one tower.
pub const MAX_FLOORS: usize = 16;

/// `EPT_S_NOT_REGISTERED`: the mapper knows no endpoint for the interface.
pub const EPT_S_NOT_REGISTERED: u32 = 0x16c9_a0d6;

/// Protocol identifiers of tower floors (\[C706\] appendix L, [MS-RPCE] 2.2.1.2).
pub mod protocol {
    /// UUID floor (interface or transfer syntax).
    pub const UUID: u8 = 0x0d;
    /// Connection-oriented RPC (`ncacn`).
    pub const NCACN: u8 = 0x0b;
    /// TCP port.
    pub const TCP: u8 = 0x07;
    /// IPv4 address.
    pub const IP: u8 = 0x09;
}

/// One tower floor: left-hand side (protocol id and data) and right-hand side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Floor {
    /// Protocol identifier followed by protocol data (a UUID and major version for UUID floors).
    pub lhs: Vec<u8>,
    /// Related data: a minor version, a port (big-endian), an address.
    pub rhs: Vec<u8>,
}

/// A protocol tower (`twr_t` octets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tower {
    /// Floors, outermost (interface) first.
    pub floors: Vec<Floor>,
}

fn uuid_floor(s: &SyntaxId) -> Floor {
    let mut lhs = vec![protocol::UUID];
    lhs.extend_from_slice(&s.uuid.to_le_bytes());
    lhs.extend_from_slice(&s.major.to_le_bytes());
    Floor {
        lhs,
        rhs: s.minor.to_le_bytes().to_vec(),
    }
}

impl Tower {
    /// The ncacn_ip_tcp tower for `interface` over NDR 2.0 at `ip`:`port`.
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

    /// Tower octets: floor count, then per floor lhs length, lhs, rhs length, rhs (little-endian).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(80);
        out.extend_from_slice(&(self.floors.len() as u16).to_le_bytes());
        for f in &self.floors {
            out.extend_from_slice(&(f.lhs.len() as u16).to_le_bytes());
            out.extend_from_slice(&f.lhs);
            out.extend_from_slice(&(f.rhs.len() as u16).to_le_bytes());
            out.extend_from_slice(&f.rhs);
        }
        out
    }

    /// Parses tower octets (trailing bytes are an error).
    pub fn decode(bytes: &[u8]) -> Result<Tower, Error> {
        let mut r = Cursor { b: bytes, pos: 0 };
        let n = usize::from(r.u16()?);
        if n > MAX_FLOORS {
            return Err(malformed("tower has too many floors"));
        }
        let mut floors = Vec::with_capacity(n);
        for _ in 0..n {
            let l = usize::from(r.u16()?);
            let lhs = r.take(l)?.to_vec();
            let l = usize::from(r.u16()?);
            let rhs = r.take(l)?.to_vec();
            if lhs.is_empty() {
                return Err(malformed("tower floor without a protocol identifier"));
            }
            floors.push(Floor { lhs, rhs });
        }
        if r.pos != bytes.len() {
            return Err(malformed("bytes after the last tower floor"));
        }
        Ok(Tower { floors })
    }

    fn floor(&self, proto: u8) -> Option<&Floor> {
        self.floors.iter().find(|f| f.lhs[0] == proto)
    }

    /// The interface named by the first floor.
    pub fn interface(&self) -> Option<SyntaxId> {
        let f = self.floors.first()?;
        if f.lhs.len() != 19 || f.lhs[0] != protocol::UUID || f.rhs.len() != 2 {
            return None;
        }
        let uuid = Uuid::from_le_bytes(f.lhs[1..17].try_into().ok()?);
        Some(SyntaxId {
            uuid,
            major: u16::from_le_bytes([f.lhs[17], f.lhs[18]]),
            minor: u16::from_le_bytes([f.rhs[0], f.rhs[1]]),
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

/// The `ept_map` request stub for `tower`.
pub fn ept_map_request(tower: &Tower, max_towers: u32) -> Vec<u8> {
    let octets = tower.encode();
    let len = octets.len() as u32;
    let mut out = Vec::with_capacity(octets.len() + 48);
    out.extend_from_slice(&0u32.to_le_bytes()); // object: null
    out.extend_from_slice(&0x0002_0000u32.to_le_bytes()); // map_tower referent
    out.extend_from_slice(&len.to_le_bytes()); // conformance
    out.extend_from_slice(&len.to_le_bytes()); // tower_length
    out.extend_from_slice(&octets);
    while out.len() % 4 != 0 {
        out.push(0);
    }
    out.extend_from_slice(&[0u8; 20]); // entry_handle
    out.extend_from_slice(&max_towers.to_le_bytes());
    out
}

/// A parsed `ept_map` response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EptMapResponse {
    /// Context handle for a continued lookup (all zero when done).
    pub entry_handle: [u8; 20],
    /// The towers returned.
    pub towers: Vec<Tower>,
    /// `error_status_t`: 0, or e.g. [`EPT_S_NOT_REGISTERED`].
    pub status: u32,
}

fn malformed(what: &'static str) -> Error {
    Error::Rpc(netapi_dcerpc::Error::Malformed(what))
}

struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.b.len() - self.pos < n {
            return Err(Error::Rpc(netapi_dcerpc::Error::Truncated(
                "ept_map response",
            )));
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, Error> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().unwrap_or_default(),
        ))
    }
    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or_default(),
        ))
    }
    fn align4(&mut self) -> Result<(), Error> {
        let pad = (4 - self.pos % 4) % 4;
        self.take(pad).map(|_| ())
    }
}

/// Parses an `ept_map` response stub (NDR 2.0, little-endian).
pub fn parse_ept_map_response(stub: &[u8]) -> Result<EptMapResponse, Error> {
    let mut r = Cursor { b: stub, pos: 0 };
    let entry_handle: [u8; 20] = r.take(20)?.try_into().unwrap_or_default();
    let num_towers = r.u32()?;
    let max_count = r.u32()?;
    let offset = r.u32()?;
    let actual = r.u32()?;
    if offset != 0 || actual != num_towers || actual > max_count || actual > MAX_TOWERS {
        return Err(malformed("ept_map tower array counts are inconsistent"));
    }
    // The pointer array itself, then one twr_t per non-null pointer.
    let mut present = Vec::with_capacity(actual as usize);
    for _ in 0..actual {
        present.push(r.u32()? != 0);
    }
    let mut towers = Vec::new();
    for _ in present.iter().filter(|p| **p) {
        let conformance = r.u32()? as usize;
        let len = r.u32()? as usize;
        if len != conformance || len > MAX_TOWER_LEN {
            return Err(malformed(
                "ept_map tower length is inconsistent or too long",
            ));
        }
        towers.push(Tower::decode(r.take(len)?)?);
        r.align4()?;
    }
    let status = r.u32()?;
    if r.pos != stub.len() {
        return Err(malformed("bytes after the ept_map status"));
    }
    Ok(EptMapResponse {
        entry_handle,
        towers,
        status,
    })
}

/// Asks an endpoint mapper association (bound to [`EPMAPPER`]) for the TCP port of `interface`.
pub async fn ept_map<I: RpcIo>(
    client: &mut RpcClient<I>,
    interface: &SyntaxId,
) -> Result<u16, Error> {
    let ctx = client.context(&EPMAPPER).ok_or_else(|| {
        Error::Usage("the association is not bound to the endpoint mapper".into())
    })?;
    let tower = Tower::ncacn_ip_tcp(interface, Ipv4Addr::UNSPECIFIED, 0);
    let stub = client
        .call(ctx, EPT_MAP_OPNUM, &ept_map_request(&tower, MAX_TOWERS))
        .await?;
    let resp = parse_ept_map_response(&stub)?;
    if resp.status != 0 {
        return Err(Error::Rpc(netapi_dcerpc::Error::CallFailed {
            op: "ept_map",
            status: resp.status,
        }));
    }
    resp.towers
        .iter()
        .filter(|t| t.interface().is_none_or(|i| i.uuid == interface.uuid))
        .find_map(Tower::tcp_port)
        .filter(|&p| p != 0)
        .ok_or(Error::Rpc(netapi_dcerpc::Error::CallFailed {
            op: "ept_map",
            status: EPT_S_NOT_REGISTERED,
        }))
}

/// Connects to the endpoint mapper on `ip`:135, binds unauthenticated and maps `interface` to
/// its TCP port.
pub async fn resolve_tcp_port(
    ip: IpAddr,
    interface: &SyntaxId,
    opts: TcpOptions,
) -> Result<u16, Error> {
    let io = TcpIo::connect(SocketAddr::new(ip, EPMAPPER_PORT), opts).await?;
    let mut client = RpcClient::bind(io, &[EPMAPPER], None).await?;
    ept_map(&mut client, interface).await
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMR: SyntaxId = SyntaxId::new("12345778-1234-abcd-ef00-0123456789ac", 1, 0);

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
    fn tower_layout_from_appendix_l() {
        let t = Tower::ncacn_ip_tcp(&SAMR, Ipv4Addr::new(127, 0, 0, 3), 49154);
        let bytes = t.encode();
        assert_eq!(bytes, samr_tower_bytes([0xc0, 0x02], [127, 0, 0, 3]));
        assert_eq!(bytes.len(), 75);
        let back = Tower::decode(&bytes).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.interface(), Some(SAMR));
        assert_eq!(back.tcp_port(), Some(49154));
        assert_eq!(back.ipv4(), Some(Ipv4Addr::new(127, 0, 0, 3)));
        for cut in 0..bytes.len() {
            assert!(Tower::decode(&bytes[..cut]).is_err());
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Tower::decode(&extra).is_err());
    }

    #[test]
    fn request_stub_layout() {
        let t = Tower::ncacn_ip_tcp(&SAMR, Ipv4Addr::UNSPECIFIED, 0);
        let stub = ept_map_request(&t, 4);
        let want = [
            &[0u8, 0, 0, 0][..],
            &[0, 0, 2, 0],
            &[75, 0, 0, 0, 75, 0, 0, 0],
            &samr_tower_bytes([0, 0], [0, 0, 0, 0]),
            &[0],
            &[0; 20],
            &[4, 0, 0, 0],
        ]
        .concat();
        assert_eq!(stub, want);
    }

    fn response(towers: &[Vec<u8>], status: u32) -> Vec<u8> {
        let mut out = vec![0u8; 20];
        let n = towers.len() as u32;
        for v in [n, 8, 0, n] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for i in 0..n {
            out.extend_from_slice(&(0x0002_0000 + 4 * i).to_le_bytes());
        }
        for t in towers {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t);
            while out.len() % 4 != 0 {
                out.push(0);
            }
        }
        out.extend_from_slice(&status.to_le_bytes());
        out
    }

    #[test]
    fn parses_responses_and_rejects_bad_counts() {
        let t = samr_tower_bytes([0xc0, 0x02], [127, 0, 0, 3]);
        let stub = response(&[t.clone(), t.clone()], 0);
        let r = parse_ept_map_response(&stub).unwrap();
        assert_eq!(r.towers.len(), 2);
        assert_eq!(r.towers[1].tcp_port(), Some(49154));
        assert_eq!(r.status, 0);
        for cut in 0..stub.len() {
            assert!(
                parse_ept_map_response(&stub[..cut]).is_err(),
                "prefix {cut}"
            );
        }
        let none = parse_ept_map_response(&response(&[], EPT_S_NOT_REGISTERED)).unwrap();
        assert!(none.towers.is_empty());
        assert_eq!(none.status, EPT_S_NOT_REGISTERED);

        let mut lying = stub.clone();
        lying[20..24].copy_from_slice(&1000u32.to_le_bytes()); // num_towers
        lying[32..36].copy_from_slice(&1000u32.to_le_bytes()); // actual_count
        lying[24..28].copy_from_slice(&1000u32.to_le_bytes()); // max_count
        assert!(parse_ept_map_response(&lying).is_err());
        let mut long = stub.clone();
        long[44..48].copy_from_slice(&100_000u32.to_le_bytes());
        assert!(parse_ept_map_response(&long).is_err());
    }
}
