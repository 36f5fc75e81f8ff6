//! What the integration API reads and writes: machine keys, the municipality's application list,
//! acknowledgements and case systems' status documents. Every query is scoped by the caller's
//! municipality.

use sha2::{Digest, Sha256};
use sqlx::Row;
use velferd_domain::ids::Kommunenummer;
use velferd_domain::Millis;

use crate::{new_id, Result, Store, StoreError, StoredApplication};

/// A case system authenticated by its key: it may act for one municipality only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    pub key_id: String,
    /// The name given when the key was made, e.g. the case system's; shown to citizens in the audit.
    pub name: String,
    pub kommunenummer: Kommunenummer,
}

/// A key as listed by the admin command (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: String,
    pub kommunenummer: String,
    pub name: String,
    pub created_ms: Millis,
    pub revoked_ms: Option<Millis>,
}

/// A freshly made key: `secret` is shown once and stored only as a hash.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    pub id: String,
    pub secret: String,
}

fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The API's list of new applications: one municipality's unacknowledged applications after a
/// cursor `(sent_ms, id)`, in that order. The cursor is a row comparison, which the partial index
/// `applications_backlog (kommunenummer, sent_ms, id) WHERE acknowledged_ms IS NULL` (migration
/// 0015) answers as one range read in order; spelled out as `sent_ms > $2 OR (sent_ms = $2 AND
/// id > $3)` PostgreSQL could not use it as a bound and read and sorted the whole backlog.
const UNACKNOWLEDGED: &str = "SELECT id, reference, sent_ms FROM applications
     WHERE kommunenummer = $1 AND acknowledged_ms IS NULL AND (sent_ms, id) > ($2, $3)
     ORDER BY sent_ms, id LIMIT $4";

impl Store {
    pub async fn create_api_key(&self, kommune: &Kommunenummer, name: &str, now: Millis) -> Result<NewApiKey> {
        let id = new_id();
        let secret = format!("vfk_{}{}", new_id(), new_id());
        self.write_one(
            sqlx::query("INSERT INTO api_keys (id, key_hash, kommunenummer, name, created_ms) VALUES ($1, $2, $3, $4, $5)")
                .bind(&id)
                .bind(hash(&secret))
                .bind(kommune.as_str())
                .bind(name)
                .bind(now),
        )
        .await?;
        Ok(NewApiKey { id, secret })
    }

    /// Revokes a key at once; false when there is no such active key.
    pub async fn revoke_api_key(&self, id: &str, now: Millis) -> Result<bool> {
        let done = self.write_one(sqlx::query("UPDATE api_keys SET revoked_ms = $1 WHERE id = $2 AND revoked_ms IS NULL").bind(now).bind(id)).await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn api_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = sqlx::query("SELECT id, kommunenummer, name, created_ms, revoked_ms FROM api_keys ORDER BY created_ms, id").fetch_all(&mut *self.read().await?).await?;
        rows.iter()
            .map(|r| {
                Ok(ApiKey {
                    id: r.try_get("id")?,
                    kommunenummer: r.try_get("kommunenummer")?,
                    name: r.try_get("name")?,
                    created_ms: r.try_get("created_ms")?,
                    revoked_ms: r.try_get("revoked_ms")?,
                })
            })
            .collect()
    }

    /// The client a presented key belongs to, if the key exists and is not revoked.
    pub async fn api_client(&self, secret: &str) -> Result<Option<ApiClient>> {
        let row = sqlx::query("SELECT id, name, kommunenummer FROM api_keys WHERE key_hash = $1 AND revoked_ms IS NULL")
            .bind(hash(secret))
            .fetch_optional(&mut *self.read().await?)
            .await?;
        row.map(|r| {
            let k: String = r.try_get("kommunenummer")?;
            Ok(ApiClient {
                key_id: r.try_get("id")?,
                name: r.try_get("name")?,
                kommunenummer: Kommunenummer::parse(&k).map_err(|_| StoreError::Corrupt("api_keys.kommunenummer".into()))?,
            })
        })
        .transpose()
    }

