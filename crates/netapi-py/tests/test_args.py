"""Argument errors of every function, in pywin32's order and with its exception types and texts
(win32net-functions.md §2–4, errors.md §4–5). Each case fails before anything is sent: no
server is named that could answer, and none is needed."""

import pytest

import win32net
import win32netcon

NOWHERE = "192.0.2.1"  # TEST-NET-1: never contacted, every case fails before the call


def raises(exc, message, fn, *args):
    with pytest.raises(exc) as e:
        fn(*args)
    if message is not None:
        assert str(e.value) == message, (fn.__name__, args)
    return e.value


UNICODE = "Objects of type '{}' can not be converted to Unicode."
NONE_STR = "None is not a valid string in this context"
LEVEL = "This information level is not supported"
MAPPING = "The object must be a mapping"


# ---- arity: CPython's messages -------------------------------------------------------------
ARITY = [
    # (function, too few, too many, message for too few, message for too many)
    ("NetShareGetInfo", 2, 4, "function takes exactly 3 arguments (2 given)", "function takes exactly 3 arguments (4 given)"),
    ("NetShareSetInfo", 3, 5, "function takes exactly 4 arguments (3 given)", "function takes exactly 4 arguments (5 given)"),
    ("NetShareAdd", 2, 4, "function takes exactly 3 arguments (2 given)", "function takes exactly 3 arguments (4 given)"),
    ("NetShareDel", 1, 4, "function takes at least 2 arguments (1 given)", "function takes at most 3 arguments (4 given)"),
    ("NetShareCheck", 1, 3, "function takes exactly 2 arguments (1 given)", "function takes exactly 2 arguments (3 given)"),
    ("NetShareEnum", 0, 5, "function takes at least 2 arguments (0 given)", "function takes at most 4 arguments (5 given)"),
    ("NetServerGetInfo", 1, 3, "function takes exactly 2 arguments (1 given)", "function takes exactly 2 arguments (3 given)"),
    ("NetServerSetInfo", 2, 4, "function takes exactly 3 arguments (2 given)", "function takes exactly 3 arguments (4 given)"),
    ("NetServerDiskEnum", 0, 3, "function takes at least 1 argument (0 given)", "function takes at most 2 arguments (3 given)"),
    ("NetServerEnum", 1, 7, "function takes at least 2 arguments (1 given)", "function takes at most 6 arguments (7 given)"),
    ("NetServerComputerNameAdd", 2, 4, "function takes exactly 3 arguments (2 given)", "function takes exactly 3 arguments (4 given)"),
    ("NetServerComputerNameDel", 1, 3, "function takes exactly 2 arguments (1 given)", "function takes exactly 2 arguments (3 given)"),
    ("NetStatisticsGet", 1, 5, "function takes at least 2 arguments (1 given)", "function takes at most 4 arguments (5 given)"),
    ("NetSessionEnum", 0, 5, "function takes at least 1 argument (0 given)", "function takes at most 4 arguments (5 given)"),
    ("NetSessionDel", None, 4, None, "function takes at most 3 arguments (4 given)"),
    ("NetSessionGetInfo", 3, 5, "function takes exactly 4 arguments (3 given)", "function takes exactly 4 arguments (5 given)"),
    ("NetFileEnum", 0, 5, "function takes at least 1 argument (0 given)", "function takes at most 4 arguments (5 given)"),
    ("NetFileClose", 1, 3, "function takes exactly 2 arguments (1 given)", "function takes exactly 2 arguments (3 given)"),
    ("NetFileGetInfo", 2, 4, "function takes exactly 3 arguments (2 given)", "function takes exactly 3 arguments (4 given)"),
    ("NetUseAdd", 2, 4, "function takes exactly 3 arguments (2 given)", "function takes exactly 3 arguments (4 given)"),
    ("NetUseDel", 1, 4, "function takes at least 2 arguments (1 given)", "function takes at most 3 arguments (4 given)"),
]


@pytest.mark.parametrize("name,few,many,few_msg,many_msg", ARITY, ids=[a[0] for a in ARITY])
def test_arity(name, few, many, few_msg, many_msg):
    fn = getattr(win32net, name)
    if few is not None:
        raises(TypeError, few_msg, fn, *([None] * few))
    raises(TypeError, many_msg, fn, *([None] * many))


