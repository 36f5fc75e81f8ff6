//! Documents sent to an application after it was sent (ettersendelse).

use sqlx::Row;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;

use crate::{new_id, ApiClient, Result, Store, StoreError};

/// One document of a submission: what it is and the stored PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittedDocument {
    pub kind: String,
    pub tilleggsinfo: String,
    pub sha256: String,
    pub bytes: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub id: String,
    pub created_ms: Millis,
    /// What was sent, in the vedlegg.json format.
    pub vedlegg_json: serde_json::Value,
    /// Sent with the application itself rather than later (an ettersendelse).
    pub with_application: bool,
    pub documents: Vec<SubmittedDocument>,
}

const SELECT_SUBMISSIONS: &str = "SELECT s.id, s.created_ms, s.vedlegg_json, s.with_application, d.kind, d.tilleggsinfo, d.sha256, d.bytes
     FROM submissions s JOIN applications a ON a.id = s.application_id
     JOIN submission_documents d ON d.submission_id = s.id";
const ORDER: &str = "ORDER BY s.created_ms, s.id, d.position";

/// One submission per run of rows with the same id (the rows come ordered by submission).
fn grouped(rows: &[sqlx::any::AnyRow]) -> Result<Vec<Submission>> {
    let mut out: Vec<Submission> = Vec::new();
    for r in rows {
        let id: String = r.try_get("id")?;
        let doc = SubmittedDocument { kind: r.try_get("kind")?, tilleggsinfo: r.try_get("tilleggsinfo")?, sha256: r.try_get("sha256")?, bytes: r.try_get("bytes")? };
        match out.last_mut() {
            Some(s) if s.id == id => s.documents.push(doc),
            _ => {
                let vedlegg: String = r.try_get("vedlegg_json")?;
                let vedlegg_json = serde_json::from_str(&vedlegg).map_err(|e| StoreError::Corrupt(format!("submissions.vedlegg_json: {e}")))?;
                let with_application = r.try_get::<i64, _>("with_application")? != 0;
                out.push(Submission { id, created_ms: r.try_get("created_ms")?, vedlegg_json, with_application, documents: vec![doc] })
            }
        }
    }
    Ok(out)
}

/// Stores a submission and its documents inside the caller's transaction; returns its id.
pub(crate) async fn insert(
    tx: &mut sqlx::AnyConnection,
    application_id: &str,
    documents: &[SubmittedDocument],
    vedlegg_json: &serde_json::Value,
    with_application: bool,
    now: Millis,
) -> Result<String> {
    let mut batch = crate::batch::Batch::new();
    let id = push_insert(&mut batch, application_id, documents, vedlegg_json, with_application, now);
    batch.run(tx).await?;
    Ok(id)
}

/// [`insert`] as statements of a caller's batch; returns the submission's id.
pub(crate) fn push_insert(
    batch: &mut crate::batch::Batch,
    application_id: &str,
    documents: &[SubmittedDocument],
    vedlegg_json: &serde_json::Value,
    with_application: bool,
    now: Millis,
) -> String {
    let id = new_id();
    batch.push(
        "INSERT INTO submissions (id, application_id, vedlegg_json, created_ms, with_application) VALUES ($1, $2, $3, $4, $5)",
        vec![id.clone().into(), application_id.into(), vedlegg_json.to_string().into(), now.into(), i64::from(with_application).into()],
    );
    for (i, d) in documents.iter().enumerate() {
        batch.push(
            "INSERT INTO submission_documents (submission_id, position, kind, tilleggsinfo, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6)",
            vec![id.clone().into(), (i as i64).into(), (&d.kind).into(), (&d.tilleggsinfo).into(), (&d.sha256).into(), d.bytes.into()],
        );
    }
    id
}

impl Store {
    /// Records documents sent to the owner's application, with the submission's vedlegg.json, in
    /// one transaction. `None` when the application is not the owner's.
    pub async fn add_submission(
        &self,
        application_id: &str,
        owner: &Fodselsnummer,
        documents: &[SubmittedDocument],
        vedlegg_json: &serde_json::Value,
        now: Millis,
    ) -> Result<Option<String>> {
        let mut tx = self.begin_write().await?;
        let owned = sqlx::query("UPDATE applications SET sent_ms = sent_ms WHERE id = $1 AND owner_fnr = $2")
            .bind(application_id)
            .bind(owner.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if !owned {
            return Ok(None);
        }
        let id = insert(&mut tx, application_id, documents, vedlegg_json, false, now).await?;
        crate::feed::record(&mut tx, application_id, crate::FeedKind::DocumentsReceived, Some(&id), now).await?;
        // A document may answer the office's request: the inbox must know at once.
        self.refresh_projection(&mut tx, application_id, now).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// The owner's submissions to an application, oldest first.
    pub async fn submissions(&self, application_id: &str, owner: &Fodselsnummer) -> Result<Vec<Submission>> {
        let rows = sqlx::query(&format!("{SELECT_SUBMISSIONS} WHERE s.application_id = $1 AND a.owner_fnr = $2 {ORDER}"))
            .bind(application_id)
            .bind(owner.as_str())
            .fetch_all(&mut *self.read().await?)
            .await?;
        grouped(&rows)
    }

    /// The submissions to an application of the client's municipality, oldest first.
    pub async fn submissions_for_client(&self, client: &ApiClient, application_id: &str) -> Result<Vec<Submission>> {
        let rows = sqlx::query(&format!("{SELECT_SUBMISSIONS} WHERE s.application_id = $1 AND a.kommunenummer = $2 {ORDER}"))
            .bind(application_id)
            .bind(client.kommunenummer.as_str())
            .fetch_all(&mut *self.read().await?)
            .await?;
        grouped(&rows)
    }

    /// Whether a file with this hash belongs to an application of the client's municipality, as a
    /// document the citizen sent, a letter the office filed, or the files sent with a message.
    pub async fn client_may_read_file(&self, client: &ApiClient, application_id: &str, sha256: &str) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 AS one FROM applications a WHERE a.id = $1 AND a.kommunenummer = $2 AND (
                EXISTS (SELECT 1 FROM submission_documents d JOIN submissions s ON s.id = d.submission_id
                        WHERE s.application_id = a.id AND d.sha256 = $3)
                OR EXISTS (SELECT 1 FROM letters l WHERE l.application_id = a.id AND l.sha256 = $3)
                OR EXISTS (SELECT 1 FROM message_attachments f WHERE f.application_id = a.id AND f.sha256 = $3))",
        )
        .bind(application_id)
        .bind(client.kommunenummer.as_str())
        .bind(sha256)
        .fetch_optional(&mut *self.read().await?)
        .await?;
        Ok(row.is_some())
    }

    /// Whether the owner's application has a document with this hash (to serve it, and only to them).
    pub async fn owns_document(&self, application_id: &str, owner: &Fodselsnummer, sha256: &str) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 AS one FROM submission_documents d JOIN submissions s ON s.id = d.submission_id
             JOIN applications a ON a.id = s.application_id
             WHERE s.application_id = $1 AND a.owner_fnr = $2 AND d.sha256 = $3 LIMIT 1",
        )
        .bind(application_id)
        .bind(owner.as_str())
        .bind(sha256)
        .fetch_optional(&mut *self.read().await?)
        .await?;
        Ok(row.is_some())
    }
}
