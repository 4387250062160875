//! [`calls!`](crate::calls): an interface and its opnum table in one place.

/// Declares an RPC interface and its methods (see `srvsvc/mod.rs` for a full
/// table).
///
/// ```
/// use netapi_msrpc::{Call, Interface, Response, StatusKind};
///
/// mod echo {
///     use netapi_ndr::Ndr;
///
///     /// Request.
///     #[derive(Ndr, Debug)]
///     #[ndr(params)]
///     pub struct PingRequest {
///         pub value: u32,
///     }
///     /// Response: the `[out]` parameters, then the status.
///     #[derive(Ndr, Debug)]
///     #[ndr(params)]
///     pub struct PingResponse {
///         pub value: u32,
///         pub status: u32,
///     }
///     /// Another request.
///     #[derive(Ndr, Debug)]
///     #[ndr(params)]
///     pub struct ListRequest {
///         pub resume: u32,
///     }
///     /// Its response.
///     #[derive(Ndr, Debug)]
///     #[ndr(params)]
///     pub struct ListResponse {
///         pub resume: u32,
///         pub status: u32,
///     }
///
///     netapi_msrpc::calls! {
///         /// An example interface.
///         interface Echo {
///             name: "echo",
///             uuid: "12345678-1234-abcd-ef00-0123456789ab",
///             version: (1, 0),
///             pipe: "echo",
///             status: Win32,
///         }
///         3 => Ping(PingRequest) -> PingResponse,
///         // A method of another code space, paging with STATUS_MORE_ENTRIES:
///         4 => List(ListRequest) -> ListResponse { kind: NtStatus, more: 0x105 },
///     }
/// }
///
/// assert_eq!(<echo::PingRequest as Call>::OPNUM, 3);
/// assert_eq!(<echo::PingRequest as Call>::NAME, "Ping");
/// assert_eq!(echo::Echo::PIPE, "echo");
/// assert_eq!(echo::OPNUMS, &[(3, "Ping"), (4, "List")]);
/// let r = echo::PingResponse { value: 7, status: 5 };
/// assert_eq!((r.status(), echo::PingResponse::STATUS_KIND), (5, StatusKind::Win32));
/// assert_eq!(echo::PingResponse::MORE_DATA, None);
/// assert_eq!(echo::ListResponse::STATUS_KIND, StatusKind::NtStatus);
/// assert_eq!(echo::ListResponse::MORE_DATA, Some(0x105));
/// ```
///
/// Emits (for the example):
/// * `pub struct Echo;` implementing [`Interface`](crate::Interface);
/// * `impl Call for PingRequest` (opnum, name, interface, response);
/// * `impl Response for PingResponse`, reading its `status: u32`
///   field (every response declares its return value as `status`), in the
///   code space given by `status:` ([`StatusKind`](crate::StatusKind));
/// * per method, optionally in braces after the response type (each key
///   optional; any other key is a compile error): `kind:` another code space than the interface's (netlogon
///   mixes NTSTATUS and Win32 methods), `more:` the status meaning "one page,
///   more follow" ([`Response::MORE_DATA`](crate::Response::MORE_DATA)),
///   `partial:` a partial-success status
///   ([`Response::PARTIAL`](crate::Response::PARTIAL));
/// * `pub const OPNUMS: &[(u16, &str)]`, the table impacket calls `OPNUMS`.
///
/// Opnums must be listed in ascending order (a compile-time check), which
/// also rules out duplicates. `version: (major, minor)` is a tuple because
/// `v3.0` is one float token to `macro_rules!`.
#[macro_export]
macro_rules! calls {
    (@kind $default:ident) => { $crate::StatusKind::$default };
    (@kind $default:ident kind $own:expr, $($rest:tt)*) => {{
        #[allow(unused_imports)]
        use $crate::StatusKind::*;
        $own
    }};
    (@kind $default:ident $key:ident $v:expr, $($rest:tt)*) => {
        $crate::calls!(@kind $default $($rest)*)
    };
    (@item kind $v:expr) => {};
    (@item more $v:expr) => { const MORE_DATA: Option<u32> = Some($v); };
    (@item partial $v:expr) => { const PARTIAL: Option<u32> = Some($v); };
    (
        $(#[$imeta:meta])*
        interface $iface:ident {
            name: $name:literal,
            uuid: $uuid:literal,
            version: ($major:literal, $minor:literal),
            pipe: $pipe:literal,
            status: $kind:ident $(,)?
        }
        $( $opnum:literal => $call:ident($req:ty) -> $resp:ty
            $( { $( $key:ident : $val:expr ),* $(,)? } )?
        ),* $(,)?
    ) => {
        $(#[$imeta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $iface;

        /// Every declared method as `(opnum, name)`, ascending by opnum.
        pub const OPNUMS: &[(u16, &str)] = &[ $( ($opnum, stringify!($call)) ),* ];

        const _: () = ::core::assert!(
            $crate::opnums_ascending(OPNUMS),
            "calls!: opnums must be listed in ascending order, without duplicates"
        );

        impl $crate::Interface for $iface {
            const SYNTAX: $crate::SyntaxId = $crate::SyntaxId::new($uuid, $major, $minor);
            const PIPE: &'static str = $pipe;
            const NAME: &'static str = $name;
            const OPNUMS: &'static [(u16, &'static str)] = OPNUMS;
        }

        $(
            impl $crate::Call for $req {
                const OPNUM: u16 = $opnum;
                const NAME: &'static str = stringify!($call);
                type Interface = $iface;
                type Response = $resp;
            }

            impl $crate::Response for $resp {
                const STATUS_KIND: $crate::StatusKind =
                    $crate::calls!(@kind $kind $($( $key $val, )*)?);
                $($( $crate::calls!(@item $key $val); )*)?
                fn status(&self) -> u32 {
                    self.status
                }
            }
        )*
    };
}