    /// Applications of the client's municipality not yet acknowledged, oldest first, after
    /// `after` (the last `(sent_ms, id)` of the previous page).
    pub async fn unacknowledged(&self, client: &ApiClient, after: Option<(Millis, String)>, limit: i64) -> Result<Vec<(String, String, Millis)>> {
        let (after_ms, after_id) = after.unwrap_or((i64::MIN, String::new()));
        let rows = sqlx::query(UNACKNOWLEDGED).bind(client.kommunenummer.as_str()).bind(after_ms).bind(after_id).bind(limit).fetch_all(&mut *self.read().await?).await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("reference")?, r.try_get("sent_ms")?))).collect()
    }

    /// The database's plan for [`Store::unacknowledged`] with these arguments, as text
    /// (PostgreSQL's `EXPLAIN`, SQLite's `EXPLAIN QUERY PLAN`): to check that a page is read from
    /// an index in order, whatever the backlog. On PostgreSQL `generic` asks for the plan made
    /// without the values (`plan_cache_mode = force_generic_plan`), which a prepared statement
    /// may switch to after some executions.
    pub async fn explain_unacknowledged(&self, client: &ApiClient, after: Option<(Millis, String)>, limit: i64, generic: bool) -> Result<String> {
        let (after_ms, after_id) = after.unwrap_or((i64::MIN, String::new()));
        let mut tx = self.pool.begin().await?;
        let explain = match self.backend {
            crate::Backend::Postgres => {
                if generic {
                    sqlx::query("SET LOCAL plan_cache_mode = force_generic_plan").execute(&mut *tx).await?;
                }
                "EXPLAIN"
            }
            crate::Backend::Sqlite => "EXPLAIN QUERY PLAN",
        };
        let rows = sqlx::query(&format!("{explain} {UNACKNOWLEDGED}")).bind(client.kommunenummer.as_str()).bind(after_ms).bind(after_id).bind(limit).fetch_all(&mut *tx).await?;
        tx.rollback().await?;
        let column = match self.backend {
            crate::Backend::Postgres => "QUERY PLAN",
            crate::Backend::Sqlite => "detail",
        };
        let lines: Vec<String> = rows.iter().map(|r| r.try_get::<String, _>(column)).collect::<std::result::Result<_, _>>()?;
        Ok(lines.join("\n"))
    }

    /// One application of the client's municipality; another municipality's id finds nothing.
    pub async fn application_for_client(&self, client: &ApiClient, id: &str) -> Result<Option<(StoredApplication, Option<Millis>)>> {
        let row = sqlx::query(&format!("SELECT {}, acknowledged_ms FROM applications WHERE id = $1 AND kommunenummer = $2", crate::applications::COLUMNS))
            .bind(id)
            .bind(client.kommunenummer.as_str())
            .fetch_optional(&mut *self.read().await?)
            .await?;
        row.map(|r| Ok((crate::applications::application_from_row(&r)?, r.try_get("acknowledged_ms")?))).transpose()
    }

    /// Marks an application as received by the case system. Idempotent; false for another
    /// municipality's or an unknown id.
    pub async fn acknowledge(&self, client: &ApiClient, id: &str, now: Millis) -> Result<bool> {
        let done = self
            .write_one(
                sqlx::query("UPDATE applications SET acknowledged_ms = COALESCE(acknowledged_ms, $1) WHERE id = $2 AND kommunenummer = $3")
                    .bind(now)
                    .bind(id)
                    .bind(client.kommunenummer.as_str()),
            )
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Replaces the case system's status document of an application of its municipality.
    pub async fn put_external_status(&self, client: &ApiClient, id: &str, document: &serde_json::Value, now: Millis) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let owned =
            sqlx::query("SELECT id FROM applications WHERE id = $1 AND kommunenummer = $2").bind(id).bind(client.kommunenummer.as_str()).fetch_optional(&mut *tx).await?.is_some();
        if !owned {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO external_status (application_id, document, updated_ms) VALUES ($1, $2, $3)
             ON CONFLICT (application_id) DO UPDATE SET document = $2, updated_ms = $3",
        )
        .bind(id)
        .bind(document.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        self.refresh_projection(&mut tx, id, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The case system's status document of the owner's application, if one was posted.
    pub async fn external_status(&self, application_id: &str, owner: &velferd_domain::ids::Fodselsnummer) -> Result<Option<serde_json::Value>> {
        let row = sqlx::query(
            "SELECT x.document FROM external_status x JOIN applications a ON a.id = x.application_id
             WHERE x.application_id = $1 AND a.owner_fnr = $2",
        )
        .bind(application_id)
        .bind(owner.as_str())
        .fetch_optional(&mut *self.read().await?)
        .await?;
        row.map(|r| {
            let text: String = r.try_get("document")?;
            serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("external_status.document: {e}")))
        })
        .transpose()
    }
}
