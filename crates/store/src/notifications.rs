//! Notifications (rules in `velferd_domain::notices`): the person's choices, and the outbox that the
//! delivery worker reads. A notice is written in the same transaction as what it tells about
//! ([`enqueue`]), so a message or a request is never stored without its notice, nor a notice without
//! it. Delivery claims rows with a lease, so several server processes share the work and each
//! notice is sent at most once (see migration 0020 for the states).

use sqlx::Row;
use velferd_domain::ids::{Fodselsnummer, Telefonnummer};
use velferd_domain::notices::{backoff_seconds, recipients, Channel, Choices, NoticeKind, MAX_ATTEMPTS};
use velferd_domain::Millis;

use crate::{new_id, Result, Store, StoreError};

/// How long a worker may take to deliver a claimed notice before another may declare it uncertain.
pub const LEASE_MS: Millis = 60_000;

/// A notice claimed for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueNotice {
    pub id: String,
    /// Unique for ever (application, event, channel); stays in the database.
    pub key: String,
    pub kind: NoticeKind,
    pub channel: Channel,
    pub address: String,
    /// `nb`, `nn` or `en`.
    pub language: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// To a person without electronic ID: say to call or visit the office, not to log in.
    pub plain: bool,
}

/// A notice as the tests and the operator see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeRow {
    pub key: String,
    pub kind: String,
    pub channel: String,
    pub address: String,
    pub state: String,
    pub attempts: i64,
}

fn off_codes(off: &[NoticeKind]) -> String {
    off.iter().map(|k| k.code()).collect::<Vec<_>>().join(",")
}

fn choices_from_row(r: &sqlx::any::AnyRow) -> Result<Choices> {
    let off: String = r.try_get("off")?;
    Ok(Choices {
        email: r.try_get("email")?,
        phone: r.try_get("phone")?,
        email_on: r.try_get::<i64, _>("email_on")? != 0,
        sms_on: r.try_get::<i64, _>("sms_on")? != 0,
        off: off.split(',').filter_map(NoticeKind::from_code).collect(),
    })
}

async fn choices_in(tx: &mut sqlx::AnyConnection, fnr: &str) -> Result<Option<Choices>> {
    let row = sqlx::query("SELECT email, phone, email_on, sms_on, off FROM contact_preferences WHERE fnr = $1").bind(fnr).fetch_optional(&mut *tx).await?;
    row.map(|r| choices_from_row(&r)).transpose()
}

/// Writes the notices of `kind` about application `application_id` to its applicant, inside `tx`:
/// one row per channel the person's choices give (none when they gave no contact details or turned
/// the kind off). `event` names what happened (e.g. `melding:3`), making the notice's key; the same
/// event twice stores nothing new. With no choices stored yet, the phone number given in the
/// application is used for SMS — the number the person gave to be reached on.
pub(crate) async fn enqueue(tx: &mut sqlx::AnyConnection, application_id: &str, kind: NoticeKind, event: &str, now: Millis) -> Result<usize> {
    let row = sqlx::query("SELECT owner_fnr, answers FROM applications WHERE id = $1").bind(application_id).fetch_one(&mut *tx).await?;
    let owner: String = row.try_get("owner_fnr")?;
    let answers: serde_json::Value = serde_json::from_str(&row.try_get::<String, _>("answers")?).map_err(|e| StoreError::Corrupt(format!("applications.answers: {e}")))?;
    let language = language_of(&answers);
    // A person without electronic ID cannot log in to choose: plain SMS to the number the office
    // registered, else to the contact person they named.
    let without_eid = sqlx::query("SELECT phone, contact_phone FROM people_without_eid WHERE fnr = $1").bind(&owner).fetch_optional(&mut *tx).await?;
    let plain = without_eid.is_some();
    let choices = match (without_eid, choices_in(tx, &owner).await?) {
        (Some(r), _) => {
            let phone = r.try_get::<Option<String>, _>("phone")?.or(r.try_get::<Option<String>, _>("contact_phone")?);
            Choices { sms_on: phone.is_some(), phone, ..Choices::default() }
        }
        (None, Some(c)) => c,
        (None, None) => {
            let phone = answers.get("telefon").and_then(|v| v.as_str()).and_then(|p| Telefonnummer::parse(p).ok()).map(|p| p.as_str().to_owned());
            Choices { sms_on: phone.is_some(), phone, ..Choices::default() }
        }
    };
    let mut written = 0;
    for (channel, address) in recipients(kind, &choices) {
        let key = format!("{application_id}:{event}:{}", channel.code());
        let done = sqlx::query(
            "INSERT INTO notifications (id, key, application_id, kind, channel, address, language, state, attempts, due_ms, created_ms, plain)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8, $9) ON CONFLICT (key) DO NOTHING",
        )
        .bind(new_id())
        .bind(&key)
        .bind(application_id)
        .bind(kind.code())
        .bind(channel.code())
        .bind(&address)
        .bind(&language)
        .bind(now)
        .bind(i64::from(plain))
        .execute(&mut *tx)
        .await?;
        written += done.rows_affected() as usize;
    }
    Ok(written)
}

