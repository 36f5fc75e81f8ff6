//! The integration API for case systems (fagsystem), modelled on the national Digisos exchange.
//! Versioned under `/api/v1/`, described by `/api/openapi.json`. A client authenticates with a key
//! made by `velferd admin api-key create` and sees only its own municipality's applications.

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use velferd_formats::soknad::tidspunkt;
use velferd_formats::{validate, Kind};
use velferd_store::{ApiClient, AuditEntry, Outcome};

use crate::{now_ms, AppState};

const OPENAPI: &str = include_str!("../../openapi.json");

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// Errors as JSON: `{"feil": code, "melding": text, "detaljer": [...]}`; internal detail only in the log.
pub enum ApiError {
    Unauthorized,
    NotFound,
    BadRequest(&'static str, String),
    Invalid(Vec<Value>),
    Internal(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, json!({"feil": "unauthorized", "melding": "missing, unknown or revoked API key"})),
            ApiError::NotFound => (StatusCode::NOT_FOUND, json!({"feil": "not_found", "melding": "no such application for this municipality"})),
            ApiError::BadRequest(code, m) => (StatusCode::BAD_REQUEST, json!({"feil": code, "melding": m})),
            ApiError::Invalid(details) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"feil": "invalid_document", "melding": "the document does not follow the digisos-soker schema; nothing was changed", "detaljer": details}),
            ),
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "api request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, json!({"feil": "internal", "melding": "internal error"}))
            }
        };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<velferd_store::StoreError> for ApiError {
    fn from(e: velferd_store::StoreError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

/// The authenticated case system.
pub struct Client(pub ApiClient);

impl FromRequestParts<AppState> for Client {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let secret = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        match app.store.api_client(secret.trim()).await? {
            Some(client) => Ok(Client(client)),
            None => {
                tracing::warn!("api: refused an unknown or revoked key");
                Err(ApiError::Unauthorized)
            }
        }
    }
}

/// Writes the audit entry for what a case system did, before the response goes out: if the log
/// cannot be written, the caller gets an error rather than unlogged data.
async fn audit(app: &AppState, client: &ApiClient, action: &str, application_id: Option<&str>, outcome: Outcome) -> Result<(), ApiError> {
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

#[derive(Deserialize)]
pub struct ListQuery {
    etter: Option<String>,
    antall: Option<String>,
}

/// Cursor: the last item's send time and id, opaque to clients.
fn parse_cursor(raw: &str) -> Option<(i64, String)> {
    let (ms, id) = raw.split_once('.')?;
    Some((ms.parse().ok()?, id.to_owned()))
}

/// `GET /api/v1/soknader`: applications not yet acknowledged, oldest first, a page at a time.
pub async fn list(State(app): State<AppState>, Client(client): Client, Query(q): Query<ListQuery>) -> Result<Json<Value>, ApiError> {
    let limit = match q.antall.as_deref() {
        None => 100,
        Some(raw) => raw.parse::<i64>().ok().filter(|n| (1..=1000).contains(n)).ok_or(ApiError::BadRequest("bad_limit", "antall must be a whole number from 1 to 1000".into()))?,
    };
    let after = match q.etter.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(parse_cursor(raw).ok_or(ApiError::BadRequest("bad_cursor", "etter must be a cursor from a previous page".into()))?),
    };
    let rows = app.store.unacknowledged(&client, after, limit + 1).await?;
    audit(&app, &client, "list-applications", None, Outcome::Permit).await?;
    let more = rows.len() as i64 > limit;
    let page: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let next = if more { page.last().map(|(id, _, ms)| format!("{ms}.{id}")) } else { None };
    let items: Vec<Value> = page
        .iter()
        .map(|(id, reference, ms)| json!({"id": id, "referanse": reference, "mottatt": tidspunkt(*ms), "href": format!("/api/v1/soknader/{id}")}))
        .collect();
    Ok(Json(json!({"soknader": items, "neste": next})))
}

/// `GET /api/v1/soknader/{id}`: the application with its soknad.json and vedlegg.json.
pub async fn fetch(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let Some((sent, acknowledged)) = app.store.application_for_client(&client, &id).await? else {
        audit(&app, &client, "read-application", Some(&id), Outcome::Deny).await?;
        return Err(ApiError::NotFound);
    };
    audit(&app, &client, "read-application", Some(&id), Outcome::Permit).await?;
    Ok(Json(json!({
        "id": sent.id,
        "referanse": sent.reference,
        "kommunenummer": sent.kommunenummer.as_str(),
        "mottatt": tidspunkt(sent.sent_ms),
        "kvittert": acknowledged.is_some(),
        "nodhjelp": sent.emergency,
        "soknad": sent.soknad_json,
        "vedlegg": sent.vedlegg_json,
        "filer": [],
    })))
}

/// `POST /api/v1/soknader/{id}/kvittering`: the case system has the application.
pub async fn acknowledge(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    if app.store.acknowledge(&client, &id, now_ms()).await? {
        audit(&app, &client, "acknowledge", Some(&id), Outcome::Permit).await?;
        Ok(StatusCode::NO_CONTENT)
    } else {
        audit(&app, &client, "acknowledge", Some(&id), Outcome::Deny).await?;
        Err(ApiError::NotFound)
    }
}

/// `PUT /api/v1/soknader/{id}/digisos-soker`: the case system's full status document, replacing the
/// previous one. A document that breaks the schema is refused with its errors and changes nothing.
pub async fn put_status(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>, body: axum::body::Bytes) -> Result<StatusCode, ApiError> {
    let doc: Value = serde_json::from_slice(&body).map_err(|e| ApiError::Invalid(vec![json!({"peker": "", "melding": format!("not JSON: {e}")})]))?;
    let errors = validate(Kind::DigisosSoker, &doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors.into_iter().map(|e| json!({"peker": e.pointer, "melding": e.message})).collect()));
    }
    if let Err(e) = serde_json::from_value::<velferd_formats::soker::DigisosSoker>(doc.clone()) {
        return Err(ApiError::Invalid(vec![json!({"peker": "/hendelser", "melding": e.to_string()})]));
    }
    if app.store.put_external_status(&client, &id, &doc, now_ms()).await? {
        audit(&app, &client, "update-status", Some(&id), Outcome::Permit).await?;
        Ok(StatusCode::NO_CONTENT)
    } else {
        audit(&app, &client, "update-status", Some(&id), Outcome::Deny).await?;
        Err(ApiError::NotFound)
    }
}
