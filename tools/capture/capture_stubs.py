#!/usr/bin/env python3
"""Capture raw NDR request/response stubs from the Samba lab as golden vectors.

impacket is only the RPC client here: it binds the pipe and sends a request,
and we keep the stub bytes exactly as they crossed the wire (request: what
impacket encoded; response: what Samba answered, via dce.recv() which returns
the stub of the reassembled response). Nothing is decoded by impacket for the
vectors themselves; handles needed for later calls are sliced from the raw
responses at their fixed offsets.

Usage (lab running, see tools/LAB.md; as root for the srvsvc family, which
starts `tools/lab hold-file fs` to have a session with an open file):
    eval "$(tools/lab env)"
    /tmp/netapi-lab-venv/bin/python tools/capture/capture_stubs.py \
        crates/netapi-msrpc/tests/vectors [samr lsarpc wkssvc srvsvc epmapper]

Without a family list every family is captured. `samr-calls` and
`lsarpc-calls` (samr_capture.py, lsarpc_capture.py) cover every SAMR and LSA
opnum netapi-msrpc declares; `samr` and `lsarpc` are the first few hard types.
The srvsvc family lives in
srvsvc_capture.py (same conventions); srvsvc_spec_vectors.py writes the
responses Samba cannot give (`*.out.spec.hex`). The epmapper family
(`ept_map` on the DC's TCP port 135, no credentials) lives in
epmapper_capture.py.

Output: <dir>/<iface>/<opnum>-<Name>-<detail>.<in|out>.<producer>.hex, each
with a '#' header (what, how, when) followed by hex, 32 bytes per line.
"""

import datetime
import os
import struct
import sys

from impacket.dcerpc.v5 import lsad, lsat, samr, transport, wkst
from impacket.dcerpc.v5.dtypes import MAXIMUM_ALLOWED, NULL
from impacket.dcerpc.v5.samr import USER_INFORMATION_CLASS
from impacket import version as impacket_version

SAMBA = "samba-4.17"
IMPACKET = "impacket-" + impacket_version.version
TODAY = datetime.date.today().isoformat()


def env(name, default=None):
    v = os.environ.get(name, default)
    if v is None:
        sys.exit(f"{name} is not set: run eval \"$(tools/lab env)\" first")
    return v


class Server:
    def __init__(self, tag, ip, domain, user, password, label):
        self.tag, self.ip, self.domain = tag, ip, domain
        self.user, self.password, self.label = user, password, label

    def bind(self, pipe, uuid):
        t = transport.DCERPCTransportFactory(rf"ncacn_np:{self.ip}[\pipe\{pipe}]")
        t.set_credentials(self.user, self.password, self.domain)
        dce = t.get_dce_rpc()
        dce.connect()
        dce.bind(uuid)
        return dce


class Writer:
    def __init__(self, root):
        self.root = root
        self.written = []

    def put(self, iface, opnum, name, detail, direction, producer, data, notes):
        d = os.path.join(self.root, iface)
        os.makedirs(d, exist_ok=True)
        fname = f"{opnum}-{name}-{detail}.{direction}.{producer}.hex"
        path = os.path.join(d, fname)
        with open(path, "w") as f:
            for line in notes:
                f.write(f"# {line}\n")
            f.write(f"# Captured {TODAY} by tools/capture/capture_stubs.py; {len(data)} bytes.\n")
            for i in range(0, len(data), 32):
                f.write(data[i:i + 32].hex() + "\n")
        self.written.append(path)


def call(dce, request):
    """Sends `request` and returns (request stub, response stub) as bytes."""
    body = request.getData()
    dce.call(request.opnum, request)
    return body, dce.recv()


