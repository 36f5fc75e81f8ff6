//! Everyone can apply (migration 0027): drafts a caseworker fills in for a person whose application
//! came on paper, by phone or at the desk; the channel an application came by; the contact
//! centre's callbacks; and the rows the office lead's statistics are computed from.

use sqlx::Row;
use velferd_domain::assisted::Channel;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::stats::{ApplicationFacts, OtherFacts};
use velferd_domain::Millis;

use crate::{new_id, AuditEntry, Draft, NewApplication, Result, Store, StoreError, Submitted};

/// A draft a staff member started for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffDraft {
    pub draft: Draft,
    /// Whose application it is: the person it is sent as.
    pub owner: Fodselsnummer,
    /// The staff member who started it (subject).
    pub registered_by: String,
    /// The office (enhetsnummer) whose caseworkers may go on with it.
    pub office: String,
    /// Why the office registers for a municipality another office serves.
    pub kommune_reason: Option<String>,
}

/// How an application came in and who registered it; `channel` Digital with nothing else for the
/// person's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationChannel {
    pub channel: Channel,
    /// The staff member who registered or assisted (subject, name).
    pub registered_by: Option<(String, String)>,
    /// How the identity was checked in person (`velferd_domain::assisted::IDENTITY_CHECKS`).
    pub identity_check: Option<String>,
    /// Who checked it (a name).
    pub identity_checked_by: Option<String>,
    pub kommune_reason: Option<String>,
}

/// One of the office's callbacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callback {
    pub id: String,
    pub application_id: String,
    pub reference: String,
    /// The person's name as the register has it ("" when not there).
    pub name: String,
    pub phone: String,
    pub window_start_ms: Millis,
    pub window_end_ms: Millis,
    pub note: String,
    pub created_by_name: String,
    pub created_ms: Millis,
    /// Calls tried without reaching the person.
    pub attempts: i64,
    pub done_by_name: Option<String>,
    pub done_ms: Option<Millis>,
}

/// A callback to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCallback {
    pub application_id: String,
    pub office: String,
    pub phone: String,
    pub window_start_ms: Millis,
    pub window_end_ms: Millis,
    pub note: String,
    /// (subject, name) of the contact-centre worker.
    pub created_by: (String, String),
}

/// What a caseworker did about a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackOutcome {
    /// Spoke with the person: the task is done.
    ContactMade,
    /// Called, no answer: one more attempt, the task stays open.
    NoAnswer,
}

fn staff_draft_from_row(r: &sqlx::any::AnyRow) -> Result<StaffDraft> {
    let answers: String = r.try_get("answers")?;
    let kommunenummer: String = r.try_get("kommunenummer")?;
    let owner: String = r.try_get("owner_fnr")?;
    Ok(StaffDraft {
        draft: Draft {
            id: r.try_get("id")?,
            kommunenummer: Kommunenummer::parse(&kommunenummer).map_err(|_| StoreError::Corrupt("drafts.kommunenummer".into()))?,
            answers: serde_json::from_str(&answers).map_err(|e| StoreError::Corrupt(format!("drafts.answers: {e}")))?,
            created_ms: r.try_get("created_ms")?,
            updated_ms: r.try_get("updated_ms")?,
        },
        owner: Fodselsnummer::parse(&owner).map_err(|_| StoreError::Corrupt("drafts.owner_fnr".into()))?,
        registered_by: r.try_get("registered_by")?,
        office: r.try_get("registered_office")?,
        kommune_reason: r.try_get("kommune_reason")?,
    })
}

const STAFF_DRAFT_COLUMNS: &str = "id, owner_fnr, kommunenummer, answers, created_ms, updated_ms, registered_by, registered_office, kommune_reason";

