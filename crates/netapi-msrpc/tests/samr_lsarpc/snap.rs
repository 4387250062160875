//! One-line snapshots of decoded SAMR and LSA stubs: the values a reader checks against the
//! vector's header (names, RIDs, SIDs, counts, classes, statuses), not every byte — the
//! byte-exact re-encoding covers those. `Snap::snap` renders a value; the golden tables
//! compare it with the expected text.
#![allow(dead_code)] // each test binary uses its own part

use netapi_msrpc::dtyp::{ContextHandle, OldLargeInteger, RpcSid, RpcUnicodeString};
use netapi_msrpc::lsarpc::*;
use netapi_msrpc::samr::*;

/// A snapshot line.
pub trait Snap {
    /// The meaningful values, compactly.
    fn snap(&self) -> String;
}

/// `'text'`, or `NULL` for a null buffer.
pub fn s(u: &RpcUnicodeString) -> String {
    quoted(u.to_string_lossy().as_deref())
}

/// A text string as `'text'`, or `NULL`.
pub fn quoted(t: Option<&str>) -> String {
    match t {
        Some(t) => format!("'{t}'"),
        None => "NULL".into(),
    }
}

/// An NTSTATUS by name where the tests meet it.
pub fn st(v: u32) -> String {
    let name = match v {
        0x0000_0000 => "STATUS_SUCCESS",
        0x0000_0105 => "STATUS_MORE_ENTRIES",
        0x0000_0107 => "STATUS_SOME_NOT_MAPPED",
        0x8000_001A => "STATUS_NO_MORE_ENTRIES",
        0xC000_0003 => "STATUS_INVALID_INFO_CLASS",
        0xC000_000D => "STATUS_INVALID_PARAMETER",
        0xC000_0022 => "STATUS_ACCESS_DENIED",
        0xC000_0063 => "STATUS_USER_EXISTS",
        0xC000_0064 => "STATUS_NO_SUCH_USER",
        0xC000_0065 => "STATUS_GROUP_EXISTS",
        0xC000_0066 => "STATUS_NO_SUCH_GROUP",
        0xC000_0067 => "STATUS_MEMBER_IN_GROUP",
        0xC000_0068 => "STATUS_MEMBER_NOT_IN_GROUP",
        0xC000_006A => "STATUS_WRONG_PASSWORD",
        0xC000_0073 => "STATUS_NONE_MAPPED",
        0xC000_00BB => "STATUS_NOT_SUPPORTED",
        0xC000_00DF => "STATUS_NO_SUCH_DOMAIN",
        0xC000_0151 => "STATUS_NO_SUCH_ALIAS",
        0xC000_0152 => "STATUS_MEMBER_NOT_IN_ALIAS",
        0xC000_0153 => "STATUS_MEMBER_IN_ALIAS",
        0xC000_0154 => "STATUS_ALIAS_EXISTS",
        _ => return format!("0x{v:08x}"),
    };
    name.into()
}

/// `handle` or `null-handle`.
pub fn h(c: &ContextHandle) -> &'static str {
    if c.is_null() { "null-handle" } else { "handle" }
}

/// A SAMR time: `0`, `never` (`i64::MAX`), or the tick count.
pub fn t(o: &OldLargeInteger) -> String {
    match o.to_i64() {
        i64::MAX => "never".into(),
        v => v.to_string(),
    }
}

/// A `[string]` or `NULL`.
pub fn os(o: &Option<String>) -> String {
    o.as_ref().map_or("NULL".into(), |v| format!("'{v}'"))
}

/// A SID or `NULL`.
pub fn sid(o: &Option<RpcSid>) -> String {
    o.as_ref().map_or("NULL".into(), ToString::to_string)
}

fn list<T>(v: &Option<Vec<T>>, f: impl Fn(&T) -> String) -> String {
    match v {
        None => "NULL".into(),
        Some(v) => format!("[{}]", v.iter().map(f).collect::<Vec<_>>().join(", ")),
    }
}

fn opt<T: Snap>(v: &Option<T>) -> String {
    v.as_ref().map_or("NULL".into(), Snap::snap)
}

fn ulongs(a: &SamprUlongArray) -> String {
    format!("{}{}", a.count, list(&a.element, u32::to_string))
}

fn sids_in(a: &Option<Vec<SamprSidInformation>>) -> String {
    list(a, |x| sid(&x.sid_pointer))
}

fn hours(l: &SamprLogonHours) -> String {
    match &l.logon_hours {
        None => format!("hours {}/NULL", l.units_per_week),
        Some(b) if b.iter().all(|x| *x == 0xff) => format!("hours {}/all", l.units_per_week),
        Some(b) => format!("hours {}/{b:02x?}", l.units_per_week),
    }
}

impl Snap for RpcSid {
    fn snap(&self) -> String {
        self.to_string()
    }
}

// ---- SAMR types ---------------------------------------------------------------------------

