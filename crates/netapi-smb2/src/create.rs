//! CREATE and CLOSE for named pipes ([MS-SMB2] 2.2.13, 2.2.14, 2.2.15, 2.2.16).
//!
//! A pipe is opened by its name relative to `IPC$` (`srvsvc`, not `\PIPE\srvsvc`), with
//! read/write access, no oplock and no create contexts. [`CreateRequest`] also covers plain
//! files, but contexts (leases, durable handles) are not implemented.

use std::fmt;

use crate::error::{Error, Result};
use crate::wire::{HDR, Put, Reader, from_utf16le, utf16le};

/// Longest file or pipe name we send, in UTF-16 code units ([MS-FSCC] 2.1.5: 32,767).
pub const MAX_NAME_UNITS: usize = 32_767;

/// The 16-byte handle of an open ([MS-SMB2] 2.2.14.1): persistent then volatile part.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(pub [u8; 16]);

impl FileId {
    /// All-ones id used by FSCTLs that address no file ([MS-SMB2] 2.2.31).
    pub const NONE: FileId = FileId([0xFF; 16]);
}

impl fmt::Debug for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = u64::from_le_bytes(self.0[..8].try_into().unwrap_or_default());
        let v = u64::from_le_bytes(self.0[8..].try_into().unwrap_or_default());
        write!(f, "FileId({p:#x}:{v:#x})")
    }
}

/// Access mask bits for a pipe open ([MS-SMB2] 2.2.13.1.1).
pub mod access {
    /// Read data.
    pub const FILE_READ_DATA: u32 = 0x0000_0001;
    /// Write data.
    pub const FILE_WRITE_DATA: u32 = 0x0000_0002;
    /// Append data.
    pub const FILE_APPEND_DATA: u32 = 0x0000_0004;
    /// Read extended attributes.
    pub const FILE_READ_EA: u32 = 0x0000_0008;
    /// Write extended attributes.
    pub const FILE_WRITE_EA: u32 = 0x0000_0010;
    /// Read attributes.
    pub const FILE_READ_ATTRIBUTES: u32 = 0x0000_0080;
    /// Write attributes.
    pub const FILE_WRITE_ATTRIBUTES: u32 = 0x0000_0100;
    /// Read the security descriptor.
    pub const READ_CONTROL: u32 = 0x0002_0000;
    /// Synchronize.
    pub const SYNCHRONIZE: u32 = 0x0010_0000;
    /// What an RPC client asks for on a pipe (Windows uses the same set).
    pub const PIPE_RW: u32 = FILE_READ_DATA
        | FILE_WRITE_DATA
        | FILE_APPEND_DATA
        | FILE_READ_EA
        | FILE_WRITE_EA
        | FILE_READ_ATTRIBUTES
        | FILE_WRITE_ATTRIBUTES
        | READ_CONTROL
        | SYNCHRONIZE;
}

/// `ImpersonationLevel`: Impersonation ([MS-SMB2] 2.2.13).
pub const IMPERSONATION: u32 = 2;
/// `ShareAccess`: read | write.
pub const SHARE_READ_WRITE: u32 = 0x0000_0003;
/// `CreateDisposition`: open an existing object.
pub const FILE_OPEN: u32 = 0x0000_0001;

/// SMB2 CREATE request ([MS-SMB2] 2.2.13), without create contexts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateRequest {
    /// `DesiredAccess`.
    pub desired_access: u32,
    /// `FileAttributes`.
    pub file_attributes: u32,
    /// `ShareAccess`.
    pub share_access: u32,
    /// `CreateDisposition`.
    pub create_disposition: u32,
    /// `CreateOptions`.
    pub create_options: u32,
    /// Name relative to the share, without a leading backslash.
    pub name: String,
}

impl CreateRequest {
    /// Open the named pipe `name` (e.g. "srvsvc") for reading and writing.
    pub fn pipe(name: &str) -> Self {
        CreateRequest {
            desired_access: access::PIPE_RW,
            file_attributes: 0,
            share_access: SHARE_READ_WRITE,
            create_disposition: FILE_OPEN,
            create_options: 0,
            name: name.trim_start_matches('\\').to_owned(),
        }
    }

    /// Encode the body.
    pub fn encode(&self) -> Result<Vec<u8>> {
        let name = utf16le(&self.name);
        if name.len() / 2 > MAX_NAME_UNITS {
            return Err(Error::Usage("file name too long"));
        }
        let mut b = Vec::with_capacity(56 + name.len().max(1));
        b.put_u16(57);
        b.put_u8(0); // SecurityFlags
        b.put_u8(0); // RequestedOplockLevel: none
        b.put_u32(IMPERSONATION);
        b.put_u64(0); // SmbCreateFlags
        b.put_u64(0); // Reserved
        b.put_u32(self.desired_access);
        b.put_u32(self.file_attributes);
        b.put_u32(self.share_access);
        b.put_u32(self.create_disposition);
        b.put_u32(self.create_options);
        b.put_u16((HDR + 56) as u16);
        b.put_u16(name.len() as u16);
        b.put_u32(0); // CreateContextsOffset
        b.put_u32(0); // CreateContextsLength
        b.extend_from_slice(&name);
        if name.is_empty() {
            b.put_u8(0); // the buffer is at least one byte long
        }
        Ok(b)
    }

