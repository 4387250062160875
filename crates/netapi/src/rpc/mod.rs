//! The RPC backend: NetApi functions built from MS-RPC calls ([MS-SRVS], ...) sent over
//! netapi's own transport. One module per NetApi family maps info levels to wire types and back;
//! [`conn`] keeps bound associations; [`errors`] maps failures to Windows codes.

pub(crate) mod conn;
pub(crate) mod srvsvc;
pub(crate) mod errors;

use netapi_ndr::Ndr;

use crate::Result;
use conn::{Connector, InterfaceId};

/// Encode `req`, call `opnum` of `interface` on a pooled association, decode the response.
/// A fault leaves the association pooled; any other failure drops it so the next call opens a
/// fresh one.
pub(crate) async fn call<Req: Ndr, Resp: Ndr>(
    conn: &Connector,
    interface: InterfaceId,
    opnum: u16,
    op: &'static str,
    req: &Req,
) -> Result<Resp> {
    let stub = netapi_ndr::encode(req).map_err(|e| errors::from_encode(op, e))?;
    let mut bound = conn.checkout(interface).await.map_err(|e| errors::from_transport(op, e))?;
    match bound.client.call(bound.context, opnum, &stub).await {
        Ok(bytes) => {
            conn.checkin(bound);
            netapi_ndr::decode::<Resp>(&bytes).map_err(|e| errors::from_decode(op, e))
        }
        Err(e) => {
            if matches!(e, netapi_transport::Error::Rpc(netapi_dcerpc::Error::Fault { .. })) {
                conn.checkin(bound);
            }
            Err(errors::from_transport(op, e))
        }
    }
}