impl Snap for SamprEnumerationBuffer {
    fn snap(&self) -> String {
        let e = list(&self.buffer, |e| {
            format!("{}:{}", quoted(e.name.as_str()), e.relative_id)
        });
        format!("{} {e}", self.entries_read)
    }
}

impl Snap for SamprRevisionInfo {
    fn snap(&self) -> String {
        let SamprRevisionInfo::V1(v) = self;
        format!(
            "v1 rev {} features 0x{:x}",
            v.revision, v.supported_features
        )
    }
}

impl Snap for SamprDomainInfoBuffer {
    fn snap(&self) -> String {
        match self {
            Self::Password(p) => format!(
                "password min {} history {} props 0x{:x} max_age {} min_age {}",
                p.min_password_length,
                p.password_history_length,
                p.password_properties,
                p.max_password_age.to_i64(),
                p.min_password_age.to_i64()
            ),
            Self::General(g) => general(g),
            Self::Logoff(l) => format!("logoff {}", l.force_logoff.to_i64()),
            Self::Oem(o) => format!("oem {}", s(&o.oem_information)),
            Self::Name(n) => format!("name {}", s(&n.domain_name)),
            Self::Replication(r) => format!("replica {}", s(&r.replica_source_node_name)),
            Self::Role(r) => format!("role {:?}", r.domain_server_role),
            Self::Modified(m) => format!(
                "modified count {} created {}",
                m.domain_modified_count.to_i64(),
                m.creation_time.to_i64()
            ),
            Self::State(x) => format!("state {:?}", x.domain_server_state),
            Self::General2(g) => format!(
                "{}; lockout {} window {} threshold {}",
                general(&g.i1),
                g.lockout_duration.0,
                g.lockout_observation_window.0,
                g.lockout_threshold
            ),
            Self::Lockout(l) => format!(
                "lockout {} window {} threshold {}",
                l.lockout_duration.0, l.lockout_observation_window.0, l.lockout_threshold
            ),
            Self::Modified2(m) => format!(
                "modified2 count {} created {} at_promotion {}",
                m.domain_modified_count.to_i64(),
                m.creation_time.to_i64(),
                m.modified_count_at_last_promotion.to_i64()
            ),
        }
    }
}

fn general(g: &SamprDomainGeneralInformation) -> String {
    format!(
        "general {} oem {} replica {} state {} role {} uas {} users {} groups {} aliases {} logoff {}",
        s(&g.domain_name),
        s(&g.oem_information),
        s(&g.replica_source_node_name),
        g.domain_server_state,
        g.domain_server_role,
        g.uas_compatibility_required,
        g.user_count,
        g.group_count,
        g.alias_count,
        g.force_logoff.to_i64()
    )
}

impl Snap for SamprGroupInfoBuffer {
    fn snap(&self) -> String {
        let general = |g: &SamprGroupGeneralInformation| {
            format!(
                "{} attrs 0x{:x} members {} comment {}",
                s(&g.name),
                g.attributes,
                g.member_count,
                s(&g.admin_comment)
            )
        };
        match self {
            Self::General(g) => format!("general {}", general(g)),
            Self::Name(n) => format!("name {}", s(&n.name)),
            Self::Attribute(a) => format!("attributes 0x{:x}", a.attributes),
            Self::AdminComment(c) => format!("comment {}", s(&c.admin_comment)),
            Self::DoNotUse(g) => format!("replication {}", general(g)),
        }
    }
}

impl Snap for SamprAliasInfoBuffer {
    fn snap(&self) -> String {
        match self {
            Self::General(g) => format!(
                "general {} members {} comment {}",
                s(&g.name),
                g.member_count,
                s(&g.admin_comment)
            ),
            Self::Name(n) => format!("name {}", s(&n.name)),
            Self::AdminComment(c) => format!("comment {}", s(&c.admin_comment)),
        }
    }
}

fn all(a: &SamprUserAllInformation) -> String {
    format!(
        "all {} full {} rid {} group {} uac 0x{:x} which 0x{:x} home {} drive {} script {} \
         profile {} comment {} usercomment {} ws {} params {} last_logon {} pw_set {} \
         expires {} can_change {} must_change {} {} bad {} logons {} cc {} cp {} nt {} lm {} \
         expired {}",
        s(&a.user_name),
        s(&a.full_name),
        a.user_id,
        a.primary_group_id,
        a.user_account_control,
        a.which_fields,
        s(&a.home_directory),
        s(&a.home_directory_drive),
        s(&a.script_path),
        s(&a.profile_path),
        s(&a.admin_comment),
        s(&a.user_comment),
        s(&a.work_stations),
        s(&a.parameters),
        t(&a.last_logon),
        t(&a.password_last_set),
        t(&a.account_expires),
        t(&a.password_can_change),
        t(&a.password_must_change),
        hours(&a.logon_hours),
        a.bad_password_count,
        a.logon_count,
        a.country_code,
        a.code_page,
        a.nt_password_present,
        a.lm_password_present,
        a.password_expired
    )
}

fn password_bytes(b: &[u8]) -> String {
    format!("{} bytes", b.len())
}

