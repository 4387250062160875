//! Writes the seed corpora under `fuzz/seeds/<target>/` (run from `fuzz/`:
//! `cargo run --release --example gen_seeds [target ...]`, default all targets; the output is
//! committed, so rerun it only for the targets whose seed source changed).
//!
//! Sources: the golden vectors of `crates/netapi-msrpc/tests/vectors` (decode targets, with the
//! selector byte of their type), Microsoft's published SMB2 examples in
//! `crates/netapi-smb2/src/test_vectors.rs`, PDUs and messages built with the crates' own
//! encoders, and whole conversations recorded by running the targets' drivers
//! (`src/dcerpc_driver.rs`, `src/smb2_driver.rs`) against small scripted servers written here.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use netapi_dcerpc::pdu::{
    AuthVerifier, Bind, BindAck, BindNak, Body, ContextElement, ContextResult, Fault, PacketType,
    Pdu, PfcFlags, ProviderReason, RejectReason, Request, Response, ResultCode, SecTrailer,
};
use netapi_dcerpc::{AuthLevel, AuthType, NDR20, SyntaxId};
use netapi_fuzz::dcerpc_driver::{AssocDriver, SRVSVC};
use netapi_fuzz::smb2_driver::{Driver, SESSION_KEY};
use netapi_fuzz::tables::{
    DTYP_HARD, EPMAPPER, LSA_REQUESTS, LSA_RESPONSES, SAMR_LSA, SAMR_REQUESTS,
    SRVSVC as SRVSVC_TYPES, SRVSVC_REQUESTS, WKSSVC, workstation_index,
};
use netapi_msrpc::dtyp::{FileTime, LargeInteger, OldLargeInteger, RpcSid, RpcUnicodeString};
use netapi_smb2::create::{CreateRequest, CreateResponse, FileId, close_response};
use netapi_smb2::encryption::{NonceCounter, Sealer};
use netapi_smb2::error_response::ErrorResponse;
use netapi_smb2::framing::frame;
use netapi_smb2::header::{Header, Route, flags};
use netapi_smb2::ioctl::{
    FSCTL_PIPE_TRANSCEIVE, FSCTL_VALIDATE_NEGOTIATE_INFO, IoctlRequest, IoctlResponse,
    ValidateNegotiateInfo,
};
use netapi_smb2::kdf::SessionKeys;
use netapi_smb2::negotiate::{
    HashAlgorithm, NegotiateContext, NegotiateRequest, NegotiateResponse, capabilities,
    security_mode,
};
use netapi_smb2::preauth::PreauthHash;
use netapi_smb2::read_write::{ReadRequest, ReadResponse, WriteRequest, write_response};
use netapi_smb2::session_setup::{
    SessionSetupRequest, SessionSetupResponse, empty_body, session_flags,
};
use netapi_smb2::signing::Signer;
use netapi_smb2::status::{
    STATUS_ACCESS_DENIED, STATUS_BUFFER_OVERFLOW, STATUS_LOGON_FAILURE,
    STATUS_MORE_PROCESSING_REQUIRED, STATUS_PENDING, STATUS_SUCCESS,
};
use netapi_smb2::tree::{TreeConnectRequest, TreeConnectResponse, share_type};
use netapi_smb2::{Cipher, Command, Dialect, SigningAlgorithm};

const TARGETS: [&str; 11] = [
    "decode_srvsvc",
    "decode_wkssvc",
    "decode_dtyp_hard",
    "decode_samr_lsa",
    "decode_epmapper",
    "dcerpc_pdu",
    "dcerpc_assoc",
    "smb2_messages",
    "smb2_connection",
    "spnego_ntlm",
    "krb_files",
];

struct Seeds {
    root: PathBuf,
    written: BTreeMap<&'static str, usize>,
}

impl Seeds {
    fn add(&mut self, target: &'static str, name: &str, bytes: &[u8]) {
        assert!(TARGETS.contains(&target), "{target}");
        let path = self.root.join(target).join(name);
        assert!(!path.exists(), "duplicate seed {}", path.display());
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        *self.written.entry(target).or_default() += 1;
    }
}

fn main() {
    // `gen_seeds [target ...]`: regenerate only those targets (default: all).
    let only: Vec<String> = std::env::args().skip(1).collect();
    for t in &only {
        assert!(TARGETS.contains(&t.as_str()), "unknown target {t}");
    }
    let wanted = |t: &str| only.is_empty() || only.iter().any(|o| o == t);
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = fuzz.join("seeds");
    for t in TARGETS.into_iter().filter(|t| wanted(t)) {
        let dir = root.join(t);
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        fs::create_dir_all(&dir).unwrap();
    }
    let mut s = Seeds {
        root,
        written: BTreeMap::new(),
    };
    let vectors = fuzz.join("../crates/netapi-msrpc/tests/vectors");
    let ms = ms_vectors(&fuzz.join("../crates/netapi-smb2/src/test_vectors.rs"));
    if wanted("decode_srvsvc") {
        decode_srvsvc(&mut s, &vectors.join("srvsvc"));
    }
    if wanted("decode_dtyp_hard") {
        decode_dtyp_hard(&mut s, &vectors);
    }
    if wanted("decode_wkssvc") {
        decode_wkssvc(&mut s, &vectors);
    }
    if wanted("decode_samr_lsa") {
        decode_samr_lsa(&mut s, &vectors);
    }
    if wanted("decode_epmapper") {
        decode_epmapper(&mut s, &vectors.join("epmapper"));
    }
    if wanted("dcerpc_pdu") {
        dcerpc_pdu(&mut s);
    }
    if wanted("dcerpc_assoc") {
        dcerpc_assoc(&mut s);
    }
    if wanted("smb2_messages") {
        smb2_messages(&mut s, &ms);
    }
    if wanted("smb2_connection") {
        smb2_connection(&mut s);
    }
    if wanted("spnego_ntlm") {
        spnego_ntlm(&mut s, &ms);
    }
    if wanted("krb_files") {
        krb_files(&mut s);
    }
    for (t, n) in &s.written {
        println!("{t}: {n} seeds");
    }
}

// ---- helpers ---------------------------------------------------------------------------------

fn unhex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default())
        .flat_map(|l| l.bytes().filter(u8::is_ascii_hexdigit))
        .collect();
    assert!(digits.len() % 2 == 0, "odd number of hex digits");
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

fn sorted_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "hex"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    v.sort();
    v
}

/// `(opnum, request?)` from a vector file name such as `15-NetrShareEnum-L1.in.impacket.hex`.
fn vector_call(name: &str) -> (u16, bool) {
    let opnum = name.split('-').next().unwrap().parse().unwrap();
    (opnum, name.contains(".in."))
}

fn with_selector(sel: usize, body: &[u8]) -> Vec<u8> {
    let mut v = vec![u8::try_from(sel).unwrap()];
    v.extend_from_slice(body);
    v
}

/// The `pub const NAME: &str = "hex";` items of the SMB2 crate's Microsoft examples.
fn ms_vectors(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let text = fs::read_to_string(path).unwrap();
    let mut out = BTreeMap::new();
    for item in text.split("pub const ").skip(1) {
        let Some((name, rest)) = item.split_once(": &str = \"") else {
            continue;
        };
        let hex = rest.split('"').next().unwrap();
        out.insert(name.to_owned(), unhex(hex));
    }
    out
}

/// A DER TLV with a definite length.
fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut v = vec![tag];
    let n = content.len();
    if n < 0x80 {
        v.push(n as u8);
    } else if n < 0x100 {
        v.extend_from_slice(&[0x81, n as u8]);
    } else {
        v.extend_from_slice(&[0x82, (n >> 8) as u8, n as u8]);
    }
    v.extend_from_slice(content);
    v
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

const OID_SPNEGO: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x02];
const OID_NTLM: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x02, 0x0a];
const OID_KRB5: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02];
const OID_MS_KRB5: &[u8] = &[0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02];

