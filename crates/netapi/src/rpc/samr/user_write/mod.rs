//! What NetUserAdd and NetUserSetInfo send for a `USER_INFO_*` value, decided before anything
//! is sent ([MS-SAMR] 3.1.5.6.4 SamrSetInformationUser2 with the classes of 2.2.6.28):
//!
//! * the level's SAMR fields as `SAMPR_USER_ALL_INFORMATION` with the computed `WhichFields`
//!   (`user_all`), sent as `UserAllInformation` (21), or `UserInternal4InformationNew` (25)
//!   when a clear password goes along, `UserInternal5InformationNew` (26) for a password alone
//!   (level 1003), both encrypted under the session key (`password`);
//! * levels 21 and 22 carry the NT OWF instead: `NtOwfPassword` DES-encrypted with the session
//!   key, `USER_ALL_NTPASSWORDPRESENT` (3.1.5.6.4.2);
//! * what is not a SAMR field is handled as netapi32 does: the name is written only by level 0
//!   (a rename; `usriN_name` is ignored by NetUserSetInfo at the other levels and given to
//!   SamrCreateUser2InDomain by NetUserAdd); `priv` must be `USER_PRIV_USER` on add and the
//!   current value on set (netapi32 changes privilege only through local-group membership and
//!   answers `ERROR_INVALID_PARAMETER` with `parm_err` `USER_PRIV_PARMNUM` otherwise);
//!   `auth_flags`, `password_age` and the counters are ignored; `UF_PASSWD_CANT_CHANGE` is
//!   the user object's DACL (`security`); `password_expired` is written only when it changes
//!   the account (`Write::resolve_expired`), so a get → set round trip at level 3 changes
//!   nothing.
//!
//! Bad input is refused here with the code and `parm_err` netapi32 gives: a string with a NUL
//! or over 32,767 units, logon hours that are not 21 bytes at 168 units per week, more than
//! one account type in `flags`.

use netapi_codes::WinError;
use netapi_msrpc::samr::{self as w, account_control as acb, user_all as wf};

use super::password::{self, SessionKey};
use super::user_all::{Fields, UserAll, field};
use crate::con;
use crate::info::{OwfPassword, Password, UserInfo};
use crate::{Error, Result};

/// Which function the write is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    Add,
    Set,
}

/// What one NetUserAdd / NetUserSetInfo writes.
#[derive(Debug)]
pub(crate) struct Write {
    /// The SAMR fields, `which_fields` set (password bits excepted).
    pub all: w::SamprUserAllInformation,
    /// A clear password to set.
    pub password: Option<Password>,
    /// An NT OWF to set (levels 21, 22).
    pub owf: Option<OwfPassword>,
    /// `priv` the level carries.
    pub r#priv: Option<u32>,
    /// `UF_PASSWD_CANT_CHANGE` wanted (the level carries `flags`).
    pub cant_change: Option<bool>,
    /// `password_expired` wanted (levels 3, 4).
    pub password_expired: Option<bool>,
    /// The account type for SamrCreateUser2InDomain (a `USER_*_ACCOUNT` bit).
    pub account_type: u32,
    /// The account name a NetUserAdd creates.
    pub name: Option<String>,
}

/// The strings of the superset, with their `*_PARMNUM`.
const STRINGS: &[(Fields, &str, u32)] = &[
    (field::name, "name", con::USER_NAME_PARMNUM),
    (field::home_dir, "home_dir", con::USER_HOME_DIR_PARMNUM),
    (field::comment, "comment", con::USER_COMMENT_PARMNUM),
    (
        field::script_path,
        "script_path",
        con::USER_SCRIPT_PATH_PARMNUM,
    ),
    (field::full_name, "full_name", con::USER_FULL_NAME_PARMNUM),
    (
        field::usr_comment,
        "usr_comment",
        con::USER_USR_COMMENT_PARMNUM,
    ),
    (field::parms, "parms", con::USER_PARMS_PARMNUM),
    (
        field::workstations,
        "workstations",
        con::USER_WORKSTATIONS_PARMNUM,
    ),
    (field::profile, "profile", con::USER_PROFILE_PARMNUM),
    (
        field::home_dir_drive,
        "home_dir_drive",
        con::USER_HOME_DIR_DRIVE_PARMNUM,
    ),
];

