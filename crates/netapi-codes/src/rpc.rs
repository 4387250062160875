//! DCE/RPC status codes: fault and reject statuses (\[C706\] appendix E,
//! `nca_s_*`), bind_nak reject reasons (\[C706\] 12.6.3.1 `p_reject_reason_t`,
//! [MS-RPCE] 2.2.2.5) and presentation context results
//! (\[C706\] 12.6.3.1 `p_cont_def_result_t` / `p_provider_reason_t`,
//! [MS-RPCE] 2.2.2.4).
//!
//! [`RpcFault::to_win32`] follows the conversion table of [MS-RPCE] 3.1.1.5.5
//! ("Returning Win32 Error Values"): a fault status that is not in that table
//! (for example a Win32 code such as 5 or `nca_s_fault_ndr` = 0x6F7 =
//! `RPC_X_BAD_STUB_DATA`) reaches the application unchanged.

use crate::WinError;

codes! {
    impl RpcFault as RPC_FAULTS {
        nca_s_fault_access_denied = 0x0000_0005;
        nca_s_fault_cant_perform = 0x0000_06D8;
        nca_s_fault_ndr = 0x0000_06F7;
        nca_s_fault_sec_pkg_error = 0x0000_0721;
        nca_s_fault_int_div_by_zero = 0x1C00_0001;
        nca_s_fault_addr_error = 0x1C00_0002;
        nca_s_fault_fp_div_zero = 0x1C00_0003;
        nca_s_fault_fp_underflow = 0x1C00_0004;
        nca_s_fault_fp_overflow = 0x1C00_0005;
        nca_s_fault_invalid_tag = 0x1C00_0006;
        nca_s_fault_invalid_bound = 0x1C00_0007;
        nca_s_rpc_version_mismatch = 0x1C00_0008;
        nca_s_unspec_reject = 0x1C00_0009;
        nca_s_bad_actid = 0x1C00_000A;
        nca_s_who_are_you_failed = 0x1C00_000B;
        nca_s_manager_not_entered = 0x1C00_000C;
        nca_s_fault_cancel = 0x1C00_000D;
        nca_s_fault_ill_inst = 0x1C00_000E;
        nca_s_fault_fp_error = 0x1C00_000F;
        nca_s_fault_int_overflow = 0x1C00_0010;
        nca_s_fault_unspec = 0x1C00_0012;
        nca_s_fault_remote_comm_failure = 0x1C00_0013;
        nca_s_fault_pipe_empty = 0x1C00_0014;
        nca_s_fault_pipe_closed = 0x1C00_0015;
        nca_s_fault_pipe_order = 0x1C00_0016;
        nca_s_fault_pipe_discipline = 0x1C00_0017;
        nca_s_fault_pipe_comm_error = 0x1C00_0018;
        nca_s_fault_pipe_memory = 0x1C00_0019;
        nca_s_fault_context_mismatch = 0x1C00_001A;
        nca_s_fault_remote_no_memory = 0x1C00_001B;
        nca_s_invalid_pres_context_id = 0x1C00_001C;
        nca_s_unsupported_authn_level = 0x1C00_001D;
        nca_s_invalid_checksum = 0x1C00_001F;
        nca_s_invalid_crc = 0x1C00_0020;
        nca_s_fault_user_defined = 0x1C00_0021;
        nca_s_fault_tx_open_failed = 0x1C00_0022;
        nca_s_fault_codeset_conv_error = 0x1C00_0023;
        nca_s_fault_object_not_found = 0x1C00_0024;
        nca_s_fault_no_client_stub = 0x1C00_0025;
        nca_s_comm_failure = 0x1C01_0001;
        nca_s_op_rng_error = 0x1C01_0002;
        nca_s_unk_if = 0x1C01_0003;
        nca_s_wrong_boot_time = 0x1C01_0006;
        nca_s_you_crashed = 0x1C01_0009;
        nca_s_proto_error = 0x1C01_000B;
        nca_s_out_args_too_big = 0x1C01_0013;
        nca_s_server_too_busy = 0x1C01_0014;
        nca_s_fault_string_too_long = 0x1C01_0015;
        nca_s_unsupported_type = 0x1C01_0017;
    }
    aliases RPC_FAULT_ALIASES {
        nca_rpc_version_mismatch = 0x1C00_0008;
        nca_unspec_reject = 0x1C00_0009;
        nca_who_are_you_failed = 0x1C00_000B;
        nca_manager_not_entered = 0x1C00_000C;
        nca_invalid_pres_context_id = 0x1C00_001C;
        nca_unsupported_authn_level = 0x1C00_001D;
        nca_invalid_checksum = 0x1C00_001F;
        nca_invalid_crc = 0x1C00_0020;
        nca_op_rng_error = 0x1C01_0002;
        nca_unk_if = 0x1C01_0003;
        nca_wrong_boot_time = 0x1C01_0006;
        nca_proto_error = 0x1C01_000B;
        nca_out_args_too_big = 0x1C01_0013;
        nca_server_too_busy = 0x1C01_0014;
        nca_unsupported_type = 0x1C01_0017;
    }
}