/// The NegTokenInit2 hint a Windows or Samba server puts in its NEGOTIATE response.
fn spnego_hint(kerberos: bool) -> Vec<u8> {
    let mut mechs = Vec::new();
    if kerberos {
        mechs.extend(der(0x06, OID_MS_KRB5));
        mechs.extend(der(0x06, OID_KRB5));
    }
    mechs.extend(der(0x06, OID_NTLM));
    let hints = der(
        0xa3,
        &der(
            0x30,
            &der(0xa0, &der(0x1b, b"not_defined_in_RFC4178@please_ignore")),
        ),
    );
    let init = der(0x30, &cat(&[&der(0xa0, &der(0x30, &mechs)), &hints]));
    der(0x60, &cat(&[&der(0x06, OID_SPNEGO), &der(0xa0, &init)]))
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// An NTLM CHALLENGE_MESSAGE as Samba sends it ([MS-NLMP] 2.2.1.2), version field included.
fn ntlm_challenge() -> Vec<u8> {
    let target = utf16("LAB");
    let mut info = Vec::new();
    for (id, value) in [
        (2u16, utf16("LAB")),
        (1, utf16("FS1")),
        (4, utf16("lab.example")),
        (3, utf16("fs1.lab.example")),
        (7, 0x01d9_0000_1234_5678u64.to_le_bytes().to_vec()),
        (0, Vec::new()),
    ] {
        info.extend_from_slice(&id.to_le_bytes());
        info.extend_from_slice(&(value.len() as u16).to_le_bytes());
        info.extend_from_slice(&value);
    }
    let mut m = b"NTLMSSP\0".to_vec();
    m.extend_from_slice(&2u32.to_le_bytes());
    let field = |len: usize, off: usize| {
        let mut f = (len as u16).to_le_bytes().to_vec();
        f.extend_from_slice(&(len as u16).to_le_bytes());
        f.extend_from_slice(&(off as u32).to_le_bytes());
        f
    };
    m.extend(field(target.len(), 56));
    m.extend_from_slice(&0xe289_8215u32.to_le_bytes());
    m.extend_from_slice(&[0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]);
    m.extend_from_slice(&[0; 8]);
    m.extend(field(info.len(), 56 + target.len()));
    m.extend_from_slice(&[6, 1, 0xb1, 0x1d, 0, 0, 0, 0x0f]);
    m.extend_from_slice(&target);
    m.extend_from_slice(&info);
    m
}

/// A NegTokenResp (accept-incomplete, NTLMSSP) carrying `token`.
fn neg_token_resp(state: u8, mech: bool, token: Option<&[u8]>, mic: Option<&[u8]>) -> Vec<u8> {
    let mut f = der(0xa0, &der(0x0a, &[state]));
    if mech {
        f.extend(der(0xa1, &der(0x06, OID_NTLM)));
    }
    if let Some(t) = token {
        f.extend(der(0xa2, &der(0x04, t)));
    }
    if let Some(m) = mic {
        f.extend(der(0xa3, &der(0x04, m)));
    }
    der(0xa1, &der(0x30, &f))
}

// ---- decode_srvsvc, decode_dtyp_hard -----------------------------------------------------------

fn decode_srvsvc(s: &mut Seeds, dir: &Path) {
    for (name, path) in sorted_files(dir) {
        let (opnum, request) = vector_call(&name);
        let pos = netapi_msrpc::srvsvc::OPNUMS
            .iter()
            .position(|(o, _)| *o == opnum)
            .unwrap_or_else(|| panic!("{name}: opnum {opnum} not declared"));
        let idx = pos + if request { SRVSVC_REQUESTS } else { 0 };
        let stub = unhex(&fs::read_to_string(&path).unwrap());
        if !SRVSVC_TYPES[idx](&stub) {
            // Kept: a few vectors are refusals the golden tests expect (e.g. Samba's answer
            // without the union arm), and seeds for the error paths are useful too.
            println!("decode_srvsvc: {name} does not decode (kept)");
        }
        s.add(
            "decode_srvsvc",
            name.trim_end_matches(".hex"),
            &with_selector(idx, &stub),
        );
    }
}

fn decode_wkssvc(s: &mut Seeds, vectors: &Path) {
    for dir in ["wkssvc", "netlogon", "msgsvc"] {
        for (name, path) in sorted_files(&vectors.join(dir)) {
            let (opnum, request) = vector_call(&name);
            let idx = workstation_index(dir, opnum, request)
                .unwrap_or_else(|| panic!("{dir}/{name}: opnum {opnum} not declared"));
            let stub = unhex(&fs::read_to_string(&path).unwrap());
            if !WKSSVC[idx](&stub) {
                println!("decode_wkssvc: {dir}/{name} does not decode (kept)");
            }
            let seed_name = format!("{dir}-{}", name.trim_end_matches(".hex"));
            s.add("decode_wkssvc", &seed_name, &with_selector(idx, &stub));
        }
    }
}

fn decode_dtyp_hard(s: &mut Seeds, vectors: &Path) {
    // (directory, opnum) -> (request index, response index) in DTYP_HARD.
    let calls: &[(&str, u16, usize, usize)] = &[
        ("samr", 34, 15, 16),
        ("samr", 47, 17, 18),
        ("samr", 16, 19, 20),
        ("lsarpc", 15, 25, 26),
        ("lsarpc", 14, 27, 28),
        ("wkssvc", 0, 31, 32),
    ];
    for dir in ["samr", "lsarpc", "wkssvc"] {
        for (name, path) in sorted_files(&vectors.join(dir)) {
            let (opnum, request) = vector_call(&name);
            // The other SAMR and LSA opnums seed decode_samr_lsa, wkssvc's but 0 decode_wkssvc.
            let Some(&(_, _, rq, rs)) = calls.iter().find(|c| c.0 == dir && c.1 == opnum) else {
                continue;
            };
            let idx = if request { rq } else { rs };
            let stub = unhex(&fs::read_to_string(&path).unwrap());
            if !DTYP_HARD[idx](&stub) {
                println!("decode_dtyp_hard: {dir}/{name} does not decode (kept)");
            }
            let seed_name = format!("{dir}-{}", name.trim_end_matches(".hex"));
            s.add("decode_dtyp_hard", &seed_name, &with_selector(idx, &stub));
        }
    }
    let enc = |v: Vec<u8>| v;
    let sid = RpcSid::new(5, &[21, 1_004_336_348, 1_177_238_915, 682_003_330, 512]).unwrap();
    let dtyp: [(&str, usize, Vec<u8>); 6] = [
        (
            "filetime",
            0,
            enc(netapi_ndr::encode(&FileTime::from_u64(0x01d9_1234_5678_9abc)).unwrap()),
        ),
        (
            "old-large-integer",
            1,
            enc(netapi_ndr::encode(&OldLargeInteger::from_i64(-1)).unwrap()),
        ),
        (
            "large-integer",
            2,
            enc(netapi_ndr::encode(&LargeInteger(i64::MAX)).unwrap()),
        ),
        (
            "unicode-string",
            3,
            enc(netapi_ndr::encode(&RpcUnicodeString::new("Administrator").unwrap()).unwrap()),
        ),
        ("sid", 4, enc(netapi_ndr::encode(&sid).unwrap())),
        (
            "unicode-text",
            DTYP_HARD.len() - 1,
            enc(netapi_ndr::encode(&RpcUnicodeString::new("caf\u{e9} \u{1f600}").unwrap()).unwrap()),
        ),
    ];
    for (name, idx, stub) in dtyp {
        assert!(DTYP_HARD[idx](&stub), "{name}");
        s.add(
            "decode_dtyp_hard",
            &format!("dtyp-{name}"),
            &with_selector(idx, &stub),
        );
    }
}

fn decode_samr_lsa(s: &mut Seeds, vectors: &Path) {
    let interfaces: [(&str, &[(u16, &str)], usize, usize); 2] = [
        ("samr", netapi_msrpc::samr::OPNUMS, 0, SAMR_REQUESTS),
        (
            "lsarpc",
            netapi_msrpc::lsarpc::OPNUMS,
            LSA_RESPONSES,
            LSA_REQUESTS,
        ),
    ];
    for (dir, opnums, responses, requests) in interfaces {
        for (name, path) in sorted_files(&vectors.join(dir)) {
            let (opnum, request) = vector_call(&name);
            let pos = opnums
                .iter()
                .position(|(o, _)| *o == opnum)
                .unwrap_or_else(|| panic!("{dir}/{name}: opnum {opnum} not declared"));
            let idx = pos + if request { requests } else { responses };
            let stub = unhex(&fs::read_to_string(&path).unwrap());
            assert!(
                SAMR_LSA[idx](&stub),
                "decode_samr_lsa: {dir}/{name} does not decode"
            );
            let seed_name = format!("{dir}-{}", name.trim_end_matches(".hex"));
            s.add("decode_samr_lsa", &seed_name, &with_selector(idx, &stub));
            // Enumeration answers also seed the direct reader's agreement check (last entry).
            if dir == "samr" && !request && (opnum == 13 || opnum == 15) {
                let page = SAMR_LSA.len() - 1;
                assert!(SAMR_LSA[page](&stub), "read_enumeration declines {name}");
                s.add(
                    "decode_samr_lsa",
                    &format!("page-{}", name.trim_end_matches(".hex")),
                    &with_selector(page, &stub),
                );
            }
        }
    }
}

fn decode_epmapper(s: &mut Seeds, dir: &Path) {
    use netapi_msrpc::epmapper::{Tower, Twr};
    for (name, path) in sorted_files(dir) {
        let (opnum, request) = vector_call(&name);
        assert_eq!(opnum, 3, "{name}: only ept_map is declared");
        let idx = if request { 0 } else { 1 };
        let stub = unhex(&fs::read_to_string(&path).unwrap());
        if !EPMAPPER[idx](&stub) {
            println!("decode_epmapper: {name} does not decode (kept)");
        }
        s.add(
            "decode_epmapper",
            name.trim_end_matches(".hex"),
            &with_selector(idx, &stub),
        );
    }
    let samr = SyntaxId::new("12345778-1234-abcd-ef00-0123456789ac", 1, 0);
    let t = Tower::ncacn_ip_tcp(&samr, std::net::Ipv4Addr::new(127, 0, 0, 3), 49154);
    let twr = netapi_ndr::encode(&Twr::from_tower(&t).unwrap()).unwrap();
    assert!(EPMAPPER[2](&twr));
    s.add("decode_epmapper", "twr-samr", &with_selector(2, &twr));
    s.add(
        "decode_epmapper",
        "tower-samr",
        &with_selector(EPMAPPER.len(), &t.encode().unwrap()),
    );
}

// ---- dcerpc_pdu --------------------------------------------------------------------------------

fn first_last() -> PfcFlags {
    PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG
}

fn accepted() -> ContextResult {
    ContextResult {
        result: ResultCode::ACCEPTANCE,
        reason: 0,
        transfer_syntax: NDR20,
    }
}

fn features_ack(bits: u16) -> ContextResult {
    ContextResult {
        result: ResultCode::NEGOTIATE_ACK,
        reason: bits,
        transfer_syntax: SyntaxId::new("00000000-0000-0000-0000-000000000000", 0, 0),
    }
}

fn trailer(auth_type: AuthType, level: AuthLevel, pad: u8) -> SecTrailer {
    SecTrailer {
        auth_type,
        auth_level: level,
        pad_length: pad,
        reserved: 0,
        context_id: 1,
    }
}

fn bind_ack(call_id: u32, results: Vec<ContextResult>, auth: Option<AuthVerifier>) -> Pdu {
    let mut p = Pdu::new(
        call_id,
        first_last(),
        Body::BindAck(BindAck {
            max_xmit_frag: 4280,
            max_recv_frag: 4280,
            assoc_group_id: 0x0001_2345,
            secondary_address: b"\\PIPE\\srvsvc\0".to_vec(),
            results,
        }),
    );
    p.auth = auth;
    p
}

fn dcerpc_pdu(s: &mut Seeds) {
    let mut add = |name: &str, pdu: Pdu| {
        let b = pdu.encode().unwrap();
        assert_eq!(Pdu::decode(&b).unwrap().body, pdu.body, "{name}");
        s.add("dcerpc_pdu", name, &b);
    };
    let bind = Bind {
        max_xmit_frag: 4280,
        max_recv_frag: 4280,
        assoc_group_id: 0,
        contexts: vec![
            ContextElement {
                context_id: 0,
                abstract_syntax: SRVSVC,
                transfer_syntaxes: vec![NDR20],
            },
            ContextElement {
                context_id: 1,
                abstract_syntax: SRVSVC,
                transfer_syntaxes: vec![netapi_dcerpc::uuid::bind_time_feature_syntax(3)],
            },
        ],
    };
    add("bind", Pdu::new(1, first_last(), Body::Bind(bind.clone())));
    let mut p = Pdu::new(
        1,
        first_last() | PfcFlags::SUPPORT_HEADER_SIGN,
        Body::Bind(bind.clone()),
    );
    p.auth = Some(AuthVerifier {
        trailer: trailer(AuthType::NTLMSSP, AuthLevel::PKT_PRIVACY, 0),
        value: b"NTLMSSP\0\x01\0\0\0\x97\x82\x08\xe2".to_vec(),
    });
    add("bind-auth", p);
    add(
        "alter-context",
        Pdu::new(2, first_last(), Body::AlterContext(bind)),
    );
    add(
        "bind-ack",
        bind_ack(1, vec![accepted(), features_ack(3)], None),
    );
    add(
        "bind-ack-auth",
        bind_ack(
            1,
            vec![accepted()],
            Some(AuthVerifier {
                trailer: trailer(AuthType::NTLMSSP, AuthLevel::PKT_INTEGRITY, 0),
                value: ntlm_challenge(),
            }),
        ),
    );
    add(
        "bind-ack-rejected",
        bind_ack(
            1,
            vec![ContextResult {
                result: ResultCode::PROVIDER_REJECTION,
                reason: ProviderReason::ABSTRACT_SYNTAX_NOT_SUPPORTED.0,
                transfer_syntax: SyntaxId::new("00000000-0000-0000-0000-000000000000", 0, 0),
            }],
            None,
        ),
    );
    let mut alter = bind_ack(2, vec![accepted()], None);
    alter.header.ptype = PacketType::ALTER_CONTEXT_RESP;
    if let Body::BindAck(b) = alter.body {
        alter.body = Body::AlterContextResp(b);
    }
    add("alter-context-resp", alter);
    add(
        "bind-nak",
        Pdu::new(
            1,
            first_last(),
            Body::BindNak(BindNak {
                reason: RejectReason::PROTOCOL_VERSION_NOT_SUPPORTED,
                versions: vec![(5, 0), (5, 1)],
                extension: Vec::new(),
            }),
        ),
    );
    add(
        "request",
        Pdu::new(
            2,
            first_last(),
            Body::Request(Request {
                alloc_hint: 24,
                context_id: 0,
                opnum: 15,
                object: None,
                stub: vec![0x11; 24],
            }),
        ),
    );
    add(
        "request-object",
        Pdu::new(
            2,
            PfcFlags::FIRST_FRAG,
            Body::Request(Request {
                alloc_hint: 4000,
                context_id: 1,
                opnum: 0,
                object: Some(SRVSVC.uuid),
                stub: vec![0x22; 40],
            }),
        ),
    );
    add(
        "response",
        Pdu::new(
            2,
            first_last(),
            Body::Response(Response {
                alloc_hint: 32,
                context_id: 0,
                cancel_count: 0,
                stub: vec![0x33; 32],
            }),
        ),
    );
    let mut p = Pdu::new(
        2,
        PfcFlags::LAST_FRAG,
        Body::Response(Response {
            alloc_hint: 20,
            context_id: 0,
            cancel_count: 0,
            stub: vec![0x44; 20],
        }),
    );
    p.auth = Some(AuthVerifier {
        trailer: trailer(AuthType::SPNEGO, AuthLevel::PKT_PRIVACY, 12),
        value: vec![
            1, 0, 0, 0, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0, 1, 0, 0, 0, 0,
        ],
    });
    add("response-auth", p);
    add(
        "fault",
        Pdu::new(
            2,
            first_last() | PfcFlags::DID_NOT_EXECUTE,
            Body::Fault(Fault {
                alloc_hint: 0,
                context_id: 0,
                cancel_count: 0,
                flags: 0,
                status: 0x1c01_0002,
                stub: Vec::new(),
            }),
        ),
    );
    let mut p = Pdu::new(1, first_last(), Body::Auth3);
    p.auth = Some(AuthVerifier {
        trailer: trailer(AuthType::NTLMSSP, AuthLevel::CONNECT, 0),
        value: b"NTLMSSP\0\x03\0\0\0".to_vec(),
    });
    add("auth3", p);
    add("shutdown", Pdu::new(0, first_last(), Body::Shutdown));
    add("co-cancel", Pdu::new(2, first_last(), Body::CoCancel));
    add("orphaned", Pdu::new(2, first_last(), Body::Orphaned));
    // A big-endian bind_ack, by hand (the encoder only writes little-endian).
    let mut be = vec![
        5,
        0,
        PacketType::BIND_ACK.0,
        3,
        0,
        0,
        0,
        0,
        0,
        56,
        0,
        0,
        0,
        0,
        0,
        1,
    ];
    be.extend_from_slice(&[0x10, 0xb8, 0x10, 0xb8, 0, 0, 0x12, 0x34, 0, 4]);
    be.extend_from_slice(b"135\0");
    be.extend_from_slice(&[0, 0, 1, 0, 0, 0]);
    be.extend_from_slice(&[0, 0, 0, 0]);
    be.extend_from_slice(&NDR20.uuid.to_le_bytes());
    be.extend_from_slice(&[0, 0, 0, 2]);
    be[9] = be.len() as u8;
    s.add("dcerpc_pdu", "bind-ack-big-endian", &be);
}

// ---- dcerpc_assoc ------------------------------------------------------------------------------

/// A scripted DCE/RPC server for [`AssocDriver`].
struct RpcServer {
    /// The client's auth type and level (from its bind), if it authenticates.
    auth: Option<(AuthType, AuthLevel)>,
    /// Our answer to the first token: an odd first byte asks the fake context for three legs.
    token: &'static [u8],
    /// Largest response fragment.
    frag: usize,
    /// Response stub length.
    stub_len: usize,
    /// Answer the n-th call (1-based) with a fault instead.
    fault_call: Option<u32>,
    calls: u32,
}

impl RpcServer {
    fn verifier(&self, value: Vec<u8>, pad: u8) -> Option<AuthVerifier> {
        let (t, l) = self.auth?;
        Some(AuthVerifier {
            trailer: trailer(t, l, pad),
            value,
        })
    }

    fn answer(&mut self, frame: &[u8]) -> Vec<Vec<u8>> {
        let pdu = Pdu::decode(frame).unwrap();
        let call_id = pdu.header.call_id;
        let results = |b: &Bind| {
            b.contexts
                .iter()
                .map(|c| {
                    if c.transfer_syntaxes[0].is_feature_negotiation() {
                        features_ack(2)
                    } else {
                        accepted()
                    }
                })
                .collect::<Vec<_>>()
        };
        match &pdu.body {
            Body::Bind(b) => {
                self.auth = pdu
                    .auth
                    .as_ref()
                    .map(|a| (a.trailer.auth_type, a.trailer.auth_level));
                let av = self.verifier(self.token.to_vec(), 0);
                let mut ack = bind_ack(call_id, results(b), av);
                if pdu.header.flags.contains(PfcFlags::SUPPORT_HEADER_SIGN) {
                    ack.header.flags |= PfcFlags::SUPPORT_HEADER_SIGN;
                }
                vec![ack.encode().unwrap()]
            }
            Body::AlterContext(b) => {
                let av = pdu
                    .auth
                    .as_ref()
                    .and_then(|_| self.verifier(b"FINAL".to_vec(), 0));
                let mut resp = bind_ack(call_id, results(b), av);
                resp.body = match resp.body {
                    Body::BindAck(a) => Body::AlterContextResp(a),
                    other => other,
                };
                vec![resp.encode().unwrap()]
            }
            Body::Request(r) if pdu.header.flags.contains(PfcFlags::LAST_FRAG) => {
                self.calls += 1;
                if self.fault_call == Some(self.calls) {
                    let f = Pdu::new(
                        call_id,
                        first_last(),
                        Body::Fault(Fault {
                            alloc_hint: 0,
                            context_id: r.context_id,
                            cancel_count: 0,
                            flags: 0,
                            status: 0x1c01_0003,
                            stub: Vec::new(),
                        }),
                    );
                    return vec![f.encode().unwrap()];
                }
                self.response(call_id, r.context_id)
            }
            _ => Vec::new(),
        }
    }

    fn response(&self, call_id: u32, ctx: u16) -> Vec<Vec<u8>> {
        let protected = matches!(
            self.auth,
            Some((_, AuthLevel::PKT_INTEGRITY | AuthLevel::PKT_PRIVACY))
        );
        let overhead = 24 + if protected { 24 } else { 0 };
        let chunk = if protected {
            (self.frag - overhead) / 16 * 16
        } else {
            self.frag - overhead
        };
        let stub: Vec<u8> = (0..self.stub_len).map(|i| i as u8).collect();
        let n = stub.len().div_ceil(chunk).max(1);
        (0..n)
            .map(|i| {
                let (a, b) = (i * chunk, ((i + 1) * chunk).min(stub.len()));
                let mut flags = PfcFlags(0);
                if i == 0 {
                    flags |= PfcFlags::FIRST_FRAG;
                }
                if i + 1 == n {
                    flags |= PfcFlags::LAST_FRAG;
                }
                let mut p = Pdu::new(
                    call_id,
                    flags,
                    Body::Response(Response {
                        alloc_hint: (stub.len() - a) as u32,
                        context_id: ctx,
                        cancel_count: 0,
                        stub: stub[a..b].to_vec(),
                    }),
                );
                if protected {
                    let pad = (16 - (b - a) % 16) % 16;
                    p.auth = self.verifier(vec![0; 16], pad as u8);
                }
                p.encode().unwrap()
            })
            .collect()
    }
}

/// Runs the driver against `server`; returns the server's bytes.
fn rpc_conversation(sel: u8, mut server: RpcServer, stop_after: usize) -> Vec<u8> {
    let mut d = AssocDriver::new(sel);
    let mut wire = Vec::new();
    let mut pending = d.drain();
    let mut answers = 0;
    while !pending.is_empty() && answers < stop_after {
        let mut next = Vec::new();
        for f in pending {
            for a in server.answer(&f) {
                answers += 1;
                wire.extend_from_slice(&a);
                if d.feed(&a).is_err() {
                    // A refusal the script provokes (e.g. a response beyond the limits).
                    return wire;
                }
                next.extend(d.drain());
            }
        }
        pending = next;
    }
    wire
}

fn dcerpc_assoc(s: &mut Seeds) {
    let server = |token: &'static [u8], frag: usize, stub_len: usize, fault_call| RpcServer {
        auth: None,
        token,
        frag,
        stub_len,
        fault_call,
        calls: 0,
    };
    // (name, split selector, config selector, server, answers before stopping)
    let cases: Vec<(&str, u8, u8, RpcServer, usize)> = vec![
        ("plain", 0, 0x20, server(b"", 4280, 100, None), 6),
        (
            "plain-features-1432",
            0,
            0x08,
            server(b"", 1432, 3000, None),
            12,
        ),
        ("plain-split1", 1, 0x28, server(b"", 4280, 60, None), 4),
        ("plain-fault", 0, 0x28, server(b"", 4280, 60, Some(2)), 5),
        ("alter-context", 0, 0xa8, server(b"", 4280, 60, None), 5),
        ("small-limits", 9, 0x60, server(b"", 4280, 9000, None), 8),
        (
            "connect-2legs",
            0,
            0x29,
            server(b"\x00CHALLENGE", 4280, 60, None),
            5,
        ),
        (
            "integrity-2legs",
            3,
            0x2a,
            server(b"\x00CHALLENGE", 4280, 300, None),
            5,
        ),
        (
            "privacy-2legs",
            0,
            0x2b,
            server(b"\x00CHALLENGE", 2048, 5000, None),
            8,
        ),
        (
            "privacy-3legs-spnego",
            0,
            0x2f,
            server(b"\x01CHALLENGE", 4280, 300, None),
            6,
        ),
        (
            "integrity-3legs-alter",
            200,
            0xae,
            server(b"\x01CHALLENGE", 1432, 2000, None),
            8,
        ),
    ];
    for (name, split, sel, srv, stop) in cases {
        let mut seed = vec![split, sel];
        seed.extend(rpc_conversation(sel, srv, stop));
        s.add("dcerpc_assoc", name, &seed);
    }
    // Refusals: bind_nak, a fault instead of the bind_ack, shutdown.
    let nak = Pdu::new(
        1,
        first_last(),
        Body::BindNak(BindNak {
            reason: RejectReason::AUTHENTICATION_TYPE_NOT_RECOGNIZED,
            versions: vec![(5, 0)],
            extension: Vec::new(),
        }),
    );
    s.add(
        "dcerpc_assoc",
        "bind-nak",
        &cat(&[&[0, 0x21], &nak.encode().unwrap()]),
    );
    let shutdown = Pdu::new(0, first_last(), Body::Shutdown).encode().unwrap();
    let ack = bind_ack(1, vec![accepted()], None).encode().unwrap();
    s.add(
        "dcerpc_assoc",
        "shutdown",
        &cat(&[&[0, 0x00], &ack, &shutdown]),
    );
}

