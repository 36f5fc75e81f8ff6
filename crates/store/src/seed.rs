//! Synthetic volume for load tests and benchmarks (`velferd admin seed`): whole applications —
//! people, the application as sent, its events, documents, letters, the office's journal and the
//! status projection — written many rows per statement in one transaction per batch.
//!
//! Seeded applications are marked: their `draft_id` starts with [`SEED_PREFIX`]. Whether a database
//! may be seeded at all is [`Store::real_data`]: only one that holds nothing about a person with a
//! real (non-synthetic) fødselsnummer.

use std::collections::HashSet;

use sqlx::Row;
use velferd_domain::application::Soker;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::requests::{project, status_code, SentDocument};
use velferd_domain::staff::Adressebeskyttelse;
use velferd_domain::Millis;
use velferd_formats::soker::DigisosSoker;

use crate::{new_id, new_reference, Backend, JournalEntry, Result, Store, StoreError, SubmittedDocument};

/// The start of every seeded application's `draft_id` (demo cases use `demo-case-`).
pub const SEED_PREFIX: &str = "seed-";

/// Bound values in one statement: below SQLite's limit (32 766) and PostgreSQL's (65 535).
pub(crate) const MAX_BINDS: usize = 30_000;
/// Rows in one statement, at most: beyond this a longer statement saves no time.
pub(crate) const MAX_ROWS: usize = 1_000;

/// A person for the register, with their protected-address mark, if any.
#[derive(Debug, Clone)]
pub struct SeedPerson {
    pub person: Soker,
    pub protection: Option<Adressebeskyttelse>,
}

/// A submission of documents (with the application, or sent later).
#[derive(Debug, Clone)]
pub struct SeedSubmission {
    pub created_ms: Millis,
    pub with_application: bool,
    /// What was sent, in the `vedlegg.json` format.
    pub vedlegg_json: serde_json::Value,
    pub documents: Vec<SubmittedDocument>,
}

/// A letter on the case (a decision, a request for documents …): a PDF already in the file store.
#[derive(Debug, Clone)]
pub struct SeedLetter {
    /// Its UUID, which events name as a `dokumentlager` reference.
    pub id: String,
    pub title: String,
    pub sha256: String,
    pub bytes: i64,
    pub created_ms: Millis,
    pub first_opened_ms: Option<Millis>,
}

/// One synthetic application, as `Store::submit` and the office's actions would have left it.
#[derive(Debug, Clone)]
pub struct SeedApplication {
    pub owner: Fodselsnummer,
    pub kommunenummer: Kommunenummer,
    pub enhetsnummer: String,
    pub emergency: bool,
    pub soknad_json: serde_json::Value,
    pub vedlegg_json: serde_json::Value,
    /// The answers as typed (an `Answers` map as JSON).
    pub answers: serde_json::Value,
    pub sent_ms: Millis,
    /// When the municipality's case system fetched it through the API, if it did.
    pub acknowledged_ms: Option<Millis>,
    /// digisos-soker hendelser in the order they were recorded, each with when (ms).
    pub events: Vec<(serde_json::Value, Millis)>,
    pub submissions: Vec<SeedSubmission>,
    pub letters: Vec<SeedLetter>,
    /// The staff member the case is assigned to: (subject, name).
    pub assignee: Option<(String, String)>,
    /// The office's own entries (internal notes, assignments).
    pub journal: Vec<JournalEntry>,
}

/// What [`Store::seed_batch`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedCounts {
    pub applications: u64,
    pub events: u64,
    /// People new to the register (someone already there is left as is).
    pub people: u64,
}

impl std::ops::AddAssign for SeedCounts {
    fn add_assign(&mut self, other: SeedCounts) {
        self.applications += other.applications;
        self.events += other.events;
        self.people += other.people;
    }
}

/// Data about people with a real-looking fødselsnummer (not synthetic, month + 80): rows a seed
/// must not be mixed into. Demo and seeded people all have synthetic numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RealData {
    pub people: i64,
    pub drafts: i64,
    pub applications: i64,
}

impl RealData {
    pub fn is_empty(&self) -> bool {
        self.people == 0 && self.drafts == 0 && self.applications == 0
    }
}

/// The `n`th (1-based) placeholder of a statement: `$n` on PostgreSQL, a bare `?` on SQLite (which
/// numbers them in order). sqlx finds the argument for a named parameter by its name, and SQLite
/// looks a name up by walking the statement's list of names, so with `$n` binding costs time in
/// the square of the parameters — half of a 5 000-parameter INSERT's time — while `?` has no name.
pub(crate) fn placeholder(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Sqlite => "?".to_owned(),
        Backend::Postgres => format!("${n}"),
    }
}

