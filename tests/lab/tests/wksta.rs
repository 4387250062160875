//! The workstation, domain and messaging families against the live Samba lab, cross-checked
//! with independent clients: `rpcclient` (Samba's) and impacket (from the lab's venv, which
//! `tools/lab install --with-impacket` sets up; CI installs it).
//!
//! Samba serves little of these (tools/LAB.md): NetWkstaGetInfo (FS 100–102, DC 100–101),
//! NetWkstaUserEnum on the FS, NetGetDCName / NetGetAnyDCName on the DC. For everything else the
//! test checks the Windows code the refusal becomes, on both servers.

use std::process::Command;

use netapi::info::*;
use netapi::{Client, Code, Kind, Options, Transport};
use netapi_testkit::lab::{Lab, Server};

fn client(server: &Server, user: &str) -> Client {
    let creds = netapi::options::Credentials::password(&server.domain, user, &server.password);
    Client::new(&server.ip, Options::new(creds)).unwrap()
}

fn admin(server: &Server) -> Client {
    client(server, &server.admin_user)
}

/// Run `script` with impacket's Python against `server` as its admin; its stdout. The script
/// gets `dce(pipe, uuid)` and the module `wkst`.
fn impacket(server: &Server, script: &str) -> String {
    let venv = std::env::var("NETAPI_LAB_VENV").unwrap_or_else(|_| "/tmp/netapi-lab-venv".into());
    let prelude = format!(
        r#"
from impacket.dcerpc.v5 import transport, wkst, nrpc
def dce(pipe, uuid):
    t = transport.DCERPCTransportFactory(r"ncacn_np:{ip}[\pipe\%s]" % pipe)
    t.set_credentials("{user}", "{pw}", "{dom}")
    d = t.get_dce_rpc(); d.connect(); d.bind(uuid); return d
"#,
        ip = server.ip,
        user = server.admin_user,
        pw = server.password,
        dom = server.domain
    );
    let out = Command::new(format!("{venv}/bin/python"))
        .arg("-c")
        .arg(format!("{prelude}\n{script}"))
        .output()
        .unwrap_or_else(|e| {
            panic!("impacket from {venv}: {e} (tools/lab install --with-impacket)")
        });
    assert!(
        out.status.success(),
        "impacket failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn wksta_get_info_every_level_answered_or_refused_as_samba_does() {
    let Some(lab) = Lab::get() else { return };
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        // Level 100 field by field against impacket's reading of the same call.
        let WkstaInfo::L100(i) = c.wksta_get_info_level(100).unwrap() else {
            panic!("100")
        };
        let theirs = impacket(
            server,
            "r = wkst.hNetrWkstaGetInfo(dce('wkssvc', wkst.MSRPC_UUID_WKST), 100)['WkstaInfo']['WkstaInfo100']\n\
             print(r['wki100_computername'][:-1], r['wki100_langroup'][:-1], r['wki100_platform_id'], r['wki100_ver_major'], r['wki100_ver_minor'])",
        );
        let ours = format!(
            "{} {} {} {} {}",
            i.computername.as_deref().unwrap(),
            i.langroup.as_deref().unwrap(),
            i.platform_id,
            i.ver_major,
            i.ver_minor
        );
        assert_eq!(ours, theirs, "{}", server.role);
        assert_eq!(i.computername.as_deref(), Some(server.name.as_str()));
        let i: WkstaInfo101 = c.wksta_get_info().unwrap();
        assert_eq!(i.computername.as_deref(), Some(server.name.as_str()));
        match server.role {
            "fs" => {
                let i: WkstaInfo102 = c.wksta_get_info().unwrap();
                assert_eq!(i.langroup.as_deref(), Some("LAB"));
                // quirk(samba-4.17): level 502 is not implemented.
                let e = c.wksta_get_info_level(502).unwrap_err();
                assert_eq!((e.win32(), e.kind()), (124, Kind::Server), "{e}");
            }
            _ => {
                // quirk(samba-4.17): the DC's wkssvc refuses 102 and 502 even to an admin.
                for level in [102, 502] {
                    let e = c.wksta_get_info_level(level).unwrap_err();
                    assert_eq!((e.win32(), e.kind()), (5, Kind::Server), "{level}: {e}");
                }
            }
        }
    }
    // An ordinary user gets level 102 refused (access denied), as rpcclient does.
    let e = client(&lab.fs, &lab.fs.user)
        .wksta_get_info_level(102)
        .unwrap_err();
    assert_eq!(e.win32(), 5, "{e}");
}

#[test]
fn wksta_user_enum_while_a_session_is_held() {
    let Some(lab) = Lab::get() else { return };
    let _held = lab.hold_file(&lab.fs, 120);
    let c = admin(&lab.fs);
    for level in [0, 1] {
        let users = c.wksta_user_enum_level(level).unwrap();
        assert!(users.iter().all(|u| u.level() == level));
        let theirs = impacket(
            &lab.fs,
            &format!(
                "r = wkst.hNetrWkstaUserEnum(dce('wkssvc', wkst.MSRPC_UUID_WKST), {level})\n\
                 print(r['TotalEntries'])"
            ),
        );
        // quirk(samba-4.17): Samba lists interactive logons only (none on the lab box), not
        // SMB sessions; the count is whatever impacket reads too.
        assert_eq!(users.len().to_string(), theirs, "level {level}");
        let page = c.wksta_user_enum_page(level, 0, u32::MAX).unwrap();
        assert_eq!((page.total as usize, page.resume), (users.len(), 0));
    }
    // An ordinary user is refused; the DC does not implement the call.
    let e = client(&lab.fs, &lab.fs.user)
        .wksta_user_enum_level(0)
        .unwrap_err();
    assert_eq!(e.win32(), 5, "{e}");
    let e = admin(&lab.dc).wksta_user_enum_level(1).unwrap_err();
    assert_eq!(
        (e.win32(), e.code()),
        (1745, Code::Fault(netapi::RpcFault(0x1C01_0002)))
    );
}

