#!/usr/bin/env python3
"""The group-member benchmark: NetGroupGetUsers level 1 and NetLocalGroupGetMembers level 2 of
groups with 1,000 members, beside `net rpc group members` (Samba's own client, which resolves
the names too), on a private AD DC of tools/lab. Driven by tools/bench-groups; see
docs/benchmarks.md ("Group members").

Per repetition (interleaved, so load drift hits all alike):
  * process vs process: `netapi --json group members G` / `netapi --json localgroup members L
    --level 2` against `net rpc group members G` / `... L`: a process each, connection and
    authentication included (bench-exec measures wall, CPU, peak RSS);
  * warm calls: `netapi-bench members` (one connection, an untimed first call, then N calls),
    with the round trips of one warm call counted per interface from its stub dump;
  * the same for groups of 10 members: the round trips must be the same as for 1,000.

Nothing here asserts a timing. Writes <out>/groups.md and <out>/groups.json.
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


class Runner:
    def __init__(self, a):
        self.a = a
        self.exec = os.path.join(a.bin_dir, "bench-exec")
        self.log = open(os.path.join(a.raw_dir, "runs.jsonl"), "a")

    def run(self, argv):
        """(stdout, wall s, cpu s, peak RSS kB) of one process, through bench-exec."""
        fd, ru = tempfile.mkstemp(prefix="bench-rusage-")
        os.close(fd)
        p = subprocess.run([self.exec, "--rusage", ru, "--", *argv], capture_output=True, text=True,
                           stdin=subprocess.DEVNULL)
        with open(ru) as f:
            u = json.load(f)
        os.unlink(ru)
        shown = [("***" if i and argv[i - 1] in ("--password", "-p") else
                  (x.split("%")[0] + "%***" if "%" in x else x)) for i, x in enumerate(argv)]
        self.log.write(json.dumps({"argv": shown, **u, "stderr": p.stderr[-500:]}) + "\n")
        if p.returncode != 0:
            raise SystemExit(f"{' '.join(shown)} failed ({p.returncode}): {p.stderr[-400:]}")
        return p.stdout, u["wall_s"], u["cpu_s"], u["maxrss_kb"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--server", required=True)
    ap.add_argument("--domain", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--client-conf", required=True)
    ap.add_argument("--big", nargs=2, required=True, metavar=("GROUP", "LOCAL"))
    ap.add_argument("--small", nargs=2, required=True, metavar=("GROUP", "LOCAL"))
    ap.add_argument("--members", type=int, required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--calls", type=int, default=20)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--raw-dir", required=True)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    os.makedirs(a.raw_dir, exist_ok=True)
    r = Runner(a)
    who = f"{a.domain}\\{a.user}"
    netapi_cli = [os.path.join(a.bin_dir, "netapi"), "-s", a.server, "-u", who, "-p", a.password, "--json"]
    net = ["net", "-s", a.client_conf, "rpc", "group", "members", "-S", a.server, "-U", f"{who}%{a.password}"]
    bench = [os.path.join(a.bin_dir, "netapi-bench"), "--server", a.server, "--user", who,
             "--password", a.password]
    rows = {}

    def add(key, **v):
        rows.setdefault(key, []).append(v)

    load = [loadavg()]
    started = time.time()
    for rep in range(a.repeats):
        for kind, big, small, cli_args, level in (
                ("group", a.big[0], a.small[0], ["group", "members"], 1),
                ("local", a.big[1], a.small[1], ["localgroup", "members"], 2)):
            # Process vs process.
            out, wall, cpu, rss = r.run(netapi_cli + cli_args + [big, "--level", str(level)])
            n = len(json.loads(out))
            assert n == a.members, f"netapi listed {n} members of {big}"
            add(f"{kind}-netapi-process", wall_ms=wall * 1e3, cpu_ms=cpu * 1e3, rss_kb=rss)
            out, wall, cpu, rss = r.run(net + [big])
            n = len([l for l in out.splitlines() if l.strip()])
            assert n == a.members, f"net listed {n} members of {big}"
            add(f"{kind}-net-process", wall_ms=wall * 1e3, cpu_ms=cpu * 1e3, rss_kb=rss)
            # Warm calls and round trips, 1,000 and 10 members.
            for size, name in (("big", big), ("small", small)):
                out, _, _, _ = r.run(bench + ["members", "--kind", kind, "--name", name, "--level", str(level),
                                              "--calls", str(a.calls)])
                j = json.loads(out.strip().splitlines()[-1])
                add(f"{kind}-netapi-warm-{size}", wall_ms=j["wall_s"] / a.calls * 1e3,
                    cpu_ms=j["cpu_s"] / a.calls * 1e3, rss_kb=j["maxrss_kb"], entries=j["entries"],
                    samr=j["round_trips_samr"], lsarpc=j["round_trips_lsarpc"])
        load.append(loadavg())
    med = lambda key, f: statistics.median(v[f] for v in rows[key])
    spread = lambda key, f: (max(v[f] for v in rows[key]) - min(v[f] for v in rows[key])) / 2 / med(key, f) * 100
    result = {"members": a.members, "repeats": a.repeats, "calls": a.calls, "load": load,
              "seconds": time.time() - started, "rows": rows,
              "median": {k: {f: med(k, f) for f in rows[k][0]} for k in rows}}
    with open(os.path.join(a.out_dir, "groups.json"), "w") as f:
        json.dump(result, f, indent=1)
    lines = [f"# Group members ({a.members} members, Samba 4.17 AD DC on loopback)", "",
             f"Medians of {a.repeats} runs (spread = half the min-max range, % of the median); "
             f"load average {load[0]:.1f} at the start, {max(load):.1f} at most.", "",
             "| workload | netapi | net rpc group members | ratio |", "|---|---|---|---|"]
    for kind, title in (("group", "NetGroupGetUsers level 1"), ("local", "NetLocalGroupGetMembers level 2")):
        x, y = med(f"{kind}-netapi-process", "wall_ms"), med(f"{kind}-net-process", "wall_ms")
        lines.append(f"| {title}, a process each, ms | {x:.1f} (±{spread(f'{kind}-netapi-process', 'wall_ms'):.0f}%) "
                     f"| {y:.1f} (±{spread(f'{kind}-net-process', 'wall_ms'):.0f}%) | {x / y:.2f}× |")
    lines += ["", "| warm call | members | ms/call | client CPU ms/call | samr requests | lsarpc requests |",
              "|---|---|---|---|---|---|"]
    for kind, title in (("group", "NetGroupGetUsers level 1"), ("local", "NetLocalGroupGetMembers level 2")):
        for size in ("big", "small"):
            k = f"{kind}-netapi-warm-{size}"
            lines.append(f"| {title} | {int(med(k, 'entries'))} | {med(k, 'wall_ms'):.2f} | {med(k, 'cpu_ms'):.2f} "
                         f"| {int(med(k, 'samr'))} | {int(med(k, 'lsarpc'))} |")
    with open(os.path.join(a.out_dir, "groups.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
