//! bind, bind_ack, bind_nak, alter_context and alter_context_resp bodies (\[C706\] 12.6.4.3-5,
//! 12.6.4.1-2; [MS-RPCE] 2.2.2 for the extra bind_nak reasons and 3.3.1.5.3 for the
//! `negotiate_ack` result).
//!
//! alter_context has the layout of bind, alter_context_resp that of bind_ack. The optional
//! [MS-RPCE] bind_nak extension (signature and extended error) is kept as raw bytes.

use crate::codec::{Put, Reader};
use crate::error::Error;
use crate::uuid::SyntaxId;

/// `p_cont_elem_t`: one presentation context offered in a bind or alter_context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextElement {
    /// Presentation context id, chosen by the client.
    pub context_id: u16,
    /// The interface.
    pub abstract_syntax: SyntaxId,
    /// Transfer syntaxes offered, in order of preference (1..=255).
    pub transfer_syntaxes: Vec<SyntaxId>,
}

/// bind and alter_context body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bind {
    /// Largest fragment the client will send.
    pub max_xmit_frag: u16,
    /// Largest fragment the client accepts.
    pub max_recv_frag: u16,
    /// Association group to join (0: a new one).
    pub assoc_group_id: u32,
    /// Presentation contexts (at most 255).
    pub contexts: Vec<ContextElement>,
}

impl Bind {
    pub(crate) fn encode_into(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        out.put_u16(self.max_xmit_frag);
        out.put_u16(self.max_recv_frag);
        out.put_u32(self.assoc_group_id);
        let n = u8::try_from(self.contexts.len())
            .map_err(|_| Error::Usage("more than 255 presentation contexts"))?;
        out.extend_from_slice(&[n, 0, 0, 0]);
        for c in &self.contexts {
            let t = u8::try_from(c.transfer_syntaxes.len())
                .ok()
                .filter(|&t| t > 0)
                .ok_or(Error::Usage(
                    "a presentation context needs 1..=255 transfer syntaxes",
                ))?;
            out.put_u16(c.context_id);
            out.extend_from_slice(&[t, 0]);
            out.put_syntax(&c.abstract_syntax);
            for ts in &c.transfer_syntaxes {
                out.put_syntax(ts);
            }
        }
        Ok(())
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Bind, Error> {
        const W: &str = "bind";
        let max_xmit_frag = r.u16(W)?;
        let max_recv_frag = r.u16(W)?;
        let assoc_group_id = r.u32(W)?;
        let n = r.u8(W)?;
        r.take(3, W)?;
        // Each element is at least 44 bytes: a peer-chosen count is checked against what is left.
        if usize::from(n) * 44 > r.remaining() {
            return Err(Error::Truncated("bind context list"));
        }
        let mut contexts = Vec::with_capacity(usize::from(n));
        for _ in 0..n {
            let context_id = r.u16(W)?;
            let t = r.u8(W)?;
            if t == 0 {
                // As the encoder refuses: a context offers 1..=255 transfer syntaxes.
                return Err(Error::Malformed(
                    "bind presentation context without transfer syntaxes",
                ));
            }
            r.u8(W)?;
            let abstract_syntax = r.syntax("bind abstract syntax")?;
            let mut transfer_syntaxes = Vec::with_capacity(usize::from(t));
            for _ in 0..t {
                transfer_syntaxes.push(r.syntax("bind transfer syntax")?);
            }
            contexts.push(ContextElement {
                context_id,
                abstract_syntax,
                transfer_syntaxes,
            });
        }
        Ok(Bind {
            max_xmit_frag,
            max_recv_frag,
            assoc_group_id,
            contexts,
        })
    }
}

wire_values! {
    /// `p_cont_def_result_t` (\[C706\] 12.6.3.1; [MS-RPCE] 3.3.1.5.3 adds `NEGOTIATE_ACK`).
    pub struct ResultCode(u16) {
        /// The context is accepted.
        ACCEPTANCE = 0;
        /// Rejected by the server application.
        USER_REJECTION = 1;
        /// Rejected by the RPC runtime.
        PROVIDER_REJECTION = 2;
        /// Answer to a bind time feature negotiation context; `reason` holds the bitmask.
        NEGOTIATE_ACK = 3;
    }
}

wire_values! {
    /// `p_provider_reason_t` (\[C706\] 12.6.3.1): why a context was rejected.
    pub struct ProviderReason(u16) {
        /// No reason given.
        REASON_NOT_SPECIFIED = 0;
        /// Interface not supported.
        ABSTRACT_SYNTAX_NOT_SUPPORTED = 1;
        /// None of the transfer syntaxes is supported.
        PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED = 2;
        /// Too many contexts.
        LOCAL_LIMIT_EXCEEDED = 3;
    }
}

/// `p_result_t`: the answer for one offered presentation context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextResult {
    /// Accepted, rejected or negotiate_ack.
    pub result: ResultCode,
    /// Rejection reason ([`ProviderReason`]) or, for `NEGOTIATE_ACK`, the acknowledged
    /// feature bitmask.
    pub reason: u16,
    /// The transfer syntax chosen (nil when rejected).
    pub transfer_syntax: SyntaxId,
}