// ---- smb2_messages -----------------------------------------------------------------------------

fn response_header(
    command: Command,
    status: u32,
    message_id: u64,
    session_id: u64,
    tree: u32,
) -> Vec<u8> {
    let mut h = Header::request(command);
    h.status = status;
    h.credits = 32;
    h.flags = flags::SERVER_TO_REDIR;
    h.message_id = message_id;
    h.route = Route::Sync { tree_id: tree };
    h.session_id = session_id;
    let mut m = Vec::new();
    h.encode(&mut m);
    m
}

fn request_header(command: Command) -> Vec<u8> {
    let mut m = Vec::new();
    Header::request(command).encode(&mut m);
    m
}

fn contexts_311(cipher: Cipher, signing: SigningAlgorithm) -> Vec<NegotiateContext> {
    vec![
        NegotiateContext::PreauthIntegrity {
            hash_algorithms: vec![HashAlgorithm::SHA_512],
            salt: vec![0x5a; 32],
        },
        NegotiateContext::Encryption {
            ciphers: vec![cipher],
        },
        NegotiateContext::Signing {
            algorithms: vec![signing],
        },
    ]
}

fn negotiate_response(
    dialect: Dialect,
    caps: u32,
    contexts: Vec<NegotiateContext>,
) -> NegotiateResponse {
    NegotiateResponse {
        security_mode: security_mode::SIGNING_ENABLED,
        dialect,
        server_guid: [0x99; 16],
        capabilities: caps,
        max_transact_size: 1 << 20,
        max_read_size: 1 << 20,
        max_write_size: 1 << 20,
        system_time: 0x01d9_0000_0000_0000,
        server_start_time: 0,
        security_buffer: spnego_hint(true),
        contexts,
    }
}

