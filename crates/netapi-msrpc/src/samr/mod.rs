//! The Security Account Manager, `samr` (\[MS-SAMR\]): interface
//! `12345778-1234-abcd-ef00-0123456789ac` v1.0 on `\PIPE\samr` (and
//! `ncacn_ip_tcp` for `SamrValidatePassword`), `ms_union`,
//! `pointer_default(unique)`.
//!
//! Types follow \[MS-SAMR\] 2.2 in section order, grouped by topic in private
//! submodules and re-exported here: basic and miscellaneous types (2.2.2,
//! 2.2.7), domain information (2.2.3), groups (2.2.4), aliases (2.2.5), users
//! (2.2.6), display information (2.2.8) and `SamrValidatePassword` (2.2.9).
//! Calls are \[MS-SAMR\] 3.1.5, declared for every opnum the NetUser*,
//! NetUserModals*, NetGroup*, NetLocalGroup*, NetQueryDisplayInformation,
//! NetUserChangePassword and NetValidatePasswordPolicy families use (see
//! [`OPNUMS`]); start at [`SamrConnect5Request`]. The constant tables of
//! 2.2.1 are the submodules [`access`], [`user_all`], [`account_control`],
//! [`account_type`], [`se_group`], [`group_type`], [`rid`],
//! [`password_properties`] and [`validate_fields`].
//!
//! Field names are the IDL member names in snake case (`r#use` for `Use`);
//! parameters keep the spec's spelling (`prefered_maximum_length`). Enums
//! are 16-bit `wire_enum!` newtypes. The spec's unions have no default arm,
//! and neither do ours: an information class this crate does not list is a
//! decode error, as it is for a Windows client. Counts a server chooses are
//! bounded by the IDL's `range` or, where the IDL has none, by
//! [`MAX_ENTRIES`] (see there).
//!
//! The security-object calls (2, 3) serve `UF_PASSWD_CANT_CHANGE`.
//! Left out: SamrConnect/2, SamrCreateUserInDomain,
//! display-index, multiple-member, foreign-domain, DSRM, OEM and legacy
//! password-change methods, and the AES password levels (31, 32) with
//! `SamrUnicodeChangePasswordUser4`. Samba 4.17's deviations are tagged
//! `quirk(samba-4.17)`.

mod account_calls;
mod alias;
mod calls;
mod common;
mod display;
mod domain;
mod group;
mod page;
mod security;
mod user;
mod validate;

pub use account_calls::*;
pub use alias::*;
pub use calls::*;
pub use common::*;
pub use display::*;
pub use domain::*;
pub use group::*;
pub use page::{EnumerationAnswer, read_enumeration};
pub use security::*;
pub use user::*;
pub use validate::*;

/// `SID_NAME_USE` (\[MS-SAMR\] 2.2.2.3, the same enumeration as \[MS-LSAT\]
/// 2.2.13). SAMR carries it as the 32-bit elements of a `Use`
/// [`SamprUlongArray`]; `SidNameUse(u as u16)` names one.
pub use crate::lsarpc::SidNameUse;

use crate::dtyp::RpcSid;

/// Largest count this crate accepts for a server-chosen array the IDL does
/// not bound (`SAMPR_ULONG_ARRAY`, `SAMPR_ENUMERATION_BUFFER`, the display,
/// member and group buffers): 1 Mi entries. The decoder also checks every
/// count against the bytes left, so a huge count fails before allocating;
/// this names the policy and makes an absurd but well-backed count fail too.
pub const MAX_ENTRIES: u32 = 1 << 20;

/// `SAM_MAXIMUM_LOOKUP_COUNT`: the IDL's `range(0, 1000)` on the names and
/// RIDs of `SamrLookupNamesInDomain` / `SamrLookupIdsInDomain` (3.1.5.11).
pub const SAM_MAXIMUM_LOOKUP_COUNT: u32 = 1000;

/// `SECURITY_NT_AUTHORITY` (\[MS-DTYP\] 2.4.2.4): the authority of `S-1-5-…`.
pub const SECURITY_NT_AUTHORITY: u64 = 5;
/// `SECURITY_BUILTIN_DOMAIN_RID` (\[MS-DTYP\] 2.4.2.4): `S-1-5-32`, the
/// Builtin domain that holds the local groups (aliases) of every server.
pub const SECURITY_BUILTIN_DOMAIN_RID: u32 = 32;

/// The Builtin domain's SID, `S-1-5-32` (\[MS-DTYP\] 2.4.2.4), as passed to
/// `SamrOpenDomain` for NetLocalGroup* on `BUILTIN\...` groups.
pub fn builtin_domain_sid() -> RpcSid {
    RpcSid {
        revision: 1,
        sub_authority_count: 1,
        identifier_authority: [0, 0, 0, 0, 0, SECURITY_NT_AUTHORITY as u8],
        sub_authority: vec![SECURITY_BUILTIN_DOMAIN_RID],
    }
}