/// bind_ack and alter_context_resp body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindAck {
    /// Largest fragment the server will send.
    pub max_xmit_frag: u16,
    /// Largest fragment the server accepts.
    pub max_recv_frag: u16,
    /// The association group.
    pub assoc_group_id: u32,
    /// `sec_addr.port_spec` including its terminating NUL (e.g. `\PIPE\srvsvc\0` or `49154\0`),
    /// empty in an alter_context_resp.
    pub secondary_address: Vec<u8>,
    /// One result per offered context, in offer order.
    pub results: Vec<ContextResult>,
}

impl BindAck {
    pub(crate) fn encode_into(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        out.put_u16(self.max_xmit_frag);
        out.put_u16(self.max_recv_frag);
        out.put_u32(self.assoc_group_id);
        let len = u16::try_from(self.secondary_address.len())
            .map_err(|_| Error::Usage("secondary address too long"))?;
        out.put_u16(len);
        out.extend_from_slice(&self.secondary_address);
        out.pad_to(4);
        let n = u8::try_from(self.results.len())
            .map_err(|_| Error::Usage("more than 255 context results"))?;
        out.extend_from_slice(&[n, 0, 0, 0]);
        for res in &self.results {
            out.put_u16(res.result.0);
            out.put_u16(res.reason);
            out.put_syntax(&res.transfer_syntax);
        }
        Ok(())
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<BindAck, Error> {
        const W: &str = "bind_ack";
        let max_xmit_frag = r.u16(W)?;
        let max_recv_frag = r.u16(W)?;
        let assoc_group_id = r.u32(W)?;
        let len = r.u16("bind_ack secondary address")?;
        let secondary_address = r
            .take(usize::from(len), "bind_ack secondary address")?
            .to_vec();
        r.align(4, "bind_ack secondary address padding")?;
        let n = r.u8(W)?;
        r.take(3, W)?;
        if usize::from(n) * 24 > r.remaining() {
            return Err(Error::Truncated("bind_ack result list"));
        }
        let mut results = Vec::with_capacity(usize::from(n));
        for _ in 0..n {
            results.push(ContextResult {
                result: ResultCode(r.u16(W)?),
                reason: r.u16(W)?,
                transfer_syntax: r.syntax("bind_ack transfer syntax")?,
            });
        }
        Ok(BindAck {
            max_xmit_frag,
            max_recv_frag,
            assoc_group_id,
            secondary_address,
            results,
        })
    }
}

wire_values! {
    /// `provider_reject_reason` of a bind_nak (\[C706\] 12.6.3.1; 8 and 9 from [MS-RPCE] 2.2.2).
    pub struct RejectReason(u16) {
        /// No reason given.
        REASON_NOT_SPECIFIED = 0;
        /// Server too busy.
        TEMPORARY_CONGESTION = 1;
        /// Resource limit reached.
        LOCAL_LIMIT_EXCEEDED = 2;
        /// Unknown address.
        CALLED_PADDR_UNKNOWN = 3;
        /// RPC protocol version not supported.
        PROTOCOL_VERSION_NOT_SUPPORTED = 4;
        /// Default context not supported.
        DEFAULT_CONTEXT_NOT_SUPPORTED = 5;
        /// User data not readable.
        USER_DATA_NOT_READABLE = 6;
        /// No presentation service access point.
        NO_PSAP_AVAILABLE = 7;
        /// The auth_type is not recognised.
        AUTHENTICATION_TYPE_NOT_RECOGNIZED = 8;
        /// The security token is invalid.
        INVALID_CHECKSUM = 9;
    }
}

/// bind_nak body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindNak {
    /// Why the bind was refused.
    pub reason: RejectReason,
    /// Protocol versions the server supports (major, minor).
    pub versions: Vec<(u8, u8)>,
    /// Anything after the version list ([MS-RPCE] signature + extended error), unparsed.
    pub extension: Vec<u8>,
}

impl BindNak {
    pub(crate) fn encode_into(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        out.put_u16(self.reason.0);
        let n = u8::try_from(self.versions.len())
            .map_err(|_| Error::Usage("more than 255 protocol versions"))?;
        out.put_u8(n);
        for &(major, minor) in &self.versions {
            out.extend_from_slice(&[major, minor]);
        }
        out.extend_from_slice(&self.extension);
        Ok(())
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<BindNak, Error> {
        let reason = RejectReason(r.u16("bind_nak")?);
        // Some servers end the PDU right after the reason.
        let n = if r.remaining() == 0 {
            0
        } else {
            r.u8("bind_nak")?
        };
        let mut versions = Vec::with_capacity(usize::from(n));
        for _ in 0..n {
            let v = r.array::<2>("bind_nak protocol versions")?;
            versions.push((v[0], v[1]));
        }
        let extension = r.take(r.remaining(), "bind_nak")?.to_vec();
        Ok(BindNak {
            reason,
            versions,
            extension,
        })
    }
}