fn string_of(all: &UserAll, f: Fields) -> Option<&str> {
    let s = match f {
        field::name => &all.name,
        field::home_dir => &all.home_dir,
        field::comment => &all.comment,
        field::script_path => &all.script_path,
        field::full_name => &all.full_name,
        field::usr_comment => &all.usr_comment,
        field::parms => &all.parms,
        field::workstations => &all.workstations,
        field::profile => &all.profile,
        field::home_dir_drive => &all.home_dir_drive,
        _ => &None,
    };
    s.as_deref()
}

fn invalid(op: &'static str, parm: u32, why: impl Into<String>) -> Error {
    Error::usage(op, WinError::ERROR_INVALID_PARAMETER, why).with_parm_err(parm)
}

/// Characters no account name may hold ([MS-SAMR] 3.1.1.6 via netapi32's name check).
const BAD_NAME_CHARS: &str = "\"/\\[]:;|=,+*?<>";

/// Longest account name netapi32 accepts (`LM20_UNLEN`, the `sAMAccountName` limit).
const MAX_NAME_LEN: usize = 20;

/// A new account name as netapi32 checks it before NetUserAdd or a rename: at most 20
/// characters, none of `"/\[]:;|=,+*?<>` or a control character, not only dots and spaces;
/// otherwise `NERR_BadUsername` (2202). quirk(samba-4.17): the AD DC would answer
/// `STATUS_INTERNAL_DB_CORRUPTION` to such a name and accept longer ones; the file server hands
/// it to its add-user script.
pub(crate) fn account_name(op: &'static str, name: &str) -> Result<()> {
    let why = if let Some(c) = name
        .chars()
        .find(|c| c.is_control() || BAD_NAME_CHARS.contains(*c))
    {
        format!("{c:?} is not allowed in an account name")
    } else if name.chars().count() > MAX_NAME_LEN {
        format!("an account name has at most {MAX_NAME_LEN} characters")
    } else if name.chars().all(|c| c == '.' || c == ' ') {
        "an account name cannot be only dots and spaces".to_string()
    } else {
        return Ok(());
    };
    Err(Error::usage(
        op,
        WinError::NERR_BadUsername,
        format!("{name:?}: {why}"),
    ))
}

/// The account-type bits of `UF_*` and the SAMR account type each creates.
const ACCOUNT_TYPES: &[(u32, u32)] = &[
    (con::UF_NORMAL_ACCOUNT, acb::USER_NORMAL_ACCOUNT),
    (
        con::UF_TEMP_DUPLICATE_ACCOUNT,
        acb::USER_TEMP_DUPLICATE_ACCOUNT,
    ),
    (
        con::UF_WORKSTATION_TRUST_ACCOUNT,
        acb::USER_WORKSTATION_TRUST_ACCOUNT,
    ),
    (con::UF_SERVER_TRUST_ACCOUNT, acb::USER_SERVER_TRUST_ACCOUNT),
    (
        con::UF_INTERDOMAIN_TRUST_ACCOUNT,
        acb::USER_INTERDOMAIN_TRUST_ACCOUNT,
    ),
];

