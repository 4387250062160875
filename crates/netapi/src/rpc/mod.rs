//! The RPC backend: NetApi functions built from MS-RPC calls ([MS-SRVS], ...) sent over
//! netapi's own transport. One module per NetApi family maps info levels to wire types and back;
//! [`conn`] keeps bound associations; [`errors`] maps failures to Windows codes.

pub(crate) mod conn;
pub(crate) mod errors;
pub(crate) mod srvsvc;

use netapi_msrpc::{Response, StatusKind};
use netapi_ndr::{Limits, Ndr};

use crate::{Error, Result};
use conn::{Connector, InterfaceId};

/// Encode `req`, call `opnum` of `interface` on a pooled association, decode the response.
///
/// The association goes back to the pool only when it is known to be in step: after an answer
/// that decoded, or after a call-level fault. Anything else (transport failure, protocol error,
/// an answer that did not decode, an association-level fault with call_id 0) drops it, so the next
/// call opens a fresh one.
///
/// An answer that does not decode is reported as the server's status when it has the shape of
/// a refusal: short (at most [`REFUSAL_MAX_LEN`] bytes), not merely followed by extra bytes, and
/// ending in a code of the method's code space that has a name. A server that refuses a call may
/// leave the `[out]` parameters in a shape the IDL does not allow, while the return value is
/// always the last four bytes. Anything else is `RPC_X_BAD_STUB_DATA` (1783).
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
    tracing::debug!(
        op,
        interface = interface.name,
        opnum,
        server = conn.server(),
        "NetApi call"
    );
    let mut bound = conn
        .checkout(interface)
        .await
        .map_err(|e| errors::from_transport(op, e))?;
    match bound.client.call(bound.context, opnum, &stub).await {
        Ok(answer) => {
            // Only a short answer can be read as a refusal; keep a copy of that one, and
            // decode a long one freeing its fragments as they are read.
            let short = (answer.len() <= REFUSAL_MAX_LEN).then(|| answer.to_vec());
            match netapi_ndr::decode_chunks::<Resp>(answer.into_chunks(), Limits::DEFAULT) {
                Ok(resp) => {
                    conn.checkin(bound);
                    Ok(resp)
                }
                Err(e) => Err(match short.and_then(|b| refusal::<Resp>(op, &b, &e)) {
                    Some(err) => {
                        err.with_detail(format!("the rest of the answer did not decode: {e}"))
                    }
                    None => errors::from_decode(op, e),
                }),
            }
        }
        Err(e) => {
            if matches!(
                e,
                netapi_transport::Error::Rpc(netapi_dcerpc::Error::Fault { call_id, .. }) if call_id != 0
            ) {
                conn.checkin(bound);
            }
            Err(errors::from_transport(op, e))
        }
    }
}

/// Longest undecodable answer still read as a refusal (a refused call carries no data).
const REFUSAL_MAX_LEN: usize = 64;

/// The server's status of an answer that did not decode, when the answer looks like a refusal.
fn refusal<Resp: Response>(
    op: &'static str,
    stub: &[u8],
    e: &netapi_ndr::DecodeError,
) -> Option<Error> {
    if stub.len() > REFUSAL_MAX_LEN
        || matches!(e.kind, netapi_ndr::DecodeErrorKind::TrailingBytes { .. })
    {
        return None;
    }
    let tail: [u8; 4] = stub.get(stub.len().checked_sub(4)?..)?.try_into().ok()?;
    let status = u32::from_le_bytes(tail);
    if status == 0 {
        return None;
    }
    match Resp::STATUS_KIND {
        StatusKind::Win32 => crate::WinError(status)
            .name()
            .map(|_| Error::win32_status(op, status)),
        StatusKind::NtStatus => crate::NtStatus(status)
            .name()
            .map(|_| Error::nt_status(op, status)),
        // A DCE `error_status_t` (the endpoint mapper's): DCE statuses share the fault space.
        StatusKind::Dce => crate::RpcFault(status).name().map(|_| {
            let dce = crate::RpcFault(status);
            Error::server(op, crate::Code::Fault(dce), dce.to_win32())
        }),
    }
}
