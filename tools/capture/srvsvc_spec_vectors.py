#!/usr/bin/env python3
"""Lays out the hand-written srvsvc response vectors (`*.out.spec.hex`).

Samba 4.17 faults on NetrFileGetInfo, NetrShareCheck, NetrServerStatisticsGet,
NetrServerTransportEnum and NetrServerTransportAddEx/DelEx, so their responses
are written from [MS-SRVS] instead of captured. Every field below is chosen by
hand; this script only does the arithmetic (UTF-16, counts, alignment) and
writes one annotated field per line. No NDR library is involved, so the files
check our encoder rather than repeat it.

Usage: python3 tools/capture/srvsvc_spec_vectors.py [vector dir]
"""
import datetime
import os
import struct
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "crates/netapi-msrpc/tests/vectors/srvsvc"
TODAY = datetime.date.today().isoformat()

class V:
    def __init__(self): self.rows = []; self.n = 0
    def u32(self, v, c): self.pad(4); self.rows.append((struct.pack("<I", v & 0xffffffff).hex(), c)); self.n += 4
    def raw(self, b, c): self.rows.append((b.hex(), c)); self.n += len(b)
    def pad(self, a):
        k = (-self.n) % a
        if k: self.rows.append(("00" * k, "padding")); self.n += k
    def wstr(self, s, c):
        units = len(s) + 1
        self.u32(units, f"{c}: max_count {units}")
        self.u32(0, "offset 0")
        self.u32(units, f"actual_count {units}")
        self.raw((s + "\0").encode("utf-16-le"), f'"{s}" + NUL')
    def bytes_(self, b, c):
        self.u32(len(b), f"{c}: max_count {len(b)}")
        self.raw(b, repr(b.decode("latin-1")))
    def write(self, name, header):
        path = os.path.join(OUT, name)
        with open(path, "w") as f:
            for h in header: f.write(f"# {h}\n")
            f.write(f"# Written by hand from [MS-SRVS] on {TODAY}: one field per line; referent ids numbered\n")
            f.write(f"# as Windows does (0x00020000, +4). {self.n} bytes. Not a capture.\n")
            for h, c in self.rows:
                chunks = [h[i:i + 64] for i in range(0, len(h), 64)]
                f.write(f"{chunks[0].ljust(64)}  # {c}\n")
                for more in chunks[1:]:
                    f.write(more + "\n")
        print(path, self.n)

# 10 NetrFileGetInfo level 3 for the held file
v = V()
v.u32(3, "InfoStruct: FILE_INFO discriminant 3")
v.u32(0x20000, "FileInfo3 pointer")
v.u32(0x43bb0003, "fi3_id (the id NetrFileEnum reported)")
v.u32(1, "fi3_permissions PERM_FILE_READ")
v.u32(0, "fi3_num_locks")
v.u32(0x20004, "fi3_pathname pointer")
v.u32(0x20008, "fi3_username pointer")
v.wstr("C:\\tmp\\netapi-lab\\fs\\shares\\data\\hello.txt", "fi3_pathname")
v.wstr("netapiuser", "fi3_username")
v.u32(0, "return value NERR_Success")
v.write("10-NetrFileGetInfo-L3.out.spec.hex", [
    "srvsvc opnum 10 NetrFileGetInfo: level 3 answer for the file the request names ([MS-SRVS] 3.1.4.3, 2.2.3.3, 2.2.4.7).",
    "Samba 4.17 does not implement the opnum; this is what a Windows server answers in this shape."])

# 20 NetrShareCheck
v = V()
v.u32(0, "Type STYPE_DISKTREE (C: is shared as a disk)")
v.u32(0, "return value NERR_Success")
v.write("20-NetrShareCheck-L0-C.out.spec.hex", [
    "srvsvc opnum 20 NetrShareCheck: device C: is shared as a disk ([MS-SRVS] 3.1.4.16).",
    "Samba 4.17 does not implement the opnum."])
v = V()
v.u32(0, "Type (not set on failure; zero)")
v.u32(2311, "return value NERR_DeviceNotShared (0x907)")
v.write("20-NetrShareCheck-L0-C-not-shared.out.spec.hex", [
    "srvsvc opnum 20 NetrShareCheck: the device is not shared ([MS-SRVS] 3.1.4.16).",
    "Samba 4.17 does not implement the opnum."])

# 24 NetrServerStatisticsGet
v = V()
v.u32(0x20000, "InfoStruct: LPSTAT_SERVER_0 pointer")
for val, c in [(1764000000, "sts0_start (2025-11-24 16:00:00 UTC)"), (1234, "sts0_fopens"), (0, "sts0_devopens (always 0)"),
               (3, "sts0_jobsqueued"), (56, "sts0_sopens"), (2, "sts0_stimedout"), (0, "sts0_serrorout"),
               (4, "sts0_pwerrors"), (5, "sts0_permerrors"), (0, "sts0_syserrors"),
               (0x89abcdef, "sts0_bytessent_low"), (1, "sts0_bytessent_high"),
               (0x01234567, "sts0_bytesrcvd_low"), (0, "sts0_bytesrcvd_high"),
               (0, "sts0_avresponse"), (7, "sts0_reqbufneed"), (8, "sts0_bigbufneed")]:
    v.u32(val, c)
