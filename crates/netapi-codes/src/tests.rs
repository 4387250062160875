//! Table invariants, spot checks of Windows' texts and of the mappings.

use crate::*;
use std::collections::HashSet;

/// Texts as Windows prints them (FormatMessageW, English, trailing CR LF
/// removed) for codes netapi meets, checked against Microsoft's pages.
const WIN32_TEXTS: &[(u32, &str)] = &[
    (0, "The operation completed successfully."),
    (2, "The system cannot find the file specified."),
    (3, "The system cannot find the path specified."),
    (5, "Access is denied."),
    (6, "The handle is invalid."),
    (
        8,
        "Not enough memory resources are available to process this command.",
    ),
    (50, "The request is not supported."),
    (53, "The network path was not found."),
    (64, "The specified network name is no longer available."),
    (67, "The network name cannot be found."),
    (86, "The specified network password is not correct."),
    (87, "The parameter is incorrect."),
    (122, "The data area passed to a system call is too small."),
    (
        123,
        "The filename, directory name, or volume label syntax is incorrect.",
    ),
    (124, "The system call level is not correct."),
    (234, "More data is available."),
    (259, "No more data is available."),
    (
        317,
        "The system cannot find message text for message number 0x%1 in the message file for %2.",
    ),
    (
        1210,
        "The format of the specified computer name is invalid.",
    ),
    (1317, "The specified account does not exist."),
    (1326, "The user name or password is incorrect."),
    (
        1332,
        "No mapping between account names and security IDs was done.",
    ),
    (
        1355,
        "The specified domain either does not exist or could not be contacted.",
    ),
    (1376, "The specified local group does not exist."),
    (
        1377,
        "The specified account name is not a member of the group.",
    ),
    (
        1378,
        "The specified account name is already a member of the group.",
    ),
    (1379, "The specified local group already exists."),
    (1722, "The RPC server is unavailable."),
    (1745, "The procedure number is out of range."),
    (1783, "The stub received bad data."),
    (2123, "The API return buffer is too small."),
    (2221, "The user name could not be found."),
    (2220, "The group name could not be found."),
    (2224, "The account already exists."),
    (
        2245,
        "The password does not meet the password policy requirements. Check the minimum password \
         length, password complexity and password history requirements.",
    ),
    (2250, "The network connection could not be found."),
    (2310, "This shared resource does not exist."),
    (2311, "This device is not shared."),
    (2453, "Could not find domain controller for this domain."),
];

#[test]
fn windows_texts() {
    for &(code, text) in WIN32_TEXTS {
        assert_eq!(WinError(code).message(), Some(text), "code {code}");
        assert_eq!(pywin32_strerror(code), text, "code {code}");
    }
}

#[test]
fn multi_line_texts_keep_inner_crlf_and_inserts() {
    assert_eq!(
        WinError::ERROR_WRONG_DISK.message(),
        Some(
            "The wrong diskette is in the drive.\r\nInsert %2 (Volume Serial Number: %3) into drive %1."
        )
    );
    assert_eq!(
        WinError::NERR_LogOverflow.message(),
        Some("Log file %1 is full.")
    );
    for e in WinError::entries() {
        let text = e.message.unwrap();
        assert!(
            !text.ends_with('\n') && !text.ends_with('\r') && text.trim() == text,
            "{}",
            e.name
        );
    }
}

#[test]
fn pywin32_default_text() {
    assert_eq!(
        pywin32_strerror(0x1234_5678),
        "No error message is available"
    );
    assert_eq!(WinError(12002).pywin32_strerror(), PYWIN32_NO_MESSAGE);
}