fn smb2_messages(s: &mut Seeds, ms: &BTreeMap<String, Vec<u8>>) {
    let mut add = |name: &str, sel: u8, msg: &[u8]| {
        s.add("smb2_messages", name, &cat(&[&[sel], msg]));
    };
    let resp =
        |cmd, body: Vec<u8>| cat(&[&response_header(cmd, STATUS_SUCCESS, 1, 0x11, 7), &body]);
    // Microsoft's published examples.
    for (name, sel) in [
        ("NEG_RESP", 1),
        ("SS_RESP1", 2),
        ("SS_RESP_FINAL", 2),
        ("NEG_REQ", 18),
        ("SS_REQ1", 19),
        ("SS_REQ2", 19),
        ("NEG_RESP", 0),
        ("SS_RESP1", 16),
        ("ENC30_RESP_PLAIN", 0),
        ("ENC311_RESP_PLAIN", 0),
        ("ENC30_TRANSFORMED", 12),
        ("ENC30_RESP_TRANSFORMED", 12),
        ("ENC311_TRANSFORMED", 13),
        ("ENC311_RESP_TRANSFORMED", 13),
    ] {
        let m = ms.get(name).unwrap_or_else(|| panic!("{name} missing"));
        add(&format!("ms-{name}-sel{sel}"), sel, m);
    }
    add("header", 0, &response_header(Command::ECHO, 0, 3, 0, 0));
    let mut h = Header::request(Command::IOCTL);
    h.route = Route::Async { async_id: 0x1234 };
    h.status = STATUS_PENDING;
    h.flags = flags::SERVER_TO_REDIR;
    let mut async_hdr = Vec::new();
    h.encode(&mut async_hdr);
    add("header-async", 0, &async_hdr);
    for (name, dialect, caps, ctx) in [
        ("negotiate-202", Dialect::SMB2_0_2, 0, vec![]),
        (
            "negotiate-210",
            Dialect::SMB2_1,
            capabilities::LARGE_MTU,
            vec![],
        ),
        (
            "negotiate-300",
            Dialect::SMB3_0,
            capabilities::LARGE_MTU | capabilities::ENCRYPTION,
            vec![],
        ),
        (
            "negotiate-311",
            Dialect::SMB3_1_1,
            capabilities::LARGE_MTU,
            {
                let mut c = contexts_311(Cipher::AES_128_GCM, SigningAlgorithm::AES_GMAC);
                c.push(NegotiateContext::NetName("fs1".into()));
                c.push(NegotiateContext::Other {
                    context_type: 0x0007,
                    data: vec![1, 0, 0, 0, 0, 0, 0, 0],
                });
                c
            },
        ),
    ] {
        add(
            name,
            1,
            &resp(
                Command::NEGOTIATE,
                negotiate_response(dialect, caps, ctx).encode(),
            ),
        );
    }
    let ss = SessionSetupResponse {
        session_flags: session_flags::IS_NULL,
        security_buffer: neg_token_resp(1, true, Some(&ntlm_challenge()), None),
    };
    add(
        "session-setup",
        2,
        &resp(Command::SESSION_SETUP, ss.encode()),
    );
    let tc = TreeConnectResponse {
        share_type: share_type::PIPE,
        share_flags: 0x30,
        capabilities: 0,
        maximal_access: 0x001f_01ff,
    };
    add("tree-connect", 3, &resp(Command::TREE_CONNECT, tc.encode()));
    let cr = CreateResponse {
        oplock_level: 0,
        create_action: 1,
        end_of_file: 0,
        file_attributes: 0x80,
        file_id: FileId([3; 16]),
    };
    add("create", 4, &resp(Command::CREATE, cr.encode()));
    add("close", 5, &resp(Command::CLOSE, close_response()));
    let rd = ReadResponse {
        data: b"\x05\x00\x02\x03\x10\x00\x00\x00".to_vec(),
        data_remaining: 0,
    };
    add("read", 6, &resp(Command::READ, rd.encode()));
    add("write", 7, &resp(Command::WRITE, write_response(160)));
    let io = IoctlResponse {
        ctl_code: FSCTL_PIPE_TRANSCEIVE,
        file_id: FileId([3; 16]),
        output: vec![5, 0, 2, 3, 0x10, 0, 0, 0, 0x1c, 0, 0, 0],
    };
    add("ioctl", 8, &resp(Command::IOCTL, io.encode()));
    let vni = ValidateNegotiateInfo {
        capabilities: capabilities::LARGE_MTU,
        guid: [0x99; 16],
        security_mode: 1,
        dialect: Dialect::SMB3_0,
    };
    add("validate-negotiate", 9, &vni.encode());
    let er = ErrorResponse {
        error_context_count: 0,
        data: vec![0; 8],
    };
    add(
        "error",
        10,
        &cat(&[
            &response_header(Command::CREATE, 0xc000_0034, 1, 0x11, 7),
            &er.encode(),
        ]),
    );
    add("empty-body", 11, &resp(Command::ECHO, empty_body()));
    // Transform frames sealed under the target's fixed key, one per cipher, so the seeds open.
    for (i, (cipher, len)) in [
        (Cipher::AES_128_CCM, 16),
        (Cipher::AES_128_GCM, 16),
        (Cipher::AES_256_CCM, 32),
        (Cipher::AES_256_GCM, 32),
    ]
    .into_iter()
    .enumerate()
    {
        let sealer = Sealer::new(cipher, &vec![0x42; len]).unwrap();
        let sealed = sealer
            .encrypt(&[7; 16], 0x11, &resp(Command::ECHO, empty_body()))
            .unwrap();
        add(&format!("sealed-{cipher:?}"), 12 + i as u8, &sealed);
    }
    let mut signed = resp(Command::ECHO, empty_body());
    Signer::new(SigningAlgorithm::AES_CMAC, &[0x42; 16])
        .sign(&mut signed)
        .unwrap();
    add("signed-cmac", 16, &signed);
    // Direct TCP framing: byte 1 is the split selector.
    let stream = cat(&[
        &frame(&resp(Command::ECHO, empty_body())).unwrap(),
        &frame(&resp(Command::WRITE, write_response(4))).unwrap(),
        &[0, 0, 0, 0],
    ]);
    add("framing", 17, &cat(&[&[3], &stream]));
    // Requests, as the test peers parse them.
    let nr = NegotiateRequest {
        security_mode: 1,
        capabilities: 0x44,
        client_guid: [0x11; 16],
        dialects: Dialect::ALL.to_vec(),
        contexts: contexts_311(Cipher::AES_256_GCM, SigningAlgorithm::AES_CMAC),
    };
    add(
        "negotiate-request",
        18,
        &cat(&[&request_header(Command::NEGOTIATE), &nr.encode()]),
    );
    let sr = SessionSetupRequest {
        security_mode: 2,
        capabilities: 0,
        security_buffer: neg_token_resp(1, false, Some(b"NTLMSSP\0\x03\0\0\0"), None),
    };
    add(
        "session-setup-request",
        19,
        &cat(&[&request_header(Command::SESSION_SETUP), &sr.encode()]),
    );
    let tr = TreeConnectRequest {
        path: r"\\fs1\IPC$".into(),
    };
    add(
        "tree-connect-request",
        19,
        &cat(&[
            &request_header(Command::TREE_CONNECT),
            &tr.encode().unwrap(),
        ]),
    );
    add(
        "create-request",
        20,
        &cat(&[
            &request_header(Command::CREATE),
            &CreateRequest::pipe("srvsvc").encode().unwrap(),
        ]),
    );
    let rr = ReadRequest {
        file_id: FileId([3; 16]),
        length: 4280,
        offset: 0,
        minimum_count: 0,
    };
    add(
        "read-request",
        21,
        &cat(&[&request_header(Command::READ), &rr.encode()]),
    );
    let wr = WriteRequest {
        file_id: FileId([3; 16]),
        offset: 0,
        data: vec![5, 0, 11, 3],
    };
    add(
        "write-request",
        21,
        &cat(&[&request_header(Command::WRITE), &wr.encode()]),
    );
    let ir = IoctlRequest {
        ctl_code: FSCTL_VALIDATE_NEGOTIATE_INFO,
        file_id: FileId::NONE,
        input: vec![0; 24],
        max_output: 24,
    };
    add(
        "ioctl-request",
        21,
        &cat(&[&request_header(Command::IOCTL), &ir.encode()]),
    );
}

