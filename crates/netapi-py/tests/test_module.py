"""The module surface: win32net's attributes, pywintypes' classes, win32netcon's constants.
Nothing here talks to a server."""

import json

import pytest

import pywintypes
import win32net
import win32netcon

from conftest import SPEC

FUNCTIONS = [
    "NetGetJoinInformation",
    "NetGroupGetInfo", "NetGroupGetUsers", "NetGroupSetUsers", "NetGroupSetInfo", "NetGroupAdd",
    "NetGroupAddUser", "NetGroupDel", "NetGroupDelUser", "NetGroupEnum", "NetLocalGroupAdd",
    "NetLocalGroupAddMembers", "NetLocalGroupDelMembers", "NetLocalGroupDel", "NetLocalGroupEnum",
    "NetLocalGroupGetInfo", "NetLocalGroupGetMembers", "NetLocalGroupSetInfo", "NetLocalGroupSetMembers",
    "NetMessageBufferSend", "NetMessageNameAdd", "NetMessageNameDel", "NetMessageNameEnum",
    "NetServerEnum", "NetServerGetInfo", "NetServerSetInfo", "NetShareAdd", "NetShareDel",
    "NetShareCheck", "NetShareEnum", "NetShareGetInfo", "NetShareSetInfo",
    "NetUserAdd", "NetUserChangePassword", "NetUserEnum", "NetUserGetGroups", "NetUserGetInfo",
    "NetUserGetLocalGroups", "NetUserSetInfo", "NetUserDel", "NetUserModalsGet", "NetUserModalsSet",
    "NetWkstaUserEnum", "NetWkstaGetInfo", "NetWkstaSetInfo", "NetWkstaTransportEnum",
    "NetWkstaTransportAdd", "NetWkstaTransportDel", "NetServerDiskEnum",
    "NetUseAdd", "NetUseDel", "NetUseEnum", "NetUseGetInfo", "NetGetAnyDCName", "NetGetDCName",
    "NetSessionEnum", "NetSessionDel", "NetSessionGetInfo",
    "NetFileEnum", "NetFileClose", "NetFileGetInfo", "NetStatisticsGet",
    "NetServerComputerNameAdd", "NetServerComputerNameDel", "NetValidateName",
    "NetValidatePasswordPolicy",
]


def test_module_attributes_are_pywin32s():
    assert win32net.__doc__ == "A module encapsulating the Windows Network API."
    assert win32net.error is pywintypes.error
    assert win32net.SERVICE_SERVER == "LanmanServer"
    assert win32net.SERVICE_WORKSTATION == "LanmanWorkstation"
    assert (win32net.USE_NOFORCE, win32net.USE_FORCE, win32net.USE_LOTS_OF_FORCE) == (0, 1, 2)
    public = [k for k in vars(win32net) if not k.startswith("_")]
    # pywin32's order: functions as registered, then the six attributes.
    assert public == FUNCTIONS + [
        "error", "SERVICE_SERVER", "SERVICE_WORKSTATION", "USE_NOFORCE", "USE_FORCE", "USE_LOTS_OF_FORCE",
    ]


def test_only_netshareenum_and_the_user_group_lists_have_a_docstring():
    for name in FUNCTIONS:
        assert getattr(win32net, name).__module__ == "win32net"
        doc = getattr(win32net, name).__doc__
        if name == "NetShareEnum":
            assert doc == "Obsolete Function,Level 1 call"
        elif name in ("NetUserGetGroups", "NetUserGetLocalGroups"):
            assert doc == "Updated - New Behavior"
        else:
            assert doc is None, name


@pytest.mark.parametrize("name", FUNCTIONS)
def test_keywords_are_refused(name):
    with pytest.raises(TypeError) as e:
        getattr(win32net, name)(None, server=None)
    assert str(e.value) == f"{name}() takes no keyword arguments"
    # An empty keyword dict is no keyword.
    with pytest.raises(TypeError) as e:
        getattr(win32net, name)(**{"x": 1})
    assert "takes no keyword arguments" in str(e.value)


def test_error_is_pywin32s_class():
    e = pywintypes.error(2221, "NetUserGetInfo", "The user name could not be found.")
    assert isinstance(e, Exception)
    assert e.args == (2221, "NetUserGetInfo", "The user name could not be found.")
    assert (e.winerror, e.funcname, e.strerror) == e.args
    assert str(e) == "(2221, 'NetUserGetInfo', 'The user name could not be found.')"
    assert repr(e) == "error(2221, 'NetUserGetInfo', 'The user name could not be found.')"
    assert pywintypes.error.__module__ == "pywintypes"
    short = pywintypes.error(5)
    assert (short.winerror, short.funcname, short.strerror) == (5, None, None)
    with pytest.raises(TypeError):
        e[0]  # not indexable on Python 3


