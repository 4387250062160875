"""The IPC$ credential flow: NetUseAdd authenticates a server for the process (the session is
set up at once, so a wrong password fails there), every later call to that server uses it, and
NetUseDel forgets it and logs the session off — cross-checked with Samba's `smbstatus -b`."""

import pytest

import win32net
import win32netcon

from conftest import smbstatus_sessions, wait_until


def pids(srv):
    return {pid for pid, _ in smbstatus_sessions(srv)}


def expect_error(code, funcname, fn, *args):
    with pytest.raises(win32net.error) as e:
        fn(*args)
    assert (e.value.winerror, e.value.funcname) == (code, funcname), e.value.args
    return e.value


def test_admin_use_works_and_netusedel_logs_the_session_off(server):
    before = pids(server)
    server.use_admin()
    new = pids(server) - before
    assert len(new) == 1, smbstatus_sessions(server)  # set up by NetUseAdd itself
    for spelling in (server.ip, "\\\\" + server.ip):
        shares, total, resume = win32net.NetShareEnum(spelling, 1)
        assert total == len(shares) and resume == 0
    assert win32net.NetSessionEnum(1, server.ip)  # an administrator's call
    assert pids(server) - before == new  # calls went over the use's session
    win32net.NetUseDel(None, server.ipc, win32net.USE_LOTS_OF_FORCE)
    assert wait_until(lambda: not (pids(server) & new)), smbstatus_sessions(server)
    # Forgotten: no credentials are left for the server.
    expect_error(5, "NetShareEnum", win32net.NetShareEnum, server.ip, 1)
    expect_error(2250, "NetUseDel", win32net.NetUseDel, None, server.ipc, win32net.USE_LOTS_OF_FORCE)


def test_wrong_password_fails_cleanly_at_netuseadd(server):
    before = pids(server)
    e = expect_error(1326, "NetUseAdd", server.use, server.admin, "not the password")
    assert e.strerror == "The user name or password is incorrect."
    assert wait_until(lambda: pids(server) <= before)
    expect_error(5, "NetServerGetInfo", win32net.NetServerGetInfo, server.ip, 101)
    expect_error(2250, "NetUseDel", win32net.NetUseDel, None, server.ipc)


def test_ordinary_user_is_denied_where_windows_denies(server):
    server.use_user()
    assert win32net.NetShareEnum(server.ip, 1)[0]
    assert win32net.NetServerGetInfo(server.ip, 101)["name"].upper() == server.name.upper()
    expect_error(5, "NetSessionEnum", win32net.NetSessionEnum, 1, server.ip)
    expect_error(5, "NetFileEnum", win32net.NetFileEnum, 3, server.ip)
    expect_error(5, "NetShareAdd", win32net.NetShareAdd, server.ip, 2,
                 {"netname": "nlpy-denied", "type": 0, "path": server.scratch_win})
    expect_error(5, "NetShareDel", win32net.NetShareDel, server.ip, server.share)


def test_one_set_of_credentials_per_server(server):
    server.use_admin()
    e = expect_error(1219, "NetUseAdd", server.use_user)
    assert e.strerror.startswith("Multiple connections to a server")
    server.use_admin()  # the same credentials again: counted
    assert win32net.NetSessionEnum(1, server.ip)  # still the administrator
    win32net.NetUseDel(None, server.ipc.lower())
    expect_error(2250, "NetUseDel", win32net.NetUseDel, None, server.ipc)
    server.use_user()  # now another user may have it
    expect_error(5, "NetSessionEnum", win32net.NetSessionEnum, 1, server.ip)


def test_environment_defaults(server, monkeypatch):
    monkeypatch.setenv("NETAPI_USER", server.domain + "\\" + server.admin)
    monkeypatch.setenv("NETAPI_PASSWORD", server.password)
    assert win32net.NetSessionEnum(1, server.ip)
    # The user name without a domain takes NETAPI_DOMAIN.
    monkeypatch.setenv("NETAPI_USER", server.user)
    monkeypatch.setenv("NETAPI_DOMAIN", server.domain)
    monkeypatch.setenv("NETAPI_PASSWORD", server.user_password)
    expect_error(5, "NetSessionEnum", win32net.NetSessionEnum, 1, server.ip)
    # A use wins over the defaults, and NetUseDel brings them back.
    server.use_admin()
    assert win32net.NetSessionEnum(1, server.ip)
    win32net.NetUseDel(None, server.ipc)
    expect_error(5, "NetSessionEnum", win32net.NetSessionEnum, 1, server.ip)
    # A wrong default password fails at the call.
    monkeypatch.setenv("NETAPI_PASSWORD", "not the password")
    expect_error(1326, "NetShareEnum", win32net.NetShareEnum, server.ip, 1)


def test_use_levels_and_default_user(server, monkeypatch):
    # Level 1 has no user name: the process's default user, with the password given.
    monkeypatch.setenv("NETAPI_USER", server.domain + "\\" + server.admin)
    monkeypatch.setenv("NETAPI_PASSWORD", "the use's password is used instead")
    win32net.NetUseAdd(None, 1, {"remote": server.ipc, "password": server.password,
                                 "asg_type": win32netcon.USE_IPC})
    assert win32net.NetSessionEnum(1, server.ip)
    win32net.NetUseDel(None, server.ipc)
    # Level 3 (USE_INFO_2 plus flags), USE_WILDCARD, and a DOMAIN\user name.
    win32net.NetUseAdd(None, 3, {"remote": server.ipc, "username": server.domain + "\\" + server.admin,
                                 "password": server.password, "asg_type": win32netcon.USE_WILDCARD,
                                 "flags": 0})
    assert win32net.NetSessionEnum(1, server.ip)


def test_none_server_is_netapi_server(server, monkeypatch):
    server.use_admin()
    monkeypatch.setenv("NETAPI_SERVER", server.ip)
    assert win32net.NetShareEnum(None, 0)[0] == win32net.NetShareEnum(server.ip, 0)[0]
    assert win32net.NetServerGetInfo("", 100)["name"].upper() == server.name.upper()
