//! The audit log is a hash chain: editing, removing or inserting an entry is detected. On both
//! databases, with racing writers.

use sqlx::Executor;
use velferd_store::{testing, AuditEntry, ChainCheck, Outcome, Store};

fn entry(i: usize) -> AuditEntry {
    AuditEntry {
        actor: "api-key:k1".into(),
        actor_name: "Oslo fagsystem".into(),
        role: "fagsystem".into(),
        office: Some("0301".into()),
        action: "read-application".into(),
        person: Some("01019012345".into()),
        application_id: Some(format!("app{i}")),
        outcome: if i % 3 == 0 { Outcome::Deny } else { Outcome::Permit },
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
        assert_eq!(store.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 11 }, "truncating the tail cannot be told from a shorter log by the chain alone");
    }
}
