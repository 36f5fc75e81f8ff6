//! Drafts: applications being filled in. Every query is scoped by the owner.

use sqlx::Row;
use velferd_domain::application::{draft_expires_at, Answers, DRAFT_LIFETIME_DAYS};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::Millis;

use crate::{new_id, Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub kommunenummer: Kommunenummer,
    pub answers: Answers,
    pub created_ms: Millis,
    pub updated_ms: Millis,
}

impl Draft {
    pub fn expires_at(&self) -> Millis {
        draft_expires_at(self.updated_ms)
    }
}

/// Drafts changed before this moment have expired.
pub(crate) fn expiry_cutoff(now: Millis) -> Millis {
    now - DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000
}

fn draft_from_row(r: &sqlx::any::AnyRow) -> Result<Draft> {
    let answers: String = r.try_get("answers")?;
    let kommunenummer: String = r.try_get("kommunenummer")?;
    Ok(Draft {
        id: r.try_get("id")?,
        kommunenummer: Kommunenummer::parse(&kommunenummer).map_err(|_| StoreError::Corrupt("drafts.kommunenummer".into()))?,
        answers: serde_json::from_str(&answers).map_err(|e| StoreError::Corrupt(format!("drafts.answers: {e}")))?,
        created_ms: r.try_get("created_ms")?,
        updated_ms: r.try_get("updated_ms")?,
    })
}

/// What sending a draft needs, read together ([`Store::draft_to_send`]).
#[derive(Debug, Clone)]
pub struct DraftToSend {
    pub draft: Draft,
    /// The draft's files, by slot and position.
    pub files: Vec<crate::DraftFile>,
    /// (slot, choice) for documents without files, by slot (see [`Store::document_choices`]).
    pub choices: Vec<(String, String)>,
    /// The sender's entry in the register, with its address protection; `None` when not in it.
    pub person: Option<(velferd_domain::application::Soker, Option<velferd_domain::staff::Adressebeskyttelse>)>,
}

