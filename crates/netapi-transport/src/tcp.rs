//! `ncacn_ip_tcp` ([MS-RPCE] 2.1.1.1): DCE/RPC PDUs straight on a TCP stream.
//!
//! [`TcpIo`] implements [`RpcIo`]: a deadline on connect and on every write and read,
//! TCP_NODELAY, one `write_all` per PDU handed to it, reads into a fixed buffer (PDU
//! boundaries and sizes are the association's business). [`bind_tcp`] asks the endpoint mapper
//! for the interface's dynamic port, connects and binds. Left out: IPv6 towers, RPC over HTTP.

use crate::epmap;
use crate::rpc::RpcClient;
use crate::{Error, RpcIo};
use netapi_dcerpc::{AuthConfig, SyntaxId};
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// Fragment size we offer on TCP (what Windows offers).
pub const TCP_FRAG_SIZE: u16 = 5840;

/// Socket settings.
#[derive(Debug, Clone)]
pub struct TcpOptions {
    /// Deadline for the TCP handshake.
    pub connect_timeout: Duration,
    /// Deadline for each write and for each wait for data.
    pub io_timeout: Duration,
    /// Size of the read buffer: the most one [`RpcIo::recv`] returns.
    pub read_buffer: usize,
    /// `max_xmit_frag` / `max_recv_frag` offered in the bind.
    pub frag_size: u16,
}

impl Default for TcpOptions {
    fn default() -> Self {
        TcpOptions {
            connect_timeout: Duration::from_secs(10),
            io_timeout: Duration::from_secs(30),
            read_buffer: 64 * 1024,
            frag_size: TCP_FRAG_SIZE,
        }
    }
}

/// A connected `ncacn_ip_tcp` stream.
#[derive(Debug)]
pub struct TcpIo {
    stream: TcpStream,
    peer: SocketAddr,
    opts: TcpOptions,
    buf: Vec<u8>,
}

impl TcpIo {
    /// Connects to `addr` within `opts.connect_timeout` and sets TCP_NODELAY.
    pub async fn connect(addr: SocketAddr, opts: TcpOptions) -> Result<TcpIo, Error> {
        let after = opts.connect_timeout;
        let stream = timeout(after, TcpStream::connect(addr))
            .await
            .map_err(|_| Error::Timeout {
                op: "connect",
                after,
            })?
            .map_err(|source| Error::Io {
                op: "connect",
                source,
            })?;
        stream.set_nodelay(true).map_err(|source| Error::Io {
            op: "set TCP_NODELAY",
            source,
        })?;
        let buf = vec![0; opts.read_buffer.max(1)];
        Ok(TcpIo {
            stream,
            peer: addr,
            opts,
            buf,
        })
    }

    /// The address connected to.
    pub fn peer_addr(&self) -> SocketAddr {
        self.peer
    }

    /// Whether TCP_NODELAY is set on the socket (it always is after [`TcpIo::connect`]).
    pub fn nodelay(&self) -> bool {
        self.stream.nodelay().unwrap_or(false)
    }

    /// The options in use.
    pub fn options(&self) -> &TcpOptions {
        &self.opts
    }
}

impl RpcIo for TcpIo {
    async fn transceive(&mut self, data: &[u8]) -> Result<Vec<u8>, Error> {
        self.send(data).await?;
        self.recv().await
    }

    async fn send(&mut self, data: &[u8]) -> Result<(), Error> {
        let after = self.opts.io_timeout;
        timeout(after, self.stream.write_all(data))
            .await
            .map_err(|_| Error::Timeout { op: "write", after })?
            .map_err(|source| Error::Io {
                op: "write",
                source,
            })
    }

    async fn recv(&mut self) -> Result<Vec<u8>, Error> {
        let after = self.opts.io_timeout;
        let n = timeout(after, self.stream.read(&mut self.buf))
            .await
            .map_err(|_| Error::Timeout { op: "read", after })?
            .map_err(|source| Error::Io { op: "read", source })?;
        if n == 0 {
            return Err(Error::Disconnected);
        }
        Ok(self.buf[..n].to_vec())
    }

    fn preferred_frag_size(&self) -> u16 {
        self.opts.frag_size
    }
}

/// Looks up the TCP port of `interfaces[0]` with the endpoint mapper on `ip`, connects and
/// binds all `interfaces` (one presentation context each) with `auth`.
pub async fn bind_tcp(
    ip: IpAddr,
    interfaces: &[SyntaxId],
    auth: Option<AuthConfig>,
    opts: TcpOptions,
) -> Result<RpcClient<TcpIo>, Error> {
    let first = interfaces
        .first()
        .ok_or_else(|| Error::Usage("no interface to bind".into()))?;
    let port = epmap::resolve_tcp_port(ip, first, opts.clone()).await?;
    let io = TcpIo::connect(SocketAddr::new(ip, port), opts).await?;
    RpcClient::bind(io, interfaces, auth).await
}
