//! Round trips (proptest) of the SAMR and LSA types, every union arm included — also the ones
//! no lab vector carries (the `SamValidatePasswordChange` input, `UserInternal1Information`,
//! LSA policy classes 9–11 and 15, object attributes with a security descriptor) — and hostile
//! counts that must fail before anything is allocated.
//!
//! Every round trip also checks that each strict prefix of the encoding fails to decode.

mod common;

use netapi_msrpc::dtyp::{
    ContextHandle, Guid, LargeInteger, OldLargeInteger, RpcSid, RpcUnicodeString, RpcUnicodeText,
};
use netapi_msrpc::lsarpc::*;
use netapi_msrpc::samr::*;
use netapi_ndr::{DecodeErrorKind, Limits, Ndr, decode, decode_with, encode};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;

// ---- strategies -----------------------------------------------------------------------------

fn ustring() -> impl Strategy<Value = RpcUnicodeString> {
    prop_oneof![
        Just(RpcUnicodeString::null()),
        (vec(any::<u16>(), 0..10), 0u16..3).prop_map(|(units, spare)| {
            let mut s = RpcUnicodeString::from_units(units).unwrap();
            s.maximum_length += spare * 2;
            s
        }),
    ]
}

fn utext() -> impl Strategy<Value = RpcUnicodeText> {
    prop_oneof![
        Just(RpcUnicodeText::default()),
        ("\\PC{0,10}", 0u16..3).prop_map(|(text, spare)| {
            let mut s = RpcUnicodeText::new(&text).unwrap();
            s.maximum_length += spare * 2;
            s
        }),
    ]
}

fn sid() -> impl Strategy<Value = RpcSid> {
    (0u64..(1 << 48), vec(any::<u32>(), 0..=15))
        .prop_map(|(a, subs)| RpcSid::new(a, &subs).unwrap())
}

fn old() -> impl Strategy<Value = OldLargeInteger> {
    any::<i64>().prop_map(OldLargeInteger::from_i64)
}

fn hyper() -> impl Strategy<Value = LargeInteger> {
    any::<i64>().prop_map(LargeInteger)
}

fn handle() -> impl Strategy<Value = ContextHandle> {
    (any::<u32>(), any::<[u8; 16]>()).prop_map(|(attributes, b)| ContextHandle {
        attributes,
        uuid: Guid::from_bytes_le(b),
    })
}

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(any::<u8>(), 0..max)
}

fn logon_hours() -> impl Strategy<Value = SamprLogonHours> {
    prop_oneof![
        Just(SamprLogonHours::default()),
        (0u16..=200).prop_flat_map(|units| {
            let n = usize::from(units.div_ceil(8));
            vec(any::<u8>(), n..=n).prop_map(move |b| SamprLogonHours {
                units_per_week: units,
                logon_hours: Some(b),
            })
        }),
    ]
}

fn blob() -> impl Strategy<Value = RpcShortBlob> {
    of(vec(any::<u16>(), 0..8)).prop_map(|b| match b {
        None => RpcShortBlob::default(),
        Some(units) => RpcShortBlob {
            length: (units.len() * 2) as u16,
            maximum_length: (units.len() * 2) as u16,
            buffer: Some(units),
        },
    })
}

fn security_descriptor() -> impl Strategy<Value = SamprSrSecurityDescriptor> {
    of(bytes(24)).prop_map(|sd| SamprSrSecurityDescriptor {
        length: sd.as_ref().map_or(0, |v| v.len() as u32),
        security_descriptor: sd,
    })
}

prop_compose! {
    fn user_all()(
        times in proptest::array::uniform6(old()),
        strings in vec(ustring(), 11),
        lm in blob(), nt in blob(),
        sd in security_descriptor(),
        ids in any::<[u32; 4]>(),
        hours in logon_hours(),
        counts in any::<[u16; 4]>(),
        flags in any::<[u8; 4]>(),
    ) -> SamprUserAllInformation {
        let [a, b, c, d, e, f] = times;
        let mut s = strings.into_iter();
        let mut next = || s.next().unwrap();
        SamprUserAllInformation {
            last_logon: a, last_logoff: b, password_last_set: c, account_expires: d,
            password_can_change: e, password_must_change: f,
            user_name: next(), full_name: next(), home_directory: next(),
            home_directory_drive: next(), script_path: next(), profile_path: next(),
            admin_comment: next(), work_stations: next(), user_comment: next(),
            parameters: next(),
            lm_owf_password: lm, nt_owf_password: nt,
            private_data: next(),
            security_descriptor: sd,
            user_id: ids[0], primary_group_id: ids[1], user_account_control: ids[2],
            which_fields: ids[3],
            logon_hours: hours,
            bad_password_count: counts[0], logon_count: counts[1], country_code: counts[2],
            code_page: counts[3],
            lm_password_present: flags[0], nt_password_present: flags[1],
            password_expired: flags[2], private_data_sensitive: flags[3],
        }
    }
}