#[test]
fn dc_name_on_the_dc_matches_rpcclient_getdcname() {
    let Some(lab) = Lab::get() else { return };
    let (ok, out) = lab.samba_tool(
        "rpcclient",
        &lab.dc,
        &lab.dc.admin_user,
        &["-c", &format!("getdcname {}", lab.dc.domain)],
    );
    assert!(ok, "{out}");
    let c = admin(&lab.dc);
    let ours = c.get_dc_name(Some(&lab.dc.domain)).unwrap();
    assert_eq!(ours, "\\\\DC1");
    assert_eq!(ours, out.trim());
    assert_eq!(c.get_dc_name(None).unwrap(), "\\\\DC1");
    // The DNS name is not a NetBIOS domain: NERR_DCNotFound, as Samba answers it.
    let e = c.get_dc_name(Some("lab.example")).unwrap_err();
    assert_eq!((e.win32(), e.kind()), (2453, Kind::Server));
    // quirk(samba-4.17): NetrGetAnyDCName only knows trusted domains (the lab has none).
    let (_, any) = lab.samba_tool(
        "rpcclient",
        &lab.dc,
        &lab.dc.admin_user,
        &["-c", &format!("getanydcname {}", lab.dc.domain)],
    );
    assert!(any.contains("WERR_NO_SUCH_DOMAIN"), "{any}");
    let e = c.get_any_dc_name(Some(&lab.dc.domain)).unwrap_err();
    assert_eq!(e.win32(), 1355, "{e}");
    // The same call over ncacn_ip_tcp (endpoint mapper, NTLM at privacy).
    let mut o = Options::new(netapi::options::Credentials::password(
        &lab.dc.domain,
        &lab.dc.admin_user,
        &lab.dc.password,
    ));
    o.transport = Transport::Tcp;
    let tcp = Client::new(&lab.dc.ip, o).unwrap();
    assert_eq!(tcp.get_dc_name(Some(&lab.dc.domain)).unwrap(), "\\\\DC1");
    // A password for NetValidateName needs the SMB session key: refused before sending.
    let e = tcp
        .validate_name(&lab.dc.domain, 3, Some("x"), Some("y"))
        .unwrap_err();
    assert_eq!((e.win32(), e.kind()), (50, Kind::Usage));
}

#[test]
fn the_file_server_has_no_netlogon_and_no_server_has_a_messenger() {
    let Some(lab) = Lab::get() else { return };
    let c = admin(&lab.fs);
    for e in [
        c.get_dc_name(None).unwrap_err(),
        c.get_any_dc_name(None).unwrap_err(),
    ] {
        assert_eq!(e.win32(), 2184, "NERR_ServiceNotInstalled: {e}");
        assert_eq!(e.code(), Code::Nt(netapi::NtStatus(0xC000_0034)));
    }
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        for e in [
            c.message_name_enum().unwrap_err(),
            c.message_name_add("NLPNAME").unwrap_err(),
            c.message_name_del("NLPNAME").unwrap_err(),
        ] {
            assert_eq!(e.win32(), 2184, "{}: {e}", server.role);
        }
        let e = c.message_buffer_send("NLPNAME", None, b"hi").unwrap_err();
        assert_eq!(e.win32(), 50);
    }
}

#[test]
fn calls_samba_does_not_serve_fail_with_its_codes() {
    let Some(lab) = Lab::get() else { return };
    let fault = Code::Fault(netapi::RpcFault(0x1C01_0002));
    for server in [&lab.fs, &lab.dc] {
        let c = admin(server);
        let errors = [
            c.wksta_set_info(&WkstaInfo1013 { keep_conn: 600 }.into())
                .unwrap_err(),
            c.wksta_transport_add(
                &WkstaTransportInfo0 {
                    transport_name: Some("\\Device\\NetbiosSmb".into()),
                    ..Default::default()
                }
                .into(),
            )
            .unwrap_err(),
            c.wksta_transport_del(Some("\\Device\\NetbiosSmb"), 0)
                .unwrap_err(),
            c.statistics_get("LanmanWorkstation", 0, 0).unwrap_err(),
            c.get_join_information().unwrap_err(),
            c.validate_name("NLPNAME", netapi::NET_SETUP_MACHINE, None, None)
                .unwrap_err(),
            // With an account and a password: encrypted under the real session key, then the
            // same fault.
            c.validate_name(
                &server.domain,
                netapi::NET_SETUP_DOMAIN,
                Some(&server.admin_user),
                Some(&server.password),
            )
            .unwrap_err(),
        ];
        for e in errors {
            assert_eq!((e.win32(), e.code()), (1745, fault), "{}: {e}", server.role);
        }
        let e = c.wksta_transport_enum_level(0).unwrap_err();
        match server.role {
            "fs" => assert_eq!(e.code(), fault),
            // quirk(samba-4.17): the DC's s4 wkssvc answers ERROR_NOT_SUPPORTED.
            _ => assert_eq!((e.win32(), e.kind()), (50, Kind::Server)),
        }
    }
}
