//! Child-welfare concern reports (rules in `velferd_domain::barnevern`): the report as received,
//! its files (attachments, feedback letters) and the steps the child-welfare service records.
//!
//! Sending is durable like an application: the report, its files' rows, its first step and the
//! rate-limit count commit in one transaction before the receipt is shown, and the sending's form
//! token (`submit_key`, unique) makes a retried or doubled send answer with the same receipt.
//! Staff reads take the municipalities the reader may see and write their audit entry in the same
//! transaction; a report of another municipality is `None`, never a row.

use sqlx::Row;
use velferd_domain::barnevern::{Report, Step};
use velferd_domain::ids::Kommunenummer;
use velferd_domain::Millis;

use crate::{audit, new_id, AuditEntry, Result, Store, StoreError};

/// A file to keep with a report (already in the file store under its SHA-256).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReportFile {
    /// `vedlegg` (the reporter's attachment) or `tilbakemelding` (a feedback letter).
    pub kind: String,
    pub name: String,
    pub sha256: String,
    pub bytes: i64,
}

/// A file of a report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFile {
    pub position: i64,
    pub kind: String,
    pub name: String,
    pub sha256: String,
    pub bytes: i64,
    pub created_ms: Millis,
}

/// Where a report stands, as written with every step (so a list never folds per row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportProjection {
    /// `velferd_domain::barnevern::Status::code`.
    pub status: &'static str,
    /// The end of the next deadline not yet met (ms), if any.
    pub next_deadline_ms: Option<Millis>,
    /// Acute: as the service assessed it once it has, before that as the reporter said
    /// (`velferd_domain::barnevern::ReportState::acute`). Listed first.
    pub acute: bool,
}

/// A report to store as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConcernReport<'a> {
    /// The sending's form token: the same token answers with the same report.
    pub submit_key: &'a str,
    pub report: &'a Report,
    pub files: &'a [NewReportFile],
    pub projection: ReportProjection,
}

/// A report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcernReportRow {
    pub id: String,
    pub reference: String,
    pub report: Report,
    pub received_ms: Millis,
    pub status: String,
    pub next_deadline_ms: Option<Millis>,
    /// Listed first (see [`ReportProjection::acute`]).
    pub acute: bool,
    pub version: i64,
    pub updated_ms: Millis,
}

/// One recorded step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportStep {
    pub seq: i64,
    pub step: Step,
    /// `staff:<subject>`, or `melder` for the receipt.
    pub actor: String,
    pub actor_name: String,
    pub at_ms: Millis,
}

/// A report with everything recorded on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcernReportFull {
    pub row: ConcernReportRow,
    pub steps: Vec<ReportStep>,
    pub files: Vec<ReportFile>,
}

/// A step to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStep<'a> {
    pub report_id: &'a str,
    /// The version the caseworker's page was drawn from.
    pub version: i64,
    pub step: &'a Step,
    pub actor: &'a str,
    pub actor_name: &'a str,
    pub projection: ReportProjection,
    /// A letter filed with the step (the feedback letter).
    pub file: Option<&'a NewReportFile>,
}

const COLUMNS: &str = "id, reference, report_json, received_ms, status, next_deadline_ms, acute, version, updated_ms";

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn row_from(r: &sqlx::any::AnyRow) -> Result<ConcernReportRow> {
    let json: String = r.try_get("report_json")?;
    Ok(ConcernReportRow {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        report: serde_json::from_str(&json).map_err(corrupt)?,
        received_ms: r.try_get("received_ms")?,
        status: r.try_get("status")?,
        next_deadline_ms: r.try_get("next_deadline_ms")?,
        acute: r.try_get::<i64, _>("acute")? == 1,
        version: r.try_get("version")?,
        updated_ms: r.try_get("updated_ms")?,
    })
}

/// `$first, $first+1, …` for an `IN` list of `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

async fn insert_file(tx: &mut sqlx::AnyConnection, report_id: &str, f: &NewReportFile, now: Millis) -> Result<()> {
    sqlx::query(
        "INSERT INTO concern_report_files (report_id, position, kind, name, sha256, bytes, created_ms)
         VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM concern_report_files WHERE report_id = $1), $2, $3, $4, $5, $6)",
    )
    .bind(report_id)
    .bind(&f.kind)
    .bind(&f.name)
    .bind(&f.sha256)
    .bind(f.bytes)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