impl Snap for SamprUserInfoBuffer {
    fn snap(&self) -> String {
        match self {
            Self::General(g) => format!(
                "general {} full {} group {} comment {} usercomment {}",
                s(&g.user_name),
                s(&g.full_name),
                g.primary_group_id,
                s(&g.admin_comment),
                s(&g.user_comment)
            ),
            Self::Preferences(p) => format!(
                "preferences usercomment {} reserved {} cc {} cp {}",
                s(&p.user_comment),
                s(&p.reserved1),
                p.country_code,
                p.code_page
            ),
            Self::Logon(l) => format!(
                "logon {} full {} rid {} group {} home {} drive {} script {} profile {} ws {} \
                 last_logon {} pw_set {} can_change {} must_change {} {} bad {} logons {} uac 0x{:x}",
                s(&l.user_name),
                s(&l.full_name),
                l.user_id,
                l.primary_group_id,
                s(&l.home_directory),
                s(&l.home_directory_drive),
                s(&l.script_path),
                s(&l.profile_path),
                s(&l.work_stations),
                t(&l.last_logon),
                t(&l.password_last_set),
                t(&l.password_can_change),
                t(&l.password_must_change),
                hours(&l.logon_hours),
                l.bad_password_count,
                l.logon_count,
                l.user_account_control
            ),
            Self::LogonHours(l) => hours(&l.logon_hours),
            Self::Account(a) => format!(
                "account {} full {} rid {} group {} home {} drive {} script {} profile {} \
                 comment {} ws {} last_logon {} {} bad {} logons {} pw_set {} expires {} uac 0x{:x}",
                s(&a.user_name),
                s(&a.full_name),
                a.user_id,
                a.primary_group_id,
                s(&a.home_directory),
                s(&a.home_directory_drive),
                s(&a.script_path),
                s(&a.profile_path),
                s(&a.admin_comment),
                s(&a.work_stations),
                t(&a.last_logon),
                hours(&a.logon_hours),
                a.bad_password_count,
                a.logon_count,
                t(&a.password_last_set),
                t(&a.account_expires),
                a.user_account_control
            ),
            Self::Name(n) => format!("name {} full {}", s(&n.user_name), s(&n.full_name)),
            Self::AccountName(n) => format!("account_name {}", s(&n.user_name)),
            Self::FullName(n) => format!("full_name {}", s(&n.full_name)),
            Self::PrimaryGroup(g) => format!("primary_group {}", g.primary_group_id),
            Self::Home(h) => format!(
                "home {} drive {}",
                s(&h.home_directory),
                s(&h.home_directory_drive)
            ),
            Self::Script(x) => format!("script {}", s(&x.script_path)),
            Self::Profile(p) => format!("profile {}", s(&p.profile_path)),
            Self::AdminComment(c) => format!("comment {}", s(&c.admin_comment)),
            Self::WorkStations(w) => format!("workstations {}", s(&w.work_stations)),
            Self::Control(c) => format!("control 0x{:x}", c.user_account_control),
            Self::Expires(e) => format!("expires {}", t(&e.account_expires)),
            Self::Internal1(i) => format!(
                "internal1 nt {} lm {} expired {}",
                i.nt_password_present, i.lm_password_present, i.password_expired
            ),
            Self::Parameters(p) => format!("parameters {}", s(&p.parameters)),
            Self::All(a) => all(a),
            Self::Internal4(i) => format!(
                "internal4 ({}) password {}",
                all(&i.i1),
                password_bytes(&i.user_password.buffer)
            ),
            Self::Internal5(i) => format!(
                "internal5 password {} expired {}",
                password_bytes(&i.user_password.buffer),
                i.password_expired
            ),
            Self::Internal4New(i) => format!(
                "internal4new ({}) password {}",
                all(&i.i1),
                password_bytes(&i.user_password.buffer)
            ),
            Self::Internal5New(i) => format!(
                "internal5new password {} expired {}",
                password_bytes(&i.user_password.buffer),
                i.password_expired
            ),
        }
    }
}

impl Snap for SamprDisplayInfoBuffer {
    fn snap(&self) -> String {
        match self {
            Self::UserInformation(b) => format!(
                "users {} {}",
                b.entries_read,
                list(&b.buffer, |u| format!(
                    "#{} {}:{} uac 0x{:x} full {} comment {}",
                    u.index,
                    s(&u.account_name),
                    u.rid,
                    u.account_control,
                    s(&u.full_name),
                    s(&u.admin_comment)
                ))
            ),
            Self::MachineInformation(b) => format!(
                "machines {} {}",
                b.entries_read,
                list(&b.buffer, |m| format!(
                    "#{} {}:{} uac 0x{:x}",
                    m.index,
                    s(&m.account_name),
                    m.rid,
                    m.account_control
                ))
            ),
            Self::GroupInformation(b) => format!(
                "groups {} {}",
                b.entries_read,
                list(&b.buffer, |g| format!(
                    "#{} {}:{} attrs 0x{:x} comment {}",
                    g.index,
                    s(&g.account_name),
                    g.rid,
                    g.attributes,
                    s(&g.admin_comment)
                ))
            ),
            Self::OemUserInformation(b) => format!(
                "oem users {} {}",
                b.entries_read,
                list(&b.buffer, |u| format!(
                    "#{} '{}'",
                    u.index,
                    String::from_utf8_lossy(u.oem_account_name.bytes())
                ))
            ),
            Self::OemGroupInformation(b) => format!(
                "oem groups {} {}",
                b.entries_read,
                list(&b.buffer, |g| format!(
                    "#{} '{}'",
                    g.index,
                    String::from_utf8_lossy(g.oem_account_name.bytes())
                ))
            ),
        }
    }
}