# ---- shares --------------------------------------------------------------------------------
def test_netshareenum_forms():
    # One argument: the legacy form's string conversion, the new form is not tried.
    raises(TypeError, UNICODE.format("int"), win32net.NetShareEnum, 5)
    raises(TypeError, UNICODE.format("bytes"), win32net.NetShareEnum, b"srv")
    # Integers are parsed first, then the server, the resume handle, the level.
    raises(TypeError, "'str' object cannot be interpreted as an integer", win32net.NetShareEnum, 5, "x")
    raises(TypeError, "'float' object cannot be interpreted as an integer", win32net.NetShareEnum, NOWHERE, 1, None, 1.5)
    raises(OverflowError, "signed integer is greater than maximum", win32net.NetShareEnum, NOWHERE, 2**31)
    raises(OverflowError, "signed integer is less than minimum", win32net.NetShareEnum, NOWHERE, -(2**31) - 1)
    raises(TypeError, UNICODE.format("bytes"), win32net.NetShareEnum, b"srv", 7)
    raises(TypeError, "Unable to convert object to pointer-sized value", win32net.NetShareEnum, NOWHERE, 7, object())
    raises(TypeError, "Unable to convert str to pointer-sized value", win32net.NetShareEnum, NOWHERE, 7, "abc")
    raises(ValueError, LEVEL, win32net.NetShareEnum, NOWHERE, 7)
    # Resume handles int() accepts pass (and the level check comes after them).
    for resume in (None, 0, 3.9, "12", -1, 2**40):
        raises(ValueError, LEVEL, win32net.NetShareEnum, NOWHERE, 7, resume)
    for level in (3, 10, 1004, -1):  # GetInfo-only and unknown levels
        raises(ValueError, LEVEL, win32net.NetShareEnum, NOWHERE, level)


def test_netsharegetinfo():
    raises(TypeError, "'float' object cannot be interpreted as an integer", win32net.NetShareGetInfo, b"x", 5, 1.0)
    raises(TypeError, UNICODE.format("bytes"), win32net.NetShareGetInfo, b"x", "y", 999)
    raises(TypeError, NONE_STR, win32net.NetShareGetInfo, NOWHERE, None, 999)
    raises(TypeError, UNICODE.format("int"), win32net.NetShareGetInfo, NOWHERE, 5, 2)
    raises(ValueError, LEVEL, win32net.NetShareGetInfo, NOWHERE, "x", 999)
    raises(ValueError, LEVEL, win32net.NetShareGetInfo, NOWHERE, "x", 3)


def test_netsharesetinfo_and_add_data_mappings():
    f = win32net.NetShareSetInfo
    raises(TypeError, NONE_STR, f, NOWHERE, None, 999, 5)
    # The level is checked before the data.
    raises(ValueError, LEVEL, f, NOWHERE, "x", 999, 5)
    for bad in (5, None, 1.5, object()):
        raises(TypeError, MAPPING, f, NOWHERE, "x", 2, bad)
    raises(TypeError, "The mapping attribute 'max_uses' must be an unsigned 32 bit int", f, NOWHERE, "x", 2, {"max_uses": 1.5})
    raises(TypeError, "The mapping attribute 'type' must be an unsigned 32 bit int", f, NOWHERE, "x", 2, {"type": None})
    raises(TypeError, "The mapping attribute 'type' must be an unsigned 32 bit int", f, NOWHERE, "x", 2, {"type": "0"})
    raises(TypeError, UNICODE.format("bytes"), f, NOWHERE, "x", 2, {"remark": b"r"})
    # Keys are converted in table order: netname before type.
    raises(TypeError, UNICODE.format("int"), f, NOWHERE, "x", 2, {"type": "x", "netname": 5})
    raises(TypeError, "The object is not a PySECURITY_DESCRIPTOR object", f, NOWHERE, "x", 502, {"security_descriptor": b"\1"})
    raises(TypeError, "The object is not a PySECURITY_DESCRIPTOR object", f, NOWHERE, "x", 1501, {"security_descriptor": "x"})
    a = win32net.NetShareAdd
    raises(TypeError, "'str' object cannot be interpreted as an integer", a, NOWHERE, "2", {})
    raises(TypeError, UNICODE.format("bytes"), a, b"srv", 999, 5)
    raises(ValueError, LEVEL, a, NOWHERE, 999, 5)
    raises(ValueError, LEVEL, a, NOWHERE, 1004, {})
    raises(TypeError, MAPPING, a, NOWHERE, 2, None)
    raises(TypeError, "The mapping attribute 'max_uses' must be an unsigned 32 bit int", a, NOWHERE, 2, {"max_uses": [1]})


def test_netsharedel_and_check():
    raises(TypeError, "'str' object cannot be interpreted as an integer", win32net.NetShareDel, NOWHERE, "x", "0")
    raises(OverflowError, "Python int too large to convert to C long", win32net.NetShareDel, NOWHERE, "x", 2**31)
    raises(TypeError, NONE_STR, win32net.NetShareDel, NOWHERE, None)
    raises(TypeError, UNICODE.format("int"), win32net.NetShareDel, 5, "x")
    raises(TypeError, NONE_STR, win32net.NetShareCheck, NOWHERE, None)
    raises(TypeError, UNICODE.format("bytes"), win32net.NetShareCheck, NOWHERE, b"C:")


