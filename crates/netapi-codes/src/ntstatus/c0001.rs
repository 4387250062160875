//! NTSTATUS error codes of facilities 1 (DBG_*) and 2-3 (RPC_NT_*, EPT_NT_*)
//! ([MS-ERREF] 2.3.1). Values and texts are those of the Windows SDK's
//! `ntstatus.h` (10.0.22000), whose `MessageText` is the `ntdll.dll` message
//! for the code and which [MS-ERREF] 2.3.1 reproduces; multi-line texts are
//! joined with single spaces, as [MS-ERREF] prints them. Codes whose header
//! text is only their own name have no message.

use crate::NtStatus;

codes! {
    impl NtStatus as NT_DBG_RPC {
        DBG_NO_STATE_CHANGE = 0xC0010001 "Debugger did not perform a state change.";
        DBG_APP_NOT_IDLE = 0xC0010002 "Debugger has found the application is not idle.";
        RPC_NT_INVALID_STRING_BINDING = 0xC0020001 "The string binding is invalid.";
        RPC_NT_WRONG_KIND_OF_BINDING = 0xC0020002 "The binding handle is not the correct type.";
        RPC_NT_INVALID_BINDING = 0xC0020003 "The binding handle is invalid.";
        RPC_NT_PROTSEQ_NOT_SUPPORTED = 0xC0020004 "The RPC protocol sequence is not supported.";
        RPC_NT_INVALID_RPC_PROTSEQ = 0xC0020005 "The RPC protocol sequence is invalid.";
        RPC_NT_INVALID_STRING_UUID = 0xC0020006 "The string UUID is invalid.";
        RPC_NT_INVALID_ENDPOINT_FORMAT = 0xC0020007 "The endpoint format is invalid.";
        RPC_NT_INVALID_NET_ADDR = 0xC0020008 "The network address is invalid.";
        RPC_NT_NO_ENDPOINT_FOUND = 0xC0020009 "No endpoint was found.";
        RPC_NT_INVALID_TIMEOUT = 0xC002000A "The timeout value is invalid.";
        RPC_NT_OBJECT_NOT_FOUND = 0xC002000B "The object UUID was not found.";
        RPC_NT_ALREADY_REGISTERED = 0xC002000C "The object UUID has already been registered.";
        RPC_NT_TYPE_ALREADY_REGISTERED = 0xC002000D "The type UUID has already been registered.";
        RPC_NT_ALREADY_LISTENING = 0xC002000E "The RPC server is already listening.";
        RPC_NT_NO_PROTSEQS_REGISTERED = 0xC002000F "No protocol sequences have been registered.";
        RPC_NT_NOT_LISTENING = 0xC0020010 "The RPC server is not listening.";
        RPC_NT_UNKNOWN_MGR_TYPE = 0xC0020011 "The manager type is unknown.";
        RPC_NT_UNKNOWN_IF = 0xC0020012 "The interface is unknown.";
        RPC_NT_NO_BINDINGS = 0xC0020013 "There are no bindings.";
        RPC_NT_NO_PROTSEQS = 0xC0020014 "There are no protocol sequences.";
        RPC_NT_CANT_CREATE_ENDPOINT = 0xC0020015 "The endpoint cannot be created.";
        RPC_NT_OUT_OF_RESOURCES = 0xC0020016 "Not enough resources are available to complete this operation.";
        RPC_NT_SERVER_UNAVAILABLE = 0xC0020017 "The RPC server is unavailable.";
        RPC_NT_SERVER_TOO_BUSY = 0xC0020018 "The RPC server is too busy to complete this operation.";
        RPC_NT_INVALID_NETWORK_OPTIONS = 0xC0020019 "The network options are invalid.";
        RPC_NT_NO_CALL_ACTIVE = 0xC002001A "There are no remote procedure calls active on this thread.";
        RPC_NT_CALL_FAILED = 0xC002001B "The remote procedure call failed.";
        RPC_NT_CALL_FAILED_DNE = 0xC002001C "The remote procedure call failed and did not execute.";
        RPC_NT_PROTOCOL_ERROR = 0xC002001D "An RPC protocol error occurred.";
        RPC_NT_UNSUPPORTED_TRANS_SYN = 0xC002001F "The transfer syntax is not supported by the RPC server.";
        RPC_NT_UNSUPPORTED_TYPE = 0xC0020021 "The type UUID is not supported.";
        RPC_NT_INVALID_TAG = 0xC0020022 "The tag is invalid.";
        RPC_NT_INVALID_BOUND = 0xC0020023 "The array bounds are invalid.";
        RPC_NT_NO_ENTRY_NAME = 0xC0020024 "The binding does not contain an entry name.";
        RPC_NT_INVALID_NAME_SYNTAX = 0xC0020025 "The name syntax is invalid.";
        RPC_NT_UNSUPPORTED_NAME_SYNTAX = 0xC0020026 "The name syntax is not supported.";
        RPC_NT_UUID_NO_ADDRESS = 0xC0020028 "No network address is available to use to construct a UUID.";
        RPC_NT_DUPLICATE_ENDPOINT = 0xC0020029 "The endpoint is a duplicate.";
        RPC_NT_UNKNOWN_AUTHN_TYPE = 0xC002002A "The authentication type is unknown.";
        RPC_NT_MAX_CALLS_TOO_SMALL = 0xC002002B "The maximum number of calls is too small.";
        RPC_NT_STRING_TOO_LONG = 0xC002002C "The string is too long.";
        RPC_NT_PROTSEQ_NOT_FOUND = 0xC002002D "The RPC protocol sequence was not found.";
        RPC_NT_PROCNUM_OUT_OF_RANGE = 0xC002002E "The procedure number is out of range.";
        RPC_NT_BINDING_HAS_NO_AUTH = 0xC002002F "The binding does not contain any authentication information.";
        RPC_NT_UNKNOWN_AUTHN_SERVICE = 0xC0020030 "The authentication service is unknown.";
        RPC_NT_UNKNOWN_AUTHN_LEVEL = 0xC0020031 "The authentication level is unknown.";
        RPC_NT_INVALID_AUTH_IDENTITY = 0xC0020032 "The security context is invalid.";
        RPC_NT_UNKNOWN_AUTHZ_SERVICE = 0xC0020033 "The authorization service is unknown.";
        EPT_NT_INVALID_ENTRY = 0xC0020034 "The entry is invalid.";
        EPT_NT_CANT_PERFORM_OP = 0xC0020035 "The operation cannot be performed.";
        EPT_NT_NOT_REGISTERED = 0xC0020036 "There are no more endpoints available from the endpoint mapper.";
        RPC_NT_NOTHING_TO_EXPORT = 0xC0020037 "No interfaces have been exported.";
        RPC_NT_INCOMPLETE_NAME = 0xC0020038 "The entry name is incomplete.";
        RPC_NT_INVALID_VERS_OPTION = 0xC0020039 "The version option is invalid.";
        RPC_NT_NO_MORE_MEMBERS = 0xC002003A "There are no more members.";
        RPC_NT_NOT_ALL_OBJS_UNEXPORTED = 0xC002003B "There is nothing to unexport.";
        RPC_NT_INTERFACE_NOT_FOUND = 0xC002003C "The interface was not found.";
        RPC_NT_ENTRY_ALREADY_EXISTS = 0xC002003D "The entry already exists.";
        RPC_NT_ENTRY_NOT_FOUND = 0xC002003E "The entry is not found.";
        RPC_NT_NAME_SERVICE_UNAVAILABLE = 0xC002003F "The name service is unavailable.";
        RPC_NT_INVALID_NAF_ID = 0xC0020040 "The network address family is invalid.";
        RPC_NT_CANNOT_SUPPORT = 0xC0020041 "The requested operation is not supported.";
        RPC_NT_NO_CONTEXT_AVAILABLE = 0xC0020042 "No security context is available to allow impersonation.";
        RPC_NT_INTERNAL_ERROR = 0xC0020043 "An internal error occurred in RPC.";
        RPC_NT_ZERO_DIVIDE = 0xC0020044 "The RPC server attempted an integer divide by zero.";
        RPC_NT_ADDRESS_ERROR = 0xC0020045 "An addressing error occurred in the RPC server.";
        RPC_NT_FP_DIV_ZERO = 0xC0020046 "A floating point operation at the RPC server caused a divide by zero.";
        RPC_NT_FP_UNDERFLOW = 0xC0020047 "A floating point underflow occurred at the RPC server.";
        RPC_NT_FP_OVERFLOW = 0xC0020048 "A floating point overflow occurred at the RPC server.";
        RPC_NT_CALL_IN_PROGRESS = 0xC0020049 "A remote procedure call is already in progress for this thread.";
        RPC_NT_NO_MORE_BINDINGS = 0xC002004A "There are no more bindings.";
        RPC_NT_GROUP_MEMBER_NOT_FOUND = 0xC002004B "The group member was not found.";
        EPT_NT_CANT_CREATE = 0xC002004C "The endpoint mapper database entry could not be created.";
        RPC_NT_INVALID_OBJECT = 0xC002004D "The object UUID is the nil UUID.";
        RPC_NT_NO_INTERFACES = 0xC002004F "No interfaces have been registered.";
        RPC_NT_CALL_CANCELLED = 0xC0020050 "The remote procedure call was cancelled.";
        RPC_NT_BINDING_INCOMPLETE = 0xC0020051 "The binding handle does not contain all required information.";
        RPC_NT_COMM_FAILURE = 0xC0020052 "A communications failure occurred during a remote procedure call.";
        RPC_NT_UNSUPPORTED_AUTHN_LEVEL = 0xC0020053 "The requested authentication level is not supported.";
        RPC_NT_NO_PRINC_NAME = 0xC0020054 "No principal name registered.";
        RPC_NT_NOT_RPC_ERROR = 0xC0020055 "The error specified is not a valid Windows RPC error code.";
        RPC_NT_SEC_PKG_ERROR = 0xC0020057 "A security package specific error occurred.";
        RPC_NT_NOT_CANCELLED = 0xC0020058 "Thread is not cancelled.";
        RPC_NT_INVALID_ASYNC_HANDLE = 0xC0020062 "Invalid asynchronous remote procedure call handle.";
        RPC_NT_INVALID_ASYNC_CALL = 0xC0020063 "Invalid asynchronous RPC call handle for this operation.";
        RPC_NT_PROXY_ACCESS_DENIED = 0xC0020064 "Access to the HTTP proxy is denied.";
        RPC_NT_COOKIE_AUTH_FAILED = 0xC0020065 "HTTP proxy server rejected the connection because the cookie authentication failed.";
        RPC_NT_NO_MORE_ENTRIES = 0xC0030001 "The list of RPC servers available for auto-handle binding has been exhausted.";
        RPC_NT_SS_CHAR_TRANS_OPEN_FAIL = 0xC0030002 "The file designated by DCERPCCHARTRANS cannot be opened.";
        RPC_NT_SS_CHAR_TRANS_SHORT_FILE = 0xC0030003 "The file containing the character translation table has fewer than 512 bytes.";
        RPC_NT_SS_IN_NULL_CONTEXT = 0xC0030004 "A null context handle is passed as an [in] parameter.";
        RPC_NT_SS_CONTEXT_MISMATCH = 0xC0030005 "The context handle does not match any known context handles.";
        RPC_NT_SS_CONTEXT_DAMAGED = 0xC0030006 "The context handle changed during a call.";
        RPC_NT_SS_HANDLES_MISMATCH = 0xC0030007 "The binding handles passed to a remote procedure call do not match.";
        RPC_NT_SS_CANNOT_GET_CALL_HANDLE = 0xC0030008 "The stub is unable to get the call handle.";
        RPC_NT_NULL_REF_POINTER = 0xC0030009 "A null reference pointer was passed to the stub.";
        RPC_NT_ENUM_VALUE_OUT_OF_RANGE = 0xC003000A "The enumeration value is out of range.";
        RPC_NT_BYTE_COUNT_TOO_SMALL = 0xC003000B "The byte count is too small.";
        RPC_NT_BAD_STUB_DATA = 0xC003000C "The stub received bad data.";
        RPC_NT_INVALID_ES_ACTION = 0xC0030059 "Invalid operation on the encoding/decoding handle.";
        RPC_NT_WRONG_ES_VERSION = 0xC003005A "Incompatible version of the serializing package.";
        RPC_NT_WRONG_STUB_VERSION = 0xC003005B "Incompatible version of the RPC stub.";
        RPC_NT_INVALID_PIPE_OBJECT = 0xC003005C "The RPC pipe object is invalid or corrupted.";
        RPC_NT_INVALID_PIPE_OPERATION = 0xC003005D "An invalid operation was attempted on an RPC pipe object.";
        RPC_NT_WRONG_PIPE_VERSION = 0xC003005E "Unsupported RPC pipe version.";
        RPC_NT_PIPE_CLOSED = 0xC003005F "The RPC pipe object has already been closed.";
        RPC_NT_PIPE_DISCIPLINE_ERROR = 0xC0030060 "The RPC call completed before all pipes were processed.";
        RPC_NT_PIPE_EMPTY = 0xC0030061 "No more data is available from the RPC pipe.";
    }
}
