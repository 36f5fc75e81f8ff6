//! Web sessions, stored server-side so several server processes share them.

use sqlx::Row;
use velferd_domain::Millis;

use crate::{Result, Store};

impl Store {
    /// A live session's data (`expiry_ms` after `now`), or `None`.
    pub async fn session_load(&self, id: &str, now: Millis) -> Result<Option<String>> {
        let row = sqlx::query("SELECT data FROM sessions WHERE id = $1 AND expiry_ms > $2").bind(id).bind(now).fetch_optional(&mut *self.read().await?).await?;
        Ok(row.map(|r| r.try_get("data")).transpose()?)
    }

    /// Like [`Store::session_load`], and renews the session: when its end has fallen more than
    /// `renew_ms` behind `new_expiry_ms`, the end moves to `new_expiry_ms` (ms since the epoch).
    /// So a session in use writes at most once per `renew_ms` (one short UPDATE of the end only,
    /// never the data), not once per request. The UPDATE names the end it read, so a session
    /// ended or renewed meanwhile is left as it is.
    pub async fn session_load_renewing(&self, id: &str, now: Millis, new_expiry_ms: Millis, renew_ms: Millis) -> Result<Option<String>> {
        let Some(row) = sqlx::query("SELECT data, expiry_ms FROM sessions WHERE id = $1 AND expiry_ms > $2").bind(id).bind(now).fetch_optional(&mut *self.read().await?).await?
        else {
            return Ok(None);
        };
        let expiry_ms: Millis = row.try_get("expiry_ms")?;
        if expiry_ms < new_expiry_ms.saturating_sub(renew_ms) {
            self.write_one(sqlx::query("UPDATE sessions SET expiry_ms = $1 WHERE id = $2 AND expiry_ms = $3").bind(new_expiry_ms).bind(id).bind(expiry_ms)).await?;
        }
        Ok(Some(row.try_get("data")?))
    }

    /// When a session ends (ms since the epoch), if it exists: to see the idle timeout at work.
    pub async fn session_expiry(&self, id: &str) -> Result<Option<Millis>> {
        let row = sqlx::query("SELECT expiry_ms FROM sessions WHERE id = $1").bind(id).fetch_optional(&mut *self.read().await?).await?;
        Ok(row.map(|r| r.try_get("expiry_ms")).transpose()?)
    }

    /// Stores a new session; false (nothing written) when the id exists already.
    pub async fn session_create(&self, id: &str, data: &str, expiry_ms: Millis) -> Result<bool> {
        let done =
            self.write_one(sqlx::query("INSERT INTO sessions (id, data, expiry_ms) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING").bind(id).bind(data).bind(expiry_ms)).await?;
        Ok(done.rows_affected() == 1)
    }

    /// Replaces an existing session's data and end; false (nothing written) when it is gone — a
    /// session ended by signing out or by the identity provider stays ended even if a request
    /// that had read it before saves afterwards.
    pub async fn session_update(&self, id: &str, data: &str, expiry_ms: Millis) -> Result<bool> {
        let done = self.write_one(sqlx::query("UPDATE sessions SET data = $2, expiry_ms = $3 WHERE id = $1").bind(id).bind(data).bind(expiry_ms)).await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn session_delete(&self, id: &str) -> Result<()> {
        self.write_one(sqlx::query("DELETE FROM sessions WHERE id = $1").bind(id)).await?;
        Ok(())
    }

    pub async fn delete_expired_sessions(&self, now: Millis) -> Result<u64> {
        let deleted = self.write_one(sqlx::query("DELETE FROM sessions WHERE expiry_ms <= $1").bind(now)).await?.rows_affected();
        self.write_one(sqlx::query("DELETE FROM provider_sessions WHERE session_id NOT IN (SELECT id FROM sessions)")).await?;
        Ok(deleted)
    }

    /// Remembers that web session `session_id` came from a sign-in at `issuer` (the provider's
    /// session `sid`, when it sends one, and its `subject`), so [`Store::end_provider_sessions`] can
    /// end it when the provider says the person signed out.
    pub async fn link_provider_session(&self, session_id: &str, issuer: &str, sid: Option<&str>, subject: &str, now: Millis) -> Result<()> {
        self.write_one(
            sqlx::query(
                "INSERT INTO provider_sessions (session_id, issuer, sid, subject, created_ms) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (session_id) DO UPDATE SET issuer = $2, sid = $3, subject = $4, created_ms = $5",
            )
            .bind(session_id)
            .bind(issuer)
            .bind(sid)
            .bind(subject)
            .bind(now),
        )
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
