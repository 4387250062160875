"""samr ([MS-SAMR]) golden vectors for every opnum netapi-msrpc declares; see capture_stubs.py.

One admin session per server walks the NetApi sequences: connect, domain
lookup and policy, enumerations, name/RID lookups, display information, then
a throw-away user, global group and alias (`nlp_vec_{u,g,a}<random>`) that are
created, set, queried, linked, unlinked and deleted again. Each call is
recorded as a request stub (impacket's encoding) and a response stub
(Samba's); error answers are recorded on purpose (a name that is not there,
an object that already exists, a class the server refuses).

SamrValidatePassword is served only by the DC, only over ncacn_ip_tcp with
packet privacy: that call runs on its own TCP association (found through the
endpoint mapper); the stubs kept are the decrypted ones.

Quirk of the lab file server: two account writes within about a second can
see a stale view, so writes there are spaced (`Session.pause`).

Side effects, all undone before returning: one user (password set, enabled,
password changed once), one global group and one alias, with memberships.
SamrSetInformationDomain writes back the values just read.
"""

import os
import secrets
import struct
import sys
import time
from hashlib import md5

from Cryptodome.Cipher import ARC4
from impacket import crypto, ntlm
from impacket.nt_errors import ERROR_MESSAGES
from impacket.dcerpc.v5 import epm, samr, transport
from impacket.dcerpc.v5.dtypes import MAXIMUM_ALLOWED, NULL, RPC_SID
from impacket.dcerpc.v5.ndr import NDRCALL
from impacket.dcerpc.v5.rpcrt import DCERPCException, RPC_C_AUTHN_LEVEL_PKT_PRIVACY

from capture_stubs import IMPACKET, SAMBA

IFACE = "samr"

def nt_name(v):
    return ERROR_MESSAGES.get(v, ("",))[0]


