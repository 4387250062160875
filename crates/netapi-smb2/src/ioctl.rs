//! IOCTL with the two FSCTLs a pipe client uses ([MS-SMB2] 2.2.31, 2.2.32):
//! `FSCTL_PIPE_TRANSCEIVE` ([MS-FSCC] 2.3.30; write a message, read the reply in one round
//! trip) and `FSCTL_VALIDATE_NEGOTIATE_INFO` ([MS-SMB2] 2.2.31.4, 2.2.32.6; the 3.0/3.0.2
//! protection against a downgraded NEGOTIATE).

use crate::create::FileId;
use crate::error::Result;
use crate::negotiate::Dialect;
use crate::wire::{HDR, Put, Reader, field};

/// `FSCTL_PIPE_TRANSCEIVE` ([MS-FSCC] 2.3.30).
pub const FSCTL_PIPE_TRANSCEIVE: u32 = 0x0011_C017;
/// `FSCTL_VALIDATE_NEGOTIATE_INFO` ([MS-SMB2] 2.2.31).
pub const FSCTL_VALIDATE_NEGOTIATE_INFO: u32 = 0x0014_0204;
/// `SMB2_0_IOCTL_IS_FSCTL`.
pub const IOCTL_IS_FSCTL: u32 = 0x0000_0001;

/// SMB2 IOCTL request ([MS-SMB2] 2.2.31).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoctlRequest {
    /// `CtlCode`.
    pub ctl_code: u32,
    /// The open ([`FileId::NONE`] for VALIDATE_NEGOTIATE_INFO).
    pub file_id: FileId,
    /// Input buffer.
    pub input: Vec<u8>,
    /// `MaxOutputResponse`.
    pub max_output: u32,
}

impl IoctlRequest {
    /// Encode the body.
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(56 + self.input.len());
        b.put_u16(57);
        b.put_u16(0);
        b.put_u32(self.ctl_code);
        b.extend_from_slice(&self.file_id.0);
        b.put_u32(if self.input.is_empty() {
            0
        } else {
            (HDR + 56) as u32
        });
        b.put_u32(self.input.len() as u32);
        b.put_u32(0); // MaxInputResponse
        b.put_u32(0); // OutputOffset
        b.put_u32(0); // OutputCount
        b.put_u32(self.max_output);
        b.put_u32(IOCTL_IS_FSCTL);
        b.put_u32(0);
        b.extend_from_slice(&self.input);
        b
    }

    /// Parse a request (test peers).
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "IOCTL request");
        r.structure_size(57)?;
        r.skip(2)?;
        let ctl_code = r.u32()?;
        let file_id = FileId(r.array()?);
        let in_off = r.u32()? as usize;
        let in_len = r.u32()? as usize;
        r.skip(12)?;
        let max_output = r.u32()?;
        let input = field(msg, in_off, in_len, "IOCTL input")?.to_vec();
        Ok(IoctlRequest {
            ctl_code,
            file_id,
            input,
            max_output,
        })
    }
}

/// SMB2 IOCTL response ([MS-SMB2] 2.2.32).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoctlResponse {
    /// `CtlCode`.
    pub ctl_code: u32,
    /// `FileId`.
    pub file_id: FileId,
    /// Output buffer.
    pub output: Vec<u8>,
}

impl IoctlResponse {
    /// Parse the body of `msg`.
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "IOCTL response");
        r.structure_size(49)?;
        r.skip(2)?;
        let ctl_code = r.u32()?;
        let file_id = FileId(r.array()?);
        r.skip(8)?; // input offset/count: pipes and VALIDATE echo no input
        let out_off = r.u32()? as usize;
        let out_len = r.u32()? as usize;
        r.skip(8)?;
        let output = field(msg, out_off, out_len, "IOCTL output")?.to_vec();
        Ok(IoctlResponse {
            ctl_code,
            file_id,
            output,
        })
    }

    /// Encode the body (test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(48 + self.output.len());
        b.put_u16(49);
        b.put_u16(0);
        b.put_u32(self.ctl_code);
        b.extend_from_slice(&self.file_id.0);
        b.put_u32((HDR + 48) as u32);
        b.put_u32(0);
        b.put_u32((HDR + 48) as u32);
        b.put_u32(self.output.len() as u32);
        b.put_u32(0);
        b.put_u32(0);
        b.extend_from_slice(&self.output);
        b
    }
}

/// VALIDATE_NEGOTIATE_INFO request input ([MS-SMB2] 2.2.31.4): what we sent in NEGOTIATE.
pub fn validate_negotiate_input(
    capabilities: u32,
    client_guid: &[u8; 16],
    security_mode: u16,
    dialects: &[Dialect],
) -> Vec<u8> {
    let mut b = Vec::with_capacity(24 + 2 * dialects.len());
    b.put_u32(capabilities);
    b.extend_from_slice(client_guid);
    b.put_u16(security_mode);
    b.put_u16(dialects.len() as u16);
    dialects.iter().for_each(|d| b.put_u16(d.0));
    b
}

/// VALIDATE_NEGOTIATE_INFO response ([MS-SMB2] 2.2.32.6): what the server says it answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidateNegotiateInfo {
    /// Server capabilities.
    pub capabilities: u32,
    /// Server GUID.
    pub guid: [u8; 16],
    /// Server security mode.
    pub security_mode: u16,
    /// Dialect.
    pub dialect: Dialect,
}

impl ValidateNegotiateInfo {
    /// Parse the IOCTL output.
    pub fn parse(out: &[u8]) -> Result<Self> {
        let mut r = Reader::new(out, "VALIDATE_NEGOTIATE_INFO response");
        Ok(ValidateNegotiateInfo {
            capabilities: r.u32()?,
            guid: r.array()?,
            security_mode: r.u16()?,
            dialect: Dialect(r.u16()?),
        })
    }

    /// Encode (test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(24);
        b.put_u32(self.capabilities);
        b.extend_from_slice(&self.guid);
        b.put_u16(self.security_mode);
        b.put_u16(self.dialect.0);
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_header(body: &[u8]) -> Vec<u8> {
        let mut m = vec![0u8; HDR];
        m.extend_from_slice(body);
        m
    }

    #[test]
    fn transceive_round_trips() {
        let req = IoctlRequest {
            ctl_code: FSCTL_PIPE_TRANSCEIVE,
            file_id: FileId([1; 16]),
            input: vec![5, 0, 11, 3],
            max_output: 4280,
        };
        assert_eq!(
            IoctlRequest::parse(&with_header(&req.encode())).unwrap(),
            req
        );
        let resp = IoctlResponse {
            ctl_code: FSCTL_PIPE_TRANSCEIVE,
            file_id: FileId([1; 16]),
            output: vec![9; 100],
        };
        let m = with_header(&resp.encode());
        assert_eq!(IoctlResponse::parse(&m).unwrap(), resp);
        for n in 0..m.len() {
            assert!(IoctlResponse::parse(&m[..n]).is_err(), "prefix {n}");
        }
    }

    #[test]
    fn validate_negotiate_info_round_trips() {
        let v = ValidateNegotiateInfo {
            capabilities: 0x2f,
            guid: [4; 16],
            security_mode: 1,
            dialect: Dialect::SMB3_0_2,
        };
        assert_eq!(ValidateNegotiateInfo::parse(&v.encode()).unwrap(), v);
        assert!(ValidateNegotiateInfo::parse(&v.encode()[..23]).is_err());
        assert_eq!(
            validate_negotiate_input(1, &[0; 16], 1, &Dialect::ALL).len(),
            24 + 10
        );
    }
}
