//! Receiving: decryption, signature checks, credit grants, interim responses and body
//! dispatch ([MS-SMB2] 3.2.5.1 and the per-command sections of 3.2.5).
//!
//! Order for each frame: decrypt a transform ([MS-SMB2] 3.2.5.1.1.1), parse the header, match
//! the MessageId to an outstanding request, take the granted credits (3.2.5.1.4), stop at an
//! interim response (3.2.5.1.5), check signing (3.2.5.1.3), then decode the body.

use super::{
    Body, Connection, Event, Kind, Negotiated, Pending, Response, Session, SetupState, State,
};
use super::{Config, EncryptionPolicy, MAX_CREDITS, SessionInfo, SigningPolicy};
use crate::create::{CreateResponse, parse_close_response};
use crate::encryption::{Sealer, TRANSFORM_PROTOCOL_ID, TransformHeader};
use crate::error::{Error, Result};
use crate::error_response::ErrorResponse;
use crate::header::{Command, Header, PROTOCOL_ID, Route};
use crate::ioctl::{IoctlResponse, ValidateNegotiateInfo};
use crate::kdf::SessionKeys;
use crate::negotiate::{
    Cipher, Dialect, HashAlgorithm, NegotiateResponse, SigningAlgorithm, capabilities,
};
use crate::preauth::PreauthHash;
use crate::read_write::{ReadResponse, parse_write_response};
use crate::session_setup::{SessionSetupResponse, parse_empty_body, session_flags};
use crate::signing::Signer;
use crate::status::{
    STATUS_ACCESS_DENIED, STATUS_BUFFER_OVERFLOW, STATUS_MORE_PROCESSING_REQUIRED, STATUS_PENDING,
    STATUS_SUCCESS,
};
use crate::tree::TreeConnectResponse;

/// The first bytes of an SMB2 COMPRESSION_TRANSFORM_HEADER ([MS-SMB2] 2.2.42).
const COMPRESSION_PROTOCOL_ID: [u8; 4] = [0xFC, b'S', b'M', b'B'];

impl Connection {
    pub(super) fn handle_frame(&mut self, frame: Vec<u8>) -> Result<()> {
        let (mut msg, sealed_for) = match frame.get(..4) {
            Some(id) if id == TRANSFORM_PROTOCOL_ID => {
                let th = TransformHeader::parse(&frame)?;
                let session = self
                    .sessions
                    .get(&th.session_id)
                    .ok_or(Error::Decrypt("encrypted message for an unknown session"))?;
                let sealer = session
                    .sealer_in
                    .as_ref()
                    .ok_or(Error::Decrypt("the session has no decryption key"))?;
                let (_, plain) = sealer.decrypt(&frame)?;
                (plain, Some(th.session_id))
            }
            Some(id) if id == PROTOCOL_ID => (frame, None),
            Some(id) if id == COMPRESSION_PROTOCOL_ID => {
                return Err(Error::Malformed(
                    "compressed message (compression was not negotiated)",
                ));
            }
            _ => return Err(Error::Malformed("message with an unknown ProtocolId")),
        };
        let hdr = Header::parse(&msg)?;
        if !hdr.is_response() {
            return Err(Error::Malformed("request from the server"));
        }
        if hdr.next_command != 0 {
            return Err(Error::Malformed(
                "compounded response to an uncompounded request",
            ));
        }
        if let Some(sid) = sealed_for
            && hdr.session_id != sid
        {
            return Err(Error::Decrypt("decrypted message names another session"));
        }
        if hdr.message_id == u64::MAX {
            // An oplock or lease break notification; we request neither, so there is nothing
            // to acknowledge ([MS-SMB2] 3.2.5.19).
            return Ok(());
        }
        let Some(p) = self.pending.get(&hdr.message_id) else {
            return Err(Error::UnexpectedResponse {
                message_id: hdr.message_id,
                command: hdr.command,
            });
        };
        if p.command != hdr.command {
            return Err(Error::UnexpectedResponse {
                message_id: hdr.message_id,
                command: hdr.command,
            });
        }
        self.credits = (self.credits + u32::from(hdr.credits)).min(MAX_CREDITS);
        if hdr.status == STATUS_PENDING {
            if matches!(hdr.route, Route::Async { .. }) {
                let id = p.id;
                self.events.push_back(Event::Pending { id });
                return Ok(());
            }
            return Err(Error::Malformed("STATUS_PENDING in a sync response"));
        }
        let Some(p) = self.pending.remove(&hdr.message_id) else {
            return Err(Error::State("pending request vanished"));
        };
        self.inflight_charge = self.inflight_charge.saturating_sub(u32::from(p.charge));
        self.check_protection(&p, &hdr, &mut msg, sealed_for.is_some())?;
        let body = self.dispatch(&p, &hdr, msg)?;
        self.events.push_back(Event::Response(Response {
            id: p.id,
            command: hdr.command,
            status: hdr.status,
            session_id: hdr.session_id,
            tree_id: hdr.tree_id(),
            body,
        }));
        Ok(())
    }

