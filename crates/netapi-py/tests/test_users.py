"""The user family of win32net against both lab servers: NetUserAdd/Del/Enum/GetInfo/SetInfo,
NetUserChangePassword, NetUserModalsGet/Set and NetValidatePasswordPolicy, with pywin32's
argument rules, return shapes (key order of every level), errors (winerror, funcname) and the
scenarios of pywin32's tests and demos (tests-and-demos.md: CreateUser, UserEnum, GetInfo,
SetInfo round trip, NetValidatePasswordPolicy).

Accounts are named nlp_py_<pid>_<n> and deleted again. quirk(samba-4.17): the file server needs
about a second between account writes (tools/LAB.md), so writes there are spaced.
"""

import itertools
import os
import subprocess
import time

import pytest

import pywintypes
import win32net
import win32netcon

from conftest import SERVERS, need_lab, spec_levels

SPEC = spec_levels()
PY_TYPES = {"str": str, "int": int, "bool": bool, "bytes": bytes}
_counter = itertools.count()
PASSWORD = "Nlp.Py-Passw0rd1"


def unique():
    return "nlp_py_%d_%d" % (os.getpid() % 100000, next(_counter))


def settle(server):
    if server.key == "fs":
        time.sleep(1.2)


def check_shape(d, struct):
    assert type(d) is dict
    entries = SPEC[struct]
    assert list(d) == [e["key"] for e in entries], struct
    for e in entries:
        v = d[e["key"]]
        if e["type"] in PY_TYPES:
            ok = type(v) is PY_TYPES[e["type"]] or (v is None and e["nullable"])
            assert ok, (struct, e["key"], v)
            if e.get("conversion") == "DWORD":
                assert 0 <= v < 2**32, (struct, e["key"], v)
        elif e["type"] == "PySID":
            assert v is None or isinstance(v, pywintypes.SIDType), (struct, e["key"], v)


def expect_error(code, funcname, fn, *args):
    with pytest.raises(win32net.error) as e:
        fn(*args)
    assert (e.value.winerror, e.value.funcname) == (code, funcname), e.value.args
    return e.value


@pytest.fixture
def account(admin):
    """A fresh account (UF_SCRIPT | UF_NORMAL_ACCOUNT, PASSWORD), deleted afterwards."""
    name = unique()
    add = {
        "name": name,
        "password": PASSWORD,
        "priv": win32netcon.USER_PRIV_USER,
        "comment": "made by pytest",
        "flags": win32netcon.UF_NORMAL_ACCOUNT | win32netcon.UF_SCRIPT,
    }
    try:
        win32net.NetUserAdd(admin.ip, 1, add)
    except win32net.error as e:
        # quirk(samba-4.17): a create too soon after another write on the file server fails.
        if admin.key != "fs" or e.winerror != 2221:
            raise
        time.sleep(3)
        win32net.NetUserAdd(admin.ip, 1, add)
    settle(admin)
    yield name
    try:
        win32net.NetUserDel(admin.ip, name)
    except win32net.error:
        pass
    settle(admin)


def logon(server, user, password):
    conf = os.environ["NETAPI_LAB_CLIENT_CONF"]
    r = subprocess.run(
        ["smbclient", "-s", conf, "//%s/IPC$" % server.ip, "-U",
         "%s\\%s%%%s" % (server.domain, user, password), "-c", "exit"],
        capture_output=True,
    )
    return r.returncode == 0


# ---- NetUserAdd / GetInfo / SetInfo / Del (pywin32's CreateUser, GetInfo, SetInfo demos) ----


def test_create_user_demo(admin):
    """tests-and-demos.md CreateUser: add at level 1, a wrong old password raises, the right one
    changes it, delete."""
    name = unique()
    with pytest.raises(win32net.error):
        win32net.NetUserDel(admin.ip, name)
    win32net.NetUserAdd(admin.ip, 1, {
        "name": name, "password": PASSWORD, "priv": win32netcon.USER_PRIV_USER,
        "comment": "Delete me - created by Python test code",
        "flags": win32netcon.UF_NORMAL_ACCOUNT | win32netcon.UF_SCRIPT,
    })
    try:
        settle(admin)
        e = expect_error(86, "NetUserChangePassword", win32net.NetUserChangePassword,
                         admin.ip, name, "Wrong.Passw0rd9", "New.Passw0rd-7")
        assert e.strerror
        settle(admin)
        win32net.NetUserChangePassword(admin.ip, name, PASSWORD, "New.Passw0rd-7")
        settle(admin)
        assert logon(admin, name, "New.Passw0rd-7")
    finally:
        win32net.NetUserDel(admin.ip, name)
        settle(admin)
    expect_error(2221, "NetUserGetInfo", win32net.NetUserGetInfo, admin.ip, name, 1)