/// Access masks (\[MS-SAMR\] 2.2.1.1–2.2.1.7) for the `DesiredAccess` of the
/// open, connect and create methods.
pub mod access {
    /// `DELETE` (2.2.1.1).
    pub const DELETE: u32 = 0x0001_0000;
    /// `READ_CONTROL` (2.2.1.1).
    pub const READ_CONTROL: u32 = 0x0002_0000;
    /// `WRITE_DAC` (2.2.1.1).
    pub const WRITE_DAC: u32 = 0x0004_0000;
    /// `WRITE_OWNER` (2.2.1.1).
    pub const WRITE_OWNER: u32 = 0x0008_0000;
    /// `ACCESS_SYSTEM_SECURITY` (2.2.1.1).
    pub const ACCESS_SYSTEM_SECURITY: u32 = 0x0100_0000;
    /// `MAXIMUM_ALLOWED` (2.2.1.1): whatever the caller may have.
    pub const MAXIMUM_ALLOWED: u32 = 0x0200_0000;

    /// `GENERIC_READ` (2.2.1.2).
    pub const GENERIC_READ: u32 = 0x8000_0000;
    /// `GENERIC_WRITE` (2.2.1.2).
    pub const GENERIC_WRITE: u32 = 0x4000_0000;
    /// `GENERIC_EXECUTE` (2.2.1.2).
    pub const GENERIC_EXECUTE: u32 = 0x2000_0000;
    /// `GENERIC_ALL` (2.2.1.2).
    pub const GENERIC_ALL: u32 = 0x1000_0000;

    /// `SAM_SERVER_CONNECT` (2.2.1.3).
    pub const SAM_SERVER_CONNECT: u32 = 0x0000_0001;
    /// `SAM_SERVER_SHUTDOWN` (2.2.1.3).
    pub const SAM_SERVER_SHUTDOWN: u32 = 0x0000_0002;
    /// `SAM_SERVER_INITIALIZE` (2.2.1.3).
    pub const SAM_SERVER_INITIALIZE: u32 = 0x0000_0004;
    /// `SAM_SERVER_CREATE_DOMAIN` (2.2.1.3).
    pub const SAM_SERVER_CREATE_DOMAIN: u32 = 0x0000_0008;
    /// `SAM_SERVER_ENUMERATE_DOMAINS` (2.2.1.3).
    pub const SAM_SERVER_ENUMERATE_DOMAINS: u32 = 0x0000_0010;
    /// `SAM_SERVER_LOOKUP_DOMAIN` (2.2.1.3).
    pub const SAM_SERVER_LOOKUP_DOMAIN: u32 = 0x0000_0020;
    /// `SAM_SERVER_ALL_ACCESS` (2.2.1.3).
    pub const SAM_SERVER_ALL_ACCESS: u32 = 0x000F_003F;
    /// `SAM_SERVER_READ` (2.2.1.3).
    pub const SAM_SERVER_READ: u32 = 0x0002_0010;
    /// `SAM_SERVER_WRITE` (2.2.1.3).
    pub const SAM_SERVER_WRITE: u32 = 0x0002_000E;
    /// `SAM_SERVER_EXECUTE` (2.2.1.3).
    pub const SAM_SERVER_EXECUTE: u32 = 0x0002_0021;

    /// `DOMAIN_READ_PASSWORD_PARAMETERS` (2.2.1.4).
    pub const DOMAIN_READ_PASSWORD_PARAMETERS: u32 = 0x0000_0001;
    /// `DOMAIN_WRITE_PASSWORD_PARAMS` (2.2.1.4).
    pub const DOMAIN_WRITE_PASSWORD_PARAMS: u32 = 0x0000_0002;
    /// `DOMAIN_READ_OTHER_PARAMETERS` (2.2.1.4).
    pub const DOMAIN_READ_OTHER_PARAMETERS: u32 = 0x0000_0004;
    /// `DOMAIN_WRITE_OTHER_PARAMETERS` (2.2.1.4).
    pub const DOMAIN_WRITE_OTHER_PARAMETERS: u32 = 0x0000_0008;
    /// `DOMAIN_CREATE_USER` (2.2.1.4).
    pub const DOMAIN_CREATE_USER: u32 = 0x0000_0010;
    /// `DOMAIN_CREATE_GROUP` (2.2.1.4).
    pub const DOMAIN_CREATE_GROUP: u32 = 0x0000_0020;
    /// `DOMAIN_CREATE_ALIAS` (2.2.1.4).
    pub const DOMAIN_CREATE_ALIAS: u32 = 0x0000_0040;
    /// `DOMAIN_GET_ALIAS_MEMBERSHIP` (2.2.1.4).
    pub const DOMAIN_GET_ALIAS_MEMBERSHIP: u32 = 0x0000_0080;
    /// `DOMAIN_LIST_ACCOUNTS` (2.2.1.4).
    pub const DOMAIN_LIST_ACCOUNTS: u32 = 0x0000_0100;
    /// `DOMAIN_LOOKUP` (2.2.1.4).
    pub const DOMAIN_LOOKUP: u32 = 0x0000_0200;
    /// `DOMAIN_ADMINISTER_SERVER` (2.2.1.4).
    pub const DOMAIN_ADMINISTER_SERVER: u32 = 0x0000_0400;
    /// `DOMAIN_ALL_ACCESS` (2.2.1.4).
    pub const DOMAIN_ALL_ACCESS: u32 = 0x000F_07FF;
    /// `DOMAIN_READ` (2.2.1.4).
    pub const DOMAIN_READ: u32 = 0x0002_0084;
    /// `DOMAIN_WRITE` (2.2.1.4).
    pub const DOMAIN_WRITE: u32 = 0x0002_047A;
    /// `DOMAIN_EXECUTE` (2.2.1.4).
    pub const DOMAIN_EXECUTE: u32 = 0x0002_0301;