def test_win32netcon_has_every_constant_of_the_spec_with_its_value_and_type():
    spec = json.loads((SPEC / "win32netcon.json").read_text())["constants"]
    assert len(spec) == 568
    for name, value in spec.items():
        got = getattr(win32netcon, name)
        assert got == value and type(got) is type(value), name
    assert win32netcon.MAX_PREFERRED_LENGTH == -1
    assert win32netcon.SV_TYPE_ALL == -1
    assert win32netcon.STYPE_SPECIAL == -2147483648
    assert win32netcon.TEXT("x") == "x"
    # The lmuse.h names pywin32 lacks.
    assert (win32netcon.USE_WILDCARD, win32netcon.USE_DISKDEV, win32netcon.USE_SPOOLDEV) == (-1, 0, 1)
    assert (win32netcon.USE_CHARDEV, win32netcon.USE_IPC) == (2, 3)
    assert (win32netcon.USE_NOFORCE, win32netcon.USE_FORCE, win32netcon.USE_LOTS_OF_FORCE) == (0, 1, 2)
    extra = {"TEXT", "USE_WILDCARD", "USE_DISKDEV", "USE_SPOOLDEV", "USE_CHARDEV", "USE_IPC", "USE_OK",
             "USE_PAUSED", "USE_SESSLOST", "USE_DISCONN", "USE_NETERR", "USE_CONN", "USE_RECONN",
             "USE_NOFORCE", "USE_FORCE", "USE_LOTS_OF_FORCE"}
    names = {k for k in vars(win32netcon) if not k.startswith("__")}
    assert names == set(spec) | extra


ADMIN_SID = bytes([1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 2, 0, 0])  # S-1-5-32-544


def test_sids_look_like_pywin32s():
    sid = pywintypes.SID(ADMIN_SID)
    assert isinstance(sid, pywintypes.SIDType)
    assert type(sid).__name__ == "PySID"
    assert str(sid) == "PySID:S-1-5-32-544"
    assert sid.IsValid()
    assert sid.GetLength() == 16
    assert sid.GetSubAuthorityCount() == 2
    assert sid.GetSubAuthority(0) == 32 and sid.GetSubAuthority(1) == 544
    assert sid.GetSidIdentifierAuthority() == (0, 0, 0, 0, 0, 5)
    with pytest.raises(ValueError):
        sid.GetSubAuthority(2)
    assert bytes(sid) == ADMIN_SID
    same = pywintypes.SID((0, 0, 0, 0, 0, 5), [32, 544])
    assert same == sid and not (same != sid) and hash(same) == hash(sid)
    assert {sid: 1}[same] == 1
    other = pywintypes.SID((0, 0, 0, 0, 0, 5), [32, 545])
    assert other != sid
    assert sid != "PySID:S-1-5-32-544"
    # Domain SIDs: sub-authorities >= 2**31 come back as pywin32's C long gives them.
    dom = pywintypes.SID((0, 0, 0, 0, 0, 5), [21, 3000000000, 7, 500])
    assert str(dom) == "PySID:S-1-5-21-3000000000-7-500"
    assert dom.GetSubAuthority(1) == 3000000000 - 2**32
    # Build-then-fill, as the localized_names demo does.
    built = pywintypes.SID()
    built.Initialize((0, 0, 0, 0, 0, 5), 2)
    built.SetSubAuthority(0, 32)
    built.SetSubAuthority(1, 544)
    assert built == sid


def test_security_descriptors_wrap_their_bytes():
    owner = ADMIN_SID
    group = bytes([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0])  # S-1-5-18
    header = bytes([1, 0, 0x00, 0x80]) + (20).to_bytes(4, "little") + (36).to_bytes(4, "little")
    raw = header + bytes(8) + owner + group
    sd = pywintypes.SECURITY_DESCRIPTOR(raw)
    assert isinstance(sd, pywintypes.SECURITY_DESCRIPTORType)
    assert bytes(sd) == raw and sd.GetLength() == len(raw)
    assert sd.IsValid() and sd.IsSelfRelative()
    assert sd.GetSecurityDescriptorControl() == (0x8000, 1)
    assert str(sd.GetSecurityDescriptorOwner()) == "PySID:S-1-5-32-544"
    assert str(sd.GetSecurityDescriptorGroup()) == "PySID:S-1-5-18"
    assert sd.GetSecurityDescriptorDacl() is None
    assert pywintypes.SECURITY_DESCRIPTOR(raw) == sd
    empty = pywintypes.SECURITY_DESCRIPTOR()
    assert empty.IsValid() and empty.GetSecurityDescriptorOwner() is None