fn callback_from_row(r: &sqlx::any::AnyRow) -> Result<Callback> {
    let first: Option<String> = r.try_get("fornavn")?;
    let last: Option<String> = r.try_get("etternavn")?;
    Ok(Callback {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        reference: r.try_get("reference")?,
        name: [first.unwrap_or_default(), last.unwrap_or_default()].join(" ").trim().to_owned(),
        phone: r.try_get("phone")?,
        window_start_ms: r.try_get("window_start_ms")?,
        window_end_ms: r.try_get("window_end_ms")?,
        note: r.try_get("note")?,
        created_by_name: r.try_get("created_by_name")?,
        created_ms: r.try_get("created_ms")?,
        attempts: r.try_get("attempts")?,
        done_by_name: r.try_get("done_by_name")?,
        done_ms: r.try_get("done_ms")?,
    })
}

const CALLBACK_SELECT: &str = "SELECT c.id, c.application_id, a.reference, p.fornavn, p.etternavn, c.phone, c.window_start_ms, c.window_end_ms, c.note,
        c.created_by_name, c.created_ms, c.attempts, c.done_by_name, c.done_ms
     FROM callbacks c JOIN applications a ON a.id = c.application_id LEFT JOIN people p ON p.fnr = a.owner_fnr";

impl Store {
    /// Starts a draft for `owner` that staff member `registered_by` of `office` fills in (a paper,
    /// phone or desk application). It is never among the person's own drafts.
    pub async fn create_staff_draft(
        &self,
        owner: &Fodselsnummer,
        kommune: &Kommunenummer,
        registered_by: &str,
        office: &str,
        kommune_reason: Option<&str>,
        now: Millis,
    ) -> Result<Draft> {
        let id = new_id();
        let answers = velferd_domain::application::Answers::default();
        self.write_one(
            sqlx::query(
                "INSERT INTO drafts (id, owner_fnr, kommunenummer, answers, created_ms, updated_ms, registered_by, registered_office, kommune_reason)
             VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)",
            )
            .bind(&id)
            .bind(owner.as_str())
            .bind(kommune.as_str())
            .bind(serde_json::to_string(&answers).map_err(|e| StoreError::Corrupt(e.to_string()))?)
            .bind(now)
            .bind(registered_by)
            .bind(office)
            .bind(kommune_reason),
        )
        .await?;
        Ok(Draft { id, kommunenummer: kommune.clone(), answers, created_ms: now, updated_ms: now })
    }

    /// A staff draft of `office`, unless it expired or was sent.
    pub async fn staff_draft(&self, id: &str, office: &str, now: Millis) -> Result<Option<StaffDraft>> {
        let row = sqlx::query(&format!("SELECT {STAFF_DRAFT_COLUMNS} FROM drafts WHERE id = $1 AND registered_office = $2 AND updated_ms >= $3"))
            .bind(id)
            .bind(office)
            .bind(crate::drafts::expiry_cutoff(now))
            .fetch_optional(&mut *self.read().await?)
            .await?;
        row.map(|r| staff_draft_from_row(&r)).transpose()
    }

    /// The office's staff drafts not yet sent, the most recently changed first.
    pub async fn staff_drafts(&self, office: &str, now: Millis) -> Result<Vec<StaffDraft>> {
        let rows = sqlx::query(&format!("SELECT {STAFF_DRAFT_COLUMNS} FROM drafts WHERE registered_office = $1 AND updated_ms >= $2 ORDER BY updated_ms DESC, id"))
            .bind(office)
            .bind(crate::drafts::expiry_cutoff(now))
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(staff_draft_from_row).collect()
    }

    /// The person's open applications (not decided, not closed), newest first: (id, reference,
    /// sent), for flagging a duplicate before a caseworker registers another.
    pub async fn open_applications(&self, owner: &Fodselsnummer) -> Result<Vec<(String, String, Millis)>> {
        let rows = sqlx::query(
            "SELECT a.id, a.reference, a.sent_ms FROM applications a JOIN case_status c ON c.application_id = a.id
             WHERE a.owner_fnr = $1 AND c.is_open = 1 AND c.decided = 0 ORDER BY a.sent_ms DESC",
        )
        .bind(owner.as_str())
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("reference")?, r.try_get("sent_ms")?))).collect()
    }

    /// Sends a staff draft as `owner`'s application, recording its channel and who registered
    /// it, in the same transaction as everything a send writes (see [`Store::submit`]).
    pub async fn submit_registered(&self, draft_id: &str, owner: &Fodselsnummer, app: &NewApplication, channel: &ApplicationChannel, now: Millis) -> Result<Option<Submitted>> {
        self.submit_with(draft_id, owner, app, None, Some(channel), now).await
    }

    /// How an application came in.
    pub async fn application_channel(&self, application_id: &str) -> Result<Option<ApplicationChannel>> {
        let row = sqlx::query("SELECT channel, registered_by, registered_by_name, identity_check, identity_checked_by, kommune_reason FROM applications WHERE id = $1")
            .bind(application_id)
            .fetch_optional(&mut *self.read().await?)
            .await?;
        let Some(r) = row else { return Ok(None) };
        let slug: String = r.try_get("channel")?;
        let by: Option<String> = r.try_get("registered_by")?;
        let by_name: Option<String> = r.try_get("registered_by_name")?;
        Ok(Some(ApplicationChannel {
            channel: Channel::from_slug(&slug).ok_or_else(|| StoreError::Corrupt("applications.channel".into()))?,
            registered_by: by.map(|s| (s, by_name.unwrap_or_default())),
            identity_check: r.try_get("identity_check")?,
            identity_checked_by: r.try_get("identity_checked_by")?,
            kommune_reason: r.try_get("kommune_reason")?,
        }))
    }

    /// Records a callback the contact centre promised, with the note in the office journal, the
    /// SMS that confirms it to the person (`NoticeKind::Callback`) and the audit entry, in one
    /// transaction. Returns its id.
    pub async fn add_callback(&self, c: &NewCallback, journal_text: &str, audit: &AuditEntry, now: Millis) -> Result<String> {
        let id = new_id();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO callbacks (id, application_id, enhetsnummer, phone, window_start_ms, window_end_ms, note, created_by, created_by_name, created_ms, attempts)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0)",
        )
        .bind(&id)
        .bind(&c.application_id)
        .bind(&c.office)
        .bind(&c.phone)
        .bind(c.window_start_ms)
        .bind(c.window_end_ms)
        .bind(&c.note)
        .bind(&c.created_by.0)
        .bind(&c.created_by.1)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        journal(&mut tx, &c.application_id, "tilbakeringing", journal_text, (&c.created_by.0, &c.created_by.1), now).await?;
        // The person is told by SMS, on the number they gave for the call, who calls and when.
        crate::notifications::enqueue_sms_to(&mut tx, &c.application_id, velferd_domain::notices::NoticeKind::Callback, &format!("tilbakeringing:{id}"), &c.phone, now).await?;
        crate::audit::append(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records that the helper holding `power` (signed in as `helper`) filled in the power's
    /// application together with its owner: the channel becomes `assistert`, `registered_by` is
    /// `fullmektig:<power id>` (the power names the helper's fødselsnummer, which their own
    /// sign-in matched) and `registered_by_name` the helper's name, with the audit entry, in one
    /// transaction. Only if the power is still valid at `now` for `helper`, the application came
    /// digitally and was sent at or after `sent_after`; `false` (nothing written) otherwise.
    pub async fn record_helper_assist(&self, power: &crate::Power, helper: &Fodselsnummer, sent_after: Millis, audit: &AuditEntry, now: Millis) -> Result<bool> {
        let (application_id, power_id, name) = (&power.application_id, &power.id, &power.helper_name);
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE applications SET channel = 'assistert', registered_by = $2, registered_by_name = $3
             WHERE id = $1 AND channel = 'digital' AND sent_ms >= $4
               AND EXISTS (SELECT 1 FROM powers_of_attorney p WHERE p.id = $5 AND p.application_id = $1 AND p.helper_fnr = $6 AND p.revoked_ms IS NULL AND p.valid_until_ms > $7)",
        )
        .bind(application_id)
        .bind(format!("fullmektig:{power_id}"))
        .bind(name)
        .bind(sent_after)
        .bind(power_id)
        .bind(helper.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        crate::audit::append(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A callback's office (enhetsnummer) and window (start, end ms), for the SMS that confirms it.
    pub async fn callback_window(&self, id: &str) -> Result<Option<(String, Millis, Millis)>> {
        let row = sqlx::query("SELECT enhetsnummer, window_start_ms, window_end_ms FROM callbacks WHERE id = $1").bind(id).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| Ok((r.try_get("enhetsnummer")?, r.try_get("window_start_ms")?, r.try_get("window_end_ms")?))).transpose()
    }

    /// The office's open callbacks, earliest window first.
    pub async fn open_callbacks(&self, office: &str) -> Result<Vec<Callback>> {
        let rows = sqlx::query(&format!("{CALLBACK_SELECT} WHERE c.enhetsnummer = $1 AND c.done_ms IS NULL ORDER BY c.window_start_ms, c.id"))
            .bind(office)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(callback_from_row).collect()
    }

    /// An application's callbacks, oldest first.
    pub async fn callbacks_of(&self, application_id: &str) -> Result<Vec<Callback>> {
        let rows =
            sqlx::query(&format!("{CALLBACK_SELECT} WHERE c.application_id = $1 ORDER BY c.created_ms, c.id")).bind(application_id).fetch_all(&mut *self.read().await?).await?;
        rows.iter().map(callback_from_row).collect()
    }

    /// A caseworker of `office` called back: contact made closes the task, no answer counts an
    /// attempt and keeps it open. Writes a journal line (`tilbakeringt`: `kontakt` or `ikke-svar`) and the audit entry in the same
    /// transaction. `None` when the office has no such open callback; else its application id.
    pub async fn callback_called(&self, id: &str, office: &str, outcome: CallbackOutcome, actor: (&str, &str), audit: &AuditEntry, now: Millis) -> Result<Option<String>> {
        let mut tx = self.begin_write().await?;
        let query = match outcome {
            CallbackOutcome::ContactMade => {
                sqlx::query("UPDATE callbacks SET done_ms = $3, done_by_name = $4, attempts = attempts + 1 WHERE id = $1 AND enhetsnummer = $2 AND done_ms IS NULL")
                    .bind(id)
                    .bind(office)
                    .bind(now)
                    .bind(actor.1)
            }
            CallbackOutcome::NoAnswer => sqlx::query("UPDATE callbacks SET attempts = attempts + 1 WHERE id = $1 AND enhetsnummer = $2 AND done_ms IS NULL").bind(id).bind(office),
        };
        let done = query.execute(&mut *tx).await?.rows_affected() == 1;
        if !done {
            tx.rollback().await?;
            return Ok(None);
        }
        let application_id: String = sqlx::query("SELECT application_id FROM callbacks WHERE id = $1").bind(id).fetch_one(&mut *tx).await?.try_get("application_id")?;
        let text = match outcome {
            CallbackOutcome::ContactMade => "kontakt",
            CallbackOutcome::NoAnswer => "ikke-svar",
        };
        journal(&mut tx, &application_id, "tilbakeringt", text, actor, now).await?;
        let mut audit = audit.clone();
        audit.application_id = Some(application_id.clone());
        audit.person =
            sqlx::query("SELECT owner_fnr FROM applications WHERE id = $1").bind(&application_id).fetch_optional(&mut *tx).await?.map(|r| r.try_get("owner_fnr")).transpose()?;
        crate::audit::append(&mut tx, &audit, now).await?;
        tx.commit().await?;
        Ok(Some(application_id))
    }

    /// What the office lead's statistics need of `office`'s applications sent in `from`..`to`,
    /// and of the messages answered and letters sent in that period. No names or numbers leave.
    pub async fn stats_facts(&self, office: &str, from: Millis, to: Millis) -> Result<(Vec<ApplicationFacts>, OtherFacts)> {
        let rows = sqlx::query("SELECT id, channel, sent_ms, emergency FROM applications WHERE enhetsnummer = $1 AND sent_ms >= $2 AND sent_ms < $3 ORDER BY sent_ms, id")
            .bind(office)
            .bind(from)
            .bind(to)
            .fetch_all(&mut *self.read().await?)
            .await?;
        let mut apps = Vec::with_capacity(rows.len());
        let mut index = std::collections::HashMap::new();
        for r in &rows {
            let id: String = r.try_get("id")?;
            let slug: String = r.try_get("channel")?;
            index.insert(id, apps.len());
            apps.push(ApplicationFacts {
                channel: Channel::from_slug(&slug).ok_or_else(|| StoreError::Corrupt("applications.channel".into()))?,
                sent_ms: r.try_get("sent_ms")?,
                emergency: r.try_get::<i64, _>("emergency")? != 0,
                decided_ms: None,
                first_contact_ms: None,
                documents_requested: false,
            });
        }
        // Events after the first two (MOTTATT and the office it went to) are the office's work.
        let events = sqlx::query(
            "SELECT e.application_id, e.seq, e.kind, e.payload FROM events e JOIN applications a ON a.id = e.application_id
             WHERE a.enhetsnummer = $1 AND a.sent_ms >= $2 AND a.sent_ms < $3 AND e.seq >= 2 ORDER BY e.application_id, e.seq",
        )
        .bind(office)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *self.read().await?)
        .await?;
        for e in &events {
            let id: String = e.try_get("application_id")?;
            let Some(&i) = index.get(&id) else { continue };
            let kind: String = e.try_get("kind")?;
            let payload: String = e.try_get("payload")?;
            let at = serde_json::from_str::<serde_json::Value>(&payload)
                .ok()
                .and_then(|v| v.get("hendelsestidspunkt").and_then(|t| t.as_str()).and_then(velferd_domain::dates::parse_tidspunkt))
                .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as Millis);
            let Some(at) = at else { continue };
            let a = &mut apps[i];
            if kind == "vedtakFattet" {
                a.decided_ms = Some(a.decided_ms.map_or(at, |d| d.min(at)));
            }
            if kind == "dokumentasjonEtterspurt" {
                a.documents_requested = true;
            }
            a.first_contact_ms = Some(a.first_contact_ms.map_or(at, |d| d.min(at)));
        }
        let messages = sqlx::query(
            "SELECT m.application_id, m.from_office, m.created_ms FROM messages m JOIN applications a ON a.id = m.application_id
             WHERE a.enhetsnummer = $1 AND a.sent_ms >= $2 AND a.sent_ms < $3 ORDER BY m.application_id, m.seq",
        )
        .bind(office)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *self.read().await?)
        .await?;
        let mut other = OtherFacts::default();
        let mut waiting: Option<(String, Millis)> = None;
        for m in &messages {
            let id: String = m.try_get("application_id")?;
            let at: Millis = m.try_get("created_ms")?;
            let from_office = m.try_get::<i64, _>("from_office")? != 0;
            if waiting.as_ref().is_some_and(|(w, _)| *w != id) {
                waiting = None;
            }
            if from_office {
                if let Some((_, since)) = waiting.take() {
                    other.answer_ms.push((at - since).max(0));
                }
                if let Some(&i) = index.get(&id) {
                    apps[i].first_contact_ms = Some(apps[i].first_contact_ms.map_or(at, |d| d.min(at)));
                }
            } else if waiting.is_none() {
                waiting = Some((id, at));
            }
        }
        let letters = sqlx::query(
            "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN l.first_opened_ms IS NULL THEN 1 ELSE 0 END), 0) AS unopened
             FROM letters l JOIN applications a ON a.id = l.application_id WHERE a.enhetsnummer = $1 AND l.created_ms >= $2 AND l.created_ms < $3",
        )
        .bind(office)
        .bind(from)
        .bind(to)
        .fetch_one(&mut *self.read().await?)
        .await?;
        other.letters = u64::try_from(letters.try_get::<i64, _>("n")?).unwrap_or(0);
        other.letters_unopened = u64::try_from(letters.try_get::<i64, _>("unopened")?).unwrap_or(0);
        Ok((apps, other))
    }
}

