//! The one translation table: what a server answered (a Win32 code, an NTSTATUS or a DCE/RPC
//! fault) → the code Windows' NetApi returns for it, per NetApi function or family.
//!
//! Without a rule, a code translates as any Windows client sees it: a Win32/NERR code as itself,
//! an NTSTATUS through `RtlNtStatusToDosError` ([`NtStatus::to_win32`]), a fault through
//! [`RpcFault::to_win32`]. The rules below are the exceptions, of two kinds:
//!
//! * **netapi32's own translations.** The SAMR and LSA methods answer NTSTATUS values, and
//!   netapi32 reports some of them per function as NERR codes instead of their generic
//!   translation: a name SamrLookupNamesInDomain cannot map (`STATUS_NONE_MAPPED`) is
//!   `NERR_UserNotFound` in the NetUser functions and `NERR_GroupNotFound` in the NetGroup and
//!   NetLocalGroup functions; `STATUS_USER_EXISTS` is `NERR_UserExists`; a password that fails the
//!   policy is `NERR_PasswordTooShort` (not `ERROR_PASSWORD_RESTRICTION`), as the NetUserAdd and
//!   NetUserSetInfo reference pages document.
//! * **Servers that answer differently from Windows** (`quirk(samba-4.17)`): each rule names what
//!   the server sent and why it means the Windows code.
//!
//! The code as received always stays in [`Error::code`](crate::Error::code); only
//! [`Error::win32`](crate::Error::win32) (pywin32's `winerror`) is translated, and the error's
//! detail says what the server sent when a rule applied.

use netapi_codes::{NtStatus, RpcFault, WinError};

use crate::error::{Code, Error};

/// Which NetApi functions a rule covers.
#[derive(Debug, Clone, Copy)]
enum Scope {
    /// Exactly these functions.
    Ops(&'static [&'static str]),
    /// Every function whose name starts with this (`"NetUser"`: NetUserAdd, NetUserGetInfo, …;
    /// `"NetGroup"` does not cover `NetLocalGroup*`).
    Family(&'static str),
}

impl Scope {
    fn covers(self, op: &str) -> bool {
        match self {
            Scope::Ops(ops) => ops.contains(&op),
            Scope::Family(prefix) => op.starts_with(prefix),
        }
    }
}

/// One exception to the generic translation.
#[derive(Debug, Clone, Copy)]
struct Rule {
    scope: Scope,
    received: Code,
    windows: WinError,
    /// Why, for the error's detail and for the reader of this table.
    why: &'static str,
}

const fn win(code: WinError) -> Code {
    Code::Win32(code)
}

const fn nt(code: NtStatus) -> Code {
    Code::Nt(code)
}