@pytest.mark.parametrize("level", [0, 1, 2, 3, 4, 10, 11, 20])
def test_get_info_shapes(admin, account, level):
    d = win32net.NetUserGetInfo(admin.ip, account, level)
    check_shape(d, "USER_INFO_%d" % level)
    if "name" in d:
        assert d["name"] == account
    if "password" in d:
        assert d["password"] is None
    if "flags" in d:
        assert d["flags"] == win32netcon.UF_NORMAL_ACCOUNT | win32netcon.UF_SCRIPT
    if "priv" in d:
        assert d["priv"] == win32netcon.USER_PRIV_USER
    if level == 4:
        assert isinstance(d["user_sid"], pywintypes.SIDType)
        assert str(d["user_sid"]).startswith("PySID:S-1-5-21-")
        assert d["units_per_week"] == 168 and type(d["logon_hours"]) is bytes
        assert len(d["logon_hours"]) == 21


def test_levels_windows_documents_beyond_pywin32(admin, account):
    d = win32net.NetUserGetInfo(admin.ip, account, 23)
    assert list(d) == ["name", "full_name", "comment", "flags", "user_sid"]
    assert isinstance(d["user_sid"], pywintypes.SIDType)
    d24 = win32net.NetUserGetInfo(admin.ip, account, 24)
    assert list(d24) == ["internet_identity", "flags", "internet_provider_name",
                         "internet_principal_name", "user_sid"]
    assert d24["internet_identity"] is False and d24["user_sid"] == d["user_sid"]
    win32net.NetUserSetInfo(admin.ip, account, 1012, {"usr_comment": "from 1012"})
    assert win32net.NetUserGetInfo(admin.ip, account, 2)["usr_comment"] == "from 1012"


def test_get_info_levels_the_os_refuses(admin, account):
    # In pywin32's table but not NetUserGetInfo's (Windows answers 124).
    expect_error(124, "NetUserGetInfo", win32net.NetUserGetInfo, admin.ip, account, 1003)
    with pytest.raises(ValueError, match="This information level is not supported"):
        win32net.NetUserGetInfo(admin.ip, account, 21)


def test_set_info_round_trip_demo(admin, account):
    """tests-and-demos.md SetInfo: a level-3 dict read back is accepted unchanged."""
    old = win32net.NetUserGetInfo(admin.ip, account, 3)
    new = dict(old)
    new["usr_comment"] = "Test comment"
    win32net.NetUserSetInfo(admin.ip, account, 3, new)
    assert str(win32net.NetUserGetInfo(admin.ip, account, 3)["usr_comment"]) == "Test comment"
    settle(admin)
    win32net.NetUserSetInfo(admin.ip, account, 3, old)
    back = win32net.NetUserGetInfo(admin.ip, account, 3)
    back.pop("password_age")
    old.pop("password_age")
    assert back == old


def test_password_never_expires_recipe(admin, account):
    """tests-and-demos.md (help file): flags | UF_DONT_EXPIRE_PASSWD at level 1008."""
    d = win32net.NetUserGetInfo(admin.ip, account, 3)
    win32net.NetUserSetInfo(admin.ip, account, 1008,
                            {"flags": d["flags"] | win32netcon.UF_DONT_EXPIRE_PASSWD})
    assert win32net.NetUserGetInfo(admin.ip, account, 1)["flags"] & win32netcon.UF_DONT_EXPIRE_PASSWD


