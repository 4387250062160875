"""Threads, the GIL, fork and interpreter exit."""

import multiprocessing
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import win32net

from conftest import CI


def calls(ip, n):
    out = []
    for i in range(n):
        if i % 2:
            out.append(("info", win32net.NetServerGetInfo(ip, 101)))
        else:
            out.append(("shares", win32net.NetShareEnum(ip, 1)))
    return out


def test_many_threads_at_once(admin):
    expected = {"info": win32net.NetServerGetInfo(admin.ip, 101), "shares": win32net.NetShareEnum(admin.ip, 1)}
    results, errors = [], []

    def worker():
        try:
            results.append(calls(admin.ip, 50))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert len(results) == 16
    for r in results:
        assert len(r) == 50
        for kind, value in r:
            assert value == expected[kind]


@pytest.fixture
def silent_server():
    """A TCP server on 127.0.0.19:445 that accepts and never answers (root: port 445)."""
    if os.geteuid() != 0:
        if CI:
            pytest.fail("CI runs as root; binding port 445 needs it")
        pytest.skip("binding port 445 needs root")
    lsock = socket.socket()
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.19", 445))
    lsock.listen(4)
    accepted = []
    stop = threading.Event()

    def accept():
        lsock.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = lsock.accept()
                accepted.append(conn)
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield accepted
    stop.set()
    t.join(5)
    for c in accepted:
        c.close()
    lsock.close()


def test_the_gil_is_released_while_a_call_waits_and_a_dropped_connection_ends_it(silent_server, monkeypatch):
    monkeypatch.setenv("NETAPI_USER", "LAB\\nobody")
    monkeypatch.setenv("NETAPI_PASSWORD", "x")
    outcome = []

    def call():
        try:
            win32net.NetShareEnum("127.0.0.19", 1)
            outcome.append("returned")
        except win32net.error as e:
            outcome.append(e)

    t = threading.Thread(target=call)
    t.start()
    deadline = time.monotonic() + 10
    while not silent_server and time.monotonic() < deadline:
        time.sleep(0.01)
    assert silent_server, "the call never connected"
    # The call is blocked on the silent server; this thread keeps running Python meanwhile.
    spins, end = 0, time.monotonic() + 0.5
    while time.monotonic() < end:
        spins += 1
    assert t.is_alive() and not outcome
    assert spins > 10000
    for c in silent_server:
        c.close()
    t.join(30)
    assert not t.is_alive(), "the call hangs after the server dropped the connection"
    assert len(outcome) == 1 and isinstance(outcome[0], win32net.error), outcome
    assert outcome[0].funcname == "NetShareEnum" and outcome[0].winerror in (53, 64, 121), outcome[0].args


def _child_call(ip):
    return len(win32net.NetShareEnum(ip, 1)[0])


def test_fork_children_call_and_exit_cleanly(admin):
    want = len(win32net.NetShareEnum(admin.ip, 1)[0])  # the parent has a pooled session now
    pid = os.fork()
    if pid == 0:  # the child: the parent's use (credentials) carries over, its session does not
        code = 1
        try:
            ok = _child_call(admin.ip) == want and win32net.NetSessionEnum(1, admin.ip)
            code = 0 if ok else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    # The parent's connection was not disturbed by the child.
    assert len(win32net.NetShareEnum(admin.ip, 1)[0]) == want
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        assert pool.map(_child_call, [admin.ip] * 4) == [want] * 4
    assert len(win32net.NetShareEnum(admin.ip, 1)[0]) == want


def test_interpreter_exit_with_calls_in_flight(server):
    """Daemon threads still calling when the interpreter exits: no crash, no hang."""
    script = textwrap.dedent(
        """
        import threading, time, win32net
        def loop():
            while True:
                win32net.NetShareEnum(%r, 2)
                win32net.NetServerGetInfo(%r, 101)
        for _ in range(8):
            threading.Thread(target=loop, daemon=True).start()
        time.sleep(0.5)
        print("bye", flush=True)
        """
        % (server.ip, server.ip)
    )
    env = dict(os.environ, NETAPI_USER=server.domain + "\\" + server.admin, NETAPI_PASSWORD=server.password)
    for _ in range(3):
        p = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr
        assert p.stdout == "bye\n" and "Fatal" not in p.stderr and "panic" not in p.stderr, p.stderr
