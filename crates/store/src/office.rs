//! The office's work: the inbox (a page of one office's cases from the status projection), a case's
//! state and version, the office journal (internal notes and assignments), the staff who can be
//! given a case, and [`Store::office_change`], the one transaction in which every caseworker action
//! is written. Every query is scoped by the caller's [`CaseAccess`] in SQL.

use sqlx::Row;
use velferd_domain::office::{InboxFilter, DAY, NEAR_LIMIT_DAYS};
use velferd_domain::requests::status_from_code;
use velferd_domain::staff::{Adressebeskyttelse, CaseAccess};
use velferd_domain::text::search_words;
use velferd_domain::Millis;
use velferd_formats::soker::SoknadsStatusVerdi;

use crate::{new_id, new_uuid, AuditEntry, Result, Store, StoreError};

/// What the inbox asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxQuery {
    pub filter: InboxFilter,
    /// The staff member looking (their subject), for "assigned to me".
    pub me: String,
    /// A reference (`VF-…`), a fødselsnummer (11 digits) or part of a name; empty for none.
    pub search: String,
    /// 0-based page.
    pub page: u32,
    pub page_size: u32,
    pub now: Millis,
}

/// One row of the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub id: String,
    pub reference: String,
    /// The applicant's name as the register has it ("" when not in the register).
    pub name: String,
    pub protection: Option<Adressebeskyttelse>,
    pub emergency: bool,
    pub sent_ms: Millis,
    pub state: CaseState,
    /// How it came in (`velferd_domain::assisted::Channel` slug: `digital`, `papir`, …).
    pub channel: String,
}

/// A case's state from the projection, with the office's own fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseState {
    pub status: SoknadsStatusVerdi,
    pub open: bool,
    pub decided: bool,
    pub forelopig_svar: bool,
    pub open_requests: i64,
    pub next_deadline_ms: Option<Millis>,
    /// The staff member the case is assigned to: (subject, name).
    pub assignee: Option<(String, String)>,
    /// Grows with every change; what a caseworker's form was drawn from.
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxPage {
    pub rows: Vec<CaseRow>,
    /// There is a next page.
    pub more: bool,
}

/// An entry in the office journal: an internal note, or an assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// `notat`, `tildelt` (assigned; text is the assignee's name) or `fristilt` (unassigned).
    pub kind: String,
    pub text: String,
    pub actor: String,
    pub actor_name: String,
    pub at_ms: Millis,
}

/// A staff member who has signed in: someone a case can be given to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub subject: String,
    pub name: String,
    pub office: String,
    /// Role claim values, comma-separated.
    pub roles: String,
}

/// Everything one caseworker action writes, in one transaction.
#[derive(Debug, Clone, Default)]
pub struct OfficeChange {
    /// The version the caseworker's page showed; the change is refused if the case changed since.
    /// `None` for changes that cannot overwrite anything (an internal note).
    pub expected_version: Option<i64>,
    /// digisos-soker events to append.
    pub events: Vec<serde_json::Value>,
    /// A letter to file first (title, sha256 of the PDF already in the file store, size). Its new
    /// id becomes the `forvaltningsbrev` reference of the events that carry one.
    pub letter: Option<(String, String, i64)>,
    /// Journal entries: (kind, text).
    pub journal: Vec<(String, String)>,
    /// Set the assignee: `Some(None)` to unassign, `Some(Some((subject, name)))` to assign.
    pub assign: Option<Option<(String, String)>>,
    /// Calculation, decision and payment rows (workspace II), written before the events.
    pub decisions: Vec<crate::DecisionWrite>,
}

/// Outcome of [`Store::office_change`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Written; the case's new version, and the letter's id if one was filed.
    Done { version: i64, letter: Option<String> },
    /// Someone else changed the case since the caseworker's page was drawn.
    Conflict,
}

fn state_from_row(r: &sqlx::any::AnyRow) -> Result<CaseState> {
    let status: String = r.try_get("status")?;
    let assignee: Option<String> = r.try_get("assignee")?;
    let assignee_name: Option<String> = r.try_get("assignee_name")?;
    Ok(CaseState {
        status: status_from_code(&status).ok_or_else(|| StoreError::Corrupt("case_status.status".into()))?,
        open: r.try_get::<i64, _>("is_open")? != 0,
        decided: r.try_get::<i64, _>("decided")? != 0,
        forelopig_svar: r.try_get::<i64, _>("forelopig_svar")? != 0,
        open_requests: r.try_get("open_requests")?,
        next_deadline_ms: r.try_get("next_deadline_ms")?,
        assignee: assignee.map(|s| (s, assignee_name.unwrap_or_default())),
        version: r.try_get("version")?,
    })
}