    /// `GROUP_READ_INFORMATION` (2.2.1.5).
    pub const GROUP_READ_INFORMATION: u32 = 0x0000_0001;
    /// `GROUP_WRITE_ACCOUNT` (2.2.1.5).
    pub const GROUP_WRITE_ACCOUNT: u32 = 0x0000_0002;
    /// `GROUP_ADD_MEMBER` (2.2.1.5).
    pub const GROUP_ADD_MEMBER: u32 = 0x0000_0004;
    /// `GROUP_REMOVE_MEMBER` (2.2.1.5).
    pub const GROUP_REMOVE_MEMBER: u32 = 0x0000_0008;
    /// `GROUP_LIST_MEMBERS` (2.2.1.5).
    pub const GROUP_LIST_MEMBERS: u32 = 0x0000_0010;
    /// `GROUP_ALL_ACCESS` (2.2.1.5).
    pub const GROUP_ALL_ACCESS: u32 = 0x000F_001F;
    /// `GROUP_READ` (2.2.1.5).
    pub const GROUP_READ: u32 = 0x0002_0010;
    /// `GROUP_WRITE` (2.2.1.5).
    pub const GROUP_WRITE: u32 = 0x0002_000E;
    /// `GROUP_EXECUTE` (2.2.1.5).
    pub const GROUP_EXECUTE: u32 = 0x0002_0001;

    /// `ALIAS_ADD_MEMBER` (2.2.1.6).
    pub const ALIAS_ADD_MEMBER: u32 = 0x0000_0001;
    /// `ALIAS_REMOVE_MEMBER` (2.2.1.6).
    pub const ALIAS_REMOVE_MEMBER: u32 = 0x0000_0002;
    /// `ALIAS_LIST_MEMBERS` (2.2.1.6).
    pub const ALIAS_LIST_MEMBERS: u32 = 0x0000_0004;
    /// `ALIAS_READ_INFORMATION` (2.2.1.6).
    pub const ALIAS_READ_INFORMATION: u32 = 0x0000_0008;
    /// `ALIAS_WRITE_ACCOUNT` (2.2.1.6).
    pub const ALIAS_WRITE_ACCOUNT: u32 = 0x0000_0010;
    /// `ALIAS_ALL_ACCESS` (2.2.1.6).
    pub const ALIAS_ALL_ACCESS: u32 = 0x000F_001F;
    /// `ALIAS_READ` (2.2.1.6).
    pub const ALIAS_READ: u32 = 0x0002_0004;
    /// `ALIAS_WRITE` (2.2.1.6).
    pub const ALIAS_WRITE: u32 = 0x0002_0013;
    /// `ALIAS_EXECUTE` (2.2.1.6).
    pub const ALIAS_EXECUTE: u32 = 0x0002_0008;

