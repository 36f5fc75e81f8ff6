//! The web layer: axum routes, forms, sessions and the sign-in seam, server-rendered pages in
//! bokmål, nynorsk and English. Every page works without JavaScript.

mod assets;
mod demo;
pub mod error;
mod fmt;
mod form;
pub mod i18n;
pub mod limits;
pub mod oidc;
mod pages;
mod paper;
mod pdf;
pub mod return_path;
mod routes;
pub mod server;
pub mod session;
mod steps;

use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use velferd_domain::kommune::Katalog;
use velferd_store::Store;

pub use demo::{seed_demo_cases, seed_demo_decision, seed_demo_people, seed_demo_statistics};
pub use server::{serve, ServerLimits};

/// Settings read once at start (from flags and environment by the `velferd` binary).
#[derive(Debug, Clone)]
pub struct Config {
    /// Demo mode: the demo sign-in page exists. Never on in production.
    pub demo: bool,
    /// Send cookies with `Secure` (the server is behind TLS).
    pub secure_cookies: bool,
    pub limits: limits::RateLimits,
    pub uploads: limits::UploadLimits,
    /// A sign-in ends this long after it happened, however active the session (absolute timeout).
    pub session_lifetime: Duration,
    /// A session ends this long after its last request (idle timeout, renewed by activity; see
    /// `session::DbSessions`).
    pub session_idle: Duration,
    /// Behind a reverse proxy: take the client's address from the last `X-Forwarded-For` entry
    /// (for per-address rate limits) instead of the TCP peer, which is the proxy.
    pub behind_proxy: bool,
    /// Citizen sign-in with OpenID Connect (ID-porten or alike); `None`: not offered.
    pub citizen_sign_in: Option<oidc::Provider>,
    /// Staff sign-in with the municipality's OpenID Connect provider; `None`: no staff pages.
    pub staff_sign_in: Option<oidc::Provider>,
    /// Connection limits and timeouts, for [`serve`] (the router does not use them).
    pub server: ServerLimits,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            demo: false,
            secure_cookies: false,
            limits: limits::RateLimits::default(),
            uploads: limits::UploadLimits::default(),
            session_lifetime: Duration::from_secs(12 * 3600),
            session_idle: Duration::from_secs(2 * 3600),
            behind_proxy: false,
            citizen_sign_in: None,
            staff_sign_in: None,
            server: ServerLimits::default(),
        }
    }
}

pub struct App {
    pub store: Store,
    /// Where uploaded documents (as PDFs) are kept, by content hash.
    pub files: Arc<dyn velferd_store::Files>,
    pub kommuner: Katalog,
    pub config: Config,
    /// The use cases every handler calls (they hold the same store, files and catalogue).
    pub cases: velferd_cases::Cases,
}

impl App {
    /// Wires the application: the use cases get the store, the file store and the catalogue, and
    /// the store learns which municipalities' case systems own their cases.
    pub fn new(store: Store, files: Arc<dyn velferd_store::Files>, kommuner: Katalog, config: Config) -> App {
        let cases = velferd_cases::Cases::new(store, files.clone(), kommuner.clone());
        App { store: cases.store().clone(), files, kommuner, config, cases }
    }
}

/// Shared by every handler; cheap to clone.
#[derive(Clone)]
pub struct AppState(pub Arc<App>);

impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}

/// Milliseconds since the epoch, read in one place so the rules below get time passed in.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// The municipality catalogue shipped in `data/kommuner.json`.
pub fn default_kommuner() -> Katalog {
    Katalog::from_json(include_str!("../../../data/kommuner.json")).unwrap_or_else(|e| panic!("shipped data/kommuner.json is invalid: {e}"))
}

/// How long `/health` waits for the database before it says it is unavailable.
const HEALTH_WAIT: Duration = Duration::from_secs(2);

async fn health(axum::extract::State(app): axum::extract::State<AppState>) -> Response {
    // Answered within a load balancer's usual timeout, also when the database is away (the pool
    // would wait `POOL_WAIT` for it).
    match app.store.ping_within(HEALTH_WAIT).await {
        Ok(()) => (StatusCode::OK, Json(serde_json::json!({"status": "ok"}))).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database does not answer");
            let retry = [(header::RETRY_AFTER, error::UNAVAILABLE_RETRY_S.to_string())];
            (StatusCode::SERVICE_UNAVAILABLE, retry, Json(serde_json::json!({"status": "unavailable"}))).into_response()
        }
    }
}

