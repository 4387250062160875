"""srvsvc ([MS-SRVS]) golden vectors from the lab file server; see capture_stubs.py.

Every opnum the netapi layer uses is sent once per level of interest. The
request stub is kept as impacket encodes it, the response stub as Samba
answers it. Opnums Samba does not implement (DCE/RPC fault
nca_s_op_rng_error) keep only the request; their responses are written by
hand from the spec (`*.out.spec.hex`, laid out by srvsvc_spec_vectors.py).

Side effects on the lab, all undone before returning: two shares
`nlp_vec_a`/`nlp_vec_b` on the scratch directory (added, changed, deleted),
one `tools/lab hold-file fs` helper (its open file is closed with
NetrFileClose and its session deleted with NetrSessionDel; the helper is
then stopped by its pid). NetrServerSetInfo is accepted but ignored by
Samba 4.17, so it changes nothing.
"""

import os
import signal
import struct
import subprocess
import time

from impacket.dcerpc.v5 import srvs, transport
from impacket.dcerpc.v5.dtypes import DWORD, LPLONG, NULL
from impacket.dcerpc.v5.ndr import NDRCALL
from impacket.dcerpc.v5.rpcrt import DCERPCException

from capture_stubs import IMPACKET, SAMBA

IFACE = "srvsvc"
LAB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lab")

WERR_NAMES = {
    0: "NERR_Success",
    2: "ERROR_FILE_NOT_FOUND",
    5: "ERROR_ACCESS_DENIED",
    0x32: "ERROR_NOT_SUPPORTED",
    0x43: "ERROR_BAD_NET_NAME",
    0x50: "ERROR_FILE_EXISTS",
    0x57: "ERROR_INVALID_PARAMETER",
    0x7B: "ERROR_INVALID_NAME",
    0x7C: "ERROR_INVALID_LEVEL",
    0xEA: "ERROR_MORE_DATA",
    0x906: "NERR_NetNameNotFound",
    0x908: "NERR_ClientNameNotFound",
    0x90A: "NERR_FileIdNotFound",
}


class NetrServerSetInfoWithParmErr(NDRCALL):
    """impacket 0.13.1's NetrServerSetInfo lacks the IDL's trailing
    `[in,out,unique] DWORD* ParmErr` ([MS-SRVS] 3.1.4.18), so Samba would
    reject its stub; this is the request as the IDL declares it."""

    opnum = 22
    structure = (
        ("ServerName", srvs.PSRVSVC_HANDLE),
        ("Level", DWORD),
        ("InfoStruct", srvs.SERVER_INFO),
        ("ParmErr", LPLONG),
    )


class Session:
    """One bound pipe (srvsvc unless told otherwise); re-binds after a fault
    (impacket's association is not reliable after a fault PDU)."""

    def __init__(self, srv, pipe="srvsvc", uuid=srvs.MSRPC_UUID_SRVS):
        self.srv, self.pipe, self.uuid = srv, pipe, uuid
        self.dce = None
        self.connect()

    def connect(self):
        if self.dce is not None:
            try:
                self.dce.disconnect()
            except Exception:  # noqa: BLE001 - best effort on a broken pipe
                pass
        t = transport.DCERPCTransportFactory(rf"ncacn_np:{self.srv.ip}[\pipe\{self.pipe}]")
        t.set_credentials(self.srv.user, self.srv.password, self.srv.domain)
        self.dce = t.get_dce_rpc()
        self.dce.connect()
        self.dce.bind(self.uuid)

    def call(self, request):
        """Returns (request stub, response stub or None, fault text or None)."""
        body = request.getData()
        try:
            self.dce.call(request.opnum, request)
            return body, self.dce.recv(), None
        except DCERPCException as e:
            self.connect()
            return body, None, str(e)


def status_of(stub):
    v = struct.unpack("<I", stub[-4:])[0]
    return v, WERR_NAMES.get(v, "")


