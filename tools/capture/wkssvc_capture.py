#!/usr/bin/env python3
"""Capture the wkssvc and netlogon golden vectors from the Samba lab.

Conventions as in capture_stubs.py / srvsvc_capture.py: impacket is only the
RPC client; the request stub is kept as impacket encoded it, the response stub
as Samba answered it. For an opnum Samba does not implement (a DCE/RPC fault)
only the request is written; wkssvc_spec_vectors.py writes those responses
from the spec (`*.out.spec.hex`), and the requests impacket has no class for.

Usage (lab running; as root: the user enumeration needs `lab hold-file fs`):
    eval "$(tools/lab env)"
    /tmp/netapi-lab-venv/bin/python tools/capture/wkssvc_capture.py \
        crates/netapi-msrpc/tests/vectors
"""

import os
import struct
import subprocess
import sys

from impacket.dcerpc.v5 import nrpc, wkst
from impacket.dcerpc.v5.dtypes import NULL

sys.path.insert(0, os.path.dirname(__file__))
from capture_stubs import IMPACKET, SAMBA, Server, Writer, env  # noqa: E402
from srvsvc_capture import Session  # noqa: E402


def record(w, s, iface, name, detail, request, what, expect_fault=False, note=None):
    stub_in, stub_out, fault = s.call(request)
    common = [f"{iface} opnum {request.opnum} {name}: {what}"]
    notes = common + [f"Request stub as encoded by {IMPACKET} (random referent ids), "
                      f"sent to {s.srv.label}."]
    if fault is not None:
        if not expect_fault:
            raise RuntimeError(f"{name} {detail}: unexpected fault {fault}")
        notes.append(f"Samba 4.17.12 answered with a DCE/RPC fault ({fault}): opnum not "
                     "implemented; the response vector is written from the spec.")
    elif expect_fault:
        raise RuntimeError(f"{name} {detail}: expected a fault, got a response")
    w.put(iface, request.opnum, name, detail, "in", IMPACKET, stub_in, notes)
    if fault is not None:
        return None
    status = struct.unpack("<I", stub_out[-4:])[0]
    out = common + [f"Response stub from {s.srv.label} (Samba 4.17.12-Debian); "
                    f"status 0x{status:08x}."]
    if note:
        out.append(note)
    w.put(iface, request.opnum, name, detail, "out", SAMBA, stub_out, out)
    return stub_out


def unc(srv):
    return "\\\\" + srv.ip + "\x00"


