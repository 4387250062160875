//! NetUseAdd's `USE_INFO_*` data mapping → what [`netapi::uses::use_add`] takes.

use netapi::options::Credentials;
use serde_json::Value;

/// A use to make: local device, remote name, credentials (`None`: the process defaults),
/// assignment type.
pub struct UseRequest {
    pub local: Option<String>,
    pub remote: String,
    pub credentials: Option<Credentials>,
    pub asg_type: u32,
}

/// From the JSON object of a `USE_INFO_1/2/3` mapping ([`super::from_mapping`]). A user name
/// `DOMAIN\user` carries its domain unless `domainname` is given; no user name means the
/// process's default user (`NETAPI_USER`), with the password given if any; a missing password
/// is empty.
pub fn request(value: &Value) -> UseRequest {
    let text = |k: &str| {
        value
            .get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let password = text("password");
    let credentials = match text("username") {
        Some(given) => {
            let (prefix, user) = match given.split_once('\\') {
                Some((d, u)) => (Some(d.to_string()), u.to_string()),
                None => (None, given),
            };
            let domain = text("domainname").or(prefix).unwrap_or_default();
            Some(Credentials::password(
                &domain,
                &user,
                password.as_deref().unwrap_or(""),
            ))
        }
        None => password.and_then(|pw| {
            let d = netapi::uses::default_credentials()?;
            Some(Credentials::password(d.domain(), d.user(), &pw))
        }),
    };
    UseRequest {
        local: text("local"),
        remote: text("remote").unwrap_or_default(),
        credentials,
        asg_type: value.get("asg_type").and_then(Value::as_u64).unwrap_or(0) as u32,
    }
}
