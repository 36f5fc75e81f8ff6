//! Pages for office staff, one file per resource: the staff home page and demo sign-in
//! ([`home`]), the office's inbox ([`inbox`]), one case's file with its documents and PDFs
//! ([`case`]), what a caseworker does on it ([`actions`]) and the conversations with the people
//! who applied ([`messages`]). Handlers parse, call one use case in
//! `velferd-cases` (which checks access, audits and writes), and render.

pub mod actions;
pub mod appeals;
pub mod case;
pub mod contact;
pub mod decide;
pub mod home;
pub mod inbox;
pub mod meetings;
pub mod messages;
pub mod printing;
pub mod register;
pub mod stats;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use velferd_domain::staff::Adressebeskyttelse;

use crate::i18n::Lang;
use crate::AppState;

/// The staff routes, under `/ansatt`; a posted answer with files may be `upload_body_limit` bytes.
pub fn router(upload_body_limit: usize) -> Router<AppState> {
    Router::new()
        .route("/ansatt", get(home::home))
        .route("/ansatt/saker", get(inbox::inbox))
        .route("/ansatt/saker/{id}", get(case::case))
        .route("/ansatt/saker/{id}/handling", post(actions::act))
        .route("/ansatt/saker/{id}/vedtak", get(decide::show).post(decide::act))
        .route("/ansatt/saker/{id}/meldinger", get(messages::conversation).post(messages::answer).layer(axum::extract::DefaultBodyLimit::max(upload_body_limit)))
        .route("/ansatt/saker/{id}/meldinger/vedlegg/{file}", get(messages::attachment))
        .route("/ansatt/meldinger", get(messages::list))
        .route("/ansatt/saker/{id}/meldinger/fordel", post(messages::route))
        .route("/ansatt/svarmaler", get(messages::templates).post(messages::save_template))
        .route("/ansatt/klager", get(appeals::list))
        .route("/ansatt/saker/{id}/klager", get(appeals::show).post(appeals::act))
        .route("/ansatt/utskrift", get(printing::list))
        .route("/ansatt/utskrift/{letter}", get(printing::pdf).post(printing::printed))
        .route("/ansatt/saker/{id}/moter", get(meetings::show).post(meetings::act))
        .route("/ansatt/saker/{id}/soknad.pdf", get(case::application_pdf))
        .route("/ansatt/saker/{id}/vedlegg.pdf", get(case::merged_pdf))
        .route("/ansatt/saker/{id}/arkiv.pdf", get(case::archive_pdf))
        .route("/ansatt/saker/{id}/dokumenter/{file}", get(case::document))
        .route("/ansatt/demo", get(home::demo_page).post(home::demo_sign_in))
        .route("/ansatt/logget-ut", get(home::signed_out))
        // Everyone can apply (issue 17): registering, the contact centre, callbacks, statistics.
        .route("/ansatt/registrer", get(register::start_page).post(register::start))
        .route("/ansatt/registrer/person", get(register::person_form).post(register::register_person))
        // The scanned original comes with the form; each file is checked on its own after.
        .route("/ansatt/registrer/{id}/send", post(register::send).layer(axum::extract::DefaultBodyLimit::max(64 * 1024 * 1024)))
        .route("/ansatt/registrer/{id}/{step}", get(register::show_step).post(register::save_step))
        .route("/ansatt/kontaktsenter", get(contact::page).post(contact::lookup))
        .route("/ansatt/kontaktsenter/{id}/notat", post(contact::note))
        .route("/ansatt/kontaktsenter/{id}/ring-tilbake", post(contact::callback))
        .route("/ansatt/tilbakeringinger/{id}", post(contact::called))
        .route("/ansatt/statistikk", get(stats::page))
        .route("/ansatt/statistikk.csv", get(stats::csv))
}

fn protection_key(p: Adressebeskyttelse) -> &'static str {
    match p {
        Adressebeskyttelse::StrengtFortrolig => "staff-protected-6",
        Adressebeskyttelse::Fortrolig => "staff-protected-7",
    }
}

/// The status of a case in words, as staff read it.
fn status_text(lang: Lang, status: velferd_formats::soker::SoknadsStatusVerdi) -> String {
    use velferd_formats::soker::SoknadsStatusVerdi as S;
    lang.t(match status {
        S::Mottatt => "case-status-received",
        S::UnderBehandling => "case-status-processing",
        S::Ferdigbehandlet => "case-status-decided",
        S::BehandlesIkke => "case-status-not-processed",
    })
}

/// How long since `sent_ms`, in whole days, in words ("i dag", "3 dager").
fn waited(lang: Lang, sent_ms: i64, now: i64) -> String {
    let days = (now - sent_ms).max(0) / velferd_domain::office::DAY;
    lang.t_n("staff-waited-days", "days", days)
}

pub(crate) fn pdf_response(bytes: Vec<u8>, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
