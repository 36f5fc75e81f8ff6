//! Sending documents to an application after it was sent (ettersendelse), by its owner or by a
//! helper whose power of attorney covers it. One place per document the office wants; each chosen
//! photo or PDF is checked and kept with its preview at once (the same code as the draft's
//! documents page, `velferd_cases::citizen`), so one bad file is named with its reason and the good
//! ones stay chosen. Pressing send turns each document's files into one PDF, recorded as a new
//! submission on the same application with its own vedlegg.json (`Cases::send_documents`).

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::citizen::{Sent, Wanted};
use velferd_store::{DraftFile, StoredApplication};

use super::context;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{helper_say, render, AttachFile, UploadField, UploadPage};
use crate::session::{self, Citizen};
use crate::{now_ms, AppState};

/// Who sends to which application, and where their pages are.
pub(crate) struct Sending<'a> {
    pub sent: &'a StoredApplication,
    pub owner: &'a Citizen,
    /// Who chooses the files: the owner, or a helper (each keeps their own).
    pub uploader: &'a Citizen,
    /// The case page this sending belongs to (`/mine-soknader/ID` or `/fullmakt/ID`).
    pub base: String,
    /// For a helper: the name of the person helped, whom the pages speak of.
    pub helped: Option<String>,
}

impl Sending<'_> {
    fn action(&self) -> String {
        format!("{}/dokumenter", self.base)
    }
}

fn label(lang: Lang, w: &Wanted) -> String {
    super::document_label(lang, &w.kind, &w.tilleggsinfo)
}

fn anchor(index: usize) -> String {
    format!("dok-{index}")
}

async fn own_application(app: &AppState, id: &str, citizen: &Citizen) -> Result<StoredApplication, AppError> {
    app.store.application(id, &citizen.fnr).await?.ok_or(AppError::NotFound)
}

