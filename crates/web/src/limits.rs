//! Rate limits on what can be abused: signing in (per IP address), sending applications and
//! documents (per person) and the integration API (per key). Counted in the database, so the
//! limits hold across server processes. If counting fails the request goes through, with a
//! warning in the log: a person in crisis must not be locked out by a database hiccup.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::{now_ms, AppState};

/// At most `max` requests per `window_s` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: i64,
    pub window_s: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    pub sign_in: Limit,
    pub submit: Limit,
    pub upload: Limit,
    pub api: Limit,
    /// Child-welfare concern reports per network address (hashed): generous, since a school or a
    /// shelter shares one address.
    pub concern: Limit,
    /// Concern reports per signed-in professional: higher still, a school may report many children.
    pub concern_professional: Limit,
    /// The least time (ms) between drawing the concern form and sending it; a faster send is taken
    /// for a robot's and the form is shown again (`routes::barnevern::public`).
    pub concern_min_fill_ms: i64,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            // Generous: many people can share one address (mobile carriers, libraries, shelters).
            sign_in: Limit { max: 300, window_s: 600 },
            submit: Limit { max: 10, window_s: 3600 },
            upload: Limit { max: 40, window_s: 3600 },
            api: Limit { max: 1200, window_s: 60 },
            concern: Limit { max: 30, window_s: 3600 },
            concern_professional: Limit { max: 200, window_s: 3600 },
            concern_min_fill_ms: 3_000,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    SignIn,
    Submit,
    Upload,
    Api,
    Concern,
    ConcernProfessional,
}

impl Bucket {
    fn name(self) -> &'static str {
        match self {
            Bucket::SignIn => "sign-in",
            Bucket::Submit => "submit",
            Bucket::Upload => "upload",
            Bucket::Api => "api",
            Bucket::Concern => "concern",
            Bucket::ConcernProfessional => "concern-professional",
        }
    }
}

/// Over the limit: try again after this many seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    pub retry_after_s: i64,
}

/// Counts one request by `subject` and refuses it when the bucket's limit is passed.
pub async fn check(app: &AppState, bucket: Bucket, subject: &str) -> Result<(), Limited> {
    let limit = match bucket {
        Bucket::SignIn => app.config.limits.sign_in,
        Bucket::Submit => app.config.limits.submit,
        Bucket::Upload => app.config.limits.upload,
        Bucket::Api => app.config.limits.api,
        Bucket::Concern => app.config.limits.concern,
        Bucket::ConcernProfessional => app.config.limits.concern_professional,
    };
    let now = now_ms();
    let window_ms = limit.window_s * 1000;
    match app.store.count_hit(bucket.name(), subject, window_ms, now).await {
        Ok(hits) if hits > limit.max => {
            tracing::warn!(bucket = bucket.name(), "rate limit reached");
            let window_start = now - now.rem_euclid(window_ms.max(1));
            Err(Limited { retry_after_s: ((window_start + window_ms - now) / 1000).max(1) })
        }
        Ok(_) => Ok(()),
        Err(e) => {
            tracing::warn!(error = %e, bucket = bucket.name(), "rate limit could not be counted; letting the request through");
            Ok(())
        }
    }
}

/// Checks `subject` against the bucket's limit without counting: the returned count is written
/// in the transaction of the work it limits (a send: [`velferd_store::Store::submit_counted`]), so
/// the work and its count commit together. Two requests at the same instant may both pass the
/// check; the limit is for abuse, not an exact quota. Like [`check`], lets the request through when
/// the database cannot be read.
pub async fn peek(app: &AppState, bucket: Bucket, subject: &str) -> Result<velferd_store::RateCount, Limited> {
    let limit = match bucket {
        Bucket::SignIn => app.config.limits.sign_in,
        Bucket::Submit => app.config.limits.submit,
        Bucket::Upload => app.config.limits.upload,
        Bucket::Api => app.config.limits.api,
        Bucket::Concern => app.config.limits.concern,
        Bucket::ConcernProfessional => app.config.limits.concern_professional,
    };
    let now = now_ms();
    let window_ms = limit.window_s * 1000;
    let count = velferd_store::RateCount { bucket: bucket.name(), subject: subject.to_owned(), window_ms };
    match app.store.hits(bucket.name(), subject, window_ms, now).await {
        Ok(hits) if hits >= limit.max => {
            tracing::warn!(bucket = bucket.name(), "rate limit reached");
            let window_start = now - now.rem_euclid(window_ms.max(1));
            Err(Limited { retry_after_s: ((window_start + window_ms - now) / 1000).max(1) })
        }
        Ok(_) => Ok(count),
        Err(e) => {
            tracing::warn!(error = %e, bucket = bucket.name(), "rate limit could not be read; letting the request through");
            Ok(count)
        }
    }
}

/// The address the request came from: the TCP peer, or behind a reverse proxy (`--behind-proxy`)
/// the last address in `X-Forwarded-For`, which that proxy wrote (earlier entries are whatever the
/// client claimed). "unknown" without connection info. Never fails.
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Self::Rejection> {
        let forwarded = app
            .config
            .behind_proxy
            .then(|| {
                parts
                    .headers
                    .get_all("x-forwarded-for")
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .flat_map(|v| v.split(','))
                    .map(str::trim)
                    .rfind(|v| !v.is_empty())
                    .map(str::to_owned)
            })
            .flatten();
        let peer = || parts.extensions.get::<ConnectInfo<SocketAddr>>().map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
        Ok(ClientIp(forwarded.unwrap_or_else(peer)))
    }
}

/// How much a citizen may upload: per file, and per sending (an ettersendelse, or everything
/// attached to one application). Set with `velferd serve --max-file-mb/--max-files/--max-upload-mb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLimits {
    pub max_file_bytes: usize,
    pub max_files: usize,
    pub max_total_bytes: usize,
}

impl Default for UploadLimits {
    fn default() -> Self {
        UploadLimits { max_file_bytes: 10 * 1024 * 1024, max_files: 30, max_total_bytes: 150 * 1024 * 1024 }
    }
}

impl UploadLimits {
    /// The limits for converting one file (the per-file size; pixel and page limits as default).
    pub fn conversion(&self) -> velferd_documents::photos::Limits {
        velferd_documents::photos::Limits { max_input_bytes: self.max_file_bytes, ..velferd_documents::photos::Limits::default() }
    }

    /// The arguments the upload messages use: `mb` per file, `files` and `total_mb` per sending.
    pub fn message_args(&self) -> [(&'static str, String); 3] {
        [("mb", (self.max_file_bytes / (1024 * 1024)).to_string()), ("files", self.max_files.to_string()), ("total_mb", (self.max_total_bytes / (1024 * 1024)).to_string())]
    }
}
