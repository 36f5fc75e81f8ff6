//! The audit log is a hash chain: editing, removing or inserting an entry is detected, and so is
//! cutting entries from its end or recomputing it, against the chain head row and signed
//! checkpoints kept outside the database. Appends wait for each other, however many run at once
//! and in however many server processes. On both databases.

#![allow(clippy::unwrap_used)]

use sqlx::Executor;
use velferd_store::{testing, AuditEntry, AuditKey, ChainCheck, Checkpoint, CheckpointFolder, Checkpointer, Outcome, Store};

/// Another new database of the same kind as `db`.
async fn fresh(db: &testing::TestDatabase) -> testing::TestDatabase {
    if db.label == "sqlite" {
        testing::sqlite()
    } else {
        testing::postgres().await.expect("PostgreSQL")
    }
}

fn entry(i: usize) -> AuditEntry {
    AuditEntry {
        actor: "api-key:k1".into(),
        actor_name: "Oslo fagsystem".into(),
        role: "fagsystem".into(),
        office: Some("0301".into()),
        action: "read-application".into(),
        person: Some("01019012345".into()),
        application_id: Some(format!("app{i}")),
        outcome: if i.is_multiple_of(3) { Outcome::Deny } else { Outcome::Permit },
    }
}

#[tokio::test]
async fn racing_writers_make_one_intact_chain_and_any_edit_or_removal_breaks_it() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let tasks: Vec<_> = (0..24)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move { store.audit(&entry(i), i as i64).await })
            })
            .collect();
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 24 }, "{}", db.label);

        // Someone with database access edits one entry: the chain says where.
        let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
        raw.execute("UPDATE audit_log SET actor_name = 'Nobody' WHERE seq = 7").await.unwrap();
        assert!(matches!(store.verify_audit().await.unwrap(), ChainCheck::Broken { seq: 7, .. }), "{}", db.label);
        raw.execute("UPDATE audit_log SET actor_name = 'Oslo fagsystem' WHERE seq = 7").await.unwrap();
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 24 });

        // A DENY turned into a PERMIT, or the other way round.
        let flip = "UPDATE audit_log SET outcome = CASE WHEN outcome = 'DENY' THEN 'PERMIT' ELSE 'DENY' END WHERE seq = 3";
        raw.execute(flip).await.unwrap();
        assert!(matches!(store.verify_audit().await.unwrap(), ChainCheck::Broken { seq: 3, .. }), "{}", db.label);
        raw.execute(flip).await.unwrap();

        // Removing an entry, or the last one, is found too.
        raw.execute("DELETE FROM audit_log WHERE seq = 12").await.unwrap();
        assert!(matches!(store.verify_audit().await.unwrap(), ChainCheck::Broken { seq: 12, .. }), "{}", db.label);
        raw.execute("DELETE FROM audit_log WHERE seq >= 12").await.unwrap();
        let check = store.verify_audit().await.unwrap();
        assert!(matches!(check, ChainCheck::Truncated { entries: 11, expected: 24, .. }), "{}: the chain head row still says 24: {check:?}", db.label);
    }
}

/// Deleting the newest entries leaves a chain that still links; only something outside the
/// remaining rows can say that more existed.
#[tokio::test]
async fn cutting_the_tail_of_the_log_is_reported_as_truncation() {
    for db in testing::all().await {
        for cut in [1usize, 10, 24] {
            let db = fresh(&db).await;
            let store = Store::connect(&db.url).await.unwrap();
            for i in 0..24 {
                store.audit(&entry(i), i as i64).await.unwrap();
            }
            let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
            raw.execute(format!("DELETE FROM audit_log WHERE seq > {}", 24 - cut).as_str()).await.unwrap();
            let check = store.verify_audit().await.unwrap();
            let left = (24 - cut) as i64;
            assert!(matches!(check, ChainCheck::Truncated { entries, expected: 24, .. } if entries == left), "{}: cutting {cut}: {check:?}", db.label);
            let message = check.to_string();
            let missing = if cut == 1 { "entry 24 is missing".to_owned() } else { format!("entries {}–24 are missing", left + 1) };
            assert!(message.contains(&missing), "{message}");
        }
    }
}