    /// `USER_READ_GENERAL` (2.2.1.7).
    pub const USER_READ_GENERAL: u32 = 0x0000_0001;
    /// `USER_READ_PREFERENCES` (2.2.1.7).
    pub const USER_READ_PREFERENCES: u32 = 0x0000_0002;
    /// `USER_WRITE_PREFERENCES` (2.2.1.7).
    pub const USER_WRITE_PREFERENCES: u32 = 0x0000_0004;
    /// `USER_READ_LOGON` (2.2.1.7).
    pub const USER_READ_LOGON: u32 = 0x0000_0008;
    /// `USER_READ_ACCOUNT` (2.2.1.7).
    pub const USER_READ_ACCOUNT: u32 = 0x0000_0010;
    /// `USER_WRITE_ACCOUNT` (2.2.1.7).
    pub const USER_WRITE_ACCOUNT: u32 = 0x0000_0020;
    /// `USER_CHANGE_PASSWORD` (2.2.1.7).
    pub const USER_CHANGE_PASSWORD: u32 = 0x0000_0040;
    /// `USER_FORCE_PASSWORD_CHANGE` (2.2.1.7).
    pub const USER_FORCE_PASSWORD_CHANGE: u32 = 0x0000_0080;
    /// `USER_LIST_GROUPS` (2.2.1.7).
    pub const USER_LIST_GROUPS: u32 = 0x0000_0100;
    /// `USER_READ_GROUP_INFORMATION` (2.2.1.7).
    pub const USER_READ_GROUP_INFORMATION: u32 = 0x0000_0200;
    /// `USER_WRITE_GROUP_INFORMATION` (2.2.1.7).
    pub const USER_WRITE_GROUP_INFORMATION: u32 = 0x0000_0400;
    /// `USER_ALL_ACCESS` (2.2.1.7).
    pub const USER_ALL_ACCESS: u32 = 0x000F_07FF;
    /// `USER_READ` (2.2.1.7).
    pub const USER_READ: u32 = 0x0002_031A;
    /// `USER_WRITE` (2.2.1.7).
    pub const USER_WRITE: u32 = 0x0002_0044;
    /// `USER_EXECUTE` (2.2.1.7).
    pub const USER_EXECUTE: u32 = 0x0002_0041;
}

/// `USER_ALL_*` (\[MS-SAMR\] 2.2.1.8): the bits of
/// [`SamprUserAllInformation::which_fields`], one per field.
pub mod user_all {
    /// `UserName`.
    pub const USER_ALL_USERNAME: u32 = 0x0000_0001;
    /// `FullName`.
    pub const USER_ALL_FULLNAME: u32 = 0x0000_0002;
    /// `UserId`.
    pub const USER_ALL_USERID: u32 = 0x0000_0004;
    /// `PrimaryGroupId`.
    pub const USER_ALL_PRIMARYGROUPID: u32 = 0x0000_0008;
    /// `AdminComment`.
    pub const USER_ALL_ADMINCOMMENT: u32 = 0x0000_0010;
    /// `UserComment`.
    pub const USER_ALL_USERCOMMENT: u32 = 0x0000_0020;
    /// `HomeDirectory`.
    pub const USER_ALL_HOMEDIRECTORY: u32 = 0x0000_0040;
    /// `HomeDirectoryDrive`.
    pub const USER_ALL_HOMEDIRECTORYDRIVE: u32 = 0x0000_0080;
    /// `ScriptPath`.
    pub const USER_ALL_SCRIPTPATH: u32 = 0x0000_0100;
    /// `ProfilePath`.
    pub const USER_ALL_PROFILEPATH: u32 = 0x0000_0200;
    /// `WorkStations`.
    pub const USER_ALL_WORKSTATIONS: u32 = 0x0000_0400;
    /// `LastLogon`.
    pub const USER_ALL_LASTLOGON: u32 = 0x0000_0800;
    /// `LastLogoff`.
    pub const USER_ALL_LASTLOGOFF: u32 = 0x0000_1000;
    /// `LogonHours`.
    pub const USER_ALL_LOGONHOURS: u32 = 0x0000_2000;
    /// `BadPasswordCount`.
    pub const USER_ALL_BADPASSWORDCOUNT: u32 = 0x0000_4000;
    /// `LogonCount`.
    pub const USER_ALL_LOGONCOUNT: u32 = 0x0000_8000;
    /// `PasswordCanChange`.
    pub const USER_ALL_PASSWORDCANCHANGE: u32 = 0x0001_0000;
    /// `PasswordMustChange`.
    pub const USER_ALL_PASSWORDMUSTCHANGE: u32 = 0x0002_0000;
    /// `PasswordLastSet`.
    pub const USER_ALL_PASSWORDLASTSET: u32 = 0x0004_0000;
    /// `AccountExpires`.
    pub const USER_ALL_ACCOUNTEXPIRES: u32 = 0x0008_0000;
    /// `UserAccountControl`.
    pub const USER_ALL_USERACCOUNTCONTROL: u32 = 0x0010_0000;
    /// `Parameters`.
    pub const USER_ALL_PARAMETERS: u32 = 0x0020_0000;
    /// `CountryCode`.
    pub const USER_ALL_COUNTRYCODE: u32 = 0x0040_0000;
    /// `CodePage`.
    pub const USER_ALL_CODEPAGE: u32 = 0x0080_0000;
    /// `NtPasswordPresent` (with `NtOwfPassword`).
    pub const USER_ALL_NTPASSWORDPRESENT: u32 = 0x0100_0000;
    /// `LmPasswordPresent` (with `LmOwfPassword`).
    pub const USER_ALL_LMPASSWORDPRESENT: u32 = 0x0200_0000;
    /// `PrivateData`.
    pub const USER_ALL_PRIVATEDATA: u32 = 0x0400_0000;
    /// `PasswordExpired`.
    pub const USER_ALL_PASSWORDEXPIRED: u32 = 0x0800_0000;
    /// `SecurityDescriptor`.
    pub const USER_ALL_SECURITYDESCRIPTOR: u32 = 0x1000_0000;
    /// `USER_ALL_UNDEFINED_MASK`: bits no field uses.
    pub const USER_ALL_UNDEFINED_MASK: u32 = 0xC000_0000;
}