    /// Signing and encryption rules for responses ([MS-SMB2] 3.2.5.1.3).
    fn check_protection(
        &self,
        p: &Pending,
        hdr: &Header,
        msg: &mut [u8],
        was_sealed: bool,
    ) -> Result<()> {
        let (message_id, command) = (hdr.message_id, hdr.command);
        if was_sealed {
            // The AEAD tag authenticated the message; the inner signature is not checked.
            return Ok(());
        }
        if p.encrypted {
            return Err(Error::Unsigned {
                message_id,
                command,
            });
        }
        if command == Command::SESSION_SETUP || command == Command::NEGOTIATE {
            // No key exists yet; the final SESSION_SETUP response is verified in
            // `complete_session`.
            return Ok(());
        }
        let session = self.sessions.get(&p.session_id);
        if session.is_some_and(|s| s.encrypt) {
            return Err(Error::Unsigned {
                message_id,
                command,
            });
        }
        let signer = session.and_then(|s| s.signer.as_ref());
        if hdr.is_signed() {
            match signer {
                Some(s) if s.verify(msg) => Ok(()),
                _ => Err(Error::BadSignature {
                    message_id,
                    command,
                }),
            }
        } else if p.require_signed {
            Err(Error::Unsigned {
                message_id,
                command,
            })
        } else {
            Ok(())
        }
    }

    fn dispatch(&mut self, p: &Pending, hdr: &Header, msg: Vec<u8>) -> Result<Body> {
        let status = hdr.status;
        let command = hdr.command;
        if command == Command::NEGOTIATE {
            return self.on_negotiate(p, hdr, &msg);
        }
        if command == Command::SESSION_SETUP {
            return self.on_session_setup(hdr, msg);
        }
        let normal = status == STATUS_SUCCESS
            || (status == STATUS_BUFFER_OVERFLOW
                && matches!(command, Command::READ | Command::IOCTL));
        if !normal {
            if p.kind == Kind::ValidateNegotiate && status == STATUS_ACCESS_DENIED {
                return Err(Error::Policy(
                    "the server refused FSCTL_VALIDATE_NEGOTIATE_INFO".into(),
                ));
            }
            return Ok(Body::Error(ErrorResponse::parse_lenient(&msg)));
        }
        Ok(match command {
            Command::LOGOFF => {
                parse_empty_body(&msg, "LOGOFF response")?;
                self.sessions.remove(&p.session_id);
                Body::Logoff
            }
            Command::TREE_CONNECT => {
                let r = TreeConnectResponse::parse(&msg)?;
                let tree_id = hdr
                    .tree_id()
                    .ok_or(Error::Malformed("async TREE_CONNECT response"))?;
                if let Some(s) = self.sessions.get_mut(&p.session_id) {
                    if r.encrypt_data() && s.sealer_out.is_none() {
                        return Err(Error::Policy(
                            "the share requires encryption but no cipher was negotiated".into(),
                        ));
                    }
                    s.trees.insert(tree_id, r.encrypt_data());
                }
                Body::TreeConnect(r)
            }
            Command::TREE_DISCONNECT => {
                parse_empty_body(&msg, "TREE_DISCONNECT response")?;
                if let (Some(s), Some(t)) = (self.sessions.get_mut(&p.session_id), hdr.tree_id()) {
                    s.trees.remove(&t);
                }
                Body::TreeDisconnect
            }
            Command::CREATE => Body::Create(CreateResponse::parse(&msg)?),
            Command::CLOSE => {
                parse_close_response(&msg)?;
                Body::Close
            }
            Command::READ => Body::Read(ReadResponse::parse(&msg)?),
            Command::WRITE => Body::Write(parse_write_response(&msg)?),
            Command::IOCTL => {
                let r = IoctlResponse::parse(&msg)?;
                if p.kind == Kind::ValidateNegotiate {
                    self.check_validate_negotiate(&r)?;
                }
                Body::Ioctl(r)
            }
            Command::ECHO => {
                parse_empty_body(&msg, "ECHO response")?;
                Body::Echo
            }
            _ => {
                return Err(Error::UnexpectedResponse {
                    message_id: hdr.message_id,
                    command,
                });
            }
        })
    }

