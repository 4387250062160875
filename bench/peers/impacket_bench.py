#!/usr/bin/env python3
"""impacket peer of `netapi-bench`: the same workloads through impacket's srvs helpers.

Run with the interpreter of a virtualenv holding the pinned impacket (tools/bench finds or
creates it). Prints one JSON object per run, with the same field names as `netapi-bench`:
wall_s / user_s / sys_s / cpu_s cover only the timed phase (time.perf_counter and
getrusage(RUSAGE_SELF) taken around it), maxrss_kb is the process's peak RSS.

impacket is not thread-safe on one SMB connection, so `concurrent` gives every thread its own
connection (the GIL serialises their Python work anyway) and `many` uses one thread per host.
"""

import argparse
import json
import resource
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from impacket import version as impacket_version
from impacket.dcerpc.v5 import srvs, transport
from impacket.dcerpc.v5.rpcrt import DCERPCException
from impacket.smbconnection import SMBConnection

ERROR_MORE_DATA = 234


class Mark:
    """Wall and CPU clocks at the start of a timed phase."""

    def __init__(self):
        u = resource.getrusage(resource.RUSAGE_SELF)
        self.user, self.sys = u.ru_utime, u.ru_stime
        self.wall = time.perf_counter()

    def fields(self):
        wall = time.perf_counter() - self.wall
        u = resource.getrusage(resource.RUSAGE_SELF)
        user, sys_ = u.ru_utime - self.user, u.ru_stime - self.sys
        return {"wall_s": wall, "user_s": user, "sys_s": sys_, "cpu_s": user + sys_,
                "maxrss_kb": u.ru_maxrss}


class Peer:
    """One SMB connection with srvsvc bound."""

    def __init__(self, args, host=None):
        self.host = host or args.server
        domain, _, user = args.user.rpartition("\\")
        self.smb = SMBConnection(self.host, self.host, sess_port=445)
        self.smb.login(user, args.password, domain)
        rpc = transport.SMBTransport(self.host, filename=r"\srvsvc", smb_connection=self.smb)
        self.dce = rpc.get_dce_rpc()
        self.dce.connect()
        self.dce.bind(srvs.MSRPC_UUID_SRVS)
        self.unc = "\\\\" + self.host

    def call(self, op):
        if op == "share-enum-1":
            r = srvs.hNetrShareEnum(self.dce, 1, serverName=self.unc)
            return len(r["InfoStruct"]["ShareInfo"]["Level1"]["Buffer"])
        srvs.hNetrServerGetInfo(self.dce, 101)
        return 1

    def enumerate(self, level, pref_len):
        """Every entry at `level`, following resume handles; returns (entries, pages)."""
        pref = pref_len or 0xFFFFFFFF
        resume, entries, pages = 0, [], 0
        while True:
            pages += 1
            try:
                r = srvs.hNetrShareEnum(self.dce, level, resumeHandle=resume,
                                        preferedMaximumLength=pref, serverName=self.unc)
                more = False
            except DCERPCException as e:
                if getattr(e, "error_code", None) != ERROR_MORE_DATA:
                    raise
                r, more = e.get_packet(), True
            entries.extend(r["InfoStruct"]["ShareInfo"]["Level%d" % level]["Buffer"])
            if not more:
                return entries, pages
            resume = r["ResumeHandle"]

    def close(self):
        self.dce.disconnect()
        self.smb.logoff()
        self.smb.close()


def warm(args):
    p = Peer(args)
    items = p.call(args.op)
    m = Mark()
    for _ in range(args.calls):
        p.call(args.op)
    out = m.fields()
    out.update(op=args.op, calls=args.calls, items=items, dialect=hex(p.smb.getDialect()))
    return out


def fresh(args):
    m = Mark()
    for _ in range(args.calls):
        p = Peer(args)
        p.call(args.op)
        p.close()
    out = m.fields()
    out.update(op=args.op, calls=args.calls)
    return out


def enum(args):
    p = Peer(args)
    entries, _ = p.enumerate(args.level, args.pref_len)
    per_call, pages = [], 0
    m = Mark()
    for _ in range(args.calls):
        t0 = time.perf_counter()
        _, n = p.enumerate(args.level, args.pref_len)
        pages += n
        per_call.append(time.perf_counter() - t0)
    out = m.fields()
    out.update(level=args.level, pref_len=args.pref_len, calls=args.calls, entries=len(entries),
               pages=pages // max(args.calls, 1), per_call_s=per_call)
    return out


def concurrent(args):
    peers = [Peer(args) for _ in range(args.tasks)]
    for p in peers:
        p.call("server-info-101")
    start = threading.Barrier(args.tasks + 1)
    errors = []

    def work(i, p):
        start.wait()
        try:
            for k in range(args.calls):
                p.call("share-enum-1" if (i + k) % 2 == 0 else "server-info-101")
        except Exception as e:  # reported, not swallowed: the run fails below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i, p)) for i, p in enumerate(peers)]
    for t in threads:
        t.start()
    m = Mark()
    start.wait()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    out = m.fields()
    out.update(tasks=args.tasks, calls=args.tasks * args.calls, connections=args.tasks)
    return out


def many(args):
    hosts = args.hosts.split(",")

    def one(h):
        try:
            p = Peer(args, h)
            p.call("server-info-101")
            p.close()
            return True
        except Exception:
            return False

    m = Mark()
    if args.mode == "seq":
        ok = [one(h) for h in hosts]
    else:
        with ThreadPoolExecutor(max_workers=len(hosts)) as pool:
            ok = list(pool.map(one, hosts))
    out = m.fields()
    out.update(mode=args.mode, hosts=len(hosts), failed=ok.count(False),
               hosts_per_s=len(hosts) / out["wall_s"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", default="127.0.0.2")
    ap.add_argument("--user", default="FILESRV\\netapiadmin")
    ap.add_argument("--password", default="Lab.Passw0rd1")
    sub = ap.add_subparsers(dest="workload", required=True)
    w = sub.add_parser("warm")
    w.add_argument("--op", required=True, choices=["share-enum-1", "server-info-101"])
    w.add_argument("--calls", type=int, default=1000)
    f = sub.add_parser("fresh")
    f.add_argument("--op", default="server-info-101", choices=["share-enum-1", "server-info-101"])
    f.add_argument("--calls", type=int, default=50)
    e = sub.add_parser("enum")
    e.add_argument("--level", type=int, default=502)
    e.add_argument("--pref-len", type=int, default=0)
    e.add_argument("--calls", type=int, default=5)
    c = sub.add_parser("concurrent")
    c.add_argument("--tasks", type=int, default=16)
    c.add_argument("--calls", type=int, default=1000)
    m = sub.add_parser("many")
    m.add_argument("--hosts", required=True)
    m.add_argument("--mode", required=True, choices=["seq", "conc"])
    args = ap.parse_args()
    out = {"tool": "impacket", "workload": args.workload, "version": impacket_version.version}
    out.update(globals()[args.workload](args))
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
