//! Powers of attorney (fullmakt): a citizen lets a helper (family, a guardian, a social worker
//! outside NAV) follow one application, and optionally send documents to it, until a date. The
//! helper's access is decided here, in SQL: only an unrevoked, unexpired power on that application
//! for that helper opens anything.

use sqlx::Row;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;

use crate::{new_id, ApiClient, Result, Store, StoreError, StoredApplication};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Power {
    pub id: String,
    pub application_id: String,
    pub helper_fnr: String,
    /// The helper's name as the citizen wrote it.
    pub helper_name: String,
    pub may_send_documents: bool,
    /// The power covers the conversation with the office: reading it and writing in it.
    pub may_write_messages: bool,
    pub valid_until_ms: Millis,
    pub created_ms: Millis,
    pub revoked_ms: Option<Millis>,
}

const COLUMNS: &str = "p.id, p.application_id, p.helper_fnr, p.helper_name, p.may_send_documents, p.may_write_messages, p.valid_until_ms, p.created_ms, p.revoked_ms";

fn power_from_row(r: &sqlx::any::AnyRow) -> Result<Power> {
    power_with_id(r, "id")
}

/// A power from a row whose id column is called `id_column` (joined with an application's `id`).
fn power_with_id(r: &sqlx::any::AnyRow, id_column: &str) -> Result<Power> {
    Ok(Power {
        id: r.try_get(id_column)?,
        application_id: r.try_get("application_id")?,
        helper_fnr: r.try_get("helper_fnr")?,
        helper_name: r.try_get("helper_name")?,
        may_send_documents: r.try_get::<i64, _>("may_send_documents")? != 0,
        may_write_messages: r.try_get::<i64, _>("may_write_messages")? != 0,
        valid_until_ms: r.try_get("valid_until_ms")?,
        created_ms: r.try_get("created_ms")?,
        revoked_ms: r.try_get("revoked_ms")?,
    })
}

/// What the owner grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPower<'a> {
    pub helper: &'a Fodselsnummer,
    pub helper_name: &'a str,
    pub may_send_documents: bool,
    pub may_write_messages: bool,
    pub valid_until_ms: Millis,
}

impl Store {
    /// The owner gives a helper a power on the owner's application. `None` when it is not theirs.
    pub async fn grant_power(&self, application_id: &str, owner: &Fodselsnummer, power: &NewPower<'_>, now: Millis) -> Result<Option<String>> {
        let NewPower { helper, helper_name, may_send_documents, may_write_messages, valid_until_ms } = *power;
        let id = new_id();
        let done = self
            .write_one(
                sqlx::query(
                    "INSERT INTO powers_of_attorney (id, application_id, helper_fnr, helper_name, may_send_documents, may_write_messages, valid_until_ms, created_ms)
             SELECT $1, a.id, $2, $3, $4, $9, $5, $6 FROM applications a WHERE a.id = $7 AND a.owner_fnr = $8",
                )
                .bind(&id)
                .bind(helper.as_str())
                .bind(helper_name)
                .bind(i64::from(may_send_documents))
                .bind(valid_until_ms)
                .bind(now)
                .bind(application_id)
                .bind(owner.as_str())
                .bind(i64::from(may_write_messages)),
            )
            .await?;
        Ok((done.rows_affected() == 1).then_some(id))
    }

    /// The owner ends a power at once. False when there is no such active power on their application.
    pub async fn revoke_power(&self, application_id: &str, owner: &Fodselsnummer, power_id: &str, now: Millis) -> Result<bool> {
        let done = self
            .write_one(
                sqlx::query(
                    "UPDATE powers_of_attorney SET revoked_ms = $1
             WHERE id = $2 AND application_id = $3 AND revoked_ms IS NULL
               AND application_id IN (SELECT id FROM applications WHERE id = $3 AND owner_fnr = $4)",
                )
                .bind(now)
                .bind(power_id)
                .bind(application_id)
                .bind(owner.as_str()),
            )
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The powers on the owner's application, newest first (revoked and expired ones too).
    pub async fn powers_of(&self, application_id: &str, owner: &Fodselsnummer) -> Result<Vec<Power>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM powers_of_attorney p JOIN applications a ON a.id = p.application_id
             WHERE p.application_id = $1 AND a.owner_fnr = $2 ORDER BY p.created_ms DESC, p.id"
        ))
        .bind(application_id)
        .bind(owner.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(power_from_row).collect()
    }

    /// The powers on an application of the client's municipality (for the case system).
    pub async fn powers_for_client(&self, client: &ApiClient, application_id: &str) -> Result<Vec<Power>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM powers_of_attorney p JOIN applications a ON a.id = p.application_id
             WHERE p.application_id = $1 AND a.kommunenummer = $2 ORDER BY p.created_ms DESC, p.id"
        ))
        .bind(application_id)
        .bind(client.kommunenummer.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(power_from_row).collect()
    }

    /// Applications `helper` may follow at `now`, with the power and the owner.
    pub async fn helped_applications(&self, helper: &Fodselsnummer, now: Millis) -> Result<Vec<(StoredApplication, Power, Fodselsnummer)>> {
        self.as_helper("", helper, now).await
    }

    /// One application `helper` may follow at `now`; `None` without a valid power on it.
    pub async fn application_as_helper(&self, application_id: &str, helper: &Fodselsnummer, now: Millis) -> Result<Option<(StoredApplication, Power, Fodselsnummer)>> {
        Ok(self.as_helper(application_id, helper, now).await?.into_iter().next())
    }

    /// `application_id` empty: every application the helper may follow.
    async fn as_helper(&self, application_id: &str, helper: &Fodselsnummer, now: Millis) -> Result<Vec<(StoredApplication, Power, Fodselsnummer)>> {
        let columns: String = crate::applications::COLUMNS.split(", ").map(|c| format!("a.{c}")).collect::<Vec<_>>().join(", ");
        let rows = sqlx::query(&format!(
            "SELECT {columns}, a.owner_fnr, p.id AS power_id, p.application_id, p.helper_fnr, p.helper_name, p.may_send_documents,
                    p.may_write_messages, p.valid_until_ms, p.created_ms, p.revoked_ms
             FROM powers_of_attorney p JOIN applications a ON a.id = p.application_id
             WHERE p.helper_fnr = $1 AND p.revoked_ms IS NULL AND p.valid_until_ms > $2 AND ($3 = '' OR p.application_id = $3)
             ORDER BY a.sent_ms DESC"
        ))
        .bind(helper.as_str())
        .bind(now)
        .bind(application_id)
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                let owner: String = r.try_get("owner_fnr")?;
                let owner = Fodselsnummer::parse(&owner).map_err(|_| StoreError::Corrupt("applications.owner_fnr".into()))?;
                Ok((crate::applications::application_from_row(r)?, power_with_id(r, "power_id")?, owner))
            })
            .collect()
    }
}