/// Under the old joining, a name holding the separator could move a field boundary without
/// changing the hash.
#[tokio::test]
async fn moving_a_field_boundary_through_a_name_breaks_the_chain() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let mut e = entry(1);
        e.actor_name = "Kari\u{1f}fullmektig".into();
        e.role = "innbygger".into();
        store.audit(&e, 1).await.unwrap();
        store.audit(&entry(2), 2).await.unwrap();
        let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
        let sep = if db.label == "sqlite" { "char(31)" } else { "chr(31)" };
        raw.execute(format!("UPDATE audit_log SET actor_name = 'Kari', role = 'fullmektig' || {sep} || 'innbygger' WHERE seq = 1").as_str()).await.unwrap();
        let check = store.verify_audit().await.unwrap();
        assert!(matches!(check, ChainCheck::Broken { seq: 1, .. }), "{}: {check:?}", db.label);
        // Put back, it verifies; claiming the old encoding for the new entry does not.
        raw.execute(format!("UPDATE audit_log SET actor_name = 'Kari' || {sep} || 'fullmektig', role = 'innbygger' WHERE seq = 1").as_str()).await.unwrap();
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 2 }, "{}", db.label);
        raw.execute("UPDATE audit_log SET hash_version = 1 WHERE seq = 1").await.unwrap();
        assert!(matches!(store.verify_audit().await.unwrap(), ChainCheck::Broken { seq: 1, .. }), "{}", db.label);
    }
}

/// Fifty appenders at once while others read: every append waits its turn, none gives up.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_appenders_beside_readers_all_succeed_in_one_intact_chain() {
    const APPENDERS: usize = 50;
    const EACH: usize = 10;
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let readers: Vec<_> = (0..4)
            .map(|_| {
                let (store, done) = (store.clone(), done.clone());
                tokio::spawn(async move {
                    let person = (0..10).find_map(|i| velferd_domain::ids::Fodselsnummer::with_check_digits(&format!("01019012{i}")));
                    let mut errors = Vec::new();
                    while !done.load(std::sync::atomic::Ordering::Relaxed) {
                        if let Some(p) = &person {
                            if let Err(e) = store.audit_of_person(p).await {
                                errors.push(e.to_string());
                            }
                        }
                        if let Err(e) = store.audit_of_application("app1").await {
                            errors.push(e.to_string());
                        }
                        if let Err(e) = store.verify_audit().await {
                            errors.push(e.to_string());
                        }
                    }
                    errors
                })
            })
            .collect();
        let appenders: Vec<_> = (0..APPENDERS)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    let mut errors = Vec::new();
                    for n in 0..EACH {
                        if let Err(e) = store.audit(&entry(i * EACH + n), (i * EACH + n) as i64).await {
                            errors.push(e.to_string());
                        }
                    }
                    errors
                })
            })
            .collect();
        let mut errors = Vec::new();
        for t in appenders {
            errors.extend(t.await.unwrap());
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        for t in readers {
            errors.extend(t.await.unwrap());
        }
        assert!(errors.is_empty(), "{}: {} errors, e.g. {:?}", db.label, errors.len(), &errors[..errors.len().min(3)]);
        let check = store.verify_audit().await.unwrap();
        assert_eq!(check, ChainCheck::Intact { entries: (APPENDERS * EACH) as i64 }, "{}", db.label);
    }
}

/// Two server processes on one database: two pools, one chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_stores_on_one_database_append_to_one_chain() {
    for db in testing::all().await {
        let stores = [Store::connect(&db.url).await.unwrap(), Store::connect(&db.url).await.unwrap()];
        let tasks: Vec<_> = (0..40)
            .map(|i| {
                let store = stores[i % 2].clone();
                tokio::spawn(async move {
                    for n in 0..5 {
                        store.audit(&entry(i * 5 + n), 0).await?;
                    }
                    Ok::<_, velferd_store::StoreError>(())
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap().unwrap_or_else(|e| panic!("{}: {e}", db.label));
        }
        for store in &stores {
            assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 200 }, "{}", db.label);
        }
    }
}

/// A database on which 24 entries were written (at times 0 to 23) and checkpointed, with a key and
/// a checkpoint folder outside it.
struct Checkpointed {
    store: Store,
    key: AuditKey,
    folder: CheckpointFolder,
    _dir: testing::TempDir,
}

