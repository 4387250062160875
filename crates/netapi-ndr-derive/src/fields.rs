//! One field as the generated code sees it: codec, `Args`, range checks.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Ident, Member, Type};

use crate::attrs;
use crate::expr;

pub struct FieldInfo {
    pub member: Member,
    /// Name used in errors (`"remark"`, `"0"`).
    pub name: String,
    /// Local holding the field's decoded (inline) value.
    pub local: Ident,
    pub ty: Type,
    pub codec: TokenStream,
    pub attrs: attrs::Field,
}

impl FieldInfo {
    pub fn new(index: usize, f: &syn::Field, params: bool) -> syn::Result<Self> {
        let attrs = attrs::field(&f.attrs)?;
        let (member, name) = match &f.ident {
            Some(i) => (
                Member::Named(i.clone()),
                i.to_string().trim_start_matches("r#").to_owned(),
            ),
            None => (Member::Unnamed(index.into()), index.to_string()),
        };
        let local = format_ident!("__f_{}", name);
        let codec = codec(&attrs, params, f)?;
        Ok(Self {
            member,
            name,
            local,
            ty: f.ty.clone(),
            codec,
            attrs,
        })
    }

    /// `<Codec as ::netapi_ndr::Codec<Ty>>`.
    pub fn codec_path(&self) -> TokenStream {
        let (c, t) = (&self.codec, &self.ty);
        quote!(<#c as ::netapi_ndr::Codec<#t>>)
    }

    fn exprs(&self) -> impl Iterator<Item = &syn::Expr> {
        [
            &self.attrs.size_is,
            &self.attrs.length_is,
            &self.attrs.switch_is,
        ]
        .into_iter()
        .flatten()
    }

    /// Field names referred to by this field's expressions.
    pub fn referenced(&self) -> Vec<Ident> {
        let mut out = Vec::new();
        for e in self.exprs() {
            expr::idents(e, &mut out);
        }
        out
    }
}

/// Picks the codec for a field from its attributes (see the table in
/// `netapi_ndr::codec`).
fn codec(a: &attrs::Field, params: bool, f: &syn::Field) -> syn::Result<TokenStream> {
    let c = quote!(::netapi_ndr::codec);
    let inner = if let Some(w) = &a.with {
        quote!(#w)
    } else if a.string {
        quote!(#c::Str)
    } else if a.size_is.is_some() && a.length_is.is_some() {
        quote!(#c::ConfVarying<#c::Plain>)
    } else if a.size_is.is_some() {
        quote!(#c::Conformant<#c::Plain>)
    } else if a.length_is.is_some() {
        return Err(syn::Error::new_spanned(
            f,
            "length_is without size_is is a fixed-size varying array: \
             add `with = ::netapi_ndr::codec::Varying<::netapi_ndr::codec::Plain, N>`",
        ));
    } else if a.switch_is.is_some() {
        quote!(#c::Switched)
    } else {
        quote!(#c::Plain)
    };
    Ok(if a.unique {
        quote!(#c::Unique<#inner>)
    } else if a.full {
        quote!(#c::Full<#inner>)
    } else if a.reference && !params {
        quote!(#c::Ref<#inner>)
    } else {
        // A top-level [ref] parameter is represented by its referent alone
        // ([C706] 14.3.11), so the pointee's codec is used directly.
        inner
    })
}

/// How expressions bind field names.
pub enum Bind<'a> {
    /// `&self.name` (encoding).
    Encode,
    /// `&__f_name` (decoding), only if every name is in `available`
    /// (`None`: all fields are available).
    Decode { available: Option<&'a [Ident]> },
}

/// Generates the `Args` for `f`. `ty_name` is used in error contexts;
/// `fields` are the sibling names that exist.
pub fn args(
    f: &FieldInfo,
    ty_name: &str,
    fields: &[Ident],
    bind: &Bind<'_>,
) -> syn::Result<TokenStream> {
    let p = quote!(::netapi_ndr::__private);
    let fname = &f.name;
    for i in f.referenced() {
        if !fields.contains(&i) {
            return Err(syn::Error::new_spanned(
                &i,
                format!("`{i}` is not a field of {ty_name}"),
            ));
        }
    }
    let one = |e: &Option<syn::Expr>, conv: &str| -> syn::Result<TokenStream> {
        let Some(e) = e else {
            return Ok(quote!(::core::option::Option::None));
        };
        let conv = format_ident!("{}", conv);
        match bind {
            Bind::Encode => {
                let v = expr::rewrite(e, &|i| quote!(&self.#i))?;
                let conv = format_ident!("enc_{}", conv);
                Ok(
                    quote!(::core::option::Option::Some(#p::#conv(#v).map_err(|e| e.within(#ty_name, #fname))?)),
                )
            }
            Bind::Decode { available } => {
                let mut refs = Vec::new();
                expr::idents(e, &mut refs);
                if let Some(av) = available
                    && !refs.iter().all(|i| av.contains(i))
                {
                    // Refers to a later field: cannot be checked yet.
                    return Ok(quote!(::core::option::Option::None));
                }
                let v = expr::rewrite(e, &|i| {
                    let l = format_ident!("__f_{}", i.to_string().trim_start_matches("r#"));
                    quote!(&#l)
                })?;
                let conv = format_ident!("dec_{}", conv);
                Ok(quote!(#p::#conv(#v)))
            }
        }
    };
    let size = one(&f.attrs.size_is, "count")?;
    let length = one(&f.attrs.length_is, "count")?;
    let switch = one(&f.attrs.switch_is, "switch")?;
    if f.attrs.size_is.is_none() && f.attrs.length_is.is_none() && f.attrs.switch_is.is_none() {
        return Ok(quote!(::netapi_ndr::Args::NONE));
    }
    Ok(quote!(::netapi_ndr::Args { size: #size, length: #length, switch: #switch }))
}

/// `[range(a, b)]` check on encode (`value` is an expression of `&T`).
pub fn range_encode(f: &FieldInfo, ty_name: &str, value: &TokenStream) -> TokenStream {
    let Some((lo, hi)) = &f.attrs.range else {
        return quote!();
    };
    let fname = &f.name;
    quote!(::netapi_ndr::__private::enc_range(#value, (#lo) as i128, (#hi) as i128)
        .map_err(|e| e.within(#ty_name, #fname))?;)
}

/// `[range(a, b)]` check on decode.
pub fn range_decode(f: &FieldInfo, ty_name: &str, value: &TokenStream) -> TokenStream {
    let Some((lo, hi)) = &f.attrs.range else {
        return quote!();
    };
    let fname = &f.name;
    quote!(::netapi_ndr::__private::dec_range(#value, (#lo) as i128, (#hi) as i128, r)
        .map_err(|e| e.within(#ty_name, #fname))?;)
}