// ---- smb2_connection ---------------------------------------------------------------------------

/// How the scripted SMB2 server behaves.
#[derive(Clone, Copy)]
struct SmbScript {
    dialect: Dialect,
    caps: u32,
    cipher: Cipher,
    signing: SigningAlgorithm,
    /// Answer SESSION_SETUP with this status after the first leg.
    logon_status: u32,
    /// Answer the transceive with STATUS_PENDING first (async), then the final response.
    pending_ioctl: bool,
    /// READ answers STATUS_BUFFER_OVERFLOW.
    overflow_read: bool,
    /// TREE_CONNECT answers access denied.
    deny_tree: bool,
}

impl SmbScript {
    fn new(dialect: Dialect) -> Self {
        SmbScript {
            dialect,
            caps: capabilities::LARGE_MTU,
            cipher: Cipher::AES_128_GCM,
            signing: SigningAlgorithm::AES_CMAC,
            logon_status: STATUS_SUCCESS,
            pending_ioctl: false,
            overflow_read: false,
            deny_tree: false,
        }
    }
}

struct SmbServer {
    script: SmbScript,
    keyed: bool,
    sid: u64,
    legs: u32,
    preauth: PreauthHash,
    keys: Option<SessionKeys>,
    /// Responses on the session are signed / sealed once it is established.
    sign: bool,
    seal: bool,
    nonces: NonceCounter,
    logged_off: bool,
}

