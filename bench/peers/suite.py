#!/usr/bin/env python3
"""The benchmark driver: every workload for netapi and its peers, repeated, into one table.

tools/bench calls this once the bench lab is up and the binaries are built; see
docs/benchmarks.md for what is measured and how. Every measured program prints one JSON object
(netapi-bench, wire-floor, impacket_bench.py) or, for rpcclient and `net`, is measured from
outside with wait4() (wall, CPU of the process, peak RSS) and by difference (N+1 calls minus
1 call in one process) so that only the call phase counts.

Peers run interleaved within each repetition (netapi, rpcclient, impacket, floor, netapi, ...)
so that load drifting on a shared machine hits all of them alike. Nothing here asserts a
timing: --smoke only checks that every workload and peer still produces a sane result.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

SIZES = {
    # repeats, warm calls, fresh connections, timed enumerations per run, seeded shares,
    # concurrent tasks x calls, hosts
    "full": dict(repeats=5, warm=1000, fresh=50, enum=5, shares=2000, tasks=16, conc=1000, conc_impacket=100,
                 hosts=100, rtt_ms=20),
    "smoke": dict(repeats=1, warm=20, fresh=3, enum=1, shares=200, tasks=4, conc=10, conc_impacket=10,
                  hosts=5, rtt_ms=2),
}
# The users workloads (against the kept users lab): enumerations per run of level 0, per-account
# reads of the impacket detail run (None: every account; smoke reads a few, a per-account figure
# either way), NetUserGetInfo calls.
USERS_SIZES = {
    "full": dict(user_enum=5, detail_accounts=None, user_info=1000),
    "smoke": dict(user_enum=1, detail_accounts=100, user_info=20),
}

RPCCLIENT_CMD = {"share-enum-1": "netshareenumall 1", "server-info-101": "srvinfo"}


class Failure(Exception):
    """A measured program failed; the message says which and why."""


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


# ---------------------------------------------------------------- processes ----------------
class Proc:
    """Spawns measured programs through bench-exec and tracks the server's CPU around them."""

    def __init__(self, bin_dir, log, server):
        self.exec = os.path.join(bin_dir, "bench-exec")
        self.log, self.server = log, server
        self.server_cpu = 0.0  # server CPU seconds of the last reaped batch
        self.client_cpus = None  # CPUs the measured programs run on (None: any)

    def spawn(self, argv):
        if self.client_cpus is not None:
            argv = ["taskset", "-c", ",".join(map(str, sorted(self.client_cpus))), *argv]
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        fd, ru = tempfile.mkstemp(prefix="bench-rusage-")
        os.close(fd)
        p = subprocess.Popen([self.exec, "--rusage", ru, "--", *argv], stdout=out, stderr=err,
                             stdin=subprocess.DEVNULL)
        return p, out, err, ru, argv

    def reap(self, job, check=True):
        """Wait for a spawned program: (stdout, wall s, cpu s, peak RSS kB), from bench-exec."""
        p, out, err, ru, argv = job
        p.wait()
        out.seek(0)
        err.seek(0)
        text, etext = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        try:
            with open(ru) as f:
                u = json.load(f)
        except (OSError, ValueError):
            u = {"rc": p.returncode, "wall_s": 0.0, "cpu_s": 0.0, "maxrss_kb": 0}
        finally:
            os.unlink(ru)
        self.log.write(json.dumps({"argv": redact(argv), **u, "stdout": text[-2000:],
                                   "stderr": etext[-2000:]}) + "\n")
        if check and p.returncode != 0:
            raise Failure(f"{' '.join(redact(argv))[:200]} exited {p.returncode}: {etext.strip()[-400:]}")
        return text, u["wall_s"], u["cpu_s"], u["maxrss_kb"]

    def batch(self, argvs, check=True):
        """Run programs all at once; returns their results and sets server_cpu."""
        s0 = self.server.cpu()
        base = set(self.server.pids)
        jobs = [self.spawn(a) for a in argvs]
        res = [self.reap(j, check) for j in jobs]
        self.server.settle(base)
        self.server_cpu = self.server.cpu() - s0
        return res

    def run(self, argv, check=True):
        return self.batch([argv], check)[0]


class ServerCpu:
    """CPU seconds used so far by the bench lab's processes (found by the lab's instance marker),
    their exited children included (cutime/cstime). Clock-tick resolution: informative only."""

    def __init__(self, lab_root):
        with open(os.path.join(lab_root, ".instance")) as f:
            self.marker = f"NETAPI_LAB_INSTANCE={f.read().strip()}/fs".encode()
        self.tick = os.sysconf("SC_CLK_TCK")
        self.pids, self.scanned = set(), 0.0

    def ours(self):
        # Re-scan for new processes (smbd forks one per connection); known ones are kept.
        found = set()
        for pid in filter(str.isdigit, os.listdir("/proc")):
            if pid in self.pids:
                found.add(pid)
                continue
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    if self.marker in f.read().split(b"\0"):
                        found.add(pid)
            except OSError:
                continue
        self.pids = found
        return found

    def settle(self, base, timeout=3.0):
        """Wait until the server processes started for the last run (smbd's per-connection
        children) are gone: their CPU reaches the parent's cutime only once they are reaped."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self.ours() - base:
            time.sleep(0.02)

    def cpu(self):
        total = 0
        for pid in self.ours():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        return total / self.tick


@contextlib.contextmanager
def split_cores(proc):
    """The server's processes (their threads, and the children they fork meanwhile) on CPU 0,
    the measured programs on the others: client and server then do not take CPU from each
    other, as on two machines. On one shared pair of cores, every microsecond of client CPU —
    even work overlapped with the server's — slows the server's next answer."""
    cpus = os.sched_getaffinity(0)
    if len(cpus) < 2 or 0 not in cpus:
        raise Failure("separate cores need at least two CPUs, CPU 0 among them")

    def pin(mask):
        for pid in proc.server.ours():
            try:
                for tid in os.listdir(f"/proc/{pid}/task"):
                    os.sched_setaffinity(int(tid), mask)
            except OSError:
                continue

    pin({0})
    proc.client_cpus = cpus - {0}
    try:
        yield
    finally:
        proc.client_cpus = None
        pin(cpus)


def redact(argv):
    """The command line for the raw log, without the (lab) password."""
    out = []
    for i, a in enumerate(argv):
        if i and argv[i - 1] == "--password":
            a = "***"
        elif "%" in a and "\\" in a:
            a = re.sub(r"%.*$", "%***", a)
        out.append(a)
    return out


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise Failure(f"no JSON result in output: {text[-300:]!r}")


# ---------------------------------------------------------------- peers ---------------------
class Peers:
    def __init__(self, a, proc):
        self.a, self.proc = a, proc
        self.creds = ["--server", a.server, "--user", a.user, "--password", a.password]

    @property
    def server_cpu(self):
        return self.proc.server_cpu

    def netapi(self, *args, signing="preferred", heap=False):
        exe = "netapi-bench-heap" if heap else "netapi-bench"
        argv = [os.path.join(self.a.bin_dir, exe), *self.creds, "--signing", signing, *args]
        return last_json(self.proc.run(argv)[0])

    def floor(self, *args):
        argv = [os.path.join(self.a.bin_dir, "wire-floor"), *self.creds, *args]
        return last_json(self.proc.run(argv)[0])

    def impacket(self, *args, script="impacket_bench.py"):
        argv = [self.a.python, os.path.join(HERE, script), *self.creds, *args]
        j = last_json(self.proc.run(argv)[0])
        return j

    def rpcclient_argv(self, commands, server=None, port=None):
        argv = ["rpcclient", "-s", self.a.client_conf, "-U", f"{self.a.user}%{self.a.password}"]
        if port:
            argv += ["-p", str(port)]
        return argv + [server or self.a.server, "-c", "; ".join(commands)]

    def rpcclient(self, commands, server=None, port=None, check=True):
        _, wall, cpu, rss = self.proc.run(self.rpcclient_argv(commands, server, port), check)
        return wall, cpu, rss

    def rpcclient_base(self, commands):
        """rpcclient doing `commands` once, median of three runs: the start-up, connection and
        exit that the N+1-command run also pays. (wall, cpu, server cpu)"""
        runs = []
        for _ in range(3):
            w, c, _ = self.rpcclient(commands)
            runs.append((w, c, self.server_cpu))
        return tuple(statistics.median(r[i] for r in runs) for i in range(3))


# ---------------------------------------------------------------- statistics ----------------
def summarize(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    med = statistics.median(vals)
    return {"median": med, "min": min(vals), "max": max(vals), "n": len(vals),
            "spread_pct": (max(vals) - min(vals)) / 2 / med * 100 if med else 0.0}


class Row:
    """One peer's line in a workload table: per-run samples of the primary metric and friends."""

    def __init__(self, key, label, note=""):
        self.key, self.label, self.note = key, label, note
        self.samples = []  # dicts: value, cpu, rss_kb, + extras

    def add(self, value, cpu=None, rss_kb=None, server=None, **extra):
        self.samples.append(dict(value=value, cpu=cpu, rss_kb=rss_kb, server=server, **extra))

    def stat(self, field="value"):
        return summarize([s.get(field) for s in self.samples])

    def median(self, field="value"):
        s = self.stat(field)
        return s["median"] if s else None

    def to_json(self):
        return {"key": self.key, "label": self.label, "note": self.note,
                "value": self.stat(), "cpu": self.stat("cpu"), "rss_kb": self.stat("rss_kb"),
                "server": self.stat("server"),
                "samples": self.samples}