v.u32(0, "return value NERR_Success")
v.write("24-NetrServerStatisticsGet-L0.out.spec.hex", [
    "srvsvc opnum 24 NetrServerStatisticsGet: a STAT_SERVER_0 ([MS-SRVS] 3.1.4.20, 2.2.4.39); values invented.",
    "Samba 4.17 does not implement the opnum."])

# 26 NetrServerTransportEnum level 0, two transports
v = V()
v.u32(0, "InfoStruct.Level 0")
v.u32(0, "XportInfo discriminant 0")
v.u32(0x20000, "Level0 container pointer")
v.u32(2, "EntriesRead 2")
v.u32(0x20004, "Buffer pointer")
v.u32(2, "Buffer: max_count 2")
v.u32(1, "[0] svti0_numberofvcs")
v.u32(0x20008, "[0] svti0_transportname pointer")
v.u32(0x2000c, "[0] svti0_transportaddress pointer")
v.u32(16, "[0] svti0_transportaddresslength")
v.u32(0x20010, "[0] svti0_networkaddress pointer")
v.u32(3, "[1] svti0_numberofvcs")
v.u32(0x20014, "[1] svti0_transportname pointer")
v.u32(0x20018, "[1] svti0_transportaddress pointer")
v.u32(16, "[1] svti0_transportaddresslength")
v.u32(0x2001c, "[1] svti0_networkaddress pointer")
v.wstr("\\Device\\NetbiosSmb", "[0] svti0_transportname")
v.bytes_(b"FILESRV         ", "[0] svti0_transportaddress")
v.wstr("000000000000", "[0] svti0_networkaddress")
v.wstr("\\Device\\NetBT_Tcpip_{2C9725F4-151A-11D3-AEEC-C3B211BD350B}", "[1] svti0_transportname")
v.bytes_(b"FILESRV         ", "[1] svti0_transportaddress")
v.wstr("525400123456", "[1] svti0_networkaddress")
v.u32(2, "TotalEntries 2")
v.u32(0x20020, "ResumeHandle pointer")
v.u32(0, "ResumeHandle 0 (complete)")
v.u32(0, "return value NERR_Success")
v.write("26-NetrServerTransportEnum-L0.out.spec.hex", [
    "srvsvc opnum 26 NetrServerTransportEnum: level 0, two transports ([MS-SRVS] 3.1.4.24, 2.2.4.93, 2.2.4.97).",
    "Samba 4.17 does not implement the opnum; names and addresses are typical Windows values."])

# 26 level 1, one transport with its domain
v = V()
v.u32(1, "InfoStruct.Level 1")
v.u32(1, "XportInfo discriminant 1")
v.u32(0x20000, "Level1 container pointer")
v.u32(1, "EntriesRead 1")
v.u32(0x20004, "Buffer pointer")
v.u32(1, "Buffer: max_count 1")
v.u32(0, "[0] svti1_numberofvcs")
v.u32(0x20008, "[0] svti1_transportname pointer")
v.u32(0x2000c, "[0] svti1_transportaddress pointer")
v.u32(16, "[0] svti1_transportaddresslength")
v.u32(0x20010, "[0] svti1_networkaddress pointer")
v.u32(0x20014, "[0] svti1_domain pointer")
v.wstr("\\Device\\NetbiosSmb", "[0] svti1_transportname")
v.bytes_(b"FILESRV         ", "[0] svti1_transportaddress")
v.wstr("000000000000", "[0] svti1_networkaddress")
v.wstr("LAB", "[0] svti1_domain")
v.u32(1, "TotalEntries 1")
v.u32(0x20018, "ResumeHandle pointer")
v.u32(0, "ResumeHandle 0 (complete)")
v.u32(0, "return value NERR_Success")
v.write("26-NetrServerTransportEnum-L1.out.spec.hex", [
    "srvsvc opnum 26 NetrServerTransportEnum: level 1, one transport and its domain ([MS-SRVS] 3.1.4.24, 2.2.4.94, 2.2.4.98).",
    "Samba 4.17 does not implement the opnum."])

for op, name, sec in ((41, "NetrServerTransportAddEx", "3.1.4.23"), (53, "NetrServerTransportDelEx", "3.1.4.26")):
    v = V()
    v.u32(0, "return value NERR_Success")
    v.write(f"{op}-{name}-L0.out.spec.hex", [
        f"srvsvc opnum {op} {name}: success, the only [out] value is the status ([MS-SRVS] {sec}).",
        "Samba 4.17 does not implement the opnum."])
