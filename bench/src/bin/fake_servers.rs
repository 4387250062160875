//! `fake-servers --count N`: N scripted SMB2 + srvsvc servers (`netapi-testkit`'s peer: NTLM,
//! signed sessions, a [MS-SRVS] responder) on `127.0.0.1`, for the many-servers workload when
//! the client, not Samba, should be what bounds it: Samba spends ~11 ms of CPU per new
//! connection, and on one 2-core machine 100 such "servers" share the client's cores.
//!
//! Prints `ports P1,P2,...` and `account DOMAIN\user PASSWORD` once every server listens; runs
//! until killed.

use clap::Parser;
use netapi_testkit::peer::srvsvc::{SRVSVC, Server, Srvsvc};
use netapi_testkit::peer::{Peer, PeerConfig, default_account};

#[derive(Parser, Debug)]
#[command(
    name = "fake-servers",
    about = "scripted SMB2 + srvsvc servers for the many-servers workload"
)]
struct Cli {
    /// How many servers.
    #[arg(long)]
    count: usize,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let cli = Cli::parse();
    let mut peers = Vec::with_capacity(cli.count);
    for _ in 0..cli.count {
        let srv = Srvsvc::new(Server::windows());
        let cfg = PeerConfig::rpc()
            .interface("srvsvc", SRVSVC, move |opnum, stub| srv.answer(opnum, stub));
        peers.push(Peer::start(cfg).await);
    }
    let ports: Vec<String> = peers.iter().map(|p| p.port().to_string()).collect();
    let a = default_account();
    println!("ports {}", ports.join(","));
    println!("account {}\\{} {}", a.domain, a.user, a.password);
    std::future::pending::<()>().await;
}