fn protection(r: &sqlx::any::AnyRow) -> Result<Option<Adressebeskyttelse>> {
    let code: Option<String> = r.try_get("adressebeskyttelse")?;
    code.map(|c| Adressebeskyttelse::from_code(&c).ok_or_else(|| StoreError::Corrupt("people.adressebeskyttelse".into()))).transpose()
}

const STATE_COLUMNS: &str = "c.status, c.is_open, c.decided, c.forelopig_svar, c.open_requests, c.next_deadline_ms, c.assignee, c.assignee_name, c.version";

/// A value bound to a numbered placeholder of a query built piece by piece.
enum Bind {
    Text(String),
    Int(i64),
}

impl Store {
    /// One page of an office's inbox: open emergencies first, then the longest waiting. People
    /// with a protected address are left out unless the access includes them. Reads the status
    /// projection, one row per case; the filter and search are conditions in SQL, so the cost does
    /// not grow with other offices' cases.
    pub async fn inbox(&self, access: &CaseAccess, q: &InboxQuery) -> Result<InboxPage> {
        let mut binds = vec![Bind::Text(access.office.clone())];
        let search = q.search.trim();
        let by_person = search.len() == 11 && search.chars().all(|c| c.is_ascii_digit());
        let by_reference = search.to_uppercase().starts_with("VF-");
        let name_words = if search.is_empty() || by_person || by_reference { Vec::new() } else { search_words(search) };
        // A search for a person (by number or name) starts from that person's applications:
        // `CROSS JOIN` keeps that order on SQLite, which would otherwise walk the office's cases in
        // page order and look each one up (40 ms instead of 1 at 100 000 applications); PostgreSQL
        // plans it freely.
        let from = if by_person || !name_words.is_empty() {
            "applications a CROSS JOIN case_status c LEFT JOIN people p ON p.fnr = a.owner_fnr WHERE c.application_id = a.id AND"
        } else {
            "case_status c JOIN applications a ON a.id = c.application_id LEFT JOIN people p ON p.fnr = a.owner_fnr WHERE"
        };
        // Emergency and time sent come from the projection: on SQLite, reading `sent_ms` from
        // `applications` walks the overflow pages of the application as sent that precede it.
        let mut sql = format!(
            "SELECT c.application_id AS id, a.reference, a.channel, c.emergency, c.sent_ms, p.fornavn, p.mellomnavn, p.etternavn, p.adressebeskyttelse, {STATE_COLUMNS}
             FROM {from} c.enhetsnummer = $1"
        );
        if !access.protected_persons {
            sql.push_str(" AND p.adressebeskyttelse IS NULL");
        }
        let mut bind = |sql: &mut String, condition: &str, value: Bind| {
            binds.push(value);
            sql.push_str(&condition.replace("$?", &format!("${}", binds.len())));
        };
        match q.filter {
            InboxFilter::Open => sql.push_str(" AND c.is_open = 1"),
            InboxFilter::New => sql.push_str(" AND c.is_open = 1 AND c.status = 'MOTTATT'"),
            InboxFilter::Mine => bind(&mut sql, " AND c.is_open = 1 AND c.assignee = $?", Bind::Text(q.me.clone())),
            InboxFilter::Unassigned => sql.push_str(" AND c.is_open = 1 AND c.assignee IS NULL"),
            InboxFilter::DocumentsOverdue => bind(&mut sql, " AND c.is_open = 1 AND c.next_deadline_ms < $?", Bind::Int(q.now)),
            InboxFilter::NearLimit => bind(&mut sql, " AND c.is_open = 1 AND c.decided = 0 AND c.sent_ms <= $?", Bind::Int(q.now - NEAR_LIMIT_DAYS * DAY)),
            // Decisions (migration 18): waiting for someone other than their author to approve, or
            // sent back to the one looking.
            InboxFilter::AwaitingApproval => bind(
                &mut sql,
                " AND EXISTS (SELECT 1 FROM decisions d WHERE d.application_id = c.application_id AND d.stage = 'til-godkjenning' AND d.author <> $?)",
                Bind::Text(q.me.clone()),
            ),
            InboxFilter::ReturnedToMe => bind(
                &mut sql,
                " AND EXISTS (SELECT 1 FROM decisions d WHERE d.application_id = c.application_id AND d.stage = 'returnert' AND d.author = $?)",
                Bind::Text(q.me.clone()),
            ),
            InboxFilter::All => {}
        }
        if !search.is_empty() {
            if by_person {
                bind(&mut sql, " AND a.owner_fnr = $?", Bind::Text(search.to_owned()));
            } else if by_reference {
                bind(&mut sql, " AND a.reference = $?", Bind::Text(search.to_uppercase()));
            } else {
                // Every word typed must start a word of the person's name (`person_name_words`,
                // migration 17): "nord" finds Nordmann, "kari nord" Kari Nordmann. Each word is a
                // range of that table's index, so the search costs what it finds.
                for word in &name_words {
                    bind(&mut sql, " AND a.owner_fnr IN (SELECT w.fnr FROM person_name_words w WHERE w.word >= $?", Bind::Text(word.clone()));
                    bind(&mut sql, " AND w.word < $?)", Bind::Text(format!("{word}\u{10FFFF}")));
                }
            }
        }
        sql.push_str(if q.filter == InboxFilter::All {
            " ORDER BY c.is_open DESC, c.emergency DESC, c.sent_ms, c.application_id"
        } else {
            " ORDER BY c.emergency DESC, c.sent_ms, c.application_id"
        });
        let size = i64::from(q.page_size.max(1));
        bind(&mut sql, " LIMIT $?", Bind::Int(size + 1));
        bind(&mut sql, " OFFSET $?", Bind::Int(i64::from(q.page) * size));
        let mut query = sqlx::query(&sql);
        for b in binds {
            query = match b {
                Bind::Text(t) => query.bind(t),
                Bind::Int(i) => query.bind(i),
            };
        }
        let rows = query.fetch_all(&mut *self.read().await?).await?;
        let more = rows.len() as i64 > size;
        let rows = rows
            .iter()
            .take(size as usize)
            .map(|r| {
                let parts: Vec<String> =
                    ["fornavn", "mellomnavn", "etternavn"].iter().filter_map(|c| r.try_get::<Option<String>, _>(*c).ok().flatten()).filter(|s| !s.is_empty()).collect();
                Ok(CaseRow {
                    id: r.try_get("id")?,
                    reference: r.try_get("reference")?,
                    name: parts.join(" "),
                    protection: protection(r)?,
                    emergency: r.try_get::<i64, _>("emergency")? != 0,
                    sent_ms: r.try_get("sent_ms")?,
                    state: state_from_row(r)?,
                    channel: r.try_get("channel")?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(InboxPage { rows, more })
    }

    /// The state of one case of the caller's office (same scoping as [`Store::office_application`]).
    pub async fn case_state(&self, access: &CaseAccess, id: &str) -> Result<Option<CaseState>> {
        let sql = format!(
            "SELECT {STATE_COLUMNS} FROM case_status c JOIN applications a ON a.id = c.application_id LEFT JOIN people p ON p.fnr = a.owner_fnr
             WHERE c.application_id = $1 AND c.enhetsnummer = $2 AND ($3 = 1 OR p.adressebeskyttelse IS NULL)"
        );
        let row = sqlx::query(&sql).bind(id).bind(&access.office).bind(i64::from(access.protected_persons)).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| state_from_row(&r)).transpose()
    }

    /// The state of any application (system code and the citizen's own page; not scoped).
    pub async fn case_state_of(&self, application_id: &str) -> Result<Option<CaseState>> {
        let row =
            sqlx::query(&format!("SELECT {STATE_COLUMNS} FROM case_status c WHERE c.application_id = $1")).bind(application_id).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| state_from_row(&r)).transpose()
    }

    /// The office journal of a case, oldest first. The caller has checked the staff member's access.
    pub async fn office_journal(&self, application_id: &str) -> Result<Vec<JournalEntry>> {
        let rows = sqlx::query("SELECT kind, text, actor, actor_name, at_ms FROM office_journal WHERE application_id = $1 ORDER BY at_ms, id")
            .bind(application_id)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(JournalEntry {
                    kind: r.try_get("kind")?,
                    text: r.try_get("text")?,
                    actor: r.try_get("actor")?,
                    actor_name: r.try_get("actor_name")?,
                    at_ms: r.try_get("at_ms")?,
                })
            })
            .collect()
    }

