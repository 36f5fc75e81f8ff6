//! The citizen's PDF copy of what they sent, and the translation of summary rows that the summary
//! page and the PDF share (so they cannot disagree).

use velferd_documents::{Document, Row, Section};
use velferd_domain::application::{as_sent, for_others, parse_application, SummaryRow, Value};
use velferd_store::StoredApplication;

use crate::i18n::Lang;

pub fn label(lang: Lang, row: &SummaryRow) -> String {
    match &row.value {
        Value::Numbered(n, _) => lang.t_args(&row.label, &[("number", n.to_string())]),
        _ => lang.t(&row.label),
    }
}

pub fn value(lang: Lang, value: &Value) -> String {
    match value {
        Value::Text(t) | Value::Numbered(_, t) => t.clone(),
        Value::Key(k) => lang.t(k),
        Value::Keys(keys) => keys.iter().map(|k| lang.t(k)).collect::<Vec<_>>().join(", "),
        Value::Amount(b) => b.to_string(),
    }
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
    let documents: Vec<Row> = parse_application(&app.answers)
        .map(|typed| velferd_domain::application::required_documents(&typed))
        .unwrap_or_default()
        .into_iter()
        .map(|d| Row::Text(format!("• {}", lang.t(d.why))))
        .collect();
    if !documents.is_empty() {
        sections.push(Section { heading: lang.t("receipt-documents-heading"), rows: documents });
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
