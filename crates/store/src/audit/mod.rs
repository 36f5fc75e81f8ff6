//! The audit log: who read or changed whose data, when, why (which case) and whether it was
//! allowed. Append-only and tamper-evident: every entry's hash covers its fields and the previous
//! entry's hash (`encoding`), `verify_audit` walks the chain (`chain`), and signed checkpoints of
//! its head kept outside the database show when entries were cut from the end or the whole chain
//! was recomputed (`checkpoint`).

mod chain;
mod checkpoint;
mod encoding;

pub(crate) use chain::walk;
pub use checkpoint::{AuditKey, AuditPublicKey, Checkpoint, CheckpointFolder, Checkpointer};
use encoding::{current_hash, CURRENT, GENESIS};

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
    /// Who acted, as the log names them (`staff:<subject>`, `fagsystem:<key>`, …): the same person
    /// under one name even when two people share a display name.
    pub actor: String,
    pub actor_name: String,
    pub role: String,
    /// The office or municipality the actor acted for.
    pub office: Option<String>,
    pub action: String,
    pub application_id: Option<String>,
}

fn audit_view(r: &sqlx::any::AnyRow) -> Result<AuditView> {
    Ok(AuditView {
        at_ms: r.try_get("at_ms")?,
        actor: r.try_get("actor")?,
        actor_name: r.try_get("actor_name")?,
        role: r.try_get("role")?,
        office: r.try_get("office")?,
        action: r.try_get("action")?,
        application_id: r.try_get("application_id")?,
    })
}

/// The newest entry of the chain: its number and hash. What a [`Checkpoint`] signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditHead {
    pub seq: i64,
    pub hash: String,
}

/// What `verify_audit` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Entries 1 to `entries` link, hash to what is stored, and agree with the chain head row and
    /// every checkpoint given.
    Intact { entries: i64 },
    /// Entry `seq` was changed, inserted or removed, or one before it was.
    Broken { seq: i64, reason: String },
    /// The entries that are there link, but the log ends at `entries` while `evidence` (the chain
    /// head row, or a signed checkpoint) shows that entry `expected` existed: entries
    /// `entries + 1 ..= expected` were removed.
    Truncated { entries: i64, expected: i64, evidence: String },
}

impl std::fmt::Display for ChainCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainCheck::Intact { entries } => write!(f, "intact: {entries} entries"),
            ChainCheck::Broken { seq, reason } => write!(f, "broken at entry {seq}: {reason}"),
            ChainCheck::Truncated { entries, expected, evidence } => {
                let missing = if entries + 1 == *expected { format!("entry {expected} is missing") } else { format!("entries {}–{expected} are missing", entries + 1) };
                write!(f, "cut short: the log ends at entry {entries}, but {evidence} shows entry {expected}; {missing}")
            }
        }
    }
}

/// How often an append may find entries beyond the chain head (written by a Velferd from before
/// migration 0012 during a rolling upgrade) before it gives up.
const CATCH_UP: usize = 1000;