# ---- server --------------------------------------------------------------------------------
def test_server_functions():
    raises(TypeError, UNICODE.format("int"), win32net.NetServerGetInfo, 5, 7)  # server before level
    raises(ValueError, LEVEL, win32net.NetServerGetInfo, NOWHERE, 7)
    raises(ValueError, LEVEL, win32net.NetServerGetInfo, NOWHERE, 1005)
    s = win32net.NetServerSetInfo
    raises(ValueError, LEVEL, s, NOWHERE, 7, 5)
    raises(TypeError, MAPPING, s, NOWHERE, 101, 3)
    raises(TypeError, "The mapping attribute 'disc' must be an integer", s, NOWHERE, 102, {"disc": 2**31})
    raises(TypeError, "The mapping attribute 'disc' must be an integer", s, NOWHERE, 102, {"disc": "1"})

    class BadBool:
        def __bool__(self):
            raise RuntimeError("no truth")

    raises(TypeError, "The mapping attribute 'hidden' must be boolean", s, NOWHERE, 102, {"hidden": BadBool()})
    raises(TypeError, "'str' object cannot be interpreted as an integer", win32net.NetServerDiskEnum, NOWHERE, "0")
    raises(TypeError, UNICODE.format("int"), win32net.NetServerDiskEnum, 5)
    e = raises(win32net.error, None, win32net.NetServerDiskEnum, NOWHERE, 1)
    assert e.args == (124, "NetServerDiskEnum", "The system call level is not correct.")

    f = win32net.NetServerEnum
    raises(TypeError, "'NoneType' object cannot be interpreted as an integer", f, NOWHERE, 100, -1, None, None)
    raises(TypeError, "'str' object cannot be interpreted as an integer", f, NOWHERE, 100, "x")
    raises(TypeError, UNICODE.format("int"), f, NOWHERE, 100, -1, 5)  # domain before level
    raises(TypeError, UNICODE.format("int"), f, 5, 999)
    raises(ValueError, LEVEL, f, NOWHERE, 99)

    raises(TypeError, NONE_STR, win32net.NetServerComputerNameAdd, None, None, "EMU")
    raises(TypeError, NONE_STR, win32net.NetServerComputerNameAdd, NOWHERE, None, None)
    raises(TypeError, UNICODE.format("int"), win32net.NetServerComputerNameAdd, NOWHERE, 5, "EMU")
    raises(TypeError, NONE_STR, win32net.NetServerComputerNameDel, None, "EMU")
    raises(TypeError, NONE_STR, win32net.NetServerComputerNameDel, NOWHERE, None)

    raises(TypeError, NONE_STR, win32net.NetStatisticsGet, NOWHERE, None)
    raises(TypeError, "'str' object cannot be interpreted as an integer", win32net.NetStatisticsGet, NOWHERE, "LanmanServer", "0")


# ---- sessions and files: the level first, with their own messages -----------------------
def test_session_functions():
    raises(ValueError, "Invalid level for NetSessionEnum", win32net.NetSessionEnum, 7, b"bad")
    raises(ValueError, "Invalid level for NetSessionEnum", win32net.NetSessionEnum, 3)
    raises(TypeError, "'str' object cannot be interpreted as an integer", win32net.NetSessionEnum, "1")
    raises(TypeError, UNICODE.format("bytes"), win32net.NetSessionEnum, 1, b"bad")
    raises(TypeError, UNICODE.format("int"), win32net.NetSessionEnum, 10, NOWHERE, 5)
    raises(ValueError, "Invalid level for NetSessionGetInfo", win32net.NetSessionGetInfo, 7, b"x", None, None)
    raises(TypeError, NONE_STR, win32net.NetSessionGetInfo, 1, NOWHERE, None, "u")
    raises(TypeError, NONE_STR, win32net.NetSessionGetInfo, 1, NOWHERE, "c", None)
    raises(TypeError, UNICODE.format("int"), win32net.NetSessionDel, 5)
    raises(TypeError, UNICODE.format("bytes"), win32net.NetSessionDel, NOWHERE, None, b"u")


