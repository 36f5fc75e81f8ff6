//! The citizen's PDF copy of what they sent, and the translation of summary rows that the summary
//! page and the PDF share (so they cannot disagree).

use velferd_documents::{Document, Row, Section};
use velferd_domain::application::{as_sent, for_others, SummaryRow, Value};
use velferd_formats::vedlegg::{VedleggSpesifikasjon, VedleggStatus};
use velferd_store::StoredApplication;

use crate::i18n::Lang;

pub fn label(lang: Lang, row: &SummaryRow) -> String {
    match &row.value {
        Value::Numbered(n, _) | Value::NumberedKey(n, _) => lang.t_args(&row.label, &[("number", n.to_string())]),
        _ => lang.t(&row.label),
    }
}

pub fn value(lang: Lang, value: &Value) -> String {
    match value {
        Value::Text(t) | Value::Numbered(_, t) => t.clone(),
        Value::Key(k) | Value::NumberedKey(_, k) => lang.t(k),
        Value::Keys(keys) => keys.iter().map(|k| lang.t(k)).collect::<Vec<_>>().join(", "),
        Value::Amount(b) => b.to_string(),
    }
}

/// One expected document of a sent application and what the citizen did about it, as its
/// `vedlegg.json` says: attached (`LastetOpp`), the office already has it (`VedleggAlleredeSendt`),
/// or still to send (`VedleggKreves`).
pub struct DocumentLine {
    pub label: String,
    /// The state in words ("attached", "the office already has it", "still to send").
    pub state: String,
    /// Still to send: listed under "documents you must send".
    pub must_send: bool,
}

/// Every document in the application's `vedlegg.json`, in its order, with its state in `lang`.
pub fn document_lines(lang: Lang, app: &StoredApplication) -> Vec<DocumentLine> {
    let spec: VedleggSpesifikasjon = match serde_json::from_value(app.vedlegg_json.clone()) {
        Ok(spec) => spec,
        Err(e) => {
            tracing::warn!(error = %e, application = %app.id, "a stored vedlegg.json does not read");
            return vec![];
        }
    };
    spec.vedlegg
        .iter()
        .map(|v| {
            let (key, must_send) = match v.status {
                VedleggStatus::LastetOpp => ("document-state-attached", false),
                VedleggStatus::VedleggAlleredeSendt => ("document-state-office-has-it", false),
                VedleggStatus::VedleggKreves => ("document-state-to-send", true),
            };
            DocumentLine { label: crate::routes::document_label(lang, &v.kind, &v.tilleggsinfo), state: lang.t(key), must_send }
        })
        .collect()
}

/// The PDF copy of a sent application, in `lang`; without any address when `hide_address` (the
/// applicant has a protected address).
pub fn application_pdf(lang: Lang, app: &StoredApplication, office: &str, person_name: &str, hide_address: bool) -> Result<Vec<u8>, String> {
    // The rows as sent: a rule tightened since never changes or breaks an old application's PDF.
    let mut sections: Vec<Section> = for_others(as_sent(app.summary.as_deref(), &app.answers), hide_address)
        .into_iter()
        .map(|s| Section {
            heading: lang.t(&format!("step-{}-title", s.step.slug())),
            rows: s.rows.iter().map(|r| Row::Field { label: label(lang, r), value: value(lang, &r.value) }).collect(),
        })
        .collect();
    // Per document what the citizen did; only what is still to send under "documents you must send".
    let lines = document_lines(lang, app);
    let done: Vec<Row> = lines.iter().filter(|d| !d.must_send).map(|d| Row::Field { label: d.label.clone(), value: d.state.clone() }).collect();
    if !done.is_empty() {
        sections.push(Section { heading: lang.t("receipt-documents-done-heading"), rows: done });
    }
    let to_send: Vec<Row> = lines.iter().filter(|d| d.must_send).map(|d| Row::Field { label: d.label.clone(), value: d.state.clone() }).collect();
    if !to_send.is_empty() {
        sections.push(Section { heading: lang.t("receipt-documents-heading"), rows: to_send });
    }
    let doc = Document {
        title: lang.t("pdf-title"),
        language: lang.code().to_owned(),
        intro: vec![
            format!("{}: {}", lang.t("receipt-reference"), app.reference),
            format!("{}: {}", lang.t("pdf-applicant"), person_name),
            format!("{}: {}", lang.t("receipt-sent"), crate::fmt::date_time(app.sent_ms)),
            format!("{}: {}", lang.t("pdf-office"), office),
        ],
        sections,
        footer: format!("Velferd · {} {}", lang.t("receipt-reference"), app.reference),
        // The documents crate fills in {page} and {pages} itself.
        page_label: lang.t_args("pdf-page-label", &[("page", "{page}".to_owned()), ("pages", "{pages}".to_owned())]),
    };
    velferd_documents::render(&doc).map_err(|e| e.to_string())
}
