#!/usr/bin/env python3
"""Lays out the hand-written lsarpc response vectors (`*.out.spec.hex`).

LsarLookupSids3 and LsarLookupNames4 are only served over a Netlogon secure
channel; both lab servers refuse them to an NTLM client with a DCE/RPC fault
(rpc_s_access_denied), so their responses are written from [MS-LSAT] instead
of captured: what a Windows DC answers to the `-dc` requests next to them,
with the lab DC's names and SIDs. Every field below is chosen by hand; this
script only does the arithmetic (UTF-16, counts, alignment, referent ids in
the order Windows assigns them) and writes one annotated field per line. No
NDR library is involved, so the files check our encoder rather than repeat
it.

Usage: python3 tools/capture/lsarpc_spec_vectors.py [vector dir]
"""
import datetime
import os
import struct
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "crates/netapi-msrpc/tests/vectors/lsarpc"
TODAY = datetime.date.today().isoformat()

# The lab DC's account domain (see 7-LsarQueryInformationPolicy-L5-dc.out).
DC_DOMAIN = "LABDOM"
DC_SID = (5, [21, 2749836509, 1682262617, 148795997])


class V:
    def __init__(self):
        self.rows = []
        self.n = 0
        self.ref = 0x20000

    def next_ref(self):
        r = self.ref
        self.ref += 4
        return r

    def u8(self, v, c):
        self.rows.append((struct.pack("<B", v).hex(), c))
        self.n += 1

    def u16(self, v, c):
        self.pad(2)
        self.rows.append((struct.pack("<H", v).hex(), c))
        self.n += 2

    def u32(self, v, c):
        self.pad(4)
        self.rows.append((struct.pack("<I", v & 0xFFFFFFFF).hex(), c))
        self.n += 4

    def raw(self, b, c):
        self.rows.append((b.hex(), c))
        self.n += len(b)

    def pad(self, a):
        k = (-self.n) % a
        if k:
            self.rows.append(("00" * k, "padding"))
            self.n += k

    def ptr(self, c):
        r = self.next_ref()
        self.u32(r, f"{c}: referent 0x{r:08x}")
        return r

    def ustr_inline(self, s, c):
        """RPC_UNICODE_STRING inline part; MaximumLength = Length + 2 as Windows sends."""
        n = len(s) * 2
        self.pad(4)  # the structure holds a pointer
        self.u16(n, f"{c}.Length {n}")
        self.u16(n + 2, f"{c}.MaximumLength {n + 2}")
        self.ptr(f"{c}.Buffer")

    def ustr_deferred(self, s, c):
        units = len(s)
        self.u32(units + 1, f"{c}: max_count {units + 1}")
        self.u32(0, "offset 0")
        self.u32(units, f"actual_count {units}")
        self.raw(s.encode("utf-16-le"), f'"{s}"')

    def sid(self, authority, subs, c):
        self.u32(len(subs), f"{c}: max_count {len(subs)} (SubAuthorityCount)")
        self.u8(1, "Revision 1")
        self.u8(len(subs), f"SubAuthorityCount {len(subs)}")
        self.raw(authority.to_bytes(6, "big"), f"IdentifierAuthority {authority}")
        for s in subs:
            self.u32(s, f"SubAuthority {s}")

    def write(self, name, header):
        path = os.path.join(OUT, name)
        with open(path, "w") as f:
            for h in header:
                f.write(f"# {h}\n")
            f.write(f"# Written by hand from [MS-LSAT] on {TODAY}: one field per line; referent ids "
                    f"numbered\n# as Windows does (0x00020000, +4). {self.n} bytes. Not a capture.\n")
            for h, c in self.rows:
                chunks = [h[i:i + 64] for i in range(0, len(h), 64)]
                f.write(f"{chunks[0].ljust(64)}  # {c}\n")
                for more in chunks[1:]:
                    f.write(more + "\n")
        print(path, self.n)


