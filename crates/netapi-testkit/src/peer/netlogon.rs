//! A [MS-NRPC] responder for the peer's NetrGetDCName (3.5.4.3.4) and NetrGetAnyDCName
//! (3.5.4.3.5): a DC of a primary domain that trusts other domains. Other opnums fault with
//! `nca_s_op_rng_error`.

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::netlogon as n;

use super::PeerConfig;
use super::rpc::{NCA_S_OP_RNG_ERROR, RPC_X_BAD_STUB_DATA, Reply};
use super::srvsvc::decode;

/// The netlogon interface.
pub const NETLOGON: SyntaxId = <n::Netlogon as netapi_msrpc::Interface>::SYNTAX;

/// `NERR_DCNotFound`.
pub const NERR_DC_NOT_FOUND: u32 = 2453;
/// `ERROR_NO_SUCH_DOMAIN`.
pub const ERROR_NO_SUCH_DOMAIN: u32 = 1355;

/// The domains the responder knows: its primary domain and PDC, and trusted domains with one
/// DC each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domains {
    /// The primary domain (NetBIOS name).
    pub primary: String,
    /// Its PDC, `\\NAME`.
    pub pdc: String,
    /// Its other DCs.
    pub other_dcs: Vec<String>,
    /// Trusted domains and a DC of each.
    pub trusted: Vec<(String, String)>,
}

impl Domains {
    /// `LABDOM` with PDC `\\DC1` and BDC `\\DC2`, trusting `PARTNER` (DC `\\PDC9`).
    pub fn lab() -> Self {
        Domains {
            primary: "LABDOM".into(),
            pdc: "\\\\DC1".into(),
            other_dcs: vec!["\\\\DC2".into()],
            trusted: vec![("PARTNER".into(), "\\\\PDC9".into())],
        }
    }

    fn is_primary(&self, d: Option<&str>) -> bool {
        d.is_none_or(|d| d.is_empty() || d.eq_ignore_ascii_case(&self.primary))
    }

    /// The answer to one call.
    pub fn answer(&self, opnum: u16, stub: &[u8]) -> Reply {
        let r = match opnum {
            11 => decode::<n::NetrGetDCNameRequest>(stub).map(|q| {
                let (buffer, status) = if self.is_primary(q.domain_name.as_deref()) {
                    (Some(self.pdc.clone()), 0)
                } else {
                    (None, NERR_DC_NOT_FOUND)
                };
                Reply::encode(&n::NetrGetDCNameResponse { buffer, status })
            }),
            13 => decode::<n::NetrGetAnyDCNameRequest>(stub).map(|q| {
                let domain = q.domain_name.as_deref();
                let trusted = self
                    .trusted
                    .iter()
                    .find(|(d, _)| domain.is_some_and(|x| x.eq_ignore_ascii_case(d)));
                let (buffer, status) = match trusted {
                    Some((_, dc)) => (Some(dc.clone()), 0),
                    None if self.is_primary(domain) => {
                        (Some(self.other_dcs.first().unwrap_or(&self.pdc).clone()), 0)
                    }
                    None => (None, ERROR_NO_SUCH_DOMAIN),
                };
                Reply::encode(&n::NetrGetAnyDCNameResponse { buffer, status })
            }),
            _ => return Reply::Fault(NCA_S_OP_RNG_ERROR),
        };
        r.unwrap_or(Reply::Fault(RPC_X_BAD_STUB_DATA))
    }
}

impl PeerConfig {
    /// Serve `netlogon` on `\PIPE\netlogon` for `domains`.
    pub fn netlogon(self, domains: Domains) -> Self {
        self.interface("netlogon", NETLOGON, move |opnum, stub| {
            domains.answer(opnum, stub)
        })
    }
}
