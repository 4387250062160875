//! SPNEGO ([MS-SPNG], RFC 4178) token inspection around sspi's Negotiate package.
//!
//! sspi builds and consumes the NegTokenInit / NegTokenResp exchange, including the
//! mechListMIC of RFC 4178 section 5 / [MS-SPNG] 3.1.5.1. This module adds what sspi's client does not
//! do: it reads the server's NegTokenInit2 hint from the SMB2 NEGOTIATE response
//! ([MS-SPNG] 2.2.1, [MS-SMB2] 3.2.5.2) to learn which mechanisms the server offers, and it
//! recognises a NegTokenResp with `negState = reject` before sspi sees it, so a rejection is
//! reported as such. NEGOEX is left out. The DER reader is minimal (single-byte tags, definite
//! lengths) and bounds-checked: it never panics on peer input.

use crate::AuthError;

/// DER content of OID 1.2.840.113554.1.2.2 (Kerberos v5, RFC 4121).
pub const OID_KRB5: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02];
/// DER content of OID 1.2.840.48018.1.2.2 (Microsoft's Kerberos OID, [MS-KILE] 1.9).
pub const OID_MS_KRB5: &[u8] = &[0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02];
/// DER content of OID 1.3.6.1.4.1.311.2.2.10 (NTLMSSP, [MS-NLMP] 1.9).
pub const OID_NTLMSSP: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x02, 0x0a];
/// DER content of OID 1.3.6.1.5.5.2 (SPNEGO, RFC 4178).
const OID_SPNEGO: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x02];

/// `negState` of a NegTokenResp (RFC 4178 4.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NegState {
    /// `accept-completed` (0).
    AcceptCompleted,
    /// `accept-incomplete` (1).
    AcceptIncomplete,
    /// `reject` (2).
    Reject,
    /// `request-mic` (3).
    RequestMic,
    /// Any other value.
    Other(u8),
}

/// The parts of a NegTokenResp we look at.
#[derive(Debug, Default)]
pub struct NegTokenRespInfo {
    /// `negState`, when present.
    pub neg_state: Option<NegState>,
    /// A `responseToken` is present.
    pub has_response_token: bool,
    /// A `mechListMIC` is present.
    pub has_mech_list_mic: bool,
}

/// The mechanisms a server offers in its NegTokenInit(2) hint.
#[derive(Debug, Default, Clone)]
pub struct ServerHint {
    /// Kerberos (either OID) is offered.
    pub kerberos: bool,
    /// NTLMSSP is offered.
    pub ntlm: bool,
    /// Number of mechanisms listed.
    pub mech_count: usize,
}

/// Read the server's SPNEGO hint: `[APPLICATION 0] { spnego-OID, [0] NegTokenInit(2) }`.
pub fn parse_hint(token: &[u8]) -> Result<ServerHint, AuthError> {
    let bad = |what: &str| AuthError::InvalidToken(format!("SPNEGO hint: {what}"));
    let mut outer = Der::new(token);
    let gss = outer
        .expect(0x60)
        .map_err(|_| bad("not a GSS-API InitialContextToken"))?;
    let mut gss = Der::new(gss);
    if gss.expect(0x06).map_err(|_| bad("missing mechanism OID"))? != OID_SPNEGO {
        return Err(bad("not SPNEGO"));
    }
    let init = gss.expect(0xa0).map_err(|_| bad("missing NegTokenInit"))?;
    let fields = Der::new(init)
        .expect(0x30)
        .map_err(|_| bad("NegTokenInit is not a SEQUENCE"))?;
    let mut fields = Der::new(fields);
    let mut hint = ServerHint::default();
    while !fields.is_empty() {
        let (tag, value) = fields.any().map_err(|_| bad("truncated NegTokenInit"))?;
        if tag != 0xa0 {
            continue; // reqFlags, mechToken, negHints, mechListMIC: not needed
        }
        let list = Der::new(value)
            .expect(0x30)
            .map_err(|_| bad("mechTypes is not a SEQUENCE"))?;
        let mut list = Der::new(list);
        while !list.is_empty() {
            let oid = list
                .expect(0x06)
                .map_err(|_| bad("mechTypes holds a non-OID"))?;
            hint.mech_count += 1;
            hint.kerberos |= oid == OID_KRB5 || oid == OID_MS_KRB5;
            hint.ntlm |= oid == OID_NTLMSSP;
        }
    }
    Ok(hint)
}

/// Inspect a NegTokenResp (`[1] { SEQUENCE { [0] negState, [1] supportedMech,
/// [2] responseToken, [3] mechListMIC } }`).
pub fn inspect_resp(token: &[u8]) -> Result<NegTokenRespInfo, AuthError> {
    let (mut fields, bad) = resp_fields(token)?;
    let mut info = NegTokenRespInfo::default();
    while !fields.is_empty() {
        let (tag, value) = fields.any().map_err(|_| bad("truncated"))?;
        match tag {
            0xa0 => {
                let state = Der::new(value)
                    .expect(0x0a)
                    .map_err(|_| bad("negState is not ENUMERATED"))?;
                let &[v] = state else {
                    return Err(bad("negState has a bad length"));
                };
                info.neg_state = Some(match v {
                    0 => NegState::AcceptCompleted,
                    1 => NegState::AcceptIncomplete,
                    2 => NegState::Reject,
                    3 => NegState::RequestMic,
                    other => NegState::Other(other),
                });
            }
            0xa2 => info.has_response_token = true,
            0xa3 => info.has_mech_list_mic = true,
            _ => {}
        }
    }
    Ok(info)
}

