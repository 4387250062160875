#!/usr/bin/env python3
"""win32net peer of `netapi-bench`: the same workloads through the Python module (netapi-py).

Run with an interpreter that has `win32net` installed (`pip install ./crates/netapi-py`;
tools/bench finds or makes one). The credentials are made the pywin32 way, with NetUseAdd on
`\\\\server\\IPC$`. Prints one JSON object per run with `netapi-bench`'s field names: wall_s /
user_s / sys_s / cpu_s cover only the timed phase, maxrss_kb is the process's peak RSS.

  warm        N calls of one op after an untimed first call (connect, bind)
  concurrent  T threads x N calls alternating NetShareEnum 1 / NetServerGetInfo 101; every
              thread makes one untimed call first, then all start together
"""

import argparse
import json
import resource
import sys
import threading
import time

import win32net
import win32netcon


class Mark:
    def __init__(self):
        u = resource.getrusage(resource.RUSAGE_SELF)
        self.user, self.sys, self.wall = u.ru_utime, u.ru_stime, time.perf_counter()

    def fields(self):
        wall = time.perf_counter() - self.wall
        u = resource.getrusage(resource.RUSAGE_SELF)
        user, sys_ = u.ru_utime - self.user, u.ru_stime - self.sys
        return {"wall_s": wall, "user_s": user, "sys_s": sys_, "cpu_s": user + sys_, "maxrss_kb": u.ru_maxrss}


def op_fn(server, op):
    if op == "share-enum-1":
        return lambda: len(win32net.NetShareEnum(server, 1)[0])
    return lambda: len(win32net.NetServerGetInfo(server, 101))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", required=True)
    ap.add_argument("--user", required=True, help="DOMAIN\\user")
    ap.add_argument("--password", required=True)
    sub = ap.add_subparsers(dest="workload", required=True)
    w = sub.add_parser("warm")
    w.add_argument("--op", choices=["share-enum-1", "server-info-101"], required=True)
    w.add_argument("--calls", type=int, default=1000)
    c = sub.add_parser("concurrent")
    c.add_argument("--tasks", type=int, default=16)
    c.add_argument("--calls", type=int, default=1000)
    a = ap.parse_args()

    domain, _, user = a.user.rpartition("\\")
    win32net.NetUseAdd(None, 2, {"remote": "\\\\%s\\IPC$" % a.server, "username": user, "password": a.password,
                                 "domainname": domain, "asg_type": win32netcon.USE_IPC})
    if a.workload == "warm":
        call = op_fn(a.server, a.op)
        items = call()  # connect and bind, untimed
        m = Mark()
        for _ in range(a.calls):
            call()
        out = {"workload": "warm", "op": a.op, "calls": a.calls, "items": items, **m.fields()}
    else:
        ops = [op_fn(a.server, "share-enum-1"), op_fn(a.server, "server-info-101")]
        start = threading.Barrier(a.tasks + 1)
        errors = []

        def worker(i):
            try:
                ops[i % 2]()  # its own pipe, bound before the timed phase
                start.wait()
                for j in range(a.calls):
                    ops[(i + j) % 2]()
            except BaseException as e:  # noqa: BLE001 - reported in the result
                errors.append(repr(e))
                start.abort()

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(a.tasks)]
        for t in threads:
            t.start()
        start.wait()
        m = Mark()
        for t in threads:
            t.join()
        f = m.fields()
        total = a.tasks * a.calls
        out = {"workload": "concurrent", "tasks": a.tasks, "calls": a.calls, "errors": errors,
               "calls_per_s": total / f["wall_s"], **f}
        if errors:
            print(json.dumps(out))
            return 1
    win32net.NetUseDel(None, "\\\\%s\\IPC$" % a.server, win32net.USE_LOTS_OF_FORCE)
    out["version"] = "netapi-py"
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
