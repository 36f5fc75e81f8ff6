//! Several `velferd serve` processes on one PostgreSQL database and one file store (S3 on a moto
//! server, or a shared folder without moto) behave as one server: two real processes, started at
//! the same moment as a deployment starts them, behind no load balancer, with a citizen's and a
//! case system's requests going to either.
//!
//! - a session made on A works on B, and signing out on B ends it on A;
//! - an application filled in step by step on both and sent via A opens on B, and B's API lists it
//!   and its change feed reports it;
//! - the sign-in rate limit (300 per address in ten minutes) counts the requests to both;
//! - the audit chain both wrote verifies, with the checkpoints both signed into one folder.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use velferd_store::testing::{self, s3, temp_dir};
use velferd_testkit::case_system::{Body, CaseSystem};
use velferd_testkit::{Browser, STEPS};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The binary with the given environment (the S3 settings) and none of the caller's AWS_* settings.
fn velferd(settings: &[(&str, String)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_velferd"));
    for (name, _) in std::env::vars().filter(|(k, _)| k.starts_with("AWS_") || k.starts_with("VELFERD_AUDIT") || k == "VELFERD_FILES") {
        command.env_remove(name);
    }
    command.envs(settings.iter().map(|(k, v)| (k, v)));
    command
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

struct Server {
    child: Child,
    base: String,
    log: std::path::PathBuf,
}

/// A test that fails midway leaves no server running.
impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Server {
    /// Stops the server as a service manager does (SIGTERM), so it signs its last checkpoint.
    fn stop(mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        for _ in 0..200 {
            if self.child.try_wait().unwrap().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{} did not stop on SIGTERM: {}", self.base, std::fs::read_to_string(&self.log).unwrap_or_default());
    }
}

/// Starts `velferd serve --demo` on a free port; its log goes to `log`.
fn start(settings: &[(&str, String)], database: &str, files: &str, audit_key: &Path, checkpoints: &Path, log: std::path::PathBuf) -> Server {
    let port = free_port();
    let child = velferd(settings)
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}"), "--database", database, "--files", files])
        .arg("--audit-key")
        .arg(audit_key)
        .arg("--audit-checkpoints")
        .arg(checkpoints)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    Server { child, base: format!("http://127.0.0.1:{port}"), log }
}

/// Waits until the server answers `/health` (both start at once, so they race for the migrations
/// and the demo data).
async fn wait_until_up(server: &mut Server) {
    let client = reqwest::Client::new();
    for _ in 0..1200 {
        if client.get(format!("{}/health", server.base)).send().await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        if let Some(status) = server.child.try_wait().unwrap() {
            panic!("{} stopped ({status}) at start:\n{}", server.base, std::fs::read_to_string(&server.log).unwrap_or_default());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{} did not start:\n{}", server.base, std::fs::read_to_string(&server.log).unwrap_or_default());
}

#[tokio::test]
async fn two_servers_on_one_database_and_one_file_store_behave_as_one() {
    let Some(db) = testing::postgres().await else { return };
    let dir = temp_dir();
    let s3 = s3::server();
    let (files, settings) = match &s3 {
        Some(s3) => (format!("s3://{}/kommune", s3::BUCKET), s3.settings()),
        None => (dir.0.join("files").display().to_string(), Vec::new()),
    };
    let key_file = dir.0.join("audit.key");
    let checkpoints = dir.0.join("checkpoints");
    let out = velferd(&settings).args(["admin", "audit-key", "create", "--to"]).arg(&key_file).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));

    let mut a = start(&settings, &db.url, &files, &key_file, &checkpoints, dir.0.join("a.log"));
    let mut b = start(&settings, &db.url, &files, &key_file, &checkpoints, dir.0.join("b.log"));
    wait_until_up(&mut a).await;
    wait_until_up(&mut b).await;

    let out = velferd(&settings).args(["admin", "api-key", "create", "--kommune", "0301", "--name", "Oslo fagsystem", "--database", &db.url, "--files", &files]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let api_key = String::from_utf8_lossy(&out.stdout).lines().find_map(|l| l.strip_prefix("key: ")).unwrap().trim().to_owned();

    // Kari signs in on A; her session works on B (cookies do not tell ports apart, as a browser
    // behind a load balancer would not see two servers).
    let mut kari = Browser::new(&a.base, "nb");
    kari.sign_in("Kari").await;
    kari.base = b.base.clone();
    let page = kari.get("/soknad").await;
    assert_eq!(page.status, StatusCode::OK, "signed in on A, refused on B: {:?}", page.location);

    // She fills in the application one step here, the next there, and sends it via A.
    let draft = kari.start("0301").await;
    for (n, (step, fields)) in STEPS.iter().enumerate() {
        kari.base = if n % 2 == 0 { a.base.clone() } else { b.base.clone() };
        kari.step(&draft, step, fields).await;
    }
    kari.base = a.base.clone();
    kari.get(&format!("/soknad/{draft}/oppsummering")).await;
    let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let receipt = sent.location.clone().filter(|l| l.starts_with("/kvittering/")).unwrap_or_else(|| panic!("no receipt: {} {}", sent.status, sent.body));
    let id = receipt.trim_start_matches("/kvittering/").to_owned();
    kari.base = b.base.clone();
    assert_eq!(kari.get(&receipt).await.status, StatusCode::OK, "the receipt from A opens on B");

    // The case system asks B: the application sent via A is new, and the change feed has it.
    let oslo = CaseSystem::connect(&b.base, &api_key).await;
    assert!(oslo.all_new(50).await.contains(&id), "B's API lists the application sent via A");
    let (status, feed) = oslo.call("listChanges", None, &[], None).await;
    assert_eq!(status, StatusCode::OK, "{feed}");
    assert!(feed.to_string().contains(&id), "B's change feed reports the application sent via A: {feed}");
    let (status, application) = oslo.call("getApplication", Some(&id), &[], None).await;
    assert_eq!(status, StatusCode::OK, "{application}");
    let oslo_a = CaseSystem::connect(&a.base, &api_key).await;
    let (status, _) = oslo_a.call("acknowledgeApplication", Some(&id), &[], None).await;
    assert!(status.is_success(), "acknowledged on A: {status}");
    assert!(!oslo.all_new(50).await.contains(&id), "acknowledged on A, no longer new on B");

    // A letter filed via A (its PDF in the shared file store) opens for Kari on B.
    let letter_pdf = velferd_documents::render(&velferd_documents::Document {
        title: "Vedtak".into(),
        language: "nb".into(),
        intro: vec!["Du får hjelp.".into()],
        sections: vec![],
        footer: "Oslo".into(),
        page_label: "{page}/{pages}".into(),
    })
    .unwrap();
    let filed = oslo_a.send("uploadLetter", &[("id", &id)], &[("tittel", "Vedtak".into())], Body::Pdf(letter_pdf)).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.json);
    let letter = filed.json["id"].as_str().unwrap();
    let opened = kari.client.get(format!("{}/mine-soknader/{id}/brev/{letter}", b.base)).send().await.unwrap();
    assert_eq!(opened.status(), StatusCode::OK);
    // A stores the letter rewritten (plain pages), named by its SHA-256 in the href.
    let stored_sha = filed.json["href"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
    let bytes = opened.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-") && velferd_store::files::sha256_hex(&bytes) == stored_sha, "B serves the letter A stored");

    // Both servers audit at the same moment, into one chain (checked at the end).
    let (oslo, oslo_a) = (std::sync::Arc::new(oslo), std::sync::Arc::new(oslo_a));
    let reads: Vec<_> = (0..40)
        .map(|n| {
            let client = if n % 2 == 0 { oslo.clone() } else { oslo_a.clone() };
            let id = id.clone();
            tokio::spawn(async move { client.call("getApplication", Some(&id), &[], None).await.0 })
        })
        .collect();
    for read in reads {
        assert_eq!(read.await.unwrap(), StatusCode::OK);
    }

    // Signing out on B ends the session on A too.
    kari.get("/soknad").await;
    let out = kari.post("/logg-ut", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER, "sign-out: {}", out.body);
    kari.base = a.base.clone();
    let page = kari.get("/soknad").await;
    assert_ne!(page.status, StatusCode::OK, "signed out on B, still signed in on A");

    // The sign-in limit counts one address's sign-ins on both servers. It is a fixed window of
    // ten minutes: start in a fresh one if this one is about to end.
    let window_ms = 600_000;
    let left = window_ms - velferd_web::now_ms().rem_euclid(window_ms);
    // Kari's sign-in above counted in this window; not in the next.
    let mut hits = 1;
    if left < 60_000 {
        tokio::time::sleep(Duration::from_millis(u64::try_from(left).unwrap() + 100)).await;
        hits = 0;
    }
    let window = velferd_web::now_ms().div_euclid(window_ms);
    let mut visitor = Browser::new(&a.base, "nb");
    visitor.get("/logg-inn").await;
    let fnr = "not a number";
    let mut refused_at = None;
    while hits < 400 {
        hits += 1;
        visitor.base = if hits % 2 == 0 { b.base.clone() } else { a.base.clone() };
        let page = visitor.post("/logg-inn/demo", &[("fnr", fnr)]).await;
        if page.status == StatusCode::TOO_MANY_REQUESTS {
            refused_at = Some(hits);
            break;
        }
    }
    assert_eq!(velferd_web::now_ms().div_euclid(window_ms), window, "the window ended during the test");
    assert_eq!(refused_at, Some(301), "300 sign-ins per address in ten minutes, counted on both servers together");
    // Both servers refuse now.
    for server in [&a.base, &b.base] {
        visitor.base = server.clone();
        assert_eq!(visitor.post("/logg-inn/demo", &[("fnr", fnr)]).await.status, StatusCode::TOO_MANY_REQUESTS, "{server}");
    }

    // Both servers stop as a service manager stops them, each signing its last checkpoint; the
    // audit chain both wrote is intact and reaches every checkpoint in the folder.
    a.stop();
    b.stop();
    let out = velferd(&settings).args(["audit", "verify", "--database", &db.url, "--audit-key"]).arg(&key_file).arg("--audit-checkpoints").arg(&checkpoints).output().unwrap();
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    let entries: u64 = said.split("intact: ").nth(1).and_then(|t| t.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{said}"));
    assert!(entries >= 45, "the reads and the letter on both servers were audited: {said}");
    assert!(std::fs::read_dir(&checkpoints).unwrap().count() >= 1, "checkpoints were signed");

    // Both seeded the demo at the same moment: its four cases (one decided through the office's
    // actions) and its 20 closed cases for the statistics are there once, each with one decision
    // letter at most, and no demo draft is left over.
    let store = velferd_store::Store::connect(&db.url).await.unwrap();
    assert_eq!(store.count_applications().await.unwrap(), 25, "the demo's four, its 20 for the statistics, and Kari's");
    store.close().await;
    let mut pg = <sqlx::PgConnection as sqlx::Connection>::connect(&db.url).await.unwrap();
    let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
    assert_eq!(count("SELECT COUNT(*) FROM letters").fetch_one(&mut pg).await.unwrap(), 23, "the demo's 22 decision letters once each, and the one filed above");
    assert_eq!(count("SELECT COUNT(*) FROM decisions").fetch_one(&mut pg).await.unwrap(), 1, "the demo's decision made through the office's actions, once");
    assert_eq!(count("SELECT COUNT(*) FROM drafts WHERE id LIKE 'demo-case-%'").fetch_one(&mut pg).await.unwrap(), 0, "no demo draft left over");
}
