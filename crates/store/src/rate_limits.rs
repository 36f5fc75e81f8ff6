//! Counting requests for rate limits in the database, so every server process sees the same
//! counts. A fixed window per (bucket, subject): cheap, one upsert per limited request.

use sqlx::Row;
use velferd_domain::Millis;

use crate::{files::sha256_hex, Result, Store};

impl Store {
    /// Counts one request by `subject` in `bucket` for the window of `window_ms` that holds `now`,
    /// and returns how many there have been in that window, this one included.
    pub async fn count_hit(&self, bucket: &str, subject: &str, window_ms: Millis, now: Millis) -> Result<i64> {
        let window_start = now - now.rem_euclid(window_ms.max(1));
        let row = sqlx::query(
            "INSERT INTO rate_limits (bucket, subject, window_start, hits) VALUES ($1, $2, $3, 1)
             ON CONFLICT (bucket, subject, window_start) DO UPDATE SET hits = rate_limits.hits + 1
             RETURNING hits",
        )
        .bind(bucket)
        .bind(sha256_hex(subject.as_bytes()))
        .bind(window_start)
        .fetch_one(&mut *self.read().await?)
        .await?;
        Ok(row.try_get("hits")?)
    }

    /// How many requests `subject` has made in `bucket` in the window of `window_ms` that holds
    /// `now`, without counting one: for a check before work whose count rides in that work's own
    /// transaction ([`Store::submit_counted`]).
    pub async fn hits(&self, bucket: &str, subject: &str, window_ms: Millis, now: Millis) -> Result<i64> {
        let window_start = now - now.rem_euclid(window_ms.max(1));
        let row = sqlx::query("SELECT hits FROM rate_limits WHERE bucket = $1 AND subject = $2 AND window_start = $3")
            .bind(bucket)
            .bind(sha256_hex(subject.as_bytes()))
            .bind(window_start)
            .fetch_optional(&mut *self.read().await?)
            .await?;
        Ok(row.map(|r| r.try_get("hits")).transpose()?.unwrap_or(0))
    }

    /// Forgets windows that started before `before`.
    pub async fn delete_old_rate_windows(&self, before: Millis) -> Result<u64> {
        Ok(self.write_one(sqlx::query("DELETE FROM rate_limits WHERE window_start < $1").bind(before)).await?.rows_affected())
    }
}

/// A request to count in a rate limit's window, inside the transaction of the work it limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateCount {
    pub bucket: &'static str,
    /// Who is counted (hashed before it is stored).
    pub subject: String,
    pub window_ms: Millis,
}

/// Counts `count` inside the caller's transaction, as [`Store::count_hit`] does alone.
pub(crate) async fn count_in(tx: &mut sqlx::AnyConnection, count: &RateCount, now: Millis) -> Result<()> {
    let mut batch = crate::batch::Batch::new();
    push_count(&mut batch, count, now);
    batch.run(tx).await
}

/// [`count_in`] as a statement of a caller's batch.
pub(crate) fn push_count(batch: &mut crate::batch::Batch, count: &RateCount, now: Millis) {
    let window_start = now - now.rem_euclid(count.window_ms.max(1));
    batch.push(
        "INSERT INTO rate_limits (bucket, subject, window_start, hits) VALUES ($1, $2, $3, 1)
         ON CONFLICT (bucket, subject, window_start) DO UPDATE SET hits = rate_limits.hits + 1",
        vec![count.bucket.into(), sha256_hex(count.subject.as_bytes()).into(), window_start.into()],
    );
}
