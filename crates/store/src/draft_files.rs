//! Files attached to a draft, per expected document ("slot"), in the citizen's order, with the
//! citizen's quarter turns; and the citizen's choice for documents not uploaded. Every function
//! takes the owner and finds nothing in another person's draft.

use sqlx::Row;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;

use crate::{new_id, Result, Store};

/// What the web layer learnt about an uploaded file before storing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDraftFile {
    pub slot: String,
    pub name: String,
    pub sha256: String,
    pub bytes: i64,
    /// The preview picture (none for a PDF).
    pub thumb_sha256: Option<String>,
    pub pages: i64,
    /// Readability warning codes (e.g. "blurry").
    pub warnings: Vec<String>,
    /// A PDF (its pages are sent as they are) rather than a picture.
    pub is_pdf: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFile {
    pub id: String,
    pub slot: String,
    pub position: i64,
    pub name: String,
    pub sha256: String,
    pub bytes: i64,
    pub thumb_sha256: Option<String>,
    /// For a PDF, the first of its pages this file is (0-based): not 0 only for a part of a PDF the
    /// citizen split; the part is `pages` pages from here.
    pub first_page: i64,
    pub pages: i64,
    /// Quarter turns clockwise, of a picture or of every page of a PDF.
    pub quarter_turns: i64,
    pub warnings: Vec<String>,
    pub is_pdf: bool,
}

/// The columns of [`file_from_row`].
pub(crate) const FILE_COLUMNS: &str = "id, slot, position, name, sha256, bytes, thumb_sha256, first_page, pages, quarter_turns, warnings, is_pdf";

pub(crate) fn file_from_row(r: &sqlx::any::AnyRow) -> Result<DraftFile> {
    let warnings: String = r.try_get("warnings")?;
    Ok(DraftFile {
        id: r.try_get("id")?,
        slot: r.try_get("slot")?,
        position: r.try_get("position")?,
        name: r.try_get("name")?,
        sha256: r.try_get("sha256")?,
        bytes: r.try_get("bytes")?,
        thumb_sha256: r.try_get("thumb_sha256")?,
        first_page: r.try_get("first_page")?,
        pages: r.try_get("pages")?,
        quarter_turns: r.try_get("quarter_turns")?,
        warnings: warnings.split(',').filter(|w| !w.is_empty()).map(str::to_owned).collect(),
        is_pdf: r.try_get::<i64, _>("is_pdf")? != 0,
    })
}

pub(crate) const OWNED: &str = "draft_id IN (SELECT id FROM drafts WHERE id = $1 AND owner_fnr = $2)";

