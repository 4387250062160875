"""lsarpc ([MS-LSAT], [MS-LSAD]) golden vectors for every opnum netapi-msrpc declares; see
capture_stubs.py.

One admin session per server on \\PIPE\\lsarpc: LsarOpenPolicy2, the policy
information classes a NetApi client reads (primary, account and DNS domain,
and the neighbours Samba answers), LsarGetUserName, the `2`/`3` lookup
variants and LsarClose. LsarLookupSids3 and LsarLookupNames4 need a Netlogon
secure channel, which an NTLM client over SMB does not have: they are sent on
their own association, and when Samba answers with a DCE/RPC fault only the
request is kept (the response is written from the spec). Nothing on the
servers changes.
"""

import struct

from impacket.dcerpc.v5 import lsad, lsat
from impacket.dcerpc.v5.dtypes import MAXIMUM_ALLOWED, NULL
from impacket.dcerpc.v5.ndr import NDRCALL
from impacket.dcerpc.v5.dtypes import LPWSTR, PULONG
from impacket.dcerpc.v5.lsat import PRPC_UNICODE_STRING

from samr_capture import Recorder, Session

IFACE = "lsarpc"


class LsarGetUserNameNested(NDRCALL):
    """LsarGetUserName as [MS-LSAT] 3.1.4.4 declares DomainName: `[in,out,unique]
    PRPC_UNICODE_STRING*`, a pointer to a pointer. impacket 0.13.1 declares one
    level, so it cannot ask for the domain name. Windows clients send a
    non-NULL outer pointer to a NULL inner one: on the wire a referent id, then
    the inner pointer's 4 zero bytes, which is what a pointer to a zero ULONG
    encodes to."""

    opnum = 45
    structure = (
        ("SystemName", LPWSTR),
        ("UserName", PRPC_UNICODE_STRING),
        ("DomainName", PULONG),
    )


class LsarGetUserNameNestedResponse(NDRCALL):
    """Not parsed (the recorder only needs the raw stub)."""

    structure = (("Raw", ":"),)


# The recorder looks responses up next to their request's class.
lsat.LsarGetUserNameNestedResponse = LsarGetUserNameNestedResponse
LsarGetUserNameNested.__module__ = lsat.__name__


def open_policy(rec, srv, detail, access, what):
    req = lsad.LsarOpenPolicy2()
    req["SystemName"] = f"\\\\{srv.ip}\x00"
    req["ObjectAttributes"]["RootDirectory"] = NULL
    req["ObjectAttributes"]["ObjectName"] = NULL
    req["ObjectAttributes"]["SecurityDescriptor"] = NULL
    req["ObjectAttributes"]["SecurityQualityOfService"] = NULL
    req["DesiredAccess"] = access
    r = rec("LsarOpenPolicy2", detail, req, what, volatile="PolicyHandle", expect_status=0)
    return r["PolicyHandle"]


def names_request(cls, policy, names, revision):
    req = cls()
    if policy is not None:
        req["PolicyHandle"] = policy
    req["Count"] = len(names)
    for n in names:
        u = lsat.RPC_UNICODE_STRING()
        u["Data"] = n
        req["Names"].append(u)
    req["TranslatedSids"]["Sids"] = NULL
    req["LookupLevel"] = lsat.LSAP_LOOKUP_LEVEL.LsapLookupWksta
    req["MappedCount"] = 0
    req["LookupOptions"] = 0
    req["ClientRevision"] = revision
    return req


def sids_request(cls, policy, sids, revision):
    req = cls()
    if policy is not None:
        req["PolicyHandle"] = policy
    req["SidEnumBuffer"]["Entries"] = len(sids)
    for s in sids:
        item = lsat.LSAPR_SID_INFORMATION()
        item["Sid"].fromCanonical(s)
        req["SidEnumBuffer"]["SidInfo"].append(item)
    req["TranslatedNames"]["Names"] = NULL
    req["LookupLevel"] = lsat.LSAP_LOOKUP_LEVEL.LsapLookupWksta
    req["MappedCount"] = 0
    req["LookupOptions"] = 0
    req["ClientRevision"] = revision
    return req


