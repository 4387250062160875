"""The group functions: NetGroup*, NetLocalGroup*, NetUserGetGroups and NetUserGetLocalGroups.

Argument errors first (nothing is sent: no server is named that could answer), in pywin32's
order and with its texts (win32net-functions.md §3–4); then both lab servers: return shapes
and key order of every level, SIDs as pywintypes.SID, pywin32's own shapes (NetUserGetGroups'
[(name, attributes)], NetUserGetLocalGroups' [name], NetLocalGroupDelMembers' plain strings,
the 4096-byte default prefLen of the member lists), Windows' error codes, and whole
lifecycles cross-checked with Samba's `net rpc group members`. Objects are named
`nlp_py_<pid>_<n>` and deleted again; account writes on the file server are spaced by a
second (tools/LAB.md).
"""

import itertools
import os
import subprocess
import time

import pytest

import pywintypes
import win32net

from conftest import spec_levels
from test_args import LEVEL, NONE_STR, UNICODE, raises

SPEC = spec_levels()
SEQUENCE = "Data must be a sequence of dictionaries"
_n = itertools.count()


def unique(tag):
    return "nlp_py_%s_%d_%d" % (tag, os.getpid(), next(_n))


def settle(srv):
    if srv.key == "fs":
        time.sleep(1.1)


def check_shape(d, struct):
    assert type(d) is dict
    entries = SPEC[struct]
    assert list(d) == [e["key"] for e in entries], struct
    for e in entries:
        v = d[e["key"]]
        if e["type"] == "PySID":
            assert v is None or isinstance(v, pywintypes.SIDType), (struct, e["key"], v)
        elif e["type"] == "str":
            assert v is None or type(v) is str, (struct, e["key"], v)
        elif e["type"] == "int":
            assert type(v) is int and 0 <= v < 2**32, (struct, e["key"], v)


def expect_error(code, funcname, fn, *args):
    with pytest.raises(win32net.error) as e:
        fn(*args)
    assert (e.value.winerror, e.value.funcname) == (code, funcname), e.value.args
    return e.value


