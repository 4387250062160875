//! `USER_MODALS_INFO_*` from and to the account domain's information classes ([MS-SAMR]
//! 2.2.3, SamrQueryInformationDomain2 / SamrSetInformationDomain, 3.1.5.5.1 / 3.1.5.6.1), as
//! netapi32 maps them:
//!
//! | level | classes |
//! |---|---|
//! | 0, 1001–1003, 1005 | `DomainPasswordInformation` (1); 0 also `DomainLogoffInformation` (3) |
//! | 1004 | `DomainLogoffInformation` (3) |
//! | 1, 1006, 1007 | `DomainServerRoleInformation` (7), `DomainReplicationInformation` (6) |
//! | 2 | `DomainNameInformation` (5) and the domain SID |
//! | 3 | `DomainLockoutInformation` (12) |
//!
//! A write is a read-modify-write of each class it touches, so what a level does not carry
//! (the password properties, the other settings of a class) keeps its value.
//!
//! Times: SAMR keeps durations as negative 100 ns counts, `i64::MIN` for "never"
//! ([MS-SAMR] 2.2.3.5); the levels in seconds, `TIMEQ_FOREVER` for "never". A duration of 0
//! reads as 0.

use netapi_msrpc::dtyp::{LargeInteger, OldLargeInteger};
use netapi_msrpc::samr::{self as w, DomainInformationClass as Class};

use crate::con;
use crate::info::UserModalsInfo;

const PER_SECOND: i64 = 10_000_000;

/// Seconds of a SAMR duration; `i64::MIN` and anything of 2^32 - 1 seconds or more are
/// `TIMEQ_FOREVER`. quirk(samba-4.17): the file server sends "never" as 0xFFFFFFFF seconds.
pub(crate) fn seconds(delta: i64) -> u32 {
    if delta == i64::MIN {
        return con::TIMEQ_FOREVER;
    }
    let secs = delta.unsigned_abs() / PER_SECOND as u64;
    u32::try_from(secs).unwrap_or(con::TIMEQ_FOREVER)
}

/// The SAMR duration of `secs`.
pub(crate) fn duration(secs: u32) -> i64 {
    if secs == con::TIMEQ_FOREVER {
        i64::MIN
    } else {
        -(i64::from(secs) * PER_SECOND)
    }
}

/// `UAS_ROLE_*` of a `DOMAIN_SERVER_ROLE`. quirk(samba-4.17): Samba answers its own role
/// numbering where it differs (0 standalone, 1 member), read as libnetapi reads it.
pub(crate) fn uas_role(role: u16) -> u32 {
    match role {
        0 => con::UAS_ROLE_STANDALONE,
        1 => con::UAS_ROLE_MEMBER,
        2 => con::UAS_ROLE_BACKUP,
        _ => con::UAS_ROLE_PRIMARY,
    }
}

/// The `DOMAIN_SERVER_ROLE` of a `UAS_ROLE_*` (only backup and primary exist in SAMR).
pub(crate) fn server_role(uas: u32) -> u16 {
    if uas == con::UAS_ROLE_BACKUP { 2 } else { 3 }
}

/// The classes a level reads (get) or touches (set).
pub(crate) fn classes(level: u32) -> &'static [Class] {
    match level {
        0 => &[
            Class::DOMAIN_PASSWORD_INFORMATION,
            Class::DOMAIN_LOGOFF_INFORMATION,
        ],
        1001 | 1002 | 1003 | 1005 => &[Class::DOMAIN_PASSWORD_INFORMATION],
        1004 => &[Class::DOMAIN_LOGOFF_INFORMATION],
        1 => &[
            Class::DOMAIN_SERVER_ROLE_INFORMATION,
            Class::DOMAIN_REPLICATION_INFORMATION,
        ],
        1006 => &[Class::DOMAIN_SERVER_ROLE_INFORMATION],
        1007 => &[Class::DOMAIN_REPLICATION_INFORMATION],
        2 => &[Class::DOMAIN_NAME_INFORMATION],
        3 => &[Class::DOMAIN_LOCKOUT_INFORMATION],
        _ => &[],
    }
}

/// The settings of the account domain a level shows, as read class by class.
#[derive(Debug, Default, Clone)]
pub(crate) struct Modals {
    pub password: Option<w::DomainPasswordInformation>,
    pub logoff: Option<w::DomainLogoffInformation>,
    pub role: Option<w::DomainServerRoleInformation>,
    pub replication: Option<w::SamprDomainReplicationInformation>,
    pub name: Option<w::SamprDomainNameInformation>,
    pub lockout: Option<w::SamprDomainLockoutInformation>,
}

