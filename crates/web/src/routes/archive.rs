//! The case's archive copy as a PDF (`velferd_cases::archive`): the office's at
//! `/ansatt/saker/{id}/arkiv.pdf` (with its internal notes, audited as `read-archive`), the
//! person's own at `/mine-soknader/{id}/arkiv.pdf` (without them). Laid out with the letters'
//! renderer, so it is PDF/A-2a and PDF/UA-1; times are Norway's.

use axum::extract::{Path, State};
use axum::response::Response;
use velferd_cases::archive::CaseRecord;
use velferd_documents::{Document, Row, Section};
use velferd_domain::application::{as_sent, for_others};

use super::cases::{office_name, translate};
use super::staff::case::{for_office, journal_text};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::session::Citizen;
use crate::{fmt, now_ms, AppState};

/// Who wrote a message, as the archive names them: the caseworker with their office, a helper on
/// behalf of the person (`owner_name`), or the person.
pub(crate) fn author(app: &AppState, lang: Lang, m: &velferd_store::Message, owner_name: &str) -> String {
    if m.from_office {
        lang.t_args("message-from-office", &[("name", m.author_name.clone()), ("office", office_name(app, lang, &m.enhetsnummer))])
    } else {
        super::messages::helper_signature(lang, m, owner_name).unwrap_or_else(|| m.author_name.clone())
    }
}

/// The archive copy of `record` in `lang`, laid out as a document: the office's copy when the
/// record has the journal.
pub(crate) fn document(app: &AppState, lang: Lang, record: &CaseRecord, now: i64) -> Document {
    let sent = &record.application;
    let for_staff = record.journal.is_some();
    let office = office_name(app, lang, &sent.enhetsnummer);
    let mut sections =
        vec![Section { heading: lang.t("archive-application-heading"), rows: vec![Row::Text(lang.t_args("archive-application-text", &[("date", fmt::date_time(sent.sent_ms))]))] }];
    // The answers as sent, never re-validated under today's rules.
    sections.extend(for_others(as_sent(sent.summary.as_deref(), &sent.answers), record.hide_address).into_iter().map(|s| Section {
        heading: lang.t(&format!("step-{}-title", s.step.slug())),
        rows: s.rows.iter().map(|r| Row::Field { label: crate::pdf::label(lang, r), value: crate::pdf::value(lang, &r.value) }).collect(),
    }));
    // What happened, oldest first (a file reads from the start).
    let timeline = record
        .insight
        .view
        .timeline
        .iter()
        .rev()
        .map(|e| {
            let text = if for_staff { for_office(&e.text) } else { e.text.clone() };
            Row::Field { label: fmt::date_time(e.at), value: translate(lang, &text, app) }
        })
        .collect();
    sections.push(Section { heading: lang.t("archive-timeline-heading"), rows: timeline });
    let messages: Vec<Row> = record
        .messages
        .iter()
        .map(|m| {
            let mut value = m.body.clone();
            if m.emergency {
                value = format!("{}\n{value}", lang.t("staff-messages-emergency"));
            }
            if let Some(a) = &m.attachment {
                value =
                    format!("{value}\n{} ({})", lang.t_args("message-attachment", &[("files", a.file_names.join(", "))]), lang.t_n("message-attachment-pages", "pages", a.pages));
            }
            Row::Field { label: format!("{} – {}", author(app, lang, m, &record.owner_name), fmt::date_time(m.created_ms)), value }
        })
        .collect();
    sections.push(Section { heading: lang.t("archive-messages-heading"), rows: if messages.is_empty() { vec![Row::Text(lang.t("archive-messages-none"))] } else { messages } });
    let letters: Vec<Row> = record
        .letters
        .iter()
        .map(|l| {
            let sent_text = lang.t_args("case-letter-sent", &[("date", fmt::date(l.created_ms))]);
            let read = match l.first_opened_ms {
                Some(at) => lang.t_args("staff-case-letter-opened", &[("date", fmt::date_time(at))]),
                None => lang.t("staff-case-letter-unopened"),
            };
            Row::Field { label: l.title.clone(), value: format!("{sent_text}. {read}") }
        })
        .collect();
    sections.push(Section { heading: lang.t("archive-letters-heading"), rows: if letters.is_empty() { vec![Row::Text(lang.t("archive-none"))] } else { letters } });
    let documents: Vec<Row> = record
        .insight
        .submissions
        .iter()
        .flat_map(|s| {
            let key = if s.with_application { "staff-case-document-with-application" } else { "staff-case-document-later" };
            let detail = lang.t_args(key, &[("date", fmt::date_time(s.created_ms))]);
            s.documents.iter().map(move |d| Row::Field { label: super::document_label(lang, &d.kind, &d.tilleggsinfo), value: detail.clone() })
        })
        // Files sent with messages are part of the record too.
        .chain(record.messages.iter().filter_map(|m| {
            let a = m.attachment.as_ref()?;
            Some(Row::Field {
                label: lang.t_args("message-attachment", &[("files", a.file_names.join(", "))]),
                value: lang.t_args("archive-attachment-with-message", &[("who", author(app, lang, m, &record.owner_name)), ("date", fmt::date_time(m.created_ms))]),
            })
        }))
        .collect();
    sections.push(Section { heading: lang.t("archive-documents-heading"), rows: if documents.is_empty() { vec![Row::Text(lang.t("archive-none"))] } else { documents } });
    if let Some(journal) = &record.journal {
        let notes: Vec<Row> = journal.iter().map(|j| Row::Field { label: fmt::date_time(j.at_ms), value: journal_text(lang, j) }).collect();
        sections.push(Section { heading: lang.t("archive-notes-heading"), rows: if notes.is_empty() { vec![Row::Text(lang.t("archive-none"))] } else { notes } });
    }
    Document {
        title: lang.t_args("archive-title", &[("reference", sent.reference.clone())]),
        language: lang.code().to_owned(),
        intro: vec![
            format!("{}: {}", lang.t("receipt-reference"), sent.reference),
            format!("{}: {}", lang.t("pdf-applicant"), record.owner_name),
            format!("{}: {}", lang.t("receipt-sent"), fmt::date_time(sent.sent_ms)),
            format!("{}: {}", lang.t("pdf-office"), office),
            lang.t_args(if for_staff { "archive-office-copy" } else { "archive-own-copy" }, &[("date", fmt::date_time(now))]),
        ],
        sections,
        footer: format!("Velferd · {} {}", lang.t("receipt-reference"), sent.reference),
        page_label: lang.t_args("pdf-page-label", &[("page", "{page}".to_owned()), ("pages", "{pages}".to_owned())]),
    }
}

/// Renders the archive copy off the async threads.
pub(crate) async fn pdf(app: &AppState, lang: Lang, record: &CaseRecord) -> Result<Vec<u8>, AppError> {
    let doc = document(app, lang, record, now_ms());
    tokio::task::spawn_blocking(move || velferd_documents::render(&doc)).await.map_err(|e| AppError::Internal(e.to_string()))?.map_err(|e| AppError::Internal(e.to_string()))
}

/// `GET /mine-soknader/{id}/arkiv.pdf`: the person's own archive copy of their application.
pub async fn own(State(app): State<AppState>, lang: Lang, citizen: Citizen, Path(id): Path<String>) -> Result<Response, AppError> {
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let record = app.cases.own_record(&sent, &citizen.fnr).await?;
    let bytes = pdf(&app, lang, &record).await?;
    Ok(super::staff::pdf_response(bytes, &format!("sak-{}.pdf", sent.reference)))
}
