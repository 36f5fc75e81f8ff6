//! The person's side of meetings with the office (`velferd_cases::meetings`): the meetings on their
//! case page, each as a calendar file, and asking to move one in their own words
//! (`/mine-soknader/{id}/moter/{meeting}/flytt`), which reaches the office as a message too.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::dialogue::MessageForm;
use velferd_cases::CaseError;
use velferd_store::StoredApplication;

use super::cases::{case_page, Mode};
use super::messages::MessagePosted;
use super::staff::meetings::{how_text, when_text};
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{CitizenMeeting, HelperForm};
use crate::session::{self, Citizen};
use crate::{now_ms, AppState};

/// The meetings on the owner's case page.
pub(crate) async fn citizen_meetings(app: &AppState, lang: Lang, sent: &StoredApplication) -> Result<Vec<CitizenMeeting>, AppError> {
    let now = now_ms();
    Ok(app
        .cases
        .meetings(sent)
        .await?
        .iter()
        .map(|m| {
            let open = m.state == "booked" && m.end_ms > now;
            CitizenMeeting {
                when: when_text(lang, m.start_ms, m.end_ms),
                how: how_text(lang, m),
                with: m.caseworker_name.clone(),
                ics_href: format!("/mine-soknader/{}/moter/{}.ics", sent.id, m.id),
                move_action: if open { format!("/mine-soknader/{}/moter/{}/flytt", sent.id, m.id) } else { String::new() },
                cancelled: m.state == "cancelled",
                move_asked: m.move_asked.is_some(),
            }
        })
        .collect())
}

/// `GET /mine-soknader/{id}/moter/{meeting}.ics`: the meeting as a calendar file.
pub async fn ics(State(app): State<AppState>, lang: Lang, citizen: Citizen, Path((id, meeting)): Path<(String, String)>) -> Result<Response, AppError> {
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let meeting_id = meeting.strip_suffix(".ics").unwrap_or(&meeting);
    let m = app.cases.meetings(&sent).await?.into_iter().find(|m| m.id == meeting_id).ok_or(AppError::NotFound)?;
    let office = super::cases::office_name(&app, lang, &m.enhetsnummer);
    let title = lang.t_args("meeting-ics-title", &[("office", office)]);
    let description = lang.t_args("meeting-ics-description", &[("how", how_text(lang, &m)), ("name", m.caseworker_name.clone())]);
    let body = velferd_cases::Cases::meeting_ics(&m, &title, &description);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"avtale.ics\"".to_owned()),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response())
}

/// `POST /mine-soknader/{id}/moter/{meeting}/flytt`: the person asks to move a meeting.
pub async fn ask_to_move(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    citizen: Citizen,
    Path((id, meeting)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let message = MessageForm {
        body: form.get("melding").unwrap_or_default().to_owned(),
        emergency: false,
        token: form.get("skjema").unwrap_or_default().to_owned(),
        ..MessageForm::default()
    };
    match app.cases.ask_to_move_meeting(&sent, &citizen.fnr, &meeting, &message, now_ms()).await {
        Ok(()) => Ok(Redirect::to(&format!("/mine-soknader/{id}?melding=sendt#meldinger")).into_response()),
        Err(CaseError::Invalid(refused)) => {
            // The request comes back in the conversation's field, where the reason is shown.
            let posted = MessagePosted {
                body: velferd_domain::text::shown_again(&message.body),
                error: refused.first().map(|r| lang.t_args(r.key, &[("max", velferd_domain::dialogue::MAX_MESSAGE.to_string())])),
                ..MessagePosted::default()
            };
            let mut response = case_page(&app, lang, &session, &sent, &citizen, &Mode::Owner(HelperForm::default(), posted)).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}