fn password() -> impl Strategy<Value = SamprEncryptedUserPassword> {
    any::<u8>().prop_map(|b| SamprEncryptedUserPassword {
        buffer: [b; ENCRYPTED_USER_PASSWORD_LEN],
    })
}

fn password_new() -> impl Strategy<Value = SamprEncryptedUserPasswordNew> {
    any::<u8>().prop_map(|b| SamprEncryptedUserPasswordNew {
        buffer: [b; ENCRYPTED_USER_PASSWORD_NEW_LEN],
    })
}

fn owf() -> impl Strategy<Value = EncryptedLmOwfPassword> {
    any::<[u8; 16]>().prop_map(|data| EncryptedLmOwfPassword { data })
}

fn user_info() -> impl Strategy<Value = SamprUserInfoBuffer> {
    use SamprUserInfoBuffer as B;
    prop_oneof![
        (ustring(), ustring(), any::<u32>(), ustring(), ustring()).prop_map(|(a, b, g, c, d)| {
            B::General(SamprUserGeneralInformation {
                user_name: a,
                full_name: b,
                primary_group_id: g,
                admin_comment: c,
                user_comment: d,
            })
        }),
        (ustring(), ustring(), any::<u16>(), any::<u16>()).prop_map(|(a, b, cc, cp)| {
            B::Preferences(SamprUserPreferencesInformation {
                user_comment: a,
                reserved1: b,
                country_code: cc,
                code_page: cp,
            })
        }),
        (user_all(), logon_hours()).prop_map(|(a, hours)| {
            B::Logon(Box::new(SamprUserLogonInformation {
                user_name: a.user_name,
                full_name: a.full_name,
                user_id: a.user_id,
                primary_group_id: a.primary_group_id,
                home_directory: a.home_directory,
                home_directory_drive: a.home_directory_drive,
                script_path: a.script_path,
                profile_path: a.profile_path,
                work_stations: a.work_stations,
                last_logon: a.last_logon,
                last_logoff: a.last_logoff,
                password_last_set: a.password_last_set,
                password_can_change: a.password_can_change,
                password_must_change: a.password_must_change,
                logon_hours: hours,
                bad_password_count: a.bad_password_count,
                logon_count: a.logon_count,
                user_account_control: a.user_account_control,
            }))
        }),
        logon_hours()
            .prop_map(|h| B::LogonHours(SamprUserLogonHoursInformation { logon_hours: h })),
        user_all().prop_map(|a| {
            B::Account(Box::new(SamprUserAccountInformation {
                user_name: a.user_name,
                full_name: a.full_name,
                user_id: a.user_id,
                primary_group_id: a.primary_group_id,
                home_directory: a.home_directory,
                home_directory_drive: a.home_directory_drive,
                script_path: a.script_path,
                profile_path: a.profile_path,
                admin_comment: a.admin_comment,
                work_stations: a.work_stations,
                last_logon: a.last_logon,
                last_logoff: a.last_logoff,
                logon_hours: a.logon_hours,
                bad_password_count: a.bad_password_count,
                logon_count: a.logon_count,
                password_last_set: a.password_last_set,
                account_expires: a.account_expires,
                user_account_control: a.user_account_control,
            }))
        }),
        (ustring(), ustring()).prop_map(|(a, b)| B::Name(SamprUserNameInformation {
            user_name: a,
            full_name: b
        })),
        ustring().prop_map(|a| B::AccountName(SamprUserANameInformation { user_name: a })),
        ustring().prop_map(|a| B::FullName(SamprUserFNameInformation { full_name: a })),
        any::<u32>().prop_map(|g| B::PrimaryGroup(UserPrimaryGroupInformation {
            primary_group_id: g
        })),
        (ustring(), ustring()).prop_map(|(a, b)| B::Home(SamprUserHomeInformation {
            home_directory: a,
            home_directory_drive: b
        })),
        ustring().prop_map(|a| B::Script(SamprUserScriptInformation { script_path: a })),
        ustring().prop_map(|a| B::Profile(SamprUserProfileInformation { profile_path: a })),
        ustring()
            .prop_map(|a| B::AdminComment(SamprUserAdminCommentInformation { admin_comment: a })),
        ustring()
            .prop_map(|a| B::WorkStations(SamprUserWorkstationsInformation { work_stations: a })),
        any::<u32>().prop_map(|c| B::Control(UserControlInformation {
            user_account_control: c
        })),
        old().prop_map(|e| B::Expires(UserExpiresInformation { account_expires: e })),
        (owf(), owf(), any::<[u8; 3]>()).prop_map(|(nt, lm, f)| {
            B::Internal1(SamprUserInternal1Information {
                encrypted_nt_owf_password: nt,
                encrypted_lm_owf_password: lm,
                nt_password_present: f[0],
                lm_password_present: f[1],
                password_expired: f[2],
            })
        }),
        ustring().prop_map(|a| B::Parameters(SamprUserParametersInformation { parameters: a })),
        user_all().prop_map(|a| B::All(Box::new(a))),
        (user_all(), password()).prop_map(|(i1, p)| {
            B::Internal4(Box::new(SamprUserInternal4Information {
                i1,
                user_password: p,
            }))
        }),
        (password(), any::<u8>()).prop_map(|(p, e)| {
            B::Internal5(Box::new(SamprUserInternal5Information {
                user_password: p,
                password_expired: e,
            }))
        }),
        (user_all(), password_new()).prop_map(|(i1, p)| {
            B::Internal4New(Box::new(SamprUserInternal4InformationNew {
                i1,
                user_password: p,
            }))
        }),
        (password_new(), any::<u8>()).prop_map(|(p, e)| {
            B::Internal5New(Box::new(SamprUserInternal5InformationNew {
                user_password: p,
                password_expired: e,
            }))
        }),
    ]
}

