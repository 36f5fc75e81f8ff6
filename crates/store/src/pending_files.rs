//! Files chosen for sending to an application already sent (ettersendelse), kept with their
//! previews until the person presses "send": per application, per who chose them (the owner, or a
//! helper with a power of attorney), per document ("slot"), in the order chosen. The same shape as
//! a draft's files ([`DraftFile`]), so the pages and the conversion treat both alike. Every
//! function takes the application's owner and finds nothing in another person's application.

use sqlx::Row;
use velferd_domain::application::DRAFT_LIFETIME_DAYS;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;

use crate::draft_files::file_from_row;
use crate::{new_id, DraftFile, NewDraftFile, Result, Store, SubmittedDocument};

/// Rows of this application, owned by this owner, chosen by this uploader: $1 application, $2
/// owner, $3 uploader.
const MINE: &str = "application_id IN (SELECT id FROM applications WHERE id = $1 AND owner_fnr = $2) AND uploader = $3";

impl Store {
    /// Keeps a checked file for `uploader` to send to `owner`'s application, at the end of its
    /// slot. `None` when the application is not the owner's.
    pub async fn add_pending_file(&self, application_id: &str, owner: &Fodselsnummer, uploader: &Fodselsnummer, file: &NewDraftFile, now: Millis) -> Result<Option<String>> {
        let mut tx = self.begin_write().await?;
        let owned = sqlx::query("SELECT id FROM applications WHERE id = $1 AND owner_fnr = $2").bind(application_id).bind(owner.as_str()).fetch_optional(&mut *tx).await?.is_some();
        if !owned {
            return Ok(None);
        }
        let row = sqlx::query("SELECT COALESCE(MAX(position), -1) AS last FROM pending_files WHERE application_id = $1 AND uploader = $2 AND slot = $3")
            .bind(application_id)
            .bind(uploader.as_str())
            .bind(&file.slot)
            .fetch_one(&mut *tx)
            .await?;
        let last: i64 = row.try_get("last")?;
        let id = new_id();
        sqlx::query(
            "INSERT INTO pending_files (id, application_id, uploader, slot, position, name, sha256, bytes, thumb_sha256, pages, quarter_turns, warnings, is_pdf, created_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13)",
        )
        .bind(&id)
        .bind(application_id)
        .bind(uploader.as_str())
        .bind(&file.slot)
        .bind(last + 1)
        .bind(&file.name)
        .bind(&file.sha256)
        .bind(file.bytes)
        .bind(&file.thumb_sha256)
        .bind(file.pages)
        .bind(file.warnings.join(","))
        .bind(i64::from(file.is_pdf))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// The files `uploader` has chosen for `owner`'s application and not sent yet, by slot and order.
    pub async fn pending_files(&self, application_id: &str, owner: &Fodselsnummer, uploader: &Fodselsnummer) -> Result<Vec<DraftFile>> {
        let rows = sqlx::query(&format!(
            "SELECT id, slot, position, name, sha256, bytes, thumb_sha256, first_page, pages, quarter_turns, warnings, is_pdf FROM pending_files
             WHERE {MINE} ORDER BY slot, position"
        ))
        .bind(application_id)
        .bind(owner.as_str())
        .bind(uploader.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(file_from_row).collect()
    }

    /// Turns a chosen picture, or every page of a chosen PDF, a quarter clockwise. False when it is
    /// not among `uploader`'s files.
    pub async fn turn_pending_file(&self, application_id: &str, owner: &Fodselsnummer, uploader: &Fodselsnummer, file_id: &str) -> Result<bool> {
        let done = self
            .write_one(
                sqlx::query(&format!("UPDATE pending_files SET quarter_turns = (quarter_turns + 1) % 4 WHERE id = $4 AND {MINE}"))
                    .bind(application_id)
                    .bind(owner.as_str())
                    .bind(uploader.as_str())
                    .bind(file_id),
            )
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Splits a chosen PDF into one file per page, as [`Store::split_draft_file`] does for a draft.
    pub async fn split_pending_file(
        &self,
        application_id: &str,
        owner: &Fodselsnummer,
        uploader: &Fodselsnummer,
        file_id: &str,
        thumbs: &[Option<String>],
    ) -> Result<Option<Vec<String>>> {
        let mut tx = self.begin_write().await?;
        let found = sqlx::query(&format!("SELECT slot, position, pages, is_pdf, thumb_sha256 FROM pending_files WHERE id = $4 AND {MINE}"))
            .bind(application_id)
            .bind(owner.as_str())
            .bind(uploader.as_str())
            .bind(file_id)
            .fetch_optional(&mut *tx)
            .await?;
        let group = "application_id = $1 AND uploader = $2";
        let orphans = crate::draft_files::split_in(&mut tx, "pending_files", group, &[application_id, uploader.as_str()], found, file_id, thumbs).await?;
        tx.commit().await?;
        Ok(orphans)
    }

    /// Takes a chosen file out of what will be sent; returns the stored files (original,
    /// thumbnail) nothing uses any more, for the caller to delete. `None` when it is not among
    /// `uploader`'s files.
    pub async fn remove_pending_file(&self, application_id: &str, owner: &Fodselsnummer, uploader: &Fodselsnummer, file_id: &str) -> Result<Option<Vec<String>>> {
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(&format!("SELECT sha256, thumb_sha256 FROM pending_files WHERE id = $4 AND {MINE}"))
            .bind(application_id)
            .bind(owner.as_str())
            .bind(uploader.as_str())
            .bind(file_id)
            .fetch_all(&mut *tx)
            .await?;
        if rows.is_empty() {
            return Ok(None);
        }
        sqlx::query("DELETE FROM pending_files WHERE id = $1").bind(file_id).execute(&mut *tx).await?;
        let orphans = unreferenced(&mut tx, &rows).await?;
        tx.commit().await?;
        Ok(Some(orphans))
    }

    /// Records documents sent to `owner`'s application (an ettersendelse) with the submission's
    /// vedlegg.json, and forgets `uploader`'s chosen files that became them, in one transaction:
    /// sent documents are never also still waiting. Returns the submission's id and the stored files
    /// (originals, thumbnails) nothing uses any more, for the caller to delete; `None` when the
    /// application is not the owner's.
    pub async fn send_pending(
        &self,
        application_id: &str,
        owner: &Fodselsnummer,
        uploader: &Fodselsnummer,
        documents: &[SubmittedDocument],
        vedlegg_json: &serde_json::Value,
        now: Millis,
    ) -> Result<Option<(String, Vec<String>)>> {
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
        let id = crate::submissions::insert(&mut tx, application_id, documents, vedlegg_json, false, now).await?;
        crate::feed::record(&mut tx, application_id, crate::FeedKind::DocumentsReceived, Some(&id), now).await?;
        sqlx::query(
            "INSERT INTO document_warnings (application_id, slot, position, file_name, warnings, created_ms)
             SELECT application_id, slot, position, name, warnings, $3 FROM pending_files WHERE application_id = $1 AND uploader = $2 AND warnings <> ''",
        )
        .bind(application_id)
        .bind(uploader.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let chosen = sqlx::query("SELECT sha256, thumb_sha256 FROM pending_files WHERE application_id = $1 AND uploader = $2")
            .bind(application_id)
            .bind(uploader.as_str())
            .fetch_all(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM pending_files WHERE application_id = $1 AND uploader = $2").bind(application_id).bind(uploader.as_str()).execute(&mut *tx).await?;
        let orphans = unreferenced(&mut tx, &chosen).await?;
        // A document may answer the office's request: the inbox must know at once.
        self.refresh_projection(&mut tx, application_id, now).await?;
        tx.commit().await?;
        Ok(Some((id, orphans)))
    }

    /// Forgets chosen files not sent within the draft lifetime, and returns the stored files
    /// (originals, thumbnails) that nothing uses any more, for the caller to delete. Also after a
    /// sending: its originals were only needed until they became PDFs.
    pub async fn sweep_pending_files(&self, now: Millis) -> Result<Vec<String>> {
        let cutoff = now - DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000;
        let mut tx = self.begin_write().await?;
        let old = sqlx::query("SELECT sha256, thumb_sha256 FROM pending_files WHERE created_ms < $1").bind(cutoff).fetch_all(&mut *tx).await?;
        sqlx::query("DELETE FROM pending_files WHERE created_ms < $1").bind(cutoff).execute(&mut *tx).await?;
        let orphans = unreferenced(&mut tx, &old).await?;
        tx.commit().await?;
        Ok(orphans)
    }
}

/// A readability warning the citizen was shown for a page they sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentWarning {
    pub slot: String,
    /// The page's place in its document, from 0.
    pub position: i64,
    pub file_name: String,
    /// Warning codes (e.g. "dark").
    pub warnings: Vec<String>,
    pub created_ms: Millis,
}

impl Store {
    /// The readability warnings shown for pages sent to the owner's application, oldest first.
    pub async fn document_warnings(&self, application_id: &str, owner: &Fodselsnummer) -> Result<Vec<DocumentWarning>> {
        let rows = sqlx::query(
            "SELECT w.slot, w.position, w.file_name, w.warnings, w.created_ms FROM document_warnings w
             JOIN applications a ON a.id = w.application_id
             WHERE w.application_id = $1 AND a.owner_fnr = $2 ORDER BY w.created_ms, w.slot, w.position",
        )
        .bind(application_id)
        .bind(owner.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                let warnings: String = r.try_get("warnings")?;
                Ok(DocumentWarning {
                    slot: r.try_get("slot")?,
                    position: r.try_get("position")?,
                    file_name: r.try_get("file_name")?,
                    warnings: warnings.split(',').filter(|w| !w.is_empty()).map(str::to_owned).collect(),
                    created_ms: r.try_get("created_ms")?,
                })
            })
            .collect()
    }
}

/// The files (`sha256`, `thumb_sha256`) of deleted rows that no row names any more.
async fn unreferenced(tx: &mut sqlx::AnyConnection, rows: &[sqlx::any::AnyRow]) -> Result<Vec<String>> {
    let mut candidates = std::collections::BTreeSet::new();
    for r in rows {
        candidates.insert(r.try_get::<String, _>("sha256")?);
        if let Some(thumb) = r.try_get::<Option<String>, _>("thumb_sha256")? {
            candidates.insert(thumb);
        }
    }
    let mut orphans = Vec::new();
    for sha in candidates {
        if !crate::files::referenced(tx, &sha).await? {
            orphans.push(sha);
        }
    }
    Ok(orphans)
}
