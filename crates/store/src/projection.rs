//! The status projection (`case_status`): one row per application with what the office's lists
//! need, computed by the domain's [`project`] from the same fold as the citizen's page and written
//! in the same transaction as every change to what it is computed from (events, documents sent,
//! the case system's status document). Lists read it and never fold events per row; a test folds
//! every application in full and compares.

use sqlx::Row;
use velferd_domain::requests::{project, status_code, Projection, SentDocument};
use velferd_domain::Millis;
use velferd_formats::soker::DigisosSoker;

use crate::{Result, Store, StoreError};

type Tx = sqlx::AnyConnection;

impl Store {
    /// Whether the municipality's own case system owns this municipality's cases
    /// (`status_fra_fagsystem`): then its posted status document, once there is one, drives the case.
    pub(crate) fn case_system_owns(&self, kommunenummer: &str) -> bool {
        self.case_system_kommuner.contains(kommunenummer)
    }

    /// The events that drive one application, read inside `tx`: the case system's latest document
    /// where it owns the case and has posted one, else Velferd's own events.
    pub(crate) async fn driving_document(&self, tx: &mut Tx, application_id: &str, kommunenummer: &str) -> Result<DigisosSoker> {
        if self.case_system_owns(kommunenummer) {
            let row = sqlx::query("SELECT document FROM external_status WHERE application_id = $1").bind(application_id).fetch_optional(&mut *tx).await?;
            if let Some(r) = row {
                let text: String = r.try_get("document")?;
                return DigisosSoker::from_json(&text).map_err(|e| StoreError::Corrupt(format!("external_status.document: {e}")));
            }
        }
        let rows = sqlx::query("SELECT kind, payload FROM events WHERE application_id = $1 ORDER BY seq").bind(application_id).fetch_all(&mut *tx).await?;
        let events: Vec<(String, String)> = rows.iter().map(|r| Ok((r.try_get("kind")?, r.try_get("payload")?))).collect::<Result<_>>()?;
        DigisosSoker::from_event_texts("velferd", &events).map_err(|e| StoreError::Corrupt(format!("events.payload: {e}")))
    }

    /// Recomputes the projection of one application inside `tx` and bumps its version. Every
    /// function that appends events, records documents or stores a case system's status calls this
    /// before it commits.
    pub(crate) async fn refresh_projection(&self, tx: &mut Tx, application_id: &str, now: Millis) -> Result<()> {
        let app = sqlx::query("SELECT kommunenummer, enhetsnummer, emergency, sent_ms FROM applications WHERE id = $1").bind(application_id).fetch_one(&mut *tx).await?;
        let kommunenummer: String = app.try_get("kommunenummer")?;
        let doc = self.driving_document(tx, application_id, &kommunenummer).await?;
        let sent = sent_documents(tx, application_id).await?;
        let p = project(&doc, &sent);
        let enhetsnummer: String = app.try_get("enhetsnummer")?;
        let row = ProjectionRow { enhetsnummer: &enhetsnummer, emergency: app.try_get::<i64, _>("emergency")? != 0, sent_ms: app.try_get("sent_ms")? };
        write(tx, application_id, &row, &p, now).await
    }

    /// Computes the projection of one application from scratch, without writing it (for tests that
    /// hold the stored projection to a full fold, and for the case file).
    pub async fn computed_projection(&self, application_id: &str) -> Result<Option<Projection>> {
        let mut tx = self.pool.begin().await?;
        let Some(app) = sqlx::query("SELECT kommunenummer FROM applications WHERE id = $1").bind(application_id).fetch_optional(&mut *tx).await? else {
            return Ok(None);
        };
        let kommunenummer: String = app.try_get("kommunenummer")?;
        let doc = self.driving_document(&mut tx, application_id, &kommunenummer).await?;
        let sent = sent_documents(&mut tx, application_id).await?;
        tx.rollback().await?;
        Ok(Some(project(&doc, &sent)))
    }