fn domain_general() -> impl Strategy<Value = SamprDomainGeneralInformation> {
    (
        old(),
        ustring(),
        ustring(),
        ustring(),
        old(),
        any::<[u32; 5]>(),
        any::<u8>(),
    )
        .prop_map(|(logoff, oem, name, replica, count, n, uas)| {
            SamprDomainGeneralInformation {
                force_logoff: logoff,
                oem_information: oem,
                domain_name: name,
                replica_source_node_name: replica,
                domain_modified_count: count,
                domain_server_state: n[0],
                domain_server_role: n[1],
                uas_compatibility_required: uas,
                user_count: n[2],
                group_count: n[3],
                alias_count: n[4],
            }
        })
}

fn domain_info() -> impl Strategy<Value = SamprDomainInfoBuffer> {
    use SamprDomainInfoBuffer as B;
    prop_oneof![
        (any::<[u16; 2]>(), any::<u32>(), old(), old()).prop_map(|(l, p, a, b)| {
            B::Password(DomainPasswordInformation {
                min_password_length: l[0],
                password_history_length: l[1],
                password_properties: p,
                max_password_age: a,
                min_password_age: b,
            })
        }),
        domain_general().prop_map(B::General),
        old().prop_map(|o| B::Logoff(DomainLogoffInformation { force_logoff: o })),
        ustring().prop_map(|s| B::Oem(SamprDomainOemInformation { oem_information: s })),
        ustring().prop_map(|s| B::Name(SamprDomainNameInformation { domain_name: s })),
        ustring().prop_map(|s| B::Replication(SamprDomainReplicationInformation {
            replica_source_node_name: s
        })),
        any::<u16>().prop_map(|r| B::Role(DomainServerRoleInformation {
            domain_server_role: DomainServerRole(r)
        })),
        (old(), old()).prop_map(|(a, b)| B::Modified(DomainModifiedInformation {
            domain_modified_count: a,
            creation_time: b
        })),
        any::<u16>().prop_map(|s| B::State(DomainStateInformation {
            domain_server_state: DomainServerEnableState(s)
        })),
        (domain_general(), hyper(), hyper(), any::<u16>()).prop_map(|(g, a, b, t)| {
            B::General2(Box::new(SamprDomainGeneralInformation2 {
                i1: g,
                lockout_duration: a,
                lockout_observation_window: b,
                lockout_threshold: t,
            }))
        }),
        (hyper(), hyper(), any::<u16>()).prop_map(|(a, b, t)| {
            B::Lockout(SamprDomainLockoutInformation {
                lockout_duration: a,
                lockout_observation_window: b,
                lockout_threshold: t,
            })
        }),
        (old(), old(), old()).prop_map(|(a, b, c)| {
            B::Modified2(DomainModifiedInformation2 {
                domain_modified_count: a,
                creation_time: b,
                modified_count_at_last_promotion: c,
            })
        }),
    ]
}

fn rpc_string() -> impl Strategy<Value = RpcString> {
    of(bytes(10)).prop_map(|b| RpcString {
        length: b.as_ref().map_or(0, |v| v.len() as u16),
        maximum_length: b.as_ref().map_or(0, |v| v.len() as u16),
        buffer: b,
    })
}