/// The rules, by family. The first rule that covers the function and the code wins.
const RULES: &[Rule] = &[
    // --- srvsvc, quirk(samba-4.17) ---------------------------------------------------------
    Rule {
        scope: Scope::Ops(&["NetShareGetInfo", "NetShareSetInfo"]),
        received: win(WinError::ERROR_INVALID_NAME),
        windows: WinError::NERR_NetNameNotFound,
        why: "Samba answers ERROR_INVALID_NAME for a well-formed share name that is not shared \
              (the name was checked before sending)",
    },
    Rule {
        scope: Scope::Ops(&["NetShareDel"]),
        received: win(WinError::ERROR_BAD_NET_NAME),
        windows: WinError::NERR_NetNameNotFound,
        why: "Samba answers ERROR_BAD_NET_NAME for a share that is not shared",
    },
    Rule {
        scope: Scope::Ops(&["NetFileClose"]),
        received: win(WinError::ERROR_FILE_NOT_FOUND),
        windows: WinError::NERR_FileIdNotFound,
        why: "Samba answers ERROR_FILE_NOT_FOUND for a file id that is not open",
    },
    // --- samr: users (netapi32) ------------------------------------------------------------
    Rule {
        scope: Scope::Family("NetUser"),
        received: nt(NtStatus::STATUS_NONE_MAPPED),
        windows: WinError::NERR_UserNotFound,
        why: "the user name does not map to an account (SamrLookupNamesInDomain)",
    },
    Rule {
        scope: Scope::Family("NetUser"),
        received: nt(NtStatus::STATUS_NO_SUCH_USER),
        windows: WinError::NERR_UserNotFound,
        why: "no such user",
    },
    Rule {
        scope: Scope::Ops(&["NetUserAdd"]),
        received: nt(NtStatus::STATUS_USER_EXISTS),
        windows: WinError::NERR_UserExists,
        why: "the account exists",
    },
    Rule {
        scope: Scope::Family("NetUser"),
        received: nt(NtStatus::STATUS_INVALID_ACCOUNT_NAME),
        windows: WinError::NERR_BadUsername,
        why: "the server refuses the account name",
    },
    Rule {
        scope: Scope::Family("NetUser"),
        received: nt(NtStatus::STATUS_PASSWORD_RESTRICTION),
        windows: WinError::NERR_PasswordTooShort,
        why: "the password does not meet the policy",
    },
    // --- samr: global groups (netapi32) ----------------------------------------------------
    Rule {
        scope: Scope::Family("NetGroup"),
        received: nt(NtStatus::STATUS_NONE_MAPPED),
        windows: WinError::NERR_GroupNotFound,
        why: "the group name does not map to a group (SamrLookupNamesInDomain)",
    },
    Rule {
        scope: Scope::Family("NetGroup"),
        received: nt(NtStatus::STATUS_NO_SUCH_GROUP),
        windows: WinError::NERR_GroupNotFound,
        why: "no such group",
    },
    Rule {
        scope: Scope::Ops(&["NetGroupAdd"]),
        received: nt(NtStatus::STATUS_GROUP_EXISTS),
        windows: WinError::NERR_GroupExists,
        why: "the group exists",
    },
    Rule {
        scope: Scope::Family("NetGroup"),
        received: nt(NtStatus::STATUS_MEMBER_IN_GROUP),
        windows: WinError::NERR_UserInGroup,
        why: "the user is a member already",
    },
    Rule {
        scope: Scope::Family("NetGroup"),
        received: nt(NtStatus::STATUS_MEMBER_NOT_IN_GROUP),
        windows: WinError::NERR_UserNotInGroup,
        why: "the user is not a member",
    },
    Rule {
        scope: Scope::Family("NetGroup"),
        received: nt(NtStatus::STATUS_SPECIAL_GROUP),
        windows: WinError::NERR_SpeGroupOp,
        why: "the operation is not allowed on a special group",
    },
    Rule {
        scope: Scope::Ops(&["NetGroupAddUser", "NetGroupDelUser", "NetGroupSetUsers"]),
        received: nt(NtStatus::STATUS_NO_SUCH_USER),
        windows: WinError::NERR_UserNotFound,
        why: "the member is not a user of the account domain (the group was found)",
    },
    Rule {
        scope: Scope::Ops(&["NetGroupAdd", "NetLocalGroupAdd"]),
        received: nt(NtStatus::STATUS_USER_EXISTS),
        windows: WinError::NERR_UserExists,
        why: "a user has that name",
    },
    Rule {
        scope: Scope::Family("NetGroup"),
        received: nt(NtStatus::STATUS_SPECIAL_ACCOUNT),
        windows: WinError::NERR_SpeGroupOp,
        why: "the group is a built-in one (RID below 1000)",
    },
    Rule {
        scope: Scope::Family("NetGroup"),
        received: nt(NtStatus::STATUS_MEMBERS_PRIMARY_GROUP),
        windows: WinError::NERR_SpeGroupOp,
        why: "the group is the user's primary group",
    },
    Rule {
        scope: Scope::Ops(&["NetGroupDelUser", "NetGroupSetUsers"]),
        received: nt(NtStatus::STATUS_NOT_FOUND),
        windows: WinError::NERR_SpeGroupOp,
        why: "quirk(samba-4.17): the DC answers STATUS_NOT_FOUND when asked to remove a user from \
              its primary group",
    },
    Rule {
        scope: Scope::Ops(&["NetUserSetGroups"]),
        received: nt(NtStatus::STATUS_NO_SUCH_GROUP),
        windows: WinError::NERR_GroupNotFound,
        why: "a group named is not a group of the account domain",
    },
    Rule {
        scope: Scope::Ops(&["NetUserSetGroups"]),
        received: nt(NtStatus::STATUS_MEMBER_IN_GROUP),
        windows: WinError::NERR_UserInGroup,
        why: "the user is a member already",
    },
    Rule {
        scope: Scope::Ops(&["NetUserSetGroups"]),
        received: nt(NtStatus::STATUS_MEMBER_NOT_IN_GROUP),
        windows: WinError::NERR_UserNotInGroup,
        why: "the user is not a member",
    },
    // --- samr: local groups (netapi32) -----------------------------------------------------
    Rule {
        scope: Scope::Family("NetLocalGroup"),
        received: nt(NtStatus::STATUS_NONE_MAPPED),
        windows: WinError::NERR_GroupNotFound,
        why: "the local group name does not map to an alias (SamrLookupNamesInDomain)",
    },
    Rule {
        scope: Scope::Family("NetLocalGroup"),
        received: nt(NtStatus::STATUS_NO_SUCH_ALIAS),
        windows: WinError::NERR_GroupNotFound,
        why: "no such local group",
    },
    Rule {
        scope: Scope::Ops(&["NetLocalGroupAdd"]),
        received: nt(NtStatus::STATUS_GROUP_EXISTS),
        windows: WinError::NERR_GroupExists,
        why: "a global group has that name",
    },
    Rule {
        scope: Scope::Family("NetLocalGroup"),
        received: nt(NtStatus::STATUS_MEMBER_IN_GROUP),
        windows: WinError::ERROR_MEMBER_IN_ALIAS,
        why: "quirk(samba-4.17): the DC answers STATUS_MEMBER_IN_GROUP for a member already in \
              the local group (STATUS_MEMBER_IN_ALIAS)",
    },
    Rule {
        scope: Scope::Family("NetLocalGroup"),
        received: nt(NtStatus::STATUS_MEMBER_NOT_IN_GROUP),
        windows: WinError::ERROR_MEMBER_NOT_IN_ALIAS,
        why: "quirk(samba-4.17): the DC answers STATUS_MEMBER_NOT_IN_GROUP for a member not in \
              the local group (STATUS_MEMBER_NOT_IN_ALIAS)",
    },
    // --- a service's pipe is missing (netapi32's NetpHandleRpcFailure) -----------------------
    // Opening the pipe answered STATUS_OBJECT_NAME_NOT_FOUND: the server speaks RPC but the
    // service is not running there. netapi32 reports NERR_WkstaNotStarted for the workstation
    // service and NERR_ServiceNotInstalled for the others (rpc::errors applies these rows to the
    // pipe's CREATE; elsewhere the rows never match, these methods answer Win32 codes).
    Rule {
        scope: Scope::Family("NetMessage"),
        received: nt(NtStatus::STATUS_OBJECT_NAME_NOT_FOUND),
        windows: WinError::NERR_ServiceNotInstalled,
        why: "the server has no \\PIPE\\msgsvc: its messenger service is not started \
              (quirk(samba-4.17): no Samba role has one)",
    },
    Rule {
        scope: Scope::Ops(&["NetGetDCName", "NetGetAnyDCName"]),
        received: nt(NtStatus::STATUS_OBJECT_NAME_NOT_FOUND),
        windows: WinError::NERR_ServiceNotInstalled,
        why: "the server has no \\PIPE\\netlogon: its Netlogon service is not started \
              (quirk(samba-4.17): a standalone server has none)",
    },
    Rule {
        scope: Scope::Family("NetWksta"),
        received: nt(NtStatus::STATUS_OBJECT_NAME_NOT_FOUND),
        windows: WinError::NERR_WkstaNotStarted,
        why: "the server has no \\PIPE\\wkssvc: its workstation service is not started",
    },
    Rule {
        scope: Scope::Ops(&["NetGetJoinInformation", "NetValidateName"]),
        received: nt(NtStatus::STATUS_OBJECT_NAME_NOT_FOUND),
        windows: WinError::NERR_WkstaNotStarted,
        why: "the server has no \\PIPE\\wkssvc: its workstation service is not started",
    },
];

