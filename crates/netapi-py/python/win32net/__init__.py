"""A module encapsulating the Windows Network API."""

import atexit as _atexit

import pywintypes as _pywintypes
from win32net._win32net import (
    NetGetJoinInformation,
    NetGroupGetInfo,
    NetGroupGetUsers,
    NetGroupSetUsers,
    NetGroupSetInfo,
    NetGroupAdd,
    NetGroupAddUser,
    NetGroupDel,
    NetGroupDelUser,
    NetGroupEnum,
    NetLocalGroupAdd,
    NetLocalGroupAddMembers,
    NetLocalGroupDelMembers,
    NetLocalGroupDel,
    NetLocalGroupEnum,
    NetLocalGroupGetInfo,
    NetLocalGroupGetMembers,
    NetLocalGroupSetInfo,
    NetLocalGroupSetMembers,
    NetMessageBufferSend,
    NetMessageNameAdd,
    NetMessageNameDel,
    NetMessageNameEnum,
    NetServerEnum,
    NetServerGetInfo,
    NetServerSetInfo,
    NetShareAdd,
    NetShareDel,
    NetShareCheck,
    NetShareEnum,
    NetShareGetInfo,
    NetShareSetInfo,
    NetUserAdd,
    NetUserChangePassword,
    NetUserEnum,
    NetUserGetGroups,
    NetUserGetInfo,
    NetUserGetLocalGroups,
    NetUserSetInfo,
    NetUserDel,
    NetUserModalsGet,
    NetUserModalsSet,
    NetWkstaUserEnum,
    NetWkstaGetInfo,
    NetWkstaSetInfo,
    NetWkstaTransportEnum,
    NetWkstaTransportAdd,
    NetWkstaTransportDel,
    NetServerDiskEnum,
    NetUseAdd,
    NetUseDel,
    NetUseEnum,
    NetUseGetInfo,
    NetGetAnyDCName,
    NetGetDCName,
    NetSessionEnum,
    NetSessionDel,
    NetSessionGetInfo,
    NetFileEnum,
    NetFileClose,
    NetFileGetInfo,
    NetStatisticsGet,
    NetServerComputerNameAdd,
    NetServerComputerNameDel,
    NetValidateName,
    NetValidatePasswordPolicy,
)
from win32net._win32net import _at_exit, _disconnect_all

# As pywin32's, the functions belong to the module `win32net`.
for _f in list(globals().values()):
    if callable(_f) and getattr(_f, "__module__", None) == "win32net._win32net":
        _f.__module__ = __name__
del _f

error = _pywintypes.error
SERVICE_SERVER = "LanmanServer"
SERVICE_WORKSTATION = "LanmanWorkstation"
USE_NOFORCE = 0
USE_FORCE = 1
USE_LOTS_OF_FORCE = 2

# Calls still running in daemon threads when the interpreter exits park instead of taking the
# GIL back (see crates/netapi-py/src/runtime.rs).
_atexit.register(_at_exit)
del _atexit, _at_exit, _pywintypes, _win32net
