//! Files of an application for the case system: the application as PDF, the citizen's
//! ettersendelser (each its own item with vedlegg.json and files), and the office's letters, which
//! the case system uploads here and then refers to from its digisos-soker document.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use velferd_documents::photos::{combine, ConvertError, Input, Limits};
use velferd_formats::soknad::tidspunkt;
use velferd_store::{Outcome, Submission};

use super::{audit, check_application, refused, ApiError, Client};
use crate::i18n::Lang;
use crate::{now_ms, AppState};

/// Largest letter accepted.
pub const MAX_LETTER_BYTES: usize = 10 * 1024 * 1024;

fn pdf_response(bytes: Vec<u8>, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /api/v1/soknader/{id}/soknad.pdf`: the application as the citizen sent it, as PDF (bokmål).
pub async fn application_pdf(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<Response, ApiError> {
    let sent = check_application(&app, &client, &id, "read-application-pdf").await?;
    let owner = app.store.owner_of(&id).await?.and_then(|fnr| velferd_domain::ids::Fodselsnummer::parse(&fnr).ok());
    let (name, protected) = match owner {
        Some(fnr) => (app.store.person(&fnr).await?.map(|p| p.fullt_navn()).unwrap_or_default(), app.store.adressebeskyttelse(&fnr).await?.is_some()),
        None => (String::new(), false),
    };
    let office = app.kommuner.get(&sent.kommunenummer).map(|k| k.kontor.navn.clone()).unwrap_or_default();
    audit(&app, &client, "read-application-pdf", Some(&id), Outcome::Permit).await?;
    let filename = format!("soknad-{}.pdf", sent.reference);
    let bytes = tokio::task::spawn_blocking(move || crate::pdf::application_pdf(Lang::Nb, &sent, &office, &name, protected))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(ApiError::Internal)?;
    Ok(pdf_response(bytes, &filename))
}

fn submission_json(application_id: &str, s: &Submission) -> Value {
    let base = format!("/api/v1/soknader/{application_id}");
    json!({
        "id": s.id,
        "soknad": application_id,
        "mottatt": tidspunkt(s.created_ms),
        "vedlegg": s.vedlegg_json,
        "filer": s.documents.iter().map(|d| json!({
            "type": d.kind,
            "tilleggsinfo": d.tilleggsinfo,
            "sha256": d.sha256,
            "storrelse": d.bytes,
            "href": format!("{base}/filer/{}", d.sha256),
        })).collect::<Vec<_>>(),
    })
}

/// `GET /api/v1/soknader/{id}/ettersendelser`: documents the citizen sent after the application.
pub async fn submissions(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    check_application(&app, &client, &id, "read-submissions").await?;
    let all = app.store.submissions_for_client(&client, &id).await?;
    audit(&app, &client, "read-submissions", Some(&id), Outcome::Permit).await?;
    let later: Vec<Value> = all.iter().filter(|s| !s.with_application).map(|s| submission_json(&id, s)).collect();
    Ok(Json(json!({"ettersendelser": later})))
}

/// `GET /api/v1/soknader/{id}/ettersendelser/{ettersendelse}`: one sending with its vedlegg.json.
pub async fn submission(State(app): State<AppState>, Client(client): Client, Path((id, submission_id)): Path<(String, String)>) -> Result<Json<Value>, ApiError> {
    check_application(&app, &client, &id, "read-submissions").await?;
    let Some(found) = app.store.submissions_for_client(&client, &id).await?.into_iter().find(|s| s.id == submission_id && !s.with_application) else {
        // Another application's ettersendelse asked for under one's own: refused like any other.
        return Err(refused(&app, &client, "read-submissions", &id).await);
    };
    audit(&app, &client, "read-submissions", Some(&id), Outcome::Permit).await?;
    Ok(Json(submission_json(&id, &found)))
}

/// `GET /api/v1/soknader/{id}/filer/{sha256}`: a document the citizen sent or a letter filed on the
/// application, by its SHA-256.
pub async fn file(State(app): State<AppState>, Client(client): Client, Path((id, sha)): Path<(String, String)>) -> Result<Response, ApiError> {
    if !app.store.client_may_read_file(&client, &id, &sha).await? {
        return Err(refused(&app, &client, "read-file", &id).await);
    }
    let bytes = app.files.get(&sha).await?.ok_or_else(|| ApiError::Internal("a recorded file is missing from the file store".into()))?;
    audit(&app, &client, "read-file", Some(&id), Outcome::Permit).await?;
    Ok(pdf_response(bytes, &format!("{}.pdf", &sha[..16.min(sha.len())])))
}

/// One PDF of documents for the office to read from start to end (the use case's merged PDF).
async fn merged(app: &AppState, title: String, intro: Vec<String>, documents: &[velferd_store::SubmittedDocument]) -> Result<Vec<u8>, ApiError> {
    let items: Vec<(String, String)> = documents.iter().map(|d| (crate::routes::document_label(Lang::Nb, &d.kind, &d.tilleggsinfo), d.sha256.clone())).collect();
    app.cases.merged_pdf(title, intro, &items).await.map_err(|e| ApiError::Internal(e.to_string()))
}

/// `GET /api/v1/soknader/{id}/vedlegg.pdf`: every document sent with the application, merged.
pub async fn application_documents_pdf(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<Response, ApiError> {
    let sent = check_application(&app, &client, &id, "read-file").await?;
    let documents: Vec<_> = app.store.submissions_for_client(&client, &id).await?.into_iter().filter(|s| s.with_application).flat_map(|s| s.documents).collect();
    if documents.is_empty() {
        return Err(ApiError::NotFoundThing("no documents were sent with this application"));
    }
    audit(&app, &client, "read-file", Some(&id), Outcome::Permit).await?;
    let title = format!("Vedlegg til søknad {}", sent.reference);
    let intro = vec![format!("Sendt med søknaden {}.", tidspunkt(sent.sent_ms)), format!("{} dokumenter.", documents.len())];
    let pdf = merged(&app, title, intro, &documents).await?;
    Ok(pdf_response(pdf, &format!("vedlegg-{}.pdf", sent.reference)))
}

/// `GET /api/v1/soknader/{id}/ettersendelser/{ettersendelse}/samlet.pdf`: one sending, merged.
pub async fn submission_pdf(State(app): State<AppState>, Client(client): Client, Path((id, submission_id)): Path<(String, String)>) -> Result<Response, ApiError> {
    let sent = check_application(&app, &client, &id, "read-file").await?;
    let Some(found) = app.store.submissions_for_client(&client, &id).await?.into_iter().find(|s| s.id == submission_id && !s.with_application) else {
        return Err(refused(&app, &client, "read-file", &id).await);
    };
    audit(&app, &client, "read-file", Some(&id), Outcome::Permit).await?;
    let title = format!("Ettersendelse til søknad {}", sent.reference);
    let intro = vec![format!("Mottatt {}.", tidspunkt(found.created_ms)), format!("{} dokumenter.", found.documents.len())];
    let pdf = merged(&app, title, intro, &found.documents).await?;
    Ok(pdf_response(pdf, &format!("ettersendelse-{}.pdf", found.id)))
}

#[derive(serde::Deserialize)]
pub struct LetterQuery {
    tittel: Option<String>,
}

/// `POST /api/v1/soknader/{id}/brev?tittel=…` with a PDF body: files a letter to the citizen and
/// answers with the `dokumentlager` reference to use in the digisos-soker document (for example as
/// a `vedtakFattet`'s `vedtaksfil`). The PDF is checked like a citizen's upload (no JavaScript,
/// embedded files or encryption) and stored rewritten, so what the citizen opens is plain pages.
pub async fn upload_letter(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>, Query(q): Query<LetterQuery>, body: Bytes) -> Result<Response, ApiError> {
    // Another municipality's id is refused (and audited) whatever the request holds.
    check_application(&app, &client, &id, "file-letter").await?;
    // The title is shown on the citizen's page: one printable line, nothing that changes how the
    // page reads (see velferd_domain::text). A system is told rather than corrected.
    let raw_title = q.tittel.as_deref().unwrap_or_default();
    let title = match velferd_domain::text::clean_line(raw_title, 200) {
        Ok(t) if !t.is_empty() && velferd_domain::text::hidden_character(raw_title).is_none() => t,
        _ => {
            return Err(ApiError::BadRequest(
                "bad_title",
                "tittel is required: the letter's title as the citizen should see it, one line of at most 200 characters, without control characters, characters that change the writing direction (U+202A-U+202E, U+2066-U+2069) or zero-width characters (U+200B-U+200D, U+2060, U+FEFF)".into(),
            ))
        }
    };
    if body.len() > MAX_LETTER_BYTES {
        return Err(ApiError::BadRequest("too_large", format!("a letter may be at most {MAX_LETTER_BYTES} bytes")));
    }
    if !body.starts_with(b"%PDF-") {
        return Err(ApiError::BadRequest("not_pdf", "the body must be a PDF file".into()));
    }
    let bytes = body.to_vec();
    let pdf =
        tokio::task::spawn_blocking(move || combine(&[Input::new("brev.pdf", &bytes)], &Limits::default())).await.map_err(|e| ApiError::Internal(e.to_string()))?.map_err(|e| {
            match e {
                ConvertError::Input { problem, .. } => ApiError::BadRequest("bad_pdf", problem.to_string()),
                ConvertError::Write(detail) => ApiError::Internal(detail),
                other => ApiError::BadRequest("bad_pdf", other.to_string()),
            }
        })?;
    let sha = app.files.put(&pdf).await?;
    let Some(letter) = app.store.add_letter_for_client(&client, &id, &title, &sha, pdf.len() as i64, now_ms()).await? else {
        return Err(refused(&app, &client, "file-letter", &id).await);
    };
    audit(&app, &client, "file-letter", Some(&id), Outcome::Permit).await?;
    let body = json!({
        "id": letter,
        "referanse": {"type": "dokumentlager", "id": letter},
        "href": format!("/api/v1/soknader/{id}/filer/{sha}"),
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