    /// Writes one caseworker action in one transaction: checks and bumps the case's version (the
    /// row lock this takes also orders two actions on the same case), files the letter, appends the
    /// events, writes the journal and the assignment, and recomputes the projection. `actor` is
    /// (subject, name) of the staff member. The caller has checked access and the domain's rules.
    /// `audit` is appended in the same transaction, so the action and its audit entry are written
    /// together or not at all; a conflict writes neither.
    pub async fn office_change(&self, application_id: &str, actor: (&str, &str), change: &OfficeChange, audit: &AuditEntry, now: Millis) -> Result<Changed> {
        let mut tx = self.begin_write().await?;
        let current = match change.expected_version {
            Some(v) => {
                sqlx::query("UPDATE case_status SET version = version + 1, updated_ms = $3 WHERE application_id = $1 AND version = $2")
                    .bind(application_id)
                    .bind(v)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1
            }
            // A note overwrites nothing, so it needs no version and does not change it: a colleague's
            // open page stays current.
            None => sqlx::query("SELECT 1 AS one FROM case_status WHERE application_id = $1").bind(application_id).fetch_optional(&mut *tx).await?.is_some(),
        };
        if !current {
            tx.rollback().await?;
            return Ok(Changed::Conflict);
        }
        let mut letter_id = None;
        if let Some((title, sha256, bytes)) = &change.letter {
            let id = new_uuid();
            sqlx::query("INSERT INTO letters (id, application_id, title, sha256, bytes, created_ms) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(&id)
                .bind(application_id)
                .bind(title)
                .bind(sha256)
                .bind(*bytes)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            letter_id = Some(id);
        }
        crate::decisions::write(&mut tx, &change.decisions, letter_id.as_deref()).await?;
        if !change.events.is_empty() {
            // The letter's reference goes where the event names its letter (forvaltningsbrev, or a
            // decision's vedtaksfil).
            let mut events = change.events.clone();
            if let Some(id) = &letter_id {
                for e in &mut events {
                    for pointer in ["/forvaltningsbrev/referanse/id", "/vedtaksfil/referanse/id"] {
                        if let Some(slot) = e.pointer_mut(pointer) {
                            *slot = serde_json::Value::String(id.clone());
                        }
                    }
                }
            }
            let row = sqlx::query("SELECT COALESCE(MAX(seq), -1) AS last FROM events WHERE application_id = $1").bind(application_id).fetch_one(&mut *tx).await?;
            let last: i64 = row.try_get("last")?;
            crate::applications::insert_events(&mut tx, application_id, last + 1, &events, now).await?;
            self.refresh_projection(&mut tx, application_id, now).await?;
            crate::notifications::enqueue_for_events(&mut tx, application_id, last + 1, &events, now).await?;
        }
        for (kind, text) in &change.journal {
            sqlx::query("INSERT INTO office_journal (id, application_id, kind, text, actor, actor_name, at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(new_id())
                .bind(application_id)
                .bind(kind)
                .bind(text)
                .bind(actor.0)
                .bind(actor.1)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(assignee) = &change.assign {
            let (subject, name) = assignee.clone().map_or((None, None), |(s, n)| (Some(s), Some(n)));
            sqlx::query("UPDATE case_status SET assignee = $1, assignee_name = $2 WHERE application_id = $3")
                .bind(subject)
                .bind(name)
                .bind(application_id)
                .execute(&mut *tx)
                .await?;
        }
        let row = sqlx::query("SELECT version FROM case_status WHERE application_id = $1").bind(application_id).fetch_one(&mut *tx).await?;
        let version: i64 = row.try_get("version")?;
        crate::audit::append(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(Changed::Done { version, letter: letter_id })
    }

    /// Remembers a staff member at sign-in (name, office and roles as the identity provider said).
    pub async fn record_staff_member(&self, member: &StaffMember, now: Millis) -> Result<()> {
        self.write_one(
            sqlx::query(
                "INSERT INTO staff_members (subject, name, office, roles, last_seen_ms) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (subject) DO UPDATE SET name = $2, office = $3, roles = $4, last_seen_ms = $5",
            )
            .bind(&member.subject)
            .bind(&member.name)
            .bind(&member.office)
            .bind(&member.roles)
            .bind(now),
        )
        .await?;
        Ok(())
    }

    /// The staff of one office who have signed in, by name.
    pub async fn staff_of_office(&self, office: &str) -> Result<Vec<StaffMember>> {
        let rows =
            sqlx::query("SELECT subject, name, office, roles FROM staff_members WHERE office = $1 ORDER BY name, subject").bind(office).fetch_all(&mut *self.read().await?).await?;
        rows.iter().map(|r| Ok(StaffMember { subject: r.try_get("subject")?, name: r.try_get("name")?, office: r.try_get("office")?, roles: r.try_get("roles")? })).collect()
    }

    /// One staff member by subject.
    pub async fn staff_member(&self, subject: &str) -> Result<Option<StaffMember>> {
        let row = sqlx::query("SELECT subject, name, office, roles FROM staff_members WHERE subject = $1").bind(subject).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| Ok(StaffMember { subject: r.try_get("subject")?, name: r.try_get("name")?, office: r.try_get("office")?, roles: r.try_get("roles")? })).transpose()
    }
}
