//! Connections that never finish their request are closed within the header timeout, kept-alive
//! connections that go quiet too, and while slow clients hold every ordinary connection `/health`
//! still answers (anything else gets 503 with Retry-After rather than waiting). Both databases
//! (`/health` asks the database).

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use velferd_testkit::TestApp;
use velferd_web::{Config, ServerLimits};

const HEADER_TIMEOUT: Duration = Duration::from_millis(1000);
const MAX: usize = 12;
const RESERVE: usize = 4;

fn addr(app: &TestApp) -> String {
    app.base.trim_start_matches("http://").to_owned()
}

/// Waits until the server closes `stream` (end of file or reset) and says how long that took;
/// `None` if it is still open after `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(limit.saturating_sub(start.elapsed()), stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(start.elapsed()),
            Ok(Ok(_)) => continue,
        }
    }
}

/// One request on its own connection (no pool), as a load balancer's health check makes it.
async fn fresh_get(app: &TestApp, path: &str) -> reqwest::Response {
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).timeout(Duration::from_secs(5)).build().unwrap();
    client.get(format!("{}{path}", app.base)).send().await.expect("an answer")
}

#[tokio::test]
async fn slow_connections_are_closed_and_health_answers_while_they_are_open() {
    for db in velferd_store::testing::all().await {
        let limits = ServerLimits { max_connections: MAX, health_reserve: RESERVE, header_timeout: HEADER_TIMEOUT, idle_timeout: Duration::from_secs(5) };
        let app = TestApp::spawn_with(db, Config { demo: true, server: limits, ..Config::default() }).await;
        let label = app.db.label;

        // Slow clients take every ordinary connection, each with half a request line.
        let mut slow = Vec::new();
        for _ in 0..MAX - RESERVE {
            let mut s = TcpStream::connect(addr(&app)).await.unwrap();
            s.write_all(b"GET /soknad HT").await.unwrap();
            slow.push(s);
        }
        let opened = Instant::now();
        tokio::time::sleep(Duration::from_millis(100)).await;

        // While they are open, a health check answers at once, and a page says busy, come back.
        let asked = Instant::now();
        let health = fresh_get(&app, "/health").await;
        assert_eq!(health.status(), StatusCode::OK, "{label}");
        assert!(opened.elapsed() < HEADER_TIMEOUT, "{label}: answered while the slow connections were open ({:?})", asked.elapsed());
        let page = fresh_get(&app, "/").await;
        assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE, "{label}");
        assert_eq!(page.headers()["retry-after"], "5");

        // Each slow connection is closed by the header timeout, not long after.
        for s in &mut slow {
            let took = closed_within(s, Duration::from_secs(5)).await;
            assert!(took.is_some(), "{label}: a connection that never finished its request is still open after 5 s");
        }
        assert!(opened.elapsed() < HEADER_TIMEOUT + Duration::from_millis(1500), "{label}: closed within the header timeout ({:?})", opened.elapsed());

        // With their slots free, pages answer again.
        assert_eq!(fresh_get(&app, "/").await.status(), StatusCode::OK, "{label}");

        // A client that trickles its request line a byte at a time gets no longer.
        let mut trickle = TcpStream::connect(addr(&app)).await.unwrap();
        let started = Instant::now();
        let mut closed = false;
        for byte in b"GET /soknad HTTP/1.1\r\nHost: x\r\n".iter().cycle().take(200) {
            if trickle.write_all(&[*byte]).await.is_err() {
                closed = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            if started.elapsed() > Duration::from_secs(4) {
                break;
            }
        }
        assert!(closed || closed_within(&mut trickle, Duration::from_millis(500)).await.is_some(), "{label}: a trickling request is cut off");
        assert!(started.elapsed() < HEADER_TIMEOUT + Duration::from_millis(1500), "{label}: after the header timeout ({:?})", started.elapsed());

        // A kept-alive connection that goes quiet after its answer is closed too.
        let mut quiet = TcpStream::connect(addr(&app)).await.unwrap();
        quiet.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        let mut buf = [0u8; 4096];
        let n = quiet.read(&mut buf).await.unwrap();
        assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"), "{label}");
        let idle = closed_within(&mut quiet, Duration::from_secs(4)).await;
        assert!(idle.is_some_and(|t| t < HEADER_TIMEOUT + Duration::from_millis(1000)), "{label}: an idle kept-alive connection closed after {idle:?}");
    }
}

#[tokio::test]
async fn more_clients_than_connections_are_each_answered_never_left_hanging() {
    for db in velferd_store::testing::all().await {
        let limits = ServerLimits { max_connections: 6, health_reserve: 2, header_timeout: Duration::from_secs(2), idle_timeout: Duration::from_secs(5) };
        let app = TestApp::spawn_with(db, Config { demo: true, server: limits, ..Config::default() }).await;
        let label = app.db.label;
        // Forty pages and forty health checks at once, each on its own connection: pages are
        // served or told to come back (503, Retry-After), health checks are answered; none hangs.
        let mut tasks = Vec::new();
        for i in 0..80 {
            let path = if i % 2 == 0 { "/" } else { "/health" };
            let url = format!("{}{path}", app.base);
            tasks.push(tokio::spawn(async move {
                let client = reqwest::Client::builder().pool_max_idle_per_host(0).timeout(Duration::from_secs(20)).build().unwrap();
                (path, client.get(url).send().await.map(|r| r.status()))
            }));
        }
        let mut served = 0;
        for t in tasks {
            let (path, status) = t.await.unwrap();
            let status = status.unwrap_or_else(|e| panic!("{label}: {path} not answered: {e}"));
            match (path, status) {
                ("/health", s) => assert_eq!(s, StatusCode::OK, "{label}"),
                (_, StatusCode::OK) => served += 1,
                (_, s) => assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE, "{label}"),
            }
        }
        // How many pages find a free place depends on how fast the machine is at that moment (on
        // a loaded one most arrive while four are in hand); none served would be the fault.
        assert!(served >= 1, "{label}: pages were served ({served})");
    }
}