fn check_space<T: Copy>(
    what: &str,
    entries: Vec<&'static Entry>,
    aliases: Vec<&'static Entry>,
    lookup: impl Fn(u32) -> Option<&'static Entry>,
    from_name: impl Fn(&str) -> Option<T>,
    value_of: impl Fn(T) -> u32,
) {
    assert!(!entries.is_empty(), "{what}");
    for w in entries.windows(2) {
        assert!(
            w[0].value < w[1].value,
            "{what}: {} / {}",
            w[0].name,
            w[1].name
        );
    }
    let mut names = HashSet::new();
    for e in entries.iter().chain(aliases.iter()) {
        assert!(names.insert(e.name), "{what}: {} declared twice", e.name);
        assert_eq!(
            from_name(e.name).map(&value_of),
            Some(e.value),
            "{what}: {}",
            e.name
        );
    }
    for e in &entries {
        assert_eq!(lookup(e.value), Some(*e), "{what}: {}", e.name);
    }
    for a in &aliases {
        assert!(
            lookup(a.value).is_some(),
            "{what}: alias {} has no row",
            a.name
        );
        assert!(a.message.is_none());
    }
    assert!(from_name("NO_SUCH_NAME_ANYWHERE").is_none());
    assert!(from_name("").is_none());
}

#[test]
fn tables_sorted_unique_and_names_round_trip() {
    check_space(
        "WinError",
        WinError::entries().collect(),
        WinError::aliases().collect(),
        |v| WinError(v).entry(),
        WinError::from_name,
        |c| c.0,
    );
    check_space(
        "NtStatus",
        NtStatus::entries().collect(),
        NtStatus::aliases().collect(),
        |v| NtStatus(v).entry(),
        NtStatus::from_name,
        |c| c.0,
    );
    check_space(
        "RpcFault",
        RpcFault::entries().collect(),
        RpcFault::aliases().collect(),
        |v| RpcFault(v).entry(),
        RpcFault::from_name,
        |c| c.0,
    );
    check_space(
        "BindNakReason",
        BindNakReason::entries().collect(),
        vec![],
        |v| BindNakReason(v).entry(),
        BindNakReason::from_name,
        |c| c.0,
    );
    check_space(
        "ContextResult",
        ContextResult::entries().collect(),
        vec![],
        |v| ContextResult(v).entry(),
        ContextResult::from_name,
        |c| c.0,
    );
    check_space(
        "ProviderReason",
        ProviderReason::entries().collect(),
        vec![],
        |v| ProviderReason(v).entry(),
        ProviderReason::from_name,
        |c| c.0,
    );
    let map = crate::ntstatus_map::NT_TO_WIN32;
    for w in map.windows(2) {
        assert!(w[0].0.0 < w[1].0.0, "{:?} / {:?}", w[0].0, w[1].0);
    }
}

#[test]
fn every_win32_code_has_a_message() {
    for e in WinError::entries() {
        assert!(
            e.message.is_some_and(|m| !m.is_empty()),
            "{} has no message",
            e.name
        );
    }
    for a in WinError::aliases() {
        assert!(
            WinError::from_name(a.name).unwrap().message().is_some(),
            "{}",
            a.name
        );
    }
}

#[test]
fn coverage() {
    let win: Vec<u32> = WinError::entries().map(|e| e.value).collect();
    let count = |lo: u32, hi: u32| win.iter().filter(|&&v| (lo..=hi).contains(&v)).count();
    assert!(count(0, 1000) >= 550);
    assert!(count(1300, 1400) >= 95);
    assert!(count(1700, 1830) >= 125);
    assert!(count(2100, 2999) >= 330);
    assert!(NtStatus::entries().count() >= 1400);
    // The NERR codes named in errors.md §7.
    for name in [
        "NERR_NetNameNotFound",
        "NERR_DeviceNotShared",
        "NERR_ClientNameNotFound",
        "NERR_FileIdNotFound",
        "NERR_UserNotFound",
        "NERR_GroupNotFound",
        "NERR_DCNotFound",
        "NERR_PasswordTooShort",
        "NERR_BufTooSmall",
        "NERR_InvalidComputer",
        "NERR_SetupNotJoined",
        "NERR_PasswordMustChange",
        "NERR_AccountLockedOut",
        "NERR_PasswordTooLong",
        "NERR_PasswordNotComplexEnough",
        "NERR_PasswordFilterError",
        "NERR_DuplicateShare",
        "NERR_GroupExists",
        "NERR_UserExists",
        "NERR_NotPrimary",
        "NERR_SpeGroupOp",
        "NERR_UserInGroup",
        "NERR_UserNotInGroup",
        "NERR_PasswordHistConflict",
        "NERR_UseNotFound",
    ] {
        assert!(
            WinError::from_name(name).is_some_and(|c| c.is_nerr()),
            "{name}"
        );
    }
    assert_eq!(WinError::NERR_PasswordMustChange.0, 2701);
    assert_eq!(WinError::NERR_PasswordFilterError.0, 2705);
}

