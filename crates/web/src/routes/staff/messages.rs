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
use crate::form::FormWithFiles;
use crate::i18n::Lang;
use crate::pages::staff::{ConversationPage, MessagesPage, WaitingRow};
use crate::pages::{render, MessageLine};
use crate::routes::cases::office_name;
use crate::routes::context;
use crate::routes::messages::{attachment_link, chosen_files, file_refusal};
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
    Ok(render(&page(&app, lang, &session, &case, &conversation, Form { sent, ..Form::default() }).await?))
}

/// `POST /ansatt/saker/{id}/meldinger`: the caseworker answers, with files or without.
pub async fn answer(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, posted: FormWithFiles) -> Result<Response, AppError> {
    let form = &posted.form;
    session::verify_csrf(&session, form).await?;
    let message = MessageForm {
        body: form.get("melding").unwrap_or_default().to_owned(),
        emergency: false,
        token: form.get("skjema").unwrap_or_default().to_owned(),
        files: chosen_files(&posted),
        limits: app.config.uploads.conversion(),
    };
    let now = now_ms();
    let (error, file_error) = if posted.interrupted {
        (None, Some(lang.t("upload-error-interrupted")))
    } else {
        match app.cases.answer_message(&staff, &id, &message, now).await {
            Ok(()) => return Ok(Redirect::to(&format!("/ansatt/saker/{id}/meldinger?svar=sendt")).into_response()),
            Err(CaseError::Invalid(refused)) => (refused.first().map(|r| lang.t_args(r.key, &[("max", MAX_MESSAGE.to_string())])), None),
            Err(CaseError::File { file, code }) => (None, Some(file_refusal(&app, lang, &file, code))),
            Err(e) => return Err(e.into()),
        }
    };
    let (case, conversation) = app.cases.office_conversation(&staff, &id, now).await?;
    let shown = Form { body: velferd_domain::text::shown_again(&message.body), error, file_error, sent: false };
    let mut response = render(&page(&app, lang, &session, &case, &conversation, shown).await?);
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// `GET /ansatt/saker/{id}/meldinger/vedlegg/{sha256}.pdf`: the files sent with a message, as one
/// PDF, logged as `read-file`.
pub async fn attachment(State(app): State<AppState>, staff: Staff, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let (case, bytes) = app.cases.staff_attachment(&staff, &id, file.strip_suffix(".pdf").unwrap_or(&file), now_ms()).await?;
    Ok(super::pdf_response(bytes, &format!("vedlegg-{}.pdf", case.application.reference)))
}

/// The answer form as it comes back: what was typed, why it was refused, or that it was sent.
#[derive(Default)]
struct Form {
    body: String,
    error: Option<String>,
    file_error: Option<String>,
    sent: bool,
}

async fn page(app: &AppState, lang: Lang, session: &Session, case: &OfficeCase, conversation: &Conversation, form: Form) -> Result<ConversationPage, AppError> {
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
            attachment: attachment_link(lang, m, &format!("/ansatt/saker/{id}/meldinger/vedlegg")),
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
        body: form.body,
        token: velferd_store::new_id(),
        error: form.error,
        file_error: form.file_error,
        max_files: velferd_domain::dialogue::MAX_MESSAGE_FILES,
        sent: form.sent,
    })
}
