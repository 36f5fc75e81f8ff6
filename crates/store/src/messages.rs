//! Messages between a person and the office about one application (dialog; rules in
//! `velferd_domain::dialogue`). A message is written once and never changed. Each write keeps the
//! conversation's row (`conversations`) in step: whether the office owes an answer and since when,
//! and whether the person said it is an emergency, which puts the case at the top of the inbox
//! until the office answers. Every message is also a change in the case systems' feed
//! (`melding.skrevet`), so a municipality's case system keeps the whole record.

use sqlx::Row;
use velferd_domain::notices::NoticeKind;
use velferd_domain::staff::CaseAccess;
use velferd_domain::Millis;

use crate::{audit, AuditEntry, Result, Store};

/// One message, as both sides see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// 1, 2, … within the application.
    pub seq: i64,
    pub from_office: bool,
    /// Who wrote it as the audit log names them (`innbygger`, `fullmektig:<power>`, `staff:<subject>`).
    pub author: String,
    /// The writer's name as the other side sees it (the caseworker's name; the person's own name).
    pub author_name: String,
    /// The office the message was to or from.
    pub enhetsnummer: String,
    pub body: String,
    /// The person said they have no food or place to sleep today.
    pub emergency: bool,
    pub created_ms: Millis,
    /// The files sent with it, as one PDF.
    pub attachment: Option<Attachment>,
}

/// The files sent with a message, made into one PDF (in the file store under `sha256`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub sha256: String,
    /// The PDF's size.
    pub bytes: i64,
    pub pages: i64,
    /// The names of the files chosen, in order, as shown.
    pub file_names: Vec<String>,
}

/// A message to write. `token` is the form's one-time key: the same token on the same application
/// stores one message however often it is posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMessage<'a> {
    pub token: &'a str,
    pub from_office: bool,
    pub author: &'a str,
    pub author_name: &'a str,
    pub body: &'a str,
    pub emergency: bool,
    /// The files sent with it, already stored as one PDF.
    pub attachment: Option<&'a Attachment>,
}

/// A conversation in which the office owes an answer, for the office's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingConversation {
    pub application_id: String,
    pub reference: String,
    /// When the oldest unanswered message came.
    pub waiting_since_ms: Millis,
    pub emergency: bool,
    /// The applicant's name from the register ("" when unknown).
    pub name: String,
    /// The colleague the conversation is routed to (subject, name), if anyone.
    pub routed_to: Option<(String, String)>,
}

/// How the write went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// Stored now, as message `seq`.
    New { seq: i64 },
    /// This form was posted before; nothing new was stored.
    Again { seq: i64 },
}

