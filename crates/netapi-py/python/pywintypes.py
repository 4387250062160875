"""The parts of pywin32's ``pywintypes`` that ``win32net`` uses, for systems without pywin32.

``error`` is pywin32's exception class: ``error(winerror, funcname, strerror)``, raised by
``win32net`` for every failure a Windows call would report. ``SID`` / ``SIDType`` and
``SECURITY_DESCRIPTOR`` / ``SECURITY_DESCRIPTORType`` hold security identifiers and
self-relative security descriptors as pywin32 shows them.

Where pywin32's own ``pywintypes`` is installed (Windows), importing this module gives that one
instead, so ``except pywintypes.error`` and ``except win32api.error`` keep catching the same
class as ``except win32net.error``.
"""

import os
import sys
import struct

__all__ = [
    "error",
    "com_error",
    "SID",
    "SIDType",
    "SECURITY_DESCRIPTOR",
    "SECURITY_DESCRIPTORType",
]


class error(Exception):
    """pywin32's ``pywintypes.error``: ``args == (winerror, funcname, strerror)``."""

    def __init__(self, *args, **kw):
        nargs = len(args)
        self.winerror = args[0] if nargs > 0 else None
        self.funcname = args[1] if nargs > 1 else None
        self.strerror = args[2] if nargs > 2 else None
        Exception.__init__(self, *args, **kw)


error.__module__ = "pywintypes"


class com_error(Exception):
    """pywin32's ``pywintypes.com_error`` (COM is not used by win32net; here for imports)."""

    def __init__(self, *args, **kw):
        nargs = len(args)
        self.hresult = args[0] if nargs > 0 else None
        self.strerror = args[1] if nargs > 1 else None
        self.excepinfo = args[2] if nargs > 2 else None
        self.argerror = args[3] if nargs > 3 else None
        Exception.__init__(self, *args, **kw)


com_error.__module__ = "pywintypes"


def _buffer(obj):
    """The bytes of a bytes-like object (pywin32's ``s#``: str is taken as UTF-8)."""
    if isinstance(obj, str):
        return obj.encode("utf-8")
    return bytes(memoryview(obj))


class PySID:
    """A security identifier ([MS-DTYP] 2.4.2.2) held as its bytes, as pywin32's ``PySID``.

    ``str(sid)`` is ``'PySID:S-1-5-…'``; SIDs compare equal when their bytes are equal, and
    (unlike pywin32's, which are unhashable) hash accordingly, so they work as dict keys.
    ``bytes(sid)`` gives the raw SID, as ``bytes(buffer(sid))`` does in pywin32.
    """

    __slots__ = ("_sid",)

    def __init__(self, *args):
        if not args:
            self._sid = bytearray(32)
        elif len(args) == 1 and isinstance(args[0], int) and not isinstance(args[0], bool):
            if args[0] < 0:
                raise ValueError("SID buffer size must not be negative")
            self._sid = bytearray(args[0])
        elif len(args) == 1:
            self._sid = bytearray(_buffer(args[0]))
        elif len(args) == 2:
            authority, subs = args
            authority = tuple(authority)
            if len(authority) != 6:
                raise TypeError("SID() argument 1 must be a tuple of 6 ints")
            try:
                subs = tuple(int(s) & 0xFFFFFFFF for s in subs)
            except TypeError:
                raise TypeError("sub authorities must be a sequence of integers.") from None
            if len(subs) > 8:
                raise TypeError("sub authorities sequence size must be <= 8")
            self._sid = bytearray(
                bytes([1, len(subs)]) + bytes(b & 0xFF for b in authority)
                + b"".join(struct.pack("<I", s) for s in subs)
            )
        else:
            raise TypeError("SID() takes at most 2 arguments")

    # pywin32's methods -------------------------------------------------------------------
    def Initialize(self, idAuthority, numSubauthorities):
        """InitializeSid: revision 1, the authority, ``numSubauthorities`` zero sub-authorities."""
        authority = tuple(idAuthority)
        if len(authority) != 6:
            raise TypeError("Initialize() argument 1 must be a tuple of 6 ints")
        need = 8 + 4 * numSubauthorities
        if len(self._sid) < need:
            raise error(122, "InitializeSid", "The data area passed to a system call is too small.")
        self._sid[:8] = bytes([1, numSubauthorities]) + bytes(b & 0xFF for b in authority)
        self._sid[8:need] = bytes(4 * numSubauthorities)

    def IsValid(self):
        b = self._sid
        return len(b) >= 8 and b[0] == 1 and b[1] <= 15 and len(b) >= 8 + 4 * b[1]

    def GetLength(self):
        return 8 + 4 * self._sid[1] if len(self._sid) >= 2 else 0

    def GetSubAuthorityCount(self):
        return self._sid[1]

    def GetSubAuthority(self, index):
        if not 0 <= index < self._sid[1]:
            raise ValueError("The index is out of range")
        # pywin32 builds it as a C long: sub-authorities >= 2**31 read negative.
        return struct.unpack_from("<i", self._sid, 8 + 4 * index)[0]

    def SetSubAuthority(self, index, val):
        if not 0 <= index < self._sid[1]:
            raise ValueError("The index is out of range")
        struct.pack_into("<I", self._sid, 8 + 4 * index, val & 0xFFFFFFFF)

    def GetSidIdentifierAuthority(self):
        if not self.IsValid():
            raise ValueError("GetSidIdentifierAuthority: Invalid SID in object")
        return tuple(self._sid[2:8])

    # Python protocol ---------------------------------------------------------------------
    def __bytes__(self):
        return bytes(self._sid[: self.GetLength()]) if self.IsValid() else bytes(self._sid)

    def __str__(self):
        if not self.IsValid():
            return "PySID: Invalid SID"
        b = self._sid
        authority = int.from_bytes(b[2:8], "big")
        text = f"S-1-{authority}" if b[2] == 0 and b[3] == 0 else f"S-1-0x{bytes(b[2:8]).hex()}"
        for i in range(b[1]):
            text += "-%d" % struct.unpack_from("<I", b, 8 + 4 * i)[0]
        return "PySID:" + text

    def __repr__(self):
        return f"<PySID object at {id(self):#x}>"

    def __eq__(self, other):
        if not isinstance(other, PySID):
            return NotImplemented
        return bytes(self) == bytes(other)

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash(bytes(self))


