//! Unions (\[C706\] 14.3.8) declared as Rust enums.
//!
//! Each variant is one arm: `#[ndr(case = N)]` / `#[ndr(case(N, M))]` with
//! zero or one field, or `#[ndr(default)]` whose first field keeps the
//! discriminant (so unknown levels survive a round trip) and whose optional
//! second field is the default arm's body. The library does the alignment
//! (`ms_union`) and the `switch_is` check; this emits the arm dispatch.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DataEnum, DeriveInput, Fields};

use crate::attrs::{self, Container};
use crate::fields::{Bind, FieldInfo, args};

struct Arm {
    ident: syn::Ident,
    cases: Vec<syn::Expr>,
    default: bool,
    /// The arm body's field, if any.
    body: Option<FieldInfo>,
}

pub fn expand(input: &DeriveInput, c: &Container, e: &DataEnum) -> syn::Result<TokenStream> {
    let ident = &input.ident;
    let vis = &input.vis;
    let ty_name = ident.to_string();
    if c.params {
        return Err(syn::Error::new_spanned(ident, "params applies to structs"));
    }
    let Some(switch) = &c.switch_type else {
        return Err(syn::Error::new_spanned(
            ident,
            "a union needs #[ndr(switch_type = u16 | u32 | ...)]",
        ));
    };
    let mut arms = Vec::new();
    for v in &e.variants {
        let va = attrs::variant(&v.attrs)?;
        if va.default != va.cases.is_empty() {
            return Err(syn::Error::new_spanned(
                &v.ident,
                "each variant needs either case = N (or case(N, M)) or default",
            ));
        }
        let fields: Vec<&syn::Field> = match &v.fields {
            Fields::Unnamed(u) => u.unnamed.iter().collect(),
            Fields::Unit => Vec::new(),
            Fields::Named(_) => {
                return Err(syn::Error::new_spanned(
                    &v.ident,
                    "union arms are tuple variants with at most one field",
                ));
            }
        };
        let (disc, body) = if va.default {
            match fields.as_slice() {
                [d] => (Some(*d), None),
                [d, b] => (Some(*d), Some(*b)),
                _ => {
                    return Err(syn::Error::new_spanned(
                        &v.ident,
                        "the default arm is Other(switch_type) or Other(switch_type, body): \
                         it keeps the discriminant",
                    ));
                }
            }
        } else {
            match fields.as_slice() {
                [] => (None, None),
                [b] => (None, Some(*b)),
                _ => {
                    return Err(syn::Error::new_spanned(
                        &v.ident,
                        "a union arm holds at most one field",
                    ));
                }
            }
        };
        if let Some(d) = disc
            && d.attrs.iter().any(|a| a.path().is_ident("ndr"))
        {
            return Err(syn::Error::new_spanned(
                d,
                "the discriminant field takes no #[ndr] attributes",
            ));
        }
        let body_index = usize::from(disc.is_some());
        let body = body
            .map(|b| FieldInfo::new(body_index, b, false))
            .transpose()?;
        if let Some(b) = &body
            && !b.referenced().is_empty()
        {
            return Err(syn::Error::new_spanned(
                &v.ident,
                "arm expressions cannot refer to fields",
            ));
        }
        arms.push(Arm {
            ident: v.ident.clone(),
            cases: va.cases,
            default: va.default,
            body,
        });
    }
    if arms.iter().filter(|a| a.default).count() > 1 {
        return Err(syn::Error::new_spanned(ident, "at most one default arm"));
    }

    let p = quote!(::netapi_ndr::__private);
    let inline_ty = format_ident!("__NdrArmInline{}", ident);
    let all_cases: Vec<TokenStream> = arms
        .iter()
        .flat_map(|a| a.cases.iter())
        .map(|c| quote!(#p::case::<#switch>(#c)))
        .collect();
    let matches_any = quote!(false #(|| d == #all_cases)*);

    let mut inline_variants = Vec::new();
    let mut discriminant = Vec::new();
    let mut accepts = Vec::new();
    let mut enc_inline = Vec::new();
    let mut enc_deferred = Vec::new();
    let mut dec_inline = Vec::new();
    let mut dec_default = quote!(::core::result::Result::Err(#p::unknown_discriminant(d, r)));
    let mut dec_deferred = Vec::new();
    let mut arm_aligns = Vec::new();
    let mut not_conformant = Vec::new();

    for arm in &arms {
        let v = &arm.ident;
        let vname = v.to_string();
        let cases: Vec<TokenStream> = arm
            .cases
            .iter()
            .map(|c| quote!(#p::case::<#switch>(#c)))
            .collect();
        // Patterns binding the discriminant (default arm) and body.
        let (pat, dpat) = match (arm.default, arm.body.is_some()) {
            (false, false) => (quote!(Self::#v), quote!(#inline_ty::#v)),
            (false, true) => (quote!(Self::#v(x)), quote!(#inline_ty::#v(x))),
            (true, false) => (quote!(Self::#v(s)), quote!(#inline_ty::#v(s))),
            (true, true) => (quote!(Self::#v(s, x)), quote!(#inline_ty::#v(s, x))),
        };
        let (enc_i, enc_d, dec_i, dec_d, inl) = match &arm.body {
            None => (quote!(), quote!(), quote!(), quote!(), quote!()),
            Some(b) => {
                let cp = b.codec_path();
                arm_aligns.push(quote!(#cp::ALIGN));
                let msg = format!("{ty_name}::{vname}: a union arm cannot be conformant");
                not_conformant.push(quote!(const { ::core::assert!(!#cp::CONFORMANT, #msg) };));
                let a = args(b, &ty_name, &[], &Bind::Encode)?;
                let ad = args(b, &ty_name, &[], &Bind::Decode { available: None })?;
                (
                    quote! {
                        w.align(<Self as ::netapi_ndr::NdrUnion>::ARM_ALIGN);
                        #cp::encode_inline(x, #a, w).map_err(|e| e.within(#ty_name, #vname))?;
                    },
                    quote!(#cp::encode_deferred(x, #a, w).map_err(|e| e.within(#ty_name, #vname))?;),
                    quote!({
                        r.align(<Self as ::netapi_ndr::NdrUnion>::ARM_ALIGN)?;
                        #cp::decode_inline(#ad, r).map_err(|e| e.within(#ty_name, #vname))?
                    }),
                    quote!(#cp::decode_deferred(x, #ad, r).map_err(|e| e.within(#ty_name, #vname))?),
                    quote!(#cp::Inline),
                )
            }
        };
        let has_body = arm.body.is_some();
        if arm.default {
            inline_variants.push(if has_body {
                quote!(#v(#switch, #inl))
            } else {
                quote!(#v(#switch))
            });
            discriminant.push(quote!(#pat => #p::case::<#switch>(*s),));
            accepts.push(quote!(#pat => d == #p::case::<#switch>(*s) && !(#matches_any),));
            let s_val = quote!(#p::switch_from::<#switch>(d, r)?);
            dec_default = if has_body {
                quote!(::core::result::Result::Ok(#inline_ty::#v(#s_val, #dec_i)))
            } else {
                quote!(::core::result::Result::Ok(#inline_ty::#v(#s_val)))
            };
            dec_deferred.push(if has_body {
                quote!(#dpat => ::core::result::Result::Ok(Self::#v(s, #dec_d)),)
            } else {
                quote!(#dpat => ::core::result::Result::Ok(Self::#v(s)),)
            });
        } else {
            inline_variants.push(if has_body {
                quote!(#v(#inl))
            } else {
                quote!(#v)
            });
            let first = cases.first().cloned().unwrap_or_else(|| quote!(0));
            discriminant.push(quote!(#pat => #first,));
            accepts.push(quote!(#pat => false #(|| d == #cases)*,));
            dec_inline.push(if has_body {
                quote!(if false #(|| d == #cases)* { return ::core::result::Result::Ok(#inline_ty::#v(#dec_i)); })
            } else {
                quote!(if false #(|| d == #cases)* { return ::core::result::Result::Ok(#inline_ty::#v); })
            });
            dec_deferred.push(if has_body {
                quote!(#dpat => ::core::result::Result::Ok(Self::#v(#dec_d)),)
            } else {
                quote!(#dpat => ::core::result::Result::Ok(Self::#v),)
            });
        }
        enc_inline.push(quote!(#pat => { #enc_i }));
        enc_deferred.push(quote!(#pat => { #enc_d }));
    }

    let encapsulated = c.encapsulated;
    let doc = format!("Inline phase of the union `{ident}` (generated by `#[derive(Ndr)]`).");
    Ok(quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #[allow(non_camel_case_types, missing_docs, dead_code)]
        #vis enum #inline_ty {
            #(#inline_variants,)*
        }

        #[automatically_derived]
        #[allow(unused_variables, clippy::all)]
        impl ::netapi_ndr::NdrUnion for #ident {
            type Switch = #switch;
            const ARM_ALIGN: usize = #p::max_align(&[#(#arm_aligns),*]);
            const ENCAPSULATED: bool = #encapsulated;
            type ArmInline = #inline_ty;

            fn discriminant(&self) -> i128 {
                match self { #(#discriminant)* }
            }
            fn accepts(&self, d: i128) -> bool {
                match self { #(#accepts)* }
            }
            fn encode_arm_inline(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                #(#not_conformant)*
                match self { #(#enc_inline)* }
                ::core::result::Result::Ok(())
            }
            fn encode_arm_deferred(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                match self { #(#enc_deferred)* }
                ::core::result::Result::Ok(())
            }
            fn decode_arm_inline(d: i128, r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<#inline_ty, ::netapi_ndr::DecodeError> {
                #(#dec_inline)*
                #dec_default
            }
            fn decode_arm_deferred(inline: #inline_ty, r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<Self, ::netapi_ndr::DecodeError> {
                match inline { #(#dec_deferred)* }
            }
        }

        #[automatically_derived]
        #[allow(unused_variables, clippy::all)]
        impl ::netapi_ndr::Ndr for #ident {
            const ALIGN: usize = ::netapi_ndr::union_align::<Self>();
            const MIN_WIRE_SIZE: usize = <#switch as ::netapi_ndr::Ndr>::MIN_WIRE_SIZE;
            type Inline = #inline_ty;

            fn encode_inline(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                ::netapi_ndr::encode_union_inline(self, ::core::option::Option::None, w)
            }
            fn encode_deferred(&self, w: &mut ::netapi_ndr::Writer) -> ::core::result::Result<(), ::netapi_ndr::EncodeError> {
                ::netapi_ndr::NdrUnion::encode_arm_deferred(self, w)
            }
            fn decode_inline(r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<Self::Inline, ::netapi_ndr::DecodeError> {
                ::netapi_ndr::decode_union_inline::<Self>(::core::option::Option::None, r)
            }
            fn decode_deferred(inline: Self::Inline, r: &mut ::netapi_ndr::Reader<'_>) -> ::core::result::Result<Self, ::netapi_ndr::DecodeError> {
                <Self as ::netapi_ndr::NdrUnion>::decode_arm_deferred(inline, r)
            }
        }
    })
}
