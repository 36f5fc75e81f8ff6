//! Meetings between a person and the office (rules in `velferd_domain::meetings`). Booking, moving
//! and cancelling each write the meeting, its quarter-hour rows in `meeting_slots` (whose primary
//! key refuses a second booking of a caseworker or a room, also when two requests race), the
//! person's notice and the audit entry in one transaction.

use sqlx::Row;
use velferd_domain::meetings::slots;
use velferd_domain::notices::NoticeKind;
use velferd_domain::Millis;

use crate::{audit, new_id, AuditEntry, Result, Store};

/// A meeting as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: String,
    pub application_id: String,
    pub enhetsnummer: String,
    /// The caseworker's subject, and name as the person sees it.
    pub caseworker: String,
    pub caseworker_name: String,
    pub room: Option<String>,
    /// `oppmote`, `telefon` or `video` (`velferd_domain::meetings::MeetingKind::code`).
    pub kind: String,
    /// Address, link or words for a phone meeting.
    pub place: String,
    pub start_ms: Millis,
    pub end_ms: Millis,
    /// `booked` or `cancelled`.
    pub state: String,
    /// When the person asked to move it, and their words.
    pub move_asked: Option<(Millis, String)>,
    pub version: i64,
}

/// What to book (the caller has checked it with `check_meeting`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting<'a> {
    pub application_id: &'a str,
    pub enhetsnummer: &'a str,
    pub caseworker: &'a str,
    pub caseworker_name: &'a str,
    pub room: Option<&'a str>,
    pub kind: &'a str,
    pub place: &'a str,
    pub start_ms: Millis,
    pub end_ms: Millis,
}

/// How a booking went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Booked {
    /// Written; the meeting's id.
    Done(String),
    /// The caseworker already has a meeting then; nothing was written.
    CaseworkerTaken,
    /// The room is taken then; nothing was written.
    RoomTaken,
    /// The meeting changed since the page was drawn, or is cancelled; nothing was written.
    Conflict,
}

const COLUMNS: &str = "id, application_id, enhetsnummer, caseworker, caseworker_name, room, kind, place, start_ms, end_ms, state, move_asked_ms, move_asked_text, version";

fn meeting_from_row(r: &sqlx::any::AnyRow) -> Result<MeetingRow> {
    let asked: Option<i64> = r.try_get("move_asked_ms")?;
    let asked_text: Option<String> = r.try_get("move_asked_text")?;
    Ok(MeetingRow {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        enhetsnummer: r.try_get("enhetsnummer")?,
        caseworker: r.try_get("caseworker")?,
        caseworker_name: r.try_get("caseworker_name")?,
        room: r.try_get("room")?,
        kind: r.try_get("kind")?,
        place: r.try_get("place")?,
        start_ms: r.try_get("start_ms")?,
        end_ms: r.try_get("end_ms")?,
        state: r.try_get("state")?,
        move_asked: asked.map(|at| (at, asked_text.unwrap_or_default())),
        version: r.try_get("version")?,
    })
}

/// Holds the quarter hours of meeting `id` for its caseworker and room, inside `tx`. `Some` with
/// what is taken when a quarter is already held (the caller rolls back).
async fn hold_slots(tx: &mut sqlx::AnyConnection, id: &str, m: &NewMeeting<'_>) -> Result<Option<Booked>> {
    let staff = format!("staff:{}", m.caseworker);
    let room = m.room.map(|r| format!("room:{}:{}", m.enhetsnummer, r.to_lowercase()));
    for slot in slots(m.start_ms, m.end_ms) {
        for (resource, taken) in [(Some(&staff), Booked::CaseworkerTaken), (room.as_ref(), Booked::RoomTaken)] {
            let Some(resource) = resource else { continue };
            let done = sqlx::query("INSERT INTO meeting_slots (resource, slot_ms, meeting_id) VALUES ($1, $2, $3) ON CONFLICT (resource, slot_ms) DO NOTHING")
                .bind(resource)
                .bind(slot)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() != 1 {
                return Ok(Some(taken));
            }
        }
    }
    Ok(None)
}

