//! Test peers: sspi's own *server-side* NTLM, raw and behind SPNEGO, and spec-level NTLM
//! message-security arithmetic ([MS-NLMP] 3.4.4.2, 3.4.5.2, 3.4.5.3) to check signatures
//! independently of sspi.
#![allow(dead_code)]

pub mod lab;

use sspi::credssp::SspiContext;
use sspi::negotiate::NegotiateConfig;
use sspi::ntlm::NtlmConfig;
use sspi::{
    AuthIdentity, BufferType, CredentialUse, Credentials, DataRepresentation, EncryptionFlags,
    Negotiate, SecurityBuffer, SecurityBufferFlags, SecurityBufferRef, SecurityStatus,
    ServerRequestFlags, Sspi, SspiImpl, Username,
};

/// The server side of a handshake, backed by sspi.
pub struct Server {
    ctx: SspiContext,
    handle: Option<sspi::CredentialsBuffers>,
    pub done: bool,
}

fn identity(domain: &str, user: &str, secret: &str) -> AuthIdentity {
    AuthIdentity {
        username: Username::new(user, Some(domain)).unwrap(),
        password: secret.to_owned().into(),
    }
}

impl Server {
    /// Raw NTLMSSP acceptor that knows `domain\user` with `password`.
    pub fn ntlm(domain: &str, user: &str, password: &str) -> Self {
        Self::new(
            SspiContext::Ntlm(sspi::Ntlm::new()),
            identity(domain, user, password),
        )
    }

    /// SPNEGO (NTLM only) acceptor that knows `domain\user` with `password`.
    pub fn spnego(domain: &str, user: &str, password: &str) -> Self {
        let id = identity(domain, user, password);
        let config = NegotiateConfig::new(
            Box::new(NtlmConfig {
                client_computer_name: Some("TESTSRV".into()),
            }),
            Some("ntlm".into()),
            "TESTSRV".into(),
        );
        Self::new(
            SspiContext::Negotiate(Negotiate::new_server(config, vec![id.clone()]).unwrap()),
            id,
        )
    }

    fn new(mut ctx: SspiContext, id: AuthIdentity) -> Self {
        let creds = Credentials::AuthIdentity(id);
        let acquired = ctx
            .acquire_credentials_handle()
            .with_credential_use(CredentialUse::Inbound)
            .with_auth_data(&creds)
            .execute(&mut ctx)
            .unwrap();
        Server {
            ctx,
            handle: acquired.credentials_handle,
            done: false,
        }
    }

    /// Feed a client token; get the server's answer (possibly empty).
    pub fn accept(&mut self, token: &[u8]) -> sspi::Result<Vec<u8>> {
        let mut input = vec![SecurityBuffer::new(token.to_vec(), BufferType::Token)];
        let mut output = vec![SecurityBuffer::new(Vec::new(), BufferType::Token)];
        let builder = self
            .ctx
            .accept_security_context()
            .with_credentials_handle(&mut self.handle)
            .with_context_requirements(ServerRequestFlags::empty())
            .with_target_data_representation(DataRepresentation::Native)
            .with_input(&mut input)
            .with_output(&mut output);
        let result =
            SspiImpl::accept_security_context_impl(&mut self.ctx, builder)?.resolve_to_result()?;
        match result.status {
            SecurityStatus::CompleteNeeded | SecurityStatus::CompleteAndContinue => {
                self.ctx.complete_auth_token(&mut [])?;
                self.done = result.status == SecurityStatus::CompleteNeeded;
            }
            SecurityStatus::Ok => self.done = true,
            _ => {}
        }
        Ok(output.pop().unwrap().buffer)
    }

    pub fn session_key(&self) -> Vec<u8> {
        self.ctx
            .query_context_session_key()
            .unwrap()
            .session_key
            .as_ref()
            .clone()
    }

