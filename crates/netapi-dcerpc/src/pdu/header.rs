//! The common header of every connection-oriented PDU (\[C706\] 12.6.1, 12.6.3.1).
//!
//! Sixteen bytes: version 5.0/5.1, `PTYPE`, `pfc_flags`, the data representation label, then
//! `frag_length`, `auth_length` and `call_id` in the byte order that label announces.
//! [MS-RPCE] 2.2.2.3 reuses flag 0x04 as `PFC_SUPPORT_HEADER_SIGN` on bind-type PDUs.

use crate::codec::{Endian, Put, Reader};
use crate::error::Error;
use std::fmt;

wire_values! {
    /// `PTYPE` (\[C706\] 12.6.4; [MS-RPCE] 2.2.2.10 adds `rpc_auth_3`). Types 1 and 4-10 belong to
    /// the connectionless protocol and never appear here.
    pub struct PacketType(u8) {
        /// Call request.
        REQUEST = 0;
        /// Connectionless ping.
        PING = 1;
        /// Call response.
        RESPONSE = 2;
        /// Call failed.
        FAULT = 3;
        /// Connectionless working.
        WORKING = 4;
        /// Connectionless nocall.
        NOCALL = 5;
        /// Connectionless reject.
        REJECT = 6;
        /// Connectionless ack.
        ACK = 7;
        /// Connectionless cancel.
        CL_CANCEL = 8;
        /// Connectionless fack.
        FACK = 9;
        /// Connectionless cancel ack.
        CANCEL_ACK = 10;
        /// Association request.
        BIND = 11;
        /// Association accepted.
        BIND_ACK = 12;
        /// Association refused.
        BIND_NAK = 13;
        /// New presentation contexts or authentication leg on an association.
        ALTER_CONTEXT = 14;
        /// Answer to alter_context.
        ALTER_CONTEXT_RESP = 15;
        /// Third authentication leg, no answer ([MS-RPCE] 2.2.2.10).
        AUTH3 = 16;
        /// Server asks the client to end the association.
        SHUTDOWN = 17;
        /// Cancel of a call in progress.
        CO_CANCEL = 18;
        /// Client abandons a call in progress.
        ORPHANED = 19;
    }
}

/// `pfc_flags` (\[C706\] 12.6.3.1, [MS-RPCE] 2.2.2.3): a bit set.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PfcFlags(pub u8);

impl PfcFlags {
    /// First fragment of a request or response.
    pub const FIRST_FRAG: PfcFlags = PfcFlags(0x01);
    /// Last fragment.
    pub const LAST_FRAG: PfcFlags = PfcFlags(0x02);
    /// Cancel was pending at the sender (request/response types).
    pub const PENDING_CANCEL: PfcFlags = PfcFlags(0x04);
    /// Header signing supported ([MS-RPCE] 2.2.2.3; bind, bind_ack, alter_context(_resp), auth3).
    pub const SUPPORT_HEADER_SIGN: PfcFlags = PfcFlags(0x04);
    /// Reserved.
    pub const RESERVED_1: PfcFlags = PfcFlags(0x08);
    /// Concurrent multiplexing supported.
    pub const CONC_MPX: PfcFlags = PfcFlags(0x10);
    /// On a fault: the call did not execute.
    pub const DID_NOT_EXECUTE: PfcFlags = PfcFlags(0x20);
    /// `maybe` call semantics.
    pub const MAYBE: PfcFlags = PfcFlags(0x40);
    /// A request carries an object UUID.
    pub const OBJECT_UUID: PfcFlags = PfcFlags(0x80);

