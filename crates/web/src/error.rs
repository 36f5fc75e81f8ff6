//! The one error type of the web layer. Handlers return it; it becomes a page in the user's
//! language in exactly one place ([`render_error_pages`]). Internal details go to the log only.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::i18n::Lang;
use crate::pages::{render, ErrorPage, PageContext};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing here for this person: unknown id, someone else's draft, an expired draft.
    #[error("not found")]
    NotFound,
    /// A form without a valid anti-forgery token (forged, or from a page open since before sign-in).
    #[error("form token missing or wrong")]
    BadToken,
    /// Signed in, but the role does not allow this (e.g. contact-centre staff on case pages).
    #[error("forbidden")]
    Forbidden,
    #[error("form too large")]
    TooLarge,
    /// The signed-in person is not in the population register, so an application cannot name them.
    /// Their answers are kept; the page tells them to contact the office.
    #[error("person not in the population register")]
    NotInRegister,
    /// Over a rate limit; try again after this many seconds.
    #[error("too many requests")]
    TooMany(i64),
    /// The database or the file store cannot be reached right now; nothing was written, and what
    /// the person typed is kept. Try again in a little while (503 with Retry-After).
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<velferd_store::StoreError> for AppError {
    fn from(e: velferd_store::StoreError) -> Self {
        if e.is_unavailable() {
            AppError::Unavailable(e.to_string())
        } else {
            AppError::Internal(e.to_string())
        }
    }
}

impl From<velferd_cases::CaseError> for AppError {
    /// Refusals and conflicts are answered on the page where they happened (next to the form);
    /// one that reaches here was not expected by its handler.
    fn from(e: velferd_cases::CaseError) -> Self {
        use velferd_cases::CaseError;
        match e {
            CaseError::NotFound => AppError::NotFound,
            CaseError::Forbidden => AppError::Forbidden,
            CaseError::Refused(r) => AppError::Internal(format!("unhandled refusal {}", r.key)),
            CaseError::Invalid(r) => AppError::Internal(format!("unhandled refusals {:?}", r.iter().map(|r| r.key).collect::<Vec<_>>())),
            CaseError::Conflict => AppError::Internal("unhandled conflict".into()),
            CaseError::Store(e) => e.into(),
            CaseError::Internal(e) => AppError::Internal(e),
            CaseError::File { code, .. } => AppError::Internal(format!("unhandled file refusal {code}")),
        }
    }
}

impl From<crate::limits::Limited> for AppError {
    fn from(l: crate::limits::Limited) -> Self {
        AppError::TooMany(l.retry_after_s)
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

/// Seconds to wait before retrying when the database or file store is unavailable.
pub const UNAVAILABLE_RETRY_S: u64 = 30;

/// Marks a response as an error page still to be rendered in the request's language.
#[derive(Debug, Clone, Copy)]
struct Pending(&'static str);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, key) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "error-page-not-found"),
            AppError::BadToken => (StatusCode::FORBIDDEN, "error-page-bad-token"),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "error-page-forbidden"),
            AppError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "error-page-too-large"),
            AppError::NotInRegister => (StatusCode::CONFLICT, "error-page-not-in-register"),
            AppError::TooMany(_) => (StatusCode::TOO_MANY_REQUESTS, "error-page-too-many"),
            AppError::Unavailable(detail) => {
                tracing::warn!(%detail, "database or file store unavailable");
                (StatusCode::SERVICE_UNAVAILABLE, "error-page-unavailable")
            }
            AppError::Internal(detail) => {
                tracing::error!(%detail, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "error-page-internal")
            }
        };
        let mut response = status.into_response();
        match self {
            AppError::TooMany(seconds) => {
                response.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
            }
            AppError::Unavailable(_) => {
                response.headers_mut().insert(axum::http::header::RETRY_AFTER, UNAVAILABLE_RETRY_S.into());
            }
            _ => {}
        }
        response.extensions_mut().insert(Pending(key));
        response
    }
}

/// Renders pending error pages (and bare 404/405 from the router) in the request's language.
pub async fn render_error_pages(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let path = req.uri().path().to_owned();
    let response = next.run(req).await;
    let key = match response.extensions().get::<Pending>() {
        Some(Pending(key)) => *key,
        None if response.status() == StatusCode::NOT_FOUND && response.headers().get("content-type").is_none() => "error-page-not-found",
        None if response.status() == StatusCode::METHOD_NOT_ALLOWED => "error-page-not-found",
        None => return response,
    };
    if path.starts_with("/api/") || path == "/health" {
        return response;
    }
    let status = response.status();
    let retry_after = response.headers().get(axum::http::header::RETRY_AFTER).cloned();
    let staff = path == "/ansatt" || path.starts_with("/ansatt/");
    let page = ErrorPage { ctx: PageContext::new(lang, &path, None), message_key: key, staff };
    let mut rendered = render(&page);
    *rendered.status_mut() = status;
    if let Some(value) = retry_after {
        rendered.headers_mut().insert(axum::http::header::RETRY_AFTER, value);
    }
    rendered
}
