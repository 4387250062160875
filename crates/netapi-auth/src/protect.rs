//! Per-message integrity and privacy for DCE/RPC ([MS-RPCE] 2.2.2.11, 3.3.1.5.2) through sspi.
//!
//! A message is a list of [`Part`]s in wire order. `SignOnly` parts (PDU header, sec_trailer)
//! become sspi `Data` buffers flagged `SECBUFFER_READONLY_WITH_CHECKSUM`: covered by the MAC,
//! never encrypted ("header signing"). `Data` parts are MACed too and, under
//! [`Protection::Privacy`], sealed in place. Sequence numbers and the RC4 / Kerberos cipher
//! state stay inside the sspi context.
//!
//! NTLM ([MS-NLMP] 3.4.4.2 / 3.4.5 with extended session security and key exchange): the MAC is
//! `HMAC_MD5(SigningKey, SeqNum || message)[..8]`, sealed with the RC4 handle that also
//! encrypts the data; integrity runs the same path with every buffer read-only. Kerberos
//! privacy ([MS-KILE] 3.4.5.4.1, RFC 4121 4.2.4): a DCE-style Wrap token (RRC 28, EC 16) whose
//! header part is the signature, through sspi. sspi seals one writable buffer, so the `Data`
//! parts of a message must be contiguous (as stub + auth padding are in a PDU). Kerberos
//! integrity ([MS-KILE] 3.4.5.5, RFC 4121 4.2.6.1): a MIC token over all parts in order, made
//! and checked by [`crate::mic`] (sspi implements neither `make_signature` nor
//! `verify_signature` for Kerberos), with sspi's send sequence counter and our own receive one.

use sspi::credssp::SspiContext;
use sspi::{EncryptionFlags, SecurityBufferFlags, SecurityBufferRef, Sspi};
use zeroize::Zeroizing;

use crate::context::{SspiClient, Use};
use crate::mic::KERBEROS_MIC_LEN;
use crate::{AuthError, Part, Protection};

/// Length of an NTLM signature (`NTLMSSP_MESSAGE_SIGNATURE`, [MS-NLMP] 2.2.2.9.1).
pub const NTLM_SIGNATURE_LEN: usize = 16;

/// A Kerberos DCE-style Wrap token header part with AES: 16 (header) + 16 (EC filler) +
/// 16 (encrypted header copy) + 12 (HMAC) + 16 (confounder).
pub const KERBEROS_AES_SIGNATURE_LEN: usize = 76;

/// Sizes learned when the context completed.
#[derive(Debug, Default, Clone)]
pub(crate) struct Protector {
    kerberos_trailer: Option<usize>,
}

impl Protector {
    pub(crate) fn for_context(kerberos: bool, ctx: Option<&mut SspiContext>) -> Self {
        let kerberos_trailer = match (kerberos, ctx) {
            (true, Some(ctx)) => crate::logging::quiet_sspi(|| ctx.query_context_sizes())
                .ok()
                .and_then(|s| usize::try_from(s.security_trailer).ok()),
            _ => None,
        };
        Protector { kerberos_trailer }
    }

    pub(crate) fn signature_len(&self, kerberos: bool) -> usize {
        if kerberos {
            self.kerberos_trailer.unwrap_or(KERBEROS_AES_SIGNATURE_LEN)
        } else {
            NTLM_SIGNATURE_LEN
        }
    }
}

/// Where the `Data` parts are, and whether they can be handed to sspi as one buffer.
struct Layout {
    /// Index of the first `Data` part.
    first_data: Option<usize>,
    /// Number of `Data` parts (all contiguous from `first_data`).
    data_parts: usize,
}

fn layout(parts: &[Part<'_>], level: Protection) -> Result<Layout, AuthError> {
    let data: Vec<usize> = parts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| matches!(p, Part::Data(_)).then_some(i))
        .collect();
    if level == Protection::Privacy && data.windows(2).any(|w| w[1] != w[0] + 1) {
        return Err(AuthError::Usage(
            "under Privacy the Data parts of a message must be contiguous".to_owned(),
        ));
    }
    Ok(Layout {
        first_data: data.first().copied(),
        data_parts: data.len(),
    })
}