impl Modals {
    /// Keep the answer to one class query.
    pub(crate) fn put(&mut self, b: w::SamprDomainInfoBuffer) {
        match b {
            w::SamprDomainInfoBuffer::Password(p) => self.password = Some(p),
            w::SamprDomainInfoBuffer::Logoff(l) => self.logoff = Some(l),
            w::SamprDomainInfoBuffer::Role(r) => self.role = Some(r),
            w::SamprDomainInfoBuffer::Replication(r) => self.replication = Some(r),
            w::SamprDomainInfoBuffer::Name(n) => self.name = Some(n),
            w::SamprDomainInfoBuffer::Lockout(l) => self.lockout = Some(l),
            _ => {}
        }
    }

    /// Level `level` of these settings (`domain_id` from the domain's SID).
    pub(crate) fn level(&self, level: u32, domain_id: Option<crate::info::Sid>) -> UserModalsInfo {
        use crate::info::*;
        let p = self.password.unwrap_or_default();
        let logoff = self.logoff.unwrap_or_default().force_logoff.to_i64();
        let role = self.role.map_or(3, |r| r.domain_server_role.0);
        let primary = self
            .replication
            .as_ref()
            .and_then(|r| r.replica_source_node_name.to_string_lossy());
        let l = self.lockout.unwrap_or_default();
        match level {
            1 => UserModalsInfo1 {
                role: uas_role(role),
                primary,
            }
            .into(),
            2 => UserModalsInfo2 {
                domain_name: self
                    .name
                    .as_ref()
                    .and_then(|n| n.domain_name.to_string_lossy()),
                domain_id,
            }
            .into(),
            3 => UserModalsInfo3 {
                lockout_duration: seconds(l.lockout_duration.0),
                lockout_observation_window: seconds(l.lockout_observation_window.0),
                lockout_threshold: u32::from(l.lockout_threshold),
            }
            .into(),
            _ => UserModalsInfo0 {
                min_passwd_len: u32::from(p.min_password_length),
                max_passwd_age: seconds(p.max_password_age.to_i64()),
                min_passwd_age: seconds(p.min_password_age.to_i64()),
                force_logoff: seconds(logoff),
                password_hist_len: u32::from(p.password_history_length),
            }
            .into(),
        }
    }

    /// These settings with `info` written over them; the classes to write back, in order.
    pub(crate) fn apply(&mut self, info: &UserModalsInfo) -> Vec<w::SamprDomainInfoBuffer> {
        let p = self.password.get_or_insert_with(Default::default);
        let u16_of = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
        match info {
            UserModalsInfo::L0(v) => {
                p.min_password_length = u16_of(v.min_passwd_len);
                p.max_password_age = OldLargeInteger::from_i64(duration(v.max_passwd_age));
                p.min_password_age = OldLargeInteger::from_i64(duration(v.min_passwd_age));
                p.password_history_length = u16_of(v.password_hist_len);
                self.logoff = Some(w::DomainLogoffInformation {
                    force_logoff: OldLargeInteger::from_i64(duration(v.force_logoff)),
                });
            }
            UserModalsInfo::L1001(v) => p.min_password_length = u16_of(v.min_passwd_len),
            UserModalsInfo::L1002(v) => {
                p.max_password_age = OldLargeInteger::from_i64(duration(v.max_passwd_age))
            }
            UserModalsInfo::L1003(v) => {
                p.min_password_age = OldLargeInteger::from_i64(duration(v.min_passwd_age))
            }
            UserModalsInfo::L1005(v) => p.password_history_length = u16_of(v.password_hist_len),
            UserModalsInfo::L1004(v) => {
                self.logoff = Some(w::DomainLogoffInformation {
                    force_logoff: OldLargeInteger::from_i64(duration(v.force_logoff)),
                })
            }
            UserModalsInfo::L1(v) => {
                self.role = Some(role_info(v.role));
                self.replication = Some(replication(&v.primary));
            }
            UserModalsInfo::L1006(v) => self.role = Some(role_info(v.role)),
            UserModalsInfo::L1007(v) => self.replication = Some(replication(&v.primary)),
            UserModalsInfo::L2(v) => {
                self.name = Some(w::SamprDomainNameInformation {
                    domain_name: ustr(&v.domain_name),
                })
            }
            UserModalsInfo::L3(v) => {
                self.lockout = Some(w::SamprDomainLockoutInformation {
                    lockout_duration: LargeInteger(duration(v.lockout_duration)),
                    lockout_observation_window: LargeInteger(duration(
                        v.lockout_observation_window,
                    )),
                    lockout_threshold: u16_of(v.lockout_threshold),
                })
            }
        }
        classes(info.level())
            .iter()
            .filter_map(|c| self.buffer(*c))
            .collect()
    }

