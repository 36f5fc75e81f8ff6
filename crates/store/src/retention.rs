//! Retention: what may be deleted, shown before it is deleted. Drafts go after
//! `DRAFT_LIFETIME_DAYS` (see drafts.rs); a closed case goes when nothing has happened on it for the
//! municipality's retention period. Whether a case is closed is the domain's call (the fold), so
//! the store offers the candidates and deletes what it is told to.
//!
//! Child-welfare concern reports have their own pair, `Store::concern_report_retention_candidates`
//! (closed or merged, nothing recorded since the cut-off) and `Store::delete_concern_report`
//! (`concern_reports.rs`); how long they are kept is the municipality's archive rule, not a default.
//!
//! The register of people without electronic ID (`people_without_eid`, migration 28) is kept while
//! the person has an application or a draft, and for the same period as a closed case after its
//! entry was last changed: `Store::without_eid_retention_candidates` lists the entries not changed
//! since the cut-off with the person's applications, and an entry goes in the same run as the last
//! of them (`Store::delete_without_eid`, which checks again in SQL that none is left).
//!
//! The audit log is not touched: it is the tamper-evident record of who read what, and rows cannot
//! leave the hash chain without breaking it.

use sqlx::Row;
use velferd_domain::Millis;

use crate::{Result, Store};

/// An application with no activity since before the cut-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionCandidate {
    pub id: String,
    pub reference: String,
    pub kommunenummer: String,
    /// The latest of: sent, any event, any document sent, any letter, the case system's status.
    pub last_activity_ms: Millis,
    /// The application's events as (type, JSON text), to decide whether the case is closed.
    pub events: Vec<(String, String)>,
    /// The case system's latest status document, if one was posted.
    pub external_status: Option<String>,
}

const LAST_ACTIVITY: &str = "(SELECT MAX(t) FROM (
        SELECT a.sent_ms AS t
        UNION ALL SELECT MAX(e.at_ms) FROM events e WHERE e.application_id = a.id
        UNION ALL SELECT MAX(s.created_ms) FROM submissions s WHERE s.application_id = a.id
        UNION ALL SELECT MAX(l.created_ms) FROM letters l WHERE l.application_id = a.id
        UNION ALL SELECT MAX(x.updated_ms) FROM external_status x WHERE x.application_id = a.id
    ) activity)";

/// An entry of the register of people without electronic ID not changed since the cut-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithoutEidCandidate {
    pub fnr: String,
    /// The office that registered the person (enhetsnummer).
    pub office: String,
    pub updated_ms: Millis,
    /// The person's applications still stored (ids): the entry goes only when none is left.
    pub applications: Vec<String>,
    /// The person has a draft (their own or one an office started for them).
    pub has_draft: bool,
}

