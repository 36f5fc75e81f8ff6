//! Sent applications and their events.

use sqlx::Row;
use velferd_domain::application::{Answers, SummarySection};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::Millis;

use crate::batch::{Arg, Batch};
use crate::{new_id, new_reference, Result, Store, StoreError};

/// What is stored when a draft is sent. Built by the caller from the domain's documents.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub kommunenummer: Kommunenummer,
    pub enhetsnummer: String,
    pub emergency: bool,
    pub soknad_json: serde_json::Value,
    pub vedlegg_json: serde_json::Value,
    pub answers: Answers,
    /// The summary rows as the citizen saw them before sending, kept as sent.
    pub summary: Vec<SummarySection>,
    /// The first events, in the digisos-soker vocabulary (e.g. soknadsStatus MOTTATT).
    pub events: Vec<serde_json::Value>,
    /// Documents sent with the application (one PDF per expected document, already in the file
    /// store), kept as a submission marked as part of the application.
    pub documents: Vec<crate::SubmittedDocument>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub id: String,
    pub reference: String,
    /// False when this draft had already been sent (a double-click or a retried request).
    pub created: bool,
    /// Files (SHA-256) the draft used that nothing uses any more now that it is sent: the
    /// originals and previews its documents' PDFs were made from. The caller deletes them from
    /// the file store after answering. Empty when `created` is false.
    pub unused_files: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct StoredApplication {
    pub id: String,
    pub reference: String,
    pub kommunenummer: Kommunenummer,
    pub enhetsnummer: String,
    pub emergency: bool,
    pub soknad_json: serde_json::Value,
    pub vedlegg_json: serde_json::Value,
    pub answers: Answers,
    /// The summary rows stored at send time; `None` for applications sent before they were kept
    /// (use [`velferd_domain::application::as_sent`], which builds them from the answers then).
    pub summary: Option<Vec<SummarySection>>,
    pub sent_ms: Millis,
}

fn json(r: &sqlx::any::AnyRow, column: &str) -> Result<serde_json::Value> {
    let text: String = r.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("applications.{column}: {e}")))
}

pub(crate) fn application_from_row(r: &sqlx::any::AnyRow) -> Result<StoredApplication> {
    let answers: String = r.try_get("answers")?;
    let kommunenummer: String = r.try_get("kommunenummer")?;
    Ok(StoredApplication {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        kommunenummer: Kommunenummer::parse(&kommunenummer).map_err(|_| StoreError::Corrupt("applications.kommunenummer".into()))?,
        enhetsnummer: r.try_get("enhetsnummer")?,
        emergency: r.try_get::<i64, _>("emergency")? != 0,
        soknad_json: json(r, "soknad_json")?,
        vedlegg_json: json(r, "vedlegg_json")?,
        answers: serde_json::from_str(&answers).map_err(|e| StoreError::Corrupt(format!("applications.answers: {e}")))?,
        summary: r
            .try_get::<Option<String>, _>("summary_json")?
            .map(|text| serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("applications.summary_json: {e}"))))
            .transpose()?,
        sent_ms: r.try_get("sent_ms")?,
    })
}

/// Appends `events` to an application's log, numbered from `first_seq` on, inside the caller's
/// transaction: one statement per 100 events (a round trip each is what a send's cost is made of on
/// SQLite).
pub(crate) async fn insert_events(tx: &mut sqlx::AnyConnection, application_id: &str, first_seq: i64, events: &[serde_json::Value], now: Millis) -> Result<()> {
    let mut batch = Batch::new();
    push_events(&mut batch, application_id, first_seq, events, now);
    batch.run(tx).await
}

