//! Checks of the caller's arguments, made before anything is sent, for every NetApi function
//! alike: the information level against the operation's level set, required and optional
//! strings (no NUL, which would silently cut the NUL-terminated wire form; at most 32,767
//! UTF-16 units, the longest `UNICODE_STRING`), and names with rules of their own.
//!
//! Each failure is a [`Kind::Usage`](crate::Kind::Usage) error carrying the code Windows'
//! netapi32 returns for the same input: `ERROR_INVALID_LEVEL` (124), `ERROR_INVALID_PARAMETER`
//! (87) or `ERROR_INVALID_NAME` (123).

use netapi_codes::WinError;

use crate::{Error, Result};

/// `level` if it is one of `levels`, else `ERROR_INVALID_LEVEL`.
pub(crate) fn level(op: &'static str, level: u32, levels: &[u32]) -> Result<u32> {
    if levels.contains(&level) {
        Ok(level)
    } else {
        Err(Error::usage(
            op,
            WinError::ERROR_INVALID_LEVEL,
            format!("level {level} is not one of {levels:?}"),
        ))
    }
}

/// A required string: non-empty, then as [`text`].
pub(crate) fn name(op: &'static str, what: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("{what} is empty"),
        ));
    }
    text(op, what, value)
}

/// An optional string: free of NULs and at most 32,767 UTF-16 units.
pub(crate) fn text(op: &'static str, what: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("{what} contains a NUL character"),
        ));
    }
    if value.encode_utf16().count() > 32_767 {
        return Err(Error::usage(
            op,
            WinError::ERROR_INVALID_PARAMETER,
            format!("{what} is too long"),
        ));
    }
    Ok(())
}

/// [`text`] for an argument that may be absent.
pub(crate) fn opt_text(op: &'static str, what: &str, value: Option<&str>) -> Result<()> {
    value.map_or(Ok(()), |v| text(op, what, v))
}

/// A share name as Windows' server service accepts it: 1 to 80 characters (`NNLEN`), none of
/// `"/\[]:|<>+=;,*?` or a control character; otherwise `ERROR_INVALID_NAME` (123), which is what
/// the server would answer. Checking it here lets the translation table read Samba's answers
/// for a missing share (123, 67) as the `NERR_NetNameNotFound` Windows gives
/// (`rpc::translate`).
pub(crate) fn share_name(op: &'static str, value: &str) -> Result<()> {
    name(op, "share name", value)?;
    let bad = value
        .chars()
        .find(|c| c.is_control() || "\"/\\[]:|<>+=;,*?".contains(*c));
    let why = match bad {
        Some(c) => format!("share name {value:?}: {c:?} is not allowed"),
        None if value.chars().count() > 80 => format!("share name {value:?}: over 80 characters"),
        None => return Ok(()),
    };
    Err(Error::usage(op, WinError::ERROR_INVALID_NAME, why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_gives_the_windows_code() {
        assert_eq!(level("NetShareEnum", 2, &[0, 1, 2]).unwrap(), 2);
        assert_eq!(level("NetShareEnum", 7, &[0, 1]).unwrap_err().win32(), 124);
        assert_eq!(
            name("NetShareDel", "share name", "").unwrap_err().win32(),
            87
        );
        assert_eq!(text("NetShareDel", "x", "a\0b").unwrap_err().win32(), 87);
        assert_eq!(
            text("NetShareDel", "x", &"a".repeat(32_768))
                .unwrap_err()
                .win32(),
            87
        );
        assert!(opt_text("NetFileEnum", "user", None).is_ok());
        assert!(share_name("NetShareGetInfo", "hidden$").is_ok());
        for bad in ["a|b", "a/b", "x\u{7}", &"s".repeat(81)] {
            let e = share_name("NetShareGetInfo", bad).unwrap_err();
            assert_eq!((e.win32(), e.kind()), (123, crate::Kind::Usage), "{bad:?}");
        }
    }
}