def test_set_info_single_levels(admin, account):
    for level, data, key in [
        (1006, {"home_dir": "\\\\h\\x"}, "home_dir"),
        (1007, {"comment": "one"}, "comment"),
        (1009, {"script_path": "s.bat"}, "script_path"),
        (1011, {"full_name": "Full"}, "full_name"),
    ]:
        settle(admin)
        win32net.NetUserSetInfo(admin.ip, account, level, data)
        assert win32net.NetUserGetInfo(admin.ip, account, 2)[key] == data[key]
    settle(admin)
    win32net.NetUserSetInfo(admin.ip, account, 1003, {"password": "Nlp.Level-1003"})
    settle(admin)
    assert logon(admin, account, "Nlp.Level-1003")
    # 1005: the current priv is accepted; another is ERROR_INVALID_PARAMETER (as Windows).
    win32net.NetUserSetInfo(admin.ip, account, 1005, {"priv": win32netcon.USER_PRIV_USER})
    expect_error(87, "NetUserSetInfo", win32net.NetUserSetInfo, admin.ip, account, 1005,
                 {"priv": win32netcon.USER_PRIV_ADMIN})
    # 1010: auth_flags is mis-declared as a string (quirk(pywin32)): an int is a TypeError.
    with pytest.raises(TypeError, match="can not be converted to Unicode"):
        win32net.NetUserSetInfo(admin.ip, account, 1010, {"auth_flags": 1})
    win32net.NetUserSetInfo(admin.ip, account, 1010, {"auth_flags": None})
    # Hours are bytes of exactly 21.
    with pytest.raises(TypeError, match="exactly length 21"):
        win32net.NetUserSetInfo(admin.ip, account, 1020, {"logon_hours": b"\xff" * 20})


def test_add_errors(admin, account):
    base = {"password": PASSWORD, "priv": 1, "flags": win32netcon.UF_NORMAL_ACCOUNT}
    expect_error(2224, "NetUserAdd", win32net.NetUserAdd, admin.ip, 1, dict(base, name=account))
    expect_error(2202, "NetUserAdd", win32net.NetUserAdd, admin.ip, 1, dict(base, name="a/b"))
    expect_error(87, "NetUserAdd", win32net.NetUserAdd, admin.ip, 1,
                 dict(base, name=unique(), priv=win32netcon.USER_PRIV_ADMIN))
    expect_error(124, "NetUserAdd", win32net.NetUserAdd, admin.ip, 0, {"name": unique()})
    with pytest.raises(ValueError):
        win32net.NetUserAdd(admin.ip, 21, {"name": unique()})
    with pytest.raises(TypeError, match="must be a mapping"):
        win32net.NetUserAdd(admin.ip, 1, 42)
    with pytest.raises(TypeError):
        win32net.NetUserAdd(admin.ip, 1, {"name": 5})
    with pytest.raises(TypeError, match="takes no keyword arguments"):
        win32net.NetUserAdd(admin.ip, 1, data={})
    with pytest.raises(TypeError, match="exactly 3 arguments"):
        win32net.NetUserAdd(admin.ip, 1)


def test_access_denied_for_an_ordinary_user(server):
    server.use_user()
    expect_error(5, "NetUserAdd", win32net.NetUserAdd, server.ip, 1,
                 {"name": unique(), "password": PASSWORD, "priv": 1,
                  "flags": win32netcon.UF_NORMAL_ACCOUNT})
    expect_error(5, "NetUserDel", win32net.NetUserDel, server.ip, server.admin)


def test_unknown_users(admin):
    for fn, args in [
        (win32net.NetUserGetInfo, (admin.ip, "nlp_no_such_user", 1)),
        (win32net.NetUserSetInfo, (admin.ip, "nlp_no_such_user", 1007, {"comment": "x"})),
        (win32net.NetUserDel, (admin.ip, "nlp_no_such_user")),
    ]:
        expect_error(2221, fn.__name__, fn, *args)
    with pytest.raises(TypeError, match="None is not a valid string"):
        win32net.NetUserGetInfo(admin.ip, None, 1)


# ---- NetUserEnum (pywin32's UserEnum demo) -----------------------------------------------------


@pytest.mark.parametrize("level", [0, 1, 2, 3, 10, 11, 20])
def test_user_enum_demo(admin, level):
    """tests-and-demos.md UserEnum: loop with the resume handle until it reads 0."""
    resume = 0
    names = []
    while True:
        data, total, resume = win32net.NetUserEnum(
            admin.ip, level, win32netcon.FILTER_NORMAL_ACCOUNT, resume)
        assert type(total) is int and total >= len(data)
        for u in data:
            check_shape(u, "USER_INFO_%d" % level)
            names.append(u["name"])
        if not resume:
            break
    assert admin.user in names and len(names) == len(set(names))


def test_user_enum_arguments(admin):
    users, total, resume = win32net.NetUserEnum(admin.ip, 0)  # filter defaults to NORMAL
    assert resume == 0 and admin.user in [u["name"] for u in users]
    every, _, _ = win32net.NetUserEnum(admin.ip, 0, 0)
    assert len(every) >= len(users)
    with pytest.raises(TypeError):
        win32net.NetUserEnum(admin.ip, 0, 2, None)  # a C int, not None
    expect_error(124, "NetUserEnum", win32net.NetUserEnum, admin.ip, 1003)
    with pytest.raises(ValueError):
        win32net.NetUserEnum(admin.ip, 23)


