use axum::extract::State;
use axum::response::Response;
use tower_sessions::Session;

use super::context;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::{render, HomePage};
use crate::AppState;

pub async fn home(State(app): State<AppState>, lang: Lang, session: Session) -> Result<Response, AppError> {
    Ok(render(&HomePage { ctx: context(&app, lang, "/", &session).await? }))
}
