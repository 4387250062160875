//! TcpIo against loopback listeners: deadlines, disconnects, bounded reads, TCP_NODELAY, and the
//! RPC client reading a bind_ack that arrives one byte per TCP segment.

use netapi_dcerpc::pdu::*;
use netapi_dcerpc::{NDR20, SyntaxId};
use netapi_transport::rpc::RpcClient;
use netapi_transport::tcp::{TcpIo, TcpOptions};
use netapi_transport::{Error, RpcIo};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const SAMR: SyntaxId = <netapi_msrpc::samr::Samr as netapi_msrpc::Interface>::SYNTAX;

fn quick() -> TcpOptions {
    TcpOptions {
        io_timeout: Duration::from_millis(300),
        read_buffer: 1000,
        ..TcpOptions::default()
    }
}

#[tokio::test]
async fn timeout_disconnect_and_bounded_reads() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut s, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 4];
        s.read_exact(&mut buf).await.unwrap();
        s.write_all(&[7u8; 10_000]).await.unwrap();
        s.read_exact(&mut buf).await.unwrap(); // then say nothing until the client gives up
        tokio::time::sleep(Duration::from_millis(600)).await;
        drop(s);
    });
    let mut io = TcpIo::connect(addr, quick()).await.unwrap();
    assert!(io.nodelay());
    assert_eq!(io.preferred_frag_size(), 5840);
    let mut got = io.transceive(b"ping").await.unwrap();
    assert!(
        got.len() <= 1000,
        "read of {} bytes past the buffer",
        got.len()
    );
    while got.len() < 10_000 {
        let more = io.recv().await.unwrap();
        assert!(more.len() <= 1000);
        got.extend(more);
    }
    let err = io.transceive(b"more").await.unwrap_err();
    assert!(matches!(err, Error::Timeout { op: "read", .. }), "{err}");
    server.await.unwrap();
    let err = io.recv().await.unwrap_err();
    assert!(matches!(err, Error::Disconnected), "{err}");
}

#[tokio::test]
async fn connection_refused_is_an_io_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let err = TcpIo::connect(addr, quick()).await.unwrap_err();
    assert!(matches!(err, Error::Io { op: "connect", .. }), "{err}");
}

#[tokio::test]
async fn bind_ack_in_one_byte_segments() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut s, _) = listener.accept().await.unwrap();
        s.set_nodelay(true).unwrap();
        let mut hdr = [0u8; 16];
        s.read_exact(&mut hdr).await.unwrap();
        let len = u16::from_le_bytes([hdr[8], hdr[9]]) as usize;
        let mut rest = vec![0u8; len - 16];
        s.read_exact(&mut rest).await.unwrap();
        let bind = Pdu::decode(&[&hdr[..], &rest].concat()).unwrap();
        let Body::Bind(b) = bind.body else { panic!() };
        let ack = Pdu::new(
            bind.header.call_id,
            PfcFlags::FIRST_FRAG | PfcFlags::LAST_FRAG,
            Body::BindAck(BindAck {
                max_xmit_frag: 5840,
                max_recv_frag: 5840,
                assoc_group_id: 1,
                secondary_address: b"1234\0".to_vec(),
                results: b
                    .contexts
                    .iter()
                    .map(|c| ContextResult {
                        result: if c.transfer_syntaxes[0] == NDR20 {
                            ResultCode::ACCEPTANCE
                        } else {
                            ResultCode::PROVIDER_REJECTION
                        },
                        reason: 0,
                        transfer_syntax: if c.transfer_syntaxes[0] == NDR20 {
                            NDR20
                        } else {
                            c.transfer_syntaxes[0]
                        },
                    })
                    .collect(),
            }),
        )
        .encode()
        .unwrap();
        for byte in ack {
            s.write_all(&[byte]).await.unwrap();
            s.flush().await.unwrap();
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        // Stay until the client is done.
        let mut sink = Vec::new();
        let _ = s.read_to_end(&mut sink).await;
    });
    let io = TcpIo::connect(addr, TcpOptions::default()).await.unwrap();
    let client = RpcClient::bind(io, &[SAMR], None).await.unwrap();
    assert_eq!(client.context(&SAMR), Some(0));
    assert_eq!(
        client.association().negotiated().unwrap().features,
        Some(netapi_dcerpc::BindTimeFeatures(0))
    );
    drop(client);
    server.await.unwrap();
}