/// The Windows code for `code` received by `op`, and the rule's reason when one applied.
pub(crate) fn windows_code(op: &str, code: Code) -> (WinError, Option<&'static str>) {
    if let Some(rule) = RULES
        .iter()
        .find(|r| r.received == code && r.scope.covers(op))
    {
        return (rule.windows, Some(rule.why));
    }
    let generic = match code {
        Code::Win32(w) => w,
        Code::Nt(nt) => nt.to_win32(),
        Code::Fault(f) => f.to_win32(),
        Code::None => WinError::ERROR_INVALID_FUNCTION,
    };
    (generic, None)
}

/// The error for a failure status `code` a server answered to `op`.
pub(crate) fn server_error(op: &'static str, code: Code) -> Error {
    match windows_code(op, code) {
        (win32, None) => Error::server(op, code, win32),
        (win32, Some(why)) => Error::server(op, code, win32)
            .with_detail(format!("the server answered {}: {why}", name(code))),
    }
}

/// The name of a received code (`ERROR_INVALID_NAME`, `STATUS_NONE_MAPPED`, or its number).
fn name(code: Code) -> String {
    let named = match code {
        Code::Win32(w) => w.name(),
        Code::Nt(nt) => nt.name(),
        Code::Fault(f) => f.name(),
        Code::None => None,
    };
    match (named, code) {
        (Some(n), _) => n.to_string(),
        (None, Code::Win32(w)) => w.0.to_string(),
        (None, Code::Nt(nt)) => format!("0x{:08X}", nt.0),
        (None, Code::Fault(f)) => format!("fault 0x{:08X}", f.0),
        (None, Code::None) => "nothing".to_string(),
    }
}

