//! Sessions and the sign-in seam.
//!
//! Sessions live in the database (any number of server processes share them). Whoever signs a
//! citizen in — the demo page or OpenID Connect — calls [`sign_in`]; everything else asks for a
//! [`Citizen`] and never cares how they signed in. Staff sign in with [`sign_in_staff`] and pages for
//! them ask for a [`Staff`].
//!
//! A session ends after `Config::session_idle` without a request (every request that reads it
//! moves that end along, writing at most once a minute: [`DbSessions`]) and
//! `Config::session_lifetime` after its sign-in however active it is. Answers posted after it
//! ended are kept for after the next sign-in ([`keep_answers`]).

use std::time::Duration;

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions::Session;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::staff::StaffUser;
use velferd_store::Store;

use crate::error::AppError;
use crate::form::FormData;
use crate::return_path::ReturnPath;

/// The session cookie's name.
pub const COOKIE: &str = "velferd_session";
const CITIZEN: &str = "citizen";
const STAFF: &str = "staff";
const CSRF: &str = "csrf";
/// When this session's sign-in happened (ms): a session ends this long after it however active it
/// is (the absolute timeout, `Config::session_lifetime`), besides ending after 2 idle hours.
const SIGNED_IN_AT: &str = "signed_in_at";
/// Answers posted after the sign-in had ended, for after the next one (see [`keep_answers`]).
const KEPT_ANSWERS: &str = "kept_answers";
/// Most drafts whose answers one browser session keeps for after sign-in.
const MAX_KEPT: usize = 4;
/// Most bytes of posted answers kept per draft: far above a real step (the longest answer is 4 000
/// characters), far below what a hostile form could make us store.
const MAX_KEPT_BYTES: usize = 128 * 1024;

/// Whether the session's sign-in is older than the absolute lifetime; such a session is ended.
async fn outlived(session: &Session, app: &crate::AppState) -> bool {
    let at: Option<i64> = session.get(SIGNED_IN_AT).await.ok().flatten();
    match at {
        Some(at) if crate::now_ms().saturating_sub(at) <= app.config.session_lifetime.as_millis() as i64 => false,
        _ => {
            let _ = session.flush().await;
            true
        }
    }
}

/// tower-sessions over our own store, so sessions work the same on SQLite and PostgreSQL.
///
/// A row ends `idle` after the last request that read it (whatever expiry the cookie carries):
/// the idle timeout, renewed by activity. Reading a live session moves its end along, but writes
/// only when the end has fallen more than [`renew_interval`] behind, so a busy session costs one
/// small write a minute, not one per request. The renewal changes only the row's end, never its
/// data, so it cannot undo what a concurrent request changed; and saving an existing session only
/// updates its row, so a session ended meanwhile (signed out, or by the identity provider) is not
/// brought back by a request that was still running.
#[derive(Clone)]
pub struct DbSessions {
    store: Store,
    idle: Duration,
}

impl DbSessions {
    /// Sessions in `store` that end `idle` after their last request.
    pub fn new(store: Store, idle: Duration) -> DbSessions {
        DbSessions { store, idle }
    }

    fn expiry_ms(&self, now: i64) -> i64 {
        now.saturating_add(self.idle.as_millis() as i64)
    }
}

/// How far at most a live session's end may fall behind `now + idle` before a request renews it:
/// a minute, or a tenth of the idle timeout when that is shorter (so a short timeout in a test
/// still renews). A session therefore ends between `idle − interval` and `idle` after its last
/// request.
pub fn renew_interval(idle: Duration) -> Duration {
    (idle / 10).min(Duration::from_secs(60))
}

impl std::fmt::Debug for DbSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbSessions")
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

/// What a session store error says first when the database is away (see [`error`]).
const UNAVAILABLE: &str = "database unavailable: ";

/// A database error in the session store, marked when the database is away, so that the request
/// is answered as unavailable (503, "try again") rather than as a fault of ours.
fn stored(e: velferd_store::StoreError) -> session_store::Error {
    match e.is_unavailable() {
        true => session_store::Error::Backend(format!("{UNAVAILABLE}{e}")),
        false => backend(e),
    }
}

/// A session that could not be read or written: unavailable when the database is away (the
/// session store marked it), otherwise a fault of ours.
pub(crate) fn error(e: tower_sessions::session::Error) -> AppError {
    match &e {
        tower_sessions::session::Error::Store(session_store::Error::Backend(m)) if m.starts_with(UNAVAILABLE) => AppError::Unavailable(e.to_string()),
        _ => AppError::Internal(e.to_string()),
    }
}

#[async_trait::async_trait]
impl SessionStore for DbSessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            let data = serde_json::to_string(record).map_err(backend)?;
            if self.store.session_create(&record.id.to_string(), &data, self.expiry_ms(crate::now_ms())).await.map_err(stored)? {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = serde_json::to_string(record).map_err(backend)?;
        self.store.session_update(&record.id.to_string(), &data, self.expiry_ms(crate::now_ms())).await.map_err(stored)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let now = crate::now_ms();
        let renew_ms = renew_interval(self.idle).as_millis() as i64;
        match self.store.session_load_renewing(&id.to_string(), now, self.expiry_ms(now), renew_ms).await.map_err(stored)? {
            Some(data) => Ok(Some(serde_json::from_str(&data).map_err(backend)?)),
            None => Ok(None),
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.store.session_delete(&id.to_string()).await.map_err(stored)
    }
}