fn display_info() -> impl Strategy<Value = SamprDisplayInfoBuffer> {
    use SamprDisplayInfoBuffer as B;
    prop_oneof![
        of(vec(
            (any::<[u32; 3]>(), ustring(), ustring(), ustring()),
            0..4
        ))
        .prop_map(|v| {
            let buffer: Option<Vec<_>> = v.map(|v| {
                v.into_iter()
                    .map(|(n, a, c, f)| SamprDomainDisplayUser {
                        index: n[0],
                        rid: n[1],
                        account_control: n[2],
                        account_name: a,
                        admin_comment: c,
                        full_name: f,
                    })
                    .collect()
            });
            B::UserInformation(SamprDomainDisplayUserBuffer {
                entries_read: buffer.as_ref().map_or(0, |b| b.len() as u32),
                buffer,
            })
        }),
        of(vec((any::<[u32; 3]>(), ustring(), ustring()), 0..4)).prop_map(|v| {
            let buffer: Option<Vec<_>> = v.map(|v| {
                v.into_iter()
                    .map(|(n, a, c)| SamprDomainDisplayMachine {
                        index: n[0],
                        rid: n[1],
                        account_control: n[2],
                        account_name: a,
                        admin_comment: c,
                    })
                    .collect()
            });
            B::MachineInformation(SamprDomainDisplayMachineBuffer {
                entries_read: buffer.as_ref().map_or(0, |b| b.len() as u32),
                buffer,
            })
        }),
        of(vec((any::<[u32; 3]>(), ustring(), ustring()), 0..4)).prop_map(|v| {
            let buffer: Option<Vec<_>> = v.map(|v| {
                v.into_iter()
                    .map(|(n, a, c)| SamprDomainDisplayGroup {
                        index: n[0],
                        rid: n[1],
                        attributes: n[2],
                        account_name: a,
                        admin_comment: c,
                    })
                    .collect()
            });
            B::GroupInformation(SamprDomainDisplayGroupBuffer {
                entries_read: buffer.as_ref().map_or(0, |b| b.len() as u32),
                buffer,
            })
        }),
        of(vec((any::<u32>(), rpc_string()), 0..4)).prop_map(|v| {
            let buffer: Option<Vec<_>> = v.map(|v| {
                v.into_iter()
                    .map(|(index, oem_account_name)| SamprDomainDisplayOemUser {
                        index,
                        oem_account_name,
                    })
                    .collect()
            });
            B::OemUserInformation(SamprDomainDisplayOemUserBuffer {
                entries_read: buffer.as_ref().map_or(0, |b| b.len() as u32),
                buffer,
            })
        }),
        of(vec((any::<u32>(), rpc_string()), 0..4)).prop_map(|v| {
            let buffer: Option<Vec<_>> = v.map(|v| {
                v.into_iter()
                    .map(|(index, oem_account_name)| SamprDomainDisplayOemGroup {
                        index,
                        oem_account_name,
                    })
                    .collect()
            });
            B::OemGroupInformation(SamprDomainDisplayOemGroupBuffer {
                entries_read: buffer.as_ref().map_or(0, |b| b.len() as u32),
                buffer,
            })
        }),
    ]
}

fn persisted() -> impl Strategy<Value = SamValidatePersistedFields> {
    (
        any::<[u32; 2]>(),
        hyper(),
        hyper(),
        hyper(),
        of(vec(of(bytes(20)), 0..3)),
    )
        .prop_map(|(n, a, b, c, history)| {
            let history: Option<Vec<_>> = history.map(|h| {
                h.into_iter()
                    .map(|hash| SamValidatePasswordHash {
                        length: hash.as_ref().map_or(0, |v| v.len() as u32),
                        hash,
                    })
                    .collect()
            });
            SamValidatePersistedFields {
                present_fields: n[0],
                password_last_set: a,
                bad_password_time: b,
                lockout_time: c,
                bad_password_count: n[1],
                password_history_length: history.as_ref().map_or(0, |h| h.len() as u32),
                password_history: history,
            }
        })
}

fn pw_hash() -> impl Strategy<Value = SamValidatePasswordHash> {
    of(bytes(16)).prop_map(|hash| SamValidatePasswordHash {
        length: hash.as_ref().map_or(0, |v| v.len() as u32),
        hash,
    })
}

fn validate_input() -> impl Strategy<Value = SamValidateInputArg> {
    use SamValidateInputArg as A;
    prop_oneof![
        (persisted(), any::<u8>()).prop_map(|(p, m)| A::ValidateAuthenticationInput(
            SamValidateAuthenticationInputArg {
                input_persisted_fields: p,
                password_matched: m
            }
        )),
        (persisted(), ustring(), ustring(), pw_hash(), any::<u8>()).prop_map(|(p, c, u, h, m)| {
            A::ValidatePasswordChangeInput(SamValidatePasswordChangeInputArg {
                input_persisted_fields: p,
                clear_password: c,
                user_account_name: u,
                hashed_password: h,
                password_match: m,
            })
        }),
        (
            persisted(),
            ustring(),
            ustring(),
            pw_hash(),
            any::<[u8; 2]>()
        )
            .prop_map(|(p, c, u, h, f)| {
                A::ValidatePasswordResetInput(SamValidatePasswordResetInputArg {
                    input_persisted_fields: p,
                    clear_password: c,
                    user_account_name: u,
                    hashed_password: h,
                    password_must_change_at_next_logon: f[0],
                    clear_lockout: f[1],
                })
            }),
    ]
}

fn acl() -> impl Strategy<Value = LsaprAcl> {
    (any::<[u8; 2]>(), bytes(12)).prop_map(|(h, aces)| LsaprAcl {
        acl_revision: h[0],
        sbz1: h[1],
        acl_size: aces.len() as u16 + 4,
        dummy1: aces,
    })
}

