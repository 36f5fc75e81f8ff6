//! Web sessions, stored server-side so several server processes share them.

use sqlx::Row;
use velferd_domain::Millis;

use crate::{Result, Store};

impl Store {
    pub async fn session_load(&self, id: &str, now: Millis) -> Result<Option<String>> {
        let row = sqlx::query("SELECT data FROM sessions WHERE id = $1 AND expiry_ms > $2").bind(id).bind(now).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| r.try_get("data")).transpose()?)
    }

    /// Stores a session; with `create_only`, fails (returns false) if the id exists already.
    pub async fn session_save(&self, id: &str, data: &str, expiry_ms: Millis, create_only: bool) -> Result<bool> {
        let sql = if create_only {
            "INSERT INTO sessions (id, data, expiry_ms) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING"
        } else {
            "INSERT INTO sessions (id, data, expiry_ms) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET data = $2, expiry_ms = $3"
        };
        let done = sqlx::query(sql).bind(id).bind(data).bind(expiry_ms).execute(&self.pool).await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn session_delete(&self, id: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1").bind(id).execute(&self.pool).await?;
        Ok(())
    }

    pub async fn delete_expired_sessions(&self, now: Millis) -> Result<u64> {
        let deleted = sqlx::query("DELETE FROM sessions WHERE expiry_ms <= $1").bind(now).execute(&self.pool).await?.rows_affected();
        sqlx::query("DELETE FROM provider_sessions WHERE session_id NOT IN (SELECT id FROM sessions)").execute(&self.pool).await?;
        Ok(deleted)
    }

    /// Remembers that web session `session_id` came from a sign-in at `issuer` (the provider's
    /// session `sid`, when it sends one, and its `subject`), so [`Store::end_provider_sessions`] can
    /// end it when the provider says the person signed out.
    pub async fn link_provider_session(&self, session_id: &str, issuer: &str, sid: Option<&str>, subject: &str, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO provider_sessions (session_id, issuer, sid, subject, created_ms) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (session_id) DO UPDATE SET issuer = $2, sid = $3, subject = $4, created_ms = $5",
        )
        .bind(session_id)
        .bind(issuer)
        .bind(sid)
        .bind(subject)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends every web session that came from the provider sign-in named by `sid` (or, when the
    /// provider names none, every one of `subject`) at `issuer`. Returns how many were ended.
    pub async fn end_provider_sessions(&self, issuer: &str, sid: Option<&str>, subject: Option<&str>) -> Result<u64> {
        let (column, value) = match (sid, subject) {
            (Some(sid), _) => ("sid", sid),
            (None, Some(subject)) => ("subject", subject),
            (None, None) => return Ok(0),
        };
        let mut tx = self.begin_write().await?;
        let ended = sqlx::query(&format!("DELETE FROM sessions WHERE id IN (SELECT session_id FROM provider_sessions WHERE issuer = $1 AND {column} = $2)"))
            .bind(issuer)
            .bind(value)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query(&format!("DELETE FROM provider_sessions WHERE issuer = $1 AND {column} = $2")).bind(issuer).bind(value).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(ended)
    }
}
