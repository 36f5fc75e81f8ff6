//! Helpers acting for a citizen (fullmakt). On their case page the citizen lets a named person
//! follow that one application for 1–12 months, and optionally send documents to it; they can
//! revoke it at any time. The helper signs in as themselves and finds the application under "My
//! applications"; what they see is decided by the store (only a valid power opens anything) and
//! every look is in the audit log the citizen reads.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::CaseError;
use velferd_domain::fullmakt::PowerForm;
use velferd_domain::ids::Fodselsnummer;
use velferd_store::{AuditEntry, Outcome, Power};

use super::cases::{case_page, Mode};
use super::upload::Sending;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{render, HelperForm, HelperLine, HelperSentPage};
use crate::session::{self, Citizen};
use crate::{fmt, now_ms, AppState};

/// The powers on the owner's application, as lines for their case page.
pub(crate) async fn helper_lines(app: &AppState, lang: Lang, id: &str, owner: &Citizen) -> Result<Vec<HelperLine>, AppError> {
    let now = now_ms();
    Ok(app
        .store
        .powers_of(id, &owner.fnr)
        .await?
        .into_iter()
        .map(|p| {
            let active = p.revoked_ms.is_none() && p.valid_until_ms > now;
            let mut scope = lang.t(if p.may_send_documents { "helper-scope-documents" } else { "helper-scope-follow" });
            if p.may_write_messages {
                scope = format!("{scope}. {}", lang.t("helper-scope-messages"));
            }
            let state = match (p.revoked_ms, active) {
                (Some(at), _) => lang.t_args("helper-revoked", &[("date", fmt::date(at))]),
                (None, true) => lang.t_args("helper-until", &[("date", fmt::date(p.valid_until_ms))]),
                (None, false) => lang.t_args("helper-expired", &[("date", fmt::date(p.valid_until_ms))]),
            };
            HelperLine {
                name: p.helper_name.clone(),
                detail: format!("{scope}. {state}."),
                revoke_action: if active { format!("/mine-soknader/{id}/fullmakt/{}/trekk-tilbake", p.id) } else { String::new() },
            }
        })
        .collect())
}

