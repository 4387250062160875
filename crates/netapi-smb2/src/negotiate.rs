//! NEGOTIATE request and response with the SMB 3.1.1 negotiate contexts ([MS-SMB2] 2.2.3,
//! 2.2.3.1, 2.2.4, 2.2.4.1).
//!
//! We offer the contexts a pipe client needs: PREAUTH_INTEGRITY (SHA-512), ENCRYPTION (AES-128/
//! 256 CCM/GCM), SIGNING (AES-GMAC, AES-CMAC, HMAC-SHA256) and NETNAME. Compression, transport
//! and RDMA contexts are not offered; unknown contexts in a response are kept as
//! [`NegotiateContext::Other`].

use crate::error::{Error, Result};
use crate::header::open_enum;
use crate::wire::{HDR, Put, Reader, field, utf16le};

/// At most this many negotiate contexts are accepted from a server.
pub const MAX_NEGOTIATE_CONTEXTS: usize = 32;

open_enum! {
    /// An SMB2 dialect revision ([MS-SMB2] 2.2.3 `Dialects`). Ordered by value, which is also
    /// the protocol order.
    Dialect(u16) {
        /// SMB 2.0.2.
        SMB2_0_2 = 0x0202,
        /// SMB 2.1.
        SMB2_1 = 0x0210,
        /// SMB 3.0.
        SMB3_0 = 0x0300,
        /// SMB 3.0.2.
        SMB3_0_2 = 0x0302,
        /// SMB 3.1.1.
        SMB3_1_1 = 0x0311,
    }
}

impl Dialect {
    /// Every dialect this crate speaks, lowest first.
    pub const ALL: [Dialect; 5] = [
        Dialect::SMB2_0_2,
        Dialect::SMB2_1,
        Dialect::SMB3_0,
        Dialect::SMB3_0_2,
        Dialect::SMB3_1_1,
    ];

    /// True for 3.0, 3.0.2 and 3.1.1.
    pub fn is_smb3(self) -> bool {
        self.0 >= 0x0300
    }

    /// "2.0.2", "3.1.1", ...
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::SMB2_0_2 => "2.0.2",
            Dialect::SMB2_1 => "2.1",
            Dialect::SMB3_0 => "3.0",
            Dialect::SMB3_0_2 => "3.0.2",
            Dialect::SMB3_1_1 => "3.1.1",
            _ => "unknown",
        }
    }
}

open_enum! {
    /// An encryption cipher ([MS-SMB2] 2.2.3.1.2 `Ciphers`).
    Cipher(u16) {
        /// AES-128-CCM (the only cipher of 3.0 and 3.0.2).
        AES_128_CCM = 0x0001,
        /// AES-128-GCM.
        AES_128_GCM = 0x0002,
        /// AES-256-CCM.
        AES_256_CCM = 0x0003,
        /// AES-256-GCM.
        AES_256_GCM = 0x0004,
    }
}

impl Cipher {
    /// Key length in bytes (16 or 32); `None` for ciphers we do not implement.
    pub fn key_len(self) -> Option<usize> {
        match self {
            Cipher::AES_128_CCM | Cipher::AES_128_GCM => Some(16),
            Cipher::AES_256_CCM | Cipher::AES_256_GCM => Some(32),
            _ => None,
        }
    }
}

open_enum! {
    /// A signing algorithm ([MS-SMB2] 2.2.3.1.7 `SigningAlgorithms`).
    SigningAlgorithm(u16) {
        /// HMAC-SHA256 (2.0.2 and 2.1).
        HMAC_SHA256 = 0x0000,
        /// AES-128-CMAC (3.x default).
        AES_CMAC = 0x0001,
        /// AES-128-GMAC (3.1.1 when negotiated).
        AES_GMAC = 0x0002,
    }
}

open_enum! {
    /// A preauth integrity hash algorithm ([MS-SMB2] 2.2.3.1.1).
    HashAlgorithm(u16) {
        /// SHA-512, the only one defined.
        SHA_512 = 0x0001,
    }
}

/// `SecurityMode` bits ([MS-SMB2] 2.2.3).
pub mod security_mode {
    /// Signing is enabled.
    pub const SIGNING_ENABLED: u16 = 0x0001;
    /// Signing is required.
    pub const SIGNING_REQUIRED: u16 = 0x0002;
}

