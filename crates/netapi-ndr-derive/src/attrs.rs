//! Parsing of `#[ndr(...)]` attributes, in IDL vocabulary.

use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Expr, Token, Type};

/// Container attributes (`#[ndr(...)]` on the struct or enum).
#[derive(Default)]
pub struct Container {
    /// `params`: an RPC request/response parameter list.
    pub params: bool,
    /// `switch_type = T`: the union discriminant's type.
    pub switch_type: Option<Type>,
    /// `encapsulated`: the union is aligned as a whole first.
    pub encapsulated: bool,
}

/// Field attributes.
#[derive(Default)]
pub struct Field {
    pub unique: bool,
    pub reference: bool,
    pub full: bool,
    pub string: bool,
    pub size_is: Option<Expr>,
    pub length_is: Option<Expr>,
    pub switch_is: Option<Expr>,
    pub range: Option<(Expr, Expr)>,
    pub with: Option<Type>,
}

/// Variant attributes.
#[derive(Default)]
pub struct Variant {
    pub cases: Vec<Expr>,
    pub default: bool,
}

fn ndr_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("ndr"))
}

fn paren_expr(input: ParseStream<'_>) -> syn::Result<Expr> {
    let content;
    syn::parenthesized!(content in input);
    let e: Expr = content.parse()?;
    if !content.is_empty() {
        return Err(content.error("expected one expression"));
    }
    Ok(e)
}

pub fn container(attrs: &[Attribute]) -> syn::Result<Container> {
    let mut c = Container::default();
    for attr in ndr_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("params") {
                c.params = true;
            } else if meta.path.is_ident("encapsulated") {
                c.encapsulated = true;
            } else if meta.path.is_ident("switch_type") {
                c.switch_type = Some(meta.value()?.parse()?);
            } else {
                return Err(meta.error(
                    "unknown container attribute; expected params, switch_type = T, encapsulated",
                ));
            }
            Ok(())
        })?;
    }
    Ok(c)
}

pub fn field(attrs: &[Attribute]) -> syn::Result<Field> {
    let mut f = Field::default();
    for attr in ndr_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            let p = &meta.path;
            if p.is_ident("unique") {
                f.unique = true;
            } else if p.is_ident("ref") {
                f.reference = true;
            } else if p.is_ident("ptr") {
                f.full = true;
            } else if p.is_ident("string") {
                f.string = true;
            } else if p.is_ident("size_is") {
                f.size_is = Some(paren_expr(meta.input)?);
            } else if p.is_ident("length_is") {
                f.length_is = Some(paren_expr(meta.input)?);
            } else if p.is_ident("switch_is") {
                f.switch_is = Some(paren_expr(meta.input)?);
            } else if p.is_ident("range") {
                let content;
                syn::parenthesized!(content in meta.input);
                let lo: Expr = content.parse()?;
                content.parse::<Token![,]>()?;
                let hi: Expr = content.parse()?;
                f.range = Some((lo, hi));
            } else if p.is_ident("with") {
                f.with = Some(meta.value()?.parse()?);
            } else {
                return Err(meta.error(
                    "unknown field attribute; expected unique, ref, ptr, string, size_is(..), \
                     length_is(..), switch_is(..), range(a, b), with = Codec",
                ));
            }
            Ok(())
        })?;
    }
    let pointers = [f.unique, f.reference, f.full]
        .iter()
        .filter(|b| **b)
        .count();
    if pointers > 1 {
        return Err(syn::Error::new_spanned(
            attrs.iter().find(|a| a.path().is_ident("ndr")),
            "at most one of unique, ref, ptr",
        ));
    }
    Ok(f)
}

pub fn variant(attrs: &[Attribute]) -> syn::Result<Variant> {
    let mut v = Variant::default();
    for attr in ndr_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("case") {
                if meta.input.peek(Token![=]) {
                    v.cases.push(meta.value()?.parse()?);
                } else {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let list = content.parse_terminated(Expr::parse, Token![,])?;
                    v.cases.extend(list);
                }
            } else if meta.path.is_ident("default") {
                v.default = true;
            } else {
                return Err(
                    meta.error("unknown variant attribute; expected case = N, case(N, M), default")
                );
            }
            Ok(())
        })?;
    }
    Ok(v)
}