code_space! {
    /// The status of a fault PDU or a connectionless reject PDU (\[C706\]
    /// appendix E): an `nca_s_*` code or, from Windows servers, a Win32 code
    /// or NTSTATUS.
    ///
    /// An open set. Constants use the DCE spelling (`nca_s_op_rng_error`);
    /// [`from_name`](Self::from_name) also accepts the shorter \[C706\] /
    /// [MS-RPCE] spelling (`nca_op_rng_error`). `Display` prints the text of
    /// the Win32 code a Windows client reports ([`to_win32`](Self::to_win32)),
    /// else the name, else `0x…`.
    ///
    /// ```
    /// use netapi_codes::{RpcFault, WinError};
    /// assert_eq!(RpcFault(0x1C01_0002).to_win32(), WinError::RPC_S_PROCNUM_OUT_OF_RANGE);
    /// assert_eq!(RpcFault(5).to_win32(), WinError::ERROR_ACCESS_DENIED);
    /// ```
    pub struct RpcFault(u32);
    chunks = [RPC_FAULTS];
    aliases = [RPC_FAULT_ALIASES];
    display: custom;
}

impl RpcFault {
    /// The Win32 code a Windows RPC client returns for this status
    /// ([MS-RPCE] 3.1.1.5.5); statuses the table leaves "not mapped" (and
    /// every status outside it) come back unchanged.
    pub const fn to_win32(self) -> WinError {
        match self {
            Self::nca_s_comm_failure | Self::nca_s_fault_pipe_comm_error => {
                WinError::RPC_S_COMM_FAILURE
            }
            Self::nca_s_op_rng_error => WinError::RPC_S_PROCNUM_OUT_OF_RANGE,
            Self::nca_s_unk_if => WinError::RPC_S_UNKNOWN_IF,
            Self::nca_s_you_crashed
            | Self::nca_s_unspec_reject
            | Self::nca_s_who_are_you_failed
            | Self::nca_s_fault_unspec => WinError::RPC_S_CALL_FAILED,
            Self::nca_s_proto_error | Self::nca_s_rpc_version_mismatch => {
                WinError::RPC_S_PROTOCOL_ERROR
            }
            Self::nca_s_out_args_too_big => WinError::RPC_S_SERVER_OUT_OF_MEMORY,
            Self::nca_s_server_too_busy => WinError::RPC_S_SERVER_TOO_BUSY,
            Self::nca_s_unsupported_type => WinError::RPC_S_UNSUPPORTED_TYPE,
            Self::nca_s_fault_int_div_by_zero => WinError::RPC_S_ZERO_DIVIDE,
            Self::nca_s_fault_addr_error
            | Self::nca_s_fault_ill_inst
            | Self::nca_s_fault_int_overflow => WinError::RPC_S_ADDRESS_ERROR,
            Self::nca_s_fault_fp_div_zero => WinError::RPC_S_FP_DIV_ZERO,
            Self::nca_s_fault_fp_underflow => WinError::RPC_S_FP_UNDERFLOW,
            Self::nca_s_fault_fp_overflow | Self::nca_s_fault_fp_error => {
                WinError::RPC_S_FP_OVERFLOW
            }
            Self::nca_s_fault_invalid_tag => WinError::RPC_S_INVALID_TAG,
            Self::nca_s_fault_invalid_bound => WinError::RPC_S_INVALID_BOUND,
            Self::nca_s_bad_actid | Self::nca_s_manager_not_entered => {
                WinError::RPC_S_CALL_FAILED_DNE
            }
            Self::nca_s_fault_cancel => WinError::RPC_S_CALL_CANCELLED,
            Self::nca_s_fault_pipe_empty => WinError::RPC_X_PIPE_EMPTY,
            Self::nca_s_fault_pipe_closed => WinError::RPC_X_PIPE_CLOSED,
            Self::nca_s_fault_pipe_order => WinError::RPC_X_WRONG_PIPE_ORDER,
            Self::nca_s_fault_pipe_discipline => WinError::RPC_X_PIPE_DISCIPLINE_ERROR,
            // The rows below come after a cut in the copy of the [MS-RPCE]
            // table available when this was written: unverified.
            Self::nca_s_fault_pipe_memory => WinError::RPC_S_OUT_OF_MEMORY,
            Self::nca_s_fault_context_mismatch => WinError::RPC_X_SS_CONTEXT_MISMATCH,
            Self::nca_s_fault_remote_no_memory => WinError::RPC_S_SERVER_OUT_OF_MEMORY,
            Self::nca_s_invalid_pres_context_id => WinError::RPC_S_PROTOCOL_ERROR,
            Self::nca_s_unsupported_authn_level => WinError::RPC_S_UNSUPPORTED_AUTHN_LEVEL,
            Self::nca_s_invalid_checksum | Self::nca_s_invalid_crc => {
                WinError::RPC_S_CALL_FAILED_DNE
            }
            other => WinError(other.0),
        }
    }
}