pub fn router(app: App) -> Router {
    // The row ends after the idle timeout (DbSessions). The cookie outlives any sign-in (its
    // lifetime plus an idle period, from the last change), so a step posted after the session
    // ended still carries it and its answers can be kept for after sign-in
    // (session::keep_answers); a cookie naming an ended session is worth nothing. Answers are
    // saved at every step, so an ended session loses nothing but the sign-in.
    let cookie_lifetime = time::Duration::try_from(app.config.session_lifetime.saturating_add(app.config.session_idle)).unwrap_or(time::Duration::hours(14));
    let sessions = SessionManagerLayer::new(session::DbSessions::new(app.store.clone(), app.config.session_idle))
        .with_name(session::COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(app.config.secure_cookies)
        .with_expiry(Expiry::OnInactivity(cookie_lifetime));
    // HSTS only when the server is known to be reached over HTTPS (the same switch as Secure cookies).
    let hsts = app.config.secure_cookies;
    // A whole sending plus room for the form around it; each file is checked on its own after.
    let upload_body_limit = app.config.uploads.max_total_bytes.saturating_add(1024 * 1024);
    let state = AppState(Arc::new(app));

    let router = Router::new()
        .route("/", get(routes::home::home))
        .route("/logg-inn", get(routes::signin::page))
        .route("/logg-inn/demo", post(routes::signin::demo))
        .route("/logg-ut", post(routes::signin::sign_out))
        .route("/soknad", get(routes::apply::start).post(routes::apply::choose_kommune))
        .route("/soknad/{draft}/send", post(routes::apply::send))
        .route("/soknad/{draft}/slett", post(routes::apply::discard))
        .route("/soknad/{draft}/dokumenter", get(routes::attach::page))
        .route("/soknad/{draft}/dokumenter/{slot}", post(routes::attach::upload).layer(axum::extract::DefaultBodyLimit::max(upload_body_limit)))
        .route("/soknad/{draft}/dokumenter/{slot}/valg", post(routes::attach::choose))
        .route("/soknad/{draft}/dokumenter/fil/{file}", post(routes::attach::change))
        .route("/soknad/{draft}/dokumenter/bilde/{file}", get(routes::attach::thumbnail))
        .route("/soknad/{draft}/{step}", get(routes::apply::show_step).post(routes::apply::save_step))
        .route("/mine-soknader", get(routes::cases::list))
        .route("/papirskjema/{file}", get(routes::paper_form::pdf))
        .route("/varsler", get(routes::notices::show).post(routes::notices::save))
        .route("/mine-soknader/{id}", get(routes::cases::show))
        .route("/mine-soknader/{id}/dokumenter", get(routes::upload::page).post(routes::upload::send).layer(axum::extract::DefaultBodyLimit::max(upload_body_limit)))
        .route("/mine-soknader/{id}/dokumenter/{file}", get(routes::upload::download))
        .route("/mine-soknader/{id}/dokumenter/fil/{file}", post(routes::upload::change))
        .route("/mine-soknader/{id}/dokumenter/bilde/{file}", get(routes::upload::thumbnail))
        .route("/mine-soknader/{id}/brev/{letter}", get(routes::cases::letter))
        .route("/mine-soknader/{id}/arkiv.pdf", get(routes::archive::own))
        .route("/mine-soknader/{id}/meldinger", post(routes::messages::write).layer(axum::extract::DefaultBodyLimit::max(upload_body_limit)))
        .route("/mine-soknader/{id}/meldinger/vedlegg/{file}", get(routes::messages::attachment))
        .route("/mine-soknader/{id}/klage", get(routes::appeals::page).post(routes::appeals::send))
        .route("/mine-soknader/{id}/moter/{meeting}", get(routes::meetings::ics))
        .route("/mine-soknader/{id}/moter/{meeting}/flytt", post(routes::meetings::ask_to_move))
        .route("/mine-soknader/{id}/fullmakt", post(routes::helpers::grant))
        .route("/mine-soknader/{id}/fullmakt/{power}/trekk-tilbake", post(routes::helpers::revoke))
        .route("/fullmakt/{id}", get(routes::helpers::show))
        .route("/fullmakt/{id}/fylt-ut-sammen", post(routes::helpers::record_assist))
        .route("/fullmakt/{id}/meldinger", post(routes::helpers::write_message).layer(axum::extract::DefaultBodyLimit::max(upload_body_limit)))
        .route("/fullmakt/{id}/meldinger/vedlegg/{file}", get(routes::helpers::message_attachment))
        .route("/fullmakt/{id}/dokumenter", get(routes::helpers::upload_page).post(routes::helpers::upload_send).layer(axum::extract::DefaultBodyLimit::max(upload_body_limit)))
        .route("/fullmakt/{id}/dokumenter/fil/{file}", post(routes::helpers::upload_change))
        .route("/fullmakt/{id}/dokumenter/bilde/{file}", get(routes::helpers::upload_thumbnail))
        .route("/fullmakt/{id}/sendt/{submission}", get(routes::helpers::sent))
        .route("/kvittering/{id}", get(routes::receipt::receipt))
        .route("/kvittering/{id}/soknad.pdf", get(routes::receipt::pdf))
        .route("/logg-inn/start", get(routes::oidc::start_citizen))
        .route("/logg-inn/callback", get(routes::oidc::callback_citizen))
        .merge(routes::staff::router(upload_body_limit))
        .merge(routes::barnevern::router(upload_body_limit))
        .route("/ansatt/logg-inn", get(routes::oidc::start_staff))
        .route("/ansatt/logg-inn/callback", get(routes::oidc::callback_staff))
        .route("/ansatt/logg-ut", post(routes::oidc::sign_out_staff))
        .layer(middleware::from_fn(error::render_error_pages))
        .layer(sessions)
        // Calls from the identity providers (no session, no page).
        .route("/logg-ut/backchannel", post(routes::oidc::backchannel_citizen))
        .route("/ansatt/logg-ut/backchannel", post(routes::oidc::backchannel_staff))
        .route("/logg-ut/frontchannel", get(routes::oidc::frontchannel_citizen))
        .route("/ansatt/logg-ut/frontchannel", get(routes::oidc::frontchannel_staff))
        .route("/health", get(health))
        .route("/api/openapi.json", get(routes::api::openapi))
        .route("/api/v1/soknader", get(routes::api::list))
        .route("/api/v1/soknader/{id}", get(routes::api::fetch))
        .route("/api/v1/soknader/{id}/kvittering", post(routes::api::acknowledge))
        .route("/api/v1/soknader/{id}/digisos-soker", axum::routing::put(routes::api::put_status))
        .route("/api/v1/soknader/{id}/soknad.pdf", get(routes::api::application_pdf))
        .route("/api/v1/soknader/{id}/ettersendelser", get(routes::api::submissions))
        .route("/api/v1/soknader/{id}/meldinger", get(routes::api::messages))
        .route("/api/v1/soknader/{id}/ettersendelser/{ettersendelse}", get(routes::api::submission))
        .route("/api/v1/soknader/{id}/ettersendelser/{ettersendelse}/samlet.pdf", get(routes::api::submission_pdf))
        .route("/api/v1/soknader/{id}/vedlegg.pdf", get(routes::api::application_documents_pdf))
        .route("/api/v1/soknader/{id}/filer/{sha256}", get(routes::api::file))
        .route("/api/v1/soknader/{id}/brev", post(routes::api::upload_letter).layer(axum::extract::DefaultBodyLimit::max(routes::api::MAX_LETTER_BYTES + 64 * 1024)))
        .route("/api/v1/hendelser", get(routes::api::changes))
        .layer(axum::extract::DefaultBodyLimit::max(2 * 1024 * 1024))
        .route("/static/{*path}", get(assets::asset))
        .layer(middleware::from_fn(i18n::choose_language))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")));
    let router = if hsts {
        router.layer(SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains")))
    } else {
        router
    };
    router
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Sweeps the file store once, in the background: temp files of writes interrupted by a crash
/// and files no row names (a photo stored before a `kill -9` that came before its row), each only
/// when untouched for [`velferd_store::files::SWEEP_GRACE_MS`]. `velferd serve` calls it at start.
pub fn spawn_file_sweep(store: Store, files: Arc<dyn velferd_store::Files>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        match velferd_store::files::sweep(&store, files.as_ref(), now_ms(), velferd_store::files::SWEEP_GRACE_MS, false).await {
            Ok(swept) if swept.leftovers + swept.orphans > 0 => tracing::info!(leftovers = swept.leftovers, unnamed = swept.orphans, "file store swept"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not sweep the file store"),
        }
    })
}

/// The notice delivery worker with the pages' texts (Fluent), for `serve` to start
/// ([`velferd_cases::notify::Notifier::spawn`]) and tests to run once. `email`: `None` when no mail
/// server is configured (e-mail notices then wait); `kommuner` names the offices in a callback's
/// SMS; `worker` names this process in leases.
pub fn notifier(
    store: Store,
    email: Option<Arc<dyn velferd_cases::notify::Deliver>>,
    sms: Arc<dyn velferd_cases::notify::Deliver>,
    kommuner: velferd_domain::kommune::Katalog,
    worker: String,
) -> velferd_cases::notify::Notifier {
    let words: velferd_cases::notify::WordsFor = Arc::new(|code: &str| -> Box<dyn velferd_cases::Words> { Box::new(i18n::Lang::from_code(code).unwrap_or(i18n::Lang::Nb)) });
    velferd_cases::notify::Notifier { store, email, sms, words, kommuner, worker }
}

/// Deletes expired drafts (with their attached files), sessions and old rate-limit counts every
/// hour, for as long as the server runs.
pub fn spawn_housekeeping(store: Store, files: Arc<dyn velferd_store::Files>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let now = now_ms();
            match store.delete_expired_drafts(now).await {
                Ok(n) if n > 0 => tracing::info!(deleted = n, "expired drafts deleted"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not delete expired drafts"),
            }
            match store.sweep_draft_files().await {
                Ok(orphans) => {
                    for sha in orphans {
                        if let Err(e) = files.delete(&sha).await {
                            tracing::warn!(error = %e, "could not delete a file of an expired draft");
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "could not sweep the files of expired drafts"),
            }
            match store.sweep_pending_files(now).await {
                Ok(orphans) => {
                    for sha in orphans {
                        if let Err(e) = files.delete(&sha).await {
                            tracing::warn!(error = %e, "could not delete a file chosen and never sent");
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "could not sweep files chosen and never sent"),
            }
            if let Err(e) = store.delete_expired_sessions(now).await {
                tracing::warn!(error = %e, "could not delete expired sessions");
            }
            if let Err(e) = store.delete_old_rate_windows(now - 24 * 3600 * 1000).await {
                tracing::warn!(error = %e, "could not delete old rate-limit counts");
            }
        }
    });
}