fn persisted(p: &SamValidatePersistedFields) -> String {
    format!(
        "present 0x{:x} pw_set {} bad_time {} lockout {} bad {} history {}",
        p.present_fields,
        p.password_last_set.0,
        p.bad_password_time.0,
        p.lockout_time.0,
        p.bad_password_count,
        p.password_history_length
    )
}

impl Snap for SamValidateInputArg {
    fn snap(&self) -> String {
        match self {
            Self::ValidateAuthenticationInput(a) => format!(
                "authentication ({}) matched {}",
                persisted(&a.input_persisted_fields),
                a.password_matched
            ),
            Self::ValidatePasswordChangeInput(c) => format!(
                "change ({}) password {} account {} match {}",
                persisted(&c.input_persisted_fields),
                s(&c.clear_password),
                s(&c.user_account_name),
                c.password_match
            ),
            Self::ValidatePasswordResetInput(r) => format!(
                "reset ({}) password {} account {} must_change {} clear_lockout {}",
                persisted(&r.input_persisted_fields),
                s(&r.clear_password),
                s(&r.user_account_name),
                r.password_must_change_at_next_logon,
                r.clear_lockout
            ),
        }
    }
}

impl Snap for SamValidateOutputArg {
    fn snap(&self) -> String {
        let o = self.standard();
        format!(
            "{:?} ({})",
            o.validation_status,
            persisted(&o.changed_persisted_fields)
        )
    }
}

// ---- LSA types ----------------------------------------------------------------------------

impl Snap for LsaprReferencedDomainList {
    fn snap(&self) -> String {
        format!(
            "domains {}/{} {}",
            self.entries,
            self.max_entries,
            list(&self.domains, |d| format!("{} {}", s(&d.name), sid(&d.sid)))
        )
    }
}

impl Snap for LsaprTranslatedNamesEx {
    fn snap(&self) -> String {
        list(&self.names, |n| {
            format!(
                "{:?} {} @{} f{}",
                n.r#use,
                s(&n.name),
                n.domain_index,
                n.flags
            )
        })
    }
}

