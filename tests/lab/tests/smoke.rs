use netapi::{Client, Options};
use netapi::options::Credentials;

#[test]
fn smoke() {
    let Some(lab) = netapi_testkit::lab::Lab::get() else { return };
    let c = Client::new(&lab.fs.ip, Options::new(Credentials::password(&lab.fs.domain, &lab.fs.admin_user, &lab.fs.password))).unwrap();
    let shares = c.share_enum_level(1).unwrap();
    println!("{shares:#?}");
    println!("{:#?}", c.server_get_info_level(101).unwrap());
    println!("{:?}", c.server_disk_enum());
    println!("{:?}", c.share_get_info_level("nosuch", 1));
    println!("{:?}", c.share_check("C:"));
    println!("{:?}", c.server_get_info_level(502));
}