impl Store {
    /// Adds a file at the end of its slot in the owner's draft, and keeps the draft from expiring.
    /// `None` when the draft is not the owner's (or is gone).
    pub async fn add_draft_file(&self, draft_id: &str, owner: &Fodselsnummer, file: &NewDraftFile, now: Millis) -> Result<Option<String>> {
        let mut tx = self.begin_write().await?;
        let owned = sqlx::query("UPDATE drafts SET updated_ms = $1 WHERE id = $2 AND owner_fnr = $3")
            .bind(now)
            .bind(draft_id)
            .bind(owner.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if !owned {
            return Ok(None);
        }
        let row = sqlx::query("SELECT COALESCE(MAX(position), -1) AS last FROM draft_files WHERE draft_id = $1 AND slot = $2")
            .bind(draft_id)
            .bind(&file.slot)
            .fetch_one(&mut *tx)
            .await?;
        let last: i64 = row.try_get("last")?;
        let id = new_id();
        sqlx::query(
            "INSERT INTO draft_files (id, draft_id, slot, position, name, sha256, bytes, thumb_sha256, pages, quarter_turns, warnings, created_ms, is_pdf)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12)",
        )
        .bind(&id)
        .bind(draft_id)
        .bind(&file.slot)
        .bind(last + 1)
        .bind(&file.name)
        .bind(&file.sha256)
        .bind(file.bytes)
        .bind(&file.thumb_sha256)
        .bind(file.pages)
        .bind(file.warnings.join(","))
        .bind(now)
        .bind(i64::from(file.is_pdf))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// The files of the owner's draft, by slot and position.
    pub async fn draft_files(&self, draft_id: &str, owner: &Fodselsnummer) -> Result<Vec<DraftFile>> {
        let rows = sqlx::query(&format!("SELECT {FILE_COLUMNS} FROM draft_files WHERE {OWNED} ORDER BY slot, position"))
            .bind(draft_id)
            .bind(owner.as_str())
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(file_from_row).collect()
    }

    /// Turns a picture, or every page of a PDF, a quarter clockwise. False when it is not in the
    /// owner's draft.
    pub async fn turn_draft_file(&self, draft_id: &str, owner: &Fodselsnummer, file_id: &str) -> Result<bool> {
        let done = self
            .write_one(
                sqlx::query(&format!("UPDATE draft_files SET quarter_turns = (quarter_turns + 1) % 4 WHERE id = $3 AND {OWNED}")).bind(draft_id).bind(owner.as_str()).bind(file_id),
            )
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Splits a PDF of the owner's draft into one file per page, in its place and order: page `i`
    /// keeps the original, name and turns, with `thumbs[i]` as its picture. `None` (and nothing
    /// changed) when the file is not in the owner's draft, not a PDF, or has not `thumbs.len()`
    /// pages (at least two). Returns the file-store names nothing uses any more (the whole PDF's
    /// picture), for the caller to delete.
    pub async fn split_draft_file(&self, draft_id: &str, owner: &Fodselsnummer, file_id: &str, thumbs: &[Option<String>]) -> Result<Option<Vec<String>>> {
        let mut tx = self.begin_write().await?;
        let found = sqlx::query(&format!("SELECT slot, position, pages, is_pdf, thumb_sha256 FROM draft_files WHERE id = $3 AND {OWNED}"))
            .bind(draft_id)
            .bind(owner.as_str())
            .bind(file_id)
            .fetch_optional(&mut *tx)
            .await?;
        let orphans = split_in(&mut tx, "draft_files", "draft_id = $1", &[draft_id], found, file_id, thumbs).await?;
        tx.commit().await?;
        Ok(orphans)
    }

    /// Moves a file one place earlier (`earlier`) or later within its slot; at either end nothing
    /// changes. False when it is not in the owner's draft.
    pub async fn move_draft_file(&self, draft_id: &str, owner: &Fodselsnummer, file_id: &str, earlier: bool) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let Some(row) = sqlx::query(&format!("SELECT slot, position FROM draft_files WHERE id = $3 AND {OWNED}"))
            .bind(draft_id)
            .bind(owner.as_str())
            .bind(file_id)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(false);
        };
        let (slot, position): (String, i64) = (row.try_get("slot")?, row.try_get("position")?);
        let neighbour = sqlx::query(if earlier {
            "SELECT id, position FROM draft_files WHERE draft_id = $1 AND slot = $2 AND position < $3 ORDER BY position DESC LIMIT 1"
        } else {
            "SELECT id, position FROM draft_files WHERE draft_id = $1 AND slot = $2 AND position > $3 ORDER BY position LIMIT 1"
        })
        .bind(draft_id)
        .bind(&slot)
        .bind(position)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(n) = neighbour {
            let (other, other_position): (String, i64) = (n.try_get("id")?, n.try_get("position")?);
            for (id, to) in [(file_id, other_position), (other.as_str(), position)] {
                sqlx::query("UPDATE draft_files SET position = $1 WHERE id = $2").bind(to).bind(id).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Removes a file from the owner's draft. False when it is not there.
    pub async fn remove_draft_file(&self, draft_id: &str, owner: &Fodselsnummer, file_id: &str) -> Result<bool> {
        let done = self.write_one(sqlx::query(&format!("DELETE FROM draft_files WHERE id = $3 AND {OWNED}")).bind(draft_id).bind(owner.as_str()).bind(file_id)).await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records (or with `None` clears) the owner's choice for a slot. False when not their draft.
    pub async fn set_document_choice(&self, draft_id: &str, owner: &Fodselsnummer, slot: &str, choice: Option<&str>) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let owned = sqlx::query("SELECT id FROM drafts WHERE id = $1 AND owner_fnr = $2").bind(draft_id).bind(owner.as_str()).fetch_optional(&mut *tx).await?.is_some();
        if !owned {
            return Ok(false);
        }
        sqlx::query("DELETE FROM draft_document_choices WHERE draft_id = $1 AND slot = $2").bind(draft_id).bind(slot).execute(&mut *tx).await?;
        if let Some(choice) = choice {
            sqlx::query("INSERT INTO draft_document_choices (draft_id, slot, choice) VALUES ($1, $2, $3)").bind(draft_id).bind(slot).bind(choice).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// The owner's choices, as (slot, choice).
    pub async fn document_choices(&self, draft_id: &str, owner: &Fodselsnummer) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query(&format!("SELECT slot, choice FROM draft_document_choices WHERE {OWNED} ORDER BY slot"))
            .bind(draft_id)
            .bind(owner.as_str())
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("slot")?, r.try_get("choice")?))).collect()
    }

    /// Forgets the files and choices of drafts that no longer exist (sent, deleted or expired) and
    /// returns the file-store names nothing refers to any more, for the caller to delete.
    pub async fn sweep_draft_files(&self) -> Result<Vec<String>> {
        let mut tx = self.begin_write().await?;
        let gone = sqlx::query("SELECT sha256, thumb_sha256 FROM draft_files WHERE draft_id NOT IN (SELECT id FROM drafts)").fetch_all(&mut *tx).await?;
        sqlx::query("DELETE FROM draft_files WHERE draft_id NOT IN (SELECT id FROM drafts)").execute(&mut *tx).await?;
        sqlx::query("DELETE FROM draft_document_choices WHERE draft_id NOT IN (SELECT id FROM drafts)").execute(&mut *tx).await?;
        let mut candidates = std::collections::BTreeSet::new();
        for r in &gone {
            candidates.insert(r.try_get::<String, _>("sha256")?);
            if let Some(thumb) = r.try_get::<Option<String>, _>("thumb_sha256")? {
                candidates.insert(thumb);
            }
        }
        let mut orphans = Vec::new();
        for sha in candidates {
            if !crate::files::referenced(&mut tx, &sha).await? {
                orphans.push(sha);
            }
        }
        tx.commit().await?;
        Ok(orphans)
    }
}

/// Removes the rows of draft `draft_id`'s files and document choices inside the caller's
/// transaction (the draft was just sent or discarded in it), and returns the files that nothing
/// else uses any more: the caller deletes them from the file store after the commit. Reads only
/// that draft's rows, so it costs the same however many drafts there are. A crash between the
/// commit and the deletion leaves files that [`Store::sweep_draft_files`] (housekeeping and
/// `velferd admin retention`) removes later.
pub(crate) async fn remove_files_of_draft(tx: &mut sqlx::AnyConnection, draft_id: &str) -> Result<Vec<String>> {
    Ok(take_files_of_draft(tx, draft_id).await?.unused)
}

/// A file row a draft had when it was sent or deleted, as [`take_files_of_draft`] removed it.
pub(crate) struct TakenFile {
    pub slot: String,
    pub position: i64,
    pub name: String,
    /// Readability warning codes, joined by commas (empty: none).
    pub warnings: String,
}

/// What [`take_files_of_draft`] removed, and the file-store names nothing uses any more.
pub(crate) struct Taken {
    pub files: Vec<TakenFile>,
    pub unused: Vec<String>,
}

/// Removes a draft's file rows and document choices inside `tx` (one `DELETE … RETURNING` for the
/// files), and returns the rows with the file-store names that nothing else uses now.
pub(crate) async fn take_files_of_draft(tx: &mut sqlx::AnyConnection, draft_id: &str) -> Result<Taken> {
    let rows = sqlx::query("DELETE FROM draft_files WHERE draft_id = $1 RETURNING sha256, thumb_sha256, slot, position, name, warnings").bind(draft_id).fetch_all(&mut *tx).await?;
    sqlx::query("DELETE FROM draft_document_choices WHERE draft_id = $1").bind(draft_id).execute(&mut *tx).await?;
    let mut candidates = std::collections::BTreeSet::new();
    let mut files = Vec::with_capacity(rows.len());
    for r in &rows {
        candidates.insert(r.try_get::<String, _>("sha256")?);
        if let Some(thumb) = r.try_get::<Option<String>, _>("thumb_sha256")? {
            candidates.insert(thumb);
        }
        files.push(TakenFile { slot: r.try_get("slot")?, position: r.try_get("position")?, name: r.try_get("name")?, warnings: r.try_get("warnings")? });
    }
    let unused = unused_of(tx, candidates).await?;
    Ok(Taken { files, unused })
}

async fn unused_of(tx: &mut sqlx::AnyConnection, candidates: std::collections::BTreeSet<String>) -> Result<Vec<String>> {
    let mut unused = Vec::new();
    for sha in candidates {
        if !crate::files::referenced(tx, &sha).await? {
            unused.push(sha);
        }
    }
    Ok(unused)
}

/// Splits the PDF row `file_id` of `table` (found, owned, as `found`: its slot, position, pages and
/// kind) into one row per page; `group` (with `group_binds` as $1…) selects the rows it is ordered
/// among, with the slot bound after them. Returns the file-store names nothing uses any more (the
/// whole PDF's old picture), or `None` when it is no PDF of `thumbs.len()` ≥ 2 pages.
pub(crate) async fn split_in(
    tx: &mut sqlx::AnyConnection,
    table: &str,
    group: &str,
    group_binds: &[&str],
    found: Option<sqlx::any::AnyRow>,
    file_id: &str,
    thumbs: &[Option<String>],
) -> Result<Option<Vec<String>>> {
    let Some(row) = found else { return Ok(None) };
    let (slot, position, pages, is_pdf): (String, i64, i64, i64) = (row.try_get("slot")?, row.try_get("position")?, row.try_get("pages")?, row.try_get("is_pdf")?);
    let old_thumb: Option<String> = row.try_get("thumb_sha256")?;
    let n = thumbs.len() as i64;
    if is_pdf == 0 || pages < 2 || pages != n {
        return Ok(None);
    }
    let slot_at = group_binds.len() + 1;
    let sql = format!("UPDATE {table} SET position = position + ${} WHERE {group} AND slot = ${slot_at} AND position > ${}", slot_at + 1, slot_at + 2);
    let mut shift = sqlx::query(&sql);
    for b in group_binds {
        shift = shift.bind(*b);
    }
    shift.bind(&slot).bind(n - 1).bind(position).execute(&mut *tx).await?;
    for (i, thumb) in thumbs.iter().enumerate().skip(1) {
        let i = i as i64;
        // A copy of the part's row with its own id, place, page and picture.
        let columns = "slot, name, sha256, bytes, quarter_turns, warnings, is_pdf, created_ms";
        let owner_columns = if table == "draft_files" { "draft_id" } else { "application_id, uploader" };
        sqlx::query(&format!(
            "INSERT INTO {table} (id, {owner_columns}, {columns}, position, first_page, pages, thumb_sha256)
             SELECT $1, {owner_columns}, {columns}, position + $2, first_page + $2, 1, $3 FROM {table} WHERE id = $4"
        ))
        .bind(new_id())
        .bind(i)
        .bind(thumb.as_deref())
        .bind(file_id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(&format!("UPDATE {table} SET pages = 1, thumb_sha256 = $1 WHERE id = $2")).bind(thumbs[0].as_deref()).bind(file_id).execute(&mut *tx).await?;
    let mut orphans = Vec::new();
    if let Some(old) = old_thumb {
        if !crate::files::referenced(tx, &old).await? {
            orphans.push(old);
        }
    }
    Ok(Some(orphans))
}
