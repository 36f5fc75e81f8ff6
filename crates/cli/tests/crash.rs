//! Once the receipt is shown, the application survives `kill -9` of the server at any moment.
//!
//! The real binary runs on SQLite (and on PostgreSQL when available). Citizens fill in drafts, then
//! send them all at once while the server is killed with SIGKILL after a varying delay. After a
//! restart, every application whose receipt redirect was answered must be there, exactly once.

#![allow(clippy::unwrap_used)]

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use velferd_testkit::{fill_in, Browser};

struct Server {
    child: Child,
    base: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start(database: &str, files: &std::path::Path) -> Server {
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_velferd"))
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}"), "--database", database, "--files"])
        .arg(files)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start velferd");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if client.get(format!("{base}/health")).send().await.is_ok_and(|r| r.status().is_success()) {
            return Server { child, base };
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("velferd did not start");
}

#[tokio::test]
async fn a_received_application_survives_kill_9() {
    for db in velferd_store::testing::all().await {
        let dir = velferd_store::testing::temp_dir();
        let mut confirmed: Vec<(String, String)> = Vec::new(); // (person, receipt path)
        for delay_ms in [2u64, 10, 25, 60, 150] {
            let mut server = start(&db.url, &dir.0.join("files")).await;
            // Eight citizens' finished drafts, ready to send.
            let names = ["Kari", "Ola", "Amina", "Jon"];
            let mut ready = Vec::new();
            for name in names.iter().cycle().take(8) {
                let mut b = Browser::new(&server.base, "nb");
                b.sign_in(name).await;
                let draft = fill_in(&mut b, "0301").await;
                b.get(&format!("/soknad/{draft}/oppsummering")).await;
                ready.push((name.to_string(), b, draft));
            }
            let sends: Vec<_> = ready
                .into_iter()
                .map(|(name, mut b, draft)| {
                    tokio::spawn(async move {
                        let page = b.try_post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
                        (name, page.and_then(|p| p.location))
                    })
                })
                .collect();
            // Kill at a different moment each round, from "immediately" to "after most are done".
            tokio::time::sleep(Duration::from_millis(delay_ms)).await;
            server.child.kill().expect("SIGKILL"); // std's kill() is SIGKILL on Unix.
            server.child.wait().ok();
            for s in sends {
                if let Ok((name, Some(location))) = s.await {
                    if location.starts_with("/kvittering/") {
                        confirmed.push((name, location));
                    }
                }
            }
        }
        // Restart: every receipt that was shown still opens for its owner.
        let mut server = start(&db.url, &dir.0.join("files")).await;
        for (name, receipt) in &confirmed {
            let mut b = Browser::new(&server.base, "nb");
            b.sign_in(name).await;
            let page = b.get(receipt).await;
            assert_eq!(page.status, reqwest::StatusCode::OK, "{}: receipt {receipt} of {name} lost after kill -9", db.label);
        }
        let store = velferd_store::Store::connect(&db.url).await.unwrap();
        let stored = store.count_applications().await.unwrap();
        assert!(!confirmed.is_empty(), "{}: no send finished before the kills; the test proved nothing", db.label);
        assert!(stored as usize >= confirmed.len(), "{}: {stored} stored < {} confirmed", db.label, confirmed.len());
        eprintln!("{}: {} receipts confirmed before kill -9, {stored} applications stored", db.label, confirmed.len());
        server.child.kill().ok();
        server.child.wait().ok();
    }
}