/// `USER_ACCOUNT` codes (\[MS-SAMR\] 2.2.1.12): the bits of a SAMR
/// `UserAccountControl` (the `ACB_*` of Samba), and the `AccountType` of
/// `SamrCreateUser2InDomain`. Not the `UF_*` bits of NetApi's `usri*_flags`
/// (2.2.1.13), which a NetApi layer maps to and from these.
pub mod account_control {
    /// Not enabled for authentication.
    pub const USER_ACCOUNT_DISABLED: u32 = 0x0000_0001;
    /// `homeDirectory` is required.
    pub const USER_HOME_DIRECTORY_REQUIRED: u32 = 0x0000_0002;
    /// The password-length policy does not apply.
    pub const USER_PASSWORD_NOT_REQUIRED: u32 = 0x0000_0004;
    /// Ignored.
    pub const USER_TEMP_DUPLICATE_ACCOUNT: u32 = 0x0000_0008;
    /// A user, not a computer.
    pub const USER_NORMAL_ACCOUNT: u32 = 0x0000_0010;
    /// Ignored.
    pub const USER_MNS_LOGON_ACCOUNT: u32 = 0x0000_0020;
    /// A trust object.
    pub const USER_INTERDOMAIN_TRUST_ACCOUNT: u32 = 0x0000_0040;
    /// A member workstation or server.
    pub const USER_WORKSTATION_TRUST_ACCOUNT: u32 = 0x0000_0080;
    /// A domain controller.
    pub const USER_SERVER_TRUST_ACCOUNT: u32 = 0x0000_0100;
    /// The maximum-password-age policy does not apply.
    pub const USER_DONT_EXPIRE_PASSWORD: u32 = 0x0000_0200;
    /// Locked out.
    pub const USER_ACCOUNT_AUTO_LOCKED: u32 = 0x0000_0400;
    /// The cleartext password is kept.
    pub const USER_ENCRYPTED_TEXT_PASSWORD_ALLOWED: u32 = 0x0000_0800;
    /// Smart card logon only.
    pub const USER_SMARTCARD_REQUIRED: u32 = 0x0000_1000;
    /// Kerberos "OK as delegate".
    pub const USER_TRUSTED_FOR_DELEGATION: u32 = 0x0000_2000;
    /// Kerberos tickets are not forwardable.
    pub const USER_NOT_DELEGATED: u32 = 0x0000_4000;
    /// Kerberos DES keys only.
    pub const USER_USE_DES_KEY_ONLY: u32 = 0x0000_8000;
    /// No Kerberos pre-authentication.
    pub const USER_DONT_REQUIRE_PREAUTH: u32 = 0x0001_0000;
    /// The password has expired.
    pub const USER_PASSWORD_EXPIRED: u32 = 0x0002_0000;
    /// Kerberos protocol transition allowed.
    pub const USER_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION: u32 = 0x0004_0000;
    /// No PAC in service tickets.
    pub const USER_NO_AUTH_DATA_REQUIRED: u32 = 0x0008_0000;
    /// A read-only domain controller.
    pub const USER_PARTIAL_SECRETS_ACCOUNT: u32 = 0x0010_0000;
    /// Ignored.
    pub const USER_USE_AES_KEYS: u32 = 0x0020_0000;
}

/// `ACCOUNT_TYPE` values (\[MS-SAMR\] 2.2.1.9): what kind of object an
/// account is (`sAMAccountType`).
pub mod account_type {
    /// A domain.
    pub const SAM_DOMAIN_OBJECT: u32 = 0x0000_0000;
    /// A group.
    pub const SAM_GROUP_OBJECT: u32 = 0x1000_0000;
    /// A group not used for authorization.
    pub const SAM_NON_SECURITY_GROUP_OBJECT: u32 = 0x1000_0001;
    /// An alias.
    pub const SAM_ALIAS_OBJECT: u32 = 0x2000_0000;
    /// An alias not used for authorization.
    pub const SAM_NON_SECURITY_ALIAS_OBJECT: u32 = 0x2000_0001;
    /// A user.
    pub const SAM_USER_OBJECT: u32 = 0x3000_0000;
    /// A computer.
    pub const SAM_MACHINE_ACCOUNT: u32 = 0x3000_0001;
    /// A trust account.
    pub const SAM_TRUST_ACCOUNT: u32 = 0x3000_0002;
    /// An application-defined group.
    pub const SAM_APP_BASIC_GROUP: u32 = 0x4000_0000;
    /// An application-defined query group.
    pub const SAM_APP_QUERY_GROUP: u32 = 0x4000_0001;
}

