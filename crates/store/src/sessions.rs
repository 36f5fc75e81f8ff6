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
        Ok(sqlx::query("DELETE FROM sessions WHERE expiry_ms <= $1").bind(now).execute(&self.pool).await?.rows_affected())
    }
}
