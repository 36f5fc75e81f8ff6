//! The receipt after sending, and the PDF copy of what was sent.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::{context, office_info};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::{render, ReceiptPage};
use crate::session::Citizen;
use crate::{fmt, AppState};

pub async fn receipt(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>) -> Result<Response, AppError> {
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let kommune = app.kommuner.get(&sent.kommunenummer).ok_or_else(|| AppError::Internal("application names an unknown municipality".into()))?;
    let (to_send, done) = crate::pdf::document_lines(lang, &sent).into_iter().partition(|d| d.must_send);
    let page = ReceiptPage {
        ctx: context(&app, lang, &format!("/kvittering/{id}"), &session).await?,
        reference: sent.reference.clone(),
        sent: fmt::date_time(sent.sent_ms),
        office: office_info(kommune),
        emergency: sent.emergency,
        days: kommune.kontor.behandlingstid_dager,
        to_send,
        done,
        pdf_href: format!("/kvittering/{id}/soknad.pdf"),
    };
    Ok(render(&page))
}

pub async fn pdf(State(app): State<AppState>, lang: Lang, citizen: Citizen, Path(id): Path<String>) -> Result<Response, AppError> {
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let office = app.kommuner.get(&sent.kommunenummer).map(|k| k.kontor.navn.clone()).unwrap_or_default();
    let name = app.store.person(&citizen.fnr).await?.map(|p| p.fullt_navn()).unwrap_or_default();
    let reference = sent.reference.clone();
    let bytes = tokio::task::spawn_blocking(move || crate::pdf::application_pdf(lang, &sent, &office, &name, false))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(AppError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"soknad-{reference}.pdf\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