/// `SE_GROUP` attributes (\[MS-SAMR\] 2.2.1.10) of a group membership
/// (`GROUP_MEMBERSHIP.Attributes`, `SamrAddMemberToGroup`).
pub mod se_group {
    /// The membership cannot be disabled.
    pub const SE_GROUP_MANDATORY: u32 = 0x0000_0001;
    /// Enabled by default.
    pub const SE_GROUP_ENABLED_BY_DEFAULT: u32 = 0x0000_0002;
    /// Enabled for access checks.
    pub const SE_GROUP_ENABLED: u32 = 0x0000_0004;
    /// The three above, what Windows and Samba report for a global group.
    pub const SE_GROUP_DEFAULT: u32 = 0x0000_0007;
}

/// `GROUP_TYPE` codes (\[MS-SAMR\] 2.2.1.11), the `groupType` attribute.
pub mod group_type {
    /// An account (global) group.
    pub const GROUP_TYPE_ACCOUNT_GROUP: u32 = 0x0000_0002;
    /// A resource (domain local) group.
    pub const GROUP_TYPE_RESOURCE_GROUP: u32 = 0x0000_0004;
    /// A universal group.
    pub const GROUP_TYPE_UNIVERSAL_GROUP: u32 = 0x0000_0008;
    /// A security group.
    pub const GROUP_TYPE_SECURITY_ENABLED: u32 = 0x8000_0000;
    /// Security + account.
    pub const GROUP_TYPE_SECURITY_ACCOUNT: u32 = 0x8000_0002;
    /// Security + resource.
    pub const GROUP_TYPE_SECURITY_RESOURCE: u32 = 0x8000_0004;
    /// Security + universal.
    pub const GROUP_TYPE_SECURITY_UNIVERSAL: u32 = 0x8000_0008;
}

/// Well-known RIDs: \[MS-SAMR\] 2.2.1.14 and, for the groups and aliases it
/// does not list, \[MS-DTYP\] 2.4.2.4.
pub mod rid {
    /// `Administrator`.
    pub const DOMAIN_USER_RID_ADMIN: u32 = 500;
    /// `Guest`.
    pub const DOMAIN_USER_RID_GUEST: u32 = 501;
    /// `krbtgt`.
    pub const DOMAIN_USER_RID_KRBTGT: u32 = 502;
    /// `Domain Admins`.
    pub const DOMAIN_GROUP_RID_ADMINS: u32 = 512;
    /// `Domain Users` (and the primary group of new users).
    pub const DOMAIN_GROUP_RID_USERS: u32 = 513;
    /// `Domain Guests`.
    pub const DOMAIN_GROUP_RID_GUESTS: u32 = 514;
    /// `Domain Computers`.
    pub const DOMAIN_GROUP_RID_COMPUTERS: u32 = 515;
    /// `Domain Controllers`.
    pub const DOMAIN_GROUP_RID_CONTROLLERS: u32 = 516;
    /// `Cert Publishers`.
    pub const DOMAIN_GROUP_RID_CERT_ADMINS: u32 = 517;
    /// `Schema Admins`.
    pub const DOMAIN_GROUP_RID_SCHEMA_ADMINS: u32 = 518;
    /// `Enterprise Admins`.
    pub const DOMAIN_GROUP_RID_ENTERPRISE_ADMINS: u32 = 519;
    /// `Group Policy Creator Owners`.
    pub const DOMAIN_GROUP_RID_POLICY_ADMINS: u32 = 520;
    /// `Read-only Domain Controllers`.
    pub const DOMAIN_GROUP_RID_READONLY_CONTROLLERS: u32 = 521;
    /// `BUILTIN\Administrators`.
    pub const DOMAIN_ALIAS_RID_ADMINS: u32 = 544;
    /// `BUILTIN\Users`.
    pub const DOMAIN_ALIAS_RID_USERS: u32 = 545;
    /// `BUILTIN\Guests`.
    pub const DOMAIN_ALIAS_RID_GUESTS: u32 = 546;
    /// `BUILTIN\Power Users`.
    pub const DOMAIN_ALIAS_RID_POWER_USERS: u32 = 547;
    /// `BUILTIN\Account Operators`.
    pub const DOMAIN_ALIAS_RID_ACCOUNT_OPS: u32 = 548;
    /// `BUILTIN\Server Operators`.
    pub const DOMAIN_ALIAS_RID_SYSTEM_OPS: u32 = 549;
    /// `BUILTIN\Print Operators`.
    pub const DOMAIN_ALIAS_RID_PRINT_OPS: u32 = 550;
    /// `BUILTIN\Backup Operators`.
    pub const DOMAIN_ALIAS_RID_BACKUP_OPS: u32 = 551;
    /// `BUILTIN\Replicator`.
    pub const DOMAIN_ALIAS_RID_REPLICATOR: u32 = 552;
    /// `BUILTIN\Remote Desktop Users`.
    pub const DOMAIN_ALIAS_RID_REMOTE_DESKTOP_USERS: u32 = 555;
}

