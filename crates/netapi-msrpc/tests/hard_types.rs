//! The hardest types of the coming interface families, proven before the
//! families are built: [MS-SAMR] 2.2.6.6 `SAMPR_USER_ALL_INFORMATION` behind
//! 2.2.6.29 `SAMPR_USER_INFO_BUFFER`, SID arrays and context handles
//! ([`netapi_msrpc::samr`]); [MS-LSAT] 2.2 SID lookup structures
//! ([`netapi_msrpc::lsarpc`]); [MS-WKST] 2.2.4.1 `WKSTA_INFO` with
//! `WKSTA_INFO_1xx/502` ([`netapi_msrpc::wkssvc`]); [MS-DTYP] `RPC_SID`,
//! `RPC_UNICODE_STRING`.
//!
//! `golden`: vectors captured from Samba 4.17 decode, re-encode and fail
//! cleanly when cut short; `roundtrip`: hand-built values and hostile input.

mod common;
#[path = "hard_types/golden.rs"]
mod golden;
#[path = "hard_types/roundtrip.rs"]
mod roundtrip;

use netapi_msrpc::{Call, Interface, lsarpc, samr, wkssvc};

/// The call tables tie each request to its opnum,
/// response and pipe, as srvsvc's do.
#[test]
fn call_tables_name_opnums_and_pipes() {
    assert_eq!(<samr::SamrQueryInformationUser2Request as Call>::OPNUM, 47);
    assert_eq!(<samr::SamrOpenUserRequest as Call>::NAME, "SamrOpenUser");
    assert_eq!(samr::Samr::PIPE, "samr");
    assert_eq!(<lsarpc::LsarLookupSidsRequest as Call>::OPNUM, 15);
    assert_eq!(lsarpc::Lsarpc::opnum_name(14), Some("LsarLookupNames"));
    assert_eq!(<wkssvc::NetrWkstaGetInfoRequest as Call>::OPNUM, 0);
    assert_eq!(
        (wkssvc::Wkssvc::SYNTAX.major, wkssvc::Wkssvc::SYNTAX.minor),
        (1, 0)
    );
}