/// A value for a placeholder.
enum V {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
}

/// Inserts `rows` into `table`, as many rows per statement as both databases allow. `suffix` is
/// appended to each statement (e.g. `ON CONFLICT … DO NOTHING`). Returns the rows written.
async fn insert_rows(tx: &mut sqlx::AnyConnection, backend: Backend, table: &str, columns: &[&str], suffix: &str, rows: Vec<Vec<V>>) -> Result<u64> {
    let per_statement = (MAX_BINDS / columns.len()).min(MAX_ROWS);
    let mut written = 0;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<V>> = rows.by_ref().take(per_statement).collect();
        let mut sql = String::with_capacity(64 + chunk.len() * columns.len() * 8);
        sql.push_str(&format!("INSERT INTO {table} ({}) VALUES ", columns.join(", ")));
        let mut n = 0;
        for (i, _) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 { "(" } else { ", (" });
            for c in 0..columns.len() {
                n += 1;
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&placeholder(backend, n));
            }
            sql.push(')');
        }
        sql.push_str(suffix);
        let mut query = sqlx::query(&sql);
        for row in chunk {
            debug_assert_eq!(row.len(), columns.len(), "{table}");
            for v in row {
                query = match v {
                    V::Text(t) => query.bind(t),
                    V::OptText(t) => query.bind(t),
                    V::Int(i) => query.bind(i),
                    V::OptInt(i) => query.bind(i),
                };
            }
        }
        written += query.execute(&mut *tx).await?.rows_affected();
    }
    Ok(written)
}

