//! Posted forms, read without ever rejecting: broken UTF-8 becomes U+FFFD (which the domain then
//! refuses with a message next to the field), unknown fields are ignored by the domain, and an
//! oversized body gets a page that says so. A user never sees a bare 400 or 422.

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequest, Request};

use crate::error::AppError;

/// Largest form body read. Far above any honest form (free text is limited to a few thousand
/// characters); the cap only stops a client from making us buffer without bound.
pub const MAX_FORM_BYTES: usize = 1024 * 1024;

/// The fields of a posted `application/x-www-form-urlencoded` form, in order.
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = AppError;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        let body: Body = req.into_body();
        let bytes = to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| AppError::TooLarge)?;
        Ok(FormData(form_urlencoded::parse(&bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()))
    }
}

/// A posted form that may carry files: `multipart/form-data` (a form with a file input), or a plain
/// form read as [`FormData`]. Never rejects either: text fields are read as [`FormData`] reads
/// them, each file keeps its field name, its name cleaned for showing
/// (`velferd_domain::text::display_name`) and its bytes; a file input left empty is no file.
/// `interrupted` says the body stopped part way (a cancelled upload, or one over the route's limit).
#[derive(Debug, Clone, Default)]
pub struct FormWithFiles {
    pub form: FormData,
    /// (field name, file name, bytes), in the order sent.
    pub files: Vec<(String, String, Vec<u8>)>,
    pub interrupted: bool,
}

impl<S: Send + Sync> FromRequest<S> for FormWithFiles {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_multipart = req.headers().get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("multipart/form-data"));
        if !is_multipart {
            return Ok(FormWithFiles { form: FormData::from_request(req, state).await?, ..FormWithFiles::default() });
        }
        let mut out = FormWithFiles::default();
        let Ok(mut multipart) = axum::extract::Multipart::from_request(req, state).await else {
            out.interrupted = true;
            return Ok(out);
        };
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(_) => {
                    out.interrupted = true;
                    break;
                }
            };
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(|f| velferd_domain::text::display_name(f, 100));
            let Ok(bytes) = field.bytes().await else {
                out.interrupted = true;
                break;
            };
            match file_name {
                Some(file_name) if bytes.is_empty() && file_name.is_empty() => {} // a file input left empty
                Some(file_name) => out.files.push((name, file_name, bytes.to_vec())),
                None => out.form.0.push((name, String::from_utf8_lossy(&bytes).into_owned())),
            }
        }
        Ok(out)
    }
}