async fn checkpointed(url: &str) -> Checkpointed {
    let store = Store::connect(url).await.unwrap();
    for i in 0..24 {
        store.audit(&entry(i), i as i64).await.unwrap();
    }
    let dir = testing::temp_dir();
    let key = AuditKey::create(&dir.0.join("keys/audit.key")).unwrap();
    let folder = CheckpointFolder::new(dir.0.join("checkpoints"));
    let mut checkpointer = Checkpointer::new(store.clone(), AuditKey::load(&dir.0.join("keys/audit.key")).unwrap(), folder.clone()).unwrap();
    let signed = checkpointer.checkpoint(1_000).await.unwrap().expect("a checkpoint");
    assert_eq!(signed.head().seq, 24);
    Checkpointed { store, key, folder, _dir: dir }
}

/// Someone who can write the database cuts the tail and sets the head row to match, or rebuilds
/// the whole chain with one entry changed: the chain is consistent again, but it no longer reaches
/// or matches the signed checkpoint.
#[tokio::test]
async fn a_signed_checkpoint_finds_a_tail_cut_with_its_head_row_and_a_recomputed_chain() {
    for db in testing::all().await {
        // Cut 10 entries and move the head row back.
        let c = checkpointed(&db.url).await;
        let checkpoints = c.folder.read(&c.key.public_key()).unwrap();
        let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
        raw.execute("DELETE FROM audit_log WHERE seq > 14").await.unwrap();
        raw.execute("UPDATE audit_head SET seq = 14, hash = (SELECT hash FROM audit_log WHERE seq = 14)").await.unwrap();
        assert_eq!(c.store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 14 }, "{}: the database alone cannot tell", db.label);
        let check = c.store.verify_audit_against(&checkpoints).await.unwrap();
        assert!(matches!(check, ChainCheck::Truncated { entries: 14, expected: 24, .. }), "{}: {check:?}", db.label);
        assert!(check.to_string().contains("entries 15–24 are missing") && check.to_string().contains("but a checkpoint signed 1970-01-01 00:00:01 UTC shows entry 24"), "{check}");
        // Every entry removed, the head row too.
        raw.execute("DELETE FROM audit_log").await.unwrap();
        raw.execute("DELETE FROM audit_head").await.unwrap();
        assert_eq!(c.store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 0 });
        let check = c.store.verify_audit_against(&checkpoints).await.unwrap();
        assert!(matches!(check, ChainCheck::Truncated { entries: 0, expected: 24, .. }), "{}: {check:?}", db.label);

        // The whole chain recomputed with entry 7 changed: built on another database with the same
        // code, then copied over row by row.
        let second = fresh(&db).await;
        let c = checkpointed(&second.url).await;
        let checkpoints = c.folder.read(&c.key.public_key()).unwrap();
        let forged = testing::sqlite();
        let forger = Store::connect(&forged.url).await.unwrap();
        for i in 0..24 {
            let mut e = entry(i);
            if i == 6 {
                e.actor_name = "Nobody".into();
            }
            forger.audit(&e, i as i64).await.unwrap();
        }
        let columns = "seq, at_ms, actor, actor_name, role, office, action, person, application_id, outcome, prev_hash, hash, hash_version";
        let source = sqlx::AnyPool::connect(&forged.url).await.unwrap();
        let target = sqlx::AnyPool::connect(&second.url).await.unwrap();
        target.execute("DELETE FROM audit_log").await.unwrap();
        target.execute("DELETE FROM audit_head").await.unwrap();
        for row in sqlx::query(&format!("SELECT {columns} FROM audit_log ORDER BY seq")).fetch_all(&source).await.unwrap() {
            use sqlx::Row;
            let text = |n: &str| row.try_get::<Option<String>, _>(n).unwrap();
            let int = |n: &str| row.try_get::<i64, _>(n).unwrap();
            sqlx::query(&format!("INSERT INTO audit_log ({columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"))
                .bind(int("seq"))
                .bind(int("at_ms"))
                .bind(text("actor"))
                .bind(text("actor_name"))
                .bind(text("role"))
                .bind(text("office"))
                .bind(text("action"))
                .bind(text("person"))
                .bind(text("application_id"))
                .bind(text("outcome"))
                .bind(text("prev_hash"))
                .bind(text("hash"))
                .bind(int("hash_version"))
                .execute(&target)
                .await
                .unwrap();
        }
        target.execute("INSERT INTO audit_head (id, seq, hash) SELECT 1, seq, hash FROM audit_log WHERE seq = 24").await.unwrap();
        assert_eq!(c.store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 24 }, "{}: a recomputed chain is consistent", db.label);
        let check = c.store.verify_audit_against(&checkpoints).await.unwrap();
        assert!(matches!(check, ChainCheck::Broken { seq: 24, .. }), "{}: {check:?}", db.label);
        assert!(check.to_string().contains("rewritten"), "{check}");
    }
}

