#!/usr/bin/env python3
"""impacket peer of `netapi-bench`'s users workloads: the same SAMR calls through impacket's samr
helpers, one after another (impacket has no way to keep several in flight on one pipe).

* `user-enum --level 0`: SamrEnumerateUsersInDomain, every page (NetUserEnum level 0).
* `user-enum --level 20`: the same, then per account what NetUserEnum level 20 asks: SamrOpenUser,
  SamrQueryInformationUser2 (UserAllInformation), SamrQuerySecurityObject (DACL), SamrCloseHandle
  (`--accounts N`: only the first N accounts, for a quick per-account figure).
* `user-info`: what rpcclient's `queryuser` does per call after its connection: SamrLookupNamesInDomain,
  SamrOpenUser, SamrQueryInformationUser2 (UserAllInformation), SamrCloseHandle.

Same output fields as impacket_bench.py (timed phase only).
"""

import argparse
import json
import sys
import time

from impacket import version as impacket_version
from impacket.dcerpc.v5 import samr, transport
from impacket.dcerpc.v5.rpcrt import DCERPCException
from impacket.smbconnection import SMBConnection

from impacket_bench import Mark

STATUS_MORE_ENTRIES = 0x105
DACL_SECURITY_INFORMATION = 4


class Sam:
    """One SMB connection with samr bound and the account domain open."""

    def __init__(self, args):
        domain, _, user = args.user.rpartition("\\")
        self.smb = SMBConnection(args.server, args.server, sess_port=445)
        self.smb.login(user, args.password, domain)
        rpc = transport.SMBTransport(args.server, filename=r"\samr", smb_connection=self.smb)
        self.dce = rpc.get_dce_rpc()
        self.dce.connect()
        self.dce.bind(samr.MSRPC_UUID_SAMR)
        server = samr.hSamrConnect5(self.dce)["ServerHandle"]
        domains = samr.hSamrEnumerateDomainsInSamServer(self.dce, server)["Buffer"]["Buffer"]
        name = next(d["Name"] for d in domains if d["Name"].lower() != "builtin")
        sid = samr.hSamrLookupDomainInSamServer(self.dce, server, name)["DomainId"]
        self.domain = samr.hSamrOpenDomain(self.dce, server, domainId=sid)["DomainHandle"]

    def enumerate(self):
        """Every account as (rid, name), following the enumeration context."""
        out, resume = [], 0
        while True:
            try:
                r = samr.hSamrEnumerateUsersInDomain(self.dce, self.domain, userAccountControl=0,
                                                     enumerationContext=resume)
                more = False
            except DCERPCException as e:
                if getattr(e, "error_code", None) != STATUS_MORE_ENTRIES:
                    raise
                r, more = e.get_packet(), True
            out.extend((u["RelativeId"], u["Name"]) for u in r["Buffer"]["Buffer"])
            if not more:
                return out
            resume = r["EnumerationContext"]

    def read(self, rid):
        user = samr.hSamrOpenUser(self.dce, self.domain, userId=rid)["UserHandle"]
        info = samr.hSamrQueryInformationUser2(self.dce, user,
                                               samr.USER_INFORMATION_CLASS.UserAllInformation)
        sd = samr.hSamrQuerySecurityObject(self.dce, user, DACL_SECURITY_INFORMATION)
        samr.hSamrCloseHandle(self.dce, user)
        return info, sd

    def query_user(self, name):
        rid = samr.hSamrLookupNamesInDomain(self.dce, self.domain, (name,))["RelativeIds"]["Element"][0]["Data"]
        user = samr.hSamrOpenUser(self.dce, self.domain, userId=rid)["UserHandle"]
        info = samr.hSamrQueryInformationUser2(self.dce, user,
                                               samr.USER_INFORMATION_CLASS.UserAllInformation)
        samr.hSamrCloseHandle(self.dce, user)
        return info


def user_enum(args):
    s = Sam(args)
    entries = len(s.enumerate())  # warm-up, untimed
    per_call = []
    m = Mark()
    for _ in range(args.calls):
        t0 = time.perf_counter()
        users = s.enumerate()
        if args.level != 0:
            for rid, _ in users[: args.accounts or None]:
                s.read(rid)
        if len(users) != entries:
            raise SystemExit(f"{entries} accounts, then {len(users)}")
        per_call.append(time.perf_counter() - t0)
    out = m.fields()
    read = min(entries, args.accounts or entries) if args.level != 0 else entries
    out.update(level=args.level, calls=args.calls, entries=entries, accounts=read, per_call_s=per_call)
    return out


def user_info(args):
    s = Sam(args)
    s.query_user(args.name)
    m = Mark()
    for _ in range(args.calls):
        s.query_user(args.name)
    out = m.fields()
    out.update(calls=args.calls)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", default="127.0.0.2")
    ap.add_argument("--user", default="FILESRV\\netapiadmin")
    ap.add_argument("--password", default="Lab.Passw0rd1")
    sub = ap.add_subparsers(dest="workload", required=True)
    e = sub.add_parser("user-enum")
    e.add_argument("--level", type=int, default=0, choices=[0, 20])
    e.add_argument("--calls", type=int, default=1)
    e.add_argument("--accounts", type=int, default=0, help="level 20: read only the first N accounts")
    i = sub.add_parser("user-info")
    i.add_argument("--name", required=True)
    i.add_argument("--calls", type=int, default=100)
    args = ap.parse_args()
    out = {"tool": "impacket", "workload": args.workload, "version": impacket_version.version}
    out.update({"user-enum": user_enum, "user-info": user_info}[args.workload](args))
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
