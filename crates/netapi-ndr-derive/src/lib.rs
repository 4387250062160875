//! `#[derive(Ndr)]` for netapi-ndr: IDL attributes → two-phase NDR20 code.
//!
//! Structures, `#[ndr(params)]` parameter lists and enums-as-unions. The
//! generated code only picks a codec per field (`netapi_ndr::codec`) and
//! calls it in IDL field order with the values of `size_is`/`length_is`/
//! `switch_is` expressions; alignment, deferral and conformance live in the
//! library. The attribute reference is `netapi_ndr::manual`. Generics are
//! not supported (no NDR type needs them).

#![warn(missing_docs)]

use proc_macro::TokenStream;
use syn::{Data, DeriveInput, parse_macro_input};

mod attrs;
mod expr;
mod fields;
mod structs;
mod unions;

/// Derives `netapi_ndr::Ndr` (and `NdrUnion` for enums); see
/// `netapi_ndr::manual` for the `#[ndr(...)]` attributes.
#[proc_macro_derive(Ndr, attributes(ndr))]
pub fn derive_ndr(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "#[derive(Ndr)] does not support generics",
        ));
    }
    let container = attrs::container(&input.attrs)?;
    match &input.data {
        Data::Struct(s) => structs::expand(input, &container, &s.fields),
        Data::Enum(e) => unions::expand(input, &container, e),
        Data::Union(u) => Err(syn::Error::new_spanned(
            u.union_token,
            "declare NDR unions as Rust enums with #[ndr(switch_type = T)]",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::expand;
    use syn::parse_quote;

    fn err(input: syn::DeriveInput) -> String {
        match expand(&input) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn accepts_the_documented_shapes() {
        let ok: [syn::DeriveInput; 3] = [
            parse_quote! { struct S { n: u32, #[ndr(unique, size_is((n + 7) / 8), length_is(n % 3))] b: Option<Vec<u8>> } },
            parse_quote! { #[ndr(params)] struct P { #[ndr(ref, string)] s: String, #[ndr(range(0, 10))] n: u32 } },
            parse_quote! {
                #[ndr(switch_type = u16)]
                enum U { #[ndr(case(1, 2))] A(#[ndr(unique, string)] Option<String>), #[ndr(case = 3)] B, #[ndr(default)] O(u16) }
            },
        ];
        for i in ok {
            expand(&i).unwrap();
        }
    }

    #[test]
    fn rejects_misuse_with_a_reason() {
        let e = err(parse_quote! { struct S { #[ndr(unique, size_is(m))] b: Option<Vec<u8>> } });
        assert!(e.contains("`m` is not a field of S"), "{e}");
        let e = err(parse_quote! { struct S { n: u32, #[ndr(size_is(n << 1))] b: Vec<u8> } });
        assert!(e.contains("only + - * / %"), "{e}");
        let e = err(parse_quote! { struct S { #[ndr(unique, ptr)] p: Option<u32> } });
        assert!(e.contains("at most one of unique, ref, ptr"), "{e}");
        let e = err(parse_quote! { struct S { #[ndr(length_is(1))] v: Vec<u8> } });
        assert!(e.contains("Varying"), "{e}");
        let e = err(parse_quote! { struct S { #[ndr(bogus)] v: u8 } });
        assert!(e.contains("unknown field attribute"), "{e}");
        let e = err(parse_quote! { enum U { #[ndr(case = 1)] A } });
        assert!(e.contains("switch_type"), "{e}");
        let e = err(parse_quote! { #[ndr(switch_type = u32)] enum U { A(u8) } });
        assert!(e.contains("either case"), "{e}");
        let e = err(parse_quote! { #[ndr(switch_type = u32)] enum U { #[ndr(default)] A } });
        assert!(e.contains("keeps the discriminant"), "{e}");
        let e = err(parse_quote! { struct S<T> { t: T } });
        assert!(e.contains("generics"), "{e}");
    }
}
