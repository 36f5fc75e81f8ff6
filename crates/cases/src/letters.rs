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

/// One payment as a decision letter lists it, in the letter's words.
#[derive(Debug, Clone)]
pub struct LetterPayment {
    pub description: String,
    /// `9 000 kr`.
    pub amount: String,
    /// `01.12.2026`.
    pub due: String,
    /// "you", or the third party's name.
    pub to: String,
}

/// What a decision letter says, already in the letter's words (the use case translates outcome
/// and recipient; the decision's own texts are the caseworker's).
#[derive(Debug, Clone)]
pub struct DecisionLetter {
    /// The outcome's summary sentence (`letter-vedtak-outcome-*`), naming the sak.
    pub outcome: String,
    pub reasons: String,
    /// Each legal basis as cited with its title: `sosialtjenesteloven § 18 (Stønad til livsopphold)`.
    pub hjemler: Vec<String>,
    pub payments: Vec<LetterPayment>,
    /// Conditions (vilkår): title and what it means.
    pub conditions: Vec<(String, Option<String>)>,
    /// Documents to send (dokumentasjonkrav): title, and by when.
    pub requirements: Vec<(String, Option<String>)>,
    /// The calculation in plain words: (line, amount), then the total; empty when there is none.
    pub calculation: Vec<(String, String)>,
    /// The last day to appeal (`21.12.2026`).
    pub appeal_by: String,
}

/// The decision letter (vedtaksbrev, forvaltningsloven §§ 24–27): plain summary first — what you
/// get, how much, when, and what you must do — then the calculation, the reasons and the legal
/// basis, then how to appeal (three weeks, to the office, which sends it on to the county governor
/// if it keeps its decision) and the right to see the case's documents.
pub fn decision_letter(words: &dyn Words, h: &LetterHead, d: &DecisionLetter) -> Result<Vec<u8>> {
    let mut doc = head(words, words.t("letter-vedtak-title", &[]), h);
    let mut summary = vec![Row::Text(d.outcome.clone())];
    for p in &d.payments {
        let args = [("amount", p.amount.clone()), ("due", p.due.clone()), ("to", p.to.clone()), ("what", p.description.clone())];
        summary.push(Row::Text(format!("• {}", words.t("letter-vedtak-payment", &args))));
    }
    doc.sections.push(Section { heading: words.t("letter-vedtak-summary-heading", &[]), rows: summary });
    let mut todo: Vec<Row> = Vec::new();
    for (title, description) in &d.conditions {
        todo.push(Row::Text(format!("• {}", words.t("letter-vedtak-condition", &[("title", title.clone())]))));
        if let Some(description) = description {
            todo.push(Row::Text(description.clone()));
        }
    }
    for (title, by) in &d.requirements {
        let line = match by {
            Some(date) => words.t("letter-vedtak-requirement", &[("title", title.clone()), ("date", date.clone())]),
            None => words.t("letter-vedtak-requirement-no-date", &[("title", title.clone())]),
        };
        todo.push(Row::Text(format!("• {line}")));
    }
    if todo.is_empty() {
        todo.push(Row::Text(words.t("letter-vedtak-todo-none", &[])));
    }
    doc.sections.push(Section { heading: words.t("letter-vedtak-todo-heading", &[]), rows: todo });
    if !d.calculation.is_empty() {
        let rows = d.calculation.iter().map(|(label, amount)| Row::Field { label: label.clone(), value: amount.clone() }).collect();
        doc.sections.push(Section { heading: words.t("letter-vedtak-calculation-heading", &[]), rows });
    }
    doc.sections.push(Section { heading: words.t("letter-vedtak-reasons-heading", &[]), rows: vec![Row::Text(d.reasons.clone())] });
    let hjemler = d.hjemler.iter().map(|h| Row::Text(format!("• {h}"))).collect();
    doc.sections.push(Section { heading: words.t("letter-vedtak-hjemmel-heading", &[]), rows: hjemler });
    doc.sections.push(Section {
        heading: words.t("letter-vedtak-appeal-heading", &[]),
        rows: vec![
            Row::Text(words.t("letter-vedtak-appeal", &[("date", d.appeal_by.clone()), ("office", h.office.clone())])),
            Row::Text(words.t("letter-vedtak-appeal-how", &[("office", h.office.clone())])),
            Row::Text(words.t("letter-vedtak-documents", &[])),
        ],
    });
    doc.sections.push(signature(words, h));
    pdf(&doc)
}