impl Store {
    /// Writes synthetic people and applications in one transaction, many rows per statement: the
    /// applications with their events, submissions, letters, journal and assignee, and for each a
    /// `case_status` row computed by the domain's `project` from exactly the events and documents
    /// written (so it equals [`Store::computed_projection`]). Ids and references are new; each
    /// `draft_id` is [`SEED_PREFIX`] and the id. People already in the register are kept as they
    /// are. Refuses nothing itself: the caller checks [`Store::real_data`] first. Fails with
    /// `StoreError::Corrupt` if an event is not a valid digisos-soker hendelse (nothing is written).
    pub async fn seed_batch(&self, people: &[SeedPerson], applications: &[SeedApplication]) -> Result<SeedCounts> {
        // Everything that can fail without the database first: the projections.
        let mut projections = Vec::with_capacity(applications.len());
        let mut payloads = Vec::with_capacity(applications.len());
        for app in applications {
            let texts: Vec<(String, String)> = app.events.iter().map(|(e, _)| (e.get("type").and_then(|t| t.as_str()).unwrap_or("ukjent").to_owned(), e.to_string())).collect();
            let doc = DigisosSoker::from_event_texts("velferd", &texts).map_err(|e| StoreError::Corrupt(format!("seeded event: {e}")))?;
            let sent: Vec<SentDocument> = app
                .submissions
                .iter()
                .flat_map(|s| s.documents.iter().map(|d| SentDocument { kind: d.kind.clone(), tilleggsinfo: d.tilleggsinfo.clone(), at: s.created_ms }))
                .collect();
            projections.push(project(&doc, &sent));
            payloads.push(texts);
        }
        let mut tx = self.begin_write().await?;
        let references = fresh_references(&mut tx, self.backend, applications.len()).await?;
        let ids: Vec<String> = (0..applications.len()).map(|_| new_id()).collect();

        let person_rows = people
            .iter()
            .map(|p| {
                let a = p.person.adresse.as_ref();
                vec![
                    V::Text(p.person.fnr.as_str().to_owned()),
                    V::Text(p.person.fornavn.clone()),
                    V::Text(p.person.mellomnavn.clone()),
                    V::Text(p.person.etternavn.clone()),
                    V::OptText(a.map(|a| a.gatenavn.clone())),
                    V::OptText(a.map(|a| a.husnummer.clone())),
                    V::OptText(a.map(|a| a.postnummer.clone())),
                    V::OptText(a.map(|a| a.poststed.clone())),
                    V::OptText(a.map(|a| a.kommunenummer.clone())),
                    V::OptText(p.protection.map(|x| x.code().to_owned())),
                ]
            })
            .collect();
        let new_people = insert_rows(
            &mut tx,
            self.backend,
            "people",
            &["fnr", "fornavn", "mellomnavn", "etternavn", "gatenavn", "husnummer", "postnummer", "poststed", "kommunenummer", "adressebeskyttelse"],
            " ON CONFLICT (fnr) DO NOTHING",
            person_rows,
        )
        .await?;
        let word_rows = people.iter().flat_map(|p| crate::people::name_words(&p.person).into_iter().map(|w| vec![V::Text(w), V::Text(p.person.fnr.as_str().to_owned())])).collect();
        insert_rows(&mut tx, self.backend, "person_name_words", &["word", "fnr"], " ON CONFLICT (word, fnr) DO NOTHING", word_rows).await?;

        let app_rows = applications
            .iter()
            .zip(&ids)
            .zip(&references)
            .map(|((a, id), reference)| {
                vec![
                    V::Text(id.clone()),
                    V::Text(reference.clone()),
                    V::Text(format!("{SEED_PREFIX}{id}")),
                    V::Text(a.owner.as_str().to_owned()),
                    V::Text(a.kommunenummer.as_str().to_owned()),
                    V::Text(a.enhetsnummer.clone()),
                    V::Int(i64::from(a.emergency)),
                    V::Text(a.soknad_json.to_string()),
                    V::Text(a.vedlegg_json.to_string()),
                    V::Text(a.answers.to_string()),
                    V::Int(a.sent_ms),
                    V::OptInt(a.acknowledged_ms),
                ]
            })
            .collect();
        let written = insert_rows(
            &mut tx,
            self.backend,
            "applications",
            &["id", "reference", "draft_id", "owner_fnr", "kommunenummer", "enhetsnummer", "emergency", "soknad_json", "vedlegg_json", "answers", "sent_ms", "acknowledged_ms"],
            "",
            app_rows,
        )
        .await?;

        let mut event_rows = Vec::new();
        for ((app, id), texts) in applications.iter().zip(&ids).zip(payloads) {
            for (seq, ((kind, payload), (_, at))) in texts.into_iter().zip(&app.events).enumerate() {
                event_rows.push(vec![V::Text(id.clone()), V::Int(seq as i64), V::Text(kind), V::Text(payload), V::Int(*at)]);
            }
        }
        let events = insert_rows(&mut tx, self.backend, "events", &["application_id", "seq", "kind", "payload", "at_ms"], "", event_rows).await?;

        let (mut submission_rows, mut document_rows, mut letter_rows, mut journal_rows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (app, id) in applications.iter().zip(&ids) {
            for s in &app.submissions {
                let sid = new_id();
                for (position, d) in s.documents.iter().enumerate() {
                    document_rows.push(vec![
                        V::Text(sid.clone()),
                        V::Int(position as i64),
                        V::Text(d.kind.clone()),
                        V::Text(d.tilleggsinfo.clone()),
                        V::Text(d.sha256.clone()),
                        V::Int(d.bytes),
                    ]);
                }
                submission_rows.push(vec![V::Text(sid), V::Text(id.clone()), V::Text(s.vedlegg_json.to_string()), V::Int(s.created_ms), V::Int(i64::from(s.with_application))]);
            }
            for l in &app.letters {
                letter_rows.push(vec![
                    V::Text(l.id.clone()),
                    V::Text(id.clone()),
                    V::Text(l.title.clone()),
                    V::Text(l.sha256.clone()),
                    V::Int(l.bytes),
                    V::Int(l.created_ms),
                    V::OptInt(l.first_opened_ms),
                ]);
            }
            for j in &app.journal {
                journal_rows.push(vec![
                    V::Text(new_id()),
                    V::Text(id.clone()),
                    V::Text(j.kind.clone()),
                    V::Text(j.text.clone()),
                    V::Text(j.actor.clone()),
                    V::Text(j.actor_name.clone()),
                    V::Int(j.at_ms),
                ]);
            }
        }
        insert_rows(&mut tx, self.backend, "submissions", &["id", "application_id", "vedlegg_json", "created_ms", "with_application"], "", submission_rows).await?;
        insert_rows(&mut tx, self.backend, "submission_documents", &["submission_id", "position", "kind", "tilleggsinfo", "sha256", "bytes"], "", document_rows).await?;
        insert_rows(&mut tx, self.backend, "letters", &["id", "application_id", "title", "sha256", "bytes", "created_ms", "first_opened_ms"], "", letter_rows).await?;
        insert_rows(&mut tx, self.backend, "office_journal", &["id", "application_id", "kind", "text", "actor", "actor_name", "at_ms"], "", journal_rows).await?;

        let status_rows = applications
            .iter()
            .zip(&ids)
            .zip(&projections)
            .map(|((a, id), p)| {
                let updated = a.events.iter().map(|(_, at)| *at).max().unwrap_or(a.sent_ms);
                vec![
                    V::Text(id.clone()),
                    V::Text(a.enhetsnummer.clone()),
                    V::Int(i64::from(a.emergency)),
                    V::Int(a.sent_ms),
                    V::Text(status_code(p.status).to_owned()),
                    V::Int(i64::from(p.open)),
                    V::Int(i64::from(p.decided)),
                    V::Int(i64::from(p.forelopig_svar)),
                    V::Int(p.open_requests),
                    V::OptInt(p.next_deadline),
                    V::OptText(a.assignee.as_ref().map(|(s, _)| s.clone())),
                    V::OptText(a.assignee.as_ref().map(|(_, n)| n.clone())),
                    V::Int(1),
                    V::Int(updated),
                ]
            })
            .collect();
        insert_rows(
            &mut tx,
            self.backend,
            "case_status",
            &[
                "application_id",
                "enhetsnummer",
                "emergency",
                "sent_ms",
                "status",
                "is_open",
                "decided",
                "forelopig_svar",
                "open_requests",
                "next_deadline_ms",
                "assignee",
                "assignee_name",
                "version",
                "updated_ms",
            ],
            "",
            status_rows,
        )
        .await?;
        tx.commit().await?;
        Ok(SeedCounts { applications: written, events, people: new_people })
    }

    /// How many people, drafts and applications have a fødselsnummer that is not synthetic (its
    /// month is not + 80): data a seed must not be mixed into. Demo and seeded data count nothing.
    pub async fn real_data(&self) -> Result<RealData> {
        let count = |sql: &'static str| async move {
            let row = sqlx::query(sql).fetch_one(&mut *self.read().await?).await?;
            Ok::<i64, StoreError>(row.try_get("n")?)
        };
        Ok(RealData {
            people: count("SELECT COUNT(*) AS n FROM people WHERE SUBSTR(fnr, 3, 1) NOT IN ('8', '9')").await?,
            drafts: count("SELECT COUNT(*) AS n FROM drafts WHERE SUBSTR(owner_fnr, 3, 1) NOT IN ('8', '9')").await?,
            applications: count("SELECT COUNT(*) AS n FROM applications WHERE SUBSTR(owner_fnr, 3, 1) NOT IN ('8', '9')").await?,
        })
    }

