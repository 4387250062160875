//! The DCE/RPC error type: malformed or unexpected PDUs, refused binds, faults and security
//! failures. Codes stay raw `u32`/`u16` as received; `netapi-codes` gives them names.

use std::fmt;

/// Why the association (or a PDU decode) failed. Errors returned by
/// [`Association::handle_input`](crate::Association::handle_input) are fatal for the association.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A PDU or one of its structures ends before its fixed fields do.
    Truncated(&'static str),
    /// A PDU's contents are inconsistent (the text says which rule was broken).
    Malformed(&'static str),
    /// `rpc_vers`.`rpc_vers_minor` is not 5.0 or 5.1.
    UnsupportedVersion {
        /// `rpc_vers` as received.
        major: u8,
        /// `rpc_vers_minor` as received.
        minor: u8,
    },
    /// The data representation label is not one we can decode: an unknown integer format in
    /// any PDU, or a big-endian, EBCDIC or non-IEEE label on a PDU carrying stub data (our NDR
    /// is little-endian ASCII IEEE only).
    UnsupportedDataRep([u8; 4]),
    /// A PDU type that is not valid in the association's current state.
    UnexpectedPdu {
        /// `PTYPE` as received.
        ptype: u8,
        /// The state we were in.
        state: &'static str,
    },
    /// `frag_length` is below the minimum for the header or the PDU type.
    FragTooShort {
        /// `frag_length` as received.
        frag_length: u16,
        /// The smallest valid value.
        min: usize,
    },
    /// `frag_length` exceeds the `max_recv_frag` we offered.
    FragTooLong {
        /// `frag_length` as received.
        frag_length: u16,
        /// Our `max_recv_frag`.
        max: u16,
    },
    /// The negotiated `max_xmit_frag` leaves no room for stub data.
    FragSizeTooSmall {
        /// The negotiated transmit fragment size.
        max_xmit_frag: u16,
        /// The smallest size a request fragment needs here.
        needed: usize,
    },
    /// A reply carries a `call_id` other than the outstanding call's.
    WrongCallId {
        /// The outstanding call.
        expected: u32,
        /// What the peer sent.
        got: u32,
    },
    /// The first response fragment of a call lacks `PFC_FIRST_FRAG`.
    MissingFirstFrag {
        /// The call.
        call_id: u32,
    },
    /// A response's `p_cont_id` is not the presentation context of the request.
    WrongContext {
        /// The request's context.
        expected: u16,
        /// What the peer sent.
        got: u16,
    },
    /// `alloc_hint` announces more stub data than we accept.
    AllocHintTooLarge {
        /// `alloc_hint` as received.
        alloc_hint: u32,
        /// Our limit ([`AssocConfig::max_response_size`](crate::AssocConfig::max_response_size)).
        max: usize,
    },
    /// The reassembled response exceeds the size limit.
    ResponseTooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// The response arrives in more fragments than the limit allows.
    TooManyFragments {
        /// The limit.
        max: usize,
    },
    /// The server refused the association with bind_nak (\[C706\] 12.6.4.5,
    /// `provider_reject_reason`; [MS-RPCE] 2.2.2 adds reasons 8 and 9).
    BindNak {
        /// The reject reason as received.
        reason: u16,
    },
    /// A presentation context (interface) was not accepted.
    ContextRejected {
        /// Our presentation context id.
        context_id: u16,
        /// `result` (\[C706\] 12.6.3.1: 1 user rejection, 2 provider rejection).
        result: u16,
        /// `reason` (1 abstract syntax not supported, 2 transfer syntaxes not supported, ...).
        reason: u16,
    },
    /// The server answered with a fault PDU (`status` as received, e.g. 0x1c010002
    /// nca_s_op_rng_error or 5 access denied).
    Fault {
        /// The call that failed (0 for an association-level fault).
        call_id: u32,
        /// The fault status.
        status: u32,
    },
    /// A call completed, but the status it returned reports failure (used by small built-in
    /// clients such as the endpoint mapper).
    CallFailed {
        /// The operation, e.g. "ept_map".
        op: &'static str,
        /// The status as returned.
        status: u32,
    },
    /// The auth trailer is missing, inconsistent with the negotiated one, or unusable.
    AuthTrailer(&'static str),
    /// `auth_pad_length` claims more padding than there is stub data.
    AuthPadLength {
        /// `auth_pad_length` as received.
        pad: u8,
        /// Bytes available between the PDU body header and the sec_trailer.
        available: usize,
    },
    /// The security context failed (token rejected, signature does not verify, ...).
    Auth(netapi_auth::AuthError),
    /// The caller used the association in the wrong state or with unusable input; nothing was
    /// sent.
    Usage(&'static str),
    /// The association failed earlier or the peer shut it down.
    Closed,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Truncated(what) => write!(f, "truncated {what}"),
            Error::Malformed(what) => write!(f, "malformed PDU: {what}"),
            Error::UnsupportedVersion { major, minor } => {
                write!(f, "unsupported RPC protocol version {major}.{minor}")
            }
            Error::UnsupportedDataRep(d) => write!(
                f,
                "unsupported data representation {:02x} {:02x} {:02x} {:02x}",
                d[0], d[1], d[2], d[3]
            ),
            Error::UnexpectedPdu { ptype, state } => {
                write!(f, "unexpected PDU type {ptype} while {state}")
            }
            Error::FragTooShort { frag_length, min } => {
                write!(f, "frag_length {frag_length} is below the minimum of {min}")
            }
            Error::FragTooLong { frag_length, max } => {
                write!(f, "frag_length {frag_length} exceeds max_recv_frag {max}")
            }
            Error::FragSizeTooSmall {
                max_xmit_frag,
                needed,
            } => write!(
                f,
                "negotiated max_xmit_frag {max_xmit_frag} is too small (need at least {needed})"
            ),
            Error::WrongCallId { expected, got } => {
                write!(f, "reply for call_id {got}, expected {expected}")
            }
            Error::MissingFirstFrag { call_id } => {
                write!(
                    f,
                    "first response fragment of call {call_id} lacks PFC_FIRST_FRAG"
                )
            }
            Error::WrongContext { expected, got } => {
                write!(
                    f,
                    "response on presentation context {got}, expected {expected}"
                )
            }
            Error::AllocHintTooLarge { alloc_hint, max } => {
                write!(
                    f,
                    "alloc_hint {alloc_hint} exceeds the response limit of {max} bytes"
                )
            }
            Error::ResponseTooLarge { max } => {
                write!(f, "response exceeds the limit of {max} bytes")
            }
            Error::TooManyFragments { max } => {
                write!(f, "response exceeds the limit of {max} fragments")
            }
            Error::BindNak { reason } => write!(f, "bind rejected (bind_nak reason {reason})"),
            Error::ContextRejected {
                context_id,
                result,
                reason,
            } => write!(
                f,
                "presentation context {context_id} rejected (result {result}, reason {reason})"
            ),
            Error::Fault { call_id, status } => {
                write!(f, "fault 0x{status:08x} for call {call_id}")
            }
            Error::CallFailed { op, status } => write!(f, "{op} returned status 0x{status:08x}"),
            Error::AuthTrailer(what) => write!(f, "auth trailer: {what}"),
            Error::AuthPadLength { pad, available } => {
                write!(
                    f,
                    "auth_pad_length {pad} exceeds the {available} stub bytes"
                )
            }
            Error::Auth(e) => write!(f, "security context: {e}"),
            Error::Usage(what) => write!(f, "{what}"),
            Error::Closed => f.write_str("association closed"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Auth(e) => Some(e),
            _ => None,
        }
    }
}

impl From<netapi_auth::AuthError> for Error {
    fn from(e: netapi_auth::AuthError) -> Self {
        Error::Auth(e)
    }
}
