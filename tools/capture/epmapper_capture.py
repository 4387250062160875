"""Endpoint mapper ([C706] appendix O `ept_map`, [MS-RPCE] 2.2.1.2.5) golden
vectors from the lab DC's port 135; see capture_stubs.py.

The request is exactly what impacket's `epm.hept_map(ip, iface,
protocol='ncacn_ip_tcp')` sends (the lab test crates/netapi-transport/tests/
rpc_lab.rs compares our port with that helper's): an ncacn_ip_tcp tower for
the interface over NDR 2.0 with port 0 and address 0.0.0.0, `obj` non-NULL
(referent id 1, nil UUID) and `map_tower` referent id 2 (impacket pins both
for Windows 2003), a null entry handle, `max_towers` 4. The stubs are kept as
they crossed the wire; nothing is decoded by impacket.

Each response header also records what `epm.hept_map` itself reports for the
same lookup on its own association (the port, or the error code), which the
golden test compares with the decoded tower. Two lookups, no side effects on
the lab:
  * samr 12345778-1234-abcd-ef00-0123456789ac v1.0: registered on TCP, so
    one tower with its dynamic port comes back;
  * srvsvc 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0: served on named pipes
    only, so the answer is EPT_S_NOT_REGISTERED (0x16c9a0d6) and no tower.
"""

import socket
import struct

from impacket.dcerpc.v5 import epm, transport
from impacket.dcerpc.v5.rpcrt import DCERPCException
from impacket.uuid import uuidtup_to_bin

from capture_stubs import IMPACKET, SAMBA

IFACE = "epmapper"
NDR20 = ("8a885d04-1ceb-11c9-9fe8-08002b104860", "2.0")

LOOKUPS = (
    ("samr", ("12345778-1234-abcd-ef00-0123456789ac", "1.0")),
    ("srvsvc", ("4b324fc8-1670-01d3-1278-5a47bf6ee188", "3.0")),
)

STATUS_NAMES = {0: "rpc_s_ok", 0x16C9A0D6: "EPT_S_NOT_REGISTERED"}


def hept_map_request(iface):
    """The `ept_map` request `epm.hept_map(..., protocol='ncacn_ip_tcp')`
    builds (impacket 0.13.1, epm.py), without sending it."""
    remote_if = uuidtup_to_bin(iface)
    data_rep = uuidtup_to_bin(NDR20)

    interface = epm.EPMRPCInterface()
    interface["InterfaceUUID"] = remote_if[:16]
    interface["MajorVersion"] = struct.unpack("<H", remote_if[16:18])[0]
    interface["MinorVersion"] = struct.unpack("<H", remote_if[18:])[0]
    rep = epm.EPMRPCDataRepresentation()
    rep["DataRepUuid"] = data_rep[:16]
    rep["MajorVersion"] = struct.unpack("<H", data_rep[16:18])[0]
    rep["MinorVersion"] = struct.unpack("<H", data_rep[18:])[0]
    prot = epm.EPMProtocolIdentifier()
    prot["ProtIdentifier"] = epm.FLOOR_RPCV5_IDENTIFIER
    port = epm.EPMPortAddr()
    port["IpPort"] = 0
    host = epm.EPMHostAddr()
    host["Ip4addr"] = socket.inet_aton("0.0.0.0")

    tower = epm.EPMTower()
    tower["NumberOfFloors"] = 5
    tower["Floors"] = (interface.getData() + rep.getData() + prot.getData()
                       + port.getData() + host.getData())

    req = epm.ept_map()
    req["max_towers"] = 4
    req["map_tower"]["tower_length"] = len(tower)
    req["map_tower"]["tower_octet_string"] = tower.getData()
    req.fields["obj"].fields["ReferentID"] = 1
    req.fields["map_tower"].fields["ReferentID"] = 2
    return req


def capture_epmapper(w, ip, label):
    t = transport.DCERPCTransportFactory(rf"ncacn_ip_tcp:{ip}[135]")
    dce = t.get_dce_rpc()
    dce.connect()
    dce.bind(epm.MSRPC_UUID_PORTMAP)
    for name, iface in LOOKUPS:
        req = hept_map_request(iface)
        stub_in = req.getData()
        dce.call(req.opnum, req)
        stub_out = dce.recv()
        status = struct.unpack("<I", stub_out[-4:])[0]
        num_towers = struct.unpack("<I", stub_out[20:24])[0]
        # What impacket's own helper reports for the same lookup, for the
        # golden test to compare the decoded port with.
        try:
            seen = epm.hept_map(ip, uuidtup_to_bin(iface), protocol="ncacn_ip_tcp")
        except DCERPCException as e:
            seen = f"error {e.get_error_code():#010x}"
        what = (f"map {name} {iface[0]} v{iface[1]} to ncacn_ip_tcp "
                "(tower port 0, address 0.0.0.0), max_towers 4")
        common = [f"{IFACE} opnum {req.opnum} ept_map: {what}"]
        w.put(IFACE, req.opnum, "ept_map", name, "in", IMPACKET, stub_in, common + [
            f"Request stub as impacket's epm.hept_map builds it ({IMPACKET}: obj referent 1 "
            f"to a nil UUID, map_tower referent 2), sent to {label} port 135.",
        ])
        w.put(IFACE, req.opnum, "ept_map", name, "out", SAMBA, stub_out, common + [
            f"Response stub from {label} port 135 (Samba 4.17.12-Debian); "
            f"{num_towers} tower(s), status 0x{status:08x} {STATUS_NAMES.get(status, '')}.".rstrip(),
            f"epm.hept_map on a separate association at capture time: {seen}",
        ])
    dce.disconnect()