def test_file_functions():
    raises(ValueError, "Invalid level for NetFileEnum", win32net.NetFileEnum, 1, b"x")
    raises(TypeError, UNICODE.format("bytes"), win32net.NetFileEnum, 3, b"x")
    # The integer arguments are parsed before NetFileGetInfo's level check.
    raises(TypeError, "'str' object cannot be interpreted as an integer", win32net.NetFileGetInfo, 1, None, "x")
    raises(ValueError, "Invalid level for NetFileGetInfo", win32net.NetFileGetInfo, 1, b"x", 1)
    raises(TypeError, UNICODE.format("bytes"), win32net.NetFileGetInfo, 3, b"x", 1)
    raises(TypeError, "'str' object cannot be interpreted as an integer", win32net.NetFileClose, NOWHERE, "1")
    raises(TypeError, UNICODE.format("int"), win32net.NetFileClose, 5, 1)


# ---- uses ----------------------------------------------------------------------------------
def test_use_functions():
    add = win32net.NetUseAdd
    ipc = "\\\\%s\\IPC$" % NOWHERE
    raises(ValueError, LEVEL, add, None, 7, {})
    raises(TypeError, MAPPING, add, None, 2, 5)
    raises(TypeError, UNICODE.format("int"), add, None, 2, {"remote": 5})
    raises(TypeError, "The mapping attribute 'asg_type' must be an unsigned 32 bit int", add, None, 2, {"asg_type": "x"})

    def err(code, *args):
        e = raises(win32net.error, None, add, *args)
        assert (e.winerror, e.funcname) == (code, "NetUseAdd"), e.args

    err(124, None, 0, {"remote": ipc})  # USE_INFO_0 is no NetUseAdd level
    err(50, "elsewhere", 2, {"remote": ipc, "asg_type": win32netcon.USE_IPC})  # remote workstation
    err(66, None, 2, {"remote": "\\\\%s\\data" % NOWHERE, "asg_type": win32netcon.USE_IPC})
    err(1200, None, 2, {"local": "nodevice", "remote": ipc, "asg_type": win32netcon.USE_IPC})
    err(50, None, 2, {"local": "Z:", "remote": ipc, "asg_type": win32netcon.USE_IPC})
    err(66, None, 2, {"remote": ipc, "asg_type": win32netcon.USE_DISKDEV})
    err(87, None, 2, {"remote": "nowhere", "asg_type": win32netcon.USE_IPC})
    err(87, None, 1, {})  # no remote at all
    err(2351, None, 2, {"remote": "\\\\bad host\\IPC$", "asg_type": win32netcon.USE_IPC})
    # No user name and no NETAPI_USER: nothing to authenticate with.
    err(5, None, 1, {"remote": ipc, "asg_type": win32netcon.USE_IPC})

    d = win32net.NetUseDel
    raises(TypeError, NONE_STR, d, None, None)
    raises(TypeError, "'str' object cannot be interpreted as an integer", d, None, ipc, "2")
    e = raises(win32net.error, None, d, None, ipc)
    assert e.args == (2250, "NetUseDel", "The network connection could not be found.")
    assert raises(win32net.error, None, d, None, ipc, 3).winerror == 87


def test_no_credentials_is_access_denied_before_anything_is_sent():
    for call in (
        lambda: win32net.NetShareEnum(NOWHERE, 1),
        lambda: win32net.NetServerGetInfo("\\\\" + NOWHERE, 101),
        lambda: win32net.NetSessionEnum(10, NOWHERE),
    ):
        with pytest.raises(win32net.error) as e:
            call()
        assert e.value.winerror == 5 and e.value.strerror == "Access is denied."
    with pytest.raises(win32net.error) as e:
        win32net.NetFileGetInfo(3, NOWHERE, 1)
    assert e.value.args == (5, "NetFileEnum", "Access is denied.")  # pywin32's funcname


def test_bad_server_names():
    with pytest.raises(win32net.error) as e:
        win32net.NetShareEnum("bad name", 1)
    assert e.value.args == (2351, "NetShareEnum", "This computer name is invalid.")


def test_lookup_exceptions_are_swallowed_and_the_first_bad_key_wins():
    class Flaky(dict):
        def __getitem__(self, key):
            if key == "max_uses":
                raise RuntimeError("lookup failed")
            return dict.__getitem__(self, key)

    # max_uses (bad, but its lookup raises: missing) comes before passwd (bad) in table order.
    raises(TypeError, UNICODE.format("int"), win32net.NetShareSetInfo, NOWHERE, "x", 2,
           Flaky(max_uses="bad", passwd=5))

    class Nothing:
        def __getitem__(self, key):
            raise KeyError(key)

    # Every lookup fails: an all-zero USE_INFO_2 (no remote) reaches NetUseAdd's own checks.
    e = raises(win32net.error, None, win32net.NetUseAdd, None, 2, Nothing())
    assert (e.winerror, e.funcname) == (87, "NetUseAdd")
