//! Test types declared with the derive, in IDL order.

use crate::Ndr;
use crate::codec;

/// `SHARE_INFO_1`-like: two embedded string pointers around a scalar.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Info1 {
    #[ndr(unique, string)]
    pub name: Option<String>,
    pub kind: u32,
    #[ndr(unique, string)]
    pub remark: Option<String>,
}

/// `SHARE_INFO_1_CONTAINER`-like: a count and a pointer to a conformant array.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Info1Container {
    pub count: u32,
    #[ndr(unique, size_is(count))]
    pub buffer: Option<Vec<Info1>>,
}

/// `RPC_SID`-like: a conformant structure.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Sid {
    pub revision: u8,
    pub count: u8,
    pub authority: [u8; 6],
    #[ndr(size_is(count))]
    pub sub: Vec<u32>,
}

/// A structure embedding a conformant structure last: conformance is hoisted.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Holder {
    pub tag: u32,
    pub sid: Sid,
}

/// A union on a 16-bit NDR enum with arms of different alignment.
#[derive(Ndr, Debug, Clone, PartialEq)]
#[ndr(switch_type = u16)]
pub enum Small {
    #[ndr(case = 1)]
    Word(u32),
    #[ndr(case = 2)]
    Byte(u8),
    #[ndr(case(3, 4))]
    Empty,
    #[ndr(default)]
    Other(u16),
}

/// A structure with a non-encapsulated union selected by a sibling.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Switched {
    pub level: u16,
    #[ndr(switch_is(level))]
    pub u: Small,
}

/// A union without default arm and with an 8-aligned arm.
#[derive(Ndr, Debug, Clone, PartialEq)]
#[ndr(switch_type = u32)]
pub enum Strict {
    #[ndr(case = 1)]
    A(#[ndr(unique, string)] Option<String>),
    #[ndr(case = 2)]
    B(u64),
}

/// An encapsulated union (aligned as a whole before its discriminant).
#[derive(Ndr, Debug, Clone, PartialEq)]
#[ndr(switch_type = u16, encapsulated)]
pub enum Capsule {
    #[ndr(case = 1)]
    Long(u32),
    #[ndr(default)]
    Other(u16, u8),
}

/// A recursive list through unique pointers.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Node {
    pub value: u32,
    #[ndr(unique)]
    pub next: Option<Box<Node>>,
}

/// Two full pointers (may alias).
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct FullPair {
    #[ndr(ptr)]
    pub a: Option<u32>,
    #[ndr(ptr)]
    pub b: Option<u32>,
}

/// A recursive list through full pointers.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct FullNode {
    pub value: u32,
    #[ndr(ptr)]
    pub next: Option<Box<FullNode>>,
}

/// A full pointer to a string and one to a u32 (type confusion test).
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct FullMixed {
    #[ndr(ptr, string)]
    pub s: Option<String>,
    #[ndr(ptr)]
    pub n: Option<u32>,
}

/// A pointer to a pointer (`[unique] DWORD**`-like).
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct PtrPtr {
    #[ndr(unique, with = codec::Unique)]
    pub pp: Option<Option<u32>>,
}

/// `RPC_UNICODE_STRING`-like: arithmetic in size_is/length_is.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Counted {
    pub length: u16,
    pub maximum_length: u16,
    #[ndr(unique, size_is(maximum_length / 2), length_is(length / 2))]
    pub buffer: Option<Vec<u16>>,
}

/// `[range(0, 10)]`.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Ranged {
    #[ndr(range(0, 10))]
    pub n: u32,
}

/// An embedded `[ref]` pointer.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct RefEmbedded {
    #[ndr(ref)]
    pub v: u32,
}

/// `[length_is(n)] unsigned short v[5]`: a varying array.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Varying5 {
    pub n: u32,
    #[ndr(length_is(n), with = codec::Varying<codec::Plain, 5>)]
    pub v: Vec<u16>,
}

/// A size_is naming a later field (as `SERVER_TRANSPORT_INFO_0` does).
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct LaterLen {
    #[ndr(unique, size_is(len))]
    pub data: Option<Vec<u8>>,
    pub len: u32,
}

/// Nested deferral: a referent that itself has an embedded pointer.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Outer {
    #[ndr(unique)]
    pub p: Option<Inner>,
    #[ndr(unique)]
    pub q: Option<u32>,
}

/// See [`Outer`].
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Inner {
    #[ndr(unique, string)]
    pub s: Option<String>,
}

/// An inline conformant-varying string as the last member (hoisted).
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct InlineName {
    pub id: u16,
    #[ndr(string)]
    pub name: String,
}

/// A request parameter list.
#[derive(Ndr, Debug, Clone, PartialEq)]
#[ndr(params)]
pub struct Req {
    #[ndr(string)]
    pub server: String,
    #[ndr(unique, string)]
    pub opt: Option<String>,
    pub level: u32,
    #[ndr(switch_is(level))]
    pub info: Small,
    #[ndr(unique)]
    pub resume: Option<u32>,
    #[ndr(range(0, 16))]
    pub count: u32,
    #[ndr(size_is(count))]
    pub data: Vec<u8>,
}

/// A response parameter list ending with a status.
#[derive(Ndr, Debug, Clone, PartialEq)]
#[ndr(params)]
pub struct Resp {
    pub sid: Sid,
    #[ndr(unique)]
    pub resume: Option<u32>,
    pub status: u32,
}

/// A `SHARE_INFO_502`-like structure for the throughput test.
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Info502 {
    #[ndr(unique, string)]
    pub netname: Option<String>,
    pub kind: u32,
    #[ndr(unique, string)]
    pub remark: Option<String>,
    pub permissions: u32,
    pub max_uses: u32,
    pub current_uses: u32,
    #[ndr(unique, string)]
    pub path: Option<String>,
    #[ndr(unique, string)]
    pub passwd: Option<String>,
    pub reserved: u32,
    #[ndr(unique, size_is(reserved))]
    pub security_descriptor: Option<Vec<u8>>,
}

/// Container for [`Info502`].
#[derive(Ndr, Debug, Clone, PartialEq)]
pub struct Info502Container {
    pub count: u32,
    #[ndr(unique, size_is(count))]
    pub buffer: Option<Vec<Info502>>,
}