/// Begins a sign-in in this browser's session: a new session id (so a planted id is worthless)
/// and nothing left of what was there — an earlier citizen or staff sign-in, its identity
/// provider's sign-in, the form token. One session is never a citizen and a staff member at once:
/// signing in as one ends the other.
/// Only answers kept for after sign-in ([`keep_answers`]) go along; they are saved only into the
/// signed-in person's own drafts.
async fn begin_sign_in(session: &Session) -> Result<(), AppError> {
    let kept: Vec<KeptAnswers> = session.get(KEPT_ANSWERS).await.ok().flatten().unwrap_or_default();
    session.clear().await;
    session.cycle_id().await.map_err(error)?;
    session.insert(SIGNED_IN_AT, crate::now_ms()).await.map_err(error)?;
    // The new form token goes with the sign-in's own write, so the first page with a form after
    // it need not write the session again.
    session.insert(CSRF, velferd_store::new_id()).await.map_err(error)?;
    if !kept.is_empty() {
        session.insert(KEPT_ANSWERS, kept).await.map_err(error)?;
    }
    Ok(())
}

/// Signs a person in: a fresh session (see [`begin_sign_in`]) holding the person.
pub async fn sign_in(session: &Session, fnr: &Fodselsnummer) -> Result<(), AppError> {
    begin_sign_in(session).await?;
    session.insert(CITIZEN, fnr.as_str()).await.map_err(error)?;
    Ok(())
}

/// Signs a staff member in, like [`sign_in`]: a fresh session holding the staff member. The staff
/// member is remembered, so colleagues at the office can give them cases.
pub async fn sign_in_staff(app: &crate::AppState, session: &Session, staff: &Staff) -> Result<(), AppError> {
    app.cases.staff_signed_in(staff, crate::now_ms()).await?;
    begin_sign_in(session).await?;
    session.insert(STAFF, staff).await.map_err(error)?;
    Ok(())
}

/// Keeps the identity provider's sign-in with the session (under `key`) and links the session to it
/// in the store, so that the provider can end it (back- or front-channel logout). Call after a
/// sign-in: the session is saved here to learn its new id.
pub async fn remember_provider_login(session: &Session, store: &Store, key: &str, login: &crate::oidc::ProviderLogin, now: i64) -> Result<(), AppError> {
    session.insert(key, login).await.map_err(error)?;
    session.save().await.map_err(error)?;
    let id = session.id().ok_or_else(|| AppError::Internal("a saved session has no id".into()))?;
    store.link_provider_session(&id.to_string(), &login.issuer, login.sid.as_deref(), &login.subject, now).await?;
    Ok(())
}

/// The identity provider's sign-in kept under `key`, if any.
pub async fn provider_login(session: &Session, key: &str) -> Option<crate::oidc::ProviderLogin> {
    session.get(key).await.ok().flatten()
}

pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(error)
}

/// A signed-in citizen. Pages that need one redirect to sign-in when there is none.
#[derive(Debug, Clone)]
pub struct Citizen {
    pub fnr: Fodselsnummer,
}

/// Sent instead of a page when sign-in is needed; remembers where the person was going.
pub struct SignInFirst(pub ReturnPath);

impl IntoResponse for SignInFirst {
    fn into_response(self) -> Response {
        Redirect::to(&format!("/logg-inn?neste={}", self.0.encoded())).into_response()
    }
}

/// Where to come back to after signing in: the page asked for (a GET), or else `fallback`.
fn coming_back(parts: &Parts, fallback: ReturnPath) -> ReturnPath {
    if parts.method != axum::http::Method::GET {
        return fallback;
    }
    let asked = parts.uri.path_and_query().map_or_else(|| parts.uri.path(), |p| p.as_str());
    ReturnPath::parse(asked).unwrap_or(fallback)
}

/// The citizen signed in to the request's session, if any (ending a sign-in that outlived its
/// absolute lifetime).
async fn signed_in_citizen(parts: &mut Parts, state: &crate::AppState) -> Result<Option<Citizen>, Response> {
    let session = Session::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
    let fnr: Option<String> = session.get(CITIZEN).await.map_err(|e| error(e).into_response())?;
    let fnr = match fnr {
        Some(_) if outlived(&session, state).await => None,
        other => other,
    };
    Ok(fnr.and_then(|f| Fodselsnummer::parse(&f).ok()).map(|fnr| Citizen { fnr }))
}

impl FromRequestParts<crate::AppState> for Citizen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &crate::AppState) -> Result<Self, Self::Rejection> {
        match signed_in_citizen(parts, state).await? {
            Some(citizen) => Ok(citizen),
            None => Err(SignInFirst(coming_back(parts, ReturnPath::citizen_start())).into_response()),
        }
    }
}

