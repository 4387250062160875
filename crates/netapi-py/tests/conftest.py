"""Fixtures for the win32net tests: the two lab servers, uses, held files, smbstatus.

The lab is tools/lab (tools/LAB.md): a Samba file server and an AD DC on loopback. Its
variables come from `eval "$(tools/lab env)"`; tools/test sets them. Without them the live tests
skip, except under CI=true, where a missing lab is a failure.
"""

import dataclasses
import json
import os
import pathlib
import re
import signal
import subprocess
import time

import pytest

import win32net
import win32netcon

ROOT = pathlib.Path(__file__).resolve().parents[3]
SPEC = ROOT / "spec" / "pywin32"
LAB_TOOL = os.environ.get("NETAPI_LAB_TOOL") or str(ROOT / "tools" / "lab")
CI = os.environ.get("CI") == "true"
CREDENTIAL_VARS = ("NETAPI_USER", "NETAPI_PASSWORD", "NETAPI_DOMAIN", "NETAPI_NT_HASH", "NETAPI_SERVER")


def spec_levels():
    return json.loads((SPEC / "info-levels.json").read_text())


@dataclasses.dataclass
class Server:
    key: str  # "fs" / "dc", as tools/lab names them
    ip: str
    name: str
    domain: str  # the domain of the accounts below (NTLM)
    admin: str
    user: str
    password: str
    user_password: str
    share: str
    hold_share: str
    scratch_win: str

    @property
    def ipc(self):
        return "\\\\%s\\IPC$" % self.ip

    def use(self, username, password, level=2, remote=None):
        win32net.NetUseAdd(
            None,
            level,
            {
                "remote": remote or self.ipc,
                "username": username,
                "password": password,
                "domainname": self.domain,
                "asg_type": win32netcon.USE_IPC,
            },
        )

    def use_admin(self):
        self.use(self.admin, self.password)

    def use_user(self):
        self.use(self.user, self.user_password)

    def unuse(self):
        try:
            win32net.NetUseDel(None, self.ipc, win32net.USE_LOTS_OF_FORCE)
        except win32net.error as e:
            if e.winerror != 2250:
                raise


def _servers():
    env = os.environ
    if not env.get("NETAPI_LAB_FS_IP"):
        return None
    return {
        "fs": Server(
            "fs",
            env["NETAPI_LAB_FS_IP"],
            env["NETAPI_LAB_FS_NAME"],
            env["NETAPI_LAB_FS_NAME"],
            env["NETAPI_LAB_FS_ADMIN_USER"],
            env["NETAPI_LAB_FS_USER"],
            env["NETAPI_LAB_FS_ADMIN_PASSWORD"],
            env["NETAPI_LAB_FS_USER_PASSWORD"],
            env["NETAPI_LAB_FS_SHARE"],
            env["NETAPI_LAB_FS_HOLD_SHARE"],
            env["NETAPI_LAB_FS_SCRATCH_DIR_WIN"],
        ),
        "dc": Server(
            "dc",
            env["NETAPI_LAB_DC_IP"],
            env["NETAPI_LAB_DC_NAME"],
            env["NETAPI_LAB_DC_DOMAIN"],
            env["NETAPI_LAB_DC_ADMIN_USER"],
            env["NETAPI_LAB_DC_USER"],
            env["NETAPI_LAB_DC_ADMIN_PASSWORD"],
            env["NETAPI_LAB_DC_USER_PASSWORD"],
            env["NETAPI_LAB_DC_SHARE"],
            env["NETAPI_LAB_DC_SHARE"],
            env["NETAPI_LAB_DC_SCRATCH_DIR_WIN"],
        ),
    }


SERVERS = _servers()


def need_lab():
    if SERVERS is None:
        if CI:
            pytest.fail('CI=true but the lab is not configured: eval "$(tools/lab env)"')
        pytest.skip('the Samba lab is not configured: eval "$(tools/lab env)"')


@pytest.fixture(autouse=True)
def no_default_credentials(monkeypatch):
    """Every test starts without NETAPI_* defaults: credentials come from the test's uses."""
    for var in CREDENTIAL_VARS:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(params=["fs", "dc"])
def server(request):
    """Each lab server in turn, with no use left behind."""
    need_lab()
    srv = SERVERS[request.param]
    srv.unuse()
    yield srv
    srv.unuse()


@pytest.fixture
def admin(server):
    """The server, used (NetUseAdd) as its administrator."""
    server.use_admin()
    return server


def lab(*args, check=True):
    return subprocess.run(
        [LAB_TOOL, *args], check=check, capture_output=True, text=True, timeout=120
    )


def smbstatus_sessions(srv):
    """Samba's own session list (`smbstatus -b`) of the server: (pid, user) pairs."""
    out = lab("smbstatus", srv.key, "-b").stdout
    sessions = []
    for line in out.splitlines():
        m = re.match(r"^\s*(\d+)\s+(\S+)\s.*\(ipv[46]:", line)
        if m:
            sessions.append((m.group(1), m.group(2)))
    return sessions


def wait_until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


class Held:
    """A session of `netapiuser` with `hello.txt` open on the server (tools/lab hold-file)."""

    def __init__(self, srv, seconds=120):
        out = lab("hold-file", srv.key, str(seconds)).stdout.strip()
        self.pid = int(re.findall(r"\d+", out.splitlines()[-1])[-1])

    def release(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


@pytest.fixture
def held(server):
    """A netapiuser session with an open file on the server, ended after the test."""
    h = Held(server)
    yield h
    h.release()
