//! `GET /papirskjema/{nb|nn|en}.pdf`: the printable paper application form (`crate::paper`), for
//! anyone (no sign-in): offices print it, and a person may print it at home.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::i18n::Lang;

pub async fn pdf(Path(file): Path<String>) -> Result<Response, AppError> {
    let lang = file.strip_suffix(".pdf").and_then(Lang::from_code).filter(|l| file == format!("{}.pdf", l.code())).ok_or(AppError::NotFound)?;
    let document = crate::paper::document(lang);
    let bytes = tokio::task::spawn_blocking(move || velferd_documents::render(&document))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"soknadsskjema-{}.pdf\"", lang.code())),
            (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
