//! Wire types of [MS-WKST] (`netapi_msrpc::wkssvc`) to and from the public info levels, field by
//! field ([`fields!`]), and the level dispatch ([`wire_levels!`]). `WKSTA_INFO_502`'s
//! `max_threads` is not in pywin32's layout: dropped on read, zero on write.

use netapi_msrpc::wkssvc as w;

use crate::info as i;
use crate::rpc::levels::{fields, wire_levels};

fields! {
    w::WkstaInfo100 <=> i::WkstaInfo100 {
        platform_id: copy, computername: str, langroup: str, ver_major: copy, ver_minor: copy,
    }
    w::WkstaInfo101 <=> i::WkstaInfo101 {
        platform_id: copy, computername: str, langroup: str, ver_major: copy, ver_minor: copy,
        lanroot: str,
    }
    w::WkstaInfo102 <=> i::WkstaInfo102 {
        platform_id: copy, computername: str, langroup: str, ver_major: copy, ver_minor: copy,
        lanroot: str, logged_on_users: copy,
    }
    w::WkstaInfo502 <=> i::WkstaInfo502 {
        char_wait: copy, collection_time: copy, maximum_collection_count: copy, keep_conn: copy,
        max_cmds: copy, sess_timeout: copy, siz_char_buf: copy, lock_quota: copy,
        lock_increment: copy, lock_maximum: copy, pipe_increment: copy, pipe_maximum: copy,
        cache_file_timeout: copy, dormant_file_limit: copy, read_ahead_throughput: copy,
        num_mailslot_buffers: copy, num_srv_announce_buffers: copy,
        max_illegal_datagram_events: copy, illegal_datagram_event_reset_frequency: copy,
        log_election_packets: bool, use_opportunistic_locking: bool, use_unlock_behind: bool,
        use_close_behind: bool, buf_named_pipes: bool, use_lock_read_unlock: bool,
        utilize_nt_caching: bool, use_raw_read: bool, use_raw_write: bool,
        use_write_raw_data: bool, use_encryption: bool, buf_files_deny_write: bool,
        buf_read_only_files: bool, force_core_create_mode: bool,
        use_512_byte_max_transfer: bool,
    }
    w::WkstaInfo1013 <=> i::WkstaInfo1013 { keep_conn: copy }
    w::WkstaInfo1018 <=> i::WkstaInfo1018 { sess_timeout: copy }
    w::WkstaInfo1046 <=> i::WkstaInfo1046 { dormant_file_limit: copy }

    w::WkstaUserInfo0 => i::WkstaUserInfo0 { username: str }
    w::WkstaUserInfo1 => i::WkstaUserInfo1 {
        username: str, logon_domain: str, oth_domains: str, logon_server: str,
    }
    w::WkstaTransportInfo0 <=> i::WkstaTransportInfo0 {
        quality_of_service: copy, number_of_vcs: copy, transport_name: str,
        transport_address: str, wan_ish: bool,
    }

    w::UseInfo0 <=> i::UseInfo0 { local: str, remote: str }
    w::UseInfo1 <=> i::UseInfo1 {
        local: str, remote: str, password: secret, status: copy, asg_type: id, refcount: copy,
        usecount: copy,
    }
    w::UseInfo2 <=> i::UseInfo2 {
        local: str, remote: str, password: secret, status: copy, asg_type: id, refcount: copy,
        usecount: copy, username: str, domainname: str,
    }
    w::UseInfo3 <=> i::UseInfo3 {
        local: str, remote: str, password: secret, status: copy, asg_type: id, refcount: copy,
        usecount: copy, username: str, domainname: str, flags: copy,
    }

    w::StatWorkstation0 => i::StatWorkstation0 {
        StatisticsStartTime: hyper, BytesReceived: hyper, SmbsReceived: hyper,
        PagingReadBytesRequested: hyper, NonPagingReadBytesRequested: hyper,
        CacheReadBytesRequested: hyper, NetworkReadBytesRequested: hyper,
        BytesTransmitted: hyper, SmbsTransmitted: hyper, PagingWriteBytesRequested: hyper,
        NonPagingWriteBytesRequested: hyper, CacheWriteBytesRequested: hyper,
        NetworkWriteBytesRequested: hyper, InitiallyFailedOperations: copy,
        FailedCompletionOperations: copy, ReadOperations: copy, RandomReadOperations: copy,
        ReadSmbs: copy, LargeReadSmbs: copy, SmallReadSmbs: copy, WriteOperations: copy,
        RandomWriteOperations: copy, WriteSmbs: copy, LargeWriteSmbs: copy,
        SmallWriteSmbs: copy, RawReadsDenied: copy, RawWritesDenied: copy, NetworkErrors: copy,
        Sessions: copy, FailedSessions: copy, Reconnects: copy, CoreConnects: copy,
        Lanman20Connects: copy, Lanman21Connects: copy, LanmanNtConnects: copy,
        ServerDisconnects: copy, HungSessions: copy, UseCount: copy, FailedUseCount: copy,
        CurrentCommands: copy,
    }
}

wire_levels! {
    union i::WkstaInfo <=> w::WkstaInfo { L100, L101, L102, L502, L1013, L1018, L1046 }
    entries i::WkstaUserInfo <= w::WkstaUserEnumUnion { L0, L1 }
    entries i::WkstaTransportInfo <= w::WkstaTransportEnumUnion { L0 }
    union i::UseInfo <=> w::UseInfo { L0, L1, L2, L3 }
    entries i::UseInfo <= w::UseEnumUnion { L0, L1, L2 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rpc::levels::{FromWire, ToWire};

    #[test]
    fn level_502_drops_max_threads_and_reads_bools() {
        let wire = w::WkstaInfo502 {
            max_threads: 17,
            keep_conn: 600,
            use_encryption: 1,
            ..Default::default()
        };
        let public = i::WkstaInfo502::from(wire);
        assert_eq!((public.keep_conn, public.use_encryption), (600, true));
        let back = w::WkstaInfo502::from(&public);
        assert_eq!(
            (back.max_threads, back.keep_conn, back.use_encryption),
            (0, 600, 1)
        );
    }

    #[test]
    fn a_use_password_is_sent_and_a_null_arm_reads_as_zero() {
        let u = i::UseInfo::L2(i::UseInfo2 {
            remote: Some("\\\\s\\IPC$".into()),
            password: Some("pw".into()),
            asg_type: i::USE_IPC,
            ..Default::default()
        });
        let w::UseInfo::L2(Some(wire)) = u.to_wire() else {
            panic!("level 2")
        };
        assert_eq!(wire.password.as_deref(), Some("pw"));
        assert_eq!(wire.asg_type, w::UseAsgType::USE_IPC);
        assert_eq!(
            i::UseInfo::from_wire(w::UseInfo::L0(None)),
            Some(i::UseInfo::L0(i::UseInfo0::default()))
        );
    }
}
