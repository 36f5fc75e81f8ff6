//! Sending documents to an application after it was sent (ettersendelse): one file field per
//! document the office needs, photos and PDFs of one document become one PDF, and the whole sending
//! is recorded as a submission on the same application with its own vedlegg.json.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_documents::photos::{combine, ConvertError, Input};
use velferd_formats::soker::DigisosSoker;
use velferd_formats::vedlegg::{Fil, Vedlegg, VedleggSpesifikasjon, VedleggStatus};
use velferd_store::{StoredApplication, SubmittedDocument};

use super::context;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::{render, UploadField, UploadPage};
use crate::session::{self, Citizen};
use crate::{now_ms, AppState};


/// A document the office needs: its vedlegg type and subtype, and whether the office asked for it
/// (dokumentasjonEtterspurt) rather than the answers implying it.
#[derive(Clone)]
struct Needed {
    kind: String,
    tilleggsinfo: String,
    requested: bool,
}

/// What to offer: the office's latest request if there is one, else what the application still
/// lacks, and always "other".
async fn needed(app: &AppState, sent: &StoredApplication, citizen: &Citizen) -> Result<Vec<Needed>, AppError> {
    let events = app.store.event_texts(&sent.id, &citizen.fnr).await?;
    let doc = DigisosSoker::from_event_texts("velferd", &events).map_err(|e| AppError::Internal(e.to_string()))?;
    let requested = velferd_domain::innsyn::fold(&doc).oppgaver;
    let mut out: Vec<Needed> = if requested.is_empty() {
        let spec: VedleggSpesifikasjon = serde_json::from_value(sent.vedlegg_json.clone()).map_err(|e| AppError::Internal(e.to_string()))?;
        spec.vedlegg
            .into_iter()
            .filter(|v| v.status == VedleggStatus::VedleggKreves)
            .map(|v| Needed { kind: v.kind, tilleggsinfo: v.tilleggsinfo, requested: false })
            .collect()
    } else {
        requested
            .into_iter()
            .map(|o| Needed { tilleggsinfo: o.tilleggsinformasjon.unwrap_or_else(|| o.dokumenttype.clone()), kind: o.dokumenttype, requested: true })
            .collect()
    };
    out.push(Needed { kind: "annet".into(), tilleggsinfo: "annet".into(), requested: false });
    Ok(out)
}

fn label(lang: Lang, n: &Needed) -> String {
    super::document_label(lang, &n.kind, &n.tilleggsinfo)
}

async fn own_application(app: &AppState, id: &str, citizen: &Citizen) -> Result<StoredApplication, AppError> {
    app.store.application(id, &citizen.fnr).await?.ok_or(AppError::NotFound)
}

