//! IDL expressions in `size_is`/`length_is`/`switch_is`, rewritten into
//! checked `i128` arithmetic so generated code cannot overflow or divide by
//! zero: the result is an `Option<i128>`, `None` on any failure.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{BinOp, Expr, Ident, Lit};

/// The field names an expression refers to.
pub fn idents(e: &Expr, out: &mut Vec<Ident>) {
    match e {
        Expr::Path(p) => {
            if let Some(i) = p.path.get_ident() {
                out.push(i.clone());
            }
        }
        Expr::Binary(b) => {
            idents(&b.left, out);
            idents(&b.right, out);
        }
        Expr::Paren(p) => idents(&p.expr, out),
        Expr::Group(g) => idents(&g.expr, out),
        _ => {}
    }
}

/// Rewrites `e`; `bind` turns a field name into an expression for its value.
pub fn rewrite(e: &Expr, bind: &dyn Fn(&Ident) -> TokenStream) -> syn::Result<TokenStream> {
    let p = quote!(::netapi_ndr::__private);
    Ok(match e {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => {
                let v: i128 = i.base10_parse()?;
                let lit = Literal::i128_suffixed(v);
                quote!(::core::option::Option::Some(#lit))
            }
            _ => return Err(syn::Error::new_spanned(e, "expected an integer literal")),
        },
        Expr::Path(path) => match path.path.get_ident() {
            Some(i) => {
                let b = bind(i);
                quote!(#p::val(#b))
            }
            None => return Err(syn::Error::new_spanned(e, "expected a field name")),
        },
        Expr::Binary(b) => {
            let f = match b.op {
                BinOp::Add(_) => quote!(add),
                BinOp::Sub(_) => quote!(sub),
                BinOp::Mul(_) => quote!(mul),
                BinOp::Div(_) => quote!(div),
                BinOp::Rem(_) => quote!(rem),
                _ => {
                    return Err(syn::Error::new_spanned(
                        b.op,
                        "only + - * / % are supported",
                    ));
                }
            };
            let l = rewrite(&b.left, bind)?;
            let r = rewrite(&b.right, bind)?;
            quote!(#p::#f(#l, #r))
        }
        Expr::Paren(x) => rewrite(&x.expr, bind)?,
        Expr::Group(x) => rewrite(&x.expr, bind)?,
        _ => {
            return Err(syn::Error::new_spanned(
                e,
                "unsupported IDL expression: use integer literals, field names, + - * / % and parentheses",
            ));
        }
    })
}
