#!/usr/bin/env python3
"""samr golden vectors for the set classes NetGroupSetInfo / NetLocalGroupSetInfo send that
samr_capture.py does not record: SamrSetInformationGroup (21) GroupNameInformation (level 0,
a rename) and GroupAttributeInformation (levels 2, 3, 1005), SamrSetInformationAlias (29)
AliasNameInformation (level 0, a rename). Conventions, Session and Recorder as in
samr_capture.py; a throw-away group and alias `nlp_vec_{g,a}<random>` are created, renamed
and deleted again.

Usage (lab running):
    eval "$(tools/lab env)"
    cd tools/capture && /tmp/netapi-lab-venv/bin/python groups_capture.py ../../crates/netapi-msrpc/tests/vectors
"""

import secrets
import sys

from impacket.dcerpc.v5 import samr
from impacket.dcerpc.v5.dtypes import MAXIMUM_ALLOWED

from capture_stubs import Server, Writer, env
from samr_capture import Recorder, Session


def open_account_domain(s, srv):
    req = samr.SamrConnect5()
    req["ServerName"] = f"\\\\{srv.ip}\x00"
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["InVersion"] = 1
    req["InRevisionInfo"]["tag"] = 1
    req["InRevisionInfo"]["V1"]["Revision"] = 3
    req["InRevisionInfo"]["V1"]["SupportedFeatures"] = 0
    server = samr.SamrConnect5Response(s.call(req)[1])["ServerHandle"]
    req = samr.SamrLookupDomainInSamServer()
    req["ServerHandle"] = server
    req["Name"] = srv.domain
    sid = samr.SamrLookupDomainInSamServerResponse(s.call(req)[1])["DomainId"]
    req = samr.SamrOpenDomain()
    req["ServerHandle"] = server
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["DomainId"] = sid
    return samr.SamrOpenDomainResponse(s.call(req)[1])["DomainHandle"]


def capture(w, srv):
    s = Session(srv)
    rec = Recorder(w, s)
    domain = open_account_domain(s, srv)
    suffix = secrets.token_hex(3)

    gname, gname2 = f"nlp_vec_g{suffix}", f"nlp_vec_h{suffix}"
    req = samr.SamrCreateGroupInDomain()
    req["DomainHandle"] = domain
    req["Name"] = gname
    req["DesiredAccess"] = samr.GROUP_ALL_ACCESS | samr.DELETE
    group = samr.SamrCreateGroupInDomainResponse(s.call(req)[1])["GroupHandle"]
    s.pause()
    req = samr.SamrSetInformationGroup()
    req["GroupHandle"] = group
    req["GroupInformationClass"] = 3
    req["Buffer"]["tag"] = 3
    req["Buffer"]["Attribute"]["Attributes"] = 7
    rec("SamrSetInformationGroup", "L3-attributes", req, f"Attributes 7 of {gname}", expect_status=0)
    s.pause()
    req = samr.SamrSetInformationGroup()
    req["GroupHandle"] = group
    req["GroupInformationClass"] = 2
    req["Buffer"]["tag"] = 2
    req["Buffer"]["Name"]["Name"] = gname2
    rec("SamrSetInformationGroup", "L2-name", req, f"rename {gname} to {gname2}", expect_status=0)
    s.pause()
    req = samr.SamrDeleteGroup()
    req["GroupHandle"] = group
    s.call(req)
    s.pause()

    aname, aname2 = f"nlp_vec_a{suffix}", f"nlp_vec_b{suffix}"
    req = samr.SamrCreateAliasInDomain()
    req["DomainHandle"] = domain
    req["AccountName"] = aname
    req["DesiredAccess"] = samr.ALIAS_ALL_ACCESS | samr.DELETE
    alias = samr.SamrCreateAliasInDomainResponse(s.call(req)[1])["AliasHandle"]
    s.pause()
    req = samr.SamrSetInformationAlias()
    req["AliasHandle"] = alias
    req["AliasInformationClass"] = 2
    req["Buffer"]["tag"] = 2
    req["Buffer"]["Name"]["Name"] = aname2
    rec("SamrSetInformationAlias", "L2-name", req, f"rename {aname} to {aname2}", expect_status=0)
    s.pause()
    req = samr.SamrDeleteAlias()
    req["AliasHandle"] = alias
    s.call(req)
    s.dce.disconnect()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../../crates/netapi-msrpc/tests/vectors"
    pw = env("NETAPI_LAB_PASSWORD")
    fs = Server("fs", env("NETAPI_LAB_FS_IP"), env("NETAPI_LAB_FS_NAME"),
                env("NETAPI_LAB_FS_ADMIN_USER"), pw, "the lab file server FILESRV (127.0.0.2)")
    dc = Server("dc", env("NETAPI_LAB_DC_IP"), env("NETAPI_LAB_DC_DOMAIN"),
                env("NETAPI_LAB_DC_ADMIN_USER"), pw, "the lab AD DC LABDOM (127.0.0.3)")
    w = Writer(root)
    capture(w, fs)
    capture(w, dc)
    for p in w.written:
        print(p)


if __name__ == "__main__":
    main()