#[allow(clippy::too_many_arguments)]
async fn upload_page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    sent: &StoredApplication,
    base: &str,
    needed: &[Needed],
    only: Option<usize>,
    errors: &[(usize, String)],
    general_error: Option<String>,
) -> Result<Response, AppError> {
    let fields = needed
        .iter()
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o == *i))
        .map(|(i, n)| UploadField { name: format!("fil-{i}"), label: label(lang, n), error: errors.iter().find(|(e, _)| *e == i).map(|(_, m)| m.clone()) })
        .collect();
    let page = UploadPage {
        ctx: context(app, lang, &format!("{base}/dokumenter"), session).await?,
        action: format!("{base}/dokumenter"),
        back: base.to_owned(),
        reference: sent.reference.clone(),
        fields,
        only,
        max_file_mb: app.config.uploads.max_file_bytes / (1024 * 1024),
        error: general_error.clone(),
        has_errors: !errors.is_empty() || general_error.is_some(),
    };
    let mut response = render(&page);
    if page.has_errors {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

#[derive(serde::Deserialize)]
pub struct Only {
    krav: Option<String>,
}

/// The one request a page is for (`krav`, its place in the list), if it names one that exists.
fn only(raw: Option<&str>, needed: &[Needed]) -> Option<usize> {
    raw?.trim().parse::<usize>().ok().filter(|i| *i < needed.len())
}

pub async fn page(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, Query(q): Query<Only>) -> Result<Response, AppError> {
    let sent = own_application(&app, &id, &citizen).await?;
    page_for(&app, lang, &session, &sent, &citizen, q.krav.as_deref(), &format!("/mine-soknader/{id}")).await
}

/// The upload page for `owner`'s application, under `base` (the owner's case page, or a helper's).
pub(crate) async fn page_for(app: &AppState, lang: Lang, session: &Session, sent: &StoredApplication, owner: &Citizen, krav: Option<&str>, base: &str) -> Result<Response, AppError> {
    let needed = needed(app, sent, owner).await?;
    let only = only(krav, &needed);
    upload_page(app, lang, session, sent, base, &needed, only, &[], None).await
}

/// The message for a refused file, in the user's language, naming the file.
fn refusal(app: &AppState, lang: Lang, e: &ConvertError, names: &[String]) -> String {
    match e.input() {
        Some((index, problem)) => {
            let name = names.get(index).cloned().unwrap_or_default();
            super::upload_message(app, lang, problem.code(), &name)
        }
        None => lang.t("upload-error-unreadable"),
    }
}

pub async fn send(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, multipart: Multipart) -> Result<Response, AppError> {
    let sent = own_application(&app, &id, &citizen).await?;
    send_for(&app, lang, &session, &sent, &citizen, &citizen, multipart, &format!("/mine-soknader/{id}")).await
}

/// Receives documents for `owner`'s application sent by `actor` (the owner, or a helper with a
/// power that covers it), then goes back to `base`.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn send_for(
    app: &AppState,
    lang: Lang,
    session: &Session,
    sent: &StoredApplication,
    owner: &Citizen,
    actor: &Citizen,
    mut multipart: Multipart,
    base: &str,
) -> Result<Response, AppError> {
    let needed = needed(app, sent, owner).await?;
    // (field index, file name, bytes), in the order the browser sent them.
    let mut files: Vec<(usize, String, Vec<u8>)> = Vec::new();
    let mut token = String::new();
    let mut krav = String::new();
    let mut total = 0usize;
    let mut errors: Vec<(usize, String)> = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return upload_page(app, lang, session, sent, base, &needed, only(Some(&krav), &needed), &[], Some(lang.t("upload-error-interrupted"))).await,
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "_csrf" {
            token = field.text().await.unwrap_or_default();
            continue;
        }
        if name == "krav" {
            krav = field.text().await.unwrap_or_default();
            continue;
        }
        let Some(index) = name.strip_prefix("fil-").and_then(|i| i.parse::<usize>().ok()).filter(|i| *i < needed.len()) else { continue };
        // The name is shown on pages: nothing in it may change how the page reads.
        let file_name = velferd_domain::text::display_name(field.file_name().unwrap_or_default(), 100);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(_) => return upload_page(app, lang, session, sent, base, &needed, only(Some(&krav), &needed), &[], Some(lang.t("upload-error-interrupted"))).await,
        };
        if bytes.is_empty() && file_name.is_empty() {
            continue; // an input left empty
        }
        total += bytes.len();
        if bytes.len() > app.config.uploads.max_file_bytes {
            errors.push((index, super::upload_message(app, lang, "too-large", &file_name)));
        }
        files.push((index, file_name, bytes.to_vec()));
    }
    session::verify_csrf(session, &crate::form::FormData(vec![("_csrf".into(), token)])).await?;
    crate::limits::check(app, crate::limits::Bucket::Upload, actor.fnr.as_str()).await?;
    if files.is_empty() {
        return upload_page(app, lang, session, sent, base, &needed, only(Some(&krav), &needed), &[], Some(lang.t("upload-error-none"))).await;
    }
    let limits = app.config.uploads;
    if files.len() > limits.max_files || total > limits.max_total_bytes {
        let message = lang.t_args("upload-error-too-many", &limits.message_args());
        return upload_page(app, lang, session, sent, base, &needed, only(Some(&krav), &needed), &[], Some(message)).await;
    }
    if !errors.is_empty() {
        return upload_page(app, lang, session, sent, base, &needed, only(Some(&krav), &needed), &errors, None).await;
    }

    // One PDF per document, converted off the async threads.
    let mut documents = Vec::new();
    let mut pdfs = Vec::new();
    for (index, n) in needed.iter().enumerate() {
        let group: Vec<(String, Vec<u8>)> = files.iter().filter(|(i, _, _)| *i == index).map(|(_, name, b)| (name.clone(), b.clone())).collect();
        if group.is_empty() {
            continue;
        }
        let names: Vec<String> = group.iter().map(|(n, _)| n.clone()).collect();
        let result = tokio::task::spawn_blocking(move || {
            let inputs: Vec<Input<'_>> = group.iter().map(|(name, b)| Input::new(name, b)).collect();
            combine(&inputs, &limits.conversion())
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
        match result {
            Ok(pdf) => pdfs.push((index, n.clone(), pdf)),
            Err(e) => errors.push((index, refusal(app, lang, &e, &names))),
        }
    }
    if !errors.is_empty() {
        return upload_page(app, lang, session, sent, base, &needed, only(Some(&krav), &needed), &errors, None).await;
    }
    let mut vedlegg = Vec::new();
    for (index, n, pdf) in pdfs {
        let sha = app.files.put(&pdf).await?;
        vedlegg.push(Vedlegg {
            kind: n.kind.clone(),
            tilleggsinfo: n.tilleggsinfo.clone(),
            status: VedleggStatus::LastetOpp,
            filer: vec![Fil { filnavn: format!("{}-{}-{index}.pdf", n.kind, &sha[..8]), sha512: None }],
            hendelse_type: Some(if n.requested { "dokumentasjonEtterspurt" } else { "bruker" }.to_owned()),
            hendelse_referanse: None,
        });
        documents.push(SubmittedDocument { kind: n.kind, tilleggsinfo: n.tilleggsinfo, sha256: sha, bytes: pdf.len() as i64 });
    }
    let spec = serde_json::to_value(VedleggSpesifikasjon { vedlegg }).map_err(|e| AppError::Internal(e.to_string()))?;
    // The files are on disk before the submission names them, so "received" never points at nothing.
    app.store.add_submission(&sent.id, &owner.fnr, &documents, &spec, now_ms()).await?.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!("{base}#dokumenter")).into_response())
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