/// [`insert_events`] as statements of a caller's [`Batch`].
pub(crate) fn push_events(batch: &mut Batch, application_id: &str, first_seq: i64, events: &[serde_json::Value], now: Millis) {
    // 5 values a row; at most 100 rows a statement keeps far below both databases' bind limits.
    for (chunk_no, chunk) in events.chunks(100).enumerate() {
        let rows: Vec<String> = (0..chunk.len()).map(|i| format!("(${}, ${}, ${}, ${}, ${})", i * 5 + 1, i * 5 + 2, i * 5 + 3, i * 5 + 4, i * 5 + 5)).collect();
        let sql = format!("INSERT INTO events (application_id, seq, kind, payload, at_ms) VALUES {}", rows.join(", "));
        let mut args = Vec::with_capacity(chunk.len() * 5);
        for (i, event) in chunk.iter().enumerate() {
            let kind = event.get("type").and_then(|t| t.as_str()).unwrap_or("ukjent");
            args.extend([Arg::from(application_id), Arg::from(first_seq + (chunk_no * 100 + i) as i64), Arg::from(kind), Arg::from(event.to_string()), Arg::from(now)]);
        }
        batch.push(sql, args);
    }
}

pub(crate) const COLUMNS: &str = "id, reference, kommunenummer, enhetsnummer, emergency, soknad_json, vedlegg_json, answers, summary_json, sent_ms";

impl Store {
    /// Sends the owner's draft: stores the application with its first events and removes the draft,
    /// all in one transaction that is durable when this returns. Sending the same draft again
    /// returns the application already stored (`created: false`) instead of a second one.
    /// `None` when the draft does not exist for this owner and was never sent.
    pub async fn submit(&self, draft_id: &str, owner: &Fodselsnummer, app: &NewApplication, now: Millis) -> Result<Option<Submitted>> {
        self.submit_counted(draft_id, owner, app, None, now).await
    }

    /// Like [`Store::submit`], and counts `count` (the sending limit) in the same transaction, so
    /// a send commits once. A repeated send (the draft already sent) counts nothing.
    pub async fn submit_counted(&self, draft_id: &str, owner: &Fodselsnummer, app: &NewApplication, count: Option<&crate::RateCount>, now: Millis) -> Result<Option<Submitted>> {
        self.submit_with(draft_id, owner, app, count, None, now).await
    }

    /// The one send: [`Store::submit_counted`], and for an application a caseworker registered,
    /// its channel and who registered it (`None`: the person's own, digital).
    pub(crate) async fn submit_with(
        &self,
        draft_id: &str,
        owner: &Fodselsnummer,
        app: &NewApplication,
        count: Option<&crate::RateCount>,
        channel: Option<&crate::ApplicationChannel>,
        now: Millis,
    ) -> Result<Option<Submitted>> {
        // A reference is random: on the rare clash with another application's, try a new one.
        for _ in 0..3 {
            match self.try_submit(draft_id, owner, app, count, channel, now).await {
                Err(e) if e.is_unique_violation() => {
                    // The draft id was sent before (the demo's fixed ids, written again by a second
                    // server starting at once): answer with that application. Else it was the reference.
                    if let Some(done) = self.submitted_from_draft(draft_id, owner).await? {
                        return Ok(Some(done));
                    }
                }
                other => return other,
            }
        }
        Err(StoreError::Corrupt("three random application references in a row were taken".into()))
    }

