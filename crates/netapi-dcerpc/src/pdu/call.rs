//! request, response and fault bodies (\[C706\] 12.6.4.9, 12.6.4.10, 12.6.4.7).
//!
//! Each is a small fixed part followed by stub data (a fault's stub is optional extended error
//! information, which we keep raw). The object UUID of a request is present only with
//! `PFC_OBJECT_UUID`.

use crate::codec::{Put, Reader};
use crate::error::Error;
use crate::uuid::Uuid;

/// request body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// Stub bytes remaining from this fragment on (a hint; 0 = unknown).
    pub alloc_hint: u32,
    /// Presentation context.
    pub context_id: u16,
    /// Operation number within the interface.
    pub opnum: u16,
    /// Object UUID (sent with `PFC_OBJECT_UUID`).
    pub object: Option<Uuid>,
    /// Stub data of this fragment (ciphertext under privacy).
    pub stub: Vec<u8>,
}

impl Request {
    /// Fixed part after the common header, without the object UUID.
    pub const FIXED_LEN: usize = 8;

    pub(crate) fn encode_fixed(&self, out: &mut Vec<u8>) {
        out.put_u32(self.alloc_hint);
        out.put_u16(self.context_id);
        out.put_u16(self.opnum);
        if let Some(o) = &self.object {
            out.put_uuid(o);
        }
    }

    pub(crate) fn decode(
        r: &mut Reader<'_>,
        has_object: bool,
        end: usize,
    ) -> Result<Request, Error> {
        let alloc_hint = r.u32("request")?;
        let context_id = r.u16("request")?;
        let opnum = r.u16("request")?;
        let object = if has_object {
            Some(r.uuid("request object")?)
        } else {
            None
        };
        let stub = take_to(r, end, "request stub")?;
        Ok(Request {
            alloc_hint,
            context_id,
            opnum,
            object,
            stub,
        })
    }
}

/// response body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// Stub bytes remaining from this fragment on (a hint; 0 = unknown).
    pub alloc_hint: u32,
    /// Presentation context of the request.
    pub context_id: u16,
    /// Cancels received by the server.
    pub cancel_count: u8,
    /// Stub data of this fragment (ciphertext under privacy).
    pub stub: Vec<u8>,
}

impl Response {
    /// Fixed part after the common header.
    pub const FIXED_LEN: usize = 8;

    pub(crate) fn encode_fixed(&self, out: &mut Vec<u8>) {
        out.put_u32(self.alloc_hint);
        out.put_u16(self.context_id);
        out.put_u8(self.cancel_count);
        out.put_u8(0);
    }

    pub(crate) fn decode(r: &mut Reader<'_>, end: usize) -> Result<Response, Error> {
        let alloc_hint = r.u32("response")?;
        let context_id = r.u16("response")?;
        let cancel_count = r.u8("response")?;
        r.u8("response")?;
        let stub = take_to(r, end, "response stub")?;
        Ok(Response {
            alloc_hint,
            context_id,
            cancel_count,
            stub,
        })
    }
}

/// fault body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// Size hint of the optional stub.
    pub alloc_hint: u32,
    /// Presentation context of the failed call.
    pub context_id: u16,
    /// Cancels received by the server.
    pub cancel_count: u8,
    /// The reserved byte; [MS-RPCE] 2.2.2 uses 0x01 for "extended error information present".
    pub flags: u8,
    /// The fault status (an `nca_s_*` code or a Win32 error), raw.
    pub status: u32,
    /// Extended error information, unparsed.
    pub stub: Vec<u8>,
}

impl Fault {
    /// Fixed part after the common header (the last 4 bytes are `reserved`).
    pub const FIXED_LEN: usize = 16;

    pub(crate) fn encode_fixed(&self, out: &mut Vec<u8>) {
        out.put_u32(self.alloc_hint);
        out.put_u16(self.context_id);
        out.put_u8(self.cancel_count);
        out.put_u8(self.flags);
        out.put_u32(self.status);
        out.put_u32(0);
    }

    pub(crate) fn decode(r: &mut Reader<'_>, end: usize) -> Result<Fault, Error> {
        let alloc_hint = r.u32("fault")?;
        let context_id = r.u16("fault")?;
        let cancel_count = r.u8("fault")?;
        let flags = r.u8("fault")?;
        let status = r.u32("fault status")?;
        // quirk: the 4 reserved bytes are absent in some short faults; the status is what counts.
        if end.saturating_sub(r.pos()) >= 4 {
            r.u32("fault")?;
        }
        let stub = take_to(r, end, "fault stub")?;
        Ok(Fault {
            alloc_hint,
            context_id,
            cancel_count,
            flags,
            status,
            stub,
        })
    }
}

fn take_to(r: &mut Reader<'_>, end: usize, what: &'static str) -> Result<Vec<u8>, Error> {
    let n = end.checked_sub(r.pos()).ok_or(Error::Truncated(what))?;
    Ok(r.take(n, what)?.to_vec())
}