def capture_lsarpc_calls(w, srv, names, sids):
    s = Session(srv, pipe="lsarpc", uuid=lsat.MSRPC_UUID_LSAT)
    rec = Recorder(w, s, iface=IFACE)

    policy = open_policy(rec, srv, "max", MAXIMUM_ALLOWED,
                         f"SystemName \\\\{srv.ip}, empty object attributes, MAXIMUM_ALLOWED")
    lookup = open_policy(rec, srv, "lookup-view",
                         lsad.POLICY_LOOKUP_NAMES | lsad.POLICY_VIEW_LOCAL_INFORMATION,
                         "POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION")

    # quirk(samba-4.17): class 15 (PolicyMachineAccountInformation) makes the file server
    # fault (rpc_x_bad_stub_data, which would end the association); the DC refuses it.
    levels = (1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14) + ((15,) if srv.tag == "dc" else ())
    for level in levels:
        req = lsad.LsarQueryInformationPolicy()
        req["PolicyHandle"] = policy
        req["InformationClass"] = level
        rec("LsarQueryInformationPolicy", f"L{level}", req, f"InformationClass {level}",
            allow_fault=False)
    req = LsarGetUserNameNested()
    req["SystemName"] = NULL
    req["UserName"] = NULL
    req["DomainName"] = 0
    rec("LsarGetUserName", "with-domain", req,
        "SystemName NULL, UserName a NULL pointer, DomainName a pointer to a NULL pointer")
    req = lsat.LsarGetUserName()
    req["SystemName"] = NULL
    req["UserName"] = NULL
    req["DomainName"] = NULL
    rec("LsarGetUserName", "no-domain", req, "SystemName NULL, UserName and DomainName NULL")

    what_sids = "SIDs " + ", ".join(sids) + ", LsapLookupWksta"
    what_names = "names " + ", ".join(names) + ", LsapLookupWksta"
    rec("LsarLookupSids2", f"{len(sids)}sids", sids_request(lsat.LsarLookupSids2, lookup, sids, 2),
        what_sids + ", client revision 2")
    rec("LsarLookupNames2", f"{len(names)}names",
        names_request(lsat.LsarLookupNames2, lookup, names, 2), what_names + ", client revision 2")
    rec("LsarLookupNames3", f"{len(names)}names",
        names_request(lsat.LsarLookupNames3, lookup, names, 2), what_names + ", client revision 2")
    rec("LsarLookupNames3", "missing", names_request(lsat.LsarLookupNames3, lookup, ["nosuchname"], 2),
        "nosuchname only, LsapLookupWksta")

    for handle, detail in ((lookup, "policy"),):
        req = lsad.LsarClose()
        req["ObjectHandle"] = handle
        rec("LsarClose", detail, req, "close a policy handle", expect_status=0)
    req = lsad.LsarClose()
    req["ObjectHandle"] = policy
    s.call(req)
    s.dce.disconnect()

    # quirk(samba-4.17): the file server's lsarpc does not implement
    # LsarQueryInformationPolicy2 (fault nca_s_op_rng_error), and a fault ends the
    # association, so these run last, on their own one.
    s = Session(srv, pipe="lsarpc", uuid=lsat.MSRPC_UUID_LSAT)
    rec = Recorder(w, s, iface=IFACE)
    req = lsad.LsarOpenPolicy2()
    req["SystemName"] = NULL
    req["ObjectAttributes"]["RootDirectory"] = NULL
    req["ObjectAttributes"]["ObjectName"] = NULL
    req["ObjectAttributes"]["SecurityDescriptor"] = NULL
    req["ObjectAttributes"]["SecurityQualityOfService"] = NULL
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    _, stub, _ = s.call(req)
    policy = lsad.LsarOpenPolicy2Response(stub)["PolicyHandle"]
    for level in (3, 5, 12):
        req = lsad.LsarQueryInformationPolicy2()
        req["PolicyHandle"] = policy
        req["InformationClass"] = level
        if rec("LsarQueryInformationPolicy2", f"L{level}", req, f"InformationClass {level}",
               allow_fault=True, fault_note="opnum not implemented by the file server "
                                            "(the DC's answers are the -dc vectors).") is None:
            break
    s.dce.disconnect()

    # The secure-channel-only lookups, each on a fresh association (a fault ends it).
    for cls, detail, what, build in (
        (lsat.LsarLookupSids3, f"{len(sids)}sids", what_sids,
         lambda: sids_request(lsat.LsarLookupSids3, None, sids, 2)),
        (lsat.LsarLookupNames4, f"{len(names)}names", what_names,
         lambda: names_request(lsat.LsarLookupNames4, None, names, 2)),
    ):
        s = Session(srv, pipe="lsarpc", uuid=lsat.MSRPC_UUID_LSAT)
        rec = Recorder(w, s, iface=IFACE)
        rec(cls.__name__, detail, build(), what + " (NTLM over SMB, no secure channel)",
            allow_fault=True)
        s.dce.disconnect()
