//! The person's side of the conversation with the office, on their case page
//! (`/mine-soknader/{id}#meldinger`): the messages both ways, the promised answer date, and the
//! form. Writing posts to `/mine-soknader/{id}/meldinger`; a refused message comes back in its field
//! with the reason, nothing lost.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::dialogue::{ChosenFile, MessageForm};
use velferd_cases::CaseError;
use velferd_domain::kommune::Kommune;
use velferd_store::StoredApplication;

use super::cases::{case_page, Mode};
use crate::error::AppError;
use crate::form::FormWithFiles;
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
    /// Why the files chosen with it were refused, translated (they are not kept: choose again).
    pub file_error: Option<String>,
    /// A message was just sent (`?melding=sendt`), with the emergency box ticked (`&akutt=ja`).
    pub just_sent: bool,
    pub emergency_sent: bool,
    /// The case page's other confirmation: an appeal was just received (`?klage=mottatt`), late
    /// and without a reason for the delay (`&forsinkelse=ja`).
    pub appeal_received: bool,
    pub appeal_late_ask: bool,
}

/// The conversation section for the owner of `sent` (`citizen`), or for a helper under `power`:
/// the conversation when the power covers it (the person ticked it when giving the power), else the
/// empty section (what a person tells the office is theirs).
pub(crate) async fn dialogue_view(
    app: &AppState,
    lang: Lang,
    sent: &StoredApplication,
    citizen: &Citizen,
    kommune: &Kommune,
    posted: &MessagePosted,
    power: Option<&velferd_store::Power>,
) -> Result<DialogueView, AppError> {
    let now = now_ms();
    let (conversation, base) = match power {
        None => (app.cases.conversation(sent, &citizen.fnr, now).await?, format!("/mine-soknader/{}", sent.id)),
        Some(p) if p.may_write_messages => (app.cases.helper_conversation(sent, &citizen.fnr, p, now).await?, format!("/fullmakt/{}", sent.id)),
        Some(_) => return Ok(DialogueView::default()),
    };
    let owner_name = if power.is_some() { app.store.person(&citizen.fnr).await?.map(|p| p.fullt_navn()).unwrap_or_default() } else { String::new() };
    let messages = conversation
        .messages
        .iter()
        .map(|m| MessageLine {
            who: if m.from_office {
                lang.t_args("message-from-office", &[("name", m.author_name.clone()), ("office", kommune.kontor.navn.clone())])
            } else if let Some(helper) = helper_signature(lang, m, &owner_name) {
                helper
            } else if power.is_some() {
                m.author_name.clone()
            } else {
                lang.t("message-from-you")
            },
            when: fmt::date_time(m.created_ms),
            body: m.body.clone(),
            from_office: m.from_office,
            emergency: m.emergency,
            attachment: attachment_link(lang, m, &format!("{base}/meldinger/vedlegg")),
        })
        .collect();
    let promise = conversation.waiting.map(|w| lang.t_args("message-answer-by", &[("date", fmt::norwegian_date(&w.answer_by.to_string()))])).unwrap_or_default();
    let phone = [("office", kommune.kontor.navn.clone()), ("phone", kommune.kontor.telefon.clone())];
    Ok(DialogueView {
        action: format!("{base}/meldinger"),
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
        file_error: posted.file_error.clone(),
        max_files: velferd_domain::dialogue::MAX_MESSAGE_FILES,
    })
}

/// "Anne Hansen on behalf of Kari Nordmann" for a message a helper wrote (`fullmektig:` author);
/// `None` for the person's own. `owner_name` is the person's name ("" to say "you").
pub(crate) fn helper_signature(lang: Lang, m: &velferd_store::Message, owner_name: &str) -> Option<String> {
    if !m.author.starts_with("fullmektig:") {
        return None;
    }
    Some(if owner_name.is_empty() {
        lang.t_args("message-from-helper-for-you", &[("helper", m.author_name.clone())])
    } else {
        lang.t_args("message-from-helper", &[("helper", m.author_name.clone()), ("person", owner_name.to_owned())])
    })
}

