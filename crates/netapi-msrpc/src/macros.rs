//! [`calls!`](crate::calls): an interface and its opnum table in one place.

/// Declares an RPC interface and its methods.
///
/// ```ignore
/// calls! {
///     /// The server service ([MS-SRVS]).
///     interface Srvsvc {
///         name: "srvsvc",
///         uuid: "4b324fc8-1670-01d3-1278-5a47bf6ee188",
///         version: (3, 0),
///         pipe: "srvsvc",
///         status: Win32,
///     }
///     15 => NetrShareEnum(NetrShareEnumRequest) -> NetrShareEnumResponse,
///     16 => NetrShareGetInfo(NetrShareGetInfoRequest) -> NetrShareGetInfoResponse,
/// }
/// ```
///
/// Emits:
/// * `pub struct Srvsvc;` implementing [`Interface`](crate::Interface);
/// * `impl Call for NetrShareEnumRequest` (opnum, name, interface, response);
/// * `impl Response for NetrShareEnumResponse`, reading its `status: u32`
///   field (every response declares its return value as `status`), in the
///   code space given by `status:` ([`StatusKind`](crate::StatusKind));
/// * `pub const OPNUMS: &[(u16, &str)]`, the table impacket calls `OPNUMS`.
///
/// Opnums must be listed in ascending order (a compile-time check), which
/// also rules out duplicates. `version: (major, minor)` is a tuple because
/// `v3.0` is one float token to `macro_rules!`.
#[macro_export]
macro_rules! calls {
    (
        $(#[$imeta:meta])*
        interface $iface:ident {
            name: $name:literal,
            uuid: $uuid:literal,
            version: ($major:literal, $minor:literal),
            pipe: $pipe:literal,
            status: $kind:ident $(,)?
        }
        $( $opnum:literal => $call:ident($req:ty) -> $resp:ty ),* $(,)?
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
                const STATUS_KIND: $crate::StatusKind = $crate::StatusKind::$kind;
                fn status(&self) -> u32 {
                    self.status
                }
            }
        )*
    };
}