fn to_json(answers: &Answers) -> Result<String> {
    serde_json::to_string(answers).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    pub async fn create_draft(&self, owner: &Fodselsnummer, kommune: &Kommunenummer, answers: &Answers, now: Millis) -> Result<Draft> {
        self.create_draft_with_id(&new_id(), owner, kommune, answers, now).await
    }

    /// A draft with a chosen id (demo data and tests; real drafts get random ids).
    pub async fn create_draft_with_id(&self, id: &str, owner: &Fodselsnummer, kommune: &Kommunenummer, answers: &Answers, now: Millis) -> Result<Draft> {
        let id = id.to_owned();
        self.write_one(
            sqlx::query("INSERT INTO drafts (id, owner_fnr, kommunenummer, answers, created_ms, updated_ms) VALUES ($1, $2, $3, $4, $5, $5)")
                .bind(&id)
                .bind(owner.as_str())
                .bind(kommune.as_str())
                .bind(to_json(answers)?)
                .bind(now),
        )
        .await?;
        Ok(Draft { id, kommunenummer: kommune.clone(), answers: answers.clone(), created_ms: now, updated_ms: now })
    }

    /// Makes a draft with a chosen id unless one with that id exists (then changes nothing).
    /// Returns whether it made one. For demo data that several servers starting at once each try
    /// to write (`velferd serve --demo`): whichever comes second finds the first one's draft.
    pub async fn create_draft_if_absent(&self, id: &str, owner: &Fodselsnummer, kommune: &Kommunenummer, answers: &Answers, now: Millis) -> Result<bool> {
        let done = self
            .write_one(
                sqlx::query(
                    "INSERT INTO drafts (id, owner_fnr, kommunenummer, answers, created_ms, updated_ms) VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT (id) DO NOTHING",
                )
                .bind(id)
                .bind(owner.as_str())
                .bind(kommune.as_str())
                .bind(to_json(answers)?)
                .bind(now),
            )
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The owner's draft with this id, unless it expired. Another person's id finds nothing.
    pub async fn draft(&self, id: &str, owner: &Fodselsnummer, now: Millis) -> Result<Option<Draft>> {
        let row = sqlx::query(
            "SELECT id, kommunenummer, answers, created_ms, updated_ms FROM drafts
             WHERE id = $1 AND owner_fnr = $2 AND updated_ms >= $3 AND registered_by IS NULL",
        )
        .bind(id)
        .bind(owner.as_str())
        .bind(expiry_cutoff(now))
        .fetch_optional(&mut *self.read().await?)
        .await?;
        row.map(|r| draft_from_row(&r)).transpose()
    }

    /// The owner's draft `id` (as [`Store::draft`]) with its files, its document choices and the
    /// owner's register entry: what sending needs, read in one call to the database on SQLite (four
    /// statements in one text; each call is a hand-over to the connection's thread, issue 13) and
    /// on one connection on PostgreSQL. `None` when there is no such draft (or it expired).
    pub async fn draft_to_send(&self, id: &str, owner: &Fodselsnummer, now: Millis) -> Result<Option<DraftToSend>> {
        use crate::draft_files::{file_from_row, FILE_COLUMNS, OWNED};
        use crate::people::{person_with_protection_from_row, PERSON_WITH_PROTECTION};
        let statements = [
            "SELECT 'draft' AS part, id, kommunenummer, answers, created_ms, updated_ms FROM drafts
             WHERE id = $1 AND owner_fnr = $2 AND updated_ms >= $3 AND registered_by IS NULL"
                .to_owned(),
            format!("SELECT 'file' AS part, {FILE_COLUMNS} FROM draft_files WHERE {OWNED} ORDER BY slot, position"),
            format!("SELECT 'choice' AS part, slot, choice FROM draft_document_choices WHERE {OWNED} ORDER BY slot"),
            format!("SELECT 'person' AS part, {PERSON_WITH_PROTECTION} FROM people WHERE fnr = $2"),
        ];
        let args = (id.to_owned(), owner.as_str().to_owned(), expiry_cutoff(now));
        let mut conn = self.pool.acquire().await?;
        let rows = match self.backend {
            // One text, one call: SQLite binds each `$n` of every statement from the one list.
            crate::Backend::Sqlite => sqlx::query(&statements.join(";\n")).bind(&args.0).bind(&args.1).bind(args.2).fetch_all(&mut *conn).await?,
            crate::Backend::Postgres => {
                let mut rows = Vec::new();
                for (n, sql) in statements.iter().enumerate() {
                    let query = sqlx::query(sql).bind(&args.0).bind(&args.1);
                    let query = if n == 0 { query.bind(args.2) } else { query };
                    rows.extend(query.fetch_all(&mut *conn).await?);
                }
                rows
            }
        };
        let mut draft = None;
        let (mut files, mut choices, mut person) = (Vec::new(), Vec::new(), None);
        for r in &rows {
            match r.try_get::<String, _>("part")?.as_str() {
                "draft" => draft = Some(draft_from_row(r)?),
                "file" => files.push(file_from_row(r)?),
                "choice" => choices.push((r.try_get("slot")?, r.try_get("choice")?)),
                _ => person = Some(person_with_protection_from_row(r)?),
            }
        }
        Ok(draft.map(|draft| DraftToSend { draft, files, choices, person }))
    }

    /// The owner's most recently changed draft, to resume where they left off (on any device).
    pub async fn latest_draft(&self, owner: &Fodselsnummer, now: Millis) -> Result<Option<Draft>> {
        let row = sqlx::query(
            "SELECT id, kommunenummer, answers, created_ms, updated_ms FROM drafts
             WHERE owner_fnr = $1 AND updated_ms >= $2 AND registered_by IS NULL ORDER BY updated_ms DESC LIMIT 1",
        )
        .bind(owner.as_str())
        .bind(expiry_cutoff(now))
        .fetch_optional(&mut *self.read().await?)
        .await?;
        row.map(|r| draft_from_row(&r)).transpose()
    }

    /// Every draft of the owner that has not expired, the most recently changed first (for "My
    /// applications": unsent drafts with when each is deleted).
    pub async fn drafts_of(&self, owner: &Fodselsnummer, now: Millis) -> Result<Vec<Draft>> {
        let rows = sqlx::query(
            "SELECT id, kommunenummer, answers, created_ms, updated_ms FROM drafts
             WHERE owner_fnr = $1 AND updated_ms >= $2 AND registered_by IS NULL ORDER BY updated_ms DESC, id",
        )
        .bind(owner.as_str())
        .bind(expiry_cutoff(now))
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(draft_from_row).collect()
    }

    /// Saves the answers of the owner's draft. False when there is no such draft (sent, expired or
    /// not theirs): nothing is written then.
    pub async fn save_answers(&self, id: &str, owner: &Fodselsnummer, answers: &Answers, now: Millis) -> Result<bool> {
        let done = self
            .write_one(
                sqlx::query("UPDATE drafts SET answers = $1, updated_ms = $2 WHERE id = $3 AND owner_fnr = $4 AND updated_ms >= $5")
                    .bind(to_json(answers)?)
                    .bind(now)
                    .bind(id)
                    .bind(owner.as_str())
                    .bind(expiry_cutoff(now)),
            )
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes the owner's draft (the citizen chose to start over) with its files' rows, in one
    /// transaction. Returns the files nothing uses any more (the caller deletes them from the file
    /// store), or `None` when the owner has no such draft.
    pub async fn delete_draft(&self, id: &str, owner: &Fodselsnummer) -> Result<Option<Vec<String>>> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM drafts WHERE id = $1 AND owner_fnr = $2").bind(id).bind(owner.as_str()).execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(None);
        }
        let unused = crate::draft_files::remove_files_of_draft(&mut tx, id).await?;
        tx.commit().await?;
        Ok(Some(unused))
    }

    /// Deletes every expired draft; returns how many. Run periodically by the server.
    pub async fn delete_expired_drafts(&self, now: Millis) -> Result<u64> {
        let done = self.write_one(sqlx::query("DELETE FROM drafts WHERE updated_ms < $1").bind(expiry_cutoff(now))).await?;
        Ok(done.rows_affected())
    }
}
