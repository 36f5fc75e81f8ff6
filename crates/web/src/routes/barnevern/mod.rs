//! Child welfare (barnevern): the public concern form (`/bekymring`, [`public`]) and the
//! child-welfare service's pages (`/ansatt/barnevern/…`, [`staff`]). Handlers parse, call one use
//! case in `velferd_cases::barnevern`, render.
//!
//! Every staff route answers 404 — the same as for a page that does not exist — to anyone who is
//! not signed-in staff ([`AnyStaff`]), and the use cases answer `NotFound` (logged as refused) to
//! staff without the child-welfare role for the report's municipality, so NAV's staff and citizens
//! learn nothing, not even that the pages exist.

pub mod public;
pub mod staff;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::error::AppError;
use crate::session::Staff;
use crate::AppState;

/// The child-welfare routes; `upload_limit` bounds the body of a sending with attachments.
pub fn router(upload_limit: usize) -> Router<AppState> {
    Router::new()
        .route("/bekymring", get(public::form).post(public::send).layer(axum::extract::DefaultBodyLimit::max(upload_limit)))
        .route("/bekymring/kvittering", get(public::receipt))
        .route("/bekymring/kvittering.pdf", get(public::receipt_pdf))
        .route("/ansatt/barnevern", get(staff::list))
        .route("/ansatt/barnevern/{id}", get(staff::report).post(staff::act))
        .route("/ansatt/barnevern/{id}/filer/{position}", get(staff::file))
        .route("/ansatt/barnevern/{id}/eksport.json", get(staff::export))
}

/// Signed-in staff, or 404 (never the staff sign-in redirect, which would tell that the page
/// exists). Whether they may see child welfare is the use case's call.
pub struct AnyStaff(pub Staff);

impl FromRequestParts<AppState> for AnyStaff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        match Staff::from_request_parts(parts, state).await {
            Ok(staff) => Ok(AnyStaff(staff)),
            Err(_) => Err(AppError::NotFound.into_response()),
        }
    }
}
