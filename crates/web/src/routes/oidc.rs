//! Sign-in through OpenID Connect providers: citizens with ID-porten (`/logg-inn/...`), staff with
//! the municipality's provider (`/ansatt/logg-inn/...`), and the calls a provider makes to end a
//! sign-in (back- and front-channel logout). The protocol is in [`crate::oidc`]; here are the
//! session, the pages and the log lines.

use axum::extract::{Query, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use super::context;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::limits::{self, Bucket, ClientIp};
use crate::oidc::{Assurance, Audience, Callback, Identity, Pending, Provider, Refusal};
use crate::pages::{render, SignInFailedPage};
use crate::return_path::ReturnPath;
use crate::session::{self, Staff};
use crate::{now_ms, AppState};

/// Session keys: the sign-in on its way through the provider, and the provider's sign-in once done.
const PENDING_CITIZEN: &str = "oidc_pending_citizen";
const PENDING_STAFF: &str = "oidc_pending_staff";
/// Set when a login was refused for who it was (too weak, no personal number, no role): the next
/// attempt asks the provider for a fresh login instead of reusing the provider's session.
const FRESH_CITIZEN: &str = "oidc_fresh_citizen";
const FRESH_STAFF: &str = "oidc_fresh_staff";
pub const LOGIN_CITIZEN: &str = "oidc_login_citizen";
pub const LOGIN_STAFF: &str = "oidc_login_staff";

#[derive(Deserialize)]
pub struct Next {
    neste: Option<String>,
}

pub async fn start_citizen(State(app): State<AppState>, ClientIp(ip): ClientIp, lang: Lang, session: Session, Query(q): Query<Next>) -> Result<Response, AppError> {
    let provider = app.config.citizen_sign_in.as_ref().ok_or(AppError::NotFound)?;
    limits::check(&app, Bucket::SignIn, &ip).await?;
    start(&app, provider, lang, &session, (PENDING_CITIZEN, FRESH_CITIZEN), ReturnPath::or_citizen_start(q.neste.as_deref())).await
}

pub async fn start_staff(State(app): State<AppState>, ClientIp(ip): ClientIp, lang: Lang, session: Session, Query(q): Query<Next>) -> Result<Response, AppError> {
    let next = ReturnPath::or_staff_start(q.neste.as_deref());
    let Some(provider) = app.config.staff_sign_in.as_ref() else {
        return super::staff::home::not_configured(&app, lang, &session, &next).await;
    };
    limits::check(&app, Bucket::SignIn, &ip).await?;
    start(&app, provider, lang, &session, (PENDING_STAFF, FRESH_STAFF), next).await
}

/// Sends the browser to the provider, keeping state, nonce and PKCE verifier in the session.
async fn start(app: &AppState, provider: &Provider, lang: Lang, session: &Session, (pending_key, fresh_key): (&str, &str), next: ReturnPath) -> Result<Response, AppError> {
    let fresh_login = session.remove::<bool>(fresh_key).await.ok().flatten().unwrap_or(false);
    match provider.begin(lang, next.as_str().to_owned(), now_ms(), fresh_login).await {
        Ok((url, pending)) => {
            session.insert(pending_key, &pending).await.map_err(crate::session::error)?;
            Ok(Redirect::to(&url).into_response())
        }
        Err(refusal) => refused(app, lang, session, provider, &refusal).await,
    }
}

async fn take_pending(session: &Session, key: &str) -> Option<Pending> {
    // Taken out whatever happens next: a callback URL works once.
    session.remove::<Pending>(key).await.ok().flatten()
}

pub async fn callback_citizen(State(app): State<AppState>, ClientIp(ip): ClientIp, lang: Lang, session: Session, RawQuery(query): RawQuery) -> Result<Response, AppError> {
    let provider = app.config.citizen_sign_in.as_ref().ok_or(AppError::NotFound)?;
    // Each callback costs a call to the provider's token endpoint.
    limits::check(&app, Bucket::SignIn, &ip).await?;
    let pending = take_pending(&session, PENDING_CITIZEN).await;
    // Parsed again on the way out: the session may come from an older server version.
    let next = ReturnPath::or_citizen_start(pending.as_ref().map(|p| p.next.as_str()));
    let callback = Callback::from_query(query.as_deref().unwrap_or_default());
    match provider.finish(pending, callback, now_ms(), |_| false).await {
        Ok(done) => {
            let Identity::Citizen(fnr) = &done.who else {
                return Err(AppError::Internal("citizen provider gave a staff identity".into()));
            };
            session::sign_in(&session, fnr).await?;
            session::remember_provider_login(&session, &app.store, LOGIN_CITIZEN, &done.login, now_ms()).await?;
            tracing::info!(issuer = provider.issuer(), "citizen signed in with OpenID Connect");
            Ok(Redirect::to(next.as_str()).into_response())
        }
        Err(refusal) => refused(&app, lang, &session, provider, &refusal).await,
    }
}

pub async fn callback_staff(State(app): State<AppState>, ClientIp(ip): ClientIp, lang: Lang, session: Session, RawQuery(query): RawQuery) -> Result<Response, AppError> {
    let provider = app.config.staff_sign_in.as_ref().ok_or(AppError::NotFound)?;
    limits::check(&app, Bucket::SignIn, &ip).await?;
    let pending = take_pending(&session, PENDING_STAFF).await;
    let next = ReturnPath::or_staff_start(pending.as_ref().map(|p| p.next.as_str()));
    let callback = Callback::from_query(query.as_deref().unwrap_or_default());
    let known_office = |office: &str| app.kommuner.kontor(office).is_some();
    match provider.finish(pending, callback, now_ms(), known_office).await {
        Ok(done) => {
            let Identity::Staff { subject, name, roles, office } = done.who else {
                return Err(AppError::Internal("staff provider gave a citizen identity".into()));
            };
            let roles_logged = roles.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
            session::sign_in_staff(&app, &session, &Staff(velferd_domain::staff::StaffUser { subject, name, roles, office: office.clone() })).await?;
            session::remember_provider_login(&session, &app.store, LOGIN_STAFF, &done.login, now_ms()).await?;
            tracing::info!(issuer = provider.issuer(), %office, roles = %roles_logged, "staff signed in with OpenID Connect");
            Ok(Redirect::to(next.as_str()).into_response())
        }
        Err(refusal) => refused(&app, lang, &session, provider, &refusal).await,
    }
}

/// The page for a sign-in that did not happen, in the person's language; the reason goes to the log.
async fn refused(app: &AppState, lang: Lang, session: &Session, provider: &Provider, refusal: &Refusal) -> Result<Response, AppError> {
    let audience = provider.audience();
    match refusal {
        Refusal::Cancelled => tracing::info!(?audience, reason = %refusal, "sign-in not completed"),
        _ => tracing::warn!(?audience, reason = %refusal, "sign-in refused"),
    }
    let staff = audience == Audience::Staff;
    if matches!(refusal, Refusal::AssuranceTooLow { .. } | Refusal::MissingPid | Refusal::InvalidPid | Refusal::NoKnownRole | Refusal::NoOffice) {
        let fresh_key = if staff { FRESH_STAFF } else { FRESH_CITIZEN };
        session.insert(fresh_key, true).await.map_err(crate::session::error)?;
    }
    let office_help = if staff { None } else { Some("signin-failed-help-office") };
    let (status, title_key, text_key, help_key) = match refusal {
        Refusal::Cancelled => (StatusCode::OK, "signin-failed-cancelled-title", "signin-failed-cancelled-text", None),
        Refusal::AssuranceTooLow { .. } => {
            let text = if provider.min_assurance() == Some(Assurance::High) { "signin-failed-level-text-high" } else { "signin-failed-level-text" };
            (StatusCode::FORBIDDEN, "signin-failed-level-title", text, office_help)
        }
        Refusal::MissingPid | Refusal::InvalidPid => (StatusCode::FORBIDDEN, "signin-failed-identity-title", "signin-failed-identity-text", office_help),
        Refusal::NoKnownRole => (StatusCode::FORBIDDEN, "staff-refused-title", "staff-refused-role-text", None),
        Refusal::NoOffice => (StatusCode::FORBIDDEN, "staff-refused-title", "staff-refused-office-text", None),
        Refusal::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "signin-failed-unavailable-title", "signin-failed-unavailable-text", office_help),
        Refusal::ProviderError(_)
        | Refusal::NoPending
        | Refusal::WrongState
        | Refusal::WrongIssuer(_)
        | Refusal::NoCode
        | Refusal::TokenExchange(_)
        | Refusal::NoIdToken
        | Refusal::InvalidIdToken(_) => (StatusCode::BAD_REQUEST, "signin-failed-interrupted-title", "signin-failed-interrupted-text", office_help),
    };
    let (path, retry_href, home_href) = if staff { ("/ansatt/logg-inn", "/ansatt/logg-inn".to_owned(), "/ansatt/logget-ut") } else { ("/logg-inn", "/logg-inn".to_owned(), "/") };
    let page = SignInFailedPage { ctx: context(app, lang, path, session).await?, title_key, text_key, help_key, retry_href, home_href };
    let mut response = render(&page);
    *response.status_mut() = status;
    Ok(response)
}