def referenced_domains(v, domains):
    """`[out] PLSAPR_REFERENCED_DOMAIN_LIST*`: a unique pointer and its list.
    `domains` is [(name, (authority, subs))]."""
    v.ptr("ReferencedDomains")
    v.u32(len(domains), f"Entries {len(domains)}")
    v.ptr("Domains")
    v.u32(32, "MaxEntries 32")
    v.u32(len(domains), f"Domains: max_count {len(domains)}")
    for i, (name, _) in enumerate(domains):
        if name:
            v.ustr_inline(name, f"Domains[{i}].Name")
        else:
            v.pad(4)
            v.u16(0, f"Domains[{i}].Name.Length 0")
            v.u16(0, "MaximumLength 0")
            v.u32(0, "Buffer NULL")
        v.ptr(f"Domains[{i}].Sid")
    for i, (name, (auth, subs)) in enumerate(domains):
        if name:
            v.ustr_deferred(name, f"Domains[{i}].Name")
        v.sid(auth, subs, f"Domains[{i}].Sid")


# 76 LsarLookupSids3 for S-1-5-32-544, S-1-1-0, S-1-5-21-1-2-3-4
v = V()
referenced_domains(v, [("BUILTIN", (5, [32])), ("", (1, []))])
names = [(4, "Administrators", 0), (5, "Everyone", 1), (8, "S-1-5-21-1-2-3-4", -1)]
v.u32(len(names), f"TranslatedNames.Entries {len(names)}")
v.ptr("TranslatedNames.Names")
v.u32(len(names), f"Names: max_count {len(names)}")
for i, (use, name, idx) in enumerate(names):
    v.u16(use, f"Names[{i}].Use {use}")
    v.ustr_inline(name, f"Names[{i}].Name")
    v.u32(idx, f"Names[{i}].DomainIndex {idx}")
    v.u32(0, f"Names[{i}].Flags 0")
for i, (_, name, _) in enumerate(names):
    v.ustr_deferred(name, f"Names[{i}].Name")
v.u32(2, "MappedCount 2")
v.u32(0x107, "return value STATUS_SOME_NOT_MAPPED")
v.write("76-LsarLookupSids3-3sids-dc.out.spec.hex", [
    "lsarpc opnum 76 LsarLookupSids3: the answer to the -dc request ([MS-LSAT] 3.1.4.9, 2.2.12, 2.2.22):",
    "BUILTIN\\Administrators and Everyone mapped, the third SID unknown (its name is the SID string).",
    "Both lab servers refuse the call without a Netlogon secure channel (fault rpc_s_access_denied)."])

# 77 LsarLookupNames4 for netapiuser, Domain Admins, nosuchname
v = V()
referenced_domains(v, [(DC_DOMAIN, DC_SID)])
auth, subs = DC_SID
sids = [(1, subs + [1104], 0), (2, subs + [512], 0), (8, None, -1)]
v.u32(len(sids), f"TranslatedSids.Entries {len(sids)}")
v.ptr("TranslatedSids.Sids")
v.u32(len(sids), f"Sids: max_count {len(sids)}")
for i, (use, sub, idx) in enumerate(sids):
    v.u16(use, f"Sids[{i}].Use {use}")
    if sub is None:
        v.u32(0, f"Sids[{i}].Sid NULL")
    else:
        v.ptr(f"Sids[{i}].Sid")
    v.u32(idx, f"Sids[{i}].DomainIndex {idx}")
    v.u32(0, f"Sids[{i}].Flags 0")
for i, (_, sub, _) in enumerate(sids):
    if sub is not None:
        v.sid(auth, sub, f"Sids[{i}].Sid")
v.u32(2, "MappedCount 2")
v.u32(0x107, "return value STATUS_SOME_NOT_MAPPED")
v.write("77-LsarLookupNames4-3names-dc.out.spec.hex", [
    "lsarpc opnum 77 LsarLookupNames4: the answer to the -dc request ([MS-LSAT] 3.1.4.5, 2.2.12, 2.2.26):",
    "netapiuser (RID 1104) and Domain Admins (512) in LABDOM, nosuchname unknown.",
    "Both lab servers refuse the call without a Netlogon secure channel (fault rpc_s_access_denied)."])