fn object_attributes() -> impl Strategy<Value = LsaprObjectAttributes> {
    let sd = (
        any::<[u8; 2]>(),
        any::<u16>(),
        of(sid()),
        of(sid()),
        of(acl()),
        of(acl()),
    )
        .prop_map(
            |(h, control, owner, group, sacl, dacl)| LsaprSecurityDescriptor {
                revision: h[0],
                sbz1: h[1],
                control,
                owner,
                group,
                sacl,
                dacl,
            },
        );
    let qos = (any::<u32>(), any::<u16>(), any::<[u8; 2]>()).prop_map(|(l, i, f)| {
        SecurityQualityOfService {
            length: l,
            impersonation_level: SecurityImpersonationLevel(i),
            context_tracking_mode: f[0],
            effective_only: f[1],
        }
    });
    let name = of(bytes(10)).prop_map(|b| LsaString {
        length: b.as_ref().map_or(0, |v| v.len() as u16),
        maximum_length: b.as_ref().map_or(0, |v| v.len() as u16),
        buffer: b,
    });
    (
        any::<[u32; 2]>(),
        of(any::<u8>()),
        of(name),
        of(sd),
        of(qos),
    )
        .prop_map(|(n, root, name, sd, qos)| LsaprObjectAttributes {
            length: n[0],
            root_directory: root,
            object_name: name,
            attributes: n[1],
            security_descriptor: sd,
            security_quality_of_service: qos,
        })
}

fn dns_info() -> impl Strategy<Value = LsaprPolicyDnsDomainInfo> {
    (
        ustring(),
        ustring(),
        ustring(),
        any::<[u8; 16]>(),
        of(sid()),
    )
        .prop_map(|(a, b, c, g, s)| LsaprPolicyDnsDomainInfo {
            name: a,
            dns_domain_name: b,
            dns_forest_name: c,
            domain_guid: Guid::from_bytes_le(g),
            sid: s,
        })
}

fn account_info() -> impl Strategy<Value = LsaprPolicyAccountDomInfo> {
    (ustring(), of(sid())).prop_map(|(n, s)| LsaprPolicyAccountDomInfo {
        domain_name: n,
        domain_sid: s,
    })
}

fn policy_info() -> impl Strategy<Value = LsaprPolicyInformation> {
    use LsaprPolicyInformation as P;
    prop_oneof![
        (any::<[u32; 3]>(), hyper(), hyper(), any::<u8>()).prop_map(|(n, r, t, s)| {
            P::AuditLog(PolicyAuditLogInfo {
                audit_log_percent_full: n[0],
                maximum_log_size: n[1],
                audit_retention_period: r,
                audit_log_full_shutdown_in_progress: s,
                time_to_shutdown: t,
                next_audit_record_id: n[2],
            })
        }),
        (any::<u8>(), of(vec(any::<u32>(), 0..10))).prop_map(|(m, o)| {
            P::AuditEvents(LsaprPolicyAuditEventsInfo {
                auditing_mode: m,
                maximum_audit_event_count: o.as_ref().map_or(0, |v| v.len() as u32),
                event_auditing_options: o,
            })
        }),
        (ustring(), of(sid()))
            .prop_map(|(n, s)| P::PrimaryDomain(LsaprPolicyPrimaryDomInfo { name: n, sid: s })),
        ustring().prop_map(|n| P::PdAccount(LsaprPolicyPdAccountInfo { name: n })),
        account_info().prop_map(P::AccountDomain),
        any::<u16>().prop_map(|r| P::ServerRole(PolicyLsaServerRoleInfo {
            lsa_server_role: PolicyLsaServerRole(r)
        })),
        (ustring(), ustring()).prop_map(|(a, b)| P::ReplicaSource(LsaprPolicyReplicaSrceInfo {
            replica_source: a,
            replica_account_name: b
        })),
        (hyper(), hyper()).prop_map(|(a, b)| P::Modification(PolicyModificationInfo {
            modified_id: a,
            database_creation_time: b
        })),
        any::<u8>().prop_map(|s| P::AuditFullSet(PolicyAuditFullSetInfo {
            shut_down_on_full: s
        })),
        any::<[u8; 2]>().prop_map(|f| P::AuditFullQuery(PolicyAuditFullQueryInfo {
            shut_down_on_full: f[0],
            log_is_full: f[1]
        })),
        dns_info().prop_map(P::DnsDomain),
        dns_info().prop_map(P::DnsDomainInt),
        account_info().prop_map(P::LocalAccountDomain),
        (any::<u32>(), of(sid()))
            .prop_map(|(r, s)| P::MachineAccount(LsaprPolicyMachineAcctInfo { rid: r, sid: s })),
    ]
}

fn domains() -> impl Strategy<Value = Option<LsaprReferencedDomainList>> {
    of(
        (of(vec((ustring(), of(sid())), 0..3)), any::<u32>()).prop_map(|(d, max)| {
            let domains: Option<Vec<_>> = d.map(|d| {
                d.into_iter()
                    .map(|(name, sid)| LsaprTrustInformation { name, sid })
                    .collect()
            });
            LsaprReferencedDomainList {
                entries: domains.as_ref().map_or(0, |d| d.len() as u32),
                domains,
                max_entries: max,
            }
        }),
    )
}

// ---- properties -----------------------------------------------------------------------------