/// Sign, and under `Privacy` seal, one message. Returns the signature (auth_value).
pub(crate) fn protect(
    client: &mut SspiClient,
    level: Protection,
    parts: &mut [Part<'_>],
) -> Result<Vec<u8>, AuthError> {
    let kerberos = client.mechanism() == Some(crate::Mechanism::Kerberos);
    let sig_len = client.protector.signature_len(kerberos);
    if kerberos && level == Protection::Integrity {
        return mic_protect(client, parts);
    }
    if kerberos && client.usage() == Use::RpcIntegrity {
        return Err(AuthError::State(
            "this Kerberos context was built for integrity (no confidentiality negotiated)",
        ));
    }
    let ctx = client.sspi_mut()?;
    let layout = layout(parts, level)?;
    let mut token = vec![0u8; sig_len];
    let mut sealed = Zeroizing::new(Vec::new());
    let result = with_buffers(parts, level, &layout, &mut token, &mut sealed, |bufs| {
        crate::logging::quiet_sspi(|| ctx.encrypt_message(EncryptionFlags::empty(), bufs))
            .map(|_| ())
    });
    if let Err(e) = result {
        return Err(AuthError::Failed(format!(
            "sspi could not protect the message: {}",
            e.description
        )));
    }
    if level == Protection::Privacy {
        scatter(parts, &layout, &sealed)?;
    }
    // sspi shrinks the token buffer view to what it wrote.
    if sig_len != token.len() {
        token.truncate(sig_len);
    }
    Ok(token)
}

/// Verify, and under `Privacy` unseal, one message against `signature`.
pub(crate) fn unprotect(
    client: &mut SspiClient,
    level: Protection,
    parts: &mut [Part<'_>],
    signature: &[u8],
) -> Result<(), AuthError> {
    let kerberos = client.mechanism() == Some(crate::Mechanism::Kerberos);
    let sig_len = client.protector.signature_len(kerberos);
    if kerberos && level == Protection::Integrity {
        return mic_unprotect(client, parts, signature);
    }
    if kerberos && client.usage() == Use::RpcIntegrity {
        return Err(AuthError::State(
            "this Kerberos context was built for integrity (no confidentiality negotiated)",
        ));
    }
    let ctx = client.sspi_mut()?;
    if signature.len() != sig_len {
        // Not a crypto failure: the caller cut the trailer wrongly, or the peer is confused.
        return Err(AuthError::InvalidToken(format!(
            "signature is {} bytes, expected {sig_len}",
            signature.len()
        )));
    }
    let layout = layout(parts, level)?;
    let mut token = signature.to_vec();
    let mut opened = Zeroizing::new(Vec::new());
    let result = with_buffers(parts, level, &layout, &mut token, &mut opened, |bufs| {
        crate::logging::quiet_sspi(|| ctx.decrypt_message(bufs)).map(|_| ())
    });
    if let Err(e) = result {
        use sspi::ErrorKind as K;
        // After a failed check the receive cipher state and sequence number have moved on:
        // nothing later could verify, so the context is retired.
        client.poison();
        return Err(match e.error_type {
            K::MessageAltered | K::DecryptFailure | K::OutOfSequence => AuthError::BadSignature,
            K::InvalidToken | K::IncompleteMessage => AuthError::BadSignature,
            _ => AuthError::Failed(format!(
                "sspi could not verify the message: {}",
                e.description
            )),
        });
    }
    if level == Protection::Privacy {
        scatter(parts, &layout, &opened)?;
    }
    if let Some(mic) = client.mic.as_mut() {
        // The acceptor's Wrap tokens use the sequence space its MIC tokens would.
        mic.recv_seq += 1;
    }
    Ok(())
}

fn part_bytes<'p>(parts: &'p [Part<'_>]) -> Vec<&'p [u8]> {
    parts
        .iter()
        .map(|p| match p {
            Part::SignOnly(b) => *b,
            Part::Data(d) => &**d,
        })
        .collect()
}

/// Kerberos `GSS_GetMIC` over every part in order (nothing is encrypted).
fn mic_protect(client: &mut SspiClient, parts: &mut [Part<'_>]) -> Result<Vec<u8>, AuthError> {
    let seq = client.next_send_seq()?;
    let mic = client.mic.as_ref().ok_or(AuthError::State(
        "no Kerberos MIC keys (the context is not a completed DCE-style Kerberos context)",
    ))?;
    Ok(mic.keys.get_mic(seq, &part_bytes(parts)).to_vec())
}

/// Kerberos `GSS_VerifyMIC` of the acceptor's token over every part in order, with the
/// sequence number it must carry. A failure retires the context.
fn mic_unprotect(
    client: &mut SspiClient,
    parts: &mut [Part<'_>],
    signature: &[u8],
) -> Result<(), AuthError> {
    client.sspi_mut()?;
    if signature.len() != KERBEROS_MIC_LEN {
        return Err(AuthError::InvalidToken(format!(
            "signature is {} bytes, expected a {KERBEROS_MIC_LEN}-byte Kerberos MIC token",
            signature.len()
        )));
    }
    let Some(mic) = client.mic.as_mut() else {
        return Err(AuthError::State(
            "no Kerberos MIC keys (the context is not a completed DCE-style Kerberos context)",
        ));
    };
    let result = mic
        .keys
        .verify_acceptor_mic(signature, &part_bytes(parts))
        .and_then(|seq| {
            if seq == mic.recv_seq {
                Ok(())
            } else {
                tracing::debug!(
                    got = seq,
                    expected = mic.recv_seq,
                    "Kerberos MIC out of sequence"
                );
                Err(AuthError::BadSignature)
            }
        });
    match result {
        Ok(()) => {
            mic.recv_seq += 1;
            Ok(())
        }
        Err(e) => {
            client.poison();
            Err(e)
        }
    }
}

/// Lay the parts out as sspi buffers and run `op` over them.
///
/// Under `Privacy` a single `Data` part is handed to sspi in place; several contiguous ones are
/// gathered into `scratch` (and the caller scatters the result back).
fn with_buffers<R>(
    parts: &mut [Part<'_>],
    level: Protection,
    layout: &Layout,
    token: &mut [u8],
    scratch: &mut Zeroizing<Vec<u8>>,
    op: impl FnOnce(&mut [SecurityBufferRef<'_>]) -> sspi::Result<R>,
) -> sspi::Result<R> {
    let read_only = SecurityBufferFlags::SECBUFFER_READONLY_WITH_CHECKSUM;
    let gather = level == Protection::Privacy && layout.data_parts != 1;
    if gather {
        for part in parts.iter() {
            if let Part::Data(d) = part {
                scratch.extend_from_slice(d);
            }
        }
    }
    // Read-only copies: sspi's buffer type wants `&mut [u8]` even for data it only reads.
    let mut copies: Vec<Zeroizing<Vec<u8>>> = parts
        .iter()
        .map(|p| match p {
            Part::SignOnly(b) => Zeroizing::new(b.to_vec()),
            Part::Data(d) if level == Protection::Integrity => Zeroizing::new(d.to_vec()),
            Part::Data(_) => Zeroizing::new(Vec::new()),
        })
        .collect();
    let mut bufs: Vec<SecurityBufferRef<'_>> = Vec::with_capacity(parts.len() + 2);
    let mut scratch_slot = Some(scratch.as_mut_slice());
    for (i, (part, copy)) in parts.iter_mut().zip(copies.iter_mut()).enumerate() {
        match part {
            Part::SignOnly(_) => {
                bufs.push(SecurityBufferRef::data_buf(copy.as_mut_slice()).with_flags(read_only))
            }
            Part::Data(_) if level == Protection::Integrity => {
                bufs.push(SecurityBufferRef::data_buf(copy.as_mut_slice()).with_flags(read_only))
            }
            Part::Data(d) if !gather => bufs.push(SecurityBufferRef::data_buf(d)),
            Part::Data(_) => {
                if Some(i) == layout.first_data
                    && let Some(s) = scratch_slot.take()
                {
                    bufs.push(SecurityBufferRef::data_buf(s));
                }
            }
        }
    }
    if level == Protection::Privacy && layout.data_parts == 0 {
        // sspi wants a writable Data buffer even for an empty stub.
        if let Some(s) = scratch_slot.take() {
            bufs.push(SecurityBufferRef::data_buf(s));
        }
    }
    bufs.push(SecurityBufferRef::token_buf(token));
    op(&mut bufs)
}

/// Copy gathered (de)ciphered bytes back into the `Data` parts.
fn scatter(parts: &mut [Part<'_>], layout: &Layout, gathered: &[u8]) -> Result<(), AuthError> {
    if layout.data_parts == 1 {
        return Ok(()); // processed in place
    }
    let total: usize = parts
        .iter()
        .map(|p| if let Part::Data(d) = p { d.len() } else { 0 })
        .sum();
    if gathered.len() != total {
        return Err(AuthError::InvalidToken(format!(
            "sealed data changed length ({} -> {})",
            total,
            gathered.len()
        )));
    }
    let mut at = 0;
    for part in parts.iter_mut() {
        if let Part::Data(d) = part {
            let n = d.len();
            d.copy_from_slice(&gathered[at..at + n]);
            at += n;
        }
    }
    Ok(())
}
