#!/usr/bin/env python3
"""Seeds the bench's users lab (a stopped tools/lab file server instance) with N accounts.

tools/bench runs it once (the lab is kept between runs). Accounts nlb_u_00001 ... get Unix
entries in the lab's private passwd file (uids from 200001, above the lab's own ranges and its
winbind range) and SAM entries imported with `pdbedit -i smbpasswd:` under nss_wrapper, as the
lab runs its own Samba tools. Their password is the lab password: the NT hash is copied from the
lab's own netapiuser entry (`pdbedit -w`), since hashlib no longer offers MD4.
"""

import argparse
import os
import platform
import subprocess
import sys
import tempfile

PREFIX = "nlb_u_"
UID_BASE = 200000


def nss_wrapper():
    for p in (os.environ.get("NETAPI_LAB_NSS_WRAPPER", ""),
              f"/usr/lib/{platform.machine()}-linux-gnu/libnss_wrapper.so",
              "/usr/lib64/libnss_wrapper.so", "/usr/lib/libnss_wrapper.so"):
        if p and os.path.exists(p):
            return p
    raise SystemExit("seed_users: libnss_wrapper.so not found (run: tools/lab install)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True, help="the lab root (NETAPI_LAB_ROOT of the users lab)")
    ap.add_argument("--count", type=int, required=True)
    a = ap.parse_args()
    fs = os.path.join(a.root, "fs")
    conf = os.path.join(fs, "etc", "smb.conf")
    passwd = os.path.join(fs, "etc", "passwd")
    env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
           "HOME": "/root", "LD_PRELOAD": nss_wrapper(), "NSS_WRAPPER_PASSWD": passwd,
           "NSS_WRAPPER_GROUP": os.path.join(fs, "etc", "group")}
    listing = subprocess.run(["pdbedit", "-s", conf, "-L", "-w"], env=env, capture_output=True, text=True,
                             check=True).stdout
    nt = next(line.split(":")[3] for line in listing.splitlines() if line.startswith("netapiuser:"))
    # Drop accounts of an earlier, interrupted seeding from the passwd file first.
    with open(passwd) as f:
        keep = [line for line in f if not line.startswith(PREFIX)]
    with open(passwd + ".new", "w") as f:
        f.writelines(keep)
        for i in range(1, a.count + 1):
            f.write(f"{PREFIX}{i:05d}:x:{UID_BASE + i}:100:netapi bench user {i:05d}:/nonexistent:"
                    "/usr/sbin/nologin\n")
    os.replace(passwd + ".new", passwd)
    with tempfile.NamedTemporaryFile("w", suffix=".smbpasswd") as sp:
        for i in range(1, a.count + 1):
            sp.write(f"{PREFIX}{i:05d}:{UID_BASE + i}:{'X' * 32}:{nt}:[U          ]:LCT-6B162CC5:\n")
        sp.flush()
        r = subprocess.run(["pdbedit", "-s", conf, "-i", f"smbpasswd:{sp.name}",
                            "-e", f"tdbsam:{os.path.join(fs, 'private', 'passdb.tdb')}"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise SystemExit(f"seed_users: pdbedit -i failed: {r.stderr[-400:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
