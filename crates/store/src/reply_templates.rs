//! An office's reply templates (svarmaler) and routing a conversation to a colleague (migration
//! 0029). Templates hold no personal data: a title to pick by and a text the caseworker adapts
//! before sending. Each change is written with its audit entry in one transaction.

use sqlx::Row;
use velferd_domain::Millis;

use crate::{audit, AuditEntry, Result, Store};

/// One reply template of an office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyTemplate {
    pub id: String,
    pub enhetsnummer: String,
    pub title: String,
    pub body: String,
    /// Who last wrote it, by name, and when.
    pub updated_by_name: String,
    pub updated_ms: Millis,
}

/// A template to write: a new one (`id` `None`) or a change to one of the office's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateChange<'a> {
    pub id: Option<&'a str>,
    pub enhetsnummer: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    /// The staff member's subject and name.
    pub by: (&'a str, &'a str),
}

impl Store {
    /// The office's reply templates, by title.
    pub async fn reply_templates(&self, enhetsnummer: &str) -> Result<Vec<ReplyTemplate>> {
        let rows = sqlx::query("SELECT id, enhetsnummer, title, body, updated_by_name, updated_ms FROM reply_templates WHERE enhetsnummer = $1 ORDER BY title, id")
            .bind(enhetsnummer)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ReplyTemplate {
                    id: r.try_get("id")?,
                    enhetsnummer: r.try_get("enhetsnummer")?,
                    title: r.try_get("title")?,
                    body: r.try_get("body")?,
                    updated_by_name: r.try_get("updated_by_name")?,
                    updated_ms: r.try_get("updated_ms")?,
                })
            })
            .collect()
    }

    /// Adds a template or changes one of the office's, with its audit entry. Returns the template's
    /// id, or `None` (nothing written) when `change.id` is not a template of that office.
    pub async fn save_reply_template(&self, change: &TemplateChange<'_>, entry: &AuditEntry, now: Millis) -> Result<Option<String>> {
        let mut tx = self.begin_write().await?;
        let id = match change.id {
            Some(id) => {
                let done =
                    sqlx::query("UPDATE reply_templates SET title = $1, body = $2, updated_by = $3, updated_by_name = $4, updated_ms = $5 WHERE id = $6 AND enhetsnummer = $7")
                        .bind(change.title)
                        .bind(change.body)
                        .bind(change.by.0)
                        .bind(change.by.1)
                        .bind(now)
                        .bind(id)
                        .bind(change.enhetsnummer)
                        .execute(&mut *tx)
                        .await?;
                if done.rows_affected() == 0 {
                    tx.rollback().await?;
                    return Ok(None);
                }
                id.to_owned()
            }
            None => {
                let id = crate::new_id();
                sqlx::query(
                    "INSERT INTO reply_templates (id, enhetsnummer, title, body, updated_by, updated_by_name, created_ms, updated_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
                )
                .bind(&id)
                .bind(change.enhetsnummer)
                .bind(change.title)
                .bind(change.body)
                .bind(change.by.0)
                .bind(change.by.1)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                id
            }
        };
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Routes the conversation on an application of office `enhetsnummer` to a colleague (their
    /// subject and name), or back to the whole office (`None`), with its audit entry. A case
    /// without messages yet gets its conversation row now, so the routing holds for what comes.
    pub async fn route_conversation(&self, application_id: &str, enhetsnummer: &str, to: Option<(&str, &str)>, entry: &AuditEntry, now: Millis) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO conversations (application_id, enhetsnummer, waiting_since_ms, emergency, last_ms, assigned_to, assigned_name) VALUES ($1, $2, NULL, 0, $3, $4, $5)
             ON CONFLICT (application_id) DO UPDATE SET assigned_to = $4, assigned_name = $5",
        )
        .bind(application_id)
        .bind(enhetsnummer)
        .bind(now)
        .bind(to.map(|t| t.0))
        .bind(to.map(|t| t.1))
        .execute(&mut *tx)
        .await?;
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whom the conversation on an application is routed to (subject, name), if anyone.
    pub async fn conversation_routed_to(&self, application_id: &str) -> Result<Option<(String, String)>> {
        let row =
            sqlx::query("SELECT assigned_to, assigned_name FROM conversations WHERE application_id = $1").bind(application_id).fetch_optional(&mut *self.read().await?).await?;
        Ok(match row {
            Some(r) => match (r.try_get::<Option<String>, _>("assigned_to")?, r.try_get::<Option<String>, _>("assigned_name")?) {
                (Some(s), name) => Some((s, name.unwrap_or_default())),
                _ => None,
            },
            None => None,
        })
    }
}