/// Checkpoints are trusted only with the right public key and unchanged; the folder reports a
/// forged file rather than skipping it.
#[tokio::test]
async fn a_checkpoint_signed_with_another_key_or_edited_is_refused() {
    let db = testing::sqlite();
    let c = checkpointed(&db.url).await;
    let public = c.key.public_key();
    let line = c.folder.read(&public).unwrap().pop().unwrap().to_string();
    assert!(line.starts_with("velferd-audit-checkpoint seq=24 hash="), "{line}");
    assert_eq!(Checkpoint::parse(&line, &public).unwrap().head().seq, 24);

    let other = AuditKey::generate();
    let err = Checkpoint::parse(&line, &other.public_key()).unwrap_err().to_string();
    assert!(err.contains("another key"), "{err}");
    let edited = line.replace("seq=24", "seq=30");
    let err = Checkpoint::parse(&edited, &public).unwrap_err().to_string();
    assert!(err.contains("does not match its signature"), "{err}");
    // The line with the other key's own name on it, re-signed: still not the trusted key.
    let forged = other.sign(Checkpoint::parse(&line, &public).unwrap().head(), 5).to_string();
    assert!(Checkpoint::parse(&forged, &public).is_err());
    assert!(Checkpoint::parse("velferd-audit-checkpoint seq=1", &public).is_err());

    std::fs::write(c.folder.path().join("00000000000000000030.checkpoint"), format!("{forged}\n")).unwrap();
    let err = c.folder.read(&public).unwrap_err().to_string();
    assert!(err.contains("00000000000000000030.checkpoint") && err.contains("another key"), "{err}");

    // The key file is the key; an existing one is never overwritten.
    let key_path = c.folder.path().join("../keys/audit.key");
    assert!(AuditKey::create(&key_path).is_err());
    assert_eq!(AuditKey::load(&key_path).unwrap().public_key(), public);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key_path).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

/// The checkpointer signs only when the log grew, and only a log that continues its last
/// checkpoint: after the tail was cut it signs nothing and says why.
#[tokio::test]
async fn the_checkpointer_signs_a_grown_log_and_refuses_a_cut_one() {
    for db in testing::all().await {
        let c = checkpointed(&db.url).await;
        let files = || std::fs::read_dir(c.folder.path()).unwrap().count();
        assert_eq!(files(), 1);
        let mut checkpointer = Checkpointer::new(c.store.clone(), AuditKey::load(&c.folder.path().join("../keys/audit.key")).unwrap(), c.folder.clone()).unwrap();
        assert_eq!(checkpointer.checkpoint(2_000).await.unwrap().unwrap().head().seq, 24, "{}", db.label);
        assert_eq!(files(), 1, "{}: nothing new to sign", db.label);
        c.store.audit(&entry(99), 2_500).await.unwrap();
        let newest = checkpointer.checkpoint(3_000).await.unwrap().unwrap();
        assert_eq!((newest.head().seq, newest.at_ms()), (25, 3_000));
        assert_eq!(files(), 2);
        assert_eq!(c.store.verify_audit_against(&c.folder.read(&c.key.public_key()).unwrap()).await.unwrap(), ChainCheck::Intact { entries: 25 });

        let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
        raw.execute("DELETE FROM audit_log WHERE seq >= 20").await.unwrap();
        raw.execute("UPDATE audit_head SET seq = 19, hash = (SELECT hash FROM audit_log WHERE seq = 19)").await.unwrap();
        c.store.audit(&entry(100), 4_000).await.unwrap();
        let err = checkpointer.checkpoint(5_000).await.unwrap_err().to_string();
        assert!(err.contains("not signing") && err.contains("entry 25"), "{}: {err}", db.label);
        assert_eq!(files(), 2, "{}: nothing signed", db.label);
    }
}

