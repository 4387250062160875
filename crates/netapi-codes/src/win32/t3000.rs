//! Win32 error codes 3000-3999: the `MessageText` of each code in the Windows SDK's
//! `winerror.h` (10.0.22000), which is the text `FormatMessageW` returns for
//! the code in English, with the trailing CR LF removed ([MS-ERREF] 2.2;
//! learn.microsoft.com "System Error Codes"). Multi-line texts keep their inner
//! CR LF; `%1`-style inserts are kept literally.

use crate::WinError;

codes! {
    impl WinError as WIN32_3000 {
        ERROR_UNKNOWN_PRINT_MONITOR = 3000 "The specified print monitor is unknown.";
        ERROR_PRINTER_DRIVER_IN_USE = 3001 "The specified printer driver is currently in use.";
        ERROR_SPOOL_FILE_NOT_FOUND = 3002 "The spool file was not found.";
        ERROR_SPL_NO_STARTDOC = 3003 "A StartDocPrinter call was not issued.";
        ERROR_SPL_NO_ADDJOB = 3004 "An AddJob call was not issued.";
        ERROR_PRINT_PROCESSOR_ALREADY_INSTALLED = 3005 "The specified print processor has already been installed.";
        ERROR_PRINT_MONITOR_ALREADY_INSTALLED = 3006 "The specified print monitor has already been installed.";
        ERROR_INVALID_PRINT_MONITOR = 3007 "The specified print monitor does not have the required functions.";
        ERROR_PRINT_MONITOR_IN_USE = 3008 "The specified print monitor is currently in use.";
        ERROR_PRINTER_HAS_JOBS_QUEUED = 3009 "The requested operation is not allowed when there are jobs queued to the printer.";
        ERROR_SUCCESS_REBOOT_REQUIRED = 3010 "The requested operation is successful. Changes will not be effective until the system is rebooted.";
        ERROR_SUCCESS_RESTART_REQUIRED = 3011 "The requested operation is successful. Changes will not be effective until the service is restarted.";
        ERROR_PRINTER_NOT_FOUND = 3012 "No printers were found.";
        ERROR_PRINTER_DRIVER_WARNED = 3013 "The printer driver is known to be unreliable.";
        ERROR_PRINTER_DRIVER_BLOCKED = 3014 "The printer driver is known to harm the system.";
        ERROR_PRINTER_DRIVER_PACKAGE_IN_USE = 3015 "The specified printer driver package is currently in use.";
        ERROR_CORE_DRIVER_PACKAGE_NOT_FOUND = 3016 "Unable to find a core driver package that is required by the printer driver package.";
        ERROR_FAIL_REBOOT_REQUIRED = 3017 "The requested operation failed. A system reboot is required to roll back changes made.";
        ERROR_FAIL_REBOOT_INITIATED = 3018 "The requested operation failed. A system reboot has been initiated to roll back changes made.";
        ERROR_PRINTER_DRIVER_DOWNLOAD_NEEDED = 3019 "The specified printer driver was not found on the system and needs to be downloaded.";
        ERROR_PRINT_JOB_RESTART_REQUIRED = 3020 "The requested print job has failed to print. A print system update requires the job to be resubmitted.";
        ERROR_INVALID_PRINTER_DRIVER_MANIFEST = 3021 "The printer driver does not contain a valid manifest, or contains too many manifests.";
        ERROR_PRINTER_NOT_SHAREABLE = 3022 "The specified printer cannot be shared.";
        ERROR_REQUEST_PAUSED = 3050 "The operation was paused.";
        ERROR_APPEXEC_CONDITION_NOT_SATISFIED = 3060 "The condition supplied for the app execution request was not satisfied, so the request was not performed.";
        ERROR_APPEXEC_HANDLE_INVALIDATED = 3061 "The supplied handle has been invalidated and may not be used for the requested operation.";
        ERROR_APPEXEC_INVALID_HOST_GENERATION = 3062 "The supplied host generation has been invalidated and may not be used for the requested operation.";
        ERROR_APPEXEC_UNEXPECTED_PROCESS_REGISTRATION = 3063 "An attempt to register a process failed because the target host was not in a valid state to receive process registrations.";
        ERROR_APPEXEC_INVALID_HOST_STATE = 3064 "The host is not in a valid state to support the execution request.";
        ERROR_APPEXEC_NO_DONOR = 3065 "The operation was not completed because a required resource donor was not found for the host.";
        ERROR_APPEXEC_HOST_ID_MISMATCH = 3066 "The operation was not completed because an unexpected host ID was encountered.";
        ERROR_APPEXEC_UNKNOWN_USER = 3067 "The operation was not completed because the specified user was not known to the service.";
        ERROR_APPEXEC_APP_COMPAT_BLOCK = 3068 "The application is blocked by app compat policy.";
        ERROR_APPEXEC_CALLER_WAIT_TIMEOUT = 3069 "The caller specified wait timed out before the operation completed.";
        ERROR_APPEXEC_CALLER_WAIT_TIMEOUT_TERMINATION = 3070 "The caller specified wait timed out before the operation completed because a host termination is in queued.";
        ERROR_APPEXEC_CALLER_WAIT_TIMEOUT_LICENSING = 3071 "The caller specified wait timed out before the operation completed because a licensing operation is being performed.";
        ERROR_APPEXEC_CALLER_WAIT_TIMEOUT_RESOURCES = 3072 "The caller specified wait timed out before the operation completed because resources are being acquired.";
        ERROR_VRF_VOLATILE_CFG_AND_IO_ENABLED = 3080 "Enabling driver verification from volatile command is currently not supported when both CFG and IO are enabled.";
        ERROR_VRF_VOLATILE_NOT_STOPPABLE = 3081 "Removal of current driver verification is not supported from volatile command.";
        ERROR_VRF_VOLATILE_SAFE_MODE = 3082 "Enabling driver verification is not supported in safe mode.";
        ERROR_VRF_VOLATILE_NOT_RUNNABLE_SYSTEM = 3083 "Enabling driver verification is not supported from volatile mode in current system.";
        ERROR_VRF_VOLATILE_NOT_SUPPORTED_RULECLASS = 3084 "The specified rule class (a.k.a. flag) is not supported from volatile mode.";
        ERROR_VRF_VOLATILE_PROTECTED_DRIVER = 3085 "The specified driver is protected and volatile verification is currently not supported.";
        ERROR_VRF_VOLATILE_NMI_REGISTERED = 3086 "Enabling driver verification is not supported for a driver with  NMI callback(s) registered.";
        ERROR_VRF_VOLATILE_SETTINGS_CONFLICT = 3087 "Volatile verification settings cannot be changed when verification is enabled from boot or DIF volatile verification is enabled.";
        ERROR_DIF_IOCALLBACK_NOT_REPLACED = 3190 "The specified driver is not associated with driver object or driver extension.";
        ERROR_DIF_LIVEDUMP_LIMIT_EXCEEDED = 3191 "Verifier's internal data size exceeds the limit of live dump secondary data.";
        ERROR_DIF_VOLATILE_SECTION_NOT_LOCKED = 3192 "Verification cannot start because an attempt to lock code or data section failed.";
        ERROR_DIF_VOLATILE_DRIVER_HOTPATCHED = 3193 "DIF volatile verification is not supported for hotpatched driver.";
        ERROR_DIF_VOLATILE_INVALID_INFO = 3194 "The passed system DIF information is invalid.";
        ERROR_DIF_VOLATILE_DRIVER_IS_NOT_RUNNING = 3195 "DIF volatile verification only supports on loaded drivers.";
        ERROR_DIF_VOLATILE_PLUGIN_IS_NOT_RUNNING = 3196 "Currently no plugin is running.";
        ERROR_DIF_VOLATILE_PLUGIN_CHANGE_NOT_ALLOWED = 3197 "Currently running plugin must be removed before applying a new plugin.";
        ERROR_DIF_VOLATILE_NOT_ALLOWED = 3198 "The plugin is not allowed to run in volatile mode.";
        ERROR_DIF_BINDING_API_NOT_FOUND = 3199 "One or more DDI is not yet supported by DIF.";
        ERROR_IO_REISSUE_AS_CACHED = 3950 "Reissue the given operation as a cached IO operation";
    }
}