SIDType = PySID


def SID(*args):
    """``SID()``, ``SID(bufSize)``, ``SID(buffer)`` or ``SID(idAuthority, subAuthorities)``."""
    return PySID(*args)


class PySECURITY_DESCRIPTOR:
    """A self-relative security descriptor ([MS-DTYP] 2.4.6) held as its bytes.

    ``bytes(sd)`` gives them back. Owner, group and control are decoded; the ACLs come with the
    families that need them (``GetSecurityDescriptorDacl`` / ``Sacl`` raise NotImplementedError
    when the descriptor has one).
    """

    __slots__ = ("_sd",)

    def __init__(self, data=None):
        if data is None:
            # InitializeSecurityDescriptor, self-relative: revision 1, SE_SELF_RELATIVE.
            self._sd = bytearray(struct.pack("<BBHIIII", 1, 0, 0x8000, 0, 0, 0, 0))
        elif isinstance(data, int) and not isinstance(data, bool):
            self._sd = bytearray(max(data, 20))
            self._sd[:4] = struct.pack("<BBH", 1, 0, 0x8000)
        else:
            self._sd = bytearray(_buffer(data))

    def Initialize(self):
        self._sd[:20] = struct.pack("<BBHIIII", 1, 0, 0x8000, 0, 0, 0, 0)

    def _header(self):
        if len(self._sd) < 20:
            raise ValueError("The security descriptor is invalid")
        return struct.unpack_from("<BBHIIII", self._sd)

    def IsValid(self):
        try:
            return self._header()[0] == 1
        except ValueError:
            return False

    def IsSelfRelative(self):
        return bool(self._header()[2] & 0x8000)

    def GetLength(self):
        return len(self._sd)

    def GetSecurityDescriptorControl(self):
        revision, _, control = self._header()[:3]
        return control, revision

    def _sid_at(self, offset):
        if not offset:
            return None
        count = self._sd[offset + 1]
        return PySID(bytes(self._sd[offset : offset + 8 + 4 * count]))

    def GetSecurityDescriptorOwner(self):
        return self._sid_at(self._header()[3])

    def GetSecurityDescriptorGroup(self):
        return self._sid_at(self._header()[4])

    def _acl(self, offset, present_bit):
        if not (self._header()[2] & present_bit) or not offset:
            return None
        raise NotImplementedError("ACLs are not decoded yet; use bytes(sd)")

    def GetSecurityDescriptorSacl(self):
        return self._acl(self._header()[5], 0x0010)

    def GetSecurityDescriptorDacl(self):
        return self._acl(self._header()[6], 0x0004)

    def __bytes__(self):
        return bytes(self._sd)

    def __eq__(self, other):
        if not isinstance(other, PySECURITY_DESCRIPTOR):
            return NotImplemented
        return self._sd == other._sd

    def __hash__(self):
        return hash(bytes(self._sd))

    def __repr__(self):
        return f"<PySECURITY_DESCRIPTOR object at {id(self):#x}>"


SECURITY_DESCRIPTORType = PySECURITY_DESCRIPTOR


def SECURITY_DESCRIPTOR(*args):
    """``SECURITY_DESCRIPTOR()``, ``SECURITY_DESCRIPTOR(bufSize)`` or ``(buffer)``."""
    return PySECURITY_DESCRIPTOR(*args)


def _pywin32_pywintypes():
    """pywin32's own ``pywintypes.py`` elsewhere on ``sys.path`` (Windows only), if any."""
    if sys.platform != "win32":
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        d = os.path.abspath(entry or os.curdir)
        for candidate in (os.path.join(d, "pywintypes.py"), os.path.join(d, "win32", "lib", "pywintypes.py")):
            if os.path.dirname(candidate) != here and os.path.isfile(candidate):
                return candidate
    return None


def _use_pywin32():
    path = _pywin32_pywintypes()
    if path is None:
        return
    import importlib.util

    spec = importlib.util.spec_from_file_location(__name__, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[__name__] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        sys.modules[__name__] = _this  # pywin32 is broken here: keep ours
        return


_this = sys.modules[__name__]
_use_pywin32()