class Workload:
    def __init__(self, wid, title, unit, better="lower"):
        self.id, self.title, self.unit, self.better = wid, title, unit, better
        self.rows = {}
        self.extras = {}  # key -> (label, [dict]): figures outside the time table (heap)
        self.targets = []
        self.notes = []
        self.errors = []
        self.load = {}

    def row(self, key, label, note=""):
        if key not in self.rows:
            self.rows[key] = Row(key, label, note)
        return self.rows[key]

    def extra(self, key, label):
        return self.extras.setdefault(key, (label, []))[1]

    def ratio(self, a, b, field="value"):
        x, y = self.rows.get(a), self.rows.get(b)
        if not x or not y or x.median(field) is None or not y.median(field):
            return None
        return x.median(field) / y.median(field)

    def target(self, name, value, limit, kind="max"):
        met = None if value is None else (value <= limit if kind == "max" else value >= limit)
        self.targets.append({"name": name, "value": value, "limit": limit, "kind": kind, "met": met})

    def to_json(self):
        return {"id": self.id, "title": self.title, "unit": self.unit, "better": self.better,
                "rows": [r.to_json() for r in self.rows.values()], "targets": self.targets,
                "extras": {k: {"label": v[0], "samples": v[1]} for k, v in self.extras.items()},
                "notes": self.notes, "errors": self.errors, "load": self.load}


def attempt(w, label, fn):
    """Run one measurement; a failure is recorded against the workload instead of aborting."""
    try:
        fn()
    except Exception as e:  # recorded and reported; --smoke turns it into a failing exit status
        w.errors.append(f"{label}: {e}")


# ---------------------------------------------------------------- workloads -----------------
# Every sample holds: value (the workload's unit), cpu (client CPU, same unit), rss_kb (peak RSS
# of the client process) and server (the bench lab's CPU, same unit; whole-run / calls, so it
# includes one connection setup per process, spread over its calls).

def warm(a, p, sz, op):
    w = Workload(f"warm-{op}", f"Warm calls: {sz['warm']} x "
                 + ("NetShareEnum level 1" if op == "share-enum-1" else "NetServerGetInfo 101")
                 + " over one connection", "µs/call")
    n = sz["warm"]
    cmd = RPCCLIENT_CMD[op]

    def ours(key, label, signing, *more):
        j = p.netapi("warm", "--op", op, "--calls", str(n), *more, signing=signing)
        if j["items"] < 1:
            raise Failure("no items")
        w.row(key, label).add(j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6, j["maxrss_kb"],
                              server=p.server_cpu / (n + 1) * 1e6)

    def rpc():
        w1, c1, s1 = p.rpcclient_base([cmd])
        wn, cn, rss = p.rpcclient([cmd] * (n + 1))
        w.row("rpcclient", "rpcclient (one process, N+1 minus 1 commands)").add(
            (wn - w1) / n * 1e6, (cn - c1) / n * 1e6, rss, server=(p.server_cpu - s1) / n * 1e6)

    def imp():
        j = p.impacket("warm", "--op", op, "--calls", str(n))
        w.row("impacket", f"impacket {j['version']}").add(
            j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6, j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e6,
            dialect=j["dialect"])

    def flo():
        j = p.floor("--op", op, "--calls", str(n))
        w.row("floor", "wire floor (unsigned)").add(j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6, j["maxrss_kb"],
                                                    server=p.server_cpu / (n + 1) * 1e6,
                                                    bytes_per_call=j["response_bytes_per_call"])

    for _ in range(sz["repeats"]):
        attempt(w, "netapi", lambda: ours("netapi", "netapi (signed, default)", "preferred"))
        attempt(w, "rpcclient", rpc)
        attempt(w, "impacket", imp)
        attempt(w, "floor", flo)
        attempt(w, "netapi unsigned", lambda: ours("netapi-unsigned", "netapi (unsigned)", "off"))
        attempt(w, "netapi current-thread",
                lambda: ours("netapi-ct", "netapi AsyncClient on a current-thread runtime (signed)", "preferred",
                             "--current-thread"))
    w.target("per call ≤ 1.0× rpcclient", w.ratio("netapi", "rpcclient"), 1.0)
    w.target("per call ≤ 0.15× impacket", w.ratio("netapi", "impacket"), 0.15)
    return w