    fn on_negotiate(&mut self, p: &Pending, hdr: &Header, msg: &[u8]) -> Result<Body> {
        if hdr.status != STATUS_SUCCESS {
            self.state = State::Start;
            return Ok(Body::Error(ErrorResponse::parse_lenient(msg)));
        }
        let r = NegotiateResponse::parse(msg)?;
        if !self.offered.contains(&r.dialect) {
            return Err(Error::Policy(format!(
                "the server chose dialect {:?}, which is outside the offered {:?}",
                r.dialect, self.offered
            )));
        }
        let (cipher, signing_algorithm, preauth) = match r.dialect {
            Dialect::SMB3_1_1 => {
                if r.preauth_hash() != Some(HashAlgorithm::SHA_512) {
                    return Err(Error::Malformed(
                        "3.1.1 NEGOTIATE response without SHA-512 preauth",
                    ));
                }
                let cipher = match r.cipher() {
                    None | Some(Cipher(0)) => None,
                    Some(c) if self.config.ciphers.contains(&c) => Some(c),
                    Some(c) => {
                        return Err(Error::Policy(format!(
                            "the server chose cipher {c:?}, which we did not offer"
                        )));
                    }
                };
                let signing = match r.signing_algorithm() {
                    None => SigningAlgorithm::AES_CMAC,
                    Some(a) if self.config.signing_algorithms.contains(&a) => a,
                    Some(a) => {
                        return Err(Error::Policy(format!(
                            "the server chose signing algorithm {a:?}, which we did not offer"
                        )));
                    }
                };
                let mut preauth = PreauthHash::new();
                match &p.kind {
                    Kind::Negotiate(req) => preauth.update(req),
                    _ => return Err(Error::State("NEGOTIATE request bytes missing")),
                }
                preauth.update(msg);
                (cipher, signing, Some(preauth))
            }
            Dialect::SMB3_0 | Dialect::SMB3_0_2 => {
                let cipher =
                    (r.capabilities & capabilities::ENCRYPTION != 0).then_some(Cipher::AES_128_CCM);
                (cipher, SigningAlgorithm::AES_CMAC, None)
            }
            _ => (None, SigningAlgorithm::HMAC_SHA256, None),
        };
        if self.config.encryption == EncryptionPolicy::Required && cipher.is_none() {
            return Err(Error::Policy(format!(
                "encryption is required but the server offers no usable cipher with dialect {}",
                r.dialect.as_str()
            )));
        }
        let negotiated = Negotiated {
            dialect: r.dialect,
            server_guid: r.server_guid,
            security_mode: r.security_mode,
            capabilities: r.capabilities,
            max_transact_size: r.max_transact_size,
            max_read_size: r.max_read_size,
            max_write_size: r.max_write_size,
            cipher,
            signing_algorithm,
            security_buffer: r.security_buffer.clone(),
        };
        self.state = State::Ready {
            negotiated: Box::new(negotiated),
            preauth,
        };
        Ok(Body::Negotiate(Box::new(r)))
    }

    fn on_session_setup(&mut self, hdr: &Header, msg: Vec<u8>) -> Result<Body> {
        let status = hdr.status;
        let setup = self.setup.as_mut().ok_or(Error::UnexpectedResponse {
            message_id: hdr.message_id,
            command: hdr.command,
        })?;
        setup.in_flight = false;
        if status != STATUS_SUCCESS && status != STATUS_MORE_PROCESSING_REQUIRED {
            self.setup = None;
            return Ok(Body::Error(ErrorResponse::parse_lenient(&msg)));
        }
        if hdr.session_id == 0 || (setup.session_id != 0 && setup.session_id != hdr.session_id) {
            return Err(Error::Malformed("SESSION_SETUP response SessionId"));
        }
        setup.session_id = hdr.session_id;
        let r = SessionSetupResponse::parse(&msg)?;
        if status == STATUS_MORE_PROCESSING_REQUIRED {
            if let Some(p) = setup.preauth.as_mut() {
                p.update(&msg);
            }
        } else {
            setup.final_flags = r.session_flags;
            setup.final_response = Some(msg);
        }
        Ok(Body::SessionSetup(r))
    }