/// The `responseToken` of a NegTokenResp, if it carries one (an OCTET STRING in `[2]`).
pub fn response_token(token: &[u8]) -> Result<Option<Vec<u8>>, AuthError> {
    let (mut fields, bad) = resp_fields(token)?;
    while !fields.is_empty() {
        let (tag, value) = fields.any().map_err(|_| bad("truncated"))?;
        if tag == 0xa2 {
            let octets = Der::new(value)
                .expect(0x04)
                .map_err(|_| bad("responseToken is not an OCTET STRING"))?;
            return Ok(Some(octets.to_vec()));
        }
    }
    Ok(None)
}

/// Makes the error for a malformed part of a token.
type BadToken = fn(&str) -> AuthError;

/// The fields of a NegTokenResp (`[1] { SEQUENCE { ... } }`), and the error maker for them.
fn resp_fields(token: &[u8]) -> Result<(Der<'_>, BadToken), AuthError> {
    fn bad(what: &str) -> AuthError {
        AuthError::InvalidToken(format!("SPNEGO NegTokenResp: {what}"))
    }
    let resp = Der::new(token)
        .expect(0xa1)
        .map_err(|_| bad("not a NegTokenResp"))?;
    let fields = Der::new(resp)
        .expect(0x30)
        .map_err(|_| bad("not a SEQUENCE"))?;
    Ok((Der::new(fields), bad))
}

/// A cursor over DER TLVs.
struct Der<'a> {
    rest: &'a [u8],
}

impl<'a> Der<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Der { rest: buf }
    }

    fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// Next TLV: (tag, content).
    fn any(&mut self) -> Result<(u8, &'a [u8]), ()> {
        let (&tag, rest) = self.rest.split_first().ok_or(())?;
        // Multi-byte tag numbers never occur in SPNEGO.
        if tag & 0x1f == 0x1f {
            return Err(());
        }
        let (&first, mut rest) = rest.split_first().ok_or(())?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 || rest.len() < n {
                return Err(()); // indefinite length, or absurd
            }
            let (bytes, r) = rest.split_at(n);
            rest = r;
            bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
        };
        if rest.len() < len {
            return Err(());
        }
        let (content, rest) = rest.split_at(len);
        self.rest = rest;
        Ok((tag, content))
    }

    fn expect(&mut self, want: u8) -> Result<&'a [u8], ()> {
        match self.any()? {
            (tag, content) if tag == want => Ok(content),
            _ => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A NegTokenInit2 hint as Samba 4.17 sends it in SMB2 NEGOTIATE (mechTypes: ms-krb5,
    /// krb5, NTLMSSP; negHints hintName "not_defined_in_RFC4178@please_ignore").
    fn samba_like_hint() -> Vec<u8> {
        let mut mechs = Vec::new();
        for oid in [OID_MS_KRB5, OID_KRB5, OID_NTLMSSP] {
            mechs.extend(tlv(0x06, oid));
        }
        let hint_name = tlv(0x1b, b"not_defined_in_RFC4178@please_ignore");
        let neg_hints = tlv(0xa3, &tlv(0x30, &tlv(0xa0, &hint_name)));
        let mut seq = tlv(0xa0, &tlv(0x30, &mechs));
        seq.extend(neg_hints);
        let mut gss = tlv(0x06, OID_SPNEGO);
        gss.extend(tlv(0xa0, &tlv(0x30, &seq)));
        tlv(0x60, &gss)
    }

    pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let n = content.len();
        if n < 0x80 {
            out.push(n as u8);
        } else if n < 0x100 {
            out.extend([0x81, n as u8]);
        } else {
            out.extend([0x82, (n >> 8) as u8, n as u8]);
        }
        out.extend_from_slice(content);
        out
    }

    #[test]
    fn reads_server_hint() {
        let hint = parse_hint(&samba_like_hint()).unwrap();
        assert!(hint.kerberos && hint.ntlm);
        assert_eq!(hint.mech_count, 3);
    }

    #[test]
    fn hint_truncations_are_errors_not_panics() {
        let hint = samba_like_hint();
        for n in 0..hint.len() {
            assert!(parse_hint(&hint[..n]).is_err(), "prefix {n}");
        }
    }

    #[test]
    fn reads_neg_state() {
        let reject = tlv(0xa1, &tlv(0x30, &tlv(0xa0, &tlv(0x0a, &[2]))));
        let info = inspect_resp(&reject).unwrap();
        assert_eq!(info.neg_state, Some(NegState::Reject));
        let mut fields = tlv(0xa0, &tlv(0x0a, &[0]));
        fields.extend(tlv(0xa3, &tlv(0x04, &[1; 16])));
        let done = inspect_resp(&tlv(0xa1, &tlv(0x30, &fields))).unwrap();
        assert_eq!(done.neg_state, Some(NegState::AcceptCompleted));
        assert!(done.has_mech_list_mic && !done.has_response_token);
        assert!(inspect_resp(&[0xa1, 0x05, 0x30]).is_err());
    }
}