/// Global capability bits ([MS-SMB2] 2.2.3 `Capabilities`).
pub mod capabilities {
    /// DFS.
    pub const DFS: u32 = 0x0000_0001;
    /// Leasing.
    pub const LEASING: u32 = 0x0000_0002;
    /// Multi-credit operations (CreditCharge > 1).
    pub const LARGE_MTU: u32 = 0x0000_0004;
    /// Multichannel.
    pub const MULTI_CHANNEL: u32 = 0x0000_0008;
    /// Persistent handles.
    pub const PERSISTENT_HANDLES: u32 = 0x0000_0010;
    /// Directory leasing.
    pub const DIRECTORY_LEASING: u32 = 0x0000_0020;
    /// Encryption (3.0 and 3.0.2; 3.1.1 uses the ENCRYPTION context instead).
    pub const ENCRYPTION: u32 = 0x0000_0040;
    /// Server-to-client notifications.
    pub const NOTIFICATIONS: u32 = 0x0000_0080;
}

/// Context type codes ([MS-SMB2] 2.2.3.1 `ContextType`).
pub mod context_type {
    /// SMB2_PREAUTH_INTEGRITY_CAPABILITIES.
    pub const PREAUTH_INTEGRITY: u16 = 0x0001;
    /// SMB2_ENCRYPTION_CAPABILITIES.
    pub const ENCRYPTION: u16 = 0x0002;
    /// SMB2_COMPRESSION_CAPABILITIES.
    pub const COMPRESSION: u16 = 0x0003;
    /// SMB2_NETNAME_NEGOTIATE_CONTEXT_ID.
    pub const NETNAME: u16 = 0x0005;
    /// SMB2_TRANSPORT_CAPABILITIES.
    pub const TRANSPORT: u16 = 0x0006;
    /// SMB2_RDMA_TRANSFORM_CAPABILITIES.
    pub const RDMA_TRANSFORM: u16 = 0x0007;
    /// SMB2_SIGNING_CAPABILITIES.
    pub const SIGNING: u16 = 0x0008;
}

/// One negotiate context ([MS-SMB2] 2.2.3.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NegotiateContext {
    /// Preauth integrity: hash algorithms and a salt ([MS-SMB2] 2.2.3.1.1).
    PreauthIntegrity {
        /// Hash algorithms (the response carries exactly one).
        hash_algorithms: Vec<HashAlgorithm>,
        /// Random salt (32 bytes from us).
        salt: Vec<u8>,
    },
    /// Encryption ciphers, preferred first ([MS-SMB2] 2.2.3.1.2).
    Encryption {
        /// Cipher ids (the response carries exactly one; 0 means none in common).
        ciphers: Vec<Cipher>,
    },
    /// Signing algorithms, preferred first ([MS-SMB2] 2.2.3.1.7).
    Signing {
        /// Algorithm ids (the response carries exactly one).
        algorithms: Vec<SigningAlgorithm>,
    },
    /// The server name the client connects to ([MS-SMB2] 2.2.3.1.4).
    NetName(String),
    /// Anything else, kept as received.
    Other {
        /// `ContextType`.
        context_type: u16,
        /// `Data`.
        data: Vec<u8>,
    },
}

impl NegotiateContext {
    fn context_type(&self) -> u16 {
        match self {
            NegotiateContext::PreauthIntegrity { .. } => context_type::PREAUTH_INTEGRITY,
            NegotiateContext::Encryption { .. } => context_type::ENCRYPTION,
            NegotiateContext::Signing { .. } => context_type::SIGNING,
            NegotiateContext::NetName(_) => context_type::NETNAME,
            NegotiateContext::Other { context_type, .. } => *context_type,
        }
    }

    fn encode_data(&self, out: &mut Vec<u8>) {
        match self {
            NegotiateContext::PreauthIntegrity {
                hash_algorithms,
                salt,
            } => {
                out.put_u16(hash_algorithms.len() as u16);
                out.put_u16(salt.len() as u16);
                hash_algorithms.iter().for_each(|h| out.put_u16(h.0));
                out.extend_from_slice(salt);
            }
            NegotiateContext::Encryption { ciphers } => {
                out.put_u16(ciphers.len() as u16);
                ciphers.iter().for_each(|c| out.put_u16(c.0));
            }
            NegotiateContext::Signing { algorithms } => {
                out.put_u16(algorithms.len() as u16);
                algorithms.iter().for_each(|a| out.put_u16(a.0));
            }
            NegotiateContext::NetName(name) => out.extend_from_slice(&utf16le(name)),
            NegotiateContext::Other { data, .. } => out.extend_from_slice(data),
        }
    }

