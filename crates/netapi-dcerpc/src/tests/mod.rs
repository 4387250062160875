//! Scripted-peer tests.
