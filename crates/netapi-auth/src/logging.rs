//! Logging policy: what we log, and how to keep sspi's verbose output out of logs.
//!
//! Our own events (targets `netapi_auth::*`) carry mechanism names, token lengths, flags and
//! error texts, never secrets or token bytes. sspi instruments its functions with `tracing`
//! spans whose fields are `Debug` dumps: at `DEBUG` and `TRACE` these include message buffers
//! (RPC stub plaintext in `encrypt_message` / `decrypt_message`) and handshake tokens in hex.
//! Applications should cap sspi's targets at `INFO`, e.g. with
//! `tracing_subscriber::EnvFilter::new(format!("debug,{}", QUIET_SSPI_DIRECTIVES))`, or use
//! [`is_verbose_sspi`] in a custom filter.

/// Target prefixes of sspi and the picky crates it uses for ASN.1 and Kerberos crypto.
pub const SSPI_TARGETS: &[&str] = &["sspi", "picky", "picky_krb", "picky_asn1", "picky_asn1_der"];

/// `EnvFilter` directives that cap sspi's targets at `INFO`.
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