class Session:
    """One bound association (an SMB pipe, or TCP with privacy)."""

    def __init__(self, srv, tcp=False, pipe="samr", uuid=samr.MSRPC_UUID_SAMR):
        self.srv = srv
        self.tcp = tcp
        self.pipe, self.uuid = pipe, uuid
        self.dce = None
        self.connect()

    def connect(self):
        if self.dce is not None:
            try:
                self.dce.disconnect()
            except Exception:  # noqa: BLE001 - best effort on a broken association
                pass
        if self.tcp:
            binding = epm.hept_map(self.srv.ip, self.uuid, protocol="ncacn_ip_tcp")
        else:
            binding = rf"ncacn_np:{self.srv.ip}[\pipe\{self.pipe}]"
        t = transport.DCERPCTransportFactory(binding)
        t.set_credentials(self.srv.user, self.srv.password, self.srv.domain)
        self.dce = t.get_dce_rpc()
        if self.tcp:
            self.dce.set_auth_level(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
        self.dce.connect()
        self.dce.bind(self.uuid)

    def call(self, request):
        """Returns (request stub, response stub or None, fault text or None)."""
        body = request.getData()
        try:
            self.dce.call(request.opnum, request)
            return body, self.dce.recv(), None
        except DCERPCException as e:
            return body, None, str(e)

    def pause(self):
        # quirk(samba-4.17): the file server can read a stale account view
        # right after a write.
        if self.srv.tag == "fs":
            time.sleep(1.3)

    def session_key(self):
        return self.dce.get_rpc_transport().get_smb_connection().getSessionKey()


class Recorder:
    def __init__(self, w, s, iface=IFACE, transport_note=None):
        self.w, self.s, self.iface = w, s, iface
        self.transport_note = transport_note

    def __call__(self, name, detail, request, what, volatile=None, note=None,
                 expect_status=None, allow_fault=False, fault_note=None):
        """Sends `request`, writes the .in and .out vectors; returns the
        response parsed by impacket (or None after a fault)."""
        srv = self.s.srv
        stub_in, stub_out, fault = self.s.call(request)
        opnum = request.opnum
        detail = f"{detail}-{srv.tag}"
        common = [f"{self.iface} opnum {opnum} {name}: {what}"]
        in_notes = common + [
            f"Request stub as encoded by {IMPACKET} (random referent ids), sent to {srv.label}.",
        ]
        if self.transport_note:
            in_notes.append(self.transport_note)
        if fault is not None:
            if not allow_fault:
                raise RuntimeError(f"{name} {detail}: unexpected fault {fault}")
            in_notes.append(f"Samba 4.17.12 answered with a DCE/RPC fault ({fault}); "
                            + (fault_note or "the response vector next to this one is written "
                                             "from the spec."))
            self.w.put(self.iface, opnum, name, detail, "in", IMPACKET, stub_in, in_notes)
            self.s.connect()
            return None
        status = struct.unpack("<I", stub_out[-4:])[0]
        if expect_status is not None and status != expect_status:
            raise RuntimeError(f"{name} {detail}: status 0x{status:08x}, expected 0x{expect_status:08x}")
        self.w.put(self.iface, opnum, name, detail, "in", IMPACKET, stub_in, in_notes)
        out_notes = common + [
            f"Response stub from {srv.label} (Samba 4.17.12-Debian); "
            f"status 0x{status:08x} {nt_name(status)}.".rstrip(),
        ]
        if self.transport_note:
            out_notes.append(self.transport_note)
        if volatile:
            out_notes.append(f"Volatile (differs per capture): {volatile}.")
        if note:
            out_notes.append(note)
        self.w.put(self.iface, opnum, name, detail, "out", SAMBA, stub_out, out_notes)
        module = sys.modules[type(request).__module__]
        return getattr(module, type(request).__name__ + "Response")(stub_out)


class SamrCloseHandle(NDRCALL):
    """SamrCloseHandle as [MS-SAMR] 3.1.5.13.1 declares it: the handle alone.
    impacket 0.13.1 appends a `DesiredAccess` the IDL does not have (Samba
    ignores the 4 extra bytes)."""

    opnum = 1
    structure = (("SamHandle", samr.SAMPR_HANDLE),)


class SamrCloseHandleResponse(NDRCALL):
    structure = (("SamHandle", samr.SAMPR_HANDLE), ("ErrorCode", samr.ULONG))


def ustr(s):
    u = samr.RPC_UNICODE_STRING()
    u["Data"] = s
    return u


def sid_of(text):
    s = RPC_SID()
    s.fromCanonical(text)
    return s


def null_all(a, keep=()):
    """A SAMPR_USER_ALL_INFORMATION with every pointer NULL but those in `keep`
    (impacket keeps a pointer NULL once it was set so, even after a string is
    assigned)."""
    for f in ("UserName", "FullName", "HomeDirectory", "HomeDirectoryDrive", "ScriptPath",
              "ProfilePath", "AdminComment", "WorkStations", "UserComment", "Parameters",
              "PrivateData"):
        if f not in keep:
            a[f] = NULL
    a["LmOwfPassword"]["Buffer"] = NULL
    a["NtOwfPassword"]["Buffer"] = NULL
    a["SecurityDescriptor"]["SecurityDescriptor"] = NULL
    a["LogonHours"]["LogonHours"] = NULL


def user_password(password, salt=None):
    """SAMPR_USER_PASSWORD(_NEW) cleartext: the UTF-16 password at the end of
    512 bytes, its byte length, then the salt if any ([MS-SAMR] 2.2.6.21/22)."""
    pw = password.encode("utf-16le")
    buf = os.urandom(512 - len(pw)) + pw + struct.pack("<I", len(pw))
    return buf if salt is None else buf + salt


def encrypt_plain(s, password):
    """SAMPR_ENCRYPTED_USER_PASSWORD: RC4 under the session key (2.2.6.21)."""
    return ARC4.new(s.session_key()).encrypt(user_password(password))


def encrypt_new(s, password):
    """SAMPR_ENCRYPTED_USER_PASSWORD_NEW: RC4 under MD5(salt, session key), then the salt."""
    salt = os.urandom(16)
    key = md5(salt + s.session_key()).digest()
    return ARC4.new(key).encrypt(user_password(password)) + salt


def remove_leftovers(srv):
    """Deletes `nlp_vec_*` users, groups and aliases an interrupted run left behind."""
    s = Session(srv)
    dce = s.dce
    server = samr.hSamrConnect5(dce, f"\\\\{srv.ip}\x00")["ServerHandle"]
    sid = samr.hSamrLookupDomainInSamServer(dce, server, srv.domain)["DomainId"]
    domain = samr.hSamrOpenDomain(dce, server, domainId=sid)["DomainHandle"]
    for enum, opener, deleter, key in (
        (samr.hSamrEnumerateAliasesInDomain, samr.hSamrOpenAlias, samr.hSamrDeleteAlias, "AliasHandle"),
        (samr.hSamrEnumerateGroupsInDomain, samr.hSamrOpenGroup, samr.hSamrDeleteGroup, "GroupHandle"),
        (samr.hSamrEnumerateUsersInDomain, samr.hSamrOpenUser, samr.hSamrDeleteUser, "UserHandle"),
    ):
        try:
            entries = enum(dce, domain)["Buffer"]["Buffer"] or []
        except DCERPCException as e:
            entries = e.get_packet()["Buffer"]["Buffer"] or []
        for e in entries:
            if str(e["Name"]).startswith("nlp_vec_"):
                h = opener(dce, domain, samr.DELETE, e["RelativeId"])[key]
                deleter(dce, h)
                print(f"removed leftover {e['Name']} on {srv.tag}")
                s.pause()
    dce.disconnect()


def capture_samr_calls(w, srv):
    remove_leftovers(srv)
    s = Session(srv)
    rec = Recorder(w, s)
    suffix = secrets.token_hex(3)
    dom_name = srv.domain

    # --- connect ----------------------------------------------------------------------------
    req = samr.SamrConnect5()
    req["ServerName"] = f"\\\\{srv.ip}\x00"
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["InVersion"] = 1
    req["InRevisionInfo"]["tag"] = 1
    req["InRevisionInfo"]["V1"]["Revision"] = 3
    req["InRevisionInfo"]["V1"]["SupportedFeatures"] = 0
    r = rec("SamrConnect5", "rev3", req, f"connect to \\\\{srv.ip}, MAXIMUM_ALLOWED, revision 3",
            volatile="ServerHandle", expect_status=0)
    server = r["ServerHandle"]

    req = samr.SamrConnect4()
    req["ServerName"] = f"\\\\{srv.ip}\x00"
    req["ClientRevision"] = 2
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    r = rec("SamrConnect4", "rev2", req, f"connect to \\\\{srv.ip}, client revision 2",
            volatile="ServerHandle", expect_status=0)
    req = SamrCloseHandle()
    req["SamHandle"] = r["ServerHandle"]
    rec("SamrCloseHandle", "server", req, "close the server handle SamrConnect4 opened",
        expect_status=0)

    req = samr.SamrEnumerateDomainsInSamServer()
    req["ServerHandle"] = server
    req["EnumerationContext"] = 0
    req["PreferedMaximumLength"] = 0xFFFFFFFF
    rec("SamrEnumerateDomainsInSamServer", "all", req, "every domain, from context 0")

    req = samr.SamrLookupDomainInSamServer()
    req["ServerHandle"] = server
    req["Name"] = dom_name
    r = rec("SamrLookupDomainInSamServer", "account", req, f"the account domain {dom_name}",
            expect_status=0)
    dom_sid = r["DomainId"].formatCanonical()
    req["Name"] = "Builtin"
    rec("SamrLookupDomainInSamServer", "builtin", req, "the Builtin domain", expect_status=0)
    req["Name"] = "NoSuchDomain"
    rec("SamrLookupDomainInSamServer", "missing", req, "a domain that does not exist")

    req = samr.SamrOpenDomain()
    req["ServerHandle"] = server
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["DomainId"] = sid_of(dom_sid)
    r = rec("SamrOpenDomain", "account", req, f"open {dom_name} ({dom_sid}), MAXIMUM_ALLOWED",
            volatile="DomainHandle", expect_status=0)
    domain = r["DomainHandle"]
    req["DomainId"] = sid_of("S-1-5-32")
    r = rec("SamrOpenDomain", "builtin", req, "open Builtin (S-1-5-32), MAXIMUM_ALLOWED",
            volatile="DomainHandle", expect_status=0)
    builtin = r["DomainHandle"]

    req = samr.SamrRidToSid()
    req["ObjectHandle"] = domain
    req["Rid"] = 500
    rec("SamrRidToSid", "rid500", req, f"RID 500 in {dom_name}")

    # --- domain information ------------------------------------------------------------------
    values = {}
    for level in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13):
        req = samr.SamrQueryInformationDomain()
        req["DomainHandle"] = domain
        req["DomainInformationClass"] = level
        r = rec("SamrQueryInformationDomain", f"L{level}", req,
                f"{dom_name}, DomainInformationClass {level}",
                volatile="DomainModifiedCount, counts" if level in (2, 8, 11, 13) else None)
        values[level] = r
    for level in (1, 2, 12):
        req = samr.SamrQueryInformationDomain2()
        req["DomainHandle"] = domain
        req["DomainInformationClass"] = level
        rec("SamrQueryInformationDomain2", f"L{level}", req,
            f"{dom_name}, DomainInformationClass {level}",
            volatile="DomainModifiedCount, counts" if level == 2 else None)

    for level, arm in ((1, "Password"), (3, "Logoff"), (12, "Lockout")):
        q = values[level]
        if q is None or q["ErrorCode"] != 0:
            continue
        req = samr.SamrSetInformationDomain()
        req["DomainHandle"] = domain
        req["DomainInformationClass"] = level
        req["DomainInformation"]["tag"] = level
        req["DomainInformation"][arm] = q["Buffer"][arm]
        rec("SamrSetInformationDomain", f"L{level}-unchanged", req,
            f"{dom_name}, DomainInformationClass {level}, the values just read")
        s.pause()

    # --- enumerations and lookups -------------------------------------------------------------
    req = samr.SamrEnumerateGroupsInDomain()
    req["DomainHandle"] = domain
    req["EnumerationContext"] = 0
    req["PreferedMaximumLength"] = 0xFFFFFFFF
    rec("SamrEnumerateGroupsInDomain", "all", req, f"global groups of {dom_name}")

    req = samr.SamrEnumerateUsersInDomain()
    req["DomainHandle"] = domain
    req["EnumerationContext"] = 0
    req["UserAccountControl"] = 0
    req["PreferedMaximumLength"] = 0xFFFFFFFF
    rec("SamrEnumerateUsersInDomain", "all", req, f"users of {dom_name}, any account control")
    req["UserAccountControl"] = samr.USER_NORMAL_ACCOUNT
    req["PreferedMaximumLength"] = 1
    rec("SamrEnumerateUsersInDomain", "normal-pref1", req,
        f"normal users of {dom_name}, PreferedMaximumLength 1 (one page)")

    req = samr.SamrEnumerateAliasesInDomain()
    req["DomainHandle"] = domain
    req["EnumerationContext"] = 0
    req["PreferedMaximumLength"] = 0xFFFFFFFF
    rec("SamrEnumerateAliasesInDomain", "account", req, f"aliases of {dom_name}")
    req["DomainHandle"] = builtin
    rec("SamrEnumerateAliasesInDomain", "builtin", req, "aliases of Builtin")

    def lookup_names(detail, names, what):
        req = samr.SamrLookupNamesInDomain()
        req["DomainHandle"] = domain
        req["Count"] = len(names)
        for n in names:
            req["Names"].append(ustr(n))
        req.fields["Names"].fields["MaximumCount"] = 1000
        return rec("SamrLookupNamesInDomain", detail, req, what)

    r = lookup_names("2names", [srv.user, srv.group], f"{srv.user} and {srv.group} in {dom_name}")
    admin_rid = r["RelativeIds"]["Element"][0]["Data"]
    group_rid = r["RelativeIds"]["Element"][1]["Data"]
    lookup_names("1missing", [srv.group, "nosuchname"], f"{srv.group} and nosuchname")
    lookup_names("missing", ["nosuchname"], "nosuchname only")

    def lookup_ids(detail, rids, what):
        req = samr.SamrLookupIdsInDomain()
        req["DomainHandle"] = domain
        req["Count"] = len(rids)
        for rid in rids:
            e = samr.ULONG()
            e["Data"] = rid
            req["RelativeIds"].append(e)
        req.fields["RelativeIds"].fields["MaximumCount"] = 1000
        return rec("SamrLookupIdsInDomain", detail, req, what)

    lookup_ids("3rids", [admin_rid, group_rid, 999999],
               f"RIDs {admin_rid}, {group_rid} and 999999 (not there)")
    lookup_ids("missing", [999998], "RID 999998 only (not there)")

    for level in (1, 2, 3, 4, 5):
        req = samr.SamrQueryDisplayInformation()
        req["DomainHandle"] = domain
        req["DisplayInformationClass"] = level
        req["Index"] = 0
        req["EntryCount"] = 100
        req["PreferredMaximumLength"] = 0xFFFF
        rec("SamrQueryDisplayInformation", f"L{level}", req,
            f"{dom_name}, DisplayInformationClass {level}, from index 0, 100 entries")
    for level in (1, 3):
        req = samr.SamrQueryDisplayInformation3()
        req["DomainHandle"] = domain
        req["DisplayInformationClass"] = level
        req["Index"] = 0
        req["EntryCount"] = 100
        req["PreferredMaximumLength"] = 0xFFFF
        rec("SamrQueryDisplayInformation3", f"L{level}", req,
            f"{dom_name}, DisplayInformationClass {level}, from index 0, 100 entries")

    req = samr.SamrGetDomainPasswordInformation()
    req["Unused"] = NULL
    rec("SamrGetDomainPasswordInformation", "null", req, "password policy, Unused NULL")

    # --- a user --------------------------------------------------------------------------------
    uname = f"nlp_vec_u{suffix}"
    req = samr.SamrCreateUser2InDomain()
    req["DomainHandle"] = domain
    req["Name"] = uname
    req["AccountType"] = samr.USER_NORMAL_ACCOUNT
    req["DesiredAccess"] = samr.USER_ALL_ACCESS | samr.DELETE
    r = rec("SamrCreateUser2InDomain", "new", req, f"create user {uname} (USER_NORMAL_ACCOUNT)",
            volatile="UserHandle, RelativeId, Name", expect_status=0)
    user, user_rid = r["UserHandle"], r["RelativeId"]
    s.pause()
    rec("SamrCreateUser2InDomain", "exists", req, f"create user {uname} again")
    s.pause()

    req = samr.SamrOpenUser()
    req["DomainHandle"] = domain
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["UserId"] = 999997
    rec("SamrOpenUser", "missing", req, "open RID 999997 (no such user)")

    pw1 = "Nlp.Vec.1-" + secrets.token_hex(4)
    pw2 = "Nlp.Vec.2-" + secrets.token_hex(4)
    pw3 = "Nlp.Vec.3-" + secrets.token_hex(4)

    def set_user2(level, arm, fill, detail, what, expect=0):
        req = samr.SamrSetInformationUser2()
        req["UserHandle"] = user
        req["UserInformationClass"] = level
        req["Buffer"]["tag"] = level
        fill(req["Buffer"][arm])
        r = rec("SamrSetInformationUser2", detail, req, what,
                note="Passwords are encrypted with this capture's session key." if level >= 23 else None)
        s.pause()
        return r

    def fill_internal4new(b):
        null_all(b["I1"])
        b["I1"]["WhichFields"] = samr.USER_ALL_NTPASSWORDPRESENT | samr.USER_ALL_PASSWORDEXPIRED
        b["I1"]["PasswordExpired"] = 0
        b["UserPassword"]["Buffer"] = encrypt_new(s, pw1)

    set_user2(25, "Internal4New", fill_internal4new, "L25-password",
              f"set the password of {uname} (UserInternal4InformationNew)")

    def fill_all(b):
        null_all(b, keep=("FullName", "AdminComment"))
        b["FullName"] = "NetApi vector user"
        b["AdminComment"] = "created by samr_capture.py"
        b["UserAccountControl"] = samr.USER_NORMAL_ACCOUNT | samr.USER_DONT_EXPIRE_PASSWORD
        b["WhichFields"] = (samr.USER_ALL_FULLNAME | samr.USER_ALL_ADMINCOMMENT
                            | samr.USER_ALL_USERACCOUNTCONTROL)

    set_user2(21, "All", fill_all, "L21-enable",
              f"full name, comment and account control (enabled) of {uname}")

    def fill_internal4(b):
        null_all(b["I1"])
        b["I1"]["WhichFields"] = samr.USER_ALL_NTPASSWORDPRESENT
        b["UserPassword"]["Buffer"] = encrypt_plain(s, pw1)

    set_user2(23, "Internal4", fill_internal4, "L23-password",
              f"set the password of {uname} (UserInternal4Information)")

    def fill_internal5(b):
        b["UserPassword"]["Buffer"] = encrypt_plain(s, pw1)
        b["PasswordExpired"] = 0

    set_user2(24, "Internal5", fill_internal5, "L24-password",
              f"set the password of {uname} (UserInternal5Information)")

    def fill_internal5new(b):
        b["UserPassword"]["Buffer"] = encrypt_new(s, pw1)
        b["PasswordExpired"] = 0

    set_user2(26, "Internal5New", fill_internal5new, "L26-password",
              f"set the password of {uname} (UserInternal5InformationNew)")

    def set_user(level, arm, field, value, detail, what):
        req = samr.SamrSetInformationUser()
        req["UserHandle"] = user
        req["UserInformationClass"] = level
        req["Buffer"]["tag"] = level
        req["Buffer"][arm][field] = value
        rec("SamrSetInformationUser", detail, req, what)
        s.pause()

    set_user(13, "AdminComment", "AdminComment", "changed by samr_capture.py", "L13-comment",
             f"AdminComment of {uname}")
    set_user(8, "FullName", "FullName", "NetApi vector user (renamed)", "L8-fullname",
             f"FullName of {uname}")

    for level in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 20, 21, 23):
        req = samr.SamrQueryInformationUser()
        req["UserHandle"] = user
        req["UserInformationClass"] = level
        rec("SamrQueryInformationUser", f"L{level}", req,
            f"{uname}, UserInformationClass {level}",
            volatile="times, RID, names" if level in (1, 3, 5, 21) else None)
    for level in (1, 3, 5, 12):
        req = samr.SamrQueryInformationUser2()
        req["UserHandle"] = user
        req["UserInformationClass"] = level
        rec("SamrQueryInformationUser2", f"L{level}-new-user", req,
            f"{uname}, UserInformationClass {level}",
            volatile="times, RID, names" if level in (1, 3, 5) else None)

    req = samr.SamrGetUserDomainPasswordInformation()
    req["UserHandle"] = user
    rec("SamrGetUserDomainPasswordInformation", "new-user", req, f"password policy for {uname}")

    req = samr.SamrGetGroupsForUser()
    req["UserHandle"] = user
    rec("SamrGetGroupsForUser", "new-user", req, f"global groups of {uname}")

    # NetUserChangePassword: no handle, just the encrypted old/new passwords.
    def change_password(detail, old, new, what):
        req = samr.SamrUnicodeChangePasswordUser2()
        req["ServerName"] = NULL
        req["UserName"] = uname
        old_nt = ntlm.NTOWFv1(old)
        new_nt = ntlm.NTOWFv1(new)
        req["NewPasswordEncryptedWithOldNt"]["Buffer"] = ARC4.new(old_nt).encrypt(user_password(new))
        req["OldNtOwfPasswordEncryptedWithNewNt"] = crypto.SamEncryptNTLMHash(old_nt, new_nt)
        req["LmPresent"] = 0
        req["NewPasswordEncryptedWithOldLm"] = NULL
        req["OldLmOwfPasswordEncryptedWithNewNt"] = NULL
        rec("SamrUnicodeChangePasswordUser2", detail, req, what,
            note="The encrypted buffers hold this capture's random passwords.")
        s.pause()

    change_password("ok", pw1, pw2, f"{uname} changes its password")
    change_password("wrong-old", pw1, pw3, f"{uname} with a wrong old password")

    # --- a global group -------------------------------------------------------------------------
    gname = f"nlp_vec_g{suffix}"
    req = samr.SamrCreateGroupInDomain()
    req["DomainHandle"] = domain
    req["Name"] = gname
    req["DesiredAccess"] = samr.GROUP_ALL_ACCESS | samr.DELETE
    r = rec("SamrCreateGroupInDomain", "new", req, f"create global group {gname}",
            volatile="GroupHandle, RelativeId, Name", expect_status=0)
    group, new_group_rid = r["GroupHandle"], r["RelativeId"]
    s.pause()
    rec("SamrCreateGroupInDomain", "exists", req, f"create global group {gname} again")
    s.pause()

    req = samr.SamrOpenGroup()
    req["DomainHandle"] = domain
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["GroupId"] = new_group_rid
    r = rec("SamrOpenGroup", "new", req, f"open {gname} (RID {new_group_rid})",
            volatile="GroupHandle", expect_status=0)
    req2 = SamrCloseHandle()
    req2["SamHandle"] = r["GroupHandle"]
    s.call(req2)  # not recorded: the second handle is not needed
    req["GroupId"] = 999996
    rec("SamrOpenGroup", "missing", req, "open RID 999996 (no such group)")

    req = samr.SamrSetInformationGroup()
    req["GroupHandle"] = group
    req["GroupInformationClass"] = 4
    req["Buffer"]["tag"] = 4
    req["Buffer"]["AdminComment"]["AdminComment"] = "group made by samr_capture.py"
    rec("SamrSetInformationGroup", "L4-comment", req, f"AdminComment of {gname}")
    s.pause()

    req = samr.SamrAddMemberToGroup()
    req["GroupHandle"] = group
    req["MemberId"] = user_rid
    req["Attributes"] = samr.SE_GROUP_MANDATORY | samr.SE_GROUP_ENABLED_BY_DEFAULT | samr.SE_GROUP_ENABLED
    rec("SamrAddMemberToGroup", "new-user", req, f"add {uname} to {gname}")
    s.pause()
    rec("SamrAddMemberToGroup", "again", req, f"add {uname} to {gname} again")
    s.pause()

    for level in (1, 2, 3, 4, 5):
        req = samr.SamrQueryInformationGroup()
        req["GroupHandle"] = group
        req["GroupInformationClass"] = level
        rec("SamrQueryInformationGroup", f"L{level}", req, f"{gname}, GroupInformationClass {level}",
            volatile="Name" if level in (1, 2, 5) else None)

    req = samr.SamrGetMembersInGroup()
    req["GroupHandle"] = group
    rec("SamrGetMembersInGroup", "one", req, f"members of {gname} ({uname})")

    req = samr.SamrGetGroupsForUser()
    req["UserHandle"] = user
    rec("SamrGetGroupsForUser", "new-user-in-group", req, f"global groups of {uname} after the add")

    req = samr.SamrRemoveMemberFromGroup()
    req["GroupHandle"] = group
    req["MemberId"] = user_rid
    rec("SamrRemoveMemberFromGroup", "new-user", req, f"remove {uname} from {gname}")
    s.pause()
    rec("SamrRemoveMemberFromGroup", "again", req, f"remove {uname} from {gname} again")
    s.pause()

    # --- an alias --------------------------------------------------------------------------------
    aname = f"nlp_vec_a{suffix}"
    req = samr.SamrCreateAliasInDomain()
    req["DomainHandle"] = domain
    req["AccountName"] = aname
    req["DesiredAccess"] = samr.ALIAS_ALL_ACCESS | samr.DELETE
    r = rec("SamrCreateAliasInDomain", "new", req, f"create alias {aname}",
            volatile="AliasHandle, RelativeId, Name", expect_status=0)
    alias, alias_rid = r["AliasHandle"], r["RelativeId"]
    s.pause()
    rec("SamrCreateAliasInDomain", "exists", req, f"create alias {aname} again")
    s.pause()

    req = samr.SamrOpenAlias()
    req["DomainHandle"] = domain
    req["DesiredAccess"] = MAXIMUM_ALLOWED
    req["AliasId"] = alias_rid
    r = rec("SamrOpenAlias", "new", req, f"open {aname} (RID {alias_rid})",
            volatile="AliasHandle", expect_status=0)
    req2 = SamrCloseHandle()
    req2["SamHandle"] = r["AliasHandle"]
    s.call(req2)
    req["AliasId"] = 999995
    rec("SamrOpenAlias", "missing", req, "open RID 999995 (no such alias)")

    req = samr.SamrSetInformationAlias()
    req["AliasHandle"] = alias
    req["AliasInformationClass"] = 3
    req["Buffer"]["tag"] = 3
    req["Buffer"]["AdminComment"]["AdminComment"] = "alias made by samr_capture.py"
    rec("SamrSetInformationAlias", "L3-comment", req, f"AdminComment of {aname}")
    s.pause()

    user_sid = f"{dom_sid}-{user_rid}"
    req = samr.SamrAddMemberToAlias()
    req["AliasHandle"] = alias
    req["MemberId"] = sid_of(user_sid)
    rec("SamrAddMemberToAlias", "new-user", req, f"add {uname} ({user_sid}) to {aname}")
    s.pause()
    rec("SamrAddMemberToAlias", "again", req, f"add {uname} to {aname} again")
    s.pause()

    for level in (1, 2, 3):
        req = samr.SamrQueryInformationAlias()
        req["AliasHandle"] = alias
        req["AliasInformationClass"] = level
        rec("SamrQueryInformationAlias", f"L{level}", req, f"{aname}, AliasInformationClass {level}",
            volatile="Name" if level in (1, 2) else None)

    req = samr.SamrGetMembersInAlias()
    req["AliasHandle"] = alias
    rec("SamrGetMembersInAlias", "one", req, f"members of {aname} ({uname})")

    req = samr.SamrGetAliasMembership()
    req["DomainHandle"] = domain
    req["SidArray"]["Count"] = 1
    item = samr.PSAMPR_SID_INFORMATION()
    item["SidPointer"] = sid_of(user_sid)
    req["SidArray"]["Sids"].append(item)
    rec("SamrGetAliasMembership", "new-user", req, f"aliases of {uname} in {dom_name}")

    req = samr.SamrRemoveMemberFromAlias()
    req["AliasHandle"] = alias
    req["MemberId"] = sid_of(user_sid)
    rec("SamrRemoveMemberFromAlias", "new-user", req, f"remove {uname} from {aname}")
    s.pause()
    rec("SamrRemoveMemberFromAlias", "again", req, f"remove {uname} from {aname} again")
    s.pause()

    # --- clean up -----------------------------------------------------------------------------------
    req = samr.SamrDeleteAlias()
    req["AliasHandle"] = alias
    rec("SamrDeleteAlias", "new", req, f"delete {aname}", expect_status=0)
    s.pause()
    req = samr.SamrDeleteGroup()
    req["GroupHandle"] = group
    rec("SamrDeleteGroup", "new", req, f"delete {gname}", expect_status=0)
    s.pause()
    req = samr.SamrDeleteUser()
    req["UserHandle"] = user
    rec("SamrDeleteUser", "new", req, f"delete {uname}", expect_status=0)
    s.pause()

    req = SamrCloseHandle()
    req["SamHandle"] = builtin
    rec("SamrCloseHandle", "builtin", req, "close the Builtin domain handle", expect_status=0)
    req["SamHandle"] = domain
    s.call(req)
    req["SamHandle"] = server
    s.call(req)
    s.dce.disconnect()


