//! `velferd admin retention|backup|restore` as an operator runs them.

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

    let files_arg = files.display().to_string();
    let dry = stdout(&velferd(&["admin", "retention", "--closed-after-days", "0", "--database", &db, "--files", &files_arg]));
    assert!(dry.contains("Would delete 1 closed cases") && dry.contains(&kari) && dry.contains("Nothing was deleted"), "{dry}");
    assert_eq!(count(&db).await, 3, "a dry run changes nothing");

    let long = stdout(&velferd(&["admin", "retention", "--database", &db, "--files", &files_arg]));
    assert!(long.contains("Would delete 0 closed cases"), "ten years by default: {long}");

    let done = stdout(&velferd(&["admin", "retention", "--closed-after-days", "0", "--delete", "--database", &db, "--files", &files_arg]));
    assert!(done.contains("Deleted 0 drafts, 1 cases and 1 files"), "{done}");
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
