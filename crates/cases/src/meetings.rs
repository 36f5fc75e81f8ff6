//! Meetings between a person and the office (rules in [`velferd_domain::meetings`]): a caseworker
//! books, moves or cancels one from the case; the person sees it on their page with a calendar file
//! (.ics, RFC 5545) and can ask to move it in their own words, which also reaches the office as a
//! message waiting for an answer.

use icalendar::{Calendar, Component, Event, EventLike};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::meetings::{check_meeting, MeetingForm};
use velferd_domain::office::Refusal;
use velferd_domain::staff::StaffUser;
use velferd_domain::Millis;
use velferd_store::{Booked, MeetingRow, NewMeeting, OfficeCase, Outcome, StoredApplication};

use crate::dialogue::MessageForm;
use crate::office::staff_entry;
use crate::{CaseError, Cases, Result};

fn refused(booked: Booked) -> CaseError {
    match booked {
        Booked::CaseworkerTaken => CaseError::Invalid(vec![Refusal { key: "error-meeting-caseworker-taken", field: "tid" }]),
        Booked::RoomTaken => CaseError::Invalid(vec![Refusal { key: "error-meeting-room-taken", field: "rom" }]),
        Booked::Conflict => CaseError::Conflict,
        Booked::Done(_) => CaseError::Internal("a booking that was done was treated as refused".into()),
    }
}

impl Cases {
    /// The meetings on a case of the staff member's office, logged as `read-meetings`.
    pub async fn office_meetings(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<(OfficeCase, Vec<MeetingRow>)> {
        let case = self.open_case(staff, "read-meetings", id, now).await?;
        let meetings = self.store.meetings_of(id).await?;
        Ok((case, meetings))
    }

    /// Books a meeting on a case of the staff member's office, with them as the caseworker.
    /// Errors: `Invalid` with each field's fault, or when the caseworker or the room is already
    /// booked then (`error-meeting-caseworker-taken`, `error-meeting-room-taken`); nothing is
    /// written then.
    pub async fn book_meeting(&self, staff: &StaffUser, id: &str, form: &MeetingForm, now: Millis) -> Result<String> {
        let (_, case) = self.find_case(staff, "book-meeting", id, now).await?;
        let m = check_meeting(form, now).map_err(CaseError::Invalid)?;
        let new = NewMeeting {
            application_id: id,
            enhetsnummer: &case.application.enhetsnummer,
            caseworker: &staff.subject,
            caseworker_name: &staff.name,
            room: m.room.as_deref(),
            kind: m.kind.code(),
            place: &m.place,
            start_ms: m.start_ms,
            end_ms: m.end_ms,
        };
        let entry = staff_entry(staff, "book-meeting", Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit);
        match self.store.book_meeting(&new, &entry, now).await? {
            Booked::Done(meeting) => Ok(meeting),
            other => Err(refused(other)),
        }
    }

    /// Moves meeting `meeting` (as it was at `version`) to the time and place in `form`.
    pub async fn move_meeting(&self, staff: &StaffUser, id: &str, meeting: &str, version: i64, form: &MeetingForm, now: Millis) -> Result<()> {
        let (_, case) = self.find_case(staff, "move-meeting", id, now).await?;
        let m = check_meeting(form, now).map_err(CaseError::Invalid)?;
        let current = self.store.meeting(id, meeting).await?.ok_or(CaseError::NotFound)?;
        let to = NewMeeting {
            application_id: id,
            enhetsnummer: &case.application.enhetsnummer,
            caseworker: &current.caseworker,
            caseworker_name: &current.caseworker_name,
            room: m.room.as_deref(),
            kind: m.kind.code(),
            place: &m.place,
            start_ms: m.start_ms,
            end_ms: m.end_ms,
        };
        let entry = staff_entry(staff, "move-meeting", Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit);
        match self.store.move_meeting(meeting, version, &to, &entry, now).await? {
            Booked::Done(_) => Ok(()),
            other => Err(refused(other)),
        }
    }

    /// Cancels meeting `meeting` (as it was at `version`); the person is told.
    pub async fn cancel_meeting(&self, staff: &StaffUser, id: &str, meeting: &str, version: i64, now: Millis) -> Result<()> {
        let (_, case) = self.find_case(staff, "cancel-meeting", id, now).await?;
        let entry = staff_entry(staff, "cancel-meeting", Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit);
        match self.store.cancel_meeting(meeting, id, version, &entry, now).await? {
            Booked::Done(_) => Ok(()),
            other => Err(refused(other)),
        }
    }

    /// The meetings on the person's own application (the caller found it as theirs).
    pub async fn meetings(&self, sent: &StoredApplication) -> Result<Vec<MeetingRow>> {
        Ok(self.store.meetings_of(&sent.id).await?)
    }

    /// The person asks to move a booked meeting, in their own words: kept on the meeting, and sent
    /// to the office as a message (so it waits for an answer there). Errors as for a message.
    pub async fn ask_to_move_meeting(&self, sent: &StoredApplication, owner: &Fodselsnummer, meeting: &str, form: &MessageForm, now: Millis) -> Result<()> {
        let found = self.store.meeting(&sent.id, meeting).await?.filter(|m| m.state == "booked").ok_or(CaseError::NotFound)?;
        self.write_to_office(sent, owner, form, now).await?;
        let words = velferd_domain::dialogue::check_message(&form.body).map_err(|r| CaseError::Invalid(vec![r]))?;
        self.store.ask_to_move_meeting(&found.id, &sent.id, &words, now).await?;
        Ok(())
    }

    /// The meeting as a calendar file (RFC 5545): one event, in UTC, with the office as organiser in
    /// words and the place; `title` and `description` in the person's language.
    pub fn meeting_ics(meeting: &MeetingRow, title: &str, description: &str) -> String {
        let start = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(meeting.start_ms) * 1_000_000).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        let end = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(meeting.end_ms) * 1_000_000).unwrap_or(start);
        let mut event = Event::new();
        event.uid(&format!("{}@velferd", meeting.id)).summary(title).description(description).starts(start).ends(end).sequence(u32::try_from(meeting.version).unwrap_or(0));
        if !meeting.place.is_empty() {
            event.location(&meeting.place);
        }
        if meeting.state == "cancelled" {
            event.status(icalendar::EventStatus::Cancelled);
        }
        let mut calendar = Calendar::new();
        calendar.push(event.done());
        calendar.done().to_string()
    }
}