impl Snap for LsaprTranslatedNames {
    fn snap(&self) -> String {
        list(&self.names, |n| {
            format!("{:?} {} @{}", n.r#use, s(&n.name), n.domain_index)
        })
    }
}

impl Snap for LsaprTranslatedSids {
    fn snap(&self) -> String {
        list(&self.sids, |x| {
            format!("{:?} {} @{}", x.r#use, x.relative_id, x.domain_index)
        })
    }
}

impl Snap for LsaprTranslatedSidsEx {
    fn snap(&self) -> String {
        list(&self.sids, |x| {
            format!(
                "{:?} {} @{} f{}",
                x.r#use, x.relative_id, x.domain_index, x.flags
            )
        })
    }
}

impl Snap for LsaprTranslatedSidsEx2 {
    fn snap(&self) -> String {
        list(&self.sids, |x| {
            format!(
                "{:?} {} @{} f{}",
                x.r#use,
                sid(&x.sid),
                x.domain_index,
                x.flags
            )
        })
    }
}

impl Snap for LsaprSidEnumBuffer {
    fn snap(&self) -> String {
        list(&self.sid_info, |x| sid(&x.sid))
    }
}

impl Snap for LsaprPolicyInformation {
    fn snap(&self) -> String {
        match self {
            Self::AuditLog(a) => format!(
                "audit log {}% max {} retention {} shutdown {} time {} next {}",
                a.audit_log_percent_full,
                a.maximum_log_size,
                a.audit_retention_period.0,
                a.audit_log_full_shutdown_in_progress,
                a.time_to_shutdown.0,
                a.next_audit_record_id
            ),
            Self::AuditEvents(e) => format!(
                "audit events mode {} {} of {}",
                e.auditing_mode,
                list(&e.event_auditing_options, u32::to_string),
                e.maximum_audit_event_count
            ),
            Self::PrimaryDomain(p) => format!("primary {} {}", s(&p.name), sid(&p.sid)),
            Self::AccountDomain(a) => {
                format!("account {} {}", s(&a.domain_name), sid(&a.domain_sid))
            }
            Self::PdAccount(p) => format!("pd account {}", s(&p.name)),
            Self::ServerRole(r) => format!("role {:?}", r.lsa_server_role),
            Self::ReplicaSource(r) => format!(
                "replica {} account {}",
                s(&r.replica_source),
                s(&r.replica_account_name)
            ),
            Self::Modification(m) => format!(
                "modification id {} created {}",
                m.modified_id.0, m.database_creation_time.0
            ),
            Self::AuditFullSet(a) => format!("audit full set {}", a.shut_down_on_full),
            Self::AuditFullQuery(a) => {
                format!("audit full {} {}", a.shut_down_on_full, a.log_is_full)
            }
            Self::DnsDomain(d) | Self::DnsDomainInt(d) => format!(
                "dns {} {} forest {} guid {} {}",
                s(&d.name),
                s(&d.dns_domain_name),
                s(&d.dns_forest_name),
                d.domain_guid,
                sid(&d.sid)
            ),
            Self::LocalAccountDomain(a) => {
                format!("local account {} {}", s(&a.domain_name), sid(&a.domain_sid))
            }
            Self::MachineAccount(m) => format!("machine {} {}", m.rid, sid(&m.sid)),
        }
    }
}

/// Snapshots of whole stubs: one impl per request and response.
macro_rules! snaps {
    ($($ty:ty => |$v:ident| $e:expr;)*) => {
        $(impl Snap for $ty {
            fn snap(&self) -> String {
                let $v = self;
                $e
            }
        })*
    };
}

/// A self-relative security descriptor by size and control flags.
fn sd(d: &SamprSrSecurityDescriptor) -> String {
    match &d.security_descriptor {
        Some(b) if b.len() >= 4 => format!(
            "sd {} bytes control 0x{:04x}",
            d.length,
            u16::from_le_bytes([b[2], b[3]])
        ),
        Some(b) => format!("sd {} bytes ({} sent)", d.length, b.len()),
        None => "sd NULL".into(),
    }
}

snaps! {
    SamrSetSecurityObjectRequest => |v| format!("{} info 0x{:x} {}", h(&v.object_handle), v.security_information, sd(&v.security_descriptor));
    SamrSetSecurityObjectResponse => |v| st(v.status);
    SamrQuerySecurityObjectRequest => |v| format!("{} info 0x{:x}", h(&v.object_handle), v.security_information);
    SamrQuerySecurityObjectResponse => |v| format!("{}; {}", v.security_descriptor.as_ref().map_or("NULL".into(), sd), st(v.status));
    SamrCloseHandleRequest => |v| h(&v.sam_handle).into();
    SamrCloseHandleResponse => |v| format!("{}; {}", h(&v.sam_handle), st(v.status));
    SamrLookupDomainInSamServerRequest => |v| format!("{} {}", h(&v.server_handle), s(&v.name));
    SamrLookupDomainInSamServerResponse => |v| format!("{}; {}", sid(&v.domain_id), st(v.status));
    SamrEnumerateDomainsInSamServerRequest => |v| format!("{} from {} pref 0x{:x}", h(&v.server_handle), v.enumeration_context, v.prefered_maximum_length);
    SamrEnumerateDomainsInSamServerResponse => |v| format!("ctx {} {} count {}; {}", v.enumeration_context, opt(&v.buffer), v.count_returned, st(v.status));
    SamrOpenDomainRequest => |v| format!("{} access 0x{:x} {}", h(&v.server_handle), v.desired_access, v.domain_id);
    SamrOpenDomainResponse => |v| format!("{}; {}", h(&v.domain_handle), st(v.status));
    SamrQueryInformationDomainRequest => |v| format!("{} {:?}", h(&v.domain_handle), v.domain_information_class);
    SamrQueryInformationDomainResponse => |v| format!("{}; {}", opt(&v.buffer), st(v.status));
    SamrQueryInformationDomain2Request => |v| format!("{} {:?}", h(&v.domain_handle), v.domain_information_class);
    SamrQueryInformationDomain2Response => |v| format!("{}; {}", opt(&v.buffer), st(v.status));
    SamrSetInformationDomainRequest => |v| format!("{} {:?} {}", h(&v.domain_handle), v.domain_information_class, v.domain_information.snap());
    SamrSetInformationDomainResponse => |v| st(v.status);
    SamrCreateGroupInDomainRequest => |v| format!("{} {} access 0x{:x}", h(&v.domain_handle), s(&v.name), v.desired_access);
    SamrCreateGroupInDomainResponse => |v| format!("{} rid {}; {}", h(&v.group_handle), v.relative_id, st(v.status));
    SamrEnumerateGroupsInDomainRequest => |v| format!("{} from {} pref 0x{:x}", h(&v.domain_handle), v.enumeration_context, v.prefered_maximum_length);
    SamrEnumerateGroupsInDomainResponse => |v| format!("ctx {} {} count {}; {}", v.enumeration_context, opt(&v.buffer), v.count_returned, st(v.status));
    SamrEnumerateUsersInDomainRequest => |v| format!("{} from {} uac 0x{:x} pref 0x{:x}", h(&v.domain_handle), v.enumeration_context, v.user_account_control, v.prefered_maximum_length);
    SamrEnumerateUsersInDomainResponse => |v| format!("ctx {} {} count {}; {}", v.enumeration_context, opt(&v.buffer), v.count_returned, st(v.status));
    SamrCreateAliasInDomainRequest => |v| format!("{} {} access 0x{:x}", h(&v.domain_handle), s(&v.account_name), v.desired_access);
    SamrCreateAliasInDomainResponse => |v| format!("{} rid {}; {}", h(&v.alias_handle), v.relative_id, st(v.status));
    SamrEnumerateAliasesInDomainRequest => |v| format!("{} from {} pref 0x{:x}", h(&v.domain_handle), v.enumeration_context, v.prefered_maximum_length);
    SamrEnumerateAliasesInDomainResponse => |v| format!("ctx {} {} count {}; {}", v.enumeration_context, opt(&v.buffer), v.count_returned, st(v.status));
    SamrGetAliasMembershipRequest => |v| format!("{} {} {}", h(&v.domain_handle), v.sid_array.count, sids_in(&v.sid_array.sids));
    SamrGetAliasMembershipResponse => |v| format!("{}; {}", ulongs(&v.membership), st(v.status));
    SamrLookupNamesInDomainRequest => |v| format!("{} {} [{}]", h(&v.domain_handle), v.count, v.names.iter().map(s).collect::<Vec<_>>().join(", "));
    SamrLookupNamesInDomainResponse => |v| format!("rids {} use {}; {}", ulongs(&v.relative_ids), ulongs(&v.r#use), st(v.status));
    SamrLookupIdsInDomainRequest => |v| format!("{} {} {:?}", h(&v.domain_handle), v.count, v.relative_ids);
    SamrLookupIdsInDomainResponse => |v| format!("names {}{} use {}; {}", v.names.count, list(&v.names.element, s), ulongs(&v.r#use), st(v.status));
    SamrOpenGroupRequest => |v| format!("{} access 0x{:x} rid {}", h(&v.domain_handle), v.desired_access, v.group_id);
    SamrOpenGroupResponse => |v| format!("{}; {}", h(&v.group_handle), st(v.status));
    SamrQueryInformationGroupRequest => |v| format!("{} {:?}", h(&v.group_handle), v.group_information_class);
    SamrQueryInformationGroupResponse => |v| format!("{}; {}", opt(&v.buffer), st(v.status));
    SamrSetInformationGroupRequest => |v| format!("{} {:?} {}", h(&v.group_handle), v.group_information_class, v.buffer.snap());
    SamrSetInformationGroupResponse => |v| st(v.status);
    SamrAddMemberToGroupRequest => |v| format!("{} rid {} attrs 0x{:x}", h(&v.group_handle), v.member_id, v.attributes);
    SamrAddMemberToGroupResponse => |v| st(v.status);
    SamrDeleteGroupRequest => |v| h(&v.group_handle).into();
    SamrDeleteGroupResponse => |v| format!("{}; {}", h(&v.group_handle), st(v.status));
    SamrRemoveMemberFromGroupRequest => |v| format!("{} rid {}", h(&v.group_handle), v.member_id);
    SamrRemoveMemberFromGroupResponse => |v| st(v.status);
    SamrGetMembersInGroupRequest => |v| h(&v.group_handle).into();
    SamrGetMembersInGroupResponse => |v| format!("{}; {}", v.members.as_ref().map_or("NULL".into(), |m| format!("{} {} attrs {}", m.member_count, list(&m.members, u32::to_string), list(&m.attributes, |a| format!("0x{a:x}")))), st(v.status));
    SamrOpenAliasRequest => |v| format!("{} access 0x{:x} rid {}", h(&v.domain_handle), v.desired_access, v.alias_id);
    SamrOpenAliasResponse => |v| format!("{}; {}", h(&v.alias_handle), st(v.status));
    SamrQueryInformationAliasRequest => |v| format!("{} {:?}", h(&v.alias_handle), v.alias_information_class);
    SamrQueryInformationAliasResponse => |v| format!("{}; {}", opt(&v.buffer), st(v.status));
    SamrSetInformationAliasRequest => |v| format!("{} {:?} {}", h(&v.alias_handle), v.alias_information_class, v.buffer.snap());
    SamrSetInformationAliasResponse => |v| st(v.status);
    SamrDeleteAliasRequest => |v| h(&v.alias_handle).into();
    SamrDeleteAliasResponse => |v| format!("{}; {}", h(&v.alias_handle), st(v.status));
    SamrAddMemberToAliasRequest => |v| format!("{} {}", h(&v.alias_handle), v.member_id);
    SamrAddMemberToAliasResponse => |v| st(v.status);
    SamrRemoveMemberFromAliasRequest => |v| format!("{} {}", h(&v.alias_handle), v.member_id);
    SamrRemoveMemberFromAliasResponse => |v| st(v.status);
    SamrGetMembersInAliasRequest => |v| h(&v.alias_handle).into();
    SamrGetMembersInAliasResponse => |v| format!("{} {}; {}", v.members.count, sids_in(&v.members.sids), st(v.status));
    SamrOpenUserRequest => |v| format!("{} access 0x{:x} rid {}", h(&v.domain_handle), v.desired_access, v.user_id);
    SamrOpenUserResponse => |v| format!("{}; {}", h(&v.user_handle), st(v.status));
    SamrDeleteUserRequest => |v| h(&v.user_handle).into();
    SamrDeleteUserResponse => |v| format!("{}; {}", h(&v.user_handle), st(v.status));
    SamrQueryInformationUserRequest => |v| format!("{} {:?}", h(&v.user_handle), v.user_information_class);
    SamrQueryInformationUserResponse => |v| format!("{}; {}", opt(&v.buffer), st(v.status));
    SamrQueryInformationUser2Request => |v| format!("{} {:?}", h(&v.user_handle), v.user_information_class);
    SamrQueryInformationUser2Response => |v| format!("{}; {}", opt(&v.buffer), st(v.status));
    SamrSetInformationUserRequest => |v| format!("{} {:?} {}", h(&v.user_handle), v.user_information_class, v.buffer.snap());
    SamrSetInformationUserResponse => |v| st(v.status);
    SamrSetInformationUser2Request => |v| format!("{} {:?} {}", h(&v.user_handle), v.user_information_class, v.buffer.snap());
    SamrSetInformationUser2Response => |v| st(v.status);
    SamrGetGroupsForUserRequest => |v| h(&v.user_handle).into();
    SamrGetGroupsForUserResponse => |v| format!("{}; {}", v.groups.as_ref().map_or("NULL".into(), |g| format!("{} {}", g.membership_count, list(&g.groups, |m| format!("{}:0x{:x}", m.relative_id, m.attributes)))), st(v.status));
    SamrQueryDisplayInformationRequest => |v| format!("{} {:?} from {} count {} pref 0x{:x}", h(&v.domain_handle), v.display_information_class, v.index, v.entry_count, v.preferred_maximum_length);
    SamrQueryDisplayInformationResponse => |v| format!("bytes {}/{} {}; {}", v.total_returned, v.total_available, v.buffer.snap(), st(v.status));
    SamrQueryDisplayInformation3Request => |v| format!("{} {:?} from {} count {} pref 0x{:x}", h(&v.domain_handle), v.display_information_class, v.index, v.entry_count, v.preferred_maximum_length);
    SamrQueryDisplayInformation3Response => |v| format!("bytes {}/{} {}; {}", v.total_returned, v.total_available, v.buffer.snap(), st(v.status));
    SamrGetUserDomainPasswordInformationRequest => |v| h(&v.user_handle).into();
    SamrGetUserDomainPasswordInformationResponse => |v| format!("min {} props 0x{:x}; {}", v.password_information.min_password_length, v.password_information.password_properties, st(v.status));
    SamrCreateUser2InDomainRequest => |v| format!("{} {} type 0x{:x} access 0x{:x}", h(&v.domain_handle), s(&v.name), v.account_type, v.desired_access);
    SamrCreateUser2InDomainResponse => |v| format!("{} granted 0x{:x} rid {}; {}", h(&v.user_handle), v.granted_access, v.relative_id, st(v.status));
    SamrUnicodeChangePasswordUser2Request => |v| format!("server {} user {} new_with_old_nt {} old_nt_with_new_nt {} lm_present {} new_with_old_lm {} old_lm_with_new_nt {}", v.server_name.as_ref().map_or("NULL".into(), s), s(&v.user_name), v.new_password_encrypted_with_old_nt.as_ref().map_or("NULL".into(), |p| password_bytes(&p.buffer)), v.old_nt_owf_password_encrypted_with_new_nt.is_some(), v.lm_present, v.new_password_encrypted_with_old_lm.is_some(), v.old_lm_owf_password_encrypted_with_new_nt.is_some());
    SamrUnicodeChangePasswordUser2Response => |v| st(v.status);
    SamrGetDomainPasswordInformationRequest => |v| v.unused.as_ref().map_or("NULL".into(), s);
    SamrGetDomainPasswordInformationResponse => |v| format!("min {} props 0x{:x}; {}", v.password_information.min_password_length, v.password_information.password_properties, st(v.status));
    SamrConnect4Request => |v| format!("{} rev {} access 0x{:x}", os(&v.server_name), v.client_revision, v.desired_access);
    SamrConnect4Response => |v| format!("{}; {}", h(&v.server_handle), st(v.status));
    SamrConnect5Request => |v| format!("{} access 0x{:x} in {} {}", os(&v.server_name), v.desired_access, v.in_version, v.in_revision_info.snap());
    SamrConnect5Response => |v| format!("out {} {} {}; {}", v.out_version, v.out_revision_info.snap(), h(&v.server_handle), st(v.status));
    SamrRidToSidRequest => |v| format!("{} rid {}", h(&v.object_handle), v.rid);
    SamrRidToSidResponse => |v| format!("{}; {}", sid(&v.sid), st(v.status));
    SamrValidatePasswordRequest => |v| format!("{:?} {}", v.validation_type, v.input_arg.snap());
    SamrValidatePasswordResponse => |v| format!("{}; {}", opt(&v.output_arg), st(v.status));

    LsarCloseRequest => |v| h(&v.object_handle).into();
    LsarCloseResponse => |v| format!("{}; {}", h(&v.object_handle), st(v.status));
    LsarQueryInformationPolicyRequest => |v| format!("{} {:?}", h(&v.policy_handle), v.information_class);
    LsarQueryInformationPolicyResponse => |v| format!("{}; {}", opt(&v.policy_information), st(v.status));
    LsarQueryInformationPolicy2Request => |v| format!("{} {:?}", h(&v.policy_handle), v.information_class);
    LsarQueryInformationPolicy2Response => |v| format!("{}; {}", opt(&v.policy_information), st(v.status));
    LsarOpenPolicy2Request => |v| format!("{} attrs {} access 0x{:x}", os(&v.system_name), if v.object_attributes == LsaprObjectAttributes::default() { "zeroed" } else { "set" }, v.desired_access);
    LsarOpenPolicy2Response => |v| format!("{}; {}", h(&v.policy_handle), st(v.status));
    LsarGetUserNameRequest => |v| format!("{} user {} domain {}", os(&v.system_name), v.user_name.as_ref().map_or("NULL".into(), s), v.domain_name.as_ref().map_or("NULL".into(), |d| d.as_ref().map_or("->NULL".into(), s)));
    LsarGetUserNameResponse => |v| format!("user {} domain {}; {}", v.user_name.as_ref().map_or("NULL".into(), s), v.domain_name.as_ref().map_or("NULL".into(), |d| d.as_ref().map_or("->NULL".into(), s)), st(v.status));
    LsarLookupNamesRequest => |v| format!("{} {} [{}] {:?} mapped {}", h(&v.policy_handle), v.count, v.names.iter().map(s).collect::<Vec<_>>().join(", "), v.lookup_level, v.mapped_count);
    LsarLookupNamesResponse => |v| format!("{} {} mapped {}; {}", opt(&v.referenced_domains), v.translated_sids.snap(), v.mapped_count, st(v.status));
    LsarLookupSidsRequest => |v| format!("{} {} {:?} mapped {}", h(&v.policy_handle), v.sid_enum_buffer.snap(), v.lookup_level, v.mapped_count);
    LsarLookupSidsResponse => |v| format!("{} {} mapped {}; {}", opt(&v.referenced_domains), v.translated_names.snap(), v.mapped_count, st(v.status));
    LsarLookupSids2Request => |v| format!("{} {} {:?} mapped {} options 0x{:x} rev {}", h(&v.policy_handle), v.sid_enum_buffer.snap(), v.lookup_level, v.mapped_count, v.lookup_options, v.client_revision);
    LsarLookupSids2Response => |v| format!("{} {} mapped {}; {}", opt(&v.referenced_domains), v.translated_names.snap(), v.mapped_count, st(v.status));
    LsarLookupSids3Request => |v| format!("{} {:?} mapped {} options 0x{:x} rev {}", v.sid_enum_buffer.snap(), v.lookup_level, v.mapped_count, v.lookup_options, v.client_revision);
    LsarLookupSids3Response => |v| format!("{} {} mapped {}; {}", opt(&v.referenced_domains), v.translated_names.snap(), v.mapped_count, st(v.status));
    LsarLookupNames2Request => |v| format!("{} {} [{}] {:?} mapped {} options 0x{:x} rev {}", h(&v.policy_handle), v.count, v.names.iter().map(s).collect::<Vec<_>>().join(", "), v.lookup_level, v.mapped_count, v.lookup_options, v.client_revision);
    LsarLookupNames2Response => |v| format!("{} {} mapped {}; {}", opt(&v.referenced_domains), v.translated_sids.snap(), v.mapped_count, st(v.status));
    LsarLookupNames3Request => |v| format!("{} {} [{}] {:?} mapped {} options 0x{:x} rev {}", h(&v.policy_handle), v.count, v.names.iter().map(s).collect::<Vec<_>>().join(", "), v.lookup_level, v.mapped_count, v.lookup_options, v.client_revision);
    LsarLookupNames3Response => |v| format!("{} {} mapped {}; {}", opt(&v.referenced_domains), v.translated_sids.snap(), v.mapped_count, st(v.status));
    LsarLookupNames4Request => |v| format!("{} [{}] {:?} mapped {} options 0x{:x} rev {}", v.count, v.names.iter().map(s).collect::<Vec<_>>().join(", "), v.lookup_level, v.mapped_count, v.lookup_options, v.client_revision);
    LsarLookupNames4Response => |v| format!("{} {} mapped {}; {}", opt(&v.referenced_domains), v.translated_sids.snap(), v.mapped_count, st(v.status));
}