impl Store {
    /// Writes a message on application `application_id` of office `enhetsnummer`, with its audit
    /// entry if there is one (a staff member's answer; a person's own message is its own record), in
    /// one transaction. A message from the person starts (or continues) the office's wait
    /// and, with `emergency`, marks the case as an emergency in the inbox; one from the office ends
    /// the wait and takes the emergency mark back to what the application said. The caller has
    /// checked who may write to this application.
    pub async fn post_message(&self, application_id: &str, enhetsnummer: &str, message: &NewMessage<'_>, entry: Option<&AuditEntry>, now: Millis) -> Result<Posted> {
        let mut tx = self.begin_write().await?;
        // The conversation's row first: on PostgreSQL this locks it, so two messages at once take
        // turns for the next number (SQLite's BEGIN IMMEDIATE has already taken the write lock).
        let waiting_since = if message.from_office { None } else { Some(now) };
        sqlx::query(
            "INSERT INTO conversations (application_id, enhetsnummer, waiting_since_ms, emergency, last_ms) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (application_id) DO UPDATE SET last_ms = $5",
        )
        .bind(application_id)
        .bind(enhetsnummer)
        .bind(waiting_since)
        .bind(i64::from(message.emergency))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(row) =
            sqlx::query("SELECT seq FROM messages WHERE application_id = $1 AND token = $2").bind(application_id).bind(message.token).fetch_optional(&mut *tx).await?
        {
            tx.rollback().await?;
            return Ok(Posted::Again { seq: row.try_get("seq")? });
        }
        let seq: i64 =
            sqlx::query("SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE application_id = $1").bind(application_id).fetch_one(&mut *tx).await?.try_get("next")?;
        sqlx::query(
            "INSERT INTO messages (application_id, seq, token, from_office, author, author_name, enhetsnummer, body, emergency, created_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(application_id)
        .bind(seq)
        .bind(message.token)
        .bind(i64::from(message.from_office))
        .bind(message.author)
        .bind(message.author_name)
        .bind(enhetsnummer)
        .bind(message.body)
        .bind(i64::from(message.emergency))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(a) = message.attachment {
            sqlx::query("INSERT INTO message_attachments (application_id, seq, sha256, bytes, pages, file_names) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(application_id)
                .bind(seq)
                .bind(&a.sha256)
                .bind(a.bytes)
                .bind(a.pages)
                .bind(a.file_names.join("\n"))
                .execute(&mut *tx)
                .await?;
        }
        if message.from_office {
            sqlx::query("UPDATE conversations SET waiting_since_ms = NULL, emergency = 0 WHERE application_id = $1").bind(application_id).execute(&mut *tx).await?;
            sqlx::query("UPDATE case_status SET emergency = (SELECT emergency FROM applications WHERE id = $1) WHERE application_id = $1")
                .bind(application_id)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query(
                "UPDATE conversations SET waiting_since_ms = COALESCE(waiting_since_ms, $2), emergency = CASE WHEN $3 = 1 THEN 1 ELSE emergency END WHERE application_id = $1",
            )
            .bind(application_id)
            .bind(now)
            .bind(i64::from(message.emergency))
            .execute(&mut *tx)
            .await?;
            if message.emergency {
                sqlx::query("UPDATE case_status SET emergency = 1 WHERE application_id = $1").bind(application_id).execute(&mut *tx).await?;
            }
        }
        crate::feed::record(&mut tx, application_id, crate::FeedKind::MessageWritten, Some(&seq.to_string()), now).await?;
        if message.from_office {
            crate::notifications::enqueue(&mut tx, application_id, NoticeKind::NewMessage, &format!("melding:{seq}"), now).await?;
        }
        if let Some(entry) = entry {
            audit::append(&mut tx, entry, now).await?;
        }
        tx.commit().await?;
        Ok(Posted::New { seq })
    }

    /// The messages of an application, oldest first. Not scoped to a person: callers check access.
    pub async fn messages(&self, application_id: &str) -> Result<Vec<Message>> {
        let rows = sqlx::query(
            "SELECT m.seq, m.from_office, m.author, m.author_name, m.enhetsnummer, m.body, m.emergency, m.created_ms, f.sha256, f.bytes, f.pages, f.file_names
             FROM messages m LEFT JOIN message_attachments f ON f.application_id = m.application_id AND f.seq = m.seq
             WHERE m.application_id = $1 ORDER BY m.seq",
        )
        .bind(application_id)
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Message {
                    seq: r.try_get("seq")?,
                    from_office: r.try_get::<i64, _>("from_office")? != 0,
                    author: r.try_get("author")?,
                    author_name: r.try_get("author_name")?,
                    enhetsnummer: r.try_get("enhetsnummer")?,
                    body: r.try_get("body")?,
                    emergency: r.try_get::<i64, _>("emergency")? != 0,
                    created_ms: r.try_get("created_ms")?,
                    attachment: match r.try_get::<Option<String>, _>("sha256")? {
                        Some(sha256) => Some(Attachment {
                            sha256,
                            bytes: r.try_get("bytes")?,
                            pages: r.try_get("pages")?,
                            file_names: r.try_get::<String, _>("file_names")?.lines().map(str::to_owned).collect(),
                        }),
                        None => None,
                    },
                })
            })
            .collect()
    }

    /// The attachment of message `seq` of an application, if it has one and `sha256` is its file.
    /// Not scoped to a person: callers check access.
    pub async fn message_attachment(&self, application_id: &str, sha256: &str) -> Result<Option<Attachment>> {
        Ok(self.messages(application_id).await?.into_iter().filter_map(|m| m.attachment).find(|a| a.sha256 == sha256))
    }

    /// When the office has owed an answer on this application since, if it does.
    pub async fn waiting_since(&self, application_id: &str) -> Result<Option<Millis>> {
        let row = sqlx::query("SELECT waiting_since_ms FROM conversations WHERE application_id = $1").bind(application_id).fetch_optional(&mut *self.read().await?).await?;
        Ok(match row {
            Some(r) => r.try_get::<Option<i64>, _>("waiting_since_ms")?,
            None => None,
        })
    }

    /// The conversations of the office in `access` that wait for an answer: emergencies first,
    /// then the longest waiting; at most `limit`. People with a protected address are left out
    /// unless the access includes them (as in the inbox).
    pub async fn waiting_conversations(&self, access: &CaseAccess, limit: i64) -> Result<Vec<WaitingConversation>> {
        let rows = sqlx::query(
            "SELECT c.application_id, a.reference, c.waiting_since_ms, c.emergency, c.assigned_to, c.assigned_name, p.fornavn, p.mellomnavn, p.etternavn
             FROM conversations c JOIN applications a ON a.id = c.application_id LEFT JOIN people p ON p.fnr = a.owner_fnr
             WHERE c.enhetsnummer = $1 AND c.waiting_since_ms IS NOT NULL AND ($2 = 1 OR p.adressebeskyttelse IS NULL)
             ORDER BY c.emergency DESC, c.waiting_since_ms, c.application_id LIMIT $3",
        )
        .bind(&access.office)
        .bind(i64::from(access.protected_persons))
        .bind(limit)
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                let part = |c: &str| r.try_get::<Option<String>, _>(c).map(Option::unwrap_or_default);
                let name = [part("fornavn")?, part("mellomnavn")?, part("etternavn")?].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" ");
                Ok(WaitingConversation {
                    application_id: r.try_get("application_id")?,
                    reference: r.try_get("reference")?,
                    waiting_since_ms: r.try_get("waiting_since_ms")?,
                    emergency: r.try_get::<i64, _>("emergency")? != 0,
                    name,
                    routed_to: match r.try_get::<Option<String>, _>("assigned_to")? {
                        Some(subject) => Some((subject, r.try_get::<Option<String>, _>("assigned_name")?.unwrap_or_default())),
                        None => None,
                    },
                })
            })
            .collect()
    }
}