    /// One attempt of [`Self::submit_counted`]: one transaction of about a dozen statements, every
    /// value it needs computed before (a send's cost on SQLite is its round trips to the database).
    async fn try_submit(
        &self,
        draft_id: &str,
        owner: &Fodselsnummer,
        app: &NewApplication,
        count: Option<&crate::RateCount>,
        channel: Option<&crate::ApplicationChannel>,
        now: Millis,
    ) -> Result<Option<Submitted>> {
        let id = new_id();
        let reference = new_reference();
        let mut tx = self.begin_write().await?;
        // Claim the draft first: only one of two racing requests deletes it, and the loser falls
        // through to reading the winner's application. A draft id already sent (and made again)
        // fails the insert below on `applications.draft_id`'s uniqueness, and the caller answers
        // with the application already stored.
        let claimed = sqlx::query("DELETE FROM drafts WHERE id = $1 AND owner_fnr = $2").bind(draft_id).bind(owner.as_str()).execute(&mut *tx).await?;
        if claimed.rows_affected() != 1 {
            tx.rollback().await?;
            return self.submitted_from_draft(draft_id, owner).await;
        }
        // The draft's own files go with the draft (their rows are needed: what the citizen was told
        // about unreadable pages outlives them). Everything else the send writes is one batch: on
        // SQLite one call to the connection's thread instead of one per statement.
        let taken = crate::draft_files::take_files_of_draft(&mut tx, draft_id).await?;
        let mut batch = Batch::new();
        batch.push(
            "INSERT INTO applications (id, reference, draft_id, owner_fnr, kommunenummer, enhetsnummer, emergency, soknad_json, vedlegg_json, answers, sent_ms, summary_json)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            vec![
                (&id).into(),
                (&reference).into(),
                draft_id.into(),
                owner.as_str().into(),
                app.kommunenummer.as_str().into(),
                (&app.enhetsnummer).into(),
                i64::from(app.emergency).into(),
                app.soknad_json.to_string().into(),
                app.vedlegg_json.to_string().into(),
                serde_json::to_string(&app.answers).map_err(|e| StoreError::Corrupt(e.to_string()))?.into(),
                now.into(),
                serde_json::to_string(&app.summary).map_err(|e| StoreError::Corrupt(e.to_string()))?.into(),
            ],
        );
        if let Some(c) = channel {
            batch.push(
                "UPDATE applications SET channel = $1, registered_by = $2, registered_by_name = $3, identity_check = $4, identity_checked_by = $5, kommune_reason = $6
                 WHERE id = $7",
                vec![
                    c.channel.slug().into(),
                    c.registered_by.as_ref().map(|(s, _)| s.clone()).into(),
                    c.registered_by.as_ref().map(|(_, n)| n.clone()).into(),
                    c.identity_check.clone().into(),
                    c.identity_checked_by.clone().into(),
                    c.kommune_reason.clone().into(),
                    (&id).into(),
                ],
            );
        }
        push_events(&mut batch, &id, 0, &app.events, now);
        if !app.documents.is_empty() {
            crate::submissions::push_insert(&mut batch, &id, &app.documents, &app.vedlegg_json, true, now);
        }
        for f in taken.files.iter().filter(|f| !f.warnings.is_empty()) {
            batch.push(
                "INSERT INTO document_warnings (application_id, slot, position, file_name, warnings, created_ms) VALUES ($1, $2, $3, $4, $5, $6)",
                vec![(&id).into(), (&f.slot).into(), f.position.into(), (&f.name).into(), (&f.warnings).into(), now.into()],
            );
        }
        if let Some(count) = count {
            crate::rate_limits::push_count(&mut batch, count, now);
        }
        // The projection from what was just written, without reading it back: a new application's
        // own events drive it (a case system has posted nothing for it yet), and its documents
        // are the ones sent with it. Tests hold it to a full fold.
        let sent: Vec<velferd_domain::requests::SentDocument> =
            app.documents.iter().map(|d| velferd_domain::requests::SentDocument { kind: d.kind.clone(), tilleggsinfo: d.tilleggsinfo.clone(), at: now }).collect();
        let texts: Vec<(String, String)> = app.events.iter().map(|e| (e.get("type").and_then(|t| t.as_str()).unwrap_or("ukjent").to_owned(), e.to_string())).collect();
        let own = velferd_formats::soker::DigisosSoker::from_event_texts("velferd", &texts).map_err(|e| StoreError::Corrupt(format!("a new application's events: {e}")))?;
        let projection = velferd_domain::requests::project(&own, &sent);
        let row = crate::projection::ProjectionRow { enhetsnummer: &app.enhetsnummer, emergency: app.emergency, sent_ms: now };
        crate::projection::push_write(&mut batch, &id, &row, &projection, now);
        crate::feed::push_record_in(&mut batch, app.kommunenummer.as_str(), &id, crate::FeedKind::ApplicationReceived, None, now);
        batch.run(&mut tx).await?;
        tx.commit().await?;
        Ok(Some(Submitted { id, reference, created: true, unused_files: taken.unused }))
    }

    /// The application sent from this draft of the owner, if it was sent.
    pub async fn submitted_from_draft(&self, draft_id: &str, owner: &Fodselsnummer) -> Result<Option<Submitted>> {
        let row = sqlx::query("SELECT id, reference FROM applications WHERE draft_id = $1 AND owner_fnr = $2")
            .bind(draft_id)
            .bind(owner.as_str())
            .fetch_optional(&mut *self.read().await?)
            .await?;
        row.map(|r| Ok(Submitted { id: r.try_get("id")?, reference: r.try_get("reference")?, created: false, unused_files: Vec::new() })).transpose()
    }

    /// The owner's application with this id. Another person's id finds nothing.
    pub async fn application(&self, id: &str, owner: &Fodselsnummer) -> Result<Option<StoredApplication>> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM applications WHERE id = $1 AND owner_fnr = $2"))
            .bind(id)
            .bind(owner.as_str())
            .fetch_optional(&mut *self.read().await?)
            .await?;
        row.map(|r| application_from_row(&r)).transpose()
    }

    /// The owner's applications, newest first.
    pub async fn applications_of(&self, owner: &Fodselsnummer) -> Result<Vec<StoredApplication>> {
        let rows =
            sqlx::query(&format!("SELECT {COLUMNS} FROM applications WHERE owner_fnr = $1 ORDER BY sent_ms DESC")).bind(owner.as_str()).fetch_all(&mut *self.read().await?).await?;
        rows.iter().map(application_from_row).collect()
    }

    /// The events of the owner's application, in order.
    pub async fn events(&self, application_id: &str, owner: &Fodselsnummer) -> Result<Vec<serde_json::Value>> {
        self.event_texts(application_id, owner).await?.iter().map(|(_, text)| serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("events.payload: {e}")))).collect()
    }

    /// The events of the owner's application as (type, stored JSON text), in order: for callers
    /// that parse them straight into typed hendelser (the citizen's view), without a `Value` between.
    pub async fn event_texts(&self, application_id: &str, owner: &Fodselsnummer) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query(
            "SELECT e.kind, e.payload FROM events e JOIN applications a ON a.id = e.application_id
             WHERE e.application_id = $1 AND a.owner_fnr = $2 ORDER BY e.seq",
        )
        .bind(application_id)
        .bind(owner.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("kind")?, r.try_get("payload")?))).collect()
    }

    /// Appends events to an application (the office's or a case system's actions, in the
    /// digisos-soker vocabulary). Not scoped to a citizen: only system code calls this.
    pub async fn append_events(&self, application_id: &str, events: &[serde_json::Value], now: Millis) -> Result<()> {
        let mut tx = self.begin_write().await?;
        // Write first: this locks the application's row (PostgreSQL) or the database (SQLite), so
        // two appenders cannot read the same last `seq`.
        sqlx::query("UPDATE applications SET sent_ms = sent_ms WHERE id = $1").bind(application_id).execute(&mut *tx).await?;
        let row = sqlx::query("SELECT COALESCE(MAX(seq), -1) AS last FROM events WHERE application_id = $1").bind(application_id).fetch_one(&mut *tx).await?;
        let last: i64 = row.try_get("last")?;
        insert_events(&mut tx, application_id, last + 1, events, now).await?;
        self.refresh_projection(&mut tx, application_id, now).await?;
        crate::notifications::enqueue_for_events(&mut tx, application_id, last + 1, events, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many applications are stored in all (for tests and the crash-safety check).
    pub async fn count_applications(&self) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM applications").fetch_one(&mut *self.read().await?).await?;
        Ok(row.try_get("n")?)
    }
}
