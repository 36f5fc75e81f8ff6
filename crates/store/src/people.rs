//! People as the population register knows them (a stand-in register; demo people come from `--demo`).

use sqlx::Row;
use velferd_domain::application::{Soker, SokerAdresse};
use velferd_domain::ids::Fodselsnummer;

use velferd_domain::text::search_words;

use crate::{Result, Store, StoreError};

/// The words `p` is found by (first, middle and last names).
pub(crate) fn name_words(p: &Soker) -> Vec<String> {
    search_words(&format!("{} {} {}", p.fornavn, p.mellomnavn, p.etternavn))
}

/// Replaces the words person `fnr` is found by, inside the caller's transaction.
pub(crate) async fn write_name_words(tx: &mut sqlx::AnyConnection, fnr: &str, words: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM person_name_words WHERE fnr = $1").bind(fnr).execute(&mut *tx).await?;
    for word in words {
        sqlx::query("INSERT INTO person_name_words (word, fnr) VALUES ($1, $2)").bind(word).bind(fnr).execute(&mut *tx).await?;
    }
    Ok(())
}

impl Store {
    /// Adds or updates a person, with the words their name is found by in the office's inbox.
    pub async fn upsert_person(&self, p: &Soker) -> Result<()> {
        let a = p.adresse.as_ref();
        let mut tx = self.begin_write().await?;
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
        .execute(&mut *tx)
        .await?;
        write_name_words(&mut tx, p.fnr.as_str(), &name_words(p)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Fills `person_name_words` for people who have none (those written before migration 17),
    /// in batches. Called at connect; costs one query when there is nothing to do.
    pub(crate) async fn fill_name_words(&self) -> Result<u64> {
        let mut filled = 0;
        // Walks the people without words in fnr order, a page at a time, so a page of people with no
        // name to index (nothing is written for them) does not stop those after it.
        let mut after = String::new();
        loop {
            let rows = sqlx::query(
                "SELECT fnr, fornavn, mellomnavn, etternavn FROM people p
                 WHERE p.fnr > $1 AND NOT EXISTS (SELECT 1 FROM person_name_words w WHERE w.fnr = p.fnr) ORDER BY fnr LIMIT 1000",
            )
            .bind(&after)
            .fetch_all(&mut *self.read().await?)
            .await?;
            let Some(last) = rows.last() else { return Ok(filled) };
            after = last.try_get("fnr")?;
            let mut tx = self.begin_write().await?;
            for r in &rows {
                let fnr: String = r.try_get("fnr")?;
                let words = search_words(&format!("{} {} {}", r.try_get::<String, _>("fornavn")?, r.try_get::<String, _>("mellomnavn")?, r.try_get::<String, _>("etternavn")?));
                write_name_words(&mut tx, &fnr, &words).await?;
            }
            tx.commit().await?;
            filled += rows.len() as u64;
        }
    }

    /// The register entry of a person with their address protection (kode 6/7), in one read: what
    /// sending an application needs.
    pub async fn person_with_protection(&self, fnr: &Fodselsnummer) -> Result<Option<(Soker, Option<velferd_domain::staff::Adressebeskyttelse>)>> {
        let row = sqlx::query(
            "SELECT fnr, fornavn, mellomnavn, etternavn, gatenavn, husnummer, postnummer, poststed, kommunenummer, adressebeskyttelse
             FROM people WHERE fnr = $1",
        )
        .bind(fnr.as_str())
        .fetch_optional(&mut *self.read().await?)
        .await?;
        row.map(|r| person_with_protection_from_row(&r)).transpose()
    }

    /// The register entry of the signed-in person (the only person a citizen may read).
    pub async fn person(&self, fnr: &Fodselsnummer) -> Result<Option<Soker>> {
        let row = sqlx::query(
            "SELECT fnr, fornavn, mellomnavn, etternavn, gatenavn, husnummer, postnummer, poststed, kommunenummer
             FROM people WHERE fnr = $1",
        )
        .bind(fnr.as_str())
        .fetch_optional(&mut *self.read().await?)
        .await?;
        row.map(|r| person_from_row(&r)).transpose()
    }

    /// Everyone in the register, by name. Only the demo sign-in page uses this, and only under `--demo`.
    pub async fn demo_people(&self) -> Result<Vec<Soker>> {
        let rows = sqlx::query(
            "SELECT fnr, fornavn, mellomnavn, etternavn, gatenavn, husnummer, postnummer, poststed, kommunenummer
             FROM people ORDER BY etternavn, fornavn LIMIT 100",
        )
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(person_from_row).collect()
    }
}

/// The columns of [`person_with_protection_from_row`].
pub(crate) const PERSON_WITH_PROTECTION: &str = "fnr, fornavn, mellomnavn, etternavn, gatenavn, husnummer, postnummer, poststed, kommunenummer, adressebeskyttelse";

pub(crate) fn person_with_protection_from_row(r: &sqlx::any::AnyRow) -> Result<(Soker, Option<velferd_domain::staff::Adressebeskyttelse>)> {
    let code: Option<String> = r.try_get("adressebeskyttelse")?;
    let protection = code.map(|c| velferd_domain::staff::Adressebeskyttelse::from_code(&c).ok_or_else(|| StoreError::Corrupt("people.adressebeskyttelse".into()))).transpose()?;
    Ok((person_from_row(r)?, protection))
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