    fn parse_data(context_type: u16, data: &[u8]) -> Result<Self> {
        let mut r = Reader::new(data, "negotiate context");
        Ok(match context_type {
            context_type::PREAUTH_INTEGRITY => {
                let count = usize::from(r.u16()?);
                let salt_len = usize::from(r.u16()?);
                let mut hash_algorithms = Vec::with_capacity(count.min(r.remaining() / 2));
                for _ in 0..count {
                    hash_algorithms.push(HashAlgorithm(r.u16()?));
                }
                let salt = r.bytes(salt_len)?.to_vec();
                NegotiateContext::PreauthIntegrity {
                    hash_algorithms,
                    salt,
                }
            }
            context_type::ENCRYPTION => {
                let count = usize::from(r.u16()?);
                let mut ciphers = Vec::with_capacity(count.min(r.remaining() / 2));
                for _ in 0..count {
                    ciphers.push(Cipher(r.u16()?));
                }
                NegotiateContext::Encryption { ciphers }
            }
            context_type::SIGNING => {
                let count = usize::from(r.u16()?);
                let mut algorithms = Vec::with_capacity(count.min(r.remaining() / 2));
                for _ in 0..count {
                    algorithms.push(SigningAlgorithm(r.u16()?));
                }
                NegotiateContext::Signing { algorithms }
            }
            context_type::NETNAME => {
                NegotiateContext::NetName(crate::wire::from_utf16le(data, "NETNAME context")?)
            }
            _ => NegotiateContext::Other {
                context_type,
                data: data.to_vec(),
            },
        })
    }
}

/// Append the context list, each 8-byte aligned relative to the header start. `out` holds the
/// body, which begins at header offset 64 (a multiple of 8), so body alignment equals message
/// alignment.
fn encode_contexts(contexts: &[NegotiateContext], out: &mut Vec<u8>) {
    for (i, c) in contexts.iter().enumerate() {
        if i > 0 {
            out.pad_to(8);
        }
        let mut data = Vec::new();
        c.encode_data(&mut data);
        out.put_u16(c.context_type());
        out.put_u16(data.len() as u16);
        out.put_u32(0);
        out.extend_from_slice(&data);
    }
}

/// Parse `count` contexts starting at `offset` (from the header start) of `msg`.
fn parse_contexts(msg: &[u8], offset: usize, count: usize) -> Result<Vec<NegotiateContext>> {
    if count > MAX_NEGOTIATE_CONTEXTS {
        return Err(Error::TooLarge {
            what: "negotiate context count",
            size: count,
            limit: MAX_NEGOTIATE_CONTEXTS,
        });
    }
    let mut out = Vec::with_capacity(count);
    let mut pos = offset;
    for i in 0..count {
        if i > 0 {
            pos = pos
                .checked_next_multiple_of(8)
                .ok_or(Error::Malformed("negotiate context"))?;
        }
        let head = field(msg, pos, 8, "negotiate context header")?;
        let ctype = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = field(msg, pos + 8, len, "negotiate context data")?;
        out.push(NegotiateContext::parse_data(ctype, data)?);
        pos += 8 + len;
    }
    Ok(out)
}

/// SMB2 NEGOTIATE request ([MS-SMB2] 2.2.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegotiateRequest {
    /// `SecurityMode`.
    pub security_mode: u16,
    /// `Capabilities`.
    pub capabilities: u32,
    /// `ClientGuid`.
    pub client_guid: [u8; 16],
    /// `Dialects`.
    pub dialects: Vec<Dialect>,
    /// Negotiate contexts (sent only when 3.1.1 is offered).
    pub contexts: Vec<NegotiateContext>,
}

impl NegotiateRequest {
    /// Encode the body (offsets assume it follows a 64-byte header).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(256);
        b.put_u16(36);
        b.put_u16(self.dialects.len() as u16);
        b.put_u16(self.security_mode);
        b.put_u16(0);
        b.put_u32(self.capabilities);
        b.extend_from_slice(&self.client_guid);
        let with_contexts = !self.contexts.is_empty();
        let dialects_end = 36 + 2 * self.dialects.len();
        let ctx_offset = if with_contexts {
            (HDR + dialects_end).next_multiple_of(8)
        } else {
            0
        };
        b.put_u32(ctx_offset as u32);
        b.put_u16(if with_contexts {
            self.contexts.len() as u16
        } else {
            0
        });
        b.put_u16(0);
        self.dialects.iter().for_each(|d| b.put_u16(d.0));
        if with_contexts {
            b.pad_to(8);
            encode_contexts(&self.contexts, &mut b);
        }
        b
    }

    /// Parse a request (used by test peers). `msg` is the whole message, header included.
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "NEGOTIATE request");
        r.structure_size(36)?;
        let count = usize::from(r.u16()?);
        let security_mode = r.u16()?;
        r.skip(2)?;
        let capabilities = r.u32()?;
        let client_guid = r.array()?;
        let ctx_offset = r.u32()? as usize;
        let ctx_count = usize::from(r.u16()?);
        r.skip(2)?;
        let mut dialects = Vec::with_capacity(count.min(r.remaining() / 2));
        for _ in 0..count {
            dialects.push(Dialect(r.u16()?));
        }
        let contexts = if dialects.contains(&Dialect::SMB3_1_1) && ctx_count > 0 {
            parse_contexts(msg, ctx_offset, ctx_count)?
        } else {
            Vec::new()
        };
        Ok(NegotiateRequest {
            security_mode,
            capabilities,
            client_guid,
            dialects,
            contexts,
        })
    }
}

