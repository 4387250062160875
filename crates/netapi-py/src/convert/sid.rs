//! SIDs between their binary form ([MS-DTYP] 2.4.2.2, what `pywintypes.SID` holds) and the
//! `S-1-5-21-…` text the core carries ([MS-DTYP] 2.4.2.1).

/// `S-R-I-S…` → binary; `None` when malformed.
pub fn from_text(text: &str) -> Option<Vec<u8>> {
    let mut parts = text.strip_prefix("S-")?.split('-');
    let revision: u8 = parts.next()?.parse().ok()?;
    let authority_text = parts.next()?;
    let authority: u64 = match authority_text.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok()?,
        None => authority_text.parse().ok()?,
    };
    if authority >= 1 << 48 {
        return None;
    }
    let subs: Vec<u32> = parts.map(|p| p.parse().ok()).collect::<Option<_>>()?;
    if subs.len() > 15 {
        return None;
    }
    let mut out = vec![revision, subs.len() as u8];
    out.extend_from_slice(&authority.to_be_bytes()[2..]);
    for s in subs {
        out.extend_from_slice(&s.to_le_bytes());
    }
    Some(out)
}

/// Binary → `S-R-I-S…`; `None` when the length does not match the sub-authority count.
pub fn to_text(bytes: &[u8]) -> Option<String> {
    let (&revision, rest) = bytes.split_first()?;
    let (&count, rest) = rest.split_first()?;
    if rest.len() != 6 + 4 * count as usize {
        return None;
    }
    let mut a = [0u8; 8];
    a[2..].copy_from_slice(&rest[..6]);
    let authority = u64::from_be_bytes(a);
    let mut text = if authority >= 1 << 32 {
        format!("S-{revision}-0x{authority:012X}")
    } else {
        format!("S-{revision}-{authority}")
    };
    for chunk in rest[6..].chunks_exact(4) {
        let sub = u32::from_le_bytes(chunk.try_into().ok()?);
        text.push_str(&format!("-{sub}"));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sids_round_trip_between_text_and_binary() {
        let text = "S-1-5-21-1004336348-1177238915-682003330-512";
        let bin = from_text(text).unwrap();
        assert_eq!(bin.len(), 8 + 4 * 5);
        assert_eq!(&bin[..8], &[1, 5, 0, 0, 0, 0, 0, 5]);
        assert_eq!(to_text(&bin).unwrap(), text);
        assert_eq!(to_text(&from_text("S-1-1-0").unwrap()).unwrap(), "S-1-1-0");
        for bad in ["", "S-1", "S-x-5", "S-1-5-a", "X-1-5-32"] {
            assert!(from_text(bad).is_none(), "{bad:?}");
        }
        assert!(to_text(&[1, 2, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0]).is_none());
    }
}
