#!/usr/bin/python3
"""Many users on the lab DC at once, for the large-group tests and benchmarks (1,000-1,500
members): Samba's own Python bindings on the DC's sam.ldb, in one transaction (SAMR or LDAP
creates cost ~80 ms each on Samba 4.17 AD; this takes ~10 s for 1,500).

    lab_bulk_users.py add PREFIX COUNT [GROUP ...]   # OU=PREFIX with users PREFIX0000.., members of GROUPs
    lab_bulk_users.py del PREFIX                     # tree-delete OU=PREFIX (users and memberships)

Run as root with the system python3 (the samba module), after `eval "$(tools/lab env)"`.
The users are disabled (userAccountControl 514) and have no password. GROUP is the
sAMAccountName of an existing group or domain-local group of the DC.
"""

import os
import sys

from samba.auth import system_session
from samba.param import LoadParm
from samba.samdb import SamDB


def main(argv):
    if len(argv) < 3 or argv[1] not in ("add", "del"):
        sys.exit(__doc__)
    root = os.environ.get("NETAPI_LAB_ROOT", "/tmp/netapi-lab")
    lp = LoadParm()
    lp.load(os.path.join(root, "dc/etc/smb.conf"))
    db = SamDB(url=os.path.join(root, "dc/private/sam.ldb"), session_info=system_session(), lp=lp)
    prefix = argv[2]
    ou = "OU=%s,%s" % (prefix, db.domain_dn())
    if argv[1] == "del":
        if not db.search(base=db.domain_dn(), expression="(distinguishedName=%s)" % ou, attrs=["dn"]):
            return
        # Leave the groups first, one modify per group (deleting members one by one through
        # their backlinks is what makes a tree delete slow), then delete the OU with its users.
        members = {}
        for u in db.search(base=ou, expression="(objectClass=user)", attrs=["memberOf"]):
            for g in u.get("memberOf", []):
                members.setdefault(str(g), []).append(str(u.dn))
        db.transaction_start()
        try:
            for g, dns in members.items():
                db.modify_ldif("dn: %s\nchangetype: modify\ndelete: member\n%s\n" % (
                    g, "".join("member: %s\n" % d for d in dns)))
            db.delete(ou, ["tree_delete:1"])
            db.transaction_commit()
        except BaseException:
            db.transaction_cancel()
            raise
        return
    count = int(argv[3])
    groups = argv[4:]
    db.transaction_start()
    try:
        db.add({"dn": ou, "objectClass": "organizationalUnit"})
        dns = []
        for i in range(count):
            name = "%s%04d" % (prefix, i)
            dn = "CN=%s,%s" % (name, ou)
            db.add({"dn": dn, "objectClass": "user", "sAMAccountName": name,
                    "userAccountControl": "514"})
            dns.append(dn)
        for g in groups:
            found = db.search(base=db.domain_dn(), expression="(sAMAccountName=%s)" % g, attrs=["dn"])
            if len(found) != 1:
                raise SystemExit("no group %s" % g)
            db.modify_ldif("dn: %s\nchangetype: modify\nadd: member\n%s\n" % (
                found[0].dn, "".join("member: %s\n" % d for d in dns)))
        db.transaction_commit()
    except BaseException:
        db.transaction_cancel()
        raise


if __name__ == "__main__":
    main(sys.argv)