    /// Parse a request (test peers).
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "CREATE request");
        r.structure_size(57)?;
        r.skip(2 + 4 + 8 + 8)?;
        let desired_access = r.u32()?;
        let file_attributes = r.u32()?;
        let share_access = r.u32()?;
        let create_disposition = r.u32()?;
        let create_options = r.u32()?;
        let off = usize::from(r.u16()?);
        let len = usize::from(r.u16()?);
        let raw = crate::wire::field(msg, off, len, "CREATE name")?;
        Ok(CreateRequest {
            desired_access,
            file_attributes,
            share_access,
            create_disposition,
            create_options,
            name: from_utf16le(raw, "CREATE name")?,
        })
    }
}

/// SMB2 CREATE response ([MS-SMB2] 2.2.14); timestamps and sizes are kept, contexts skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateResponse {
    /// `OplockLevel`.
    pub oplock_level: u8,
    /// `CreateAction`.
    pub create_action: u32,
    /// `EndofFile`.
    pub end_of_file: u64,
    /// `FileAttributes`.
    pub file_attributes: u32,
    /// `FileId`.
    pub file_id: FileId,
}

impl CreateResponse {
    /// Parse the body of `msg`.
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "CREATE response");
        r.structure_size(89)?;
        let oplock_level = r.u8()?;
        r.skip(1)?;
        let create_action = r.u32()?;
        r.skip(4 * 8 + 8)?; // times, AllocationSize
        let end_of_file = r.u64()?;
        let file_attributes = r.u32()?;
        r.skip(4)?;
        let file_id = FileId(r.array()?);
        r.skip(8)?; // contexts offset/length: we asked for none
        Ok(CreateResponse {
            oplock_level,
            create_action,
            end_of_file,
            file_attributes,
            file_id,
        })
    }

    /// Encode the body (test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(89);
        b.put_u16(89);
        b.put_u8(self.oplock_level);
        b.put_u8(0);
        b.put_u32(self.create_action);
        b.extend_from_slice(&[0; 40]);
        b.put_u64(self.end_of_file);
        b.put_u32(self.file_attributes);
        b.put_u32(0);
        b.extend_from_slice(&self.file_id.0);
        b.put_u32(0);
        b.put_u32(0);
        b.put_u8(0);
        b
    }
}

/// SMB2 CLOSE request body ([MS-SMB2] 2.2.15).
pub fn close_request(file_id: FileId) -> Vec<u8> {
    let mut b = Vec::with_capacity(24);
    b.put_u16(24);
    b.put_u16(0); // no POSTQUERY_ATTRIB
    b.put_u32(0);
    b.extend_from_slice(&file_id.0);
    b
}

/// The FileId of a CLOSE request (test peers).
pub fn parse_close_request(msg: &[u8]) -> Result<FileId> {
    let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "CLOSE request");
    r.structure_size(24)?;
    r.skip(6)?;
    Ok(FileId(r.array()?))
}

/// Check a CLOSE response body ([MS-SMB2] 2.2.16).
pub fn parse_close_response(msg: &[u8]) -> Result<()> {
    let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "CLOSE response");
    r.structure_size(60)?;
    r.skip(58)
}

/// A CLOSE response body (test peers).
pub fn close_response() -> Vec<u8> {
    let mut b = vec![0u8; 60];
    b[0] = 60;
    b
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
    fn pipe_create_round_trips() {
        let req = CreateRequest::pipe("srvsvc");
        let body = req.encode().unwrap();
        assert_eq!(body.len(), 56 + 12);
        assert_eq!(CreateRequest::parse(&with_header(&body)).unwrap(), req);
        assert_eq!(CreateRequest::pipe(r"\srvsvc").name, "srvsvc");
    }

    #[test]
    fn create_response_round_trips_and_truncation_fails() {
        let resp = CreateResponse {
            oplock_level: 0,
            create_action: 1,
            end_of_file: 0,
            file_attributes: 0x80,
            file_id: FileId([7; 16]),
        };
        let m = with_header(&resp.encode());
        assert_eq!(CreateResponse::parse(&m).unwrap(), resp);
        for n in 0..HDR + 88 {
            assert!(CreateResponse::parse(&m[..n]).is_err(), "prefix {n}");
        }
        let c = with_header(&close_response());
        parse_close_response(&c).unwrap();
        assert!(parse_close_response(&c[..HDR + 30]).is_err());
        let id = FileId([9; 16]);
        assert_eq!(
            parse_close_request(&with_header(&close_request(id))).unwrap(),
            id
        );
    }
}
