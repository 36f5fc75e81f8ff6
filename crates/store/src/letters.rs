//! Letters from the office to the citizen (decisions, requests for documents): PDFs kept in the file
//! store, referred to from digisos-soker events as `{"type": "dokumentlager", "id": <letter id>}`,
//! and when the citizen first opened each one.

use sqlx::Row;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;

use crate::{new_uuid, ApiClient, FeedKind, Result, Store};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// A UUID, as Digisos `dokumentlager` references require.
    pub id: String,
    pub title: String,
    pub sha256: String,
    pub bytes: i64,
    pub created_ms: Millis,
    /// When the citizen first opened it; `None` while unread.
    pub first_opened_ms: Option<Millis>,
}

fn letter_from_row(r: &sqlx::any::AnyRow) -> Result<Letter> {
    Ok(Letter {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        sha256: r.try_get("sha256")?,
        bytes: r.try_get("bytes")?,
        created_ms: r.try_get("created_ms")?,
        first_opened_ms: r.try_get("first_opened_ms")?,
    })
}

const COLUMNS: &str = "l.id, l.title, l.sha256, l.bytes, l.created_ms, l.first_opened_ms";

impl Store {
    /// Files a letter on an application of the client's municipality; `None` for any other
    /// application. The PDF must already be in the file store under `sha256`.
    pub async fn add_letter_for_client(&self, client: &ApiClient, application_id: &str, title: &str, sha256: &str, bytes: i64, now: Millis) -> Result<Option<String>> {
        let id = new_uuid();
        let done = self
            .write_one(
                sqlx::query(
                    "INSERT INTO letters (id, application_id, title, sha256, bytes, created_ms)
             SELECT $1, a.id, $2, $3, $4, $5 FROM applications a WHERE a.id = $6 AND a.kommunenummer = $7",
                )
                .bind(&id)
                .bind(title)
                .bind(sha256)
                .bind(bytes)
                .bind(now)
                .bind(application_id)
                .bind(client.kommunenummer.as_str()),
            )
            .await?;
        Ok((done.rows_affected() == 1).then_some(id))
    }

    /// Files a letter written by Velferd itself (the demo's decisions). Not scoped: system code only.
    pub async fn add_letter(&self, application_id: &str, title: &str, sha256: &str, bytes: i64, now: Millis) -> Result<String> {
        let id = new_uuid();
        self.write_one(
            sqlx::query("INSERT INTO letters (id, application_id, title, sha256, bytes, created_ms) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(&id)
                .bind(application_id)
                .bind(title)
                .bind(sha256)
                .bind(bytes)
                .bind(now),
        )
        .await?;
        Ok(id)
    }

    /// The letters on the owner's application, oldest first.
    pub async fn letters(&self, application_id: &str, owner: &Fodselsnummer) -> Result<Vec<Letter>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM letters l JOIN applications a ON a.id = l.application_id
             WHERE l.application_id = $1 AND a.owner_fnr = $2 ORDER BY l.created_ms, l.id"
        ))
        .bind(application_id)
        .bind(owner.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(letter_from_row).collect()
    }

    /// The letters on an application of the client's municipality, oldest first.
    pub async fn letters_for_client(&self, client: &ApiClient, application_id: &str) -> Result<Vec<Letter>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM letters l JOIN applications a ON a.id = l.application_id
             WHERE l.application_id = $1 AND a.kommunenummer = $2 ORDER BY l.created_ms, l.id"
        ))
        .bind(application_id)
        .bind(client.kommunenummer.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(letter_from_row).collect()
    }

    /// The owner opens a letter: the first time is recorded (and put in the municipality's change
    /// feed, in the same transaction). `None` when it is not a letter on the owner's application.
    pub async fn open_letter(&self, application_id: &str, owner: &Fodselsnummer, letter_id: &str, now: Millis) -> Result<Option<Letter>> {
        let mut tx = self.begin_write().await?;
        let first = sqlx::query(
            "UPDATE letters SET first_opened_ms = $1
             WHERE id = $2 AND application_id = $3 AND first_opened_ms IS NULL
               AND application_id IN (SELECT id FROM applications WHERE id = $3 AND owner_fnr = $4)",
        )
        .bind(now)
        .bind(letter_id)
        .bind(application_id)
        .bind(owner.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if first {
            crate::feed::record(&mut tx, application_id, FeedKind::LetterOpened, Some(letter_id), now).await?;
        }
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM letters l JOIN applications a ON a.id = l.application_id
             WHERE l.id = $1 AND l.application_id = $2 AND a.owner_fnr = $3"
        ))
        .bind(letter_id)
        .bind(application_id)
        .bind(owner.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        row.map(|r| letter_from_row(&r)).transpose()
    }
}

