//! The Samba lab's DC as these tests use it, from the one lab loader (`netapi_testkit::lab`):
//! `None` with a printed reason when the lab is not configured, a failure under `CI=true`.

pub struct Lab {
    pub ip: String,
    pub fqdn: String,
    pub realm: String,
    pub domain: String,
    pub user: String,
    pub password: String,
}

impl Lab {
    /// `ip:88`.
    pub fn kdc(&self) -> String {
        format!("{}:88", self.ip)
    }
}

/// The DC, for test `test` (named in the skip message).
pub fn lab(test: &str) -> Option<Lab> {
    let Some(lab) = netapi_testkit::lab::Lab::get() else {
        eprintln!("{test}: skipped (no lab)");
        return None;
    };
    Some(Lab {
        ip: lab.dc.ip,
        fqdn: lab.dc_fqdn,
        realm: lab.realm,
        domain: lab.dc.domain,
        user: lab.dc.admin_user,
        password: lab.dc.password,
    })
}