/// What a Velferd from before migration 0012 wrote: fields joined with a separator.
fn hash_v1(prev: &str, seq: i64, at_ms: i64, e: &AuditEntry) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let optional = |v: &Option<String>| v.clone().map_or("\u{0}".into(), |v| format!("={v}"));
    let outcome = if e.outcome == Outcome::Permit { "PERMIT" } else { "DENY" };
    for part in [
        prev.to_owned(),
        seq.to_string(),
        at_ms.to_string(),
        e.actor.clone(),
        e.actor_name.clone(),
        e.role.clone(),
        optional(&e.office),
        e.action.clone(),
        optional(&e.person),
        optional(&e.application_id),
        outcome.to_owned(),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends an entry the way a Velferd from before migration 0012 did (no head row, no version).
async fn append_v1(pool: &sqlx::AnyPool, seq: i64, prev: &str, e: &AuditEntry) -> String {
    let hash = hash_v1(prev, seq, seq * 10, e);
    sqlx::query(
        "INSERT INTO audit_log (seq, at_ms, actor, actor_name, role, office, action, person, application_id, outcome, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(seq)
    .bind(seq * 10)
    .bind(e.actor.clone())
    .bind(e.actor_name.clone())
    .bind(e.role.clone())
    .bind(e.office.clone())
    .bind(e.action.clone())
    .bind(e.person.clone())
    .bind(e.application_id.clone())
    .bind(if e.outcome == Outcome::Permit { "PERMIT" } else { "DENY" })
    .bind(prev.to_owned())
    .bind(hash.clone())
    .execute(pool)
    .await
    .unwrap();
    hash
}

/// A database made by migrations 1 to 11 only, as an existing installation has it.
async fn database_before_0012(url: &str, label: &str) -> sqlx::AnyPool {
    use sqlx::migrate::{Migration, MigrationType, Migrator};
    use std::borrow::Cow;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(label);
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let migrations = files
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let version: i64 = name[..4].parse().ok()?;
            (version < 12).then(|| Migration::new(version, Cow::Owned(name), MigrationType::Simple, Cow::Owned(std::fs::read_to_string(path).unwrap()), false))
        })
        .collect();
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    Migrator { migrations: Cow::Owned(migrations), ..Migrator::DEFAULT }.run(&pool).await.unwrap();
    pool
}

/// An installation upgraded to migration 0012 keeps its version 1 entries verifiable; new entries
/// continue the same chain in version 2, and an entry that a not yet upgraded server appends
/// meanwhile (rolling upgrade) is continued too.
#[tokio::test]
async fn entries_written_before_the_upgrade_stay_verifiable_and_the_chain_continues() {
    for db in testing::all().await {
        let old = database_before_0012(&db.url, db.label).await;
        let mut prev = "velferd-audit-v1".to_owned();
        let mut boundary = entry(1);
        boundary.actor_name = "Kari\u{1f}fullmektig".into();
        for seq in 1..=5 {
            let e = if seq == 3 { boundary.clone() } else { entry(seq as usize) };
            prev = append_v1(&old, seq, &prev, &e).await;
        }
        let store = Store::connect(&db.url).await.unwrap();
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 5 }, "{}", db.label);
        assert_eq!(store.audit_head().await.unwrap().map(|h| h.seq), Some(5), "{}: the migration found the head", db.label);
        store.audit(&entry(6), 60).await.unwrap();
        // A server still on the old code appends entry 7 behind the new head's back.
        let hash_6: String = sqlx::Row::get(&sqlx::query("SELECT hash FROM audit_log WHERE seq = 6").fetch_one(&old).await.unwrap(), "hash");
        append_v1(&old, 7, &hash_6, &entry(7)).await;
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 7 }, "{}: entries beyond the head are not a cut", db.label);
        store.audit(&entry(8), 80).await.unwrap();
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 8 }, "{}", db.label);
        let versions: Vec<i64> =
            sqlx::query("SELECT hash_version FROM audit_log ORDER BY seq").fetch_all(&old).await.unwrap().iter().map(|r| sqlx::Row::get(r, "hash_version")).collect();
        assert_eq!(versions, [1, 1, 1, 1, 1, 2, 1, 2], "{}", db.label);
        // Version 1 entries are still checked by their own rule.
        old.execute("UPDATE audit_log SET actor_name = 'Kari' WHERE seq = 4").await.unwrap();
        assert!(matches!(store.verify_audit().await.unwrap(), ChainCheck::Broken { seq: 4, .. }), "{}", db.label);
    }
}
