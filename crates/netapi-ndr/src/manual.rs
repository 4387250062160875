//! Design notes and the `#[derive(Ndr)]` attribute reference (\[C706\] 14,
//! \[MS-RPCE\] 2.2.5).
//!
//! Read this before declaring an interface. It says how IDL maps to Rust,
//! what the derive generates, and which NDR rules the library enforces.
//!
//! # Model
//!
//! NDR marshals a construct in two phases (\[C706\] 14.3.12.3): the *inline*
//! part (scalars, referent ids of embedded pointers) and then the *deferred*
//! referents, in the order their pointers appeared, each referent again
//! inline-then-deferred. [`crate::Ndr`] has one method per phase and
//! direction. Decoding the inline part yields [`crate::Ndr::Inline`] (a
//! pointer's referent id, not yet its referent) which the deferred phase
//! completes; this keeps decoding a single forward pass with no
//! placeholders or `Default` bounds. (Compared with a single `decode`
//! method taking a "deferred queue", it needs no boxing or dynamic dispatch,
//! and the inline values of sibling fields are at hand to check `size_is`.)
//!
//! Attributes change a field's representation without changing its type's
//! own marshalling, so fields go through a [`crate::Codec`]: a zero-sized
//! marker type (`Unique<Str>`, `Conformant<Plain>`, ...) implementing
//! `Codec<FieldType>`. The derive only chooses codecs; everything it emits
//! is a flat list of codec calls.
//!
//! # Attributes
//!
//! Container: `#[ndr(params)]` (parameter list), `#[ndr(switch_type = T)]`
//! (union; `T` is `u8`/`u16`/`u32`/`i32`/... or a `wire_enum!` type),
//! `#[ndr(encapsulated)]` (encapsulated union: aligned as a whole first).
//!
//! Field (IDL spelling, innermost first; at most one pointer kind):
//!
//! | attribute | meaning | field type |
//! |---|---|---|
//! | `unique` | `[unique]` pointer | `Option<T>` |
//! | `ptr` | `[ptr]` full pointer (aliases decode as clones) | `Option<T>` |
//! | `ref` | `[ref]` pointer: referent id if embedded, nothing in `params` | `T` |
//! | `string` | `[string]` NUL-terminated conformant-varying | `String`, `Vec<u16>`, `Vec<u8>` (char) |
//! | `size_is(e)` | conformant array, `max_count = e` | `Vec<T>` |
//! | `size_is(e), length_is(f)` | conformant-varying array | `Vec<T>` (the `f` sent elements) |
//! | `switch_is(e)` | non-encapsulated union selected by `e` | union enum |
//! | `range(a, b)` | value checked on encode and decode | integer |
//! | `with = C` | explicit codec `C: Codec<T>` (pointer attributes still wrap it) | `T` |
//!
//! Expressions use sibling field *Rust* names, integer literals,
//! `+ - * / %` and parentheses, evaluated with checked arithmetic:
//! `size_is(1260), length_is((units_per_week + 7) / 8)`,
//! `size_is(maximum_length / 2), length_is(length / 2)`. On encode they
//! give `max_count`/`actual_count` (the Vec's length must agree) and the
//! discriminant; on decode the wire counts are checked against them when the
//! fields they name are already decoded (always in the deferred phase, so
//! for pointers; for inline arrays only earlier fields) and the expression
//! evaluates (overflow, division by zero or a negative result skips the
//! check on decode, but is an error on encode).
//!
//! Variant (union arm): `#[ndr(case = 2)]`, `#[ndr(case(2, 3))]`,
//! `#[ndr(default)]`. Arms are unit variants (empty arm) or hold one field
//! (with field attributes). The default variant's first field holds the
//! discriminant so unknown levels survive; an optional second field is the
//! default arm's body. Without a default, an unknown discriminant is a
//! decode error. A multi-case arm re-encodes with its `switch_is` value, or
//! its first case when there is none.
//!
//! ```
//! use netapi_ndr::Ndr;
//!
//! /// `SHARE_INFO_1` (\[MS-SRVS\] 2.2.4.23).
//! #[derive(Ndr, Debug, Clone, PartialEq)]
//! pub struct ShareInfo1 {
//!     #[ndr(unique, string)] pub netname: Option<String>,
//!     pub r#type: u32,
//!     #[ndr(unique, string)] pub remark: Option<String>,
//! }
//! /// `SHARE_INFO_1_CONTAINER` (\[MS-SRVS\] 2.2.4.33).
//! #[derive(Ndr, Debug, Clone, PartialEq)]
//! pub struct ShareInfo1Container {
//!     pub entries_read: u32,
//!     #[ndr(unique, size_is(entries_read))] pub buffer: Option<Vec<ShareInfo1>>,
//! }
//! /// `SHARE_ENUM_UNION` (\[MS-SRVS\] 2.2.4.38).
//! #[derive(Ndr, Debug, Clone, PartialEq)]
//! #[ndr(switch_type = u32)]
//! pub enum ShareEnumUnion {
//!     #[ndr(case = 1)] L1(#[ndr(unique)] Option<ShareInfo1Container>),
//!     #[ndr(default)] Other(u32),
//! }
//! /// `SHARE_ENUM_STRUCT` (\[MS-SRVS\] 2.2.4.39).
//! #[derive(Ndr, Debug, Clone, PartialEq)]
//! pub struct ShareEnumStruct {
//!     pub level: u32,
//!     #[ndr(switch_is(level))] pub share_info: ShareEnumUnion,
//! }
//! /// `NetrShareEnum` response (\[MS-SRVS\] 3.1.4.8).
//! #[derive(Ndr, Debug, Clone, PartialEq)]
//! #[ndr(params)]
//! pub struct NetrShareEnumResponse {
//!     pub info_struct: ShareEnumStruct,         // [in,out] LPSHARE_ENUM_STRUCT (ref)
//!     pub total_entries: u32,                   // [out] DWORD* (ref)
//!     #[ndr(unique)] pub resume_handle: Option<u32>, // [in,out,unique] DWORD*
//!     pub status: u32,                          // WERROR
//! }
//! # let v = NetrShareEnumResponse {
//! #     info_struct: ShareEnumStruct { level: 1, share_info: ShareEnumUnion::L1(Some(ShareInfo1Container {
//! #         entries_read: 1,
//! #         buffer: Some(vec![ShareInfo1 { netname: Some("IPC$".into()), r#type: 3, remark: None }]),
//! #     })) },
//! #     total_entries: 1, resume_handle: None, status: 0 };
//! # let b = netapi_ndr::encode(&v).unwrap();
//! # assert_eq!(netapi_ndr::decode::<NetrShareEnumResponse>(&b).unwrap(), v);
//! ```
//!
//! # Parameter lists
//!
//! `#[ndr(params)]` structs are request or response stubs (\[C706\] 14.3.11
//! top-level pointers, \[MS-RPCE\] 2.2.4.8 for `switch_is` parameters): each field is aligned on its own and its
//! deferred referents follow it at once; a top-level `[ref]` pointer is just
//! its referent (declare `[out] DWORD* TotalEntries` as `total_entries: u32`,
//! `[in] PRPC_SID DomainId` as `domain_id: RpcSid`); a top-level conformant
//! array or string has its `max_count` right before it; `[unique]`
//! parameters do carry a referent id. Declare only the parameters of one
//! direction, in IDL order; a response ends with its status (`u32` or a
//! code type implementing `Ndr`). Referent ids are numbered across the whole
//! stub, from 0x00020000.
//!
//! # Bounded decoding
//!
//! Every count from the wire is checked against the bytes left (count ×
//! the element's [`crate::Ndr::MIN_WIRE_SIZE`]) and a named
//! [`crate::Limits`] field before anything is allocated, and every
//! allocation is charged to `max_alloc_bytes`. Pointer nesting is bounded by
//! `max_depth`. Offsets must be 0 and `actual_count ≤ max_count`. Trailing
//! bytes after the top-level value are an error. Arithmetic on wire values
//! is checked. Errors carry the innermost type and field name.
//!
//! # Quirks
//!
//! * Strings: invalid UTF-16 becomes U+FFFD in `String` (use `Vec<u16>` for
//!   exact units); a missing NUL terminator is tolerated.
//! * Unions use `ms_union` alignment (\[MS-RPCE\] 2.2.4.5), which every
//!   NetApi interface enables.
//! * Empty conformant arrays are still aligned to their element type.
//! * An empty union arm gets no padding after the discriminant.
//! * Samba 4.17 numbers a response's referent ids on from its request's
//!   pointer count; [`crate::Writer::with_first_referent_id`] reproduces
//!   such a stub byte for byte. Decoding never depends on the numbering.
//! * `ref` on a field of a `params` struct is documentation only; embedded
//!   `ref` pointers carry a referent id and must not be null.