def record(w, s, name, detail, request, what, volatile=None, expect_fault=False, note=None):
    """Sends `request`, writes the .in vector and (unless Samba faults) the
    .out vector. Returns the response stub (or None on a fault)."""
    stub_in, stub_out, fault = s.call(request)
    opnum = request.opnum
    common = [f"{IFACE} opnum {opnum} {name}: {what}"]
    in_notes = common + [
        f"Request stub as encoded by {IMPACKET} (random referent ids), "
        f"sent to {s.srv.label}.",
    ]
    if fault is not None:
        in_notes.append(
            f"Samba 4.17.12 answered with a DCE/RPC fault ({fault}): opnum not "
            "implemented; the response vector next to this one is written from the spec."
        )
    elif expect_fault:
        raise RuntimeError(f"{name} {detail}: expected a fault, got a response")
    w.put(IFACE, opnum, name, detail, "in", IMPACKET, stub_in, in_notes)
    if fault is not None:
        if not expect_fault:
            raise RuntimeError(f"{name} {detail}: unexpected fault {fault}")
        return None
    status, sname = status_of(stub_out)
    out_notes = common + [
        f"Response stub from {s.srv.label} (Samba 4.17.12-Debian); "
        f"status 0x{status:08x} {sname}.".rstrip(),
    ]
    if volatile:
        out_notes.append(f"Volatile (differs per capture): {volatile}.")
    if note:
        out_notes.append(note)
    w.put(IFACE, opnum, name, detail, "out", SAMBA, stub_out, out_notes)
    return stub_out


def unc(srv):
    return "\\\\" + srv.ip + "\x00"


NO_503 = ("quirk(samba-4.17): Samba's union has no arm 503, so the discriminant is followed "
          "by nothing; under the [MS-SRVS] IDL (arm 503 is a pointer) this stub does not decode.")
NO_503_ENUM = (NO_503 + " Samba also read the rest of the request out of step (it skipped the "
               "container), hence TotalEntries 0 and a NULL ResumeHandle.")


def share_enum(s, w, srv, level, pref=0xFFFFFFFF, resume=0, detail=None, what=None):
    req = srvs.NetrShareEnum()
    req["ServerName"] = unc(srv)
    req["PreferedMaximumLength"] = pref
    req["ResumeHandle"] = NULL if resume is None else resume
    req["InfoStruct"]["Level"] = level
    req["InfoStruct"]["ShareInfo"]["tag"] = level
    req["InfoStruct"]["ShareInfo"]["Level%d" % level]["Buffer"] = NULL
    return record(w, s, "NetrShareEnum", detail or f"L{level}", req,
                  what or f"level {level}, PreferedMaximumLength 0x{pref:x}, ResumeHandle {resume}",
                  volatile="shi*_current_uses" if level in (2, 502) else None,
                  note=NO_503_ENUM if level == 503 else None)


def share_get_info(s, w, srv, share, level, detail=None):
    req = srvs.NetrShareGetInfo()
    req["ServerName"] = unc(srv)
    req["NetName"] = share + "\x00"
    req["Level"] = level
    return record(w, s, "NetrShareGetInfo", detail or f"L{level}", req,
                  f"share {share}, level {level}",
                  volatile="shi*_current_uses" if level in (2, 502) else None,
                  note=NO_503 if level == 503 else None)


def share_add(s, w, srv, level, name, path, remark, parm_err, detail=None):
    req = srvs.NetrShareAdd()
    req["ServerName"] = unc(srv)
    req["Level"] = level
    req["InfoStruct"]["tag"] = level
    info = srvs.SHARE_INFO_2() if level == 2 else srvs.SHARE_INFO_502()
    p = f"shi{level}_"
    info[p + "netname"] = name + "\x00"
    info[p + "type"] = srvs.STYPE_DISKTREE
    info[p + "remark"] = remark + "\x00"
    info[p + "permissions"] = 0
    info[p + "max_uses"] = 0xFFFFFFFF
    info[p + "current_uses"] = 0
    info[p + "path"] = path + "\x00"
    info[p + "passwd"] = NULL
    if level == 502:
        info[p + "reserved"] = 0
        info[p + "security_descriptor"] = NULL
    req["InfoStruct"][f"ShareInfo{level}"] = info
    req["ParmErr"] = NULL if parm_err is None else parm_err
    return record(w, s, "NetrShareAdd", detail or f"L{level}-{name}", req,
                  f"add share {name} at level {level} on {path}, ParmErr "
                  + ("NULL" if parm_err is None else str(parm_err)))


def share_del(s, w, srv, name, detail, what):
    req = srvs.NetrShareDel()
    req["ServerName"] = unc(srv)
    req["NetName"] = name + "\x00"
    req["Reserved"] = 0
    return record(w, s, "NetrShareDel", detail, req, what)


