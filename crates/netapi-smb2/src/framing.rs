//! Direct TCP transport framing ([MS-SMB2] 2.1): each message is preceded by a zero byte and a
//! 24-bit big-endian length.
//!
//! [`FrameDecoder`] accepts bytes in any split and yields whole frames, refusing lengths above
//! [`MAX_FRAME_LEN`] before buffering them.

use crate::error::{Error, Result};

/// Largest frame we accept: our reads and transceives ask for at most 1 MiB of data, so a
/// frame this size can only be a confused or hostile peer.
pub const MAX_FRAME_LEN: usize = 8 * 1024 * 1024;

/// Prefix `msg` with its 4-byte Direct TCP header.
pub fn frame(msg: &[u8]) -> Result<Vec<u8>> {
    if msg.len() >= 1 << 24 {
        return Err(Error::TooLarge {
            what: "outgoing frame",
            size: msg.len(),
            limit: (1 << 24) - 1,
        });
    }
    let mut out = Vec::with_capacity(4 + msg.len());
    out.push(0);
    out.extend_from_slice(&(msg.len() as u32).to_be_bytes()[1..]);
    out.extend_from_slice(msg);
    Ok(out)
}

/// Reassembles Direct TCP frames from a byte stream.
#[derive(Debug, Default)]
pub struct FrameDecoder {
    buf: Vec<u8>,
    start: usize,
}

impl FrameDecoder {
    /// An empty decoder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Append received bytes.
    pub fn push(&mut self, data: &[u8]) {
        if self.start > 0 && self.start == self.buf.len() {
            self.buf.clear();
            self.start = 0;
        }
        self.buf.extend_from_slice(data);
    }

    /// Bytes buffered but not yet returned.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.start
    }

    /// The next whole frame's payload, `None` if more bytes are needed.
    pub fn next_frame(&mut self) -> Result<Option<Vec<u8>>> {
        let avail = &self.buf[self.start..];
        if avail.len() < 4 {
            return Ok(None);
        }
        if avail[0] != 0 {
            return Err(Error::Malformed(
                "Direct TCP header (first byte must be zero)",
            ));
        }
        let len = u32::from_be_bytes([0, avail[1], avail[2], avail[3]]) as usize;
        if len > MAX_FRAME_LEN {
            return Err(Error::TooLarge {
                what: "incoming frame",
                size: len,
                limit: MAX_FRAME_LEN,
            });
        }
        if avail.len() < 4 + len {
            return Ok(None);
        }
        let payload = avail[4..4 + len].to_vec();
        self.start += 4 + len;
        // Compact once the consumed prefix dominates, so long streams do not grow the buffer.
        if self.start > 64 * 1024 && self.start * 2 > self.buf.len() {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        Ok(Some(payload))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_survive_any_split() {
        let mut stream = frame(b"first").unwrap();
        stream.extend(frame(b"").unwrap());
        stream.extend(frame(&[7u8; 300]).unwrap());
        for chunk in [1, 2, 3, 5, 64, 1000] {
            let mut d = FrameDecoder::new();
            let mut got = Vec::new();
            for c in stream.chunks(chunk) {
                d.push(c);
                while let Some(f) = d.next_frame().unwrap() {
                    got.push(f);
                }
            }
            assert_eq!(
                got,
                vec![b"first".to_vec(), vec![], vec![7u8; 300]],
                "chunk {chunk}"
            );
            assert_eq!(d.buffered(), 0);
        }
    }

    #[test]
    fn bad_prefix_and_oversized_length_are_rejected() {
        let mut d = FrameDecoder::new();
        d.push(&[1, 0, 0, 4, 0, 0, 0, 0]);
        assert!(d.next_frame().is_err());
        let mut d = FrameDecoder::new();
        d.push(&[0, 0xFF, 0xFF, 0xFF]);
        assert!(matches!(d.next_frame(), Err(Error::TooLarge { .. })));
        assert!(frame(&vec![0; 1 << 24]).is_err());
    }
}
