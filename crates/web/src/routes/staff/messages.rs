//! The office's side of the conversations (`velferd_cases::dialogue`): `/ansatt/meldinger` lists
//! what waits for an answer (emergencies first, then the longest waiting, with the promised date and
//! what is overdue); `/ansatt/saker/{id}/meldinger` shows one case's conversation with the answer
//! form. An answer is signed with the caseworker's name and office.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::dialogue::{Conversation, MessageForm};
use velferd_cases::CaseError;
use velferd_domain::dialogue::{Waiting, MAX_MESSAGE};
use velferd_store::OfficeCase;

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::staff::{ConversationPage, MessagesPage, WaitingRow};
use crate::pages::{render, MessageLine};
use crate::routes::cases::office_name;
use crate::routes::context;
use crate::session::{self, Staff};
use crate::{fmt, now_ms, AppState};

/// "Answer by 02.12.2026" or "Overdue: answer was due 02.12.2026".
fn answer_by_text(lang: Lang, w: &Waiting) -> String {
    let date = fmt::norwegian_date(&w.answer_by.to_string());
    if w.overdue {
        lang.t_args("staff-messages-overdue", &[("date", date)])
    } else {
        lang.t_args("staff-messages-answer-by", &[("date", date)])
    }
}

/// `GET /ansatt/meldinger`.
pub async fn list(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff) -> Result<Response, AppError> {
    let items = app.cases.waiting_messages(&staff, now_ms()).await?;
    let rows = items
        .iter()
        .map(|item| {
            let c = &item.conversation;
            WaitingRow {
                href: format!("/ansatt/saker/{}/meldinger", c.application_id),
                reference: c.reference.clone(),
                name: c.name.clone(),
                since: lang.t_args("staff-messages-since", &[("date", fmt::date_time(c.waiting_since_ms)), ("days", item.waiting.working_days.to_string())]),
                answer_by: answer_by_text(lang, &item.waiting),
                overdue: item.waiting.overdue,
                emergency: c.emergency,
            }
        })
        .collect();
    let page = MessagesPage { ctx: context(&app, lang, "/ansatt/meldinger", &session).await?, office: office_name(&app, lang, &staff.office), rows };
    Ok(render(&page))
}

/// `?svar=sendt`: an answer was just sent.
#[derive(serde::Deserialize, Default)]
pub struct Shown {
    svar: Option<String>,
}

/// `GET /ansatt/saker/{id}/meldinger`.
pub async fn conversation(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    staff: Staff,
    Path(id): Path<String>,
    Query(shown): Query<Shown>,
) -> Result<Response, AppError> {
    let (case, conversation) = app.cases.office_conversation(&staff, &id, now_ms()).await?;
    let sent = shown.svar.as_deref() == Some("sendt");
    Ok(render(&page(&app, lang, &session, &case, &conversation, String::new(), None, sent).await?))
}

/// `POST /ansatt/saker/{id}/meldinger`: the caseworker answers.
pub async fn answer(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let message = MessageForm { body: form.get("melding").unwrap_or_default().to_owned(), emergency: false, token: form.get("skjema").unwrap_or_default().to_owned() };
    let now = now_ms();
    match app.cases.answer_message(&staff, &id, &message, now).await {
        Ok(()) => Ok(Redirect::to(&format!("/ansatt/saker/{id}/meldinger?svar=sendt")).into_response()),
        Err(CaseError::Invalid(refused)) => {
            let (case, conversation) = app.cases.office_conversation(&staff, &id, now).await?;
            let error = refused.first().map(|r| lang.t_args(r.key, &[("max", MAX_MESSAGE.to_string())]));
            let mut response = render(&page(&app, lang, &session, &case, &conversation, velferd_domain::text::shown_again(&message.body), error, false).await?);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

#[allow(clippy::too_many_arguments)]
async fn page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    case: &OfficeCase,
    conversation: &Conversation,
    body: String,
    error: Option<String>,
    sent: bool,
) -> Result<ConversationPage, AppError> {
    let id = &case.application.id;
    let office = office_name(app, lang, &case.application.enhetsnummer);
    let name = app.store.person(&case.owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
    let messages = conversation
        .messages
        .iter()
        .map(|m| MessageLine {
            who: if m.from_office { lang.t_args("message-from-office", &[("name", m.author_name.clone()), ("office", office.clone())]) } else { m.author_name.clone() },
            when: fmt::date_time(m.created_ms),
            body: m.body.clone(),
            from_office: m.from_office,
            emergency: m.emergency,
        })
        .collect();
    let waiting = conversation.waiting.map(|w| answer_by_text(lang, &w)).unwrap_or_default();
    Ok(ConversationPage {
        ctx: context(app, lang, &format!("/ansatt/saker/{id}/meldinger"), session).await?,
        reference: case.application.reference.clone(),
        name,
        case_href: format!("/ansatt/saker/{id}"),
        action: format!("/ansatt/saker/{id}/meldinger"),
        messages,
        overdue: conversation.waiting.is_some_and(|w| w.overdue),
        waiting,
        body,
        token: velferd_store::new_id(),
        error,
        sent,
    })
}
