//! What office staff read: the applications of one office, scoped in SQL by the caller's
//! [`CaseAccess`] (office, and whether people with a protected address are included), and the
//! register's protected-address marks (adressebeskyttelse, kode 6/7).

use sqlx::Row;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::staff::{Adressebeskyttelse, CaseAccess};

use crate::applications::{application_from_row, COLUMNS};
use crate::{Result, Store, StoreError, StoredApplication};

/// An application as the office sees it: the application, whose it is, and the applicant's
/// protected-address mark.
#[derive(Debug, Clone)]
pub struct OfficeCase {
    pub application: StoredApplication,
    pub owner: Fodselsnummer,
    pub protection: Option<Adressebeskyttelse>,
}

/// The most an office list shows at once.
const OFFICE_LIST_LIMIT: i64 = 500;

fn columns() -> String {
    COLUMNS.split(", ").map(|c| format!("a.{c}")).collect::<Vec<_>>().join(", ")
}

fn office_case_from_row(r: &sqlx::any::AnyRow) -> Result<OfficeCase> {
    let owner: String = r.try_get("owner_fnr")?;
    let protection: Option<String> = r.try_get("adressebeskyttelse")?;
    Ok(OfficeCase {
        application: application_from_row(r)?,
        owner: Fodselsnummer::parse(&owner).map_err(|_| StoreError::Corrupt("applications.owner_fnr".into()))?,
        protection: protection.as_deref().map(|c| Adressebeskyttelse::from_code(c).ok_or_else(|| StoreError::Corrupt("people.adressebeskyttelse".into()))).transpose()?,
    })
}

impl Store {
    /// The applications of the caller's office, emergencies first, then newest first. People with
    /// a protected address are left out unless the access includes them.
    pub async fn office_applications(&self, access: &CaseAccess) -> Result<Vec<OfficeCase>> {
        let rows = sqlx::query(&format!(
            "SELECT {}, a.owner_fnr, p.adressebeskyttelse FROM applications a LEFT JOIN people p ON p.fnr = a.owner_fnr
             WHERE a.enhetsnummer = $1 AND ($2 = 1 OR p.adressebeskyttelse IS NULL)
             ORDER BY a.emergency DESC, a.sent_ms DESC, a.id LIMIT $3",
            columns()
        ))
        .bind(&access.office)
        .bind(i64::from(access.protected_persons))
        .bind(OFFICE_LIST_LIMIT)
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(office_case_from_row).collect()
    }

    /// One application of the caller's office. Another office's id, or a protected person's
    /// application without access to those, finds nothing.
    pub async fn office_application(&self, access: &CaseAccess, id: &str) -> Result<Option<OfficeCase>> {
        let row = sqlx::query(&format!(
            "SELECT {}, a.owner_fnr, p.adressebeskyttelse FROM applications a LEFT JOIN people p ON p.fnr = a.owner_fnr
             WHERE a.id = $1 AND a.enhetsnummer = $2 AND ($3 = 1 OR p.adressebeskyttelse IS NULL)",
            columns()
        ))
        .bind(id)
        .bind(&access.office)
        .bind(i64::from(access.protected_persons))
        .fetch_optional(&mut *self.read().await?)
        .await?;
        let found = row.map(|r| office_case_from_row(&r)).transpose()?;
        // The rule again in the domain's words, so a change to the SQL cannot quietly widen it.
        Ok(found.filter(|c| access.may_open(&c.application.enhetsnummer, c.protection)))
    }

    /// Marks a person in the register as having a protected address (or clears it with `None`).
    pub async fn set_adressebeskyttelse(&self, fnr: &Fodselsnummer, protection: Option<Adressebeskyttelse>) -> Result<bool> {
        let done = self.write_one(sqlx::query("UPDATE people SET adressebeskyttelse = $1 WHERE fnr = $2").bind(protection.map(|p| p.code().to_owned())).bind(fnr.as_str())).await?;
        Ok(done.rows_affected() == 1)
    }

    /// A person's protected-address mark in the register; `None` also for people not in it.
    pub async fn adressebeskyttelse(&self, fnr: &Fodselsnummer) -> Result<Option<Adressebeskyttelse>> {
        let row = sqlx::query("SELECT adressebeskyttelse FROM people WHERE fnr = $1").bind(fnr.as_str()).fetch_optional(&mut *self.read().await?).await?;
        let code: Option<String> = match row {
            Some(r) => r.try_get("adressebeskyttelse")?,
            None => None,
        };
        code.map(|c| Adressebeskyttelse::from_code(&c).ok_or_else(|| StoreError::Corrupt("people.adressebeskyttelse".into()))).transpose()
    }
}