#[test]
fn nerr_values_shared_with_winerror() {
    // netmsg.dll text wins in 2100-2999, as pywin32 looks there first.
    assert_eq!(WinError::ERROR_NOT_CONNECTED, WinError::NERR_UseNotFound);
    assert_eq!(
        WinError::ERROR_NOT_CONNECTED.name(),
        Some("NERR_UseNotFound")
    );
    assert_eq!(WinError::ERROR_DEVICE_IN_USE.0, 2404);
    assert_eq!(
        WinError(2108).name(),
        Some("ERROR_CONNECTED_OTHER_PASSWORD")
    );
    assert_eq!(WinError::NO_ERROR, WinError::ERROR_SUCCESS);
    assert_eq!(WinError::from_name("NERR_Success"), Some(WinError(0)));
    assert_eq!(WinError::RPC_S_OUT_OF_MEMORY, WinError::ERROR_OUTOFMEMORY);
}

#[test]
fn debug_and_display() {
    assert_eq!(format!("{:?}", WinError(5)), "ERROR_ACCESS_DENIED");
    assert_eq!(format!("{}", WinError(5)), "Access is denied.");
    assert_eq!(format!("{:?}", WinError(2310)), "NERR_NetNameNotFound");
    assert_eq!(format!("{:?}", WinError(0x0001_2345)), "0x00012345");
    assert_eq!(format!("{}", WinError(0x0001_2345)), "0x00012345");
    assert_eq!(
        format!("{:?}", NtStatus(0xC000_0022)),
        "STATUS_ACCESS_DENIED"
    );
    assert_eq!(
        NtStatus::STATUS_ACCESS_DENIED.to_string(),
        "{Access Denied} A process has requested access to an object, but has not been granted \
         those access rights."
    );
    assert_eq!(
        NtStatus::STATUS_SUCCESS.to_string(),
        "The operation completed successfully."
    );
    assert_eq!(format!("{:?}", NtStatus(0xC0FF_EE00)), "0xc0ffee00");
    assert_eq!(format!("{}", NtStatus(0xC0FF_EE00)), "0xc0ffee00");
    assert_eq!(format!("{:?}", NtStatus::STATUS_WAIT_1), "STATUS_WAIT_1");
    assert_eq!(NtStatus::STATUS_WAIT_1.message(), None);
    assert_eq!(format!("{:?}", RpcFault(0x1C01_0002)), "nca_s_op_rng_error");
    assert_eq!(
        RpcFault(0x1C01_0002).to_string(),
        "The procedure number is out of range."
    );
    assert_eq!(
        RpcFault::nca_s_fault_object_not_found.to_string(),
        "nca_s_fault_object_not_found"
    );
    assert_eq!(RpcFault(0x1C0F_0000).to_string(), "0x1c0f0000");
    assert_eq!(
        format!("{:?}", BindNakReason(4)),
        "protocol_version_not_supported"
    );
    assert_eq!(BindNakReason(99).to_string(), "0x00000063");
    assert_eq!(format!("{:?}", ContextResult(2)), "provider_rejection");
    assert_eq!(
        ProviderReason(1).to_string(),
        "abstract_syntax_not_supported"
    );
}

