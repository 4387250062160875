//! Small things tests need around credentials: private temporary files that are removed when
//! dropped ([`TempPath`]), and an in-memory log sink for `tracing_subscriber` ([`Capture`]),
//! used to check that no secret reaches a log.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

/// A path under the temp directory, unique in this process (`netapi-<pid>-<n>-<name>`); the
/// file is removed when this is dropped. Nothing is created until the test writes it.
#[derive(Debug)]
pub struct TempPath(pub PathBuf);

impl TempPath {
    /// A fresh path ending in `name`.
    pub fn new(name: &str) -> TempPath {
        static N: AtomicU32 = AtomicU32::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("netapi-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_file(&p);
        TempPath(p)
    }

    /// The path.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// The path as a string (temp paths are UTF-8 here).
    pub fn as_str(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temp path")
    }

    /// `FILE:<path>`, the credential-cache name of this file.
    pub fn ccache_name(&self) -> String {
        format!("FILE:{}", self.0.display())
    }
}

impl TempPath {
    /// Write a credential cache holding `user@realm` as its principal and no ticket (what a
    /// `kinit` that failed half-way leaves) to this path.
    pub fn write_empty_ccache(&self, realm: &str, user: &str) {
        use netapi_auth::ccache::{Ccache, Principal, write};
        let cache = Ccache {
            version: 4,
            kdc_offset: None,
            default_principal: Principal {
                name_type: 1,
                realm: realm.to_owned(),
                components: vec![user.to_owned()],
            },
            credentials: Vec::new(),
        };
        std::fs::write(&self.0, write::to_bytes(&cache)).expect("write the cache");
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Everything written to it, kept in memory; clone it into `with_writer(move || c.clone())`.
#[derive(Clone, Default, Debug)]
pub struct Capture(pub Arc<Mutex<Vec<u8>>>);

impl Capture {
    /// What was written so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
