//! `velferd admin retention|backup|restore` as an operator runs them.

#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use velferd_store::{LocalFiles, Store};

fn velferd(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_velferd")).args(args).output().unwrap();
    assert!(out.status.success(), "velferd {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A SQLite database with the demo people and cases: Kari's first case is decided and paid
/// (closed), Ola's still waits for documents, Kari's emergency from this morning is new. Returns the
/// reference of Kari's closed case.
async fn demo(db: &str, files: &std::path::Path) -> String {
    let store = Store::connect(db).await.unwrap();
    velferd_web::seed_demo_people(&store).await.unwrap();
    velferd_web::seed_demo_cases(&store, &LocalFiles::new(files), &velferd_web::default_kommuner(), velferd_web::now_ms() - 1000).await.unwrap();
    let kari = store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Kari").unwrap().fnr;
    // Newest first: her closed case is the older one.
    let reference = store.applications_of(&kari).await.unwrap().last().unwrap().reference.clone();
    store.close().await;
    reference
}

async fn count(db: &str) -> i64 {
    let store = Store::connect(db).await.unwrap();
    let n = store.count_applications().await.unwrap();
    store.close().await;
    n
}

#[tokio::test]
async fn retention_shows_what_it_would_delete_and_deletes_only_when_told() {
    let dir = velferd_store::testing::temp_dir();
    let db = format!("sqlite://{}/v.db?mode=rwc", dir.0.display());
    let files = dir.0.join("files");
    let kari = demo(&db, &files).await;
    let letters = || std::fs::read_dir(&files).map(|d| d.count()).unwrap_or(0);
    let before = letters();
    assert!(before > 0, "the demo decision letter is stored");

    // Kari and Siri have no electronic ID: Kari keeps her entry with her open case; Siri, who has
    // none, leaves the register.
    let store = Store::connect(&db).await.unwrap();
    let people = store.demo_people().await.unwrap();
    for name in ["Kari", "Siri"] {
        let fnr = people.iter().find(|p| p.fornavn == name).unwrap().fnr.as_str().to_owned();
        let entry = velferd_store::PersonWithoutEid {
            fnr,
            phone: Some("+4799887766".into()),
            contact: None,
            identity_check: "pass".into(),
            identity_checked_by: "Sara Lund".into(),
            office: "0312".into(),
            registered_by: ("demo-sara".into(), "Sara Lund".into()),
            updated_ms: 0,
        };
        let audit = velferd_store::AuditEntry {
            actor: "staff:demo-sara".into(),
            actor_name: "Sara Lund".into(),
            role: "saksbehandler".into(),
            office: Some("0312".into()),
            action: "register-person-without-eid".into(),
            person: Some(entry.fnr.clone()),
            application_id: None,
            outcome: velferd_store::Outcome::Permit,
        };
        store.register_without_eid(&entry, &audit, velferd_web::now_ms() - 1000).await.unwrap();
    }
    store.close().await;

    let files_arg = files.display().to_string();
    let dry = stdout(&velferd(&["admin", "retention", "--closed-after-days", "0", "--database", &db, "--files", &files_arg]));
    assert!(dry.contains("Would delete 1 closed cases") && dry.contains(&kari) && dry.contains("Nothing was deleted"), "{dry}");
    assert!(dry.contains("Would delete 1 entries of the register of people without electronic ID"), "{dry}");
    assert_eq!(count(&db).await, 3, "a dry run changes nothing");

    let long = stdout(&velferd(&["admin", "retention", "--database", &db, "--files", &files_arg]));
    assert!(long.contains("Would delete 0 closed cases"), "ten years by default: {long}");

    let done = stdout(&velferd(&["admin", "retention", "--closed-after-days", "0", "--delete", "--database", &db, "--files", &files_arg]));
    assert!(done.contains("Deleted 0 drafts, 1 cases, 1 register entries of people without electronic ID and 1 files"), "{done}");
    let store = Store::connect(&db).await.unwrap();
    let entries = [people.iter().find(|p| p.fornavn == "Kari").unwrap(), people.iter().find(|p| p.fornavn == "Siri").unwrap()];
    assert!(store.without_eid(&entries[0].fnr).await.unwrap().is_some(), "Kari's open case keeps her in the register");
    assert!(store.without_eid(&entries[1].fnr).await.unwrap().is_none(), "Siri had no case: she is gone");
    store.close().await;
    assert_eq!(count(&db).await, 2, "Ola's and Kari's open cases stay");
    let left: usize = std::fs::read_dir(&files).unwrap().flatten().map(|d| std::fs::read_dir(d.path()).unwrap().count()).sum();
    assert_eq!(left, 0, "Kari's letter is gone from the file store");
}

#[tokio::test]
async fn backup_and_restore_round_trip_through_the_command() {
    let dir = velferd_store::testing::temp_dir();
    let db = format!("sqlite://{}/v.db?mode=rwc", dir.0.display());
    let files = dir.0.join("files").display().to_string();
    demo(&db, &dir.0.join("files")).await;
    let backup = dir.0.join("backup").display().to_string();
    let out = stdout(&velferd(&["admin", "backup", "--to", &backup, "--database", &db, "--files", &files]));
    assert!(out.contains("backup written") && out.contains("1 files"), "{out}");

    let restored = format!("sqlite://{}/restored.db?mode=rwc", dir.0.display());
    let restored_files = dir.0.join("restored-files").display().to_string();
    let out = stdout(&velferd(&["admin", "restore", "--from", &backup, "--database", &restored, "--files", &restored_files]));
    assert!(out.contains("audit log: intact"), "{out}");
    assert_eq!(count(&restored).await, 3);

    // A second restore into the same database is refused with the reason.
    let again = Command::new(env!("CARGO_BIN_EXE_velferd")).args(["admin", "restore", "--from", &backup, "--database", &restored, "--files", &restored_files]).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("empty database"));
}

/// What a `kill -9` leaves in a local file store: a file no row names (stored before its row
/// was committed) and a temp file of a write cut short, both written two hours ago. Returns their
/// paths.
async fn crash_leftovers(files: &std::path::Path, what: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    use velferd_store::Files;
    let sha = LocalFiles::new(files).put(format!("a photo whose row never came: {what}").as_bytes()).await.unwrap();
    let unnamed = files.join(&sha[..2]).join(&sha);
    let temp = files.join(&sha[..2]).join(format!(".{sha}.{what}.tmp"));
    std::fs::write(&temp, b"half").unwrap();
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
    for path in [&unnamed, &temp] {
        std::fs::OpenOptions::new().write(true).open(path).unwrap().set_modified(then).unwrap();
    }
    (unnamed, temp)
}

#[tokio::test]
async fn retention_and_serve_sweep_what_a_crash_left_in_the_file_store() {
    let dir = velferd_store::testing::temp_dir();
    let db = format!("sqlite://{}/v.db?mode=rwc", dir.0.display());
    let files = dir.0.join("files");
    demo(&db, &files).await;
    let files_arg = files.display().to_string();
    let named: Vec<_> = std::fs::read_dir(&files).unwrap().flatten().flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten().map(|f| f.path())).collect();
    assert!(!named.is_empty(), "the demo's letters");

    let (unnamed, temp) = crash_leftovers(&files, "retention").await;
    let dry = stdout(&velferd(&["admin", "retention", "--database", &db, "--files", &files_arg]));
    assert!(dry.contains("Would delete 1 temp files of interrupted writes and 1 files that no application, draft or letter names"), "{dry}");
    assert!(unnamed.exists() && temp.exists(), "a dry run removes nothing");
    let done = stdout(&velferd(&["admin", "retention", "--delete", "--database", &db, "--files", &files_arg]));
    assert!(done.contains("Deleted 1 temp files of interrupted writes and 1 files no row names."), "{done}");
    assert!(!unnamed.exists() && !temp.exists(), "{done}");
    assert!(named.iter().all(|p| p.exists()), "files rows name stay");

    // `velferd serve` sweeps at start.
    let (unnamed, temp) = crash_leftovers(&files, "serve").await;
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_velferd"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--database", &db, "--files", &files_arg])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut swept = false;
    for _ in 0..200 {
        if !unnamed.exists() && !temp.exists() {
            swept = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    server.kill().ok();
    server.wait().ok();
    assert!(swept, "serve removed what the crash left");
    assert!(named.iter().all(|p| p.exists()), "files rows name stay");
}