/// The language the person applied in (`nb`, `nn` or `en`; `nb` when not said).
fn language_of(answers: &serde_json::Value) -> String {
    answers.get(velferd_domain::application::LANGUAGE).and_then(|v| v.as_str()).filter(|l| matches!(*l, "nb" | "nn" | "en")).unwrap_or("nb").to_owned()
}

/// Writes one plain SMS of `kind` to `phone` (`+47…`) about application `application_id`, inside
/// `tx`, in the language the person applied in, whatever their notification choices: for a notice
/// that answers what the person asked for on that number (a callback's confirmation). `event`
/// makes the key as in [`enqueue`]. Returns how many were written (0 when already there).
pub(crate) async fn enqueue_sms_to(tx: &mut sqlx::AnyConnection, application_id: &str, kind: NoticeKind, event: &str, phone: &str, now: Millis) -> Result<usize> {
    let answers: String = sqlx::query("SELECT answers FROM applications WHERE id = $1").bind(application_id).fetch_one(&mut *tx).await?.try_get("answers")?;
    let answers: serde_json::Value = serde_json::from_str(&answers).map_err(|e| StoreError::Corrupt(format!("applications.answers: {e}")))?;
    let done = sqlx::query(
        "INSERT INTO notifications (id, key, application_id, kind, channel, address, language, state, attempts, due_ms, created_ms, plain)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8, 1) ON CONFLICT (key) DO NOTHING",
    )
    .bind(new_id())
    .bind(format!("{application_id}:{event}:{}", Channel::Sms.code()))
    .bind(application_id)
    .bind(kind.code())
    .bind(Channel::Sms.code())
    .bind(phone)
    .bind(language_of(&answers))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() as usize)
}

/// The notice an event gives the person, if any: a request for documents, a decision, a planned
/// payment (digisos-soker `dokumentasjonEtterspurt`, `vedtakFattet`, `utbetaling` with status
/// `PLANLAGT_UTBETALING`).
fn notice_of_event(event: &serde_json::Value) -> Option<NoticeKind> {
    match event.get("type")?.as_str()? {
        "dokumentasjonEtterspurt" => Some(NoticeKind::DocumentsRequested),
        "vedtakFattet" => Some(NoticeKind::Decision),
        "utbetaling" if event.get("status").and_then(|s| s.as_str()) == Some("PLANLAGT_UTBETALING") => Some(NoticeKind::PaymentPlanned),
        _ => None,
    }
}

/// Writes the notices that events appended to an application give (see [`notice_of_event`]),
/// inside the events' transaction; `first_seq` is the first event's number. One notice per kind,
/// however many events of that kind were written together.
pub(crate) async fn enqueue_for_events(tx: &mut sqlx::AnyConnection, application_id: &str, first_seq: i64, events: &[serde_json::Value], now: Millis) -> Result<usize> {
    let mut seen = Vec::new();
    let mut written = 0;
    for (i, event) in events.iter().enumerate() {
        if let Some(kind) = notice_of_event(event).filter(|k| !seen.contains(k)) {
            seen.push(kind);
            written += enqueue(tx, application_id, kind, &format!("hendelse:{}", first_seq + i as i64), now).await?;
        }
    }
    Ok(written)
}

