//! `/ansatt/utskrift`: the office's print-and-post list (`velferd_cases::office::printing`) — letters
//! not opened online in time, each with a print-ready PDF (address page first) or, for a protected
//! address, a note to hand it over in person; recording that it went out takes it off the list.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::pdf_response;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::render;
use crate::pages::staff::{PrintRow, PrintingPage};
use crate::routes::cases::office_name;
use crate::routes::context;
use crate::session::{self, Staff};
use crate::{fmt, now_ms, AppState};

#[derive(serde::Deserialize, Default)]
pub struct Done {
    gjort: Option<String>,
}

/// `GET /ansatt/utskrift`.
pub async fn list(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Query(done): Query<Done>) -> Result<Response, AppError> {
    let letters = app.cases.letters_to_print(&staff, now_ms()).await?;
    let rows = letters
        .iter()
        .map(|l| PrintRow {
            reference: l.reference.clone(),
            case_href: format!("/ansatt/saker/{}", l.application_id),
            title: l.title.clone(),
            sent: lang.t_args("staff-print-sent", &[("date", fmt::date(l.created_ms))]),
            name: l.name.clone(),
            address: l.address.join(", "),
            protected: l.protected,
            pdf_href: format!("/ansatt/utskrift/{}.pdf", l.id),
            action: format!("/ansatt/utskrift/{}", l.id),
        })
        .collect();
    let days = app.kommuner.kontor(&staff.office).map_or(5, |k| k.brev_utskrift_dager);
    let page =
        PrintingPage { ctx: context(&app, lang, "/ansatt/utskrift", &session).await?, office: office_name(&app, lang, &staff.office), days, rows, done: done.gjort.is_some() };
    Ok(render(&page))
}

/// `GET /ansatt/utskrift/{letter}.pdf`: the letter with its address page.
pub async fn pdf(State(app): State<AppState>, lang: Lang, staff: Staff, Path(letter): Path<String>) -> Result<Response, AppError> {
    let id = letter.strip_suffix(".pdf").unwrap_or(&letter);
    let bytes = app.cases.letter_for_printing(&staff, id, &lang, now_ms()).await?;
    Ok(pdf_response(bytes, &format!("utskrift-{id}.pdf")))
}

/// `POST /ansatt/utskrift/{letter}`: printed and posted, or handed over in person.
pub async fn printed(State(app): State<AppState>, session: Session, staff: Staff, Path(letter): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    app.cases.mark_letter_printed(&staff, &letter, now_ms()).await?;
    Ok(Redirect::to("/ansatt/utskrift?gjort=ja").into_response())
}