const SID: u64 = 0x0000_4400_0000_0011;
const TREE: u32 = 7;

impl SmbServer {
    fn cipher(&self) -> Option<Cipher> {
        match self.script.dialect {
            Dialect::SMB3_1_1 => Some(self.script.cipher),
            Dialect::SMB3_0 | Dialect::SMB3_0_2
                if self.script.caps & capabilities::ENCRYPTION != 0 =>
            {
                Some(Cipher::AES_128_CCM)
            }
            _ => None,
        }
    }

    fn signing_algorithm(&self) -> SigningAlgorithm {
        match self.script.dialect {
            Dialect::SMB3_1_1 => self.script.signing,
            d if d.is_smb3() => SigningAlgorithm::AES_CMAC,
            _ => SigningAlgorithm::HMAC_SHA256,
        }
    }

    /// The messages answering one request (usually one; an interim response adds another).
    fn answer(&mut self, wire: &[u8]) -> Vec<Vec<u8>> {
        let req = if wire.starts_with(&[0xfd, b'S', b'M', b'B']) {
            let k = self.keys.as_ref().unwrap();
            let opener =
                Sealer::new(self.cipher().unwrap(), k.encryption.as_ref().unwrap()).unwrap();
            opener.decrypt(wire).unwrap().1
        } else {
            wire.to_vec()
        };
        let q = Header::parse(&req).unwrap();
        let cmd = q.command;
        let in_session = q.session_id == self.sid && self.keys.is_some();
        let mut status = STATUS_SUCCESS;
        let mut tree = q.tree_id().unwrap_or(0);
        let mut interim = None;
        let body = match cmd {
            Command::NEGOTIATE => {
                self.preauth.update(&req);
                let ctx = if self.script.dialect == Dialect::SMB3_1_1 {
                    contexts_311(self.script.cipher, self.script.signing)
                } else {
                    Vec::new()
                };
                negotiate_response(self.script.dialect, self.script.caps, ctx).encode()
            }
            Command::SESSION_SETUP => {
                self.legs += 1;
                self.sid = SID;
                self.preauth.update(&req);
                if self.legs == 1 {
                    status = STATUS_MORE_PROCESSING_REQUIRED;
                    SessionSetupResponse {
                        session_flags: 0,
                        security_buffer: neg_token_resp(1, true, Some(&ntlm_challenge()), None),
                    }
                    .encode()
                } else {
                    status = self.script.logon_status;
                    if status != STATUS_SUCCESS {
                        ErrorResponse::default().encode()
                    } else {
                        let preauth = (self.script.dialect == Dialect::SMB3_1_1)
                            .then(|| *self.preauth.value());
                        if self.keyed {
                            self.keys = Some(SessionKeys::derive(
                                self.script.dialect,
                                &SESSION_KEY,
                                preauth.as_ref(),
                                self.cipher(),
                            ));
                        }
                        let flags = if self.keyed {
                            0
                        } else {
                            session_flags::IS_NULL
                        };
                        SessionSetupResponse {
                            session_flags: flags,
                            security_buffer: neg_token_resp(0, false, None, Some(&[0; 16])),
                        }
                        .encode()
                    }
                }
            }
            Command::TREE_CONNECT if self.script.deny_tree => {
                status = STATUS_ACCESS_DENIED;
                ErrorResponse::default().encode()
            }
            Command::TREE_CONNECT => {
                tree = TREE;
                TreeConnectResponse {
                    share_type: share_type::PIPE,
                    share_flags: 0,
                    capabilities: 0,
                    maximal_access: 0x001f_01ff,
                }
                .encode()
            }
            Command::CREATE => CreateResponse {
                oplock_level: 0,
                create_action: 1,
                end_of_file: 0,
                file_attributes: 0x80,
                file_id: FileId([3; 16]),
            }
            .encode(),
            Command::WRITE => write_response(4),
            Command::READ => {
                if self.script.overflow_read {
                    status = STATUS_BUFFER_OVERFLOW;
                }
                ReadResponse {
                    data: vec![5, 0, 2, 3, 0x10, 0, 0, 0],
                    data_remaining: 0,
                }
                .encode()
            }
            Command::IOCTL => {
                let r = IoctlRequest::parse(&req).unwrap();
                let output = if r.ctl_code == FSCTL_VALIDATE_NEGOTIATE_INFO {
                    ValidateNegotiateInfo {
                        capabilities: self.script.caps,
                        guid: [0x99; 16],
                        security_mode: security_mode::SIGNING_ENABLED,
                        dialect: self.script.dialect,
                    }
                    .encode()
                } else {
                    if self.script.pending_ioctl {
                        let mut h = Header::request(cmd);
                        h.status = STATUS_PENDING;
                        h.credits = 1;
                        h.flags = flags::SERVER_TO_REDIR;
                        h.message_id = q.message_id;
                        h.route = Route::Async { async_id: 0x77 };
                        h.session_id = q.session_id;
                        let mut m = Vec::new();
                        h.encode(&mut m);
                        m.extend_from_slice(&ErrorResponse::default().encode());
                        interim = Some(m);
                    }
                    vec![
                        5, 0, 2, 3, 0x10, 0, 0, 0, 0x18, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0,
                    ]
                };
                IoctlResponse {
                    ctl_code: r.ctl_code,
                    file_id: r.file_id,
                    output,
                }
                .encode()
            }
            Command::CLOSE => close_response(),
            _ => empty_body(),
        };
        let sid = if cmd == Command::NEGOTIATE {
            0
        } else {
            q.session_id.max(self.sid)
        };
        let sid = if cmd == Command::ECHO { 0 } else { sid };
        let mut msg = response_header(cmd, status, q.message_id, sid, tree);
        msg.extend_from_slice(&body);
        if cmd == Command::NEGOTIATE {
            self.preauth.update(&msg);
        }
        if cmd == Command::SESSION_SETUP && status == STATUS_MORE_PROCESSING_REQUIRED {
            self.preauth.update(&msg);
        }
        let final_setup = cmd == Command::SESSION_SETUP && status == STATUS_SUCCESS;
        if cmd == Command::LOGOFF {
            // The client forgets the session's keys with this response; nothing after is signed.
            self.logged_off = true;
        }
        let in_session = in_session && !(self.logged_off && cmd != Command::LOGOFF);
        let mut out = Vec::new();
        if let Some(i) = interim {
            out.push(i);
        }
        out.push(
            if let Some(k) = self.keys.as_ref().filter(|_| in_session || final_setup) {
                if self.seal && !final_setup {
                    let sealer =
                        Sealer::new(self.cipher().unwrap(), k.decryption.as_ref().unwrap())
                            .unwrap();
                    let nonce = self.nonces.next(sealer.cipher()).unwrap();
                    sealer.encrypt(&nonce, self.sid, &msg).unwrap()
                } else if self.sign || final_setup {
                    Signer::new(self.signing_algorithm(), &k.signing)
                        .sign(&mut msg)
                        .unwrap();
                    msg
                } else {
                    msg
                }
            } else {
                msg
            },
        );
        out
    }
}