async fn insert_step(tx: &mut sqlx::AnyConnection, report_id: &str, step: &Step, actor: &str, actor_name: &str, now: Millis) -> Result<()> {
    sqlx::query(
        "INSERT INTO concern_report_steps (report_id, seq, kind, payload, actor, actor_name, at_ms)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM concern_report_steps WHERE report_id = $1), $2, $3, $4, $5, $6)",
    )
    .bind(report_id)
    .bind(step.kind().id())
    .bind(serde_json::to_string(step).map_err(corrupt)?)
    .bind(actor)
    .bind(actor_name)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The reference of a new report: `BM-` and eight characters of a fresh random id.
fn new_reference() -> String {
    velferd_domain::barnevern::reference(&new_id())
}

impl Store {
    /// Stores a received report with its files and its first step (`mottatt`), and counts `count`
    /// (the sending limit), in one transaction. Returns the report's id and reference; a
    /// `submit_key` already used returns that report (nothing is written or counted again).
    pub async fn submit_concern_report(&self, new: &NewConcernReport<'_>, count: Option<&crate::RateCount>, now: Millis) -> Result<(String, String)> {
        if let Some(done) = self.concern_report_by_submit_key(new.submit_key).await? {
            return Ok(done);
        }
        let id = new_id();
        let reference = new_reference();
        let (reporter_fnr, kind) = match &new.report.reporter {
            velferd_domain::barnevern::Reporter::Offentlig { fnr, .. } => (Some(fnr.as_str().to_owned()), "offentlig"),
            other => (None, other.kind()),
        };
        let mut tx = self.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO concern_reports (id, reference, submit_key, kommunenummer, jurisdiction, acute, reporter_kind, reporter_fnr, report_json, received_ms, status, next_deadline_ms, version, updated_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $10)
             ON CONFLICT (submit_key) DO NOTHING",
        )
        .bind(&id)
        .bind(&reference)
        .bind(new.submit_key)
        .bind(new.report.kommune.as_str())
        .bind(new.report.jurisdiction.code())
        .bind(i64::from(new.projection.acute))
        .bind(kind)
        .bind(reporter_fnr)
        .bind(serde_json::to_string(new.report).map_err(corrupt)?)
        .bind(now)
        .bind(new.projection.status)
        .bind(new.projection.next_deadline_ms)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() != 1 {
            // A racing send with the same token won: answer with its report.
            tx.rollback().await?;
            return self.concern_report_by_submit_key(new.submit_key).await?.ok_or_else(|| corrupt("a sent report vanished"));
        }
        for f in new.files {
            insert_file(&mut tx, &id, f, now).await?;
        }
        insert_step(&mut tx, &id, &Step::Mottatt, "melder", "", now).await?;
        if let Some(count) = count {
            crate::rate_limits::count_in(&mut tx, count, now).await?;
        }
        tx.commit().await?;
        Ok((id, reference))
    }

    /// The id and reference of the report sent with `submit_key`, if one was.
    pub async fn concern_report_by_submit_key(&self, submit_key: &str) -> Result<Option<(String, String)>> {
        let row = sqlx::query("SELECT id, reference FROM concern_reports WHERE submit_key = $1").bind(submit_key).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| Ok((r.try_get("id")?, r.try_get("reference")?))).transpose()
    }

    /// The reports of `kommuner`, open ones (or all with `include_closed`): acute first, then by
    /// the next deadline (none last), then oldest first. The read is audited in the same
    /// transaction. At most `limit` rows.
    pub async fn concern_reports(&self, kommuner: &[Kommunenummer], include_closed: bool, limit: i64, entry: &AuditEntry, now: Millis) -> Result<Vec<ConcernReportRow>> {
        if kommuner.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.begin_write().await?;
        let open = if include_closed { "" } else { "AND status NOT IN ('avsluttet', 'sammenslatt')" };
        let sql = format!(
            "SELECT {COLUMNS} FROM concern_reports WHERE kommunenummer IN ({}) {open}
             ORDER BY CASE WHEN acute = 1 THEN 0 ELSE 1 END, CASE WHEN next_deadline_ms IS NULL THEN 1 ELSE 0 END, next_deadline_ms, received_ms, id
             LIMIT ${}",
            placeholders(1, kommuner.len()),
            kommuner.len() + 1
        );
        let mut q = sqlx::query(&sql);
        for k in kommuner {
            q = q.bind(k.as_str());
        }
        let rows = q.bind(limit).fetch_all(&mut *tx).await?;
        let out = rows.iter().map(row_from).collect::<Result<Vec<_>>>()?;
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// One report of `kommuner`, with its steps and files; `None` when there is no such report
    /// or it belongs to another municipality. The read (or the refusal) is audited in the same
    /// transaction: `entry` is written as given when the report is found, as a refusal when not.
    pub async fn concern_report(&self, id: &str, kommuner: &[Kommunenummer], entry: &AuditEntry, now: Millis) -> Result<Option<ConcernReportFull>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!("SELECT {COLUMNS}, kommunenummer FROM concern_reports WHERE id = $1")).bind(id).fetch_optional(&mut *tx).await?;
        let row = match row {
            Some(r) => {
                let kommune: String = r.try_get("kommunenummer")?;
                kommuner.iter().any(|k| k.as_str() == kommune).then(|| row_from(&r)).transpose()?
            }
            None => None,
        };
        let Some(row) = row else {
            let refused = AuditEntry { outcome: crate::Outcome::Deny, ..entry.clone() };
            audit::append(&mut tx, &refused, now).await?;
            tx.commit().await?;
            return Ok(None);
        };
        let steps = sqlx::query("SELECT seq, payload, actor, actor_name, at_ms FROM concern_report_steps WHERE report_id = $1 ORDER BY seq").bind(id).fetch_all(&mut *tx).await?;
        let steps = steps
            .iter()
            .map(|s| {
                let payload: String = s.try_get("payload")?;
                Ok(ReportStep {
                    seq: s.try_get("seq")?,
                    step: serde_json::from_str(&payload).map_err(corrupt)?,
                    actor: s.try_get("actor")?,
                    actor_name: s.try_get("actor_name")?,
                    at_ms: s.try_get("at_ms")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let files = sqlx::query("SELECT position, kind, name, sha256, bytes, created_ms FROM concern_report_files WHERE report_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        let files = files
            .iter()
            .map(|f| {
                Ok(ReportFile {
                    position: f.try_get("position")?,
                    kind: f.try_get("kind")?,
                    name: f.try_get("name")?,
                    sha256: f.try_get("sha256")?,
                    bytes: f.try_get("bytes")?,
                    created_ms: f.try_get("created_ms")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(Some(ConcernReportFull { row, steps, files }))
    }

    /// Records a step on a report at `version`, with its projection, an optional letter and the
    /// audit entry, in one transaction. False (nothing written) when the report changed since
    /// the page was drawn.
    pub async fn record_concern_step(&self, s: &NewStep<'_>, entry: &AuditEntry, now: Millis) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let changed =
            sqlx::query("UPDATE concern_reports SET version = version + 1, status = $3, next_deadline_ms = $4, updated_ms = $5, acute = $6 WHERE id = $1 AND version = $2")
                .bind(s.report_id)
                .bind(s.version)
                .bind(s.projection.status)
                .bind(s.projection.next_deadline_ms)
                .bind(now)
                .bind(i64::from(s.projection.acute))
                .execute(&mut *tx)
                .await?;
        if changed.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_step(&mut tx, s.report_id, s.step, s.actor, s.actor_name, now).await?;
        if let Some(f) = s.file {
            insert_file(&mut tx, s.report_id, f, now).await?;
        }
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The id of the report with this reference in this municipality (for a merge typed by
    /// reference), if there is one. Not a read of the report's contents.
    pub async fn concern_report_id_by_reference(&self, reference: &str, kommune: &Kommunenummer) -> Result<Option<String>> {
        let row = sqlx::query("SELECT id FROM concern_reports WHERE reference = $1 AND kommunenummer = $2")
            .bind(reference)
            .bind(kommune.as_str())
            .fetch_optional(&mut *self.read().await?)
            .await?;
        row.map(|r| Ok(r.try_get("id")?)).transpose()
    }

    /// A professional reporter's own reports (for their receipts): id, reference, received.
    /// Filtered by their fødselsnummer in SQL.
    pub async fn concern_reports_by_reporter(&self, fnr: &velferd_domain::ids::Fodselsnummer) -> Result<Vec<ConcernReportRow>> {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM concern_reports WHERE reporter_fnr = $1 ORDER BY received_ms DESC, id LIMIT 200"))
            .bind(fnr.as_str())
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(row_from).collect()
    }

    /// The report sent with `submit_key` as its reporter sees it right after sending (the receipt
    /// page and PDF): only with the token of that sending, which only the sender's session holds.
    pub async fn concern_report_for_receipt(&self, submit_key: &str) -> Result<Option<ConcernReportRow>> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM concern_reports WHERE submit_key = $1")).bind(submit_key).fetch_optional(&mut *self.read().await?).await?;
        row.as_ref().map(row_from).transpose()
    }

    /// Closed or merged reports with no step since `before`, oldest first (ids), for retention.
    pub async fn concern_report_retention_candidates(&self, before: Millis) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT id FROM concern_reports WHERE status IN ('avsluttet', 'sammenslatt') AND updated_ms < $1 ORDER BY updated_ms, id")
            .bind(before)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
    }

    /// Deletes a report with its steps and file rows in one transaction; returns the files no row
    /// names any more, for the caller to remove after the commit.
    pub async fn delete_concern_report(&self, id: &str) -> Result<Vec<String>> {
        let mut tx = self.begin_write().await?;
        let named = sqlx::query("SELECT DISTINCT sha256 FROM concern_report_files WHERE report_id = $1").bind(id).fetch_all(&mut *tx).await?;
        for sql in ["DELETE FROM concern_report_steps WHERE report_id = $1", "DELETE FROM concern_report_files WHERE report_id = $1", "DELETE FROM concern_reports WHERE id = $1"] {
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
