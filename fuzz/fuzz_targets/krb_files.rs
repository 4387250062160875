//! `krb_files`: the readers of what users hand netapi for Kerberos and of what a DNS server
//! answers: MIT credential caches (`netapi_auth::ccache::parse`), keytabs
//! (`netapi_auth::keytab::parse`), krb5.conf text (`netapi_auth::krb5conf`), DNS responses to
//! an SRV query (`netapi_auth::dns::parse_response`), and the anonymous NTLM client context
//! (`client_context` with `Credentials::anonymous()`) stepped with server tokens.
//!
//! Input: byte 0 picks the reader (0 cache, 1 keytab, 2 krb5.conf, 3 DNS, 4 anonymous NTLM over
//! SPNEGO, 5 anonymous raw NTLM); the rest is the file, message or tokens (each token prefixed
//! by its 16-bit little-endian length). Properties: no panic, errors instead; bounded memory;
//! a cache or keytab that parses writes back (`write::to_bytes`) to bytes that parse to the same
//! principals, times, flags, keys and tickets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netapi_auth::{AuthOptions, Credentials, Framing, ccache, dns, keytab, krb5conf};
use netapi_fuzz::{alloc, alloc_budget, tokens};

fn same_cache(a: &ccache::Ccache, b: &ccache::Ccache) {
    assert_eq!(a.default_principal, b.default_principal);
    assert_eq!(a.credentials.len(), b.credentials.len());
    for (x, y) in a.credentials.iter().zip(&b.credentials) {
        assert_eq!((&x.client, &x.server), (&y.client, &y.server));
        assert_eq!(
            (x.key.enctype, x.key.bytes()),
            (y.key.enctype, y.key.bytes())
        );
        assert_eq!(
            (
                x.auth_time,
                x.start_time,
                x.end_time,
                x.renew_till,
                x.flags,
                x.is_skey
            ),
            (
                y.auth_time,
                y.start_time,
                y.end_time,
                y.renew_till,
                y.flags,
                y.is_skey
            )
        );
        assert_eq!((&x.ticket, &x.second_ticket), (&y.ticket, &y.second_ticket));
    }
}

fn anonymous(framing: Framing, input: &[u8]) {
    let mut ctx = client_context_anon(framing);
    let mut first = true;
    for tok in tokens(input, 3) {
        let arg = if first && framing == Framing::Raw {
            None
        } else {
            Some(tok)
        };
        first = false;
        if ctx.step(arg).is_err() {
            assert!(ctx.step(Some(tok)).is_err(), "a failed context went on");
            return;
        }
    }
}

fn client_context_anon(framing: Framing) -> Box<dyn netapi_auth::SecurityContext> {
    netapi_auth::client_context(
        &Credentials::anonymous(),
        &AuthOptions::ntlm(),
        "cifs",
        framing,
    )
    .expect("anonymous context")
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    alloc::bounded(
        "krb_files",
        alloc_budget(rest.len(), 16, 64 << 10),
        || match mode % 6 {
            0 => {
                if let Ok(c) = ccache::parse(rest) {
                    let again = ccache::parse(&ccache::write::to_bytes(&c))
                        .expect("a written cache parses");
                    same_cache(&c, &again);
                    let _ = c.tgt();
                    let _ = c.service_ticket("cifs", "dc1.lab.example", "LAB.EXAMPLE", 1 << 30);
                }
            }
            1 => {
                if let Ok(k) = keytab::parse(rest) {
                    let again = keytab::parse(&keytab::write::to_bytes(&k.entries))
                        .expect("a written keytab parses");
                    assert_eq!(k.entries.len(), again.entries.len());
                    for (x, y) in k.entries.iter().zip(&again.entries) {
                        assert_eq!(x.principal, y.principal);
                        assert_eq!(
                            (x.key.enctype, x.key.bytes()),
                            (y.key.enctype, y.key.bytes())
                        );
                    }
                    for p in k.principals() {
                        let _ = k.best_key(p);
                    }
                }
            }
            2 => {
                let mut conf = krb5conf::Krb5Conf::default();
                conf.add_text(&String::from_utf8_lossy(rest), None);
                let _ = conf.libdefault("default_realm");
                let _ = conf.realm_values("LAB.EXAMPLE", "kdc");
            }
            3 => {
                let id = rest
                    .get(..2)
                    .map_or(0, |b| u16::from_be_bytes([b[0], b[1]]));
                let _ = dns::parse_response(rest, id, "_kerberos._tcp.LAB.EXAMPLE", dns::TYPE_SRV);
            }
            4 => anonymous(Framing::Spnego, rest),
            _ => anonymous(Framing::Raw, rest),
        },
    );
});
