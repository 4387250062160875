//! Structures (\[C706\] 14.3.6/14.3.7) and `#[ndr(params)]` parameter lists.
//!
//! A structure's inline part is its fields' inline parts in order, then the
//! fields' deferred parts in order. A parameter list is not a structure:
//! each parameter is a self-contained unit (conformance, inline, deferred)
//! aligned on its own, and top-level `[ref]` pointers carry no referent id.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Fields, Ident, Member};

use crate::attrs::Container;
use crate::fields::{Bind, FieldInfo, args, range_decode, range_encode};

pub fn expand(input: &DeriveInput, c: &Container, fields: &Fields) -> syn::Result<TokenStream> {
    if c.switch_type.is_some() || c.encapsulated {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "switch_type/encapsulated apply to enums (unions)",
        ));
    }
    let infos = fields
        .iter()
        .enumerate()
        .map(|(i, f)| FieldInfo::new(i, f, c.params))
        .collect::<syn::Result<Vec<_>>>()?;
    let names: Vec<Ident> = infos
        .iter()
        .filter_map(|f| match &f.member {
            Member::Named(i) => Some(i.clone()),
            Member::Unnamed(_) => None,
        })
        .collect();
    let construct = construct(fields, &infos);
    if c.params {
        params(input, &infos, &names, &construct)
    } else {
        structure(input, &infos, &names, &construct)
    }
}

