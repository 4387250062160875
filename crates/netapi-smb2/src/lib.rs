//! (being built)
#![forbid(unsafe_code)]

/// Protocol error.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Malformed input.
    Malformed(&'static str),
}
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self { Error::Malformed(m) => write!(f, "malformed {m}") }
    }
}
impl std::error::Error for Error {}
