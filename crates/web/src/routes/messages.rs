//! The person's side of the conversation with the office, on their case page
//! (`/mine-soknader/{id}#meldinger`): the messages both ways, the promised answer date, and the
//! form. Writing posts to `/mine-soknader/{id}/meldinger`; a refused message comes back in its field
//! with the reason, nothing lost.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::dialogue::MessageForm;
use velferd_cases::CaseError;
use velferd_domain::kommune::Kommune;
use velferd_store::StoredApplication;

use super::cases::{case_page, Mode};
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{DialogueView, HelperForm, MessageLine};
use crate::session::{self, Citizen};
use crate::{fmt, now_ms, AppState};

/// The message form as the person last posted it, and what just happened.
#[derive(Debug, Clone, Default)]
pub(crate) struct MessagePosted {
    pub body: String,
    pub emergency: bool,
    /// Why it was refused, translated.
    pub error: Option<String>,
    /// A message was just sent (`?melding=sendt`), with the emergency box ticked (`&akutt=ja`).
    pub just_sent: bool,
    pub emergency_sent: bool,
    /// The case page's other confirmation: an appeal was just received (`?klage=mottatt`), late
    /// and without a reason for the delay (`&forsinkelse=ja`).
    pub appeal_received: bool,
    pub appeal_late_ask: bool,
}

/// The conversation section for the owner of `sent` (`owner_view`), or the empty section a helper
/// sees (helpers do not read the conversation: a power of attorney covers the case's progress, not
/// what the person tells the office).
pub(crate) async fn dialogue_view(
    app: &AppState,
    lang: Lang,
    sent: &StoredApplication,
    citizen: &Citizen,
    kommune: &Kommune,
    posted: &MessagePosted,
    owner_view: bool,
) -> Result<DialogueView, AppError> {
    if !owner_view {
        return Ok(DialogueView::default());
    }
    let now = now_ms();
    let conversation = app.cases.conversation(sent, &citizen.fnr, now).await?;
    let messages = conversation
        .messages
        .iter()
        .map(|m| MessageLine {
            who: if m.from_office {
                lang.t_args("message-from-office", &[("name", m.author_name.clone()), ("office", kommune.kontor.navn.clone())])
            } else {
                lang.t("message-from-you")
            },
            when: fmt::date_time(m.created_ms),
            body: m.body.clone(),
            from_office: m.from_office,
            emergency: m.emergency,
        })
        .collect();
    let promise = conversation.waiting.map(|w| lang.t_args("message-answer-by", &[("date", fmt::norwegian_date(&w.answer_by.to_string()))])).unwrap_or_default();
    let phone = [("office", kommune.kontor.navn.clone()), ("phone", kommune.kontor.telefon.clone())];
    Ok(DialogueView {
        action: format!("/mine-soknader/{}/meldinger", sent.id),
        messages,
        promise,
        sent: posted.just_sent,
        call_now: if posted.emergency_sent { lang.t_args("message-call-now", &phone) } else { String::new() },
        open: conversation.open,
        closed_text: lang.t_args("message-case-closed", &phone),
        body: posted.body.clone(),
        emergency: posted.emergency,
        token: velferd_store::new_id(),
        error: posted.error.clone(),
    })
}

/// `POST /mine-soknader/{id}/meldinger`: the person writes to the office.
pub async fn write(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let message = MessageForm {
        body: form.get("melding").unwrap_or_default().to_owned(),
        emergency: form.get("akutt") == Some("ja"),
        token: form.get("skjema").unwrap_or_default().to_owned(),
    };
    match app.cases.write_to_office(&sent, &citizen.fnr, &message, now_ms()).await {
        Ok(written) => {
            let emergency = if written.emergency { "&akutt=ja" } else { "" };
            Ok(Redirect::to(&format!("/mine-soknader/{id}?melding=sendt{emergency}#meldinger")).into_response())
        }
        Err(CaseError::Invalid(refused)) => {
            let posted = MessagePosted {
                body: velferd_domain::text::shown_again(&message.body),
                emergency: message.emergency,
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