impl core::fmt::Display for RpcFault {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match (self.to_win32().message(), self.name()) {
            (Some(text), _) => f.write_str(text),
            (None, Some(name)) => f.write_str(name),
            (None, None) => write!(f, "{:#010x}", self.0),
        }
    }
}

impl core::error::Error for RpcFault {}

codes! {
    impl BindNakReason as BIND_NAK_REASONS {
        reason_not_specified = 0;
        temporary_congestion = 1;
        local_limit_exceeded = 2;
        called_paddr_unknown = 3;
        protocol_version_not_supported = 4;
        default_context_not_supported = 5;
        user_data_not_readable = 6;
        no_psap_available = 7;
        authentication_type_not_recognized = 8;
        invalid_checksum = 9;
    }
}

code_space! {
    /// The reject reason of a bind_nak PDU (`provider_reject_reason`,
    /// \[C706\] 12.6.3.1 `p_reject_reason_t`; 8 and 9 are [MS-RPCE] 2.2.2.5
    /// additions). An open set; `Display` prints the name or `0x…`.
    pub struct BindNakReason(u32);
    chunks = [BIND_NAK_REASONS];
    aliases = [];
    display: custom;
}

codes! {
    impl ContextResult as CONTEXT_RESULTS {
        acceptance = 0;
        user_rejection = 1;
        provider_rejection = 2;
        negotiate_ack = 3;
    }
}

code_space! {
    /// The result of one presentation context in a bind_ack or
    /// alter_context_resp (\[C706\] 12.6.3.1 `p_cont_def_result_t`;
    /// `negotiate_ack` is [MS-RPCE] 2.2.2.4). An open set.
    pub struct ContextResult(u32);
    chunks = [CONTEXT_RESULTS];
    aliases = [];
    display: custom;
}

codes! {
    impl ProviderReason as PROVIDER_REASONS {
        reason_not_specified = 0;
        abstract_syntax_not_supported = 1;
        proposed_transfer_syntaxes_not_supported = 2;
        local_limit_exceeded = 3;
    }
}

code_space! {
    /// Why a presentation context was rejected (\[C706\] 12.6.3.1
    /// `p_provider_reason_t`). An open set.
    pub struct ProviderReason(u32);
    chunks = [PROVIDER_REASONS];
    aliases = [];
    display: custom;
}

impl ProviderReason {
    /// The Win32 code a rejected context leads to: an unsupported abstract
    /// syntax is `RPC_S_UNKNOWN_IF`, unsupported transfer syntaxes are
    /// `RPC_S_UNSUPPORTED_TRANS_SYN`, anything else `RPC_S_CALL_FAILED_DNE`.
    pub const fn to_win32(self) -> WinError {
        match self {
            Self::abstract_syntax_not_supported => WinError::RPC_S_UNKNOWN_IF,
            Self::proposed_transfer_syntaxes_not_supported => WinError::RPC_S_UNSUPPORTED_TRANS_SYN,
            _ => WinError::RPC_S_CALL_FAILED_DNE,
        }
    }
}

/// `Display` for the small code types: the name, or `0x…`.
macro_rules! display_by_name {
    ($($ty:ident),*) => {$(
        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(name) => f.write_str(name),
                    None => write!(f, "{:#010x}", self.0),
                }
            }
        }
    )*};
}

display_by_name!(BindNakReason, ContextResult, ProviderReason);