#[test]
fn ntstatus_to_win32_spot_checks() {
    let cases: &[(u32, u32)] = &[
        (0x0000_0000, 0),    // STATUS_SUCCESS
        (0x0000_0103, 997),  // STATUS_PENDING -> ERROR_IO_PENDING
        (0x0000_0105, 234),  // STATUS_MORE_ENTRIES -> ERROR_MORE_DATA
        (0x0000_0107, 1301), // STATUS_SOME_NOT_MAPPED
        (0x8000_0005, 234),  // STATUS_BUFFER_OVERFLOW -> ERROR_MORE_DATA
        (0x8000_001A, 259),  // STATUS_NO_MORE_ENTRIES -> ERROR_NO_MORE_ITEMS
        (0xC000_0001, 31),   // STATUS_UNSUCCESSFUL -> ERROR_GEN_FAILURE
        (0xC000_0003, 87),   // STATUS_INVALID_INFO_CLASS
        (0xC000_0008, 6),    // STATUS_INVALID_HANDLE
        (0xC000_000D, 87),   // STATUS_INVALID_PARAMETER
        (0xC000_0011, 38),   // STATUS_END_OF_FILE -> ERROR_HANDLE_EOF
        (0xC000_0022, 5),    // STATUS_ACCESS_DENIED
        (0xC000_0023, 122),  // STATUS_BUFFER_TOO_SMALL
        (0xC000_0034, 2),    // STATUS_OBJECT_NAME_NOT_FOUND
        (0xC000_0035, 183),  // STATUS_OBJECT_NAME_COLLISION -> ERROR_ALREADY_EXISTS
        (0xC000_003A, 3),    // STATUS_OBJECT_PATH_NOT_FOUND
        (0xC000_0043, 32),   // STATUS_SHARING_VIOLATION
        (0xC000_0063, 1316), // STATUS_USER_EXISTS
        (0xC000_0064, 1317), // STATUS_NO_SUCH_USER
        (0xC000_0065, 1318), // STATUS_GROUP_EXISTS
        (0xC000_0066, 1319), // STATUS_NO_SUCH_GROUP
        (0xC000_0067, 1320), // STATUS_MEMBER_IN_GROUP
        (0xC000_0068, 1321), // STATUS_MEMBER_NOT_IN_GROUP
        (0xC000_006A, 86),   // STATUS_WRONG_PASSWORD -> ERROR_INVALID_PASSWORD
        (0xC000_006B, 1324), // STATUS_ILL_FORMED_PASSWORD
        (0xC000_006C, 1325), // STATUS_PASSWORD_RESTRICTION
        (0xC000_006D, 1326), // STATUS_LOGON_FAILURE
        (0xC000_006E, 1327), // STATUS_ACCOUNT_RESTRICTION
        (0xC000_0071, 1330), // STATUS_PASSWORD_EXPIRED
        (0xC000_0072, 1331), // STATUS_ACCOUNT_DISABLED
        (0xC000_0073, 1332), // STATUS_NONE_MAPPED
        (0xC000_0078, 1337), // STATUS_INVALID_SID
        (0xC000_009A, 1450), // STATUS_INSUFFICIENT_RESOURCES -> ERROR_NO_SYSTEM_RESOURCES
        (0xC000_00AC, 231),  // STATUS_PIPE_NOT_AVAILABLE -> ERROR_PIPE_BUSY
        (0xC000_00B0, 233),  // STATUS_PIPE_DISCONNECTED -> ERROR_PIPE_NOT_CONNECTED
        (0xC000_00B1, 232),  // STATUS_PIPE_CLOSING -> ERROR_NO_DATA
        (0xC000_00B5, 121),  // STATUS_IO_TIMEOUT -> ERROR_SEM_TIMEOUT
        (0xC000_00BB, 50),   // STATUS_NOT_SUPPORTED
        (0xC000_00BE, 53),   // STATUS_BAD_NETWORK_PATH
        (0xC000_00C9, 64),   // STATUS_NETWORK_NAME_DELETED -> ERROR_NETNAME_DELETED
        (0xC000_00CC, 67),   // STATUS_BAD_NETWORK_NAME -> ERROR_BAD_NET_NAME
        (0xC000_00DF, 1355), // STATUS_NO_SUCH_DOMAIN
        (0xC000_0120, 995),  // STATUS_CANCELLED -> ERROR_OPERATION_ABORTED
        (0xC000_0124, 1371), // STATUS_SPECIAL_ACCOUNT
        (0xC000_014B, 109),  // STATUS_PIPE_BROKEN -> ERROR_BROKEN_PIPE
        (0xC000_0151, 1376), // STATUS_NO_SUCH_ALIAS
        (0xC000_0152, 1377), // STATUS_MEMBER_NOT_IN_ALIAS
        (0xC000_0153, 1378), // STATUS_MEMBER_IN_ALIAS
        (0xC000_0154, 1379), // STATUS_ALIAS_EXISTS
        (0xC000_0203, 59),   // STATUS_USER_SESSION_DELETED -> ERROR_UNEXP_NET_ERR
        (0xC000_0224, 1907), // STATUS_PASSWORD_MUST_CHANGE
        (0xC000_0234, 1909), // STATUS_ACCOUNT_LOCKED_OUT
        (0xC000_0236, 1225), // STATUS_CONNECTION_REFUSED
        (0xC000_023C, 1231), // STATUS_NETWORK_UNREACHABLE
        (0xC000_028A, 6000), // STATUS_ENCRYPTION_FAILED
        (0xC002_0017, 1722), // RPC_NT_SERVER_UNAVAILABLE
        (0xC002_002E, 1745), // RPC_NT_PROCNUM_OUT_OF_RANGE
        (0xC003_0005, 6),    // RPC_NT_SS_CONTEXT_MISMATCH -> RPC_X_SS_CONTEXT_MISMATCH
        (0xC003_000C, 1783), // RPC_NT_BAD_STUB_DATA
    ];
    for &(nt, win) in cases {
        let s = NtStatus(nt);
        assert!(s.name().is_some(), "{nt:#x} not in the table");
        assert_eq!(s.to_win32(), WinError(win), "{s:?}");
    }
    assert_eq!(
        NtStatus::STATUS_BAD_NETWORK_NAME.to_win32(),
        WinError::ERROR_BAD_NET_NAME
    );
    assert_eq!(
        NtStatus::RPC_NT_PROCNUM_OUT_OF_RANGE.to_win32(),
        WinError::RPC_S_PROCNUM_OUT_OF_RANGE
    );
}