def fresh(a, p, sz):
    n = sz["fresh"]
    w = Workload("fresh", f"Fresh connections: {n} x (connect, negotiate, session setup, tree connect, "
                 "open pipe, bind, NetShareEnum 1)", "ms/connection")
    cmd = RPCCLIENT_CMD["share-enum-1"]

    def ours_inproc():
        j = p.netapi("fresh", "--op", "share-enum-1", "--calls", str(n))
        w.row("netapi", "netapi (in one process)").add(j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3, j["maxrss_kb"],
                                                       server=p.server_cpu / n * 1e3)

    def per_process(key, label, argv_fn, check=True):
        wall = cpu = server = 0.0
        rss = 0
        for _ in range(n):
            _, wl, c, r = p.proc.run(argv_fn(), check)
            wall, cpu, rss, server = wall + wl, cpu + c, max(rss, r), server + p.server_cpu
        w.row(key, label).add(wall / n * 1e3, cpu / n * 1e3, rss, server=server / n * 1e3)
        return wall / n * 1e3, cpu / n * 1e3

    ours_argv = lambda: [os.path.join(a.bin_dir, "netapi-bench"), *p.creds, "fresh", "--op", "share-enum-1",
                         "--calls", "1"]

    def rpc():
        wl, c = per_process("rpcclient", "rpcclient (one process per connection)",
                            lambda: p.rpcclient_argv([cmd]))
        bw, bc = per_process("rpcclient-startup", "rpcclient start-up only (connection refused)",
                             lambda: p.rpcclient_argv(["srvinfo"], "127.0.0.1", 9), check=False)
        w.row("rpcclient-net", "rpcclient minus its start-up").add(wl - bw, c - bc, None)

    def imp():
        j = p.impacket("fresh", "--op", "share-enum-1", "--calls", str(n))
        w.row("impacket", f"impacket {j['version']} (in one process)").add(
            j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3, j["maxrss_kb"], server=p.server_cpu / n * 1e3)

    net_argv = lambda: ["net", "rpc", "share", "list", "-s", a.client_conf, "-U", f"{a.user}%{a.password}",
                        "-S", a.server, "-I", a.server]
    for _ in range(sz["repeats"]):
        attempt(w, "netapi", ours_inproc)
        attempt(w, "rpcclient", rpc)
        attempt(w, "netapi per process",
                lambda: per_process("netapi-process", "netapi (one process per connection)", ours_argv))
        attempt(w, "impacket", imp)
        attempt(w, "net rpc", lambda: per_process("net", "net rpc share list (libnetapi, one process each)",
                                                  net_argv))
    w.target("fresh connection ≤ 1.0× rpcclient (process vs process)", w.ratio("netapi-process", "rpcclient"), 1.0)
    w.target("fresh connection ≤ 1.0× rpcclient (in-process vs rpcclient minus start-up)",
             w.ratio("netapi", "rpcclient-net"), 1.0)
    return w


def enum(a, p, sz, pref_len):
    n = sz["enum"]
    paged = pref_len != 0
    w = Workload("enum-502-paged" if paged else "enum-502",
                 f"Large enumeration: NetShareEnum 502 of {sz['shares']}+ shares, "
                 + (f"paged by prefLen {pref_len}" if paged else "whole (MAX_PREFERRED_LENGTH)"),
                 "ms/enumeration")
    args = ["enum", "--level", "502", "--pref-len", str(pref_len), "--calls", str(n)]

    def ours(key, label, signing):
        j = p.netapi(*args, signing=signing)
        if j["entries"] < sz["shares"]:
            raise Failure(f"only {j['entries']} shares enumerated, {sz['shares']} seeded")
        w.row(key, label).add(j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3, j["maxrss_kb"],
                              server=p.server_cpu / (n + 1) * 1e3,
                              cpu_pct=j["cpu_s"] / j["wall_s"] * 100, entries=j["entries"], pages=j["pages"])

    def heap():
        j = p.netapi(*args[:-1], "1", heap=True)
        w.extra("heap", "netapi heap (counting allocator, untimed run)").append(
            dict(ratio=j["heap_peak_bytes"] / j["heap_result_bytes"], heap_peak_bytes=j["heap_peak_bytes"],
                 heap_result_bytes=j["heap_result_bytes"], heap_content_bytes=j["heap_content_bytes"],
                 entries=j["heap_entries"]))

    def flo():
        j = p.floor("--op", "share-enum", "--level", "502", "--pref-len", str(pref_len), "--calls", str(n))
        w.row("floor", "wire floor (unsigned)").add(j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3, j["maxrss_kb"],
                                                    server=p.server_cpu / (n + 1) * 1e3,
                                                    bytes_per_call=j["response_bytes_per_call"],
                                                    reads_per_call=j["reads"] / n, pages=j["pages"])

    def imp():
        j = p.impacket("enum", "--level", "502", "--pref-len", str(pref_len), "--calls", str(n))
        w.row("impacket", f"impacket {j['version']}").add(j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3,
                                                          j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e3,
                                                          pages=j["pages"])

    def rpc():
        cmd = "netshareenumall 502"  # rpcclient has no prefLen argument: whole only
        w1, c1, s1 = p.rpcclient_base([cmd])
        wn, cn, rss = p.rpcclient([cmd] * (n + 1))
        w.row("rpcclient", "rpcclient (prints every entry)").add((wn - w1) / n * 1e3, (cn - c1) / n * 1e3, rss,
                                                                 server=(p.server_cpu - s1) / n * 1e3)

    for _ in range(sz["repeats"]):
        attempt(w, "netapi", lambda: ours("netapi", "netapi (signed, default)", "preferred"))
        attempt(w, "floor", flo)
        attempt(w, "netapi unsigned", lambda: ours("netapi-unsigned", "netapi (unsigned, as the floor)", "off"))
        if not paged:
            attempt(w, "rpcclient", rpc)
        attempt(w, "impacket", imp)
        attempt(w, "heap", heap)
    w.target("time ≤ 1.1× wire floor (both unsigned)", w.ratio("netapi-unsigned", "floor"), 1.1)
    ours_row = w.rows.get("netapi")
    w.target("client CPU ≤ 10% of wall", ours_row.median("cpu_pct") if ours_row else None, 10.0)
    heaps = w.extras.get("heap", (None, []))[1]
    w.target("heap peak ≤ 2× decoded result",
             statistics.median(h["ratio"] for h in heaps) if heaps else None, 2.0)
    return w


def concurrent(a, p, sz):
    t, n = sz["tasks"], sz["conc"]
    w = Workload("concurrent", f"Concurrency: {t} tasks x {n} mixed calls (NetShareEnum 1 / NetServerGetInfo 101)",
                 "µs/call (wall)")
    total = t * n

    def ours():
        j = p.netapi("concurrent", "--tasks", str(t), "--calls", str(n))
        w.row("netapi", "netapi (one shared AsyncClient: 1 connection, 1 pipe per task)").add(
            j["wall_s"] / total * 1e6, j["cpu_s"] / total * 1e6, j["maxrss_kb"],
            server=p.server_cpu / total * 1e6, calls_per_s=total / j["wall_s"])

    def imp():
        # Fewer calls per thread: impacket needs ~3 ms of CPU per call, under one GIL.
        ni = sz["conc_impacket"]
        j = p.impacket("concurrent", "--tasks", str(t), "--calls", str(ni))
        w.row("impacket", f"impacket {j['version']} ({t} threads x {ni} calls, 1 connection each)").add(
            j["wall_s"] / (t * ni) * 1e6, j["cpu_s"] / (t * ni) * 1e6, j["maxrss_kb"],
            server=p.server_cpu / (t * ni) * 1e6, calls_per_s=t * ni / j["wall_s"])

    def rpc():
        def batch(k):
            argvs = [p.rpcclient_argv([RPCCLIENT_CMD["share-enum-1" if (i + j) % 2 == 0 else "server-info-101"]
                                       for j in range(k)]) for i in range(t)]
            res = p.proc.batch(argvs)
            return max(r[1] for r in res), sum(r[2] for r in res), max(r[3] for r in res), p.server_cpu

        w1, c1, _, s1 = batch(1)
        wn, cn, rss, sn = batch(n + 1)
        wall = wn - w1
        w.row("rpcclient", f"rpcclient ({t} processes, N+1 minus 1 commands)").add(
            wall / total * 1e6, (cn - c1) / total * 1e6, rss, server=(sn - s1) / total * 1e6,
            calls_per_s=total / wall if wall > 0 else None)

    for _ in range(sz["repeats"]):
        attempt(w, "netapi", ours)
        attempt(w, "rpcclient", rpc)
        attempt(w, "impacket", imp)
    return w


