"""The workstation, use, domain and messenger functions: pywin32's signatures, shapes and
errors, argument checks before anything is sent, and against both lab servers what Samba serves
(NetWkstaGetInfo, NetWkstaUserEnum on the file server, NetGetDCName on the DC) and the codes of
what it does not."""

import pytest

import win32net
import win32netcon

from conftest import spec_levels

NOWHERE = "192.0.2.1"  # TEST-NET-1: never contacted
KEYS = spec_levels()


def keys(table):
    return [e["key"] for e in KEYS[table]]


def expect_error(code, funcname, fn, *args):
    with pytest.raises(win32net.error) as e:
        fn(*args)
    assert (e.value.winerror, e.value.funcname) == (code, funcname), e.value.args
    return e.value


def test_arity_levels_and_local_uses_before_anything_is_sent():
    # Formats with a name suffix name the function in CPython's message.
    with pytest.raises(TypeError, match=r"^NetMessageNameAdd\(\) takes exactly 2 arguments \(1 given\)$"):
        win32net.NetMessageNameAdd(None)
    with pytest.raises(TypeError, match=r"^NetGetJoinInformation\(\) takes at most 1 argument \(2 given\)$"):
        win32net.NetGetJoinInformation(None, None)
    with pytest.raises(TypeError, match=r"^function takes exactly 2 arguments \(1 given\)$"):
        win32net.NetWkstaGetInfo(None)
    with pytest.raises(TypeError, match="no keyword arguments"):
        win32net.NetGetDCName(server=None)
    for fn, args in [
        (win32net.NetWkstaGetInfo, (NOWHERE, 302)),
        (win32net.NetWkstaSetInfo, (NOWHERE, 1013, {})),
        (win32net.NetWkstaUserEnum, (NOWHERE, 2)),
        (win32net.NetWkstaTransportEnum, (NOWHERE, 1)),
        (win32net.NetWkstaTransportAdd, (NOWHERE, 1, {})),
        (win32net.NetUseEnum, (None, 7)),
        (win32net.NetUseGetInfo, (None, "\\\\h\\IPC$", 4)),
    ]:
        with pytest.raises(ValueError, match="^This information level is not supported$"):
            fn(*args)
    with pytest.raises(TypeError):
        win32net.NetValidateName(NOWHERE, None, 1)
    # The process's table: empty, local only.
    assert win32net.NetUseEnum(None, 2) == ([], 0, 0)
    assert win32net.NetUseEnum("", 0, 0, -1) == ([], 0, 0)
    expect_error(50, "NetUseEnum", win32net.NetUseEnum, "elsewhere", 1)
    expect_error(87, "NetUseGetInfo", win32net.NetUseGetInfo, None, None)
    expect_error(2250, "NetUseGetInfo", win32net.NetUseGetInfo, None, "\\\\h\\IPC$")
    expect_error(124, "NetUseEnum", win32net.NetUseEnum, None, 3)  # in the table, not the OS's
    # No credentials for the server: access denied, nothing sent.
    for fn, args in [
        (win32net.NetWkstaGetInfo, (NOWHERE, 100)),
        (win32net.NetGetDCName, (NOWHERE,)),
        (win32net.NetGetJoinInformation, (NOWHERE,)),
        (win32net.NetMessageNameEnum, (NOWHERE,)),
    ]:
        assert expect_error(5, fn.__name__, fn, *args).strerror == "Access is denied."


