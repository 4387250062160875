//! The RPC backend: NetApi functions built from MS-RPC calls ([MS-SRVS], ...) sent over
//! netapi's own transport. One module per NetApi family maps info levels to wire types and back;
//! [`conn`] keeps bound associations; [`errors`] maps failures to Windows codes.

pub(crate) mod conn;
pub(crate) mod errors;
pub(crate) mod srvsvc;

use netapi_msrpc::{Response, StatusKind};
use netapi_ndr::Ndr;

use crate::{Error, Result};
use conn::{Connector, InterfaceId};

/// Encode `req`, call `opnum` of `interface` on a pooled association, decode the response.
/// A fault leaves the association pooled; any other failure drops it so the next call opens a
/// fresh one.
///
/// A response that does not decode but ends in a failure status is reported as that status: the
/// return value is always the last four bytes of a stub, and a server that refuses a call may
/// leave the `[out]` parameters in a shape the IDL does not allow.
/// quirk(samba-4.17): NetrShareEnum / NetrShareGetInfo at level 503 answer `ERROR_INVALID_LEVEL`
/// with a union arm Samba's IDL lacks.
pub(crate) async fn call<Req: Ndr, Resp: Response>(
    conn: &Connector,
    interface: InterfaceId,
    opnum: u16,
    op: &'static str,
    req: &Req,
) -> Result<Resp> {
    let stub = netapi_ndr::encode(req).map_err(|e| errors::from_encode(op, e))?;
    let mut bound = conn
        .checkout(interface)
        .await
        .map_err(|e| errors::from_transport(op, e))?;
    match bound.client.call(bound.context, opnum, &stub).await {
        Ok(bytes) => {
            conn.checkin(bound);
            netapi_ndr::decode::<Resp>(&bytes).map_err(|e| {
                match trailing_status(&bytes) {
                    Some(status) => {
                        let err = match Resp::STATUS_KIND {
                            StatusKind::Win32 => Error::win32_status(op, status),
                            StatusKind::NtStatus => Error::nt_status(op, status),
                            // A DCE `error_status_t` (the endpoint mapper's, which the
                            // transport calls itself): DCE statuses share the fault code space.
                            StatusKind::Dce => {
                                let dce = crate::RpcFault(status);
                                Error::server(op, crate::Code::Fault(dce), dce.to_win32())
                            }
                        };
                        err.with_detail(format!("the rest of the answer did not decode: {e}"))
                    }
                    None => errors::from_decode(op, e),
                }
            })
        }
        Err(e) => {
            if matches!(
                e,
                netapi_transport::Error::Rpc(netapi_dcerpc::Error::Fault { .. })
            ) {
                conn.checkin(bound);
            }
            Err(errors::from_transport(op, e))
        }
    }
}

/// The non-zero status in the last four bytes of a response stub, if any.
fn trailing_status(stub: &[u8]) -> Option<u32> {
    let tail: [u8; 4] = stub.get(stub.len().checked_sub(4)?..)?.try_into().ok()?;
    Some(u32::from_le_bytes(tail)).filter(|&s| s != 0)
}
