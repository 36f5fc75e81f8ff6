//! Letters the office sends with an action (forvaltningsbrev): a request for documents, a
//! preliminary answer, and "your application will not be processed". Each is a tagged, accessible
//! PDF in the language the caseworker chose, plain words first: what this means for you and what to
//! do, then the details. Texts are Fluent keys (`letter-*`) through [`Words`].

use velferd_documents::{render, Document, Row, Section};

use crate::{CaseError, Result, Words};

/// Who the letter is to and from, and which application it is about.
#[derive(Debug, Clone)]
pub struct LetterHead {
    pub name: String,
    pub office: String,
    pub office_phone: String,
    pub reference: String,
    /// The date the letter is written, as Norwegians write it (`30.11.2026`).
    pub date: String,
    /// The caseworker who signs it.
    pub caseworker: String,
}

/// A requested document as the letter names it.
#[derive(Debug, Clone)]
pub struct RequestedDocument {
    pub label: String,
}

fn head(words: &dyn Words, title: String, h: &LetterHead) -> Document {
    Document {
        title,
        language: words.code().to_owned(),
        intro: vec![
            words.t("letter-to", &[("name", h.name.clone())]),
            words.t("letter-from", &[("office", h.office.clone())]),
            words.t("letter-date", &[("date", h.date.clone())]),
            words.t("letter-reference", &[("reference", h.reference.clone())]),
        ],
        sections: vec![],
        footer: format!("{} · {}", h.office, h.reference),
        page_label: words.t("letter-page", &[]),
    }
}

fn signature(words: &dyn Words, h: &LetterHead) -> Section {
    Section {
        heading: words.t("letter-contact-heading", &[]),
        rows: vec![
            Row::Text(words.t("letter-contact-text", &[("office", h.office.clone()), ("phone", h.office_phone.clone())])),
            Row::Text(words.t("letter-signed", &[("caseworker", h.caseworker.clone()), ("office", h.office.clone())])),
        ],
    }
}

fn pdf(doc: &Document) -> Result<Vec<u8>> {
    render(doc).map_err(|e| CaseError::Internal(format!("letter: {e}")))
}

/// The letter that comes with a request for documents: what to send, by when, how, and what
/// happens if it does not come.
pub fn request_letter(words: &dyn Words, h: &LetterHead, documents: &[RequestedDocument], deadline: &str, note: &str) -> Result<Vec<u8>> {
    let mut doc = head(words, words.t("letter-request-title", &[]), h);
    let mut what = vec![Row::Text(words.t("letter-request-summary", &[("date", deadline.to_owned()), ("count", documents.len().to_string())]))];
    what.extend(documents.iter().map(|d| Row::Text(format!("• {}", d.label))));
    if !note.is_empty() {
        what.push(Row::Field { label: words.t("letter-request-note", &[]), value: note.to_owned() });
    }
    doc.sections.push(Section { heading: words.t("letter-request-what", &[]), rows: what });
    doc.sections.push(Section { heading: words.t("letter-request-how-heading", &[]), rows: vec![Row::Text(words.t("letter-request-how", &[]))] });
    doc.sections.push(Section { heading: words.t("letter-request-late-heading", &[]), rows: vec![Row::Text(words.t("letter-request-late", &[("date", deadline.to_owned())]))] });
    doc.sections.push(signature(words, h));
    pdf(&doc)
}

/// A preliminary answer (forelopig svar, forvaltningsloven § 11a): the case takes longer than
/// usual, when to expect an answer, and why.
pub fn preliminary_letter(words: &dyn Words, h: &LetterHead, expected: &str, reason: &str) -> Result<Vec<u8>> {
    let mut doc = head(words, words.t("letter-preliminary-title", &[]), h);
    let mut rows = vec![Row::Text(words.t("letter-preliminary-summary", &[("date", expected.to_owned())]))];
    if !reason.is_empty() {
        rows.push(Row::Field { label: words.t("letter-preliminary-reason", &[]), value: reason.to_owned() });
    }
    rows.push(Row::Text(words.t("letter-preliminary-law", &[])));
    doc.sections.push(Section { heading: words.t("letter-preliminary-heading", &[]), rows });
    doc.sections.push(signature(words, h));
    pdf(&doc)
}

/// "Your application will not be processed", with the reason and how to apply again or complain.
pub fn not_processed_letter(words: &dyn Words, h: &LetterHead, reason: &str) -> Result<Vec<u8>> {
    let mut doc = head(words, words.t("letter-not-processed-title", &[]), h);
    doc.sections.push(Section {
        heading: words.t("letter-not-processed-heading", &[]),
        rows: vec![Row::Text(words.t("letter-not-processed-summary", &[])), Row::Field { label: words.t("letter-not-processed-reason", &[]), value: reason.to_owned() }],
    });
    doc.sections.push(Section { heading: words.t("letter-not-processed-next-heading", &[]), rows: vec![Row::Text(words.t("letter-not-processed-next", &[]))] });
    doc.sections.push(signature(words, h));
    pdf(&doc)
}