/// The page with the kept files, `errors` (document index, message) at their documents and a
/// `general` message at the top.
#[allow(clippy::too_many_arguments)]
async fn upload_page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    s: &Sending<'_>,
    wanted: &[Wanted],
    only: Option<usize>,
    errors: &[(usize, String)],
    general: Option<String>,
) -> Result<Response, AppError> {
    let kept = app.store.pending_files(&s.sent.id, &s.owner.fnr, &s.uploader.fnr).await?;
    let base = s.action();
    let fields = wanted
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let label = label(lang, w);
            let mine: Vec<&DraftFile> = kept.iter().filter(|f| f.slot == w.slot()).collect();
            let files = mine.iter().enumerate().map(|(n, f)| kept_tile(lang, &base, &label, n, f)).collect::<Vec<_>>();
            (i, w, label, files)
        })
        // A page for one request shows that document, and any other that already has files.
        .filter(|(i, _, _, files)| only.is_none_or(|o| o == *i) || !files.is_empty())
        .map(|(i, _, label, files)| UploadField {
            name: format!("fil-{i}"),
            anchor: anchor(i),
            label,
            error: errors.iter().filter(|(e, _)| *e == i).map(|(_, m)| m.clone()).reduce(|a, b| format!("{a} {b}")),
            files,
        })
        .collect::<Vec<UploadField>>();
    let kept_count = kept.len();
    let page = UploadPage {
        ctx: context(app, lang, &base, session).await?,
        title: helper_say(lang, "upload-title", s.helped.as_deref(), &[]),
        intro: helper_say(lang, "upload-intro", s.helped.as_deref(), &[("reference", s.sent.reference.clone())]),
        back_label: match &s.helped {
            Some(name) => lang.t_args("helper-back-to-case", &[("name", name.clone())]),
            None => lang.t("case-back-to-case"),
        },
        action: base,
        back: s.base.clone(),
        fields,
        only,
        max_file_mb: app.config.uploads.max_file_bytes / (1024 * 1024),
        error: general.clone(),
        has_errors: !errors.is_empty() || general.is_some(),
        kept: kept_count,
        kept_text: lang.t_args("upload-kept-count", &[("count", kept_count.to_string())]),
    };
    let mut response = render(&page);
    if page.has_errors {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// One kept file as a tile with its preview and buttons to turn it, split it (a PDF) or take it out.
fn kept_tile(lang: Lang, base: &str, label: &str, n: usize, f: &DraftFile) -> AttachFile {
    AttachFile {
        number: n + 1,
        name: f.name.clone(),
        thumb_href: f.thumb_sha256.as_ref().map(|_| format!("{base}/bilde/{}", f.id)),
        alt: match f.is_pdf {
            false => lang.t_args("attach-page-alt", &[("number", (n + 1).to_string()), ("document", label.to_owned())]),
            true => lang.t_args("attach-file-alt", &[("number", (n + 1).to_string()), ("document", label.to_owned()), ("count", f.pages.to_string())]),
        },
        pages: if f.is_pdf { lang.t_args("attach-pdf-pages", &[("count", f.pages.to_string())]) } else { String::new() },
        warnings: f.warnings.iter().map(|w| lang.t(&format!("photo-fix-{w}"))).collect(),
        action: format!("{base}/fil/{}", f.id),
        // Kept files go in the order chosen; no buttons to move them.
        first: true,
        last: true,
        can_turn: true,
        can_split: f.is_pdf && f.pages > 1,
    }
}

#[derive(serde::Deserialize)]
pub struct Only {
    krav: Option<String>,
}

/// The one request a page is for (`krav`, its place in the list), if it names one that exists.
fn only(raw: Option<&str>, wanted: &[Wanted]) -> Option<usize> {
    raw?.trim().parse::<usize>().ok().filter(|i| *i < wanted.len())
}

fn owner_sending<'a>(sent: &'a StoredApplication, citizen: &'a Citizen) -> Sending<'a> {
    Sending { sent, owner: citizen, uploader: citizen, base: format!("/mine-soknader/{}", sent.id), helped: None }
}

pub async fn page(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, Query(q): Query<Only>) -> Result<Response, AppError> {
    let sent = own_application(&app, &id, &citizen).await?;
    page_for(&app, lang, &session, &owner_sending(&sent, &citizen), q.krav.as_deref()).await
}

/// The upload page of a sending.
pub(crate) async fn page_for(app: &AppState, lang: Lang, session: &Session, s: &Sending<'_>, krav: Option<&str>) -> Result<Response, AppError> {
    let wanted = app.cases.documents_wanted(s.sent, &s.owner.fnr).await?;
    let only = only(krav, &wanted);
    upload_page(app, lang, session, s, &wanted, only, &[], None).await
}

pub async fn send(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, multipart: Multipart) -> Result<Response, AppError> {
    let sent = own_application(&app, &id, &citizen).await?;
    send_for(&app, lang, &session, &owner_sending(&sent, &citizen), multipart).await
}

/// Keeps the files chosen (each checked on its own: a bad one is named at its document with the
/// reason, the good ones stay), then — unless the person only added files — sends everything kept.
pub(crate) async fn send_for(app: &AppState, lang: Lang, session: &Session, s: &Sending<'_>, mut multipart: Multipart) -> Result<Response, AppError> {
    let wanted = app.cases.documents_wanted(s.sent, &s.owner.fnr).await?;
    // (document index, file name, bytes), in the order the browser sent them.
    let mut files: Vec<(usize, String, Vec<u8>)> = Vec::new();
    let (mut token, mut krav, mut handling) = (String::new(), String::new(), String::new());
    let mut interrupted = false;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => {
                interrupted = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "_csrf" => token = field.text().await.unwrap_or_default(),
            "krav" => krav = field.text().await.unwrap_or_default(),
            "handling" => handling = field.text().await.unwrap_or_default(),
            _ => {
                let Some(index) = name.strip_prefix("fil-").and_then(|i| i.parse::<usize>().ok()).filter(|i| *i < wanted.len()) else {
                    continue;
                };
                // The name is shown on pages: nothing in it may change how the page reads.
                let file_name = velferd_domain::text::display_name(field.file_name().unwrap_or_default(), 100);
                match field.bytes().await {
                    Ok(bytes) if bytes.is_empty() && file_name.is_empty() => {} // an input left empty
                    Ok(bytes) => files.push((index, file_name, bytes.to_vec())),
                    Err(_) => {
                        interrupted = true;
                        break;
                    }
                }
            }
        }
    }
    session::verify_csrf(session, &FormData(vec![("_csrf".into(), token)])).await?;
    crate::limits::check(app, crate::limits::Bucket::Upload, s.uploader.fnr.as_str()).await?;
    let only = only(Some(&krav), &wanted);
    if interrupted {
        return upload_page(app, lang, session, s, &wanted, only, &[], Some(lang.t("upload-error-interrupted"))).await;
    }

    let limits = app.config.uploads;
    let mut errors: Vec<(usize, String)> = Vec::new();
    let mut kept = app.store.pending_files(&s.sent.id, &s.owner.fnr, &s.uploader.fnr).await?;
    for (index, name, bytes) in files {
        let total: i64 = kept.iter().map(|f| f.bytes).sum();
        if bytes.len() > limits.max_file_bytes {
            errors.push((index, super::upload_message(app, lang, "too-large", &name)));
            continue;
        }
        if kept.len() >= limits.max_files || total + bytes.len() as i64 > limits.max_total_bytes as i64 {
            let [_, max_files, total_mb] = limits.message_args();
            errors.push((index, lang.t_args("attach-error-full", &[("file", name), max_files, total_mb])));
            continue;
        }
        let slot = wanted[index].slot();
        match app.cases.keep_file(&slot, &name, bytes, &limits.conversion()).await? {
            Ok(file) => {
                app.store.add_pending_file(&s.sent.id, &s.owner.fnr, &s.uploader.fnr, &file, now_ms()).await?.ok_or(AppError::NotFound)?;
                kept = app.store.pending_files(&s.sent.id, &s.owner.fnr, &s.uploader.fnr).await?;
            }
            Err(code) => errors.push((index, super::upload_message(app, lang, code, &name))),
        }
    }
    if !errors.is_empty() {
        return upload_page(app, lang, session, s, &wanted, only, &errors, None).await;
    }
    if handling == "legg-til" {
        let query = only.map(|i| format!("?krav={i}")).unwrap_or_default();
        return Ok(Redirect::to(&format!("{}{query}", s.action())).into_response());
    }
    match app.cases.send_documents(s.sent, &s.owner.fnr, &s.uploader.fnr, &wanted, &limits.conversion(), now_ms()).await? {
        Sent::Submission { id, .. } => Ok(Redirect::to(&match s.helped {
            // A helper is told what was sent, about the person they help.
            Some(_) => format!("{}/sendt/{id}", s.base),
            None => format!("{}#dokumenter", s.base),
        })
        .into_response()),
        Sent::Nothing => upload_page(app, lang, session, s, &wanted, only, &[], Some(lang.t("upload-error-none"))).await,
        Sent::NotCombined(problem) => {
            let index = wanted.iter().position(|w| w.slot() == problem.slot).unwrap_or(wanted.len() - 1);
            let message = super::upload_message(app, lang, &problem.code, &problem.file);
            upload_page(app, lang, session, s, &wanted, only, &[(index, message)], None).await
        }
    }
}

