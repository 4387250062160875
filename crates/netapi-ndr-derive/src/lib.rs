//! `#[derive(Ndr)]` for netapi-ndr: IDL attributes → two-phase NDR20 code.
//!
//! Structures, `#[ndr(params)]` parameter lists and enums-as-unions. The
//! generated code only picks a codec per field (`netapi_ndr::codec`) and
//! calls it in IDL field order with the values of `size_is`/`length_is`/
//! `switch_is` expressions; alignment, deferral and conformance live in the
//! library. The attribute reference is `netapi_ndr::manual`. Generics are
//! not supported (no NDR type needs them).

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