/// `v` encodes, decodes to itself, and no strict prefix of its encoding decodes.
fn round_trip<T: Ndr + PartialEq + std::fmt::Debug>(v: &T) -> Result<(), TestCaseError> {
    let b = encode(v).map_err(|e| TestCaseError::fail(format!("encode: {e}")))?;
    prop_assert_eq!(
        &decode::<T>(&b).map_err(|e| TestCaseError::fail(format!("decode: {e}")))?,
        v
    );
    common::truncations_fail::<T>("round trip", &b);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn set_information_user2_every_class(h in handle(), buffer in user_info()) {
        let class = buffer.class();
        round_trip(&SamrSetInformationUser2Request { user_handle: h, user_information_class: class, buffer: buffer.clone() })?;
        round_trip(&SamrQueryInformationUserResponse { buffer: Some(buffer), status: 0 })?;
    }

    #[test]
    fn set_information_domain_every_class(h in handle(), info in domain_info()) {
        let class = info.class();
        round_trip(&SamrSetInformationDomainRequest { domain_handle: h, domain_information_class: class, domain_information: info.clone() })?;
        round_trip(&SamrQueryInformationDomain2Response { buffer: Some(info), status: 0x105 })?;
    }

    #[test]
    fn group_and_alias_information(name in ustring(), comment in ustring(), n in any::<[u32; 2]>()) {
        let general = SamprGroupGeneralInformation { name: name.clone(), attributes: n[0], member_count: n[1], admin_comment: comment.clone() };
        for buffer in [
            SamprGroupInfoBuffer::General(general.clone()),
            SamprGroupInfoBuffer::Name(SamprGroupNameInformation { name: name.clone() }),
            SamprGroupInfoBuffer::Attribute(GroupAttributeInformation { attributes: n[0] }),
            SamprGroupInfoBuffer::AdminComment(SamprGroupAdmCommentInformation { admin_comment: comment.clone() }),
            SamprGroupInfoBuffer::DoNotUse(general),
        ] {
            round_trip(&SamrSetInformationGroupRequest { group_handle: ContextHandle::default(), group_information_class: buffer.class(), buffer })?;
        }
        for buffer in [
            SamprAliasInfoBuffer::General(SamprAliasGeneralInformation { name: name.clone(), member_count: n[1], admin_comment: comment.clone() }),
            SamprAliasInfoBuffer::Name(SamprAliasNameInformation { name }),
            SamprAliasInfoBuffer::AdminComment(SamprAliasAdmCommentInformation { admin_comment: comment }),
        ] {
            round_trip(&SamrQueryInformationAliasResponse { buffer: Some(buffer), status: 0 })?;
        }
    }

    #[test]
    fn display_every_class(buffer in display_info(), n in any::<[u32; 2]>()) {
        round_trip(&SamrQueryDisplayInformation3Response { total_available: n[0], total_returned: n[1], buffer, status: 0 })?;
    }

    #[test]
    fn validate_password_every_type(input in validate_input(), out in persisted(), status in any::<u16>()) {
        let t = input.validation_type();
        round_trip(&SamrValidatePasswordRequest { validation_type: t, input_arg: input })?;
        let o = SamValidateStandardOutputArg { changed_persisted_fields: out, validation_status: SamValidateValidationStatus(status) };
        let arg = match t {
            PasswordPolicyValidationType::SAM_VALIDATE_AUTHENTICATION => SamValidateOutputArg::ValidateAuthenticationOutput(o),
            PasswordPolicyValidationType::SAM_VALIDATE_PASSWORD_CHANGE => SamValidateOutputArg::ValidatePasswordChangeOutput(o),
            _ => SamValidateOutputArg::ValidatePasswordResetOutput(o),
        };
        round_trip(&SamrValidatePasswordResponse { output_arg: Some(arg), status: 0 })?;
    }

    /// RPC_UNICODE_STRING read as text: the same bytes as the units form, the text
    /// `from_utf16_lossy` of the units (lone surrogates included), the lengths unchanged.
    #[test]
    fn unicode_text_reads_what_unicode_string_carries(s in ustring()) {
        let bytes = encode(&s).unwrap();
        let text: RpcUnicodeText = decode(&bytes).unwrap();
        prop_assert_eq!((text.length, text.maximum_length), (s.length, s.maximum_length));
        prop_assert_eq!(text.buffer.clone(), s.buffer.as_deref().map(String::from_utf16_lossy));
        if text.buffer.as_deref().is_none_or(|t| !t.contains('\u{fffd}')) {
            prop_assert_eq!(encode(&text).unwrap(), bytes);
        }
    }

    #[test]
    fn enumerations_and_memberships(
        entries in of(vec((any::<u32>(), utext()), 0..5)),
        rids in of(vec(any::<u32>(), 0..6)),
        sids in of(vec(of(sid()), 0..4)),
        ctx in any::<u32>(),
    ) {
        let buffer = entries.map(|e| e.into_iter().map(|(relative_id, name)| SamprRidEnumeration { relative_id, name }).collect::<Vec<_>>());
        let buffer = SamprEnumerationBuffer { entries_read: buffer.as_ref().map_or(0, |b| b.len() as u32), buffer };
        round_trip(&SamrEnumerateUsersInDomainResponse { enumeration_context: ctx, count_returned: buffer.entries_read, buffer: Some(buffer), status: 0x105 })?;
        let n = rids.as_ref().map_or(0, |r| r.len() as u32);
        round_trip(&SamrGetMembersInGroupResponse { members: Some(SamprGetMembersBuffer { member_count: n, members: rids.clone(), attributes: rids.clone() }), status: 0 })?;
        let groups = rids.map(|r| r.into_iter().map(|relative_id| GroupMembership { relative_id, attributes: 7 }).collect::<Vec<_>>());
        round_trip(&SamrGetGroupsForUserResponse { groups: Some(SamprGetGroupsBuffer { membership_count: n, groups }), status: 0 })?;
        let sids = sids.map(|s| s.into_iter().map(|sid_pointer| SamprSidInformation { sid_pointer }).collect::<Vec<_>>());
        round_trip(&SamrGetMembersInAliasResponse { members: SamprPsidArrayOut { count: sids.as_ref().map_or(0, |s| s.len() as u32), sids }, status: 0 })?;
    }

    #[test]
    fn connect_and_password_calls(name in of("[a-z\\\\]{0,8}"), n in any::<[u32; 3]>(), pw in password(), old in owf(), user in ustring()) {
        let info = SamprRevisionInfo::V1(SamprRevisionInfoV1 { revision: n[0], supported_features: n[1] });
        round_trip(&SamrConnect5Request { server_name: name.clone(), desired_access: n[2], in_version: 1, in_revision_info: info })?;
        round_trip(&SamrConnect5Response { out_version: 1, out_revision_info: info, server_handle: ContextHandle::default(), status: 0 })?;
        round_trip(&SamrConnect4Request { server_name: name, client_revision: n[0], desired_access: n[1] })?;
        round_trip(&SamrUnicodeChangePasswordUser2Request {
            server_name: Some(user.clone()), user_name: user,
            new_password_encrypted_with_old_nt: Some(pw.clone()), old_nt_owf_password_encrypted_with_new_nt: Some(old),
            lm_present: 1, new_password_encrypted_with_old_lm: Some(pw), old_lm_owf_password_encrypted_with_new_nt: Some(old),
        })?;
    }

    #[test]
    fn policy_every_class(info in policy_info(), h in handle()) {
        round_trip(&LsarQueryInformationPolicyRequest { policy_handle: h, information_class: info.class() })?;
        round_trip(&LsarQueryInformationPolicy2Response { policy_information: Some(info), status: 0 })?;
    }

    #[test]
    fn open_policy2_any_attributes(name in of("[a-z\\\\]{0,8}"), attrs in object_attributes(), access in any::<u32>()) {
        round_trip(&LsarOpenPolicy2Request { system_name: name, object_attributes: attrs, desired_access: access })?;
    }

    #[test]
    fn lookups_ex(
        d in domains(),
        names in vec(ustring(), 0..4),
        sids in vec((any::<u16>(), of(sid()), any::<i32>(), any::<u32>()), 0..4),
        flags in any::<[u32; 3]>(),
    ) {
        let count = names.len() as u32;
        let ex2 = LsaprTranslatedSidsEx2 {
            entries: sids.len() as u32,
            sids: Some(sids.iter().map(|(u, s, i, f)| LsaprTranslatedSidEx2 { r#use: SidNameUse(*u), sid: s.clone(), domain_index: *i, flags: *f }).collect()),
        };
        round_trip(&LsarLookupNames4Request {
            count, names: names.clone(), translated_sids: LsaprTranslatedSidsEx2 { entries: 0, sids: None },
            lookup_level: LsapLookupLevel::LSAP_LOOKUP_WKSTA, mapped_count: 0, lookup_options: flags[0], client_revision: flags[1],
        })?;
        round_trip(&LsarLookupNames3Response { referenced_domains: d.clone(), translated_sids: ex2, mapped_count: flags[2], status: 0x107 })?;
        let ex = LsaprTranslatedSidsEx {
            entries: sids.len() as u32,
            sids: Some(sids.iter().map(|(u, _, i, f)| LsaprTranslatedSidEx { r#use: SidNameUse(*u), relative_id: *f, domain_index: *i, flags: *f }).collect()),
        };
        round_trip(&LsarLookupNames2Response { referenced_domains: d.clone(), translated_sids: ex, mapped_count: 0, status: 0 })?;
        let names_ex = LsaprTranslatedNamesEx {
            entries: names.len() as u32,
            names: Some(names.into_iter().map(|name| LsaprTranslatedNameEx { r#use: SidNameUse::SID_TYPE_USER, name, domain_index: 0, flags: 0 }).collect()),
        };
        round_trip(&LsarLookupSids3Response { referenced_domains: d, translated_names: names_ex, mapped_count: count, status: 0 })?;
    }

    #[test]
    fn get_user_name_any_pointers(
        system in of("[a-z]{0,4}"),
        user in of(ustring()),
        domain in of(of(ustring())),
    ) {
        round_trip(&LsarGetUserNameRequest { system_name: system, user_name: user.clone(), domain_name: domain.clone() })?;
        round_trip(&LsarGetUserNameResponse { user_name: user, domain_name: domain, status: 0 })?;
    }
}

// ---- hostile input --------------------------------------------------------------------------

fn hex(s: &str) -> Vec<u8> {
    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    d.chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

fn out_of_range(e: &netapi_ndr::DecodeError) -> bool {
    matches!(e.kind, DecodeErrorKind::OutOfRange { .. })
}

/// A RID array claiming 2^32 - 1 entries fails on its count, before any allocation, even with
/// a limit that would allow it.
#[test]
fn huge_rid_array_fails_fast() {
    // SamrGetAliasMembership response: Count, Element referent, max_count, no elements, status.
    let b = hex("ffffffff 00000200 ffffffff 00000000");
    let e = decode_with::<SamrGetAliasMembershipResponse>(
        &b,
        Limits::DEFAULT.with_max_array_len(u32::MAX),
    )
    .unwrap_err();
    assert!(out_of_range(&e), "{e}");
    assert_eq!(e.field, "count");
    // Within MAX_ENTRIES the count is checked against the bytes left.
    let b = hex("00000100 00000200 00000100 00000000");
    let e = decode::<SamrGetAliasMembershipResponse>(&b).unwrap_err();
    assert!(
        !out_of_range(&e) && e.to_string().contains("bytes left"),
        "{e}"
    );
}

/// Every bounded count refuses one more than its bound.
#[test]
fn every_bound_is_enforced() {
    let handle = "00000000 00000000000000000000000000000000";
    // SamrLookupIdsInDomain: Count 1001.
    let e = decode::<SamrLookupIdsInDomainRequest>(&hex(&format!(
        "{handle} e9030000 e8030000 00000000 00000000"
    )))
    .unwrap_err();
    assert!(out_of_range(&e), "{e}");
    // SamrGetAliasMembership: a SID array of 1025.
    let e = decode::<SamrGetAliasMembershipRequest>(&hex(&format!(
        "{handle} 01040000 00000200 01040000"
    )))
    .unwrap_err();
    assert!(out_of_range(&e), "{e}");
    // A referenced domain list of 20481.
    let e = decode::<LsaprReferencedDomainList>(&hex("01500000 00000000 00000000")).unwrap_err();
    assert!(out_of_range(&e), "{e}");
    // LSAPR_TRANSLATED_SIDS_EX2 of 1001.
    let e = decode::<LsaprTranslatedSidsEx2>(&hex("e9030000 00000000")).unwrap_err();
    assert!(out_of_range(&e), "{e}");
    // A password history of 1025 and a hash of 513 bytes.
    let e = decode::<SamValidatePasswordHash>(&hex("01020000 00000000")).unwrap_err();
    assert!(out_of_range(&e), "{e}");
    // The audit event options of 1025.
    let e = decode::<LsaprPolicyAuditEventsInfo>(&hex("00000000 00000000 01040000")).unwrap_err();
    assert!(out_of_range(&e), "{e}");
    // A display page over MAX_ENTRIES.
    let e = decode::<SamprDomainDisplayGroupBuffer>(&hex("01001000 00000000")).unwrap_err();
    assert!(out_of_range(&e), "{e}");
}

/// A union arm that does not match its `switch_is` parameter is refused both ways.
#[test]
fn mismatched_switch_is_refused() {
    let rq = SamrSetInformationGroupRequest {
        group_handle: ContextHandle::default(),
        group_information_class: GroupInformationClass::GROUP_NAME_INFORMATION,
        buffer: SamprGroupInfoBuffer::Attribute(GroupAttributeInformation { attributes: 7 }),
    };
    assert!(encode(&rq).is_err());
    // Class 2 in the parameter, 3 in the union.
    let b = hex("00000000 00000000000000000000000000000000 0200 0300 07000000");
    assert!(decode::<SamrSetInformationGroupRequest>(&b).is_err());
}

/// Inputs the fuzzer found, kept as regressions.
#[test]
fn fuzz_regressions() {
    // decode_samr_lsa: an LSAPR_ACL with AclSize 0 (size_is(AclSize - 4) < 0) decoded but did
    // not encode again; now refused by the range on AclSize.
    let stub = hex(concat!(
        "bf7f00000c000000000000000c0000005c005c003100320037002e0030002e0030002e00",
        "3300000000000000000000000000000000000c0000005c005c003100320037002e003000",
        "2e0030002e003300000000000000000000000000000000000000000000000000003d0000",
        "00000000000000000000000000003d0001080000",
    ));
    let e = decode::<LsarOpenPolicy2Request>(&stub).unwrap_err();
    assert!(out_of_range(&e) && e.ty == "LsaprAcl", "{e}");
}