/// The link to a message's attachment under `base` (`…/meldinger/vedlegg`), named by the files
/// chosen and the PDF's pages; `None` without one.
pub(crate) fn attachment_link(lang: Lang, m: &velferd_store::Message, base: &str) -> Option<crate::pages::DocLink> {
    let a = m.attachment.as_ref()?;
    Some(crate::pages::DocLink {
        label: lang.t_args("message-attachment", &[("files", a.file_names.join(", "))]),
        href: format!("{base}/{}.pdf", a.sha256),
        detail: lang.t_n("message-attachment-pages", "pages", a.pages),
    })
}

/// The files chosen in a message form's file input (`vedlegg`).
pub(crate) fn chosen_files(posted: &FormWithFiles) -> Vec<ChosenFile> {
    posted.files.iter().filter(|(field, _, _)| field == "vedlegg").map(|(_, name, bytes)| ChosenFile { name: name.clone(), bytes: bytes.clone() }).collect()
}

/// Why the files chosen with a message were refused, in `lang`.
pub(crate) fn file_refusal(app: &AppState, lang: Lang, file: &str, code: &str) -> String {
    match code {
        "too-many" => lang.t_args("message-attach-too-many", &[("files", velferd_domain::dialogue::MAX_MESSAGE_FILES.to_string())]),
        code => super::upload_message(app, lang, code, file),
    }
}

/// `POST /mine-soknader/{id}/meldinger`: the person writes to the office, with files or without
/// (a form with a file input posts `multipart/form-data`).
pub async fn write(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, posted: FormWithFiles) -> Result<Response, AppError> {
    let form = &posted.form;
    session::verify_csrf(&session, form).await?;
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let files = chosen_files(&posted);
    if !files.is_empty() {
        crate::limits::check(&app, crate::limits::Bucket::Upload, citizen.fnr.as_str()).await?;
    }
    let message = MessageForm {
        body: form.get("melding").unwrap_or_default().to_owned(),
        emergency: form.get("akutt") == Some("ja"),
        token: form.get("skjema").unwrap_or_default().to_owned(),
        files,
        limits: app.config.uploads.conversion(),
    };
    let refused_page = |error: Option<String>, file_error: Option<String>| MessagePosted {
        body: velferd_domain::text::shown_again(&message.body),
        emergency: message.emergency,
        error,
        file_error,
        ..MessagePosted::default()
    };
    let refused = if posted.interrupted {
        refused_page(None, Some(lang.t("upload-error-interrupted")))
    } else {
        match app.cases.write_to_office(&sent, &citizen.fnr, &message, now_ms()).await {
            Ok(written) => {
                let emergency = if written.emergency { "&akutt=ja" } else { "" };
                return Ok(Redirect::to(&format!("/mine-soknader/{id}?melding=sendt{emergency}#meldinger")).into_response());
            }
            Err(CaseError::Invalid(refused)) => refused_page(refused.first().map(|r| lang.t_args(r.key, &[("max", velferd_domain::dialogue::MAX_MESSAGE.to_string())])), None),
            Err(CaseError::File { file, code }) => refused_page(None, Some(file_refusal(&app, lang, &file, code))),
            Err(e) => return Err(e.into()),
        }
    };
    let mut response = case_page(&app, lang, &session, &sent, &citizen, &Mode::Owner(HelperForm::default(), refused)).await?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// `GET /mine-soknader/{id}/meldinger/vedlegg/{sha256}.pdf`: the files sent with a message, as one
/// PDF, only to the case's owner.
pub async fn attachment(State(app): State<AppState>, citizen: Citizen, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let bytes = app.cases.own_attachment(&sent, file.strip_suffix(".pdf").unwrap_or(&file)).await?;
    Ok(super::staff::pdf_response(bytes, &format!("vedlegg-{}.pdf", sent.reference)))
}
