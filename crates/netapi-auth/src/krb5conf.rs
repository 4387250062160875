//! The parts of krb5.conf (MIT's profile format, `man 5 krb5.conf`) that locate a KDC and a
//! credential cache: `[libdefaults] default_realm / default_ccache_name / dns_lookup_kdc` and
//! `[realms] REALM = { kdc = host[:port] }`.
//!
//! The files are `KRB5_CONFIG` (colon-separated, as MIT reads it) or `/etc/krb5.conf`;
//! [`crate::options::Discovery::krb5_config`] overrides both. Syntax handled: `[section]`
//! headers, `tag = value`, `tag = { ... }` groups (nested), comments (`#`, `;`), the final
//! marker `*`, and the `include FILE` / `includedir DIR` directives. Values from several files
//! are kept in file order (the first single value wins, list values accumulate), as MIT's
//! profile library merges them. Bounded: at most [`MAX_CONF_LEN`] bytes per file,
//! [`MAX_FILES`] files and nesting [`MAX_DEPTH`] deep; malformed lines are skipped, never a
//! panic (`fuzz/fuzz_targets/krb_files.rs`).

use std::path::{Path, PathBuf};

/// Largest krb5.conf file read.
pub const MAX_CONF_LEN: usize = 1 << 20;
/// Most files read through `include` / `includedir`.
pub const MAX_FILES: usize = 32;
/// Deepest `{ }` nesting kept.
pub const MAX_DEPTH: usize = 8;

/// One relation: `tag = value` or `tag = { relations }`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Str(String),
    Group(Vec<(String, Value)>),
}

/// The relations of all files read, by section.
#[derive(Debug, Clone, Default)]
pub struct Krb5Conf {
    sections: Vec<(String, Vec<(String, Value)>)>,
    /// The files that were read.
    pub files: Vec<PathBuf>,
}

