//! `/ansatt/saker/{id}/moter`: the case's meetings and booking one (`velferd_cases::meetings`). A
//! caseworker or a room already booked then is refused next to the time or room field with what was
//! typed kept; cancelling tells the person.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::CaseError;
use velferd_domain::meetings::{MeetingForm, MeetingKind};
use velferd_store::{MeetingRow, OfficeCase};

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::render;
use crate::pages::staff::{Choice, MeetingLine, MeetingsPage};
use crate::routes::context;
use crate::session::{self, Staff};
use crate::{fmt, now_ms, AppState};

#[derive(serde::Deserialize, Default)]
pub struct Done {
    gjort: Option<String>,
}

/// "onsdag 02.12.2026 09.30–10.15" in the reader's language.
pub(crate) fn when_text(lang: Lang, start_ms: i64, end_ms: i64) -> String {
    let (start, end) = (fmt::oslo(start_ms), fmt::oslo(end_ms));
    let weekday = lang.t(&format!("weekday-{}", start.weekday().number_from_monday()));
    format!("{weekday} {} {:02}.{:02}–{:02}.{:02}", fmt::date(start_ms), start.hour(), start.minute(), end.hour(), end.minute())
}

/// "Oppmøte, Sørkedalsveien 6 (rom Fjorden)" in the reader's language.
pub(crate) fn how_text(lang: Lang, m: &MeetingRow) -> String {
    let kind = lang.t(&format!("meeting-kind-{}", m.kind));
    let mut out = if m.place.is_empty() { kind } else { format!("{kind}, {}", m.place) };
    if let Some(room) = &m.room {
        // "Rom 2" is shown as typed, not as "rom Rom 2".
        let named = ["rom", "room", "møterom", "meeting room"].iter().any(|w| room.to_lowercase().starts_with(w));
        let text = if named { room.clone() } else { lang.t_args("meeting-room", &[("room", room.clone())]) };
        out.push_str(&format!(" ({text})"));
    }
    out
}

#[allow(clippy::too_many_arguments)]
async fn page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    case: &OfficeCase,
    meetings: &[MeetingRow],
    form: MeetingForm,
    errors: Vec<(String, String)>,
    done: Option<String>,
    conflict: bool,
) -> Result<Response, AppError> {
    let id = &case.application.id;
    let name = app.store.person(&case.owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
    let lines = meetings
        .iter()
        .map(|m| MeetingLine {
            id: m.id.clone(),
            version: m.version,
            when: when_text(lang, m.start_ms, m.end_ms),
            how: how_text(lang, m),
            caseworker: m.caseworker_name.clone(),
            cancelled: m.state == "cancelled",
            move_asked: m.move_asked.as_ref().map(|(at, text)| lang.t_args("staff-meeting-move-asked", &[("date", fmt::date_time(*at)), ("text", text.clone())])),
        })
        .collect();
    let kinds =
        MeetingKind::ALL.into_iter().map(|k| Choice { value: k.code().to_owned(), label: lang.t(&format!("meeting-kind-{}", k.code())), checked: form.kind == k.code() }).collect();
    let refused = !errors.is_empty();
    let today = fmt::oslo(now_ms());
    let view = MeetingsPage {
        ctx: context(app, lang, &format!("/ansatt/saker/{id}/moter"), session).await?,
        reference: case.application.reference.clone(),
        name,
        case_href: format!("/ansatt/saker/{id}"),
        action: format!("/ansatt/saker/{id}/moter"),
        meetings: lines,
        kinds,
        form,
        errors,
        today: format!("{}-{:02}-{:02}", today.year(), u8::from(today.month()), today.day()),
        done,
        conflict,
    };
    let mut response = render(&view);
    if refused {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    } else if conflict {
        *response.status_mut() = StatusCode::CONFLICT;
    }
    Ok(response)
}

/// `GET /ansatt/saker/{id}/moter`.
pub async fn show(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, Query(done): Query<Done>) -> Result<Response, AppError> {
    let (case, meetings) = app.cases.office_meetings(&staff, &id, now_ms()).await?;
    let done = done.gjort.and_then(|a| lang.try_t(&format!("staff-meeting-done-{a}")));
    let form = MeetingForm {
        minutes: "45".into(),
        kind: MeetingKind::InPerson.code().into(),
        place: app.kommuner.kontor(&case.application.enhetsnummer).map(|k| k.besoksadresse.clone()).unwrap_or_default(),
        ..MeetingForm::default()
    };
    page(&app, lang, &session, &case, &meetings, form, vec![], done, false).await
}

/// `POST /ansatt/saker/{id}/moter`: `handling` = `book` (with the form) or `avlys` (with `mote`
/// and `versjon`).
pub async fn act(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let now = now_ms();
    let posted = MeetingForm {
        date: form.get("dato").unwrap_or_default().to_owned(),
        time: form.get("tid").unwrap_or_default().to_owned(),
        minutes: form.get("minutter").unwrap_or_default().to_owned(),
        kind: form.get("type").unwrap_or_default().to_owned(),
        place: form.get("sted").unwrap_or_default().to_owned(),
        room: form.get("rom").unwrap_or_default().to_owned(),
    };
    let result = match form.get("handling") {
        Some("avlys") => {
            let version = form.get("versjon").and_then(|v| v.parse().ok()).unwrap_or(-1);
            app.cases.cancel_meeting(&staff, &id, form.get("mote").unwrap_or_default(), version, now).await.map(|()| "avlyst")
        }
        _ => app.cases.book_meeting(&staff, &id, &posted, now).await.map(|_| "booket"),
    };
    match result {
        Ok(done) => Ok(Redirect::to(&format!("/ansatt/saker/{id}/moter?gjort={done}")).into_response()),
        Err(CaseError::Invalid(refused)) => {
            let (case, meetings) = app.cases.office_meetings(&staff, &id, now).await?;
            let errors = refused.iter().map(|r| (r.field.to_owned(), lang.t(r.key))).collect();
            let shown = MeetingForm {
                place: velferd_domain::text::display_name(&posted.place, 200),
                room: velferd_domain::text::display_name(&posted.room, 60),
                date: velferd_domain::text::display_name(&posted.date, 20),
                time: velferd_domain::text::display_name(&posted.time, 10),
                minutes: velferd_domain::text::display_name(&posted.minutes, 10),
                kind: posted.kind.clone(),
            };
            page(&app, lang, &session, &case, &meetings, shown, errors, None, false).await
        }
        Err(CaseError::Conflict) => {
            let (case, meetings) = app.cases.office_meetings(&staff, &id, now).await?;
            page(&app, lang, &session, &case, &meetings, posted, vec![], None, true).await
        }
        Err(e) => Err(e.into()),
    }
}
