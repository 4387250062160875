//! Connection-oriented PDUs (\[C706\] chapter 12.6, [MS-RPCE] 2.2.2): one module per group.
//!
//! * [`header`]: the common header, `PTYPE`, `pfc_flags`, the data representation label.
//! * [`bind`]: bind / alter_context, bind_ack / alter_context_resp, bind_nak.
//! * [`call`]: request, response, fault.
//! * [`trailer`]: sec_trailer and auth_value.
//!
//! auth3 ([MS-RPCE] 2.2.2.10: four pad bytes then the trailer), shutdown, co_cancel and orphaned
//! have no body of their own. [`Pdu::decode`] takes exactly one PDU, checks every length against
//! the bytes present and rejects trailing data; [`Pdu::encode`] computes both lengths.
//! Connectionless PDUs (types 1, 4-10) are rejected.

pub mod bind;
pub mod call;
pub mod header;
pub mod trailer;

#[cfg(test)]
mod tests;

use crate::codec::{Put, Reader};
use crate::error::Error;
pub use bind::{
    Bind, BindAck, BindNak, ContextElement, ContextResult, ProviderReason, RejectReason, ResultCode,
};
pub use call::{Fault, Request, Response};
pub use header::{DataRep, Header, PacketType, PfcFlags};
pub use trailer::{AuthLevel, AuthType, AuthVerifier, SecTrailer};

/// The body of a PDU, by type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// request.
    Request(Request),
    /// response.
    Response(Response),
    /// fault.
    Fault(Fault),
    /// bind.
    Bind(Bind),
    /// bind_ack.
    BindAck(BindAck),
    /// bind_nak.
    BindNak(BindNak),
    /// alter_context (bind layout).
    AlterContext(Bind),
    /// alter_context_resp (bind_ack layout).
    AlterContextResp(BindAck),
    /// rpc_auth_3: only the auth verifier matters.
    Auth3,
    /// shutdown.
    Shutdown,
    /// co_cancel.
    CoCancel,
    /// orphaned.
    Orphaned,
}

impl Body {
    /// The `PTYPE` of this body.
    pub fn ptype(&self) -> PacketType {
        match self {
            Body::Request(_) => PacketType::REQUEST,
            Body::Response(_) => PacketType::RESPONSE,
            Body::Fault(_) => PacketType::FAULT,
            Body::Bind(_) => PacketType::BIND,
            Body::BindAck(_) => PacketType::BIND_ACK,
            Body::BindNak(_) => PacketType::BIND_NAK,
            Body::AlterContext(_) => PacketType::ALTER_CONTEXT,
            Body::AlterContextResp(_) => PacketType::ALTER_CONTEXT_RESP,
            Body::Auth3 => PacketType::AUTH3,
            Body::Shutdown => PacketType::SHUTDOWN,
            Body::CoCancel => PacketType::CO_CANCEL,
            Body::Orphaned => PacketType::ORPHANED,
        }
    }
}

/// One PDU: header, body and optional auth verifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pdu {
    /// The common header (lengths are recomputed by [`Pdu::encode`]).
    pub header: Header,
    /// The body.
    pub body: Body,
    /// sec_trailer + auth_value, when `auth_length` is non-zero.
    pub auth: Option<AuthVerifier>,
}

/// Smallest `frag_length` for each PDU type (common header plus the fixed body part).
pub fn min_frag_length(ptype: PacketType) -> usize {
    Header::LEN
        + match ptype {
            PacketType::REQUEST | PacketType::RESPONSE => 8,
            PacketType::FAULT => 12,
            PacketType::BIND | PacketType::ALTER_CONTEXT => 12,
            PacketType::BIND_ACK | PacketType::ALTER_CONTEXT_RESP => 10,
            PacketType::BIND_NAK => 2,
            _ => 0,
        }
}

/// Where the parts of one encoded PDU are.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    pub header: Header,
    /// End of the body (start of the auth padding, or `frag_length` without a trailer).
    pub body_end: usize,
    /// Offset of the sec_trailer and the trailer itself.
    pub trailer: Option<(usize, SecTrailer)>,
}

/// Splits one complete PDU into header, body range and trailer, checking every length.
pub(crate) fn layout(frame: &[u8]) -> Result<Layout, Error> {
    let header = Header::decode(frame)?;
    let frag = usize::from(header.frag_length);
    if frag < Header::LEN {
        return Err(Error::FragTooShort {
            frag_length: header.frag_length,
            min: Header::LEN,
        });
    }
    if frame.len() < frag {
        return Err(Error::Truncated("PDU shorter than its frag_length"));
    }
    if frame.len() > frag {
        return Err(Error::Malformed("bytes after frag_length"));
    }
    let min = min_frag_length(header.ptype);
    if frag < min {
        return Err(Error::FragTooShort {
            frag_length: header.frag_length,
            min,
        });
    }
    if header.auth_length == 0 {
        return Ok(Layout {
            header,
            body_end: frag,
            trailer: None,
        });
    }
    let auth_len = usize::from(header.auth_length);
    let trailer_start = frag
        .checked_sub(auth_len + SecTrailer::LEN)
        .filter(|&s| s >= Header::LEN)
        .ok_or(Error::Malformed("auth_length exceeds the PDU"))?;
    let mut r = Reader::new(frame, trailer_start, header.endian());
    let trailer = SecTrailer::decode(&mut r)?;
    let available = trailer_start - Header::LEN;
    if usize::from(trailer.pad_length) > available {
        return Err(Error::AuthPadLength {
            pad: trailer.pad_length,
            available,
        });
    }
    let body_end = trailer_start - usize::from(trailer.pad_length);
    Ok(Layout {
        header,
        body_end,
        trailer: Some((trailer_start, trailer)),
    })
}

