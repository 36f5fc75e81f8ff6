//! Documents attached while the application is written: one place per expected document (from
//! the answers) plus "other". Each photo or PDF is checked and previewed at once: a thumbnail of
//! every page, upright as it will be sent, with a warning in plain words when a photo is probably
//! unreadable. Pages can be turned, moved and removed with plain buttons (no JavaScript); a PDF is
//! turned as a whole, or split into one file per page so its pages are turned, moved or removed one
//! by one. For a document not attached the citizen says whether the office already has it or it comes later.
//! Nothing is converted until the application is sent (`velferd_cases::apply`).

use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_domain::application::{DocumentNeed, OTHER};
use velferd_store::files::sha256_hex;
use velferd_store::{Draft, DraftFile};

use super::context;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{render, AttachFile, AttachPage, AttachSlot};
use crate::session::{self, Citizen};
use crate::{now_ms, AppState};

use velferd_cases::apply::SENT_BEFORE;
const LATER: &str = "senere";

/// The expected documents for these answers, then "other" (the use case's list, so the page and
/// sending agree).
fn needs(draft: &Draft) -> Vec<DocumentNeed> {
    velferd_cases::apply::needs(&draft.answers)
}

fn anchor(slot: &str) -> String {
    format!("dok-{}", slot.replace('.', "-"))
}

async fn own_draft(app: &AppState, id: &str, citizen: &Citizen) -> Result<Draft, AppError> {
    app.store.draft(id, &citizen.fnr, now_ms()).await?.ok_or(AppError::NotFound)
}

