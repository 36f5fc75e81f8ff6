//! The office's side of the conversations (`velferd_cases::dialogue`): `/ansatt/meldinger` lists
//! what waits for an answer (emergencies first, then the longest waiting, with the promised date and
//! what is overdue); `/ansatt/saker/{id}/meldinger` shows one case's conversation with the answer
//! form, the office's reply templates to start from, and routing the conversation to a colleague.
//! An answer is signed with the caseworker's name and office. `/ansatt/svarmaler` is where the
//! office keeps its reply templates.

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
use crate::form::FormWithFiles;
use crate::i18n::Lang;
use crate::pages::staff::{Choice, ConversationPage, MessagesPage, TemplateLine, TemplatesPage, WaitingRow};
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
                routed: c.routed_to.as_ref().map(|(_, name)| lang.t_args("staff-routed-to", &[("name", name.clone())])).unwrap_or_default(),
                routed_to_me: c.routed_to.as_ref().is_some_and(|(subject, _)| *subject == staff.subject),
            }
        })
        .collect();
    let page = MessagesPage { ctx: context(&app, lang, "/ansatt/meldinger", &session).await?, office: office_name(&app, lang, &staff.office), rows };
    Ok(render(&page))
}

/// `?svar=sendt`: an answer was just sent; `?fordelt=ja`: the conversation was routed;
/// `?mal=<id>`: start the answer from this reply template.
#[derive(serde::Deserialize, Default)]
pub struct Shown {
    svar: Option<String>,
    fordelt: Option<String>,
    mal: Option<String>,
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
    let mut form = Form { sent, template: shown.mal.clone(), ..Form::default() };
    if shown.fordelt.as_deref() == Some("ja") {
        form.notice = Some(lang.t("staff-routed-done"));
    }
    // A template picked: its text fills the answer, to adapt before sending.
    if let Some(chosen) = shown.mal.as_deref().filter(|m| !m.is_empty()) {
        match app.cases.reply_templates(&staff, now_ms()).await?.into_iter().find(|t| t.id == chosen) {
            Some(t) => {
                form.body = t.body;
                form.notice = Some(lang.t_args("staff-template-used", &[("title", t.title)]));
            }
            None => return Err(AppError::NotFound),
        }
    }
    Ok(render(&page(&app, lang, &session, &staff, &case, &conversation, form).await?))
}

