//! The change feed a case system polls: one numbered row per thing it should react to, written in
//! the same transaction as the change itself, so a change is in the feed exactly when it happened.
//!
//! Numbers count up per municipality from one counter row. Taking a number locks that row until the
//! writing transaction commits, so transactions of one municipality commit in number order: a
//! reader that has seen number N will never later find a newly committed number below N. A client
//! that remembers the last number it handled and asks for what comes after it misses nothing, and
//! sees a change again only if it asks again (at-least-once; the `id` lets it drop repeats).

use sqlx::Row;
use velferd_domain::Millis;

use crate::{new_id, ApiClient, Result};

/// What changed, as named in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// A citizen sent an application.
    ApplicationReceived,
    /// A citizen sent documents to an application already sent (ettersendelse).
    DocumentsReceived,
    /// A citizen opened a letter for the first time.
    LetterOpened,
    /// A message was written in the conversation on an application, by the person or the office
    /// (the item is its number).
    MessageWritten,
}

impl FeedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FeedKind::ApplicationReceived => "soknad.mottatt",
            FeedKind::DocumentsReceived => "ettersendelse.mottatt",
            FeedKind::LetterOpened => "brev.lest",
            FeedKind::MessageWritten => "melding.skrevet",
        }
    }
}

/// One row of the feed, as a case system reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// Counts up per municipality; the cursor.
    pub seq: i64,
    /// Unique for ever: what a receiver deduplicates on.
    pub id: String,
    pub kind: String,
    pub application_id: String,
    /// The submission (ettersendelse) or letter the change is about, if any.
    pub item_id: Option<String>,
    pub at_ms: Millis,
}

/// Records a change inside the caller's transaction. The municipality is read from the application.
pub(crate) async fn record(tx: &mut sqlx::AnyConnection, application_id: &str, kind: FeedKind, item_id: Option<&str>, now: Millis) -> Result<()> {
    let row = sqlx::query("SELECT kommunenummer FROM applications WHERE id = $1").bind(application_id).fetch_one(&mut *tx).await?;
    let kommunenummer: String = row.try_get("kommunenummer")?;
    record_in(tx, &kommunenummer, application_id, kind, item_id, now).await
}

/// [`record`] for a caller that knows the application's municipality (sending, which just wrote it).
pub(crate) async fn record_in(tx: &mut sqlx::AnyConnection, kommunenummer: &str, application_id: &str, kind: FeedKind, item_id: Option<&str>, now: Millis) -> Result<()> {
    let mut batch = crate::batch::Batch::new();
    push_record_in(&mut batch, kommunenummer, application_id, kind, item_id, now);
    batch.run(tx).await
}

/// [`record_in`] as statements of a caller's batch: the municipality's counter goes up, and the
/// entry takes its new value (the counter's row is the transaction's until it commits, so no
/// other entry can take the same number).
pub(crate) fn push_record_in(batch: &mut crate::batch::Batch, kommunenummer: &str, application_id: &str, kind: FeedKind, item_id: Option<&str>, now: Millis) {
    batch.push(
        "INSERT INTO feed_counters (kommunenummer, last_seq) VALUES ($1, 1)
         ON CONFLICT (kommunenummer) DO UPDATE SET last_seq = feed_counters.last_seq + 1",
        vec![kommunenummer.into()],
    );
    batch.push(
        "INSERT INTO feed (kommunenummer, seq, id, kind, application_id, item_id, at_ms)
         VALUES ($1, (SELECT last_seq FROM feed_counters WHERE kommunenummer = $1), $2, $3, $4, $5, $6)",
        vec![kommunenummer.into(), new_id().into(), kind.as_str().into(), application_id.into(), item_id.into(), now.into()],
    );
}

impl crate::Store {
    /// The client's municipality's changes after number `after`, oldest first.
    pub async fn feed(&self, client: &ApiClient, after: i64, limit: i64) -> Result<Vec<FeedItem>> {
        let rows = sqlx::query(
            "SELECT seq, id, kind, application_id, item_id, at_ms FROM feed
             WHERE kommunenummer = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(client.kommunenummer.as_str())
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FeedItem {
                    seq: r.try_get("seq")?,
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    application_id: r.try_get("application_id")?,
                    item_id: r.try_get("item_id")?,
                    at_ms: r.try_get("at_ms")?,
                })
            })
            .collect()
    }
}