    /// Brings the query planner's statistics up to date after a bulk load such as
    /// [`Store::seed_batch`]: `ANALYZE` on PostgreSQL, whose plans for a table it has no
    /// statistics for read a whole office to show one inbox page (120 ms instead of 0.3 ms at
    /// 100 000 applications) until autovacuum gets to it. Nothing on SQLite, whose planner uses no
    /// statistics unless `ANALYZE` was run once, which Velferd never does.
    pub async fn analyze(&self) -> Result<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("ANALYZE").execute(&mut *self.read().await?).await?;
        }
        Ok(())
    }

    /// How many applications were written by [`Store::seed_batch`] (their `draft_id` starts with
    /// [`SEED_PREFIX`]).
    pub async fn count_seeded_applications(&self) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM applications WHERE draft_id LIKE $1").bind(format!("{SEED_PREFIX}%")).fetch_one(&mut *self.read().await?).await?;
        Ok(row.try_get("n")?)
    }
}

/// `n` new references, unique among themselves and not yet in the database (a reference has 40
/// random bits: among 100 000 a repeat is rare, but not rare enough to leave to chance).
async fn fresh_references(tx: &mut sqlx::AnyConnection, backend: Backend, n: usize) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(n);
    let mut seen = HashSet::with_capacity(n);
    let mut todo = n;
    while todo > 0 {
        let candidates: Vec<String> = (0..todo).map(|_| new_reference()).filter(|r| seen.insert(r.clone())).collect();
        let mut taken = HashSet::new();
        for chunk in candidates.chunks(MAX_ROWS) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| placeholder(backend, i)).collect();
            let sql = format!("SELECT reference FROM applications WHERE reference IN ({})", placeholders.join(", "));
            let mut query = sqlx::query(&sql);
            for r in chunk {
                query = query.bind(r);
            }
            for row in query.fetch_all(&mut *tx).await? {
                taken.insert(row.try_get::<String, _>("reference")?);
            }
        }
        for r in candidates.into_iter().filter(|r| !taken.contains(r)) {
            out.push(r);
        }
        todo = n - out.len();
    }
    Ok(out)
}