/// A letter on an office's print-and-post list: not opened online in time, not printed yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterToPrint {
    pub id: String,
    pub application_id: String,
    pub reference: String,
    pub title: String,
    pub sha256: String,
    pub created_ms: Millis,
    /// The person as the register has them; the address only when it is not protected.
    pub name: String,
    pub address: Vec<String>,
    /// A protected address (kode 6/7): the letter is handed over in person, never posted.
    pub protected: bool,
}

impl Store {
    /// The letters of the office in `access` sent at `sent_before` or earlier that the person has
    /// not opened online and nobody has printed, oldest first (at most 200). People with a
    /// protected address only with the access for it, and then without their address.
    pub async fn letters_to_print(&self, access: &velferd_domain::staff::CaseAccess, sent_before: Millis) -> Result<Vec<LetterToPrint>> {
        let rows = sqlx::query(
            "SELECT l.id, l.application_id, a.reference, l.title, l.sha256, l.created_ms,
                    p.fornavn, p.mellomnavn, p.etternavn, p.gatenavn, p.husnummer, p.postnummer, p.poststed, p.adressebeskyttelse
             FROM letters l JOIN applications a ON a.id = l.application_id LEFT JOIN people p ON p.fnr = a.owner_fnr
             WHERE a.enhetsnummer = $1 AND l.first_opened_ms IS NULL AND l.printed_ms IS NULL AND l.created_ms <= $2
               AND ($3 = 1 OR p.adressebeskyttelse IS NULL)
             ORDER BY l.created_ms, l.id LIMIT 200",
        )
        .bind(&access.office)
        .bind(sent_before)
        .bind(i64::from(access.protected_persons))
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                let part = |c: &str| r.try_get::<Option<String>, _>(c).map(Option::unwrap_or_default);
                let join = |parts: Vec<String>| parts.into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" ");
                let protected = r.try_get::<Option<String>, _>("adressebeskyttelse")?.is_some();
                let address = if protected {
                    Vec::new()
                } else {
                    [join(vec![part("gatenavn")?, part("husnummer")?]), join(vec![part("postnummer")?, part("poststed")?])].into_iter().filter(|l| !l.is_empty()).collect()
                };
                Ok(LetterToPrint {
                    id: r.try_get("id")?,
                    application_id: r.try_get("application_id")?,
                    reference: r.try_get("reference")?,
                    title: r.try_get("title")?,
                    sha256: r.try_get("sha256")?,
                    created_ms: r.try_get("created_ms")?,
                    name: join(vec![part("fornavn")?, part("mellomnavn")?, part("etternavn")?]),
                    address,
                    protected,
                })
            })
            .collect()
    }

    /// Records that a letter of office `office` was printed and posted (or handed over) by `who`,
    /// which takes it off the list, with the audit entry. False when there is no such letter
    /// still on the list.
    pub async fn letter_printed(&self, office: &str, letter_id: &str, who: &str, entry: &crate::AuditEntry, now: Millis) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE letters SET printed_ms = $3, printed_by = $4
             WHERE id = $1 AND printed_ms IS NULL AND application_id IN (SELECT id FROM applications WHERE enhetsnummer = $2)",
        )
        .bind(letter_id)
        .bind(office)
        .bind(now)
        .bind(who)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        crate::audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