/// `Self { a: __v_a, .. }` / `Self(__v_0, ..)` from the `__f_*` locals.
fn construct(fields: &Fields, infos: &[FieldInfo]) -> TokenStream {
    let locals = infos.iter().map(|f| &f.local);
    match fields {
        Fields::Named(_) => {
            let members = infos.iter().map(|f| &f.member);
            quote!(Self { #(#members: #locals),* })
        }
        Fields::Unnamed(_) => quote!(Self(#(#locals),*)),
        Fields::Unit => quote!(Self),
    }
}

fn structure(
    input: &DeriveInput,
    infos: &[FieldInfo],
    names: &[Ident],
    construct: &TokenStream,
) -> syn::Result<TokenStream> {
    let ident = &input.ident;
    let ty_name = ident.to_string();
    let cps: Vec<TokenStream> = infos.iter().map(FieldInfo::codec_path).collect();
    let locals: Vec<&Ident> = infos.iter().map(|f| &f.local).collect();

    let conformant = match cps.last() {
        Some(cp) => quote!(#cp::CONFORMANT),
        None => quote!(false),
    };
    // Only the last member may be conformant (its max_count is hoisted).
    let not_conformant = cps.iter().zip(infos).rev().skip(1).map(|(cp, f)| {
        let msg = format!(
            "{ty_name}.{}: only the last member may be conformant",
            f.name
        );
        quote!(const { ::core::assert!(!#cp::CONFORMANT, #msg) };)
    });
    let encode_conformance = match (infos.last(), cps.last()) {
        (Some(f), Some(cp)) => {
            let m = &f.member;
            let a = args(f, &ty_name, names, &Bind::Encode)?;
            let fname = &f.name;
            quote!(#cp::encode_conformance(&self.#m, #a, w).map_err(|e| e.within(#ty_name, #fname)))
        }
        _ => quote!(::core::result::Result::Ok(())),
    };

    let mut enc_inline = Vec::new();
    let mut enc_deferred = Vec::new();
    let mut dec_inline = Vec::new();
    let mut dec_args = Vec::new();
    let mut dec_deferred = Vec::new();
    for (i, (f, cp)) in infos.iter().zip(&cps).enumerate() {
        let m = &f.member;
        let fname = &f.name;
        let local = &f.local;
        let a_enc = args(f, &ty_name, names, &Bind::Encode)?;
        let earlier: Vec<Ident> = infos[..i]
            .iter()
            .filter_map(|g| match &g.member {
                Member::Named(n) => Some(n.clone()),
                Member::Unnamed(_) => None,
            })
            .collect();
        let a_inline = args(
            f,
            &ty_name,
            names,
            &Bind::Decode {
                available: Some(&earlier),
            },
        )?;
        let a_deferred = args(f, &ty_name, names, &Bind::Decode { available: None })?;
        let range_e = range_encode(f, &ty_name, &quote!(&self.#m));
        let range_d = range_decode(f, &ty_name, &quote!(&#local));
        let a_local = quote::format_ident!("__a{}", i);
        enc_inline.push(quote! {
            #range_e
            #cp::encode_inline(&self.#m, #a_enc, w).map_err(|e| e.within(#ty_name, #fname))?;
        });
        enc_deferred.push(quote! {
            #cp::encode_deferred(&self.#m, #a_enc, w).map_err(|e| e.within(#ty_name, #fname))?;
        });
        dec_inline.push(quote! {
            let #local = #cp::decode_inline(#a_inline, r).map_err(|e| e.within(#ty_name, #fname))?;
            #range_d
        });
        dec_args.push(quote!(let #a_local = #a_deferred;));
        dec_deferred.push(quote! {
            let #local = #cp::decode_deferred(#local, #a_local, r).map_err(|e| e.within(#ty_name, #fname))?;
        });
    }

    Ok(quote! {
        #[automatically_derived]
        #[allow(unused_variables, clippy::all)]
        impl ::netapi_ndr::Ndr for #ident {
            const ALIGN: usize = ::netapi_ndr::__private::max_align(&[#(#cps::ALIGN),*]);
            const MIN_WIRE_SIZE: usize = ::netapi_ndr::__private::sum(&[#(#cps::MIN_WIRE_SIZE),*]);
            const CONFORMANT: bool = #conformant;
            type Inline = (#(#cps::Inline,)*);

            fn encode_conformance(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                #encode_conformance
            }
            fn encode_inline(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                #(#not_conformant)*
                w.align(<Self as ::netapi_ndr::Ndr>::ALIGN);
                #(#enc_inline)*
                ::core::result::Result::Ok(())
            }
            fn encode_deferred(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                #(#enc_deferred)*
                ::core::result::Result::Ok(())
            }
            fn decode_inline(r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<Self::Inline, ::netapi_ndr::DecodeError> {
                r.align(<Self as ::netapi_ndr::Ndr>::ALIGN)?;
                #(#dec_inline)*
                ::core::result::Result::Ok((#(#locals,)*))
            }
            fn decode_deferred(inline: Self::Inline, r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<Self, ::netapi_ndr::DecodeError> {
                let (#(#locals,)*) = inline;
                #(#dec_args)*
                #(#dec_deferred)*
                ::core::result::Result::Ok(#construct)
            }
        }
    })
}

fn params(
    input: &DeriveInput,
    infos: &[FieldInfo],
    names: &[Ident],
    construct: &TokenStream,
) -> syn::Result<TokenStream> {
    let ident = &input.ident;
    let ty_name = ident.to_string();
    let cps: Vec<TokenStream> = infos.iter().map(FieldInfo::codec_path).collect();
    let mut enc = Vec::new();
    let mut dec = Vec::new();
    for (i, f) in infos.iter().enumerate() {
        let m = &f.member;
        let fname = &f.name;
        let local = &f.local;
        let (c, t) = (&f.codec, &f.ty);
        let a_enc = args(f, &ty_name, names, &Bind::Encode)?;
        let earlier: Vec<Ident> = infos[..i]
            .iter()
            .filter_map(|g| match &g.member {
                Member::Named(n) => Some(n.clone()),
                Member::Unnamed(_) => None,
            })
            .collect();
        let a_dec = args(
            f,
            &ty_name,
            names,
            &Bind::Decode {
                available: Some(&earlier),
            },
        )?;
        let range_e = range_encode(f, &ty_name, &quote!(&self.#m));
        let range_d = range_decode(f, &ty_name, &quote!(&#local));
        enc.push(quote! {
            #range_e
            ::netapi_ndr::encode_unit::<#c, #t>(&self.#m, #a_enc, w).map_err(|e| e.within(#ty_name, #fname))?;
        });
        dec.push(quote! {
            let #local = ::netapi_ndr::decode_unit::<#c, #t>(#a_dec, r).map_err(|e| e.within(#ty_name, #fname))?;
            #range_d
        });
    }
    Ok(quote! {
        #[automatically_derived]
        #[allow(unused_variables, clippy::all)]
        impl ::netapi_ndr::Ndr for #ident {
            // Each parameter aligns itself; the list as a whole has no alignment.
            const ALIGN: usize = 1;
            const MIN_WIRE_SIZE: usize = ::netapi_ndr::__private::sum(&[#(#cps::MIN_WIRE_SIZE),*]);
            type Inline = Self;

            fn encode_inline(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                #(#enc)*
                ::core::result::Result::Ok(())
            }
            fn encode_deferred(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                ::core::result::Result::Ok(())
            }
            fn decode_inline(r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<Self, ::netapi_ndr::DecodeError> {
                #(#dec)*
                ::core::result::Result::Ok(#construct)
            }
            fn decode_deferred(inline: Self, r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<Self, ::netapi_ndr::DecodeError> {
                ::core::result::Result::Ok(inline)
            }
        }
    })
}