    /// True when every bit of `other` is set.
    pub fn contains(self, other: PfcFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for PfcFlags {
    type Output = PfcFlags;
    fn bitor(self, rhs: PfcFlags) -> PfcFlags {
        PfcFlags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for PfcFlags {
    fn bitor_assign(&mut self, rhs: PfcFlags) {
        self.0 |= rhs.0;
    }
}

impl fmt::Debug for PfcFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAMES: [&str; 8] = [
            "FIRST_FRAG",
            "LAST_FRAG",
            "PENDING_CANCEL|SUPPORT_HEADER_SIGN",
            "RESERVED_1",
            "CONC_MPX",
            "DID_NOT_EXECUTE",
            "MAYBE",
            "OBJECT_UUID",
        ];
        let mut first = true;
        for (bit, name) in NAMES.iter().enumerate() {
            if self.0 & (1 << bit) != 0 {
                if !first {
                    f.write_str("|")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        if first {
            f.write_str("(none)")?;
        }
        Ok(())
    }
}

/// The data representation label (`packed_drep`, \[C706\] chapter 14): integer and character formats
/// in byte 0, floating-point format in byte 1.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataRep(pub [u8; 4]);

impl DataRep {
    /// Little-endian integers, ASCII characters, IEEE floats: what we send and what our NDR reads.
    pub const NDR_LE: DataRep = DataRep([0x10, 0, 0, 0]);

    /// The integer byte order, or an error for a format \[C706\] does not define.
    pub fn endian(self) -> Result<Endian, Error> {
        match self.0[0] >> 4 {
            0 => Ok(Endian::Big),
            1 => Ok(Endian::Little),
            _ => Err(Error::UnsupportedDataRep(self.0)),
        }
    }

    /// True for little-endian integers, ASCII characters and IEEE floats.
    pub fn is_ndr_le(self) -> bool {
        self.0[0] == 0x10 && self.0[1] == 0
    }
}

impl fmt::Debug for DataRep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "DataRep({:02x} {:02x} {:02x} {:02x})",
            self.0[0], self.0[1], self.0[2], self.0[3]
        )
    }
}

/// The common header (\[C706\] 12.6.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// `rpc_vers_minor`: 0 or 1 (we send 0).
    pub rpc_vers_minor: u8,
    /// `PTYPE`.
    pub ptype: PacketType,
    /// `pfc_flags`.
    pub flags: PfcFlags,
    /// Data representation of this PDU's header fields and stub.
    pub drep: DataRep,
    /// Length of the whole PDU, header included.
    pub frag_length: u16,
    /// Length of the auth_value after the sec_trailer (0 without one).
    pub auth_length: u16,
    /// Call identifier.
    pub call_id: u32,
}

impl Header {
    /// Encoded size.
    pub const LEN: usize = 16;

    /// A little-endian header with lengths to be filled in by the encoder.
    pub fn new(ptype: PacketType, flags: PfcFlags, call_id: u32) -> Header {
        Header {
            rpc_vers_minor: 0,
            ptype,
            flags,
            drep: DataRep::NDR_LE,
            frag_length: 0,
            auth_length: 0,
            call_id,
        }
    }

    /// Decodes the first 16 bytes of `buf`, honouring the data representation label.
    pub fn decode(buf: &[u8]) -> Result<Header, Error> {
        if buf.len() < Header::LEN {
            return Err(Error::Truncated("common header"));
        }
        let (major, minor) = (buf[0], buf[1]);
        if major != 5 || minor > 1 {
            return Err(Error::UnsupportedVersion { major, minor });
        }
        let drep = DataRep([buf[4], buf[5], buf[6], buf[7]]);
        let mut r = Reader::new(&buf[..Header::LEN], 8, drep.endian()?);
        Ok(Header {
            rpc_vers_minor: minor,
            ptype: PacketType(buf[2]),
            flags: PfcFlags(buf[3]),
            drep,
            frag_length: r.u16("common header")?,
            auth_length: r.u16("common header")?,
            call_id: r.u32("common header")?,
        })
    }

    /// The byte order of this PDU's fields (the label was checked by [`Header::decode`]).
    pub fn endian(&self) -> Endian {
        self.drep.endian().unwrap_or(Endian::Little)
    }

    /// Appends the header; `frag_length`/`auth_length` as stored (the encoder fills them in).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[5, self.rpc_vers_minor, self.ptype.0, self.flags.0]);
        out.extend_from_slice(&self.drep.0);
        out.put_u16(self.frag_length);
        out.put_u16(self.auth_length);
        out.put_u32(self.call_id);
    }

    /// Writes `frag_length` and `auth_length` into an encoded little-endian PDU.
    pub(crate) fn patch_lengths(pdu: &mut [u8], frag_length: u16, auth_length: u16) {
        pdu[8..10].copy_from_slice(&frag_length.to_le_bytes());
        pdu[10..12].copy_from_slice(&auth_length.to_le_bytes());
    }
}