/// `PasswordProperties` bits (\[MS-SAMR\] 2.2.3.1) of
/// [`DomainPasswordInformation`] and [`UserDomainPasswordInformation`].
pub mod password_properties {
    /// Passwords must be complex.
    pub const DOMAIN_PASSWORD_COMPLEX: u32 = 0x0000_0001;
    /// Anonymous users cannot change passwords.
    pub const DOMAIN_PASSWORD_NO_ANON_CHANGE: u32 = 0x0000_0002;
    /// No cleartext password changes.
    pub const DOMAIN_PASSWORD_NO_CLEAR_CHANGE: u32 = 0x0000_0004;
    /// The built-in administrator can be locked out.
    pub const DOMAIN_LOCKOUT_ADMINS: u32 = 0x0000_0008;
    /// Passwords are stored reversibly.
    pub const DOMAIN_PASSWORD_STORE_CLEARTEXT: u32 = 0x0000_0010;
    /// Machine accounts cannot change their passwords.
    pub const DOMAIN_REFUSE_PASSWORD_CHANGE: u32 = 0x0000_0020;
}

/// `PresentFields` bits of [`SamValidatePersistedFields`] (\[MS-SAMR\]
/// 2.2.9.2).
pub mod validate_fields {
    /// `PasswordLastSet`.
    pub const SAM_VALIDATE_PASSWORD_LAST_SET: u32 = 0x0000_0001;
    /// `BadPasswordTime`.
    pub const SAM_VALIDATE_BAD_PASSWORD_TIME: u32 = 0x0000_0002;
    /// `LockoutTime`.
    pub const SAM_VALIDATE_LOCKOUT_TIME: u32 = 0x0000_0004;
    /// `BadPasswordCount`.
    pub const SAM_VALIDATE_BAD_PASSWORD_COUNT: u32 = 0x0000_0008;
    /// `PasswordHistoryLength`.
    pub const SAM_VALIDATE_PASSWORD_HISTORY_LENGTH: u32 = 0x0000_0010;
    /// `PasswordHistory`.
    pub const SAM_VALIDATE_PASSWORD_HISTORY: u32 = 0x0000_0020;
}

/// `STATUS_MORE_ENTRIES`: an enumeration's "one page, more follow" ([MS-SAMR] 3.1.5.2).
const MORE_ENTRIES: u32 = netapi_codes::NtStatus::STATUS_MORE_ENTRIES.0;
/// `STATUS_SOME_NOT_MAPPED`: a lookup resolved some of the names or ids ([MS-SAMR] 3.1.5.11).
const SOME_NOT_MAPPED: u32 = netapi_codes::NtStatus::STATUS_SOME_NOT_MAPPED.0;