/// Plan the write of `info` for `purpose`, checking it first.
pub(crate) fn plan(op: &'static str, info: &UserInfo, purpose: Purpose) -> Result<Write> {
    let level = info.level();
    let (mut all, mut fields) = info.to_all();
    for &(f, what, parm) in STRINGS {
        if fields & f == 0 {
            continue;
        }
        if let Some(s) = string_of(&all, f)
            && (s.contains('\0') || s.encode_utf16().count() > 32_767)
        {
            return Err(invalid(
                op,
                parm,
                format!("{what} contains a NUL or is longer than 32,767 characters"),
            ));
        }
    }
    let name = all.name.clone();
    if purpose == Purpose::Add || level == 0 {
        match name.as_deref() {
            None | Some("") => {
                return Err(invalid(
                    op,
                    con::USER_NAME_PARMNUM,
                    "the account has no name",
                ));
            }
            Some(n) => account_name(op, n)?,
        }
    }
    // The name travels in SamrCreateUser2InDomain (add) or is ignored (set, but level 0).
    if !(purpose == Purpose::Set && level == 0) {
        fields &= !field::name;
    }
    if fields & (field::logon_hours | field::units_per_week) != 0 {
        if let Some(h) = &all.logon_hours
            && h.len() != 21
        {
            return Err(invalid(
                op,
                con::USER_LOGON_HOURS_PARMNUM,
                format!("logon_hours holds {} bytes, not 21", h.len()),
            ));
        }
        if all.logon_hours.is_some() && all.units_per_week != con::UNITS_PER_WEEK {
            return Err(invalid(
                op,
                con::USER_UNITS_PER_WEEK_PARMNUM,
                format!(
                    "units_per_week is {}; logon hours are given in hours ({})",
                    all.units_per_week,
                    con::UNITS_PER_WEEK
                ),
            ));
        }
    }
    let mut account_type = acb::USER_NORMAL_ACCOUNT;
    let mut cant_change = None;
    if fields & field::flags != 0 {
        let types: Vec<_> = ACCOUNT_TYPES
            .iter()
            .filter(|(uf, _)| all.flags & uf != 0)
            .collect();
        match types.as_slice() {
            [] if purpose == Purpose::Add => all.flags |= con::UF_NORMAL_ACCOUNT,
            [] => {
                return Err(invalid(
                    op,
                    con::USER_FLAGS_PARMNUM,
                    "flags name no account type (UF_NORMAL_ACCOUNT, ...)",
                ));
            }
            [(_, t)] => account_type = *t,
            _ => {
                return Err(invalid(
                    op,
                    con::USER_FLAGS_PARMNUM,
                    "flags name more than one account type",
                ));
            }
        }
        cant_change = Some(all.flags & con::UF_PASSWD_CANT_CHANGE != 0);
    }
    let r#priv = (fields & field::r#priv != 0).then_some(all.r#priv);
    if purpose == Purpose::Add && r#priv.is_some_and(|p| p != con::USER_PRIV_USER) {
        return Err(invalid(
            op,
            con::USER_PRIV_PARMNUM,
            "NetUserAdd takes priv USER_PRIV_USER (1): privilege comes from local-group membership",
        ));
    }
    let password_expired =
        (fields & field::password_expired != 0).then_some(all.password_expired != 0);
    let password = if fields & field::password != 0 {
        all.password.take()
    } else {
        None
    };
    let owf = if fields & field::owf_password != 0 {
        all.owf_password.take()
    } else {
        None
    };
    let mut wire = all.to_sampr(fields);
    // Written only when it changes the account (`Write::resolve_expired`).
    wire.which_fields &= !wf::USER_ALL_PASSWORDEXPIRED;
    Ok(Write {
        all: wire,
        password,
        owf,
        r#priv,
        cant_change,
        password_expired,
        account_type,
        name: if purpose == Purpose::Add { name } else { None },
    })
}

impl Write {
    /// Write `password_expired` if it differs from the account's `current` state (add: only
    /// to expire).
    pub(crate) fn resolve_expired(&mut self, current: bool) {
        if let Some(wanted) = self.password_expired
            && wanted != current
        {
            self.all.password_expired = u8::from(wanted);
            self.all.which_fields |= wf::USER_ALL_PASSWORDEXPIRED;
        }
    }

    /// Whether the write needs the session key.
    pub(crate) fn needs_key(&self) -> bool {
        self.password.is_some() || self.owf.is_some()
    }

    /// The SamrSetInformationUser2 buffer, or `None` when the level writes no SAMR field
    /// (1005 with the current `priv`, 1010, ...).
    pub(crate) fn buffer(
        &self,
        op: &'static str,
        key: Option<&SessionKey>,
    ) -> Result<Option<w::SamprUserInfoBuffer>> {
        let mut all = self.all.clone();
        if let (Some(owf), Some(key)) = (&self.owf, key) {
            let enc = password::encrypt_owf(owf.expose(), key);
            all.nt_owf_password = w::RpcShortBlob {
                length: 16,
                maximum_length: 16,
                buffer: Some(
                    enc.chunks(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]]))
                        .collect(),
                ),
            };
            all.nt_password_present = 1;
            all.which_fields |= wf::USER_ALL_NTPASSWORDPRESENT;
        }
        match (&self.password, key) {
            (Some(pw), Some(key)) => {
                let user_password = password::encrypt_new(op, pw.expose(), key)?;
                if all.which_fields == 0 {
                    return Ok(Some(w::SamprUserInfoBuffer::Internal5New(Box::new(
                        w::SamprUserInternal5InformationNew {
                            user_password,
                            password_expired: 0,
                        },
                    ))));
                }
                all.which_fields |= wf::USER_ALL_NTPASSWORDPRESENT;
                Ok(Some(w::SamprUserInfoBuffer::Internal4New(Box::new(
                    w::SamprUserInternal4InformationNew {
                        i1: all,
                        user_password,
                    },
                ))))
            }
            _ if all.which_fields == 0 => Ok(None),
            _ => Ok(Some(w::SamprUserInfoBuffer::All(Box::new(all)))),
        }
    }
}

#[cfg(test)]
mod tests;