impl Krb5Conf {
    /// The configuration `KRB5_CONFIG` names, or `/etc/krb5.conf`.
    pub fn from_env() -> Krb5Conf {
        let list = std::env::var("KRB5_CONFIG")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "/etc/krb5.conf".to_owned());
        let paths: Vec<PathBuf> = list
            .split(':')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect();
        Krb5Conf::load(&paths)
    }

    /// Read `paths` in order; missing or unreadable files are skipped.
    pub fn load(paths: &[PathBuf]) -> Krb5Conf {
        let mut conf = Krb5Conf::default();
        for p in paths {
            conf.add_file(p);
        }
        conf
    }

    fn add_file(&mut self, path: &Path) {
        if self.files.len() >= MAX_FILES || self.files.iter().any(|f| f == path) {
            return;
        }
        let text = match crate::ccache::read_bounded(path, MAX_CONF_LEN) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                if e.kind() != std::io::ErrorKind::NotFound {
                    tracing::debug!(file = %path.display(), error = %e, "krb5.conf not read");
                }
                return;
            }
        };
        self.files.push(path.to_path_buf());
        self.add_text(&text, path.parent());
    }

    /// Parse `text` as one more file (`base` resolves relative includes).
    pub fn add_text(&mut self, text: &str, base: Option<&Path>) {
        let mut section: Option<usize> = None;
        // The open groups: (tag, relations so far).
        let mut stack: Vec<(String, Vec<(String, Value)>)> = Vec::new();
        for raw in text.lines() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if stack.is_empty() {
                if let Some(path) = line.strip_prefix("includedir ") {
                    self.include_dir(&resolve(path.trim(), base));
                    continue;
                }
                if let Some(path) = line.strip_prefix("include ") {
                    self.add_file(&resolve(path.trim(), base));
                    continue;
                }
                if let Some(name) = line.strip_prefix('[') {
                    let name = name.trim_end_matches('*').trim_end_matches(']').trim();
                    section = Some(self.section(name));
                    continue;
                }
            }
            if line.starts_with('}') {
                if let Some((tag, group)) = stack.pop() {
                    let value = (tag, Value::Group(group));
                    match stack.last_mut() {
                        Some((_, parent)) => parent.push(value),
                        None => {
                            if let Some(s) = section {
                                self.sections[s].1.push(value);
                            }
                        }
                    }
                }
                continue;
            }
            let Some((tag, value)) = line.split_once('=') else {
                continue;
            };
            let tag = tag.trim().to_owned();
            let value = value.trim().trim_end_matches('*').trim();
            if value == "{" {
                if stack.len() < MAX_DEPTH {
                    stack.push((tag, Vec::new()));
                } else {
                    return; // absurd nesting: ignore the rest of this file
                }
                continue;
            }
            let value = (tag, Value::Str(unquote(value).to_owned()));
            match stack.last_mut() {
                Some((_, group)) => group.push(value),
                None => {
                    if let Some(s) = section {
                        self.sections[s].1.push(value);
                    }
                }
            }
        }
    }

    fn include_dir(&mut self, dir: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut names: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                // MIT reads names of letters, digits, '-' and '_', or ending in ".conf".
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.ends_with(".conf")
                        || n.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                })
            })
            .collect();
        names.sort();
        for p in names {
            self.add_file(&p);
        }
    }

    fn section(&mut self, name: &str) -> usize {
        match self.sections.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.sections.push((name.to_owned(), Vec::new()));
                self.sections.len() - 1
            }
        }
    }

    fn relations(&self, section: &str) -> impl Iterator<Item = &(String, Value)> {
        self.sections
            .iter()
            .filter(move |(n, _)| n == section)
            .flat_map(|(_, r)| r.iter())
    }

    /// The first `[libdefaults] tag` value.
    pub fn libdefault(&self, tag: &str) -> Option<&str> {
        self.relations("libdefaults").find_map(|(t, v)| match v {
            Value::Str(s) if t == tag => Some(s.as_str()),
            _ => None,
        })
    }

    /// A boolean `[libdefaults]` value (`true`/`yes`/`1`/`on`).
    pub fn libdefault_bool(&self, tag: &str) -> Option<bool> {
        self.libdefault(tag).map(|v| {
            matches!(
                v.to_ascii_lowercase().as_str(),
                "true" | "yes" | "1" | "on" | "t" | "y"
            )
        })
    }

    /// All `tag` values of `[realms] realm = { ... }`, in order. The realm name is matched
    /// exactly first, then without case.
    pub fn realm_values(&self, realm: &str, tag: &str) -> Vec<&str> {
        let groups = |exact: bool| {
            self.relations("realms")
                .filter(move |(name, _)| {
                    if exact {
                        name == realm
                    } else {
                        name.eq_ignore_ascii_case(realm)
                    }
                })
                .filter_map(|(_, v)| match v {
                    Value::Group(g) => Some(g),
                    Value::Str(_) => None,
                })
                .flat_map(|g| g.iter())
                .filter_map(|(t, v)| match v {
                    Value::Str(s) if t == tag => Some(s.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        let exact = groups(true);
        if exact.is_empty() {
            groups(false)
        } else {
            exact
        }
    }
}

fn resolve(path: &str, base: Option<&Path>) -> PathBuf {
    let p = PathBuf::from(path);
    match base {
        Some(b) if p.is_relative() => b.join(p),
        _ => p,
    }
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAB: &str = "\
# a comment
[libdefaults]
    default_realm = LAB.EXAMPLE
    dns_lookup_kdc = false
    default_ccache_name = FILE:/tmp/krb5cc_%{uid}
[realms]
    LAB.EXAMPLE = {
        kdc = 127.0.0.3
        kdc = dc2.lab.example:1088
        admin_server = 127.0.0.3
        auth_to_local = {
            ignored = yes
        }
    }
    OTHER.EXAMPLE = {
        kdc = other.example
    }
[domain_realm]
    .lab.example = LAB.EXAMPLE
";

    #[test]
    fn reads_realms_and_libdefaults() {
        let mut c = Krb5Conf::default();
        c.add_text(LAB, None);
        assert_eq!(c.libdefault("default_realm"), Some("LAB.EXAMPLE"));
        assert_eq!(c.libdefault_bool("dns_lookup_kdc"), Some(false));
        assert_eq!(
            c.realm_values("LAB.EXAMPLE", "kdc"),
            vec!["127.0.0.3", "dc2.lab.example:1088"]
        );
        assert_eq!(c.realm_values("lab.example", "kdc").len(), 2);
        assert_eq!(
            c.realm_values("OTHER.EXAMPLE", "kdc"),
            vec!["other.example"]
        );
        assert!(c.realm_values("NONE", "kdc").is_empty());
    }

    #[test]
    fn later_files_add_values_and_includes_are_followed() {
        let dir = std::env::temp_dir().join(format!("netapi-krb5conf-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("d")).unwrap();
        std::fs::write(
            dir.join("main.conf"),
            "include extra.conf\nincludedir d\n[libdefaults]\n default_realm = A\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("extra.conf"),
            "[libdefaults]\n default_realm = B\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("d/realm.conf"),
            "[realms]\n A = {\n  kdc = 10.0.0.1\n }\n",
        )
        .unwrap();
        std::fs::write(dir.join("d/skip.me~"), "[realms]\n A = {\n kdc = x\n}\n").unwrap();
        // A file that includes itself is read once.
        std::fs::write(dir.join("loop.conf"), "include loop.conf\n").unwrap();
        let c = Krb5Conf::load(&[dir.join("main.conf"), dir.join("loop.conf")]);
        assert_eq!(
            c.libdefault("default_realm"),
            Some("B"),
            "the include came first"
        );
        assert_eq!(c.realm_values("A", "kdc"), vec!["10.0.0.1"]);
        assert_eq!(c.files.len(), 4);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn garbage_is_skipped() {
        let mut c = Krb5Conf::default();
        c.add_text("}}}\n= =\n[realms\nX = {\n{\nkdc = 1\n", None);
        let deep = "[realms]\n".to_owned() + &"a = {\n".repeat(100);
        c.add_text(&deep, None);
        assert!(c.realm_values("X", "kdc").is_empty());
    }
}