    /// Server-side EncryptMessage over `[header(RO), data, trailer(RO), token]`; `seal = false`
    /// makes `data` read-only too (sign only).
    pub fn wrap(&mut self, header: &[u8], data: &mut [u8], trailer: &[u8], seal: bool) -> Vec<u8> {
        let ro = SecurityBufferFlags::SECBUFFER_READONLY_WITH_CHECKSUM;
        let (mut h, mut t) = (header.to_vec(), trailer.to_vec());
        let mut sig = vec![0u8; 16];
        let data_flags = if seal { SecurityBufferFlags::NONE } else { ro };
        let mut bufs = [
            SecurityBufferRef::data_buf(&mut h).with_flags(ro),
            SecurityBufferRef::data_buf(data).with_flags(data_flags),
            SecurityBufferRef::data_buf(&mut t).with_flags(ro),
            SecurityBufferRef::token_buf(&mut sig),
        ];
        self.ctx
            .encrypt_message(EncryptionFlags::empty(), &mut bufs)
            .unwrap();
        sig
    }

    /// Server-side DecryptMessage; `seal = false` checks a sign-only message.
    pub fn unwrap(
        &mut self,
        header: &[u8],
        data: &mut [u8],
        trailer: &[u8],
        sig: &[u8],
        seal: bool,
    ) -> sspi::Result<()> {
        let ro = SecurityBufferFlags::SECBUFFER_READONLY_WITH_CHECKSUM;
        let (mut h, mut t, mut s) = (header.to_vec(), trailer.to_vec(), sig.to_vec());
        let data_flags = if seal { SecurityBufferFlags::NONE } else { ro };
        let mut bufs = [
            SecurityBufferRef::data_buf(&mut h).with_flags(ro),
            SecurityBufferRef::data_buf(data).with_flags(data_flags),
            SecurityBufferRef::data_buf(&mut t).with_flags(ro),
            SecurityBufferRef::token_buf(&mut s),
        ];
        self.ctx.decrypt_message(&mut bufs).map(|_| ())
    }
}

/// RC4 (the stream cipher of [MS-NLMP] 3.4.4): just enough for the spec check.
pub struct Rc4 {
    s: [u8; 256],
    i: u8,
    j: u8,
}

impl Rc4 {
    pub fn new(key: &[u8]) -> Self {
        let mut s = [0u8; 256];
        for (i, v) in s.iter_mut().enumerate() {
            *v = i as u8;
        }
        let mut j = 0u8;
        for i in 0..256 {
            j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
            s.swap(i, j as usize);
        }
        Rc4 { s, i: 0, j: 0 }
    }

    pub fn apply(&mut self, data: &mut [u8]) {
        for b in data {
            self.i = self.i.wrapping_add(1);
            self.j = self.j.wrapping_add(self.s[self.i as usize]);
            self.s.swap(self.i as usize, self.j as usize);
            let k =
                self.s[(self.s[self.i as usize].wrapping_add(self.s[self.j as usize])) as usize];
            *b ^= k;
        }
    }
}

pub fn md5(parts: &[&[u8]]) -> [u8; 16] {
    use md5::Digest;
    let mut h = md5::Md5::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

pub fn hmac_md5(key: &[u8], parts: &[&[u8]]) -> [u8; 16] {
    use hmac::{KeyInit, Mac};
    let mut m = <hmac::Hmac<md5::Md5> as KeyInit>::new_from_slice(key).unwrap();
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// Client-to-server keys of [MS-NLMP] 3.4.5.2 (SIGNKEY) and 3.4.5.3 (SEALKEY, 128-bit, ESS).
pub fn client_keys(exported_session_key: &[u8]) -> ([u8; 16], [u8; 16]) {
    let sign = md5(&[
        exported_session_key,
        b"session key to client-to-server signing key magic constant\0",
    ]);
    let seal = md5(&[
        exported_session_key,
        b"session key to client-to-server sealing key magic constant\0",
    ]);
    (sign, seal)
}

/// NTOWFv1: MD4(UTF-16LE(password)).
pub fn nt_hash(password: &str) -> [u8; 16] {
    use md4::Digest;
    let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
    md4::Md4::digest(&utf16).into()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