# ---- modals --------------------------------------------------------------------------------


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_modals_get_shapes(admin, level):
    d = win32net.NetUserModalsGet(admin.ip, level)
    check_shape(d, "USER_MODALS_INFO_%d" % level)
    if level == 2:
        assert isinstance(d["domain_id"], pywintypes.SIDType)
        assert d["domain_name"] in (admin.name, admin.domain)


def test_localized_names_demo(admin):
    """tests-and-demos.md: NetUserModalsGet level 2's domain_id builds well-known SIDs."""
    sid = win32net.NetUserModalsGet(admin.ip, 2)["domain_id"]
    u4 = win32net.NetUserGetInfo(admin.ip, admin.user, 4)
    assert str(u4["user_sid"]).startswith(str(sid) + "-")


def test_modals_set_restores(admin):
    old0 = win32net.NetUserModalsGet(admin.ip, 0)
    old3 = win32net.NetUserModalsGet(admin.ip, 3)
    try:
        win32net.NetUserModalsSet(admin.ip, 0, dict(old0, min_passwd_len=old0["min_passwd_len"] + 1))
        assert win32net.NetUserModalsGet(admin.ip, 0)["min_passwd_len"] == old0["min_passwd_len"] + 1
        win32net.NetUserModalsSet(admin.ip, 1005, {"password_hist_len": 3})
        assert win32net.NetUserModalsGet(admin.ip, 0)["password_hist_len"] == 3
        win32net.NetUserModalsSet(admin.ip, 3, dict(old3, lockout_threshold=9))
        assert win32net.NetUserModalsGet(admin.ip, 3)["lockout_threshold"] == 9
    finally:
        win32net.NetUserModalsSet(admin.ip, 0, old0)
        win32net.NetUserModalsSet(admin.ip, 3, old3)
    assert win32net.NetUserModalsGet(admin.ip, 0) == old0
    assert win32net.NetUserModalsGet(admin.ip, 3) == old3
    with pytest.raises(ValueError):
        win32net.NetUserModalsGet(admin.ip, 1001)


# ---- NetValidatePasswordPolicy (the demo) ------------------------------------------------------


def test_validate_password_policy_demo():
    need_lab()
    dc = SERVERS["dc"]
    dc.unuse()
    dc.use_admin()
    try:
        fields, status = win32net.NetValidatePasswordPolicy(
            dc.ip, None, win32netcon.NetValidatePasswordChange,
            {"ClearPassword": "a", "PasswordMatch": True, "UserAccountName": "nlp_app"})
        assert (fields, status) == ({}, 2245)
        fields, status = win32net.NetValidatePasswordPolicy(
            dc.ip, None, win32netcon.NetValidatePasswordChange,
            (None, "Nlp.Valid-Passw0rd-7", None, None, 1))
        assert status in (0, 2701)
        # quirk(samba-4.17): no authentication validation (Windows: 2701 without history).
        expect_error(50, "NetValidatePasswordPolicy", win32net.NetValidatePasswordPolicy,
                     dc.ip, None, win32netcon.NetValidateAuthentication, {"PasswordMatched": True})
        with pytest.raises(ValueError, match="The Qualifier arg must be None"):
            win32net.NetValidatePasswordPolicy(dc.ip, "q", 2, {})
        with pytest.raises(ValueError, match=r"Unknown validation type \(3\)"):
            win32net.NetValidatePasswordPolicy(dc.ip, None, 3, {})
        with pytest.raises(TypeError, match="Must be tuple or dict"):
            win32net.NetValidatePasswordPolicy(dc.ip, None, 2, [])
        with pytest.raises(TypeError, match="invalid keyword argument"):
            win32net.NetValidatePasswordPolicy(dc.ip, None, 2, {"Bogus": 1})
        with pytest.raises(ValueError, match="InputPersistedFiles not yet implemented"):
            win32net.NetValidatePasswordPolicy(dc.ip, None, 1, {"InputPersistedFields": {}})
    finally:
        dc.unuse()
    # The file server has no TCP endpoint.
    fs = SERVERS["fs"]
    fs.unuse()
    fs.use_admin()
    try:
        expect_error(1722, "NetValidatePasswordPolicy", win32net.NetValidatePasswordPolicy,
                     fs.ip, None, 2, {"ClearPassword": "a"})
    finally:
        fs.unuse()
