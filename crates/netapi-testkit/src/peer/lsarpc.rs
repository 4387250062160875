//! A [MS-LSAT] responder for the peer: names ↔ SIDs over the accounts of a scripted SAM server
//! ([`super::samr::Sam`]), with the policy handle accounted for per association as in
//! [`super::samr`], and every answer available to a test that wants to spoil it (fewer names
//! than asked, `STATUS_SOME_NOT_MAPPED`, a domain index out of range).
//!
//! Served: LsarClose (0), LsarLookupNames (14), LsarLookupSids (15), LsarOpenPolicy2 (44),
//! LsarLookupSids2 (57), LsarLookupNames3 (68). SIDs it knows: the account domain's users,
//! groups and aliases, BUILTIN's aliases, `S-1-1-0` (Everyone); any other SID is
//! `SidTypeUnknown`. [`Lsa::without_new_lookups`] makes 57 and 68 fault
//! `nca_s_op_rng_error`, as a server that only has the old calls.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use netapi_dcerpc::SyntaxId;
use netapi_msrpc::dtyp::{RpcSid, RpcUnicodeString};
use netapi_msrpc::lsarpc::{self as l, SidNameUse};
use netapi_ndr::{ContextHandle, Guid};

use super::PeerConfig;
use super::rpc::{Assoc, NCA_S_OP_RNG_ERROR, RPC_X_BAD_STUB_DATA, Reply};
use super::samr::{
    STATUS_INVALID_HANDLE, STATUS_NONE_MAPPED, STATUS_SOME_NOT_MAPPED, Samr, sid_string, ustr,
};

/// The lsarpc interface (`12345778-1234-abcd-ef00-0123456789ab` v0.0).
pub const LSARPC: SyntaxId = <l::Lsarpc as netapi_msrpc::Interface>::SYNTAX;

/// What the LSA server holds and saw.
#[derive(Debug, Default)]
pub struct LsaState {
    handles: HashMap<Guid, Assoc>,
    next: u32,
    /// Policy handles closed by LsarClose.
    pub closed: usize,
    /// Handles run down with their association.
    pub run_down: usize,
    /// Handles used on an association that did not open them, or after their close.
    pub violations: usize,
    /// SIDs asked for in each LsarLookupSids(2) call, in order.
    pub sid_batches: Vec<usize>,
    /// Names asked for in each LsarLookupNames(3) call, in order.
    pub name_batches: Vec<usize>,
}

impl LsaState {
    /// Policy handles held open now.
    pub fn open_handles(&self) -> usize {
        self.handles.len()
    }
}

/// The LSA responder over the accounts of `samr`.
#[derive(Clone)]
pub struct Lsa {
    samr: Samr,
    state: Arc<Mutex<LsaState>>,
    new_lookups: bool,
}

/// One translation in the making: (use, name, domain index).
type Named = (SidNameUse, String, i32);

impl Lsa {
    /// Translate over the accounts of `samr`.
    pub fn new(samr: &Samr) -> Self {
        Lsa {
            samr: samr.clone(),
            state: Arc::new(Mutex::new(LsaState::default())),
            new_lookups: true,
        }
    }

    /// The same, serving only LsarLookupSids / LsarLookupNames (the newer calls fault).
    pub fn without_new_lookups(mut self) -> Self {
        self.new_lookups = false;
        self
    }

    /// The state (lock held while the guard lives).
    pub fn state(&self) -> MutexGuard<'_, LsaState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The answer to one call on association `assoc`.
    pub fn answer(&self, assoc: Assoc, opnum: u16, stub: &[u8]) -> Reply {
        let r = match opnum {
            0 => decode(stub).map(|q| self.close(assoc, q)),
            14 => decode(stub).map(|q| self.names1(assoc, q)),
            15 => decode(stub).map(|q| Reply::encode(&self.lookup_sids(assoc, &q))),
            44 => decode(stub).map(|q| self.open_policy(assoc, q)),
            57 if self.new_lookups => {
                decode(stub).map(|q| Reply::encode(&self.lookup_sids2(assoc, &q)))
            }
            68 if self.new_lookups => decode(stub).map(|q| self.names3(assoc, q)),
            _ => return Reply::Fault(NCA_S_OP_RNG_ERROR),
        };
        r.unwrap_or(Reply::Fault(RPC_X_BAD_STUB_DATA))
    }

    /// An association ended: run its handles down.
    pub fn rundown(&self, assoc: Assoc) {
        let mut s = self.state();
        let before = s.handles.len();
        s.handles.retain(|_, a| *a != assoc);
        s.run_down += before - s.handles.len();
    }