impl Store {
    /// Appends an entry, and returns once it is committed (callers audit before they answer).
    ///
    /// The chain head row (`audit_head`) hands out the numbers: the upsert that takes the next
    /// `seq` locks that row until the transaction commits (on SQLite the whole transaction holds
    /// the write lock from `BEGIN IMMEDIATE`), so concurrent appenders — in this process or in
    /// other server processes on the same database — wait their turn instead of racing for a
    /// number and retrying. Errors only when the database does.
    pub async fn audit(&self, entry: &AuditEntry, now: Millis) -> Result<()> {
        let mut tx = self.begin_write().await?;
        append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The chain head row: the newest entry's number and hash; `None` before the first entry.
    pub async fn audit_head(&self) -> Result<Option<AuditHead>> {
        let row = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_optional(&mut *self.read().await?).await?;
        Ok(row.map(|r| Ok::<_, sqlx::Error>(AuditHead { seq: r.try_get("seq")?, hash: r.try_get("hash")? })).transpose()?)
    }

    /// Walks the whole chain from the first entry and compares its end with the chain head row.
    /// That finds an edited, inserted or removed entry, and entries cut from the end unless the
    /// head row was changed to match; only [`Store::verify_audit_against`] with signed checkpoints
    /// finds that, or a log recomputed from the start.
    pub async fn verify_audit(&self) -> Result<ChainCheck> {
        self.verify_audit_against(&[]).await
    }

    /// Like [`Store::verify_audit`], and every checkpoint must be in the chain: an entry that
    /// differs from one is `Broken` (the log was rewritten), a log that ends before one is
    /// `Truncated`. Reads from one snapshot, a page of entries at a time.
    pub async fn verify_audit_against(&self, checkpoints: &[Checkpoint]) -> Result<ChainCheck> {
        let mut tx = self.begin_snapshot().await?;
        let walk = chain::walk(&mut tx, None, checkpoints).await?;
        tx.rollback().await?;
        Ok(walk.check)
    }

    /// Who has read or changed this person's data, newest first (what a citizen may see of the log).
    pub async fn audit_of_person(&self, person: &Fodselsnummer) -> Result<Vec<AuditView>> {
        let rows = sqlx::query(
            "SELECT at_ms, actor, actor_name, role, office, action, application_id FROM audit_log
             WHERE person = $1 AND outcome = 'PERMIT' ORDER BY at_ms DESC, seq DESC LIMIT 200",
        )
        .bind(person.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(audit_view).collect()
    }

    /// Every permitted read or change of one application of `person`, oldest first: what the
    /// citizen's "who has looked at my case" shows. Read by application (index
    /// `audit_by_application`), so a busy case is shown whole however many entries the person has
    /// on other applications; `person` keeps it to the owner's own application.
    pub async fn looks_at_application(&self, application_id: &str, person: &Fodselsnummer) -> Result<Vec<AuditView>> {
        let rows = sqlx::query(
            "SELECT at_ms, actor, actor_name, role, office, action, application_id FROM audit_log
             WHERE application_id = $1 AND person = $2 AND outcome = 'PERMIT' ORDER BY seq",
        )
        .bind(application_id)
        .bind(person.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(audit_view).collect()
    }

    /// Every entry about one application, permitted and refused, oldest first (for auditors and
    /// the tests that check a refused attempt was logged).
    pub async fn audit_of_application(&self, application_id: &str) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT actor, actor_name, role, office, action, person, application_id, outcome FROM audit_log
             WHERE application_id = $1 ORDER BY seq",
        )
        .bind(application_id)
        .fetch_all(&mut *self.read().await?)
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
        let row = sqlx::query("SELECT owner_fnr FROM applications WHERE id = $1").bind(application_id).fetch_optional(&mut *self.read().await?).await?;
        Ok(row.map(|r| r.try_get("owner_fnr")).transpose()?)
    }
}

/// Appends `entry` inside the caller's write transaction, so that an action and its audit entry
/// commit together or not at all (an office action, a power of attorney granted). Call it last in
/// the transaction: the chain head row it updates is then locked only for the commit, and every
/// writer takes its locks in the same order (the case's rows first, the audit head last).
pub(crate) async fn append(tx: &mut sqlx::AnyConnection, entry: &AuditEntry, now: Millis) -> Result<()> {
    let head = sqlx::query(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 1, $1)
         ON CONFLICT (id) DO UPDATE SET seq = audit_head.seq + 1
         RETURNING seq, hash",
    )
    .bind(GENESIS)
    .fetch_one(&mut *tx)
    .await?;
    let (mut seq, mut prev): (i64, String) = (head.try_get("seq")?, head.try_get("hash")?);
    for _ in 0..CATCH_UP {
        let hash = current_hash(&prev, seq, now, entry);
        let inserted = sqlx::query(
            "INSERT INTO audit_log (seq, at_ms, actor, actor_name, role, office, action, person, application_id, outcome, prev_hash, hash, hash_version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (seq) DO NOTHING",
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
        .bind(CURRENT)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1").bind(seq).bind(&hash).execute(&mut *tx).await?;
            return Ok(());
        }
        // The log is ahead of its head: continue after its real last entry.
        let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetch_one(&mut *tx).await?;
        seq = last.try_get::<i64, _>("seq")? + 1;
        prev = last.try_get("hash")?;
    }
    Err(StoreError::Corrupt("audit log: entries keep appearing beyond the chain head (is a Velferd from before migration 12 still running?)".into()))
}