impl Store {
    /// Entries of the register of people without electronic ID last changed before `before`,
    /// oldest first, with the person's applications and whether they have a draft.
    pub async fn without_eid_retention_candidates(&self, before: Millis) -> Result<Vec<WithoutEidCandidate>> {
        let rows = sqlx::query(
            "SELECT p.fnr, p.office, p.updated_ms, CASE WHEN EXISTS (SELECT 1 FROM drafts d WHERE d.owner_fnr = p.fnr) THEN 1 ELSE 0 END AS has_draft
             FROM people_without_eid p WHERE p.updated_ms < $1 ORDER BY p.updated_ms, p.fnr",
        )
        .bind(before)
        .fetch_all(&mut *self.read().await?)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let fnr: String = r.try_get("fnr")?;
            let applications = sqlx::query("SELECT id FROM applications WHERE owner_fnr = $1 ORDER BY id").bind(&fnr).fetch_all(&mut *self.read().await?).await?;
            out.push(WithoutEidCandidate {
                office: r.try_get("office")?,
                updated_ms: r.try_get("updated_ms")?,
                applications: applications.iter().map(|a| a.try_get("id")).collect::<std::result::Result<_, _>>()?,
                has_draft: r.try_get::<i64, _>("has_draft")? != 0,
                fnr,
            });
        }
        Ok(out)
    }

    /// Deletes the person's entry in the register of people without electronic ID if it was not
    /// changed since `before` and the person has no application and no draft left. `true` when it
    /// was deleted.
    pub async fn delete_without_eid(&self, fnr: &str, before: Millis) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "DELETE FROM people_without_eid WHERE fnr = $1 AND updated_ms < $2
                 AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.owner_fnr = $1) AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.owner_fnr = $1)",
        )
        .bind(fnr)
        .bind(before)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Applications with no activity since `before`, oldest first, with what is needed to decide
    /// whether each case is closed.
    pub async fn retention_candidates(&self, before: Millis) -> Result<Vec<RetentionCandidate>> {
        let rows = sqlx::query(&format!(
            "SELECT id, reference, kommunenummer, last_activity FROM (
                 SELECT a.id, a.reference, a.kommunenummer, {LAST_ACTIVITY} AS last_activity FROM applications a
             ) c WHERE last_activity < $1 ORDER BY last_activity, id"
        ))
        .bind(before)
        .fetch_all(&mut *self.read().await?)
        .await?;
        let mut out = Vec::new();
        for r in rows {
            let id: String = r.try_get("id")?;
            let events = sqlx::query("SELECT kind, payload FROM events WHERE application_id = $1 ORDER BY seq").bind(&id).fetch_all(&mut *self.read().await?).await?;
            let external = sqlx::query("SELECT document FROM external_status WHERE application_id = $1").bind(&id).fetch_optional(&mut *self.read().await?).await?;
            out.push(RetentionCandidate {
                reference: r.try_get("reference")?,
                kommunenummer: r.try_get("kommunenummer")?,
                last_activity_ms: r.try_get("last_activity")?,
                events: events.iter().map(|e| Ok((e.try_get("kind")?, e.try_get("payload")?))).collect::<Result<_>>()?,
                external_status: external.map(|x| x.try_get("document")).transpose()?,
                id,
            });
        }
        Ok(out)
    }

    /// How many drafts have expired by `now` (what `delete_expired_drafts` would delete).
    pub async fn count_expired_drafts(&self, now: Millis) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM drafts WHERE updated_ms < $1").bind(crate::drafts::expiry_cutoff(now)).fetch_one(&mut *self.read().await?).await?;
        Ok(row.try_get("n")?)
    }

    /// Deletes an application and everything on it, in one transaction. Returns the files that no
    /// row names any more, for the caller to remove from the file store after the commit.
    pub async fn delete_application(&self, id: &str) -> Result<Vec<String>> {
        let mut tx = self.begin_write().await?;
        let named = sqlx::query(
            "SELECT d.sha256 FROM submission_documents d JOIN submissions s ON s.id = d.submission_id WHERE s.application_id = $1
             UNION SELECT sha256 FROM letters WHERE application_id = $1
             UNION SELECT sha256 FROM message_attachments WHERE application_id = $1
             UNION SELECT sha256 FROM pending_files WHERE application_id = $1
             UNION SELECT thumb_sha256 AS sha256 FROM pending_files WHERE application_id = $1 AND thumb_sha256 IS NOT NULL",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        for sql in [
            "DELETE FROM submission_documents WHERE submission_id IN (SELECT id FROM submissions WHERE application_id = $1)",
            "DELETE FROM submissions WHERE application_id = $1",
            "DELETE FROM letters WHERE application_id = $1",
            "DELETE FROM pending_files WHERE application_id = $1",
            "DELETE FROM document_warnings WHERE application_id = $1",
            "DELETE FROM feed WHERE application_id = $1",
            "DELETE FROM powers_of_attorney WHERE application_id = $1",
            "DELETE FROM external_status WHERE application_id = $1",
            "DELETE FROM events WHERE application_id = $1",
            "DELETE FROM case_status WHERE application_id = $1",
            "DELETE FROM payments WHERE application_id = $1",
            "DELETE FROM decisions WHERE application_id = $1",
            "DELETE FROM calculations WHERE application_id = $1",
            "DELETE FROM office_journal WHERE application_id = $1",
            "DELETE FROM message_attachments WHERE application_id = $1",
            "DELETE FROM messages WHERE application_id = $1",
            "DELETE FROM conversations WHERE application_id = $1",
            "DELETE FROM notifications WHERE application_id = $1",
            "DELETE FROM meeting_slots WHERE meeting_id IN (SELECT id FROM meetings WHERE application_id = $1)",
            "DELETE FROM meetings WHERE application_id = $1",
            "DELETE FROM appeals WHERE application_id = $1",
            "DELETE FROM callbacks WHERE application_id = $1",
            "DELETE FROM applications WHERE id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        }
        let mut orphans = Vec::new();
        for r in named {
            let sha: String = r.try_get("sha256")?;
            if !crate::files::referenced(&mut tx, &sha).await? {
                orphans.push(sha);
            }
        }
        tx.commit().await?;
        Ok(orphans)
    }
}
