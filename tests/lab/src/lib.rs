//! Live tests against the Samba lab.