/// The error for a DCE/RPC fault (a call-level refusal in the fault's own code space).
pub(crate) fn fault(op: &'static str, status: u32) -> Error {
    server_error(op, Code::Fault(RpcFault(status)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_apply_to_their_functions_only() {
        let missing = Code::Win32(WinError::ERROR_INVALID_NAME);
        let e = server_error("NetShareGetInfo", missing);
        assert_eq!((e.win32(), e.code()), (2310, missing));
        assert!(e.detail().unwrap().contains("ERROR_INVALID_NAME"), "{e}");
        // NetShareAdd of a bad name keeps the server's answer.
        assert_eq!(server_error("NetShareAdd", missing).win32(), 123);
        assert_eq!(
            server_error("NetShareDel", Code::Win32(WinError::ERROR_BAD_NET_NAME)).win32(),
            2310
        );
        assert_eq!(
            server_error("NetFileClose", Code::Win32(WinError(2))).win32(),
            2314
        );
    }

    #[test]
    fn samr_statuses_become_netapi32_codes_by_family() {
        let none_mapped = Code::Nt(NtStatus::STATUS_NONE_MAPPED);
        assert_eq!(server_error("NetUserGetInfo", none_mapped).win32(), 2221);
        assert_eq!(server_error("NetGroupGetInfo", none_mapped).win32(), 2220);
        assert_eq!(
            server_error("NetLocalGroupGetInfo", none_mapped).win32(),
            2220
        );
        // The generic translation elsewhere (RtlNtStatusToDosError: ERROR_NONE_MAPPED).
        assert_eq!(server_error("NetShareEnum", none_mapped).win32(), 1332);
        assert_eq!(
            server_error("NetUserAdd", Code::Nt(NtStatus::STATUS_USER_EXISTS)).win32(),
            2224
        );
        assert_eq!(
            server_error("NetGroupDel", Code::Nt(NtStatus::STATUS_NO_SUCH_GROUP)).win32(),
            2220
        );
        assert_eq!(
            server_error(
                "NetUserSetInfo",
                Code::Nt(NtStatus::STATUS_PASSWORD_RESTRICTION)
            )
            .win32(),
            2245
        );
        // Access denied needs no rule.
        assert_eq!(
            server_error("NetUserAdd", Code::Nt(NtStatus(0xC000_0022))).win32(),
            5
        );
    }

    #[test]
    fn group_statuses_follow_netapi32_per_step() {
        let code = |op, nt: NtStatus| server_error(op, Code::Nt(nt)).win32();
        // The group was found, the member was not.
        assert_eq!(code("NetGroupAddUser", NtStatus::STATUS_NO_SUCH_USER), 2221);
        assert_eq!(code("NetGroupAddUser", NtStatus::STATUS_NONE_MAPPED), 2220);
        assert_eq!(
            code("NetUserSetGroups", NtStatus::STATUS_NO_SUCH_GROUP),
            2220
        );
        assert_eq!(code("NetUserSetGroups", NtStatus::STATUS_NONE_MAPPED), 2221);
        assert_eq!(code("NetGroupAdd", NtStatus::STATUS_USER_EXISTS), 2224);
        assert_eq!(
            code("NetLocalGroupAdd", NtStatus::STATUS_GROUP_EXISTS),
            2223
        );
        assert_eq!(
            code("NetLocalGroupAdd", NtStatus::STATUS_ALIAS_EXISTS),
            1379
        );
        assert_eq!(code("NetGroupDel", NtStatus::STATUS_SPECIAL_ACCOUNT), 2234);
        assert_eq!(code("NetGroupDelUser", NtStatus::STATUS_NOT_FOUND), 2234);
        // Samba's DC answers the group codes for aliases.
        assert_eq!(
            code("NetLocalGroupAddMembers", NtStatus::STATUS_MEMBER_IN_GROUP),
            1378
        );
        assert_eq!(
            code(
                "NetLocalGroupDelMembers",
                NtStatus::STATUS_MEMBER_NOT_IN_GROUP
            ),
            1377
        );
        assert_eq!(
            code("NetLocalGroupAddMembers", NtStatus::STATUS_MEMBER_IN_ALIAS),
            1378
        );
        assert_eq!(
            code("NetLocalGroupAddMembers", NtStatus::STATUS_NO_SUCH_MEMBER),
            1387
        );
        assert_eq!(
            code("NetLocalGroupAddMembers", NtStatus::STATUS_INVALID_MEMBER),
            1388
        );
        // A NetGroup rule never reaches NetLocalGroup* nor the reverse.
        assert_eq!(
            code("NetGroupAddUser", NtStatus::STATUS_MEMBER_IN_GROUP),
            2236
        );
        assert_eq!(
            code("NetLocalGroupDel", NtStatus::STATUS_SPECIAL_ACCOUNT),
            1371
        );
    }

    #[test]
    fn a_missing_service_pipe_reads_as_the_service_not_started() {
        let missing = Code::Nt(NtStatus::STATUS_OBJECT_NAME_NOT_FOUND);
        assert_eq!(windows_code("NetMessageNameAdd", missing).0.0, 2184);
        assert_eq!(windows_code("NetGetDCName", missing).0.0, 2184);
        assert_eq!(windows_code("NetWkstaUserEnum", missing).0.0, 2138);
        assert_eq!(windows_code("NetValidateName", missing).0.0, 2138);
        // Not for the srvsvc family: there it stays the generic translation.
        assert_eq!(windows_code("NetShareEnum", missing), (WinError(2), None));
    }

    #[test]
    fn untranslated_codes_keep_their_generic_meaning() {
        let e = fault("NetShareCheck", 0x1C01_0002);
        assert_eq!(e.win32(), 1745);
        assert!(e.detail().is_none());
        assert_eq!(
            server_error("NetShareEnum", Code::Win32(WinError(5))).win32(),
            5
        );
    }
}