impl Store {
    /// Books a meeting, tells the person (a notice) and writes the audit entry, in one transaction.
    pub async fn book_meeting(&self, m: &NewMeeting<'_>, entry: &AuditEntry, now: Millis) -> Result<Booked> {
        let id = new_id();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO meetings (id, application_id, enhetsnummer, caseworker, caseworker_name, room, kind, place, start_ms, end_ms, state, version, created_ms, updated_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'booked', 1, $11, $11)",
        )
        .bind(&id)
        .bind(m.application_id)
        .bind(m.enhetsnummer)
        .bind(m.caseworker)
        .bind(m.caseworker_name)
        .bind(m.room)
        .bind(m.kind)
        .bind(m.place)
        .bind(m.start_ms)
        .bind(m.end_ms)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(taken) = hold_slots(&mut tx, &id, m).await? {
            tx.rollback().await?;
            return Ok(taken);
        }
        crate::notifications::enqueue(&mut tx, m.application_id, NoticeKind::Meeting, &format!("mote:{id}:1"), now).await?;
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(Booked::Done(id))
    }

    /// Moves meeting `id` of application `application_id` (at `version`, as the page showed it) to
    /// `to`: its quarter hours are given up and the new ones held in the same transaction.
    pub async fn move_meeting(&self, id: &str, version: i64, to: &NewMeeting<'_>, entry: &AuditEntry, now: Millis) -> Result<Booked> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE meetings SET caseworker = $4, caseworker_name = $5, room = $6, kind = $7, place = $8, start_ms = $9, end_ms = $10,
                 move_asked_ms = NULL, move_asked_text = NULL, version = version + 1, updated_ms = $11
             WHERE id = $1 AND application_id = $2 AND version = $3 AND state = 'booked'",
        )
        .bind(id)
        .bind(to.application_id)
        .bind(version)
        .bind(to.caseworker)
        .bind(to.caseworker_name)
        .bind(to.room)
        .bind(to.kind)
        .bind(to.place)
        .bind(to.start_ms)
        .bind(to.end_ms)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(Booked::Conflict);
        }
        sqlx::query("DELETE FROM meeting_slots WHERE meeting_id = $1").bind(id).execute(&mut *tx).await?;
        if let Some(taken) = hold_slots(&mut tx, id, to).await? {
            tx.rollback().await?;
            return Ok(taken);
        }
        crate::notifications::enqueue(&mut tx, to.application_id, NoticeKind::Meeting, &format!("mote:{id}:{}", version + 1), now).await?;
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(Booked::Done(id.to_owned()))
    }

    /// Cancels meeting `id` (at `version`): its quarter hours are free again and the person is told.
    pub async fn cancel_meeting(&self, id: &str, application_id: &str, version: i64, entry: &AuditEntry, now: Millis) -> Result<Booked> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE meetings SET state = 'cancelled', version = version + 1, updated_ms = $4 WHERE id = $1 AND application_id = $2 AND version = $3 AND state = 'booked'",
        )
        .bind(id)
        .bind(application_id)
        .bind(version)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(Booked::Conflict);
        }
        sqlx::query("DELETE FROM meeting_slots WHERE meeting_id = $1").bind(id).execute(&mut *tx).await?;
        crate::notifications::enqueue(&mut tx, application_id, NoticeKind::Meeting, &format!("mote:{id}:{}", version + 1), now).await?;
        audit::append(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(Booked::Done(id.to_owned()))
    }

    /// The person asks to move meeting `id` on their application, in their own words. False when
    /// there is no such booked meeting.
    pub async fn ask_to_move_meeting(&self, id: &str, application_id: &str, text: &str, now: Millis) -> Result<bool> {
        let done = self
            .write_one(
                sqlx::query("UPDATE meetings SET move_asked_ms = $3, move_asked_text = $4 WHERE id = $1 AND application_id = $2 AND state = 'booked'")
                    .bind(id)
                    .bind(application_id)
                    .bind(now)
                    .bind(text),
            )
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The meetings of an application, soonest first; cancelled ones too.
    pub async fn meetings_of(&self, application_id: &str) -> Result<Vec<MeetingRow>> {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM meetings WHERE application_id = $1 ORDER BY start_ms, id"))
            .bind(application_id)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(meeting_from_row).collect()
    }

    /// One meeting of an application.
    pub async fn meeting(&self, application_id: &str, id: &str) -> Result<Option<MeetingRow>> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM meetings WHERE application_id = $1 AND id = $2"))
            .bind(application_id)
            .bind(id)
            .fetch_optional(&mut *self.read().await?)
            .await?;
        row.map(|r| meeting_from_row(&r)).transpose()
    }

    /// Booked meetings that start after `from` and no later than `to` (for reminders).
    pub async fn meetings_starting(&self, from: Millis, to: Millis) -> Result<Vec<MeetingRow>> {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM meetings WHERE state = 'booked' AND start_ms > $1 AND start_ms <= $2 ORDER BY start_ms"))
            .bind(from)
            .bind(to)
            .fetch_all(&mut *self.read().await?)
            .await?;
        rows.iter().map(meeting_from_row).collect()
    }
}
