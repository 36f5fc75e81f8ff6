//! The audit log: who read or changed whose data, when, why (which case) and whether it was
//! allowed. Append-only and tamper-evident: every entry's hash covers its fields and the previous
//! entry's hash, and `verify_audit` walks the chain.

use sha2::{Digest, Sha256};
use sqlx::Row;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;

use crate::{Result, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Permit,
    Deny,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Permit => "PERMIT",
            Outcome::Deny => "DENY",
        }
    }
}

/// One thing that happened to personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub actor: String,
    pub actor_name: String,
    pub role: String,
    pub office: Option<String>,
    pub action: String,
    pub person: Option<String>,
    pub application_id: Option<String>,
    pub outcome: Outcome,
}

/// An entry as a citizen sees it in "who has looked at my data".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditView {
    pub at_ms: Millis,
    pub actor_name: String,
    pub role: String,
    /// The office or municipality the actor acted for.
    pub office: Option<String>,
    pub action: String,
    pub application_id: Option<String>,
}

const GENESIS: &str = "velferd-audit-v1";

/// SQLite's "busy"/"locked" family (SQLITE_BUSY = 5 and its extended codes such as 517).
fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => db.code().is_some_and(|c| c == "5" || c == "6" || c.parse::<i32>().is_ok_and(|n| n & 0xff == 5 || n & 0xff == 6)),
        _ => false,
    }
}

fn chain_hash(prev: &str, seq: i64, at_ms: Millis, e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    // Fields separated by a byte that cannot occur in them (unit separator), each field named by
    // position; `None` and "" are told apart.
    for part in [
        prev.to_owned(),
        seq.to_string(),
        at_ms.to_string(),
        e.actor.clone(),
        e.actor_name.clone(),
        e.role.clone(),
        e.office.clone().map_or("\u{0}".into(), |o| format!("={o}")),
        e.action.clone(),
        e.person.clone().map_or("\u{0}".into(), |p| format!("={p}")),
        e.application_id.clone().map_or("\u{0}".into(), |a| format!("={a}")),
        e.outcome.as_str().to_owned(),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// What `verify_audit` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    Intact { entries: i64 },
    Broken { seq: i64, reason: String },
}

impl Store {
    /// Appends an entry. Two writers racing for the same `seq` collide on the primary key; the loser
    /// retries on the new tail, so the chain stays linear on any number of server processes.
    pub async fn audit(&self, entry: &AuditEntry, now: Millis) -> Result<()> {
        for attempt in 0..50u64 {
            match self.try_append_audit(entry, now).await {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                // SQLite refuses to upgrade a reader to a writer while another writer commits
                // (SQLITE_BUSY_SNAPSHOT); like a lost race on `seq`, that is retried on the new tail.
                Err(StoreError::Database(e)) if is_busy(&e) => {}
                Err(e) => return Err(e),
            }
            tokio::time::sleep(std::time::Duration::from_millis(1 + attempt % 7)).await;
        }
        Err(StoreError::Corrupt("audit log: could not append after 50 tries".into()))
    }

    /// One try at appending; false when another writer took the same `seq` first.
    async fn try_append_audit(&self, entry: &AuditEntry, now: Millis) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetch_optional(&mut *tx).await?;
        let (seq, prev) = match last {
            Some(r) => (r.try_get::<i64, _>("seq")? + 1, r.try_get::<String, _>("hash")?),
            None => (1, GENESIS.to_owned()),
        };
        let hash = chain_hash(&prev, seq, now, entry);
        let inserted = sqlx::query(
            "INSERT INTO audit_log (seq, at_ms, actor, actor_name, role, office, action, person, application_id, outcome, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (seq) DO NOTHING",
        )
        .bind(seq)
        .bind(now)
        .bind(&entry.actor)
        .bind(&entry.actor_name)
        .bind(&entry.role)
        .bind(entry.office.clone())
        .bind(&entry.action)
        .bind(entry.person.clone())
        .bind(entry.application_id.clone())
        .bind(entry.outcome.as_str())
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            tx.commit().await?;
            Ok(true)
        } else {
            tx.rollback().await?;
            Ok(false)
        }
    }

    /// Walks the whole chain from the first entry.
    pub async fn verify_audit(&self) -> Result<ChainCheck> {
        let rows = sqlx::query(
            "SELECT seq, at_ms, actor, actor_name, role, office, action, person, application_id, outcome, prev_hash, hash FROM audit_log ORDER BY seq",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut prev = GENESIS.to_owned();
        let mut expected_seq = 1;
        for r in &rows {
            let seq: i64 = r.try_get("seq")?;
            if seq != expected_seq {
                return Ok(ChainCheck::Broken { seq: expected_seq, reason: format!("entry {expected_seq} is missing (next is {seq})") });
            }
            let outcome: String = r.try_get("outcome")?;
            let entry = AuditEntry {
                actor: r.try_get("actor")?,
                actor_name: r.try_get("actor_name")?,
                role: r.try_get("role")?,
                office: r.try_get("office")?,
                action: r.try_get("action")?,
                person: r.try_get("person")?,
                application_id: r.try_get("application_id")?,
                outcome: if outcome == "PERMIT" { Outcome::Permit } else { Outcome::Deny },
            };
            let stored_prev: String = r.try_get("prev_hash")?;
            let stored: String = r.try_get("hash")?;
            if stored_prev != prev || outcome != entry.outcome.as_str() || chain_hash(&prev, seq, r.try_get("at_ms")?, &entry) != stored {
                return Ok(ChainCheck::Broken { seq, reason: format!("entry {seq} was changed, or an entry before it was") });
            }
            prev = stored;
            expected_seq += 1;
        }
        Ok(ChainCheck::Intact { entries: rows.len() as i64 })
    }

    /// Who has read or changed this person's data, newest first (what a citizen may see of the log).
    pub async fn audit_of_person(&self, person: &Fodselsnummer) -> Result<Vec<AuditView>> {
        let rows = sqlx::query(
            "SELECT at_ms, actor_name, role, office, action, application_id FROM audit_log
             WHERE person = $1 AND outcome = 'PERMIT' ORDER BY at_ms DESC, seq DESC LIMIT 200",
        )
        .bind(person.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditView {
                    at_ms: r.try_get("at_ms")?,
                    actor_name: r.try_get("actor_name")?,
                    role: r.try_get("role")?,
                    office: r.try_get("office")?,
                    action: r.try_get("action")?,
                    application_id: r.try_get("application_id")?,
                })
            })
            .collect()
    }

    /// Every entry about one application, permitted and refused, oldest first (for auditors and
    /// the tests that check a refused attempt was logged).
    pub async fn audit_of_application(&self, application_id: &str) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT actor, actor_name, role, office, action, person, application_id, outcome FROM audit_log
             WHERE application_id = $1 ORDER BY seq",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let outcome: String = r.try_get("outcome")?;
                Ok(AuditEntry {
                    actor: r.try_get("actor")?,
                    actor_name: r.try_get("actor_name")?,
                    role: r.try_get("role")?,
                    office: r.try_get("office")?,
                    action: r.try_get("action")?,
                    person: r.try_get("person")?,
                    application_id: r.try_get("application_id")?,
                    outcome: if outcome == "PERMIT" { Outcome::Permit } else { Outcome::Deny },
                })
            })
            .collect()
    }

    /// The owner of an application, for logging whose data a system touched.
    pub async fn owner_of(&self, application_id: &str) -> Result<Option<String>> {
        let row = sqlx::query("SELECT owner_fnr FROM applications WHERE id = $1").bind(application_id).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| r.try_get("owner_fnr")).transpose()?)
    }
}
