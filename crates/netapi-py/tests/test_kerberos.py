"""A process given no credentials uses the user's Kerberos ticket cache, as Windows uses the
logged-on user: `kinit` into a private cache (the lab's krb5.conf), KRB5CCNAME pointing at it,
and win32net calls to the lab DC work with no NetUseAdd, no NETAPI_USER / NETAPI_PASSWORD and no
KDC setting (krb5.conf names the KDC). The DC is reached by address, so NETAPI_TARGET_HOST names
it for the SPN (cifs/dc1.lab.example), as the CLI's --target-host does.
"""

import os
import struct
import subprocess

import pytest

import win32net
from conftest import SERVERS, need_lab


def kinit(cache, user, password, lifetime=None):
    env = dict(os.environ, KRB5_CONFIG=os.environ["NETAPI_LAB_KRB5_CONFIG"], KRB5CCNAME="FILE:" + str(cache))
    args = ["kinit"] + (["-l", lifetime] if lifetime else []) + [user + "@" + os.environ["NETAPI_LAB_DC_REALM"]]
    r = subprocess.run(args, input=password + "\n", env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.fixture
def dc(monkeypatch):
    need_lab()
    monkeypatch.setenv("KRB5_CONFIG", os.environ["NETAPI_LAB_KRB5_CONFIG"])
    monkeypatch.setenv("NETAPI_TARGET_HOST", os.environ["NETAPI_LAB_DC_FQDN"])
    yield SERVERS["dc"]
    # The sessions these tests made from ticket caches stay pooled for reuse; log them off so
    # later tests that count the DC's sessions of a user see only their own.
    win32net._disconnect_all()


def test_calls_use_the_ticket_cache_when_nothing_else_is_given(dc, tmp_path, monkeypatch):
    cache = tmp_path / "krb5cc"
    kinit(cache, dc.admin, dc.password)
    monkeypatch.setenv("KRB5CCNAME", "FILE:" + str(cache))
    info = win32net.NetServerGetInfo(dc.ip, 101)
    assert info["name"].upper() == dc.name.upper()
    shares, total, resume = win32net.NetShareEnum(dc.ip, 1)
    assert dc.share in [s["netname"] for s in shares]
    # An administrator's call: the session is the cache's principal, not a guest.
    assert win32net.NetSessionEnum(1, dc.ip) is not None


def test_a_cache_without_tickets_is_no_credentials(dc, tmp_path, monkeypatch):
    # A cache file with its principal and no ticket (MIT format version 4, no header fields).
    def data(b):
        return struct.pack(">I", len(b)) + b
    principal = struct.pack(">II", 1, 1) + data(os.environ["NETAPI_LAB_DC_REALM"].encode()) + data(dc.admin.encode())
    cache = tmp_path / "krb5cc-empty"
    cache.write_bytes(b"\x05\x04" + struct.pack(">H", 0) + principal)
    monkeypatch.setenv("KRB5CCNAME", "FILE:" + str(cache))
    with pytest.raises(win32net.error) as e:
        win32net.NetServerGetInfo(dc.ip, 101)
    assert (e.value.winerror, e.value.funcname) == (5, "NetServerGetInfo"), e.value.args
    assert "kinit" in str(e.value.args) or e.value.strerror


def test_a_use_wins_over_the_ticket_cache(dc, tmp_path, monkeypatch):
    cache = tmp_path / "krb5cc-user"
    kinit(cache, dc.user, dc.user_password)
    monkeypatch.setenv("KRB5CCNAME", "FILE:" + str(cache))
    # The ordinary user's tickets: NetSessionEnum is refused as on Windows.
    with pytest.raises(win32net.error) as e:
        win32net.NetSessionEnum(1, dc.ip)
    assert e.value.winerror == 5
    dc.use_admin()
    try:
        assert win32net.NetSessionEnum(1, dc.ip) is not None
    finally:
        dc.unuse()


def test_calls_over_tcp_use_the_ticket_cache(dc, tmp_path, monkeypatch):
    # samr over ncacn_ip_tcp (the endpoint mapper, then Kerberos at packet privacy) with the
    # cache's tickets only: the account read back is the one asked for, its RID the
    # administrator's well-known 500.
    cache = tmp_path / "krb5cc-tcp-samr"
    kinit(cache, dc.admin, dc.password)
    monkeypatch.setenv("KRB5CCNAME", "FILE:" + str(cache))
    monkeypatch.setenv("NETAPI_TRANSPORT", "tcp")
    info = win32net.NetUserGetInfo(dc.ip, dc.admin, 20)
    assert (info["name"].lower(), info["user_id"]) == (dc.admin.lower(), 500)


def test_netapi_transport_tcp_takes_the_endpoint_mapper(dc, tmp_path, monkeypatch):
    # Samba registers no srvsvc endpoint over TCP: the call reaches the endpoint mapper and
    # stops there (EPT_S_NOT_REGISTERED, 1753) instead of using the pipe.
    cache = tmp_path / "krb5cc-tcp"
    kinit(cache, dc.admin, dc.password)
    monkeypatch.setenv("KRB5CCNAME", "FILE:" + str(cache))
    monkeypatch.setenv("NETAPI_TRANSPORT", "tcp")
    with pytest.raises(win32net.error) as e:
        win32net.NetServerGetInfo(dc.ip, 101)
    assert (e.value.winerror, e.value.funcname) == (1753, "NetServerGetInfo"), e.value.args