#[test]
fn ntstatus_to_win32_rules() {
    // Win32 code packed in an NTSTATUS or a FACILITY_WIN32 HRESULT.
    assert_eq!(NtStatus(0xC007_0005).to_win32(), WinError(5));
    assert_eq!(
        NtStatus(0x8007_08AD).to_win32(),
        WinError::NERR_UserNotFound
    );
    assert_eq!(
        NtStatus::from_win32(WinError::NERR_UserNotFound),
        NtStatus(0xC007_08AD)
    );
    assert_eq!(NtStatus::from_win32(WinError(0)), NtStatus::STATUS_SUCCESS);
    // Customer codes pass through unchanged.
    assert_eq!(NtStatus(0xE000_1234).to_win32(), WinError(0xE000_1234));
    // Unmapped codes, known or not, give ERROR_MR_MID_NOT_FOUND.
    assert_eq!(
        NtStatus(0xC0FF_0001).to_win32(),
        WinError::ERROR_MR_MID_NOT_FOUND
    );
    assert_eq!(
        NtStatus::STATUS_ILLEGAL_INSTRUCTION.to_win32(),
        WinError(317)
    );
    assert_eq!(NtStatus(0xC0FF_0001).to_win32_checked(), None);
    assert_eq!(
        NtStatus::STATUS_LOGON_FAILURE.to_win32_checked(),
        Some(WinError(1326))
    );
    // Every table row points at a Win32 code with a message.
    for &(nt, win) in crate::ntstatus_map::NT_TO_WIN32 {
        assert!(nt.name().is_some(), "{nt:?}");
        assert!(win.message().is_some(), "{nt:?} -> {win:?}");
    }
    assert!(crate::ntstatus_map::NT_TO_WIN32.len() >= 1000);
}