impl Pdu {
    /// A PDU with a little-endian header for `body`.
    pub fn new(call_id: u32, flags: PfcFlags, body: Body) -> Pdu {
        Pdu {
            header: Header::new(body.ptype(), flags, call_id),
            body,
            auth: None,
        }
    }

    /// Encodes the PDU; `frag_length` and `auth_length` are computed, `auth_pad_length` zero
    /// bytes are written before the trailer.
    pub fn encode(&self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::with_capacity(64);
        let mut h = self.header;
        h.ptype = self.body.ptype();
        h.drep = DataRep::NDR_LE;
        if let Body::Request(r) = &self.body
            && r.object.is_some()
        {
            h.flags |= PfcFlags::OBJECT_UUID;
        }
        h.encode_into(&mut out);
        match &self.body {
            Body::Request(r) => {
                r.encode_fixed(&mut out);
                out.extend_from_slice(&r.stub);
            }
            Body::Response(r) => {
                r.encode_fixed(&mut out);
                out.extend_from_slice(&r.stub);
            }
            Body::Fault(f) => {
                f.encode_fixed(&mut out);
                out.extend_from_slice(&f.stub);
            }
            Body::Bind(b) | Body::AlterContext(b) => b.encode_into(&mut out)?,
            Body::BindAck(b) | Body::AlterContextResp(b) => b.encode_into(&mut out)?,
            Body::BindNak(n) => n.encode_into(&mut out)?,
            Body::Auth3 => out.put_u32(0),
            Body::Shutdown | Body::CoCancel | Body::Orphaned => {}
        }
        let mut auth_length = 0u16;
        if let Some(av) = &self.auth {
            out.resize(out.len() + usize::from(av.trailer.pad_length), 0);
            av.trailer.encode_into(&mut out);
            out.extend_from_slice(&av.value);
            auth_length = u16::try_from(av.value.len())
                .map_err(|_| Error::Usage("auth_value longer than 65535 bytes"))?;
        }
        let frag_length =
            u16::try_from(out.len()).map_err(|_| Error::Usage("PDU longer than 65535 bytes"))?;
        Header::patch_lengths(&mut out, frag_length, auth_length);
        Ok(out)
    }

    /// Decodes exactly one PDU (`frame.len()` must equal `frag_length`).
    pub fn decode(frame: &[u8]) -> Result<Pdu, Error> {
        let lay = layout(frame)?;
        let header = lay.header;
        let end = lay.body_end;
        let mut r = Reader::new(&frame[..end], Header::LEN, header.endian());
        let body = match header.ptype {
            PacketType::REQUEST => {
                require_ndr_le(&header)?;
                Body::Request(Request::decode(
                    &mut r,
                    header.flags.contains(PfcFlags::OBJECT_UUID),
                    end,
                )?)
            }
            PacketType::RESPONSE => {
                require_ndr_le(&header)?;
                Body::Response(Response::decode(&mut r, end)?)
            }
            PacketType::FAULT => Body::Fault(Fault::decode(&mut r, end)?),
            PacketType::BIND => Body::Bind(no_trailing(Bind::decode(&mut r)?, &r, "bind")?),
            PacketType::ALTER_CONTEXT => {
                Body::AlterContext(no_trailing(Bind::decode(&mut r)?, &r, "alter_context")?)
            }
            PacketType::BIND_ACK => {
                Body::BindAck(no_trailing(BindAck::decode(&mut r)?, &r, "bind_ack")?)
            }
            PacketType::ALTER_CONTEXT_RESP => Body::AlterContextResp(no_trailing(
                BindAck::decode(&mut r)?,
                &r,
                "alter_context_resp",
            )?),
            PacketType::BIND_NAK => Body::BindNak(BindNak::decode(&mut r)?),
            PacketType::AUTH3 => Body::Auth3,
            PacketType::SHUTDOWN => Body::Shutdown,
            PacketType::CO_CANCEL => Body::CoCancel,
            PacketType::ORPHANED => Body::Orphaned,
            other => {
                return Err(Error::UnexpectedPdu {
                    ptype: other.0,
                    state: "decoding",
                });
            }
        };
        let auth = lay.trailer.map(|(start, trailer)| AuthVerifier {
            trailer,
            value: frame[start + SecTrailer::LEN..].to_vec(),
        });
        Ok(Pdu { header, body, auth })
    }
}

/// Stub data is NDR: only the little-endian ASCII IEEE label is decodable.
pub(crate) fn require_ndr_le(h: &Header) -> Result<(), Error> {
    if h.drep.is_ndr_le() {
        Ok(())
    } else {
        Err(Error::UnsupportedDataRep(h.drep.0))
    }
}

fn no_trailing<T>(v: T, r: &Reader<'_>, _what: &'static str) -> Result<T, Error> {
    if r.remaining() != 0 {
        return Err(Error::Malformed(
            "trailing bytes after a bind-type PDU body",
        ));
    }
    Ok(v)
}