def record(w, srv, iface, name, detail, request, dce, what):
    stub_in, stub_out = call(dce, request)
    status = struct.unpack("<I", stub_out[-4:])[0]
    common = [f"{iface} opnum {request.opnum} {name}: {what}"]
    w.put(iface, request.opnum, name, detail, "in", IMPACKET, stub_in, common + [
        f"Request stub as encoded by {IMPACKET} (random referent ids), accepted by {srv.label}.",
    ])
    w.put(iface, request.opnum, name, detail, "out", SAMBA, stub_out, common + [
        f"Response stub from {srv.label} (Samba 4.17.12-Debian); status 0x{status:08x}.",
    ])
    return stub_out


def capture_samr(w, srv, account):
    dce = srv.bind("samr", samr.MSRPC_UUID_SAMR)
    server = samr.hSamrConnect2(dce)["ServerHandle"]
    dom_name = srv.domain
    sid = samr.hSamrLookupDomainInSamServer(dce, server, dom_name)["DomainId"]
    domain = samr.hSamrOpenDomain(dce, server, domainId=sid)["DomainHandle"]
    rid = samr.hSamrLookupNamesInDomain(dce, domain, (account,))["RelativeIds"]["Element"][0]["Data"]

    req = samr.SamrOpenUser()
    req["DomainHandle"] = domain
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["UserId"] = rid
    out = record(w, srv, "samr", "SamrOpenUser", f"{account}-{srv.tag}", req, dce,
                 f"open user {account} (rid {rid}) in domain {dom_name}, MAXIMUM_ALLOWED")
    user_handle = samr.SAMPR_HANDLE()
    user_handle.fromString(out[:20])

    req = samr.SamrQueryInformationUser2()
    req["UserHandle"] = user_handle
    req["UserInformationClass"] = USER_INFORMATION_CLASS.UserAllInformation
    record(w, srv, "samr", "SamrQueryInformationUser2", f"L21-{account}-{srv.tag}", req, dce,
           f"level 21 (UserAllInformation) of {account} in domain {dom_name}")

    # SAMPR_PSID_ARRAY in the request: the user's SID and the domain SID.
    req = samr.SamrGetAliasMembership()
    req["DomainHandle"] = domain
    req["SidArray"]["Count"] = 2
    for s in (sid.formatCanonical() + f"-{rid}", "S-1-5-32-545"):
        rpc_sid = samr.RPC_SID()
        rpc_sid.fromCanonical(s)
        item = samr.PSAMPR_SID_INFORMATION()
        item["SidPointer"] = rpc_sid
        req["SidArray"]["Sids"].append(item)
    record(w, srv, "samr", "SamrGetAliasMembership", f"{account}-{srv.tag}", req, dce,
           f"aliases of {account} and S-1-5-32-545 in domain {dom_name}")
    dce.disconnect()


def capture_lsa(w, srv, names):
    dce = srv.bind("lsarpc", lsat.MSRPC_UUID_LSAT)
    policy = lsad.hLsarOpenPolicy2(dce, MAXIMUM_ALLOWED)["PolicyHandle"]

    req = lsat.LsarLookupNames()
    req["PolicyHandle"] = policy
    req["Count"] = len(names)
    for n in names:
        u = lsat.RPC_UNICODE_STRING()
        u["Data"] = n
        req["Names"].append(u)
    req["TranslatedSids"]["Sids"] = NULL
    req["LookupLevel"] = lsat.LSAP_LOOKUP_LEVEL.LsapLookupWksta
    out = record(w, srv, "lsarpc", "LsarLookupNames", f"{len(names)}names-{srv.tag}", req, dce,
                 "names " + ", ".join(names) + ", LsapLookupWksta")

    req = lsat.LsarLookupSids()
    req["PolicyHandle"] = policy
    sids = ["S-1-5-32-544", "S-1-5-32-545", "S-1-1-0", "S-1-5-21-1-2-3-4"]
    req["SidEnumBuffer"]["Entries"] = len(sids)
    for s in sids:
        item = lsat.LSAPR_SID_INFORMATION()
        item["Sid"].fromCanonical(s)
        req["SidEnumBuffer"]["SidInfo"].append(item)
    req["TranslatedNames"]["Names"] = NULL
    req["LookupLevel"] = lsat.LSAP_LOOKUP_LEVEL.LsapLookupWksta
    record(w, srv, "lsarpc", "LsarLookupSids", f"{len(sids)}sids-{srv.tag}", req, dce,
           "SIDs " + ", ".join(sids) + " (the last one unknown), LsapLookupWksta")
    dce.disconnect()


