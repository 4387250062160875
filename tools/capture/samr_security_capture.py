"""samr security-object golden vectors: SamrQuerySecurityObject (3) and SamrSetSecurityObject (2)
on a throw-away user, from both lab servers; see capture_stubs.py (family `samr-security`).

NetUserGetInfo / NetUserSetInfo read and write UF_PASSWD_CANT_CHANGE there (the
USER_CHANGE_PASSWORD right of World and of the user in the user object's DACL).

quirk(samba-4.17): the AD DC answers the query with an empty descriptor and faults the set
(nca_s_op_rng_error: only the request is recorded); the file server answers its generated
descriptor and keeps the user's "password can change" setting from the set.

Side effects, all undone before returning: one user, created and deleted (not recorded).
"""

import secrets

from impacket.dcerpc.v5 import samr
from impacket.dcerpc.v5.dtypes import MAXIMUM_ALLOWED, NULL

from samr_capture import Recorder, Session, SamrCloseHandle

DACL_SECURITY_INFORMATION = 4


def world_change_password(sd, allow):
    """The self-relative descriptor `sd` with USER_CHANGE_PASSWORD (0x40) set or cleared on the
    access-allowed ACE of World (S-1-1-0) and of the last ACE (the user's), in place."""
    sd = bytearray(sd)
    dacl = int.from_bytes(sd[16:20], "little")
    count = int.from_bytes(sd[dacl + 4:dacl + 6], "little")
    at = dacl + 8
    for i in range(count):
        size = int.from_bytes(sd[at + 2:at + 4], "little")
        sid = bytes(sd[at + 8:at + size])
        if sd[at] == 0 and (sid == bytes([1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]) or i == count - 1):
            mask = int.from_bytes(sd[at + 4:at + 8], "little")
            mask = mask | 0x40 if allow else mask & ~0x40
            sd[at + 4:at + 8] = mask.to_bytes(4, "little")
        at += size
    return bytes(sd)


def capture_samr_security(w, srv):
    s = Session(srv)
    rec = Recorder(w, s)
    dce = s.dce
    server = samr.hSamrConnect5(dce)["ServerHandle"]
    sid = samr.hSamrLookupDomainInSamServer(dce, server, srv.domain)["DomainId"]
    domain = samr.hSamrOpenDomain(dce, server, domainId=sid)["DomainHandle"]
    uname = f"nlp_vec_s{secrets.token_hex(3)}"
    user = samr.hSamrCreateUser2InDomain(dce, domain, uname, samr.USER_NORMAL_ACCOUNT,
                                         samr.USER_ALL_ACCESS | samr.DELETE)["UserHandle"]
    s.pause()
    try:
        req = samr.SamrQuerySecurityObject()
        req["ObjectHandle"] = user
        req["SecurityInformation"] = DACL_SECURITY_INFORMATION
        r = rec("SamrQuerySecurityObject", "new-user", req,
                f"the DACL of user {uname}", volatile="the user's SID in its ACE")
        sd = b"".join(r["SecurityDescriptor"]["SecurityDescriptor"]) if r else b""

        def set_sd(detail, body, what):
            req = samr.SamrSetSecurityObject()
            req["ObjectHandle"] = user
            req["SecurityInformation"] = DACL_SECURITY_INFORMATION
            req["SecurityDescriptor"]["Length"] = len(body)
            req["SecurityDescriptor"]["SecurityDescriptor"] = list(body)
            rec("SamrSetSecurityObject", detail, req, what, allow_fault=True,
                fault_note="quirk(samba-4.17): the AD DC does not implement it; netapi reports "
                           "the fault (1745) and NetUserAdd deletes the account it made.")
            s.pause()

        if srv.tag == "fs":
            set_sd("cant-change", world_change_password(sd, False),
                   f"withdraw USER_CHANGE_PASSWORD from World and {uname} (UF_PASSWD_CANT_CHANGE)")
            rec("SamrQuerySecurityObject", "cant-change", _query(user),
                f"the DACL of user {uname} after the change", volatile="the user's SID in its ACE")
            set_sd("can-change", world_change_password(sd, True),
                   f"grant USER_CHANGE_PASSWORD to World and {uname} again")
        else:
            set_sd("unchanged", sd or bytes([1, 0, 0, 0x80] + [0] * 16),
                   f"the DACL of user {uname} as read")
    finally:
        # A fault reconnected the session (the handles above died with the old association):
        # delete the user through the one in use now.
        dce = s.dce
        server = samr.hSamrConnect5(dce)["ServerHandle"]
        domain = samr.hSamrOpenDomain(dce, server, domainId=sid)["DomainHandle"]
        rid = samr.hSamrLookupNamesInDomain(dce, domain, (uname,))["RelativeIds"]["Element"][0]["Data"]
        user = samr.hSamrOpenUser(dce, domain, MAXIMUM_ALLOWED, rid)["UserHandle"]
        samr.hSamrDeleteUser(dce, user)
        for h in (domain, server):
            req = SamrCloseHandle()
            req["SamHandle"] = h
            s.call(req)
        dce.disconnect()


def _query(user):
    req = samr.SamrQuerySecurityObject()
    req["ObjectHandle"] = user
    req["SecurityInformation"] = DACL_SECURITY_INFORMATION
    return req