def many(a, p, sz, rtt_ms=0):
    hosts = a.hosts.split(",")[: sz["hosts"]]
    if rtt_ms:
        # The same servers behind delay-proxy: 127.0.1.i becomes <proxy net>.i.
        hosts = [a.proxy_net + "." + h.rsplit(".", 1)[1] for h in hosts]
    h = len(hosts)
    where = f"{rtt_ms} ms round trip (emulated)" if rtt_ms else "loopback"
    w = Workload("many-rtt%d" % rtt_ms if rtt_ms else "many",
                 f"Many servers, {where}: {h} hosts x one fresh connection + NetServerGetInfo 101, "
                 "one after another vs all at once", "ms/host")
    hl = ",".join(hosts)
    repeats = sz["repeats"] if not rtt_ms else min(sz["repeats"], 3)

    def ours(mode):
        j = p.netapi("many", "--hosts", hl, "--mode", mode)
        if j["failed"]:
            raise Failure(f"{j['failed']} hosts failed")
        w.row(f"netapi-{mode}", f"netapi {'sequential' if mode == 'seq' else 'concurrent (tokio tasks)'}").add(
            j["wall_s"] / h * 1e3, j["cpu_s"] / h * 1e3, j["maxrss_kb"], server=p.server_cpu / h * 1e3,
            hosts_per_s=j["hosts_per_s"], done_s=j.get("done_s"))

    def imp(mode):
        j = p.impacket("many", "--hosts", hl, "--mode", mode)
        if j["failed"]:
            raise Failure(f"{j['failed']} hosts failed")
        w.row(f"impacket-{mode}", f"impacket {'sequential' if mode == 'seq' else 'concurrent (threads)'}").add(
            j["wall_s"] / h * 1e3, j["cpu_s"] / h * 1e3, j["maxrss_kb"], server=p.server_cpu / h * 1e3,
            hosts_per_s=j["hosts_per_s"])

    def rpc(mode):
        t0 = time.perf_counter()
        if mode == "seq":
            res, server = [], 0.0
            for host in hosts:
                res.append(p.proc.run(p.rpcclient_argv(["srvinfo"], host)))
                server += p.server_cpu
        else:
            res = p.proc.batch([p.rpcclient_argv(["srvinfo"], host) for host in hosts])
            server = p.server_cpu
        wall = time.perf_counter() - t0
        w.row(f"rpcclient-{mode}", f"rpcclient {'sequential' if mode == 'seq' else 'concurrent'} (a process per host)").add(
            wall / h * 1e3, sum(r[2] for r in res) / h * 1e3, max(r[3] for r in res), server=server / h * 1e3,
            hosts_per_s=h / wall)

    for _ in range(repeats):
        for mode in ("seq", "conc"):
            attempt(w, f"netapi {mode}", lambda: ours(mode))
            attempt(w, f"rpcclient {mode}", lambda: rpc(mode))
            attempt(w, f"impacket {mode}", lambda: imp(mode))
    speed = w.ratio("netapi-seq", "netapi-conc")
    w.target(f"{h} servers concurrently ≥ 20× faster than one after another ({where})", speed, 20.0, kind="min")
    w.notes.append(f"speed-up (sequential ÷ concurrent wall time): netapi {fmt(speed)}×, rpcclient "
                   f"{fmt(w.ratio('rpcclient-seq', 'rpcclient-conc'))}×, impacket "
                   f"{fmt(w.ratio('impacket-seq', 'impacket-conc'))}×")
    conc = w.rows.get("netapi-conc")
    if conc and conc.median("server") and not rtt_ms:
        cores = os.cpu_count() or 1
        w.notes.append(f"the server needs {fmt(conc.median('server'))} ms of CPU per fresh connection; with "
                       f"{cores} cores shared by server and client, no client can go below "
                       f"{fmt(conc.median('server') / cores)} ms/host ({fmt(1000 * cores / conc.median('server'))} hosts/s)")
    return w


