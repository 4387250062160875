//! Endpoint mapper client: `ept_map` on TCP port 135 (\[C706\] appendix O, \[MS-RPCE\] 2.2.1.2.5;
//! towers \[C706\] appendix L and \[MS-RPCE\] 2.1.1.1 for the ncacn_ip_tcp floors).
//!
//! We send a tower naming the interface, NDR 2.0, connection-oriented RPC, TCP and IP, and read
//! the port from the towers that come back. The stubs are the `#[derive(Ndr)]` types of
//! [`netapi_msrpc::epmapper`] (re-exported here with the tower codec, which is pure); this
//! module adds the I/O and our own bounds on what a peer may send: at most [`MAX_TOWERS`] towers
//! of at most [`MAX_TOWER_LEN`] octets and [`MAX_FLOORS`] floors, enforced through the decode
//! [`Limits`] before anything is allocated and checked again on the decoded answer.
//!
//! Left out: `ept_lookup`, continued lookups with the entry handle (the first answer always
//! has the ncacn_ip_tcp tower we need), IPv6 and other protocol floors (kept raw).

use crate::rpc::RpcClient;
use crate::tcp::{TcpIo, TcpOptions};
use crate::{Error, RpcIo};
use netapi_dcerpc::SyntaxId;
use netapi_msrpc::epmapper::Epmapper;
use netapi_msrpc::{Call, Interface};
use netapi_ndr::Limits;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

pub use netapi_msrpc::epmapper::{
    EPMAPPER_PORT, EPT_S_NOT_REGISTERED, EptLookupHandle, EptMapRequest, EptMapResponse, Floor,
    MAX_FLOORS, Tower, TowerArray, TowerError, Twr, protocol,
};

/// The endpoint mapper interface `e1af8308-5d1f-11c9-91a4-08002b14a0fa` v3.0.
pub const EPMAPPER: SyntaxId = Epmapper::SYNTAX;

/// `ept_map` operation number.
pub const EPT_MAP_OPNUM: u16 = <EptMapRequest as Call>::OPNUM;

/// Most towers we ask for (`max_towers`) and accept in one answer.
pub const MAX_TOWERS: u32 = 8;

/// Longest tower we accept (an ncacn_ip_tcp tower is 75 bytes; the IDL allows 2000).
pub const MAX_TOWER_LEN: usize = 1024;

/// Decode limits for an `ept_map` answer: no array (the tower pointers, a tower's octets) longer
/// than [`MAX_TOWER_LEN`], and no more memory than [`MAX_TOWERS`] full-size towers need.
const LIMITS: Limits = Limits::DEFAULT
    .with_max_array_len(MAX_TOWER_LEN as u32)
    .with_max_alloc_bytes(64 * 1024)
    .with_max_depth(4);

fn malformed(what: &'static str) -> Error {
    Error::Rpc(netapi_dcerpc::Error::Malformed(what))
}

fn bad_tower(e: TowerError) -> Error {
    malformed(e.0)
}

/// The `ept_map` request stub for `tower` (no object UUID, null entry handle).
pub fn ept_map_request(tower: &Tower, max_towers: u32) -> Result<Vec<u8>, Error> {
    let request = EptMapRequest::new(tower, max_towers).map_err(bad_tower)?;
    netapi_ndr::encode(&request)
        .map_err(|_| Error::Usage(format!("ept_map: max_towers {max_towers} exceeds 500")))
}

/// Decodes an `ept_map` response stub (NDR 2.0, little-endian) within our limits: at most
/// [`MAX_TOWERS`] towers of at most [`MAX_TOWER_LEN`] octets.
pub fn parse_ept_map_response(stub: &[u8]) -> Result<EptMapResponse, Error> {
    let resp: EptMapResponse = netapi_ndr::decode_with(stub, LIMITS)
        .map_err(|_| malformed("ept_map response does not decode as [MS-RPCE] 2.2.1.2.5 says"))?;
    if resp.num_towers > MAX_TOWERS {
        return Err(malformed(
            "ept_map answer has more towers than we asked for",
        ));
    }
    if resp
        .towers
        .towers
        .iter()
        .flatten()
        .any(|t| t.tower_octet_string.len() > MAX_TOWER_LEN)
    {
        return Err(malformed("ept_map tower is longer than MAX_TOWER_LEN"));
    }
    Ok(resp)
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
        .call(ctx, EPT_MAP_OPNUM, &ept_map_request(&tower, MAX_TOWERS)?)
        .await?;
    let resp = parse_ept_map_response(&stub.into_vec())?;
    if resp.status != 0 {
        return Err(Error::Rpc(netapi_dcerpc::Error::CallFailed {
            op: "ept_map",
            status: resp.status,
        }));
    }
    let towers: Vec<Tower> = resp.towers().collect::<Result<_, _>>().map_err(bad_tower)?;
    towers
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

    const SAMR: SyntaxId = <netapi_msrpc::samr::Samr as netapi_msrpc::Interface>::SYNTAX;

    /// The samr ncacn_ip_tcp tower (its byte layout is tested in `netapi_msrpc::epmapper`).
    fn samr_tower_bytes(port: u16, ip: [u8; 4]) -> Vec<u8> {
        Tower::ncacn_ip_tcp(&SAMR, Ipv4Addr::from(ip), port)
            .encode()
            .unwrap()
    }

    #[test]
    fn constants() {
        assert_eq!(EPT_MAP_OPNUM, 3);
        assert_eq!(
            EPMAPPER,
            SyntaxId::new("e1af8308-5d1f-11c9-91a4-08002b14a0fa", 3, 0)
        );
        assert_eq!((EPMAPPER_PORT, MAX_FLOORS), (135, 16));
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
            while !out.len().is_multiple_of(4) {
                out.push(0);
            }
        }
        out.extend_from_slice(&status.to_le_bytes());
        out
    }

    #[test]
    fn parses_responses_and_rejects_bad_counts() {
        let t = samr_tower_bytes(49154, [127, 0, 0, 3]);
        let stub = response(&[t.clone(), t.clone()], 0);
        let r = parse_ept_map_response(&stub).unwrap();
        assert_eq!(r.towers.towers.len(), 2);
        let towers: Vec<Tower> = r.towers().collect::<Result<_, _>>().unwrap();
        assert_eq!(towers[1].tcp_port(), Some(49154));
        assert_eq!(r.status, 0);
        for cut in 0..stub.len() {
            assert!(
                parse_ept_map_response(&stub[..cut]).is_err(),
                "prefix {cut}"
            );
        }
        let none = parse_ept_map_response(&response(&[], EPT_S_NOT_REGISTERED)).unwrap();
        assert!(none.towers.towers.is_empty());
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

    #[test]
    fn our_limits_are_tighter_than_the_idl() {
        // Nine towers: within [range(0,500)], above MAX_TOWERS.
        let t = samr_tower_bytes(49154, [127, 0, 0, 3]);
        let mut nine = response(&vec![t; 9], 0);
        nine[24..28].copy_from_slice(&9u32.to_le_bytes()); // max_count
        assert!(netapi_ndr::decode::<EptMapResponse>(&nine).is_ok());
        assert!(parse_ept_map_response(&nine).is_err());
        // A 1500-octet tower: within [range(0,2000)], above MAX_TOWER_LEN.
        let mut big = vec![1u8, 0, 1, 0, 0x07];
        big.extend_from_slice(&(1493u16).to_le_bytes());
        big.resize(1500, 0);
        let stub = response(&[big], 0);
        assert!(netapi_ndr::decode::<EptMapResponse>(&stub).is_ok());
        assert!(parse_ept_map_response(&stub).is_err());
    }
}