def server_get_info(s, w, srv, level, detail=None):
    req = srvs.NetrServerGetInfo()
    req["ServerName"] = unc(srv)
    req["Level"] = level
    return record(w, s, "NetrServerGetInfo", detail or f"L{level}", req, f"level {level}")


def hold_file():
    """Starts the lab's hold-file helper; returns its pid."""
    out = subprocess.run([LAB, "hold-file", "fs", "300"], check=True,
                         capture_output=True, text=True).stdout
    pids = [int(t) for t in out.split() if t.isdigit()]
    if not pids:
        raise RuntimeError(f"lab hold-file printed no pid: {out!r}")
    return pids[-1]


def stop(pid):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass


def capture_srvsvc(w, srv):
    s = Session(srv)
    scratch = os.environ["NETAPI_LAB_FS_SCRATCH_DIR_WIN"]

    # Leftovers of an interrupted run would make NetrShareAdd fail.
    for name in ("nlp_vec_a", "nlp_vec_b"):
        req = srvs.NetrShareDel()
        req["ServerName"] = NULL
        req["NetName"] = name + "\x00"
        s.call(req)

    # --- shares ---------------------------------------------------------
    for level in (0, 1, 2, 501, 502):
        share_enum(s, w, srv, level)
    share_enum(s, w, srv, 503, detail="L503-invalid-level")
    # quirk(samba-4.17): PreferedMaximumLength is ignored; the resume handle
    # is an index into the share list.
    share_enum(s, w, srv, 1, pref=1, detail="L1-prefmaxlen1",
               what="level 1, PreferedMaximumLength 1 (one byte), ResumeHandle 0")
    share_enum(s, w, srv, 1, pref=1, resume=2, detail="L1-resume2",
               what="level 1, PreferedMaximumLength 1, ResumeHandle 2 (skip two shares)")
    share_enum(s, w, srv, 0, resume=None, detail="L0-no-resume-handle",
               what="level 0, ResumeHandle NULL")

    for level in (0, 1, 2, 501, 502, 1004, 1005, 1006, 1501):
        share_get_info(s, w, srv, "public", level)
    share_get_info(s, w, srv, "public", 503, detail="L503-invalid-level")
    share_get_info(s, w, srv, "nosuchshare", 1, detail="L1-no-such-share")

    share_add(s, w, srv, 2, "nlp_vec_a", scratch, "netapi vector share a", parm_err=None)
    share_add(s, w, srv, 502, "nlp_vec_b", scratch, "netapi vector share b", parm_err=0)
    share_add(s, w, srv, 2, "nlp_vec_a", scratch, "duplicate", parm_err=0,
              detail="L2-nlp_vec_a-exists")

    req = srvs.NetrShareSetInfo()
    req["ServerName"] = unc(srv)
    req["NetName"] = "nlp_vec_a\x00"
    req["Level"] = 1004
    req["ShareInfo"]["tag"] = 1004
    info = srvs.SHARE_INFO_1004()
    info["shi1004_remark"] = "changed remark\x00"
    req["ShareInfo"]["ShareInfo1004"] = info
    req["ParmErr"] = 0
    record(w, s, "NetrShareSetInfo", "L1004-nlp_vec_a", req,
           "set the remark of nlp_vec_a (level 1004), ParmErr 0")

    req = srvs.NetrShareSetInfo()
    req["ServerName"] = unc(srv)
    req["NetName"] = "nlp_vec_b\x00"
    req["Level"] = 502
    req["ShareInfo"]["tag"] = 502
    info = srvs.SHARE_INFO_502()
    info["shi502_netname"] = "nlp_vec_b\x00"
    info["shi502_type"] = srvs.STYPE_DISKTREE
    info["shi502_remark"] = "changed at level 502\x00"
    info["shi502_permissions"] = 0
    info["shi502_max_uses"] = 10
    info["shi502_current_uses"] = 0
    info["shi502_path"] = scratch + "\x00"
    info["shi502_passwd"] = NULL
    info["shi502_reserved"] = 0
    info["shi502_security_descriptor"] = NULL
    req["ShareInfo"]["ShareInfo502"] = info
    req["ParmErr"] = 0
    record(w, s, "NetrShareSetInfo", "L502-nlp_vec_b", req,
           "set remark and max_uses (10) of nlp_vec_b at level 502, no security descriptor")

    share_get_info(s, w, srv, "nlp_vec_b", 502, detail="L502-nlp_vec_b-after-set")

    share_del(s, w, srv, "nlp_vec_a", "L0-nlp_vec_a", "delete share nlp_vec_a")
    share_del(s, w, srv, "nlp_vec_b", "L0-nlp_vec_b", "delete share nlp_vec_b")
    share_del(s, w, srv, "nlp_vec_a", "L0-nlp_vec_a-again", "delete nlp_vec_a again (already gone)")

    req = srvs.NetrShareCheck()
    req["ServerName"] = unc(srv)
    req["Device"] = "C:\x00"
    record(w, s, "NetrShareCheck", "L0-C", req, "device C: (no level: L0 names the only form)",
           expect_fault=True)

    # --- server ---------------------------------------------------------
    for level in (100, 101, 102):
        server_get_info(s, w, srv, level)
    for level in (402, 403, 502, 503):
        server_get_info(s, w, srv, level, detail=f"L{level}-invalid-level")

    req = NetrServerSetInfoWithParmErr()
    req["ServerName"] = unc(srv)
    req["Level"] = 1005
    req["InfoStruct"]["tag"] = 1005
    info = srvs.SERVER_INFO_1005()
    info["sv1005_comment"] = "netapi vector comment\x00"
    req["InfoStruct"]["ServerInfo1005"] = info
    req["ParmErr"] = 0
    record(w, s, "NetrServerSetInfo", "L1005", req,
           "level 1005 (server comment), ParmErr 0; Samba accepts and ignores it")

    req = srvs.NetrServerDiskEnum()
    req["ServerName"] = NULL
    req["Level"] = 0
    req["DiskInfoStruct"]["EntriesRead"] = 0
    req["DiskInfoStruct"]["Buffer"] = NULL
    req["PreferedMaximumLength"] = 0xFFFFFFFF
    req["ResumeHandle"] = 0
    record(w, s, "NetrServerDiskEnum", "L0", req, "level 0, ServerName NULL, ResumeHandle 0")

    req = srvs.NetrServerStatisticsGet()
    req["ServerName"] = unc(srv)
    req["Service"] = "LanmanServer\x00"
    req["Level"] = 0
    req["Options"] = 0
    record(w, s, "NetrServerStatisticsGet", "L0", req,
           "service LanmanServer, level 0, options 0", expect_fault=True)

    for level in (0, 1):
        req = srvs.NetrServerTransportEnum()
        req["ServerName"] = unc(srv)
        req["InfoStruct"]["Level"] = level
        req["InfoStruct"]["XportInfo"]["tag"] = level
        req["InfoStruct"]["XportInfo"]["Level%d" % level]["Buffer"] = NULL
        req["PreferedMaximumLength"] = 0xFFFFFFFF
        req["ResumeHandle"] = 0
        record(w, s, "NetrServerTransportEnum", f"L{level}", req, f"level {level}",
               expect_fault=True)

    req = srvs.NetrRemoteTOD()
    req["ServerName"] = NULL
    record(w, s, "NetrRemoteTOD", "L0", req, "ServerName NULL (no level: L0 names the only form)",
           volatile="every field (the server's clock)")

    for opnum_class, name in ((srvs.NetrServerTransportAddEx, "NetrServerTransportAddEx"),
                              (srvs.NetrServerTransportDelEx, "NetrServerTransportDelEx")):
        req = opnum_class()
        req["ServerName"] = unc(srv)
        req["Level"] = 0
        req["Buffer"]["tag"] = 0
        t0 = req["Buffer"]["Transport0"]
        t0["svti0_numberofvcs"] = 0
        t0["svti0_transportname"] = "\\Device\\NetbiosSmb\x00"
        t0["svti0_transportaddress"] = list(b"NLPVEC          ")
        t0["svti0_transportaddresslength"] = 16
        t0["svti0_networkaddress"] = NULL
        record(w, s, name, "L0", req,
               "level 0, transport \\Device\\NetbiosSmb, address 'NLPVEC' padded to 16 bytes",
               expect_fault=True)

    # --- sessions, files, connections (a held file) ----------------------
    pid = hold_file()
    try:
        time.sleep(1)
        for level in (0, 1):
            req = srvs.NetrSessionEnum()
            req["ServerName"] = unc(srv)
            req["ClientName"] = NULL
            req["UserName"] = NULL
            req["InfoStruct"]["Level"] = level
            req["InfoStruct"]["SessionInfo"]["tag"] = level
            req["InfoStruct"]["SessionInfo"]["Level%d" % level]["Buffer"] = NULL
            req["PreferedMaximumLength"] = 0xFFFFFFFF
            req["ResumeHandle"] = 0
            record(w, s, "NetrSessionEnum", f"L{level}", req,
                   f"level {level}, no filters, while `lab hold-file fs` holds a session",
                   volatile="the session list (every client of the lab at capture time), "
                            "sesi1_time, sesi1_idle_time")
        for level in (2, 10, 502):
            req = srvs.NetrSessionEnum()
            req["ServerName"] = unc(srv)
            req["ClientName"] = NULL
            req["UserName"] = NULL
            req["InfoStruct"]["Level"] = level
            req["InfoStruct"]["SessionInfo"]["tag"] = level
            req["InfoStruct"]["SessionInfo"]["Level%d" % level]["Buffer"] = NULL
            req["PreferedMaximumLength"] = 0xFFFFFFFF
            req["ResumeHandle"] = 0
            record(w, s, "NetrSessionEnum", f"L{level}-invalid-level", req, f"level {level}")

        file_ids = []
        for level in (2, 3):
            req = srvs.NetrFileEnum()
            req["ServerName"] = unc(srv)
            req["BasePath"] = NULL
            req["UserName"] = NULL
            req["InfoStruct"]["Level"] = level
            req["InfoStruct"]["FileInfo"]["tag"] = level
            req["InfoStruct"]["FileInfo"]["Level%d" % level]["Buffer"] = NULL
            req["PreferedMaximumLength"] = 0xFFFFFFFF
            req["ResumeHandle"] = 0
            out = record(w, s, "NetrFileEnum", f"L{level}", req,
                         f"level {level}, no filters, with the hold-file helper's open file",
                         volatile="fi*_id, the list itself (every open file at capture time)")
            if level == 3 and out is not None:
                resp = srvs.NetrFileEnumResponse(out)
                for e in resp["InfoStruct"]["FileInfo"]["Level3"]["Buffer"]:
                    if e["fi3_path_name"].rstrip("\x00").endswith("hello.txt"):
                        file_ids.append(e["fi3_id"])
        if not file_ids:
            raise RuntimeError("NetrFileEnum did not list the held hello.txt")

        for level in (0, 1):
            req = srvs.NetrConnectionEnum()
            req["ServerName"] = unc(srv)
            req["Qualifier"] = os.environ.get("NETAPI_LAB_FS_HOLD_SHARE", "data") + "\x00"
            req["InfoStruct"]["Level"] = level
            req["InfoStruct"]["ConnectInfo"]["tag"] = level
            req["InfoStruct"]["ConnectInfo"]["Level%d" % level]["Buffer"] = NULL
            req["PreferedMaximumLength"] = 0xFFFFFFFF
            req["ResumeHandle"] = 0
            record(w, s, "NetrConnectionEnum", f"L{level}", req,
                   f"level {level}, Qualifier = the hold-file share",
                   volatile="coni*_id, coni1_time, the list itself")

        req = srvs.NetrFileGetInfo()
        req["ServerName"] = unc(srv)
        req["FileId"] = file_ids[0]
        req["Level"] = 3
        record(w, s, "NetrFileGetInfo", "L3", req, f"file id {file_ids[0]} (hello.txt), level 3",
               expect_fault=True)

        req = srvs.NetrFileClose()
        req["ServerName"] = unc(srv)
        req["FileId"] = file_ids[0]
        record(w, s, "NetrFileClose", "L0", req,
               f"close file id {file_ids[0]} (hello.txt held by the hold-file helper)")

        req = srvs.NetrFileClose()
        req["ServerName"] = unc(srv)
        req["FileId"] = file_ids[0]
        record(w, s, "NetrFileClose", "L0-again", req,
               f"close file id {file_ids[0]} again (already closed)")

        req = srvs.NetrSessionDel()
        req["ServerName"] = unc(srv)
        req["ClientName"] = "\\\\127.0.0.1\x00"
        req["UserName"] = "netapiuser\x00"
        record(w, s, "NetrSessionDel", "L0", req,
               "ClientName \\\\127.0.0.1, UserName netapiuser (the hold-file helper's session)")
    finally:
        stop(pid)
    s.dce.disconnect()