def capture_wkssvc(w, srv):
    dce = srv.bind("wkssvc", wkst.MSRPC_UUID_WKST)
    for level in (100, 101, 102, 502):
        req = wkst.NetrWkstaGetInfo()
        req["ServerName"] = "\\\\" + srv.ip + "\x00"
        req["Level"] = level
        record(w, srv, "wkssvc", "NetrWkstaGetInfo", f"L{level}-{srv.tag}", req, dce,
               f"level {level}, ServerName \\\\{srv.ip}")
    dce.disconnect()


FAMILIES = ("samr", "lsarpc", "wkssvc", "srvsvc", "epmapper", "samr-calls", "lsarpc-calls",
            "samr-security")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "crates/netapi-msrpc/tests/vectors"
    families = sys.argv[2:] or list(FAMILIES)
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        sys.exit(f"unknown families {unknown}; choose from {FAMILIES}")
    pw = env("NETAPI_LAB_PASSWORD")
    fs = Server("fs", env("NETAPI_LAB_FS_IP"), env("NETAPI_LAB_FS_NAME"),
                env("NETAPI_LAB_FS_ADMIN_USER"), pw, "the lab file server FILESRV (127.0.0.2)")
    dc = Server("dc", env("NETAPI_LAB_DC_IP"), env("NETAPI_LAB_DC_DOMAIN"),
                env("NETAPI_LAB_DC_ADMIN_USER"), pw, "the lab AD DC LABDOM (127.0.0.3)")
    w = Writer(root)
    if "samr" in families:
        capture_samr(w, fs, env("NETAPI_LAB_FS_ADMIN_USER"))
        capture_samr(w, dc, env("NETAPI_LAB_DC_USER"))
    if "lsarpc" in families:
        capture_lsa(w, fs, [env("NETAPI_LAB_FS_ADMIN_USER"), env("NETAPI_LAB_FS_GROUP"), "nosuchname"])
        capture_lsa(w, dc, [env("NETAPI_LAB_DC_USER"), "Domain Admins"])
    if "wkssvc" in families:
        capture_wkssvc(w, fs)
    if "srvsvc" in families:
        # Imported here so that the other families do not depend on it.
        from srvsvc_capture import capture_srvsvc
        capture_srvsvc(w, fs)
    if "samr-calls" in families:
        from samr_capture import capture_samr_calls, capture_samr_validate
        fs.group = env("NETAPI_LAB_FS_GROUP")
        dc.group = env("NETAPI_LAB_DC_GROUP")
        capture_samr_calls(w, fs)
        capture_samr_calls(w, dc)
        capture_samr_validate(w, dc)
    if "samr-security" in families:
        from samr_security_capture import capture_samr_security
        capture_samr_security(w, fs)
        capture_samr_security(w, dc)
    if "lsarpc-calls" in families:
        from lsarpc_capture import capture_lsarpc_calls
        sids = ["S-1-5-32-544", "S-1-1-0", "S-1-5-21-1-2-3-4"]
        capture_lsarpc_calls(w, fs, [env("NETAPI_LAB_FS_ADMIN_USER"), env("NETAPI_LAB_FS_GROUP"),
                                     "nosuchname"], sids)
        capture_lsarpc_calls(w, dc, [env("NETAPI_LAB_DC_USER"), "Domain Admins", "nosuchname"], sids)
    if "epmapper" in families:
        from epmapper_capture import capture_epmapper
        capture_epmapper(w, dc.ip, "the lab AD DC LABDOM (127.0.0.3)")
    for p in w.written:
        print(p)


if __name__ == "__main__":
    main()