def capture_samr_validate(w, srv):
    """SamrValidatePassword over ncacn_ip_tcp with packet privacy (DC only)."""
    s = Session(srv, tcp=True)
    rec = Recorder(w, s, transport_note="Sent over ncacn_ip_tcp at RPC_C_AUTHN_LEVEL_PKT_PRIVACY "
                                        "(NTLM); these are the decrypted stub bytes.")

    def persisted(p):
        p["PresentFields"] = 0
        p["PasswordLastSet"] = 0
        p["BadPasswordTime"] = 0
        p["LockoutTime"] = 0
        p["BadPasswordCount"] = 0
        p["PasswordHistoryLength"] = 0
        p["PasswordHistory"] = NULL

    def reset(detail, password, what):
        req = samr.SamrValidatePassword()
        req["ValidationType"] = samr.PASSWORD_POLICY_VALIDATION_TYPE.SamValidatePasswordReset
        req["InputArg"]["tag"] = samr.PASSWORD_POLICY_VALIDATION_TYPE.SamValidatePasswordReset
        a = req["InputArg"]["ValidatePasswordResetInput"]
        persisted(a["InputPersistedFields"])
        a["ClearPassword"] = password
        a["UserAccountName"] = "nlp_vec_validate"
        a["HashedPassword"]["Length"] = 0
        a["HashedPassword"]["Hash"] = NULL
        a["PasswordMustChangeAtNextLogon"] = 0
        a["ClearLockout"] = 0
        rec("SamrValidatePassword", detail, req, what, volatile="PasswordLastSet")

    reset("reset-short", "short", "reset to 'short' (too short for the domain policy)")
    reset("reset-ok", "Nlp.Validate-" + secrets.token_hex(4), "reset to a complex password")

    req = samr.SamrValidatePassword()
    req["ValidationType"] = samr.PASSWORD_POLICY_VALIDATION_TYPE.SamValidateAuthentication
    req["InputArg"]["tag"] = samr.PASSWORD_POLICY_VALIDATION_TYPE.SamValidateAuthentication
    a = req["InputArg"]["ValidateAuthenticationInput"]
    persisted(a["InputPersistedFields"])
    a["PasswordMatched"] = 1
    rec("SamrValidatePassword", "auth-matched", req, "an authentication whose password matched")
    s.dce.disconnect()