    fn valid(&self, assoc: Assoc, h: &ContextHandle) -> bool {
        let mut s = self.state();
        let ok = s.handles.get(&h.uuid) == Some(&assoc);
        if !ok {
            s.violations += 1;
        }
        ok
    }

    fn open_policy(&self, assoc: Assoc, _q: l::LsarOpenPolicy2Request) -> Reply {
        let mut s = self.state();
        s.next += 1;
        let mut uuid = [0u8; 16];
        uuid[..4].copy_from_slice(&s.next.to_le_bytes());
        uuid[4..12].copy_from_slice(&assoc.to_le_bytes());
        uuid[15] = 0x15;
        let guid = Guid::from_bytes_le(uuid);
        s.handles.insert(guid, assoc);
        Reply::encode(&l::LsarOpenPolicy2Response {
            policy_handle: ContextHandle {
                attributes: 0,
                uuid: guid,
            },
            status: 0,
        })
    }

    fn close(&self, assoc: Assoc, q: l::LsarCloseRequest) -> Reply {
        let ok = self.valid(assoc, &q.object_handle);
        let mut s = self.state();
        if ok {
            s.handles.remove(&q.object_handle.uuid);
            s.closed += 1;
        }
        Reply::encode(&l::LsarCloseResponse {
            object_handle: if ok {
                ContextHandle::NULL
            } else {
                q.object_handle
            },
            status: if ok { 0 } else { STATUS_INVALID_HANDLE },
        })
    }

    /// The referenced domains and translations of `sids`.
    fn translate(
        &self,
        sids: &[Option<RpcSid>],
    ) -> (l::LsaprReferencedDomainList, Vec<Named>, u32) {
        let sam = self.samr.sam();
        let mut domains: Vec<(String, RpcSid)> = Vec::new();
        let mut index = |name: &str, sid: RpcSid| -> i32 {
            match domains.iter().position(|(n, _)| n == name) {
                Some(i) => i as i32,
                None => {
                    domains.push((name.to_string(), sid));
                    domains.len() as i32 - 1
                }
            }
        };
        let account = RpcSid::new(5, &sam.domain_subs);
        let mut out = Vec::new();
        for sid in sids {
            let Some(sid) = sid else {
                out.push((SidNameUse::SID_TYPE_INVALID, String::new(), -1));
                continue;
            };
            let text = sid_string(sid);
            let parent = RpcSid::new(
                sid.authority(),
                &sid.sub_authority[..sid.sub_authority.len().saturating_sub(1)],
            );
            let rid = sid.rid().unwrap_or(0);
            let found = if text == "S-1-1-0" {
                Some((
                    SidNameUse::SID_TYPE_WELL_KNOWN_GROUP,
                    "Everyone".to_string(),
                    index("", RpcSid::new(1, &[]).unwrap_or_else(|| sid.clone())),
                ))
            } else if parent.is_some() && parent == account {
                sam.name_of(false, rid).map(|(n, k)| {
                    (
                        k,
                        n,
                        index(&sam.domain, parent.clone().unwrap_or_else(|| sid.clone())),
                    )
                })
            } else if parent.is_some() && parent == RpcSid::new(5, &[32]) {
                sam.name_of(true, rid).map(|(n, k)| {
                    (
                        k,
                        n,
                        index("BUILTIN", parent.clone().unwrap_or_else(|| sid.clone())),
                    )
                })
            } else {
                None
            };
            out.push(found.unwrap_or((SidNameUse::SID_TYPE_UNKNOWN, String::new(), -1)));
        }
        let mapped = out
            .iter()
            .filter(|(k, _, _)| {
                *k != SidNameUse::SID_TYPE_UNKNOWN && *k != SidNameUse::SID_TYPE_INVALID
            })
            .count() as u32;
        let list = l::LsaprReferencedDomainList {
            entries: domains.len() as u32,
            domains: Some(
                domains
                    .into_iter()
                    .map(|(n, s)| l::LsaprTrustInformation {
                        name: ustr(&n),
                        sid: Some(s),
                    })
                    .collect(),
            ),
            max_entries: 32,
        };
        (list, out, mapped)
    }