impl Store {
    /// The person's notification choices, if they made any.
    pub async fn contact_choices(&self, fnr: &Fodselsnummer) -> Result<Option<Choices>> {
        let row =
            sqlx::query("SELECT email, phone, email_on, sms_on, off FROM contact_preferences WHERE fnr = $1").bind(fnr.as_str()).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| choices_from_row(&r)).transpose()
    }

    /// Stores the person's notification choices (checked by the caller).
    pub async fn set_contact_choices(&self, fnr: &Fodselsnummer, choices: &Choices, now: Millis) -> Result<()> {
        self.write_one(
            sqlx::query(
                "INSERT INTO contact_preferences (fnr, email, phone, email_on, sms_on, off, updated_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (fnr) DO UPDATE SET email = $2, phone = $3, email_on = $4, sms_on = $5, off = $6, updated_ms = $7",
            )
            .bind(fnr.as_str())
            .bind(choices.email.as_deref())
            .bind(choices.phone.as_deref())
            .bind(i64::from(choices.email_on))
            .bind(i64::from(choices.sms_on))
            .bind(off_codes(&choices.off))
            .bind(now),
        )
        .await?;
        Ok(())
    }

    /// Writes notices of `kind` on application `application_id` in a transaction of their own, for
    /// what has no transaction to ride in (a deadline coming up, found by the worker). See [`enqueue`].
    pub async fn enqueue_notice(&self, application_id: &str, kind: NoticeKind, event: &str, now: Millis) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        let n = enqueue(&mut tx, application_id, kind, event, now).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Claims up to `limit` notices that are due, for `worker` (a name unique to this process),
    /// until `now + LEASE_MS`. First, notices whose lease ran out while being sent become uncertain:
    /// the process that claimed them may have sent them before it died, so they are not sent again.
    pub async fn claim_notices(&self, worker: &str, limit: i64, now: Millis) -> Result<Vec<DueNotice>> {
        let mut tx = self.begin_write().await?;
        let lost =
            sqlx::query("UPDATE notifications SET state = 'uncertain', lease_owner = NULL WHERE state = 'sending' AND lease_until_ms < $1").bind(now).execute(&mut *tx).await?;
        if lost.rows_affected() > 0 {
            tracing::warn!(count = lost.rows_affected(), "notices left half-sent by a stopped process are not sent again (state uncertain)");
        }
        let lock = match self.backend {
            crate::Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            crate::Backend::Sqlite => "",
        };
        let rows = sqlx::query(&format!(
            "SELECT id, key, kind, channel, address, language, attempts, plain FROM notifications WHERE state = 'pending' AND due_ms <= $1 ORDER BY due_ms, id LIMIT $2{lock}"
        ))
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let mut claimed = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: String = r.try_get("id")?;
            sqlx::query("UPDATE notifications SET state = 'sending', lease_owner = $2, lease_until_ms = $3, attempts = attempts + 1 WHERE id = $1 AND state = 'pending'")
                .bind(&id)
                .bind(worker)
                .bind(now + LEASE_MS)
                .execute(&mut *tx)
                .await?;
            let (kind, channel): (String, String) = (r.try_get("kind")?, r.try_get("channel")?);
            claimed.push(DueNotice {
                id,
                key: r.try_get("key")?,
                kind: NoticeKind::from_code(&kind).ok_or_else(|| StoreError::Corrupt(format!("notifications.kind {kind}")))?,
                channel: Channel::from_code(&channel).ok_or_else(|| StoreError::Corrupt(format!("notifications.channel {channel}")))?,
                address: r.try_get("address")?,
                language: r.try_get("language")?,
                attempt: u32::try_from(r.try_get::<i64, _>("attempts")? + 1).unwrap_or(u32::MAX),
                plain: r.try_get::<i64, _>("plain")? != 0,
            });
        }
        tx.commit().await?;
        Ok(claimed)
    }

    /// The notice was handed to the mail server or SMS gateway.
    pub async fn notice_sent(&self, id: &str, worker: &str, now: Millis) -> Result<()> {
        self.write_one(
            sqlx::query("UPDATE notifications SET state = 'sent', sent_ms = $3, lease_owner = NULL, last_error = NULL WHERE id = $1 AND lease_owner = $2 AND state = 'sending'")
                .bind(id)
                .bind(worker)
                .bind(now),
        )
        .await?;
        Ok(())
    }

    /// The notice was refused before anything was handed over (no connection, a temporary error):
    /// tried again after a pause that grows, or given up after the last attempt. `error` is for the
    /// operator and must not hold the address or any content.
    pub async fn notice_failed(&self, notice: &DueNotice, worker: &str, error: &str, now: Millis) -> Result<()> {
        let last = notice.attempt >= MAX_ATTEMPTS;
        self.write_one(
            sqlx::query("UPDATE notifications SET state = $3, due_ms = $4, lease_owner = NULL, last_error = $5 WHERE id = $1 AND lease_owner = $2 AND state = 'sending'")
                .bind(&notice.id)
                .bind(worker)
                .bind(if last { "failed" } else { "pending" })
                .bind(now + backoff_seconds(notice.attempt) * 1000)
                .bind(error.chars().take(500).collect::<String>()),
        )
        .await?;
        if last {
            tracing::error!(notice = %notice.key, attempts = notice.attempt, "a notice could not be delivered and was given up");
        }
        Ok(())
    }

    /// Open cases with an unanswered request for documents whose deadline falls after `from` and
    /// no later than `to`, as (application id, deadline).
    pub async fn deadlines_between(&self, from: Millis, to: Millis) -> Result<Vec<(String, Millis)>> {
        let rows =
            sqlx::query("SELECT application_id, next_deadline_ms FROM case_status WHERE next_deadline_ms > $1 AND next_deadline_ms <= $2 AND is_open = 1 AND open_requests > 0")
                .bind(from)
                .bind(to)
                .fetch_all(&mut *self.read().await?)
                .await?;
        rows.iter().map(|r| Ok((r.try_get("application_id")?, r.try_get("next_deadline_ms")?))).collect()
    }

    /// The notices of an application (for tests and the operator), oldest first.
    pub async fn notices_of(&self, application_id: &str) -> Result<Vec<NoticeRow>> {
        let rows = sqlx::query("SELECT key, kind, channel, address, state, attempts FROM notifications WHERE application_id = $1 ORDER BY created_ms, key")
            .bind(application_id)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(NoticeRow {
                    key: r.try_get("key")?,
                    kind: r.try_get("kind")?,
                    channel: r.try_get("channel")?,
                    address: r.try_get("address")?,
                    state: r.try_get("state")?,
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect()
    }
}