/// One line in the office journal, inside the caller's transaction.
pub(crate) async fn journal(tx: &mut sqlx::AnyConnection, application_id: &str, kind: &str, text: &str, actor: (&str, &str), now: Millis) -> Result<()> {
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
    Ok(())
}

/// A person the office registered without electronic ID (migration 0028).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonWithoutEid {
    pub fnr: String,
    /// Their own phone (`+47…`), if they have one.
    pub phone: Option<String>,
    /// (name, phone, kind) of whom they go through.
    pub contact: Option<(String, Option<String>, String)>,
    pub identity_check: String,
    pub identity_checked_by: String,
    pub office: String,
    /// (subject, name) of the staff member who registered them.
    pub registered_by: (String, String),
    pub updated_ms: Millis,
}

impl Store {
    /// Registers (or updates) a person without electronic ID, with the audit entry, in one
    /// transaction.
    pub async fn register_without_eid(&self, p: &PersonWithoutEid, audit: &AuditEntry, now: Millis) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let (contact_name, contact_phone, contact_kind) = match &p.contact {
            Some((name, phone, kind)) => (Some(name.clone()), phone.clone(), Some(kind.clone())),
            None => (None, None, None),
        };
        sqlx::query(
            "INSERT INTO people_without_eid (fnr, phone, contact_name, contact_phone, contact_kind, identity_check, identity_checked_by, office, registered_by,
                 registered_by_name, created_ms, updated_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
             ON CONFLICT (fnr) DO UPDATE SET phone = $2, contact_name = $3, contact_phone = $4, contact_kind = $5, identity_check = $6,
                 identity_checked_by = $7, office = $8, registered_by = $9, registered_by_name = $10, updated_ms = $11",
        )
        .bind(&p.fnr)
        .bind(p.phone.clone())
        .bind(contact_name)
        .bind(contact_phone)
        .bind(contact_kind)
        .bind(&p.identity_check)
        .bind(&p.identity_checked_by)
        .bind(&p.office)
        .bind(&p.registered_by.0)
        .bind(&p.registered_by.1)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        crate::audit::append(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The person's registration without electronic ID, if the office made one.
    pub async fn without_eid(&self, fnr: &Fodselsnummer) -> Result<Option<PersonWithoutEid>> {
        let row = sqlx::query(
            "SELECT fnr, phone, contact_name, contact_phone, contact_kind, identity_check, identity_checked_by, office, registered_by, registered_by_name, updated_ms
             FROM people_without_eid WHERE fnr = $1",
        )
        .bind(fnr.as_str())
        .fetch_optional(&mut *self.read().await?)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let name: Option<String> = r.try_get("contact_name")?;
        let contact = match name {
            Some(name) => Some((name, r.try_get("contact_phone")?, r.try_get::<Option<String>, _>("contact_kind")?.unwrap_or_default())),
            None => None,
        };
        Ok(Some(PersonWithoutEid {
            fnr: r.try_get("fnr")?,
            phone: r.try_get("phone")?,
            contact,
            identity_check: r.try_get("identity_check")?,
            identity_checked_by: r.try_get("identity_checked_by")?,
            office: r.try_get("office")?,
            registered_by: (r.try_get("registered_by")?, r.try_get("registered_by_name")?),
            updated_ms: r.try_get("updated_ms")?,
        }))
    }
}
