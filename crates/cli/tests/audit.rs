//! `velferd audit` and the audit key as an operator uses them: a key made once, checkpoints signed
//! by the server (at start, while running, at shutdown) and on demand for a witness, and `verify`
//! failing with what is missing when entries were cut from the end of the log.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use sqlx::Executor;
use velferd_store::{AuditEntry, AuditKey, Outcome, Store};

fn velferd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_velferd")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn entry(i: usize) -> AuditEntry {
    AuditEntry {
        actor: "staff:sara".into(),
        actor_name: "Sara Lund".into(),
        role: "saksbehandler".into(),
        office: Some("0312".into()),
        action: "read-application".into(),
        person: None,
        application_id: Some(format!("app{i}")),
        outcome: Outcome::Permit,
    }
}

async fn append(db: &str, from: usize, to: usize) {
    let store = Store::connect(db).await.unwrap();
    for i in from..=to {
        store.audit(&entry(i), i as i64).await.unwrap();
    }
    store.close().await;
}

fn checkpoint_seqs(folder: &Path) -> Vec<i64> {
    let mut seqs: Vec<i64> = std::fs::read_dir(folder)
        .map(|d| d.flatten().filter_map(|e| e.file_name().to_string_lossy().strip_suffix(".checkpoint").and_then(|s| s.parse().ok())).collect())
        .unwrap_or_default();
    seqs.sort();
    seqs
}

#[tokio::test]
async fn verify_reports_entries_cut_from_the_end_against_signed_checkpoints() {
    let dir = velferd_store::testing::temp_dir();
    let db = format!("sqlite://{}/v.db?mode=rwc", dir.0.display());
    let key = dir.0.join("keys/audit.key").display().to_string();
    let folder = dir.0.join("checkpoints").display().to_string();

    let made = velferd(&["admin", "audit-key", "create", "--to", &key]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    let public = text(&made.stdout).trim().strip_prefix("public key: ").expect("prints the public key").to_owned();
    assert_eq!(velferd(&["admin", "audit-key", "create", "--to", &key]).status.code(), Some(1), "never over an existing key");

    append(&db, 1, 5).await;
    let signed = velferd(&["audit", "checkpoint", "--database", &db, "--audit-key", &key, "--audit-checkpoints", &folder]);
    assert_eq!(signed.status.code(), Some(0), "{}", text(&signed.stderr));
    let line = text(&signed.stdout);
    assert!(line.starts_with("velferd-audit-checkpoint seq=5 ") && line.contains(&format!("key={public}")), "{line}");
    let witness = dir.0.join("witness.txt");
    std::fs::write(&witness, &line).unwrap();
    let witness = witness.display().to_string();

    let keys = ["--database", &db, "--audit-key", &key, "--audit-checkpoints", &folder];
    let ok = velferd(&[&["audit", "verify"], &keys[..]].concat());
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).contains("intact: 5 entries, reaching the checkpoint of entry 5"), "{}", text(&ok.stdout));

    // An insider deletes the newest entry and moves the chain head row back to match.
    let raw = sqlx::AnyPool::connect(&db).await.unwrap();
    raw.execute("DELETE FROM audit_log WHERE seq = 5").await.unwrap();
    raw.execute("UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4)").await.unwrap();
    let cut = velferd(&[&["audit", "verify"], &keys[..]].concat());
    assert_eq!(cut.status.code(), Some(1));
    assert!(text(&cut.stderr).contains("cut short") && text(&cut.stderr).contains("entry 5 is missing"), "{}", text(&cut.stderr));
    // A witness with only the line and the public key sees it too.
    let empty = dir.0.join("no-checkpoints").display().to_string();
    let by_witness = velferd(&["audit", "verify", "--database", &db, "--audit-checkpoints", &empty, "--checkpoint", &witness, "--public-key", &public]);
    assert_eq!(by_witness.status.code(), Some(1), "{}", text(&by_witness.stderr));
    assert!(text(&by_witness.stderr).contains("entry 5 is missing"), "{}", text(&by_witness.stderr));

    // Every entry deleted, the head row too.
    raw.execute("DELETE FROM audit_log").await.unwrap();
    raw.execute("DELETE FROM audit_head").await.unwrap();
    let gone = velferd(&[&["audit", "verify"], &keys[..]].concat());
    assert_eq!(gone.status.code(), Some(1));
    assert!(text(&gone.stderr).contains("entries 1–5 are missing"), "{}", text(&gone.stderr));

    // Checkpoints that cannot be checked are not silently ignored.
    let no_key = velferd(&["audit", "verify", "--database", &db, "--audit-checkpoints", &folder]);
    assert_eq!(no_key.status.code(), Some(1));
    assert!(text(&no_key.stderr).contains("no key to check them with"), "{}", text(&no_key.stderr));
}

struct Server(std::process::Child);

impl Server {
    async fn start(args: &[&str]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let addr = format!("127.0.0.1:{port}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_velferd")).args(["serve", "--addr", &addr]).args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let client = reqwest::Client::new();
        for _ in 0..300 {
            if client.get(format!("http://{addr}/health")).send().await.is_ok_and(|r| r.status().is_success()) {
                return Server(child);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("velferd serve did not start");
    }

    /// SIGTERM, as a service manager stops it; waits for a clean exit.
    async fn stop(mut self) {
        let term = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status().unwrap();
        assert!(term.success());
        for _ in 0..200 {
            if let Some(status) = self.0.try_wait().unwrap() {
                assert!(status.success(), "velferd serve exited with {status}");
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.0.kill().ok();
        panic!("velferd serve did not stop on SIGTERM");
    }
}

#[tokio::test]
async fn the_server_signs_the_head_at_start_and_at_shutdown() {
    let dir = velferd_store::testing::temp_dir();
    let db = format!("sqlite://{}/v.db?mode=rwc", dir.0.display());
    let key = dir.0.join("audit.key");
    let public = AuditKey::create(&key).unwrap().public_key();
    let folder = dir.0.join("checkpoints");
    append(&db, 1, 3).await;
    let files = dir.0.join("files").display().to_string();
    let (key_arg, folder_arg) = (key.display().to_string(), folder.display().to_string());
    let server = Server::start(&["--database", &db, "--files", &files, "--audit-key", &key_arg, "--audit-checkpoints", &folder_arg, "--audit-checkpoint-seconds", "3600"]).await;
    for _ in 0..100 {
        if !checkpoint_seqs(&folder).is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(checkpoint_seqs(&folder), [3], "signed at start");
    append(&db, 4, 5).await;
    server.stop().await;
    assert_eq!(checkpoint_seqs(&folder), [3, 5], "signed at shutdown");
    let verified = velferd(&["audit", "verify", "--database", &db, "--audit-checkpoints", &folder_arg, "--public-key", &public.to_string()]);
    assert!(text(&verified.stdout).contains("intact: 5 entries, reaching the checkpoint of entry 5"), "{}", text(&verified.stderr));

    // In demo mode a key is made beside the database when none is given.
    let demo = velferd_store::testing::temp_dir();
    let demo_db = format!("sqlite://{}/demo.db?mode=rwc", demo.0.display());
    let demo_files = demo.0.join("files").display().to_string();
    Server::start(&["--demo", "--database", &demo_db, "--files", &demo_files]).await.stop().await;
    assert!(AuditKey::load(&demo.0.join("audit.key")).is_ok(), "demo key beside the database");
}
