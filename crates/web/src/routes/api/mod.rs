//! The integration API for case systems (fagsystem), modelled on the national Digisos exchange.
//! Versioned under `/api/v1/`, described by `/api/openapi.json`. A client authenticates with a key
//! made by `velferd admin api-key create` and sees only its own municipality's applications.

mod applications;
mod documents;
mod feed;
mod messages;

pub use applications::{acknowledge, fetch, list, put_status};
pub use documents::{application_documents_pdf, application_pdf, file, submission, submission_pdf, submissions, upload_letter, MAX_LETTER_BYTES};
pub use feed::changes;
pub use messages::messages;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use velferd_store::{ApiClient, AuditEntry, Outcome};

use crate::{now_ms, AppState};

/// Query values as sent; parsed by each handler so a bad one gets a clear error, not a rejection.
#[derive(serde::Deserialize)]
pub struct Paging {
    etter: Option<String>,
    antall: Option<String>,
}

/// `antall`: a whole number from 1 to 1000, 100 when not given.
fn page_size(raw: Option<&str>) -> Result<i64, ApiError> {
    match raw {
        None => Ok(100),
        Some(raw) => raw.parse::<i64>().ok().filter(|n| (1..=1000).contains(n)).ok_or(ApiError::BadRequest("bad_limit", "antall must be a whole number from 1 to 1000".into())),
    }
}

const OPENAPI: &str = include_str!("../../../openapi.json");

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// Errors as JSON: `{"feil": code, "melding": text, "detaljer": [...]}`; internal detail only in the log.
pub enum ApiError {
    Unauthorized,
    NotFound,
    /// The application exists but has no such thing (the text says what).
    NotFoundThing(&'static str),
    BadRequest(&'static str, String),
    /// Over the key's rate limit; retry after this many seconds.
    TooMany(i64),
    Invalid(Vec<Value>),
    /// The database or file store cannot be reached right now; retry later (503, Retry-After).
    Unavailable(String),
    Internal(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = match self {
            ApiError::TooMany(s) => Some(s),
            ApiError::Unavailable(_) => Some(crate::error::UNAVAILABLE_RETRY_S as i64),
            _ => None,
        };
        let (status, body) = match self {
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, json!({"feil": "unauthorized", "melding": "missing, unknown or revoked API key"})),
            ApiError::NotFound => (StatusCode::NOT_FOUND, json!({"feil": "not_found", "melding": "no such application for this municipality"})),
            ApiError::NotFoundThing(what) => (StatusCode::NOT_FOUND, json!({"feil": "not_found", "melding": what})),
            ApiError::BadRequest(code, m) => (StatusCode::BAD_REQUEST, json!({"feil": code, "melding": m})),
            ApiError::TooMany(s) => {
                (StatusCode::TOO_MANY_REQUESTS, json!({"feil": "too_many_requests", "melding": format!("rate limit for this key reached; retry after {s} seconds")}))
            }
            ApiError::Invalid(details) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"feil": "invalid_document", "melding": "the document does not follow the digisos-soker schema; nothing was changed", "detaljer": details}),
            ),
            ApiError::Unavailable(detail) => {
                tracing::warn!(%detail, "api: database or file store unavailable");
                (StatusCode::SERVICE_UNAVAILABLE, json!({"feil": "unavailable", "melding": "temporarily unavailable; nothing was changed; retry later"}))
            }
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "api request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, json!({"feil": "internal", "melding": "internal error"}))
            }
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, seconds.into());
        }
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<velferd_store::StoreError> for ApiError {
    fn from(e: velferd_store::StoreError) -> Self {
        if e.is_unavailable() {
            ApiError::Unavailable(e.to_string())
        } else {
            ApiError::Internal(e.to_string())
        }
    }
}

/// The authenticated case system.
pub struct Client(pub ApiClient);

impl FromRequestParts<AppState> for Client {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let secret = parts.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).ok_or(ApiError::Unauthorized)?;
        match app.store.api_client(secret.trim()).await? {
            Some(client) => {
                crate::limits::check(app, crate::limits::Bucket::Api, &client.key_id).await.map_err(|l| ApiError::TooMany(l.retry_after_s))?;
                Ok(Client(client))
            }
            None => {
                tracing::warn!("api: refused an unknown or revoked key");
                Err(ApiError::Unauthorized)
            }
        }
    }
}

/// Writes the audit entry for what a case system did, before the response goes out: if the log
/// cannot be written, the caller gets an error rather than unlogged data.
pub(super) async fn audit(app: &AppState, client: &ApiClient, action: &str, application_id: Option<&str>, outcome: Outcome) -> Result<(), ApiError> {
    let person = match application_id {
        Some(id) => app.store.owner_of(id).await?,
        None => None,
    };
    let entry = AuditEntry {
        actor: format!("api-key:{}", client.key_id),
        actor_name: client.name.clone(),
        role: "fagsystem".to_owned(),
        office: Some(client.kommunenummer.as_str().to_owned()),
        action: action.to_owned(),
        person,
        application_id: application_id.map(str::to_owned),
        outcome,
    };
    app.store.audit(&entry, now_ms()).await?;
    Ok(())
}

/// A refused access, audited as DENY before the answer: the 404 to send, or the error if the
/// audit entry could not be written (then nothing is answered but the error).
pub(super) async fn refused(app: &AppState, client: &ApiClient, action: &str, application_id: &str) -> ApiError {
    match audit(app, client, action, Some(application_id), Outcome::Deny).await {
        Ok(()) => ApiError::NotFound,
        Err(e) => e,
    }
}

/// The application if it belongs to the client's municipality; otherwise the refusal is audited
/// (DENY) and the answer is 404, the same as for an id that does not exist.
pub(super) async fn check_application(app: &AppState, client: &ApiClient, id: &str, action: &str) -> Result<velferd_store::StoredApplication, ApiError> {
    match app.store.application_for_client(client, id).await? {
        Some((sent, _)) => Ok(sent),
        None => Err(refused(app, client, action, id).await),
    }
}