crate::calls! {
    /// The SAM remote protocol (\[MS-SAMR\] 1.9, 6); its methods return an
    /// NTSTATUS.
    interface Samr {
        name: "samr",
        uuid: "12345778-1234-abcd-ef00-0123456789ac",
        version: (1, 0),
        pipe: "samr",
        status: NtStatus,
    }
    1 => SamrCloseHandle(SamrCloseHandleRequest) -> SamrCloseHandleResponse,
    2 => SamrSetSecurityObject(SamrSetSecurityObjectRequest) -> SamrSetSecurityObjectResponse,
    3 => SamrQuerySecurityObject(SamrQuerySecurityObjectRequest) -> SamrQuerySecurityObjectResponse,
    5 => SamrLookupDomainInSamServer(SamrLookupDomainInSamServerRequest) -> SamrLookupDomainInSamServerResponse,
    6 => SamrEnumerateDomainsInSamServer(SamrEnumerateDomainsInSamServerRequest) -> SamrEnumerateDomainsInSamServerResponse { more: MORE_ENTRIES },
    7 => SamrOpenDomain(SamrOpenDomainRequest) -> SamrOpenDomainResponse,
    8 => SamrQueryInformationDomain(SamrQueryInformationDomainRequest) -> SamrQueryInformationDomainResponse,
    9 => SamrSetInformationDomain(SamrSetInformationDomainRequest) -> SamrSetInformationDomainResponse,
    10 => SamrCreateGroupInDomain(SamrCreateGroupInDomainRequest) -> SamrCreateGroupInDomainResponse,
    11 => SamrEnumerateGroupsInDomain(SamrEnumerateGroupsInDomainRequest) -> SamrEnumerateGroupsInDomainResponse { more: MORE_ENTRIES },
    13 => SamrEnumerateUsersInDomain(SamrEnumerateUsersInDomainRequest) -> SamrEnumerateUsersInDomainResponse { more: MORE_ENTRIES },
    14 => SamrCreateAliasInDomain(SamrCreateAliasInDomainRequest) -> SamrCreateAliasInDomainResponse,
    15 => SamrEnumerateAliasesInDomain(SamrEnumerateAliasesInDomainRequest) -> SamrEnumerateAliasesInDomainResponse { more: MORE_ENTRIES },
    16 => SamrGetAliasMembership(SamrGetAliasMembershipRequest) -> SamrGetAliasMembershipResponse,
    17 => SamrLookupNamesInDomain(SamrLookupNamesInDomainRequest) -> SamrLookupNamesInDomainResponse { partial: SOME_NOT_MAPPED },
    18 => SamrLookupIdsInDomain(SamrLookupIdsInDomainRequest) -> SamrLookupIdsInDomainResponse { partial: SOME_NOT_MAPPED },
    19 => SamrOpenGroup(SamrOpenGroupRequest) -> SamrOpenGroupResponse,
    20 => SamrQueryInformationGroup(SamrQueryInformationGroupRequest) -> SamrQueryInformationGroupResponse,
    21 => SamrSetInformationGroup(SamrSetInformationGroupRequest) -> SamrSetInformationGroupResponse,
    22 => SamrAddMemberToGroup(SamrAddMemberToGroupRequest) -> SamrAddMemberToGroupResponse,
    23 => SamrDeleteGroup(SamrDeleteGroupRequest) -> SamrDeleteGroupResponse,
    24 => SamrRemoveMemberFromGroup(SamrRemoveMemberFromGroupRequest) -> SamrRemoveMemberFromGroupResponse,
    25 => SamrGetMembersInGroup(SamrGetMembersInGroupRequest) -> SamrGetMembersInGroupResponse,
    27 => SamrOpenAlias(SamrOpenAliasRequest) -> SamrOpenAliasResponse,
    28 => SamrQueryInformationAlias(SamrQueryInformationAliasRequest) -> SamrQueryInformationAliasResponse,
    29 => SamrSetInformationAlias(SamrSetInformationAliasRequest) -> SamrSetInformationAliasResponse,
    30 => SamrDeleteAlias(SamrDeleteAliasRequest) -> SamrDeleteAliasResponse,
    31 => SamrAddMemberToAlias(SamrAddMemberToAliasRequest) -> SamrAddMemberToAliasResponse,
    32 => SamrRemoveMemberFromAlias(SamrRemoveMemberFromAliasRequest) -> SamrRemoveMemberFromAliasResponse,
    33 => SamrGetMembersInAlias(SamrGetMembersInAliasRequest) -> SamrGetMembersInAliasResponse,
    34 => SamrOpenUser(SamrOpenUserRequest) -> SamrOpenUserResponse,
    35 => SamrDeleteUser(SamrDeleteUserRequest) -> SamrDeleteUserResponse,
    36 => SamrQueryInformationUser(SamrQueryInformationUserRequest) -> SamrQueryInformationUserResponse,
    37 => SamrSetInformationUser(SamrSetInformationUserRequest) -> SamrSetInformationUserResponse,
    39 => SamrGetGroupsForUser(SamrGetGroupsForUserRequest) -> SamrGetGroupsForUserResponse,
    40 => SamrQueryDisplayInformation(SamrQueryDisplayInformationRequest) -> SamrQueryDisplayInformationResponse { more: MORE_ENTRIES },
    44 => SamrGetUserDomainPasswordInformation(SamrGetUserDomainPasswordInformationRequest) -> SamrGetUserDomainPasswordInformationResponse,
    46 => SamrQueryInformationDomain2(SamrQueryInformationDomain2Request) -> SamrQueryInformationDomain2Response,
    47 => SamrQueryInformationUser2(SamrQueryInformationUser2Request) -> SamrQueryInformationUser2Response,
    50 => SamrCreateUser2InDomain(SamrCreateUser2InDomainRequest) -> SamrCreateUser2InDomainResponse,
    51 => SamrQueryDisplayInformation3(SamrQueryDisplayInformation3Request) -> SamrQueryDisplayInformation3Response { more: MORE_ENTRIES },
    55 => SamrUnicodeChangePasswordUser2(SamrUnicodeChangePasswordUser2Request) -> SamrUnicodeChangePasswordUser2Response,
    56 => SamrGetDomainPasswordInformation(SamrGetDomainPasswordInformationRequest) -> SamrGetDomainPasswordInformationResponse,
    58 => SamrSetInformationUser2(SamrSetInformationUser2Request) -> SamrSetInformationUser2Response,
    62 => SamrConnect4(SamrConnect4Request) -> SamrConnect4Response,
    64 => SamrConnect5(SamrConnect5Request) -> SamrConnect5Response,
    65 => SamrRidToSid(SamrRidToSidRequest) -> SamrRidToSidResponse,
    67 => SamrValidatePassword(SamrValidatePasswordRequest) -> SamrValidatePasswordResponse,
}

#[cfg(test)]
mod tests;