    fn sids_of(buffer: &l::LsaprSidEnumBuffer) -> Vec<Option<RpcSid>> {
        buffer
            .sid_info
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|i| i.sid.clone())
            .collect()
    }

    fn status(mapped: u32, asked: usize) -> u32 {
        match mapped as usize {
            0 if asked > 0 => STATUS_NONE_MAPPED,
            n if n < asked => STATUS_SOME_NOT_MAPPED,
            _ => 0,
        }
    }

    /// The correct answer to an LsarLookupSids2 request (tests may spoil it before sending).
    pub fn lookup_sids2(
        &self,
        assoc: Assoc,
        q: &l::LsarLookupSids2Request,
    ) -> l::LsarLookupSids2Response {
        let sids = Self::sids_of(&q.sid_enum_buffer);
        self.state().sid_batches.push(sids.len());
        if !self.valid(assoc, &q.policy_handle) {
            return l::LsarLookupSids2Response {
                referenced_domains: None,
                translated_names: l::LsaprTranslatedNamesEx {
                    entries: 0,
                    names: None,
                },
                mapped_count: 0,
                status: STATUS_INVALID_HANDLE,
            };
        }
        let (domains, names, mapped) = self.translate(&sids);
        let names: Vec<l::LsaprTranslatedNameEx> = names
            .into_iter()
            .map(|(k, n, i)| l::LsaprTranslatedNameEx {
                r#use: k,
                name: if n.is_empty() {
                    RpcUnicodeString::null()
                } else {
                    ustr(&n)
                },
                domain_index: i,
                flags: 0,
            })
            .collect();
        l::LsarLookupSids2Response {
            referenced_domains: Some(domains),
            translated_names: l::LsaprTranslatedNamesEx {
                entries: names.len() as u32,
                names: Some(names),
            },
            mapped_count: mapped,
            status: Self::status(mapped, sids.len()),
        }
    }

    /// The correct answer to an LsarLookupSids request.
    pub fn lookup_sids(
        &self,
        assoc: Assoc,
        q: &l::LsarLookupSidsRequest,
    ) -> l::LsarLookupSidsResponse {
        let sids = Self::sids_of(&q.sid_enum_buffer);
        self.state().sid_batches.push(sids.len());
        if !self.valid(assoc, &q.policy_handle) {
            return l::LsarLookupSidsResponse {
                referenced_domains: None,
                translated_names: l::LsaprTranslatedNames {
                    entries: 0,
                    names: None,
                },
                mapped_count: 0,
                status: STATUS_INVALID_HANDLE,
            };
        }
        let (domains, names, mapped) = self.translate(&sids);
        let names: Vec<l::LsaprTranslatedName> = names
            .into_iter()
            .map(|(k, n, i)| l::LsaprTranslatedName {
                r#use: k,
                name: if n.is_empty() {
                    RpcUnicodeString::null()
                } else {
                    ustr(&n)
                },
                domain_index: i,
            })
            .collect();
        l::LsarLookupSidsResponse {
            referenced_domains: Some(domains),
            translated_names: l::LsaprTranslatedNames {
                entries: names.len() as u32,
                names: Some(names),
            },
            mapped_count: mapped,
            status: Self::status(mapped, sids.len()),
        }
    }

    /// `DOMAIN\name` or `name` → (SID, use, domain name, domain SID).
    fn resolve(&self, name: &str) -> Option<(RpcSid, SidNameUse, String, RpcSid)> {
        let sam = self.samr.sam();
        let (domain, account) = match name.split_once('\\') {
            Some((d, a)) => (Some(d), a),
            None => (None, name),
        };
        let account_sid = RpcSid::new(5, &sam.domain_subs)?;
        let builtin_sid = RpcSid::new(5, &[32])?;
        let in_account = domain.is_none_or(|d| d.eq_ignore_ascii_case(&sam.domain));
        let in_builtin = domain.is_none_or(|d| d.eq_ignore_ascii_case("BUILTIN"));
        if in_account && let Some((rid, k)) = sam.find(false, account) {
            return Some((
                account_sid.with_rid(rid)?,
                k,
                sam.domain.clone(),
                account_sid,
            ));
        }
        if in_builtin && let Some((rid, k)) = sam.find(true, account) {
            return Some((builtin_sid.with_rid(rid)?, k, "BUILTIN".into(), builtin_sid));
        }
        if domain.is_none() && account.eq_ignore_ascii_case(&sam.domain) {
            return Some((
                account_sid.clone(),
                SidNameUse::SID_TYPE_DOMAIN,
                sam.domain.clone(),
                account_sid,
            ));
        }
        None
    }

    fn names3(&self, assoc: Assoc, q: l::LsarLookupNames3Request) -> Reply {
        self.state().name_batches.push(q.names.len());
        if !self.valid(assoc, &q.policy_handle) {
            return Reply::encode(&l::LsarLookupNames3Response {
                referenced_domains: None,
                translated_sids: l::LsaprTranslatedSidsEx2 {
                    entries: 0,
                    sids: None,
                },
                mapped_count: 0,
                status: STATUS_INVALID_HANDLE,
            });
        }
        let mut domains: Vec<l::LsaprTrustInformation> = Vec::new();
        let mut sids = Vec::new();
        for n in &q.names {
            let name = n.to_string_lossy().unwrap_or_default();
            sids.push(match self.resolve(&name) {
                Some((sid, k, dn, ds)) => {
                    let i = domains
                        .iter()
                        .position(|d| d.sid.as_ref() == Some(&ds))
                        .unwrap_or_else(|| {
                            domains.push(l::LsaprTrustInformation {
                                name: ustr(&dn),
                                sid: Some(ds),
                            });
                            domains.len() - 1
                        });
                    l::LsaprTranslatedSidEx2 {
                        r#use: k,
                        sid: Some(sid),
                        domain_index: i as i32,
                        flags: 0,
                    }
                }
                None => l::LsaprTranslatedSidEx2 {
                    r#use: SidNameUse::SID_TYPE_UNKNOWN,
                    sid: None,
                    domain_index: -1,
                    flags: 0,
                },
            });
        }
        let mapped = sids.iter().filter(|s| s.sid.is_some()).count() as u32;
        Reply::encode(&l::LsarLookupNames3Response {
            status: Self::status(mapped, sids.len()),
            referenced_domains: Some(l::LsaprReferencedDomainList {
                entries: domains.len() as u32,
                domains: Some(domains),
                max_entries: 32,
            }),
            translated_sids: l::LsaprTranslatedSidsEx2 {
                entries: sids.len() as u32,
                sids: Some(sids),
            },
            mapped_count: mapped,
        })
    }

    fn names1(&self, assoc: Assoc, q: l::LsarLookupNamesRequest) -> Reply {
        self.state().name_batches.push(q.names.len());
        if !self.valid(assoc, &q.policy_handle) {
            return Reply::encode(&l::LsarLookupNamesResponse {
                referenced_domains: None,
                translated_sids: l::LsaprTranslatedSids {
                    entries: 0,
                    sids: None,
                },
                mapped_count: 0,
                status: STATUS_INVALID_HANDLE,
            });
        }
        let mut domains: Vec<l::LsaprTrustInformation> = Vec::new();
        let mut sids = Vec::new();
        for n in &q.names {
            let name = n.to_string_lossy().unwrap_or_default();
            sids.push(match self.resolve(&name) {
                Some((sid, k, dn, ds)) => {
                    let i = domains
                        .iter()
                        .position(|d| d.sid.as_ref() == Some(&ds))
                        .unwrap_or_else(|| {
                            domains.push(l::LsaprTrustInformation {
                                name: ustr(&dn),
                                sid: Some(ds),
                            });
                            domains.len() - 1
                        });
                    let rid = if k == SidNameUse::SID_TYPE_DOMAIN {
                        0
                    } else {
                        sid.rid().unwrap_or(0)
                    };
                    l::LsaTranslatedSid {
                        r#use: k,
                        relative_id: rid,
                        domain_index: i as i32,
                    }
                }
                None => l::LsaTranslatedSid {
                    r#use: SidNameUse::SID_TYPE_UNKNOWN,
                    relative_id: 0,
                    domain_index: -1,
                },
            });
        }
        let mapped = sids.iter().filter(|s| s.domain_index >= 0).count() as u32;
        Reply::encode(&l::LsarLookupNamesResponse {
            status: Self::status(mapped, sids.len()),
            referenced_domains: Some(l::LsaprReferencedDomainList {
                entries: domains.len() as u32,
                domains: Some(domains),
                max_entries: 32,
            }),
            translated_sids: l::LsaprTranslatedSids {
                entries: sids.len() as u32,
                sids: Some(sids),
            },
            mapped_count: mapped,
        })
    }
}

fn decode<T: netapi_ndr::Ndr>(stub: &[u8]) -> Option<T> {
    netapi_ndr::decode(stub).ok()
}

impl PeerConfig {
    /// Serve `lsarpc` on `\PIPE\lsarpc` with `responder`, `tweak` deciding a call first (`Some`
    /// answers instead of the responder: tests spoil answers there).
    pub fn lsarpc(
        self,
        responder: &Lsa,
        mut tweak: impl FnMut(Assoc, u16, &[u8]) -> Option<Reply> + Send + 'static,
    ) -> Self {
        let (answer, rundown) = (responder.clone(), responder.clone());
        self.interface_per_association(
            "lsarpc",
            LSARPC,
            move |assoc, opnum, stub| {
                tweak(assoc, opnum, stub).unwrap_or_else(|| answer.answer(assoc, opnum, stub))
            },
            move |assoc| rundown.rundown(assoc),
        )
    }
}
