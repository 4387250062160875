//! The write plans of NetUserAdd / NetUserSetInfo, level by level.

use super::*;
use crate::info::{
    UserInfo0, UserInfo1, UserInfo3, UserInfo21, UserInfo1003, UserInfo1005, UserInfo1008,
    UserInfo1010, UserInfo1020,
};

const KEY: [u8; 16] = [9; 16];

fn key() -> SessionKey {
    zeroize::Zeroizing::new(KEY)
}

fn level1(password: Option<&str>) -> UserInfo {
    UserInfo1 {
        name: Some("bob".into()),
        password: password.map(Password::from),
        r#priv: con::USER_PRIV_USER,
        comment: Some("c".into()),
        flags: con::UF_SCRIPT | con::UF_NORMAL_ACCOUNT,
        ..UserInfo1::default()
    }
    .into()
}

#[test]
fn add_level_1_sends_its_fields_and_the_password_in_one_write() {
    let p = plan("NetUserAdd", &level1(Some("Pw.123456")), Purpose::Add).unwrap();
    assert_eq!(p.name.as_deref(), Some("bob"));
    assert_eq!(p.account_type, acb::USER_NORMAL_ACCOUNT);
    assert_eq!(
        p.all.which_fields & wf::USER_ALL_USERNAME,
        0,
        "the name is the create's"
    );
    assert_eq!((p.r#priv, p.cant_change), (Some(1), Some(false)));
    let Some(w::SamprUserInfoBuffer::Internal4New(b)) =
        p.buffer("NetUserAdd", Some(&key())).unwrap()
    else {
        panic!("level 25 expected")
    };
    assert_eq!(
        b.i1.which_fields,
        wf::USER_ALL_ADMINCOMMENT
            | wf::USER_ALL_USERACCOUNTCONTROL
            | wf::USER_ALL_NTPASSWORDPRESENT,
        "home_dir and script_path are NULL: left as they are"
    );
    assert_eq!(b.i1.user_account_control, acb::USER_NORMAL_ACCOUNT);
    // Without a password: UserAllInformation.
    let p = plan("NetUserAdd", &level1(None), Purpose::Add).unwrap();
    assert!(matches!(
        p.buffer("NetUserAdd", None).unwrap(),
        Some(w::SamprUserInfoBuffer::All(_))
    ));
    assert!(!p.needs_key());
}

#[test]
fn add_checks_what_netapi32_checks() {
    let with = |f: &dyn Fn(&mut UserInfo1)| {
        let UserInfo::L1(mut u) = level1(Some("x")) else {
            unreachable!()
        };
        f(&mut u);
        plan("NetUserAdd", &u.into(), Purpose::Add)
    };
    let e = with(&|u| u.r#priv = con::USER_PRIV_ADMIN).unwrap_err();
    assert_eq!(
        (e.win32(), e.parm_err()),
        (87, Some(con::USER_PRIV_PARMNUM))
    );
    let e = with(&|u| u.flags = con::UF_NORMAL_ACCOUNT | con::UF_WORKSTATION_TRUST_ACCOUNT)
        .unwrap_err();
    assert_eq!(
        (e.win32(), e.parm_err()),
        (87, Some(con::USER_FLAGS_PARMNUM))
    );
    let e = with(&|u| u.name = None).unwrap_err();
    assert_eq!(e.parm_err(), Some(con::USER_NAME_PARMNUM));
    let e = with(&|u| u.comment = Some("a\0b".into())).unwrap_err();
    assert_eq!(e.parm_err(), Some(con::USER_COMMENT_PARMNUM));
    // No account type: a normal account, as netapi32 creates it.
    let p = with(&|u| u.flags = con::UF_SCRIPT).unwrap();
    assert_eq!(p.account_type, acb::USER_NORMAL_ACCOUNT);
    assert_eq!(p.all.user_account_control, acb::USER_NORMAL_ACCOUNT);
    let p = with(&|u| u.flags = con::UF_WORKSTATION_TRUST_ACCOUNT).unwrap();
    assert_eq!(p.account_type, acb::USER_WORKSTATION_TRUST_ACCOUNT);
    let p = with(&|u| u.flags |= con::UF_PASSWD_CANT_CHANGE).unwrap();
    assert_eq!(p.cant_change, Some(true));
    assert_eq!(
        p.all.user_account_control,
        acb::USER_NORMAL_ACCOUNT,
        "not an ACB bit"
    );
}

#[test]
fn set_levels_write_only_what_they_carry() {
    // Level 0 is a rename.
    let p = plan(
        "NetUserSetInfo",
        &UserInfo0 {
            name: Some("new".into()),
        }
        .into(),
        Purpose::Set,
    )
    .unwrap();
    assert_eq!(p.all.which_fields, wf::USER_ALL_USERNAME);
    assert!(
        plan(
            "NetUserSetInfo",
            &UserInfo0 { name: None }.into(),
            Purpose::Set
        )
        .is_err()
    );
    // Level 1 ignores the name.
    let p = plan("NetUserSetInfo", &level1(None), Purpose::Set).unwrap();
    assert_eq!(p.all.which_fields & wf::USER_ALL_USERNAME, 0);
    // 1003: the password alone, as UserInternal5InformationNew.
    let p = plan(
        "NetUserSetInfo",
        &UserInfo1003 {
            password: Some("Pw.1".into()),
        }
        .into(),
        Purpose::Set,
    )
    .unwrap();
    assert!(matches!(
        p.buffer("NetUserSetInfo", Some(&key())).unwrap(),
        Some(w::SamprUserInfoBuffer::Internal5New(_))
    ));
    // 1005 (priv) and 1010 (auth_flags) write nothing to SAMR.
    let p = plan(
        "NetUserSetInfo",
        &UserInfo1005 { r#priv: 2 }.into(),
        Purpose::Set,
    )
    .unwrap();
    assert_eq!(p.r#priv, Some(2));
    assert!(p.buffer("NetUserSetInfo", None).unwrap().is_none());
    let p = plan(
        "NetUserSetInfo",
        &UserInfo1010 { auth_flags: 1 }.into(),
        Purpose::Set,
    )
    .unwrap();
    assert!(p.buffer("NetUserSetInfo", None).unwrap().is_none());
    // 1008 without an account type is refused on set.
    let e = plan(
        "NetUserSetInfo",
        &UserInfo1008 {
            flags: con::UF_SCRIPT,
        }
        .into(),
        Purpose::Set,
    )
    .unwrap_err();
    assert_eq!(e.parm_err(), Some(con::USER_FLAGS_PARMNUM));
    // Logon hours are 21 bytes at 168 units per week.
    let e = plan(
        "NetUserSetInfo",
        &UserInfo1020 {
            units_per_week: 168,
            logon_hours: Some(vec![0; 20]),
        }
        .into(),
        Purpose::Set,
    )
    .unwrap_err();
    assert_eq!(e.parm_err(), Some(con::USER_LOGON_HOURS_PARMNUM));
    let e = plan(
        "NetUserSetInfo",
        &UserInfo1020 {
            units_per_week: 24,
            logon_hours: Some(vec![0; 21]),
        }
        .into(),
        Purpose::Set,
    )
    .unwrap_err();
    assert_eq!(e.parm_err(), Some(con::USER_UNITS_PER_WEEK_PARMNUM));
}

#[test]
fn password_expired_is_written_only_when_it_changes_the_account() {
    let u3 = |expired| -> UserInfo {
        UserInfo3 {
            flags: con::UF_NORMAL_ACCOUNT,
            password_expired: expired,
            units_per_week: 168,
            ..UserInfo3::default()
        }
        .into()
    };
    let mut p = plan("NetUserSetInfo", &u3(0), Purpose::Set).unwrap();
    p.resolve_expired(false);
    assert_eq!(
        p.all.which_fields & wf::USER_ALL_PASSWORDEXPIRED,
        0,
        "round trip: unchanged"
    );
    let mut p = plan("NetUserSetInfo", &u3(1), Purpose::Set).unwrap();
    p.resolve_expired(false);
    assert_ne!(p.all.which_fields & wf::USER_ALL_PASSWORDEXPIRED, 0);
    assert_eq!(p.all.password_expired, 1);
    let mut p = plan("NetUserSetInfo", &u3(0), Purpose::Set).unwrap();
    p.resolve_expired(true);
    assert_eq!(p.all.password_expired, 0);
    assert_ne!(p.all.which_fields & wf::USER_ALL_PASSWORDEXPIRED, 0);
}

#[test]
fn owf_levels_send_the_hash_encrypted_with_the_session_key() {
    let p = plan(
        "NetUserSetInfo",
        &UserInfo21 {
            password: Some(OwfPassword::new([0x11; 16])),
        }
        .into(),
        Purpose::Set,
    )
    .unwrap();
    assert!(p.needs_key());
    let Some(w::SamprUserInfoBuffer::All(all)) = p.buffer("NetUserSetInfo", Some(&key())).unwrap()
    else {
        panic!("level 21 expected")
    };
    assert_eq!(all.which_fields, wf::USER_ALL_NTPASSWORDPRESENT);
    assert_eq!(all.nt_password_present, 1);
    let sent: Vec<u8> = all
        .nt_owf_password
        .buffer
        .unwrap()
        .iter()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    assert_eq!(sent, password::encrypt_owf(&[0x11; 16], &KEY));
    assert_ne!(sent, vec![0x11; 16], "never in clear");
}

#[test]
fn account_names_are_checked_as_netapi32_does() {
    for bad in [
        "bad/name",
        "a*b",
        "x\\y",
        "a:b",
        "...",
        " ",
        "twentyone_characters_",
    ] {
        let e = account_name("NetUserAdd", bad).unwrap_err();
        assert_eq!((e.win32(), e.kind()), (2202, crate::Kind::Usage), "{bad:?}");
    }
    for good in [
        "bob",
        "nlp_u_1",
        "WS01$",
        "a.b",
        "twenty_characters_ab",
        "Émile",
    ] {
        assert!(account_name("NetUserAdd", good).is_ok(), "{good:?}");
    }
    // A rename is checked the same way.
    let e = plan(
        "NetUserSetInfo",
        &UserInfo0 {
            name: Some("a|b".into()),
        }
        .into(),
        Purpose::Set,
    )
    .unwrap_err();
    assert_eq!(e.win32(), 2202);
}