    fn buffer(&self, class: Class) -> Option<w::SamprDomainInfoBuffer> {
        use w::SamprDomainInfoBuffer as B;
        Some(match class {
            Class::DOMAIN_PASSWORD_INFORMATION => B::Password(self.password?),
            Class::DOMAIN_LOGOFF_INFORMATION => B::Logoff(self.logoff?),
            Class::DOMAIN_SERVER_ROLE_INFORMATION => B::Role(self.role?),
            Class::DOMAIN_REPLICATION_INFORMATION => B::Replication(self.replication.clone()?),
            Class::DOMAIN_NAME_INFORMATION => B::Name(self.name.clone()?),
            Class::DOMAIN_LOCKOUT_INFORMATION => B::Lockout(self.lockout?),
            _ => return None,
        })
    }
}

fn ustr(s: &Option<String>) -> netapi_msrpc::dtyp::RpcUnicodeString {
    s.as_deref()
        .and_then(|s| netapi_msrpc::dtyp::RpcUnicodeString::new(s).ok())
        .unwrap_or_else(netapi_msrpc::dtyp::RpcUnicodeString::null)
}

fn role_info(uas: u32) -> w::DomainServerRoleInformation {
    w::DomainServerRoleInformation {
        domain_server_role: w::DomainServerRole(server_role(uas)),
    }
}

fn replication(primary: &Option<String>) -> w::SamprDomainReplicationInformation {
    w::SamprDomainReplicationInformation {
        replica_source_node_name: ustr(primary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::info::{UserModalsInfo0, UserModalsInfo3, UserModalsInfo1002};

    #[test]
    fn durations_convert_with_never() {
        assert_eq!(seconds(i64::MIN), con::TIMEQ_FOREVER);
        assert_eq!(seconds(-42 * 86_400 * PER_SECOND), 42 * 86_400);
        assert_eq!(seconds(0), 0);
        assert_eq!(
            seconds(-(i64::from(u32::MAX)) * PER_SECOND),
            con::TIMEQ_FOREVER
        );
        assert_eq!(seconds(-(1i64 << 62)), con::TIMEQ_FOREVER);
        assert_eq!(duration(con::TIMEQ_FOREVER), i64::MIN);
        assert_eq!(duration(30), -30 * PER_SECOND);
        assert_eq!(seconds(duration(1234)), 1234);
    }

    #[test]
    fn a_set_keeps_what_its_level_does_not_carry() {
        let mut m = Modals {
            password: Some(w::DomainPasswordInformation {
                min_password_length: 7,
                password_history_length: 24,
                password_properties: 1,
                max_password_age: OldLargeInteger::from_i64(duration(42 * 86_400)),
                min_password_age: OldLargeInteger::from_i64(duration(86_400)),
            }),
            ..Modals::default()
        };
        let writes = m.apply(
            &UserModalsInfo1002 {
                max_passwd_age: con::TIMEQ_FOREVER,
            }
            .into(),
        );
        let [w::SamprDomainInfoBuffer::Password(p)] = writes.as_slice() else {
            panic!("{writes:?}")
        };
        assert_eq!(
            (
                p.min_password_length,
                p.password_history_length,
                p.password_properties
            ),
            (7, 24, 1)
        );
        assert_eq!(p.max_password_age.to_i64(), i64::MIN);
        let writes = m.apply(
            &UserModalsInfo0 {
                min_passwd_len: 5,
                max_passwd_age: 86_400,
                min_passwd_age: 0,
                force_logoff: con::TIMEQ_FOREVER,
                password_hist_len: 3,
            }
            .into(),
        );
        assert_eq!(writes.len(), 2, "password and logoff classes");
        let UserModalsInfo::L0(back) = m.level(0, None) else {
            panic!()
        };
        assert_eq!(
            (back.min_passwd_len, back.max_passwd_age, back.force_logoff),
            (5, 86_400, con::TIMEQ_FOREVER)
        );
        assert_eq!(
            m.password.unwrap().password_properties,
            1,
            "properties kept"
        );
        let writes = m.apply(
            &UserModalsInfo3 {
                lockout_duration: 1800,
                lockout_observation_window: 1800,
                lockout_threshold: 3,
            }
            .into(),
        );
        assert!(
            matches!(writes.as_slice(), [w::SamprDomainInfoBuffer::Lockout(l)] if l.lockout_threshold == 3)
        );
    }
}
