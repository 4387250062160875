//! Logging policy: what we log, and why sspi's own `tracing` output is muted by default.
//!
//! Our events (targets `netapi_auth::*`) carry mechanism names, token lengths, flags and error
//! texts; never passwords, NT hashes, keys or token bytes. sspi instruments its functions with
//! spans whose fields are `Debug` dumps of the arguments. Checked for sspi 0.23.1 (see
//! `tests/hygiene.rs`): it does not print the password, the NT hash or the session key, but at
//! `DEBUG` it prints every message buffer of `encrypt_message` / `decrypt_message` in hex, i.e.
//! the plaintext of PKT_PRIVACY traffic, and at `TRACE` the handshake tokens (an NTLMv2
//! response allows offline password guessing).
//!
//! So every call into sspi runs with the thread's `tracing` dispatcher replaced by a no-op one:
//! sspi emits nothing, whatever the application's filter. Our own events, including those of
//! the KDC transport that sspi calls back into, still go to the application's dispatcher.
//! [`set_sspi_logging`] turns sspi's output back on for debugging; an application doing that
//! should cap sspi at `INFO` in production ([`QUIET_SSPI_DIRECTIVES`], [`is_verbose_sspi`]).

use std::sync::atomic::{AtomicBool, Ordering};

use tracing::Dispatch;

static SSPI_LOGGING: AtomicBool = AtomicBool::new(false);

/// Let sspi's spans and events reach the application's subscriber (`true`), or mute them
/// (`false`, the default). Process-wide; meant for debugging authentication problems.
pub fn set_sspi_logging(enabled: bool) {
    SSPI_LOGGING.store(enabled, Ordering::Relaxed);
}

/// Whether sspi's output is currently let through.
pub fn sspi_logging() -> bool {
    SSPI_LOGGING.load(Ordering::Relaxed)
}

/// Target prefixes of sspi and the picky crates it uses for ASN.1 and Kerberos crypto.
pub const SSPI_TARGETS: &[&str] = &["sspi", "picky", "picky_krb", "picky_asn1", "picky_asn1_der"];

/// `EnvFilter` directives that cap sspi's targets at `INFO`, for use with
/// [`set_sspi_logging`]`(true)`.
pub const QUIET_SSPI_DIRECTIVES: &str =
    "sspi=info,picky=info,picky_krb=info,picky_asn1=info,picky_asn1_der=info";

/// True for sspi / picky spans and events below `INFO` (the ones that dump buffers).
pub fn is_verbose_sspi(meta: &tracing::Metadata<'_>) -> bool {
    let target = meta.target();
    let ours = SSPI_TARGETS.iter().any(|t| {
        target == *t
            || target
                .strip_prefix(t)
                .is_some_and(|rest| rest.starts_with("::"))
    });
    ours && *meta.level() > tracing::Level::INFO
}

/// Run `f` (a call into sspi) with sspi's logging muted unless [`set_sspi_logging`] allowed it.
pub(crate) fn quiet_sspi<R>(f: impl FnOnce() -> R) -> R {
    if sspi_logging() {
        f()
    } else {
        tracing::dispatcher::with_default(&Dispatch::none(), f)
    }
}

/// The dispatcher in effect for the caller, captured before entering [`quiet_sspi`], so that
/// our own events emitted from inside sspi callbacks still reach the application.
pub(crate) fn current_dispatch() -> Dispatch {
    tracing::dispatcher::get_default(Dispatch::clone)
}