def test_wksta_get_info_shapes_and_samba_s_refusals(admin):
    for level in (100, 101):
        d = win32net.NetWkstaGetInfo(admin.ip, level)
        assert list(d) == keys("WKSTA_INFO_%d" % level)
        assert d["computername"] == admin.name and d["platform_id"] == 500
    if admin.key == "fs":
        d = win32net.NetWkstaGetInfo(admin.ip, 102)
        assert list(d) == keys("WKSTA_INFO_102")
        assert isinstance(d["logged_on_users"], int)
        expect_error(124, "NetWkstaGetInfo", win32net.NetWkstaGetInfo, admin.ip, 502)
    else:
        expect_error(5, "NetWkstaGetInfo", win32net.NetWkstaGetInfo, admin.ip, 102)
    # NetWkstaSetInfo, the transports, statistics, join information, validation: not in Samba.
    expect_error(1745, "NetWkstaSetInfo", win32net.NetWkstaSetInfo, admin.ip, 502, {"keep_conn": 600})
    expect_error(1745, "NetWkstaTransportAdd", win32net.NetWkstaTransportAdd, admin.ip, 0,
                 {"transport_name": "\\Device\\NetbiosSmb"})
    expect_error(1745, "NetWkstaTransportDel", win32net.NetWkstaTransportDel, admin.ip, None)
    expect_error(1745, "NetGetJoinInformation", win32net.NetGetJoinInformation, admin.ip)
    expect_error(1745, "NetValidateName", win32net.NetValidateName, admin.ip, "NLPNAME",
                 win32netcon.NetSetupMachine)
    expect_error(1745, "NetValidateName", win32net.NetValidateName, admin.ip, admin.domain,
                 win32netcon.NetSetupDomain, admin.admin, admin.password)
    expect_error(1745, "NetStatisticsGet", win32net.NetStatisticsGet, admin.ip, win32net.SERVICE_WORKSTATION)
    code = 1745 if admin.key == "fs" else 50
    expect_error(code, "NetWkstaTransportEnum", win32net.NetWkstaTransportEnum, admin.ip, 0)


def test_wksta_user_enum(admin):
    if admin.key == "dc":
        expect_error(1745, "NetWkstaUserEnum", win32net.NetWkstaUserEnum, admin.ip, 1)
        return
    for level in (0, 1):
        users, total, resume = win32net.NetWkstaUserEnum(admin.ip, level)
        assert (total, resume) == (len(users), 0)
        assert all(list(u) == keys("WKSTA_USER_INFO_%d" % level) for u in users)


def test_dc_names_and_the_messenger(admin):
    if admin.key == "dc":
        assert win32net.NetGetDCName(admin.ip, admin.domain) == "\\\\DC1"
        assert win32net.NetGetDCName(admin.ip) == "\\\\DC1"
        expect_error(2453, "NetGetDCName", win32net.NetGetDCName, admin.ip, "lab.example")
        expect_error(1355, "NetGetAnyDCName", win32net.NetGetAnyDCName, admin.ip, admin.domain)
    else:
        e = expect_error(2184, "NetGetDCName", win32net.NetGetDCName, admin.ip)
        assert e.strerror == "The service has not been started."
        expect_error(2184, "NetGetAnyDCName", win32net.NetGetAnyDCName, admin.ip)
    expect_error(2184, "NetMessageNameEnum", win32net.NetMessageNameEnum, admin.ip)
    expect_error(2184, "NetMessageNameAdd", win32net.NetMessageNameAdd, admin.ip, "NLPNAME")
    expect_error(2184, "NetMessageNameDel", win32net.NetMessageNameDel, admin.ip, "NLPNAME")
    expect_error(50, "NetMessageBufferSend", win32net.NetMessageBufferSend, admin.ip, "NLPNAME", None, "hi")


def test_the_use_table_lists_the_ipc_use_and_a_disk_share(admin):
    uses, total, resume = win32net.NetUseEnum(None, 2)
    assert (total, resume) == (1, 0)
    (u,) = uses
    assert list(u) == keys("USE_INFO_2")
    assert u["remote"] == admin.ipc and u["password"] is None
    assert (u["status"], u["asg_type"], u["usecount"]) == (win32netcon.USE_OK, win32netcon.USE_IPC, 1)
    assert u["username"] == admin.admin
    disk = "\\\\%s\\%s" % (admin.ip, admin.share)
    win32net.NetUseAdd(None, 1, {"remote": disk, "asg_type": win32netcon.USE_WILDCARD, "password": admin.password})
    try:
        d = win32net.NetUseGetInfo(None, disk, 1)
        assert list(d) == keys("USE_INFO_1")
        assert (d["asg_type"], d["status"], d["refcount"]) == (win32netcon.USE_DISKDEV, win32netcon.USE_OK, 0)
        assert list(win32net.NetUseGetInfo(None, disk)) == keys("USE_INFO_0")
        assert [x["remote"] for x in win32net.NetUseEnum(None, 0)[0]] == [admin.ipc, disk]
    finally:
        win32net.NetUseDel(None, disk, win32net.USE_NOFORCE)
    assert win32net.NetUseEnum(None, 1)[1] == 1
