//! DCE/RPC connection-oriented protocol for netapi: PDUs and a sans-IO client association.
//!
//! Written from \[C706\] chapter 12 (connection-oriented RPC) and [MS-RPCE] 2.2.2 / 3.3 (Windows
//! extensions: rpc_auth_3, header signing, bind time feature negotiation, auth padding).
//! Start at [`Association`]: `bind` → `poll_transmit` → `handle_input` → `poll_event`, then
//! `request` per call. [`pdu`] holds the wire types, [`fragment`] the size rules and
//! [`auth`] the handshake legs and per-PDU protection through `netapi_auth::SecurityContext`.
//!
//! Pure: no sockets, clock or threads. Left out: the connectionless protocol, NDR64, cancel and
//! orphan handling beyond the PDU codecs, security context multiplexing, the verification
//! trailer, several calls in flight at once.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[macro_use]
mod macros;

pub mod association;
pub mod auth;
mod codec;
mod error;
pub mod fragment;
pub mod pdu;
pub mod uuid;

#[cfg(test)]
mod tests;

pub use association::{
    AssocConfig, Association, BindTimeFeatures, Direction, Event, Negotiated, PresentationContext,
    StubHook, StubRecord, Transmit,
};
pub use auth::{AuthConfig, auth_type_of};
pub use codec::Endian;
pub use error::Error;
pub use fragment::Stub;
pub use pdu::{AuthLevel, AuthType};
pub use uuid::{NDR20, NDR64, SyntaxId, Uuid};