/// Turns a kept picture or PDF, splits a kept PDF into one file per page, or takes a kept file
/// out, then back to its document.
pub(crate) async fn change_for(app: &AppState, s: &Sending<'_>, file: &str, form: &FormData) -> Result<Response, AppError> {
    let kept = app.store.pending_files(&s.sent.id, &s.owner.fnr, &s.uploader.fnr).await?;
    let found = kept.iter().find(|f| f.id == file).ok_or(AppError::NotFound)?;
    let (id, owner, uploader) = (&s.sent.id, &s.owner.fnr, &s.uploader.fnr);
    match form.get("handling") {
        Some("roter") => app.store.turn_pending_file(id, owner, uploader, file).await?,
        Some("del") => app.cases.split_pending_file(id, owner, uploader, found).await?,
        Some("fjern") => {
            for sha in app.store.remove_pending_file(id, owner, uploader, file).await?.unwrap_or_default() {
                if let Err(e) = app.files.delete(&sha).await {
                    tracing::warn!(error = %e, "could not delete a file no longer used");
                }
            }
            true
        }
        _ => true,
    };
    let wanted = app.cases.documents_wanted(s.sent, owner).await?;
    let at = wanted.iter().position(|w| w.slot() == found.slot).map(anchor).unwrap_or_default();
    Ok(Redirect::to(&format!("{}#{at}", s.action())).into_response())
}

pub async fn change(State(app): State<AppState>, session: Session, citizen: Citizen, Path((id, file)): Path<(String, String)>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let sent = own_application(&app, &id, &citizen).await?;
    change_for(&app, &owner_sending(&sent, &citizen), &file, &form).await
}

/// A kept file's preview, only to who chose it.
pub(crate) async fn thumbnail_for(app: &AppState, s: &Sending<'_>, file: &str) -> Result<Response, AppError> {
    let kept = app.store.pending_files(&s.sent.id, &s.owner.fnr, &s.uploader.fnr).await?;
    let found = kept.iter().find(|f| f.id == file).ok_or(AppError::NotFound)?;
    let bytes = app.cases.thumbnail(found).await?.ok_or(AppError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, "image/jpeg"), (header::CACHE_CONTROL, "private, no-store")], bytes).into_response())
}

pub async fn thumbnail(State(app): State<AppState>, citizen: Citizen, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let sent = own_application(&app, &id, &citizen).await?;
    thumbnail_for(&app, &owner_sending(&sent, &citizen), &file).await
}

/// One sent document, only to its owner.
pub async fn download(State(app): State<AppState>, citizen: Citizen, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let sha = file.strip_suffix(".pdf").unwrap_or(&file);
    if !app.store.owns_document(&id, &citizen.fnr, sha).await? {
        return Err(AppError::NotFound);
    }
    let bytes = app.files.get(sha).await?.ok_or_else(|| AppError::Internal("a recorded document is missing from the file store".into()))?;
    Ok(([(header::CONTENT_TYPE, "application/pdf"), (header::CACHE_CONTROL, "private, no-store")], bytes).into_response())
}
