//! `delay-proxy`: TCP forwarders that add a fixed one-way delay in each direction, so the
//! many-servers workload can be run as if the servers were across a network and not on the
//! client's own loopback (this kernel has no `netem`).
//!
//! `delay-proxy --listen 127.0.2 --target 127.0.1 --count 100 --port 445 --delay-ms 10`
//! forwards `127.0.2.i:445` to `127.0.1.i:445` for i = 1..=100, delaying every chunk by 10 ms
//! each way (20 ms round trip); `--targets 127.0.0.1:P1,127.0.0.1:P2,...` instead of
//! `--target` forwards `127.0.2.i:445` to the i-th address given. Chunks keep their order and are delayed, not serialised: a
//! chunk read at t leaves at t + delay whatever came before it. Prints `ready` once every
//! address listens; runs until killed.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use clap::Parser;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::time::Instant;

#[derive(Parser, Debug)]
#[command(
    name = "delay-proxy",
    about = "TCP forwarders with a fixed one-way delay"
)]
struct Cli {
    /// First three octets of the listening addresses (`127.0.2`).
    #[arg(long)]
    listen: String,
    /// First three octets of the target addresses (`127.0.1`).
    #[arg(long, required_unless_present = "targets")]
    target: Option<String>,
    /// Explicit target addresses, one per listening address.
    #[arg(long, value_delimiter = ',', conflicts_with = "target")]
    targets: Vec<SocketAddr>,
    /// Addresses .1 to .count.
    #[arg(long)]
    count: u8,
    #[arg(long, default_value_t = 445)]
    port: u16,
    /// One-way delay in milliseconds (the round trip gets twice this).
    #[arg(long)]
    delay_ms: f64,
}

fn addr(net: &str, i: u8, port: u16) -> SocketAddr {
    let ip: Ipv4Addr = format!("{net}.{i}")
        .parse()
        .expect("an IPv4 address prefix like 127.0.2");
    SocketAddr::from((ip, port))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    let delay = Duration::from_secs_f64(cli.delay_ms / 1000.0);
    let mut listeners = Vec::new();
    for i in 1..=cli.count {
        let l = TcpListener::bind(addr(&cli.listen, i, cli.port)).await?;
        let target = match &cli.target {
            Some(net) => addr(net, i, cli.port),
            None => match cli.targets.get(usize::from(i) - 1) {
                Some(t) => *t,
                None => {
                    eprintln!(
                        "delay-proxy: --count {} but only {} --targets",
                        cli.count,
                        cli.targets.len()
                    );
                    std::process::exit(2);
                }
            },
        };
        listeners.push((l, target));
    }
    for (l, target) in listeners {
        tokio::spawn(async move {
            while let Ok((client, _)) = l.accept().await {
                tokio::spawn(forward(client, target, delay));
            }
        });
    }
    println!("ready");
    std::future::pending::<()>().await;
    Ok(())
}

async fn forward(client: TcpStream, target: SocketAddr, delay: Duration) {
    let Ok(server) = TcpStream::connect(target).await else {
        return;
    };
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (cr, cw) = client.into_split();
    let (sr, sw) = server.into_split();
    tokio::join!(pump(cr, sw, delay), pump(sr, cw, delay));
}

/// Read chunks from `from` and write each to `to` once `delay` has passed since it was read.
async fn pump(mut from: OwnedReadHalf, mut to: OwnedWriteHalf, delay: Duration) {
    let (tx, mut rx) = mpsc::unbounded_channel::<(Instant, Vec<u8>)>();
    let writer = async move {
        while let Some((due, chunk)) = rx.recv().await {
            tokio::time::sleep_until(due).await;
            if to.write_all(&chunk).await.is_err() {
                break;
            }
        }
        let _ = to.shutdown().await;
    };
    let reader = async move {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match from.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx
                        .send((Instant::now() + delay, buf[..n].to_vec()))
                        .is_err()
                    {
                        break;
                    }
                }
            }
        }
    };
    tokio::join!(reader, writer);
}
