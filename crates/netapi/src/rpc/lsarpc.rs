//! Names ↔ SIDs over [MS-LSAT] (`\PIPE\lsarpc`): the translations NetLocalGroup* and
//! NetUserGetLocalGroups make, on the RPC core's sessions (`rpc::session`).
//!
//! * The policy handle (LsarOpenPolicy2, [MS-LSAT] 3.1.4.1, `POLICY_LOOKUP_NAMES`) lives in the
//!   association's cache ([`LsaCache`]), as the SAMR domain handles do: after the first
//!   translation on a pipe, a lookup costs one round trip.
//! * SIDs → names: LsarLookupSids2 (3.1.4.10), up to [`SID_BATCH`] SIDs per call (the most
//!   `LSAPR_SID_ENUM_BUFFER` and both servers accept); a server without it (fault
//!   `nca_s_op_rng_error`) gets LsarLookupSids (3.1.4.11) from then on. LsarLookupSids3 needs
//!   a Netlogon secure channel (quirk(samba-4.17): refused to an NTLM client), so it is not
//!   used.
//! * Names → SIDs: LsarLookupNames3 (3.1.4.6), up to [`NAME_BATCH`] names per call; a server
//!   without it gets LsarLookupNames (3.1.4.8), whose RIDs are joined to the referenced
//!   domain's SID.
//!
//! A SID the server cannot translate (`STATUS_SOME_NOT_MAPPED`, `STATUS_NONE_MAPPED`,
//! `SidTypeUnknown`) is a [`Translation`] without a name, never an error: NetLocalGroupGetMembers
//! lists it by its SID string, as Windows does. What the server cannot answer well is an error
//! naming the call: another number of entries than asked, or a domain index outside the
//! referenced domain list.
//! quirk(samba-4.17): Samba serves LsarOpenPolicy2 on the named pipe only, not over
//! `ncacn_ip_tcp` (NT_STATUS_ACCESS_DENIED); with `Transport::Tcp` the translations fail there.

use netapi_codes::{NtStatus, RpcFault, WinError};
use netapi_msrpc::dtyp::RpcUnicodeString;
use netapi_msrpc::lsarpc::{self as l, Lsarpc, SidNameUse};
use netapi_ndr::ContextHandle;

use super::samr::{rpc_sid, sid_of, wire_name};
use super::session::{HandleInterface, Session};
use super::status::{self, Outcome};
use crate::error::Code;
use crate::info::Sid;
use crate::{Error, Kind, Result};

/// Most SIDs one LsarLookupSids2 takes (`LSAPR_SID_ENUM_BUFFER`'s `range(0, 20480)`; Samba's
/// `MAX_LOOKUP_SIDS`).
pub(crate) const SID_BATCH: usize = 20480;

/// Most names one LsarLookupNames3 takes (the IDL's `range(0, 1000)`).
pub(crate) const NAME_BATCH: usize = 1000;

impl HandleInterface for Lsarpc {
    type Close = l::LsarCloseRequest;

    fn close_request(handle: ContextHandle) -> Self::Close {
        l::LsarCloseRequest {
            object_handle: handle,
        }
    }
}

/// What one LSA association keeps between calls (`rpc::session`).
#[derive(Debug, Default)]
pub(crate) struct LsaCache {
    policy: Option<ContextHandle>,
    /// The server lacks LsarLookupSids2: use LsarLookupSids.
    old_sids: bool,
    /// The server lacks LsarLookupNames3: use LsarLookupNames.
    old_names: bool,
}

/// One SID as the server translated it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Translation {
    /// The SID looked up.
    pub sid: Sid,
    /// Its `SID_NAME_USE` (`SidTypeUnknown` when the server could not translate it).
    pub kind: SidNameUse,
    /// The domain's name, when the server named one (empty names are `None`).
    pub domain: Option<String>,
    /// The account's isolated name, when translated.
    pub name: Option<String>,
}

impl Translation {
    /// The isolated name (`lgrmi1_name`): the account name, the domain's name for a domain
    /// SID, else the SID string.
    pub(crate) fn isolated_name(&self) -> String {
        match (&self.name, &self.domain) {
            (Some(n), _) => n.clone(),
            (None, Some(d)) if self.kind == SidNameUse::SID_TYPE_DOMAIN => d.clone(),
            _ => self.sid.to_string(),
        }
    }