/// Runs the driver against a scripted server; returns the server's bytes (framed).
fn smb_conversation(sel: u8, script: SmbScript, sign: bool, seal: bool) -> Vec<u8> {
    let mut d = Driver::new(sel);
    let mut server = SmbServer {
        script,
        keyed: sel & 0x80 != 0,
        sid: 0,
        legs: 0,
        preauth: PreauthHash::new(),
        keys: None,
        sign,
        seal,
        nonces: NonceCounter::default(),
        logged_off: false,
    };
    let mut wire = Vec::new();
    let mut pending = d.drain();
    let mut rounds = 0;
    while !pending.is_empty() && rounds < 64 {
        rounds += 1;
        let mut next = Vec::new();
        for m in pending {
            for a in server.answer(&m) {
                let f = frame(&a).unwrap();
                d.conn
                    .handle_input(&f)
                    .unwrap_or_else(|e| panic!("sel {sel:#x}: {e}"));
                wire.extend_from_slice(&f);
                next.extend(d.drain());
            }
        }
        pending = next;
    }
    wire
}

fn smb2_connection(s: &mut Seeds) {
    let base = SmbScript::new;
    let cases: Vec<(&str, u8, u8, SmbScript, bool, bool)> = vec![
        // (name, split, config selector, script, sign responses, seal responses)
        ("anon-202", 0, 0x00, base(Dialect::SMB2_0_2), false, false),
        (
            "anon-210-split7",
            4,
            0x00,
            base(Dialect::SMB2_1),
            false,
            false,
        ),
        ("anon-300", 0, 0x01, base(Dialect::SMB3_0), false, false),
        ("anon-311", 0, 0x03, base(Dialect::SMB3_1_1), false, false),
        (
            "anon-311-netname-credits",
            9,
            0x43,
            base(Dialect::SMB3_1_1),
            false,
            false,
        ),
        (
            "keyed-210-unsigned",
            0,
            0x80,
            base(Dialect::SMB2_1),
            false,
            false,
        ),
        (
            "keyed-210-signed",
            0,
            0x84,
            base(Dialect::SMB2_1),
            true,
            false,
        ),
        (
            "keyed-300-signed-validate",
            0,
            0x86,
            base(Dialect::SMB3_0),
            true,
            false,
        ),
        (
            "keyed-300-sealed",
            0,
            0x96,
            SmbScript {
                caps: capabilities::LARGE_MTU | capabilities::ENCRYPTION,
                ..base(Dialect::SMB3_0)
            },
            false,
            true,
        ),
        (
            "keyed-311-gmac",
            0,
            0x87,
            SmbScript {
                signing: SigningAlgorithm::AES_GMAC,
                ..base(Dialect::SMB3_1_1)
            },
            true,
            false,
        ),
        (
            "keyed-311-sealed-ccm",
            0,
            0x97,
            SmbScript {
                cipher: Cipher::AES_128_CCM,
                ..base(Dialect::SMB3_1_1)
            },
            false,
            true,
        ),
        (
            "logon-failure",
            0,
            0x00,
            SmbScript {
                logon_status: STATUS_LOGON_FAILURE,
                ..base(Dialect::SMB2_1)
            },
            false,
            false,
        ),
        (
            "tree-denied",
            0,
            0x00,
            SmbScript {
                deny_tree: true,
                ..base(Dialect::SMB2_1)
            },
            false,
            false,
        ),
        (
            "pending-overflow",
            1,
            0x00,
            SmbScript {
                pending_ioctl: true,
                overflow_read: true,
                ..base(Dialect::SMB3_0_2)
            },
            false,
            false,
        ),
    ];
    for (name, split, sel, script, sign, seal) in cases {
        let mut seed = vec![split, sel];
        seed.extend(smb_conversation(sel, script, sign, seal));
        s.add("smb2_connection", name, &seed);
    }
}