def net_members(srv, group):
    """`net rpc group members GROUP` (Samba's own client) as the server's administrator."""
    out = subprocess.run(
        ["net", "-s", os.environ["NETAPI_LAB_CLIENT_CONF"], "rpc", "group", "members", group,
         "-S", srv.ip, "-U", "%s\\%s%%%s" % (srv.domain, srv.admin, srv.password)],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    return sorted(l for l in out.splitlines() if l.strip())


# ---- arguments (nothing sent) ----------------------------------------------------------------
NOWHERE = "192.0.2.1"


def test_named_formats_say_their_name_in_arity_errors():
    raises(TypeError, "NetUserGetGroups() takes exactly 2 arguments (1 given)", win32net.NetUserGetGroups, None)
    raises(TypeError, "NetUserGetGroups() takes exactly 2 arguments (3 given)",
           win32net.NetUserGetGroups, None, "u", 1)
    raises(TypeError, "NetUserGetLocalGroups() takes at least 2 arguments (1 given)",
           win32net.NetUserGetLocalGroups, None)
    raises(TypeError, "NetUserGetLocalGroups() takes at most 3 arguments (4 given)",
           win32net.NetUserGetLocalGroups, None, "u", 1, 2)
    for name, few, many in [("NetGroupGetUsers", 2, 6), ("NetGroupSetUsers", 3, 5), ("NetGroupAddUser", 2, 4),
                            ("NetLocalGroupGetMembers", 2, 6), ("NetLocalGroupDelMembers", 2, 4),
                            ("NetGroupEnum", 1, 5)]:
        fn = getattr(win32net, name)
        with pytest.raises(TypeError, match="^function takes"):
            fn(*([None] * few))
        with pytest.raises(TypeError, match="^function takes"):
            fn(*([None] * many))


def test_the_docstrings_are_pywin32s():
    assert win32net.NetUserGetGroups.__doc__ == "Updated - New Behavior"
    assert win32net.NetUserGetLocalGroups.__doc__ == "Updated - New Behavior"
    assert win32net.NetGroupEnum.__doc__ is None and win32net.NetLocalGroupGetMembers.__doc__ is None


def test_levels_are_pywin32s_tables():
    # GROUP_INFO has 0, 1, 2, 1002, 1005 in pywin32 (no 3); checked after the strings.
    raises(ValueError, LEVEL, win32net.NetGroupEnum, NOWHERE, 3)
    raises(ValueError, LEVEL, win32net.NetGroupGetInfo, NOWHERE, "g", 3)
    raises(ValueError, LEVEL, win32net.NetGroupGetUsers, NOWHERE, "g", 2)
    raises(ValueError, LEVEL, win32net.NetLocalGroupGetMembers, NOWHERE, "g", 4)
    raises(ValueError, LEVEL, win32net.NetLocalGroupEnum, NOWHERE, 2)
    # A bad server type wins over a bad level; the group name comes before the level.
    raises(TypeError, UNICODE.format("int"), win32net.NetGroupGetInfo, 5, "g", 99)
    raises(TypeError, NONE_STR, win32net.NetLocalGroupGetInfo, NOWHERE, None, 99)


def test_member_sequences_follow_pywin32():
    raises(TypeError, SEQUENCE, win32net.NetGroupSetUsers, NOWHERE, "g", 0, 5)
    raises(TypeError, SEQUENCE, win32net.NetLocalGroupSetMembers, NOWHERE, "g", 0, None)
    raises(TypeError, "The object must be a mapping", win32net.NetLocalGroupAddMembers, NOWHERE, "g", 3, [5])
    raises(TypeError, "The object is not a PySID object", win32net.NetLocalGroupAddMembers,
           NOWHERE, "g", 0, [{"sid": "S-1-5-32-544"}])
    raises(TypeError, "The mapping attribute 'attributes' must be an unsigned 32 bit int",
           win32net.NetGroupSetUsers, NOWHERE, "g", 1, [{"name": "u", "attributes": "x"}])
    # NetLocalGroupDelMembers takes plain strings (pywin32 issue #2178: no level argument).
    raises(TypeError, SEQUENCE, win32net.NetLocalGroupDelMembers, NOWHERE, "g", 5)
    raises(TypeError, NONE_STR, win32net.NetLocalGroupDelMembers, NOWHERE, "g", [None])
    raises(TypeError, UNICODE.format("dict"), win32net.NetLocalGroupDelMembers, NOWHERE, "g",
           [{"domainandname": "x"}])


def test_add_user_converts_the_username_first():
    # (server, group, username): username (3rd) is converted before group (2nd).
    raises(TypeError, NONE_STR, win32net.NetGroupAddUser, NOWHERE, 1, None)
    raises(TypeError, UNICODE.format("int"), win32net.NetGroupDelUser, NOWHERE, 1, "u")


# ---- both lab servers ------------------------------------------------------------------------
@pytest.mark.parametrize("level", [0, 1, 2])
def test_group_enum_and_info_shapes(admin, level):
    groups, total, resume = win32net.NetGroupEnum(admin.ip, level)
    assert resume == 0 and type(total) is int
    for g in groups:
        check_shape(g, "GROUP_INFO_%d" % level)
    assert "LabGroup" in [g["name"] for g in groups]
    info = win32net.NetGroupGetInfo(admin.ip, "LabGroup", level)
    check_shape(info, "GROUP_INFO_%d" % level)
    if level == 2:
        assert info["attributes"] == 7 and info["group_id"] >= 1000


def test_group_levels_windows_does_not_serve(admin):
    # In pywin32's table, refused by the API: 124.
    expect_error(124, "NetGroupGetInfo", win32net.NetGroupGetInfo, admin.ip, "LabGroup", 1002)
    expect_error(124, "NetLocalGroupGetInfo", win32net.NetLocalGroupGetInfo, admin.ip, "LabLocal", 0)


def test_members_and_users_groups_shapes(admin):
    users, total, resume = win32net.NetGroupGetUsers(admin.ip, "LabGroup", 1)
    assert (total, resume) == (len(users), 0)
    for u in users:
        check_shape(u, "GROUP_USERS_INFO_1")
    assert {"name": admin.user, "attributes": 7} in users
    # NetUserGetGroups: [(name, attributes)], attributes as signed ints.
    groups = win32net.NetUserGetGroups(admin.ip, admin.user)
    assert type(groups) is list and all(type(g) is tuple and len(g) == 2 for g in groups)
    assert ("LabGroup", 7) in groups
    # NetUserGetLocalGroups: [name], indirect by default.
    local = win32net.NetUserGetLocalGroups(admin.ip, admin.user)
    assert type(local) is list and all(type(n) is str for n in local)
    assert "LabLocal" in local and "Users" in local
    direct = win32net.NetUserGetLocalGroups(admin.ip, admin.user, 0)
    assert set(direct) <= set(local) and "LabLocal" in direct
    expect_error(2221, "NetUserGetGroups", win32net.NetUserGetGroups, admin.ip, "nlp_py_no_such_user")
    expect_error(2221, "NetUserGetLocalGroups", win32net.NetUserGetLocalGroups, admin.ip, "nlp_py_no_such_user")


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_local_group_members_shapes(admin, level):
    members, total, resume = win32net.NetLocalGroupGetMembers(admin.ip, "Administrators", level)
    assert (total, resume) == (len(members), 0) and members
    for m in members:
        check_shape(m, "LOCALGROUP_MEMBERS_INFO_%d" % level)
    if level in (0, 1, 2):
        assert all(str(m["sid"]).startswith("PySID:S-1-5-") for m in members)
    if level in (2, 3):
        assert all("\\" in m["domainandname"] for m in members)
    groups, _, _ = win32net.NetLocalGroupEnum(admin.ip, 1)
    names = [g["name"] for g in groups]
    assert names.index("Administrators") < names.index("LabLocal"), "BUILTIN first"
    for g in groups:
        check_shape(g, "LOCALGROUP_INFO_1")
    check_shape(win32net.NetLocalGroupGetInfo(admin.ip, "LabLocal", 1), "LOCALGROUP_INFO_1")


def test_member_lists_page_by_4096_bytes_by_default(admin):
    # pywin32's NetLocalGroupGetMembers/NetGroupGetUsers default prefLen is 4096, and a small
    # prefLen gives several pages whose union is the whole list, once.
    whole, total, resume = win32net.NetLocalGroupGetMembers(admin.ip, "Administrators", 2, None, -1)
    got, handle = [], 0
    while True:
        page, total2, handle = win32net.NetLocalGroupGetMembers(admin.ip, "Administrators", 2, handle, 1)
        assert total2 == total and len(page) == 1
        got += page
        if not handle:
            break
    assert got == whole


def test_group_lifecycle(admin):
    srv = admin
    name = unique("g")
    win32net.NetGroupAdd(srv.ip, 1, {"name": name, "comment": "made by pytest"})
    try:
        settle(srv)
        expect_error(2223, "NetGroupAdd", win32net.NetGroupAdd, srv.ip, 0, {"name": name})
        assert win32net.NetGroupGetInfo(srv.ip, name, 1)["comment"] == "made by pytest"
        win32net.NetGroupSetInfo(srv.ip, name, 1002, {"comment": "changed"})
        settle(srv)
        assert win32net.NetGroupGetInfo(srv.ip, name, 1)["comment"] == "changed"
        win32net.NetGroupAddUser(srv.ip, name, srv.user)
        settle(srv)
        assert net_members(srv, name) == ["%s\\%s" % (srv.domain, srv.user)]
        expect_error(2236, "NetGroupAddUser", win32net.NetGroupAddUser, srv.ip, name, srv.user)
        expect_error(2221, "NetGroupAddUser", win32net.NetGroupAddUser, srv.ip, name, "nlp_py_no_such_user")
        expect_error(2220, "NetGroupAddUser", win32net.NetGroupAddUser, srv.ip, "nlp_py_no_such_group", srv.user)
        expect_error(2237, "NetGroupDelUser", win32net.NetGroupDelUser, srv.ip, name, srv.admin)
        users, total, resume = win32net.NetGroupGetUsers(srv.ip, name, 0)
        assert users == [{"name": srv.user}] and (total, resume) == (1, 0)
        win32net.NetGroupSetUsers(srv.ip, name, 0, [{"name": srv.admin}])
        settle(srv)
        assert net_members(srv, name) == ["%s\\%s" % (srv.domain, srv.admin)]
        win32net.NetGroupSetUsers(srv.ip, name, 1, ())
        settle(srv)
        assert net_members(srv, name) == []
    finally:
        win32net.NetGroupDel(srv.ip, name)
    expect_error(2220, "NetGroupDel", win32net.NetGroupDel, srv.ip, name)
    expect_error(2220, "NetGroupGetInfo", win32net.NetGroupGetInfo, srv.ip, name, 0)


def test_local_group_lifecycle(admin):
    srv = admin
    name = unique("a")
    user = "%s\\%s" % (srv.domain, srv.user)
    win32net.NetLocalGroupAdd(srv.ip, 1, {"name": name, "comment": "made by pytest"})
    try:
        settle(srv)
        expect_error(1379, "NetLocalGroupAdd", win32net.NetLocalGroupAdd, srv.ip, 0, {"name": name})
        win32net.NetLocalGroupAddMembers(srv.ip, name, 3, [{"domainandname": user}])
        settle(srv)
        assert net_members(srv, name) == [user]
        expect_error(1378, "NetLocalGroupAddMembers", win32net.NetLocalGroupAddMembers, srv.ip, name, 3,
                     [{"domainandname": user}])
        expect_error(1387, "NetLocalGroupAddMembers", win32net.NetLocalGroupAddMembers, srv.ip, name, 3,
                     [{"domainandname": "nlp_py_no_such_user"}])
        expect_error(2220, "NetLocalGroupAddMembers", win32net.NetLocalGroupAddMembers, srv.ip,
                     "nlp_py_no_such_alias", 3, [{"domainandname": user}])
        members, _, _ = win32net.NetLocalGroupGetMembers(srv.ip, name, 2)
        assert [(m["domainandname"], m["sidusage"]) for m in members] == [(user, 1)]
        sid = members[0]["sid"]
        # Plain strings out, the same member back in by its pywintypes.SID (level 0).
        win32net.NetLocalGroupDelMembers(srv.ip, name, [srv.user])
        settle(srv)
        assert net_members(srv, name) == []
        expect_error(1377, "NetLocalGroupDelMembers", win32net.NetLocalGroupDelMembers, srv.ip, name, [user])
        win32net.NetLocalGroupAddMembers(srv.ip, name, 0, [{"sid": sid}])
        settle(srv)
        assert net_members(srv, name) == [user]
        win32net.NetLocalGroupSetInfo(srv.ip, name, 1002, {"comment": "changed"})
        settle(srv)
        assert win32net.NetLocalGroupGetInfo(srv.ip, name, 1) == {"name": name, "comment": "changed"}
        win32net.NetLocalGroupSetMembers(srv.ip, name, 3, [])
        settle(srv)
        assert win32net.NetLocalGroupGetMembers(srv.ip, name, 0) == ([], 0, 0)
    finally:
        win32net.NetLocalGroupDel(srv.ip, name)
    expect_error(2220, "NetLocalGroupDel", win32net.NetLocalGroupDel, srv.ip, name)


def test_an_ordinary_user_is_denied(server):
    server.use_user()
    expect_error(5, "NetLocalGroupAddMembers", win32net.NetLocalGroupAddMembers, server.ip, "LabLocal", 3,
                 [{"domainandname": "%s\\%s" % (server.domain, server.admin)}])
    # Reading is allowed.
    assert win32net.NetUserGetLocalGroups(server.ip, server.user)