/// The page, with `errors` (slot, message) shown at their document.
pub(crate) async fn page_with(app: &AppState, lang: Lang, session: &Session, draft: &Draft, citizen: &Citizen, errors: &[(String, String)]) -> Result<Response, AppError> {
    let files = app.store.draft_files(&draft.id, &citizen.fnr).await?;
    let choices = app.store.document_choices(&draft.id, &citizen.fnr).await?;
    let base = format!("/soknad/{}/dokumenter", draft.id);
    let slots = needs(draft)
        .iter()
        .map(|need| {
            let slot = need.slot();
            let label = super::document_label(lang, need.kind, need.tilleggsinfo);
            let mine: Vec<&DraftFile> = files.iter().filter(|f| f.slot == slot).collect();
            let count = mine.len();
            AttachSlot {
                anchor: anchor(&slot),
                why: match need.kind == OTHER.kind {
                    true => lang.t("attach-other-why"),
                    // Said only when it adds something to the name.
                    false => Some(lang.t(need.why)).filter(|why| *why != label).unwrap_or_default(),
                },
                upload_action: format!("{base}/{slot}"),
                choice_action: format!("{base}/{slot}/valg"),
                choice: choices.iter().find(|(s, _)| *s == slot).map(|(_, c)| c.clone()).unwrap_or_default(),
                is_other: need.kind == OTHER.kind,
                errors: errors.iter().filter(|(s, _)| *s == slot).map(|(_, m)| m.clone()).collect(),
                files: mine
                    .iter()
                    .enumerate()
                    .map(|(i, f)| AttachFile {
                        number: i + 1,
                        name: f.name.clone(),
                        thumb_href: f.thumb_sha256.as_ref().map(|_| format!("{base}/bilde/{}", f.id)),
                        alt: match f.is_pdf {
                            false => lang.t_args("attach-page-alt", &[("number", (i + 1).to_string()), ("document", label.clone())]),
                            true => lang.t_args("attach-file-alt", &[("number", (i + 1).to_string()), ("document", label.clone()), ("count", f.pages.to_string())]),
                        },
                        pages: if f.is_pdf { lang.t_args("attach-pdf-pages", &[("count", f.pages.to_string())]) } else { String::new() },
                        warnings: f.warnings.iter().map(|w| lang.t(&format!("photo-fix-{w}"))).collect(),
                        action: format!("{base}/fil/{}", f.id),
                        first: i == 0,
                        last: i + 1 == count,
                        can_turn: true,
                        can_split: f.is_pdf && f.pages > 1,
                    })
                    .collect(),
                label,
            }
        })
        .collect();
    let kommune = app.kommuner.get(&draft.kommunenummer).ok_or_else(|| AppError::Internal("draft names a municipality not in the catalogue".into()))?;
    let page = AttachPage {
        ctx: context(app, lang, &base, session).await?,
        emergency: draft.answers.reports_emergency(),
        office: super::office_info(kommune),
        max_file_mb: app.config.uploads.max_file_bytes / (1024 * 1024),
        summary_href: format!("/soknad/{}/oppsummering", draft.id),
        has_errors: !errors.is_empty(),
        error_list: errors.iter().map(|(slot, m)| (anchor(slot), m.clone())).collect(),
        slots,
    };
    let mut response = render(&page);
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn page(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>) -> Result<Response, AppError> {
    let draft = own_draft(&app, &id, &citizen).await?;
    page_with(&app, lang, &session, &draft, &citizen, &[]).await
}

fn back_to(draft: &str, slot: &str) -> Response {
    Redirect::to(&format!("/soknad/{draft}/dokumenter#{}", anchor(slot))).into_response()
}

/// Adds photos and PDFs to one document. Each file is checked on its own: a bad one is named at
/// its document with the reason, the good ones are kept.
pub async fn upload(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    citizen: Citizen,
    Path((id, slot)): Path<(String, String)>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let draft = own_draft(&app, &id, &citizen).await?;
    if !needs(&draft).iter().any(|n| n.slot() == slot) {
        return Err(AppError::NotFound);
    }
    let mut token = String::new();
    let mut received: Vec<(String, Vec<u8>)> = Vec::new();
    let mut errors: Vec<(String, String)> = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => {
                errors.push((slot.clone(), lang.t("upload-error-interrupted")));
                received.clear();
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "_csrf" {
            token = field.text().await.unwrap_or_default();
            continue;
        }
        // The name is shown on pages: nothing in it may change how the page reads.
        let file_name = velferd_domain::text::display_name(field.file_name().unwrap_or_default(), 100);
        match field.bytes().await {
            Ok(bytes) if bytes.is_empty() && file_name.is_empty() => {}
            Ok(bytes) => received.push((file_name, bytes.to_vec())),
            Err(_) => {
                errors.push((slot.clone(), lang.t("upload-error-interrupted")));
                received.clear();
                break;
            }
        }
    }
    session::verify_csrf(&session, &FormData(vec![("_csrf".into(), token)])).await?;
    crate::limits::check(&app, crate::limits::Bucket::Upload, citizen.fnr.as_str()).await?;
    if received.is_empty() && errors.is_empty() {
        errors.push((slot.clone(), lang.t("upload-error-none")));
    }

    let mut existing = app.store.draft_files(&draft.id, &citizen.fnr).await?;
    let limits = app.config.uploads;
    for (name, bytes) in received {
        let total: i64 = existing.iter().map(|f| f.bytes).sum();
        if existing.len() >= limits.max_files || total + bytes.len() as i64 > limits.max_total_bytes as i64 {
            let [_, files, total_mb] = limits.message_args();
            errors.push((slot.clone(), lang.t_args("attach-error-full", &[("file", name), files, total_mb])));
            continue;
        }
        let sha = sha256_hex(&bytes);
        if let Some(same) = existing.iter().find(|f| f.sha256 == sha) {
            let there = needs(&draft).into_iter().find(|n| n.slot() == same.slot).map(|n| super::document_label(lang, n.kind, n.tilleggsinfo)).unwrap_or_default();
            errors.push((slot.clone(), lang.t_args("attach-error-duplicate", &[("file", name), ("document", there)])));
            continue;
        }
        let file = match app.cases.keep_file(&slot, &name, bytes, &limits.conversion()).await? {
            Ok(file) => file,
            Err(code) => {
                errors.push((slot.clone(), super::upload_message(&app, lang, code, &name)));
                continue;
            }
        };
        app.store.add_draft_file(&draft.id, &citizen.fnr, &file, now_ms()).await?.ok_or(AppError::NotFound)?;
        // Attaching a file answers the question for this document.
        app.store.set_document_choice(&draft.id, &citizen.fnr, &slot, None).await?;
        existing = app.store.draft_files(&draft.id, &citizen.fnr).await?;
    }
    if errors.is_empty() {
        Ok(back_to(&draft.id, &slot))
    } else {
        page_with(&app, lang, &session, &draft, &citizen, &errors).await
    }
}

/// "The office already has it" / "later or on paper" for one document.
pub async fn choose(State(app): State<AppState>, session: Session, citizen: Citizen, Path((id, slot)): Path<(String, String)>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let draft = own_draft(&app, &id, &citizen).await?;
    if !needs(&draft).iter().any(|n| n.slot() == slot) {
        return Err(AppError::NotFound);
    }
    let choice = match form.get("valg") {
        Some(SENT_BEFORE) => Some(SENT_BEFORE),
        Some(LATER) => Some(LATER),
        _ => None,
    };
    app.store.set_document_choice(&draft.id, &citizen.fnr, &slot, choice).await?;
    Ok(back_to(&draft.id, &slot))
}

/// Turn, move, remove or split (a PDF, into one file per page) one file.
pub async fn change(State(app): State<AppState>, session: Session, citizen: Citizen, Path((id, file)): Path<(String, String)>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let draft = own_draft(&app, &id, &citizen).await?;
    let files = app.store.draft_files(&draft.id, &citizen.fnr).await?;
    let Some(found) = files.iter().find(|f| f.id == file) else { return Err(AppError::NotFound) };
    let owner = &citizen.fnr;
    match form.get("handling") {
        Some("roter") => app.store.turn_draft_file(&draft.id, owner, &file).await?,
        Some("del") => app.cases.split_draft_file(&draft.id, owner, found).await?,
        Some("opp") => app.store.move_draft_file(&draft.id, owner, &file, true).await?,
        Some("ned") => app.store.move_draft_file(&draft.id, owner, &file, false).await?,
        Some("fjern") => {
            let removed = app.store.remove_draft_file(&draft.id, owner, &file).await?;
            app.cases.sweep_draft_files().await;
            removed
        }
        _ => true,
    };
    Ok(back_to(&draft.id, &found.slot))
}

/// A page's thumbnail, only to the draft's owner, turned as the citizen turned it.
pub async fn thumbnail(State(app): State<AppState>, citizen: Citizen, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let files = app.store.draft_files(&id, &citizen.fnr).await?;
    let found = files.iter().find(|f| f.id == file).ok_or(AppError::NotFound)?;
    let bytes = app.cases.thumbnail(found).await?.ok_or(AppError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, "image/jpeg"), (header::CACHE_CONTROL, "private, no-store")], bytes).into_response())
}