#[test]
fn ntstatus_fields() {
    let s = NtStatus::STATUS_LOGON_FAILURE;
    assert_eq!(s.severity(), Severity::Error);
    assert!(s.is_error() && !s.is_success() && !s.is_customer());
    assert_eq!((s.facility(), s.code()), (0, 0x006D));
    assert_eq!(NtStatus::RPC_NT_SERVER_UNAVAILABLE.facility(), 2);
    assert_eq!(NtStatus(0xC007_0005).facility(), FACILITY_NTWIN32);
    assert!(NtStatus::STATUS_MORE_ENTRIES.is_success());
    assert!(NtStatus::STATUS_MORE_ENTRIES.is_more_entries());
    assert!(NtStatus::STATUS_BUFFER_OVERFLOW.is_more_entries());
    assert_eq!(
        NtStatus::STATUS_BUFFER_OVERFLOW.severity(),
        Severity::Warning
    );
    assert!(WinError::ERROR_MORE_DATA.is_more_data());
}

#[test]
fn hresults() {
    assert_eq!(WinError::ERROR_ACCESS_DENIED.to_hresult(), 0x8007_0005);
    assert_eq!(WinError(0).to_hresult(), 0);
    assert_eq!(WinError::from_hresult(0x8007_0005), Some(WinError(5)));
    assert_eq!(WinError::from_hresult(0x8000_4005), None);
}

#[test]
fn rpc_fault_to_win32() {
    let cases: &[(u32, WinError)] = &[
        (0x1C01_0002, WinError::RPC_S_PROCNUM_OUT_OF_RANGE),
        (0x1C01_0003, WinError::RPC_S_UNKNOWN_IF),
        (0x1C01_000B, WinError::RPC_S_PROTOCOL_ERROR),
        (0x1C01_0014, WinError::RPC_S_SERVER_TOO_BUSY),
        (0x1C00_000D, WinError::RPC_S_CALL_CANCELLED),
        (0x1C00_0012, WinError::RPC_S_CALL_FAILED),
        (0x1C00_001A, WinError::ERROR_INVALID_HANDLE),
        (0x0000_06F7, WinError::RPC_X_BAD_STUB_DATA),
        (0x0000_0005, WinError::ERROR_ACCESS_DENIED),
        (0x0000_06D8, WinError::EPT_S_CANT_PERFORM_OP),
        (0x1C01_0006, WinError(0x1C01_0006)), // nca_s_wrong_boot_time: not mapped
        (0xC000_0022, WinError(0xC000_0022)),
    ];
    for &(fault, win) in cases {
        assert_eq!(RpcFault(fault).to_win32(), win, "{:?}", RpcFault(fault));
    }
    assert_eq!(RpcFault::nca_s_fault_ndr.0, 0x6F7);
    assert_eq!(RpcFault::nca_s_op_rng_error.0, 0x1C01_0002);
    assert_eq!(RpcFault::nca_s_fault_context_mismatch.0, 0x1C00_001A);
    assert_eq!(
        RpcFault::from_name("nca_op_rng_error"),
        Some(RpcFault::nca_s_op_rng_error)
    );
    assert_eq!(
        ProviderReason::abstract_syntax_not_supported.to_win32(),
        WinError::RPC_S_UNKNOWN_IF
    );
    assert_eq!(BindNakReason::invalid_checksum.0, 9);
    assert_eq!(ContextResult::negotiate_ack.0, 3);
}