    fn check_validate_negotiate(&self, r: &IoctlResponse) -> Result<()> {
        let n = self.negotiated().ok_or(Error::State("not negotiated"))?;
        let v = ValidateNegotiateInfo::parse(&r.output)?;
        if v.capabilities != n.capabilities
            || v.guid != n.server_guid
            || v.security_mode != n.security_mode
            || v.dialect != n.dialect
        {
            return Err(Error::Policy(
                "FSCTL_VALIDATE_NEGOTIATE_INFO does not match NEGOTIATE: possible downgrade".into(),
            ));
        }
        Ok(())
    }
}

/// Derive keys, verify the final SESSION_SETUP response and apply policy ([MS-SMB2] 3.2.5.3.1).
pub(super) fn establish(
    config: &Config,
    n: &Negotiated,
    setup: SetupState,
    session_key: &[u8],
) -> Result<(Session, SessionInfo)> {
    let flags = setup.final_flags;
    let mut msg = setup
        .final_response
        .ok_or(Error::State("no final SESSION_SETUP response"))?;
    let hdr = Header::parse(&msg)?;
    let unkeyed =
        flags & (session_flags::IS_GUEST | session_flags::IS_NULL) != 0 || session_key.is_empty();
    let wants_encryption = flags & session_flags::ENCRYPT_DATA != 0;

    if unkeyed {
        if config.signing == SigningPolicy::Required {
            return Err(Error::Policy(
                "signing is required but the server granted a guest or anonymous session".into(),
            ));
        }
        if config.encryption == EncryptionPolicy::Required || wants_encryption {
            return Err(Error::Policy(
                "a guest or anonymous session cannot be encrypted".into(),
            ));
        }
        let info = SessionInfo {
            session_id: hdr.session_id,
            flags,
            signing: false,
            encryption: false,
        };
        return Ok((Session::unprotected(flags), info));
    }

    let keys = SessionKeys::derive(
        n.dialect,
        session_key,
        setup.preauth.as_ref().map(PreauthHash::value),
        n.cipher,
    );
    let signer = Signer::new(n.signing_algorithm, &keys.signing);
    let sign = config.signing != SigningPolicy::IfServerRequires || n.server_requires_signing();
    let must_be_signed = n.dialect == Dialect::SMB3_1_1 || sign;
    if hdr.is_signed() {
        if !signer.verify(&mut msg) {
            return Err(Error::BadSignature {
                message_id: hdr.message_id,
                command: hdr.command,
            });
        }
    } else if must_be_signed {
        return Err(Error::Unsigned {
            message_id: hdr.message_id,
            command: hdr.command,
        });
    }

    let (mut sealer_out, mut sealer_in) = (None, None);
    if let (Some(cipher), Some(enc), Some(dec)) = (n.cipher, &keys.encryption, &keys.decryption) {
        sealer_out = Some(Sealer::new(cipher, enc)?);
        sealer_in = Some(Sealer::new(cipher, dec)?);
    }
    let can_encrypt = sealer_out.is_some();
    let encrypt = match config.encryption {
        EncryptionPolicy::IfServerRequires => wants_encryption,
        EncryptionPolicy::Preferred => wants_encryption || can_encrypt,
        EncryptionPolicy::Required => true,
    };
    if encrypt && !can_encrypt {
        return Err(Error::Policy(format!(
            "encryption is needed but dialect {} with these capabilities offers no cipher",
            n.dialect.as_str()
        )));
    }
    let mut session = Session::unprotected(flags);
    session.signer = Some(signer);
    session.sign = sign;
    session.encrypt = encrypt;
    session.sealer_out = sealer_out;
    session.sealer_in = sealer_in;
    session.application_key = Some(keys.application.clone());
    let info = SessionInfo {
        session_id: hdr.session_id,
        flags,
        signing: sign && !encrypt,
        encryption: encrypt,
    };
    Ok((session, info))
}