def many_scripted(a, p, sz):
    """The many-servers workload against netapi-testkit's scripted servers behind delay-proxy:
    they cost well under a millisecond of CPU per connection, so the client (and the emulated
    network) is what bounds the concurrent run. netapi only: rpcclient and impacket do not log
    on to the scripted servers' NTLM acceptor."""
    h, rtt = sz["hosts"], sz["rtt_ms"]
    w = Workload(f"many-scripted-rtt{rtt}", f"Many servers, scripted (netapi-testkit peers), {rtt} ms round trip "
                 f"(emulated): {h} hosts x one fresh connection + NetShareEnum 1, one after another vs all at once",
                 "ms/host")
    fake = subprocess.Popen([os.path.join(a.bin_dir, "fake-servers"), "--count", str(h)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proxy = None
    try:
        ports = fake.stdout.readline().split()[1].split(",")
        user, password = fake.stdout.readline().split()[1:3]
        proxy = subprocess.Popen([os.path.join(a.bin_dir, "delay-proxy"), "--listen", a.proxy_net,
                                  "--targets", ",".join(f"127.0.0.1:{x}" for x in ports), "--count", str(h),
                                  "--delay-ms", str(rtt / 2)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proxy.stdout.readline().strip() != "ready":
            raise Failure(f"delay-proxy did not start: {proxy.stderr.read()[-300:]}")
        hosts = ",".join(f"{a.proxy_net}.{i}" for i in range(1, h + 1))

        def fake_cpu():
            with open(f"/proc/{fake.pid}/stat") as f:
                return sum(int(x) for x in f.read().rsplit(")", 1)[1].split()[11:13]) / os.sysconf("SC_CLK_TCK")

        def ours(mode):
            argv = [os.path.join(a.bin_dir, "netapi-bench"), "--server", f"{a.proxy_net}.1", "--user", user,
                    "--password", password, "many", "--hosts", hosts, "--mode", mode, "--op", "share-enum-1"]
            c0 = fake_cpu()
            j = last_json(p.proc.run(argv)[0])
            if j["failed"]:
                raise Failure(f"{j['failed']} hosts failed")
            w.row(f"netapi-{mode}", f"netapi {'sequential' if mode == 'seq' else 'concurrent (tokio tasks)'}").add(
                j["wall_s"] / h * 1e3, j["cpu_s"] / h * 1e3, j["maxrss_kb"], server=(fake_cpu() - c0) / h * 1e3,
                hosts_per_s=j["hosts_per_s"], done_s=j.get("done_s"))

        for _ in range(min(sz["repeats"], 3)):
            for mode in ("seq", "conc"):
                attempt(w, f"netapi {mode}", lambda: ours(mode))
    finally:
        for proc in (proxy, fake):
            if proc:
                proc.terminate()
                proc.wait()
    speed = w.ratio("netapi-seq", "netapi-conc")
    w.target(f"{h} servers concurrently ≥ 20× faster than one after another (scripted servers, {rtt} ms round trip)",
             speed, 20.0, kind="min")
    w.notes.append(f"speed-up (sequential ÷ concurrent wall time): netapi {fmt(speed)}×")
    return w


def python_module(a, p, sz):
    """The Python module: the warm calls and the concurrency workload through `win32net`, beside
    the Rust client (the same calls) and impacket. Three workloads; an interpreter without
    `win32net` gives one "not yet" row (and no error)."""
    w = Workload("python", "The Python module (win32net through netapi)", "µs/call")
    py = a.py_module_python
    if not py or subprocess.run([py, "-c", "import win32net"], capture_output=True).returncode != 0:
        w.notes.append("not yet: no interpreter with win32net (pip install ./crates/netapi-py; --py-module-python)")
        w.row("win32net", "win32net (netapi-py)", "not yet")
        return [w]
    script = os.path.join(HERE, "win32net_bench.py")
    creds = ["--server", a.server, "--user", a.user, "--password", a.password]

    def py_run(*args):
        j = last_json(p.proc.run([py, script, *creds, *args])[0])
        if j.get("errors"):
            raise Failure(f"win32net: {j['errors'][:3]}")
        return j

    out = []
    n = sz["warm"]
    for op, title in (("share-enum-1", "NetShareEnum level 1"), ("server-info-101", "NetServerGetInfo 101")):
        w = Workload(f"python-warm-{op}", f"Python: {n} x {title} over one connection, through win32net", "µs/call")

        def py_warm(op=op, w=w):
            j = py_run("warm", "--op", op, "--calls", str(n))
            if j["items"] < 1:
                raise Failure("no items")
            w.row("win32net", "win32net (netapi-py, Python)").add(
                j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6, j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e6)

        def rust(op=op, w=w):
            j = p.netapi("warm", "--op", op, "--calls", str(n))
            w.row("netapi", "netapi (Rust, blocking Client)").add(
                j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6, j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e6)

        def imp(op=op, w=w):
            j = p.impacket("warm", "--op", op, "--calls", str(n))
            w.row("impacket", f"impacket {j['version']}").add(
                j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6, j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e6)

        for _ in range(sz["repeats"]):
            attempt(w, "win32net", py_warm)
            attempt(w, "netapi", rust)
            attempt(w, "impacket", imp)
        w.target("win32net per call ≤ 1.2× the Rust call", w.ratio("win32net", "netapi"), 1.2)
        w.target("win32net per call ≤ 0.2× impacket", w.ratio("win32net", "impacket"), 0.2)
        out.append(w)

    t, n = sz["tasks"], sz["conc"]
    total = t * n
    w = Workload("python-concurrent", f"Python: {t} threads x {n} mixed calls (NetShareEnum 1 / NetServerGetInfo "
                 "101) through win32net, beside the Rust tasks", "µs/call (wall)")

    def py_conc():
        j = py_run("concurrent", "--tasks", str(t), "--calls", str(n))
        w.row("win32net", f"win32net ({t} Python threads)").add(
            j["wall_s"] / total * 1e6, j["cpu_s"] / total * 1e6, j["maxrss_kb"],
            server=p.server_cpu / total * 1e6, calls_per_s=j["calls_per_s"])

    def rust_conc():
        j = p.netapi("concurrent", "--tasks", str(t), "--calls", str(n))
        w.row("netapi", f"netapi (Rust, {t} tokio tasks on one AsyncClient)").add(
            j["wall_s"] / total * 1e6, j["cpu_s"] / total * 1e6, j["maxrss_kb"],
            server=p.server_cpu / total * 1e6, calls_per_s=total / j["wall_s"])

    for _ in range(sz["repeats"]):
        attempt(w, "win32net", py_conc)
        attempt(w, "netapi", rust_conc)
    # calls/s ratio = inverse of the µs/call ratio.
    r = w.ratio("netapi", "win32net")
    w.target(f"{t} Python threads ≥ 0.8× the calls/s of {t} Rust tasks", r, 0.8, kind="min")
    out.append(w)
    return out


# ---------------------------------------------------------------- users (issue 11) ----------
def users_enum_0(a, p, sz, usz):
    """NetUserEnum level 0 of every account of the users lab, beside the floor, rpcclient
    `enumdomusers`, `net rpc user` and impacket."""
    n = usz["user_enum"]
    w = Workload("users-enum-0", f"NetUserEnum level 0 of {a.users_count:,} accounts (all pages, "
                 "MAX_PREFERRED_LENGTH)", "ms/enumeration")

    # Besides the loop's wall time per call (the rows), the calls' own time: netapi's loop also
    # drops each 10,000-name result before the next call, which the floor (no result) never
    # does. Shown as an extra, not the target.
    call_only = []

    def ours(key, label, signing):
        j = p.netapi("user-enum", "--level", "0", "--calls", str(n), signing=signing)
        if j["entries"] < a.users_count:
            raise Failure(f"only {j['entries']} accounts enumerated, {a.users_count} seeded")
        w.row(key, label).add(j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3, j["maxrss_kb"],
                              server=p.server_cpu / (n + 1) * 1e3,
                              cpu_pct=j["cpu_s"] / j["wall_s"] * 100, entries=j["entries"])
        call_only.append({"row": key, "ms": sum(j["per_call_s"]) / n * 1e3})

    def flo(depth=None, key="floor", label="wire floor (unsigned, reads ahead as netapi)"):
        more = [] if depth is None else ["--read-ahead", str(depth)]
        j = p.floor("--op", "user-enum", "--calls", str(n), *more)
        if depth is not None:
            key, label = "floor-serial", "wire floor (unsigned, one READ at a time)"
        call_only.append({"row": key, "ms": sum(j["per_call_s"]) / n * 1e3})
        w.row(key, label).add(j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3, j["maxrss_kb"],
                              server=p.server_cpu / (n + 1) * 1e3,
                              bytes_per_call=j["response_bytes_per_call"],
                              reads_per_call=j["reads"] / n, pages=j["pages"])

    def rpc():
        w1, c1, s1 = p.rpcclient_base(["enumdomusers"])
        wn, cn, rss = p.rpcclient(["enumdomusers"] * (n + 1))
        w.row("rpcclient", "rpcclient enumdomusers (prints every entry)").add(
            (wn - w1) / n * 1e3, (cn - c1) / n * 1e3, rss, server=(p.server_cpu - s1) / n * 1e3)

    def imp():
        j = p.impacket("user-enum", "--level", "0", "--calls", str(n), script="impacket_users.py")
        w.row("impacket", f"impacket {j['version']}").add(j["wall_s"] / n * 1e3, j["cpu_s"] / n * 1e3,
                                                          j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e3)

    def split(run):
        with split_cores(p.proc):
            run()

    net_argv = lambda server: ["net", "rpc", "user", "-s", a.client_conf, "-U", f"{a.user}%{a.password}",
                               "-S", server, "-I", server]

    def net():
        _, wl, c, rss = p.proc.run(net_argv(a.server))
        srv = p.server_cpu
        _, bw, bc, _ = p.proc.run(net_argv("127.0.0.1") + ["-p", "9"], check=False)
        w.row("net", "net rpc user (libnetapi; a process, minus its start-up)").add(
            (wl - bw) * 1e3, (c - bc) * 1e3, rss, server=srv * 1e3)

    for _ in range(sz["repeats"]):
        attempt(w, "netapi", lambda: ours("netapi", "netapi (signed, default)", "preferred"))
        attempt(w, "floor", flo)
        attempt(w, "netapi unsigned", lambda: ours("netapi-unsigned", "netapi (unsigned, as the floor)", "off"))
        attempt(w, "floor serial", lambda: flo(1))
        attempt(w, "netapi unsigned, separate cores", lambda: split(lambda: ours(
            "netapi-split", "netapi (unsigned; server on CPU 0, client on the others)", "off")))
        attempt(w, "floor, separate cores", lambda: split(lambda: flo(
            key="floor-split", label="wire floor (reads ahead; server on CPU 0, client on the others)")))
        attempt(w, "rpcclient", rpc)
        attempt(w, "impacket", imp)
        attempt(w, "net rpc", net)
    w.target("time ≤ 1.1× wire floor (both unsigned, both reading ahead)", w.ratio("netapi-unsigned", "floor"), 1.1)
    w.target("time ≤ 1.1× wire floor reading one READ at a time (as before 2026-12-07 night)",
             w.ratio("netapi-unsigned", "floor-serial"), 1.1)
    w.target("time ≤ 1.1× wire floor, client and server on separate cores (both reading ahead)",
             w.ratio("netapi-split", "floor-split"), 1.1)
    w.target("time ≤ 1.0× rpcclient enumdomusers (both signed)", w.ratio("netapi", "rpcclient"), 1.0)
    med = lambda key: statistics.median([c["ms"] for c in call_only if c["row"] == key] or [0]) or None
    for ours_key, floor_key in (("netapi-unsigned", "floor"), ("netapi-split", "floor-split")):
        if med(ours_key) and med(floor_key):
            w.notes.append(f"calls alone, {ours_key} / {floor_key}: {med(ours_key):.2f} / "
                           f"{med(floor_key):.2f} ms = {fmt(med(ours_key) / med(floor_key))}×")
    return w


def users_enum_detail(a, p, sz, usz):
    """NetUserEnum level 20: the enumeration plus four calls per account (open, query, DACL,
    close), several in flight vs one after another, beside impacket one after another, and the
    fan-out experiment (own handles per pipe vs one association group)."""
    w = Workload("users-enum-20", f"NetUserEnum level 20 of {a.users_count:,} accounts (a query per "
                 "account: SamrOpenUser, SamrQueryInformationUser2, SamrQuerySecurityObject, SamrCloseHandle)",
                 "µs/account")

    def ours(parallel):
        j = p.netapi("user-enum", "--level", "20", "--calls", "1", "--parallel", str(parallel))
        k = j["entries"]
        if k < a.users_count:
            raise Failure(f"only {k} accounts read, {a.users_count} seeded")
        label = ("netapi, one account after another (max_parallel_reads 1)" if parallel == 1 else
                 f"netapi (default: up to {parallel} associations reading at once)")
        w.row(f"netapi-{parallel}", label).add(j["wall_s"] / k * 1e6, j["cpu_s"] / k * 1e6, j["maxrss_kb"],
                                               server=p.server_cpu / (2 * k) * 1e6, entries=k)

    def heap():
        j = p.netapi("user-enum", "--level", "20", "--calls", "0", heap=True)
        w.extra("heap", "netapi heap (counting allocator, untimed run)").append(
            dict(ratio=j["heap_peak_bytes"] / j["heap_result_bytes"], heap_peak_bytes=j["heap_peak_bytes"],
                 heap_result_bytes=j["heap_result_bytes"], heap_content_bytes=j["heap_result_bytes"],
                 entries=j["heap_entries"]))

    def fanout(mode, workers):
        j = p.netapi("samr-fanout", "--mode", mode, "--workers", str(workers))
        k = j["accounts"]
        label = {"pipes": f"fan-out experiment: {workers} pipe(s), each with its own domain handle",
                 "group": f"fan-out experiment: {workers} pipes in one association group, one domain handle"}[mode]
        w.row(f"fanout-{mode}-{workers}", label).add(j["wall_s"] / k * 1e6, j["cpu_s"] / k * 1e6, j["maxrss_kb"],
                                                     server=p.server_cpu / k * 1e6)

    def imp():
        more = ["--accounts", str(usz["detail_accounts"])] if usz["detail_accounts"] else []
        j = p.impacket("user-enum", "--level", "20", "--calls", "1", *more, script="impacket_users.py")
        k = j["accounts"]
        w.row("impacket", f"impacket {j['version']} (one after another)").add(
            j["wall_s"] / k * 1e6, j["cpu_s"] / k * 1e6, j["maxrss_kb"], server=p.server_cpu / k * 1e6)

    for _ in range(sz["repeats"]):
        attempt(w, "netapi", lambda: ours(8))
        attempt(w, "netapi sequential", lambda: ours(1))
        attempt(w, "fan-out pipes", lambda: fanout("pipes", 8))
        attempt(w, "fan-out group", lambda: fanout("group", 8))
        attempt(w, "fan-out one pipe", lambda: fanout("pipes", 1))
        attempt(w, "heap", heap)
    # impacket needs ~2 minutes per 10,000 accounts: three runs are enough.
    for _ in range(min(sz["repeats"], 3)):
        attempt(w, "impacket", imp)
    w.target("≥ 5× faster than impacket one after another", w.ratio("netapi-8", "impacket"), 0.2)
    w.target("≥ 2× faster than netapi one after another", w.ratio("netapi-8", "netapi-1"), 0.5)
    heaps = w.extras.get("heap", (None, []))[1]
    w.target("heap peak ≤ 2× decoded result",
             statistics.median(h["ratio"] for h in heaps) if heaps else None, 2.0)
    w.notes.append(f"speed-up of several reads in flight: netapi {fmt(w.ratio('netapi-1', 'netapi-8'))}×; "
                   f"fan-out experiment: own handles per pipe {fmt(w.ratio('fanout-pipes-1', 'fanout-pipes-8'))}×, "
                   f"one association group {fmt(w.ratio('fanout-pipes-1', 'fanout-group-8'))}×")
    return w


def users_getinfo_3(a, p, sz, usz):
    """NetUserGetInfo level 3 of one account over a warm connection, beside rpcclient `queryuser`."""
    n = usz["user_info"]
    name = a.users_sample
    other = a.users_other
    w = Workload("users-getinfo-3", f"Warm calls: {n} x NetUserGetInfo level 3 of one account", "µs/call")

    def ours():
        j = p.netapi("user-info", "--name", name, "--level", "3", "--calls", str(n))
        w.row("netapi", "netapi (signed, default)").add(j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6,
                                                        j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e6)

    def alternating():
        # Two accounts in turn: the user handle netapi keeps for the next call on the same
        # account is never reused, so this is a program reading many different accounts.
        j = p.netapi("user-info", "--name", f"{name},{other}", "--level", "3", "--calls", str(n))
        w.row("netapi-alternating", "netapi, two accounts in turn (no kept handle reused)").add(
            j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6, j["maxrss_kb"],
            server=p.server_cpu / (n + 1) * 1e6)

    def rpc():
        cmd = f"queryuser {name}"
        w1, c1, s1 = p.rpcclient_base([cmd])
        wn, cn, rss = p.rpcclient([cmd] * (n + 1))
        w.row("rpcclient", "rpcclient queryuser (one process, N+1 minus 1 commands)").add(
            (wn - w1) / n * 1e6, (cn - c1) / n * 1e6, rss, server=(p.server_cpu - s1) / n * 1e6)

    def imp():
        j = p.impacket("user-info", "--name", name, "--calls", str(n), script="impacket_users.py")
        w.row("impacket", f"impacket {j['version']}").add(j["wall_s"] / n * 1e6, j["cpu_s"] / n * 1e6,
                                                          j["maxrss_kb"], server=p.server_cpu / (n + 1) * 1e6)

    for _ in range(sz["repeats"]):
        attempt(w, "netapi", ours)
        attempt(w, "netapi-alternating", alternating)
        attempt(w, "rpcclient", rpc)
        attempt(w, "impacket", imp)
    w.target("per call ≤ 1.0× rpcclient queryuser", w.ratio("netapi", "rpcclient"), 1.0)
    w.notes.append(f"netapi-alternating / rpcclient: {fmt(w.ratio('netapi-alternating', 'rpcclient'))}×")
    return w


def with_proxy(a, sz, fn):
    """Run `fn` with delay-proxy forwarding <proxy net>.i to the bench lab's hosts."""
    n = len(a.hosts.split(",")[: sz["hosts"]])
    target = a.hosts.split(",")[0].rsplit(".", 1)[0]
    proxy = subprocess.Popen([os.path.join(a.bin_dir, "delay-proxy"), "--listen", a.proxy_net, "--target", target,
                              "--count", str(n), "--delay-ms", str(sz["rtt_ms"] / 2)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        if proxy.stdout.readline().strip() != "ready":
            raise Failure(f"delay-proxy did not start: {proxy.stderr.read()[-300:]}")
        return fn()
    finally:
        proxy.terminate()
        proxy.wait()


# ---------------------------------------------------------------- bench lab shares ----------
class Shares:
    """Seeds the bench lab's share include file with N shares and removes them again.

    Appending to `shares.conf` and sending SIGHUP to the lab's rpcd_* workers is what the lab's
    own add-share hook does per share; done once for N shares it takes milliseconds instead of
    N hook runs.
    """

    PREFIX = "nbench_"

    def __init__(self, lab_root):
        self.root = lab_root
        self.conf = os.path.join(lab_root, "fs", "etc", "shares.conf")
        self.path = os.path.join(lab_root, "fs", "shares", "scratch")

    def seed(self, n):
        self.remove()
        with open(self.conf, "a") as f:
            for i in range(1, n + 1):
                f.write(f"\n[{self.PREFIX}{i:04d}]\n    path = {self.path}\n"
                        f"    comment = netapi bench share {i:04d}\n    read only = no\n")
        self.hup()

    def remove(self):
        try:
            with open(self.conf) as f:
                lines = f.readlines()
        except FileNotFoundError:
            return  # the lab is gone, and its shares with it
        keep, skip = [], False
        for line in lines:
            m = re.match(r"\s*\[(.*)\]\s*$", line)
            if m:
                skip = m.group(1).startswith(self.PREFIX)
            if not skip:
                keep.append(line)
        while len(keep) > 1 and keep[-1].strip() == "" and keep[-2].strip() == "":
            keep.pop()
        if len(keep) != len(lines):
            tmp = self.conf + ".bench"
            with open(tmp, "w") as f:
                f.writelines(keep)
            os.replace(tmp, self.conf)
            self.hup()

    def hup(self):
        """SIGHUP the rpcd_* workers of this lab instance (found by its instance marker)."""
        with open(os.path.join(self.root, ".instance")) as f:
            marker = f"NETAPI_LAB_INSTANCE={f.read().strip()}/fs".encode()
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    if marker not in f.read().split(b"\0"):
                        continue
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if b"/rpcd_" not in f.read():
                        continue
                os.kill(int(pid), signal.SIGHUP)
            except (OSError, ProcessLookupError):
                continue
        time.sleep(0.5)  # let the workers re-read smb.conf before the next call


def lab_alive(server):
    import socket
    try:
        with socket.create_connection((server, 445), timeout=5):
            return True
    except OSError:
        return False


# ---------------------------------------------------------------- report --------------------
def fmt(x, digits=3):
    if x is None:
        return "–"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits - 1}f}" if abs(x) >= 1 else f"{x:.{digits}f}"


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024
    osname = "?"
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    return {"cpu": cpu, "cores": os.cpu_count(), "mem_mib": mem, "kernel": platform.release(), "os": osname}


def versions(a):
    def out(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout.strip()
        except OSError:
            return "?"
    return {"netapi": out(["git", "-C", a.repo, "rev-parse", "--short", "HEAD"]),
            "rustc": out(["rustc", "--version"]),
            "samba": out(["smbd", "--version"]),
            "impacket": out([a.python, "-c", "import impacket.version as v; print(v.version)"])}


def markdown(res):
    m, out = res["meta"], []
    out.append(f"# netapi benchmark results ({m['mode']})\n")
    mc = m["machine"]
    out.append(f"- **Date:** {m['date']}  ")
    out.append(f"- **Machine:** {mc['cpu']}, {mc['cores']} cores, {mc['mem_mib'] // 1024} GiB, {mc['os']}, "
               f"Linux {mc['kernel']}  ")
    out.append(f"- **Load average (1 min):** {m['load']['start'][0]:.2f} at start, {m['load']['end'][0]:.2f} at end, "
               f"highest seen {m['load']['max']:.2f}  ")
    v = m["versions"]
    out.append(f"- **Versions:** netapi {v['netapi']}, {v['rustc']}, Samba {v['samba'].replace('Version ', '')}, "
               f"impacket {v['impacket']}  ")
    out.append(f"- **Server:** {m['server_note']}  ")
    out.append(f"- **Runs:** {m['sizes']['repeats']} per peer and workload, interleaved; the median is shown, "
               "spread = half the min–max range in % of the median\n")

    out.append("## Targets\n")
    out.append("| workload | target | measured | met |")
    out.append("|---|---|---|---|")
    for w in res["workloads"]:
        for t in w["targets"]:
            met = {True: "yes", False: "**no**", None: "–"}[t["met"]]
            out.append(f"| {w['id']} | {t['name']} | {fmt(t['value'])} | {met} |")
    out.append("")
    for w in res["workloads"]:
        out.append(f"## {w['title']}\n")
        unit = w["unit"]
        base = {r["key"]: r for r in w["rows"]}
        if w["id"] == "python" and not any(r["value"] for r in w["rows"]):
            out.append("not yet: the win32net module does not exist yet.\n")
            continue
        refs = [k for k in ("rpcclient", "impacket", "floor") if k in base and base[k]["value"]]
        if w["id"].startswith("python-") and "netapi" in base and base["netapi"]["value"]:
            refs.insert(0, "netapi")  # win32net beside the Rust call
        u = unit.split(" ")[0]
        out.append(f"| peer | {unit} | spread | client CPU {u} | server CPU {u} | peak RSS MiB |"
                   + "".join(f" ÷ {k} |" for k in refs))
        out.append("|---" * (6 + len(refs)) + "|")
        for r in w["rows"]:
            val = r["value"]
            if not val:
                out.append(f"| {r['label']} | {r['note'] or 'no result'} |" + " |" * (4 + len(refs)))
                continue
            med = lambda k: r[k]["median"] if r.get(k) else None
            rss = med("rss_kb") / 1024 if med("rss_kb") else None
            line = (f"| {r['label']} | {fmt(val['median'])} | ±{val['spread_pct']:.0f}% | {fmt(med('cpu'))} | "
                    f"{fmt(med('server'))} | {fmt(rss)} |")
            for k in refs:
                ref = base[k]["value"]["median"]
                line += f" {fmt(val['median'] / ref) if ref else '–'} |"
            out.append(line)
        out.append("")
        facts = []
        for r in w["rows"]:
            smp = r["samples"]
            if not smp:
                continue
            medof = lambda k: statistics.median(x[k] for x in smp if x.get(k) is not None)
            s0 = smp[0]
            if "cpu_pct" in s0:
                facts.append(f"{r['label']}: client CPU {fmt(medof('cpu_pct'))}% of wall time; "
                             f"{s0.get('entries')} entries in {s0.get('pages')} page(s)")
            if "bytes_per_call" in s0:
                more = f" in the IOCTL and {fmt(s0['reads_per_call'])} READs" if "reads_per_call" in s0 else ""
                facts.append(f"{r['label']}: {s0['bytes_per_call']} response bytes per call on the wire{more}")
            if "hosts_per_s" in s0:
                facts.append(f"{r['label']}: {fmt(medof('hosts_per_s'))} hosts/s")
            ds = [x["done_s"] for x in smp if x.get("done_s") and x["done_s"].get("last") is not None]
            if ds and "conc" in r["key"]:
                q = lambda k: fmt(statistics.median(d[k] for d in ds) * 1e3)
                facts.append(f"{r['label']}: first host done after {q('first')} ms, half after {q('median')} ms, "
                             f"90% after {q('p90')} ms, all after {q('last')} ms")
            if any(x.get("calls_per_s") for x in smp):
                facts.append(f"{r['label']}: {fmt(medof('calls_per_s'))} calls/s")
        for key, ex in w.get("extras", {}).items():
            hs = ex["samples"]
            if hs:
                h = hs[0]
                facts.append(f"{ex['label']}: the result holds {h['heap_result_bytes'] / 1024:.0f} KiB for "
                             f"{h['entries']} entries (their exact content: {h['heap_content_bytes'] / 1024:.0f} KiB); "
                             f"heap peak during the call {h['heap_peak_bytes'] / 1024:.0f} KiB above the start, "
                             f"{fmt(statistics.median(x['ratio'] for x in hs))}× the result")
        for e in facts + w["notes"]:
            out.append(f"- {e}")
        for e in w["errors"]:
            out.append(f"- ERROR {e}")
        ld = w["load"]
        if ld:
            out.append(f"- load average {ld['start'][0]:.2f} → {ld['end'][0]:.2f} over {ld['seconds']:.0f} s")
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- main ----------------------
def main():
    ap = argparse.ArgumentParser(description="netapi benchmark driver (called by tools/bench)")
    ap.add_argument("--mode", choices=sorted(SIZES), default="full")
    ap.add_argument("--repeats", type=int)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--python", required=True, help="interpreter with the pinned impacket")
    ap.add_argument("--py-module-python", default="", help="interpreter with win32net (netapi-py) installed")
    ap.add_argument("--server", required=True)
    ap.add_argument("--hosts", required=True, help="comma-separated addresses of the many-server workload")
    ap.add_argument("--lab-root", required=True, help="the bench lab instance (its shares.conf is seeded)")
    ap.add_argument("--client-conf", required=True)
    ap.add_argument("--user", default="FILESRV\\netapiadmin")
    ap.add_argument("--password", default="Lab.Passw0rd1")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--raw-dir", required=True)
    ap.add_argument("--only", default="", help="comma-separated workload ids (default: all)")
    ap.add_argument("--server-note", default="")
    ap.add_argument("--proxy-net", default="127.0.2", help="127.x.y of delay-proxy's addresses")
    ap.add_argument("--users-server", default="", help="the users lab (the users-* workloads)")
    ap.add_argument("--users-lab-root", default="")
    ap.add_argument("--users-client-conf", default="")
    ap.add_argument("--users-count", type=int, default=10000, help="accounts seeded in the users lab")
    ap.add_argument("--users-sample", default="", help="the account NetUserGetInfo reads (default: the middle one)")
    a = ap.parse_args()
    if not a.users_sample:
        a.users_sample = "nlb_u_%05d" % max(1, a.users_count // 2)
    # A second account, read in turn with the first by the alternating row.
    a.users_other = "nlb_u_%05d" % max(2, a.users_count // 2 + 1)
    sz = dict(SIZES[a.mode])
    if a.repeats:
        sz["repeats"] = a.repeats
    os.makedirs(a.raw_dir, exist_ok=True)
    os.makedirs(a.out_dir, exist_ok=True)
    log = open(os.path.join(a.raw_dir, "runs.jsonl"), "a")
    p = Peers(a, Proc(a.bin_dir, log, ServerCpu(a.lab_root)))
    usz = USERS_SIZES[a.mode]
    # The users workloads talk to the users lab: its own server, client config and CPU marker.
    ua = argparse.Namespace(**{**vars(a), "server": a.users_server or a.server,
                               "client_conf": a.users_client_conf or a.client_conf})
    pu = Peers(ua, Proc(a.bin_dir, log, ServerCpu(a.users_lab_root))) if a.users_lab_root else None
    only = set(filter(None, a.only.split(",")))
    shares = Shares(a.lab_root)
    load_start, load_max = loadavg(), 0.0
    plan = [
        ("warm-share-enum-1", lambda: warm(a, p, sz, "share-enum-1")),
        ("warm-server-info-101", lambda: warm(a, p, sz, "server-info-101")),
        ("fresh", lambda: fresh(a, p, sz)),
        ("concurrent", lambda: concurrent(a, p, sz)),
        ("many", lambda: many(a, p, sz)),
        ("many-rtt", lambda: with_proxy(a, sz, lambda: many(a, p, sz, sz["rtt_ms"]))),
        ("many-scripted", lambda: many_scripted(a, p, sz)),
        ("enum-502", lambda: enum(a, p, sz, 0)),
        ("enum-502-paged", lambda: enum(a, p, sz, 16384)),
        ("python", lambda: python_module(a, p, sz)),
        ("users-enum-0", lambda: users_enum_0(ua, pu, sz, usz)),
        ("users-enum-20", lambda: users_enum_detail(ua, pu, sz, usz)),
        ("users-getinfo-3", lambda: users_getinfo_3(ua, pu, sz, usz)),
    ]
    workloads = []
    shares.remove()  # left over from an interrupted run
    seeded = False
    try:
        for wid, fn in plan:
            if only and wid not in only:
                continue
            if wid.startswith("users-") and pu is None:
                continue  # no users lab given
            # The big share list exists for the enum-* workloads only: every other workload
            # (the warm NetShareEnum of the Python one too) sees the lab's few shares.
            if wid.startswith("enum") and not seeded:
                shares.seed(sz["shares"])
                seeded = True
            elif not wid.startswith("enum") and seeded:
                shares.remove()
                seeded = False
            if not lab_alive(a.server):
                raise SystemExit(f"bench: the bench lab at {a.server} stopped answering (removed by someone "
                                 "else?); results so far are not written")
            print(f"bench: {wid} ...", file=sys.stderr, flush=True)
            l0 = loadavg()
            t0 = time.time()
            produced = fn()
            for w in produced if isinstance(produced, list) else [produced]:
                w.load = {"start": l0, "end": loadavg(), "seconds": time.time() - t0}
                load_max = max(load_max, l0[0], w.load["end"][0])
                workloads.append(w)
                for e in w.errors:
                    print(f"bench: ERROR {e}", file=sys.stderr)
    finally:
        shares.remove()
    res = {
        "meta": {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "mode": a.mode, "sizes": sz, "machine": machine(), "versions": versions(a),
            "load": {"start": load_start, "end": loadavg(), "max": max(load_max, loadavg()[0])},
            "server_note": a.server_note, "hosts": a.hosts.split(",")[: sz["hosts"]],
        },
        "workloads": [w.to_json() for w in workloads],
    }
    with open(os.path.join(a.out_dir, "results.json"), "w") as f:
        json.dump(res, f, indent=1)
    with open(os.path.join(a.out_dir, "results.md"), "w") as f:
        f.write(markdown(res))
    errors = sum(len(w.errors) for w in workloads)
    # Sanity checks that hold whatever the timing: results exist and have the expected shape.
    for w in workloads:
        for r in w.rows.values():
            if not r.samples and r.note != "not yet":
                print(f"bench: no result for {w.id} / {r.label}", file=sys.stderr)
                errors += 1
    print(f"bench: wrote {a.out_dir}/results.md and results.json ({errors} errors)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
