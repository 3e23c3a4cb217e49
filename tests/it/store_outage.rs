//! A store that stops answering does not slow readers down: the server
//! reaches PostgreSQL through a TCP relay on 127.0.0.1 that the test can
//! cut, so packets stop as they would with a dead network (connections hang,
//! nothing is refused). Pages and translations in memory are then served
//! without waiting on the store, and `/readyz` says the store is down.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

use crate::support::{SLUG, TestServer, header};

/// A TCP relay to `upstream`: forwards while connected; once cut, open
/// connections and new ones hang (accepted, never answered), as behind a
/// network that drops packets.
struct Cable {
    port: u16,
    cut: Arc<AtomicBool>,
}

impl Cable {
    async fn to(upstream: std::net::SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let cut = Arc::new(AtomicBool::new(false));
        let flag = cut.clone();
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((client, _)) = listener.accept().await {
                if flag.load(Ordering::SeqCst) {
                    // Accepted and left unanswered.
                    held.push(client);
                    continue;
                }
                let flag = flag.clone();
                tokio::spawn(relay(client, upstream, flag));
            }
        });
        Self { port, cut }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
    }
}

/// Copies both ways until the cable is cut; then stops forwarding, so the
/// connection hangs without being closed.
async fn relay(client: TcpStream, upstream: std::net::SocketAddr, cut: Arc<AtomicBool>) {
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    tokio::join!(
        forward(client_read, server_write, cut.clone()),
        forward(server_read, client_write, cut),
    );
}

async fn forward(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    cut: Arc<AtomicBool>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match tokio::io::AsyncReadExt::read(&mut from, &mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if cut.load(Ordering::SeqCst) {
            // Swallowed: the other side waits for an answer forever.
            std::future::pending::<()>().await;
        }
        if to
            .write_all(buf.get(..n).unwrap_or_default())
            .await
            .is_err()
        {
            break;
        }
    }
}

/// The database URL with its host and port replaced by the cable's.
fn through(url: &str, port: u16) -> (String, std::net::SocketAddr) {
    let mut parsed = url::Url::parse(url).unwrap();
    let host = parsed.host_str().unwrap().to_owned();
    let upstream_port = parsed.port().unwrap_or(5432);
    let upstream: std::net::SocketAddr = format!("{host}:{upstream_port}").parse().unwrap();
    parsed.set_host(Some("127.0.0.1")).unwrap();
    parsed.set_port(Some(port)).unwrap();
    (parsed.to_string(), upstream)
}

/// With PostgreSQL out of reach, a page already rendered is served at once
/// (a client that gives up long before any store timeout still gets it),
/// and so is a translation already in memory through the API; `/readyz`
/// turns 503 while the store is down.
#[tokio::test]
async fn a_store_out_of_reach_does_not_slow_pages_already_in_memory() {
    let Some(db) = crate::store::TestDb::postgres().await else {
        return; // the skip is printed by TestDb
    };
    // The cable is made for the database's address before the server starts.
    let (_, upstream) = through(&db.url, 1);
    let cable = Cable::to(upstream).await;
    let (url, _) = through(&db.url, cable.port);
    let server = TestServer::start_with_env(&[("HONYAKU__STORE__URL", url.as_str())]).await;
    let page = format!("/en/{SLUG}");
    // Rendered once and cached; the API's text is in memory too (bundled).
    assert_eq!(server.get(&page).await.status(), 200);
    assert_eq!(server.get("/readyz").await.status(), 200);

    cable.cut();
    // Far below the store's own timeouts (connections wait seconds for a
    // dead server): if serving the page waited on the store, this would
    // time out.
    let quick = reqwest::Client::builder()
        .timeout(Duration::from_millis(1200))
        .build()
        .unwrap();
    for _ in 0..5 {
        let response = quick
            .get(server.url(&page))
            .send()
            .await
            .expect("the cached page is served without the store");
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "content-language"), "en");
        // Past the generation's poll interval: each request finds it due.
        tokio::time::sleep(honyaku::app::GENERATION_POLL).await;
    }
    // Readiness says so, after the store's short timeouts.
    let mut ready = 200;
    for _ in 0..10 {
        ready = server.get("/readyz").await.status().as_u16();
        if ready == 503 {
            break;
        }
    }
    assert_eq!(ready, 503, "/readyz while the store is out of reach");
    // Once the circuit is open, even what must read the store (a page not
    // rendered yet) answers without waiting for it.
    let response = quick
        .get(server.url("/ko/"))
        .send()
        .await
        .expect("answered without the store");
    assert_eq!(response.status(), 200);
    server.stop().await;
}
