//! People as the population register knows them (a stand-in register; demo people come from `--demo`).

use sqlx::Row;
use velferd_domain::application::{Soker, SokerAdresse};
use velferd_domain::ids::Fodselsnummer;

use crate::{Result, Store, StoreError};

impl Store {
    /// Adds or updates a person.
    pub async fn upsert_person(&self, p: &Soker) -> Result<()> {
        let a = p.adresse.as_ref();
        sqlx::query(
            "INSERT INTO people (fnr, fornavn, mellomnavn, etternavn, gatenavn, husnummer, postnummer, poststed, kommunenummer)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (fnr) DO UPDATE SET fornavn = $2, mellomnavn = $3, etternavn = $4, gatenavn = $5,
                 husnummer = $6, postnummer = $7, poststed = $8, kommunenummer = $9",
        )
        .bind(p.fnr.as_str())
        .bind(&p.fornavn)
        .bind(&p.mellomnavn)
        .bind(&p.etternavn)
        .bind(a.map(|a| a.gatenavn.clone()))
        .bind(a.map(|a| a.husnummer.clone()))
        .bind(a.map(|a| a.postnummer.clone()))
        .bind(a.map(|a| a.poststed.clone()))
        .bind(a.map(|a| a.kommunenummer.clone()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The register entry of the signed-in person (the only person a citizen may read).
    pub async fn person(&self, fnr: &Fodselsnummer) -> Result<Option<Soker>> {
        let row = sqlx::query(
            "SELECT fnr, fornavn, mellomnavn, etternavn, gatenavn, husnummer, postnummer, poststed, kommunenummer
             FROM people WHERE fnr = $1",
        )
        .bind(fnr.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| person_from_row(&r)).transpose()
    }

    /// Everyone in the register, by name. Only the demo sign-in page uses this, and only under `--demo`.
    pub async fn demo_people(&self) -> Result<Vec<Soker>> {
        let rows = sqlx::query(
            "SELECT fnr, fornavn, mellomnavn, etternavn, gatenavn, husnummer, postnummer, poststed, kommunenummer
             FROM people ORDER BY etternavn, fornavn LIMIT 100",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(person_from_row).collect()
    }
}

fn person_from_row(r: &sqlx::any::AnyRow) -> Result<Soker> {
    let fnr: String = r.try_get("fnr")?;
    let fnr = Fodselsnummer::parse(&fnr).map_err(|_| StoreError::Corrupt("people.fnr".into()))?;
    let gatenavn: Option<String> = r.try_get("gatenavn")?;
    let adresse = match gatenavn {
        Some(gatenavn) => Some(SokerAdresse {
            gatenavn,
            husnummer: r.try_get::<Option<String>, _>("husnummer")?.unwrap_or_default(),
            postnummer: r.try_get::<Option<String>, _>("postnummer")?.unwrap_or_default(),
            poststed: r.try_get::<Option<String>, _>("poststed")?.unwrap_or_default(),
            kommunenummer: r.try_get::<Option<String>, _>("kommunenummer")?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(Soker { fnr, fornavn: r.try_get("fornavn")?, mellomnavn: r.try_get("mellomnavn")?, etternavn: r.try_get("etternavn")?, adresse })
}