/// `POST /ansatt/saker/{id}/meldinger/fordel`: routes the conversation to a colleague (`til`: their
/// subject; empty gives it back to the whole office).
pub async fn route(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let to = form.get("til").filter(|t| !t.is_empty());
    let now = now_ms();
    match app.cases.route_conversation(&staff, &id, to, now).await {
        Ok(()) => Ok(Redirect::to(&format!("/ansatt/saker/{id}/meldinger?fordelt=ja")).into_response()),
        Err(CaseError::Invalid(refused)) => {
            let (case, conversation) = app.cases.office_conversation(&staff, &id, now).await?;
            let route_error = refused.first().map(|r| lang.t(r.key));
            let mut response = render(&page(&app, lang, &session, &staff, &case, &conversation, Form { route_error, ..Form::default() }).await?);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
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
    let shown = Form { body: velferd_domain::text::shown_again(&message.body), error, file_error, template: form.get("mal").map(str::to_owned), ..Form::default() };
    let mut response = render(&page(&app, lang, &session, &staff, &case, &conversation, shown).await?);
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
    /// The reply template picked (its id).
    template: Option<String>,
    notice: Option<String>,
    route_error: Option<String>,
}

async fn page(app: &AppState, lang: Lang, session: &Session, staff: &Staff, case: &OfficeCase, conversation: &Conversation, form: Form) -> Result<ConversationPage, AppError> {
    let id = &case.application.id;
    let office = office_name(app, lang, &case.application.enhetsnummer);
    let name = app.store.person(&case.owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
    let messages = conversation
        .messages
        .iter()
        .map(|m| MessageLine {
            who: if m.from_office {
                lang.t_args("message-from-office", &[("name", m.author_name.clone()), ("office", office.clone())])
            } else {
                crate::routes::messages::helper_signature(lang, m, &name).unwrap_or_else(|| m.author_name.clone())
            },
            when: fmt::date_time(m.created_ms),
            body: m.body.clone(),
            from_office: m.from_office,
            emergency: m.emergency,
            attachment: attachment_link(lang, m, &format!("/ansatt/saker/{id}/meldinger/vedlegg")),
        })
        .collect();
    let waiting = conversation.waiting.map(|w| answer_by_text(lang, &w)).unwrap_or_default();
    let now = now_ms();
    let templates = app
        .cases
        .reply_templates(staff, now)
        .await?
        .into_iter()
        .map(|t| Choice { checked: form.template.as_deref() == Some(t.id.as_str()), value: t.id, label: t.title })
        .collect();
    let routed_to = app.cases.conversation_routed_to(id).await?;
    let routed = match &routed_to {
        Some((_, name)) => lang.t_args("staff-routed-to", &[("name", name.clone())]),
        None => lang.t("staff-routed-office"),
    };
    let colleagues = app
        .cases
        .conversation_colleagues(staff)
        .await?
        .into_iter()
        .map(|m| Choice { checked: routed_to.as_ref().is_some_and(|(s, _)| *s == m.subject), label: m.name, value: m.subject })
        .collect();
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
        templates,
        routed,
        colleagues,
        route_action: format!("/ansatt/saker/{id}/meldinger/fordel"),
        notice: form.notice,
        route_error: form.route_error,
    })
}

/// `?endre=<id>`: change this template; `?lagret=ja`: a template was just saved.
#[derive(serde::Deserialize, Default)]
pub struct TemplatesShown {
    endre: Option<String>,
    lagret: Option<String>,
}

/// `GET /ansatt/svarmaler`: the office's reply templates, with the form for a new one (or the one
/// being changed).
pub async fn templates(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Query(shown): Query<TemplatesShown>) -> Result<Response, AppError> {
    let all = app.cases.reply_templates(&staff, now_ms()).await?;
    let (id, title, body) = match shown.endre.as_deref() {
        Some(id) => {
            let t = all.iter().find(|t| t.id == id).ok_or(AppError::NotFound)?;
            (t.id.clone(), t.title.clone(), t.body.clone())
        }
        None => Default::default(),
    };
    let form = TemplateForm { id, title, body, errors: vec![], saved: shown.lagret.as_deref() == Some("ja") };
    let page = templates_page(&app, lang, &session, &staff, all, form).await?;
    Ok(render(&page))
}

/// `POST /ansatt/svarmaler`: adds a template (`id` empty) or changes one (`id`), then back to the list.
pub async fn save_template(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let id = form.get("id").filter(|i| !i.is_empty());
    let (title, body) = (form.get("tittel").unwrap_or_default(), form.get("tekst").unwrap_or_default());
    let now = now_ms();
    match app.cases.save_reply_template(&staff, id, title, body, now).await {
        Ok(_) => Ok(Redirect::to("/ansatt/svarmaler?lagret=ja").into_response()),
        Err(CaseError::Invalid(refused)) => {
            let errors = refused.iter().map(|r| (r.field, lang.t_args(r.key, &[("max", MAX_MESSAGE.to_string())]))).collect();
            let all = app.cases.reply_templates(&staff, now).await?;
            let typed = TemplateForm {
                id: id.unwrap_or_default().to_owned(),
                title: velferd_domain::text::shown_again(title),
                body: velferd_domain::text::shown_again(body),
                errors,
                saved: false,
            };
            let mut response = render(&templates_page(&app, lang, &session, &staff, all, typed).await?);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// The template form as it comes back: the template being changed (empty id for a new one), what
/// was typed, each field's fault, or that it was saved.
struct TemplateForm {
    id: String,
    title: String,
    body: String,
    errors: Vec<(&'static str, String)>,
    saved: bool,
}

async fn templates_page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    staff: &Staff,
    all: Vec<velferd_store::ReplyTemplate>,
    form: TemplateForm,
) -> Result<TemplatesPage, AppError> {
    let templates = all
        .into_iter()
        .map(|t| TemplateLine {
            changed: lang.t_args("staff-template-changed", &[("date", fmt::date_time(t.updated_ms)), ("name", t.updated_by_name.clone())]),
            edit_href: format!("/ansatt/svarmaler?endre={}#mal-skjema", t.id),
            title: t.title,
            body: t.body,
        })
        .collect();
    Ok(TemplatesPage {
        ctx: context(app, lang, "/ansatt/svarmaler", session).await?,
        office: office_name(app, lang, &staff.office),
        templates,
        id: form.id,
        title: form.title,
        body: form.body,
        errors: form.errors,
        saved: form.saved,
    })
}
