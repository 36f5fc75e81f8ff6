//! Appeals (klage) against a decision: received from the person (in time or late, never refused),
//! then taken into processing, upheld (medhold; the office makes a new decision) or kept and sent on
//! to the county governor (statsforvalteren) with a cover letter. Each step is one transaction with
//! its event in the appeal's `hendelser` (klage-filformat.md), its letter and its audit entry.

use sqlx::Row;
use velferd_domain::Millis;

use crate::{audit, new_uuid, AuditEntry, Result, Store};

/// An appeal as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealRow {
    /// The klageId (UUID).
    pub id: String,
    pub application_id: String,
    pub decision_id: String,
    pub text: String,
    /// `2026-12-21`: the deadline it was measured against.
    pub deadline: String,
    /// 0 when it came in time.
    pub days_late: i64,
    pub late_reason: Option<String>,
    /// `MOTTATT`, `UNDER_BEHANDLING`, `FERDIGBEHANDLET` or `VIDERESENDT` (klage-filformat.md).
    pub status: String,
    /// `MEDHOLD` or `OPPRETTHOLDT` once decided.
    pub outcome: Option<String>,
    pub cover_letter_id: Option<String>,
    /// The appeal's `hendelser`, as klage-filformat.md writes them.
    pub events: serde_json::Value,
    pub version: i64,
    pub created_ms: Millis,
}

/// An appeal as the person sent it, checked by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAppeal<'a> {
    pub application_id: &'a str,
    pub decision_id: &'a str,
    pub token: &'a str,
    pub text: &'a str,
    pub deadline: &'a str,
    pub days_late: i64,
    pub late_reason: Option<&'a str>,
    /// klage.json (klage-filformat.md) as sent; its `klageId` is the appeal's id.
    pub klage_json: &'a serde_json::Value,
    /// The first event (`KlageStatus` `MOTTATT`).
    pub event: &'a serde_json::Value,
}

/// One step the office takes on an appeal.
#[derive(Debug, Clone, PartialEq)]
pub struct AppealStep<'a> {
    pub status: &'a str,
    pub outcome: Option<&'a str>,
    /// The events to add to the appeal's `hendelser`.
    pub events: Vec<serde_json::Value>,
    /// A letter to file with it (title, sha256 of the PDF already in the file store, size): the
    /// cover letter to the county governor.
    pub letter: Option<(String, String, i64)>,
}

const COLUMNS: &str = "id, application_id, decision_id, text, deadline, days_late, late_reason, status, outcome, cover_letter_id, events_json, version, created_ms";

fn appeal_from_row(r: &sqlx::any::AnyRow) -> Result<AppealRow> {
    let events: String = r.try_get("events_json")?;
    Ok(AppealRow {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        decision_id: r.try_get("decision_id")?,
        text: r.try_get("text")?,
        deadline: r.try_get("deadline")?,
        days_late: r.try_get("days_late")?,
        late_reason: r.try_get("late_reason")?,
        status: r.try_get("status")?,
        outcome: r.try_get("outcome")?,
        cover_letter_id: r.try_get("cover_letter_id")?,
        events: serde_json::from_str(&events).map_err(|e| crate::StoreError::Corrupt(format!("appeals.events_json: {e}")))?,
        version: r.try_get("version")?,
        created_ms: r.try_get("created_ms")?,
    })
}

impl Store {
    /// Receives an appeal; the same form (token) twice stores one. Returns the appeal's id.
    pub async fn receive_appeal(&self, a: &NewAppeal<'_>, now: Millis) -> Result<String> {
        let mut tx = self.begin_write().await?;
        if let Some(row) = sqlx::query("SELECT id FROM appeals WHERE application_id = $1 AND token = $2").bind(a.application_id).bind(a.token).fetch_optional(&mut *tx).await? {
            tx.rollback().await?;
            return Ok(row.try_get("id")?);
        }
        let id = a.klage_json.get("klageId").and_then(|v| v.as_str()).map(str::to_owned).unwrap_or_else(new_uuid);
        sqlx::query(
            "INSERT INTO appeals (id, application_id, decision_id, token, text, deadline, days_late, late_reason, status, events_json, klage_json, version, created_ms, updated_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'MOTTATT', $9, $10, 1, $11, $11)",
        )
        .bind(&id)
        .bind(a.application_id)
        .bind(a.decision_id)
        .bind(a.token)
        .bind(a.text)
        .bind(a.deadline)
        .bind(a.days_late)
        .bind(a.late_reason)
        .bind(serde_json::Value::Array(vec![a.event.clone()]).to_string())
        .bind(a.klage_json.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The appeals on an application, oldest first.
    pub async fn appeals_of(&self, application_id: &str) -> Result<Vec<AppealRow>> {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM appeals WHERE application_id = $1 ORDER BY created_ms, id"))
            .bind(application_id)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(appeal_from_row).collect()
    }

    /// The open appeals (received or being processed) of office `office`, oldest first, with the
    /// case reference; people with a protected address only when `protected_persons`.
    pub async fn open_appeals(&self, office: &str, protected_persons: bool) -> Result<Vec<(AppealRow, String)>> {
        let columns = COLUMNS.split(", ").map(|c| format!("k.{c}")).collect::<Vec<_>>().join(", ");
        let rows = sqlx::query(&format!(
            "SELECT {columns}, a.reference FROM appeals k JOIN applications a ON a.id = k.application_id LEFT JOIN people p ON p.fnr = a.owner_fnr
             WHERE a.enhetsnummer = $1 AND k.status IN ('MOTTATT', 'UNDER_BEHANDLING') AND ($2 = 1 OR p.adressebeskyttelse IS NULL)
             ORDER BY k.created_ms, k.id LIMIT 200"
        ))
        .bind(office)
        .bind(i64::from(protected_persons))
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(|r| Ok((appeal_from_row(r)?, r.try_get("reference")?))).collect()
    }

    /// Takes a step on appeal `id` of application `application_id` as it was at `version`: the new
    /// status and outcome, its events, its letter (filed among the case's letters) and the audit
    /// entry, in one transaction. False when the appeal changed since (nothing written).
    pub async fn appeal_step(&self, application_id: &str, id: &str, version: i64, step: &AppealStep<'_>, entry: &AuditEntry, now: Millis) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let Some(row) = sqlx::query("SELECT events_json FROM appeals WHERE id = $1 AND application_id = $2 AND version = $3")
            .bind(id)
            .bind(application_id)
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?
        else {
            tx.rollback().await?;
            return Ok(false);
        };
        let mut events: Vec<serde_json::Value> =
            serde_json::from_str(&row.try_get::<String, _>("events_json")?).map_err(|e| crate::StoreError::Corrupt(format!("appeals.events_json: {e}")))?;
        events.extend(step.events.iter().cloned());
        let mut letter_id = None;
        if let Some((title, sha256, bytes)) = &step.letter {
            let lid = new_uuid();
            sqlx::query("INSERT INTO letters (id, application_id, title, sha256, bytes, created_ms) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(&lid)
                .bind(application_id)
                .bind(title)
                .bind(sha256)
                .bind(*bytes)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            letter_id = Some(lid);
        }
        let done = sqlx::query(
            "UPDATE appeals SET status = $4, outcome = COALESCE($5, outcome), cover_letter_id = COALESCE($6, cover_letter_id), events_json = $7, version = version + 1, updated_ms = $8
             WHERE id = $1 AND application_id = $2 AND version = $3",
        )
        .bind(id)
        .bind(application_id)
        .bind(version)
        .bind(step.status)
        .bind(step.outcome)
        .bind(letter_id.as_deref())
        .bind(serde_json::Value::Array(events).to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