def capture_wkssvc(w, srv):
    s = Session(srv, "wkssvc", wkst.MSRPC_UUID_WKST)
    if srv.tag == "dc":
        for level in (100, 101, 102):
            req = wkst.NetrWkstaGetInfo()
            req["ServerName"] = unc(srv)
            req["Level"] = level
            record(w, s, "wkssvc", "NetrWkstaGetInfo", f"L{level}-dc", req,
                   f"level {level}, ServerName \\\\{srv.ip}",
                   note="quirk(samba-4.17): the DC's s4 wkssvc serves 100/101 only; 102 is "
                        "refused (access denied) even for an administrator." if level == 102
                   else None)
    for level in (0, 1):
        req = wkst.NetrWkstaUserEnum()
        req["ServerName"] = unc(srv)
        req["UserInfo"]["Level"] = level
        req["UserInfo"]["WkstaUserInfo"]["tag"] = level
        req["UserInfo"]["WkstaUserInfo"][f"Level{level}"]["Buffer"] = NULL
        req["PreferredMaximumLength"] = 0xFFFFFFFF
        req["ResumeHandle"] = 0
        record(w, s, "wkssvc", "NetrWkstaUserEnum", f"L{level}-{srv.tag}", req,
               f"level {level}, everything at once, resume 0",
               expect_fault=srv.tag == "dc")
    req = wkst.NetrWkstaTransportEnum()
    req["ServerName"] = unc(srv)
    req["TransportInfo"]["Level"] = 0
    req["TransportInfo"]["WkstaTransportInfo"]["tag"] = 0
    req["TransportInfo"]["WkstaTransportInfo"]["Level0"]["Buffer"] = NULL
    req["PreferredMaximumLength"] = 0xFFFFFFFF
    req["ResumeHandle"] = 0
    record(w, s, "wkssvc", "NetrWkstaTransportEnum", f"L0-{srv.tag}", req,
           "level 0, everything at once", expect_fault=srv.tag == "fs",
           note="quirk(samba-4.17): the DC's s4 wkssvc answers ERROR_NOT_SUPPORTED with the "
                "request's container." if srv.tag == "dc" else None)
    if srv.tag == "dc":
        return
    # The opnums Samba does not implement: requests only.
    req = wkst.NetrWkstaSetInfo()
    req["ServerName"] = unc(srv)
    req["Level"] = 1013
    req["WkstaInfo"]["tag"] = 1013
    req["WkstaInfo"]["WkstaInfo1013"]["wki1013_keep_conn"] = 600
    req["ErrorParameter"] = 0
    record(w, s, "wkssvc", "NetrWkstaSetInfo", "L1013-fs", req, "level 1013, keep_conn 600",
           expect_fault=True)
    req = wkst.NetrWkstaTransportAdd()
    req["ServerName"] = unc(srv)
    req["Level"] = 0
    req["TransportInfo"]["wkti0_quality_of_service"] = 0
    req["TransportInfo"]["wkti0_number_of_vcs"] = 0
    req["TransportInfo"]["wkti0_transport_name"] = "\\Device\\NetbiosSmb\x00"
    req["TransportInfo"]["wkti0_transport_address"] = "000000000000\x00"
    req["TransportInfo"]["wkti0_wan_ish"] = 0
    req["ErrorParameter"] = 0
    record(w, s, "wkssvc", "NetrWkstaTransportAdd", "L0-fs", req,
           "level 0, \\Device\\NetbiosSmb", expect_fault=True)
    req = wkst.NetrUseAdd()
    req["ServerName"] = NULL
    req["Level"] = 2
    req["InfoStruct"]["tag"] = 2
    i = req["InfoStruct"]["UseInfo2"]["ui2_useinfo"]
    i["ui1_local"] = NULL
    i["ui1_remote"] = f"\\\\{srv.ip}\\IPC$\x00"
    i["ui1_password"] = NULL
    i["ui1_asg_type"] = wkst.USE_IPC
    req["InfoStruct"]["UseInfo2"]["ui2_username"] = "netapiadmin\x00"
    req["InfoStruct"]["UseInfo2"]["ui2_domainname"] = "FILESRV\x00"
    req["ErrorParameter"] = 0
    record(w, s, "wkssvc", "NetrUseAdd", "L2-fs", req, "level 2, deviceless IPC$ use",
           expect_fault=True)
    req = wkst.NetrUseGetInfo()
    req["ServerName"] = NULL
    req["UseName"] = f"\\\\{srv.ip}\\IPC$\x00"
    req["Level"] = 2
    record(w, s, "wkssvc", "NetrUseGetInfo", "L2-fs", req, "level 2", expect_fault=True)
    req = wkst.NetrUseDel()
    req["ServerName"] = NULL
    req["UseName"] = f"\\\\{srv.ip}\\IPC$\x00"
    req["ForceLevel"] = wkst.USE_LOTS_OF_FORCE
    record(w, s, "wkssvc", "NetrUseDel", "lots-of-force-fs", req, "USE_LOTS_OF_FORCE",
           expect_fault=True)
    req = wkst.NetrWorkstationStatisticsGet()
    req["ServerName"] = unc(srv)
    req["ServiceName"] = NULL
    req["Level"] = 0
    req["Options"] = 0
    record(w, s, "wkssvc", "NetrWorkstationStatisticsGet", "L0-fs", req, "level 0",
           expect_fault=True)
    req = wkst.NetrGetJoinInformation()
    req["ServerName"] = unc(srv)
    req["NameBuffer"] = NULL
    record(w, s, "wkssvc", "NetrGetJoinInformation", "fs", req, "NameBuffer NULL",
           expect_fault=True)
    req = wkst.NetrValidateName2()
    req["ServerName"] = unc(srv)
    req["NameToValidate"] = "NLPNAME\x00"
    req["AccountName"] = NULL
    req["Password"] = NULL
    req["NameType"] = wkst.NETSETUP_NAME_TYPE.NetSetupMachine
    record(w, s, "wkssvc", "NetrValidateName2", "machine-fs", req,
           "NLPNAME as a machine name, no account", expect_fault=True)


def capture_netlogon(w, dc, domain, dns_domain):
    s = Session(dc, "netlogon", nrpc.MSRPC_UUID_NRPC)
    for tag, name in ((domain, domain), ("dns", dns_domain)):
        req = nrpc.NetrGetDCName()
        req["ServerName"] = unc(dc)
        req["DomainName"] = name + "\x00"
        record(w, s, "netlogon", "NetrGetDCName", f"{tag}-dc", req, f"the PDC of {name}")
    req = nrpc.NetrGetAnyDCName()
    req["ServerName"] = unc(dc)
    req["DomainName"] = domain + "\x00"
    record(w, s, "netlogon", "NetrGetAnyDCName", f"{domain}-dc", req,
           f"any DC of {domain}",
           note="quirk(samba-4.17): answers ERROR_NO_SUCH_DOMAIN for every domain (it looks "
                "only at trusted domains).")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "crates/netapi-msrpc/tests/vectors"
    pw = env("NETAPI_LAB_PASSWORD")
    fs = Server("fs", env("NETAPI_LAB_FS_IP"), env("NETAPI_LAB_FS_NAME"),
                env("NETAPI_LAB_FS_ADMIN_USER"), pw, "the lab file server FILESRV (127.0.0.2)")
    dc = Server("dc", env("NETAPI_LAB_DC_IP"), env("NETAPI_LAB_DC_DOMAIN"),
                env("NETAPI_LAB_DC_ADMIN_USER"), pw, "the lab AD DC LABDOM (127.0.0.3)")
    w = Writer(root)
    lab = os.path.join(os.path.dirname(__file__), "..", "lab")
    pid = subprocess.run([lab, "hold-file", "fs", "120"], check=True, capture_output=True,
                         text=True).stdout.strip()
    try:
        capture_wkssvc(w, fs)
        capture_wkssvc(w, dc)
        capture_netlogon(w, dc, env("NETAPI_LAB_DC_DOMAIN"), env("NETAPI_LAB_DC_DNS_DOMAIN"))
    finally:
        subprocess.run(["kill", pid], check=False)
    for p in w.written:
        print(p)


if __name__ == "__main__":
    main()