    /// Writes the projection of every application that has none (applications sent before the
    /// projection existed, or restored from an older backup). Returns how many were written.
    pub async fn refresh_missing_projections(&self, now: Millis) -> Result<u64> {
        let rows = sqlx::query("SELECT a.id FROM applications a LEFT JOIN case_status c ON c.application_id = a.id WHERE c.application_id IS NULL")
            .fetch_all(&mut *self.read().await?)
            .await?;
        let mut done = 0;
        for chunk in rows.chunks(500) {
            let mut tx = self.begin_write().await?;
            for r in chunk {
                let id: String = r.try_get("id")?;
                self.refresh_projection(&mut tx, &id, now).await?;
                done += 1;
            }
            tx.commit().await?;
        }
        Ok(done)
    }

    /// Recomputes the projection of every application of the municipalities whose case system
    /// owns their cases (after the catalogue changed which ones do).
    pub async fn refresh_case_system_projections(&self, now: Millis) -> Result<u64> {
        let mut done = 0;
        for kommune in self.case_system_kommuner.iter() {
            let rows = sqlx::query("SELECT a.id FROM applications a JOIN external_status x ON x.application_id = a.id WHERE a.kommunenummer = $1")
                .bind(kommune)
                .fetch_all(&mut *self.read().await?)
                .await?;
            for chunk in rows.chunks(500) {
                let mut tx = self.begin_write().await?;
                for r in chunk {
                    self.refresh_projection(&mut tx, &r.try_get::<String, _>("id")?, now).await?;
                    done += 1;
                }
                tx.commit().await?;
            }
        }
        Ok(done)
    }
}

/// Every document sent to an application, with when, for the answered-rule.
pub(crate) async fn sent_documents(tx: &mut Tx, application_id: &str) -> Result<Vec<SentDocument>> {
    let rows = sqlx::query("SELECT d.kind, d.tilleggsinfo, s.created_ms FROM submission_documents d JOIN submissions s ON s.id = d.submission_id WHERE s.application_id = $1")
        .bind(application_id)
        .fetch_all(&mut *tx)
        .await?;
    rows.iter().map(|r| Ok(SentDocument { kind: r.try_get("kind")?, tilleggsinfo: r.try_get("tilleggsinfo")?, at: r.try_get("created_ms")? })).collect()
}

/// What the projection row keeps of the application itself.
pub(crate) struct ProjectionRow<'a> {
    pub enhetsnummer: &'a str,
    pub emergency: bool,
    pub sent_ms: Millis,
}

/// Writes one application's projection inside `tx`: a new row at version 1, or the row updated
/// with its version bumped.
pub(crate) async fn write(tx: &mut Tx, application_id: &str, row: &ProjectionRow<'_>, p: &Projection, now: Millis) -> Result<()> {
    let mut batch = crate::batch::Batch::new();
    push_write(&mut batch, application_id, row, p, now);
    batch.run(tx).await
}

/// [`write`] as a statement of a caller's batch.
pub(crate) fn push_write(batch: &mut crate::batch::Batch, application_id: &str, row: &ProjectionRow<'_>, p: &Projection, now: Millis) {
    batch.push(
        "INSERT INTO case_status (application_id, enhetsnummer, emergency, sent_ms, status, is_open, decided, forelopig_svar, open_requests, next_deadline_ms, version, updated_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11)
         ON CONFLICT (application_id) DO UPDATE SET enhetsnummer = $2, status = $5, is_open = $6, decided = $7, forelopig_svar = $8,
             open_requests = $9, next_deadline_ms = $10, version = case_status.version + 1, updated_ms = $11",
        vec![
            application_id.into(),
            row.enhetsnummer.into(),
            i64::from(row.emergency).into(),
            row.sent_ms.into(),
            status_code(p.status).into(),
            i64::from(p.open).into(),
            i64::from(p.decided).into(),
            i64::from(p.forelopig_svar).into(),
            p.open_requests.into(),
            p.next_deadline.into(),
            now.into(),
        ],
    );
}