/// SMB2 NEGOTIATE response ([MS-SMB2] 2.2.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegotiateResponse {
    /// `SecurityMode`.
    pub security_mode: u16,
    /// `DialectRevision`.
    pub dialect: Dialect,
    /// `ServerGuid`.
    pub server_guid: [u8; 16],
    /// `Capabilities`.
    pub capabilities: u32,
    /// `MaxTransactSize`.
    pub max_transact_size: u32,
    /// `MaxReadSize`.
    pub max_read_size: u32,
    /// `MaxWriteSize`.
    pub max_write_size: u32,
    /// `SystemTime` (FILETIME).
    pub system_time: u64,
    /// `ServerStartTime` (FILETIME).
    pub server_start_time: u64,
    /// The server's first GSS token (SPNEGO NegTokenInit hint); may be empty.
    pub security_buffer: Vec<u8>,
    /// Negotiate contexts (3.1.1 only).
    pub contexts: Vec<NegotiateContext>,
}

impl NegotiateResponse {
    /// Parse the body of `msg` (the whole message, header included).
    pub fn parse(msg: &[u8]) -> Result<Self> {
        let mut r = Reader::new(msg.get(HDR..).unwrap_or(&[]), "NEGOTIATE response");
        r.structure_size(65)?;
        let security_mode = r.u16()?;
        let dialect = Dialect(r.u16()?);
        let ctx_count = usize::from(r.u16()?);
        let server_guid = r.array()?;
        let capabilities = r.u32()?;
        let max_transact_size = r.u32()?;
        let max_read_size = r.u32()?;
        let max_write_size = r.u32()?;
        let system_time = r.u64()?;
        let server_start_time = r.u64()?;
        let sec_offset = usize::from(r.u16()?);
        let sec_len = usize::from(r.u16()?);
        let ctx_offset = r.u32()? as usize;
        let security_buffer =
            field(msg, sec_offset, sec_len, "NEGOTIATE security buffer")?.to_vec();
        let contexts = if dialect == Dialect::SMB3_1_1 {
            parse_contexts(msg, ctx_offset, ctx_count)?
        } else {
            Vec::new()
        };
        Ok(NegotiateResponse {
            security_mode,
            dialect,
            server_guid,
            capabilities,
            max_transact_size,
            max_read_size,
            max_write_size,
            system_time,
            server_start_time,
            security_buffer,
            contexts,
        })
    }

    /// Encode the body (used by test peers).
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(256);
        let with_contexts = self.dialect == Dialect::SMB3_1_1 && !self.contexts.is_empty();
        b.put_u16(65);
        b.put_u16(self.security_mode);
        b.put_u16(self.dialect.0);
        b.put_u16(if with_contexts {
            self.contexts.len() as u16
        } else {
            0
        });
        b.extend_from_slice(&self.server_guid);
        b.put_u32(self.capabilities);
        b.put_u32(self.max_transact_size);
        b.put_u32(self.max_read_size);
        b.put_u32(self.max_write_size);
        b.put_u64(self.system_time);
        b.put_u64(self.server_start_time);
        b.put_u16((HDR + 64) as u16);
        b.put_u16(self.security_buffer.len() as u16);
        let ctx_pos = b.len();
        b.put_u32(0);
        b.extend_from_slice(&self.security_buffer);
        if with_contexts {
            b.pad_to(8);
            let off = (HDR + b.len()) as u32;
            b[ctx_pos..ctx_pos + 4].copy_from_slice(&off.to_le_bytes());
            encode_contexts(&self.contexts, &mut b);
        }
        b
    }

    /// The single cipher the server selected, if it sent an ENCRYPTION context with a non-zero id.
    pub fn cipher(&self) -> Option<Cipher> {
        self.contexts.iter().find_map(|c| match c {
            NegotiateContext::Encryption { ciphers } => ciphers.first().copied(),
            _ => None,
        })
    }

    /// The single signing algorithm the server selected, if it sent a SIGNING context.
    pub fn signing_algorithm(&self) -> Option<SigningAlgorithm> {
        self.contexts.iter().find_map(|c| match c {
            NegotiateContext::Signing { algorithms } => algorithms.first().copied(),
            _ => None,
        })
    }

    /// The preauth hash algorithm the server selected.
    pub fn preauth_hash(&self) -> Option<HashAlgorithm> {
        self.contexts.iter().find_map(|c| match c {
            NegotiateContext::PreauthIntegrity {
                hash_algorithms, ..
            } => hash_algorithms.first().copied(),
            _ => None,
        })
    }
}

#[cfg(test)]
#[path = "negotiate_tests.rs"]
mod tests;