    /// `DOMAIN\name` (`lgrmi2_domainandname`): the name alone when there is no domain name
    /// (`Everyone`), the domain's name for a domain SID, the SID string when untranslated.
    pub(crate) fn domain_and_name(&self) -> String {
        match (&self.domain, &self.name) {
            (Some(d), Some(n)) => format!("{d}\\{n}"),
            (None, Some(n)) => n.clone(),
            (Some(d), None) if self.kind == SidNameUse::SID_TYPE_DOMAIN => d.clone(),
            _ => self.sid.to_string(),
        }
    }
}

/// One name as the server resolved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub sid: Sid,
    pub kind: SidNameUse,
}

/// `SidTypeUnknown` or `SidTypeInvalid`: the entry's name and domain index are not valid.
fn untranslated(kind: SidNameUse) -> bool {
    kind == SidNameUse::SID_TYPE_UNKNOWN || kind == SidNameUse::SID_TYPE_INVALID
}

fn bad_answer(op: &'static str, why: String) -> Error {
    Error::local(op, Kind::Protocol, WinError::RPC_X_BAD_STUB_DATA, why)
}

/// The answer's status: `Ok(true)` translated (all or some), `Ok(false)` none mapped (the
/// arrays may still be there), or the failure.
fn mapped<R: netapi_msrpc::Response>(op: &'static str, resp: &R) -> Result<bool> {
    match status::check(op, resp) {
        Ok(Outcome::Done | Outcome::Partial) => Ok(true),
        Ok(Outcome::More) => Ok(true),
        Err(e) if e.code() == Code::Nt(NtStatus::STATUS_NONE_MAPPED) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The server does not implement the method (it faults `nca_s_op_rng_error`).
fn missing_method(e: &Error) -> bool {
    e.code() == Code::Fault(RpcFault::nca_s_op_rng_error)
        || e.code() == Code::Nt(NtStatus::RPC_NT_PROCNUM_OUT_OF_RANGE)
}

/// The referenced domains of an answer, by index: (name, SID).
struct Domains(Vec<(Option<String>, Option<Sid>)>);

impl Domains {
    fn of(list: Option<&l::LsaprReferencedDomainList>) -> Domains {
        Domains(
            list.map(|l| l.domains())
                .unwrap_or_default()
                .iter()
                .map(|d| {
                    let name = d.name.to_string_lossy().filter(|n| !n.is_empty());
                    (name, d.sid.as_ref().and_then(sid_of))
                })
                .collect(),
        )
    }

    /// The domain at `index` of an entry of kind `kind`: `None` for no domain (-1, or an
    /// untranslated entry whose index must be ignored), an error for an index past the list.
    fn get(
        &self,
        op: &'static str,
        call: &str,
        kind: SidNameUse,
        index: i32,
    ) -> Result<Option<&(Option<String>, Option<Sid>)>> {
        if untranslated(kind) || index < 0 {
            return Ok(None);
        }
        self.0.get(index as usize).map(Some).ok_or_else(|| {
            bad_answer(
                op,
                format!(
                    "{call} answered domain index {index} with {} referenced domains",
                    self.0.len()
                ),
            )
        })
    }
}

impl Session<'_, Lsarpc> {
    /// The LSA policy handle of this association (LsarOpenPolicy2, cached).
    async fn policy(&mut self) -> Result<ContextHandle> {
        if let Some(h) = self.cache::<LsaCache>().and_then(|c| c.policy) {
            return Ok(h);
        }
        let op = self.op();
        let resp = self
            .call(&l::LsarOpenPolicy2Request {
                system_name: None,
                object_attributes: l::LsaprObjectAttributes::default(),
                desired_access: l::access::POLICY_LOOKUP_NAMES
                    | l::access::POLICY_VIEW_LOCAL_INFORMATION,
            })
            .await?;
        status::ok(op, &resp)?;
        if let Some(c) = self.cache::<LsaCache>() {
            c.policy = Some(resp.policy_handle);
        }
        Ok(resp.policy_handle)
    }

    /// Translate `sids` (in batches of [`SID_BATCH`], one call per batch), in order.
    pub(crate) async fn lookup_sids(&mut self, sids: &[Sid]) -> Result<Vec<Translation>> {
        let mut out = Vec::with_capacity(sids.len());
        for batch in sids.chunks(SID_BATCH) {
            let old = self.cache::<LsaCache>().is_some_and(|c| c.old_sids);
            let translated = if old {
                self.lookup_sids1(batch).await?
            } else {
                match self.lookup_sids2(batch).await {
                    Err(e) if missing_method(&e) => {
                        tracing::debug!("LsarLookupSids2 is not served: using LsarLookupSids");
                        if let Some(c) = self.cache::<LsaCache>() {
                            c.old_sids = true;
                        }
                        self.lookup_sids1(batch).await?
                    }
                    other => other?,
                }
            };
            out.extend(translated);
        }
        Ok(out)
    }

    fn sid_buffer(batch: &[Sid]) -> l::LsaprSidEnumBuffer {
        l::LsaprSidEnumBuffer {
            entries: batch.len() as u32,
            sid_info: Some(
                batch
                    .iter()
                    .map(|s| l::LsaprSidInformation {
                        sid: Some(rpc_sid(s)),
                    })
                    .collect(),
            ),
        }
    }

    async fn lookup_sids2(&mut self, batch: &[Sid]) -> Result<Vec<Translation>> {
        let op = self.op();
        let policy = self.policy().await?;
        let resp = self
            .call(&l::LsarLookupSids2Request {
                policy_handle: policy,
                sid_enum_buffer: Self::sid_buffer(batch),
                translated_names: l::LsaprTranslatedNamesEx {
                    entries: 0,
                    names: None,
                },
                lookup_level: l::LsapLookupLevel::LSAP_LOOKUP_WKSTA,
                mapped_count: 0,
                lookup_options: 0,
                client_revision: l::LSA_CLIENT_REVISION_2,
            })
            .await?;
        let any = mapped(op, &resp)?;
        let names = resp.translated_names.names.unwrap_or_default();
        let entries = names
            .into_iter()
            .map(|n| (n.r#use, n.name, n.domain_index))
            .collect();
        translations(
            op,
            "LsarLookupSids2",
            batch,
            any,
            entries,
            resp.referenced_domains.as_ref(),
        )
    }

    async fn lookup_sids1(&mut self, batch: &[Sid]) -> Result<Vec<Translation>> {
        let op = self.op();
        let policy = self.policy().await?;
        let resp = self
            .call(&l::LsarLookupSidsRequest {
                policy_handle: policy,
                sid_enum_buffer: Self::sid_buffer(batch),
                translated_names: l::LsaprTranslatedNames {
                    entries: 0,
                    names: None,
                },
                lookup_level: l::LsapLookupLevel::LSAP_LOOKUP_WKSTA,
                mapped_count: 0,
            })
            .await?;
        let any = mapped(op, &resp)?;
        let names = resp.translated_names.names.unwrap_or_default();
        let entries = names
            .into_iter()
            .map(|n| (n.r#use, n.name, n.domain_index))
            .collect();
        translations(
            op,
            "LsarLookupSids",
            batch,
            any,
            entries,
            resp.referenced_domains.as_ref(),
        )
    }

    /// Resolve `names` (`DOMAIN\name` or `name`; in batches of [`NAME_BATCH`], one call per
    /// batch), in order; `None` for a name the server did not map.
    pub(crate) async fn lookup_names(&mut self, names: &[&str]) -> Result<Vec<Option<Resolved>>> {
        let op = self.op();
        let mut out = Vec::with_capacity(names.len());
        for batch in names.chunks(NAME_BATCH) {
            let wire = batch
                .iter()
                .map(|n| wire_name(op, "member name", n))
                .collect::<Result<Vec<_>>>()?;
            let old = self.cache::<LsaCache>().is_some_and(|c| c.old_names);
            let resolved = if old {
                self.lookup_names1(wire).await?
            } else {
                match self.lookup_names3(wire.clone()).await {
                    Err(e) if missing_method(&e) => {
                        tracing::debug!("LsarLookupNames3 is not served: using LsarLookupNames");
                        if let Some(c) = self.cache::<LsaCache>() {
                            c.old_names = true;
                        }
                        self.lookup_names1(wire).await?
                    }
                    other => other?,
                }
            };
            out.extend(resolved);
        }
        Ok(out)
    }

    async fn lookup_names3(
        &mut self,
        wire: Vec<RpcUnicodeString>,
    ) -> Result<Vec<Option<Resolved>>> {
        let op = self.op();
        let asked = wire.len();
        let policy = self.policy().await?;
        let resp = self
            .call(&l::LsarLookupNames3Request {
                policy_handle: policy,
                count: asked as u32,
                names: wire,
                translated_sids: l::LsaprTranslatedSidsEx2 {
                    entries: 0,
                    sids: None,
                },
                lookup_level: l::LsapLookupLevel::LSAP_LOOKUP_WKSTA,
                mapped_count: 0,
                lookup_options: 0,
                client_revision: l::LSA_CLIENT_REVISION_2,
            })
            .await?;
        if !mapped(op, &resp)? {
            return Ok(vec![None; asked]);
        }
        let sids = resp.translated_sids.sids.unwrap_or_default();
        same_count(op, "LsarLookupNames3", sids.len(), asked)?;
        Ok(sids
            .into_iter()
            .map(|t| match t.sid.as_ref().and_then(sid_of) {
                Some(sid) if !untranslated(t.r#use) => Some(Resolved { sid, kind: t.r#use }),
                _ => None,
            })
            .collect())
    }

    async fn lookup_names1(
        &mut self,
        wire: Vec<RpcUnicodeString>,
    ) -> Result<Vec<Option<Resolved>>> {
        let op = self.op();
        let asked = wire.len();
        let policy = self.policy().await?;
        let resp = self
            .call(&l::LsarLookupNamesRequest {
                policy_handle: policy,
                count: asked as u32,
                names: wire,
                translated_sids: l::LsaprTranslatedSids {
                    entries: 0,
                    sids: None,
                },
                lookup_level: l::LsapLookupLevel::LSAP_LOOKUP_WKSTA,
                mapped_count: 0,
            })
            .await?;
        if !mapped(op, &resp)? {
            return Ok(vec![None; asked]);
        }
        let sids = resp.translated_sids.sids.unwrap_or_default();
        same_count(op, "LsarLookupNames", sids.len(), asked)?;
        let domains = Domains::of(resp.referenced_domains.as_ref());
        let mut out = Vec::with_capacity(asked);
        for t in sids {
            let domain = domains
                .get(op, "LsarLookupNames", t.r#use, t.domain_index)?
                .and_then(|(_, sid)| sid.clone());
            out.push(domain.and_then(|d| {
                let sid = if t.r#use == SidNameUse::SID_TYPE_DOMAIN {
                    Some(d)
                } else {
                    d.with_rid(t.relative_id)
                };
                sid.map(|sid| Resolved { sid, kind: t.r#use })
            }));
        }
        Ok(out)
    }
}

fn same_count(op: &'static str, call: &str, got: usize, asked: usize) -> Result<()> {
    if got == asked {
        return Ok(());
    }
    Err(bad_answer(
        op,
        format!("{call} answered {got} entries for {asked} asked"),
    ))
}

/// The translations of `batch` from the entries `(use, name, domain index)` of an
/// LsarLookupSids(2) answer.
fn translations(
    op: &'static str,
    call: &str,
    batch: &[Sid],
    any_mapped: bool,
    entries: Vec<(SidNameUse, RpcUnicodeString, i32)>,
    domains: Option<&l::LsaprReferencedDomainList>,
) -> Result<Vec<Translation>> {
    let unknown = |sid: &Sid| Translation {
        sid: sid.clone(),
        kind: SidNameUse::SID_TYPE_UNKNOWN,
        domain: None,
        name: None,
    };
    // STATUS_NONE_MAPPED may come without the arrays: every SID is unknown.
    if !any_mapped && entries.is_empty() {
        return Ok(batch.iter().map(unknown).collect());
    }
    same_count(op, call, entries.len(), batch.len())?;
    let domains = Domains::of(domains);
    let mut out = Vec::with_capacity(batch.len());
    for (sid, (kind, name, index)) in batch.iter().zip(entries) {
        if untranslated(kind) {
            out.push(Translation {
                kind,
                ..unknown(sid)
            });
            continue;
        }
        let domain = domains
            .get(op, call, kind, index)?
            .and_then(|(name, _)| name.clone());
        let name = (kind != SidNameUse::SID_TYPE_DOMAIN)
            .then(|| name.to_string_lossy())
            .flatten()
            .filter(|n| !n.is_empty());
        out.push(Translation {
            sid: sid.clone(),
            kind,
            domain,
            name,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(s: &str) -> Sid {
        s.parse().unwrap()
    }

    fn domains(list: &[(&str, &str)]) -> l::LsaprReferencedDomainList {
        l::LsaprReferencedDomainList {
            entries: list.len() as u32,
            domains: Some(
                list.iter()
                    .map(|(n, s)| l::LsaprTrustInformation {
                        name: RpcUnicodeString::new(n).unwrap(),
                        sid: Some(rpc_sid(&sid(s))),
                    })
                    .collect(),
            ),
            max_entries: 32,
        }
    }

    fn entry(kind: SidNameUse, name: &str, index: i32) -> (SidNameUse, RpcUnicodeString, i32) {
        (kind, RpcUnicodeString::new(name).unwrap(), index)
    }

    #[test]
    fn untranslated_sids_keep_their_string_form() {
        let asked = [
            sid("S-1-5-21-1-2-3-1001"),
            sid("S-1-5-21-1-2-3-1999"),
            sid("S-1-1-0"),
        ];
        let d = domains(&[("FILESRV", "S-1-5-21-1-2-3"), ("", "S-1-1")]);
        let t = translations(
            "NetLocalGroupGetMembers",
            "LsarLookupSids2",
            &asked,
            true,
            vec![
                entry(SidNameUse::SID_TYPE_USER, "bob", 0),
                // An unknown entry's index is not looked at (out of range here).
                entry(SidNameUse::SID_TYPE_UNKNOWN, "", 7),
                entry(SidNameUse::SID_TYPE_WELL_KNOWN_GROUP, "Everyone", 1),
            ],
            Some(&d),
        )
        .unwrap();
        assert_eq!(t[0].domain_and_name(), "FILESRV\\bob");
        assert_eq!(t[0].isolated_name(), "bob");
        assert_eq!(t[1].domain_and_name(), "S-1-5-21-1-2-3-1999");
        assert_eq!(t[1].isolated_name(), "S-1-5-21-1-2-3-1999");
        assert_eq!(t[1].kind, SidNameUse::SID_TYPE_UNKNOWN);
        assert_eq!(t[2].domain_and_name(), "Everyone");
        // None mapped without arrays: all unknown, never an error.
        let t = translations("x", "LsarLookupSids2", &asked, false, vec![], None).unwrap();
        assert!(t.iter().all(|t| t.kind == SidNameUse::SID_TYPE_UNKNOWN));
    }

    mod any_answer {
        use super::*;
        use proptest::prelude::*;

        fn entry() -> impl Strategy<Value = (SidNameUse, RpcUnicodeString, i32)> {
            (0u16..12, proptest::option::of("[a-z]{0,8}"), -2i32..6).prop_map(|(k, n, i)| {
                let name = n.map_or_else(RpcUnicodeString::null, |n| {
                    RpcUnicodeString::new(&n).unwrap()
                });
                (SidNameUse(k), name, i)
            })
        }

        proptest! {
            /// Whatever a server answers (any kinds, names, indices, lengths, domain lists): a
            /// translation per SID asked, or a protocol error; never a panic, never a member
            /// without a name to show.
            #[test]
            fn translations_never_panic(
                asked in 0usize..6,
                entries in proptest::collection::vec(entry(), 0..8),
                domains in 0usize..4,
                mapped in any::<bool>(),
            ) {
                let sids: Vec<Sid> = (0..asked as u32).map(|r| sid(&format!("S-1-5-21-1-2-3-{r}"))).collect();
                let list: Vec<(&str, &str)> = [("D0", "S-1-5-21-1-2-3"), ("", "S-1-1"), ("BUILTIN", "S-1-5-32")]
                    .into_iter().cycle().take(domains).collect();
                let d = domains_of(&list);
                match translations("x", "LsarLookupSids2", &sids, mapped, entries, Some(&d)) {
                    Ok(t) => {
                        prop_assert_eq!(t.len(), asked);
                        for (t, s) in t.iter().zip(&sids) {
                            prop_assert_eq!(&t.sid, s);
                            prop_assert!(!t.isolated_name().is_empty());
                            prop_assert!(!t.domain_and_name().is_empty());
                        }
                    }
                    Err(e) => prop_assert_eq!(e.win32(), 1783),
                }
            }
        }

        fn domains_of(list: &[(&str, &str)]) -> l::LsaprReferencedDomainList {
            domains(list)
        }
    }

    #[test]
    fn a_short_answer_or_a_bad_domain_index_is_a_clean_error() {
        let asked = [sid("S-1-5-21-1-2-3-1001"), sid("S-1-5-21-1-2-3-1002")];
        let d = domains(&[("FILESRV", "S-1-5-21-1-2-3")]);
        let e = translations(
            "NetLocalGroupGetMembers",
            "LsarLookupSids2",
            &asked,
            true,
            vec![entry(SidNameUse::SID_TYPE_USER, "bob", 0)],
            Some(&d),
        )
        .unwrap_err();
        assert_eq!((e.win32(), e.kind()), (1783, Kind::Protocol));
        assert!(e.detail().unwrap().contains("1 entries for 2 asked"), "{e}");
        let e = translations(
            "NetLocalGroupGetMembers",
            "LsarLookupSids2",
            &asked,
            true,
            vec![
                entry(SidNameUse::SID_TYPE_USER, "bob", 0),
                entry(SidNameUse::SID_TYPE_USER, "eve", 1),
            ],
            Some(&d),
        )
        .unwrap_err();
        assert!(e.detail().unwrap().contains("domain index 1"), "{e}");
    }
}
