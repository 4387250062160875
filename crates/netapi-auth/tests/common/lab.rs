//! The Samba lab's DC, from `NETAPI_LAB_*` (`eval "$(tools/lab env)"`).
//!
//! Unset variables skip a test with a printed reason, except under `CI=true`, where they
//! fail it: CI must not silently lose the lab tests.

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

pub fn lab(test: &str) -> Option<Lab> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match (
        var("NETAPI_LAB_DC_IP"),
        var("NETAPI_LAB_DC_FQDN"),
        var("NETAPI_LAB_DC_REALM"),
    ) {
        (Some(ip), Some(fqdn), Some(realm)) => Some(Lab {
            ip,
            fqdn,
            realm,
            domain: var("NETAPI_LAB_DC_DOMAIN").unwrap_or_else(|| "LABDOM".into()),
            user: var("NETAPI_LAB_DC_ADMIN_USER").unwrap_or_else(|| "Administrator".into()),
            password: var("NETAPI_LAB_DC_ADMIN_PASSWORD").unwrap_or_else(|| "Lab.Passw0rd1".into()),
        }),
        _ if std::env::var("CI").as_deref() == Ok("true") => {
            panic!(
                "{test}: CI=true but NETAPI_LAB_DC_IP/FQDN/REALM are unset: run `eval \"$(tools/lab env)\"`"
            )
        }
        _ => {
            eprintln!(
                "skipping {test}: NETAPI_LAB_DC_* unset (start the lab and `eval \"$(tools/lab env)\"`)"
            );
            None
        }
    }
}