/// Signs out of Velferd and, where the provider can, at the provider too.
pub async fn end_sign_in(provider: Option<&Provider>, session: &Session, key: &str, lang: Lang, fallback: &str) -> Result<Response, AppError> {
    let login = session::provider_login(session, key).await;
    session::sign_out(session).await?;
    if let (Some(provider), Some(login)) = (provider, login) {
        if let Some(url) = provider.end_session_url(&login, lang).await {
            return Ok(Redirect::to(&url).into_response());
        }
    }
    Ok(Redirect::to(fallback).into_response())
}

pub async fn sign_out_staff(State(app): State<AppState>, lang: Lang, session: Session, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    end_sign_in(app.config.staff_sign_in.as_ref(), &session, LOGIN_STAFF, lang, "/ansatt/logget-ut").await
}

/// OpenID Connect Back-Channel Logout: the provider posts a signed logout token; every session of
/// that sign-in ends.
async fn backchannel(app: &AppState, provider: Option<&Provider>, form: &FormData) -> Response {
    let Some(provider) = provider else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(token) = form.get("logout_token") else {
        return logout_error("no logout_token");
    };
    let notice = match provider.logout_notice(token).await {
        Ok(n) => n,
        Err(refusal) => {
            tracing::warn!(audience = ?provider.audience(), reason = %refusal, "back-channel logout refused");
            return logout_error("invalid logout_token");
        }
    };
    // With a sid, only that sign-in ends; without, every sign-in of the subject.
    let subject = if notice.sid.is_some() { None } else { notice.subject.as_deref() };
    match app.store.end_provider_sessions(provider.issuer(), notice.sid.as_deref(), subject).await {
        Ok(ended) => {
            tracing::info!(audience = ?provider.audience(), ended, "sessions ended by back-channel logout");
            ([(header::CACHE_CONTROL, "no-store")], "").into_response()
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

fn logout_error(description: &'static str) -> Response {
    (StatusCode::BAD_REQUEST, [(header::CACHE_CONTROL, "no-store")], axum::Json(serde_json::json!({"error": "invalid_request", "error_description": description}))).into_response()
}

pub async fn backchannel_citizen(State(app): State<AppState>, form: FormData) -> Response {
    backchannel(&app, app.config.citizen_sign_in.as_ref(), &form).await
}

pub async fn backchannel_staff(State(app): State<AppState>, form: FormData) -> Response {
    backchannel(&app, app.config.staff_sign_in.as_ref(), &form).await
}

#[derive(Deserialize)]
pub struct FrontChannel {
    iss: Option<String>,
    sid: Option<String>,
}

/// OpenID Connect Front-Channel Logout: the provider loads this URL in a hidden frame with its
/// issuer and the sign-in's `sid`; every session of that sign-in ends.
async fn frontchannel(app: &AppState, provider: Option<&Provider>, q: FrontChannel) -> Response {
    let Some(provider) = provider else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (Some(iss), Some(sid)) = (q.iss, q.sid) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if iss != provider.issuer() {
        tracing::warn!(audience = ?provider.audience(), "front-channel logout from another issuer refused");
        return StatusCode::BAD_REQUEST.into_response();
    }
    let ended = match app.store.end_provider_sessions(provider.issuer(), Some(&sid), None).await {
        Ok(n) => n,
        Err(e) => return AppError::from(e).into_response(),
    };
    tracing::info!(audience = ?provider.audience(), ended, "sessions ended by front-channel logout");
    // The provider shows this in a frame of its own page; only it may.
    let csp = format!("default-src 'none'; frame-ancestors {}", provider.origin());
    let mut response = ([(header::CACHE_CONTROL, "no-store")], "").into_response();
    if let Ok(v) = HeaderValue::from_str(&csp) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    response
}

pub async fn frontchannel_citizen(State(app): State<AppState>, Query(q): Query<FrontChannel>) -> Response {
    frontchannel(&app, app.config.citizen_sign_in.as_ref(), q).await
}

pub async fn frontchannel_staff(State(app): State<AppState>, Query(q): Query<FrontChannel>) -> Response {
    frontchannel(&app, app.config.staff_sign_in.as_ref(), q).await
}