// ---- spnego_ntlm -------------------------------------------------------------------------------

fn prefixed(tokens: &[&[u8]]) -> Vec<u8> {
    let mut v = Vec::new();
    for t in tokens {
        v.extend_from_slice(&u16::try_from(t.len()).unwrap().to_le_bytes());
        v.extend_from_slice(t);
    }
    v
}

fn spnego_ntlm(s: &mut Seeds, ms: &BTreeMap<String, Vec<u8>>) {
    let challenge = ntlm_challenge();
    let resp = neg_token_resp(1, true, Some(&challenge), None);
    let done = neg_token_resp(
        0,
        false,
        None,
        Some(&[1, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0]),
    );
    let reject = neg_token_resp(2, false, None, None);
    let (hint_krb, hint_ntlm) = (spnego_hint(true), spnego_hint(false));
    // Microsoft's example: the SPNEGO tokens inside its SESSION_SETUP responses.
    let ms_resp1 = SessionSetupResponse::parse(&ms["SS_RESP1"])
        .unwrap()
        .security_buffer;
    let ms_final = SessionSetupResponse::parse(&ms["SS_RESP_FINAL"])
        .unwrap()
        .security_buffer;
    let ms_hint = NegotiateResponse::parse(&ms["NEG_RESP"])
        .unwrap()
        .security_buffer;
    let cases: Vec<(&str, u8, Vec<&[u8]>)> = vec![
        ("raw-challenge", 0, vec![&challenge]),
        ("spnego-challenge", 1, vec![&resp, &done]),
        ("spnego-reject", 1, vec![&reject]),
        ("spnego-hint-challenge", 2, vec![&hint_krb, &resp, &done]),
        ("spnego-hint-ntlm-only", 2, vec![&hint_ntlm, &resp]),
        ("ms-ss-resp", 1, vec![&ms_resp1, &ms_final]),
        ("ms-hint-ss-resp", 2, vec![&ms_hint, &ms_resp1, &ms_final]),
    ];
    for (name, mode, toks) in cases {
        s.add("spnego_ntlm", name, &cat(&[&[mode], &prefixed(&toks)]));
    }
}

// ---- krb_files ---------------------------------------------------------------------------------

fn krb_files(s: &mut Seeds) {
    use netapi_auth::ccache::{self, Ccache, Credential, Key, Principal};
    use netapi_auth::keytab::{self, Entry};
    let p = |realm: &str, parts: &[&str]| Principal {
        name_type: if parts.len() == 2 { 2 } else { 1 },
        realm: realm.into(),
        components: parts.iter().map(|c| c.to_string()).collect(),
    };
    let cred = |server: Principal, enctype: i32, len: usize| Credential {
        client: p("LAB.EXAMPLE", &["alice"]),
        server,
        key: Key::new(enctype, (0..len as u8).collect()),
        auth_time: 1_700_000_000,
        start_time: 1_700_000_000,
        end_time: 1_700_036_000,
        renew_till: 1_700_604_800,
        is_skey: false,
        flags: 0x40e1_0000,
        // A Ticket: [APPLICATION 1] SEQUENCE { tkt-vno 5, ... } (shortened).
        ticket: der(0x61, &der(0x30, &der(0xa0, &der(0x02, &[5])))),
        second_ticket: Vec::new(),
    };
    let cache = Ccache {
        version: 4,
        kdc_offset: Some((-2, 500)),
        default_principal: p("LAB.EXAMPLE", &["alice"]),
        credentials: vec![
            cred(p("LAB.EXAMPLE", &["krbtgt", "LAB.EXAMPLE"]), 18, 32),
            cred(
                p("X-CACHECONF:", &["krb5_ccache_conf_data", "pa_type"]),
                0,
                1,
            ),
            cred(p("LAB.EXAMPLE", &["cifs", "dc1.lab.example"]), 18, 32),
            cred(p("LAB.EXAMPLE", &["host", "dc1.lab.example"]), 17, 16),
        ],
    };
    s.add(
        "krb_files",
        "ccache-v4",
        &cat(&[&[0], &ccache::write::to_bytes(&cache)]),
    );
    let mut v3 = ccache::write::to_bytes(&Ccache {
        credentials: vec![cred(p("LAB.EXAMPLE", &["krbtgt", "LAB.EXAMPLE"]), 23, 16)],
        kdc_offset: None,
        ..cache.clone()
    });
    // v4 without header fields → v3: drop the header length, repeat the key type.
    v3[1] = 3;
    v3.drain(2..4);
    let at = v3.windows(2).rposition(|w| w == [0, 23]).unwrap();
    v3.splice(at..at, [0, 23]);
    s.add("krb_files", "ccache-v3-rc4", &cat(&[&[0], &v3]));
    let entry = |name: &str, kvno: u32, enctype: i32, len: usize| Entry {
        principal: p("LAB.EXAMPLE", &[name]),
        timestamp: 1_700_000_000,
        kvno,
        key: Key::new(enctype, (0..len as u8).rev().collect()),
    };
    let kt = keytab::write::to_bytes(&[
        entry("netapiuser", 2, 18, 32),
        entry("netapiuser", 2, 17, 16),
        entry("netapiuser", 2, 23, 16),
        entry("svc", 7, 18, 32),
    ]);
    s.add("krb_files", "keytab", &cat(&[&[1], &kt]));
    let mut hole = vec![5, 2];
    hole.extend((-8i32).to_be_bytes());
    hole.extend([0; 8]);
    hole.extend_from_slice(&kt[2..]);
    s.add("krb_files", "keytab-hole", &cat(&[&[1], &hole]));
    let conf = "[libdefaults]\n    default_realm = LAB.EXAMPLE\n    dns_lookup_kdc = false\n\
                [realms]\n    LAB.EXAMPLE = {\n        kdc = 127.0.0.3\n        kdc = tcp/dc1.lab.example:88\n\
                        admin_server = 127.0.0.3\n    }\n[domain_realm]\n    .lab.example = LAB.EXAMPLE\n";
    s.add("krb_files", "krb5.conf", &cat(&[&[2], conf.as_bytes()]));
    // Samba's internal DNS answering _kerberos._tcp.LAB.EXAMPLE (the lab DC).
    let srv = unhex(
        "f96685000001000100010000095f6b65726265726f73045f746370034c4142074558414d504c4500002100\
         01c00c0021000100000384001700000064005803646331036c6162076578616d706c6500c04200060001\
         00000e100023c03e0a686f73746d6173746572c0420000000100000384000002580001518000000e10",
    );
    s.add("krb_files", "dns-srv", &cat(&[&[3], &srv]));
    let challenge = ntlm_challenge();
    let resp = neg_token_resp(1, true, Some(&challenge), None);
    let done = neg_token_resp(0, false, None, None);
    s.add(
        "krb_files",
        "anonymous-spnego",
        &cat(&[&[4], &prefixed(&[&[], &resp, &done])]),
    );
    s.add(
        "krb_files",
        "anonymous-raw",
        &cat(&[&[5], &prefixed(&[&[], &challenge])]),
    );
}
