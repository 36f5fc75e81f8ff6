//! Connections kept between reads on SQLite.
//!
//! sqlx tests every connection given back to its pool with a ping, a round trip to the
//! connection's worker thread (`sqlx-core`'s `Floating::return_to_pool`), so a read on the pool
//! cost two hand-overs to that thread, not one: the sending bench's profile showed the ping beside
//! every query a page makes (issue 13, a send's cost). A SQLite connection is a handle in this
//! process that a server restart cannot break, and its worker runs commands one after another
//! (a read dropped half-way stops at the next row it cannot hand over), so a connection that a
//! read is done with can be used by the next read as it is. [`Readers`] keeps a few such
//! connections; the others go back to the pool as before. PostgreSQL's connections go back to
//! the pool and keep its test: a restarted server breaks them.

use std::sync::{Arc, Mutex, PoisonError};

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool};

/// At most this many connections wait here between reads; the pool keeps the rest for writers
/// and snapshots (it holds [`SQLITE_POOL`] in all).
const KEPT: usize = 4;

/// The SQLite pool's size: room for [`KEPT`] resting readers and as many again in use, and for the
/// writer's connection and snapshots beside them.
pub(crate) const SQLITE_POOL: u32 = 12;

#[derive(Default)]
struct Kept {
    conns: Vec<PoolConnection<Any>>,
    /// Set when the store closes: connections then go back to the pool, which waits for them all.
    closed: bool,
}

/// The connections kept between reads (cheap to clone; `None` inside on PostgreSQL).
#[derive(Clone, Default)]
pub(crate) struct Readers(Option<Arc<Mutex<Kept>>>);

impl Readers {
    pub(crate) fn sqlite() -> Readers {
        Readers(Some(Arc::default()))
    }

    /// A connection for reads: a kept one when there is one, else one from the pool.
    pub(crate) async fn get(&self, pool: &AnyPool) -> Result<ReadConn, sqlx::Error> {
        let kept = self.0.as_ref().and_then(|k| k.lock().unwrap_or_else(PoisonError::into_inner).conns.pop());
        let conn = match kept {
            Some(conn) => conn,
            None => pool.acquire().await?,
        };
        Ok(ReadConn { conn: Some(conn), home: self.0.clone() })
    }

    /// Gives every kept connection back to the pool, and keeps none from now on (before the pool
    /// closes, which waits for every connection to come back).
    pub(crate) fn close(&self) {
        if let Some(kept) = &self.0 {
            let mut kept = kept.lock().unwrap_or_else(PoisonError::into_inner);
            kept.closed = true;
            kept.conns.clear();
        }
    }
}

/// A connection lent for reads ([`crate::Store::read`]): `query.fetch_one(&mut *store.read().await?)`.
/// Dropped, it waits for the next read (SQLite, while fewer than [`KEPT`] wait) or goes back to
/// the pool.
pub(crate) struct ReadConn {
    conn: Option<PoolConnection<Any>>,
    home: Option<Arc<Mutex<Kept>>>,
}

impl Drop for ReadConn {
    fn drop(&mut self) {
        let (Some(conn), Some(home)) = (self.conn.take(), &self.home) else { return };
        let mut kept = home.lock().unwrap_or_else(PoisonError::into_inner);
        if !kept.closed && kept.conns.len() < KEPT {
            kept.conns.push(conn);
        }
    }
}

impl std::ops::Deref for ReadConn {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        self.conn.as_ref().expect("a lent connection")
    }
}

impl std::ops::DerefMut for ReadConn {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        self.conn.as_mut().expect("a lent connection")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::time::Duration;

    use sqlx::Row;

    use crate::{testing, Store};

    #[tokio::test]
    async fn kept_connections_serve_the_next_reads_and_let_the_store_close() {
        let db = testing::sqlite();
        let store = Store::connect(&db.url).await.unwrap();
        store.write_one(sqlx::query("CREATE TABLE numbers (n INTEGER NOT NULL)")).await.unwrap();
        store.write_one(sqlx::query("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 20000) INSERT INTO numbers SELECT n FROM c")).await.unwrap();
        // Several readers at once: more connections than are kept come back.
        let reads: Vec<_> = (0..8)
            .map(|_| {
                let store = store.clone();
                tokio::spawn(async move { sqlx::query("SELECT count(*) AS c FROM numbers").fetch_one(&mut *store.read().await.unwrap()).await.unwrap().get::<i64, _>("c") })
            })
            .collect();
        for r in reads {
            assert_eq!(r.await.unwrap(), 20000);
        }
        assert_eq!(store.readers.0.as_ref().unwrap().lock().unwrap().conns.len(), super::KEPT);
        // A read given up half-way (a client that hung up) leaves its connection fit for the next.
        for _ in 0..super::KEPT + 1 {
            let mut conn = store.read().await.unwrap();
            let half = tokio::time::timeout(Duration::from_micros(50), sqlx::query("SELECT n FROM numbers ORDER BY n DESC").fetch_all(&mut *conn)).await;
            drop(half);
        }
        for _ in 0..super::KEPT + 1 {
            let row = sqlx::query("SELECT max(n) AS m FROM numbers").fetch_one(&mut *store.read().await.unwrap()).await.unwrap();
            assert_eq!(row.get::<i64, _>("m"), 20000);
        }
        tokio::time::timeout(Duration::from_secs(10), store.close()).await.expect("the store closes with connections kept");
    }
}