/// Gives a power of attorney. Bad input is shown at its field with everything else kept.
pub async fn grant(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let asked = PowerForm {
        fnr: form.get("fnr").unwrap_or_default().to_owned(),
        name: form.get("navn").unwrap_or_default().to_owned(),
        months: form.get("maneder").unwrap_or_default().to_owned(),
        may_send_documents: form.get("dokumenter") == Some("ja"),
        may_write_messages: form.get("meldinger") == Some("ja"),
    };
    match app.cases.grant_power(&citizen.fnr, &id, &asked, now_ms()).await {
        Ok(_) => Ok(Redirect::to(&format!("/mine-soknader/{id}#hjelpere")).into_response()),
        Err(CaseError::Invalid(refused)) => {
            let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
            let posted = HelperForm {
                fnr: asked.fnr.trim().to_owned(),
                // What was typed, made safe to show again (the name is refused, not changed).
                navn: velferd_domain::text::display_name(&asked.name, velferd_domain::text::MAX_SHORT_TEXT),
                maneder: asked.months,
                dokumenter: asked.may_send_documents,
                meldinger: asked.may_write_messages,
                errors: refused.iter().map(|r| (r.field.to_owned(), lang.t(r.key))).collect(),
            };
            case_page(&app, lang, &session, &sent, &citizen, &Mode::Owner(posted, Default::default())).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke(State(app): State<AppState>, session: Session, citizen: Citizen, Path((id, power)): Path<(String, String)>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    app.cases.revoke_power(&citizen.fnr, &id, &power, now_ms()).await?;
    Ok(Redirect::to(&format!("/mine-soknader/{id}#hjelpere")).into_response())
}

/// Writes the helper's access (or refused attempt) to the audit log before anything is shown.
async fn audit(app: &AppState, helper: &Citizen, power: Option<&Power>, owner: Option<&Fodselsnummer>, id: &str, action: &str, outcome: Outcome) -> Result<(), AppError> {
    let entry = AuditEntry {
        actor: format!("fullmektig:{}", power.map_or_else(|| velferd_store::files::sha256_hex(helper.fnr.as_str().as_bytes())[..16].to_owned(), |p| p.id.clone())),
        actor_name: power.map_or_else(String::new, |p| p.helper_name.clone()),
        role: "fullmektig".into(),
        office: None,
        action: action.into(),
        person: owner.map(|o| o.as_str().to_owned()),
        application_id: Some(id.to_owned()),
        outcome,
    };
    app.store.audit(&entry, now_ms()).await?;
    Ok(())
}

/// The application a helper may follow, with the owner to read it as; a refused attempt is logged.
async fn acting_for(app: &AppState, helper: &Citizen, id: &str, action: &str) -> Result<(velferd_store::StoredApplication, Power, Citizen), AppError> {
    match app.store.application_as_helper(id, &helper.fnr, now_ms()).await? {
        Some((sent, power, owner)) => {
            audit(app, helper, Some(&power), Some(&owner), id, action, Outcome::Permit).await?;
            Ok((sent, power, Citizen { fnr: owner }))
        }
        None => {
            audit(app, helper, None, None, id, action, Outcome::Deny).await?;
            Err(AppError::NotFound)
        }
    }
}

/// `/fullmakt/{id}`: the case as the helper may see it.
/// `?melding=sendt[&akutt=ja]`: the helper just wrote to the office.
#[derive(serde::Deserialize, Default)]
pub struct Shown {
    melding: Option<String>,
    akutt: Option<String>,
}

pub async fn show(State(app): State<AppState>, lang: Lang, session: Session, helper: Citizen, Path(id): Path<String>, Query(shown): Query<Shown>) -> Result<Response, AppError> {
    let (sent, power, owner) = acting_for(&app, &helper, &id, "helper-view").await?;
    let posted =
        super::messages::MessagePosted { just_sent: shown.melding.as_deref() == Some("sendt"), emergency_sent: shown.akutt.as_deref() == Some("ja"), ..Default::default() };
    case_page(&app, lang, &session, &sent, &owner, &Mode::Helper(power, posted)).await
}

/// The helper records that they filled in the application together with the person
/// (`velferd_cases::Cases::record_helper_assist`); back on the helper's case page, at the line
/// that says so.
pub async fn record_assist(State(app): State<AppState>, session: Session, helper: Citizen, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    match app.cases.record_helper_assist(&helper.fnr, &id, now_ms()).await {
        // Too late or already recorded: the page shows how things stand.
        Ok(()) | Err(CaseError::Conflict) => Ok(Redirect::to(&format!("/fullmakt/{id}#hjelp")).into_response()),
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize)]
pub struct Only {
    krav: Option<String>,
}

/// A helper's sending: to the owner's application, in the helper's own name, under `/fullmakt/ID`.
async fn helper_sending<'a>(app: &AppState, sent: &'a velferd_store::StoredApplication, owner: &'a Citizen, helper: &'a Citizen) -> Result<Sending<'a>, AppError> {
    let name = app.store.person(&owner.fnr).await?.map(|p| p.fullt_navn()).unwrap_or_default();
    Ok(Sending { sent, owner, uploader: helper, base: format!("/fullmakt/{}", sent.id), helped: Some(name) })
}

/// The application a helper may send documents to (their power covers it), with its owner.
async fn sending_as_helper(app: &AppState, helper: &Citizen, id: &str, action: &str) -> Result<(velferd_store::StoredApplication, Citizen), AppError> {
    let (sent, power, owner) = acting_for(app, helper, id, action).await?;
    if !power.may_send_documents {
        return Err(AppError::NotFound);
    }
    Ok((sent, owner))
}

/// The upload page for a helper whose power covers sending documents.
pub async fn upload_page(State(app): State<AppState>, lang: Lang, session: Session, helper: Citizen, Path(id): Path<String>, Query(q): Query<Only>) -> Result<Response, AppError> {
    let (sent, owner) = sending_as_helper(&app, &helper, &id, "helper-view").await?;
    let sending = helper_sending(&app, &sent, &owner, &helper).await?;
    super::upload::page_for(&app, lang, &session, &sending, q.krav.as_deref()).await
}

pub async fn upload_send(State(app): State<AppState>, lang: Lang, session: Session, helper: Citizen, Path(id): Path<String>, multipart: Multipart) -> Result<Response, AppError> {
    let (sent, owner) = sending_as_helper(&app, &helper, &id, "helper-send-documents").await?;
    let sending = helper_sending(&app, &sent, &owner, &helper).await?;
    super::upload::send_for(&app, lang, &session, &sending, multipart).await
}

/// Turns or takes out a file the helper has chosen.
pub async fn upload_change(State(app): State<AppState>, session: Session, helper: Citizen, Path((id, file)): Path<(String, String)>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let (sent, owner) = sending_as_helper(&app, &helper, &id, "helper-send-documents").await?;
    let sending = helper_sending(&app, &sent, &owner, &helper).await?;
    super::upload::change_for(&app, &sending, &file, &form).await
}

/// The preview of a file the helper has chosen.
pub async fn upload_thumbnail(State(app): State<AppState>, helper: Citizen, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let (sent, owner) = sending_as_helper(&app, &helper, &id, "helper-view").await?;
    let sending = helper_sending(&app, &sent, &owner, &helper).await?;
    super::upload::thumbnail_for(&app, &sending, &file).await
}

/// After a helper sent documents: what was sent, to whose application, and when.
pub async fn sent(State(app): State<AppState>, lang: Lang, session: Session, helper: Citizen, Path((id, submission)): Path<(String, String)>) -> Result<Response, AppError> {
    let (sent, owner) = sending_as_helper(&app, &helper, &id, "helper-view").await?;
    let found = app.store.submissions(&sent.id, &owner.fnr).await?.into_iter().find(|s| s.id == submission && !s.with_application).ok_or(AppError::NotFound)?;
    let name = app.store.person(&owner.fnr).await?.map(|p| p.fullt_navn()).unwrap_or_default();
    let page = HelperSentPage {
        ctx: super::context(&app, lang, &format!("/fullmakt/{id}/sendt/{submission}"), &session).await?,
        text: lang.t_args("helper-sent-text", &[("count", found.documents.len().to_string()), ("name", name.clone()), ("date", fmt::date_time(found.created_ms))]),
        documents: found.documents.iter().map(|d| super::document_label(lang, &d.kind, &d.tilleggsinfo)).collect(),
        back: format!("/fullmakt/{id}"),
        name,
    };
    Ok(render(&page))
}

/// `POST /fullmakt/{id}/meldinger`: a helper whose power covers the conversation writes to the
/// office on the person's behalf (signed as the helper; logged as the helper in the message's
/// transaction). A refused message comes back in its field with the reason, nothing lost.
pub async fn write_message(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    helper: Citizen,
    Path(id): Path<String>,
    posted: crate::form::FormWithFiles,
) -> Result<Response, AppError> {
    let form = &posted.form;
    session::verify_csrf(&session, form).await?;
    let (sent, power, owner) = acting_for(&app, &helper, &id, "helper-view").await?;
    if !power.may_write_messages {
        return Err(AppError::NotFound);
    }
    let files = super::messages::chosen_files(&posted);
    if !files.is_empty() {
        crate::limits::check(&app, crate::limits::Bucket::Upload, helper.fnr.as_str()).await?;
    }
    let message = velferd_cases::dialogue::MessageForm {
        body: form.get("melding").unwrap_or_default().to_owned(),
        emergency: form.get("akutt") == Some("ja"),
        token: form.get("skjema").unwrap_or_default().to_owned(),
        files,
        limits: app.config.uploads.conversion(),
    };
    let refused = |error: Option<String>, file_error: Option<String>| super::messages::MessagePosted {
        body: velferd_domain::text::shown_again(&message.body),
        emergency: message.emergency,
        error,
        file_error,
        ..Default::default()
    };
    let refused = if posted.interrupted {
        refused(None, Some(lang.t("upload-error-interrupted")))
    } else {
        match app.cases.write_as_helper(&sent, &owner.fnr, &power, &message, now_ms()).await {
            Ok(written) => {
                let emergency = if written.emergency { "&akutt=ja" } else { "" };
                return Ok(Redirect::to(&format!("/fullmakt/{id}?melding=sendt{emergency}#meldinger")).into_response());
            }
            Err(CaseError::Invalid(r)) => refused(r.first().map(|r| lang.t_args(r.key, &[("max", velferd_domain::dialogue::MAX_MESSAGE.to_string())])), None),
            Err(CaseError::File { file, code }) => refused(None, Some(super::messages::file_refusal(&app, lang, &file, code))),
            Err(e) => return Err(e.into()),
        }
    };
    let mut response = case_page(&app, lang, &session, &sent, &owner, &Mode::Helper(power, refused)).await?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// `GET /fullmakt/{id}/meldinger/vedlegg/{sha256}.pdf`: a message's attachment, for a helper whose
/// power covers the conversation (logged as the helper reading it).
pub async fn message_attachment(State(app): State<AppState>, helper: Citizen, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let (sent, power, _) = acting_for(&app, &helper, &id, "helper-read-file").await?;
    if !power.may_write_messages {
        return Err(AppError::NotFound);
    }
    let bytes = app.cases.own_attachment(&sent, file.strip_suffix(".pdf").unwrap_or(&file)).await?;
    Ok(super::staff::pdf_response(bytes, &format!("vedlegg-{}.pdf", sent.reference)))
}
