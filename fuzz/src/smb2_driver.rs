//! The client side of the `smb2_connection` target, shared with the seed generator
//! (`examples/gen_seeds.rs`), which scripts a server against it.
//!
//! [`Driver`] reacts to each response the way a netapi driver would (NEGOTIATE, then
//! SESSION_SETUP legs, TREE_CONNECT, CREATE, then WRITE / READ / TRANSCEIVE / CLOSE, then
//! TREE_DISCONNECT and LOGOFF), so bytes that get past one step reach the next.

use netapi_smb2::create::CreateRequest;
use netapi_smb2::status::{STATUS_MORE_PROCESSING_REQUIRED, STATUS_SUCCESS};
use netapi_smb2::{
    Body, Command, Config, Connection, Dialect, EncryptionPolicy, Event, SigningPolicy,
};

/// The session key a keyed session uses (the seed generator derives the server's keys from it).
pub const SESSION_KEY: [u8; 16] = [0x42; 16];

/// Requests made at most per input, beyond NEGOTIATE.
const MAX_REQUESTS: usize = 64;

/// The configuration selected by `sel`, and whether the session is keyed.
pub fn config(sel: u8) -> (Config, bool) {
    let mut c = Config::new([0x11; 16], [0x22; 32]);
    c.min_dialect = [
        Dialect::SMB2_0_2,
        Dialect::SMB2_1,
        Dialect::SMB3_0,
        Dialect::SMB3_1_1,
    ][usize::from(sel & 3)];
    c.signing = [
        SigningPolicy::IfServerRequires,
        SigningPolicy::Preferred,
        SigningPolicy::Required,
        SigningPolicy::IfServerRequires,
    ][usize::from(sel >> 2) & 3];
    c.encryption = [
        EncryptionPolicy::IfServerRequires,
        EncryptionPolicy::Preferred,
        EncryptionPolicy::Required,
        EncryptionPolicy::IfServerRequires,
    ][usize::from(sel >> 4) & 3];
    if sel & 0x40 != 0 {
        c.server_name = Some("fs1".into());
        c.credit_target = 2;
    }
    (c, sel & 0x80 != 0)
}

/// See the module documentation.
pub struct Driver {
    /// The connection under test.
    pub conn: Connection,
    keyed: bool,
    requests: usize,
    torn_down: bool,
}

impl Driver {
    /// Reacts to one event the way a client driver would, making the next request.
    fn on_event(&mut self, ev: Event) {
        let Event::Response(r) = ev else { return };
        if self.requests >= MAX_REQUESTS {
            return;
        }
        self.requests += 1;
        let sid = r.session_id;
        // Errors here are refusals in the current state (closed, no session, too large):
        // allowed, as long as nothing panics.
        match (r.command, r.status, &r.body) {
            (Command::NEGOTIATE, STATUS_SUCCESS, Body::Negotiate(_)) => {
                let _ = self.conn.session_setup(0, b"\x60\x02\x06\x00", !self.keyed);
                let _ = self.conn.echo();
            }
            (Command::SESSION_SETUP, STATUS_MORE_PROCESSING_REQUIRED, _) => {
                let _ = self.conn.session_setup(sid, b"\xa1\x00", !self.keyed);
            }
            (Command::SESSION_SETUP, STATUS_SUCCESS, _) => {
                let key: &[u8] = if self.keyed { &SESSION_KEY } else { &[] };
                if self.conn.complete_session(sid, key).is_ok() {
                    let _ = self.conn.application_key(sid);
                    let _ = self.conn.tree_connect(sid, r"\\fs1\IPC$");
                }
            }
            (Command::TREE_CONNECT, STATUS_SUCCESS, _) => {
                let tree = r.tree_id.unwrap_or(0);
                let _ = self.conn.validate_negotiate(sid, tree);
                let _ = self.conn.create(sid, tree, &CreateRequest::pipe("srvsvc"));
            }
            (Command::CREATE, STATUS_SUCCESS, Body::Create(c)) => {
                let tree = r.tree_id.unwrap_or(0);
                let fid = c.file_id;
                let _ = self.conn.write(sid, tree, fid, 0, &[5, 0, 11, 3]);
                let _ = self.conn.read(sid, tree, fid, 0, 4280);
                let _ = self.conn.transceive(sid, tree, fid, &[5, 0, 0, 3], 4280);
                let _ = self.conn.close_file(sid, tree, fid);
            }
            (Command::READ, _, _) if !self.torn_down => {
                self.torn_down = true;
                let _ = self.conn.tree_disconnect(sid, r.tree_id.unwrap_or(0));
                let _ = self.conn.logoff(sid);
            }
            _ => {}
        }
    }

    /// A connection configured by `sel` (see [`config`]) with NEGOTIATE sent.
    pub fn new(sel: u8) -> Self {
        let (cfg, keyed) = config(sel);
        let mut d = Driver {
            conn: Connection::new(cfg),
            keyed,
            requests: 0,
            torn_down: false,
        };
        d.conn.negotiate().expect("negotiate is queued");
        d
    }

    /// Takes everything the connection sends (checking that each is one Direct TCP frame and
    /// returning the messages, unframed) and reacts to every event.
    pub fn drain(&mut self) -> Vec<Vec<u8>> {
        let mut sent = Vec::new();
        loop {
            while let Some(f) = self.conn.poll_transmit() {
                assert!(f.len() >= 4 && f[0] == 0, "not a Direct TCP frame");
                let len = u32::from_be_bytes([0, f[1], f[2], f[3]]) as usize;
                assert_eq!(len, f.len() - 4, "one whole message per transmit");
                sent.push(f[4..].to_vec());
            }
            match self.conn.poll_event() {
                Some(ev) => self.on_event(ev),
                None => break,
            }
        }
        sent
    }
}