/// `Option<Citizen>`: for handlers that do something else than sending to sign-in when nobody is
/// signed in (saving a step keeps the answers first).
impl OptionalFromRequestParts<crate::AppState> for Citizen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &crate::AppState) -> Result<Option<Self>, Self::Rejection> {
        signed_in_citizen(parts, state).await
    }
}

/// A signed-in staff member (the domain's [`StaffUser`]), as the extractor for staff pages: they
/// redirect to the staff sign-in when there is none.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Staff(pub StaffUser);

impl std::ops::Deref for Staff {
    type Target = StaffUser;
    fn deref(&self) -> &StaffUser {
        &self.0
    }
}

impl FromRequestParts<crate::AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &crate::AppState) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let staff: Option<Staff> = session.get(STAFF).await.map_err(|e| error(e).into_response())?;
        let staff = match staff {
            Some(_) if outlived(&session, state).await => None,
            other => other,
        };
        match staff.filter(|s| !s.roles.is_empty()) {
            Some(staff) => Ok(staff),
            None => {
                let next = ReturnPath::or_staff_start(Some(coming_back(parts, ReturnPath::staff_start()).as_str()));
                let to = if next == ReturnPath::staff_start() { "/ansatt/logg-inn".to_owned() } else { format!("/ansatt/logg-inn?neste={}", next.encoded()) };
                Err(Redirect::to(&to).into_response())
            }
        }
    }
}

/// Whether someone is signed in, for pages that show either way (the header's sign-out button).
pub async fn signed_in(session: &Session) -> bool {
    matches!(session.get::<String>(CITIZEN).await, Ok(Some(_)))
}

/// The session's anti-forgery token, made on first use. Every form carries it in `_csrf`.
pub async fn csrf_token(session: &Session) -> Result<String, AppError> {
    if let Some(token) = session.get::<String>(CSRF).await.map_err(error)? {
        return Ok(token);
    }
    let token = velferd_store::new_id();
    session.insert(CSRF, &token).await.map_err(error)?;
    Ok(token)
}

/// Refuses a form whose token does not match the session's.
pub async fn verify_csrf(session: &Session, form: &FormData) -> Result<(), AppError> {
    let expected = session.get::<String>(CSRF).await.map_err(error)?;
    match (expected, form.get("_csrf")) {
        (Some(expected), Some(given)) if constant_time_eq(expected.as_bytes(), given.as_bytes()) => Ok(()),
        _ => Err(AppError::BadToken),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The answers of one step posted after the sign-in had ended: the draft, the step (its slug) and
/// the posted fields as they came (the form token left out).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeptAnswers {
    pub draft: String,
    pub step: String,
    pub fields: Vec<(String, String)>,
}

/// Keeps a step's answers posted after the sign-in ended (idle or absolute timeout), in this
/// browser's session, so they are saved once the same browser signs in again: nothing typed is
/// lost to a timeout. Returns whether they were kept.
///
/// Why this cannot be used to plant answers: they are kept only when the request carried our
/// session cookie — which browsers never send on a form posted from another site (the cookie is
/// `SameSite=Lax`), so a forged form gets nothing kept — and only with a form token from one of
/// our pages. After sign-in they are saved only into a draft of whoever signed in (the store checks
/// the owner), and the step page then shows them. A newer post for the same draft replaces the
/// older; at most [`MAX_KEPT`] drafts and [`MAX_KEPT_BYTES`] per draft are kept.
pub async fn keep_answers(session: &Session, headers: &HeaderMap, form: &FormData, draft: &str, step: &str) -> Result<bool, AppError> {
    let had_session = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|c| c.trim().split_once('=').is_some_and(|(name, value)| name == COOKIE && !value.is_empty()));
    let from_our_page = form.get("_csrf").is_some_and(|t| !t.is_empty());
    let fields: Vec<(String, String)> = form.0.iter().filter(|(k, _)| k != "_csrf").cloned().collect();
    let bytes: usize = fields.iter().map(|(k, v)| k.len() + v.len()).sum();
    if !had_session || !from_our_page || bytes > MAX_KEPT_BYTES {
        return Ok(false);
    }
    let mut kept: Vec<KeptAnswers> = session.get(KEPT_ANSWERS).await.ok().flatten().unwrap_or_default();
    kept.retain(|k| k.draft != draft);
    kept.push(KeptAnswers { draft: draft.to_owned(), step: step.to_owned(), fields });
    let excess = kept.len().saturating_sub(MAX_KEPT);
    kept.drain(..excess);
    session.insert(KEPT_ANSWERS, kept).await.map_err(error)?;
    Ok(true)
}

/// Takes the answers kept for after sign-in out of the session (see [`keep_answers`]).
/// Looks before it takes: removing a key marks the session changed even when the key was not
/// there, and a changed session is written back — a durable write on every page view.
pub async fn take_kept_answers(session: &Session) -> Vec<KeptAnswers> {
    if session.get::<Vec<KeptAnswers>>(KEPT_ANSWERS).await.ok().flatten().is_none() {
        return Vec::new();
    }
    session.remove::<Vec<KeptAnswers>>(KEPT_ANSWERS).await.ok().flatten().unwrap_or_default()
}
