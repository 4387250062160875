//! Scripted-peer tests of the association (STYLE §7): a fake security context
//! ([`fake_auth`]), a scripted server ([`peer`]), and tests of binding, calls, malformed
//! replies, fragmentation and protection.

mod association;
mod fake_auth;
mod fragmentation;
mod peer;
mod protection;
